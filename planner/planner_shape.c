/* planner_shape.c: the response shape (plan.h plan_shape) of an operation,
 * from the client's selections and the API schema alone. As GraphQL's field
 * collection does, a selection set is collected for one object type at a
 * time: an abstract type's object types whose type conditions select other
 * fields than the rest get shapes of their own (types that select alike
 * share one). Fields of one response key are merged, their sub-selections
 * with them. Literal @skip/@include are applied; variable ones become the
 * field's guards, and the fields of its sub-selection inherit the guard of
 * the selection they come from. Root __schema and __type fields carry a copy
 * of themselves and the document's fragments in the plan's arena, so the
 * executor can answer them locally. */
#include <stdio.h>
#include <string.h>

#include "introspection.h"
#include "parser.h"
#include "planner_int.h"
#include "printer.h"

#define SHAPE_MAX_OCCURRENCES 4096 /* selections merged into one response key */
#define SHAPE_MAX_FIELDS 65536     /* shape fields of one plan (shared sub-shapes count once) */

/* The variable @skip/@include a selection is under, its own and those of the
 * fragments and fields around it: a chain, innermost first. Chains are
 * interned, so one selection reached the same way has one chain. */
typedef struct shape_cond shape_cond;
struct shape_cond {
    const shape_cond *up;
    const char *variable;
    bool skip; /* @skip: holds while the variable is not true; @include: while it is */
};

/* A selection set to collect and the conditions it is under. */
typedef struct shape_source {
    const ast_selection *first;
    const shape_cond *conds;
} shape_source;

typedef struct shape_entry {
    plan_shape_field field;
    const schema_field *def;    /* NULL for __typename and unknown fields */
    const ast_selection *first; /* the first selection merged here */
    shape_source *subs;         /* the sub-selections of the field selections merged here */
    uint32_t nsubs, cap;
    bool always;               /* selected once without a variable condition */
    const shape_cond **guards; /* otherwise: one chain per selection */
    uint32_t nguards;
} shape_entry;

/* What the whole build shares. */
typedef struct shape_state {
    qp_planner *p;
    strmap conds;  /* "up selection" -> interned shape_cond chain */
    strmap shapes; /* type and sources -> plan_shape built for them */
    uint32_t nfields;
} shape_state;

/* One selection set collected for one object type, or for whatever type
 * (object NULL: the fields every object of `parent` gets). */
typedef struct shape_builder {
    shape_state *st;
    const schema_type *parent; /* API schema */
    const schema_type *object;
    shape_entry *entries;
    uint32_t n, cap;
    sbuf fragments; /* the fragments entered: types entering the same collect the same */
} shape_builder;

static const ast_type string_type = {AST_TYPE_NAMED, {0, 0}, "String", NULL};
static const ast_type typename_type = {AST_TYPE_NON_NULL, {0, 0}, NULL, (ast_type *)&string_type};

