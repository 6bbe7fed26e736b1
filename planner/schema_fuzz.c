/* schema_fuzz.c: libFuzzer target for schema_build. Any bytes are parsed as
 * SDL and built into a schema; whatever the input, building must not crash,
 * leak, recurse without bound or trip the sanitizers, and a schema that
 * builds must answer the type-relation helpers for every pair of its types. */
#include <stddef.h>
#include <stdint.h>

#include "parser.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every pair among the first few types: enough to reach each helper. */
static void ask_relations(const schema *s)
{
    uint32_t n = s->ntypes < 24 ? s->ntypes : 24;
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t k = 0; k < n; k++) {
            const schema_type *a = s->types[i], *b = s->types[k];
            if (schema_is_composite(a) && schema_is_composite(b)) schema_types_overlap(a, b);
            schema_is_possible_type(a, b);
            schema_implements(a, b);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    parse_error perr;
    parse_options opts = {64, 100000};
    ast_document *doc = parse_document(&a, (const char *)data, size, &opts, &perr);
    if (doc) {
        const ast_document *docs[1] = {doc};
        schema *s = schema_build(&a, docs, 1, &errs);
        if (s) ask_relations(s);
    }
    arena_free(&a);
    return 0;
}
