/* pairmap.c: pointer-pair hash map, open addressing (see pairmap.h). */
#include "pairmap.h"

#define PAIRMAP_FIRST_CAP 64

void pairmap_init(pairmap *m, arena *a)
{
    m->arena = a;
    m->slots = NULL;
    m->cap = m->count = 0;
}

static uint32_t pairmap_hash(const void *a, const void *b)
{
    uint64_t h = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)(uintptr_t)b + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return (uint32_t)(h ^ (h >> 32));
}

/* The slot holding (a, b), or the empty slot where it would go. */
static pairmap_slot *pairmap_slot_for(const pairmap *m, const void *a, const void *b)
{
    uint32_t mask = m->cap - 1;
    for (uint32_t i = pairmap_hash(a, b) & mask;; i = (i + 1) & mask) {
        pairmap_slot *s = &m->slots[i];
        if (!s->a || (s->a == a && s->b == b)) return s;
    }
}

uintptr_t pairmap_get(const pairmap *m, const void *a, const void *b)
{
    if (!m->cap) return 0;
    const pairmap_slot *s = pairmap_slot_for(m, a, b);
    return s->a ? s->value : 0;
}

static void pairmap_grow(pairmap *m)
{
    pairmap old = *m;
    m->cap = old.cap ? old.cap * 2 : PAIRMAP_FIRST_CAP;
    m->slots = ARENA_ARRAY(m->arena, pairmap_slot, m->cap);
    for (uint32_t i = 0; i < old.cap; i++)
        if (old.slots[i].a) *pairmap_slot_for(m, old.slots[i].a, old.slots[i].b) = old.slots[i];
}

void pairmap_put(pairmap *m, const void *a, const void *b, uintptr_t value)
{
    if ((m->count + 1) * 2 > m->cap) pairmap_grow(m); /* keep at most half full */
    pairmap_slot *s = pairmap_slot_for(m, a, b);
    if (!s->a) {
        s->a = a;
        s->b = b;
        m->count++;
    }
    s->value = value;
}
