/* mesh_client.c: subgraph requests through peer sidecars (see
 * mesh_client.h). A call is pooled with its aio and buffers; it goes
 * SENDING (until a pipe to the peer takes the request) then RECEIVING (until
 * the reply), each under what is left of its deadline. The aio callback runs
 * on an nng thread: it only chains the receive or queues the call; what the
 * reply means is worked out on the worker's thread in mesh_client_drive. */
#include "mesh_client.h"

#include <nng/nng.h>
#include <nng/protocol/reqrep0/req.h>
#include <nng/supplemental/util/platform.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire_mesh.h"

typedef enum call_state { CALL_SENDING, CALL_RECEIVING } call_state;

struct mesh_call {
    mesh_client *m;
    nng_aio *aio;
    nng_ctx nctx;
    call_state state;
    int result;             /* of the aio that ended the call */
    nng_msg *reply;         /* when result is 0 */
    const char *dial_error; /* the call never left: the peer's address is unusable */
    nng_time deadline;
    long timeout_ms;
    long send_timeout_ms;
    sbuf request;
    sbuf response; /* the reply's body, NUL-terminated */
    fetch_done_fn *done;
    void *ctx;
    char error[256];
    mesh_call *next; /* in the done queue or the free list */
};

typedef struct mesh_peer {
    char *url;
    nng_socket sock;
    const char *dial_error; /* NULL when dialled */
} mesh_peer;

struct mesh_client {
    CURLM *wake;
    long connect_timeout_ms;
    size_t max_response;
    mesh_peer *peers;
    uint32_t npeers, cappeers;
    pthread_mutex_t lock; /* guards the done queue: nng threads append to it */
    mesh_call *done_head, *done_tail;
    mesh_call *free_list;
    uint32_t in_flight;
    mesh_call **all; /* every call ever made, to free them with the client */
    uint32_t nall, capall;
};

static void *mesh_xalloc(size_t n)
{
    void *p = calloc(1, n);
    if (!p) abort();
    return p;
}

bool mesh_is_peer_url(const char *url)
{
    return strncmp(url, "tcp://", 6) == 0;
}

mesh_client *mesh_client_new(CURLM *wake, long connect_timeout_ms, size_t max_response_bytes)
{
    mesh_client *m = mesh_xalloc(sizeof *m);
    m->wake = wake;
    m->connect_timeout_ms = connect_timeout_ms;
    m->max_response = max_response_bytes;
    pthread_mutex_init(&m->lock, NULL);
    return m;
}

void mesh_client_free(mesh_client *m)
{
    if (!m) return;
    /* Closing a socket ends its calls' operations; freeing an aio waits for
     * its callback. */
    for (uint32_t i = 0; i < m->npeers; i++) {
        if (!m->peers[i].dial_error) nng_close(m->peers[i].sock);
        free(m->peers[i].url);
    }
    for (uint32_t i = 0; i < m->nall; i++) {
        mesh_call *c = m->all[i];
        nng_aio_free(c->aio);
        if (c->reply) nng_msg_free(c->reply);
        sbuf_free(&c->request);
        sbuf_free(&c->response);
        free(c);
    }
    free(m->all);
    free(m->peers);
    pthread_mutex_destroy(&m->lock);
    free(m);
}

uint32_t mesh_in_flight(const mesh_client *m)
{
    return m->in_flight;
}

/* On any thread: hands the call to the worker's thread. */
static void queue_done(mesh_client *m, mesh_call *c)
{
    pthread_mutex_lock(&m->lock);
    c->next = NULL;
    if (m->done_tail)
        m->done_tail->next = c;
    else
        m->done_head = c;
    m->done_tail = c;
    pthread_mutex_unlock(&m->lock);
    curl_multi_wakeup(m->wake);
}

static nng_duration time_left(const mesh_call *c)
{
    nng_time now = nng_clock();
    return now >= c->deadline ? 0 : (nng_duration)(c->deadline - now);
}

