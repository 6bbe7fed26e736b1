/* planner_snapshot_test.c: the printed plan of every query in
 * tests/fixtures/plans/ (NAME.graphql, planned against the supergraph its
 * name starts with, see tests/plan-oracles/compare.mjs) must equal
 * NAME.plan.txt byte for byte: plan_print's text and a last line
 * "fetches: N, depth: D", as `fedmesh-gql plan` prints. Run with
 * FEDMESH_UPDATE_SNAPSHOTS=1 to rewrite the files after a deliberate change. */
#include "ptest.h"

/* The plan text, or "error: ..." lines when planning fails. */
static void plan_text(const char *sdl_path, const char *query_path, sbuf *out)
{
    arena a;
    arena_init(&a, 0);
    char *sdl = fixture_read(&a, sdl_path), *query = fixture_read(&a, query_path);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    ast_document *doc = query ? parse_document(&a, query, strlen(query), NULL, NULL) : NULL;
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
    arena_free(&a);
}

static void check_one(const char *name)
{
    size_t stem = strlen(name) - strlen(".graphql");
    char query[512], want_path[512], sdl[512];
    snprintf(query, sizeof query, PTEST_PLANS_DIR "/%s", name);
    snprintf(want_path, sizeof want_path, PTEST_PLANS_DIR "/%.*s.plan.txt", (int)stem, name);
    ptest_plan_fixture_supergraph(sdl, sizeof sdl, name);
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
    arena a;
    arena_init(&a, 0);
    char *want = fixture_read(&a, want_path);
    CHECK(want != NULL);
    if (want) CHECK_STR(got.data, want);
    arena_free(&a);
    sbuf_free(&got);
}

TEST(every_fixture_plan_matches_its_snapshot)
{
    char *names[256];
    size_t n = ptest_plan_fixtures(names, 256);
    CHECK(n >= 15);
    for (size_t i = 0; i < n; i++) {
        check_one(names[i]);
        free(names[i]);
    }
}

TEST_MAIN(RUN(every_fixture_plan_matches_its_snapshot);)
