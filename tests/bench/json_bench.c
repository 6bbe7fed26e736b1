/* json_bench.c: fedmesh's arena JSON module against the JSON libraries
 * Debian packages (jansson, json-c, cJSON, yajl), on the gateway's own
 * workloads. Every library does the same work: build its full tree from the
 * text and release it (ours: arena_reset), or write a tree back as compact
 * text into a reused buffer. Measurements interleave the libraries (A B C D E
 * A B C D E ...) over several rounds and report medians, so that a busy
 * neighbour on the machine hurts every library alike.
 *
 *   build/json_bench [-r ROUNDS] [-t SLICE_MS] DATA_DIR
 *
 * DATA_DIR holds expected-response.json (the 101 KB benchmark answer) and
 * entities-response.json (a subgraph _entities answer). Results feed
 * docs/DEPENDENCIES.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "json_bench.h"

#define BENCH_MAX_ROUNDS 51

void bench_die(const char *what)
{
    fprintf(stderr, "json_bench: %s\n", what);
    exit(1);
}

static const bench_lib *const libs[] = {&bench_fedmesh, &bench_jansson, &bench_jsonc, &bench_cjson,
                                        &bench_yajl};
#define NLIBS (sizeof(libs) / sizeof(libs[0]))

/* ---- workloads */

typedef struct doc {
    char *text; /* NUL-terminated */
    size_t len;
} doc;

typedef enum op { OP_PARSE, OP_WRITE, OP_ROUND_TRIP } op;

typedef struct workload {
    const char *label;
    const doc *d;
    op kind;
} workload;

static doc load(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) bench_die(path);
    sbuf b;
    sbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    doc d = {b.data, b.len};
    return d;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs one workload with one library for about `slice` seconds; ops/s. */
static double measure(const bench_lib *lib, const workload *w, double slice)
{
    const doc *d = w->d;
    void *kept = w->kind == OP_WRITE ? lib->parse(d->text, d->len) : NULL;
    const char *text;
    long ops = 0;
    double start = now(), elapsed;
    do {
        for (int i = 0; i < 8; i++, ops++) {
            if (w->kind == OP_WRITE) {
                lib->write(kept, &text);
                continue;
            }
            void *tree = lib->parse(d->text, d->len);
            if (!tree) bench_die("parse failed");
            if (w->kind == OP_ROUND_TRIP) lib->write(tree, &text);
            lib->release(tree);
        }
        elapsed = now() - start;
    } while (elapsed < slice);
    if (kept) lib->release(kept);
    return (double)ops / elapsed;
}

/* Each library's written text must parse (with ours) to the same tree as the
 * input: proof that every library did the whole job. */
static void check_same_work(const doc *d)
{
    json_error err;
    arena a;
    arena_init(&a, 0);
    json_value *want = json_parse(&a, d->text, d->len, 0, &err);
    if (!want) bench_die(err.message);
    for (size_t i = 0; i < NLIBS; i++) {
        void *tree = libs[i]->parse(d->text, d->len);
        if (!tree) bench_die("a library failed to parse the benchmark data");
        const char *text;
        size_t n = libs[i]->write(tree, &text);
        json_value *got = json_parse(&a, text, n, 0, &err);
        if (!got || !json_equal(want, got)) {
            fprintf(stderr, "json_bench: %s wrote a different document\n", libs[i]->name);
            exit(1);
        }
        libs[i]->release(tree);
    }
    arena_free(&a);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(double), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    int rounds = 11;
    double slice = 0.2;
    int argi = 1;
    for (; argi + 1 < argc && argv[argi][0] == '-'; argi += 2) {
        if (strcmp(argv[argi], "-r") == 0)
            rounds = atoi(argv[argi + 1]);
        else if (strcmp(argv[argi], "-t") == 0)
            slice = atof(argv[argi + 1]) / 1000;
        else
            bench_die("usage: json_bench [-r ROUNDS] [-t SLICE_MS] DATA_DIR");
    }
    if (argi >= argc || rounds < 1 || rounds > BENCH_MAX_ROUNDS || slice <= 0) {
        bench_die("usage: json_bench [-r ROUNDS(1-51)] [-t SLICE_MS] DATA_DIR");
    }
    doc big = load(argv[argi], "expected-response.json");
    doc small = load(argv[argi], "entities-response.json");

    for (size_t l = 0; l < NLIBS; l++)
        libs[l]->setup(big.len);
    check_same_work(&big);
    check_same_work(&small);

    const workload work[] = {
        {"(a) parse+free 101 KB response", &big, OP_PARSE},
        {"(b) parse+free entities response", &small, OP_PARSE},
        {"(c) write 101 KB tree", &big, OP_WRITE},
        {"(d) parse+write+free 101 KB", &big, OP_ROUND_TRIP},
    };
    enum { NWORK = sizeof(work) / sizeof(work[0]) };
    static double samples[NWORK][NLIBS][BENCH_MAX_ROUNDS];

    for (size_t w = 0; w < NWORK; w++) /* warm-up: caches, allocators */
        for (size_t l = 0; l < NLIBS; l++)
            measure(libs[l], &work[w], slice / 4);
    for (int r = 0; r < rounds; r++)
        for (size_t w = 0; w < NWORK; w++)
            for (size_t l = 0; l < NLIBS; l++)
                samples[w][l][r] = measure(libs[l], &work[w], slice);

    printf("json_bench: %d rounds x %.0f ms per library, interleaved; medians\n", rounds,
           slice * 1000);
    printf("documents: %zu and %zu bytes\n\n", big.len, small.len);
    printf("%-34s %-8s %12s %9s %14s\n", "workload", "library", "ops/s", "MB/s", "vs best pkg");
    for (size_t w = 0; w < NWORK; w++) {
        double med[NLIBS], best = 0;
        for (size_t l = 0; l < NLIBS; l++) {
            med[l] = median(samples[w][l], rounds);
            if (l > 0 && med[l] > best) best = med[l];
        }
        for (size_t l = 0; l < NLIBS; l++) {
            printf("%-34s %-8s %12.0f %9.1f %13.2fx\n", l ? "" : work[w].label, libs[l]->name,
                   med[l], med[l] * (double)work[w].d->len / 1e6, med[l] / best);
        }
    }
    for (size_t l = 0; l < NLIBS; l++)
        libs[l]->teardown();
    free(big.text);
    free(small.text);
    return 0;
}