static void on_aio(void *arg)
{
    mesh_call *c = arg;
    int rv = nng_aio_result(c->aio);
    if (rv == 0 && c->state == CALL_SENDING) {
        c->state = CALL_RECEIVING;
        nng_aio_set_timeout(c->aio, time_left(c));
        nng_ctx_recv(c->nctx, c->aio);
        return;
    }
    if (rv != 0 && c->state == CALL_SENDING) nng_msg_free(nng_aio_get_msg(c->aio));
    c->result = rv;
    c->reply = rv == 0 ? nng_aio_get_msg(c->aio) : NULL;
    queue_done(c->m, c);
}

mesh_call *mesh_new(mesh_client *m, sbuf **body)
{
    mesh_call *c = m->free_list;
    if (c) {
        m->free_list = c->next;
    } else {
        c = mesh_xalloc(sizeof *c);
        c->m = m;
        if (nng_aio_alloc(&c->aio, on_aio, c) != 0) abort();
        sbuf_init(&c->request);
        sbuf_init(&c->response);
        if (m->nall == m->capall) {
            m->capall = m->capall ? m->capall * 2 : 16;
            m->all = realloc(m->all, sizeof *m->all * m->capall);
            if (!m->all) abort();
        }
        m->all[m->nall++] = c;
    }
    sbuf_reset(&c->request);
    sbuf_reset(&c->response);
    *body = &c->request;
    return c;
}

/* The REQ socket to the peer at url, dialled (in the background, retrying)
 * the first time it is asked for. A request is sent once: REQ's resend
 * would repeat a mutation. */
static mesh_peer *peer_for(mesh_client *m, const char *url)
{
    for (uint32_t i = 0; i < m->npeers; i++)
        if (strcmp(m->peers[i].url, url) == 0) return &m->peers[i];
    if (m->npeers == m->cappeers) {
        m->cappeers = m->cappeers ? m->cappeers * 2 : 4;
        m->peers = realloc(m->peers, sizeof *m->peers * m->cappeers);
        if (!m->peers) abort();
    }
    mesh_peer *p = &m->peers[m->npeers++];
    *p = (mesh_peer){.url = strdup(url)};
    if (!p->url) abort();
    int rv = nng_req0_open(&p->sock);
    if (rv == 0) {
        nng_socket_set_ms(p->sock, NNG_OPT_REQ_RESENDTIME, NNG_DURATION_INFINITE);
        nng_socket_set_ms(p->sock, NNG_OPT_RECONNMINT, 50);
        nng_socket_set_ms(p->sock, NNG_OPT_RECONNMAXT, 1000);
        nng_socket_set_size(p->sock, NNG_OPT_RECVMAXSZ, m->max_response + 4096);
        rv = nng_dial(p->sock, url, NULL, NNG_FLAG_NONBLOCK);
        if (rv != 0) nng_close(p->sock);
    }
    if (rv != 0) p->dial_error = nng_strerror(rv);
    return p;
}

/* Encodes the fetch frame into an nng message; NULL on allocation failure. */
static nng_msg *fetch_message(mesh_call *c, const char *subgraph)
{
    wire_mesh_frame frame = {.type = WIRE_MESH_FETCH,
                             .subgraph = subgraph,
                             .body = (const uint8_t *)c->request.data,
                             .body_len = c->request.len};
    sbuf *scratch = &c->response; /* empty until the reply */
    wire_mesh_encode(&frame, scratch);
    nng_msg *msg = NULL;
    if (nng_msg_alloc(&msg, 0) != 0 || nng_msg_append(msg, scratch->data, scratch->len) != 0) {
        if (msg) nng_msg_free(msg);
        msg = NULL;
    }
    sbuf_reset(scratch);
    return msg;
}

