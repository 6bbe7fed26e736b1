/* sg_codec_decode_schema.c: one schema of a supergraph image. Types are
 * allocated first, in one block, so references by index resolve while the
 * types are read; the rules that need every type's kind (what a field may
 * be typed with, interfaces and possible types) are checked after. Field
 * indexes and parents, and the name maps, are derived, never read. */
#include <string.h>

#include "sg_codec_int.h"

/* Smallest encodings, for counts checked against the bytes left. */
#define MIN_TYPE 6 /* name and kind, then description, builtin, specified_by_url, ndirectives */
#define MIN_FIELD 7
#define MIN_VALUE 5
#define MIN_DIRECTIVE_DEF 7

typedef struct schema_reader {
    sgc_decoder *d;
    schema *s;
    uint32_t declared_fields; /* the nfields the image announces */
} schema_reader;

static bool get_flag(sgc_decoder *d, const char *what, bool *out)
{
    uint32_t v;
    if (!bytes_get_small(&d->r, what, 1, &v)) return false;
    *out = v;
    return true;
}

static bool get_deprecation(sgc_decoder *d, const char *name, bool *deprecated, const char **reason)
{
    if (!get_flag(d, "deprecated flag", deprecated) || !bytes_get_str(&d->r, reason)) return false;
    if (*deprecated != (*reason != NULL))
        return bytes_fail(&d->r, "%s: deprecation reason does not match its flag", name);
    return true;
}

static bool get_field(schema_reader *sr, schema_field *f, schema_type *parent, bool with_args);

static bool get_args(schema_reader *sr, schema_field **args, uint32_t *n)
{
    if (!bytes_get_count(&sr->d->r, "argument definition", MIN_FIELD, n)) return false;
    *args = *n ? ARENA_ARRAY(sr->d->a, schema_field, *n) : NULL;
    for (uint32_t i = 0; i < *n; i++)
        if (!get_field(sr, &(*args)[i], NULL, false)) return false;
    return true;
}

static bool get_field(schema_reader *sr, schema_field *f, schema_type *parent, bool with_args)
{
    sgc_decoder *d = sr->d;
    if (!bytes_get_required_str(&d->r, "field name", &f->name) ||
        !bytes_get_str(&d->r, &f->description) ||
        !sgc_get_type_ref(d, sr->s, &f->type, &f->named) ||
        !sgc_get_optional_value(d, &f->default_value) ||
        !get_deprecation(d, f->name, &f->deprecated, &f->deprecation_reason) ||
        !sgc_get_directives(d, &f->directives, &f->ndirectives))
        return false;
    f->parent = parent;
    return !with_args || get_args(sr, &f->args, &f->nargs);
}

static bool get_fields(schema_reader *sr, schema_type *t)
{
    sgc_decoder *d = sr->d;
    if (!bytes_get_count(&d->r, "field", MIN_FIELD, &t->nfields)) return false;
    t->fields = ARENA_ARRAY(d->a, schema_field, t->nfields ? t->nfields : 1);
    strmap_init(&t->field_map, d->a, t->nfields);
    for (uint32_t i = 0; i < t->nfields; i++) {
        schema_field *f = &t->fields[i];
        if (!get_field(sr, f, t, t->kind != SCHEMA_INPUT_OBJECT)) return false;
        if (sr->s->nfields == sr->declared_fields)
            return bytes_fail(&d->r, "more fields than the %u announced", sr->declared_fields);
        f->index = sr->s->nfields++;
        if (strmap_put(&t->field_map, f->name, f))
            return bytes_fail(&d->r, "field %s.%s is defined twice", t->name, f->name);
    }
    return true;
}

static bool get_type_list(schema_reader *sr, const char *what, schema_type ***out, uint32_t *n)
{
    sgc_decoder *d = sr->d;
    if (!bytes_get_count(&d->r, what, 1, n)) return false;
    *out = *n ? ARENA_ARRAY(d->a, schema_type *, *n) : NULL;
    for (uint32_t i = 0; i < *n; i++) {
        uint32_t index;
        if (!bytes_get_small(&d->r, what, sr->s->ntypes - 1, &index)) return false;
        (*out)[i] = sr->s->types[index];
    }
    return true;
}

