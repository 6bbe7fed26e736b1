/* compose_subgraph_fed1.c: a Federation 1 subgraph (no @link to federation)
 * as Apollo upgrades it before merging: every field of an object type may be
 * resolved elsewhere too (shareable), @external fields no field set uses are
 * dropped (and a type left with no field with them, unless something refers
 * to it: then it stays, marked, for the checks to reject), interfaces lose
 * their keys, @external, @requires and @provides, and `extend type` stops
 * being an extension (only @extends still says so). */
#include <string.h>

#include "compose_int.h"

/* Drops the unused @external fields; marks a type that had only those. */
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
    t->only_unused_externals = kept == 0;
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

static bool refers_to(const cfield *f, const char *name)
{
    if (!strcmp(ast_type_name(f->type), name)) return true;
    for (uint32_t a = 0; a < f->nargs; a++)
        if (!strcmp(ast_type_name(f->args[a].type), name)) return true;
    return false;
}

static bool is_referenced(const csub *s, const char *name)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        for (uint32_t f = 0; f < t->nfields; f++)
            if (refers_to(&t->fields[f], name)) return true;
        for (uint32_t k = 0; k < t->ninterfaces; k++)
            if (!strcmp(t->interfaces[k].name, name)) return true;
        for (uint32_t k = 0; k < t->nmembers; k++)
            if (!strcmp(t->members[k].name, name)) return true;
    }
    return false;
}

/* Moves the types emptied of unused externals that nothing refers to to
 * s->dropped; the others keep their order, their fields pointing back at them. */
static void remove_emptied_types(csub *s)
{
    uint32_t kept = 0, dropped = 0;
    for (uint32_t i = 0; i < s->ntypes; i++)
        dropped += s->types[i].only_unused_externals && !is_referenced(s, s->types[i].name);
    if (!dropped) return;
    s->dropped = ARENA_ARRAY(s->type_map.arena, ctype, dropped);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        ctype *t = &s->types[i];
        if (t->only_unused_externals && !is_referenced(s, t->name)) {
            s->dropped[s->ndropped++] = *t;
            continue;
        }
        if (kept != i) s->types[kept] = *t;
        s->types[kept].index = kept;
        kept++;
    }
    if (kept == s->ntypes) return;
    s->ntypes = kept;
    strmap_init(&s->type_map, s->type_map.arena, kept * 2 + 2);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        ctype *t = &s->types[i];
        strmap_put(&s->type_map, t->name, t);
        for (uint32_t f = 0; f < t->nfields; f++)
            t->fields[f].parent = t;
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
    remove_emptied_types(s);
}
