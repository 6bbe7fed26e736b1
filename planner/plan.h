/* plan.h: query plans as data. The planner (planner/planner.c) turns a
 * validated operation into a tree of these nodes; the executor (sidecar/)
 * walks the tree; plan_print renders it for people and for snapshot tests;
 * plans are serialised into plan bundles. A plan and everything it points to
 * live in one arena (the plan cache's or the plan bundle's), and nothing in it
 * refers to the request's AST or arena, so a cached plan outlives the request
 * that made it.
 *
 * Node kinds (Apollo's vocabulary, with one extension):
 *   Sequence   children run one after another
 *   Parallel   children run at the same time
 *   Fetch      one request to one subgraph
 *   Flatten    a Fetch of entities whose representations are collected at one
 *              or more paths of the response so far and whose results are
 *              merged back at the same places. Several paths make one
 *              `_entities` request: that is how entity fetches for different
 *              parts of the query to the same subgraph share a round trip.
 *   Condition  runs if_clause when a Boolean variable is true, else else_clause
 *              (from @skip/@include on variables).
 *
 * What the planner (planner/planner.c) produces, for the executor:
 *   - The root is a Sequence of steps, each step one node or a Parallel; a
 *     step needs only the data of the steps before it.
 *   - Paths name response keys (the client's aliases), as the merged data
 *     holds them. A Flatten's `requires` may hold several `... on T`
 *     fragments (entities of different types batched into one request); each
 *     object found at a path is represented by the fragment for its
 *     __typename, and objects matching none are not sent.
 *   - Every object reached through a field of abstract type, every entity
 *     and every client __typename below the root has __typename fetched; a
 *     root __typename is never fetched (the shape answers it).
 *   - @skip/@include on variables stay in the subgraph operations (with the
 *     variables forwarded) and in the shape's guards. A fetch all of whose
 *     top fields have one of them runs inside a Condition node (Then for
 *     @include, Else for @skip); entity fetches below a skipped field find
 *     nothing to fetch at their paths and are then skipped.
 *   - input_rewrites have paths of two steps, `... on T` then a field:
 *     set_to gives an @interfaceObject representation the interface's name
 *     as __typename; rename_to renames a required field fetched under an
 *     alias (it has arguments, `fm_price_1a2b3c4d: price(currency: "EUR")`)
 *     back to the field's name. */
#ifndef FM_PLAN_H
#define FM_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "sbuf.h"

typedef enum plan_kind {
    PLAN_SEQUENCE,
    PLAN_PARALLEL,
    PLAN_FETCH,
    PLAN_FLATTEN,
    PLAN_CONDITION
} plan_kind;

/* One step of a path into the response: a response key, "@" (every element
 * of a list), or "... on T" (only objects whose __typename is T or one of
 * T's possible types). */
typedef enum plan_path_kind { PLAN_PATH_FIELD, PLAN_PATH_LIST, PLAN_PATH_TYPE } plan_path_kind;

typedef struct plan_path_step {
    plan_path_kind kind;
    const char *name; /* response key, or type name */
} plan_path_step;

typedef struct plan_path {
    plan_path_step *steps;
    uint32_t nsteps;
} plan_path;

/* How a value is changed on its way in or out of a fetch, for
 * @interfaceObject (the representation's __typename becomes the interface
 * name) and for renamed keys: at `path` inside each representation (or
 * result), set the value to `set_to` (when not NULL) or rename to `rename_to`. */
typedef struct plan_rewrite {
    plan_path path;
    const char *set_to;
    const char *rename_to;
} plan_rewrite;

typedef struct plan_fetch {
    uint32_t graph;            /* index into the supergraph's graphs */
    const char *subgraph;      /* its name, for printing and errors */
    ast_operation_type operation_type;
    const char *operation;     /* the exact text sent to the subgraph */
    const char *operation_name; /* NULL when anonymous */
    const char **variables;    /* client variables this fetch forwards */
    uint32_t nvariables;
    /* Entity fetches: the selection each representation is built from,
     * `... on Product { __typename upc price }`, parsed into the plan's arena;
     * NULL for root fetches. `requires_text` is its printed form. */
    const ast_selection *requires;
    const char *requires_text;
    const plan_rewrite *input_rewrites;
    uint32_t ninput_rewrites;
    const plan_rewrite *output_rewrites;
    uint32_t noutput_rewrites;
} plan_fetch;

