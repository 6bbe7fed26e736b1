/* introspection_fuzz.c: libFuzzer target for introspection execution. The
 * input is an operation, run without validation against a schema rich in
 * features (a fragment may spread itself, arguments may have any value):
 * nothing may crash or trip the sanitizers, and whatever is written must be
 * JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "introspection.h"
#include "parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_sdl[] =
    "\"Root.\" type Query implements Node { id: ID! node(id: ID = 7): Node"
    "  list(f: F = {a: 1}, e: [E!] = [A], c: C = {x: [1]}, s: String = \"s\"): [[Query!]]!"
    "  old: Int @deprecated(reason: \"no\") }"
    " interface Node { id: ID! } union U = Query"
    " enum E { A B @deprecated } scalar C @specifiedBy(url: \"u\")"
    " input F { a: Int = 2, b: F, c: [Float!] = [1.5], o: String @deprecated }"
    " input One @oneOf { a: Int, b: String }"
    " directive @d(x: One = {a: 1}) repeatable on FIELD | QUERY"
    " type Mutation { m: Int }";

static const char fuzz_variables[] =
    "{\"yes\": true, \"no\": false, \"name\": \"Query\", \"n\": 5}";

static void check_json(arena *a, const sbuf *out)
{
    json_error err;
    if (!json_parse(a, out->data, out->len, 0, &err)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena schema_arena;
    static schema *s;
    static json_value *variables;
    if (!s) {
        arena_init(&schema_arena, 0);
        diag_list errs;
        diag_init(&errs, &schema_arena);
        s = schema_from_sdl(&schema_arena, fuzz_sdl, strlen(fuzz_sdl), &errs);
        json_error jerr;
        variables = json_parse(&schema_arena, fuzz_variables, strlen(fuzz_variables), 0, &jerr);
        if (!s || !variables) abort();
    }
    arena a;
    arena_init(&a, 0);
    parse_error perr;
    parse_options opts = {64, 0};
    const ast_document *doc = parse_document(&a, (const char *)data, size, &opts, &perr);
    for (const ast_definition *op = doc ? doc->definitions : NULL; op; op = op->next) {
        if (op->kind != AST_DEF_OPERATION) continue;
        diag_list errs;
        diag_init(&errs, &a);
        sbuf out;
        sbuf_init(&out);
        introspection_is_only(doc, op);
        introspection_execute(s, doc, op, variables, &out, &errs);
        check_json(&a, &out);
        for (const ast_selection *sel = op->selection_set; sel; sel = sel->next) {
            if (sel->kind != AST_SEL_FIELD) continue;
            sbuf_reset(&out);
            introspection_write_root_field(s, doc, sel, variables, &out, &errs);
            check_json(&a, &out);
        }
        sbuf_free(&out);
    }
    arena_free(&a);
    return 0;
}
