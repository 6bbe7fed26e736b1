/* respcache.c: the response cache (see respcache.h). Each entry is one
 * malloc block holding the body and then the response. */
#include "respcache.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"

struct brc_entry {
    char *body; /* NULL: empty slot; the block also holds the response */
    uint32_t body_len;
    uint32_t hash;
    const char *response;
    size_t response_len;
};

void brc_init(brc *c, uint32_t limit, size_t max_bytes)
{
    uint32_t cap = 16;
    while (cap < limit * 2)
        cap *= 2;
    pthread_rwlock_init(&c->lock, NULL);
    c->slots = calloc(cap, sizeof(brc_entry));
    if (!c->slots) abort();
    c->mask = cap - 1;
    c->count = 0;
    c->limit = limit;
    c->bytes = 0;
    c->max_bytes = max_bytes;
}

void brc_free(brc *c)
{
    for (uint32_t i = 0; i <= c->mask; i++)
        free(c->slots[i].body);
    free(c->slots);
    pthread_rwlock_destroy(&c->lock);
}

/* The slot holding body, or the empty slot where it belongs. Caller holds the lock. */
static brc_entry *brc_slot(brc *c, const char *body, size_t len, uint32_t hash)
{
    for (uint32_t i = hash & c->mask;; i = (i + 1) & c->mask) {
        brc_entry *e = &c->slots[i];
        if (!e->body) return e;
        if (e->hash == hash && e->body_len == len && memcmp(e->body, body, len) == 0) return e;
    }
}

bool brc_get(brc *c, const char *body, size_t len, const char **response, size_t *response_len)
{
    if (len > BRC_MAX_ITEM) return false;
    uint32_t hash = strmap_hash(body, len);
    pthread_rwlock_rdlock(&c->lock);
    const brc_entry *e = brc_slot(c, body, len, hash);
    bool found = e->body != NULL;
    if (found) {
        *response = e->response;
        *response_len = e->response_len;
    }
    pthread_rwlock_unlock(&c->lock);
    return found;
}

void brc_put(brc *c, const char *body, size_t len, const char *response, size_t response_len)
{
    if (len > BRC_MAX_ITEM || response_len > BRC_MAX_ITEM) return;
    uint32_t hash = strmap_hash(body, len);
    pthread_rwlock_wrlock(&c->lock);
    brc_entry *e = brc_slot(c, body, len, hash);
    size_t size = len + response_len;
    if (!e->body && c->count < c->limit && c->bytes + size <= c->max_bytes) {
        char *block = malloc(size ? size : 1);
        if (!block) abort();
        memcpy(block, body, len);
        memcpy(block + len, response, response_len);
        *e = (brc_entry){block, (uint32_t)len, hash, block + len, response_len};
        c->count++;
        c->bytes += size;
    }
    pthread_rwlock_unlock(&c->lock);
}
