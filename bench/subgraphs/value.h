/* value.h: output coercion of input-derived values (representation fields)
 * to the GraphQL scalar a field declares, with graphql-js's rules and error
 * messages, and the printing of values and type references in messages. */
#ifndef BENCH_VALUE_H
#define BENCH_VALUE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "json.h"
#include "sbuf.h"

/* Appends v serialised as the scalar named `scalar` (String, ID, Int, Float,
 * Boolean; any other scalar passes v through). Returns NULL, or the error
 * message (in a) when v cannot be represented; then nothing is appended. */
const char *bvalue_serialize(arena *a, sbuf *out, const char *scalar, const json_value *v);

/* The value of a JSON number written as a plain integer of at most 18 digits
 * ("-12", not "1e3" or "12.0"): the common case, read without strtod. */
bool bvalue_plain_int(const json_value *v, int64_t *out);

/* Appends v the way graphql-js's inspect() shows values in messages:
 * "abc" quoted, { a: 1 }, [1, 2], nesting past two levels as [Object]. */
void bvalue_inspect(sbuf *out, const json_value *v);

/* Appends a type reference as written: [_Any!]! */
void bvalue_print_type(sbuf *out, const ast_type *t);

#endif
