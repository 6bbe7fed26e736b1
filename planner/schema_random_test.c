/* schema_random_test.c: schema_build against graphql-js 16 on seeded random
 * SDL (tests/fixtures/schema/random-sdl.cases, written by random-sdl.cjs
 * there): every error, with its locations, in graphql-js's order. Random
 * documents pile up many errors at once, so this also pins down the order
 * in which the rules report. */
#include "schema.h"
#include "ftest.h"
#include "sbuf.h"

#include <stdlib.h>

#define CASES_PATH "tests/fixtures/schema/random-sdl.cases"
#define SDL_MARK "=== sdl\n"
#define ERRORS_MARK "\n--- errors\n"

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

/* All errors, one a line as "message @line:column,...", or "OK". */
static void errors_of(sbuf *out, const char *sdl, size_t len)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    errs.limit = 100000; /* graphql-js reports every error */
    schema *s = schema_from_sdl(&a, sdl, len, &errs);
    for (const diag *d = errs.first; d; d = d->next) {
        sbuf_puts(out, d->message);
        for (uint32_t i = 0; i < d->nlocs; i++)
            sbuf_printf(out, "%s%u:%u", i ? "," : " @", d->locs[i].line, d->locs[i].column);
        sbuf_putc(out, '\n');
    }
    if (!errs.first) sbuf_puts(out, "OK\n");
    CHECK((s != NULL) == (errs.first == NULL));
    arena_free(&a);
}

TEST(random_sdl_matches_graphql_js)
{
    char *text = read_file(CASES_PATH);
    CHECK(text != NULL);
    if (!text) return;
    int cases = 0, mismatches = 0;
    sbuf got;
    sbuf_init(&got);
    for (char *p = strstr(text, SDL_MARK); p; cases++) {
        const char *sdl = p + strlen(SDL_MARK);
        char *sep = strstr(sdl, ERRORS_MARK);
        CHECK(sep != NULL);
        if (!sep) break;
        const char *want = sep + strlen(ERRORS_MARK);
        char *next = strstr(want, SDL_MARK);
        size_t want_len = next ? (size_t)(next - want) : strlen(want);
        sbuf_reset(&got);
        errors_of(&got, sdl, (size_t)(sep - sdl));
        if (got.len != want_len || memcmp(got.data, want, want_len) != 0) {
            if (mismatches++ < 3)
                fprintf(stderr, "  case %d:\n%.*s\n  got:\n%s  want:\n%.*s", cases,
                        (int)(sep - sdl), sdl, got.data, (int)want_len, want);
        }
        p = next;
    }
    CHECK_INT(mismatches, 0);
    CHECK_INT(cases, 160);
    sbuf_free(&got);
    free(text);
}

TEST_MAIN(RUN(random_sdl_matches_graphql_js);)
