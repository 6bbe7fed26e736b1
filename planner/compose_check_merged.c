/* compose_check_merged.c: Apollo's merge-time rules that look across
 * subgraphs, checked on the merged model: @external copies that disagree
 * with the field's merged type or lack its arguments (or type or default
 * them otherwise); arguments and input fields whose defaults conflict (their
 * types are the merge's to check), or that some subgraphs require and others
 * lack; merged enums and
 * input types left empty; interface fields an implementation lacks after
 * merging; interface keys in subgraphs that miss implementations; interface
 * objects with no interface anywhere. */
#include <string.h>

#include "compose_check_int.h"
#include "compose_merge.h"
#include "printer.h"

/* "subgraph \"a\"", "subgraphs \"a\" and \"b\"" (Apollo's printSubgraphNames). */
static const char *subgraph_names(compose_ctx *c, const char **names, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        names[i] = arena_sprintf(c->arena, "\"%s\"", names[i]);
    return cc_human_list(c->arena, names, n, "subgraph", "subgraphs");
}

/* Is the type required: non-null and without a default? */
static bool is_required(const cfield *f)
{
    return f->type && f->type->kind == AST_TYPE_NON_NULL && !f->default_value;
}

static const cfield *arg_named(const cfield *f, const char *name)
{
    for (uint32_t a = 0; a < f->nargs; a++)
        if (strcmp(f->args[a].name, name) == 0) return &f->args[a];
    return NULL;
}

/* ---- mismatch messages ---- */

/* Apollo's MismatchReporter: subgraphs grouped by the value they have, the
 * merged value's group first: `type "Int" in subgraph "b" but type "String"
 * in subgraph "a"`. values[i] NULL = subgraph i not involved. */
static const char *distribution(compose_ctx *c, const char *merged, const char *const *values)
{
    arena *a = c->arena;
    const char **groups = ARENA_ARRAY(a, const char *, c->nsubs + 1);
    uint32_t ngroups = 0;
    groups[ngroups++] = merged;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!values[i]) continue;
        bool seen = false;
        for (uint32_t g = 0; g < ngroups; g++)
            seen |= strcmp(groups[g], values[i]) == 0;
        if (!seen) groups[ngroups++] = values[i];
    }
    sbuf b;
    sbuf_init(&b);
    for (uint32_t g = 0; g < ngroups; g++) {
        const char **names = ARENA_ARRAY(a, const char *, c->nsubs);
        uint32_t n = 0;
        for (uint32_t i = 0; i < c->nsubs; i++)
            if (values[i] && strcmp(values[i], groups[g]) == 0) names[n++] = c->subs[i].name;
        if (g == 1) sbuf_puts(&b, " but ");
        if (g > 1) sbuf_puts(&b, " and ");
        sbuf_printf(&b, "%s in %s", groups[g], n ? subgraph_names(c, names, n) : "undefined");
    }
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

/* ---- types and defaults of arguments and input fields ---- */

static const char *default_text(arena *a, const ast_value *v)
{
    if (!v) return "no default value";
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "default value ");
    print_value(&b, v);
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

static bool same_value(arena *a, const ast_value *x, const ast_value *y)
{
    if (!x || !y) return x == y;
    return strcmp(default_text(a, x), default_text(a, y)) == 0;
}

/* copies[i]: subgraph i's copy of an argument or input field (NULL = none).
 * Apollo's mergeDefaultValue: two different defaults are an error (a default
 * in only some subgraphs is only a hint). */
static void check_defaults(compose_ctx *c, const char *code, const char *what, const char *coord,
                           const cfield *const *copies)
{
    arena *a = c->arena;
    const ast_value *first = NULL;
    bool incompatible = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!copies[i]) continue;
        if (!first)
            first = copies[i]->default_value;
        else if (copies[i]->default_value && !same_value(a, first, copies[i]->default_value))
            incompatible = true;
    }
    if (!incompatible) return;
    const char **values = ARENA_ARRAY(a, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (copies[i]) values[i] = default_text(a, copies[i]->default_value);
    compose_error(c, code, NULL, (src_loc){0, 0},
                  "%s \"%s\" has incompatible default values across subgraphs: it has %s", what,
                  coord, distribution(c, default_text(a, first), values));
}

