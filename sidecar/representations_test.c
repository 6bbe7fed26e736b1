/* representations_test.c: collecting entity representations and merging
 * entity results back into the response tree. */
#include "exec_testutil.h"
#include "ftest.h"
#include "merge.h"
#include "representations.h"

static const char sdl[] = "type Query { a: Int }\n"
                          "interface Node { id: ID }\n"
                          "type User implements Node { id: ID name: String }\n"
                          "type Product implements Node { id: ID upc: String }\n"
                          "union Thing = User | Product\n";

typedef struct fixture {
    arena a;
    supergraph *sg;
    plan_fetch fetch;
    plan_node node;
    reps_set reps;
    tree_node *root;
} fixture;

static void setup(fixture *f, const char *data, const char *requires)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->a, 0);
    f->sg = tu_supergraph(&f->a, sdl);
    f->fetch.subgraph = "s";
    f->fetch.requires = tu_selection(&f->a, requires);
    f->node.kind = PLAN_FLATTEN;
    f->node.fetch = &f->fetch;
    f->node.paths = ARENA_ARRAY(&f->a, plan_path, 4);
    f->root = tu_tree(&f->a, data);
}

static void add_path(fixture *f, const char *path)
{
    f->node.paths[f->node.npaths++] = tu_path(&f->a, path);
}

static const char *reps_text(fixture *f)
{
    sbuf b;
    sbuf_init(&b);
    reps_collect(&f->a, f->sg, f->root, &f->node, &f->reps);
    reps_write(&b, &f->reps);
    char *s = arena_strndup(&f->a, b.data, b.len);
    sbuf_free(&b);
    return s;
}

static const char *position_path(fixture *f, uint32_t rep, uint32_t pos)
{
    const resp_path *p = &f->reps.entries[rep].positions[pos].path;
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; i < p->len; i++) {
        if (p->steps[i].key)
            sbuf_printf(&b, "/%s", p->steps[i].key);
        else
            sbuf_printf(&b, "/%u", p->steps[i].index);
    }
    char *s = arena_strndup(&f->a, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return s;
}

TEST(lists_are_walked_and_duplicates_sent_once)
{
    fixture f;
    setup(&f,
          "{\"users\":[{\"__typename\":\"User\",\"id\":\"1\",\"name\":\"a\",\"reviews\":["
          "{\"product\":{\"__typename\":\"Product\",\"upc\":\"p1\",\"id\":\"9\"}},"
          "{\"product\":{\"__typename\":\"Product\",\"upc\":\"p2\"}}]},"
          "{\"__typename\":\"User\",\"id\":\"2\",\"reviews\":["
          "{\"product\":{\"__typename\":\"Product\",\"upc\":\"p1\",\"id\":\"8\"}},"
          "{\"product\":null},{}]}]}",
          "... on Product { __typename upc }");
    add_path(&f, "users/@/reviews/@/product");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"Product\",\"upc\":\"p1\"},"
                             "{\"__typename\":\"Product\",\"upc\":\"p2\"}]");
    CHECK_INT(f.reps.len, 2);
    CHECK_INT(f.reps.entries[0].npositions, 2);
    CHECK_INT(f.reps.entries[1].npositions, 1);
    CHECK_STR(position_path(&f, 0, 0), "/users/0/reviews/0/product");
    CHECK_STR(position_path(&f, 0, 1), "/users/1/reviews/0/product");
    CHECK_STR(position_path(&f, 1, 0), "/users/0/reviews/1/product");
    CHECK(f.reps.entries[0].positions[1].object ==
          tree_get(&tree_get(&tree_get(f.root, "users")->u.items[1], "reviews")->u.items[0],
                   "product"));
    arena_free(&f.a);
}

TEST(several_paths_make_one_set)
{
    fixture f;
    setup(&f,
          "{\"me\":{\"__typename\":\"User\",\"id\":\"1\"},\"top\":[{\"__typename\":\"User\","
          "\"id\":\"2\"},{\"__typename\":\"User\",\"id\":\"1\"}]}",
          "... on User { __typename id }");
    add_path(&f, "top/@");
    add_path(&f, "me");
    add_path(&f, "missing/@");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"User\",\"id\":\"2\"},"
                             "{\"__typename\":\"User\",\"id\":\"1\"}]");
    CHECK_STR(position_path(&f, 1, 0), "/top/1");
    CHECK_STR(position_path(&f, 1, 1), "/me");
    arena_free(&f.a);
}

