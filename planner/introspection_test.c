/* introspection_test.c: introspection against graphql-js, and case by case.
 *
 * The differential part runs every query under
 * tests/fixtures/introspection/queries against the SDL fixtures there and
 * compares data and error messages with what graphql-js 16 answered
 * (expected/, written by generate.mjs). The rest pins single behaviours:
 * default value printing, number formatting, variables, fragments, limits. */
#include "introspection.h"

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "ftest.h"
#include "parser.h"
#include "supergraph.h"

#define FIXTURES "tests/fixtures/introspection/"

/* ---- helpers ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b;
    sbuf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    if (!b.data) sbuf_append(&b, "", 0);
    return sbuf_take(&b);
}

/* A schema and an operation, with every allocation in one arena. */
typedef struct fixture {
    arena arena;
    schema *schema;
    ast_document *doc;
    const ast_definition *op;
    json_value *variables;
    diag_list errs;
    sbuf out;
} fixture;

typedef schema *(*schema_loader)(arena *a, const char *sdl, size_t len, diag_list *errs);

static bool fixture_open_with(fixture *fx, schema_loader load, const char *sdl, const char *query,
                              const char *variables)
{
    memset(fx, 0, sizeof *fx);
    arena_init(&fx->arena, 0);
    diag_init(&fx->errs, &fx->arena);
    sbuf_init(&fx->out);
    fx->schema = load(&fx->arena, sdl, strlen(sdl), &fx->errs);
    if (!fx->schema) {
        for (diag *d = fx->errs.first; d; d = d->next)
            fprintf(stderr, "sdl: %s\n", d->message);
        return false;
    }
    parse_error perr;
    fx->doc = parse_document(&fx->arena, query, strlen(query), NULL, &perr);
    if (!fx->doc) {
        fprintf(stderr, "query: %s\n", perr.message);
        return false;
    }
    fx->op = ast_find_operation(fx->doc, NULL);
    if (variables) {
        json_error jerr;
        fx->variables = json_parse(&fx->arena, variables, strlen(variables), 0, &jerr);
        if (!fx->variables) return false;
    }
    return fx->op != NULL;
}

static bool fixture_open(fixture *fx, const char *sdl, const char *query, const char *variables)
{
    return fixture_open_with(fx, schema_from_sdl, sdl, query, variables);
}

static void fixture_close(fixture *fx)
{
    sbuf_free(&fx->out);
    arena_free(&fx->arena);
}

/* The data object introspection_execute writes, or "FAILED: <first error>". */
static char *run(fixture *fx, const char *sdl, const char *query, const char *variables)
{
    if (!fixture_open(fx, sdl, query, variables)) return "(setup failed)";
    bool ok =
        introspection_execute(fx->schema, fx->doc, fx->op, fx->variables, &fx->out, &fx->errs);
    if (!ok) {
        sbuf_puts(&fx->out, " ERROR: ");
        sbuf_puts(&fx->out, fx->errs.first ? fx->errs.first->message : "(none)");
    }
    return fx->out.data;
}

#define CHECK_RUN(sdl, query, variables, want)                                                     \
    do {                                                                                           \
        fixture fx_;                                                                               \
        CHECK_STR(run(&fx_, (sdl), (query), (variables)), (want));                                 \
        fixture_close(&fx_);                                                                       \
    } while (0)

/* Prints where two JSON trees first differ, for a readable failure. */
static void report_difference(const json_value *got, const json_value *want, sbuf *path)
{
    if (json_equal(got, want)) return;
    size_t mark = path->len;
    if (got->type == JSON_OBJECT && want->type == JSON_OBJECT && got->len == want->len) {
        for (uint32_t i = 0; i < want->len; i++) {
            const json_value *g = json_get(got, want->u.members[i].key);
            if (!g || strcmp(got->u.members[i].key, want->u.members[i].key) != 0) break;
            if (json_equal(g, &want->u.members[i].value)) continue;
            sbuf_printf(path, ".%s", want->u.members[i].key);
            report_difference(g, &want->u.members[i].value, path);
            return;
        }
    }
    if (got->type == JSON_ARRAY && want->type == JSON_ARRAY && got->len == want->len) {
        for (uint32_t i = 0; i < want->len; i++) {
            if (json_equal(&got->u.items[i], &want->u.items[i])) continue;
            sbuf_printf(path, "[%u]", i);
            report_difference(&got->u.items[i], &want->u.items[i], path);
            return;
        }
    }
    sbuf g, w;
    sbuf_init(&g);
    sbuf_init(&w);
    json_write(&g, got);
    json_write(&w, want);
    fprintf(stderr, "  at %s\n  got:  %.600s\n  want: %.600s\n", path->len ? path->data : "$",
            g.data, w.data);
    sbuf_free(&g);
    sbuf_free(&w);
    path->len = mark;
}

