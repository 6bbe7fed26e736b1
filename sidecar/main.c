/* main.c: fedmesh-sidecar. Static mode serves one supergraph file with no
 * control plane (like `router --supergraph`):
 *
 *   fedmesh-sidecar --supergraph FILE [--listen HOST:PORT] [--admin HOST:PORT]
 *                   [--admin-token TOKEN] [--threads N] [--subgraph-timeout-ms N]
 *                   [--max-body-bytes N] [--max-depth N] [--plan-cache-mb N]
 *   fedmesh-sidecar --supergraph FILE --explain QUERY_FILE
 *
 * Stops on SIGINT or SIGTERM, letting requests in flight finish. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "addr.h"
#include "admin.h"
#include "gateway.h"
#include "planner.h"
#include "validate.h"
#include "worker.h"

#define MAX_WORKERS 64

typedef struct options {
    const char *supergraph;
    const char *listen;
    const char *admin;
    const char *admin_token;
    const char *explain;
    long threads;
    long timeout_ms;
    long max_body;
    long max_depth;
    long plan_cache_mb;
} options;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b;
    sbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return sbuf_take(&b);
}

static void print_diags(const char *what, const diag_list *errs)
{
    for (const diag *e = errs->first; e; e = e->next) {
        fprintf(stderr, "%s", what);
        if (e->nlocs) fprintf(stderr, ":%u:%u", e->locs[0].line, e->locs[0].column);
        fprintf(stderr, ": %s\n", e->message);
    }
}

/* Static mode: the one bundle, loaded from a supergraph file. */
static bundle *load_file(const char *path)
{
    size_t len;
    char *sdl = read_file(path, &len);
    if (!sdl) {
        perror(path);
        return NULL;
    }
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.sdl = sdl, .sdl_len = len, .source = BUNDLE_SOURCE_STATIC};
    bundle *b = bundle_load(&in, &reason);
    if (!b) fprintf(stderr, "%s: %s\n", path, reason.data);
    sbuf_free(&reason);
    free(sdl);
    return b;
}

static int explain(const supergraph *sg, const char *path)
{
    arena a;
    arena_init(&a, 0);
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        perror(path);
        return 1;
    }
    diag_list errs;
    diag_init(&errs, &a);
    parse_error perr;
    int rc = 1;
    ast_document *doc = parse_document(&a, text, len, NULL, &perr);
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    plan *p = NULL;
    if (!doc)
        fprintf(stderr, "%s:%u:%u: %s\n", path, perr.loc.line, perr.loc.column, perr.message);
    else if (!validate_document(sg->api, doc, &errs))
        print_diags(path, &errs);
    else if (!op)
        fprintf(stderr, "%s: give exactly one operation to explain\n", path);
    else if (!(p = qp_plan(&a, sg, doc, op, &errs)))
        print_diags(path, &errs);
    if (p) {
        sbuf out;
        sbuf_init(&out);
        plan_print(&out, p);
        fputs(out.data ? out.data : "", stdout);
        sbuf_free(&out);
        rc = 0;
    }
    free(text);
    arena_free(&a);
    return rc;
}

static int usage(void)
{
    fputs("usage: fedmesh-sidecar --supergraph FILE [--listen HOST:PORT] [--admin HOST:PORT]\n"
          "                       [--admin-token TOKEN] [--threads N]\n"
          "                       [--subgraph-timeout-ms N] [--max-body-bytes N]\n"
          "                       [--max-depth N] [--plan-cache-mb N]\n"
          "       fedmesh-sidecar --supergraph FILE --explain QUERY_FILE\n",
          stderr);
    return 2;
}

static bool read_options(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"supergraph", required_argument, NULL, 's'},
        {"listen", required_argument, NULL, 'l'},
        {"admin", required_argument, NULL, 'a'},
        {"admin-token", required_argument, NULL, 'k'},
        {"explain", required_argument, NULL, 'e'},
        {"threads", required_argument, NULL, 't'},
        {"subgraph-timeout-ms", required_argument, NULL, 'T'},
        {"max-body-bytes", required_argument, NULL, 'b'},
        {"max-depth", required_argument, NULL, 'd'},
        {"plan-cache-mb", required_argument, NULL, 'c'},
        {NULL, 0, NULL, 0},
    };
    *o = (options){.listen = "127.0.0.1:4000",
                   .threads = sysconf(_SC_NPROCESSORS_ONLN),
                   .timeout_ms = 30000,
                   .max_body = 2 << 20,
                   .max_depth = 128,
                   .plan_cache_mb = 64};
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 's':
            o->supergraph = optarg;
            break;
        case 'l':
            o->listen = optarg;
            break;
        case 'a':
            o->admin = optarg;
            break;
        case 'k':
            o->admin_token = optarg;
            break;
        case 'e':
            o->explain = optarg;
            break;
        case 't':
            o->threads = atol(optarg);
            break;
        case 'T':
            o->timeout_ms = atol(optarg);
            break;
        case 'b':
            o->max_body = atol(optarg);
            break;
        case 'd':
            o->max_depth = atol(optarg);
            break;
        case 'c':
            o->plan_cache_mb = atol(optarg);
            break;
        default:
            return false;
        }
    }
    if (o->threads < 1) o->threads = 1;
    if (o->threads > MAX_WORKERS) o->threads = MAX_WORKERS;
    return o->supergraph && optind == argc && o->timeout_ms > 0 && o->max_body > 0 &&
           o->max_depth > 0 && o->plan_cache_mb > 0;
}

