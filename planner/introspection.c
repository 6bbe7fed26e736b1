/* introspection.c: executes introspection selections against the schema
 * model (see introspection.h).
 *
 * Execution follows graphql-js: the fields of a selection set are collected
 * by response key (aliases, fragments and @skip/@include resolved), each key
 * is resolved against the current introspection object, and a composite
 * result is written by collecting the sub-selections of every field merged
 * under the key. The objects are the schema, named types, wrapping types
 * (LIST / NON_NULL, straight from the ast_type references), fields, input
 * values, enum values and directives. JSON goes straight to the output
 * buffer; the only allocations are in a scratch arena released at the end. */
#include "introspection.h"

#include "printer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Fragments being expanded around a selection, innermost first. */
typedef struct frag_trail {
    const char *name;
    const struct frag_trail *up;
} frag_trail;

typedef struct field_node {
    const ast_selection *sel;
    const frag_trail *trail; /* fragments its selection set was reached through */
    struct field_node *next;
} field_node;

/* The names introspection resolves, looked up once per field group. */
typedef enum field_name {
    FIELD_UNKNOWN,
    FIELD_TYPENAME,
    FIELD_SCHEMA,
    FIELD_TYPE_BY_NAME,
    FIELD_NAME,
    FIELD_DESCRIPTION,
    FIELD_TYPES,
    FIELD_QUERY_TYPE,
    FIELD_MUTATION_TYPE,
    FIELD_SUBSCRIPTION_TYPE,
    FIELD_DIRECTIVES,
    FIELD_KIND,
    FIELD_SPECIFIED_BY_URL,
    FIELD_FIELDS,
    FIELD_INTERFACES,
    FIELD_POSSIBLE_TYPES,
    FIELD_ENUM_VALUES,
    FIELD_INPUT_FIELDS,
    FIELD_OF_TYPE,
    FIELD_IS_ONE_OF,
    FIELD_ARGS,
    FIELD_TYPE,
    FIELD_DEFAULT_VALUE,
    FIELD_IS_DEPRECATED,
    FIELD_DEPRECATION_REASON,
    FIELD_IS_REPEATABLE,
    FIELD_LOCATIONS,
    FIELD_NAME_COUNT
} field_name;

static const char *const field_names[FIELD_NAME_COUNT] = {
    [FIELD_TYPENAME] = "__typename",
    [FIELD_SCHEMA] = "__schema",
    [FIELD_TYPE_BY_NAME] = "__type",
    [FIELD_NAME] = "name",
    [FIELD_DESCRIPTION] = "description",
    [FIELD_TYPES] = "types",
    [FIELD_QUERY_TYPE] = "queryType",
    [FIELD_MUTATION_TYPE] = "mutationType",
    [FIELD_SUBSCRIPTION_TYPE] = "subscriptionType",
    [FIELD_DIRECTIVES] = "directives",
    [FIELD_KIND] = "kind",
    [FIELD_SPECIFIED_BY_URL] = "specifiedByURL",
    [FIELD_FIELDS] = "fields",
    [FIELD_INTERFACES] = "interfaces",
    [FIELD_POSSIBLE_TYPES] = "possibleTypes",
    [FIELD_ENUM_VALUES] = "enumValues",
    [FIELD_INPUT_FIELDS] = "inputFields",
    [FIELD_OF_TYPE] = "ofType",
    [FIELD_IS_ONE_OF] = "isOneOf",
    [FIELD_ARGS] = "args",
    [FIELD_TYPE] = "type",
    [FIELD_DEFAULT_VALUE] = "defaultValue",
    [FIELD_IS_DEPRECATED] = "isDeprecated",
    [FIELD_DEPRECATION_REASON] = "deprecationReason",
    [FIELD_IS_REPEATABLE] = "isRepeatable",
    [FIELD_LOCATIONS] = "locations",
};

static field_name lookup_field_name(const char *name)
{
    for (int i = FIELD_UNKNOWN + 1; i < FIELD_NAME_COUNT; i++)
        if (strcmp(name, field_names[i]) == 0) return (field_name)i;
    return FIELD_UNKNOWN;
}

