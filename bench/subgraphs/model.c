/* model.c: builds a subgraph's model (model.h) from its SDL with the
 * project's parser, adds the federation fields and binds the resolvers. */
#include "model.h"

#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "sbuf.h"

#define BMODEL_MAX_TYPES 64

typedef struct bmodel_builder {
    arena *a;
    bmodel *m;
    bmodel_type *types[BMODEL_MAX_TYPES];
    uint32_t ntypes;
    char *why;
    size_t why_len;
} bmodel_builder;

static bmodel_type *bmodel_add_type(bmodel_builder *b, const char *name)
{
    for (uint32_t i = 0; i < b->ntypes; i++)
        if (strcmp(b->types[i]->name, name) == 0) return b->types[i];
    if (b->ntypes == BMODEL_MAX_TYPES) return NULL;
    bmodel_type *t = ARENA_NEW(b->a, bmodel_type);
    t->name = name;
    b->types[b->ntypes++] = t;
    return t;
}

/* Appends a field to t; the field array is rebuilt in the arena (start-up only). */
static bmodel_field *bmodel_add_field(bmodel_builder *b, bmodel_type *t, const char *name,
                                      const ast_type *type, const ast_field_def *args)
{
    bmodel_field *fields = ARENA_ARRAY(b->a, bmodel_field, t->nfields + 1);
    if (t->nfields) memcpy(fields, t->fields, sizeof(bmodel_field) * t->nfields);
    bmodel_field *f = &fields[t->nfields];
    f->name = name;
    f->type = type;
    f->named = ast_type_name(type);
    f->args = args;
    t->fields = fields;
    t->nfields++;
    return f;
}

static bool bmodel_fail(bmodel_builder *b, const char *fmt, const char *x, const char *y)
{
    snprintf(b->why, b->why_len, fmt, b->m->name, x, y);
    return false;
}

/* Object types (definitions and extensions) of the SDL, with their fields. */
static bool bmodel_read_sdl(bmodel_builder *b, const ast_document *doc, bmodel_type *entity)
{
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_OBJECT) continue;
        bmodel_type *t = bmodel_add_type(b, d->name);
        if (!t) return bmodel_fail(b, "%s: too many types at %s%s", d->name, "");
        for (const ast_field_def *f = d->fields; f; f = f->next) {
            if (bmodel_field_named(t, f->name))
                return bmodel_fail(b, "%s: field %s.%s is defined twice", t->name, f->name);
            bmodel_add_field(b, t, f->name, f->type, f->arguments);
        }
        if (ast_find_directive(d->directives, "key")) {
            const bmodel_type **members =
                ARENA_ARRAY(b->a, const bmodel_type *, entity->nmembers + 1);
            if (entity->nmembers)
                memcpy(members, entity->members, sizeof(*members) * entity->nmembers);
            members[entity->nmembers++] = t;
            entity->members = members;
        }
    }
    return true;
}

/* What buildSubgraphSchema adds: Query._entities, Query._service and _Service. */
static bool bmodel_add_federation(bmodel_builder *b)
{
    parse_error err;
    ast_field_def *representations = ARENA_NEW(b->a, ast_field_def);
    representations->name = "representations";
    representations->type = parse_type(b->a, "[_Any!]!", 8, &err);
    const ast_type *entities = parse_type(b->a, "[_Entity]!", 10, &err);
    const ast_type *service = parse_type(b->a, "_Service!", 9, &err);
    const ast_type *string = parse_type(b->a, "String", 6, &err);
    if (!representations->type || !entities || !service || !string)
        return bmodel_fail(b, "%s: %s%s", err.message, "");
    bmodel_type *query = bmodel_add_type(b, "Query");
    bmodel_type *service_type = bmodel_add_type(b, "_Service");
    if (!query || !service_type) return bmodel_fail(b, "%s: too many types%s%s", "", "");
    bmodel_add_field(b, query, "_entities", entities, representations);
    bmodel_add_field(b, query, "_service", service, NULL);
    bmodel_add_field(b, service_type, "sdl", string, NULL);
    b->m->query = query;
    return true;
}

