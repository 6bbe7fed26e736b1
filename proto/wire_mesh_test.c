/* wire_mesh_test.c: mesh fetch frames: a round trip of each type, and every
 * way a frame can be wrong (no type, unknown type, missing or twice-given
 * keys, wrong types, a status out of range, NUL in a string, cut short,
 * trailing bytes, over the size limit) rejected with its reason; unknown
 * keys skipped. */
#include <msgpack.h>
#include <stdlib.h>
#include <string.h>

#include "ftest.h"
#include "wire_mesh.h"

static int sbuf_write(void *data, const char *buf, size_t len)
{
    sbuf_append(data, buf, len);
    return 0;
}

/* A frame from "key=value" entries: a value of digits is an unsigned
 * integer, "-N" a negative one, "bin:TEXT" a bin, "nil" nil, anything else a
 * string. */
static void frame(sbuf *out, int n, const char *const *entries)
{
    msgpack_packer pk;
    msgpack_packer_init(&pk, out, sbuf_write);
    msgpack_pack_map(&pk, (size_t)n);
    for (int i = 0; i < n; i++) {
        const char *eq = strchr(entries[i], '=');
        msgpack_pack_str(&pk, (size_t)(eq - entries[i]));
        msgpack_pack_str_body(&pk, entries[i], (size_t)(eq - entries[i]));
        const char *v = eq + 1;
        if (v[0] >= '0' && v[0] <= '9') {
            msgpack_pack_uint64(&pk, strtoull(v, NULL, 10));
        } else if (v[0] == '-') {
            msgpack_pack_int64(&pk, strtoll(v, NULL, 10));
        } else if (strncmp(v, "bin:", 4) == 0) {
            msgpack_pack_bin(&pk, strlen(v + 4));
            msgpack_pack_bin_body(&pk, v + 4, strlen(v + 4));
        } else if (strcmp(v, "nil") == 0) {
            msgpack_pack_nil(&pk);
        } else {
            msgpack_pack_str(&pk, strlen(v));
            msgpack_pack_str_body(&pk, v, strlen(v));
        }
    }
}

/* The reason a frame of these entries is refused, or "ok". */
static const char *reason_of(arena *a, int n, const char *const *entries, wire_mesh_frame *out)
{
    static wire_reason why;
    sbuf buf;
    sbuf_init(&buf);
    frame(&buf, n, entries);
    bool ok = wire_mesh_decode(a, (const uint8_t *)buf.data, buf.len, out, &why);
    sbuf_free(&buf);
    return ok ? "ok" : why.text;
}

#define REASON(a, out, ...)                                                                        \
    reason_of(a, (int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)),         \
              (const char *const[]){__VA_ARGS__}, out)

static bool round_trip(arena *a, const wire_mesh_frame *in, wire_mesh_frame *out)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_mesh_encode(in, &buf);
    /* The body points into the buffer: keep a copy in the arena. */
    uint8_t *copy = arena_alloc(a, buf.len + 1);
    memcpy(copy, buf.data, buf.len);
    wire_reason why;
    bool ok = wire_mesh_decode(a, copy, buf.len, out, &why);
    sbuf_free(&buf);
    return ok;
}

TEST(fetch_round_trip)
{
    arena a;
    arena_init(&a, 0);
    const char body[] = "{\"query\":\"{ a }\"}";
    wire_mesh_frame in = {.type = WIRE_MESH_FETCH,
                          .subgraph = "products",
                          .body = (const uint8_t *)body,
                          .body_len = strlen(body)};
    wire_mesh_frame out;
    CHECK(round_trip(&a, &in, &out));
    CHECK_INT(out.type, WIRE_MESH_FETCH);
    CHECK_STR(out.subgraph, "products");
    CHECK_INT(out.body_len, strlen(body));
    CHECK(memcmp(out.body, body, strlen(body)) == 0);
    CHECK_STR(wire_mesh_type_name(out.type), "fetch");
    arena_free(&a);
}

TEST(result_round_trip_keeps_binary_bodies)
{
    arena a;
    arena_init(&a, 0);
    const uint8_t body[] = {'{', 0, 0xff, '}'};
    wire_mesh_frame in = {
        .type = WIRE_MESH_RESULT, .status = 503, .body = body, .body_len = sizeof body};
    wire_mesh_frame out;
    CHECK(round_trip(&a, &in, &out));
    CHECK_INT(out.type, WIRE_MESH_RESULT);
    CHECK_INT(out.status, 503);
    CHECK_INT(out.body_len, 4);
    CHECK(memcmp(out.body, body, 4) == 0);
    CHECK(out.subgraph == NULL && out.reason == NULL);
    arena_free(&a);
}

TEST(empty_body_and_error_round_trip)
{
    arena a;
    arena_init(&a, 0);
    wire_mesh_frame in = {.type = WIRE_MESH_RESULT, .status = 200}, out;
    CHECK(round_trip(&a, &in, &out));
    CHECK_INT(out.body_len, 0);
    in = (wire_mesh_frame){.type = WIRE_MESH_ERROR,
                           .reason = "could not connect: Connection refused"};
    CHECK(round_trip(&a, &in, &out));
    CHECK_INT(out.type, WIRE_MESH_ERROR);
    CHECK_STR(out.reason, "could not connect: Connection refused");
    CHECK(out.body == NULL);
    in = (wire_mesh_frame){.type = WIRE_MESH_ERROR};
    CHECK(round_trip(&a, &in, &out));
    CHECK_STR(out.reason, "");
    arena_free(&a);
}