/* Every field selected under one response key. */
typedef struct field_group {
    const char *key;
    const char *json_key; /* `"key":` as written before each value */
    size_t json_key_len;
    field_name name;
    const ast_selection *field; /* the first one: its name and arguments count */
    field_node *nodes, *last_node;
    struct field_group *children; /* collected sub-selections, memoised */
    bool collected;
    struct field_group *next;
} field_group;

typedef enum obj_kind {
    OBJ_ROOT,
    OBJ_SCHEMA,
    OBJ_TYPE,
    OBJ_FIELD,
    OBJ_INPUT_VALUE,
    OBJ_ENUM_VALUE,
    OBJ_DIRECTIVE
} obj_kind;

/* An object introspection resolves fields on. */
typedef struct intro_obj {
    obj_kind kind;
    const void *item;        /* schema_type, schema_field, schema_enum_value, schema_directive */
    const ast_type *wrapper; /* OBJ_TYPE: a LIST or NON_NULL reference (item is NULL) */
} intro_obj;

static const char *const obj_type_names[] = {
    [OBJ_SCHEMA] = "__Schema",        [OBJ_TYPE] = "__Type",
    [OBJ_FIELD] = "__Field",          [OBJ_INPUT_VALUE] = "__InputValue",
    [OBJ_ENUM_VALUE] = "__EnumValue", [OBJ_DIRECTIVE] = "__Directive",
};

typedef struct exec_ctx {
    const schema *schema;
    const ast_document *doc;
    const json_value *variables;
    const ast_variable_def *var_defs; /* for defaults; NULL when already applied */
    const schema_type *root;          /* runtime type of the root selection set */
    arena scratch;
    sbuf *out;
    size_t out_start;
    diag_list *errs;
    bool failed;
    bool too_big; /* INTROSPECTION_MAX_OUTPUT reached: everything left is null */
    unsigned depth;
    const schema_type **types; /* introspection_type_order, computed on first use */
    uint32_t ntypes;
    uint32_t *mark; /* scratch flags by schema_type.index, for possibleTypes */
} exec_ctx;

typedef struct collector {
    const char *type_name; /* the runtime type fragments must apply to */
    strmap groups;         /* response key -> field_group */
    strmap visited;        /* fragments already spread here */
    field_group *first, *last;
} collector;

static void fail(exec_ctx *c, src_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(exec_ctx *c, src_loc loc, const char *fmt, ...)
{
    c->failed = true;
    if (!c->errs) return;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0) return;
    char *msg = arena_alloc(&c->scratch, (size_t)len + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)len + 1, fmt, ap);
    va_end(ap);
    diag_add(c->errs, loc, "%s", msg); /* copied into the list's arena */
}

static void truncate_to(sbuf *out, size_t len)
{
    out->len = len;
    if (out->data) out->data[len] = '\0';
}

/* ---- argument and variable values ---- */

typedef enum arg_state { ARG_ABSENT, ARG_NULL, ARG_SET } arg_state;

/* An argument's value: a literal or a variable's JSON value. A variable the
 * request does not give falls back to the operation's default, and is
 * absent without one. */
typedef struct arg_value {
    arg_state state;
    const ast_value *literal;
    const json_value *json;
    const char *missing_variable; /* absent because this variable was not given */
    src_loc loc;                  /* of the value, for errors */
} arg_value;

static const ast_value *variable_default(const exec_ctx *c, const char *name)
{
    for (const ast_variable_def *v = c->var_defs; v; v = v->next)
        if (strcmp(v->name, name) == 0) return v->default_value;
    return NULL;
}

static arg_value argument(const exec_ctx *c, const ast_argument *args, const char *name)
{
    arg_value r = {.state = ARG_ABSENT};
    const ast_argument *arg = ast_find_argument(args, name);
    if (!arg) return r;
    const ast_value *v = arg->value;
    r.loc = v->loc;
    if (v->kind == AST_VALUE_VARIABLE) {
        const json_value *j = c->variables ? json_get(c->variables, v->str) : NULL;
        if (j) {
            r.json = j;
            r.state = j->type == JSON_NULL ? ARG_NULL : ARG_SET;
            return r;
        }
        v = variable_default(c, v->str);
        if (!v) {
            r.missing_variable = arg->value->str;
            return r;
        }
    }
    r.literal = v;
    r.state = v->kind == AST_VALUE_NULL ? ARG_NULL : ARG_SET;
    return r;
}

