/* supergraph_fuzz.c: libFuzzer target for supergraph loading. Any input must
 * load or fail with at least one error; what loads must have consistent
 * tables: every graph reference in range, every API field with a twin. */
#include "supergraph.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void check_tables(const supergraph *sg)
{
    for (uint32_t i = 0; i < sg->full->ntypes; i++) {
        const sg_type *st = &sg->types[i];
        for (uint32_t k = 0; k < st->ngraphs; k++)
            if (st->graphs[k].graph->index >= sg->ngraphs ||
                st->by_graph[st->graphs[k].graph->index] != &st->graphs[k])
                abort();
    }
    for (uint32_t i = 0; i < sg->full->nfields; i++) {
        const sg_field *sf = &sg->fields[i];
        for (uint32_t k = 0; k < sf->ngraphs; k++)
            if (sf->graphs[k].graph->index >= sg->ngraphs ||
                sf->by_graph[sf->graphs[k].graph->index] != &sf->graphs[k])
                abort();
    }
    for (uint32_t i = 0; i < sg->api->nfields; i++)
        if (!sg->api_to_full[i]) abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sg_load(&a, (const char *)data, size, &errs);
    if (!sg && errs.count == 0) abort();
    if (sg && errs.count != 0) abort();
    if (sg) check_tables(sg);
    arena_free(&a);
    return 0;
}
