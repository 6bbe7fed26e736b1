/* schema_dump_test.c: the whole model schema_build makes from a fixture,
 * printed as plain text and compared line by line with what graphql-js 16
 * builds from the same SDL (tests/fixtures/schema/X.dump, written by
 * dump-schema.cjs there; see it for the format). Catches any field, argument,
 * default, deprecation, member, implementation or directive that differs. */
#include "schema.h"
#include "fixture.h"
#include "ftest.h"
#include "sbuf.h"
#include "validate_print.h"

#include <stdlib.h>

static char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, fp);
    buf[got] = '\0';
    fclose(fp);
    return buf;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(const schema_type *const *)a)->name, (*(const schema_type *const *)b)->name);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void dump_deprecation(sbuf *out, bool deprecated, const char *reason)
{
    if (deprecated) sbuf_printf(out, " @deprecated(%s)", reason);
}

static void dump_input_value(sbuf *out, const char *prefix, const schema_field *f)
{
    sbuf_printf(out, "%s%s: ", prefix, f->name);
    validate_print_type(out, f->type);
    if (f->default_value) {
        sbuf_puts(out, " = ");
        validate_print_value(out, f->default_value);
    }
    dump_deprecation(out, f->deprecated, f->deprecation_reason);
    sbuf_putc(out, '\n');
}

static const char *const kind_names[] = {"SCALAR", "OBJECT", "INTERFACE",
                                         "UNION",  "ENUM",   "INPUT_OBJECT"};

static void dump_type(sbuf *out, const schema_type *t)
{
    sbuf_printf(out, "type %s %s", t->name, kind_names[t->kind]);
    if (t->specified_by_url) sbuf_printf(out, " url=%s", t->specified_by_url);
    sbuf_putc(out, '\n');
    if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) {
        for (uint32_t i = 0; i < t->ninterfaces; i++)
            sbuf_printf(out, "  implements %s\n", t->interfaces[i]->name);
        for (uint32_t i = 0; i < t->nfields; i++) {
            const schema_field *f = &t->fields[i];
            sbuf_printf(out, "  field %s: ", f->name);
            validate_print_type(out, f->type);
            dump_deprecation(out, f->deprecated, f->deprecation_reason);
            sbuf_putc(out, '\n');
            for (uint32_t k = 0; k < f->nargs; k++)
                dump_input_value(out, "    arg ", &f->args[k]);
        }
    }
    if (t->kind == SCHEMA_INPUT_OBJECT)
        for (uint32_t i = 0; i < t->nfields; i++)
            dump_input_value(out, "  input ", &t->fields[i]);
    if (t->kind == SCHEMA_UNION)
        for (uint32_t i = 0; i < t->npossible; i++)
            sbuf_printf(out, "  member %s\n", t->possible[i]->name);
    if (t->kind == SCHEMA_INTERFACE && t->npossible) {
        const schema_type **sorted = malloc(sizeof *sorted * t->npossible);
        memcpy(sorted, t->possible, sizeof *sorted * t->npossible);
        qsort(sorted, t->npossible, sizeof *sorted, by_name);
        for (uint32_t i = 0; i < t->npossible; i++)
            sbuf_printf(out, "  possible %s\n", sorted[i]->name);
        free(sorted);
    }
    for (uint32_t i = 0; i < t->nvalues; i++) {
        sbuf_printf(out, "  value %s", t->values[i].name);
        dump_deprecation(out, t->values[i].deprecated, t->values[i].deprecation_reason);
        sbuf_putc(out, '\n');
    }
}

static void dump_directive(sbuf *out, const schema_directive *d)
{
    const char *names[32];
    uint32_t n = 0;
    for (uint32_t bit = 0; bit < 32; bit++)
        if (d->locations & (1u << bit)) names[n++] = schema_location_name(1u << bit);
    qsort(names, n, sizeof names[0], by_string);
    sbuf_printf(out, "directive @%s%s on ", d->name, d->repeatable ? " repeatable" : "");
    for (uint32_t i = 0; i < n; i++)
        sbuf_printf(out, "%s%s", i ? "|" : "", names[i]);
    sbuf_putc(out, '\n');
    for (uint32_t i = 0; i < d->nargs; i++)
        dump_input_value(out, "  arg ", &d->args[i]);
}

static void dump_schema(sbuf *out, const schema *s)
{
    sbuf_printf(out, "roots %s %s %s\n", s->query ? s->query->name : "-",
                s->mutation ? s->mutation->name : "-",
                s->subscription ? s->subscription->name : "-");
    const schema_type **user = malloc(sizeof *user * s->ntypes);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->ntypes; i++)
        if (!s->types[i]->builtin) user[n++] = s->types[i];
    qsort(user, n, sizeof *user, by_name);
    for (uint32_t i = 0; i < n; i++)
        dump_type(out, user[i]);
    free(user);
    for (uint32_t i = 0; i < s->ndirectives; i++)
        dump_directive(out, s->directives[i]);
}

/* Compares line by line so a difference names its line. */
static void check_same_lines(const char *got, const char *want)
{
    uint32_t line = 1;
    while (*got || *want) {
        size_t gl = strcspn(got, "\n"), wl = strcspn(want, "\n");
        if (gl != wl || memcmp(got, want, gl) != 0) {
            fprintf(stderr, "  line %u differs:\n  got:  %.*s\n  want: %.*s\n", line, (int)gl, got,
                    (int)wl, want);
            CHECK(!"dump differs from graphql-js");
            return;
        }
        got += gl + (got[gl] == '\n');
        want += wl + (want[wl] == '\n');
        line++;
    }
}

/* The schema built from the SDL at sdl_path against tests/fixtures/schema/NAME.dump. */
static void check_dump(const char *sdl_path, const char *name)
{
    char dump_path[256];
    snprintf(dump_path, sizeof dump_path, "tests/fixtures/schema/%s.dump", name);
    char *sdl = read_file(sdl_path), *want = read_file(dump_path);
    CHECK(sdl && want);
    if (sdl && want) {
        arena a;
        arena_init(&a, 0);
        diag_list errs;
        diag_init(&errs, &a);
        schema *s = schema_from_sdl(&a, sdl, strlen(sdl), &errs);
        CHECK(s != NULL);
        if (s) {
            sbuf got;
            sbuf_init(&got);
            dump_schema(&got, s);
            check_same_lines(got.data, want);
            sbuf_free(&got);
        }
        arena_free(&a);
    }
    free(sdl);
    free(want);
}

/* tests/fixtures/schema/NAME.graphql against NAME.dump. */
static void check_fixture(const char *name)
{
    char sdl_path[256];
    snprintf(sdl_path, sizeof sdl_path, "tests/fixtures/schema/%s.graphql", name);
    check_dump(sdl_path, name);
}

TEST(shop_matches_graphql_js)
{
    check_fixture("shop");
}

TEST(bench_supergraph_matches_graphql_js)
{
    check_dump(FIXTURE_BENCH_SUPERGRAPH, "bench-supergraph");
}

/* Composed by @apollo/composition from three subgraphs with interfaces,
 * unions, enums, inputs, @inaccessible, @tag, @override and a subscription
 * (compose-rich-supergraph.cjs). */
TEST(rich_supergraph_matches_graphql_js)
{
    check_fixture("rich-supergraph");
}

TEST_MAIN(RUN(shop_matches_graphql_js); RUN(bench_supergraph_matches_graphql_js);
          RUN(rich_supergraph_matches_graphql_js);)
