/* suggest_test.c: suggestion ranking and wording, checked against what
 * graphql-js 16 suggests for the same inputs. */
#include "ftest.h"
#include "suggest.h"

/* Ranks options for input and renders them as the hint text. */
static char *ranked(arena *a, const char *input, const char *const *options, uint32_t n)
{
    const char **names;
    uint32_t count = suggest_list(a, input, options, n, &names);
    sbuf b;
    sbuf_init(&b);
    suggest_did_you_mean(&b, "the enum value", names, count);
    char *copy = arena_strdup(a, b.data ? b.data : "");
    sbuf_free(&b);
    return copy;
}

TEST(case_change_counts_as_one_edit)
{
    arena a;
    arena_init(&a, 0);
    const char *opts[] = {"RED", "GREEN"};
    CHECK_STR(ranked(&a, "red", opts, 2), " Did you mean the enum value \"RED\"?");
    CHECK_STR(ranked(&a, "\"RED\"", opts, 2), " Did you mean the enum value \"RED\" or \"GREEN\"?");
    arena_free(&a);
}

TEST(ties_sort_naturally_and_five_at_most)
{
    arena a;
    arena_init(&a, 0);
    const char *opts[] = {"item10", "item2", "item1", "itme", "tem"};
    CHECK_STR(ranked(&a, "item", opts, 5), " Did you mean the enum value \"item1\", \"item2\", "
                                           "\"itme\", \"tem\", or \"item10\"?");
    const char *names[] = {"nam", "names", "nme", "nmae", "NAME", "naem", "xname"};
    CHECK_STR(ranked(&a, "name", names, 7), " Did you mean the enum value \"NAME\", \"naem\", "
                                            "\"nam\", \"names\", or \"nmae\"?");
    arena_free(&a);
}

TEST(swaps_and_threshold)
{
    arena a;
    arena_init(&a, 0);
    const char *opts[] = {"abc", "xyzuvw", "bacdfe"};
    CHECK_STR(ranked(&a, "abcdef", opts, 3), " Did you mean the enum value \"bacdfe\" or \"abc\"?");
    const char *short_opts[] = {"foo", "f", "bar", "Fo", "of"};
    CHECK_STR(ranked(&a, "fo", short_opts, 5),
              " Did you mean the enum value \"Fo\", \"f\", \"foo\", or \"of\"?");
    const char *one[] = {"a"};
    CHECK_STR(ranked(&a, "", one, 1), " Did you mean the enum value \"a\"?");
    arena_free(&a);
}

TEST(nothing_close_adds_nothing)
{
    arena a;
    arena_init(&a, 0);
    const char *opts[] = {"completely", "different"};
    CHECK_STR(ranked(&a, "xy", opts, 2), "");
    CHECK_STR(ranked(&a, "xy", NULL, 0), "");
    sbuf b;
    sbuf_init(&b);
    const char *two[] = {"a", "b"};
    suggest_did_you_mean(&b, NULL, two, 2);
    CHECK_STR(b.data, " Did you mean \"a\" or \"b\"?");
    sbuf_free(&b);
    arena_free(&a);
}

TEST_MAIN(RUN(case_change_counts_as_one_edit); RUN(ties_sort_naturally_and_five_at_most);
          RUN(swaps_and_threshold); RUN(nothing_close_adds_nothing);)
