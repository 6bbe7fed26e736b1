/* resolvers.h: the resolver tables of the four benchmark subgraphs, the C
 * counterpart of reference-subgraphs/server.mjs, plus the federation fields
 * (_entities, _service) every subgraph has. */
#ifndef BENCH_RESOLVERS_H
#define BENCH_RESOLVERS_H

#include "model.h"

/* The table of subgraph `name` (accounts, inventory, products, reviews),
 * ended by a row with a NULL type; NULL for an unknown name. */
const bres_binding *bres_table(const char *name);

#endif
