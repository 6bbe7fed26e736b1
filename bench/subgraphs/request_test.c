/* request_test.c: whole requests through breq_answer on the benchmark's own
 * workload (bench/workload), for what the HTTP fixtures cannot reach: the
 * executor's limits, the document cache's bounds, and the response cache.
 * Runs from the repository root, as tests/run-tests.sh does. */
#include "request.h"

#include <stdlib.h>
#include <unistd.h>

#include "exec.h"
#include "ftest.h"
#include "resolvers.h"
#include "respcache.h"

static arena test_arena;
static bdata data;
static const bmodel *reviews, *accounts;

static char *read_text(const char *path, size_t *len)
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

static const bmodel *load_model(const char *name)
{
    char path[256], why[256];
    size_t len;
    snprintf(path, sizeof path, "bench/workload/subgraphs/%s.graphql", name);
    char *sdl = read_text(path, &len);
    const bmodel *m =
        sdl ? bmodel_build(&test_arena, name, sdl, len, bres_table(name), &data, why, sizeof why)
            : NULL;
    if (!m) fprintf(stderr, "cannot build %s: %s\n", name, sdl ? why : "no SDL");
    free(sdl);
    return m;
}

/* The response to body (a copy in test_arena). */
static const char *answer(const bmodel *m, bcache *cache, const char *body)
{
    arena a;
    arena_init(&a, 0);
    sbuf out, scratch;
    sbuf_init(&out);
    sbuf_init(&scratch);
    breq_answer(m, cache, &a, body, strlen(body), &out, &scratch);
    const char *got = arena_strndup(&test_arena, out.data, out.len);
    sbuf_free(&out);
    sbuf_free(&scratch);
    arena_free(&a);
    return got;
}

TEST(answers_a_query)
{
    bcache cache;
    bcache_init(&cache, accounts, 4);
    CHECK_STR(answer(accounts, &cache, "{\"query\":\"{ me { id username } }\"}"),
              "{\"data\":{\"me\":{\"id\":\"1\",\"username\":\"ada\"}}}");
    CHECK_STR(answer(accounts, &cache,
                     "{\"query\":\"query($x: ID!) { user(id: $x) { name } }\","
                     "\"variables\":{\"x\":\"6\"},\"operationName\":null}"),
              "{\"data\":{\"user\":{\"name\":\"Ken Thompson\"}}}");
    bcache_free(&cache);
}

TEST(bad_bodies)
{
    bcache cache;
    bcache_init(&cache, accounts, 4);
    CHECK_STR(answer(accounts, &cache, ""),
              "{\"errors\":[{\"message\":\"Unexpected end of input at offset 0\"}]}");
    CHECK_STR(answer(accounts, &cache, "[]"),
              "{\"errors\":[{\"message\":\"Body must be a string. Received: undefined.\"}]}");
    CHECK_STR(answer(accounts, &cache, "{\"query\":{\"a\":1}}"),
              "{\"errors\":[{\"message\":\"Body must be a string. Received: { a: 1 }.\"}]}");
    CHECK_STR(answer(accounts, &cache, "{\"query\":\"{ me { id } }\",\"variables\":[1]}"),
              "{\"data\":{\"me\":{\"id\":\"1\"}}}");
    bcache_free(&cache);
}

TEST(service_sdl_is_the_file)
{
    bcache cache;
    bcache_init(&cache, reviews, 4);
    size_t len;
    char *sdl = read_text("bench/workload/subgraphs/reviews.graphql", &len);
    sbuf want;
    sbuf_init(&want);
    sbuf_puts(&want, "{\"data\":{\"_service\":{\"sdl\":");
    sbuf_json_string(&want, sdl, len);
    sbuf_puts(&want, "}}}");
    CHECK_STR(answer(reviews, &cache, "{\"query\":\"{ _service { sdl } }\"}"), want.data);
    sbuf_free(&want);
    free(sdl);
    bcache_free(&cache);
}

/* --live-sdl: each _service query reads the file as it is then; an
 * unreadable file falls back to the SDL read at start. */
TEST(live_sdl_is_read_again)
{
    const char *path = "/tmp/bench_request_test_live.graphql";
    bmodel live = *reviews;
    live.sdl_path = path;
    bcache cache;
    bcache_init(&cache, &live, 4);
    FILE *f = fopen(path, "w");
    fputs("type Query { a: Int }", f);
    fclose(f);
    const char *body = "{\"query\":\"{ _service { sdl } }\"}";
    CHECK_STR(answer(&live, &cache, body),
              "{\"data\":{\"_service\":{\"sdl\":\"type Query { a: Int }\"}}}");
    f = fopen(path, "w");
    fputs("type Query {\n  b: \"Int\"\n}", f);
    fclose(f);
    CHECK_STR(answer(&live, &cache, body),
              "{\"data\":{\"_service\":{\"sdl\":\"type Query {\\n  b: \\\"Int\\\"\\n}\"}}}");
    unlink(path);
    sbuf want;
    sbuf_init(&want);
    sbuf_puts(&want, "{\"data\":{\"_service\":{\"sdl\":");
    sbuf_append(&want, reviews->sdl.s, reviews->sdl.len);
    sbuf_puts(&want, "}}}");
    CHECK_STR(answer(&live, &cache, body), want.data);
    sbuf_free(&want);
    bcache_free(&cache);
}

