/* variables.h: a request's variable values coerced against the operation's
 * variable definitions (GraphQL spec, CoerceVariableValues): required ones
 * present and non-null, every value of its declared type (lists, input
 * objects, enums, built-in scalars), defaults applied. Error messages follow
 * graphql-js. The result is what the executor forwards to subgraphs. */
#ifndef FM_VARIABLES_H
#define FM_VARIABLES_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "json.h"
#include "schema.h"

/* `provided` is the request's "variables" object, or NULL when absent.
 * Returns a JSON object holding every variable that has a value (provided or
 * default), or NULL with errors in errs. */
json_value *vars_coerce(arena *a, const schema *s, const ast_variable_def *defs,
                        const json_value *provided, diag_list *errs);

/* A constant value literal (a default value) as JSON. */
json_value *vars_literal_to_json(arena *a, const ast_value *v);

#endif
