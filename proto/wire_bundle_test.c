/* wire_bundle_test.c: the whole path of a plan bundle, as the control plane
 * builds it and a sidecar takes it in: plan the bench queries, encode the
 * plans (plan_encode) into a PlanBundle with the supergraph, wrap it in an
 * envelope; then decode the envelope, open it, load the supergraph from the
 * bundle (sg_load) and decode every plan against it (plan_decode). The plans
 * must print as planned; a bundle whose plan bytes are damaged (with a hash
 * that matches them) opens, and the plan is refused with its reason. */
#include <stdlib.h>
#include <string.h>

#include "ftest.h"
#include "parser.h"
#include "plan_codec.h"
#include "planner.h"
#include "validate.h"
#include "wire_envelope.h"

#define SUPERGRAPH "bench/workload/supergraph.graphql"

static const char *const queries[] = {
    "tests/fixtures/plans/bench-fragments.graphql",
    "tests/fixtures/plans/bench-provides.graphql",
    "tests/fixtures/plans/bench-requires.graphql",
    "tests/fixtures/plans/bench-variables.graphql",
    "bench/workload/query.graphql",
};
#define NQUERIES (sizeof queries / sizeof queries[0])

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

/* What the control plane keeps for each precompiled plan. */
typedef struct compiled {
    char *query;
    sbuf plan_bytes;
    char *printed;
} compiled;

static bool compile(arena *a, const supergraph *sg, const char *path, compiled *out)
{
    size_t len;
    out->query = slurp(path, &len);
    diag_list errs;
    diag_init(&errs, a);
    ast_document *doc = out->query ? parse_document(a, out->query, len, NULL, NULL) : NULL;
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    plan *p = op && validate_document(sg->api, doc, &errs) ? qp_plan(a, sg, doc, op, &errs) : NULL;
    if (!p) return false;
    sbuf_init(&out->plan_bytes);
    plan_encode(p, &out->plan_bytes);
    sbuf text;
    sbuf_init(&text);
    plan_print(&text, p);
    out->printed = sbuf_take(&text);
    return true;
}

/* The control plane's side: a serialised envelope of version 12. */
static void build_envelope(const char *sdl, compiled *plans, sbuf *out)
{
    Fedmesh__PrecompiledPlan pp[NQUERIES], *ptrs[NQUERIES];
    for (size_t i = 0; i < NQUERIES; i++) {
        Fedmesh__PrecompiledPlan init = FEDMESH__PRECOMPILED_PLAN__INIT;
        pp[i] = init;
        pp[i].query = plans[i].query;
        pp[i].operation_name = "";
        pp[i].plan.data = (uint8_t *)plans[i].plan_bytes.data;
        pp[i].plan.len = plans[i].plan_bytes.len;
        ptrs[i] = &pp[i];
    }
    Fedmesh__PlanBundle bundle = FEDMESH__PLAN_BUNDLE__INIT;
    bundle.version = 12;
    bundle.supergraph_sdl = (char *)sdl;
    bundle.n_plans = NQUERIES;
    bundle.plans = ptrs;
    sbuf bytes;
    sbuf_init(&bytes);
    wire_bundle_encode(&bundle, &bytes);
    wire_envelope_encode(12, (const uint8_t *)bytes.data, bytes.len, out);
    sbuf_free(&bytes);
}

/* The sidecar's side, into the bundle's arena: the number of plans that
 * decode and print as the control plane printed them; -1 when the envelope
 * or the supergraph is refused. The first refusal's reason goes to why. */
