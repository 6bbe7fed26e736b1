/* request.h: one GraphQL request through the pipeline: plan cache look-up,
 * or parse, validate against the API schema and plan on a miss; variable
 * coercion; then the executor. The HTTP layer (http.c) owns the connection
 * and calls in here. */
#ifndef FM_REQUEST_H
#define FM_REQUEST_H

#include <stdbool.h>

#include "arena.h"
#include "bundle.h"
#include "executor.h"
#include "gateway.h"
#include "graphql_http.h"
#include "plan_cache.h"
#include "sbuf.h"

typedef struct request {
    arena arena;
    gqlhttp_media media;
    bool is_get;
    int status;    /* HTTP status of the answer */
    sbuf response; /* the body, once answered */
    bool answered;
    plan_entry *entry; /* the plan in use, released when the request ends */
    bundle *bundle;    /* what the plan points into, released after the entry */
    bool plan_cached;  /* the operation was found in the plan cache */
    /* Set by the HTTP layer: called when an answer arrives asynchronously. */
    void (*on_answer)(struct request *rq);
    void *http_ctx;
} request;

void request_init(request *rq);
void request_finish(request *rq); /* frees everything the request holds */

/* Runs the pipeline for a parsed HTTP request on bundle `b`, whose plans
 * `cache` holds (the request takes its own reference on `b`). When it
 * returns, rq->answered tells whether the answer is ready; otherwise the
 * executor is at work and rq->on_answer will be called from the worker's
 * loop. */
void request_run(request *rq, const gateway *gw, bundle *b, plan_cache *cache, executor *ex,
                 const gqlhttp_request *in);

/* Answers with a request error (before execution). */
void request_fail(request *rq, int status, const char *message, const char *code);

#endif
