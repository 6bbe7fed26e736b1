/* validate_types.c: the known type names rule: every named type in the
 * document names a type of the schema or one the document itself defines.
 * Besides fragment type conditions and variable types, that covers the type
 * references inside type-system definitions, which an executable document
 * may not hold but which graphql-js checks all the same. */
#include "validate_structure.h"

static bool vstruct_defines_type(ast_def_kind kind)
{
    return kind == AST_DEF_SCALAR || kind == AST_DEF_OBJECT || kind == AST_DEF_INTERFACE ||
           kind == AST_DEF_UNION || kind == AST_DEF_ENUM || kind == AST_DEF_INPUT_OBJECT;
}

void vstruct_index_types(vstruct *vs)
{
    strmap_init(&vs->doc_types, vs->arena, 8);
    for (const ast_definition *d = vs->doc->definitions; d; d = d->next)
        if (vstruct_defines_type(d->kind) && !d->extension)
            strmap_put(&vs->doc_types, d->name, (void *)d);
}

/* The schema's type names, then the document's own that the schema lacks. */
static const char *vstruct_type_suggestions(vstruct *vs, const char *name)
{
    const schema *s = vs->schema;
    const char **names = ARENA_ARRAY(vs->arena, const char *, s->ntypes + vs->doc_types.count + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->ntypes; i++)
        names[n++] = s->types[i]->name;
    for (uint32_t i = 0; i < vs->doc_types.cap; i++) {
        const char *key = vs->doc_types.slots[i].key;
        if (key && !schema_get_type(s, key)) names[n++] = key;
    }
    return vstruct_hint(vs, name, names, n);
}

schema_type *vstruct_known_type(vstruct *vs, const char *name, src_loc loc)
{
    schema_type *t = schema_get_type(vs->schema, name);
    if (!t && !strmap_get(&vs->doc_types, name))
        diag_add(vs->errs, loc, "Unknown type \"%s\".%s", name, vstruct_type_suggestions(vs, name));
    return t;
}

static void vstruct_check_type_ref(vstruct *vs, const ast_type *t)
{
    while (t->kind != AST_TYPE_NAMED)
        t = t->of;
    vstruct_known_type(vs, t->name, t->loc);
}

static void vstruct_check_names(vstruct *vs, const ast_name *names)
{
    for (const ast_name *n = names; n; n = n->next)
        vstruct_known_type(vs, n->name, n->loc);
}

/* Field, argument and input field definitions, with their arguments. */
static void vstruct_check_field_defs(vstruct *vs, const ast_field_def *fields)
{
    for (const ast_field_def *f = fields; f; f = f->next) {
        for (const ast_field_def *arg = f->arguments; arg; arg = arg->next)
            vstruct_check_type_ref(vs, arg->type);
        vstruct_check_type_ref(vs, f->type);
    }
}

void vstruct_check_sdl_types(vstruct *vs, const ast_definition *d)
{
    vstruct_check_names(vs, d->interfaces);
    vstruct_check_names(vs, d->members);
    vstruct_check_field_defs(vs, d->fields);
    vstruct_check_field_defs(vs, d->arguments);
    for (const ast_root_op *r = d->root_operations; r; r = r->next)
        vstruct_known_type(vs, r->type_name, r->type_loc);
}