TEST(keys_in_any_order_unknown_keys_skipped)
{
    arena a;
    arena_init(&a, 0);
    wire_mesh_frame f;
    CHECK_STR(REASON(&a, &f, "body=bin:{}", "extra=nil", "subgraph=s", "type=fetch"), "ok");
    CHECK_STR(f.subgraph, "s");
    /* A known key another type uses is read, then dropped. */
    CHECK_STR(REASON(&a, &f, "type=error", "reason=r", "subgraph=s", "status=200"), "ok");
    CHECK(f.subgraph == NULL && f.status == 0);
    CHECK_STR(f.reason, "r");
    arena_free(&a);
}

TEST(refused_frames)
{
    arena a;
    arena_init(&a, 0);
    wire_mesh_frame f;
    CHECK_STR(REASON(&a, &f, "subgraph=s", "body=bin:x"), "mesh frame has no type");
    CHECK_STR(REASON(&a, &f, "type=fetchx"), "unknown mesh frame type \"fetchx\"");
    CHECK_STR(REASON(&a, &f, "type=7"), "mesh frame type is not a string");
    CHECK_STR(REASON(&a, &f, "type=fetch", "body=bin:x"), "fetch frame has no subgraph");
    CHECK_STR(REASON(&a, &f, "type=fetch", "subgraph=s"), "fetch frame has no body");
    CHECK_STR(REASON(&a, &f, "type=result", "body=bin:x"), "result frame has no status");
    CHECK_STR(REASON(&a, &f, "type=error"), "error frame has no reason");
    CHECK_STR(REASON(&a, &f, "type=fetch", "subgraph=s", "subgraph=t", "body=bin:"),
              "subgraph appears twice");
    CHECK_STR(REASON(&a, &f, "type=fetch", "type=fetch"), "type appears twice");
    CHECK_STR(REASON(&a, &f, "type=fetch", "subgraph=nil", "body=bin:"),
              "subgraph is not a string");
    CHECK_STR(REASON(&a, &f, "type=fetch", "subgraph=s", "body={}"), "body is not a bin");
    CHECK_STR(REASON(&a, &f, "type=result", "status=-1", "body=bin:"),
              "status is not an unsigned integer");
    CHECK_STR(REASON(&a, &f, "type=result", "status=99", "body=bin:"),
              "status 99 is not an HTTP status");
    CHECK_STR(REASON(&a, &f, "type=result", "status=600", "body=bin:"),
              "status 600 is not an HTTP status");
    CHECK_STR(REASON(&a, &f, "type=result", "status=100", "body=bin:"), "ok");
    CHECK_STR(REASON(&a, &f, "type=result", "status=599", "body=bin:"), "ok");
    CHECK_STR(REASON(&a, &f, "type=error", "reason=5"), "reason is not a string");
    arena_free(&a);
}

static const char *decode_bytes(arena *a, const void *bytes, size_t len)
{
    static wire_reason why;
    wire_mesh_frame f;
    return wire_mesh_decode(a, bytes, len, &f, &why) ? "ok" : why.text;
}

TEST(refused_bytes)
{
    arena a;
    arena_init(&a, 0);
    CHECK_STR(decode_bytes(&a, "", 0), "mesh frame is not a map");
    CHECK_STR(decode_bytes(&a, "\x91\xa1x", 3), "mesh frame is not a map");
    /* A key that is not a string; a map saying more pairs than it has. */
    CHECK_STR(decode_bytes(&a, "\x81\x01\x01", 3),
              "mesh frame has a key that is not a string or is cut short");
    CHECK_STR(decode_bytes(&a,
                           "\x82\xa4type\xa5"
                           "error",
                           12),
              "mesh frame has a key that is not a string or is cut short");
    /* An unknown key whose value is cut short. */
    CHECK_STR(decode_bytes(&a, "\x81\xa1x\xdc\xff\xff", 6), "mesh frame is cut short or malformed");
    /* A bin saying more bytes than follow. */
    CHECK_STR(decode_bytes(&a,
                           "\x83\xa4type\xa5"
                           "fetch\xa8subgraph\xa1s\xa4"
                           "body\xc4\x05xy",
                           32),
              "body is not a bin");
    /* A NUL inside a string. */
    CHECK_STR(decode_bytes(&a,
                           "\x82\xa4type\xa5"
                           "error\xa6reason\xa3r\0r",
                           24),
              "reason is not a string");
    /* Bytes after the map. */
    CHECK_STR(decode_bytes(&a,
                           "\x82\xa4type\xa5"
                           "error\xa6reason\xa1r\xc0",
                           22),
              "mesh frame has bytes after its map");
    CHECK_STR(decode_bytes(&a,
                           "\x82\xa4type\xa5"
                           "error\xa6reason\xa1r",
                           21),
              "ok");
    arena_free(&a);
}

TEST(over_the_size_limit)
{
    arena a;
    arena_init(&a, 0);
    wire_reason why;
    wire_mesh_frame f;
    CHECK(!wire_mesh_decode(&a, (const uint8_t *)"", WIRE_MAX_MESSAGE_BYTES + 1, &f, &why));
    CHECK_STR(why.text, "mesh frame is 67108865 bytes, more than the limit of 67108864");
    arena_free(&a);
}

TEST_MAIN(RUN(fetch_round_trip); RUN(result_round_trip_keeps_binary_bodies);
          RUN(empty_body_and_error_round_trip); RUN(keys_in_any_order_unknown_keys_skipped);
          RUN(refused_frames); RUN(refused_bytes); RUN(over_the_size_limit);)
