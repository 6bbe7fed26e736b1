/* compose_merge_cost.c: the demand-control directives (@cost, @listSize) that
 * several subgraphs apply to one element, merged into one application as
 * Apollo does for a non-repeatable directive with argument strategies. When
 * the applications agree (defaults filled in), the first stays as written;
 * when they differ, each argument merges by its strategy (@cost(weight:) MAX;
 * @listSize(assumedSize:) the largest, slicingArguments and sizedFields the
 * union, requireOneSlicingArgument true only when all say so; an argument no
 * application gives stays absent), and Apollo's
 * MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS hint says so. */
#include <stdlib.h>
#include <string.h>

#include "compose_merge.h"
#include "printer.h"
#include "sbuf.h"

static bool is_null(const ast_value *v)
{
    return !v || v->kind == AST_VALUE_NULL;
}

static ast_value *new_value(arena *a, ast_value_kind kind)
{
    ast_value *v = ARENA_NEW(a, ast_value);
    v->kind = kind;
    return v;
}

/* NULLABLE_MAX and MAX: the largest integer given; NULL when none is. */
static ast_value *merge_max(arena *a, const ast_value *const *values, uint32_t n)
{
    const ast_value *best = NULL;
    for (uint32_t i = 0; i < n; i++)
        if (!is_null(values[i]) && values[i]->kind == AST_VALUE_INT &&
            (!best || strtoll(values[i]->str, NULL, 10) > strtoll(best->str, NULL, 10)))
            best = values[i];
    if (!best) return NULL;
    ast_value *v = new_value(a, AST_VALUE_INT);
    v->str = best->str;
    v->len = best->len;
    return v;
}

static bool list_has_string(const ast_value *list, const ast_value *s)
{
    for (const ast_value *v = list->items; v; v = v->next)
        if (v->kind == s->kind && v->len == s->len && !memcmp(v->str, s->str, s->len)) return true;
    return false;
}

/* NULLABLE_UNION: each item once, in order of first appearance; NULL when no list is given. */
static ast_value *merge_union(arena *a, const ast_value *const *values, uint32_t n)
{
    ast_value *out = NULL, **tail = NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (is_null(values[i]) || values[i]->kind != AST_VALUE_LIST) continue;
        if (!out) {
            out = new_value(a, AST_VALUE_LIST);
            tail = &out->items;
        }
        for (const ast_value *item = values[i]->items; item; item = item->next) {
            if (list_has_string(out, item)) continue;
            ast_value *copy = ARENA_NEW(a, ast_value);
            *copy = *item;
            copy->next = NULL;
            *tail = copy;
            tail = &copy->next;
        }
    }
    return out;
}

/* NULLABLE_AND: true when every boolean given is; NULL when none is. */
static ast_value *merge_and(arena *a, const ast_value *const *values, uint32_t n)
{
    ast_value *out = NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (is_null(values[i]) || values[i]->kind != AST_VALUE_BOOLEAN) continue;
        if (!out) {
            out = new_value(a, AST_VALUE_BOOLEAN);
            out->boolean = true;
        }
        out->boolean &= values[i]->boolean;
    }
    return out;
}

typedef ast_value *merge_fn(arena *a, const ast_value *const *values, uint32_t n);

/* An argument of a merged directive and how it merges. */
typedef struct cost_arg {
    const char *name;
    const char *strategy; /* Apollo's name for it, as its hint prints it */
    merge_fn *merge;
} cost_arg;

/* A merged directive: its arguments in definition order, and the one with a default. */
typedef struct cost_spec {
    const char *name; /* "cost", "listSize" */
    cost_arg args[4];
    uint32_t nargs;
    const char *default_true; /* requireOneSlicingArgument (default true), or NULL */
} cost_spec;

static const cost_spec specs[] = {
    {"cost", {{"weight", "MAX", merge_max}}, 1, NULL},
    {"listSize",
     {{"assumedSize", "NULLABLE_MAX", merge_max},
      {"slicingArguments", "NULLABLE_UNION", merge_union},
      {"sizedFields", "NULLABLE_UNION", merge_union},
      {"requireOneSlicingArgument", "NULLABLE_AND", merge_and}},
     4,
     "requireOneSlicingArgument"},
};

/* The argument's value, with requireOneSlicingArgument's default (true) when absent. */
static const ast_value *argument_value(const cost_spec *s, const ast_directive *d, const char *arg)
{
    static const ast_value default_true = {.kind = AST_VALUE_BOOLEAN, .boolean = true};
    const ast_argument *a = ast_find_argument(d->arguments, arg);
    if (a) return a->value;
    return s->default_true && !strcmp(arg, s->default_true) ? &default_true : NULL;
}

