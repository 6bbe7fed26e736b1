/* compose_check_types.c: Apollo's per-subgraph rules about names and types:
 * the reserved subgraph name, root types that do not use their default name
 * while another type does, @key on an interface that some implementation
 * lacks, @interfaceObject on a type that is no entity, and @shareable where
 * it cannot be. */
#include <string.h>

#include "compose_check_int.h"

/* Selection trees nest no deeper than the parser allowed; this bounds the
 * comparison on its own. */
#define SELECTION_MAX_DEPTH 256

static const char *const default_root_names[] = {"Query", "Mutation", "Subscription"};
static const char *const root_kind_names[] = {"query", "mutation", "subscription"};
static const char *const root_used_codes[] = {"ROOT_QUERY_USED", "ROOT_MUTATION_USED",
                                              "ROOT_SUBSCRIPTION_USED"};

/* The type definition (not extension) named `name` in the document. */
static const ast_definition *type_definition(const ast_document *doc, const char *name)
{
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        if (d->kind != AST_DEF_SCHEMA && d->kind != AST_DEF_DIRECTIVE &&
            d->kind != AST_DEF_OPERATION && d->kind != AST_DEF_FRAGMENT && d->name &&
            strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

void cc_check_names(compose_ctx *c, const csub *s)
{
    if (strcmp(s->name, "_") == 0)
        compose_error(c, "INVALID_SUBGRAPH_NAME", s, (src_loc){0, 0},
                      "Invalid name _ for a subgraph: this name is reserved");
    if (!s->doc) return;
    for (int k = 0; k < 3; k++) {
        const char *given = s->root_names[k];
        if (!given || strcmp(given, default_root_names[k]) == 0) continue;
        const ast_definition *other = type_definition(s->doc, default_root_names[k]);
        if (!other) continue;
        const ast_definition *root = type_definition(s->doc, given);
        diag *e = compose_error(c, root_used_codes[k], s, root ? root->loc : other->loc,
                                "The schema has a type named \"%s\" but it is not set as the %s "
                                "root type (\"%s\" is instead): this is not supported by "
                                "federation. If a root type does not use its default name, "
                                "there should be no other type with that default name.",
                                default_root_names[k], root_kind_names[k], given);
        if (e && root) diag_loc(e, other->loc);
    }
}

/* ---- @key on interfaces ----------------------------------------------- */

static bool selections_equal(const ast_selection *a, const ast_selection *b, unsigned depth);

static bool same_selection(const ast_selection *x, const ast_selection *y, unsigned depth)
{
    if (x->kind != y->kind) return false;
    if (x->kind == AST_SEL_FIELD && strcmp(x->name, y->name) != 0) return false;
    if (x->kind == AST_SEL_INLINE_FRAGMENT) {
        const char *cx = x->type_condition ? x->type_condition : "";
        const char *cy = y->type_condition ? y->type_condition : "";
        if (strcmp(cx, cy) != 0) return false;
    }
    return selections_equal(x->selection_set, y->selection_set, depth + 1);
}

/* Same selections in any order (Apollo compares FieldSets as sets). */
static bool selections_equal(const ast_selection *a, const ast_selection *b, unsigned depth)
{
    if (depth > SELECTION_MAX_DEPTH) return false;
    uint32_t na = 0, nb = 0;
    for (const ast_selection *x = a; x; x = x->next)
        na++;
    for (const ast_selection *y = b; y; y = y->next)
        nb++;
    if (na != nb) return false;
    for (const ast_selection *x = a; x; x = x->next) {
        const ast_selection *y = b;
        while (y && !same_selection(x, y, depth))
            y = y->next;
        if (!y) return false;
    }
    return true;
}

static const char *key_text(compose_ctx *c, const csub *s, const ckey *key)
{
    const ast_directive *d = cc_directive_at(s, key->loc);
    return d ? cc_directive_text(c->arena, d)
             : arena_sprintf(c->arena, "@%s(fields: \"%s\")", s->dir_names[CFED_KEY], key->fields);
}

/* Types (quoted, for the message) and where each is defined. */
typedef struct type_list {
    const char **names;
    diag *error;
    src_loc locs[DIAG_MAX_LOCS];
    uint32_t n;
} type_list;

static void type_list_add(arena *a, type_list *l, const ctype *t)
{
    if (l->n < DIAG_MAX_LOCS) l->locs[l->n] = t->m.loc;
    l->names[l->n++] = arena_sprintf(a, "\"%s\"", t->name);
}

static void type_list_locate(type_list *l, diag *e)
{
    for (uint32_t i = 1; e && i < l->n && i < DIAG_MAX_LOCS; i++)
        diag_loc(e, l->locs[i]);
}

static void check_interface_key(compose_ctx *c, const csub *s, const ctype *itf, const ckey *key)
{
    type_list missing = {ARENA_ARRAY(c->arena, const char *, s->ntypes), NULL, {{0, 0}}, 0};
    type_list unresolvable = {ARENA_ARRAY(c->arena, const char *, s->ntypes), NULL, {{0, 0}}, 0};
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT || !cc_implements(t, itf->name)) continue;
        const ckey *match = NULL;
        for (uint32_t k = 0; k < t->nkeys && !match; k++)
            if (t->keys[k].selection && selections_equal(key->selection, t->keys[k].selection, 0))
                match = &t->keys[k];
        if (!match)
            type_list_add(c->arena, &missing, t);
        else if (key->resolvable && !match->resolvable)
            type_list_add(c->arena, &unresolvable, t);
    }
    if (missing.n) {
        diag *e = compose_error(c, "INTERFACE_KEY_NOT_ON_IMPLEMENTATION", s, missing.locs[0],
                                "Key %s on interface type \"%s\" is missing on implementation %s.",
                                key_text(c, s, key), itf->name,
                                cc_human_list(c->arena, missing.names, missing.n, "type", "types"));
        type_list_locate(&missing, e);
    } else if (unresolvable.n) {
        diag *e = compose_error(
            c, "INTERFACE_KEY_NOT_ON_IMPLEMENTATION", s, unresolvable.locs[0],
            "Key %s on interface type \"%s\" should be resolvable on all implementation types, "
            "but is declared with argument \"@key(resolvable:)\" set to false in %s.",
            key_text(c, s, key), itf->name,
            cc_human_list(c->arena, unresolvable.names, unresolvable.n, "type", "types"));
        type_list_locate(&unresolvable, e);
    }
}

