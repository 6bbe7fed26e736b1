/* compose_check_inaccessible.c: Apollo's @inaccessible rules on the merged
 * supergraph (what must stay visible for the API schema to be valid): the
 * query root type is visible; a hidden type is not the type of a visible
 * field, argument or input field; a visible type keeps some visible field,
 * member or value; a hidden field or argument does not implement a visible
 * interface one; a required argument or input field is not hidden; a
 * visible default value uses no hidden enum value or input field. A
 * directive the supergraph keeps hides none of its arguments when it comes
 * from a feature (a composed one), nor a required one otherwise. */
#include <string.h>

#include "compose_check_int.h"

static bool hidden_type(const cmerged *m, const char *name)
{
    const cmtype *t = cmerged_type(m, name);
    return t && t->m.inaccessible;
}

static const cmfield *merged_field(const cmtype *t, const char *name)
{
    for (uint32_t i = 0; t && i < t->nfields; i++)
        if (strcmp(t->fields[i].name, name) == 0) return &t->fields[i];
    return NULL;
}

static const cmfield *merged_arg(const cmfield *f, const char *name)
{
    for (uint32_t i = 0; f && i < f->nargs; i++)
        if (strcmp(f->args[i].name, name) == 0) return &f->args[i];
    return NULL;
}

static bool is_required(const cmfield *f)
{
    return f->type && f->type->kind == AST_TYPE_NON_NULL && !f->default_value;
}

/* The type is hidden: report every visible element whose type it is. */
static void check_references(compose_ctx *c, const cmerged *m, const cmtype *hidden)
{
    if (hidden->root == AST_OP_QUERY || strcmp(hidden->name, "Query") == 0)
        compose_error(c, "QUERY_ROOT_TYPE_INACCESSIBLE", NULL, (src_loc){0, 0},
                      "Type \"%s\" is @inaccessible but is the root query type, which must be in "
                      "the API schema.",
                      hidden->name);
    for (uint32_t j = 0; j < m->ntypes; j++) {
        const cmtype *t = &m->types[j];
        if (t->m.inaccessible) continue;
        for (uint32_t k = 0; k < t->nfields; k++) {
            const cmfield *f = &t->fields[k];
            if (f->m.inaccessible) continue;
            if (f->type && strcmp(ast_type_name(f->type), hidden->name) == 0)
                compose_error(c, "REFERENCED_INACCESSIBLE", NULL, (src_loc){0, 0},
                              "Type \"%s\" is @inaccessible but is referenced by \"%s.%s\", "
                              "which is in the API schema.",
                              hidden->name, t->name, f->name);
            for (uint32_t a = 0; a < f->nargs; a++)
                if (!f->args[a].m.inaccessible && f->args[a].type &&
                    strcmp(ast_type_name(f->args[a].type), hidden->name) == 0)
                    compose_error(c, "REFERENCED_INACCESSIBLE", NULL, (src_loc){0, 0},
                                  "Type \"%s\" is @inaccessible but is referenced by "
                                  "\"%s.%s(%s:)\", which is in the API schema.",
                                  hidden->name, t->name, f->name, f->args[a].name);
        }
    }
}

static void check_children(compose_ctx *c, const cmerged *m, const cmtype *t)
{
    const char *what = NULL;
    bool empty = true;
    if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE || t->kind == SCHEMA_INPUT_OBJECT) {
        what = t->kind == SCHEMA_INPUT_OBJECT ? "input fields" : "fields";
        for (uint32_t k = 0; k < t->nfields; k++)
            empty &= t->fields[k].m.inaccessible;
    } else if (t->kind == SCHEMA_UNION) {
        what = "members";
        for (uint32_t k = 0; k < t->nmembers; k++)
            empty &= hidden_type(m, t->members[k].name);
    } else if (t->kind == SCHEMA_ENUM) {
        what = "values";
        for (uint32_t k = 0; k < t->nvalues; k++)
            empty &= t->values[k].m.inaccessible;
    }
    /* An empty merged type is reported by its own rule (EMPTY_MERGED_*). */
    bool has_children = t->nfields || t->nmembers || t->nvalues;
    if (what && empty && has_children)
        compose_error(c, "ONLY_INACCESSIBLE_CHILDREN", NULL, (src_loc){0, 0},
                      "Type \"%s\" is in the API schema but all of its %s are @inaccessible.",
                      t->name, what);
}

