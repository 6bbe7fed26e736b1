/* exec.c: the executor (see exec.h). The response is written depth first
 * into one buffer; when a null has to propagate past a non-null position the
 * buffer is cut back to where the enclosing nullable value began and "null"
 * is written there, so no result tree is ever built. */
#include "exec.h"

#include <string.h>

#include "value.h"

struct bexec_error {
    const char *message;
    src_loc *locs;
    uint32_t nlocs;
    bexec_path_elem *path;
    uint32_t npath;
    bexec_error *next;
};

/* The field nodes merged under one response key, in document order. */
typedef struct bexec_node {
    const ast_selection *field;
    struct bexec_node *next;
} bexec_node;

struct bexec_group {
    const char *key;
    bexec_node *first, *last;
};

/* The fields collected for one object, and the fragments already spread. */
typedef struct bexec_fields {
    bexec_group *groups;
    uint32_t count, cap;
    const char **visited;
    uint32_t nvisited, cap_visited;
} bexec_fields;

/* What to write for objects of one type under one field: the response keys
 * with their field definitions (NULL for __typename), fields that the type
 * does not have already left out. Every item of a list shares one plan. */
struct bexec_plan {
    const bexec_group *groups;
    const bmodel_field **defs;
    uint32_t count;
};

typedef enum bexec_status {
    BEXEC_VALUE,    /* a value was written */
    BEXEC_NULL,     /* null was written */
    BEXEC_PROPAGATE /* a null must replace the nearest nullable enclosing value */
} bexec_status;

static bexec_status bexec_complete(bexec_ctx *cx, const ast_type *type, const bmodel_type *parent,
                                   const bmodel_field *def, const bexec_group *g, const bval *v);

/* ---- errors ---- */

static void bexec_add_error(bexec_ctx *cx, const bexec_group *g, const char *message)
{
    bexec_error *e = ARENA_NEW(cx->a, bexec_error);
    e->message = message;
    for (const bexec_node *n = g ? g->first : NULL; n; n = n->next)
        e->nlocs++;
    e->locs = ARENA_ARRAY(cx->a, src_loc, e->nlocs);
    uint32_t i = 0;
    for (const bexec_node *n = g ? g->first : NULL; n; n = n->next)
        e->locs[i++] = n->field->loc;
    e->npath = g ? cx->depth : 0;
    e->path = ARENA_ARRAY(cx->a, bexec_path_elem, e->npath);
    memcpy(e->path, cx->path, sizeof(bexec_path_elem) * e->npath);
    if (cx->last_error)
        cx->last_error->next = e;
    else
        cx->errors = e;
    cx->last_error = e;
}

/* Gives up on the whole response (runaway nesting or size): data becomes null. */
static bexec_status bexec_abandon(bexec_ctx *cx, const char *message)
{
    if (!cx->abandoned) bexec_add_error(cx, NULL, message);
    cx->abandoned = true;
    return BEXEC_PROPAGATE;
}

static void bexec_write_errors(sbuf *out, const bexec_error *e)
{
    for (; e; e = e->next) {
        sbuf_puts(out, "{\"message\":");
        sbuf_json_string(out, e->message, strlen(e->message));
        if (e->nlocs) {
            sbuf_puts(out, ",\"locations\":[");
            for (uint32_t i = 0; i < e->nlocs; i++)
                sbuf_printf(out, "%s{\"line\":%u,\"column\":%u}", i ? "," : "", e->locs[i].line,
                            e->locs[i].column);
            sbuf_putc(out, ']');
        }
        if (e->npath) {
            sbuf_puts(out, ",\"path\":[");
            for (uint32_t i = 0; i < e->npath; i++) {
                if (i) sbuf_putc(out, ',');
                if (e->path[i].key)
                    sbuf_json_string(out, e->path[i].key, strlen(e->path[i].key));
                else
                    sbuf_printf(out, "%u", e->path[i].index);
            }
            sbuf_putc(out, ']');
        }
        sbuf_puts(out, e->next ? "}," : "}");
    }
}

void bexec_write_error(sbuf *out, const char *message)
{
    sbuf_reset(out);
    sbuf_puts(out, "{\"errors\":[{\"message\":");
    sbuf_json_string(out, message, strlen(message));
    sbuf_puts(out, "}]}");
}

/* ---- input values ---- */

static const json_value *bexec_literal(bexec_ctx *cx, const ast_value *v);