/* Runs queries/<query>.graphql against <schema>.graphql and compares with
 * expected/<schema>.<query>.json. */
static bool differential_with(schema_loader load, const char *sdl_path, const char *schema_name,
                              const char *query_name);

static bool differential(const char *schema_name, const char *query_name)
{
    char path[256];
    snprintf(path, sizeof path, FIXTURES "%s.graphql", schema_name);
    return differential_with(schema_from_sdl, path, schema_name, query_name);
}

/* The API schema the supergraph loader derives from supergraph fixture <name>
 * (tests/fixtures/supergraph/) against what graphql-js answers for Apollo's API
 * schema of it (api_<name>). */
static schema *api_schema_of_supergraph(arena *a, const char *sdl, size_t len, diag_list *errs)
{
    supergraph *sg = sg_load(a, sdl, len, errs);
    return sg ? sg->api : NULL;
}

static bool supergraph_differential(const char *name, const char *query_name)
{
    char path[256], schema_name[64];
    fixture_supergraph_path(path, sizeof path, name);
    snprintf(schema_name, sizeof schema_name, "api_%s", name);
    return differential_with(api_schema_of_supergraph, path, schema_name, query_name);
}

static bool differential_with(schema_loader load, const char *sdl_path, const char *schema_name,
                              const char *query_name)
{
    char path[256];
    size_t len;
    char *sdl = read_file(sdl_path, &len);
    snprintf(path, sizeof path, FIXTURES "queries/%s.graphql", query_name);
    char *query = read_file(path, &len);
    snprintf(path, sizeof path, FIXTURES "queries/%s.vars.json", query_name);
    char *vars = read_file(path, &len);
    snprintf(path, sizeof path, FIXTURES "expected/%s.%s.json", schema_name, query_name);
    char *expected = read_file(path, &len);
    bool same = false;
    fixture fx;
    if (!sdl || !query || !expected) {
        fprintf(stderr, "missing fixture for %s.%s\n", schema_name, query_name);
    } else if (fixture_open_with(&fx, load, sdl, query, vars)) {
        introspection_execute(fx.schema, fx.doc, fx.op, fx.variables, &fx.out, &fx.errs);
        json_error jerr;
        const json_value *want = json_parse(&fx.arena, expected, len, 0, &jerr);
        const json_value *got = json_parse(&fx.arena, fx.out.data, fx.out.len, 0, &jerr);
        if (!got) fprintf(stderr, "not JSON (%s): %.300s\n", jerr.message, fx.out.data);
        same = want && got && json_equal(got, json_get(want, "data"));
        if (want && got && !same) {
            sbuf p;
            sbuf_init(&p);
            fprintf(stderr, "%s.%s: data differs\n", schema_name, query_name);
            report_difference(got, json_get(want, "data"), &p);
            sbuf_free(&p);
        }
        /* The same error messages, in the same order. */
        const json_value *errors = want ? json_get(want, "errors") : NULL;
        const diag *d = fx.errs.first;
        for (uint32_t i = 0; errors && i < errors->len; i++, d = d ? d->next : NULL) {
            if (d && strcmp(d->message, errors->u.items[i].u.str) == 0) continue;
            fprintf(stderr, "%s.%s: error %u is \"%s\", want \"%s\"\n", schema_name, query_name, i,
                    d ? d->message : "(none)", errors->u.items[i].u.str);
            same = false;
        }
        if (d) {
            fprintf(stderr, "%s.%s: unexpected error \"%s\"\n", schema_name, query_name,
                    d->message);
            same = false;
        }
    }
    if (sdl && query && expected) fixture_close(&fx);
    free(sdl);
    free(query);
    free(vars);
    free(expected);
    return same;
}

