/* plan_codec.h: plans (plan.h) as bytes, for the precompiled plans of a plan
 * bundle (proto/fedmesh.proto, PrecompiledPlan.plan). The control plane
 * encodes the plans it compiles; a sidecar decodes them against the same
 * supergraph and puts them in its plan cache, so a new bundle starts warm.
 *
 * The form is compact, versioned and checked on the way in: decoding never
 * trusts a count, a length or an index (a count larger than the bytes left
 * could hold is refused before anything is allocated, so a decode's memory
 * stays within a small multiple of its input), never recurses deeper than
 * PLAN_CODEC_MAX_DEPTH, and rejects a plan that does not fit the supergraph
 * (a graph index out of range, a subgraph name that is not that graph's, a
 * type the schema lacks) or that the executor could not run (a Flatten with
 * no path, a field with no key).
 *
 * Layout (all integers are LEB128 varints, at most 10 bytes):
 *   "FMPL" 0x01                         magic and format version
 *   nstrings, then each: len, bytes     the string table (no NUL bytes)
 *   plan: operation_type nfetches depth node? shape
 * A string is referenced by its index + 1, 0 for NULL; `?` below is a byte
 * 0 (absent) or 1 (present) before an optional part.
 *   node:    kind (plan_kind), then by kind
 *            SEQUENCE/PARALLEL: n, n nodes
 *            FETCH: fetch   FLATTEN: npaths, paths, fetch
 *            CONDITION: str, node?, node?
 *   fetch:   graph, subgraph, operation_type, operation, operation_name,
 *            nvariables, strs, requires_text, ninput, rewrites, noutput, rewrites
 *   path:    nsteps, then each: kind (plan_path_kind), str
 *   rewrite: path, set_to, rename_to
 *   shape:   nfields, fields, ndistinct, the distinct variant shapes,
 *            nvariants, then each: type name, index of its shape
 *   field:   kind, response_key, data_key, parent_type, field_name,
 *            nguards, then each: nskip_if, strs, ninclude_if, strs;
 *            type (0 = NULL, else wrappers outside in as 1 = LIST,
 *            2 = NON_NULL, ending with 3 = NAMED and its name),
 *            introspection document text (printed; re-parsed on decode),
 *            shape? (the sub-selection)
 * Variant shapes that several types share are written once and shared again
 * when decoded. Selections (a Flatten's `requires`, an introspection field's document) are
 * carried as GraphQL text and parsed again into the plan's arena: they are
 * small, and the parser is fast and fuzzed. */
#ifndef FM_PLAN_CODEC_H
#define FM_PLAN_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "plan.h"
#include "sbuf.h"
#include "supergraph.h"

#define PLAN_CODEC_VERSION 1
/* Deepest nesting of nodes, shapes or type wrappers a decoded plan may have. */
#define PLAN_CODEC_MAX_DEPTH 512

/* Appends p's encoding to out. */
void plan_encode(const plan *p, sbuf *out);

/* Decodes buf[0..len) into a plan allocated in a, checked against sg (the
 * supergraph the plan was made for; the plan refers to its graphs but not to
 * its memory). NULL with one error in errs when the bytes are malformed or
 * do not fit sg. */
plan *plan_decode(arena *a, const supergraph *sg, const uint8_t *buf, size_t len, diag_list *errs);

#endif
