/* compose_check_prepare_test.c: the checks between reading the subgraphs and
 * merging them (compose_check_upgrade.c, compose_check_import_names.c,
 * compose_check_compose_directive.c) and DISALLOWED_INACCESSIBLE on the
 * composed directives, through compose(). Every expected message is the one
 * @apollo/composition 2.14.4 gives for the same subgraphs ("a", "b"). */
#include <string.h>

#include "compose.h"
#include "ftest.h"
#include "sbuf.h"

#define FED23(imports)                                                                             \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: " imports ")"  \
                                                                                              "\n"
#define CUSTOM(version)                                                                            \
    "@link(url: \"https://example.com/custom/" version "\", import: [\"@custom\"])\n"
#define COMPOSING(version)                                                                         \
    FED23("[\"@key\", \"@composeDirective\", \"@inaccessible\"]")                                  \
    CUSTOM(version) "@composeDirective(name: \"@custom\")\n"

static arena test_arena;

typedef struct outcome {
    const char *errors; /* "CODE: message\n" each, or "composes" */
    const char *hints;  /* "CODE: message\n" each */
    const char *supergraph;
} outcome;

static outcome compose_ab(const char *a_sdl, const char *b_sdl)
{
    compose_input in[2] = {{"a", "http://a", a_sdl, strlen(a_sdl)},
                           {"b", "http://b", b_sdl, b_sdl ? strlen(b_sdl) : 0}};
    compose_result r;
    outcome out = {"composes", "", ""};
    bool ok = compose(&test_arena, in, b_sdl ? 2 : 1, &r);
    sbuf e, h;
    sbuf_init(&e);
    sbuf_init(&h);
    sbuf_puts(&e, "");
    sbuf_puts(&h, "");
    for (const diag *d = r.errors.first; d; d = d->next)
        sbuf_printf(&e, "%s: %s\n", d->code, d->message);
    for (const diag *d = r.hints.first; d; d = d->next)
        sbuf_printf(&h, "%s: %s\n", d->code, d->message);
    if (!ok) out.errors = arena_strdup(&test_arena, e.data);
    out.hints = arena_strdup(&test_arena, h.data);
    if (ok) out.supergraph = r.supergraph;
    sbuf_free(&e);
    sbuf_free(&h);
    return out;
}

static const char *errors_ab(const char *a_sdl, const char *b_sdl)
{
    return compose_ab(a_sdl, b_sdl).errors;
}

#define CHECK_HAS(got, want)                                                                       \
    do {                                                                                           \
        const char *has_g = (got);                                                                 \
        if (!strstr(has_g, (want))) CHECK_STR(has_g, (want));                                      \
    } while (0)

/* ---- Federation 1 upgrade ---- */

#define UNUSED_USER                                                                                \
    "TYPE_WITH_ONLY_UNUSED_EXTERNAL: [a] Type User contains only external fields and all those "   \
    "fields are all unused (they do not appear in any @key, @provides or @requires).\n"
#define NO_BASE_USER                                                                               \
    "EXTENSION_WITH_NO_BASE: [a] Type \"User\" is an extension type, but there is no type "        \
    "definition for \"User\" in any subgraph.\n"
#define USER_B "type Query { me: User }\ntype User @key(fields: \"id\") { id: ID! name: String }\n"

TEST(type_with_only_unused_externals)
{
    const char *by_field = "type Query { r: Review }\ntype Review { author: User }\n"
                           "extend type User { name: String @external }\n";
    const char *by_union = "type Query { s: S }\nunion S = User | Review\ntype Review { id: ID }\n"
                           "extend type User { name: String @external }\n";
    const char *unreferenced =
        "type Query { a: Int }\nextend type User { name: String @external }\n";
    CHECK_STR(errors_ab(by_field, USER_B), UNUSED_USER);
    CHECK_STR(errors_ab(by_union, USER_B), UNUSED_USER);
    /* with no base anywhere, both errors of the upgrade */
    CHECK_STR(errors_ab(by_field, NULL), NO_BASE_USER UNUSED_USER);
    /* a type nothing refers to goes with its fields, yet still needs a base */
    outcome o = compose_ab(unreferenced, USER_B);
    CHECK_STR(o.errors, "composes");
    CHECK_HAS(o.supergraph, "type User\n  @join__type(graph: B, key: \"id\")\n{\n  id: ID!\n  "
                            "name: String\n}");
    CHECK_STR(errors_ab(unreferenced, NULL), NO_BASE_USER);
    /* a used external keeps its type */
    CHECK_STR(errors_ab("type Query { r: Review }\ntype Review @key(fields: \"id\") { id: ID! "
                        "author: User @provides(fields: \"name\") }\nextend type User "
                        "@key(fields: \"id\") { id: ID! @external name: String @external }\n",
                        USER_B),
              "composes");
}

