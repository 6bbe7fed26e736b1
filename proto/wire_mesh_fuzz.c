/* wire_mesh_fuzz.c: libFuzzer target for mesh fetch frame decoding. A frame
 * that decodes is encoded again, and that must decode to the same frame. */
#include <stdlib.h>
#include <string.h>

#include "wire_mesh.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_str(const char *x, const char *y)
{
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static bool same_frame(const wire_mesh_frame *x, const wire_mesh_frame *y)
{
    return x->type == y->type && same_str(x->subgraph, y->subgraph) && x->status == y->status &&
           same_str(x->reason, y->reason) && x->body_len == y->body_len &&
           (x->body_len == 0 || memcmp(x->body, y->body, x->body_len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    wire_reason why;
    wire_mesh_frame frame, again;
    if (wire_mesh_decode(&a, data, size, &frame, &why)) {
        sbuf buf;
        sbuf_init(&buf);
        wire_mesh_encode(&frame, &buf);
        if (!wire_mesh_decode(&a, (const uint8_t *)buf.data, buf.len, &again, &why) ||
            !same_frame(&frame, &again))
            abort();
        sbuf_free(&buf);
    }
    arena_free(&a);
    return 0;
}