/* Every argument of a merged field, over the subgraphs resolving the field. */
static void check_argument_merge(compose_ctx *c, const cmtype *t, const cmfield *f)
{
    const cfield **copies = ARENA_ARRAY(c->arena, const cfield *, c->nsubs);
    for (uint32_t k = 0; k < f->nargs; k++) {
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const cfield *sf = f->src[i].field;
            copies[i] = sf && !sf->external ? arg_named(sf, f->args[k].name) : NULL;
        }
        const char *coord =
            arena_sprintf(c->arena, "%s.%s(%s:)", t->name, f->name, f->args[k].name);
        check_defaults(c, "FIELD_ARGUMENT_DEFAULT_MISMATCH", "Argument", coord, copies);
    }
}

/* Every merged input field, over the subgraphs defining the input type. */
static void check_input_field_merge(compose_ctx *c, const cmtype *t)
{
    const cfield **copies = ARENA_ARRAY(c->arena, const cfield *, c->nsubs);
    for (uint32_t k = 0; k < t->nfields; k++) {
        for (uint32_t i = 0; i < c->nsubs; i++)
            copies[i] = t->src[i] ? ctype_field(t->src[i], t->fields[k].name) : NULL;
        const char *coord = arena_sprintf(c->arena, "%s.%s", t->name, t->fields[k].name);
        check_defaults(c, "INPUT_FIELD_DEFAULT_MISMATCH", "Input field", coord, copies);
    }
}

/* ---- @external copies ---- */

static bool all_resolved_types_equal(const compose_ctx *c, const cmfield *f)
{
    const ast_type *first = NULL;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (!sf || sf->external) continue;
        if (first && !schema_type_ref_equal(first, sf->type)) return false;
        first = sf->type;
    }
    return true;
}

static void check_external_type(compose_ctx *c, const cmtype *t, const cmfield *f)
{
    bool all_equal = all_resolved_types_equal(c, f), invalid = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (sf && sf->external && !schema_type_ref_equal(f->type, sf->type) &&
            (all_equal || !cm_is_strict_subtype(c->merged, f->type, sf->type)))
            invalid = true;
    }
    if (!invalid) return;
    const char **values = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (f->src[i].field)
            values[i] = arena_sprintf(c->arena, "type \"%s\"",
                                      schema_type_ref_text(c->arena, f->src[i].field->type));
    compose_error(c, "EXTERNAL_TYPE_MISMATCH", NULL, (src_loc){0, 0},
                  "Type of field \"%s.%s\" is incompatible across subgraphs (where marked "
                  "@external): it has %s",
                  t->name, f->name,
                  distribution(c,
                               arena_sprintf(c->arena, "type \"%s\"",
                                             schema_type_ref_text(c->arena, f->type)),
                               values));
}

/* The external copies' arguments agree with the merged ones in type and default. */
static void check_external_argument_values(compose_ctx *c, const cmtype *t, const cmfield *f,
                                           const cmfield *arg)
{
    arena *a = c->arena;
    bool bad_type = false, bad_default = false;
    const char **types = ARENA_ARRAY(a, const char *, c->nsubs);
    const char **defaults = ARENA_ARRAY(a, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        const cfield *copy = sf ? arg_named(sf, arg->name) : NULL;
        if (!copy) continue;
        types[i] = arena_sprintf(a, "type \"%s\"", schema_type_ref_text(a, copy->type));
        defaults[i] = default_text(a, copy->default_value);
        if (!sf->external) continue;
        if (arg->type && !schema_type_ref_equal(arg->type, copy->type) &&
            !cm_is_strict_subtype(c->merged, copy->type, arg->type))
            bad_type = true;
        if (!same_value(a, arg->default_value, copy->default_value)) bad_default = true;
    }
    const char *coord = arena_sprintf(a, "%s.%s(%s:)", t->name, f->name, arg->name);
    if (bad_type)
        compose_error(
            c, "EXTERNAL_ARGUMENT_TYPE_MISMATCH", NULL, (src_loc){0, 0},
            "Type of argument \"%s\" is incompatible across subgraphs (where \"%s.%s\" "
            "is marked @external): it has %s",
            coord, t->name, f->name,
            distribution(c, arena_sprintf(a, "type \"%s\"", schema_type_ref_text(a, arg->type)),
                         types));
    if (bad_default)
        compose_error(c, "EXTERNAL_ARGUMENT_DEFAULT_MISMATCH", NULL, (src_loc){0, 0},
                      "Argument \"%s\" has incompatible defaults across subgraphs (where \"%s.%s\" "
                      "is marked @external): it has %s",
                      coord, t->name, f->name,
                      distribution(c, default_text(a, arg->default_value), defaults));
}

