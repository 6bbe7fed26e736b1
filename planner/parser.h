/* parser.h: GraphQL source text to syntax tree (ast.h), for executable and
 * type-system documents (GraphQL October 2021 plus what federation SDL uses).
 * Never crashes and never recurses without bound on any byte sequence. */
#ifndef FM_PARSER_H
#define FM_PARSER_H

#include <stddef.h>

#include "arena.h"
#include "ast.h"

typedef struct parse_options {
    unsigned max_depth;  /* nesting of selections, values and types; 0 = 256, at most 4096 */
    unsigned max_tokens; /* 0 = unlimited */
} parse_options;

typedef struct parse_error {
    /* "Syntax Error: Expected Name, found \"}\"." (graphql-js wording) */
    char message[256];
    src_loc loc;
} parse_error;

/* Parses src[0..len) into a tree allocated in `a`. On failure returns NULL and
 * fills *err (when err is not NULL). opts may be NULL. */
ast_document *parse_document(arena *a, const char *src, size_t len, const parse_options *opts,
                             parse_error *err);

/* Parses a lone value literal ("{a: 1}") or a type reference ("[Int!]"),
 * as used by directive arguments and FieldSets. NULL on failure. */
ast_value *parse_value(arena *a, const char *src, size_t len, parse_error *err);
ast_type *parse_type(arena *a, const char *src, size_t len, parse_error *err);
/* Parses a selection set written without its outer braces, as @key(fields:),
 * @requires and @provides take it: "id organization { id }". */
ast_selection *parse_selection_set(arena *a, const char *src, size_t len, parse_error *err);

#endif
