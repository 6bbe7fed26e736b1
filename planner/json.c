/* json.c: the JSON parser (RFC 8259) into an arena (see json.h).
 *
 * One pass, no recursion: open containers are frames on an explicit stack and
 * finished values wait on a second stack until their container closes, when
 * they are copied into the arena in one block. So the arena receives each
 * array/object exactly once, sized exactly, and nesting depth costs heap
 * scratch space, bounded by max_depth. */
#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_stack.h"

#define JSON_LOCAL_VALUES 64
#define JSON_LOCAL_FRAMES 32

/* An open array or object: its members start at values[start]. */
typedef struct json_frame {
    json_type type;
    size_t start;
} json_frame;

typedef struct json_parser {
    arena *a;
    const char *text; /* for offsets in error messages */
    const char *p;    /* next byte to read */
    const char *end;
    json_error *err;
    unsigned max_depth;
    /* Where the next string or number literal is copied: one arena block for
     * the whole text (see json_text_bytes). */
    char *bytes, *bytes_end;
    /* Values of the open containers; key/key_len are used inside objects. */
    json_member *values;
    size_t nvalues, values_cap;
    json_frame *frames;
    size_t depth, frames_cap;
    json_member values_local[JSON_LOCAL_VALUES];
    json_frame frames_local[JSON_LOCAL_FRAMES];
} json_parser;

static bool json_fail(json_parser *ps, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool json_fail(json_parser *ps, const char *at, const char *fmt, ...)
{
    json_error *err = ps->err;
    size_t offset = (size_t)(at - ps->text);
    char what[96];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    snprintf(err->message, sizeof(err->message), "%s at offset %zu", what, offset);
    err->offset = offset;
    return false;
}

/* "Unexpected character 'x'", "Unexpected byte 0x01" or end of input. */
static bool json_fail_unexpected(json_parser *ps, const char *at)
{
    if (at >= ps->end) return json_fail(ps, at, "Unexpected end of input");
    unsigned char c = (unsigned char)*at;
    if (c > 0x20 && c < 0x7f) return json_fail(ps, at, "Unexpected character '%c'", c);
    return json_fail(ps, at, "Unexpected byte 0x%02x", c);
}

static void json_skip_space(json_parser *ps)
{
    const char *p = ps->p, *end = ps->end;
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    ps->p = p;
}

/* Room for n bytes of decoded string or number text. Strings and numbers
 * never need more room than their own text in the input plus one byte (a
 * string's NUL fits in its two quotes; a number borrows the delimiter after
 * it, or the extra byte at the end), so the first call takes a block as long
 * as the rest of the input plus one, and every later call is a pointer bump:
 * no per-string allocation and no alignment padding. */
static char *json_text_bytes(json_parser *ps, size_t n)
{
    if (!ps->bytes) {
        size_t size = (size_t)(ps->end - ps->p) + 1;
        ps->bytes = arena_alloc(ps->a, size);
        ps->bytes_end = ps->bytes + size;
    }
    /* The bound above is proved, not hoped for; this check turns a flaw in
     * the proof into a crash the fuzzer reports instead of silent overlap. */
    if (n > (size_t)(ps->bytes_end - ps->bytes)) abort();
    char *p = ps->bytes;
    ps->bytes += n;
    return p;
}

static int json_hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads the four hex digits after "\u" at p; -1 when they are not there. */
static long json_hex4(const char *p, const char *end)
{
    if (end - p < 4) return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = json_hex_digit(p[i]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

static char *json_put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xc0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xe0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3f));
        *o++ = (char)(0x80 | (cp & 0x3f));
    } else {
        *o++ = (char)(0xf0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3f));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3f));
        *o++ = (char)(0x80 | (cp & 0x3f));
    }
    return o;
}

/* Decodes the \u escape at p (pointing at the backslash), joining a surrogate
 * pair, into o. Sets *next past what it read; NULL on error (reported). */
