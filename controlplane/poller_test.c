/* poller_test.c: polling against a local HTTP server (libmicrohttpd in the
 * test) and from files: SDL extraction, change detection by hash, every
 * failure kept as an error with the last good SDL, backoff and its reset. */
#include <microhttpd.h>
#include <stdlib.h>
#include <unistd.h>

#include "fileio.h"
#include "ftest.h"
#include "poller.h"

static struct MHD_Daemon *server;
static unsigned port;
static const char *served_sdl = "type Query { a: Int }";
static volatile int service_hits;
static uint64_t hit_at_ms[64]; /* when each of the first 64 hits of /ok arrived (monotonic) */

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **state)
{
    (void)cls, (void)method, (void)version, (void)upload;
    if (!*state) { /* first call: headers only */
        *state = (void *)1;
        return MHD_YES;
    }
    if (*upload_size) { /* consume the body */
        *upload_size = 0;
        return MHD_YES;
    }
    unsigned status = 200;
    char *body = NULL;
    if (strcmp(url, "/ok") == 0) {
        if (service_hits < 64) hit_at_ms[service_hits] = poller_monotonic_ms();
        service_hits++;
        body = malloc(strlen(served_sdl) + 64);
        sprintf(body, "{\"data\":{\"_service\":{\"sdl\":\"%s\"}}}", served_sdl);
    } else if (strcmp(url, "/500") == 0) {
        status = 500;
        body = strdup("oops");
    } else if (strcmp(url, "/notjson") == 0) {
        body = strdup("<html>");
    } else if (strcmp(url, "/nosdl") == 0) {
        body = strdup("{\"data\":{\"_service\":null}}");
    } else if (strcmp(url, "/err") == 0) {
        body = strdup("{\"errors\":[{\"message\":\"Cannot query field \\\"_service\\\"\"}]}");
    } else if (strcmp(url, "/slow") == 0) {
        usleep(400 * 1000);
        body = strdup("{}");
    } else if (strcmp(url, "/big") == 0) {
        size_t n = POLL_MAX_RESPONSE_BYTES + 10;
        body = malloc(n);
        memset(body, ' ', n);
        struct MHD_Response *r = MHD_create_response_from_buffer(n, body, MHD_RESPMEM_MUST_FREE);
        enum MHD_Result ok = MHD_queue_response(c, 200, r);
        MHD_destroy_response(r);
        return ok;
    } else {
        status = 404;
        body = strdup("{}");
    }
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_FREE);
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

static void start_server(void)
{
    server = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0,
                              NULL, NULL, answer, NULL, MHD_OPTION_END);
    CHECK(server != NULL);
    port = MHD_get_daemon_info(server, MHD_DAEMON_INFO_BIND_PORT)->port;
}

static char *url_of(const char *path)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "http://127.0.0.1:%u%s", port, path);
    return buf;
}

/* Polls come fast; the timeout is one that only a broken test reaches, even
 * on a loaded machine (the test of timeouts sets its own). */
static const poll_timing fast = {
    .interval_ms = 40, .jitter_ms = 10, .timeout_ms = 10000, .max_backoff_ms = 200};

/* Runs the poller until s has completed `polls` more polls (or 15 s pass). */
static void run_polls(poller *p, poll_source *s, uint64_t polls)
{
    uint64_t want = s->polls_ok + s->polls_failed + polls;
    uint64_t end = poller_monotonic_ms() + 15000;
    while (s->polls_ok + s->polls_failed < want && poller_monotonic_ms() < end)
        poller_run(p, 20, NULL, 0);
    CHECK(s->polls_ok + s->polls_failed >= want);
}

