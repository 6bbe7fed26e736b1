/* wire_report_test.c: report frames: a round trip of each type, and every
 * way a frame can be wrong (missing keys, wrong types, duplicates, lies
 * about lengths, cut short, trailing bytes) rejected with its reason;
 * unknown keys of any type skipped. */
#include <msgpack.h>
#include <stdlib.h>
#include <string.h>

#include "ftest.h"
#include "wire_report.h"

#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA "sha256=" ABC_SHA256

/* ---- frames built by hand ---- */

static int sbuf_write(void *data, const char *buf, size_t len)
{
    sbuf_append(data, buf, len);
    return 0;
}

static void pk_init(msgpack_packer *pk, sbuf *out)
{
    msgpack_packer_init(pk, out, sbuf_write);
}

static void pk_str(msgpack_packer *pk, const char *s)
{
    msgpack_pack_str(pk, strlen(s));
    msgpack_pack_str_body(pk, s, strlen(s));
}

/* A frame from "key=value" entries: a value of digits is an unsigned
 * integer, "-N" a negative one, "nil" nil, anything else a string. */
static void frame(sbuf *out, int n, const char *const *entries)
{
    msgpack_packer pk;
    pk_init(&pk, out);
    msgpack_pack_map(&pk, (size_t)n);
    for (int i = 0; i < n; i++) {
        const char *eq = strchr(entries[i], '=');
        msgpack_pack_str(&pk, (size_t)(eq - entries[i]));
        msgpack_pack_str_body(&pk, entries[i], (size_t)(eq - entries[i]));
        const char *v = eq + 1;
        if (v[0] >= '0' && v[0] <= '9')
            msgpack_pack_uint64(&pk, strtoull(v, NULL, 10));
        else if (v[0] == '-')
            msgpack_pack_int64(&pk, strtoll(v, NULL, 10));
        else if (strcmp(v, "nil") == 0)
            msgpack_pack_nil(&pk);
        else
            pk_str(&pk, v);
    }
}

/* Decodes buf; its reason, or NULL when it decodes. The report is left in
 * *out, its strings in a. */
static const char *decode(arena *a, const sbuf *buf, wire_report *out, wire_reason *why)
{
    return wire_report_decode(a, (const uint8_t *)buf->data, buf->len, out, why) ? NULL : why->text;
}

/* Builds a frame from entries and returns its reason, or NULL. */
static const char *reason_of(int n, const char *const *entries, wire_reason *why)
{
    sbuf buf;
    sbuf_init(&buf);
    frame(&buf, n, entries);
    arena a;
    arena_init(&a, 0);
    wire_report r;
    const char *result = decode(&a, &buf, &r, why);
    arena_free(&a);
    sbuf_free(&buf);
    return result;
}

#define REASON(why, ...)                                                                           \
    reason_of((int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)),                 \
              (const char *[]){__VA_ARGS__}, why)

/* ---- round trips ---- */

static void round_trip(const wire_report *in, arena *a, wire_report *out)
{
    sbuf buf;
    sbuf_init(&buf);
    wire_report_encode(in, &buf);
    wire_reason why = {{0}};
    const char *reason = decode(a, &buf, out, &why);
    CHECK(reason == NULL);
    if (reason) fprintf(stderr, "  reason: %s\n", reason);
    sbuf_free(&buf);
}

TEST(ack_round_trip)
{
    wire_report in = {.type = WIRE_REPORT_ACK,
                      .ack = {"host-1:4001", "127.0.0.1:9001", 17, ABC_SHA256, 1764352800123ULL}};
    arena a;
    arena_init(&a, 0);
    wire_report out;
    round_trip(&in, &a, &out);
    CHECK_INT(out.type, WIRE_REPORT_ACK);
    CHECK_STR(out.ack.sidecar, "host-1:4001");
    CHECK_STR(out.ack.admin, "127.0.0.1:9001");
    CHECK_INT(out.ack.version, 17);
    CHECK_STR(out.ack.sha256, ABC_SHA256);
    CHECK_INT(out.ack.at_ms, 1764352800123LL);
    arena_free(&a);
}

