/* graphql-print.c: parses GraphQL from stdin and prints it back, the way
 * fedmesh sends and shows documents; a syntax error goes to stderr as
 * "message (line:column)" with exit status 1. For checking the parser and
 * printer against graphql-js, and for looking at documents by hand.
 *
 *   graphql-print [--compact | --value | --type | --selection-set] < input */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "printer.h"
#include "tool_io.h"

/* Prints the tree for `mode`; false when src does not parse. */
static bool print_source(const char *mode, const char *src, size_t len, sbuf *out, parse_error *err,
                         arena *a)
{
    if (strcmp(mode, "--value") == 0) {
        ast_value *v = parse_value(a, src, len, err);
        if (v) print_value(out, v);
        return v != NULL;
    }
    if (strcmp(mode, "--type") == 0) {
        ast_type *t = parse_type(a, src, len, err);
        if (t) print_type(out, t);
        return t != NULL;
    }
    if (strcmp(mode, "--selection-set") == 0) {
        ast_selection *s = parse_selection_set(a, src, len, err);
        if (s) print_selection_set(out, s);
        return s != NULL;
    }
    ast_document *doc = parse_document(a, src, len, NULL, err);
    if (doc && strcmp(mode, "--compact") == 0)
        print_document_compact(out, doc);
    else if (doc)
        print_document(out, doc);
    return doc != NULL;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    static const char *const modes[] = {"", "--compact", "--value", "--type", "--selection-set"};
    size_t m = 0;
    while (m < sizeof modes / sizeof modes[0] && strcmp(mode, modes[m]) != 0)
        m++;
    if (argc > 2 || m == sizeof modes / sizeof modes[0]) {
        fputs("usage: graphql-print [--compact | --value | --type | --selection-set] < input\n",
              stderr);
        return 2;
    }
    size_t len;
    char *src = tool_read_stream(stdin, &len);
    arena a;
    arena_init(&a, 0);
    sbuf out;
    sbuf_init(&out);
    parse_error err;
    bool ok = print_source(mode, src, len, &out, &err, &a);
    if (ok)
        fwrite(out.data, 1, out.len, stdout);
    else
        fprintf(stderr, "%s (%u:%u)\n", err.message, err.loc.line, err.loc.column);
    sbuf_free(&out);
    arena_free(&a);
    free(src);
    return ok ? 0 : 1;
}
