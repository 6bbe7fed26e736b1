/* json_test.c: the JSON parser, writer and tree helpers. Accept cases (y_)
 * and reject cases (n_) in the spirit of JSONTestSuite, written here, each
 * with its exact error message and offset. */
#include "json.h"
#include "ftest.h"

#include <math.h>
#include <stdlib.h>

static arena test_arena;

/* Parses text and writes it back compactly; "!<message>" on failure. The
 * result lives in test_arena. */
static const char *reformat_n(const char *text, size_t len, unsigned max_depth)
{
    json_error err;
    json_value *v = json_parse(&test_arena, text, len, max_depth, &err);
    if (!v) return arena_sprintf(&test_arena, "!%s", err.message);
    sbuf out;
    sbuf_init(&out);
    json_write(&out, v);
    char *s = arena_strndup(&test_arena, out.data, out.len);
    sbuf_free(&out);
    return s;
}

static const char *reformat(const char *text)
{
    return reformat_n(text, strlen(text), 0);
}

static const json_value *parse(const char *text)
{
    json_error err;
    return json_parse(&test_arena, text, strlen(text), 0, &err);
}

/* True when both texts parse and the trees are json_equal. */
static bool same(const char *x, const char *y)
{
    const json_value *a = parse(x), *b = parse(y);
    return a && b && json_equal(a, b);
}

/* open^depth inner close^depth, e.g. [[[0]]]. */
static const char *nested(const char *open, const char *inner, const char *close, unsigned depth)
{
    size_t o = strlen(open), n = strlen(inner), c = strlen(close);
    char *s = arena_alloc(&test_arena, depth * (o + c) + n + 1), *p = s;
    for (unsigned i = 0; i < depth; i++, p += o)
        memcpy(p, open, o);
    memcpy(p, inner, n);
    p += n;
    for (unsigned i = 0; i < depth; i++, p += c)
        memcpy(p, close, c);
    *p = '\0';
    return s;
}

TEST(y_literals_and_whitespace)
{
    CHECK_STR(reformat("null"), "null");
    CHECK_STR(reformat("true"), "true");
    CHECK_STR(reformat("false"), "false");
    CHECK_STR(reformat(" \t\r\n null \n"), "null");
    CHECK_STR(reformat("[ true , false , null ]"), "[true,false,null]");
    CHECK_STR(reformat("\"\""), "\"\"");
}

TEST(y_numbers_are_kept_verbatim)
{
    CHECK_STR(reformat("0"), "0");
    CHECK_STR(reformat("-0"), "-0");
    CHECK_STR(reformat("123"), "123");
    CHECK_STR(reformat("-1.50"), "-1.50");
    CHECK_STR(reformat("0.000"), "0.000");
    CHECK_STR(reformat("1e5"), "1e5");
    CHECK_STR(reformat("1E+5"), "1E+5");
    CHECK_STR(reformat("-1.5e-300"), "-1.5e-300");
    CHECK_STR(reformat("1e99999"), "1e99999");
    CHECK_STR(reformat("123456789012345678901234567890123456789"),
              "123456789012345678901234567890123456789");
    CHECK_STR(reformat("[0,-0,0.5,10]"), "[0,-0,0.5,10]");
    const json_value *v = parse("-1.5E+3");
    CHECK(v && v->type == JSON_NUMBER);
    CHECK_INT(v->len, 7);
    CHECK_STR(v->u.str, "-1.5E+3");
}

TEST(y_containers)
{
    CHECK_STR(reformat("[]"), "[]");
    CHECK_STR(reformat("{}"), "{}");
    CHECK_STR(reformat("[ ]"), "[]");
    CHECK_STR(reformat("{ }"), "{}");
    CHECK_STR(reformat("[[],{},[[]]]"), "[[],{},[[]]]");
    CHECK_STR(reformat("{ \"a\" : [1, 2.50, -0, {}], \"b\": {\"c\": null} }"),
              "{\"a\":[1,2.50,-0,{}],\"b\":{\"c\":null}}");
    CHECK_STR(reformat("{\"\":0}"), "{\"\":0}");
    CHECK_STR(reformat("{\"a\":1,\"a\":2}"), "{\"a\":1,\"a\":2}");
}

