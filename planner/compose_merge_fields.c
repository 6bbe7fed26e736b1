/* compose_merge_fields.c: merging the fields of object and interface types
 * and of input types, with their arguments (Apollo's addFieldsShallow,
 * mergeField, validateOverride, validateFieldSharing, addArgumentsShallow and
 * needsJoinField), and the errors those report. */
#include <ctype.h>
#include <string.h>

#include "compose_merge.h"
#include "printer.h"
#include "sbuf.h"

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

/* Apollo's label forms: a name ([a-zA-Z][a-zA-Z0-9_-:./]*) or percent(x), x in 0..100
 * with at most 2 integer and 8 fraction digits. */
static bool valid_name_label(const char *l)
{
    if (!isalpha((unsigned char)l[0])) return false;
    for (const char *p = l + 1; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("_-:./", *p)) return false;
    return true;
}

static bool valid_label(const char *l)
{
    if (valid_name_label(l)) return true;
    if (strncmp(l, "percent(", 8)) return false;
    const char *p = l + 8;
    if (!strcmp(p, "100)")) return true;
    size_t whole = strspn(p, "0123456789");
    if (whole < 1 || whole > 2) return false;
    p += whole;
    if (*p == '.') {
        size_t frac = strspn(p + 1, "0123456789");
        if (frac < 1 || frac > 8) return false;
        p += 1 + frac;
    }
    return !strcmp(p, ")");
}

static const csub *subgraph_named(compose_ctx *c, const char *name)
{
    for (uint32_t j = 0; j < c->nsubs; j++)
        if (!strcmp(c->subs[j].name, name)) return &c->subs[j];
    return NULL;
}

/* Apollo's validateOverride for the copy in subgraph i; true when it stands. */
static bool override_is_valid(compose_ctx *c, cmfield *f, uint32_t i, const csub *from)
{
    const cfield *o = f->src[i].field;
    const char *sub = c->subs[i].name, *type = f->parent->name;
    if (o->parent->kind == SCHEMA_INTERFACE) {
        compose_error_in(
            c, "OVERRIDE_ON_INTERFACE", &c->subs[i], o->override_loc,
            "@override cannot be used on field \"%s.%s\" on subgraph \"%s\": @override "
            "is not supported on interface type fields.",
            type, f->name, sub);
        return false;
    }
    if (o->parent->interface_object) {
        compose_error_in(
            c, "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", &c->subs[i], o->override_loc,
            "@override is not yet supported on fields of @interfaceObject types: cannot "
            "be used on field \"%s.%s\" on subgraph \"%s\".",
            type, f->name, sub);
        return false;
    }
    if (!from) {
        compose_hint(c, "FROM_SUBGRAPH_DOES_NOT_EXIST", &c->subs[i], o->override_loc,
                     "Source subgraph \"%s\" for field \"%s.%s\" on subgraph \"%s\" does not "
                     "exist.",
                     o->override_from, type, f->name, sub);
        return false;
    }
    if (from == &c->subs[i]) {
        compose_error_in(
            c, "OVERRIDE_FROM_SELF_ERROR", &c->subs[i], o->override_loc,
            "Source and destination subgraphs \"%s\" are the same for overridden field "
            "\"%s.%s\"",
            from->name, type, f->name);
        return false;
    }
    const cfield *src = f->src[from->index].field;
    if (src && src->override_from) {
        compose_error_in(
            c, "OVERRIDE_SOURCE_HAS_OVERRIDE", &c->subs[i], o->override_loc,
            "Field \"%s.%s\" on subgraph \"%s\" is also marked with directive @override "
            "in subgraph \"%s\". Only one @override directive is allowed per field.",
            type, f->name, sub, from->name);
        return false;
    }
    if (!src) {
        compose_hint(c, "OVERRIDE_DIRECTIVE_CAN_BE_REMOVED", &c->subs[i], o->override_loc,
                     "Field \"%s.%s\" on subgraph \"%s\" no longer exists in the from subgraph. "
                     "The @override directive can be removed.",
                     type, f->name, sub);
        return false;
    }
    const char *collision = src->requires   ? from->dir_names[CFED_REQUIRES]
                            : src->provides ? from->dir_names[CFED_PROVIDES]
                            : o->external   ? c->subs[i].dir_names[CFED_EXTERNAL]
                                            : NULL;
    if (collision) {
        compose_error_in(
            c, "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", &c->subs[i], o->override_loc,
            "@override cannot be used on field \"%s.%s\" on subgraph \"%s\" since "
            "\"%s.%s\" on \"%s\" is marked with directive \"@%s\"",
            type, f->name, sub, type, f->name, o->external ? sub : from->name, collision);
        return false;
    }
    if (o->override_label && !valid_label(o->override_label)) {
        compose_error_in(
            c, "OVERRIDE_LABEL_INVALID", &c->subs[i], o->override_loc,
            "Invalid @override label \"%s\" on field \"%s.%s\" on subgraph \"%s\": labels "
            "must start with a letter and after that may contain alphanumerics, "
            "underscores, minuses, colons, periods, or slashes. Alternatively, labels "
            "may be of the form \"percent(x)\" where x is a float between 0-100 "
            "inclusive.",
            o->override_label, type, f->name, sub);
        /* the override still stands, without its label (as in Apollo) */
    }
    if (src->external) {
        compose_hint(c, "OVERRIDE_DIRECTIVE_CAN_BE_REMOVED", &c->subs[i], o->override_loc,
                     "Field \"%s.%s\" on subgraph \"%s\" is not resolved anymore by the from "
                     "subgraph (it is marked \"@external\" in \"%s\"). The @override directive "
                     "can be removed.",
                     type, f->name, sub, from->name);
        return false;
    }
    return true;
}

