/* cpclient_test.c: the control-plane client against a fake control plane
 * (nng REP, PUB and PULL in this process): the fetch at start, swaps from
 * announcements with their acks, every kind of rejection with its reason,
 * older versions ignored, heartbeats, usage frames, the state directory
 * (written after a swap, served when the control plane is silent at start,
 * a corrupt file refused) and catching up when the control plane answers. */
#include "cpclient.h"

#include <nng/nng.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/reqrep0/rep.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "bundle_store.h"
#include "ftest.h"
#include "mesh_testutil.h"
#include "sg_codec.h"
#include "waitfor.h"
#include "wire_envelope.h"
#include "wire_fetch.h"
#include "wire_report.h"

typedef struct fake_cp {
    nng_socket rep, pub, pull;
    char fetch_url[64], publish_url[64], report_url[64];
    pthread_t thread;
    atomic_int stop;
    atomic_int answering;   /* 0: fetches go unanswered, as if it were down */
    atomic_int subscribers; /* SUB pipes the PUB socket sends to */
    pthread_mutex_t lock;
    sbuf bundle; /* current serialised PlanBundle */
    uint64_t version;
} fake_cp;

/* Listens at url, or on a free port when url is "" (then written there). */
static void listen_at(nng_socket s, char *url)
{
    nng_listener l;
    nng_sockaddr sa;
    if (nng_listen(s, *url ? url : "tcp://127.0.0.1:0", &l, 0) != 0 ||
        nng_listener_get_addr(l, NNG_OPT_LOCADDR, &sa) != 0)
        abort();
    snprintf(url, 64, "tcp://127.0.0.1:%d", ntohs(sa.s_in.sa_port));
}

static void make_bundle(uint64_t version, const char *sdl, sbuf *out)
{
    Fedmesh__PlanBundle pb = FEDMESH__PLAN_BUNDLE__INIT;
    pb.version = version;
    pb.supergraph_sdl = (char *)sdl;
    wire_bundle_encode(&pb, out);
}

/* An envelope of `sdl` as `version` with one precompiled plan of `query`
 * whose plan bytes are `plan_bytes`, published. */
static void fake_announce_with_plan(fake_cp *f, uint64_t version, const char *sdl,
                                    const char *query, const char *plan_bytes)
{
    Fedmesh__PlanBundle pb = FEDMESH__PLAN_BUNDLE__INIT;
    Fedmesh__PrecompiledPlan pp = FEDMESH__PRECOMPILED_PLAN__INIT;
    Fedmesh__PrecompiledPlan *plans[1] = {&pp};
    pp.query = (char *)query;
    pp.operation_name = "";
    pp.plan = (ProtobufCBinaryData){.len = strlen(plan_bytes), .data = (uint8_t *)plan_bytes};
    pb.version = version;
    pb.supergraph_sdl = (char *)sdl;
    pb.n_plans = 1;
    pb.plans = plans;
    sbuf bytes, env;
    sbuf_init(&bytes);
    sbuf_init(&env);
    wire_bundle_encode(&pb, &bytes);
    wire_envelope_encode(version, (uint8_t *)bytes.data, bytes.len, &env);
    nng_send(f->pub, env.data, env.len, 0);
    sbuf_free(&bytes);
    sbuf_free(&env);
}

/* An envelope of `sdl` as `version` with a supergraph image, published. */
static void fake_announce_with_image(fake_cp *f, uint64_t version, const char *sdl,
                                     const void *image, size_t len)
{
    Fedmesh__PlanBundle pb = FEDMESH__PLAN_BUNDLE__INIT;
    pb.version = version;
    pb.supergraph_sdl = (char *)sdl;
    pb.supergraph_image = (ProtobufCBinaryData){.len = len, .data = (uint8_t *)image};
    pb.supergraph_image_format = SG_CODEC_VERSION;
    sbuf bytes, env;
    sbuf_init(&bytes);
    sbuf_init(&env);
    wire_bundle_encode(&pb, &bytes);
    wire_envelope_encode(version, (uint8_t *)bytes.data, bytes.len, &env);
    nng_send(f->pub, env.data, env.len, 0);
    sbuf_free(&bytes);
    sbuf_free(&env);
}

