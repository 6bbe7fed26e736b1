/* printer.c: GraphQL text from a syntax tree (see printer.h). One set of
 * routines serves both forms: layout text (spaces, ", ", newlines and
 * indentation) is written only in the pretty form, tokens in both, and the
 * compact form puts a space only between two tokens that would otherwise
 * merge (two names, numbers or strings, or a name and "..."). */
#include "printer.h"

#include <string.h>

#define PRINT_MAX_LINE 80       /* graphql-js wraps field arguments past this */
#define PRINT_BLOCK_ONE_LINE 70 /* longer block strings get their own lines */

typedef struct printer {
    sbuf *out;
    bool compact;
    unsigned indent; /* pretty: nesting of the block being written */
    bool after_word; /* compact: the last token was a name, number or string */
} printer;

/* ---- low-level output ---- */

static void pr_init(printer *p, sbuf *out, bool compact)
{
    p->out = out;
    p->compact = compact;
    p->indent = 0;
    p->after_word = false;
}

/* Layout: written in the pretty form only. */
static void pr_layout(printer *p, const char *s)
{
    if (!p->compact) sbuf_puts(p->out, s);
}

static void pr_newline(printer *p)
{
    if (p->compact) return;
    sbuf_putc(p->out, '\n');
    for (unsigned i = 0; i < p->indent; i++)
        sbuf_append(p->out, "  ", 2);
}

/* A punctuator: "{", ":", "@", "...". */
static void pr_punct(printer *p, const char *s)
{
    if (p->compact && p->after_word && s[0] == '.') sbuf_putc(p->out, ' ');
    sbuf_puts(p->out, s);
    p->after_word = false;
}

/* A name, number or string token of n bytes. */
static void pr_word_n(printer *p, const char *s, size_t n)
{
    if (p->compact && p->after_word) sbuf_putc(p->out, ' ');
    sbuf_append(p->out, s, n);
    p->after_word = true;
}

static void pr_word(printer *p, const char *s)
{
    pr_word_n(p, s, strlen(s));
}

/* Length as graphql-js measures it: UTF-16 code units. */
static size_t utf16_length(const char *s, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) len++;
        if (c >= 0xF0) len++; /* a surrogate pair */
    }
    return len;
}

/* ---- strings ---- */

static void pr_string(printer *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    static const char *const short_escapes[32] = {
        ['\b'] = "\\b", ['\t'] = "\\t", ['\n'] = "\\n", ['\f'] = "\\f", ['\r'] = "\\r",
    };
    if (p->compact && p->after_word) sbuf_putc(p->out, ' ');
    sbuf *out = p->out;
    sbuf_putc(out, '"');
    size_t run = 0; /* start of the bytes not yet written */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned code;
        size_t width = 1;
        if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
            code = c;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] <= 0x9F) {
            code = (unsigned char)s[i + 1]; /* U+0080..U+009F, C1 controls */
            width = 2;
        } else {
            continue;
        }
        sbuf_append(out, s + run, i - run);
        run = i + width;
        i += width - 1;
        if (code == '"' || code == '\\') {
            char esc[2] = {'\\', (char)code};
            sbuf_append(out, esc, 2);
        } else if (code < 32 && short_escapes[code]) {
            sbuf_puts(out, short_escapes[code]);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[code >> 4], hex[code & 15]};
            sbuf_append(out, esc, 6);
        }
    }
    sbuf_append(out, s + run, n - run);
    sbuf_putc(out, '"');
    p->after_word = true;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

bool print_is_block_printable(const char *s, size_t n)
{
    bool empty_line = true, has_indent = false, common_indent = true, seen_line = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* graphql-js refuses only these control characters, and \r. */
        if (c <= 0x08 || c == 0x0B || c == 0x0C || c == 0x0E || c == 0x0F || c == '\r')
            return false;
        if (c == '\n') {
            if (empty_line && !seen_line) return false; /* a leading empty line */
            seen_line = true;
            empty_line = true;
            has_indent = false;
        } else if (is_blank((char)c)) {
            has_indent = has_indent || empty_line;
        } else {
            common_indent = common_indent && has_indent;
            empty_line = false;
        }
    }
    if (n == 0) return true;
    if (empty_line) return false;         /* trailing empty lines */
    return !(common_indent && seen_line); /* every line indented */
}

