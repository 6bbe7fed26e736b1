/* tree_test.c: the executor's mutable response tree. */
#include "exec_testutil.h"
#include "ftest.h"
#include "tree.h"

TEST(converts_and_writes_back)
{
    arena a;
    arena_init(&a, 0);
    const char *text = "{\"a\":[1,2.50,{\"b\":null}],\"c\":\"x\\\"y\",\"d\":true,\"e\":false,"
                       "\"f\":{}}";
    CHECK_STR(tu_tree_text(&a, tu_tree(&a, text)), text);
    CHECK_STR(tu_tree_text(&a, tree_from_json(&a, NULL)), "null");
    arena_free(&a);
}

TEST(get_set_and_typename)
{
    arena a;
    arena_init(&a, 0);
    tree_node *n = tu_tree(&a, "{\"__typename\":\"User\",\"id\":\"1\"}");
    CHECK_STR(tree_typename(n), "User");
    CHECK(tree_get(n, "nope") == NULL);
    CHECK(tree_get(tree_get(n, "id"), "x") == NULL);
    CHECK(tree_typename(tu_tree(&a, "{\"__typename\":1}")) == NULL);
    tree_set(&a, n, "id", tree_new_string(&a, "2"));
    tree_set(&a, n, "name", tree_new_string(&a, "Ada"));
    CHECK_STR(tu_tree_text(&a, n), "{\"__typename\":\"User\",\"id\":\"2\",\"name\":\"Ada\"}");
    tree_rename(n, "name", "title");
    tree_rename(n, "absent", "x");
    CHECK_STR(tu_tree_text(&a, n), "{\"__typename\":\"User\",\"id\":\"2\",\"title\":\"Ada\"}");
    arena_free(&a);
}

TEST(growing_an_object_keeps_member_nodes_in_place)
{
    arena a;
    arena_init(&a, 0);
    tree_node *n = tree_new_object(&a);
    tree_set(&a, n, "first", tu_tree(&a, "{\"x\":1}"));
    tree_node *first = tree_get(n, "first");
    char keys[40][16];
    for (int i = 0; i < 40; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        tree_set(&a, n, keys[i], tree_new_string(&a, keys[i]));
    }
    CHECK_INT(n->len, 41);
    CHECK(tree_get(n, "first") == first);
    CHECK_STR(tu_tree_text(&a, tree_get(n, "k39")), "\"k39\"");
    arena_free(&a);
}

TEST(merge_is_deep_and_keeps_addresses)
{
    arena a;
    arena_init(&a, 0);
    tree_node *dst = tu_tree(&a, "{\"u\":{\"id\":\"1\",\"r\":[{\"id\":\"a\"},{\"id\":\"b\"}]},"
                                 "\"k\":1}");
    tree_node *u = tree_get(dst, "u");
    tree_node *item = &tree_get(u, "r")->u.items[1];
    tree_merge(&a, dst,
               tu_tree(&a, "{\"u\":{\"name\":\"Ada\",\"r\":[{\"t\":1},{\"t\":2}]},"
                           "\"k\":2,\"n\":null}"));
    CHECK_STR(tu_tree_text(&a, dst), "{\"u\":{\"id\":\"1\",\"r\":[{\"id\":\"a\",\"t\":1},"
                                     "{\"id\":\"b\",\"t\":2}],\"name\":\"Ada\"},\"k\":2,"
                                     "\"n\":null}");
    CHECK(tree_get(dst, "u") == u);
    CHECK_STR(tu_tree_text(&a, item), "{\"id\":\"b\",\"t\":2}");
    arena_free(&a);
}

TEST(merge_replaces_what_does_not_line_up)
{
    arena a;
    arena_init(&a, 0);
    tree_node *dst = tu_tree(&a, "{\"l\":[1,2],\"o\":{\"a\":1},\"s\":\"x\"}");
    tree_merge(&a, dst, tu_tree(&a, "{\"l\":[3],\"o\":null,\"s\":{\"b\":2}}"));
    CHECK_STR(tu_tree_text(&a, dst), "{\"l\":[3],\"o\":null,\"s\":{\"b\":2}}");
    arena_free(&a);
}

TEST(get_from_a_hint_wraps_around)
{
    arena a;
    arena_init(&a, 0);
    tree_node *n = tu_tree(&a, "{\"a\":1,\"b\":2,\"c\":3}");
    uint32_t hint = 0;
    CHECK_STR(tu_tree_text(&a, tree_get_from(n, "b", &hint)), "2");
    CHECK_INT(hint, 2);
    CHECK_STR(tu_tree_text(&a, tree_get_from(n, "c", &hint)), "3");
    CHECK_INT(hint, 3);
    CHECK_STR(tu_tree_text(&a, tree_get_from(n, "a", &hint)), "1");
    CHECK_INT(hint, 1);
    CHECK_STR(tu_tree_text(&a, tree_get_from(n, "a", &hint)), "1");
    CHECK(tree_get_from(n, "z", &hint) == NULL);
    CHECK_INT(hint, 1);
    hint = 99;
    CHECK_STR(tu_tree_text(&a, tree_get_from(n, "c", &hint)), "3");
    CHECK(tree_get_from(tree_new_object(&a), "a", &hint) == NULL);
    CHECK(tree_get_from(tu_tree(&a, "[1]"), "a", &hint) == NULL);
    arena_free(&a);
}

TEST_MAIN(RUN(get_from_a_hint_wraps_around); RUN(converts_and_writes_back);
          RUN(get_set_and_typename); RUN(growing_an_object_keeps_member_nodes_in_place);
          RUN(merge_is_deep_and_keeps_addresses); RUN(merge_replaces_what_does_not_line_up);)
