/* planner_test.c: the query planner's parts one by one: which subgraph gets
 * each field, the exact operation text sent, forwarded variables,
 * @skip/@include, mutations in order, keys and requires, interface objects,
 * the response shape, errors and limits. Whole plans are snapshot-tested in
 * planner_snapshot_test.c. */
#include "ptest.h"

/* Two subgraphs, mutations in both, and T's field x only where T has no key. */
static const char *small_sdl = PTEST_SUPERGRAPH(
    "query: Query mutation: Mutation") "enum join__Graph {\n"
                                       "  A @join__graph(name: \"a\", url: \"http://a\")\n"
                                       "  B @join__graph(name: \"b\", url: \"http://b\")\n}\n"
                                       "type Query @join__type(graph: A) @join__type(graph: B) {\n"
                                       "  t: T @join__field(graph: A)\n  both: Int\n}\n"
                                       "type Mutation @join__type(graph: A) @join__type(graph: B) "
                                       "{\n"
                                       "  a1: Int @join__field(graph: A)\n  a2: Int "
                                       "@join__field(graph: A)\n"
                                       "  b1: Int @join__field(graph: B)\n}\n"
                                       "type T @join__type(graph: A, key: \"id\") "
                                       "@join__type(graph: B) {\n"
                                       "  id: ID!\n  x: Int @join__field(graph: B)\n}\n";

/* T's key in C is a field only B resolves: reaching x from A takes two jumps. */
static const char *hops_sdl = PTEST_SUPERGRAPH(
    "query: Query") "enum join__Graph {\n"
                    "  A @join__graph(name: \"a\", url: \"http://a\")\n"
                    "  B @join__graph(name: \"b\", url: \"http://b\")\n"
                    "  C @join__graph(name: \"c\", url: \"http://c\")\n}\n"
                    "type Query @join__type(graph: A) @join__type(graph: B) @join__type(graph: C) "
                    "{\n"
                    "  t: T @join__field(graph: A)\n}\n"
                    "type T @join__type(graph: A, key: \"id\") @join__type(graph: B, key: \"id\") "
                    "@join__type(graph: C, key: \"code\") {\n"
                    "  id: ID! @join__field(graph: A) @join__field(graph: B)\n"
                    "  code: String! @join__field(graph: B) @join__field(graph: C)\n"
                    "  x: Int @join__field(graph: C)\n}\n";

#define BENCH FIXTURE_BENCH_SUPERGRAPH
#define SHOP "tests/fixtures/supergraph/shop.graphql"

TEST(one_subgraph_is_one_fetch_with_aliases)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH, "{ me { id login: username } someone: user(id: \"1\") { name } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 1);
        CHECK_INT(fx.plan->depth, 1);
        CHECK_INT(fx.plan->root->kind, PLAN_FETCH);
        CHECK_STR(fx.plan->root->fetch->subgraph, "accounts");
        CHECK_STR(fx.plan->root->fetch->operation,
                  "{me{id login:username}someone:user(id:\"1\"){name}}");
        CHECK_INT(fx.plan->root->fetch->nvariables, 0);
        CHECK(fx.plan->root->fetch->requires == NULL);
    }
    arena_free(&fx.a);
}

TEST(fetches_forward_only_the_variables_they_use)
{
    ptest fx;
    ptest_plan_file(
        &fx, BENCH,
        "query Q($id: ID!, $n: Int = 3) { user(id: $id) { name } topProducts(first: $n) "
        "{ name } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        const plan_node *par = ptest_step(fx.plan, 0);
        CHECK_INT(par->kind, PLAN_PARALLEL);
        CHECK_INT(par->nchildren, 2);
        const plan_fetch *accounts = par->children[0]->fetch, *products = par->children[1]->fetch;
        CHECK_STR(accounts->operation, "query($id:ID!){user(id:$id){name}}");
        CHECK_INT(accounts->nvariables, 1);
        CHECK_STR(accounts->variables[0], "id");
        CHECK_STR(products->operation, "query($n:Int=3){topProducts(first:$n){name}}");
        CHECK_STR(products->variables[0], "n");
    }
    arena_free(&fx.a);
}

