/* mesh_client.h: subgraph requests sent through a peer sidecar over nng
 * (--mesh-peer NAME=tcp://HOST:PORT, docs/MESH.md "Subgraph fetches"): the
 * request's JSON body goes out in a fetch frame (proto/wire_mesh.h) on a REQ
 * socket to the peer, and its result frame comes back as the subgraph's HTTP
 * status and body. The counterpart of fetch.h for a worker: one per
 * executor, used from the worker's thread only. Sends and receives are nng
 * aio operations; when one completes (on an nng thread) the client queues it
 * and wakes the worker's curl_multi_poll with curl_multi_wakeup, and
 * mesh_client_drive, on the worker's thread, calls the callbacks. Failures
 * read as fetch.h's: "could not connect within N ms" (no peer took the
 * request), "no response within N ms", or the peer's own reason. */
#ifndef FM_MESH_CLIENT_H
#define FM_MESH_CLIENT_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stdint.h>

#include "fetch.h"
#include "sbuf.h"

typedef struct mesh_client mesh_client;
typedef struct mesh_call mesh_call;

/* True when url names a peer sidecar (tcp://) rather than a service. */
bool mesh_is_peer_url(const char *url);

/* `wake` is the multi handle the worker polls; a reply larger than
 * max_response_bytes fails its call. */
mesh_client *mesh_client_new(CURLM *wake, long connect_timeout_ms, size_t max_response_bytes);
/* Abandons calls in flight (their callbacks are not called). */
void mesh_client_free(mesh_client *m);

/* A call whose request body the caller writes into *body. */
mesh_call *mesh_new(mesh_client *m, sbuf **body);
/* Sends the body for `subgraph` to the peer at url; `done` is called from
 * mesh_client_drive, never from here. timeout_ms covers the whole call. */
void mesh_send(mesh_client *m, mesh_call *call, const char *url, const char *subgraph,
               long timeout_ms, fetch_done_fn *done, void *ctx);
/* Calls `done` for the calls that completed. */
void mesh_client_drive(mesh_client *m);
/* Calls sent and not yet done. */
uint32_t mesh_in_flight(const mesh_client *m);

#endif
