/* planner_fields.c: which subgraph resolves each selection. Walks the
 * client's selections (fragments expanded, literal @skip/@include applied)
 * and puts every field into the group of the subgraph that fetches the
 * object it belongs to, or, when that subgraph cannot resolve it, into an
 * entity group reached through a key (planner_entities.c). Root fields and
 * shareable fields go to the subgraph that leaves the fewest fields to fetch
 * elsewhere, staying in the current subgraph when it can. */
#include <string.h>

#include "introspection.h"
#include "planner_int.h"
#include "printer.h"

#define QP_COST_DEPTH 4          /* how deep the shareable choice looks ahead */
#define QP_COST_UNREACHABLE 1000 /* a field the choice would leave no way to fetch */

/* @skip(if: true) / @include(if: false) written as literals. */
static bool literally_excluded(const ast_directive *dirs)
{
    for (const ast_directive *d = dirs; d; d = d->next) {
        bool skip = strcmp(d->name, "skip") == 0;
        if (!skip && strcmp(d->name, "include") != 0) continue;
        const ast_argument *arg = ast_find_argument(d->arguments, "if");
        if (arg && arg->value->kind == AST_VALUE_BOOLEAN && arg->value->boolean == skip)
            return true;
    }
    return false;
}

/* conds plus the @skip/@include of dirs that test a variable. */
static qp_conds conds_extend(qp_planner *p, qp_conds conds, const ast_directive *dirs)
{
    uint32_t extra = 0;
    for (const ast_directive *d = dirs; d; d = d->next) {
        const ast_argument *arg = ast_find_argument(d->arguments, "if");
        if ((!strcmp(d->name, "skip") || !strcmp(d->name, "include")) && arg &&
            arg->value->kind == AST_VALUE_VARIABLE)
            extra++;
    }
    if (!extra) return conds;
    const ast_directive **items = ARENA_ARRAY(p->a, const ast_directive *, conds.n + extra);
    if (conds.n) memcpy(items, conds.items, sizeof *items * conds.n);
    uint32_t n = conds.n;
    for (const ast_directive *d = dirs; d; d = d->next) {
        const ast_argument *arg = ast_find_argument(d->arguments, "if");
        if ((!strcmp(d->name, "skip") || !strcmp(d->name, "include")) && arg &&
            arg->value->kind == AST_VALUE_VARIABLE)
            items[n++] = d;
    }
    return (qp_conds){items, n};
}

static ast_directive *conds_to_directives(qp_planner *p, qp_conds conds)
{
    ast_directive *first = NULL, **tail = &first;
    for (uint32_t i = 0; i < conds.n; i++) {
        ast_directive *d = ARENA_NEW(p->a, ast_directive);
        *d = *conds.items[i];
        d->next = NULL;
        *tail = d;
        tail = &d->next;
    }
    return first;
}

static bool same_directives(const ast_directive *a, const ast_directive *b)
{
    sbuf x, y;
    sbuf_init(&x);
    sbuf_init(&y);
    print_directives(&x, a);
    print_directives(&y, b);
    bool same = x.len == y.len && (!x.len || memcmp(x.data, y.data, x.len) == 0);
    sbuf_free(&x);
    sbuf_free(&y);
    return same;
}

static void append_child(ast_selection *parent, ast_selection *child)
{
    ast_selection **tail = &parent->selection_set;
    while (*tail)
        tail = &(*tail)->next;
    *tail = child;
}

static void unlink_child(ast_selection *parent, const ast_selection *child)
{
    for (ast_selection **link = &parent->selection_set; *link; link = &(*link)->next)
        if (*link == child) {
            *link = child->next;
            return;
        }
}

/* A type condition under which every field went to other subgraphs
 * (through an enclosing entity) selects nothing: it is left out. */
static void drop_if_empty(const qp_ctx *outer, const qp_ctx *narrowed)
{
    if (narrowed->sel != outer->sel && !narrowed->sel->selection_set)
        unlink_child(outer->sel, narrowed->sel);
}

