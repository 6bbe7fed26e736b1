/* lexer_test.c: the lexer (lexer.h): token kinds, values and locations,
 * ignored tokens, numbers, string escapes, block-string dedent, and the
 * lexical errors with graphql-js 16's wording. */
#include "ftest.h"
#include "lexer.h"

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

/* Lexes the one token of src[0..len) (then <EOF>); returns its value as a
 * string, or "ERROR <message> @<offset>". */
static const char *lex_one_n(arena *a, const char *src, size_t len, lex_token *t)
{
    lexer lx;
    lex_init(&lx, a, src, len);
    if (!lex_next(&lx, t)) return arena_sprintf(a, "ERROR %s @%zu", lx.message, lx.error_pos);
    lex_token eof;
    if (!lex_next(&lx, &eof) || eof.kind != LEX_EOF) return "more than one token";
    if (!t->value) return "";
    return arena_strndup(a, t->value, t->len);
}

static const char *lex_one(arena *a, const char *src, lex_token *t)
{
    return lex_one_n(a, src, strlen(src), t);
}

TEST(punctuators_and_names)
{
    static const struct {
        const char *src;
        lex_kind kind;
    } cases[] = {
        {"!", LEX_BANG},    {"$", LEX_DOLLAR},    {"&", LEX_AMP},       {"(", LEX_PAREN_L},
        {")", LEX_PAREN_R}, {"...", LEX_SPREAD},  {":", LEX_COLON},     {"=", LEX_EQUALS},
        {"@", LEX_AT},      {"[", LEX_BRACKET_L}, {"]", LEX_BRACKET_R}, {"{", LEX_BRACE_L},
        {"|", LEX_PIPE},    {"}", LEX_BRACE_R},   {"_a1Z", LEX_NAME},   {"", LEX_EOF},
    };
    arena a;
    arena_init(&a, 0);
    for (size_t i = 0; i < COUNT(cases); i++) {
        lex_token t;
        lexer lx;
        lex_init(&lx, &a, cases[i].src, strlen(cases[i].src));
        CHECK(lex_next(&lx, &t));
        CHECK_INT(t.kind, cases[i].kind);
        CHECK_INT(t.start, 0);
        CHECK_INT(t.end, strlen(cases[i].src));
    }
    lex_token t;
    CHECK_STR(lex_one(&a, "  __typename  ", &t), "__typename");
    CHECK_STR(lex_kind_desc(LEX_BRACE_R), "\"}\"");
    CHECK_STR(lex_kind_desc(LEX_NAME), "Name");
    CHECK_STR(lex_kind_desc(LEX_EOF), "<EOF>");
    CHECK_STR(lex_kind_desc(LEX_BLOCK_STRING), "BlockString");
    arena_free(&a);
}

TEST(ignored_tokens_and_locations)
{
    const char src[] = "\xEF\xBB\xBF\t, # comment\r\n  a\r\rb\n\n  # c\n   c";
    arena a;
    arena_init(&a, 0);
    lexer lx;
    lex_init(&lx, &a, src, sizeof src - 1);
    lex_token t;
    CHECK(lex_next(&lx, &t));
    CHECK_INT(t.loc.line, 2);
    CHECK_INT(t.loc.column, 3);
    CHECK(lex_next(&lx, &t));
    CHECK_INT(t.loc.line, 4);
    CHECK_INT(t.loc.column, 1);
    CHECK(lex_next(&lx, &t));
    CHECK_INT(t.loc.line, 7);
    CHECK_INT(t.loc.column, 4);
    CHECK(lex_next(&lx, &t));
    CHECK_INT(t.kind, LEX_EOF);
    CHECK_INT(t.loc.line, 7);
    CHECK_INT(t.loc.column, 5);
    src_loc loc = lex_loc_at(src, sizeof src - 1, sizeof src - 2);
    CHECK_INT(loc.line, 7);
    CHECK_INT(loc.column, 4);
    arena_free(&a);
}