/* A line break inside a block string: indented like the block around it in
 * the pretty form, bare in the compact one. */
static void pr_line_break(printer *p)
{
    if (p->compact)
        sbuf_putc(p->out, '\n');
    else
        pr_newline(p);
}

/* Writes s with """ escaped; in the pretty form each line break is followed
 * by the current indentation, as graphql-js renders nested block strings. */
static void pr_block_body(printer *p, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            sbuf_append(p->out, s + run, i - run);
            pr_line_break(p);
            run = i + 1;
        } else if (s[i] == '"' && i + 2 < n && s[i + 1] == '"' && s[i + 2] == '"') {
            sbuf_append(p->out, s + run, i - run);
            sbuf_append(p->out, "\\\"\"\"", 4);
            i += 2;
            run = i + 1;
        }
    }
    sbuf_append(p->out, s + run, n - run);
}

/* graphql-js printBlockString; the compact form is its `minimize` option. */
static void pr_block_string(printer *p, const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);
    bool single_line = nl == NULL;
    bool force_leading = !single_line;
    for (const char *line = nl; line && force_leading;
         line = memchr(line + 1, '\n', n - (size_t)(line + 1 - s))) {
        size_t at = (size_t)(line + 1 - s);
        force_leading = at == n || s[at] == '\n' || is_blank(s[at]);
    }
    size_t quotes = 0;
    while (quotes < n && s[n - 1 - quotes] == '"')
        quotes++;
    bool trailing_triple = quotes > 0 && quotes % 3 == 0;
    bool force_trailing = (quotes > 0 && !trailing_triple) || (n > 0 && s[n - 1] == '\\');
    bool multiple_lines =
        !p->compact && (!single_line || utf16_length(s, n) > PRINT_BLOCK_ONE_LINE ||
                        force_trailing || force_leading || trailing_triple);
    bool skip_leading = single_line && n > 0 && is_blank(s[0]);

    if (p->compact && p->after_word) sbuf_putc(p->out, ' ');
    sbuf_append(p->out, "\"\"\"", 3);
    if ((multiple_lines && !skip_leading) || force_leading) {
        pr_line_break(p);
    }
    pr_block_body(p, s, n);
    if (multiple_lines || force_trailing) {
        pr_line_break(p);
    }
    sbuf_append(p->out, "\"\"\"", 3);
    p->after_word = true;
}

/* A description, then a line break before what it describes. */
static void pr_description(printer *p, const char *description)
{
    if (!description) return;
    size_t n = strlen(description);
    if (print_is_block_printable(description, n))
        pr_block_string(p, description, n);
    else
        pr_string(p, description, n);
    pr_newline(p);
}

/* ---- values, types, directives ---- */

static void pr_value(printer *p, const ast_value *v);

static void pr_list_value(printer *p, const ast_value *v)
{
    pr_punct(p, "[");
    for (const ast_value *item = v->items; item; item = item->next) {
        pr_value(p, item);
        if (item->next) pr_layout(p, ", ");
    }
    pr_punct(p, "]");
}

static void pr_object_value(printer *p, const ast_value *v)
{
    pr_punct(p, "{");
    for (const ast_object_field *f = v->fields; f; f = f->next) {
        pr_word(p, f->name);
        pr_punct(p, ":");
        pr_layout(p, " ");
        pr_value(p, f->value);
        if (f->next) pr_layout(p, ", ");
    }
    pr_punct(p, "}");
}