ast_selection *qp_sel_field(qp_planner *p, ast_selection *parent, const char *alias,
                            const char *name, ast_argument *args, qp_conds conds)
{
    const char *key = alias ? alias : name;
    ast_directive *dirs = conds_to_directives(p, conds);
    for (ast_selection *s = parent->selection_set; s; s = s->next) {
        if (s->kind != AST_SEL_FIELD || strcmp(ast_response_key(s), key) != 0) continue;
        if (strcmp(s->name, name) != 0 || !qp_same_arguments(s->arguments, args)) {
            qp_fail(p,
                    "Cannot plan the operation: two fields under the response key \"%s\" "
                    "would meet in one subgraph request.",
                    key);
            return s;
        }
        if (same_directives(s->directives, dirs)) return s;
    }
    ast_selection *s = ARENA_NEW(p->a, ast_selection);
    s->kind = AST_SEL_FIELD;
    s->alias = alias && strcmp(alias, name) != 0 ? arena_strdup(p->a, alias) : NULL;
    s->name = name;
    s->arguments = args;
    s->directives = dirs;
    append_child(parent, s);
    return s;
}

ast_selection *qp_sel_fragment(qp_planner *p, ast_selection *parent, const char *type_name)
{
    for (ast_selection *s = parent->selection_set; s; s = s->next)
        if (s->kind == AST_SEL_INLINE_FRAGMENT && !s->directives &&
            strcmp(s->type_condition, type_name) == 0)
            return s;
    ast_selection *s = ARENA_NEW(p->a, ast_selection);
    s->kind = AST_SEL_INLINE_FRAGMENT;
    s->type_condition = type_name;
    append_child(parent, s);
    return s;
}

bool qp_client_takes_key(const qp_planner *p, const ast_selection *first, const char *name,
                         uint32_t depth)
{
    for (const ast_selection *s = first; s && depth <= QP_MAX_DEPTH; s = s->next) {
        if (s->kind == AST_SEL_FIELD) {
            if (strcmp(ast_response_key(s), name) == 0 &&
                (strcmp(s->name, name) != 0 || s->arguments))
                return true;
            continue;
        }
        const ast_selection *body = s->selection_set;
        if (s->kind == AST_SEL_FRAGMENT_SPREAD) {
            const ast_definition *frag = ast_find_fragment(p->doc, s->name);
            body = frag ? frag->selection_set : NULL;
        }
        if (qp_client_takes_key(p, body, name, depth + 1)) return true;
    }
    return false;
}

/* Fields a graph was handed in a representation: its keys for the type. */
static bool in_graph_key(const qp_planner *p, const schema_type *t, uint32_t graph,
                         const char *name)
{
    uint32_t n = 0;
    const sg_key *keys = sg_type_keys(p->sg, t, graph, &n);
    for (uint32_t i = 0; i < n; i++)
        for (const ast_selection *s = keys[i].fields.selection; s; s = s->next)
            if (s->kind == AST_SEL_FIELD && strcmp(s->name, name) == 0) return true;
    return false;
}

static const ast_selection *find_provided(const ast_selection *provided, const schema_type *t,
                                          const char *name, uint32_t depth)
{
    for (const ast_selection *s = provided; s && depth < QP_MAX_DEPTH; s = s->next) {
        if (s->kind == AST_SEL_FIELD && strcmp(s->name, name) == 0) return s;
        if (s->kind == AST_SEL_INLINE_FRAGMENT &&
            (!s->type_condition || strcmp(s->type_condition, t->name) == 0)) {
            const ast_selection *hit = find_provided(s->selection_set, t, name, depth + 1);
            if (hit) return hit;
        }
    }
    return NULL;
}

bool qp_can_resolve(const qp_planner *p, const qp_ctx *ctx, const schema_field *f, uint32_t graph,
                    const ast_selection **provided)
{
    *provided = NULL;
    if (ctx->group && graph == ctx->group->graph && ctx->provided) {
        const ast_selection *hit = find_provided(ctx->provided, ctx->type, f->name, 0);
        if (hit) {
            *provided = hit->selection_set;
            return true;
        }
    }
    if (!sg_type_in_graph(p->sg, ctx->type, graph)) return false;
    if (sg_field_resolvable_in(p->sg, f, graph)) return true;
    /* An @external key field comes back as the representation gave it; an
     * object the subgraph found itself has no trustworthy value there. */
    const sg_field_graph *fg = sg_field_in_graph(p->sg, f, graph);
    return fg && fg->external && !fg->used_overridden && ctx->representation && ctx->group &&
           graph == ctx->group->graph && in_graph_key(p, ctx->type, graph, f->name);
}