TEST(y_objects_keep_text_order)
{
    const json_value *v = parse("{\"z\":1,\"a\":2,\"m\":[3]}");
    CHECK(v && v->type == JSON_OBJECT);
    CHECK_INT(v->len, 3);
    CHECK_STR(v->u.members[0].key, "z");
    CHECK_STR(v->u.members[1].key, "a");
    CHECK_STR(v->u.members[2].key, "m");
    CHECK_INT(v->u.members[2].key_len, 1);
    CHECK(v->u.members[2].value.type == JSON_ARRAY);
    CHECK_INT(v->u.members[2].value.len, 1);
    CHECK_STR(v->u.members[2].value.u.items[0].u.str, "3");
}

TEST(y_large_containers_outgrow_scratch)
{
    sbuf in;
    sbuf_init(&in);
    sbuf_putc(&in, '[');
    for (int i = 0; i < 5000; i++)
        sbuf_printf(&in, "%s{\"k%d\":[%d]}", i ? "," : "", i, i);
    sbuf_putc(&in, ']');
    CHECK_STR(reformat(in.data), in.data);
    const json_value *v = parse(in.data);
    CHECK(v && v->len == 5000);
    CHECK_STR(json_get(&v->u.items[4999], "k4999")->u.items[0].u.str, "4999");
    sbuf_free(&in);
}

TEST(y_string_escapes_decode)
{
    const json_value *v = parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20AC\"");
    CHECK(v && v->type == JSON_STRING);
    CHECK_STR(v->u.str, "a\"\\/\b\f\n\r\tA\xc3\xa9\xe2\x82\xac");
    CHECK_INT(v->len, 15);
    v = parse("\"\\uD83D\\uDE00\"");
    CHECK(v && v->len == 4);
    CHECK_STR(v->u.str, "\xf0\x9f\x98\x80");
    v = parse("\"\\udbff\\udfff\"");
    CHECK_STR(v->u.str, "\xf4\x8f\xbf\xbf");
    v = parse("\"x\\u0000y\"");
    CHECK(v && v->len == 3 && v->u.str[1] == '\0' && v->u.str[2] == 'y');
    v = parse("{\"k\\u0041\":1}");
    CHECK_STR(v->u.members[0].key, "kA");
    CHECK_INT(v->u.members[0].key_len, 2);
}

TEST(y_utf8_and_invalid_bytes_pass_through)
{
    CHECK_STR(reformat("\"caf\xc3\xa9 \xe2\x82\xac\""), "\"caf\xc3\xa9 \xe2\x82\xac\"");
    CHECK_STR(reformat("\"\xff\xfe\x80\""), "\"\xff\xfe\x80\"");
    CHECK_STR(reformat("\"\x7f\""), "\"\x7f\"");
}

TEST(writer_escapes_strings)
{
    CHECK_STR(reformat("\"\\u0001\\u001f\\n\\\"\\\\\\/\""), "\"\\u0001\\u001f\\n\\\"\\\\/\"");
    CHECK_STR(reformat("\"\\u0000\""), "\"\\u0000\"");
    CHECK_STR(reformat("{\"a\\nb\":\"\\t\"}"), "{\"a\\nb\":\"\\t\"}");
}

TEST(n_empty_and_truncated)
{
    CHECK_STR(reformat(""), "!Unexpected end of input at offset 0");
    CHECK_STR(reformat("   "), "!Unexpected end of input at offset 3");
    CHECK_STR(reformat("["), "!Unexpected end of input at offset 1");
    CHECK_STR(reformat("[1"), "!Unexpected end of input at offset 2");
    CHECK_STR(reformat("[1,"), "!Unexpected end of input at offset 3");
    CHECK_STR(reformat("{"), "!Unexpected end of input at offset 1");
    CHECK_STR(reformat("{\"a\""), "!Unexpected end of input at offset 4");
    CHECK_STR(reformat("{\"a\":"), "!Unexpected end of input at offset 5");
    CHECK_STR(reformat("{\"a\":1"), "!Unexpected end of input at offset 6");
    CHECK_STR(reformat("{\"a\":1,"), "!Unexpected end of input at offset 7");
}

