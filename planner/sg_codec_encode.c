/* sg_codec_encode.c: a loaded supergraph to its image (layout in
 * sg_codec.h). The body is written first while strings and applied
 * directives are numbered; the output is then the header, the string table,
 * the directive table and the body. Types, fields, graphs and enum values
 * are written as their dense indexes. */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "sg_codec.h"

/* Applied directives, each distinct encoding once: a supergraph applies
 * the same @join__field(graph: X) to thousands of fields. */
typedef struct directive_table {
    sbuf bytes;        /* the distinct encodings, one after the other */
    uint32_t *offsets; /* [count + 1]: where each begins, then the end */
    uint32_t count, cap;
    uint32_t *slots; /* hash table of index + 1, 0 = free */
    uint32_t nslots; /* power of two */
} directive_table;

typedef struct encoder {
    bytes_strings strings;
    sbuf body;
    directive_table directives;
    sbuf scratch; /* one directive being encoded */
} encoder;

static void put_uint(encoder *e, uint64_t v)
{
    bytes_put_varint(&e->body, v);
}

static void put_str(encoder *e, const char *s)
{
    put_uint(e, bytes_strings_ref(&e->strings, s, s ? strlen(s) : 0));
}

static void put_value(encoder *e, const ast_value *v)
{
    put_uint(e, v->kind);
    switch (v->kind) {
    case AST_VALUE_STRING:
        put_uint(e, bytes_strings_ref(&e->strings, v->str, v->len));
        put_uint(e, v->block);
        return;
    case AST_VALUE_BOOLEAN:
        put_uint(e, v->boolean);
        return;
    case AST_VALUE_NULL:
        return;
    case AST_VALUE_LIST: {
        uint32_t n = 0;
        for (const ast_value *it = v->items; it; it = it->next)
            n++;
        put_uint(e, n);
        for (const ast_value *it = v->items; it; it = it->next)
            put_value(e, it);
        return;
    }
    case AST_VALUE_OBJECT: {
        uint32_t n = 0;
        for (const ast_object_field *f = v->fields; f; f = f->next)
            n++;
        put_uint(e, n);
        for (const ast_object_field *f = v->fields; f; f = f->next) {
            put_str(e, f->name);
            put_value(e, f->value);
        }
        return;
    }
    default: /* variable, int, float, enum */
        put_str(e, v->str);
        return;
    }
}

static void put_optional_value(encoder *e, const ast_value *v)
{
    put_uint(e, v != NULL);
    if (v) put_value(e, v);
}

static void put_arguments(encoder *e, const ast_argument *args)
{
    uint32_t n = 0;
    for (const ast_argument *a = args; a; a = a->next)
        n++;
    put_uint(e, n);
    for (const ast_argument *a = args; a; a = a->next) {
        put_str(e, a->name);
        put_value(e, a->value);
    }
}

static void put_directive(encoder *e, const ast_directive *d)
{
    put_str(e, d->name);
    put_arguments(e, d->arguments);
}

static const char *table_entry(const directive_table *t, uint32_t i, uint32_t *len)
{
    *len = t->offsets[i + 1] - t->offsets[i];
    return t->bytes.data + t->offsets[i];
}

static void table_grow(directive_table *t)
{
    uint32_t nslots = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots) abort();
    for (uint32_t i = 0; i < t->count; i++) {
        uint32_t len;
        const char *bytes = table_entry(t, i, &len);
        uint32_t at = strmap_hash(bytes, len) & (nslots - 1);
        while (slots[at])
            at = (at + 1) & (nslots - 1);
        slots[at] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
}