static bool graph_takes_condition(const qp_planner *p, const schema_type *t,
                                  const schema_type *cond, uint32_t graph);

/* The type and selection a fragment applies (t when it has no condition);
 * false when it names nothing known. */
static bool fragment_body(const qp_planner *p, const schema_type *t, const ast_selection *s,
                          const schema_type **in, const ast_selection **body)
{
    const char *cond = s->type_condition;
    *body = s->selection_set;
    if (s->kind == AST_SEL_FRAGMENT_SPREAD) {
        const ast_definition *frag = ast_find_fragment(p->doc, s->name);
        if (!frag) return false;
        cond = frag->type_condition;
        *body = frag->selection_set;
    }
    *in = cond ? schema_get_type(p->sg->full, cond) : t;
    return *in != NULL;
}

/* Fields of the selection, all of which a subgraph lacking its parent
 * field leaves to others. */
static uint32_t count_fields(const qp_planner *p, const schema_type *t, const ast_selection *first,
                             uint32_t depth)
{
    uint32_t n = 0;
    for (const ast_selection *s = first; s && depth < QP_COST_DEPTH; s = s->next) {
        const schema_type *in;
        const ast_selection *body;
        if (s->kind != AST_SEL_FIELD) {
            if (fragment_body(p, t, s, &in, &body)) n += count_fields(p, in, body, depth + 1);
            continue;
        }
        const schema_field *f = s->name[0] == '_' ? NULL : schema_get_field(t, s->name);
        if (!f) continue;
        n++;
        if (schema_is_composite(f->named))
            n += count_fields(p, f->named, s->selection_set, depth + 1);
    }
    return n;
}

/* Some subgraph that resolves f of object type t can be handed a key of t
 * by graph. */
static bool key_jump_possible(const qp_planner *p, const schema_type *t, const schema_field *f,
                              uint32_t graph)
{
    const sg_field *info = sg_field_graphs(p->sg, f);
    for (uint32_t i = 0; info && i < info->ngraphs; i++) {
        uint32_t to = info->graphs[i].graph->index;
        if (sg_field_resolvable_in(p->sg, f, to) && qp_key_reaches(p, t, graph, to)) return true;
    }
    return false;
}

/* Fields of the selection that `graph` would leave to other subgraphs. Type
 * conditions count only on objects the graph can return there. On a root
 * field's own object (`top`: no enclosing entity to go through), a field
 * no key jump from graph reaches costs QP_COST_UNREACHABLE. */
static uint32_t missing_fields(const qp_planner *p, const schema_type *t,
                               const ast_selection *first, uint32_t graph, bool top, uint32_t depth)
{
    uint32_t missing = 0;
    for (const ast_selection *s = first; s && depth < QP_COST_DEPTH; s = s->next) {
        const schema_type *in;
        const ast_selection *body;
        if (s->kind != AST_SEL_FIELD) {
            if (fragment_body(p, t, s, &in, &body) &&
                (in == t || graph_takes_condition(p, t, in, graph)))
                missing += missing_fields(p, in, body, graph, top, depth + 1);
            continue;
        }
        if (s->name[0] == '_') continue;
        const schema_field *f = schema_get_field(t, s->name);
        if (!f) continue;
        if (sg_field_resolvable_in(p->sg, f, graph)) {
            if (schema_is_composite(f->named))
                missing += missing_fields(p, f->named, s->selection_set, graph, false, depth + 1);
            continue;
        }
        if (top && t->kind == SCHEMA_OBJECT && !key_jump_possible(p, t, f, graph))
            missing += QP_COST_UNREACHABLE;
        missing += 1 + (schema_is_composite(f->named)
                            ? count_fields(p, f->named, s->selection_set, depth + 1)
                            : 0);
    }
    return missing;
}

