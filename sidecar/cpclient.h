/* cpclient.h: the sidecar's side of the control plane (docs/MESH.md), one
 * thread with three nng sockets:
 *   REQ   fetch the current bundle at start, then every fetch interval
 *         (1 s until the control plane first answers), and at once when the
 *         REQ or SUB connection comes (back) up;
 *   SUB   announcements, dialed at the publish_url a fetch reply names;
 *   PUSH  reports, dialed at the report_url: an ack or a rejection for every
 *         bundle received, a heartbeat every second, the operations served
 *         most every usage interval.
 * A bundle is verified (wire_envelope_open: hash, decode, versions; then
 * newer than the one served, the supergraph loads, every plan decodes), then
 * becomes the slot's current bundle, the workers are woken, it is written to
 * the state directory and acknowledged. Anything else is rejected with the
 * reason and the old bundle keeps serving. With a state directory and no
 * bundle from the control plane within the start timeout (no answer, or no
 * bundle composed yet), the last good bundle is served from disk until the
 * control plane has a newer one. */
#ifndef FM_CPCLIENT_H
#define FM_CPCLIENT_H

#include "bundle.h"
#include "counters.h"
#include "usage.h"

typedef struct cpclient_config {
    const char *control_plane;  /* its fetch address, tcp://HOST:7101 */
    const char *id;             /* this sidecar in reports */
    const char *admin;          /* its admin HOST:PORT, in reports */
    const char *listen;         /* its GraphQL HOST:PORT, in heartbeats */
    const char *state_dir;      /* NULL: nothing kept on disk */
    const bundle_route *routes; /* --local-subgraph, applied to every bundle */
    size_t nroutes;
    bundle_slot *bundles;
    mesh_counters *counters;
    /* Called on the client's thread after each swap (wakes the workers). */
    void (*on_swap)(void *ctx);
    /* Merges the operations every worker served since the last call into
     * `into` (worker_take_usage on each). */
    void (*collect_usage)(void *ctx, usage_map *into);
    void *ctx;
    long fetch_interval_ms; /* 0: 5000 */
    long start_timeout_ms;  /* 0: 2000; how long to wait before serving from disk */
    long usage_interval_ms; /* 0: 5000 */
} cpclient_config;

/* How many operations a usage frame lists at most. */
#define CPCLIENT_USAGE_TOP 20

typedef struct cpclient cpclient;

/* Starts the thread; NULL with a message on stderr on failure. The config
 * and what it points to must outlive the client. */
cpclient *cpclient_start(const cpclient_config *cfg);
/* Stops the thread (within the time a fetch may take, 2 s at most) and
 * closes the sockets. */
void cpclient_stop(cpclient *c);

#endif
