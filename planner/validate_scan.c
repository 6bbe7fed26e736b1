/* validate_scan.c: the walk shared by the value, variable, directive and
 * overlap rules (see validate_scan.h): definition-level parts here, the
 * selections through vwalk. */
#include "validate_scan.h"

#include <string.h>

schema_type *vscan_named(const schema *s, const ast_type *t)
{
    return t ? schema_get_type(s, ast_type_name(t)) : NULL;
}

static const schema_type *vscan_composite_or_null(const schema_type *t)
{
    return t && schema_is_composite(t) ? t : NULL;
}

static void vscan_arguments(const vscan *w, const ast_argument *args, const schema_field *defs,
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
static void vscan_enter_directives(const vscan *w, const ast_directive *dirs)
{
    if (dirs && w->v->directives) w->v->directives(w->v->user, dirs);
}

static void vscan_directives(const vscan *w, const ast_directive *dirs, schema_location location)
{
    for (; dirs; dirs = dirs->next) {
        if (w->v->directive) w->v->directive(w->v->user, dirs, location);
        const schema_directive *d = schema_get_directive(w->s, dirs->name);
        vscan_arguments(w, dirs->arguments, d ? d->args : NULL, d ? d->nargs : 0);
    }
}

/* vwalk calls this for every selection, before its children. */
static void vscan_selection(void *user, const vwalk_at *at)
{
    const vscan *w = user;
    const ast_selection *sel = at->sel;
    vscan_enter_directives(w, sel->directives);
    switch (sel->kind) {
    case AST_SEL_FIELD: {
        const schema_field *def = at->field;
        vscan_arguments(w, sel->arguments, def ? def->args : NULL, def ? def->nargs : 0);
        vscan_directives(w, sel->directives, LOC_FIELD);
        if (sel->selection_set && w->v->selection_set)
            w->v->selection_set(w->v->user, vscan_composite_or_null(at->type), sel->selection_set);
        break;
    }
    case AST_SEL_FRAGMENT_SPREAD:
        vscan_directives(w, sel->directives, LOC_FRAGMENT_SPREAD);
        break;
    case AST_SEL_INLINE_FRAGMENT:
        vscan_directives(w, sel->directives, LOC_INLINE_FRAGMENT);
        break;
    }
}

static void vscan_variable_defs(const vscan *w, const ast_variable_def *def)
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

void vscan_init(vscan *sc, const schema *s)
{
    sc->s = s;
    sc->v = NULL;
    vwalk_init(&sc->walker, s, vscan_selection, sc);
}

void vscan_definition(vscan *sc, const ast_definition *def, const vscan_visitor *v)
{
    if (def->kind != AST_DEF_OPERATION && def->kind != AST_DEF_FRAGMENT) return;
    sc->v = v;
    vscan_enter_directives(sc, def->directives);
    if (def->kind == AST_DEF_OPERATION) {
        vscan_variable_defs(sc, def->variables);
        vscan_directives(sc, def->directives, vscan_operation_location(def->operation));
    } else {
        vscan_directives(sc, def->directives, LOC_FRAGMENT_DEFINITION);
    }
    if (!def->selection_set) return;
    if (v->selection_set)
        v->selection_set(v->user, vscan_composite_or_null(vwalk_definition_type(&sc->walker, def)),
                         def->selection_set);
    vwalk_definition(&sc->walker, def);
}