/* A Boolean argument; `fallback` when absent, null or not a Boolean. */
static bool argument_bool(const exec_ctx *c, const ast_argument *args, const char *name,
                          bool fallback)
{
    arg_value v = argument(c, args, name);
    if (v.state != ARG_SET) return fallback;
    if (v.json)
        return v.json->type == JSON_TRUE ? true : v.json->type == JSON_FALSE ? false : fallback;
    return v.literal->kind == AST_VALUE_BOOLEAN ? v.literal->boolean : fallback;
}

/* shouldIncludeNode: @skip(if: true) and @include(if: false) leave it out. */
static bool included(const exec_ctx *c, const ast_directive *dirs)
{
    const ast_directive *skip = ast_find_directive(dirs, "skip");
    if (skip && argument_bool(c, skip->arguments, "if", false)) return false;
    const ast_directive *include = ast_find_directive(dirs, "include");
    if (include && !argument_bool(c, include->arguments, "if", true)) return false;
    return true;
}

static bool include_deprecated(const exec_ctx *c, const field_group *g)
{
    return argument_bool(c, g->field->arguments, "includeDeprecated", false);
}

/* ---- field collection ---- */

static void collector_init(exec_ctx *c, collector *col, const char *type_name)
{
    col->type_name = type_name;
    strmap_init(&col->groups, &c->scratch, 16);
    strmap_init(&col->visited, &c->scratch, 4);
    col->first = col->last = NULL;
}

static void set_json_key(exec_ctx *c, field_group *g)
{
    sbuf text;
    sbuf_init(&text);
    sbuf_json_string(&text, g->key, strlen(g->key));
    sbuf_putc(&text, ':');
    g->json_key = arena_strndup(&c->scratch, text.data, text.len);
    g->json_key_len = text.len;
    sbuf_free(&text);
}

static void add_field(exec_ctx *c, collector *col, const ast_selection *sel,
                      const frag_trail *trail)
{
    const char *key = ast_response_key(sel);
    field_group *g = strmap_get(&col->groups, key);
    if (!g) {
        g = ARENA_NEW(&c->scratch, field_group);
        g->key = key;
        g->field = sel;
        g->name = lookup_field_name(sel->name);
        set_json_key(c, g);
        strmap_put(&col->groups, key, g);
        if (col->last)
            col->last->next = g;
        else
            col->first = g;
        col->last = g;
    }
    field_node *n = ARENA_NEW(&c->scratch, field_node);
    n->sel = sel;
    n->trail = trail;
    if (g->last_node)
        g->last_node->next = n;
    else
        g->nodes = n;
    g->last_node = n;
}

static bool fragment_applies(const exec_ctx *c, const char *condition, const char *type_name)
{
    if (!condition || strcmp(condition, type_name) == 0) return true;
    const schema_type *cond = schema_get_type(c->schema, condition);
    const schema_type *runtime = schema_get_type(c->schema, type_name);
    return cond && runtime && schema_is_abstract(cond) && schema_is_possible_type(cond, runtime);
}

static bool on_trail(const frag_trail *t, const char *name)
{
    for (; t; t = t->up)
        if (strcmp(t->name, name) == 0) return true;
    return false;
}

static bool enter(exec_ctx *c, src_loc loc)
{
    if (c->depth < INTROSPECTION_MAX_DEPTH) {
        c->depth++;
        return true;
    }
    fail(c, loc, "Introspection query exceeds the nesting limit of %d.", INTROSPECTION_MAX_DEPTH);
    return false;
}

/* collectFields: adds the fields of a selection set to the collector. */
static void collect(exec_ctx *c, collector *col, const ast_selection *sel, const frag_trail *trail)
{
    for (; sel; sel = sel->next) {
        if (!included(c, sel->directives)) continue;
        if (sel->kind == AST_SEL_FIELD) {
            add_field(c, col, sel, trail);
            continue;
        }
        const ast_selection *inner;
        const frag_trail *inner_trail = trail;
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            if (!fragment_applies(c, sel->type_condition, col->type_name)) continue;
            inner = sel->selection_set;
        } else {
            if (strmap_get(&col->visited, sel->name)) continue;
            strmap_put(&col->visited, sel->name, (void *)sel);
            const ast_definition *frag = ast_find_fragment(c->doc, sel->name);
            if (!frag || !fragment_applies(c, frag->type_condition, col->type_name)) continue;
            if (on_trail(trail, sel->name)) continue; /* a cycle: never followed */
            frag_trail *t = ARENA_NEW(&c->scratch, frag_trail);
            t->name = sel->name;
            t->up = trail;
            inner_trail = t;
            inner = frag->selection_set;
        }
        if (!enter(c, sel->loc)) return;
        collect(c, col, inner, inner_trail);
        c->depth--;
    }
}

