/* compose_bench.c: times fedmesh's compose() on a directory of subgraphs
 * (tests/compose/bench/gen.mjs writes one), for bench.mjs.
 *   compose_bench DIR ROUNDS [SUPERGRAPH_OUT]
 * Reads every DIR/NAME.graphql (the subgraph NAME, in name order),
 * composes ROUNDS times, each in a fresh arena, and prints one line:
 *   "fedmesh: median MS ms, min MS ms, cpu median MS ms, ROUNDS rounds"
 * (wall clock, then the process's CPU time: on a machine shared with other
 * work the two differ), or the first errors and exit status 1.
 * SUPERGRAPH_OUT gets the supergraph. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compose.h"

#define MAX_SUBGRAPHS 256

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = arena_alloc(a, (size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* The subgraphs of dir, sorted by name; returns their count (0 on error). */
static uint32_t read_subgraphs(arena *a, const char *dir, compose_input *out)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    char *names[MAX_SUBGRAPHS];
    uint32_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < MAX_SUBGRAPHS;) {
        size_t len = strlen(e->d_name);
        if (len > 8 && strcmp(e->d_name + len - 8, ".graphql") == 0)
            names[n++] = arena_strndup(a, e->d_name, len - 8);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (uint32_t i = 0; i < n; i++) {
        out[i].name = names[i];
        out[i].url = arena_sprintf(a, "http://%s.invalid/graphql", names[i]);
        out[i].sdl = read_file(a, arena_sprintf(a, "%s/%s.graphql", dir, names[i]), &out[i].sdl_len);
        if (!out[i].sdl) return 0;
    }
    return n;
}

static double now_ms(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One composition; on failure prints the first errors. */
static bool compose_once(const compose_input *in, uint32_t n, double *ms, double *cpu_ms,
                         const char *out_path)
{
    arena a;
    arena_init(&a, 1 << 20);
    compose_result r;
    double start = now_ms(CLOCK_MONOTONIC), cpu_start = now_ms(CLOCK_PROCESS_CPUTIME_ID);
    bool ok = compose(&a, in, n, &r);
    *ms = now_ms(CLOCK_MONOTONIC) - start;
    *cpu_ms = now_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
    if (!ok) {
        uint32_t shown = 0;
        for (const diag *d = r.errors.first; d && shown < 5; d = d->next, shown++)
            fprintf(stderr, "%s: %s\n", d->code ? d->code : "ERROR", d->message);
    } else if (out_path) {
        FILE *f = fopen(out_path, "wb");
        if (f) {
            fwrite(r.supergraph, 1, r.supergraph_len, f);
            fclose(f);
        }
    }
    arena_free(&a);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: compose_bench DIR ROUNDS [SUPERGRAPH_OUT]\n", stderr);
        return 2;
    }
    int rounds = atoi(argv[2]);
    if (rounds < 1 || rounds > 1000) rounds = 1;
    arena files;
    arena_init(&files, 0);
    compose_input in[MAX_SUBGRAPHS];
    uint32_t n = read_subgraphs(&files, argv[1], in);
    if (n == 0) {
        fprintf(stderr, "compose_bench: no readable subgraphs in %s\n", argv[1]);
        return 1;
    }
    double *ms = calloc((size_t)rounds, sizeof *ms), *cpu = calloc((size_t)rounds, sizeof *cpu);
    bool ok = true;
    for (int i = 0; i < rounds && ok; i++)
        ok = compose_once(in, n, &ms[i], &cpu[i], i == 0 && argc > 3 ? argv[3] : NULL);
    if (ok) {
        qsort(ms, (size_t)rounds, sizeof *ms, by_value);
        qsort(cpu, (size_t)rounds, sizeof *cpu, by_value);
        printf("fedmesh: median %.2f ms, min %.2f ms, cpu median %.2f ms, %d rounds\n",
               ms[rounds / 2], ms[0], cpu[rounds / 2], rounds);
    }
    free(ms);
    free(cpu);
    arena_free(&files);
    return ok ? 0 : 1;
}