void mesh_send(mesh_client *m, mesh_call *c, const char *url, const char *subgraph, long timeout_ms,
               fetch_done_fn *done, void *ctx)
{
    c->done = done;
    c->ctx = ctx;
    c->state = CALL_SENDING;
    c->result = 0;
    c->reply = NULL;
    c->timeout_ms = timeout_ms;
    c->send_timeout_ms = m->connect_timeout_ms < timeout_ms ? m->connect_timeout_ms : timeout_ms;
    c->deadline = nng_clock() + (nng_time)timeout_ms;
    m->in_flight++;
    mesh_peer *p = peer_for(m, url);
    c->dial_error = p->dial_error;
    nng_msg *msg = c->dial_error ? NULL : fetch_message(c, subgraph);
    if (!c->dial_error && !msg) c->dial_error = "out of memory";
    if (!c->dial_error && nng_ctx_open(&c->nctx, p->sock) != 0) c->dial_error = "socket closed";
    if (c->dial_error) {
        if (msg) nng_msg_free(msg);
        queue_done(m, c);
        return;
    }
    nng_aio_set_msg(c->aio, msg);
    nng_aio_set_timeout(c->aio, (nng_duration)c->send_timeout_ms);
    nng_ctx_send(c->nctx, c->aio);
}

/* Why the call failed, in fetch.h's words; NULL when a reply arrived. */
static const char *call_failure(mesh_call *c)
{
    if (c->dial_error) {
        snprintf(c->error, sizeof c->error, "could not reach peer: %s", c->dial_error);
    } else if (c->result == NNG_ETIMEDOUT && c->state == CALL_SENDING) {
        snprintf(c->error, sizeof c->error, "could not connect within %ld ms", c->send_timeout_ms);
    } else if (c->result == NNG_ETIMEDOUT) {
        snprintf(c->error, sizeof c->error, "no response within %ld ms", c->timeout_ms);
    } else if (c->result != 0) {
        snprintf(c->error, sizeof c->error, "%s", nng_strerror(c->result));
    } else {
        return NULL;
    }
    return c->error;
}

/* Reads the peer's reply frame into r. */
static void read_reply(mesh_client *m, mesh_call *c, fetch_result *r)
{
    arena a;
    arena_init(&a, 256);
    wire_mesh_frame frame;
    wire_reason why;
    if (!wire_mesh_decode(&a, nng_msg_body(c->reply), nng_msg_len(c->reply), &frame, &why)) {
        snprintf(c->error, sizeof c->error, "bad reply from peer: %s", why.text);
        r->error = c->error;
    } else if (frame.type == WIRE_MESH_ERROR) {
        snprintf(c->error, sizeof c->error, "%s", frame.reason);
        r->error = c->error;
    } else if (frame.type != WIRE_MESH_RESULT) {
        r->error = "bad reply from peer: not a result frame";
    } else if (frame.body_len > m->max_response) {
        snprintf(c->error, sizeof c->error, "the response is larger than %zu bytes",
                 m->max_response);
        r->error = c->error;
    } else {
        sbuf_append(&c->response, (const char *)frame.body, frame.body_len);
        sbuf_putc(&c->response, '\0');
        c->response.len--;
        r->status = (long)frame.status;
        r->body = c->response.data ? c->response.data : "";
        r->len = c->response.len;
    }
    arena_free(&a);
}

static void finish(mesh_client *m, mesh_call *c)
{
    m->in_flight--;
    fetch_result r = {.error = call_failure(c)};
    if (!c->dial_error) nng_ctx_close(c->nctx);
    if (!r.error) read_reply(m, c, &r);
    c->done(c->ctx, &r);
    if (c->reply) nng_msg_free(c->reply);
    c->reply = NULL;
    c->next = m->free_list;
    m->free_list = c;
}

void mesh_client_drive(mesh_client *m)
{
    pthread_mutex_lock(&m->lock);
    mesh_call *c = m->done_head;
    m->done_head = m->done_tail = NULL;
    pthread_mutex_unlock(&m->lock);
    while (c) {
        mesh_call *next = c->next;
        finish(m, c);
        c = next;
    }
}
