/* compose_merge_cost_test.c: @cost and @listSize applied to one element by
 * two subgraphs, merged into one application. The expected lines and hints
 * are what @apollo/composition 2.14.4 gives for the same subgraphs (checked
 * with tests/compose/apollo-compose.mjs --hints). */
#include <string.h>

#include "compose.h"
#include "ftest.h"

#define FED29                                                                                      \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", import: [\"@key\", "   \
    "\"@shareable\", \"@cost\", \"@listSize\"])\n"

#define LIST_SIZE_STRATEGIES                                                                       \
    "Merging strategies used by arguments: { \"assumedSize\": NULLABLE_MAX, "                      \
    "\"slicingArguments\": "                                                                       \
    "NULLABLE_UNION, \"sizedFields\": NULLABLE_UNION, \"requireOneSlicingArgument\": "             \
    "NULLABLE_AND }"

static arena test_arena;

typedef struct composed {
    const char *supergraph; /* "" when composition failed */
    const char *hints;      /* "CODE: message" one per line */
} composed;

/* Subgraphs a and b, each a Query type (after FED29) plus what follows it. */
static composed compose_ab(const char *sdl_a, const char *sdl_b)
{
    const char *a = arena_sprintf(&test_arena, FED29 "%s", sdl_a);
    const char *b = arena_sprintf(&test_arena, FED29 "%s", sdl_b);
    compose_input in[2] = {{"a", "http://a.example/graphql", a, strlen(a)},
                           {"b", "http://b.example/graphql", b, strlen(b)}};
    compose_result r;
    composed out = {"", ""};
    if (compose(&test_arena, in, 2, &r)) out.supergraph = r.supergraph;
    char *text = arena_strdup(&test_arena, "");
    for (const diag *d = r.hints.first; d; d = d->next)
        text =
            arena_sprintf(&test_arena, "%s%s%s: %s", text, *text ? "\n" : "", d->code, d->message);
    out.hints = text;
    return out;
}

#define CHECK_HAS(got, want)                                                                       \
    do {                                                                                           \
        const char *has_g = (got);                                                                 \
        if (!strstr(has_g, (want))) CHECK_STR(has_g, (want));                                      \
    } while (0)

/* A field both subgraphs share, with the given directives on it. */
static composed shared_list(const char *dirs_a, const char *dirs_b)
{
    return compose_ab(arena_sprintf(&test_arena,
                                    "type Query { l(first: Int, last: Int): [Page!]! @shareable %s }\n"
                                    "type Page @shareable { items: [Int!]! more: [Int!]! }",
                                    dirs_a),
                      arena_sprintf(&test_arena,
                                    "type Query { l(first: Int, last: Int): [Page!]! @shareable %s }\n"
                                    "type Page @shareable { items: [Int!]! more: [Int!]! }",
                                    dirs_b));
}

TEST(equal_applications_stay_as_first_written)
{
    composed r = shared_list("@listSize(assumedSize: 3, requireOneSlicingArgument: true)",
                             "@listSize(assumedSize: 3)");
    CHECK_HAS(r.supergraph, "  l(first: Int, last: Int): [Page!]! @listSize(assumedSize: 3, "
                            "requireOneSlicingArgument: true)\n");
    CHECK_STR(r.hints, "");
    r = shared_list("@listSize(assumedSize: 3)", "@listSize(assumedSize: 3, "
                                                 "requireOneSlicingArgument: true)");
    CHECK_HAS(r.supergraph, "  l(first: Int, last: Int): [Page!]! @listSize(assumedSize: 3)\n");
    CHECK_STR(r.hints, "");
    r = shared_list("@cost(weight: 2)", "@cost(weight: 2)");
    CHECK_HAS(r.supergraph, "  l(first: Int, last: Int): [Page!]! @cost(weight: 2)\n");
    CHECK_STR(r.hints, "");
}

TEST(list_size_arguments_merge_by_strategy)
{
    composed r = shared_list("@listSize(assumedSize: 5, slicingArguments: [\"first\"], "
                             "sizedFields: [\"items\"])",
                             "@listSize(assumedSize: 10, slicingArguments: [\"last\", \"first\"], "
                             "sizedFields: [\"more\"], requireOneSlicingArgument: false)");
    CHECK_HAS(r.supergraph, "  l(first: Int, last: Int): [Page!]! @listSize(assumedSize: 10, "
                            "slicingArguments: [\"first\", \"last\"], sizedFields: [\"items\", "
                            "\"more\"], requireOneSlicingArgument: false)\n");
    CHECK_STR(
        r.hints,
        "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Directive @listSize is applied "
        "to \"Query.l\" in multiple subgraphs with different arguments. " LIST_SIZE_STRATEGIES);
}