TEST(n_structure)
{
    CHECK_STR(reformat("[1 2]"), "!Unexpected character '2' at offset 3");
    CHECK_STR(reformat("[1,,2]"), "!Unexpected character ',' at offset 3");
    CHECK_STR(reformat("[,1]"), "!Unexpected character ',' at offset 1");
    CHECK_STR(reformat("[1}"), "!Unexpected character '}' at offset 2");
    CHECK_STR(reformat("{\"a\":1]"), "!Unexpected character ']' at offset 6");
    CHECK_STR(reformat("]"), "!Unexpected character ']' at offset 0");
    CHECK_STR(reformat("{a:1}"), "!Expected a string key at offset 1");
    CHECK_STR(reformat("{1:1}"), "!Expected a string key at offset 1");
    CHECK_STR(reformat("{\"a\":1,,}"), "!Expected a string key at offset 7");
    CHECK_STR(reformat("{\"a\" 1}"), "!Expected ':' after object key at offset 5");
    CHECK_STR(reformat("{\"a\"=1}"), "!Expected ':' after object key at offset 4");
    CHECK_STR(reformat("{\"a\":1 \"b\":2}"), "!Unexpected character '\"' at offset 7");
    CHECK_STR(reformat("['a']"), "!Unexpected character ''' at offset 1");
    CHECK_STR(reformat("[\x01]"), "!Unexpected byte 0x01 at offset 1");
    CHECK_STR(reformat("\xef\xbb\xbf[]"), "!Unexpected byte 0xef at offset 0");
}

TEST(n_trailing_commas)
{
    CHECK_STR(reformat("[1,]"), "!Trailing comma before ']' at offset 3");
    CHECK_STR(reformat("[1, ]"), "!Trailing comma before ']' at offset 4");
    CHECK_STR(reformat("{\"a\":1,}"), "!Trailing comma before '}' at offset 7");
    CHECK_STR(reformat("[1,}"), "!Trailing comma before '}' at offset 3");
}

TEST(n_trailing_data)
{
    CHECK_STR(reformat("[1] x"), "!Unexpected character 'x' at offset 4");
    CHECK_STR(reformat("1 2"), "!Unexpected character '2' at offset 2");
    CHECK_STR(reformat("{}{}"), "!Unexpected character '{' at offset 2");
    CHECK_STR(reformat("\"a\"\"b\""), "!Unexpected character '\"' at offset 3");
    CHECK_STR(reformat_n("1\0", 2, 0), "!Unexpected byte 0x00 at offset 1");
    CHECK_STR(reformat("null,"), "!Unexpected character ',' at offset 4");
}

TEST(n_numbers)
{
    CHECK_STR(reformat("01"), "!Leading zero in number at offset 0");
    CHECK_STR(reformat("-01"), "!Leading zero in number at offset 0");
    CHECK_STR(reformat("[00]"), "!Leading zero in number at offset 1");
    CHECK_STR(reformat("1."), "!Invalid number at offset 0");
    CHECK_STR(reformat("1.e5"), "!Invalid number at offset 0");
    CHECK_STR(reformat("1e"), "!Invalid number at offset 0");
    CHECK_STR(reformat("1e+"), "!Invalid number at offset 0");
    CHECK_STR(reformat("[2E-]"), "!Invalid number at offset 1");
    CHECK_STR(reformat("-"), "!Invalid number at offset 0");
    CHECK_STR(reformat("-a"), "!Invalid number at offset 0");
    CHECK_STR(reformat("-Infinity"), "!Invalid number at offset 0");
    CHECK_STR(reformat(".5"), "!Unexpected character '.' at offset 0");
    CHECK_STR(reformat("+1"), "!Unexpected character '+' at offset 0");
    CHECK_STR(reformat("0x10"), "!Unexpected character 'x' at offset 1");
    CHECK_STR(reformat("1.5.2"), "!Unexpected character '.' at offset 3");
    CHECK_STR(reformat("NaN"), "!Unexpected character 'N' at offset 0");
    CHECK_STR(reformat("Infinity"), "!Unexpected character 'I' at offset 0");
}

