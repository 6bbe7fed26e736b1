/* admin_test.c: the admin API's HTTP side: routing, methods, bodies and
 * their errors, the bearer token, and refusing to start unprotected. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>

#include "admin.h"
#include "ftest.h"

static char calls[512]; /* what the fake ops were asked, in order */
static bool have_supergraph;

static void log_call(const char *fmt, const char *a, const char *b, const char *c)
{
    size_t n = strlen(calls);
    snprintf(calls + n, sizeof calls - n, fmt, a, b, c);
}

static void op_status(void *ctx, sbuf *out)
{
    (void)ctx;
    sbuf_puts(out, "{\"version\":7}");
}
static void op_sidecars(void *ctx, sbuf *out)
{
    (void)ctx;
    sbuf_puts(out, "[]");
}
static void op_metrics(void *ctx, sbuf *out)
{
    (void)ctx;
    sbuf_puts(out, "fedmesh_controlplane_version 7\n");
}
static bool op_supergraph(void *ctx, sbuf *out)
{
    (void)ctx;
    if (have_supergraph) sbuf_puts(out, "schema { query: Query }\n");
    return have_supergraph;
}
static int op_add(void *ctx, const char *name, const char *url, const char *sdl_file, sbuf *out)
{
    (void)ctx;
    log_call("add %s %s %s;", name, url, sdl_file ? sdl_file : "-");
    sbuf_puts(out, "{\"ok\":true}");
    return 201;
}
static int op_remove(void *ctx, const char *name, sbuf *out)
{
    (void)ctx;
    log_call("remove %s%s%s;", name, "", "");
    admin_error_json(out, "no subgraph named that");
    return 404;
}
static int op_rollback(void *ctx, uint64_t version, sbuf *out)
{
    (void)ctx;
    char v[32];
    snprintf(v, sizeof v, "%llu", (unsigned long long)version);
    log_call("rollback %s%s%s;", v, "", "");
    sbuf_printf(out, "{\"version\":%s}", v);
    return 200;
}

static const admin_ops ops = {NULL,          op_status, op_sidecars, op_metrics,
                              op_supergraph, op_add,    op_remove,   op_rollback};

typedef struct response {
    long status;
    char body[1024];
    char content_type[128];
    char allow[32];
} response;

static size_t on_body(char *data, size_t size, size_t n, void *userp)
{
    response *r = userp;
    size_t have = strlen(r->body), add = size * n;
    if (have + add >= sizeof r->body) add = sizeof r->body - have - 1;
    memcpy(r->body + have, data, add);
    r->body[have + add] = '\0';
    return size * n;
}

static size_t on_header(char *data, size_t size, size_t n, void *userp)
{
    response *r = userp;
    size_t len = size * n;
    if (len > 6 && strncasecmp(data, "Allow:", 6) == 0)
        snprintf(r->allow, sizeof r->allow, "%.*s", (int)(len - 9), data + 7);
    return len;
}

static response call(uint16_t port, const char *method, const char *path, const char *body,
                     const char *auth)
{
    response r = {0};
    char url[256];
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, path);
    CURL *e = curl_easy_init();
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
    if (body) curl_easy_setopt(e, CURLOPT_POSTFIELDS, body);
    struct curl_slist *h = NULL;
    if (auth) h = curl_slist_append(h, auth);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &r);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 5000L);
    CHECK(curl_easy_perform(e) == CURLE_OK);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r.status);
    char *ct = NULL;
    curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ct);
    if (ct) snprintf(r.content_type, sizeof r.content_type, "%s", ct);
    curl_slist_free_all(h);
    curl_easy_cleanup(e);
    return r;
}

static admin server;
static char err[256];

TEST(start)
{
    CHECK(admin_start(&server, "127.0.0.1:0", "", &ops, err, sizeof err));
    CHECK(server.port != 0);
}

