/* arena.c: chunked bump allocator (see arena.h). */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_CHUNK 4096
#define ARENA_MAX_CHUNK (1u << 20)

struct arena_chunk {
    arena_chunk *prev;
    size_t used;
    size_t cap;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fputs("fedmesh: out of memory\n", stderr);
        abort();
    }
    return p;
}

void arena_init(arena *a, size_t first_chunk)
{
    a->head = NULL;
    a->chunk_size = first_chunk ? first_chunk : ARENA_DEFAULT_CHUNK;
    a->total = 0;
}

void arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    a->head = NULL;
    a->total = 0;
}

void arena_reset(arena *a)
{
    arena_chunk *c = a->head;
    if (!c) return;
    while (c->prev) {
        arena_chunk *prev = c->prev;
        a->total -= sizeof(*c) + c->cap;
        free(c);
        c = prev;
    }
    c->used = 0;
    a->head = c;
}

static arena_chunk *arena_grow(arena *a, size_t need)
{
    size_t cap = a->chunk_size;
    if (cap < need) cap = need;
    arena_chunk *c = xmalloc(sizeof(*c) + cap);
    c->prev = a->head;
    c->used = 0;
    c->cap = cap;
    a->head = c;
    a->total += sizeof(*c) + cap;
    if (a->chunk_size < ARENA_MAX_CHUNK) a->chunk_size *= 2;
    return c;
}

void *arena_alloc(arena *a, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0) size = ARENA_ALIGN;
    arena_chunk *c = a->head;
    if (!c || c->cap - c->used < size) c = arena_grow(a, size);
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

void *arena_zalloc(arena *a, size_t size)
{
    void *p = arena_alloc(a, size);
    memset(p, 0, size);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_sprintf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
