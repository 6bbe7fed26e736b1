/* compose_check.c: the checks composition runs around merging. Owned by the
 * `composeerrors` work (Apollo's validation rules and error codes); these are
 * the ones the merge itself relies on: every @key, @requires and @provides
 * field set parses and names fields that exist, and the leaves of @requires
 * and @provides are @external (Apollo's KEY_INVALID_FIELDS,
 * REQUIRES_INVALID_FIELDS, PROVIDES_INVALID_FIELDS and *_FIELDS_MISSING_EXTERNAL). */
#include <string.h>

#include "compose_int.h"
#include "parser.h"

/* Which directive a field set belongs to: its codes and wording. */
typedef struct fieldset_use {
    const char *directive;     /* local name, for messages */
    const char *invalid_code;  /* the set does not parse or names unknown fields */
    const char *external_code; /* a leaf is not @external; NULL: no such rule (@key) */
    const char *owner;         /* "On type \"T\"" or "On field \"T.f\"" */
    const char *text;          /* the fields: argument */
    src_loc loc;
} fieldset_use;

/* Nesting bound of a field set walk; deeper sets were refused by the parser. */
#define CHECK_MAX_DEPTH 64

static void report_invalid(compose_ctx *c, const csub *s, const fieldset_use *u, const char *what)
{
    compose_error(c, u->invalid_code, s, u->loc, "%s, for @%s(fields: \"%s\"): %s", u->owner,
                  u->directive, u->text, what);
}

/* An implementation of interface itf in the subgraph has field `name` @external. */
static bool external_in_implementation(const csub *s, const ctype *itf, const char *name)
{
    if (itf->kind != SCHEMA_INTERFACE) return false;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        for (uint32_t k = 0; k < t->ninterfaces; k++) {
            if (strcmp(t->interfaces[k].name, itf->name)) continue;
            const cfield *f = ctype_field(t, name);
            if (f && f->external) return true;
        }
    }
    return false;
}

static void check_selections(compose_ctx *c, const csub *s, const fieldset_use *u,
                             const ctype *parent, const ast_selection *sel, bool external_above,
                             unsigned depth)
{
    if (depth > CHECK_MAX_DEPTH) return;
    for (; sel; sel = sel->next) {
        if (sel->kind != AST_SEL_FIELD) {
            const ctype *cond = sel->type_condition ? csub_type(s, sel->type_condition) : parent;
            if (cond)
                check_selections(c, s, u, cond, sel->selection_set, external_above, depth + 1);
            continue;
        }
        if (!strcmp(sel->name, "__typename")) continue;
        const cfield *f = ctype_field(parent, sel->name);
        if (!f) {
            const char *advice = u->external_code
                                     ? "(if the field is defined in another subgraph, you need "
                                       "to add it to this subgraph with @external)"
                                     : "(the field should either be added to this subgraph or, "
                                       "if it should not be resolved by this subgraph, you need "
                                       "to add it to this subgraph with @external)";
            char *what = arena_sprintf(c->arena, "Cannot query field \"%s\" on type \"%s\" %s.",
                                       sel->name, parent->name, advice);
            report_invalid(c, s, u, what);
            continue;
        }
        if (!sel->selection_set) {
            if (u->external_code && !f->external && !external_above)
                compose_error(c, u->external_code, s, u->loc,
                              "%s, for @%s(fields: \"%s\"): field \"%s.%s\" should not be part "
                              "of a @%s since it is already provided by this subgraph (it is not "
                              "marked @external)",
                              u->owner, u->directive, u->text, parent->name, f->name, u->directive);
            continue;
        }
        const ctype *sub = csub_type(s, ast_type_name(f->type));
        if (sub)
            check_selections(c, s, u, sub, sel->selection_set,
                             external_above || f->external ||
                                 external_in_implementation(s, parent, f->name),
                             depth + 1);
    }
}

/* Parses u->text again for its syntax error, or walks the parsed selection. */
static void check_fieldset(compose_ctx *c, const csub *s, const fieldset_use *u,
                           const ctype *parent, const ast_selection *parsed)
{
    if (!parsed) {
        /* Apollo parses the set inside braces: report the error that way */
        parse_error err = {0};
        const char *braced = arena_sprintf(c->arena, "{%s}", u->text);
        if (!parse_document(c->arena, braced, strlen(braced), NULL, &err))
            report_invalid(c, s, u, err.message);
        return;
    }
    check_selections(c, s, u, parent, parsed, false, 0);
}

static void check_keys(compose_ctx *c, const csub *s, const ctype *t)
{
    for (uint32_t k = 0; k < t->nkeys; k++) {
        fieldset_use u = {s->dir_names[CFED_KEY],
                          "KEY_INVALID_FIELDS",
                          NULL,
                          arena_sprintf(c->arena, "On type \"%s\"", t->name),
                          t->keys[k].fields,
                          t->keys[k].loc};
        check_fieldset(c, s, &u, t, t->keys[k].selection);
    }
}

static void check_field_sets(compose_ctx *c, const csub *s, const ctype *t, const cfield *f)
{
    const char *owner = arena_sprintf(c->arena, "On field \"%s.%s\"", t->name, f->name);
    if (f->requires) {
        fieldset_use u = {s->dir_names[CFED_REQUIRES],
                          "REQUIRES_INVALID_FIELDS",
                          "REQUIRES_FIELDS_MISSING_EXTERNAL",
                          owner,
                          f->requires,
                          f->requires_loc};
        check_fieldset(c, s, &u, t, f->requires_sel);
    }
    const ctype *target = csub_type(s, ast_type_name(f->type));
    if (f->provides && target) {
        fieldset_use u = {s->dir_names[CFED_PROVIDES],
                          "PROVIDES_INVALID_FIELDS",
                          "PROVIDES_FIELDS_MISSING_EXTERNAL",
                          owner,
                          f->provides,
                          f->provides_loc};
        check_fieldset(c, s, &u, target, f->provides_sel);
    }
}

void compose_check_subgraph(compose_ctx *c, const csub *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
        check_keys(c, s, t);
        for (uint32_t f = 0; f < t->nfields; f++)
            check_field_sets(c, s, t, &t->fields[f]);
    }
}

void compose_check_merged(compose_ctx *c, const cmerged *m)
{
    cmtype *query = cmerged_type(m, "Query");
    if (!query || query->kind != SCHEMA_OBJECT || !query->nfields)
        compose_error(c, "NO_QUERIES", NULL, (src_loc){0, 0},
                      "No queries found in any subgraph: a supergraph must have a query root "
                      "type.");
}
