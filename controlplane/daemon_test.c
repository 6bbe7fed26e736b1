/* daemon_test.c: the whole control plane in this process, driven as the
 * fleet drives it: a sidecar's REQ, SUB and PUSH sockets and the admin API.
 * Subgraph SDLs come from files the test rewrites. Checks: the first
 * version, a change announced as the next one with its plans (registered and
 * reported operations), reports on /v1/sidecars, a change that does not
 * compose is not published and shows its error, rollback, SIGTERM, and a
 * restart that restores the current bundle and continues the sequence. */
#include <curl/curl.h>
#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/protocol/pubsub0/sub.h>
#include <nng/protocol/reqrep0/req.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "daemon.h"
#include "fileio.h"
#include "freeport.h"
#include "ftest.h"
#include "poller.h"
#include "waitfor.h"
#include "wire_envelope.h"
#include "wire_fetch.h"
#include "wire_report.h"

static const char products_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Query { products: [Product] }\n"
    "type Product @key(fields: \"upc\") { upc: String! name: String }\n";
static const char prices_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Product @key(fields: \"upc\") { upc: String! price: Int }\n";
static const char prices_v2_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Product @key(fields: \"upc\") { upc: String! price: Int currency: String }\n";
static const char clashing_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Product @key(fields: \"upc\") { upc: String! name: Int }\n";

static char dir[64], config_path[128], fetch_url[64];
static int admin_port;
static pthread_t daemon_thread;
static arena test_arena;

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    CHECK(fio_write_atomic(path, text, strlen(text)));
}

static void write_config(void)
{
    admin_port = freeport_take();
    snprintf(fetch_url, sizeof fetch_url, "tcp://127.0.0.1:%d", freeport_take());
    char yaml[2048];
    snprintf(yaml, sizeof yaml,
             "state_dir: state\n"
             "admin:\n  listen: 127.0.0.1:%d\n"
             "nng:\n  publish: tcp://127.0.0.1:0\n  fetch: %s\n  report: tcp://127.0.0.1:0\n"
             "poll:\n  interval_ms: 40\n  jitter_ms: 10\n"
             "usage:\n  top: 3\n"
             "operations:\n  - file: top.graphql\n"
             "subgraphs:\n"
             "  - name: products\n    url: http://127.0.0.1:1/graphql\n"
             "    sdl_file: products.graphql\n"
             "  - name: prices\n    url: http://127.0.0.1:2/graphql\n"
             "    sdl_file: prices.graphql\n",
             admin_port, fetch_url);
    put("cp.yaml", yaml);
    put("top.graphql", "query Top { products { name price } }");
    snprintf(config_path, sizeof config_path, "%s/cp.yaml", dir);
}

static void *run_daemon(void *arg)
{
    (void)arg;
    return (void *)(intptr_t)cpd_run(config_path);
}

static void start_daemon(void)
{
    CHECK(pthread_create(&daemon_thread, NULL, run_daemon, NULL) == 0);
}

static int stop_daemon(void)
{
    kill(getpid(), SIGTERM);
    void *rc = NULL;
    pthread_join(daemon_thread, &rc);
    return (int)(intptr_t)rc;
}

/* ---- a sidecar's side ---- */

typedef struct sidecar {
    nng_socket req, sub, push;
} sidecar;

static Fedmesh__FetchReply *fetch(sidecar *s, uint64_t have)
{
    sbuf body;
    sbuf_init(&body);
    wire_fetch_request_encode("sc1", have, &body);
    Fedmesh__FetchReply *reply = NULL;
    char *buf = NULL;
    size_t len = 0;
    if (nng_send(s->req, body.data, body.len, 0) == 0 &&
        nng_recv(s->req, &buf, &len, NNG_FLAG_ALLOC) == 0) {
        wire_reason why;
        reply = wire_fetch_reply_decode(&test_arena, (uint8_t *)buf, len, &why);
        nng_free(buf, len);
    }
    sbuf_free(&body);
    return reply;
}

static Fedmesh__PlanBundle *open_envelope(const Fedmesh__BundleEnvelope *env)
{
    wire_reason why;
    Fedmesh__PlanBundle *b = env ? wire_envelope_open(&test_arena, env, &why) : NULL;
    CHECK(b != NULL);
    return b;
}

/* Fetches until the current version is `version` (WAITFOR_PATIENCE_MS at most). */
static Fedmesh__PlanBundle *fetch_version(sidecar *s, uint64_t version)
{
    uint64_t end = poller_monotonic_ms() + WAITFOR_PATIENCE_MS;
    while (poller_monotonic_ms() < end) {
        Fedmesh__FetchReply *r = fetch(s, 0);
        if (r && r->envelope && r->envelope->version == version) return open_envelope(r->envelope);
        usleep(20000);
    }
    CHECK(!"version never arrived");
    return NULL;
}

static Fedmesh__PlanBundle *announced(sidecar *s, int within_ms)
{
    nng_socket_set_ms(s->sub, NNG_OPT_RECVTIMEO, within_ms);
    char *buf = NULL;
    size_t len = 0;
    if (nng_recv(s->sub, &buf, &len, NNG_FLAG_ALLOC) != 0) return NULL;
    wire_reason why;
    Fedmesh__BundleEnvelope *env = wire_envelope_decode(&test_arena, (uint8_t *)buf, len, &why);
    nng_free(buf, len);
    return open_envelope(env);
}

static void report(sidecar *s, const wire_report *r)
{
    sbuf frame;
    sbuf_init(&frame);
    wire_report_encode(r, &frame);
    CHECK(nng_send(s->push, frame.data, frame.len, 0) == 0);
    sbuf_free(&frame);
}

/* The ids of the pipes the daemon's PUB socket has started, from nng's
 * statistics (the daemon runs in this process). A pipe's statistics appear
 * once the protocol has started it: a subscriber listed here gets every
 * announcement from then on. */
static size_t pub_pipes(uint64_t *ids, size_t max)
{
    nng_stat *all;
    if (nng_stats_get(&all) != 0) return 0;
    uint64_t pub = 0;
    for (nng_stat *st = nng_stat_child(all); st; st = nng_stat_next(st)) {
        nng_stat *protocol = nng_stat_find(st, "protocol"), *id = nng_stat_find(st, "id");
        if (strcmp(nng_stat_name(st), "socket") == 0 && protocol && id &&
            strcmp(nng_stat_string(protocol), "pub") == 0)
            pub = nng_stat_value(id);
    }
    size_t n = 0;
    for (nng_stat *st = nng_stat_child(all); st && pub && n < max; st = nng_stat_next(st)) {
        nng_stat *socket = nng_stat_find(st, "socket"), *id = nng_stat_find(st, "id");
        if (strcmp(nng_stat_name(st), "pipe") == 0 && socket && id && nng_stat_value(socket) == pub)
            ids[n++] = nng_stat_value(id);
    }
    nng_stats_free(all);
    return n;
}

/* true when the PUB socket has a pipe that is not among old[0..nold). */
static bool pub_has_new_pipe(const uint64_t *old, size_t nold)
{
    uint64_t now[16];
    size_t n = pub_pipes(now, 16);
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t j = 0; j < nold; j++)
            seen |= now[i] == old[j];
        if (!seen) return true;
    }
    return false;
}