/* ---- differential against graphql-js ---- */

TEST(full_introspection_small)
{
    CHECK(differential("small", "full"));
    CHECK(differential("small", "full_all"));
}

TEST(full_introspection_rich)
{
    CHECK(differential("rich", "full"));
    CHECK(differential("rich", "full_all"));
}

TEST(full_introspection_defaults)
{
    CHECK(differential("defaults", "full"));
    CHECK(differential("defaults", "full_all"));
}

TEST(full_introspection_with_extensions)
{
    CHECK(differential("extensions", "full"));
    CHECK(differential("extensions", "full_all"));
}

TEST(full_introspection_with_redefined_builtins)
{
    CHECK(differential("redefined", "full"));
    CHECK(differential("redefined", "full_all"));
}

static const char *const supergraph_names[] = {"bench", "fed1", "renamed", "shop"};

/* Apollo's API schemas of the supergraph fixtures (NAME.api.graphql there),
 * built from their SDL: the expected results are those of api_NAME. */
TEST(full_introspection_of_api_schemas)
{
    for (size_t i = 0; i < sizeof supergraph_names / sizeof *supergraph_names; i++) {
        char path[256], name[64];
        snprintf(path, sizeof path, "tests/fixtures/supergraph/%s.api.graphql",
                 supergraph_names[i]);
        snprintf(name, sizeof name, "api_%s", supergraph_names[i]);
        CHECK(differential_with(schema_from_sdl, path, name, "full"));
        CHECK(differential_with(schema_from_sdl, path, name, "full_all"));
    }
}

TEST(full_introspection_of_supergraph_loader_api_schemas)
{
    for (size_t i = 0; i < sizeof supergraph_names / sizeof *supergraph_names; i++) {
        CHECK(supergraph_differential(supergraph_names[i], "full"));
        CHECK(supergraph_differential(supergraph_names[i], "full_all"));
    }
}

TEST(type_lookup)
{
    CHECK(differential("rich", "type_lookup"));
}

TEST(aliases_and_typename)
{
    CHECK(differential("rich", "aliases_typename"));
}

TEST(named_and_inline_fragments)
{
    CHECK(differential("rich", "fragments"));
}

TEST(merged_fields)
{
    CHECK(differential("rich", "merged"));
}

TEST(skip_include_and_variables)
{
    CHECK(differential("rich", "variables"));
}

TEST(deprecated_arguments_and_directives)
{
    CHECK(differential("rich", "args_deprecated"));
}

/* ---- number formatting ---- */

static char *js_number(double d)
{
    static char text[64];
    sbuf b;
    sbuf_init(&b);
    introspection_js_number(&b, d);
    snprintf(text, sizeof text, "%s", b.data);
    sbuf_free(&b);
    return text;
}

TEST(js_number_formatting)
{
    CHECK_STR(js_number(1), "1");
    CHECK_STR(js_number(-250), "-250");
    CHECK_STR(js_number(1.5), "1.5");
    CHECK_STR(js_number(0.1), "0.1");
    CHECK_STR(js_number(-0.0), "0");
    CHECK_STR(js_number(1e20), "100000000000000000000");
    CHECK_STR(js_number(1e21), "1e+21");
    CHECK_STR(js_number(1.5e-7), "1.5e-7");
    CHECK_STR(js_number(0.000001), "0.000001");
    CHECK_STR(js_number(123456789012345678901234567890.0), "1.2345678901234568e+29");
    CHECK_STR(js_number(2147483647), "2147483647");
    CHECK_STR(js_number(1.0 / 3), "0.3333333333333333");
    CHECK_STR(js_number(5e-324), "5e-324");
    CHECK_STR(js_number(0.0 / 0.0), "NaN");
    CHECK_STR(js_number(-1.0 / 0.0), "-Infinity");
    CHECK_STR(js_number(1.0 / 0.0), "Infinity");
}

/* ---- default values ---- */

/* The defaultValue text of argument `arg` of Query.f in `sdl`, "NONE" when
 * graphql-js reports null, "ERROR: <message>" when it fails the field. */
