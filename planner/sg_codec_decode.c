/* sg_codec_decode.c: sg_decode, a supergraph image (layout in sg_codec.h)
 * back into a supergraph: the header and string table, the graphs and
 * features, then the schemas (sg_codec_decode_schema.c), the ownership
 * tables (sg_codec_decode_tables.c), the @join__directive list and the API
 * field map. The first problem stops the decode with one error. */
#include <string.h>

#include "sg_codec_int.h"

#define MIN_GRAPH 3
#define MIN_FEATURE 8
#define MIN_IMPORT 2
#define MIN_JOIN_DIRECTIVE 4

static bool get_graphs(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    if (!bytes_get_count(&d->r, "graph", MIN_GRAPH, &sg->ngraphs)) return false;
    sg->graphs = ARENA_ARRAY(d->a, sg_graph, sg->ngraphs ? sg->ngraphs : 1);
    strmap names, enum_values; /* for duplicates, in linear time */
    strmap_init(&names, d->a, sg->ngraphs);
    strmap_init(&enum_values, d->a, sg->ngraphs);
    for (uint32_t i = 0; i < sg->ngraphs; i++) {
        sg_graph *g = &sg->graphs[i];
        g->index = i;
        if (!bytes_get_required_str(&d->r, "graph enum value", &g->enum_value) ||
            !bytes_get_required_str(&d->r, "graph name", &g->name) ||
            !bytes_get_required_str(&d->r, "graph url", &g->url))
            return false;
        if (strmap_put(&enum_values, g->enum_value, g))
            return bytes_fail(&d->r, "graph enum value %s is listed twice", g->enum_value);
        if (strmap_put(&names, g->name, g))
            return bytes_fail(&d->r, "subgraph %s is listed twice", g->name);
    }
    return true;
}

static bool get_uint32(sgc_decoder *d, const char *what, uint32_t *out)
{
    return bytes_get_small(&d->r, what, UINT32_MAX, out);
}

static bool get_imports(sgc_decoder *d, sg_feature *f)
{
    if (!bytes_get_count(&d->r, "import", MIN_IMPORT, &f->nimports)) return false;
    f->imports = f->nimports ? ARENA_ARRAY(d->a, sg_import, f->nimports) : NULL;
    for (uint32_t i = 0; i < f->nimports; i++)
        if (!bytes_get_required_str(&d->r, "import name", &f->imports[i].name) ||
            !bytes_get_required_str(&d->r, "import alias", &f->imports[i].as))
            return false;
    return true;
}

static bool get_features(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    uint32_t join;
    if (!bytes_get_count(&d->r, "feature", MIN_FEATURE, &sg->nfeatures)) return false;
    sg->features = ARENA_ARRAY(d->a, sg_feature, sg->nfeatures ? sg->nfeatures : 1);
    for (uint32_t i = 0; i < sg->nfeatures; i++) {
        sg_feature *f = &sg->features[i];
        if (!bytes_get_required_str(&d->r, "feature url", &f->url) ||
            !bytes_get_required_str(&d->r, "feature identity", &f->identity) ||
            !bytes_get_required_str(&d->r, "feature name", &f->name) ||
            !get_uint32(d, "feature major version", &f->major) ||
            !get_uint32(d, "feature minor version", &f->minor) ||
            !bytes_get_required_str(&d->r, "feature prefix", &f->prefix) ||
            !bytes_get_str(&d->r, &f->purpose) || !get_imports(d, f))
            return false;
    }
    if (!bytes_get_small(&d->r, "join feature", sg->nfeatures, &join)) return false;
    sg->join = join ? &sg->features[join - 1] : NULL;
    return true;
}

static bool get_join_target(sgc_decoder *d, sg_join_directive *jd)
{
    const schema *s = d->sg->full;
    uint32_t target, index;
    if (!bytes_get_small(&d->r, "join directive target", SG_TARGET_FIELD, &target)) return false;
    jd->target = (sg_target_kind)target;
    if (jd->target == SG_TARGET_TYPE) {
        if (!s->ntypes) return bytes_fail(&d->r, "join directive on a type of none");
        if (!bytes_get_small(&d->r, "type index", s->ntypes - 1, &index)) return false;
        jd->type = s->types[index];
    } else if (jd->target == SG_TARGET_FIELD) {
        if (!s->nfields) return bytes_fail(&d->r, "join directive on a field of none");
        if (!bytes_get_small(&d->r, "field index", s->nfields - 1, &index)) return false;
        jd->field = d->sg->fields[index].field;
        jd->type = jd->field->parent;
    }
    return true;
}

