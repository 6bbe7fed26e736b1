/* validate_values.c: the value rules (ValuesOfCorrectType,
 * UniqueInputFieldNames) and validate_value_rules(), which walks every
 * definition once and hands each part to the value, variable and directive
 * rules. Messages are graphql-js 16's. */
#include "validate_values.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "suggest.h"
#include "validate_print.h"
#include "validate_rules.h"

diag *vval_error(vval_ctx *c, src_loc loc, const char *message)
{
    return diag_add(c->errs, loc, "%s", message);
}

/* Appends the printed value and returns the buffer's text. */
static const char *vval_printed(sbuf *b, const ast_value *v)
{
    validate_print_value(b, v);
    return b->data;
}

static void vval_expected(vval_ctx *c, const ast_value *v, const ast_type *type)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "Expected value of type \"");
    validate_print_type(&b, type);
    sbuf_puts(&b, "\", found ");
    validate_print_value(&b, v);
    sbuf_putc(&b, '.');
    vval_error(c, v->loc, b.data);
    sbuf_free(&b);
}

static bool vval_int_in_range(const char *text)
{
    errno = 0;
    long long n = strtoll(text, NULL, 10);
    return errno == 0 && n >= -2147483648LL && n <= 2147483647LL;
}

/* The message a built-in scalar's literal parser gives for v, or NULL when
 * v is acceptable (custom scalars accept every literal). */
static const char *vval_scalar_problem(const schema_type *t, const ast_value *v, bool *with_value)
{
    *with_value = true;
    if (!t->builtin) return NULL;
    if (strcmp(t->name, "Int") == 0) {
        if (v->kind != AST_VALUE_INT) return "Int cannot represent non-integer value: ";
        *with_value = false;
        return vval_int_in_range(v->str) ? NULL
                                         : "Int cannot represent non 32-bit signed integer value: ";
    }
    if (strcmp(t->name, "Float") == 0)
        return v->kind == AST_VALUE_INT || v->kind == AST_VALUE_FLOAT
                   ? NULL
                   : "Float cannot represent non numeric value: ";
    if (strcmp(t->name, "String") == 0)
        return v->kind == AST_VALUE_STRING ? NULL : "String cannot represent a non string value: ";
    if (strcmp(t->name, "Boolean") == 0)
        return v->kind == AST_VALUE_BOOLEAN ? NULL
                                            : "Boolean cannot represent a non boolean value: ";
    if (strcmp(t->name, "ID") == 0)
        return v->kind == AST_VALUE_STRING || v->kind == AST_VALUE_INT
                   ? NULL
                   : "ID cannot represent a non-string and non-integer value: ";
    return NULL;
}

static void vval_check_scalar(vval_ctx *c, const ast_value *v, const schema_type *t)
{
    bool with_value;
    const char *problem = vval_scalar_problem(t, v, &with_value);
    if (!problem) return;
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, problem);
    if (with_value)
        validate_print_value(&b, v);
    else
        sbuf_puts(&b, v->str);
    vval_error(c, v->loc, b.data);
    sbuf_free(&b);
}

/* Enum literals must name one of the type's values; anything else (strings
 * included) is rejected with the nearest value names as hints. */
static void vval_check_enum(vval_ctx *c, const ast_value *v, const schema_type *t)
{
    if (v->kind == AST_VALUE_ENUM && schema_get_enum_value(t, v->str)) return;
    sbuf printed, b;
    sbuf_init(&printed);
    sbuf_init(&b);
    const char *text = vval_printed(&printed, v);
    if (v->kind == AST_VALUE_ENUM)
        sbuf_printf(&b, "Value \"%s\" does not exist in \"%s\" enum.", text, t->name);
    else
        sbuf_printf(&b, "Enum \"%s\" cannot represent non-enum value: %s.", t->name, text);
    const char **names = ARENA_ARRAY(c->scratch, const char *, t->nvalues ? t->nvalues : 1);
    for (uint32_t i = 0; i < t->nvalues; i++)
        names[i] = t->values[i].name;
    const char **close;
    uint32_t n = suggest_list(c->scratch, text, names, t->nvalues, &close);
    suggest_did_you_mean(&b, "the enum value", close, n);
    vval_error(c, v->loc, b.data);
    sbuf_free(&printed);
    sbuf_free(&b);
}

/* graphql-js isValidValueNode: a literal at a position of type `type`. */
static void vval_check_leaf(vval_ctx *c, const ast_value *v, const ast_type *type)
{
    if (!type) return;
    const schema_type *named = vscan_named(c->s, type);
    if (!named) return;
    if (!schema_is_leaf(named))
        vval_expected(c, v, type);
    else if (named->kind == SCHEMA_ENUM)
        vval_check_enum(c, v, named);
    else
        vval_check_scalar(c, v, named);
}

bool vval_is_one_of(const schema_type *t)
{
    for (uint32_t i = 0; i < t->ndirectives; i++)
        if (strcmp(t->directives[i]->name, "oneOf") == 0) return true;
    return false;
}

static const ast_object_field *vval_find_field(const ast_value *obj, const char *name)
{
    const ast_object_field *found = NULL;
    for (const ast_object_field *f = obj->fields; f; f = f->next)
        if (strcmp(f->name, name) == 0) found = f;
    return found;
}

static void vval_check_required_fields(vval_ctx *c, const ast_value *obj, const schema_type *t)
{
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        if (f->type->kind != AST_TYPE_NON_NULL || f->default_value) continue;
        if (vval_find_field(obj, f->name)) continue;
        sbuf b;
        sbuf_init(&b);
        sbuf_printf(&b, "Field \"%s.%s\" of required type \"", t->name, f->name);
        validate_print_type(&b, f->type);
        sbuf_puts(&b, "\" was not provided.");
        vval_error(c, obj->loc, b.data);
        sbuf_free(&b);
    }
}

