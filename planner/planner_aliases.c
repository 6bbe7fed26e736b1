/* planner_aliases.c: aliases that keep a subgraph request valid. Fields of
 * one response key selected on different types (`... on User { id } ... on
 * Admin { id }`) must have the same response shape in the subgraph's schema
 * (GraphQL's FieldsInSetCanMerge), and a subgraph may type them differently
 * (`ID!` on User, `ID` on Admin) where the supergraph does not. Each field
 * whose shape differs from the first one of its key gets an alias in the
 * request, and the fetch an output rewrite renaming it back in the result,
 * so the merged data and the response shape only ever see the client's keys.
 *
 * The rewrites are listed parents first and applied in that order: a path
 * below a renamed field names it by its key as renamed back. */
#include <string.h>

#include "planner_int.h"

#define ALIAS_SCAN_MAX 16 /* fields of a set whose keys are compared one by one, without a map */

/* A path from the fetch's result to some objects, built as the walk goes
 * down and copied into a plan_path only when a rewrite needs it. */
typedef struct alias_path alias_path;
struct alias_path {
    const alias_path *up;
    plan_path_step step;
    uint32_t len;
};

/* One selection set of a merged set: selection sets whose fields meet in one
 * response object, so their fields must merge. */
typedef struct alias_member {
    ast_selection *first;
    const schema_type *parent; /* full schema; NULL: the _entities list (any type) */
    const alias_path *path;
} alias_member;

typedef struct alias_field {
    ast_selection *sel;
    const alias_path *path;  /* to the objects holding the field */
    const schema_field *def; /* NULL for __typename and unknown fields */
    const ast_type *type;    /* in the subgraph */
    bool head;               /* the first field of its response key */
    int32_t next_of_key;     /* the next field of the same response key, or -1 */
    uint32_t shape;          /* 0: the key's first shape, k: its k-th other one */
} alias_field;

typedef struct alias_pass {
    qp_planner *p;
    uint32_t graph;
    arena *scratch; /* the walk's own data, freed at the end */
    plan_rewrite *rewrites;
    uint32_t nrewrites, cap;
} alias_pass;

typedef struct alias_fields {
    alias_field *items;
    uint32_t n, cap;
} alias_fields;

static void walk_members(alias_pass *w, const alias_member *members, uint32_t n, uint32_t depth);

static const alias_path *path_push(alias_pass *w, const alias_path *up, plan_path_kind kind,
                                   const char *name)
{
    alias_path *node = ARENA_NEW(w->scratch, alias_path);
    node->up = up;
    node->step = (plan_path_step){kind, name};
    node->len = up ? up->len + 1 : 1;
    return node;
}

static plan_path path_copy(alias_pass *w, const alias_path *path)
{
    plan_path out = {0};
    out.nsteps = path ? path->len : 0;
    out.steps = ARENA_ARRAY(w->p->a, plan_path_step, out.nsteps ? out.nsteps : 1);
    for (const alias_path *n = path; n; n = n->up)
        out.steps[n->len - 1] = n->step;
    return out;
}

/* The field's type as the group's subgraph declares it. */
static const ast_type *subgraph_type(const alias_pass *w, const schema_field *def)
{
    const sg_field_graph *fg = sg_field_in_graph(w->p->sg, def, w->graph);
    return fg && fg->type ? fg->type : def->type;
}

static void add_field(alias_pass *w, alias_fields *out, ast_selection *s, const schema_type *parent,
                      const alias_path *path)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 16;
        alias_field *grown = ARENA_ARRAY(w->scratch, alias_field, out->cap);
        if (out->n) memcpy(grown, out->items, sizeof *grown * out->n);
        out->items = grown;
    }
    alias_field *f = &out->items[out->n++];
    memset(f, 0, sizeof *f);
    f->sel = s;
    f->path = path;
    f->next_of_key = -1;
    f->def =
        parent && strcmp(s->name, "__typename") != 0 ? schema_get_field(parent, s->name) : NULL;
    if (f->def) f->type = subgraph_type(w, f->def);
}

