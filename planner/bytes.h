/* bytes.h: the binary codecs' common ground (plan_codec, sg_codec): LEB128
 * varints and a table of strings referenced by index, written into an sbuf
 * and read back from bytes that may be anything. The reader checks every
 * read against what is left, refuses counts the bytes left could not hold
 * (before anything is allocated for them), and records only its first
 * problem, as one error "<prefix>: <what>" in a diag list. */
#ifndef FM_BYTES_H
#define FM_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "sbuf.h"
#include "strmap.h"

/* An unsigned LEB128 varint: 7 bits a byte, at most 10 bytes. */
void bytes_put_varint(sbuf *out, uint64_t v);

/* Strings numbered as they are first met: index + 1 references a string, 0
 * references NULL. Equal strings share one number (strings that hold a NUL
 * byte are numbered each time: they are rare). The strings are not copied:
 * they must outlive the table. */
typedef struct bytes_strings {
    arena scratch; /* the map and the arrays */
    strmap ids;    /* string -> index + 1 */
    const char **strings;
    uint32_t *lens;
    uint32_t count, cap;
} bytes_strings;

void bytes_strings_init(bytes_strings *t);
void bytes_strings_free(bytes_strings *t);
/* The reference to s[0..len) (0 for NULL). */
uint32_t bytes_strings_ref(bytes_strings *t, const char *s, size_t len);
/* Appends the table: count, then each string as its length and its bytes. */
void bytes_strings_write(const bytes_strings *t, sbuf *out);

typedef struct bytes_reader {
    const uint8_t *p, *end;
    diag_list *errs;
    const char *prefix; /* "Invalid plan encoding" */
    bool failed;
    /* The string table, once read: one arena block, each string NUL-terminated. */
    const char **strings;
    uint32_t *lens; /* bit 31: the string holds a NUL byte */
    uint32_t nstrings;
} bytes_reader;

#define BYTES_HOLDS_NUL 0x80000000u

void bytes_reader_init(bytes_reader *r, const uint8_t *buf, size_t len, diag_list *errs,
                       const char *prefix);
/* Records the first problem; always false, for `return bytes_fail(...)`. */
bool bytes_fail(bytes_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t bytes_left(const bytes_reader *r);

/* A varint; one byte ones (most) without a call. */
bool bytes_get_varint_slow(bytes_reader *r, uint64_t *v);
static inline bool bytes_get_varint(bytes_reader *r, uint64_t *v)
{
    if (r->p < r->end && *r->p < 0x80) {
        *v = *r->p++;
        return true;
    }
    return bytes_get_varint_slow(r, v);
}
/* A count of items that each take at least min_size bytes: more than the
 * bytes left can hold is refused ("<what> count N is more than the bytes
 * left"), so a decode's memory stays within a small multiple of its input. */
bool bytes_get_count_slow(bytes_reader *r, const char *what, size_t min_size, uint32_t *n);
static inline bool bytes_get_count(bytes_reader *r, const char *what, size_t min_size, uint32_t *n)
{
    if (r->p < r->end && *r->p < 0x80 && (size_t)*r->p * min_size < (size_t)(r->end - r->p)) {
        *n = *r->p++;
        return true;
    }
    return bytes_get_count_slow(r, what, min_size, n);
}
/* An enumeration value (or an index) up to max ("<what> N is out of range"). */
bool bytes_get_small_slow(bytes_reader *r, const char *what, uint32_t max, uint32_t *out);
static inline bool bytes_get_small(bytes_reader *r, const char *what, uint32_t max, uint32_t *out)
{
    if (r->p < r->end && *r->p < 0x80 && *r->p <= max) {
        *out = *r->p++;
        return true;
    }
    return bytes_get_small_slow(r, what, max, out);
}

/* Reads the string table into one block of a. A string holding a NUL byte
 * is refused unless allow_nul (then bytes_get_str refuses to hand it out as
 * a C string, and bytes_get_text hands it out with its length). */
bool bytes_get_strings(bytes_reader *r, arena *a, bool allow_nul);
/* A string reference that must not be 0, by its index + 1 in r->strings;
 * one holding a NUL byte is refused unless allow_nul. */
bool bytes_get_str_id(bytes_reader *r, const char *what, bool allow_nul, uint32_t *id);
/* A string reference: NULL for 0. */
bool bytes_get_str_slow(bytes_reader *r, const char **s);
static inline bool bytes_get_str(bytes_reader *r, const char **s)
{
    uint8_t id = r->p < r->end ? *r->p : 0x80;
    if (id < 0x80 && id <= r->nstrings && (!id || !(r->lens[id - 1] & BYTES_HOLDS_NUL))) {
        r->p++;
        *s = id ? r->strings[id - 1] : NULL;
        return true;
    }
    return bytes_get_str_slow(r, s);
}
/* A string reference that must not be 0 ("<what> is missing"). */
bool bytes_get_required_str(bytes_reader *r, const char *what, const char **s);
/* A string reference that must not be 0, NUL bytes allowed, with its length. */
bool bytes_get_text(bytes_reader *r, const char *what, const char **s, uint32_t *len);

#endif