static bool get_enum_values(schema_reader *sr, schema_type *t)
{
    sgc_decoder *d = sr->d;
    if (!bytes_get_count(&d->r, "enum value", MIN_VALUE, &t->nvalues)) return false;
    t->values = t->nvalues ? ARENA_ARRAY(d->a, schema_enum_value, t->nvalues) : NULL;
    for (uint32_t i = 0; i < t->nvalues; i++) {
        schema_enum_value *v = &t->values[i];
        if (!bytes_get_required_str(&d->r, "enum value name", &v->name) ||
            !bytes_get_str(&d->r, &v->description) ||
            !get_deprecation(d, v->name, &v->deprecated, &v->deprecation_reason) ||
            !sgc_get_directives(d, &v->directives, &v->ndirectives))
            return false;
    }
    return true;
}

static bool get_type_content(schema_reader *sr, schema_type *t)
{
    switch (t->kind) {
    case SCHEMA_OBJECT:
    case SCHEMA_INTERFACE:
        if (!get_fields(sr, t) || !get_type_list(sr, "interface", &t->interfaces, &t->ninterfaces))
            return false;
        return t->kind == SCHEMA_OBJECT ||
               get_type_list(sr, "possible type", &t->possible, &t->npossible);
    case SCHEMA_UNION:
        return get_type_list(sr, "union member", &t->possible, &t->npossible);
    case SCHEMA_ENUM:
        return get_enum_values(sr, t);
    case SCHEMA_INPUT_OBJECT:
        return get_fields(sr, t);
    case SCHEMA_SCALAR:
        return true;
    }
    return false;
}

/* Names and kinds of every type come first: references resolve to them. */
static bool get_type_head(schema_reader *sr, schema_type *t)
{
    sgc_decoder *d = sr->d;
    uint32_t kind;
    if (!bytes_get_required_str(&d->r, "type name", &t->name) ||
        !bytes_get_small(&d->r, "type kind", SCHEMA_INPUT_OBJECT, &kind))
        return false;
    t->kind = (schema_kind)kind;
    if (strmap_put(&sr->s->type_map, t->name, t))
        return bytes_fail(&d->r, "type %s is defined twice", t->name);
    return true;
}

static bool get_type(schema_reader *sr, schema_type *t)
{
    sgc_decoder *d = sr->d;
    if (!bytes_get_str(&d->r, &t->description) || !get_flag(d, "builtin flag", &t->builtin) ||
        !bytes_get_str(&d->r, &t->specified_by_url) ||
        !sgc_get_directives(d, &t->directives, &t->ndirectives))
        return false;
    return get_type_content(sr, t);
}

static bool get_location_names(sgc_decoder *d, schema_directive *dir)
{
    uint32_t n;
    if (!bytes_get_count(&d->r, "directive location", 1, &n)) return false;
    ast_name *names = ARENA_ARRAY(d->a, ast_name, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!bytes_get_required_str(&d->r, "directive location", &names[i].name)) return false;
        schema_location bit = schema_location_from_name(names[i].name);
        if (!(dir->locations & bit))
            return bytes_fail(&d->r, "@%s: location %s is not among its locations", dir->name,
                              names[i].name);
        names[i].next = i + 1 < n ? &names[i + 1] : NULL;
    }
    dir->location_names = n ? names : NULL;
    return true;
}

static bool get_directive_def(schema_reader *sr, schema_directive *dir)
{
    sgc_decoder *d = sr->d;
    if (!bytes_get_required_str(&d->r, "directive name", &dir->name) ||
        !bytes_get_str(&d->r, &dir->description) || !get_args(sr, &dir->args, &dir->nargs) ||
        !get_flag(d, "repeatable flag", &dir->repeatable) ||
        !bytes_get_small(&d->r, "directive locations", (1u << 20) - 1, &dir->locations) ||
        !get_location_names(d, dir) || !get_flag(d, "builtin flag", &dir->builtin))
        return false;
    if (strmap_put(&sr->s->directive_map, dir->name, dir))
        return bytes_fail(&d->r, "directive @%s is defined twice", dir->name);
    return true;
}

