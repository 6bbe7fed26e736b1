/* executor.c: runs a plan's tree of Sequence / Parallel / Condition / Fetch /
 * Flatten nodes for one job (see executor.h). Each plan node being run gets
 * an exec_run in the job's arena. Starting a run either finishes it at once
 * (nothing to fetch) or leaves it waiting on a transfer; when the transfer
 * completes (inside executor_drive) the run finishes and tells its parent,
 * which starts its next child (Sequence) or counts down (Parallel). When the
 * root finishes, the merged data is shaped into the response. */
#include "executor.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "fetch.h"
#include "merge.h"
#include "mesh_client.h"
#include "representations.h"
#include "shape.h"
#include "tree.h"

#define EXECUTOR_DEFAULT_TIMEOUT_MS 30000
#define EXECUTOR_DEFAULT_CONNECT_TIMEOUT_MS 2000
#define EXECUTOR_DEFAULT_CONNECTIONS 64
#define EXECUTOR_DEFAULT_MAX_RESPONSE ((size_t)64 << 20)

struct executor {
    fetch_client *client;
    mesh_client *mesh; /* graphs routed to a peer sidecar (tcp:// URLs) */
    long timeout_ms;
    const long *graph_timeout_ms; /* the caller's array: it must outlive the executor */
    uint32_t pending;
};

typedef struct exec_job {
    executor *ex;
    executor_job req;
    tree_node *root;
    resp_errors errors;
} exec_job;

typedef struct exec_run exec_run;

struct exec_run {
    exec_job *job;
    const plan_node *node;
    exec_run *parent;
    uint32_t next_child; /* Sequence: the next child to start */
    uint32_t pending;    /* Parallel: children not finished */
    reps_set reps;       /* Flatten: what was sent */
};

static bool run_start(exec_run *run);

static exec_run *run_new(exec_job *job, const plan_node *node, exec_run *parent)
{
    exec_run *run = ARENA_NEW(job->req.arena, exec_run);
    run->job = job;
    run->node = node;
    run->parent = parent;
    return run;
}

static void job_complete(exec_job *job)
{
    shape_ctx *shape = ARENA_NEW(job->req.arena, shape_ctx);
    shape->arena = job->req.arena;
    shape->sg = job->req.sg;
    shape->variables = job->req.variables;
    shape->errors = &job->errors;
    sbuf out;
    sbuf_init(&out);
    sbuf_puts(&out, "{\"data\":");
    shape_write(shape, job->req.plan->shape, job->root, &out);
    if (job->errors.count) {
        sbuf_puts(&out, ",\"errors\":");
        errors_write(&out, &job->errors);
    }
    sbuf_putc(&out, '}');
    job->ex->pending--;
    job->req.done(job->req.ctx, &out);
    sbuf_free(&out);
}

/* A failed fetch is reported without a path, as Apollo Gateway does: the
 * fields it owned are null wherever they were asked for. */
static void run_fail(exec_run *run, const char *reason)
{
    errors_add_fetch_failure(&run->job->errors, run->node->fetch->subgraph, reason, NULL);
}

static void write_request(const exec_run *run, sbuf *body)
{
    const plan_fetch *f = run->node->fetch;
    const json_value *vars = run->job->req.variables;
    sbuf_puts(body, "{\"query\":");
    sbuf_json_string(body, f->operation, strlen(f->operation));
    if (f->operation_name) {
        sbuf_puts(body, ",\"operationName\":");
        sbuf_json_string(body, f->operation_name, strlen(f->operation_name));
    }
    sbuf_puts(body, ",\"variables\":{");
    bool first = true;
    for (uint32_t i = 0; i < f->nvariables; i++) {
        const json_value *v = json_get(vars, f->variables[i]);
        if (!v) continue;
        if (!first) sbuf_putc(body, ',');
        first = false;
        sbuf_json_string(body, f->variables[i], strlen(f->variables[i]));
        sbuf_putc(body, ':');
        json_write(body, v);
    }
    if (run->node->kind == PLAN_FLATTEN) {
        sbuf_puts(body, first ? "\"representations\":" : ",\"representations\":");
        reps_write(body, &run->reps);
    }
    sbuf_puts(body, "}}");
}

