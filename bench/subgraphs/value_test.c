/* value_test.c: scalar output coercion, inspect() and type printing, checked
 * against what graphql-js 16 produces for the same values. */
#include "value.h"

#include "ftest.h"
#include "parser.h"

static arena test_arena;

static const json_value *json(const char *text)
{
    json_error err;
    const json_value *v = json_parse(&test_arena, text, strlen(text), 0, &err);
    if (!v) fprintf(stderr, "bad test JSON %s: %s\n", text, err.message);
    return v;
}

/* The serialised value, or "error: <message>". */
static const char *serialize(const char *scalar, const char *text)
{
    sbuf out;
    sbuf_init(&out);
    const char *error = bvalue_serialize(&test_arena, &out, scalar, json(text));
    const char *got = error ? arena_sprintf(&test_arena, "error: %s", error)
                            : arena_strndup(&test_arena, out.data ? out.data : "", out.len);
    if (error && out.len) got = "error with output";
    sbuf_free(&out);
    return got;
}

static const char *inspect(const char *text)
{
    sbuf out;
    sbuf_init(&out);
    bvalue_inspect(&out, json(text));
    const char *got = arena_strndup(&test_arena, out.data, out.len);
    sbuf_free(&out);
    return got;
}

TEST(strings)
{
    CHECK_STR(serialize("String", "\"a\\\"b\""), "\"a\\\"b\"");
    CHECK_STR(serialize("String", "12"), "\"12\"");
    CHECK_STR(serialize("String", "1.50"), "\"1.5\"");
    CHECK_STR(serialize("String", "true"), "\"true\"");
    CHECK_STR(serialize("String", "false"), "\"false\"");
    CHECK_STR(serialize("String", "[1]"), "error: String cannot represent value: [1]");
    CHECK_STR(serialize("String", "{}"), "error: String cannot represent value: {}");
}

TEST(ids)
{
    CHECK_STR(serialize("ID", "\"7\""), "\"7\"");
    CHECK_STR(serialize("ID", "7"), "\"7\"");
    CHECK_STR(serialize("ID", "-7"), "\"-7\"");
    CHECK_STR(serialize("ID", "7.0"), "\"7\"");
    CHECK_STR(serialize("ID", "7.5"), "error: ID cannot represent value: 7.5");
    CHECK_STR(serialize("ID", "true"), "error: ID cannot represent value: true");
}

TEST(ints)
{
    CHECK_STR(serialize("Int", "42"), "42");
    CHECK_STR(serialize("Int", "-0"), "0");
    CHECK_STR(serialize("Int", "2147483647"), "2147483647");
    CHECK_STR(serialize("Int", "-2147483648"), "-2147483648");
    CHECK_STR(serialize("Int", "1e2"), "100");
    CHECK_STR(serialize("Int", "\"12\""), "12");
    CHECK_STR(serialize("Int", "true"), "1");
    CHECK_STR(serialize("Int", "false"), "0");
    CHECK_STR(serialize("Int", "2147483648"),
              "error: Int cannot represent non 32-bit signed integer value: 2147483648");
    CHECK_STR(serialize("Int", "1.5"), "error: Int cannot represent non-integer value: 1.5");
    CHECK_STR(serialize("Int", "\"\""), "error: Int cannot represent non-integer value: \"\"");
    CHECK_STR(serialize("Int", "\"x1\""), "error: Int cannot represent non-integer value: \"x1\"");
    CHECK_STR(serialize("Int", "[]"), "error: Int cannot represent non-integer value: []");
}

TEST(floats_and_booleans)
{
    CHECK_STR(serialize("Float", "1.25"), "1.25");
    CHECK_STR(serialize("Float", "true"), "1");
    CHECK_STR(serialize("Float", "\"2.5\""), "2.5");
    CHECK_STR(serialize("Float", "\"a\""),
              "error: Float cannot represent non numeric value: \"a\"");
    CHECK_STR(serialize("Boolean", "true"), "true");
    CHECK_STR(serialize("Boolean", "0"), "false");
    CHECK_STR(serialize("Boolean", "3"), "true");
    CHECK_STR(serialize("Boolean", "\"true\""),
              "error: Boolean cannot represent a non boolean value: \"true\"");
}

TEST(other_scalars_pass_through)
{
    CHECK_STR(serialize("_Any", "{\"a\": [1, null]}"), "{\"a\":[1,null]}");
}

TEST(inspect_like_graphql_js)
{
    CHECK_STR(inspect("null"), "null");
    CHECK_STR(inspect("\"x\""), "\"x\"");
    CHECK_STR(inspect("4000000000"), "4000000000");
    CHECK_STR(inspect("1e21"), "1e+21");
    CHECK_STR(inspect("0.000001"), "0.000001");
    CHECK_STR(inspect("1.5e-7"), "1.5e-7");
    CHECK_STR(inspect("-2.5e-8"), "-2.5e-8");
    CHECK_STR(inspect("1e300"), "1e+300");
    CHECK_STR(inspect("123.456"), "123.456");
    CHECK_STR(inspect("-0"), "0");
    CHECK_STR(inspect("[]"), "[]");
    CHECK_STR(inspect("{}"), "{}");
    CHECK_STR(inspect("{\"a\":[1,{\"b\":{\"c\":2}}]}"), "{ a: [1, [Object]] }");
    CHECK_STR(inspect("[[[1]]]"), "[[[Array]]]");
    CHECK_STR(inspect("[1,2,3,4,5,6,7,8,9,10,11]"),
              "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item]");
    CHECK_STR(inspect("[1,2,3,4,5,6,7,8,9,10,11,12]"),
              "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]");
}

TEST(plain_ints)
{
    int64_t n = 0;
    CHECK(bvalue_plain_int(json("-12"), &n) && n == -12);
    CHECK(bvalue_plain_int(json("123456789012345678"), &n) && n == 123456789012345678);
    CHECK(!bvalue_plain_int(json("1234567890123456789"), &n));
    CHECK(!bvalue_plain_int(json("1e3"), &n));
    CHECK(!bvalue_plain_int(json("1.0"), &n));
    CHECK(!bvalue_plain_int(json("\"1\""), &n));
    CHECK(!bvalue_plain_int(NULL, &n));
}

TEST(type_references)
{
    parse_error err;
    sbuf out;
    sbuf_init(&out);
    bvalue_print_type(&out, parse_type(&test_arena, "[ [_Any!] ]!", 12, &err));
    CHECK_STR(out.data, "[[_Any!]]!");
    sbuf_free(&out);
}

TEST_MAIN(arena_init(&test_arena, 0); RUN(strings); RUN(ids); RUN(ints); RUN(floats_and_booleans);
          RUN(other_scalars_pass_through); RUN(inspect_like_graphql_js); RUN(plain_ints);
          RUN(type_references); arena_free(&test_arena))