TEST(n_literals)
{
    CHECK_STR(reformat("tru"), "!Invalid literal at offset 0");
    CHECK_STR(reformat("[nul]"), "!Invalid literal at offset 1");
    CHECK_STR(reformat("fals"), "!Invalid literal at offset 0");
    CHECK_STR(reformat("True"), "!Unexpected character 'T' at offset 0");
    CHECK_STR(reformat("falsey"), "!Unexpected character 'y' at offset 5");
    CHECK_STR(reformat("nulll"), "!Unexpected character 'l' at offset 4");
}

TEST(n_strings)
{
    CHECK_STR(reformat("\"abc"), "!Unterminated string at offset 0");
    CHECK_STR(reformat("[\"abc\\"), "!Unterminated string at offset 1");
    CHECK_STR(reformat("\"abc\\\""), "!Unterminated string at offset 0");
    CHECK_STR(reformat("\"a\nb\""), "!Control character 0x0a in string at offset 2");
    CHECK_STR(reformat("\"\t\""), "!Control character 0x09 in string at offset 1");
    CHECK_STR(reformat("\"a\\nb\x1f\""), "!Control character 0x1f in string at offset 5");
    CHECK_STR(reformat("\"\\x\""), "!Invalid escape '\\x' at offset 1");
    CHECK_STR(reformat("\"ab\\'\""), "!Invalid escape '\\'' at offset 3");
    CHECK_STR(reformat("\"\\\x01\""), "!Invalid escape byte 0x01 at offset 1");
    CHECK_STR(reformat("\"\\U0041\""), "!Invalid escape '\\U' at offset 1");
    CHECK_STR(reformat("{\"a\\q\":1}"), "!Invalid escape '\\q' at offset 3");
}

TEST(n_unicode_escapes)
{
    CHECK_STR(reformat("\"\\u12\""), "!Invalid \\u escape at offset 1");
    CHECK_STR(reformat("\"\\u12G4\""), "!Invalid \\u escape at offset 1");
    CHECK_STR(reformat("\"\\u\""), "!Invalid \\u escape at offset 1");
    CHECK_STR(reformat("\"x\\uD800\""), "!Lone surrogate \\uD800 in string at offset 2");
    CHECK_STR(reformat("\"\\udc00\""), "!Lone surrogate \\uDC00 in string at offset 1");
    CHECK_STR(reformat("\"\\uD800\\u0041\""), "!Lone surrogate \\uD800 in string at offset 1");
    CHECK_STR(reformat("\"\\uD800\\uD800\""), "!Lone surrogate \\uD800 in string at offset 1");
    CHECK_STR(reformat("\"\\uD800\\n\""), "!Lone surrogate \\uD800 in string at offset 1");
    CHECK_STR(reformat("\"\\uDBFFx\""), "!Lone surrogate \\uDBFF in string at offset 1");
    CHECK_STR(reformat("\"\\uD800\\uDC0\""), "!Lone surrogate \\uD800 in string at offset 1");
}

TEST(depth_limit_default)
{
    const char *arrays = nested("[", "", "]", JSON_DEFAULT_MAX_DEPTH);
    CHECK_STR(reformat(arrays), arrays);
    CHECK_STR(reformat(nested("[", "", "]", JSON_DEFAULT_MAX_DEPTH + 1)),
              "!Maximum nesting depth 512 exceeded at offset 512");
    const char *objects = nested("{\"a\":", "{}", "}", JSON_DEFAULT_MAX_DEPTH - 1);
    CHECK_STR(reformat(objects), objects);
    CHECK_STR(reformat(nested("{\"a\":", "{}", "}", JSON_DEFAULT_MAX_DEPTH)),
              "!Maximum nesting depth 512 exceeded at offset 2560");
}

TEST(depth_limit_custom)
{
    CHECK_STR(reformat_n("[[[]]]", 6, 3), "[[[]]]");
    CHECK_STR(reformat_n("[[[[]]]]", 8, 3), "!Maximum nesting depth 3 exceeded at offset 3");
    CHECK_STR(reformat_n("[{\"a\":{}}]", 10, 3), "[{\"a\":{}}]");
    CHECK_STR(reformat_n("[{\"a\":{\"b\":[]}}]", 16, 3),
              "!Maximum nesting depth 3 exceeded at offset 11");
    CHECK_STR(reformat_n("1", 1, 1), "1");
    CHECK_STR(reformat_n("[]", 2, 1), "[]");
    CHECK_STR(reformat_n("[[]]", 4, 1), "!Maximum nesting depth 1 exceeded at offset 1");
}

