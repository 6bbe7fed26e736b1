/* mesh_testutil.h: helpers for the unit tests of the sidecar's process
 * structure (bundles, swaps, admin, control-plane client): a one-subgraph
 * supergraph whose Query fields the test chooses, a stub subgraph that
 * answers every request after a delay (or holds it until told), a listening
 * socket on a free port and a small HTTP client. Header-only (static inline) so each test binary
 * stays one file. */
#ifndef FM_MESH_TESTUTIL_H
#define FM_MESH_TESTUTIL_H

#include <arpa/inet.h>
#include <curl/curl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sbuf.h"

/* A Federation 2 supergraph with one subgraph "a" at 127.0.0.1:port whose
 * Query has `fields` (SDL field definitions). Caller frees. */
static inline char *tm_supergraph(int port, const char *fields)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(
        &b,
        "schema @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"
        "  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION) { query: Query }\n"
        "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE\n"
        "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "
        "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: "
        "Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION\n"
        "directive @join__graph(name: String!, url: String!) on ENUM_VALUE\n"
        "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on "
        "OBJECT | INTERFACE\n"
        "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = "
        "false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on "
        "OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR\n"
        "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION\n"
        "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) "
        "repeatable on SCHEMA\n"
        "scalar join__FieldSet\n"
        "enum join__Graph { A @join__graph(name: \"a\", url: \"http://127.0.0.1:%d/graphql\") }\n"
        "scalar link__Import\n"
        "enum link__Purpose { SECURITY EXECUTION }\n"
        "type Query @join__type(graph: A) { %s }\n",
        port, fields);
    return sbuf_take(&b);
}

/* The stub subgraph: answers every POST with the same data after delay_us.
 * While `hold` is set, requests wait for it to clear (30 s at most) first: a
 * test knows a request is in flight, however slow the machine, once
 * `requests` counts it. */
typedef struct tm_stub {
    struct MHD_Daemon *daemon;
    unsigned delay_us;
    int port;
    atomic_int hold;
    atomic_int requests; /* arrived so far */
} tm_stub;

static inline enum MHD_Result tm_stub_handle(void *cls, struct MHD_Connection *conn,
                                             const char *url, const char *method,
                                             const char *version, const char *upload,
                                             size_t *upload_size, void **con_cls)
{
    (void)url, (void)method, (void)version, (void)upload;
    tm_stub *s = cls;
    if (!*con_cls) {
        *con_cls = s;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;
        return MHD_YES;
    }
    atomic_fetch_add(&s->requests, 1);
    for (int waited_ms = 0; atomic_load(&s->hold) && waited_ms < 30000; waited_ms++)
        usleep(1000);
    usleep(s->delay_us);
    static const char body[] = "{\"data\":{\"hello\":\"world\",\"extra\":7}}";
    struct MHD_Response *r =
        MHD_create_response_from_buffer(sizeof body - 1, (void *)body, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Content-Type", "application/json");
    enum MHD_Result ok = MHD_queue_response(conn, 200, r);
    MHD_destroy_response(r);
    return ok;
}

static inline void tm_stub_start(tm_stub *s, unsigned delay_us)
{
    s->delay_us = delay_us;
    atomic_init(&s->hold, 0);
    atomic_init(&s->requests, 0);
    s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION, 0,
                                 NULL, NULL, tm_stub_handle, s, MHD_OPTION_END);
    if (!s->daemon) abort();
    s->port = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
}

static inline void tm_stub_stop(tm_stub *s)
{
    MHD_stop_daemon(s->daemon);
}

/* A non-blocking listening socket on 127.0.0.1 and a free port. */
static inline int tm_listener(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 128) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0)
        abort();
    *port = ntohs(a.sin_port);
    return fd;
}

static inline size_t tm_collect(char *data, size_t size, size_t n, void *out)
{
    sbuf_append(out, data, size * n);
    return size * n;
}

/* GET http://127.0.0.1:port/path, or POST `json` there when given, with
 * `header` (e.g. "Authorization: Bearer x") when given. The HTTP status
 * (0 when the connection failed); the body into `body` (reset first). */
static inline long tm_http(CURL *h, int port, const char *path, const char *json,
                           const char *header, sbuf *body)
{
    char url[256];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
    if (header) headers = curl_slist_append(headers, header);
    sbuf_reset(body);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, tm_collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, body);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
    if (json)
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
    else
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    long status = 0;
    if (curl_easy_perform(h) == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    sbuf_putc(body, '\0');
    body->len--;
    return status;
}

#endif
