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

TEST(take_of_empty_buffer_is_empty_string)
{
    sbuf b;
    sbuf_init(&b);
    char *s = sbuf_take(&b);
    CHECK_STR(s, "");
    free(s);
}

TEST_MAIN(RUN(append_and_printf); RUN(grows_past_initial_capacity); RUN(json_string_escapes);
          RUN(take_of_empty_buffer_is_empty_string);)