/* The sub-selections of every field merged under g, as one collection. */
static field_group *subfields(exec_ctx *c, field_group *g, const char *type_name)
{
    if (!g->collected) {
        collector col;
        collector_init(c, &col, type_name);
        for (const field_node *n = g->nodes; n; n = n->next)
            collect(c, &col, n->sel->selection_set, n->trail);
        g->children = col.first;
        g->collected = true;
    }
    return g->children;
}

/* ---- writing values ---- */

static void write_null(exec_ctx *c)
{
    sbuf_puts(c->out, "null");
}

static void write_bool(exec_ctx *c, bool b)
{
    sbuf_puts(c->out, b ? "true" : "false");
}

static void write_string(exec_ctx *c, const char *s)
{
    if (s)
        sbuf_json_string(c->out, s, strlen(s));
    else
        write_null(c);
}

static const char *obj_type_name(const exec_ctx *c, const intro_obj *o)
{
    return o->kind == OBJ_ROOT ? c->root->name : obj_type_names[o->kind];
}

static bool resolve(exec_ctx *c, field_group *g, const intro_obj *o);

/* The fields of g's sub-selection on o, as a JSON object. */
static void write_object(exec_ctx *c, field_group *g, intro_obj o)
{
    if (c->too_big || !enter(c, g->field->loc)) {
        write_null(c);
        return;
    }
    field_group *fields = subfields(c, g, obj_type_name(c, &o));
    sbuf_putc(c->out, '{');
    bool any = false;
    for (field_group *f = fields; f; f = f->next) {
        size_t mark = c->out->len;
        if (any) sbuf_putc(c->out, ',');
        sbuf_append(c->out, f->json_key, f->json_key_len);
        if (resolve(c, f, &o))
            any = true;
        else
            truncate_to(c->out, mark); /* graphql-js leaves unknown fields out */
    }
    sbuf_putc(c->out, '}');
    c->depth--;
    if (!c->too_big && c->out->len - c->out_start > INTROSPECTION_MAX_OUTPUT) {
        c->too_big = true;
        fail(c, g->field->loc, "Introspection result exceeds %u bytes.", INTROSPECTION_MAX_OUTPUT);
    }
}

static intro_obj type_obj(const schema_type *t)
{
    return (intro_obj){.kind = OBJ_TYPE, .item = t};
}

/* A __Type for a type reference: wrapping types come from the reference. */
static void write_type_ref(exec_ctx *c, field_group *g, const ast_type *ref)
{
    if (ref->kind != AST_TYPE_NAMED) {
        write_object(c, g, (intro_obj){.kind = OBJ_TYPE, .wrapper = ref});
        return;
    }
    const schema_type *t = schema_get_type(c->schema, ref->name);
    if (t)
        write_object(c, g, type_obj(t));
    else
        write_null(c);
}

static void write_type_or_null(exec_ctx *c, field_group *g, const schema_type *t)
{
    if (t)
        write_object(c, g, type_obj(t));
    else
        write_null(c);
}

/* Writes "[" item "," item "]" for the items `keep` lets through. */
#define WRITE_LIST(c, count, keep, write_item)                                                     \
    do {                                                                                           \
        bool first_ = true;                                                                        \
        sbuf_putc((c)->out, '[');                                                                  \
        for (uint32_t i = 0; i < (count) && !(c)->too_big; i++) {                                  \
            if (!(keep)) continue;                                                                 \
            if (!first_) sbuf_putc((c)->out, ',');                                                 \
            first_ = false;                                                                        \
            write_item;                                                                            \
        }                                                                                          \
        sbuf_putc((c)->out, ']');                                                                  \
    } while (0)

