/* satisfiability.h: the check composition ends with. Every query a client can
 * write against the API schema of a supergraph must be answerable by its
 * subgraphs: starting from the root fields, each field reached in a subgraph is
 * resolved there, or in another subgraph the query can move to through a
 * resolvable @key whose fields are at hand (following @provides, @requires,
 * @interfaceObject and @override as the planner would). What Apollo's
 * composition checks in validate.ts, with its SATISFIABILITY_ERROR messages. */
#ifndef FM_SATISFIABILITY_H
#define FM_SATISFIABILITY_H

#include <stdbool.h>

#include "diag.h"
#include "supergraph.h"

/* Adds one SATISFIABILITY_ERROR to errs per unanswerable query shape found
 * ("The following supergraph API query:\n{...}\ncannot be satisfied by the
 * subgraphs because:\n- from subgraph ..."; a top-level mutation field that
 * fails from every subgraph resolving it gets one error gathering theirs),
 * SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES where subgraphs sharing a field of
 * abstract type share none of its object types, and
 * MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED when the walk outgrows its bound.
 * Returns true when it added nothing. Works in a scratch arena of its own;
 * messages go to errs' arena. */
bool sg_check_satisfiability(const supergraph *sg, diag_list *errs);

#endif