TEST(entity_fetch_text_and_representation)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH, "{ me { reviews { body } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 2);
        CHECK_INT(fx.plan->depth, 2);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation, "{me{__typename id}}");
        const plan_node *flatten = ptest_step(fx.plan, 1);
        CHECK_INT(flatten->kind, PLAN_FLATTEN);
        CHECK_INT(flatten->npaths, 1);
        CHECK_INT(flatten->paths[0].nsteps, 1);
        CHECK_STR(flatten->paths[0].steps[0].name, "me");
        CHECK_STR(flatten->fetch->operation,
                  "query($representations:[_Any!]!){_entities(representations:$representations)"
                  "{...on User{reviews{body}}}}");
        CHECK_STR(flatten->fetch->requires_text, "{...on User{__typename id}}");
        CHECK_INT(flatten->fetch->requires->kind, AST_SEL_INLINE_FRAGMENT);
        CHECK_STR(flatten->fetch->requires->type_condition, "User");
    }
    arena_free(&fx.a);
}

TEST(requires_fields_are_fetched_first_and_sent)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH, "{ topProducts { shippingEstimate } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation,
                  "{topProducts{__typename upc price weight}}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->requires_text,
                  "{...on Product{__typename upc price weight}}");
        const plan_path *path = &ptest_step(fx.plan, 1)->paths[0];
        CHECK_INT(path->nsteps, 2);
        CHECK_INT(path->steps[1].kind, PLAN_PATH_LIST);
    }
    arena_free(&fx.a);
}

TEST(requires_of_one_field_with_different_arguments_are_separate_requests)
{
    ptest fx;
    /* Both would send their caption as "caption": one representation cannot
     * carry the two values, so each field gets its own request (Apollo's
     * planner sends one caption to both, a wrong answer for one of them). */
    ptest_plan_file(&fx, "tests/fixtures/supergraph/ifaceobj.graphql",
                    "{ badges { captionEn captionFr } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 4);
        CHECK_INT(fx.plan->depth, 3);
        const plan_node *par = ptest_step(fx.plan, 2);
        CHECK_INT(par->kind, PLAN_PARALLEL);
        CHECK_INT(par->nchildren, 2);
        CHECK_STR(par->children[0]->fetch->requires_text,
                  "{...on Badge{__typename id fm_caption_ecd5af00:caption(lang:\"en\")}}");
        CHECK_STR(par->children[0]->fetch->input_rewrites[0].rename_to, "caption");
        CHECK_STR(par->children[1]->fetch->requires_text,
                  "{...on Badge{__typename id fm_caption_e6a946c1:caption(lang:\"fr\")}}");
        CHECK_STR(par->children[1]->fetch->input_rewrites[0].rename_to, "caption");
    }
    arena_free(&fx.a);
}

TEST(provided_fields_need_no_jump)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH, "{ topProducts { reviews { author { username } } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 2);
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->subgraph, "reviews");
    }
    arena_free(&fx.a);
    ptest_plan_file(&fx, BENCH, "{ topProducts { reviews { author { name } } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) CHECK_INT(fx.plan->nfetches, 3);
    arena_free(&fx.a);
}

TEST(literal_skip_and_include_are_resolved_when_planning)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH,
                    "{ me { id @skip(if: true) name @include(if: true) } topProducts @include(if: "
                    "false) { name } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 1);
        CHECK_STR(fx.plan->root->fetch->operation, "{me{name}}");
        CHECK_INT(fx.plan->shape->nfields, 1);
        CHECK_INT(fx.plan->shape->fields[0].selection->nfields, 1);
        CHECK_STR(fx.plan->shape->fields[0].selection->fields[0].response_key, "name");
    }
    arena_free(&fx.a);
}

TEST(variable_skip_and_include_reach_the_subgraph_and_the_shape)
{
    ptest fx;
    ptest_plan_file(
        &fx, BENCH,
        "query($s: Boolean!, $i: Boolean!) { me { name @skip(if: $s) ... @include(if: $i) "
        "{ id } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_STR(fx.plan->root->fetch->operation,
                  "query($s:Boolean!,$i:Boolean!){me{name@skip(if:$s)id@include(if:$i)}}");
        const plan_shape *me = fx.plan->shape->fields[0].selection;
        CHECK_INT(me->fields[0].nguards, 1);
        CHECK_INT(me->fields[0].guards[0].nskip_if, 1);
        CHECK_STR(me->fields[0].guards[0].skip_if[0], "s");
        CHECK_INT(me->fields[0].guards[0].ninclude_if, 0);
        CHECK_INT(me->fields[1].nguards, 1);
        CHECK_STR(me->fields[1].guards[0].include_if[0], "i");
    }
    arena_free(&fx.a);
}