uint32_t qp_choose_graph(const qp_planner *p, const schema_field *f, const ast_selection *sub,
                         int32_t prefer)
{
    const sg_field *info = sg_field_graphs(p->sg, f);
    uint32_t best = UINT32_MAX, best_cost = UINT32_MAX;
    for (uint32_t i = 0; info && i < info->ngraphs; i++) {
        uint32_t g = info->graphs[i].graph->index;
        if (!sg_field_resolvable_in(p->sg, f, g)) continue;
        uint32_t cost =
            schema_is_composite(f->named) ? missing_fields(p, f->named, sub, g, true, 0) * 2 : 0;
        if ((int32_t)g != prefer) cost++;
        if (cost < best_cost) {
            best = g;
            best_cost = cost;
        }
    }
    return best;
}

/* The root group a root field goes into; false when no subgraph has it. */
static bool root_context(qp_planner *p, const qp_ctx *ctx, const schema_field *f,
                         const ast_selection *s, qp_ctx *out)
{
    bool mutation = p->op->operation == AST_OP_MUTATION;
    int32_t prefer = mutation && p->mutation_group ? (int32_t)p->mutation_group->graph : -1;
    uint32_t graph = qp_choose_graph(p, f, s->selection_set, prefer);
    if (graph == UINT32_MAX) {
        qp_fail(p, "Cannot plan field %s.%s: no subgraph resolves it.", ctx->type->name, f->name);
        return false;
    }
    qp_group *g;
    if (mutation) {
        g = p->mutation_group;
        if (!g || g->graph != graph) {
            uint32_t after = qp_levels_so_far(p);
            g = qp_group_new(p, graph, false);
            if (!g) return false;
            g->min_level = after;
            p->mutation_group = g;
        }
    } else {
        g = p->root_groups[graph];
        if (!g && !(g = p->root_groups[graph] = qp_group_new(p, graph, false))) return false;
    }
    *out = *ctx;
    out->group = g;
    out->sel = &g->root;
    return true;
}

static const char *plan_key(qp_planner *p, const char *alias, const char *name)
{
    return arena_strdup(p->a, alias ? alias : name);
}

static void walk(qp_planner *p, const qp_ctx *ctx, const ast_selection *first, qp_conds conds,
                 qp_group *dependent, uint32_t depth);

const schema_type *qp_type_in_graph(const qp_planner *p, const schema_field *f, uint32_t graph)
{
    const sg_field_graph *there = sg_field_in_graph(p->sg, f, graph);
    if (!there || !there->type) return f->named;
    const ast_type *t = there->type;
    while (t->of)
        t = t->of;
    const schema_type *named = schema_get_type(p->sg->full, t->name);
    return named && schema_is_composite(named) ? named : f->named;
}

/* Adds f to ctx's group and follows its sub-selection. */
static void descend(qp_planner *p, const qp_ctx *ctx, const schema_field *f, const ast_selection *s,
                    qp_conds conds, const ast_selection *provided, qp_group *dependent,
                    uint32_t depth)
{
    const sg_field_graph *there = sg_field_in_graph(p->sg, f, ctx->group->graph);
    if (there && there->ncontext_args) {
        /* The argument's value comes from an enclosing object: not planned yet. */
        qp_fail(p, "Cannot plan field %s.%s: arguments taken from @context are not supported.",
                ctx->type->name, f->name);
        return;
    }
    if (dependent) qp_group_depend(p, dependent, ctx->group);
    ast_selection *node = qp_sel_field(p, ctx->sel, s->alias, f->name, s->arguments, conds);
    if (!schema_is_composite(f->named)) return;
    if (schema_is_abstract(f->named))
        qp_sel_field(p, node, NULL, "__typename", NULL, (qp_conds){0});
    if (!provided && there) provided = there->provides.selection;
    uint32_t nsteps = ctx->nsteps;
    if (nsteps >= QP_MAX_DEPTH) {
        qp_fail(p, "The operation nests deeper than %d fields.", QP_MAX_DEPTH);
        return;
    }
    p->steps[nsteps++] = (plan_path_step){PLAN_PATH_FIELD, plan_key(p, s->alias, f->name)};
    for (const ast_type *t = f->type; t && nsteps < QP_MAX_DEPTH; t = t->of)
        if (t->kind == AST_TYPE_LIST) p->steps[nsteps++] = (plan_path_step){PLAN_PATH_LIST, "@"};
    qp_ctx child = {.group = ctx->group,
                    .sel = node,
                    .type = qp_type_in_graph(p, f, ctx->group->graph),
                    .provided = provided,
                    .client = dependent ? NULL : s->selection_set,
                    .nsteps = nsteps,
                    .up = ctx,
                    .via = s,
                    .via_field = f,
                    .via_conds = conds,
                    .options = qp_field_options(p, ctx, f)};
    walk(p, &child, s->selection_set, (qp_conds){0}, dependent, depth + 1);
    /* Every field below went to other subgraphs through an enclosing entity
     * (planner_parent.c): here the object has nothing to select. */
    if (!node->selection_set) unlink_child(ctx->sel, node);
}

