/* shape.c: projecting the merged data onto the client's response (see shape.h).
 *
 * Values are written straight into the output; when a non-null value turns
 * out null, the output is cut back to where the nearest nullable parent
 * began and `null` is written there instead. */
#include "shape.h"

#include <string.h>

#include "introspection.h"

typedef enum shape_result {
    SHAPE_OK,
    SHAPE_NULL,   /* the data holds null, or nothing, here */
    SHAPE_BUBBLED /* a non-null value inside was null: this value is null */
} shape_result;

static bool write_typed(shape_ctx *ctx, const plan_shape_field *f, const ast_type *t,
                        const tree_node *v, sbuf *out);

static bool variable_is_true(const shape_ctx *ctx, const char *name)
{
    const json_value *v = json_get(ctx->variables, name);
    return v && v->type == JSON_TRUE;
}

static bool guard_holds(const shape_ctx *ctx, const plan_shape_guard *g)
{
    for (uint32_t i = 0; i < g->nskip_if; i++)
        if (variable_is_true(ctx, g->skip_if[i])) return false;
    for (uint32_t i = 0; i < g->ninclude_if; i++)
        if (!variable_is_true(ctx, g->include_if[i])) return false;
    return true;
}

static bool field_applies(const shape_ctx *ctx, const plan_shape_field *f)
{
    for (uint32_t i = 0; i < f->nguards; i++)
        if (guard_holds(ctx, &f->guards[i])) return true;
    return f->nguards == 0;
}

/* The shape for obj's type: its type's own, or the one for any type. */
static const plan_shape *shape_for(const plan_shape *shape, const tree_node *obj)
{
    const char *type_name = shape->nvariants ? tree_typename(obj) : NULL;
    for (uint32_t i = 0; type_name && i < shape->nvariants; i++)
        if (strcmp(shape->variant_types[i], type_name) == 0) return shape->variants[i];
    return shape;
}

static void cut(sbuf *out, size_t mark)
{
    out->len = mark;
    if (out->data) out->data[mark] = '\0';
}

static bool push(shape_ctx *ctx, resp_step step)
{
    if (ctx->depth == SHAPE_MAX_DEPTH) return false;
    ctx->path[ctx->depth++] = step;
    return true;
}

static void write_introspection(shape_ctx *ctx, const plan_shape_field *f, sbuf *out)
{
    diag_list diags;
    diag_init(&diags, ctx->arena);
    introspection_write_root_field(ctx->sg->api, f->introspection_doc, f->introspection_field,
                                   ctx->variables, out, &diags);
    resp_path path = {.steps = ctx->path, .len = ctx->depth};
    for (const diag *d = diags.first; d; d = d->next)
        errors_add(ctx->errors, d->message, &path);
}

/* false: the object must become null. */
static bool write_object(shape_ctx *ctx, const plan_shape *shape, const tree_node *obj, sbuf *out)
{
    bool first = true;
    uint32_t hint = 0;
    shape = shape_for(shape, obj);
    sbuf_putc(out, '{');
    for (uint32_t i = 0; i < shape->nfields; i++) {
        const plan_shape_field *f = &shape->fields[i];
        if (!field_applies(ctx, f)) continue;
        if (!first) sbuf_putc(out, ',');
        first = false;
        sbuf_json_string(out, f->response_key, strlen(f->response_key));
        sbuf_putc(out, ':');
        if (!push(ctx, (resp_step){.key = f->response_key})) return false;
        bool ok = true;
        if (f->kind == PLAN_SHAPE_TYPENAME) {
            const char *type_name = tree_typename(obj);
            if (!type_name) type_name = f->parent_type;
            sbuf_json_string(out, type_name, strlen(type_name));
        } else if (f->kind == PLAN_SHAPE_INTROSPECTION) {
            write_introspection(ctx, f, out);
        } else {
            ok = write_typed(ctx, f, f->type, tree_get_from(obj, f->data_key, &hint), out);
        }
        ctx->depth--;
        if (!ok) return false;
    }
    sbuf_putc(out, '}');
    return true;
}

