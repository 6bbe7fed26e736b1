/* planner_aliases_test.c: fields that one subgraph types differently under
 * one response key are aliased in its request and renamed back by output
 * rewrites (planner_aliases.c). The fixture's media subgraph has Track.title
 * String! and Album.title String, stats the other way round. */
#include "planner_int.h"
#include "ptest.h"

#define SHAPES "tests/fixtures/supergraph/shapes.graphql"

/* Plans a valid query against the sdl (the shapes fixture when NULL). */
static void plan_query(ptest *fx, const char *sdl, const char *query)
{
    if (sdl)
        ptest_plan_sdl(fx, sdl, query, true);
    else
        ptest_plan_file(fx, SHAPES, query);
    CHECK(fx->plan != NULL);
}

/* The fetch of step i (a lone step is the root). */
static const plan_fetch *fetch_at(const ptest *fx, uint32_t i)
{
    const plan_node *n = fx->plan && fx->plan->root ? ptest_step(fx->plan, i) : NULL;
    return n ? n->fetch : NULL;
}

/* "path -> key" for each output rewrite, one a line. */
static const char *rewrites_text(ptest *fx, const plan_fetch *f)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; f && i < f->noutput_rewrites; i++)
        sbuf_printf(&b, "%s -> %s\n", qp_path_text(&fx->a, &f->output_rewrites[i].path),
                    f->output_rewrites[i].rename_to);
    const char *text = arena_strdup(&fx->a, b.data ? b.data : "");
    sbuf_free(&b);
    return text;
}

TEST(a_field_typed_differently_per_type_is_aliased_and_renamed_back)
{
    ptest fx;
    plan_query(&fx, NULL, "{ shelf { ... on Track { id title } ... on Album { id title } } }");
    const plan_fetch *f = fetch_at(&fx, 0);
    CHECK(f != NULL);
    if (f) {
        CHECK_STR(f->operation, "{shelf{__typename ...on Track{id title}...on Album{id "
                                "title__fm_1:title}}}");
        CHECK_STR(rewrites_text(&fx, f), "shelf.@.... on Album.title__fm_1 -> title\n");
    }
    arena_free(&fx.a);
}

TEST(fields_of_one_shape_are_not_aliased)
{
    ptest fx;
    plan_query(&fx, NULL, "{ shelf { ... on Track { id } ... on Album { id } } }");
    const plan_fetch *f = fetch_at(&fx, 0);
    CHECK(f != NULL);
    if (f) {
        CHECK_STR(f->operation, "{shelf{__typename ...on Track{id}...on Album{id}}}");
        CHECK_INT(f->noutput_rewrites, 0);
    }
    arena_free(&fx.a);
}

/* The alias must not take a key the client uses in the same object. */
TEST(the_alias_avoids_the_keys_of_the_selection)
{
    ptest fx;
    plan_query(&fx, NULL,
               "{ shelf { ... on Track { title } ... on Album { title title__fm_1: id } } }");
    const plan_fetch *f = fetch_at(&fx, 0);
    CHECK(f != NULL);
    if (f) {
        CHECK_STR(f->operation, "{shelf{__typename ...on Track{title}...on Album{"
                                "title__fm_2:title title__fm_1:id}}}");
        CHECK_STR(rewrites_text(&fx, f), "shelf.@.... on Album.title__fm_2 -> title\n");
    }
    arena_free(&fx.a);
}

/* Entity results: the paths start at the entity's type condition; the
 * sub-selections of `similar` under Track and Album meet in one object, so
 * they are one set, whose first title (Track's, String in stats) keeps its key. */
TEST(fields_inside_entities_and_merged_sub_selections)
{
    ptest fx;
    plan_query(&fx, NULL,
               "{ shelf { ... on Track { similar { ... on Track { title } } }"
               " ... on Album { similar { ... on Album { title } } } } }");
    const plan_fetch *f = fetch_at(&fx, 1);
    CHECK(f != NULL);
    if (f) {
        CHECK_STR(f->subgraph, "stats");
        CHECK_STR(f->operation, "query($representations:[_Any!]!){_entities(representations:"
                                "$representations){...on Track{similar{__typename ...on "
                                "Track{title}}}...on Album{similar{__typename ...on Album{"
                                "title__fm_1:title}}}}}");
        CHECK_STR(rewrites_text(&fx, f),
                  "... on Album.similar.@.... on Album.title__fm_1 -> title\n");
    }
    arena_free(&fx.a);
}

/* A composite field aliased for its wrappers ([T] against T!) keeps its
 * sub-selection, renamed back before the rewrites below it apply: their
 * paths name it by its key. */
static const char wrappers_sdl[] = PTEST_SUPERGRAPH(
    "query: Query") "enum join__Graph { A @join__graph(name: \"a\", url: \"http://a\") "
                    "B @join__graph(name: \"b\", url: \"http://b\") }\n"
                    "type Query @join__type(graph: A) @join__type(graph: B) {\n"
                    "  things: [Thing] @join__field(graph: A)\n}\n"
                    "union Thing @join__type(graph: A) @join__unionMember(graph: A, member: \"X\") "
                    "@join__unionMember(graph: A, member: \"Y\") = X | Y\n"
                    "type X @join__type(graph: A) @join__type(graph: B) {\n"
                    "  inner: Inner @join__field(graph: A, type: \"Inner!\") @join__field(graph: "
                    "B, type: "
                    "\"Inner\")\n}\n"
                    "type Y @join__type(graph: A) { inner: Inner @join__field(graph: A, type: "
                    "\"Inner\") }\n"
                    "type Inner @join__type(graph: A) @join__type(graph: B) {\n"
                    "  n: Int @join__field(graph: A, type: \"Int!\") @join__field(graph: B, type: "
                    "\"Int\")\n"
                    "  m: Int @join__field(graph: A, type: \"Int\")\n}\n";

TEST(aliased_composite_fields_keep_their_sub_selection)
{
    ptest fx;
    plan_query(&fx, wrappers_sdl,
               "{ things { ... on X { inner { n } } ... on Y { inner { m } } } }");
    const plan_fetch *f = fetch_at(&fx, 0);
    CHECK(f != NULL);
    if (f) {
        CHECK_STR(f->operation,
                  "{things{__typename ...on X{inner{n}}...on Y{inner__fm_1:inner{m}}}}");
        CHECK_STR(rewrites_text(&fx, f), "things.@.... on Y.inner__fm_1 -> inner\n");
    }
    arena_free(&fx.a);
}

TEST_MAIN(RUN(a_field_typed_differently_per_type_is_aliased_and_renamed_back);
          RUN(fields_of_one_shape_are_not_aliased); RUN(the_alias_avoids_the_keys_of_the_selection);
          RUN(fields_inside_entities_and_merged_sub_selections);
          RUN(aliased_composite_fields_keep_their_sub_selection);)