static void *fake_serve(void *arg)
{
    fake_cp *f = arg;
    while (!atomic_load(&f->stop)) {
        char *buf;
        size_t len;
        if (nng_recv(f->rep, &buf, &len, NNG_FLAG_ALLOC) != 0) continue;
        nng_free(buf, len);
        if (!atomic_load(&f->answering)) continue; /* REP drops it: the REQ side times out */
        Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
        Fedmesh__BundleEnvelope env = FEDMESH__BUNDLE_ENVELOPE__INIT;
        char sha[WIRE_SHA256_HEX_SIZE];
        reply.publish_url = f->publish_url;
        reply.report_url = f->report_url;
        sbuf out;
        sbuf_init(&out);
        pthread_mutex_lock(&f->lock);
        if (f->version) {
            wire_envelope_init(&env, sha, f->version, (uint8_t *)f->bundle.data, f->bundle.len);
            reply.envelope = &env;
        } else {
            reply.error = "no bundle composed yet";
        }
        wire_fetch_reply_encode(&reply, &out);
        pthread_mutex_unlock(&f->lock);
        nng_send(f->rep, out.data, out.len, 0);
        sbuf_free(&out);
    }
    return NULL;
}

/* Counts the subscribers the PUB socket has started sending to (after
 * ADD_POST nothing published is lost to that subscriber). */
static void on_pub_pipe(nng_pipe pipe, nng_pipe_ev ev, void *arg)
{
    (void)pipe;
    fake_cp *f = arg;
    atomic_fetch_add(&f->subscribers, ev == NNG_PIPE_EV_ADD_POST ? 1 : -1);
}

/* Starts a fake control plane at the addresses already in f (a restart) or
 * on free ports when they are "". */
static void fake_start_at(fake_cp *f, bool answering)
{
    pthread_mutex_init(&f->lock, NULL);
    sbuf_init(&f->bundle);
    f->version = 0;
    atomic_store(&f->stop, 0);
    atomic_store(&f->answering, answering);
    atomic_store(&f->subscribers, 0);
    if (nng_rep0_open(&f->rep) || nng_pub0_open(&f->pub) || nng_pull0_open(&f->pull)) abort();
    nng_pipe_notify(f->pub, NNG_PIPE_EV_ADD_POST, on_pub_pipe, f);
    nng_pipe_notify(f->pub, NNG_PIPE_EV_REM_POST, on_pub_pipe, f);
    nng_socket_set_ms(f->rep, NNG_OPT_RECVTIMEO, 50);
    listen_at(f->rep, f->fetch_url);
    listen_at(f->pub, f->publish_url);
    listen_at(f->pull, f->report_url);
    pthread_create(&f->thread, NULL, fake_serve, f);
}

static void fake_start(fake_cp *f, bool answering)
{
    memset(f, 0, sizeof *f);
    fake_start_at(f, answering);
}

static void fake_stop(fake_cp *f)
{
    atomic_store(&f->stop, 1);
    pthread_join(f->thread, NULL);
    nng_close(f->rep);
    nng_close(f->pub);
    nng_close(f->pull);
    sbuf_free(&f->bundle);
    pthread_mutex_destroy(&f->lock);
}

/* Makes `sdl` the bundle fetches return, as `version`. */
static void fake_set(fake_cp *f, uint64_t version, const char *sdl)
{
    pthread_mutex_lock(&f->lock);
    sbuf_reset(&f->bundle);
    make_bundle(version, sdl, &f->bundle);
    f->version = version;
    pthread_mutex_unlock(&f->lock);
}

/* Publishes an envelope of `sdl` as `version`; `flip` corrupts the last byte. */
static void fake_announce(fake_cp *f, uint64_t version, const char *sdl, bool flip)
{
    sbuf pb, env;
    sbuf_init(&pb);
    sbuf_init(&env);
    make_bundle(version, sdl, &pb);
    wire_envelope_encode(version, (uint8_t *)pb.data, pb.len, &env);
    if (flip) env.data[env.len - 1] ^= 0x20;
    nng_send(f->pub, env.data, env.len, 0);
    sbuf_free(&pb);
    sbuf_free(&env);
}

