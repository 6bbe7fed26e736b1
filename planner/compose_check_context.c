/* compose_check_context.c: Apollo's rules on @context(name:) and
 * @fromContext(field:) in one Federation 2 subgraph. Context names are
 * alphanumeric; a contextual argument sits on a field of an object type that
 * implements no interface field of that name, has no default, names a
 * context ("$name selection") that some type sets, and its object type has a
 * resolvable key. The selection must pick one field (or inline fragments)
 * that every type setting the context has, without directives or aliases,
 * and for a single field of the argument's type. */
#include <string.h>

#include "compose_check_int.h"
#include "parser.h"

/* Selections nest no deeper than the parser allowed; bound for the walk. */
#define CONTEXT_MAX_DEPTH 256

typedef struct ctx_use {
    compose_ctx *c;
    const csub *s;
    const ctype *type;  /* the object type of the field */
    const cfield *arg;  /* the contextual argument */
    const char *coord;  /* "T.f(arg:)" */
    const char *name;   /* the context's name */
    const char *select; /* what follows "$name" */
    src_loc loc;
} ctx_use;

static diag *use_error(ctx_use *u, const char *code, const char *msg)
{
    return compose_error(u->c, code, u->s, u->loc, "%s", msg);
}

static diag *invalid(ctx_use *u, const char *why)
{
    return use_error(u, "CONTEXT_INVALID_SELECTION",
                     arena_sprintf(u->c->arena,
                                   "Context \"%s\" is used in \"%s\" but the selection is "
                                   "invalid: %s",
                                   u->name, u->coord, why));
}

static bool is_ignored(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == ',';
}

/* Skips whitespace, commas and comments. */
static const char *skip_ignored(const char *p)
{
    for (;;) {
        if (is_ignored(*p))
            p++;
        else if (*p == '#')
            while (*p && *p != '\n' && *p != '\r')
                p++;
        else
            return p;
    }
}

static bool is_name_start(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
}

static bool is_name_char(char ch)
{
    return is_name_start(ch) || (ch >= '0' && ch <= '9');
}

/* Splits "$name selection" (Apollo's parseContext); false when it is not. */
static bool split_context(arena *a, const char *text, const char **name, const char **rest)
{
    const char *p = skip_ignored(text);
    if (*p != '$') return false;
    p = skip_ignored(p + 1);
    if (!is_name_start(*p)) return false;
    const char *start = p;
    while (is_name_char(*p))
        p++;
    *name = arena_strndup(a, start, (size_t)(p - start));
    *rest = p;
    return true;
}

/* ---- context names ---- */

static void check_names(compose_ctx *c, const csub *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        for (uint32_t k = 0; k < t->ncontexts; k++) {
            const char *name = t->contexts[k];
            bool valid = is_name_start(name[0]) && name[0] != '_';
            for (const char *p = name; valid && *p; p++)
                valid = is_name_char(*p);
            if (strchr(name, '_'))
                compose_error(c, "CONTEXT_NAME_INVALID", s, t->m.loc,
                              "Context name \"%s\" may not contain an underscore.", name);
            else if (!valid)
                compose_error(c, "CONTEXT_NAME_INVALID", s, t->m.loc,
                              "Context name \"%s\" is invalid. It should have only alphanumeric "
                              "characters.",
                              name);
        }
    }
}

static bool sets_context(const ctype *t, const char *name)
{
    for (uint32_t k = 0; k < t->ncontexts; k++)
        if (strcmp(t->contexts[k], name) == 0) return true;
    return false;
}

/* ---- selections ---- */

/* The selection parsed as Apollo parses it; NULL after reporting. */
static const ast_selection *parse_select(ctx_use *u)
{
    const char *p = skip_ignored(u->select);
    const char *src = *p == '{' ? u->select : arena_sprintf(u->c->arena, "{%s}", u->select);
    parse_error err;
    ast_document *doc = parse_document(u->c->arena, src, strlen(src), NULL, &err);
    if (!doc) {
        invalid(u, err.message);
        return NULL;
    }
    if (doc->ndefinitions != 1 || doc->definitions->kind != AST_DEF_OPERATION) {
        invalid(u, arena_sprintf(u->c->arena,
                                 "Selections should contain a single definitions, found %u",
                                 doc->ndefinitions));
        return NULL;
    }
    return doc->definitions->selection_set;
}

