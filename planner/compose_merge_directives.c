/* compose_merge_directives.c: the directive definitions the supergraph keeps
 * besides the specs' own: every directive named by @composeDirective (as the
 * last subgraph linking its feature at the latest version defines it, and
 * the @link it came from), and every
 * executable directive (QUERY, FIELD, ...) that all subgraphs define, with
 * the executable locations and the arguments they all share (with Apollo's
 * hints on what they do not share). Also which
 * federation directives any subgraph applies, which decides the specs the
 * supergraph links. */
#include <string.h>

#include "compose_merge.h"
#include "sbuf.h"

/* QUERY .. VARIABLE_DEFINITION: where operations, not schemas, apply directives. */
#define EXECUTABLE_LOCATIONS                                                                       \
    (LOC_QUERY | LOC_MUTATION | LOC_SUBSCRIPTION | LOC_FIELD | LOC_FRAGMENT_DEFINITION |           \
     LOC_FRAGMENT_SPREAD | LOC_INLINE_FRAGMENT | LOC_VARIABLE_DEFINITION)

static const cfield *arg_named(const cdirective *d, const char *name)
{
    for (uint32_t i = 0; i < d->nargs; i++)
        if (!strcmp(d->args[i].name, name)) return &d->args[i];
    return NULL;
}

/* "location \"FIELD\"", "locations \"FIELD, QUERY\"" (sorted); "" for none. */
static const char *location_text(compose_ctx *c, uint32_t locations)
{
    const char *names[32];
    uint32_t n = 0;
    for (uint32_t bit = 1; bit && n < 32; bit <<= 1)
        if (locations & bit) names[n++] = schema_location_name((schema_location)bit);
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    if (!n) return "";
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, n == 1 ? "location \"" : "locations \"");
    for (uint32_t i = 0; i < n; i++)
        sbuf_printf(&b, "%s%s", i ? ", " : "", names[i]);
    sbuf_putc(&b, '"');
    const char *text = arena_strndup(c->arena, b.data, b.len);
    sbuf_free(&b);
    return text;
}

/* Each distinct executable location set but skip's, "LOCS in SUBGRAPHS", joined by " and ". */
static const char *locations_by_subgraph(compose_ctx *c, const cdirective *const *defs,
                                         uint32_t skip)
{
    char *text = arena_strdup(c->arena, "");
    bool *done = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        uint32_t locs = defs[i]->locations & EXECUTABLE_LOCATIONS;
        if (done[i] || locs == skip) continue;
        bool *group = ARENA_ARRAY(c->arena, bool, c->nsubs);
        for (uint32_t j = i; j < c->nsubs; j++)
            if ((defs[j]->locations & EXECUTABLE_LOCATIONS) == locs) group[j] = done[j] = true;
        text = arena_sprintf(c->arena, "%s%s%s in %s", text, *text ? " and " : "",
                             location_text(c, locs), cm_subgraph_names_where(c, group));
    }
    return text;
}

static void hint_locations(compose_ctx *c, const char *name, const cdirective *const *defs,
                           uint32_t merged)
{
    bool *same = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool any = false;
    for (uint32_t i = 0; i < c->nsubs; i++)
        any |= same[i] = (defs[i]->locations & EXECUTABLE_LOCATIONS) == merged;
    const char *locs = location_text(c, merged);
    compose_hint(
        c, "INCONSISTENT_EXECUTABLE_DIRECTIVE_LOCATIONS", NULL, (src_loc){0, 0},
        "Executable directive \"@%s\" has inconsistent locations across subgraphs and "
        "will use %s (intersection of all subgraphs) in the supergraph, but has: %s%s%s%s.",
        name, locs, any ? locs : "", any ? " in " : "",
        any ? arena_sprintf(c->arena, "%s and ", cm_subgraph_names_where(c, same)) : "",
        locations_by_subgraph(c, defs, merged));
}

