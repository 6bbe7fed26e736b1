/* model_test.c: loading data.json and building subgraph models, failures
 * included (each with its exact reason), and the look-ups the resolvers use. */
#include "model.h"

#include "ftest.h"
#include "resolvers.h"

static arena test_arena;

static const json_value *json(const char *text)
{
    json_error err;
    return json_parse(&test_arena, text, strlen(text), 0, &err);
}

/* The reason bdata_load gives for text, or "ok". */
static const char *load_data(const char *text, bdata *d)
{
    static char why[256];
    return bdata_load(d, &test_arena, text, strlen(text), why, sizeof why) ? "ok" : why;
}

static const char *const small_data =
    "{\"users\":[{\"id\":\"1\",\"name\":\"Ada\",\"username\":\"ada\",\"birthday\":-1},"
    "{\"id\":\"2\",\"name\":null,\"username\":\"al\"}],"
    "\"products\":[{\"upc\":\"1\",\"name\":\"T\",\"price\":899,\"weight\":100}],"
    "\"inventory\":[{\"upc\":\"1\",\"inStock\":true}],"
    "\"reviews\":[{\"id\":\"r1\",\"body\":\"b\\\"\",\"product\":\"1\",\"author\":\"2\"},"
    "{\"id\":\"r2\",\"body\":\"c\",\"product\":\"1\",\"author\":\"9\"},"
    "{\"id\":\"r3\",\"body\":\"d\",\"product\":\"7\",\"author\":\"2\"}]}";

TEST(data_loads_and_renders)
{
    bdata d;
    CHECK_STR(load_data(small_data, &d), "ok");
    CHECK_INT(d.nusers, 2);
    CHECK_STR(d.users[0].name.s, "\"Ada\"");
    CHECK_STR(d.users[0].birthday.s, "-1");
    CHECK(d.users[1].name.s == NULL);     /* null */
    CHECK(d.users[1].birthday.s == NULL); /* absent */
    CHECK_STR(d.reviews[0].body.s, "\"b\\\"\"");
    CHECK_STR(d.stock[0].in_stock.s, "true");
    CHECK(d.reviews[0].author == &d.users[1]);
    CHECK(d.reviews[1].author == NULL); /* no user 9 */
}

TEST(data_groups_reviews)
{
    bdata d;
    CHECK_STR(load_data(small_data, &d), "ok");
    const bdata_review_list *by2 = bdata_reviews_by_author(&d, json("\"2\""));
    CHECK(by2 && by2->count == 2 && by2->items[0] == &d.reviews[0] &&
          by2->items[1] == &d.reviews[2]);
    const bdata_review_list *of1 = bdata_reviews_of_product(&d, json("\"1\""));
    CHECK(of1 && of1->count == 2);
    CHECK(bdata_reviews_by_author(&d, json("\"1\"")) == NULL);
    CHECK(bdata_reviews_by_author(&d, json("2")) == NULL); /* Map semantics: 2 is not "2" */
}

TEST(data_lookups_match_strings_only)
{
    bdata d;
    CHECK_STR(load_data(small_data, &d), "ok");
    CHECK(bdata_user_by_id(&d, json("\"2\"")) == &d.users[1]);
    CHECK(bdata_user_by_id(&d, json("2")) == NULL);
    CHECK(bdata_user_by_id(&d, NULL) == NULL);
    CHECK(bdata_product_by_upc(&d, json("\"1\"")) == &d.products[0]);
    CHECK(bdata_stock_by_upc(&d, json("\"2\"")) == NULL);
    CHECK(bdata_review_by_id(&d, json("\"r3\"")) == &d.reviews[2]);
}

TEST(data_failures)
{
    bdata d;
    CHECK_STR(load_data("{", &d), "data.json: Unexpected end of input at offset 1");
    CHECK_STR(load_data("{\"users\":[]}", &d),
              "data.json: users, products, inventory and reviews must be arrays");
    CHECK_STR(
        load_data("{\"users\":[{\"id\":1}],\"products\":[],\"inventory\":[],\"reviews\":[]}", &d),
        "data.json: users[0].id is missing or of the wrong type");
    CHECK_STR(load_data("{\"users\":[],\"products\":[],\"inventory\":[],"
                        "\"reviews\":[{\"id\":\"1\",\"product\":\"1\"}]}",
                        &d),
              "data.json: reviews[0].author is missing or of the wrong type");
}

