/* cpclient.c: the control-plane client thread (see cpclient.h). */
#include "cpclient.h"

#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/protocol/pubsub0/sub.h>
#include <nng/protocol/reqrep0/req.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bundle_store.h"
#include "wire_envelope.h"
#include "wire_fetch.h"
#include "wire_report.h"

#define CP_TICK_MS 100           /* longest wait on the SUB socket */
#define CP_FETCH_TIMEOUT_MS 1000 /* a fetch's reply */
#define CP_RETRY_MS 1000         /* fetch interval until the first answer */
#define CP_HEARTBEAT_MS 1000
#define CP_REPORT_QUEUE 64 /* report frames held while the PUSH pipe (re)connects */

struct cpclient {
    cpclient_config cfg;
    pthread_t thread;
    atomic_int stopping;
    atomic_int reconnected; /* a REQ or SUB pipe came up: fetch now (set on nng's thread) */
    nng_socket req, sub, push;
    bool sub_open, push_open;
    char *publish_url, *report_url; /* where sub and push are dialed */
    uint64_t version;               /* of the bundle served; this thread sets it */
    bool answered;                  /* the control plane has answered a fetch */
    bool disk_tried;
    char rejected_sha[WIRE_SHA256_HEX_SIZE]; /* last envelope refused: not verified again */
    usage_map *usage;                        /* merged from the workers since the last frame */
};

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Report frames are best effort: dropped when the PUSH socket cannot take
 * them now (the control plane learns the state from the next heartbeat). */
static void report(cpclient *c, const wire_report *r)
{
    if (!c->push_open) return;
    sbuf b;
    sbuf_init(&b);
    wire_report_encode(r, &b);
    nng_send(c->push, b.data, b.len, NNG_FLAG_NONBLOCK);
    sbuf_free(&b);
}

static void reject(cpclient *c, uint64_t version, const char *sha256, const char *reason)
{
    fprintf(stderr, "fedmesh-sidecar: bundle version %llu rejected: %s\n",
            (unsigned long long)version, reason);
    counter_inc(&c->cfg.counters->rejections);
    wire_report r = {.type = WIRE_REPORT_REJECT,
                     .reject = {.sidecar = c->cfg.id,
                                .admin = c->cfg.admin,
                                .version = version,
                                .sha256 = sha256 ? sha256 : "",
                                .reason = reason}};
    report(c, &r);
}

static void ack(cpclient *c, const bundle *b)
{
    wire_report r = {.type = WIRE_REPORT_ACK,
                     .ack = {.sidecar = c->cfg.id,
                             .admin = c->cfg.admin,
                             .version = b->version,
                             .sha256 = b->sha256,
                             .at_ms = (uint64_t)b->loaded_at_ms}};
    report(c, &r);
}

/* Keeps the verified envelope as the last good one. */
static void keep_on_disk(cpclient *c, const Fedmesh__BundleEnvelope *env)
{
    if (!c->cfg.state_dir) return;
    sbuf bytes, err;
    sbuf_init(&bytes);
    sbuf_init(&err);
    wire_envelope_encode(env->version, env->bundle.data, env->bundle.len, &bytes);
    if (!store_save(c->cfg.state_dir, (const uint8_t *)bytes.data, bytes.len, &err))
        fprintf(stderr, "fedmesh-sidecar: %s\n", err.data);
    sbuf_free(&bytes);
    sbuf_free(&err);
}