TEST(reads)
{
    response r = call(server.port, "GET", "/v1/status", NULL, NULL);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body, "{\"version\":7}");
    CHECK_STR(r.content_type, "application/json");
    r = call(server.port, "GET", "/v1/sidecars", NULL, NULL);
    CHECK_STR(r.body, "[]");
    r = call(server.port, "GET", "/metrics", NULL, NULL);
    CHECK_STR(r.body, "fedmesh_controlplane_version 7\n");
    CHECK_STR(r.content_type, "text/plain; version=0.0.4");
    have_supergraph = false;
    r = call(server.port, "GET", "/v1/supergraph", NULL, NULL);
    CHECK_INT(r.status, 404);
    CHECK_STR(r.body, "{\"error\":\"no supergraph has been composed yet\"}");
    CHECK_STR(r.content_type, "application/json");
    have_supergraph = true;
    r = call(server.port, "GET", "/v1/supergraph", NULL, NULL);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body, "schema { query: Query }\n");
    CHECK_STR(r.content_type, "text/plain; charset=utf-8");
    r = call(server.port, "GET", "/v2/status", NULL, NULL);
    CHECK_INT(r.status, 404);
    CHECK_STR(r.body, "{\"error\":\"no such endpoint: /v2/status\"}");
}

TEST(methods)
{
    response r = call(server.port, "POST", "/v1/status", "{}", NULL);
    CHECK_INT(r.status, 405);
    CHECK_STR(r.body, "{\"error\":\"POST is not allowed on /v1/status; use GET\"}");
    CHECK_STR(r.allow, "GET");
    r = call(server.port, "GET", "/v1/rollback", NULL, NULL);
    CHECK_INT(r.status, 405);
    CHECK_STR(r.allow, "POST");
    r = call(server.port, "GET", "/v1/subgraphs/a", NULL, NULL);
    CHECK_STR(r.allow, "DELETE");
}

TEST(writes)
{
    calls[0] = '\0';
    response r = call(server.port, "POST", "/v1/subgraphs",
                      "{\"name\":\"reviews\",\"url\":\"http://127.0.0.1:4204/graphql\"}", NULL);
    CHECK_INT(r.status, 201);
    CHECK_STR(r.body, "{\"ok\":true}");
    r = call(server.port, "POST", "/v1/subgraphs",
             "{\"name\":\"r2\",\"url\":\"http://x/\",\"sdl_file\":\"/tmp/r.graphql\"}", NULL);
    r = call(server.port, "DELETE", "/v1/subgraphs/reviews", NULL, NULL);
    CHECK_INT(r.status, 404);
    CHECK_STR(r.body, "{\"error\":\"no subgraph named that\"}");
    r = call(server.port, "POST", "/v1/rollback", "{\"version\": 3}", NULL);
    CHECK_INT(r.status, 200);
    CHECK_STR(r.body, "{\"version\":3}");
    CHECK_STR(calls, "add reviews http://127.0.0.1:4204/graphql -;add r2 http://x/ /tmp/r.graphql;"
                     "remove reviews;rollback 3;");
}

static const char *error_for(const char *path, const char *body)
{
    static char buf[1100];
    calls[0] = '\0';
    response r = call(server.port, "POST", path, body, NULL);
    snprintf(buf, sizeof buf, "%ld %s", r.status, r.body);
    CHECK_STR(calls, ""); /* a bad request never reaches the ops */
    return buf;
}

