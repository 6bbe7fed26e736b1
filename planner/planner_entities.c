/* planner_entities.c: jumps between subgraphs through entity keys. When the
 * subgraph that fetched an object cannot resolve a field, another subgraph
 * that can and that has a usable @key for the type gets an entity group at
 * the object's path; the source fetches __typename and the key fields (and
 * the @requires fields of the field) so the representation can be built. */
#include <string.h>

#include "planner_int.h"
#include "printer.h"

/* Every field of the FieldSet can be selected at ctx without another jump. */
static bool fieldset_local(const qp_planner *p, const qp_ctx *ctx, const ast_selection *first,
                           uint32_t depth)
{
    for (const ast_selection *s = first; s; s = s->next) {
        if (depth > QP_MAX_DEPTH) return false;
        if (s->kind != AST_SEL_FIELD) {
            if (!fieldset_local(p, ctx, s->selection_set, depth + 1)) return false;
            continue;
        }
        if (strcmp(s->name, "__typename") == 0) continue;
        const schema_field *f = schema_get_field(ctx->type, s->name);
        const ast_selection *provided;
        if (!f || !qp_can_resolve(p, ctx, f, ctx->group->graph, &provided)) return false;
        if (s->selection_set) {
            qp_ctx child = *ctx;
            child.type = f->named;
            child.provided = provided;
            if (!fieldset_local(p, &child, s->selection_set, depth + 1)) return false;
        }
    }
    return true;
}

/* A resolvable key of ctx's type in graph, one the source has at hand when
 * there is such; *local says which. NULL when the graph has none. */
static const sg_key *pick_key(const qp_planner *p, const qp_ctx *ctx, uint32_t graph, bool *local)
{
    uint32_t n = 0;
    const sg_key *keys = sg_type_keys(p->sg, ctx->type, graph, &n);
    const sg_key *fallback = NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (!keys[i].resolvable || !keys[i].fields.selection) continue;
        if (fieldset_local(p, ctx, keys[i].fields.selection, 0)) {
            *local = true;
            return &keys[i];
        }
        if (!fallback) fallback = &keys[i];
    }
    *local = false;
    return fallback;
}

static bool key_has_field(const sg_key *key, const char *name)
{
    for (const ast_selection *s = key->fields.selection; s; s = s->next)
        if (s->kind == AST_SEL_FIELD && strcmp(s->name, name) == 0) return true;
    return false;
}

static char *group_index_key(qp_planner *p, const qp_ctx *ctx, uint32_t graph)
{
    plan_path path = qp_ctx_path(p, ctx);
    return arena_sprintf(p->a, "%u|%u|%s", ctx->group->id, graph, qp_path_text(p->a, &path));
}

/* The entity group for graph at ctx's path, found or made: a new one when
 * the found one's representation would rename another field to a name the
 * `renames` of this jump need (price(currency: "USD") and price(currency:
 * "EUR") both sent as price). */
static qp_group *entity_group(qp_planner *p, const qp_ctx *ctx, uint32_t graph,
                              const qp_group *renames)
{
    char *key = group_index_key(p, ctx, graph);
    qp_group *g = strmap_get(&p->group_index, key);
    if (g && g != p->exclude && !qp_rewrites_clash(g, renames)) return g;
    g = qp_group_new(p, graph, true);
    if (!g) return NULL;
    plan_path path = qp_ctx_path(p, ctx);
    qp_group_add_path(p, g, &path);
    qp_group_depend(p, g, ctx->group);
    strmap_put(&p->group_index, key, g);
    return g;
}

void qp_copy_fieldset(qp_planner *p, ast_selection *to, const ast_selection *from)
{
    for (const ast_selection *s = from; s; s = s->next) {
        ast_selection *node = s->kind == AST_SEL_FIELD ? qp_sel_field(p, to, s->alias, s->name,
                                                                      s->arguments, (qp_conds){0})
                                                       : qp_sel_fragment(p, to, s->type_condition);
        qp_copy_fieldset(p, node, s->selection_set);
    }
}

