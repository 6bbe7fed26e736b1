/* plan_cache.h: operations already parsed, validated and planned, so a
 * repeated operation is never parsed, validated or planned again. One cache
 * per worker thread (no locks). Keyed by the exact query text and the
 * operation name; bounded by the bytes its entries' arenas hold, least
 * recently used out first. An entry in use by a request in flight stays
 * alive until released, even when evicted. */
#ifndef FM_PLAN_CACHE_H
#define FM_PLAN_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "plan.h"

typedef struct plan_entry plan_entry;

struct plan_entry {
    arena arena; /* owns everything below */
    const char *query;
    size_t query_len;
    const char *operation_name; /* NULL when none was given */
    uint64_t hash;
    const ast_document *doc;
    const ast_definition *op;
    plan *plan;
    /* cache bookkeeping */
    uint32_t refs;
    int cached; /* still in the cache (not evicted) */
    plan_entry *lru_prev, *lru_next, *bucket_next;
};

typedef struct plan_cache plan_cache;

plan_cache *plan_cache_new(size_t max_bytes);
void plan_cache_free(plan_cache *c); /* NULL is ignored */

/* A cached entry with a reference taken, or NULL. */
plan_entry *plan_cache_get(plan_cache *c, const char *query, size_t len, const char *op_name);
/* A new entry (one reference) holding copies of query and op_name in its
 * arena; the caller fills doc, op and plan, then plan_cache_put()s it or
 * releases it. */
plan_entry *plan_entry_new(const char *query, size_t len, const char *op_name);
/* Inserts (the cache takes its own reference) and evicts down to the bound. */
void plan_cache_put(plan_cache *c, plan_entry *e);
void plan_entry_release(plan_entry *e);

/* Statistics, for tests and /metrics. */
typedef struct plan_cache_stats {
    uint64_t hits, misses, evictions;
    size_t bytes;
    uint32_t entries;
} plan_cache_stats;
plan_cache_stats plan_cache_get_stats(const plan_cache *c);

#endif