/* Apollo's validateSelectionFormat: one field, or only inline fragments
 * with distinct conditions. False after reporting. */
static bool check_format(ctx_use *u, const ast_selection *sel, bool *single_field)
{
    *single_field = sel->kind == AST_SEL_FIELD;
    if (sel->kind == AST_SEL_FRAGMENT_SPREAD)
        return invalid(u, "fragment spread is not allowed"), false;
    if (sel->kind == AST_SEL_FIELD) {
        if (sel->next) return invalid(u, "multiple selections are made"), false;
        return true;
    }
    for (const ast_selection *x = sel; x; x = x->next) {
        if (x->kind != AST_SEL_INLINE_FRAGMENT)
            return invalid(u, "multiple fields could be selected"), false;
        for (const ast_selection *y = sel; y != x; y = y->next)
            if (!x->type_condition || !y->type_condition ||
                strcmp(x->type_condition, y->type_condition) == 0)
                return invalid(u, "type conditions have same name"), false;
    }
    return true;
}

/* The first selected field the type lacks, as Apollo's parse reports it;
 * NULL when every field resolves. */
static const char *unknown_field(ctx_use *u, const ctype *t, const ast_selection *sel,
                                 unsigned depth)
{
    if (!t || depth > CONTEXT_MAX_DEPTH) return NULL;
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            const ctype *cond = sel->type_condition ? csub_type(u->s, sel->type_condition) : t;
            const char *bad = unknown_field(u, cond, sel->selection_set, depth + 1);
            if (bad) return bad;
            continue;
        }
        if (sel->kind != AST_SEL_FIELD || strcmp(sel->name, "__typename") == 0) continue;
        const cfield *f = t->kind == SCHEMA_UNION ? NULL : ctype_field(t, sel->name);
        if (!f)
            return arena_sprintf(u->c->arena, "Cannot query field \"%s\" on type \"%s\".",
                                 sel->name, t->name);
        const char *bad = unknown_field(u, cc_field_type(u->s, f), sel->selection_set, depth + 1);
        if (bad) return bad;
    }
    return NULL;
}

static bool has_directive_or_alias(const ast_selection *sel, bool alias, unsigned depth)
{
    if (depth > CONTEXT_MAX_DEPTH) return false;
    for (; sel; sel = sel->next) {
        if (alias ? sel->alias != NULL : sel->directives != NULL) return true;
        if (has_directive_or_alias(sel->selection_set, alias, depth + 1)) return true;
    }
    return false;
}

/* A type reference as Apollo's context check resolves it: lists kept,
 * non-null dropped, the innermost name replaced by `base`. */
static const char *without_non_null(arena *a, const ast_type *t, const char *base)
{
    if (t->kind == AST_TYPE_NON_NULL) return without_non_null(a, t->of, base);
    if (t->kind == AST_TYPE_LIST) return arena_sprintf(a, "[%s]", without_non_null(a, t->of, base));
    return base;
}

/* The type a single-field selection resolves to ("undefined" when its
 * fields disagree); Apollo's validateFieldValueType. */
static const char *resolved_type(ctx_use *u, const ctype *t, const ast_selection *sel,
                                 unsigned depth)
{
    const char *resolved = NULL;
    for (const ast_selection *x = sel; x; x = x->next) {
        const char *one = "undefined";
        const cfield *f = x->kind == AST_SEL_FIELD && t ? ctype_field(t, x->name) : NULL;
        if (f && depth < CONTEXT_MAX_DEPTH) {
            const char *base = x->selection_set ? resolved_type(u, cc_field_type(u->s, f),
                                                                x->selection_set, depth + 1)
                                                : ast_type_name(f->type);
            one = strcmp(base, "undefined") == 0 ? base
                                                 : without_non_null(u->c->arena, f->type, base);
        }
        if (resolved && strcmp(resolved, one) != 0) return "undefined";
        resolved = one;
    }
    return resolved ? resolved : "undefined";
}

/* Valid when the resolved type and the argument's type have the same list
 * shape and name (the resolved type never has a non-null). */
static bool matches_argument(const char *resolved, const ast_type *want, arena *a)
{
    if (want->kind == AST_TYPE_NON_NULL) return false;
    return strcmp(resolved, schema_type_ref_text(a, want)) == 0;
}

