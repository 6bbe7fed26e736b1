/* satisfiability_move.c: how a query moves through the subgraphs, for the
 * satisfiability check. A position (graph, interface object, provided fields)
 * takes a field directly when its graph resolves it (or a @provides on the way
 * made it resolvable, and any @requires of it can be met), or first moves to
 * other graphs through resolvable keys whose fields it can fetch: the moves of
 * Apollo's query graph (query-graphs/graphPath.ts), with its reasons when a
 * step is impossible. */
#include <string.h>

#include "sbuf.h"
#include "satisfiability_int.h"

void sat_posset_add(arena *a, sat_posset *s, sat_pos p)
{
    for (uint32_t i = 0; i < s->n; i++) {
        sat_pos *q = &s->items[i];
        if (q->graph == p.graph && q->via == p.via && q->provided == p.provided) {
            q->more_paths += p.more_paths + 1;
            return;
        }
    }
    if (s->n == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 4;
        sat_pos *items = ARENA_ARRAY(a, sat_pos, cap);
        if (s->n) memcpy(items, s->items, sizeof(sat_pos) * s->n);
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = p;
}

bool sat_posset_covers(const sat_posset *sub, const sat_posset *super)
{
    for (uint32_t i = 0; i < sub->n; i++) {
        bool found = false;
        for (uint32_t j = 0; j < super->n && !found; j++)
            found = super->items[j].graph == sub->items[i].graph &&
                    super->items[j].via == sub->items[i].via;
        if (!found) return false;
    }
    return true;
}

void sat_reason_add(arena *a, sat_reasons *r, uint32_t source, uint32_t dest, const char *details)
{
    if (r->n == r->cap) {
        uint32_t cap = r->cap ? r->cap * 2 : 8;
        sat_reason *items = ARENA_ARRAY(a, sat_reason, cap);
        if (r->n) memcpy(items, r->items, sizeof(sat_reason) * r->n);
        r->items = items;
        r->cap = cap;
    }
    r->items[r->n++] = (sat_reason){source, dest, details, 1};
}

const char *sat_graph_name(const sat_ctx *c, uint32_t g)
{
    return c->sg->graphs[g].name;
}

/* The selection for `name` in a @provides selection list, looking into
 * inline fragments on type t (or on no type); NULL when not provided. */
static const ast_selection *provided_field(const ast_selection *sel, const schema_type *t,
                                           const char *name)
{
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_FIELD && strcmp(sel->name, name) == 0) return sel;
        if (sel->kind == AST_SEL_INLINE_FRAGMENT &&
            (!sel->type_condition || strcmp(sel->type_condition, t->name) == 0)) {
            const ast_selection *inner = provided_field(sel->selection_set, t, name);
            if (inner) return inner;
        }
    }
    return NULL;
}

/* The position's view of the field's named type: through an interface object
 * when the graph has that interface as one. */
static sat_pos position_after(const sat_ctx *c, sat_pos p, const schema_field *f,
                              const ast_selection *provided)
{
    const schema_type *next = f->named;
    bool via = next->kind == SCHEMA_INTERFACE && sg_is_interface_object(c->sg, next, p.graph);
    return (sat_pos){.more_paths = p.more_paths,
                     .graph = p.graph,
                     .via = via ? next : NULL,
                     .provided = provided,
                     .from = p.from,
                     .since = p.since};
}

/* "subgraph "a"", "subgraphs "a" and "b"", "subgraphs "a", "b" and "c"". */
static const char *subgraph_names(const sat_ctx *c, const uint32_t *graphs, uint32_t n)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, n == 1 ? "subgraph " : "subgraphs ");
    for (uint32_t i = 0; i < n; i++) {
        if (i) sbuf_puts(&b, i + 1 == n ? " and " : ", ");
        sbuf_printf(&b, "\"%s\"", sat_graph_name(c, graphs[i]));
    }
    const char *text = arena_strdup(c->a, b.data);
    sbuf_free(&b);
    return text;
}

/* Why graph g cannot resolve its field gf (present there, external). */
static const char *not_resolvable(sat_ctx *c, const schema_field *gf, const char *coordinate,
                                  uint32_t g)
{
    const sg_field_graph *fg = sg_field_in_graph(c->sg, gf, g);
    if (fg->used_overridden) {
        const sg_field *sf = sg_field_graphs(c->sg, gf);
        uint32_t *by = ARENA_ARRAY(c->a, uint32_t, sf->ngraphs);
        uint32_t n = 0;
        for (uint32_t i = 0; i < sf->ngraphs; i++) {
            const char *from = sf->graphs[i].override_from;
            if (from && strcmp(from, sat_graph_name(c, g)) == 0)
                by[n++] = sf->graphs[i].graph->index;
        }
        if (n)
            return arena_sprintf(c->a,
                                 "field \"%s\" is not resolvable because it is overridden by %s",
                                 coordinate, subgraph_names(c, by, n));
    }
    return arena_sprintf(c->a, "field \"%s\" is not resolvable because marked @external",
                         coordinate);
}

