/* publisher_test.c: the three nng sockets against real peers in the test:
 * a SUB gets announcements, a REQ fetches (none yet, up to date, an
 * envelope, a malformed request), a PUSH sends report frames (good ones
 * reach the callback, bad ones are counted and explained). */
#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/protocol/pubsub0/sub.h>
#include <nng/protocol/reqrep0/req.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "freeport.h"
#include "ftest.h"
#include "poller.h"
#include "publisher.h"
#include "waitfor.h"
#include "wire_envelope.h"
#include "wire_fetch.h"

static char err[512];
static const pub_addresses local = {
    "tcp://127.0.0.1:0", "tcp://127.0.0.1:0", "tcp://127.0.0.1:0", "", "", ""};

static bool recv_within(nng_socket s, char **buf, size_t *len, int ms)
{
    uint64_t end = poller_monotonic_ms() + (uint64_t)ms;
    while (poller_monotonic_ms() < end) {
        if (nng_recv(s, buf, len, NNG_FLAG_NONBLOCK | NNG_FLAG_ALLOC) == 0) return true;
        usleep(2000);
    }
    return false;
}

TEST(announcements_reach_subscribers)
{
    publisher p;
    CHECK(pub_start(&p, &local, err, sizeof err));
    CHECK(strncmp(p.publish_url, "tcp://127.0.0.1:", 16) == 0);
    CHECK(strcmp(p.publish_url, "tcp://127.0.0.1:0") != 0);
    nng_socket sub;
    CHECK(nng_sub0_open(&sub) == 0);
    CHECK(nng_socket_set(sub, NNG_OPT_SUB_SUBSCRIBE, "", 0) == 0);
    CHECK(nng_dial(sub, p.publish_url, NULL, 0) == 0);
    char *buf = NULL;
    size_t len = 0;
    bool got = false;
    for (int i = 0; i < 500 && !got; i++) { /* until the subscription is connected */
        CHECK(pub_announce(&p, "envelope-1", 10));
        got = recv_within(sub, &buf, &len, 20);
    }
    CHECK(got && len == 10 && memcmp(buf, "envelope-1", 10) == 0);
    if (got) nng_free(buf, len);
    CHECK(p.announcements >= 1);
    nng_close(sub);
    pub_stop(&p);
}

/* Sends a request and serves until the reply arrives; the reply decoded. */
static Fedmesh__FetchReply *fetch(publisher *p, nng_socket req, arena *a, const void *body,
                                  size_t len, const Fedmesh__BundleEnvelope *current)
{
    CHECK(nng_send(req, (void *)body, len, 0) == 0);
    uint64_t end = poller_monotonic_ms() + WAITFOR_PATIENCE_MS;
    while (poller_monotonic_ms() < end) {
        pub_serve_fetches(p, current);
        char *buf = NULL;
        size_t n = 0;
        if (nng_recv(req, &buf, &n, NNG_FLAG_NONBLOCK | NNG_FLAG_ALLOC) == 0) {
            wire_reason why;
            Fedmesh__FetchReply *r = wire_fetch_reply_decode(a, (uint8_t *)buf, n, &why);
            nng_free(buf, n);
            CHECK(r != NULL);
            return r;
        }
        usleep(1000);
    }
    CHECK(!"no reply");
    return NULL;
}

/* The publisher tells the publish and report URLs, not the fetch one, so
 * the tests bind the fetch socket to a known free port. */
