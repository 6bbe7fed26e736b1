/* compose_merge_hints_test.c: the hints merging gives on descriptions
 * (INCONSISTENT_DESCRIPTION) and on executable directive definitions, and the
 * errors on the latter's arguments. Every expected text is what
 * @apollo/composition 2.14.4 gives for the same subgraphs (checked with
 * tests/compose/apollo-compose.mjs --hints). */
#include <string.h>

#include "compose.h"
#include "ftest.h"
#include "sbuf.h"

#define FED23                                                                                      \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", "   \
    "\"@shareable\"])\n"

static arena test_arena;

/* Composes the subgraphs a, b, ... (NULL-terminated); hints, or errors when it fails. */
static const char *outcome_of(const char *const *sdls)
{
    compose_input in[4];
    uint32_t n = 0;
    for (; sdls[n]; n++)
        in[n] = (compose_input){arena_sprintf(&test_arena, "%c", 'a' + n), "http://x", sdls[n],
                                strlen(sdls[n])};
    compose_result r;
    bool ok = compose(&test_arena, in, n, &r);
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "");
    for (const diag *d = ok ? r.hints.first : r.errors.first; d; d = d->next)
        sbuf_printf(&b, "%s: %s\n", d->code, d->message);
    const char *text = arena_strdup(&test_arena, b.data);
    sbuf_free(&b);
    return text;
}

static const char *hints_ab(const char *a, const char *b)
{
    const char *sdls[] = {a, b, NULL};
    return outcome_of(sdls);
}

#define DESCRIPTION_HINT(element, kept, kept_in, other, other_in)                                  \
    "INCONSISTENT_DESCRIPTION: Element \"" element "\" has inconsistent descriptions across "      \
    "subgraphs. The supergraph will use description (from " kept_in "):\n  \"\"\"\n  " kept        \
    "\n  \"\"\"\nIn " other_in ", the description is:\n  \"\"\"\n  " other "\n  \"\"\"\n"

TEST(inconsistent_descriptions)
{
    const char *h = hints_ab(
        FED23
        "\"\"\"A type\"\"\" type T @shareable { \"\"\"f in a\"\"\" f(\"\"\"arg a\"\"\" x: Int): "
        "Int }\n\"\"\"Q\"\"\" type Query { t: T @shareable e: E @shareable }\nenum E { "
        "\"\"\"v a\"\"\" V }\ninput In { \"\"\"in a\"\"\" i: Int }\nscalar S\n",
        FED23
        "\"\"\"B type\"\"\" type T @shareable { \"\"\"f in b\"\"\" f(\"\"\"arg b\"\"\" x: Int): "
        "Int }\n\"\"\"Q\"\"\" type Query { t: T @shareable e: E @shareable }\nenum E { "
        "\"\"\"v b\"\"\" V }\ninput In { \"\"\"in b\"\"\" i: Int }\n\"\"\"s\"\"\" scalar S\n");
    /* Apollo's order: inputs, then objects (type, field, argument), enums last */
    CHECK_STR(
        h, DESCRIPTION_HINT("In.i", "in a", "subgraph \"a\"", "in b",
                            "subgraph \"b\"") DESCRIPTION_HINT("T", "A type", "subgraph \"a\"",
                                                               "B type", "subgraph \"b\"")
               DESCRIPTION_HINT("T.f", "f in a", "subgraph \"a\"", "f in b", "subgraph \"b\"")
                   DESCRIPTION_HINT("T.f(x:)", "arg a", "subgraph \"a\"", "arg b", "subgraph \"b\"")
                       DESCRIPTION_HINT("E.V", "v a", "subgraph \"a\"", "v b", "subgraph \"b\""));
}

TEST(description_hint_takes_the_most_common_and_lists_the_others)
{
    const char *sdls[] = {
        "type Query { a: Int }\n\"\"\"\nfirst\nsecond\nthird\n\"\"\"\ntype T { f: "
        "Int }\n",
        "type Query { b: Int }\n\"\"\"other\"\"\"\ntype T { f: Int }\n",
        "type Query { c: Int }\n\"\"\"other\"\"\"\ntype T { f: Int }\n",
        "type Query { d: Int }\n\"\"\"\"\"\"\ntype T { f: Int }\n", NULL};
    /* only the first line break of a description is indented, as Apollo does */
    CHECK_STR(outcome_of(sdls),
              "INCONSISTENT_DESCRIPTION: Element \"T\" has inconsistent descriptions across "
              "subgraphs. The supergraph will use description (from subgraphs \"b\" and \"c\"):\n"
              "  \"\"\"\n  other\n  \"\"\"\nIn subgraph \"a\", the description is:\n  \"\"\"\n  "
              "first\n  second\nthird\n  \"\"\" and \nIn subgraph \"d\", the description is:\n  "
              "\"\"\"\n  \n  \"\"\"\n");
    /* one description and empty or missing ones: no hint */
    const char *quiet[] = {"type Query { a: Int }\n\"\"\"T\"\"\"\ntype T { f: Int }\n",
                           "type Query { b: Int }\n\"\"\"\"\"\"\ntype T { f: Int }\n",
                           "type Query { c: Int }\ntype T { f: Int }\n", NULL};
    CHECK_STR(outcome_of(quiet), "");
}

#define EXECUTABLE_A                                                                               \
    FED23                                                                                          \
    "\"\"\"A\"\"\" directive @ex(r: String, s: Int, u: Int!, w: Int = 1) repeatable on FIELD "     \
    "| QUERY\ndirective @only on QUERY\ndirective @none on QUERY\ndirective @ts on "               \
    "FIELD_DEFINITION\ntype Query { a: Int }\n"
