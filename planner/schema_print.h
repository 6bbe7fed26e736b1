/* schema_print.h: a schema back to SDL, as graphql-js 16's printSchema()
 * prints it: built-in scalars, directives and introspection types left out,
 * the schema definition only when the root types are not named
 * Query/Mutation/Subscription or there is a description. Used for the API
 * schema clients see, the supergraph the control plane serves, and tests. */
#ifndef FM_SCHEMA_PRINT_H
#define FM_SCHEMA_PRINT_H

#include "sbuf.h"
#include "schema.h"

void schema_print(sbuf *out, const schema *s);

#endif
