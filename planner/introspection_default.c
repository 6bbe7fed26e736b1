/* introspection_default.c: the `defaultValue` string of __InputValue.
 *
 * graphql-js does not echo the SDL literal: it coerces the literal to the
 * argument's type when the schema is built (valueFromAST), then turns the
 * value back into GraphQL (astFromValue) and prints that. The round trip is
 * visible: `Float = 1.0` reads "1", `[Int] = 1` reads "[1]", input objects
 * gain their fields' defaults in definition order, `ID = "7"` reads "7", and a
 * literal that does not fit its type reads null. This file reproduces both
 * halves over a small value tree built in a scratch arena. */
#include "introspection.h"

#include "printer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting bound for coercion: input-field defaults may refer to their own type. */
#define DEFAULT_MAX_DEPTH 64
/* graphql-js's inspect() prints two levels of nesting, then "[Object]" / "[Array]". */
#define INSPECT_MAX_DEPTH 2
#define INSPECT_MAX_ITEMS 10

typedef enum value_kind {
    VALUE_NULL,
    VALUE_BOOLEAN,
    VALUE_NUMBER,
    VALUE_STRING, /* strings, IDs and enum values alike, as in graphql-js */
    VALUE_LIST,
    VALUE_OBJECT
} value_kind;

typedef struct value value;
typedef struct value_field value_field;

/* A coerced (JavaScript-like) value. */
struct value {
    value_kind kind;
    bool boolean;
    double number;
    const char *str;
    uint32_t len;
    value *items;        /* VALUE_LIST */
    value_field *fields; /* VALUE_OBJECT, in insertion order */
    value *next;         /* next item of the enclosing list */
};

struct value_field {
    const char *name;
    value *value;
    value_field *next;
};

typedef enum print_result { PRINT_NONE, PRINT_NULL, PRINT_OK, PRINT_ERROR } print_result;

typedef struct default_ctx {
    const schema *schema;
    arena *arena;
    sbuf *out;
    const char *error; /* message of the first PRINT_ERROR */
} default_ctx;

static value *coerce(default_ctx *c, const ast_value *lit, const ast_type *type, unsigned depth);

static value *new_value(default_ctx *c, value_kind kind)
{
    value *v = ARENA_NEW(c->arena, value);
    v->kind = kind;
    return v;
}

static value *new_string(default_ctx *c, const char *s, uint32_t len)
{
    value *v = new_value(c, VALUE_STRING);
    v->str = s;
    v->len = len;
    return v;
}

static value *new_number(default_ctx *c, double d)
{
    value *v = new_value(c, VALUE_NUMBER);
    v->number = d;
    return v;
}

static value_field *find_field(value_field *f, const char *name)
{
    for (; f; f = f->next)
        if (strcmp(f->name, name) == 0) return f;
    return NULL;
}

/* Sets obj[name] = v the way a JavaScript object does: a repeated key keeps
 * its first position and takes the last value. */
static void object_set(default_ctx *c, value *obj, value_field **tail, const char *name, value *v)
{
    value_field *f = find_field(obj->fields, name);
    if (f) {
        f->value = v;
        return;
    }
    f = ARENA_NEW(c->arena, value_field);
    f->name = name;
    f->value = v;
    if (*tail)
        (*tail)->next = f;
    else
        obj->fields = f;
    *tail = f;
}

static bool has_directive(const ast_directive *const *dirs, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(dirs[i]->name, name) == 0) return true;
    return false;
}

bool introspection_is_one_of(const schema_type *t)
{
    return t->kind == SCHEMA_INPUT_OBJECT && has_directive(t->directives, t->ndirectives, "oneOf");
}

/* valueFromASTUntyped: what a custom scalar's default parseLiteral yields. */
static value *coerce_untyped(default_ctx *c, const ast_value *lit, unsigned depth)
{
    if (depth > DEFAULT_MAX_DEPTH) return NULL;
    switch (lit->kind) {
    case AST_VALUE_NULL:
        return new_value(c, VALUE_NULL);
    case AST_VALUE_BOOLEAN: {
        value *v = new_value(c, VALUE_BOOLEAN);
        v->boolean = lit->boolean;
        return v;
    }
    case AST_VALUE_INT:
    case AST_VALUE_FLOAT:
        return new_number(c, strtod(lit->str, NULL));
    case AST_VALUE_STRING:
    case AST_VALUE_ENUM:
        return new_string(c, lit->str,
                          lit->kind == AST_VALUE_STRING ? lit->len : (uint32_t)strlen(lit->str));
    case AST_VALUE_LIST: {
        value *list = new_value(c, VALUE_LIST), **link = &list->items;
        for (const ast_value *item = lit->items; item; item = item->next) {
            value *v = coerce_untyped(c, item, depth + 1);
            if (!v) return NULL;
            *link = v;
            link = &v->next;
        }
        return list;
    }
    case AST_VALUE_OBJECT: {
        value *obj = new_value(c, VALUE_OBJECT);
        value_field *tail = NULL;
        for (const ast_object_field *f = lit->fields; f; f = f->next) {
            value *v = coerce_untyped(c, f->value, depth + 1);
            if (!v) return NULL;
            object_set(c, obj, &tail, f->name, v);
        }
        return obj;
    }
    case AST_VALUE_VARIABLE:
        break;
    }
    return NULL;
}