/* Fetches a FieldSet at the source for the representations of `target`
 * (never from target itself: it cannot wait for its own results). */
static void fetch_for(qp_planner *p, const qp_ctx *ctx, const ast_selection *fields,
                      qp_group *target, uint32_t depth)
{
    const qp_group *saved = p->exclude;
    p->exclude = target;
    p->jumps++;
    qp_place_fieldset(p, ctx, fields, target, depth + 1);
    p->jumps--;
    p->exclude = saved;
}

/* A way to reach field f from ctx: the graph, the entity type the jump
 * selects on (ctx's type, or an interface the graph sees as an
 * @interfaceObject), the key, and whether the source has the key at hand. */
typedef struct jump_choice {
    uint32_t graph, cost;
    const schema_type *entity;
    const schema_field *field;
    const sg_key *key;
    bool at_hand;
} jump_choice;

/* Client fields after `s` in its selection set that graph cannot resolve:
 * jumping where the next fields can go too saves requests. */
static uint32_t siblings_elsewhere(const qp_planner *p, const schema_type *t,
                                   const ast_selection *s, uint32_t graph)
{
    uint32_t missing = 0;
    for (const ast_selection *next = s ? s->next : NULL; next; next = next->next) {
        if (next->kind != AST_SEL_FIELD) continue;
        const schema_field *f = schema_get_field(t, next->name);
        if (f && !sg_field_resolvable_in(p->sg, f, graph)) missing++;
    }
    return missing;
}

static void consider(const qp_planner *p, const qp_ctx *ctx, const schema_type *entity,
                     const schema_field *f, const ast_selection *s, jump_choice *best)
{
    const sg_field *info = sg_field_graphs(p->sg, f);
    for (uint32_t i = 0; info && i < info->ngraphs; i++) {
        uint32_t graph = info->graphs[i].graph->index;
        if (graph == ctx->group->graph || !sg_field_resolvable_in(p->sg, f, graph)) continue;
        if (entity != ctx->type && !sg_is_interface_object(p->sg, entity, graph)) continue;
        if (entity->kind != SCHEMA_OBJECT && !sg_is_interface_object(p->sg, entity, graph) &&
            !qp_seen_as_interface_object(p, ctx))
            continue;
        qp_ctx as_entity = *ctx;
        as_entity.type = entity;
        bool local;
        const sg_key *key = pick_key(p, &as_entity, graph, &local);
        /* A key the source lacks that holds f itself could only be had through f. */
        if (!key || (!local && key_has_field(key, f->name))) continue;
        /* Keys at hand first, then a request already planned, then the
         * subgraph that can also take the fields that follow. */
        uint32_t cost = (local ? 0 : 1000) + siblings_elsewhere(p, ctx->type, s, graph);
        if (!strmap_get(&p->group_index, group_index_key((qp_planner *)p, ctx, graph))) cost += 100;
        if (!best->key || cost < best->cost)
            *best = (jump_choice){graph, cost, entity, f, key, local};
    }
}

static void add_rewrite(qp_planner *p, qp_group *g, const char *type, const char *field,
                        const char *set_to, const char *rename_to)
{
    for (uint32_t i = 0; i < g->ninput_rewrites; i++) {
        const plan_rewrite *r = &g->input_rewrites[i];
        if (!strcmp(r->path.steps[0].name, type) && !strcmp(r->path.steps[1].name, field)) return;
    }
    plan_rewrite *grown = ARENA_ARRAY(p->a, plan_rewrite, g->ninput_rewrites + 1);
    if (g->ninput_rewrites) memcpy(grown, g->input_rewrites, sizeof *grown * g->ninput_rewrites);
    plan_path_step *steps = ARENA_ARRAY(p->a, plan_path_step, 2);
    steps[0] = (plan_path_step){PLAN_PATH_TYPE, type};
    steps[1] = (plan_path_step){PLAN_PATH_FIELD, field};
    grown[g->ninput_rewrites++] = (plan_rewrite){{steps, 2}, set_to, rename_to};
    g->input_rewrites = grown;
}

