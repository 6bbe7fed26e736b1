/* usage.c: operation counts (see usage.h): an open-addressing table keyed
 * by the plan cache's hash, its strings in the map's arena. */
#include "usage.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define USAGE_SLOTS (USAGE_MAX_OPS * 2) /* power of two, at most half full */

struct usage_map {
    arena arena;
    usage_op slots[USAGE_SLOTS]; /* count 0: empty */
    size_t size;
};

usage_map *usage_new(void)
{
    usage_map *m = calloc(1, sizeof *m);
    if (!m) abort();
    arena_init(&m->arena, 4096);
    return m;
}

void usage_free(usage_map *m)
{
    if (!m) return;
    arena_free(&m->arena);
    free(m);
}

static bool same_op(const usage_op *op, uint64_t hash, const char *query, size_t len,
                    const char *operation_name)
{
    if (op->hash != hash || op->query_len != len || memcmp(op->query, query, len) != 0)
        return false;
    if (!op->operation_name || !operation_name) return op->operation_name == operation_name;
    return strcmp(op->operation_name, operation_name) == 0;
}

void usage_count(usage_map *m, uint64_t hash, const char *query, size_t len,
                 const char *operation_name, uint64_t n)
{
    for (size_t i = hash & (USAGE_SLOTS - 1);; i = (i + 1) & (USAGE_SLOTS - 1)) {
        usage_op *op = &m->slots[i];
        if (op->count && same_op(op, hash, query, len, operation_name)) {
            op->count += n;
            return;
        }
        if (op->count) continue;
        if (m->size == USAGE_MAX_OPS || n == 0) return;
        *op = (usage_op){.hash = hash,
                         .query = arena_strndup(&m->arena, query, len),
                         .query_len = len,
                         .operation_name =
                             operation_name ? arena_strdup(&m->arena, operation_name) : NULL,
                         .count = n};
        m->size++;
        return;
    }
}

void usage_merge(usage_map *dst, const usage_map *src)
{
    for (size_t i = 0; i < USAGE_SLOTS; i++) {
        const usage_op *op = &src->slots[i];
        if (op->count)
            usage_count(dst, op->hash, op->query, op->query_len, op->operation_name, op->count);
    }
}

size_t usage_size(const usage_map *m)
{
    return m->size;
}

static int by_count_desc(const void *pa, const void *pb)
{
    const usage_op *a = pa, *b = pb;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return a->hash < b->hash ? -1 : a->hash > b->hash;
}

size_t usage_top(const usage_map *m, usage_op *out, size_t max)
{
    usage_op *all = malloc(sizeof *all * (m->size ? m->size : 1));
    if (!all) abort();
    size_t n = 0;
    for (size_t i = 0; i < USAGE_SLOTS; i++)
        if (m->slots[i].count) all[n++] = m->slots[i];
    qsort(all, n, sizeof *all, by_count_desc);
    if (n > max) n = max;
    memcpy(out, all, sizeof *all * n);
    free(all);
    return n;
}

bool usage_box_put(usage_box *b, usage_map *m)
{
    usage_map *empty = NULL;
    return atomic_compare_exchange_strong(&b->map, &empty, m);
}

usage_map *usage_box_take(usage_box *b)
{
    return atomic_exchange(&b->map, NULL);
}
