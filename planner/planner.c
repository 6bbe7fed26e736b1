/* planner.c: the query planner's entry point (planner.h). Places the
 * operation's fields into groups (planner_fields.c), orders the groups into
 * steps by their dependencies, batches entity groups of one subgraph in one
 * step into a single request, and assembles the plan: a Sequence of steps,
 * each a Parallel of fetches (planner_ops.c writes their operations), plus
 * the response shape (planner_shape.c). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "planner_int.h"

void qp_fail(qp_planner *p, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!p->failed) diag_add(p->errs, (src_loc){0, 0}, "%s", msg);
    p->failed = true;
}

qp_group *qp_group_new(qp_planner *p, uint32_t graph, bool entity)
{
    if (p->ngroups >= QP_MAX_GROUPS) {
        qp_fail(p, "The operation needs more than %d subgraph requests.", QP_MAX_GROUPS);
        return NULL;
    }
    qp_group *g = ARENA_NEW(p->a, qp_group);
    g->id = p->ngroups++;
    g->graph = graph;
    g->entity = entity;
    g->root.kind = AST_SEL_FIELD;
    g->requires.kind = AST_SEL_FIELD;
    if (p->last_group)
        p->last_group->next = g;
    else
        p->groups = g;
    p->last_group = g;
    return g;
}

void qp_group_depend(qp_planner *p, qp_group *g, qp_group *on)
{
    if (g == on) return;
    for (uint32_t i = 0; i < g->ndeps; i++)
        if (g->deps[i] == on) return;
    if (g->ndeps == g->cap_deps) {
        g->cap_deps = g->cap_deps ? g->cap_deps * 2 : 4;
        qp_group **grown = ARENA_ARRAY(p->a, qp_group *, g->cap_deps);
        if (g->ndeps) memcpy(grown, g->deps, sizeof *grown * g->ndeps);
        g->deps = grown;
    }
    g->deps[g->ndeps++] = on;
}

plan_path qp_ctx_path(qp_planner *p, const qp_ctx *ctx)
{
    plan_path path = {0};
    path.nsteps = ctx->nsteps;
    path.steps = ARENA_ARRAY(p->a, plan_path_step, path.nsteps ? path.nsteps : 1);
    memcpy(path.steps, p->steps, sizeof *path.steps * ctx->nsteps);
    return path;
}

char *qp_path_text(arena *a, const plan_path *path)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; i < path->nsteps; i++) {
        if (i) sbuf_putc(&b, '.');
        const plan_path_step *s = &path->steps[i];
        if (s->kind == PLAN_PATH_LIST)
            sbuf_putc(&b, '@');
        else if (s->kind == PLAN_PATH_TYPE)
            sbuf_printf(&b, "... on %s", s->name);
        else
            sbuf_puts(&b, s->name);
    }
    char *text = arena_strndup(a, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return text;
}

/* A group's step: after every group it depends on. Dependencies only point
 * at groups made earlier, so the recursion is bounded by their chain. */
static uint32_t group_level(qp_group *g)
{
    if (g->level_known || g->level_busy) return g->level;
    g->level_busy = true;
    uint32_t level = g->min_level;
    for (uint32_t i = 0; i < g->ndeps; i++) {
        uint32_t after = group_level(g->deps[i]) + 1;
        if (after > level) level = after;
    }
    g->level = level;
    g->level_known = true;
    g->level_busy = false;
    return level;
}

static uint32_t compute_levels(qp_planner *p)
{
    uint32_t max = 0;
    for (qp_group *g = p->groups; g; g = g->next) {
        uint32_t l = group_level(g);
        if (l > max) max = l;
    }
    return max;
}

static bool path_equal(const plan_path *a, const plan_path *b)
{
    if (a->nsteps != b->nsteps) return false;
    for (uint32_t i = 0; i < a->nsteps; i++)
        if (a->steps[i].kind != b->steps[i].kind || strcmp(a->steps[i].name, b->steps[i].name))
            return false;
    return true;
}

static void add_path(qp_planner *p, qp_group *g, const plan_path *path)
{
    for (uint32_t i = 0; i < g->npaths; i++)
        if (path_equal(&g->paths[i], path)) return;
    if (g->npaths == g->cap_paths) {
        g->cap_paths = g->cap_paths ? g->cap_paths * 2 : 2;
        plan_path *grown = ARENA_ARRAY(p->a, plan_path, g->cap_paths);
        if (g->npaths) memcpy(grown, g->paths, sizeof *grown * g->npaths);
        g->paths = grown;
    }
    g->paths[g->npaths++] = *path;
}

void qp_group_add_path(qp_planner *p, qp_group *g, const plan_path *path)
{
    add_path(p, g, path);
}

static void merge_rewrites(qp_planner *p, qp_group *g, const qp_group *o)
{
    if (!o->ninput_rewrites) return;
    plan_rewrite *all = ARENA_ARRAY(p->a, plan_rewrite, g->ninput_rewrites + o->ninput_rewrites);
    if (g->ninput_rewrites) memcpy(all, g->input_rewrites, sizeof *all * g->ninput_rewrites);
    memcpy(all + g->ninput_rewrites, o->input_rewrites, sizeof *all * o->ninput_rewrites);
    g->input_rewrites = all;
    g->ninput_rewrites += o->ninput_rewrites;
}

