/* compose_merge_fields.c: merging the fields of object and interface types
 * and of input types, with their arguments (Apollo's addFieldsShallow,
 * mergeField, validateOverride, validateFieldSharing, addArgumentsShallow and
 * needsJoinField), and the errors those report. */
#include <string.h>

#include "compose_merge.h"

static bool source_external(const cmsource *s)
{
    return s->field && s->field->external;
}

/* The field's slot in t->fields, added in first-seen order. */
static cmfield *field_slot(compose_ctx *c, cmtype *t, const char *name, uint32_t cap)
{
    for (uint32_t i = 0; i < t->nfields; i++)
        if (!strcmp(t->fields[i].name, name)) return &t->fields[i];
    cmfield *f = &t->fields[t->nfields++];
    (void)cap;
    f->name = name;
    f->parent = t;
    f->src = ARENA_ARRAY(c->arena, cmsource, c->nsubs);
    return f;
}

/* Does subgraph i see t through an @interfaceObject of an interface t implements? */
static bool has_interface_object_of(compose_ctx *c, const cmtype *t, uint32_t i)
{
    for (uint32_t k = 0; k < t->ninterfaces; k++) {
        const ctype *it = csub_type(&c->subs[i], t->interfaces[k].name);
        if (it && it->interface_object) return true;
    }
    return false;
}

static void add_fields_shallow(compose_ctx *c, cmtype *t)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (t->src[i]) cap += t->src[i]->nfields;
    t->fields = ARENA_ARRAY(c->arena, cmfield, cap + 1);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        for (uint32_t f = 0; f < st->nfields; f++)
            field_slot(c, t, st->fields[f].name, cap)->src[i].field = &st->fields[f];
    }
    for (uint32_t f = 0; f < t->nfields; f++)
        for (uint32_t i = 0; i < c->nsubs; i++)
            t->fields[f].src[i].listed =
                csub_type(&c->subs[i], t->name) != NULL || has_interface_object_of(c, t, i);
}

static const char *names_where(compose_ctx *c, const cmfield *f, bool (*pred)(const cmsource *),
                               uint32_t *n)
{
    const char **names = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    *n = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (f->src[i].field && pred(&f->src[i])) names[(*n)++] = c->subs[i].name;
    return cm_subgraph_list(c, names, *n);
}

static bool any_source(const cmsource *s)
{
    return s->field != NULL;
}

/* @override(from:, label:): which subgraph's copy stays resolvable. */
static void resolve_overrides(compose_ctx *c, cmfield *f)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *o = f->src[i].field;
        if (!o || !o->override_from) continue;
        const csub *from = NULL;
        for (uint32_t j = 0; j < c->nsubs; j++)
            if (!strcmp(c->subs[j].name, o->override_from)) from = &c->subs[j];
        if (from == &c->subs[i]) {
            compose_error(c, "OVERRIDE_FROM_SELF_ERROR", NULL, o->override_loc,
                          "Source and destination subgraphs \"%s\" are the same for overridden "
                          "field \"%s.%s\"",
                          from->name, f->parent->name, f->name);
            continue;
        }
        if (!from) continue; /* an unknown subgraph: Apollo only hints */
        cmsource *src = &f->src[from->index];
        if (!src->field || src->field->external) continue;
        if (o->override_label) {
            f->src[i].override_label = o->override_label;
            src->override_label = o->override_label;
        }
        if (src->field->used)
            src->used_overridden = true;
        else
            src->overridden = true;
    }
}

