/* admin.c: the admin endpoint (see admin.h). */
#include "admin.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "sbuf.h"

struct admin {
    admin_config cfg;
    struct MHD_Daemon *daemon;
};

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, const char *type,
                             sbuf *body)
{
    size_t len = body->len;
    char *data = sbuf_take(body);
    struct MHD_Response *r = MHD_create_response_from_buffer_with_free_callback(len, data, free);
    if (!r) {
        free(data);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    if (status == MHD_HTTP_UNAUTHORIZED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    enum MHD_Result ok = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result reply_json(struct MHD_Connection *conn, unsigned status, const char *json)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, json);
    return reply(conn, status, "application/json", &b);
}

/* Compares in time independent of where the strings differ. */
static bool token_matches(const char *given, const char *want)
{
    size_t n = strlen(want);
    if (!given || strlen(given) != n) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(given[i] ^ want[i]);
    return diff == 0;
}

static bool authorized(const admin *a, struct MHD_Connection *conn)
{
    if (!a->cfg.token || !*a->cfg.token) return true;
    const char *h =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (!h || strncmp(h, "Bearer ", 7) != 0) return false;
    return token_matches(h + 7, a->cfg.token);
}

static void put_json_or_null(sbuf *b, const char *s)
{
    if (s)
        sbuf_json_string(b, s, strlen(s));
    else
        sbuf_puts(b, "null");
}

static enum MHD_Result serve_version(admin *a, struct MHD_Connection *conn)
{
    bundle *bd = bundle_slot_acquire(a->cfg.bundles);
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "{\"version\":%llu,\"sha256\":", bd ? (unsigned long long)bd->version : 0ULL);
    put_json_or_null(&b, bd ? bd->sha256 : NULL);
    if (bd)
        sbuf_printf(&b, ",\"loaded_at_ms\":%lld", (long long)bd->loaded_at_ms);
    else
        sbuf_puts(&b, ",\"loaded_at_ms\":null");
    sbuf_puts(&b, ",\"control_plane\":");
    put_json_or_null(&b, a->cfg.control_plane);
    long long contact = a->cfg.mesh ? (long long)atomic_load(&a->cfg.mesh->last_contact_ms) : 0;
    if (contact)
        sbuf_printf(&b, ",\"last_contact_ms\":%lld", contact);
    else
        sbuf_puts(&b, ",\"last_contact_ms\":null");
    sbuf_puts(&b, ",\"source\":");
    put_json_or_null(&b, bd ? bundle_source_name(bd->source) : NULL);
    sbuf_putc(&b, '}');
    bundle_release(bd);
    return reply(conn, MHD_HTTP_OK, "application/json", &b);
}

static enum MHD_Result serve_ready(admin *a, struct MHD_Connection *conn)
{
    if (!bundle_slot_peek(a->cfg.bundles))
        return reply_json(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "{\"status\":\"no bundle loaded\"}");
    return reply_json(conn, MHD_HTTP_OK, "{\"status\":\"ready\"}");
}

static void metric(sbuf *b, const char *name, const char *type, const char *help,
                   unsigned long long value)
{
    sbuf_printf(b, "# HELP %s %s\n# TYPE %s %s\n%s %llu\n", name, help, name, type, name, value);
}

static enum MHD_Result serve_metrics(admin *a, struct MHD_Connection *conn)
{
    unsigned long long requests = 0, errors = 0, hits = 0, misses = 0;
    for (size_t i = 0; i < a->cfg.nworkers; i++) {
        const worker_counters *w = a->cfg.workers[i];
        requests += counter_get(&w->requests);
        errors += counter_get(&w->errors);
        hits += counter_get(&w->plan_hits);
        misses += counter_get(&w->plan_misses);
    }
    bundle *bd = bundle_slot_acquire(a->cfg.bundles);
    unsigned long long version = bd ? bd->version : 0;
    bundle_release(bd);
    const mesh_counters *m = a->cfg.mesh;
    sbuf b;
    sbuf_init(&b);
    metric(&b, "fedmesh_sidecar_requests_total", "counter", "GraphQL requests answered.", requests);
    metric(&b, "fedmesh_sidecar_request_errors_total", "counter",
           "GraphQL requests answered with an HTTP status of 400 or more.", errors);
    metric(&b, "fedmesh_sidecar_plan_cache_hits_total", "counter",
           "Operations found in a plan cache.", hits);
    metric(&b, "fedmesh_sidecar_plan_cache_misses_total", "counter",
           "Operations parsed, validated and planned.", misses);
    metric(&b, "fedmesh_sidecar_bundle_version", "gauge",
           "Version of the bundle served (0: none, or static mode).", version);
    metric(&b, "fedmesh_sidecar_bundle_swaps_total", "counter",
           "Bundles swapped in after the first.", atomic_load(&a->cfg.bundles->swaps));
    metric(&b, "fedmesh_sidecar_bundle_rejections_total", "counter", "Bundles refused.",
           m ? counter_get(&m->rejections) : 0);
    metric(&b, "fedmesh_sidecar_bundles_live", "gauge",
           "Bundles in memory: the current one and old ones requests still use.",
           bundle_live_count());
    metric(&b, "fedmesh_sidecar_control_plane_fetch_failures_total", "counter",
           "Fetches the control plane did not answer.", m ? counter_get(&m->fetch_failures) : 0);
    return reply(conn, MHD_HTTP_OK, "text/plain; version=0.0.4", &b);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version, (void)upload, (void)upload_size, (void)con_cls;
    admin *a = cls;
    if (!authorized(a, conn))
        return reply_json(conn, MHD_HTTP_UNAUTHORIZED,
                          "{\"error\":\"a valid bearer token is required\"}");
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0)
        return reply_json(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "{\"error\":\"only GET\"}");
    if (strcmp(url, "/admin/version") == 0) return serve_version(a, conn);
    if (strcmp(url, "/health") == 0) return reply_json(conn, MHD_HTTP_OK, "{\"status\":\"pass\"}");
    if (strcmp(url, "/ready") == 0) return serve_ready(a, conn);
    if (strcmp(url, "/metrics") == 0) return serve_metrics(a, conn);
    return reply_json(conn, MHD_HTTP_NOT_FOUND, "{\"error\":\"not found\"}");
}

admin *admin_start(const admin_config *cfg)
{
    struct sockaddr_storage addr;
    socklen_t addrlen;
    if (!addr_parse(cfg->listen, &addr, &addrlen)) {
        fprintf(stderr, "fedmesh-sidecar: --admin wants HOST:PORT, got %s\n", cfg->listen);
        return NULL;
    }
    admin *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->cfg = *cfg;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
    if (addr.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    a->daemon = MHD_start_daemon(flags, 0, NULL, NULL, handle, a, MHD_OPTION_SOCK_ADDR,
                                 (const struct sockaddr *)&addr, MHD_OPTION_CONNECTION_TIMEOUT,
                                 (unsigned)10, MHD_OPTION_END);
    if (!a->daemon) {
        fprintf(stderr, "fedmesh-sidecar: cannot serve the admin endpoint on %s\n", cfg->listen);
        free(a);
        return NULL;
    }
    return a;
}

int admin_port(const admin *a)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(a->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

void admin_stop(admin *a)
{
    if (!a) return;
    MHD_stop_daemon(a->daemon);
    free(a);
}
