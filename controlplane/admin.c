/* admin.c: see admin.h. */
#include "admin.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "json.h"

typedef struct admin_request {
    sbuf body;
    bool too_big;
} admin_request;

typedef struct admin_reply {
    unsigned status;
    const char *content_type;
    const char *allow; /* Allow header of a 405, or NULL */
    sbuf body;
} admin_reply;

void admin_error_json(sbuf *out, const char *message)
{
    sbuf_reset(out);
    sbuf_puts(out, "{\"error\":");
    sbuf_json_string(out, message, strlen(message));
    sbuf_putc(out, '}');
}

static void reply_error(admin_reply *r, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void reply_error(admin_reply *r, unsigned status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->status = status;
    r->content_type = "application/json";
    admin_error_json(&r->body, msg);
}

/* ---- authentication ---- */

static bool same_secret(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    unsigned char diff = (unsigned char)(na != nb);
    for (size_t i = 0; i < na; i++)
        diff |= (unsigned char)(a[i] ^ b[i % (nb ? nb : 1)]);
    return diff == 0;
}

static bool authorised(const admin *a, struct MHD_Connection *c)
{
    if (!*a->token) return true;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    return h && strncmp(h, "Bearer ", 7) == 0 && same_secret(h + 7, a->token);
}

/* ---- request bodies ---- */

/* The JSON object of the body, or NULL after replying with the fault. */
static const json_value *body_object(admin_reply *r, arena *ar, const admin_request *rq)
{
    if (rq->too_big) {
        reply_error(r, 413, "the request body is larger than %u bytes", ADMIN_MAX_BODY);
        return NULL;
    }
    json_error jerr;
    const json_value *v =
        json_parse(ar, rq->body.data ? rq->body.data : "", rq->body.len, 16, &jerr);
    if (!v) {
        reply_error(r, 400, "the request body is not JSON: %s", jerr.message);
        return NULL;
    }
    if (v->type != JSON_OBJECT) {
        reply_error(r, 400, "the request body must be a JSON object");
        return NULL;
    }
    return v;
}

/* Every member of v is one of the names allowed. */
static bool only_known_members(admin_reply *r, const json_value *v, const char *const *allowed)
{
    for (uint32_t i = 0; i < v->len; i++) {
        bool known = false;
        for (const char *const *k = allowed; *k && !known; k++)
            known = strcmp(*k, v->u.members[i].key) == 0;
        if (!known) {
            reply_error(r, 400, "unknown field \"%s\"", v->u.members[i].key);
            return false;
        }
    }
    return true;
}

/* A string member: its text, NULL when absent (optional) or after replying. */
static const char *string_member(admin_reply *r, const json_value *v, const char *key,
                                 bool required, bool *failed)
{
    const json_value *m = json_get(v, key);
    if (!m && !required) return NULL;
    if (!m || m->type != JSON_STRING || strlen(m->u.str) != m->len) {
        reply_error(r, 400, "\"%s\" must be a string", key);
        *failed = true;
        return NULL;
    }
    return m->u.str;
}

static void add_checked(admin *a, admin_reply *r, const char *name, const char *url,
                        const char *sdl_file)
{
    if (!cfg_valid_subgraph_name(name))
        reply_error(r, 400, "\"%s\" is not a valid subgraph name ([A-Za-z_][A-Za-z0-9_-]*)", name);
    else if (!cfg_valid_url(url))
        reply_error(r, 400, "\"%s\" is not an http(s) URL", url);
    else
        r->status = (unsigned)a->ops.add_subgraph(
            a->ops.ctx, name, url, sdl_file && *sdl_file ? sdl_file : NULL, &r->body);
}

static void add_subgraph(admin *a, admin_reply *r, const admin_request *rq)
{
    static const char *const allowed[] = {"name", "url", "sdl_file", NULL};
    arena ar;
    arena_init(&ar, 0);
    const json_value *v = body_object(r, &ar, rq);
    bool failed = !v || !only_known_members(r, v, allowed);
    const char *name = failed ? NULL : string_member(r, v, "name", true, &failed);
    const char *url = failed ? NULL : string_member(r, v, "url", true, &failed);
    const char *sdl_file = failed ? NULL : string_member(r, v, "sdl_file", false, &failed);
    if (!failed) add_checked(a, r, name, url, sdl_file);
    arena_free(&ar);
}

static void rollback(admin *a, admin_reply *r, const admin_request *rq)
{
    static const char *const allowed[] = {"version", NULL};
    arena ar;
    arena_init(&ar, 0);
    const json_value *v = body_object(r, &ar, rq);
    int64_t version = 0;
    if (v && only_known_members(r, v, allowed)) {
        const json_value *m = json_get(v, "version");
        if (!m || m->type != JSON_NUMBER || !json_as_int64(m, &version) || version < 1)
            reply_error(r, 400, "\"version\" must be a positive whole number");
        else
            r->status = (unsigned)a->ops.rollback(a->ops.ctx, (uint64_t)version, &r->body);
    }
    arena_free(&ar);
}

/* ---- routing ---- */

static bool method_is(admin_reply *r, const char *method, const char *want, const char *url)
{
    if (strcmp(method, want) == 0) return true;
    reply_error(r, 405, "%s is not allowed on %s; use %s", method, url, want);
    r->allow = want;
    return false;
}

static void route(admin *a, admin_reply *r, const char *url, const char *method,
                  const admin_request *rq)
{
    r->status = 200;
    r->content_type = "application/json";
    static const char subgraph_prefix[] = "/v1/subgraphs/";
    if (strcmp(url, "/v1/status") == 0) {
        if (method_is(r, method, "GET", url)) a->ops.status(a->ops.ctx, &r->body);
    } else if (strcmp(url, "/v1/sidecars") == 0) {
        if (method_is(r, method, "GET", url)) a->ops.sidecars(a->ops.ctx, &r->body);
    } else if (strcmp(url, "/v1/supergraph") == 0) {
        if (!method_is(r, method, "GET", url)) return;
        r->content_type = "text/plain; charset=utf-8";
        if (!a->ops.supergraph(a->ops.ctx, &r->body))
            reply_error(r, 404, "no supergraph has been composed yet");
    } else if (strcmp(url, "/metrics") == 0) {
        if (!method_is(r, method, "GET", url)) return;
        r->content_type = "text/plain; version=0.0.4";
        a->ops.metrics(a->ops.ctx, &r->body);
    } else if (strcmp(url, "/v1/subgraphs") == 0) {
        if (method_is(r, method, "POST", url)) add_subgraph(a, r, rq);
    } else if (strncmp(url, subgraph_prefix, sizeof subgraph_prefix - 1) == 0) {
        if (method_is(r, method, "DELETE", url))
            r->status = (unsigned)a->ops.remove_subgraph(
                a->ops.ctx, url + sizeof subgraph_prefix - 1, &r->body);
    } else if (strcmp(url, "/v1/rollback") == 0) {
        if (method_is(r, method, "POST", url)) rollback(a, r, rq);
    } else {
        reply_error(r, 404, "no such endpoint: %s", url);
    }
}

static enum MHD_Result send_reply(struct MHD_Connection *c, admin_reply *r)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        r->body.len, r->body.data ? r->body.data : (char *)"", MHD_RESPMEM_MUST_COPY);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->content_type);
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (r->allow) MHD_add_response_header(resp, "Allow", r->allow);
    if (r->status == 401) MHD_add_response_header(resp, "WWW-Authenticate", "Bearer");
    enum MHD_Result ok = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload,
                                  size_t *upload_size, void **state)
{
    (void)version;
    admin *a = cls;
    admin_request *rq = *state;
    if (!rq) {
        rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        sbuf_init(&rq->body);
        *state = rq;
        return MHD_YES;
    }
    if (*upload_size) {
        if (rq->body.len + *upload_size > ADMIN_MAX_BODY)
            rq->too_big = true;
        else
            sbuf_append(&rq->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    admin_reply r = {0};
    sbuf_init(&r.body);
    if (!authorised(a, c))
        reply_error(&r, 401, "a valid bearer token is required");
    else
        route(a, &r, url, method, rq);
    enum MHD_Result ok = send_reply(c, &r);
    sbuf_free(&r.body);
    return ok;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)c, (void)why;
    admin_request *rq = *state;
    if (!rq) return;
    sbuf_free(&rq->body);
    free(rq);
    *state = NULL;
}

/* ---- start and stop ---- */

/* HOST:PORT (HOST may be [v6]) to an address; false with a message. */
static bool resolve(const char *listen, struct sockaddr_storage *out, socklen_t *outlen, char *err,
                    size_t errlen)
{
    const char *colon = strrchr(listen, ':');
    if (!colon || colon == listen || !colon[1]) {
        snprintf(err, errlen, "admin address \"%s\" must be HOST:PORT", listen);
        return false;
    }
    char host[256];
    size_t n = (size_t)(colon - listen);
    if (listen[0] == '[' && colon[-1] == ']') {
        listen++;
        n -= 2;
    }
    if (n >= sizeof host) n = sizeof host - 1;
    memcpy(host, listen, n);
    host[n] = '\0';
    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_NUMERICSERV | AI_PASSIVE};
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(host, colon + 1, &hints, &res);
    if (rc != 0 || !res) {
        snprintf(err, errlen, "admin address \"%s\": %s", listen, gai_strerror(rc));
        return false;
    }
    memcpy(out, res->ai_addr, res->ai_addrlen);
    *outlen = res->ai_addrlen;
    freeaddrinfo(res);
    return true;
}

