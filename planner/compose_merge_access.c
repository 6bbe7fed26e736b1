/* compose_merge_access.c: the pass-through directives that merge by value
 * rather than by copy. @requiresScopes and @policy from several places on one
 * element are all required: their disjunctions of conjunctions are multiplied
 * out (Apollo's DNF_CONJUNCTION: terms sorted, duplicates and subsumed terms
 * dropped). An interface also requires what its implementations require
 * (@authenticated, @requiresScopes, @policy on the types and on their
 * fields), as Apollo propagates them. */
#include <stdlib.h>
#include <string.h>

#include "compose_merge.h"
#include "printer.h"
#include "sbuf.h"

/* One conjunction: the names all required together. */
typedef struct term {
    const char **names;
    uint32_t n;
} term;

/* A disjunction of terms. */
typedef struct dnf {
    term *terms;
    uint32_t n;
} dnf;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* JSON.stringify of a term, the key Apollo sorts and compares terms by. */
static const char *term_key(arena *a, const term *t)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_putc(&b, '[');
    for (uint32_t i = 0; i < t->n; i++) {
        if (i) sbuf_putc(&b, ',');
        sbuf_json_string(&b, t->names[i], strlen(t->names[i]));
    }
    sbuf_putc(&b, ']');
    const char *key = arena_strndup(a, b.data, b.len);
    sbuf_free(&b);
    return key;
}

typedef struct keyed_term {
    term t;
    const char *key;
} keyed_term;

static int compare_keyed(const void *a, const void *b)
{
    return strcmp(((const keyed_term *)a)->key, ((const keyed_term *)b)->key);
}

/* The argument's [[String]] value, each term sorted and the terms sorted by
 * key; an empty list is one empty term (always true). */
static dnf read_dnf(arena *a, const ast_value *v)
{
    dnf d = {0};
    uint32_t n = 0;
    if (v && v->kind == AST_VALUE_LIST)
        for (const ast_value *t = v->items; t; t = t->next)
            n++;
    keyed_term *k = ARENA_ARRAY(a, keyed_term, n + 1);
    for (const ast_value *t = v && v->kind == AST_VALUE_LIST ? v->items : NULL; t; t = t->next) {
        term *out = &k[d.n].t;
        uint32_t m = 0;
        if (t->kind == AST_VALUE_LIST)
            for (const ast_value *s = t->items; s; s = s->next)
                m++;
        out->names = ARENA_ARRAY(a, const char *, m + 1);
        for (const ast_value *s = t->kind == AST_VALUE_LIST ? t->items : NULL; s; s = s->next)
            if (s->kind == AST_VALUE_STRING) out->names[out->n++] = s->str;
        qsort(out->names, out->n, sizeof *out->names, compare_names);
        k[d.n].key = term_key(a, out);
        d.n++;
    }
    if (!d.n) {
        k[0].t = (term){ARENA_ARRAY(a, const char *, 1), 0};
        k[0].key = "[]";
        d.n = 1;
    }
    qsort(k, d.n, sizeof *k, compare_keyed);
    d.terms = ARENA_ARRAY(a, term, d.n);
    for (uint32_t i = 0; i < d.n; i++)
        d.terms[i] = k[i].t;
    return d;
}

static bool term_has(const term *t, const char *name)
{
    for (uint32_t i = 0; i < t->n; i++)
        if (!strcmp(t->names[i], name)) return true;
    return false;
}

static bool term_subset(const term *small, const term *big)
{
    for (uint32_t i = 0; i < small->n; i++)
        if (!term_has(big, small->names[i])) return false;
    return true;
}

/* Stable by size, then drops any term another kept term is a subset of. */
static dnf drop_subsumed(arena *a, dnf d)
{
    term *sorted = ARENA_ARRAY(a, term, d.n + 1);
    uint32_t n = 0;
    for (uint32_t size = 0; n < d.n; size++)
        for (uint32_t i = 0; i < d.n; i++)
            if (d.terms[i].n == size) sorted[n++] = d.terms[i];
    dnf out = {ARENA_ARRAY(a, term, d.n + 1), 0};
    for (uint32_t i = 0; i < n; i++) {
        bool redundant = false;
        for (uint32_t k = 0; k < out.n && !redundant; k++)
            redundant = term_subset(&out.terms[k], &sorted[i]);
        if (!redundant) out.terms[out.n++] = sorted[i];
    }
    return out;
}

static dnf conjoin(arena *a, dnf x, dnf y)
{
    dnf out = {ARENA_ARRAY(a, term, x.n * y.n + 1), 0};
    const char **keys = ARENA_ARRAY(a, const char *, x.n *y.n + 1);
    for (uint32_t i = 0; i < x.n; i++)
        for (uint32_t j = 0; j < y.n; j++) {
            term t = {ARENA_ARRAY(a, const char *, x.terms[i].n + y.terms[j].n + 1), 0};
            for (uint32_t k = 0; k < x.terms[i].n; k++)
                t.names[t.n++] = x.terms[i].names[k];
            for (uint32_t k = 0; k < y.terms[j].n; k++)
                if (!term_has(&x.terms[i], y.terms[j].names[k]))
                    t.names[t.n++] = y.terms[j].names[k];
            qsort(t.names, t.n, sizeof *t.names, compare_names);
            const char *key = term_key(a, &t);
            bool seen = false;
            for (uint32_t k = 0; k < out.n && !seen; k++)
                seen = !strcmp(keys[k], key);
            if (seen) continue;
            keys[out.n] = key;
            out.terms[out.n++] = t;
        }
    return drop_subsumed(a, out);
}

