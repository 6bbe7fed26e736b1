/* plan_codec_decode.c: bytes to a plan (layout in plan_codec.h), for bytes
 * that may be anything. Every read checks what is left; every count is
 * checked against the bytes left before anything is allocated for it (each
 * item takes at least a known number of bytes); nesting is counted; the first
 * problem stops the decode with one error. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "plan_codec.h"

typedef struct decoder {
    arena *a;
    const supergraph *sg;
    diag_list *errs;
    const uint8_t *p, *end;
    const char **strings;
    uint32_t nstrings;
    uint64_t nfetch_nodes; /* Fetch and Flatten nodes seen, to check the plan's count */
    bool failed;
} decoder;

/* Records the first problem; always false, for `return fail(...)`. */
static bool fail(decoder *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(decoder *d, const char *fmt, ...)
{
    if (!d->failed) {
        char what[200];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        diag_add(d->errs, (src_loc){0, 0}, "Invalid plan encoding: %s", what);
    }
    d->failed = true;
    return false;
}

static size_t left(const decoder *d)
{
    return (size_t)(d->end - d->p);
}

static bool get_varint(decoder *d, uint64_t *v)
{
    uint64_t x = 0;
    *v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (d->p == d->end) return fail(d, "cut short");
        uint8_t byte = *d->p++;
        if (shift == 63 && byte > 1) break;
        x |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *v = x;
            return true;
        }
    }
    return fail(d, "integer too long");
}

/* A count of items that each take at least min_size bytes: more than the
 * bytes left can hold is a lie, refused before anything is allocated, so the
 * memory a decode takes stays within a small multiple of its input. */
static bool get_count(decoder *d, const char *what, size_t min_size, uint32_t *n)
{
    uint64_t v;
    *n = 0;
    if (!get_varint(d, &v)) return false;
    if (v > left(d) / min_size)
        return fail(d, "%s count %llu is more than the bytes left", what, (unsigned long long)v);
    *n = (uint32_t)v;
    return true;
}

/* An enumeration value up to max. */
static bool get_small(decoder *d, const char *what, uint32_t max, uint32_t *out)
{
    uint64_t v;
    *out = 0;
    if (!get_varint(d, &v)) return false;
    if (v > max) return fail(d, "%s %llu is out of range", what, (unsigned long long)v);
    *out = (uint32_t)v;
    return true;
}

static bool get_str(decoder *d, const char **s)
{
    uint64_t id;
    if (!get_varint(d, &id)) return false;
    if (id > d->nstrings) return fail(d, "string %llu is not in the table", (unsigned long long)id);
    *s = id ? d->strings[id - 1] : NULL;
    return true;
}

static bool get_required_str(decoder *d, const char *what, const char **s)
{
    if (!get_str(d, s)) return false;
    return *s ? true : fail(d, "%s is missing", what);
}

static bool get_strings(decoder *d)
{
    if (!get_count(d, "string table", 1, &d->nstrings)) return false;
    d->strings = ARENA_ARRAY(d->a, const char *, d->nstrings ? d->nstrings : 1);
    for (uint32_t i = 0; i < d->nstrings; i++) {
        uint64_t len;
        if (!get_varint(d, &len)) return false;
        if (len > left(d))
            return fail(d, "string of %llu bytes is cut short", (unsigned long long)len);
        if (memchr(d->p, '\0', len)) return fail(d, "string %u holds a NUL byte", i + 1);
        d->strings[i] = arena_strndup(d->a, (const char *)d->p, len);
        d->p += len;
    }
    return true;
}

static bool type_known(decoder *d, const schema *s, const char *name)
{
    return schema_get_type(s, name) ? true : fail(d, "type %s is not in the supergraph", name);
}

static bool get_path(decoder *d, plan_path *path)
{
    if (!get_count(d, "path step", 2, &path->nsteps)) return false;
    path->steps = ARENA_ARRAY(d->a, plan_path_step, path->nsteps ? path->nsteps : 1);
    for (uint32_t i = 0; i < path->nsteps; i++) {
        plan_path_step *s = &path->steps[i];
        uint32_t kind;
        if (!get_small(d, "path step kind", PLAN_PATH_TYPE, &kind)) return false;
        s->kind = (plan_path_kind)kind;
        if (!get_str(d, &s->name)) return false;
        if (s->kind != PLAN_PATH_LIST && !s->name) return fail(d, "path step has no name");
        if (s->kind == PLAN_PATH_TYPE && !type_known(d, d->sg->full, s->name)) return false;
    }
    return true;
}

