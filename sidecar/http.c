/* http.c: libmicrohttpd glue (see http.h). */
#include "http.h"

#include <stdlib.h>
#include <string.h>

#include "graphql_http.h"
#include "request.h"

typedef struct http_conn {
    request rq;
    sbuf body;
    bool body_too_large;
    bool started;
    bool suspended;
    struct MHD_Connection *conn;
} http_conn;

static enum MHD_Result send_body(struct MHD_Connection *conn, int status, const char *type,
                                 sbuf *body, const char *allow)
{
    size_t len = body->len;
    char *data = sbuf_take(body);
    struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback(len, data, free);
    if (!r) {
        free(data);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    if (allow) MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, int status, const char *message,
                                  const char *allow)
{
    sbuf b;
    sbuf_init(&b);
    gqlhttp_write_error(&b, message, NULL);
    return send_body(conn, status, "application/json", &b, allow);
}

static enum MHD_Result send_answer(http_conn *hc, const http_worker_ctx *w)
{
    if (hc->rq.status >= 400) counter_inc(&w->counters->errors);
    const char *type = gqlhttp_media_name(hc->rq.media);
    return send_body(hc->conn, hc->rq.status, type, &hc->rq.response, NULL);
}

/* Called from the worker loop when the executor has finished a request. */
static void on_answer(request *rq)
{
    http_conn *hc = rq->http_ctx;
    if (hc->suspended) {
        hc->suspended = false;
        MHD_resume_connection(hc->conn);
    }
}

/* A request refused before it reaches request.c. */
static enum MHD_Result refuse(const http_worker_ctx *w, struct MHD_Connection *conn, int status,
                              const char *message, const char *allow)
{
    counter_inc(&w->counters->errors);
    return send_error(conn, status, message, allow);
}

static enum MHD_Result handle_graphql(http_conn *hc, const http_worker_ctx *w, const char *method)
{
    struct MHD_Connection *conn = hc->conn;
    counter_inc(&w->counters->requests);
    if (!w->bundle) return refuse(w, conn, 503, "No supergraph is loaded yet.", NULL);
    bool is_get = strcmp(method, MHD_HTTP_METHOD_GET) == 0;
    if (!is_get && strcmp(method, MHD_HTTP_METHOD_POST) != 0)
        return refuse(w, conn, 405, "Only GET and POST are supported.", "GET, POST");
    const char *accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
    if (!gqlhttp_negotiate(accept, &hc->rq.media))
        return refuse(w, conn, 406,
                      "Accept must allow application/json or "
                      "application/graphql-response+json.",
                      NULL);
    if (hc->body_too_large) return refuse(w, conn, 413, "Request body too large.", NULL);
    gqlhttp_request in;
    gqlhttp_error err;
    bool ok;
    if (is_get) {
        ok = gqlhttp_parse_get(
            &hc->rq.arena, MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "query"),
            MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "operationName"),
            MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "variables"), &in, &err);
    } else {
        const char *type =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
        ok = gqlhttp_parse_post(&hc->rq.arena, type, hc->body.data ? hc->body.data : "",
                                hc->body.len, &in, &err);
    }
    if (!ok) return refuse(w, conn, err.status, err.message, NULL);
    hc->rq.is_get = is_get;
    hc->rq.on_answer = on_answer;
    hc->rq.http_ctx = hc;
    request_run(&hc->rq, w->gw, w->bundle, w->cache, w->ex, &in);
    counter_inc(hc->rq.plan_cached ? &w->counters->plan_hits : &w->counters->plan_misses);
    const plan_entry *e = hc->rq.entry;
    if (e) usage_count(w->usage, e->hash, e->query, e->query_len, e->operation_name, 1);
    if (hc->rq.answered) return send_answer(hc, w);
    hc->suspended = true;
    MHD_suspend_connection(conn);
    return MHD_YES;
}

static enum MHD_Result handle_health(struct MHD_Connection *conn)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "{\"status\":\"pass\"}");
    return send_body(conn, 200, "application/json", &b, NULL);
}

enum MHD_Result http_handle(void *cls, struct MHD_Connection *conn, const char *url,
                            const char *method, const char *version, const char *upload_data,
                            size_t *upload_data_size, void **con_cls)
{
    (void)version;
    const http_worker_ctx *w = cls;
    http_conn *hc = *con_cls;
    if (!hc) {
        hc = calloc(1, sizeof *hc);
        if (!hc) return MHD_NO;
        request_init(&hc->rq);
        sbuf_init(&hc->body);
        hc->conn = conn;
        *con_cls = hc;
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (hc->body.len + *upload_data_size > w->gw->max_body_bytes)
            hc->body_too_large = true;
        else
            sbuf_append(&hc->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (hc->started) return hc->rq.answered ? send_answer(hc, w) : MHD_YES;
    hc->started = true;
    if (strcmp(url, "/graphql") == 0 || strcmp(url, "/") == 0) return handle_graphql(hc, w, method);
    if (strcmp(url, "/health") == 0) return handle_health(conn);
    return send_error(conn, 404, "Not found.", NULL);
}

void http_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                    enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    http_conn *hc = *con_cls;
    if (!hc) return;
    request_finish(&hc->rq);
    sbuf_free(&hc->body);
    free(hc);
    *con_cls = NULL;
}
