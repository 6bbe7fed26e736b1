/* fixture_test.c: the edit fixtures of tests/harness/fixture.h (NAME.edit: a
 * base file and hunks), which satisfiability_test.c rebuilds its mutants
 * from: hunks apply in order to whole lines, the base's URLs and last newline
 * are normalised, and a stale or malformed edit is refused, not half applied.
 * The files are written to a temporary directory. */
#include <stdlib.h>
#include <unistd.h>

#include "fixture.h"
#include "ftest.h"

static char dir[] = "/tmp/fixture_test.XXXXXX";

/* Writes text to dir/name; the path, in a. */
static const char *write_file(arena *a, const char *name, const char *text)
{
    const char *path = arena_sprintf(a, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* The edit "base dir/base.graphql" followed by hunks, rebuilt from files. */
static const char *rebuilt(arena *a, const char *base, const char *hunks)
{
    write_file(a, "base.graphql", base);
    const char *edit =
        write_file(a, "x.edit", arena_sprintf(a, "base %s/base.graphql\n%s", dir, hunks));
    return fixture_read_edit(a, edit);
}

static const char base_text[] = "type A\n"
                                "  @join__type(graph: X, key: \"id\")\n"
                                "{ id: ID }\n"
                                "type B\n"
                                "  @join__type(graph: X, key: \"id\")\n"
                                "{ id: ID }\n";

TEST(hunks_apply_in_order_where_their_context_stands)
{
    arena a;
    arena_init(&a, 0);
    CHECK_STR(rebuilt(&a, base_text,
                      "@@\n"
                      " type B\n"
                      "-  @join__type(graph: X, key: \"id\")\n"
                      "+  @join__type(graph: X, key: \"id\", resolvable: false)\n"
                      "@@\n"
                      "-{ id: ID }\n"
                      "+{ id: ID! }\n"
                      "+# added\n"),
              "type A\n"
              "  @join__type(graph: X, key: \"id\")\n"
              "{ id: ID! }\n"
              "# added\n"
              "type B\n"
              "  @join__type(graph: X, key: \"id\", resolvable: false)\n"
              "{ id: ID }\n");
    arena_free(&a);
}

TEST(an_edit_without_hunks_is_its_base_normalised)
{
    arena a;
    arena_init(&a, 0);
    CHECK_STR(rebuilt(&a, base_text, ""), base_text);
    CHECK_STR(rebuilt(&a,
                      "enum join__Graph {\n"
                      "  A @join__graph(name: \"a\", url: \"http://a.example/graphql\")\n"
                      "  B @join__graph(name: \"b\", url: \"http://b.example/graphql/x\")\n}",
                      ""),
              "enum join__Graph {\n"
              "  A @join__graph(name: \"a\", url: \"http://a.invalid/graphql\")\n"
              "  B @join__graph(name: \"b\", url: \"http://b.example/graphql/x\")\n}\n");
    arena_free(&a);
}

TEST(old_lines_match_whole_lines_only)
{
    arena a;
    arena_init(&a, 0);
    /* "{ id: ID }" stands only as the end of "type A { id: ID }"'s line */
    CHECK(rebuilt(&a, "type A { id: ID }\n", "@@\n-{ id: ID }\n+{ id: ID! }\n") == NULL);
    arena_free(&a);
}

TEST(a_stale_or_malformed_edit_is_refused)
{
    arena a;
    arena_init(&a, 0);
    CHECK(rebuilt(&a, base_text, "@@\n type C\n-{ id: ID }\n+{ id: ID! }\n") == NULL);
    CHECK(rebuilt(&a, base_text, "@@\n-{ id: ID }\n+{ id: ID! }\n@@\n*{ id: ID }\n") == NULL);
    const char *no_base = write_file(&a, "y.edit", "base /nonexistent/base.graphql\n");
    CHECK(fixture_read_edit(&a, no_base) == NULL);
    const char *no_header = write_file(&a, "z.edit", "@@\n-{ id: ID }\n+{ id: ID! }\n");
    CHECK(fixture_read_edit(&a, no_header) == NULL);
    CHECK(fixture_read_edit(&a, arena_sprintf(&a, "%s/missing.edit", dir)) == NULL);
    arena_free(&a);
}

static void remove_dir(void)
{
    static const char *const names[] = {"base.graphql", "x.edit", "y.edit", "z.edit"};
    char path[64];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

TEST_MAIN(if (!mkdtemp(dir)) perror(dir); RUN(hunks_apply_in_order_where_their_context_stands);
          RUN(an_edit_without_hunks_is_its_base_normalised); RUN(old_lines_match_whole_lines_only);
          RUN(a_stale_or_malformed_edit_is_refused); remove_dir();)