/* Implementations of interface `itf` among the merged object and interface types. */
static void check_implementing_args(compose_ctx *c, const cmerged *m, const cmtype *itf,
                                    const cmfield *f, const cmfield *arg)
{
    for (uint32_t j = 0; j < m->ntypes; j++) {
        const cmtype *t = &m->types[j];
        bool implements = false;
        for (uint32_t k = 0; k < t->ninterfaces; k++)
            implements |= strcmp(t->interfaces[k].name, itf->name) == 0;
        if (!implements || t->m.inaccessible) continue;
        const cmfield *impl_field = merged_field(t, f->name);
        const cmfield *impl_arg = merged_arg(impl_field, arg->name);
        if (impl_arg && !impl_field->m.inaccessible && !impl_arg->m.inaccessible &&
            is_required(impl_arg))
            compose_error(c, "REQUIRED_INACCESSIBLE", NULL, (src_loc){0, 0},
                          "Argument \"%s.%s(%s:)\" is @inaccessible but is implemented by the "
                          "required argument \"%s.%s(%s:)\", which is in the API schema.",
                          itf->name, f->name, arg->name, t->name, f->name, arg->name);
    }
}

static void check_fields(compose_ctx *c, const cmerged *m, const cmtype *t)
{
    for (uint32_t k = 0; k < t->nfields; k++) {
        const cmfield *f = &t->fields[k];
        for (uint32_t i = 0; i < t->ninterfaces; i++) {
            const cmtype *itf = cmerged_type(m, t->interfaces[i].name);
            const cmfield *itf_field = merged_field(itf, f->name);
            if (!itf_field || itf->m.inaccessible || itf_field->m.inaccessible) continue;
            if (f->m.inaccessible) {
                compose_error(c, "IMPLEMENTED_BY_INACCESSIBLE", NULL, (src_loc){0, 0},
                              "Field \"%s.%s\" is @inaccessible but implements the interface "
                              "field \"%s.%s\", which is in the API schema.",
                              t->name, f->name, itf->name, f->name);
                continue;
            }
            for (uint32_t a = 0; a < f->nargs; a++) {
                const cmfield *itf_arg = merged_arg(itf_field, f->args[a].name);
                if (f->args[a].m.inaccessible && itf_arg && !itf_arg->m.inaccessible)
                    compose_error(c, "IMPLEMENTED_BY_INACCESSIBLE", NULL, (src_loc){0, 0},
                                  "Argument \"%s.%s(%s:)\" is @inaccessible but implements the "
                                  "interface argument \"%s.%s(%s:)\", which is in the API "
                                  "schema.",
                                  t->name, f->name, f->args[a].name, itf->name, f->name,
                                  f->args[a].name);
            }
        }
        if (f->m.inaccessible) continue;
        for (uint32_t a = 0; a < f->nargs; a++) {
            const cmfield *arg = &f->args[a];
            if (!arg->m.inaccessible) continue;
            if (is_required(arg))
                compose_error(c, "REQUIRED_INACCESSIBLE", NULL, (src_loc){0, 0},
                              "Argument \"%s.%s(%s:)\" is @inaccessible but is a required "
                              "argument of its field.",
                              t->name, f->name, arg->name);
            if (t->kind == SCHEMA_INTERFACE) check_implementing_args(c, m, t, f, arg);
        }
    }
}

static void check_input_fields(compose_ctx *c, const cmtype *t)
{
    for (uint32_t k = 0; k < t->nfields; k++)
        if (t->fields[k].m.inaccessible && is_required(&t->fields[k]))
            compose_error(c, "REQUIRED_INACCESSIBLE", NULL, (src_loc){0, 0},
                          "Input field \"%s.%s\" is @inaccessible but is a required input field "
                          "of its type.",
                          t->name, t->fields[k].name);
}

/* ---- default values ---- */

/* Default values nest no deeper than the parser allowed; bound for the walk. */
#define DEFAULT_MAX_DEPTH 256

static const cmvalue *merged_value(const cmtype *t, const char *name)
{
    for (uint32_t i = 0; i < t->nvalues; i++)
        if (strcmp(t->values[i].name, name) == 0) return &t->values[i];
    return NULL;
}