static char *default_of(const char *sdl, const char *arg)
{
    static char text[256];
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    snprintf(text, sizeof text, "(no schema)");
    schema *s = schema_from_sdl(&a, sdl, strlen(sdl), &errs);
    const schema_field *f = s ? schema_get_field(schema_get_type(s, "Query"), "f") : NULL;
    for (uint32_t i = 0; f && i < f->nargs; i++) {
        if (strcmp(f->args[i].name, arg) != 0) continue;
        sbuf out;
        sbuf_init(&out);
        const char *error;
        switch (introspection_print_default(s, &a, f->args[i].default_value, f->args[i].type, &out,
                                            &error)) {
        case INTROSPECTION_DEFAULT_OK:
            snprintf(text, sizeof text, "%s", out.data);
            break;
        case INTROSPECTION_DEFAULT_NONE:
            snprintf(text, sizeof text, "NONE");
            break;
        case INTROSPECTION_DEFAULT_ERROR:
            snprintf(text, sizeof text, "ERROR: %s", error);
            break;
        }
        sbuf_free(&out);
    }
    arena_free(&a);
    return text;
}

static const char defaults_sdl[] =
    "type Query { f(i: Int = 5, f1: Float = 1.0, f2: Float = 2.50, s: String = \"a\\\"b\","
    " id1: ID = \"12\", id2: ID = \"x1\", id3: ID = 7, b: Boolean = false, e: E = B,"
    " ebad: E = C, l1: [Int] = 3, l2: [[Int!]] = [[1, 2], 3], lnull: [Int!] = [null],"
    " n: Int = null, nn: Int! = null, o: I = {y: 1}, obad: I = {}, onull: I = {x: null, y: 2},"
    " one: O = {a: 1}, onebad: O = {a: 1, b: 2}, onenull: O = {a: null},"
    " c1: C = {k: [1, {z: [true]}]}, c2: C = [1, 2], c3: C = 1e400, c4: C = NAME,"
    " l11: C = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], l12: C = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "
    "12],"
    " deep: C = [[[1]]], empty: C = {}, emptyl: C = [[]],"
    " big: Int = 3000000000, wrong: String = 1, ctl: String = \"\\u0001\\u0085\"): Int }"
    " enum E { A B } input I { x: Int = 9, y: Int!, z: [E] } input O @oneOf { a: Int b: Int }"
    " scalar C";

TEST(default_values_of_builtin_scalars)
{
    CHECK_STR(default_of(defaults_sdl, "i"), "5");
    CHECK_STR(default_of(defaults_sdl, "f1"), "1");
    CHECK_STR(default_of(defaults_sdl, "f2"), "2.5");
    CHECK_STR(default_of(defaults_sdl, "s"), "\"a\\\"b\"");
    CHECK_STR(default_of(defaults_sdl, "id1"), "12");
    CHECK_STR(default_of(defaults_sdl, "id2"), "\"x1\"");
    CHECK_STR(default_of(defaults_sdl, "id3"), "7");
    CHECK_STR(default_of(defaults_sdl, "b"), "false");
    CHECK_STR(default_of(defaults_sdl, "big"), "NONE");
    CHECK_STR(default_of(defaults_sdl, "wrong"), "NONE");
    CHECK_STR(default_of(defaults_sdl, "ctl"), "\"\\u0001\\u0085\"");
}

TEST(default_values_of_enums_lists_and_nulls)
{
    CHECK_STR(default_of(defaults_sdl, "e"), "B");
    CHECK_STR(default_of(defaults_sdl, "ebad"), "NONE");
    CHECK_STR(default_of(defaults_sdl, "l1"), "[3]");
    CHECK_STR(default_of(defaults_sdl, "l2"), "[[1, 2], [3]]");
    CHECK_STR(default_of(defaults_sdl, "lnull"), "NONE");
    CHECK_STR(default_of(defaults_sdl, "n"), "null");
    CHECK_STR(default_of(defaults_sdl, "nn"), "NONE");
}

