/* usage_test.c: operation counts: counting, operation names kept apart,
 * merging, the top list's order, the bound on distinct operations, and the
 * mailbox between a worker and the control-plane thread. */
#include "usage.h"

#include <pthread.h>
#include <stdio.h>

#include "ftest.h"

static void count(usage_map *m, uint64_t hash, const char *q, const char *op, uint64_t n)
{
    usage_count(m, hash, q, strlen(q), op, n);
}

TEST(counts_by_query_and_operation_name)
{
    usage_map *m = usage_new();
    count(m, 1, "{ a }", NULL, 1);
    count(m, 1, "{ a }", NULL, 2);
    count(m, 2, "query A { a } query B { b }", "A", 1);
    count(m, 3, "query A { a } query B { b }", "B", 5);
    count(m, 1, "{ b }", NULL, 1); /* same hash, other text: its own entry */
    CHECK_INT(usage_size(m), 4);
    usage_op top[8];
    size_t n = usage_top(m, top, 8);
    CHECK_INT(n, 4);
    CHECK_INT(top[0].count, 5);
    CHECK_STR(top[0].operation_name, "B");
    CHECK_INT(top[1].count, 3);
    CHECK_STR(top[1].query, "{ a }");
    CHECK(top[1].operation_name == NULL);
    CHECK_INT(top[2].count, 1); /* ties: by hash */
    CHECK_INT(top[2].hash, 1);
    CHECK_STR(top[2].query, "{ b }");
    CHECK_INT(top[3].hash, 2);
    CHECK_INT(usage_top(m, top, 2), 2);
    usage_free(m);
    usage_free(NULL);
}

TEST(merge_adds)
{
    usage_map *a = usage_new(), *b = usage_new();
    count(a, 7, "{ x }", NULL, 2);
    count(b, 7, "{ x }", NULL, 3);
    count(b, 8, "{ y }", "Y", 1);
    usage_merge(a, b);
    usage_free(b); /* a keeps its own copies of the strings */
    usage_op top[4];
    CHECK_INT(usage_top(a, top, 4), 2);
    CHECK_INT(top[0].count, 5);
    CHECK_STR(top[1].query, "{ y }");
    CHECK_STR(top[1].operation_name, "Y");
    usage_free(a);
}

TEST(distinct_operations_are_bounded)
{
    usage_map *m = usage_new();
    char q[32];
    for (uint64_t i = 0; i < USAGE_MAX_OPS + 50; i++) {
        snprintf(q, sizeof q, "{ f%llu }", (unsigned long long)i);
        count(m, i * 2654435761u, q, NULL, 1);
    }
    CHECK_INT(usage_size(m), USAGE_MAX_OPS);
    count(m, 0, "{ f0 }", NULL, 9); /* known ones still count */
    usage_op top[1];
    CHECK_INT(usage_top(m, top, 1), 1);
    CHECK_STR(top[0].query, "{ f0 }");
    CHECK_INT(top[0].count, 10);
    usage_free(m);
}

TEST(empty_map_has_no_top)
{
    usage_map *m = usage_new();
    usage_op top[1];
    CHECK_INT(usage_top(m, top, 1), 0);
    count(m, 1, "{ a }", NULL, 0); /* a zero count adds nothing */
    CHECK_INT(usage_size(m), 0);
    usage_free(m);
}

TEST(box_hands_over_one_map_at_a_time)
{
    usage_box box = {NULL};
    usage_map *a = usage_new(), *b = usage_new();
    CHECK(!usage_box_take(&box));
    CHECK(usage_box_put(&box, a));
    CHECK(!usage_box_put(&box, b)); /* not taken yet: the worker keeps b */
    CHECK(usage_box_take(&box) == a);
    CHECK(!usage_box_take(&box));
    CHECK(usage_box_put(&box, b));
    CHECK(usage_box_take(&box) == b);
    usage_free(a);
    usage_free(b);
}

typedef struct producer {
    usage_box *box;
    int rounds;
} producer;

static void *produce(void *arg)
{
    producer *p = arg;
    usage_map *live = usage_new();
    for (int i = 0; i < p->rounds; i++) {
        count(live, 42, "{ hot }", NULL, 1);
        if (usage_box_put(p->box, live)) live = usage_new();
    }
    while (!usage_box_put(p->box, live))
        continue; /* the rest, once the box is free */
    return NULL;
}

/* A worker putting and the control-plane thread taking at the same time:
 * nothing counted is lost or counted twice. */
TEST(box_between_threads_loses_nothing)
{
    usage_box box = {NULL};
    producer p = {.box = &box, .rounds = 100000};
    pthread_t t;
    pthread_create(&t, NULL, produce, &p);
    usage_map *total = usage_new();
    uint64_t seen = 0;
    while (seen < 100000) {
        usage_map *m = usage_box_take(&box);
        if (!m) continue;
        usage_merge(total, m);
        usage_free(m);
        usage_op top[1];
        seen = usage_top(total, top, 1) ? top[0].count : 0;
    }
    pthread_join(t, NULL);
    usage_map *rest = usage_box_take(&box);
    CHECK(!rest || usage_size(rest) == 0);
    usage_free(rest);
    CHECK_INT(seen, 100000);
    usage_free(total);
}

TEST_MAIN(RUN(counts_by_query_and_operation_name); RUN(merge_adds);
          RUN(distinct_operations_are_bounded); RUN(empty_map_has_no_top);
          RUN(box_hands_over_one_map_at_a_time); RUN(box_between_threads_loses_nothing);)
