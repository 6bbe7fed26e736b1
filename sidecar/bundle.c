/* bundle.c: loaded bundles, their reference counts, and the current-bundle
 * slot (see bundle.h). */
#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plan_codec.h"
#include "sg_codec.h"
#include "validate.h"
#include "wire.h"

/* Bundles loaded and not yet freed, process-wide. */
static atomic_size_t live_bundles;

size_t bundle_live_count(void)
{
    return atomic_load(&live_bundles);
}

const char *bundle_source_name(bundle_source s)
{
    switch (s) {
    case BUNDLE_SOURCE_STATIC:
        return "static";
    case BUNDLE_SOURCE_CONTROL_PLANE:
        return "control-plane";
    case BUNDLE_SOURCE_DISK:
        return "disk";
    }
    return "unknown";
}

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The first error of a failed load, on one line with its position. */
static void describe_first(sbuf *reason, const char *what, const diag_list *errs)
{
    const diag *e = errs->first;
    sbuf_puts(reason, what);
    if (!e) return;
    sbuf_puts(reason, ": ");
    if (e->nlocs) sbuf_printf(reason, "%u:%u: ", e->locs[0].line, e->locs[0].column);
    sbuf_puts(reason, e->message);
}

/* Routes name graphs the supergraph may not have (a subgraph removed since):
 * those are skipped. */
static void apply_routes(bundle *b, supergraph *sg, const bundle_input *in)
{
    for (size_t i = 0; i < in->nroutes; i++)
        for (uint32_t g = 0; g < sg->ngraphs; g++)
            if (strcmp(sg->graphs[g].name, in->routes[i].name) == 0)
                sg->graphs[g].url = arena_strdup(&b->arena, in->routes[i].url);
}

/* One precompiled plan, into the bundle's arena: what the sidecar would have
 * made itself for this operation, or false with the reason. */
static bool load_plan(bundle *b, size_t i, const bundle_plan_input *in, bundle_plan *out,
                      sbuf *reason)
{
    arena *a = &b->arena;
    diag_list errs;
    diag_init(&errs, a);
    out->query = arena_strndup(a, in->query, in->query_len);
    out->query_len = in->query_len;
    bool named = in->operation_name && *in->operation_name;
    out->operation_name = named ? arena_strdup(a, in->operation_name) : NULL;
    parse_error perr;
    out->doc = parse_document(a, out->query, out->query_len, NULL, &perr);
    if (!out->doc) {
        sbuf_printf(reason, "precompiled plan %zu does not parse: %u:%u: %s", i, perr.loc.line,
                    perr.loc.column, perr.message);
        return false;
    }
    char what[64];
    snprintf(what, sizeof what, "precompiled plan %zu does not validate", i);
    if (!validate_document(b->sg->api, out->doc, &errs)) {
        describe_first(reason, what, &errs);
        return false;
    }
    out->op = ast_find_operation(out->doc, out->operation_name);
    if (!out->op) {
        sbuf_printf(reason, "precompiled plan %zu names no operation of its query", i);
        return false;
    }
    out->plan = plan_decode(a, b->sg, in->plan, in->plan_len, &errs);
    if (!out->plan) {
        snprintf(what, sizeof what, "precompiled plan %zu does not decode", i);
        describe_first(reason, what, &errs);
        return false;
    }
    return true;
}

static bool load_plans(bundle *b, const bundle_input *in, sbuf *reason)
{
    bundle_plan *plans = ARENA_ARRAY(&b->arena, bundle_plan, in->nplans ? in->nplans : 1);
    for (size_t i = 0; i < in->nplans; i++)
        if (!load_plan(b, i, &in->plans[i], &plans[i], reason)) return false;
    b->plans = plans;
    b->nplans = in->nplans;
    return true;
}

/* The supergraph from its image when the format is known, else from SDL. */
static supergraph *load_supergraph(bundle *b, const bundle_input *in, sbuf *reason)
{
    diag_list errs;
    diag_init(&errs, &b->arena);
    b->from_image = in->image_len && in->image_format == SG_CODEC_VERSION;
    supergraph *sg = b->from_image ? sg_decode(&b->arena, in->image, in->image_len, &errs)
                                   : sg_load(&b->arena, in->sdl, in->sdl_len, &errs);
    if (!sg)
        describe_first(reason,
                       b->from_image ? "the supergraph image does not decode"
                                     : "the supergraph does not load",
                       &errs);
    return sg;
}

bundle *bundle_load(const bundle_input *in, sbuf *reason)
{
    /* The header is malloc'd, not in the arena: the supergraph keeps a
     * pointer to the arena it was loaded into, which must not move. */
    bundle *b = calloc(1, sizeof *b);
    if (!b) abort();
    arena_init(&b->arena, 1 << 16);
    supergraph *sg = load_supergraph(b, in, reason);
    if (sg) apply_routes(b, sg, in);
    b->sg = sg;
    if (!b->sg || !load_plans(b, in, reason)) {
        arena_free(&b->arena);
        free(b);
        return NULL;
    }
    b->version = in->version;
    if (in->sha256)
        snprintf(b->sha256, sizeof b->sha256, "%s", in->sha256);
    else
        wire_sha256_hex(in->sdl, in->sdl_len, b->sha256);
    b->loaded_at_ms = wall_ms();
    b->source = in->source;
    atomic_init(&b->refs, 1);
    atomic_fetch_add(&live_bundles, 1);
    return b;
}

void bundle_retain(bundle *b)
{
    atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
}

void bundle_release(bundle *b)
{
    if (!b || atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) != 1) return;
    arena_free(&b->arena);
    free(b);
    atomic_fetch_sub(&live_bundles, 1);
}

void bundle_slot_init(bundle_slot *s)
{
    atomic_init(&s->current, NULL);
    atomic_init(&s->swaps, 0);
    pthread_mutex_init(&s->lock, NULL);
}

void bundle_slot_destroy(bundle_slot *s)
{
    bundle_release(atomic_exchange(&s->current, NULL));
    pthread_mutex_destroy(&s->lock);
}

void bundle_slot_set(bundle_slot *s, bundle *b)
{
    pthread_mutex_lock(&s->lock);
    bundle *old = atomic_exchange(&s->current, b);
    pthread_mutex_unlock(&s->lock);
    if (old) atomic_fetch_add(&s->swaps, 1);
    /* Anyone who read `old` from the slot did so under the lock and holds
     * a reference by now. */
    bundle_release(old);
}

bundle *bundle_slot_acquire(bundle_slot *s)
{
    pthread_mutex_lock(&s->lock);
    bundle *b = atomic_load(&s->current);
    if (b) bundle_retain(b);
    pthread_mutex_unlock(&s->lock);
    return b;
}

const bundle *bundle_slot_peek(bundle_slot *s)
{
    return atomic_load_explicit(&s->current, memory_order_acquire);
}
