/* validate_arguments.c: arguments of fields and directives: known argument
 * names, argument uniqueness, and required arguments (non-null without a
 * default) being provided. */
#include "validate_structure.h"

#include <string.h>

static const schema_field *vstruct_find_arg(const schema_field *args, uint32_t nargs,
                                            const char *name)
{
    for (uint32_t i = 0; i < nargs; i++)
        if (strcmp(args[i].name, name) == 0) return &args[i];
    return NULL;
}

static const char *vstruct_arg_suggestions(vstruct *vs, const char *name, const schema_field *args,
                                           uint32_t nargs)
{
    const char **names = ARENA_ARRAY(vs->arena, const char *, nargs + 1);
    for (uint32_t i = 0; i < nargs; i++)
        names[i] = args[i].name;
    return vstruct_hint(vs, name, names, nargs);
}

typedef struct vstruct_arg_group {
    uint32_t count;
    bool reported;
    diag *err;
} vstruct_arg_group;

/* One error per argument name given more than once, pointing at each use,
 * in the order the names first appear. Linear: a map groups the names. */
static void vstruct_check_unique_args(vstruct *vs, const ast_argument *args)
{
    if (!args || !args->next) return;
    strmap groups;
    strmap_init(&groups, vs->arena, 8);
    bool repeated = false;
    for (const ast_argument *a = args; a; a = a->next) {
        vstruct_arg_group *g = strmap_get(&groups, a->name);
        if (!g) strmap_put(&groups, a->name, g = ARENA_NEW(vs->arena, vstruct_arg_group));
        repeated |= ++g->count > 1;
    }
    if (!repeated) return;
    for (const ast_argument *a = args; a; a = a->next) {
        vstruct_arg_group *g = strmap_get(&groups, a->name);
        if (g->count < 2) continue;
        if (g->reported) {
            diag_loc(g->err, a->loc);
        } else {
            g->reported = true;
            g->err =
                diag_add(vs->errs, a->loc, "There can be only one argument named \"%s\".", a->name);
        }
    }
}

static bool vstruct_is_required(const schema_field *arg)
{
    return arg->type->kind == AST_TYPE_NON_NULL && !arg->default_value;
}

void vstruct_check_field_arguments(vstruct *vs, const vwalk_at *at)
{
    const ast_selection *sel = at->sel;
    vstruct_check_unique_args(vs, sel->arguments);
    const schema_field *f = at->field;
    if (!f) return;
    for (const ast_argument *a = sel->arguments; a; a = a->next)
        if (!vstruct_find_arg(f->args, f->nargs, a->name))
            diag_add(vs->errs, a->loc, "Unknown argument \"%s\" on field \"%s.%s\".%s", a->name,
                     at->parent->name, f->name,
                     vstruct_arg_suggestions(vs, a->name, f->args, f->nargs));
    for (uint32_t i = 0; i < f->nargs; i++)
        if (vstruct_is_required(&f->args[i]) && !ast_find_argument(sel->arguments, f->args[i].name))
            diag_add(vs->errs, sel->loc,
                     "Field \"%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                     "provided.",
                     f->name, f->args[i].name, schema_type_ref_text(vs->arena, f->args[i].type));
}

static void vstruct_check_directive(vstruct *vs, const ast_directive *d)
{
    vstruct_check_unique_args(vs, d->arguments);
    const schema_directive *def = schema_get_directive(vs->schema, d->name);
    if (!def) return;
    for (const ast_argument *a = d->arguments; a; a = a->next)
        if (!vstruct_find_arg(def->args, def->nargs, a->name))
            diag_add(vs->errs, a->loc, "Unknown argument \"%s\" on directive \"@%s\".%s", a->name,
                     d->name, vstruct_arg_suggestions(vs, a->name, def->args, def->nargs));
    for (uint32_t i = 0; i < def->nargs; i++)
        if (vstruct_is_required(&def->args[i]) &&
            !ast_find_argument(d->arguments, def->args[i].name))
            diag_add(vs->errs, d->loc,
                     "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                     "provided.",
                     d->name, def->args[i].name,
                     schema_type_ref_text(vs->arena, def->args[i].type));
}

void vstruct_check_directives(vstruct *vs, const ast_directive *dirs)
{
    for (const ast_directive *d = dirs; d; d = d->next)
        vstruct_check_directive(vs, d);
}
