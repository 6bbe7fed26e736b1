/* parser_test.c: the parser (parser.h): every construct of the October 2021
 * grammar accepted into the right tree, every syntax error rejected with
 * graphql-js 16's exact message and line:column, and the depth and token
 * limits. The error tables were checked against graphql-js 16.15. */
#include "ftest.h"
#include "parser.h"

#include <stdlib.h>

typedef struct error_case {
    const char *src;
    const char *message;
    unsigned line, column;
} error_case;

/* Documents that graphql-js rejects, with its message and location. */
static const error_case document_errors[] = {
    {"\"desc\" { a }",
     "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.",
     1, 1},
    {"\"desc\" extend type A @d",
     "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1},
    {"query ($v: Int = $w) { a }", "Syntax Error: Unexpected variable \"$w\" in constant value.", 1,
     18},
    {"query ($v: Int = [$w]) { a }", "Syntax Error: Unexpected variable \"$w\" in constant value.",
     1, 19},
    {"query ($v: Int = $) { a }", "Syntax Error: Unexpected \"$\".", 1, 18},
    {"query ($v: Int = 1 2) { a }", "Syntax Error: Expected \"$\", found Int \"2\".", 1, 20},
    {"{ a(x: $) }", "Syntax Error: Expected Name, found \")\".", 1, 9},
    {"{ a(x: ) }", "Syntax Error: Unexpected \")\".", 1, 8},
    {"{ a( ) }", "Syntax Error: Expected Name, found \")\".", 1, 6},
    {"{ a() }", "Syntax Error: Expected Name, found \")\".", 1, 5},
    {"query () { a }", "Syntax Error: Expected \"$\", found \")\".", 1, 8},
    {"query Q { }", "Syntax Error: Expected Name, found \"}\".", 1, 11},
    {"{}", "Syntax Error: Expected Name, found \"}\".", 1, 2},
    {"", "Syntax Error: Unexpected <EOF>.", 1, 1},
    {"{ a } }", "Syntax Error: Unexpected \"}\".", 1, 7},
    {"{ a", "Syntax Error: Expected Name, found <EOF>.", 1, 4},
    {"{ a(x: \"abc", "Syntax Error: Unterminated string.", 1, 12},
    {"{ a(x: \"abc\") ", "Syntax Error: Expected Name, found <EOF>.", 1, 15},
    {"{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9},
    {"{ ...on T }", "Syntax Error: Expected \"{\", found \"}\".", 1, 11},
    {"{ ... on T }", "Syntax Error: Expected \"{\", found \"}\".", 1, 12},
    {"fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10},
    {"fragment F T { a }", "Syntax Error: Expected \"on\", found Name \"T\".", 1, 12},
    {"fragment F on T", "Syntax Error: Expected \"{\", found <EOF>.", 1, 16},
    {"fragment F on T {}", "Syntax Error: Expected Name, found \"}\".", 1, 18},
    {"query Q($x) { a }", "Syntax Error: Expected \":\", found \")\".", 1, 11},
    {"query Q(x: Int) { a }", "Syntax Error: Expected \"$\", found Name \"x\".", 1, 9},
    {"query Q($x: [Int) { a }", "Syntax Error: Expected \"]\", found \")\".", 1, 17},
    {"query Q($x: Int!!) { a }", "Syntax Error: Expected \"$\", found \"!\".", 1, 17},
    {"notakeyword { a }", "Syntax Error: Unexpected Name \"notakeyword\".", 1, 1},
    {"Query { a }", "Syntax Error: Unexpected Name \"Query\".", 1, 1},
    {"{ a(x: 00) }", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 9},
    {"{ a(x: 01) }", "Syntax Error: Invalid number, unexpected digit after 0: \"1\".", 1, 9},
    {"{ a(x: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10},
    {"{ a(x: .5) }", "Syntax Error: Unexpected character: \".\".", 1, 8},
    {"{ a(x: 1e) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10},
    {"{ a(x: 1e+) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 11},
    {"{ a(x: 0x1) }", "Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 9},
    {"{ a(x: 1a) }", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 9},
    {"{ a(x: 1.2.3) }", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 11},
    {"{ a(x: -) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 9},
    {"{ a(x: --1) }", "Syntax Error: Invalid number, expected digit but got: \"-\".", 1, 9},
    {"{ a(x: 1_000) }", "Syntax Error: Invalid number, expected digit but got: \"_\".", 1, 9},
    {"{ a(x: 1.5e3e) }", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 13},
    {"{ a(x: \"\\u{}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".", 1, 9},
    {"{ a(x: \"\\u{110000}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".",
     1, 9},
    {"{ a(x: \"\\u{D800}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".", 1,
     9},
    {"{ a(x: \"\\u{0000000041}\") }",
     "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000004\".", 1, 9},
    {"{ a(x: \"\\u{FFFFFFFFF}\") }",
     "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".", 1, 9},
    {"{ a(x: \"\\u{41\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{41\"\".", 1, 9},
    {"{ a(x: \"\\uD83D\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 9},
    {"{ a(x: \"\\uD83Dx\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".", 1, 9},
    {"{ a(x: \"\\uDE00\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\".", 1, 9},
    {"{ a(x: \"\\uZZZZ\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\uZZZZ\".", 1, 9},
    {"{ a(x: \"\\u12\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u12\")\".", 1, 9},
    {"{ a(x: \"\\u12\"34\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u12\"3\".", 1,
     9},
    {"{ a(x: \"\\x\") }", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 9},
    {"{ a(x: \"\\\") }", "Syntax Error: Unterminated string.", 1, 14},
    {"{ a(x: \"\"\" multi", "Syntax Error: Unterminated string.", 1, 17},
    {"  line", "Syntax Error: Unexpected Name \"line\".", 1, 3},
    {"    text", "Syntax Error: Unexpected Name \"text\".", 1, 5},
    {"\"\"\") }", "Syntax Error: Unterminated string.", 1, 7},
    {"{ a(x: \"\"\"unterminated) }", "Syntax Error: Unterminated string.", 1, 26},
    {"{ a(x: '') }",
     "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote "
     "(\")?",
     1, 8},
    {"{ a(x: ?) }", "Syntax Error: Unexpected character: \"?\".", 1, 8},
    {"{ a ~ }", "Syntax Error: Unexpected character: \"~\".", 1, 5},
    {"{ a(x: @) }", "Syntax Error: Unexpected \"@\".", 1, 8},
    {"type A implements B, C { a: Int }", "Syntax Error: Unexpected Name \"C\".", 1, 22},
    {"type A implements B C { a: Int }", "Syntax Error: Unexpected Name \"C\".", 1, 21},
    {"type A implements { a: Int }", "Syntax Error: Expected Name, found \"{\".", 1, 19},
    {"type A {}", "Syntax Error: Expected Name, found \"}\".", 1, 9},
    {"type A { a(x: Int = $v): Int }",
     "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 21},
    {"type A { a: }", "Syntax Error: Expected Name, found \"}\".", 1, 13},
    {"type A { a(): Int }", "Syntax Error: Expected Name, found \")\".", 1, 12},
    {"union U = A | ", "Syntax Error: Expected Name, found <EOF>.", 1, 15},
    {"union U =", "Syntax Error: Expected Name, found <EOF>.", 1, 10},
    {"enum E { true }",
     "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10},
    {"enum E { null }",
     "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 10},
    {"enum E { false }",
     "Syntax Error: Name \"false\" is reserved and cannot be used for an enum value.", 1, 10},
    {"enum E {}", "Syntax Error: Expected Name, found \"}\".", 1, 9},
    {"input I { a(x: Int): Int }", "Syntax Error: Expected \":\", found \"(\".", 1, 12},
    {"input I {}", "Syntax Error: Expected Name, found \"}\".", 1, 10},
    {"schema @d", "Syntax Error: Expected \"{\", found <EOF>.", 1, 10},
    {"schema { }", "Syntax Error: Expected Name, found \"}\".", 1, 10},
    {"schema { foo: Q }", "Syntax Error: Unexpected Name \"foo\".", 1, 10},
    {"schema { query Q }", "Syntax Error: Expected \":\", found Name \"Q\".", 1, 16},
    {"directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\".", 1, 17},
    {"directive @d on", "Syntax Error: Expected Name, found <EOF>.", 1, 16},
    {"directive @d repeatable FIELD", "Syntax Error: Expected \"on\", found Name \"FIELD\".", 1,
     25},
    {"directive d on FIELD", "Syntax Error: Expected \"@\", found Name \"d\".", 1, 11},
    {"directive @d(a) on FIELD", "Syntax Error: Expected \":\", found \")\".", 1, 15},
    {"extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14},
    {"extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16},
    {"extend type A", "Syntax Error: Unexpected <EOF>.", 1, 14},
    {"extend interface I", "Syntax Error: Unexpected <EOF>.", 1, 19},
    {"extend union U", "Syntax Error: Unexpected <EOF>.", 1, 15},
    {"extend enum E", "Syntax Error: Unexpected <EOF>.", 1, 14},
    {"extend input I", "Syntax Error: Unexpected <EOF>.", 1, 15},
    {"extend directive @d on FIELD", "Syntax Error: Unexpected Name \"directive\".", 1, 8},
    {"extend foo", "Syntax Error: Unexpected Name \"foo\".", 1, 8},
    {"extend", "Syntax Error: Unexpected <EOF>.", 1, 7},
    {"extend \"x\"", "Syntax Error: Unexpected String \"x\".", 1, 8},
    {"\"desc\"", "Syntax Error: Unexpected <EOF>.", 1, 7},
    {"\"desc\" 1", "Syntax Error: Unexpected Int \"1\".", 1, 8},
    {"\"desc\" foo",
     "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1},
    {"\"desc\" extend scalar S @d",
     "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1},
    {"\"\"\"", "Syntax Error: Unterminated string.", 1, 4},
    {"  a", "Syntax Error: Unexpected Name \"a\".", 1, 3},
    {"   b", "Syntax Error: Unexpected Name \"b\".", 1, 4},
    {"\"\"\"", "Syntax Error: Unterminated string.", 1, 4},
    {"type A { a: [Int }", "Syntax Error: Expected \"]\", found \"}\".", 1, 18},
    {"type A { a: Int! ! }", "Syntax Error: Expected Name, found \"!\".", 1, 18},
    {"# comment only", "Syntax Error: Unexpected <EOF>.", 1, 15},
    {"{ a(x: {a 1}) }", "Syntax Error: Expected \":\", found Int \"1\".", 1, 11},
    {"{ a(x: {1: 1}) }", "Syntax Error: Expected Name, found Int \"1\".", 1, 9},
    {"{ a(x: [1, 2) }", "Syntax Error: Unexpected \")\".", 1, 13},
    {"{ a(x: {a: 1) }", "Syntax Error: Expected Name, found \")\".", 1, 13},
    {"{ a @ }", "Syntax Error: Expected Name, found \"}\".", 1, 7},
    {"{ a @d( }", "Syntax Error: Expected Name, found \"}\".", 1, 9},
    {"{ a: }", "Syntax Error: Expected Name, found \"}\".", 1, 6},
    {"{ a: b: c }", "Syntax Error: Expected Name, found \":\".", 1, 7},
    {"{ ... }", "Syntax Error: Expected \"{\", found \"}\".", 1, 7},
    {"{ ... on }", "Syntax Error: Expected Name, found \"}\".", 1, 10},
    {"{ ...on@d{a} }", "Syntax Error: Expected Name, found \"@\".", 1, 8},
    {"query Q($a: Int @d(x: $v)) { a }",
     "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 23},
    {"subscriptions { a }", "Syntax Error: Unexpected Name \"subscriptions\".", 1, 1},
    {"fragment on on on { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10},
    {"{ a(x: \"a", "Syntax Error: Unterminated string.", 1, 10},
    {"b\") }", "Syntax Error: Unexpected Name \"b\".", 1, 1},
    {"{ a }\r\n{ b", "Syntax Error: Expected Name, found <EOF>.", 2, 4},
    {"{\r\n a\r\n b(x: 1.)\r\n}", "Syntax Error: Invalid number, expected digit but got: \")\".", 3,
     9},
    {"{\r a\r\r b(\r x: ?)}", "Syntax Error: Unexpected character: \"?\".", 5, 5},
    {"\"\"\"a\"\"\"\n\n\n{",
     "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.",
     1, 1},
    {"{ a\177 }", "Syntax Error: Unexpected character: U+007F.", 1, 4},
    {"\"x\" \"\"\"\n  foo\n\"\"\"", "Syntax Error: Unexpected BlockString \"foo\".", 1, 5},
    {"{ a(x:\"\"\"\"\"\"\") }", "Syntax Error: Unterminated string.", 1, 17},
    {"{ a(x: \"\"\"\\\"\"\") }", "Syntax Error: Unterminated string.", 1, 18},
    {"type A { a: Int }\n\n  type B {\n    b: [Int\n  }",
     "Syntax Error: Expected \"]\", found \"}\".", 5, 3},
    {"{ a(x: 123abc) }", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 11},
    {"{ a(x: 1.e5) }", "Syntax Error: Invalid number, expected digit but got: \"e\".", 1, 10},
    {"{ a(x: -.5) }", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 9},
    {"{ a(x: -a) }", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 9},
    {"{ a(x: 1..2) }", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 10},
    {"", "Syntax Error: Unexpected <EOF>.", 1, 1},
    {"   ", "Syntax Error: Unexpected <EOF>.", 1, 4},
    {"# c", "Syntax Error: Unexpected <EOF>.", 1, 4},
    {",", "Syntax Error: Unexpected <EOF>.", 1, 2},
    {"{ ..a }", "Syntax Error: Unexpected character: \".\".", 1, 3},
    {"{ .. }", "Syntax Error: Unexpected character: \".\".", 1, 3},
    {"{ .}", "Syntax Error: Unexpected character: \".\".", 1, 3},
};

static const error_case value_errors[] = {
    {"", "Syntax Error: Unexpected <EOF>.", 1, 1},
    {"1 2", "Syntax Error: Expected <EOF>, found Int \"2\".", 1, 3},
    {"{a: 1", "Syntax Error: Expected Name, found <EOF>.", 1, 6},
    {"@", "Syntax Error: Unexpected \"@\".", 1, 1},
};

static const error_case type_errors[] = {
    {"Int!!", "Syntax Error: Expected <EOF>, found \"!\".", 1, 5},
    {"[Int", "Syntax Error: Expected \"]\", found <EOF>.", 1, 5},
    {"", "Syntax Error: Expected Name, found <EOF>.", 1, 1},
    {"1", "Syntax Error: Expected Name, found Int \"1\".", 1, 1},
    {"A B", "Syntax Error: Expected <EOF>, found Name \"B\".", 1, 3},
};

typedef void *(*parse_fn)(arena *a, const char *src, size_t len, parse_error *err);

static void *parse_doc_fn(arena *a, const char *src, size_t len, parse_error *err)
{
    return parse_document(a, src, len, NULL, err);
}

static void *parse_value_fn(arena *a, const char *src, size_t len, parse_error *err)
{
    return parse_value(a, src, len, err);
}

static void *parse_type_fn(arena *a, const char *src, size_t len, parse_error *err)
{
    return parse_type(a, src, len, err);
}

static int check_errors(const error_case *cases, size_t n, parse_fn fn)
{
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        arena a;
        arena_init(&a, 0);
        parse_error err;
        void *r = fn(&a, cases[i].src, strlen(cases[i].src), &err);
        if (r || strcmp(err.message, cases[i].message) != 0 || err.loc.line != cases[i].line ||
            err.loc.column != cases[i].column) {
            fprintf(stderr, "  source %s\n    got  %s %u:%u\n    want %s %u:%u\n", cases[i].src,
                    r ? "(accepted)" : err.message, err.loc.line, err.loc.column, cases[i].message,
                    cases[i].line, cases[i].column);
            bad++;
        }
        arena_free(&a);
    }
    return bad;
}

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

TEST(document_syntax_errors_match_graphql_js)
{
    CHECK_INT(check_errors(document_errors, COUNT(document_errors), parse_doc_fn), 0);
}

TEST(value_syntax_errors_match_graphql_js)
{
    CHECK_INT(check_errors(value_errors, COUNT(value_errors), parse_value_fn), 0);
}

TEST(type_syntax_errors_match_graphql_js)
{
    CHECK_INT(check_errors(type_errors, COUNT(type_errors), parse_type_fn), 0);
}

/* Parses src (which may hold NUL bytes: len is explicit) expecting an error. */
static void expect_error_n(const char *src, size_t len, const char *message, unsigned line,
                           unsigned column)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *doc = parse_document(&a, src, len, NULL, &err);
    CHECK(doc == NULL);
    CHECK_STR(err.message, message);
    CHECK_INT(err.loc.line, line);
    CHECK_INT(err.loc.column, column);
    arena_free(&a);
}

#define EXPECT_ERROR(lit, message, line, column)                                                   \
    expect_error_n(lit, sizeof(lit) - 1, message, line, column)

TEST(nul_bytes_are_errors_not_terminators)
{
    EXPECT_ERROR("{ a }\0", "Syntax Error: Unexpected character: U+0000.", 1, 6);
    EXPECT_ERROR("\0", "Syntax Error: Unexpected character: U+0000.", 1, 1);
    EXPECT_ERROR("{ a(x: \"\0\") ", "Syntax Error: Expected Name, found <EOF>.", 1, 13);
    EXPECT_ERROR("#\0 comment\n{a", "Syntax Error: Expected Name, found <EOF>.", 2, 3);
    EXPECT_ERROR("\"\"\"\0\"\"\" type", "Syntax Error: Expected Name, found <EOF>.", 1, 13);
}

TEST(non_ascii_columns_count_bytes)
{
    EXPECT_ERROR("é", "Syntax Error: Unexpected character: U+00E9.", 1, 1);
    EXPECT_ERROR("{ a(x: \"😀\" y: ?) }", "Syntax Error: Unexpected character: \"?\".", 1, 18);
    EXPECT_ERROR("\xEF\xBB\xBF", "Syntax Error: Unexpected <EOF>.", 1, 4);
    EXPECT_ERROR("{ a(x: \"\\é\") }", "Syntax Error: Invalid character escape sequence: \"\\é\".",
                 1, 9);
    EXPECT_ERROR("{ a(x: \"\\😀\") }", "Syntax Error: Invalid character escape sequence: \"\\😀\".",
                 1, 9);
    EXPECT_ERROR("\xE2\x82\xAC", "Syntax Error: Unexpected character: U+20AC.", 1, 1);
    EXPECT_ERROR("\xF0\x9F\x98\x80", "Syntax Error: Unexpected character: U+1F600.", 1, 1);
    EXPECT_ERROR("\xEF\xBF\xBF", "Syntax Error: Unexpected character: U+FFFF.", 1, 1);
}

TEST(invalid_utf8_is_an_error)
{
    EXPECT_ERROR("{ a(x: \"\xFF\") }", "Syntax Error: Invalid UTF-8 byte 0xFF.", 1, 9);
    EXPECT_ERROR("{ a(x: \"\xC3\") }", "Syntax Error: Invalid UTF-8 byte 0xC3.", 1, 9);
    EXPECT_ERROR("\xC0\xAF", "Syntax Error: Invalid UTF-8 byte 0xC0.", 1, 1);     /* overlong */
    EXPECT_ERROR("\xE0\x80\xAF", "Syntax Error: Invalid UTF-8 byte 0xE0.", 1, 1); /* overlong */
    EXPECT_ERROR("\xED\xA0\x80", "Syntax Error: Invalid UTF-8 byte 0xED.", 1, 1); /* surrogate */
    EXPECT_ERROR("\xF4\x90\x80\x80", "Syntax Error: Invalid UTF-8 byte 0xF4.", 1, 1); /* > 10FFFF */
    EXPECT_ERROR("\xF0\x9F\x98", "Syntax Error: Invalid UTF-8 byte 0xF0.", 1, 1);     /* short */
    EXPECT_ERROR("\xEF\xBB", "Syntax Error: Invalid UTF-8 byte 0xEF.", 1, 1);         /* half BOM */
    EXPECT_ERROR("# \x80\n{ a }", "Syntax Error: Invalid UTF-8 byte 0x80.", 1, 3);
    EXPECT_ERROR("\"\"\"\n \xFE\"\"\" scalar S", "Syntax Error: Invalid UTF-8 byte 0xFE.", 2, 2);
    EXPECT_ERROR("{ a(x: \"\\\xFF\") }", "Syntax Error: Invalid UTF-8 byte 0xFF.", 1, 10);
}

TEST(crlf_and_cr_end_lines)
{
    EXPECT_ERROR("{\r\n a\r\n b(x: 1.)\r\n}",
                 "Syntax Error: Invalid number, expected digit but got: \")\".", 3, 9);
    EXPECT_ERROR("{\r a\r\r b(\r x: ?)}", "Syntax Error: Unexpected character: \"?\".", 5, 5);
    EXPECT_ERROR("\"\"\"a\r\nb\r\"\"\" type A { a: Int",
                 "Syntax Error: Expected Name, found <EOF>.", 3, 20);
}

TEST(empty_documents)
{
    EXPECT_ERROR("", "Syntax Error: Unexpected <EOF>.", 1, 1);
    EXPECT_ERROR("  \n\t, # only a comment\n", "Syntax Error: Unexpected <EOF>.", 3, 1);
    parse_error err;
    arena a;
    arena_init(&a, 0);
    CHECK(parse_document(&a, NULL, 0, NULL, &err) == NULL);
    CHECK_STR(err.message, "Syntax Error: Unexpected <EOF>.");
    CHECK(parse_document(&a, "", 0, NULL, NULL) == NULL); /* err is optional */
    arena_free(&a);
}

static ast_document *parse_ok(arena *a, const char *src)
{
    parse_error err;
    ast_document *doc = parse_document(a, src, strlen(src), NULL, &err);
    if (!doc)
        fprintf(stderr, "  unexpected error: %s at %u:%u\n", err.message, err.loc.line,
                err.loc.column);
    return doc;
}

TEST(shorthand_query)
{
    arena a;
    arena_init(&a, 0);
    ast_document *doc = parse_ok(&a, "{ a b }");
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(doc->ndefinitions, 1);
        ast_definition *d = doc->definitions;
        CHECK_INT(d->kind, AST_DEF_OPERATION);
        CHECK_INT(d->operation, AST_OP_QUERY);
        CHECK(d->shorthand);
        CHECK(d->name == NULL);
        CHECK_STR(d->selection_set->name, "a");
        CHECK_STR(d->selection_set->next->name, "b");
        CHECK(d->selection_set->next->next == NULL);
        CHECK_INT(d->selection_set->next->loc.column, 5);
    }
    arena_free(&a);
}

TEST(operation_with_everything)
{
    arena a;
    arena_init(&a, 0);
    const char *src = "query Q($a: Int = 1, $b: [String!]! @v) @op {\n"
                      "  alias: f(x: $a, y: ENUM) @skip(if: true) {\n"
                      "    ...F @s\n"
                      "    ... on T { c }\n"
                      "    ... @include(if: $b) { d }\n"
                      "  }\n"
                      "}\n"
                      "mutation M { m }\n"
                      "subscription S { s }\n"
                      "fragment F on T @f { a }\n";
    ast_document *doc = parse_ok(&a, src);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_INT(doc->ndefinitions, 4);
    ast_definition *q = doc->definitions;
    CHECK(!q->shorthand);
    CHECK_STR(q->name, "Q");
    CHECK_STR(q->variables->name, "a");
    CHECK_INT(q->variables->type->kind, AST_TYPE_NAMED);
    CHECK_STR(q->variables->type->name, "Int");
    CHECK_STR(q->variables->default_value->str, "1");
    CHECK_INT(q->variables->loc.column, 9);
    ast_variable_def *b = q->variables->next;
    CHECK_INT(b->type->kind, AST_TYPE_NON_NULL);
    CHECK_INT(b->type->of->kind, AST_TYPE_LIST);
    CHECK_INT(b->type->of->of->kind, AST_TYPE_NON_NULL);
    CHECK_STR(b->type->of->of->of->name, "String");
    CHECK_STR(b->directives->name, "v");
    CHECK(b->default_value == NULL);
    CHECK_STR(q->directives->name, "op");
    ast_selection *f = q->selection_set;
    CHECK_INT(f->kind, AST_SEL_FIELD);
    CHECK_STR(f->alias, "alias");
    CHECK_STR(f->name, "f");
    CHECK_STR(ast_response_key(f), "alias");
    CHECK_INT(f->loc.line, 2);
    CHECK_INT(f->loc.column, 3);
    CHECK_INT(f->name_loc.line, 2);
    CHECK_INT(f->name_loc.column, 10);
    CHECK_INT(f->selection_set_loc.column, 44);
    CHECK_INT(q->name_loc.column, 7);
    CHECK_STR(f->arguments->name, "x");
    CHECK_INT(f->arguments->value->kind, AST_VALUE_VARIABLE);
    CHECK_STR(f->arguments->value->str, "a");
    CHECK_INT(f->arguments->next->value->kind, AST_VALUE_ENUM);
    CHECK_STR(f->directives->name, "skip");
    CHECK_INT(f->directives->arguments->value->kind, AST_VALUE_BOOLEAN);
    CHECK(f->directives->arguments->value->boolean);
    ast_selection *spread = f->selection_set;
    CHECK_INT(spread->kind, AST_SEL_FRAGMENT_SPREAD);
    CHECK_STR(spread->name, "F");
    CHECK_STR(spread->directives->name, "s");
    CHECK_INT(spread->loc.line, 3);
    CHECK_INT(spread->loc.column, 5);
    CHECK_INT(spread->name_loc.column, 8);
    CHECK_INT(spread->selection_set_loc.line, 0);
    ast_selection *inl = spread->next;
    CHECK_INT(inl->kind, AST_SEL_INLINE_FRAGMENT);
    CHECK_STR(inl->type_condition, "T");
    CHECK_INT(inl->type_condition_loc.column, 12);
    CHECK_INT(inl->selection_set_loc.column, 14);
    CHECK_STR(inl->selection_set->name, "c");
    ast_selection *bare = inl->next;
    CHECK_INT(bare->kind, AST_SEL_INLINE_FRAGMENT);
    CHECK_INT(bare->type_condition_loc.line, 0);
    CHECK(bare->type_condition == NULL);
    CHECK_STR(bare->directives->name, "include");
    ast_definition *m = q->next;
    CHECK_INT(m->operation, AST_OP_MUTATION);
    CHECK_STR(m->name, "M");
    CHECK_INT(m->next->operation, AST_OP_SUBSCRIPTION);
    ast_definition *frag = m->next->next;
    CHECK_INT(frag->kind, AST_DEF_FRAGMENT);
    CHECK_STR(frag->name, "F");
    CHECK_STR(frag->type_condition, "T");
    CHECK_STR(frag->directives->name, "f");
    CHECK_INT(frag->loc.line, 10);
    CHECK_INT(frag->name_loc.column, 10);
    CHECK_INT(frag->type_condition_loc.column, 15);
    CHECK_INT(q->next->next->next->name_loc.line, 10);
    CHECK_INT(q->selection_set->name_loc.line, 2);
    CHECK(ast_find_fragment(doc, "F") == frag);
    CHECK(ast_find_operation(doc, "M") == m);
    arena_free(&a);
}

TEST(keywords_are_ordinary_names)
{
    arena a;
    arena_init(&a, 0);
    ast_document *doc = parse_ok(&a, "query query { fragment on type: query(on: on) "
                                     "... on on { schema } ...query }"
                                     "fragment query on on { extend }");
    CHECK(doc != NULL);
    if (doc) {
        ast_selection *s = doc->definitions->selection_set;
        CHECK_STR(doc->definitions->name, "query");
        CHECK_STR(s->name, "fragment");
        CHECK_STR(s->next->name, "on");
        CHECK_STR(s->next->next->alias, "type");
        CHECK_STR(s->next->next->name, "query");
        CHECK_STR(s->next->next->arguments->name, "on");
        CHECK_STR(s->next->next->next->type_condition, "on");
        CHECK_STR(s->next->next->next->next->name, "query");
    }
    arena_free(&a);
}

TEST(all_value_kinds)
{
    arena a;
    arena_init(&a, 0);
    const char *src = "[1, -2.5e3, \"s\", \"\"\"b\"\"\", true, false, null, RED, $v, "
                      "{k: [], o: {}}]";
    ast_value *v = parse_value(&a, src, strlen(src), NULL);
    CHECK(v != NULL);
    if (!v) return;
    CHECK_INT(v->kind, AST_VALUE_LIST);
    ast_value *i = v->items;
    CHECK_INT(i->kind, AST_VALUE_INT);
    CHECK_STR(i->str, "1");
    CHECK_INT(i->len, 1);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_FLOAT);
    CHECK_STR(i->str, "-2.5e3");
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_STRING);
    CHECK_STR(i->str, "s");
    CHECK(!i->block);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_STRING);
    CHECK_STR(i->str, "b");
    CHECK(i->block);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_BOOLEAN);
    CHECK(i->boolean);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_BOOLEAN);
    CHECK(!i->boolean);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_NULL);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_ENUM);
    CHECK_STR(i->str, "RED");
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_VARIABLE);
    CHECK_STR(i->str, "v");
    CHECK_INT(i->loc.column, 51);
    i = i->next;
    CHECK_INT(i->kind, AST_VALUE_OBJECT);
    CHECK_STR(i->fields->name, "k");
    CHECK_INT(i->fields->value->kind, AST_VALUE_LIST);
    CHECK(i->fields->value->items == NULL);
    CHECK_INT(i->fields->next->value->kind, AST_VALUE_OBJECT);
    CHECK(i->fields->next->value->fields == NULL);
    CHECK(i->next == NULL);
    arena_free(&a);
}

TEST(type_references)
{
    arena a;
    arena_init(&a, 0);
    ast_type *t = parse_type(&a, "[[Int!]]!", 9, NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(t->kind, AST_TYPE_NON_NULL);
        CHECK_INT(t->of->kind, AST_TYPE_LIST);
        CHECK_INT(t->of->of->kind, AST_TYPE_LIST);
        CHECK_INT(t->of->of->of->kind, AST_TYPE_NON_NULL);
        CHECK_STR(t->of->of->of->of->name, "Int");
        CHECK_INT(t->of->of->of->of->loc.column, 3);
        CHECK_STR(ast_type_name(t), "Int");
    }
    arena_free(&a);
}

TEST(selection_set_without_braces)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_selection *s = parse_selection_set(&a, "id organization { id } ... on T { x }", 37, &err);
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(s->name, "id");
        CHECK_STR(s->next->name, "organization");
        CHECK_STR(s->next->selection_set->name, "id");
        CHECK_INT(s->next->next->kind, AST_SEL_INLINE_FRAGMENT);
    }
    CHECK(parse_selection_set(&a, "", 0, &err) == NULL);
    CHECK_STR(err.message, "Syntax Error: Expected Name, found <EOF>.");
    CHECK(parse_selection_set(&a, "a }", 3, &err) == NULL);
    CHECK_STR(err.message, "Syntax Error: Expected Name, found \"}\".");
    CHECK_INT(err.loc.column, 3);
    CHECK(parse_selection_set(&a, "{ a }", 5, &err) == NULL);
    CHECK_STR(err.message, "Syntax Error: Expected Name, found \"{\".");
    arena_free(&a);
}

TEST(descriptions_on_executable_definitions)
{
    /* graphql-js 16.11+ accepts them on operations, fragments and variables. */
    arena a;
    arena_init(&a, 0);
    ast_document *doc = parse_ok(&a, "\"op\" query Q(\"var\" $a: Int) { a }\n"
                                     "\"\"\"frag\"\"\" fragment F on T { a }");
    CHECK(doc != NULL);
    if (doc) {
        CHECK_STR(doc->definitions->description, "op");
        CHECK_INT(doc->definitions->loc.column, 1);
        CHECK_STR(doc->definitions->variables->description, "var");
        CHECK_STR(doc->definitions->next->description, "frag");
    }
    arena_free(&a);
}

static const char sdl[] =
    "\"\"\"\n"
    "  The schema.\n"
    "\"\"\"\n"
    "schema @link(url: \"x\") { query: Query mutation: Mutation subscription: Sub }\n"
    "\"scalar\" scalar Date @specifiedBy(url: \"u\")\n"
    "type Query implements & Node & Entity @key(fields: \"id\") {\n"
    "  \"field\" f(\"arg\" a: Int = 1 @d, b: [In!]! = [{x: 1}]): [T!]! @deprecated\n"
    "  g: Int\n"
    "}\n"
    "interface Node implements Entity { id: ID! }\n"
    "union U @u = | A | B\n"
    "enum Color { \"red\" RED @e GREEN }\n"
    "input In { x: Int = 0 @d, y: String }\n"
    "directive @d(a: Int) repeatable on | FIELD_DEFINITION | ARGUMENT_DEFINITION\n"
    "directive @e on ENUM_VALUE\n"
    "extend schema @x\n"
    "extend schema { query: Q2 }\n"
    "extend scalar Date @y\n"
    "extend type Query implements Other\n"
    "extend type Query @z\n"
    "extend type Query { h: Int }\n"
    "extend interface Node @z\n"
    "extend union U = C\n"
    "extend enum Color { BLUE }\n"
    "extend input In @z\n";

TEST(type_system_definitions)
{
    arena a;
    arena_init(&a, 0);
    ast_document *doc = parse_ok(&a, sdl);
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_INT(doc->ndefinitions, 19);
    ast_definition *d = doc->definitions;
    CHECK_INT(d->kind, AST_DEF_SCHEMA);
    CHECK_STR(d->description, "The schema.");
    CHECK_INT(d->loc.line, 1);
    CHECK_STR(d->directives->name, "link");
    CHECK_INT(d->root_operations->operation, AST_OP_QUERY);
    CHECK_STR(d->root_operations->type_name, "Query");
    CHECK_INT(d->root_operations->next->next->operation, AST_OP_SUBSCRIPTION);
    CHECK_STR(d->root_operations->next->next->type_name, "Sub");
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_SCALAR);
    CHECK_STR(d->description, "scalar");
    CHECK_STR(d->name, "Date");
    CHECK_INT(d->name_loc.line, 5);
    CHECK_INT(d->name_loc.column, 17);
    CHECK_STR(d->directives->name, "specifiedBy");
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_OBJECT);
    CHECK_STR(d->name, "Query");
    CHECK_STR(d->interfaces->name, "Node");
    CHECK_STR(d->interfaces->next->name, "Entity");
    CHECK_INT(d->interfaces->next->loc.column, 32);
    CHECK_STR(d->directives->name, "key");
    ast_field_def *f = d->fields;
    CHECK_STR(f->description, "field");
    CHECK_STR(f->name, "f");
    CHECK_INT(f->loc.line, 7);
    CHECK_INT(f->loc.column, 3);
    CHECK_STR(f->arguments->description, "arg");
    CHECK_STR(f->arguments->name, "a");
    CHECK_STR(f->arguments->default_value->str, "1");
    CHECK_STR(f->arguments->directives->name, "d");
    CHECK_INT(f->arguments->next->default_value->kind, AST_VALUE_LIST);
    CHECK_INT(f->type->kind, AST_TYPE_NON_NULL);
    CHECK_STR(f->directives->name, "deprecated");
    CHECK_STR(f->next->name, "g");
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_INTERFACE);
    CHECK_STR(d->interfaces->name, "Entity");
    CHECK_STR(d->fields->name, "id");
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_UNION);
    CHECK_STR(d->directives->name, "u");
    CHECK_STR(d->members->name, "A");
    CHECK_STR(d->members->next->name, "B");
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_ENUM);
    CHECK_STR(d->values->description, "red");
    CHECK_STR(d->values->name, "RED");
    CHECK_STR(d->values->directives->name, "e");
    CHECK_STR(d->values->next->name, "GREEN");
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_INPUT_OBJECT);
    CHECK_STR(d->fields->name, "x");
    CHECK_STR(d->fields->default_value->str, "0");
    CHECK(d->fields->arguments == NULL);
    d = d->next;
    CHECK_INT(d->kind, AST_DEF_DIRECTIVE);
    CHECK_STR(d->name, "d");
    CHECK_INT(d->name_loc.column, 12);
    CHECK(d->repeatable);
    CHECK_STR(d->arguments->name, "a");
    CHECK_STR(d->locations->name, "FIELD_DEFINITION");
    CHECK_STR(d->locations->next->name, "ARGUMENT_DEFINITION");
    d = d->next;
    CHECK(!d->repeatable);
    CHECK_STR(d->locations->name, "ENUM_VALUE");
    static const ast_def_kind extension_kinds[] = {
        AST_DEF_SCHEMA, AST_DEF_SCHEMA,    AST_DEF_SCALAR, AST_DEF_OBJECT, AST_DEF_OBJECT,
        AST_DEF_OBJECT, AST_DEF_INTERFACE, AST_DEF_UNION,  AST_DEF_ENUM,   AST_DEF_INPUT_OBJECT,
    };
    for (size_t i = 0; i < COUNT(extension_kinds); i++) {
        d = d->next;
        CHECK(d->extension);
        CHECK_INT(d->kind, extension_kinds[i]);
        CHECK_INT(d->loc.column, 1);
        CHECK_INT(d->loc.line, 16 + i);
    }
    CHECK(d->next == NULL);
    arena_free(&a);
}

TEST(extensions_keep_what_they_add)
{
    arena a;
    arena_init(&a, 0);
    ast_document *doc =
        parse_ok(&a, "extend schema { query: Q2 } extend type Query implements Other\n"
                     "extend union U = C extend enum Color { BLUE }");
    CHECK(doc != NULL);
    if (doc) {
        ast_definition *d = doc->definitions;
        CHECK(d->name == NULL);
        CHECK_STR(d->root_operations->type_name, "Q2");
        CHECK_STR(d->next->name, "Query");
        CHECK_STR(d->next->interfaces->name, "Other");
        CHECK_STR(d->next->next->members->name, "C");
        CHECK_STR(d->next->next->next->values->name, "BLUE");
    }
    arena_free(&a);
}

/* prefix, open n times, middle, close n times, suffix: a malloc'd string. */
static char *nest(const char *prefix, const char *open, const char *middle, const char *close,
                  const char *suffix, int n)
{
    size_t lo = strlen(open), lc = strlen(close);
    size_t size =
        strlen(prefix) + lo * (size_t)n + strlen(middle) + lc * (size_t)n + strlen(suffix) + 1;
    char *s = malloc(size), *w = s;
    w = stpcpy(w, prefix);
    for (int i = 0; i < n; i++)
        w = stpcpy(w, open);
    w = stpcpy(w, middle);
    for (int i = 0; i < n; i++)
        w = stpcpy(w, close);
    stpcpy(w, suffix);
    return s;
}

static const char *parse_nested(const char *prefix, const char *open, const char *middle,
                                const char *close, const char *suffix, int n, unsigned max_depth,
                                parse_error *err)
{
    arena a;
    arena_init(&a, 0);
    char *src = nest(prefix, open, middle, close, suffix, n);
    parse_options opts = {max_depth, 0};
    ast_document *doc = parse_document(&a, src, strlen(src), &opts, err);
    free(src);
    arena_free(&a);
    return doc ? "ok" : err->message;
}

#define TOO_DEEP(n) "Syntax Error: Document exceeds the maximum nesting depth of " #n "."

TEST(depth_limit_on_selection_sets_values_and_types)
{
    parse_error err;
    CHECK_STR(parse_nested("", "{a", "", "}", "", 256, 0, &err), "ok");
    CHECK_STR(parse_nested("", "{a", "", "}", "", 257, 0, &err), TOO_DEEP(256));
    CHECK_INT(err.loc.column, 2 * 256 + 1);
    CHECK_STR(parse_nested("", "{a", "", "}", "", 3, 3, &err), "ok");
    CHECK_STR(parse_nested("", "{a", "", "}", "", 4, 3, &err), TOO_DEEP(3));
    /* The selection set is one level, the list value the rest. */
    CHECK_STR(parse_nested("{a(x:", "[", "", "]", ")}", 255, 0, &err), "ok");
    CHECK_STR(parse_nested("{a(x:", "[", "", "]", ")}", 256, 0, &err), TOO_DEEP(256));
    CHECK_INT(err.loc.column, 6 + 255);
    CHECK_STR(parse_nested("{a(x:", "{b:", "1", "}", ")}", 255, 0, &err), "ok");
    CHECK_STR(parse_nested("{a(x:", "{b:", "1", "}", ")}", 256, 0, &err), TOO_DEEP(256));
    CHECK_STR(parse_nested("query($v:", "[", "", "]", "){a}", 256, 0, &err),
              "Syntax Error: Expected Name, found \"]\".");
    CHECK_STR(parse_nested("query($v:", "[", "", "]", "){a}", 257, 0, &err), TOO_DEEP(256));
    CHECK_STR(parse_nested("type A { a: ", "[", "", "]", "}", 256, 0, &err),
              "Syntax Error: Expected Name, found \"]\".");
    CHECK_STR(parse_nested("type A { a: ", "[", "", "]", "}", 257, 0, &err), TOO_DEEP(256));
    CHECK_STR(parse_nested("type A { a: ", "[", "", "]", "}", 300, 300, &err),
              "Syntax Error: Expected Name, found \"]\".");
    /* A million nested brackets fail cleanly instead of exhausting the stack. */
    CHECK_STR(parse_nested("{a(x:", "[", "", "]", ")}", 1000000, 0, &err), TOO_DEEP(256));
    CHECK_STR(parse_nested("", "{a", "", "}", "", 1000000, 0, &err), TOO_DEEP(256));
    CHECK_STR(parse_nested("type A { a: ", "[", "", "]", "}", 1000000, 0, &err), TOO_DEEP(256));
    /* Asking for more than 4096 levels gets 4096: the C stack bounds recursion. */
    CHECK_STR(parse_nested("", "{a", "", "}", "", 4096, 4096, &err), "ok");
    CHECK_STR(parse_nested("", "{a", "", "}", "", 1000000, 4000000000u, &err), TOO_DEEP(4096));
}

TEST(depth_limit_on_lone_values_and_selection_sets)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    char *deep = nest("", "[", "1", "]", "", 256);
    CHECK(parse_value(&a, deep, strlen(deep), &err) != NULL);
    free(deep);
    deep = nest("", "[", "1", "]", "", 257);
    CHECK(parse_value(&a, deep, strlen(deep), &err) == NULL);
    CHECK_STR(err.message, TOO_DEEP(256));
    free(deep);
    deep = nest("", "[", "Int", "]", "", 257);
    CHECK(parse_type(&a, deep, strlen(deep), &err) == NULL);
    CHECK_STR(err.message, TOO_DEEP(256));
    free(deep);
    deep = nest("", "a{", "b", "}", "", 255);
    CHECK(parse_selection_set(&a, deep, strlen(deep), &err) != NULL);
    free(deep);
    deep = nest("", "a{", "b", "}", "", 256);
    CHECK(parse_selection_set(&a, deep, strlen(deep), &err) == NULL);
    CHECK_STR(err.message, TOO_DEEP(256));
    free(deep);
    arena_free(&a);
}

TEST(token_limit)
{
    /* graphql-js 16.15 wording, typo included. */
    arena a;
    arena_init(&a, 0);
    parse_error err;
    parse_options opts = {0, 3};
    CHECK(parse_document(&a, "{ a }", 5, &opts, &err) != NULL);
    CHECK(parse_document(&a, "{ a b c }", 9, &opts, &err) == NULL);
    CHECK_STR(err.message, "Syntax Error: Document contains more that 3 tokens. Parsing aborted.");
    CHECK_INT(err.loc.column, 7);
    opts.max_tokens = 4;
    CHECK(parse_document(&a, "{ a b c }", 9, &opts, &err) == NULL);
    CHECK_INT(err.loc.column, 9);
    opts.max_tokens = 5;
    CHECK(parse_document(&a, "{ a b c }  # comments are not tokens", 36, &opts, &err) != NULL);
    arena_free(&a);
}

TEST(huge_input)
{
    /* 200k fields, 100k-byte names and strings: linear and allocation-light. */
    enum { FIELDS = 200000, BIG = 100000 };
    size_t cap = FIELDS * 8 + 3 * BIG + 64, n = 0;
    char *src = malloc(cap);
    n += (size_t)sprintf(src + n, "{ ");
    for (int i = 0; i < FIELDS; i++)
        n += (size_t)sprintf(src + n, "f%d ", i % 1000);
    memset(src + n, 'x', BIG);
    n += BIG;
    n += (size_t)sprintf(src + n, "(s: \"");
    memset(src + n, 'y', BIG);
    n += BIG;
    n += (size_t)sprintf(src + n, "\") }");
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *doc = parse_document(&a, src, n, NULL, &err);
    CHECK(doc != NULL);
    if (doc) {
        int count = 0;
        const ast_selection *last = NULL;
        for (const ast_selection *s = doc->definitions->selection_set; s; s = s->next) {
            count++;
            last = s;
        }
        CHECK_INT(count, FIELDS + 1);
        CHECK_INT(strlen(last->name), BIG);
        CHECK_INT(last->arguments->value->len, BIG);
    }
    arena_free(&a);
    free(src);
}

/* Whether s is well-formed UTF-8 (the bytes a JSON error response needs). */
static int is_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        int n = *u < 0x80 ? 0 : *u >= 0xF0 ? 3 : *u >= 0xE0 ? 2 : *u >= 0xC0 ? 1 : -1;
        if (n < 0) return 0;
        for (u++; n > 0; n--, u++)
            if ((*u & 0xC0) != 0x80) return 0;
    }
    return 1;
}

