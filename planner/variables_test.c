/* variables_test.c: variable coercion, messages as graphql-js 16's
 * getVariableValues() words them. */
#include "variables.h"
#include "ftest.h"
#include "parser.h"

static const char sdl[] = "enum Color { RED GREEN }\n"
                          "input In { name: String! tags: [String] color: Color = RED n: Int }\n"
                          "type Query { f(a: Int): Int }";
static const char op[] = "query($i: Int, $r: ID!, $in: In, $l: [Int!], $c: Color, $f: Float = 1.5,"
                         " $b: Boolean, $s: String) { f }";

/* Coerces `vars` (JSON text); returns the coerced object as JSON text, or the
 * first error message. */
static const char *run(arena *a, const char *vars)
{
    diag_list errs;
    diag_init(&errs, a);
    schema *s = schema_from_sdl(a, sdl, sizeof sdl - 1, &errs);
    parse_error perr;
    ast_document *doc = parse_document(a, op, sizeof op - 1, NULL, &perr);
    if (!s || !doc) return "setup failed";
    json_error jerr;
    const json_value *given = vars ? json_parse(a, vars, strlen(vars), 0, &jerr) : NULL;
    json_value *out = vars_coerce(a, s, doc->definitions->variables, given, &errs);
    if (!out) return errs.first->message;
    sbuf b;
    sbuf_init(&b);
    json_write(&b, out);
    char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

#define EXPECT(vars, want)                                                                        \
    do {                                                                                          \
        arena a;                                                                                  \
        arena_init(&a, 0);                                                                        \
        CHECK_STR(run(&a, vars), want);                                                           \
        arena_free(&a);                                                                           \
    } while (0)

TEST(defaults_applied_and_values_kept)
{
    EXPECT("{\"r\": \"x\"}", "{\"r\":\"x\",\"f\":1.5}");
    EXPECT("{\"r\": 7, \"i\": 3, \"b\": true, \"s\": \"hi\", \"c\": \"GREEN\"}",
           "{\"i\":3,\"r\":\"7\",\"c\":\"GREEN\",\"f\":1.5,\"b\":true,\"s\":\"hi\"}");
    EXPECT("{\"r\": \"x\", \"i\": 4.0}", "{\"i\":4,\"r\":\"x\",\"f\":1.5}");
    EXPECT("{\"r\": \"x\", \"i\": null}", "{\"i\":null,\"r\":\"x\",\"f\":1.5}");
}

TEST(input_objects_and_lists)
{
    EXPECT("{\"r\": \"x\", \"in\": {\"name\": \"a\", \"tags\": \"t\"}}",
           "{\"r\":\"x\",\"in\":{\"name\":\"a\",\"tags\":[\"t\"],\"color\":\"RED\"},\"f\":1.5}");
    EXPECT("{\"r\": \"x\", \"l\": 3}", "{\"r\":\"x\",\"l\":[3],\"f\":1.5}");
    EXPECT("{\"r\": \"x\", \"l\": [1, 2]}", "{\"r\":\"x\",\"l\":[1,2],\"f\":1.5}");
}

TEST(required_and_null)
{
    EXPECT("{}", "Variable \"$r\" of required type \"ID!\" was not provided.");
    EXPECT(NULL, "Variable \"$r\" of required type \"ID!\" was not provided.");
    EXPECT("{\"r\": null}", "Variable \"$r\" of non-null type \"ID!\" must not be null.");
}

TEST(scalar_errors)
{
    EXPECT("{\"r\": \"x\", \"i\": 1.5}",
           "Variable \"$i\" got invalid value 1.5; Int cannot represent non-integer value: 1.5");
    EXPECT("{\"r\": \"x\", \"i\": 3000000000}",
           "Variable \"$i\" got invalid value 3000000000; Int cannot represent non 32-bit signed "
           "integer value: 3000000000");
    EXPECT("{\"r\": true}", "Variable \"$r\" got invalid value true; ID cannot represent value: true");
    EXPECT("{\"r\": \"x\", \"b\": 1}",
           "Variable \"$b\" got invalid value 1; Boolean cannot represent a non boolean value: 1");
    EXPECT("{\"r\": \"x\", \"s\": 2}",
           "Variable \"$s\" got invalid value 2; String cannot represent a non string value: 2");
    EXPECT("{\"r\": \"x\", \"f\": \"z\"}",
           "Variable \"$f\" got invalid value \"z\"; Float cannot represent non numeric value: \"z\"");
}

TEST(enum_errors)
{
    EXPECT("{\"r\": \"x\", \"c\": \"BLUE\"}",
           "Variable \"$c\" got invalid value \"BLUE\"; Value \"BLUE\" does not exist in \"Color\" "
           "enum.");
    EXPECT("{\"r\": \"x\", \"c\": 1}",
           "Variable \"$c\" got invalid value 1; Enum \"Color\" cannot represent non-string value: 1.");
}

TEST(nested_errors_name_the_path)
{
    EXPECT("{\"r\": \"x\", \"in\": {\"tags\": \"a\"}}",
           "Variable \"$in\" got invalid value { tags: \"a\" }; Field \"name\" of required type "
           "\"String!\" was not provided.");
    EXPECT("{\"r\": \"x\", \"in\": {\"name\": 1}}",
           "Variable \"$in\" got invalid value 1 at \"in.name\"; String cannot represent a non "
           "string value: 1");
    EXPECT("{\"r\": \"x\", \"in\": {\"name\": \"a\", \"foo\": 1}}",
           "Variable \"$in\" got invalid value { name: \"a\", foo: 1 }; Field \"foo\" is not defined "
           "by type \"In\".");
    EXPECT("{\"r\": \"x\", \"l\": [1, \"a\"]}",
           "Variable \"$l\" got invalid value \"a\" at \"l[1]\"; Int cannot represent non-integer "
           "value: \"a\"");
    EXPECT("{\"r\": \"x\", \"in\": 5}",
           "Variable \"$in\" got invalid value 5; Expected type \"In\" to be an object.");
    EXPECT("{\"r\": \"x\", \"l\": [1, null]}",
           "Variable \"$l\" got invalid value null at \"l[1]\"; Expected non-nullable type \"Int!\" "
           "not to be null.");
}

TEST_MAIN(RUN(defaults_applied_and_values_kept); RUN(input_objects_and_lists); RUN(required_and_null);
          RUN(scalar_errors); RUN(enum_errors); RUN(nested_errors_name_the_path);)
