/* supergraph_errors_test.c: supergraphs that must not load. Each case edits
 * the bench supergraph (or the renamed/fed1 fixtures) in one place and
 * checks sg_load returns NULL with the exact first message, its code and
 * where it points. */
#include "fixture.h"
#include "ftest.h"
#include "supergraph.h"

#define DIR "tests/fixtures/supergraph/"

typedef struct expect {
    const char *message;
    const char *code;      /* NULL: not checked */
    uint32_t line, column; /* 0: not checked */
} expect;

static void check_sdl(arena *a, const char *sdl, expect want)
{
    diag_list errs;
    diag_init(&errs, a);
    CHECK(sdl != NULL);
    if (!sdl) return;
    supergraph *sg = sg_load(a, sdl, strlen(sdl), &errs);
    CHECK(sg == NULL);
    CHECK(errs.count >= 1);
    if (!errs.first) return;
    CHECK_STR(errs.first->message, want.message);
    if (want.code) CHECK_STR(errs.first->code, want.code);
    if (want.line) {
        CHECK_INT(errs.first->locs[0].line, want.line);
        CHECK_INT(errs.first->locs[0].column, want.column);
    }
}

static void check_fails(const char *file, const char *from, const char *to, expect want)
{
    arena a;
    arena_init(&a, 0);
    check_sdl(&a, fixture_edit(&a, fixture_read(&a, file), from, to), want);
    arena_free(&a);
}

/* Two edits: the first usually relaxes a spec directive's definition so
 * that the schema builder lets through what the loader must then catch. */
static void check_fails2(const char *file, const char *from1, const char *to1, const char *from2,
                         const char *to2, expect want)
{
    arena a;
    arena_init(&a, 0);
    char *sdl = fixture_edit(&a, fixture_read(&a, file), from1, to1);
    check_sdl(&a, sdl ? fixture_edit(&a, sdl, from2, to2) : NULL, want);
    arena_free(&a);
}

#define BENCH FIXTURE_BENCH_SUPERGRAPH

TEST(malformed_sdl)
{
    check_fails(BENCH, "type Review\n", "type Review {\n",
                (expect){"Syntax Error: Expected Name, found \"@\".", "INVALID_GRAPHQL", 72, 3});
}

TEST(schema_build_errors_surface)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char *sdl = fixture_edit(&a, fixture_read(&a, BENCH), "  body: String\n", "  body: Strin\n");
    CHECK(sdl && sg_load(&a, sdl, strlen(sdl), &errs) == NULL);
    CHECK(errs.count >= 1);
    CHECK(errs.first && strstr(errs.first->message, "Strin") != NULL);
    arena_free(&a);
}