/* The built-in scalars' parseLiteral; NULL when the literal does not fit. */
static value *coerce_builtin_scalar(default_ctx *c, const ast_value *lit, const char *name)
{
    if (strcmp(name, "Int") == 0) {
        if (lit->kind != AST_VALUE_INT) return NULL;
        double d = strtod(lit->str, NULL);
        if (d > 2147483647.0 || d < -2147483648.0) return NULL;
        return new_number(c, d);
    }
    if (strcmp(name, "Float") == 0) {
        if (lit->kind != AST_VALUE_INT && lit->kind != AST_VALUE_FLOAT) return NULL;
        return new_number(c, strtod(lit->str, NULL));
    }
    if (strcmp(name, "String") == 0)
        return lit->kind == AST_VALUE_STRING ? new_string(c, lit->str, lit->len) : NULL;
    if (strcmp(name, "ID") == 0) {
        if (lit->kind == AST_VALUE_STRING) return new_string(c, lit->str, lit->len);
        if (lit->kind == AST_VALUE_INT) return new_string(c, lit->str, (uint32_t)strlen(lit->str));
        return NULL;
    }
    if (lit->kind != AST_VALUE_BOOLEAN) return NULL; /* Boolean */
    value *v = new_value(c, VALUE_BOOLEAN);
    v->boolean = lit->boolean;
    return v;
}

static bool is_builtin_scalar_name(const char *name)
{
    static const char *const names[] = {"Int", "Float", "String", "Boolean", "ID"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) return true;
    return false;
}

static value *coerce_enum(default_ctx *c, const ast_value *lit, const schema_type *t)
{
    if (lit->kind != AST_VALUE_ENUM || !schema_get_enum_value(t, lit->str)) return NULL;
    return new_string(c, lit->str, (uint32_t)strlen(lit->str));
}

/* The last field of the literal with that name (graphql-js keys by name). */
static const ast_object_field *find_literal_field(const ast_value *lit, const char *name)
{
    const ast_object_field *found = NULL;
    for (const ast_object_field *f = lit->fields; f; f = f->next)
        if (strcmp(f->name, name) == 0) found = f;
    return found;
}

/* A oneOf input object holds exactly one field, and not null. */
static bool one_of_holds(const value *obj)
{
    return obj->fields && !obj->fields->next && obj->fields->value->kind != VALUE_NULL;
}

static value *coerce_input_object(default_ctx *c, const ast_value *lit, const schema_type *t,
                                  unsigned depth)
{
    if (lit->kind != AST_VALUE_OBJECT) return NULL;
    value *obj = new_value(c, VALUE_OBJECT);
    value_field *tail = NULL;
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        const ast_object_field *given = find_literal_field(lit, f->name);
        value *v;
        if (given) {
            v = coerce(c, given->value, f->type, depth + 1);
            if (!v) return NULL;
        } else {
            /* An unusable default counts as no default, as in graphql-js. */
            v = f->default_value ? coerce(c, f->default_value, f->type, depth + 1) : NULL;
            if (!v) {
                if (f->type->kind == AST_TYPE_NON_NULL) return NULL;
                continue;
            }
        }
        object_set(c, obj, &tail, f->name, v);
    }
    if (introspection_is_one_of(t) && !one_of_holds(obj)) return NULL;
    return obj;
}

/* valueFromAST: the literal as a value of `type`, or NULL when it does not fit. */
static value *coerce(default_ctx *c, const ast_value *lit, const ast_type *type, unsigned depth)
{
    if (depth > DEFAULT_MAX_DEPTH || lit->kind == AST_VALUE_VARIABLE) return NULL;
    if (type->kind == AST_TYPE_NON_NULL)
        return lit->kind == AST_VALUE_NULL ? NULL : coerce(c, lit, type->of, depth + 1);
    if (lit->kind == AST_VALUE_NULL) return new_value(c, VALUE_NULL);
    if (type->kind == AST_TYPE_LIST) {
        value *list = new_value(c, VALUE_LIST);
        if (lit->kind != AST_VALUE_LIST) { /* a lone item stands for a list of one */
            list->items = coerce(c, lit, type->of, depth + 1);
            return list->items ? list : NULL;
        }
        value **link = &list->items;
        for (const ast_value *item = lit->items; item; item = item->next) {
            value *v = coerce(c, item, type->of, depth + 1);
            if (!v) return NULL;
            *link = v;
            link = &v->next;
        }
        return list;
    }
    const schema_type *t = schema_get_type(c->schema, type->name);
    if (!t) return NULL;
    switch (t->kind) {
    case SCHEMA_INPUT_OBJECT:
        return coerce_input_object(c, lit, t, depth);
    case SCHEMA_ENUM:
        return coerce_enum(c, lit, t);
    case SCHEMA_SCALAR:
        if (is_builtin_scalar_name(t->name)) return coerce_builtin_scalar(c, lit, t->name);
        return coerce_untyped(c, lit, depth);
    default:
        return NULL;
    }
}

