/* cache.h: parsed and checked query documents, by query text. Gateways send
 * the same few operations over and over, so each distinct text is parsed and
 * checked once. The cache is bounded (entries and text size); past the bound a
 * text is parsed into the caller's arena on every request instead. Entries
 * are never evicted, so a document handed out stays valid without holding a
 * lock. Safe to use from any number of threads. */
#ifndef BENCH_CACHE_H
#define BENCH_CACHE_H

#include <pthread.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "model.h"

/* Texts longer than this are not cached. */
#define BCACHE_MAX_TEXT (256u << 10)

typedef struct bcache_doc {
    const ast_document *doc; /* NULL when the text did not parse or check */
    const char *errors;      /* then the complete error response, {"errors":[...]} */
    uint32_t errors_len;
} bcache_doc;

typedef struct bcache_entry bcache_entry;

typedef struct bcache {
    const bmodel *model;
    pthread_rwlock_t lock;
    bcache_entry *slots; /* open addressing, 2 * limit slots */
    uint32_t mask;
    uint32_t count, limit;
} bcache;

void bcache_init(bcache *c, const bmodel *m, uint32_t limit);
void bcache_free(bcache *c);

/* The document for text[0..len): from the cache, else parsed and checked now
 * (into the cache when it has room, else into request_arena). */
bcache_doc bcache_get(bcache *c, const char *text, size_t len, arena *request_arena);

/* Parses and checks text into arena a, without any caching. */
bcache_doc bcache_compile(const bmodel *m, const char *text, size_t len, arena *a);

#endif
