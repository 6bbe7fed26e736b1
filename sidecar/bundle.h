/* bundle.h: a loaded plan bundle: the supergraph the sidecar serves, where
 * it came from (version, SHA-256, load time, source) and the plans compiled
 * ahead of time for it, all in one arena the bundle owns.
 *
 * Lifetime: a bundle is reference counted (atomically: workers, requests in
 * flight and the control-plane thread hold references on different
 * threads). Plan cache entries and executor jobs point into the bundle's
 * supergraph, so every request holds a reference for its whole life; the
 * last release frees the arena. A bundle is read-only once loaded.
 *
 * The slot is "the current bundle" of a sidecar: an atomic pointer workers
 * compare against theirs at the top of their loop (no lock on the request
 * path); taking a reference on what it points to, and replacing it, take a
 * mutex, so a bundle is never freed between being read from the slot and
 * being retained. */
#ifndef FM_BUNDLE_H
#define FM_BUNDLE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "parser.h"
#include "plan.h"
#include "sbuf.h"
#include "supergraph.h"
#include "wire.h"

typedef enum bundle_source {
    BUNDLE_SOURCE_STATIC,        /* --supergraph FILE */
    BUNDLE_SOURCE_CONTROL_PLANE, /* fetched or announced */
    BUNDLE_SOURCE_DISK,          /* --state-dir, the control plane not reachable at start */
} bundle_source;

/* "static", "control-plane", "disk": the names /admin/version uses. */
const char *bundle_source_name(bundle_source s);

/* An operation planned ahead of time, ready to seed a plan cache. */
typedef struct bundle_plan {
    const char *query;
    size_t query_len;
    const char *operation_name; /* NULL when none */
    const ast_document *doc;
    const ast_definition *op;
    plan *plan; /* read-only, like every plan once made */
} bundle_plan;

typedef struct bundle {
    arena arena; /* owns everything the bundle points to */
    const supergraph *sg;
    uint64_t version;                  /* 0 in static mode */
    char sha256[WIRE_SHA256_HEX_SIZE]; /* lowercase hex; of the PlanBundle, or of the file in static
                                          mode */
    int64_t loaded_at_ms;              /* wall clock */
    bundle_source source;
    bool from_image; /* the supergraph was decoded from the bundle's image, not parsed */
    const bundle_plan *plans;
    size_t nplans;
    atomic_uint refs;
} bundle;

/* --local-subgraph NAME=URL: the requests for subgraph NAME go to URL (the
 * service beside the sidecar, over loopback) instead of its routing URL. */
typedef struct bundle_route {
    const char *name;
    const char *url;
} bundle_route;

/* A precompiled plan as it arrives: the operation, and its plan in
 * planner/plan_codec.h's encoding. */
typedef struct bundle_plan_input {
    const char *query;
    size_t query_len;
    const char *operation_name; /* NULL or "" when none */
    const uint8_t *plan;
    size_t plan_len;
} bundle_plan_input;

/* What a bundle is loaded from. The strings are copied. */
typedef struct bundle_input {
    uint64_t version;
    const char *sha256; /* NULL: computed from the SDL (static mode) */
    const char *sdl;
    size_t sdl_len;
    /* The supergraph's image (planner/sg_codec.h) and its format version: used
     * instead of the SDL when the format is SG_CODEC_VERSION. NULL / 0: none. */
    const uint8_t *image;
    size_t image_len;
    uint32_t image_format;
    const bundle_route *routes; /* applied to the graphs the supergraph has */
    size_t nroutes;
    const bundle_plan_input *plans;
    size_t nplans;
    bundle_source source;
} bundle_input;

/* Loads the supergraph (decodes its image when there is one in a format this
 * sidecar knows, else parses the SDL; an image that does not decode is a
 * rejection, not a reason to fall back), points the routed graphs at their
 * URLs, and checks every precompiled plan against it: its operation parses
 * and validates against the API schema, and the plan decodes against the
 * supergraph. A bundle with one reference, or NULL with the reason in
 * `reason` (one line, as a rejection carries it). */
bundle *bundle_load(const bundle_input *in, sbuf *reason);

void bundle_retain(bundle *b);
/* Bundles loaded and not freed yet in this process: the current one plus
 * old ones that requests in flight still hold (for /metrics and tests). */
size_t bundle_live_count(void);
/* Drops a reference; the last one frees the bundle. NULL is ignored. */
void bundle_release(bundle *b);

typedef struct bundle_slot {
    _Atomic(bundle *) current;
    pthread_mutex_t lock;
    atomic_uint_fast64_t swaps; /* bundles set after the first */
} bundle_slot;

void bundle_slot_init(bundle_slot *s);
/* Releases the current bundle. */
void bundle_slot_destroy(bundle_slot *s);
/* Makes `b` current, taking over the caller's reference, and releases the
 * previous one (requests and workers holding it keep it alive). */
void bundle_slot_set(bundle_slot *s, bundle *b);
/* A new reference to the current bundle, or NULL when none is loaded. */
bundle *bundle_slot_acquire(bundle_slot *s);
/* The current bundle's address, for comparing only (no reference taken). */
const bundle *bundle_slot_peek(bundle_slot *s);

#endif