/* Appends p in hex: memo keys made of addresses, cheaper than printf. */
static void put_address(sbuf *out, const void *p)
{
    char hex[2 * sizeof(uintptr_t) + 1];
    uintptr_t v = (uintptr_t)p;
    size_t n = 0;
    do {
        hex[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    hex[n++] = ' ';
    sbuf_append(out, hex, n);
}

static bool literally_excluded(const ast_directive *dirs)
{
    for (const ast_directive *d = dirs; d; d = d->next) {
        bool skip = strcmp(d->name, "skip") == 0;
        if (!skip && strcmp(d->name, "include") != 0) continue;
        const ast_argument *arg = ast_find_argument(d->arguments, "if");
        if (arg && arg->value->kind == AST_VALUE_BOOLEAN && arg->value->boolean == skip)
            return true;
    }
    return false;
}

static const char *variable_condition(const ast_directive *dirs, const char *name)
{
    const ast_directive *d = ast_find_directive(dirs, name);
    const ast_argument *arg = d ? ast_find_argument(d->arguments, "if") : NULL;
    return arg && arg->value->kind == AST_VALUE_VARIABLE ? arg->value->str : NULL;
}

static const shape_cond *cond_push(shape_state *st, const shape_cond *up, const char *variable,
                                   bool skip)
{
    shape_cond *c = ARENA_NEW(st->p->a, shape_cond);
    c->up = up;
    c->variable = arena_strdup(st->p->a, variable);
    c->skip = skip;
    return c;
}

/* The chain for selection s under `up`. */
static const shape_cond *conds_of(shape_state *st, const shape_cond *up, const ast_selection *s)
{
    const char *skip = variable_condition(s->directives, "skip");
    const char *include = variable_condition(s->directives, "include");
    if (!skip && !include) return up;
    char key[64];
    snprintf(key, sizeof key, "%p %p", (const void *)up, (const void *)s);
    const shape_cond *known = strmap_get(&st->conds, key);
    if (known) return known;
    const shape_cond *c = up;
    if (skip) c = cond_push(st, c, skip, true);
    if (include) c = cond_push(st, c, include, false);
    strmap_put(&st->conds, arena_strdup(st->p->a, key), (void *)c);
    return c;
}

/* Whether a fragment on `cond` (NULL: none) applies to what b collects. */
static bool fragment_applies(const shape_builder *b, const schema_type *cond)
{
    if (!cond || cond == b->parent) return true;
    if (b->object) return cond == b->object || schema_is_possible_type(cond, b->object);
    for (uint32_t i = 0; i < b->parent->npossible; i++)
        if (!schema_is_possible_type(cond, b->parent->possible[i])) return false;
    return b->parent->npossible > 0;
}

static shape_entry *entry_for(shape_builder *b, const ast_selection *s, const schema_type *on)
{
    const char *key = ast_response_key(s);
    for (uint32_t i = 0; i < b->n; i++)
        if (strcmp(b->entries[i].field.response_key, key) == 0) return &b->entries[i];
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        shape_entry *grown = ARENA_ARRAY(b->st->p->a, shape_entry, b->cap);
        if (b->n) memcpy(grown, b->entries, sizeof *grown * b->n);
        b->entries = grown;
    }
    qp_planner *p = b->st->p;
    shape_entry *e = &b->entries[b->n++];
    memset(e, 0, sizeof *e);
    e->first = s;
    plan_shape_field *f = &e->field;
    f->response_key = f->data_key = arena_strdup(p->a, key);
    f->parent_type = (b->object ? b->object : b->parent)->name;
    f->field_name = s->name;
    if (strcmp(s->name, "__typename") == 0) {
        f->kind = PLAN_SHAPE_TYPENAME;
        f->type = &typename_type;
        return e;
    }
    /* A field of a type condition's type that the parent lacks (a field of
     * Book under an interface every object of it implements) is found there. */
    const schema_field *def = schema_get_field(b->object ? b->object : b->parent, s->name);
    if (!def && on) def = schema_get_field(on, s->name);
    e->def = def;
    f->kind = b->parent == schema_root_type(p->sg->api, p->op->operation) &&
                      introspection_is_meta_field(s->name)
                  ? PLAN_SHAPE_INTROSPECTION
                  : PLAN_SHAPE_FIELD;
    if (def) {
        f->field_name = def->name;
        f->type = def->type;
    }
    return e;
}

static void add_guard(shape_builder *b, shape_entry *e, const shape_cond *conds)
{
    if (!conds) e->always = true;
    if (e->always) return;
    for (uint32_t i = 0; i < e->nguards; i++)
        if (e->guards[i] == conds) return;
    const shape_cond **grown = ARENA_ARRAY(b->st->p->a, const shape_cond *, e->nguards + 1);
    if (e->nguards) memcpy(grown, e->guards, sizeof *grown * e->nguards);
    grown[e->nguards++] = conds;
    e->guards = grown;
}

static void add_occurrence(shape_builder *b, const ast_selection *s, const shape_cond *conds,
                           const schema_type *on)
{
    shape_entry *e = entry_for(b, s, on);
    add_guard(b, e, conds);
    if (!s->selection_set || e->nsubs == SHAPE_MAX_OCCURRENCES) return;
    if (e->nsubs == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 4;
        shape_source *grown = ARENA_ARRAY(b->st->p->a, shape_source, e->cap);
        if (e->nsubs) memcpy(grown, e->subs, sizeof *grown * e->nsubs);
        e->subs = grown;
    }
    e->subs[e->nsubs++] = (shape_source){s->selection_set, conds};
}

/* Collects a selection set on type `on`. */
static void collect(shape_builder *b, const ast_selection *first, const shape_cond *conds,
                    const schema_type *on, uint32_t depth)
{
    qp_planner *p = b->st->p;
    if (depth > QP_MAX_DEPTH) {
        qp_fail(p, "The operation nests deeper than %d selections.", QP_MAX_DEPTH);
        return;
    }
    for (const ast_selection *s = first; s && !p->failed; s = s->next) {
        if (literally_excluded(s->directives)) continue;
        const shape_cond *here = conds_of(b->st, conds, s);
        if (s->kind == AST_SEL_FIELD) {
            add_occurrence(b, s, here, on);
            continue;
        }
        const char *cond_name = s->type_condition;
        const ast_selection *body = s->selection_set;
        if (s->kind == AST_SEL_FRAGMENT_SPREAD) {
            const ast_definition *frag = ast_find_fragment(p->doc, s->name);
            if (!frag) continue;
            cond_name = frag->type_condition;
            body = frag->selection_set;
        }
        const schema_type *cond = cond_name ? schema_get_type(p->sg->api, cond_name) : NULL;
        if (cond_name && !cond) continue;
        if (!fragment_applies(b, cond)) continue;
        put_address(&b->fragments, s);
        collect(b, body, here, cond ? cond : on, depth + 1);
    }
}

/* The field and the document's fragments, printed and parsed again into the
 * plan's arena: the plan must not point into the request's tree. */
static void copy_introspection(qp_planner *p, plan_shape_field *f, const ast_selection *s)
{
    sbuf text;
    sbuf_init(&text);
    ast_selection lone = *s;
    lone.next = NULL;
    print_selection_set(&text, &lone);
    for (const ast_definition *d = p->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_FRAGMENT) continue;
        ast_definition def = *d;
        def.next = NULL;
        ast_document one = {&def, 1};
        sbuf_putc(&text, '\n');
        print_document(&text, &one);
    }
    parse_error err;
    ast_document *doc = parse_document(p->a, text.data, text.len, NULL, &err);
    sbuf_free(&text);
    if (!doc) {
        qp_fail(p, "Cannot plan introspection field %s: %s", s->name, err.message);
        return;
    }
    f->introspection_doc = doc;
    f->introspection_field = doc->definitions->selection_set;
}

