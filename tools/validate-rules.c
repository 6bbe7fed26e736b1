/* validate-rules: runs validation rule groups over many documents at once,
 * for differential tests against graphql-js
 * (tests/integration/validate_rules_graphql_js.sh).
 *
 *   validate-rules structure|values|overlap|all SCHEMA.graphql < documents
 *
 * Documents on stdin are separated by lines holding only a form feed. For
 * each one it prints its errors, one "message @line:col,..." per line, or
 * "PARSE" when it does not parse, then a form-feed line. Exit status: 0, or
 * 2 on bad usage or a schema that does not build. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "sbuf.h"
#include "schema.h"
#include "validate.h"
#include "validate_rules.h"
#include "tool_io.h"

static void run_group(const char *group, const schema *s, const ast_document *doc, diag_list *errs)
{
    if (strcmp(group, "structure") == 0)
        validate_structure_rules(s, doc, errs);
    else if (strcmp(group, "values") == 0)
        validate_value_rules(s, doc, errs);
    else if (strcmp(group, "overlap") == 0)
        validate_overlap_rules(s, doc, errs);
    else
        validate_document(s, doc, errs);
}

static void check_document(const char *group, const schema *s, const char *src, size_t len)
{
    arena a;
    arena_init(&a, 0);
    parse_error perr;
    ast_document *doc = parse_document(&a, src, len, NULL, &perr);
    if (!doc) {
        puts("PARSE");
    } else {
        diag_list errs;
        diag_init(&errs, &a);
        errs.limit = 100000;
        run_group(group, s, doc, &errs);
        for (const diag *e = errs.first; e; e = e->next) {
            printf("%s @", e->message);
            for (uint32_t i = 0; i < e->nlocs; i++)
                printf("%s%u:%u", i ? "," : "", e->locs[i].line, e->locs[i].column);
            putchar('\n');
        }
    }
    puts("\f");
    arena_free(&a);
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "structure") != 0 && strcmp(argv[1], "values") != 0 &&
                      strcmp(argv[1], "overlap") != 0 && strcmp(argv[1], "all") != 0)) {
        fputs("usage: validate-rules structure|values|overlap|all SCHEMA.graphql < documents\n",
              stderr);
        return 2;
    }
    FILE *f = fopen(argv[2], "rb");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    size_t sdl_len, len;
    char *sdl = tool_read_stream(f, &sdl_len);
    fclose(f);
    arena sa;
    arena_init(&sa, 0);
    diag_list errs;
    diag_init(&errs, &sa);
    schema *s = schema_from_sdl(&sa, sdl, sdl_len, &errs);
    if (!s) {
        fprintf(stderr, "%s: %s\n", argv[2], errs.first ? errs.first->message : "bad schema");
        return 2;
    }
    char *input = tool_read_stream(stdin, &len);
    for (char *doc = input; doc < input + len;) {
        char *end = strstr(doc, "\n\f\n");
        size_t n = end ? (size_t)(end - doc) + 1 : (size_t)(input + len - doc);
        check_document(argv[1], s, doc, n);
        doc += n + (end ? 2 : 0);
    }
    free(input);
    free(sdl);
    arena_free(&sa);
    return 0;
}
