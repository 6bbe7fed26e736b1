/* worker.c: a worker thread and its loop (see worker.h). The loop sleeps in
 * curl_multi_poll() on curl's sockets plus the daemon's epoll descriptor,
 * so HTTP and subgraph traffic wake the same thread; after each wake-up it
 * lets the daemon read and write, then advances the executor's jobs. */
#include "worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "http.h"

#define WORKER_MAX_WAIT_MS 1000

struct worker {
    http_worker_ctx ctx;
    struct MHD_Daemon *daemon;
    executor *ex;
    plan_cache *cache;
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

static void *worker_loop(void *arg)
{
    worker *w = arg;
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(w->daemon, MHD_DAEMON_INFO_EPOLL_FD);
    struct curl_waitfd daemon_fd = {.fd = info->epoll_fd, .events = CURL_WAIT_POLLIN};
    long drain_until = 0;
    for (;;) {
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

worker *worker_start(const gateway *gw, int listener)
{
    worker *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->ex = executor_new(&gw->exec);
    w->cache = plan_cache_new(gw->plan_cache_bytes);
    w->ctx = (http_worker_ctx){.gw = gw, .cache = w->cache, .ex = w->ex};
    w->daemon = MHD_start_daemon(
        MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL, http_handle,
        &w->ctx, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)listener,
        MHD_OPTION_NOTIFY_COMPLETED, http_completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)120, MHD_OPTION_CONNECTION_LIMIT, (unsigned int)10000, MHD_OPTION_END);
    if (!w->daemon || !w->ex) {
        fprintf(stderr, "fedmesh-sidecar: cannot start a worker\n");
        if (w->daemon) MHD_stop_daemon(w->daemon);
        if (w->ex) executor_free(w->ex);
        plan_cache_free(w->cache);
        free(w);
        return NULL;
    }
    if (pthread_create(&w->thread, NULL, worker_loop, w) != 0) {
        MHD_stop_daemon(w->daemon);
        executor_free(w->ex);
        plan_cache_free(w->cache);
        free(w);
        return NULL;
    }
    return w;
}

void worker_stop(worker *w, long drain_ms)
{
    w->drain_ms = drain_ms;
    atomic_store(&w->stopping, 1);
    curl_multi_wakeup(executor_multi(w->ex));
    pthread_join(w->thread, NULL);
    MHD_stop_daemon(w->daemon);
    executor_free(w->ex);
    plan_cache_free(w->cache);
    free(w);
}