/* A chain as a guard: every skip variable false, every include one true. */
static plan_shape_guard guard_of(qp_planner *p, const shape_cond *chain)
{
    uint32_t nskip = 0, ninclude = 0;
    for (const shape_cond *c = chain; c; c = c->up)
        c->skip ? nskip++ : ninclude++;
    plan_shape_guard g = {0};
    g.skip_if = ARENA_ARRAY(p->a, const char *, nskip ? nskip : 1);
    g.include_if = ARENA_ARRAY(p->a, const char *, ninclude ? ninclude : 1);
    for (const shape_cond *c = chain; c; c = c->up) {
        if (c->skip)
            g.skip_if[g.nskip_if++] = c->variable;
        else
            g.include_if[g.ninclude_if++] = c->variable;
    }
    return g;
}

static const plan_shape *build(shape_state *st, const schema_type *parent,
                               const shape_source *sources, uint32_t nsources, uint32_t depth);

static void finish_field(shape_state *st, shape_entry *e, plan_shape_field *f, uint32_t depth)
{
    qp_planner *p = st->p;
    *f = e->field;
    if (!e->always) {
        plan_shape_guard *guards = ARENA_ARRAY(p->a, plan_shape_guard, e->nguards);
        for (uint32_t i = 0; i < e->nguards; i++)
            guards[i] = guard_of(p, e->guards[i]);
        f->guards = guards;
        f->nguards = e->nguards;
    }
    if (f->kind == PLAN_SHAPE_INTROSPECTION) {
        copy_introspection(p, f, e->first);
        return;
    }
    const schema_field *def = f->kind == PLAN_SHAPE_FIELD ? e->def : NULL;
    if (def && schema_is_composite(def->named))
        f->selection = build(st, def->named, e->subs, e->nsubs, depth + 1);
}

