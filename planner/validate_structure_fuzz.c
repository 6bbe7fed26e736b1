/* validate_structure_fuzz.c: libFuzzer target for the structure validation
 * rules. Whatever document parses, validating it against the test schema
 * (vtest.h) must end cleanly, every error with a message. */
#include "validate_rules.h"
#include "vtest.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static vtest pets; /* built once, reachable until exit */
    if (!pets.schema) vtest_init(&pets, vtest_pets_sdl);
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *doc = parse_document(&a, (const char *)data, size, NULL, &err);
    if (doc) {
        diag_list errs;
        diag_init(&errs, &a);
        validate_structure_rules(pets.schema, doc, &errs);
        for (const diag *e = errs.first; e; e = e->next)
            if (!e->message || !e->message[0]) abort();
    }
    arena_free(&a);
    return 0;
}
