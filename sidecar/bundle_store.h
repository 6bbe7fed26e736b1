/* bundle_store.h: the sidecar's --state-dir: the last good bundle envelope
 * (a serialised fedmesh.BundleEnvelope) in DIR/bundle.pb, so a sidecar that
 * starts while the control plane is unreachable serves what it served
 * before. Bytes only: the caller verifies what it loads exactly as it
 * verifies an envelope from the network, so a corrupt or truncated file is
 * refused like a corrupt message. */
#ifndef FM_BUNDLE_STORE_H
#define FM_BUNDLE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* Files larger than this are refused on load (and never written). */
#define STORE_MAX_BYTES ((size_t)256 << 20)

/* Makes DIR if it does not exist (its parent must) and checks that it is a
 * directory the sidecar can write; false with the reason otherwise, so a
 * bad --state-dir stops the sidecar at start rather than at the first swap. */
bool store_init(const char *dir, sbuf *err);

/* Replaces DIR/bundle.pb atomically: writes DIR/bundle.pb.tmp, fsyncs it,
 * renames it over bundle.pb and fsyncs DIR, so a crash at any point leaves
 * either the old file or the new one, never a mix. False with the reason in
 * `err` (the old file stays). */
bool store_save(const char *dir, const uint8_t *data, size_t len, sbuf *err);

/* The bytes of DIR/bundle.pb (malloc'd, the caller frees), or NULL with the
 * reason in `err` (no file yet, unreadable, too large). */
uint8_t *store_load(const char *dir, size_t *len, sbuf *err);

#endif