/* Recursion is bounded by the parser's nesting limit on the tree. */
static void pr_value(printer *p, const ast_value *v)
{
    switch (v->kind) {
    case AST_VALUE_VARIABLE:
        pr_punct(p, "$");
        pr_word(p, v->str);
        break;
    case AST_VALUE_INT:
    case AST_VALUE_FLOAT:
    case AST_VALUE_ENUM:
        pr_word(p, v->str);
        break;
    case AST_VALUE_STRING:
        if (v->block)
            pr_block_string(p, v->str, v->len);
        else
            pr_string(p, v->str, v->len);
        break;
    case AST_VALUE_BOOLEAN:
        pr_word(p, v->boolean ? "true" : "false");
        break;
    case AST_VALUE_NULL:
        pr_word(p, "null");
        break;
    case AST_VALUE_LIST:
        pr_list_value(p, v);
        break;
    case AST_VALUE_OBJECT:
        pr_object_value(p, v);
        break;
    }
}

static void pr_type(printer *p, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_NAMED:
        pr_word(p, t->name);
        break;
    case AST_TYPE_LIST:
        pr_punct(p, "[");
        pr_type(p, t->of);
        pr_punct(p, "]");
        break;
    case AST_TYPE_NON_NULL:
        pr_type(p, t->of);
        pr_punct(p, "!");
        break;
    }
}

static void pr_argument(printer *p, const ast_argument *a)
{
    pr_word(p, a->name);
    pr_punct(p, ":");
    pr_layout(p, " ");
    pr_value(p, a->value);
}

/* (a: 1, b: 2) on one line. */
static void pr_arguments_inline(printer *p, const ast_argument *args)
{
    pr_punct(p, "(");
    for (const ast_argument *a = args; a; a = a->next) {
        pr_argument(p, a);
        if (a->next) pr_layout(p, ", ");
    }
    pr_punct(p, ")");
}

/* Directives, each preceded by a space in the pretty form. */
static void pr_directives(printer *p, const ast_directive *dirs)
{
    for (const ast_directive *d = dirs; d; d = d->next) {
        pr_layout(p, " ");
        pr_punct(p, "@");
        pr_word(p, d->name);
        if (d->arguments) pr_arguments_inline(p, d->arguments);
    }
}

/* ---- executable definitions ---- */

static void pr_selection_set(printer *p, const ast_selection *first);

/* graphql-js UTF-16 length of out[from..) without the indentation that
 * line breaks inside block strings received. */
static size_t pr_measure(const printer *p, size_t from)
{
    const char *s = p->out->data + from;
    size_t n = p->out->len - from, newlines = 0;
    for (size_t i = 0; i < n; i++)
        newlines += s[i] == '\n';
    return utf16_length(s, n) - newlines * 2 * p->indent;
}

/* Field arguments go one per line when the field would pass 80 columns. */
static void pr_field_arguments(printer *p, const ast_selection *s)
{
    size_t prefix = utf16_length(s->name, strlen(s->name));
    if (s->alias) prefix += utf16_length(s->alias, strlen(s->alias)) + 2;
    size_t start = p->out->len;
    pr_arguments_inline(p, s->arguments);
    if (p->compact || prefix + pr_measure(p, start) <= PRINT_MAX_LINE) return;
    p->out->len = start;
    sbuf_append(p->out, "(", 1);
    p->indent++;
    for (const ast_argument *a = s->arguments; a; a = a->next) {
        pr_newline(p);
        pr_argument(p, a);
    }
    p->indent--;
    pr_newline(p);
    pr_punct(p, ")");
}

static void pr_field(printer *p, const ast_selection *s)
{
    if (s->alias) {
        pr_word(p, s->alias);
        pr_punct(p, ":");
        pr_layout(p, " ");
    }
    pr_word(p, s->name);
    if (s->arguments) pr_field_arguments(p, s);
    pr_directives(p, s->directives);
    if (s->selection_set) {
        pr_layout(p, " ");
        pr_selection_set(p, s->selection_set);
    }
}

static void pr_selection(printer *p, const ast_selection *s)
{
    switch (s->kind) {
    case AST_SEL_FIELD:
        pr_field(p, s);
        break;
    case AST_SEL_FRAGMENT_SPREAD:
        pr_punct(p, "...");
        pr_word(p, s->name);
        pr_directives(p, s->directives);
        break;
    case AST_SEL_INLINE_FRAGMENT:
        pr_punct(p, "...");
        if (s->type_condition) {
            pr_layout(p, " ");
            pr_word(p, "on");
            pr_layout(p, " ");
            pr_word(p, s->type_condition);
        }
        pr_directives(p, s->directives);
        pr_layout(p, " ");
        pr_selection_set(p, s->selection_set);
        break;
    }
}

