/* validate_overlap_test.c: OverlappingFieldsCanBeMerged
 * (validate_overlap_rules), case by case against what graphql-js 16 reports
 * for the same documents (tests/validate/overlap.cases, expectations
 * generated into validate_overlap_cases.inc), and documents built to make a
 * naive comparison explode, which must finish quickly. */
#include <stdlib.h>
#include <time.h>

#include "ftest.h"
#include "parser.h"
#include "sbuf.h"
#include "schema.h"
#include "validate_rules.h"

#include "validate_overlap_cases.inc"

/* "message @line:col,line:col" per error, one per line. */
static void vcase_format(const diag_list *errs, sbuf *out)
{
    for (const diag *e = errs->first; e; e = e->next) {
        if (out->len) sbuf_putc(out, '\n');
        sbuf_printf(out, "%s @", e->message);
        for (uint32_t i = 0; i < e->nlocs; i++)
            sbuf_printf(out, "%s%u:%u", i ? "," : "", e->locs[i].line, e->locs[i].column);
    }
}

/* Runs the rule over query; returns the errors as text (malloc'd) and the
 * CPU time it took in *seconds (CPU, not wall-clock time: on a loaded
 * machine the wait for a core would count too). */
static char *vcase_run(const char *query, size_t len, double *seconds)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    schema *s = schema_from_sdl(&a, vcase_schema, strlen(vcase_schema), &errs);
    CHECK(s != NULL);
    parse_error perr;
    ast_document *doc = parse_document(&a, query, len, NULL, &perr);
    CHECK(doc != NULL);
    struct timespec t0, t1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    if (s && doc) validate_overlap_rules(s, doc, &errs);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    *seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    sbuf got;
    sbuf_init(&got);
    sbuf_puts(&got, ""); /* "" rather than NULL when there are no errors */
    vcase_format(&errs, &got);
    arena_free(&a);
    return sbuf_take(&got);
}

static void vcase_check(const char *query, const char *expected)
{
    double seconds;
    char *got = vcase_run(query, strlen(query), &seconds);
    CHECK_STR(got, expected);
    free(got);
}

/* n copies of piece, wrapped in head and tail. */
static char *vcase_repeat(const char *head, const char *piece, int n, const char *tail)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, head);
    for (int i = 0; i < n; i++)
        sbuf_puts(&b, piece);
    sbuf_puts(&b, tail);
    return sbuf_take(&b);
}

TEST(many_repeated_identical_fields_finish_quickly)
{
    char *q = vcase_repeat("{ dog {", " name mother { name }", 2000, " } }");
    double seconds;
    char *got = vcase_run(q, strlen(q), &seconds);
    CHECK(seconds < 2.0);
    /* either valid or stopped by the work budget, never wrong */
    CHECK(strcmp(got, "") == 0 || strcmp(got, "Validation aborted. @") == 0);
    free(got);
    free(q);
}

TEST(many_conflicting_fields_are_bounded)
{
    char *q = vcase_repeat("{ dog {", " x: name x: nickname", 3000, " } }");
    double seconds;
    char *got = vcase_run(q, strlen(q), &seconds);
    CHECK(seconds < 2.0);
    CHECK(strstr(got, "Validation aborted. @") != NULL);
    free(got);
    free(q);
}

/* Fragments that each spread the next two, at two levels: expanded naively
 * that is 2^60 comparisons. last_field is the last fragment's selection. */
static char *vcase_fan_out(const char *last_field)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "{ dog { ...F0 ...F0 } }\n");
    int n = 60;
    for (int i = 0; i + 2 < n; i++)
        sbuf_printf(&b, "fragment F%d on Dog { name mother { ...F%d ...F%d } ...F%d }\n", i, i + 1,
                    i + 2, i + 1);
    sbuf_printf(&b, "fragment F%d on Dog { name }\n", n - 2);
    sbuf_printf(&b, "fragment F%d on Dog { %s }\n", n - 1, last_field);
    return sbuf_take(&b);
}

TEST(fragment_fan_out_is_memoised)
{
    char *q = vcase_fan_out("name");
    double seconds;
    char *got = vcase_run(q, strlen(q), &seconds);
    CHECK(seconds < 2.0);
    CHECK_STR(got, "");
    free(got);
    free(q);
}

/* What graphql-js 16.15 reports for the same document: the first message
 * is cut at 1000 characters of reasons. */
TEST(fragment_fan_out_conflict_matches_graphql_js)
{
    char *q = vcase_fan_out("name: nickname");
    double seconds;
    char *got = vcase_run(q, strlen(q), &seconds);
    CHECK(seconds < 2.0);
    const char *second = strchr(got, '\n');
    CHECK(second != NULL);
    if (second) {
        CHECK_INT(strcspn(got, "@") - 1, 1112);
        const char *start = "Fields \"mother\" conflict because subfields \"mother\" conflict";
        CHECK(strncmp(got, start, strlen(start)) == 0);
        CHECK(strstr(got,
                     "subfields \"mother\" conflict .... Use different aliases on the fields to "
                     "fetch both if this was intentional. @2:27,52:28,53:28,54:28\n") != NULL);
        CHECK_STR(second + 1,
                  "Fields \"mother\" conflict because subfields \"name\" conflict because "
                  "\"name\" and \"nickname\" are different fields. Use different aliases "
                  "on the fields to fetch both if this was intentional. "
                  "@2:27,3:22,59:28,61:23");
    }
    free(got);
    free(q);
}

/* A long chain of fragments must not exhaust the C stack. */
TEST(deep_fragment_chain_is_bounded)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "{ dog { name ...F0 } }\n");
    int n = 20000;
    for (int i = 0; i < n; i++)
        sbuf_printf(&b, "fragment F%d on Dog { name ...F%d }\n", i, i + 1);
    sbuf_printf(&b, "fragment F%d on Dog { name: nickname }\n", n);
    double seconds;
    char *got = vcase_run(b.data, b.len, &seconds);
    CHECK(seconds < 2.0);
    CHECK(strstr(got, "Validation aborted. @") != NULL);
    free(got);
    sbuf_free(&b);
}

/* A shorter chain is compared to its end and the conflict found. */
TEST(conflict_at_the_end_of_a_fragment_chain)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "{ dog { name ...F0 } }\n");
    int n = 50;
    for (int i = 0; i < n; i++)
        sbuf_printf(&b, "fragment F%d on Dog { ...F%d }\n", i, i + 1);
    sbuf_printf(&b, "fragment F%d on Dog { name: nickname }\n", n);
    double seconds;
    char *got = vcase_run(b.data, b.len, &seconds);
    CHECK_STR(got, "Fields \"name\" conflict because \"name\" and \"nickname\" are different "
                   "fields. Use different aliases on the fields to fetch both if this was "
                   "intentional. @1:9,52:23");
    free(got);
    sbuf_free(&b);
}

TEST_MAIN(VCASES_RUN RUN(many_repeated_identical_fields_finish_quickly);
          RUN(many_conflicting_fields_are_bounded); RUN(fragment_fan_out_is_memoised);
          RUN(fragment_fan_out_conflict_matches_graphql_js); RUN(deep_fragment_chain_is_bounded);
          RUN(conflict_at_the_end_of_a_fragment_chain);)
