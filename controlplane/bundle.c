/* bundle.c: see bundle.h. */
#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parser.h"
#include "plan_codec.h"
#include "planner.h"
#include "sg_codec.h"
#include "supergraph.h"
#include "wire_envelope.h"
#include "validate.h"

/* ---- planning ---- */

/* The plan of one operation, encoded, in arena a; NULL with a reason. */
static bool plan_one(arena *a, const supergraph *sg, const bundle_op *op, ProtobufCBinaryData *out,
                     char *why, size_t whylen)
{
    parse_error perr;
    const ast_document *doc = parse_document(a, op->query, strlen(op->query), NULL, &perr);
    if (!doc) {
        snprintf(why, whylen, "%u:%u: %.200s", perr.loc.line, perr.loc.column, perr.message);
        return false;
    }
    diag_list errs;
    diag_init(&errs, a);
    if (!validate_document(sg->api, doc, &errs)) {
        snprintf(why, whylen, "%s", errs.first ? errs.first->message : "invalid operation");
        return false;
    }
    const ast_definition *def =
        ast_find_operation(doc, *op->operation_name ? op->operation_name : NULL);
    if (!def) {
        snprintf(why, whylen, "no operation named \"%s\"", op->operation_name);
        return false;
    }
    plan *p = qp_plan(a, sg, doc, def, &errs);
    if (!p) {
        snprintf(why, whylen, "%s", errs.first ? errs.first->message : "cannot be planned");
        return false;
    }
    sbuf bytes;
    sbuf_init(&bytes);
    plan_encode(p, &bytes);
    out->len = bytes.len;
    out->data = arena_alloc(a, bytes.len ? bytes.len : 1);
    memcpy(out->data, bytes.data, bytes.len);
    sbuf_free(&bytes);
    return true;
}

/* The start of a query on one line, for a log or a status field. */
static void query_excerpt(const char *query, char *out, size_t outlen)
{
    size_t n = 0;
    bool space = false;
    for (const char *p = query; *p && n + 4 < outlen; p++) {
        bool blank = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == ',';
        if (blank && (space || n == 0)) continue;
        space = blank;
        out[n++] = blank ? ' ' : *p;
    }
    if (n + 4 >= outlen) memcpy(out + n, "...", 3), n += 3;
    out[n] = '\0';
}

static bool seen_before(const bundle_op *ops, uint32_t i)
{
    for (uint32_t j = 0; j < i; j++)
        if (strcmp(ops[j].query, ops[i].query) == 0 &&
            strcmp(ops[j].operation_name, ops[i].operation_name) == 0)
            return true;
    return false;
}