static const bres_binding *bmodel_binding(const bres_binding *bindings, const char *type,
                                          const char *field)
{
    for (const bres_binding *r = bindings; r->type; r++) {
        if (strcmp(r->type, type) != 0) continue;
        if (field ? r->field && strcmp(r->field, field) == 0 : !r->field) return r;
    }
    return NULL;
}

/* Gives every field its resolver and composite type, every entity its
 * reference resolver, and checks that no resolver is left over. */
static bool bmodel_bind(bmodel_builder *b, const bres_binding *bindings, const bmodel_type *entity)
{
    for (uint32_t i = 0; i < b->ntypes; i++) {
        bmodel_type *t = b->types[i];
        for (uint32_t j = 0; j < t->nfields; j++) {
            bmodel_field *f = &t->fields[j];
            const bres_binding *r = bmodel_binding(bindings, t->name, f->name);
            if (!r || !r->resolve)
                return bmodel_fail(b, "%s: no resolver for %s.%s", t->name, f->name);
            f->resolve = r->resolve;
            f->composite = bmodel_type_named(b->m, f->named);
        }
    }
    for (uint32_t i = 0; i < entity->nmembers; i++) {
        bmodel_type *t = (bmodel_type *)entity->members[i];
        const bres_binding *r = bmodel_binding(bindings, t->name, NULL);
        if (!r) return bmodel_fail(b, "%s: no reference resolver for entity %s%s", t->name, "");
        t->resolve_reference = r->resolve_reference;
    }
    for (const bres_binding *r = bindings; r->type; r++) {
        const bmodel_type *t = bmodel_type_named(b->m, r->type);
        bool known = t && (r->field ? bmodel_field_named(t, r->field) != NULL
                                    : t->resolve_reference == r->resolve_reference);
        if (!known)
            return bmodel_fail(b, "%s: resolver for %s.%s matches nothing in the SDL", r->type,
                               r->field ? r->field : "__resolveReference");
    }
    return true;
}

static bdata_text bmodel_json_string(arena *a, const char *s, size_t len)
{
    sbuf out;
    sbuf_init(&out);
    sbuf_json_string(&out, s, len);
    bdata_text t = {arena_strndup(a, out.data, out.len), (uint32_t)out.len};
    sbuf_free(&out);
    return t;
}

bmodel *bmodel_build(arena *a, const char *name, const char *sdl, size_t sdl_len,
                     const bres_binding *bindings, const bdata *data, char *why, size_t why_len)
{
    bmodel *m = ARENA_NEW(a, bmodel);
    m->name = name;
    m->data = data;
    m->sdl = bmodel_json_string(a, sdl, sdl_len);
    bmodel_builder b = {.a = a, .m = m, .why = why, .why_len = why_len};
    parse_error err;
    const ast_document *doc = parse_document(a, sdl, sdl_len, NULL, &err);
    if (!doc) {
        snprintf(why, why_len, "%s: %u:%u: %s", name, err.loc.line, err.loc.column, err.message);
        return NULL;
    }
    bmodel_type *entity = bmodel_add_type(&b, "_Entity");
    entity->is_union = true;
    if (!bmodel_read_sdl(&b, doc, entity) || !bmodel_add_federation(&b)) return NULL;
    m->types = ARENA_ARRAY(a, bmodel_type *, b.ntypes);
    memcpy(m->types, b.types, sizeof(bmodel_type *) * b.ntypes);
    m->ntypes = b.ntypes;
    if (!bmodel_bind(&b, bindings, entity)) return NULL;
    return m;
}

const bmodel_type *bmodel_type_named(const bmodel *m, const char *name)
{
    for (uint32_t i = 0; i < m->ntypes; i++)
        if (strcmp(m->types[i]->name, name) == 0) return m->types[i];
    return NULL;
}

const bmodel_field *bmodel_field_named(const bmodel_type *t, const char *name)
{
    for (uint32_t i = 0; i < t->nfields; i++)
        if (strcmp(t->fields[i].name, name) == 0) return &t->fields[i];
    return NULL;
}

bool bmodel_condition_holds(const bmodel_type *cond, const bmodel_type *obj)
{
    if (cond == obj) return true;
    for (uint32_t i = 0; cond->is_union && i < cond->nmembers; i++)
        if (cond->members[i] == obj) return true;
    return false;
}
