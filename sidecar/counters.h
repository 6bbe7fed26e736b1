/* counters.h: what the admin endpoint reports (/metrics, /admin/version):
 * each worker's counters, and the control-plane client's. Each has one
 * writer thread and is read by the admin thread, so they are relaxed
 * atomics: no ordering is needed, only untorn values. */
#ifndef FM_COUNTERS_H
#define FM_COUNTERS_H

#include <stdatomic.h>
#include <stdint.h>

typedef struct worker_counters {
    atomic_uint_fast64_t requests;    /* GraphQL requests answered */
    atomic_uint_fast64_t errors;      /* of which with an HTTP status >= 400 */
    atomic_uint_fast64_t plan_hits;   /* operations found in the plan cache */
    atomic_uint_fast64_t plan_misses; /* operations parsed, validated and planned */
} worker_counters;

/* Written by the control-plane client (sidecar/cpclient.c). */
typedef struct mesh_counters {
    atomic_int_fast64_t last_contact_ms; /* wall clock of the last reply, 0 = never */
    atomic_uint_fast64_t rejections;     /* bundles refused */
    atomic_uint_fast64_t fetch_failures; /* fetches the control plane did not answer */
} mesh_counters;

static inline void counter_inc(atomic_uint_fast64_t *c)
{
    atomic_fetch_add_explicit(c, 1, memory_order_relaxed);
}

static inline uint64_t counter_get(const atomic_uint_fast64_t *c)
{
    return atomic_load_explicit(c, memory_order_relaxed);
}

#endif