/* A @oneOf input object takes exactly one field, and not null. */
static void vval_check_one_of(vval_ctx *c, const ast_value *obj, const schema_type *t)
{
    const ast_object_field *first = obj->fields;
    bool one_key = first != NULL;
    for (const ast_object_field *f = first ? first->next : NULL; f && one_key; f = f->next)
        one_key = strcmp(f->name, first->name) == 0;
    if (!one_key) {
        diag_add(c->errs, obj->loc, "OneOf Input Object \"%s\" must specify exactly one key.",
                 t->name);
        return;
    }
    const ast_object_field *last = vval_find_field(obj, first->name);
    if (last->value->kind == AST_VALUE_NULL)
        diag_add(c->errs, obj->loc, "Field \"%s.%s\" must be non-null.", t->name, first->name);
}

static void vval_unknown_field(vval_ctx *c, const ast_object_field *f, const schema_type *t)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "Field \"%s\" is not defined by type \"%s\".", f->name, t->name);
    const char **names = ARENA_ARRAY(c->scratch, const char *, t->nfields ? t->nfields : 1);
    for (uint32_t i = 0; i < t->nfields; i++)
        names[i] = t->fields[i].name;
    const char **close;
    uint32_t n = suggest_list(c->scratch, f->name, names, t->nfields, &close);
    suggest_did_you_mean(&b, NULL, close, n);
    vval_error(c, f->loc, b.data);
    sbuf_free(&b);
}

/* UniqueInputFieldNames for field f of an object: a repeat is reported
 * against the name's first occurrence. */
static void vval_check_unique_field(vval_ctx *c, strmap *seen, const ast_object_field *f)
{
    const ast_object_field *first = strmap_get(seen, f->name);
    if (!first) {
        strmap_put(seen, f->name, (void *)f);
        return;
    }
    diag *e =
        diag_add(c->errs, first->loc, "There can be only one input field named \"%s\".", f->name);
    diag_loc(e, f->loc);
}

/* Both value rules in one pass, in the order graphql-js's visitors report:
 * v stands where `type` is expected (NULL: unknown). ValuesOfCorrectType
 * stops looking below a value it rejected as a whole (typed = false), while
 * UniqueInputFieldNames looks at every object. */
static void vval_walk(vval_ctx *c, const ast_value *v, const ast_type *type, bool typed)
{
    switch (v->kind) {
    case AST_VALUE_VARIABLE:
        return;
    case AST_VALUE_NULL:
        if (typed && type && type->kind == AST_TYPE_NON_NULL) vval_expected(c, v, type);
        return;
    case AST_VALUE_LIST: {
        const ast_type *list = vscan_nullable(type);
        bool is_list = list && list->kind == AST_TYPE_LIST;
        if (typed && !is_list) {
            vval_check_leaf(c, v, list); /* a list where a single value is expected */
            typed = false;
        }
        for (const ast_value *item = v->items; item; item = item->next)
            vval_walk(c, item, is_list ? list->of : NULL, typed);
        return;
    }
    case AST_VALUE_OBJECT: {
        const schema_type *named = vscan_named(c->s, type);
        if (typed && (!named || named->kind != SCHEMA_INPUT_OBJECT)) {
            vval_check_leaf(c, v, type);
            typed = false;
        }
        if (typed) {
            vval_check_required_fields(c, v, named);
            if (vval_is_one_of(named)) vval_check_one_of(c, v, named);
        }
        strmap seen; /* field name -> its first occurrence */
        strmap_init(&seen, c->scratch, 8);
        for (const ast_object_field *f = v->fields; f; f = f->next) {
            const schema_field *def = typed ? schema_get_field(named, f->name) : NULL;
            if (typed && !def) vval_unknown_field(c, f, named);
            vval_check_unique_field(c, &seen, f);
            vval_walk(c, f->value, def ? def->type : NULL, typed);
        }
        return;
    }
    default:
        if (typed) vval_check_leaf(c, v, type);
        return;
    }
}

void vval_check_value(vval_ctx *c, const ast_value *v, const vscan_position *pos)
{
    vval_walk(c, v, pos->type, true);
}

static void vval_on_directives(void *user, const ast_directive *dirs)
{
    vdir_check_unique(user, dirs);
}

static void vval_on_directive(void *user, const ast_directive *d, schema_location location)
{
    vdir_check_known(user, d, location);
}

static void vval_on_value(void *user, const ast_value *v, const vscan_position *pos)
{
    vval_check_value(user, v, pos);
    vvar_collect(user, v, pos);
}

static void vval_on_variable_def(void *user, const ast_variable_def *def)
{
    vvar_check_definition(user, def);
}

void validate_value_rules(const schema *s, const ast_document *doc, diag_list *errs)
{
    arena scratch;
    arena_init(&scratch, 0);
    vval_ctx c = {.s = s, .errs = errs, .scratch = &scratch};
    strmap_init(&c.fragments, &scratch, 16);
    strmap_init(&c.usages, &scratch, 16);
    vscan_init(&c.scan, s);
    vscan_init(&c.usage_scan, s);
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_FRAGMENT) strmap_put(&c.fragments, d->name, (void *)d);

    vscan_visitor v = {.user = &c,
                       .directives = vval_on_directives,
                       .directive = vval_on_directive,
                       .value = vval_on_value,
                       .variable_def = vval_on_variable_def};
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        vvar_enter_definition(&c, d);
        vscan_definition(&c.scan, d, &v);
        vvar_leave_definition(&c, d);
    }
    arena_free(&scratch);
}
