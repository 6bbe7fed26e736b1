/* wire_fetch_fuzz.c: libFuzzer target for FetchRequest and FetchReply
 * decoding; a reply that decodes must be one of the three kinds. */
#include <stdlib.h>

#include "wire_fetch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    wire_reason why;
    wire_fetch_request_decode(&a, data, size, &why);
    Fedmesh__FetchReply *reply = wire_fetch_reply_decode(&a, data, size, &why);
    if (reply && reply->up_to_date && reply->envelope) abort();
    arena_free(&a);
    return 0;
}
