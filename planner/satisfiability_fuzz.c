/* satisfiability_fuzz.c: libFuzzer target for the satisfiability check. Any
 * supergraph that loads must be checked to the end without a crash, every
 * error it reports must carry a code, and the result must agree with them. */
#include <stdlib.h>

#include "satisfiability.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sg_load(&a, (const char *)data, size, &errs);
    if (sg) {
        bool ok = sg_check_satisfiability(sg, &errs);
        if (ok != (errs.count == 0)) abort();
        for (const diag *d = errs.first; d; d = d->next)
            if (!d->code || !d->message) abort();
    }
    arena_free(&a);
    return 0;
}
