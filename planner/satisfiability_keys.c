/* satisfiability_keys.c: the moves between subgraphs through @key, for the
 * satisfiability check: from a position, every graph that a resolvable key
 * leads to (one after another), when the key's fields can be fetched from
 * where the query stands; and, when the walk wants reasons, Apollo's words
 * for the moves it refuses or ignores (a key whose fields cannot be had, a
 * detour when a more direct path exists, a move by the same key fields
 * again). Apollo's query-graphs/graphPath.ts is the model. */
#include <string.h>

#include "satisfiability_int.h"
#include "sbuf.h"

/* A graph that has a resolvable key on t (or on the interface it sees t as). */
bool sat_has_resolvable_key(const sat_ctx *c, const schema_type *t, uint32_t g)
{
    uint32_t n = 0;
    const sg_key *keys = sg_type_keys(c->sg, t, g, &n);
    for (uint32_t i = 0; i < n; i++)
        if (keys[i].resolvable) return true;
    return false;
}

/* Where a key move from a position standing at type `at` (t itself, or the
 * interface t is seen as there) can land in graph h: h's own `at`, or h's
 * interface object for an interface of object t; *keyed gets the type whose
 * keys apply there. False when h has neither. */
bool sat_key_target(const sat_ctx *c, const schema_type *at, const schema_type *t, uint32_t h,
                    sat_pos *to, const schema_type **keyed)
{
    if (at->kind == SCHEMA_INTERFACE) { /* keys of the interface itself */
        const schema_type *itf = at;
        if (!sg_type_in_graph(c->sg, itf, h)) return false;
        *keyed = itf;
        *to = (sat_pos){.graph = h};
        if (sg_is_interface_object(c->sg, itf, h)) {
            to->via = itf;
            return true;
        }
        if (t == itf) return true;
        uint32_t n = 0; /* object t seen through the interface: h must know t as one */
        schema_type *const *possible = sg_possible_in_graph(c->sg, itf, h, &n);
        for (uint32_t i = 0; i < n; i++)
            if (strcmp(possible[i]->name, t->name) == 0) return true;
        return false;
    }
    if (sg_type_in_graph(c->sg, t, h)) {
        *keyed = t;
        *to = (sat_pos){.graph = h};
        return true;
    }
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        if (sg_is_interface_object(c->sg, t->interfaces[i], h)) {
            *keyed = t->interfaces[i];
            *to = (sat_pos){.graph = h, .via = t->interfaces[i]};
            return true;
        }
    return false;
}

/* A key's fields as Apollo prints a condition: "id", "sku variant { id }". */
static void print_selection(sbuf *b, const ast_selection *sel)
{
    for (const ast_selection *s = sel; s; s = s->next) {
        if (s != sel) sbuf_putc(b, ' ');
        if (s->kind == AST_SEL_INLINE_FRAGMENT)
            sbuf_printf(b, "... on %s", s->type_condition ? s->type_condition : "");
        else
            sbuf_puts(b, s->name);
        if (s->selection_set) {
            sbuf_puts(b, " { ");
            print_selection(b, s->selection_set);
            sbuf_puts(b, " }");
        }
    }
}

static const char *key_failure(const sat_ctx *c, const sg_key *key, const schema_type *head,
                               uint32_t from, uint32_t to)
{
    sbuf b;
    sbuf_init(&b);
    print_selection(&b, key->fields.selection);
    const char *text = arena_sprintf(c->a,
                                     "cannot move to subgraph \"%s\" using @key(fields: \"%s\") of "
                                     "\"%s\", the key field(s) cannot be resolved from subgraph "
                                     "\"%s\"",
                                     sat_graph_name(c, to), b.data ? b.data : "", head->name,
                                     sat_graph_name(c, from));
    sbuf_free(&b);
    return text;
}

/* Follows the walk's steps from depth `since` on in graph g alone, from type
 * t, as Apollo follows a path's triggers: fields the graph resolves without
 * conditions, type conditions it knows. The type reached, or NULL. */
static const schema_type *replay(const sat_ctx *c, uint32_t g, const schema_type *t, uint32_t since)
{
    for (uint32_t i = since; t && i < c->depth_walked; i++) {
        const sat_step *s = &c->steps[i];
        if (s->field) {
            const schema_field *f = schema_get_field(t, s->field->name);
            const sg_field_graph *fg = f ? sg_field_in_graph(c->sg, f, g) : NULL;
            if (!fg || !sg_field_resolvable_in(c->sg, f, g) || fg->requires.selection) return NULL;
            t = f->named;
            continue;
        }
        uint32_t n = 0;
        schema_type *const *possible = sg_possible_in_graph(c->sg, t, g, &n);
        const schema_type *cast = NULL;
        for (uint32_t k = 0; k < n && !cast; k++)
            if (strcmp(possible[k]->name, s->cast->name) == 0) cast = possible[k];
        t = cast;
    }
    return t;
}

