/* mesh_server.c: the peer side of mesh fetches (see mesh_server.h). Each
 * context of the REP socket loops: receive a fetch frame (nng thread: queue
 * it, wake the server's thread), forward it with fetch.h (server's thread),
 * send the reply (nng thread once more), receive again. */
#include "mesh_server.h"

#include <nng/nng.h>
#include <nng/protocol/reqrep0/rep.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "mesh_client.h"
#include "wire_mesh.h"

/* Requests a sidecar forwards at once; more wait in nng's queues. */
#define MESH_SERVER_CONTEXTS 64
/* When the configuration leaves them 0: the executor's defaults. */
#define MESH_SERVER_TIMEOUT_MS 30000
#define MESH_SERVER_CONNECT_TIMEOUT_MS 2000
#define MESH_SERVER_MAX_RESPONSE ((size_t)64 << 20)

typedef enum slot_state { SLOT_RECEIVING, SLOT_FORWARDING, SLOT_SENDING } slot_state;

typedef struct mesh_slot {
    mesh_server *s;
    nng_ctx ctx;
    nng_aio *aio;
    slot_state state;
    nng_msg *request;
    struct mesh_slot *next; /* in the received queue */
} mesh_slot;

struct mesh_server {
    mesh_server_config cfg;
    nng_socket sock;
    fetch_client *client;
    pthread_t thread;
    atomic_bool stopping;
    pthread_mutex_t lock; /* guards the received queue */
    mesh_slot *received_head, *received_tail;
    mesh_slot slots[MESH_SERVER_CONTEXTS];
};

static void slot_receive(mesh_slot *slot)
{
    slot->state = SLOT_RECEIVING;
    nng_ctx_recv(slot->ctx, slot->aio);
}

/* On an nng thread. */
static void on_slot_aio(void *arg)
{
    mesh_slot *slot = arg;
    mesh_server *s = slot->s;
    int rv = nng_aio_result(slot->aio);
    if (rv == NNG_ECLOSED || rv == NNG_ECANCELED) return;
    if (slot->state == SLOT_SENDING) {
        if (rv != 0) nng_msg_free(nng_aio_get_msg(slot->aio));
        slot_receive(slot);
        return;
    }
    if (rv != 0) {
        slot_receive(slot);
        return;
    }
    slot->request = nng_aio_get_msg(slot->aio);
    slot->state = SLOT_FORWARDING;
    slot->next = NULL;
    pthread_mutex_lock(&s->lock);
    if (s->received_tail)
        s->received_tail->next = slot;
    else
        s->received_head = slot;
    s->received_tail = slot;
    pthread_mutex_unlock(&s->lock);
    curl_multi_wakeup(fetch_client_multi(s->client));
}

static void slot_reply(mesh_slot *slot, const wire_mesh_frame *frame)
{
    sbuf out;
    sbuf_init(&out);
    wire_mesh_encode(frame, &out);
    nng_msg *msg = NULL;
    if (nng_msg_alloc(&msg, 0) != 0 || nng_msg_append(msg, out.data, out.len) != 0) {
        if (msg) nng_msg_free(msg);
        sbuf_free(&out);
        slot_receive(slot); /* the peer times out */
        return;
    }
    sbuf_free(&out);
    slot->state = SLOT_SENDING;
    nng_aio_set_msg(slot->aio, msg);
    nng_ctx_send(slot->ctx, slot->aio);
}

static void reply_error(mesh_slot *slot, const char *reason)
{
    wire_mesh_frame frame = {.type = WIRE_MESH_ERROR, .reason = reason};
    slot_reply(slot, &frame);
}

static void on_forwarded(void *ctx, const fetch_result *r)
{
    mesh_slot *slot = ctx;
    if (r->error) {
        reply_error(slot, r->error);
        return;
    }
    wire_mesh_frame frame = {.type = WIRE_MESH_RESULT,
                             .status = (uint64_t)r->status,
                             .body = (const uint8_t *)r->body,
                             .body_len = r->len};
    if (frame.status < 100 || frame.status > 599) {
        reply_error(slot, "the subgraph's response has no HTTP status");
        return;
    }
    slot_reply(slot, &frame);
}

static const char *local_url(const mesh_server *s, const char *subgraph)
{
    for (size_t i = 0; i < s->cfg.nroutes; i++) {
        const bundle_route *route = &s->cfg.routes[i];
        if (strcmp(route->name, subgraph) == 0 && !mesh_is_peer_url(route->url)) return route->url;
    }
    return NULL;
}

