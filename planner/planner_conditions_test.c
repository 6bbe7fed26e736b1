/* planner_conditions_test.c: fetches whose every top field is under a
 * variable @skip/@include run inside Condition nodes (planner_conditions.c),
 * planned against the bench supergraph: me/user/users in accounts,
 * topProducts in products, User.reviews in reviews. */
#include "ptest.h"

#define BENCH FIXTURE_BENCH_SUPERGRAPH

/* The plan's nodes in one line: Seq[..] Par[..] If($v)[then][else] and a
 * fetch's subgraph name. */
static void outline(sbuf *out, const plan_node *n)
{
    if (!n) {
        sbuf_puts(out, "-");
        return;
    }
    switch (n->kind) {
    case PLAN_SEQUENCE:
    case PLAN_PARALLEL:
        sbuf_puts(out, n->kind == PLAN_SEQUENCE ? "Seq[" : "Par[");
        for (uint32_t i = 0; i < n->nchildren; i++) {
            if (i) sbuf_putc(out, ' ');
            outline(out, n->children[i]);
        }
        sbuf_putc(out, ']');
        return;
    case PLAN_FETCH:
    case PLAN_FLATTEN:
        sbuf_puts(out, n->fetch->subgraph);
        return;
    case PLAN_CONDITION:
        sbuf_printf(out, "If($%s)[", n->condition);
        outline(out, n->if_clause);
        sbuf_puts(out, "][");
        outline(out, n->else_clause);
        sbuf_putc(out, ']');
        return;
    }
}

static const char *plan_outline(ptest *fx, const char *query)
{
    ptest_plan_file(fx, BENCH, query);
    CHECK(fx->plan != NULL);
    if (!fx->plan) return "";
    sbuf b;
    sbuf_init(&b);
    outline(&b, fx->plan->root);
    const char *text = arena_strdup(&fx->a, b.data);
    sbuf_free(&b);
    return text;
}

TEST(an_entity_fetch_of_included_fields_runs_only_when_included)
{
    ptest fx;
    CHECK_STR(plan_outline(&fx, "query($r: Boolean!) { me { name reviews @include(if: $r) "
                                "{ body } } }"),
              "Seq[accounts If($r)[reviews][-]]");
    CHECK_INT(fx.plan ? fx.plan->nfetches : 0, 2);
    CHECK_INT(fx.plan ? fx.plan->depth : 0, 2);
    arena_free(&fx.a);
}

TEST(skipped_fields_put_the_fetch_in_the_else_clause)
{
    ptest fx;
    CHECK_STR(plan_outline(&fx, "query($s: Boolean!) { me { name reviews @skip(if: $s) "
                                "{ body } } }"),
              "Seq[accounts If($s)[-][reviews]]");
    arena_free(&fx.a);
}

TEST(root_fetches_of_one_subgraph_each_have_their_conditions)
{
    ptest fx;
    CHECK_STR(plan_outline(&fx, "query($a: Boolean!) { me @include(if: $a) { name } "
                                "topProducts { name } }"),
              "Par[If($a)[accounts][-] products]");
    arena_free(&fx.a);
}

/* One field without the condition: the fetch is needed anyway. */
TEST(a_fetch_with_an_unconditioned_field_has_no_condition)
{
    ptest fx;
    CHECK_STR(plan_outline(&fx, "query($a: Boolean!) { me @include(if: $a) { name } "
                                "users { name } }"),
              "accounts");
    arena_free(&fx.a);
    CHECK_STR(plan_outline(&fx, "query($a: Boolean!, $b: Boolean!) { me @include(if: $a) { "
                                "name } users @include(if: $b) { name } }"),
              "accounts");
    arena_free(&fx.a);
}

/* Conditions of a fragment reach its fields; several nest, the first
 * written outermost, and one met twice is tested once. */
TEST(fragment_conditions_and_several_conditions_nest)
{
    ptest fx;
    CHECK_STR(plan_outline(&fx, "query($a: Boolean!, $b: Boolean!) { me { name "
                                "... @skip(if: $a) { reviews @include(if: $b) { body } } } }"),
              "Seq[accounts If($a)[-][If($b)[reviews][-]]]");
    arena_free(&fx.a);
    CHECK_STR(plan_outline(&fx, "query($a: Boolean!) { me { name ... @include(if: $a) { "
                                "reviews @include(if: $a) { body } } } }"),
              "Seq[accounts If($a)[reviews][-]]");
    arena_free(&fx.a);
}

/* Literal conditions are resolved when planning: no Condition for them. */
TEST(literal_conditions_make_no_condition_node)
{
    ptest fx;
    CHECK_STR(plan_outline(&fx, "{ me { name reviews @include(if: true) { body } } }"),
              "Seq[accounts reviews]");
    arena_free(&fx.a);
}

TEST_MAIN(RUN(an_entity_fetch_of_included_fields_runs_only_when_included);
          RUN(skipped_fields_put_the_fetch_in_the_else_clause);
          RUN(root_fetches_of_one_subgraph_each_have_their_conditions);
          RUN(a_fetch_with_an_unconditioned_field_has_no_condition);
          RUN(fragment_conditions_and_several_conditions_nest);
          RUN(literal_conditions_make_no_condition_node);)