/* Some graph resolves f of interface t where t is an @interfaceObject: the
 * objects can jump there as they are, without splitting by type. */
static bool reachable_as_interface_object(const qp_planner *p, const schema_type *t,
                                          const schema_field *f)
{
    const sg_field *info = sg_field_graphs(p->sg, f);
    for (uint32_t i = 0; info && i < info->ngraphs; i++) {
        uint32_t graph = info->graphs[i].graph->index;
        if (sg_field_resolvable_in(p->sg, f, graph) && sg_is_interface_object(p->sg, t, graph))
            return true;
    }
    return false;
}

static bool has_keys(const qp_planner *p, const schema_type *t)
{
    for (uint32_t g = 0; g < p->sg->ngraphs; g++) {
        uint32_t n = 0;
        if (sg_type_keys(p->sg, t, g, &n) && n) return true;
    }
    return false;
}

/* The group's subgraph resolves abstract field f of ctx's type, yet not
 * for one of the objects it returns there (overridden by another subgraph,
 * say): the field is then selected per object type. */
static bool some_object_cannot(const qp_planner *p, const qp_ctx *ctx, const schema_field *f)
{
    if (!schema_is_abstract(ctx->type)) return false;
    uint32_t n = 0;
    schema_type *const *objects = sg_possible_in_graph(p->sg, ctx->type, ctx->group->graph, &n);
    for (uint32_t i = 0; i < n; i++) {
        const schema_field *of = schema_get_field(objects[i], f->name);
        qp_ctx as_object = *ctx;
        as_object.type = objects[i];
        const ast_selection *provided;
        if (of && !qp_can_resolve(p, &as_object, of, ctx->group->graph, &provided)) return true;
    }
    return false;
}

/* A query's root field that several subgraphs resolve, of an object type
 * without keys (no entity jump can complete it), whose selection no one
 * subgraph covers: each of its fields is fetched along with the root field
 * from a subgraph that has it, and the executor merges the copies. false
 * when this does not apply. */
static bool split_shared_root(qp_planner *p, const qp_ctx *ctx, const schema_field *f,
                              const ast_selection *s, qp_conds conds, uint32_t depth)
{
    if (p->op->operation == AST_OP_MUTATION || !f->named || f->named->kind != SCHEMA_OBJECT ||
        has_keys(p, f->named))
        return false;
    uint32_t best = qp_choose_graph(p, f, s->selection_set, -1);
    if (best == UINT32_MAX || missing_fields(p, f->named, s->selection_set, best, true, 0) == 0)
        return false;
    for (const ast_selection *c = s->selection_set; c; c = c->next)
        if (c->kind != AST_SEL_FIELD) return false;
    for (const ast_selection *c = s->selection_set; c && !p->failed; c = c->next) {
        ast_selection *only = ARENA_NEW(p->a, ast_selection),
                      *part = ARENA_NEW(p->a, ast_selection);
        *only = *c;
        only->next = NULL;
        *part = *s;
        part->selection_set = only;
        qp_ctx here;
        if (!root_context(p, ctx, f, part, &here)) return true;
        descend(p, &here, f, part, conds, NULL, NULL, depth);
    }
    return true;
}

