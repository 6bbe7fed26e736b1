/* representations.c: collecting and deduplicating entity representations
 * (see representations.h). */
#include "representations.h"

#include <string.h>

#include "schema.h"
#include "strmap.h"

/* Flatten paths come from the plan, so their depth is bounded by the
 * operation's; this only guards the fixed-size data path stack. */
#define REPS_MAX_DEPTH 128

bool reps_type_matches(const supergraph *sg, const char *type_name, const char *condition)
{
    if (strcmp(type_name, condition) == 0) return true;
    const schema_type *abstract = schema_get_type(sg->full, condition);
    const schema_type *object = schema_get_type(sg->full, type_name);
    return abstract && object && schema_is_abstract(abstract) &&
           schema_is_possible_type(abstract, object);
}

/* Copies the members `sel` selects from `obj` into `rep`; false when the
 * object matches none of the type conditions it meets. *missing is set when
 * the object lacks a member (an earlier entity fetch found no entity, so
 * its key for the next one never came): such a representation is not sent. */
static bool build_selection(arena *a, const supergraph *sg, const tree_node *obj,
                            const ast_selection *sel, tree_node *rep, bool *missing,
                            unsigned depth);

static tree_node *build_value(arena *a, const supergraph *sg, const tree_node *v,
                              const ast_selection *sub, bool *missing, unsigned depth)
{
    if (!sub || v->type == JSON_NULL) return (tree_node *)v;
    if (v->type == JSON_ARRAY) {
        tree_node *list = ARENA_NEW(a, tree_node);
        *list = *v;
        list->u.items = ARENA_ARRAY(a, tree_node, v->len ? v->len : 1);
        for (uint32_t i = 0; i < v->len; i++)
            list->u.items[i] = *build_value(a, sg, &v->u.items[i], sub, missing, depth + 1);
        return list;
    }
    tree_node *obj = tree_new_object(a);
    if (v->type == JSON_OBJECT) build_selection(a, sg, v, sub, obj, missing, depth + 1);
    return obj;
}

static bool build_selection(arena *a, const supergraph *sg, const tree_node *obj,
                            const ast_selection *sel, tree_node *rep, bool *missing, unsigned depth)
{
    if (depth > REPS_MAX_DEPTH) return false;
    bool matched = false;
    uint32_t hint = 0;
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            const char *type_name = tree_typename(obj);
            if (!sel->type_condition ||
                (type_name && reps_type_matches(sg, type_name, sel->type_condition)))
                matched |= build_selection(a, sg, obj, sel->selection_set, rep, missing, depth + 1);
        } else if (sel->kind == AST_SEL_FIELD) {
            const char *key = sel->alias ? sel->alias : sel->name;
            const tree_node *v = tree_get_from(obj, key, &hint);
            if (v)
                tree_set(a, rep, key, build_value(a, sg, v, sel->selection_set, missing, depth));
            else
                *missing = true;
            matched = true;
        }
    }
    return matched;
}

typedef struct reps_walk {
    arena *a;
    const supergraph *sg;
    const plan_fetch *fetch;
    reps_set *out;
    strmap seen; /* representation JSON -> reps_entry index + 1 */
    sbuf scratch;
    resp_step steps[REPS_MAX_DEPTH];
} reps_walk;

static void add_position(reps_walk *w, reps_entry *e, tree_node *obj, uint32_t depth)
{
    if (e->npositions == e->cap) {
        uint32_t cap = e->cap ? e->cap * 2 : 2;
        reps_position *grown = ARENA_ARRAY(w->a, reps_position, cap);
        if (e->npositions) memcpy(grown, e->positions, sizeof(reps_position) * e->npositions);
        e->positions = grown;
        e->cap = cap;
    }
    reps_position *p = &e->positions[e->npositions++];
    p->object = obj;
    p->path.len = depth;
    p->path.steps = ARENA_ARRAY(w->a, resp_step, depth ? depth : 1);
    memcpy(p->path.steps, w->steps, sizeof(resp_step) * depth);
}

