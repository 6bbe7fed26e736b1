/* merge.h: folding a subgraph's `data` into the merged response tree. A root
 * fetch's data merges at the root; an entity fetch's `_entities` item i
 * merges into every object representation i was collected from. */
#ifndef FM_MERGE_H
#define FM_MERGE_H

#include <stdbool.h>

#include "json.h"
#include "plan.h"
#include "representations.h"
#include "supergraph.h"
#include "tree.h"

/* Merges a root fetch's data, after the fetch's output rewrites. data must be
 * an object (anything else is ignored). */
void merge_root(arena *a, const supergraph *sg, const plan_fetch *fetch, tree_node *root,
                const json_value *data);

/* Merges data._entities into the positions of reps, after the fetch's output
 * rewrites (an entity result without __typename is taken to be of its
 * position's type, which the rewrites' type steps test). Null entities merge nothing. Returns
 * false, merging nothing, when data has no `_entities` list of reps->len items. */
bool merge_entities(arena *a, const supergraph *sg, const plan_fetch *fetch, const reps_set *reps,
                    const json_value *data);

#endif