static void check_selection(ctx_use *u)
{
    const ast_selection *sel = parse_select(u);
    bool single_field = false;
    if (!sel || !check_format(u, sel, &single_field)) return;
    for (uint32_t i = 0; i < u->s->ntypes; i++) {
        const ctype *t = &u->s->types[i];
        if (!sets_context(t, u->name)) continue;
        const char *bad = unknown_field(u, t, sel, 0);
        if (bad) {
            use_error(u, "CONTEXT_INVALID_SELECTION",
                      arena_sprintf(u->c->arena,
                                    "Context \"%s\" is used in \"%s\" but the selection is "
                                    "invalid for type %s. Error: %s",
                                    u->name, u->coord, t->name, bad));
            return;
        }
        if (has_directive_or_alias(sel, false, 0))
            invalid(u, "directives are not allowed in the selection");
        if (has_directive_or_alias(sel, true, 0))
            invalid(u, "aliases are not allowed in the selection");
        if (!single_field) continue;
        const char *resolved = resolved_type(u, t, sel, 0);
        if (!matches_argument(resolved, u->arg->type, u->c->arena)) {
            invalid(u, arena_sprintf(u->c->arena,
                                     "the type of the selection \"%s\" does not match the "
                                     "expected type \"%s\"",
                                     resolved, schema_type_ref_text(u->c->arena, u->arg->type)));
            return;
        }
    }
}

/* ---- contextual arguments ---- */

static bool has_resolvable_key(const ctype *t)
{
    for (uint32_t k = 0; k < t->nkeys; k++)
        if (t->keys[k].resolvable) return true;
    return false;
}

static void check_argument(compose_ctx *c, const csub *s, const ctype *t, const cfield *f,
                           const cfield *arg)
{
    arena *a = c->arena;
    ctx_use u = {
        c,    s,    t,         arg, arena_sprintf(a, "%s.%s(%s:)", t->name, f->name, arg->name),
        NULL, NULL, arg->m.loc};
    if (t->kind != SCHEMA_OBJECT) {
        compose_error(c, "CONTEXT_NOT_SET", s, u.loc,
                      "@fromContext argument cannot be used on a field that exists on an "
                      "abstract type \"%s\".",
                      u.coord);
        return;
    }
    for (uint32_t i = 0; i < t->ninterfaces; i++) {
        const ctype *itf = csub_type(s, t->interfaces[i].name);
        if (itf && ctype_field(itf, f->name))
            compose_error(c, "CONTEXT_NOT_SET", s, u.loc,
                          "@fromContext argument cannot be used on a field implementing an "
                          "interface field \"%s.%s\".",
                          itf->name, f->name);
    }
    if (arg->default_value)
        compose_error(c, "CONTEXT_NOT_SET", s, u.loc,
                      "@fromContext arguments may not have a default value: \"%s\".", u.coord);
    if (!split_context(a, arg->from_context, &u.name, &u.select) || !*u.select) {
        compose_error(c, "NO_CONTEXT_IN_SELECTION", s, u.loc,
                      "@fromContext argument does not reference a context \"%s\".",
                      arg->from_context);
        return;
    }
    bool set = false;
    for (uint32_t i = 0; i < s->ntypes && !set; i++)
        set = sets_context(&s->types[i], u.name);
    if (!set)
        compose_error(c, "CONTEXT_NOT_SET", s, u.loc,
                      "Context \"%s\" is used at location \"%s\" but is never set.", u.name,
                      u.coord);
    else
        check_selection(&u);
    if (!has_resolvable_key(t))
        compose_error(c, "CONTEXT_NO_RESOLVABLE_KEY", s, t->m.loc,
                      "Object \"%s\" has no resolvable key but has a field with a contextual "
                      "argument.",
                      t->name);
}

void cc_check_contexts(compose_ctx *c, const csub *s)
{
    if (!s->fed2) return;
    check_names(c, s);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t j = 0; j < t->nfields; j++) {
            const cfield *f = &t->fields[j];
            for (uint32_t k = 0; k < f->nargs; k++)
                if (f->args[k].from_context) check_argument(c, s, t, f, &f->args[k]);
        }
    }
}
