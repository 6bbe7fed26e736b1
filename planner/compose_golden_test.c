/* compose_golden_test.c: compose() against @apollo/composition. Each
 * directory of tests/fixtures/compose holds subgraphs (NAME.graphql) and the
 * supergraph Apollo composes from them (tests/compose/gen-golden.sh);
 * fedmesh must print the same bytes, and its own loader must accept them. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "ftest.h"
#include "supergraph.h"

#define DIR_ROOT "tests/fixtures/compose"
#define MAX_SUBGRAPHS 16

static char *slurp(arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = arena_alloc(a, (size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    *len = got;
    return buf;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Composes one fixture directory; returns false (after printing why) on a mismatch. */
static bool check_fixture(const char *name)
{
    arena a;
    arena_init(&a, 1 << 16);
    char dir[512];
    snprintf(dir, sizeof dir, DIR_ROOT "/%s", name);
    DIR *d = opendir(dir);
    if (!d) return false;
    char *files[MAX_SUBGRAPHS];
    uint32_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_SUBGRAPHS) {
        size_t len = strlen(e->d_name);
        if (len > 8 && !strcmp(e->d_name + len - 8, ".graphql") &&
            strcmp(e->d_name, "supergraph.graphql"))
            files[n++] = arena_strdup(&a, e->d_name);
    }
    closedir(d);
    qsort(files, n, sizeof *files, by_name);
    compose_input in[MAX_SUBGRAPHS];
    for (uint32_t i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        in[i].name = arena_strndup(&a, files[i], strlen(files[i]) - 8);
        in[i].url = arena_sprintf(&a, "http://%s.example/graphql", in[i].name);
        in[i].sdl = slurp(&a, path, &in[i].sdl_len);
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/supergraph.graphql", dir);
    size_t want_len;
    const char *want = slurp(&a, path, &want_len);
    compose_result r;
    bool ok = compose(&a, in, n, &r) && want && r.supergraph_len == want_len &&
              !memcmp(r.supergraph, want, want_len);
    if (!ok) {
        fprintf(stderr, "compose fixture %s differs from Apollo's\n", name);
        for (const diag *x = r.errors.first; x; x = x->next)
            fprintf(stderr, "  %s: %s\n", x->code, x->message);
    } else {
        diag_list errs;
        diag_init(&errs, &a);
        ok = sg_load_composed(&a, r.supergraph, r.supergraph_len, &errs) != NULL;
        if (!ok) fprintf(stderr, "sg_load_composed refuses %s: %s\n", name, errs.first->message);
    }
    arena_free(&a);
    return ok;
}

TEST(every_fixture_matches_apollo)
{
    DIR *d = opendir(DIR_ROOT);
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *e;
    int checked = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        CHECK(check_fixture(e->d_name));
        checked++;
    }
    closedir(d);
    CHECK(checked >= 60);
}

TEST_MAIN(RUN(every_fixture_matches_apollo);)
