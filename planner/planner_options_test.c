/* planner_options_test.c: type conditions under fields several subgraphs
 * resolve (planner_options.c). Such a field gives the same answer in each, so
 * an object type one of them cannot return there never comes back, and its
 * condition is not sent to any subgraph; the response shape keeps it (its
 * fields then read as null, as with Apollo's and Hive's planners). */
#include "ptest.h"

/* Action has Common and OnlyA in A, Common and OnlyB in B. Box is an entity
 * in both; its wrap (a value type) is in both, bWrap only in B. Loose has
 * no key in B, so its wrap can only come from A. */
static const char *sdl = PTEST_SUPERGRAPH(
    "query: Query") "enum join__Graph {\n"
                    "  A @join__graph(name: \"a\", url: \"http://a\")\n"
                    "  B @join__graph(name: \"b\", url: \"http://b\")\n}\n"
                    "type Query @join__type(graph: A) @join__type(graph: B) {\n"
                    "  boxA: Box @join__field(graph: A)\n  shared: Box\n"
                    "  loose: Loose @join__field(graph: A)\n  actions: [Action]\n}\n"
                    "type Box @join__type(graph: A, key: \"id\") @join__type(graph: B, key: "
                    "\"id\") {\n"
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

/* Plans query; the operation of its one fetch, or NULL. */
static const char *one_fetch(ptest *fx, const char *query)
{
    ptest_plan_sdl(fx, sdl, query, true);
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
    ptest fx;
    CHECK_STR(one_fetch(&fx, "{ boxA { wrap { actions " ALL_MEMBERS " } } }"),
              "{boxA{wrap{actions{__typename ...on Common{label}}}}}");
    arena_free(&fx.a);
}

TEST(a_shared_root_field_keeps_only_the_common_members)
{
    ptest fx;
    CHECK_STR(one_fetch(&fx, "{ actions " ALL_MEMBERS " }"),
              "{actions{__typename ...on Common{label}}}");
    arena_free(&fx.a);
}

TEST(a_field_of_one_subgraph_keeps_that_subgraph_s_members)
{
    ptest fx;
    CHECK_STR(one_fetch(&fx, "{ shared { bWrap { actions " ALL_MEMBERS " } } }"),
              "{shared{bWrap{actions{__typename ...on Common{label}...on OnlyB{b}}}}}");
    arena_free(&fx.a);
}

TEST(a_subgraph_the_object_cannot_reach_does_not_count)
{
    /* Loose has no key: its wrap only ever comes from A. */
    ptest fx;
    CHECK_STR(one_fetch(&fx, "{ loose { wrap { actions " ALL_MEMBERS " } } }"),
              "{loose{wrap{actions{__typename ...on Common{label}...on OnlyA{a}}}}}");
    arena_free(&fx.a);
}

TEST(the_dropped_condition_stays_in_the_response_shape)
{
    ptest fx;
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
