/* ast.c: small look-ups over the syntax tree (see ast.h). */
#include "ast.h"

#include <string.h>

const char *const ast_directive_locations[AST_NDIRECTIVE_LOCATIONS] = {
    "QUERY",
    "MUTATION",
    "SUBSCRIPTION",
    "FIELD",
    "FRAGMENT_DEFINITION",
    "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT",
    "VARIABLE_DEFINITION",
    "SCHEMA",
    "SCALAR",
    "OBJECT",
    "FIELD_DEFINITION",
    "ARGUMENT_DEFINITION",
    "INTERFACE",
    "UNION",
    "ENUM",
    "ENUM_VALUE",
    "INPUT_OBJECT",
    "INPUT_FIELD_DEFINITION",
};

const ast_definition *ast_find_fragment(const ast_document *doc, const char *name)
{
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_FRAGMENT && strcmp(d->name, name) == 0) return d;
    return NULL;
}

const ast_definition *ast_find_operation(const ast_document *doc, const char *name)
{
    const ast_definition *found = NULL;
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_OPERATION) continue;
        if (name) {
            if (d->name && strcmp(d->name, name) == 0) return d;
        } else {
            if (found) return NULL;
            found = d;
        }
    }
    return found;
}

const ast_argument *ast_find_argument(const ast_argument *args, const char *name)
{
    for (; args; args = args->next)
        if (strcmp(args->name, name) == 0) return args;
    return NULL;
}

const ast_directive *ast_find_directive(const ast_directive *dirs, const char *name)
{
    for (; dirs; dirs = dirs->next)
        if (strcmp(dirs->name, name) == 0) return dirs;
    return NULL;
}

const char *ast_type_name(const ast_type *t)
{
    while (t->kind != AST_TYPE_NAMED)
        t = t->of;
    return t->name;
}
