/* compose_merge_directives.c: the directive definitions the supergraph keeps
 * besides the specs' own: every directive named by @composeDirective (its
 * first subgraph's definition, and the @link it came from), and every
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
        if (everywhere) out->args[out->nargs++] = &first->args[a];
    }
    return true;
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
                out->def = d;
                out->repeatable = d->repeatable;
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