/* ---- @shareable ------------------------------------------------------- */

static uint32_t count_named(const ast_directive *d, const char *name)
{
    uint32_t n = 0;
    for (; d; d = d->next)
        if (strcmp(d->name, name) == 0) n++;
    return n;
}

/* Locates e at every application of `name` among dirs (Apollo points at each). */
static void locate_each(diag *e, const ast_directive *d, const char *name)
{
    for (bool first = true; e && d; d = d->next)
        if (strcmp(d->name, name) == 0) {
            if (!first) diag_loc(e, d->loc);
            first = false;
        }
}

static src_loc first_named(const ast_directive *d, const char *name)
{
    for (; d; d = d->next)
        if (strcmp(d->name, name) == 0) return d->loc;
    return (src_loc){0, 0};
}

static const char *const duplicate_shareable_tail =
    ": @shareable is only repeatable on types so it can be used simultaneously on a type "
    "definition and its extensions, but it should not be duplicated on the same "
    "definition/extension declaration";

/* @shareable twice on one declaration (a definition, an extension, a field). */
static void check_duplicate_shareable(compose_ctx *c, const csub *s)
{
    const char *name = s->dir_names[CFED_SHAREABLE];
    if (!name || !s->doc) return;
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_OBJECT) continue;
        if (count_named(d->directives, name) > 1)
            locate_each(compose_error(c, "INVALID_SHAREABLE_USAGE", s,
                                      first_named(d->directives, name),
                                      "Invalid duplicate application of @shareable on the same "
                                      "type declaration of \"%s\"%s",
                                      d->name, duplicate_shareable_tail),
                        d->directives, name);
        for (const ast_field_def *f = d->fields; f; f = f->next)
            if (count_named(f->directives, name) > 1)
                locate_each(compose_error(c, "INVALID_SHAREABLE_USAGE", s,
                                          first_named(f->directives, name),
                                          "Invalid duplicate application of @shareable on field "
                                          "\"%s.%s\"%s",
                                          d->name, f->name, duplicate_shareable_tail),
                            f->directives, name);
    }
}

/* @shareable on an interface field: only object fields can be shared. Read
 * from the document: the model marks interface key fields shareable too. */
static void check_shareable_on_interfaces(compose_ctx *c, const csub *s)
{
    const char *name = s->dir_names[CFED_SHAREABLE];
    if (!name || !s->doc) return;
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_INTERFACE) continue;
        for (const ast_field_def *f = d->fields; f; f = f->next)
            if (count_named(f->directives, name) > 0)
                compose_error(c, "INVALID_SHAREABLE_USAGE", s, f->loc,
                              "Invalid use of @shareable on field \"%s.%s\": only object type "
                              "fields can be marked with @shareable",
                              d->name, f->name);
    }
}

void cc_check_types(compose_ctx *c, const csub *s)
{
    if (!s->fed2) return;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t k = 0; k < t->nkeys; k++)
            if (t->keys[k].selection) check_interface_key(c, s, t, &t->keys[k]);
    }
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->interface_object && t->nkeys == 0)
            compose_error(c, "INTERFACE_OBJECT_USAGE_ERROR", s, t->m.loc,
                          "The @interfaceObject directive can only be applied to entity types "
                          "but type \"%s\" has no @key in this subgraph.",
                          t->name);
    }
    check_duplicate_shareable(c, s);
    check_shareable_on_interfaces(c, s);
}