/* ---- LINK_IMPORT_NAME_MISMATCH ---- */

TEST(directives_the_supergraph_keeps_go_by_one_name)
{
    CHECK_STR(errors_ab(FED23("[\"@tag\"]") "type Query { a: Int @tag(name: \"x\") }\n",
                        FED23("[{name: \"@tag\", as: \"@label\"}]") "type Query { b: Int "
                                                                    "@label(name: \"y\") }\n"),
              "LINK_IMPORT_NAME_MISMATCH: The \"@tag\" directive (from "
              "https://specs.apollo.dev/federation/v2.3) is imported with mismatched name between "
              "subgraphs: it is imported as \"@label\" in subgraph \"b\" but \"@tag\" in subgraph "
              "\"a\"\n");
    /* Federation 1 is upgraded to v2.4 */
    CHECK_STR(errors_ab("type Query { a: Int @tag(name: \"x\") }\n",
                        FED23("[{name: \"@tag\", as: \"@label\"}]") "type Query { b: Int "
                                                                    "@label(name: \"y\") }\n"),
              "LINK_IMPORT_NAME_MISMATCH: The \"@tag\" directive (from "
              "https://specs.apollo.dev/federation/v2.4) is imported with mismatched name between "
              "subgraphs: it is imported as \"@label\" in subgraph \"b\" but \"@tag\" in subgraph "
              "\"a\"\n");
    /* namespaced, on an argument; the newest version of the two is named */
    CHECK_STR(
        errors_ab("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", import: "
                  "[\"@cost\"])\ntype Query { a(x: Int @cost(weight: 1)): Int }\n",
                  "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.10\")\ntype "
                  "Query { b: Int @federation__cost(weight: 2) }\n"),
        "LINK_IMPORT_NAME_MISMATCH: The \"@cost\" directive (from "
        "https://specs.apollo.dev/federation/v2.10) is imported with mismatched name between "
        "subgraphs: it is imported as \"@federation__cost\" in subgraph \"b\" but \"@cost\" in "
        "subgraph \"a\"\n");
    /* a subgraph that does not apply it may name it as it likes */
    CHECK_STR(errors_ab(FED23("[\"@tag\"]") "type Query { a: Int @tag(name: \"x\") }\n",
                        FED23("[{name: \"@tag\", as: \"@label\"}]") "type Query { b: Int }\n"),
              "composes");
}

/* ---- DIRECTIVE_COMPOSITION_ERROR ---- */

static const char *composing(const char *name)
{
    return errors_ab(arena_sprintf(&test_arena,
                                   FED23("[\"@key\", \"@composeDirective\", \"@tag\"]")
                                       CUSTOM("v1.0") "@composeDirective(name: \"%s\")\n"
                                                      "directive @custom on FIELD_DEFINITION\n"
                                                      "type Query { a: Int @custom }\n",
                                   name),
                     NULL);
}

