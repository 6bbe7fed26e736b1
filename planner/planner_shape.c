/* planner_shape.c: the response shape (plan.h plan_shape) of an operation,
 * from the client's selections and the API schema alone: fields in response
 * order with fragments flattened (fields of one response key merged, as
 * GraphQL's field collection does), literal @skip/@include applied, variable
 * ones recorded, and the types narrower fields apply to. Root __schema and
 * __type fields carry a copy of themselves and the document's fragments in
 * the plan's arena, so the executor can answer them locally. */
#include <string.h>

#include "introspection.h"
#include "parser.h"
#include "planner_int.h"
#include "printer.h"

#define SHAPE_MAX_OCCURRENCES 4096 /* selections merged into one response key */

typedef struct shape_entry {
    plan_shape_field field;
    const schema_field *def;           /* NULL for __typename and unknown fields */
    const ast_selection **occurrences; /* the field selections merged here */
    uint32_t noccurrences, cap;
    bool always; /* selected at least once without a narrower type condition */
} shape_entry;

typedef struct shape_builder {
    qp_planner *p;
    const schema_type *parent; /* API schema */
    shape_entry *entries;
    uint32_t n, cap;
} shape_builder;

static const ast_type string_type = {AST_TYPE_NAMED, {0, 0}, "String", NULL};
static const ast_type typename_type = {AST_TYPE_NON_NULL, {0, 0}, NULL, (ast_type *)&string_type};

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

typedef struct shape_conds {
    const schema_type *type; /* narrowest type condition in force, NULL = the parent */
    const char *skip_if, *include_if;
} shape_conds;

static void add_only_for(shape_builder *b, shape_entry *e, const schema_type *cond)
{
    arena *a = b->p->a;
    for (uint32_t i = 0; i < b->parent->npossible; i++) {
        const schema_type *o = b->parent->possible[i];
        if (!schema_is_possible_type(cond, o)) continue;
        bool known = false;
        for (uint32_t j = 0; j < e->field.nonly_for_types; j++)
            known |= strcmp(e->field.only_for_types[j], o->name) == 0;
        if (known) continue;
        const char **grown = ARENA_ARRAY(a, const char *, e->field.nonly_for_types + 1);
        if (e->field.nonly_for_types)
            memcpy(grown, e->field.only_for_types, sizeof *grown * e->field.nonly_for_types);
        grown[e->field.nonly_for_types++] = o->name;
        e->field.only_for_types = grown;
    }
}

/* The field s names, on the parent or, when only the objects of a type
 * condition have it (a field of Book under an interface), on that type. */
static const schema_field *field_def(const shape_builder *b, const ast_selection *s,
                                     const schema_type *cond)
{
    const schema_field *def = schema_get_field(b->parent, s->name);
    return def || !cond ? def : schema_get_field(cond, s->name);
}

static shape_entry *entry_for(shape_builder *b, const ast_selection *s, const schema_type *cond)
{
    const char *key = ast_response_key(s);
    for (uint32_t i = 0; i < b->n; i++)
        if (strcmp(b->entries[i].field.response_key, key) == 0) return &b->entries[i];
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        shape_entry *grown = ARENA_ARRAY(b->p->a, shape_entry, b->cap);
        if (b->n) memcpy(grown, b->entries, sizeof *grown * b->n);
        b->entries = grown;
    }
    shape_entry *e = &b->entries[b->n++];
    memset(e, 0, sizeof *e);
    plan_shape_field *f = &e->field;
    f->response_key = f->data_key = arena_strdup(b->p->a, key);
    f->parent_type = b->parent->name;
    f->field_name = s->name;
    if (strcmp(s->name, "__typename") == 0) {
        f->kind = PLAN_SHAPE_TYPENAME;
        f->type = &typename_type;
    } else {
        const schema_field *def = field_def(b, s, cond);
        e->def = def;
        f->kind = b->parent == schema_root_type(b->p->sg->api, b->p->op->operation) &&
                          introspection_is_meta_field(s->name)
                      ? PLAN_SHAPE_INTROSPECTION
                      : PLAN_SHAPE_FIELD;
        if (def) {
            f->field_name = def->name;
            f->type = def->type;
        }
    }
    return e;
}