/* The representation of an interface object names the interface. Every
 * implementation counts: an earlier jump to the subgraph that has the
 * interface itself may have replaced the __typename the source gave. */
static void rewrite_typename(qp_planner *p, qp_group *g, const schema_type *iface)
{
    for (uint32_t i = 0; i < iface->npossible; i++)
        add_rewrite(p, g, iface->possible[i]->name, "__typename", iface->name, NULL);
}

/* A key or required field that would meet another field under its name in
 * the source request (a required `price(currency: "EUR")` beside the
 * client's `price`, a key `id` beside the client's `id: name`) is fetched
 * under an alias made from its arguments and renamed back in the
 * representation. Returns the FieldSet to fetch and to send. */
static const ast_selection *alias_fieldset(qp_planner *p, qp_group *g, const qp_ctx *ctx,
                                           const schema_type *entity, const ast_selection *fields)
{
    ast_selection *first = NULL, **tail = &first;
    for (const ast_selection *s = fields; s; s = s->next) {
        ast_selection *copy = ARENA_NEW(p->a, ast_selection);
        *copy = *s;
        copy->next = NULL;
        if (s->kind == AST_SEL_FIELD && !s->alias &&
            (s->arguments || qp_client_takes_key(p, ctx->client, s->name, 0))) {
            sbuf args;
            sbuf_init(&args);
            for (const ast_argument *a = s->arguments; a; a = a->next) {
                sbuf_printf(&args, "%s:", a->name);
                print_value(&args, a->value);
            }
            copy->alias = arena_sprintf(p->a, "fm_%s_%08x", s->name,
                                        strmap_hash(args.data ? args.data : "", args.len));
            sbuf_free(&args);
            add_rewrite(p, g, entity->name, copy->alias, NULL, s->name);
        }
        *tail = copy;
        tail = &copy->next;
    }
    return first;
}

bool qp_seen_as_interface_object(const qp_planner *p, const qp_ctx *ctx)
{
    return ctx->group && ctx->type->kind == SCHEMA_INTERFACE &&
           sg_is_interface_object(p->sg, ctx->type, ctx->group->graph);
}

/* Makes the jump `best` from ctx: the entity group, its representation
 * (__typename, key, required fields) and the fetches of those at the source. */
static bool enter(qp_planner *p, const qp_ctx *ctx, const jump_choice *best, qp_ctx *out,
                  uint32_t depth)
{
    if (p->jumps >= QP_MAX_JUMPS) {
        qp_fail(p, "Cannot plan field %s.%s: its keys need more than %d subgraph jumps.",
                ctx->type->name, best->field ? best->field->name : "__typename", QP_MAX_JUMPS);
        return false;
    }
    const sg_field_graph *fg =
        best->field ? sg_field_in_graph(p->sg, best->field, best->graph) : NULL;
    qp_group renames = {0};
    if (fg && fg->requires.selection)
        alias_fieldset(p, &renames, ctx, best->entity, fg->requires.selection);
    qp_group *g = entity_group(p, ctx, best->graph, &renames);
    if (!g) return false;
    const char *entity = best->entity->name;
    ast_selection *rep = qp_sel_fragment(p, &g->requires, entity);
    qp_sel_field(p, rep, NULL, "__typename", NULL, (qp_conds){0});
    const ast_selection *key = alias_fieldset(p, g, ctx, best->entity, best->key->fields.selection);
    qp_copy_fieldset(p, rep, key);
    if (best->entity->kind != SCHEMA_OBJECT) rewrite_typename(p, g, best->entity);
    qp_sel_field(p, ctx->sel, NULL, "__typename", NULL, (qp_conds){0});
    fetch_for(p, ctx, key, g, depth);
    if (fg && fg->requires.selection) {
        const ast_selection *required =
            alias_fieldset(p, g, ctx, best->entity, fg->requires.selection);
        fetch_for(p, ctx, required, g, depth);
        qp_copy_fieldset(p, rep, required);
    }
    *out = *ctx;
    out->group = g;
    out->sel = qp_sel_fragment(p, &g->root, entity);
    out->type = best->entity;
    out->provided = NULL;
    out->origin = ctx;
    out->representation = true;
    /* A subgraph that has the interface itself answers with the object's
     * own __typename, which the interface object's subgraph did not know. */
    if (best->entity->kind != SCHEMA_OBJECT &&
        !sg_is_interface_object(p->sg, best->entity, best->graph))
        qp_sel_field(p, out->sel, NULL, "__typename", NULL, (qp_conds){0});
    return !p->failed;
}