TEST(bad_bodies)
{
    CHECK_STR(
        error_for("/v1/subgraphs", "{\"name\":"),
        "400 {\"error\":\"the request body is not JSON: Unexpected end of input at offset 8\"}");
    CHECK_STR(
        error_for("/v1/subgraphs", ""),
        "400 {\"error\":\"the request body is not JSON: Unexpected end of input at offset 0\"}");
    CHECK_STR(error_for("/v1/subgraphs", "[1]"),
              "400 {\"error\":\"the request body must be a JSON object\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":\"a\",\"url\":\"http://a/\",\"port\":1}"),
              "400 {\"error\":\"unknown field \\\"port\\\"\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":1,\"url\":\"http://a/\"}"),
              "400 {\"error\":\"\\\"name\\\" must be a string\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":\"a\"}"),
              "400 {\"error\":\"\\\"url\\\" must be a string\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":\"a\",\"url\":\"http://a/\",\"sdl_file\":[]}"),
              "400 {\"error\":\"\\\"sdl_file\\\" must be a string\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":\"a\\u0000b\",\"url\":\"http://a/\"}"),
              "400 {\"error\":\"\\\"name\\\" must be a string\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":\"../etc\",\"url\":\"http://a/\"}"),
              "400 {\"error\":\"\\\"../etc\\\" is not a valid subgraph name "
              "([A-Za-z_][A-Za-z0-9_-]*)\"}");
    CHECK_STR(error_for("/v1/subgraphs", "{\"name\":\"a\",\"url\":\"file:///etc/passwd\"}"),
              "400 {\"error\":\"\\\"file:///etc/passwd\\\" is not an http(s) URL\"}");
    CHECK_STR(error_for("/v1/rollback", "{\"version\":0}"),
              "400 {\"error\":\"\\\"version\\\" must be a positive whole number\"}");
    CHECK_STR(error_for("/v1/rollback", "{\"version\":\"3\"}"),
              "400 {\"error\":\"\\\"version\\\" must be a positive whole number\"}");
    CHECK_STR(error_for("/v1/rollback", "{\"version\":1.5}"),
              "400 {\"error\":\"\\\"version\\\" must be a positive whole number\"}");
    CHECK_STR(error_for("/v1/rollback", "{}"),
              "400 {\"error\":\"\\\"version\\\" must be a positive whole number\"}");
    char *big = malloc(ADMIN_MAX_BODY + 100);
    memset(big, ' ', ADMIN_MAX_BODY + 99);
    big[ADMIN_MAX_BODY + 99] = '\0';
    CHECK_STR(error_for("/v1/rollback", big),
              "413 {\"error\":\"the request body is larger than 65536 bytes\"}");
    free(big);
    char deep[200];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    CHECK(strncmp(error_for("/v1/rollback", deep), "400 {\"error\":\"the request body is not JSON",
                  41) == 0);
}

TEST(token)
{
    admin guarded;
    CHECK(admin_start(&guarded, "127.0.0.1:0", "s3cret", &ops, err, sizeof err));
    response r = call(guarded.port, "GET", "/v1/status", NULL, NULL);
    CHECK_INT(r.status, 401);
    CHECK_STR(r.body, "{\"error\":\"a valid bearer token is required\"}");
    r = call(guarded.port, "GET", "/v1/status", NULL, "Authorization: Bearer s3cre");
    CHECK_INT(r.status, 401);
    r = call(guarded.port, "GET", "/v1/status", NULL, "Authorization: Bearer s3cret!");
    CHECK_INT(r.status, 401);
    r = call(guarded.port, "GET", "/v1/status", NULL, "Authorization: Basic s3cret");
    CHECK_INT(r.status, 401);
    r = call(guarded.port, "GET", "/metrics", NULL, "Authorization: Bearer s3cret");
    CHECK_INT(r.status, 200);
    calls[0] = '\0';
    r = call(guarded.port, "POST", "/v1/rollback", "{\"version\":2}", NULL);
    CHECK_INT(r.status, 401);
    CHECK_STR(calls, "");
    admin_stop(&guarded);
}

TEST(refusals)
{
    admin a;
    CHECK(!admin_start(&a, "0.0.0.0:0", "", &ops, err, sizeof err));
    CHECK_STR(err, "the admin API on 0.0.0.0:0 (not loopback) needs a token");
    CHECK(!admin_start(&a, "127.0.0.1", "", &ops, err, sizeof err));
    CHECK_STR(err, "admin address \"127.0.0.1\" must be HOST:PORT");
    char taken[32];
    snprintf(taken, sizeof taken, "127.0.0.1:%u", server.port);
    CHECK(!admin_start(&a, taken, "", &ops, err, sizeof err));
    char want[128];
    snprintf(want, sizeof want, "cannot serve the admin API on %s (address in use?)", taken);
    CHECK_STR(err, want);
    CHECK(admin_start(&a, "[::1]:0", "", &ops, err, sizeof err) || strstr(err, "::1"));
    admin_stop(&a);
}

TEST_MAIN(curl_global_init(CURL_GLOBAL_DEFAULT); RUN(start); RUN(reads); RUN(methods); RUN(writes);
          RUN(bad_bodies); RUN(token); RUN(refusals); admin_stop(&server); curl_global_cleanup();)
