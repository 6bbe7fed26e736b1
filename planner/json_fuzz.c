/* json_fuzz.c: libFuzzer target for the JSON parser and writer. Any input
 * must parse or fail cleanly; what parses must write to text that parses
 * again into an equal tree and writes identically (the writer's output is
 * a fixed point). */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    json_error err;
    json_value *first = json_parse(&a, (const char *)data, size, 0, &err);
    if (!first) {
        if (err.offset > size || !err.message[0]) abort();
        arena_free(&a);
        return 0;
    }
    sbuf text, again;
    sbuf_init(&text);
    sbuf_init(&again);
    json_write(&text, first);
    json_value *second = json_parse(&a, text.data, text.len, 0, &err);
    if (!second) {
        fprintf(stderr, "written text does not parse: %s\n", err.message);
        abort();
    }
    if (!json_equal(first, second) || !json_equal(second, first)) abort();
    json_write(&again, second);
    if (again.len != text.len || memcmp(again.data, text.data, text.len) != 0) abort();
    sbuf_free(&text);
    sbuf_free(&again);
    arena_free(&a);
    return 0;
}