bool qp_jump(qp_planner *p, const qp_ctx *ctx, const schema_field *f, const ast_selection *s,
             qp_ctx *out, uint32_t depth)
{
    jump_choice best = {0};
    consider(p, ctx, ctx->type, f, s, &best);
    for (uint32_t i = 0; !best.key && i < ctx->type->ninterfaces; i++) {
        const schema_field *inherited = schema_get_field(ctx->type->interfaces[i], f->name);
        if (inherited) consider(p, ctx, ctx->type->interfaces[i], inherited, s, &best);
    }
    /* A key the source lacks must be fetched first, which an enclosing
     * entity may spare (or be the only way, when the type has no key there). */
    if (!best.at_hand && (qp_jump_via_parent(p, ctx, f, out, depth) || p->failed))
        return !p->failed;
    if (!best.key) {
        qp_fail(p, "Cannot plan field %s.%s: no subgraph can resolve it from subgraph \"%s\".",
                ctx->type->name, f->name, p->sg->graphs[ctx->group->graph].name);
        return false;
    }
    return enter(p, ctx, &best, out, depth);
}

bool qp_jump_to_graph(qp_planner *p, const qp_ctx *ctx, uint32_t graph, qp_ctx *out, uint32_t depth)
{
    bool local;
    const sg_key *key = pick_key(p, ctx, graph, &local);
    if (!key) return false;
    jump_choice choice = {graph, 0, ctx->type, NULL, key, local};
    return enter(p, ctx, &choice, out, depth);
}

bool qp_key_at_hand(const qp_planner *p, const qp_ctx *ctx, uint32_t graph)
{
    bool local;
    return pick_key(p, ctx, graph, &local) && local;
}

bool qp_jump_for_requires(qp_planner *p, const qp_ctx *ctx, const schema_field *f, qp_ctx *out,
                          uint32_t depth)
{
    const sg_field_graph *fg = sg_field_in_graph(p->sg, f, ctx->group->graph);
    if (!fg || !fg->requires.selection) return false;
    if (ctx->type->kind != SCHEMA_OBJECT && !qp_seen_as_interface_object(p, ctx)) return false;
    bool local;
    const sg_key *key = pick_key(p, ctx, ctx->group->graph, &local);
    if (!key) return false;
    jump_choice best = {ctx->group->graph, 0, ctx->type, f, key, local};
    return enter(p, ctx, &best, out, depth);
}

bool qp_jump_to_interface(qp_planner *p, const qp_ctx *ctx, const schema_type *object, qp_ctx *out,
                          uint32_t depth)
{
    jump_choice best = {0};
    for (uint32_t graph = 0; graph < p->sg->ngraphs; graph++) {
        if (graph == ctx->group->graph || sg_is_interface_object(p->sg, ctx->type, graph) ||
            (object && !sg_type_in_graph(p->sg, object, graph)))
            continue;
        qp_ctx as_entity = *ctx;
        bool local;
        const sg_key *key = pick_key(p, &as_entity, graph, &local);
        if (!key) continue;
        uint32_t cost = local ? 0 : 1000;
        if (!strmap_get(&p->group_index, group_index_key(p, ctx, graph))) cost += 100;
        if (!best.key || cost < best.cost)
            best = (jump_choice){graph, cost, ctx->type, NULL, key, local};
    }
    if (!best.key) return false;
    return enter(p, ctx, &best, out, depth);
}
