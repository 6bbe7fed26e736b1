/* planner_options_test.c: type conditions under fields several subgraphs
 * resolve (planner_options.c). Such a field gives the same answer in each, so
 * an object type one of them cannot return there never comes back, and its
 * condition is not sent to any subgraph; the response shape keeps it (its
 * fields then read as null, as with Apollo's and Hive's planners). */
#include <stdlib.h>

#include "ftest.h"
#include "parser.h"
#include "planner.h"
#include "validate.h"

/* Action has Common and OnlyA in A, Common and OnlyB in B. Box is an entity
 * in both; its wrap (a value type) is in both, bWrap only in B. Loose has
 * no key in B, so its wrap can only come from A. */
static const char *sdl =
    "schema @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"
    "  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n"
    "{ query: Query }\n"
    "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "
    "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: "
    "Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION\n"
    "directive @join__graph(name: String!, url: String!) on ENUM_VALUE\n"
    "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = "
    "false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on "
    "OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR\n"
    "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION\n"
    "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) "
    "repeatable on SCHEMA\n"
    "scalar join__FieldSet\nscalar link__Import\nenum link__Purpose { SECURITY EXECUTION }\n"
    "enum join__Graph {\n"
    "  A @join__graph(name: \"a\", url: \"http://a\")\n"
    "  B @join__graph(name: \"b\", url: \"http://b\")\n}\n"
    "type Query @join__type(graph: A) @join__type(graph: B) {\n"
    "  boxA: Box @join__field(graph: A)\n  shared: Box\n"
    "  loose: Loose @join__field(graph: A)\n  actions: [Action]\n}\n"
    "type Box @join__type(graph: A, key: \"id\") @join__type(graph: B, key: \"id\") {\n"
    "  id: ID!\n  wrap: Wrap\n  bWrap: Wrap @join__field(graph: B)\n}\n"
    "type Loose @join__type(graph: A) @join__type(graph: B) { wrap: Wrap }\n"
    "type Wrap @join__type(graph: A) @join__type(graph: B) { actions: [Action] }\n"
    "union Action @join__type(graph: A) @join__type(graph: B)"
    " @join__unionMember(graph: A, member: \"Common\")"
    " @join__unionMember(graph: B, member: \"Common\")"
    " @join__unionMember(graph: A, member: \"OnlyA\")"
    " @join__unionMember(graph: B, member: \"OnlyB\") = Common | OnlyA | OnlyB\n"
    "type Common @join__type(graph: A) @join__type(graph: B) { label: String }\n"
    "type OnlyA @join__type(graph: A) { a: String }\n"
    "type OnlyB @join__type(graph: B) { b: String }\n";

#define ALL_MEMBERS "{ __typename ... on Common { label } ... on OnlyA { a } ... on OnlyB { b } }"

typedef struct fixture {
    arena a;
    diag_list errs;
    plan *plan;
} fixture;

/* Plans query; the operation of its one fetch, or NULL. */
static const char *one_fetch(fixture *fx, const char *query)
{
    arena_init(&fx->a, 0);
    diag_init(&fx->errs, &fx->a);
    supergraph *sg = sg_load(&fx->a, sdl, strlen(sdl), &fx->errs);
    ast_document *doc = parse_document(&fx->a, query, strlen(query), NULL, NULL);
    CHECK(sg != NULL);
    CHECK(doc != NULL);
    if (!sg || !doc) return NULL;
    CHECK(validate_document(sg->api, doc, &fx->errs));
    fx->plan = qp_plan(&fx->a, sg, doc, ast_find_operation(doc, NULL), &fx->errs);
    CHECK(fx->plan != NULL);
    if (!fx->plan) return NULL;
    CHECK_INT(fx->plan->nfetches, 1);
    CHECK_INT(fx->plan->root->kind, PLAN_FETCH);
    return fx->plan->root->fetch->operation;
}

TEST(a_member_the_other_subgraph_lacks_under_a_shared_field_is_not_asked_for)
{
    /* wrap may come from A or, through Box's key, from B: only Common is
     * one both can return under actions. */
    fixture fx;
    CHECK_STR(one_fetch(&fx, "{ boxA { wrap { actions " ALL_MEMBERS " } } }"),
              "{boxA{wrap{actions{__typename ...on Common{label}}}}}");
    arena_free(&fx.a);
}

TEST(a_shared_root_field_keeps_only_the_common_members)
{
    fixture fx;
    CHECK_STR(one_fetch(&fx, "{ actions " ALL_MEMBERS " }"),
              "{actions{__typename ...on Common{label}}}");
    arena_free(&fx.a);
}

TEST(a_field_of_one_subgraph_keeps_that_subgraph_s_members)
{
    fixture fx;
    CHECK_STR(one_fetch(&fx, "{ shared { bWrap { actions " ALL_MEMBERS " } } }"),
              "{shared{bWrap{actions{__typename ...on Common{label}...on OnlyB{b}}}}}");
    arena_free(&fx.a);
}

TEST(a_subgraph_the_object_cannot_reach_does_not_count)
{
    /* Loose has no key: its wrap only ever comes from A. */
    fixture fx;
    CHECK_STR(one_fetch(&fx, "{ loose { wrap { actions " ALL_MEMBERS " } } }"),
              "{loose{wrap{actions{__typename ...on Common{label}...on OnlyA{a}}}}}");
    arena_free(&fx.a);
}

TEST(the_dropped_condition_stays_in_the_response_shape)
{
    fixture fx;
    CHECK(one_fetch(&fx, "{ actions { ... on OnlyA { a } } }") != NULL);
    if (fx.plan) {
        const plan_shape *actions = fx.plan->shape->fields[0].selection;
        CHECK_INT(actions->nfields, 0);
        CHECK_INT(actions->nvariants, 1);
        if (actions->nvariants == 1) {
            CHECK_STR(actions->variant_types[0], "OnlyA");
            CHECK_INT(actions->variants[0]->nfields, 1);
            CHECK_STR(actions->variants[0]->fields[0].response_key, "a");
        }
    }
    arena_free(&fx.a);
}

TEST_MAIN(RUN(a_member_the_other_subgraph_lacks_under_a_shared_field_is_not_asked_for);
          RUN(a_shared_root_field_keeps_only_the_common_members);
          RUN(a_field_of_one_subgraph_keeps_that_subgraph_s_members);
          RUN(a_subgraph_the_object_cannot_reach_does_not_count);
          RUN(the_dropped_condition_stays_in_the_response_shape);)
