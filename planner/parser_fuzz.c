/* parser_fuzz.c: libFuzzer target for the parser and the printer. Any bytes
 * go to all four parse entry points; none may crash, leak or trip the
 * sanitizers. A document that parses is printed in both forms, and each
 * printed text must parse again and print to the same text (abort if not). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "printer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef void (*print_fn)(sbuf *out, const ast_document *doc);

static void fail(const char *what, const char *text, const parse_error *err)
{
    fprintf(stderr, "%s\n--- text ---\n%s\n--- error ---\n%s (%u:%u)\n", what, text,
            err ? err->message : "", err ? err->loc.line : 0, err ? err->loc.column : 0);
    abort();
}

/* Printed text must parse back (within the same nesting limit) and print
 * identically. */
static void check_round_trip(const ast_document *doc, print_fn print, const parse_options *opts)
{
    sbuf once, twice;
    sbuf_init(&once);
    sbuf_init(&twice);
    print(&once, doc);
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *again = parse_document(&a, once.data, once.len, opts, &err);
    if (!again) fail("printed document does not parse", once.data, &err);
    print(&twice, again);
    if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0)
        fail("printing is not stable", twice.data, NULL);
    arena_free(&a);
    sbuf_free(&once);
    sbuf_free(&twice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    arena a;
    arena_init(&a, 0);
    parse_error err;
    parse_options opts = {64, 0};
    ast_document *doc = parse_document(&a, src, size, &opts, &err);
    if (doc) {
        check_round_trip(doc, print_document, &opts);
        check_round_trip(doc, print_document_compact, &opts);
    }
    parse_value(&a, src, size, &err);
    parse_type(&a, src, size, &err);
    parse_selection_set(&a, src, size, &err);
    arena_free(&a);
    return 0;
}
