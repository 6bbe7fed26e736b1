/* wire_envelope_test.c: plan bundles and envelopes: round trips, and every
 * kind of damage (bit flips, truncation, wrong hash, disagreeing versions,
 * missing fields, lying lengths) rejected with its reason. */
#include <stdlib.h>
#include <string.h>

#include "ftest.h"
#include "wire_envelope.h"

static const char *const ABC_SHA256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

/* A bundle of the given version with two subgraphs and one plan, serialised
 * into out. */
static void make_bundle(uint64_t version, sbuf *out)
{
    Fedmesh__SubgraphInfo sub[2] = {FEDMESH__SUBGRAPH_INFO__INIT, FEDMESH__SUBGRAPH_INFO__INIT};
    sub[0].name = "products";
    sub[0].url = "http://127.0.0.1:4203/graphql";
    sub[0].sdl_sha256 = (char *)ABC_SHA256;
    sub[1].name = "reviews";
    sub[1].url = "http://127.0.0.1:4204/graphql";
    sub[1].sdl_sha256 = (char *)ABC_SHA256;
    Fedmesh__SubgraphInfo *subs[2] = {&sub[0], &sub[1]};
    Fedmesh__PrecompiledPlan plan = FEDMESH__PRECOMPILED_PLAN__INIT;
    plan.query = "{ topProducts { name } }";
    plan.operation_name = "";
    plan.plan.data = (uint8_t *)"\x01\x02\x03";
    plan.plan.len = 3;
    Fedmesh__PrecompiledPlan *plans[1] = {&plan};
    Fedmesh__PlanBundle bundle = FEDMESH__PLAN_BUNDLE__INIT;
    bundle.version = version;
    bundle.created_unix_ms = 1764352800000ULL;
    bundle.supergraph_sdl = "schema { query: Query } type Query { a: Int }";
    bundle.n_subgraphs = 2;
    bundle.subgraphs = subs;
    bundle.n_plans = 1;
    bundle.plans = plans;
    bundle.composed_from = (char *)ABC_SHA256;
    wire_bundle_encode(&bundle, out);
}

/* The envelope of a version-7 bundle, serialised into out. */
static void make_envelope(sbuf *out)
{
    sbuf bundle;
    sbuf_init(&bundle);
    make_bundle(7, &bundle);
    wire_envelope_encode(7, (const uint8_t *)bundle.data, bundle.len, out);
    sbuf_free(&bundle);
}

/* Serialises any envelope, even one the encoder would not write. */
static void pack_envelope(const Fedmesh__BundleEnvelope *env, sbuf *out)
{
    size_t len = fedmesh__bundle_envelope__get_packed_size(env);
    uint8_t *bytes = malloc(len);
    fedmesh__bundle_envelope__pack(env, bytes);
    sbuf_append(out, (const char *)bytes, len);
    free(bytes);
}

/* Decodes and opens bytes as an envelope; the reason on failure, NULL when
 * both succeed. */
static const char *open_bytes(const uint8_t *buf, size_t len, wire_reason *why)
{
    arena a;
    arena_init(&a, 0);
    const char *result = why->text;
    Fedmesh__BundleEnvelope *env = wire_envelope_decode(&a, buf, len, why);
    if (env && wire_envelope_open(&a, env, why)) result = NULL;
    arena_free(&a);
    return result;
}