/* The reason bmodel_build gives, or "ok" (the model in *out). */
static const char *build(const char *name, const char *sdl, const bres_binding *table,
                         const bmodel **out)
{
    static char why[256];
    static bdata d;
    load_data(small_data, &d);
    *out = bmodel_build(&test_arena, name, sdl, strlen(sdl), table, &d, why, sizeof why);
    return *out ? "ok" : why;
}

static bval any_field(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)cx, (void)self, (void)field;
    return (bval){.kind = BVAL_NULL};
}

static const char *const accounts_sdl =
    "type Query { me: User user(id: ID!): User users: [User] }\n"
    "type User @key(fields: \"id\") { id: ID! name: String username: String birthday: Int }";

TEST(model_adds_federation)
{
    const bmodel *m;
    CHECK_STR(build("accounts", accounts_sdl, bres_table("accounts"), &m), "ok");
    const bmodel_type *entity = bmodel_type_named(m, "_Entity");
    const bmodel_type *user = bmodel_type_named(m, "User");
    CHECK(entity && entity->is_union && entity->nmembers == 1 && entity->members[0] == user);
    CHECK(bmodel_field_named(m->query, "_entities") != NULL);
    CHECK(bmodel_field_named(m->query, "_service")->composite == bmodel_type_named(m, "_Service"));
    CHECK(bmodel_field_named(user, "reviews") == NULL);
    CHECK(user->resolve_reference != NULL);
    CHECK(bmodel_condition_holds(entity, user));
    CHECK(bmodel_condition_holds(user, user));
    CHECK(!bmodel_condition_holds(user, m->query));
    CHECK(!bmodel_condition_holds(entity, m->query));
    CHECK_STR(m->sdl.s, "\"type Query { me: User user(id: ID!): User users: [User] }\\ntype "
                        "User @key(fields: \\\"id\\\") { id: ID! name: String username: String "
                        "birthday: Int }\"");
}

TEST(model_failures)
{
    const bmodel *m;
    CHECK_STR(build("accounts", "type Query {", bres_table("accounts"), &m),
              "accounts: 1:13: Syntax Error: Expected Name, found <EOF>.");
    CHECK_STR(build("accounts",
                    "type Query { me: User nickname: String } type User @key(fields: "
                    "\"id\") { id: ID! name: String username: String birthday: Int }",
                    bres_table("accounts"), &m),
              "accounts: no resolver for Query.nickname");
    CHECK_STR(build("accounts",
                    "type Query { me: User user(id: ID!): User users: [User] } type "
                    "User { id: ID! name: String username: String birthday: Int }",
                    bres_table("accounts"), &m),
              "accounts: resolver for User.__resolveReference matches nothing in the SDL");
    CHECK_STR(build("accounts",
                    "type Query { me: User users: [User] } type User @key(fields: "
                    "\"id\") { id: ID! name: String username: String birthday: Int }",
                    bres_table("accounts"), &m),
              "accounts: resolver for Query.user matches nothing in the SDL");
    CHECK_STR(build("accounts", "type Query { me: User me: User }", bres_table("accounts"), &m),
              "accounts: field Query.me is defined twice");
    CHECK_STR(build("products", accounts_sdl, bres_table("products"), &m),
              "products: no resolver for Query.me");
    static const bres_binding no_reference[] = {{"Query", "_entities", any_field, NULL},
                                                {"Query", "_service", any_field, NULL},
                                                {"_Service", "sdl", any_field, NULL},
                                                {"T", "id", any_field, NULL},
                                                {NULL, NULL, NULL, NULL}};
    CHECK_STR(build("x", "type T @key(fields: \"id\") { id: ID }", no_reference, &m),
              "x: no reference resolver for entity T");
    CHECK_STR(build("x", "type T { id: ID }", no_reference, &m), "ok");
}

TEST(unknown_subgraph_has_no_table)
{
    CHECK(bres_table("nope") == NULL);
}

TEST_MAIN(arena_init(&test_arena, 0); RUN(data_loads_and_renders); RUN(data_groups_reviews);
          RUN(data_lookups_match_strings_only); RUN(data_failures); RUN(model_adds_federation);
          RUN(model_failures); RUN(unknown_subgraph_has_no_table); arena_free(&test_arena))
