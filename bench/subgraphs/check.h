/* check.h: validation of an operation document against a subgraph model,
 * run once per distinct query text (cache.c). It covers the rules a gateway's
 * mistakes would hit, worded as graphql-js words them: known types,
 * fragments on composite types, leaf and composite selections, fields on the
 * right type (with suggestions), known and unused fragments, fragment cycles,
 * possible spreads, known and required arguments. */
#ifndef BENCH_CHECK_H
#define BENCH_CHECK_H

#include <stdbool.h>

#include "ast.h"
#include "model.h"
#include "sbuf.h"

/* graphql-js stops after this many errors. */
#define BCHECK_MAX_ERRORS 100

/* True when doc is valid; else writes {"errors":[{"message":...},...]} to out. */
bool bcheck_document(const bmodel *m, const ast_document *doc, sbuf *out);

#endif
