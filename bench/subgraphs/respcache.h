/* respcache.h: whole responses by request body. The data never changes, so
 * a subgraph's answer is a function of the body alone, and gateways repeat
 * the same few bodies for every benchmark query: serving them from memory
 * leaves the subgraphs' cost at little more than the HTTP exchange. Bounded
 * (entries, bytes); entries are never evicted, so a cached response stays
 * valid (and can be sent without copying) until brc_free. Thread-safe. */
#ifndef BENCH_RESPCACHE_H
#define BENCH_RESPCACHE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bodies and responses larger than this are not cached. */
#define BRC_MAX_ITEM (4u << 20)

typedef struct brc_entry brc_entry;

typedef struct brc {
    pthread_rwlock_t lock;
    brc_entry *slots; /* open addressing, 2 * limit slots */
    uint32_t mask;
    uint32_t count, limit;
    size_t bytes, max_bytes;
} brc;

void brc_init(brc *c, uint32_t limit, size_t max_bytes);
void brc_free(brc *c);

/* The cached response for body[0..len): true with *response set, or false. */
bool brc_get(brc *c, const char *body, size_t len, const char **response, size_t *response_len);
/* Remembers a response while the cache has room; a no-op otherwise. */
void brc_put(brc *c, const char *body, size_t len, const char *response, size_t response_len);

#endif
