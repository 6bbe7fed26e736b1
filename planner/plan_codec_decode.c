/* plan_codec_decode.c: bytes to a plan (layout in plan_codec.h), for bytes
 * that may be anything. Every read checks what is left; every count is
 * checked against the bytes left before anything is allocated for it (each
 * item takes at least a known number of bytes); nesting is counted; the first
 * problem stops the decode with one error. */
#include <string.h>

#include "bytes.h"
#include "parser.h"
#include "plan_codec.h"

typedef struct decoder {
    bytes_reader r;
    arena *a;
    const supergraph *sg;
    uint64_t nfetch_nodes; /* Fetch and Flatten nodes seen, to check the plan's count */
} decoder;

static bool type_known(decoder *d, const schema *s, const char *name)
{
    return schema_get_type(s, name) ? true
                                    : bytes_fail(&d->r, "type %s is not in the supergraph", name);
}

static bool get_path(decoder *d, plan_path *path)
{
    if (!bytes_get_count(&d->r, "path step", 2, &path->nsteps)) return false;
    path->steps = ARENA_ARRAY(d->a, plan_path_step, path->nsteps ? path->nsteps : 1);
    for (uint32_t i = 0; i < path->nsteps; i++) {
        plan_path_step *s = &path->steps[i];
        uint32_t kind;
        if (!bytes_get_small(&d->r, "path step kind", PLAN_PATH_TYPE, &kind)) return false;
        s->kind = (plan_path_kind)kind;
        if (!bytes_get_str(&d->r, &s->name)) return false;
        if (s->kind != PLAN_PATH_LIST && !s->name)
            return bytes_fail(&d->r, "path step has no name");
        if (s->kind == PLAN_PATH_TYPE && !type_known(d, d->sg->full, s->name)) return false;
    }
    return true;
}

static bool get_rewrites(decoder *d, const plan_rewrite **out, uint32_t *n)
{
    if (!bytes_get_count(&d->r, "rewrite", 3, n)) return false;
    plan_rewrite *rewrites = ARENA_ARRAY(d->a, plan_rewrite, *n ? *n : 1);
    for (uint32_t i = 0; i < *n; i++) {
        plan_rewrite *r = &rewrites[i];
        if (!get_path(d, &r->path) || !bytes_get_str(&d->r, &r->set_to) ||
            !bytes_get_str(&d->r, &r->rename_to))
            return false;
        if (!r->set_to == !r->rename_to)
            return bytes_fail(&d->r, "rewrite %u must either set or rename", i);
    }
    *out = *n ? rewrites : NULL;
    return true;
}

/* A selection set as text, parsed into the plan's arena. */
static bool parse_selection(decoder *d, const char *text, const ast_selection **out)
{
    parse_error err;
    ast_document *doc = parse_document(d->a, text, strlen(text), NULL, &err);
    const ast_definition *def = doc ? doc->definitions : NULL;
    if (!def || def->kind != AST_DEF_OPERATION || !def->selection_set || def->next)
        return bytes_fail(&d->r, "requires is not a selection set");
    *out = def->selection_set;
    return true;
}

