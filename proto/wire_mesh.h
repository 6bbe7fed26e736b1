/* wire_mesh.h: the mesh fetch frames sidecars exchange over nng REQ/REP
 * (docs/MESH.md, "Subgraph fetches"): a sidecar asks a peer to run one
 * subgraph request against the service beside that peer. msgpack maps with
 * string keys:
 *   request {"type":"fetch","subgraph":str,"body":bin}   the JSON POST body
 *   reply   {"type":"result","status":uint,"body":bin}   the HTTP status and body
 *           {"type":"error","reason":str}                 no response, and why
 * Decoding is strict: one map and nothing after it, at most
 * WIRE_MAX_MESSAGE_BYTES, the frame's keys each present once with the right
 * type, strings without NUL bytes, a status of 100..599. Unknown keys are
 * ignored. Strings are copied into the caller's arena; a body points into the
 * decoded buffer (a subgraph response can be large: it is not copied). */
#ifndef FM_WIRE_MESH_H
#define FM_WIRE_MESH_H

#include "sbuf.h"
#include "wire.h"

typedef enum wire_mesh_type { WIRE_MESH_FETCH, WIRE_MESH_RESULT, WIRE_MESH_ERROR } wire_mesh_type;

typedef struct wire_mesh_frame {
    wire_mesh_type type;
    const char *subgraph; /* fetch */
    uint64_t status;      /* result */
    const uint8_t *body;  /* fetch, result */
    size_t body_len;
    const char *reason; /* error */
} wire_mesh_frame;

/* "fetch", "result", "error". */
const char *wire_mesh_type_name(wire_mesh_type type);

/* Appends the frame to out; a NULL string is written as "". */
void wire_mesh_encode(const wire_mesh_frame *frame, sbuf *out);

/* Decodes a frame into *out; false with why set on anything malformed, e.g.
 * "fetch frame has no body" or "status 42 is not an HTTP status". */
bool wire_mesh_decode(arena *a, const uint8_t *buf, size_t len, wire_mesh_frame *out,
                      wire_reason *why);

#endif
