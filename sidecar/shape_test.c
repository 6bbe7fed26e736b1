/* shape_test.c: projecting merged data onto the client's response. */
#include "exec_testutil.h"
#include "ftest.h"
#include "shape.h"

typedef struct shaped {
    const char *data;
    const char *errors;
} shaped;

static shaped run_shape_in(arena *a, supergraph *sg, const plan_shape *s, const char *data,
                           const char *variables, bool fetch_failed, const char *prior_error_path)
{
    resp_errors errs;
    errors_init(&errs, a);
    errs.fetch_failed = fetch_failed;
    if (prior_error_path) {
        const json_value *p = tu_json(a, prior_error_path);
        resp_path path = {.steps = ARENA_ARRAY(a, resp_step, p->len), .len = p->len};
        for (uint32_t i = 0; i < p->len; i++) {
            int64_t n;
            if (json_as_int64(&p->u.items[i], &n))
                path.steps[i].index = (uint32_t)n;
            else
                path.steps[i].key = p->u.items[i].u.str;
        }
        errors_add(&errs, "prior", &path);
    }
    shape_ctx *ctx = ARENA_NEW(a, shape_ctx);
    ctx->arena = a;
    ctx->sg = sg;
    ctx->variables = variables ? tu_json(a, variables) : NULL;
    ctx->errors = &errs;
    sbuf out;
    sbuf_init(&out);
    shape_write(ctx, s, tu_tree(a, data), &out);
    shaped r = {.data = arena_strndup(a, out.data, out.len)};
    sbuf_reset(&out);
    errors_write(&out, &errs);
    r.errors = arena_strndup(a, out.data, out.len);
    sbuf_free(&out);
    return r;
}

static shaped run_shape(arena *a, const plan_shape *s, const char *data, const char *variables,
                        bool fetch_failed, const char *prior_error_path)
{
    static const char sdl[] = "type Query { a: Int } enum Kind { PUBLIC INTERNAL }";
    return run_shape_in(a, tu_supergraph(a, sdl), s, data, variables, fetch_failed,
                        prior_error_path);
}

TEST(order_aliases_and_key_fields_left_out)
{
    arena a;
    arena_init(&a, 0);
    const plan_shape *user =
        TU_SHAPE(&a, tu_field(&a, "name", "name", "User", "name", "String", NULL),
                 tu_field(&a, "userId", "id", "User", "id", "ID!", NULL),
                 tu_field(&a, "again", "id", "User", "id", "ID!", NULL));
    const plan_shape *s = TU_SHAPE(&a, tu_field(&a, "me", "me", "Query", "me", "User", user),
                                   tu_field(&a, "n", "n_1", "Query", "n", "[Int]", NULL));
    shaped r = run_shape(&a, s,
                         "{\"n_1\":[1,null,3],\"me\":{\"__typename\":\"User\",\"id\":\"7\","
                         "\"upc\":\"x\",\"name\":\"Ada\"}}",
                         NULL, false, NULL);
    CHECK_STR(r.data, "{\"me\":{\"name\":\"Ada\",\"userId\":\"7\",\"again\":\"7\"},"
                      "\"n\":[1,null,3]}");
    CHECK_STR(r.errors, "[]");
    arena_free(&a);
}

TEST(typename_from_data_or_parent_type)
{
    arena a;
    arena_init(&a, 0);
    const plan_shape *node = TU_SHAPE(&a, tu_typename("t", "Node"));
    const plan_shape *s =
        TU_SHAPE(&a, tu_typename("__typename", "Query"),
                 tu_field(&a, "nodes", "nodes", "Query", "nodes", "[Node]", node));
    shaped r = run_shape(&a, s, "{\"nodes\":[{\"__typename\":\"User\"},{}]}", NULL, false, NULL);
    CHECK_STR(r.data, "{\"__typename\":\"Query\",\"nodes\":[{\"t\":\"User\"},{\"t\":\"Node\"}]}");
    arena_free(&a);
}