/* Recursion is bounded by the parser's nesting limit on the tree. */
static void pr_selection_set(printer *p, const ast_selection *first)
{
    pr_punct(p, "{");
    p->indent++;
    for (const ast_selection *s = first; s; s = s->next) {
        pr_newline(p);
        pr_selection(p, s);
    }
    p->indent--;
    pr_newline(p);
    pr_punct(p, "}");
}

static void pr_variable(printer *p, const ast_variable_def *v)
{
    pr_description(p, v->description);
    pr_punct(p, "$");
    pr_word(p, v->name);
    pr_punct(p, ":");
    pr_layout(p, " ");
    pr_type(p, v->type);
    if (v->default_value) {
        pr_layout(p, " ");
        pr_punct(p, "=");
        pr_layout(p, " ");
        pr_value(p, v->default_value);
    }
    pr_directives(p, v->directives);
}

/* ($a: Int, $b: Int), or one per line (unindented, as graphql-js does) when
 * any of them spans lines. */
static void pr_variables(printer *p, const ast_variable_def *vars)
{
    size_t start = p->out->len;
    pr_punct(p, "(");
    for (const ast_variable_def *v = vars; v; v = v->next) {
        pr_variable(p, v);
        if (v->next) pr_layout(p, ", ");
    }
    pr_punct(p, ")");
    if (p->compact || !memchr(p->out->data + start, '\n', p->out->len - start)) return;
    p->out->len = start;
    pr_punct(p, "(");
    for (const ast_variable_def *v = vars; v; v = v->next) {
        pr_newline(p);
        pr_variable(p, v);
    }
    pr_newline(p);
    pr_punct(p, ")");
}

static const char *const operation_names[] = {
    [AST_OP_QUERY] = "query",
    [AST_OP_MUTATION] = "mutation",
    [AST_OP_SUBSCRIPTION] = "subscription",
};

/* keyword: write `query` even where the shorthand `{ }` would do. */
static void pr_operation(printer *p, const ast_definition *d, bool keyword)
{
    bool bare = !keyword && d->operation == AST_OP_QUERY && !d->name && !d->variables &&
                !d->directives && !d->description;
    if (!bare) {
        pr_description(p, d->description);
        pr_word(p, operation_names[d->operation]);
        if (d->name) {
            pr_layout(p, " ");
            pr_word(p, d->name);
        }
        if (d->variables) {
            if (!d->name) pr_layout(p, " ");
            pr_variables(p, d->variables);
        }
        pr_directives(p, d->directives);
        pr_layout(p, " ");
    }
    pr_selection_set(p, d->selection_set);
}

static void pr_fragment(printer *p, const ast_definition *d)
{
    pr_description(p, d->description);
    pr_word(p, "fragment");
    pr_layout(p, " ");
    pr_word(p, d->name);
    pr_layout(p, " ");
    pr_word(p, "on");
    pr_layout(p, " ");
    pr_word(p, d->type_condition);
    pr_directives(p, d->directives);
    pr_layout(p, " ");
    pr_selection_set(p, d->selection_set);
}

/* ---- type-system definitions ---- */

static void pr_input_value(printer *p, const ast_field_def *f)
{
    pr_description(p, f->description);
    pr_word(p, f->name);
    pr_punct(p, ":");
    pr_layout(p, " ");
    pr_type(p, f->type);
    if (f->default_value) {
        pr_layout(p, " ");
        pr_punct(p, "=");
        pr_layout(p, " ");
        pr_value(p, f->default_value);
    }
    pr_directives(p, f->directives);
}

/* Argument definitions: on one line, or one per line, indented, when any
 * of them spans lines (a description does). */