TEST(fetches)
{
    char fetch_url[64];
    snprintf(fetch_url, sizeof fetch_url, "tcp://127.0.0.1:%d", freeport_take());
    pub_addresses addrs = local;
    addrs.fetch = fetch_url;
    addrs.advertise_host = "cp.example";
    publisher p;
    CHECK(pub_start(&p, &addrs, err, sizeof err));
    CHECK(strncmp(p.publish_url, "tcp://cp.example:", 17) == 0);
    CHECK(strncmp(p.report_url, "tcp://cp.example:", 17) == 0);
    nng_socket req;
    CHECK(nng_req0_open(&req) == 0);
    nng_socket_set_ms(req, NNG_OPT_SENDTIMEO, 10000); /* fail, never hang */
    CHECK(nng_dial(req, fetch_url, NULL, 0) == 0);
    arena a;
    arena_init(&a, 0);
    sbuf body;
    sbuf_init(&body);
    wire_fetch_request_encode("s1", 0, &body);

    Fedmesh__FetchReply *r = fetch(&p, req, &a, body.data, body.len, NULL);
    CHECK(r && !r->up_to_date && !r->envelope);
    CHECK_STR(r ? r->error : NULL, "no bundle composed yet");
    CHECK_STR(r ? r->publish_url : NULL, p.publish_url);
    CHECK_STR(r ? r->report_url : NULL, p.report_url);

    Fedmesh__BundleEnvelope env = FEDMESH__BUNDLE_ENVELOPE__INIT;
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha, 4, (const uint8_t *)"bundle-bytes", 12);
    r = fetch(&p, req, &a, body.data, body.len, &env);
    CHECK(r && r->envelope && r->envelope->version == 4);
    CHECK(r && r->envelope && r->envelope->bundle.len == 12);
    CHECK_STR(r && r->envelope ? r->envelope->sha256 : NULL, sha);

    sbuf_reset(&body);
    wire_fetch_request_encode("s1", 4, &body);
    r = fetch(&p, req, &a, body.data, body.len, &env);
    CHECK(r && r->up_to_date && !r->envelope);

    r = fetch(&p, req, &a, "\xff\xff\xff", 3, &env);
    CHECK(r && !r->envelope);
    CHECK(r && r->error && strncmp(r->error, "bad fetch request: ", 19) == 0);
    CHECK_INT(p.fetch_errors, 1);
    CHECK_INT(p.fetches, 4);

    sbuf_free(&body);
    arena_free(&a);
    nng_close(req);
    pub_stop(&p);
}

typedef struct seen {
    int reports, drops;
    char last[256];
} seen;

static void on_report(void *ctx, const wire_report *r)
{
    seen *s = ctx;
    s->reports++;
    if (r->type == WIRE_REPORT_ACK)
        snprintf(s->last, sizeof s->last, "ack %s %llu", r->ack.sidecar,
                 (unsigned long long)r->ack.version);
}

static void on_drop(void *ctx, const char *reason)
{
    seen *s = ctx;
    s->drops++;
    snprintf(s->last, sizeof s->last, "drop: %s", reason);
}

static void drain_until(publisher *p, seen *s, int total)
{
    uint64_t end = poller_monotonic_ms() + WAITFOR_PATIENCE_MS;
    while (s->reports + s->drops < total && poller_monotonic_ms() < end) {
        pub_drain_reports(p, on_report, on_drop, s);
        usleep(1000);
    }
}

TEST(reports)
{
    publisher p;
    CHECK(pub_start(&p, &local, err, sizeof err));
    nng_socket push;
    CHECK(nng_push0_open(&push) == 0);
    CHECK(nng_dial(push, p.report_url, NULL, 0) == 0);
    wire_report ack = {.type = WIRE_REPORT_ACK};
    ack.ack = (wire_ack){"s1", "127.0.0.1:5001", 9,
                         "0000000000000000000000000000000000000000000000000000000000000000", 5};
    sbuf frame;
    sbuf_init(&frame);
    wire_report_encode(&ack, &frame);
    CHECK(nng_send(push, frame.data, frame.len, 0) == 0);
    seen s = {0};
    drain_until(&p, &s, 1);
    CHECK_INT(s.reports, 1);
    CHECK_STR(s.last, "ack s1 9");
    CHECK(nng_send(push,
                   "\x81\xa4"
                   "type"
                   "\xa3"
                   "bad",
                   10, 0) == 0);
    drain_until(&p, &s, 2);
    CHECK_INT(s.drops, 1);
    CHECK(strncmp(s.last, "drop: ", 6) == 0);
    CHECK_INT(p.report_frames, 1);
    CHECK_INT(p.report_frames_dropped, 1);
    int rep_fd = -1, pull_fd = -1;
    CHECK(pub_wait_fds(&p, &rep_fd, &pull_fd));
    CHECK(rep_fd >= 0 && pull_fd >= 0);
    sbuf_free(&frame);
    nng_close(push);
    pub_stop(&p);
}