/* A variable's value: as provided, else its declared default; NULL when absent. */
static const json_value *bexec_variable(bexec_ctx *cx, const char *name)
{
    const json_value *v = json_get(cx->variables, name);
    if (v) return v;
    for (const ast_variable_def *d = cx->operation->variables; d; d = d->next)
        if (strcmp(d->name, name) == 0 && d->default_value)
            return bexec_literal(cx, d->default_value);
    return NULL;
}

static json_value *bexec_new_value(bexec_ctx *cx, json_type type)
{
    json_value *j = ARENA_NEW(cx->a, json_value);
    j->type = type;
    return j;
}

static json_value *bexec_list_literal(bexec_ctx *cx, const ast_value *v)
{
    json_value *j = bexec_new_value(cx, JSON_ARRAY);
    for (const ast_value *it = v->items; it; it = it->next)
        j->len++;
    json_value *items = ARENA_ARRAY(cx->a, json_value, j->len);
    uint32_t i = 0;
    for (const ast_value *it = v->items; it; it = it->next, i++) {
        const json_value *item = bexec_literal(cx, it);
        if (item) items[i] = *item; /* else stays JSON_NULL: an absent variable in a list */
    }
    j->u.items = items;
    return j;
}

static json_value *bexec_object_literal(bexec_ctx *cx, const ast_value *v)
{
    json_value *j = bexec_new_value(cx, JSON_OBJECT);
    uint32_t n = 0;
    for (const ast_object_field *f = v->fields; f; f = f->next)
        n++;
    json_member *members = ARENA_ARRAY(cx->a, json_member, n);
    for (const ast_object_field *f = v->fields; f; f = f->next) {
        const json_value *value = bexec_literal(cx, f->value);
        if (!value) continue; /* a field set from an absent variable is left out */
        members[j->len].key = f->name;
        members[j->len].key_len = (uint32_t)strlen(f->name);
        members[j->len].value = *value;
        j->len++;
    }
    j->u.members = members;
    return j;
}

/* A literal as JSON, variables substituted; NULL for an absent variable. */
static const json_value *bexec_literal(bexec_ctx *cx, const ast_value *v)
{
    json_value *j;
    switch (v->kind) {
    case AST_VALUE_VARIABLE:
        return bexec_variable(cx, v->str);
    case AST_VALUE_INT:
    case AST_VALUE_FLOAT:
        j = bexec_new_value(cx, JSON_NUMBER);
        j->u.str = v->str;
        j->len = (uint32_t)strlen(v->str);
        return j;
    case AST_VALUE_STRING:
        j = bexec_new_value(cx, JSON_STRING);
        j->u.str = v->str;
        j->len = v->len;
        return j;
    case AST_VALUE_ENUM:
        j = bexec_new_value(cx, JSON_STRING);
        j->u.str = v->str;
        j->len = (uint32_t)strlen(v->str);
        return j;
    case AST_VALUE_BOOLEAN:
        return bexec_new_value(cx, v->boolean ? JSON_TRUE : JSON_FALSE);
    case AST_VALUE_NULL:
        return bexec_new_value(cx, JSON_NULL);
    case AST_VALUE_LIST:
        return bexec_list_literal(cx, v);
    case AST_VALUE_OBJECT:
        return bexec_object_literal(cx, v);
    }
    return NULL;
}

const json_value *bexec_arg(bexec_ctx *cx, const ast_selection *field, const char *name)
{
    const ast_argument *arg = ast_find_argument(field->arguments, name);
    const json_value *v = arg ? bexec_literal(cx, arg->value) : NULL;
    if (v) return v;
    for (const ast_field_def *d = cx->field->args; d; d = d->next)
        if (strcmp(d->name, name) == 0 && d->default_value)
            return bexec_literal(cx, d->default_value);
    return NULL;
}

/* @skip(if:) and @include(if:). */
static bool bexec_included(bexec_ctx *cx, const ast_directive *dirs)
{
    if (!dirs) return true;
    const ast_directive *skip = ast_find_directive(dirs, "skip");
    const ast_argument *arg = skip ? ast_find_argument(skip->arguments, "if") : NULL;
    const json_value *v = arg ? bexec_literal(cx, arg->value) : NULL;
    if (v && v->type == JSON_TRUE) return false;
    const ast_directive *include = ast_find_directive(dirs, "include");
    arg = include ? ast_find_argument(include->arguments, "if") : NULL;
    v = arg ? bexec_literal(cx, arg->value) : NULL;
    return !(v && v->type == JSON_FALSE);
}

/* ---- field collection ---- */

