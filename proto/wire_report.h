/* wire_report.h: the report frames a sidecar pushes to the control plane
 * (docs/MESH.md, "Report frames"): msgpack maps with string keys, one of four
 * types. Encoding appends to the caller's sbuf; decoding is strict (the
 * frame is one map and nothing after it, at most WIRE_MAX_REPORT_BYTES, every
 * required key present once with the right type, strings without NUL bytes)
 * and puts every string in the caller's arena. Unknown keys are ignored. */
#ifndef FM_WIRE_REPORT_H
#define FM_WIRE_REPORT_H

#include "sbuf.h"
#include "wire.h"

typedef enum wire_report_type {
    WIRE_REPORT_ACK,
    WIRE_REPORT_REJECT,
    WIRE_REPORT_HEARTBEAT,
    WIRE_REPORT_USAGE
} wire_report_type;

/* The sidecar swapped to a bundle. */
typedef struct wire_ack {
    const char *sidecar;
    const char *admin;  /* host:port of its admin endpoint */
    uint64_t version;   /* not 0 */
    const char *sha256; /* 64 lowercase hex digits */
    uint64_t at_ms;     /* when it swapped, Unix ms */
} wire_ack;

/* The sidecar refused a bundle and keeps the one it runs. */
typedef struct wire_reject {
    const char *sidecar;
    const char *admin;
    uint64_t version;   /* 0 when the envelope did not say */
    const char *sha256; /* as the envelope said it, possibly malformed or "" */
    const char *reason;
} wire_reject;

/* Every second. */
typedef struct wire_heartbeat {
    const char *sidecar;
    const char *admin;
    uint64_t version;   /* the one it runs, 0 = none */
    const char *listen; /* its GraphQL address */
} wire_heartbeat;

typedef struct wire_usage_op {
    const char *query;
    const char *operation_name; /* NULL (nil) when none */
    uint64_t count;
} wire_usage_op;

/* The operations the sidecar serves most. */
typedef struct wire_usage {
    const char *sidecar;
    const wire_usage_op *ops;
    uint32_t nops;
} wire_usage;

typedef struct wire_report {
    wire_report_type type;
    union {
        wire_ack ack;
        wire_reject reject;
        wire_heartbeat heartbeat;
        wire_usage usage;
    };
} wire_report;

/* "ack", "reject", "heartbeat", "usage". */
const char *wire_report_type_name(wire_report_type type);

/* Appends the frame to out. A NULL string is written as "" (except an
 * operation name, written as nil). */
void wire_report_encode(const wire_report *report, sbuf *out);

/* Decodes a frame into *out, strings in a; false with why set on anything
 * malformed, e.g. "ack frame has no at_ms" or "version is not an unsigned
 * integer". */
bool wire_report_decode(arena *a, const uint8_t *buf, size_t len, wire_report *out,
                        wire_reason *why);

#endif
