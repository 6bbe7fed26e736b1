/* main.c: fedmesh-sidecar's command line (docs/MESH.md). Mesh mode takes
 * its bundles from the control plane and swaps them while serving:
 *
 *   fedmesh-sidecar --control-plane tcp://HOST:PORT --admin HOST:PORT
 *                   [--listen HOST:PORT] [--id NAME] [--state-dir DIR]
 *                   [--admin-token TOKEN] [--fetch-interval-ms N] [COMMON]
 *
 * Static mode serves one supergraph file (like `router --supergraph`):
 *
 *   fedmesh-sidecar --supergraph FILE [--listen HOST:PORT] [--admin HOST:PORT]
 *                   [--admin-token TOKEN] [COMMON]
 *   fedmesh-sidecar --supergraph FILE --explain QUERY_FILE
 *
 * COMMON: [--local-subgraph NAME=URL ...] [--mesh-listen tcp://HOST:PORT]
 *         [--mesh-peer NAME=tcp://HOST:PORT ...] [--threads N] [--subgraph-timeout-ms N]
 *         [--max-body-bytes N] [--max-depth N] [--plan-cache-mb N]
 * --local-subgraph sends subgraph NAME's requests to URL (the service beside
 * the sidecar, over loopback) instead of its routing URL; --mesh-listen
 * answers peers' fetches for those; --mesh-peer sends NAME's requests
 * through the peer sidecar listening there.
 * Both stop on SIGINT or SIGTERM, letting requests in flight finish. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "addr.h"
#include "gateway.h"
#include "mesh_client.h"
#include "planner.h"
#include "run.h"
#include "validate.h"

#define MAX_ROUTES 64

typedef struct options {
    const char *supergraph;
    const char *control_plane;
    const char *listen;
    const char *admin;
    const char *admin_token;
    const char *id;
    const char *state_dir;
    long fetch_interval_ms;
    const char *explain;
    long threads;
    long timeout_ms;
    long max_body;
    long max_depth;
    long plan_cache_mb;
    /* --local-subgraph NAME=URL and --mesh-peer NAME=tcp://..., names cut at '=' in argv */
    bundle_route routes[MAX_ROUTES];
    size_t nroutes;
    const char *mesh_listen;
    bool mesh_peers;
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
static bundle *load_file(const char *path, const options *o)
{
    size_t len;
    char *sdl = read_file(path, &len);
    if (!sdl) {
        perror(path);
        return NULL;
    }
    sbuf reason;
    sbuf_init(&reason);
    bundle_input in = {.sdl = sdl,
                       .sdl_len = len,
                       .routes = o->routes,
                       .nroutes = o->nroutes,
                       .source = BUNDLE_SOURCE_STATIC};
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
    fputs("usage: fedmesh-sidecar --control-plane tcp://HOST:PORT --admin HOST:PORT\n"
          "                       [--listen HOST:PORT] [--id NAME] [--state-dir DIR]\n"
          "                       [--admin-token TOKEN] [--fetch-interval-ms N] [COMMON]\n"
          "       fedmesh-sidecar --supergraph FILE [--listen HOST:PORT] [--admin HOST:PORT]\n"
          "                       [--admin-token TOKEN] [COMMON]\n"
          "       fedmesh-sidecar --supergraph FILE --explain QUERY_FILE\n"
          "COMMON: [--local-subgraph NAME=URL ...] [--mesh-listen tcp://HOST:PORT]\n"
          "        [--mesh-peer NAME=tcp://HOST:PORT ...] [--threads N] [--subgraph-timeout-ms N]\n"
          "        [--max-body-bytes N] [--max-depth N] [--plan-cache-mb N]\n",
          stderr);
    return 2;
}

/* NAME=URL; the '=' becomes the name's end. A peer's URL is tcp://, a
 * local service's is not. */
static bool add_route(options *o, char *arg, bool peer)
{
    char *eq = strchr(arg, '=');
    if (!eq || eq == arg || !eq[1] || o->nroutes == MAX_ROUTES ||
        mesh_is_peer_url(eq + 1) != peer) {
        fprintf(stderr, "fedmesh-sidecar: %s wants NAME=%s, got %s\n",
                peer ? "--mesh-peer" : "--local-subgraph", peer ? "tcp://HOST:PORT" : "URL", arg);
        return false;
    }
    o->mesh_peers |= peer;
    *eq = '\0';
    o->routes[o->nroutes++] = (bundle_route){.name = arg, .url = eq + 1};
    return true;
}

static bool set_option(options *o, int c, char *arg)
{
    switch (c) {
    case 'L':
        return add_route(o, arg, false);
    case 'P':
        return add_route(o, arg, true);
    case 'M':
        o->mesh_listen = arg;
        break;
    case 's':
        o->supergraph = arg;
        break;
    case 'C':
        o->control_plane = arg;
        break;
    case 'l':
        o->listen = arg;
        break;
    case 'a':
        o->admin = arg;
        break;
    case 'k':
        o->admin_token = arg;
        break;
    case 'i':
        o->id = arg;
        break;
    case 'S':
        o->state_dir = arg;
        break;
    case 'F':
        o->fetch_interval_ms = atol(arg);
        break;
    case 'e':
        o->explain = arg;
        break;
    case 't':
        o->threads = atol(arg);
        break;
    case 'T':
        o->timeout_ms = atol(arg);
        break;
    case 'b':
        o->max_body = atol(arg);
        break;
    case 'd':
        o->max_depth = atol(arg);
        break;
    case 'c':
        o->plan_cache_mb = atol(arg);
        break;
    default:
        return false;
    }
    return true;
}