TEST(type_steps_filter_by_typename_and_possible_types)
{
    fixture f;
    setup(&f,
          "{\"things\":[{\"__typename\":\"User\",\"id\":\"1\"},{\"__typename\":\"Product\","
          "\"id\":\"2\"},{\"id\":\"3\"},{\"__typename\":\"Review\",\"id\":\"4\"}]}",
          "... on User { __typename id } ... on Product { __typename id }");
    add_path(&f, "things/@/... on Product");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"Product\",\"id\":\"2\"}]");
    f.node.npaths = 0;
    add_path(&f, "things/@/... on Node");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"User\",\"id\":\"1\"},"
                             "{\"__typename\":\"Product\",\"id\":\"2\"}]");
    f.node.npaths = 0;
    add_path(&f, "things/@/... on Thing");
    CHECK_INT((reps_text(&f), f.reps.len), 2);
    CHECK(reps_type_matches(f.sg, "User", "Node"));
    CHECK(reps_type_matches(f.sg, "Anything", "Anything"));
    CHECK(!reps_type_matches(f.sg, "User", "Product"));
    CHECK(!reps_type_matches(f.sg, "Unknown", "Node"));
    arena_free(&f.a);
}

TEST(objects_missing_a_key_field_are_not_sent)
{
    fixture f;
    /* The second book's entity was not found where its id comes from: no
     * id, no representation; a null member is a value and is sent. */
    setup(&f,
          "{\"books\":[{\"__typename\":\"User\",\"id\":\"1\"},{\"__typename\":\"User\"},"
          "{\"__typename\":\"User\",\"id\":null}]}",
          "... on User { __typename id }");
    add_path(&f, "books/@");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"User\",\"id\":\"1\"},"
                             "{\"__typename\":\"User\",\"id\":null}]");
    CHECK_STR(position_path(&f, 1, 0), "/books/2");
    arena_free(&f.a);
}

TEST(requires_build_nested_values_per_type)
{
    fixture f;
    setup(&f,
          "{\"l\":[{\"__typename\":\"User\",\"id\":\"1\",\"org\":{\"id\":\"o\",\"x\":1},"
          "\"tags\":[{\"k\":\"a\",\"v\":1},null],\"extra\":true},{\"__typename\":\"Product\","
          "\"id\":\"2\",\"upc\":\"u\",\"org\":null},\"scalar\",null,{\"__typename\":\"Review\"}]}",
          "... on User { __typename id org { id } tags { k } } "
          "... on Product { __typename upc org { id } }");
    add_path(&f, "l/@");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"User\",\"id\":\"1\",\"org\":{\"id\":\"o\"},"
                             "\"tags\":[{\"k\":\"a\"},null]},"
                             "{\"__typename\":\"Product\",\"upc\":\"u\",\"org\":null}]");
    arena_free(&f.a);
}

TEST(input_rewrites_change_the_representation)
{
    fixture f;
    setup(&f, "{\"n\":{\"__typename\":\"User\",\"id\":\"1\",\"key\":\"k\"}}",
          "... on User { __typename id key }");
    plan_rewrite rw[2] = {{.path = tu_path(&f.a, "... on User/__typename"), .set_to = "Node"},
                          {.path = tu_path(&f.a, "key"), .rename_to = "otherKey"}};
    f.fetch.input_rewrites = rw;
    f.fetch.ninput_rewrites = 2;
    add_path(&f, "n");
    CHECK_STR(reps_text(&f), "[{\"__typename\":\"Node\",\"id\":\"1\",\"otherKey\":\"k\"}]");
    arena_free(&f.a);
}

TEST(nothing_to_collect)
{
    fixture f;
    setup(&f, "{\"l\":[],\"o\":null,\"s\":\"x\"}", "... on User { __typename id }");
    add_path(&f, "l/@");
    add_path(&f, "o");
    add_path(&f, "s/@");
    add_path(&f, "s/... on User");
    CHECK_STR(reps_text(&f), "[]");
    CHECK_INT(f.reps.len, 0);
    arena_free(&f.a);
}

