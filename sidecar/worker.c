/* worker.c: a worker thread and its loop (see worker.h). The loop sleeps in
 * curl_multi_poll() on curl's sockets plus the daemon's epoll descriptor,
 * so HTTP and subgraph traffic wake the same thread; after each wake-up it
 * lets the daemon read and write, then advances the executor's jobs. At the
 * top of each turn it checks whether the gateway's current bundle changed
 * and, if so, adopts it. */
#include "worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "http.h"

#define WORKER_MAX_WAIT_MS 1000
#define WORKER_USAGE_EVERY_MS 1000 /* how often the usage map is handed over */

struct worker {
    http_worker_ctx ctx; /* its bundle and plan cache are this worker's own */
    worker_counters counters;
    usage_box usage_out; /* the control-plane thread takes from here */
    long usage_since;    /* when the map in ctx.usage was started */
    struct MHD_Daemon *daemon;
    executor *ex;
    pthread_t thread;
    atomic_int stopping;
    long drain_ms;
};

static int wait_ms(worker *w)
{
    MHD_UNSIGNED_LONG_LONG mhd_ms;
    if (MHD_get_timeout(w->daemon, &mhd_ms) == MHD_YES && mhd_ms < WORKER_MAX_WAIT_MS)
        return (int)mhd_ms;
    return WORKER_MAX_WAIT_MS;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A fresh plan cache for bundle `b`, holding its precompiled plans. The
 * entries point into the bundle: the worker frees this cache before it
 * releases the bundle. */
static plan_cache *cache_for(const worker *w, const bundle *b)
{
    plan_cache *c = plan_cache_new(w->ctx.gw->plan_cache_bytes);
    for (size_t i = 0; b && i < b->nplans; i++) {
        const bundle_plan *bp = &b->plans[i];
        plan_entry *e = plan_entry_new(bp->query, bp->query_len, bp->operation_name);
        e->doc = bp->doc;
        e->op = bp->op;
        e->plan = bp->plan;
        plan_cache_put(c, e);
        plan_entry_release(e);
    }
    return c;
}

/* Switches to the gateway's current bundle. Requests in flight keep their
 * own references to the old bundle and plan entries, and finish on them. */
static void adopt_current(worker *w)
{
    bundle *b = bundle_slot_acquire(w->ctx.gw->bundles);
    plan_cache *c = cache_for(w, b);
    plan_cache_free(w->ctx.cache);
    bundle_release(w->ctx.bundle);
    w->ctx.cache = c;
    w->ctx.bundle = b;
}

/* Hands the operations counted over, once a second, if the last map was
 * taken; otherwise keeps counting into the same one. */
static void hand_over_usage(worker *w)
{
    long now = now_ms();
    if (now - w->usage_since < WORKER_USAGE_EVERY_MS) return;
    if (usage_size(w->ctx.usage) && usage_box_put(&w->usage_out, w->ctx.usage))
        w->ctx.usage = usage_new();
    w->usage_since = now;
}

static void *worker_loop(void *arg)
{
    worker *w = arg;
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(w->daemon, MHD_DAEMON_INFO_EPOLL_FD);
    struct curl_waitfd daemon_fd = {.fd = info->epoll_fd, .events = CURL_WAIT_POLLIN};
    long drain_until = 0;
    for (;;) {
        if (bundle_slot_peek(w->ctx.gw->bundles) != w->ctx.bundle) adopt_current(w);
        hand_over_usage(w);
        if (atomic_load(&w->stopping)) {
            if (!drain_until) {
                /* Stop accepting; connections already open are still served.
                 * The listening socket is main's to close. */
                MHD_quiesce_daemon(w->daemon);
                drain_until = now_ms() + w->drain_ms;
            }
            if (executor_pending(w->ex) == 0 || now_ms() > drain_until) break;
        }
        curl_multi_poll(executor_multi(w->ex), &daemon_fd, 1, wait_ms(w), NULL);
        MHD_run(w->daemon);
        executor_drive(w->ex);
        /* Answers that arrived in executor_drive resumed their connections:
         * let the daemon send them now rather than after the next wake-up. */
        MHD_run(w->daemon);
    }
    return NULL;
}

static void worker_free(worker *w)
{
    if (w->daemon) MHD_stop_daemon(w->daemon); /* ends every request, releasing its bundle */
    if (w->ex) executor_free(w->ex);
    plan_cache_free(w->ctx.cache);
    bundle_release(w->ctx.bundle);
    usage_free(w->ctx.usage);
    usage_free(usage_box_take(&w->usage_out));
    free(w);
}

worker *worker_start(const gateway *gw, int listener)
{
    worker *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->ex = executor_new(&gw->exec);
    w->ctx =
        (http_worker_ctx){.gw = gw, .ex = w->ex, .counters = &w->counters, .usage = usage_new()};
    w->usage_since = now_ms();
    adopt_current(w);
    w->daemon = MHD_start_daemon(
        MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL,
        http_handle, &w->ctx, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)listener,
        MHD_OPTION_NOTIFY_COMPLETED, http_completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)120, MHD_OPTION_CONNECTION_LIMIT, (unsigned int)10000, MHD_OPTION_END);
    if (!w->daemon || !w->ex) {
        fprintf(stderr, "fedmesh-sidecar: cannot start a worker\n");
        worker_free(w);
        return NULL;
    }
    if (pthread_create(&w->thread, NULL, worker_loop, w) != 0) {
        worker_free(w);
        return NULL;
    }
    return w;
}

void worker_wake(worker *w)
{
    curl_multi_wakeup(executor_multi(w->ex));
}

usage_map *worker_take_usage(worker *w)
{
    return usage_box_take(&w->usage_out);
}

const worker_counters *worker_get_counters(const worker *w)
{
    return &w->counters;
}

void worker_stop(worker *w, long drain_ms)
{
    w->drain_ms = drain_ms;
    atomic_store(&w->stopping, 1);
    worker_wake(w);
    pthread_join(w->thread, NULL);
    worker_free(w);
}