/* The fields of a selection set, inline fragments flattened. A fragment
 * narrower than an abstract parent adds a type step to the path. */
static void collect(alias_pass *w, alias_fields *out, ast_selection *first,
                    const schema_type *parent, const alias_path *path, uint32_t depth)
{
    if (depth > QP_MAX_DEPTH) return;
    for (ast_selection *s = first; s; s = s->next) {
        if (s->kind == AST_SEL_FIELD) {
            add_field(w, out, s, parent, path);
            continue;
        }
        const schema_type *cond =
            s->type_condition ? schema_get_type(w->p->sg->full, s->type_condition) : parent;
        const alias_path *here = path;
        if (cond && cond != parent && (!parent || schema_is_abstract(parent)))
            here = path_push(w, path, PLAN_PATH_TYPE, cond->name);
        collect(w, out, s->selection_set, cond, here, depth + 1);
    }
}

/* GraphQL's SameResponseShape for the field types themselves: the same
 * wrappers, and the same leaf type (composite ones compare their fields,
 * one level down). */
static bool same_shape(const alias_pass *w, const ast_type *a, const ast_type *b)
{
    if (!a || !b) return true;
    for (; a && b; a = a->of, b = b->of) {
        if (a->kind != b->kind) return false;
        if (a->kind != AST_TYPE_NAMED) continue;
        const schema_type *ta = schema_get_type(w->p->sg->full, a->name);
        const schema_type *tb = schema_get_type(w->p->sg->full, b->name);
        if (ta && tb && schema_is_composite(ta) && schema_is_composite(tb)) return true;
        return strcmp(a->name, b->name) == 0;
    }
    return !a && !b;
}

/* A key no field of the merged set uses, aliases given so far included:
 * "id__fm_1", "id__fm_2"... (rare: a linear scan will do). */
static const char *free_alias(alias_pass *w, const alias_fields *fields, const char *key,
                              uint32_t *counter)
{
    for (;;) {
        char *alias = arena_sprintf(w->p->a, "%s__fm_%u", key, ++*counter);
        bool taken = false;
        for (uint32_t i = 0; i < fields->n && !taken; i++)
            taken = strcmp(ast_response_key(fields->items[i].sel), alias) == 0;
        if (!taken) return alias;
    }
}

static void add_rewrite(alias_pass *w, const alias_field *f, const char *key)
{
    if (w->nrewrites == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 4;
        plan_rewrite *grown = ARENA_ARRAY(w->p->a, plan_rewrite, w->cap);
        if (w->nrewrites) memcpy(grown, w->rewrites, sizeof *grown * w->nrewrites);
        w->rewrites = grown;
    }
    const alias_path *at = path_push(w, f->path, PLAN_PATH_FIELD, f->sel->alias);
    w->rewrites[w->nrewrites++] = (plan_rewrite){.path = path_copy(w, at), .rename_to = key};
}

/* Gives the fields of one key (a list from head) their shape numbers; those
 * past the first shape get an alias. Returns how many shapes the key has. */
static uint32_t split_shapes(alias_pass *w, alias_fields *fields, int32_t head)
{
    uint32_t count = 0;
    for (int32_t i = head; i >= 0; i = fields->items[i].next_of_key)
        count++;
    const alias_field **firsts = ARENA_ARRAY(w->scratch, const alias_field *, count);
    const char **aliases = ARENA_ARRAY(w->scratch, const char *, count);
    const char *key = arena_strdup(w->p->a, ast_response_key(fields->items[head].sel));
    uint32_t nshapes = 0, counter = 0;
    for (int32_t i = head; i >= 0; i = fields->items[i].next_of_key) {
        alias_field *f = &fields->items[i];
        uint32_t k = 0;
        while (k < nshapes && !same_shape(w, firsts[k]->type, f->type))
            k++;
        if (k == nshapes) {
            firsts[nshapes] = f;
            aliases[nshapes++] = k ? free_alias(w, fields, key, &counter) : NULL;
        }
        f->shape = k;
        if (!k) continue;
        f->sel->alias = aliases[k];
        add_rewrite(w, f, key);
    }
    return nshapes;
}