bool qp_rewrites_clash(const qp_group *g, const qp_group *o)
{
    for (uint32_t i = 0; i < g->ninput_rewrites; i++) {
        const plan_rewrite *a = &g->input_rewrites[i];
        for (uint32_t j = 0; a->rename_to && j < o->ninput_rewrites; j++) {
            const plan_rewrite *b = &o->input_rewrites[j];
            if (b->rename_to && !strcmp(a->rename_to, b->rename_to) &&
                !strcmp(a->path.steps[0].name, b->path.steps[0].name) &&
                strcmp(a->path.steps[1].name, b->path.steps[1].name) != 0)
                return true;
        }
    }
    return false;
}

/* Batching: entity groups of one subgraph in one step become one request
 * whose representations come from all their paths. */
static void batch_step(qp_planner *p, uint32_t level)
{
    for (qp_group *g = p->groups; g; g = g->next) {
        if (!g->entity || g->merged_into || g->level != level) continue;
        for (qp_group *o = g->next; o; o = o->next) {
            if (!o->entity || o->merged_into || o->level != level || o->graph != g->graph) continue;
            if (qp_selections_conflict(g->root.selection_set, o->root.selection_set) ||
                qp_rewrites_clash(g, o))
                continue;
            qp_merge_selections(p, &g->root, &o->root);
            qp_merge_selections(p, &g->requires, &o->requires);
            merge_rewrites(p, g, o);
            for (uint32_t i = 0; i < o->npaths; i++)
                add_path(p, g, &o->paths[i]);
            o->merged_into = g;
        }
    }
}

static plan_node *fetch_node(qp_planner *p, const qp_group *g)
{
    plan_node *n = ARENA_NEW(p->a, plan_node);
    n->kind = g->entity ? PLAN_FLATTEN : PLAN_FETCH;
    n->fetch = ARENA_NEW(p->a, plan_fetch);
    qp_alias_conflicts(p, g, n->fetch);
    qp_build_fetch(p, g, n->fetch);
    if (g->entity) {
        n->paths = g->paths;
        n->npaths = g->npaths;
    }
    return n;
}

static plan_node *list_node(qp_planner *p, plan_kind kind, plan_node **items, uint32_t n)
{
    if (n == 1) return items[0];
    plan_node *node = ARENA_NEW(p->a, plan_node);
    node->kind = kind;
    node->children = ARENA_ARRAY(p->a, plan_node *, n);
    memcpy(node->children, items, sizeof *items * n);
    node->nchildren = n;
    return node;
}

static void assemble(qp_planner *p, plan *out, uint32_t max_level)
{
    plan_node **steps = ARENA_ARRAY(p->a, plan_node *, max_level + 1);
    plan_node **fetches = ARENA_ARRAY(p->a, plan_node *, p->ngroups + 1);
    uint32_t nsteps = 0;
    for (uint32_t level = 0; level <= max_level; level++) {
        uint32_t n = 0;
        for (qp_group *g = p->groups; g; g = g->next)
            if (!g->merged_into && g->level == level && g->root.selection_set)
                fetches[n++] = qp_guard_fetch(p, g, fetch_node(p, g));
        if (!n) continue;
        out->nfetches += n;
        steps[nsteps++] = list_node(p, PLAN_PARALLEL, fetches, n);
    }
    out->depth = nsteps;
    out->root = nsteps ? list_node(p, PLAN_SEQUENCE, steps, nsteps) : NULL;
}

plan *qp_plan(arena *a, const supergraph *sg, const ast_document *doc, const ast_definition *op,
              diag_list *errs)
{
    qp_planner p = {.a = a, .sg = sg, .doc = doc, .op = op, .errs = errs};
    strmap_init(&p.group_index, a, 16);
    p.root_groups = ARENA_ARRAY(a, qp_group *, sg->ngraphs + 1);
    const schema_type *root = schema_root_type(sg->api, op->operation);
    const schema_type *full_root = root ? sg_full_type(sg, root) : NULL;
    if (!full_root) {
        qp_fail(&p, "The schema has no %s root type.",
                op->operation == AST_OP_MUTATION ? "mutation" : "subscription");
        return NULL;
    }
    qp_place_root(&p, full_root);
    if (p.failed) return NULL;
    uint32_t max_level = compute_levels(&p);
    for (uint32_t level = 0; level <= max_level; level++)
        batch_step(&p, level);
    plan *out = ARENA_NEW(a, plan);
    out->operation_type = op->operation;
    assemble(&p, out, max_level);
    out->shape = qp_build_shape(&p, root);
    return p.failed ? NULL : out;
}

uint32_t qp_levels_so_far(qp_planner *p)
{
    if (!p->groups) return 0;
    return compute_levels(p) + 1;
}
