/* bundle_test.c: bundles (load, reference counts, the slot) and hot swap in
 * running workers: requests in flight finish on the old bundle, new ones
 * use the new one, every old bundle is freed once its last request ends,
 * and 100 swaps under load fail no request. */
#include "bundle.h"

#include <pthread.h>

#include "ftest.h"
#include "plan_codec.h"
#include "planner.h"
#include "mesh_testutil.h"
#include "schema_print.h"
#include "sg_codec.h"
#include "waitfor.h"
#include "worker.h"

static bundle *load_fields(int port, const char *fields, uint64_t version)
{
    char *sdl = tm_supergraph(port, fields);
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.version = version,
                       .sdl = sdl,
                       .sdl_len = strlen(sdl),
                       .source = BUNDLE_SOURCE_CONTROL_PLANE};
    bundle *b = bundle_load(&in, &reason);
    if (!b) fprintf(stderr, "load failed: %s\n", reason.data);
    sbuf_free(&reason);
    free(sdl);
    return b;
}

TEST(load_keeps_metadata)
{
    CHECK_INT(bundle_live_count(), 0);
    bundle *b = load_fields(1, "hello: String", 7);
    CHECK(b && b->sg && b->sg->api);
    CHECK_INT(b->version, 7);
    CHECK_INT(strlen(b->sha256), 64); /* computed from the SDL when none is given */
    CHECK(b->loaded_at_ms > 1700000000000);
    CHECK_STR(bundle_source_name(b->source), "control-plane");
    CHECK(!b->from_image); /* no image: the SDL */
    CHECK_INT(bundle_live_count(), 1);
    bundle_release(b);
    CHECK_INT(bundle_live_count(), 0);
    CHECK_STR(bundle_source_name(BUNDLE_SOURCE_STATIC), "static");
    CHECK_STR(bundle_source_name(BUNDLE_SOURCE_DISK), "disk");
}

TEST(load_takes_given_sha256)
{
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf reason;
    sbuf_init(&reason);
    const char *sha = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    bundle_input in = {.version = 3, .sha256 = sha, .sdl = sdl, .sdl_len = strlen(sdl)};
    bundle *b = bundle_load(&in, &reason);
    CHECK(b);
    if (b) CHECK_STR(b->sha256, sha);
    bundle_release(b);
    sbuf_free(&reason);
    free(sdl);
}

TEST(load_rejects_with_the_first_error)
{
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.version = 1, .sdl = "type Query {", .sdl_len = 12};
    CHECK(!bundle_load(&in, &reason));
    CHECK_STR(reason.data, "the supergraph does not load: 1:13: Syntax Error: Expected Name, "
                           "found <EOF>.");
    sbuf_reset(&reason);
    in = (bundle_input){.version = 1, .sdl = "type Query { a: Int }", .sdl_len = 21};
    CHECK(!bundle_load(&in, &reason));
    CHECK(reason.len > 30 && strncmp(reason.data, "the supergraph does not load: ", 30) == 0);
    CHECK_INT(bundle_live_count(), 0);
    sbuf_free(&reason);
}

/* ---- the supergraph image ---- */

/* sdl's image, as the control plane makes it. */
static void image_of(const char *sdl, sbuf *image)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    sg_encode(sg_load(&a, sdl, strlen(sdl), &errs), image);
    arena_free(&a);
}

static char *api_text(const supergraph *sg)
{
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, sg->api);
    return sbuf_take(&out);
}

/* A bundle of sdl with image[0..len) in `format`; NULL with the reason. */
static bundle *load_image(const char *sdl, const void *image, size_t len, uint32_t format,
                          sbuf *reason)
{
    bundle_route route = {"a", "http://127.0.0.1:1/local"};
    bundle_input in = {.version = 2,
                       .sdl = sdl,
                       .sdl_len = strlen(sdl),
                       .image = image,
                       .image_len = len,
                       .image_format = format,
                       .routes = &route,
                       .nroutes = 1,
                       .source = BUNDLE_SOURCE_CONTROL_PLANE};
    return bundle_load(&in, reason);
}