static uint64_t micros(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* Fills bundle->plans with what plans; everything in arena a. */
static void plan_all(arena *a, const supergraph *sg, const bundle_spec *spec,
                     Fedmesh__PlanBundle *bundle, bundle_stats *stats)
{
    uint64_t t0 = micros();
    bundle->plans = ARENA_ARRAY(a, Fedmesh__PrecompiledPlan *, spec->nops ? spec->nops : 1);
    for (uint32_t i = 0; i < spec->nops; i++) {
        if (seen_before(spec->ops, i)) continue;
        Fedmesh__PrecompiledPlan *pp = ARENA_NEW(a, Fedmesh__PrecompiledPlan);
        fedmesh__precompiled_plan__init(pp);
        char why[256];
        if (!plan_one(a, sg, &spec->ops[i], &pp->plan, why, sizeof why)) {
            if (!stats->failed++) {
                char excerpt[64];
                query_excerpt(spec->ops[i].query, excerpt, sizeof excerpt);
                snprintf(stats->first_failure, sizeof stats->first_failure, "%s: %.160s", excerpt,
                         why);
            }
            continue;
        }
        pp->query = (char *)spec->ops[i].query;
        pp->operation_name = (char *)spec->ops[i].operation_name;
        bundle->plans[bundle->n_plans++] = pp;
        stats->planned++;
    }
    stats->plan_us = micros() - t0;
}

/* ---- building ---- */

static void fill_subgraphs(arena *a, const bundle_spec *spec, Fedmesh__PlanBundle *bundle)
{
    bundle->subgraphs = ARENA_ARRAY(a, Fedmesh__SubgraphInfo *, spec->nsubgraphs + 1);
    for (uint32_t i = 0; i < spec->nsubgraphs; i++) {
        Fedmesh__SubgraphInfo *info = ARENA_NEW(a, Fedmesh__SubgraphInfo);
        fedmesh__subgraph_info__init(info);
        info->name = (char *)spec->subgraphs[i].name;
        info->url = (char *)spec->subgraphs[i].url;
        info->sdl_sha256 =
            (char *)(spec->subgraphs[i].sdl_sha256 ? spec->subgraphs[i].sdl_sha256 : "");
        bundle->subgraphs[i] = info;
    }
    bundle->n_subgraphs = spec->nsubgraphs;
}

/* The loaded supergraph as an image, so that sidecars skip sg_load. It is
 * decoded here once: an image this build's decoder refuses (its checks are
 * its own, not sg_load's) is left out, and sidecars load the SDL, rather
 * than every sidecar rejecting the bundle. */
static void fill_image(arena *a, const supergraph *sg, Fedmesh__PlanBundle *bundle,
                       bundle_stats *stats)
{
    sbuf image;
    sbuf_init(&image);
    sg_encode(sg, &image);
    arena check;
    arena_init(&check, 1 << 16);
    diag_list errs;
    diag_init(&errs, &check);
    if (sg_decode(&check, (const uint8_t *)image.data, image.len, &errs)) {
        bundle->supergraph_image.len = image.len;
        bundle->supergraph_image.data = arena_alloc(a, image.len);
        memcpy(bundle->supergraph_image.data, image.data, image.len);
        bundle->supergraph_image_format = SG_CODEC_VERSION;
    } else {
        snprintf(stats->image_failure, sizeof stats->image_failure, "%s", errs.first->message);
    }
    arena_free(&check);
    sbuf_free(&image);
}

/* Serialises bundle, wraps it as an envelope into out, its hash into sha256. */
static void wrap(const Fedmesh__PlanBundle *bundle, sbuf *out, char sha256[WIRE_SHA256_HEX_SIZE])
{
    sbuf bytes;
    sbuf_init(&bytes);
    wire_bundle_encode(bundle, &bytes);
    wire_sha256_hex(bytes.data ? bytes.data : "", bytes.len, sha256);
    wire_envelope_encode(bundle->version, (const uint8_t *)(bytes.data ? bytes.data : ""),
                         bytes.len, out);
    sbuf_free(&bytes);
}

bool bundle_build(const bundle_spec *spec, sbuf *out, char sha256[WIRE_SHA256_HEX_SIZE],
                  bundle_stats *stats, char *err, size_t errlen)
{
    memset(stats, 0, sizeof *stats);
    arena a;
    arena_init(&a, 1 << 16);
    diag_list errs;
    diag_init(&errs, &a);
    const supergraph *sg = sg_load(&a, spec->supergraph, spec->supergraph_len, &errs);
    if (!sg) {
        snprintf(err, errlen, "the supergraph does not load: %s",
                 errs.first ? errs.first->message : "unknown error");
        arena_free(&a);
        return false;
    }
    Fedmesh__PlanBundle bundle;
    fedmesh__plan_bundle__init(&bundle);
    bundle.version = spec->version;
    bundle.created_unix_ms = spec->created_ms;
    bundle.supergraph_sdl = arena_strndup(&a, spec->supergraph, spec->supergraph_len);
    bundle.composed_from = (char *)spec->composed_from;
    fill_image(&a, sg, &bundle, stats);
    fill_subgraphs(&a, spec, &bundle);
    plan_all(&a, sg, spec, &bundle, stats);
    wrap(&bundle, out, sha256);
    arena_free(&a);
    return true;
}

/* The bundle inside an envelope, verified; NULL with err set. */
static Fedmesh__PlanBundle *open_envelope(arena *a, const uint8_t *envelope, size_t len, char *err,
                                          size_t errlen)
{
    wire_reason why;
    Fedmesh__BundleEnvelope *env = wire_envelope_decode(a, envelope, len, &why);
    Fedmesh__PlanBundle *bundle = env ? wire_envelope_open(a, env, &why) : NULL;
    if (!bundle) snprintf(err, errlen, "a kept bundle is damaged: %s", why.text);
    return bundle;
}

bool bundle_renumber(const uint8_t *envelope, size_t len, uint64_t version, uint64_t created_ms,
                     sbuf *out, char sha256[WIRE_SHA256_HEX_SIZE], char *err, size_t errlen)
{
    arena a;
    arena_init(&a, 0);
    Fedmesh__PlanBundle *bundle = open_envelope(&a, envelope, len, err, errlen);
    if (bundle) {
        bundle->version = version;
        bundle->created_unix_ms = created_ms;
        wrap(bundle, out, sha256);
    }
    arena_free(&a);
    return bundle != NULL;
}

bool bundle_read_facts(const uint8_t *envelope, size_t len, bundle_facts *out, char *err,
                       size_t errlen)
{
    memset(out, 0, sizeof *out);
    arena a;
    arena_init(&a, 0);
    wire_reason why;
    Fedmesh__BundleEnvelope *env = wire_envelope_decode(&a, envelope, len, &why);
    Fedmesh__PlanBundle *bundle = env ? wire_envelope_open(&a, env, &why) : NULL;
    if (!bundle) {
        snprintf(err, errlen, "a kept bundle is damaged: %s", why.text);
    } else {
        out->version = bundle->version;
        out->created_ms = bundle->created_unix_ms;
        snprintf(out->sha256, sizeof out->sha256, "%s", env->sha256);
        snprintf(out->composed_from, sizeof out->composed_from, "%s",
                 bundle->composed_from ? bundle->composed_from : "");
        out->supergraph = strdup(bundle->supergraph_sdl);
        out->supergraph_len = strlen(bundle->supergraph_sdl);
        out->nplans = (uint32_t)bundle->n_plans;
    }
    arena_free(&a);
    return bundle != NULL && out->supergraph;
}

/* ---- registered operation files ---- */

bool bundle_ops_of_document(arena *a, const char *text, size_t len, bundle_op **ops, uint32_t *n,
                            char *err, size_t errlen)
{
    parse_error perr;
    const ast_document *doc = parse_document(a, text, len, NULL, &perr);
    if (!doc) {
        snprintf(err, errlen, "%u:%u: %s", perr.loc.line, perr.loc.column, perr.message);
        return false;
    }
    uint32_t count = 0;
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        count += d->kind == AST_DEF_OPERATION;
    if (count == 0) {
        snprintf(err, errlen, "no operation in the file");
        return false;
    }
    const char *query = arena_strndup(a, text, len);
    *ops = ARENA_ARRAY(a, bundle_op, count + 1);
    *n = 0;
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_OPERATION) continue;
        if (!d->name && count > 1) {
            snprintf(err, errlen, "%u:%u: an anonymous operation must be the only one", d->loc.line,
                     d->loc.column);
            return false;
        }
        (*ops)[(*n)++] = (bundle_op){query, d->name ? d->name : ""};
    }
    if (count == 1 && *(*ops)[0].operation_name) (*ops)[(*n)++] = (bundle_op){query, ""};
    return true;
}