/* The index of the directive encoded as bytes[0..len), added when new. */
static uint32_t table_ref(directive_table *t, const char *bytes, uint32_t len)
{
    if (2 * (t->count + 1) > t->nslots) table_grow(t);
    uint32_t at = strmap_hash(bytes, len) & (t->nslots - 1);
    for (; t->slots[at]; at = (at + 1) & (t->nslots - 1)) {
        uint32_t known_len;
        const char *known = table_entry(t, t->slots[at] - 1, &known_len);
        if (known_len == len && memcmp(known, bytes, len) == 0) return t->slots[at] - 1;
    }
    if (t->count + 2 > t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->offsets = realloc(t->offsets, sizeof *t->offsets * t->cap);
        if (!t->offsets) abort();
    }
    t->offsets[t->count] = (uint32_t)t->bytes.len;
    sbuf_append(&t->bytes, bytes, len);
    t->offsets[t->count + 1] = (uint32_t)t->bytes.len;
    t->slots[at] = t->count + 1;
    return t->count++;
}

/* An applied directive of the schema, by its index in the directive table. */
static void put_directive_ref(encoder *e, const ast_directive *d)
{
    sbuf body = e->body;
    sbuf_reset(&e->scratch);
    e->body = e->scratch;
    put_directive(e, d);
    e->scratch = e->body;
    e->body = body;
    put_uint(e, table_ref(&e->directives, e->scratch.data, (uint32_t)e->scratch.len));
}

static void put_directive_array(encoder *e, const ast_directive *const *dirs, uint32_t n)
{
    put_uint(e, n);
    for (uint32_t i = 0; i < n; i++)
        put_directive_ref(e, dirs[i]);
}

/* A selection list; selection sets are never empty, so 0 means none. */
static void put_selections(encoder *e, const ast_selection *sel)
{
    uint32_t n = 0;
    for (const ast_selection *s = sel; s; s = s->next)
        n++;
    put_uint(e, n);
    for (; sel; sel = sel->next) {
        put_uint(e, sel->kind);
        put_str(e, sel->alias);
        put_str(e, sel->name);
        put_str(e, sel->type_condition);
        put_arguments(e, sel->arguments);
        uint32_t ndirs = 0;
        for (const ast_directive *d = sel->directives; d; d = d->next)
            ndirs++;
        put_uint(e, ndirs);
        for (const ast_directive *d = sel->directives; d; d = d->next)
            put_directive(e, d);
        put_selections(e, sel->selection_set);
    }
}

static void put_fieldset(encoder *e, const sg_fieldset *fs)
{
    put_str(e, fs->selection ? fs->text : NULL);
    if (fs->selection) put_selections(e, fs->selection);
}

/* Wrappers outside in, then the named type: by index (a schema's fields,
 * whose named type is resolved) or by name (the ownership tables' types as a
 * graph writes them: named is NULL). */
static void put_type_ref(encoder *e, const ast_type *t, const schema_type *named)
{
    for (; t->kind != AST_TYPE_NAMED; t = t->of)
        put_uint(e, t->kind == AST_TYPE_LIST ? 1 : 2);
    put_uint(e, 3);
    if (named)
        put_uint(e, named->index);
    else
        put_str(e, t->name);
}

static void put_field(encoder *e, const schema_field *f, bool with_args)
{
    put_str(e, f->name);
    put_str(e, f->description);
    put_type_ref(e, f->type, f->named);
    put_optional_value(e, f->default_value);
    put_uint(e, f->deprecated);
    put_str(e, f->deprecation_reason);
    put_directive_array(e, f->directives, f->ndirectives);
    if (!with_args) return;
    put_uint(e, f->nargs);
    for (uint32_t i = 0; i < f->nargs; i++)
        put_field(e, &f->args[i], false);
}

static void put_type_list(encoder *e, schema_type *const *types, uint32_t n)
{
    put_uint(e, n);
    for (uint32_t i = 0; i < n; i++)
        put_uint(e, types[i]->index);
}

static void put_fields(encoder *e, const schema_type *t)
{
    put_uint(e, t->nfields);
    for (uint32_t i = 0; i < t->nfields; i++)
        put_field(e, &t->fields[i], t->kind != SCHEMA_INPUT_OBJECT);
}