static bool read_options(int argc, char **argv, options *o)
{
    static const struct option longopts[] = {
        {"supergraph", required_argument, NULL, 's'},
        {"control-plane", required_argument, NULL, 'C'},
        {"listen", required_argument, NULL, 'l'},
        {"admin", required_argument, NULL, 'a'},
        {"admin-token", required_argument, NULL, 'k'},
        {"id", required_argument, NULL, 'i'},
        {"state-dir", required_argument, NULL, 'S'},
        {"fetch-interval-ms", required_argument, NULL, 'F'},
        {"explain", required_argument, NULL, 'e'},
        {"threads", required_argument, NULL, 't'},
        {"subgraph-timeout-ms", required_argument, NULL, 'T'},
        {"max-body-bytes", required_argument, NULL, 'b'},
        {"max-depth", required_argument, NULL, 'd'},
        {"plan-cache-mb", required_argument, NULL, 'c'},
        {"local-subgraph", required_argument, NULL, 'L'},
        {"mesh-peer", required_argument, NULL, 'P'},
        {"mesh-listen", required_argument, NULL, 'M'},
        {NULL, 0, NULL, 0},
    };
    *o = (options){.listen = "127.0.0.1:4000",
                   .threads = sysconf(_SC_NPROCESSORS_ONLN),
                   .timeout_ms = 30000,
                   .max_body = 2 << 20,
                   .max_depth = 128,
                   .plan_cache_mb = 64,
                   .fetch_interval_ms = 5000};
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (!set_option(o, c, optarg)) return false;
    }
    if (o->threads < 1) o->threads = 1;
    if (o->threads > RUN_MAX_WORKERS) o->threads = RUN_MAX_WORKERS;
    /* Exactly one source of bundles; --explain only with a file. */
    bool one_source = !o->supergraph != !o->control_plane;
    return one_source && !(o->explain && o->control_plane) && optind == argc && o->timeout_ms > 0 &&
           o->max_body > 0 && o->max_depth > 0 && o->plan_cache_mb > 0 && o->fetch_interval_ms > 0;
}

/* Mesh mode needs --admin; an admin address off loopback needs a token
 * (docs/MESH.md). */
static bool admin_allowed(const options *o)
{
    struct sockaddr_storage addr;
    socklen_t addrlen;
    if (!o->admin) {
        if (o->control_plane) fputs("fedmesh-sidecar: mesh mode needs --admin\n", stderr);
        return !o->control_plane;
    }
    if (!addr_parse(o->admin, &addr, &addrlen)) {
        fprintf(stderr, "fedmesh-sidecar: --admin wants HOST:PORT, got %s\n", o->admin);
        return false;
    }
    if (addr_is_loopback(&addr) || (o->admin_token && *o->admin_token)) return true;
    fprintf(stderr, "fedmesh-sidecar: --admin %s is not a loopback address: give --admin-token\n",
            o->admin);
    return false;
}

/* HOSTNAME:LISTENPORT, the default --id. */
static void default_id(const options *o, char *out, size_t n)
{
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    const char *colon = strrchr(o->listen, ':');
    snprintf(out, n, "%s:%s", host, colon ? colon + 1 : o->listen);
}

static int serve(const options *o, bundle_slot *bundles)
{
    gateway gw = {
        .bundles = bundles,
        .exec = {.timeout_ms = o->timeout_ms},
        .parse = {.max_depth = (unsigned)o->max_depth},
        .max_body_bytes = (size_t)o->max_body,
        .plan_cache_bytes = (size_t)o->plan_cache_mb << 20,
    };
    char id[300];
    if (o->control_plane && !o->id) default_id(o, id, sizeof id);
    run_config cfg = {.gw = &gw,
                      .listen = o->listen,
                      .threads = o->threads,
                      .admin = o->admin,
                      .admin_token = o->admin_token,
                      .control_plane = o->control_plane,
                      .id = o->id ? o->id : id,
                      .state_dir = o->state_dir,
                      .routes = o->routes,
                      .nroutes = o->nroutes,
                      .mesh_listen = o->mesh_listen,
                      .mesh_peers = o->mesh_peers,
                      .fetch_interval_ms = o->fetch_interval_ms,
                      .serving = o->supergraph ? o->supergraph : "bundles of the control plane"};
    return run_serve(&cfg);
}

int main(int argc, char **argv)
{
    options o;
    if (!read_options(argc, argv, &o)) return usage();
    if (!admin_allowed(&o)) return 2;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    bundle_slot bundles;
    bundle_slot_init(&bundles);
    int rc = 1;
    if (o.control_plane) {
        rc = serve(&o, &bundles);
    } else {
        bundle *b = load_file(o.supergraph, &o);
        if (b && o.explain) {
            rc = explain(b->sg, o.explain);
            bundle_release(b);
        } else if (b) {
            bundle_slot_set(&bundles, b);
            rc = serve(&o, &bundles);
        }
    }
    bundle_slot_destroy(&bundles);
    curl_global_cleanup();
    return rc;
}
