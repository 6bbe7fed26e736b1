/* strmap.c: open-addressing string hash map in an arena (see strmap.h). */
#include "strmap.h"

#include <string.h>

uint32_t strmap_hash(const char *key, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 16777619u;
    }
    return h;
}

void strmap_init(strmap *m, arena *a, uint32_t expected)
{
    uint32_t cap = 8;
    while (cap < expected * 2)
        cap *= 2;
    m->arena = a;
    m->cap = cap;
    m->count = 0;
    m->slots = ARENA_ARRAY(a, strmap_slot, cap);
}

static strmap_slot *strmap_find(const strmap *m, const char *key, size_t len, uint32_t h)
{
    uint32_t mask = m->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->key) return s;
        if (s->hash == h && strncmp(s->key, key, len) == 0 && s->key[len] == '\0') return s;
    }
}

void *strmap_getn(const strmap *m, const char *key, size_t len)
{
    if (!m->slots) return NULL;
    strmap_slot *s = strmap_find(m, key, len, strmap_hash(key, len));
    return s->key ? s->value : NULL;
}

void *strmap_get(const strmap *m, const char *key)
{
    return strmap_getn(m, key, strlen(key));
}

static void strmap_grow(strmap *m)
{
    strmap_slot *old = m->slots;
    uint32_t oldcap = m->cap;
    m->cap *= 2;
    m->slots = ARENA_ARRAY(m->arena, strmap_slot, m->cap);
    for (uint32_t i = 0; i < oldcap; i++) {
        if (!old[i].key) continue;
        *strmap_find(m, old[i].key, strlen(old[i].key), old[i].hash) = old[i];
    }
}

void *strmap_put(strmap *m, const char *key, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3) strmap_grow(m);
    size_t len = strlen(key);
    uint32_t h = strmap_hash(key, len);
    strmap_slot *s = strmap_find(m, key, len, h);
    if (s->key) {
        void *prev = s->value;
        s->value = value;
        return prev;
    }
    s->key = key;
    s->hash = h;
    s->value = value;
    m->count++;
    return NULL;
}
