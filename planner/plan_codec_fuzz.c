/* plan_codec_fuzz.c: libFuzzer target for plan_decode. The first byte picks
 * the supergraph (bench, shop, ifaceobj or shapes, loaded once from the repository:
 * run from its root, as tests/run-tests.sh does), the rest is decoded as a
 * plan. A plan that decodes is printed, encoded and decoded again, and the
 * second encoding must equal the first: decoding keeps all it accepts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const supergraph_files[] = {
    "bench/workload/supergraph.graphql",
    "tests/fixtures/supergraph/shop.graphql",
    "tests/fixtures/supergraph/ifaceobj.graphql",
    "tests/fixtures/supergraph/shapes.graphql",
};
#define NSUPERGRAPHS (sizeof supergraph_files / sizeof supergraph_files[0])

static supergraph *load_supergraph(arena *a, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) abort();
    sbuf sdl;
    sbuf_init(&sdl);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&sdl, chunk, n);
    fclose(f);
    diag_list errs;
    diag_init(&errs, a);
    supergraph *sg = sg_load(a, sdl.data, sdl.len, &errs);
    sbuf_free(&sdl);
    if (!sg) abort();
    return sg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena sg_arena;
    static supergraph *sgs[NSUPERGRAPHS];
    if (!sgs[0]) {
        arena_init(&sg_arena, 0);
        for (size_t i = 0; i < NSUPERGRAPHS; i++)
            sgs[i] = load_supergraph(&sg_arena, supergraph_files[i]);
    }
    if (size < 1) return 0;
    const supergraph *sg = sgs[data[0] % NSUPERGRAPHS];
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    plan *p = plan_decode(&a, sg, data + 1, size - 1, &errs);
    if (p) {
        sbuf text, first, second;
        sbuf_init(&text);
        sbuf_init(&first);
        sbuf_init(&second);
        plan_print(&text, p);
        plan_encode(p, &first);
        plan *q = plan_decode(&a, sg, (const uint8_t *)first.data, first.len, &errs);
        if (!q) abort();
        plan_encode(q, &second);
        if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0) abort();
        sbuf_free(&text);
        sbuf_free(&first);
        sbuf_free(&second);
    } else if (!errs.first) {
        abort(); /* a rejection always says why */
    }
    arena_free(&a);
    return 0;
}