/* tls+tcp://: a sidecar that dials with TLS fetches as over tcp://. */
TEST(fetch_over_tls)
{
    char url[64];
    snprintf(url, sizeof url, "tls+tcp://127.0.0.1:%d", freeport_take());
    pub_addresses addrs = local;
    addrs.fetch = url;
    addrs.tls_cert_file = "tests/fixtures/tls/cert.pem";
    addrs.tls_key_file = "tests/fixtures/tls/key.pem";
    publisher p;
    CHECK(pub_start(&p, &addrs, err, sizeof err));
    nng_socket req;
    CHECK(nng_req0_open(&req) == 0);
    nng_socket_set_ms(req, NNG_OPT_SENDTIMEO, 10000); /* fail, never hang */
    nng_tls_config *tls = NULL;
    CHECK(nng_tls_config_alloc(&tls, NNG_TLS_MODE_CLIENT) == 0);
    CHECK(nng_tls_config_auth_mode(tls, NNG_TLS_AUTH_MODE_NONE) == 0);
    nng_dialer d;
    CHECK(nng_dialer_create(&d, req, url) == 0);
    CHECK(nng_dialer_set_ptr(d, NNG_OPT_TLS_CONFIG, tls) == 0);
    CHECK(nng_dialer_start(d, 0) == 0);
    arena a;
    arena_init(&a, 0);
    sbuf body;
    sbuf_init(&body);
    wire_fetch_request_encode("s1", 0, &body);
    Fedmesh__FetchReply *r = fetch(&p, req, &a, body.data, body.len, NULL);
    CHECK_STR(r ? r->error : NULL, "no bundle composed yet");
    sbuf_free(&body);
    arena_free(&a);
    nng_close(req);
    nng_tls_config_free(tls);
    pub_stop(&p);
    addrs.tls_key_file = "tests/fixtures/tls/cert.pem"; /* not a key */
    CHECK(!pub_start(&p, &addrs, err, sizeof err));
    CHECK(strncmp(err,
                  "TLS certificate tests/fixtures/tls/cert.pem / key "
                  "tests/fixtures/tls/cert.pem: ",
                  77) == 0);
}

TEST(start_failures)
{
    char url[64];
    snprintf(url, sizeof url, "tcp://127.0.0.1:%d", freeport_take());
    pub_addresses addrs = local;
    addrs.fetch = url;
    publisher a, b;
    CHECK(pub_start(&a, &addrs, err, sizeof err));
    CHECK(!pub_start(&b, &addrs, err, sizeof err));
    char want[128];
    snprintf(want, sizeof want, "cannot bind the fetch socket to %s: Address in use", url);
    CHECK_STR(err, want);
    pub_stop(&a);
    addrs = local;
    addrs.report = "tcp://";
    CHECK(!pub_start(&b, &addrs, err, sizeof err));
    CHECK(strncmp(err, "cannot ", 7) == 0);
    addrs = local;
    addrs.publish = "tls+tcp://127.0.0.1:0";
    addrs.tls_cert_file = "/nonexistent/cert.pem";
    addrs.tls_key_file = "/nonexistent/key.pem";
    CHECK(!pub_start(&b, &addrs, err, sizeof err));
    CHECK_STR(err, "/nonexistent/cert.pem: No such file or directory");
}

TEST_MAIN(RUN(announcements_reach_subscribers); RUN(fetches); RUN(reports); RUN(fetch_over_tls);
          RUN(start_failures); nng_fini();)
