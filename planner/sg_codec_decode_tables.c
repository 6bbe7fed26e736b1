/* sg_codec_decode_tables.c: the ownership tables of a supergraph image, for
 * the full schema already decoded. Each type and field lists its graphs in
 * ascending order; the by_graph look-up tables are built from those lists
 * (so they cannot disagree), and what each entry refers to is checked: keys
 * and requires select fields of their type, provides of the field's type,
 * per-graph interfaces are interfaces the type implements, and so on. */
#include <string.h>

#include "sg_codec_int.h"

#define MIN_TYPE_GRAPH 6
#define MIN_FIELD_GRAPH 9
#define MIN_KEY 2
#define MIN_CONTEXT_ARG 6

/* The next graph of an ascending list; *last is the previous one + 1. */
static bool get_graph_index(sgc_decoder *d, uint32_t *last, uint32_t *g)
{
    if (!d->sg->ngraphs) return bytes_fail(&d->r, "graph index in a supergraph without graphs");
    if (!bytes_get_small(&d->r, "graph index", d->sg->ngraphs - 1, g)) return false;
    if (*g < *last) return bytes_fail(&d->r, "graph %u is listed out of order", *g);
    *last = *g + 1;
    return true;
}

static bool get_keys(sgc_decoder *d, const schema_type *t, sg_type_graph *tg)
{
    if (!bytes_get_count(&d->r, "key", MIN_KEY, &tg->nkeys)) return false;
    tg->keys = tg->nkeys ? ARENA_ARRAY(d->a, sg_key, tg->nkeys) : NULL;
    for (uint32_t k = 0; k < tg->nkeys; k++) {
        sg_key *key = &tg->keys[k];
        uint32_t flags;
        if (!sgc_get_fieldset(d, &key->fields) || !bytes_get_small(&d->r, "key flags", 3, &flags))
            return false;
        if (!key->fields.selection) return bytes_fail(&d->r, "key of %s is empty", t->name);
        if (!sgc_check_fieldset(d, t, &key->fields, "key")) return false;
        key->resolvable = flags & 1;
        key->extension = flags & 2;
    }
    return true;
}

/* Types of the full schema by index, of `kind` and among the interfaces or
 * possible types of t (marked with t's index + 1 in d->type_marks). */
static bool get_types(sgc_decoder *d, const char *what, const schema_type *t, schema_kind kind,
                      schema_type ***out, uint32_t *n)
{
    const schema *s = d->sg->full;
    if (!bytes_get_count(&d->r, what, 1, n)) return false;
    *out = *n ? ARENA_ARRAY(d->a, schema_type *, *n) : NULL;
    for (uint32_t i = 0; i < *n; i++) {
        uint32_t index;
        if (!bytes_get_small(&d->r, what, s->ntypes - 1, &index)) return false;
        (*out)[i] = s->types[index];
        if (s->types[index]->kind != kind || d->type_marks[index] != t->index + 1)
            return bytes_fail(&d->r, "%s %s does not fit type %s", what, s->types[index]->name,
                              t->name);
    }
    return true;
}

/* What a graph may say t implements or may be: t's own interfaces and
 * possible types (an interface's possible types are its implementations:
 * the schema decoder checked it), marked for look-ups in constant time. */
static void mark_abstract(sgc_decoder *d, const schema_type *t)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        d->type_marks[t->interfaces[i]->index] = t->index + 1;
    for (uint32_t i = 0; i < t->npossible; i++)
        d->type_marks[t->possible[i]->index] = t->index + 1;
}

static bool get_values(sgc_decoder *d, const schema_type *t, sg_type_graph *tg)
{
    if (!bytes_get_count(&d->r, "graph enum value", 1, &tg->nvalues)) return false;
    if (tg->nvalues && (t->kind != SCHEMA_ENUM || !t->nvalues))
        return bytes_fail(&d->r, "type %s has enum values in a graph", t->name);
    tg->values = tg->nvalues ? ARENA_ARRAY(d->a, const schema_enum_value *, tg->nvalues) : NULL;
    for (uint32_t i = 0; i < tg->nvalues; i++) {
        uint32_t index;
        if (!bytes_get_small(&d->r, "enum value index", t->nvalues - 1, &index)) return false;
        tg->values[i] = &t->values[index];
    }
    return true;
}

static bool get_type_graph(sgc_decoder *d, const schema_type *t, uint32_t *last, sg_type_graph *tg)
{
    uint32_t g, flags;
    if (!get_graph_index(d, last, &g) || !bytes_get_small(&d->r, "type graph flags", 3, &flags))
        return false;
    tg->graph = &d->sg->graphs[g];
    tg->interface_object = flags & 1;
    tg->extension = flags & 2;
    return get_keys(d, t, tg) &&
           get_types(d, "graph interface", t, SCHEMA_INTERFACE, &tg->interfaces,
                     &tg->ninterfaces) &&
           get_types(d, "graph possible type", t, SCHEMA_OBJECT, &tg->possible, &tg->npossible) &&
           get_values(d, t, tg);
}

/* The by_graph tables take a pointer per graph for every type and field,
 * which an image does not pay for byte by byte: their size is bounded by the
 * image's (a supergraph's SDL has about as many bytes per field as its image,
 * so sg_load would take as much for it). */
#define MAX_BY_GRAPH_POINTERS(image_len) (64 * (uint64_t)(image_len) + 65536)

static bool by_graph_fits(sgc_decoder *d)
{
    const schema *s = d->sg->full;
    uint64_t pointers = ((uint64_t)s->ntypes + s->nfields) * d->sg->ngraphs;
    if (pointers <= MAX_BY_GRAPH_POINTERS(d->image_len)) return true;
    return bytes_fail(&d->r, "%u graphs for %u types and %u fields is more than %zu bytes allow",
                      d->sg->ngraphs, s->ntypes, s->nfields, d->image_len);
}

