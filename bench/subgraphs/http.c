/* http.c: libmicrohttpd glue (see http.h). Each connection keeps one body
 * buffer across its keep-alive requests; each server thread keeps one arena
 * and two output buffers, reset per request, so a request allocates nothing
 * from malloc but MHD's copy of the response. */
#include "http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "request.h"
#include "sbuf.h"

/* First chunk of a thread's request arena: the benchmark's biggest answer fits. */
#define BHTTP_ARENA_CHUNK (256u << 10)

typedef struct bhttp_worker {
    arena a;
    sbuf out, scratch;
} bhttp_worker;

typedef struct bhttp_connection {
    sbuf body;
    bool too_large;
} bhttp_connection;

static pthread_key_t bhttp_worker_key;
static pthread_once_t bhttp_worker_once = PTHREAD_ONCE_INIT;

static void bhttp_worker_free(void *p)
{
    bhttp_worker *w = p;
    arena_free(&w->a);
    sbuf_free(&w->out);
    sbuf_free(&w->scratch);
    free(w);
}

static void bhttp_worker_key_init(void)
{
    pthread_key_create(&bhttp_worker_key, bhttp_worker_free);
}

/* This thread's request state, made on first use and freed at thread exit. */
static bhttp_worker *bhttp_worker_get(void)
{
    pthread_once(&bhttp_worker_once, bhttp_worker_key_init);
    bhttp_worker *w = pthread_getspecific(bhttp_worker_key);
    if (w) return w;
    w = calloc(1, sizeof *w);
    if (!w) abort();
    arena_init(&w->a, BHTTP_ARENA_CHUNK);
    sbuf_init(&w->out);
    sbuf_init(&w->scratch);
    pthread_setspecific(bhttp_worker_key, w);
    return w;
}

static void bhttp_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                         enum MHD_ConnectionNotificationCode code)
{
    (void)cls, (void)conn;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        bhttp_connection *c = calloc(1, sizeof *c);
        if (!c) abort();
        sbuf_init(&c->body);
        *socket_context = c;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        bhttp_connection *c = *socket_context;
        sbuf_free(&c->body);
        free(c);
        *socket_context = NULL;
    }
}

/* Sends data: copied, or as is when `persistent` (it outlives the response). */
static enum MHD_Result bhttp_send(struct MHD_Connection *conn, unsigned status, const char *type,
                                  const char *data, size_t len, bool persistent)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        len, (void *)data, persistent ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    enum MHD_Result ok = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result bhttp_reply(struct MHD_Connection *conn, unsigned status, const char *type,
                                   const char *data, size_t len)
{
    return bhttp_send(conn, status, type, data, len, false);
}

static enum MHD_Result bhttp_graphql(bhttp_listener *l, struct MHD_Connection *conn,
                                     bhttp_connection *c)
{
    if (c->too_large) {
        static const char msg[] = "{\"errors\":[{\"message\":\"Request body is too large.\"}]}";
        return bhttp_reply(conn, MHD_HTTP_CONTENT_TOO_LARGE, "application/json", msg,
                           sizeof msg - 1);
    }
    if (!c->body.data) sbuf_append(&c->body, "", 0); /* an empty body is still a C string */
    const char *cached;
    size_t cached_len;
    if (l->responses && brc_get(l->responses, c->body.data, c->body.len, &cached, &cached_len))
        return bhttp_send(conn, MHD_HTTP_OK, "application/json", cached, cached_len, true);
    bhttp_worker *w = bhttp_worker_get();
    arena_reset(&w->a);
    breq_answer(l->model, l->cache, &w->a, c->body.data, c->body.len, &w->out, &w->scratch);
    if (l->responses) brc_put(l->responses, c->body.data, c->body.len, w->out.data, w->out.len);
    return bhttp_reply(conn, MHD_HTTP_OK, "application/json", w->out.data, w->out.len);
}

static enum MHD_Result bhttp_access(void *cls, struct MHD_Connection *conn, const char *url,
                                    const char *method, const char *version,
                                    const char *upload_data, size_t *upload_size, void **req_cls)
{
    (void)version;
    bhttp_listener *l = cls;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    bhttp_connection *c = info ? info->socket_context : NULL;
    if (!c) return MHD_NO;
    if (!*req_cls) { /* headers only: the body, if any, follows */
        *req_cls = c;
        sbuf_reset(&c->body);
        c->too_large = false;
        return MHD_YES;
    }
    if (*upload_size) {
        if (c->body.len + *upload_size > BHTTP_MAX_BODY)
            c->too_large = true;
        else
            sbuf_append(&c->body, upload_data, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (strcmp(method, "GET") == 0 && strcmp(url, "/health") == 0)
        return bhttp_reply(conn, MHD_HTTP_OK, "text/plain", "ok", 2);
    if (strcmp(url, "/stats") == 0) {
        char text[64];
        int n = snprintf(text, sizeof text, "{\"requests\":%lu}", atomic_load(&l->stats->requests));
        return bhttp_reply(conn, MHD_HTTP_OK, "application/json", text, (size_t)n);
    }
    if (strcmp(url, "/stats/reset") == 0) {
        atomic_store(&l->stats->requests, 0);
        return bhttp_reply(conn, MHD_HTTP_OK, "text/plain", "ok", 2);
    }
    atomic_fetch_add(&l->stats->requests, 1);
    return bhttp_graphql(l, conn, c);
}

bool bhttp_start(bhttp_listener *l, uint16_t port, unsigned threads)
{
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    l->daemon = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TURBO | MHD_USE_ERROR_LOG, port, NULL, NULL,
        bhttp_access, l, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads, MHD_OPTION_NOTIFY_CONNECTION,
        bhttp_notify, NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)120, MHD_OPTION_END);
    return l->daemon != NULL;
}

void bhttp_stop(bhttp_listener *l)
{
    if (l->daemon) MHD_stop_daemon(l->daemon);
    l->daemon = NULL;
}