static bool get_join_directives(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    if (!bytes_get_count(&d->r, "join directive", MIN_JOIN_DIRECTIVE, &sg->ndirectives))
        return false;
    sg->directives = ARENA_ARRAY(d->a, sg_join_directive, sg->ndirectives ? sg->ndirectives : 1);
    for (uint32_t i = 0; i < sg->ndirectives; i++) {
        sg_join_directive *jd = &sg->directives[i];
        if (!bytes_get_required_str(&d->r, "join directive name", &jd->name) ||
            !sgc_get_optional_value(d, &jd->args) ||
            !bytes_get_count(&d->r, "join directive graph", 1, &jd->ngraphs))
            return false;
        const sg_graph **graphs =
            ARENA_ARRAY(d->a, const sg_graph *, jd->ngraphs ? jd->ngraphs : 1);
        for (uint32_t k = 0; k < jd->ngraphs; k++) {
            uint32_t g;
            if (!sg->ngraphs) return bytes_fail(&d->r, "join directive graph of none");
            if (!bytes_get_small(&d->r, "graph index", sg->ngraphs - 1, &g)) return false;
            graphs[k] = &sg->graphs[g];
        }
        jd->graphs = graphs;
        if (!get_join_target(d, jd)) return false;
    }
    return true;
}

/* Every API type has its twin in the full schema, and every API field maps
 * to the field of the same name on the twin. */
static bool get_api_map(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    const schema *api = sg->api, *full = sg->full;
    sg->api_to_full = ARENA_ARRAY(d->a, schema_field *, api->nfields ? api->nfields : 1);
    for (uint32_t t = 0; t < api->ntypes; t++) {
        const schema_type *at = api->types[t];
        const schema_type *ft = schema_get_type(full, at->name);
        if (!ft || ft->kind != at->kind)
            return bytes_fail(&d->r, "API type %s has no twin in the supergraph", at->name);
        for (uint32_t k = 0; k < at->nfields; k++) {
            uint32_t index;
            if (!full->nfields) return bytes_fail(&d->r, "API field of no supergraph field");
            if (!bytes_get_small(&d->r, "field index", full->nfields - 1, &index)) return false;
            schema_field *f = (schema_field *)sg->fields[index].field;
            if (f->parent != ft || strcmp(f->name, at->fields[k].name) != 0)
                return bytes_fail(&d->r, "API field %s.%s maps to %s.%s", at->name,
                                  at->fields[k].name, f->parent->name, f->name);
            sg->api_to_full[at->fields[k].index] = f;
        }
    }
    return true;
}

static bool get_supergraph(sgc_decoder *d)
{
    supergraph *sg = d->sg;
    uint32_t fed1;
    if (!bytes_get_small(&d->r, "fed1 flag", 1, &fed1) || !get_graphs(d) || !get_features(d))
        return false;
    sg->fed1 = fed1;
    if (!(sg->full = sgc_get_schema(d)) || !(sg->api = sgc_get_schema(d))) return false;
    if (!sgc_get_type_table(d) || !sgc_get_field_table(d) || !get_join_directives(d) ||
        !get_api_map(d))
        return false;
    if (bytes_left(&d->r))
        return bytes_fail(&d->r, "%zu bytes after the supergraph", bytes_left(&d->r));
    return true;
}

supergraph *sg_decode(arena *a, const uint8_t *buf, size_t len, diag_list *errs)
{
    sgc_decoder d = {.a = a, .image_len = len};
    bytes_reader_init(&d.r, buf, len, errs, "Invalid supergraph image");
    if (len < 5 || memcmp(buf, "FMSG", 4) != 0) {
        bytes_fail(&d.r, "not a supergraph image (no FMSG header)");
        return NULL;
    }
    if (buf[4] != SG_CODEC_VERSION) {
        bytes_fail(&d.r, "format version %u is not supported", buf[4]);
        return NULL;
    }
    d.r.p += 5;
    d.sg = ARENA_NEW(a, supergraph);
    d.sg->arena = a;
    if (!bytes_get_strings(&d.r, a, true)) return NULL;
    sgc_share_init(&d);
    return sgc_get_directive_table(&d) && get_supergraph(&d) ? d.sg : NULL;
}
