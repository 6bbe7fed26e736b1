/* bundle_test.c: bundles as sidecars receive them: the envelope opens, the
 * bundle carries the supergraph, the subgraphs and a plan for each operation
 * that plans; bad operations are left out with a reason; rollbacks renumber;
 * registered operation files split into operations. */
#include <stdio.h>
#include <stdlib.h>

#include "bundle.h"
#include "fileio.h"
#include "ftest.h"
#include "parser.h"
#include "plan_codec.h"
#include "planner.h"
#include "schema_print.h"
#include "sg_codec.h"
#include "wire_envelope.h"

static char err[512];
static char *sdl;
static size_t sdl_len;

static const composer_subgraph subs[2] = {
    {"accounts", "http://127.0.0.1:4201/graphql", NULL, 0, "aa", NULL},
    {"products", "http://127.0.0.1:4203/graphql", NULL, 0, "bb", NULL}};

static const bundle_op ops[4] = {
    {"query Top { topProducts(first: 2) { name price } }", "Top"},
    {"{ nope }", ""},
    {"query Top { topProducts(first: 2) { name price } }", "Top"}, /* planned once */
    {"{ me { name } }", ""}};

static Fedmesh__PlanBundle *open_bundle(arena *a, const sbuf *envelope)
{
    wire_reason why;
    Fedmesh__BundleEnvelope *env =
        wire_envelope_decode(a, (const uint8_t *)envelope->data, envelope->len, &why);
    Fedmesh__PlanBundle *b = env ? wire_envelope_open(a, env, &why) : NULL;
    if (!b) fprintf(stderr, "cannot open: %s\n", why.text);
    return b;
}

TEST(builds_a_bundle)
{
    bundle_spec spec = {7, 1234, sdl, sdl_len, subs, 2, "from-hash", ops, 4};
    sbuf out;
    sbuf_init(&out);
    char sha[65];
    bundle_stats stats;
    CHECK(bundle_build(&spec, &out, sha, &stats, err, sizeof err));
    CHECK_INT(stats.planned, 2);
    CHECK_INT(stats.failed, 1);
    CHECK_STR(stats.first_failure, "{ nope }: Cannot query field \"nope\" on type \"Query\".");
    arena a;
    arena_init(&a, 0);
    Fedmesh__PlanBundle *b = open_bundle(&a, &out);
    CHECK(b != NULL);
    if (b) {
        CHECK_INT(b->version, 7);
        CHECK_INT(b->created_unix_ms, 1234);
        CHECK_STR(b->supergraph_sdl, sdl);
        CHECK_STR(b->composed_from, "from-hash");
        CHECK_INT(b->n_subgraphs, 2);
        CHECK_STR(b->subgraphs[1]->name, "products");
        CHECK_STR(b->subgraphs[1]->url, "http://127.0.0.1:4203/graphql");
        CHECK_STR(b->subgraphs[1]->sdl_sha256, "bb");
        CHECK_INT(b->n_plans, 2);
        CHECK_STR(b->plans[0]->query, ops[0].query);
        CHECK_STR(b->plans[0]->operation_name, "Top");
        CHECK(b->plans[0]->plan.len > 0);
        CHECK_STR(b->plans[1]->query, "{ me { name } }");
        CHECK_STR(b->plans[1]->operation_name, "");
    }
    bundle_facts facts;
    CHECK(bundle_read_facts((const uint8_t *)out.data, out.len, &facts, err, sizeof err));
    CHECK_INT(facts.version, 7);
    CHECK_INT(facts.created_ms, 1234);
    CHECK_STR(facts.sha256, sha);
    CHECK_STR(facts.composed_from, "from-hash");
    CHECK_STR(facts.supergraph, sdl);
    CHECK_INT(facts.nplans, 2);
    free(facts.supergraph);

    sbuf again;
    sbuf_init(&again);
    char sha2[65];
    CHECK(bundle_renumber((const uint8_t *)out.data, out.len, 9, 5678, &again, sha2, err,
                          sizeof err));
    CHECK(strcmp(sha, sha2) != 0);
    Fedmesh__PlanBundle *r = open_bundle(&a, &again);
    CHECK(r && r->version == 9 && r->created_unix_ms == 5678 && r->n_plans == 2);
    CHECK_STR(r ? r->supergraph_sdl : NULL, sdl);
    out.data[out.len / 2] ^= 0x20;
    sbuf_reset(&again);
    CHECK(
        !bundle_renumber((const uint8_t *)out.data, out.len, 10, 1, &again, sha2, err, sizeof err));
    CHECK(strncmp(err, "a kept bundle is damaged: ", 26) == 0);
    CHECK(!bundle_read_facts((const uint8_t *)"junk", 4, &facts, err, sizeof err));
    CHECK(strncmp(err, "a kept bundle is damaged: ", 26) == 0);
    arena_free(&a);
    sbuf_free(&again);
    sbuf_free(&out);
}

static char *printed_api(const supergraph *sg)
{
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, sg->api);
    return sbuf_take(&out);
}

/* The bundle carries the loaded supergraph as an image, which decodes into
 * the supergraph sg_load makes of the SDL; a rollback keeps it. */
