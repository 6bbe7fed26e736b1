/* usage.h: how often each operation is served across the fleet, summed
 * from the sidecars' usage frames (each frame's counts are the operations
 * served since that sidecar's previous frame). The most used ones are
 * precompiled into the next bundle, so a new version starts with their plans
 * ready. Bounded: past USAGE_MAX_OPS distinct operations, the least used one
 * makes room; operations longer than USAGE_MAX_QUERY_BYTES are not kept. */
#ifndef CP_USAGE_H
#define CP_USAGE_H

#include <stddef.h>
#include <stdint.h>

#define USAGE_MAX_OPS 4096
#define USAGE_MAX_QUERY_BYTES (64u << 10)

typedef struct usage_op {
    char *query;          /* owned, exact text as clients send it */
    char *operation_name; /* owned; "" when none */
    uint64_t count;
    uint32_t hash;
} usage_op;

typedef struct usage {
    usage_op *ops;
    uint32_t n, cap;
    uint64_t dropped; /* reports not kept: too long */
} usage;

void usage_init(usage *u);
void usage_free(usage *u);

/* Adds count uses of (query, operation_name); operation_name NULL = none. */
void usage_add(usage *u, const char *query, size_t query_len, const char *operation_name,
               uint64_t count);

/* The n most used operations, most used first (ties by text, so the order is
 * stable): fills out[] with pointers into u and returns how many. */
uint32_t usage_top(const usage *u, uint32_t n, const usage_op **out);

#endif
