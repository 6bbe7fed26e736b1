/* compose_subgraph_test.c: reading one subgraph into the composition model:
 * federation directive names after @link, Federation 1 rules, extensions,
 * root renames, keys, and which fields are used, provided or shareable. */
#include <string.h>

#include "compose_int.h"
#include "ftest.h"

static arena test_arena;
static diag_list errors, hints;

static csub *read_sdl(const char *sdl)
{
    diag_init(&errors, &test_arena);
    diag_init(&hints, &test_arena);
    compose_ctx c = {.arena = &test_arena, .nsubs = 1, .errors = &errors, .hints = &hints};
    csub *s = ARENA_NEW(&test_arena, csub);
    s->name = "s";
    s->graph_value = "S";
    compose_input in = {"s", "u", sdl, strlen(sdl)};
    return compose_read_subgraph(&c, &in, s) ? s : NULL;
}

static const cfield *field_of(const csub *s, const char *type, const char *field)
{
    const ctype *t = csub_type(s, type);
    return t ? ctype_field(t, field) : NULL;
}

TEST(imports_rename_and_the_rest_is_namespaced)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [{name: \"@key\", as: \"@id\"}, \"@shareable\"])\n"
                       "type Query { a: Int }");
    CHECK(s->fed2);
    CHECK_INT(s->fed_minor, 3);
    CHECK_STR(s->dir_names[CFED_KEY], "id");
    CHECK_STR(s->dir_names[CFED_SHAREABLE], "shareable");
    CHECK_STR(s->dir_names[CFED_EXTERNAL], "federation__external");
    CHECK_INT(csub_fed_dir(s, "id"), CFED_KEY);
    CHECK_INT(csub_fed_dir(s, "key"), CFED_COUNT);
    CHECK_INT(csub_fed_dir(s, "federation__key"), CFED_COUNT); /* imported: only as @id */
    CHECK(s->dir_names[CFED_CONTEXT] == NULL);                 /* not in v2.3 */
}

TEST(link_as_sets_the_namespace)
{
    csub *s = read_sdl("schema @link(url: \"https://specs.apollo.dev/federation/v2.8\", as: "
                       "\"fed\") { query: Query }\ntype Query { a: Int }");
    CHECK_STR(s->dir_names[CFED_KEY], "fed__key");
    CHECK_STR(s->dir_names[CFED_CONTEXT], "fed__context");
    CHECK(s->dir_names[CFED_COST] == NULL); /* v2.9 */
}

TEST(federation1_uses_plain_names)
{
    csub *s = read_sdl("type Query { a: Int }");
    CHECK(!s->fed2);
    CHECK_INT(s->fed_minor, 4);
    CHECK_STR(s->dir_names[CFED_KEY], "key");
    CHECK_STR(s->dir_names[CFED_EXTENDS], "extends");
    CHECK(s->dir_names[CFED_SHAREABLE] == NULL);
    CHECK(field_of(s, "Query", "a")->shareable); /* every field, in Federation 1 */
}

TEST(root_types_are_renamed)
{
    csub *s = read_sdl("schema { query: Root } type Root { a: Other } type Other { b: Root }");
    CHECK(csub_type(s, "Root") == NULL);
    CHECK_INT(csub_type(s, "Query")->root, AST_OP_QUERY);
    CHECK_STR(ast_type_name(field_of(s, "Other", "b")->type), "Query");
}

TEST(query_exists_even_when_not_written)
{
    csub *s = read_sdl("type T { a: Int }");
    const ctype *q = csub_type(s, "Query");
    CHECK(q != NULL);
    CHECK_INT(q->nfields, 0);
}

TEST(definition_and_extensions_are_one_type)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@key\"])\n"
                       "type Query { a: T } type T @key(fields: \"id\") { id: ID! } "
                       "extend type T @key(fields: \"b\") { b: Int }");
    const ctype *t = csub_type(s, "T");
    CHECK(t->has_definition && t->has_extension);
    CHECK_INT(t->nfields, 2);
    CHECK_INT(t->nkeys, 2);
    CHECK(!t->keys[0].extension);
    CHECK(t->keys[1].extension);
    CHECK(field_of(s, "T", "b")->in_extension);
}

