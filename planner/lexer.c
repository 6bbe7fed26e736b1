/* lexer.c: GraphQL lexical grammar (October 2021 spec, graphql-js 16 error
 * wording). Works on the raw byte buffer; only string values are copied. */
#include "lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const lex_kind_names[] = {
    [LEX_SOF] = "<SOF>",       [LEX_EOF] = "<EOF>",      [LEX_BANG] = "\"!\"",
    [LEX_DOLLAR] = "\"$\"",    [LEX_AMP] = "\"&\"",      [LEX_PAREN_L] = "\"(\"",
    [LEX_PAREN_R] = "\")\"",   [LEX_SPREAD] = "\"...\"", [LEX_COLON] = "\":\"",
    [LEX_EQUALS] = "\"=\"",    [LEX_AT] = "\"@\"",       [LEX_BRACKET_L] = "\"[\"",
    [LEX_BRACKET_R] = "\"]\"", [LEX_BRACE_L] = "\"{\"",  [LEX_PIPE] = "\"|\"",
    [LEX_BRACE_R] = "\"}\"",   [LEX_NAME] = "Name",      [LEX_INT] = "Int",
    [LEX_FLOAT] = "Float",     [LEX_STRING] = "String",  [LEX_BLOCK_STRING] = "BlockString",
};

const char *lex_kind_desc(lex_kind kind)
{
    return lex_kind_names[kind];
}

void lex_init(lexer *lx, arena *a, const char *src, size_t len)
{
    lx->arena = a;
    lx->src = src;
    lx->len = len;
    lx->pos = 0;
    lx->line = 1;
    lx->line_start = 0;
    lx->message[0] = '\0';
    lx->error_pos = 0;
}

src_loc lex_loc_at(const char *src, size_t len, size_t offset)
{
    src_loc loc = {1, 1};
    size_t line_start = 0;
    if (offset > len) offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (src[i] == '\n' || src[i] == '\r') {
            if (src[i] == '\r' && i + 1 < offset && src[i + 1] == '\n') i++;
            loc.line++;
            line_start = i + 1;
        }
    }
    loc.column = (uint32_t)(offset - line_start + 1);
    return loc;
}

static bool lex_fail(lexer *lx, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool lex_fail(lexer *lx, size_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->message, sizeof lx->message, fmt, ap);
    va_end(ap);
    lx->error_pos = pos;
    return false;
}

/* ---- UTF-8 ---- */

/* Length of the well-formed UTF-8 sequence at s[0..n) (no overlongs, no
 * surrogates, nothing past U+10FFFF), 0 when ill-formed; *cp gets its value. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        *cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        *cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        *cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    return len;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the UTF-8 character at pos, or a failed lexer when ill-formed. */
static size_t lex_utf8_char(lexer *lx, size_t pos)
{
    uint32_t cp;
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t n = utf8_decode(s + pos, lx->len - pos, &cp);
    if (!n) lex_fail(lx, pos, "Invalid UTF-8 byte 0x%02X.", s[pos]);
    return n;
}

/* graphql-js printCodePointAt: "\"x\"" for printable ASCII, U+XXXX otherwise.
 * The byte at pos must begin well-formed UTF-8 (see lex_fail_at_char). */
static const char *lex_describe_char(const lexer *lx, size_t pos, char *buf, size_t size)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    if (pos >= lx->len) return "<EOF>";
    uint32_t cp = s[pos];
    if (cp >= 0x20 && cp <= 0x7E) {
        if (cp == '"') return "'\"'";
        snprintf(buf, size, "\"%c\"", (char)cp);
        return buf;
    }
    if (cp >= 0x80) utf8_decode(s + pos, lx->len - pos, &cp);
    snprintf(buf, size, "U+%04X", (unsigned)cp);
    return buf;
}

/* Fails with `format`, whose one %s describes the character at pos; bytes
 * that are not UTF-8 fail as such instead. */
