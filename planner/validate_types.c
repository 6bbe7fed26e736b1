/* validate_types.c: type references in executable documents: the known type
 * names rule (fragment type conditions and variable types name schema types)
 * and printing a type reference for messages. */
#include "validate_structure.h"

#include "sbuf.h"

static const char *vstruct_type_suggestions(vstruct *vs, const char *name)
{
    const schema *s = vs->schema;
    const char **names = ARENA_ARRAY(vs->arena, const char *, s->ntypes + 1);
    for (uint32_t i = 0; i < s->ntypes; i++)
        names[i] = s->types[i]->name;
    return vstruct_hint(vs, name, names, s->ntypes);
}

schema_type *vstruct_known_type(vstruct *vs, const char *name, src_loc loc)
{
    schema_type *t = schema_get_type(vs->schema, name);
    if (!t)
        diag_add(vs->errs, loc, "Unknown type \"%s\".%s", name, vstruct_type_suggestions(vs, name));
    return t;
}

const char *vstruct_type_str(vstruct *vs, const ast_type *t)
{
    /* The wrappers print inside out: '[' for each list on the way in, then
     * ']' and '!' on the way back out. */
    uint32_t depth = 0;
    for (const ast_type *u = t; u->kind != AST_TYPE_NAMED; u = u->of)
        depth++;
    const ast_type **chain = ARENA_ARRAY(vs->arena, const ast_type *, depth + 1);
    uint32_t i = 0;
    for (const ast_type *u = t; u->kind != AST_TYPE_NAMED; u = u->of)
        chain[i++] = u;
    sbuf b;
    sbuf_init(&b);
    for (i = 0; i < depth; i++)
        if (chain[i]->kind == AST_TYPE_LIST) sbuf_putc(&b, '[');
    sbuf_puts(&b, ast_type_name(t));
    while (i-- > 0)
        sbuf_putc(&b, chain[i]->kind == AST_TYPE_LIST ? ']' : '!');
    const char *text = arena_strndup(vs->arena, b.data, b.len);
    sbuf_free(&b);
    return text;
}