/* An admin address off loopback needs a token (docs/MESH.md). */
static bool admin_allowed(const options *o)
{
    struct sockaddr_storage addr;
    socklen_t addrlen;
    if (!o->admin) return true;
    if (!addr_parse(o->admin, &addr, &addrlen)) {
        fprintf(stderr, "fedmesh-sidecar: --admin wants HOST:PORT, got %s\n", o->admin);
        return false;
    }
    if (addr_is_loopback(&addr) || (o->admin_token && *o->admin_token)) return true;
    fprintf(stderr, "fedmesh-sidecar: --admin %s is not a loopback address: give --admin-token\n",
            o->admin);
    return false;
}

/* The listening socket every worker accepts on. */
static int open_listener(const struct sockaddr_storage *addr, socklen_t addrlen, const char *name)
{
    int fd = socket(addr->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(fd, (const struct sockaddr *)addr, addrlen) != 0 || listen(fd, 1024) != 0) {
        fprintf(stderr, "fedmesh-sidecar: cannot listen on %s: %s\n", name, strerror(errno));
        if (fd >= 0) close(fd);
        return -1;
    }
    return fd;
}

typedef struct running {
    worker *workers[MAX_WORKERS];
    const worker_counters *counters[MAX_WORKERS];
    long nworkers;
    admin *admin;
} running;

static bool start_all(running *r, const gateway *gw, const options *o, int listener)
{
    for (; r->nworkers < o->threads; r->nworkers++) {
        worker *w = worker_start(gw, listener);
        if (!w) return false;
        r->workers[r->nworkers] = w;
        r->counters[r->nworkers] = worker_get_counters(w);
    }
    if (!o->admin) return true;
    admin_config cfg = {.listen = o->admin,
                        .token = o->admin_token,
                        .bundles = gw->bundles,
                        .workers = r->counters,
                        .nworkers = (size_t)r->nworkers};
    r->admin = admin_start(&cfg);
    return r->admin != NULL;
}

static void stop_all(running *r)
{
    admin_stop(r->admin);
    for (long i = 0; i < r->nworkers; i++)
        worker_stop(r->workers[i], 5000);
}

static int serve(const gateway *gw, const options *o)
{
    struct sockaddr_storage addr;
    socklen_t addrlen;
    if (!addr_parse(o->listen, &addr, &addrlen)) {
        fprintf(stderr, "fedmesh-sidecar: --listen wants HOST:PORT, got %s\n", o->listen);
        return 2;
    }
    int listener = open_listener(&addr, addrlen, o->listen);
    if (listener < 0) return 1;
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL); /* threads inherit the mask */
    signal(SIGPIPE, SIG_IGN);
    running r = {.nworkers = 0};
    int rc = 0;
    if (start_all(&r, gw, o, listener)) {
        fprintf(stderr, "fedmesh-sidecar: serving %s on http://%s/graphql (%ld workers)\n",
                o->supergraph, o->listen, r.nworkers);
        int sig;
        sigwait(&stop_signals, &sig);
        fprintf(stderr, "fedmesh-sidecar: stopping\n");
    } else {
        rc = 1;
    }
    stop_all(&r);
    close(listener);
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    if (!read_options(argc, argv, &o)) return usage();
    if (!admin_allowed(&o)) return 2;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    bundle_slot bundles;
    bundle_slot_init(&bundles);
    bundle *b = load_file(o.supergraph);
    int rc = 1;
    if (b && o.explain) {
        rc = explain(b->sg, o.explain);
        bundle_release(b);
    } else if (b) {
        bundle_slot_set(&bundles, b);
        gateway gw = {
            .bundles = &bundles,
            .exec = {.timeout_ms = o.timeout_ms},
            .parse = {.max_depth = (unsigned)o.max_depth},
            .max_body_bytes = (size_t)o.max_body,
            .plan_cache_bytes = (size_t)o.plan_cache_mb << 20,
        };
        rc = serve(&gw, &o);
    }
    bundle_slot_destroy(&bundles);
    curl_global_cleanup();
    return rc;
}
