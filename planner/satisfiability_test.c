/* satisfiability_test.c: sg_check_satisfiability against Apollo's own check.
 * tests/fixtures/satisfiability/gen.mjs composed each subgraph set there
 * (and every set of tests/compose/ok) without satisfiability, and wrote what
 * Apollo's validateSatisfiability says of the supergraph: this test wants the
 * same messages, word for word (compared as sets: both walk the query shapes
 * depth first, but not always in the same order). Mutants (mut-*: a composed
 * supergraph made unsatisfiable by a small edit) are kept as that edit,
 * NAME.edit (see fixture_read_edit), and rebuilt here; so are supergraphs of
 * other fixture folders (sg-*: an edit with no hunks). Hand-written supergraphs below cover what
 * composed ones cannot reach. */
#include <stdlib.h>
#include <unistd.h>

#include "fixture.h"
#include "ftest.h"
#include "satisfiability.h"
#include "sbuf.h"

#define DIR "tests/fixtures/satisfiability/"

static int compare_strings(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Splits the expected-errors file at its "%%" lines. */
static uint32_t expected_messages(arena *a, char *text, const char **out, uint32_t max)
{
    uint32_t n = 0;
    char *start = text;
    for (char *sep; start && (sep = strstr(start, "\n%%\n")) && n < max; start = sep + 4) {
        *sep = '\0';
        out[n++] = arena_strdup(a, start);
    }
    return n;
}

/* Loads DIR/name.graphql (or rebuilds it from DIR/name.edit), checks it, and
 * compares with DIR/name.errors.txt. */
static bool matches_apollo(const char *name)
{
    arena a;
    arena_init(&a, 0);
    bool ok = false;
    const char *edit = arena_sprintf(&a, DIR "%s.edit", name);
    char *sdl = access(edit, R_OK) == 0
                    ? fixture_read_edit(&a, edit)
                    : fixture_read(&a, arena_sprintf(&a, DIR "%s.graphql", name));
    char *want_text = fixture_read(&a, arena_sprintf(&a, DIR "%s.errors.txt", name));
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sdl ? sg_load_composed(&a, sdl, strlen(sdl), &errs) : NULL;
    if (!sg || !want_text) {
        fprintf(stderr, "%s: cannot load (%s)\n", name,
                errs.first ? errs.first->message : "no file");
        goto done;
    }
    const char *want[64], *got[64];
    uint32_t nwant = expected_messages(&a, want_text, want, 64), ngot = 0;
    sg_check_satisfiability(sg, &errs);
    for (const diag *d = errs.first; d && ngot < 64; d = d->next)
        got[ngot++] = d->message;
    qsort(want, nwant, sizeof *want, compare_strings);
    qsort(got, ngot, sizeof *got, compare_strings);
    ok = nwant == ngot;
    for (uint32_t i = 0; ok && i < nwant; i++)
        ok = strcmp(want[i], got[i]) == 0;
    if (!ok) {
        fprintf(stderr, "%s: want %u errors, got %u\n", name, nwant, ngot);
        for (uint32_t i = 0; i < nwant; i++)
            fprintf(stderr, "--- want:\n%s\n", want[i]);
        for (uint32_t i = 0; i < ngot; i++)
            fprintf(stderr, "--- got:\n%s\n", got[i]);
    }
done:
    arena_free(&a);
    return ok;
}

/* Runs matches_apollo on the fixtures of index.txt whose name does (ok) or
 * does not start with "ok-"; returns how many. */
static uint32_t check_fixtures(bool composable)
{
    arena a;
    arena_init(&a, 0);
    char *index = fixture_read(&a, DIR "index.txt");
    uint32_t n = 0;
    for (char *line = index ? strtok(index, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        if ((strncmp(line, "ok-", 3) == 0) != composable) continue;
        CHECK(matches_apollo(line));
        n++;
    }
    arena_free(&a);
    return n;
}

/* The supergraphs Apollo composes from tests/compose/ok: no error at all. */
TEST(accepts_every_composable_set)
{
    CHECK(check_fixtures(true) >= 30);
}

/* Sets Apollo rejects (or accepts) for satisfiability: the same messages. */
TEST(rejects_as_apollo_does)
{
    CHECK(check_fixtures(false) >= 20);
}

static supergraph *load_fixture(arena *a, const char *name, diag_list *errs)
{
    char *sdl = fixture_read(a, arena_sprintf(a, DIR "%s.graphql", name));
    return sdl ? sg_load_composed(a, sdl, strlen(sdl), errs) : NULL;
}

TEST(result_and_codes)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = load_fixture(&a, "no-key", &errs);
    CHECK(sg != NULL);
    if (sg) {
        CHECK(!sg_check_satisfiability(sg, &errs));
        CHECK_INT(errs.count, 1);
        CHECK_STR(errs.first->code, "SATISFIABILITY_ERROR");
        CHECK_INT(errs.first->nlocs, 0);
    }
    diag_list clean;
    diag_init(&clean, &a);
    supergraph *ok = load_fixture(&a, "ok-01-key-simple", &clean);
    CHECK(ok != NULL);
    if (ok) {
        CHECK(sg_check_satisfiability(ok, &clean));
        CHECK_INT(clean.count, 0);
    }
    arena_free(&a);
}

/* What composition checks may load but a router may not serve: features
 * "for: SECURITY" (here @authenticated, @requiresScopes, @policy). */
TEST(composed_loader_takes_security_features)
{
    arena a;
    arena_init(&a, 0);
    char *sdl = fixture_read(&a, DIR "ok-28-auth-directives.graphql");
    diag_list errs;
    diag_init(&errs, &a);
    CHECK(sdl && sg_load(&a, sdl, strlen(sdl), &errs) == NULL);
    CHECK_INT(errs.count, 3);
    CHECK_STR(errs.first ? errs.first->code : "", "UNSUPPORTED_LINKED_FEATURE");
    diag_list errs2;
    diag_init(&errs2, &a);
    supergraph *sg = sdl ? sg_load_composed(&a, sdl, strlen(sdl), &errs2) : NULL;
    CHECK(sg != NULL);
    CHECK_INT(errs2.count, 0);
    if (sg) CHECK(sg_check_satisfiability(sg, &errs2));
    arena_free(&a);
}

/* A field 200 object types down, in a graph no key leads to: the walk is
 * not recursive, and the witness query is printed to full depth. */
TEST(deep_chain)
{
    enum { DEPTH = 200 };
    arena a;
    arena_init(&a, 0);
    sbuf types;
    sbuf_init(&types);
    sbuf_puts(&types, "  next: N0 @join__field(graph: A)\n}\n");
    for (int i = 0; i < DEPTH - 1; i++)
        sbuf_printf(&types, "type N%d @join__type(graph: A) { next: N%d }\n", i, i + 1);
    sbuf_printf(&types,
                "type N%d @join__type(graph: A) @join__type(graph: B) {\n"
                "  v: Int @join__field(graph: B)\n}\n",
                DEPTH - 1);
    char *sdl = fixture_read(&a, DIR "no-key.graphql");
    sdl = fixture_edit(&a, sdl, "  b: Int @join__field(graph: B)\n}\n", types.data);
    sbuf_free(&types);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    CHECK(sg != NULL);
    if (sg) {
        CHECK(!sg_check_satisfiability(sg, &errs));
        CHECK_INT(errs.count, 1);
        const char *m = errs.first->message;
        /* t, next on T, next on N0..N198, v: the 202nd line is at depth 202 */
        char *leaf = arena_sprintf(&a, "\n%*sv\n%*s}\n", 2 * (DEPTH + 2), "", 2 * (DEPTH + 1), "");
        CHECK(strstr(m, leaf) != NULL);
        CHECK(strstr(m, "- from subgraph \"a\":\n  - cannot find field \"N199.v\".\n  - cannot "
                        "move to subgraph \"b\", which has field \"N199.v\", because type \"N199\" "
                        "has no @key defined in subgraph \"b\".") != NULL);
    }
    arena_free(&a);
}

TEST_MAIN(RUN(accepts_every_composable_set); RUN(rejects_as_apollo_does); RUN(result_and_codes);
          RUN(composed_loader_takes_security_features); RUN(deep_chain);)
