/* wire_envelope.c: plan bundles and their envelopes, encoded with protobuf-c
 * and checked on the way in (see wire_envelope.h). */
#include "wire_envelope.h"

#include <string.h>

#include "wire_int.h"

void wire_envelope_init(Fedmesh__BundleEnvelope *env, char sha256[WIRE_SHA256_HEX_SIZE],
                        uint64_t version, const uint8_t *bundle, size_t len)
{
    Fedmesh__BundleEnvelope init = FEDMESH__BUNDLE_ENVELOPE__INIT;
    *env = init;
    wire_sha256_hex(bundle, len, sha256);
    env->version = version;
    env->sha256 = sha256;
    env->bundle.data = (uint8_t *)bundle; /* protobuf-c's field is not const; never written */
    env->bundle.len = len;
}

void wire_envelope_encode(uint64_t version, const uint8_t *bundle, size_t len, sbuf *out)
{
    Fedmesh__BundleEnvelope env;
    char sha256[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha256, version, bundle, len);
    wire_pack(&env.base, out);
}

bool wire_envelope_check_form(const Fedmesh__BundleEnvelope *env, wire_reason *why)
{
    if (env->version == 0) {
        wire_fail(why, "envelope has no version");
        return false;
    }
    if (!wire_is_sha256_hex(env->sha256)) {
        wire_fail(why, "envelope sha256 is not 64 lowercase hex digits");
        return false;
    }
    if (env->bundle.len == 0) {
        wire_fail(why, "envelope has no bundle");
        return false;
    }
    return true;
}

Fedmesh__BundleEnvelope *wire_envelope_decode(arena *a, const uint8_t *buf, size_t len,
                                              wire_reason *why)
{
    Fedmesh__BundleEnvelope *env = (Fedmesh__BundleEnvelope *)wire_unpack(
        a, &fedmesh__bundle_envelope__descriptor, "envelope", buf, len, why);
    return env && wire_envelope_check_form(env, why) ? env : NULL;
}

Fedmesh__PlanBundle *wire_envelope_open(arena *a, const Fedmesh__BundleEnvelope *env,
                                        wire_reason *why)
{
    char sha256[WIRE_SHA256_HEX_SIZE];
    wire_sha256_hex(env->bundle.data, env->bundle.len, sha256);
    if (!env->sha256 || strcmp(sha256, env->sha256) != 0) {
        wire_fail(why, "bundle sha256 is %s, the envelope says %s", sha256,
                  env->sha256 ? env->sha256 : "nothing");
        return NULL;
    }
    Fedmesh__PlanBundle *bundle = wire_bundle_decode(a, env->bundle.data, env->bundle.len, why);
    if (!bundle) return NULL;
    if (bundle->version != env->version) {
        wire_fail(why, "bundle version %llu differs from the envelope's %llu",
                  (unsigned long long)bundle->version, (unsigned long long)env->version);
        return NULL;
    }
    return bundle;
}

void wire_bundle_encode(const Fedmesh__PlanBundle *bundle, sbuf *out)
{
    wire_pack(&bundle->base, out);
}

Fedmesh__PlanBundle *wire_bundle_decode(arena *a, const uint8_t *buf, size_t len, wire_reason *why)
{
    Fedmesh__PlanBundle *bundle = (Fedmesh__PlanBundle *)wire_unpack(
        a, &fedmesh__plan_bundle__descriptor, "bundle", buf, len, why);
    if (!bundle) return NULL;
    if (bundle->version == 0) {
        wire_fail(why, "bundle has no version");
        return NULL;
    }
    if (!bundle->supergraph_sdl || !bundle->supergraph_sdl[0]) {
        wire_fail(why, "bundle has no supergraph");
        return NULL;
    }
    for (size_t i = 0; i < bundle->n_plans; i++) {
        const Fedmesh__PrecompiledPlan *plan = bundle->plans[i];
        if (!plan->query || !plan->query[0] || plan->plan.len == 0) {
            wire_fail(why, "precompiled plan %zu has no query or no plan", i);
            return NULL;
        }
    }
    return bundle;
}
