/* validate_test.c: validate_document(), every rule group together, on whole
 * documents: the cases of tests/validate/document.cases against what
 * graphql-js 16 reports with all its rules (expectations generated into
 * validate_document_cases.inc), and the benchmark query against the
 * benchmark supergraph's API schema. The groups run one after another, so
 * errors are compared as sorted lists: their order is graphql-js's only
 * within a group. */
#include "fixture.h"
#include "ftest.h"
#include "parser.h"
#include "sbuf.h"
#include "schema.h"
#include "supergraph.h"
#include "validate.h"

#include <stdlib.h>

#include "validate_document_cases.inc"

static int vcase_line_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lines of text, sorted, joined again by '\n'; in arena a. */
static const char *vcase_sorted(arena *a, const char *text)
{
    char *copy = arena_strdup(a, text);
    size_t n = *copy ? 1 : 0;
    for (const char *p = copy; *p; p++)
        n += *p == '\n';
    char **lines = ARENA_ARRAY(a, char *, n + 1);
    size_t i = 0;
    for (char *line = copy; i < n; line = strchr(line, '\0') + 1) {
        lines[i++] = line;
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
    }
    qsort(lines, n, sizeof *lines, vcase_line_cmp);
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "");
    for (i = 0; i < n; i++)
        sbuf_printf(&b, "%s%s", i ? "\n" : "", lines[i]);
    const char *sorted = arena_strdup(a, b.data);
    sbuf_free(&b);
    return sorted;
}

/* "message @line:col,line:col" per error, as the generator writes them. */
static const char *vcase_format(arena *a, const diag_list *errs)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "");
    for (const diag *e = errs->first; e; e = e->next) {
        sbuf_printf(&b, "%s%s @", e == errs->first ? "" : "\n", e->message);
        for (uint32_t i = 0; i < e->nlocs; i++)
            sbuf_printf(&b, "%s%u:%u", i ? "," : "", e->locs[i].line, e->locs[i].column);
    }
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

static void vcase_check(const char *query, const char *expected)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    schema *s = schema_from_sdl(&a, vcase_schema, strlen(vcase_schema), &errs);
    CHECK(s != NULL);
    parse_error perr;
    ast_document *doc = parse_document(&a, query, strlen(query), NULL, &perr);
    CHECK(doc != NULL);
    if (s && doc) {
        bool valid = validate_document(s, doc, &errs);
        CHECK(valid == (errs.count == 0));
        CHECK_STR(vcase_sorted(&a, vcase_format(&a, &errs)), vcase_sorted(&a, expected));
    }
    arena_free(&a);
}

/* The benchmark's query, against the API schema of the benchmark's
 * supergraph (the copies in tests/fixtures), is valid; with a typo it is not. */
TEST(bench_query_is_valid_against_the_api_schema)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    const char *sdl = fixture_read(&a, FIXTURE_BENCH_SUPERGRAPH);
    const char *query = fixture_read(&a, "bench/workload/query.graphql");
    CHECK(sdl && query);
    if (!sdl || !query) return;
    supergraph *sg = sg_load(&a, sdl, strlen(sdl), &errs);
    CHECK(sg != NULL);
    parse_error perr;
    ast_document *doc = parse_document(&a, query, strlen(query), NULL, &perr);
    CHECK(doc != NULL);
    if (!sg || !doc) return;
    CHECK(validate_document(sg->api, doc, &errs));
    CHECK_INT(errs.count, 0);

    const char *typo = fixture_edit(&a, query, "shippingEstimate", "shipingEstimate");
    doc = parse_document(&a, typo, strlen(typo), NULL, &perr);
    CHECK(doc != NULL);
    CHECK(!validate_document(sg->api, doc, &errs));
    CHECK_STR(errs.first ? errs.first->message : NULL,
              "Cannot query field \"shipingEstimate\" on type \"Product\". Did you mean "
              "\"shippingEstimate\"?");
    CHECK_INT(errs.first ? errs.first->locs[0].line : 0, 16);
    CHECK_INT(errs.first ? errs.first->locs[0].column : 0, 3);
    arena_free(&a);
}

TEST_MAIN(VCASES_RUN RUN(bench_query_is_valid_against_the_api_schema);)
