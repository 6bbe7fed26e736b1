/* wire_envelope_fuzz.c: libFuzzer target for envelope and bundle decoding:
 * arbitrary bytes are decoded as an envelope and opened, and decoded as a
 * bundle on their own; an envelope that opens must carry a bundle whose
 * version and hash agree with it. */
#include <stdlib.h>
#include <string.h>

#include "wire_envelope.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a, 0);
    wire_reason why;
    Fedmesh__BundleEnvelope *env = wire_envelope_decode(&a, data, size, &why);
    if (env) {
        Fedmesh__PlanBundle *bundle = wire_envelope_open(&a, env, &why);
        if (bundle) {
            char sha[WIRE_SHA256_HEX_SIZE];
            wire_sha256_hex(env->bundle.data, env->bundle.len, sha);
            if (bundle->version != env->version || strcmp(sha, env->sha256) != 0) abort();
        }
    }
    wire_bundle_decode(&a, data, size, &why);
    arena_free(&a);
    return 0;
}
