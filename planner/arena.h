/* arena.h: bump allocator. Everything a parse, a schema or a request
 * allocates lives in one arena and is released at once with arena_free();
 * nothing inside is freed individually. */
#ifndef FM_ARENA_H
#define FM_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;  /* chunk being filled */
    size_t chunk_size;  /* size of the next ordinary chunk */
    size_t total;       /* bytes obtained from malloc, for accounting */
} arena;

/* Prepares an empty arena; first_chunk 0 picks a default (4 KiB). */
void arena_init(arena *a, size_t first_chunk);
/* Releases every chunk; the arena may be reused after arena_init. */
void arena_free(arena *a);
/* Keeps the first chunk, drops the rest: cheap reuse between requests. */
void arena_reset(arena *a);

/* 16-byte aligned memory, uninitialised. Aborts on out-of-memory. */
void *arena_alloc(arena *a, size_t size);
void *arena_zalloc(arena *a, size_t size);
/* NUL-terminated copy of s[0..len). */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
/* printf into the arena. */
char *arena_sprintf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define ARENA_NEW(a, T) ((T *)arena_zalloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_zalloc((a), sizeof(T) * (size_t)(n)))

#endif
