/* shape.h: writes the client's `data` from the merged tree, through the
 * plan's response shape: the client's field order and aliases, fields of
 * narrower type conditions only on objects of those types, @skip/@include on
 * variables, __typename, local introspection, and GraphQL null bubbling: a
 * null (or missing) value of a non-null type nulls its parent, up to the
 * nearest nullable one, adding "Cannot return null for non-nullable field
 * T.f." unless an error already reports that path or a subgraph request
 * failed (its error explains the nulls). */
#ifndef FM_SHAPE_H
#define FM_SHAPE_H

#include <stdbool.h>

#include "errors.h"
#include "json.h"
#include "plan.h"
#include "sbuf.h"
#include "supergraph.h"
#include "tree.h"

/* Deeper responses are cut (written as null): the shape comes from a
 * validated operation, so only absurd operations get near it. */
#define SHAPE_MAX_DEPTH 512

typedef struct shape_ctx {
    arena *arena;
    const supergraph *sg;        /* sg->api answers introspection */
    const json_value *variables; /* object or NULL */
    resp_errors *errors;
    resp_step path[SHAPE_MAX_DEPTH];
    uint32_t depth;
} shape_ctx;

/* Appends the data object, or `null` when a non-null root field was null.
 * Returns false in that second case. */
bool shape_write(shape_ctx *ctx, const plan_shape *shape, const tree_node *root, sbuf *out);

#endif