static bool get_root(schema_reader *sr, const char *what, schema_type **out)
{
    uint32_t index;
    if (!bytes_get_small(&sr->d->r, what, sr->s->ntypes, &index)) return false;
    *out = index ? sr->s->types[index - 1] : NULL;
    if (*out && (*out)->kind != SCHEMA_OBJECT)
        return bytes_fail(&sr->d->r, "%s %s is not an object type", what, (*out)->name);
    return true;
}

/* ---- rules that need every type ---- */

static bool check_field_types(sgc_decoder *d, const schema_type *t)
{
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        bool input = t->kind == SCHEMA_INPUT_OBJECT;
        if (input ? !schema_is_input(f->named) : f->named->kind == SCHEMA_INPUT_OBJECT)
            return bytes_fail(&d->r, "field %s.%s cannot be of type %s", t->name, f->name,
                              f->named->name);
        for (uint32_t k = 0; k < f->nargs; k++)
            if (!schema_is_input(f->args[k].named))
                return bytes_fail(&d->r, "argument %s.%s(%s:) cannot be of type %s", t->name,
                                  f->name, f->args[k].name, f->args[k].named->name);
    }
    return true;
}

/* Which objects list each interface: counts, then one array in interface
 * order (listers[start[i]..start[i + 1]) list interface i). Interfaces
 * must be interfaces. */
typedef struct implementers {
    uint32_t *start; /* [ntypes + 1] */
    const schema_type **listers;
} implementers;

static bool find_implementers(sgc_decoder *d, const schema *s, implementers *im)
{
    im->start = ARENA_ARRAY(d->a, uint32_t, s->ntypes + 1);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const schema_type *t = s->types[i];
        for (uint32_t k = 0; k < t->ninterfaces; k++) {
            if (t->interfaces[k]->kind != SCHEMA_INTERFACE || t->interfaces[k] == t)
                return bytes_fail(&d->r, "type %s cannot implement %s", t->name,
                                  t->interfaces[k]->name);
            if (t->kind == SCHEMA_OBJECT) im->start[t->interfaces[k]->index + 1]++;
        }
    }
    for (uint32_t i = 0; i < s->ntypes; i++)
        im->start[i + 1] += im->start[i];
    uint32_t *fill = ARENA_ARRAY(d->a, uint32_t, s->ntypes ? s->ntypes : 1);
    memcpy(fill, im->start, sizeof *fill * s->ntypes);
    im->listers = ARENA_ARRAY(d->a, const schema_type *, im->start[s->ntypes] + 1);
    for (uint32_t i = 0; i < s->ntypes; i++)
        for (uint32_t k = 0; s->types[i]->kind == SCHEMA_OBJECT && k < s->types[i]->ninterfaces;
             k++)
            im->listers[fill[s->types[i]->interfaces[k]->index]++] = s->types[i];
    return true;
}

/* Possible types are objects, each once; an interface's are exactly the
 * objects that list it. In time linear in the lists (marks: a type's index
 * + 1 per abstract type looked at), whatever the image holds. */
