/* supergraph_join.c: the join spec. Reads join__Graph and @join__graph into
 * the graph list, @join__type into the per-type tables (keys, extension,
 * interface objects), @join__field into the per-field tables (requires,
 * provides, external, override, type, context arguments), and
 * @join__implements, @join__unionMember, @join__enumValue and
 * @join__directive. Where a directive is absent the rules are Apollo's: a
 * type without @join__type is in every graph (Federation 1: in the graphs
 * that reach it), a field without @join__field is in every graph of its
 * parent (Federation 1: only in the owner's, or in those that also have its
 * type). supergraph_fed1.c has the other Federation 1 rules. */
#include <string.h>

#include "parser.h"
#include "supergraph_impl.h"

static uint32_t count_apps(const ast_directive *const *dirs, uint32_t n, const char *name)
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < n; i++)
        count += strcmp(dirs[i]->name, name) == 0;
    return count;
}

static const ast_directive *first_app(const ast_directive *const *dirs, uint32_t n,
                                      const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(dirs[i]->name, name) == 0) return dirs[i];
    return NULL;
}

static const char *string_value(const ast_value *v)
{
    return v && v->kind == AST_VALUE_STRING ? v->str : NULL;
}

static bool bool_value(const ast_value *v, bool dflt)
{
    return v && v->kind == AST_VALUE_BOOLEAN ? v->boolean : dflt;
}

/* ---- graphs ---- */

static void load_graph(sg_loader *ld, const schema_type *e, const schema_enum_value *v, sg_graph *g)
{
    const ast_directive *d = first_app(v->directives, v->ndirectives, ld->names.join_graph);
    g->enum_value = v->name;
    g->loc = v->loc;
    if (!d) {
        sg_error(ld, v->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "Value %s of %s enum has no @%s directive", v->name, e->name,
                 ld->names.join_graph);
        return;
    }
    g->name = string_value(sg_arg(d, "name"));
    g->url = string_value(sg_arg(d, "url"));
    if (!g->name || !g->url)
        sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "@%s on value %s of %s enum needs a name: and a url: string", ld->names.join_graph,
                 v->name, e->name);
}

static bool load_graphs(sg_loader *ld)
{
    supergraph *sg = ld->sg;
    const schema_type *e = schema_get_type(sg->full, ld->names.graph_enum);
    if (!e || e->kind != SCHEMA_ENUM) {
        sg_error(ld, (src_loc){0, 0}, "INVALID_FEDERATION_SUPERGRAPH",
                 "Invalid supergraph: missing the enum type %s that lists the subgraphs",
                 ld->names.graph_enum);
        return false;
    }
    sg->graphs = ARENA_ARRAY(ld->arena, sg_graph, e->nvalues);
    sg->ngraphs = e->nvalues;
    for (uint32_t i = 0; i < e->nvalues; i++) {
        sg->graphs[i].index = i;
        load_graph(ld, e, &e->values[i], &sg->graphs[i]);
        for (uint32_t k = 0; k < i && sg->graphs[i].name; k++) {
            if (sg->graphs[k].name && strcmp(sg->graphs[k].name, sg->graphs[i].name) == 0)
                sg_error(ld, e->values[i].loc, "INVALID_FEDERATION_SUPERGRAPH",
                         "Values %s and %s of %s enum both name the subgraph \"%s\"",
                         sg->graphs[k].enum_value, sg->graphs[i].enum_value, e->name,
                         sg->graphs[i].name);
        }
    }
    return !sg_failed(ld);
}

/* The graph a join directive on `owner` (member: its field or value, or
 * NULL) names in argument `arg`. *out is NULL when the argument is absent or
 * null; false (after an error) when it names no graph. */
static bool graph_arg(sg_loader *ld, const ast_directive *d, const char *arg, const char *owner,
                      const char *member, const sg_graph **out)
{
    const ast_value *v = sg_arg(d, arg);
    *out = NULL;
    if (!v || v->kind == AST_VALUE_NULL) return true;
    if (v->kind == AST_VALUE_ENUM) {
        *out = sg_graph_by_enum_value(ld->sg, v->str);
        if (*out) return true;
    }
    sg_error(ld, v->loc, "INVALID_FEDERATION_SUPERGRAPH",
             "Invalid graph name %s found in @%s on %s%s%s: does not match a graph defined in the "
             "%s enum",
             v->kind == AST_VALUE_STRING || v->kind == AST_VALUE_ENUM ? v->str : "(not a name)",
             d->name, owner, member ? "." : "", member ? member : "", ld->names.graph_enum);
    return false;
}