/* Far deeper than any C stack would allow with recursion: the parser, the
 * writer and json_equal all walk with heap stacks. */
TEST(very_deep_documents_use_no_recursion)
{
    unsigned depth = 200000;
    const char *text = nested("[{\"k\":", "0", "}]", depth);
    json_error err;
    size_t len = strlen(text);
    json_value *a = json_parse(&test_arena, text, len, 2 * depth, &err);
    json_value *b = json_parse(&test_arena, text, len, 2 * depth, &err);
    CHECK(a && b);
    if (!a || !b) return;
    CHECK(json_equal(a, b));
    sbuf out;
    sbuf_init(&out);
    json_write(&out, a);
    CHECK_STR(out.data, text);
    sbuf_free(&out);
}

TEST(text_over_4gib_is_refused_before_reading)
{
    if (SIZE_MAX <= UINT32_MAX) return;
    json_error err;
    const char tiny[] = "1";
    CHECK(json_parse(&test_arena, tiny, (size_t)UINT32_MAX + 1, 0, &err) == NULL);
    CHECK_STR(err.message, "Text longer than 4 GiB at offset 0");
}

TEST(null_text_is_empty_input)
{
    json_error err;
    CHECK(json_parse(&test_arena, NULL, 0, 0, &err) == NULL);
    CHECK_STR(err.message, "Unexpected end of input at offset 0");
}

TEST(whitespace_between_every_token)
{
    CHECK_STR(reformat(" {\r\n\t\"a\" \t:\n [ 1 ,\t2 ] ,\"b\"\r:{ } } "), "{\"a\":[1,2],\"b\":{}}");
    CHECK_STR(reformat("[\f1]"), "!Unexpected byte 0x0c at offset 1");
    CHECK_STR(reformat("[1\v]"), "!Unexpected byte 0x0b at offset 2");
}

TEST(error_offset_field)
{
    json_error err;
    CHECK(json_parse(&test_arena, "[1,  x]", 7, 0, &err) == NULL);
    CHECK_INT(err.offset, 5);
    CHECK(json_parse(&test_arena, "[1]", 3, 0, &err) != NULL);
    CHECK_STR(err.message, "");
}

TEST(get_and_getn)
{
    const json_value *v = parse("{\"a\":1,\"b\":{\"c\":true},\"a\":2,\"n\\u0000ul\":3}");
    CHECK_STR(json_get(v, "a")->u.str, "1");
    CHECK(json_get(json_get(v, "b"), "c")->type == JSON_TRUE);
    CHECK(json_get(v, "c") == NULL);
    CHECK(json_get(v, "") == NULL);
    CHECK(json_getn(v, "bx", 1)->type == JSON_OBJECT);
    CHECK_STR(json_getn(v, "n\0ul", 4)->u.str, "3");
    CHECK(json_get(v, "n") == NULL);
    CHECK(json_get(parse("[1]"), "a") == NULL);
    CHECK(json_get(parse("\"a\""), "a") == NULL);
    CHECK(json_get(NULL, "a") == NULL);
}

static bool as_int(const char *text, int64_t want)
{
    int64_t got = 12345;
    return json_as_int64(parse(text), &got) && got == want;
}

static bool not_int(const char *text)
{
    int64_t got = 12345;
    return !json_as_int64(parse(text), &got) && got == 12345;
}

TEST(as_int64_accepts_integral_values)
{
    CHECK(as_int("0", 0));
    CHECK(as_int("-0", 0));
    CHECK(as_int("0.000e5", 0));
    CHECK(as_int("42", 42));
    CHECK(as_int("-42", -42));
    CHECK(as_int("1.0", 1));
    CHECK(as_int("1e2", 100));
    CHECK(as_int("1.5e1", 15));
    CHECK(as_int("100e-2", 1));
    CHECK(as_int("0.1e1", 1));
    CHECK(as_int("9223372036854775807", INT64_MAX));
    CHECK(as_int("-9223372036854775808", INT64_MIN));
    CHECK(as_int("9.223372036854775807e18", INT64_MAX));
    CHECK(as_int("1000000000000000000", 1000000000000000000LL));
}

