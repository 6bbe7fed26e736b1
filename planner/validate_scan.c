/* validate_scan.c: the type-aware walk shared by the value, variable,
 * directive and overlap rules (see validate_scan.h). */
#include "validate_scan.h"

#include <string.h>

/* Never written: the named parts are not const only because ast_type.of is not. */

static ast_type vscan_string_type = {AST_TYPE_NAMED, {0, 0}, "String", NULL};
static const ast_type vscan_string_nonnull = {AST_TYPE_NON_NULL, {0, 0}, NULL, &vscan_string_type};
static ast_type vscan_schema_type = {AST_TYPE_NAMED, {0, 0}, "__Schema", NULL};
static const ast_type vscan_schema_nonnull = {AST_TYPE_NON_NULL, {0, 0}, NULL, &vscan_schema_type};
static const ast_type vscan_type_type = {AST_TYPE_NAMED, {0, 0}, "__Type", NULL};

void vscan_meta_init(vscan_meta *m, const schema *s)
{
    memset(m, 0, sizeof *m);
    m->typename_field.name = "__typename";
    m->typename_field.type = &vscan_string_nonnull;
    m->typename_field.named = schema_get_type(s, "String");
    m->schema_field.name = "__schema";
    m->schema_field.type = &vscan_schema_nonnull;
    m->schema_field.named = schema_get_type(s, "__Schema");
    m->type_name_arg.name = "name";
    m->type_name_arg.type = &vscan_string_nonnull;
    m->type_name_arg.named = m->typename_field.named;
    m->type_field.name = "__type";
    m->type_field.type = &vscan_type_type;
    m->type_field.named = schema_get_type(s, "__Type");
    m->type_field.args = &m->type_name_arg;
    m->type_field.nargs = 1;
}

const schema_field *vscan_field_def(const schema *s, const vscan_meta *m, const schema_type *parent,
                                    const char *name)
{
    if (!parent) return NULL;
    if (parent == s->query && strcmp(name, "__schema") == 0) return &m->schema_field;
    if (parent == s->query && strcmp(name, "__type") == 0) return &m->type_field;
    if (schema_is_composite(parent) && strcmp(name, "__typename") == 0) return &m->typename_field;
    if (parent->kind != SCHEMA_OBJECT && parent->kind != SCHEMA_INTERFACE) return NULL;
    return schema_get_field(parent, name);
}

schema_type *vscan_named(const schema *s, const ast_type *t)
{
    return t ? schema_get_type(s, ast_type_name(t)) : NULL;
}

typedef struct vscan_walk {
    const schema *s;
    const vscan_meta *m;
    const vscan_visitor *v;
} vscan_walk;

static const schema_type *vscan_composite_or_null(const schema_type *t)
{
    return t && schema_is_composite(t) ? t : NULL;
}

static void vscan_arguments(const vscan_walk *w, const ast_argument *args, const schema_field *defs,
                            uint32_t ndefs)
{
    for (; args; args = args->next) {
        vscan_position pos = {0};
        for (uint32_t i = 0; i < ndefs; i++) {
            if (strcmp(defs[i].name, args->name) != 0) continue;
            pos.type = defs[i].type;
            pos.has_default = defs[i].default_value != NULL;
            break;
        }
        if (w->v->value) w->v->value(w->v->user, args->value, &pos);
    }
}

/* Entering a place that holds directives. */
static void vscan_enter_directives(const vscan_walk *w, const ast_directive *dirs)
{
    if (dirs && w->v->directives) w->v->directives(w->v->user, dirs);
}

static void vscan_directives(const vscan_walk *w, const ast_directive *dirs,
                             schema_location location)
{
    for (; dirs; dirs = dirs->next) {
        if (w->v->directive) w->v->directive(w->v->user, dirs, location);
        const schema_directive *d = schema_get_directive(w->s, dirs->name);
        vscan_arguments(w, dirs->arguments, d ? d->args : NULL, d ? d->nargs : 0);
    }
}

static void vscan_selections(const vscan_walk *w, const schema_type *parent,
                             const ast_selection *sel)
{
    for (; sel; sel = sel->next) {
        switch (sel->kind) {
        case AST_SEL_FIELD: {
            const schema_field *def = vscan_field_def(w->s, w->m, parent, sel->name);
            vscan_enter_directives(w, sel->directives);
            vscan_arguments(w, sel->arguments, def ? def->args : NULL, def ? def->nargs : 0);
            vscan_directives(w, sel->directives, LOC_FIELD);
            if (!sel->selection_set) break;
            const schema_type *child = vscan_composite_or_null(def ? def->named : NULL);
            if (w->v->selection_set) w->v->selection_set(w->v->user, child, sel->selection_set);
            vscan_selections(w, child, sel->selection_set);
            break;
        }
        case AST_SEL_FRAGMENT_SPREAD:
            vscan_enter_directives(w, sel->directives);
            vscan_directives(w, sel->directives, LOC_FRAGMENT_SPREAD);
            break;
        case AST_SEL_INLINE_FRAGMENT: {
            const schema_type *type = parent;
            if (sel->type_condition)
                type = vscan_composite_or_null(schema_get_type(w->s, sel->type_condition));
            vscan_enter_directives(w, sel->directives);
            vscan_directives(w, sel->directives, LOC_INLINE_FRAGMENT);
            vscan_selections(w, type, sel->selection_set);
            break;
        }
        }
    }
}

static void vscan_variable_defs(const vscan_walk *w, const ast_variable_def *def)
{
    for (; def; def = def->next) {
        if (w->v->variable_def) w->v->variable_def(w->v->user, def);
        vscan_enter_directives(w, def->directives);
        if (def->default_value && w->v->value) {
            const schema_type *named = vscan_named(w->s, def->type);
            vscan_position pos = {.in_variable_default = true};
            pos.type = named && schema_is_input(named) ? def->type : NULL;
            w->v->value(w->v->user, def->default_value, &pos);
        }
        vscan_directives(w, def->directives, LOC_VARIABLE_DEFINITION);
    }
}

static schema_location vscan_operation_location(ast_operation_type op)
{
    switch (op) {
    case AST_OP_MUTATION:
        return LOC_MUTATION;
    case AST_OP_SUBSCRIPTION:
        return LOC_SUBSCRIPTION;
    case AST_OP_QUERY:
        break;
    }
    return LOC_QUERY;
}

void vscan_definition(const schema *s, const vscan_meta *m, const ast_definition *def,
                      const vscan_visitor *v)
{
    vscan_walk w = {s, m, v};
    const schema_type *parent;
    if (def->kind == AST_DEF_OPERATION) {
        parent = schema_root_type(s, def->operation);
        vscan_enter_directives(&w, def->directives);
        vscan_variable_defs(&w, def->variables);
        vscan_directives(&w, def->directives, vscan_operation_location(def->operation));
    } else if (def->kind == AST_DEF_FRAGMENT) {
        parent = vscan_composite_or_null(schema_get_type(s, def->type_condition));
        vscan_enter_directives(&w, def->directives);
        vscan_directives(&w, def->directives, LOC_FRAGMENT_DEFINITION);
    } else {
        return;
    }
    if (!def->selection_set) return;
    if (v->selection_set) v->selection_set(v->user, parent, def->selection_set);
    vscan_selections(&w, parent, def->selection_set);
}