TEST(not_a_core_schema)
{
    check_fails(BENCH, "  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n", "",
                (expect){"Invalid supergraph: must be a core schema",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(no_join_spec)
{
    check_fails(BENCH, "  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n", "",
                (expect){"Invalid supergraph: must use the join spec",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(unknown_join_version)
{
    check_fails(BENCH, "join/v0.3", "join/v0.9",
                (expect){"Invalid supergraph: uses unsupported join spec version v0.9 (supported "
                         "versions: v0.5, v0.4, v0.3, v0.2, v0.1)",
                         "INVALID_FEDERATION_SUPERGRAPH", 3, 3});
}

TEST(unknown_link_version)
{
    check_fails(BENCH, "link/v1.0", "link/v2.0",
                (expect){"Schema uses unknown version v2.0 of the link spec",
                         "UNKNOWN_LINK_VERSION", 2, 3});
}

TEST(unsupported_execution_feature)
{
    check_fails(BENCH, "{\n  query: Query",
                "  @link(url: \"https://specs.apollo.dev/teleport/v1.0\", for: EXECUTION)\n"
                "{\n  query: Query",
                (expect){"feature https://specs.apollo.dev/teleport/v1.0 is for: EXECUTION but is "
                         "unsupported",
                         "UNSUPPORTED_LINKED_FEATURE", 4, 3});
}

TEST(unsupported_security_feature)
{
    check_fails(BENCH, "{\n  query: Query",
                "  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n"
                "{\n  query: Query",
                (expect){"feature https://specs.apollo.dev/authenticated/v0.1 is for: SECURITY but "
                         "is unsupported",
                         "UNSUPPORTED_LINKED_FEATURE", 4, 3});
}

TEST(unknown_feature_without_purpose_is_fine)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char *sdl = fixture_edit(&a, fixture_read(&a, BENCH), "{\n  query: Query",
                             "  @link(url: \"https://example.com/notes/v3.1\")\n{\n  query: Query");
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    CHECK(sg != NULL);
    if (sg) {
        CHECK_INT(sg->nfeatures, 3);
        CHECK_STR(sg->features[2].name, "notes");
        CHECK_STR(sg->features[2].identity, "https://example.com/notes");
        CHECK_INT(sg->features[2].major, 3);
        CHECK_INT(sg->features[2].minor, 1);
    }
    arena_free(&a);
}

TEST(unknown_inaccessible_version)
{
    check_fails(DIR "renamed.graphql", "inaccessible/v0.2", "inaccessible/v0.7",
                (expect){"Invalid supergraph: uses unsupported inaccessible spec version v0.7 "
                         "(supported versions: v0.2, v0.1)",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(invalid_feature_url)
{
    check_fails(BENCH, "join/v0.3\"", "join\"",
                (expect){"Invalid feature url \"https://specs.apollo.dev/join\": expected "
                         "<scheme>://<host>/<name>/v<major>.<minor>",
                         "INVALID_LINK_IDENTIFIER", 3, 3});
}

TEST(core_v01_has_no_purpose)
{
    check_fails(DIR "fed1.graphql", "core/v0.2", "core/v0.1",
                (expect){"the `for:` argument is unsupported by version v0.1 of the core spec. "
                         "Please upgrade to at least @core v0.2 "
                         "(https://specs.apollo.dev/core/v0.2).",
                         "UNSUPPORTED_LINKED_FEATURE", 0, 0});
}

TEST(bad_import)
{
    check_fails(DIR "renamed.graphql", "{name: \"@inaccessible\", as: \"@hidden\"}",
                "{name: \"@inaccessible\", as: \"hidden\"}",
                (expect){"Invalid @link import renaming \"@inaccessible\" to \"hidden\": a "
                         "directive must be imported as a directive and a type as a type",
                         "INVALID_LINK_DIRECTIVE_USAGE", 0, 0});
}

TEST(missing_graph_enum)
{
    check_fails(DIR "renamed.graphql", "as: \"j\", for", "as: \"joint\", for",
                (expect){"Invalid supergraph: missing the enum type joint__Graph that lists the "
                         "subgraphs",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(graph_without_join_graph)
{
    check_fails(
        BENCH,
        "  INVENTORY @join__graph(name: \"inventory\", url: \"http://127.0.0.1:4202/graphql\")",
        "  INVENTORY",
        (expect){"Value INVENTORY of join__Graph enum has no @join__graph directive",
                 "INVALID_FEDERATION_SUPERGRAPH", 26, 3});
}

TEST(duplicate_graph_name)
{
    check_fails(BENCH, "name: \"inventory\"", "name: \"accounts\"",
                (expect){"Values ACCOUNTS and INVENTORY of join__Graph enum both name the "
                         "subgraph \"accounts\"",
                         "INVALID_FEDERATION_SUPERGRAPH", 26, 3});
}

TEST(join_type_unknown_graph)
{
    check_fails(BENCH, "@join__type(graph: REVIEWS, key: \"id\")\n{\n  id: ID!\n  body",
                "@join__type(graph: NOPE, key: \"id\")\n{\n  id: ID!\n  body",
                (expect){"Invalid graph name NOPE found in @join__type on Review: does not match "
                         "a graph defined in the join__Graph enum",
                         "INVALID_FEDERATION_SUPERGRAPH", 72, 22});
}

TEST(join_field_unknown_graph)
{
    check_fails(BENCH, "me: User @join__field(graph: ACCOUNTS)",
                "me: User @join__field(graph: ACCT)",
                (expect){"Invalid graph name ACCT found in @join__field on Query.me: does not "
                         "match a graph defined in the join__Graph enum",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(join_field_graph_without_the_type)
{
    check_fails(BENCH, "name: String @join__field(graph: PRODUCTS)",
                "name: String @join__field(graph: ACCOUNTS)",
                (expect){"[accounts] @join__field on field \"Product.name\": type \"Product\" is "
                         "not defined in that graph",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_syntax_error)
{
    check_fails(BENCH, "@join__type(graph: REVIEWS, key: \"id\")\n{\n  id: ID!\n  body",
                "@join__type(graph: REVIEWS, key: \"id {\")\n{\n  id: ID!\n  body",
                (expect){"[reviews] On type \"Review\", for @join__type(key: \"id {\"): Syntax "
                         "Error: Expected Name, found <EOF>.",
                         "INVALID_FEDERATION_SUPERGRAPH", 72, 36});
}

TEST(key_unknown_field)
{
    check_fails(BENCH, "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: INVENTORY, key: \"upcc\")",
                (expect){"[inventory] On type \"Product\", for @join__type(key: \"upcc\"): Cannot "
                         "query field \"upcc\" on type \"Product\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_selection_on_leaf)
{
    check_fails(BENCH, "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: INVENTORY, key: \"upc { x }\")",
                (expect){"[inventory] On type \"Product\", for @join__type(key: \"upc { x }\"): "
                         "Field \"upc\" must not have a selection since type \"String\" has no "
                         "subfields.",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_composite_without_selection)
{
    check_fails(BENCH, "@join__type(graph: REVIEWS, key: \"id\")\n{\n  id: ID!\n  body",
                "@join__type(graph: REVIEWS, key: \"author\")\n{\n  id: ID!\n  body",
                (expect){"[reviews] On type \"Review\", for @join__type(key: \"author\"): Field "
                         "\"author\" of type \"User\" must have a selection of subfields.",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_fragment_spread)
{
    check_fails(BENCH, "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: INVENTORY, key: \"...F\")",
                (expect){"[inventory] On type \"Product\", for @join__type(key: \"...F\"): "
                         "Fragment spreads are not allowed in a FieldSet.",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_inline_fragment_unknown_type)
{
    check_fails(BENCH, "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: INVENTORY, key: \"... on Nope { upc }\")",
                (expect){"[inventory] On type \"Product\", for @join__type(key: \"... on Nope { "
                         "upc }\"): Unknown type \"Nope\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_inline_fragment_wrong_type)
{
    check_fails(BENCH, "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: INVENTORY, key: \"... on User { id }\")",
                (expect){"[inventory] On type \"Product\", for @join__type(key: \"... on User { "
                         "id }\"): Fragment cannot be spread here as objects of type \"Product\" "
                         "can never be of type \"User\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(key_inline_fragment_accepted)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char *sdl =
        fixture_edit(&a, fixture_read(&a, BENCH), "@join__type(graph: INVENTORY, key: \"upc\")",
                     "@join__type(graph: INVENTORY, key: \"... on Product { upc } __typename\")");
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    CHECK(sg != NULL);
    arena_free(&a);
}

/* Outer braces are allowed, as context selections write them. */
TEST(key_with_outer_braces_accepted)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char *sdl =
        fixture_edit(&a, fixture_read(&a, BENCH), "@join__type(graph: INVENTORY, key: \"upc\")",
                     "@join__type(graph: INVENTORY, key: \" { upc } \")");
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    CHECK(sg != NULL);
    const sg_type_graph *tg =
        sg ? sg_type_in_graph(sg, schema_get_type(sg->full, "Product"), 1) : NULL;
    CHECK(tg && tg->nkeys == 1 && strcmp(tg->keys[0].fields.selection->name, "upc") == 0);
    CHECK(tg && tg->keys[0].fields.selection->next == NULL);
    arena_free(&a);
}

/* Two brace groups are not one outer pair. */
TEST(key_with_two_brace_groups)
{
    check_fails(BENCH, "@join__type(graph: INVENTORY, key: \"upc\")",
                "@join__type(graph: INVENTORY, key: \"{ upc } { upc }\")",
                (expect){"[inventory] On type \"Product\", for @join__type(key: \"{ upc } { upc "
                         "}\"): Syntax Error: Expected Name, found \"{\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(requires_unknown_field)
{
    check_fails(BENCH, "requires: \"price weight\"", "requires: \"price height\"",
                (expect){"[inventory] On field \"Product.shippingEstimate\", for "
                         "@join__field(requires: \"price height\"): Cannot query field \"height\" "
                         "on type \"Product\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(provides_unknown_field)
{
    check_fails(BENCH, "provides: \"username\"", "provides: \"nickname\"",
                (expect){"[reviews] On field \"Review.author\", for @join__field(provides: "
                         "\"nickname\"): Cannot query field \"nickname\" on type \"User\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(provides_on_leaf_field)
{
    check_fails(BENCH, "inStock: Boolean @join__field(graph: INVENTORY)",
                "inStock: Boolean @join__field(graph: INVENTORY, provides: \"x\")",
                (expect){"[inventory] On field \"Product.inStock\", for @join__field(provides: "
                         "\"x\"): type \"Boolean\" has no fields to select",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(bad_type_override)
{
    check_fails(BENCH, "inStock: Boolean @join__field(graph: INVENTORY)",
                "inStock: Boolean @join__field(graph: INVENTORY, type: \"Bool\")",
                (expect){"[inventory] Invalid @join__field(type:) on field \"Product.inStock\": "
                         "\"Bool\" is not a type of the supergraph",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(duplicate_join_field)
{
    check_fails(BENCH, "inStock: Boolean @join__field(graph: INVENTORY)",
                "inStock: Boolean @join__field(graph: INVENTORY) @join__field(graph: INVENTORY)",
                (expect){"[inventory] Field \"Product.inStock\" has more than one @join__field "
                         "for this graph",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(bad_implements)
{
    check_fails(DIR "renamed.graphql", "@j__implements(graph: A, interface: \"Node\")",
                "@j__implements(graph: A, interface: \"Nod\")",
                (expect){"[alpha] @j__implements on type \"Account\": \"Nod\" is not an interface "
                         "it implements",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(bad_union_member)
{
    check_fails(DIR "renamed.graphql", "@j__unionMember(graph: B, member: \"Secret\")",
                "@j__unionMember(graph: B, member: \"Level\")",
                (expect){"[beta] @j__unionMember on union \"Owner\": \"Level\" is not one of its "
                         "members in that graph",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(bad_join_directive_graph)
{
    check_fails(DIR "renamed.graphql", "@j__directive(graphs: [B], name: \"cached\"",
                "@j__directive(graphs: [C], name: \"cached\"",
                (expect){"Invalid graph name C found in @j__directive on Account: does not match "
                         "a graph defined in the j__Graph enum",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

/* An accessible field of an @inaccessible type: the API schema cannot be built. */
TEST(inaccessible_reference_breaks_api)
{
    check_fails(DIR "renamed.graphql", "scalar DateTime @j__type(graph: A)",
                "scalar DateTime @hidden @j__type(graph: A)",
                (expect){"Invalid API schema: Unknown type \"DateTime\".",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(join_graph_without_url)
{
    check_fails2(BENCH, "@join__graph(name: String!, url: String!)",
                 "@join__graph(name: String!, url: String)",
                 "name: \"accounts\", url: \"http://127.0.0.1:4201/graphql\"", "name: \"accounts\"",
                 (expect){"@join__graph on value ACCOUNTS of join__Graph enum needs a name: and a "
                          "url: string",
                          "INVALID_FEDERATION_SUPERGRAPH", 25, 12});
}

TEST(join_type_without_graph)
{
    check_fails2(DIR "renamed.graphql", "@j__type(graph: j__Graph!", "@j__type(graph: j__Graph",
                 "type Mutation @j__type(graph: A)", "type Mutation @j__type(key: \"x\")",
                 (expect){"@j__type on type \"Mutation\" is missing its graph: argument",
                          "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(required_join_arguments_checked_by_schema)
{
    check_fails(DIR "renamed.graphql", "type Mutation @j__type(graph: A)",
                "type Mutation @j__type(key: \"x\")",
                (expect){"Directive \"@j__type\" argument \"graph\" of type \"j__Graph!\" is "
                         "required, but it was not provided.",
                         NULL, 0, 0});
}

TEST(key_not_a_string)
{
    check_fails(DIR "renamed.graphql", "@j__type(graph: A, key: \"id\")",
                "@j__type(graph: A, key: 5)",
                (expect){"@j__type(key:) on type \"Account\" must be a string",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(requires_not_a_string)
{
    check_fails(DIR "renamed.graphql", "requires: \"name\"", "requires: 5",
                (expect){"@j__field(requires:) on field \"Account.score\" must be a string",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(link_without_url)
{
    check_fails(
        BENCH, "{\n  query: Query", "  @link(as: \"x\")\n{\n  query: Query",
        (expect){"@link is missing its url: argument", "INVALID_LINK_DIRECTIVE_USAGE", 4, 3});
}

TEST(bad_purpose)
{
    check_fails(
        BENCH, "{\n  query: Query",
        "  @link(url: \"https://specs.apollo.dev/tag/v0.3\", for: \"FUN\")\n{\n  query: Query",
        (expect){"Invalid for: in @link(url: \"https://specs.apollo.dev/tag/v0.3\"): "
                 "expected EXECUTION or SECURITY",
                 "INVALID_LINK_DIRECTIVE_USAGE", 0, 0});
}

TEST(bad_import_shape)
{
    check_fails(DIR "renamed.graphql", "import: [\"@tag\"]", "import: [{as: \"@tag\"}]",
                (expect){"Invalid import in @ln(url: \"https://specs.apollo.dev/tag/v0.3\"): "
                         "expected a name or {name: \"...\", as: \"...\"}",
                         "INVALID_LINK_DIRECTIVE_USAGE", 0, 0});
}

TEST(join_directive_without_name)
{
    check_fails2(DIR "renamed.graphql", "@j__directive(graphs: [j__Graph!], name: String!",
                 "@j__directive(graphs: [j__Graph!], name: String",
                 "@j__directive(graphs: [B], name: \"cached\", ", "@j__directive(graphs: [B], ",
                 (expect){"@j__directive on Account is missing its name:",
                          "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(implements_in_graph_without_the_type)
{
    check_fails(DIR "renamed.graphql", "type Secret implements Node @j__implements(graph: B",
                "type Secret implements Node @j__implements(graph: A",
                (expect){"[alpha] @j__implements on type \"Secret\": the type is not defined in "
                         "that graph",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(enum_value_in_graph_without_the_enum)
{
    check_fails(DIR "renamed.graphql", "enum Level @j__type(graph: A) @j__type(graph: B)",
                "enum Level @j__type(graph: A)",
                (expect){"[beta] @j__enumValue on enum value \"Level.LOW\": the enum is not "
                         "defined in that graph",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST(enum_value_unknown_graph)
{
    check_fails(DIR "renamed.graphql", "HIGH @j__enumValue(graph: B)",
                "HIGH @j__enumValue(graph: Z)",
                (expect){"Invalid graph name Z found in @j__enumValue on Level.HIGH: does not "
                         "match a graph defined in the j__Graph enum",
                         "INVALID_FEDERATION_SUPERGRAPH", 0, 0});
}

TEST_MAIN(RUN(malformed_sdl); RUN(schema_build_errors_surface); RUN(not_a_core_schema);
          RUN(no_join_spec); RUN(unknown_join_version); RUN(unknown_link_version);
          RUN(unsupported_execution_feature); RUN(unsupported_security_feature);
          RUN(unknown_feature_without_purpose_is_fine); RUN(unknown_inaccessible_version);
          RUN(invalid_feature_url); RUN(core_v01_has_no_purpose); RUN(bad_import);
          RUN(missing_graph_enum); RUN(graph_without_join_graph); RUN(duplicate_graph_name);
          RUN(join_type_unknown_graph); RUN(join_field_unknown_graph);
          RUN(join_field_graph_without_the_type); RUN(key_syntax_error); RUN(key_unknown_field);
          RUN(key_selection_on_leaf); RUN(key_composite_without_selection);
          RUN(key_fragment_spread); RUN(key_inline_fragment_unknown_type);
          RUN(key_inline_fragment_wrong_type); RUN(key_inline_fragment_accepted);
          RUN(key_with_outer_braces_accepted); RUN(key_with_two_brace_groups);
          RUN(requires_unknown_field); RUN(provides_unknown_field); RUN(provides_on_leaf_field);
          RUN(bad_type_override); RUN(duplicate_join_field); RUN(bad_implements);
          RUN(bad_union_member); RUN(bad_join_directive_graph);
          RUN(inaccessible_reference_breaks_api); RUN(join_graph_without_url);
          RUN(join_type_without_graph); RUN(required_join_arguments_checked_by_schema);
          RUN(key_not_a_string); RUN(requires_not_a_string); RUN(link_without_url);
          RUN(bad_purpose); RUN(bad_import_shape); RUN(join_directive_without_name);
          RUN(implements_in_graph_without_the_type); RUN(enum_value_in_graph_without_the_enum);
          RUN(enum_value_unknown_graph);)
