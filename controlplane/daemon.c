/* daemon.c: start, event loop and stop of `fedmesh-controlplane --config`.
 *
 * One thread runs the loop: libcurl's multi poll waits on the subgraph
 * transfers, the nng REP and PULL sockets' descriptors and a signalfd at
 * once, so a fetch request or a report is handled as soon as it arrives and
 * SIGTERM ends the loop promptly. libmicrohttpd serves the admin API on its
 * own thread (daemon_admin.c). */
#include "daemon.h"

#include <errno.h>
#include <inttypes.h>
#include <nng/nng.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "daemon_int.h"
#include "fileio.h"
#include "json.h"

#define CPD_MAX_WAIT_MS 1000

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fedmesh-controlplane: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---- the subgraph list ---- */

/* subgraphs.json as the admin API saved it; false (and a message) when it
 * is damaged. */
static bool load_saved_subgraphs(cpd *d, const char *text, size_t len)
{
    arena a;
    arena_init(&a, 0);
    json_error jerr;
    const json_value *list = json_parse(&a, text, len, 8, &jerr);
    bool ok = list && list->type == JSON_ARRAY;
    for (uint32_t i = 0; ok && i < list->len; i++) {
        const json_value *item = &list->u.items[i];
        const json_value *name = json_get(item, "name"), *url = json_get(item, "url");
        const json_value *file = json_get(item, "sdl_file");
        ok = name && name->type == JSON_STRING && cfg_valid_subgraph_name(name->u.str) && url &&
             url->type == JSON_STRING && cfg_valid_url(url->u.str) &&
             (!file || file->type == JSON_STRING) &&
             cpd_add_subgraph(d, name->u.str, url->u.str, file ? file->u.str : NULL);
    }
    if (!ok) say("%s/subgraphs.json is damaged; delete it to use the config's list", d->store.dir);
    arena_free(&a);
    return ok;
}

static bool load_subgraph_list(cpd *d)
{
    size_t len = 0;
    char *saved = store_load_subgraphs(&d->store, &len);
    if (saved) {
        bool ok = load_saved_subgraphs(d, saved, len);
        free(saved);
        if (ok) say("subgraph list from %s/subgraphs.json (%u)", d->store.dir, d->nsubgraphs);
        return ok;
    }
    if (errno != ENOENT) {
        say("%s/subgraphs.json: %s", d->store.dir, strerror(errno));
        return false;
    }
    for (uint32_t i = 0; i < d->config->nsubgraphs; i++) {
        const cfg_subgraph *g = &d->config->subgraphs[i];
        if (!cpd_add_subgraph(d, g->name, g->url, g->sdl_file)) return false;
    }
    return true;
}

/* Applies the list to the poller: gone or changed sources stop, new ones start. */
static void sync_sources(cpd *d)
{
    for (uint32_t i = d->poller.nsources; i-- > 0;) {
        const poll_source *s = d->poller.sources[i];
        bool keep = false;
        for (uint32_t j = 0; j < d->nsubgraphs && !keep; j++) {
            const cpd_subgraph *g = &d->subgraphs[j];
            keep =
                strcmp(g->name, s->name) == 0 && strcmp(g->url, s->url) == 0 &&
                (g->sdl_file ? s->sdl_file && strcmp(g->sdl_file, s->sdl_file) == 0 : !s->sdl_file);
        }
        if (!keep) poller_remove(&d->poller, s->name);
    }
    for (uint32_t j = 0; j < d->nsubgraphs; j++)
        if (!poller_find(&d->poller, d->subgraphs[j].name))
            poller_add(&d->poller, d->subgraphs[j].name, d->subgraphs[j].url,
                       d->subgraphs[j].sdl_file);
    d->subgraphs_dirty = false;
}

/* ---- start ---- */

