/* json_bench_jsonc.c: json-c for json_bench (see json_bench.h). One tokener,
 * reset per document, with fedmesh's depth limit (json-c's default of 32 is
 * too shallow for the benchmark answer); json-c writes into a buffer it keeps
 * in the object and reuses. */
#include <json-c/json.h>

#include "json_bench.h"

#define BENCH_JSONC_DEPTH 512

static json_tokener *tok;

static void setup(size_t max_text)
{
    (void)max_text;
    tok = json_tokener_new_ex(BENCH_JSONC_DEPTH);
    if (!tok) bench_die("out of memory");
}

static void teardown(void)
{
    json_tokener_free(tok);
}

static void *parse(const char *text, size_t len)
{
    json_tokener_reset(tok);
    json_object *o = json_tokener_parse_ex(tok, text, (int)len);
    if (json_tokener_get_error(tok) != json_tokener_success) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

static void release(void *tree)
{
    json_object_put(tree);
}

static size_t write_text(void *tree, const char **text)
{
    size_t n;
    *text = json_object_to_json_string_length(tree, JSON_C_TO_STRING_PLAIN, &n);
    return n;
}

const bench_lib bench_jsonc = {"json-c", setup, teardown, parse, release, write_text};