TEST(objects_of_a_type_with_a_shape_of_its_own_take_it)
{
    arena a;
    arena_init(&a, 0);
    plan_shape_field id = tu_field(&a, "id", "id", "Item", "id", "ID", NULL);
    plan_shape_field sku = tu_field(&a, "sku", "sku", "Book", "sku", "String", NULL);
    plan_shape *item = (plan_shape *)TU_SHAPE(&a, id);
    static const char *book_or_film[] = {"Book", "Film"};
    const plan_shape *with_sku = TU_SHAPE(&a, id, sku);
    const plan_shape *variants[] = {with_sku, with_sku};
    item->variant_types = book_or_film;
    item->variants = variants;
    item->nvariants = 2;
    const plan_shape *s =
        TU_SHAPE(&a, tu_field(&a, "items", "items", "Query", "items", "[Item]", item));
    shaped r = run_shape(&a, s,
                         "{\"items\":[{\"__typename\":\"Book\",\"id\":\"1\",\"sku\":\"b\"},"
                         "{\"__typename\":\"Toy\",\"id\":\"2\",\"sku\":\"t\"},"
                         "{\"__typename\":\"Film\",\"id\":\"3\"},{\"id\":\"4\",\"sku\":\"u\"}]}",
                         NULL, false, NULL);
    CHECK_STR(r.data, "{\"items\":[{\"id\":\"1\",\"sku\":\"b\"},{\"id\":\"2\"},"
                      "{\"id\":\"3\",\"sku\":null},{\"id\":\"4\"}]}");
    arena_free(&a);
}

TEST(skip_and_include_read_variables)
{
    arena a;
    arena_init(&a, 0);
    static const char *skip[] = {"skip"}, *inc[] = {"inc"};
    static const plan_shape_guard skip_guard = {.skip_if = skip, .nskip_if = 1};
    static const plan_shape_guard inc_guard = {.include_if = inc, .ninclude_if = 1};
    plan_shape_field skipped = tu_field(&a, "s", "s", "Query", "s", "Int", NULL);
    skipped.guards = &skip_guard;
    skipped.nguards = 1;
    plan_shape_field included = tu_field(&a, "i", "i", "Query", "i", "Int", NULL);
    included.guards = &inc_guard;
    included.nguards = 1;
    const plan_shape *s = TU_SHAPE(&a, skipped, included);
    const char *data = "{\"s\":1,\"i\":2}";
    CHECK_STR(run_shape(&a, s, data, "{\"skip\":true,\"inc\":true}", false, NULL).data,
              "{\"i\":2}");
    CHECK_STR(run_shape(&a, s, data, "{\"skip\":false,\"inc\":false}", false, NULL).data,
              "{\"s\":1}");
    CHECK_STR(run_shape(&a, s, data, NULL, false, NULL).data, "{\"s\":1}");
    arena_free(&a);
}

/* A field selected in two places is there when either selection counts;
 * one selection counts when all its conditions hold. */
TEST(a_field_with_several_guards_needs_one_to_hold)
{
    arena a;
    arena_init(&a, 0);
    static const char *x[] = {"x"}, *y[] = {"y"}, *z[] = {"z"};
    static const plan_shape_guard guards[] = {
        {.include_if = x, .ninclude_if = 1, .skip_if = y, .nskip_if = 1},
        {.include_if = z, .ninclude_if = 1}};
    plan_shape_field f = tu_field(&a, "f", "f", "Query", "f", "Int", NULL);
    f.guards = guards;
    f.nguards = 2;
    const plan_shape *s = TU_SHAPE(&a, f);
    const char *data = "{\"f\":1}";
    CHECK_STR(run_shape(&a, s, data, "{\"x\":true}", false, NULL).data, "{\"f\":1}");
    CHECK_STR(run_shape(&a, s, data, "{\"x\":true,\"y\":true}", false, NULL).data, "{}");
    CHECK_STR(run_shape(&a, s, data, "{\"x\":true,\"y\":true,\"z\":true}", false, NULL).data,
              "{\"f\":1}");
    CHECK_STR(run_shape(&a, s, data, NULL, false, NULL).data, "{}");
    arena_free(&a);
}