static bool get_fetch(decoder *d, bool entities, plan_fetch **out)
{
    plan_fetch *f = ARENA_NEW(d->a, plan_fetch);
    uint64_t graph;
    uint32_t optype;
    if (!bytes_get_varint(&d->r, &graph) ||
        !bytes_get_required_str(&d->r, "subgraph name", &f->subgraph))
        return false;
    if (graph >= d->sg->ngraphs)
        return bytes_fail(&d->r, "graph %llu is out of range (the supergraph has %u)",
                          (unsigned long long)graph, d->sg->ngraphs);
    f->graph = (uint32_t)graph;
    if (strcmp(d->sg->graphs[graph].name, f->subgraph) != 0)
        return bytes_fail(&d->r, "subgraph %s is not the supergraph's graph %llu", f->subgraph,
                          (unsigned long long)graph);
    if (!bytes_get_small(&d->r, "operation type", AST_OP_SUBSCRIPTION, &optype)) return false;
    f->operation_type = (ast_operation_type)optype;
    if (!bytes_get_required_str(&d->r, "operation", &f->operation) ||
        !bytes_get_str(&d->r, &f->operation_name) ||
        !bytes_get_count(&d->r, "variable", 1, &f->nvariables))
        return false;
    const char **vars = ARENA_ARRAY(d->a, const char *, f->nvariables ? f->nvariables : 1);
    for (uint32_t i = 0; i < f->nvariables; i++)
        if (!bytes_get_required_str(&d->r, "variable name", &vars[i])) return false;
    f->variables = f->nvariables ? vars : NULL;
    if (!bytes_get_str(&d->r, &f->requires_text)) return false;
    if (entities != (f->requires_text != NULL))
        return bytes_fail(&d->r, "%s",
                          entities ? "entity fetch has no requires" : "root fetch has requires");
    if (f->requires_text && !parse_selection(d, f->requires_text, &f->requires)) return false;
    if (!get_rewrites(d, &f->input_rewrites, &f->ninput_rewrites) ||
        !get_rewrites(d, &f->output_rewrites, &f->noutput_rewrites))
        return false;
    *out = f;
    return true;
}

static bool get_node(decoder *d, unsigned depth, plan_node **out);

static bool get_optional_node(decoder *d, unsigned depth, plan_node **out)
{
    uint32_t present;
    *out = NULL;
    if (!bytes_get_small(&d->r, "presence flag", 1, &present)) return false;
    return present ? get_node(d, depth, out) : true;
}

static bool get_node(decoder *d, unsigned depth, plan_node **out)
{
    if (depth > PLAN_CODEC_MAX_DEPTH)
        return bytes_fail(&d->r, "nodes nest deeper than %d", PLAN_CODEC_MAX_DEPTH);
    plan_node *n = ARENA_NEW(d->a, plan_node);
    uint32_t kind;
    if (!bytes_get_small(&d->r, "node kind", PLAN_CONDITION, &kind)) return false;
    n->kind = (plan_kind)kind;
    switch (n->kind) {
    case PLAN_SEQUENCE:
    case PLAN_PARALLEL:
        if (!bytes_get_count(&d->r, "child", 2, &n->nchildren)) return false;
        n->children = ARENA_ARRAY(d->a, plan_node *, n->nchildren ? n->nchildren : 1);
        for (uint32_t i = 0; i < n->nchildren; i++)
            if (!get_node(d, depth + 1, &n->children[i])) return false;
        break;
    case PLAN_FETCH:
        if (!get_fetch(d, false, &n->fetch)) return false;
        d->nfetch_nodes++;
        break;
    case PLAN_FLATTEN:
        if (!bytes_get_count(&d->r, "path", 1, &n->npaths)) return false;
        if (n->npaths == 0) return bytes_fail(&d->r, "flatten has no path");
        n->paths = ARENA_ARRAY(d->a, plan_path, n->npaths);
        for (uint32_t i = 0; i < n->npaths; i++)
            if (!get_path(d, &n->paths[i])) return false;
        if (!get_fetch(d, true, &n->fetch)) return false;
        d->nfetch_nodes++;
        break;
    case PLAN_CONDITION:
        if (!bytes_get_required_str(&d->r, "condition variable", &n->condition) ||
            !get_optional_node(d, depth + 1, &n->if_clause) ||
            !get_optional_node(d, depth + 1, &n->else_clause))
            return false;
        break;
    }
    *out = n;
    return true;
}