static void hint_repeatable(compose_ctx *c, const char *name, const cdirective *const *defs)
{
    bool *once = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *repeatable = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        repeatable[i] = defs[i]->repeatable;
        once[i] = !repeatable[i];
    }
    compose_hint(c, "INCONSISTENT_EXECUTABLE_DIRECTIVE_REPEATABLE", NULL, (src_loc){0, 0},
                 "Executable directive \"@%s\" will not be marked repeatable in the supergraph as "
                 "it is inconsistently marked repeatable in subgraphs: it is not repeatable in %s "
                 "but is repeatable in %s.",
                 name, cm_subgraph_names_where(c, once), cm_subgraph_names_where(c, repeatable));
}

static bool is_required(const cfield *arg)
{
    return arg->type->kind == AST_TYPE_NON_NULL && !arg->default_value;
}

/* An argument some definitions lack: an error when another requires it, else
 * Apollo's INCONSISTENT_ARGUMENT_PRESENCE hint. */
static void report_missing_argument(compose_ctx *c, const char *directive, const char *arg,
                                    const cdirective *const *defs)
{
    bool *has = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *lacks = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *requires = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool required = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *a = arg_named(defs[i], arg);
        has[i] = a != NULL;
        lacks[i] = !has[i];
        requires[i] = a && is_required(a);
        required |= requires[i];
    }
    const char *coord = arena_sprintf(c->arena, "@%s(%s:)", directive, arg);
    if (required)
        compose_error(c, "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", NULL, (src_loc){0, 0},
                      "Argument \"%s\" is required in some subgraphs but does not appear in all "
                      "subgraphs: it is required in %s but does not appear in %s",
                      coord, cm_subgraph_names_where(c, requires),
                      cm_subgraph_names_where(c, lacks));
    else
        cm_hint_presence(c, "INCONSISTENT_ARGUMENT_PRESENCE",
                         arena_sprintf(c->arena,
                                       "Optional argument \"%s\" will not be included in the "
                                       "supergraph as it does not appear in all subgraphs: ",
                                       coord),
                         has, lacks, "it is defined in %s", " but not in %s");
}

/* An argument every definition has: its description, its type (the most
 * restrictive, as for any input), its default, what is applied to it. */
static const cfield *merge_argument(compose_ctx *c, const char *directive, const char *name,
                                    const cdirective *const *defs)
{
    const char *coord = arena_sprintf(c->arena, "@%s(%s:)", directive, name);
    const char **descriptions = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    const ast_type **types = ARENA_ARRAY(c->arena, const ast_type *, c->nsubs);
    const ast_value **defaults = ARENA_ARRAY(c->arena, const ast_value *, c->nsubs);
    bool *present = ARENA_ARRAY(c->arena, bool, c->nsubs);
    const cfield *first = arg_named(defs[0], name);
    cfield *out = ARENA_NEW(c->arena, cfield);
    *out = *first;
    out->m = (cmeta){.loc = first->m.loc};
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cfield *a = arg_named(defs[i], name);
        descriptions[i] = a->m.description;
        types[i] = a->type;
        defaults[i] = a->default_value;
        present[i] = true;
        cm_meta_add(c, &out->m, &a->m);
    }
    out->m.description = cm_merge_description(c, coord, descriptions);
    bool differ;
    if (!cm_merge_type_refs(c->merged, types, c->nsubs, true, &out->type, &differ)) {
        const char **values = ARENA_ARRAY(c->arena, const char *, c->nsubs);
        for (uint32_t i = 0; i < c->nsubs; i++)
            values[i] =
                arena_sprintf(c->arena, "type \"%s\"", schema_type_ref_text(c->arena, types[i]));
        cm_report_mismatch(c, "FIELD_ARGUMENT_TYPE_MISMATCH",
                           arena_sprintf(c->arena,
                                         "Type of argument \"%s\" is incompatible across "
                                         "subgraphs: it has ",
                                         coord),
                           values, values[0]);
    } else if (differ) {
        cm_hint_compatible_types(c, "argument", coord, types, out->type, true);
    }
    out->default_value = cm_merge_default(c, defaults, present);
    return out;
}

/* Apollo's addArgumentsShallow and mergeArgument over the definitions of an
 * executable directive: the arguments all have, in order of first appearance. */
