/* json_bench_fedmesh.c: fedmesh's arena JSON module for json_bench (see
 * json_bench.h). A tree is released by resetting its arena (keeping the
 * first chunk, as a request would); writing reuses one sbuf. */
#include "json.h"
#include "json_bench.h"

static arena mem;
static sbuf out;

static void setup(size_t max_text)
{
    (void)max_text;
    arena_init(&mem, 0);
    sbuf_init(&out);
}

static void teardown(void)
{
    sbuf_free(&out);
    arena_free(&mem);
}

static void *parse(const char *text, size_t len)
{
    json_error err;
    return json_parse(&mem, text, len, 0, &err);
}

static void release(void *tree)
{
    (void)tree;
    arena_reset(&mem);
}

static size_t write_text(void *tree, const char **text)
{
    sbuf_reset(&out);
    json_write(&out, tree);
    *text = out.data;
    return out.len;
}

const bench_lib bench_fedmesh = {"fedmesh", setup, teardown, parse, release, write_text};
