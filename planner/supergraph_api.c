/* supergraph_api.c: the API schema, what clients of the gateway see. The
 * supergraph's document is filtered into a new one and built as a schema,
 * like Apollo's toAPISchema: gone are the definitions of every linked feature
 * (join__, link__/core__ types and directives, @inaccessible, @tag, ...),
 * their applications, custom @defer/@stream definitions, and every
 * @inaccessible element: types, fields, arguments, input fields, enum
 * values, union members and interface implementations. The filtered nodes
 * are shallow copies; the original document is left as it was. */
#include <string.h>

#include "supergraph_impl.h"

static bool is_inaccessible(const sg_loader *ld, const ast_directive *dirs)
{
    return ld->names.inaccessible && ast_find_directive(dirs, ld->names.inaccessible);
}

static bool type_inaccessible(const sg_loader *ld, const schema_type *t)
{
    if (!ld->names.inaccessible) return false;
    for (uint32_t i = 0; i < t->ndirectives; i++)
        if (strcmp(t->directives[i]->name, ld->names.inaccessible) == 0) return true;
    return false;
}

/* A type that is not in the API schema, by name. */
static bool type_removed(const sg_loader *ld, const char *name)
{
    const schema_type *t = schema_get_type(ld->sg->full, name);
    return t && (sg_link_owns(ld->sg, name, false) || type_inaccessible(ld, t));
}

static ast_directive *filter_directives(sg_loader *ld, const ast_directive *d)
{
    ast_directive *head = NULL, **tail = &head;
    for (; d; d = d->next) {
        if (sg_link_owns(ld->sg, d->name, true)) continue;
        ast_directive *copy = arena_alloc(ld->arena, sizeof *copy);
        *copy = *d;
        copy->next = NULL;
        *tail = copy;
        tail = &copy->next;
    }
    return head;
}

static ast_field_def *filter_field_defs(sg_loader *ld, const ast_field_def *f)
{
    ast_field_def *head = NULL, **tail = &head;
    for (; f; f = f->next) {
        if (is_inaccessible(ld, f->directives)) continue;
        ast_field_def *copy = arena_alloc(ld->arena, sizeof *copy);
        *copy = *f;
        copy->arguments = filter_field_defs(ld, f->arguments);
        copy->directives = filter_directives(ld, f->directives);
        copy->next = NULL;
        *tail = copy;
        tail = &copy->next;
    }
    return head;
}

static ast_name *filter_type_names(sg_loader *ld, const ast_name *n)
{
    ast_name *head = NULL, **tail = &head;
    for (; n; n = n->next) {
        if (type_removed(ld, n->name)) continue;
        ast_name *copy = arena_alloc(ld->arena, sizeof *copy);
        *copy = *n;
        copy->next = NULL;
        *tail = copy;
        tail = &copy->next;
    }
    return head;
}

static ast_enum_value_def *filter_values(sg_loader *ld, const ast_enum_value_def *v)
{
    ast_enum_value_def *head = NULL, **tail = &head;
    for (; v; v = v->next) {
        if (is_inaccessible(ld, v->directives)) continue;
        ast_enum_value_def *copy = arena_alloc(ld->arena, sizeof *copy);
        *copy = *v;
        copy->directives = filter_directives(ld, v->directives);
        copy->next = NULL;
        *tail = copy;
        tail = &copy->next;
    }
    return head;
}

static bool keeps_definition(sg_loader *ld, const ast_definition *def)
{
    switch (def->kind) {
    case AST_DEF_SCHEMA:
        return true;
    case AST_DEF_DIRECTIVE:
        return !sg_link_owns(ld->sg, def->name, true) && strcmp(def->name, "defer") != 0 &&
               strcmp(def->name, "stream") != 0;
    case AST_DEF_OPERATION:
    case AST_DEF_FRAGMENT:
        return false; /* schema_build already refused them */
    default:
        return !type_removed(ld, def->name);
    }
}

static ast_definition *filter_definition(sg_loader *ld, const ast_definition *def)
{
    ast_definition *copy = arena_alloc(ld->arena, sizeof *copy);
    *copy = *def;
    copy->next = NULL;
    copy->directives = filter_directives(ld, def->directives);
    copy->fields = filter_field_defs(ld, def->fields);
    copy->arguments = filter_field_defs(ld, def->arguments);
    copy->interfaces = filter_type_names(ld, def->interfaces);
    copy->members = filter_type_names(ld, def->members);
    copy->values = filter_values(ld, def->values);
    return copy;
}

static ast_document *filter_document(sg_loader *ld)
{
    ast_document *doc = ARENA_NEW(ld->arena, ast_document);
    ast_definition **tail = &doc->definitions;
    for (const ast_definition *def = ld->doc->definitions; def; def = def->next) {
        if (!keeps_definition(ld, def)) continue;
        ast_definition *copy = filter_definition(ld, def);
        /* `extend schema @link(...)` has nothing left */
        if (def->kind == AST_DEF_SCHEMA && !copy->root_operations && !copy->directives) continue;
        *tail = copy;
        tail = &(*tail)->next;
        doc->ndefinitions++;
    }
    return doc;
}

static bool map_fields(sg_loader *ld)
{
    supergraph *sg = ld->sg;
    sg->api_to_full = ARENA_ARRAY(ld->arena, schema_field *, sg->api->nfields);
    for (uint32_t t = 0; t < sg->api->ntypes; t++) {
        const schema_type *at = sg->api->types[t];
        const schema_type *ft = schema_get_type(sg->full, at->name);
        for (uint32_t k = 0; k < at->nfields; k++) {
            schema_field *f = ft ? schema_get_field(ft, at->fields[k].name) : NULL;
            if (!f) {
                sg_error(ld, at->fields[k].loc, "INVALID_FEDERATION_SUPERGRAPH",
                         "API schema field \"%s.%s\" has no twin in the supergraph", at->name,
                         at->fields[k].name);
                return false;
            }
            sg->api_to_full[at->fields[k].index] = f;
        }
    }
    return true;
}

bool sg_api_build(sg_loader *ld)
{
    const ast_document *doc = filter_document(ld);
    diag_list errs;
    diag_init(&errs, ld->arena);
    ld->sg->api = schema_build(ld->arena, &doc, 1, &errs);
    for (const diag *e = errs.first; e; e = e->next) {
        diag *copy = diag_add(ld->errs, e->nlocs ? e->locs[0] : (src_loc){0, 0},
                              "Invalid API schema: %s", e->message);
        if (!copy) break;
        copy->code = "INVALID_FEDERATION_SUPERGRAPH";
        for (uint32_t i = 1; i < e->nlocs; i++)
            diag_loc(copy, e->locs[i]);
    }
    if (!ld->sg->api) {
        if (!sg_failed(ld))
            sg_error(ld, (src_loc){0, 0}, "INVALID_FEDERATION_SUPERGRAPH",
                     "Invalid API schema: it could not be built");
        return false;
    }
    return map_fields(ld);
}
