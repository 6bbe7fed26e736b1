/* json.h: JSON documents in an arena. The parser makes one tree per text
 * with no per-node malloc; the writer appends to an sbuf. Objects keep their
 * members in text order (look-up is linear: GraphQL objects are small).
 * Numbers keep their literal text so they pass through unchanged. */
#ifndef FM_JSON_H
#define FM_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "sbuf.h"

typedef enum json_type {
    JSON_NULL,
    JSON_FALSE,
    JSON_TRUE,
    JSON_NUMBER, /* str/len: the literal, e.g. "-1.5e3" (NUL-terminated) */
    JSON_STRING, /* str/len: the decoded UTF-8 bytes (NUL-terminated; may hold \0) */
    JSON_ARRAY,  /* items[0..len) */
    JSON_OBJECT  /* members[0..len) */
} json_type;

typedef struct json_value json_value;
typedef struct json_member json_member;

struct json_value {
    json_type type;
    uint32_t len;
    union {
        const char *str;
        json_value *items;
        json_member *members;
    } u;
};

struct json_member {
    const char *key; /* decoded, NUL-terminated */
    uint32_t key_len;
    json_value value;
};

typedef struct json_error {
    char message[128];
    size_t offset; /* byte offset in the input */
} json_error;

#define JSON_DEFAULT_MAX_DEPTH 512

/* Parses text[0..len) (RFC 8259; rejects trailing data, invalid UTF-8 is
 * passed through as bytes, lone surrogates in \u escapes are an error).
 * NULL on failure with *err filled. max_depth 0 = JSON_DEFAULT_MAX_DEPTH. */
json_value *json_parse(arena *a, const char *text, size_t len, unsigned max_depth,
                       json_error *err);

/* Member of an object by key; NULL when absent or v is not an object. */
const json_value *json_get(const json_value *v, const char *key);
const json_value *json_getn(const json_value *v, const char *key, size_t key_len);

/* Compact serialisation. */
void json_write(sbuf *out, const json_value *v);

/* Numbers: true when the value is an integer that fits; as in JavaScript,
 * 1.0 and 1e2 are integers. *out is untouched on false. */
bool json_as_int64(const json_value *v, int64_t *out);
/* strtod of the literal; NaN when v is not a number. */
double json_as_double(const json_value *v);

/* Constructors for trees built in code. */
json_value *json_new_string(arena *a, const char *s, size_t len);
/* Deep equality: object members match by key in any order (a repeated key
 * by its occurrence), numbers by exact decimal value (1 == 1.0 == 1e0). */
bool json_equal(const json_value *a, const json_value *b);

#endif
