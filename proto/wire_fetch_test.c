/* wire_fetch_test.c: FetchRequest and FetchReply: round trips of every kind
 * of reply, and the replies and requests that make no sense rejected. */
#include <string.h>

#include "ftest.h"
#include "wire_envelope.h"
#include "wire_fetch.h"

static const char *const ABC_SHA256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST(request_round_trip)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_fetch_request_encode("host-1:4001", 12, &buf);
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    Fedmesh__FetchRequest *req =
        wire_fetch_request_decode(&a, (const uint8_t *)buf.data, buf.len, &why);
    CHECK(req != NULL);
    if (req) {
        CHECK_STR(req->sidecar_id, "host-1:4001");
        CHECK_INT(req->have_version, 12);
    }
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(request_without_id_is_rejected)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_fetch_request_encode("", 3, &buf);
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    CHECK(wire_fetch_request_decode(&a, (const uint8_t *)buf.data, buf.len, &why) == NULL);
    CHECK_STR(why.text, "fetch request has no sidecar_id");
    static const uint8_t cut[] = {0x0a, 0x05, 'a'};
    CHECK(wire_fetch_request_decode(&a, cut, sizeof cut, &why) == NULL);
    CHECK_STR(why.text, "fetch request does not decode (malformed protobuf)");
    arena_free(&a);
    sbuf_free(&buf);
}

/* Encodes reply and decodes it again into a; NULL with why on rejection. */
static Fedmesh__FetchReply *round_trip(arena *a, const Fedmesh__FetchReply *reply, wire_reason *why)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_fetch_reply_encode(reply, &buf);
    Fedmesh__FetchReply *got = wire_fetch_reply_decode(a, (const uint8_t *)buf.data, buf.len, why);
    sbuf_free(&buf);
    return got;
}

TEST(reply_with_envelope_round_trip)
{
    static const uint8_t bundle[] = {'a', 'b', 'c'};
    Fedmesh__BundleEnvelope env;
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha, 5, bundle, sizeof bundle);
    Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
    reply.envelope = &env;
    reply.publish_url = "tcp://127.0.0.1:7100";
    reply.report_url = "tcp://127.0.0.1:7102";
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    Fedmesh__FetchReply *got = round_trip(&a, &reply, &why);
    CHECK(got != NULL);
    if (got) {
        CHECK(!got->up_to_date);
        CHECK(got->envelope != NULL);
        CHECK_INT(got->envelope->version, 5);
        CHECK_STR(got->envelope->sha256, ABC_SHA256);
        CHECK_INT(got->envelope->bundle.len, 3);
        CHECK_STR(got->publish_url, "tcp://127.0.0.1:7100");
        CHECK_STR(got->report_url, "tcp://127.0.0.1:7102");
        CHECK_STR(got->error, "");
    }
    arena_free(&a);
}

TEST(reply_up_to_date_and_reply_with_error)
{
    Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
    reply.up_to_date = 1;
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    Fedmesh__FetchReply *got = round_trip(&a, &reply, &why);
    CHECK(got && got->up_to_date && !got->envelope);
    reply.up_to_date = 0;
    reply.error = "no bundle composed yet";
    got = round_trip(&a, &reply, &why);
    CHECK(got && !got->up_to_date && !got->envelope);
    if (got) CHECK_STR(got->error, "no bundle composed yet");
    arena_free(&a);
}

TEST(reply_that_makes_no_sense_is_rejected)
{
    static const uint8_t bundle[] = {'a', 'b', 'c'};
    Fedmesh__BundleEnvelope env;
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha, 5, bundle, sizeof bundle);
    Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
    arena a;
    arena_init(&a, 0);
    wire_reason why = {{0}};
    CHECK(round_trip(&a, &reply, &why) == NULL);
    CHECK_STR(why.text, "fetch reply has neither an envelope nor an error");
    reply.up_to_date = 1;
    reply.envelope = &env;
    CHECK(round_trip(&a, &reply, &why) == NULL);
    CHECK_STR(why.text, "fetch reply is up to date and carries an envelope");
    reply.up_to_date = 0;
    env.version = 0;
    CHECK(round_trip(&a, &reply, &why) == NULL);
    CHECK_STR(why.text, "envelope has no version");
    env.version = 5;
    sha[0] = 'X';
    CHECK(round_trip(&a, &reply, &why) == NULL);
    CHECK_STR(why.text, "envelope sha256 is not 64 lowercase hex digits");
    sha[0] = 'b';
    env.bundle.len = 0;
    CHECK(round_trip(&a, &reply, &why) == NULL);
    CHECK_STR(why.text, "envelope has no bundle");
    arena_free(&a);
}

TEST(reply_truncations_are_rejected)
{
    static const uint8_t bundle[] = {'a', 'b', 'c'};
    Fedmesh__BundleEnvelope env;
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_envelope_init(&env, sha, 5, bundle, sizeof bundle);
    Fedmesh__FetchReply reply = FEDMESH__FETCH_REPLY__INIT;
    reply.envelope = &env;
    sbuf buf;
    sbuf_init(&buf);
    wire_fetch_reply_encode(&reply, &buf);
    arena a;
    arena_init(&a, 0);
    int accepted = 0;
    /* Any cut inside the envelope (the first field) breaks it. */
    for (size_t len = 0; len < buf.len; len++) {
        wire_reason why = {{0}};
        if (wire_fetch_reply_decode(&a, (const uint8_t *)buf.data, len, &why)) accepted++;
    }
    CHECK_INT(accepted, 0);
    arena_free(&a);
    sbuf_free(&buf);
}

TEST_MAIN(RUN(request_round_trip); RUN(request_without_id_is_rejected);
          RUN(reply_with_envelope_round_trip); RUN(reply_up_to_date_and_reply_with_error);
          RUN(reply_that_makes_no_sense_is_rejected); RUN(reply_truncations_are_rejected))