TEST(load_from_the_image)
{
    char *sdl = tm_supergraph(1, "hello: String extra: Int");
    sbuf image, reason;
    sbuf_init(&image);
    sbuf_init(&reason);
    image_of(sdl, &image);
    bundle *from_sdl = load_fields(1, "hello: String extra: Int", 1);
    bundle *b = load_image(sdl, image.data, image.len, SG_CODEC_VERSION, &reason);
    CHECK(b && b->from_image);
    if (b && from_sdl) {
        char *want = api_text(from_sdl->sg), *got = api_text(b->sg);
        CHECK_STR(got, want);
        free(want);
        free(got);
        /* routes apply to a decoded supergraph as to a parsed one */
        CHECK_STR(sg_graph_by_name(b->sg, "a")->url, "http://127.0.0.1:1/local");
        CHECK_INT(strlen(b->sha256), 64);
    }
    bundle_release(b);
    bundle_release(from_sdl);
    CHECK_INT(bundle_live_count(), 0);
    sbuf_free(&image);
    sbuf_free(&reason);
    free(sdl);
}

/* No image, or one in a format this sidecar does not know: the SDL. */
TEST(load_falls_back_to_the_sdl)
{
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf reason;
    sbuf_init(&reason);
    bundle *b = load_image(sdl, NULL, 0, 0, &reason);
    CHECK(b && !b->from_image);
    bundle_release(b);
    static const char future[] = "FMSG\x63 from the future";
    b = load_image(sdl, future, sizeof future - 1, SG_CODEC_VERSION + 98, &reason);
    CHECK(b && !b->from_image);
    bundle_release(b);
    /* an empty image of a known format is no image */
    b = load_image(sdl, "", 0, SG_CODEC_VERSION, &reason);
    CHECK(b && !b->from_image);
    bundle_release(b);
    CHECK_INT(reason.len, 0);
    sbuf_free(&reason);
    free(sdl);
}

/* An image that does not decode is refused even though the SDL would load:
 * the control plane made a bad bundle, and serving it half-checked is
 * worse than keeping the old one. */
TEST(load_rejects_a_corrupt_image)
{
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf image, reason;
    sbuf_init(&image);
    sbuf_init(&reason);
    image_of(sdl, &image);
    CHECK(!load_image(sdl, image.data, image.len - 1, SG_CODEC_VERSION, &reason));
    CHECK_STR(reason.data,
              "the supergraph image does not decode: Invalid supergraph image: cut short");
    sbuf_reset(&reason);
    CHECK(!load_image(sdl, "not an image", 12, SG_CODEC_VERSION, &reason));
    CHECK_STR(reason.data, "the supergraph image does not decode: Invalid supergraph image: not a "
                           "supergraph image (no FMSG header)");
    sbuf_reset(&reason);
    image.data[4] = 9;
    CHECK(!load_image(sdl, image.data, image.len, SG_CODEC_VERSION, &reason));
    CHECK_STR(reason.data, "the supergraph image does not decode: Invalid supergraph image: format "
                           "version 9 is not supported");
    CHECK_INT(bundle_live_count(), 0);
    sbuf_free(&image);
    sbuf_free(&reason);
    free(sdl);
}

/* A bundle with one precompiled plan of `query`, planned here as the control
 * plane would; `plan_bytes` replaces the plan when given. */