static void merge_arguments(compose_ctx *c, const cdirective *const *defs, cmdirective *out)
{
    const char *name = defs[0]->name;
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        cap += defs[i]->nargs;
    const char **names = ARENA_ARRAY(c->arena, const char *, cap + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        for (uint32_t a = 0; a < defs[i]->nargs; a++) {
            bool seen = false;
            for (uint32_t k = 0; k < n && !seen; k++)
                seen = !strcmp(names[k], defs[i]->args[a].name);
            if (!seen) names[n++] = defs[i]->args[a].name;
        }
    bool *everywhere = ARENA_ARRAY(c->arena, bool, n + 1);
    for (uint32_t k = 0; k < n; k++) {
        everywhere[k] = true;
        for (uint32_t i = 0; i < c->nsubs; i++)
            everywhere[k] &= arg_named(defs[i], names[k]) != NULL;
        if (!everywhere[k]) report_missing_argument(c, name, names[k], defs);
    }
    out->args = ARENA_ARRAY(c->arena, const cfield *, n + 1);
    for (uint32_t k = 0; k < n; k++)
        if (everywhere[k]) out->args[out->nargs++] = merge_argument(c, name, names[k], defs);
}

/* An executable directive every subgraph defines with some executable
 * location in common, or none, with Apollo's hints either way. */
static bool merge_executable(compose_ctx *c, const cdirective *first, cmdirective *out)
{
    const cdirective **defs = ARENA_ARRAY(c->arena, const cdirective *, c->nsubs);
    bool *has = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *lacks = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        defs[i] = strmap_get(&c->subs[i].directive_map, first->name);
        has[i] = defs[i] != NULL;
        lacks[i] = !has[i];
    }
    uint32_t locations = 0;
    bool repeatable = true, uneven_repeatable = false, uneven_locations = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!defs[i]) {
            cm_hint_presence(c, "INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE",
                             arena_sprintf(c->arena,
                                           "Executable directive \"@%s\" will not be part of the "
                                           "supergraph as it does not appear in all subgraphs: ",
                                           first->name),
                             has, lacks, "it is defined in %s", " but not in %s");
            return false;
        }
        uint32_t here = defs[i]->locations & EXECUTABLE_LOCATIONS;
        uneven_repeatable |= i > 0 && defs[i]->repeatable != defs[0]->repeatable;
        repeatable &= defs[i]->repeatable;
        uneven_locations |= i > 0 && here != locations;
        locations = i ? locations & here : here;
        if (i > 0 && !locations) {
            compose_hint(c, "NO_EXECUTABLE_DIRECTIVE_INTERSECTION", NULL, (src_loc){0, 0},
                         "Executable directive \"@%s\" has no location that is common to all "
                         "subgraphs: it will not appear in the supergraph as there no intersection "
                         "between %s.",
                         first->name, locations_by_subgraph(c, defs, 0));
            return false;
        }
    }
    const char **descriptions = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        descriptions[i] = defs[i]->description;
    cdirective *def = ARENA_NEW(c->arena, cdirective);
    *def = *first;
    def->description =
        cm_merge_description(c, arena_sprintf(c->arena, "@%s", first->name), descriptions);
    if (uneven_repeatable) hint_repeatable(c, first->name, defs);
    if (uneven_locations) hint_locations(c, first->name, defs, locations);
    out->def = def;
    out->executable = true;
    out->repeatable = repeatable;
    out->locations = locations;
    merge_arguments(c, defs, out);
    return true;
}

/* Some subgraph's definition has an executable location: Apollo merges it as such. */
static bool executable_somewhere(compose_ctx *c, const char *name)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cdirective *d = strmap_get(&c->subs[i].directive_map, name);
        if (d && (d->locations & EXECUTABLE_LOCATIONS)) return true;
    }
    return false;
}

/* A subgraph composes some directive of the feature. */
static bool composes_feature(compose_ctx *c, const csub *s, const char *identity)
{
    uint32_t major, minor;
    for (uint32_t k = 0; k < s->ndirectives; k++)
        if (s->directives[k].composed && s->directives[k].link_url &&
            !strcmp(compose_feature_identity(c->arena, s->directives[k].link_url, &major, &minor),
                    identity))
            return true;
    return false;
}