#define EXECUTABLE_B                                                                               \
    FED23                                                                                          \
    "\"\"\"B\"\"\" directive @ex(r: String, u: Int, w: Int = 1) on FIELD | "                       \
    "FRAGMENT_SPREAD\ndirective @none on FIELD\ndirective @ts on FIELD\ntype Query { b: Int "      \
    "}\n"

TEST(executable_directive_hints)
{
    CHECK_STR(
        hints_ab(EXECUTABLE_A, EXECUTABLE_B),
        DESCRIPTION_HINT(
            "@ex", "A", "subgraph \"a\"", "B",
            "subgraph \"b\"") "INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE: Executable directive "
                              "\"@ex\" will not be "
                              "marked repeatable in the supergraph as it is inconsistently marked "
                              "repeatable in "
                              "subgraphs: it is not repeatable in subgraph \"b\" but is repeatable "
                              "in subgraph \"a\".\n"
                              "INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS: Executable directive "
                              "\"@ex\" has "
                              "inconsistent locations across subgraphs and will use location "
                              "\"FIELD\" (intersection "
                              "of all subgraphs) in the supergraph, but has: locations \"FIELD, "
                              "QUERY\" in subgraph "
                              "\"a\" and locations \"FIELD, FRAGMENT_SPREAD\" in subgraph \"b\".\n"
                              "INCONSISTENT_ARGUMENT_PRESENCE: Optional argument \"@ex(s:)\" will "
                              "not be included in "
                              "the supergraph as it does not appear in all subgraphs: it is "
                              "defined in subgraph \"a\" "
                              "but not in subgraph \"b\".\n"
                              "INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE: Type of argument "
                              "\"@ex(u:)\" is "
                              "inconsistent but compatible across subgraphs: will use type "
                              "\"Int!\" (from subgraph "
                              "\"a\") in supergraph but \"@ex(u:)\" has supertype \"Int\" in "
                              "subgraph \"b\".\n"
                              "INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE: Executable directive "
                              "\"@only\" will not be "
                              "part of the supergraph as it does not appear in all subgraphs: it "
                              "is defined in "
                              "subgraph \"a\" but not in subgraph \"b\".\n"
                              "NO_EXECUTABLE_DIRECTIVE_INTERSECTION: Executable directive "
                              "\"@none\" has no location "
                              "that is common to all subgraphs: it will not appear in the "
                              "supergraph as there no "
                              "intersection between location \"QUERY\" in subgraph \"a\" and "
                              "location \"FIELD\" in "
                              "subgraph \"b\".\n"
                              "NO_EXECUTABLE_DIRECTIVE_INTERSECTION: Executable directive \"@ts\" "
                              "has no location "
                              "that is common to all subgraphs: it will not appear in the "
                              "supergraph as there no "
                              "intersection between location \"FIELD\" in subgraph \"b\".\n");
    /* the subgraphs that have the merged locations come first */
    const char *three[] = {
        FED23 "directive @ex on FIELD | QUERY\ntype Query { a: Int }\n",
        FED23 "directive @ex on FIELD\ntype Query { b: Int }\n",
        FED23 "directive @ex repeatable on FIELD | QUERY\ntype Query { c: Int }\n", NULL};
    CHECK_STR(outcome_of(three),
              "INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE: Executable directive \"@ex\" will not "
              "be marked repeatable in the supergraph as it is inconsistently marked repeatable in "
              "subgraphs: it is not repeatable in subgraphs \"a\" and \"b\" but is repeatable in "
              "subgraph \"c\".\n"
              "INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS: Executable directive \"@ex\" has "
              "inconsistent locations across subgraphs and will use location \"FIELD\" "
              "(intersection of all subgraphs) in the supergraph, but has: location \"FIELD\" in "
              "subgraph \"b\" and locations \"FIELD, QUERY\" in subgraphs \"a\" and \"c\".\n");
}

TEST(executable_directive_arguments_must_agree)
{
    CHECK_STR(
        hints_ab(FED23 "directive @ex(r: String, t: Int!) repeatable on FIELD | QUERY\ntype "
                       "Query { a: Int }\n",
                 FED23 "directive @ex(r: Int) on FIELD\ntype Query { b: Int }\n"),
        "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH: Argument \"@ex(t:)\" is required in some "
        "subgraphs but does not appear in all subgraphs: it is required in subgraph \"a\" but "
        "does not appear in subgraph \"b\"\n"
        "FIELD_ARGUMENT_TYPE_MISMATCH: Type of argument \"@ex(r:)\" is incompatible across "
        "subgraphs: it has type \"String\" in subgraph \"a\" but type \"Int\" in subgraph "
        "\"b\"\n");
}

TEST(value_type_listed_only_as_external_lacks_nothing)
{
    const char *owner = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                        "import: [\"@key\"])\ntype Query { p: Product }\ntype Product @key(fields: "
                        "\"id\") { id: ID! size: Size! }\ntype Size { width: Int! height: Int! }\n";
    /* the positive case: compose_test.c's hints_on_what_some_subgraphs_lack */
    const char *requiring =
        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", "
        "\"@external\", \"@requires\"])\ntype Product @key(fields: \"id\") { id: ID! size: Size! "
        "@external cost: Int @requires(fields: \"size { width }\") }\ntype Size { width: Int! "
        "@external }\n";
    CHECK_STR(hints_ab(owner, requiring), "");
}

TEST_MAIN(arena_init(&test_arena, 1 << 16); RUN(inconsistent_descriptions);
          RUN(description_hint_takes_the_most_common_and_lists_the_others);
          RUN(executable_directive_hints); RUN(executable_directive_arguments_must_agree);
          RUN(value_type_listed_only_as_external_lacks_nothing); arena_free(&test_arena);)
