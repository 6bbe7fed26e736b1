/* pairmap.h: a hash map keyed by an ordered pair of pointers, with an
 * integer value, living in an arena: memo tables keyed by two nodes (the
 * overlap rule's compared fragment pairs and collected selection sets). */
#ifndef FM_PAIRMAP_H
#define FM_PAIRMAP_H

#include <stdint.h>

#include "arena.h"

typedef struct pairmap_slot {
    const void *a, *b;
    uintptr_t value;
} pairmap_slot;

typedef struct pairmap {
    arena *arena;
    pairmap_slot *slots;
    uint32_t cap, count; /* cap: 0 or a power of two */
} pairmap;

void pairmap_init(pairmap *m, arena *a);
/* The value stored for (a, b), or 0 when there is none. a must not be NULL. */
uintptr_t pairmap_get(const pairmap *m, const void *a, const void *b);
/* Inserts or replaces the value for (a, b). a must not be NULL. */
void pairmap_put(pairmap *m, const void *a, const void *b, uintptr_t value);

#endif