TEST(sha256_hex_matches_known_digests)
{
    char hex[WIRE_SHA256_HEX_SIZE];
    wire_sha256_hex("abc", 3, hex);
    CHECK_STR(hex, ABC_SHA256);
    wire_sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(sha256_hex_form_is_checked)
{
    CHECK(wire_is_sha256_hex(ABC_SHA256));
    CHECK(!wire_is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    CHECK(!wire_is_sha256_hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a"));
    CHECK(!wire_is_sha256_hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0"));
    CHECK(!wire_is_sha256_hex("ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    CHECK(!wire_is_sha256_hex(""));
    CHECK(!wire_is_sha256_hex(NULL));
}

TEST(bundle_round_trip_keeps_every_field)
{
    sbuf buf;
    sbuf_init(&buf);
    make_bundle(42, &buf);
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    Fedmesh__PlanBundle *b = wire_bundle_decode(&a, (const uint8_t *)buf.data, buf.len, &why);
    CHECK(b != NULL);
    if (b) {
        CHECK_INT(b->version, 42);
        CHECK_INT(b->created_unix_ms, 1764352800000LL);
        CHECK_STR(b->supergraph_sdl, "schema { query: Query } type Query { a: Int }");
        CHECK_STR(b->composed_from, ABC_SHA256);
        CHECK_INT(b->n_subgraphs, 2);
        CHECK_STR(b->subgraphs[1]->name, "reviews");
        CHECK_STR(b->subgraphs[1]->url, "http://127.0.0.1:4204/graphql");
        CHECK_STR(b->subgraphs[0]->sdl_sha256, ABC_SHA256);
        CHECK_INT(b->n_plans, 1);
        CHECK_STR(b->plans[0]->query, "{ topProducts { name } }");
        CHECK_STR(b->plans[0]->operation_name, "");
        CHECK_INT(b->plans[0]->plan.len, 3);
        CHECK(memcmp(b->plans[0]->plan.data, "\x01\x02\x03", 3) == 0);
    }
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(envelope_round_trip_opens_to_the_bundle)
{
    sbuf buf;
    sbuf_init(&buf);
    make_envelope(&buf);
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    Fedmesh__BundleEnvelope *env =
        wire_envelope_decode(&a, (const uint8_t *)buf.data, buf.len, &why);
    CHECK(env != NULL);
    if (env) {
        CHECK_INT(env->version, 7);
        char want[WIRE_SHA256_HEX_SIZE];
        wire_sha256_hex(env->bundle.data, env->bundle.len, want);
        CHECK_STR(env->sha256, want);
        Fedmesh__PlanBundle *b = wire_envelope_open(&a, env, &why);
        CHECK(b != NULL);
        if (b) CHECK_STR(b->subgraphs[0]->name, "products");
    }
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(envelope_init_borrows_the_bundle_bytes)
{
    static const uint8_t bytes[] = {'a', 'b', 'c'};
    Fedmesh__BundleEnvelope env;
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha, 9, bytes, 3);
    CHECK_INT(env.version, 9);
    CHECK(env.sha256 == sha);
    CHECK_STR(env.sha256, ABC_SHA256);
    CHECK(env.bundle.data == bytes);
    CHECK_INT(env.bundle.len, 3);
}

TEST(wrong_hash_is_rejected_with_both_hashes)
{
    sbuf bundle;
    sbuf_init(&bundle);
    make_bundle(7, &bundle);
    Fedmesh__BundleEnvelope env;
    char sha[WIRE_SHA256_HEX_SIZE], real[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha, 7, (const uint8_t *)bundle.data, bundle.len);
    memcpy(real, sha, sizeof real);
    memcpy(sha, ABC_SHA256, sizeof sha);
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    CHECK(wire_envelope_open(&a, &env, &why) == NULL);
    char want[256];
    snprintf(want, sizeof want, "bundle sha256 is %s, the envelope says %s", real, ABC_SHA256);
    CHECK_STR(why.text, want);
    arena_free(&a);
    sbuf_free(&bundle);
}

TEST(disagreeing_versions_are_rejected)
{
    sbuf bundle, buf;
    sbuf_init(&bundle);
    sbuf_init(&buf);
    make_bundle(6, &bundle);
    wire_envelope_encode(7, (const uint8_t *)bundle.data, bundle.len, &buf);
    wire_reason why = {{0}};
    CHECK_STR(open_bytes((const uint8_t *)buf.data, buf.len, &why),
              "bundle version 6 differs from the envelope's 7");
    sbuf_free(&bundle);
    sbuf_free(&buf);
}

TEST(envelope_form_is_checked)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_reason why = {{0}};
    wire_envelope_encode(0, (const uint8_t *)"x", 1, &buf);
    CHECK_STR(open_bytes((const uint8_t *)buf.data, buf.len, &why), "envelope has no version");
    sbuf_reset(&buf);
    wire_envelope_encode(3, (const uint8_t *)"", 0, &buf);
    CHECK_STR(open_bytes((const uint8_t *)buf.data, buf.len, &why), "envelope has no bundle");
    Fedmesh__BundleEnvelope env = FEDMESH__BUNDLE_ENVELOPE__INIT;
    env.version = 3;
    env.sha256 = "ABC";
    env.bundle.data = (uint8_t *)"x";
    env.bundle.len = 1;
    sbuf_reset(&buf);
    pack_envelope(&env, &buf);
    CHECK_STR(open_bytes((const uint8_t *)buf.data, buf.len, &why),
              "envelope sha256 is not 64 lowercase hex digits");
    sbuf_free(&buf);
}

TEST(every_bit_flip_is_rejected)
{
    sbuf buf;
    sbuf_init(&buf);
    make_envelope(&buf);
    uint8_t *bytes = malloc(buf.len);
    int accepted = 0;
    for (size_t bit = 0; bit < buf.len * 8; bit++) {
        memcpy(bytes, buf.data, buf.len);
        bytes[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        wire_reason why = {{0}};
        if (!open_bytes(bytes, buf.len, &why)) {
            accepted++;
            fprintf(stderr, "bit %zu flipped was accepted\n", bit);
        }
    }
    CHECK_INT(accepted, 0);
    free(bytes);
    sbuf_free(&buf);
}

TEST(every_truncation_is_rejected)
{
    sbuf buf;
    sbuf_init(&buf);
    make_envelope(&buf);
    int accepted = 0;
    for (size_t len = 0; len < buf.len; len++) {
        uint8_t *bytes = malloc(len ? len : 1); /* exactly len bytes, for ASan */
        memcpy(bytes, buf.data, len);
        wire_reason why = {{0}};
        if (!open_bytes(bytes, len, &why)) accepted++;
        free(bytes);
    }
    CHECK_INT(accepted, 0);
    sbuf_free(&buf);
}

TEST(truncated_envelope_says_it_is_malformed)
{
    sbuf buf;
    sbuf_init(&buf);
    make_envelope(&buf);
    wire_reason why = {{0}};
    CHECK_STR(open_bytes((const uint8_t *)buf.data, buf.len - 1, &why),
              "envelope does not decode (malformed protobuf)");
    sbuf_free(&buf);
}

TEST(flipped_bundle_byte_fails_the_hash)
{
    sbuf buf;
    sbuf_init(&buf);
    make_envelope(&buf);
    buf.data[buf.len - 5] ^= 0x20; /* inside the bundle bytes, the last field */
    wire_reason why = {{0}};
    const char *reason = open_bytes((const uint8_t *)buf.data, buf.len, &why);
    CHECK(reason && strncmp(reason, "bundle sha256 is ", 17) == 0);
    sbuf_free(&buf);
}

TEST(lying_lengths_are_rejected)
{
    /* field 3 (bytes) claiming 2^40 bytes, then 3 bytes */
    static const uint8_t huge_bytes[] = {0x08, 0x07, 0x1a, 0x80, 0x80, 0x80,
                                         0x80, 0x80, 0x20, 'a',  'b',  'c'};
    /* field 2 (string) claiming 100 bytes, 2 there */
    static const uint8_t long_string[] = {0x08, 0x07, 0x12, 100, 'a', 'b'};
    /* a varint of 11 bytes */
    static const uint8_t long_varint[] = {0x08, 0xff, 0xff, 0xff, 0xff, 0xff,
                                          0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
    wire_reason why = {{0}};
    CHECK_STR(open_bytes(huge_bytes, sizeof huge_bytes, &why),
              "envelope does not decode (malformed protobuf)");
    CHECK_STR(open_bytes(long_string, sizeof long_string, &why),
              "envelope does not decode (malformed protobuf)");
    CHECK_STR(open_bytes(long_varint, sizeof long_varint, &why),
              "envelope does not decode (malformed protobuf)");
}

TEST(oversized_message_is_refused_before_decoding)
{
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    static const uint8_t one = 0;
    /* The length is checked before a byte is read. */
    CHECK(wire_envelope_decode(&a, &one, WIRE_MAX_MESSAGE_BYTES + 1, &why) == NULL);
    CHECK_STR(why.text, "envelope is 67108865 bytes, more than the limit of 67108864");
    CHECK(wire_bundle_decode(&a, &one, WIRE_MAX_MESSAGE_BYTES + 1, &why) == NULL);
    CHECK_STR(why.text, "bundle is 67108865 bytes, more than the limit of 67108864");
    arena_free(&a);
}

/* Decodes a hand-built bundle; its reason, or NULL. */
static const char *bundle_reason(const Fedmesh__PlanBundle *bundle, wire_reason *why)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_bundle_encode(bundle, &buf);
    arena a;
    arena_init(&a, 0);
    const char *result =
        wire_bundle_decode(&a, (const uint8_t *)buf.data, buf.len, why) ? NULL : why->text;
    arena_free(&a);
    sbuf_free(&buf);
    return result;
}

TEST(bundle_content_is_checked)
{
    wire_reason why = {{0}};
    Fedmesh__PlanBundle b = FEDMESH__PLAN_BUNDLE__INIT;
    b.supergraph_sdl = "type Query { a: Int }";
    CHECK_STR(bundle_reason(&b, &why), "bundle has no version");
    b.version = 1;
    b.supergraph_sdl = "";
    CHECK_STR(bundle_reason(&b, &why), "bundle has no supergraph");
    b.supergraph_sdl = "type Query { a: Int }";
    CHECK(bundle_reason(&b, &why) == NULL);
    Fedmesh__PrecompiledPlan p0 = FEDMESH__PRECOMPILED_PLAN__INIT, p1 = p0;
    p0.query = "{ a }";
    p0.plan.data = (uint8_t *)"x";
    p0.plan.len = 1;
    p1.query = "{ a }";
    Fedmesh__PrecompiledPlan *plans[2] = {&p0, &p1};
    b.plans = plans;
    b.n_plans = 2;
    CHECK_STR(bundle_reason(&b, &why), "precompiled plan 1 has no query or no plan");
    p1.plan = p0.plan;
    p1.query = "";
    CHECK_STR(bundle_reason(&b, &why), "precompiled plan 1 has no query or no plan");
    p1.query = "{ b }";
    CHECK(bundle_reason(&b, &why) == NULL);
}

TEST(bundle_that_is_not_protobuf_is_rejected)
{
    sbuf bundle, buf;
    sbuf_init(&bundle);
    sbuf_init(&buf);
    sbuf_puts(&bundle, "type Query { a: Int }");
    wire_envelope_encode(1, (const uint8_t *)bundle.data, bundle.len, &buf);
    wire_reason why = {{0}};
    CHECK_STR(open_bytes((const uint8_t *)buf.data, buf.len, &why),
              "bundle does not decode (malformed protobuf)");
    sbuf_free(&bundle);
    sbuf_free(&buf);
}

TEST(bundle_of_many_empty_elements_exceeds_its_memory_budget)
{
    /* version 1, a supergraph, then 5000 empty SubgraphInfo (field 4, length
     * 0: two bytes each, a struct and a pointer each when decoded) */
    sbuf buf;
    sbuf_init(&buf);
    sbuf_append(&buf, "\x08\x01\x1a\x01x", 5);
    for (int i = 0; i < 5000; i++)
        sbuf_append(&buf, "\x22\x00", 2);
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    CHECK(wire_bundle_decode(&a, (const uint8_t *)buf.data, buf.len, &why) == NULL);
    CHECK_STR(why.text, "bundle would take more than 105556 bytes of memory to decode");
    /* 100 of them fit */
    buf.len = 5 + 200;
    Fedmesh__PlanBundle *b = wire_bundle_decode(&a, (const uint8_t *)buf.data, buf.len, &why);
    CHECK(b != NULL);
    if (b) CHECK_INT(b->n_subgraphs, 100);
    arena_free(&a);
    sbuf_free(&buf);
}

TEST_MAIN(RUN(sha256_hex_matches_known_digests); RUN(sha256_hex_form_is_checked);
          RUN(bundle_round_trip_keeps_every_field); RUN(envelope_round_trip_opens_to_the_bundle);
          RUN(envelope_init_borrows_the_bundle_bytes); RUN(wrong_hash_is_rejected_with_both_hashes);
          RUN(disagreeing_versions_are_rejected); RUN(envelope_form_is_checked);
          RUN(every_bit_flip_is_rejected); RUN(every_truncation_is_rejected);
          RUN(truncated_envelope_says_it_is_malformed); RUN(flipped_bundle_byte_fails_the_hash);
          RUN(lying_lengths_are_rejected); RUN(oversized_message_is_refused_before_decoding);
          RUN(bundle_content_is_checked); RUN(bundle_that_is_not_protobuf_is_rejected);
          RUN(bundle_of_many_empty_elements_exceeds_its_memory_budget))