static void hint_overridden(compose_ctx *c, const cmfield *f, const cfield *o, const csub *from,
                            bool used)
{
    const char *type = f->parent->name;
    bool label = o->override_label && valid_label(o->override_label);
    if (!label && used)
        compose_hint(c, "OVERRIDDEN_FIELD_CAN_BE_REMOVED", from, (src_loc){0, 0},
                     "Field \"%s.%s\" on subgraph \"%s\" is overridden. It is still used in some "
                     "federation directive(s) (@key, @requires, and/or @provides) and/or to "
                     "satisfy interface constraint(s), but consider marking it @external "
                     "explicitly or removing it along with its references.",
                     type, f->name, from->name);
    else if (!label)
        compose_hint(c, "OVERRIDDEN_FIELD_CAN_BE_REMOVED", from, (src_loc){0, 0},
                     "Field \"%s.%s\" on subgraph \"%s\" is overridden. Consider removing it.",
                     type, f->name, from->name);
    else if (used)
        compose_hint(c, "OVERRIDE_MIGRATION_IN_PROGRESS", from, (src_loc){0, 0},
                     "Field \"%s.%s\" on subgraph \"%s\" is currently being migrated via "
                     "progressive @override. It is still used in some federation directive(s) "
                     "(@key, @requires, and/or @provides) and/or to satisfy interface "
                     "constraint(s). Once the migration is complete, consider marking it "
                     "@external explicitly or removing it along with its references.",
                     type, f->name, from->name);
    else
        compose_hint(c, "OVERRIDE_MIGRATION_IN_PROGRESS", from, (src_loc){0, 0},
                     "Field \"%s.%s\" is currently being migrated with progressive @override. "
                     "Once the migration is complete, remove the field from subgraph \"%s\".",
                     type, f->name, from->name);
}

/* @override(from:, label:): which subgraph's copy stays resolvable. */
static void resolve_overrides(compose_ctx *c, cmfield *f)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *o = f->src[i].field;
        if (!o || !o->override_from) continue;
        const csub *from = subgraph_named(c, o->override_from);
        if (!override_is_valid(c, f, i, from)) continue;
        cmsource *src = &f->src[from->index];
        if (o->override_label && valid_label(o->override_label)) {
            f->src[i].override_label = o->override_label;
            src->override_label = o->override_label;
        }
        if (src->field->used)
            src->used_overridden = true;
        else
            src->overridden = true;
        hint_overridden(c, f, o, from, src->field->used);
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

/* Apollo's INCONSISTENT_ARGUMENT_PRESENCE (a required argument missing
 * somewhere is an error the checks report). */
static void hint_missing_argument(compose_ctx *c, const cmfield *f, const cmfield *arg,
                                  const char *coord)
{
    bool *has = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *lacks = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *sf = f->src[i].field;
        if (!sf || sf->external) continue;
        has[i] = arg->src[i].field != NULL;
        lacks[i] = !has[i];
        if (has[i] && arg->src[i].field->type->kind == AST_TYPE_NON_NULL &&
            !arg->src[i].field->default_value)
            return;
    }
    cm_hint_presence(c, "INCONSISTENT_ARGUMENT_PRESENCE",
                     arena_sprintf(c->arena,
                                   "Optional argument \"%s\" will not be included in the "
                                   "supergraph as it does not appear in all subgraphs: ",
                                   coord),
                     has, lacks, "it is defined in %s", " but not in %s");
}

