/* request.h: answers one GraphQL-over-HTTP request body for one subgraph:
 * {"query", "variables", "operationName"} in, the JSON response out. Free of
 * any HTTP library, so it can be driven from a test as well as the server. */
#ifndef BENCH_REQUEST_H
#define BENCH_REQUEST_H

#include "arena.h"
#include "cache.h"
#include "model.h"
#include "sbuf.h"

/* Writes the response for body[0..len) into *out (replacing its content).
 * Per-request memory comes from a (the caller resets it); scratch is a
 * second buffer the executor may swap with *out. */
void breq_answer(const bmodel *m, bcache *cache, arena *a, const char *body, size_t len, sbuf *out,
                 sbuf *scratch);

#endif
