/* variables.c: coercion of request variables (see variables.h). Values are
 * checked against the type reference as written in the operation; the
 * recursion follows the type, whose nesting is bounded by the parser. */
#include "variables.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "printer.h"
#include "sbuf.h"

typedef struct coercion {
    arena *a;
    const schema *s;
    char problem[256]; /* graphql-js's reason, e.g. "Int cannot represent ..." */
    char at[256];      /* path inside the value: "input.tags[1]" */
    const json_value *bad; /* the value the problem is about */
} coercion;

/* Values in messages look the way graphql-js's inspect() prints them:
 * {a: 1} as `{ a: 1 }`, lists as `[1, "x"]`. */
static void value_text(sbuf *b, const json_value *v)
{
    switch (v->type) {
    case JSON_ARRAY:
        sbuf_putc(b, '[');
        for (uint32_t i = 0; i < v->len; i++) {
            if (i) sbuf_puts(b, ", ");
            value_text(b, &v->u.items[i]);
        }
        sbuf_putc(b, ']');
        break;
    case JSON_OBJECT:
        if (v->len == 0) {
            sbuf_puts(b, "{}");
            break;
        }
        sbuf_puts(b, "{ ");
        for (uint32_t i = 0; i < v->len; i++) {
            if (i) sbuf_puts(b, ", ");
            sbuf_printf(b, "%s: ", v->u.members[i].key);
            value_text(b, &v->u.members[i].value);
        }
        sbuf_puts(b, " }");
        break;
    default: json_write(b, v);
    }
}

static bool fail(coercion *c, const char *fmt, const json_value *v)
{
    c->bad = v;
    sbuf b;
    sbuf_init(&b);
    value_text(&b, v);
    snprintf(c->problem, sizeof c->problem, fmt, b.data);
    sbuf_free(&b);
    return false;
}

static json_value *new_value(arena *a, json_type t)
{
    json_value *v = ARENA_NEW(a, json_value);
    v->type = t;
    return v;
}

static bool coerce_int(coercion *c, const json_value *v, json_value **out)
{
    if (v->type != JSON_NUMBER) return fail(c, "Int cannot represent non-integer value: %s", v);
    double d = json_as_double(v);
    if (d != floor(d)) return fail(c, "Int cannot represent non-integer value: %s", v);
    if (d > 2147483647.0 || d < -2147483648.0)
        return fail(c, "Int cannot represent non 32-bit signed integer value: %s", v);
    json_value *r = new_value(c->a, JSON_NUMBER);
    r->u.str = arena_sprintf(c->a, "%ld", (long)d);
    r->len = (uint32_t)strlen(r->u.str);
    *out = r;
    return true;
}

static bool coerce_scalar(coercion *c, const schema_type *t, const json_value *v, json_value **out)
{
    const char *n = t->name;
    if (strcmp(n, "Int") == 0) return coerce_int(c, v, out);
    if (strcmp(n, "Float") == 0) {
        if (v->type != JSON_NUMBER) return fail(c, "Float cannot represent non numeric value: %s", v);
    } else if (strcmp(n, "String") == 0) {
        if (v->type != JSON_STRING) return fail(c, "String cannot represent a non string value: %s", v);
    } else if (strcmp(n, "Boolean") == 0) {
        if (v->type != JSON_TRUE && v->type != JSON_FALSE)
            return fail(c, "Boolean cannot represent a non boolean value: %s", v);
    } else if (strcmp(n, "ID") == 0) {
        int64_t i;
        if (v->type == JSON_NUMBER && json_as_int64(v, &i)) {
            *out = json_new_string(c->a, v->u.str, v->len);
            return true;
        }
        if (v->type != JSON_STRING) return fail(c, "ID cannot represent value: %s", v);
    }
    /* Custom scalars take any JSON value, as a gateway must pass them through. */
    *out = (json_value *)v;
    return true;
}

static bool coerce_enum(coercion *c, const schema_type *t, const json_value *v, json_value **out)
{
    c->bad = v;
    if (v->type != JSON_STRING) {
        sbuf b;
        sbuf_init(&b);
        value_text(&b, v);
        snprintf(c->problem, sizeof c->problem, "Enum \"%s\" cannot represent non-string value: %s.",
                 t->name, b.data);
        sbuf_free(&b);
        return false;
    }
    if (!schema_get_enum_value(t, v->u.str)) {
        snprintf(c->problem, sizeof c->problem, "Value \"%s\" does not exist in \"%s\" enum.",
                 v->u.str, t->name);
        return false;
    }
    *out = (json_value *)v;
    return true;
}