TEST(reject_round_trip)
{
    wire_report in = {.type = WIRE_REPORT_REJECT,
                      .reject = {"s", "127.0.0.1:9001", 0, "", "envelope has no version"}};
    arena a;
    arena_init(&a, 0);
    wire_report out;
    round_trip(&in, &a, &out);
    CHECK_INT(out.type, WIRE_REPORT_REJECT);
    CHECK_STR(out.reject.sidecar, "s");
    CHECK_INT(out.reject.version, 0);
    CHECK_STR(out.reject.sha256, "");
    CHECK_STR(out.reject.reason, "envelope has no version");
    arena_free(&a);
}

TEST(heartbeat_round_trip)
{
    wire_report in = {.type = WIRE_REPORT_HEARTBEAT,
                      .heartbeat = {"s", "127.0.0.1:9001", UINT64_MAX, "0.0.0.0:4001"}};
    arena a;
    arena_init(&a, 0);
    wire_report out;
    round_trip(&in, &a, &out);
    CHECK_INT(out.type, WIRE_REPORT_HEARTBEAT);
    CHECK(out.heartbeat.version == UINT64_MAX);
    CHECK_STR(out.heartbeat.admin, "127.0.0.1:9001");
    CHECK_STR(out.heartbeat.listen, "0.0.0.0:4001");
    arena_free(&a);
}

TEST(usage_round_trip_with_nil_operation_name)
{
    wire_usage_op ops[2] = {{"query Top { topProducts { name } }", "Top", 120},
                            {"{ me { id } }", NULL, 3}};
    wire_report in = {.type = WIRE_REPORT_USAGE, .usage = {"s", ops, 2}};
    arena a;
    arena_init(&a, 0);
    wire_report out;
    round_trip(&in, &a, &out);
    CHECK_INT(out.type, WIRE_REPORT_USAGE);
    CHECK_STR(out.usage.sidecar, "s");
    CHECK_INT(out.usage.nops, 2);
    if (out.usage.nops == 2) {
        CHECK_STR(out.usage.ops[0].query, "query Top { topProducts { name } }");
        CHECK_STR(out.usage.ops[0].operation_name, "Top");
        CHECK_INT(out.usage.ops[0].count, 120);
        CHECK(out.usage.ops[1].operation_name == NULL);
        CHECK_INT(out.usage.ops[1].count, 3);
    }
    in.usage.nops = 0;
    round_trip(&in, &a, &out);
    CHECK_INT(out.usage.nops, 0);
    arena_free(&a);
}

TEST(null_strings_are_written_empty)
{
    wire_report in = {.type = WIRE_REPORT_HEARTBEAT, .heartbeat = {"s", NULL, 0, NULL}};
    arena a;
    arena_init(&a, 0);
    wire_report out;
    round_trip(&in, &a, &out);
    CHECK_STR(out.heartbeat.admin, "");
    CHECK_STR(out.heartbeat.listen, "");
    arena_free(&a);
}

TEST(type_names)
{
    CHECK_STR(wire_report_type_name(WIRE_REPORT_ACK), "ack");
    CHECK_STR(wire_report_type_name(WIRE_REPORT_REJECT), "reject");
    CHECK_STR(wire_report_type_name(WIRE_REPORT_HEARTBEAT), "heartbeat");
    CHECK_STR(wire_report_type_name(WIRE_REPORT_USAGE), "usage");
}

/* ---- keys: order, unknown, missing, duplicated ---- */

TEST(keys_in_any_order_and_unknown_keys_ignored)
{
    wire_reason why = {{0}};
    CHECK(REASON(&why, "listen=a:1", "extra=1", "version=0", "admin=b:2", "sidecar=s",
                 "type=heartbeat") == NULL);
    /* a key another frame type uses is unknown here, whatever its type */
    CHECK(REASON(&why, "type=heartbeat", "sidecar=s", "admin=b", "version=3", "listen=l",
                 "reason=-5", "sha256=nil", "at_ms=x") == NULL);
}

