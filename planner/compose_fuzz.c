/* compose_fuzz.c: libFuzzer target for composition. The input is split into
 * subgraphs at lines "---" (at most 8). Composition must not crash and must
 * either fail with errors or succeed without any, and what it composes must
 * load back with fedmesh's own supergraph loader. */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "supergraph.h"

#define FUZZ_MAX_SUBGRAPHS 8

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static uint32_t split(const char *text, size_t size, compose_input *in)
{
    static const char *const names[FUZZ_MAX_SUBGRAPHS] = {"s0", "s1", "s2", "s3",
                                                          "s4", "s5", "s6", "s7"};
    uint32_t n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= size && n < FUZZ_MAX_SUBGRAPHS; i++) {
        bool separator = i + 4 <= size && !memcmp(text + i, "\n---", 4);
        if (i < size && !separator) continue;
        in[n] = (compose_input){names[n], "http://fuzz", text + start, i - start};
        n++;
        start = separator ? i + 4 : size;
        if (separator) i += 3;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    compose_input in[FUZZ_MAX_SUBGRAPHS];
    uint32_t n = split((const char *)data, size, in);
    compose_result r;
    bool ok = compose(&a, in, n, &r);
    if (ok != (r.supergraph != NULL) || ok != (r.errors.count == 0)) abort();
    if (ok) {
        diag_list errs;
        diag_init(&errs, &a);
        if (!sg_load_composed(&a, r.supergraph, r.supergraph_len, &errs)) abort();
    }
    arena_free(&a);
    return 0;
}