static char *json_decode_unicode(json_parser *ps, const char *p, const char **next, char *o)
{
    long hi = json_hex4(p + 2, ps->end);
    if (hi < 0) return json_fail(ps, p, "Invalid \\u escape"), NULL;
    if (hi >= 0xdc00 && hi <= 0xdfff) {
        return json_fail(ps, p, "Lone surrogate \\u%04lX in string", (unsigned long)hi), NULL;
    }
    if (hi < 0xd800 || hi > 0xdbff) {
        *next = p + 6;
        return json_put_utf8(o, (unsigned long)hi);
    }
    long lo = -1;
    if (ps->end - p >= 12 && p[6] == '\\' && p[7] == 'u') lo = json_hex4(p + 8, ps->end);
    if (lo < 0xdc00 || lo > 0xdfff) {
        return json_fail(ps, p, "Lone surrogate \\u%04lX in string", (unsigned long)hi), NULL;
    }
    *next = p + 12;
    return json_put_utf8(o, 0x10000 + (((unsigned long)hi - 0xd800) << 10) +
                                ((unsigned long)lo - 0xdc00));
}

static int json_simple_escape(char c)
{
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '/':
        return '/';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return -1;
    }
}

/* Decodes raw[0..n) (string contents holding escapes, already checked for
 * quotes and control characters) into the arena. The result is never longer
 * than the escaped text, so one allocation of n+1 bytes suffices. */
static bool json_decode_escaped(json_parser *ps, const char *raw, size_t n, const char **out,
                                size_t *out_len)
{
    char *buf = json_text_bytes(ps, n + 1), *o = buf;
    const char *p = raw, *end = raw + n;
    while (p < end) {
        if (*p != '\\') {
            *o++ = *p++;
            continue;
        }
        if (p[1] == 'u') {
            o = json_decode_unicode(ps, p, &p, o);
            if (!o) return false;
            continue;
        }
        int c = json_simple_escape(p[1]);
        if (c < 0) {
            unsigned char bad = (unsigned char)p[1];
            if (bad > 0x20 && bad < 0x7f) return json_fail(ps, p, "Invalid escape '\\%c'", bad);
            return json_fail(ps, p, "Invalid escape byte 0x%02x", bad);
        }
        *o++ = (char)c;
        p += 2;
    }
    *o = '\0';
    *out = buf;
    *out_len = (size_t)(o - buf);
    return true;
}

/* Reads the string whose opening quote is at ps->p into the arena. */
static bool json_parse_string(json_parser *ps, const char **out, uint32_t *out_len)
{
    const char *open = ps->p, *start = open + 1, *p = start, *end = ps->end;
    bool escaped = false;
    for (;;) {
        /* Up to a quote, a backslash or a control character (which RFC 8259
         * forbids unescaped): the bytes sbuf_json_string leaves as they are. */
        p += sbuf_json_plain_prefix(p, (size_t)(end - p));
        if (p >= end) return json_fail(ps, open, "Unterminated string");
        if (*p == '"') break;
        if (*p != '\\') {
            return json_fail(ps, p, "Control character 0x%02x in string", (unsigned char)*p);
        }
        if (end - p < 2) return json_fail(ps, open, "Unterminated string");
        escaped = true;
        p += 2; /* the escaped byte is checked when decoding; it cannot end the string */
    }
    size_t n = (size_t)(p - start), len = n;
    if (escaped) {
        if (!json_decode_escaped(ps, start, n, out, &len)) return false;
    } else {
        char *copy = json_text_bytes(ps, n + 1);
        memcpy(copy, start, n);
        copy[n] = '\0';
        *out = copy;
    }
    *out_len = (uint32_t)len;
    ps->p = p + 1;
    return true;
}