/* The next report of `type` within timeout_ms (others are skipped), decoded
 * into a; false when none came. */
static bool next_report(fake_cp *f, wire_report_type type, long timeout_ms, arena *a,
                        wire_report *out)
{
    long until = waitfor_now_ms() + timeout_ms;
    nng_socket_set_ms(f->pull, NNG_OPT_RECVTIMEO, 50);
    while (waitfor_now_ms() < until) {
        char *buf;
        size_t len;
        if (nng_recv(f->pull, &buf, &len, NNG_FLAG_ALLOC) != 0) continue;
        wire_reason why;
        bool ok = wire_report_decode(a, (uint8_t *)buf, len, out, &why);
        nng_free(buf, len);
        if (ok && out->type == type) return true;
    }
    return false;
}

static uint64_t served_version(bundle_slot *s)
{
    bundle *b = bundle_slot_acquire(s);
    uint64_t v = b ? b->version : 0;
    bundle_release(b);
    return v;
}

static bool wait_version(bundle_slot *s, uint64_t version, long timeout_ms)
{
    long until = waitfor_now_ms() + timeout_ms;
    while (served_version(s) != version) {
        if (waitfor_now_ms() > until) return false;
        waitfor_sleep_ms(20);
    }
    return true;
}

/* Announces until the client serves it (SUB may not be connected yet). */
static bool announce_until_served(fake_cp *f, bundle_slot *s, uint64_t version, const char *sdl)
{
    for (int i = 0; i < 200; i++) {
        fake_announce(f, version, sdl, false);
        if (wait_version(s, version, 100)) return true;
    }
    return false;
}

typedef struct client_fixture {
    bundle_slot slot;
    mesh_counters counters;
    atomic_int swaps;
    char dir[64];
    cpclient_config cfg;
} client_fixture;

static void on_swap(void *ctx)
{
    client_fixture *c = ctx;
    atomic_fetch_add(&c->swaps, 1);
}

static void fixture_init(client_fixture *c, const fake_cp *f)
{
    memset(c, 0, sizeof *c);
    bundle_slot_init(&c->slot);
    snprintf(c->dir, sizeof c->dir, "/tmp/fm-cpclient-XXXXXX");
    if (!mkdtemp(c->dir)) abort();
    c->cfg = (cpclient_config){.control_plane = f->fetch_url,
                               .id = "test-sidecar",
                               .admin = "127.0.0.1:9901",
                               .listen = "127.0.0.1:9900",
                               .state_dir = c->dir,
                               .bundles = &c->slot,
                               .counters = &c->counters,
                               .on_swap = on_swap,
                               .ctx = c,
                               .fetch_interval_ms = 300,
                               .start_timeout_ms = 300};
}

static void fixture_free(client_fixture *c)
{
    bundle_slot_destroy(&c->slot);
    char path[128];
    snprintf(path, sizeof path, "%s/bundle.pb", c->dir);
    unlink(path);
    rmdir(c->dir);
}

