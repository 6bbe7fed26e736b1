/* sbuf_test.c: the output buffer and its JSON string escaping. */
#include "sbuf.h"
#include "ftest.h"

#include <stdlib.h>

TEST(append_and_printf)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "a");
    sbuf_putc(&b, 'b');
    sbuf_printf(&b, "%d%s", 12, "c");
    CHECK_STR(b.data, "ab12c");
    CHECK_INT(b.len, 5);
    sbuf_reset(&b);
    CHECK_STR(b.data, "");
    sbuf_free(&b);
}

TEST(grows_past_initial_capacity)
{
    sbuf b;
    sbuf_init(&b);
    for (int i = 0; i < 10000; i++)
        sbuf_putc(&b, 'x');
    CHECK_INT(b.len, 10000);
    CHECK_INT(strlen(b.data), 10000);
    char *taken = sbuf_take(&b);
    CHECK(b.data == NULL);
    free(taken);
}

TEST(json_string_escapes)
{
    sbuf b;
    sbuf_init(&b);
    const char in[] = "q\"b\\n\n\t\x01\x7f\xc3\xa9";
    sbuf_json_string(&b, in, sizeof(in) - 1);
    CHECK_STR(b.data, "\"q\\\"b\\\\n\\n\\t\\u0001\x7f\xc3\xa9\"");
    sbuf_free(&b);
}

TEST(json_string_escapes_every_control_character)
{
    sbuf b;
    sbuf_init(&b);
    char in[32];
    for (int i = 0; i < 32; i++)
        in[i] = (char)i;
    sbuf_json_string(&b, in, 32);
    CHECK_STR(b.data,
              "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
              "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
              "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
    sbuf_reset(&b);
    sbuf_json_string(&b, "", 0);
    CHECK_STR(b.data, "\"\"");
    sbuf_free(&b);
}

/* Worst-case growth: every byte becomes six, after some text already there. */
TEST(json_string_grows_for_escapes)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "x:");
    char in[10000];
    memset(in, 1, sizeof(in));
    in[9999] = 'z';
    sbuf_json_string(&b, in, sizeof(in));
    CHECK_INT(b.len, 2 + 2 + 9999 * 6 + 1);
    CHECK(memcmp(b.data + b.len - 8, "\\u0001z\"", 8) == 0);
    CHECK_INT(strlen(b.data), b.len);
    sbuf_free(&b);
}

TEST(take_of_empty_buffer_is_empty_string)
{
    sbuf b;
    sbuf_init(&b);
    char *s = sbuf_take(&b);
    CHECK_STR(s, "");
    free(s);
}

TEST_MAIN(RUN(append_and_printf); RUN(grows_past_initial_capacity); RUN(json_string_escapes);
          RUN(json_string_escapes_every_control_character); RUN(json_string_grows_for_escapes);
          RUN(take_of_empty_buffer_is_empty_string);)