static const char *json_digits(const char *p, const char *end)
{
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as its literal text. */
static bool json_parse_number(json_parser *ps, json_value *v)
{
    const char *start = ps->p, *p = start, *end = ps->end;
    if (*p == '-') p++;
    if (p >= end || *p < '0' || *p > '9') return json_fail(ps, start, "Invalid number");
    if (*p == '0' && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
        return json_fail(ps, start, "Leading zero in number");
    }
    p = json_digits(p, end);
    if (p < end && *p == '.') {
        const char *frac = p + 1;
        p = json_digits(frac, end);
        if (p == frac) return json_fail(ps, start, "Invalid number");
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *exp = p + 1;
        if (exp < end && (*exp == '+' || *exp == '-')) exp++;
        p = json_digits(exp, end);
        if (p == exp) return json_fail(ps, start, "Invalid number");
    }
    v->type = JSON_NUMBER;
    v->len = (uint32_t)(p - start);
    char *copy = json_text_bytes(ps, v->len + 1);
    memcpy(copy, start, v->len);
    copy[v->len] = '\0';
    v->u.str = copy;
    ps->p = p;
    return true;
}

static bool json_parse_word(json_parser *ps, json_value *v, const char *word, size_t n,
                            json_type type)
{
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
        return json_fail(ps, ps->p, "Invalid literal");
    }
    ps->p += n;
    v->type = type;
    v->len = 0;
    v->u.str = NULL;
    return true;
}

/* A value that is not a container, starting at ps->p. */
static bool json_parse_scalar(json_parser *ps, json_value *v)
{
    if (ps->p >= ps->end) return json_fail_unexpected(ps, ps->p);
    switch (*ps->p) {
    case '"':
        v->type = JSON_STRING;
        return json_parse_string(ps, &v->u.str, &v->len);
    case 't':
        return json_parse_word(ps, v, "true", 4, JSON_TRUE);
    case 'f':
        return json_parse_word(ps, v, "false", 5, JSON_FALSE);
    case 'n':
        return json_parse_word(ps, v, "null", 4, JSON_NULL);
    default:
        if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9')) return json_parse_number(ps, v);
        return json_fail_unexpected(ps, ps->p);
    }
}

/* Reads `"key" :` of an object member and pushes the member, value pending. */
static bool json_parse_key(json_parser *ps)
{
    json_skip_space(ps);
    if (ps->p >= ps->end) return json_fail_unexpected(ps, ps->p);
    if (*ps->p == '}') return json_fail(ps, ps->p, "Trailing comma before '}'");
    if (*ps->p != '"') return json_fail(ps, ps->p, "Expected a string key");
    if (ps->nvalues == ps->values_cap) {
        ps->values =
            json_stack_grow(ps->values, ps->values_local, &ps->values_cap, sizeof(json_member));
    }
    json_member *m = &ps->values[ps->nvalues++];
    if (!json_parse_string(ps, &m->key, &m->key_len)) return false;
    json_skip_space(ps);
    if (ps->p >= ps->end) return json_fail_unexpected(ps, ps->p);
    if (*ps->p != ':') return json_fail(ps, ps->p, "Expected ':' after object key");
    ps->p++;
    return true;
}

static bool json_open(json_parser *ps, json_type type)
{
    if (ps->depth >= ps->max_depth) {
        return json_fail(ps, ps->p, "Maximum nesting depth %u exceeded", ps->max_depth);
    }
    if (ps->depth == ps->frames_cap) {
        ps->frames =
            json_stack_grow(ps->frames, ps->frames_local, &ps->frames_cap, sizeof(json_frame));
    }
    ps->frames[ps->depth++] = (json_frame){type, ps->nvalues};
    ps->p++;
    return true;
}

/* Pops the innermost container, copying its values into the arena. */
static void json_close(json_parser *ps, json_value *v)
{
    json_frame f = ps->frames[--ps->depth];
    size_t n = ps->nvalues - f.start;
    const json_member *src = ps->values + f.start;
    v->type = f.type;
    v->len = (uint32_t)n;
    v->u.items = NULL;
    if (n && f.type == JSON_OBJECT) {
        v->u.members = arena_alloc(ps->a, n * sizeof(json_member));
        memcpy(v->u.members, src, n * sizeof(json_member));
    } else if (n) {
        v->u.items = arena_alloc(ps->a, n * sizeof(json_value));
        for (size_t i = 0; i < n; i++)
            v->u.items[i] = src[i].value;
    }
    ps->nvalues = f.start;
    ps->p++;
}

