/* sg_codec.h: a loaded supergraph (supergraph.h) as bytes, the "supergraph
 * image" of a plan bundle (proto/fedmesh.proto, PlanBundle.supergraph_image).
 * The control plane loads the SDL once and encodes the result; a sidecar
 * decodes it straight into its bundle's arena, skipping what sg_load costs:
 * parsing, building the schemas, the ownership tables and the API schema.
 *
 * The image holds the built model: both schemas (types, fields, arguments,
 * enum values, directive definitions, applied directives as syntax trees,
 * descriptions, deprecations, default values, interfaces, possible types,
 * root types), the linked features, the graphs, the type and field
 * ownership tables (keys, requires and provides with their parsed
 * selections, context arguments, overrides), the @join__directive list and
 * the API-to-full field map. Source locations are not kept (they are zeros
 * after decoding: nothing reads a supergraph's SDL locations once it is
 * loaded). Name look-up maps are rebuilt while decoding. Read-only nodes
 * many places hold alike are shared after decoding: one ast_directive per
 * distinct applied directive (their `next` links are NULL: the schema's
 * arrays list them), one value per distinct scalar argument value, one named
 * type node (bare and non-null) per type.
 *
 * Decoding trusts nothing: every count is checked against the bytes left
 * before anything is allocated for it, every index against its range, every
 * nesting against SG_CODEC_MAX_DEPTH; and the result is checked to be a
 * supergraph the planner can rely on (unique names, types of the right kinds
 * where the schema rules want them, interfaces' possible types exactly their
 * implementations, fields that key, requires and provides select existing,
 * API fields whose twins have their names...). Pointers that must agree (a
 * field's parent, by_graph against graphs, the sg tables against the schema)
 * are not in the image at all: the decoder derives them. All of it in time
 * linear in the image (so one rule sg_load applies is left out: whether a
 * FieldSet's inline fragment can ever apply), and in memory a small multiple
 * of it, but for the by_graph tables (a pointer per graph for every type and
 * field), which may take up to 64 pointers per byte of image.
 *
 * Layout (integers are LEB128 varints; bytes.h):
 *   "FMSG" version                      magic, then SG_CODEC_VERSION as one byte
 *   string table                        count, then each: length, bytes
 *   directive table                     count, then each distinct applied directive
 *                                       of the schemas once (referenced by index)
 *   supergraph:
 *     fed1, ngraphs, graphs (enum value, name, url),
 *     nfeatures, features (url, identity, name, major, minor, prefix, purpose,
 *       nimports, imports (name, as)), join (feature index + 1),
 *     full schema, API schema,
 *     for each full type: ngraphs, type graphs
 *     for each full field: ngraphs, field graphs
 *     njoin_directives, join directives, then for each API field: its full field
 *   schema: description, ntypes, nfields, ndirectives, types, directive definitions,
 *     query, mutation, subscription (type index + 1), nschema_directives, directives;
 *     the types are written as every type's name and kind, then every type's body
 *   type body: description, builtin, specified_by_url, ndirectives, directives,
 *     then by kind: object, interface: nfields, fields, ninterfaces, type indexes,
 *     (interface: npossible, type indexes); union: npossible, type indexes;
 *     enum: nvalues, values; input object: nfields, fields
 *   field: name, description, type ref, default value?, deprecated,
 *     deprecation_reason, ndirectives, directives, (not input fields: nargs, args);
 *     a schema's applied directives are indexes into the directive table
 *   type ref: wrappers outside in (1 = LIST, 2 = NON_NULL), then 3 and the named
 *     type's index (schemas) or name (ownership tables)
 *   type graph: graph index (ascending), flags (1 interface object, 2 extension),
 *     nkeys, keys (fieldset, flags 1 resolvable, 2 extension), ninterfaces,
 *     npossible, nvalues (type and enum value indexes)
 *   field graph: graph index (ascending), requires, provides, type_text, type ref?,
 *     flags (1 external, 2 used_overridden), override_from, override_label,
 *     ncontext_args, context args (name, type_text, type ref, context, selection)
 *   fieldset: text (0 = absent), then if present nselections, selections
 *   selection: kind, alias, name, type_condition, nargs, arguments, ndirectives,
 *     directives, nselections, selections (0 = no selection set)
 *   directive: name, nargs, arguments (name, value)
 *   value: kind (ast_value_kind), then by kind: a string (STRING: and block),
 *     a boolean, items, or fields (name, value)
 *   join directive: name, args?, ngraphs, graph indexes, target, then TYPE: type
 *     index, FIELD: field index
 * Strings are referenced by index + 1, 0 for NULL; `?` is a byte 0 (absent)
 * or 1 (present) before an optional part. */
#ifndef FM_SG_CODEC_H
#define FM_SG_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "sbuf.h"
#include "supergraph.h"

#define SG_CODEC_VERSION 1
/* Deepest nesting of values, selections or type wrappers an image may have. */
#define SG_CODEC_MAX_DEPTH 256

/* Appends sg's image to out. */
void sg_encode(const supergraph *sg, sbuf *out);

/* Decodes buf[0..len) into a supergraph allocated in a. NULL with one error
 * ("Invalid supergraph image: ...") in errs when the bytes are malformed or
 * describe a supergraph that does not hold together; what was allocated
 * before the error stays in a, unreachable. */
supergraph *sg_decode(arena *a, const uint8_t *buf, size_t len, diag_list *errs);

#endif