static void pr_argument_defs(printer *p, const ast_field_def *args)
{
    if (!args) return;
    size_t start = p->out->len;
    pr_punct(p, "(");
    for (const ast_field_def *a = args; a; a = a->next) {
        pr_input_value(p, a);
        if (a->next) pr_layout(p, ", ");
    }
    pr_punct(p, ")");
    if (p->compact || !memchr(p->out->data + start, '\n', p->out->len - start)) return;
    p->out->len = start;
    pr_punct(p, "(");
    p->indent++;
    for (const ast_field_def *a = args; a; a = a->next) {
        pr_newline(p);
        pr_input_value(p, a);
    }
    p->indent--;
    pr_newline(p);
    pr_punct(p, ")");
}

static void pr_field_def(printer *p, const ast_field_def *f)
{
    pr_description(p, f->description);
    pr_word(p, f->name);
    pr_argument_defs(p, f->arguments);
    pr_punct(p, ":");
    pr_layout(p, " ");
    pr_type(p, f->type);
    pr_directives(p, f->directives);
}

/* Opens a { } block of definition members, one per line. */
static void pr_block_open(printer *p)
{
    pr_layout(p, " ");
    pr_punct(p, "{");
    p->indent++;
}

static void pr_block_close(printer *p)
{
    p->indent--;
    pr_newline(p);
    pr_punct(p, "}");
}

static void pr_root_operations(printer *p, const ast_root_op *ops)
{
    if (!ops) return;
    pr_block_open(p);
    for (const ast_root_op *r = ops; r; r = r->next) {
        pr_newline(p);
        pr_word(p, operation_names[r->operation]);
        pr_punct(p, ":");
        pr_layout(p, " ");
        pr_word(p, r->type_name);
    }
    pr_block_close(p);
}

static void pr_fields(printer *p, const ast_definition *d)
{
    if (!d->fields) return;
    pr_block_open(p);
    for (const ast_field_def *f = d->fields; f; f = f->next) {
        pr_newline(p);
        if (d->kind == AST_DEF_INPUT_OBJECT)
            pr_input_value(p, f);
        else
            pr_field_def(p, f);
    }
    pr_block_close(p);
}

static void pr_enum_values(printer *p, const ast_enum_value_def *values)
{
    if (!values) return;
    pr_block_open(p);
    for (const ast_enum_value_def *e = values; e; e = e->next) {
        pr_newline(p);
        pr_description(p, e->description);
        pr_word(p, e->name);
        pr_directives(p, e->directives);
    }
    pr_block_close(p);
}

/* Names joined by " & " or " | ", after `intro` ("implements", "="). */
static void pr_name_list(printer *p, const char *intro, const ast_name *names, const char *sep)
{
    if (!names) return;
    pr_layout(p, " ");
    if (intro[0] == '=')
        pr_punct(p, intro);
    else
        pr_word(p, intro);
    pr_layout(p, " ");
    for (const ast_name *n = names; n; n = n->next) {
        pr_word(p, n->name);
        if (!n->next) break;
        pr_layout(p, " ");
        pr_punct(p, sep);
        pr_layout(p, " ");
    }
}

static void pr_directive_definition(printer *p, const ast_definition *d)
{
    pr_word(p, "directive");
    pr_layout(p, " ");
    pr_punct(p, "@");
    pr_word(p, d->name);
    pr_argument_defs(p, d->arguments);
    if (d->repeatable) {
        pr_layout(p, " ");
        pr_word(p, "repeatable");
    }
    pr_layout(p, " ");
    pr_word(p, "on");
    pr_layout(p, " ");
    for (const ast_name *n = d->locations; n; n = n->next) {
        pr_word(p, n->name);
        if (!n->next) break;
        pr_layout(p, " ");
        pr_punct(p, "|");
        pr_layout(p, " ");
    }
}

static const char *const definition_keywords[] = {
    [AST_DEF_SCHEMA] = "schema",       [AST_DEF_SCALAR] = "scalar",       [AST_DEF_OBJECT] = "type",
    [AST_DEF_INTERFACE] = "interface", [AST_DEF_UNION] = "union",         [AST_DEF_ENUM] = "enum",
    [AST_DEF_INPUT_OBJECT] = "input",  [AST_DEF_DIRECTIVE] = "directive",
};