void introspection_js_number(sbuf *out, double d)
{
    if (isnan(d)) {
        sbuf_puts(out, "NaN");
        return;
    }
    if (isinf(d)) {
        sbuf_puts(out, d < 0 ? "-Infinity" : "Infinity");
        return;
    }
    if (d == 0) { /* -0 prints as 0 too */
        sbuf_putc(out, '0');
        return;
    }
    /* The shortest digit string that reads back as d, as ECMAScript asks. */
    char sci[40];
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(sci, sizeof sci, "%.*e", precision - 1, d);
        if (strtod(sci, NULL) == d) break;
    }
    const char *p = sci;
    if (*p == '-') {
        sbuf_putc(out, '-');
        p++;
    }
    char digits[24];
    int k = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') digits[k++] = *p;
    int n = atoi(p + 1) + 1; /* position of the decimal point */
    if (k <= n && n <= 21) {
        sbuf_append(out, digits, (size_t)k);
        for (int i = k; i < n; i++)
            sbuf_putc(out, '0');
    } else if (0 < n && n <= 21) {
        sbuf_append(out, digits, (size_t)n);
        sbuf_putc(out, '.');
        sbuf_append(out, digits + n, (size_t)(k - n));
    } else if (-6 < n && n <= 0) {
        sbuf_puts(out, "0.");
        for (int i = n; i < 0; i++)
            sbuf_putc(out, '0');
        sbuf_append(out, digits, (size_t)k);
    } else {
        sbuf_putc(out, digits[0]);
        if (k > 1) {
            sbuf_putc(out, '.');
            sbuf_append(out, digits + 1, (size_t)(k - 1));
        }
        sbuf_printf(out, "e%c%d", n - 1 >= 0 ? '+' : '-', abs(n - 1));
    }
}