/* On the server's thread: a received request, forwarded or answered. */
static void forward(mesh_server *s, mesh_slot *slot)
{
    arena a;
    arena_init(&a, 256);
    wire_mesh_frame frame;
    wire_reason why;
    nng_msg *msg = slot->request;
    slot->request = NULL;
    const char *url = NULL;
    char reason[300];
    if (!wire_mesh_decode(&a, nng_msg_body(msg), nng_msg_len(msg), &frame, &why)) {
        snprintf(reason, sizeof reason, "bad fetch frame: %s", why.text);
    } else if (frame.type != WIRE_MESH_FETCH) {
        snprintf(reason, sizeof reason, "bad fetch frame: a %s frame",
                 wire_mesh_type_name(frame.type));
    } else if (!(url = local_url(s, frame.subgraph))) {
        snprintf(reason, sizeof reason, "subgraph \"%.100s\" is not local to this peer",
                 frame.subgraph);
    }
    if (url) {
        sbuf *body;
        fetch_transfer *t = fetch_new(s->client, &body);
        sbuf_append(body, (const char *)frame.body, frame.body_len);
        fetch_send(s->client, t, url, s->cfg.timeout_ms, on_forwarded, slot);
    } else {
        reply_error(slot, reason);
    }
    nng_msg_free(msg);
    arena_free(&a);
}

static void *server_main(void *arg)
{
    mesh_server *s = arg;
    CURLM *multi = fetch_client_multi(s->client);
    while (!atomic_load(&s->stopping)) {
        pthread_mutex_lock(&s->lock);
        mesh_slot *slot = s->received_head;
        s->received_head = s->received_tail = NULL;
        pthread_mutex_unlock(&s->lock);
        while (slot) {
            mesh_slot *next = slot->next;
            forward(s, slot);
            slot = next;
        }
        fetch_drive(s->client);
        curl_multi_poll(multi, NULL, 0, 1000, NULL);
    }
    return NULL;
}

static bool server_listen(mesh_server *s)
{
    int rv = nng_rep0_open(&s->sock);
    if (rv == 0) {
        nng_socket_set_size(s->sock, NNG_OPT_RECVMAXSZ, WIRE_MAX_MESSAGE_BYTES);
        rv = nng_listen(s->sock, s->cfg.listen, NULL, 0);
        if (rv != 0) nng_close(s->sock);
    }
    if (rv != 0) {
        fprintf(stderr, "fedmesh-sidecar: cannot listen on %s: %s\n", s->cfg.listen,
                nng_strerror(rv));
        return false;
    }
    return true;
}

mesh_server *mesh_server_start(const mesh_server_config *cfg)
{
    mesh_server *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->cfg = *cfg;
    if (!s->cfg.timeout_ms) s->cfg.timeout_ms = MESH_SERVER_TIMEOUT_MS;
    if (!s->cfg.connect_timeout_ms) s->cfg.connect_timeout_ms = MESH_SERVER_CONNECT_TIMEOUT_MS;
    if (!s->cfg.max_response_bytes) s->cfg.max_response_bytes = MESH_SERVER_MAX_RESPONSE;
    if (!server_listen(s)) {
        free(s);
        return NULL;
    }
    s->client = fetch_client_new(s->cfg.connect_timeout_ms, MESH_SERVER_CONTEXTS,
                                 s->cfg.max_response_bytes);
    pthread_mutex_init(&s->lock, NULL);
    for (int i = 0; i < MESH_SERVER_CONTEXTS; i++) {
        mesh_slot *slot = &s->slots[i];
        slot->s = s;
        if (nng_aio_alloc(&slot->aio, on_slot_aio, slot) != 0 ||
            nng_ctx_open(&slot->ctx, s->sock) != 0)
            abort();
    }
    if (pthread_create(&s->thread, NULL, server_main, s) != 0) abort();
    for (int i = 0; i < MESH_SERVER_CONTEXTS; i++)
        slot_receive(&s->slots[i]);
    return s;
}

void mesh_server_stop(mesh_server *s)
{
    if (!s) return;
    atomic_store(&s->stopping, true);
    curl_multi_wakeup(fetch_client_multi(s->client));
    pthread_join(s->thread, NULL);
    nng_close(s->sock);
    for (int i = 0; i < MESH_SERVER_CONTEXTS; i++) {
        nng_aio_free(s->slots[i].aio);
        if (s->slots[i].request) nng_msg_free(s->slots[i].request);
    }
    fetch_client_free(s->client);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