TEST(default_values_of_input_objects)
{
    CHECK_STR(default_of(defaults_sdl, "o"), "{x: 9, y: 1}");
    CHECK_STR(default_of(defaults_sdl, "obad"), "NONE");
    CHECK_STR(default_of(defaults_sdl, "onull"), "{x: null, y: 2}");
    CHECK_STR(default_of(defaults_sdl, "one"), "{a: 1}");
    CHECK_STR(default_of(defaults_sdl, "onebad"), "NONE");
    CHECK_STR(default_of(defaults_sdl, "onenull"), "NONE");
}

TEST(default_values_of_custom_scalars)
{
    CHECK_STR(default_of(defaults_sdl, "c1"),
              "ERROR: Cannot convert value to AST: { k: [1, [Object]] }.");
    CHECK_STR(default_of(defaults_sdl, "c2"), "ERROR: Cannot convert value to AST: [1, 2].");
    CHECK_STR(default_of(defaults_sdl, "c3"), "ERROR: Cannot convert value to AST: Infinity.");
    CHECK_STR(default_of(defaults_sdl, "c4"), "\"NAME\"");
    CHECK_STR(
        default_of(defaults_sdl, "l11"),
        "ERROR: Cannot convert value to AST: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item].");
    CHECK_STR(default_of(defaults_sdl, "l12"),
              "ERROR: Cannot convert value to AST: "
              "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items].");
    CHECK_STR(default_of(defaults_sdl, "deep"), "ERROR: Cannot convert value to AST: [[[Array]]].");
    CHECK_STR(default_of(defaults_sdl, "empty"), "ERROR: Cannot convert value to AST: {}.");
    CHECK_STR(default_of(defaults_sdl, "emptyl"), "ERROR: Cannot convert value to AST: [[]].");
}

/* ---- execution, case by case ---- */

static const char tiny_sdl[] =
    "schema { query: Query mutation: Mutation }"
    " interface Root { a: Int } type Query implements Root { a: Int old: Int @deprecated }"
    " type Mutation { m: Int }";

TEST(typename_and_aliases_at_the_root)
{
    CHECK_RUN(tiny_sdl, "{ __typename t: __typename }", NULL,
              "{\"__typename\":\"Query\",\"t\":\"Query\"}");
    CHECK_RUN(tiny_sdl, "mutation { __typename }", NULL, "{\"__typename\":\"Mutation\"}");
    CHECK_RUN("type Query { a: Int }", "mutation { __typename }", NULL,
              "null ERROR: Schema is not configured to execute mutation operation.");
}

TEST(fragments_on_root_and_abstract_types)
{
    CHECK_RUN(tiny_sdl, "{ ... on Root { r: __typename } ... on Mutation { m: __typename } }", NULL,
              "{\"r\":\"Query\"}");
    CHECK_RUN(tiny_sdl, "{ ...F ...F } fragment F on Query { __typename }", NULL,
              "{\"__typename\":\"Query\"}");
    CHECK_RUN(tiny_sdl, "{ ...Missing __typename }", NULL, "{\"__typename\":\"Query\"}");
    CHECK_RUN(tiny_sdl,
              "{ __type(name: \"Query\") { ... on __Type { name } ... on __Field { x: name } } }",
              NULL, "{\"__type\":{\"name\":\"Query\"}}");
}

TEST(unknown_fields_are_left_out)
{
    CHECK_RUN(tiny_sdl, "{ __schema { nope queryType { name bogus } } }", NULL,
              "{\"__schema\":{\"queryType\":{\"name\":\"Query\"}}}");
}

TEST(typename_inside_introspection_objects)
{
    CHECK_RUN(tiny_sdl,
              "{ __type(name: \"Query\") { __typename fields(includeDeprecated: true) "
              "{ __typename args { __typename } type { __typename } } } }",
              NULL,
              "{\"__type\":{\"__typename\":\"__Type\",\"fields\":["
              "{\"__typename\":\"__Field\",\"args\":[],\"type\":{\"__typename\":\"__Type\"}},"
              "{\"__typename\":\"__Field\",\"args\":[],\"type\":{\"__typename\":\"__Type\"}}]}}");
    CHECK_RUN(tiny_sdl, "{ __schema { __typename directives { __typename } } }", NULL,
              "{\"__schema\":{\"__typename\":\"__Schema\",\"directives\":["
              "{\"__typename\":\"__Directive\"},{\"__typename\":\"__Directive\"},"
              "{\"__typename\":\"__Directive\"},{\"__typename\":\"__Directive\"},"
              "{\"__typename\":\"__Directive\"}]}}");
    CHECK_RUN("type Query { e: E } enum E { A }",
              "{ __type(name: \"E\") { enumValues { __typename } } }", NULL,
              "{\"__type\":{\"enumValues\":[{\"__typename\":\"__EnumValue\"}]}}");
}