TEST(as_int64_rejects_the_rest)
{
    CHECK(not_int("1.5"));
    CHECK(not_int("0.1"));
    CHECK(not_int("1e-1"));
    CHECK(not_int("9223372036854775808"));
    CHECK(not_int("-9223372036854775809"));
    CHECK(not_int("1e19"));
    CHECK(not_int("1e20"));
    CHECK(not_int("1e999999999999999999999999"));
    CHECK(not_int("1e-999999999999999999999999"));
    CHECK(not_int("\"5\""));
    CHECK(not_int("null"));
    CHECK(not_int("[1]"));
    int64_t got;
    CHECK(!json_as_int64(NULL, &got));
    json_value bogus = {.type = JSON_NUMBER, .len = 3, .u.str = "1x2"};
    CHECK(!json_as_int64(&bogus, &got));
}

TEST(as_double)
{
    CHECK(json_as_double(parse("1.5")) == 1.5);
    CHECK(json_as_double(parse("-2e3")) == -2000.0);
    CHECK(json_as_double(parse("0")) == 0.0);
    CHECK(isinf(json_as_double(parse("1e999"))));
    CHECK(isnan(json_as_double(parse("\"1\""))));
    CHECK(isnan(json_as_double(NULL)));
}

TEST(new_string)
{
    json_value *s = json_new_string(&test_arena, "a\"b\nc\0d", 7);
    CHECK(s->type == JSON_STRING);
    CHECK_INT(s->len, 7);
    CHECK(s->u.str[7] == '\0' && s->u.str[5] == '\0');
    sbuf out;
    sbuf_init(&out);
    json_write(&out, s);
    CHECK_STR(out.data, "\"a\\\"b\\nc\\u0000d\"");
    CHECK(json_equal(s, parse(out.data)));
    sbuf_free(&out);
}

TEST(write_tree_built_in_code)
{
    json_value items[3] = {
        {.type = JSON_NUMBER, .len = 2, .u.str = "-7"},
        {.type = JSON_NULL},
        {.type = JSON_ARRAY, .len = 0},
    };
    json_member members[2] = {
        {.key = "list", .key_len = 4, .value = {.type = JSON_ARRAY, .len = 3, .u.items = items}},
        {.key = "ok", .key_len = 2, .value = {.type = JSON_TRUE}},
    };
    json_value root = {.type = JSON_OBJECT, .len = 2, .u.members = members};
    sbuf out;
    sbuf_init(&out);
    sbuf_puts(&out, ">");
    json_write(&out, &root);
    CHECK_STR(out.data, ">{\"list\":[-7,null,[]],\"ok\":true}");
    sbuf_free(&out);
}

TEST(equal_scalars_and_numbers)
{
    CHECK(same("null", "null"));
    CHECK(same("true", " true "));
    CHECK(!same("true", "false"));
    CHECK(!same("null", "false"));
    CHECK(same("\"a\"", "\"\\u0061\""));
    CHECK(!same("\"a\"", "\"A\""));
    CHECK(!same("\"a\\u0000b\"", "\"a\\u0000c\""));
    CHECK(!same("\"a\"", "\"a\\u0000\""));
    CHECK(same("1", "1.0"));
    CHECK(same("1", "1e0"));
    CHECK(same("1", "10e-1"));
    CHECK(same("1", "0.01E2"));
    CHECK(same("120", "1.2e2"));
    CHECK(same("0", "-0"));
    CHECK(same("0", "0.0e7"));
    CHECK(same("-1.5", "-15e-1"));
    CHECK(!same("1", "2"));
    CHECK(!same("1", "-1"));
    CHECK(!same("1", "10"));
    CHECK(!same("0.1", "0.01"));
    CHECK(!same("1.5", "1.05"));
    CHECK(!same("0", "1e-400"));
    CHECK(!same("12345678901234567890", "12345678901234567891"));
    CHECK(same("12345678901234567890", "1234567890123456789e1"));
    CHECK(!same("1", "\"1\""));
    CHECK(!same("0", "false"));
}