/* The sub-selections of the fields of one key and shape: the next merged
 * set. The path names the field by its key (aliases are renamed back first). */
static void walk_children(alias_pass *w, const alias_fields *fields, int32_t head, const char *key,
                          uint32_t shape, uint32_t depth)
{
    uint32_t n = 0;
    for (int32_t i = head; i >= 0; i = fields->items[i].next_of_key)
        n++;
    alias_member *members = ARENA_ARRAY(w->scratch, alias_member, n);
    n = 0;
    for (int32_t i = head; i >= 0; i = fields->items[i].next_of_key) {
        const alias_field *f = &fields->items[i];
        if (f->shape != shape || !f->sel->selection_set || !f->def) continue;
        const alias_path *path = path_push(w, f->path, PLAN_PATH_FIELD, key);
        for (const ast_type *t = f->type; t; t = t->of)
            if (t->kind == AST_TYPE_LIST) path = path_push(w, path, PLAN_PATH_LIST, NULL);
        members[n++] = (alias_member){f->sel->selection_set, f->def->named, path};
    }
    walk_members(w, members, n, depth + 1);
}

/* The index of the first field of f's response key: found by comparing
 * keys in small sets, by a map in large ones. */
static uint32_t key_head(const alias_fields *fields, strmap *keys, uint32_t i)
{
    const char *key = ast_response_key(fields->items[i].sel);
    if (!keys) {
        for (uint32_t j = 0; j < i; j++)
            if (fields->items[j].head && strcmp(ast_response_key(fields->items[j].sel), key) == 0)
                return j;
        return i;
    }
    uintptr_t head = (uintptr_t)strmap_get(keys, key);
    if (head) return (uint32_t)head - 1;
    strmap_put(keys, key, (void *)(uintptr_t)(i + 1));
    return i;
}

/* Links the fields of each response key into a list from its first field. */
static void link_keys(alias_pass *w, alias_fields *fields)
{
    strmap map, *keys = NULL; /* response key -> its first field's index + 1 */
    if (fields->n > ALIAS_SCAN_MAX) {
        strmap_init(&map, w->scratch, fields->n);
        keys = &map;
    }
    int32_t *last = ARENA_ARRAY(w->scratch, int32_t, fields->n ? fields->n : 1);
    for (uint32_t i = 0; i < fields->n; i++) {
        uint32_t head = key_head(fields, keys, i);
        last[i] = (int32_t)i;
        if (head == i) {
            fields->items[i].head = true;
            continue;
        }
        fields->items[last[head]].next_of_key = (int32_t)i;
        last[head] = (int32_t)i;
    }
}

static void walk_members(alias_pass *w, const alias_member *members, uint32_t n, uint32_t depth)
{
    if (depth > QP_MAX_DEPTH || !n) return;
    alias_fields fields = {0};
    for (uint32_t i = 0; i < n; i++)
        collect(w, &fields, members[i].first, members[i].parent, members[i].path, depth);
    link_keys(w, &fields);
    for (uint32_t i = 0; i < fields.n; i++) {
        if (!fields.items[i].head) continue;
        const char *key = ast_response_key(fields.items[i].sel);
        uint32_t nshapes =
            fields.items[i].next_of_key < 0 ? 1 : split_shapes(w, &fields, (int32_t)i);
        for (uint32_t k = 0; k < nshapes; k++)
            walk_children(w, &fields, (int32_t)i, key, k, depth);
    }
}

void qp_alias_conflicts(qp_planner *p, const qp_group *g, plan_fetch *out)
{
    arena scratch;
    arena_init(&scratch, 0);
    alias_pass w = {.p = p, .graph = g->graph, .scratch = &scratch};
    const schema_type *root = g->entity ? NULL : schema_root_type(p->sg->full, p->op->operation);
    alias_member top = {g->root.selection_set, root, NULL};
    walk_members(&w, &top, 1, 0);
    out->output_rewrites = w.rewrites;
    out->noutput_rewrites = w.nrewrites;
    arena_free(&scratch);
}
