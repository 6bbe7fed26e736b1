/* planner_parent.c: fetching a field through an enclosing entity. When the
 * subgraphs that resolve a field cannot be reached from its own object (the
 * type has no key there, or only keys whose fields the source lacks), an
 * enclosing object that is an entity may do: the subgraph that resolves
 * every field from that entity down to the field gets an entity group at the
 * entity's path and selects the same path again down to the field. The
 * executor merges both copies of the objects on the way, as it merges any
 * entity's fields. */
#include <string.h>

#include "planner_int.h"

/* f can be selected in graph as a plain field: resolved there, with nothing
 * (@requires, @fromContext) that would need its object's key in graph. */
static bool plain_in_graph(const qp_planner *p, const schema_field *f, uint32_t graph)
{
    if (!sg_field_resolvable_in(p->sg, f, graph)) return false;
    const sg_field_graph *fg = sg_field_in_graph(p->sg, f, graph);
    return !fg || (!fg->requires.selection && !fg->ncontext_args);
}

/* graph has every field from anc down to ctx, and every type the walk met
 * (narrowed to) on the way. */
static bool path_in_graph(const qp_planner *p, const qp_ctx *anc, const qp_ctx *ctx, uint32_t graph)
{
    for (const qp_ctx *c = ctx; c != anc; c = c->up)
        if (!sg_type_in_graph(p->sg, c->type, graph) || !plain_in_graph(p, c->via_field, graph))
            return false;
    return true;
}

/* The context to jump from: anc itself or an earlier copy of the same
 * object (the one anc's group jumped from), the earliest whose group has a
 * key of graph at hand, so the new request waits for as few as possible.
 * NULL when none has. */
static const qp_ctx *jump_source(const qp_planner *p, const qp_ctx *anc, uint32_t graph)
{
    const qp_ctx *source = NULL;
    for (const qp_ctx *v = anc; v; v = v->origin)
        if (v->group && v->group->graph != graph && v->type->kind == SCHEMA_OBJECT &&
            qp_key_at_hand(p, v, graph))
            source = v;
    return source;
}

/* Selects the client's path from anc down to c under sel (the entity
 * group's selection for anc's object); returns where c's fields go. */
static ast_selection *select_path(qp_planner *p, ast_selection *sel, const qp_ctx *anc,
                                  const qp_ctx *c)
{
    if (c == anc) return sel;
    sel = select_path(p, sel, anc, c->up);
    ast_selection *node =
        qp_sel_field(p, sel, c->via->alias, c->via_field->name, c->via->arguments, c->via_conds);
    if (schema_is_abstract(c->via_field->named))
        qp_sel_field(p, node, NULL, "__typename", NULL, (qp_conds){0});
    return c->type == c->via_field->named ? node : qp_sel_fragment(p, node, c->type->name);
}

/* Jumps from source (a copy of anc) to graph and selects the path down to
 * ctx there. The key's fetch at the source walks below anc's path and
 * overwrites the steps of ctx's path, which the walk below ctx still needs. */
static bool jump_from(qp_planner *p, const qp_ctx *source, const qp_ctx *anc, const qp_ctx *ctx,
                      uint32_t graph, qp_ctx *out, uint32_t depth)
{
    plan_path_step saved[QP_MAX_DEPTH + 2];
    uint32_t nsaved = ctx->nsteps - anc->nsteps;
    memcpy(saved, p->steps + anc->nsteps, sizeof *saved * nsaved);
    qp_ctx entity;
    bool jumped = qp_jump_to_graph(p, source, graph, &entity, depth);
    memcpy(p->steps + anc->nsteps, saved, sizeof *saved * nsaved);
    if (!jumped || p->failed) return false;
    *out = *ctx;
    out->group = entity.group;
    out->sel = select_path(p, entity.sel, anc, ctx);
    out->provided = NULL;
    out->origin = ctx;
    out->representation = false;
    return true;
}

bool qp_jump_via_parent(qp_planner *p, const qp_ctx *ctx, const schema_field *f, qp_ctx *out,
                        uint32_t depth)
{
    for (const qp_ctx *anc = ctx->up; anc; anc = anc->up) {
        for (uint32_t graph = 0; graph < p->sg->ngraphs; graph++) {
            if (!plain_in_graph(p, f, graph) || !path_in_graph(p, anc, ctx, graph)) continue;
            const qp_ctx *source = jump_source(p, anc, graph);
            if (source) return jump_from(p, source, anc, ctx, graph, out, depth);
        }
    }
    return false;
}
