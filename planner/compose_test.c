/* compose_test.c: compose() on small subgraph pairs, one merge rule each.
 * The expected text is what @apollo/composition 2.14 prints for the same
 * input (checked with tests/compose/apollo-compose.mjs), errors with Apollo's
 * code and wording. */
#include <string.h>

#include "compose.h"
#include "ftest.h"

#define FED23                                                                                      \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", "   \
    "\"@shareable\", \"@external\", \"@override\", \"@requires\", \"@provides\", "                 \
    "\"@interfaceObject\", \"@inaccessible\", \"@tag\"])\n"
#define FED27                                                                                      \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.7\", import: [\"@key\", "   \
    "\"@shareable\", \"@external\", \"@override\"])\n"

static arena test_arena;

/* Composes subgraph "a" (and "b" when sdl_b is not NULL): the supergraph, or
 * "CODE: message" of each error, one per line. */
static const char *compose_ab(const char *sdl_a, const char *sdl_b)
{
    compose_input in[2] = {{"a", "http://a.example/graphql", sdl_a, strlen(sdl_a)},
                           {"b", "http://b.example/graphql", sdl_b, sdl_b ? strlen(sdl_b) : 0}};
    compose_result r;
    if (compose(&test_arena, in, sdl_b ? 2 : 1, &r)) return r.supergraph;
    char *text = arena_strdup(&test_arena, "");
    for (const diag *d = r.errors.first; d; d = d->next)
        text =
            arena_sprintf(&test_arena, "%s%s%s: %s", text, *text ? "\n" : "", d->code, d->message);
    return text;
}

/* got contains want: prints both when not. */
#define CHECK_HAS(got, want)                                                                       \
    do {                                                                                           \
        const char *has_g = (got);                                                                 \
        if (!strstr(has_g, (want))) CHECK_STR(has_g, (want));                                      \
    } while (0)

TEST(one_subgraph_exact_output)
{
    const char *out = compose_ab(FED23 "type Query { hello: String }", NULL);
    CHECK_HAS(out, "schema\n"
                   "  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"
                   "  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n"
                   "{\n"
                   "  query: Query\n"
                   "}\n\n"
                   "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE\n\n");
    CHECK_HAS(out, "enum join__Graph {\n"
                   "  A @join__graph(name: \"a\", url: \"http://a.example/graphql\")\n"
                   "}\n\n"
                   "scalar link__Import\n\n");
    const char *tail = "type Query\n  @join__type(graph: A)\n{\n  hello: String\n}";
    CHECK_STR(out + strlen(out) - strlen(tail), tail);
}

TEST(progressive_override_links_join_v04)
{
    const char *out =
        compose_ab(FED27 "type Query { t: T } type T @key(fields: \"id\") { id: ID! x: Int }", FED27
                   "type T @key(fields: \"id\") { id: ID! x: Int @override(from: \"a\", label: "
                   "\"percent(50)\") }");
    CHECK_HAS(out, "@link(url: \"https://specs.apollo.dev/join/v0.4\", for: EXECUTION)");
    CHECK_HAS(out, "directive @join__directive(");
    CHECK_HAS(out, "  x: Int @join__field(graph: A, overrideLabel: \"percent(50)\") "
                   "@join__field(graph: B, override: \"a\", overrideLabel: \"percent(50)\")\n");
}

TEST(override_of_a_used_field_keeps_it_used_overridden)
{
    const char *out =
        compose_ab(FED23 "type Query { t: T } type T @key(fields: \"id x\") { id: ID! x: Int }",
                   FED23 "type T @key(fields: \"id\") { id: ID! x: Int @override(from: \"a\") }");
    CHECK_HAS(out, "  x: Int @join__field(graph: A, usedOverridden: true) "
                   "@join__field(graph: B, override: \"a\")\n");
}

