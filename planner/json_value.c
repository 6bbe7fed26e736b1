/* json_value.c: reading and comparing JSON trees (see json.h): member
 * look-up, numbers as int64/double, construction and deep equality. */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_stack.h"

#define JSON_LOCAL_PAIRS 64
/* Exponents are clamped here while reading: far beyond any representable
 * value, yet small enough that adding digit counts cannot overflow. */
#define JSON_EXP_CLAMP 1000000000000000LL

const json_value *json_getn(const json_value *v, const char *key, size_t key_len)
{
    if (!v || v->type != JSON_OBJECT) return NULL;
    for (uint32_t i = 0; i < v->len; i++) {
        const json_member *m = &v->u.members[i];
        if (m->key_len == key_len && memcmp(m->key, key, key_len) == 0) return &m->value;
    }
    return NULL;
}

const json_value *json_get(const json_value *v, const char *key)
{
    return json_getn(v, key, strlen(key));
}

json_value *json_new_string(arena *a, const char *s, size_t len)
{
    json_value *v = arena_alloc(a, sizeof(json_value));
    v->type = JSON_STRING;
    v->len = (uint32_t)len;
    v->u.str = arena_strndup(a, s, len);
    return v;
}

/* A number literal in normal form: 0.D x 10^exp10 with D = the significant
 * digits (no leading or trailing zeros), read from the literal skipping '.'.
 * Two literals are equal numbers exactly when their normal forms match. */
typedef struct json_decimal {
    bool negative;
    bool zero;
    const char *digits; /* first significant digit in the literal */
    size_t ndigits;
    long long exp10;
} json_decimal;

static bool json_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads the exponent after 'e'/'E' at s[0..n); false when malformed. */
static bool json_read_exponent(const char *s, size_t n, long long *out)
{
    size_t i = 0;
    bool negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    if (i == n) return false;
    long long e = 0;
    for (; i < n; i++) {
        if (!json_is_digit(s[i])) return false;
        if (e < JSON_EXP_CLAMP) e = e * 10 + (s[i] - '0');
    }
    if (e > JSON_EXP_CLAMP) e = JSON_EXP_CLAMP;
    *out = negative ? -e : e;
    return true;
}

/* Fills *d from the literal s[0..n); false when it is not a JSON number
 * (trees built in code may hold anything). */
static bool json_decimal_read(const char *s, size_t n, json_decimal *d)
{
    size_t i = 0;
    d->negative = n > 0 && s[0] == '-';
    if (d->negative) i++;
    size_t int_start = i;
    while (i < n && json_is_digit(s[i]))
        i++;
    size_t int_digits = i - int_start, frac_digits = 0;
    if (int_digits == 0) return false;
    if (i < n && s[i] == '.') {
        size_t frac_start = ++i;
        while (i < n && json_is_digit(s[i]))
            i++;
        frac_digits = i - frac_start;
        if (frac_digits == 0) return false;
    }
    size_t mant_end = i;
    long long exp = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        if (!json_read_exponent(s + i + 1, n - i - 1, &exp)) return false;
    } else if (i != n) {
        return false;
    }
    /* Skip leading zeros (each lowers the exponent) and trailing zeros. */
    size_t p = int_start, leading = 0;
    while (p < mant_end && (s[p] == '0' || s[p] == '.'))
        leading += s[p++] == '0';
    size_t last = mant_end;
    while (last > p && (s[last - 1] == '0' || s[last - 1] == '.'))
        last--;
    d->zero = p == mant_end;
    d->digits = s + p;
    d->ndigits = 0;
    for (size_t k = p; k < last; k++)
        d->ndigits += s[k] != '.';
    d->exp10 = (long long)int_digits + exp - (long long)leading;
    return true;
}

/* The digit at *cursor, advancing past it; steps over the decimal point. */
static int json_decimal_next(const char **cursor)
{
    if (**cursor == '.') (*cursor)++;
    return *(*cursor)++ - '0';
}

static bool json_decimal_equal(const json_decimal *x, const json_decimal *y)
{
    if (x->zero || y->zero) return x->zero == y->zero;
    if (x->negative != y->negative || x->exp10 != y->exp10 || x->ndigits != y->ndigits) {
        return false;
    }
    const char *a = x->digits, *b = y->digits;
    for (size_t k = 0; k < x->ndigits; k++) {
        if (json_decimal_next(&a) != json_decimal_next(&b)) return false;
    }
    return true;
}