/* reviews { author { reviews ... } } nested `levels` deep under one entity. */
static const char *deep_query(const char *type, const char *key, int levels)
{
    sbuf q;
    sbuf_init(&q);
    sbuf_printf(&q,
                "{\"query\":\"{ _entities(representations: [{__typename: \\\"%s\\\", %s}]) "
                "{ ... on %s { reviews { ",
                type, key, type);
    for (int i = 0; i < levels; i++)
        sbuf_puts(&q, "author { reviews { ");
    sbuf_puts(&q, "id ");
    for (int i = 0; i < levels; i++)
        sbuf_puts(&q, "} } ");
    sbuf_puts(&q, "} } } }\"}");
    const char *s = arena_strndup(&test_arena, q.data, q.len);
    sbuf_free(&q);
    return s;
}

TEST(nesting_and_size_limits)
{
    bcache cache;
    bcache_init(&cache, reviews, 8);
    /* Product 3 has one review, whose author wrote only that one: a single chain
     * that adds three path entries (author, reviews, index) per level: the
     * path is 4 + 3 * levels + 1 long, and 128 at most. */
    const char *product3 = "upc: \\\"3\\\"";
    const char *ok = answer(reviews, &cache, deep_query("Product", product3, 41));
    CHECK(strncmp(ok, "{\"data\":{\"_entities\":[{\"reviews\":[{\"author\":", 44) == 0);
    CHECK_STR(answer(reviews, &cache, deep_query("Product", product3, 42)),
              "{\"errors\":[{\"message\":\"Response nesting is too deep.\"}],\"data\":null}");
    /* User 1's reviews branch four ways at every level. */
    CHECK_STR(answer(reviews, &cache, deep_query("User", "id: \\\"1\\\"", 12)),
              "{\"errors\":[{\"message\":\"Response is too large.\"}],\"data\":null}");
    bcache_free(&cache);
}

TEST(document_cache_is_bounded)
{
    arena a;
    arena_init(&a, 0);
    bcache cache;
    bcache_init(&cache, accounts, 1);
    bcache_doc first = bcache_get(&cache, "{ me { id } }", 13, &a);
    CHECK(first.doc != NULL);
    CHECK(bcache_get(&cache, "{ me { id } }", 13, &a).doc == first.doc); /* cached */
    CHECK_INT(cache.count, 1);
    bcache_doc second = bcache_get(&cache, "{ me { name } }", 15, &a);
    CHECK(second.doc != NULL && second.doc != first.doc);
    CHECK(bcache_get(&cache, "{ me { name } }", 15, &a).doc != second.doc); /* full: not kept */
    CHECK_INT(cache.count, 1);
    bcache_free(&cache);

    bcache_init(&cache, accounts, 4);
    bcache_doc bad = bcache_get(&cache, "{ me { nope } }", 15, &a);
    CHECK(bad.doc == NULL);
    CHECK_STR(bad.errors, "{\"errors\":[{\"message\":\"Cannot query field \\\"nope\\\" on type "
                          "\\\"User\\\". Did you mean \\\"name\\\"?\"}]}");
    CHECK(bcache_get(&cache, "{ me { nope } }", 15, &a).errors == bad.errors);
    char *huge = malloc(BCACHE_MAX_TEXT + 2);
    memset(huge, ' ', BCACHE_MAX_TEXT + 1);
    memcpy(huge, "{me{id}}", 8);
    huge[BCACHE_MAX_TEXT + 1] = '\0';
    CHECK(bcache_get(&cache, huge, BCACHE_MAX_TEXT + 1, &a).doc != NULL);
    CHECK_INT(cache.count, 1); /* too long to keep */
    free(huge);
    bcache_free(&cache);
    arena_free(&a);
}

TEST(response_cache_is_bounded)
{
    brc c;
    brc_init(&c, 2, 40);
    const char *r;
    size_t n;
    CHECK(!brc_get(&c, "a", 1, &r, &n));
    brc_put(&c, "a", 1, "{\"x\":1}", 7);
    CHECK(brc_get(&c, "a", 1, &r, &n) && n == 7 && memcmp(r, "{\"x\":1}", 7) == 0);
    CHECK(!brc_get(&c, "ab", 2, &r, &n));
    brc_put(&c, "a", 1, "{\"x\":2}", 7); /* first answer stays */
    CHECK(brc_get(&c, "a", 1, &r, &n) && memcmp(r, "{\"x\":1}", 7) == 0);
    brc_put(&c, "b", 1, "0123456789012345678901234567890123456789", 40); /* over the bytes */
    CHECK(!brc_get(&c, "b", 1, &r, &n));
    brc_put(&c, "c", 1, "{}", 2);
    brc_put(&c, "d", 1, "{}", 2); /* over the entries */
    CHECK(brc_get(&c, "c", 1, &r, &n));
    CHECK(!brc_get(&c, "d", 1, &r, &n));
    CHECK_INT(c.count, 2);
    brc_free(&c);
}

int main(int argc, char **argv)
{
    (void)argc;
    arena_init(&test_arena, 0);
    size_t len;
    char *text = read_text("bench/workload/data.json", &len);
    char why[256];
    if (!text || !bdata_load(&data, &test_arena, text, len, why, sizeof why)) {
        fprintf(stderr, "request_test: cannot load bench/workload/data.json\n");
        return 1;
    }
    free(text);
    reviews = load_model("reviews");
    accounts = load_model("accounts");
    if (!reviews || !accounts) return 1;
    RUN(answers_a_query);
    RUN(bad_bodies);
    RUN(service_sdl_is_the_file);
    RUN(live_sdl_is_read_again);
    RUN(nesting_and_size_limits);
    RUN(document_cache_is_bounded);
    RUN(response_cache_is_bounded);
    arena_free(&test_arena);
    const char *slash = strrchr(argv[0], '/');
    printf("%s: %d passed, %d failed\n", slash ? slash + 1 : argv[0], ftest_passed, ftest_failed);
    return ftest_failed ? 1 : 0;
}