TEST(compose_directive_arguments)
{
    CHECK_STR(composing("@custom"), "composes");
    CHECK_STR(composing(""), "DIRECTIVE_COMPOSITION_ERROR: Argument to @composeDirective in "
                             "subgraph \"a\" cannot be NULL or an empty String\n");
    CHECK_STR(composing("custom"), "DIRECTIVE_COMPOSITION_ERROR: Argument to @composeDirective "
                                   "\"custom\" in subgraph \"a\" must have a leading \"@\"\n");
    CHECK_STR(composing("@key"), "DIRECTIVE_COMPOSITION_ERROR: Composing federation directive "
                                 "\"@key\" in subgraph \"a\" is not supported\n");
    CHECK_STR(composing("@federation__requires"),
              "DIRECTIVE_COMPOSITION_ERROR: Composing federation directive "
              "\"@federation__requires\" in subgraph \"a\" is not supported\n");
    CHECK_STR(composing("@link"), "DIRECTIVE_COMPOSITION_ERROR: Composing federation directive "
                                  "\"@link\" in subgraph \"a\" is not supported\n");
    CHECK_STR(composing("@custm"),
              "DIRECTIVE_COMPOSITION_ERROR: Could not find matching directive definition for "
              "argument to @composeDirective \"@custm\" in subgraph \"a\". Did you mean "
              "\"@custom\"?\n");
    CHECK_STR(composing("@kex"),
              "DIRECTIVE_COMPOSITION_ERROR: Could not find matching directive definition for "
              "argument to @composeDirective \"@kex\" in subgraph \"a\". Did you mean \"@key\"?\n");
    /* built-in directives are no candidates */
    CHECK_STR(composing("@deprecatd"),
              "DIRECTIVE_COMPOSITION_ERROR: Could not find matching directive definition for "
              "argument to @composeDirective \"@deprecatd\" in subgraph \"a\".\n");
    /* a federation directive the supergraph keeps anyway: a hint */
    outcome o = compose_ab(FED23("[\"@composeDirective\", \"@tag\"]") "@composeDirective(name: "
                                                                      "\"@tag\")\ntype Query { a: "
                                                                      "Int }\n",
                           NULL);
    CHECK_STR(o.errors, "composes");
    CHECK_STR(o.hints, "DIRECTIVE_COMPOSITION_INFO: Directive \"@tag\" should not be explicitly "
                       "manually composed since it is a federation directive composed by "
                       "default\n");
    CHECK_STR(errors_ab(FED23("[\"@composeDirective\"]") "@composeDirective(name: \"@custom\")\n"
                                                         "directive @custom on FIELD_DEFINITION\n"
                                                         "type Query { a: Int @custom }\n",
                        NULL),
              "DIRECTIVE_COMPOSITION_ERROR: Directive \"@custom\" in subgraph \"a\" cannot be "
              "composed because it is not a member of a core feature\n");
}

#define CUSTOM_DEF "directive @custom on FIELD_DEFINITION\n"

TEST(composed_features_agree_across_subgraphs)
{
    CHECK_STR(errors_ab(COMPOSING("v1.0") CUSTOM_DEF "type Query { a: Int @custom }\n",
                        COMPOSING("v2.0") CUSTOM_DEF "type Query { b: Int @custom }\n"),
              "DIRECTIVE_COMPOSITION_ERROR: Core feature \"https://example.com/custom\" requested "
              "to be merged has major version mismatch across subgraphs\n");
    /* only one side composes: a hint */
    outcome o =
        compose_ab(COMPOSING("v1.0") CUSTOM_DEF "type Query { a: Int @custom }\n",
                   FED23("[\"@key\"]") CUSTOM("v2.0") CUSTOM_DEF "type Query { b: Int @custom }\n");
    CHECK_STR(o.errors, "composes");
    CHECK_STR(o.hints, "DIRECTIVE_COMPOSITION_INFO: Non-composed core feature "
                       "\"https://example.com/custom\" has major version mismatch across "
                       "subgraphs\n");
    CHECK_STR(
        errors_ab(COMPOSING("v1.0") CUSTOM_DEF "type Query { a: Int @custom }\n",
                  FED23("[\"@key\", \"@composeDirective\"]") "@link(url: "
                                                             "\"https://example.com/other/"
                                                             "v1.0\", import: "
                                                             "[\"@custom\"])\n"
                                                             "@composeDirective(name: "
                                                             "\"@custom\")\n" CUSTOM_DEF
                                                             "type Query { b: Int @custom }\n"),
        "DIRECTIVE_COMPOSITION_ERROR: Composed directive \"@custom\" is not linked by the "
        "same core feature in every subgraph\n");
    CHECK_STR(errors_ab(FED23("[\"@composeDirective\"]") "@link(url: \"https://example.com/feat/"
                                                         "v1.0\", import: [\"@x\"])\n"
                                                         "@composeDirective(name: \"@x\")\n"
                                                         "directive @x on FIELD_DEFINITION\n"
                                                         "type Query { a: Int @x }\n",
                        FED23("[\"@composeDirective\"]") "@link(url: \"https://example.com/feat/"
                                                         "v1.0\", import: [{name: \"@y\", as: "
                                                         "\"@x\"}])\n"
                                                         "@composeDirective(name: \"@x\")\n"
                                                         "directive @x on FIELD_DEFINITION\n"
                                                         "type Query { b: Int @x }\n"),
              "DIRECTIVE_COMPOSITION_ERROR: Composed directive \"@x\" does not refer to the same "
              "directive in every subgraph\n");
}

