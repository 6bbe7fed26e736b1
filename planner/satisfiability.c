/* satisfiability.c: walks every query shape of the API schema, depth first
 * from each root type, carrying the set of subgraph positions the query can
 * stand in (satisfiability_move.c moves them). A field no position can take
 * is a SATISFIABILITY_ERROR (satisfiability_report.c words it). A type is not
 * walked again with a set of positions that includes one it was already
 * walked with: more positions can only answer more. Like Apollo, that test
 * looks at graphs only, not at what @provides made resolvable in them, so a
 * provided field can hide a deeper path of the same type.
 * A top-level mutation field that several subgraphs resolve is walked once
 * per subgraph (a mutation must not run twice): it fails only when it fails
 * from every one of them, with one error that gathers theirs. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
    /* below a top-level mutation field walked per subgraph: where this
     * subgraph's errors go; NULL elsewhere */
    sat_mutation *mutation;
    ast_operation_type op;       /* of the root it comes from */
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
    sat_mutation *mutations, **last_mutation; /* in the order they were met */
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

static sat_state *push(sat_walk *w, const sat_state *parent, sat_step step, const schema_type *type,
                       sat_posset positions, const sat_label *labels, uint32_t nlabels)
{
    if (++w->nstates > SAT_MAX_STATES) {
        w->gave_up = true;
        return NULL;
    }
    sat_state *s = ARENA_NEW(w->ctx.a, sat_state);
    s->type = type;
    s->positions = positions;
    s->parent = parent;
    s->step = step;
    s->depth = parent ? parent->depth + 1 : 0;
    s->labels = labels;
    s->nlabels = nlabels;
    s->mutation = parent ? parent->mutation : NULL;
    s->op = parent ? parent->op : w->op;
    s->next_open = w->open;
    w->open = s;
    return s;
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
    sat_report(&w->ctx, s->mutation ? &s->mutation->errs : w->errs, w->op, steps, n, why);
}

/* A top-level mutation field that more than one subgraph resolves: one state
 * per subgraph, each with its own error list. False when it is not one. */
static bool split_mutation(sat_walk *w, const sat_state *s, const schema_field *api_field,
                           const sat_label *labels, uint32_t nlabels)
{
    if (w->op != AST_OP_MUTATION || s->depth != 0) return false;
    const schema_type *t = sg_full_type(w->ctx.sg, s->type);
    const schema_field *f = sg_full_field(w->ctx.sg, api_field);
    sat_posset *outs = ARENA_ARRAY(w->ctx.a, sat_posset, s->positions.n);
    uint32_t nsplit = 0;
    for (uint32_t i = 0; i < s->positions.n; i++) {
        sat_posset one = {&s->positions.items[i], 1, 1};
        sat_move_field(&w->ctx, &one, t, f, NULL, &outs[i], NULL);
        nsplit += outs[i].n > 0;
    }
    if (nsplit < 2) return false;
    for (uint32_t i = 0; i < s->positions.n; i++) {
        if (outs[i].n == 0) continue;
        sat_mutation *m = ARENA_NEW(w->ctx.a, sat_mutation);
        m->field = api_field;
        m->graph = s->positions.items[i].graph;
        diag_init(&m->errs, w->ctx.a);
        *w->last_mutation = m;
        w->last_mutation = &m->next;
        sat_state *child =
            push(w, s, (sat_step){api_field, NULL}, api_field->named, outs[i], labels, nlabels);
        if (child) child->mutation = m;
    }
    return true;
}

/* After the walk: each top-level mutation field that fails from every
 * subgraph it was split over becomes one error. */
static void report_mutations(sat_walk *w)
{
    for (sat_mutation *m = w->mutations; m; m = m->next) {
        if (!m->field) continue; /* already reported with an earlier one */
        bool all_failed = true;
        for (sat_mutation *o = m; o; o = o->next)
            if (o->field == m->field && o->errs.count == 0) all_failed = false;
        if (all_failed) sat_report_mutation(&w->ctx, w->errs, m);
        for (sat_mutation *o = m->next; o; o = o->next)
            if (o->field == m->field) o->field = NULL;
    }
}

/* localeCompare's order on type names, near enough: case folded first, and
 * lower case before upper case. */
static int compare_names(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    int folded = strcasecmp(a, b);
    return folded ? folded : -strcmp(a, b);
}

/* The object types position p can return for API type t, sorted. */
static const char **runtime_types(sat_walk *w, sat_pos p, const schema_type *t, uint32_t *n)
{
    const supergraph *sg = w->ctx.sg;
    const schema_type *full = sg_full_type(sg, t);
    if (p.via || full->kind == SCHEMA_OBJECT) {
        const char **one = ARENA_ARRAY(w->ctx.a, const char *, 1);
        one[0] = p.via ? p.via->name : full->name;
        *n = 1;
        return one;
    }
    schema_type *const *possible = sg_possible_in_graph(sg, full, p.graph, n);
    const char **names = ARENA_ARRAY(w->ctx.a, const char *, *n + 1);
    for (uint32_t i = 0; i < *n; i++)
        names[i] = possible[i]->name;
    qsort(names, *n, sizeof *names, compare_names);
    return names;
}

static bool same_names(const char *const *a, uint32_t na, const char *const *b, uint32_t nb)
{
    if (na != nb) return false;
    for (uint32_t i = 0; i < na; i++)
        if (strcmp(a[i], b[i]) != 0) return false;
    return true;
}

static bool contains_name(const char *const *names, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0) return true;
    return false;
}

/* A field several subgraphs resolve, of an abstract type: they must agree
 * on at least one object type it can return (Apollo's
 * SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES). False after an error. */
