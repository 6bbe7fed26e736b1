/* compose_print_test.c: the printer's pieces: Apollo's definition order
 * (localeCompare) and its description block strings. */
#include <string.h>

#include "compose_print.h"
#include "ftest.h"

TEST(locale_order_ignores_case_first)
{
    CHECK(cp_locale_compare("join__Graph", "Magazine") < 0);
    CHECK(cp_locale_compare("link__Import", "join__Graph") > 0);
    CHECK(cp_locale_compare("apple", "Banana") < 0);
    CHECK(cp_locale_compare("Banana", "apple") > 0);
}

TEST(locale_order_lowercase_first_on_case_ties)
{
    CHECK(cp_locale_compare("user", "User") < 0);
    CHECK(cp_locale_compare("User", "user") > 0);
    CHECK(cp_locale_compare("User", "User") == 0);
}

TEST(locale_order_underscore_digits_letters)
{
    CHECK(cp_locale_compare("a_b", "a1") < 0);
    CHECK(cp_locale_compare("a1", "ab") < 0);
    CHECK(cp_locale_compare("_Any", "Any") < 0);
    CHECK(cp_locale_compare("join__FieldSet", "join__Graph") < 0);
}

TEST(locale_order_prefix_first)
{
    CHECK(cp_locale_compare("Book", "Books") < 0);
    CHECK(cp_locale_compare("Books", "Book") > 0);
}

static const char *described(const char *d, const char *indent, bool first)
{
    static char text[512];
    sbuf b;
    sbuf_init(&b);
    cp_description(&b, d, indent, first);
    snprintf(text, sizeof text, "%s", b.data ? b.data : "");
    sbuf_free(&b);
    return text;
}

TEST(short_description_on_one_line)
{
    CHECK_STR(described("short", "", true), "\"\"\"short\"\"\"\n");
    CHECK_STR(described("short", "  ", true), "  \"\"\"short\"\"\"\n");
    CHECK_STR(described("short", "  ", false), "\n  \"\"\"short\"\"\"\n");
}

TEST(long_or_multiline_description_on_several_lines)
{
    CHECK_STR(described("a\nb", "  ", true), "  \"\"\"\n  a\n  b\n  \"\"\"\n");
    const char *long71 = "12345678901234567890123456789012345678901234567890123456789012345678901";
    char want[256];
    snprintf(want, sizeof want, "\"\"\"\n%s\n\"\"\"\n", long71);
    CHECK_STR(described(long71, "", true), want);
    CHECK_STR(described("ends with \"", "", true), "\"\"\"\nends with \"\n\"\"\"\n");
    CHECK_STR(described(" lead", "", true), "\"\"\" lead\"\"\"\n");
}

TEST(description_escapes_triple_quotes)
{
    CHECK_STR(described("a \"\"\" b", "", true), "\"\"\"a \\\"\"\" b\"\"\"\n");
}

TEST(no_description_prints_nothing)
{
    CHECK_STR(described(NULL, "  ", false), "");
}

TEST_MAIN(RUN(locale_order_ignores_case_first); RUN(locale_order_lowercase_first_on_case_ties);
          RUN(locale_order_underscore_digits_letters); RUN(locale_order_prefix_first);
          RUN(short_description_on_one_line); RUN(long_or_multiline_description_on_several_lines);
          RUN(description_escapes_triple_quotes); RUN(no_description_prints_nothing);)
