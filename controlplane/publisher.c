/* publisher.c: see publisher.h. */
#include "publisher.h"

#include <errno.h>
#include <nng/protocol/pipeline0/pull.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/reqrep0/rep.h>
#include <nng/supplemental/tls/tls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "wire_fetch.h"

static bool fail(char *err, size_t errlen, const char *what, const char *url, int rv)
{
    snprintf(err, errlen, "%s %s: %s", what, url, nng_strerror(rv));
    return false;
}

/* A server TLS configuration from the PEM files. */
static bool load_tls(publisher *p, const pub_addresses *a, char *err, size_t errlen)
{
    size_t cert_len, key_len;
    char *cert = fio_read(a->tls_cert_file, 1 << 20, &cert_len);
    if (!cert) {
        snprintf(err, errlen, "%s: %s", a->tls_cert_file, strerror(errno));
        return false;
    }
    char *key = fio_read(a->tls_key_file, 1 << 20, &key_len);
    if (!key) {
        snprintf(err, errlen, "%s: %s", a->tls_key_file, strerror(errno));
        free(cert);
        return false;
    }
    int rv = nng_tls_config_alloc(&p->tls, NNG_TLS_MODE_SERVER);
    if (rv == 0) rv = nng_tls_config_own_cert(p->tls, cert, key, NULL);
    free(cert);
    free(key);
    if (rv != 0) {
        snprintf(err, errlen, "TLS certificate %s / key %s: %s", a->tls_cert_file, a->tls_key_file,
                 nng_strerror(rv));
        return false;
    }
    return true;
}

/* The address sidecars dial for a bound url: the advertised host (or this
 * machine's name for a wildcard host) and the port actually bound. */
static void advertised(const char *url, nng_listener l, const char *advertise_host, char *out,
                       size_t outlen)
{
    const char *scheme_end = strstr(url, "://");
    const char *colon = strrchr(url, ':');
    bool tcp = strncmp(url, "tcp://", 6) == 0 || strncmp(url, "tls+tcp://", 10) == 0;
    if (!tcp || !scheme_end || colon <= scheme_end + 2) {
        snprintf(out, outlen, "%s", url);
        return;
    }
    const char *host = scheme_end + 3;
    int hostlen = (int)(colon - host);
    char machine[256] = "localhost";
    bool wildcard = hostlen == 0 || (hostlen == 7 && strncmp(host, "0.0.0.0", 7) == 0) ||
                    (hostlen == 1 && *host == '*') ||
                    (hostlen == 4 && strncmp(host, "[::]", 4) == 0);
    if (advertise_host && *advertise_host) {
        host = advertise_host;
        hostlen = (int)strlen(advertise_host);
    } else if (wildcard) {
        gethostname(machine, sizeof machine - 1);
        host = machine;
        hostlen = (int)strlen(machine);
    }
    int port = 0;
    if (nng_listener_get_int(l, NNG_OPT_TCP_BOUND_PORT, &port) != 0) port = atoi(colon + 1);
    snprintf(out, outlen, "%.*s%.*s:%d", (int)(scheme_end + 3 - url), url, hostlen, host, port);
}

static bool listen_on(publisher *p, nng_socket s, const char *what, const char *url,
                      const pub_addresses *a, char *adv, size_t advlen, char *err, size_t errlen)
{
    nng_listener l;
    int rv = nng_listener_create(&l, s, url);
    if (rv != 0) return fail(err, errlen, "cannot use", url, rv);
    if (strncmp(url, "tls+", 4) == 0) {
        if (!p->tls && !load_tls(p, a, err, errlen)) return false;
        rv = nng_listener_set_ptr(l, NNG_OPT_TLS_CONFIG, p->tls);
        if (rv != 0) return fail(err, errlen, "TLS on", url, rv);
    }
    rv = nng_listener_start(l, 0);
    if (rv != 0) {
        char label[64];
        snprintf(label, sizeof label, "cannot bind the %s socket to", what);
        return fail(err, errlen, label, url, rv);
    }
    if (adv) advertised(url, l, a->advertise_host, adv, advlen);
    return true;
}

