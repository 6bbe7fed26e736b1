/* admin_test.c: the admin endpoint: every path, the token rule, /ready
 * before and after a bundle, /metrics summing the workers' counters, and
 * the address helpers it relies on. */
#include "admin.h"

#include "addr.h"
#include "ftest.h"
#include "mesh_testutil.h"

typedef struct fixture {
    bundle_slot slot;
    worker_counters w[2];
    const worker_counters *workers[2];
    mesh_counters mesh;
    admin *a;
    CURL *h;
    sbuf body;
} fixture;

static void start(fixture *f, const char *token, const char *control_plane)
{
    memset(f, 0, sizeof *f);
    bundle_slot_init(&f->slot);
    f->workers[0] = &f->w[0];
    f->workers[1] = &f->w[1];
    admin_config cfg = {.listen = "127.0.0.1:0",
                        .token = token,
                        .bundles = &f->slot,
                        .workers = f->workers,
                        .nworkers = 2,
                        .mesh = control_plane ? &f->mesh : NULL,
                        .control_plane = control_plane};
    f->a = admin_start(&cfg);
    f->h = curl_easy_init();
    sbuf_init(&f->body);
}

static void stop(fixture *f)
{
    admin_stop(f->a);
    bundle_slot_destroy(&f->slot);
    curl_easy_cleanup(f->h);
    sbuf_free(&f->body);
}

static long get(fixture *f, const char *path, const char *header)
{
    return tm_http(f->h, admin_port(f->a), path, NULL, header, &f->body);
}

static bundle *load(uint64_t version, const char *sha)
{
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.version = version,
                       .sha256 = sha,
                       .sdl = sdl,
                       .sdl_len = strlen(sdl),
                       .source = BUNDLE_SOURCE_DISK};
    bundle *b = bundle_load(&in, &reason);
    sbuf_free(&reason);
    free(sdl);
    return b;
}

TEST(health_and_ready)
{
    fixture f;
    start(&f, NULL, NULL);
    CHECK(f.a && admin_port(f.a) > 0);
    CHECK_INT(get(&f, "/health", NULL), 200);
    CHECK_STR(f.body.data, "{\"status\":\"pass\"}");
    CHECK_INT(get(&f, "/ready", NULL), 503);
    CHECK_STR(f.body.data, "{\"status\":\"no bundle loaded\"}");
    bundle_slot_set(&f.slot, load(4, "ab"));
    CHECK_INT(get(&f, "/ready", NULL), 200);
    CHECK_STR(f.body.data, "{\"status\":\"ready\"}");
    CHECK_INT(get(&f, "/nope", NULL), 404);
    CHECK_INT(tm_http(f.h, admin_port(f.a), "/health", "{}", NULL, &f.body), 405);
    stop(&f);
}

TEST(version_without_and_with_a_bundle)
{
    fixture f;
    start(&f, NULL, "tcp://127.0.0.1:7101");
    CHECK_INT(get(&f, "/admin/version", NULL), 200);
    CHECK_STR(f.body.data, "{\"version\":0,\"sha256\":null,\"loaded_at_ms\":null,"
                           "\"control_plane\":\"tcp://127.0.0.1:7101\",\"last_contact_ms\":null,"
                           "\"source\":null}");
    bundle *b = load(12, "00ff");
    bundle_slot_set(&f.slot, b);
    atomic_store(&f.mesh.last_contact_ms, 1700000000123);
    char want[512];
    snprintf(want, sizeof want,
             "{\"version\":12,\"sha256\":\"00ff\",\"loaded_at_ms\":%lld,"
             "\"control_plane\":\"tcp://127.0.0.1:7101\",\"last_contact_ms\":1700000000123,"
             "\"source\":\"disk\"}",
             (long long)b->loaded_at_ms);
    CHECK_INT(get(&f, "/admin/version", NULL), 200);
    CHECK_STR(f.body.data, want);
    stop(&f);
}

TEST(static_mode_version)
{
    fixture f;
    start(&f, NULL, NULL);
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.sdl = sdl, .sdl_len = strlen(sdl), .source = BUNDLE_SOURCE_STATIC};
    bundle *b = bundle_load(&in, &reason);
    bundle_slot_set(&f.slot, b);
    char want[512];
    snprintf(want, sizeof want,
             "{\"version\":0,\"sha256\":\"%s\",\"loaded_at_ms\":%lld,\"control_plane\":null,"
             "\"last_contact_ms\":null,\"source\":\"static\"}",
             b->sha256, (long long)b->loaded_at_ms);
    CHECK_INT(get(&f, "/admin/version", NULL), 200);
    CHECK_STR(f.body.data, want);
    sbuf_free(&reason);
    free(sdl);
    stop(&f);
}

