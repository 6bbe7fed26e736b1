/* compose.c: the composition driver. Reads each subgraph (in name order, as
 * Apollo orders them), runs the per-subgraph checks, merges, runs the checks
 * on the merged result, and prints the supergraph when nothing failed. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compose_int.h"

static int compare_inputs(const void *a, const void *b)
{
    const compose_input *const *x = a, *const *y = b;
    return strcmp((*x)->name, (*y)->name);
}

/* The join__Graph value of a subgraph: its name upper-cased, characters that
 * cannot be in a GraphQL name turned to '_', a leading digit prefixed with '_',
 * and a numeric suffix when two subgraphs would get the same value. */
static const char *graph_value(compose_ctx *c, uint32_t index, const char *name)
{
    size_t len = strlen(name);
    char *v = arena_alloc(c->arena, len + 2);
    size_t o = 0;
    if (isdigit((unsigned char)name[0])) v[o++] = '_';
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        v[o++] = isalnum(ch) ? (char)toupper(ch) : '_';
    }
    v[o] = '\0';
    for (uint32_t i = 0; i < index; i++)
        if (!strcmp(c->subs[i].graph_value, v)) return arena_sprintf(c->arena, "%s_%u", v, index);
    return v;
}

bool compose(arena *a, const compose_input *subgraphs, uint32_t n, compose_result *out)
{
    memset(out, 0, sizeof *out);
    diag_init(&out->errors, a);
    diag_init(&out->hints, a);
    compose_ctx c = {.arena = a, .nsubs = n, .errors = &out->errors, .hints = &out->hints};
    const compose_input **sorted = ARENA_ARRAY(a, const compose_input *, n + 1);
    for (uint32_t i = 0; i < n; i++)
        sorted[i] = &subgraphs[i];
    qsort(sorted, n, sizeof *sorted, compare_inputs);
    c.subs = ARENA_ARRAY(a, csub, n + 1);
    bool read = true;
    for (uint32_t i = 0; i < n; i++) {
        csub *s = &c.subs[i];
        s->name = sorted[i]->name;
        s->url = sorted[i]->url ? sorted[i]->url : "";
        s->index = i;
        s->graph_value = graph_value(&c, i, s->name);
        read &= compose_read_subgraph(&c, sorted[i], s);
    }
    if (!read) return false;
    for (uint32_t i = 0; i < n; i++)
        compose_check_subgraph(&c, &c.subs[i]);
    if (out->errors.count) return false;
    compose_merge(&c);
    compose_check_merged(&c, c.merged);
    if (out->errors.count) return false;
    out->supergraph = compose_print(&c, &out->supergraph_len);
    return true;
}