/* Apollo's latest version of a feature: composing subgraphs' over the
 * others', then the highest minor (a major mismatch was rejected before). */
static const char *latest_link(compose_ctx *c, const char *identity)
{
    const char *latest = NULL;
    bool latest_composed = false;
    uint32_t latest_minor = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const char *url = csub_link_url(c->arena, &c->subs[i], identity);
        if (!url) continue;
        uint32_t major, minor;
        compose_feature_identity(c->arena, url, &major, &minor);
        bool composed = composes_feature(c, &c->subs[i], identity);
        if (latest && (latest_composed && !composed)) continue;
        if (latest && latest_composed == composed && latest_minor > minor) continue;
        latest = url;
        latest_composed = composed;
        latest_minor = minor;
    }
    return latest;
}

/* The definition of composed directive d the supergraph takes (Apollo's
 * getLatestDirectiveDefinition): from the last subgraph that links d's
 * feature at the latest version and defines d, under d's name. */
static const cdirective *composed_definition(compose_ctx *c, const cdirective *d)
{
    uint32_t major, minor;
    const char *identity = compose_feature_identity(c->arena, d->link_url, &major, &minor);
    const char *latest = latest_link(c, identity);
    for (uint32_t i = c->nsubs; latest && i-- > 0;) {
        const csub *s = &c->subs[i];
        const char *url = csub_link_url(c->arena, s, identity);
        if (!url || strcmp(url, latest)) continue;
        for (uint32_t k = 0; k < s->ndirectives; k++) {
            const cdirective *def = &s->directives[k];
            if (!def->link_url || strcmp(def->link_url, url) ||
                strcmp(def->link_name, d->link_name))
                continue;
            cdirective *chosen = ARENA_NEW(c->arena, cdirective);
            *chosen = *def;
            chosen->name = d->name;
            chosen->composed = true;
            return chosen;
        }
    }
    return d;
}

void cm_merge_directives(compose_ctx *c)
{
    cmerged *m = c->merged;
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        cap += c->subs[i].ndirectives;
    m->directives = ARENA_ARRAY(c->arena, cmdirective, cap + 1);
    strmap done;
    strmap_init(&done, c->arena, cap * 2 + 2);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        for (uint32_t k = 0; k < s->ndirectives; k++) {
            const cdirective *d = &s->directives[k];
            if (strmap_get(&done, d->name)) continue;
            cmdirective *out = &m->directives[m->ndirectives];
            if (d->composed) {
                out->def = d->link_url ? composed_definition(c, d) : d;
                out->repeatable = out->def->repeatable;
                m->ndirectives++;
            } else if (!executable_somewhere(c, d->name)) {
                continue; /* a later subgraph may compose it */
            } else if (merge_executable(c, d, out)) {
                m->ndirectives++;
            }
            strmap_put(&done, d->name, (void *)d);
        }
    }
}

static void note_meta(cmerged *m, const cmeta *meta)
{
    m->uses[CFED_INACCESSIBLE] |= meta->inaccessible;
    for (uint32_t i = 0; i < meta->napplied; i++)
        for (int d = 0; d < CFED_COUNT; d++)
            if (!strcmp(meta->applied[i].name, cfed_dir_names[d])) m->uses[d] = true;
}

void cm_note_usage(compose_ctx *c)
{
    cmerged *m = c->merged;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        for (uint32_t k = 0; k < s->ndirectives; k++)
            for (uint32_t a = 0; a < s->directives[k].nargs; a++)
                note_meta(m, &s->directives[k].args[a].m);
        for (uint32_t k = 0; k < s->ntypes; k++) {
            const ctype *t = &s->types[k];
            note_meta(m, &t->m);
            for (uint32_t f = 0; f < t->nfields; f++) {
                note_meta(m, &t->fields[f].m);
                for (uint32_t a = 0; a < t->fields[f].nargs; a++)
                    note_meta(m, &t->fields[f].args[a].m);
            }
            for (uint32_t v = 0; v < t->nvalues; v++)
                note_meta(m, &t->values[v].m);
        }
    }
}