/* ---- types ---- */

sg_type_graph *sg_type_graph_add(sg_loader *ld, sg_type *st, const sg_graph *g)
{
    if (!st->by_graph[g->index]) {
        sg_type_graph *tg = ARENA_NEW(ld->arena, sg_type_graph);
        tg->graph = g;
        st->by_graph[g->index] = tg;
    }
    return st->by_graph[g->index];
}

static void load_key(sg_loader *ld, sg_type *st, sg_type_graph *tg, const ast_directive *d)
{
    const ast_value *key = sg_arg(d, "key");
    if (!key || key->kind == AST_VALUE_NULL) return;
    sg_key *k = &tg->keys[tg->nkeys];
    k->resolvable = bool_value(sg_arg(d, "resolvable"), true);
    k->extension = bool_value(sg_arg(d, "extension"), false);
    const char *what = key->kind == AST_VALUE_STRING
                           ? arena_sprintf(ld->arena, "[%s] On type \"%s\", for @%s(key: \"%s\")",
                                           tg->graph->name, st->type->name, d->name, key->str)
                           : NULL;
    if (!what) {
        sg_error(ld, key->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "@%s(key:) on type \"%s\" must be a string", d->name, st->type->name);
        return;
    }
    if (sg_fieldset_load(ld, key->str, st->type, key->loc, what, &k->fields)) tg->nkeys++;
}

/* First pass: which graphs, how many keys; second pass: the keys. */
static void load_join_types(sg_loader *ld, sg_type *st)
{
    const schema_type *t = st->type;
    const char *name = ld->names.join_type;
    for (uint32_t i = 0; i < t->ndirectives; i++) {
        const ast_directive *d = t->directives[i];
        const sg_graph *g;
        if (strcmp(d->name, name) != 0) continue;
        if (!graph_arg(ld, d, "graph", t->name, NULL, &g)) continue;
        if (!g) {
            sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                     "@%s on type \"%s\" is missing its graph: argument", name, t->name);
            continue;
        }
        bool seen = st->by_graph[g->index] != NULL;
        sg_type_graph *tg = sg_type_graph_add(ld, st, g);
        bool ext = bool_value(sg_arg(d, "extension"), false);
        tg->extension = seen ? tg->extension && ext : ext;
        tg->interface_object |= bool_value(sg_arg(d, "isInterfaceObject"), false);
        const ast_value *key = sg_arg(d, "key");
        tg->nkeys += key && key->kind != AST_VALUE_NULL;
    }
    for (uint32_t gi = 0; gi < ld->sg->ngraphs; gi++) {
        sg_type_graph *tg = st->by_graph[gi];
        if (!tg) continue;
        tg->keys = ARENA_ARRAY(ld->arena, sg_key, tg->nkeys);
        tg->nkeys = 0; /* counts again as load_key fills */
    }
    for (uint32_t i = 0; i < t->ndirectives; i++) {
        const ast_directive *d = t->directives[i];
        const ast_value *gv = sg_arg(d, "graph");
        if (strcmp(d->name, name) != 0 || !gv || gv->kind != AST_VALUE_ENUM) continue;
        const sg_graph *g = sg_graph_by_enum_value(ld->sg, gv->str);
        if (g) load_key(ld, st, st->by_graph[g->index], d);
    }
}

static bool in_every_graph(const supergraph *sg, const schema_type *t)
{
    if (t->builtin) return strncmp(t->name, "__", 2) != 0;
    return !sg_link_owns(sg, t->name, false);
}

static void load_type(sg_loader *ld, sg_type *st)
{
    supergraph *sg = ld->sg;
    st->by_graph = ARENA_ARRAY(ld->arena, sg_type_graph *, sg->ngraphs);
    const schema_type *t = st->type;
    if (!t->builtin && !sg_link_owns(sg, t->name, false) &&
        count_apps(t->directives, t->ndirectives, ld->names.join_type) > 0) {
        load_join_types(ld, st);
        return;
    }
    if (!in_every_graph(sg, t)) return;
    if (sg->fed1 && !t->builtin) return; /* sg_fed1_place_value_types places it */
    for (uint32_t g = 0; g < sg->ngraphs; g++)
        sg_type_graph_add(ld, st, &sg->graphs[g]);
}

