/* usage_test.c: usage counts summed across frames, the top-N order, and
 * the bounds. */
#include <stdio.h>

#include "ftest.h"
#include "usage.h"

TEST(sums_and_orders)
{
    usage u;
    usage_init(&u);
    usage_add(&u, "{ a }", 5, NULL, 3);
    usage_add(&u, "query Q { b }", 13, "Q", 5);
    usage_add(&u, "query Q { b }", 13, NULL, 1); /* another key: no operation name */
    usage_add(&u, "{ a }", 5, "", 4);            /* "" and NULL are the same */
    usage_add(&u, "{ c }", 5, NULL, 7);
    usage_add(&u, "{ d }", 5, NULL, 0); /* nothing to count */
    const usage_op *top[8];
    CHECK_INT(usage_top(&u, 8, top), 4);
    CHECK_STR(top[0]->query, "{ a }");
    CHECK_INT(top[0]->count, 7);
    CHECK_STR(top[1]->query, "{ c }"); /* tie at 7: by text */
    CHECK_STR(top[2]->query, "query Q { b }");
    CHECK_STR(top[2]->operation_name, "Q");
    CHECK_INT(top[3]->count, 1);
    CHECK_STR(top[3]->operation_name, "");
    CHECK_INT(usage_top(&u, 2, top), 2);
    CHECK_INT(usage_top(&u, 0, top), 0);
    usage_add(&u, "{ a }", 5, NULL, UINT64_MAX);
    CHECK_INT(usage_top(&u, 1, top), 1);
    CHECK(top[0]->count == UINT64_MAX);
    usage_free(&u);
}

TEST(bounds)
{
    usage u;
    usage_init(&u);
    static char big[USAGE_MAX_QUERY_BYTES + 1];
    memset(big, 'x', sizeof big);
    usage_add(&u, big, sizeof big, NULL, 1);
    usage_add(&u, "a\0b", 3, NULL, 1);
    CHECK_INT(u.n, 0);
    CHECK_INT(u.dropped, 2);
    char q[32];
    for (uint32_t i = 0; i < USAGE_MAX_OPS; i++) {
        snprintf(q, sizeof q, "{ f%u }", i);
        usage_add(&u, q, strlen(q), NULL, 2 + i % 5);
    }
    CHECK_INT(u.n, USAGE_MAX_OPS);
    usage_add(&u, "{ rare }", 8, NULL, 1); /* less used than every kept one: not kept */
    CHECK_INT(u.n, USAGE_MAX_OPS);
    usage_add(&u, "{ hot }", 7, NULL, 100); /* replaces one used twice */
    CHECK_INT(u.n, USAGE_MAX_OPS);
    const usage_op *top[1];
    CHECK_INT(usage_top(&u, 1, top), 1);
    CHECK_STR(top[0]->query, "{ hot }");
    usage_free(&u);
}

TEST_MAIN(RUN(sums_and_orders); RUN(bounds);)