bool json_as_int64(const json_value *v, int64_t *out)
{
    json_decimal d;
    if (!v || v->type != JSON_NUMBER || !json_decimal_read(v->u.str, v->len, &d)) return false;
    if (d.zero) {
        *out = 0;
        return true;
    }
    /* An integer has no digits after the point: ndigits <= exp10; and 19
     * digits is the most an int64 holds. */
    if ((long long)d.ndigits > d.exp10 || d.exp10 > 19) return false;
    uint64_t limit = d.negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t mag = 0;
    const char *cursor = d.digits;
    for (long long k = 0; k < d.exp10; k++) {
        unsigned digit = k < (long long)d.ndigits ? (unsigned)json_decimal_next(&cursor) : 0;
        if (mag > (limit - digit) / 10) return false;
        mag = mag * 10 + digit;
    }
    *out = d.negative ? (int64_t)(0 - mag) : (int64_t)mag;
    return true;
}

double json_as_double(const json_value *v)
{
    if (!v || v->type != JSON_NUMBER) return NAN;
    return strtod(v->u.str, NULL);
}

static bool json_numbers_equal(const json_value *a, const json_value *b)
{
    if (a->len == b->len && memcmp(a->u.str, b->u.str, a->len) == 0) return true;
    json_decimal x, y;
    if (!json_decimal_read(a->u.str, a->len, &x) || !json_decimal_read(b->u.str, b->len, &y)) {
        return false;
    }
    return json_decimal_equal(&x, &y);
}

typedef struct json_pair {
    const json_value *a, *b;
} json_pair;

typedef struct json_pairs {
    json_pair *items;
    size_t len, cap;
    json_pair local[JSON_LOCAL_PAIRS];
} json_pairs;

static void json_pairs_push(json_pairs *s, const json_value *a, const json_value *b)
{
    if (s->len == s->cap)
        s->items = json_stack_grow(s->items, s->local, &s->cap, sizeof(json_pair));
    s->items[s->len++] = (json_pair){a, b};
}

static bool json_same_key(const json_member *x, const json_member *y)
{
    return x->key_len == y->key_len && memcmp(x->key, y->key, x->key_len) == 0;
}

/* The member of o that is the `nth` (0-based) one named like m, or NULL. */
static const json_member *json_nth_member(const json_value *o, const json_member *m, size_t nth)
{
    for (uint32_t i = 0; i < o->len; i++) {
        if (json_same_key(&o->u.members[i], m) && nth-- == 0) return &o->u.members[i];
    }
    return NULL;
}

/* Queues the member values of two objects of equal size for comparison.
 * Members match by key regardless of order; a repeated key matches by its
 * occurrence (the second "a" of one with the second "a" of the other). The
 * common case, keys in the same order, is checked first in linear time. */
static bool json_pair_members(json_pairs *s, const json_value *a, const json_value *b)
{
    uint32_t n = a->len, i = 0;
    while (i < n && json_same_key(&a->u.members[i], &b->u.members[i]))
        i++;
    if (i == n) {
        for (i = 0; i < n; i++)
            json_pairs_push(s, &a->u.members[i].value, &b->u.members[i].value);
        return true;
    }
    for (i = 0; i < n; i++) {
        const json_member *m = &a->u.members[i];
        size_t nth = 0;
        for (uint32_t j = 0; j < i; j++)
            nth += json_same_key(&a->u.members[j], m);
        const json_member *match = json_nth_member(b, m, nth);
        if (!match) return false;
        json_pairs_push(s, &m->value, &match->value);
    }
    return true;
}

/* Compares one pair; containers queue their children instead of recursing. */
static bool json_pair_step(json_pairs *s, const json_value *a, const json_value *b)
{
    if (a->type != b->type) return false;
    switch (a->type) {
    case JSON_NULL:
    case JSON_FALSE:
    case JSON_TRUE:
        return true;
    case JSON_NUMBER:
        return json_numbers_equal(a, b);
    case JSON_STRING:
        return a->len == b->len && memcmp(a->u.str, b->u.str, a->len) == 0;
    case JSON_ARRAY:
        if (a->len != b->len) return false;
        for (uint32_t i = 0; i < a->len; i++)
            json_pairs_push(s, &a->u.items[i], &b->u.items[i]);
        return true;
    case JSON_OBJECT:
        return a->len == b->len && json_pair_members(s, a, b);
    }
    return false;
}

bool json_equal(const json_value *a, const json_value *b)
{
    if (!a || !b) return a == b;
    json_pairs s;
    s.items = s.local;
    s.len = 0;
    s.cap = JSON_LOCAL_PAIRS;
    json_pairs_push(&s, a, b);
    bool equal = true;
    while (equal && s.len > 0) {
        json_pair p = s.items[--s.len];
        equal = json_pair_step(&s, p.a, p.b);
    }
    json_stack_release(s.items, s.local);
    return equal;
}
