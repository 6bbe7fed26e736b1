/* representations.h: the input of an entity fetch. At each of a Flatten's
 * paths into the merged data ("@" walks every list item, "... on T" keeps
 * objects whose __typename is T or one of T's possible types), every object
 * gives one representation built from the fetch's `requires` selection.
 * Identical representations are sent once; each remembers every object
 * (and its data path) it came from, so the entity returned for it is merged
 * into all of them. */
#ifndef FM_REPRESENTATIONS_H
#define FM_REPRESENTATIONS_H

#include <stdint.h>

#include "arena.h"
#include "errors.h"
#include "plan.h"
#include "sbuf.h"
#include "supergraph.h"
#include "tree.h"

typedef struct reps_position {
    tree_node *object; /* in the merged data */
    resp_path path;    /* its data path */
} reps_position;

typedef struct reps_entry {
    const char *json; /* the representation, compact JSON */
    uint32_t json_len;
    reps_position *positions;
    uint32_t npositions, cap;
} reps_entry;

typedef struct reps_set {
    reps_entry *entries;
    uint32_t len, cap;
} reps_set;

/* Collects the representations of a Flatten node's fetch from `root`, in
 * document order of their first position. Objects that are null, not
 * objects, or match none of the requires' type conditions give none. */
void reps_collect(arena *a, const supergraph *sg, tree_node *root, const plan_node *flatten,
                  reps_set *out);

/* `[rep0,rep1,...]` */
void reps_write(sbuf *out, const reps_set *reps);

/* Whether an object of type `type_name` is of type `condition`: the same
 * type, or one of the possible types of the interface or union. */
bool reps_type_matches(const supergraph *sg, const char *type_name, const char *condition);

/* Applies a plan_rewrite (for @interfaceObject and renamed keys) to a tree.
 * A rename onto a key the object already has leaves it alone (both are
 * the same field, fetched under two names). */
void reps_rewrite(arena *a, const supergraph *sg, tree_node *n, const plan_rewrite *rw);

#endif