TEST(equal_containers)
{
    CHECK(same("[1,[2,{}]]", "[1, [2, {}]]"));
    CHECK(!same("[1,2]", "[2,1]"));
    CHECK(!same("[1,2]", "[1,2,3]"));
    CHECK(!same("[]", "{}"));
    CHECK(same("{\"a\":1,\"b\":[true]}", "{\"b\":[true],\"a\":1.0}"));
    CHECK(!same("{\"a\":1,\"b\":2}", "{\"a\":1,\"c\":2}"));
    CHECK(!same("{\"a\":1}", "{\"a\":1,\"b\":2}"));
    CHECK(!same("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":3}"));
    CHECK(same("{\"x\":{\"p\":1,\"q\":2}}", "{\"x\":{\"q\":2,\"p\":1}}"));
    CHECK(!same("{\"x\":{\"p\":1,\"q\":2}}", "{\"x\":{\"q\":1,\"p\":2}}"));
}

TEST(equal_duplicate_keys_match_by_occurrence)
{
    CHECK(same("{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2}"));
    CHECK(!same("{\"a\":1,\"a\":2}", "{\"a\":2,\"a\":1}"));
    CHECK(same("{\"b\":0,\"a\":1,\"a\":2}", "{\"a\":1,\"b\":0,\"a\":2}"));
    CHECK(!same("{\"b\":0,\"a\":1,\"a\":2}", "{\"a\":2,\"b\":0,\"a\":1}"));
    CHECK(!same("{\"a\":1,\"a\":1}", "{\"a\":1,\"b\":1}"));
}

/* Trees built in code may hold number literals that are not JSON: they are
 * never integers and equal only to the very same text. */
TEST(code_built_numbers_that_are_not_json)
{
    const char *bad[] = {"", "-", "1e", "1e+", "1.", ".5", "1x", "1.5e3x", "+1", "1ee2"};
    const json_value *one = parse("1");
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        json_value v = {.type = JSON_NUMBER, .len = (uint32_t)strlen(bad[i]), .u.str = bad[i]};
        json_value same_text = v;
        int64_t got = 7;
        CHECK(!json_as_int64(&v, &got) && got == 7);
        CHECK(!json_equal(&v, one));
        CHECK(!json_equal(one, &v));
        CHECK(json_equal(&v, &same_text));
    }
}

TEST(equal_null_arguments)
{
    const json_value *v = parse("1");
    CHECK(json_equal(NULL, NULL));
    CHECK(!json_equal(v, NULL));
    CHECK(!json_equal(NULL, v));
    CHECK(json_equal(v, v));
}

TEST_MAIN({
    arena_init(&test_arena, 0);
    RUN(y_literals_and_whitespace);
    RUN(y_numbers_are_kept_verbatim);
    RUN(y_containers);
    RUN(y_objects_keep_text_order);
    RUN(y_large_containers_outgrow_scratch);
    RUN(y_string_escapes_decode);
    RUN(y_utf8_and_invalid_bytes_pass_through);
    RUN(writer_escapes_strings);
    RUN(n_empty_and_truncated);
    RUN(n_structure);
    RUN(n_trailing_commas);
    RUN(n_trailing_data);
    RUN(n_numbers);
    RUN(n_literals);
    RUN(n_strings);
    RUN(n_unicode_escapes);
    RUN(depth_limit_default);
    RUN(depth_limit_custom);
    RUN(very_deep_documents_use_no_recursion);
    RUN(text_over_4gib_is_refused_before_reading);
    RUN(null_text_is_empty_input);
    RUN(whitespace_between_every_token);
    RUN(error_offset_field);
    RUN(get_and_getn);
    RUN(as_int64_accepts_integral_values);
    RUN(as_int64_rejects_the_rest);
    RUN(as_double);
    RUN(new_string);
    RUN(write_tree_built_in_code);
    RUN(equal_scalars_and_numbers);
    RUN(equal_containers);
    RUN(equal_duplicate_keys_match_by_occurrence);
    RUN(code_built_numbers_that_are_not_json);
    RUN(equal_null_arguments);
    arena_free(&test_arena);
})
