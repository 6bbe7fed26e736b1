/* errors_test.c: forwarding subgraph errors, path rewriting, fetch failures. */
#include "errors.h"
#include "exec_testutil.h"
#include "ftest.h"

static const char *errors_text(arena *a, const resp_errors *e)
{
    sbuf b;
    sbuf_init(&b);
    errors_write(&b, e);
    char *s = arena_strndup(a, b.data, b.len);
    sbuf_free(&b);
    return s;
}

/* { me: user { id name: fullName reviews { body } } } */
static const plan_shape *user_shape(arena *a)
{
    const plan_shape *review =
        TU_SHAPE(a, tu_field(a, "body", "body", "Review", "body", "String", NULL));
    const plan_shape *user = TU_SHAPE(
        a, tu_typename("__typename", "User"), tu_field(a, "id", "id", "User", "id", "ID!", NULL),
        tu_field(a, "name", "fullName", "User", "fullName", "String", NULL),
        tu_field(a, "reviews", "reviews", "User", "reviews", "[Review]", review));
    return TU_SHAPE(a, tu_field(a, "me", "user", "Query", "user", "User", user));
}

static resp_path data_path(arena *a, const char *json)
{
    const json_value *v = tu_json(a, json);
    resp_path p = {.steps = ARENA_ARRAY(a, resp_step, v->len + 1), .len = v->len};
    for (uint32_t i = 0; i < v->len; i++) {
        int64_t n;
        if (json_as_int64(&v->u.items[i], &n))
            p.steps[i].index = (uint32_t)n;
        else
            p.steps[i].key = v->u.items[i].u.str;
    }
    return p;
}

TEST(client_paths_use_response_keys)
{
    arena a;
    arena_init(&a, 0);
    const plan_shape *s = user_shape(&a);
    resp_errors e;
    errors_init(&e, &a);
    resp_path p = errors_client_path(&a, s, &(resp_path){0});
    CHECK_INT(p.len, 0);
    resp_path path = data_path(&a, "[\"user\",\"fullName\"]");
    p = errors_client_path(&a, s, &path);
    errors_add(&e, "one", &p);
    path = data_path(&a, "[\"user\",\"reviews\",2,\"body\"]");
    p = errors_client_path(&a, s, &path);
    errors_add(&e, "two", &p);
    path = data_path(&a, "[\"user\",\"unknown\",\"fullName\"]");
    p = errors_client_path(&a, s, &path);
    errors_add(&e, "three", &p);
    path = data_path(&a, "[\"user\",\"reviews\",\"@\",\"body\"]");
    p = errors_client_path(&a, s, &path);
    errors_add(&e, "four", &p);
    CHECK_STR(errors_text(&a, &e),
              "[{\"message\":\"one\",\"path\":[\"me\",\"name\"]},"
              "{\"message\":\"two\",\"path\":[\"me\",\"reviews\",2,\"body\"]},"
              "{\"message\":\"three\",\"path\":[\"me\",\"unknown\",\"fullName\"]},"
              "{\"message\":\"four\",\"path\":[\"me\",\"reviews\",\"@\",\"body\"]}]");
    CHECK_INT(e.count, 4);
    arena_free(&a);
}

TEST(root_errors_keep_message_and_extensions_and_drop_locations)
{
    arena a;
    arena_init(&a, 0);
    resp_errors e;
    errors_init(&e, &a);
    errors_forward(&e, user_shape(&a),
                   tu_json(&a, "[{\"message\":\"boom\",\"locations\":[{\"line\":1,\"column\":2}],"
                               "\"path\":[\"user\",\"fullName\"],\"extensions\":{\"code\":\"X\","
                               "\"n\":[1]}},{\"message\":\"no path\"},{\"path\":[\"user\"]},"
                               "{\"message\":\"bad path\",\"path\":[\"user\",true]},"
                               "{\"message\":\"odd extensions\",\"extensions\":3}]"),
                   NULL, 0);
    CHECK_STR(errors_text(&a, &e),
              "[{\"message\":\"boom\",\"path\":[\"me\",\"name\"],\"extensions\":{\"code\":\"X\","
              "\"n\":[1]}},{\"message\":\"no path\"},"
              "{\"message\":\"Subgraph error\",\"path\":[\"me\"]},{\"message\":\"bad path\"},"
              "{\"message\":\"odd extensions\"}]");
    errors_forward(&e, user_shape(&a), tu_json(&a, "{\"message\":\"not a list\"}"), NULL, 0);
    errors_forward(&e, user_shape(&a), NULL, NULL, 0);
    CHECK_INT(e.count, 5);
    arena_free(&a);
}

