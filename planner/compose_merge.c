/* compose_merge.c: merges the subgraphs' types into the supergraph model
 * (cmerged), in Apollo's order: types by first appearance, implemented
 * interfaces and union members first (field types are compared through
 * them), then scalars, input types, interfaces and objects, and enums last,
 * once every use of each is known. Fields of an @interfaceObject reach the
 * interface's implementations at the end. */
#include <string.h>

#include "compose_merge.h"

static const char *kind_label(const ctype *t)
{
    if (t->interface_object) return "Interface Object Type (Object Type with @interfaceObject)";
    switch (t->kind) {
    case SCHEMA_OBJECT:
        return "Object Type";
    case SCHEMA_INTERFACE:
        return "Interface Type";
    case SCHEMA_UNION:
        return "Union Type";
    case SCHEMA_ENUM:
        return "Enum Type";
    case SCHEMA_INPUT_OBJECT:
        return "Input Object Type";
    default:
        return "Scalar Type";
    }
}

static schema_kind merged_kind(const ctype *t)
{
    return t->interface_object ? SCHEMA_INTERFACE : t->kind;
}

static void report_kind_mismatch(compose_ctx *c, const cmtype *t)
{
    const char **values = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    const char *merged = NULL;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = csub_type(&c->subs[i], t->name);
        if (st) values[i] = kind_label(st);
        if (st && !merged) merged = values[i];
    }
    cm_report_mismatch(
        c, "TYPE_KIND_MISMATCH",
        arena_sprintf(c->arena, "Type \"%s\" has mismatched kind: it is defined as ", t->name),
        values, merged);
}

static void add_types_shallow(compose_ctx *c, cmerged *m)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        cap += c->subs[i].ntypes;
    m->types = ARENA_ARRAY(c->arena, cmtype, cap + 1);
    strmap_init(&m->type_map, c->arena, cap * 2 + 8);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        for (uint32_t k = 0; k < s->ntypes; k++) {
            const ctype *st = &s->types[k];
            cmtype *t = cmerged_type(m, st->name);
            if (!t) {
                t = &m->types[m->ntypes++];
                t->name = st->name;
                t->kind = merged_kind(st);
                t->root = st->root;
                t->src = ARENA_ARRAY(c->arena, ctype *, c->nsubs);
                strmap_put(&m->type_map, t->name, t);
            }
            if (t->kind != merged_kind(st)) {
                t->root = -2; /* reported once below */
                continue;
            }
            t->src[i] = (ctype *)st;
            if (st->root >= 0) t->root = st->root;
        }
    }
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].root == -2) {
            report_kind_mismatch(c, &m->types[k]);
            m->types[k].root = -1;
        }
}

static void merge_common(compose_ctx *c, cmtype *t)
{
    const char **descs = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        descs[i] = st->m.description;
        cm_meta_add(c, &t->m, &st->m);
        if (!t->specified_by) t->specified_by = st->specified_by;
    }
    t->m.description = cm_merge_description(descs, c->nsubs);
}

static void merge_implements(compose_ctx *c, cmtype *t)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (t->src[i]) cap += t->src[i]->ninterfaces;
    t->interfaces = ARENA_ARRAY(c->arena, cname, cap + 1);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        for (uint32_t k = 0; k < st->ninterfaces; k++) {
            bool seen = false;
            for (uint32_t j = 0; j < t->ninterfaces; j++)
                seen |= !strcmp(t->interfaces[j].name, st->interfaces[k].name);
            if (!seen) t->interfaces[t->ninterfaces++] = st->interfaces[k];
        }
    }
}

/* A field some subgraph's @interfaceObject resolves for an interface. */
static bool provided_by_interface_object(compose_ctx *c, const char *itf, const char *field)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *t = csub_type(&c->subs[i], itf);
        const cfield *f = t && t->interface_object ? ctype_field(t, field) : NULL;
        if (f && !f->external) return true;
    }
    return false;
}

static bool has_field(const cmtype *t, const char *name)
{
    for (uint32_t f = 0; f < t->nfields; f++)
        if (!strcmp(t->fields[f].name, name)) return true;
    return false;
}

/* Apollo's addMissingInterfaceObjectFieldsToImplementations. */
static void add_interface_object_fields(compose_ctx *c, cmtype *t)
{
    uint32_t extra = 0;
    for (uint32_t k = 0; k < t->ninterfaces; k++) {
        const cmtype *itf = cmerged_type(c->merged, t->interfaces[k].name);
        if (itf) extra += itf->nfields;
    }
    if (!extra) return;
    cmfield *fields = ARENA_ARRAY(c->arena, cmfield, t->nfields + extra);
    if (t->nfields) memcpy(fields, t->fields, sizeof *fields * t->nfields);
    t->fields = fields;
    for (uint32_t k = 0; k < t->ninterfaces; k++) {
        const cmtype *itf = cmerged_type(c->merged, t->interfaces[k].name);
        if (!itf) continue;
        for (uint32_t f = 0; f < itf->nfields; f++) {
            const cmfield *src = &itf->fields[f];
            if (has_field(t, src->name) || !provided_by_interface_object(c, itf->name, src->name))
                continue;
            cmfield *copy = &t->fields[t->nfields++];
            *copy = *src;
            copy->parent = t;
            copy->src = ARENA_ARRAY(c->arena, cmsource, c->nsubs);
            copy->join_field = false;
            copy->types_differ = false;
            copy->bare_join_field = true;
        }
    }
}

/* join v0.3 up to federation 2.6, v0.4 for 2.7, v0.5 from 2.8 (Apollo's
 * JOIN_VERSIONS by the latest federation version a subgraph links). */
static uint32_t join_minor(const compose_ctx *c)
{
    uint32_t latest = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (c->subs[i].fed_minor > latest) latest = c->subs[i].fed_minor;
    return latest >= 8 ? 5 : latest == 7 ? 4 : 3;
}

void compose_merge(compose_ctx *c)
{
    cmerged *m = ARENA_NEW(c->arena, cmerged);
    c->merged = m;
    m->join_minor = join_minor(c);
    add_types_shallow(c, m);
    for (uint32_t k = 0; k < m->ntypes; k++) {
        cmtype *t = &m->types[k];
        merge_common(c, t);
        if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) merge_implements(c, t);
        if (t->kind == SCHEMA_UNION) cm_merge_union(c, t);
    }
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].kind == SCHEMA_INPUT_OBJECT) cm_merge_input_fields(c, &m->types[k]);
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].kind == SCHEMA_INTERFACE) cm_merge_fields(c, &m->types[k]);
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].kind == SCHEMA_OBJECT) cm_merge_fields(c, &m->types[k]);
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].kind == SCHEMA_ENUM) cm_merge_enum(c, &m->types[k]);
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (m->types[k].kind == SCHEMA_OBJECT) add_interface_object_fields(c, &m->types[k]);
    cm_merge_access_control(c);
    cm_merge_cost(c);
    cm_merge_directives(c);
    cm_note_usage(c);
}