/* ---- fields ---- */

typedef struct field_ctx {
    sg_loader *ld;
    sg_field *sf;
    const sg_type *parent;
    const char *coord_text; /* "Type.field", made on first use */
} field_ctx;

/* "Type.field", for messages. */
static const char *coord(field_ctx *c)
{
    if (!c->coord_text)
        c->coord_text =
            arena_sprintf(c->ld->arena, "%s.%s", c->sf->field->parent->name, c->sf->field->name);
    return c->coord_text;
}

sg_field_graph *sg_field_graph_add(sg_loader *ld, sg_field *sf, const sg_graph *g)
{
    if (!sf->by_graph[g->index]) {
        sg_field_graph *fg = ARENA_NEW(ld->arena, sg_field_graph);
        fg->graph = g;
        sf->by_graph[g->index] = fg;
    }
    return sf->by_graph[g->index];
}

static void load_fieldset_arg(field_ctx *c, const ast_directive *d, const sg_graph *g,
                              const char *arg, const schema_type *on, sg_fieldset *out)
{
    const ast_value *v = sg_arg(d, arg);
    if (!v || v->kind == AST_VALUE_NULL) return;
    if (v->kind != AST_VALUE_STRING) {
        sg_error(c->ld, v->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "@%s(%s:) on field \"%s\" must be a string", d->name, arg, coord(c));
        return;
    }
    const char *what = arena_sprintf(c->ld->arena, "[%s] On field \"%s\", for @%s(%s: \"%s\")",
                                     g->name, coord(c), d->name, arg, v->str);
    sg_fieldset_load(c->ld, v->str, on, v->loc, what, out);
}

static void load_type_override(field_ctx *c, const ast_directive *d, sg_field_graph *fg)
{
    const ast_value *v = sg_arg(d, "type");
    if (!v || v->kind == AST_VALUE_NULL) return;
    parse_error perr = {0};
    ast_type *type =
        v->kind == AST_VALUE_STRING ? parse_type(c->ld->arena, v->str, v->len, &perr) : NULL;
    if (!type || !schema_get_type(c->ld->sg->full, ast_type_name(type))) {
        sg_error(c->ld, v->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] Invalid @%s(type:) on field \"%s\": \"%s\" is not a type of the supergraph",
                 fg->graph->name, d->name, coord(c),
                 v->kind == AST_VALUE_STRING ? v->str : "(not a string)");
        return;
    }
    fg->type_text = v->str;
    fg->type = type;
}

static bool load_context_arg(field_ctx *c, const ast_value *v, sg_context_arg *ca)
{
    if (v->kind != AST_VALUE_OBJECT) return false;
    const char *selection = NULL;
    for (const ast_object_field *of = v->fields; of; of = of->next) {
        const char *s = string_value(of->value);
        if (!s) return false;
        if (strcmp(of->name, "name") == 0)
            ca->name = s;
        else if (strcmp(of->name, "type") == 0)
            ca->type_text = s;
        else if (strcmp(of->name, "context") == 0)
            ca->context = s;
        else if (strcmp(of->name, "selection") == 0)
            selection = s;
    }
    if (!ca->name || !ca->type_text || !ca->context || !selection) return false;
    parse_error perr = {0};
    ca->type = parse_type(c->ld->arena, ca->type_text, strlen(ca->type_text), &perr);
    if (!ca->type) return false;
    /* The selection applies to whichever type carries the context, which the
     * planner resolves; here it only has to parse. */
    ca->selection.text = selection;
    ca->selection.selection = sg_fieldset_parse(c->ld->arena, selection, &perr);
    return ca->selection.selection != NULL;
}

static void load_context_args(field_ctx *c, const ast_directive *d, sg_field_graph *fg)
{
    const ast_value *v = sg_arg(d, "contextArguments");
    if (!v || v->kind == AST_VALUE_NULL) return;
    uint32_t n = 0;
    const ast_value *first = v->kind == AST_VALUE_LIST ? v->items : v;
    for (const ast_value *it = first; it; it = v->kind == AST_VALUE_LIST ? it->next : NULL)
        n++;
    fg->context_args = ARENA_ARRAY(c->ld->arena, sg_context_arg, n);
    for (const ast_value *it = first; it; it = v->kind == AST_VALUE_LIST ? it->next : NULL) {
        if (load_context_arg(c, it, &fg->context_args[fg->ncontext_args])) {
            fg->ncontext_args++;
            continue;
        }
        sg_error(c->ld, it->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] Invalid @%s(contextArguments:) on field \"%s\": expected {name, type, "
                 "context, selection} with a parsable type and selection",
                 fg->graph->name, d->name, coord(c));
    }
}