static bundle *load_with_plan(int port, const char *query, const char *op_name,
                              const char *plan_bytes, sbuf *reason)
{
    char *sdl = tm_supergraph(port, "hello: String extra: Int");
    arena a;
    arena_init(&a, 1 << 16);
    diag_list errs;
    diag_init(&errs, &a);
    parse_error perr;
    const supergraph *sg = sg_load(&a, sdl, strlen(sdl), &errs);
    sbuf encoded;
    sbuf_init(&encoded);
    ast_document *doc = parse_document(&a, "{ hello }", 9, NULL, &perr);
    plan *p = qp_plan(&a, sg, doc, ast_find_operation(doc, NULL), &errs);
    plan_encode(p, &encoded);
    if (plan_bytes) {
        sbuf_reset(&encoded);
        sbuf_puts(&encoded, plan_bytes);
    }
    bundle_plan_input pin = {.query = query,
                             .query_len = strlen(query),
                             .operation_name = op_name,
                             .plan = (const uint8_t *)encoded.data,
                             .plan_len = encoded.len};
    bundle_input in = {
        .version = 1, .sdl = sdl, .sdl_len = strlen(sdl), .plans = &pin, .nplans = 1};
    bundle *b = bundle_load(&in, reason);
    sbuf_free(&encoded);
    arena_free(&a);
    free(sdl);
    return b;
}

TEST(load_with_a_precompiled_plan)
{
    sbuf reason;
    sbuf_init(&reason);
    bundle *b = load_with_plan(1, "{ hello }", "", NULL, &reason);
    CHECK(b != NULL);
    if (b) {
        CHECK_INT(b->nplans, 1);
        CHECK_STR(b->plans[0].query, "{ hello }");
        CHECK(b->plans[0].operation_name == NULL);
        CHECK(b->plans[0].doc && b->plans[0].op && b->plans[0].plan);
    }
    bundle_release(b);
    sbuf_free(&reason);
}

TEST(load_rejects_a_bad_precompiled_plan)
{
    sbuf reason;
    sbuf_init(&reason);
    CHECK(!load_with_plan(1, "{ hello }", NULL, "FMPL\x01garbage", &reason));
    CHECK(strncmp(reason.data, "precompiled plan 0 does not decode: ", 36) == 0);
    sbuf_reset(&reason);
    CHECK(!load_with_plan(1, "{ nope }", NULL, NULL, &reason));
    CHECK_STR(reason.data, "precompiled plan 0 does not validate: 1:3: Cannot query field "
                           "\"nope\" on type \"Query\".");
    sbuf_reset(&reason);
    CHECK(!load_with_plan(1, "{", NULL, NULL, &reason));
    CHECK_STR(reason.data,
              "precompiled plan 0 does not parse: 1:2: Syntax Error: Expected Name, found <EOF>.");
    sbuf_reset(&reason);
    CHECK(!load_with_plan(1, "query A { hello }", "B", NULL, &reason));
    CHECK_STR(reason.data, "precompiled plan 0 names no operation of its query");
    CHECK_INT(bundle_live_count(), 0);
    sbuf_free(&reason);
}

TEST(references)
{
    bundle *b = load_fields(1, "hello: String", 1);
    bundle_retain(b);
    bundle_retain(b);
    CHECK_INT(atomic_load(&b->refs), 3);
    bundle_release(b);
    bundle_release(b);
    CHECK_INT(bundle_live_count(), 1);
    bundle_release(b);
    CHECK_INT(bundle_live_count(), 0);
    bundle_release(NULL);
}

TEST(slot_set_acquire_peek)
{
    bundle_slot s;
    bundle_slot_init(&s);
    CHECK(!bundle_slot_acquire(&s));
    CHECK(!bundle_slot_peek(&s));
    bundle *a = load_fields(1, "hello: String", 1);
    bundle_slot_set(&s, a);
    CHECK(bundle_slot_peek(&s) == a);
    CHECK_INT(atomic_load(&s.swaps), 0);
    bundle *held = bundle_slot_acquire(&s);
    CHECK(held == a);
    CHECK_INT(atomic_load(&a->refs), 2);
    bundle_slot_set(&s, load_fields(1, "hello: String", 2));
    CHECK_INT(atomic_load(&s.swaps), 1);
    CHECK_INT(bundle_live_count(), 2); /* `held` keeps the old one */
    CHECK_INT(atomic_load(&a->refs), 1);
    bundle_release(held);
    CHECK_INT(bundle_live_count(), 1);
    CHECK_INT(bundle_slot_peek(&s)->version, 2);
    bundle_slot_destroy(&s);
    CHECK_INT(bundle_live_count(), 0);
}