static bool load_registered_operations(cpd *d)
{
    const cfg *c = d->config;
    d->registered = ARENA_ARRAY(&d->ops_arena, bundle_op, 1);
    for (uint32_t i = 0; i < c->noperations; i++) {
        size_t len = 0;
        char *text = fio_read(c->operations[i], 1u << 20, &len);
        if (!text) {
            say("operation file %s: %s", c->operations[i], strerror(errno));
            return false;
        }
        bundle_op *ops = NULL;
        uint32_t n = 0;
        char err[512];
        bool ok = bundle_ops_of_document(&d->ops_arena, text, len, &ops, &n, err, sizeof err);
        free(text);
        if (!ok) {
            say("operation file %s: %s", c->operations[i], err);
            return false;
        }
        bundle_op *all = ARENA_ARRAY(&d->ops_arena, bundle_op, d->nregistered + n);
        memcpy(all, d->registered, d->nregistered * sizeof *all);
        memcpy(all + d->nregistered, ops, n * sizeof *ops);
        d->registered = all;
        d->nregistered += n;
    }
    return true;
}

/* The current bundle of the last run, so fetches are answered at once. */
static void restore_current(cpd *d)
{
    if (!d->store.current) return;
    size_t len = 0;
    void *env = store_get_bundle(&d->store, d->store.current, &len);
    char err[512] = "";
    if (!env) snprintf(err, sizeof err, "%s", strerror(errno));
    if (env && cpd_set_current(d, env, len, err, sizeof err))
        say("version %" PRIu64 " restored from %s", d->version, d->store.dir);
    else
        say("version %" PRIu64 " cannot be restored (%s); the next one will be %" PRIu64,
            d->store.current, err, store_next_version(&d->store));
    free(env);
}

/* A rollback is the last thing history.jsonl records: the SDLs it was made
 * on stay rolled back (daemon_publish.c), so they are not composed again. */
static void restore_rollback(cpd *d)
{
    char line[4096];
    if (!store_last_history(&d->store, line, sizeof line)) return;
    arena a;
    arena_init(&a, 0);
    json_error jerr;
    const json_value *entry = json_parse(&a, line, strlen(line), 4, &jerr);
    const json_value *inputs = json_get(entry, "inputs");
    if (json_get(entry, "rollback_of") && inputs && inputs->type == JSON_STRING &&
        inputs->len == WIRE_SHA256_HEX_SIZE - 1) {
        memcpy(d->last_attempt_from, inputs->u.str, WIRE_SHA256_HEX_SIZE);
        d->attempted = true;
        d->last.ok = true;
        d->last.at_ms = poller_wall_ms();
    }
    arena_free(&a);
}

static bool start(cpd *d)
{
    const cfg *c = d->config;
    char err[512];
    if (!store_open(&d->store, c->state_dir, err, sizeof err)) {
        say("state directory: %s", err);
        return false;
    }
    if (!load_subgraph_list(d) || !load_registered_operations(d)) return false;
    restore_current(d);
    restore_rollback(d);
    poll_timing t = {c->poll_interval_ms, c->poll_jitter_ms, c->poll_timeout_ms,
                     c->poll_max_backoff_ms};
    if (!poller_init(&d->poller, &t)) {
        say("cannot start libcurl");
        return false;
    }
    sync_sources(d);
    pub_addresses addrs = {c->nng_publish,    c->nng_fetch,     c->nng_report,
                           c->advertise_host, c->tls_cert_file, c->tls_key_file};
    if (!pub_start(&d->pub, &addrs, err, sizeof err)) {
        say("%s", err);
        return false;
    }
    admin_ops ops = cpd_admin_ops;
    ops.ctx = d;
    if (!admin_start(&d->admin, c->admin_listen, c->admin_token, &ops, err, sizeof err)) {
        say("%s", err);
        return false;
    }
    say("admin http://%s, fetch %s, publish %s, report %s, %u subgraphs, next version %" PRIu64,
        c->admin_listen, c->nng_fetch, d->pub.publish_url, d->pub.report_url, d->nsubgraphs,
        store_next_version(&d->store));
    return true;
}

/* ---- reports ---- */

static void on_report(void *ctx, const wire_report *r)
{
    cpd *d = ctx;
    uint64_t now = poller_wall_ms();
    switch (r->type) {
    case WIRE_REPORT_ACK:
        reg_ack(&d->sidecars, r->ack.sidecar, r->ack.admin, r->ack.version, r->ack.sha256,
                r->ack.at_ms, now);
        break;
    case WIRE_REPORT_REJECT:
        reg_reject(&d->sidecars, r->reject.sidecar, r->reject.admin, r->reject.version,
                   r->reject.reason, now);
        say("sidecar %s rejected version %" PRIu64 ": %s", r->reject.sidecar, r->reject.version,
            r->reject.reason);
        break;
    case WIRE_REPORT_HEARTBEAT:
        reg_heartbeat(&d->sidecars, r->heartbeat.sidecar, r->heartbeat.admin, r->heartbeat.version,
                      r->heartbeat.listen, now);
        break;
    case WIRE_REPORT_USAGE:
        reg_seen(&d->sidecars, r->usage.sidecar, now);
        for (uint32_t i = 0; i < r->usage.nops; i++)
            usage_add(&d->usage, r->usage.ops[i].query, strlen(r->usage.ops[i].query),
                      r->usage.ops[i].operation_name, r->usage.ops[i].count);
        break;
    }
}

