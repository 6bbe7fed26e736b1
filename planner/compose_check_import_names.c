/* compose_check_import_names.c: LINK_IMPORT_NAME_MISMATCH. The federation
 * directives the supergraph keeps (@tag, @inaccessible, @authenticated,
 * @requiresScopes, @policy, @context, @cost, @listSize) have one name there,
 * so every subgraph that applies one must call it by the same name: "@tag"
 * imported in one subgraph and renamed "@label" (or left as
 * "@federation__tag") in another cannot merge. Apollo checks this as it
 * prepares the supergraph and reports the first such directive only. */
#include <string.h>

#include "compose_check_int.h"
#include "compose_merge.h"

static const cfed_dir kept_in_supergraph[] = {
    CFED_TAG,    CFED_INACCESSIBLE, CFED_AUTHENTICATED, CFED_REQUIRES_SCOPES,
    CFED_POLICY, CFED_CONTEXT,      CFED_COST,          CFED_LIST_SIZE,
};

static bool meta_applies(const cmeta *m, cfed_dir d)
{
    if (d == CFED_TAG) return m->ntags > 0;
    if (d == CFED_INACCESSIBLE) return m->inaccessible;
    for (uint32_t i = 0; i < m->napplied; i++)
        if (!strcmp(m->applied[i].name, cfed_dir_names[d])) return true;
    return false;
}

static bool field_applies(const cfield *f, cfed_dir d)
{
    if (meta_applies(&f->m, d)) return true;
    for (uint32_t a = 0; a < f->nargs; a++)
        if (meta_applies(&f->args[a].m, d)) return true;
    return false;
}

/* The subgraph applies d somewhere (@context: names a context on some type). */
static bool subgraph_applies(const csub *s, cfed_dir d)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (meta_applies(&t->m, d) || (d == CFED_CONTEXT && t->ncontexts)) return true;
        for (uint32_t f = 0; f < t->nfields; f++)
            if (field_applies(&t->fields[f], d)) return true;
        for (uint32_t v = 0; v < t->nvalues; v++)
            if (meta_applies(&t->values[v].m, d)) return true;
    }
    return false;
}

/* False after reporting d's names, when two subgraphs that apply it differ. */
static bool check_directive(compose_ctx *c, cfed_dir d)
{
    const char **names = ARENA_ARRAY(c->arena, const char *, c->nsubs + 1);
    const char *first = NULL, *mismatch = NULL;
    uint32_t newest = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        if (!s->dir_names[d] || !subgraph_applies(s, d)) continue;
        names[i] = arena_sprintf(c->arena, "\"@%s\"", s->dir_names[d]);
        if (s->fed_minor > newest) newest = s->fed_minor;
        if (!first) first = names[i];
        if (!mismatch && strcmp(first, names[i])) mismatch = names[i];
    }
    if (!mismatch) return true;
    cm_report_mismatch(c, "LINK_IMPORT_NAME_MISMATCH",
                       arena_sprintf(c->arena,
                                     "The \"@%s\" directive (from "
                                     "https://specs.apollo.dev/federation/v2.%u) is imported with "
                                     "mismatched name between subgraphs: it is imported as ",
                                     cfed_dir_names[d], newest),
                       names, mismatch);
    return false;
}

void cc_check_import_names(compose_ctx *c)
{
    for (size_t k = 0; k < sizeof kept_in_supergraph / sizeof *kept_in_supergraph; k++)
        if (!check_directive(c, kept_in_supergraph[k])) return;
}
