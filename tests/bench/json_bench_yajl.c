/* json_bench_yajl.c: yajl for json_bench (see json_bench.h). yajl_tree
 * parses; it has no writer, so writing walks the tree into one reused
 * yajl_gen (recursion is fine here: the benchmark documents are shallow). */
#include <string.h>
#include <yajl/yajl_gen.h>
#include <yajl/yajl_tree.h>

#include "json_bench.h"

static yajl_gen gen;

static void setup(size_t max_text)
{
    (void)max_text;
    gen = yajl_gen_alloc(NULL);
    if (!gen) bench_die("out of memory");
}

static void teardown(void)
{
    yajl_gen_free(gen);
}

static void *parse(const char *text, size_t len)
{
    (void)len; /* yajl_tree_parse reads up to the NUL */
    return yajl_tree_parse(text, NULL, 0);
}

static void release(void *tree)
{
    yajl_tree_free(tree);
}

static void gen_string(const char *s)
{
    yajl_gen_string(gen, (const unsigned char *)s, strlen(s));
}

static void gen_value(yajl_val v)
{
    if (YAJL_IS_STRING(v)) {
        gen_string(YAJL_GET_STRING(v));
    } else if (YAJL_IS_NUMBER(v)) {
        const char *n = YAJL_GET_NUMBER(v);
        yajl_gen_number(gen, n, strlen(n));
    } else if (YAJL_IS_OBJECT(v)) {
        yajl_gen_map_open(gen);
        for (size_t i = 0; i < v->u.object.len; i++) {
            gen_string(v->u.object.keys[i]);
            gen_value(v->u.object.values[i]);
        }
        yajl_gen_map_close(gen);
    } else if (YAJL_IS_ARRAY(v)) {
        yajl_gen_array_open(gen);
        for (size_t i = 0; i < v->u.array.len; i++)
            gen_value(v->u.array.values[i]);
        yajl_gen_array_close(gen);
    } else if (YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v)) {
        yajl_gen_bool(gen, YAJL_IS_TRUE(v));
    } else {
        yajl_gen_null(gen);
    }
}

static size_t write_text(void *tree, const char **text)
{
    yajl_gen_reset(gen, NULL);
    yajl_gen_clear(gen);
    gen_value(tree);
    const unsigned char *buf;
    size_t n;
    yajl_gen_get_buf(gen, &buf, &n);
    *text = (const char *)buf;
    return n;
}

const bench_lib bench_yajl = {"yajl", setup, teardown, parse, release, write_text};