static void pr_type_system_definition(printer *p, const ast_definition *d)
{
    if (d->extension) {
        pr_word(p, "extend");
        pr_layout(p, " ");
    } else {
        pr_description(p, d->description);
    }
    if (d->kind == AST_DEF_DIRECTIVE) {
        pr_directive_definition(p, d);
        return;
    }
    pr_word(p, definition_keywords[d->kind]);
    if (d->name) {
        pr_layout(p, " ");
        pr_word(p, d->name);
    }
    pr_name_list(p, "implements", d->interfaces, "&");
    pr_directives(p, d->directives);
    pr_root_operations(p, d->root_operations);
    pr_fields(p, d);
    pr_name_list(p, "=", d->members, "|");
    pr_enum_values(p, d->values);
}

/* Whether a "{" right after d would be read as d's body: `type T`, `enum E`,
 * `extend schema @d` and the like, written without one. */
static bool pr_takes_braces(const ast_definition *d)
{
    switch (d->kind) {
    case AST_DEF_OBJECT:
    case AST_DEF_INTERFACE:
    case AST_DEF_INPUT_OBJECT:
        return !d->fields;
    case AST_DEF_ENUM:
        return !d->values;
    case AST_DEF_SCHEMA:
        return !d->root_operations;
    default:
        return false;
    }
}

static void pr_definition(printer *p, const ast_definition *d, const ast_definition *prev)
{
    switch (d->kind) {
    case AST_DEF_OPERATION:
        /* graphql-js would print a shorthand `{ }` there, which then parses as
         * the body of the definition before it. */
        pr_operation(p, d, prev && pr_takes_braces(prev));
        break;
    case AST_DEF_FRAGMENT:
        pr_fragment(p, d);
        break;
    default:
        pr_type_system_definition(p, d);
        break;
    }
}

static void pr_document(printer *p, const ast_document *doc)
{
    for (const ast_definition *d = doc->definitions, *prev = NULL; d; prev = d, d = d->next) {
        pr_definition(p, d, prev);
        if (d->next) pr_layout(p, "\n\n");
    }
    if (!p->out->data) sbuf_append(p->out, "", 0);
}

/* ---- public entry points ---- */

void print_document(sbuf *out, const ast_document *doc)
{
    printer p;
    pr_init(&p, out, false);
    pr_document(&p, doc);
}

void print_document_compact(sbuf *out, const ast_document *doc)
{
    printer p;
    pr_init(&p, out, true);
    pr_document(&p, doc);
}

void print_selection_set(sbuf *out, const ast_selection *first)
{
    printer p;
    pr_init(&p, out, false);
    pr_selection_set(&p, first);
}

void print_selection_set_compact(sbuf *out, const ast_selection *first)
{
    printer p;
    pr_init(&p, out, true);
    pr_selection_set(&p, first);
}

void print_value(sbuf *out, const ast_value *v)
{
    printer p;
    pr_init(&p, out, false);
    pr_value(&p, v);
}

void print_type(sbuf *out, const ast_type *t)
{
    printer p;
    pr_init(&p, out, false);
    pr_type(&p, t);
}

void print_directives(sbuf *out, const ast_directive *first)
{
    printer p;
    pr_init(&p, out, false);
    size_t start = out->len;
    pr_directives(&p, first);
    /* pr_directives leads each with a space; the list on its own has none. */
    if (out->len > start) {
        memmove(out->data + start, out->data + start + 1, out->len - start - 1);
        out->len--;
        out->data[out->len] = '\0';
    }
}

void print_string(sbuf *out, const char *s, size_t len)
{
    printer p;
    pr_init(&p, out, false);
    pr_string(&p, s, len);
}

void print_block_string(sbuf *out, const char *s, size_t len)
{
    printer p;
    pr_init(&p, out, false);
    pr_block_string(&p, s, len);
}