/* Logged at the 1st, 2nd, 4th, 8th... drop: a peer sending garbage in a
 * loop must not flood the log. */
static void on_drop(void *ctx, const char *reason)
{
    const cpd *d = ctx;
    uint64_t n = d->pub.report_frames_dropped;
    if ((n & (n - 1)) == 0) say("report frame dropped (%" PRIu64 " so far): %s", n, reason);
}

/* ---- the loop ---- */

static bool stop_requested(int sigfd)
{
    struct signalfd_siginfo info;
    return read(sigfd, &info, sizeof info) == (ssize_t)sizeof info;
}

static void run_loop(cpd *d, int sigfd)
{
    int rep_fd = -1, pull_fd = -1;
    pub_wait_fds(&d->pub, &rep_fd, &pull_fd);
    struct curl_waitfd fds[3] = {{rep_fd, CURL_WAIT_POLLIN, 0},
                                 {pull_fd, CURL_WAIT_POLLIN, 0},
                                 {sigfd, CURL_WAIT_POLLIN, 0}};
    while (!stop_requested(sigfd)) {
        pthread_mutex_lock(&d->lock);
        if (d->subgraphs_dirty) sync_sources(d);
        int wait = poller_dispatch(&d->poller);
        cpd_compose_if_changed(d);
        pub_serve_fetches(&d->pub, d->current_env);
        pub_drain_reports(&d->pub, on_report, on_drop, d);
        pthread_mutex_unlock(&d->lock);
        poller_wait(&d->poller, wait < CPD_MAX_WAIT_MS ? wait : CPD_MAX_WAIT_MS, fds, 3);
    }
}

/* ---- stop ---- */

static void release(cpd *d)
{
    admin_stop(&d->admin); /* first: its thread reads everything below */
    pub_stop(&d->pub);
    poller_free(&d->poller);
    reg_free(&d->sidecars);
    usage_free(&d->usage);
    composition_free(&d->last);
    for (uint32_t i = 0; i < d->nsubgraphs; i++) {
        free(d->subgraphs[i].name);
        free(d->subgraphs[i].url);
        free(d->subgraphs[i].sdl_file);
    }
    free(d->subgraphs);
    free(d->supergraph);
    arena_free(&d->ops_arena);
    arena_free(&d->current_arena);
    store_close(&d->store);
    pthread_mutex_destroy(&d->lock);
}

/* SIGTERM and SIGINT arrive through a descriptor. Blocked before any thread
 * starts, so every thread inherits the mask and none is interrupted. */
static int signal_descriptor(void)
{
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    return signalfd(-1, &stop, SFD_NONBLOCK | SFD_CLOEXEC);
}

int cpd_run(const char *config_path)
{
    cfg config;
    char err[1024];
    if (!cfg_load(&config, config_path, err, sizeof err)) {
        say("%s", err);
        cfg_free(&config);
        return 1;
    }
    int sigfd = signal_descriptor();
    curl_global_init(CURL_GLOBAL_DEFAULT);
    cpd d;
    memset(&d, 0, sizeof d);
    d.config = &config;
    pthread_mutex_init(&d.lock, NULL);
    arena_init(&d.ops_arena, 0);
    arena_init(&d.current_arena, 0);
    reg_init(&d.sidecars);
    usage_init(&d.usage);
    bool ok = sigfd >= 0 && start(&d);
    if (ok) {
        run_loop(&d, sigfd);
        say("stopping at version %" PRIu64, d.version);
    }
    release(&d);
    if (sigfd >= 0) close(sigfd);
    curl_global_cleanup();
    cfg_free(&config);
    nng_fini();
    return ok ? 0 : 1;
}