static void write_type_list(exec_ctx *c, field_group *g, const schema_type *const *types,
                            uint32_t n)
{
    WRITE_LIST(c, n, true, write_object(c, g, type_obj(types[i])));
}

static void write_input_values(exec_ctx *c, field_group *g, const schema_field *values, uint32_t n)
{
    bool all = include_deprecated(c, g);
    WRITE_LIST(c, n, all || !values[i].deprecated,
               write_object(c, g, (intro_obj){.kind = OBJ_INPUT_VALUE, .item = &values[i]}));
}

static void ensure_type_order(exec_ctx *c)
{
    if (c->types) return;
    c->ntypes = introspection_type_order(c->schema, &c->scratch, &c->types);
    c->mark = ARENA_ARRAY(&c->scratch, uint32_t, c->schema->ntypes + 1);
}

/* An interface's possible types in type-map order, as graphql-js lists them. */
static void write_possible_types(exec_ctx *c, field_group *g, const schema_type *t)
{
    if (t->kind == SCHEMA_UNION) {
        write_type_list(c, g, (const schema_type *const *)t->possible, t->npossible);
        return;
    }
    ensure_type_order(c);
    for (uint32_t i = 0; i < c->ntypes; i++)
        c->mark[c->types[i]->index] = 0;
    for (uint32_t i = 0; i < t->npossible; i++)
        c->mark[t->possible[i]->index] = 1;
    /* Written from a copy: nested possibleTypes reuse the marks. */
    const schema_type **list = ARENA_ARRAY(&c->scratch, const schema_type *, t->npossible + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->ntypes; i++)
        if (c->mark[c->types[i]->index]) list[n++] = c->types[i];
    write_type_list(c, g, list, n);
}

/* ---- __Schema ---- */

static bool resolve_schema(exec_ctx *c, field_group *g)
{
    const schema *s = c->schema;
    switch (g->name) {
    case FIELD_DESCRIPTION:
        write_string(c, s->description);
        return true;
    case FIELD_TYPES:
        ensure_type_order(c);
        write_type_list(c, g, c->types, c->ntypes);
        return true;
    case FIELD_QUERY_TYPE:
        write_type_or_null(c, g, s->query);
        return true;
    case FIELD_MUTATION_TYPE:
        write_type_or_null(c, g, s->mutation);
        return true;
    case FIELD_SUBSCRIPTION_TYPE:
        write_type_or_null(c, g, s->subscription);
        return true;
    case FIELD_DIRECTIVES: {
        /* SDL cannot deprecate a directive: includeDeprecated changes nothing. */
        const schema_directive **dirs;
        uint32_t n = introspection_directive_order(s, &c->scratch, &dirs);
        WRITE_LIST(c, n, true,
                   write_object(c, g, (intro_obj){.kind = OBJ_DIRECTIVE, .item = dirs[i]}));
        return true;
    }
    default:
        return false;
    }
}

/* ---- __Type ---- */

static const char *kind_name(const intro_obj *o)
{
    static const char *const names[] = {
        [SCHEMA_SCALAR] = "SCALAR",       [SCHEMA_OBJECT] = "OBJECT",
        [SCHEMA_INTERFACE] = "INTERFACE", [SCHEMA_UNION] = "UNION",
        [SCHEMA_ENUM] = "ENUM",           [SCHEMA_INPUT_OBJECT] = "INPUT_OBJECT",
    };
    if (o->wrapper) return o->wrapper->kind == AST_TYPE_LIST ? "LIST" : "NON_NULL";
    return names[((const schema_type *)o->item)->kind];
}

static void write_fields(exec_ctx *c, field_group *g, const schema_type *t)
{
    bool all = include_deprecated(c, g);
    WRITE_LIST(c, t->nfields, all || !t->fields[i].deprecated,
               write_object(c, g, (intro_obj){.kind = OBJ_FIELD, .item = &t->fields[i]}));
}

static void write_enum_values(exec_ctx *c, field_group *g, const schema_type *t)
{
    bool all = include_deprecated(c, g);
    WRITE_LIST(c, t->nvalues, all || !t->values[i].deprecated,
               write_object(c, g, (intro_obj){.kind = OBJ_ENUM_VALUE, .item = &t->values[i]}));
}

static bool has_fields(const schema_type *t)
{
    return t && (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE);
}

