/* fetch.h: HTTP/1.1 POSTs of GraphQL requests to subgraphs, on one libcurl
 * multi handle. The multi handle's connection cache keeps connections alive
 * between requests (up to max_connections_per_host per subgraph); easy
 * handles and their buffers are pooled, so a steady load allocates nothing
 * per request. Single-threaded: one fetch_client per worker. */
#ifndef FM_FETCH_H
#define FM_FETCH_H

#include <curl/curl.h>
#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

typedef struct fetch_client fetch_client;
typedef struct fetch_transfer fetch_transfer;

typedef struct fetch_result {
    /* NULL when a response arrived; else why not, e.g. "no response within 1000 ms",
     * "could not connect: Connection refused". */
    const char *error;
    long status;      /* HTTP status when error is NULL */
    const char *body; /* the response body, NUL-terminated */
    size_t len;
} fetch_result;

/* Called once per transfer; the result is valid until it returns. */
typedef void fetch_done_fn(void *ctx, const fetch_result *result);

/* A response body longer than max_response_bytes fails its transfer. */
fetch_client *fetch_client_new(long connect_timeout_ms, uint32_t max_connections_per_host,
                               size_t max_response_bytes);
/* Abandons transfers in flight (their callbacks are not called). */
void fetch_client_free(fetch_client *c);
CURLM *fetch_client_multi(fetch_client *c);

/* A transfer whose request body the caller writes into *body. */
fetch_transfer *fetch_new(fetch_client *c, sbuf **body);
/* POSTs the body as application/json; `done` is called from fetch_drive,
 * never from here. timeout_ms covers the whole request. */
void fetch_send(fetch_client *c, fetch_transfer *t, const char *url, long timeout_ms,
                fetch_done_fn *done, void *ctx);
/* Performs pending transfers and calls `done` for finished ones (which may
 * send new ones: they are started before this returns). */
void fetch_drive(fetch_client *c);
/* Transfers sent and not yet done. */
uint32_t fetch_in_flight(const fetch_client *c);

#endif