TEST(entities_merge_into_every_position)
{
    fixture f;
    setup(&f,
          "{\"a\":{\"__typename\":\"User\",\"id\":\"1\"},\"b\":[{\"__typename\":\"User\","
          "\"id\":\"1\"},{\"__typename\":\"User\",\"id\":\"2\"}]}",
          "... on User { __typename id }");
    add_path(&f, "a");
    add_path(&f, "b/@");
    reps_text(&f);
    CHECK(merge_entities(&f.a, f.sg, &f.fetch, &f.reps,
                         tu_json(&f.a, "{\"_entities\":[{\"name\":\"Ada\",\"org\":{\"n\":1}},"
                                       "null]}")));
    CHECK_STR(tu_tree_text(&f.a, f.root),
              "{\"a\":{\"__typename\":\"User\",\"id\":\"1\",\"name\":\"Ada\",\"org\":{\"n\":1}},"
              "\"b\":[{\"__typename\":\"User\",\"id\":\"1\",\"name\":\"Ada\",\"org\":{\"n\":1}},"
              "{\"__typename\":\"User\",\"id\":\"2\"}]}");
    /* The copies are separate: a later merge into one leaves the other alone. */
    tree_merge(&f.a, tree_get(tree_get(f.root, "a"), "org"), tu_tree(&f.a, "{\"m\":2}"));
    CHECK_STR(tu_tree_text(&f.a, tree_get(&tree_get(f.root, "b")->u.items[0], "org")), "{\"n\":1}");
    arena_free(&f.a);
}

TEST(entities_that_do_not_fit_merge_nothing)
{
    fixture f;
    setup(&f, "{\"a\":{\"__typename\":\"User\",\"id\":\"1\"}}", "... on User { __typename id }");
    add_path(&f, "a");
    reps_text(&f);
    CHECK(!merge_entities(&f.a, f.sg, &f.fetch, &f.reps, tu_json(&f.a, "{\"_entities\":[]}")));
    CHECK(!merge_entities(&f.a, f.sg, &f.fetch, &f.reps, tu_json(&f.a, "{\"_entities\":{}}")));
    CHECK(!merge_entities(&f.a, f.sg, &f.fetch, &f.reps, tu_json(&f.a, "{}")));
    CHECK(merge_entities(&f.a, f.sg, &f.fetch, &f.reps, tu_json(&f.a, "{\"_entities\":[7]}")));
    CHECK_STR(tu_tree_text(&f.a, f.root), "{\"a\":{\"__typename\":\"User\",\"id\":\"1\"}}");
    arena_free(&f.a);
}

TEST(output_rewrites_apply_before_merging)
{
    fixture f;
    setup(&f, "{\"a\":{\"__typename\":\"User\",\"id\":\"1\"}}", "... on User { __typename id }");
    plan_rewrite rw[2] = {{.path = tu_path(&f.a, "__typename"), .set_to = "User"},
                          {.path = tu_path(&f.a, "list/@/renamed"), .rename_to = "name"}};
    f.fetch.output_rewrites = rw;
    f.fetch.noutput_rewrites = 2;
    add_path(&f, "a");
    reps_text(&f);
    CHECK(merge_entities(&f.a, f.sg, &f.fetch, &f.reps,
                         tu_json(&f.a, "{\"_entities\":[{\"__typename\":\"Node\",\"list\":"
                                       "[{\"renamed\":\"x\"},{\"other\":1}]}]}")));
    CHECK_STR(tu_tree_text(&f.a, f.root), "{\"a\":{\"__typename\":\"User\",\"id\":\"1\","
                                          "\"list\":[{\"name\":\"x\"},{\"other\":1}]}}");
    arena_free(&f.a);
}

TEST(root_data_merges_at_the_root)
{
    arena a;
    arena_init(&a, 0);
    tree_node *root = tree_new_object(&a);
    plan_fetch fetch = {.subgraph = "s"};
    merge_root(&a, NULL, &fetch, root, tu_json(&a, "{\"me\":{\"id\":\"1\"}}"));
    merge_root(&a, NULL, &fetch, root, tu_json(&a, "{\"me\":{\"name\":\"Ada\"},\"top\":[]}"));
    merge_root(&a, NULL, &fetch, root, tu_json(&a, "null"));
    merge_root(&a, NULL, &fetch, root, NULL);
    CHECK_STR(tu_tree_text(&a, root), "{\"me\":{\"id\":\"1\",\"name\":\"Ada\"},\"top\":[]}");
    arena_free(&a);
}