/* Verifies an envelope and, when it is good and newer, serves it. */
static void consider(cpclient *c, const Fedmesh__BundleEnvelope *env, bundle_source source)
{
    if (env->version <= c->version) return;                /* already served, or older */
    if (strcmp(env->sha256, c->rejected_sha) == 0) return; /* refused once already */
    arena a;
    arena_init(&a, 4096);
    wire_reason why;
    const Fedmesh__PlanBundle *pb = wire_envelope_open(&a, env, &why);
    if (!pb) {
        reject(c, env->version, env->sha256, why.text);
        arena_free(&a);
        return;
    }
    bundle_plan_input *plans = ARENA_ARRAY(&a, bundle_plan_input, pb->n_plans ? pb->n_plans : 1);
    for (size_t i = 0; i < pb->n_plans; i++) {
        const Fedmesh__PrecompiledPlan *pp = pb->plans[i];
        plans[i] = (bundle_plan_input){.query = pp->query,
                                       .query_len = strlen(pp->query),
                                       .operation_name = pp->operation_name,
                                       .plan = pp->plan.data,
                                       .plan_len = pp->plan.len};
    }
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.version = pb->version,
                       .sha256 = env->sha256,
                       .sdl = pb->supergraph_sdl,
                       .sdl_len = strlen(pb->supergraph_sdl),
                       .image = pb->supergraph_image.data,
                       .image_len = pb->supergraph_image.len,
                       .image_format = pb->supergraph_image_format,
                       .routes = c->cfg.routes,
                       .nroutes = c->cfg.nroutes,
                       .plans = plans,
                       .nplans = pb->n_plans,
                       .source = source};
    bundle *b = bundle_load(&in, &reason);
    if (!b) {
        /* The bytes are the ones the control plane hashed: the same
         * envelope would fail again, so it is not verified again. */
        snprintf(c->rejected_sha, sizeof c->rejected_sha, "%s", env->sha256);
        reject(c, env->version, env->sha256, reason.data);
    } else {
        c->version = b->version;
        bundle_retain(b); /* for the ack below: the slot owns the other reference */
        bundle_slot_set(c->cfg.bundles, b);
        if (c->cfg.on_swap) c->cfg.on_swap(c->cfg.ctx);
        fprintf(stderr, "fedmesh-sidecar: serving bundle version %llu (%s) from %s\n",
                (unsigned long long)b->version, b->sha256, bundle_source_name(source));
        if (source != BUNDLE_SOURCE_DISK) {
            keep_on_disk(c, env);
            ack(c, b);
        }
        bundle_release(b);
    }
    sbuf_free(&reason);
    arena_free(&a);
}

/* After a (re)connection announcements may have been missed, and the
 * control plane may have restarted: fetch at once rather than at the next
 * interval. */
static void on_connected(nng_pipe pipe, nng_pipe_ev ev, void *arg)
{
    (void)pipe, (void)ev;
    cpclient *c = arg;
    atomic_store(&c->reconnected, 1);
}

static bool same_url(const char *dialed, const char *url)
{
    return !url || !*url || (dialed && strcmp(dialed, url) == 0);
}

static void close_stream(nng_socket sock, bool *open, char **dialed)
{
    if (*open) nng_close(sock);
    *open = false;
    free(*dialed);
    *dialed = NULL;
}

/* Dials an opened socket at url (nng reconnects by itself from then on). */
static bool dial(nng_socket sock, const char *url, char **dialed)
{
    int rv = nng_dial(sock, url, NULL, NNG_FLAG_NONBLOCK);
    if (rv != 0) {
        fprintf(stderr, "fedmesh-sidecar: cannot dial %s: %s\n", url, nng_strerror(rv));
        nng_close(sock);
        return false;
    }
    *dialed = strdup(url);
    return true;
}

/* The fetch reply says where announcements are published and reports go:
 * (re)dial there when it names another address than the current one. */
static void follow(cpclient *c, const char *publish_url, const char *report_url)
{
    if (!same_url(c->publish_url, publish_url)) {
        close_stream(c->sub, &c->sub_open, &c->publish_url);
        if (nng_sub0_open(&c->sub) == 0) {
            nng_socket_set(c->sub, NNG_OPT_SUB_SUBSCRIBE, "", 0);
            nng_socket_set_ms(c->sub, NNG_OPT_RECVTIMEO, CP_TICK_MS);
            nng_socket_set_size(c->sub, NNG_OPT_RECVMAXSZ, WIRE_MAX_MESSAGE_BYTES);
            nng_pipe_notify(c->sub, NNG_PIPE_EV_ADD_POST, on_connected, c);
            c->sub_open = dial(c->sub, publish_url, &c->publish_url);
        }
    }
    if (!same_url(c->report_url, report_url)) {
        close_stream(c->push, &c->push_open, &c->report_url);
        if (nng_push0_open(&c->push) == 0) {
            /* Frames wait here while the pipe connects: the first ack is
             * sent right after this dial. */
            nng_socket_set_int(c->push, NNG_OPT_SENDBUF, CP_REPORT_QUEUE);
            c->push_open = dial(c->push, report_url, &c->report_url);
        }
    }
}

