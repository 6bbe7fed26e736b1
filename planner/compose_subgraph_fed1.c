/* compose_subgraph_fed1.c: a Federation 1 subgraph (no @link to federation)
 * as Apollo upgrades it before merging: every field of an object type may be
 * resolved elsewhere too (shareable), @external fields no field set uses are
 * dropped, interfaces lose their keys, @external, @requires and @provides,
 * and `extend type` stops being an extension (only @extends still says so). */
#include <string.h>

#include "compose_int.h"

static void drop_unused_externals(ctype *t)
{
    uint32_t kept = 0;
    for (uint32_t f = 0; f < t->nfields; f++) {
        cfield *fd = &t->fields[f];
        if (fd->external && !fd->used) continue;
        if (kept != f) t->fields[kept] = *fd;
        kept++;
    }
    if (kept == t->nfields) return;
    t->nfields = kept;
    strmap_init(&t->field_map, t->field_map.arena, kept * 2 + 2);
    for (uint32_t f = 0; f < t->nfields; f++)
        strmap_put(&t->field_map, t->fields[f].name, &t->fields[f]);
}

static void upgrade_interface(ctype *t)
{
    t->nkeys = 0;
    for (uint32_t f = 0; f < t->nfields; f++) {
        cfield *fd = &t->fields[f];
        fd->external = false;
        fd->requires = fd->provides = NULL;
        fd->requires_sel = fd->provides_sel = NULL;
    }
}

void compose_fed1_upgrade(csub *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        ctype *t = &s->types[i];
        for (uint32_t k = 0; k < t->nkeys; k++)
            t->keys[k].extension = t->extends;
        if (t->kind == SCHEMA_INTERFACE) upgrade_interface(t);
        if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
        drop_unused_externals(t);
        if (t->kind == SCHEMA_OBJECT && t->root != AST_OP_SUBSCRIPTION)
            for (uint32_t f = 0; f < t->nfields; f++)
                t->fields[f].shareable = true;
    }
}