static bexec_group *bexec_group_for(bexec_ctx *cx, bexec_fields *fs, const char *key)
{
    for (uint32_t i = 0; i < fs->count; i++)
        if (strcmp(fs->groups[i].key, key) == 0) return &fs->groups[i];
    if (fs->count == fs->cap) {
        uint32_t cap = fs->cap ? fs->cap * 2 : 8;
        bexec_group *groups = arena_alloc(cx->a, sizeof(bexec_group) * cap);
        if (fs->count) memcpy(groups, fs->groups, sizeof(bexec_group) * fs->count);
        fs->groups = groups;
        fs->cap = cap;
    }
    bexec_group *g = &fs->groups[fs->count++];
    g->key = key;
    g->first = g->last = NULL;
    return g;
}

/* Marks a fragment as spread; false when it already was. */
static bool bexec_visit(bexec_ctx *cx, bexec_fields *fs, const char *name)
{
    for (uint32_t i = 0; i < fs->nvisited; i++)
        if (strcmp(fs->visited[i], name) == 0) return false;
    if (fs->nvisited == fs->cap_visited) {
        uint32_t cap = fs->cap_visited ? fs->cap_visited * 2 : 8;
        const char **visited = ARENA_ARRAY(cx->a, const char *, cap);
        if (fs->nvisited) memcpy(visited, fs->visited, sizeof(char *) * fs->nvisited);
        fs->visited = visited;
        fs->cap_visited = cap;
    }
    fs->visited[fs->nvisited++] = name;
    return true;
}

static bool bexec_condition(bexec_ctx *cx, const char *type_condition, const bmodel_type *type)
{
    if (!type_condition) return true;
    const bmodel_type *cond = bmodel_type_named(cx->model, type_condition);
    return cond && bmodel_condition_holds(cond, type);
}

static void bexec_collect(bexec_ctx *cx, const bmodel_type *type, const ast_selection *set,
                          bexec_fields *fs)
{
    for (const ast_selection *s = set; s; s = s->next) {
        if (!bexec_included(cx, s->directives)) continue;
        if (s->kind == AST_SEL_FIELD) {
            bexec_group *g = bexec_group_for(cx, fs, ast_response_key(s));
            bexec_node *n = ARENA_NEW(cx->a, bexec_node);
            n->field = s;
            if (g->last)
                g->last->next = n;
            else
                g->first = n;
            g->last = n;
        } else if (s->kind == AST_SEL_INLINE_FRAGMENT) {
            if (bexec_condition(cx, s->type_condition, type))
                bexec_collect(cx, type, s->selection_set, fs);
        } else if (bexec_visit(cx, fs, s->name)) {
            const ast_definition *frag = ast_find_fragment(cx->doc, s->name);
            if (frag && bexec_condition(cx, frag->type_condition, type))
                bexec_collect(cx, type, frag->selection_set, fs);
        }
    }
}

/* ---- completion ---- */

static void bexec_cut(sbuf *out, size_t mark)
{
    out->len = mark;
    out->data[mark] = '\0';
}

static bool bexec_push(bexec_ctx *cx, const char *key, uint32_t index)
{
    if (cx->depth == BEXEC_MAX_DEPTH) return false;
    cx->path[cx->depth].key = key;
    cx->path[cx->depth].index = index;
    cx->depth++;
    return true;
}

static bexec_status bexec_leaf(bexec_ctx *cx, const char *scalar, const bexec_group *g,
                               const bval *v)
{
    if (v->kind == BVAL_TEXT) {
        sbuf_append(cx->out, v->text.s, v->text.len);
        return BEXEC_VALUE;
    }
    if (v->json->type == JSON_NULL) {
        sbuf_puts(cx->out, "null");
        return BEXEC_NULL;
    }
    const char *error = bvalue_serialize(cx->a, cx->out, scalar, v->json);
    if (!error) return BEXEC_VALUE;
    bexec_add_error(cx, g, error);
    return BEXEC_PROPAGATE;
}

static bexec_status bexec_object(bexec_ctx *cx, const bobj *obj, const bexec_group *parent);

static bexec_status bexec_list(bexec_ctx *cx, const ast_type *type, const bmodel_type *parent,
                               const bmodel_field *def, const bexec_group *g, const bval *v)
{
    const ast_type *item_type = type->of;
    sbuf_putc(cx->out, '[');
    for (uint32_t i = 0; i < v->count; i++) {
        if (i) sbuf_putc(cx->out, ',');
        if (!bexec_push(cx, NULL, i)) return bexec_abandon(cx, "Response nesting is too deep.");
        const bobj *obj = &v->items[i];
        bval item = obj->error ? (bval){.kind = BVAL_ERROR, .error = obj->error}
                               : (bval){.kind = BVAL_OBJECT, .obj = *obj};
        size_t mark = cx->out->len;
        bexec_status st = bexec_complete(cx, item_type, parent, def, g, &item);
        cx->depth--;
        if (st != BEXEC_PROPAGATE) continue;
        if (item_type->kind == AST_TYPE_NON_NULL || cx->abandoned) return BEXEC_PROPAGATE;
        bexec_cut(cx->out, mark);
        sbuf_puts(cx->out, "null");
    }
    sbuf_putc(cx->out, ']');
    return BEXEC_VALUE;
}

