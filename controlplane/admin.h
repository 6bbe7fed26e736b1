/* admin.h: the control plane's admin API over HTTP (libmicrohttpd, its own
 * thread), docs/MESH.md "Admin APIs":
 *
 *   GET    /v1/status  /v1/sidecars  /v1/supergraph (text/plain)  /metrics
 *   POST   /v1/subgraphs {"name","url","sdl_file"?}
 *   DELETE /v1/subgraphs/NAME
 *   POST   /v1/rollback {"version": N}
 *
 * This module owns HTTP: addresses, the bearer token, routing, request
 * bodies (bounded, parsed and checked, with a clear error for each fault).
 * What the endpoints do is the caller's, through admin_ops; each op is called
 * on the admin thread and must do its own locking. Errors are
 * {"error":"..."} with a 4xx status. */
#ifndef CP_ADMIN_H
#define CP_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

#define ADMIN_MAX_BODY 65536

typedef struct admin_ops {
    void *ctx;
    void (*status)(void *ctx, sbuf *out);   /* JSON */
    void (*sidecars)(void *ctx, sbuf *out); /* JSON */
    void (*metrics)(void *ctx, sbuf *out);  /* Prometheus text */
    /* The supergraph SDL; false when none has been composed yet. */
    bool (*supergraph)(void *ctx, sbuf *out);
    /* Each returns the HTTP status and writes the JSON answer (an error or
     * the result) to out. Arguments are already checked for form. */
    int (*add_subgraph)(void *ctx, const char *name, const char *url, const char *sdl_file,
                        sbuf *out);
    int (*remove_subgraph)(void *ctx, const char *name, sbuf *out);
    int (*rollback)(void *ctx, uint64_t version, sbuf *out);
} admin_ops;

typedef struct admin {
    struct MHD_Daemon *daemon;
    char *token; /* owned; "" = none */
    admin_ops ops;
    uint16_t port; /* the bound port (useful with port 0) */
} admin;

/* Binds listen (HOST:PORT, IPv4, [IPv6] or localhost) and starts serving.
 * A non-loopback address without a token is refused. */
bool admin_start(admin *a, const char *listen, const char *token, const admin_ops *ops, char *err,
                 size_t errlen);
void admin_stop(admin *a);

/* Writes {"error": message} to out (used by the ops too). */
void admin_error_json(sbuf *out, const char *message);

#endif
