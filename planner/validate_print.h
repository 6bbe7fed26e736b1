/* validate_print.h: value literals and type references printed the way
 * graphql-js prints them inside error messages ("found {a: 1}.",
 * "expecting type \"[Int!]\""). */
#ifndef FM_VALIDATE_PRINT_H
#define FM_VALIDATE_PRINT_H

#include "ast.h"
#include "sbuf.h"

/* Appends v on one line: lists as "[1, 2]", objects as "{a: 1}", strings
 * escaped, block strings as """...""". Nesting is bounded by the parser. */
void validate_print_value(sbuf *b, const ast_value *v);
/* Appends a type reference: "[Int!]!". */
void validate_print_type(sbuf *b, const ast_type *t);

#endif