TEST(mutations_run_in_order_merging_consecutive_fields_of_one_subgraph)
{
    ptest fx;
    ptest_plan_sdl(&fx, small_sdl, "mutation { a1 a2 b1 x: a1 }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->operation_type, AST_OP_MUTATION);
        CHECK_INT(fx.plan->nfetches, 3);
        CHECK_INT(fx.plan->depth, 3);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation, "mutation{a1 a2}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation, "mutation{b1}");
        CHECK_STR(ptest_step(fx.plan, 2)->fetch->operation, "mutation{x:a1}");
        CHECK_INT(ptest_step(fx.plan, 2)->fetch->operation_type, AST_OP_MUTATION);
    }
    arena_free(&fx.a);
}

TEST(shareable_root_field_stays_with_the_other_root_fields)
{
    ptest fx;
    ptest_plan_sdl(&fx, small_sdl, "{ t { id } both }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 1);
        CHECK_STR(fx.plan->root->fetch->operation, "{t{id}both}");
    }
    arena_free(&fx.a);
}

TEST(unreachable_field_is_an_error)
{
    ptest fx;
    ptest_plan_sdl(&fx, small_sdl, "{ t { x } }", true);
    CHECK(fx.plan == NULL);
    CHECK_STR(fx.error, "Cannot plan field T.x: no subgraph can resolve it from subgraph \"a\".");
    arena_free(&fx.a);
}

TEST(deep_nesting_is_refused)
{
    sbuf q;
    sbuf_init(&q);
    sbuf_puts(&q, "{ me ");
    for (int i = 0; i < 70; i++)
        sbuf_puts(&q, "{ reviews { author ");
    sbuf_puts(&q, "{ id }");
    for (int i = 0; i < 70; i++)
        sbuf_puts(&q, "} } ");
    sbuf_puts(&q, "}");
    ptest fx;
    arena_init(&fx.a, 0);
    const char *sdl = fixture_read(&fx.a, BENCH);
    CHECK(sdl != NULL);
    ptest_plan_in(&fx, sdl ? sdl : "", q.data, false);
    CHECK(fx.plan == NULL);
    CHECK_STR(fx.error, "The operation nests deeper than 128 fields.");
    arena_free(&fx.a);
    sbuf_free(&q);
}

TEST(shape_flattens_fragments_and_leaves_out_join_fields)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH,
                    "query { me { ...U ... on User { alias: name } } } fragment U on User { name "
                    "reviews { body } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        const plan_shape *root = fx.plan->shape;
        CHECK_INT(root->nfields, 1);
        CHECK_STR(root->fields[0].parent_type, "Query");
        CHECK_INT(root->fields[0].type->kind, AST_TYPE_NAMED);
        const plan_shape *me = root->fields[0].selection;
        CHECK_INT(me->nfields, 3);
        CHECK_STR(me->fields[0].response_key, "name");
        CHECK_STR(me->fields[1].response_key, "reviews");
        CHECK_STR(me->fields[2].response_key, "alias");
        CHECK_STR(me->fields[2].data_key, "alias");
        CHECK_STR(me->fields[2].field_name, "name");
        CHECK_INT(me->fields[2].nguards, 0);
        CHECK_INT(me->nvariants, 0);
        CHECK_INT(me->fields[1].type->kind, AST_TYPE_LIST);
        CHECK_INT(me->fields[1].selection->nfields, 1);
    }
    arena_free(&fx.a);
}

TEST(shape_of_union_members_and_typename)
{
    ptest fx;
    ptest_plan_file(&fx, SHOP,
                    "{ search(term: \"a\") { __typename ... on Product { upc } ... on User { upc: "
                    "email } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        const plan_shape *s = fx.plan->shape->fields[0].selection;
        CHECK_INT(s->nfields, 1);
        CHECK_INT(s->fields[0].kind, PLAN_SHAPE_TYPENAME);
        CHECK_INT(s->nvariants, 2);
        CHECK_STR(s->variant_types[0], "Product");
        CHECK_STR(s->variant_types[1], "User");
        CHECK_INT(s->variants[0]->nfields, 2);
        CHECK_STR(s->variants[0]->fields[1].response_key, "upc");
        CHECK_STR(s->variants[0]->fields[1].field_name, "upc");
        CHECK_STR(s->variants[1]->fields[1].response_key, "upc");
        CHECK_STR(s->variants[1]->fields[1].field_name, "email");
    }
    arena_free(&fx.a);
}