static void put_enum_values(encoder *e, const schema_type *t)
{
    put_uint(e, t->nvalues);
    for (uint32_t i = 0; i < t->nvalues; i++) {
        const schema_enum_value *v = &t->values[i];
        put_str(e, v->name);
        put_str(e, v->description);
        put_uint(e, v->deprecated);
        put_str(e, v->deprecation_reason);
        put_directive_array(e, v->directives, v->ndirectives);
    }
}

static void put_type(encoder *e, const schema_type *t)
{
    put_str(e, t->description);
    put_uint(e, t->builtin);
    put_str(e, t->specified_by_url);
    put_directive_array(e, t->directives, t->ndirectives);
    switch (t->kind) {
    case SCHEMA_OBJECT:
    case SCHEMA_INTERFACE:
        put_fields(e, t);
        put_type_list(e, t->interfaces, t->ninterfaces);
        if (t->kind == SCHEMA_INTERFACE) put_type_list(e, t->possible, t->npossible);
        return;
    case SCHEMA_UNION:
        put_type_list(e, t->possible, t->npossible);
        return;
    case SCHEMA_ENUM:
        put_enum_values(e, t);
        return;
    case SCHEMA_INPUT_OBJECT:
        put_fields(e, t);
        return;
    case SCHEMA_SCALAR:
        return;
    }
}

static void put_directive_def(encoder *e, const schema_directive *d)
{
    put_str(e, d->name);
    put_str(e, d->description);
    put_uint(e, d->nargs);
    for (uint32_t i = 0; i < d->nargs; i++)
        put_field(e, &d->args[i], false);
    put_uint(e, d->repeatable);
    put_uint(e, d->locations);
    uint32_t n = 0;
    for (const ast_name *l = d->location_names; l; l = l->next)
        n++;
    put_uint(e, n);
    for (const ast_name *l = d->location_names; l; l = l->next)
        put_str(e, l->name);
    put_uint(e, d->builtin);
}

static void put_root(encoder *e, const schema_type *t)
{
    put_uint(e, t ? t->index + 1 : 0);
}

static void put_schema(encoder *e, const schema *s)
{
    put_str(e, s->description);
    put_uint(e, s->ntypes);
    put_uint(e, s->nfields);
    put_uint(e, s->ndirectives);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        put_str(e, s->types[i]->name);
        put_uint(e, s->types[i]->kind);
    }
    for (uint32_t i = 0; i < s->ntypes; i++)
        put_type(e, s->types[i]);
    for (uint32_t i = 0; i < s->ndirectives; i++)
        put_directive_def(e, s->directives[i]);
    put_root(e, s->query);
    put_root(e, s->mutation);
    put_root(e, s->subscription);
    put_directive_array(e, s->schema_directives, s->nschema_directives);
}

static void put_features(encoder *e, const supergraph *sg)
{
    put_uint(e, sg->nfeatures);
    for (uint32_t i = 0; i < sg->nfeatures; i++) {
        const sg_feature *f = &sg->features[i];
        put_str(e, f->url);
        put_str(e, f->identity);
        put_str(e, f->name);
        put_uint(e, f->major);
        put_uint(e, f->minor);
        put_str(e, f->prefix);
        put_str(e, f->purpose);
        put_uint(e, f->nimports);
        for (uint32_t k = 0; k < f->nimports; k++) {
            put_str(e, f->imports[k].name);
            put_str(e, f->imports[k].as);
        }
    }
    put_uint(e, sg->join ? (uint64_t)(sg->join - sg->features) + 1 : 0);
}

static void put_type_graph(encoder *e, const sg_type *st, const sg_type_graph *tg)
{
    put_uint(e, tg->graph->index);
    put_uint(e, (tg->interface_object ? 1u : 0) | (tg->extension ? 2u : 0));
    put_uint(e, tg->nkeys);
    for (uint32_t k = 0; k < tg->nkeys; k++) {
        put_fieldset(e, &tg->keys[k].fields);
        put_uint(e, (tg->keys[k].resolvable ? 1u : 0) | (tg->keys[k].extension ? 2u : 0));
    }
    put_type_list(e, tg->interfaces, tg->ninterfaces);
    put_type_list(e, tg->possible, tg->npossible);
    put_uint(e, tg->nvalues);
    for (uint32_t k = 0; k < tg->nvalues; k++)
        put_uint(e, (uint64_t)(tg->values[k] - st->type->values));
}