TEST(the_bundle_carries_the_supergraph_image)
{
    bundle_spec spec = {3, 99, sdl, sdl_len, subs, 2, "h", NULL, 0};
    sbuf out, again;
    sbuf_init(&out);
    sbuf_init(&again);
    char sha[65];
    bundle_stats stats;
    CHECK(bundle_build(&spec, &out, sha, &stats, err, sizeof err));
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    Fedmesh__PlanBundle *b = open_bundle(&a, &out);
    CHECK(b && b->supergraph_image_format == SG_CODEC_VERSION && b->supergraph_image.len > 0);
    CHECK_STR(stats.image_failure, "");
    supergraph *decoded =
        b ? sg_decode(&a, b->supergraph_image.data, b->supergraph_image.len, &errs) : NULL;
    supergraph *loaded = sg_load(&a, sdl, sdl_len, &errs);
    CHECK(decoded && loaded);
    if (decoded && loaded) {
        char *want = printed_api(loaded), *got = printed_api(decoded);
        CHECK_STR(got, want);
        free(want);
        free(got);
    }
    CHECK(
        bundle_renumber((const uint8_t *)out.data, out.len, 4, 100, &again, sha, err, sizeof err));
    Fedmesh__PlanBundle *r = open_bundle(&a, &again);
    CHECK(r && b && r->supergraph_image_format == SG_CODEC_VERSION &&
          r->supergraph_image.len == b->supergraph_image.len &&
          memcmp(r->supergraph_image.data, b->supergraph_image.data, r->supergraph_image.len) == 0);
    arena_free(&a);
    sbuf_free(&out);
    sbuf_free(&again);
}

/* A precompiled plan decodes against the supergraph into the plan the
 * sidecar would make itself. */
TEST(precompiled_plans_are_the_planner_s)
{
    bundle_spec spec = {1, 1, sdl, sdl_len, subs, 2, "x", ops, 1};
    sbuf out;
    sbuf_init(&out);
    char sha[65];
    bundle_stats stats;
    CHECK(bundle_build(&spec, &out, sha, &stats, err, sizeof err));
    arena a;
    arena_init(&a, 0);
    Fedmesh__PlanBundle *b = open_bundle(&a, &out);
    diag_list errs;
    diag_init(&errs, &a);
    const supergraph *sg = sg_load(&a, sdl, sdl_len, &errs);
    CHECK(sg && b && b->n_plans == 1);
    if (sg && b && b->n_plans == 1) {
        plan *decoded = plan_decode(&a, sg, b->plans[0]->plan.data, b->plans[0]->plan.len, &errs);
        parse_error perr;
        const ast_document *doc =
            parse_document(&a, ops[0].query, strlen(ops[0].query), NULL, &perr);
        plan *fresh = qp_plan(&a, sg, doc, ast_find_operation(doc, "Top"), &errs);
        CHECK(decoded && fresh);
        sbuf want, got;
        sbuf_init(&want);
        sbuf_init(&got);
        if (decoded && fresh) {
            plan_print(&got, decoded);
            plan_print(&want, fresh);
            CHECK_STR(got.data, want.data);
        }
        sbuf_free(&want);
        sbuf_free(&got);
    }
    arena_free(&a);
    sbuf_free(&out);
}

TEST(a_supergraph_that_does_not_load)
{
    bundle_spec spec = {1, 1, "type Query {", 12, subs, 2, "x", NULL, 0};
    sbuf out;
    sbuf_init(&out);
    char sha[65];
    bundle_stats stats;
    CHECK(!bundle_build(&spec, &out, sha, &stats, err, sizeof err));
    CHECK(strncmp(err, "the supergraph does not load: ", 30) == 0);
    CHECK_INT(out.len, 0);
    sbuf_free(&out);
}

static const char *ops_of(const char *text)
{
    static char buf[600];
    arena a;
    arena_init(&a, 0);
    bundle_op *list = NULL;
    uint32_t n = 0;
    if (!bundle_ops_of_document(&a, text, strlen(text), &list, &n, err, sizeof err)) {
        snprintf(buf, sizeof buf, "error %s", err);
    } else {
        buf[0] = '\0';
        for (uint32_t i = 0; i < n; i++) {
            CHECK_STR(list[i].query, text);
            size_t len = strlen(buf);
            snprintf(buf + len, sizeof buf - len, "[%s]", list[i].operation_name);
        }
    }
    arena_free(&a);
    return buf;
}

TEST(operation_files)
{
    CHECK_STR(ops_of("query Top { me { id } }"), "[Top][]");
    CHECK_STR(ops_of("{ me { id } }"), "[]");
    CHECK_STR(ops_of("query A { me { id } } fragment F on User { id } query B { me { ...F } }"),
              "[A][B]");
    CHECK_STR(ops_of("query A { me { id } } { me { id } }"),
              "error 1:23: an anonymous operation must be the only one");
    CHECK_STR(ops_of("fragment F on User { id }"), "error no operation in the file");
    CHECK_STR(ops_of("query {"), "error 1:8: Syntax Error: Expected Name, found <EOF>.");
}

TEST_MAIN(sdl = fio_read("bench/workload/supergraph.graphql", 1 << 20, &sdl_len);
          CHECK(sdl != NULL); RUN(builds_a_bundle); RUN(the_bundle_carries_the_supergraph_image);
          RUN(precompiled_plans_are_the_planner_s); RUN(a_supergraph_that_does_not_load);
          RUN(operation_files); free(sdl);)