typedef struct racer {
    bundle_slot *slot;
    atomic_int *stop;
    atomic_long acquired;
} racer;

static void *race_acquire(void *arg)
{
    racer *r = arg;
    while (!atomic_load(r->stop)) {
        bundle *b = bundle_slot_acquire(r->slot);
        if (b && b->sg->api) r->acquired++;
        bundle_release(b);
    }
    return NULL;
}

/* Readers taking and dropping references while the slot changes under
 * them: under ASan, a bundle freed between read and retain would show. */
TEST(slot_under_concurrent_readers)
{
    bundle_slot s;
    bundle_slot_init(&s);
    bundle *pool[4];
    for (int i = 0; i < 4; i++)
        pool[i] = load_fields(1, "hello: String", (uint64_t)i + 1);
    bundle_retain(pool[0]);
    bundle_slot_set(&s, pool[0]);
    atomic_int stop = 0;
    racer r[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
        r[i] = (racer){.slot = &s, .stop = &stop};
        pthread_create(&t[i], NULL, race_acquire, &r[i]);
    }
    for (int i = 0; i < 3; i++)
        while (!atomic_load(&r[i].acquired))
            continue; /* every reader is in its loop */
    for (int i = 1; i < 2000; i++) {
        bundle *b = pool[i % 4];
        bundle_retain(b);
        bundle_slot_set(&s, b);
    }
    atomic_store(&stop, 1);
    long total = 0;
    for (int i = 0; i < 3; i++) {
        pthread_join(t[i], NULL);
        total += r[i].acquired;
    }
    CHECK(total > 0);
    CHECK_INT(atomic_load(&s.swaps), 1999);
    bundle_slot_destroy(&s);
    for (int i = 0; i < 4; i++)
        bundle_release(pool[i]);
    CHECK_INT(bundle_live_count(), 0);
}

/* A sidecar in the test: workers on a listener, over a slot. */
typedef struct mini_sidecar {
    bundle_slot slot;
    gateway gw;
    worker *workers[2];
    int listener, port;
} mini_sidecar;

static void mini_start(mini_sidecar *m, bundle *first)
{
    bundle_slot_init(&m->slot);
    if (first) bundle_slot_set(&m->slot, first);
    m->gw = (gateway){.bundles = &m->slot,
                      .exec = {.timeout_ms = 10000},
                      .parse = {.max_depth = 64},
                      .max_body_bytes = 1 << 20,
                      .plan_cache_bytes = 1 << 20};
    m->listener = tm_listener(&m->port);
    for (int i = 0; i < 2; i++)
        m->workers[i] = worker_start(&m->gw, m->listener);
}

static void mini_swap(mini_sidecar *m, bundle *b)
{
    bundle_slot_set(&m->slot, b);
    for (int i = 0; i < 2; i++)
        worker_wake(m->workers[i]);
}

static void mini_stop(mini_sidecar *m)
{
    for (int i = 0; i < 2; i++)
        worker_stop(m->workers[i], 2000);
    close(m->listener);
    bundle_slot_destroy(&m->slot);
}

static long post_query(CURL *h, int port, const char *query, sbuf *body)
{
    char json[256];
    snprintf(json, sizeof json, "{\"query\":\"%s\"}", query);
    return tm_http(h, port, "/graphql", json, NULL, body);
}

/* The workers' plan cache hits (or misses), summed. */
static uint64_t plan_counts(const mini_sidecar *m, bool hits)
{
    uint64_t n = 0;
    for (int i = 0; i < 2; i++) {
        const worker_counters *c = worker_get_counters(m->workers[i]);
        n += counter_get(hits ? &c->plan_hits : &c->plan_misses);
    }
    return n;
}

/* A new bundle's precompiled plans seed every worker's new plan cache: the
 * first request for them plans nothing. */
