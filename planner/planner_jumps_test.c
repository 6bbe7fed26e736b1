/* planner_jumps_test.c: how the planner reaches fields across subgraphs when
 * the plain key jump from the field's own object cannot: through an
 * enclosing entity (planner_parent.c), and what an @external key field is
 * worth in a subgraph that found the object itself: nothing (only a
 * representation gives it a value). The exact operations sent are checked. */
#include "ptest.h"

/* Shelf is keyless; its stock is only in W, which has Product only by "id sku". */
static const char *shelf_sdl = PTEST_SUPERGRAPH(
    "query: Query") "enum join__Graph {\n"
                    "  C @join__graph(name: \"c\", url: \"http://c\")\n"
                    "  W @join__graph(name: \"w\", url: \"http://w\")\n}\n"
                    "type Query @join__type(graph: C) @join__type(graph: W) {\n"
                    "  products: [Product!]! @join__field(graph: C)\n"
                    "  product: Product @join__field(graph: C)\n}\n"
                    "type Product @join__type(graph: C, key: \"id\") @join__type(graph: C, key: "
                    "\"id sku\")"
                    " @join__type(graph: W, key: \"id sku\") {\n"
                    "  id: ID!\n  sku: String!\n  title: String @join__field(graph: C)\n"
                    "  shelf: Shelf\n  place: Place\n}\n"
                    "type Shelf @join__type(graph: C) @join__type(graph: W) {\n"
                    "  aisle: Int\n  stock: Int @join__field(graph: W)\n}\n"
                    "type Bin @join__type(graph: C) @join__type(graph: W) { code: String }\n"
                    "union Place @join__type(graph: C) @join__type(graph: W)"
                    " @join__unionMember(graph: C, member: \"Shelf\")"
                    " @join__unionMember(graph: C, member: \"Bin\")"
                    " @join__unionMember(graph: W, member: \"Shelf\")"
                    " @join__unionMember(graph: W, member: \"Bin\") = Shelf | Bin\n";

/* Maker's id is only in B, its name only in M (keyed by id), both reached
 * from D's product: B through Product's key, M through Maker's, once B gave it. */
static const char *maker_sdl = PTEST_SUPERGRAPH(
    "query: Query") "enum join__Graph {\n"
                    "  B @join__graph(name: \"b\", url: \"http://b\")\n"
                    "  D @join__graph(name: \"d\", url: \"http://d\")\n"
                    "  M @join__graph(name: \"m\", url: \"http://m\")\n}\n"
                    "type Query @join__type(graph: B) @join__type(graph: D) @join__type(graph: M) "
                    "{\n"
                    "  product: Product @join__field(graph: D)\n}\n"
                    "type Product @join__type(graph: B, key: \"id\") @join__type(graph: D, key: "
                    "\"id\") {\n"
                    "  id: ID @join__field(graph: B, external: true) @join__field(graph: D)\n"
                    "  maker: Maker @join__field(graph: B)\n}\n"
                    "type Maker @join__type(graph: B) @join__type(graph: M, key: \"id\") {\n"
                    "  id: ID\n  name: String @join__field(graph: M)\n}\n";

/* Each subgraph has the other's type with its key field @external, and
 * returns nonsense there for objects its own root field finds. */
