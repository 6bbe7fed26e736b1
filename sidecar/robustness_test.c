/* robustness_test.c: subgraph responses are untrusted input. Thousands of
 * randomly mutated responses go through representation collection, entity
 * merging and shaping (run under ASan+UBSan by make test): nothing may crash,
 * and the output must always be valid JSON. */
#include "exec_testutil.h"
#include "ftest.h"
#include "merge.h"
#include "representations.h"
#include "shape.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rng(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

/* A random JSON value drawn from pieces that look like the expected data. */
static void random_value(sbuf *b, unsigned depth)
{
    static const char *const keys[] = {"users", "id",   "__typename", "reviews", "product",
                                       "upc",   "name", "_entities",  "body",    "x"};
    static const char *const scalars[] = {"null",        "true", "1",  "\"1\"",  "\"User\"",
                                          "\"Product\"", "[]",   "{}", "-2.5e3", "\"\\u00e9\""};
    uint32_t kind = depth > 6 ? 2 : rng(3);
    if (kind == 0) {
        uint32_t n = rng(4);
        sbuf_putc(b, '{');
        for (uint32_t i = 0; i < n; i++) {
            if (i) sbuf_putc(b, ',');
            sbuf_printf(b, "\"%s\":", keys[rng(10)]);
            random_value(b, depth + 1);
        }
        sbuf_putc(b, '}');
    } else if (kind == 1) {
        uint32_t n = rng(4);
        sbuf_putc(b, '[');
        for (uint32_t i = 0; i < n; i++) {
            if (i) sbuf_putc(b, ',');
            random_value(b, depth + 1);
        }
        sbuf_putc(b, ']');
    } else {
        sbuf_puts(b, scalars[rng(10)]);
    }
}

static bool valid_json(arena *a, const sbuf *b)
{
    json_error err;
    return json_parse(a, b->data, b->len, 0, &err) != NULL;
}

TEST(random_responses_never_crash)
{
    static const char sdl[] = "type Query { users: [User] } type User { id: ID! } "
                              "type Product { upc: String! }";
    int invalid = 0, with_reps = 0;
    for (int round = 0; round < 3000; round++) {
        arena a;
        arena_init(&a, 0);
        supergraph *sg = tu_supergraph(&a, sdl);
        sbuf b;
        sbuf_init(&b);
        sbuf_puts(&b, "{\"users\":[");
        for (int i = 0; i < 3; i++) {
            sbuf_puts(&b, i ? ",{\"__typename\":\"User\",\"reviews\":" : "{\"reviews\":");
            random_value(&b, 1);
            sbuf_puts(&b, ",\"id\":");
            random_value(&b, 5);
            sbuf_putc(&b, '}');
        }
        sbuf_puts(&b, "]}");
        tree_node *root = tree_new_object(&a);
        plan_fetch fetch = {.subgraph = "s",
                            .requires = tu_selection(&a, "... on User { __typename id } "
                                                         "... on Product { __typename upc }")};
        merge_root(&a, sg, &fetch, root, tu_json(&a, b.data));
        plan_path path = tu_path(&a, rng(2) ? "users/@" : "users/@/reviews/@/product");
        plan_node flatten = {.kind = PLAN_FLATTEN, .fetch = &fetch, .paths = &path, .npaths = 1};
        reps_set reps;
        reps_collect(&a, sg, root, &flatten, &reps);
        with_reps += reps.len > 0;
        sbuf_reset(&b);
        reps_write(&b, &reps);
        invalid += !valid_json(&a, &b);
        sbuf_reset(&b);
        sbuf_puts(&b, "{\"_entities\":[");
        for (uint32_t i = 0; i < reps.len + rng(2); i++) {
            if (i) sbuf_putc(&b, ',');
            random_value(&b, 1);
        }
        sbuf_puts(&b, "]}");
        merge_entities(&a, sg, &fetch, &reps, tu_json(&a, b.data));
        const plan_shape *product =
            TU_SHAPE(&a, tu_field(&a, "upc", "upc", "Product", "upc", "String!", NULL),
                     tu_typename("__typename", "Product"));
        const plan_shape *review =
            TU_SHAPE(&a, tu_field(&a, "body", "body", "Review", "body", "String", NULL),
                     tu_field(&a, "product", "product", "Review", "product", "Product!", product));
        const plan_shape *user =
            TU_SHAPE(&a, tu_field(&a, "id", "id", "User", "id", "ID!", NULL),
                     tu_field(&a, "reviews", "reviews", "User", "reviews", "[Review!]!", review));
        const plan_shape *shape =
            TU_SHAPE(&a, tu_field(&a, "users", "users", "Query", "users", "[User]", user));
        resp_errors errs;
        errors_init(&errs, &a);
        shape_ctx *ctx = ARENA_NEW(&a, shape_ctx);
        *ctx = (shape_ctx){.arena = &a, .sg = sg, .errors = &errs};
        sbuf_reset(&b);
        shape_write(ctx, shape, root, &b);
        invalid += !valid_json(&a, &b);
        sbuf_reset(&b);
        errors_write(&b, &errs);
        invalid += !valid_json(&a, &b);
        sbuf_free(&b);
        arena_free(&a);
    }
    CHECK_INT(invalid, 0);
    CHECK(with_reps > 300); /* the rounds do reach entity merging */
}

TEST_MAIN(RUN(random_responses_never_crash);)