TEST(leaf_values_pass_through_whole)
{
    arena a;
    arena_init(&a, 0);
    const plan_shape *s = TU_SHAPE(&a, tu_field(&a, "j", "j", "Query", "j", "JSON", NULL),
                                   tu_field(&a, "f", "f", "Query", "f", "Float", NULL),
                                   tu_field(&a, "m", "m", "Query", "m", "String", NULL));
    shaped r = run_shape(&a, s, "{\"j\":{\"a\":[1,{\"b\":\"\\u00e9\\n\"}]},\"f\":1.50e3}", NULL,
                         false, NULL);
    CHECK_STR(r.data, "{\"j\":{\"a\":[1,{\"b\":\"\xc3\xa9\\n\"}]},\"f\":1.50e3,\"m\":null}");
    CHECK_STR(r.errors, "[]");
    arena_free(&a);
}

TEST(fields_without_a_type_are_nullable)
{
    arena a;
    arena_init(&a, 0);
    plan_shape_field untyped = tu_field(&a, "u", "u", "Query", "u", "Int!", NULL);
    untyped.type = NULL;
    const plan_shape *s = TU_SHAPE(&a, untyped);
    shaped r = run_shape(&a, s, "{}", NULL, false, NULL);
    CHECK_STR(r.data, "{\"u\":null}");
    CHECK_STR(r.errors, "[]");
    CHECK_STR(run_shape(&a, s, "{\"u\":[1]}", NULL, false, NULL).data, "{\"u\":[1]}");
    arena_free(&a);
}

TEST(wrong_kinds_of_values_become_null)
{
    arena a;
    arena_init(&a, 0);
    const plan_shape *obj = TU_SHAPE(&a, tu_field(&a, "x", "x", "O", "x", "Int", NULL));
    const plan_shape *s = TU_SHAPE(&a, tu_field(&a, "l", "l", "Query", "l", "[Int]", NULL),
                                   tu_field(&a, "o", "o", "Query", "o", "O", obj));
    CHECK_STR(run_shape(&a, s, "{\"l\":{\"a\":1},\"o\":[1]}", NULL, false, NULL).data,
              "{\"l\":null,\"o\":null}");
    arena_free(&a);
}

/* { me { id! reviews: [Review!] { body! } } } with me nullable */
static const plan_shape *bubbling_shape(arena *a, const char *me_type)
{
    const plan_shape *review =
        TU_SHAPE(a, tu_field(a, "body", "body", "Review", "body", "String!", NULL));
    const plan_shape *user =
        TU_SHAPE(a, tu_field(a, "id", "id", "User", "id", "ID!", NULL),
                 tu_field(a, "reviews", "reviews", "User", "reviews", "[Review!]", review));
    return TU_SHAPE(a, tu_field(a, "me", "me", "Query", "me", me_type, user),
                    tu_field(a, "ok", "ok", "Query", "ok", "Int", NULL));
}

TEST(null_bubbles_to_the_nearest_nullable_parent)
{
    arena a;
    arena_init(&a, 0);
    shaped r = run_shape(&a, bubbling_shape(&a, "User"),
                         "{\"ok\":1,\"me\":{\"id\":\"1\",\"reviews\":[{\"body\":\"x\"},"
                         "{\"body\":null}]}}",
                         NULL, false, NULL);
    CHECK_STR(r.data, "{\"me\":{\"id\":\"1\",\"reviews\":null},\"ok\":1}");
    CHECK_STR(r.errors, "[{\"message\":\"Cannot return null for non-nullable field Review.body.\","
                        "\"path\":[\"me\",\"reviews\",1,\"body\"]}]");
    r = run_shape(&a, bubbling_shape(&a, "User"), "{\"ok\":1,\"me\":{\"reviews\":[]}}", NULL, false,
                  NULL);
    CHECK_STR(r.data, "{\"me\":null,\"ok\":1}");
    CHECK_STR(r.errors, "[{\"message\":\"Cannot return null for non-nullable field User.id.\","
                        "\"path\":[\"me\",\"id\"]}]");
    r = run_shape(&a, bubbling_shape(&a, "User"),
                  "{\"ok\":1,\"me\":{\"id\":\"1\",\"reviews\":[null]}}", NULL, false, NULL);
    CHECK_STR(r.data, "{\"me\":{\"id\":\"1\",\"reviews\":null},\"ok\":1}");
    CHECK_STR(r.errors, "[{\"message\":\"Cannot return null for non-nullable field User.reviews.\","
                        "\"path\":[\"me\",\"reviews\",0]}]");
    arena_free(&a);
}