TEST(http_sdl_and_change_detection)
{
    poller p;
    CHECK(poller_init(&p, &fast));
    poll_source *s = poller_add(&p, "products", url_of("/ok"), NULL);
    CHECK(s != NULL);
    CHECK(!poller_all_have_sdl(&p));
    run_polls(&p, s, 1);
    CHECK_STR(s->sdl, "type Query { a: Int }");
    CHECK_STR(s->error, "");
    CHECK_STR(s->sdl_sha256, "63c63ee4a19494ba091f7c49bb04d6549d5c3981e15716ef458ac76b4ed8d4f3");
    CHECK(p.changed);
    CHECK(s->last_change_ms > 0 && s->last_poll_ms >= s->last_change_ms);
    CHECK(poller_all_have_sdl(&p));
    p.changed = false;
    uint64_t changed_at = s->last_change_ms;
    run_polls(&p, s, 2);
    CHECK(!p.changed);
    CHECK(s->last_change_ms == changed_at);
    served_sdl = "type Query { a: Int b: Int }";
    run_polls(&p, s, 1);
    CHECK(p.changed);
    CHECK_STR(s->sdl, "type Query { a: Int b: Int }");
    served_sdl = "type Query { a: Int }";
    CHECK(poller_add(&p, "products", url_of("/ok"), NULL) == NULL);
    poller_free(&p);
}

/* A poll starts interval_ms (give or take jitter_ms) after the last one
 * ended, so the server sees polls at least 180 ms apart. A loaded machine
 * only makes them later; 5 s apart would be a poller that lost its
 * schedule. */
TEST(the_interval_is_kept)
{
    poller p;
    poll_timing slow = {
        .interval_ms = 200, .jitter_ms = 20, .timeout_ms = 10000, .max_backoff_ms = 1000};
    CHECK(poller_init(&p, &slow));
    poll_source *s = poller_add(&p, "a", url_of("/ok"), NULL);
    int first = service_hits;
    run_polls(&p, s, 3);
    CHECK(service_hits - first >= 3);
    for (int i = first + 1; i < first + 3 && i < 64; i++) {
        uint64_t apart = hit_at_ms[i] - hit_at_ms[i - 1];
        CHECK(apart >= 180);
        CHECK(apart < 5000);
    }
    poller_free(&p);
}

static const char *error_after_one_poll(const char *path)
{
    static char err[256];
    poller p;
    CHECK(poller_init(&p, &fast));
    poll_source *s = poller_add(&p, "x", url_of(path), NULL);
    run_polls(&p, s, 1);
    CHECK(s->sdl == NULL);
    CHECK(!p.changed);
    CHECK_INT(s->polls_failed, 1);
    snprintf(err, sizeof err, "%s", s->error);
    poller_free(&p);
    return err;
}

TEST(failures_are_explained)
{
    CHECK_STR(error_after_one_poll("/500"), "HTTP status 500");
    CHECK_STR(error_after_one_poll("/notjson"),
              "the response is not JSON: Unexpected character '<' at offset 0");
    CHECK_STR(error_after_one_poll("/nosdl"), "the response has no data._service.sdl string");
    CHECK_STR(error_after_one_poll("/err"),
              "the subgraph answered with an error: Cannot query field \"_service\"");
    CHECK_STR(error_after_one_poll("/big"), "the response is larger than 16 MiB");
    poller p;
    CHECK(poller_init(&p, &fast));
    poll_source *s = poller_add(&p, "x", "http://127.0.0.1:1/graphql", NULL);
    run_polls(&p, s, 1);
    CHECK(strncmp(s->error, "Failed to connect to 127.0.0.1 port 1 after ", 44) == 0);
    CHECK(strstr(s->error, " ms: Couldn't connect to server") != NULL);
    poller_free(&p);
}

/* A poll of /slow (400 ms) with a 150 ms timeout, on the connection an
 * earlier poll left open: the timeout measures the subgraph, not how fast a
 * loaded machine connects (curl says "Connection timed out" then). */
TEST(a_slow_subgraph_times_out)
{
    poller p;
    poll_timing impatient = fast;
    impatient.timeout_ms = 150;
    CHECK(poller_init(&p, &impatient));
    poll_source *s = poller_add(&p, "x", url_of("/ok"), NULL);
    for (int i = 0; i < 20 && !s->polls_ok; i++)
        run_polls(&p, s, 1);
    CHECK_INT(s->polls_ok, 1);
    uint64_t failed = s->polls_failed;
    free(s->url);
    s->url = strdup(url_of("/slow"));
    run_polls(&p, s, 1);
    CHECK(strncmp(s->error, "Operation timed out after ", 26) == 0);
    CHECK_INT(s->polls_failed - failed, 1);
    CHECK_STR(s->sdl, "type Query { a: Int }"); /* the last good one stays */
    poller_free(&p);
}

