/* compose_check.c: the checks composition runs around merging, in Apollo's
 * order. compose_check_subgraph runs Apollo's subgraph validation on each
 * subgraph before merging; compose_check_prepare the checks across subgraphs
 * Apollo makes as it upgrades Federation 1 subgraphs and as its merger
 * prepares the supergraph; compose_check_merged runs the rules Apollo's merger
 * applies across subgraphs and to the merged result. The rules themselves
 * live in compose_check_*.c, one concern each. */
#include "compose_check_int.h"

void compose_check_subgraph(compose_ctx *c, const csub *s)
{
    cc_check_names(c, s);
    if (!cc_check_links(c, s)) return;
    cc_check_definitions(c, s);
    cc_check_sdl(c, s);
    if (!cc_check_fieldsets(c, s)) return;
    cc_check_contexts(c, s);
    cc_check_externals(c, s);
    cc_check_types(c, s);
    cc_check_cost(c, s);
    cc_check_auth(c, s);
}

void compose_check_prepare(compose_ctx *c)
{
    cc_check_upgrade(c);
    if (c->errors->count) return; /* Apollo stops after upgrading subgraphs */
    cc_check_import_names(c);
    cc_check_compose_directives(c);
}

void compose_check_merged(compose_ctx *c, const cmerged *m)
{
    cc_check_merged_on_external(c);
    cc_check_merged_types(c, m);
    const cmtype *query = cmerged_type(m, "Query");
    /* Every subgraph has a Query type (federation adds its own fields to
     * it); the supergraph must have one with fields of the subgraphs'. */
    if (!query || query->kind != SCHEMA_OBJECT || query->nfields == 0) {
        compose_error(c, "NO_QUERIES", NULL, (src_loc){0, 0},
                      "No queries found in any subgraph: a supergraph must have a query root "
                      "type.");
        return;
    }
    cc_check_inaccessible(c, m);
}