/* /^-?(?:0|[1-9][0-9]*)$/, which decides between Int and other literals. */
static bool is_integer_text(const char *s, size_t len)
{
    size_t i = (len > 0 && s[0] == '-') ? 1 : 0;
    if (i == len) return false;
    if (s[i] == '0') return i + 1 == len;
    for (; i < len; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/* graphql-js inspect(), for the "Cannot convert value to AST" message. */
static void inspect(sbuf *out, const value *v, unsigned depth)
{
    switch (v->kind) {
    case VALUE_NULL:
        sbuf_puts(out, "null");
        return;
    case VALUE_BOOLEAN:
        sbuf_puts(out, v->boolean ? "true" : "false");
        return;
    case VALUE_NUMBER:
        introspection_js_number(out, v->number);
        return;
    case VALUE_STRING:
        sbuf_json_string(out, v->str, v->len);
        return;
    case VALUE_LIST: {
        if (!v->items) {
            sbuf_puts(out, "[]");
            return;
        }
        if (depth >= INSPECT_MAX_DEPTH) {
            sbuf_puts(out, "[Array]");
            return;
        }
        unsigned shown = 0, total = 0;
        sbuf_putc(out, '[');
        for (const value *item = v->items; item; item = item->next, total++) {
            if (shown == INSPECT_MAX_ITEMS) continue;
            if (shown++) sbuf_puts(out, ", ");
            inspect(out, item, depth + 1);
        }
        if (total > shown)
            sbuf_printf(out, ", ... %u more item%s", total - shown, total - shown > 1 ? "s" : "");
        sbuf_putc(out, ']');
        return;
    }
    case VALUE_OBJECT:
        if (!v->fields) {
            sbuf_puts(out, "{}");
            return;
        }
        if (depth >= INSPECT_MAX_DEPTH) {
            sbuf_puts(out, "[Object]");
            return;
        }
        sbuf_puts(out, "{ ");
        for (const value_field *f = v->fields; f; f = f->next) {
            if (f != v->fields) sbuf_puts(out, ", ");
            sbuf_printf(out, "%s: ", f->name);
            inspect(out, f->value, depth + 1);
        }
        sbuf_puts(out, " }");
        return;
    }
}

static print_result cannot_convert(default_ctx *c, const value *v)
{
    if (!c->error) {
        sbuf msg;
        sbuf_init(&msg);
        sbuf_puts(&msg, "Cannot convert value to AST: ");
        inspect(&msg, v, 0);
        sbuf_putc(&msg, '.');
        c->error = arena_strndup(c->arena, msg.data, msg.len);
        sbuf_free(&msg);
    }
    return PRINT_ERROR;
}

/* A leaf value: serialize() of its scalar or enum type, then the literal. */
static print_result write_leaf_literal(default_ctx *c, const value *v, const schema_type *t)
{
    bool id = t->kind == SCHEMA_SCALAR && strcmp(t->name, "ID") == 0;
    switch (v->kind) {
    case VALUE_BOOLEAN:
        sbuf_puts(c->out, v->boolean ? "true" : "false");
        return PRINT_OK;
    case VALUE_NUMBER:
        if (!isfinite(v->number)) return cannot_convert(c, v);
        introspection_js_number(c->out, v->number);
        return PRINT_OK;
    case VALUE_STRING:
        if (t->kind == SCHEMA_ENUM || (id && is_integer_text(v->str, v->len)))
            sbuf_append(c->out, v->str, v->len);
        else
            print_string(c->out, v->str, v->len);
        return PRINT_OK;
    default:
        return cannot_convert(c, v);
    }
}

static void truncate_to(sbuf *out, size_t len)
{
    out->len = len;
    if (out->data) out->data[len] = '\0';
}

static print_result write_literal(default_ctx *c, const value *v, const ast_type *type);

static print_result write_list_literal(default_ctx *c, const value *v, const ast_type *item_type)
{
    if (v->kind != VALUE_LIST) return write_literal(c, v, item_type);
    sbuf_putc(c->out, '[');
    bool any = false;
    for (const value *item = v->items; item; item = item->next) {
        size_t mark = c->out->len;
        if (any) sbuf_puts(c->out, ", ");
        print_result r = write_literal(c, item, item_type);
        if (r == PRINT_ERROR) return r;
        if (r == PRINT_NONE)
            truncate_to(c->out, mark);
        else
            any = true;
    }
    sbuf_putc(c->out, ']');
    return PRINT_OK;
}

static print_result write_object_literal(default_ctx *c, const value *v, const schema_type *t)
{
    if (v->kind != VALUE_OBJECT) return PRINT_NONE;
    sbuf_putc(c->out, '{');
    bool any = false;
    for (uint32_t i = 0; i < t->nfields; i++) {
        const value_field *given = find_field(v->fields, t->fields[i].name);
        if (!given) continue;
        size_t mark = c->out->len;
        sbuf_printf(c->out, "%s%s: ", any ? ", " : "", given->name);
        print_result r = write_literal(c, given->value, t->fields[i].type);
        if (r == PRINT_ERROR) return r;
        if (r == PRINT_NONE)
            truncate_to(c->out, mark);
        else
            any = true;
    }
    sbuf_putc(c->out, '}');
    return PRINT_OK;
}

/* astFromValue followed by print(). */
static print_result write_literal(default_ctx *c, const value *v, const ast_type *type)
{
    if (type->kind == AST_TYPE_NON_NULL) {
        size_t mark = c->out->len;
        print_result r = write_literal(c, v, type->of);
        if (r != PRINT_NULL) return r;
        truncate_to(c->out, mark);
        return PRINT_NONE;
    }
    if (v->kind == VALUE_NULL) {
        sbuf_puts(c->out, "null");
        return PRINT_NULL;
    }
    if (type->kind == AST_TYPE_LIST) return write_list_literal(c, v, type->of);
    const schema_type *t = schema_get_type(c->schema, type->name);
    if (!t) return PRINT_NONE;
    if (t->kind == SCHEMA_INPUT_OBJECT) return write_object_literal(c, v, t);
    return write_leaf_literal(c, v, t);
}

introspection_default_result introspection_print_default(const schema *s, arena *scratch,
                                                         const ast_value *literal,
                                                         const ast_type *type, sbuf *out,
                                                         const char **error)
{
    default_ctx c = {.schema = s, .arena = scratch, .out = out, .error = NULL};
    *error = NULL;
    value *v = coerce(&c, literal, type, 0);
    if (!v) return INTROSPECTION_DEFAULT_NONE;
    size_t mark = out->len;
    switch (write_literal(&c, v, type)) {
    case PRINT_OK:
    case PRINT_NULL:
        return INTROSPECTION_DEFAULT_OK;
    case PRINT_NONE:
        truncate_to(out, mark);
        return INTROSPECTION_DEFAULT_NONE;
    case PRINT_ERROR:
        break;
    }
    truncate_to(out, mark);
    *error = c.error;
    return INTROSPECTION_DEFAULT_ERROR;
}