TEST(key_arguments)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@key\"])\ntype Query { a: T } "
                       "type T @key(fields: \"id org { id }\", resolvable: false) "
                       "{ id: ID! org: O } type O { id: ID }");
    const ckey *k = &csub_type(s, "T")->keys[0];
    CHECK_STR(k->fields, "id org { id }");
    CHECK(!k->resolvable);
    CHECK(k->resolvable_written);
    CHECK(k->selection && k->selection->next && k->selection->next->selection_set);
    CHECK(field_of(s, "O", "id")->used);
    CHECK(field_of(s, "O", "id")->shareable); /* key fields are shareable */
}

TEST(external_key_fields_of_extensions_are_not_external)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@key\", \"@external\", \"@requires\"])\ntype Query { a: Int } "
                       "extend type T @key(fields: \"id\") { id: ID! @external x: Int @external "
                       "y: Int @requires(fields: \"x\") }");
    CHECK(!field_of(s, "T", "id")->external);
    CHECK(field_of(s, "T", "x")->external);
    CHECK(field_of(s, "T", "x")->used);
    CHECK_STR(field_of(s, "T", "y")->requires, "x");
}

TEST(federation1_drops_unused_externals)
{
    csub *s = read_sdl("type Query { a: T } type T @key(fields: \"id\") @extends { id: ID! "
                       "@external gone: Int @external kept: Int @external y: Int "
                       "@requires(fields: \"kept\") }");
    CHECK(field_of(s, "T", "gone") == NULL);
    CHECK(field_of(s, "T", "kept") != NULL);
    CHECK_INT(csub_type(s, "T")->nfields, 3);
    CHECK(csub_type(s, "T")->keys[0].extension); /* @extends */
}

TEST(provided_externals)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@key\", \"@external\", \"@provides\"])\n"
                       "type Query { t: T @provides(fields: \"n\") } type T @key(fields: \"id\") "
                       "{ id: ID! n: Int @external m: Int @external }");
    CHECK(field_of(s, "T", "n")->provided);
    CHECK(!field_of(s, "T", "m")->provided);
    CHECK_STR(field_of(s, "Query", "t")->provides, "n");
}

TEST(interface_implementations_are_used)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@key\"])\ntype Query { i: I } interface I { a: Int } "
                       "type X implements I { a: Int b: Int }");
    CHECK(field_of(s, "X", "a")->used);
    CHECK(!field_of(s, "X", "b")->used);
}

TEST(federation_types_and_fields_are_left_out)
{
    csub *s =
        read_sdl("scalar _Any type _Service { sdl: String } union _Entity = T "
                 "scalar link__Import type Query { _service: _Service! "
                 "_entities(representations: [_Any!]!): [_Entity]! a: Int } type T { a: Int }");
    CHECK(csub_type(s, "_Any") == NULL);
    CHECK(csub_type(s, "_Service") == NULL);
    CHECK(csub_type(s, "link__Import") == NULL);
    CHECK_INT(csub_type(s, "Query")->nfields, 1);
}

TEST(element_directives)
{
    csub *s = read_sdl(
        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.7\", import: "
        "[\"@key\", \"@shareable\", \"@override\", \"@inaccessible\", \"@tag\", "
        "\"@interfaceObject\", \"@authenticated\"])\n"
        "type Query { a(x: Int @inaccessible): Int @shareable @tag(name: \"p\") @tag(name: \"q\") "
        "@deprecated(reason: \"old\") @authenticated b: Int @override(from: \"o\", label: \"l\") } "
        "type I @key(fields: \"id\") @interfaceObject @shareable { id: ID! } "
        "enum E { A @inaccessible B @deprecated }");
    const cfield *a = field_of(s, "Query", "a");
    CHECK(a->shareable);
    CHECK_INT(a->m.ntags, 2);
    CHECK_STR(a->m.tags[1], "q");
    CHECK(a->m.deprecated);
    CHECK_STR(a->m.deprecation_reason, "old");
    CHECK_INT(a->m.napplied, 4); /* pass-through, in written order */
    CHECK_STR(a->m.applied[0].name, "tag");
    CHECK_STR(a->m.applied[2].name, "deprecated");
    CHECK_STR(a->m.applied[3].name, "authenticated");
    CHECK(a->args[0].m.inaccessible);
    const cfield *b = field_of(s, "Query", "b");
    CHECK_STR(b->override_from, "o");
    CHECK_STR(b->override_label, "l");
    CHECK(csub_type(s, "I")->interface_object);
    CHECK(field_of(s, "I", "id")->shareable); /* @shareable on the type */
    const ctype *e = csub_type(s, "E");
    CHECK(e->values[0].m.inaccessible);
    CHECK(e->values[1].m.deprecated);
    CHECK(e->values[1].m.deprecation_reason == NULL);
}

