/* http.h: the libmicrohttpd side of a worker: the access handler that reads
 * a request, routes it (/graphql, /health), runs it through request.c,
 * suspends the connection while the executor works and resumes it with the
 * answer, and the completion callback that frees the request. It counts
 * what /metrics shows. */
#ifndef FM_HTTP_H
#define FM_HTTP_H

#include <microhttpd.h>

#include "counters.h"
#include "executor.h"
#include "gateway.h"
#include "plan_cache.h"
#include "usage.h"

/* What the handler needs of its worker (the daemon's handler closure).
 * bundle and cache change together when the worker adopts a new bundle;
 * bundle is NULL until one is loaded (requests get 503). */
typedef struct http_worker_ctx {
    const gateway *gw;
    bundle *bundle;
    plan_cache *cache;
    executor *ex;
    worker_counters *counters;
    usage_map *usage; /* operations served, handed over by the worker now and then */
} http_worker_ctx;

enum MHD_Result http_handle(void *cls, struct MHD_Connection *conn, const char *url,
                            const char *method, const char *version, const char *upload_data,
                            size_t *upload_data_size, void **con_cls);
void http_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                    enum MHD_RequestTerminationCode toe);

#endif