static void load_join_field(field_ctx *c, const ast_directive *d)
{
    const sg_graph *g;
    if (!graph_arg(c->ld, d, "graph", c->sf->field->parent->name, c->sf->field->name, &g) || !g)
        return; /* no graph: from no subgraph */
    if (!c->parent->by_graph[g->index]) {
        if (c->ld->sg->fed1) return; /* Apollo's Federation 1 extraction skips these */
        sg_error(c->ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] @%s on field \"%s\": type \"%s\" is not defined in that graph", g->name,
                 d->name, coord(c), c->parent->type->name);
        return;
    }
    if (c->sf->by_graph[g->index]) {
        sg_error(c->ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] Field \"%s\" has more than one @%s for this graph", g->name, coord(c),
                 d->name);
        return;
    }
    sg_field_graph *fg = sg_field_graph_add(c->ld, c->sf, g);
    const schema_field *f = c->sf->field;
    load_fieldset_arg(c, d, g, "requires", f->parent, &fg->requires);
    load_fieldset_arg(c, d, g, "provides", f->named, &fg->provides);
    load_type_override(c, d, fg);
    fg->external = bool_value(sg_arg(d, "external"), false);
    fg->used_overridden = bool_value(sg_arg(d, "usedOverridden"), false);
    fg->override_from = string_value(sg_arg(d, "override"));
    fg->override_label = string_value(sg_arg(d, "overrideLabel"));
    load_context_args(c, d, fg);
}

/* A field without @join__field. */
static void place_unannotated_field(field_ctx *c)
{
    supergraph *sg = c->ld->sg;
    const schema_type *parent = c->parent->type;
    const ast_directive *owner =
        sg->fed1 ? first_app(parent->directives, parent->ndirectives, c->ld->names.join_owner)
                 : NULL;
    if (owner) {
        const sg_graph *g;
        if (graph_arg(c->ld, owner, "graph", parent->name, NULL, &g) && g &&
            c->parent->by_graph[g->index])
            sg_field_graph_add(c->ld, c->sf, g);
        return;
    }
    const sg_type *named = &sg->types[c->sf->field->named->index];
    for (uint32_t g = 0; g < sg->ngraphs; g++) {
        if (!c->parent->by_graph[g]) continue;
        if (sg->fed1 && !named->by_graph[g]) continue;
        sg_field_graph_add(c->ld, c->sf, &sg->graphs[g]);
    }
}

static void load_field(sg_loader *ld, sg_field *sf)
{
    supergraph *sg = ld->sg;
    const schema_field *f = sf->field;
    field_ctx c = {ld, sf, &sg->types[f->parent->index], NULL};
    sf->by_graph = ARENA_ARRAY(ld->arena, sg_field_graph *, sg->ngraphs);
    if (sg_link_owns(sg, f->parent->name, false) || f->parent->builtin) return;
    if (count_apps(f->directives, f->ndirectives, ld->names.join_field) == 0) {
        place_unannotated_field(&c);
        return;
    }
    for (uint32_t i = 0; i < f->ndirectives; i++)
        if (strcmp(f->directives[i]->name, ld->names.join_field) == 0)
            load_join_field(&c, f->directives[i]);
}

/* ---- implements, union members, enum values ---- */

static schema_type **append_type(arena *a, schema_type **list, uint32_t *n, schema_type *t)
{
    for (uint32_t i = 0; i < *n; i++)
        if (list[i] == t) return list;
    schema_type **grown = ARENA_ARRAY(a, schema_type *, *n + 1);
    if (*n) memcpy(grown, list, sizeof *list * *n);
    grown[(*n)++] = t;
    return grown;
}