static bool lex_fail_at_char(lexer *lx, size_t pos, const char *format)
{
    if (pos < lx->len && (unsigned char)lx->src[pos] >= 0x80 && !lex_utf8_char(lx, pos))
        return false;
    char buf[16];
    return lex_fail(lx, pos, format, lex_describe_char(lx, pos, buf, sizeof buf));
}

/* ---- tokens ---- */

static void lex_token_at(lexer *lx, lex_token *t, lex_kind kind, size_t start, size_t end)
{
    t->kind = kind;
    t->start = start;
    t->end = end;
    t->loc.line = lx->line;
    t->loc.column = (uint32_t)(start - lx->line_start + 1);
    t->value = NULL;
    t->len = 0;
    lx->pos = end;
}

/* Byte classes for names and numbers, in rows of 16 (as SQLite's ctype map):
 * 1 = digit, 2 = letter or underscore; either continues a name. */
static const unsigned char char_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 30 0-9 */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 40 A-O */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2, /* 50 P-Z _ */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 60 a-o */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, /* 70 p-z */
};

/* The one-byte punctuators; LEX_SOF (0) for every other byte. */
static const unsigned char punctuator_kind[256] = {
    ['!'] = LEX_BANG,      ['$'] = LEX_DOLLAR,    ['&'] = LEX_AMP,     ['('] = LEX_PAREN_L,
    [')'] = LEX_PAREN_R,   [':'] = LEX_COLON,     ['='] = LEX_EQUALS,  ['@'] = LEX_AT,
    ['['] = LEX_BRACKET_L, [']'] = LEX_BRACKET_R, ['{'] = LEX_BRACE_L, ['|'] = LEX_PIPE,
    ['}'] = LEX_BRACE_R,
};

/* c is a byte, or -1 past the end (see lex_byte). */
static bool is_digit(int c)
{
    return c >= 0 && char_class[c] == 1;
}

static bool is_name_start(int c)
{
    return c >= 0 && char_class[c] == 2;
}

/* The byte at pos, or -1 past the end (like charCodeAt giving NaN). */
static int lex_byte(const lexer *lx, size_t pos)
{
    return pos < lx->len ? (unsigned char)lx->src[pos] : -1;
}

/* Skips a comment; it ends at a line terminator. Its text must be UTF-8. */
static bool lex_skip_comment(lexer *lx, size_t *pos)
{
    size_t p = *pos + 1;
    while (p < lx->len) {
        unsigned char c = (unsigned char)lx->src[p];
        if (c == '\n' || c == '\r') break;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n = lex_utf8_char(lx, p);
        if (!n) return false;
        p += n;
    }
    *pos = p;
    return true;
}

static bool lex_digits(lexer *lx, size_t *pos)
{
    size_t p = *pos;
    if (!is_digit(lex_byte(lx, p)))
        return lex_fail_at_char(lx, p, "Invalid number, expected digit but got: %s.");
    while (is_digit(lex_byte(lx, p)))
        p++;
    *pos = p;
    return true;
}

static bool lex_number(lexer *lx, lex_token *t, size_t start)
{
    size_t p = start;
    bool is_float = false;
    if (lex_byte(lx, p) == '-') p++;
    if (lex_byte(lx, p) == '0') {
        p++;
        if (is_digit(lex_byte(lx, p)))
            return lex_fail_at_char(lx, p, "Invalid number, unexpected digit after 0: %s.");
    } else if (!lex_digits(lx, &p)) {
        return false;
    }
    if (lex_byte(lx, p) == '.') {
        is_float = true;
        p++;
        if (!lex_digits(lx, &p)) return false;
    }
    if (lex_byte(lx, p) == 'e' || lex_byte(lx, p) == 'E') {
        is_float = true;
        p++;
        if (lex_byte(lx, p) == '+' || lex_byte(lx, p) == '-') p++;
        if (!lex_digits(lx, &p)) return false;
    }
    if (lex_byte(lx, p) == '.' || is_name_start(lex_byte(lx, p)))
        return lex_fail_at_char(lx, p, "Invalid number, expected digit but got: %s.");
    lex_token_at(lx, t, is_float ? LEX_FLOAT : LEX_INT, start, p);
    t->value = lx->src + start;
    t->len = p - start;
    return true;
}

