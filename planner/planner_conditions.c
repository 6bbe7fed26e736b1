/* planner_conditions.c: Condition nodes (plan.h) around fetches that only
 * fetch fields under @skip/@include on a variable. When every field a
 * group selects at its top (inline fragments flattened) has
 * @include(if: $v), the fetch is wanted only when $v is true: the plan runs
 * it inside Condition(if: $v) { Then { ... } } (for @skip, Else), and the
 * executor sends no request at all when the variable says no. Everything
 * the group fetches lies below those fields, so no other fetch needs its
 * data then (key and @requires fields are placed without conditions, which
 * keeps their groups unconditioned). */
#include <string.h>

#include "planner_int.h"

/* The variable of directive d when it is @skip or @include on one; else NULL. */
static const char *condition_variable(const ast_directive *d)
{
    if (strcmp(d->name, "skip") != 0 && strcmp(d->name, "include") != 0) return NULL;
    const ast_argument *arg = ast_find_argument(d->arguments, "if");
    return arg && arg->value->kind == AST_VALUE_VARIABLE ? arg->value->str : NULL;
}

static bool has_condition(const ast_selection *field, const ast_directive *cond)
{
    const char *variable = condition_variable(cond);
    for (const ast_directive *d = field->directives; d; d = d->next) {
        const char *v = condition_variable(d);
        if (v && strcmp(d->name, cond->name) == 0 && strcmp(v, variable) == 0) return true;
    }
    return false;
}

/* The first field at the top of a selection, through inline fragments. */
static const ast_selection *first_field(const ast_selection *first, uint32_t depth)
{
    for (const ast_selection *s = first; s && depth <= QP_MAX_DEPTH; s = s->next) {
        if (s->kind == AST_SEL_FIELD) return s;
        const ast_selection *inner = first_field(s->selection_set, depth + 1);
        if (inner) return inner;
    }
    return NULL;
}

static bool every_field_has(const ast_selection *first, const ast_directive *cond, uint32_t depth)
{
    if (depth > QP_MAX_DEPTH) return false;
    for (const ast_selection *s = first; s; s = s->next) {
        if (s->kind == AST_SEL_FIELD ? !has_condition(s, cond)
                                     : !every_field_has(s->selection_set, cond, depth + 1))
            return false;
    }
    return true;
}

static plan_node *wrap(qp_planner *p, const ast_directive *cond, plan_node *node)
{
    plan_node *c = ARENA_NEW(p->a, plan_node);
    c->kind = PLAN_CONDITION;
    c->condition = arena_strdup(p->a, condition_variable(cond));
    if (strcmp(cond->name, "skip") == 0)
        c->else_clause = node;
    else
        c->if_clause = node;
    return c;
}

/* An earlier directive of the list is the same condition. */
static bool repeated(const ast_directive *first, const ast_directive *cond)
{
    const char *variable = condition_variable(cond);
    for (const ast_directive *d = first; d != cond; d = d->next) {
        const char *v = condition_variable(d);
        if (v && strcmp(d->name, cond->name) == 0 && strcmp(v, variable) == 0) return true;
    }
    return false;
}

plan_node *qp_guard_fetch(qp_planner *p, const qp_group *g, plan_node *fetch)
{
    const ast_selection *field = first_field(g->root.selection_set, 0);
    if (!field) return fetch;
    uint32_t n = 0;
    for (const ast_directive *d = field->directives; d; d = d->next)
        n++;
    const ast_directive **conds = ARENA_ARRAY(p->a, const ast_directive *, n ? n : 1);
    n = 0;
    for (const ast_directive *d = field->directives; d; d = d->next)
        if (condition_variable(d) && !repeated(field->directives, d) &&
            every_field_has(g->root.selection_set, d, 0))
            conds[n++] = d;
    /* The first directive written becomes the outermost Condition. */
    while (n--)
        fetch = wrap(p, conds[n], fetch);
    return fetch;
}