static bexec_status bexec_complete(bexec_ctx *cx, const ast_type *type, const bmodel_type *parent,
                                   const bmodel_field *def, const bexec_group *g, const bval *v)
{
    if (type->kind == AST_TYPE_NON_NULL) {
        bexec_status st = bexec_complete(cx, type->of, parent, def, g, v);
        if (st != BEXEC_NULL) return st;
        bexec_add_error(cx, g,
                        arena_sprintf(cx->a, "Cannot return null for non-nullable field %s.%s.",
                                      parent->name, def->name));
        return BEXEC_PROPAGATE;
    }
    if (v->kind == BVAL_ERROR) {
        bexec_add_error(cx, g, v->error);
        return BEXEC_PROPAGATE;
    }
    if (v->kind == BVAL_NULL || (v->kind == BVAL_OBJECT && !v->obj.type)) {
        sbuf_puts(cx->out, "null");
        return BEXEC_NULL;
    }
    if (type->kind == AST_TYPE_LIST) return bexec_list(cx, type, parent, def, g, v);
    if (def->composite) return bexec_object(cx, &v->obj, g);
    return bexec_leaf(cx, def->named, g, v);
}

/* Writes "key":value for one response key of obj. */
static bexec_status bexec_field(bexec_ctx *cx, const bobj *obj, const bmodel_field *def,
                                const bexec_group *g)
{
    sbuf_json_string(cx->out, g->key, strlen(g->key));
    sbuf_putc(cx->out, ':');
    if (!def) { /* __typename */
        sbuf_json_string(cx->out, obj->type->name, strlen(obj->type->name));
        return BEXEC_VALUE;
    }
    if (!bexec_push(cx, g->key, 0)) return bexec_abandon(cx, "Response nesting is too deep.");
    size_t mark = cx->out->len;
    cx->field = def;
    bval v = def->resolve(cx, obj, g->first->field);
    bexec_status st = bexec_complete(cx, def->type, obj->type, def, g, &v);
    cx->depth--;
    if (st == BEXEC_PROPAGATE && def->type->kind != AST_TYPE_NON_NULL && !cx->abandoned) {
        bexec_cut(cx->out, mark);
        sbuf_puts(cx->out, "null");
        st = BEXEC_NULL;
    }
    return st;
}

static bexec_plan *bexec_plan_make(bexec_ctx *cx, const bmodel_type *type,
                                   const bexec_group *parent)
{
    bexec_fields fs = {0};
    for (const bexec_node *n = parent->first; n; n = n->next)
        bexec_collect(cx, type, n->field->selection_set, &fs);
    bexec_plan *plan = ARENA_NEW(cx->a, bexec_plan);
    plan->defs = arena_alloc(cx->a, sizeof(bmodel_field *) * (fs.count + 1));
    for (uint32_t i = 0; i < fs.count; i++) {
        const char *name = fs.groups[i].first->field->name;
        const bmodel_field *def = bmodel_field_named(type, name);
        if (!def && strcmp(name, "__typename") != 0) continue; /* not a field: left out */
        fs.groups[plan->count] = fs.groups[i];
        plan->defs[plan->count++] = def;
    }
    plan->groups = fs.groups;
    return plan;
}

/* The plan for objects of `type` selected by `parent`, made once per execution. */
static const bexec_plan *bexec_plan_for(bexec_ctx *cx, const bmodel_type *type,
                                        const bexec_group *parent)
{
    uintptr_t h = ((uintptr_t)parent >> 4) ^ ((uintptr_t)type >> 4);
    bexec_plan_slot *slot = &cx->plans[h % BEXEC_PLAN_SLOTS];
    if (slot->parent != parent || slot->type != type) {
        slot->parent = parent;
        slot->type = type;
        slot->plan = bexec_plan_make(cx, type, parent);
    }
    return slot->plan;
}