TEST(variables_with_defaults)
{
    const char *q = "query($s: Boolean = true, $d: Boolean = true) { a: __typename @skip(if: $s)"
                    " __type(name: \"Query\") { fields(includeDeprecated: $d) { name } } }";
    CHECK_RUN(tiny_sdl, q, NULL, "{\"__type\":{\"fields\":[{\"name\":\"a\"},{\"name\":\"old\"}]}}");
    CHECK_RUN(tiny_sdl, q, "{\"s\": false, \"d\": false}",
              "{\"a\":\"Query\",\"__type\":{\"fields\":[{\"name\":\"a\"}]}}");
    CHECK_RUN(tiny_sdl, q, "{\"s\": null, \"d\": null}",
              "{\"a\":\"Query\",\"__type\":{\"fields\":[{\"name\":\"a\"}]}}");
    CHECK_RUN(tiny_sdl, "query($n: String = \"Mutation\") { __type(name: $n) { name } }", NULL,
              "{\"__type\":{\"name\":\"Mutation\"}}");
    CHECK_RUN(tiny_sdl, "query($n: String!) { __type(name: $n) { name } }", "{\"n\": \"Root\"}",
              "{\"__type\":{\"name\":\"Root\"}}");
    CHECK_RUN(tiny_sdl, "query($n: String!) { __type(name: $n) { name } }", "{\"n\": \"Nope\"}",
              "{\"__type\":null}");
}

TEST(type_name_argument_errors)
{
    CHECK_RUN(tiny_sdl, "{ __type { name } }", NULL,
              "{\"__type\":null} ERROR: Argument \"name\" of required type \"String!\" was not "
              "provided.");
    CHECK_RUN(tiny_sdl, "{ __type(name: null) { name } }", NULL,
              "{\"__type\":null} ERROR: Argument \"name\" of non-null type \"String!\" must not "
              "be null.");
    CHECK_RUN(tiny_sdl, "query($n: String) { __type(name: $n) { name } }", NULL,
              "{\"__type\":null} ERROR: Argument \"name\" of required type \"String!\" was "
              "provided the variable \"$n\" which was not provided a runtime value.");
    CHECK_RUN(tiny_sdl, "query($n: String) { __type(name: $n) { name } }", "{\"n\": null}",
              "{\"__type\":null} ERROR: Argument \"name\" of non-null type \"String!\" must not "
              "be null.");
    CHECK_RUN(tiny_sdl, "{ __type(name: [\"a\", 5]) { name } }", NULL,
              "{\"__type\":null} ERROR: Argument \"name\" has invalid value [\"a\", 5].");
    CHECK_RUN(tiny_sdl, "query($n: String) { __type(name: $n) { name } }", "{\"n\": 5}",
              "{\"__type\":null} ERROR: Argument \"name\" has invalid value 5.");
}

TEST(long_error_messages_are_kept_whole)
{
    char name[701];
    memset(name, 'n', 700);
    name[700] = '\0';
    sbuf q, want;
    sbuf_init(&q);
    sbuf_init(&want);
    sbuf_printf(&q, "{ __type(name: [\"%s\"]) { name } }", name);
    sbuf_printf(&want, "{\"__type\":null} ERROR: Argument \"name\" has invalid value [\"%s\"].",
                name);
    CHECK_RUN(tiny_sdl, q.data, NULL, want.data);
    sbuf_free(&q);
    sbuf_free(&want);
}

TEST(non_introspection_root_field_is_an_error)
{
    CHECK_RUN(tiny_sdl, "{ a __typename }", NULL,
              "{\"a\":null,\"__typename\":\"Query\"} ERROR: Field \"a\" is not an introspection "
              "field.");
}