TEST(list_size_defaults_take_part_and_absent_arguments_stay_absent)
{
    /* requireOneSlicingArgument defaults to true: true AND true stays, printed */
    composed r = shared_list("@listSize(assumedSize: 3)", "@listSize(assumedSize: 2)");
    CHECK_HAS(r.supergraph, "  l(first: Int, last: Int): [Page!]! @listSize(assumedSize: 3, "
                            "requireOneSlicingArgument: true)\n");
    /* no assumedSize on one side: the other's; an empty list is a list */
    r = shared_list("@listSize(slicingArguments: [], requireOneSlicingArgument: false)",
                    "@listSize(assumedSize: 1)");
    CHECK_HAS(r.supergraph, "  l(first: Int, last: Int): [Page!]! @listSize(assumedSize: 1, "
                            "slicingArguments: [], requireOneSlicingArgument: false)\n");
    /* only one side applies it: kept as written, no hint */
    r = shared_list("@listSize(sizedFields: [\"items\"])", "");
    CHECK_HAS(r.supergraph,
              "  l(first: Int, last: Int): [Page!]! @listSize(sizedFields: [\"items\"])\n");
    CHECK_STR(r.hints, "");
}

TEST(cost_keeps_the_largest_weight_everywhere_it_applies)
{
    composed r = compose_ab("type Query { f(x: Int @cost(weight: 2)): T @shareable @cost(weight: "
                            "1) } type T @cost(weight: 3) @shareable { v: Int } scalar S "
                            "@cost(weight: 9) input In { i: Int @cost(weight: 1) }",
                            "type Query { f(x: Int @cost(weight: 7)): T @shareable @cost(weight: "
                            "4) } type T @cost(weight: 1) @shareable { v: Int } scalar S "
                            "@cost(weight: 5) input In { i: Int @cost(weight: 6) }");
    CHECK_HAS(r.supergraph, "  f(x: Int @cost(weight: 7)): T @cost(weight: 4)\n");
    CHECK_HAS(r.supergraph, "type T\n  @join__type(graph: A)\n  @join__type(graph: B)\n  "
                            "@cost(weight: 3)\n");
    CHECK_HAS(r.supergraph, "scalar S\n  @join__type(graph: A)\n  @join__type(graph: B)\n  "
                            "@cost(weight: 9)\n");
    CHECK_HAS(r.supergraph, "  i: Int @cost(weight: 6)\n");
    /* in Apollo's merge order: scalars, inputs, then objects, each field before its arguments */
    const char *hint = "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Directive @cost is applied to "
                       "\"%s\" in multiple subgraphs with different arguments. Merging strategies "
                       "used by arguments: { \"weight\": MAX }";
    CHECK_STR(r.hints, arena_sprintf(&test_arena, "%s\n%s\n%s\n%s\n%s",
                                     arena_sprintf(&test_arena, hint, "S"),
                                     arena_sprintf(&test_arena, hint, "In.i"),
                                     arena_sprintf(&test_arena, hint, "Query.f"),
                                     arena_sprintf(&test_arena, hint, "Query.f(x:)"),
                                     arena_sprintf(&test_arena, hint, "T")));
}

TEST(hints_follow_the_order_directives_are_applied_in)
{
    composed r = shared_list("@listSize(assumedSize: 1) @cost(weight: 4)",
                             "@cost(weight: 2) @listSize(assumedSize: 2)");
    CHECK_HAS(r.supergraph, "[Page!]! @listSize(assumedSize: 2, requireOneSlicingArgument: true) "
                            "@cost(weight: 4)\n");
    CHECK_STR(r.hints, "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Directive @listSize is applied "
                       "to \"Query.l\" in multiple subgraphs with different "
                       "arguments. " LIST_SIZE_STRATEGIES "\n"
                       "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Directive @cost is applied to "
                       "\"Query.l\" in multiple subgraphs with different arguments. Merging "
                       "strategies used by arguments: { \"weight\": MAX }");
}

TEST_MAIN(arena_init(&test_arena, 1 << 16); RUN(equal_applications_stay_as_first_written);
          RUN(list_size_arguments_merge_by_strategy);
          RUN(list_size_defaults_take_part_and_absent_arguments_stay_absent);
          RUN(cost_keeps_the_largest_weight_everywhere_it_applies);
          RUN(hints_follow_the_order_directives_are_applied_in); arena_free(&test_arena);)