TEST(composed_directives_pass_through)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
                       "import: [\"@composeDirective\"]) @link(url: \"https://x.dev/hello/v1.0\", "
                       "import: [\"@hello\"]) @composeDirective(name: \"@hello\")\n"
                       "directive @hello(n: Int) on FIELD_DEFINITION\n"
                       "directive @other on FIELD_DEFINITION\n"
                       "type Query { a: Int @hello(n: 1) @other }");
    CHECK(((cdirective *)strmap_get(&s->directive_map, "hello"))->composed);
    CHECK(!((cdirective *)strmap_get(&s->directive_map, "other"))->composed);
    const cfield *a = field_of(s, "Query", "a");
    CHECK_INT(a->m.napplied, 1);
    CHECK_STR(a->m.applied[0].name, "hello");
}

TEST(context_names_take_the_subgraph_prefix)
{
    csub *s = read_sdl("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.8\", "
                       "import: [\"@context\", \"@fromContext\"])\n"
                       "type Query { t: T } type T @context(name: \"ctx\") { p: String u: U } "
                       "type U { f(x: String @fromContext(field: \"$ctx { p }\")): Int }");
    const ctype *t = csub_type(s, "T");
    CHECK_INT(t->ncontexts, 1);
    CHECK_STR(t->contexts[0], "ctx");
    CHECK_INT(t->m.napplied, 1);
    CHECK_STR(t->m.applied[0].name, "context");
    CHECK_STR(t->m.applied[0].dir->arguments->value->str, "s__ctx");
    CHECK_STR(field_of(s, "U", "f")->args[0].from_context, "$ctx { p }");
}

TEST(syntax_errors_are_reported)
{
    CHECK(read_sdl("type Query {") == NULL);
    CHECK_STR(errors.first->code, "INVALID_GRAPHQL");
    CHECK_STR(errors.first->message, "[s] Syntax Error: Expected Name, found <EOF>.");
    CHECK_STR(errors.first->source, "s");
}

TEST(deep_field_sets_are_bounded)
{
    char sdl[8192];
    size_t n = (size_t)snprintf(sdl, sizeof sdl, "type Query { a: Int } type T @key(fields: \"");
    for (int i = 0; i < 1000; i++)
        n += (size_t)snprintf(sdl + n, sizeof sdl - n, "a { ");
    snprintf(sdl + n, sizeof sdl - n, "\") { a: Int }");
    csub *s = read_sdl(sdl);
    CHECK(s != NULL);
    CHECK(csub_type(s, "T")->keys[0].selection == NULL); /* refused by the parser */
}

TEST_MAIN(arena_init(&test_arena, 1 << 16); RUN(imports_rename_and_the_rest_is_namespaced);
          RUN(link_as_sets_the_namespace); RUN(federation1_uses_plain_names);
          RUN(root_types_are_renamed); RUN(query_exists_even_when_not_written);
          RUN(definition_and_extensions_are_one_type); RUN(key_arguments);
          RUN(external_key_fields_of_extensions_are_not_external);
          RUN(federation1_drops_unused_externals); RUN(provided_externals);
          RUN(interface_implementations_are_used); RUN(federation_types_and_fields_are_left_out);
          RUN(element_directives); RUN(composed_directives_pass_through);
          RUN(context_names_take_the_subgraph_prefix); RUN(syntax_errors_are_reported);
          RUN(deep_field_sets_are_bounded); arena_free(&test_arena);)
