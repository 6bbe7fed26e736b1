/* fixture.h: test helpers for reading fixture files and editing their text.
 * Tests run from the repository root (tests/run-tests.sh cd's there). */
#ifndef FM_FIXTURE_H
#define FM_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* The whole file as an arena string; NULL (with a message) when unreadable. */
static inline char *fixture_read(arena *a, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open fixture %s\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = arena_alloc(a, (size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    return buf;
}

/* The benchmark's supergraph: the workload's own (bench/workload/), kept there
 * only. */
#define FIXTURE_BENCH_SUPERGRAPH "bench/workload/supergraph.graphql"

/* The path of supergraph fixture NAME, written into buf (size bytes):
 * tests/fixtures/supergraph/NAME.graphql, or for "bench" the benchmark's. */
static inline const char *fixture_supergraph_path(char *buf, size_t size, const char *name)
{
    if (strcmp(name, "bench") == 0)
        snprintf(buf, size, "%s", FIXTURE_BENCH_SUPERGRAPH);
    else
        snprintf(buf, size, "tests/fixtures/supergraph/%s.graphql", name);
    return buf;
}

/* text with the first occurrence of `from` replaced by `to`; NULL (with a
 * message) when `from` does not occur, so a stale edit cannot pass silently. */
static inline char *fixture_edit(arena *a, const char *text, const char *from, const char *to)
{
    const char *at = text ? strstr(text, from) : NULL;
    if (!at) {
        fprintf(stderr, "fixture_edit: \"%s\" not found\n", from);
        return NULL;
    }
    return arena_sprintf(a, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

#endif