static const ast_type *get_type(decoder *d)
{
    ast_type *first = NULL, **link = &first;
    for (unsigned level = 0;; level++) {
        uint32_t kind = 0;
        if (level > PLAN_CODEC_MAX_DEPTH) {
            bytes_fail(&d->r, "type wrappers nest deeper than %d", PLAN_CODEC_MAX_DEPTH);
            return NULL;
        }
        if (!bytes_get_small(&d->r, "type kind", 3, &kind)) return NULL;
        if (kind == 0 && level == 0) return NULL;
        if (kind == 0) {
            bytes_fail(&d->r, "type kind 0 inside a type");
            return NULL;
        }
        ast_type *t = ARENA_NEW(d->a, ast_type);
        t->kind = kind == 1 ? AST_TYPE_LIST : kind == 2 ? AST_TYPE_NON_NULL : AST_TYPE_NAMED;
        *link = t;
        link = &t->of;
        if (t->kind == AST_TYPE_NAMED) {
            if (!bytes_get_required_str(&d->r, "type name", &t->name)) return NULL;
            return type_known(d, d->sg->full, t->name) ? first : NULL;
        }
    }
}

static bool get_introspection(decoder *d, plan_shape_field *f)
{
    const char *text;
    if (!bytes_get_str(&d->r, &text)) return false;
    if ((f->kind == PLAN_SHAPE_INTROSPECTION) != (text != NULL))
        return bytes_fail(&d->r, "field %s: introspection document does not match its kind",
                          f->response_key);
    if (!text) return true;
    parse_error err;
    ast_document *doc = parse_document(d->a, text, strlen(text), NULL, &err);
    const ast_definition *def = doc ? doc->definitions : NULL;
    if (!def || def->kind != AST_DEF_OPERATION || !def->selection_set ||
        def->selection_set->kind != AST_SEL_FIELD)
        return bytes_fail(&d->r, "field %s: introspection document is not a field",
                          f->response_key);
    f->introspection_doc = doc;
    f->introspection_field = def->selection_set;
    return true;
}

static bool get_shape(decoder *d, unsigned depth, const plan_shape **out);

/* A list of variable names. */
static bool get_names(decoder *d, const char ***names, uint32_t *n)
{
    if (!bytes_get_count(&d->r, "variable name", 1, n)) return false;
    const char **list = ARENA_ARRAY(d->a, const char *, *n ? *n : 1);
    for (uint32_t i = 0; i < *n; i++)
        if (!bytes_get_required_str(&d->r, "variable name", &list[i])) return false;
    *names = *n ? list : NULL;
    return true;
}

static bool get_guards(decoder *d, plan_shape_field *f)
{
    if (!bytes_get_count(&d->r, "guard", 2, &f->nguards)) return false;
    plan_shape_guard *guards = ARENA_ARRAY(d->a, plan_shape_guard, f->nguards ? f->nguards : 1);
    for (uint32_t i = 0; i < f->nguards; i++) {
        plan_shape_guard *g = &guards[i];
        if (!get_names(d, (const char ***)&g->skip_if, &g->nskip_if) ||
            !get_names(d, (const char ***)&g->include_if, &g->ninclude_if))
            return false;
    }
    f->guards = f->nguards ? guards : NULL;
    return true;
}

static bool get_shape_field(decoder *d, unsigned depth, plan_shape_field *f)
{
    uint32_t kind, present;
    if (!bytes_get_small(&d->r, "shape field kind", PLAN_SHAPE_INTROSPECTION, &kind)) return false;
    f->kind = (plan_shape_kind)kind;
    if (!bytes_get_required_str(&d->r, "response key", &f->response_key) ||
        !bytes_get_required_str(&d->r, "data key", &f->data_key) ||
        !bytes_get_required_str(&d->r, "parent type", &f->parent_type) ||
        !bytes_get_required_str(&d->r, "field name", &f->field_name) ||
        !type_known(d, d->sg->api, f->parent_type) || !get_guards(d, f))
        return false;
    f->type = get_type(d);
    if (d->r.failed || !get_introspection(d, f) ||
        !bytes_get_small(&d->r, "presence flag", 1, &present))
        return false;
    return present ? get_shape(d, depth + 1, &f->selection) : true;
}

