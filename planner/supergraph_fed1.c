/* supergraph_fed1.c: the Federation 1 rules Apollo applies when it reads a
 * join v0.1 supergraph, whose subgraphs declared less than Federation 2 ones:
 *   - a value type (no @join__type) is in each graph that reaches it from
 *     the root types or from its entities' keys, through the fields that
 *     graph resolves (and the types its requires and provides select);
 *   - the fields a key selects are resolvable in every graph with that key;
 *   - the fields a requires or provides selects but the graph lacks are
 *     there as external, and so are the fields of an interface that an
 *     implementation in the same graph lacks. */
#include <string.h>

#include "parser.h"
#include "supergraph_impl.h"

static const sg_graph *enum_graph(const supergraph *sg, const ast_directive *d)
{
    const ast_value *v = sg_arg(d, "graph");
    return v && v->kind == AST_VALUE_ENUM ? sg_graph_by_enum_value(sg, v->str) : NULL;
}

/* The @join__field of f naming graph g; *declared tells whether f has any. */
static const ast_directive *join_field_for(const sg_loader *ld, const schema_field *f,
                                           const sg_graph *g, bool *declared)
{
    *declared = false;
    for (uint32_t i = 0; i < f->ndirectives; i++) {
        if (strcmp(f->directives[i]->name, ld->names.join_field) != 0) continue;
        *declared = true;
        if (enum_graph(ld->sg, f->directives[i]) == g) return f->directives[i];
    }
    return NULL;
}

/* Apollo's fed1 "field is in subgraph": its @join__field names the graph;
 * without any, the parent's owner is the graph, or there is no owner. */
static bool field_in_graph(const sg_loader *ld, const schema_field *f, const sg_graph *g,
                           const ast_directive **app)
{
    bool declared;
    *app = join_field_for(ld, f, g, &declared);
    if (declared) return *app != NULL;
    const schema_type *parent = f->parent;
    for (uint32_t i = 0; i < parent->ndirectives; i++)
        if (strcmp(parent->directives[i]->name, ld->names.join_owner) == 0)
            return enum_graph(ld->sg, parent->directives[i]) == g;
    return true;
}

typedef struct reach {
    sg_loader *ld;
    bool *seen;          /* [ntypes] */
    schema_type **stack; /* each type pushed at most once */
    uint32_t depth;
} reach;

static void push(reach *r, schema_type *t)
{
    if (r->seen[t->index]) return;
    r->seen[t->index] = true;
    r->stack[r->depth++] = t;
}

static void push_selected(void *ctx, schema_type *parent, schema_field *f)
{
    (void)parent;
    push(ctx, f->named);
}

/* Types a FieldSet argument selects; unparsable ones add nothing (the
 * field loading reports them). */
static void push_fieldset_types(reach *r, const ast_directive *app, const char *arg,
                                schema_type *on)
{
    const ast_value *v = app ? sg_arg(app, arg) : NULL;
    if (!v || v->kind != AST_VALUE_STRING) return;
    parse_error perr;
    const ast_selection *sel = sg_fieldset_parse(r->ld->arena, v->str, &perr);
    if (sel) sg_fieldset_walk(r->ld->sg->full, on, sel, push_selected, r);
}

static void visit_fields(reach *r, const schema_type *t, const sg_graph *g)
{
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        const ast_directive *app;
        if (!field_in_graph(r->ld, f, g, &app)) continue;
        for (uint32_t a = 0; a < f->nargs; a++)
            push(r, f->args[a].named);
        push(r, f->named);
        push_fieldset_types(r, app, "provides", f->named);
        push_fieldset_types(r, app, "requires", f->parent);
    }
}

static void visit(reach *r, schema_type *t, const sg_graph *g)
{
    switch (t->kind) {
    case SCHEMA_INTERFACE:
    case SCHEMA_UNION:
        for (uint32_t i = 0; i < t->npossible; i++)
            push(r, t->possible[i]);
        if (t->kind == SCHEMA_UNION) break;
        /* fall through */
    case SCHEMA_OBJECT:
        for (uint32_t i = 0; i < t->ninterfaces; i++)
            push(r, t->interfaces[i]);
        visit_fields(r, t, g);
        break;
    case SCHEMA_INPUT_OBJECT:
        visit_fields(r, t, g);
        break;
    default:
        break;
    }
}

/* Starts: the root types, and each entity with a key in g with the types
 * its keys select. */