static void fetch(cpclient *c)
{
    sbuf req;
    sbuf_init(&req);
    wire_fetch_request_encode(c->cfg.id, c->version, &req);
    int rv = nng_send(c->req, req.data, req.len, 0);
    sbuf_free(&req);
    char *buf = NULL;
    size_t len = 0;
    if (rv == 0) rv = nng_recv(c->req, &buf, &len, NNG_FLAG_ALLOC);
    if (rv != 0) {
        counter_inc(&c->cfg.counters->fetch_failures);
        return;
    }
    arena a;
    arena_init(&a, 4096);
    wire_reason why;
    const Fedmesh__FetchReply *reply = wire_fetch_reply_decode(&a, (uint8_t *)buf, len, &why);
    if (!reply) {
        fprintf(stderr, "fedmesh-sidecar: bad fetch reply: %s\n", why.text);
        counter_inc(&c->cfg.counters->fetch_failures);
    } else {
        c->answered = true;
        atomic_store(&c->cfg.counters->last_contact_ms, wall_ms());
        follow(c, reply->publish_url, reply->report_url);
        if (reply->envelope) consider(c, reply->envelope, BUNDLE_SOURCE_CONTROL_PLANE);
    }
    arena_free(&a);
    nng_free(buf, len);
}

static void announcement(cpclient *c, const uint8_t *buf, size_t len)
{
    arena a;
    arena_init(&a, 4096);
    wire_reason why;
    const Fedmesh__BundleEnvelope *env = wire_envelope_decode(&a, buf, len, &why);
    if (env)
        consider(c, env, BUNDLE_SOURCE_CONTROL_PLANE);
    else
        reject(c, 0, "", why.text);
    arena_free(&a);
}

/* No bundle from the control plane in time: serve the last good one. */
static void load_from_disk(cpclient *c)
{
    c->disk_tried = true;
    sbuf err;
    sbuf_init(&err);
    size_t len = 0;
    uint8_t *data = store_load(c->cfg.state_dir, &len, &err);
    if (!data) {
        fprintf(stderr, "fedmesh-sidecar: no bundle on disk: %s\n", err.data);
        sbuf_free(&err);
        return;
    }
    arena a;
    arena_init(&a, 4096);
    wire_reason why;
    const Fedmesh__BundleEnvelope *env = wire_envelope_decode(&a, data, len, &why);
    if (env)
        consider(c, env, BUNDLE_SOURCE_DISK);
    else
        reject(c, 0, "", why.text);
    arena_free(&a);
    free(data);
    sbuf_free(&err);
}

static void heartbeat(cpclient *c)
{
    wire_report r = {.type = WIRE_REPORT_HEARTBEAT,
                     .heartbeat = {.sidecar = c->cfg.id,
                                   .admin = c->cfg.admin,
                                   .version = c->version,
                                   .listen = c->cfg.listen}};
    report(c, &r);
}

static void report_usage(cpclient *c)
{
    if (c->cfg.collect_usage) c->cfg.collect_usage(c->cfg.ctx, c->usage);
    usage_op top[CPCLIENT_USAGE_TOP];
    size_t n = usage_top(c->usage, top, CPCLIENT_USAGE_TOP);
    if (n && c->push_open) {
        wire_usage_op ops[CPCLIENT_USAGE_TOP];
        for (size_t i = 0; i < n; i++)
            ops[i] = (wire_usage_op){.query = top[i].query,
                                     .operation_name = top[i].operation_name,
                                     .count = top[i].count};
        wire_report r = {.type = WIRE_REPORT_USAGE,
                         .usage = {.sidecar = c->cfg.id, .ops = ops, .nops = (uint32_t)n}};
        report(c, &r);
    }
    usage_free(c->usage); /* counts are per interval */
    c->usage = usage_new();
}