static void add_occurrence(shape_builder *b, const ast_selection *s, shape_conds conds)
{
    shape_entry *e = entry_for(b, s, conds.type);
    if (!e->field.skip_if) e->field.skip_if = conds.skip_if;
    if (!e->field.include_if) e->field.include_if = conds.include_if;
    if (!conds.type || conds.type == b->parent || b->parent->kind == SCHEMA_OBJECT)
        e->always = true;
    else
        add_only_for(b, e, conds.type);
    if (e->noccurrences == SHAPE_MAX_OCCURRENCES) return;
    if (e->noccurrences == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 4;
        const ast_selection **grown = ARENA_ARRAY(b->p->a, const ast_selection *, e->cap);
        if (e->noccurrences) memcpy(grown, e->occurrences, sizeof *grown * e->noccurrences);
        e->occurrences = grown;
    }
    e->occurrences[e->noccurrences++] = s;
}

static void collect(shape_builder *b, const ast_selection *first, shape_conds conds, uint32_t depth)
{
    if (depth > QP_MAX_DEPTH) {
        qp_fail(b->p, "The operation nests deeper than %d selections.", QP_MAX_DEPTH);
        return;
    }
    for (const ast_selection *s = first; s; s = s->next) {
        if (literally_excluded(s->directives)) continue;
        shape_conds here = conds;
        const char *skip = variable_condition(s->directives, "skip");
        const char *include = variable_condition(s->directives, "include");
        if (skip) here.skip_if = arena_strdup(b->p->a, skip);
        if (include) here.include_if = arena_strdup(b->p->a, include);
        if (s->kind == AST_SEL_FIELD) {
            add_occurrence(b, s, here);
            continue;
        }
        const char *cond = s->type_condition;
        const ast_selection *body = s->selection_set;
        if (s->kind == AST_SEL_FRAGMENT_SPREAD) {
            const ast_definition *frag = ast_find_fragment(b->p->doc, s->name);
            if (!frag) continue;
            cond = frag->type_condition;
            body = frag->selection_set;
        }
        if (cond) {
            const schema_type *t = schema_get_type(b->p->sg->api, cond);
            if (t && (!here.type || t->kind == SCHEMA_OBJECT)) here.type = t;
        }
        collect(b, body, here, depth + 1);
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

static const plan_shape *build(qp_planner *p, const schema_type *parent,
                               const ast_selection *const *lists, uint32_t nlists, uint32_t depth)
{
    shape_builder b = {.p = p, .parent = parent};
    for (uint32_t i = 0; i < nlists; i++)
        collect(&b, lists[i], (shape_conds){0}, depth);
    plan_shape *shape = ARENA_NEW(p->a, plan_shape);
    shape->fields = ARENA_ARRAY(p->a, plan_shape_field, b.n ? b.n : 1);
    shape->nfields = b.n;
    for (uint32_t i = 0; i < b.n && !p->failed; i++) {
        shape_entry *e = &b.entries[i];
        plan_shape_field *f = &shape->fields[i];
        *f = e->field;
        if (e->always) {
            f->only_for_types = NULL;
            f->nonly_for_types = 0;
        }
        if (f->kind == PLAN_SHAPE_INTROSPECTION) {
            copy_introspection(p, f, e->occurrences[0]);
            continue;
        }
        const schema_field *def = f->kind == PLAN_SHAPE_FIELD ? e->def : NULL;
        if (!def || !schema_is_composite(def->named)) continue;
        const ast_selection **subs = ARENA_ARRAY(p->a, const ast_selection *, e->noccurrences);
        for (uint32_t j = 0; j < e->noccurrences; j++)
            subs[j] = e->occurrences[j]->selection_set;
        f->selection = build(p, def->named, subs, e->noccurrences, depth + 1);
    }
    return shape;
}

const plan_shape *qp_build_shape(qp_planner *p, const schema_type *root)
{
    const ast_selection *first = p->op->selection_set;
    return build(p, root, &first, 1, 0);
}