TEST(objects_of_inaccessible_types_become_null_without_an_error)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg = tu_supergraph(
        &a, "type Query { a: Int } interface Foo { foo: String } type Baz implements Foo "
            "{ foo: String } type Qux implements Foo { foo: String }");
    diag_list errs;
    diag_init(&errs, &a);
    const char api[] = "type Query { a: Int } interface Foo { foo: String } "
                       "type Qux implements Foo { foo: String }";
    sg->api = schema_from_sdl(&a, api, strlen(api), &errs);
    const plan_shape *foo = TU_SHAPE(&a, tu_field(&a, "foo", "foo", "Foo", "foo", "String", NULL));
    const plan_shape *s = TU_SHAPE(&a, tu_field(&a, "all", "all", "Query", "all", "[Foo]", foo),
                                   tu_field(&a, "one", "one", "Query", "one", "Foo!", foo));
    shaped r = run_shape_in(&a, sg, s,
                            "{\"all\":[{\"__typename\":\"Baz\",\"foo\":\"b\"},{\"__typename\":"
                            "\"Qux\",\"foo\":\"q\"},{\"__typename\":\"Gone\",\"foo\":\"g\"}],"
                            "\"one\":{\"__typename\":\"Qux\",\"foo\":\"q\"}}",
                            NULL, false, NULL);
    CHECK_STR(r.data, "{\"all\":[null,{\"foo\":\"q\"},{\"foo\":\"g\"}],\"one\":{\"foo\":\"q\"}}");
    CHECK_STR(r.errors, "[]");
    /* Where null is not allowed, it bubbles up with the usual error. */
    r = run_shape_in(&a, sg, s, "{\"all\":[],\"one\":{\"__typename\":\"Baz\",\"foo\":\"b\"}}", NULL,
                     false, NULL);
    CHECK_STR(r.data, "null");
    CHECK_STR(r.errors, "[{\"message\":\"Cannot return null for non-nullable field Query.one.\","
                        "\"path\":[\"one\"]}]");
    arena_free(&a);
}

TEST(enum_values_the_schema_lacks_become_null_with_an_error)
{
    arena a;
    arena_init(&a, 0);
    const plan_shape *user = TU_SHAPE(&a, tu_field(&a, "id", "id", "User", "id", "ID!", NULL),
                                      tu_field(&a, "kind", "kind", "User", "kind", "Kind", NULL));
    const plan_shape *s =
        TU_SHAPE(&a, tu_field(&a, "users", "users", "Query", "users", "[User]", user),
                 tu_field(&a, "main", "main", "Query", "main", "Kind!", NULL));
    shaped r = run_shape(&a, s,
                         "{\"users\":[{\"id\":\"1\",\"kind\":\"PUBLIC\"},{\"id\":\"2\","
                         "\"kind\":\"SECRET\"},{\"id\":\"3\",\"kind\":7}],\"main\":\"INTERNAL\"}",
                         NULL, false, NULL);
    CHECK_STR(r.data, "{\"users\":[{\"id\":\"1\",\"kind\":\"PUBLIC\"},{\"id\":\"2\",\"kind\":null},"
                      "{\"id\":\"3\",\"kind\":null}],\"main\":\"INTERNAL\"}");
    CHECK_STR(r.errors,
              "[{\"message\":\"Enum \\\"Kind\\\" cannot represent value: \\\"SECRET\\\"\","
              "\"path\":[\"users\",1,\"kind\"]},{\"message\":\"Enum \\\"Kind\\\" cannot represent "
              "value: a non-string value\",\"path\":[\"users\",2,\"kind\"]}]");
    /* Non-null: the enum error explains the null, which bubbles to data. */
    r = run_shape(&a, s, "{\"users\":[],\"main\":\"SECRET\"}", NULL, false, NULL);
    CHECK_STR(r.data, "null");
    CHECK_STR(r.errors,
              "[{\"message\":\"Enum \\\"Kind\\\" cannot represent value: \\\"SECRET\\\"\","
              "\"path\":[\"main\"]}]");
    arena_free(&a);
}