TEST(shape_of_a_member_field_under_a_union_has_its_type_and_selection)
{
    ptest fx;
    ptest_plan_file(&fx, SHOP, "{ search(term: \"a\") { ... on Product { reviews { body } } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        const plan_shape *s = fx.plan->shape->fields[0].selection;
        CHECK_INT(s->nfields, 0);
        CHECK_INT(s->nvariants, 1);
        CHECK_STR(s->variant_types[0], "Product");
        const plan_shape_field *reviews = &s->variants[0]->fields[0];
        CHECK_STR(reviews->response_key, "reviews");
        CHECK(reviews->type != NULL && reviews->type->kind == AST_TYPE_LIST);
        CHECK(reviews->selection != NULL);
        if (reviews->selection) {
            CHECK_INT(reviews->selection->nfields, 1);
            CHECK_STR(reviews->selection->fields[0].response_key, "body");
        }
    }
    arena_free(&fx.a);
}

TEST(introspection_fields_are_answered_locally)
{
    ptest fx;
    ptest_plan_file(
        &fx, BENCH,
        "{ __schema { ...Q } me { id } } fragment Q on __Schema { queryType { name } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 1);
        const plan_shape_field *f = &fx.plan->shape->fields[0];
        CHECK_INT(f->kind, PLAN_SHAPE_INTROSPECTION);
        CHECK(f->introspection_doc != NULL);
        CHECK_STR(f->introspection_field->name, "__schema");
        CHECK(ast_find_fragment(f->introspection_doc, "Q") != NULL);
    }
    arena_free(&fx.a);
    ptest_plan_file(&fx, BENCH, "{ __typename }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK(fx.plan->root == NULL);
        CHECK_INT(fx.plan->nfetches, 0);
        CHECK_INT(fx.plan->shape->fields[0].kind, PLAN_SHAPE_TYPENAME);
    }
    arena_free(&fx.a);
}

TEST(interface_object_representations_name_the_interface)
{
    ptest fx;
    ptest_plan_file(&fx, SHOP, "{ media { stockCount } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        const plan_fetch *f = ptest_step(fx.plan, 1)->fetch;
        CHECK_STR(f->subgraph, "inventory");
        CHECK_STR(f->requires_text, "{...on Media{__typename id}}");
        CHECK_INT(f->ninput_rewrites, 2);
        CHECK_STR(f->input_rewrites[0].path.steps[0].name, "Book");
        CHECK_STR(f->input_rewrites[0].path.steps[1].name, "__typename");
        CHECK_STR(f->input_rewrites[0].set_to, "Media");
    }
    arena_free(&fx.a);
}

TEST(required_field_with_arguments_is_aliased_and_renamed_back)
{
    ptest fx;
    ptest_plan_file(&fx, SHOP, "{ topProducts { price shippingEstimate } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation,
                  "{topProducts{price __typename upc fm_price_eeba695c:price(currency:\"EUR\")"
                  "weight}}");
        const plan_fetch *f = ptest_step(fx.plan, 1)->fetch;
        CHECK_STR(f->requires_text, "{...on Product{__typename upc "
                                    "fm_price_eeba695c:price(currency:\"EUR\")weight}}");
        CHECK_INT(f->ninput_rewrites, 1);
        CHECK_STR(f->input_rewrites[0].path.steps[0].name, "Product");
        CHECK_STR(f->input_rewrites[0].path.steps[1].name, "fm_price_eeba695c");
        CHECK_STR(f->input_rewrites[0].rename_to, "price");
        CHECK(f->input_rewrites[0].set_to == NULL);
    }
    arena_free(&fx.a);
}

TEST(key_field_meeting_a_client_alias_is_aliased_and_renamed_back)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH, "{ me { id: name reviews { body } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation,
                  "{me{id:name __typename fm_id_811c9dc5:id}}");
        const plan_fetch *f = ptest_step(fx.plan, 1)->fetch;
        CHECK_STR(f->requires_text, "{...on User{__typename fm_id_811c9dc5:id}}");
        CHECK_INT(f->ninput_rewrites, 1);
        CHECK_STR(f->input_rewrites[0].rename_to, "id");
        CHECK_STR(fx.plan->shape->fields[0].selection->fields[0].data_key, "id");
    }
    arena_free(&fx.a);
}

