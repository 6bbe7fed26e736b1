/* pairmap_test.c: the pointer-pair map. */
#include "ftest.h"
#include "pairmap.h"

TEST(empty_map_has_nothing)
{
    arena a;
    arena_init(&a, 0);
    pairmap m;
    pairmap_init(&m, &a);
    int x;
    CHECK_INT(pairmap_get(&m, &x, &x), 0);
    CHECK_INT(pairmap_get(&m, &x, NULL), 0);
    arena_free(&a);
}

TEST(pairs_are_ordered_and_values_replaced)
{
    arena a;
    arena_init(&a, 0);
    pairmap m;
    pairmap_init(&m, &a);
    int x, y;
    pairmap_put(&m, &x, &y, 1);
    CHECK_INT(pairmap_get(&m, &x, &y), 1);
    CHECK_INT(pairmap_get(&m, &y, &x), 0);
    pairmap_put(&m, &x, &y, 2);
    CHECK_INT(pairmap_get(&m, &x, &y), 2);
    CHECK_INT(m.count, 1);
    pairmap_put(&m, &x, NULL, 3); /* a NULL second pointer is a key like any other */
    CHECK_INT(pairmap_get(&m, &x, NULL), 3);
    CHECK_INT(pairmap_get(&m, &x, &y), 2);
    arena_free(&a);
}

TEST(grows_and_keeps_every_entry)
{
    arena a;
    arena_init(&a, 0);
    pairmap m;
    pairmap_init(&m, &a);
    static char keys[5000];
    for (int i = 0; i < 5000; i++)
        pairmap_put(&m, &keys[i], &keys[4999 - i], (uintptr_t)i + 1);
    int ok = 1;
    for (int i = 0; i < 5000; i++)
        ok &= pairmap_get(&m, &keys[i], &keys[4999 - i]) == (uintptr_t)i + 1;
    CHECK(ok);
    CHECK_INT(m.count, 5000);
    CHECK(m.cap >= 10000);
    arena_free(&a);
}

TEST_MAIN(RUN(empty_map_has_nothing); RUN(pairs_are_ordered_and_values_replaced);
          RUN(grows_and_keeps_every_entry);)
