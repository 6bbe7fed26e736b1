/* composer.h: one composition attempt of the control plane. Runs compose()
 * (planner/compose.h) on the subgraphs' current SDLs and checks that the
 * supergraph loads (sg_load) as every sidecar will load it, so a supergraph
 * the fleet cannot run is a failed composition, never a published one. The
 * result owns plain malloc'd copies, so it outlives the arena compose used. */
#ifndef CP_COMPOSER_H
#define CP_COMPOSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wire.h"
#include "sbuf.h"

typedef struct composer_subgraph {
    const char *name, *url;
    const char *sdl; /* NULL when the subgraph has none yet */
    size_t sdl_len;
    const char *sdl_sha256;
    const char *poll_error; /* why there is no SDL, when there is none */
} composer_subgraph;

typedef struct composer_error {
    char *code;     /* Apollo's code, or fedmesh's (SUBGRAPH_UNAVAILABLE, ...) */
    char *message;  /* with the line:column when the error has one */
    char *subgraph; /* NULL when not about one subgraph */
} composer_error;

typedef struct composition {
    bool ok;
    char *supergraph; /* NULL unless ok */
    size_t supergraph_len;
    composer_error *errors;
    uint32_t nerrors;
    /* SHA-256 of the sorted (name, url, SDL hash) list: equal inputs, equal
     * fingerprints, so an unchanged set is never composed twice. */
    char composed_from[WIRE_SHA256_HEX_SIZE];
    uint64_t at_ms;       /* wall clock of the attempt */
    uint64_t duration_us; /* compose + load check */
} composition;

#define COMPOSER_MAX_ERRORS 100

/* The fingerprint of a set of subgraphs (in any order). */
void composer_fingerprint(const composer_subgraph *subgraphs, uint32_t n,
                          char out[WIRE_SHA256_HEX_SIZE]);

/* Composes; out is filled either way and must be freed with composition_free. */
void composer_run(const composer_subgraph *subgraphs, uint32_t n, composition *out);

void composition_free(composition *c);

/* {"ok":true|false,"errors":[...]}, the errors as composition_write_errors. */
void composition_write_json(const composition *c, sbuf *out);
/* [{"code","message","subgraph"}] (subgraph null when not about one). */
void composition_write_errors(const composition *c, sbuf *out);

#endif