/* @requires fields can be fetched starting from the position, moving
 * wherever keys lead. (Apollo's composition does not ask here for a key to
 * come back by: its query planner does.) */
static bool requires_satisfied(sat_ctx *c, sat_pos p, const schema_type *t,
                               const ast_selection *sel)
{
    sat_posset here = {&p, 1, 1};
    return sat_condition_satisfied(c, &here, t, sel, NULL);
}

/* Takes field f of type t in the position's own graph. On success *out is
 * the position reached; otherwise, when why is not NULL, *why says why not
 * (the words cost time, so the walk asks for them only after a failure). */
/* A field with a progressive override label is resolved by the overriding
 * graph when the label is on, by the other when it is off, and in a
 * condition by neither. NULL when fg may be taken, else why not. */
static const char *label_refusal(const sat_ctx *c, sat_pos p, const schema_type *t,
                                 const schema_field *f, const sg_field_graph *fg)
{
    if (!fg->override_label) return NULL;
    bool edge_on = fg->override_from != NULL;
    const char *value = "undefined";
    if (c->depth == 0)
        for (uint32_t i = 0; i < c->nlabels; i++)
            if (strcmp(c->labels[i].label, fg->override_label) == 0) {
                if (c->labels[i].on == edge_on) return NULL;
                value = c->labels[i].on ? "true" : "false";
            }
    const char *g = sat_graph_name(c, p.graph);
    return arena_sprintf(
        c->a,
        "Unable to take edge %s(%s) -> %s(%s) (%s = %s \u22a2 %s) because override "
        "condition \"%s\" is %s",
        (p.via ? p.via : t)->name, g, f->named->name, g, fg->override_label,
        edge_on ? "true" : "false", f->name, fg->override_label, value);
}

static bool move_direct(sat_ctx *c, sat_pos p, const schema_type *t, const schema_field *f,
                        sat_pos *out, const char **why)
{
    const schema_field *gf = p.via ? schema_get_field(p.via, f->name) : f;
    const sg_field_graph *fg = gf ? sg_field_in_graph(c->sg, gf, p.graph) : NULL;
    const ast_selection *provided = provided_field(p.provided, t, f->name);
    if (!fg || (!sg_field_resolvable_in(c->sg, gf, p.graph) && !provided)) {
        if (!why) return false;
        const char *coordinate = arena_sprintf(c->a, "%s.%s", t->name, f->name);
        if (p.via && !sg_type_in_graph(c->sg, t, p.graph))
            *why = arena_sprintf(c->a,
                                 "cannot find implementation type \"%s\" (supergraph interface "
                                 "\"%s\" is declared with @interfaceObject in \"%s\")",
                                 t->name, p.via->name, sat_graph_name(c, p.graph));
        else if (!fg)
            *why = arena_sprintf(c->a, "cannot find field \"%s\"", coordinate);
        else
            *why = not_resolvable(c, gf, coordinate, p.graph);
        return false;
    }
    const char *refused = label_refusal(c, p, t, f, fg);
    if (refused) {
        if (why) *why = refused;
        return false;
    }
    if (fg->requires.selection && !requires_satisfied(c, p, t, fg->requires.selection)) {
        if (why)
            *why = arena_sprintf(c->a, "cannot satisfy @require conditions on field \"%s.%s\"",
                                 (p.via ? p.via : t)->name, f->name);
        return false;
    }
    const ast_selection *next = fg->provides.selection;
    if (!next && provided) next = provided->selection_set;
    *out = position_after(c, p, f, next);
    return true;
}

static bool reason_has_dest(const sat_reasons *r, uint32_t from, uint32_t dest)
{
    for (uint32_t i = from; i < r->n; i++)
        if (r->items[i].dest == dest) return true;
    return false;
}

/* After position p found no way to field f of t: the graphs that have the
 * field but that no move was even tried to, and why (no key there, or none
 * resolvable). Reasons from index `first` on are p's. */
