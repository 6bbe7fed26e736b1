/* json_stack.h: scratch stacks for the JSON parser, writer and comparison.
 * Each walk keeps its pending work in an explicit stack instead of recursing,
 * so deep documents cost heap, not C stack. A stack starts in a small array
 * owned by the caller (no malloc for typical documents) and moves to the heap
 * when it outgrows it; json_stack_release frees only what was malloc'd. */
#ifndef FM_JSON_STACK_H
#define FM_JSON_STACK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Doubles the capacity of items (*cap elements of elem bytes), copying out of
 * the caller's local array on the first growth. Returns the new array. */
static inline void *json_stack_grow(void *items, const void *local, size_t *cap, size_t elem)
{
    size_t ncap = *cap * 2;
    void *p = items == local ? malloc(ncap * elem) : realloc(items, ncap * elem);
    if (!p) {
        fputs("fedmesh: out of memory\n", stderr);
        abort();
    }
    if (items == local) memcpy(p, local, *cap * elem);
    *cap = ncap;
    return p;
}

static inline void json_stack_release(void *items, const void *local)
{
    if (items != local) free(items);
}

#endif