static const char *node_sdl = PTEST_SUPERGRAPH(
    "query: Query") "enum join__Graph {\n"
                    "  A @join__graph(name: \"a\", url: \"http://a\")\n"
                    "  B @join__graph(name: \"b\", url: \"http://b\")\n}\n"
                    "type Query @join__type(graph: A) @join__type(graph: B) {\n"
                    "  node(id: ID!): Node\n  account: Account @join__field(graph: A)\n}\n"
                    "interface Node @join__type(graph: A) @join__type(graph: B) { id: ID! }\n"
                    "type Account implements Node @join__implements(graph: A, interface: \"Node\")"
                    " @join__implements(graph: B, interface: \"Node\")"
                    " @join__type(graph: A, key: \"id\") @join__type(graph: B, key: \"id\") {\n"
                    "  id: ID! @join__field(graph: A) @join__field(graph: B, external: true)\n"
                    "  name: String @join__field(graph: A)\n  chats: [Chat] @join__field(graph: "
                    "B)\n}\n"
                    "type Chat implements Node @join__implements(graph: A, interface: \"Node\")"
                    " @join__implements(graph: B, interface: \"Node\")"
                    " @join__type(graph: A, key: \"id\") @join__type(graph: B, key: \"id\") {\n"
                    "  id: ID! @join__field(graph: A, external: true) @join__field(graph: B)\n"
                    "  text: String @join__field(graph: B)\n  owner: Account @join__field(graph: "
                    "A)\n}\n";

#define ENTITIES(sel)                                                                              \
    "query($representations:[_Any!]!){_entities(representations:$representations)" sel "}"

TEST(keyless_field_is_fetched_through_the_enclosing_entity)
{
    ptest fx;
    ptest_plan_sdl(&fx, shelf_sdl, "{ products { title shelf { aisle stock } } }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 2);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation,
                  "{products{title shelf{aisle}__typename id sku}}");
        const plan_node *w = ptest_step(fx.plan, 1);
        CHECK_STR(w->fetch->subgraph, "w");
        CHECK_STR(w->fetch->requires_text, "{...on Product{__typename id sku}}");
        CHECK_STR(w->fetch->operation, ENTITIES("{...on Product{shelf{stock}}}"));
        CHECK_INT(w->npaths, 1);
        CHECK_INT(w->paths[0].nsteps, 2);
        CHECK_STR(w->paths[0].steps[0].name, "products");
    }
    arena_free(&fx.a);
}

TEST(the_path_is_selected_again_with_aliases_and_type_conditions)
{
    ptest fx;
    ptest_plan_sdl(&fx, shelf_sdl,
                   "{ product { at: place { ... on Shelf { s: stock } ... on Bin { code } } } }",
                   true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 2);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation,
                  "{product{at:place{__typename ...on Bin{code}}__typename id sku}}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation,
                  ENTITIES("{...on Product{at:place{__typename ...on Shelf{s:stock}}}}"));
    }
    arena_free(&fx.a);
}

TEST(an_object_with_nothing_left_to_select_is_not_selected)
{
    ptest fx;
    ptest_plan_sdl(&fx, shelf_sdl, "{ product { shelf { stock } } }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation, "{product{__typename id sku}}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation,
                  ENTITIES("{...on Product{shelf{stock}}}"));
    }
    arena_free(&fx.a);
}

TEST(a_key_found_through_the_parent_feeds_the_next_jump)
{
    ptest fx;
    ptest_plan_sdl(&fx, maker_sdl, "{ product { maker { name } } }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 3);
        CHECK_INT(fx.plan->depth, 3);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation, "{product{__typename id}}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->subgraph, "b");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation,
                  ENTITIES("{...on Product{maker{__typename id}}}"));
        CHECK_STR(ptest_step(fx.plan, 2)->fetch->subgraph, "m");
        CHECK_STR(ptest_step(fx.plan, 2)->fetch->requires_text, "{...on Maker{__typename id}}");
        CHECK_STR(ptest_step(fx.plan, 2)->fetch->operation, ENTITIES("{...on Maker{name}}"));
    }
    arena_free(&fx.a);
}

TEST(the_parent_jump_starts_from_the_earliest_copy_of_the_entity)
{
    /* maker reaches B from D's product; maker's id then comes through the
     * product again, from D (which has the key), not from B's copy: B's
     * request waits only for D's, and M's for B's. */
    ptest fx;
    ptest_plan_sdl(&fx, maker_sdl, "{ product { maker { id name } } }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 3);
        CHECK_INT(fx.plan->depth, 3);
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation,
                  ENTITIES("{...on Product{maker{id __typename}}}"));
    }
    arena_free(&fx.a);
}