static void unreachable_graphs(sat_ctx *c, sat_pos p, const schema_type *t, const schema_field *f,
                               sat_reasons *why, uint32_t first)
{
    const schema_type *tail = p.via ? p.via : t;
    for (uint32_t s = 0; s < c->sg->ngraphs; s++) {
        if (reason_has_dest(why, first, s) || !sg_type_in_graph(c->sg, t, s) ||
            !sg_field_in_graph(c->sg, f, s))
            continue;
        const char *coordinate = arena_sprintf(c->a, "%s.%s", t->name, f->name);
        const char *target = sat_graph_name(c, s);
        const char *details;
        if (!sg_type_in_graph(c->sg, tail, s)) {
            details =
                arena_sprintf(c->a,
                              "cannot move to subgraph \"%s\", which has field \"%s\", because "
                              "interface \"%s\" is not defined in this subgraph (to jump to "
                              "\"%s\", it would need to both define interface \"%s\" and have "
                              "a @key on it)",
                              target, coordinate, tail->name, target, tail->name);
        } else {
            uint32_t nkeys = 0;
            sg_type_keys(c->sg, tail, s, &nkeys);
            if (sat_has_resolvable_key(c, tail, s)) continue; /* excluded, not unreachable */
            const char *kind = tail == t ? "type" : "interface";
            details = nkeys == 0
                          ? arena_sprintf(
                                c->a,
                                "cannot move to subgraph \"%s\", which has field \"%s\", because "
                                "%s \"%s\" has no @key defined in subgraph \"%s\"",
                                target, coordinate, kind, tail->name, target)
                          : arena_sprintf(
                                c->a,
                                "cannot move to subgraph \"%s\", which has field \"%s\", because "
                                "none of the @key defined on %s \"%s\" in subgraph \"%s\" are "
                                "resolvable (they are all declared with their \"resolvable\" "
                                "argument set to false)",
                                target, coordinate, kind, tail->name, target);
        }
        sat_reason_add(c->a, why, p.graph, s, details);
    }
}

/* Why a position cast right after a key move goes no further by keys: one
 * reason per graph its interface's keys lead to. */
static void more_direct_options(sat_ctx *c, sat_pos p, sat_reasons *why)
{
    for (uint32_t h = 0; h < c->sg->ngraphs; h++) {
        sat_pos to;
        const schema_type *keyed;
        if (h == p.graph || !sat_key_target(c, p.via, p.via, h, &to, &keyed) ||
            !sat_has_resolvable_key(c, keyed, h))
            continue;
        sat_reason_add(c->a, why, p.graph, h,
                       arena_sprintf(c->a,
                                     "ignoring moving from \"%s\" to \"%s\" as a more direct "
                                     "option exists",
                                     sat_graph_name(c, p.graph), sat_graph_name(c, h)));
    }
}

/* One position along field f: directly, then (unless a direct move reached
 * a leaf) from every graph the keys lead to. Returns whether it moved. */
static bool move_one(sat_ctx *c, sat_pos p, const schema_type *t, const schema_field *f,
                     const bool *excluded, sat_posset *out, sat_reasons *why)
{
    uint32_t first = why ? why->n : 0;
    bool moved = false;
    sat_pos to;
    const char *because = NULL;
    const char **want_why = why ? &because : NULL;
    if (move_direct(c, p, t, f, &to, want_why)) {
        sat_posset_add(c->a, out, to);
        if (schema_is_leaf(f->named)) return true;
        moved = true;
    } else if (why) {
        sat_reason_add(c->a, why, p.graph, p.graph, because);
    }
    sat_posset jumped = {0};
    sat_reasons key_why = {0};
    if (p.cast_on_entry) {
        if (why) more_direct_options(c, p, &key_why);
    } else {
        sat_key_moves(c, p, t, excluded, &jumped, why ? &key_why : NULL);
    }
    for (uint32_t i = 0; i < jumped.n; i++) {
        sat_pos q = jumped.items[i];
        if (move_direct(c, q, t, f, &to, want_why)) {
            sat_posset_add(c->a, out, to);
            moved = true;
        } else if (why) {
            sat_reason_add(c->a, why, q.graph, q.graph, because);
        }
    }
    if (moved) {
        if (why) why->n = first; /* a position that moved has no dead ends */
        return true;
    }
    if (why) {
        for (uint32_t i = 0; i < key_why.n; i++)
            sat_reason_add(c->a, why, key_why.items[i].source, key_why.items[i].dest,
                           key_why.items[i].details);
        unreachable_graphs(c, p, t, f, why, first);
        for (uint32_t i = first; i < why->n; i++)
            why->items[i].paths = p.more_paths + 1;
    }
    return false;
}

void sat_move_field(sat_ctx *c, const sat_posset *from, const schema_type *t, const schema_field *f,
                    const bool *excluded, sat_posset *out, sat_reasons *why)
{
    for (uint32_t i = 0; i < from->n; i++)
        move_one(c, from->items[i], t, f, excluded, out, why);
}

/* A graph that sees abstract type t as an interface object needs another
 * graph, with t as a real interface and a key on it, to tell the object type. */
