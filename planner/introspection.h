/* introspection.h: GraphQL introspection (__schema, __type, __typename)
 * answered locally from the schema model, with the results graphql-js 16
 * gives for the same schema built from SDL: the same types in the same
 * order, the same descriptions, default values printed the same way.
 *
 * Preconditions: the document is parsed and validated against the schema.
 * Variables are JSON values; introspection_execute applies the operation's
 * variable defaults itself, introspection_write_root_field expects them
 * applied already (coerced variables, as an executor holds them).
 * Output is compact JSON appended to `out`. */
#ifndef FM_INTROSPECTION_H
#define FM_INTROSPECTION_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "json.h"
#include "sbuf.h"
#include "schema.h"

/* Limits on what one request may make the executor produce. A fragment
 * spread inside its own expansion is never followed (validation rejects such
 * cycles; execution does not rely on it). */
#define INTROSPECTION_MAX_DEPTH 256          /* nested objects in the result */
#define INTROSPECTION_MAX_OUTPUT (64u << 20) /* bytes of JSON per call */

/* The field name is __schema, __type or __typename. */
bool introspection_is_meta_field(const char *name);

/* Every root field the operation selects (fragments expanded, @skip and
 * @include ignored) is __schema, __type or __typename, and there is one. */
bool introspection_is_only(const ast_document *doc, const ast_definition *op);

/* Writes the JSON `data` object of an operation whose root fields are all
 * introspection fields: `{"__schema":{...},"t":{...}}`, honouring aliases,
 * named and inline fragments and @skip/@include. A field that fails (a
 * default value graphql-js cannot print, a limit exceeded, a root field that
 * is not introspection) is written as null and its error is added to errs
 * (which may be NULL). Returns true when no error was added. */
bool introspection_execute(const schema *s, const ast_document *doc, const ast_definition *op,
                           const json_value *variables, sbuf *out, diag_list *errs);

/* Writes the JSON value of one root __schema or __type field (its sub-
 * selections applied), so an executor can splice introspection into a
 * response that also holds federated fields. Anything else writes null.
 * Returns true when no error was added to errs (which may be NULL). */
bool introspection_write_root_field(const schema *s, const ast_document *doc,
                                    const ast_selection *field, const json_value *variables,
                                    sbuf *out, diag_list *errs);

/* The types __schema { types } lists, in graphql-js's order: the schema's own
 * types in definition order, each followed by the built-in scalars it is the
 * first to use, then what root types and directive arguments add, then the
 * introspection types. Unused built-in scalars are left out. The array lives
 * in `a`; returns its length. */
uint32_t introspection_type_order(const schema *s, arena *a, const schema_type ***types);

/* The directives __schema { directives } lists: the schema's own in
 * definition order, then the built-in ones (include, skip, deprecated,
 * specifiedBy, oneOf) it did not redefine. Array in `a`; returns its length. */
uint32_t introspection_directive_order(const schema *s, arena *a,
                                       const schema_directive ***directives);

/* An input object marked @oneOf. */
bool introspection_is_one_of(const schema_type *t);

typedef enum introspection_default_result {
    INTROSPECTION_DEFAULT_OK,   /* the GraphQL text was appended to out */
    INTROSPECTION_DEFAULT_NONE, /* graphql-js reports null: the literal does not fit the type */
    INTROSPECTION_DEFAULT_ERROR /* graphql-js fails the field; *error holds its message */
} introspection_default_result;

/* The __InputValue.defaultValue text of `literal` for an input of `type`:
 * coerced to the type, then printed as GraphQL ("\"abc\"", "[1, 2]",
 * "{a: 1}"). Scratch memory and the error message come from `scratch`. */
introspection_default_result introspection_print_default(const schema *s, arena *scratch,
                                                         const ast_value *literal,
                                                         const ast_type *type, sbuf *out,
                                                         const char **error);

/* A JavaScript number as String(number) prints it ("1", "1.5e-7", "1e+21"). */
void introspection_js_number(sbuf *out, double d);

#endif
