/* merge.c: merging fetch results into the response tree (see merge.h). */
#include "merge.h"

static void rewrite(arena *a, const supergraph *sg, const plan_fetch *fetch, tree_node *result)
{
    for (uint32_t r = 0; r < fetch->noutput_rewrites; r++)
        reps_rewrite(a, sg, result, &fetch->output_rewrites[r]);
}

void merge_root(arena *a, const supergraph *sg, const plan_fetch *fetch, tree_node *root,
                const json_value *data)
{
    if (!data || data->type != JSON_OBJECT) return;
    tree_node *result = tree_from_json(a, data);
    rewrite(a, sg, fetch, result);
    tree_merge(a, root, result);
}

bool merge_entities(arena *a, const supergraph *sg, const plan_fetch *fetch, const reps_set *reps,
                    const json_value *data)
{
    const json_value *entities = json_get(data, "_entities");
    if (!entities || entities->type != JSON_ARRAY || entities->len != reps->len) return false;
    for (uint32_t i = 0; i < reps->len; i++) {
        const reps_entry *e = &reps->entries[i];
        if (entities->u.items[i].type != JSON_OBJECT) continue;
        for (uint32_t p = 0; p < e->npositions; p++) {
            /* Each position gets its own copy: a merged subtree must not be
             * shared, later merges into one place would show in the others. */
            tree_node *result = tree_from_json(a, &entities->u.items[i]);
            const char *type_name = tree_typename(e->positions[p].object);
            if (fetch->noutput_rewrites && type_name && !tree_typename(result))
                tree_set(a, result, "__typename", tree_new_string(a, type_name));
            rewrite(a, sg, fetch, result);
            tree_merge(a, e->positions[p].object, result);
        }
    }
    return true;
}