/* Graph `from` at type t has a key edge to graph h it can take. */
static bool direct_key_edge(sat_ctx *c, uint32_t from, const schema_type *t, uint32_t h)
{
    sat_pos to;
    const schema_type *keyed;
    if (!sat_key_target(c, t, t, h, &to, &keyed)) return false;
    uint32_t nkeys = 0;
    const sg_key *keys = sg_type_keys(c->sg, keyed, h, &nkeys);
    sat_pos here = {.graph = from, .from = SAT_FROM_ROOT};
    sat_posset at = {&here, 1, 1};
    for (uint32_t k = 0; k < nkeys; k++)
        if (keys[k].resolvable &&
            sat_condition_satisfied(c, &at, t, keys[k].fields.selection, NULL))
            return true;
    return false;
}

/* Apollo's detour rule: moving from position p to graph h (landing at type
 * `landing`) is ignored when the graph p came from (or, from the root, h
 * itself) had a direct path along the same steps to that type, and leads to
 * h by itself. */
static bool is_detour(sat_ctx *c, sat_pos p, uint32_t h, const schema_type *landing)
{
    if (p.since >= c->depth_walked) return false; /* entered right here */
    const schema_type *reached;
    if (p.from == SAT_FROM_ROOT) {
        if (c->op == AST_OP_MUTATION) return false;
        const schema_type *root = sg_full_type(c->sg, c->types[0]);
        if (!sg_type_in_graph(c->sg, root, h)) return false;
        reached = replay(c, h, root, 0);
        return reached && strcmp(reached->name, landing->name) == 0;
    }
    uint32_t from = (uint32_t)p.from;
    reached = replay(c, from, sg_full_type(c->sg, c->types[p.since]), p.since);
    if (!reached || strcmp(reached->name, landing->name) != 0) return false;
    return from == h || direct_key_edge(c, from, reached, h);
}

/* A key's fields as Apollo prints them, in the scratch arena. */
static const char *key_text(const sat_ctx *c, const sg_key *key)
{
    sbuf b;
    sbuf_init(&b);
    print_selection(&b, key->fields.selection);
    const char *text = arena_strdup(c->a, b.data ? b.data : "");
    sbuf_free(&b);
    return text;
}

/* Apollo's reason for a key move it ignores because a more direct path
 * exists. */
static const char *ignored_move(const sat_ctx *c, const char *key, const schema_type *head,
                                uint32_t from, uint32_t to)
{
    return arena_sprintf(c->a,
                         "ignoring moving to subgraph \"%s\" using @key(fields: \"%s\") of \"%s\" "
                         "because there is a more direct path in %s that avoids %s altogether",
                         sat_graph_name(c, to), key, head->name, sat_graph_name(c, to),
                         sat_graph_name(c, from));
}

/* Apollo does not take a key right after a move by the same key fields (a
 * "trivial" edge). A position reached by key `entered_by` that has nothing
 * but such edges gets, as reasons, one "more direct path" per edge out to a
 * graph other than its own and the one the moves started from. Returns
 * whether that was the case (the position is then a dead end). */
static bool only_trivial_edges(sat_ctx *c, sat_pos q, const schema_type *at, const schema_type *t,
                               const char *entered_by, uint32_t start, sat_reasons *why)
{
    uint32_t ngraphs = c->sg->ngraphs;
    for (uint32_t pass = 0; pass < 2; pass++) {
        for (uint32_t h = 0; h < ngraphs; h++) {
            sat_pos to;
            const schema_type *keyed;
            if (!sat_key_target(c, at, t, h, &to, &keyed)) continue;
            uint32_t nkeys = 0;
            const sg_key *keys = sg_type_keys(c->sg, keyed, h, &nkeys);
            for (uint32_t k = 0; k < nkeys; k++) {
                if (!keys[k].resolvable) continue;
                if (pass == 0 && strcmp(key_text(c, &keys[k]), entered_by) != 0) return false;
                if (pass == 1 && h != q.graph && h != start)
                    sat_reason_add(c->a, why, q.graph, h,
                                   ignored_move(c, entered_by, at, q.graph, h));
            }
        }
    }
    return true;
}

