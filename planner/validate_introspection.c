/* validate_introspection.c: maximum introspection depth, the rule graphql-js
 * (16.9 and later) runs with the specification's ones: below __schema or
 * __type, at most two of the introspection list fields (fields, interfaces,
 * possibleTypes, inputFields) may nest, through fragments too, so a small
 * query cannot make the server print the schema many times over. The search
 * is iterative, and remembers per fragment the entry depths already known to
 * pass or to fail, as graphql-js does, so each fragment is searched again
 * only when entered at a shallower depth. */
#include "validate_structure.h"

#include <string.h>

#define VSTRUCT_MAX_INTROSPECTION_LISTS 3

/* One selection list being searched. */
typedef struct vstruct_depth_frame {
    const ast_selection *next;
    unsigned depth;
    const char *fragment; /* the body of this fragment, entered by a spread; or NULL */
} vstruct_depth_frame;

typedef struct vstruct_depth_search {
    vstruct *vs;
    strmap visited; /* fragment -> entry depth + 1, for this search */
    vstruct_depth_frame *frames;
    uint32_t nframes, cap;
} vstruct_depth_search;

/* Entry depths are stored plus one, so that NULL means "none". */
static bool vstruct_depth_get(const strmap *m, const char *name, unsigned *depth)
{
    uintptr_t v = (uintptr_t)strmap_get(m, name);
    if (v) *depth = (unsigned)(v - 1);
    return v != 0;
}

static void vstruct_depth_put(strmap *m, const char *name, unsigned depth)
{
    strmap_put(m, name, (void *)(uintptr_t)(depth + 1));
}

static void vstruct_depth_push(vstruct_depth_search *s, const ast_selection *first, unsigned depth,
                               const char *fragment)
{
    if (s->nframes == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 16;
        vstruct_depth_frame *frames = ARENA_ARRAY(s->vs->arena, vstruct_depth_frame, cap);
        if (s->nframes) memcpy(frames, s->frames, sizeof *frames * s->nframes);
        s->frames = frames;
        s->cap = cap;
    }
    s->frames[s->nframes++] = (vstruct_depth_frame){first, depth, fragment};
}

static bool vstruct_is_introspection_list(const char *name)
{
    return strcmp(name, "fields") == 0 || strcmp(name, "interfaces") == 0 ||
           strcmp(name, "possibleTypes") == 0 || strcmp(name, "inputFields") == 0;
}

/* Follows a spread unless its fragment is known to fail deeper than here
 * (returns true: the depth is exceeded) or was searched from a depth at
 * least as deep. */
static bool vstruct_depth_spread(vstruct_depth_search *s, const char *name, unsigned depth)
{
    vstruct *vs = s->vs;
    unsigned seen;
    if (vstruct_depth_get(&vs->introspection_exceeded, name, &seen) && seen <= depth) return true;
    if ((vstruct_depth_get(&s->visited, name, &seen) && seen >= depth) ||
        (vstruct_depth_get(&vs->introspection_checked, name, &seen) && seen >= depth))
        return false;
    const ast_definition *frag = vstruct_fragment_def(vs, name);
    if (!frag) return false;
    vstruct_depth_put(&s->visited, name, depth);
    vstruct_depth_push(s, frag->selection_set, depth, name);
    return false;
}

/* Takes one selection from the top frame; true when the depth is exceeded. */
static bool vstruct_depth_step(vstruct_depth_search *s)
{
    vstruct_depth_frame *top = &s->frames[s->nframes - 1];
    const ast_selection *sel = top->next;
    unsigned depth = top->depth;
    if (!sel) {
        if (top->fragment) vstruct_depth_put(&s->vs->introspection_checked, top->fragment, depth);
        s->nframes--;
        return false;
    }
    top->next = sel->next;
    if (sel->kind == AST_SEL_FRAGMENT_SPREAD) return vstruct_depth_spread(s, sel->name, depth);
    if (sel->kind == AST_SEL_FIELD && vstruct_is_introspection_list(sel->name) &&
        ++depth >= VSTRUCT_MAX_INTROSPECTION_LISTS)
        return true;
    if (sel->selection_set) vstruct_depth_push(s, sel->selection_set, depth, NULL);
    return false;
}

/* Whether the lists below an introspection field nest too deep. Every
 * fragment being searched when the limit is hit fails from its entry depth. */
static bool vstruct_introspection_too_deep(vstruct *vs, const ast_selection *field)
{
    if (!vs->introspection_checked.slots) {
        strmap_init(&vs->introspection_checked, vs->arena, 8);
        strmap_init(&vs->introspection_exceeded, vs->arena, 8);
    }
    vstruct_depth_search s = {0};
    s.vs = vs;
    strmap_init(&s.visited, vs->arena, 8);
    vstruct_depth_push(&s, field->selection_set, 0, NULL);
    while (s.nframes) {
        if (!vstruct_depth_step(&s)) continue;
        for (uint32_t i = 0; i < s.nframes; i++)
            if (s.frames[i].fragment)
                vstruct_depth_put(&vs->introspection_exceeded, s.frames[i].fragment,
                                  s.frames[i].depth);
        return true;
    }
    return false;
}

void vstruct_check_introspection_depth(vstruct *vs, const vwalk_at *at)
{
    /* Below a field already reported, graphql-js looks no further. */
    if (vs->introspection_reported_depth && at->depth > vs->introspection_reported_depth) return;
    vs->introspection_reported_depth = 0;
    const ast_selection *sel = at->sel;
    if (sel->kind != AST_SEL_FIELD) return;
    if (strcmp(sel->name, "__schema") != 0 && strcmp(sel->name, "__type") != 0) return;
    if (!vstruct_introspection_too_deep(vs, sel)) return;
    diag_add(vs->errs, sel->loc, "Maximum introspection depth exceeded");
    vs->introspection_reported_depth = at->depth;
}
