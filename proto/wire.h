/* wire.h: what every part of the wire library (proto/) shares: the reason a
 * decode or a check failed, the size limits applied to untrusted bytes, and
 * SHA-256 in the lowercase hex form the envelopes and reports carry.
 *
 * The library encodes into a caller's sbuf and decodes into a caller's arena
 * (planner/arena.h, planner/sbuf.h): a decoded message and every string in it
 * live until that arena is freed, and nothing it returns needs its own free.
 * The contract it implements is docs/MESH.md; layouts are in proto/README.md. */
#ifndef FM_WIRE_H
#define FM_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Largest message a decoder accepts: an envelope or a fetch reply carries a
 * whole bundle (supergraph SDL and precompiled plans). */
#define WIRE_MAX_MESSAGE_BYTES ((size_t)64 << 20)
/* Largest report frame (a usage frame lists the most used operations). */
#define WIRE_MAX_REPORT_BYTES ((size_t)1 << 20)

/* Most memory decoding a message of len bytes may take: its strings and
 * bytes are copied (len), each message struct costs a few dozen bytes more;
 * a message made of many tiny elements is refused. */
#define WIRE_DECODE_BUDGET(len) (4 * (size_t)(len) + 65536)

/* 64 hex digits and a NUL. */
#define WIRE_SHA256_HEX_SIZE 65

/* Why a decode or a verification failed, as one line for logs and for the
 * `reason` of a reject frame. */
typedef struct wire_reason {
    char text[192];
} wire_reason;

/* Lowercase hex SHA-256 of data[0..len) into out. */
void wire_sha256_hex(const void *data, size_t len, char out[WIRE_SHA256_HEX_SIZE]);

/* True when s is exactly 64 lowercase hex digits. */
bool wire_is_sha256_hex(const char *s);

#endif
