/* planner_ops.c: the text of each subgraph request. A root group becomes
 * `{users{id}}` (or `query($id:ID!){user(id:$id){name}}` when it forwards
 * variables: only those its own arguments and directives use), an entity
 * group becomes `query($representations:[_Any!]!){_entities(representations:
 * $representations){...on Product{name}}}`. Also merges and compares the
 * selection trees of groups, for batching. */
#include <string.h>

#include "planner_int.h"
#include "printer.h"

static void print_arguments(sbuf *out, const ast_argument *args)
{
    for (const ast_argument *a = args; a; a = a->next) {
        sbuf_puts(out, a->name);
        sbuf_putc(out, ':');
        print_value(out, a->value);
        sbuf_putc(out, ',');
    }
}

bool qp_same_arguments(const ast_argument *a, const ast_argument *b)
{
    if (!a || !b) return a == b;
    sbuf x, y;
    sbuf_init(&x);
    sbuf_init(&y);
    print_arguments(&x, a);
    print_arguments(&y, b);
    bool same = x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
    sbuf_free(&x);
    sbuf_free(&y);
    return same;
}

static qp_conds directive_list(qp_planner *p, const ast_directive *first)
{
    uint32_t n = 0;
    for (const ast_directive *d = first; d; d = d->next)
        n++;
    const ast_directive **items = ARENA_ARRAY(p->a, const ast_directive *, n ? n : 1);
    n = 0;
    for (const ast_directive *d = first; d; d = d->next)
        items[n++] = d;
    return (qp_conds){items, n};
}

void qp_merge_selections(qp_planner *p, ast_selection *to, const ast_selection *from)
{
    for (const ast_selection *s = from->selection_set; s; s = s->next) {
        ast_selection *node = s->kind == AST_SEL_FIELD
                                  ? qp_sel_field(p, to, s->alias, s->name, s->arguments,
                                                 directive_list(p, s->directives))
                                  : qp_sel_fragment(p, to, s->type_condition);
        qp_merge_selections(p, node, s);
    }
}

bool qp_selections_conflict(const ast_selection *a, const ast_selection *b)
{
    for (const ast_selection *x = a; x; x = x->next)
        for (const ast_selection *y = b; y; y = y->next) {
            if (x->kind != y->kind) continue;
            if (x->kind == AST_SEL_INLINE_FRAGMENT) {
                if (strcmp(x->type_condition, y->type_condition) == 0 &&
                    qp_selections_conflict(x->selection_set, y->selection_set))
                    return true;
                continue;
            }
            if (strcmp(ast_response_key(x), ast_response_key(y)) != 0) continue;
            if (strcmp(x->name, y->name) != 0 || !qp_same_arguments(x->arguments, y->arguments))
                return true;
            if (qp_selections_conflict(x->selection_set, y->selection_set)) return true;
        }
    return false;
}

/* Marks in `used` (indexed like the operation's variable definitions) the
 * variables a value refers to. */
static void value_variables(const qp_planner *p, const ast_value *v, bool *used, uint32_t depth)
{
    if (!v || depth > QP_MAX_DEPTH) return;
    if (v->kind == AST_VALUE_VARIABLE) {
        uint32_t i = 0;
        for (const ast_variable_def *d = p->op->variables; d; d = d->next, i++)
            if (strcmp(d->name, v->str) == 0) used[i] = true;
    }
    for (const ast_value *item = v->items; item; item = item->next)
        value_variables(p, item, used, depth + 1);
    for (const ast_object_field *f = v->fields; f; f = f->next)
        value_variables(p, f->value, used, depth + 1);
}

static void selection_variables(const qp_planner *p, const ast_selection *first, bool *used,
                                uint32_t depth)
{
    for (const ast_selection *s = first; s && depth <= QP_MAX_DEPTH + 2; s = s->next) {
        for (const ast_argument *a = s->arguments; a; a = a->next)
            value_variables(p, a->value, used, 0);
        for (const ast_directive *d = s->directives; d; d = d->next)
            for (const ast_argument *a = d->arguments; a; a = a->next)
                value_variables(p, a->value, used, 0);
        selection_variables(p, s->selection_set, used, depth + 1);
    }
}

/* ",$id:ID!=1" for each variable the group uses; fills out->variables. */
static void variable_definitions(qp_planner *p, const qp_group *g, plan_fetch *out, sbuf *defs)
{
    uint32_t n = 0;
    for (const ast_variable_def *d = p->op->variables; d; d = d->next)
        n++;
    bool *used = ARENA_ARRAY(p->a, bool, n ? n : 1);
    selection_variables(p, g->root.selection_set, used, 0);
    out->variables = ARENA_ARRAY(p->a, const char *, n ? n : 1);
    uint32_t i = 0;
    for (const ast_variable_def *d = p->op->variables; d; d = d->next, i++) {
        if (!used[i]) continue;
        out->variables[out->nvariables++] = arena_strdup(p->a, d->name);
        sbuf_printf(defs, ",$%s:", d->name);
        print_type(defs, d->type);
        if (d->default_value) {
            sbuf_putc(defs, '=');
            print_value(defs, d->default_value);
        }
    }
}

static const char *operation_keyword(ast_operation_type t)
{
    return t == AST_OP_MUTATION ? "mutation" : t == AST_OP_SUBSCRIPTION ? "subscription" : "query";
}

void qp_build_fetch(qp_planner *p, const qp_group *g, plan_fetch *out)
{
    out->graph = g->graph;
    out->subgraph = p->sg->graphs[g->graph].name;
    out->operation_type = g->entity ? AST_OP_QUERY : p->op->operation;
    sbuf defs, text;
    sbuf_init(&defs);
    sbuf_init(&text);
    variable_definitions(p, g, out, &defs);
    if (g->entity) {
        sbuf_printf(&text,
                    "query($representations:[_Any!]!%s)"
                    "{_entities(representations:$representations)",
                    defs.data ? defs.data : "");
        print_selection_set_compact(&text, g->root.selection_set);
        sbuf_putc(&text, '}');
        sbuf req;
        sbuf_init(&req);
        print_selection_set_compact(&req, g->requires.selection_set);
        out->requires = g->requires.selection_set;
        out->input_rewrites = g->input_rewrites;
        out->ninput_rewrites = g->ninput_rewrites;
        out->requires_text = arena_strndup(p->a, req.data, req.len);
        sbuf_free(&req);
    } else {
        if (defs.len)
            sbuf_printf(&text, "%s(%s)", operation_keyword(out->operation_type), defs.data + 1);
        else if (out->operation_type != AST_OP_QUERY)
            sbuf_puts(&text, operation_keyword(out->operation_type));
        print_selection_set_compact(&text, g->root.selection_set);
    }
    out->operation = arena_strndup(p->a, text.data, text.len);
    sbuf_free(&defs);
    sbuf_free(&text);
}