TEST(fetch_then_announcements)
{
    fake_cp f;
    fake_start(&f, true);
    char *sdl1 = tm_supergraph(1, "hello: String"), *sdl2 = tm_supergraph(1, "hello: Int");
    fake_set(&f, 1, sdl1);
    client_fixture c;
    fixture_init(&c, &f);
    cpclient *cp = cpclient_start(&c.cfg);
    CHECK(cp != NULL);
    CHECK(wait_version(&c.slot, 1, WAITFOR_PATIENCE_MS));
    arena a;
    arena_init(&a, 4096);
    wire_report r;
    CHECK(next_report(&f, WIRE_REPORT_ACK, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.ack.version, 1);
    CHECK_STR(r.ack.sidecar, "test-sidecar");
    CHECK_STR(r.ack.admin, "127.0.0.1:9901");
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_sha256_hex(f.bundle.data, f.bundle.len, sha);
    CHECK_STR(r.ack.sha256, sha);
    CHECK(announce_until_served(&f, &c.slot, 2, sdl2));
    CHECK(next_report(&f, WIRE_REPORT_ACK, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.ack.version, 2);
    CHECK(next_report(&f, WIRE_REPORT_HEARTBEAT, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.heartbeat.version, 2);
    CHECK_STR(r.heartbeat.listen, "127.0.0.1:9900");
    CHECK_INT(atomic_load(&c.swaps), 2);
    CHECK(atomic_load(&c.counters.last_contact_ms) > 1700000000000);
    bundle *b = bundle_slot_acquire(&c.slot);
    CHECK_STR(bundle_source_name(b->source), "control-plane");
    bundle_release(b);
    /* The state directory holds the last good envelope: version 2. */
    sbuf err;
    sbuf_init(&err);
    size_t len = 0;
    uint8_t *data = store_load(c.dir, &len, &err);
    wire_reason why;
    const Fedmesh__BundleEnvelope *env = data ? wire_envelope_decode(&a, data, len, &why) : NULL;
    CHECK(env && env->version == 2);
    free(data);
    sbuf_free(&err);
    cpclient_stop(cp);
    arena_free(&a);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl1);
    free(sdl2);
}

/* Starts a client without a state directory on f serving version 4 of
 * sdl, and waits until it serves it and its SUB is connected, so that what f
 * announces next reaches it. */
static cpclient *start_subscribed(fake_cp *f, client_fixture *c, const char *sdl)
{
    fake_set(f, 4, sdl);
    fixture_init(c, f);
    c->cfg.state_dir = NULL;
    cpclient *cp = cpclient_start(&c->cfg);
    CHECK(wait_version(&c->slot, 4, WAITFOR_PATIENCE_MS));
    WAIT_FOR(atomic_load(&f->subscribers) == 1);
    CHECK_INT(atomic_load(&f->subscribers), 1);
    return cp;
}

TEST(rejections_keep_the_old_bundle)
{
    fake_cp f;
    fake_start(&f, true);
    char *sdl = tm_supergraph(1, "hello: String");
    client_fixture c;
    cpclient *cp = start_subscribed(&f, &c, sdl);
    arena a;
    arena_init(&a, 4096);
    wire_report r;
    CHECK(next_report(&f, WIRE_REPORT_HEARTBEAT, WAITFOR_PATIENCE_MS, &a, &r)); /* reports too */
    /* Bytes changed in transit: the hash does not match. */
    fake_announce(&f, 5, sdl, true);
    CHECK(next_report(&f, WIRE_REPORT_REJECT, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.reject.version, 5);
    CHECK_STR(r.reject.sidecar, "test-sidecar");
    CHECK(strncmp(r.reject.reason, "bundle sha256 is ", 17) == 0);
    /* A supergraph that does not load: rejected once, not again. */
    fake_announce(&f, 6, "type Query {", false);
    CHECK(next_report(&f, WIRE_REPORT_REJECT, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.reject.version, 6);
    CHECK_STR(r.reject.reason,
              "the supergraph does not load: 1:13: Syntax Error: Expected Name, found <EOF>.");
    fake_announce(&f, 6, "type Query {", false);
    /* A precompiled plan that does not decode. */
    fake_announce_with_plan(&f, 7, sdl, "{ hello }", "not a plan");
    CHECK(next_report(&f, WIRE_REPORT_REJECT, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.reject.version, 7);
    CHECK(strncmp(r.reject.reason, "precompiled plan 0 does not decode: ", 36) == 0);
    /* An older version: ignored, no frame. */
    fake_announce(&f, 3, sdl, false);
    CHECK(!next_report(&f, WIRE_REPORT_REJECT, 500, &a, &r));
    /* Not an envelope at all. */
    nng_send(f.pub, "\xff\xff", 2, 0);
    CHECK(next_report(&f, WIRE_REPORT_REJECT, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.reject.version, 0);
    CHECK_INT(served_version(&c.slot), 4);
    CHECK_INT(atomic_load(&c.counters.rejections), 4);
    CHECK_INT(atomic_load(&c.swaps), 1);
    cpclient_stop(cp);
    arena_free(&a);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl);
}

/* A bundle with a supergraph image is served from it; one whose image does
 * not decode is rejected with the decoder's reason, and the old bundle
 * keeps serving. */
TEST(supergraph_images)
{
    fake_cp f;
    fake_start(&f, true);
    char *sdl = tm_supergraph(1, "hello: String");
    client_fixture c;
    cpclient *cp = start_subscribed(&f, &c, sdl);
    arena a;
    arena_init(&a, 4096);
    wire_report r;
    fake_announce_with_image(&f, 5, sdl, "FMSG\x01", 5);
    CHECK(next_report(&f, WIRE_REPORT_REJECT, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.reject.version, 5);
    CHECK_STR(r.reject.reason,
              "the supergraph image does not decode: Invalid supergraph image: cut short");
    CHECK_INT(served_version(&c.slot), 4);
    diag_list errs;
    diag_init(&errs, &a);
    sbuf image;
    sbuf_init(&image);
    sg_encode(sg_load(&a, sdl, strlen(sdl), &errs), &image);
    fake_announce_with_image(&f, 6, sdl, image.data, image.len);
    CHECK(wait_version(&c.slot, 6, WAITFOR_PATIENCE_MS));
    bundle *b = bundle_slot_acquire(&c.slot);
    CHECK(b && b->from_image);
    bundle_release(b);
    cpclient_stop(cp);
    sbuf_free(&image);
    arena_free(&a);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl);
}

TEST(disk_when_silent_then_catch_up)
{
    fake_cp f;
    fake_start(&f, false);
    client_fixture c;
    fixture_init(&c, &f);
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf pb, env, err;
    sbuf_init(&pb);
    sbuf_init(&env);
    sbuf_init(&err);
    make_bundle(5, sdl, &pb);
    wire_envelope_encode(5, (uint8_t *)pb.data, pb.len, &env);
    CHECK(store_save(c.dir, (uint8_t *)env.data, env.len, &err));
    cpclient *cp = cpclient_start(&c.cfg);
    CHECK(wait_version(&c.slot, 5, WAITFOR_PATIENCE_MS));
    bundle *b = bundle_slot_acquire(&c.slot);
    CHECK_STR(bundle_source_name(b->source), "disk");
    bundle_release(b);
    CHECK(atomic_load(&c.counters.fetch_failures) >= 1);
    CHECK_INT(atomic_load(&c.counters.last_contact_ms), 0);
    /* The control plane is back, with a newer bundle. */
    fake_set(&f, 6, sdl);
    atomic_store(&f.answering, 1);
    CHECK(wait_version(&c.slot, 6, WAITFOR_PATIENCE_MS));
    b = bundle_slot_acquire(&c.slot);
    CHECK_STR(bundle_source_name(b->source), "control-plane");
    bundle_release(b);
    arena a;
    arena_init(&a, 4096);
    wire_report r;
    CHECK(next_report(&f, WIRE_REPORT_ACK, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_INT(r.ack.version, 6);
    cpclient_stop(cp);
    arena_free(&a);
    sbuf_free(&pb);
    sbuf_free(&env);
    sbuf_free(&err);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl);
}

TEST(disk_when_no_bundle_composed_yet)
{
    fake_cp f;
    fake_start(&f, true); /* answers, but with "no bundle composed yet" */
    client_fixture c;
    fixture_init(&c, &f);
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf pb, env, err;
    sbuf_init(&pb);
    sbuf_init(&env);
    sbuf_init(&err);
    make_bundle(9, sdl, &pb);
    wire_envelope_encode(9, (uint8_t *)pb.data, pb.len, &env);
    CHECK(store_save(c.dir, (uint8_t *)env.data, env.len, &err));
    cpclient *cp = cpclient_start(&c.cfg);
    CHECK(wait_version(&c.slot, 9, WAITFOR_PATIENCE_MS));
    /* The answer may come after the start timeout on a loaded machine. */
    WAIT_FOR(atomic_load(&c.counters.last_contact_ms) > 0);
    CHECK(atomic_load(&c.counters.last_contact_ms) > 0);
    cpclient_stop(cp);
    sbuf_free(&pb);
    sbuf_free(&env);
    sbuf_free(&err);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl);
}

TEST(corrupt_disk_file_is_refused)
{
    fake_cp f;
    fake_start(&f, false);
    client_fixture c;
    fixture_init(&c, &f);
    sbuf err;
    sbuf_init(&err);
    CHECK(store_save(c.dir, (const uint8_t *)"\x08\x05\x12\x03zzz", 7, &err));
    cpclient *cp = cpclient_start(&c.cfg);
    WAIT_FOR(atomic_load(&c.counters.rejections) > 0);
    CHECK_INT(atomic_load(&c.counters.rejections), 1);
    CHECK(!bundle_slot_peek(&c.slot));
    cpclient_stop(cp);
    sbuf_free(&err);
    fixture_free(&c);
    fake_stop(&f);
}

/* A control plane that restarts (with a newer bundle) is fetched from as
 * soon as the connection is back, not a fetch interval later. */
TEST(fetch_at_once_when_the_control_plane_returns)
{
    fake_cp f;
    fake_start(&f, true);
    char *sdl = tm_supergraph(1, "hello: String");
    fake_set(&f, 1, sdl);
    client_fixture c;
    fixture_init(&c, &f);
    c.cfg.state_dir = NULL;
    c.cfg.fetch_interval_ms = 60000;
    cpclient *cp = cpclient_start(&c.cfg);
    CHECK(wait_version(&c.slot, 1, WAITFOR_PATIENCE_MS));
    waitfor_sleep_ms(300); /* the fetches the first connections caused are done */
    fake_stop(&f);
    waitfor_sleep_ms(300);
    fake_start_at(&f, true); /* same addresses */
    fake_set(&f, 2, sdl);
    CHECK(wait_version(&c.slot, 2, WAITFOR_PATIENCE_MS));
    cpclient_stop(cp);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl);
}

static void fill_usage(void *ctx, usage_map *into)
{
    (void)ctx;
    usage_count(into, 1, "{ a }", 5, NULL, 3);
    usage_count(into, 2, "query B { b }", 13, "B", 5);
}

TEST(usage_frames_list_the_top_operations)
{
    fake_cp f;
    fake_start(&f, true);
    char *sdl = tm_supergraph(1, "hello: String");
    fake_set(&f, 1, sdl);
    client_fixture c;
    fixture_init(&c, &f);
    c.cfg.collect_usage = fill_usage;
    c.cfg.usage_interval_ms = 200;
    cpclient *cp = cpclient_start(&c.cfg);
    arena a;
    arena_init(&a, 4096);
    wire_report r;
    CHECK(next_report(&f, WIRE_REPORT_USAGE, WAITFOR_PATIENCE_MS, &a, &r));
    CHECK_STR(r.usage.sidecar, "test-sidecar");
    CHECK_INT(r.usage.nops, 2);
    if (r.usage.nops == 2) {
        CHECK_STR(r.usage.ops[0].query, "query B { b }");
        CHECK_STR(r.usage.ops[0].operation_name, "B");
        CHECK_INT(r.usage.ops[0].count, 5);
        CHECK_STR(r.usage.ops[1].query, "{ a }");
        CHECK(r.usage.ops[1].operation_name == NULL);
        CHECK_INT(r.usage.ops[1].count, 3); /* per interval, not accumulated */
    }
    cpclient_stop(cp);
    arena_free(&a);
    fixture_free(&c);
    fake_stop(&f);
    free(sdl);
}

TEST(refuses_to_start)
{
    bundle_slot s;
    bundle_slot_init(&s);
    mesh_counters m = {0};
    cpclient_config cfg = {.control_plane = "nowhere", .id = "x", .bundles = &s, .counters = &m};
    CHECK(!cpclient_start(&cfg));
    cfg.control_plane = "tcp://127.0.0.1:9";
    cfg.state_dir = "/nonexistent/state"; /* cannot be made */
    CHECK(!cpclient_start(&cfg));
    bundle_slot_destroy(&s);
}

TEST_MAIN(RUN(fetch_then_announcements); RUN(rejections_keep_the_old_bundle);
          RUN(supergraph_images); RUN(disk_when_silent_then_catch_up);
          RUN(disk_when_no_bundle_composed_yet); RUN(corrupt_disk_file_is_refused);
          RUN(fetch_at_once_when_the_control_plane_returns);
          RUN(usage_frames_list_the_top_operations); RUN(refuses_to_start);)
