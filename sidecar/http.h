/* http.h: the libmicrohttpd side of a worker: the access handler that reads
 * a request, routes it (/graphql, /health), runs it through request.c,
 * suspends the connection while the executor works and resumes it with the
 * answer, and the completion callback that frees the request. */
#ifndef FM_HTTP_H
#define FM_HTTP_H

#include <microhttpd.h>

#include "executor.h"
#include "gateway.h"
#include "plan_cache.h"

/* What the handler needs of its worker (the daemon's handler closure). */
typedef struct http_worker_ctx {
    const gateway *gw;
    plan_cache *cache;
    executor *ex;
} http_worker_ctx;

enum MHD_Result http_handle(void *cls, struct MHD_Connection *conn, const char *url,
                            const char *method, const char *version, const char *upload_data,
                            size_t *upload_data_size, void **con_cls);
void http_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                    enum MHD_RequestTerminationCode toe);

#endif
