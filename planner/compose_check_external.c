/* compose_check_external.c: Apollo's rules on @external in one Federation 2
 * subgraph. An interface field cannot be external (EXTERNAL_ON_INTERFACE),
 * and an external field must be used (EXTERNAL_UNUSED): selected by a @key,
 * @requires or @provides of the subgraph (on an interface, the implementing
 * fields count too), or implementing a field of an interface. Federation 1
 * subgraphs are exempt: Apollo's upgrade drops such @external before
 * validating, and so does the subgraph reader. */
#include <string.h>

#include "compose_check_int.h"

/* Nesting bound of a walk over a parsed FieldSet (the parser bounds it
 * already; this keeps the walk safe on its own). */
#define USED_MAX_DEPTH 256

typedef struct used_set {
    compose_ctx *c;
    const csub *s;
    strmap coords; /* "Type.field" -> non-NULL */
} used_set;

static void mark(used_set *u, const ctype *t, const char *field)
{
    strmap_put(&u->coords, arena_sprintf(u->c->arena, "%s.%s", t->name, field), (void *)1);
}

static bool is_used(const used_set *u, const ctype *t, const cfield *f)
{
    return strmap_get(&u->coords, cc_coord(u->c->arena, t, f)) != NULL;
}

/* A field selected on an interface is used in every implementation too. */
static void mark_with_implementations(used_set *u, const ctype *t, const char *field)
{
    mark(u, t, field);
    if (t->kind != SCHEMA_INTERFACE) return;
    for (uint32_t i = 0; i < u->s->ntypes; i++) {
        const ctype *impl = &u->s->types[i];
        if (impl->kind == SCHEMA_OBJECT && cc_implements(impl, t->name) && ctype_field(impl, field))
            mark(u, impl, field);
    }
}

static void mark_selection(used_set *u, const ctype *t, const ast_selection *sel, unsigned depth)
{
    if (!t || depth > USED_MAX_DEPTH) return;
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            const ctype *cond = sel->type_condition ? csub_type(u->s, sel->type_condition) : t;
            mark_selection(u, cond, sel->selection_set, depth + 1);
            continue;
        }
        if (sel->kind != AST_SEL_FIELD) continue;
        const cfield *f = ctype_field(t, sel->name);
        if (!f) continue;
        mark_with_implementations(u, t, f->name);
        if (sel->selection_set)
            mark_selection(u, cc_field_type(u->s, f), sel->selection_set, depth + 1);
    }
}

/* Fields of object types that implement a field of one of their interfaces. */
static void mark_interface_implementations(used_set *u, const ctype *t)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++) {
        const ctype *itf = csub_type(u->s, t->interfaces[i].name);
        if (!itf || itf->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t j = 0; j < itf->nfields; j++)
            if (ctype_field(t, itf->fields[j].name)) mark(u, t, itf->fields[j].name);
    }
}

static void collect_used(used_set *u)
{
    for (uint32_t i = 0; i < u->s->ntypes; i++) {
        const ctype *t = &u->s->types[i];
        for (uint32_t k = 0; k < t->nkeys; k++)
            mark_selection(u, t, t->keys[k].selection, 0);
        for (uint32_t j = 0; j < t->nfields; j++) {
            const cfield *f = &t->fields[j];
            if (f->requires_sel) mark_selection(u, t, f->requires_sel, 0);
            if (f->provides_sel) mark_selection(u, cc_field_type(u->s, f), f->provides_sel, 0);
        }
        if (t->kind == SCHEMA_OBJECT) mark_interface_implementations(u, t);
    }
}

void cc_check_externals(compose_ctx *c, const csub *s)
{
    if (!s->fed2) return;
    used_set u = {c, s, {0}};
    strmap_init(&u.coords, c->arena, 64);
    collect_used(&u);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind == SCHEMA_INTERFACE)
            for (uint32_t j = 0; j < t->nfields; j++)
                if (t->fields[j].external)
                    compose_error(c, "EXTERNAL_ON_INTERFACE", s, t->fields[j].m.loc,
                                  "Interface type field \"%s\" is marked @external but "
                                  "@external is not allowed on interface fields (it is "
                                  "nonsensical).",
                                  cc_coord(c->arena, t, &t->fields[j]));
    }
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t j = 0; j < t->nfields; j++) {
            const cfield *f = &t->fields[j];
            if (!f->external || is_used(&u, t, f)) continue;
            compose_error(c, "EXTERNAL_UNUSED", s, f->m.loc,
                          "Field \"%s\" is marked @external but is not used in any "
                          "federation directive (@key, @provides, @requires) or to satisfy an "
                          "interface; the field declaration has no use and should be removed "
                          "(or the field should not be @external).",
                          cc_coord(c->arena, t, f));
        }
    }
}
