/* validate_fragments.c: fragments: unique fragment names, known fragment
 * names, fragments on composite types (and known type conditions), possible
 * fragment spreads, no unused fragments and no fragment cycles. The graph
 * rules run without recursion, each fragment expanded at most once. */
#include "validate_structure.h"

#include <string.h>

#include "sbuf.h"

/* Everything known about one fragment name. */
typedef struct vstruct_fragment {
    const ast_definition *first; /* its first definition: uniqueness errors point here */
    const ast_definition *def;   /* its last: what spreads of the name mean */
    bool used;                   /* reached from some operation */
    bool visited;                /* expanded by the cycle search */
    int32_t path_index;          /* cycle search: where it entered the spread path; -1 */
} vstruct_fragment;

/* An arena-backed growable array of pointers. */
typedef struct vstruct_vec {
    const void **items;
    uint32_t len, cap;
} vstruct_vec;

static void vstruct_vec_push(arena *a, vstruct_vec *v, const void *item)
{
    if (v->len == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 16;
        const void **items = ARENA_ARRAY(a, const void *, cap);
        if (v->len) memcpy(items, v->items, sizeof *items * v->len);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = item;
}

static const void *vstruct_vec_pop(vstruct_vec *v)
{
    return v->len ? v->items[--v->len] : NULL;
}

void vstruct_index_fragments(vstruct *vs)
{
    strmap_init(&vs->fragments, vs->arena, 16);
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_FRAGMENT) continue;
        vstruct_fragment *f = strmap_get(&vs->fragments, d->name);
        if (f) {
            diag *e = diag_add(vs->errs, f->first->name_loc,
                               "There can be only one fragment named \"%s\".", d->name);
            diag_loc(e, d->name_loc);
        } else {
            f = ARENA_NEW(vs->arena, vstruct_fragment);
            f->first = d;
            f->path_index = -1;
            strmap_put(&vs->fragments, d->name, f);
        }
        f->def = d;
    }
}

const ast_definition *vstruct_fragment_def(const vstruct *vs, const char *name)
{
    const vstruct_fragment *f = strmap_get(&vs->fragments, name);
    return f ? f->def : NULL;
}

/* A type condition names a known type, and a composite one. */
static void vstruct_check_condition(vstruct *vs, const char *fragment, const char *name,
                                    src_loc loc)
{
    const schema_type *t = vstruct_known_type(vs, name, loc);
    if (!t || schema_is_composite(t)) return;
    if (fragment)
        diag_add(vs->errs, loc, "Fragment \"%s\" cannot condition on non composite type \"%s\".",
                 fragment, name);
    else
        diag_add(vs->errs, loc, "Fragment cannot condition on non composite type \"%s\".", name);
}

void vstruct_check_fragment_definition(vstruct *vs, const ast_definition *def)
{
    vstruct_check_condition(vs, def->name, def->type_condition, def->type_condition_loc);
}

static bool vstruct_can_overlap(const schema_type *a, const schema_type *b)
{
    return a == b || schema_types_overlap(a, b);
}

static void vstruct_check_inline_fragment(vstruct *vs, const vwalk_at *at)
{
    const ast_selection *sel = at->sel;
    if (sel->type_condition)
        vstruct_check_condition(vs, NULL, sel->type_condition, sel->type_condition_loc);
    const schema_type *t = at->type;
    if (t && schema_is_composite(t) && at->parent && !vstruct_can_overlap(t, at->parent))
        diag_add(vs->errs, sel->loc,
                 "Fragment cannot be spread here as objects of type \"%s\" can never be of type "
                 "\"%s\".",
                 at->parent->name, t->name);
}

static void vstruct_check_spread(vstruct *vs, const vwalk_at *at)
{
    const ast_selection *sel = at->sel;
    const ast_definition *def = vstruct_fragment_def(vs, sel->name);
    if (!def) {
        diag_add(vs->errs, sel->name_loc, "Unknown fragment \"%s\".", sel->name);
        return;
    }
    const schema_type *t = schema_get_type(vs->schema, def->type_condition);
    if (t && schema_is_composite(t) && at->parent && !vstruct_can_overlap(t, at->parent))
        diag_add(vs->errs, sel->loc,
                 "Fragment \"%s\" cannot be spread here as objects of type \"%s\" can never be of "
                 "type \"%s\".",
                 sel->name, at->parent->name, t->name);
}

void vstruct_check_fragment_selection(vstruct *vs, const vwalk_at *at)
{
    if (at->sel->kind == AST_SEL_INLINE_FRAGMENT)
        vstruct_check_inline_fragment(vs, at);
    else if (at->sel->kind == AST_SEL_FRAGMENT_SPREAD)
        vstruct_check_spread(vs, at);
}

/* The spreads anywhere under a selection set (not through other fragments),
 * in graphql-js's order: a set's own spreads, then its nested sets, the last
 * one first. The order decides which cycle errors are reported. */