static bool is_kind(const schema_type *t, schema_kind kind)
{
    return t && t->kind == kind;
}

/* Fields that only some kinds of named types have; null on the others. */
static bool resolve_type_kind_field(exec_ctx *c, field_group *g, const schema_type *t)
{
    switch (g->name) {
    case FIELD_SPECIFIED_BY_URL:
        write_string(c, is_kind(t, SCHEMA_SCALAR) ? t->specified_by_url : NULL);
        return true;
    case FIELD_FIELDS:
        has_fields(t) ? write_fields(c, g, t) : write_null(c);
        return true;
    case FIELD_INTERFACES:
        if (has_fields(t))
            write_type_list(c, g, (const schema_type *const *)t->interfaces, t->ninterfaces);
        else
            write_null(c);
        return true;
    case FIELD_POSSIBLE_TYPES:
        t &&schema_is_abstract(t) ? write_possible_types(c, g, t) : write_null(c);
        return true;
    case FIELD_ENUM_VALUES:
        is_kind(t, SCHEMA_ENUM) ? write_enum_values(c, g, t) : write_null(c);
        return true;
    case FIELD_INPUT_FIELDS:
        if (is_kind(t, SCHEMA_INPUT_OBJECT))
            write_input_values(c, g, t->fields, t->nfields);
        else
            write_null(c);
        return true;
    case FIELD_IS_ONE_OF:
        is_kind(t, SCHEMA_INPUT_OBJECT) ? write_bool(c, introspection_is_one_of(t)) : write_null(c);
        return true;
    default:
        return false;
    }
}

static bool resolve_type(exec_ctx *c, field_group *g, const intro_obj *o)
{
    const schema_type *t = o->item; /* NULL for LIST and NON_NULL */
    switch (g->name) {
    case FIELD_KIND:
        write_string(c, kind_name(o));
        return true;
    case FIELD_NAME:
        write_string(c, t ? t->name : NULL);
        return true;
    case FIELD_DESCRIPTION:
        write_string(c, t ? t->description : NULL);
        return true;
    case FIELD_OF_TYPE:
        o->wrapper ? write_type_ref(c, g, o->wrapper->of) : write_null(c);
        return true;
    default:
        return resolve_type_kind_field(c, g, t);
    }
}

/* ---- __Field, __InputValue, __EnumValue ---- */

/* name, description, isDeprecated and deprecationReason, which all four share. */
static bool resolve_common(exec_ctx *c, field_group *g, const char *name, const char *description,
                           bool deprecated, const char *reason)
{
    switch (g->name) {
    case FIELD_NAME:
        write_string(c, name);
        return true;
    case FIELD_DESCRIPTION:
        write_string(c, description);
        return true;
    case FIELD_IS_DEPRECATED:
        write_bool(c, deprecated);
        return true;
    case FIELD_DEPRECATION_REASON:
        write_string(c, deprecated ? reason : NULL);
        return true;
    default:
        return false;
    }
}

static bool resolve_field(exec_ctx *c, field_group *g, const schema_field *f)
{
    switch (g->name) {
    case FIELD_ARGS:
        write_input_values(c, g, f->args, f->nargs);
        return true;
    case FIELD_TYPE:
        write_type_ref(c, g, f->type);
        return true;
    default:
        return resolve_common(c, g, f->name, f->description, f->deprecated, f->deprecation_reason);
    }
}

static void write_default_value(exec_ctx *c, field_group *g, const schema_field *v)
{
    if (!v->default_value) {
        write_null(c);
        return;
    }
    sbuf text;
    sbuf_init(&text);
    const char *error;
    switch (introspection_print_default(c->schema, &c->scratch, v->default_value, v->type, &text,
                                        &error)) {
    case INTROSPECTION_DEFAULT_OK:
        sbuf_json_string(c->out, text.data, text.len);
        break;
    case INTROSPECTION_DEFAULT_ERROR:
        fail(c, g->field->loc, "%s", error);
        write_null(c);
        break;
    case INTROSPECTION_DEFAULT_NONE:
        write_null(c);
        break;
    }
    sbuf_free(&text);
}

