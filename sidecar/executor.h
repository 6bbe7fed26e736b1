/* executor.h: runs query plans (planner/plan.h) against the subgraphs.
 *
 * Threading model of the sidecar: one worker thread per core, each with its
 * own libmicrohttpd daemon (SO_REUSEPORT on the same port), its own libcurl
 * multi handle and its own executor. A worker's loop waits in
 * curl_multi_poll() on curl's sockets plus the daemon's epoll fd, then runs
 * the daemon and executor_drive(). A request is parsed, planned (or found in
 * the cache) and started with executor_start() on the worker that received
 * it; its connection is suspended until the executor calls `done`, and
 * resumed with the response. No locks between workers, no thread per fetch.
 *
 * Per request, every temporary lives in the job's arena; the plan belongs to
 * the plan cache or bundle and must outlive the job (the caller holds a
 * reference until `done`). */
#ifndef FM_EXECUTOR_H
#define FM_EXECUTOR_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "json.h"
#include "plan.h"
#include "sbuf.h"
#include "supergraph.h"

typedef struct executor executor;

typedef struct executor_config {
    long timeout_ms;             /* per subgraph request; 0 = 30000 */
    const long *graph_timeout_ms; /* per graph index (0 = use timeout_ms); may be NULL */
    long connect_timeout_ms;     /* 0 = 2000 */
    uint32_t max_connections_per_host; /* keep-alive pool size; 0 = 64 */
    size_t max_response_bytes;   /* per subgraph response; 0 = 64 MiB */
} executor_config;

/* Called once per job when the response is complete: `response` holds the
 * whole GraphQL response ({"data": ..., "errors": [...]}) and stays valid
 * until the callback returns (copy or take it). */
typedef void executor_done_fn(void *ctx, sbuf *response);

typedef struct executor_job {
    const supergraph *sg;        /* graph URLs and names */
    const plan *plan;
    const json_value *variables; /* the request's variables (object) or NULL */
    arena *arena;                /* the request's arena */
    executor_done_fn *done;
    void *ctx;
} executor_job;

executor *executor_new(const executor_config *cfg);
void executor_free(executor *ex);

/* Starts a job; `done` may be called before this returns (a plan with no
 * fetches). Returns false only when the job could not be started (then
 * `done` is not called). */
bool executor_start(executor *ex, const executor_job *job);

/* The multi handle the worker loop polls on. */
CURLM *executor_multi(executor *ex);
/* Performs pending transfers and advances every job whose fetches finished;
 * calls `done` for completed jobs. Call after curl_multi_poll returns. */
void executor_drive(executor *ex);
/* Jobs started and not yet done. */
uint32_t executor_pending(const executor *ex);

#endif