static void load_implements_app(sg_loader *ld, sg_type *st, const ast_directive *d)
{
    const sg_graph *g;
    const schema_type *t = st->type;
    if (!graph_arg(ld, d, "graph", t->name, NULL, &g) || !g) return;
    const char *iname = string_value(sg_arg(d, "interface"));
    schema_type *iface = iname ? schema_get_type(ld->sg->full, iname) : NULL;
    if (!iface || !schema_implements(t, iface)) {
        sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] @%s on type \"%s\": \"%s\" is not an interface it implements", g->name,
                 d->name, t->name, iname ? iname : "(missing)");
        return;
    }
    sg_type_graph *tg = st->by_graph[g->index];
    if (!tg) {
        sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] @%s on type \"%s\": the type is not defined in that graph", g->name, d->name,
                 t->name);
        return;
    }
    tg->interfaces = append_type(ld->arena, tg->interfaces, &tg->ninterfaces, iface);
}

/* join v0.2+ lists each graph's implementations; join v0.1 has no such
 * directive and a graph implements whatever both types are in. */
static void load_implements(sg_loader *ld, sg_type *st)
{
    const schema_type *t = st->type;
    if (schema_get_directive(ld->sg->full, ld->names.join_implements)) {
        for (uint32_t i = 0; i < t->ndirectives; i++)
            if (strcmp(t->directives[i]->name, ld->names.join_implements) == 0)
                load_implements_app(ld, st, t->directives[i]);
        return;
    }
    for (uint32_t g = 0; g < ld->sg->ngraphs; g++) {
        sg_type_graph *tg = st->by_graph[g];
        for (uint32_t i = 0; tg && i < t->ninterfaces; i++)
            if (ld->sg->types[t->interfaces[i]->index].by_graph[g])
                tg->interfaces =
                    append_type(ld->arena, tg->interfaces, &tg->ninterfaces, t->interfaces[i]);
    }
}

static void load_union_member_app(sg_loader *ld, sg_type *st, const ast_directive *d)
{
    const sg_graph *g;
    const schema_type *u = st->type;
    if (!graph_arg(ld, d, "graph", u->name, NULL, &g) || !g) return;
    const char *mname = string_value(sg_arg(d, "member"));
    schema_type *member = mname ? schema_get_type(ld->sg->full, mname) : NULL;
    sg_type_graph *tg = st->by_graph[g->index];
    if (!member || !schema_is_possible_type(u, member) || !tg) {
        sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "[%s] @%s on union \"%s\": \"%s\" is not one of its members in that graph",
                 g->name, d->name, u->name, mname ? mname : "(missing)");
        return;
    }
    tg->possible = append_type(ld->arena, tg->possible, &tg->npossible, member);
}

static void load_union_members(sg_loader *ld, sg_type *st)
{
    const schema_type *u = st->type;
    const char *name = ld->names.join_union_member;
    if (count_apps(u->directives, u->ndirectives, name) > 0) {
        for (uint32_t i = 0; i < u->ndirectives; i++)
            if (strcmp(u->directives[i]->name, name) == 0)
                load_union_member_app(ld, st, u->directives[i]);
        return;
    }
    for (uint32_t g = 0; g < ld->sg->ngraphs; g++) {
        sg_type_graph *tg = st->by_graph[g];
        for (uint32_t i = 0; tg && i < u->npossible; i++)
            if (ld->sg->types[u->possible[i]->index].by_graph[g])
                tg->possible = append_type(ld->arena, tg->possible, &tg->npossible, u->possible[i]);
    }
}

/* Objects that graph g knows implement interface st. */
static void load_interface_possible(sg_loader *ld, sg_type *st)
{
    supergraph *sg = ld->sg;
    const schema_type *iface = st->type;
    for (uint32_t g = 0; g < sg->ngraphs; g++) {
        sg_type_graph *tg = st->by_graph[g];
        if (!tg || tg->interface_object) continue;
        for (uint32_t i = 0; i < iface->npossible; i++) {
            const sg_type_graph *og = sg->types[iface->possible[i]->index].by_graph[g];
            for (uint32_t k = 0; og && k < og->ninterfaces; k++)
                if (og->interfaces[k] == iface)
                    tg->possible =
                        append_type(ld->arena, tg->possible, &tg->npossible, iface->possible[i]);
        }
    }
}

static void add_value(arena *a, sg_type_graph *tg, const schema_enum_value *v, uint32_t cap)
{
    if (!tg->values) tg->values = ARENA_ARRAY(a, const schema_enum_value *, cap);
    tg->values[tg->nvalues++] = v;
}

