/* compose.h: federation composition. Subgraph SDLs (Federation 2 with @link,
 * or Federation 1 without) in, a supergraph SDL with link v1.0 and join
 * v0.3..v0.5 out, as @apollo/composition 2.14 composes it; or the errors and
 * their Apollo codes. Pure: no I/O, everything in the caller's arena. The
 * control plane recomposes with it whenever a subgraph changes. */
#ifndef FM_COMPOSE_H
#define FM_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef struct compose_input {
    const char *name; /* subgraph name, e.g. "accounts" */
    const char *url;  /* routing URL, copied into @join__graph(url:) */
    const char *sdl;  /* the subgraph's SDL, as `_service { sdl }` returns it */
    size_t sdl_len;
} compose_input;

typedef struct compose_result {
    const char *supergraph; /* NUL-terminated; NULL when composition failed */
    size_t supergraph_len;
    diag_list errors; /* each with Apollo's code (diag.code) and subgraph (diag.source) */
    diag_list hints;  /* Apollo's hint codes, e.g. INCONSISTENT_DESCRIPTION */
} compose_result;

/* Composes n subgraphs; everything lives in arena a. Returns false when there
 * are errors (then out->supergraph is NULL). Deterministic: the same input
 * (in any order of subgraphs) gives the same bytes. */
bool compose(arena *a, const compose_input *subgraphs, uint32_t n, compose_result *out);

#endif
