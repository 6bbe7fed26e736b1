/* admin.h: the sidecar's admin endpoint (--admin HOST:PORT), its own
 * libmicrohttpd daemon with one internal thread, apart from the workers so
 * that probes and scrapes are answered however busy they are:
 *   GET /admin/version  the bundle served: version, sha256, when and whence
 *   GET /health         200 while the process runs
 *   GET /ready          200 once a bundle is loaded, else 503
 *   GET /metrics        Prometheus text: requests, errors, plan cache,
 *                       bundle version, swaps, rejections
 * With a token, every request must carry "Authorization: Bearer TOKEN"
 * (401 otherwise); main requires one when the address is not loopback. */
#ifndef FM_ADMIN_H
#define FM_ADMIN_H

#include <stddef.h>

#include "bundle.h"
#include "counters.h"

typedef struct admin_config {
    const char *listen; /* HOST:PORT; port 0 picks a free one */
    const char *token;  /* NULL or "": none */
    bundle_slot *bundles;
    const worker_counters *const *workers; /* nworkers of them */
    size_t nworkers;
    const mesh_counters *mesh; /* NULL in static mode */
    const char *control_plane; /* its address, NULL in static mode */
} admin_config;

typedef struct admin admin;

/* Starts serving; NULL with a message on stderr on failure. The config and
 * everything it points to must outlive the admin. */
admin *admin_start(const admin_config *cfg);
int admin_port(const admin *a);
void admin_stop(admin *a);

#endif
