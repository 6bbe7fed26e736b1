/* wire_fetch.h: the request/reply a sidecar uses to get the current bundle
 * (fedmesh.FetchRequest, fedmesh.FetchReply in proto/fedmesh.proto).
 *
 * Same ownership as wire_envelope.h: encoders append to the caller's sbuf,
 * decoders allocate in the caller's arena and return NULL with a reason. */
#ifndef FM_WIRE_FETCH_H
#define FM_WIRE_FETCH_H

#include "proto/fedmesh.pb-c.h"
#include "sbuf.h"
#include "wire.h"

/* Appends a FetchRequest to out. */
void wire_fetch_request_encode(const char *sidecar_id, uint64_t have_version, sbuf *out);

/* Decodes a FetchRequest; the sidecar id must not be empty. */
Fedmesh__FetchRequest *wire_fetch_request_decode(arena *a, const uint8_t *buf, size_t len,
                                                 wire_reason *why);

/* Appends a FetchReply to out. */
void wire_fetch_reply_encode(const Fedmesh__FetchReply *reply, sbuf *out);

/* Decodes a FetchReply. A reply is one of: up to date (no envelope), an
 * envelope (checked as wire_envelope_decode does), or an error message;
 * anything else is rejected. */
Fedmesh__FetchReply *wire_fetch_reply_decode(arena *a, const uint8_t *buf, size_t len,
                                             wire_reason *why);

#endif
