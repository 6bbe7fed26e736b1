/* composer_test.c: a composition attempt as the daemon makes it: the
 * fingerprint, subgraphs without an SDL, success (the supergraph loads) and
 * failure (Apollo's codes, locations), and the JSON /v1/status shows. */
#include <stdio.h>
#include <stdlib.h>

#include "composer.h"
#include "ftest.h"

static const char products_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Query { products: [Product] }\n"
    "type Product @key(fields: \"upc\") { upc: String! name: String }\n";
static const char prices_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Product @key(fields: \"upc\") { upc: String! price: Int }\n";
static const char clashing_sdl[] =
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\n"
    "type Product @key(fields: \"upc\") { upc: String! name: Int }\n";

static composer_subgraph sub(const char *name, const char *sdl)
{
    return (composer_subgraph){
        name, "http://127.0.0.1:1/graphql", sdl, sdl ? strlen(sdl) : 0, sdl ? "hash-of-it" : NULL,
        NULL};
}

static const char *json_of(const composition *c)
{
    static char buf[4096];
    sbuf b;
    sbuf_init(&b);
    composition_write_json(c, &b);
    snprintf(buf, sizeof buf, "%s", b.data);
    sbuf_free(&b);
    return buf;
}

TEST(fingerprint_ignores_order_and_sees_every_part)
{
    composer_subgraph ab[2] = {sub("a", "x"), sub("b", "y")};
    composer_subgraph ba[2] = {ab[1], ab[0]};
    char f1[65], f2[65], f3[65];
    composer_fingerprint(ab, 2, f1);
    composer_fingerprint(ba, 2, f2);
    CHECK_STR(f1, f2);
    ba[0].url = "http://elsewhere/";
    composer_fingerprint(ba, 2, f3);
    CHECK(strcmp(f1, f3) != 0);
    ba[0] = ab[1];
    ba[0].sdl_sha256 = "another";
    composer_fingerprint(ba, 2, f3);
    CHECK(strcmp(f1, f3) != 0);
    composer_fingerprint(ab, 1, f3);
    CHECK(strcmp(f1, f3) != 0);
    composer_fingerprint(NULL, 0, f3);
    CHECK_STR(f3, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"); /* "" */
}

TEST(composes_and_loads)
{
    composer_subgraph subs[2] = {sub("products", products_sdl), sub("prices", prices_sdl)};
    composition c;
    composer_run(subs, 2, &c);
    CHECK(c.ok);
    CHECK_INT(c.nerrors, 0);
    CHECK(c.supergraph && strstr(c.supergraph, "@join__graph(name: \"prices\"") != NULL);
    CHECK(c.supergraph && strlen(c.supergraph) == c.supergraph_len);
    CHECK(c.at_ms > 0);
    char f[65];
    composer_fingerprint(subs, 2, f);
    CHECK_STR(c.composed_from, f);
    CHECK_STR(json_of(&c), "{\"ok\":true,\"errors\":[]}");
    composition_free(&c);
}

TEST(composition_errors_keep_their_codes)
{
    composer_subgraph subs[2] = {sub("products", products_sdl), sub("clash", clashing_sdl)};
    composition c;
    composer_run(subs, 2, &c);
    CHECK(!c.ok);
    CHECK(c.supergraph == NULL);
    CHECK(c.nerrors >= 1);
    bool mismatch = false;
    for (uint32_t i = 0; i < c.nerrors; i++)
        mismatch |= strcmp(c.errors[i].code, "FIELD_TYPE_MISMATCH") == 0 &&
                    strstr(c.errors[i].message, "Product.name") != NULL;
    CHECK(mismatch);
    composition_free(&c);

    composer_subgraph broken[1] = {sub("broken", "type Query {")};
    composer_run(broken, 1, &c);
    CHECK(!c.ok);
    CHECK_INT(c.nerrors, 1);
    CHECK_STR(c.nerrors ? c.errors[0].code : NULL, "INVALID_GRAPHQL");
    CHECK_STR(c.nerrors ? c.errors[0].message : NULL,
              "[broken] Syntax Error: Expected Name, found <EOF>. (1:13)");
    CHECK_STR(c.nerrors ? c.errors[0].subgraph : NULL, "broken");
    composition_free(&c);
}

TEST(missing_sdls_are_explained)
{
    composer_subgraph subs[3] = {sub("products", products_sdl), sub("down", NULL),
                                 sub("new", NULL)};
    subs[1].poll_error = "HTTP status 503";
    composition c;
    composer_run(subs, 3, &c);
    CHECK(!c.ok);
    CHECK_STR(json_of(&c),
              "{\"ok\":false,\"errors\":[{\"code\":\"SUBGRAPH_UNAVAILABLE\",\"message\":\"no SDL "
              "from subgraph \\\"down\\\" yet: HTTP status 503\",\"subgraph\":\"down\"},"
              "{\"code\":\"SUBGRAPH_UNAVAILABLE\",\"message\":\"no SDL from subgraph \\\"new\\\" "
              "yet: not polled yet\",\"subgraph\":\"new\"}]}");
    composition_free(&c);
    composer_run(NULL, 0, &c);
    CHECK_STR(json_of(&c), "{\"ok\":false,\"errors\":[{\"code\":\"NO_SUBGRAPHS\",\"message\":"
                           "\"there are no subgraphs to compose\",\"subgraph\":null}]}");
    composition_free(&c);
}

TEST_MAIN(RUN(fingerprint_ignores_order_and_sees_every_part); RUN(composes_and_loads);
          RUN(composition_errors_keep_their_codes); RUN(missing_sdls_are_explained);)
