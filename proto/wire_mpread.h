/* wire_mpread.h: a strict, bounded msgpack reader for report frames. It
 * reads one value at a time from a byte range, checks the type it is asked
 * for, never reads past the end, never allocates, and skips values of any
 * type without recursion. (msgpack-c's unpacker builds a whole object tree
 * and trusts declared lengths when it allocates; frames come from the
 * network, so the reports are read with this instead.) Every function
 * returns false, consuming nothing useful, when the next value is not of the
 * type asked for or is cut short. */
#ifndef FM_WIRE_MPREAD_H
#define FM_WIRE_MPREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mpread {
    const uint8_t *p;
    const uint8_t *end;
} mpread;

void mpread_init(mpread *r, const uint8_t *buf, size_t len);
bool mpread_at_end(const mpread *r);

/* A map or an array header: *n entries (pairs for a map) follow. */
bool mpread_map(mpread *r, uint32_t *n);
bool mpread_array(mpread *r, uint32_t *n);
/* A str: *s points into the buffer, *len bytes, not NUL-terminated. */
bool mpread_str(mpread *r, const char **s, uint32_t *len);
/* A bin: *b points into the buffer, *len bytes. */
bool mpread_bin(mpread *r, const uint8_t **b, uint32_t *len);
/* A non-negative integer, whichever msgpack integer form holds it. */
bool mpread_uint(mpread *r, uint64_t *v);
/* Consumes a nil and returns true, or returns false and consumes nothing. */
bool mpread_nil(mpread *r);
/* Skips one value of any type, containers included. */
bool mpread_skip(mpread *r);

#endif