static void lex_name(lexer *lx, lex_token *t, size_t start)
{
    size_t p = start + 1;
    while (p < lx->len && char_class[(unsigned char)lx->src[p]])
        p++;
    lex_token_at(lx, t, LEX_NAME, start, p);
    t->value = lx->src + start;
    t->len = p - start;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Four hex digits at pos as a UTF-16 code unit, -1 when any is not hex. */
static int32_t lex_hex4(const lexer *lx, size_t pos)
{
    int32_t v = 0;
    for (size_t i = 0; i < 4; i++) {
        int d = hex_value(lex_byte(lx, pos + i));
        if (d < 0) return -1;
        v = (v << 4) | d;
    }
    return v;
}

static bool is_scalar_value(uint32_t cp)
{
    return cp <= 0xD7FF || (cp >= 0xE000 && cp <= 0x10FFFF);
}

static bool lex_bad_unicode_escape(lexer *lx, size_t pos, size_t size)
{
    size_t end = pos + size > lx->len ? lx->len : pos + size;
    return lex_fail(lx, pos, "Invalid Unicode escape sequence: \"%.*s\".", (int)(end - pos),
                    lx->src + pos);
}

/* \u{X...}: at most 12 characters in all, as graphql-js reads it. */
static size_t lex_unicode_braced(lexer *lx, size_t pos, uint32_t *cp)
{
    uint32_t point = 0;
    size_t size = 3;
    while (size < 12) {
        int c = lex_byte(lx, pos + size++);
        if (c == '}') {
            if (size < 5 || !is_scalar_value(point)) break;
            *cp = point;
            return size;
        }
        int d = hex_value(c);
        if (d < 0) break;
        point = (point << 4) | (uint32_t)d;
        if (point & 0x80000000u) break; /* graphql-js overflows to negative */
    }
    lex_bad_unicode_escape(lx, pos, size);
    return 0;
}

/* \uXXXX, or a \uXXXX\uXXXX surrogate pair. */
static size_t lex_unicode_fixed(lexer *lx, size_t pos, uint32_t *cp)
{
    int32_t unit = lex_hex4(lx, pos + 2);
    if (unit >= 0 && is_scalar_value((uint32_t)unit)) {
        *cp = (uint32_t)unit;
        return 6;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF && lex_byte(lx, pos + 6) == '\\' &&
        lex_byte(lx, pos + 7) == 'u') {
        int32_t trail = lex_hex4(lx, pos + 8);
        if (trail >= 0xDC00 && trail <= 0xDFFF) {
            *cp = 0x10000 + (((uint32_t)unit - 0xD800) << 10) + ((uint32_t)trail - 0xDC00);
            return 12;
        }
    }
    lex_bad_unicode_escape(lx, pos, 6);
    return 0;
}

/* Decodes the escape sequence at pos (a backslash) into out; returns the
 * number of source bytes it spans and *outlen the bytes written, 0 on error. */
static size_t lex_escape(lexer *lx, size_t pos, char *out, size_t *outlen)
{
    int c = lex_byte(lx, pos + 1);
    if (c == 'u') {
        uint32_t cp = 0;
        size_t size = lex_byte(lx, pos + 2) == '{' ? lex_unicode_braced(lx, pos, &cp)
                                                   : lex_unicode_fixed(lx, pos, &cp);
        if (size) *outlen = utf8_encode(cp, out);
        return size;
    }
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *hit = c > 0 ? strchr(from, c) : NULL;
    if (hit) {
        *outlen = 1;
        out[0] = to[hit - from];
        return 2;
    }
    size_t shown = 1;
    if (c >= 0x80) {
        shown = lex_utf8_char(lx, pos + 1);
        if (!shown) return 0;
    } else if (c < 0) {
        shown = 0;
    }
    lex_fail(lx, pos, "Invalid character escape sequence: \"\\%.*s\".", (int)shown,
             lx->src + pos + 1);
    return 0;
}

/* Where a "string" ends: its closing quote, or the line end or end of input
 * that leaves it unterminated (escapes are skipped over). */
static size_t lex_string_end(const lexer *lx, size_t start)
{
    const char *s = lx->src;
    size_t p = start + 1, n = lx->len;
    while (p < n) {
        char c = s[p];
        if (c == '"' || c == '\n' || c == '\r') return p;
        p += c == '\\' ? 2 : 1;
    }
    return n;
}

static bool lex_string(lexer *lx, lex_token *t, size_t start)
{
    size_t end = lex_string_end(lx, start);
    char *out = arena_alloc(lx->arena, end - start);
    size_t w = 0, p = start + 1;
    while (p < end) {
        size_t run = p; /* plain ASCII is copied a run at a time */
        while (run < end && (unsigned char)lx->src[run] < 0x80 && lx->src[run] != '\\')
            run++;
        memcpy(out + w, lx->src + p, run - p);
        w += run - p;
        p = run;
        if (p == end) break;
        unsigned char c = (unsigned char)lx->src[p];
        size_t n;
        if (c == '\\') {
            size_t outlen = 0;
            n = lex_escape(lx, p, out + w, &outlen);
            if (!n) return false;
            w += outlen;
            p += n;
            continue;
        }
        n = c < 0x80 ? 1 : lex_utf8_char(lx, p);
        if (!n) return false;
        memcpy(out + w, lx->src + p, n);
        w += n;
        p += n;
    }
    if (end >= lx->len || lx->src[end] != '"') return lex_fail(lx, end, "Unterminated string.");
    out[w] = '\0';
    lex_token_at(lx, t, LEX_STRING, start, end + 1);
    t->value = out;
    t->len = w;
    return true;
}

static bool lex_is_triple_quote(const lexer *lx, size_t p)
{
    return p + 2 < lx->len && lx->src[p] == '"' && lx->src[p + 1] == '"' && lx->src[p + 2] == '"';
}

/* Finds the closing quotes of the block string at start, checking that its
 * text is UTF-8 and counting the lines it spans. False on error. */
static bool lex_block_scan(lexer *lx, size_t start, size_t *end, uint32_t *lines,
                           size_t *last_line_start)
{
    size_t p = start + 3;
    while (p < lx->len) {
        unsigned char c = (unsigned char)lx->src[p];
        if (c == '"' && lex_is_triple_quote(lx, p)) {
            *end = p;
            return true;
        }
        if (c == '\\' && lex_is_triple_quote(lx, p + 1)) {
            p += 4;
            continue;
        }
        if (c == '\n' || c == '\r') {
            p += c == '\r' && lex_byte(lx, p + 1) == '\n' ? 2 : 1;
            (*lines)++;
            *last_line_start = p;
            continue;
        }
        size_t n = c < 0x80 ? 1 : lex_utf8_char(lx, p);
        if (!n) return false;
        p += n;
    }
    return lex_fail(lx, lx->len, "Unterminated string.");
}

/* Copies a scanned block string's text src[from..to) to out, turning \"""
 * into """ and every line terminator into \n; returns the length written. */
static size_t lex_block_copy(const char *src, size_t from, size_t to, char *out)
{
    size_t w = 0;
    for (size_t p = from; p < to;) {
        char c = src[p];
        if (c == '\\' && p + 4 <= to && memcmp(src + p + 1, "\"\"\"", 3) == 0) {
            memcpy(out + w, "\"\"\"", 3);
            w += 3;
            p += 4;
        } else if (c == '\r') {
            out[w++] = '\n';
            p += p + 1 < to && src[p + 1] == '\n' ? 2 : 1;
        } else {
            out[w++] = c;
            p++;
        }
    }
    return w;
}

static size_t leading_blank(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* The spec's BlockStringValue: drop the common indentation of all lines but
 * the first, and leading and trailing blank lines. Works in place on
 * s[0..len) (lines joined by \n) and returns the new length. */
static size_t lex_dedent(char *s, size_t len)
{
    size_t common = SIZE_MAX;
    long first = -1, last = -1, i = 0;
    for (size_t p = 0; p <= len; i++) {
        const char *nl = memchr(s + p, '\n', len - p);
        size_t line_len = nl ? (size_t)(nl - (s + p)) : len - p;
        size_t indent = leading_blank(s + p, line_len);
        if (indent < line_len) {
            if (first < 0) first = i;
            last = i;
            if (i != 0 && indent < common) common = indent;
        }
        p += line_len + 1;
    }
    size_t w = 0;
    i = 0;
    for (size_t p = 0; p <= len; i++) {
        const char *nl = memchr(s + p, '\n', len - p);
        size_t line_len = nl ? (size_t)(nl - (s + p)) : len - p;
        if (i >= first && i <= last) {
            size_t skip = i == 0 ? 0 : (common < line_len ? common : line_len);
            if (i > first) s[w++] = '\n';
            memmove(s + w, s + p + skip, line_len - skip);
            w += line_len - skip;
        }
        p += line_len + 1;
    }
    return w;
}

static bool lex_block_string(lexer *lx, lex_token *t, size_t start)
{
    size_t end = 0, last_line_start = 0;
    uint32_t lines = 0;
    if (!lex_block_scan(lx, start, &end, &lines, &last_line_start)) return false;
    char *out = arena_alloc(lx->arena, end - start - 3 + 1);
    size_t len = lex_dedent(out, lex_block_copy(lx->src, start + 3, end, out));
    out[len] = '\0';
    lex_token_at(lx, t, LEX_BLOCK_STRING, start, end + 3);
    t->value = out;
    t->len = len;
    lx->line += lines;
    if (lines) lx->line_start = last_line_start;
    return true;
}

static bool lex_unexpected_char(lexer *lx, size_t p)
{
    unsigned char c = (unsigned char)lx->src[p];
    if (c == '\'')
        return lex_fail(lx, p,
                        "Unexpected single quote character ('), did you mean to use a "
                        "double quote (\")?");
    return lex_fail_at_char(lx, p, "Unexpected character: %s.");
}

bool lex_next(lexer *lx, lex_token *t)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t p = lx->pos, n = lx->len;
    while (p < n) {
        /* Runs of spaces (indentation) are the commonest ignored bytes. */
        while (s[p] == ' ')
            if (++p == n) goto end;
        unsigned char c = s[p];
        lex_kind k = punctuator_kind[c];
        if (k != LEX_SOF) {
            lex_token_at(lx, t, k, p, p + 1);
            return true;
        }
        switch (c) {
        case ' ':
        case '\t':
        case ',':
            p++;
            continue;
        case '\n':
        case '\r':
            p += c == '\r' && lex_byte(lx, p + 1) == '\n' ? 2 : 1;
            lx->line++;
            lx->line_start = p;
            continue;
        case 0xEF: /* byte order mark, U+FEFF */
            if (p + 2 < lx->len && s[p + 1] == 0xBB && s[p + 2] == 0xBF) {
                p += 3;
                continue;
            }
            return lex_unexpected_char(lx, p);
        case '#':
            if (!lex_skip_comment(lx, &p)) return false;
            continue;
        case '.':
            if (lex_byte(lx, p + 1) == '.' && lex_byte(lx, p + 2) == '.') {
                lex_token_at(lx, t, LEX_SPREAD, p, p + 3);
                return true;
            }
            return lex_unexpected_char(lx, p);
        case '"':
            return lex_is_triple_quote(lx, p) ? lex_block_string(lx, t, p) : lex_string(lx, t, p);
        default:
            break;
        }
        if (is_digit(c) || c == '-') return lex_number(lx, t, p);
        if (is_name_start(c)) {
            lex_name(lx, t, p);
            return true;
        }
        return lex_unexpected_char(lx, p);
    }
end:
    lx->pos = p;
    lex_token_at(lx, t, LEX_EOF, lx->len, lx->len);
    return true;
}
