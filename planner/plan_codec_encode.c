/* plan_codec_encode.c: a plan to bytes (layout in plan_codec.h). The body is
 * written first into a scratch buffer while strings are numbered; the output
 * is then the header, the string table and the body. */
#include <string.h>

#include "bytes.h"
#include "plan_codec.h"
#include "printer.h"

typedef struct encoder {
    bytes_strings strings;
    sbuf body;
} encoder;

static void put_str(encoder *e, const char *s)
{
    bytes_put_varint(&e->body, bytes_strings_ref(&e->strings, s, s ? strlen(s) : 0));
}

static void put_path(encoder *e, const plan_path *path)
{
    bytes_put_varint(&e->body, path->nsteps);
    for (uint32_t i = 0; i < path->nsteps; i++) {
        bytes_put_varint(&e->body, path->steps[i].kind);
        put_str(e, path->steps[i].name);
    }
}

static void put_rewrites(encoder *e, const plan_rewrite *rewrites, uint32_t n)
{
    bytes_put_varint(&e->body, n);
    for (uint32_t i = 0; i < n; i++) {
        put_path(e, &rewrites[i].path);
        put_str(e, rewrites[i].set_to);
        put_str(e, rewrites[i].rename_to);
    }
}

static void put_fetch(encoder *e, const plan_fetch *f)
{
    bytes_put_varint(&e->body, f->graph);
    put_str(e, f->subgraph);
    bytes_put_varint(&e->body, f->operation_type);
    put_str(e, f->operation);
    put_str(e, f->operation_name);
    bytes_put_varint(&e->body, f->nvariables);
    for (uint32_t i = 0; i < f->nvariables; i++)
        put_str(e, f->variables[i]);
    put_str(e, f->requires ? f->requires_text : NULL);
    put_rewrites(e, f->input_rewrites, f->ninput_rewrites);
    put_rewrites(e, f->output_rewrites, f->noutput_rewrites);
}

static void put_node(encoder *e, const plan_node *n);

static void put_optional_node(encoder *e, const plan_node *n)
{
    bytes_put_varint(&e->body, n != NULL);
    if (n) put_node(e, n);
}

static void put_node(encoder *e, const plan_node *n)
{
    bytes_put_varint(&e->body, n->kind);
    switch (n->kind) {
    case PLAN_SEQUENCE:
    case PLAN_PARALLEL:
        bytes_put_varint(&e->body, n->nchildren);
        for (uint32_t i = 0; i < n->nchildren; i++)
            put_node(e, n->children[i]);
        return;
    case PLAN_FETCH:
        put_fetch(e, n->fetch);
        return;
    case PLAN_FLATTEN:
        bytes_put_varint(&e->body, n->npaths);
        for (uint32_t i = 0; i < n->npaths; i++)
            put_path(e, &n->paths[i]);
        put_fetch(e, n->fetch);
        return;
    case PLAN_CONDITION:
        put_str(e, n->condition);
        put_optional_node(e, n->if_clause);
        put_optional_node(e, n->else_clause);
        return;
    }
}

static void put_type(encoder *e, const ast_type *t)
{
    if (!t) {
        bytes_put_varint(&e->body, 0);
        return;
    }
    for (; t->kind != AST_TYPE_NAMED; t = t->of)
        bytes_put_varint(&e->body, t->kind == AST_TYPE_LIST ? 1 : 2);
    bytes_put_varint(&e->body, 3);
    put_str(e, t->name);
}

/* The introspection field's document, printed; NULL for other fields. */
static void put_introspection(encoder *e, const plan_shape_field *f)
{
    if (!f->introspection_doc) {
        put_str(e, NULL);
        return;
    }
    sbuf text;
    sbuf_init(&text);
    print_document(&text, f->introspection_doc);
    put_str(e, arena_strndup(&e->strings.scratch, text.data ? text.data : "", text.len));
    sbuf_free(&text);
}

static void put_strs(encoder *e, const char *const *strs, uint32_t n)
{
    bytes_put_varint(&e->body, n);
    for (uint32_t i = 0; i < n; i++)
        put_str(e, strs[i]);
}

static void put_shape(encoder *e, const plan_shape *shape);

/* The variants: the distinct shapes once each, then every type with the
 * index of its shape (types selecting alike share one shape). */
static void put_variants(encoder *e, const plan_shape *shape)
{
    uint32_t ndistinct = 0;
    uint32_t *index =
        ARENA_ARRAY(&e->strings.scratch, uint32_t, shape->nvariants ? shape->nvariants : 1);
    for (uint32_t i = 0; i < shape->nvariants; i++) {
        uint32_t j = 0;
        while (j < i && shape->variants[j] != shape->variants[i])
            j++;
        index[i] = j < i ? index[j] : ndistinct++;
    }
    bytes_put_varint(&e->body, ndistinct);
    for (uint32_t i = 0, next = 0; i < shape->nvariants; i++) {
        if (index[i] != next) continue;
        put_shape(e, shape->variants[i]);
        next++;
    }
    bytes_put_varint(&e->body, shape->nvariants);
    for (uint32_t i = 0; i < shape->nvariants; i++) {
        put_str(e, shape->variant_types[i]);
        bytes_put_varint(&e->body, index[i]);
    }
}

static void put_shape(encoder *e, const plan_shape *shape)
{
    bytes_put_varint(&e->body, shape->nfields);
    for (uint32_t i = 0; i < shape->nfields; i++) {
        const plan_shape_field *f = &shape->fields[i];
        bytes_put_varint(&e->body, f->kind);
        put_str(e, f->response_key);
        put_str(e, f->data_key);
        put_str(e, f->parent_type);
        put_str(e, f->field_name);
        bytes_put_varint(&e->body, f->nguards);
        for (uint32_t g = 0; g < f->nguards; g++) {
            put_strs(e, f->guards[g].skip_if, f->guards[g].nskip_if);
            put_strs(e, f->guards[g].include_if, f->guards[g].ninclude_if);
        }
        put_type(e, f->type);
        put_introspection(e, f);
        bytes_put_varint(&e->body, f->selection != NULL);
        if (f->selection) put_shape(e, f->selection);
    }
    put_variants(e, shape);
}

void plan_encode(const plan *p, sbuf *out)
{
    encoder e;
    bytes_strings_init(&e.strings);
    sbuf_init(&e.body);
    bytes_put_varint(&e.body, p->operation_type);
    bytes_put_varint(&e.body, p->nfetches);
    bytes_put_varint(&e.body, p->depth);
    put_optional_node(&e, p->root);
    put_shape(&e, p->shape);

    sbuf_append(out, "FMPL", 4);
    sbuf_putc(out, PLAN_CODEC_VERSION);
    bytes_strings_write(&e.strings, out);
    sbuf_append(out, e.body.data ? e.body.data : "", e.body.len);
    sbuf_free(&e.body);
    bytes_strings_free(&e.strings);
}