/* Hands a finished value to the innermost open container. */
static void json_place(json_parser *ps, const json_value *v)
{
    if (ps->frames[ps->depth - 1].type == JSON_OBJECT) {
        ps->values[ps->nvalues - 1].value = *v;
        return;
    }
    if (ps->nvalues == ps->values_cap) {
        ps->values =
            json_stack_grow(ps->values, ps->values_local, &ps->values_cap, sizeof(json_member));
    }
    ps->values[ps->nvalues++].value = *v;
}

/* Starts the next value: a scalar (into *v, returns 1), an empty container
 * (into *v, returns 1) or an opened container waiting for members (0). -1 on
 * error. */
static int json_begin_value(json_parser *ps, json_value *v)
{
    json_skip_space(ps);
    if (ps->p >= ps->end || (*ps->p != '[' && *ps->p != '{')) {
        return json_parse_scalar(ps, v) ? 1 : -1;
    }
    bool object = *ps->p == '{';
    if (!json_open(ps, object ? JSON_OBJECT : JSON_ARRAY)) return -1;
    json_skip_space(ps);
    if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
        json_close(ps, v);
        return 1;
    }
    if (object && !json_parse_key(ps)) return -1;
    return 0;
}

/* After a value inside a container: a comma (1: parse the next value), or the
 * closing bracket (0: *v is now the closed container). -1 on error. */
static int json_continue(json_parser *ps, json_value *v)
{
    bool object = ps->frames[ps->depth - 1].type == JSON_OBJECT;
    json_skip_space(ps);
    if (ps->p < ps->end && *ps->p == ',') {
        ps->p++;
        if (object) return json_parse_key(ps) ? 1 : -1;
        json_skip_space(ps);
        if (ps->p < ps->end && (*ps->p == ']' || *ps->p == '}')) {
            return json_fail(ps, ps->p, "Trailing comma before '%c'", *ps->p), -1;
        }
        return 1;
    }
    if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
        json_close(ps, v);
        return 0;
    }
    return json_fail_unexpected(ps, ps->p), -1;
}

static json_value *json_run(json_parser *ps)
{
    json_value v;
    for (;;) {
        int done = json_begin_value(ps, &v);
        if (done < 0) return NULL;
        if (!done) continue;
        /* v is complete: attach it and close every container it completes. */
        int more = 0;
        while (ps->depth > 0 && !more) {
            json_place(ps, &v);
            more = json_continue(ps, &v);
            if (more < 0) return NULL;
        }
        if (ps->depth == 0) break;
    }
    json_skip_space(ps);
    if (ps->p < ps->end) return json_fail_unexpected(ps, ps->p), NULL;
    json_value *root = arena_alloc(ps->a, sizeof(json_value));
    *root = v;
    return root;
}

json_value *json_parse(arena *a, const char *text, size_t len, unsigned max_depth, json_error *err)
{
    json_parser ps;
    if (!text) text = ""; /* an empty buffer may come as NULL; len must then be 0 */
    ps.a = a;
    ps.text = text;
    ps.p = text;
    ps.end = text + len;
    ps.err = err;
    ps.bytes = ps.bytes_end = NULL;
    ps.max_depth = max_depth ? max_depth : JSON_DEFAULT_MAX_DEPTH;
    ps.values = ps.values_local;
    ps.nvalues = 0;
    ps.values_cap = JSON_LOCAL_VALUES;
    ps.frames = ps.frames_local;
    ps.depth = 0;
    ps.frames_cap = JSON_LOCAL_FRAMES;
    err->message[0] = '\0';
    err->offset = 0;
    /* Lengths are 32-bit in json_value; refusing larger texts up front keeps
     * every string and container within range. */
    if (len > UINT32_MAX) {
        json_fail(&ps, text, "Text longer than 4 GiB");
        return NULL;
    }
    json_value *root = json_run(&ps);
    json_stack_release(ps.values, ps.values_local);
    json_stack_release(ps.frames, ps.frames_local);
    return root;
}
