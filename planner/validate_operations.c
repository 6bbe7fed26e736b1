/* validate_operations.c: validate_structure_rules(), which drives the
 * structure rules over a document, and the document- and operation-level
 * ones: executable definitions, operation name uniqueness, lone anonymous
 * operation, and the known type names of variable definitions. */
#include "validate_rules.h"
#include "validate_structure.h"

static void vstruct_check_executable(vstruct *vs)
{
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next) {
        if (d->kind == AST_DEF_OPERATION || d->kind == AST_DEF_FRAGMENT) continue;
        if (d->kind == AST_DEF_SCHEMA)
            diag_add(vs->errs, d->loc, "The schema definition is not executable.");
        else
            diag_add(vs->errs, d->loc, "The \"%s\" definition is not executable.", d->name);
    }
}

static void vstruct_check_operation_names(vstruct *vs)
{
    strmap seen;
    strmap_init(&seen, vs->arena, 8);
    uint32_t noperations = 0;
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_OPERATION) continue;
        noperations++;
        if (!d->name) continue;
        const ast_definition *first = strmap_get(&seen, d->name);
        if (first) {
            diag *e = diag_add(vs->errs, first->name_loc,
                               "There can be only one operation named \"%s\".", d->name);
            diag_loc(e, d->name_loc);
        } else {
            strmap_put(&seen, d->name, (void *)d);
        }
    }
    if (noperations < 2) return;
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_OPERATION && !d->name)
            diag_add(vs->errs, d->loc,
                     "This anonymous operation must be the only defined operation.");
}

static void vstruct_check_variables(vstruct *vs, const ast_variable_def *vars)
{
    for (const ast_variable_def *v = vars; v; v = v->next) {
        const ast_type *named = v->type;
        while (named->kind != AST_TYPE_NAMED)
            named = named->of;
        vstruct_known_type(vs, named->name, named->loc);
        vstruct_check_directives(vs, v->directives);
    }
}

/* The walker's visitor: every per-selection rule. */
static void vstruct_visit(void *user, const vwalk_at *at)
{
    vstruct *vs = user;
    if (at->sel->kind == AST_SEL_FIELD) {
        vstruct_check_field(vs, at);
        vstruct_check_field_arguments(vs, at);
    } else {
        vstruct_check_fragment_selection(vs, at);
    }
    vstruct_check_directives(vs, at->sel->directives);
    vstruct_check_introspection_depth(vs, at);
}

static void vstruct_check_definition(vstruct *vs, const ast_definition *d)
{
    if (d->kind == AST_DEF_OPERATION) {
        vstruct_check_variables(vs, d->variables);
        vstruct_check_subscription(vs, d);
    } else if (d->kind == AST_DEF_FRAGMENT) {
        vstruct_check_fragment_definition(vs, d);
    } else {
        vstruct_check_sdl_types(vs, d);
        vstruct_check_sdl_directives(vs, d);
        return;
    }
    vstruct_check_directives(vs, d->directives);
    vwalk_definition(&vs->walk, d);
}

void validate_structure_rules(const schema *s, const ast_document *doc, diag_list *errs)
{
    vstruct vs = {0};
    vs.schema = s;
    vs.doc = doc;
    vs.errs = errs;
    vs.arena = errs->arena;
    vwalk_init(&vs.walk, s, vstruct_visit, &vs);

    vstruct_check_executable(&vs);
    vstruct_check_operation_names(&vs);
    vstruct_index_fragments(&vs);
    vstruct_index_types(&vs);
    vstruct_index_directives(&vs);
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        vstruct_check_definition(&vs, d);
    vstruct_check_fragment_graph(&vs);
    if (vs.walk.too_deep)
        diag_add(errs, (src_loc){0, 0}, "Selection sets are nested deeper than %d levels.",
                 VWALK_MAX_DEPTH);
}
