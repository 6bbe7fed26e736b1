/* compose_merge_directives.c: the directive definitions the supergraph keeps
 * besides the specs' own: every directive named by @composeDirective (as the
 * last subgraph linking its feature at the latest version defines it, and
 * the @link it came from), and every
 * executable directive (QUERY, FIELD, ...) that all subgraphs define, with
 * the executable locations and the arguments they all share. Also which
 * federation directives any subgraph applies, which decides the specs the
 * supergraph links. */
#include <string.h>

#include "compose_merge.h"

/* QUERY .. VARIABLE_DEFINITION: where operations, not schemas, apply directives. */
#define EXECUTABLE_LOCATIONS                                                                       \
    (LOC_QUERY | LOC_MUTATION | LOC_SUBSCRIPTION | LOC_FIELD | LOC_FRAGMENT_DEFINITION |           \
     LOC_FRAGMENT_SPREAD | LOC_INLINE_FRAGMENT | LOC_VARIABLE_DEFINITION)

static bool already_kept(const cmerged *m, const char *name)
{
    for (uint32_t i = 0; i < m->ndirectives; i++)
        if (!strcmp(m->directives[i].def->name, name)) return true;
    return false;
}

static const cfield *arg_named(const cdirective *d, const char *name)
{
    for (uint32_t i = 0; i < d->nargs; i++)
        if (!strcmp(d->args[i].name, name)) return &d->args[i];
    return NULL;
}

/* An argument every subgraph's definition of d has, with what they all
 * apply to it (@inaccessible from any, each @tag once). */
static const cfield *merged_argument(compose_ctx *c, const cdirective *d, const cfield *arg)
{
    cfield *out = ARENA_NEW(c->arena, cfield);
    *out = *arg;
    out->m = (cmeta){.description = arg->m.description, .loc = arg->m.loc};
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const cdirective *def = strmap_get(&c->subs[i].directive_map, d->name);
        const cfield *same = def ? arg_named(def, arg->name) : NULL;
        if (same) cm_meta_add(c, &out->m, &same->m);
    }
    return out;
}

/* An executable directive every subgraph defines, or none. */
static bool merge_executable(compose_ctx *c, const cdirective *first, cmdirective *out)
{
    uint32_t locations = first->locations & EXECUTABLE_LOCATIONS;
    for (uint32_t i = 0; i < c->nsubs && locations; i++) {
        const cdirective *d = strmap_get(&c->subs[i].directive_map, first->name);
        locations = d ? locations & d->locations : 0;
    }
    if (!locations) return false;
    out->def = first;
    out->executable = true;
    out->repeatable = true;
    for (uint32_t i = 0; i < c->nsubs; i++)
        out->repeatable &=
            ((const cdirective *)strmap_get(&c->subs[i].directive_map, first->name))->repeatable;
    out->locations = locations;
    out->args = ARENA_ARRAY(c->arena, const cfield *, first->nargs + 1);
    for (uint32_t a = 0; a < first->nargs; a++) {
        bool everywhere = true;
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const cdirective *d = strmap_get(&c->subs[i].directive_map, first->name);
            everywhere &= arg_named(d, first->args[a].name) != NULL;
        }
        if (everywhere) out->args[out->nargs++] = merged_argument(c, first, &first->args[a]);
    }
    return true;
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
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        for (uint32_t k = 0; k < s->ndirectives; k++) {
            const cdirective *d = &s->directives[k];
            if (already_kept(m, d->name)) continue;
            cmdirective *out = &m->directives[m->ndirectives];
            if (d->composed) {
                out->def = d->link_url ? composed_definition(c, d) : d;
                out->repeatable = out->def->repeatable;
                m->ndirectives++;
            } else if (merge_executable(c, d, out)) {
                m->ndirectives++;
            }
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