static void check_sharing(compose_ctx *c, cmfield *f)
{
    uint32_t resolving = 0, shareable = 0, non_shareable = 0;
    const char **all = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    const char **non = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cmsource *s = &f->src[i];
        if (!s->field || s->overridden || s->used_overridden) continue;
        if (s->field->external && !s->field->provided) continue;
        all[resolving++] = c->subs[i].name;
        if (s->field->shareable || (s->field->external && s->field->provided))
            shareable++;
        else
            non[non_shareable++] = c->subs[i].name;
    }
    if (!non_shareable || (!shareable && non_shareable < 2)) return;
    diag *e = compose_error(
        c, "INVALID_FIELD_SHARING", NULL, (src_loc){0, 0},
        "Non-shareable field \"%s.%s\" is resolved from multiple subgraphs: it is resolved from "
        "%s and defined as non-shareable in %s",
        f->parent->name, f->name, cm_subgraph_list(c, all, resolving),
        shareable ? cm_subgraph_list(c, non, non_shareable) : "all of them");
    (void)e;
}

static void report_type_mismatch(compose_ctx *c, const char *code, const char *message,
                                 const ast_type *const *types, const ast_type *merged)
{
    const char **values = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (types[i])
            values[i] =
                arena_sprintf(c->arena, "type \"%s\"", schema_type_ref_text(c->arena, types[i]));
    cm_report_mismatch(
        c, code, message, values,
        arena_sprintf(c->arena, "type \"%s\"", schema_type_ref_text(c->arena, merged)));
}

static void merge_args(compose_ctx *c, cmfield *f)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (f->src[i].field && !source_external(&f->src[i])) cap += f->src[i].field->nargs;
    f->args = ARENA_ARRAY(c->arena, cmfield, cap + 1);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (!sf || sf->external) continue;
        for (uint32_t a = 0; a < sf->nargs; a++) {
            const char *name = sf->args[a].name;
            bool seen = false;
            for (uint32_t k = 0; k < f->nargs; k++)
                seen |= !strcmp(f->args[k].name, name);
            if (seen) continue;
            cmfield *arg = &f->args[f->nargs++];
            arg->name = name;
            arg->parent = f->parent;
            arg->src = ARENA_ARRAY(c->arena, cmsource, c->nsubs);
        }
    }
    uint32_t kept = 0;
    for (uint32_t k = 0; k < f->nargs; k++) {
        cmfield *arg = &f->args[k];
        const ast_type **types = ARENA_ARRAY(c->arena, const ast_type *, c->nsubs);
        const char **descs = ARENA_ARRAY(c->arena, const char *, c->nsubs);
        bool everywhere = true, contextual = false;
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const cfield *sf = f->src[i].field;
            if (!sf || sf->external) continue;
            const cfield *sa = NULL;
            for (uint32_t a = 0; a < sf->nargs; a++)
                if (!strcmp(sf->args[a].name, arg->name)) sa = &sf->args[a];
            if (!sa) {
                everywhere = false;
                continue;
            }
            contextual |= sa->from_context != NULL;
            arg->src[i].field = sa;
            types[i] = sa->type;
            descs[i] = sa->m.description;
            cm_meta_add(c, &arg->m, &sa->m);
            if (!arg->default_value) arg->default_value = sa->default_value;
        }
        if (!everywhere || contextual) continue;
        bool differ;
        if (!cm_merge_type_refs(c->merged, types, c->nsubs, true, &arg->type, &differ))
            report_type_mismatch(c, "ARGUMENT_TYPE_MISMATCH",
                                 arena_sprintf(c->arena,
                                               "Type of argument \"%s.%s(%s:)\" is incompatible "
                                               "across subgraphs: it has ",
                                               f->parent->name, f->name, arg->name),
                                 types, arg->type);
        cm_note_enum_usage(c, arg->type, true, f->parent->name, f->name, arg->name);
        arg->m.description = cm_merge_description(descs, c->nsubs);
        f->args[kept++] = *arg;
    }
    f->nargs = kept;
}

static bool needs_join_field(compose_ctx *c, const cmfield *f)
{
    if (f->types_differ) return true;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cmsource *s = &f->src[i];
        if (s->used_overridden || s->override_label) return true;
        if (s->field)
            for (uint32_t a = 0; a < s->field->nargs; a++)
                if (s->field->args[a].from_context) return true;
    }
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cmsource *s = &f->src[i];
        if (s->field && !s->overridden) {
            if (s->field->external || s->field->requires || s->field->provides) return true;
        } else if (s->listed && csub_type(&c->subs[i], f->parent->name)) {
            return true;
        }
    }
    return false;
}

