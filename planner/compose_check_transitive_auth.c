/* compose_check_transitive_auth.c: MISSING_TRANSITIVE_AUTH_REQUIREMENTS. A
 * field with @requires, or with an argument @fromContext, gets what that
 * selection names before it resolves, so whoever may read it must be allowed
 * to read that too: the field, with its type, must carry at least the
 * @authenticated, @requiresScopes and @policy requirements of every field the
 * selection reaches, of each such field's type, of the type of each inline
 * fragment, and of each type that sets the context, all as merged in the
 * supergraph. Apollo checks this after merging, and stops at the first
 * shortfall of each selection. */
#include <string.h>

#include "compose_check_int.h"
#include "parser.h"

/* Nesting bound of the walk (the FieldSet parser bounds it already). */
#define AUTH_MAX_DEPTH 256

/* What reading an element requires: scopes and policies as disjunctions of
 * conjunctions ([[String]] values), each the conjunction of up to two
 * (a field's own and its type's); NULL = none. */
typedef struct auth_req {
    bool authenticated;
    const ast_value *scopes[2];
    const ast_value *policies[2];
} auth_req;

static const ast_value *applied_arg(const cmeta *m, const char *directive, const char *arg)
{
    for (uint32_t i = 0; i < m->napplied; i++)
        if (!strcmp(m->applied[i].name, directive)) {
            const ast_argument *a = ast_find_argument(m->applied[i].dir->arguments, arg);
            return a ? a->value : NULL;
        }
    return NULL;
}

static bool applies(const cmeta *m, const char *directive)
{
    for (uint32_t i = 0; i < m->napplied; i++)
        if (!strcmp(m->applied[i].name, directive)) return true;
    return false;
}

static auth_req element_req(const cmeta *m)
{
    auth_req r = {0};
    if (!m) return r;
    r.authenticated = applies(m, "authenticated");
    r.scopes[0] = applied_arg(m, "requiresScopes", "scopes");
    r.policies[0] = applied_arg(m, "policy", "policies");
    return r;
}

/* The terms of a disjunction: an absent or empty one is one empty term (true). */
static uint32_t term_count(const ast_value *dnf)
{
    uint32_t n = 0;
    for (const ast_value *t = dnf && dnf->kind == AST_VALUE_LIST ? dnf->items : NULL; t;
         t = t->next)
        n++;
    return n ? n : 1;
}

static const ast_value *term_at(const ast_value *dnf, uint32_t k)
{
    const ast_value *t = dnf && dnf->kind == AST_VALUE_LIST ? dnf->items : NULL;
    while (t && k--)
        t = t->next;
    return t; /* NULL: the empty term */
}

static bool term_has(const ast_value *term, const ast_value *name)
{
    for (const ast_value *v = term && term->kind == AST_VALUE_LIST ? term->items : NULL; v;
         v = v->next)
        if (v->kind == AST_VALUE_STRING && name->kind == AST_VALUE_STRING && v->len == name->len &&
            !memcmp(v->str, name->str, name->len))
            return true;
    return false;
}

/* o is within a ∪ b. */
static bool term_within(const ast_value *o, const ast_value *a, const ast_value *b)
{
    for (const ast_value *v = o && o->kind == AST_VALUE_LIST ? o->items : NULL; v; v = v->next)
        if (!term_has(a, v) && !term_has(b, v)) return false;
    return true;
}

/* (have[0] AND have[1]) implies need: every term of the conjunction contains some term of need. */
static bool implies(const ast_value *const have[2], const ast_value *need)
{
    if (!need) return true;
    for (uint32_t i = 0; i < term_count(have[0]); i++)
        for (uint32_t j = 0; j < term_count(have[1]); j++) {
            bool found = false;
            for (uint32_t k = 0; k < term_count(need) && !found; k++)
                found = term_within(term_at(need, k), term_at(have[0], i), term_at(have[1], j));
            if (!found) return false;
        }
    return true;
}

static bool satisfies(const auth_req *have, const auth_req *need)
{
    return (have->authenticated || !need->authenticated) &&
           implies(have->scopes, need->scopes[0]) && implies(have->policies, need->policies[0]);
}

static const cmfield *merged_field(const cmtype *t, const char *name)
{
    for (uint32_t i = 0; t && i < t->nfields; i++)
        if (!strcmp(t->fields[i].name, name)) return &t->fields[i];
    return NULL;
}

typedef struct auth_walk {
    compose_ctx *c;
    const cmerged *m;
    const csub *s;
    const char *coordinate; /* the requiring field */
    const char *directive;  /* "@requires", "@fromContext" */
    auth_req have;
} auth_walk;

static void shortfall(auth_walk *w, const char *what)
{
    compose_error(w->c, "MISSING_TRANSITIVE_AUTH_REQUIREMENTS", w->s, (src_loc){0, 0},
                  "Field \"%s\" does not specify necessary @authenticated, @requiresScopes and/or "
                  "@policy auth requirements to access the transitive %s from %s selection set.",
                  w->coordinate, what, w->directive);
}