static void connect_sidecar(sidecar *s)
{
    CHECK(nng_req0_open(&s->req) == 0);
    nng_socket_set_ms(s->req, NNG_OPT_RECVTIMEO, 5000);
    /* A daemon that never came up fails the test instead of hanging it. */
    nng_socket_set_ms(s->req, NNG_OPT_SENDTIMEO, 500);
    CHECK(nng_dial(s->req, fetch_url, NULL, NNG_FLAG_NONBLOCK) == 0);
    Fedmesh__FetchReply *r = NULL;
    for (int i = 0; i < 100 && !r; i++) {
        r = fetch(s, 0);
        if (!r) usleep(20000);
    }
    CHECK(r && r->publish_url && r->report_url);
    if (!r) return;
    CHECK(nng_sub0_open(&s->sub) == 0);
    CHECK(nng_socket_set(s->sub, NNG_OPT_SUB_SUBSCRIBE, "", 0) == 0);
    uint64_t before[16];
    size_t nbefore = pub_pipes(before, 16);
    CHECK(nng_dial(s->sub, r->publish_url, NULL, 0) == 0);
    CHECK(nng_push0_open(&s->push) == 0);
    CHECK(nng_dial(s->push, r->report_url, NULL, 0) == 0);
    WAIT_FOR(pub_has_new_pipe(before, nbefore)); /* the PUB side sends to us now */
    CHECK(pub_has_new_pipe(before, nbefore));
}

static void close_sidecar(sidecar *s)
{
    nng_close(s->req);
    nng_close(s->sub);
    nng_close(s->push);
}

/* ---- the admin API ---- */

static size_t collect(char *data, size_t size, size_t n, void *userp)
{
    sbuf_append(userp, data, size * n);
    return size * n;
}