static bool get_rewrites(decoder *d, const plan_rewrite **out, uint32_t *n)
{
    if (!get_count(d, "rewrite", 3, n)) return false;
    plan_rewrite *rewrites = ARENA_ARRAY(d->a, plan_rewrite, *n ? *n : 1);
    for (uint32_t i = 0; i < *n; i++) {
        plan_rewrite *r = &rewrites[i];
        if (!get_path(d, &r->path) || !get_str(d, &r->set_to) || !get_str(d, &r->rename_to))
            return false;
        if (!r->set_to == !r->rename_to) return fail(d, "rewrite %u must either set or rename", i);
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
        return fail(d, "requires is not a selection set");
    *out = def->selection_set;
    return true;
}

static bool get_fetch(decoder *d, bool entities, plan_fetch **out)
{
    plan_fetch *f = ARENA_NEW(d->a, plan_fetch);
    uint64_t graph;
    uint32_t optype;
    if (!get_varint(d, &graph) || !get_required_str(d, "subgraph name", &f->subgraph)) return false;
    if (graph >= d->sg->ngraphs)
        return fail(d, "graph %llu is out of range (the supergraph has %u)",
                    (unsigned long long)graph, d->sg->ngraphs);
    f->graph = (uint32_t)graph;
    if (strcmp(d->sg->graphs[graph].name, f->subgraph) != 0)
        return fail(d, "subgraph %s is not the supergraph's graph %llu", f->subgraph,
                    (unsigned long long)graph);
    if (!get_small(d, "operation type", AST_OP_SUBSCRIPTION, &optype)) return false;
    f->operation_type = (ast_operation_type)optype;
    if (!get_required_str(d, "operation", &f->operation) || !get_str(d, &f->operation_name) ||
        !get_count(d, "variable", 1, &f->nvariables))
        return false;
    const char **vars = ARENA_ARRAY(d->a, const char *, f->nvariables ? f->nvariables : 1);
    for (uint32_t i = 0; i < f->nvariables; i++)
        if (!get_required_str(d, "variable name", &vars[i])) return false;
    f->variables = f->nvariables ? vars : NULL;
    if (!get_str(d, &f->requires_text)) return false;
    if (entities != (f->requires_text != NULL))
        return fail(d, "%s", entities ? "entity fetch has no requires" : "root fetch has requires");
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
    if (!get_small(d, "presence flag", 1, &present)) return false;
    return present ? get_node(d, depth, out) : true;
}

static bool get_node(decoder *d, unsigned depth, plan_node **out)
{
    if (depth > PLAN_CODEC_MAX_DEPTH)
        return fail(d, "nodes nest deeper than %d", PLAN_CODEC_MAX_DEPTH);
    plan_node *n = ARENA_NEW(d->a, plan_node);
    uint32_t kind;
    if (!get_small(d, "node kind", PLAN_CONDITION, &kind)) return false;
    n->kind = (plan_kind)kind;
    switch (n->kind) {
    case PLAN_SEQUENCE:
    case PLAN_PARALLEL:
        if (!get_count(d, "child", 2, &n->nchildren)) return false;
        n->children = ARENA_ARRAY(d->a, plan_node *, n->nchildren ? n->nchildren : 1);
        for (uint32_t i = 0; i < n->nchildren; i++)
            if (!get_node(d, depth + 1, &n->children[i])) return false;
        break;
    case PLAN_FETCH:
        if (!get_fetch(d, false, &n->fetch)) return false;
        d->nfetch_nodes++;
        break;
    case PLAN_FLATTEN:
        if (!get_count(d, "path", 1, &n->npaths)) return false;
        if (n->npaths == 0) return fail(d, "flatten has no path");
        n->paths = ARENA_ARRAY(d->a, plan_path, n->npaths);
        for (uint32_t i = 0; i < n->npaths; i++)
            if (!get_path(d, &n->paths[i])) return false;
        if (!get_fetch(d, true, &n->fetch)) return false;
        d->nfetch_nodes++;
        break;
    case PLAN_CONDITION:
        if (!get_required_str(d, "condition variable", &n->condition) ||
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
            fail(d, "type wrappers nest deeper than %d", PLAN_CODEC_MAX_DEPTH);
            return NULL;
        }
        if (!get_small(d, "type kind", 3, &kind)) return NULL;
        if (kind == 0 && level == 0) return NULL;
        if (kind == 0) {
            fail(d, "type kind 0 inside a type");
            return NULL;
        }
        ast_type *t = ARENA_NEW(d->a, ast_type);
        t->kind = kind == 1 ? AST_TYPE_LIST : kind == 2 ? AST_TYPE_NON_NULL : AST_TYPE_NAMED;
        *link = t;
        link = &t->of;
        if (t->kind == AST_TYPE_NAMED) {
            if (!get_required_str(d, "type name", &t->name)) return NULL;
            return type_known(d, d->sg->full, t->name) ? first : NULL;
        }
    }
}

static bool get_introspection(decoder *d, plan_shape_field *f)
{
    const char *text;
    if (!get_str(d, &text)) return false;
    if ((f->kind == PLAN_SHAPE_INTROSPECTION) != (text != NULL))
        return fail(d, "field %s: introspection document does not match its kind", f->response_key);
    if (!text) return true;
    parse_error err;
    ast_document *doc = parse_document(d->a, text, strlen(text), NULL, &err);
    const ast_definition *def = doc ? doc->definitions : NULL;
    if (!def || def->kind != AST_DEF_OPERATION || !def->selection_set ||
        def->selection_set->kind != AST_SEL_FIELD)
        return fail(d, "field %s: introspection document is not a field", f->response_key);
    f->introspection_doc = doc;
    f->introspection_field = def->selection_set;
    return true;
}

static bool get_shape(decoder *d, unsigned depth, const plan_shape **out);

/* A list of variable names. */
static bool get_names(decoder *d, const char ***names, uint32_t *n)
{
    if (!get_count(d, "variable name", 1, n)) return false;
    const char **list = ARENA_ARRAY(d->a, const char *, *n ? *n : 1);
    for (uint32_t i = 0; i < *n; i++)
        if (!get_required_str(d, "variable name", &list[i])) return false;
    *names = *n ? list : NULL;
    return true;
}

static bool get_guards(decoder *d, plan_shape_field *f)
{
    if (!get_count(d, "guard", 2, &f->nguards)) return false;
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
    if (!get_small(d, "shape field kind", PLAN_SHAPE_INTROSPECTION, &kind)) return false;
    f->kind = (plan_shape_kind)kind;
    if (!get_required_str(d, "response key", &f->response_key) ||
        !get_required_str(d, "data key", &f->data_key) ||
        !get_required_str(d, "parent type", &f->parent_type) ||
        !get_required_str(d, "field name", &f->field_name) ||
        !type_known(d, d->sg->api, f->parent_type) || !get_guards(d, f))
        return false;
    f->type = get_type(d);
    if (d->failed || !get_introspection(d, f) || !get_small(d, "presence flag", 1, &present))
        return false;
    return present ? get_shape(d, depth + 1, &f->selection) : true;
}

/* The distinct variant shapes, then each type with the index of its shape. */
static bool get_variants(decoder *d, unsigned depth, plan_shape *shape)
{
    uint32_t ndistinct;
    if (!get_count(d, "variant shape", 3, &ndistinct)) return false;
    const plan_shape **distinct = ARENA_ARRAY(d->a, const plan_shape *, ndistinct ? ndistinct : 1);
    for (uint32_t i = 0; i < ndistinct; i++)
        if (!get_shape(d, depth + 1, &distinct[i])) return false;
    if (!get_count(d, "variant", 2, &shape->nvariants)) return false;
    if (!shape->nvariants != !ndistinct)
        return fail(d, "%u variant types for %u variant shapes", shape->nvariants, ndistinct);
    if (!shape->nvariants) return true;
    shape->variant_types = ARENA_ARRAY(d->a, const char *, shape->nvariants);
    shape->variants = ARENA_ARRAY(d->a, const plan_shape *, shape->nvariants);
    for (uint32_t i = 0; i < shape->nvariants; i++) {
        uint32_t index;
        if (!get_required_str(d, "variant type", &shape->variant_types[i]) ||
            !type_known(d, d->sg->api, shape->variant_types[i]))
            return false;
        if (!get_small(d, "variant shape index", ndistinct - 1, &index)) return false;
        shape->variants[i] = distinct[index];
    }
    return true;
}

static bool get_shape(decoder *d, unsigned depth, const plan_shape **out)
{
    if (depth > PLAN_CODEC_MAX_DEPTH)
        return fail(d, "shapes nest deeper than %d", PLAN_CODEC_MAX_DEPTH);
    plan_shape *shape = ARENA_NEW(d->a, plan_shape);
    if (!get_count(d, "shape field", 9, &shape->nfields)) return false;
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
    if (!get_small(d, "operation type", AST_OP_SUBSCRIPTION, &optype) ||
        !get_varint(d, &nfetches) || !get_varint(d, &depth))
        return false;
    if (nfetches > UINT32_MAX || depth > UINT32_MAX)
        return fail(d, "fetch count or depth is out of range");
    p->operation_type = (ast_operation_type)optype;
    p->nfetches = (uint32_t)nfetches;
    p->depth = (uint32_t)depth;
    if (!get_optional_node(d, 0, &p->root) || !get_shape(d, 0, &p->shape)) return false;
    if (d->nfetch_nodes != p->nfetches)
        return fail(d, "the plan says %u fetches, its tree has %llu", p->nfetches,
                    (unsigned long long)d->nfetch_nodes);
    if (d->p != d->end) return fail(d, "%zu bytes after the plan", left(d));
    return true;
}

plan *plan_decode(arena *a, const supergraph *sg, const uint8_t *buf, size_t len, diag_list *errs)
{
    decoder d = {.a = a, .sg = sg, .errs = errs, .p = buf, .end = buf + len};
    if (len < 5 || memcmp(buf, "FMPL", 4) != 0) {
        fail(&d, "not a plan (no FMPL header)");
        return NULL;
    }
    if (buf[4] != PLAN_CODEC_VERSION) {
        fail(&d, "format version %u is not supported", buf[4]);
        return NULL;
    }
    d.p += 5;
    plan *p = ARENA_NEW(a, plan);
    return get_strings(&d) && get_plan(&d, p) ? p : NULL;
}
