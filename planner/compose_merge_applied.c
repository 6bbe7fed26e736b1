/* compose_merge_applied.c: a non-repeatable directive several subgraphs
 * apply to one element becomes one application, as Apollo merges them,
 * element by element in Apollo's merge order (its hints follow it). When the
 * applications agree (defaults filled in), the first stays as written. When
 * they differ: @cost and @listSize merge by their argument strategies
 * (compose_merge_cost.c), @requiresScopes and @policy multiply out
 * (compose_merge_access.c), any other (@deprecated, composed directives)
 * keeps the application most subgraphs make, the first on a tie, with
 * Apollo's INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS hint. */
#include <string.h>

#include "compose_merge.h"
#include "printer.h"
#include "sbuf.h"

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
        if (cm_fold_cost(c, m, name, coordinate)) continue;
        if (!strcmp(name, "requiresScopes"))
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