static void merge_field(compose_ctx *c, cmtype *t, cmfield *f)
{
    uint32_t nsrc = 0, nexternal = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!f->src[i].field) continue;
        nsrc++;
        nexternal += f->src[i].field->external;
    }
    if (nsrc && nexternal == nsrc) {
        uint32_t n;
        const char *list = names_where(c, f, any_source, &n);
        compose_error(c, "EXTERNAL_MISSING_ON_BASE", NULL, (src_loc){0, 0},
                      "Field \"%s.%s\" is marked @external on all the subgraphs in which it is "
                      "listed (%s).",
                      t->name, f->name, list);
        return;
    }
    resolve_overrides(c, f);
    const ast_type **types = ARENA_ARRAY(c->arena, const ast_type *, c->nsubs);
    const char **descs = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (!sf || sf->external) continue;
        types[i] = sf->type;
        descs[i] = sf->m.description;
        cm_meta_add(c, &f->m, &sf->m);
    }
    f->m.description = cm_merge_description(descs, c->nsubs);
    merge_args(c, f);
    bool differ;
    if (!cm_merge_type_refs(c->merged, types, c->nsubs, false, &f->type, &differ))
        report_type_mismatch(c, "FIELD_TYPE_MISMATCH",
                             arena_sprintf(c->arena,
                                           "Type of field \"%s.%s\" is incompatible "
                                           "across subgraphs: it has ",
                                           t->name, f->name),
                             types, f->type);
    /* external copies of a different type still make the type differ */
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (f->src[i].field && f->type && !schema_type_ref_equal(f->src[i].field->type, f->type))
            differ = true;
    f->types_differ = differ;
    cm_note_enum_usage(c, f->type, false, t->name, f->name, NULL);
    f->join_field = needs_join_field(c, f);
    if (t->kind == SCHEMA_OBJECT) check_sharing(c, f);
}

void cm_merge_fields(compose_ctx *c, cmtype *t)
{
    add_fields_shallow(c, t);
    for (uint32_t f = 0; f < t->nfields; f++)
        merge_field(c, t, &t->fields[f]);
}

/* Input types keep the fields every defining subgraph has (intersection). */
void cm_merge_input_fields(compose_ctx *c, cmtype *t)
{
    add_fields_shallow(c, t);
    uint32_t kept = 0;
    for (uint32_t k = 0; k < t->nfields; k++) {
        cmfield *f = &t->fields[k];
        const ast_type **types = ARENA_ARRAY(c->arena, const ast_type *, c->nsubs);
        const char **descs = ARENA_ARRAY(c->arena, const char *, c->nsubs);
        bool everywhere = true;
        for (uint32_t i = 0; i < c->nsubs; i++) {
            if (!t->src[i]) continue;
            const cfield *sf = f->src[i].field;
            if (!sf) {
                everywhere = false;
                continue;
            }
            types[i] = sf->type;
            descs[i] = sf->m.description;
            cm_meta_add(c, &f->m, &sf->m);
            if (!f->default_value) f->default_value = sf->default_value;
        }
        if (!everywhere) continue;
        bool differ;
        if (!cm_merge_type_refs(c->merged, types, c->nsubs, true, &f->type, &differ))
            report_type_mismatch(c, "FIELD_TYPE_MISMATCH",
                                 arena_sprintf(c->arena,
                                               "Type of field \"%s.%s\" is incompatible across "
                                               "subgraphs: it has ",
                                               t->name, f->name),
                                 types, f->type);
        f->types_differ = differ;
        f->join_field = differ;
        cm_note_enum_usage(c, f->type, true, t->name, f->name, NULL);
        f->m.description = cm_merge_description(descs, c->nsubs);
        t->fields[kept++] = *f;
    }
    t->nfields = kept;
}
