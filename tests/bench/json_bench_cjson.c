/* json_bench_cjson.c: cJSON for json_bench (see json_bench.h). Writes into
 * one reused caller buffer with cJSON_PrintPreallocated. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

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
    return cJSON_ParseWithLength(text, len);
}

static void release(void *tree)
{
    cJSON_Delete(tree);
}

static size_t write_text(void *tree, const char **text)
{
    if (!cJSON_PrintPreallocated(tree, out, (int)out_cap, 0)) bench_die("cJSON: buffer too small");
    *text = out;
    return strlen(out);
}

const bench_lib bench_cjson = {"cJSON", setup, teardown, parse, release, write_text};