TEST(every_missing_key_is_named)
{
    wire_reason why = {{0}};
    CHECK_STR(REASON(&why, "type=ack", "admin=a", "version=1", SHA, "at_ms=1"),
              "ack frame has no sidecar");
    CHECK_STR(REASON(&why, "type=ack", "sidecar=s", "version=1", SHA, "at_ms=1"),
              "ack frame has no admin");
    CHECK_STR(REASON(&why, "type=ack", "sidecar=s", "admin=a", SHA, "at_ms=1"),
              "ack frame has no version");
    CHECK_STR(REASON(&why, "type=ack", "sidecar=s", "admin=a", "version=1", "at_ms=1"),
              "ack frame has no sha256");
    CHECK_STR(REASON(&why, "type=ack", "sidecar=s", "admin=a", "version=1", SHA),
              "ack frame has no at_ms");
    CHECK_STR(REASON(&why, "type=reject", "sidecar=s", "admin=a", "version=1", "sha256=x"),
              "reject frame has no reason");
    CHECK_STR(REASON(&why, "type=reject", "admin=a", "version=1", "sha256=x", "reason=r"),
              "reject frame has no sidecar");
    CHECK_STR(REASON(&why, "type=reject", "sidecar=s", "version=1", "sha256=x", "reason=r"),
              "reject frame has no admin");
    CHECK_STR(REASON(&why, "type=reject", "sidecar=s", "admin=a", "sha256=x", "reason=r"),
              "reject frame has no version");
    CHECK_STR(REASON(&why, "type=reject", "sidecar=s", "admin=a", "version=1", "reason=r"),
              "reject frame has no sha256");
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "admin=a", "version=1"),
              "heartbeat frame has no listen");
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "admin=a", "listen=l"),
              "heartbeat frame has no version");
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "version=1", "listen=l"),
              "heartbeat frame has no admin");
    CHECK_STR(REASON(&why, "type=heartbeat", "admin=a", "version=1", "listen=l"),
              "heartbeat frame has no sidecar");
    CHECK_STR(REASON(&why, "type=usage", "sidecar=s"), "usage frame has no ops");
    CHECK_STR(REASON(&why, "sidecar=s", "admin=a"), "report frame has no type");
}

TEST(duplicate_key_is_rejected)
{
    wire_reason why = {{0}};
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "admin=a", "version=1", "listen=l",
                     "sidecar=t"),
              "sidecar appears twice");
}

/* ---- types ---- */

TEST(wrong_types_are_rejected)
{
    wire_reason why = {{0}};
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "admin=a", "version=one", "listen=l"),
              "version is not an unsigned integer");
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "admin=a", "version=-1", "listen=l"),
              "version is not an unsigned integer");
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=7", "admin=a", "version=1", "listen=l"),
              "sidecar is not a string");
    CHECK_STR(REASON(&why, "type=heartbeat", "sidecar=s", "admin=nil", "version=1", "listen=l"),
              "admin is not a string");
    CHECK_STR(
        REASON(&why, "type=ack", "sidecar=s", "admin=a", "version=1", "sha256=abc", "at_ms=1"),
        "sha256 is not 64 lowercase hex digits");
    CHECK_STR(REASON(&why, "type=ack", "sidecar=s", "admin=a", "version=0", SHA, "at_ms=1"),
              "version is 0");
    CHECK_STR(REASON(&why, "type=ack", "sidecar=s", "admin=a", "version=1", SHA, "at_ms=nil"),
              "at_ms is not an unsigned integer");
    CHECK(REASON(&why, "type=ack", "sidecar=s", "admin=a", "version=1", SHA, "at_ms=0") == NULL);
    CHECK_STR(REASON(&why, "type=usage", "sidecar=s", "ops=x"), "ops is not an array");
    CHECK_STR(REASON(&why, "type=7"), "report frame type is not a string");
    CHECK_STR(REASON(&why, "type=nack"), "unknown report frame type \"nack\"");
}

