/* parser_int.h: the parser's state and the helpers shared by parser.c
 * (tokens, values, types, executable definitions) and parser_sdl.c
 * (type-system definitions and extensions). Private to those two files.
 *
 * Errors unwind with longjmp to the public entry point, which owns the
 * jmp_buf: graphql-js throws the same way, and every partial node left
 * behind lives in the caller's arena, so nothing leaks. */
#ifndef FM_PARSER_INT_H
#define FM_PARSER_INT_H

#include <setjmp.h>
#include <stdbool.h>

#include "ast.h"
#include "lexer.h"
#include "parser.h"

typedef struct parser {
    arena *arena;
    lexer lx;
    lex_token tok;   /* the current token */
    lex_token ahead; /* the token after it, once looked at */
    bool has_ahead;
    unsigned depth; /* current nesting of selection sets, lists, objects, types */
    unsigned max_depth;
    unsigned long ntokens; /* tokens read so far, <EOF> not counted */
    unsigned long max_tokens;
    parse_error *err;
    char *slab; /* zeroed arena memory that nodes and names are carved from */
    size_t slab_left;
    size_t slab_size; /* size of the next slab */
    jmp_buf fail;
} parser;

/* Zeroed, 8-byte aligned memory for a node or a name: most allocations are
 * a pointer bump, with one arena allocation and memset per slab. */
void *parse_alloc_slow(parser *p, size_t size);

static inline void *parse_alloc(parser *p, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size > p->slab_left) return parse_alloc_slow(p, size);
    void *mem = p->slab;
    p->slab += size;
    p->slab_left -= size;
    return mem;
}

#define PARSE_NEW(p, T) ((T *)parse_alloc((p), sizeof(T)))

/* Records "Syntax Error: <message>" at a source offset and unwinds. */
_Noreturn void parse_fail_at(parser *p, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "Unexpected Name \"foo\"." about t (the current token when NULL). */
_Noreturn void parse_unexpected(parser *p, const lex_token *t);

void parse_advance(parser *p);
const lex_token *parse_peek_ahead(parser *p);
bool parse_is(const parser *p, lex_kind kind);
bool parse_optional(parser *p, lex_kind kind);
void parse_expect(parser *p, lex_kind kind);
bool parse_token_is(const lex_token *t, const char *value); /* any kind with that value */
bool parse_is_keyword(const parser *p, const char *word);
bool parse_optional_keyword(parser *p, const char *word);
void parse_expect_keyword(parser *p, const char *word);

/* Bounds recursion: each nested selection set, list, object or list type
 * enters one level at the token that opens it. */
void parse_enter(parser *p);
void parse_leave(parser *p);

const char *parse_name(parser *p);
const char *parse_description(parser *p); /* NULL when there is none */
ast_operation_type parse_operation_type(parser *p);
ast_value *parse_value_literal(parser *p, bool is_const);
ast_type *parse_type_ref(parser *p);
ast_argument *parse_arguments(parser *p, bool is_const);
ast_directive *parse_directives(parser *p, bool is_const);

/* parser_sdl.c: a definition starting with a type-system keyword (after an
 * optional description), and `extend ...`. */
bool parse_is_type_system_keyword(const lex_token *t);
ast_definition *parse_type_system_definition(parser *p);
ast_definition *parse_type_system_extension(parser *p);

#endif
