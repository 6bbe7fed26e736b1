/* strmap.h: string-keyed hash map (open addressing) whose table lives in an
 * arena. Keys are not copied: they must outlive the map (arena strings do). */
#ifndef FM_STRMAP_H
#define FM_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct strmap_slot {
    const char *key;
    uint32_t hash;
    void *value;
} strmap_slot;

typedef struct strmap {
    arena *arena;
    strmap_slot *slots;
    uint32_t cap; /* power of two */
    uint32_t count;
} strmap;

void strmap_init(strmap *m, arena *a, uint32_t expected);
/* NULL when absent. */
void *strmap_get(const strmap *m, const char *key);
void *strmap_getn(const strmap *m, const char *key, size_t len);
/* Inserts or replaces; returns the previous value or NULL. */
void *strmap_put(strmap *m, const char *key, void *value);
uint32_t strmap_hash(const char *key, size_t len);

/* Iteration: for (uint32_t i = 0; i < m.cap; i++) if (m.slots[i].key) ... */

#endif