typedef struct plan_node plan_node;

struct plan_node {
    plan_kind kind;
    plan_node **children; /* Sequence, Parallel */
    uint32_t nchildren;
    plan_fetch *fetch;    /* Fetch, Flatten */
    plan_path *paths;     /* Flatten: one or more */
    uint32_t npaths;
    const char *condition; /* Condition: the variable name */
    plan_node *if_clause;  /* NULL when empty */
    plan_node *else_clause;
};

/* The response shape: how the executor projects the data merged from every
 * fetch into exactly what the client asked for (field order, aliases,
 * fragments resolved, no key fields fetched only for joins, nulls bubbled by
 * nullability). Built by the planner from the operation and the API schema,
 * so executing a cached plan needs neither. */
typedef enum plan_shape_kind {
    PLAN_SHAPE_FIELD,     /* a value read from the merged data */
    PLAN_SHAPE_TYPENAME,  /* __typename: the object's type name */
    PLAN_SHAPE_INTROSPECTION /* a root __schema / __type field, answered locally */
} plan_shape_kind;

typedef struct plan_shape plan_shape;

/* @skip(if: $v) / @include(if: $v) on variables that one selection of a
 * field is under (its own and those of the fragments and fields around it):
 * it counts when none of skip_if is true and all of include_if are. */
typedef struct plan_shape_guard {
    const char **skip_if;
    uint32_t nskip_if;
    const char **include_if;
    uint32_t ninclude_if;
} plan_shape_guard;

typedef struct plan_shape_field {
    plan_shape_kind kind;
    const char *response_key; /* the client's key (alias or field name) */
    const char *data_key;     /* where the value sits in the merged data */
    const char *parent_type;  /* for "Cannot return null for non-nullable field T.f." */
    const char *field_name;
    /* The field is in the response when one of its selections counts; none:
     * always. Literal @skip/@include are resolved when planning. */
    const plan_shape_guard *guards;
    uint32_t nguards;
    /* The field's type as wrappers from the outside in: for [Int!]! the
     * levels are NON_NULL LIST NON_NULL, then the named type. */
    const ast_type *type;
    /* PLAN_SHAPE_INTROSPECTION: the field and the fragments it may spread,
     * copied into the plan's arena, for introspection_write_root_field(). */
    const ast_document *introspection_doc;
    const ast_selection *introspection_field;
    const plan_shape *selection; /* composite fields: the sub-shape */
} plan_shape_field;

/* The fields of one selection set for objects of one type. Under an
 * abstract type, the object types whose type conditions select other fields
 * than the rest have a shape of their own, found by __typename:
 * variant_types[i] takes variants[i] (types selecting alike share one);
 * objects of any other type take `fields`. */
struct plan_shape {
    plan_shape_field *fields; /* in response order */
    uint32_t nfields;
    const char **variant_types;
    const plan_shape **variants;
    uint32_t nvariants;
};

typedef struct plan {
    ast_operation_type operation_type;
    plan_node *root;          /* NULL when nothing is fetched (introspection only) */
    const plan_shape *shape;  /* the root selection */
    uint32_t nfetches;        /* subgraph requests when every branch runs */
    uint32_t depth;           /* longest chain of dependent steps */
} plan;

/* Apollo-like text form:
 *   QueryPlan {
 *     Sequence {
 *       Fetch(service: "accounts") { { users { __typename id } } },
 *       Flatten(path: "users.@") { Fetch(service: "reviews") { ... } },
 *     },
 *   }
 * Flatten with several paths prints them all: Flatten(paths: ["a.@", "b.@"]). */
void plan_print(sbuf *out, const plan *p);

#endif
