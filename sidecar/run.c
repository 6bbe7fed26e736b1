/* run.c: the serving sidecar's threads, started and stopped together (see
 * run.h). Stop signals are blocked in every thread and taken by sigwait on
 * the main one. */
#include "run.h"

#include <errno.h>
#include <nng/nng.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "addr.h"
#include "admin.h"
#include "cpclient.h"
#include "mesh_server.h"
#include "worker.h"

typedef struct running {
    worker *workers[RUN_MAX_WORKERS];
    const worker_counters *counters[RUN_MAX_WORKERS];
    long nworkers;
    mesh_counters mesh;
    admin *admin;
    cpclient *cp;
    mesh_server *mesh_server;
} running;

/* The listening socket every worker accepts on. */
static int open_listener(const char *address)
{
    struct sockaddr_storage addr;
    socklen_t addrlen;
    if (!addr_parse(address, &addr, &addrlen)) {
        fprintf(stderr, "fedmesh-sidecar: --listen wants HOST:PORT, got %s\n", address);
        return -1;
    }
    int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(fd, (const struct sockaddr *)&addr, addrlen) != 0 || listen(fd, 1024) != 0) {
        fprintf(stderr, "fedmesh-sidecar: cannot listen on %s: %s\n", address, strerror(errno));
        if (fd >= 0) close(fd);
        return -1;
    }
    return fd;
}

/* After a swap: every worker adopts the new bundle now, not at its next
 * wake-up. */
static void wake_workers(void *ctx)
{
    running *r = ctx;
    for (long i = 0; i < r->nworkers; i++)
        worker_wake(r->workers[i]);
}

static void collect_usage(void *ctx, usage_map *into)
{
    running *r = ctx;
    for (long i = 0; i < r->nworkers; i++) {
        usage_map *m = worker_take_usage(r->workers[i]);
        if (!m) continue;
        usage_merge(into, m);
        usage_free(m);
    }
}

static bool start_workers(running *r, const run_config *cfg, int listener)
{
    for (; r->nworkers < cfg->threads; r->nworkers++) {
        worker *w = worker_start(cfg->gw, listener);
        if (!w) return false;
        r->workers[r->nworkers] = w;
        r->counters[r->nworkers] = worker_get_counters(w);
    }
    return true;
}

static bool start_admin(running *r, const run_config *cfg)
{
    if (!cfg->admin) return true;
    admin_config acfg = {.listen = cfg->admin,
                         .token = cfg->admin_token,
                         .bundles = cfg->gw->bundles,
                         .workers = r->counters,
                         .nworkers = (size_t)r->nworkers,
                         .mesh = cfg->control_plane ? &r->mesh : NULL,
                         .control_plane = cfg->control_plane};
    r->admin = admin_start(&acfg);
    return r->admin != NULL;
}

static bool start_cpclient(running *r, const run_config *cfg)
{
    if (!cfg->control_plane) return true;
    cpclient_config ccfg = {.control_plane = cfg->control_plane,
                            .id = cfg->id,
                            .admin = cfg->admin,
                            .listen = cfg->listen,
                            .state_dir = cfg->state_dir,
                            .routes = cfg->routes,
                            .nroutes = cfg->nroutes,
                            .bundles = cfg->gw->bundles,
                            .counters = &r->mesh,
                            .on_swap = wake_workers,
                            .collect_usage = collect_usage,
                            .ctx = r,
                            .fetch_interval_ms = cfg->fetch_interval_ms};
    r->cp = cpclient_start(&ccfg);
    return r->cp != NULL;
}

static bool start_mesh_server(running *r, const run_config *cfg)
{
    if (!cfg->mesh_listen) return true;
    mesh_server_config mcfg = {.listen = cfg->mesh_listen,
                               .routes = cfg->routes,
                               .nroutes = cfg->nroutes,
                               .timeout_ms = cfg->gw->exec.timeout_ms,
                               .connect_timeout_ms = cfg->gw->exec.connect_timeout_ms,
                               .max_response_bytes = cfg->gw->exec.max_response_bytes};
    r->mesh_server = mesh_server_start(&mcfg);
    return r->mesh_server != NULL;
}

/* In the reverse order of starting: nothing is swapped in or scraped while
 * the workers drain. */
static void stop_all(running *r)
{
    cpclient_stop(r->cp);
    mesh_server_stop(r->mesh_server);
    admin_stop(r->admin);
    for (long i = 0; i < r->nworkers; i++)
        worker_stop(r->workers[i], 5000);
}

int run_serve(const run_config *cfg)
{
    int listener = open_listener(cfg->listen);
    if (listener < 0) return 1;
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL); /* threads inherit the mask */
    signal(SIGPIPE, SIG_IGN);
    running r = {.nworkers = 0};
    int rc = 0;
    if (start_workers(&r, cfg, listener) && start_admin(&r, cfg) && start_mesh_server(&r, cfg) &&
        start_cpclient(&r, cfg)) {
        fprintf(stderr, "fedmesh-sidecar: serving %s on http://%s/graphql (%ld workers)\n",
                cfg->serving, cfg->listen, r.nworkers);
        int sig;
        sigwait(&stop_signals, &sig);
        fprintf(stderr, "fedmesh-sidecar: stopping\n");
    } else {
        rc = 1;
    }
    stop_all(&r);
    close(listener);
    if (cfg->control_plane || cfg->mesh_listen || cfg->mesh_peers)
        nng_fini(); /* nng's own threads: nothing is left at exit */
    return rc;
}