static void check_external_arguments(compose_ctx *c, const cmtype *t, const cmfield *f)
{
    arena *a = c->arena;
    for (uint32_t k = 0; k < f->nargs; k++) {
        const char *name = f->args[k].name;
        bool missing = false;
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const cfield *sf = f->src[i].field;
            missing |= sf && sf->external && !arg_named(sf, name);
        }
        if (!missing) {
            if (f->args[k].type) check_external_argument_values(c, t, f, &f->args[k]);
            continue;
        }
        const char *coord = arena_sprintf(a, "%s.%s(%s:)", t->name, f->name, name);
        const char **with = ARENA_ARRAY(a, const char *, c->nsubs);
        const char **without = ARENA_ARRAY(a, const char *, c->nsubs);
        uint32_t nwith = 0, nwithout = 0;
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const cfield *sf = f->src[i].field;
            if (sf && arg_named(sf, name))
                with[nwith++] = c->subs[i].name;
            else
                without[nwithout++] = c->subs[i].name;
        }
        compose_error(c, "EXTERNAL_ARGUMENT_MISSING", NULL, (src_loc){0, 0},
                      "Field \"%s.%s\" is missing argument \"%s\" in some subgraphs where it is "
                      "marked @external: argument \"%s\" is declared in %s but not in %s (where "
                      "\"%s.%s\" is @external).",
                      t->name, f->name, coord, coord, subgraph_names(c, with, nwith),
                      subgraph_names(c, without, nwithout), t->name, f->name);
    }
}

/* ---- presence across subgraphs ---- */

/* An argument (or input field) some subgraphs require and others lack. */
static void check_required_presence(compose_ctx *c, const char *code, const char *what,
                                    const char *coord, const cfield *const *copies)
{
    const char **required = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    const char **missing = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    uint32_t nrequired = 0, nmissing = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!copies[i]) continue;
        if (copies[i] == (const cfield *)1)
            missing[nmissing++] = c->subs[i].name;
        else if (is_required(copies[i]))
            required[nrequired++] = c->subs[i].name;
    }
    if (nrequired && nmissing)
        compose_error(c, code, NULL, (src_loc){0, 0},
                      "%s \"%s\" is required in some subgraphs but does not appear in all "
                      "subgraphs: it is required in %s but does not appear in %s",
                      what, coord, subgraph_names(c, required, nrequired),
                      subgraph_names(c, missing, nmissing));
}

/* An argument contextual (@fromContext) in some subgraph must be optional
 * where it is not (it is left out of the supergraph). */
static void check_contextual_everywhere(compose_ctx *c, const cmtype *t, const cmfield *f,
                                        const char *name)
{
    const char *coord = arena_sprintf(c->arena, "%s.%s(%s:)", t->name, f->name, name);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        const cfield *arg = sf && !sf->external ? arg_named(sf, name) : NULL;
        if (arg && !arg->from_context && is_required(arg))
            compose_error(c, "CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS", NULL,
                          arg->m.loc,
                          "Argument \"%s\" is contextual in at least one subgraph but in \"%s\" it "
                          "does not have @fromContext, is not nullable and has no default value.",
                          coord, coord);
    }
}

/* Arguments of a field, over the subgraphs that resolve it. The copies
 * array holds, per subgraph, the argument, (cfield *)1 when the field is
 * there without it, or NULL when the field is not there (or external). */
