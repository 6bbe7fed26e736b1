/* compose_subgraph_used.c: which fields a subgraph's own field sets select.
 * Apollo calls them "used": an unused @external field of a Federation 1
 * subgraph is dropped, and a field overridden away that is still used stays
 * in its subgraph (usedOverridden). Fields implementing an interface's fields
 * are used too. Key fields are shareable, and an @external
 * field a @provides selects is only partially external (provided). */
#include <string.h>

#include "compose_int.h"

/* Field sets nest no deeper than the parser allowed; this bounds the walk. */
#define USED_MAX_DEPTH 128

/* What selecting a field in a field set says of it. */
typedef enum use_kind { USE_KEY, USE_REQUIRES, USE_PROVIDES } use_kind;

static void mark_field(cfield *f, use_kind use)
{
    f->used = true;
    if (use == USE_KEY) f->shareable = true; /* key fields are shareable (Apollo) */
    if (use == USE_PROVIDES) f->provided = true;
}

static void mark_selection(const csub *s, const ctype *t, const ast_selection *sel, use_kind use,
                           unsigned depth)
{
    if (!t || depth > USED_MAX_DEPTH) return;
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            const ctype *cond = sel->type_condition ? csub_type(s, sel->type_condition) : t;
            mark_selection(s, cond, sel->selection_set, use, depth + 1);
            continue;
        }
        if (sel->kind != AST_SEL_FIELD) continue;
        cfield *f = (cfield *)ctype_field(t, sel->name);
        if (!f) continue;
        mark_field(f, use);
        if (sel->selection_set)
            mark_selection(s, csub_type(s, ast_type_name(f->type)), sel->selection_set, use,
                           depth + 1);
    }
}

static bool declares(const ctype *t, const char *itf)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        if (!strcmp(t->interfaces[i].name, itf)) return true;
    return false;
}

/* Fields that implement an interface's field are used: the interface needs them. */
static void mark_implementations(csub *s, const ctype *itf)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT || !declares(t, itf->name)) continue;
        for (uint32_t f = 0; f < itf->nfields; f++) {
            cfield *impl = (cfield *)ctype_field(t, itf->fields[f].name);
            if (impl) impl->used = true;
        }
    }
}

void compose_mark_used(csub *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        for (uint32_t k = 0; k < t->nkeys; k++)
            mark_selection(s, t, t->keys[k].selection, USE_KEY, 0);
        for (uint32_t f = 0; f < t->nfields; f++) {
            const cfield *fd = &t->fields[f];
            mark_selection(s, t, fd->requires_sel, USE_REQUIRES, 0);
            mark_selection(s, csub_type(s, ast_type_name(fd->type)), fd->provides_sel, USE_PROVIDES,
                           0);
        }
        if (t->kind == SCHEMA_INTERFACE) mark_implementations(s, t);
    }
}
