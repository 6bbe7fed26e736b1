/* compose_merge_applied.c: a non-repeatable directive several subgraphs
 * apply to one element becomes one application, as Apollo merges them. When
 * the applications agree (defaults filled in), the first stays as written.
 * When they differ: a directive with argument strategies merges each argument
 * by its strategy (@cost(weight:) MAX; @listSize(assumedSize:) the largest,
 * slicingArguments and sizedFields the union, requireOneSlicingArgument true
 * only when all say so; an argument no application gives stays absent;
 * @requiresScopes and @policy multiply out, compose_merge_access.c), with
 * Apollo's MERGED_NON_REPEATABLE_DIRECTIVE_ARGUMENTS hint; any other
 * (@deprecated, composed directives) keeps the application most subgraphs
 * make, the first on a tie, with INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS. */
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

/* ---- the most frequent application ---- */

/* "arguments {reason: \"x\"}", "no arguments" (Apollo's valueToString). */
static const char *arguments_text(arena *a, const ast_directive *d)
{
    if (!d->arguments) return "no arguments";
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "arguments {");
    for (const ast_argument *arg = d->arguments; arg; arg = arg->next) {
        sbuf_printf(&b, "%s%s: ", arg == d->arguments ? "" : ", ", arg->name);
        print_value(&b, arg->value);
    }
    sbuf_putc(&b, '}');
    const char *text = arena_strndup(a, b.data, b.len);
    sbuf_free(&b);
    return text;
}

/* The definition's arguments a directive of that name has in the supergraph. */
static const cfield *definition_args(compose_ctx *c, const char *name, uint32_t *n)
{
    static const ast_value deprecated_reason = {
        .kind = AST_VALUE_STRING, .str = "No longer supported", .len = 19};
    static const cfield deprecated[] = {{.name = "reason", .default_value = &deprecated_reason}};
    if (!strcmp(name, "deprecated")) {
        *n = 1;
        return deprecated;
    }
    for (uint32_t k = 0; k < c->merged->ndirectives; k++) {
        const cdirective *d = c->merged->directives[k].def;
        if (!strcmp(d->name, name)) {
            *n = d->nargs;
            return d->args;
        }
    }
    *n = 0;
    return NULL;
}

/* The application's arguments with the definition's defaults filled in, as text. */
static const char *defaulted_key(compose_ctx *c, const ast_directive *d)
{
    uint32_t n;
    const cfield *args = definition_args(c, d->name, &n);
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "");
    for (uint32_t i = 0; i < n; i++) {
        const ast_argument *a = ast_find_argument(d->arguments, args[i].name);
        const ast_value *v = a ? a->value : args[i].default_value;
        sbuf_printf(&b, "%s:", args[i].name);
        if (v) print_value(&b, v);
        sbuf_putc(&b, ',');
    }
    for (const ast_argument *a = d->arguments; a; a = a->next) {
        bool defined = false;
        for (uint32_t i = 0; i < n && !defined; i++)
            defined = !strcmp(args[i].name, a->name);
        if (defined) continue;
        sbuf_printf(&b, "%s:", a->name);
        print_value(&b, a->value);
        sbuf_putc(&b, ',');
    }
    const char *key = arena_strndup(c->arena, b.data, b.len);
    sbuf_free(&b);
    return key;
}

/* INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS: the application kept and
 * its subgraphs, then each other (an element without it counts as ""). */
static void hint_most_frequent(compose_ctx *c, const cmeta *m, const char *name,
                               const char *coordinate, const bool *present, const char *kept)
{
    const char **texts = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!present[i]) continue;
        texts[i] = "";
        for (uint32_t k = 0; k < m->napplied; k++)
            if (m->applied[k].subgraph == i && !strcmp(m->applied[k].name, name))
                texts[i] = arguments_text(c->arena, m->applied[k].dir);
    }
    bool *in = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        in[i] = texts[i] && !strcmp(texts[i], kept);
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "The supergraph will use %s (from %s), but found ", kept,
                cm_subgraph_names_where(c, in));
    bool *done = ARENA_ARRAY(c->arena, bool, c->nsubs);
    uint32_t others = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!texts[i] || in[i] || done[i]) continue;
        bool *group = ARENA_ARRAY(c->arena, bool, c->nsubs);
        for (uint32_t j = i; j < c->nsubs; j++)
            if (texts[j] && !strcmp(texts[j], texts[i])) group[j] = done[j] = true;
        sbuf_printf(&b, "%s%s in %s", others++ ? " and " : "", texts[i],
                    cm_subgraph_names_where(c, group));
    }
    compose_hint(c, "INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS", NULL, (src_loc){0, 0},
                 "Non-repeatable directive @%s is applied to \"%s\" in multiple subgraphs but "
                 "with incompatible arguments. %s.",
                 name, coordinate, b.data);
    sbuf_free(&b);
}