static void load_enum_values(sg_loader *ld, sg_type *st)
{
    const schema_type *e = st->type;
    const char *name = ld->names.join_enum_value;
    for (uint32_t i = 0; i < e->nvalues; i++) {
        const schema_enum_value *v = &e->values[i];
        if (count_apps(v->directives, v->ndirectives, name) == 0) {
            for (uint32_t g = 0; g < ld->sg->ngraphs; g++)
                if (st->by_graph[g]) add_value(ld->arena, st->by_graph[g], v, e->nvalues);
            continue;
        }
        for (uint32_t k = 0; k < v->ndirectives; k++) {
            const ast_directive *d = v->directives[k];
            const sg_graph *g;
            if (strcmp(d->name, name) != 0) continue;
            if (!graph_arg(ld, d, "graph", e->name, v->name, &g) || !g) continue;
            if (st->by_graph[g->index]) {
                add_value(ld->arena, st->by_graph[g->index], v, e->nvalues);
                continue;
            }
            sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                     "[%s] @%s on enum value \"%s.%s\": the enum is not defined in that graph",
                     g->name, name, e->name, v->name);
        }
    }
}

static void load_type_content(sg_loader *ld, sg_type *st)
{
    switch (st->type->kind) {
    case SCHEMA_OBJECT:
    case SCHEMA_INTERFACE:
        load_implements(ld, st);
        break;
    case SCHEMA_UNION:
        load_union_members(ld, st);
        break;
    case SCHEMA_ENUM:
        load_enum_values(ld, st);
        break;
    default:
        break;
    }
}

/* ---- @join__directive ---- */

typedef struct directive_target {
    sg_target_kind kind;
    const schema_type *type;
    const schema_field *field;
} directive_target;

/* "the schema", "Type" or "Type.field", for messages. */
static const char *target_text(arena *a, const directive_target *t)
{
    if (t->kind == SG_TARGET_SCHEMA) return "the schema";
    if (t->kind == SG_TARGET_TYPE) return t->type->name;
    return arena_sprintf(a, "%s.%s", t->type->name, t->field->name);
}

static void load_join_directive(sg_loader *ld, const ast_directive *d, directive_target *t)
{
    supergraph *sg = ld->sg;
    sg_join_directive *jd = &sg->directives[sg->ndirectives];
    jd->name = string_value(sg_arg(d, "name"));
    jd->args = sg_arg(d, "args");
    jd->target = t->kind;
    jd->type = t->type;
    jd->field = t->field;
    jd->loc = d->loc;
    if (!jd->name) {
        sg_error(ld, d->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "@%s on %s is missing its name:", d->name, target_text(ld->arena, t));
        return;
    }
    const ast_value *graphs = sg_arg(d, "graphs");
    const ast_value *first = graphs && graphs->kind == AST_VALUE_LIST ? graphs->items : graphs;
    uint32_t n = 0;
    for (const ast_value *it = first; it; it = it == graphs ? NULL : it->next)
        n++;
    jd->graphs = ARENA_ARRAY(ld->arena, const sg_graph *, n);
    for (const ast_value *it = first; it; it = it == graphs ? NULL : it->next) {
        const sg_graph *g = it->kind == AST_VALUE_ENUM ? sg_graph_by_enum_value(sg, it->str) : NULL;
        if (g) {
            jd->graphs[jd->ngraphs++] = g;
            continue;
        }
        sg_error(ld, it->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "Invalid graph name %s found in @%s on %s: does not match a graph defined in "
                 "the %s enum",
                 it->kind == AST_VALUE_ENUM || it->kind == AST_VALUE_STRING ? it->str
                                                                            : "(not a name)",
                 d->name, target_text(ld->arena, t), ld->names.graph_enum);
    }
    sg->ndirectives++;
}

static void load_directives_of(sg_loader *ld, const ast_directive *const *dirs, uint32_t n,
                               directive_target *t)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(dirs[i]->name, ld->names.join_directive) == 0)
            load_join_directive(ld, dirs[i], t);
}

