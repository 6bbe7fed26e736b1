/* request.c: the GraphQL pipeline of one request (see request.h). */
#include "request.h"

#include <string.h>

#include "planner.h"
#include "validate.h"
#include "variables.h"

void request_init(request *rq)
{
    memset(rq, 0, sizeof *rq);
    arena_init(&rq->arena, 8192);
    sbuf_init(&rq->response);
}

void request_finish(request *rq)
{
    plan_entry_release(rq->entry);
    rq->entry = NULL;
    bundle_release(rq->bundle);
    rq->bundle = NULL;
    sbuf_free(&rq->response);
    arena_free(&rq->arena);
}

static void answer(request *rq, int status)
{
    rq->status = status;
    rq->answered = true;
}

void request_fail(request *rq, int status, const char *message, const char *code)
{
    sbuf_reset(&rq->response);
    gqlhttp_write_error(&rq->response, message, code);
    answer(rq, status);
}

static void fail_with(request *rq, const diag_list *errs, const char *code)
{
    sbuf_reset(&rq->response);
    gqlhttp_write_errors(&rq->response, errs, code);
    answer(rq, gqlhttp_request_error_status(rq->media));
}

/* GET may only read: a mutation over GET is refused before anything runs. */
static bool method_allows(request *rq, const ast_definition *op)
{
    if (!rq->is_get || op->operation == AST_OP_QUERY) return true;
    request_fail(rq, 405, "Can only perform a mutation operation from a POST request.",
                 "BAD_REQUEST");
    return false;
}

/* Parses, validates and plans into a new cache entry; NULL after answering
 * with the errors. Failed operations are not cached: they are cheap to reject
 * and caching them would let a client fill the cache. */
static plan_entry *prepare(request *rq, const gateway *gw, const supergraph *sg,
                           const gqlhttp_request *in)
{
    plan_entry *e = plan_entry_new(in->query, in->query_len, in->operation_name);
    diag_list errs;
    diag_init(&errs, &rq->arena);
    parse_error perr;
    e->doc = parse_document(&e->arena, e->query, e->query_len, &gw->parse, &perr);
    if (!e->doc) {
        diag_add(&errs, perr.loc, "%s", perr.message);
        fail_with(rq, &errs, "GRAPHQL_PARSE_FAILED");
        plan_entry_release(e);
        return NULL;
    }
    if (!validate_document(sg->api, e->doc, &errs)) {
        fail_with(rq, &errs, "GRAPHQL_VALIDATION_FAILED");
        plan_entry_release(e);
        return NULL;
    }
    e->op = ast_find_operation(e->doc, e->operation_name);
    if (!e->op) {
        if (e->operation_name)
            diag_add(&errs, (src_loc){0, 0}, "Unknown operation named \"%s\".", e->operation_name);
        else
            diag_add(&errs, (src_loc){0, 0},
                     "Must provide operation name if query contains multiple operations.");
        fail_with(rq, &errs, "OPERATION_RESOLUTION_FAILURE");
        plan_entry_release(e);
        return NULL;
    }
    if (!method_allows(rq, e->op)) {
        plan_entry_release(e);
        return NULL;
    }
    e->plan = qp_plan(&e->arena, sg, e->doc, e->op, &errs);
    if (!e->plan) {
        fail_with(rq, &errs, "QUERY_PLANNING_FAILED");
        plan_entry_release(e);
        return NULL;
    }
    return e;
}

static void on_executed(void *ctx, sbuf *response)
{
    request *rq = ctx;
    sbuf tmp = rq->response; /* take the executor's buffer, leave it ours to free */
    rq->response = *response;
    *response = tmp;
    sbuf_reset(response);
    answer(rq, 200);
    if (rq->on_answer) rq->on_answer(rq);
}

void request_run(request *rq, const gateway *gw, bundle *b, plan_cache *cache, executor *ex,
                 const gqlhttp_request *in)
{
    bundle_retain(b);
    rq->bundle = b;
    const supergraph *sg = b->sg;
    plan_entry *e = plan_cache_get(cache, in->query, in->query_len, in->operation_name);
    rq->plan_cached = e != NULL;
    if (!e) {
        e = prepare(rq, gw, sg, in);
        if (!e) return;
        plan_cache_put(cache, e);
    }
    rq->entry = e;
    if (!method_allows(rq, e->op)) return;
    if (e->op->operation == AST_OP_SUBSCRIPTION) {
        request_fail(rq, gqlhttp_request_error_status(rq->media),
                     "Subscriptions are not supported.", "BAD_REQUEST");
        return;
    }
    diag_list errs;
    diag_init(&errs, &rq->arena);
    json_value *vars = vars_coerce(&rq->arena, sg->api, e->op->variables, in->variables, &errs);
    if (!vars) {
        fail_with(rq, &errs, "BAD_USER_INPUT");
        return;
    }
    executor_job job = {
        .sg = sg,
        .plan = e->plan,
        .variables = vars,
        .arena = &rq->arena,
        .done = on_executed,
        .ctx = rq,
    };
    /* on_answer must not run inside executor_start: the caller checks answered. */
    void (*later)(request *) = rq->on_answer;
    rq->on_answer = NULL;
    if (!executor_start(ex, &job)) {
        rq->on_answer = later;
        request_fail(rq, 503, "The gateway could not start executing the request.",
                     "INTERNAL_SERVER_ERROR");
        return;
    }
    rq->on_answer = later;
}
