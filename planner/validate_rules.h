/* validate_rules.h: the rule groups validate_document() runs, each in its own
 * files. Every group walks the document itself and only appends errors. */
#ifndef FM_VALIDATE_RULES_H
#define FM_VALIDATE_RULES_H

#include "ast.h"
#include "diag.h"
#include "schema.h"

/* Documents, operations, fields, arguments and fragments:
 * executable definitions, operation name uniqueness, lone anonymous operation,
 * single root field for subscriptions, fields on correct type, leaf field
 * selections, known argument names, argument uniqueness, required arguments,
 * fragment name uniqueness, known fragment names, known type names, fragments
 * on composite types, no unused fragments, no fragment cycles, possible
 * fragment spreads; and graphql-js's maximum introspection depth. */
void validate_structure_rules(const schema *s, const ast_document *doc, diag_list *errs);

/* Values, variables and directives: values of correct type, input object
 * field names / uniqueness / required fields, known directives, directives in
 * valid locations, unique directives per location, variable uniqueness,
 * variables are input types, no undefined variables, no unused variables,
 * variables in allowed position. */
void validate_value_rules(const schema *s, const ast_document *doc, diag_list *errs);

/* Overlapping fields can be merged. */
void validate_overlap_rules(const schema *s, const ast_document *doc, diag_list *errs);

#endif
