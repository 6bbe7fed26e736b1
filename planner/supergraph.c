/* supergraph.c: sg_load, which runs the loading steps in order (parse and
 * build the full schema, resolve linked features, read the join data, build
 * the API schema), and the look-ups the planner uses on the result. */
#include <string.h>

#include "parser.h"
#include "supergraph_impl.h"

static const ast_document *parse_sdl(sg_loader *ld, const char *sdl, size_t len)
{
    parse_error perr = {0};
    const ast_document *doc = parse_document(ld->arena, sdl, len, NULL, &perr);
    if (!doc) {
        diag *d = diag_add(ld->errs, perr.loc, "%s", perr.message);
        if (d) d->code = "INVALID_GRAPHQL";
    }
    return doc;
}

static supergraph *load(arena *a, const char *sdl, size_t len, diag_list *errs, bool any_feature)
{
    sg_loader ld = {
        .arena = a, .errs = errs, .errors_before = errs->count, .any_feature = any_feature};
    ld.sg = ARENA_NEW(a, supergraph);
    ld.sg->arena = a;
    ld.doc = parse_sdl(&ld, sdl, len);
    if (!ld.doc) return NULL;
    ld.sg->full = schema_build(a, &ld.doc, 1, errs);
    if (!ld.sg->full || sg_failed(&ld)) return NULL;
    if (!sg_link_resolve(&ld) || !sg_join_load(&ld) || !sg_api_build(&ld)) return NULL;
    return sg_failed(&ld) ? NULL : ld.sg;
}

supergraph *sg_load(arena *a, const char *sdl, size_t len, diag_list *errs)
{
    return load(a, sdl, len, errs, false);
}

supergraph *sg_load_composed(arena *a, const char *sdl, size_t len, diag_list *errs)
{
    return load(a, sdl, len, errs, true);
}

const sg_graph *sg_graph_by_name(const supergraph *sg, const char *name)
{
    for (uint32_t i = 0; i < sg->ngraphs; i++)
        if (sg->graphs[i].name && strcmp(sg->graphs[i].name, name) == 0) return &sg->graphs[i];
    return NULL;
}

const sg_graph *sg_graph_by_enum_value(const supergraph *sg, const char *enum_value)
{
    for (uint32_t i = 0; i < sg->ngraphs; i++)
        if (strcmp(sg->graphs[i].enum_value, enum_value) == 0) return &sg->graphs[i];
    return NULL;
}

schema_type *sg_full_type(const supergraph *sg, const schema_type *t)
{
    if (!t) return NULL;
    if (t->index < sg->full->ntypes && sg->full->types[t->index] == t)
        return sg->full->types[t->index];
    return schema_get_type(sg->full, t->name);
}

schema_field *sg_full_field(const supergraph *sg, const schema_field *f)
{
    if (!f || !f->parent) return NULL;
    if (f->index < sg->full->nfields && sg->fields[f->index].field == f)
        return (schema_field *)sg->fields[f->index].field;
    if (sg->api && f->index < sg->api->nfields && f->parent->index < sg->api->ntypes &&
        f->parent == sg->api->types[f->parent->index])
        return sg->api_to_full[f->index];
    schema_type *parent = sg_full_type(sg, f->parent);
    return parent ? schema_get_field(parent, f->name) : NULL;
}

const sg_type *sg_type_info(const supergraph *sg, const schema_type *t)
{
    const schema_type *full = sg_full_type(sg, t);
    return full ? &sg->types[full->index] : NULL;
}

const sg_type_graph *sg_type_in_graph(const supergraph *sg, const schema_type *t, uint32_t graph)
{
    const sg_type *st = sg_type_info(sg, t);
    return st && graph < sg->ngraphs ? st->by_graph[graph] : NULL;
}

const sg_key *sg_type_keys(const supergraph *sg, const schema_type *t, uint32_t graph, uint32_t *n)
{
    const sg_type_graph *tg = sg_type_in_graph(sg, t, graph);
    *n = tg ? tg->nkeys : 0;
    return tg ? tg->keys : NULL;
}

bool sg_is_interface_object(const supergraph *sg, const schema_type *t, uint32_t graph)
{
    const sg_type_graph *tg = sg_type_in_graph(sg, t, graph);
    return tg && tg->interface_object;
}

schema_type *const *sg_possible_in_graph(const supergraph *sg, const schema_type *t, uint32_t graph,
                                         uint32_t *n)
{
    const sg_type_graph *tg = sg_type_in_graph(sg, t, graph);
    *n = tg ? tg->npossible : 0;
    return tg ? tg->possible : NULL;
}

const sg_field *sg_field_graphs(const supergraph *sg, const schema_field *f)
{
    const schema_field *full = sg_full_field(sg, f);
    return full ? &sg->fields[full->index] : NULL;
}

const sg_field_graph *sg_field_in_graph(const supergraph *sg, const schema_field *f, uint32_t graph)
{
    const sg_field *sf = sg_field_graphs(sg, f);
    return sf && graph < sg->ngraphs ? sf->by_graph[graph] : NULL;
}

bool sg_field_resolvable_in(const supergraph *sg, const schema_field *f, uint32_t graph)
{
    const sg_field_graph *fg = sg_field_in_graph(sg, f, graph);
    return fg && !fg->external && !(fg->used_overridden && !fg->override_label);
}
