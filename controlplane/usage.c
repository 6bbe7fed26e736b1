/* usage.c: see usage.h. A flat array searched by hash: a few thousand
 * entries, updated a few times a second. */
#include "usage.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

void usage_init(usage *u)
{
    memset(u, 0, sizeof *u);
}

void usage_free(usage *u)
{
    for (uint32_t i = 0; i < u->n; i++) {
        free(u->ops[i].query);
        free(u->ops[i].operation_name);
    }
    free(u->ops);
    memset(u, 0, sizeof *u);
}

static uint32_t key_hash(const char *query, size_t len, const char *name)
{
    return strmap_hash(query, len) * 31u + strmap_hash(name, strlen(name));
}

static usage_op *find(usage *u, const char *query, size_t len, const char *name, uint32_t hash)
{
    for (uint32_t i = 0; i < u->n; i++) {
        usage_op *o = &u->ops[i];
        if (o->hash == hash && strlen(o->query) == len && memcmp(o->query, query, len) == 0 &&
            strcmp(o->operation_name, name) == 0)
            return o;
    }
    return NULL;
}

/* Frees the slot of the least used operation when it is used less than
 * `count`; false when every kept operation is used more. */
static bool make_room(usage *u, uint64_t count)
{
    uint32_t least = 0;
    for (uint32_t i = 1; i < u->n; i++)
        if (u->ops[i].count < u->ops[least].count) least = i;
    if (u->ops[least].count >= count) return false;
    free(u->ops[least].query);
    free(u->ops[least].operation_name);
    u->ops[least] = u->ops[--u->n];
    return true;
}

void usage_add(usage *u, const char *query, size_t query_len, const char *operation_name,
               uint64_t count)
{
    const char *name = operation_name ? operation_name : "";
    if (query_len > USAGE_MAX_QUERY_BYTES || memchr(query, '\0', query_len)) {
        u->dropped++;
        return;
    }
    uint32_t hash = key_hash(query, query_len, name);
    usage_op *o = find(u, query, query_len, name, hash);
    if (o) {
        o->count = count > UINT64_MAX - o->count ? UINT64_MAX : o->count + count;
        return;
    }
    if (count == 0) return;
    if (u->n == USAGE_MAX_OPS && !make_room(u, count)) return;
    if (u->n == u->cap) {
        uint32_t cap = u->cap ? u->cap * 2 : 64;
        usage_op *grown = realloc(u->ops, cap * sizeof *grown);
        if (!grown) return;
        u->ops = grown;
        u->cap = cap;
    }
    usage_op *fresh = &u->ops[u->n];
    fresh->query = strndup(query, query_len);
    fresh->operation_name = strdup(name);
    if (!fresh->query || !fresh->operation_name) {
        free(fresh->query);
        free(fresh->operation_name);
        return;
    }
    fresh->count = count;
    fresh->hash = hash;
    u->n++;
}

static int most_used_first(const void *a, const void *b)
{
    const usage_op *x = *(const usage_op *const *)a, *y = *(const usage_op *const *)b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    int c = strcmp(x->query, y->query);
    return c ? c : strcmp(x->operation_name, y->operation_name);
}

uint32_t usage_top(const usage *u, uint32_t n, const usage_op **out)
{
    if (n == 0 || u->n == 0) return 0;
    const usage_op **all = malloc(u->n * sizeof *all);
    if (!all) return 0;
    for (uint32_t i = 0; i < u->n; i++)
        all[i] = &u->ops[i];
    qsort(all, u->n, sizeof *all, most_used_first);
    uint32_t k = n < u->n ? n : u->n;
    memcpy(out, all, k * sizeof *out);
    free(all);
    return k;
}