static bool same_dnf(const dnf *x, const dnf *y)
{
    if (x->n != y->n) return false;
    for (uint32_t i = 0; i < x->n; i++) {
        if (x->terms[i].n != y->terms[i].n) return false;
        for (uint32_t k = 0; k < x->terms[i].n; k++)
            if (strcmp(x->terms[i].names[k], y->terms[i].names[k])) return false;
    }
    return true;
}

static ast_value *list_value(arena *a)
{
    ast_value *v = ARENA_NEW(a, ast_value);
    v->kind = AST_VALUE_LIST;
    return v;
}

static ast_value *dnf_value(arena *a, const dnf *d)
{
    ast_value *outer = list_value(a), **tail = &outer->items;
    for (uint32_t i = 0; i < d->n; i++) {
        ast_value *inner = list_value(a), **itail = &inner->items;
        for (uint32_t k = 0; k < d->terms[i].n; k++) {
            ast_value *s = ARENA_NEW(a, ast_value);
            s->kind = AST_VALUE_STRING;
            s->str = d->terms[i].names[k];
            s->len = (uint32_t)strlen(s->str);
            *itail = s;
            itail = &s->next;
        }
        *tail = inner;
        tail = &inner->next;
    }
    return outer;
}

/* A copy of dir with its one argument `name` set to v. */
static const ast_directive *with_argument(arena *a, const ast_directive *dir, const char *name,
                                          ast_value *v)
{
    ast_argument *arg = ARENA_NEW(a, ast_argument);
    arg->name = name;
    arg->value = v;
    arg->loc = dir->loc;
    ast_directive *copy = ARENA_NEW(a, ast_directive);
    *copy = *dir;
    copy->arguments = arg;
    copy->next = NULL;
    return copy;
}

/* The applications of one DNF directive folded into the first. */
static void fold_dnf(compose_ctx *c, cmeta *m, const char *name, const char *arg)
{
    dnf *values = ARENA_ARRAY(c->arena, dnf, m->napplied + 1);
    uint32_t n = 0, first = m->napplied;
    for (uint32_t i = 0; i < m->napplied; i++) {
        if (strcmp(m->applied[i].name, name)) continue;
        if (first == m->napplied) first = i;
        const ast_argument *a = ast_find_argument(m->applied[i].dir->arguments, arg);
        dnf d = read_dnf(c->arena, a ? a->value : NULL);
        bool seen = false;
        for (uint32_t k = 0; k < n && !seen; k++)
            seen = same_dnf(&values[k], &d);
        if (!seen) values[n++] = d;
    }
    uint32_t applications = 0;
    for (uint32_t i = 0; i < m->napplied; i++)
        applications += !strcmp(m->applied[i].name, name);
    if (applications < 2) return; /* one place: kept as written */
    dnf result = values[0];
    for (uint32_t k = 1; k < n; k++)
        result = conjoin(c->arena, result, values[k]);
    m->applied[first].dir =
        with_argument(c->arena, m->applied[first].dir, arg, dnf_value(c->arena, &result));
    uint32_t kept = 0;
    for (uint32_t i = 0; i < m->napplied; i++)
        if (i == first || strcmp(m->applied[i].name, name)) m->applied[kept++] = m->applied[i];
    m->napplied = kept;
}

static void fold_applied(compose_ctx *c, cmeta *m)
{
    fold_dnf(c, m, "requiresScopes", "scopes");
    fold_dnf(c, m, "policy", "policies");
}

static bool implements_itf(const cmtype *t, const char *itf)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        if (!strcmp(t->interfaces[i].name, itf)) return true;
    return false;
}

static cmfield *merged_field(cmtype *t, const char *name)
{
    for (uint32_t f = 0; f < t->nfields; f++)
        if (!strcmp(t->fields[f].name, name)) return &t->fields[f];
    return NULL;
}

/* Adds from's access-control applications to into. */
static void add_access_control(compose_ctx *c, cmeta *into, const cmeta *from)
{
    cmeta only = {0};
    only.applied = ARENA_ARRAY(c->arena, capplied, from->napplied + 1);
    for (uint32_t i = 0; i < from->napplied; i++)
        if (compose_is_access_control(from->applied[i].name))
            only.applied[only.napplied++] = from->applied[i];
    if (only.napplied) cm_meta_add(c, into, &only);
}

static void propagate_to_interface(compose_ctx *c, cmtype *itf)
{
    const cmerged *m = c->merged;
    for (uint32_t k = 0; k < m->ntypes; k++) {
        const cmtype *t = &m->types[k];
        if (t->kind != SCHEMA_OBJECT || !implements_itf(t, itf->name)) continue;
        add_access_control(c, &itf->m, &t->m);
        for (uint32_t f = 0; f < itf->nfields; f++) {
            const cmfield *impl = merged_field((cmtype *)t, itf->fields[f].name);
            if (impl) add_access_control(c, &itf->fields[f].m, &impl->m);
        }
    }
}

void cm_merge_access_control(compose_ctx *c)
{
    cmerged *m = c->merged;
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].kind == SCHEMA_INTERFACE) propagate_to_interface(c, &m->types[k]);
    for (uint32_t k = 0; k < m->ntypes; k++) {
        cmtype *t = &m->types[k];
        fold_applied(c, &t->m);
        for (uint32_t f = 0; f < t->nfields; f++) {
            fold_applied(c, &t->fields[f].m);
            for (uint32_t a = 0; a < t->fields[f].nargs; a++)
                fold_applied(c, &t->fields[f].args[a].m);
        }
    }
}
