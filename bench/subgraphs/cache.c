/* cache.c: the document cache (see cache.h). Each entry owns an arena that
 * holds its copy of the text, the syntax tree and the error response. */
#include "cache.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "parser.h"
#include "sbuf.h"
#include "strmap.h"

/* Bounds the parser's work on any one text. */
#define BCACHE_MAX_TOKENS 200000

struct bcache_entry {
    arena *arena; /* NULL: empty slot */
    const char *text;
    uint32_t len;
    uint32_t hash;
    bcache_doc doc;
};

void bcache_init(bcache *c, const bmodel *m, uint32_t limit)
{
    uint32_t cap = 16;
    while (cap < limit * 2)
        cap *= 2;
    c->model = m;
    pthread_rwlock_init(&c->lock, NULL);
    c->slots = calloc(cap, sizeof(bcache_entry));
    if (!c->slots) abort();
    c->mask = cap - 1;
    c->count = 0;
    c->limit = limit;
}

void bcache_free(bcache *c)
{
    for (uint32_t i = 0; i <= c->mask; i++) {
        if (!c->slots[i].arena) continue;
        arena_free(c->slots[i].arena);
        free(c->slots[i].arena);
    }
    free(c->slots);
    pthread_rwlock_destroy(&c->lock);
}

static char *bcache_copy(arena *a, const sbuf *b)
{
    return arena_strndup(a, b->data, b->len);
}

bcache_doc bcache_compile(const bmodel *m, const char *text, size_t len, arena *a)
{
    bcache_doc out = {NULL, NULL, 0};
    parse_options opts = {0, BCACHE_MAX_TOKENS};
    parse_error err;
    sbuf errors;
    sbuf_init(&errors);
    const ast_document *doc = parse_document(a, text, len, &opts, &err);
    if (!doc) {
        sbuf_puts(&errors, "{\"errors\":[{\"message\":");
        sbuf_json_string(&errors, err.message, strlen(err.message));
        sbuf_puts(&errors, "}]}");
    } else if (bcheck_document(m, doc, &errors)) {
        out.doc = doc;
    }
    if (!out.doc) {
        out.errors = bcache_copy(a, &errors);
        out.errors_len = (uint32_t)errors.len;
    }
    sbuf_free(&errors);
    return out;
}

/* The slot holding text, or the empty slot where it belongs. Caller holds the lock. */
static bcache_entry *bcache_slot(bcache *c, const char *text, size_t len, uint32_t hash)
{
    for (uint32_t i = hash & c->mask;; i = (i + 1) & c->mask) {
        bcache_entry *e = &c->slots[i];
        if (!e->arena) return e;
        if (e->hash == hash && e->len == len && memcmp(e->text, text, len) == 0) return e;
    }
}

bcache_doc bcache_get(bcache *c, const char *text, size_t len, arena *request_arena)
{
    uint32_t hash = strmap_hash(text, len);
    pthread_rwlock_rdlock(&c->lock);
    const bcache_entry *hit = bcache_slot(c, text, len, hash);
    bcache_doc doc = hit->doc;
    bool found = hit->arena != NULL, full = c->count >= c->limit;
    pthread_rwlock_unlock(&c->lock);
    if (found) return doc;
    if (full || len > BCACHE_MAX_TEXT) return bcache_compile(c->model, text, len, request_arena);

    /* Compiled outside the lock; a thread that lost the race frees its copy. */
    arena *a = malloc(sizeof(arena));
    if (!a) abort();
    arena_init(a, 0);
    const char *copy = arena_strndup(a, text, len);
    doc = bcache_compile(c->model, copy, len, a);
    pthread_rwlock_wrlock(&c->lock);
    bcache_entry *e = bcache_slot(c, text, len, hash);
    bool stored = false, raced = e->arena != NULL;
    if (raced) {
        doc = e->doc;
    } else if (c->count < c->limit) {
        *e = (bcache_entry){a, copy, (uint32_t)len, hash, doc};
        c->count++;
        stored = true;
    }
    pthread_rwlock_unlock(&c->lock);
    if (stored) return doc;
    arena_free(a);
    free(a);
    /* Filled up meanwhile: the document must outlive this call, so it goes to request_arena. */
    return raced ? doc : bcache_compile(c->model, text, len, request_arena);
}