static bool check_abstract(sgc_decoder *d, const schema *s)
{
    implementers im = {0};
    if (!find_implementers(d, s, &im)) return false;
    uint32_t *listing = ARENA_ARRAY(d->a, uint32_t, s->ntypes ? 2 * s->ntypes : 1);
    uint32_t *seen = listing + s->ntypes;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const schema_type *t = s->types[i];
        uint32_t nlisters = im.start[i + 1] - im.start[i];
        for (uint32_t k = 0; k < nlisters; k++)
            listing[im.listers[im.start[i] + k]->index] = i + 1;
        for (uint32_t k = 0; k < t->npossible; k++) {
            const schema_type *p = t->possible[k];
            bool fits = p->kind == SCHEMA_OBJECT && seen[p->index] != i + 1 &&
                        (t->kind == SCHEMA_UNION || listing[p->index] == i + 1);
            if (!fits)
                return bytes_fail(&d->r, "type %s cannot be a possible type of %s", p->name,
                                  t->name);
            seen[p->index] = i + 1;
        }
        if (t->kind == SCHEMA_INTERFACE && t->npossible != nlisters)
            return bytes_fail(&d->r,
                              "interface %s lists %u possible types, %u objects implement it",
                              t->name, t->npossible, nlisters);
    }
    return true;
}

static bool check_schema(sgc_decoder *d, const schema *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++)
        if (!check_field_types(d, s->types[i])) return false;
    for (uint32_t i = 0; i < s->ndirectives; i++)
        for (uint32_t k = 0; k < s->directives[i]->nargs; k++)
            if (!schema_is_input(s->directives[i]->args[k].named))
                return bytes_fail(&d->r, "argument @%s(%s:) cannot be of type %s",
                                  s->directives[i]->name, s->directives[i]->args[k].name,
                                  s->directives[i]->args[k].named->name);
    return check_abstract(d, s);
}

static bool get_types(schema_reader *sr)
{
    sgc_decoder *d = sr->d;
    schema *s = sr->s;
    uint32_t ntypes;
    if (!bytes_get_count(&d->r, "type", MIN_TYPE, &ntypes) ||
        !bytes_get_count(&d->r, "field", MIN_FIELD, &sr->declared_fields) ||
        !bytes_get_count(&d->r, "directive definition", MIN_DIRECTIVE_DEF, &s->ndirectives))
        return false;
    schema_type *block = ARENA_ARRAY(d->a, schema_type, ntypes ? ntypes : 1);
    s->types = ARENA_ARRAY(d->a, schema_type *, ntypes ? ntypes : 1);
    strmap_init(&s->type_map, d->a, ntypes);
    for (uint32_t i = 0; i < ntypes; i++) {
        block[i].index = i;
        s->types[i] = &block[i];
    }
    s->ntypes = ntypes;
    sgc_share_types_of(d, s);
    for (uint32_t i = 0; i < ntypes; i++)
        if (!get_type_head(sr, &block[i])) return false;
    for (uint32_t i = 0; i < ntypes; i++)
        if (!get_type(sr, &block[i])) return false;
    if (s->nfields != sr->declared_fields)
        return bytes_fail(&d->r, "%u fields announced, %u defined", sr->declared_fields,
                          s->nfields);
    return true;
}

static bool get_directive_defs(schema_reader *sr)
{
    sgc_decoder *d = sr->d;
    schema *s = sr->s;
    schema_directive *block =
        ARENA_ARRAY(d->a, schema_directive, s->ndirectives ? s->ndirectives : 1);
    s->directives = ARENA_ARRAY(d->a, schema_directive *, s->ndirectives ? s->ndirectives : 1);
    strmap_init(&s->directive_map, d->a, s->ndirectives);
    for (uint32_t i = 0; i < s->ndirectives; i++) {
        s->directives[i] = &block[i];
        if (!get_directive_def(sr, &block[i])) return false;
    }
    return true;
}

schema *sgc_get_schema(sgc_decoder *d)
{
    schema *s = ARENA_NEW(d->a, schema);
    schema_reader sr = {d, s, 0};
    s->arena = d->a;
    bool ok =
        bytes_get_str(&d->r, &s->description) && get_types(&sr) && get_directive_defs(&sr) &&
        get_root(&sr, "query type", &s->query) && get_root(&sr, "mutation type", &s->mutation) &&
        get_root(&sr, "subscription type", &s->subscription) &&
        sgc_get_directives(d, &s->schema_directives, &s->nschema_directives) && check_schema(d, s);
    return ok ? s : NULL;
}
