/* sbuf.c: growable byte buffer (see sbuf.h). */
#include "sbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sbuf_init(sbuf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void sbuf_free(sbuf *b)
{
    free(b->data);
    sbuf_init(b);
}

void sbuf_reset(sbuf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

/* Out of line: the check in sbuf_reserve is on every append's path, the
 * growth it guards is rare. */
static __attribute__((noinline)) void sbuf_grow(sbuf *b, size_t need)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        fputs("fedmesh: out of memory\n", stderr);
        abort();
    }
    b->data = p;
    b->cap = cap;
}

static inline void sbuf_reserve(sbuf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need > b->cap) sbuf_grow(b, need);
}

void sbuf_append(sbuf *b, const char *s, size_t n)
{
    sbuf_reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_append(b, s, strlen(s));
}

void sbuf_putc(sbuf *b, char c)
{
    sbuf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void sbuf_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    sbuf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* What each byte becomes inside a JSON string: 0 = itself, 'u' = \u00XX,
 * otherwise the letter after the backslash. */
// clang-format off
static const char sbuf_json_escape[256] = {
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
    'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
    ['"'] = '"', ['\\'] = '\\',
};
// clang-format on

/* Scanning eight bytes at a time: a word has a byte below k when
 * (w - k*ONES) & ~w & HIGHS is non-zero (k <= 128), and the lowest-addressed
 * byte flagged is the first such byte (borrows only run towards later
 * bytes, so false flags can only follow a true one). */
#define SBUF_ONES 0x0101010101010101ULL
#define SBUF_HIGHS 0x8080808080808080ULL

static uint64_t sbuf_bytes_below(uint64_t w, unsigned k)
{
    return (w - SBUF_ONES * k) & ~w & SBUF_HIGHS;
}

/* Flags the bytes of w that a JSON string must escape. */
static uint64_t sbuf_escape_flags(uint64_t w)
{
    return sbuf_bytes_below(w, 0x20) | sbuf_bytes_below(w ^ (SBUF_ONES * '"'), 1) |
           sbuf_bytes_below(w ^ (SBUF_ONES * '\\'), 1);
}

/* Index in memory order of the first flagged byte; flags is non-zero. */
static size_t sbuf_first_flag(uint64_t flags)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return (size_t)__builtin_clzll(flags) / 8;
#else
    return (size_t)__builtin_ctzll(flags) / 8;
#endif
}

size_t sbuf_json_plain_prefix(const char *s, size_t n)
{
    size_t i = 0;
    uint64_t w, flags;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        flags = sbuf_escape_flags(w);
        if (flags) return i + sbuf_first_flag(flags);
    }
    w = SBUF_ONES * 'a'; /* the tail, padded with plain bytes */
    if (n > i) memcpy(&w, s + i, n - i);
    flags = sbuf_escape_flags(w);
    return flags ? i + sbuf_first_flag(flags) : n;
}

/* Copies runs of plain bytes with memcpy; room for the plain case is reserved
 * once up front, and each escape reserves for what is still to come. */
void sbuf_json_string(sbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sbuf_reserve(b, n + 2);
    b->data[b->len++] = '"';
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        i += sbuf_json_plain_prefix(s + i, n - i);
        memcpy(b->data + b->len, s + run, i - run);
        b->len += i - run;
        if (i == n) break;
        unsigned char c = (unsigned char)s[i++];
        sbuf_reserve(b, 6 + (n - i) + 1);
        char *o = b->data + b->len;
        o[0] = '\\';
        o[1] = sbuf_json_escape[c];
        if (o[1] == 'u') {
            o[2] = '0';
            o[3] = '0';
            o[4] = hex[c >> 4];
            o[5] = hex[c & 15];
            b->len += 6;
        } else {
            b->len += 2;
        }
    }
    b->data[b->len++] = '"';
    b->data[b->len] = '\0';
}

char *sbuf_take(sbuf *b)
{
    if (!b->data) {
        sbuf_reserve(b, 0);
        b->data[0] = '\0';
    }
    char *p = b->data;
    sbuf_init(b);
    return p;
}