static void add_object(reps_walk *w, tree_node *obj, uint32_t depth)
{
    if (obj->type != JSON_OBJECT) return;
    tree_node *rep = tree_new_object(w->a);
    bool missing = false;
    if (!build_selection(w->a, w->sg, obj, w->fetch->requires, rep, &missing, 0) || missing ||
        rep->len == 0)
        return;
    for (uint32_t i = 0; i < w->fetch->ninput_rewrites; i++)
        reps_rewrite(w->a, w->sg, rep, &w->fetch->input_rewrites[i]);
    sbuf_reset(&w->scratch);
    tree_write(&w->scratch, rep);
    uintptr_t index = (uintptr_t)strmap_getn(&w->seen, w->scratch.data, w->scratch.len);
    if (!index) {
        reps_set *s = w->out;
        if (s->len == s->cap) {
            uint32_t cap = s->cap ? s->cap * 2 : 8;
            reps_entry *grown = ARENA_ARRAY(w->a, reps_entry, cap);
            if (s->len) memcpy(grown, s->entries, sizeof(reps_entry) * s->len);
            s->entries = grown;
            s->cap = cap;
        }
        reps_entry *e = &s->entries[s->len++];
        memset(e, 0, sizeof *e);
        e->json = arena_strndup(w->a, w->scratch.data, w->scratch.len);
        e->json_len = (uint32_t)w->scratch.len;
        index = s->len;
        strmap_put(&w->seen, e->json, (void *)index);
    }
    add_position(w, &w->out->entries[index - 1], obj, depth);
}

static void walk(reps_walk *w, tree_node *n, const plan_path *path, uint32_t step, uint32_t depth)
{
    if (step == path->nsteps) {
        add_object(w, n, depth);
        return;
    }
    if (depth >= REPS_MAX_DEPTH) return;
    const plan_path_step *s = &path->steps[step];
    if (s->kind == PLAN_PATH_FIELD) {
        tree_node *child = tree_get(n, s->name);
        if (!child) return;
        w->steps[depth] = (resp_step){.key = s->name};
        walk(w, child, path, step + 1, depth + 1);
    } else if (s->kind == PLAN_PATH_LIST) {
        if (n->type != JSON_ARRAY) return;
        for (uint32_t i = 0; i < n->len; i++) {
            w->steps[depth] = (resp_step){.index = i};
            walk(w, &n->u.items[i], path, step + 1, depth + 1);
        }
    } else {
        const char *type_name = tree_typename(n);
        if (type_name && reps_type_matches(w->sg, type_name, s->name))
            walk(w, n, path, step + 1, depth);
    }
}

void reps_collect(arena *a, const supergraph *sg, tree_node *root, const plan_node *flatten,
                  reps_set *out)
{
    reps_walk w = {.a = a, .sg = sg, .fetch = flatten->fetch, .out = out};
    memset(out, 0, sizeof *out);
    strmap_init(&w.seen, a, 16);
    sbuf_init(&w.scratch);
    for (uint32_t i = 0; i < flatten->npaths; i++)
        walk(&w, root, &flatten->paths[i], 0, 0);
    sbuf_free(&w.scratch);
}

void reps_write(sbuf *out, const reps_set *reps)
{
    sbuf_putc(out, '[');
    for (uint32_t i = 0; i < reps->len; i++) {
        if (i) sbuf_putc(out, ',');
        sbuf_append(out, reps->entries[i].json, reps->entries[i].json_len);
    }
    sbuf_putc(out, ']');
}

static void rewrite_at(arena *a, const supergraph *sg, tree_node *n, const plan_rewrite *rw,
                       uint32_t step)
{
    const plan_path *path = &rw->path;
    if (step >= path->nsteps) return;
    const plan_path_step *s = &path->steps[step];
    if (s->kind == PLAN_PATH_TYPE) {
        const char *type_name = tree_typename(n);
        if (type_name && reps_type_matches(sg, type_name, s->name))
            rewrite_at(a, sg, n, rw, step + 1);
    } else if (s->kind == PLAN_PATH_LIST) {
        for (uint32_t i = 0; n->type == JSON_ARRAY && i < n->len; i++)
            rewrite_at(a, sg, &n->u.items[i], rw, step + 1);
    } else if (step + 1 < path->nsteps) {
        tree_node *child = tree_get(n, s->name);
        if (child) rewrite_at(a, sg, child, rw, step + 1);
    } else if (n->type == JSON_OBJECT) {
        if (rw->set_to)
            tree_set(a, n, s->name, tree_new_string(a, rw->set_to));
        else if (rw->rename_to && !tree_get(n, rw->rename_to))
            tree_rename(n, s->name, rw->rename_to);
    }
}

void reps_rewrite(arena *a, const supergraph *sg, tree_node *n, const plan_rewrite *rw)
{
    rewrite_at(a, sg, n, rw, 0);
}