static void place_field(qp_planner *p, const qp_ctx *ctx, const ast_selection *s, qp_conds conds,
                        qp_group *dependent, uint32_t depth)
{
    if (strcmp(s->name, "__typename") == 0) {
        /* Fetched where the object is, so the merged data holds it under the
         * client's key; the root type's name needs no fetch. */
        qp_ctx real = *ctx;
        if (!dependent && qp_seen_as_interface_object(p, ctx) &&
            !qp_jump_to_interface(p, ctx, NULL, &real, depth) && p->failed)
            return;
        if (real.group) qp_sel_field(p, real.sel, s->alias, "__typename", NULL, conds);
        return;
    }
    if (!ctx->group && introspection_is_meta_field(s->name)) return;
    const schema_field *f = schema_get_field(ctx->type, s->name);
    if (!f) {
        qp_fail(p, "Cannot plan field %s.%s: the supergraph has no such field.", ctx->type->name,
                s->name);
        return;
    }
    if (!ctx->group && split_shared_root(p, ctx, f, s, conds, depth)) return;
    qp_ctx here = *ctx;
    if (!here.group && !root_context(p, ctx, f, s, &here)) return;
    const ast_selection *provided;
    bool local = qp_can_resolve(p, &here, f, here.group->graph, &provided);
    bool split = local && some_object_cannot(p, &here, f);
    if (local && !split) {
        qp_ctx with_required;
        if (!provided && qp_jump_for_requires(p, &here, f, &with_required, depth))
            descend(p, &with_required, f, s, conds, NULL, dependent, depth);
        else if (!p->failed)
            descend(p, &here, f, s, conds, provided, dependent, depth);
        return;
    }
    if (split ||
        (schema_is_abstract(here.type) && !reachable_as_interface_object(p, here.type, f) &&
         !qp_seen_as_interface_object(p, &here))) {
        uint32_t n = 0;
        schema_type *const *objects = sg_possible_in_graph(p->sg, here.type, here.group->graph, &n);
        for (uint32_t i = 0; i < n && !p->failed; i++) {
            qp_ctx narrowed;
            const schema_field *of = schema_get_field(objects[i], f->name);
            if (!of || !qp_narrow(p, &here, objects[i], &narrowed)) continue;
            place_field(p, &narrowed, s, conds, dependent, depth + 1);
            drop_if_empty(&here, &narrowed);
        }
        return;
    }
    qp_ctx jumped;
    if (!qp_jump(p, &here, f, s, &jumped, depth)) return;
    qp_can_resolve(p, &jumped, f, jumped.group->graph, &provided);
    descend(p, &jumped, f, s, conds, provided, dependent, depth);
}

/* Whether the graph can return objects of type cond where it returns the
 * abstract type t: it knows cond, and when cond is an object, as one of t's
 * (an implementation the graph does not declare never comes back there). */
static bool graph_takes_condition(const qp_planner *p, const schema_type *t,
                                  const schema_type *cond, uint32_t graph)
{
    if (!sg_type_in_graph(p->sg, cond, graph)) return false;
    if (cond->kind != SCHEMA_OBJECT || !sg_type_in_graph(p->sg, t, graph) ||
        sg_is_interface_object(p->sg, t, graph))
        return true;
    uint32_t n = 0;
    schema_type *const *objects = sg_possible_in_graph(p->sg, t, graph, &n);
    for (uint32_t i = 0; i < n; i++)
        if (objects[i] == cond) return true;
    return false;
}

bool qp_narrow(qp_planner *p, const qp_ctx *ctx, const schema_type *cond, qp_ctx *out)
{
    *out = *ctx;
    if (cond == ctx->type) return true;
    /* An object only takes conditions on itself or on an abstract type it belongs to. */
    if (ctx->type->kind == SCHEMA_OBJECT) return schema_is_possible_type(cond, ctx->type);
    if (ctx->group && !graph_takes_condition(p, ctx->type, cond, ctx->group->graph)) return false;
    if (ctx->nsteps >= QP_MAX_DEPTH) {
        qp_fail(p, "The operation nests deeper than %d fields.", QP_MAX_DEPTH);
        return false;
    }
    out->type = cond;
    p->steps[out->nsteps++] = (plan_path_step){PLAN_PATH_TYPE, cond->name};
    if (ctx->group) out->sel = qp_sel_fragment(p, ctx->sel, cond->name);
    return true;
}

/* The abstract condition cond at abstract ctx needs splitting by object type
 * when the group's graph does not see some of ctx's objects there as cond's
 * (a union member implementing cond only in another graph): the graph would
 * skip them under `... on cond`. */