bool pub_start(publisher *p, const pub_addresses *a, char *err, size_t errlen)
{
    memset(p, 0, sizeof *p);
    int rv = nng_pub0_open(&p->pub);
    if (rv == 0) rv = nng_rep0_open(&p->rep);
    if (rv == 0) rv = nng_pull0_open(&p->pull);
    if (rv != 0) {
        snprintf(err, errlen, "cannot open nng sockets: %s", nng_strerror(rv));
        pub_stop(p);
        return false;
    }
    p->started = true;
    nng_socket_set_size(p->rep, NNG_OPT_RECVMAXSZ, PUB_MAX_REQUEST_BYTES);
    nng_socket_set_size(p->pull, NNG_OPT_RECVMAXSZ, WIRE_MAX_REPORT_BYTES);
    char fetch_url[256];
    bool ok =
        listen_on(p, p->pub, "publish", a->publish, a, p->publish_url, sizeof p->publish_url, err,
                  errlen) &&
        listen_on(p, p->rep, "fetch", a->fetch, a, fetch_url, sizeof fetch_url, err, errlen) &&
        listen_on(p, p->pull, "report", a->report, a, p->report_url, sizeof p->report_url, err,
                  errlen);
    if (!ok) pub_stop(p);
    return ok;
}

void pub_stop(publisher *p)
{
    if (p->started) {
        nng_close(p->pub);
        nng_close(p->rep);
        nng_close(p->pull);
    }
    if (p->tls) nng_tls_config_free(p->tls);
    memset(p, 0, sizeof *p);
}

bool pub_wait_fds(const publisher *p, int *rep_fd, int *pull_fd)
{
    return nng_socket_get_int(p->rep, NNG_OPT_RECVFD, rep_fd) == 0 &&
           nng_socket_get_int(p->pull, NNG_OPT_RECVFD, pull_fd) == 0;
}

bool pub_announce(publisher *p, const void *envelope, size_t len)
{
    if (nng_send(p->pub, (void *)envelope, len, NNG_FLAG_NONBLOCK) != 0) return false;
    p->announcements++;
    return true;
}

static void answer(publisher *p, const Fedmesh__FetchReply *reply)
{
    sbuf out;
    sbuf_init(&out);
    wire_fetch_reply_encode(reply, &out);
    nng_send(p->rep, out.data ? out.data : "", out.len, NNG_FLAG_NONBLOCK);
    sbuf_free(&out);
}

static void serve_one(publisher *p, arena *a, const void *buf, size_t len,
                      const Fedmesh__BundleEnvelope *current)
{
    Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
    reply.publish_url = p->publish_url;
    reply.report_url = p->report_url;
    wire_reason why;
    Fedmesh__FetchRequest *req = wire_fetch_request_decode(a, buf, len, &why);
    char error[256];
    if (!req) {
        p->fetch_errors++;
        snprintf(error, sizeof error, "bad fetch request: %s", why.text);
        reply.error = error;
    } else if (!current) {
        reply.error = "no bundle composed yet";
    } else if (req->have_version == current->version) {
        reply.up_to_date = true;
    } else {
        reply.envelope = (Fedmesh__BundleEnvelope *)current;
    }
    p->fetches++;
    answer(p, &reply);
}

void pub_serve_fetches(publisher *p, const Fedmesh__BundleEnvelope *current)
{
    arena a;
    arena_init(&a, 0);
    for (;;) {
        void *buf = NULL;
        size_t len = 0;
        if (nng_recv(p->rep, &buf, &len, NNG_FLAG_NONBLOCK | NNG_FLAG_ALLOC) != 0) break;
        serve_one(p, &a, buf, len, current);
        nng_free(buf, len);
        arena_reset(&a);
    }
    arena_free(&a);
}

void pub_drain_reports(publisher *p, pub_report_fn on_report, pub_drop_fn on_drop, void *ctx)
{
    arena a;
    arena_init(&a, 0);
    for (;;) {
        void *buf = NULL;
        size_t len = 0;
        if (nng_recv(p->pull, &buf, &len, NNG_FLAG_NONBLOCK | NNG_FLAG_ALLOC) != 0) break;
        wire_report report;
        wire_reason why;
        if (wire_report_decode(&a, buf, len, &report, &why)) {
            p->report_frames++;
            on_report(ctx, &report);
        } else {
            p->report_frames_dropped++;
            if (on_drop) on_drop(ctx, why.text);
        }
        nng_free(buf, len);
        arena_reset(&a);
    }
    arena_free(&a);
}
