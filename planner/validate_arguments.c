/* validate_arguments.c: arguments of fields and directives: known argument
 * names, argument uniqueness, and required arguments (non-null without a
 * default) being provided. Directives are checked wherever they are applied,
 * type-system definitions included. */
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

/* What one directive takes, from the schema or the document. */
typedef struct vstruct_directive_args {
    const schema_field *args;
    uint32_t nargs;
} vstruct_directive_args;

/* Directives the document defines itself take the arguments it gives them,
 * whatever the schema says (graphql-js checks uses against those). */
void vstruct_index_directives(vstruct *vs)
{
    strmap_init(&vs->doc_directives, vs->arena, 8);
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_DIRECTIVE) continue;
        vstruct_directive_args *da = ARENA_NEW(vs->arena, vstruct_directive_args);
        for (const ast_field_def *a = d->arguments; a; a = a->next)
            da->nargs++;
        schema_field *args = ARENA_ARRAY(vs->arena, schema_field, da->nargs + 1);
        uint32_t i = 0;
        for (const ast_field_def *a = d->arguments; a; a = a->next, i++) {
            args[i].name = a->name;
            args[i].type = a->type;
            args[i].default_value = a->default_value;
        }
        da->args = args;
        strmap_put(&vs->doc_directives, d->name, da);
    }
}

static bool vstruct_directive_args_of(vstruct *vs, const char *name, vstruct_directive_args *out)
{
    const vstruct_directive_args *own = strmap_get(&vs->doc_directives, name);
    if (own) {
        *out = *own;
        return true;
    }
    const schema_directive *def = schema_get_directive(vs->schema, name);
    if (!def) return false;
    *out = (vstruct_directive_args){def->args, def->nargs};
    return true;
}

static void vstruct_check_directive(vstruct *vs, const ast_directive *d)
{
    vstruct_check_unique_args(vs, d->arguments);
    vstruct_directive_args def;
    if (!vstruct_directive_args_of(vs, d->name, &def)) return;
    for (const ast_argument *a = d->arguments; a; a = a->next)
        if (!vstruct_find_arg(def.args, def.nargs, a->name))
            diag_add(vs->errs, a->loc, "Unknown argument \"%s\" on directive \"@%s\".%s", a->name,
                     d->name, vstruct_arg_suggestions(vs, a->name, def.args, def.nargs));
    for (uint32_t i = 0; i < def.nargs; i++)
        if (vstruct_is_required(&def.args[i]) && !ast_find_argument(d->arguments, def.args[i].name))
            diag_add(vs->errs, d->loc,
                     "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                     "provided.",
                     d->name, def.args[i].name, schema_type_ref_text(vs->arena, def.args[i].type));
}

void vstruct_check_directives(vstruct *vs, const ast_directive *dirs)
{
    for (const ast_directive *d = dirs; d; d = d->next)
        vstruct_check_directive(vs, d);
}

/* Field, argument and input field definitions, and their arguments. */
static void vstruct_check_field_def_directives(vstruct *vs, const ast_field_def *fields)
{
    for (const ast_field_def *f = fields; f; f = f->next) {
        vstruct_check_directives(vs, f->directives);
        for (const ast_field_def *arg = f->arguments; arg; arg = arg->next)
            vstruct_check_directives(vs, arg->directives);
    }
}

void vstruct_check_sdl_directives(vstruct *vs, const ast_definition *d)
{
    vstruct_check_directives(vs, d->directives);
    vstruct_check_field_def_directives(vs, d->fields);
    vstruct_check_field_def_directives(vs, d->arguments);
    for (const ast_enum_value_def *v = d->values; v; v = v->next)
        vstruct_check_directives(vs, v->directives);
}
