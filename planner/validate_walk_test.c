/* validate_walk_test.c: the type-tracking walker (what it reports at each
 * selection), and the structure rules at their limits: nesting deeper than
 * the walker goes, long fragment chains, schemas without some root types. */
#include "ftest.h"
#include "validate_rules.h"
#include "validate_walk.h"
#include "vtest.h"

#include "sbuf.h"

static vtest t;

static const char *type_name(const schema_type *type)
{
    return type ? type->name : "-";
}

/* One line per visited selection: depth, what it is, and what the walker
 * knows there. */
static void trace(void *user, const vwalk_at *at)
{
    static const char *kinds[] = {"field", "spread", "inline"};
    sbuf_printf(user, "%u %s %s parent=%s field=%s type=%s\n", at->depth, kinds[at->sel->kind],
                at->sel->name ? at->sel->name : type_name(NULL), type_name(at->parent),
                at->field ? at->field->name : "-", type_name(at->type));
}

static const char *walk(const char *query)
{
    parse_error err;
    ast_document *doc = parse_document(&t.arena, query, strlen(query), NULL, &err);
    if (!doc) return arena_strdup(&t.arena, err.message);
    sbuf out;
    sbuf_init(&out);
    vwalk w;
    vwalk_init(&w, t.schema, trace, &out);
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        vwalk_definition(&w, d);
    const char *text = arena_strndup(&t.arena, out.data ? out.data : "", out.len);
    sbuf_free(&out);
    return text;
}

TEST(walk_tracks_parent_field_and_type)
{
    CHECK_STR(walk("{ dog { name owner { __typename } ... on Cat { meows } ... { barks } ...F } }"),
              "1 field dog parent=Query field=dog type=Dog\n"
              "2 field name parent=Dog field=name type=String\n"
              "2 field owner parent=Dog field=owner type=Human\n"
              "3 field __typename parent=Human field=__typename type=String\n"
              "2 inline - parent=Dog field=- type=Cat\n"
              "3 field meows parent=Cat field=meows type=Boolean\n"
              "2 inline - parent=Dog field=- type=Dog\n"
              "3 field barks parent=Dog field=barks type=Boolean\n"
              "2 spread F parent=Dog field=- type=-\n");
}

TEST(walk_unknowns_propagate)
{
    CHECK_STR(walk("fragment F on Pet { nope { a } name { b ... { c } } ... on Nope { d } }"),
              "1 field nope parent=Pet field=- type=-\n"
              "2 field a parent=- field=- type=-\n"
              "1 field name parent=Pet field=name type=String\n"
              "2 field b parent=- field=- type=-\n"
              "2 inline - parent=- field=- type=String\n"
              "3 field c parent=- field=- type=-\n"
              "1 inline - parent=Pet field=- type=-\n"
              "2 field d parent=- field=- type=-\n");
}

TEST(walk_introspection_fields)
{
    CHECK_STR(walk("{ __schema { queryType { name } } __type(name: \"Dog\") { name } }"
                   " mutation { __typename __schema { x } }"),
              "1 field __schema parent=Query field=__schema type=__Schema\n"
              "2 field queryType parent=__Schema field=queryType type=__Type\n"
              "3 field name parent=__Type field=name type=String\n"
              "1 field __type parent=Query field=__type type=__Type\n"
              "2 field name parent=__Type field=name type=String\n"
              "1 field __typename parent=Mutation field=__typename type=String\n"
              "1 field __schema parent=Mutation field=- type=-\n"
              "2 field x parent=- field=- type=-\n");
}

TEST(walk_definition_types)
{
    CHECK_STR(walk("subscription { newMessage { body } } fragment A on DogCommand { x }"
                   " fragment B on ComplexInput { y }"),
              "1 field newMessage parent=Subscription field=newMessage type=Message\n"
              "2 field body parent=Message field=body type=String\n"
              "1 field x parent=- field=- type=-\n"
              "1 field y parent=- field=- type=-\n");
}

/* "{ dog { mother { mother ... } } }" nested n deep. */
static char *nested_query(unsigned n)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "{ dog ");
    for (unsigned i = 0; i < n; i++)
        sbuf_puts(&b, "{ mother ");
    sbuf_puts(&b, "{ name }");
    for (unsigned i = 0; i <= n; i++)
        sbuf_puts(&b, " }");
    char *q = arena_strndup(&t.arena, b.data, b.len);
    sbuf_free(&b);
    return q;
}

static const char *run_nested(unsigned n)
{
    const char *q = nested_query(n);
    parse_options opts = {.max_depth = 4 * VWALK_MAX_DEPTH};
    parse_error err;
    ast_document *doc = parse_document(&t.arena, q, strlen(q), &opts, &err);
    if (!doc) return arena_strdup(&t.arena, err.message);
    diag_list errs;
    diag_init(&errs, &t.arena);
    validate_structure_rules(t.schema, doc, &errs);
    return errs.first ? errs.first->message : "";
}

TEST(nesting_past_the_walker_limit_is_an_error)
{
    CHECK_STR(run_nested(VWALK_MAX_DEPTH - 2), "");
    CHECK_STR(run_nested(VWALK_MAX_DEPTH + 10),
              "Selection sets are nested deeper than 1024 levels.");
}

/* n fragments, each spreading the next, the last spreading the first. */
static const char *run_chain(unsigned n, bool closed)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "{ dog { ...F0 } }\n");
    for (unsigned i = 0; i < n; i++)
        sbuf_printf(&b, "fragment F%u on Dog { name ...F%u }\n", i, closed ? (i + 1) % n : i + 1);
    if (!closed) sbuf_printf(&b, "fragment F%u on Dog { name }\n", n);
    const char *out = vtest_run_rules(&t, validate_structure_rules, b.data);
    sbuf_free(&b);
    return out;
}

TEST(long_fragment_chains_do_not_recurse)
{
    CHECK_STR(run_chain(20000, false), "");
    const char *cycle = run_chain(20000, true);
    CHECK(strncmp(cycle,
                  "2:27 3:27 4:27 5:27 Cannot spread fragment \"F0\" within itself via \"F1\", "
                  "\"F2\", \"F3\",",
                  73) == 0);
    CHECK(strchr(cycle, '\n') == cycle + strlen(cycle) - 1); /* one error only */
}

TEST(schema_without_mutation_or_subscription)
{
    vtest mini;
    vtest_init(&mini, "type Query { a: Int }");
    CHECK_STR(vtest_run_rules(&mini, validate_structure_rules,
                              "mutation M { x { y } } subscription S { a b __typename }"),
              "");
    vtest_free(&mini);
}

TEST(subscription_condition_on_variable_counts_the_field)
{
    /* graphql-js throws here (no runtime value for $v); the field is kept. */
    CHECK_STR(vtest_run_rules(&t, validate_structure_rules,
                              "subscription S($v: Boolean!) { newMessage { body } "
                              "disallowedSecondRootField @include(if: $v) }"),
              "1:52 Subscription \"S\" must select only one top level field.\n");
}

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(walk_tracks_parent_field_and_type);
          RUN(walk_unknowns_propagate); RUN(walk_introspection_fields); RUN(walk_definition_types);
          RUN(nesting_past_the_walker_limit_is_an_error); RUN(long_fragment_chains_do_not_recurse);
          RUN(schema_without_mutation_or_subscription);
          RUN(subscription_condition_on_variable_counts_the_field); vtest_free(&t);)
