/* diag.h: error and hint lists with source locations, shared by the parser,
 * the schema builder, validation, supergraph loading and composition.
 * Messages live in the list's arena. */
#ifndef FM_DIAG_H
#define FM_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct src_loc {
    uint32_t line;   /* 1-based; 0 = unknown */
    uint32_t column; /* 1-based */
} src_loc;

#define DIAG_MAX_LOCS 4

typedef struct diag {
    const char *message;
    const char *code;   /* e.g. "INVALID_FIELD_SHARING"; NULL when there is none */
    const char *source; /* the subgraph the locations are in (composition); NULL = none */
    src_loc locs[DIAG_MAX_LOCS];
    uint32_t nlocs;
    struct diag *next;
} diag;

typedef struct diag_list {
    arena *arena;
    diag *first, *last;
    size_t count;
    size_t limit; /* stop recording after this many (0 = 100) */
} diag_list;

void diag_init(diag_list *d, arena *a);
/* Adds a message; loc may be {0,0}. Returns the entry (NULL past the limit). */
diag *diag_add(diag_list *d, src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a further location to an entry (ignored past DIAG_MAX_LOCS). */
void diag_loc(diag *e, src_loc loc);
/* Names the document (a subgraph) the entry's locations point into; e may be NULL. */
void diag_source(diag *e, const char *source);

/* The list records no more: further diag_add calls only count. Lets costly
 * messages (suggestions) be skipped once nobody will read them. */
bool diag_full(const diag_list *d);

#endif
