/* graphql_http_test.c: request reading, negotiation and error bodies. */
#include "graphql_http.h"
#include "ftest.h"

TEST(negotiation)
{
    gqlhttp_media m;
    CHECK(gqlhttp_negotiate(NULL, &m) && m == GQLHTTP_JSON);
    CHECK(gqlhttp_negotiate("application/json", &m) && m == GQLHTTP_JSON);
    CHECK(gqlhttp_negotiate("application/graphql-response+json, application/json;q=0.9", &m) &&
          m == GQLHTTP_GRAPHQL_RESPONSE_JSON);
    CHECK(gqlhttp_negotiate("text/html, */*;q=0.8", &m) && m == GQLHTTP_JSON);
    CHECK(gqlhttp_negotiate("application/*", &m) && m == GQLHTTP_JSON);
    CHECK(!gqlhttp_negotiate("text/html", &m));
    CHECK(!gqlhttp_negotiate("application/json;q=0", &m));
    CHECK(gqlhttp_negotiate("APPLICATION/JSON; charset=utf-8", &m) && m == GQLHTTP_JSON);
    CHECK_STR(gqlhttp_media_name(GQLHTTP_GRAPHQL_RESPONSE_JSON),
              "application/graphql-response+json");
}

TEST(post_bodies)
{
    arena a;
    arena_init(&a, 0);
    gqlhttp_request r;
    gqlhttp_error e;
    const char ok[] = "{\"query\":\"{ a }\",\"operationName\":\"Q\",\"variables\":{\"x\":1}}";
    CHECK(gqlhttp_parse_post(&a, "application/json; charset=utf-8", ok, sizeof ok - 1, &r, &e));
    CHECK_STR(r.query, "{ a }");
    CHECK_STR(r.operation_name, "Q");
    CHECK(r.variables && r.variables->type == JSON_OBJECT);
    const char nulls[] = "{\"query\":\"{ a }\",\"operationName\":null,\"variables\":null}";
    CHECK(gqlhttp_parse_post(&a, "application/json", nulls, sizeof nulls - 1, &r, &e));
    CHECK(r.operation_name == NULL && r.variables == NULL);

    CHECK(!gqlhttp_parse_post(&a, "text/plain", ok, sizeof ok - 1, &r, &e));
    CHECK_INT(e.status, 415);
    CHECK(!gqlhttp_parse_post(&a, NULL, ok, sizeof ok - 1, &r, &e));
    CHECK_INT(e.status, 415);
    CHECK(!gqlhttp_parse_post(&a, "application/json", "{\"query\":", 9, &r, &e));
    CHECK_INT(e.status, 400);
    CHECK(!gqlhttp_parse_post(&a, "application/json", "[1]", 3, &r, &e));
    CHECK_INT(e.status, 400);
    CHECK(!gqlhttp_parse_post(&a, "application/json", "{\"query\":1}", 11, &r, &e));
    CHECK_STR(e.message, "Must provide query string.");
    CHECK(!gqlhttp_parse_post(&a, "application/json", "{}", 2, &r, &e));
    CHECK_INT(e.status, 400);
    const char badvars[] = "{\"query\":\"{a}\",\"variables\":[1]}";
    CHECK(!gqlhttp_parse_post(&a, "application/json", badvars, sizeof badvars - 1, &r, &e));
    CHECK_STR(e.message, "Variables must be provided as an Object.");
    arena_free(&a);
}

TEST(get_parameters)
{
    arena a;
    arena_init(&a, 0);
    gqlhttp_request r;
    gqlhttp_error e;
    CHECK(gqlhttp_parse_get(&a, "{ a }", "", "{\"x\":2}", &r, &e));
    CHECK_STR(r.query, "{ a }");
    CHECK(r.operation_name == NULL);
    CHECK(r.variables != NULL);
    CHECK(!gqlhttp_parse_get(&a, NULL, NULL, NULL, &r, &e));
    CHECK_INT(e.status, 400);
    CHECK(!gqlhttp_parse_get(&a, "{ a }", NULL, "{bad", &r, &e));
    CHECK_INT(e.status, 400);
    arena_free(&a);
}

TEST(error_bodies_and_statuses)
{
    arena a;
    arena_init(&a, 0);
    diag_list d;
    diag_init(&d, &a);
    diag_add(&d, (src_loc){1, 3}, "Cannot query field \"x\" on type \"Query\".");
    sbuf out;
    sbuf_init(&out);
    gqlhttp_write_errors(&out, &d, "GRAPHQL_VALIDATION_FAILED");
    CHECK_STR(out.data, "{\"errors\":[{\"message\":\"Cannot query field \\\"x\\\" on type "
                        "\\\"Query\\\".\",\"locations\":[{\"line\":1,\"column\":3}],"
                        "\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}");
    sbuf_reset(&out);
    gqlhttp_write_error(&out, "boom", NULL);
    CHECK_STR(out.data, "{\"errors\":[{\"message\":\"boom\"}]}");
    CHECK_INT(gqlhttp_request_error_status(GQLHTTP_GRAPHQL_RESPONSE_JSON), 400);
    CHECK_INT(gqlhttp_request_error_status(GQLHTTP_JSON), 200);
    sbuf_free(&out);
    arena_free(&a);
}

TEST_MAIN(RUN(negotiation); RUN(post_bodies); RUN(get_parameters); RUN(error_bodies_and_statuses);)
