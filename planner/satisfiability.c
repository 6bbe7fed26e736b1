/* satisfiability.c: walks every query shape of the API schema, depth first
 * from each root type, carrying the set of subgraph positions the query can
 * stand in (satisfiability_move.c moves them). A field no position can take
 * is a SATISFIABILITY_ERROR (satisfiability_report.c words it). A type is not
 * walked again with a set of positions that includes one it was already
 * walked with: more positions can only answer more. Like Apollo, that test
 * looks at graphs only, not at what @provides made resolvable in them, so a
 * provided field can hide a deeper path of the same type. */
#include <string.h>

#include "satisfiability_int.h"

/* Bounds the work on adversarial supergraphs, like Apollo's
 * maxValidationSubgraphPaths. */
#define SAT_MAX_STATES 200000

typedef struct sat_state {
    const schema_type *type; /* API schema */
    sat_posset positions;
    const struct sat_state *parent;
    sat_step step; /* how parent led here; zero for a root */
    uint32_t depth;
    const sat_label *labels; /* chosen on the way here */
    uint32_t nlabels;
    struct sat_state *next_open; /* the stack of states to walk */
} sat_state;

/* The position sets (and labels) a type was walked with. */
typedef struct sat_visit {
    const sat_state *state;
    struct sat_visit *next;
} sat_visit;

typedef struct sat_walk {
    sat_ctx ctx;
    diag_list *errs;
    ast_operation_type op;
    sat_state *open;
    sat_visit **visits; /* [api->ntypes] */
    uint32_t nstates;
    bool gave_up;
} sat_walk;

/* Every label chosen in `sub` is chosen the same way in `super`. */
static bool labels_cover(const sat_state *sub, const sat_state *super)
{
    for (uint32_t i = 0; i < sub->nlabels; i++) {
        bool found = false;
        for (uint32_t j = 0; j < super->nlabels && !found; j++)
            found = strcmp(sub->labels[i].label, super->labels[j].label) == 0 &&
                    sub->labels[i].on == super->labels[j].on;
        if (!found) return false;
    }
    return true;
}

static bool already_walked(sat_walk *w, const sat_state *s)
{
    sat_visit **head = &w->visits[s->type->index];
    for (const sat_visit *v = *head; v; v = v->next)
        if (sat_posset_covers(&v->state->positions, &s->positions) && labels_cover(v->state, s))
            return true;
    sat_visit *v = ARENA_NEW(w->ctx.a, sat_visit);
    v->state = s;
    v->next = *head;
    *head = v;
    return false;
}

static void push(sat_walk *w, const sat_state *parent, sat_step step, const schema_type *type,
                 sat_posset positions, const sat_label *labels, uint32_t nlabels)
{
    if (++w->nstates > SAT_MAX_STATES) {
        w->gave_up = true;
        return;
    }
    sat_state *s = ARENA_NEW(w->ctx.a, sat_state);
    s->type = type;
    s->positions = positions;
    s->parent = parent;
    s->step = step;
    s->depth = parent ? parent->depth + 1 : 0;
    s->labels = labels;
    s->nlabels = nlabels;
    s->next_open = w->open;
    w->open = s;
}

/* Gives the moves the query shape down to s (for the reasons only: Apollo's
 * "more direct path" rule looks at it). */
static void set_path(sat_walk *w, const sat_state *s)
{
    sat_step *steps = ARENA_ARRAY(w->ctx.a, sat_step, s->depth + 1);
    const schema_type **types = ARENA_ARRAY(w->ctx.a, const schema_type *, s->depth + 1);
    for (const sat_state *p = s; p; p = p->parent) {
        types[p->depth] = p->type;
        if (p->parent) steps[p->depth - 1] = p->step;
    }
    w->ctx.steps = steps;
    w->ctx.types = types;
}

/* The steps from the root to s, then `last`. */
static void report(sat_walk *w, const sat_state *s, sat_step last, const sat_reasons *why)
{
    uint32_t n = s->depth + 1;
    sat_step *steps = ARENA_ARRAY(w->ctx.a, sat_step, n);
    steps[n - 1] = last;
    uint32_t i = n - 1;
    for (const sat_state *p = s; p->parent; p = p->parent)
        steps[--i] = p->step;
    sat_report(&w->ctx, w->errs, w->op, steps, n, why);
}

/* Field f from state s, with the labels given (s's, maybe one more). */
static void walk_field_labelled(sat_walk *w, const sat_state *s, const schema_field *api_field,
                                const sat_label *labels, uint32_t nlabels)
{
    const supergraph *sg = w->ctx.sg;
    const schema_type *t = sg_full_type(sg, s->type);
    const schema_field *f = sg_full_field(sg, api_field);
    sat_posset out = {0};
    w->ctx.depth_walked = s->depth;
    w->ctx.labels = labels;
    w->ctx.nlabels = nlabels;
    sat_move_field(&w->ctx, &s->positions, t, f, NULL, &out, NULL);
    sat_step step = {api_field, NULL};
    if (out.n == 0) { /* again, for the reasons this time */
        sat_reasons why = {0};
        set_path(w, s);
        sat_move_field(&w->ctx, &s->positions, t, f, NULL, &out, &why);
        report(w, s, step, &why);
    } else if (schema_is_composite(api_field->named)) {
        push(w, s, step, api_field->named, out, labels, nlabels);
    }
}

