/* planner_fuzz.c: libFuzzer target for the query planner. The input is an
 * operation; each operation that validates against the shop supergraph
 * (tests/fixtures/supergraph/shop.graphql: keys, requires with arguments,
 * provides, overrides, an interface object, unions) is planned and printed.
 * Nothing may crash or trip the sanitizers, and a plan's counts must agree
 * with its tree. Run from the repository root (tests/run-tests.sh does). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "planner.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_SUPERGRAPH "tests/fixtures/supergraph/shop.graphql"

static supergraph *load_supergraph(arena *a)
{
    FILE *f = fopen(FUZZ_SUPERGRAPH, "rb");
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

static uint32_t count_fetches(const plan_node *n)
{
    if (!n) return 0;
    if (n->kind == PLAN_FETCH || n->kind == PLAN_FLATTEN) return 1;
    uint32_t total = count_fetches(n->if_clause) + count_fetches(n->else_clause);
    for (uint32_t i = 0; i < n->nchildren; i++)
        total += count_fetches(n->children[i]);
    return total;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena sg_arena;
    static supergraph *sg;
    if (!sg) {
        arena_init(&sg_arena, 0);
        sg = load_supergraph(&sg_arena);
    }
    arena a;
    arena_init(&a, 0);
    parse_options opts = {64, 20000};
    ast_document *doc = parse_document(&a, (const char *)data, size, &opts, NULL);
    diag_list errs;
    diag_init(&errs, &a);
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    if (op && validate_document(sg->api, doc, &errs)) {
        plan *p = qp_plan(&a, sg, doc, op, &errs);
        if (p) {
            if (count_fetches(p->root) != p->nfetches) abort();
            sbuf out;
            sbuf_init(&out);
            plan_print(&out, p);
            sbuf_free(&out);
        } else if (!errs.first) {
            abort();
        }
    }
    arena_free(&a);
    return 0;
}
