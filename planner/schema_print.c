/* schema_print.c: schema to SDL text in graphql-js printSchema()'s layout
 * (see schema_print.h). */
#include "schema_print.h"

#include <stdio.h>
#include <string.h>

#include "printer.h"

#define DEFAULT_DEPRECATION_REASON "No longer supported"

/* Descriptions: a block string when it survives as one, else a quoted
 * string; indented like the element it describes, and separated from the
 * previous element of a block by an empty line. */
static void print_description(sbuf *out, const char *desc, const char *indent, bool first)
{
    if (!desc) return;
    if (*indent && !first) sbuf_printf(out, "\n%s", indent);
    else sbuf_puts(out, indent);
    sbuf text;
    sbuf_init(&text);
    size_t len = strlen(desc);
    if (print_is_block_printable(desc, len)) print_block_string(&text, desc, len);
    else print_string(&text, desc, len);
    for (const char *p = text.data; *p; p++) {
        sbuf_putc(out, *p);
        if (*p == '\n') sbuf_puts(out, indent);
    }
    sbuf_putc(out, '\n');
    sbuf_free(&text);
}

static void print_deprecated(sbuf *out, bool deprecated, const char *reason)
{
    if (!deprecated) return;
    if (!reason || strcmp(reason, DEFAULT_DEPRECATION_REASON) == 0) {
        sbuf_puts(out, " @deprecated");
        return;
    }
    sbuf_puts(out, " @deprecated(reason: ");
    print_string(out, reason, strlen(reason));
    sbuf_putc(out, ')');
}

static void print_input_value(sbuf *out, const schema_field *f)
{
    sbuf_printf(out, "%s: ", f->name);
    print_type(out, f->type);
    if (f->default_value) {
        sbuf_puts(out, " = ");
        print_value(out, f->default_value);
    }
    print_deprecated(out, f->deprecated, f->deprecation_reason);
}

static void print_args(sbuf *out, const schema_field *args, uint32_t nargs, const char *indent)
{
    if (nargs == 0) return;
    bool described = false;
    for (uint32_t i = 0; i < nargs; i++) described |= args[i].description != NULL;
    if (!described) {
        sbuf_putc(out, '(');
        for (uint32_t i = 0; i < nargs; i++) {
            if (i) sbuf_puts(out, ", ");
            print_input_value(out, &args[i]);
        }
        sbuf_putc(out, ')');
        return;
    }
    char inner[64];
    snprintf(inner, sizeof inner, "  %s", indent);
    sbuf_puts(out, "(\n");
    for (uint32_t i = 0; i < nargs; i++) {
        print_description(out, args[i].description, inner, i == 0);
        sbuf_puts(out, inner);
        print_input_value(out, &args[i]);
        sbuf_putc(out, '\n');
    }
    sbuf_printf(out, "%s)", indent);
}

static void print_fields(sbuf *out, const schema_type *t)
{
    if (t->nfields == 0) return;
    sbuf_puts(out, " {\n");
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        print_description(out, f->description, "  ", i == 0);
        sbuf_puts(out, "  ");
        if (t->kind == SCHEMA_INPUT_OBJECT) {
            print_input_value(out, f);
        } else {
            sbuf_puts(out, f->name);
            print_args(out, f->args, f->nargs, "  ");
            sbuf_puts(out, ": ");
            print_type(out, f->type);
            print_deprecated(out, f->deprecated, f->deprecation_reason);
        }
        sbuf_putc(out, '\n');
    }
    sbuf_putc(out, '}');
}

static void print_interfaces(sbuf *out, const schema_type *t)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        sbuf_printf(out, "%s%s", i ? " & " : " implements ", t->interfaces[i]->name);
}

static void print_enum_values(sbuf *out, const schema_type *t)
{
    if (t->nvalues == 0) return;
    sbuf_puts(out, " {\n");
    for (uint32_t i = 0; i < t->nvalues; i++) {
        const schema_enum_value *v = &t->values[i];
        print_description(out, v->description, "  ", i == 0);
        sbuf_printf(out, "  %s", v->name);
        print_deprecated(out, v->deprecated, v->deprecation_reason);
        sbuf_putc(out, '\n');
    }
    sbuf_putc(out, '}');
}

static void print_named_type(sbuf *out, const schema_type *t)
{
    print_description(out, t->description, "", true);
    switch (t->kind) {
    case SCHEMA_SCALAR:
        sbuf_printf(out, "scalar %s", t->name);
        if (t->specified_by_url) {
            sbuf_puts(out, " @specifiedBy(url: ");
            print_string(out, t->specified_by_url, strlen(t->specified_by_url));
            sbuf_putc(out, ')');
        }
        break;
    case SCHEMA_OBJECT:
    case SCHEMA_INTERFACE:
        sbuf_printf(out, "%s %s", t->kind == SCHEMA_OBJECT ? "type" : "interface", t->name);
        print_interfaces(out, t);
        print_fields(out, t);
        break;
    case SCHEMA_UNION:
        sbuf_printf(out, "union %s", t->name);
        for (uint32_t i = 0; i < t->npossible; i++)
            sbuf_printf(out, "%s%s", i ? " | " : " = ", t->possible[i]->name);
        break;
    case SCHEMA_ENUM:
        sbuf_printf(out, "enum %s", t->name);
        print_enum_values(out, t);
        break;
    case SCHEMA_INPUT_OBJECT:
        sbuf_printf(out, "input %s", t->name);
        print_fields(out, t);
        break;
    }
}

static void print_directive_def(sbuf *out, const schema_directive *d)
{
    print_description(out, d->description, "", true);
    sbuf_printf(out, "directive @%s", d->name);
    print_args(out, d->args, d->nargs, "");
    if (d->repeatable) sbuf_puts(out, " repeatable");
    sbuf_puts(out, " on");
    for (const ast_name *l = d->location_names; l; l = l->next)
        sbuf_printf(out, "%s%s", l == d->location_names ? " " : " | ", l->name);
}

static bool roots_have_common_names(const schema *s)
{
    return (!s->query || strcmp(s->query->name, "Query") == 0) &&
           (!s->mutation || strcmp(s->mutation->name, "Mutation") == 0) &&
           (!s->subscription || strcmp(s->subscription->name, "Subscription") == 0);
}

static void print_schema_definition(sbuf *out, const schema *s)
{
    print_description(out, s->description, "", true);
    sbuf_puts(out, "schema {\n");
    if (s->query) sbuf_printf(out, "  query: %s\n", s->query->name);
    if (s->mutation) sbuf_printf(out, "  mutation: %s\n", s->mutation->name);
    if (s->subscription) sbuf_printf(out, "  subscription: %s\n", s->subscription->name);
    sbuf_putc(out, '}');
}

/* Separates top-level definitions by one empty line. */
static void next_definition(sbuf *out, size_t start)
{
    if (out->len > start) sbuf_puts(out, "\n\n");
}

void schema_print(sbuf *out, const schema *s)
{
    size_t start = out->len;
    if (s->description || !roots_have_common_names(s)) print_schema_definition(out, s);
    for (uint32_t i = 0; i < s->ndirectives; i++) {
        if (s->directives[i]->builtin) continue;
        next_definition(out, start);
        print_directive_def(out, s->directives[i]);
    }
    for (uint32_t i = 0; i < s->ntypes; i++) {
        if (s->types[i]->builtin) continue;
        next_definition(out, start);
        print_named_type(out, s->types[i]);
    }
    if (out->len > start) sbuf_putc(out, '\n');
}