/* The progressive override label of field f, if any. */
static const char *override_label(const supergraph *sg, const schema_field *f)
{
    const sg_field *sf = sg_field_graphs(sg, f);
    for (uint32_t i = 0; sf && i < sf->ngraphs; i++)
        if (sf->graphs[i].override_label) return sf->graphs[i].override_label;
    return NULL;
}

/* A field with a label not chosen yet is walked with it on, then off. */
static void walk_field(sat_walk *w, const sat_state *s, const schema_field *api_field)
{
    const char *label = override_label(w->ctx.sg, sg_full_field(w->ctx.sg, api_field));
    for (uint32_t i = 0; label && i < s->nlabels; i++)
        if (strcmp(s->labels[i].label, label) == 0) label = NULL;
    if (!label) {
        walk_field_labelled(w, s, api_field, s->labels, s->nlabels);
        return;
    }
    for (int on = 1; on >= 0; on--) {
        sat_label *labels = ARENA_ARRAY(w->ctx.a, sat_label, s->nlabels + 1);
        if (s->nlabels) memcpy(labels, s->labels, sizeof *labels * s->nlabels);
        labels[s->nlabels] = (sat_label){label, on == 1};
        walk_field_labelled(w, s, api_field, labels, s->nlabels + 1);
    }
}

static void walk_cast(sat_walk *w, const sat_state *s, const schema_type *api_obj)
{
    const supergraph *sg = w->ctx.sg;
    sat_posset out = {0};
    sat_reasons why = {0};
    sat_step step = {NULL, api_obj};
    w->ctx.depth_walked = s->depth;
    w->ctx.labels = s->labels;
    w->ctx.nlabels = s->nlabels;
    if (!sat_move_cast(&w->ctx, &s->positions, sg_full_type(sg, s->type), sg_full_type(sg, api_obj),
                       &out, &why))
        return;
    if (out.n == 0)
        report(w, s, step, &why);
    else
        push(w, s, step, api_obj, out, s->labels, s->nlabels);
}

/* Objects take their fields; interfaces and unions are walked through their
 * object types only (the supergraph API graph has no edges for interface
 * fields, as in Apollo's). */
static void walk_state(sat_walk *w, const sat_state *s)
{
    if (s->type->kind == SCHEMA_OBJECT) {
        for (uint32_t i = 0; i < s->type->nfields; i++) {
            const schema_field *f = &s->type->fields[i];
            if (f->name[0] == '_' && f->name[1] == '_') continue;
            walk_field(w, s, f);
        }
        return;
    }
    for (uint32_t i = 0; i < s->type->npossible; i++)
        walk_cast(w, s, s->type->possible[i]);
}

static void walk_root(sat_walk *w, ast_operation_type op)
{
    const schema_type *root = schema_root_type(w->ctx.sg->api, op);
    if (!root) return;
    const schema_type *full = sg_full_type(w->ctx.sg, root);
    sat_posset start = {0};
    for (uint32_t g = 0; g < w->ctx.sg->ngraphs; g++)
        if (sg_type_in_graph(w->ctx.sg, full, g))
            sat_posset_add(w->ctx.a, &start, (sat_pos){.graph = g, .from = SAT_FROM_ROOT});
    w->op = op;
    w->ctx.op = op;
    w->open = NULL;
    push(w, NULL, (sat_step){NULL, NULL}, root, start, NULL, 0);
    while (w->open && !w->gave_up) {
        sat_state *s = w->open;
        w->open = s->next_open;
        if (!already_walked(w, s)) walk_state(w, s);
    }
}

bool sg_check_satisfiability(const supergraph *sg, diag_list *errs)
{
    arena scratch;
    arena_init(&scratch, 0);
    sat_walk w = {.ctx = {.sg = sg, .a = &scratch}, .errs = errs};
    w.visits = ARENA_ARRAY(&scratch, sat_visit *, sg->api->ntypes);
    size_t before = errs->count;
    static const ast_operation_type ops[] = {AST_OP_QUERY, AST_OP_MUTATION, AST_OP_SUBSCRIPTION};
    for (uint32_t i = 0; i < 3 && !w.gave_up; i++)
        walk_root(&w, ops[i]);
    if (w.gave_up) {
        diag *e = diag_add(errs, (src_loc){0, 0},
                           "Maximum number of validation subgraph paths exceeded: %u",
                           (unsigned)w.nstates);
        if (e) e->code = "MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED";
    }
    arena_free(&scratch);
    return errs->count == before;
}

bool sg_check_composed_satisfiability(const char *sdl, size_t len, diag_list *errs)
{
    arena scratch;
    arena_init(&scratch, 0);
    size_t before = errs->count;
    supergraph *sg = sg_load_composed(&scratch, sdl, len, errs);
    if (sg) sg_check_satisfiability(sg, errs);
    arena_free(&scratch);
    return errs->count == before;
}
