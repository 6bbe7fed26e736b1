/* strmap_test.c: the arena hash map. */
#include "strmap.h"
#include "ftest.h"

TEST(put_get_replace)
{
    arena a;
    arena_init(&a, 0);
    strmap m;
    strmap_init(&m, &a, 2);
    int one = 1, two = 2;
    CHECK(strmap_put(&m, "alpha", &one) == NULL);
    CHECK(strmap_get(&m, "alpha") == &one);
    CHECK(strmap_put(&m, "alpha", &two) == &one);
    CHECK(strmap_get(&m, "alpha") == &two);
    CHECK(strmap_get(&m, "alph") == NULL);
    CHECK(strmap_getn(&m, "alphabet", 5) == &two);
    CHECK_INT(m.count, 1);
    arena_free(&a);
}

TEST(grows_and_keeps_everything)
{
    arena a;
    arena_init(&a, 0);
    strmap m;
    strmap_init(&m, &a, 1);
    static int vals[5000];
    for (int i = 0; i < 5000; i++)
        strmap_put(&m, arena_sprintf(&a, "key%d", i), &vals[i]);
    int ok = 1;
    for (int i = 0; i < 5000; i++) {
        char k[32];
        snprintf(k, sizeof k, "key%d", i);
        ok &= strmap_get(&m, k) == &vals[i];
    }
    CHECK(ok);
    CHECK_INT(m.count, 5000);
    arena_free(&a);
}

TEST_MAIN(RUN(put_get_replace); RUN(grows_and_keeps_everything);)