static bool interface_object_resolvable(sat_ctx *c, sat_pos p, const schema_type *t)
{
    sat_posset here = {0};
    sat_posset_add(c->a, &here, p);
    bool *without = ARENA_ARRAY(c->a, bool, c->sg->ngraphs);
    for (uint32_t h = 0; h < c->sg->ngraphs; h++) {
        if (h == p.graph || !sg_type_in_graph(c->sg, t, h) || sg_is_interface_object(c->sg, t, h))
            continue;
        uint32_t nkeys = 0;
        const sg_key *keys = sg_type_keys(c->sg, t, h, &nkeys);
        memset(without, 0, sizeof(bool) * c->sg->ngraphs);
        without[h] = true;
        for (uint32_t k = 0; k < nkeys; k++)
            if (keys[k].resolvable &&
                sat_condition_satisfied(c, &here, t, keys[k].fields.selection, without))
                return true;
    }
    return false;
}

static const char *interface_object_unresolved(sat_ctx *c, const schema_type *t)
{
    return arena_sprintf(c->a,
                         "no subgraph can be reached to resolve the implementation type of "
                         "@interfaceObject type \"%s\"",
                         t->name);
}

/* Position p (at abstract type t) as object type obj, if it can be. */
static bool cast_one(sat_ctx *c, sat_pos p, const schema_type *t, const schema_type *obj,
                     sat_pos *out)
{
    if (p.via) {
        *out = p;
        return interface_object_resolvable(c, p, t);
    }
    uint32_t n = 0;
    schema_type *const *possible = sg_possible_in_graph(c->sg, t, p.graph, &n);
    for (uint32_t k = 0; k < n; k++)
        if (strcmp(possible[k]->name, obj->name) == 0) {
            *out = (sat_pos){.graph = p.graph,
                             .provided = p.provided,
                             .from = p.from,
                             .since = p.since,
                             .more_paths = p.more_paths};
            return true;
        }
    return false;
}

bool sat_move_cast(sat_ctx *c, const sat_posset *from, const schema_type *t, const schema_type *obj,
                   sat_posset *out, sat_reasons *why)
{
    for (uint32_t i = 0; i < from->n; i++) {
        sat_pos p = from->items[i], to;
        bool cast = cast_one(c, p, t, obj, &to);
        if (!cast && !p.via) return false; /* the graph cannot hold obj here */
        if (cast)
            sat_posset_add(c->a, out, to);
        else if (why)
            sat_reason_add(c->a, why, p.graph, p.graph, interface_object_unresolved(c, t));
        sat_posset jumped = {0}; /* and wherever the interface's keys lead */
        sat_key_moves(c, p, t, NULL, &jumped, NULL);
        for (uint32_t k = 0; k < jumped.n; k++) {
            sat_pos q = jumped.items[k];
            if (cast_one(c, q, t, obj, &to)) {
                to.cast_on_entry = q.via != NULL;
                sat_posset_add(c->a, out, to);
            } else if (why && q.via)
                sat_reason_add(c->a, why, q.graph, q.graph, interface_object_unresolved(c, t));
        }
    }
    return true;
}

/* The positions of from where field selection s (of type t) can be fetched,
 * its sub-selection included. */
static bool field_condition(sat_ctx *c, const sat_posset *from, const schema_type *t,
                            const ast_selection *s, const bool *excluded)
{
    if (strcmp(s->name, "__typename") == 0) return true;
    const schema_field *f = schema_get_field(t, s->name);
    if (!f) return false;
    sat_posset next = {0};
    sat_move_field(c, from, t, f, excluded, &next, NULL);
    if (next.n == 0) return false;
    return !s->selection_set ||
           sat_condition_satisfied(c, &next, f->named, s->selection_set, excluded);
}

/* Every field of selection list sel (on type t) can be fetched from the
 * positions of from, moving only into graphs not excluded. */
bool sat_condition_satisfied(sat_ctx *c, const sat_posset *from, const schema_type *t,
                             const ast_selection *sel, const bool *excluded)
{
    if (c->depth >= SAT_MAX_CONDITION_DEPTH) return false;
    c->depth++;
    bool ok = true;
    for (const ast_selection *s = sel; s && ok; s = s->next) {
        if (s->kind == AST_SEL_FIELD) {
            ok = field_condition(c, from, t, s, excluded);
        } else if (s->kind == AST_SEL_INLINE_FRAGMENT) {
            const schema_type *on =
                s->type_condition ? schema_get_type(c->sg->full, s->type_condition) : t;
            ok = on && sat_condition_satisfied(c, from, on, s->selection_set, excluded);
        } else {
            ok = false; /* FieldSets have no named fragments */
        }
    }
    c->depth--;
    return ok;
}