TEST(numbers)
{
    static const struct {
        const char *src;
        lex_kind kind;
    } good[] = {
        {"0", LEX_INT},      {"-0", LEX_INT},       {"123", LEX_INT},       {"-9", LEX_INT},
        {"0.0", LEX_FLOAT},  {"-1.5", LEX_FLOAT},   {"1e5", LEX_FLOAT},     {"1E+5", LEX_FLOAT},
        {"1e-5", LEX_FLOAT}, {"1.5e10", LEX_FLOAT}, {"-0.0e-0", LEX_FLOAT},
    };
    static const char *const bad[][2] = {
        {"00", "ERROR Invalid number, unexpected digit after 0: \"0\". @1"},
        {"-01", "ERROR Invalid number, unexpected digit after 0: \"1\". @2"},
        {"1.", "ERROR Invalid number, expected digit but got: <EOF>. @2"},
        {"1.a", "ERROR Invalid number, expected digit but got: \"a\". @2"},
        {"1e", "ERROR Invalid number, expected digit but got: <EOF>. @2"},
        {"1e+", "ERROR Invalid number, expected digit but got: <EOF>. @3"},
        {"1ex", "ERROR Invalid number, expected digit but got: \"x\". @2"},
        {"0x1", "ERROR Invalid number, expected digit but got: \"x\". @1"},
        {"1a", "ERROR Invalid number, expected digit but got: \"a\". @1"},
        {"1_0", "ERROR Invalid number, expected digit but got: \"_\". @1"},
        {"1.2.3", "ERROR Invalid number, expected digit but got: \".\". @3"},
        {"1..", "ERROR Invalid number, expected digit but got: \".\". @2"},
        {"1.5e3e", "ERROR Invalid number, expected digit but got: \"e\". @5"},
        {"-", "ERROR Invalid number, expected digit but got: <EOF>. @1"},
        {"-a", "ERROR Invalid number, expected digit but got: \"a\". @1"},
        {"--1", "ERROR Invalid number, expected digit but got: \"-\". @1"},
        {"1\"", "more than one token"},   /* a number, then a string */
        {"1\x01", "more than one token"}, /* then an unexpected character */
        {"1.\xFF", "ERROR Invalid UTF-8 byte 0xFF. @2"},
        {"1.\xC3\xA9", "ERROR Invalid number, expected digit but got: U+00E9. @2"},
        {".5", "ERROR Unexpected character: \".\". @0"},
        {"..", "ERROR Unexpected character: \".\". @0"},
    };
    arena a;
    arena_init(&a, 0);
    for (size_t i = 0; i < COUNT(good); i++) {
        lex_token t;
        CHECK_STR(lex_one(&a, good[i].src, &t), good[i].src);
        CHECK_INT(t.kind, good[i].kind);
    }
    for (size_t i = 0; i < COUNT(bad); i++) {
        lex_token t;
        CHECK_STR(lex_one(&a, bad[i][0], &t), bad[i][1]);
    }
    arena_free(&a);
}

TEST(string_escapes)
{
    static const char *const cases[][2] = {
        {"\"\"", ""},
        {"\"plain\"", "plain"},
        {"\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\" \\ / \b \f \n \r \t"},
        {"\"\\u0041\\u00e9\\u20AC\"", "A\xC3\xA9\xE2\x82\xAC"},
        {"\"\\uD83D\\uDE00\"", "\xF0\x9F\x98\x80"},
        {"\"\\u{41}\\u{1F600}\\u{10FFFF}\\u{00000041}\"", "A\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF"
                                                          "A"},
        {"\"é😀\"", "é😀"},
        {"\"tab\tand\x01raw\"", "tab\tand\x01raw"},
        {"\"\\u{110000}\"", "ERROR Invalid Unicode escape sequence: \"\\u{110000}\". @1"},
        {"\"\\u{D800}\"", "ERROR Invalid Unicode escape sequence: \"\\u{D800}\". @1"},
        {"\"\\u{}\"", "ERROR Invalid Unicode escape sequence: \"\\u{}\". @1"},
        {"\"\\u{41\"", "ERROR Invalid Unicode escape sequence: \"\\u{41\"\". @1"},
        {"\"\\u{0000000041}\"", "ERROR Invalid Unicode escape sequence: \"\\u{000000004\". @1"},
        {"\"\\u{FFFFFFFFF}\"", "ERROR Invalid Unicode escape sequence: \"\\u{FFFFFFFF\". @1"},
        {"\"\\uD83D\"", "ERROR Invalid Unicode escape sequence: \"\\uD83D\". @1"},
        {"\"\\uD83D\\u0041\"", "ERROR Invalid Unicode escape sequence: \"\\uD83D\". @1"},
        {"\"\\uDE00\"", "ERROR Invalid Unicode escape sequence: \"\\uDE00\". @1"},
        {"\"\\uZZZZ\"", "ERROR Invalid Unicode escape sequence: \"\\uZZZZ\". @1"},
        {"\"\\u12\"", "ERROR Invalid Unicode escape sequence: \"\\u12\"\". @1"},
        {"\"\\u1", "ERROR Invalid Unicode escape sequence: \"\\u1\". @1"},
        {"\"\\x\"", "ERROR Invalid character escape sequence: \"\\x\". @1"},
        {"\"\\", "ERROR Invalid character escape sequence: \"\\\". @1"},
        {"\"abc", "ERROR Unterminated string. @4"},
        {"\"abc\ndef\"", "ERROR Unterminated string. @4"},
        {"\"abc\rdef\"", "ERROR Unterminated string. @4"},
        {"\"\\x\ndef", "ERROR Invalid character escape sequence: \"\\x\". @1"},
        {"\"\xFF\"", "ERROR Invalid UTF-8 byte 0xFF. @1"},
    };
    arena a;
    arena_init(&a, 0);
    for (size_t i = 0; i < COUNT(cases); i++) {
        lex_token t;
        CHECK_STR(lex_one(&a, cases[i][0], &t), cases[i][1]);
        if (cases[i][1][0] != 'E') CHECK_INT(t.kind, LEX_STRING);
    }
    lex_token t;
    CHECK_STR(lex_one_n(&a, "\"a\\u0000b\"", 10, &t), "a");
    CHECK_INT(t.len, 3); /* the NUL is kept: len counts it */
    CHECK(t.value[1] == '\0' && t.value[2] == 'b');
    arena_free(&a);
}