TEST(unsigned_values_in_every_integer_form)
{
    /* version as uint8, uint16, uint32, uint64, int8..int64 (non-negative) */
    static const uint8_t forms[][10] = {
        {0xcc, 200}, {0xcd, 1, 0}, {0xce, 0, 1, 0, 0}, {0xcf, 0, 0, 0, 1, 0, 0, 0, 0},
        {0xd0, 100}, {0xd1, 1, 0}, {0xd2, 0, 1, 0, 0}, {0xd3, 0, 0, 0, 1, 0, 0, 0, 0}};
    static const unsigned sizes[] = {2, 3, 5, 9, 2, 3, 5, 9};
    static const uint64_t want[] = {200, 256, 65536, 4294967296ULL, 100, 256, 65536, 4294967296ULL};
    for (unsigned i = 0; i < 8; i++) {
        sbuf buf;
        sbuf_init(&buf);
        msgpack_packer pk;
        pk_init(&pk, &buf);
        msgpack_pack_map(&pk, 5);
        pk_str(&pk, "type"), pk_str(&pk, "heartbeat");
        pk_str(&pk, "sidecar"), pk_str(&pk, "s");
        pk_str(&pk, "admin"), pk_str(&pk, "a");
        pk_str(&pk, "listen"), pk_str(&pk, "l");
        pk_str(&pk, "version");
        sbuf_append(&buf, (const char *)forms[i], sizes[i]);
        arena a;
        arena_init(&a, 0);
        wire_report out;
        wire_reason why = {{0}};
        CHECK(decode(&a, &buf, &out, &why) == NULL);
        CHECK(out.heartbeat.version == want[i]);
        arena_free(&a);
        sbuf_free(&buf);
    }
}

/* The fixed prefix of a usage frame, up to the ops array. */
static void usage_prefix(sbuf *buf, msgpack_packer *pk)
{
    pk_init(pk, buf);
    msgpack_pack_map(pk, 3);
    pk_str(pk, "type"), pk_str(pk, "usage");
    pk_str(pk, "sidecar"), pk_str(pk, "s");
    pk_str(pk, "ops");
}

static const char *usage_reason(const char *ops_bytes, size_t len, wire_reason *why)
{
    sbuf buf;
    sbuf_init(&buf);
    msgpack_packer pk;
    usage_prefix(&buf, &pk);
    sbuf_append(&buf, ops_bytes, len);
    arena a;
    arena_init(&a, 0);
    wire_report out;
    const char *result = decode(&a, &buf, &out, why);
    arena_free(&a);
    sbuf_free(&buf);
    return result;
}

TEST(malformed_ops_are_rejected)
{
    wire_reason why = {{0}};
    /* [[ "q", nil ]]: two members */
    CHECK_STR(usage_reason("\x91\x92\xa1q\xc0", 5, &why),
              "ops[0] is not [query, operation name or nil, count]");
    /* [[ "q", 5, 1 ]]: operation name a number */
    CHECK_STR(usage_reason("\x91\x93\xa1q\x05\x01", 6, &why),
              "ops[0] is not [query, operation name or nil, count]");
    /* [[ "q", nil, -1 ]] */
    CHECK_STR(usage_reason("\x91\x93\xa1q\xc0\xff", 6, &why),
              "ops[0] is not [query, operation name or nil, count]");
    /* [[ nil, nil, 1 ]] */
    CHECK_STR(usage_reason("\x91\x93\xc0\xc0\x01", 5, &why),
              "ops[0] is not [query, operation name or nil, count]");
    /* [["q", nil, 1], "xy"] */
    CHECK_STR(usage_reason("\x92\x93\xa1q\xc0\x01\xa2xy", 9, &why),
              "ops[1] is not [query, operation name or nil, count]");
    CHECK(usage_reason("\x91\x93\xa1q\xc0\x01", 6, &why) == NULL);
}

/* ---- lies, cuts, limits ---- */

