/* compose_check_external.c: Apollo's rules on @external in one Federation 2
 * subgraph. An interface field cannot be external (EXTERNAL_ON_INTERFACE),
 * and an external field must be used (EXTERNAL_UNUSED): selected by a @key,
 * @requires or @provides of the subgraph (on an interface, the implementing
 * fields count too), or implementing a field of an interface. Federation 1
 * subgraphs are exempt: Apollo's upgrade drops such @external before
 * validating, and so does the subgraph reader. After merging, an external
 * field may not carry a directive the supergraph keeps
 * (MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL). */
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

/* ---- merged directives on external fields ---- */

/* Directives the merge carries into the supergraph: federation's @tag,
 * @inaccessible, authorization and cost ones, GraphQL's own, and the ones
 * named by @composeDirective. */
static bool is_merged_directive(const csub *s, const char *name)
{
    static const cfed_dir merged[] = {
        CFED_TAG,    CFED_INACCESSIBLE, CFED_AUTHENTICATED, CFED_REQUIRES_SCOPES,
        CFED_POLICY, CFED_COST,         CFED_LIST_SIZE};
    static const char *const builtin[] = {"deprecated", "specifiedBy", "skip", "include", "oneOf"};
    for (size_t i = 0; i < sizeof merged / sizeof *merged; i++)
        if (s->dir_names[merged[i]] && strcmp(s->dir_names[merged[i]], name) == 0) return true;
    for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
        if (strcmp(builtin[i], name) == 0) return true;
    const cdirective *d = strmap_get(&s->directive_map, name);
    return d && d->composed;
}

/* The field's definition as written (in the type's definition or one of its
 * extensions). */
static const ast_field_def *written_field(const csub *s, const char *type, const char *field)
{
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (!d->name || strcmp(d->name, type) != 0) continue;
        for (const ast_field_def *f = d->fields; f; f = f->next)
            if (strcmp(f->name, field) == 0) return f;
    }
    return NULL;
}

static void check_external_directives(compose_ctx *c, const csub *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        for (uint32_t j = 0; j < t->nfields; j++) {
            if (!t->fields[j].external) continue;
            const ast_field_def *f = written_field(s, t->name, t->fields[j].name);
            for (const ast_directive *d = f ? f->directives : NULL; d; d = d->next)
                if (is_merged_directive(s, d->name))
                    compose_error(c, "MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL", s, d->loc,
                                  "Cannot apply merged directive %s to external field \"%s\"",
                                  cc_directive_text(c->arena, d),
                                  cc_coord(c->arena, t, &t->fields[j]));
        }
    }
}

void cc_check_merged_on_external(compose_ctx *c)
{
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (c->subs[i].fed2 && c->subs[i].doc) check_external_directives(c, &c->subs[i]);
}
