/* registry_test.c: sidecar records from acks, rejections and heartbeats,
 * their JSON for /v1/sidecars, and the bound on their number. */
#include <stdio.h>

#include "ftest.h"
#include "registry.h"

static const char *json_of(const registry *r)
{
    static char buf[4096];
    sbuf b;
    sbuf_init(&b);
    reg_write_json(r, &b);
    snprintf(buf, sizeof buf, "%s", b.data);
    sbuf_free(&b);
    return buf;
}

TEST(empty)
{
    registry r;
    reg_init(&r);
    CHECK_STR(json_of(&r), "[]");
    reg_free(&r);
}

TEST(heartbeat_ack_reject)
{
    registry r;
    reg_init(&r);
    reg_heartbeat(&r, "b:4002", "127.0.0.1:5002", 0, "127.0.0.1:4002", 1000);
    reg_ack(&r, "a:4001", "127.0.0.1:5001", 3, "abc", 990, 1001);
    CHECK_STR(json_of(&r),
              "[{\"id\":\"a:4001\",\"admin\":\"127.0.0.1:5001\",\"listen\":\"\",\"version\":3,"
              "\"sha256\":\"abc\",\"swapped_at_ms\":990,\"last_heard_ms\":1001,\"rejected\":null},"
              "{\"id\":\"b:4002\",\"admin\":\"127.0.0.1:5002\",\"listen\":\"127.0.0.1:4002\","
              "\"version\":0,\"sha256\":\"\",\"swapped_at_ms\":0,\"last_heard_ms\":1000,"
              "\"rejected\":null}]");
    reg_reject(&r, "a:4001", "127.0.0.1:5001", 4, "sha256 mismatch \"x\"", 1100);
    const reg_sidecar *a = reg_find(&r, "a:4001");
    CHECK(a != NULL);
    CHECK_INT(a->version, 3); /* still runs 3 */
    CHECK_INT(a->rejected_version, 4);
    CHECK_STR(a->rejected_reason, "sha256 mismatch \"x\"");
    CHECK_INT(a->last_heard_ms, 1100);
    reg_heartbeat(&r, "a:4001", "127.0.0.1:5001", 3, "127.0.0.1:4001", 1200);
    CHECK_STR(a->sha256, "abc"); /* same version: hash kept */
    CHECK_STR(a->listen, "127.0.0.1:4001");
    reg_ack(&r, "a:4001", "127.0.0.1:5001", 4, "def", 1250, 1300); /* a retry succeeded */
    CHECK(a->rejected_reason == NULL);
    CHECK_INT(a->rejected_version, 0);
    reg_reject(&r, "a:4001", "127.0.0.1:5001", 6, "bad plan", 1400);
    reg_ack(&r, "a:4001", "127.0.0.1:5001", 5, "ghi", 1450, 1500); /* older than the rejection */
    CHECK_STR(a->rejected_reason, "bad plan");
    reg_heartbeat(&r, "a:4001", "127.0.0.1:5001", 7, "127.0.0.1:4001", 1600); /* missed its ack */
    CHECK_INT(a->version, 7);
    CHECK_STR(a->sha256, "");
    reg_seen(&r, "a:4001", 1700);
    CHECK_INT(a->last_heard_ms, 1700);
    CHECK_INT(r.n, 2);
    reg_free(&r);
}

TEST(json_escapes_what_sidecars_send)
{
    registry r;
    reg_init(&r);
    reg_reject(&r, "q\"\n", "", 1, "a\\b\x01", 5);
    CHECK_STR(json_of(&r), "[{\"id\":\"q\\\"\\n\",\"admin\":\"\",\"listen\":\"\",\"version\":0,"
                           "\"sha256\":\"\",\"swapped_at_ms\":0,\"last_heard_ms\":5,"
                           "\"rejected\":{\"version\":1,\"reason\":\"a\\\\b\\u0001\"}}]");
    reg_free(&r);
}

TEST(bounded)
{
    registry r;
    reg_init(&r);
    char id[32];
    for (uint32_t i = 0; i < REG_MAX_SIDECARS + 10; i++) {
        snprintf(id, sizeof id, "s%u", i);
        reg_seen(&r, id, 1000 + i);
    }
    CHECK_INT(r.n, REG_MAX_SIDECARS);
    CHECK(reg_find(&r, "s0") == NULL); /* heard least recently */
    CHECK(reg_find(&r, "s9") == NULL);
    CHECK(reg_find(&r, "s10") != NULL);
    char long_id[REG_MAX_TEXT * 2];
    memset(long_id, 'x', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    reg_seen(&r, long_id, 99999);
    reg_seen(&r, long_id, 99999);
    CHECK_INT(r.n, REG_MAX_SIDECARS);
    CHECK_INT(strlen(reg_find(&r, long_id)->id), REG_MAX_TEXT);
    reg_free(&r);
}

TEST_MAIN(RUN(empty); RUN(heartbeat_ack_reject); RUN(json_escapes_what_sidecars_send);
          RUN(bounded);)