static void check_argument_presence(compose_ctx *c, const cmtype *t, const cmfield *f)
{
    arena *a = c->arena;
    const cfield **copies = ARENA_ARRAY(a, const cfield *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (!sf || sf->external) continue;
        for (uint32_t k = 0; k < sf->nargs; k++) {
            const char *name = sf->args[k].name;
            bool seen = false; /* checked already from an earlier subgraph */
            for (uint32_t j = 0; j < i && !seen; j++) {
                const cfield *earlier = f->src[j].field;
                seen = earlier && !earlier->external && arg_named(earlier, name);
            }
            if (seen) continue;
            bool contextual = false;
            for (uint32_t j = 0; j < c->nsubs; j++) {
                const cfield *other = f->src[j].field;
                copies[j] = NULL;
                if (!other || other->external) continue;
                const cfield *arg = arg_named(other, name);
                copies[j] = arg ? arg : (const cfield *)1;
                contextual |= arg && arg->from_context;
            }
            if (contextual) {
                check_contextual_everywhere(c, t, f, name);
                continue;
            }
            check_required_presence(c, "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", "Argument",
                                    arena_sprintf(a, "%s.%s(%s:)", t->name, f->name, name), copies);
        }
    }
}

static void check_input_type(compose_ctx *c, const cmtype *t)
{
    arena *a = c->arena;
    const cfield **copies = ARENA_ARRAY(a, const cfield *, c->nsubs);
    strmap seen;
    strmap_init(&seen, a, 8);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        for (uint32_t k = 0; k < st->nfields; k++) {
            const char *name = st->fields[k].name;
            if (strmap_put(&seen, name, (void *)1)) continue;
            for (uint32_t j = 0; j < c->nsubs; j++) {
                const cfield *copy = t->src[j] ? ctype_field(t->src[j], name) : NULL;
                copies[j] = !t->src[j] ? NULL : copy ? copy : (const cfield *)1;
            }
            check_required_presence(c, "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH",
                                    "Input object field", arena_sprintf(a, "%s.%s", t->name, name),
                                    copies);
        }
    }
    if (t->nfields == 0)
        compose_error(c, "EMPTY_MERGED_INPUT_TYPE", NULL, (src_loc){0, 0},
                      "None of the fields of input object type \"%s\" are consistently defined "
                      "in all the subgraphs defining that type. As only fields common to all "
                      "subgraphs are merged, this would result in an empty type.",
                      t->name);
}

/* ---- interfaces ---- */

static void check_interface_fields(compose_ctx *c, const cmtype *t)
{
    arena *a = c->arena;
    for (uint32_t k = 0; k < t->ninterfaces; k++) {
        const cmtype *itf = cmerged_type(c->merged, t->interfaces[k].name);
        if (!itf) continue;
        for (uint32_t j = 0; j < itf->nfields; j++) {
            const char *name = itf->fields[j].name;
            bool found = false;
            for (uint32_t n = 0; n < t->nfields && !found; n++)
                found = strcmp(t->fields[n].name, name) == 0;
            if (found) continue;
            const char **declaring = ARENA_ARRAY(a, const char *, c->nsubs);
            const char **implementing = ARENA_ARRAY(a, const char *, c->nsubs);
            uint32_t ndeclaring = 0, nimplementing = 0;
            for (uint32_t i = 0; i < c->nsubs; i++) {
                const ctype *si = csub_type(&c->subs[i], itf->name);
                if (si && si->kind == SCHEMA_INTERFACE && ctype_field(si, name))
                    declaring[ndeclaring++] = c->subs[i].name;
                const ctype *st = csub_type(&c->subs[i], t->name);
                if (st && cc_implements(st, itf->name))
                    implementing[nimplementing++] = c->subs[i].name;
            }
            compose_error(c, "INTERFACE_FIELD_NO_IMPLEM", NULL, (src_loc){0, 0},
                          "Interface field \"%s.%s\" is declared in %s but type \"%s\", which "
                          "implements \"%s\" only in %s does not have field \"%s\".",
                          itf->name, name, subgraph_names(c, declaring, ndeclaring), t->name,
                          itf->name, subgraph_names(c, implementing, nimplementing), name);
        }
    }
}

