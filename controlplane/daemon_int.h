/* daemon_int.h: the daemon's state, shared by daemon.c (start, the event
 * loop, stop), daemon_publish.c (composition to published bundle, rollback)
 * and daemon_admin.c (the admin API's operations).
 *
 * Threads: the event loop owns the poller and the nng sockets' receiving
 * side; libmicrohttpd's thread runs the admin operations. `lock` guards all
 * of the state below; the loop holds it except while it waits. The admin
 * thread never touches libcurl: it edits the subgraph list and raises
 * `subgraphs_dirty`, and the loop applies the list to the poller. */
#ifndef CP_DAEMON_INT_H
#define CP_DAEMON_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "admin.h"
#include "bundle.h"
#include "composer.h"
#include "config.h"
#include "poller.h"
#include "publisher.h"
#include "registry.h"
#include "store.h"
#include "usage.h"

/* A subgraph of the list (from the config, or as the admin API left it). */
typedef struct cpd_subgraph {
    char *name, *url, *sdl_file; /* owned; sdl_file NULL = polled */
} cpd_subgraph;

typedef struct cpd {
    const cfg *config;
    pthread_mutex_t lock;
    store store;
    poller poller;
    publisher pub;
    admin admin;
    registry sidecars;
    usage usage;

    cpd_subgraph *subgraphs;
    uint32_t nsubgraphs, subgraphs_cap;
    bool subgraphs_dirty;

    arena ops_arena; /* registered operations, read at start */
    bundle_op *registered;
    uint32_t nregistered;

    /* The current bundle: what fetches hand out. */
    arena current_arena; /* owns current_env */
    Fedmesh__BundleEnvelope *current_env;
    uint64_t version; /* 0 = none yet */
    char sha256[WIRE_SHA256_HEX_SIZE];
    char composed_from[WIRE_SHA256_HEX_SIZE];
    uint64_t composed_at_ms;
    char *supergraph; /* owned */
    size_t supergraph_len;
    bundle_stats plans; /* of the current bundle's precompiled plans */

    composition last; /* the latest composition attempt */
    bool attempted;   /* last holds an attempt */
    char last_attempt_from[WIRE_SHA256_HEX_SIZE];
    char publish_error[512]; /* why the latest good composition was not published; "" */

    uint64_t compositions_ok, compositions_failed, rollbacks;
} cpd;

/* daemon_publish.c */
/* Composes when the SDLs changed (and every subgraph has been polled once),
 * and publishes a composition that succeeds. */
void cpd_compose_if_changed(cpd *d);
/* Makes envelope[0..len) (version, sha256) the current bundle. */
bool cpd_set_current(cpd *d, const void *envelope, size_t len, char *err, size_t errlen);
/* POST /v1/rollback: republishes kept version `version` as a new version. */
int cpd_rollback(cpd *d, uint64_t version, sbuf *out);

/* daemon_admin.c */
extern const admin_ops cpd_admin_ops; /* ctx: the cpd */
/* Saves the subgraph list to the state directory. */
bool cpd_save_subgraphs(cpd *d);
bool cpd_add_subgraph(cpd *d, const char *name, const char *url, const char *sdl_file);

#endif