/* False after reporting the first shortfall. */
static bool walk(auth_walk *w, const cmtype *t, const ast_selection *sel, unsigned depth)
{
    if (!t || depth > AUTH_MAX_DEPTH) return true;
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            const cmtype *cond = t;
            if (sel->type_condition) {
                cond = cmerged_type(w->m, sel->type_condition);
                auth_req need = element_req(cond ? &cond->m : NULL);
                if (!satisfies(&w->have, &need)) {
                    shortfall(w, arena_sprintf(w->c->arena,
                                               "data in inline fragment type condition \"%s\"",
                                               sel->type_condition));
                    return false;
                }
            }
            if (!walk(w, cond, sel->selection_set, depth + 1)) return false;
            continue;
        }
        if (sel->kind != AST_SEL_FIELD) continue;
        const cmfield *f = merged_field(t, sel->name);
        if (!f) continue; /* __typename */
        const cmtype *returned = f->type ? cmerged_type(w->m, ast_type_name(f->type)) : NULL;
        auth_req field_need = element_req(&f->m);
        auth_req type_need = element_req(returned ? &returned->m : NULL);
        if (!satisfies(&w->have, &field_need) || !satisfies(&w->have, &type_need)) {
            shortfall(w, arena_sprintf(w->c->arena, "field \"%s.%s\" data", t->name, f->name));
            return false;
        }
        if (sel->selection_set && !walk(w, returned, sel->selection_set, depth + 1)) return false;
    }
    return true;
}

/* "$name { selection }": the context's name, and the selection parsed as Apollo does. */
static const ast_selection *context_selection(compose_ctx *c, const char *text, const char **name)
{
    const char *p = text + strspn(text, " \t\n\r,");
    if (*p != '$') return NULL;
    p += 1 + strspn(p + 1, " \t\n\r,");
    size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    if (!len) return NULL;
    *name = arena_strndup(c->arena, p, len);
    const char *rest = p + len + strspn(p + len, " \t\n\r,");
    const char *src = *rest == '{' ? rest : arena_sprintf(c->arena, "{%s}", rest);
    parse_error err;
    ast_document *doc = parse_document(c->arena, src, strlen(src), NULL, &err);
    return doc && doc->ndefinitions == 1 ? doc->definitions->selection_set : NULL;
}

/* Each type of subgraph s that sets the context, against the field's requirements. */
static void check_context(auth_walk *w, const csub *s, const cfield *arg)
{
    const char *name;
    const ast_selection *sel = context_selection(w->c, arg->from_context, &name);
    if (!sel) return; /* compose_check_context.c reported it */
    const char *context = arena_sprintf(w->c->arena, "%s__%s", s->name, name);
    for (uint32_t k = 0; k < s->ntypes; k++) {
        const ctype *st = &s->types[k];
        bool sets = false;
        for (uint32_t j = 0; j < st->ncontexts && !sets; j++)
            sets = !strcmp(st->contexts[j], name);
        const cmtype *target = sets ? cmerged_type(w->m, st->name) : NULL;
        if (!target) continue;
        auth_req need = element_req(&target->m);
        if (!satisfies(&w->have, &need))
            shortfall(w, arena_sprintf(w->c->arena, "data in context %s", context));
        else
            walk(w, target, sel, 0);
    }
}

static void check_field(compose_ctx *c, const cmerged *m, const cmtype *t, const cmfield *f)
{
    auth_req type_req = element_req(&t->m), field_req = element_req(&f->m);
    auth_walk w = {c, m, NULL, arena_sprintf(c->arena, "%s.%s", t->name, f->name), NULL, {0}};
    w.have.authenticated = type_req.authenticated || field_req.authenticated;
    w.have.scopes[0] = type_req.scopes[0];
    w.have.scopes[1] = field_req.scopes[0];
    w.have.policies[0] = type_req.policies[0];
    w.have.policies[1] = field_req.policies[0];
    w.directive = "@requires";
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (!sf || !sf->requires_sel) continue;
        w.s = &c->subs[i];
        walk(&w, t, sf->requires_sel, 0);
    }
    w.directive = "@fromContext";
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        w.s = &c->subs[i];
        for (uint32_t a = 0; sf && a < sf->nargs; a++)
            if (sf->args[a].from_context) check_context(&w, w.s, &sf->args[a]);
    }
}

void cc_check_transitive_auth(compose_ctx *c, const cmerged *m)
{
    if (c->errors->count) return; /* Apollo validates a merge that went through only */
    for (uint32_t k = 0; k < m->ntypes; k++) {
        const cmtype *t = &m->types[k];
        if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t j = 0; j < t->nfields; j++)
            if (t->fields[j].src) check_field(c, m, t, &t->fields[j]);
    }
}