TEST(null_bubbles_up_to_data)
{
    arena a;
    arena_init(&a, 0);
    shaped r = run_shape(&a, bubbling_shape(&a, "User!"), "{\"ok\":1,\"me\":{\"reviews\":null}}",
                         NULL, false, NULL);
    CHECK_STR(r.data, "null");
    CHECK_STR(r.errors, "[{\"message\":\"Cannot return null for non-nullable field User.id.\","
                        "\"path\":[\"me\",\"id\"]}]");
    r = run_shape(&a, bubbling_shape(&a, "User!"), "{}", NULL, false, NULL);
    CHECK_STR(r.data, "null");
    CHECK_STR(r.errors, "[{\"message\":\"Cannot return null for non-nullable field Query.me.\","
                        "\"path\":[\"me\"]}]");
    arena_free(&a);
}

TEST(no_null_error_where_an_error_already_is)
{
    arena a;
    arena_init(&a, 0);
    const char *data = "{\"me\":{\"id\":null}}";
    shaped r = run_shape(&a, bubbling_shape(&a, "User"), data, NULL, false, "[\"me\",\"id\"]");
    CHECK_STR(r.data, "{\"me\":null,\"ok\":null}");
    CHECK_STR(r.errors, "[{\"message\":\"prior\",\"path\":[\"me\",\"id\"]}]");
    r = run_shape(&a, bubbling_shape(&a, "User"), data, NULL, false, "[\"me\",\"id\",\"x\"]");
    CHECK_STR(r.errors, "[{\"message\":\"prior\",\"path\":[\"me\",\"id\",\"x\"]}]");
    r = run_shape(&a, bubbling_shape(&a, "User"), data, NULL, true, NULL);
    CHECK_STR(r.data, "{\"me\":null,\"ok\":null}");
    CHECK_STR(r.errors, "[]");
    r = run_shape(&a, bubbling_shape(&a, "User"), data, NULL, false, "[\"me\"]");
    CHECK_STR(r.errors, "[{\"message\":\"prior\",\"path\":[\"me\"]},{\"message\":\"Cannot return "
                        "null for non-nullable field User.id.\",\"path\":[\"me\",\"id\"]}]");
    arena_free(&a);
}

TEST(introspection_fields_are_answered_locally)
{
    arena a;
    arena_init(&a, 0);
    static const char query[] = "{ s: __schema { queryType { name } } t: __type(name: \"Nope\") "
                                "{ name } }";
    parse_error err;
    ast_document *doc = parse_document(&a, query, strlen(query), NULL, &err);
    CHECK(doc != NULL);
    if (!doc) return;
    const ast_selection *root = doc->definitions->selection_set;
    plan_shape_field s = {.kind = PLAN_SHAPE_INTROSPECTION,
                          .response_key = "s",
                          .data_key = "s",
                          .parent_type = "Query",
                          .field_name = "__schema",
                          .introspection_doc = doc,
                          .introspection_field = root};
    plan_shape_field t = s;
    t.response_key = t.data_key = "t";
    t.field_name = "__type";
    t.introspection_field = root->next;
    shaped r = run_shape(&a, TU_SHAPE(&a, s, t), "{}", NULL, false, NULL);
    CHECK_STR(r.data, "{\"s\":{\"queryType\":{\"name\":\"Query\"}},\"t\":null}");
    CHECK_STR(r.errors, "[]");
    arena_free(&a);
}

TEST_MAIN(RUN(order_aliases_and_key_fields_left_out); RUN(typename_from_data_or_parent_type);
          RUN(objects_of_a_type_with_a_shape_of_its_own_take_it);
          RUN(skip_and_include_read_variables); RUN(a_field_with_several_guards_needs_one_to_hold);
          RUN(leaf_values_pass_through_whole); RUN(wrong_kinds_of_values_become_null);
          RUN(fields_without_a_type_are_nullable); RUN(null_bubbles_to_the_nearest_nullable_parent);
          RUN(enum_values_the_schema_lacks_become_null_with_an_error); RUN(null_bubbles_up_to_data);
          RUN(no_null_error_where_an_error_already_is);
          RUN(introspection_fields_are_answered_locally);
          RUN(objects_of_inaccessible_types_become_null_without_an_error);)
