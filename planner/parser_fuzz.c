/* parser_fuzz.c: libFuzzer target for the parser. Any bytes are fed to all
 * four entry points; none may crash, leak or trip the sanitizers. */
#include <stddef.h>
#include <stdint.h>

#include "parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    arena a;
    arena_init(&a, 0);
    parse_error err;
    parse_options opts = {64, 0};
    parse_document(&a, src, size, &opts, &err);
    parse_value(&a, src, size, &err);
    parse_type(&a, src, size, &err);
    parse_selection_set(&a, src, size, &err);
    arena_free(&a);
    return 0;
}