static bool resolve_input_value(exec_ctx *c, field_group *g, const schema_field *v)
{
    switch (g->name) {
    case FIELD_TYPE:
        write_type_ref(c, g, v->type);
        return true;
    case FIELD_DEFAULT_VALUE:
        write_default_value(c, g, v);
        return true;
    default:
        return resolve_common(c, g, v->name, v->description, v->deprecated, v->deprecation_reason);
    }
}

static bool resolve_enum_value(exec_ctx *c, field_group *g, const schema_enum_value *v)
{
    return resolve_common(c, g, v->name, v->description, v->deprecated, v->deprecation_reason);
}

/* ---- __Directive ---- */

/* In the order the definition wrote them, as graphql-js lists them; then
 * any location the schema adds without writing it (DIRECTIVE_DEFINITION on
 * the built-in @deprecated). */
static void write_locations(exec_ctx *c, const schema_directive *d)
{
    uint32_t written = 0;
    sbuf_putc(c->out, '[');
    for (const ast_name *l = d->location_names; l; l = l->next) {
        uint32_t bit = schema_location_from_name(l->name);
        if (!(d->locations & bit) || (written & bit)) continue;
        if (written) sbuf_putc(c->out, ',');
        write_string(c, schema_location_name(bit));
        written |= bit;
    }
    for (uint32_t bit = 1; bit; bit <<= 1) {
        if (!(d->locations & bit) || (written & bit)) continue;
        if (written) sbuf_putc(c->out, ',');
        write_string(c, schema_location_name(bit));
        written |= bit;
    }
    sbuf_putc(c->out, ']');
}

static bool resolve_directive(exec_ctx *c, field_group *g, const schema_directive *d)
{
    switch (g->name) {
    case FIELD_IS_REPEATABLE:
        write_bool(c, d->repeatable);
        return true;
    case FIELD_LOCATIONS:
        write_locations(c, d);
        return true;
    case FIELD_ARGS:
        write_input_values(c, g, d->args, d->nargs);
        return true;
    default:
        return resolve_common(c, g, d->name, d->description, false, NULL);
    }
}

/* ---- root fields ---- */

/* graphql-js: Argument "name" has invalid value 5. */
static void fail_invalid_argument(exec_ctx *c, const arg_value *v)
{
    sbuf text;
    sbuf_init(&text);
    if (v->literal)
        print_value(&text, v->literal);
    else
        json_write(&text, v->json);
    fail(c, v->loc, "Argument \"name\" has invalid value %s.", text.data);
    sbuf_free(&text);
}

static void write_type_by_name(exec_ctx *c, field_group *g)
{
    arg_value name = argument(c, g->field->arguments, "name");
    if (name.state == ARG_SET && name.json && name.json->type == JSON_STRING) {
        write_type_or_null(c, g, schema_get_type(c->schema, name.json->u.str));
        return;
    }
    if (name.state == ARG_SET && name.literal && name.literal->kind == AST_VALUE_STRING) {
        write_type_or_null(c, g, schema_get_type(c->schema, name.literal->str));
        return;
    }
    if (name.missing_variable)
        fail(c, name.loc,
             "Argument \"name\" of required type \"String!\" was provided the variable \"$%s\" "
             "which was not provided a runtime value.",
             name.missing_variable);
    else if (name.state == ARG_ABSENT)
        fail(c, g->field->loc, "Argument \"name\" of required type \"String!\" was not provided.");
    else if (name.state == ARG_NULL)
        fail(c, name.loc, "Argument \"name\" of non-null type \"String!\" must not be null.");
    else
        fail_invalid_argument(c, &name);
    write_null(c);
}

static bool resolve_root(exec_ctx *c, field_group *g)
{
    switch (g->name) {
    case FIELD_SCHEMA:
        write_object(c, g, (intro_obj){.kind = OBJ_SCHEMA});
        break;
    case FIELD_TYPE_BY_NAME:
        write_type_by_name(c, g);
        break;
    default:
        fail(c, g->field->loc, "Field \"%s\" is not an introspection field.", g->field->name);
        write_null(c);
    }
    return true;
}