/* The hidden enum values and input fields a default value of type `type`
 * names, each reported against `coord`, the visible element it belongs to. */
static void check_default_value(compose_ctx *c, const cmerged *m, const char *coord,
                                const char *type, const ast_value *v, unsigned depth)
{
    const cmtype *t = cmerged_type(m, type);
    if (!t || !v || depth > DEFAULT_MAX_DEPTH) return;
    if (v->kind == AST_VALUE_LIST) {
        for (const ast_value *item = v->items; item; item = item->next)
            check_default_value(c, m, coord, type, item, depth + 1);
        return;
    }
    if (t->kind == SCHEMA_ENUM && v->kind == AST_VALUE_ENUM) {
        const cmvalue *value = merged_value(t, v->str);
        if (value && value->m.inaccessible)
            compose_error(c, "DEFAULT_VALUE_USES_INACCESSIBLE", NULL, (src_loc){0, 0},
                          "Enum value \"%s.%s\" is @inaccessible but is used in the default value "
                          "of \"%s\", which is in the API schema.",
                          t->name, value->name, coord);
        return;
    }
    if (t->kind != SCHEMA_INPUT_OBJECT || v->kind != AST_VALUE_OBJECT) return;
    for (const ast_object_field *of = v->fields; of; of = of->next) {
        const cmfield *field = merged_field(t, of->name);
        if (!field) continue;
        if (field->m.inaccessible)
            compose_error(c, "DEFAULT_VALUE_USES_INACCESSIBLE", NULL, (src_loc){0, 0},
                          "Input field \"%s.%s\" is @inaccessible but is used in the default "
                          "value of \"%s\", which is in the API schema.",
                          t->name, field->name, coord);
        if (field->type)
            check_default_value(c, m, coord, ast_type_name(field->type), of->value, depth + 1);
    }
}

/* Every visible argument and input field with a default. */
static void check_default_values(compose_ctx *c, const cmerged *m, const cmtype *t)
{
    arena *a = c->arena;
    for (uint32_t k = 0; k < t->nfields; k++) {
        const cmfield *f = &t->fields[k];
        if (f->m.inaccessible) continue;
        if (t->kind == SCHEMA_INPUT_OBJECT && f->default_value && f->type)
            check_default_value(c, m, arena_sprintf(a, "%s.%s", t->name, f->name),
                                ast_type_name(f->type), f->default_value, 0);
        for (uint32_t i = 0; i < f->nargs; i++) {
            const cmfield *arg = &f->args[i];
            if (arg->m.inaccessible || !arg->default_value || !arg->type) continue;
            check_default_value(c, m, arena_sprintf(a, "%s.%s(%s:)", t->name, f->name, arg->name),
                                ast_type_name(arg->type), arg->default_value, 0);
        }
    }
}

static void check_directive(compose_ctx *c, const cmdirective *d)
{
    const cfield *const *args = d->args;
    uint32_t n = d->nargs;
    if (!d->executable) {
        for (uint32_t i = 0; i < d->def->nargs; i++)
            if (d->def->args[i].m.inaccessible) {
                compose_error(c, "DISALLOWED_INACCESSIBLE", NULL, (src_loc){0, 0},
                              "Core feature directive \"@%s\" cannot use @inaccessible.",
                              d->def->name);
                return;
            }
        return;
    }
    for (uint32_t i = 0; i < n; i++)
        if (args[i]->m.inaccessible && args[i]->type->kind == AST_TYPE_NON_NULL &&
            !args[i]->default_value)
            compose_error(c, "REQUIRED_INACCESSIBLE", NULL, (src_loc){0, 0},
                          "Argument \"@%s(%s:)\" is @inaccessible but is a required argument of "
                          "its directive.",
                          d->def->name, args[i]->name);
}

void cc_check_inaccessible(compose_ctx *c, const cmerged *m)
{
    for (uint32_t j = 0; j < m->ntypes; j++) {
        const cmtype *t = &m->types[j];
        if (t->m.inaccessible) {
            check_references(c, m, t);
            continue;
        }
        check_children(c, m, t);
        if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) check_fields(c, m, t);
        if (t->kind == SCHEMA_INPUT_OBJECT) check_input_fields(c, t);
        check_default_values(c, m, t);
    }
    for (uint32_t k = 0; k < m->ndirectives; k++)
        check_directive(c, &m->directives[k]);
}
