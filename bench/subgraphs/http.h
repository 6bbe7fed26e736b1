/* http.h: the HTTP side of the benchmark subgraphs, on libmicrohttpd: one
 * listener per subgraph on 127.0.0.1, each with a pool of epoll threads.
 * Routes as the reference server: GET /health, /stats ({"requests":N}, all
 * subgraphs together), /stats/reset, and anything else is a GraphQL POST. */
#ifndef BENCH_HTTP_H
#define BENCH_HTTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "cache.h"
#include "model.h"
#include "respcache.h"

/* Larger request bodies are refused (413). */
#define BHTTP_MAX_BODY (16u << 20)

struct MHD_Daemon;

/* The requests counted by /stats, shared by every listener. */
typedef struct bhttp_stats {
    atomic_ulong requests;
} bhttp_stats;

typedef struct bhttp_listener {
    const bmodel *model;
    bcache *cache;
    brc *responses; /* NULL: every request is executed */
    bhttp_stats *stats;
    struct MHD_Daemon *daemon;
} bhttp_listener;

/* Starts serving l->model on 127.0.0.1:port with `threads` threads. */
bool bhttp_start(bhttp_listener *l, uint16_t port, unsigned threads);
void bhttp_stop(bhttp_listener *l);

#endif