static bool resolve(exec_ctx *c, field_group *g, const intro_obj *o)
{
    if (g->name == FIELD_TYPENAME) {
        write_string(c, obj_type_name(c, o));
        return true;
    }
    if (c->too_big) {
        write_null(c);
        return true;
    }
    switch (o->kind) {
    case OBJ_ROOT:
        return resolve_root(c, g);
    case OBJ_SCHEMA:
        return resolve_schema(c, g);
    case OBJ_TYPE:
        return resolve_type(c, g, o);
    case OBJ_FIELD:
        return resolve_field(c, g, o->item);
    case OBJ_INPUT_VALUE:
        return resolve_input_value(c, g, o->item);
    case OBJ_ENUM_VALUE:
        return resolve_enum_value(c, g, o->item);
    case OBJ_DIRECTIVE:
        return resolve_directive(c, g, o->item);
    }
    return false;
}

/* ---- entry points ---- */

static void ctx_init(exec_ctx *c, const schema *s, const ast_document *doc,
                     const json_value *variables, sbuf *out, diag_list *errs)
{
    memset(c, 0, sizeof *c);
    c->schema = s;
    c->doc = doc;
    c->variables = variables && variables->type == JSON_OBJECT ? variables : NULL;
    c->root = s->query;
    arena_init(&c->scratch, 0);
    c->out = out;
    c->out_start = out->len;
    c->errs = errs;
}

bool introspection_execute(const schema *s, const ast_document *doc, const ast_definition *op,
                           const json_value *variables, sbuf *out, diag_list *errs)
{
    exec_ctx c;
    ctx_init(&c, s, doc, variables, out, errs);
    c.var_defs = op->variables;
    c.root = schema_root_type(s, op->operation);
    if (!c.root) {
        static const char *const op_names[] = {"query", "mutation", "subscription"};
        fail(&c, op->loc, "Schema is not configured to execute %s operation.",
             op_names[op->operation]);
        write_null(&c);
    } else {
        /* The root selection set as the sub-selection of a field that has it. */
        ast_selection holder = {
            .kind = AST_SEL_FIELD, .loc = op->loc, .selection_set = op->selection_set};
        field_node node = {.sel = &holder};
        field_group root = {.field = &holder, .nodes = &node, .last_node = &node};
        write_object(&c, &root, (intro_obj){.kind = OBJ_ROOT});
    }
    arena_free(&c.scratch);
    return !c.failed;
}

bool introspection_write_root_field(const schema *s, const ast_document *doc,
                                    const ast_selection *field, const json_value *variables,
                                    sbuf *out, diag_list *errs)
{
    exec_ctx c;
    ctx_init(&c, s, doc, variables, out, errs);
    field_node node = {.sel = field};
    field_group g = {.key = ast_response_key(field),
                     .name = lookup_field_name(field->name),
                     .field = field,
                     .nodes = &node,
                     .last_node = &node};
    if (!c.root)
        write_null(&c);
    else
        resolve(&c, &g, &(intro_obj){.kind = OBJ_ROOT});
    arena_free(&c.scratch);
    return !c.failed;
}

bool introspection_is_meta_field(const char *name)
{
    field_name f = lookup_field_name(name);
    return f == FIELD_SCHEMA || f == FIELD_TYPE_BY_NAME || f == FIELD_TYPENAME;
}

/* Counts the root fields into *count; false on one that is not
 * introspection. Fragments are followed once each. */
static bool only_meta_fields(const ast_document *doc, const ast_selection *sel, strmap *visited,
                             unsigned depth, unsigned *count)
{
    if (depth > INTROSPECTION_MAX_DEPTH) return false;
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_FIELD) {
            if (!introspection_is_meta_field(sel->name)) return false;
            ++*count;
            continue;
        }
        const ast_selection *inner = sel->selection_set;
        if (sel->kind == AST_SEL_FRAGMENT_SPREAD) {
            if (strmap_get(visited, sel->name)) continue;
            strmap_put(visited, sel->name, (void *)sel);
            const ast_definition *frag = ast_find_fragment(doc, sel->name);
            if (!frag) return false;
            inner = frag->selection_set;
        }
        if (!only_meta_fields(doc, inner, visited, depth + 1, count)) return false;
    }
    return true;
}

bool introspection_is_only(const ast_document *doc, const ast_definition *op)
{
    arena a;
    arena_init(&a, 0);
    strmap visited;
    strmap_init(&visited, &a, 8);
    unsigned count = 0;
    bool only = only_meta_fields(doc, op->selection_set, &visited, 0, &count);
    arena_free(&a);
    return only && count > 0;
}