TEST(token_required_when_set)
{
    fixture f;
    start(&f, "s3cret", NULL);
    CHECK_INT(get(&f, "/health", NULL), 401);
    CHECK_STR(f.body.data, "{\"error\":\"a valid bearer token is required\"}");
    CHECK_INT(get(&f, "/metrics", "Authorization: Bearer s3cre"), 401);
    CHECK_INT(get(&f, "/metrics", "Authorization: Bearer s3cret2"), 401);
    CHECK_INT(get(&f, "/metrics", "Authorization: Basic s3cret"), 401);
    CHECK_INT(get(&f, "/health", "Authorization: Bearer s3cret"), 200);
    CHECK_INT(get(&f, "/admin/version", "Authorization: Bearer s3cret"), 200);
    stop(&f);
}

static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p += n)
        if ((p == text || p[-1] == '\n') && p[n] == '\n') return true;
    return false;
}

TEST(metrics_sum_the_workers)
{
    fixture f;
    start(&f, NULL, "tcp://127.0.0.1:7101");
    for (int i = 0; i < 3; i++)
        counter_inc(&f.w[0].requests);
    for (int i = 0; i < 4; i++)
        counter_inc(&f.w[1].requests);
    counter_inc(&f.w[1].errors);
    counter_inc(&f.w[0].plan_hits);
    counter_inc(&f.w[1].plan_hits);
    counter_inc(&f.w[1].plan_misses);
    counter_inc(&f.mesh.rejections);
    counter_inc(&f.mesh.fetch_failures);
    counter_inc(&f.mesh.fetch_failures);
    bundle_slot_set(&f.slot, load(3, "aa"));
    bundle_slot_set(&f.slot, load(5, "bb"));
    CHECK_INT(get(&f, "/metrics", NULL), 200);
    const char *m = f.body.data;
    CHECK(has_line(m, "# TYPE fedmesh_sidecar_requests_total counter"));
    CHECK(has_line(m, "fedmesh_sidecar_requests_total 7"));
    CHECK(has_line(m, "fedmesh_sidecar_request_errors_total 1"));
    CHECK(has_line(m, "fedmesh_sidecar_plan_cache_hits_total 2"));
    CHECK(has_line(m, "fedmesh_sidecar_plan_cache_misses_total 1"));
    CHECK(has_line(m, "# TYPE fedmesh_sidecar_bundle_version gauge"));
    CHECK(has_line(m, "fedmesh_sidecar_bundle_version 5"));
    CHECK(has_line(m, "fedmesh_sidecar_bundle_swaps_total 1"));
    CHECK(has_line(m, "fedmesh_sidecar_bundle_rejections_total 1"));
    CHECK(has_line(m, "fedmesh_sidecar_bundles_live 1"));
    CHECK(has_line(m, "fedmesh_sidecar_control_plane_fetch_failures_total 2"));
    CHECK(!has_line(m, "fedmesh_sidecar_requests_total 3"));
    stop(&f);
}

TEST(bad_listen_address)
{
    bundle_slot s;
    bundle_slot_init(&s);
    admin_config cfg = {.listen = "localhost", .bundles = &s};
    CHECK(!admin_start(&cfg));
    bundle_slot_destroy(&s);
}

TEST(addresses)
{
    struct sockaddr_storage ss;
    socklen_t len;
    CHECK(addr_parse("127.0.0.1:4000", &ss, &len) && addr_is_loopback(&ss));
    CHECK(addr_parse("127.1.2.3:0", &ss, &len) && addr_is_loopback(&ss));
    CHECK(addr_parse("0.0.0.0:9000", &ss, &len) && !addr_is_loopback(&ss));
    CHECK(addr_parse("10.0.0.1:9000", &ss, &len) && !addr_is_loopback(&ss));
    CHECK(addr_parse("[::1]:9000", &ss, &len) && addr_is_loopback(&ss));
    CHECK(addr_parse("[::]:9000", &ss, &len) && !addr_is_loopback(&ss));
    CHECK(!addr_parse("127.0.0.1", &ss, &len));
    CHECK(!addr_parse("127.0.0.1:", &ss, &len));
    CHECK(!addr_parse("127.0.0.1:65536", &ss, &len));
    CHECK(!addr_parse("127.0.0.1:80x", &ss, &len));
    CHECK(!addr_parse(":80", &ss, &len));
    CHECK(!addr_parse("example.com:80", &ss, &len));
}

TEST_MAIN(curl_global_init(CURL_GLOBAL_DEFAULT); RUN(health_and_ready);
          RUN(version_without_and_with_a_bundle); RUN(static_mode_version);
          RUN(token_required_when_set); RUN(metrics_sum_the_workers); RUN(bad_listen_address);
          RUN(addresses); curl_global_cleanup();)
