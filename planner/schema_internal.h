/* schema_internal.h: what the schema_*.c files share with each other and with
 * nobody else: the built-in SDL, where each type came from in the source, and
 * the validation passes schema_build runs. */
#ifndef FM_SCHEMA_INTERNAL_H
#define FM_SCHEMA_INTERNAL_H

#include "schema.h"

/* The built-in directives, scalars and introspection types, parsed into a.
 * NULL only if the parser cannot read them, which is a bug. */
ast_document *schema_builtins_parse(arena *a);

/* The source of one type: its definition, then its extensions in document
 * order. */
typedef struct schema_source {
    const ast_definition **parts;
    uint32_t nparts;
} schema_source;

/* What validation needs beyond the model: sources indexed like
 * schema->types, where the schema definition is, and where each root
 * operation type was named ({0,0} when absent or picked by default name). */
typedef struct schema_origin {
    const schema_source *types;
    src_loc schema_loc;
    src_loc root_locs[3];
} schema_origin;

/* graphql-js's validateSDL over the documents (the built-ins are what
 * every schema has): duplicate and unknown names, extensions of what is not
 * defined, applied directives, literals. Errors in graphql-js's order. */
void schema_check_sdl(const ast_document *const *docs, uint32_t ndocs, const ast_document *builtins,
                      diag_list *errs);

/* The type-system rules graphql-js applies in validateSchema: root types,
 * names, field and argument types, interface implementations, unions, enums,
 * input objects and their non-null cycles, directive definitions. */
void schema_check_types(const schema *s, const schema_origin *origin, diag_list *errs);

#endif
