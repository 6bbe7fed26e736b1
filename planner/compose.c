/* compose.c: the composition driver. Reads each subgraph (in name order, as
 * Apollo orders them), runs the per-subgraph checks, merges, runs the checks
 * on the merged result, and prints the supergraph when nothing failed. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compose_int.h"
#include "satisfiability.h"
#include "supergraph.h"

static int compare_inputs(const void *a, const void *b)
{
    const compose_input *const *x = a, *const *y = b;
    return strcmp((*x)->name, (*y)->name);
}

/* A subgraph name as a GraphQL enum value (Apollo's sanitizeGraphQLName):
 * non-word characters become '_', a leading digit gets a '_' before it, an
 * ending "_<digits>" gets a '_' after it (so suffixes below stay unique), and
 * all is upper-cased. */
static char *sanitized_name(arena *a, const char *name)
{
    size_t len = strlen(name);
    char *v = arena_alloc(a, len + 3);
    size_t o = 0;
    if (isdigit((unsigned char)name[0])) v[o++] = '_';
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)name[i];
        v[o++] = isalnum(ch) ? (char)toupper(ch) : '_';
    }
    size_t digits = o;
    while (digits > 0 && isdigit((unsigned char)v[digits - 1]))
        digits--;
    if (digits < o && digits > 0 && v[digits - 1] == '_') v[o++] = '_';
    v[o] = '\0';
    return v;
}

/* join__Graph values; subgraphs whose names sanitize alike get _1, _2, ... */
static void name_graphs(compose_ctx *c)
{
    for (uint32_t i = 0; i < c->nsubs; i++)
        c->subs[i].graph_value = sanitized_name(c->arena, c->subs[i].name);
    const char **base = ARENA_ARRAY(c->arena, const char *, c->nsubs + 1);
    for (uint32_t i = 0; i < c->nsubs; i++)
        base[i] = c->subs[i].graph_value;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        uint32_t same = 0, rank = 0;
        for (uint32_t j = 0; j < c->nsubs; j++) {
            if (strcmp(base[i], base[j])) continue;
            same++;
            if (j < i) rank++;
        }
        if (same > 1) c->subs[i].graph_value = arena_sprintf(c->arena, "%s_%u", base[i], rank + 1);
    }
}

/* Copies errors found on the printed supergraph; those without a code are
 * the loader's (a subgraph GraphQL itself rejects, which the checks let
 * through): INVALID_GRAPHQL. */
static void copy_errors(compose_ctx *c, const diag_list *from)
{
    for (const diag *d = from->first; d; d = d->next) {
        diag *e = diag_add(c->errors, d->nlocs ? d->locs[0] : (src_loc){0, 0}, "%s", d->message);
        if (!e) continue;
        e->code = d->code ? arena_strdup(c->arena, d->code) : "INVALID_GRAPHQL";
        diag_source(e, d->source ? arena_strdup(c->arena, d->source) : NULL);
    }
}

/* The last gate, as Apollo ends composition: the printed supergraph must load
 * (accepting features a router may refuse) and pass the satisfiability check
 * (planner/satisfiability.h), or it is never handed out. */
static bool check_printed(compose_ctx *c, const char *text, size_t len)
{
    arena scratch;
    arena_init(&scratch, 0);
    diag_list errs;
    diag_init(&errs, &scratch);
    supergraph *sg = sg_load_composed(&scratch, text, len, &errs);
    if (sg) sg_check_satisfiability(sg, &errs);
    copy_errors(c, &errs);
    bool ok = errs.count == 0;
    arena_free(&scratch);
    return ok;
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
    for (uint32_t i = 0; i < n; i++) {
        c.subs[i].name = sorted[i]->name;
        c.subs[i].url = sorted[i]->url ? sorted[i]->url : "";
        c.subs[i].index = i;
    }
    name_graphs(&c);
    bool read = true;
    for (uint32_t i = 0; i < n; i++)
        read &= compose_read_subgraph(&c, sorted[i], &c.subs[i]);
    if (!read) return false;
    for (uint32_t i = 0; i < n; i++)
        compose_check_subgraph(&c, &c.subs[i]);
    if (out->errors.count) return false;
    compose_check_prepare(&c);
    if (out->errors.count) return false;
    compose_merge(&c);
    compose_check_merged(&c, c.merged);
    if (out->errors.count) return false;
    const char *text = compose_print(&c, &out->supergraph_len);
    if (!check_printed(&c, text, out->supergraph_len)) return false;
    out->supergraph = text;
    return true;
}
