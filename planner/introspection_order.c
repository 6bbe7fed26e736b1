/* introspection_order.c: the order in which introspection lists types and
 * directives. graphql-js builds its type map by walking the schema: first the
 * SDL's own types in definition order, each followed by the not yet seen
 * types it references (in practice the built-in scalars), then the types
 * reachable from the root types, from directive arguments and from __Schema.
 * Built-in scalars nobody uses are not in the map. Clients diff
 * introspection results, so the order is reproduced exactly. */
#include "introspection.h"

#include <string.h>

typedef struct type_walk {
    const schema *schema;
    bool *seen; /* by schema_type.index */
    const schema_type **order;
    uint32_t count;
} type_walk;

static void walk_type(type_walk *w, const schema_type *t);

static void walk_name(type_walk *w, const char *name)
{
    const schema_type *t = schema_get_type(w->schema, name);
    if (t) walk_type(w, t);
}

static void walk_ref(type_walk *w, const ast_type *ref)
{
    walk_name(w, ast_type_name(ref));
}

/* collectReferencedTypes: a pre-order walk that stops at seen types. The
 * schema's own types are marked before the walk starts, so it only descends
 * into built-in types and its depth is bounded by their number. */
static void walk_type(type_walk *w, const schema_type *t)
{
    if (w->seen[t->index]) return;
    w->seen[t->index] = true;
    w->order[w->count++] = t;
    if (t->kind == SCHEMA_UNION) {
        for (uint32_t i = 0; i < t->npossible; i++)
            walk_type(w, t->possible[i]);
        return;
    }
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        walk_type(w, t->interfaces[i]);
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        walk_ref(w, f->type);
        for (uint32_t j = 0; j < f->nargs; j++)
            walk_ref(w, f->args[j].type);
    }
}

uint32_t introspection_type_order(const schema *s, arena *a, const schema_type ***types)
{
    type_walk w = {.schema = s,
                   .seen = ARENA_ARRAY(a, bool, s->ntypes + 1),
                   .order = ARENA_ARRAY(a, const schema_type *, s->ntypes + 1),
                   .count = 0};
    for (uint32_t i = 0; i < s->ntypes; i++)
        if (!s->types[i]->builtin) w.seen[i] = true;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const schema_type *t = s->types[i];
        if (t->builtin) continue;
        w.seen[i] = false; /* "delete, then collect": re-added at the end */
        walk_type(&w, t);
    }
    const schema_type *roots[] = {s->query, s->mutation, s->subscription};
    for (size_t i = 0; i < 3; i++)
        if (roots[i]) walk_type(&w, roots[i]);
    const schema_directive **dirs;
    uint32_t ndirs = introspection_directive_order(s, a, &dirs);
    for (uint32_t i = 0; i < ndirs; i++)
        for (uint32_t j = 0; j < dirs[i]->nargs; j++)
            walk_ref(&w, dirs[i]->args[j].type);
    walk_name(&w, "__Schema");
    *types = w.order;
    return w.count;
}

/* graphql-js's specifiedDirectives, in its order. */
static const char *const builtin_directive_names[] = {"include", "skip", "deprecated",
                                                      "specifiedBy", "oneOf"};

uint32_t introspection_directive_order(const schema *s, arena *a,
                                       const schema_directive ***directives)
{
    const schema_directive **order = ARENA_ARRAY(a, const schema_directive *, s->ndirectives + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->ndirectives; i++)
        if (!s->directives[i]->builtin) order[n++] = s->directives[i];
    size_t nbuiltin = sizeof builtin_directive_names / sizeof *builtin_directive_names;
    for (size_t i = 0; i < nbuiltin; i++) {
        const schema_directive *d = schema_get_directive(s, builtin_directive_names[i]);
        if (d && d->builtin) order[n++] = d;
    }
    *directives = order;
    return n;
}
