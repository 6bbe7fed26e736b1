/* bundle.c: loaded bundles, their reference counts, and the current-bundle
 * slot (see bundle.h). */
#include "bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

bundle *bundle_load(const bundle_input *in, sbuf *reason)
{
    /* The header is malloc'd, not in the arena: the supergraph keeps a
     * pointer to the arena it was loaded into, which must not move. */
    bundle *b = calloc(1, sizeof *b);
    if (!b) abort();
    arena_init(&b->arena, 1 << 16);
    diag_list errs;
    diag_init(&errs, &b->arena);
    b->sg = sg_load(&b->arena, in->sdl, in->sdl_len, &errs);
    if (!b->sg) {
        describe_first(reason, "the supergraph does not load", &errs);
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