static void put_field_graph(encoder *e, const sg_field_graph *fg)
{
    put_uint(e, fg->graph->index);
    put_fieldset(e, &fg->requires);
    put_fieldset(e, &fg->provides);
    put_str(e, fg->type_text);
    put_uint(e, fg->type != NULL);
    if (fg->type) put_type_ref(e, fg->type, NULL);
    put_uint(e, (fg->external ? 1u : 0) | (fg->used_overridden ? 2u : 0));
    put_str(e, fg->override_from);
    put_str(e, fg->override_label);
    put_uint(e, fg->ncontext_args);
    for (uint32_t i = 0; i < fg->ncontext_args; i++) {
        const sg_context_arg *ca = &fg->context_args[i];
        put_str(e, ca->name);
        put_str(e, ca->type_text);
        put_type_ref(e, ca->type, NULL);
        put_str(e, ca->context);
        put_fieldset(e, &ca->selection);
    }
}

static void put_join_directive(encoder *e, const sg_join_directive *jd)
{
    put_str(e, jd->name);
    put_optional_value(e, jd->args);
    put_uint(e, jd->ngraphs);
    for (uint32_t i = 0; i < jd->ngraphs; i++)
        put_uint(e, jd->graphs[i]->index);
    put_uint(e, jd->target);
    if (jd->target == SG_TARGET_TYPE) put_uint(e, jd->type->index);
    if (jd->target == SG_TARGET_FIELD) put_uint(e, jd->field->index);
}

static void put_supergraph(encoder *e, const supergraph *sg)
{
    put_uint(e, sg->fed1);
    put_uint(e, sg->ngraphs);
    for (uint32_t i = 0; i < sg->ngraphs; i++) {
        put_str(e, sg->graphs[i].enum_value);
        put_str(e, sg->graphs[i].name);
        put_str(e, sg->graphs[i].url);
    }
    put_features(e, sg);
    put_schema(e, sg->full);
    put_schema(e, sg->api);
    for (uint32_t t = 0; t < sg->full->ntypes; t++) {
        const sg_type *st = &sg->types[t];
        put_uint(e, st->ngraphs);
        for (uint32_t g = 0; g < st->ngraphs; g++)
            put_type_graph(e, st, &st->graphs[g]);
    }
    for (uint32_t f = 0; f < sg->full->nfields; f++) {
        const sg_field *sf = &sg->fields[f];
        put_uint(e, sf->ngraphs);
        for (uint32_t g = 0; g < sf->ngraphs; g++)
            put_field_graph(e, &sf->graphs[g]);
    }
    put_uint(e, sg->ndirectives);
    for (uint32_t i = 0; i < sg->ndirectives; i++)
        put_join_directive(e, &sg->directives[i]);
    for (uint32_t f = 0; f < sg->api->nfields; f++)
        put_uint(e, sg->api_to_full[f]->index);
}

void sg_encode(const supergraph *sg, sbuf *out)
{
    encoder e = {0};
    bytes_strings_init(&e.strings);
    sbuf_init(&e.body);
    sbuf_init(&e.scratch);
    sbuf_init(&e.directives.bytes);
    put_supergraph(&e, sg);
    sbuf_append(out, "FMSG", 4);
    sbuf_putc(out, SG_CODEC_VERSION);
    bytes_strings_write(&e.strings, out);
    bytes_put_varint(out, e.directives.count);
    sbuf_append(out, e.directives.bytes.data ? e.directives.bytes.data : "",
                e.directives.bytes.len);
    sbuf_append(out, e.body.data ? e.body.data : "", e.body.len);
    sbuf_free(&e.body);
    sbuf_free(&e.scratch);
    sbuf_free(&e.directives.bytes);
    free(e.directives.offsets);
    free(e.directives.slots);
    bytes_strings_free(&e.strings);
}
