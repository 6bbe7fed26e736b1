/* lexer.h: GraphQL tokens read straight from the source buffer, one at a
 * time, for the parser. Names and numbers point into the source; string
 * values are decoded (escapes, block-string dedent) into the arena once. */
#ifndef FM_LEXER_H
#define FM_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef enum lex_kind {
    LEX_SOF,
    LEX_EOF,
    LEX_BANG,
    LEX_DOLLAR,
    LEX_AMP,
    LEX_PAREN_L,
    LEX_PAREN_R,
    LEX_SPREAD,
    LEX_COLON,
    LEX_EQUALS,
    LEX_AT,
    LEX_BRACKET_L,
    LEX_BRACKET_R,
    LEX_BRACE_L,
    LEX_PIPE,
    LEX_BRACE_R,
    LEX_NAME,
    LEX_INT,
    LEX_FLOAT,
    LEX_STRING,
    LEX_BLOCK_STRING
} lex_kind;

typedef struct lex_token {
    lex_kind kind;
    src_loc loc;
    size_t start, end; /* byte offsets of the token in the source */
    /* The token's value: for names and numbers a slice of the source (not
     * NUL-terminated), for strings the decoded arena copy (NUL-terminated),
     * NULL for punctuators. */
    const char *value;
    size_t len;
} lex_token;

typedef struct lexer {
    arena *arena;
    const char *src;
    size_t len;
    size_t line_start; /* offset of the first byte of the line of pos */
    uint32_t line;     /* line of pos, 1-based */
    /* Where the next token search starts. Written after every token, so it
     * is kept away from src and len, which the compiler may load together
     * (a load spanning a just-stored field stalls). */
    size_t pos;
    /* Set when lex_next fails: the graphql-js message (without the
     * "Syntax Error: " prefix) and the offset it points at. */
    char message[200];
    size_t error_pos;
} lexer;

void lex_init(lexer *lx, arena *a, const char *src, size_t len);
/* Reads the token after the previous one into *t. Returns false on a lexical
 * error, with lx->message and lx->error_pos set. */
bool lex_next(lexer *lx, lex_token *t);
/* 1-based line and byte column of a source offset (\n, \r\n and \r end lines). */
src_loc lex_loc_at(const char *src, size_t len, size_t offset);
/* How graphql-js names a token kind in messages: "Name", "<EOF>", "\"}\"". */
const char *lex_kind_desc(lex_kind kind);

#endif
