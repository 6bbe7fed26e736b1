/* schema_print_test.c: schema_print against graphql-js's printSchema
 * (tests/fixtures/schema-print, made by its generate.mjs) and against the API
 * schemas Apollo's federation library prints for the supergraph fixtures. */
#include "schema_print.h"
#include "fixture.h"
#include "ftest.h"
#include "supergraph.h"

#include <stdlib.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    sbuf b;
    sbuf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return sbuf_take(&b);
}

/* Prints the schema built from `sdl_file` and compares with `expected_file`. */
static void check_sdl(const char *sdl_file, const char *expected_file)
{
    size_t len, elen;
    char *sdl = slurp(sdl_file, &len), *expected = slurp(expected_file, &elen);
    CHECK(sdl && expected);
    if (!sdl || !expected) return;
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    schema *s = schema_from_sdl(&a, sdl, len, &errs);
    CHECK(s != NULL);
    if (s) {
        sbuf out;
        sbuf_init(&out);
        schema_print(&out, s);
        CHECK_STR(out.data, expected);
        sbuf_free(&out);
    }
    arena_free(&a);
    free(sdl);
    free(expected);
}

static void check_api(const char *name)
{
    char sg_file[128], api_file[128];
    fixture_supergraph_path(sg_file, sizeof sg_file, name);
    snprintf(api_file, sizeof api_file, "tests/fixtures/supergraph/%s.api.graphql", name);
    size_t len, elen;
    char *sdl = slurp(sg_file, &len), *expected = slurp(api_file, &elen);
    CHECK(sdl && expected);
    if (!sdl || !expected) return;
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sg_load(&a, sdl, len, &errs);
    CHECK(sg != NULL);
    if (sg) {
        sbuf out;
        sbuf_init(&out);
        schema_print(&out, sg->api);
        CHECK_STR(out.data, expected);
        sbuf_free(&out);
    }
    arena_free(&a);
    free(sdl);
    free(expected);
}

TEST(rich_schema_matches_graphql_js)
{
    check_sdl("tests/fixtures/schema-print/rich.graphql",
              "tests/fixtures/schema-print/rich.expected.graphql");
}

TEST(api_schemas_match_apollo)
{
    check_api("bench");
    check_api("shop");
    check_api("fed1");
    check_api("renamed");
    check_api("context");
}

TEST(common_root_names_print_no_schema_definition)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    const char sdl[] = "schema { query: Query }\ntype Query { a: Int }";
    schema *s = schema_from_sdl(&a, sdl, sizeof sdl - 1, &errs);
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, s);
    CHECK_STR(out.data, "type Query {\n  a: Int\n}\n");
    sbuf_free(&out);
    arena_free(&a);
}

TEST(uncommon_root_name_prints_schema_definition)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    const char sdl[] = "schema { query: Root }\ntype Root { a: Int }";
    schema *s = schema_from_sdl(&a, sdl, sizeof sdl - 1, &errs);
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, s);
    CHECK_STR(out.data, "schema {\n  query: Root\n}\n\ntype Root {\n  a: Int\n}\n");
    sbuf_free(&out);
    arena_free(&a);
}

TEST_MAIN(RUN(rich_schema_matches_graphql_js); RUN(api_schemas_match_apollo);
          RUN(common_root_names_print_no_schema_definition);
          RUN(uncommon_root_name_prints_schema_definition);)