static bool shared_runtime_types_meet(sat_walk *w, const sat_state *s,
                                      const schema_field *api_field, const sat_posset *out)
{
    const supergraph *sg = w->ctx.sg;
    const schema_type *type = api_field->named;
    if (out->n < 2 || !schema_is_abstract(type)) return true;
    const sg_field *sf = sg_field_graphs(sg, sg_full_field(sg, api_field));
    uint32_t resolving = 0, abstract_tails = 0;
    for (uint32_t i = 0; sf && i < sf->ngraphs; i++)
        resolving += !sf->graphs[i].external && !sf->graphs[i].used_overridden;
    for (uint32_t i = 0; i < out->n; i++)
        abstract_tails += out->items[i].via == NULL;
    if (resolving < 2 || abstract_tails < 2) return true;
    const char **all = ARENA_ARRAY(w->ctx.a, const char *, type->npossible + 1);
    const char **common = ARENA_ARRAY(w->ctx.a, const char *, type->npossible + 1);
    for (uint32_t i = 0; i < type->npossible; i++)
        all[i] = common[i] = type->possible[i]->name;
    uint32_t nall = type->npossible, ncommon = nall;
    sat_runtime_group *groups = ARENA_ARRAY(w->ctx.a, sat_runtime_group, out->n);
    uint32_t ngroups = 0;
    bool all_empty = true;
    for (uint32_t i = 0; i < out->n; i++) {
        uint32_t n = 0;
        const char **names = runtime_types(w, out->items[i], type, &n);
        if (n == 1 && !contains_name(all, nall, names[0])) continue;
        all_empty &= n == 0;
        uint32_t kept = 0;
        for (uint32_t k = 0; k < ncommon; k++)
            if (contains_name(names, n, common[k])) common[kept++] = common[k];
        ncommon = kept;
        sat_runtime_group *g = NULL;
        for (uint32_t k = 0; k < ngroups && !g; k++)
            if (same_names(groups[k].types, groups[k].ntypes, names, n)) g = &groups[k];
        if (!g) {
            g = &groups[ngroups++];
            g->types = names;
            g->ntypes = n;
            g->graphs = ARENA_ARRAY(w->ctx.a, uint32_t, out->n);
        }
        g->graphs[g->ngraphs++] = out->items[i].graph;
    }
    if (all_empty || ncommon > 0) return true;
    uint32_t n = s->depth + 1;
    sat_step *steps = ARENA_ARRAY(w->ctx.a, sat_step, n);
    steps[n - 1] = (sat_step){api_field, NULL};
    uint32_t i = n - 1;
    for (const sat_state *p = s; p->parent; p = p->parent)
        steps[--i] = p->step;
    sat_report_runtime_types(&w->ctx, w->errs, w->op, steps, n, api_field, groups, ngroups);
    return false;
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
    } else if (schema_is_composite(api_field->named) &&
               shared_runtime_types_meet(w, s, api_field, &out) &&
               !split_mutation(w, s, api_field, labels, nlabels)) {
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

/* Puts the root state of operation type op on the stack, if the API schema
 * has that root: every subgraph with the root type is a starting point. */
static void push_root(sat_walk *w, ast_operation_type op)
{
    const schema_type *root = schema_root_type(w->ctx.sg->api, op);
    if (!root) return;
    const schema_type *full = sg_full_type(w->ctx.sg, root);
    sat_posset start = {0};
    for (uint32_t g = 0; g < w->ctx.sg->ngraphs; g++)
        if (sg_type_in_graph(w->ctx.sg, full, g))
            sat_posset_add(w->ctx.a, &start, (sat_pos){.graph = g, .from = SAT_FROM_ROOT});
    w->op = op;
    push(w, NULL, (sat_step){NULL, NULL}, root, start, NULL, 0);
}

/* One stack for all roots, as Apollo has, with the roots pushed in the order
 * the SDL defines their types (Apollo's root order): the last one defined is
 * walked first, and a shape two roots share is reported under that one. */
static void walk(sat_walk *w)
{
    static const ast_operation_type all[] = {AST_OP_QUERY, AST_OP_MUTATION, AST_OP_SUBSCRIPTION};
    const schema *api = w->ctx.sg->api;
    ast_operation_type ops[3];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        const schema_type *root = schema_root_type(api, all[i]);
        if (!root) continue;
        int j = n++; /* insertion by the root type's definition order */
        for (; j > 0 && schema_root_type(api, ops[j - 1])->index > root->index; j--)
            ops[j] = ops[j - 1];
        ops[j] = all[i];
    }
    for (int i = 0; i < n; i++)
        push_root(w, ops[i]);
    while (w->open && !w->gave_up) {
        sat_state *s = w->open;
        w->open = s->next_open;
        w->op = w->ctx.op = s->op;
        if (!already_walked(w, s)) walk_state(w, s);
    }
}

bool sg_check_satisfiability(const supergraph *sg, diag_list *errs)
{
    arena scratch;
    arena_init(&scratch, 0);
    sat_walk w = {.ctx = {.sg = sg, .a = &scratch}, .errs = errs};
    w.last_mutation = &w.mutations;
    w.visits = ARENA_ARRAY(&scratch, sat_visit *, sg->api->ntypes);
    size_t before = errs->count;
    walk(&w);
    report_mutations(&w);
    if (w.gave_up) {
        diag *e = diag_add(errs, (src_loc){0, 0},
                           "Maximum number of validation subgraph paths exceeded: %u",
                           (unsigned)w.nstates);
        if (e) e->code = "MAX_VALIDATION_SUBGRAPH_PATHS_EXCEEDED";
    }
    arena_free(&scratch);
    return errs->count == before;
}