TEST(no_enclosing_entity_leaves_the_field_unreachable)
{
    ptest fx;
    const char *no_parent = PTEST_SUPERGRAPH(
        "query: Query") "enum join__Graph {\n"
                        "  A @join__graph(name: \"a\", url: \"http://a\")\n"
                        "  B @join__graph(name: \"b\", url: \"http://b\")\n}\n"
                        "type Query @join__type(graph: A) @join__type(graph: B) {\n"
                        "  s: S @join__field(graph: A)\n}\n"
                        "type S @join__type(graph: A) @join__type(graph: B) {\n"
                        "  a: Int @join__field(graph: A)\n  b: Int @join__field(graph: B)\n}\n";
    ptest_plan_sdl(&fx, no_parent, "{ s { a b } }", true);
    CHECK(fx.plan == NULL);
    CHECK_STR(fx.error, "Cannot plan field S.b: no subgraph can resolve it from subgraph \"a\".");
    arena_free(&fx.a);
}

TEST(an_external_key_field_of_an_object_found_by_the_subgraph_is_not_used)
{
    /* a's Chat ids are not real, so Node.id cannot come from a for chats,
     * nor can a give b the key to ask. */
    ptest fx;
    ptest_plan_sdl(&fx, node_sdl, "{ node(id: \"c1\") { id } }", true);
    CHECK(fx.plan == NULL);
    CHECK_STR(fx.error,
              "Cannot plan field Chat.id: no subgraph can resolve it from subgraph \"a\".");
    arena_free(&fx.a);
}

TEST(fields_under_type_conditions_choose_the_root_subgraph)
{
    ptest fx;
    ptest_plan_sdl(&fx, node_sdl,
                   "{ a: node(id: \"a1\") { ... on Account { id name } }"
                   " c: node(id: \"c1\") { ... F } } fragment F on Chat { id text }",
                   true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 2);
        CHECK_INT(fx.plan->depth, 1);
        const plan_node *par = ptest_step(fx.plan, 0);
        CHECK_STR(par->children[0]->fetch->subgraph, "a");
        CHECK_STR(par->children[0]->fetch->operation,
                  "{a:node(id:\"a1\"){__typename ...on Account{id name}}}");
        CHECK_STR(par->children[1]->fetch->subgraph, "b");
        CHECK_STR(par->children[1]->fetch->operation,
                  "{c:node(id:\"c1\"){__typename ...on Chat{id text}}}");
    }
    arena_free(&fx.a);
}

TEST(the_root_subgraph_is_one_that_can_hand_on_the_key)
{
    /* a lacks text and cannot give b Chat's key; b lacks owner and can give
     * a the key: b answers node, though it leaves more fields to others. */
    ptest fx;
    ptest_plan_sdl(&fx, node_sdl, "{ node(id: \"c1\") { ... on Chat { text owner { id name } } } }",
                   true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 2);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->subgraph, "b");
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation,
                  "{node(id:\"c1\"){__typename ...on Chat{text __typename id}}}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->subgraph, "a");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation,
                  ENTITIES("{...on Chat{owner{id name}}}"));
    }
    arena_free(&fx.a);
}

TEST_MAIN(RUN(keyless_field_is_fetched_through_the_enclosing_entity);
          RUN(the_path_is_selected_again_with_aliases_and_type_conditions);
          RUN(an_object_with_nothing_left_to_select_is_not_selected);
          RUN(a_key_found_through_the_parent_feeds_the_next_jump);
          RUN(the_parent_jump_starts_from_the_earliest_copy_of_the_entity);
          RUN(no_enclosing_entity_leaves_the_field_unreachable);
          RUN(an_external_key_field_of_an_object_found_by_the_subgraph_is_not_used);
          RUN(fields_under_type_conditions_choose_the_root_subgraph);
          RUN(the_root_subgraph_is_one_that_can_hand_on_the_key);)