TEST(fragment_cycles_are_not_followed)
{
    /* Validation rejects these documents; execution must still end. */
    CHECK_RUN(tiny_sdl,
              "{ __type(name: \"Query\") { ...A } }"
              " fragment A on __Type { name fields { type { ...A } } }",
              NULL, "{\"__type\":{\"name\":\"Query\",\"fields\":[{\"type\":{}}]}}");
    CHECK_RUN(tiny_sdl,
              "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }", NULL,
              "{\"__typename\":\"Query\"}");
}

/* Query.q: Query makes __Type.fields.type an endless path; a chain of
 * fragments, each two objects deeper than the last, walks it. */
static const char endless_sdl[] = "type Query { q: Query }";

static char *deep_query(int levels)
{
    sbuf q;
    sbuf_init(&q);
    sbuf_puts(&q, "{ __type(name: \"Query\") { ...F0 } }");
    for (int i = 0; i < levels; i++)
        sbuf_printf(&q, " fragment F%d on __Type { fields { type { ...F%d } } }", i, i + 1);
    sbuf_printf(&q, " fragment F%d on __Type { name }", levels);
    return sbuf_take(&q);
}

TEST(nesting_limit)
{
    fixture fx;
    char *q = deep_query(INTROSPECTION_MAX_DEPTH);
    CHECK(fixture_open(&fx, endless_sdl, q, NULL));
    CHECK(!introspection_execute(fx.schema, fx.doc, fx.op, NULL, &fx.out, &fx.errs));
    CHECK_STR(fx.errs.first ? fx.errs.first->message : NULL,
              "Introspection query exceeds the nesting limit of 256.");
    CHECK(fx.errs.count == 1);
    json_error jerr;
    CHECK(json_parse(&fx.arena, fx.out.data, fx.out.len, 0, &jerr) != NULL);
    /* Cut where the limit struck: the innermost selection came out empty. */
    CHECK(strstr(fx.out.data, "[{\"type\":{}}]") != NULL);
    fixture_close(&fx);
    free(q);

    q = deep_query(2);
    CHECK_RUN(
        endless_sdl, q, NULL,
        "{\"__type\":{\"fields\":[{\"type\":{\"fields\":[{\"type\":{\"name\":\"Query\"}}]}}]}}");
    free(q);
}

TEST(output_limit)
{
    /* Some 12000 aliases of the whole type list (6.7 KB each) pass the limit. */
    sbuf q;
    sbuf_init(&q);
    sbuf_puts(&q, "{");
    for (int i = 0; i < 12000; i++)
        sbuf_printf(&q, " s%d: __schema { ...S }", i);
    sbuf_puts(&q, " } fragment S on __Schema { types { name description fields { name "
                  "description type { name } args { name description } } } }");
    fixture fx;
    CHECK(fixture_open(&fx, tiny_sdl, q.data, NULL));
    bool ok = introspection_execute(fx.schema, fx.doc, fx.op, NULL, &fx.out, &fx.errs);
    CHECK(!ok);
    CHECK_STR(fx.errs.first ? fx.errs.first->message : NULL,
              "Introspection result exceeds 67108864 bytes.");
    CHECK(fx.out.len < INTROSPECTION_MAX_OUTPUT + (1u << 20));
    json_error jerr;
    CHECK(json_parse(&fx.arena, fx.out.data, fx.out.len, 0, &jerr) != NULL);
    fixture_close(&fx);
    sbuf_free(&q);
}

/* ---- entry points for the executor ---- */

static bool is_only(const char *query)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *doc = parse_document(&a, query, strlen(query), NULL, &err);
    bool only = doc && introspection_is_only(doc, ast_find_operation(doc, NULL));
    arena_free(&a);
    return only;
}