TEST(entity_errors_map_to_every_position_of_the_representation)
{
    arena a;
    arena_init(&a, 0);
    resp_errors e;
    errors_init(&e, &a);
    resp_path p0 = data_path(&a, "[\"user\",\"reviews\",0]");
    resp_path p1 = data_path(&a, "[\"user\",\"reviews\",3]");
    resp_path p2 = data_path(&a, "[\"user\"]");
    const resp_path *rep0[] = {&p0}, *rep1[] = {&p1, &p2};
    errors_entity entities[] = {{rep0, 1}, {rep1, 2}};
    errors_forward(&e, user_shape(&a),
                   tu_json(&a, "[{\"message\":\"a\",\"path\":[\"_entities\",1,\"fullName\"]},"
                               "{\"message\":\"b\",\"path\":[\"_entities\",0]},"
                               "{\"message\":\"c\",\"path\":[\"_entities\",2,\"body\"]},"
                               "{\"message\":\"d\",\"path\":[\"other\",0]},"
                               "{\"message\":\"e\",\"path\":[\"_entities\"]},"
                               "{\"message\":\"f\",\"path\":[\"_entities\",0,false]},"
                               "{\"message\":\"g\",\"path\":[\"_entities\",1,\"body\"]},"
                               "{\"message\":\"h\",\"path\":[\"_entities\",1,\"nope\"]}]"),
                   entities, 2);
    CHECK_STR(errors_text(&a, &e),
              "[{\"message\":\"a\",\"path\":[\"me\",\"name\"]},"
              "{\"message\":\"b\",\"path\":[\"me\",\"reviews\",0]},"
              "{\"message\":\"c\"},{\"message\":\"d\"},{\"message\":\"e\"},{\"message\":\"f\"},"
              "{\"message\":\"g\",\"path\":[\"me\",\"reviews\",3,\"body\"]},"
              "{\"message\":\"h\",\"path\":[\"me\",\"reviews\",3,\"nope\"]}]");
    arena_free(&a);
}

TEST(fetch_failures)
{
    arena a;
    arena_init(&a, 0);
    resp_errors e;
    errors_init(&e, &a);
    CHECK(!e.fetch_failed);
    errors_add_fetch_failure(&e, "accounts", "HTTP status 500", NULL);
    resp_path p = data_path(&a, "[\"me\",\"reviews\",\"@\"]");
    errors_add_fetch_failure(&e, "reviews", "Timeout was reached", &p);
    CHECK(e.fetch_failed);
    CHECK_STR(errors_text(&a, &e),
              "[{\"message\":\"Failed to fetch from subgraph \\\"accounts\\\": HTTP status 500\","
              "\"extensions\":{\"code\":\"SUBGRAPH_FETCH_FAILED\",\"serviceName\":\"accounts\"}},"
              "{\"message\":\"Failed to fetch from subgraph \\\"reviews\\\": Timeout was reached\","
              "\"path\":[\"me\",\"reviews\",\"@\"],\"extensions\":{\"code\":"
              "\"SUBGRAPH_FETCH_FAILED\",\"serviceName\":\"reviews\"}}]");
    arena_free(&a);
}

TEST(cover_means_same_path_or_inside_it)
{
    arena a;
    arena_init(&a, 0);
    resp_errors e;
    errors_init(&e, &a);
    resp_path err_path = data_path(&a, "[\"me\",\"reviews\",1,\"body\"]");
    errors_add(&e, "x", &err_path);
    errors_add(&e, "no path", NULL);
    resp_path same = data_path(&a, "[\"me\",\"reviews\",1,\"body\"]");
    resp_path parent = data_path(&a, "[\"me\",\"reviews\",1]");
    resp_path other_index = data_path(&a, "[\"me\",\"reviews\",0]");
    resp_path key_for_index = data_path(&a, "[\"me\",\"reviews\",\"1\"]");
    resp_path deeper = data_path(&a, "[\"me\",\"reviews\",1,\"body\",\"x\"]");
    CHECK(errors_cover(&e, &same));
    CHECK(errors_cover(&e, &parent));
    CHECK(!errors_cover(&e, &other_index));
    CHECK(!errors_cover(&e, &key_for_index));
    CHECK(!errors_cover(&e, &deeper));
    CHECK_STR(errors_text(&a, &(resp_errors){0}), "[]");
    arena_free(&a);
}

TEST_MAIN(RUN(client_paths_use_response_keys);
          RUN(root_errors_keep_message_and_extensions_and_drop_locations);
          RUN(entity_errors_map_to_every_position_of_the_representation); RUN(fetch_failures);
          RUN(cover_means_same_path_or_inside_it);)