/* Writes obj with the fields selected by every node of `parent`. */
static bexec_status bexec_object(bexec_ctx *cx, const bobj *obj, const bexec_group *parent)
{
    if (cx->out->len > BEXEC_MAX_OUTPUT) return bexec_abandon(cx, "Response is too large.");
    const bexec_plan *plan = bexec_plan_for(cx, obj->type, parent);
    sbuf_putc(cx->out, '{');
    for (uint32_t i = 0; i < plan->count; i++) {
        if (i) sbuf_putc(cx->out, ',');
        if (bexec_field(cx, obj, plan->defs[i], &plan->groups[i]) == BEXEC_PROPAGATE)
            return BEXEC_PROPAGATE;
    }
    sbuf_putc(cx->out, '}');
    return BEXEC_VALUE;
}

/* ---- operations ---- */

static const ast_definition *bexec_operation(const ast_document *doc, const char *name, arena *a,
                                             sbuf *out)
{
    const ast_definition *op = ast_find_operation(doc, name);
    if (op) return op;
    uint32_t noperations = 0;
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        noperations += d->kind == AST_DEF_OPERATION;
    if (name)
        bexec_write_error(out, arena_sprintf(a, "Unknown operation named \"%s\".", name));
    else if (noperations)
        bexec_write_error(out, "Must provide operation name if query contains multiple "
                               "operations.");
    else
        bexec_write_error(out, "Must provide an operation.");
    return NULL;
}

/* Non-null variables without a default must be provided and not null. */
static bool bexec_check_variables(const ast_definition *op, const json_value *variables, arena *a,
                                  sbuf *out)
{
    for (const ast_variable_def *d = op->variables; d; d = d->next) {
        if (d->type->kind != AST_TYPE_NON_NULL || d->default_value) continue;
        const json_value *v = json_get(variables, d->name);
        if (v && v->type != JSON_NULL) continue;
        sbuf type;
        sbuf_init(&type);
        bvalue_print_type(&type, d->type);
        const char *message =
            v ? arena_sprintf(a, "Variable \"$%s\" of non-null type \"%s\" must not be null.",
                              d->name, type.data)
              : arena_sprintf(a, "Variable \"$%s\" of required type \"%s\" was not provided.",
                              d->name, type.data);
        sbuf_free(&type);
        sbuf_reset(out);
        sbuf_puts(out, "{\"errors\":[{\"message\":");
        sbuf_json_string(out, message, strlen(message));
        sbuf_printf(out, ",\"locations\":[{\"line\":%u,\"column\":%u}]}]}", d->loc.line,
                    d->loc.column);
        return false;
    }
    return true;
}

/* Moves the errors in front of the data: {"errors":[...],"data":...}. */
static void bexec_prepend_errors(bexec_ctx *cx, sbuf *out, sbuf *scratch)
{
    static const char data_key[] = "{\"data\":";
    sbuf_reset(scratch);
    sbuf_puts(scratch, "{\"errors\":[");
    bexec_write_errors(scratch, cx->errors);
    sbuf_puts(scratch, "],\"data\":");
    sbuf_append(scratch, out->data + sizeof data_key - 1, out->len - (sizeof data_key - 1));
    sbuf tmp = *out;
    *out = *scratch;
    *scratch = tmp;
}

void bexec_run(arena *a, const bmodel *m, const ast_document *doc, const char *operation_name,
               const json_value *variables, sbuf *out, sbuf *scratch)
{
    sbuf_reset(out);
    if (variables && variables->type != JSON_OBJECT) variables = NULL;
    const ast_definition *op = bexec_operation(doc, operation_name, a, out);
    if (!op || !bexec_check_variables(op, variables, a, out)) return;
    if (op->operation != AST_OP_QUERY) {
        const char *kind = op->operation == AST_OP_MUTATION ? "mutation" : "subscription";
        sbuf_printf(out,
                    "{\"errors\":[{\"message\":\"Schema is not configured to execute %s "
                    "operation.\",\"locations\":[{\"line\":%u,\"column\":%u}]}],\"data\":null}",
                    kind, op->loc.line, op->loc.column);
        return;
    }
    bexec_ctx cx = {
        .a = a, .model = m, .doc = doc, .operation = op, .variables = variables, .out = out};
    sbuf_puts(out, "{\"data\":");
    size_t mark = out->len;
    ast_selection root_field = {.kind = AST_SEL_FIELD, .selection_set = op->selection_set};
    bexec_node root_node = {&root_field, NULL};
    bexec_group root = {NULL, &root_node, &root_node};
    bobj query = {.type = m->query};
    if (bexec_object(&cx, &query, &root) == BEXEC_PROPAGATE) {
        bexec_cut(out, mark);
        sbuf_puts(out, "null");
    }
    sbuf_putc(out, '}');
    if (cx.errors) bexec_prepend_errors(&cx, out, scratch);
}