/* cm_merge_default, with Apollo's INCONSISTENT_DEFAULT_VALUE_PRESENCE hint. */
static const ast_value *default_with_hint(compose_ctx *c, const char *kind, const char *coord,
                                          const ast_value *const *defaults, const bool *present)
{
    const ast_value *d = cm_merge_default(c, defaults, present);
    bool *with = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *without = ARENA_ARRAY(c->arena, bool, c->nsubs);
    const ast_value *example = NULL;
    bool some_with = false, some_without = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!present[i]) continue;
        with[i] = defaults[i] != NULL;
        without[i] = !with[i];
        some_with |= with[i];
        some_without |= without[i];
        if (with[i] && !example) example = defaults[i];
    }
    if (d || !some_with || !some_without) return d;
    sbuf b;
    sbuf_init(&b);
    print_value(&b, example);
    compose_hint(c, "INCONSISTENT_DEFAULT_VALUE_PRESENCE", NULL, (src_loc){0, 0},
                 "%s \"%s\" has a default value in only some subgraphs: will not use a default "
                 "in the supergraph (there is no default in %s) but \"%s\" has default value %s "
                 "in %s.",
                 kind, coord, cm_subgraph_names_where(c, without), coord, b.data,
                 cm_subgraph_names_where(c, with));
    sbuf_free(&b);
    return d;
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
        const ast_value **defaults = ARENA_ARRAY(c->arena, const ast_value *, c->nsubs);
        bool *present = ARENA_ARRAY(c->arena, bool, c->nsubs);
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
            defaults[i] = sa->default_value;
            present[i] = true;
        }
        const char *coord =
            arena_sprintf(c->arena, "%s.%s(%s:)", f->parent->name, f->name, arg->name);
        if (!everywhere && !contextual) hint_missing_argument(c, f, arg, coord);
        if (!everywhere || contextual) continue;
        arg->m.description = cm_merge_description(c, coord, descs);
        arg->default_value = default_with_hint(c, "Argument", coord, defaults, present);
        bool differ;
        bool compatible = cm_merge_type_refs(c->merged, types, c->nsubs, true, &arg->type, &differ);
        if (compatible && differ)
            cm_hint_compatible_types(c, "argument", coord, types, arg->type, true);
        if (!compatible)
            report_type_mismatch(c, "FIELD_ARGUMENT_TYPE_MISMATCH",
                                 arena_sprintf(c->arena,
                                               "Type of argument \"%s.%s(%s:)\" is incompatible "
                                               "across subgraphs: it has ",
                                               f->parent->name, f->name, arg->name),
                                 types, arg->type);
        cm_note_enum_usage(c, arg->type, true, f->parent->name, f->name, arg->name);
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
    f->m.description =
        cm_merge_description(c, arena_sprintf(c->arena, "%s.%s", f->parent->name, f->name), descs);
    merge_args(c, f);
    bool differ;
    bool compatible = cm_merge_type_refs(c->merged, types, c->nsubs, false, &f->type, &differ);
    if (compatible && differ)
        cm_hint_compatible_types(c, "field", arena_sprintf(c->arena, "%s.%s", t->name, f->name),
                                 types, f->type, false);
    if (!compatible)
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
    if (t->kind == SCHEMA_OBJECT) cm_hint_entity(c, t);
    for (uint32_t f = 0; f < t->nfields; f++) {
        if (t->root < 0) cm_hint_value_type_field(c, t, &t->fields[f]);
        merge_field(c, t, &t->fields[f]);
    }
}

static void hint_missing_input_field(compose_ctx *c, const cmtype *t, const cmfield *f)
{
    bool *has = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *lacks = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!t->src[i]) continue;
        has[i] = f->src[i].field != NULL;
        lacks[i] = !has[i];
        if (has[i] && f->src[i].field->type->kind == AST_TYPE_NON_NULL &&
            !f->src[i].field->default_value)
            return; /* a required one: an error of the checks */
    }
    cm_hint_presence(c, "INCONSISTENT_INPUT_OBJECT_FIELD",
                     arena_sprintf(c->arena,
                                   "Input object field \"%s\" will not be added to \"%s\" in the "
                                   "supergraph as it does not appear in all subgraphs: ",
                                   f->name, t->name),
                     has, lacks, "it is defined in %s", " but not in %s");
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
        const ast_value **defaults = ARENA_ARRAY(c->arena, const ast_value *, c->nsubs);
        bool *present = ARENA_ARRAY(c->arena, bool, c->nsubs);
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
            defaults[i] = sf->default_value;
            present[i] = true;
        }
        const char *coord = arena_sprintf(c->arena, "%s.%s", t->name, f->name);
        if (!everywhere) {
            hint_missing_input_field(c, t, f);
            continue;
        }
        f->m.description = cm_merge_description(c, coord, descs);
        f->default_value = default_with_hint(c, "Input field", coord, defaults, present);
        bool differ;
        bool compatible = cm_merge_type_refs(c->merged, types, c->nsubs, true, &f->type, &differ);
        if (compatible && differ) cm_hint_compatible_types(c, "field", coord, types, f->type, true);
        if (!compatible)
            report_type_mismatch(c, "FIELD_TYPE_MISMATCH",
                                 arena_sprintf(c->arena,
                                               "Type of field \"%s.%s\" is incompatible across "
                                               "subgraphs: it has ",
                                               t->name, f->name),
                                 types, f->type);
        f->types_differ = differ;
        f->join_field = differ;
        cm_note_enum_usage(c, f->type, true, t->name, f->name, NULL);
        t->fields[kept++] = *f;
    }
    t->nfields = kept;
}
