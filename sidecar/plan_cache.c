/* plan_cache.c: per-worker LRU of planned operations (see plan_cache.h). */
#include "plan_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLAN_CACHE_BUCKETS 4096 /* power of two */

struct plan_cache {
    plan_entry *buckets[PLAN_CACHE_BUCKETS];
    plan_entry *lru_head, *lru_tail; /* head: most recently used */
    size_t max_bytes;
    plan_cache_stats stats;
};

static uint64_t key_hash(const char *query, size_t len, const char *op_name)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a, 64 bit */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)query[i]) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
    for (const char *p = op_name; p && *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ull;
    return h;
}

plan_cache *plan_cache_new(size_t max_bytes)
{
    plan_cache *c = calloc(1, sizeof *c);
    if (!c) abort();
    c->max_bytes = max_bytes;
    return c;
}

static void entry_destroy(plan_entry *e)
{
    arena a = e->arena; /* the entry itself lives in its arena */
    arena_free(&a);
}

void plan_entry_release(plan_entry *e)
{
    if (e && --e->refs == 0) entry_destroy(e);
}

plan_entry *plan_entry_new(const char *query, size_t len, const char *op_name)
{
    arena a;
    arena_init(&a, 4096);
    plan_entry *e = ARENA_NEW(&a, plan_entry);
    e->query = arena_strndup(&a, query, len);
    e->query_len = len;
    e->operation_name = op_name ? arena_strdup(&a, op_name) : NULL;
    e->hash = key_hash(query, len, op_name);
    e->refs = 1;
    e->arena = a;
    return e;
}

static bool same_key(const plan_entry *e, uint64_t h, const char *query, size_t len,
                     const char *op_name)
{
    if (e->hash != h || e->query_len != len || memcmp(e->query, query, len) != 0) return false;
    if (!e->operation_name || !op_name) return e->operation_name == op_name;
    return strcmp(e->operation_name, op_name) == 0;
}

static void lru_unlink(plan_cache *c, plan_entry *e)
{
    if (e->lru_prev) e->lru_prev->lru_next = e->lru_next;
    else c->lru_head = e->lru_next;
    if (e->lru_next) e->lru_next->lru_prev = e->lru_prev;
    else c->lru_tail = e->lru_prev;
    e->lru_prev = e->lru_next = NULL;
}

static void lru_push_front(plan_cache *c, plan_entry *e)
{
    e->lru_prev = NULL;
    e->lru_next = c->lru_head;
    if (c->lru_head) c->lru_head->lru_prev = e;
    c->lru_head = e;
    if (!c->lru_tail) c->lru_tail = e;
}

plan_entry *plan_cache_get(plan_cache *c, const char *query, size_t len, const char *op_name)
{
    uint64_t h = key_hash(query, len, op_name);
    for (plan_entry *e = c->buckets[h & (PLAN_CACHE_BUCKETS - 1)]; e; e = e->bucket_next) {
        if (!same_key(e, h, query, len, op_name)) continue;
        lru_unlink(c, e);
        lru_push_front(c, e);
        e->refs++;
        c->stats.hits++;
        return e;
    }
    c->stats.misses++;
    return NULL;
}

static void evict(plan_cache *c, plan_entry *e)
{
    plan_entry **p = &c->buckets[e->hash & (PLAN_CACHE_BUCKETS - 1)];
    while (*p != e) p = &(*p)->bucket_next;
    *p = e->bucket_next;
    lru_unlink(c, e);
    e->cached = 0;
    c->stats.bytes -= e->arena.total;
    c->stats.entries--;
    c->stats.evictions++;
    plan_entry_release(e);
}

void plan_cache_put(plan_cache *c, plan_entry *e)
{
    plan_entry **bucket = &c->buckets[e->hash & (PLAN_CACHE_BUCKETS - 1)];
    e->bucket_next = *bucket;
    *bucket = e;
    lru_push_front(c, e);
    e->refs++;
    e->cached = 1;
    c->stats.bytes += e->arena.total;
    c->stats.entries++;
    /* Never evict the entry just added, even when it alone is over the bound. */
    while (c->stats.bytes > c->max_bytes && c->lru_tail != e) evict(c, c->lru_tail);
}

void plan_cache_free(plan_cache *c)
{
    if (!c) return;
    while (c->lru_tail) evict(c, c->lru_tail);
    free(c);
}

plan_cache_stats plan_cache_get_stats(const plan_cache *c)
{
    return c->stats;
}
