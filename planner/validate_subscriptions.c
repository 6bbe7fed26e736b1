/* validate_subscriptions.c: single root field: a subscription selects
 * exactly one top-level field, and not an introspection one. The fields are
 * collected as execution would collect them (through fragments whose type
 * condition applies, leaving out what @skip/@include with a literal
 * condition drop), grouped by response key. */
#include "validate_structure.h"

#include <string.h>

/* The selections of one response key, in document order. */
typedef struct vstruct_key_group {
    const ast_selection **fields;
    uint32_t len, cap;
    struct vstruct_key_group *next;
} vstruct_key_group;

typedef struct vstruct_collect {
    vstruct *vs;
    schema_type *root;
    strmap keys;    /* response key -> vstruct_key_group */
    strmap visited; /* fragment names already collected */
    vstruct_key_group *first, *last;
    uint32_t ngroups;
} vstruct_collect;

/* A literal `if:` of directive `name` on the selection, or -1 when there is
 * none (a variable condition is unknown here: the selection counts). */
static int vstruct_literal_condition(const ast_directive *dirs, const char *name)
{
    const ast_directive *d = ast_find_directive(dirs, name);
    const ast_argument *arg = d ? ast_find_argument(d->arguments, "if") : NULL;
    if (!arg || arg->value->kind != AST_VALUE_BOOLEAN) return -1;
    return arg->value->boolean;
}

static bool vstruct_included(const ast_selection *sel)
{
    return vstruct_literal_condition(sel->directives, "skip") != 1 &&
           vstruct_literal_condition(sel->directives, "include") != 0;
}

/* Does a fragment on type condition `name` apply to the root type? */
static bool vstruct_condition_applies(const vstruct_collect *c, const char *name)
{
    if (!name) return true;
    const schema_type *t = schema_get_type(c->vs->schema, name);
    if (!t) return false;
    return t == c->root || (schema_is_abstract(t) && schema_is_possible_type(t, c->root));
}

static void vstruct_add_field(vstruct_collect *c, const ast_selection *field)
{
    arena *a = c->vs->arena;
    const char *key = ast_response_key(field);
    vstruct_key_group *g = strmap_get(&c->keys, key);
    if (!g) {
        g = ARENA_NEW(a, vstruct_key_group);
        strmap_put(&c->keys, key, g);
        if (c->last)
            c->last->next = g;
        else
            c->first = g;
        c->last = g;
        c->ngroups++;
    }
    if (g->len == g->cap) {
        uint32_t cap = g->cap ? g->cap * 2 : 4;
        const ast_selection **fields = ARENA_ARRAY(a, const ast_selection *, cap);
        if (g->len) memcpy(fields, g->fields, sizeof *fields * g->len);
        g->fields = fields;
        g->cap = cap;
    }
    g->fields[g->len++] = field;
}

static void vstruct_collect_set(vstruct_collect *c, const ast_selection *set, unsigned depth)
{
    if (depth > VWALK_MAX_DEPTH) return;
    for (const ast_selection *sel = set; sel; sel = sel->next) {
        if (!vstruct_included(sel)) continue;
        if (sel->kind == AST_SEL_FIELD) {
            vstruct_add_field(c, sel);
        } else if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            if (vstruct_condition_applies(c, sel->type_condition))
                vstruct_collect_set(c, sel->selection_set, depth + 1);
        } else if (!strmap_get(&c->visited, sel->name)) {
            strmap_put(&c->visited, sel->name, (void *)sel);
            const ast_definition *frag = vstruct_fragment_def(c->vs, sel->name);
            if (frag && vstruct_condition_applies(c, frag->type_condition))
                vstruct_collect_set(c, frag->selection_set, depth + 1);
        }
    }
}

static void vstruct_report_extra_fields(vstruct_collect *c, const ast_definition *op)
{
    diag *e = NULL;
    for (const vstruct_key_group *g = c->first->next; g; g = g->next) {
        for (uint32_t i = 0; i < g->len; i++) {
            if (e) {
                diag_loc(e, g->fields[i]->loc);
            } else if (op->name) {
                e = diag_add(c->vs->errs, g->fields[i]->loc,
                             "Subscription \"%s\" must select only one top level field.", op->name);
            } else {
                e = diag_add(c->vs->errs, g->fields[i]->loc,
                             "Anonymous Subscription must select only one top level field.");
            }
        }
    }
}

static void vstruct_report_introspection(vstruct_collect *c, const ast_definition *op)
{
    for (const vstruct_key_group *g = c->first; g; g = g->next) {
        const char *name = g->fields[0]->name;
        if (name[0] != '_' || name[1] != '_') continue;
        diag *e = op->name ? diag_add(c->vs->errs, g->fields[0]->loc,
                                      "Subscription \"%s\" must not select an introspection top "
                                      "level field.",
                                      op->name)
                           : diag_add(c->vs->errs, g->fields[0]->loc,
                                      "Anonymous Subscription must not select an introspection "
                                      "top level field.");
        for (uint32_t i = 1; i < g->len; i++)
            diag_loc(e, g->fields[i]->loc);
    }
}

void vstruct_check_subscription(vstruct *vs, const ast_definition *op)
{
    if (op->operation != AST_OP_SUBSCRIPTION || !vs->schema->subscription) return;
    vstruct_collect c = {0};
    c.vs = vs;
    c.root = vs->schema->subscription;
    strmap_init(&c.keys, vs->arena, 8);
    strmap_init(&c.visited, vs->arena, 8);
    vstruct_collect_set(&c, op->selection_set, 1);
    if (c.ngroups > 1) vstruct_report_extra_fields(&c, op);
    vstruct_report_introspection(&c, op);
}