static bool implements_in(const cmtype *t, const char *itf)
{
    for (uint32_t k = 0; k < t->ninterfaces; k++)
        if (strcmp(t->interfaces[k].name, itf) == 0) return true;
    return false;
}

static void check_interface_key_implementations(compose_ctx *c, const cmtype *itf)
{
    arena *a = c->arena;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        const ctype *si = csub_type(s, itf->name);
        if (!si || si->kind != SCHEMA_INTERFACE) continue;
        const ckey *key = NULL;
        for (uint32_t k = 0; k < si->nkeys && !key; k++)
            if (si->keys[k].resolvable) key = &si->keys[k];
        if (!key) continue;
        const char **missing = ARENA_ARRAY(a, const char *, c->merged->ntypes);
        uint32_t nmissing = 0;
        for (uint32_t j = 0; j < c->merged->ntypes; j++) {
            const cmtype *t = &c->merged->types[j];
            if (t->kind != SCHEMA_OBJECT || !implements_in(t, itf->name)) continue;
            const ctype *st = csub_type(s, t->name);
            if (!st || !cc_implements(st, itf->name))
                missing[nmissing++] = arena_sprintf(a, "\"%s\"", t->name);
        }
        if (!nmissing) continue;
        const ast_directive *d = cc_directive_at(s, key->loc);
        compose_error(
            c, "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", s, key->loc,
            "Interface type \"%s\" has a resolvable key (%s) in subgraph \"%s\" but "
            "that subgraph is missing some of the supergraph implementation types of "
            "\"%s\". Subgraph \"%s\" should define %s (and have %s implement \"%s\").",
            itf->name,
            d ? cc_directive_text(a, d) : arena_sprintf(a, "@key(fields: \"%s\")", key->fields),
            s->name, itf->name, s->name, cc_human_list(a, missing, nmissing, "type", "types"),
            nmissing > 1 ? "them" : "it", itf->name);
    }
}

/* An @interfaceObject type needs the interface itself in some subgraph. */
static void check_interface_object(compose_ctx *c, const cmtype *t)
{
    const char **objects = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    uint32_t nobjects = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = csub_type(&c->subs[i], t->name);
        if (!st) continue;
        if (!st->interface_object) return;
        objects[nobjects++] = c->subs[i].name;
    }
    if (!nobjects) return;
    compose_error(c, "INTERFACE_OBJECT_USAGE_ERROR", NULL, (src_loc){0, 0},
                  "Type \"%s\" is declared with @interfaceObject in all the subgraphs in which "
                  "it is defined (it is defined in %s but should be defined as an interface in "
                  "at least one subgraph)",
                  t->name, subgraph_names(c, objects, nobjects));
}

void cc_check_merged_types(compose_ctx *c, const cmerged *m)
{
    for (uint32_t j = 0; j < m->ntypes; j++) {
        const cmtype *t = &m->types[j];
        if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) {
            for (uint32_t k = 0; k < t->nfields; k++) {
                const cmfield *f = &t->fields[k];
                if (f->type) check_external_type(c, t, f);
                check_external_arguments(c, t, f);
                check_argument_presence(c, t, f);
                check_argument_merge(c, t, f);
            }
        }
        if (t->kind == SCHEMA_INPUT_OBJECT) {
            check_input_type(c, t);
            check_input_field_merge(c, t);
        }
        if (t->kind == SCHEMA_ENUM && t->nvalues == 0)
            compose_error(c, "EMPTY_MERGED_ENUM_TYPE", NULL, (src_loc){0, 0},
                          "None of the values of enum type \"%s\" are defined consistently in "
                          "all the subgraphs defining that type. As only values common to all "
                          "subgraphs are merged, this would result in an empty type.",
                          t->name);
        if (t->kind == SCHEMA_INTERFACE) {
            check_interface_key_implementations(c, t);
            check_interface_object(c, t);
        }
    }
    for (uint32_t j = 0; j < m->ntypes; j++) {
        const cmtype *t = &m->types[j];
        if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) check_interface_fields(c, t);
    }
}