/* The application's arguments as text, defaults filled in: equal texts, equal applications. */
static const char *application_key(arena *a, const cost_spec *s, const ast_directive *d)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; i < s->nargs; i++) {
        const ast_value *v = argument_value(s, d, s->args[i].name);
        sbuf_printf(&b, "%s:", s->args[i].name);
        if (v) print_value(&b, v);
        sbuf_putc(&b, ',');
    }
    const char *key = arena_strndup(a, b.data, b.len);
    sbuf_free(&b);
    return key;
}

/* One application with each argument merged over the distinct ones. */
static const ast_directive *merged_application(arena *a, const cost_spec *s,
                                               const ast_directive *const *distinct, uint32_t n)
{
    ast_directive *out = ARENA_NEW(a, ast_directive);
    *out = *distinct[0];
    out->name = s->name;
    out->arguments = NULL;
    out->next = NULL;
    ast_argument **tail = &out->arguments;
    const ast_value **values = ARENA_ARRAY(a, const ast_value *, n);
    for (uint32_t k = 0; k < s->nargs; k++) {
        for (uint32_t i = 0; i < n; i++)
            values[i] = argument_value(s, distinct[i], s->args[k].name);
        ast_value *v = s->args[k].merge(a, values, n);
        if (!v) continue;
        ast_argument *arg = ARENA_NEW(a, ast_argument);
        arg->name = s->args[k].name;
        arg->value = v;
        arg->loc = out->loc;
        *tail = arg;
        tail = &arg->next;
    }
    return out;
}

static void hint_merged(compose_ctx *c, const cost_spec *s, const char *coordinate)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t k = 0; k < s->nargs; k++)
        sbuf_printf(&b, "%s\"%s\": %s", k ? ", " : "", s->args[k].name, s->args[k].strategy);
    compose_hint(c, "MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS", NULL, (src_loc){0, 0},
                 "Directive @%s is applied to \"%s\" in multiple subgraphs with different "
                 "arguments. Merging strategies used by arguments: { %.*s }",
                 s->name, coordinate, (int)b.len, b.data);
    sbuf_free(&b);
}

/* Folds the applications of s on one element into one, in the first one's place. */
static void fold(compose_ctx *c, const cost_spec *s, cmeta *m, const char *coordinate)
{
    const ast_directive **distinct = ARENA_ARRAY(c->arena, const ast_directive *, m->napplied + 1);
    const char **keys = ARENA_ARRAY(c->arena, const char *, m->napplied + 1);
    uint32_t n = 0, first = m->napplied;
    for (uint32_t i = 0; i < m->napplied; i++) {
        if (strcmp(m->applied[i].name, s->name)) continue;
        if (first == m->napplied) first = i;
        const char *key = application_key(c->arena, s, m->applied[i].dir);
        bool seen = false;
        for (uint32_t k = 0; k < n && !seen; k++)
            seen = !strcmp(keys[k], key);
        if (seen) continue;
        keys[n] = key;
        distinct[n++] = m->applied[i].dir;
    }
    if (first == m->napplied) return;
    if (n > 1) {
        m->applied[first].dir = merged_application(c->arena, s, distinct, n);
        hint_merged(c, s, coordinate);
    }
    uint32_t kept = 0;
    for (uint32_t i = 0; i < m->napplied; i++)
        if (i == first || strcmp(m->applied[i].name, s->name)) m->applied[kept++] = m->applied[i];
    m->napplied = kept;
}

/* In order of first application, which Apollo's hints follow. */
static void fold_all(compose_ctx *c, cmeta *m, const char *coordinate)
{
    for (uint32_t i = 0; i < m->napplied; i++)
        for (size_t k = 0; k < sizeof specs / sizeof *specs; k++)
            if (!strcmp(m->applied[i].name, specs[k].name)) fold(c, &specs[k], m, coordinate);
}

static void merge_type(compose_ctx *c, cmtype *t)
{
    fold_all(c, &t->m, t->name);
    for (uint32_t f = 0; f < t->nfields; f++) {
        cmfield *field = &t->fields[f];
        fold_all(c, &field->m, arena_sprintf(c->arena, "%s.%s", t->name, field->name));
        for (uint32_t a = 0; a < field->nargs; a++)
            fold_all(
                c, &field->args[a].m,
                arena_sprintf(c->arena, "%s.%s(%s:)", t->name, field->name, field->args[a].name));
    }
}

void cm_merge_cost(compose_ctx *c)
{
    /* Apollo's merge order, which its hints follow */
    static const schema_kind order[] = {SCHEMA_UNION,     SCHEMA_SCALAR, SCHEMA_INPUT_OBJECT,
                                        SCHEMA_INTERFACE, SCHEMA_OBJECT, SCHEMA_ENUM};
    cmerged *m = c->merged;
    for (size_t o = 0; o < sizeof order / sizeof *order; o++)
        for (uint32_t k = 0; k < m->ntypes; k++)
            if (m->types[k].kind == order[o]) merge_type(c, &m->types[k]);
}
