/* value.c: scalar output coercion and message formatting (see value.h). */
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* graphql-js's inspect() shows nested objects to this depth. */
#define BVALUE_INSPECT_DEPTH 2
/* ...and this many array items. */
#define BVALUE_INSPECT_ITEMS 10

/* A number the way JavaScript's String(n) prints it: plain decimals from
 * 1e-6 up to 1e21, exponent form outside, always the shortest digits that
 * read back the same. */
static void bvalue_js_number(sbuf *out, double d)
{
    if (isnan(d)) {
        sbuf_puts(out, "NaN");
        return;
    }
    if (isinf(d)) {
        sbuf_puts(out, d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    char text[64];
    if (d == 0) {
        sbuf_putc(out, '0'); /* -0 too */
        return;
    }
    if (fabs(d) >= 1e-6 && fabs(d) < 1e21) {
        for (int decimals = 0; decimals <= 20; decimals++) {
            snprintf(text, sizeof text, "%.*f", decimals, d);
            if (strtod(text, NULL) == d) break;
        }
    } else {
        for (int precision = 1; precision <= 17; precision++) {
            snprintf(text, sizeof text, "%.*e", precision - 1, d);
            if (strtod(text, NULL) == d) break;
        }
        char *e = strchr(text, 'e');
        while (e[2] == '0' && e[3])
            memmove(e + 2, e + 3, strlen(e + 3) + 1); /* e-07: e-7 */
    }
    sbuf_puts(out, text);
}

static void bvalue_inspect_at(sbuf *out, const json_value *v, unsigned depth)
{
    switch (v->type) {
    case JSON_NULL:
        sbuf_puts(out, "null");
        return;
    case JSON_TRUE:
    case JSON_FALSE:
        sbuf_puts(out, v->type == JSON_TRUE ? "true" : "false");
        return;
    case JSON_NUMBER:
        bvalue_js_number(out, json_as_double(v));
        return;
    case JSON_STRING:
        sbuf_json_string(out, v->u.str, v->len);
        return;
    case JSON_ARRAY:
        if (v->len == 0) {
            sbuf_puts(out, "[]");
            return;
        }
        if (depth > BVALUE_INSPECT_DEPTH) {
            sbuf_puts(out, "[Array]");
            return;
        }
        sbuf_putc(out, '[');
        for (uint32_t i = 0; i < v->len && i < BVALUE_INSPECT_ITEMS; i++) {
            if (i) sbuf_puts(out, ", ");
            bvalue_inspect_at(out, &v->u.items[i], depth + 1);
        }
        if (v->len == BVALUE_INSPECT_ITEMS + 1) sbuf_puts(out, ", ... 1 more item");
        if (v->len > BVALUE_INSPECT_ITEMS + 1)
            sbuf_printf(out, ", ... %u more items", v->len - BVALUE_INSPECT_ITEMS);
        sbuf_putc(out, ']');
        return;
    case JSON_OBJECT:
        if (v->len == 0) {
            sbuf_puts(out, "{}");
            return;
        }
        if (depth > BVALUE_INSPECT_DEPTH) {
            sbuf_puts(out, "[Object]");
            return;
        }
        sbuf_puts(out, "{ ");
        for (uint32_t i = 0; i < v->len; i++) {
            if (i) sbuf_puts(out, ", ");
            sbuf_append(out, v->u.members[i].key, v->u.members[i].key_len);
            sbuf_puts(out, ": ");
            bvalue_inspect_at(out, &v->u.members[i].value, depth + 1);
        }
        sbuf_puts(out, " }");
        return;
    }
}

void bvalue_inspect(sbuf *out, const json_value *v)
{
    bvalue_inspect_at(out, v, 1);
}

/* "<prefix><inspect(v)>" in the arena. */
static const char *bvalue_error(arena *a, const char *prefix, const json_value *v)
{
    sbuf msg;
    sbuf_init(&msg);
    sbuf_puts(&msg, prefix);
    bvalue_inspect(&msg, v);
    const char *s = arena_strndup(a, msg.data, msg.len);
    sbuf_free(&msg);
    return s;
}

/* JavaScript's Number(string) for the decimal forms: NAN when not a number. */
static double bvalue_string_number(const json_value *v)
{
    const char *s = v->u.str;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s == '\0') return 0;
    char *end;
    double d = strtod(s, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    return *end == '\0' && (size_t)(end - v->u.str) == v->len ? d : NAN;
}

bool bvalue_plain_int(const json_value *v, int64_t *out)
{
    if (!v || v->type != JSON_NUMBER) return false;
    const char *s = v->u.str;
    uint32_t i = s[0] == '-';
    if (v->len == i || v->len - i > 18) return false;
    int64_t x = 0;
    for (; i < v->len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        x = x * 10 + (s[i] - '0');
    }
    *out = s[0] == '-' ? -x : x;
    return true;
}

static const char *bvalue_int(arena *a, sbuf *out, const json_value *v)
{
    int64_t n;
    if (bvalue_plain_int(v, &n) && n >= INT32_MIN && n <= INT32_MAX) {
        if (n == 0)
            sbuf_putc(out, '0'); /* -0 too */
        else
            sbuf_append(out, v->u.str, v->len);
        return NULL;
    }
    double d;
    if (v->type == JSON_TRUE || v->type == JSON_FALSE)
        d = v->type == JSON_TRUE;
    else if (v->type == JSON_STRING && v->len > 0)
        d = bvalue_string_number(v);
    else if (v->type == JSON_NUMBER)
        d = json_as_double(v);
    else
        d = NAN;
    if (!isfinite(d) || d != floor(d))
        return bvalue_error(a, "Int cannot represent non-integer value: ", v);
    if (d > 2147483647.0 || d < -2147483648.0)
        return bvalue_error(a, "Int cannot represent non 32-bit signed integer value: ", v);
    sbuf_printf(out, "%d", (int)d);
    return NULL;
}

static const char *bvalue_float(arena *a, sbuf *out, const json_value *v)
{
    double d;
    if (v->type == JSON_TRUE || v->type == JSON_FALSE)
        d = v->type == JSON_TRUE;
    else if (v->type == JSON_STRING && v->len > 0)
        d = bvalue_string_number(v);
    else if (v->type == JSON_NUMBER)
        d = json_as_double(v);
    else
        d = NAN;
    if (!isfinite(d)) return bvalue_error(a, "Float cannot represent non numeric value: ", v);
    bvalue_js_number(out, d);
    return NULL;
}

/* The number as a JSON string, "12" for 12. */
static void bvalue_quoted_number(sbuf *out, const json_value *v)
{
    sbuf_putc(out, '"');
    bvalue_js_number(out, json_as_double(v));
    sbuf_putc(out, '"');
}

static const char *bvalue_string(arena *a, sbuf *out, const json_value *v)
{
    if (v->type == JSON_STRING)
        sbuf_json_string(out, v->u.str, v->len);
    else if (v->type == JSON_TRUE || v->type == JSON_FALSE)
        sbuf_puts(out, v->type == JSON_TRUE ? "\"true\"" : "\"false\"");
    else if (v->type == JSON_NUMBER && isfinite(json_as_double(v)))
        bvalue_quoted_number(out, v);
    else
        return bvalue_error(a, "String cannot represent value: ", v);
    return NULL;
}

static const char *bvalue_id(arena *a, sbuf *out, const json_value *v)
{
    int64_t n;
    if (v->type == JSON_STRING)
        sbuf_json_string(out, v->u.str, v->len);
    else if (json_as_int64(v, &n))
        sbuf_printf(out, "\"%lld\"", (long long)n);
    else
        return bvalue_error(a, "ID cannot represent value: ", v);
    return NULL;
}

static const char *bvalue_boolean(arena *a, sbuf *out, const json_value *v)
{
    if (v->type == JSON_TRUE || v->type == JSON_FALSE)
        sbuf_puts(out, v->type == JSON_TRUE ? "true" : "false");
    else if (v->type == JSON_NUMBER && isfinite(json_as_double(v)))
        sbuf_puts(out, json_as_double(v) != 0 ? "true" : "false");
    else
        return bvalue_error(a, "Boolean cannot represent a non boolean value: ", v);
    return NULL;
}

const char *bvalue_serialize(arena *a, sbuf *out, const char *scalar, const json_value *v)
{
    if (strcmp(scalar, "String") == 0) return bvalue_string(a, out, v);
    if (strcmp(scalar, "ID") == 0) return bvalue_id(a, out, v);
    if (strcmp(scalar, "Int") == 0) return bvalue_int(a, out, v);
    if (strcmp(scalar, "Float") == 0) return bvalue_float(a, out, v);
    if (strcmp(scalar, "Boolean") == 0) return bvalue_boolean(a, out, v);
    json_write(out, v);
    return NULL;
}

void bvalue_print_type(sbuf *out, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_NAMED:
        sbuf_puts(out, t->name);
        return;
    case AST_TYPE_LIST:
        sbuf_putc(out, '[');
        bvalue_print_type(out, t->of);
        sbuf_putc(out, ']');
        return;
    case AST_TYPE_NON_NULL:
        bvalue_print_type(out, t->of);
        sbuf_putc(out, '!');
        return;
    }
}
