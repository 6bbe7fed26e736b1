/* validate_types.c: the known type names rule: fragment type conditions and
 * variable types name types of the schema. */
#include "validate_structure.h"

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
