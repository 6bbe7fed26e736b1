/* mesh_server.h: --mesh-listen tcp://HOST:PORT: answers peer sidecars'
 * fetch frames (proto/wire_mesh.h) for this sidecar's local subgraphs
 * (--local-subgraph NAME=URL) by POSTing the body to the local URL and
 * replying with the service's status and body, or an error frame with the
 * reason (the same words fetch.h uses). Its own thread: a REP socket with a
 * pool of contexts receiving at once, and a libcurl multi handle forwarding
 * them, so peers never wait behind this sidecar's clients nor the reverse. */
#ifndef FM_MESH_SERVER_H
#define FM_MESH_SERVER_H

#include <stddef.h>

#include "bundle.h"

typedef struct mesh_server mesh_server;

typedef struct mesh_server_config {
    const char *listen;         /* tcp://HOST:PORT */
    const bundle_route *routes; /* the local subgraphs; must outlive the server */
    size_t nroutes;
    long timeout_ms; /* per forwarded request */
    long connect_timeout_ms;
    size_t max_response_bytes;
} mesh_server_config;

/* Listens and starts the thread; NULL with a message on stderr on failure. */
mesh_server *mesh_server_start(const mesh_server_config *cfg);
/* Stops answering, abandons requests in flight, joins the thread. */
void mesh_server_stop(mesh_server *s);

#endif
