/* compose_check_fuzz.c: libFuzzer target for composition with its checks.
 * The input is up to four subgraph SDLs separated by lines "===", named a, b,
 * c and d; whatever they hold, compose() (reading, the per-subgraph checks,
 * merging, the merged checks, printing) must not crash, leak, recurse
 * without bound or trip the sanitizers, and must either fail with errors or
 * print a supergraph. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_SUBGRAPHS 4

static const char *const names[MAX_SUBGRAPHS] = {"a", "b", "c", "d"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    const char *text = arena_strndup(&a, (const char *)data, size);
    compose_input in[MAX_SUBGRAPHS];
    uint32_t n = 0;
    const char *start = text, *end = text + size;
    while (n < MAX_SUBGRAPHS) {
        const char *sep = n + 1 < MAX_SUBGRAPHS ? strstr(start, "\n===\n") : NULL;
        const char *stop = sep ? sep : end;
        in[n] = (compose_input){names[n], "http://fuzz", start, (size_t)(stop - start)};
        n++;
        if (!sep) break;
        start = sep + 5;
    }
    compose_result r;
    bool ok = compose(&a, in, n, &r);
    if (ok != (r.supergraph != NULL) || ok != (r.errors.count == 0)) abort();
    arena_free(&a);
    return 0;
}