/* Waits up to CP_TICK_MS for an announcement. */
static void listen_once(cpclient *c)
{
    if (!c->sub_open) {
        struct timespec ts = {0, CP_TICK_MS * 1000000L};
        nanosleep(&ts, NULL);
        return;
    }
    char *buf = NULL;
    size_t len = 0;
    if (nng_recv(c->sub, &buf, &len, NNG_FLAG_ALLOC) != 0) return; /* timed out */
    announcement(c, (uint8_t *)buf, len);
    nng_free(buf, len);
}

static void *cp_loop(void *arg)
{
    cpclient *c = arg;
    long start = mono_ms(), next_fetch = start, next_heartbeat = start;
    long next_usage = start + c->cfg.usage_interval_ms;
    while (!atomic_load(&c->stopping)) {
        long now = mono_ms();
        if (now >= next_fetch || atomic_exchange(&c->reconnected, 0)) {
            fetch(c);
            now = mono_ms();
            next_fetch = now + (c->answered ? c->cfg.fetch_interval_ms : CP_RETRY_MS);
        }
        /* No bundle in time (no answer, or "no bundle composed yet"): the
         * last good one beats none. */
        if (!c->disk_tried && c->cfg.state_dir && !c->version &&
            now - start >= c->cfg.start_timeout_ms)
            load_from_disk(c);
        if (now >= next_heartbeat) {
            heartbeat(c);
            next_heartbeat = now + CP_HEARTBEAT_MS;
        }
        if (now >= next_usage) {
            report_usage(c);
            next_usage = now + c->cfg.usage_interval_ms;
        }
        listen_once(c);
    }
    return NULL;
}

static void close_all(cpclient *c)
{
    nng_close(c->req);
    close_stream(c->sub, &c->sub_open, &c->publish_url);
    close_stream(c->push, &c->push_open, &c->report_url);
    usage_free(c->usage);
    free(c);
}

cpclient *cpclient_start(const cpclient_config *cfg)
{
    sbuf err;
    sbuf_init(&err);
    bool state_ok = !cfg->state_dir || store_init(cfg->state_dir, &err);
    if (!state_ok) fprintf(stderr, "fedmesh-sidecar: --state-dir: %s\n", err.data);
    sbuf_free(&err);
    if (!state_ok) return NULL;
    cpclient *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->cfg = *cfg;
    if (!c->cfg.fetch_interval_ms) c->cfg.fetch_interval_ms = 5000;
    if (!c->cfg.start_timeout_ms) c->cfg.start_timeout_ms = 2000;
    if (!c->cfg.usage_interval_ms) c->cfg.usage_interval_ms = 5000;
    c->usage = usage_new();
    int rv = nng_req0_open(&c->req);
    if (rv == 0) {
        nng_socket_set_ms(c->req, NNG_OPT_RECVTIMEO, CP_FETCH_TIMEOUT_MS);
        nng_socket_set_ms(c->req, NNG_OPT_SENDTIMEO, CP_FETCH_TIMEOUT_MS);
        /* A larger message is refused by the wire library anyway: nng drops
         * it before it is buffered. */
        nng_socket_set_size(c->req, NNG_OPT_RECVMAXSZ, WIRE_MAX_MESSAGE_BYTES);
        nng_pipe_notify(c->req, NNG_PIPE_EV_ADD_POST, on_connected, c);
        rv = nng_dial(c->req, cfg->control_plane, NULL, NNG_FLAG_NONBLOCK);
        if (rv != 0) nng_close(c->req);
    }
    if (rv != 0) {
        fprintf(stderr, "fedmesh-sidecar: cannot dial the control plane at %s: %s\n",
                cfg->control_plane, nng_strerror(rv));
        usage_free(c->usage);
        free(c);
        return NULL;
    }
    if (pthread_create(&c->thread, NULL, cp_loop, c) != 0) {
        close_all(c);
        return NULL;
    }
    return c;
}

void cpclient_stop(cpclient *c)
{
    if (!c) return;
    atomic_store(&c->stopping, 1);
    pthread_join(c->thread, NULL);
    close_all(c);
}