static bool coerce(coercion *c, const ast_type *type, const json_value *v, json_value **out);

/* The path inside the value grows as coercion descends; callers cut it back
 * to the returned mark when the element was fine. */
static size_t path_push_index(coercion *c, uint32_t i)
{
    size_t mark = strlen(c->at);
    snprintf(c->at + mark, sizeof c->at - mark, "[%u]", i);
    return mark;
}

static size_t path_push_key(coercion *c, const char *key)
{
    size_t mark = strlen(c->at);
    snprintf(c->at + mark, sizeof c->at - mark, ".%s", key);
    return mark;
}

static bool coerce_list(coercion *c, const ast_type *item_type, const json_value *v,
                        json_value **out)
{
    if (v->type != JSON_ARRAY) { /* a single value stands for a list of one */
        json_value *one;
        if (!coerce(c, item_type, v, &one)) return false;
        json_value *r = new_value(c->a, JSON_ARRAY);
        r->u.items = one;
        r->len = 1;
        *out = r;
        return true;
    }
    json_value *r = new_value(c->a, JSON_ARRAY);
    r->len = v->len;
    r->u.items = ARENA_ARRAY(c->a, json_value, v->len ? v->len : 1);
    for (uint32_t i = 0; i < v->len; i++) {
        size_t mark = path_push_index(c, i);
        json_value *item;
        if (!coerce(c, item_type, &v->u.items[i], &item)) return false;
        c->at[mark] = '\0';
        r->u.items[i] = *item;
    }
    *out = r;
    return true;
}

static bool coerce_input_object(coercion *c, const schema_type *t, const json_value *v,
                                json_value **out)
{
    c->bad = v;
    if (v->type != JSON_OBJECT) {
        snprintf(c->problem, sizeof c->problem, "Expected type \"%s\" to be an object.", t->name);
        return false;
    }
    for (uint32_t i = 0; i < v->len; i++) {
        if (!schema_get_field(t, v->u.members[i].key)) {
            snprintf(c->problem, sizeof c->problem, "Field \"%s\" is not defined by type \"%s\".",
                     v->u.members[i].key, t->name);
            return false;
        }
    }
    json_value *r = new_value(c->a, JSON_OBJECT);
    r->u.members = ARENA_ARRAY(c->a, json_member, t->nfields ? t->nfields : 1);
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        const json_value *given = json_get(v, f->name);
        c->bad = v;
        json_value *val = NULL;
        if (!given) {
            if (f->default_value) {
                val = vars_literal_to_json(c->a, f->default_value);
            } else if (f->type->kind == AST_TYPE_NON_NULL) {
                sbuf b;
                sbuf_init(&b);
                print_type(&b, f->type);
                snprintf(c->problem, sizeof c->problem,
                         "Field \"%s\" of required type \"%s\" was not provided.", f->name, b.data);
                sbuf_free(&b);
                return false;
            } else {
                continue;
            }
        } else {
            size_t mark = path_push_key(c, f->name);
            if (!coerce(c, f->type, given, &val)) return false;
            c->at[mark] = '\0';
        }
        json_member *m = &r->u.members[r->len++];
        m->key = f->name;
        m->key_len = (uint32_t)strlen(f->name);
        m->value = *val;
    }
    *out = r;
    return true;
}

static bool coerce(coercion *c, const ast_type *type, const json_value *v, json_value **out)
{
    if (type->kind == AST_TYPE_NON_NULL) {
        if (v->type == JSON_NULL) {
            c->bad = v;
            sbuf b;
            sbuf_init(&b);
            print_type(&b, type);
            snprintf(c->problem, sizeof c->problem, "Expected non-nullable type \"%s\" not to be null.",
                     b.data);
            sbuf_free(&b);
            return false;
        }
        return coerce(c, type->of, v, out);
    }
    if (v->type == JSON_NULL) {
        *out = (json_value *)v;
        return true;
    }
    if (type->kind == AST_TYPE_LIST) return coerce_list(c, type->of, v, out);
    const schema_type *t = schema_get_type(c->s, type->name);
    switch (t ? t->kind : SCHEMA_SCALAR) {
    case SCHEMA_ENUM: return coerce_enum(c, t, v, out);
    case SCHEMA_INPUT_OBJECT: return coerce_input_object(c, t, v, out);
    default: return t ? coerce_scalar(c, t, v, out) : fail(c, "Unknown type: %s", v);
    }
}