/* The distinct variant shapes, then each type with the index of its shape. */
static bool get_variants(decoder *d, unsigned depth, plan_shape *shape)
{
    uint32_t ndistinct;
    if (!bytes_get_count(&d->r, "variant shape", 3, &ndistinct)) return false;
    const plan_shape **distinct = ARENA_ARRAY(d->a, const plan_shape *, ndistinct ? ndistinct : 1);
    for (uint32_t i = 0; i < ndistinct; i++)
        if (!get_shape(d, depth + 1, &distinct[i])) return false;
    if (!bytes_get_count(&d->r, "variant", 2, &shape->nvariants)) return false;
    if (!shape->nvariants != !ndistinct)
        return bytes_fail(&d->r, "%u variant types for %u variant shapes", shape->nvariants,
                          ndistinct);
    if (!shape->nvariants) return true;
    shape->variant_types = ARENA_ARRAY(d->a, const char *, shape->nvariants);
    shape->variants = ARENA_ARRAY(d->a, const plan_shape *, shape->nvariants);
    for (uint32_t i = 0; i < shape->nvariants; i++) {
        uint32_t index;
        if (!bytes_get_required_str(&d->r, "variant type", &shape->variant_types[i]) ||
            !type_known(d, d->sg->api, shape->variant_types[i]))
            return false;
        if (!bytes_get_small(&d->r, "variant shape index", ndistinct - 1, &index)) return false;
        shape->variants[i] = distinct[index];
    }
    return true;
}

static bool get_shape(decoder *d, unsigned depth, const plan_shape **out)
{
    if (depth > PLAN_CODEC_MAX_DEPTH)
        return bytes_fail(&d->r, "shapes nest deeper than %d", PLAN_CODEC_MAX_DEPTH);
    plan_shape *shape = ARENA_NEW(d->a, plan_shape);
    if (!bytes_get_count(&d->r, "shape field", 9, &shape->nfields)) return false;
    shape->fields = ARENA_ARRAY(d->a, plan_shape_field, shape->nfields ? shape->nfields : 1);
    for (uint32_t i = 0; i < shape->nfields; i++)
        if (!get_shape_field(d, depth, &shape->fields[i])) return false;
    if (!get_variants(d, depth, shape)) return false;
    *out = shape;
    return true;
}

static bool get_plan(decoder *d, plan *p)
{
    uint32_t optype;
    uint64_t nfetches, depth;
    if (!bytes_get_small(&d->r, "operation type", AST_OP_SUBSCRIPTION, &optype) ||
        !bytes_get_varint(&d->r, &nfetches) || !bytes_get_varint(&d->r, &depth))
        return false;
    if (nfetches > UINT32_MAX || depth > UINT32_MAX)
        return bytes_fail(&d->r, "fetch count or depth is out of range");
    p->operation_type = (ast_operation_type)optype;
    p->nfetches = (uint32_t)nfetches;
    p->depth = (uint32_t)depth;
    if (!get_optional_node(d, 0, &p->root) || !get_shape(d, 0, &p->shape)) return false;
    if (d->nfetch_nodes != p->nfetches)
        return bytes_fail(&d->r, "the plan says %u fetches, its tree has %llu", p->nfetches,
                          (unsigned long long)d->nfetch_nodes);
    if (d->r.p != d->r.end) return bytes_fail(&d->r, "%zu bytes after the plan", bytes_left(&d->r));
    return true;
}

plan *plan_decode(arena *a, const supergraph *sg, const uint8_t *buf, size_t len, diag_list *errs)
{
    decoder d = {.a = a, .sg = sg};
    bytes_reader_init(&d.r, buf, len, errs, "Invalid plan encoding");
    if (len < 5 || memcmp(buf, "FMPL", 4) != 0) {
        bytes_fail(&d.r, "not a plan (no FMPL header)");
        return NULL;
    }
    if (buf[4] != PLAN_CODEC_VERSION) {
        bytes_fail(&d.r, "format version %u is not supported", buf[4]);
        return NULL;
    }
    d.r.p += 5;
    plan *p = ARENA_NEW(a, plan);
    return bytes_get_strings(&d.r, a, false) && get_plan(&d, p) ? p : NULL;
}
