/* sg_codec_fuzz.c: libFuzzer target for sg_decode (seeds: tests/fuzz/sg_codec,
 * images of small supergraphs written by build/sg-image). An image that
 * decodes is printed (both schemas), encoded and decoded again, and the
 * second encoding must equal the first: decoding keeps all it accepts. A
 * refusal must say why. */
#include <stdlib.h>
#include <string.h>

#include "schema_print.h"
#include "sg_codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void print_both(const supergraph *sg)
{
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, sg->full);
    schema_print(&out, sg->api);
    sbuf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sg_decode(&a, data, size, &errs);
    if (sg) {
        sbuf first, second;
        sbuf_init(&first);
        sbuf_init(&second);
        print_both(sg);
        sg_encode(sg, &first);
        supergraph *again = sg_decode(&a, (const uint8_t *)first.data, first.len, &errs);
        if (!again) abort();
        sg_encode(again, &second);
        if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0) abort();
        sbuf_free(&first);
        sbuf_free(&second);
    } else if (errs.count != 1) {
        abort(); /* a refusal says why, once */
    }
    arena_free(&a);
    return 0;
}