TEST(lying_lengths_are_rejected)
{
    wire_reason why = {{0}};
    /* ops array32 claiming 4 billion entries */
    CHECK_STR(usage_reason("\xdd\xff\xff\xff\xff", 5, &why),
              "ops says 4294967295 entries, more than the frame holds");
    /* a str32 query claiming 4 GB */
    CHECK_STR(usage_reason("\x91\x93\xdb\xff\xff\xff\xff", 7, &why),
              "ops[0] is not [query, operation name or nil, count]");
    /* an unknown key whose value is a map32 of 4 billion pairs */
    sbuf buf;
    sbuf_init(&buf);
    msgpack_packer pk;
    pk_init(&pk, &buf);
    msgpack_pack_map(&pk, 2);
    pk_str(&pk, "type"), pk_str(&pk, "usage");
    pk_str(&pk, "junk");
    sbuf_append(&buf, "\xdf\xff\xff\xff\xff\x01\x02", 7);
    arena a;
    arena_init(&a, 0);
    wire_report out;
    CHECK_STR(decode(&a, &buf, &out, &why), "report frame is cut short or malformed");
    /* the top map claiming more pairs than there are */
    sbuf_reset(&buf);
    pk_init(&pk, &buf);
    msgpack_pack_map(&pk, 9);
    pk_str(&pk, "type"), pk_str(&pk, "usage");
    CHECK_STR(decode(&a, &buf, &out, &why),
              "report frame has a key that is not a string or is cut short");
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(every_truncation_is_rejected)
{
    wire_usage_op ops[1] = {{"{ a }", "A", 1}};
    wire_report in = {.type = WIRE_REPORT_USAGE, .usage = {"s", ops, 1}};
    sbuf buf;
    sbuf_init(&buf);
    wire_report_encode(&in, &buf);
    arena a;
    arena_init(&a, 0);
    int accepted = 0;
    for (size_t len = 0; len < buf.len; len++) {
        uint8_t *bytes = malloc(len ? len : 1);
        memcpy(bytes, buf.data, len);
        wire_report out;
        wire_reason why = {{0}};
        if (wire_report_decode(&a, bytes, len, &out, &why)) accepted++;
        free(bytes);
    }
    CHECK_INT(accepted, 0);
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(trailing_bytes_and_non_maps_are_rejected)
{
    wire_report in = {.type = WIRE_REPORT_HEARTBEAT, .heartbeat = {"s", "a", 1, "l"}};
    sbuf buf;
    sbuf_init(&buf);
    wire_report_encode(&in, &buf);
    sbuf_putc(&buf, '\x01');
    arena a;
    arena_init(&a, 0);
    wire_report out;
    wire_reason why = {{0}};
    CHECK_STR(decode(&a, &buf, &out, &why), "report frame has bytes after its map");
    sbuf_reset(&buf);
    sbuf_append(&buf, "\x93\x01\x02\x03", 4);
    CHECK_STR(decode(&a, &buf, &out, &why), "report frame is not a map");
    sbuf_reset(&buf);
    CHECK_STR(decode(&a, &buf, &out, &why), "report frame is not a map");
    /* a key that is not a string */
    sbuf_append(&buf, "\x81\x01\x02", 3);
    CHECK_STR(decode(&a, &buf, &out, &why),
              "report frame has a key that is not a string or is cut short");
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(nul_byte_in_a_string_is_rejected)
{
    sbuf buf;
    sbuf_init(&buf);
    msgpack_packer pk;
    pk_init(&pk, &buf);
    msgpack_pack_map(&pk, 5);
    pk_str(&pk, "type"), pk_str(&pk, "heartbeat");
    pk_str(&pk, "sidecar");
    msgpack_pack_str(&pk, 3);
    msgpack_pack_str_body(&pk, "a\0b", 3);
    pk_str(&pk, "admin"), pk_str(&pk, "a");
    pk_str(&pk, "version"), msgpack_pack_uint64(&pk, 1);
    pk_str(&pk, "listen"), pk_str(&pk, "l");
    arena a;
    arena_init(&a, 0);
    wire_report out;
    wire_reason why = {{0}};
    CHECK_STR(decode(&a, &buf, &out, &why), "sidecar is not a string");
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(oversized_frame_is_refused_before_decoding)
{
    static const uint8_t one = 0x80;
    arena a;
    arena_init(&a, 0);
    wire_report out;
    wire_reason why = {{0}};
    CHECK(!wire_report_decode(&a, &one, WIRE_MAX_REPORT_BYTES + 1, &out, &why));
    CHECK_STR(why.text, "report frame is 1048577 bytes, more than the limit of 1048576");
    arena_free(&a);
}

TEST(unknown_values_of_every_type_are_skipped)
{
    sbuf buf;
    sbuf_init(&buf);
    msgpack_packer pk;
    pk_init(&pk, &buf);
    msgpack_pack_map(&pk, 13);
    pk_str(&pk, "f32"), msgpack_pack_float(&pk, 1.5f);
    pk_str(&pk, "f64"), msgpack_pack_double(&pk, 2.5);
    pk_str(&pk, "t"), msgpack_pack_true(&pk);
    pk_str(&pk, "bin"), msgpack_pack_bin(&pk, 3), msgpack_pack_bin_body(&pk, "xyz", 3);
    pk_str(&pk, "ext"), msgpack_pack_ext(&pk, 20, 7),
        msgpack_pack_ext_body(&pk, "0123456789abcdefghij", 20);
    pk_str(&pk, "fixext"), msgpack_pack_ext(&pk, 4, 1), msgpack_pack_ext_body(&pk, "abcd", 4);
    pk_str(&pk, "neg"), msgpack_pack_int64(&pk, -100000);
    pk_str(&pk, "nest");
    msgpack_pack_array(&pk, 2), msgpack_pack_map(&pk, 1), pk_str(&pk, "k");
    msgpack_pack_array(&pk, 1), msgpack_pack_nil(&pk), pk_str(&pk, "v");
    pk_str(&pk, "type"), pk_str(&pk, "heartbeat");
    pk_str(&pk, "sidecar"), pk_str(&pk, "s");
    pk_str(&pk, "admin"), pk_str(&pk, "a");
    pk_str(&pk, "version"), msgpack_pack_uint64(&pk, 2);
    pk_str(&pk, "listen"), pk_str(&pk, "l");
    arena a;
    arena_init(&a, 0);
    wire_report out;
    wire_reason why = {{0}};
    CHECK(decode(&a, &buf, &out, &why) == NULL);
    CHECK_INT(out.heartbeat.version, 2);
    /* 0xc1 is never used by msgpack */
    sbuf_reset(&buf);
    pk_init(&pk, &buf);
    msgpack_pack_map(&pk, 2);
    pk_str(&pk, "junk");
    sbuf_putc(&buf, '\xc1');
    pk_str(&pk, "type"), pk_str(&pk, "heartbeat");
    CHECK_STR(decode(&a, &buf, &out, &why), "report frame is cut short or malformed");
    arena_free(&a);
    sbuf_free(&buf);
}

TEST(deep_nesting_is_skipped_without_recursion)
{
    enum { DEPTH = 200000 };
    sbuf buf;
    sbuf_init(&buf);
    msgpack_packer pk;
    pk_init(&pk, &buf);
    msgpack_pack_map(&pk, 5);
    pk_str(&pk, "junk");
    for (int i = 0; i < DEPTH; i++)
        msgpack_pack_array(&pk, 1);
    msgpack_pack_nil(&pk);
    pk_str(&pk, "type"), pk_str(&pk, "usage");
    pk_str(&pk, "sidecar"), pk_str(&pk, "s");
    pk_str(&pk, "ops"), msgpack_pack_array(&pk, 0);
    pk_str(&pk, "more"), msgpack_pack_nil(&pk);
    arena a;
    arena_init(&a, 0);
    wire_report out;
    wire_reason why = {{0}};
    CHECK(decode(&a, &buf, &out, &why) == NULL);
    CHECK_INT(out.type, WIRE_REPORT_USAGE);
    arena_free(&a);
    sbuf_free(&buf);
}

TEST_MAIN(RUN(ack_round_trip); RUN(reject_round_trip); RUN(heartbeat_round_trip);
          RUN(usage_round_trip_with_nil_operation_name); RUN(null_strings_are_written_empty);
          RUN(type_names); RUN(keys_in_any_order_and_unknown_keys_ignored);
          RUN(every_missing_key_is_named); RUN(duplicate_key_is_rejected);
          RUN(wrong_types_are_rejected); RUN(unsigned_values_in_every_integer_form);
          RUN(malformed_ops_are_rejected); RUN(lying_lengths_are_rejected);
          RUN(every_truncation_is_rejected); RUN(trailing_bytes_and_non_maps_are_rejected);
          RUN(nul_byte_in_a_string_is_rejected); RUN(oversized_frame_is_refused_before_decoding);
          RUN(unknown_values_of_every_type_are_skipped);
          RUN(deep_nesting_is_skipped_without_recursion))