TEST(backoff_doubles_and_resets)
{
    poller p;
    CHECK(poller_init(&p, &fast));
    poll_source *s = poller_add(&p, "x", url_of("/500"), NULL);
    run_polls(&p, s, 1);
    CHECK_INT(s->backoff_ms, 80);
    run_polls(&p, s, 1);
    CHECK_INT(s->backoff_ms, 160);
    run_polls(&p, s, 1);
    CHECK_INT(s->backoff_ms, 200);
    run_polls(&p, s, 1);
    CHECK_INT(s->backoff_ms, 200);
    free(s->url);
    s->url = strdup(url_of("/ok"));
    run_polls(&p, s, 1);
    CHECK_INT(s->backoff_ms, 0);
    CHECK_STR(s->error, "");
    CHECK(s->sdl != NULL);
    /* a failure after a success keeps the last good SDL */
    free(s->url);
    s->url = strdup(url_of("/500"));
    p.changed = false;
    run_polls(&p, s, 1);
    CHECK_STR(s->error, "HTTP status 500");
    CHECK_STR(s->sdl, "type Query { a: Int }");
    CHECK(!p.changed);
    poller_free(&p);
}

TEST(sdl_files)
{
    const char *path = "/tmp/cp_poller_test.graphql";
    unlink(path);
    poller p;
    CHECK(poller_init(&p, &fast));
    poll_source *s = poller_add(&p, "f", "http://unused/", path);
    run_polls(&p, s, 1);
    CHECK_STR(s->error, "/tmp/cp_poller_test.graphql: No such file or directory");
    CHECK(fio_write_atomic(path, "type Query { f: ID }", 20));
    run_polls(&p, s, 1);
    CHECK_STR(s->error, "");
    CHECK_STR(s->sdl, "type Query { f: ID }");
    CHECK(p.changed);
    p.changed = false;
    run_polls(&p, s, 1);
    CHECK(!p.changed);
    CHECK(fio_write_atomic(path, "type Query { g: ID }", 20));
    run_polls(&p, s, 1);
    CHECK(p.changed);
    CHECK_STR(s->sdl, "type Query { g: ID }");
    unlink(path);
    poller_free(&p);
}

TEST(removing_a_source)
{
    poller p;
    CHECK(poller_init(&p, &fast));
    poller_add(&p, "a", url_of("/slow"), NULL);
    poller_add(&p, "b", url_of("/ok"), NULL);
    poller_run(&p, 10, NULL, 0); /* both in flight */
    CHECK(poller_remove(&p, "a"));
    CHECK(!poller_remove(&p, "a"));
    CHECK(p.changed);
    CHECK(poller_find(&p, "a") == NULL);
    CHECK(poller_find(&p, "b") != NULL);
    CHECK_INT(p.nsources, 1);
    poller_free(&p);
}

TEST(wakeup_ends_the_wait)
{
    poller p;
    CHECK(poller_init(&p, &fast));
    poller_wakeup(&p);
    uint64_t t0 = poller_monotonic_ms();
    poller_run(&p, 30000, NULL, 0);
    CHECK(poller_monotonic_ms() - t0 < 10000); /* not the 30 s a lost wakeup waits */
    poller_free(&p);
}

TEST_MAIN(curl_global_init(CURL_GLOBAL_DEFAULT); start_server(); RUN(http_sdl_and_change_detection);
          RUN(the_interval_is_kept); RUN(failures_are_explained); RUN(a_slow_subgraph_times_out);
          RUN(backoff_doubles_and_resets); RUN(sdl_files); RUN(removing_a_source);
          RUN(wakeup_ends_the_wait); MHD_stop_daemon(server); curl_global_cleanup();)
