/* validate_print.c: graphql-js style printing of values and types for error
 * messages (see validate_print.h). */
#include "validate_print.h"

#include <stdbool.h>
#include <string.h>

/* Escapes control characters, '"', '\\' and U+007F..U+009F as graphql-js's
 * printString does. */
static void validate_print_string(sbuf *b, const char *s, uint32_t len)
{
    static const char short_escapes[32] = {
        ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'};
    sbuf_putc(b, '"');
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && short_escapes[c]) {
            sbuf_putc(b, '\\');
            sbuf_putc(b, short_escapes[c]);
        } else if (c < 0x20 || c == 0x7f) {
            sbuf_printf(b, "\\u%04X", c);
        } else if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9f) {
            sbuf_printf(b, "\\u%04X", (unsigned char)s[++i]);
        } else if (c == '"' || c == '\\') {
            sbuf_putc(b, '\\');
            sbuf_putc(b, (char)c);
        } else {
            sbuf_putc(b, (char)c);
        }
    }
    sbuf_putc(b, '"');
}

static bool validate_print_is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* graphql-js printBlockString: leading and trailing newlines only where they
 * keep the value readable or unambiguous. */
static void validate_print_block_string(sbuf *b, const char *s, uint32_t len)
{
    bool single_line = memchr(s, '\n', len) == NULL && memchr(s, '\r', len) == NULL;
    bool force_leading = !single_line;
    for (uint32_t i = 0; i < len && force_leading; i++) {
        if (s[i] != '\n' && s[i] != '\r') continue;
        uint32_t next = i + 1;
        if (s[i] == '\r' && next < len && s[next] == '\n') next++;
        if (next < len && s[next] != '\n' && s[next] != '\r' && !validate_print_is_space(s[next]))
            force_leading = false;
    }
    bool trailing_triple = len >= 3 && memcmp(s + len - 3, "\"\"\"", 3) == 0;
    bool force_trailing =
        len > 0 && ((s[len - 1] == '"' && !trailing_triple) || s[len - 1] == '\\');
    bool multiple_lines =
        !single_line || len > 70 || force_trailing || force_leading || trailing_triple;
    bool skip_leading = single_line && len > 0 && validate_print_is_space(s[0]);
    sbuf_puts(b, "\"\"\"");
    if ((multiple_lines && !skip_leading) || force_leading) sbuf_putc(b, '\n');
    for (uint32_t i = 0; i < len; i++) {
        if (i + 3 <= len && memcmp(s + i, "\"\"\"", 3) == 0) {
            sbuf_puts(b, "\\\"\"\"");
            i += 2;
        } else {
            sbuf_putc(b, s[i]);
        }
    }
    if (multiple_lines || force_trailing) sbuf_putc(b, '\n');
    sbuf_puts(b, "\"\"\"");
}

void validate_print_value(sbuf *b, const ast_value *v)
{
    switch (v->kind) {
    case AST_VALUE_VARIABLE:
        sbuf_printf(b, "$%s", v->str);
        break;
    case AST_VALUE_INT:
    case AST_VALUE_FLOAT:
    case AST_VALUE_ENUM:
        sbuf_puts(b, v->str);
        break;
    case AST_VALUE_STRING:
        if (v->block)
            validate_print_block_string(b, v->str, v->len);
        else
            validate_print_string(b, v->str, v->len);
        break;
    case AST_VALUE_BOOLEAN:
        sbuf_puts(b, v->boolean ? "true" : "false");
        break;
    case AST_VALUE_NULL:
        sbuf_puts(b, "null");
        break;
    case AST_VALUE_LIST:
        sbuf_putc(b, '[');
        for (const ast_value *item = v->items; item; item = item->next) {
            validate_print_value(b, item);
            if (item->next) sbuf_puts(b, ", ");
        }
        sbuf_putc(b, ']');
        break;
    case AST_VALUE_OBJECT:
        sbuf_putc(b, '{');
        for (const ast_object_field *f = v->fields; f; f = f->next) {
            sbuf_printf(b, "%s: ", f->name);
            validate_print_value(b, f->value);
            if (f->next) sbuf_puts(b, ", ");
        }
        sbuf_putc(b, '}');
        break;
    }
}

void validate_print_type(sbuf *b, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_NAMED:
        sbuf_puts(b, t->name);
        break;
    case AST_TYPE_LIST:
        sbuf_putc(b, '[');
        validate_print_type(b, t->of);
        sbuf_putc(b, ']');
        break;
    case AST_TYPE_NON_NULL:
        validate_print_type(b, t->of);
        sbuf_putc(b, '!');
        break;
    }
}
