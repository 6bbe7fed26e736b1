/* usage.h: how often each operation was served, for the usage frames the
 * control plane compiles its precompiled plans from (docs/MESH.md).
 *
 * Counting costs the request path no lock: each worker counts into a map of
 * its own and, about once a second, hands the filled map over through an
 * atomic pointer (usage_box) and starts a new one; the control-plane thread
 * takes what is in each box, merges, and reports the top operations. A map
 * holds at most USAGE_MAX_OPS distinct operations; further new ones are not
 * counted until the next map, so a client sending endless distinct queries
 * costs bounded memory. */
#ifndef FM_USAGE_H
#define FM_USAGE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define USAGE_MAX_OPS 1024

typedef struct usage_op {
    uint64_t hash; /* the plan cache's key hash of (query, operation name) */
    const char *query;
    size_t query_len;
    const char *operation_name; /* NULL when none */
    uint64_t count;
} usage_op;

typedef struct usage_map usage_map;

usage_map *usage_new(void);
void usage_free(usage_map *m); /* NULL is ignored */
/* Adds n to the operation's count (copying its text the first time). */
void usage_count(usage_map *m, uint64_t hash, const char *query, size_t len,
                 const char *operation_name, uint64_t n);
/* Adds every count of src into dst. */
void usage_merge(usage_map *dst, const usage_map *src);
/* The distinct operations counted. */
size_t usage_size(const usage_map *m);
/* Up to max operations, most served first (ties: by hash, so the order is
 * stable), into out; their strings belong to the map. Returns how many. */
size_t usage_top(const usage_map *m, usage_op *out, size_t max);

/* One worker's mailbox: the worker puts a full map in when the box is
 * empty; the control-plane thread takes it. */
typedef struct usage_box {
    _Atomic(usage_map *) map;
} usage_box;

/* Hands `m` over unless the last one is still there; true when taken (the
 * caller starts a new map), false when the caller keeps counting into m. */
bool usage_box_put(usage_box *b, usage_map *m);
/* The map in the box (the caller frees it), or NULL. */
usage_map *usage_box_take(usage_box *b);

#endif