static vstruct_vec vstruct_spreads(vstruct *vs, const ast_selection *set)
{
    vstruct_vec spreads = {0}, sets = {0};
    vstruct_vec_push(vs->arena, &sets, set);
    while ((set = vstruct_vec_pop(&sets))) {
        for (const ast_selection *sel = set; sel; sel = sel->next) {
            if (sel->kind == AST_SEL_FRAGMENT_SPREAD)
                vstruct_vec_push(vs->arena, &spreads, sel);
            else if (sel->selection_set)
                vstruct_vec_push(vs->arena, &sets, sel->selection_set);
        }
    }
    return spreads;
}

/* Marks every fragment an operation reaches, through other fragments too. */
static void vstruct_mark_used(vstruct *vs, const ast_definition *op, vstruct_vec *queue)
{
    vstruct_vec spreads = vstruct_spreads(vs, op->selection_set);
    for (;;) {
        for (uint32_t i = 0; i < spreads.len; i++) {
            const ast_selection *sp = spreads.items[i];
            vstruct_fragment *f = strmap_get(&vs->fragments, sp->name);
            if (!f || f->used) continue;
            f->used = true;
            vstruct_vec_push(vs->arena, queue, f);
        }
        const vstruct_fragment *next = vstruct_vec_pop(queue);
        if (!next) return;
        spreads = vstruct_spreads(vs, next->def->selection_set);
    }
}

static void vstruct_check_unused(vstruct *vs)
{
    vstruct_vec queue = {0};
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_OPERATION) vstruct_mark_used(vs, d, &queue);
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_FRAGMENT) continue;
        const vstruct_fragment *f = strmap_get(&vs->fragments, d->name);
        if (!f->used) diag_add(vs->errs, d->loc, "Fragment \"%s\" is never used.", d->name);
    }
}

/* One fragment being expanded by the cycle search. */
typedef struct vstruct_frame {
    vstruct_fragment *frag;
    vstruct_vec spreads;
    uint32_t pos;
} vstruct_frame;

/* The cycle search's state: the stack of expansions and the spreads that
 * led from the first to the current one. */
typedef struct vstruct_cycles {
    vstruct *vs;
    vstruct_frame *frames; /* room for one per fragment name */
    uint32_t nframes;
    vstruct_vec path;
} vstruct_cycles;

static void vstruct_report_cycle(vstruct_cycles *c, uint32_t from, const char *name)
{
    vstruct *vs = c->vs;
    sbuf via;
    sbuf_init(&via);
    for (uint32_t i = from; i + 1 < c->path.len; i++) {
        const ast_selection *sp = c->path.items[i];
        sbuf_printf(&via, "%s\"%s\"", i > from ? ", " : " via ", sp->name);
    }
    diag *e =
        diag_add(vs->errs, ((const ast_selection *)c->path.items[from])->loc,
                 "Cannot spread fragment \"%s\" within itself%s.", name, via.len ? via.data : "");
    for (uint32_t i = from + 1; i < c->path.len; i++)
        diag_loc(e, ((const ast_selection *)c->path.items[i])->loc);
    sbuf_free(&via);
}

/* Starts expanding f through definition def, unless it was expanded before
 * or spreads nothing. */
static void vstruct_enter(vstruct_cycles *c, vstruct_fragment *f, const ast_definition *def)
{
    if (f->visited) return;
    f->visited = true;
    vstruct_vec spreads = vstruct_spreads(c->vs, def->selection_set);
    if (!spreads.len) return;
    f->path_index = (int32_t)c->path.len;
    c->frames[c->nframes++] = (vstruct_frame){f, spreads, 0};
}

/* Depth-first from one fragment definition, as graphql-js searches: a spread
 * of a fragment already on the path is a cycle. */
static void vstruct_search_cycles(vstruct_cycles *c, const ast_definition *def)
{
    vstruct_enter(c, strmap_get(&c->vs->fragments, def->name), def);
    while (c->nframes) {
        vstruct_frame *top = &c->frames[c->nframes - 1];
        if (top->pos == top->spreads.len) {
            top->frag->path_index = -1;
            c->nframes--;
            if (c->nframes) {
                vstruct_vec_pop(&c->path);
                c->frames[c->nframes - 1].pos++;
            }
            continue;
        }
        const ast_selection *sp = top->spreads.items[top->pos];
        vstruct_fragment *target = strmap_get(&c->vs->fragments, sp->name);
        vstruct_vec_push(c->vs->arena, &c->path, sp);
        if (target && target->path_index >= 0) {
            vstruct_report_cycle(c, (uint32_t)target->path_index, sp->name);
        } else if (target) {
            uint32_t before = c->nframes;
            vstruct_enter(c, target, target->def);
            if (c->nframes > before) continue; /* resumes here when it is done */
        }
        vstruct_vec_pop(&c->path);
        top->pos++;
    }
}

static void vstruct_check_cycles(vstruct *vs)
{
    vstruct_cycles c = {vs, NULL, 0, {0}};
    c.frames = ARENA_ARRAY(vs->arena, vstruct_frame, vs->fragments.count + 1);
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_FRAGMENT) vstruct_search_cycles(&c, d);
}

void vstruct_check_fragment_graph(vstruct *vs)
{
    vstruct_check_unused(vs);
    vstruct_check_cycles(vs);
}