/* A field the subgraph types differently per type is fetched under an alias
 * for some types (planner_aliases.c): renamed back before merging. */
TEST(output_rewrites_apply_to_root_data)
{
    fixture f;
    setup(&f, "{}", "... on User { __typename id }");
    plan_rewrite rw = {.path = tu_path(&f.a, "things/@/... on Product/id__fm_1"),
                       .rename_to = "id"};
    f.fetch.output_rewrites = &rw;
    f.fetch.noutput_rewrites = 1;
    merge_root(&f.a, f.sg, &f.fetch, f.root,
               tu_json(&f.a, "{\"things\":[{\"__typename\":\"User\",\"id\":\"u1\"},"
                             "{\"__typename\":\"Product\",\"id__fm_1\":\"p1\"},"
                             "{\"__typename\":\"User\",\"id__fm_1\":\"kept\"}]}"));
    CHECK_STR(tu_tree_text(&f.a, f.root), "{\"things\":[{\"__typename\":\"User\",\"id\":\"u1\"},"
                                          "{\"__typename\":\"Product\",\"id\":\"p1\"},"
                                          "{\"__typename\":\"User\",\"id__fm_1\":\"kept\"}]}");
    arena_free(&f.a);
}

/* An object that has the field under both names keeps both: a rename
 * never makes two members of one key. */
TEST(a_rename_onto_an_existing_key_is_not_made)
{
    fixture f;
    setup(&f, "{}", "... on User { __typename id }");
    plan_rewrite rw = {.path = tu_path(&f.a, "a/id__fm_1"), .rename_to = "id"};
    f.fetch.output_rewrites = &rw;
    f.fetch.noutput_rewrites = 1;
    merge_root(&f.a, f.sg, &f.fetch, f.root,
               tu_json(&f.a, "{\"a\":{\"id\":\"1\",\"id__fm_1\":\"1\"}}"));
    CHECK_STR(tu_tree_text(&f.a, f.root), "{\"a\":{\"id\":\"1\",\"id__fm_1\":\"1\"}}");
    arena_free(&f.a);
}

/* Subgraphs need not return __typename in entities; the rewrites' type
 * steps then test the type of the object the representation came from. */
TEST(entity_results_are_of_their_positions_type)
{
    fixture f;
    setup(&f,
          "{\"a\":[{\"__typename\":\"User\",\"id\":\"1\"},"
          "{\"__typename\":\"Product\",\"id\":\"2\"}]}",
          "... on User { __typename id } ... on Product { __typename id }");
    plan_rewrite rw = {.path = tu_path(&f.a, "... on Product/upc__fm_1"), .rename_to = "upc"};
    f.fetch.output_rewrites = &rw;
    f.fetch.noutput_rewrites = 1;
    add_path(&f, "a/@");
    reps_text(&f);
    CHECK(merge_entities(&f.a, f.sg, &f.fetch, &f.reps,
                         tu_json(&f.a, "{\"_entities\":[{\"upc__fm_1\":\"u\"},"
                                       "{\"upc__fm_1\":\"p\"}]}")));
    CHECK_STR(tu_tree_text(&f.a, f.root),
              "{\"a\":[{\"__typename\":\"User\",\"id\":\"1\",\"upc__fm_1\":\"u\"},"
              "{\"__typename\":\"Product\",\"id\":\"2\",\"upc\":\"p\"}]}");
    arena_free(&f.a);
}

TEST_MAIN(RUN(lists_are_walked_and_duplicates_sent_once); RUN(several_paths_make_one_set);
          RUN(type_steps_filter_by_typename_and_possible_types);
          RUN(objects_missing_a_key_field_are_not_sent); RUN(requires_build_nested_values_per_type);
          RUN(input_rewrites_change_the_representation); RUN(nothing_to_collect);
          RUN(entities_merge_into_every_position); RUN(entities_that_do_not_fit_merge_nothing);
          RUN(output_rewrites_apply_before_merging); RUN(root_data_merges_at_the_root);
          RUN(output_rewrites_apply_to_root_data); RUN(a_rename_onto_an_existing_key_is_not_made);
          RUN(entity_results_are_of_their_positions_type);)