bool sgc_get_type_table(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    const schema *s = sg->full;
    if (!by_graph_fits(d)) return false;
    sg->types = ARENA_ARRAY(d->a, sg_type, s->ntypes ? s->ntypes : 1);
    d->type_marks = ARENA_ARRAY(d->a, uint32_t, s->ntypes ? s->ntypes : 1);
    sg_type_graph **by_graph =
        ARENA_ARRAY(d->a, sg_type_graph *, (size_t)s->ntypes * sg->ngraphs + 1);
    for (uint32_t t = 0; t < s->ntypes; t++) {
        sg_type *st = &sg->types[t];
        uint32_t last = 0;
        st->type = s->types[t];
        st->by_graph = by_graph + (size_t)t * sg->ngraphs;
        if (!bytes_get_count(&d->r, "type graph", MIN_TYPE_GRAPH, &st->ngraphs)) return false;
        st->graphs = st->ngraphs ? ARENA_ARRAY(d->a, sg_type_graph, st->ngraphs) : NULL;
        if (st->ngraphs) mark_abstract(d, st->type);
        for (uint32_t i = 0; i < st->ngraphs; i++) {
            if (!get_type_graph(d, st->type, &last, &st->graphs[i])) return false;
            st->by_graph[st->graphs[i].graph->index] = &st->graphs[i];
        }
    }
    return true;
}

/* ---- fields ---- */

static bool get_context_args(sgc_decoder *d, sg_field_graph *fg)
{
    if (!bytes_get_count(&d->r, "context argument", MIN_CONTEXT_ARG, &fg->ncontext_args))
        return false;
    fg->context_args =
        fg->ncontext_args ? ARENA_ARRAY(d->a, sg_context_arg, fg->ncontext_args) : NULL;
    for (uint32_t i = 0; i < fg->ncontext_args; i++) {
        sg_context_arg *ca = &fg->context_args[i];
        if (!bytes_get_required_str(&d->r, "context argument name", &ca->name) ||
            !bytes_get_required_str(&d->r, "context argument type", &ca->type_text) ||
            !sgc_get_type_ref(d, NULL, &ca->type, NULL) ||
            !bytes_get_required_str(&d->r, "context name", &ca->context) ||
            !sgc_get_fieldset(d, &ca->selection))
            return false;
        if (!ca->selection.selection)
            return bytes_fail(&d->r, "context argument %s has no selection", ca->name);
    }
    return true;
}

static bool get_type_override(sgc_decoder *d, sg_field_graph *fg)
{
    uint32_t present;
    if (!bytes_get_str(&d->r, &fg->type_text) ||
        !bytes_get_small(&d->r, "presence flag", 1, &present))
        return false;
    if (!present != !fg->type_text)
        return bytes_fail(&d->r, "field type text and type do not match");
    if (present && !sgc_get_type_ref(d, NULL, &fg->type, NULL)) return false;
    if (present && !schema_get_type(d->sg->full, ast_type_name(fg->type)))
        return bytes_fail(&d->r, "type %s is not in the supergraph", ast_type_name(fg->type));
    return true;
}

static bool get_field_graph(sgc_decoder *d, const sg_field *sf, uint32_t *last, sg_field_graph *fg)
{
    const schema_field *f = sf->field;
    uint32_t g, flags;
    if (!get_graph_index(d, last, &g)) return false;
    fg->graph = &d->sg->graphs[g];
    if (!d->sg->types[f->parent->index].by_graph[g])
        return bytes_fail(&d->r, "field %s.%s is in graph %s, its type is not", f->parent->name,
                          f->name, fg->graph->name);
    if (!sgc_get_fieldset(d, &fg->requires) || !sgc_get_fieldset(d, &fg->provides) ||
        !sgc_check_fieldset(d, f->parent, &fg->requires, "requires") ||
        !sgc_check_fieldset(d, f->named, &fg->provides, "provides") || !get_type_override(d, fg) ||
        !bytes_get_small(&d->r, "field graph flags", 3, &flags) ||
        !bytes_get_str(&d->r, &fg->override_from) || !bytes_get_str(&d->r, &fg->override_label) ||
        !get_context_args(d, fg))
        return false;
    fg->external = flags & 1;
    fg->used_overridden = flags & 2;
    return true;
}

bool sgc_get_field_table(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    const schema *s = sg->full;
    sg->fields = ARENA_ARRAY(d->a, sg_field, s->nfields ? s->nfields : 1);
    sg_field_graph **by_graph =
        ARENA_ARRAY(d->a, sg_field_graph *, (size_t)s->nfields * sg->ngraphs + 1);
    for (uint32_t t = 0; t < s->ntypes; t++)
        for (uint32_t k = 0; k < s->types[t]->nfields; k++)
            sg->fields[s->types[t]->fields[k].index].field = &s->types[t]->fields[k];
    for (uint32_t i = 0; i < s->nfields; i++) {
        sg_field *sf = &sg->fields[i];
        uint32_t last = 0;
        sf->by_graph = by_graph + (size_t)i * sg->ngraphs;
        if (!bytes_get_count(&d->r, "field graph", MIN_FIELD_GRAPH, &sf->ngraphs)) return false;
        sf->graphs = sf->ngraphs ? ARENA_ARRAY(d->a, sg_field_graph, sf->ngraphs) : NULL;
        for (uint32_t g = 0; g < sf->ngraphs; g++) {
            if (!get_field_graph(d, sf, &last, &sf->graphs[g])) return false;
            sf->by_graph[sf->graphs[g].graph->index] = &sf->graphs[g];
        }
    }
    return true;
}