/* ---- the composed definition, DISALLOWED_INACCESSIBLE ---- */

TEST(composed_definition_comes_from_the_latest_version)
{
    /* the last subgraph linking the latest version wins, composing or not */
    outcome o = compose_ab(COMPOSING("v1.0") "\"\"\"from a\"\"\"\ndirective @custom(r: String) on "
                                             "FIELD_DEFINITION\ntype Query { a: Int @custom }\n",
                           COMPOSING("v1.1") "\"\"\"from b\"\"\"\ndirective @custom(r: String, s: "
                                             "Int) repeatable on FIELD_DEFINITION | OBJECT\ntype "
                                             "Query { b: Int @custom }\n");
    CHECK_HAS(o.supergraph, "  @link(url: \"https://example.com/custom/v1.1\", import: "
                            "[\"@custom\"])\n");
    CHECK_HAS(o.supergraph, "\"\"\"from b\"\"\"\ndirective @custom(r: String, s: Int) repeatable "
                            "on FIELD_DEFINITION | OBJECT\n");
    o = compose_ab(COMPOSING("v1.0") "\"\"\"from a\"\"\"\ndirective @custom(r: String) on "
                                     "FIELD_DEFINITION\ntype Query { a: Int @custom }\n",
                   COMPOSING("v1.0") "\"\"\"from b\"\"\"\ndirective @custom(r: String) on "
                                     "FIELD_DEFINITION\ntype Query { b: Int @custom }\n");
    CHECK_HAS(o.supergraph, "\"\"\"from b\"\"\"\ndirective @custom(r: String) on FIELD_DEFINITION");
}

TEST(composed_directive_hides_no_argument)
{
    const char *plain = COMPOSING("v1.0") "directive @custom(r: String) on FIELD_DEFINITION\n"
                                          "type Query { a: Int @custom }\n";
    const char *hiding = COMPOSING("v1.0") "directive @custom(r: String @inaccessible) on "
                                           "FIELD_DEFINITION\ntype Query { b: Int @custom }\n";
    CHECK_STR(errors_ab(plain, hiding), "DISALLOWED_INACCESSIBLE: Core feature directive "
                                        "\"@custom\" cannot use @inaccessible.\n");
    /* the definition kept is b's: a's @inaccessible goes, but links the spec */
    outcome o = compose_ab(hiding, plain);
    CHECK_STR(o.errors, "composes");
    CHECK_HAS(o.supergraph, "  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: "
                            "SECURITY)\n");
    CHECK_HAS(o.supergraph, "directive @custom(r: String) on FIELD_DEFINITION\n");
}

TEST(executable_directive_arguments)
{
    const char *a = FED23("[\"@inaccessible\", \"@tag\"]") "directive @ex(r: String @inaccessible, "
                                                           "s: Int @tag(name: \"t\")) on FIELD\n"
                                                           "type Query { a: Int }\n";
    outcome o = compose_ab(a, FED23("[\"@key\"]") "directive @ex(r: String, s: Int) on FIELD\n"
                                                  "type Query { b: Int }\n");
    CHECK_HAS(o.supergraph,
              "directive @ex(r: String @inaccessible, s: Int @tag(name: \"t\")) on FIELD\n");
    CHECK_HAS(o.supergraph, "  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
    CHECK_STR(errors_ab(FED23("[\"@inaccessible\"]") "directive @ex(r: String! @inaccessible) on "
                                                     "FIELD\ntype Query { a: Int }\n",
                        FED23("[\"@key\"]") "directive @ex(r: String!) on FIELD\n"
                                            "type Query { b: Int }\n"),
              "REQUIRED_INACCESSIBLE: Argument \"@ex(r:)\" is @inaccessible but is a required "
              "argument of its directive.\n");
}

TEST_MAIN(arena_init(&test_arena, 1 << 16); RUN(type_with_only_unused_externals);
          RUN(directives_the_supergraph_keeps_go_by_one_name); RUN(compose_directive_arguments);
          RUN(composed_features_agree_across_subgraphs);
          RUN(composed_definition_comes_from_the_latest_version);
          RUN(composed_directive_hides_no_argument); RUN(executable_directive_arguments);
          arena_free(&test_arena);)
