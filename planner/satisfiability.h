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
 * subgraphs because:\n- from subgraph ..."). Returns true when there is none.
 * Works in a scratch arena of its own; messages go to errs' arena. */
bool sg_check_satisfiability(const supergraph *sg, diag_list *errs);

/* For composition: loads the supergraph it just printed (sg_load_composed, in
 * a scratch arena) and checks it. A supergraph that does not even load adds
 * the loader's errors (a composition bug, worth its own report). */
bool sg_check_composed_satisfiability(const char *sdl, size_t len, diag_list *errs);

#endif