/* t is a list or named type; writes nothing unless SHAPE_OK. */
/* A subgraph may return an enum value the client's schema lacks (@inaccessible,
 * or known to that subgraph only): like GraphQL's serialization, it becomes
 * null with an error. false then, after adding the error. */
static bool enum_value_known(shape_ctx *ctx, const ast_type *t, const tree_node *v)
{
    const schema_type *named = t->name ? schema_get_type(ctx->sg->api, t->name) : NULL;
    if (!named || named->kind != SCHEMA_ENUM) return true;
    const char *text = v->type == JSON_STRING ? v->u.scalar->u.str : NULL;
    if (text && schema_get_enum_value(named, text)) return true;
    resp_path path = {.steps = ctx->path, .len = ctx->depth};
    const char *shown = text ? arena_sprintf(ctx->arena, "\"%s\"", text) : "a non-string value";
    errors_add(
        ctx->errors,
        arena_sprintf(ctx->arena, "Enum \"%s\" cannot represent value: %s", named->name, shown),
        &path);
    return false;
}

/* An object whose type is @inaccessible: the client cannot be told what it
 * is, so it is null (no error: the schema it sees has no such object). */
static bool of_hidden_type(const shape_ctx *ctx, const tree_node *obj)
{
    const char *type_name = tree_typename(obj);
    return type_name && schema_get_type(ctx->sg->full, type_name) &&
           !schema_get_type(ctx->sg->api, type_name);
}

static shape_result write_nullable(shape_ctx *ctx, const plan_shape_field *f, const ast_type *t,
                                   const tree_node *v, sbuf *out)
{
    if (!v || v->type == JSON_NULL) return SHAPE_NULL;
    size_t mark = out->len;
    if (t->kind == AST_TYPE_LIST) {
        if (v->type != JSON_ARRAY) return SHAPE_NULL;
        sbuf_putc(out, '[');
        for (uint32_t i = 0; i < v->len; i++) {
            if (i) sbuf_putc(out, ',');
            bool ok = push(ctx, (resp_step){.index = i});
            if (ok) {
                ok = write_typed(ctx, f, t->of, &v->u.items[i], out);
                ctx->depth--;
            }
            if (!ok) {
                cut(out, mark);
                return SHAPE_BUBBLED;
            }
        }
        sbuf_putc(out, ']');
    } else if (f->selection) {
        if (v->type != JSON_OBJECT || of_hidden_type(ctx, v)) return SHAPE_NULL;
        if (!write_object(ctx, f->selection, v, out)) {
            cut(out, mark);
            return SHAPE_BUBBLED;
        }
    } else {
        if (!enum_value_known(ctx, t, v)) return SHAPE_NULL;
        tree_write(out, v);
    }
    return SHAPE_OK;
}

static void null_error(shape_ctx *ctx, const plan_shape_field *f)
{
    resp_path path = {.steps = ctx->path, .len = ctx->depth};
    if (ctx->errors->fetch_failed || errors_cover(ctx->errors, &path)) return;
    errors_add(ctx->errors,
               arena_sprintf(ctx->arena, "Cannot return null for non-nullable field %s.%s.",
                             f->parent_type, f->field_name),
               &path);
}

/* Writes v as type t; false when it is null and t is non-null. */
static bool write_typed(shape_ctx *ctx, const plan_shape_field *f, const ast_type *t,
                        const tree_node *v, sbuf *out)
{
    /* A shape without the field's type: written as a nullable value. */
    static const ast_type unknown = {.kind = AST_TYPE_NAMED, .name = ""};
    if (!t) t = &unknown;
    bool non_null = t->kind == AST_TYPE_NON_NULL;
    shape_result r = write_nullable(ctx, f, non_null ? t->of : t, v, out);
    if (r == SHAPE_OK) return true;
    if (non_null) {
        if (r == SHAPE_NULL) null_error(ctx, f);
        return false;
    }
    sbuf_puts(out, "null");
    return true;
}

bool shape_write(shape_ctx *ctx, const plan_shape *shape, const tree_node *root, sbuf *out)
{
    size_t mark = out->len;
    ctx->depth = 0;
    if (write_object(ctx, shape, root, out)) return true;
    cut(out, mark);
    sbuf_puts(out, "null");
    return false;
}
