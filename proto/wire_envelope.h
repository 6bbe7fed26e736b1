/* wire_envelope.h: plan bundles and the envelopes they travel in
 * (fedmesh.BundleEnvelope, fedmesh.PlanBundle in proto/fedmesh.proto).
 *
 * The control plane serialises a PlanBundle (wire_bundle_encode), wraps the
 * bytes in an envelope (wire_envelope_encode computes their SHA-256) and
 * publishes the envelope. A sidecar decodes the envelope
 * (wire_envelope_decode), then opens it (wire_envelope_open: hash, bundle
 * decode, version agreement) before it swaps.
 *
 * Ownership: encoders append to the caller's sbuf; decoders allocate the
 * message and all it points to in the caller's arena (nothing to free but the
 * arena), and return NULL with a reason on bad input. */
#ifndef FM_WIRE_ENVELOPE_H
#define FM_WIRE_ENVELOPE_H

#include "proto/fedmesh.pb-c.h"
#include "sbuf.h"
#include "wire.h"

/* Fills env with version, the hash of bundle[0..len) (written into sha256,
 * which env points to) and the bundle bytes (borrowed, not copied): an
 * envelope ready to pack, or to put in a FetchReply. */
void wire_envelope_init(Fedmesh__BundleEnvelope *env, char sha256[WIRE_SHA256_HEX_SIZE],
                        uint64_t version, const uint8_t *bundle, size_t len);

/* Appends the serialised envelope of bundle[0..len) (a serialised PlanBundle
 * of that version) to out. */
void wire_envelope_encode(uint64_t version, const uint8_t *bundle, size_t len, sbuf *out);

/* Decodes an envelope and checks its form (wire_envelope_check_form);
 * wire_envelope_open checks the content. */
Fedmesh__BundleEnvelope *wire_envelope_decode(arena *a, const uint8_t *buf, size_t len,
                                              wire_reason *why);

/* The envelope's form: version is not 0, sha256 is 64 lowercase hex digits,
 * the bundle is not empty. */
bool wire_envelope_check_form(const Fedmesh__BundleEnvelope *env, wire_reason *why);

/* Verifies env and decodes its bundle: the SHA-256 of the bundle bytes is
 * env->sha256, the bundle decodes, and its version is env->version. The
 * bundle is allocated in a. What the sidecar checks next (newer than the one
 * it runs, the supergraph loads, the plans decode) is up to it. */
Fedmesh__PlanBundle *wire_envelope_open(arena *a, const Fedmesh__BundleEnvelope *env,
                                        wire_reason *why);

/* Appends the serialised bundle to out. */
void wire_bundle_encode(const Fedmesh__PlanBundle *bundle, sbuf *out);

/* Decodes a bundle: version is not 0, the supergraph is not empty, and every precompiled plan has a
 * query and plan bytes. */
Fedmesh__PlanBundle *wire_bundle_decode(arena *a, const uint8_t *buf, size_t len, wire_reason *why);

#endif