TEST(precompiled_plans_seed_the_caches)
{
    tm_stub stub;
    tm_stub_start(&stub, 0);
    sbuf reason;
    sbuf_init(&reason);
    mini_sidecar m;
    mini_start(&m, load_with_plan(stub.port, "{ hello }", NULL, NULL, &reason));
    CURL *h = curl_easy_init();
    for (int i = 0; i < 4; i++) {
        CHECK_INT(post_query(h, m.port, "{ hello }", &reason), 200);
        CHECK_STR(reason.data, "{\"data\":{\"hello\":\"world\"}}");
    }
    CHECK_INT(plan_counts(&m, true), 4);
    CHECK_INT(plan_counts(&m, false), 0);
    CHECK_INT(post_query(h, m.port, "{ extra }", &reason), 200);
    CHECK_INT(plan_counts(&m, false), 1);
    curl_easy_cleanup(h);
    sbuf_free(&reason);
    mini_stop(&m);
    tm_stub_stop(&stub);
}

TEST(no_bundle_yet_is_503)
{
    mini_sidecar m;
    mini_start(&m, NULL);
    CURL *h = curl_easy_init();
    sbuf body;
    sbuf_init(&body);
    CHECK_INT(post_query(h, m.port, "{ hello }", &body), 503);
    CHECK_STR(body.data, "{\"errors\":[{\"message\":\"No supergraph is loaded yet.\"}]}");
    curl_easy_cleanup(h);
    sbuf_free(&body);
    mini_stop(&m);
}

typedef struct slow_call {
    int port;
    long status;
    sbuf body;
} slow_call;

static void *call_hello(void *arg)
{
    slow_call *c = arg;
    CURL *h = curl_easy_init();
    c->status = post_query(h, c->port, "{ hello }", &c->body);
    curl_easy_cleanup(h);
    return NULL;
}

/* A request in flight during a swap finishes on the old bundle, which is
 * freed when it ends; the next request sees the new schema. */
TEST(request_in_flight_keeps_the_old_bundle)
{
    tm_stub stub;
    tm_stub_start(&stub, 0);
    atomic_store(&stub.hold, 1);
    mini_sidecar m;
    mini_start(&m, load_fields(stub.port, "hello: String", 1));
    slow_call c = {.port = m.port};
    sbuf_init(&c.body);
    pthread_t t;
    pthread_create(&t, NULL, call_hello, &c);
    WAIT_FOR(atomic_load(&stub.requests) == 1);
    CHECK_INT(atomic_load(&stub.requests), 1); /* the request waits on the stub now */
    mini_swap(&m, load_fields(stub.port, "hello: String extra: Int", 2));
    CHECK_INT(bundle_live_count(), 2);
    atomic_store(&stub.hold, 0);
    pthread_join(t, NULL);
    CHECK_INT(c.status, 200);
    CHECK_STR(c.body.data, "{\"data\":{\"hello\":\"world\"}}");
    WAIT_FOR(bundle_live_count() == 1); /* the worker lets go once the response is out */
    CHECK_INT(bundle_live_count(), 1);
    CURL *h = curl_easy_init();
    CHECK_INT(post_query(h, m.port, "{ extra }", &c.body), 200);
    CHECK_STR(c.body.data, "{\"data\":{\"extra\":7}}");
    curl_easy_cleanup(h);
    sbuf_free(&c.body);
    mini_stop(&m);
    tm_stub_stop(&stub);
    CHECK_INT(bundle_live_count(), 0);
}

/* --local-subgraph: the supergraph's routing URL goes nowhere (port 1); the
 * route sends the requests to the stub instead. A route for a subgraph the
 * supergraph lacks is skipped. */
