/* bundle.h: builds what the control plane publishes: a PlanBundle (the
 * supergraph as SDL and as an image sidecars decode without sg_load, the
 * subgraphs it came from, and precompiled plans) serialised and wrapped in a
 * BundleEnvelope (docs/MESH.md, proto/wire_envelope.h).
 *
 * Precompiled plans are made the way a sidecar makes them on a cache miss:
 * parse, validate against the API schema, pick the operation, qp_plan, and
 * plan_encode. An operation that fails any step is left out (counted, with
 * the first reason kept): a bad registered operation must not stop a
 * schema from rolling out. */
#ifndef CP_BUNDLE_H
#define CP_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "composer.h"
#include "sbuf.h"

/* An operation to precompile: the exact text clients send, and the
 * operation name they send with it ("" when none). */
typedef struct bundle_op {
    const char *query;
    const char *operation_name;
} bundle_op;

typedef struct bundle_spec {
    uint64_t version, created_ms;
    const char *supergraph;
    size_t supergraph_len;
    const composer_subgraph *subgraphs;
    uint32_t nsubgraphs;
    const char *composed_from;
    const bundle_op *ops; /* duplicates (same text and name) are planned once */
    uint32_t nops;
} bundle_spec;

typedef struct bundle_stats {
    uint32_t planned, failed;
    char first_failure[256]; /* "" when none failed */
    uint64_t plan_us;        /* time spent planning */
    char image_failure[256]; /* why the supergraph image was left out; "" when it is in */
} bundle_stats;

/* Appends the envelope to out and the bundle's SHA-256 to sha256. false when
 * the supergraph does not load (err says why). */
bool bundle_build(const bundle_spec *spec, sbuf *out, char sha256[WIRE_SHA256_HEX_SIZE],
                  bundle_stats *stats, char *err, size_t errlen);

/* A kept envelope republished as `version` (a rollback): the same content
 * with a new version and creation time. */
bool bundle_renumber(const uint8_t *envelope, size_t len, uint64_t version, uint64_t created_ms,
                     sbuf *out, char sha256[WIRE_SHA256_HEX_SIZE], char *err, size_t errlen);

/* What a restart needs to know of the current envelope. */
typedef struct bundle_facts {
    uint64_t version, created_ms;
    char sha256[WIRE_SHA256_HEX_SIZE];
    char composed_from[WIRE_SHA256_HEX_SIZE];
    char *supergraph; /* malloc'd; the caller frees */
    size_t supergraph_len;
    uint32_t nplans;
} bundle_facts;

bool bundle_read_facts(const uint8_t *envelope, size_t len, bundle_facts *out, char *err,
                       size_t errlen);

/* The operations of a registered operation file: one per operation in it,
 * under its name, and for a file of one operation also under "" (clients
 * may leave the name out). Strings go into arena a. false with a message
 * ("LINE:COLUMN: ...") when the file does not parse or has no operation. */
bool bundle_ops_of_document(arena *a, const char *text, size_t len, bundle_op **ops, uint32_t *n,
                            char *err, size_t errlen);

#endif
