/* validate_values_test.c: the value, variable and directive rules
 * (validate_value_rules), case by case against what graphql-js 16 reports
 * for the same documents (cases in tests/validate/values.cases, expectations
 * generated into validate_values_cases.inc), plus the printer they use. */
#include "ftest.h"
#include "parser.h"
#include "sbuf.h"
#include "schema.h"
#include "validate_print.h"
#include "validate_rules.h"

#include "validate_values_cases.inc"

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
    sbuf got;
    sbuf_init(&got);
    sbuf_puts(&got, ""); /* "" rather than NULL when there are no errors */
    if (s && doc) validate_value_rules(s, doc, &errs);
    vcase_format(&errs, &got);
    CHECK_STR(got.data, expected);
    sbuf_free(&got);
    arena_free(&a);
}

static const char *vcase_printed(arena *a, const char *literal)
{
    parse_error err;
    ast_value *v = parse_value(a, literal, strlen(literal), &err);
    if (!v) return NULL;
    sbuf b;
    sbuf_init(&b);
    validate_print_value(&b, v);
    const char *copy = arena_strdup(a, b.data);
    sbuf_free(&b);
    return copy;
}

TEST(print_values_as_graphql_js)
{
    arena a;
    arena_init(&a, 0);
    CHECK_STR(vcase_printed(&a, "{ a : [ 1 , 2.5 , \"x\" ] b:{} c:null d:true e:ENUM f:$v }"),
              "{a: [1, 2.5, \"x\"], b: {}, c: null, d: true, e: ENUM, f: $v}");
    CHECK_STR(vcase_printed(&a, "[]"), "[]");
    /* block strings, as graphql-js's print() renders the same literals */
    CHECK_STR(vcase_printed(&a, "\"\"\"a\\\"\"\"\"b\"\"\""), "\"\"\"a\\\"\"\"\"b\"\"\"");
    CHECK_STR(vcase_printed(&a, "\"\"\"  a\n  b\"\"\""), "\"\"\"\n  a\nb\n\"\"\"");
    CHECK_STR(vcase_printed(&a, "\"\"\"x\n   y\n   z\"\"\""), "\"\"\"\nx\ny\nz\n\"\"\"");
    arena_free(&a);
}

TEST(print_types)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_type *t = parse_type(&a, "[ [Int!] ]!", 11, &err);
    CHECK(t != NULL);
    sbuf b;
    sbuf_init(&b);
    if (t) validate_print_type(&b, t);
    CHECK_STR(b.data, "[[Int!]]!");
    sbuf_free(&b);
    arena_free(&a);
}

TEST_MAIN(VCASES_RUN RUN(print_values_as_graphql_js); RUN(print_types);)
