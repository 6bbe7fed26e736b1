/* sbuf.h: growable byte buffer for building output text (printed GraphQL,
 * JSON responses). Owned by whoever called sbuf_init; freed by sbuf_free. */
#ifndef FM_SBUF_H
#define FM_SBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sbuf {
    char *data; /* always NUL-terminated once anything is appended */
    size_t len;
    size_t cap;
} sbuf;

void sbuf_init(sbuf *b);
void sbuf_free(sbuf *b);
void sbuf_reset(sbuf *b); /* len = 0, keeps the memory */
void sbuf_append(sbuf *b, const char *s, size_t n);
void sbuf_puts(sbuf *b, const char *s);
void sbuf_putc(sbuf *b, char c);
void sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s[0..n) as a JSON string literal, quotes included. */
void sbuf_json_string(sbuf *b, const char *s, size_t n);
/* Length of the longest prefix of s[0..n) that a JSON string holds as is:
 * no quote, backslash or control character. The JSON parser scans with it. */
size_t sbuf_json_plain_prefix(const char *s, size_t n);
/* Hands the bytes to the caller (malloc'd, NUL-terminated); b is empty after. */
char *sbuf_take(sbuf *b);

#endif