static bool needs_split(const qp_planner *p, const qp_ctx *ctx, const schema_type *cond)
{
    if (!ctx->group || !schema_is_abstract(cond) || cond == ctx->type ||
        !schema_is_abstract(ctx->type))
        return false;
    uint32_t graph = ctx->group->graph;
    if (!sg_type_in_graph(p->sg, ctx->type, graph) ||
        sg_is_interface_object(p->sg, ctx->type, graph))
        return false;
    uint32_t n = 0, ncond = 0;
    schema_type *const *objects = sg_possible_in_graph(p->sg, ctx->type, graph, &n);
    schema_type *const *in_cond = sg_type_in_graph(p->sg, cond, graph)
                                      ? sg_possible_in_graph(p->sg, cond, graph, &ncond)
                                      : NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (!schema_is_possible_type(cond, objects[i])) continue;
        bool seen = false;
        for (uint32_t j = 0; j < ncond && !seen; j++)
            seen = in_cond[j] == objects[i];
        if (!seen) return true;
    }
    return false;
}

/* Walks body once per object type of ctx (in the group's graph) that is one of cond's. */
static void walk_split(qp_planner *p, const qp_ctx *ctx, const schema_type *cond,
                       const ast_selection *body, qp_conds conds, qp_group *dependent,
                       uint32_t depth)
{
    uint32_t n = 0;
    schema_type *const *objects = sg_possible_in_graph(p->sg, ctx->type, ctx->group->graph, &n);
    for (uint32_t i = 0; i < n && !p->failed; i++) {
        qp_ctx narrowed;
        if (!schema_is_possible_type(cond, objects[i]) || !qp_narrow(p, ctx, objects[i], &narrowed))
            continue;
        walk(p, &narrowed, body, conds, dependent, depth + 1);
        drop_if_empty(ctx, &narrowed);
    }
}

static void walk(qp_planner *p, const qp_ctx *ctx, const ast_selection *first, qp_conds conds,
                 qp_group *dependent, uint32_t depth)
{
    if (depth > QP_MAX_DEPTH) {
        qp_fail(p, "The operation nests deeper than %d selections.", QP_MAX_DEPTH);
        return;
    }
    for (const ast_selection *s = first; s && !p->failed; s = s->next) {
        if (literally_excluded(s->directives)) continue;
        qp_conds here = conds_extend(p, conds, s->directives);
        if (s->kind == AST_SEL_FIELD) {
            place_field(p, ctx, s, here, dependent, depth);
            continue;
        }
        const char *cond_name = s->type_condition;
        const ast_selection *body = s->selection_set;
        if (s->kind == AST_SEL_FRAGMENT_SPREAD) {
            const ast_definition *frag = ast_find_fragment(p->doc, s->name);
            if (!frag) continue;
            cond_name = frag->type_condition;
            body = frag->selection_set;
        }
        qp_ctx narrowed = *ctx, from = *ctx;
        if (cond_name) {
            const schema_type *cond = schema_get_type(p->sg->full, cond_name);
            if (!cond || (!dependent && !qp_cond_possible(p, ctx, cond))) continue;
            if (needs_split(p, ctx, cond)) {
                walk_split(p, ctx, cond, body, here, dependent, depth);
                continue;
            }
            if (!dependent && cond != ctx->type && qp_seen_as_interface_object(p, ctx) &&
                !qp_jump_to_interface(p, ctx, cond, &from, depth) && p->failed)
                return;
            if (!qp_narrow(p, &from, cond, &narrowed)) continue;
        }
        walk(p, &narrowed, body, here, dependent, depth + 1);
        drop_if_empty(&from, &narrowed);
    }
}

void qp_place_selections(qp_planner *p, const qp_ctx *ctx, const ast_selection *first,
                         qp_conds conds, uint32_t depth)
{
    walk(p, ctx, first, conds, NULL, depth);
}

void qp_place_fieldset(qp_planner *p, const qp_ctx *ctx, const ast_selection *first,
                       qp_group *dependent, uint32_t depth)
{
    walk(p, ctx, first, (qp_conds){0}, dependent, depth);
}

void qp_place_root(qp_planner *p, const schema_type *root)
{
    qp_ctx ctx = {0};
    ctx.type = root;
    ctx.client = p->op->selection_set;
    ctx.options = qp_root_options(p, root);
    walk(p, &ctx, p->op->selection_set, (qp_conds){0}, NULL, 0);
}