/* Forwards the response's errors and merges its data; false (with the reason)
 * when the response is not a GraphQL response this fetch can use. */
static bool apply_response(exec_run *run, const json_value *doc, const char **reason)
{
    exec_job *job = run->job;
    arena *a = job->req.arena;
    const json_value *data = json_get(doc, "data");
    const json_value *errors = json_get(doc, "errors");
    bool data_ok = data && (data->type == JSON_OBJECT || data->type == JSON_NULL);
    bool errors_ok = errors && errors->type == JSON_ARRAY;
    if (!data_ok && !errors_ok) {
        *reason = "the response has neither data nor errors";
        return false;
    }
    if (run->node->kind != PLAN_FLATTEN) {
        errors_forward(&job->errors, job->req.plan->shape, errors, NULL, 0);
        merge_root(a, job->req.sg, run->node->fetch, job->root, data);
        return true;
    }
    const reps_set *reps = &run->reps;
    errors_entity *entities = ARENA_ARRAY(a, errors_entity, reps->len);
    for (uint32_t i = 0; i < reps->len; i++) {
        const reps_entry *rep = &reps->entries[i];
        const resp_path **paths = ARENA_ARRAY(a, const resp_path *, rep->npositions);
        for (uint32_t p = 0; p < rep->npositions; p++)
            paths[p] = &rep->positions[p].path;
        entities[i] = (errors_entity){.paths = paths, .npaths = rep->npositions};
    }
    errors_forward(&job->errors, job->req.plan->shape, errors, entities, reps->len);
    if (data_ok && data->type == JSON_OBJECT &&
        !merge_entities(a, job->req.sg, run->node->fetch, reps, data)) {
        *reason = "_entities does not hold one item per representation";
        return false;
    }
    return true;
}

static void run_finished(exec_run *run);

static void on_fetch_done(void *ctx, const fetch_result *r)
{
    exec_run *run = ctx;
    arena *a = run->job->req.arena;
    const char *reason = NULL;
    if (r->error) {
        reason = r->error;
    } else if (r->status < 200 || r->status > 299) {
        reason = arena_sprintf(a, "HTTP status %ld", r->status);
    } else {
        json_error err;
        const json_value *doc = json_parse(a, r->body, r->len, 0, &err);
        if (!doc)
            reason = arena_sprintf(a, "invalid JSON in the response: %s", err.message);
        else if (doc->type != JSON_OBJECT)
            reason = "the response is not a JSON object";
        else
            apply_response(run, doc, &reason);
    }
    if (reason) run_fail(run, reason);
    run_finished(run);
}

static bool run_fetch(exec_run *run)
{
    exec_job *job = run->job;
    const plan_fetch *f = run->node->fetch;
    executor *ex = job->ex;
    if (f->graph >= job->req.sg->ngraphs) {
        run_fail(run, "no such subgraph in the supergraph");
        return true;
    }
    if (run->node->kind == PLAN_FLATTEN) {
        reps_collect(job->req.arena, job->req.sg, job->root, run->node, &run->reps);
        if (run->reps.len == 0) return true;
    }
    const sg_graph *graph = &job->req.sg->graphs[f->graph];
    long timeout = ex->graph_timeout_ms && ex->graph_timeout_ms[f->graph]
                       ? ex->graph_timeout_ms[f->graph]
                       : ex->timeout_ms;
    sbuf *body;
    if (mesh_is_peer_url(graph->url)) {
        mesh_call *call = mesh_new(ex->mesh, &body);
        write_request(run, body);
        mesh_send(ex->mesh, call, graph->url, graph->name, timeout, on_fetch_done, run);
        return false;
    }
    fetch_transfer *t = fetch_new(ex->client, &body);
    write_request(run, body);
    fetch_send(ex->client, t, graph->url, timeout, on_fetch_done, run);
    return false;
}