TEST(is_only_introspection)
{
    CHECK(is_only("{ __typename }"));
    CHECK(is_only("{ __schema { types { name } } t: __type(name: \"X\") { name } }"));
    CHECK(is_only("query { ...F ... on Query { __typename } }"
                  " fragment F on Query { __type(name: \"X\") { name } }"));
    CHECK(is_only("{ a: __typename @skip(if: true) }"));
    CHECK(is_only("{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }"));
    CHECK(!is_only("{ hello }"));
    CHECK(!is_only("{ __typename hello }"));
    CHECK(!is_only("{ ... on Query { hello } }"));
    CHECK(!is_only("{ ...F } fragment F on Query { __typename me { __schema } }"));
    CHECK(!is_only("{ ...Missing }"));
    CHECK(!is_only("{ ...A } fragment A on Query { ...A }"));
    CHECK(introspection_is_meta_field("__type"));
    CHECK(!introspection_is_meta_field("__Type"));
}

TEST(write_root_field)
{
    fixture fx;
    CHECK(fixture_open(&fx, tiny_sdl,
                       "query($n: String) { me s: __schema { queryType { name } }"
                       " t: __type(name: $n) { kind } __typename }",
                       "{\"n\": \"Root\"}"));
    const char *want[] = {"null", "{\"queryType\":{\"name\":\"Query\"}}",
                          "{\"kind\":\"INTERFACE\"}", "\"Query\""};
    int i = 0;
    for (const ast_selection *sel = fx.op->selection_set; sel && i < 4; sel = sel->next, i++) {
        sbuf_reset(&fx.out);
        bool ok =
            introspection_write_root_field(fx.schema, fx.doc, sel, fx.variables, &fx.out, &fx.errs);
        CHECK_STR(fx.out.data, want[i]);
        CHECK(ok == (i != 0));
    }
    CHECK_STR(fx.errs.first ? fx.errs.first->message : NULL,
              "Field \"me\" is not an introspection field.");
    fixture_close(&fx);
}

TEST(type_and_directive_order)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    const char *sdl = "directive @z on FIELD type B { f: Float } type Query { b: B, i: [ID] }"
                      " directive @a(x: Int) on QUERY";
    schema *s = schema_from_sdl(&a, sdl, strlen(sdl), &errs);
    CHECK(s != NULL);
    if (s) {
        const schema_type **types;
        uint32_t n = introspection_type_order(s, &a, &types);
        sbuf names;
        sbuf_init(&names);
        for (uint32_t i = 0; i < n; i++)
            sbuf_printf(&names, "%s ", types[i]->name);
        CHECK_STR(names.data, "B Float Query ID Int Boolean String __Schema __Type __TypeKind "
                              "__Field __InputValue __EnumValue __Directive __DirectiveLocation ");
        sbuf_reset(&names);
        const schema_directive **dirs;
        n = introspection_directive_order(s, &a, &dirs);
        for (uint32_t i = 0; i < n; i++)
            sbuf_printf(&names, "%s ", dirs[i]->name);
        CHECK_STR(names.data, "z a include skip deprecated specifiedBy oneOf ");
        sbuf_free(&names);
    }
    arena_free(&a);
}

TEST_MAIN(RUN(full_introspection_small); RUN(full_introspection_rich);
          RUN(full_introspection_defaults); RUN(full_introspection_with_extensions);
          RUN(full_introspection_with_redefined_builtins); RUN(full_introspection_of_api_schemas);
          RUN(full_introspection_of_supergraph_loader_api_schemas); RUN(type_lookup);
          RUN(aliases_and_typename); RUN(named_and_inline_fragments); RUN(merged_fields);
          RUN(skip_include_and_variables); RUN(deprecated_arguments_and_directives);
          RUN(js_number_formatting); RUN(default_values_of_builtin_scalars);
          RUN(default_values_of_enums_lists_and_nulls); RUN(default_values_of_input_objects);
          RUN(default_values_of_custom_scalars); RUN(typename_and_aliases_at_the_root);
          RUN(fragments_on_root_and_abstract_types); RUN(unknown_fields_are_left_out);
          RUN(typename_inside_introspection_objects); RUN(variables_with_defaults);
          RUN(type_name_argument_errors); RUN(long_error_messages_are_kept_whole);
          RUN(non_introspection_root_field_is_an_error); RUN(fragment_cycles_are_not_followed);
          RUN(nesting_limit); RUN(output_limit); RUN(is_only_introspection); RUN(write_root_field);
          RUN(type_and_directive_order);)