/* sat_key_moves, every time (breadth first over the graphs). */
static void key_moves_uncached(sat_ctx *c, sat_pos p, const schema_type *t, const bool *excluded,
                               sat_posset *out, sat_reasons *why)
{
    uint32_t ngraphs = c->sg->ngraphs;
    bool *reached = ARENA_ARRAY(c->a, bool, ngraphs);
    bool *closed = ARENA_ARRAY(c->a, bool, ngraphs); /* excluded, plus the target */
    if (excluded) memcpy(closed, excluded, sizeof(bool) * ngraphs);
    reached[p.graph] = true;
    /* queue[i] stands at type at[i]: after a move by an interface's key, at
     * that interface, whose keys alone lead on from there; it came in by the
     * key fields entered_by[i] (reasons only) */
    sat_posset queue = {0};
    const schema_type **at = ARENA_ARRAY(c->a, const schema_type *, ngraphs);
    const char **entered_by = ARENA_ARRAY(c->a, const char *, ngraphs);
    sat_posset_add(c->a, &queue, p);
    at[0] = p.via ? p.via : t;
    for (uint32_t qi = 0; qi < queue.n; qi++) {
        sat_pos q = queue.items[qi];
        if (why && entered_by[qi] &&
            only_trivial_edges(c, q, at[qi], t, entered_by[qi], p.graph, why))
            continue;
        sat_posset from = {&queue.items[qi], 1, 1};
        for (uint32_t h = 0; h < ngraphs; h++) {
            sat_pos to;
            const schema_type *keyed;
            if (reached[h] || closed[h] || !sat_key_target(c, at[qi], t, h, &to, &keyed)) continue;
            uint32_t nkeys = 0;
            const sg_key *keys = sg_type_keys(c->sg, keyed, h, &nkeys);
            closed[h] = true;
            for (uint32_t k = 0; k < nkeys; k++) {
                if (!keys[k].resolvable) continue;
                const char *text = why ? key_text(c, &keys[k]) : NULL;
                if (text && entered_by[qi] && strcmp(text, entered_by[qi]) == 0) continue;
                if (sat_condition_satisfied(c, &from, t, keys[k].fields.selection, closed)) {
                    reached[h] = true;
                    /* the detour rule only changes which reasons are given,
                     * so it is applied only when they are wanted */
                    if (why && qi == 0 && c->depth == 0 && is_detour(c, q, h, keyed)) {
                        sat_reason_add(c->a, why, q.graph, h,
                                       ignored_move(c, key_text(c, &keys[k]), at[qi], q.graph, h));
                        break;
                    }
                    to.from = (int32_t)q.graph;
                    to.since = c->depth_walked;
                    to.more_paths = q.more_paths;
                    at[queue.n] = keyed;
                    entered_by[queue.n] = text;
                    sat_posset_add(c->a, &queue, to);
                    sat_posset_add(c->a, out, to);
                    break;
                }
                if (why)
                    sat_reason_add(c->a, why, q.graph, h,
                                   key_failure(c, &keys[k], at[qi], q.graph, h));
            }
            closed[h] = false;
            from.items = &queue.items[qi]; /* the queue may have moved */
        }
    }
}

/* key_moves_uncached, remembered for the common case: a plain position (no
 * interface object, nothing provided), nothing excluded, no reasons wanted,
 * not inside a condition (whose depth bound could change the answer). */
void sat_key_moves(sat_ctx *c, sat_pos p, const schema_type *t, const bool *excluded,
                   sat_posset *out, sat_reasons *why)
{
    if (t == c->sg->full->query || t == c->sg->full->mutation || t == c->sg->full->subscription)
        return; /* root types are entered at the top only */
    if (excluded || why || p.via || p.provided || c->depth > 0) {
        key_moves_uncached(c, p, t, excluded, out, why);
        return;
    }
    size_t slot = (size_t)t->index * c->sg->ngraphs + p.graph;
    if (!c->key_moves)
        c->key_moves =
            ARENA_ARRAY(c->a, sat_posset *, (size_t)c->sg->full->ntypes * c->sg->ngraphs);
    if (!c->key_moves[slot]) {
        sat_posset *found = ARENA_NEW(c->a, sat_posset);
        key_moves_uncached(c, p, t, NULL, found, NULL);
        c->key_moves[slot] = found;
    }
    for (uint32_t i = 0; i < c->key_moves[slot]->n; i++) {
        sat_pos to = c->key_moves[slot]->items[i];
        to.since = c->depth_walked; /* the graphs moved from are the same every time */
        to.more_paths = p.more_paths;
        sat_posset_add(c->a, out, to);
    }
}
