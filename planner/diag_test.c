/* diag_test.c: error lists. */
#include "diag.h"
#include "ftest.h"

TEST(messages_and_locations)
{
    arena a;
    arena_init(&a, 0);
    diag_list d;
    diag_init(&d, &a);
    diag *e = diag_add(&d, (src_loc){3, 7}, "Unknown type \"%s\".", "Foo");
    diag_loc(e, (src_loc){9, 1});
    diag_add(&d, (src_loc){0, 0}, "second");
    CHECK_INT(d.count, 2);
    CHECK_STR(d.first->message, "Unknown type \"Foo\".");
    CHECK_INT(d.first->nlocs, 2);
    CHECK_INT(d.first->locs[1].line, 9);
    CHECK_INT(d.last->nlocs, 0);
    arena_free(&a);
}

TEST(limit_stops_recording_but_counts)
{
    arena a;
    arena_init(&a, 0);
    diag_list d;
    diag_init(&d, &a);
    d.limit = 2;
    diag_add(&d, (src_loc){1, 1}, "a");
    CHECK(!diag_full(&d));
    diag_add(&d, (src_loc){1, 1}, "b");
    CHECK(diag_full(&d));
    CHECK(diag_add(&d, (src_loc){1, 1}, "c") == NULL);
    CHECK_INT(d.count, 3);
    CHECK_STR(d.last->message, "b");
    arena_free(&a);
}

TEST(source_names_the_subgraph)
{
    arena a;
    arena_init(&a, 0);
    diag_list d;
    diag_init(&d, &a);
    diag *e = diag_add(&d, (src_loc){2, 3}, "x");
    CHECK(e->source == NULL);
    diag_source(e, "accounts");
    CHECK_STR(e->source, "accounts");
    diag_source(NULL, "ignored"); /* an entry past the limit */
    arena_free(&a);
}

TEST_MAIN(RUN(messages_and_locations); RUN(limit_stops_recording_but_counts);
          RUN(source_names_the_subgraph);)