TEST(override_of_an_unused_field_drops_it)
{
    const char *out =
        compose_ab(FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! x: Int }",
                   FED23 "type T @key(fields: \"id\") { id: ID! x: Int @override(from: \"a\") }");
    CHECK_HAS(out, "  x: Int @join__field(graph: B, override: \"a\")\n");
}

TEST(override_from_self_is_an_error)
{
    const char *out = compose_ab(
        FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! x: Int @override(from: "
              "\"a\") }",
        NULL);
    CHECK_STR(out, "OVERRIDE_FROM_SELF_ERROR: Source and destination subgraphs \"a\" are the "
                   "same for overridden field \"T.x\"");
}

TEST(output_enum_takes_every_value)
{
    const char *out = compose_ab(FED23 "type Query { a: E @shareable } enum E { A B }",
                                 FED23 "type Query { a: E @shareable } enum E { B C }");
    CHECK_HAS(out, "{\n  A @join__enumValue(graph: A)\n"
                   "  B @join__enumValue(graph: A) @join__enumValue(graph: B)\n"
                   "  C @join__enumValue(graph: B)\n}");
}

TEST(input_enum_takes_common_values)
{
    const char *out = compose_ab(FED23 "type Query { a(e: E): Int @shareable } enum E { A B }",
                                 FED23 "type Query { a(e: E): Int @shareable } enum E { B C }");
    CHECK_HAS(out, "{\n  B @join__enumValue(graph: A) @join__enumValue(graph: B)\n}");
}

TEST(enum_used_both_ways_must_agree)
{
    const char *out = compose_ab(FED23 "type Query { a(e: E): E @shareable } enum E { A B }",
                                 FED23 "type Query { a(e: E): E @shareable } enum E { B C }");
    CHECK_STR(out,
              "ENUM_VALUE_MISMATCH: Enum type \"E\" is used as both input type (for example, as "
              "type of \"Query.a(e:)\") and output type (for example, as type of \"Query.a\"), "
              "but value \"A\" is not defined in all the subgraphs defining \"E\": \"A\" is "
              "defined in subgraph \"a\" but not in subgraph \"b\"\n"
              "ENUM_VALUE_MISMATCH: Enum type \"E\" is used as both input type (for example, as "
              "type of \"Query.a(e:)\") and output type (for example, as type of \"Query.a\"), "
              "but value \"C\" is not defined in all the subgraphs defining \"E\": \"C\" is "
              "defined in subgraph \"b\" but not in subgraph \"a\"");
}

TEST(inaccessible_enum_value_may_be_missing)
{
    const char *out =
        compose_ab(FED23 "type Query { a(e: E): E @shareable } enum E { A B @inaccessible }",
                   FED23 "type Query { a(e: E): E @shareable } enum E { A }");
    CHECK_HAS(out, "  B @inaccessible @join__enumValue(graph: A)\n");
}

TEST(union_members_are_merged)
{
    const char *out = compose_ab(
        FED23 "type Query { u: U @shareable } union U = X | Y type X { x: Int @shareable } "
              "type Y { y: Int }",
        FED23 "type Query { u: U @shareable } union U = X | Z type X { x: Int @shareable } "
              "type Z { z: Int }");
    CHECK_HAS(out, "union U\n  @join__type(graph: A)\n  @join__type(graph: B)\n"
                   "  @join__unionMember(graph: A, member: \"X\")\n"
                   "  @join__unionMember(graph: B, member: \"X\")\n"
                   "  @join__unionMember(graph: A, member: \"Y\")\n"
                   "  @join__unionMember(graph: B, member: \"Z\")\n"
                   " = X | Y | Z");
}

TEST(input_fields_are_intersected_most_restrictive)
{
    const char *out =
        compose_ab(FED23 "type Query { a(i: In): Int @shareable } input In { x: Int y: Int! = 3 }",
                   FED23 "type Query { a(i: In): Int @shareable } input In { x: Int! z: Int }");
    CHECK_HAS(out, "{\n  x: Int! @join__field(graph: A, type: \"Int\") "
                   "@join__field(graph: B, type: \"Int!\")\n}");
}

TEST(output_field_takes_most_general_type_and_common_arguments)
{
    const char *out =
        compose_ab(FED23 "type Query { a: Int! @shareable b(x: Int, y: Int): Int @shareable }",
                   FED23 "type Query { a: Int @shareable b(x: Int): Int @shareable }");
    CHECK_HAS(out, "  a: Int @join__field(graph: A, type: \"Int!\") "
                   "@join__field(graph: B, type: \"Int\")\n"
                   "  b(x: Int): Int\n");
}

TEST(interface_object_fields_reach_implementations)
{
    const char *out =
        compose_ab(FED23 "type Query { i: I } interface I @key(fields: \"id\") { id: ID! } "
                         "type X implements I @key(fields: \"id\") { id: ID! }",
                   FED23 "type I @key(fields: \"id\") @interfaceObject { id: ID! extra: String }");
    CHECK_HAS(out, "  @join__type(graph: B, key: \"id\", isInterfaceObject: true)\n");
    CHECK_HAS(out, "type X implements I\n  @join__implements(graph: A, interface: \"I\")\n"
                   "  @join__type(graph: A, key: \"id\")\n{\n  id: ID!\n"
                   "  extra: String @join__field\n}");
}

TEST(federation1_extensions)
{
    const char *out = compose_ab(
        "type Query { u: User } extend type User @key(fields: \"id\") { id: ID! @external "
        "name: String @external } type Other @key(fields: \"id\") @extends { id: ID! @external "
        "n: Int }",
        FED23 "type User @key(fields: \"id\") { id: ID! name: String @shareable } "
              "type Other @key(fields: \"id\") { id: ID! }");
    /* the unused external User.name is dropped; `extend type` is no extension
     * once upgraded, @extends still is */
    CHECK_HAS(out, "type User\n  @join__type(graph: A, key: \"id\")\n"
                   "  @join__type(graph: B, key: \"id\")\n{\n  id: ID!\n"
                   "  name: String @join__field(graph: B)\n}");
    CHECK_HAS(out, "  @join__type(graph: A, key: \"id\", extension: true)\n");
}

TEST(renamed_and_namespaced_federation_directives)
{
    const char *out = compose_ab(
        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: "
        "[{name: \"@key\", as: \"@primaryKey\"}])\n"
        "type Query { t: T @federation__shareable } type T @primaryKey(fields: \"id\") { id: ID! "
        "}",
        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", as: \"fed\", "
        "import: [])\n"
        "type Query { t: T @fed__shareable } type T @fed__key(fields: \"id\", resolvable: false) "
        "{ id: ID! }");
    CHECK_HAS(out, "type T\n  @join__type(graph: A, key: \"id\")\n"
                   "  @join__type(graph: B, key: \"id\", resolvable: false)\n{\n  id: ID!\n}");
}

TEST(root_types_take_default_names)
{
    const char *out = compose_ab(FED23 "schema { query: RootQuery mutation: RootMutation } "
                                       "type RootQuery { a: Int } type RootMutation { m: Int }",
                                 FED23 "type Query { b: Int }");
    CHECK_HAS(out, "{\n  query: Query\n  mutation: Mutation\n}");
    CHECK_HAS(out, "type Mutation\n  @join__type(graph: A)\n{\n  m: Int\n}");
    CHECK_HAS(out, "  a: Int @join__field(graph: A)\n  b: Int @join__field(graph: B)\n");
}

TEST(descriptions_and_deprecations)
{
    const char *out = compose_ab(
        FED23 "\"\"\"A type with a description that is longer than seventy characters, so "
              "multi-line\"\"\"\ntype Query { \"short\" a(\"arg doc\" x: Int, y: Int): Int "
              "@deprecated(reason: \"no\") }",
        FED23 "\"other\"\ntype Query { b: Int }");
    CHECK_HAS(out, "\"\"\"\nA type with a description that is longer than seventy characters, "
                   "so multi-line\n\"\"\"\ntype Query\n");
    CHECK_HAS(out, "  \"\"\"short\"\"\"\n  a(\n    \"\"\"arg doc\"\"\"\n    x: Int\n    y: Int\n"
                   "  ): Int @join__field(graph: A) @deprecated(reason: \"no\")\n");
}

TEST(provides_and_requires)
{
    const char *out = compose_ab(
        FED23 "type Query { t: T @provides(fields: \"x\") } type T @key(fields: \"id\") { id: ID! "
              "x: Int @external y: Int @requires(fields: \"x\") }",
        FED23 "type T @key(fields: \"id\") { id: ID! x: Int @shareable }");
    CHECK_HAS(out, "  t: T @join__field(graph: A, provides: \"x\")\n");
    CHECK_HAS(out, "  x: Int @join__field(graph: A, external: true) @join__field(graph: B)\n"
                   "  y: Int @join__field(graph: A, requires: \"x\")\n");
}

TEST(inaccessible_and_tag)
{
    const char *out =
        compose_ab(FED23 "type Query { t: T @inaccessible s: String @tag(name: \"pub\") } "
                         "type T @tag(name: \"t\") { id: ID! @inaccessible n: Int }",
                   NULL);
    CHECK_HAS(out, "  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n"
                   "  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
    CHECK_HAS(out, "  t: T @inaccessible\n  s: String @tag(name: \"pub\")\n");
    CHECK_HAS(out, "type T\n  @join__type(graph: A)\n  @tag(name: \"t\")\n{\n"
                   "  id: ID! @inaccessible\n");
}

TEST(non_shareable_field_in_two_subgraphs)
{
    CHECK_STR(compose_ab(FED23 "type Query { a: Int }", FED23 "type Query { a: Int }"),
              "INVALID_FIELD_SHARING: Non-shareable field \"Query.a\" is resolved from multiple "
              "subgraphs: it is resolved from subgraphs \"a\" and \"b\" and defined as "
              "non-shareable in all of them");
    CHECK_STR(compose_ab(FED23 "type Query { a: Int }", FED23 "type Query { a: Int @shareable }"),
              "INVALID_FIELD_SHARING: Non-shareable field \"Query.a\" is resolved from multiple "
              "subgraphs: it is resolved from subgraphs \"a\" and \"b\" and defined as "
              "non-shareable in subgraph \"a\"");
}

TEST(incompatible_field_types)
{
    CHECK_STR(compose_ab(FED23 "type Query { a: Int @shareable }",
                         FED23 "type Query { a: String @shareable }"),
              "FIELD_TYPE_MISMATCH: Type of field \"Query.a\" is incompatible across subgraphs: it "
              "has type \"Int\" in subgraph \"a\" but type \"String\" in subgraph \"b\"");
}

TEST(type_kind_mismatch)
{
    CHECK_STR(
        compose_ab(FED23 "type Query { t: T } type T { id: ID! }", FED23 "interface T { id: ID! }"),
        "TYPE_KIND_MISMATCH: Type \"T\" has mismatched kind: it is defined as Object Type in "
        "subgraph \"a\" but Interface Type in subgraph \"b\"");
}

TEST(external_everywhere)
{
    CHECK_STR(compose_ab(FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! x: Int "
                               "@external y: Int @requires(fields: \"x\") }",
                         FED23 "type T @key(fields: \"id\") { id: ID! x: Int @external z: Int "
                               "@requires(fields: \"x\") }"),
              "EXTERNAL_MISSING_ON_BASE: Field \"T.x\" is marked @external on all the subgraphs "
              "in which it is listed (subgraphs \"a\" and \"b\").");
}

TEST(no_query_type)
{
    CHECK_STR(compose_ab(FED23 "type T { id: ID! }", FED23 "type U { id: ID! }"),
              "NO_QUERIES: No queries found in any subgraph: a supergraph must have a query root "
              "type.");
}

TEST(field_set_checks)
{
    CHECK_STR(
        compose_ab(FED23 "type Query { t: T } type T @key(fields: \"nope\") { id: ID! }", NULL),
        "KEY_INVALID_FIELDS: [a] On type \"T\", for @key(fields: \"nope\"): Cannot query "
        "field \"nope\" on type \"T\" (the field should either be added to this subgraph "
        "or, if it should not be resolved by this subgraph, you need to add it to this "
        "subgraph with @external).");
    CHECK_STR(compose_ab(FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! x: Int "
                               "@requires(fields: \"id\") }",
                         NULL),
              "REQUIRES_FIELDS_MISSING_EXTERNAL: [a] On field \"T.x\", for @requires(fields: "
              "\"id\"): field \"T.id\" should not be part of a @requires since it is already "
              "provided by this subgraph (it is not marked @external)");
    CHECK_STR(compose_ab(FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! y: Int "
                               "@requires(fields: \"zz {\") }",
                         NULL),
              "REQUIRES_INVALID_FIELDS: [a] On field \"T.y\", for @requires(fields: \"zz {\"): "
              "Syntax Error: Expected Name, found \"}\".");
}

TEST(syntax_error_names_the_subgraph)
{
    compose_input in = {"accounts", "http://x", "type Query {", 12};
    compose_result r;
    CHECK(!compose(&test_arena, &in, 1, &r));
    CHECK(r.supergraph == NULL);
    CHECK_STR(r.errors.first->code, "INVALID_GRAPHQL");
    CHECK_STR(r.errors.first->source, "accounts");
    CHECK_STR(r.errors.first->message, "[accounts] Syntax Error: Expected Name, found <EOF>.");
    CHECK_INT(r.errors.first->locs[0].line, 1);
    CHECK_INT(r.errors.first->locs[0].column, 13);
}

TEST(same_bytes_whatever_the_input_order)
{
    const char *a = FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! }";
    const char *b = FED23 "type T @key(fields: \"id\") { id: ID! n: Int }";
    compose_input ab[2] = {{"a", "u1", a, strlen(a)}, {"b", "u2", b, strlen(b)}};
    compose_input ba[2] = {ab[1], ab[0]};
    compose_result r1, r2;
    CHECK(compose(&test_arena, ab, 2, &r1));
    CHECK(compose(&test_arena, ba, 2, &r2));
    CHECK_STR(r1.supergraph, r2.supergraph);
}

TEST(graph_enum_values_from_names)
{
    const char *sdl = FED23 "type Query { a: Int @shareable }";
    compose_input in[3] = {{"my-sub", "u", sdl, strlen(sdl)},
                           {"2nd", "u", sdl, strlen(sdl)},
                           {"my_sub", "u", sdl, strlen(sdl)}};
    compose_result r;
    CHECK(compose(&test_arena, in, 3, &r));
    CHECK_HAS(r.supergraph, "  _2ND @join__graph(name: \"2nd\", url: \"u\")\n"
                            "  MY_SUB_1 @join__graph(name: \"my-sub\", url: \"u\")\n"
                            "  MY_SUB_2 @join__graph(name: \"my_sub\", url: \"u\")\n");
}

TEST(override_on_interface_field)
{
    CHECK_STR(compose_ab(FED23 "type Query { n: Named } interface Named { name: String "
                               "@override(from: \"b\") } type U implements Named { name: String }",
                         NULL),
              "OVERRIDE_ON_INTERFACE: @override cannot be used on field \"Named.name\" on "
              "subgraph \"a\": @override is not supported on interface type fields.");
}

TEST(override_on_both_sides)
{
    const char *out = compose_ab(
        FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! n: Int @override(from: "
              "\"b\") }",
        FED23 "type T @key(fields: \"id\") { id: ID! n: Int @override(from: \"a\") }");
    CHECK_HAS(out, "OVERRIDE_SOURCE_HAS_OVERRIDE: Field \"T.n\" on subgraph \"a\" is also marked "
                   "with directive @override in subgraph \"b\". Only one @override directive is "
                   "allowed per field.\n");
}

TEST(override_of_a_field_with_requires)
{
    const char *out = compose_ab(
        FED23 "type Query { t: T } type T @key(fields: \"id\") { id: ID! w: Int @override(from: "
              "\"b\") }",
        FED23 "type T @key(fields: \"id\") { id: ID! s: Int @external w: Int @requires(fields: "
              "\"s\") }");
    CHECK_HAS(out, "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE: @override cannot be used on field "
                   "\"T.w\" on subgraph \"a\" since \"T.w\" on \"b\" is marked with directive "
                   "\"@requires\"");
}

static const char *with_label(const char *label)
{
    const char *a = arena_sprintf(&test_arena,
                                  FED27 "type Query { t: T } type T @key(fields: \"id\") { id: ID! "
                                        "x: Int @override(from: \"b\", label: \"%s\") }",
                                  label);
    return compose_ab(a, FED27 "type T @key(fields: \"id\") { id: ID! x: Int }");
}

TEST(override_labels)
{
    CHECK_HAS(with_label("beta:v2/x.y-z_1"), "overrideLabel: \"beta:v2/x.y-z_1\"");
    CHECK_HAS(with_label("percent(0.12345678)"), "overrideLabel: \"percent(0.12345678)\"");
    CHECK_HAS(with_label("percent(100)"), "overrideLabel: \"percent(100)\"");
    CHECK_HAS(with_label("percent(100.5)"), "OVERRIDE_LABEL_INVALID: Invalid @override label "
                                            "\"percent(100.5)\" on field \"T.x\" on subgraph "
                                            "\"a\": labels must start with a letter");
    CHECK_HAS(with_label("percent(123)"), "OVERRIDE_LABEL_INVALID");
    CHECK_HAS(with_label("percent(1.123456789)"), "OVERRIDE_LABEL_INVALID");
    CHECK_HAS(with_label("1abc"), "OVERRIDE_LABEL_INVALID");
}

/* The hints of composing a and b, "CODE: message" one per line. */
static const char *hints_ab(const char *sdl_a, const char *sdl_b)
{
    compose_input in[2] = {{"a", "http://a.example/graphql", sdl_a, strlen(sdl_a)},
                           {"b", "http://b.example/graphql", sdl_b, strlen(sdl_b)}};
    compose_result r;
    compose(&test_arena, in, 2, &r);
    char *text = arena_strdup(&test_arena, "");
    for (const diag *d = r.hints.first; d; d = d->next)
        text =
            arena_sprintf(&test_arena, "%s%s%s: %s", text, *text ? "\n" : "", d->code, d->message);
    return text;
}

TEST(hints_on_what_some_subgraphs_lack)
{
    const char *h = hints_ab(
        FED23 "type Query { t: T @shareable v: V @shareable o: O } type T @key(fields: \"id\") { "
              "id: ID! } type V { a: Int @shareable b: Int } type O @key(fields: \"id\") { id: "
              "ID! n: Int @override(from: \"zz\") m: Int }",
        FED23 "type Query { t: T @shareable v: V @shareable } type T { id: ID! @shareable } type V "
              "{ a: Int @shareable } type O @key(fields: \"id\") { id: ID! m: Int @override(from: "
              "\"a\") }");
    CHECK_HAS(h, "INCONSISTENT_ENTITY: Type \"T\" is declared as an entity (has a @key applied) in "
                 "some but not all defining subgraphs: it has no @key in subgraph \"b\" but has "
                 "some @key in subgraph \"a\".");
    CHECK_HAS(h, "INCONSISTENT_OBJECT_VALUE_TYPE_FIELD: Field \"V.b\" of non-entity object type "
                 "\"V\" is defined in some but not all subgraphs that define \"V\": \"V.b\" is "
                 "defined in subgraph \"a\" but not in subgraph \"b\".");
    CHECK_HAS(h, "FROM_SUBGRAPH_DOES_NOT_EXIST: Source subgraph \"zz\" for field \"O.n\" on "
                 "subgraph \"a\" does not exist.");
    CHECK_HAS(h, "OVERRIDDEN_FIELD_CAN_BE_REMOVED: Field \"O.m\" on subgraph \"a\" is overridden. "
                 "Consider removing it.");
}

TEST(hints_on_types_defaults_and_enums)
{
    const char *h = hints_ab(
        FED23 "type Query { a(x: Int = 1, y: Int): Int! @shareable b(i: In): Int @shareable } "
              "input In { f: Int = 3 g: Int } enum E { V W }",
        FED23 "type Query { a(x: Int): Int @shareable } input In { f: Int } enum E { V X }");
    CHECK_HAS(h, "INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE: Type of field \"Query.a\" is "
                 "inconsistent but compatible across subgraphs: will use type \"Int\" (from "
                 "subgraph \"b\") in supergraph but \"Query.a\" has subtype \"Int!\" in subgraph "
                 "\"a\".");
    CHECK_HAS(h, "INCONSISTENT_ARGUMENT_PRESENCE: Optional argument \"Query.a(y:)\" will not be "
                 "included in the supergraph as it does not appear in all subgraphs: it is defined "
                 "in subgraph \"a\" but not in subgraph \"b\".");
    CHECK_HAS(h, "INCONSISTENT_DEFAULT_VALUE_PRESENCE: Argument \"Query.a(x:)\" has a default "
                 "value in only some subgraphs: will not use a default in the supergraph (there is "
                 "no default in subgraph \"b\") but \"Query.a(x:)\" has default value 1 in "
                 "subgraph \"a\".");
    CHECK_HAS(h,
              "INCONSISTENT_INPUT_OBJECT_FIELD: Input object field \"g\" will not be added to "
              "\"In\" in the supergraph as it does not appear in all subgraphs: it is defined in "
              "subgraph \"a\" but not in subgraph \"b\".");
    CHECK_HAS(h, "UNUSED_ENUM_TYPE: Enum type \"E\" is defined but unused.");
    CHECK_HAS(h, "INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM: Value \"W\" of enum type \"E\" has "
                 "been added to the supergraph but is only defined in a subset of the subgraphs "
                 "defining \"E\": \"W\" is defined in subgraph \"a\" but not in subgraph \"b\".");
}

TEST_MAIN(arena_init(&test_arena, 1 << 16); RUN(one_subgraph_exact_output);
          RUN(progressive_override_links_join_v04);
          RUN(override_of_a_used_field_keeps_it_used_overridden);
          RUN(override_of_an_unused_field_drops_it); RUN(override_from_self_is_an_error);
          RUN(output_enum_takes_every_value); RUN(input_enum_takes_common_values);
          RUN(enum_used_both_ways_must_agree); RUN(inaccessible_enum_value_may_be_missing);
          RUN(union_members_are_merged); RUN(input_fields_are_intersected_most_restrictive);
          RUN(output_field_takes_most_general_type_and_common_arguments);
          RUN(interface_object_fields_reach_implementations); RUN(federation1_extensions);
          RUN(renamed_and_namespaced_federation_directives); RUN(root_types_take_default_names);
          RUN(descriptions_and_deprecations); RUN(provides_and_requires); RUN(inaccessible_and_tag);
          RUN(non_shareable_field_in_two_subgraphs); RUN(incompatible_field_types);
          RUN(type_kind_mismatch); RUN(external_everywhere); RUN(no_query_type);
          RUN(field_set_checks); RUN(syntax_error_names_the_subgraph);
          RUN(same_bytes_whatever_the_input_order); RUN(graph_enum_values_from_names);
          RUN(override_on_interface_field); RUN(override_on_both_sides);
          RUN(override_of_a_field_with_requires); RUN(override_labels);
          RUN(hints_on_what_some_subgraphs_lack); RUN(hints_on_types_defaults_and_enums);
          arena_free(&test_arena);)