json_value *vars_literal_to_json(arena *a, const ast_value *v)
{
    json_value *r;
    switch (v->kind) {
    case AST_VALUE_INT:
    case AST_VALUE_FLOAT:
        r = new_value(a, JSON_NUMBER);
        r->u.str = v->str;
        r->len = (uint32_t)strlen(v->str);
        return r;
    case AST_VALUE_STRING: return json_new_string(a, v->str, v->len);
    case AST_VALUE_ENUM: return json_new_string(a, v->str, strlen(v->str));
    case AST_VALUE_BOOLEAN: return new_value(a, v->boolean ? JSON_TRUE : JSON_FALSE);
    case AST_VALUE_LIST: {
        uint32_t n = 0;
        for (const ast_value *i = v->items; i; i = i->next) n++;
        r = new_value(a, JSON_ARRAY);
        r->u.items = ARENA_ARRAY(a, json_value, n ? n : 1);
        for (const ast_value *i = v->items; i; i = i->next)
            r->u.items[r->len++] = *vars_literal_to_json(a, i);
        return r;
    }
    case AST_VALUE_OBJECT: {
        uint32_t n = 0;
        for (const ast_object_field *f = v->fields; f; f = f->next) n++;
        r = new_value(a, JSON_OBJECT);
        r->u.members = ARENA_ARRAY(a, json_member, n ? n : 1);
        for (const ast_object_field *f = v->fields; f; f = f->next) {
            json_member *m = &r->u.members[r->len++];
            m->key = f->name;
            m->key_len = (uint32_t)strlen(f->name);
            m->value = *vars_literal_to_json(a, f->value);
        }
        return r;
    }
    case AST_VALUE_NULL:
    case AST_VALUE_VARIABLE: /* not in constant values: validation rejects it */
        break;
    }
    return new_value(a, JSON_NULL);
}

static void report_invalid(diag_list *errs, const ast_variable_def *d, const coercion *c)
{
    sbuf b;
    sbuf_init(&b);
    value_text(&b, c->bad);
    if (c->at[0])
        diag_add(errs, d->loc, "Variable \"$%s\" got invalid value %s at \"%s%s\"; %s", d->name,
                 b.data, d->name, c->at, c->problem);
    else
        diag_add(errs, d->loc, "Variable \"$%s\" got invalid value %s; %s", d->name, b.data,
                 c->problem);
    sbuf_free(&b);
}

json_value *vars_coerce(arena *a, const schema *s, const ast_variable_def *defs,
                        const json_value *provided, diag_list *errs)
{
    size_t before = errs->count;
    uint32_t n = 0;
    for (const ast_variable_def *d = defs; d; d = d->next) n++;
    json_value *r = new_value(a, JSON_OBJECT);
    r->u.members = ARENA_ARRAY(a, json_member, n ? n : 1);
    coercion c = {.a = a, .s = s};
    for (const ast_variable_def *d = defs; d; d = d->next) {
        const json_value *given = provided ? json_get(provided, d->name) : NULL;
        json_value *val = NULL;
        if (!given) {
            if (d->default_value) {
                val = vars_literal_to_json(a, d->default_value);
            } else if (d->type->kind == AST_TYPE_NON_NULL) {
                sbuf b;
                sbuf_init(&b);
                print_type(&b, d->type);
                diag_add(errs, d->loc, "Variable \"$%s\" of required type \"%s\" was not provided.",
                         d->name, b.data);
                sbuf_free(&b);
                continue;
            } else {
                continue;
            }
        } else if (given->type == JSON_NULL && d->type->kind == AST_TYPE_NON_NULL) {
            sbuf b;
            sbuf_init(&b);
            print_type(&b, d->type);
            diag_add(errs, d->loc, "Variable \"$%s\" of non-null type \"%s\" must not be null.",
                     d->name, b.data);
            sbuf_free(&b);
            continue;
        } else {
            c.at[0] = '\0';
            if (!coerce(&c, d->type, given, &val)) {
                report_invalid(errs, d, &c);
                continue;
            }
        }
        json_member *m = &r->u.members[r->len++];
        m->key = d->name;
        m->key_len = (uint32_t)strlen(d->name);
        m->value = *val;
    }
    return errs->count == before ? r : NULL;
}
