/* validate_scan.h: the walk the value, variable, directive and overlap rules
 * share, built on the selection walker (validate_walk.h). It visits one
 * executable definition (an operation or a fragment, without following
 * spreads, as graphql-js's TypeInfo does) and reports, in document order:
 *   - every place that holds directives, when it is entered (before its
 *     arguments), and then each directive with its location, before that
 *     directive's own arguments,
 *   - every argument value (of fields and of directives) and every variable
 *     default value, with the input type expected there,
 *   - every selection set of an operation, a fragment or a field (not those
 *     of inline fragments) with its parent type.
 * Types that do not resolve (unknown fields, types or directives) come out as
 * NULL: the structure rules report those. */
#ifndef FM_VALIDATE_SCAN_H
#define FM_VALIDATE_SCAN_H

#include <stdbool.h>

#include "ast.h"
#include "schema.h"
#include "validate_walk.h"

/* Where a value literal stands and what it must be. */
typedef struct vscan_position {
    const ast_type *type;     /* expected type as written in the schema; NULL if unknown */
    bool has_default;         /* the argument or input field has a default value */
    bool in_variable_default; /* the value is a variable's default value */
} vscan_position;

typedef struct vscan_visitor {
    void *user;
    /* dirs is never NULL: all the directives of one place */
    void (*directives)(void *user, const ast_directive *dirs);
    /* one directive; location is one schema_location bit */
    void (*directive)(void *user, const ast_directive *d, schema_location location);
    void (*value)(void *user, const ast_value *v, const vscan_position *pos);
    void (*variable_def)(void *user, const ast_variable_def *def);
    /* parent: the composite type the set is made on; NULL when unknown */
    void (*selection_set)(void *user, const schema_type *parent, const ast_selection *first);
} vscan_visitor;

/* A walker over one schema, reusable for any number of definitions. */
typedef struct vscan {
    const schema *s;
    vwalk walker;
    const vscan_visitor *v; /* of the definition being walked */
} vscan;

void vscan_init(vscan *sc, const schema *s);
/* Walks def (AST_DEF_OPERATION or AST_DEF_FRAGMENT; others are ignored);
 * callbacks may be NULL. */
void vscan_definition(vscan *sc, const ast_definition *def, const vscan_visitor *v);

/* Type reference helpers. */
static inline const ast_type *vscan_nullable(const ast_type *t)
{
    return t && t->kind == AST_TYPE_NON_NULL ? t->of : t;
}
/* The innermost named type of t, resolved; NULL when t is NULL or unknown. */
schema_type *vscan_named(const schema *s, const ast_type *t);

#endif
