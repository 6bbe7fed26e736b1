/* arena_test.c: the bump allocator. */
#include "arena.h"
#include "ftest.h"

#include <stdint.h>

TEST(alloc_is_aligned_and_writable)
{
    arena a;
    arena_init(&a, 64);
    for (int i = 1; i < 200; i++) {
        unsigned char *p = arena_alloc(&a, (size_t)i);
        CHECK(((uintptr_t)p & 15) == 0);
        memset(p, 0xab, (size_t)i);
    }
    arena_free(&a);
}

TEST(large_allocation_gets_its_own_chunk)
{
    arena a;
    arena_init(&a, 64);
    char *big = arena_alloc(&a, 100000);
    memset(big, 1, 100000);
    CHECK(a.total >= 100000);
    arena_free(&a);
    CHECK_INT(a.total, 0);
}

TEST(strings_and_printf)
{
    arena a;
    arena_init(&a, 0);
    CHECK_STR(arena_strndup(&a, "hello world", 5), "hello");
    CHECK_STR(arena_sprintf(&a, "%s-%d", "x", 42), "x-42");
    char *z = arena_zalloc(&a, 32);
    int zero = 1;
    for (int i = 0; i < 32; i++)
        zero &= z[i] == 0;
    CHECK(zero);
    arena_free(&a);
}

TEST(reset_keeps_one_chunk)
{
    arena a;
    arena_init(&a, 64);
    for (int i = 0; i < 100; i++)
        arena_alloc(&a, 50);
    size_t before = a.total;
    arena_reset(&a);
    CHECK(a.head != NULL);
    CHECK(a.total < before);
    CHECK(arena_alloc(&a, 8) != NULL);
    arena_free(&a);
}

TEST_MAIN(RUN(alloc_is_aligned_and_writable); RUN(large_allocation_gets_its_own_chunk);
          RUN(strings_and_printf); RUN(reset_keeps_one_chunk);)