TEST(context_arguments_are_refused)
{
    ptest fx;
    ptest_plan_file(&fx, "tests/fixtures/supergraph/context.graphql",
                    "{ organization(id: \"1\") { members { balance } } }");
    CHECK(fx.plan == NULL);
    CHECK_STR(fx.error,
              "Cannot plan field Member.balance: arguments taken from @context are not supported.");
    arena_free(&fx.a);
}

TEST(a_key_the_source_lacks_is_fetched_through_another_jump)
{
    ptest fx;
    ptest_plan_sdl(&fx, hops_sdl, "{ t { x } }", true);
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 3);
        CHECK_INT(fx.plan->depth, 3);
        CHECK_STR(ptest_step(fx.plan, 0)->fetch->operation, "{t{__typename id}}");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->subgraph, "b");
        CHECK_STR(ptest_step(fx.plan, 1)->fetch->operation,
                  "query($representations:[_Any!]!){_entities(representations:$representations)"
                  "{...on T{code}}}");
        CHECK_STR(ptest_step(fx.plan, 2)->fetch->subgraph, "c");
        CHECK_STR(ptest_step(fx.plan, 2)->fetch->requires_text, "{...on T{__typename code}}");
    }
    arena_free(&fx.a);
}

TEST(entity_fetches_of_one_step_are_batched)
{
    ptest fx;
    ptest_plan_file(&fx, BENCH, "{ users { reviews { body } } topProducts { reviews { body } } }");
    CHECK(fx.plan != NULL);
    if (fx.plan) {
        CHECK_INT(fx.plan->nfetches, 3);
        const plan_node *batch = ptest_step(fx.plan, 1);
        CHECK_INT(batch->kind, PLAN_FLATTEN);
        CHECK_INT(batch->npaths, 2);
        CHECK_STR(batch->fetch->requires_text,
                  "{...on User{__typename id}...on Product{__typename upc}}");
    }
    arena_free(&fx.a);
}

TEST(plan_print_condition_and_several_paths)
{
    plan_fetch fetch = {.subgraph = "s", .operation = "{a}"};
    plan_node leaf = {.kind = PLAN_FETCH, .fetch = &fetch};
    plan_node cond = {.kind = PLAN_CONDITION, .condition = "v", .if_clause = &leaf};
    plan p = {.root = &cond};
    sbuf out;
    sbuf_init(&out);
    plan_print(&out, &p);
    CHECK_STR(out.data, "QueryPlan {\n"
                        "  Condition(if: $v) {\n"
                        "    Then {\n"
                        "      Fetch(service: \"s\") {\n"
                        "        {\n"
                        "          a\n"
                        "        }\n"
                        "      },\n"
                        "    }\n"
                        "  },\n"
                        "}\n");
    sbuf_free(&out);
}

TEST_MAIN(
    RUN(one_subgraph_is_one_fetch_with_aliases); RUN(fetches_forward_only_the_variables_they_use);
    RUN(entity_fetch_text_and_representation); RUN(requires_fields_are_fetched_first_and_sent);
    RUN(requires_of_one_field_with_different_arguments_are_separate_requests);
    RUN(provided_fields_need_no_jump); RUN(literal_skip_and_include_are_resolved_when_planning);
    RUN(variable_skip_and_include_reach_the_subgraph_and_the_shape);
    RUN(mutations_run_in_order_merging_consecutive_fields_of_one_subgraph);
    RUN(shareable_root_field_stays_with_the_other_root_fields); RUN(unreachable_field_is_an_error);
    RUN(deep_nesting_is_refused); RUN(shape_flattens_fragments_and_leaves_out_join_fields);
    RUN(shape_of_union_members_and_typename);
    RUN(shape_of_a_member_field_under_a_union_has_its_type_and_selection);
    RUN(introspection_fields_are_answered_locally);
    RUN(interface_object_representations_name_the_interface);
    RUN(required_field_with_arguments_is_aliased_and_renamed_back);
    RUN(key_field_meeting_a_client_alias_is_aliased_and_renamed_back);
    RUN(context_arguments_are_refused); RUN(a_key_the_source_lacks_is_fetched_through_another_jump);
    RUN(entity_fetches_of_one_step_are_batched); RUN(plan_print_condition_and_several_paths);)