static uint32_t count_join_directives(sg_loader *ld)
{
    const schema *s = ld->sg->full;
    const char *name = ld->names.join_directive;
    uint32_t n = count_apps(s->schema_directives, s->nschema_directives, name);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const schema_type *t = s->types[i];
        n += count_apps(t->directives, t->ndirectives, name);
        for (uint32_t k = 0; k < t->nfields; k++)
            n += count_apps(t->fields[k].directives, t->fields[k].ndirectives, name);
    }
    return n;
}

static void load_join_directives(sg_loader *ld)
{
    const schema *s = ld->sg->full;
    ld->sg->directives = ARENA_ARRAY(ld->arena, sg_join_directive, count_join_directives(ld));
    directive_target on_schema = {SG_TARGET_SCHEMA, NULL, NULL};
    load_directives_of(ld, s->schema_directives, s->nschema_directives, &on_schema);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const schema_type *t = s->types[i];
        directive_target on_type = {SG_TARGET_TYPE, t, NULL};
        load_directives_of(ld, t->directives, t->ndirectives, &on_type);
        for (uint32_t k = 0; k < t->nfields; k++) {
            const schema_field *f = &t->fields[k];
            directive_target on_field = {SG_TARGET_FIELD, t, f};
            load_directives_of(ld, f->directives, f->ndirectives, &on_field);
        }
    }
}

/* ---- compaction: by_graph pointers into one ascending array ---- */

static void compact_type(arena *a, sg_type *st, uint32_t ngraphs)
{
    for (uint32_t g = 0; g < ngraphs; g++)
        st->ngraphs += st->by_graph[g] != NULL;
    st->graphs = ARENA_ARRAY(a, sg_type_graph, st->ngraphs);
    uint32_t n = 0;
    for (uint32_t g = 0; g < ngraphs; g++) {
        if (!st->by_graph[g]) continue;
        st->graphs[n] = *st->by_graph[g];
        st->by_graph[g] = &st->graphs[n++];
    }
}

static void compact_field(arena *a, sg_field *sf, uint32_t ngraphs)
{
    for (uint32_t g = 0; g < ngraphs; g++)
        sf->ngraphs += sf->by_graph[g] != NULL;
    sf->graphs = ARENA_ARRAY(a, sg_field_graph, sf->ngraphs);
    uint32_t n = 0;
    for (uint32_t g = 0; g < ngraphs; g++) {
        if (!sf->by_graph[g]) continue;
        sf->graphs[n] = *sf->by_graph[g];
        sf->by_graph[g] = &sf->graphs[n++];
    }
}

static void index_fields(supergraph *sg)
{
    for (uint32_t t = 0; t < sg->full->ntypes; t++) {
        schema_type *type = sg->full->types[t];
        for (uint32_t k = 0; k < type->nfields; k++)
            sg->fields[type->fields[k].index].field = &type->fields[k];
    }
}

bool sg_join_load(sg_loader *ld)
{
    supergraph *sg = ld->sg;
    const schema *s = sg->full;
    if (!load_graphs(ld)) return false;
    sg->types = ARENA_ARRAY(ld->arena, sg_type, s->ntypes);
    sg->fields = ARENA_ARRAY(ld->arena, sg_field, s->nfields);
    for (uint32_t t = 0; t < s->ntypes; t++) {
        sg->types[t].type = s->types[t];
        load_type(ld, &sg->types[t]);
    }
    if (sg->fed1) sg_fed1_place_value_types(ld);
    index_fields(sg);
    for (uint32_t i = 0; i < s->nfields; i++)
        if (sg->fields[i].field) load_field(ld, &sg->fields[i]);
    for (uint32_t t = 0; t < s->ntypes; t++)
        load_type_content(ld, &sg->types[t]);
    if (sg->fed1) sg_fed1_add_used_fields(ld);
    for (uint32_t t = 0; t < s->ntypes; t++)
        if (s->types[t]->kind == SCHEMA_INTERFACE) load_interface_possible(ld, &sg->types[t]);
    load_join_directives(ld);
    if (sg_failed(ld)) return false;
    for (uint32_t t = 0; t < s->ntypes; t++)
        compact_type(ld->arena, &sg->types[t], sg->ngraphs);
    for (uint32_t i = 0; i < s->nfields; i++) {
        if (!sg->fields[i].by_graph)
            sg->fields[i].by_graph = ARENA_ARRAY(ld->arena, sg_field_graph *, sg->ngraphs);
        compact_field(ld->arena, &sg->fields[i], sg->ngraphs);
    }
    return true;
}
