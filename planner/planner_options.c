/* planner_options.c: the subgraphs an object may be read from, and the type
 * conditions that can match there. A field several subgraphs resolve
 * (@shareable) must give the same answer in each, so an object type that one
 * of them cannot return there is taken as never returned, and a type
 * condition on it selects nothing (Apollo's and Hive's planners drop it the
 * same way: clients see its fields as null). The subgraphs an object may come
 * from are those that resolve the field returning it, from any subgraph its
 * parent may come from or reach through a key. Sets are bit masks of graphs;
 * 0 means unknown (more than 64 subgraphs), and nothing is then dropped. */
#include "planner_int.h"

#define GRAPH_BIT(g) ((uint64_t)1 << (g))

static bool graphs_fit(const qp_planner *p)
{
    return p->sg->ngraphs <= 64;
}

uint64_t qp_root_options(const qp_planner *p, const schema_type *root)
{
    uint64_t options = 0;
    for (uint32_t g = 0; graphs_fit(p) && g < p->sg->ngraphs; g++)
        if (sg_type_in_graph(p->sg, root, g)) options |= GRAPH_BIT(g);
    return options;
}

/* graph resolves every top-level field of the key itself. */
static bool key_fields_in(const qp_planner *p, const schema_type *t, const sg_key *key,
                          uint32_t graph)
{
    for (const ast_selection *s = key->fields.selection; s; s = s->next) {
        if (s->kind != AST_SEL_FIELD) continue;
        const schema_field *f = schema_get_field(t, s->name);
        if (!f || !sg_field_resolvable_in(p->sg, f, graph)) return false;
    }
    return true;
}

bool qp_key_reaches(const qp_planner *p, const schema_type *t, uint32_t from, uint32_t to)
{
    uint32_t n = 0;
    const sg_key *keys = sg_type_keys(p->sg, t, to, &n);
    for (uint32_t i = 0; i < n; i++)
        if (keys[i].resolvable && keys[i].fields.selection && key_fields_in(p, t, &keys[i], from))
            return true;
    return false;
}

/* Some graph of `from` can hand graph `to` one of t's keys there. */
static bool reachable_by_key(const qp_planner *p, const schema_type *t, uint64_t from, uint32_t to)
{
    for (uint32_t g = 0; g < p->sg->ngraphs; g++)
        if ((from & GRAPH_BIT(g)) && qp_key_reaches(p, t, g, to)) return true;
    return false;
}

/* options plus every graph an object of t reaches from them through keys,
 * one jump after another. */
static uint64_t with_key_jumps(const qp_planner *p, const schema_type *t, uint64_t options)
{
    if (t->kind != SCHEMA_OBJECT) return options;
    for (bool grew = true; grew;) {
        grew = false;
        for (uint32_t g = 0; g < p->sg->ngraphs; g++)
            if (!(options & GRAPH_BIT(g)) && reachable_by_key(p, t, options, g)) {
                options |= GRAPH_BIT(g);
                grew = true;
            }
    }
    return options;
}

uint64_t qp_field_options(const qp_planner *p, const qp_ctx *ctx, const schema_field *f)
{
    if (!ctx->options) return 0;
    uint64_t from = with_key_jumps(p, ctx->type, ctx->options), options = 0;
    for (uint32_t g = 0; g < p->sg->ngraphs; g++)
        if ((from & GRAPH_BIT(g)) && sg_field_resolvable_in(p->sg, f, g)) options |= GRAPH_BIT(g);
    /* The group's own graph resolves f as well, maybe through @provides. */
    return options | GRAPH_BIT(ctx->group->graph);
}

/* In graph, the field returning ctx's object can return an object that is
 * of ctx's type and of cond. */
static bool cond_matches_in(const qp_planner *p, const qp_ctx *ctx, const schema_type *cond,
                            uint32_t graph)
{
    const schema_type *t = qp_type_in_graph(p, ctx->via_field, graph);
    /* An @interfaceObject knows no object types: it cannot tell. */
    if (!sg_type_in_graph(p->sg, t, graph) || sg_is_interface_object(p->sg, t, graph)) return true;
    uint32_t n = 1;
    schema_type *const *objects =
        t->kind == SCHEMA_OBJECT ? NULL : sg_possible_in_graph(p->sg, t, graph, &n);
    for (uint32_t i = 0; i < n; i++) {
        const schema_type *o = objects ? objects[i] : t;
        if (schema_is_possible_type(ctx->type, o) && schema_is_possible_type(cond, o)) return true;
    }
    return false;
}

bool qp_cond_possible(const qp_planner *p, const qp_ctx *ctx, const schema_type *cond)
{
    if (!ctx->options || !ctx->via_field || cond == ctx->type || !schema_is_abstract(ctx->type))
        return true;
    for (uint32_t g = 0; g < p->sg->ngraphs; g++)
        if ((ctx->options & GRAPH_BIT(g)) && !cond_matches_in(p, ctx, cond, g)) return false;
    return true;
}
