/* printer.h: syntax tree (ast.h) back to GraphQL text.
 *
 * The pretty form is graphql-js 16's print(): 2-space indentation, field
 * arguments wrapped one per line past 80 columns, descriptions as block
 * strings when they can be written as one. The compact form is what
 * graphql-js's stripIgnoredCharacters() makes of it: no ignored characters
 * but the spaces that keep two names apart, for sending queries over the wire.
 * Either form parses back to the same tree. Output is appended to `out`. */
#ifndef FM_PRINTER_H
#define FM_PRINTER_H

#include "ast.h"
#include "sbuf.h"

void print_document(sbuf *out, const ast_document *doc);
void print_document_compact(sbuf *out, const ast_document *doc);

/* A selection set with its braces, from its first selection: "{\n  a\n}". */
void print_selection_set(sbuf *out, const ast_selection *first);
void print_selection_set_compact(sbuf *out, const ast_selection *first);
/* "{a: [1, 2]}", "[Int!]!", "@a(x: 1) @b": one line each. */
void print_value(sbuf *out, const ast_value *v);
void print_type(sbuf *out, const ast_type *t);
void print_directives(sbuf *out, const ast_directive *first);

/* A string as a "quoted" literal with graphql-js's escapes, or as a
 * """block string""" (graphql-js printBlockString). */
void print_string(sbuf *out, const char *s, size_t len);
void print_block_string(sbuf *out, const char *s, size_t len);
/* Whether s survives a round trip as a block string (graphql-js
 * isPrintableAsBlockString). */
bool print_is_block_printable(const char *s, size_t len);

#endif
