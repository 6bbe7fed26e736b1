/* json_bench_jansson.c: jansson for json_bench (see json_bench.h). Writes
 * into one reused caller buffer with json_dumpb. */
#include <jansson.h>
#include <stdlib.h>

#include "json_bench.h"

static char *out;
static size_t out_cap;

static void setup(size_t max_text)
{
    out_cap = 4 * max_text + 4096;
    out = malloc(out_cap);
    if (!out) bench_die("out of memory");
}

static void teardown(void)
{
    free(out);
}

static void *parse(const char *text, size_t len)
{
    json_error_t err;
    return json_loadb(text, len, 0, &err);
}

static void release(void *tree)
{
    json_decref(tree);
}

static size_t write_text(void *tree, const char **text)
{
    size_t n = json_dumpb(tree, out, out_cap, JSON_COMPACT);
    if (n > out_cap) bench_die("jansson: output buffer too small");
    *text = out;
    return n;
}

const bench_lib bench_jansson = {"jansson", setup, teardown, parse, release, write_text};