/* Keeps the application most subgraphs make (the first on a tie), in the first one's place. */
static void fold_most_frequent(compose_ctx *c, cmeta *m, const char *name, const char *coordinate,
                               const bool *present)
{
    const char **keys = ARENA_ARRAY(c->arena, const char *, m->napplied + 1);
    uint32_t *counts = ARENA_ARRAY(c->arena, uint32_t, m->napplied + 1);
    uint32_t *chosen_at = ARENA_ARRAY(c->arena, uint32_t, m->napplied + 1);
    uint32_t n = 0, first = m->napplied;
    for (uint32_t i = 0; i < m->napplied; i++) {
        if (strcmp(m->applied[i].name, name)) continue;
        if (first == m->napplied) first = i;
        const char *key = defaulted_key(c, m->applied[i].dir);
        uint32_t k = 0;
        while (k < n && strcmp(keys[k], key))
            k++;
        if (k == n) {
            keys[n] = key;
            chosen_at[n] = i;
            counts[n++] = 0;
        }
        counts[k]++;
    }
    uint32_t best = 0;
    for (uint32_t k = 1; k < n; k++)
        if (counts[k] > counts[best]) best = k;
    capplied kept = m->applied[chosen_at[best]];
    if (n > 1)
        hint_most_frequent(c, m, name, coordinate, present, arguments_text(c->arena, kept.dir));
    uint32_t out = 0;
    for (uint32_t i = 0; i < m->napplied; i++) {
        if (i == first)
            m->applied[out++] = kept;
        else if (strcmp(m->applied[i].name, name))
            m->applied[out++] = m->applied[i];
    }
    m->napplied = out;
}

/* ---- every element ---- */

/* Each non-repeatable directive of the element, in order of first application
 * (Apollo's hints follow it); present: the subgraphs that have the element. */
static void fold_all(compose_ctx *c, cmeta *m, const char *coordinate, const bool *present)
{
    for (uint32_t i = 0; i < m->napplied; i++) {
        const char *name = m->applied[i].name;
        bool later = false;
        for (uint32_t k = i + 1; k < m->napplied && !later; k++)
            later = !strcmp(m->applied[k].name, name);
        if (m->applied[i].repeatable || !later) continue; /* one application: as written */
        const cost_spec *spec = NULL;
        for (size_t k = 0; k < sizeof specs / sizeof *specs; k++)
            if (!strcmp(name, specs[k].name)) spec = &specs[k];
        if (spec)
            fold(c, spec, m, coordinate);
        else if (!strcmp(name, "requiresScopes"))
            cm_fold_dnf(c, m, name, "scopes", coordinate);
        else if (!strcmp(name, "policy"))
            cm_fold_dnf(c, m, name, "policies", coordinate);
        else
            fold_most_frequent(c, m, name, coordinate, present);
    }
}

static void merge_field(compose_ctx *c, const cmtype *t, cmfield *f, bool *present)
{
    for (uint32_t i = 0; i < c->nsubs; i++)
        present[i] = f->src && f->src[i].field &&
                     (t->kind == SCHEMA_INPUT_OBJECT || !f->src[i].field->external);
    fold_all(c, &f->m, arena_sprintf(c->arena, "%s.%s", t->name, f->name), present);
    for (uint32_t a = 0; a < f->nargs; a++) {
        cmfield *arg = &f->args[a];
        for (uint32_t i = 0; i < c->nsubs; i++)
            present[i] = arg->src && arg->src[i].field;
        fold_all(c, &arg->m, arena_sprintf(c->arena, "%s.%s(%s:)", t->name, f->name, arg->name),
                 present);
    }
}

static void merge_type(compose_ctx *c, cmtype *t)
{
    bool *present = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        present[i] = t->src[i] != NULL;
    fold_all(c, &t->m, t->name, present);
    for (uint32_t f = 0; f < t->nfields; f++)
        merge_field(c, t, &t->fields[f], present);
    for (uint32_t v = 0; v < t->nvalues; v++)
        fold_all(c, &t->values[v].m, arena_sprintf(c->arena, "%s.%s", t->name, t->values[v].name),
                 t->values[v].in);
}

/* The arguments of executable directive definitions (every subgraph has them),
 * merged where Apollo merges the definitions: after the objects. */
static void merge_directive_arguments(compose_ctx *c)
{
    bool *everywhere = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        everywhere[i] = true;
    const cmerged *m = c->merged;
    for (uint32_t k = 0; k < m->ndirectives; k++) {
        const cmdirective *d = &m->directives[k];
        for (uint32_t a = 0; d->executable && a < d->nargs; a++) {
            cfield *arg = (cfield *)d->args[a]; /* merge_arguments made it, for this */
            fold_all(c, &arg->m, arena_sprintf(c->arena, "@%s(%s:)", d->def->name, arg->name),
                     everywhere);
        }
    }
}

void cm_merge_applied(compose_ctx *c)
{
    /* Apollo's merge order, which its hints follow */
    static const schema_kind order[] = {SCHEMA_UNION,     SCHEMA_SCALAR, SCHEMA_INPUT_OBJECT,
                                        SCHEMA_INTERFACE, SCHEMA_OBJECT, SCHEMA_ENUM};
    cmerged *m = c->merged;
    for (size_t o = 0; o < sizeof order / sizeof *order; o++) {
        if (order[o] == SCHEMA_ENUM) merge_directive_arguments(c);
        for (uint32_t k = 0; k < m->ntypes; k++)
            if (m->types[k].kind == order[o]) merge_type(c, &m->types[k]);
    }
}
