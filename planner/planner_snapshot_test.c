/* planner_snapshot_test.c: the printed plan of every query in
 * tests/fixtures/plans/ (NAME.graphql, planned against the supergraph its
 * name starts with, see tests/plan-oracles/compare.mjs) must equal
 * NAME.plan.txt byte for byte: plan_print's text and a last line
 * "fetches: N, depth: D", as `fedmesh-gql plan` prints. Run with
 * FEDMESH_UPDATE_SNAPSHOTS=1 to rewrite the files after a deliberate change. */
#include <dirent.h>
#include <stdlib.h>

#include "fixture.h"
#include "ftest.h"
#include "parser.h"
#include "planner.h"
#include "validate.h"

#define PLANS_DIR "tests/fixtures/plans"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b;
    sbuf_init(&b);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.data ? sbuf_take(&b) : calloc(1, 1);
}

/* The plan text, or "error: ..." lines when planning fails. */
static void plan_text(const char *sdl_path, const char *query_path, sbuf *out)
{
    arena a;
    arena_init(&a, 0);
    size_t sdl_len, query_len;
    char *sdl = slurp(sdl_path, &sdl_len), *query = slurp(query_path, &query_len);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sdl ? sg_load(&a, sdl, sdl_len, &errs) : NULL;
    ast_document *doc = query ? parse_document(&a, query, query_len, NULL, NULL) : NULL;
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    plan *p = NULL;
    if (sg && op && validate_document(sg->api, doc, &errs)) p = qp_plan(&a, sg, doc, op, &errs);
    if (p) {
        plan_print(out, p);
        sbuf_printf(out, "fetches: %u, depth: %u\n", p->nfetches, p->depth);
    }
    for (const diag *e = errs.first; e; e = e->next)
        sbuf_printf(out, "error: %s\n", e->message);
    if (!sg || !op) sbuf_puts(out, "error: fixture does not load\n");
    free(sdl);
    free(query);
    arena_free(&a);
}

static void check_one(const char *name)
{
    size_t stem = strlen(name) - strlen(".graphql");
    char prefix[64], query[512], want_path[512], sdl[512];
    size_t plen = strcspn(name, "-");
    snprintf(prefix, sizeof prefix, "%.*s", (int)(plen < 63 ? plen : 63), name);
    snprintf(query, sizeof query, PLANS_DIR "/%s", name);
    snprintf(want_path, sizeof want_path, PLANS_DIR "/%.*s.plan.txt", (int)stem, name);
    fixture_supergraph_path(sdl, sizeof sdl, prefix);
    sbuf got;
    sbuf_init(&got);
    plan_text(sdl, query, &got);
    if (getenv("FEDMESH_UPDATE_SNAPSHOTS")) {
        FILE *f = fopen(want_path, "wb");
        CHECK(f != NULL);
        if (f) {
            fwrite(got.data, 1, got.len, f);
            fclose(f);
        }
    }
    size_t want_len;
    char *want = slurp(want_path, &want_len);
    if (!want) fprintf(stderr, "%s: missing\n", want_path);
    CHECK(want != NULL);
    if (want) CHECK_STR(got.data, want);
    free(want);
    sbuf_free(&got);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

TEST(every_fixture_plan_matches_its_snapshot)
{
    DIR *dir = opendir(PLANS_DIR);
    CHECK(dir != NULL);
    if (!dir) return;
    char *names[256];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL && n < 256;) {
        size_t len = strlen(e->d_name);
        if (len > 8 && strcmp(e->d_name + len - 8, ".graphql") == 0) names[n++] = strdup(e->d_name);
    }
    closedir(dir);
    CHECK(n >= 15);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        check_one(names[i]);
        free(names[i]);
    }
}

TEST_MAIN(RUN(every_fixture_plan_matches_its_snapshot);)