TEST(local_subgraph_routes)
{
    tm_stub stub;
    tm_stub_start(&stub, 0);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/graphql", stub.port);
    bundle_route routes[] = {{"gone", "http://127.0.0.1:1/x"}, {"a", url}};
    char *sdl = tm_supergraph(1, "hello: String");
    sbuf body;
    sbuf_init(&body);
    bundle_input in = {
        .version = 1, .sdl = sdl, .sdl_len = strlen(sdl), .routes = routes, .nroutes = 2};
    bundle *b = bundle_load(&in, &body);
    CHECK(b != NULL);
    CHECK_STR(b->sg->graphs[0].url, url);
    mini_sidecar m;
    mini_start(&m, b);
    CURL *h = curl_easy_init();
    CHECK_INT(post_query(h, m.port, "{ hello }", &body), 200);
    CHECK_STR(body.data, "{\"data\":{\"hello\":\"world\"}}");
    curl_easy_cleanup(h);
    mini_stop(&m);
    sbuf_free(&body);
    free(sdl);
    tm_stub_stop(&stub);
}

typedef struct client {
    int port;
    atomic_int *stop;
    atomic_long ok, failed;
} client;

static void *client_loop(void *arg)
{
    client *c = arg;
    CURL *h = curl_easy_init();
    sbuf body;
    sbuf_init(&body);
    while (!atomic_load(c->stop)) {
        long status = post_query(h, c->port, "{ hello }", &body);
        if (status == 200 && strcmp(body.data, "{\"data\":{\"hello\":\"world\"}}") == 0)
            atomic_fetch_add(&c->ok, 1);
        else
            atomic_fetch_add(&c->failed, 1);
    }
    sbuf_free(&body);
    curl_easy_cleanup(h);
    return NULL;
}

static long completed(client *c, int n)
{
    long total = 0;
    for (int i = 0; i < n; i++)
        total += atomic_load(&c[i].ok) + atomic_load(&c[i].failed);
    return total;
}

/* 100 swaps while clients keep requests in flight: none fails, and in the
 * end only the current bundle is alive. After each swap, the next waits
 * for a request to complete, so that requests run between all of them at
 * any speed of the machine. */
TEST(hundred_swaps_under_load)
{
    tm_stub stub;
    tm_stub_start(&stub, 2000);
    mini_sidecar m;
    mini_start(&m, load_fields(stub.port, "hello: String", 1));
    atomic_int stop = 0;
    client c[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
        c[i] = (client){.port = m.port, .stop = &stop};
        pthread_create(&t[i], NULL, client_loop, &c[i]);
    }
    for (int i = 0; i < 100; i++) {
        const char *fields = i % 2 ? "hello: String" : "hello: String extra: Int";
        long before = completed(c, 3);
        mini_swap(&m, load_fields(stub.port, fields, (uint64_t)i + 2));
        WAIT_FOR(completed(c, 3) > before);
    }
    atomic_store(&stop, 1);
    long ok = 0, failed = 0;
    for (int i = 0; i < 3; i++) {
        pthread_join(t[i], NULL);
        ok += atomic_load(&c[i].ok);
        failed += atomic_load(&c[i].failed);
    }
    CHECK(ok >= 100);
    CHECK_INT(failed, 0);
    CHECK_INT(atomic_load(&m.slot.swaps), 100);
    WAIT_FOR(bundle_live_count() == 1);
    CHECK_INT(bundle_live_count(), 1);
    mini_stop(&m);
    tm_stub_stop(&stub);
    CHECK_INT(bundle_live_count(), 0);
}

TEST_MAIN(curl_global_init(CURL_GLOBAL_DEFAULT); RUN(load_keeps_metadata); RUN(load_from_the_image);
          RUN(load_falls_back_to_the_sdl); RUN(load_rejects_a_corrupt_image);
          RUN(load_takes_given_sha256); RUN(load_rejects_with_the_first_error);
          RUN(load_with_a_precompiled_plan); RUN(load_rejects_a_bad_precompiled_plan);
          RUN(references); RUN(slot_set_acquire_peek); RUN(slot_under_concurrent_readers);
          RUN(precompiled_plans_seed_the_caches); RUN(no_bundle_yet_is_503);
          RUN(local_subgraph_routes); RUN(request_in_flight_keeps_the_old_bundle);
          RUN(hundred_swaps_under_load); curl_global_cleanup();)
