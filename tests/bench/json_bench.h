/* json_bench.h: what json_bench.c needs from each library under test. The
 * libraries' headers clash (jansson, json-c and fedmesh all declare
 * json_type), so each lives in its own json_bench_<lib>.c. */
#ifndef FM_JSON_BENCH_H
#define FM_JSON_BENCH_H

#include <stddef.h>

/* One library: parse text into its own tree; release that tree; write the
 * tree as compact text (returns the length and points *text at the text,
 * valid until the next write). setup/teardown hold per-library state such as
 * a reused output buffer; max_text bounds the documents. */
typedef struct bench_lib {
    const char *name;
    void (*setup)(size_t max_text);
    void (*teardown)(void);
    void *(*parse)(const char *text, size_t len);
    void (*release)(void *tree);
    size_t (*write)(void *tree, const char **text);
} bench_lib;

/* Texts handed to parse are NUL-terminated at text[len] (yajl needs it). */
extern const bench_lib bench_fedmesh, bench_jansson, bench_jsonc, bench_cjson, bench_yajl;

void bench_die(const char *what);

#endif
