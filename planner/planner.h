/* planner.h: the query planner. Turns an operation, already validated
 * against the supergraph's API schema, into a plan (plan.h): which subgraph
 * requests to make, in which order, and how to shape the response. Pure: no
 * I/O, no globals; the plan and all it points to go into the arena given,
 * which the caller keeps as long as the plan is cached. */
#ifndef FM_PLANNER_H
#define FM_PLANNER_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "plan.h"
#include "supergraph.h"

/* Plans operation `op` of `doc`. Returns NULL with errors in errs when the
 * operation cannot be planned (a field no subgraph can reach, for example). */
plan *qp_plan(arena *a, const supergraph *sg, const ast_document *doc, const ast_definition *op,
              diag_list *errs);

#endif