TEST(block_string_dedent)
{
    static const char *const cases[][2] = {
        {"\"\"\"\"\"\"", ""},
        {"\"\"\"simple\"\"\"", "simple"},
        {"\"\"\"  keeps first line indent\"\"\"", "  keeps first line indent"},
        {"\"\"\"\n    a\n      b\n    c\n\"\"\"", "a\n  b\nc"},
        {"\"\"\"first\n    second\n      third\"\"\"", "first\nsecond\n  third"},
        {"\"\"\"\n\n   \n  a\n\n  b\n \t \n\n\"\"\"", "a\n\nb"},
        {"\"\"\"\ta\n\t\tb\"\"\"", "\ta\nb"},
        {"\"\"\"   \n   \n\"\"\"", ""},
        {"\"\"\"a\r\n  b\r  c\"\"\"", "a\nb\nc"},
        {"\"\"\"escaped \\\"\"\" quotes\"\"\"", "escaped \"\"\" quotes"},
        {"\"\"\"\\n is not an escape\"\"\"", "\\n is not an escape"},
        {"\"\"\"a \"\" b \" c\"\"\"", "a \"\" b \" c"},
        {"\"\"\"ends with \\\"\"\"\"\"\"", "ends with \"\"\""},
        {"\"\"\"ends with quote\"\"\"\"", "more than one token"},
        {"\"\"\"é\n  😀\"\"\"", "é\n😀"},
        {"\"\"\"unterminated", "ERROR Unterminated string. @15"},
        {"\"\"\"unterminated \\\"\"\"", "ERROR Unterminated string. @20"},
        {"\"\"\"bad \xC3\x28\"\"\"", "ERROR Invalid UTF-8 byte 0xC3. @7"},
    };
    arena a;
    arena_init(&a, 0);
    for (size_t i = 0; i < COUNT(cases); i++) {
        lex_token t;
        CHECK_STR(lex_one(&a, cases[i][0], &t), cases[i][1]);
        if (cases[i][1][0] != 'E' && cases[i][1][0] != 'm') CHECK_INT(t.kind, LEX_BLOCK_STRING);
    }
    arena_free(&a);
}

TEST(block_strings_move_the_line_count)
{
    const char *src = "\"\"\"a\n\r\nb\r\"\"\" x";
    arena a;
    arena_init(&a, 0);
    lexer lx;
    lex_init(&lx, &a, src, strlen(src));
    lex_token t;
    CHECK(lex_next(&lx, &t));
    CHECK_INT(t.loc.line, 1);
    CHECK(lex_next(&lx, &t));
    CHECK_STR(arena_strndup(&a, t.value, t.len), "x");
    CHECK_INT(t.loc.line, 4);
    CHECK_INT(t.loc.column, 5);
    arena_free(&a);
}

TEST(unexpected_characters)
{
    static const char *const cases[][2] = {
        {"?", "ERROR Unexpected character: \"?\". @0"},
        {"~", "ERROR Unexpected character: \"~\". @0"},
        {"'", "ERROR Unexpected single quote character ('), did you mean to use a double quote "
              "(\")? @0"},
        {"\x7F", "ERROR Unexpected character: U+007F. @0"},
        {"\x01", "ERROR Unexpected character: U+0001. @0"},
        {"\xC3\xA9", "ERROR Unexpected character: U+00E9. @0"},
        {"\xEF\xBB", "ERROR Invalid UTF-8 byte 0xEF. @0"},
        {"\x80", "ERROR Invalid UTF-8 byte 0x80. @0"},
        {"# ok\n# \xFF", "ERROR Invalid UTF-8 byte 0xFF. @7"},
    };
    arena a;
    arena_init(&a, 0);
    for (size_t i = 0; i < COUNT(cases); i++) {
        lex_token t;
        CHECK_STR(lex_one(&a, cases[i][0], &t), cases[i][1]);
    }
    lex_token t;
    CHECK_STR(lex_one_n(&a, "\0", 1, &t), "ERROR Unexpected character: U+0000. @0");
    arena_free(&a);
}

TEST_MAIN(RUN(punctuators_and_names); RUN(ignored_tokens_and_locations); RUN(numbers);
          RUN(string_escapes); RUN(block_string_dedent); RUN(block_strings_move_the_line_count);
          RUN(unexpected_characters);)