static const plan_shape *finish(shape_builder *b, uint32_t depth)
{
    shape_state *st = b->st;
    qp_planner *p = st->p;
    plan_shape *shape = ARENA_NEW(p->a, plan_shape);
    shape->fields = ARENA_ARRAY(p->a, plan_shape_field, b->n ? b->n : 1);
    shape->nfields = b->n;
    st->nfields += b->n;
    if (st->nfields > SHAPE_MAX_FIELDS)
        qp_fail(p, "The operation's response needs more than %d fields.", SHAPE_MAX_FIELDS);
    for (uint32_t i = 0; i < b->n && !p->failed; i++)
        finish_field(st, &b->entries[i], &shape->fields[i], depth);
    return shape;
}

static void collect_all(shape_builder *b, const shape_source *sources, uint32_t nsources,
                        uint32_t depth)
{
    for (uint32_t i = 0; i < nsources; i++)
        collect(b, sources[i].first, sources[i].conds, b->parent, depth);
}

/* The object types of an abstract parent that collect other fields than
 * the parent as a whole get shapes of their own. */
static void add_variants(shape_state *st, plan_shape *base, const shape_builder *whole,
                         const shape_source *sources, uint32_t nsources, uint32_t depth)
{
    qp_planner *p = st->p;
    const schema_type *parent = whole->parent;
    base->variant_types = ARENA_ARRAY(p->a, const char *, parent->npossible);
    base->variants = ARENA_ARRAY(p->a, const plan_shape *, parent->npossible);
    const char **signatures = ARENA_ARRAY(p->a, const char *, parent->npossible);
    for (uint32_t i = 0; i < parent->npossible && !p->failed; i++) {
        shape_builder b = {.st = st, .parent = parent, .object = parent->possible[i]};
        sbuf_init(&b.fragments);
        collect_all(&b, sources, nsources, depth);
        const char *sig = b.fragments.data ? b.fragments.data : "";
        const plan_shape *same = NULL;
        if (strcmp(sig, whole->fragments.data ? whole->fragments.data : "") != 0) {
            for (uint32_t j = 0; j < base->nvariants && !same; j++)
                if (strcmp(signatures[j], sig) == 0) same = base->variants[j];
            if (!same) same = finish(&b, depth);
            signatures[base->nvariants] = arena_strdup(p->a, sig);
            base->variant_types[base->nvariants] = parent->possible[i]->name;
            base->variants[base->nvariants++] = same;
        }
        sbuf_free(&b.fragments);
    }
}

/* The shape of the selection sets `sources` on parent; one selection set
 * reached again the same way (a field under a type condition and outside
 * it, in every variant) is built once. */
static const plan_shape *build(shape_state *st, const schema_type *parent,
                               const shape_source *sources, uint32_t nsources, uint32_t depth)
{
    qp_planner *p = st->p;
    sbuf key;
    sbuf_init(&key);
    sbuf_puts(&key, parent->name);
    sbuf_putc(&key, ' ');
    for (uint32_t i = 0; i < nsources; i++) {
        put_address(&key, sources[i].first);
        put_address(&key, sources[i].conds);
    }
    const plan_shape *known = strmap_get(&st->shapes, key.data);
    if (known) {
        sbuf_free(&key);
        return known;
    }
    shape_builder whole = {.st = st, .parent = parent};
    if (!schema_is_abstract(parent)) whole.object = parent;
    sbuf_init(&whole.fragments);
    collect_all(&whole, sources, nsources, depth);
    plan_shape *shape = (plan_shape *)finish(&whole, depth);
    if (schema_is_abstract(parent) && !p->failed)
        add_variants(st, shape, &whole, sources, nsources, depth);
    sbuf_free(&whole.fragments);
    strmap_put(&st->shapes, arena_strndup(p->a, key.data, key.len), shape);
    sbuf_free(&key);
    return shape;
}

const plan_shape *qp_build_shape(qp_planner *p, const schema_type *root)
{
    shape_state st = {.p = p};
    strmap_init(&st.conds, p->a, 8);
    strmap_init(&st.shapes, p->a, 16);
    shape_source top = {p->op->selection_set, NULL};
    return build(&st, root, &top, 1, 0);
}
