/* satisfiability_int.h: what the satisfiability traversal (satisfiability.c),
 * the moves between subgraphs (satisfiability_move.c) and the error messages
 * (satisfiability_report.c) share. Everything lives in the check's scratch
 * arena. Types and fields here are the full schema's unless said otherwise. */
#ifndef FM_SATISFIABILITY_INT_H
#define FM_SATISFIABILITY_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "satisfiability.h"

/* Where a query can stand in one subgraph: the graph, the interface it sees
 * the current object type as when it has that interface as an
 * @interfaceObject (else NULL), and the fields a @provides on the way makes
 * resolvable here (a selection list, else NULL). */
typedef struct sat_pos {
    uint32_t graph;
    const schema_type *via;
    const ast_selection *provided;
    /* How the query came into this graph, for Apollo's "more direct path"
     * reasons: from graph `from` (SAT_FROM_ROOT: at the root) at walk depth
     * `since`. Not part of a position's identity. */
    int32_t from;
    uint32_t since;
    /* came in by a key move and was cast at once to an object type it sees
     * through its interface object: Apollo moves it no further by keys */
    bool cast_on_entry;
    /* how many of Apollo's subgraph paths this position stands for, less
     * one: Apollo keeps a path per way of getting here, which shows in how
     * its reasons are laid out */
    uint32_t more_paths;
} sat_pos;

#define SAT_FROM_ROOT (-1)

/* A set of positions, no duplicates, in insertion order. */
typedef struct sat_posset {
    sat_pos *items;
    uint32_t n, cap;
} sat_posset;

/* Why a position could not take a step: Apollo's "unadvanceable". */
typedef struct sat_reason {
    uint32_t source; /* the graph the query stood in */
    uint32_t dest;   /* the graph the step was tried in */
    const char *details;
    uint32_t paths; /* of Apollo's subgraph paths giving it */
} sat_reason;

typedef struct sat_reasons {
    sat_reason *items;
    uint32_t n, cap;
} sat_reasons;

/* One step of the query shape, from the root down (API schema). */
typedef struct sat_step {
    const schema_field *field; /* NULL for a type condition */
    const schema_type *cast;   /* "... on cast" */
} sat_step;

/* A progressive @override label taken as on or off: the walk tries a field
 * with a label both ways, and keeps the choice for everything below it. */
typedef struct sat_label {
    const char *label; /* "percent(50)" */
    bool on;           /* the overriding graph resolves the field */
} sat_label;

/* Conditions (key and @requires fields) are resolved by the same moves,
 * recursively: past this depth a condition counts as unsatisfiable. */
#define SAT_MAX_CONDITION_DEPTH 8

typedef struct sat_ctx {
    const supergraph *sg;
    arena *a; /* scratch */
    uint32_t depth;
    /* [full type index * ngraphs + graph]: where keys lead from a plain
     * position; NULL until computed (satisfiability_move.c) */
    sat_posset **key_moves;
    /* The walk's query shape so far: steps[0..depth_walked) led from the root
     * type types[0] of operation op to types[depth_walked] (API schema). */
    ast_operation_type op;
    const sat_step *steps;
    const schema_type *const *types;
    uint32_t depth_walked;
    /* The labels chosen on the way to the current state (conditions see
     * none: a labelled field never satisfies them, as in Apollo). */
    const sat_label *labels;
    uint32_t nlabels;
} sat_ctx;

/* Adds p; when s already has it, counts p's paths on the one there. */
void sat_posset_add(arena *a, sat_posset *s, sat_pos p);
/* Every graph (and interface object) of sub is in super, whatever each
 * position has provided: Apollo's test for a state it already walked. */
bool sat_posset_covers(const sat_posset *sub, const sat_posset *super);
void sat_reason_add(arena *a, sat_reasons *r, uint32_t source, uint32_t dest, const char *details);

/* The subgraph's name. */
const char *sat_graph_name(const sat_ctx *c, uint32_t g);

/* Every field of selection list sel (on type t) can be fetched from the
 * positions of from, moving only into graphs not marked in excluded (may be
 * NULL). Bounded by SAT_MAX_CONDITION_DEPTH. */
bool sat_condition_satisfied(sat_ctx *c, const sat_posset *from, const schema_type *t,
                             const ast_selection *sel, const bool *excluded);

/* Graph g has a resolvable key on t. */
bool sat_has_resolvable_key(const sat_ctx *c, const schema_type *t, uint32_t g);

/* Where a key move from a position standing at type `at` (object type t, or
 * the interface t is seen as there) lands in graph h: *to, with *keyed the
 * type whose keys apply. False when h has no such type. */
bool sat_key_target(const sat_ctx *c, const schema_type *at, const schema_type *t, uint32_t h,
                    sat_pos *to, const schema_type **keyed);

/* The positions in other graphs that position p (at type t) reaches through
 * resolvable keys, one after another, never back to p's graph nor into an
 * excluded one (may be NULL). why (may be NULL) gets Apollo's reasons for
 * the moves not taken. */
void sat_key_moves(sat_ctx *c, sat_pos p, const schema_type *t, const bool *excluded,
                   sat_posset *out, sat_reasons *why);

/* Moves each position of from along field f of object type t (reached from
 * the position directly, or after key moves to other graphs not marked in
 * excluded, which may be NULL). The positions reached go to out; why (may be
 * NULL) gets the reasons of every position that could not move. */
void sat_move_field(sat_ctx *c, const sat_posset *from, const schema_type *t, const schema_field *f,
                    const bool *excluded, sat_posset *out, sat_reasons *why);

/* Moves each position of from, at abstract type t, to its possible object
 * type obj. Returns false when some position's graph cannot hold obj at all:
 * Apollo then drops the whole branch without an error. */
bool sat_move_cast(sat_ctx *c, const sat_posset *from, const schema_type *t, const schema_type *obj,
                   sat_posset *out, sat_reasons *why);

/* Adds the SATISFIABILITY_ERROR for the query shape steps[0..n) under the
 * root operation op, with the reasons grouped by the graph they come from. */
void sat_report(const sat_ctx *c, diag_list *errs, ast_operation_type op, const sat_step *steps,
                uint32_t n, const sat_reasons *why);

/* Subgraphs that give a shared field the same object types. */
typedef struct sat_runtime_group {
    const char **types; /* sorted */
    uint32_t ntypes;
    uint32_t *graphs;
    uint32_t ngraphs;
} sat_runtime_group;

/* SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES for the query shape steps[0..n),
 * which ends with shared field `field`. */
void sat_report_runtime_types(const sat_ctx *c, diag_list *errs, ast_operation_type op,
                              const sat_step *steps, uint32_t n, const schema_field *field,
                              const sat_runtime_group *groups, uint32_t ngroups);

/* The errors met below top-level mutation field `field` called from `graph`
 * (satisfiability.c walks such a field once per subgraph). */
typedef struct sat_mutation {
    const schema_field *field; /* API schema */
    uint32_t graph;
    diag_list errs; /* in the scratch arena */
    struct sat_mutation *next;
} sat_mutation;

/* The errors of a top-level mutation field that failed from every subgraph
 * it was walked from: m and the entries after it for the same field. */
void sat_report_mutation(const sat_ctx *c, diag_list *errs, const sat_mutation *m);

#endif