static int take_in(arena *a, const sbuf *envelope, compiled *plans, char *why, size_t why_size)
{
    wire_reason reason;
    Fedmesh__BundleEnvelope *env =
        wire_envelope_decode(a, (const uint8_t *)envelope->data, envelope->len, &reason);
    Fedmesh__PlanBundle *bundle = env ? wire_envelope_open(a, env, &reason) : NULL;
    if (!bundle) {
        snprintf(why, why_size, "%s", reason.text);
        return -1;
    }
    diag_list errs;
    diag_init(&errs, a);
    supergraph *sg = sg_load(a, bundle->supergraph_sdl, strlen(bundle->supergraph_sdl), &errs);
    if (!sg) return -1;
    int good = 0;
    for (size_t i = 0; i < bundle->n_plans && i < NQUERIES; i++) {
        const Fedmesh__PrecompiledPlan *pp = bundle->plans[i];
        plan *p = plan_decode(a, sg, pp->plan.data, pp->plan.len, &errs);
        if (!p) {
            if (errs.first && !why[0]) snprintf(why, why_size, "%s", errs.first->message);
            continue;
        }
        sbuf text;
        sbuf_init(&text);
        plan_print(&text, p);
        good += strcmp(text.data, plans[i].printed) == 0 && strcmp(pp->query, plans[i].query) == 0;
        sbuf_free(&text);
    }
    return good;
}

static compiled plans[NQUERIES];
static char *sdl;

TEST(bundle_carries_plans_to_a_sidecar)
{
    sbuf envelope;
    sbuf_init(&envelope);
    build_envelope(sdl, plans, &envelope);
    arena a;
    arena_init(&a, 0);
    char why[256] = "";
    CHECK_INT(take_in(&a, &envelope, plans, why, sizeof why), NQUERIES);
    CHECK_STR(why, "");
    arena_free(&a);
    sbuf_free(&envelope);
}

TEST(damaged_plan_in_a_sound_bundle_is_refused)
{
    /* The control plane's bytes are damaged before hashing: the envelope is
     * sound, the plan is not. */
    compiled *victim = &plans[1];
    char saved = victim->plan_bytes.data[5];
    victim->plan_bytes.data[5] = 0x7f; /* the string table claims 127 strings */
    sbuf envelope;
    sbuf_init(&envelope);
    build_envelope(sdl, plans, &envelope);
    victim->plan_bytes.data[5] = saved;
    arena a;
    arena_init(&a, 0);
    char why[256] = "";
    CHECK_INT(take_in(&a, &envelope, plans, why, sizeof why), NQUERIES - 1);
    CHECK(strncmp(why, "Invalid plan encoding: ", 23) == 0);
    arena_free(&a);
    sbuf_free(&envelope);
}

TEST(bundle_whose_supergraph_differs_refuses_its_plans)
{
    /* Plans made for the bench supergraph, shipped with another one. */
    size_t len;
    char *other = slurp("tests/fixtures/supergraph/shop.graphql", &len);
    CHECK(other != NULL);
    if (!other) return;
    sbuf envelope;
    sbuf_init(&envelope);
    build_envelope(other, plans, &envelope);
    arena a;
    arena_init(&a, 0);
    char why[256] = "";
    CHECK_INT(take_in(&a, &envelope, plans, why, sizeof why), 0);
    CHECK(strncmp(why, "Invalid plan encoding: ", 23) == 0);
    arena_free(&a);
    sbuf_free(&envelope);
    free(other);
}

TEST_MAIN({
    size_t len;
    arena a;
    arena_init(&a, 0);
    sdl = slurp(SUPERGRAPH, &len);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sdl ? sg_load(&a, sdl, len, &errs) : NULL;
    bool ready = sg != NULL;
    for (size_t i = 0; ready && i < NQUERIES; i++)
        ready = compile(&a, sg, queries[i], &plans[i]);
    if (!ready) {
        fprintf(stderr, "wire_bundle_test: the bench fixtures do not plan\n");
        return 1;
    }
    RUN(bundle_carries_plans_to_a_sidecar);
    RUN(damaged_plan_in_a_sound_bundle_is_refused);
    RUN(bundle_whose_supergraph_differs_refuses_its_plans);
    for (size_t i = 0; i < NQUERIES; i++) {
        free(plans[i].query);
        free(plans[i].printed);
        sbuf_free(&plans[i].plan_bytes);
    }
    free(sdl);
    arena_free(&a);
})