TEST(long_token_values_are_cut_at_character_boundaries)
{
    /* "Expected Name, found String "ééé..."." is cut to fit, never inside a character. */
    for (int shift = 0; shift < 4; shift++) {
        char src[1024];
        size_t n = (size_t)sprintf(src, "{ \"%.*s", shift, "xxx");
        for (int i = 0; i < 300; i++)
            n += (size_t)sprintf(src + n, "%s", i % 2 ? "é" : "😀");
        n += (size_t)sprintf(src + n, "\" }");
        arena a;
        arena_init(&a, 0);
        parse_error err;
        CHECK(parse_document(&a, src, n, NULL, &err) == NULL);
        CHECK(strncmp(err.message, "Syntax Error: Expected Name, found String \"", 43) == 0);
        CHECK(is_utf8(err.message));
        CHECK(strlen(err.message) > 180);
        arena_free(&a);
    }
}

TEST_MAIN(RUN(document_syntax_errors_match_graphql_js); RUN(value_syntax_errors_match_graphql_js);
          RUN(type_syntax_errors_match_graphql_js); RUN(nul_bytes_are_errors_not_terminators);
          RUN(non_ascii_columns_count_bytes); RUN(invalid_utf8_is_an_error);
          RUN(crlf_and_cr_end_lines); RUN(empty_documents); RUN(shorthand_query);
          RUN(operation_with_everything); RUN(keywords_are_ordinary_names); RUN(all_value_kinds);
          RUN(type_references); RUN(selection_set_without_braces);
          RUN(descriptions_on_executable_definitions); RUN(type_system_definitions);
          RUN(extensions_keep_what_they_add); RUN(depth_limit_on_selection_sets_values_and_types);
          RUN(depth_limit_on_lone_values_and_selection_sets); RUN(token_limit);
          RUN(long_token_values_are_cut_at_character_boundaries); RUN(huge_input);)
