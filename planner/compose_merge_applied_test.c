/* compose_merge_applied_test.c: non-repeatable directives applied to one
 * element by several subgraphs, merged into one application: @cost and
 * @listSize by their argument strategies, @requiresScopes and @policy
 * multiplied out, @deprecated and composed directives by the most frequent
 * application. The expected lines and hints are what @apollo/composition
 * 2.14.4 gives for the same subgraphs (checked with
 * tests/compose/apollo-compose.mjs --hints). */
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
    return compose_ab(
        arena_sprintf(&test_arena,
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

/* Subgraphs a, b and c as given (no link added); like compose_ab otherwise. */
static composed compose_abc(const char *a, const char *b, const char *c)
{
    compose_input in[3] = {{"a", "http://a.example/graphql", a, strlen(a)},
                           {"b", "http://b.example/graphql", b, strlen(b)},
                           {"c", "http://c.example/graphql", c, strlen(c)}};
    compose_result r;
    composed out = {"", ""};
    if (compose(&test_arena, in, 3, &r)) out.supergraph = r.supergraph;
    char *text = arena_strdup(&test_arena, "");
    for (const diag *d = r.hints.first; d; d = d->next)
        text =
            arena_sprintf(&test_arena, "%s%s%s: %s", text, *text ? "\n" : "", d->code, d->message);
    out.hints = text;
    return out;
}

#define CUSTOM_LINK                                                                                \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", "   \
    "\"@composeDirective\", \"@shareable\"]) @link(url: \"https://example.com/custom/v1.0\", "     \
    "import: [\"@custom\"]) @composeDirective(name: \"@custom\")\ndirective @custom(r: String) "   \
    "on "                                                                                          \
    "FIELD_DEFINITION | OBJECT\n"

TEST(most_frequent_application_wins)
{
    composed r = compose_abc(CUSTOM_LINK "type Query { a: Int @shareable @custom(r: \"x\") }\ntype "
                                         "T @custom(r: \"t1\") @shareable { f: Int }\n",
                             CUSTOM_LINK "type Query { a: Int @shareable @custom(r: \"y\") }\ntype "
                                         "T @custom @shareable { f: Int }\n",
                             CUSTOM_LINK "type Query { a: Int @shareable @custom(r: \"y\") c: T "
                                         "}\ntype T @shareable { f: Int }\n");
    CHECK_HAS(r.supergraph, "  a: Int @custom(r: \"y\")\n");
    CHECK_HAS(r.supergraph, "  @join__type(graph: C)\n  @custom(r: \"t1\")\n{");
    /* a subgraph with the element but not the directive shows as nothing */
    CHECK_STR(
        r.hints,
        "INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Non-repeatable directive @custom is "
        "applied to \"Query.a\" in multiple subgraphs but with incompatible arguments. The "
        "supergraph will use arguments {r: \"y\"} (from subgraphs \"b\" and \"c\"), but "
        "found arguments {r: \"x\"} in subgraph \"a\".\n"
        "INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Non-repeatable directive @custom is "
        "applied to \"T\" in multiple subgraphs but with incompatible arguments. The "
        "supergraph will use arguments {r: \"t1\"} (from subgraph \"a\"), but found no "
        "arguments in subgraph \"b\" and  in subgraph \"c\".");
}

TEST(deprecation_reasons_compare_with_their_default)
{
    const char *link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@key\", \"@shareable\"])\n";
    composed r = compose_abc(
        arena_sprintf(&test_arena,
                      "%stype Query { a: Int @shareable @deprecated(reason: \"x\") b: "
                      "Int @shareable @deprecated }\n",
                      link),
        arena_sprintf(&test_arena,
                      "%stype Query { a: Int @shareable @deprecated(reason: \"y\") b: "
                      "Int @shareable @deprecated(reason: \"No longer supported\") }\n",
                      link),
        arena_sprintf(&test_arena,
                      "%stype Query { a: Int @shareable @deprecated(reason: \"y\") b: Int "
                      "@shareable }\n",
                      link));
    CHECK_HAS(r.supergraph, "  a: Int @deprecated(reason: \"y\")\n  b: Int @deprecated\n");
    CHECK_STR(r.hints, "INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Non-repeatable directive "
                       "@deprecated is applied to \"Query.a\" in multiple subgraphs but with "
                       "incompatible arguments. The supergraph will use arguments {reason: \"y\"} "
                       "(from subgraphs \"b\" and \"c\"), but found arguments {reason: \"x\"} in "
                       "subgraph \"a\".");
}

TEST(scopes_and_policies_multiply_out_with_a_hint)
{
    const char *link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.6\", "
                       "import: [\"@key\", \"@shareable\", \"@requiresScopes\", \"@policy\", "
                       "\"@authenticated\"])\n";
    const char *body = "type Query { a: Int @shareable @requiresScopes(scopes: [[\"%s\"]]) "
                       "@authenticated b: Int @shareable @policy(policies: [[\"p\"]]) }\ninterface "
                       "I { f: Int }\ntype T implements I @shareable { f: Int "
                       "@requiresScopes(scopes: [[\"%s\"]]) }\n";
    composed r = compose_abc(
        arena_sprintf(&test_arena, "%s%s", link, arena_sprintf(&test_arena, body, "x", "s")),
        arena_sprintf(&test_arena, "%s%s", link, arena_sprintf(&test_arena, body, "y", "t")),
        arena_sprintf(&test_arena, "%stype Query { c: Int }\n", link));
    CHECK_HAS(r.supergraph, "  f: Int @requiresScopes(scopes: [[\"s\", \"t\"]])\n}");
    CHECK_HAS(r.supergraph, "  a: Int @join__field(graph: A) @join__field(graph: B) @authenticated "
                            "@requiresScopes(scopes: [[\"x\", \"y\"]])\n");
    /* the interface first, as Apollo merges interfaces before objects */
    const char *hint = "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: Directive @requiresScopes is "
                       "applied to \"%s\" in multiple subgraphs with different arguments. Merging "
                       "strategies used by arguments: { \"scopes\": DNF_CONJUNCTION }";
    CHECK_STR(r.hints,
              arena_sprintf(&test_arena, "%s\n%s\n%s", arena_sprintf(&test_arena, hint, "I.f"),
                            arena_sprintf(&test_arena, hint, "Query.a"),
                            arena_sprintf(&test_arena, hint, "T.f")));
}

TEST_MAIN(arena_init(&test_arena, 1 << 16); RUN(equal_applications_stay_as_first_written);
          RUN(list_size_arguments_merge_by_strategy);
          RUN(list_size_defaults_take_part_and_absent_arguments_stay_absent);
          RUN(cost_keeps_the_largest_weight_everywhere_it_applies);
          RUN(hints_follow_the_order_directives_are_applied_in);
          RUN(most_frequent_application_wins); RUN(deprecation_reasons_compare_with_their_default);
          RUN(scopes_and_policies_multiply_out_with_a_hint); arena_free(&test_arena);)