/* Starts Sequence children until one waits; true when all have finished. */
static bool sequence_advance(exec_run *run)
{
    while (run->next_child < run->node->nchildren) {
        const plan_node *child = run->node->children[run->next_child++];
        if (!run_start(run_new(run->job, child, run))) return false;
    }
    return true;
}

static bool parallel_start(exec_run *run)
{
    run->pending = run->node->nchildren;
    for (uint32_t i = 0; i < run->node->nchildren; i++)
        if (run_start(run_new(run->job, run->node->children[i], run))) run->pending--;
    return run->pending == 0;
}

static bool condition_start(exec_run *run)
{
    const json_value *v = json_get(run->job->req.variables, run->node->condition);
    const plan_node *clause =
        v && v->type == JSON_TRUE ? run->node->if_clause : run->node->else_clause;
    return !clause || run_start(run_new(run->job, clause, run));
}

/* True when the run finished at once; otherwise run_finished follows later. */
static bool run_start(exec_run *run)
{
    switch (run->node->kind) {
    case PLAN_SEQUENCE:
        return sequence_advance(run);
    case PLAN_PARALLEL:
        return parallel_start(run);
    case PLAN_CONDITION:
        return condition_start(run);
    case PLAN_FETCH:
    case PLAN_FLATTEN:
        return run_fetch(run);
    }
    return true;
}

/* A run that waited has finished: its parent may go on. */
static void run_finished(exec_run *run)
{
    exec_run *parent = run->parent;
    if (!parent) {
        job_complete(run->job);
        return;
    }
    switch (parent->node->kind) {
    case PLAN_SEQUENCE:
        if (sequence_advance(parent)) run_finished(parent);
        break;
    case PLAN_PARALLEL:
        if (--parent->pending == 0) run_finished(parent);
        break;
    default:
        run_finished(parent);
        break;
    }
}

executor *executor_new(const executor_config *cfg)
{
    executor *ex = calloc(1, sizeof *ex);
    if (!ex) return NULL;
    long connect = cfg && cfg->connect_timeout_ms ? cfg->connect_timeout_ms
                                                  : EXECUTOR_DEFAULT_CONNECT_TIMEOUT_MS;
    uint32_t conns = cfg && cfg->max_connections_per_host ? cfg->max_connections_per_host
                                                          : EXECUTOR_DEFAULT_CONNECTIONS;
    ex->timeout_ms = cfg && cfg->timeout_ms ? cfg->timeout_ms : EXECUTOR_DEFAULT_TIMEOUT_MS;
    ex->graph_timeout_ms = cfg ? cfg->graph_timeout_ms : NULL;
    size_t max_response =
        cfg && cfg->max_response_bytes ? cfg->max_response_bytes : EXECUTOR_DEFAULT_MAX_RESPONSE;
    ex->client = fetch_client_new(connect, conns, max_response);
    ex->mesh = mesh_client_new(fetch_client_multi(ex->client), connect, max_response);
    return ex;
}

void executor_free(executor *ex)
{
    if (!ex) return;
    mesh_client_free(ex->mesh); /* its last wake-ups go to the client's multi handle */
    fetch_client_free(ex->client);
    free(ex);
}

bool executor_start(executor *ex, const executor_job *req)
{
    if (!req->plan || !req->plan->shape || !req->arena || !req->sg || !req->done) return false;
    exec_job *job = ARENA_NEW(req->arena, exec_job);
    job->ex = ex;
    job->req = *req;
    job->root = tree_new_object(req->arena);
    errors_init(&job->errors, req->arena);
    ex->pending++;
    if (!req->plan->root || run_start(run_new(job, req->plan->root, NULL))) job_complete(job);
    return true;
}

CURLM *executor_multi(executor *ex)
{
    return fetch_client_multi(ex->client);
}

void executor_drive(executor *ex)
{
    /* Mesh replies first: fetches their callbacks start are then performed. */
    mesh_client_drive(ex->mesh);
    fetch_drive(ex->client);
}

uint32_t executor_pending(const executor *ex)
{
    return ex->pending;
}