static const char *http(const char *method, const char *path, const char *body)
{
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", admin_port, path);
    sbuf out;
    sbuf_init(&out);
    CURL *e = curl_easy_init();
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
    if (body) curl_easy_setopt(e, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &out);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 5000L);
    CHECK(curl_easy_perform(e) == CURLE_OK);
    curl_easy_cleanup(e);
    const char *text = arena_strdup(&test_arena, out.data ? out.data : "");
    sbuf_free(&out);
    return text;
}

/* The admin API's answer once it contains `want` (WAITFOR_PATIENCE_MS at most). */
static const char *http_until(const char *path, const char *want)
{
    const char *got = "";
    WAIT_FOR(strstr(got = http("GET", path, NULL), want) != NULL);
    CHECK(strstr(got, want) != NULL);
    return got;
}

/* /v1/status once it shows prices.graphql read as `sdl`. The daemon reads a
 * file and composes in one step under its lock, so by then it has composed
 * (and published, when it did) with it. */
static const char *status_with_prices(const char *sdl)
{
    char sha[WIRE_SHA256_HEX_SIZE], want[128];
    wire_sha256_hex(sdl, strlen(sdl), sha);
    snprintf(want, sizeof want, "\"sdl_sha256\":\"%s\"", sha);
    return http_until("/v1/status", want);
}

static bool has_plan(const Fedmesh__PlanBundle *b, const char *query, const char *name)
{
    for (size_t i = 0; b && i < b->n_plans; i++)
        if (strcmp(b->plans[i]->query, query) == 0 &&
            strcmp(b->plans[i]->operation_name, name) == 0 && b->plans[i]->plan.len > 0)
            return true;
    return false;
}

/* ---- the scenario ---- */

static const char *const sha_zero =
    "0000000000000000000000000000000000000000000000000000000000000000";

TEST(first_version_and_a_change)
{
    put("products.graphql", products_sdl);
    put("prices.graphql", prices_sdl);
    start_daemon();
    sidecar s;
    connect_sidecar(&s);
    Fedmesh__PlanBundle *v1 = fetch_version(&s, 1);
    CHECK(v1 && v1->n_subgraphs == 2);
    CHECK(v1 && strstr(v1->supergraph_sdl, "join__Graph") != NULL);
    CHECK(has_plan(v1, "query Top { products { name price } }", "Top"));
    CHECK(has_plan(v1, "query Top { products { name price } }", ""));

    /* Usage first: the daemon handles frames in order, so once /v1/sidecars
     * shows the heartbeat, the usage counts for the next composition. */
    wire_usage_op used[2] = {{"{ products { upc } }", NULL, 50}, {"{ nothing }", NULL, 9}};
    wire_report r = {.type = WIRE_REPORT_USAGE};
    r.usage = (wire_usage){"sc1", used, 2};
    report(&s, &r);
    r = (wire_report){.type = WIRE_REPORT_ACK};
    r.ack = (wire_ack){"sc1", "127.0.0.1:9001", 1, sha_zero, 42};
    report(&s, &r);
    r = (wire_report){.type = WIRE_REPORT_HEARTBEAT};
    r.heartbeat = (wire_heartbeat){"sc1", "127.0.0.1:9001", 1, "127.0.0.1:4001"};
    report(&s, &r);
    http_until("/v1/sidecars", "\"id\":\"sc1\",\"admin\":\"127.0.0.1:9001\",\"listen\":"
                               "\"127.0.0.1:4001\",\"version\":1");

    put("prices.graphql", prices_v2_sdl);
    Fedmesh__PlanBundle *v2 = announced(&s, WAITFOR_PATIENCE_MS);
    CHECK(v2 && v2->version == 2);
    CHECK(v2 && strstr(v2->supergraph_sdl, "currency") != NULL);
    CHECK(has_plan(v2, "{ products { upc } }", "")); /* reported by the sidecar */
    CHECK(!has_plan(v2, "{ nothing }", ""));         /* does not validate: left out */
    CHECK(has_plan(v2, "query Top { products { name price } }", "Top"));

    r = (wire_report){.type = WIRE_REPORT_REJECT};
    r.reject = (wire_reject){"sc1", "127.0.0.1:9001", 2, sha_zero, "plan 3 does not decode"};
    report(&s, &r);
    http_until("/v1/sidecars",
               "\"rejected\":{\"version\":2,\"reason\":\"plan 3 does not decode\"}");
    close_sidecar(&s);
}

