/* main.c: fedmesh-bench-subgraphs, the four benchmark subgraphs (accounts,
 * inventory, products, reviews) in one process, on 127.0.0.1:PORT_BASE+1..+4
 * (PORT_BASE defaults to 4200, as the reference server's), answering the
 * federation protocol from in-memory data far faster than any gateway.
 *
 *   fedmesh-bench-subgraphs [--data DIR] [--threads N] [--no-response-cache]
 *
 * DIR (default bench/workload) holds data.json and subgraphs/NAME.graphql.
 * Responses are cached by request body (respcache.h) unless
 * --no-response-cache, which makes every request parse and execute.
 * Runs until SIGINT or SIGTERM. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "data.h"
#include "http.h"
#include "model.h"
#include "resolvers.h"

#define BMAIN_NSUBGRAPHS 4
/* Distinct query texts cached per subgraph. */
#define BMAIN_CACHE_ENTRIES 256
/* Responses cached per subgraph, and their bytes. */
#define BMAIN_RESPONSE_ENTRIES 4096
#define BMAIN_RESPONSE_BYTES (256u << 20)

static const char *const bmain_names[BMAIN_NSUBGRAPHS] = {"accounts", "inventory", "products",
                                                          "reviews"};

typedef struct bmain_options {
    const char *data_dir;
    unsigned threads;
    unsigned port_base;
    bool response_cache;
    bool live_sdl; /* _service.sdl re-reads the SDL file (and no response cache) */
} bmain_options;

/* The whole file, NUL-terminated, malloc'd; NULL on failure. */
static char *bmain_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *text = NULL;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (size >= 0 && fseek(f, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1))) {
        *len = fread(text, 1, (size_t)size, f);
        text[*len] = '\0';
    }
    fclose(f);
    return text;
}

static int bmain_usage(void)
{
    fprintf(stderr, "usage: fedmesh-bench-subgraphs [--data DIR] [--threads N] "
                    "[--no-response-cache] [--live-sdl]\n"
                    "  serves on 127.0.0.1:PORT_BASE+1..+4 (PORT_BASE env, default 4200)\n"
                    "  --live-sdl: _service { sdl } re-reads DIR/subgraphs/NAME.graphql\n");
    return 2;
}

static bool bmain_parse_options(int argc, char **argv, bmain_options *o)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o->data_dir = "bench/workload";
    o->threads = cores > 0 ? (unsigned)cores : 1;
    o->response_cache = true;
    o->live_sdl = false;
    const char *base = getenv("PORT_BASE");
    o->port_base = base ? (unsigned)strtoul(base, NULL, 10) : 4200;
    if (o->port_base == 0 || o->port_base > 65535 - BMAIN_NSUBGRAPHS) return false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
            o->data_dir = argv[++i];
        } else if (strcmp(argv[i], "--no-response-cache") == 0) {
            o->response_cache = false;
        } else if (strcmp(argv[i], "--live-sdl") == 0) {
            o->live_sdl = true;
            o->response_cache = false; /* a cached _service answer would hide a change */
        } else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            o->threads = (unsigned)strtoul(argv[++i], NULL, 10);
            if (o->threads == 0 || o->threads > 256) return false;
        } else {
            return false;
        }
    }
    return true;
}

/* Loads data.json and builds the four models into arena a. */
static bool bmain_load(const bmain_options *o, arena *a, bdata *data,
                       const bmodel *models[BMAIN_NSUBGRAPHS])
{
    char path[4096], why[512];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/data.json", o->data_dir);
    char *text = bmain_read_file(path, &len);
    if (!text) {
        fprintf(stderr, "fedmesh-bench-subgraphs: %s: %s\n", path, strerror(errno));
        return false;
    }
    bool ok = bdata_load(data, a, text, len, why, sizeof why);
    free(text);
    if (!ok) {
        fprintf(stderr, "fedmesh-bench-subgraphs: %s\n", why);
        return false;
    }
    for (int i = 0; i < BMAIN_NSUBGRAPHS; i++) {
        snprintf(path, sizeof path, "%s/subgraphs/%s.graphql", o->data_dir, bmain_names[i]);
        char *sdl = bmain_read_file(path, &len);
        if (!sdl) {
            fprintf(stderr, "fedmesh-bench-subgraphs: %s: %s\n", path, strerror(errno));
            return false;
        }
        bmodel *m = bmodel_build(a, bmain_names[i], sdl, len, bres_table(bmain_names[i]), data, why,
                                 sizeof why);
        free(sdl);
        if (!m) {
            fprintf(stderr, "fedmesh-bench-subgraphs: %s\n", why);
            return false;
        }
        if (o->live_sdl) m->sdl_path = arena_strdup(a, path);
        models[i] = m;
    }
    return true;
}

/* Serves until SIGINT/SIGTERM. The signals are blocked before the server
 * threads start, so they inherit the mask and only sigwait sees them. */
static int bmain_serve(const bmain_options *o, const bmodel *models[BMAIN_NSUBGRAPHS])
{
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    bhttp_stats stats = {0};
    bcache caches[BMAIN_NSUBGRAPHS];
    brc responses[BMAIN_NSUBGRAPHS];
    bhttp_listener listeners[BMAIN_NSUBGRAPHS];
    int status = 0, started = 0;
    for (; started < BMAIN_NSUBGRAPHS; started++) {
        int i = started;
        bcache_init(&caches[i], models[i], BMAIN_CACHE_ENTRIES);
        brc_init(&responses[i], BMAIN_RESPONSE_ENTRIES, BMAIN_RESPONSE_BYTES);
        listeners[i] = (bhttp_listener){models[i], &caches[i],
                                        o->response_cache ? &responses[i] : NULL, &stats, NULL};
        unsigned port = o->port_base + 1 + (unsigned)i;
        if (!bhttp_start(&listeners[i], (uint16_t)port, o->threads)) {
            fprintf(stderr, "fedmesh-bench-subgraphs: cannot listen on 127.0.0.1:%u\n", port);
            bcache_free(&caches[i]);
            brc_free(&responses[i]);
            status = 1;
            break;
        }
    }
    if (status == 0) {
        printf("fedmesh bench subgraphs on 127.0.0.1:%u..%u (%u threads each, response cache "
               "%s)\n",
               o->port_base + 1, o->port_base + BMAIN_NSUBGRAPHS, o->threads,
               o->response_cache ? "on" : "off");
        fflush(stdout);
        int sig;
        sigwait(&stop, &sig);
    }
    for (int i = 0; i < started; i++) {
        bhttp_stop(&listeners[i]);
        bcache_free(&caches[i]);
        brc_free(&responses[i]);
    }
    return status;
}

int main(int argc, char **argv)
{
    bmain_options o;
    if (!bmain_parse_options(argc, argv, &o)) return bmain_usage();
    arena a;
    arena_init(&a, 0);
    bdata data;
    const bmodel *models[BMAIN_NSUBGRAPHS];
    int status = bmain_load(&o, &a, &data, models) ? bmain_serve(&o, models) : 1;
    arena_free(&a);
    return status;
}