bool admin_start(admin *a, const char *listen, const char *token, const admin_ops *ops, char *err,
                 size_t errlen)
{
    memset(a, 0, sizeof *a);
    if (!cfg_is_loopback(listen) && (!token || !*token)) {
        snprintf(err, errlen, "the admin API on %s (not loopback) needs a token", listen);
        return false;
    }
    struct sockaddr_storage addr;
    socklen_t addrlen = 0;
    if (!resolve(listen, &addr, &addrlen, err, errlen)) return false;
    a->token = strdup(token ? token : "");
    a->ops = *ops;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
    if (addr.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    a->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, a, MHD_OPTION_SOCK_ADDR,
                                 (struct sockaddr *)&addr, MHD_OPTION_NOTIFY_COMPLETED,
                                 on_completed, NULL, MHD_OPTION_CONNECTION_LIMIT, 64u,
                                 MHD_OPTION_CONNECTION_TIMEOUT, 10u, MHD_OPTION_END);
    if (!a->daemon) {
        snprintf(err, errlen, "cannot serve the admin API on %s (address in use?)", listen);
        free(a->token);
        a->token = NULL;
        return false;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(a->daemon, MHD_DAEMON_INFO_BIND_PORT);
    a->port = info ? info->port : 0;
    return true;
}

void admin_stop(admin *a)
{
    if (a->daemon) MHD_stop_daemon(a->daemon);
    free(a->token);
    memset(a, 0, sizeof *a);
}
