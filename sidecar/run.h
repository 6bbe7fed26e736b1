/* run.h: a serving sidecar: the listening socket, the workers, the admin
 * endpoint and, in mesh mode, the control-plane client, started together
 * and stopped together on SIGINT or SIGTERM (requests in flight finish). */
#ifndef FM_RUN_H
#define FM_RUN_H

#include <stdbool.h>

#include "gateway.h"

typedef struct run_config {
    const gateway *gw;
    const char *listen; /* HOST:PORT of /graphql */
    long threads;
    const char *admin;       /* HOST:PORT or NULL */
    const char *admin_token; /* NULL or "": none */
    /* Mesh mode when control_plane is set. */
    const char *control_plane;
    const char *id;
    const char *state_dir;
    const bundle_route *routes; /* --local-subgraph (http URLs) and --mesh-peer (tcp://) */
    size_t nroutes;
    const char *mesh_listen; /* --mesh-listen tcp://HOST:PORT or NULL */
    bool mesh_peers;         /* some route goes through a peer sidecar */
    long fetch_interval_ms;
    const char *serving; /* what the start message names: the file, or "the control plane" */
} run_config;

#define RUN_MAX_WORKERS 64

/* Serves until a stop signal; the process exit code. */
int run_serve(const run_config *cfg);

#endif
