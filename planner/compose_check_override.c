/* compose_check_override.c: Apollo's rules on @override(from:, label:), which
 * look at two subgraphs at once (the merger checks them field by field): no
 * @override on interface fields or on fields of @interfaceObject types, not
 * from a subgraph that overrides the same field too, not over a field with
 * @requires or @provides there, not on an @external field, and a label that
 * is a name or "percent(x)" with x in 0..100. (An @override from the
 * subgraph itself is reported by the merge, which resolves overrides.) These
 * are merge errors: their messages name the subgraphs instead of starting
 * with "[subgraph]". */
#include <string.h>

#include "compose_check_int.h"

static diag *override_error(compose_ctx *c, const char *code, const csub *s, src_loc loc,
                            const char *msg)
{
    diag *e = compose_error(c, code, NULL, loc, "%s", msg);
    diag_source(e, s->name);
    return e;
}

static const csub *sub_named(const compose_ctx *c, const char *name)
{
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (strcmp(c->subs[i].name, name) == 0) return &c->subs[i];
    return NULL;
}

static bool is_label_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-' || ch == ':' || ch == '.' || ch == '/';
}

/* /^[a-zA-Z][a-zA-Z0-9_\-:./]*$/ */
static bool is_name_label(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) return false;
    for (s++; *s; s++)
        if (!is_label_char(*s)) return false;
    return true;
}

static size_t count_digits(const char *s)
{
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

/* /^percent\((\d{1,2}(\.\d{1,8})?|100)\)$/ */
static bool is_percent_label(const char *s)
{
    if (strncmp(s, "percent(", 8) != 0) return false;
    s += 8;
    if (strcmp(s, "100)") == 0) return true;
    size_t whole = count_digits(s);
    if (whole < 1 || whole > 2) return false;
    s += whole;
    if (*s == '.') {
        size_t fraction = count_digits(s + 1);
        if (fraction < 1 || fraction > 8) return false;
        s += 1 + fraction;
    }
    return strcmp(s, ")") == 0;
}

/* The checks on the overridden (source) subgraph's side. */
static void check_source(compose_ctx *c, const csub *s, const ctype *t, const cfield *f,
                         const csub *from)
{
    arena *a = c->arena;
    const char *coord = cc_coord(a, t, f);
    const ctype *from_type = csub_type(from, t->name);
    const cfield *from_field = from_type ? ctype_field(from_type, f->name) : NULL;
    if (!from_field) return; /* nothing overridden: Apollo only hints */
    if (from_field->override_from) {
        diag *e = override_error(
            c, "OVERRIDE_SOURCE_HAS_OVERRIDE", s, f->override_loc,
            arena_sprintf(a,
                          "Field \"%s\" on subgraph \"%s\" is also marked with directive "
                          "@override in subgraph \"%s\". Only one @override directive is allowed "
                          "per field.",
                          coord, s->name, from->name));
        if (e) diag_loc(e, from_field->override_loc);
        return;
    }
    const char *conflict = NULL, *where = from->name;
    if (from_field->requires)
        conflict = from->dir_names[CFED_REQUIRES];
    else if (from_field->provides)
        conflict = from->dir_names[CFED_PROVIDES];
    else if (f->external) {
        conflict = from->dir_names[CFED_EXTERNAL];
        where = s->name;
    }
    if (conflict) {
        override_error(c, "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", s, f->override_loc,
                       arena_sprintf(a,
                                     "@override cannot be used on field \"%s\" on subgraph \"%s\" "
                                     "since \"%s\" on \"%s\" is marked with directive \"@%s\"",
                                     coord, s->name, coord, where, conflict));
        return;
    }
    const char *label = f->override_label;
    if (label && !is_name_label(label) && !is_percent_label(label))
        override_error(c, "OVERRIDE_LABEL_INVALID", s, f->override_loc,
                       arena_sprintf(a,
                                     "Invalid @override label \"%s\" on field \"%s\" on subgraph "
                                     "\"%s\": labels must start with a letter and after that may "
                                     "contain alphanumerics, underscores, minuses, colons, "
                                     "periods, or slashes. Alternatively, labels may be of the "
                                     "form \"percent(x)\" where x is a float between 0-100 "
                                     "inclusive.",
                                     label, coord, s->name));
}

static void check_override(compose_ctx *c, const csub *s, const ctype *t, const cfield *f)
{
    arena *a = c->arena;
    const char *coord = cc_coord(a, t, f);
    if (t->kind == SCHEMA_INTERFACE) {
        override_error(c, "OVERRIDE_ON_INTERFACE", s, f->override_loc,
                       arena_sprintf(a,
                                     "@override cannot be used on field \"%s\" on subgraph "
                                     "\"%s\": @override is not supported on interface type "
                                     "fields.",
                                     coord, s->name));
        return;
    }
    if (t->interface_object) {
        override_error(c, "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", s, f->override_loc,
                       arena_sprintf(a,
                                     "@override is not yet supported on fields of "
                                     "@interfaceObject types: cannot be used on field \"%s\" on "
                                     "subgraph \"%s\".",
                                     coord, s->name));
        return;
    }
    const csub *from = sub_named(c, f->override_from);
    if (!from) return; /* an unknown subgraph: Apollo only hints */
    /* From itself: the merge reports OVERRIDE_FROM_SELF_ERROR as it resolves
     * overrides (compose_merge_fields.c). */
    if (from == s) return;
    check_source(c, s, t, f, from);
}

void cc_check_overrides(compose_ctx *c)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        for (uint32_t j = 0; j < s->ntypes; j++) {
            const ctype *t = &s->types[j];
            for (uint32_t k = 0; k < t->nfields; k++)
                if (t->fields[k].override_from) check_override(c, s, t, &t->fields[k]);
        }
    }
}