TEST(a_change_that_does_not_compose_is_not_published)
{
    sidecar s;
    connect_sidecar(&s);
    put("prices.graphql", clashing_sdl);
    const char *status = status_with_prices(clashing_sdl);
    CHECK(announced(&s, 500) == NULL);
    CHECK(strncmp(status, "{\"version\":2,", 13) == 0);
    CHECK(strstr(status,
                 "\"composition\":{\"ok\":false,\"errors\":[{\"code\":\"FIELD_TYPE_MISMATCH\"") !=
          NULL);
    CHECK(strstr(status, "\"name\":\"prices\",\"url\":\"http://127.0.0.1:2/graphql\"") != NULL);
    const char *sdl = http("GET", "/v1/supergraph", NULL);
    CHECK(strstr(sdl, "currency: String") != NULL); /* version 2's supergraph still */
    const char *metrics = http("GET", "/metrics", NULL);
    CHECK(strstr(metrics, "fedmesh_controlplane_version 2\n") != NULL);
    CHECK(strstr(metrics, "fedmesh_controlplane_compositions_total{result=\"failed\"} 1\n") !=
          NULL);
    CHECK(strstr(metrics, "fedmesh_controlplane_sidecars{version=\"1\"} 1\n") != NULL);
    close_sidecar(&s);
}

TEST(rollback_is_a_new_version)
{
    sidecar s;
    connect_sidecar(&s);
    const char *answer = http("POST", "/v1/rollback", "{\"version\":1}");
    const char *want = "{\"version\":3,\"rollback_of\":1,\"sha256\":\"";
    CHECK(strncmp(answer, want, strlen(want)) == 0);
    Fedmesh__PlanBundle *v3 = announced(&s, WAITFOR_PATIENCE_MS);
    CHECK(v3 && v3->version == 3);
    CHECK(v3 && strstr(v3->supergraph_sdl, "currency") == NULL);
    CHECK_STR(http("POST", "/v1/rollback", "{\"version\":30}"),
              "{\"error\":\"version 30 is not kept\"}");
    CHECK_INT(stop_daemon(), 0);
    close_sidecar(&s);
}

TEST(a_restart_keeps_the_sequence)
{
    start_daemon();
    sidecar s;
    connect_sidecar(&s);
    Fedmesh__PlanBundle *v3 = fetch_version(&s, 3); /* restored, before any poll result */
    CHECK(v3 && strstr(v3->supergraph_sdl, "currency") == NULL);
    /* back to what runs (3 is 1's content): nothing to publish, the error is over */
    put("prices.graphql", prices_sdl);
    const char *status = status_with_prices(prices_sdl);
    CHECK(announced(&s, 500) == NULL);
    CHECK(strncmp(status, "{\"version\":3,", 13) == 0);
    CHECK(strstr(status, "\"composition\":{\"ok\":true,\"errors\":[]") != NULL);
    put("prices.graphql", prices_v2_sdl);
    Fedmesh__PlanBundle *v4 = announced(&s, WAITFOR_PATIENCE_MS);
    CHECK(v4 && v4->version == 4);
    CHECK(v4 && strstr(v4->supergraph_sdl, "currency") != NULL);
    CHECK_INT(stop_daemon(), 0);
    close_sidecar(&s);
    char path[256];
    snprintf(path, sizeof path, "%s/state/bundles/00000004.pb", dir);
    size_t len = 0;
    char *kept = fio_read(path, 1 << 24, &len);
    CHECK(kept != NULL);
    free(kept);
    snprintf(path, sizeof path, "%s/state/history.jsonl", dir);
    char *history = fio_read(path, 1 << 24, &len);
    CHECK(history && strstr(history, "{\"version\":3,") &&
          strstr(history, "\"rollback_of\":1,\"inputs\":\""));
    CHECK(history && strstr(history, "{\"version\":0,") != NULL); /* the failed attempt */
    free(history);
}

TEST(bad_configs_do_not_start)
{
    put("bad.yaml", "poll:\n  interval_ms: never\n");
    char path[128];
    snprintf(path, sizeof path, "%s/bad.yaml", dir);
    CHECK_INT(cpd_run(path), 1);
    put("bad.yaml", "state_dir: state2\noperations:\n  - file: missing.graphql\n");
    CHECK_INT(cpd_run(path), 1);
}

static void setup(void)
{
    arena_init(&test_arena, 0);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    strcpy(dir, "/tmp/cp_daemon_testXXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    write_config();
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &term, NULL); /* only the daemon's signalfd sees it */
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    curl_global_cleanup();
    arena_free(&test_arena);
}

TEST_MAIN(setup(); RUN(first_version_and_a_change);
          RUN(a_change_that_does_not_compose_is_not_published); RUN(rollback_is_a_new_version);
          RUN(a_restart_keeps_the_sequence); RUN(bad_configs_do_not_start); teardown();)