static void push_starts(reach *r, const sg_graph *g)
{
    const supergraph *sg = r->ld->sg;
    schema_type *roots[] = {sg->full->query, sg->full->mutation, sg->full->subscription};
    for (int i = 0; i < 3; i++)
        if (roots[i]) push(r, roots[i]);
    for (uint32_t t = 0; t < sg->full->ntypes; t++) {
        const sg_type_graph *tg = sg->types[t].by_graph[g->index];
        for (uint32_t k = 0; tg && k < tg->nkeys; k++) {
            push(r, sg->full->types[t]);
            sg_fieldset_walk(sg->full, sg->full->types[t], tg->keys[k].fields.selection,
                             push_selected, r);
        }
    }
}

static bool has_join_type(const sg_loader *ld, const schema_type *t)
{
    for (uint32_t i = 0; i < t->ndirectives; i++)
        if (strcmp(t->directives[i]->name, ld->names.join_type) == 0) return true;
    return false;
}

void sg_fed1_place_value_types(sg_loader *ld)
{
    supergraph *sg = ld->sg;
    uint32_t n = sg->full->ntypes;
    reach r = {ld, ARENA_ARRAY(ld->arena, bool, n), ARENA_ARRAY(ld->arena, schema_type *, n), 0};
    for (uint32_t gi = 0; gi < sg->ngraphs; gi++) {
        const sg_graph *g = &sg->graphs[gi];
        memset(r.seen, 0, sizeof *r.seen * n);
        r.depth = 0;
        push_starts(&r, g);
        while (r.depth > 0)
            visit(&r, r.stack[--r.depth], g);
        for (uint32_t t = 0; t < n; t++) {
            const schema_type *type = sg->full->types[t];
            if (!r.seen[t] || type->builtin || sg_link_owns(sg, type->name, false) ||
                has_join_type(ld, type))
                continue;
            sg_type_graph_add(ld, &sg->types[t], g);
        }
    }
}

typedef struct used_field {
    sg_loader *ld;
    const sg_graph *graph;
    bool external; /* how to add a missing field */
} used_field;

static void add_used_field(void *ctx, schema_type *parent, schema_field *f)
{
    used_field *c = ctx;
    supergraph *sg = c->ld->sg;
    if (!sg->types[parent->index].by_graph[c->graph->index]) return;
    sg_field *sf = &sg->fields[f->index];
    bool present = sf->by_graph[c->graph->index] != NULL;
    sg_field_graph *fg = sg_field_graph_add(c->ld, sf, c->graph);
    if (!present) fg->external = c->external;
    if (!c->external) fg->external = false;
}

/* Fields of an interface the graph has that an implementation there lacks. */
static void add_interface_fields(sg_loader *ld, sg_type *st, const sg_type_graph *tg)
{
    supergraph *sg = ld->sg;
    for (uint32_t i = 0; i < tg->ninterfaces; i++) {
        const schema_type *iface = tg->interfaces[i];
        for (uint32_t k = 0; k < iface->nfields; k++) {
            const schema_field *f = &iface->fields[k];
            schema_field *own = schema_get_field(st->type, f->name);
            if (!sg->fields[f->index].by_graph[tg->graph->index] || !own) continue;
            sg_field *sf = &sg->fields[own->index];
            if (sf->by_graph[tg->graph->index]) continue;
            sg_field_graph_add(ld, sf, tg->graph)->external = true;
        }
    }
}

void sg_fed1_add_used_fields(sg_loader *ld)
{
    supergraph *sg = ld->sg;
    for (uint32_t t = 0; t < sg->full->ntypes; t++) {
        for (uint32_t g = 0; g < sg->ngraphs; g++) {
            const sg_type_graph *tg = sg->types[t].by_graph[g];
            used_field c = {ld, &sg->graphs[g], false};
            for (uint32_t k = 0; tg && k < tg->nkeys; k++)
                sg_fieldset_walk(sg->full, sg->full->types[t], tg->keys[k].fields.selection,
                                 add_used_field, &c);
        }
    }
    for (uint32_t i = 0; i < sg->full->nfields; i++) {
        sg_field *sf = &sg->fields[i];
        for (uint32_t g = 0; g < sg->ngraphs; g++) {
            const sg_field_graph *fg = sf->by_graph ? sf->by_graph[g] : NULL;
            if (!fg) continue;
            used_field c = {ld, &sg->graphs[g], true};
            sg_fieldset_walk(sg->full, sf->field->parent, fg->requires.selection, add_used_field,
                             &c);
            sg_fieldset_walk(sg->full, sf->field->named, fg->provides.selection, add_used_field,
                             &c);
        }
    }
    for (uint32_t t = 0; t < sg->full->ntypes; t++)
        for (uint32_t g = 0; g < sg->ngraphs; g++)
            if (sg->types[t].by_graph[g])
                add_interface_fields(ld, &sg->types[t], sg->types[t].by_graph[g]);
}
