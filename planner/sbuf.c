/* sbuf.c: growable byte buffer (see sbuf.h). */
#include "sbuf.h"

#include <stdarg.h>
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

static void sbuf_reserve(sbuf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return;
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

void sbuf_json_string(sbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sbuf_reserve(b, n + 2);
    sbuf_putc(b, '"');
    size_t run = 0; /* start of the pending run of bytes that need no escape */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        sbuf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            sbuf_append(b, "\\\"", 2);
            break;
        case '\\':
            sbuf_append(b, "\\\\", 2);
            break;
        case '\n':
            sbuf_append(b, "\\n", 2);
            break;
        case '\r':
            sbuf_append(b, "\\r", 2);
            break;
        case '\t':
            sbuf_append(b, "\\t", 2);
            break;
        case '\b':
            sbuf_append(b, "\\b", 2);
            break;
        case '\f':
            sbuf_append(b, "\\f", 2);
            break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            sbuf_append(b, esc, 6);
        }
        }
    }
    sbuf_append(b, s + run, n - run);
    sbuf_putc(b, '"');
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
