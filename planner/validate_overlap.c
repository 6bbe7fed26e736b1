/* validate_overlap.c: OverlappingFieldsCanBeMerged. Fields that share a
 * response name within one selection (fragments and inline fragments
 * included) must be mergeable: the same field with the same arguments when
 * their parents may be the same object, and result shapes that agree
 * always, recursively through sub-selections.
 *
 * The comparison is quadratic by nature, so, as graphql-js 16.15 does, it
 * memoises field collection per selection set and compared fragment pairs,
 * and meters its work: past the budget it stops with "Validation aborted." */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pairmap.h"
#include "sbuf.h"
#include "strmap.h"
#include "validate_print.h"
#include "validate_rules.h"
#include "validate_scan.h"

#define OVL_BUDGET 500000   /* units of work graphql-js allows */
#define OVL_MAX_DEPTH 1000  /* nested comparisons, to bound the C stack */
#define OVL_MAX_DETAIL 1000 /* longer names and reasons are cut with "..." */
#define OVL_MAX_NODES 20    /* locations kept per side of a conflict */

/* One field of a collected selection set. */
typedef struct ovl_field {
    const schema_type *parent;
    const ast_selection *node;
    const schema_field *def; /* NULL when unknown */
} ovl_field;

typedef struct ovl_group {
    const char *response_name;
    ovl_field *fields;
    uint32_t n, cap;
} ovl_group;

/* The fields (grouped by response name, in first-seen order) and the
 * fragment names (unique, in order) a selection set holds, inline fragments
 * flattened in. */
typedef struct ovl_collected {
    ovl_group *groups;
    uint32_t ngroups, cap;
    strmap by_name; /* response name -> group index + 1, once there are many */
    const char **fragments;
    uint32_t nfragments, fragments_cap;
    strmap fragment_seen; /* once there are many */
} ovl_collected;

/* Up to this many groups or fragment names, a linear search beats hashing. */
#define OVL_LINEAR_MAX 8

typedef struct ovl_conflict {
    const char *response_name;
    const char *reason;
    const ast_selection *nodes1[OVL_MAX_NODES], *nodes2[OVL_MAX_NODES];
    uint32_t n1, n2;
} ovl_conflict;

typedef struct ovl_conflicts {
    ovl_conflict *items;
    uint32_t n, cap;
} ovl_conflicts;

typedef struct ovl_ctx {
    const schema *s;
    diag_list *errs;
    arena *scratch;
    strmap fragments;       /* name -> ast_definition* (the last of that name) */
    pairmap collected;      /* (parent type, selection set) -> ovl_collected* */
    pairmap fragment_pairs; /* (fragment, fragment) -> 1 + mutually exclusive */
    pairmap compared;       /* (ovl_collected, fragment) -> 1 + mutually exclusive */
    long budget;
    uint32_t depth;
    bool aborted;
} ovl_ctx;

/* ---- work metering ---- */

/* False once the budget is spent: every caller then unwinds. */
static bool ovl_spend(ovl_ctx *c, long cost)
{
    c->budget -= cost;
    if (c->budget < 0) c->aborted = true;
    return !c->aborted;
}

/* ---- collecting fields ---- */

/* The group of response name `name`, or NULL. */
static ovl_group *ovl_find_group(const ovl_collected *r, const char *name)
{
    if (r->by_name.cap) {
        uintptr_t index = (uintptr_t)strmap_get(&r->by_name, name);
        return index ? &r->groups[index - 1] : NULL;
    }
    for (uint32_t i = 0; i < r->ngroups; i++)
        if (strcmp(r->groups[i].response_name, name) == 0) return &r->groups[i];
    return NULL;
}

static ovl_group *ovl_add_group(ovl_ctx *c, ovl_collected *r, const char *name)
{
    if (r->ngroups == r->cap) {
        uint32_t cap = r->cap ? r->cap * 2 : 8;
        ovl_group *groups = ARENA_ARRAY(c->scratch, ovl_group, cap);
        if (r->ngroups) memcpy(groups, r->groups, r->ngroups * sizeof *groups);
        r->groups = groups;
        r->cap = cap;
    }
    r->groups[r->ngroups++] = (ovl_group){.response_name = name};
    if (r->ngroups == OVL_LINEAR_MAX + 1) {
        strmap_init(&r->by_name, c->scratch, 2 * OVL_LINEAR_MAX);
        for (uint32_t i = 0; i + 1 < r->ngroups; i++)
            strmap_put(&r->by_name, r->groups[i].response_name, (void *)(uintptr_t)(i + 1));
    }
    if (r->by_name.cap) strmap_put(&r->by_name, name, (void *)(uintptr_t)r->ngroups);
    return &r->groups[r->ngroups - 1];
}

static void ovl_add_field(ovl_ctx *c, ovl_collected *r, const schema_type *parent,
                          const ast_selection *sel)
{
    const schema_field *def = NULL;
    if (parent && (parent->kind == SCHEMA_OBJECT || parent->kind == SCHEMA_INTERFACE))
        def = schema_get_field(parent, sel->name);
    const char *key = ast_response_key(sel);
    ovl_group *g = ovl_find_group(r, key);
    if (!g) g = ovl_add_group(c, r, key);
    if (g->n == g->cap) {
        uint32_t cap = g->cap ? g->cap * 2 : 2;
        ovl_field *fields = ARENA_ARRAY(c->scratch, ovl_field, cap);
        if (g->n) memcpy(fields, g->fields, g->n * sizeof *fields);
        g->fields = fields;
        g->cap = cap;
    }
    g->fields[g->n++] = (ovl_field){parent, sel, def};
}

static bool ovl_has_fragment(const ovl_collected *r, const char *name)
{
    if (r->fragment_seen.cap) return strmap_get(&r->fragment_seen, name) != NULL;
    for (uint32_t i = 0; i < r->nfragments; i++)
        if (strcmp(r->fragments[i], name) == 0) return true;
    return false;
}

static void ovl_add_fragment(ovl_ctx *c, ovl_collected *r, const char *name)
{
    if (ovl_has_fragment(r, name)) return;
    if (r->nfragments == r->fragments_cap) {
        uint32_t cap = r->fragments_cap ? r->fragments_cap * 2 : 4;
        const char **names = ARENA_ARRAY(c->scratch, const char *, cap);
        if (r->nfragments) memcpy(names, r->fragments, r->nfragments * sizeof *names);
        r->fragments = names;
        r->fragments_cap = cap;
    }
    r->fragments[r->nfragments++] = name;
    if (r->nfragments == OVL_LINEAR_MAX + 1) {
        strmap_init(&r->fragment_seen, c->scratch, 2 * OVL_LINEAR_MAX);
        for (uint32_t i = 0; i + 1 < r->nfragments; i++)
            strmap_put(&r->fragment_seen, r->fragments[i], (void *)r->fragments[i]);
    }
    if (r->fragment_seen.cap) strmap_put(&r->fragment_seen, name, (void *)name);
}

/* Inline fragments nest no deeper than the parser allows. */
static void ovl_collect_into(ovl_ctx *c, ovl_collected *r, const schema_type *parent,
                             const ast_selection *sel)
{
    for (; sel; sel = sel->next) {
        switch (sel->kind) {
        case AST_SEL_FIELD:
            ovl_add_field(c, r, parent, sel);
            break;
        case AST_SEL_FRAGMENT_SPREAD:
            ovl_add_fragment(c, r, sel->name);
            break;
        case AST_SEL_INLINE_FRAGMENT: {
            const schema_type *type =
                sel->type_condition ? schema_get_type(c->s, sel->type_condition) : parent;
            ovl_collect_into(c, r, type, sel->selection_set);
            break;
        }
        }
    }
}

static ovl_collected *ovl_collect(ovl_ctx *c, const schema_type *parent, const ast_selection *first)
{
    /* the key's first pointer must not be NULL: use the context for "no type" */
    const void *type_key = parent ? (const void *)parent : (const void *)c;
    ovl_collected *r = (ovl_collected *)pairmap_get(&c->collected, type_key, first);
    if (r) return r;
    r = ARENA_NEW(c->scratch, ovl_collected);
    ovl_collect_into(c, r, parent, first);
    pairmap_put(&c->collected, type_key, first, (uintptr_t)r);
    return r;
}

static const ast_definition *ovl_fragment(const ovl_ctx *c, const char *name)
{
    return strmap_get(&c->fragments, name);
}

static ovl_collected *ovl_collect_fragment(ovl_ctx *c, const ast_definition *frag)
{
    return ovl_collect(c, schema_get_type(c->s, frag->type_condition), frag->selection_set);
}

/* ---- comparing values and types ---- */

static bool ovl_same_value(ovl_ctx *c, const ast_value *a, const ast_value *b);

static int ovl_field_name_cmp(const void *pa, const void *pb)
{
    const ast_object_field *a = *(const ast_object_field *const *)pa;
    const ast_object_field *b = *(const ast_object_field *const *)pb;
    int d = strcmp(a->name, b->name);
    if (d) return d;
    return a < b ? -1 : a > b; /* keep written order among equal names */
}

/* An object's fields sorted by name: argument values compare regardless of
 * field order. */
static const ast_object_field **ovl_sorted_fields(ovl_ctx *c, const ast_value *obj, uint32_t *n)
{
    uint32_t count = 0;
    for (const ast_object_field *f = obj->fields; f; f = f->next)
        count++;
    const ast_object_field **sorted =
        ARENA_ARRAY(c->scratch, const ast_object_field *, count ? count : 1);
    count = 0;
    for (const ast_object_field *f = obj->fields; f; f = f->next)
        sorted[count++] = f;
    qsort(sorted, count, sizeof *sorted, ovl_field_name_cmp);
    *n = count;
    return sorted;
}

static bool ovl_same_object(ovl_ctx *c, const ast_value *a, const ast_value *b)
{
    uint32_t na, nb;
    const ast_object_field **fa = ovl_sorted_fields(c, a, &na);
    const ast_object_field **fb = ovl_sorted_fields(c, b, &nb);
    if (na != nb) return false;
    for (uint32_t i = 0; i < na; i++)
        if (strcmp(fa[i]->name, fb[i]->name) != 0 || !ovl_same_value(c, fa[i]->value, fb[i]->value))
            return false;
    return true;
}

/* Same kind and same content; nesting is bounded by the parser. */
static bool ovl_same_value(ovl_ctx *c, const ast_value *a, const ast_value *b)
{
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case AST_VALUE_VARIABLE:
    case AST_VALUE_INT:
    case AST_VALUE_FLOAT:
    case AST_VALUE_ENUM:
        return strcmp(a->str, b->str) == 0;
    case AST_VALUE_STRING:
        return a->block == b->block && a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    case AST_VALUE_BOOLEAN:
        return a->boolean == b->boolean;
    case AST_VALUE_NULL:
        return true;
    case AST_VALUE_LIST: {
        const ast_value *x = a->items, *y = b->items;
        for (; x && y; x = x->next, y = y->next)
            if (!ovl_same_value(c, x, y)) return false;
        return !x && !y;
    }
    case AST_VALUE_OBJECT:
        return ovl_same_object(c, a, b);
    }
    return false;
}

static uint32_t ovl_count_args(const ast_argument *a)
{
    uint32_t n = 0;
    for (; a; a = a->next)
        n++;
    return n;
}

/* The last argument of that name, as a JavaScript Map built from them keeps. */
static const ast_argument *ovl_find_arg(const ast_argument *a, const char *name)
{
    const ast_argument *found = NULL;
    for (; a; a = a->next)
        if (strcmp(a->name, name) == 0) found = a;
    return found;
}

static bool ovl_same_arguments(ovl_ctx *c, const ast_argument *a1, const ast_argument *a2)
{
    if (!a1) return !a2;
    if (ovl_count_args(a1) != ovl_count_args(a2)) return false;
    for (; a1; a1 = a1->next) {
        if (!ovl_spend(c, 1)) return true;
        const ast_argument *other = ovl_find_arg(a2, a1->name);
        if (!other || !ovl_same_value(c, a1->value, other->value)) return false;
    }
    return true;
}

/* Two return types conflict when no value could satisfy both shapes. */
static bool ovl_types_conflict(ovl_ctx *c, const ast_type *t1, const ast_type *t2)
{
    if (t1 == t2 || !ovl_spend(c, 1)) return false;
    if (t1->kind == AST_TYPE_LIST)
        return t2->kind == AST_TYPE_LIST ? ovl_types_conflict(c, t1->of, t2->of) : true;
    if (t2->kind == AST_TYPE_LIST) return true;
    if (t1->kind == AST_TYPE_NON_NULL)
        return t2->kind == AST_TYPE_NON_NULL ? ovl_types_conflict(c, t1->of, t2->of) : true;
    if (t2->kind == AST_TYPE_NON_NULL) return true;
    const schema_type *n1 = schema_get_type(c->s, t1->name);
    const schema_type *n2 = schema_get_type(c->s, t2->name);
    if ((n1 && schema_is_leaf(n1)) || (n2 && schema_is_leaf(n2))) return n1 != n2;
    return false;
}

/* ---- conflicts ---- */

static const char *ovl_abbreviate(ovl_ctx *c, const char *text)
{
    if (strlen(text) <= OVL_MAX_DETAIL) return text;
    return arena_sprintf(c->scratch, "%.*s...", OVL_MAX_DETAIL, text);
}

static ovl_conflict *ovl_push(ovl_ctx *c, ovl_conflicts *list)
{
    if (list->n == list->cap) {
        uint32_t cap = list->cap ? list->cap * 2 : 4;
        ovl_conflict *items = ARENA_ARRAY(c->scratch, ovl_conflict, cap);
        if (list->n) memcpy(items, list->items, list->n * sizeof *items);
        list->items = items;
        list->cap = cap;
    }
    ovl_conflict *k = &list->items[list->n++];
    memset(k, 0, sizeof *k);
    return k;
}

static void ovl_simple_conflict(ovl_ctx *c, ovl_conflicts *out, const char *response_name,
                                const char *reason, const ovl_field *f1, const ovl_field *f2)
{
    ovl_conflict *k = ovl_push(c, out);
    k->response_name = response_name;
    k->reason = reason;
    k->nodes1[k->n1++] = f1->node;
    k->nodes2[k->n2++] = f2->node;
}

/* The enclosing field, then the sub-conflicts' nodes, keeping each one's
 * last ones when there are too many. */
static void ovl_gather_nodes(const ovl_conflicts *subs, bool first_side,
                             const ast_selection **nodes, uint32_t *n)
{
    for (uint32_t i = 0; i < subs->n && *n < OVL_MAX_NODES; i++) {
        const ovl_conflict *k = &subs->items[i];
        const ast_selection *const *src = first_side ? k->nodes1 : k->nodes2;
        uint32_t count = first_side ? k->n1 : k->n2;
        uint32_t remaining = OVL_MAX_NODES - *n;
        uint32_t from = count > remaining ? count - remaining : 0;
        for (uint32_t j = from; j < count; j++)
            nodes[(*n)++] = src[j];
    }
}

static void ovl_subfield_conflict(ovl_ctx *c, ovl_conflicts *out, const char *response_name,
                                  const ovl_field *f1, const ovl_field *f2,
                                  const ovl_conflicts *subs)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; i < subs->n; i++) {
        if (i) sbuf_puts(&b, " and ");
        sbuf_printf(&b, "subfields \"%s\" conflict because %s",
                    ovl_abbreviate(c, subs->items[i].response_name), subs->items[i].reason);
        if (b.len > OVL_MAX_DETAIL) break;
    }
    ovl_conflict *k = ovl_push(c, out);
    k->response_name = response_name;
    k->reason = ovl_abbreviate(c, arena_strdup(c->scratch, b.data));
    sbuf_free(&b);
    k->nodes1[k->n1++] = f1->node;
    k->nodes2[k->n2++] = f2->node;
    ovl_gather_nodes(subs, true, k->nodes1, &k->n1);
    ovl_gather_nodes(subs, false, k->nodes2, &k->n2);
}

static void ovl_between_sub_selections(ovl_ctx *c, ovl_conflicts *out, bool exclusive,
                                       const schema_type *p1, const ast_selection *s1,
                                       const schema_type *p2, const ast_selection *s2);

static bool ovl_simple_leaf(const ast_selection *node)
{
    return !node->arguments && !node->selection_set;
}

static const char *ovl_name_reason(ovl_ctx *c, const ovl_field *f1, const ovl_field *f2)
{
    if (strcmp(f1->node->name, f2->node->name) != 0)
        return arena_sprintf(c->scratch, "\"%s\" and \"%s\" are different fields",
                             ovl_abbreviate(c, f1->node->name), ovl_abbreviate(c, f2->node->name));
    if (!ovl_same_arguments(c, f1->node->arguments, f2->node->arguments))
        return "they have differing arguments";
    return NULL;
}

static const char *ovl_type_reason(ovl_ctx *c, const ast_type *t1, const ast_type *t2)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "they return conflicting types \"");
    validate_print_type(&b, t1);
    sbuf_puts(&b, "\" and \"");
    validate_print_type(&b, t2);
    sbuf_putc(&b, '"');
    const char *reason = arena_strdup(c->scratch, b.data);
    sbuf_free(&b);
    return reason;
}

/* graphql-js compares type objects by identity here: named types are one
 * object each, wrapped ones one per field definition. */
static bool ovl_same_type_object(const ast_type *t1, const ast_type *t2)
{
    if (t1 == t2) return true;
    return t1 && t2 && t1->kind == AST_TYPE_NAMED && t2->kind == AST_TYPE_NAMED &&
           strcmp(t1->name, t2->name) == 0;
}

/* Adds to out the conflict between two fields of one response name, if any. */
static void ovl_find_conflict(ovl_ctx *c, ovl_conflicts *out, bool parents_exclusive,
                              const char *response_name, const ovl_field *f1, const ovl_field *f2)
{
    bool exclusive = parents_exclusive ||
                     (f1->parent != f2->parent && f1->parent && f2->parent &&
                      f1->parent->kind == SCHEMA_OBJECT && f2->parent->kind == SCHEMA_OBJECT);
    if (!ovl_spend(c, 2)) return;
    const ast_type *t1 = f1->def ? f1->def->type : NULL, *t2 = f2->def ? f2->def->type : NULL;
    if (ovl_simple_leaf(f1->node) && ovl_simple_leaf(f2->node) && ovl_same_type_object(t1, t2) &&
        strcmp(f1->node->name, f2->node->name) == 0)
        return;
    if (!exclusive) {
        const char *reason = ovl_name_reason(c, f1, f2);
        if (c->aborted) return;
        if (reason) {
            ovl_simple_conflict(c, out, response_name, reason, f1, f2);
            return;
        }
    }
    if (t1 && t2 && ovl_types_conflict(c, t1, t2)) {
        ovl_simple_conflict(c, out, response_name, ovl_type_reason(c, t1, t2), f1, f2);
        return;
    }
    if (!f1->node->selection_set || !f2->node->selection_set || c->aborted) return;
    if (c->depth >= OVL_MAX_DEPTH) {
        c->aborted = true;
        return;
    }
    c->depth++;
    ovl_conflicts subs = {0};
    ovl_between_sub_selections(c, &subs, exclusive, f1->def ? f1->def->named : NULL,
                               f1->node->selection_set, f2->def ? f2->def->named : NULL,
                               f2->node->selection_set);
    c->depth--;
    if (subs.n && !c->aborted) ovl_subfield_conflict(c, out, response_name, f1, f2, &subs);
}

static void ovl_within(ovl_ctx *c, ovl_conflicts *out, const ovl_collected *r)
{
    for (uint32_t g = 0; g < r->ngroups && !c->aborted; g++) {
        const ovl_group *group = &r->groups[g];
        for (uint32_t i = 0; i < group->n; i++)
            for (uint32_t j = i + 1; j < group->n && !c->aborted; j++)
                ovl_find_conflict(c, out, false, group->response_name, &group->fields[i],
                                  &group->fields[j]);
    }
}

static void ovl_between(ovl_ctx *c, ovl_conflicts *out, bool exclusive, const ovl_collected *r1,
                        const ovl_collected *r2)
{
    if (!r1->ngroups || !r2->ngroups) return;
    for (uint32_t g = 0; g < r1->ngroups && !c->aborted; g++) {
        if (!ovl_spend(c, 1)) return;
        const ovl_group *g1 = &r1->groups[g];
        const ovl_group *g2 = ovl_find_group(r2, g1->response_name);
        if (!g2) continue;
        for (uint32_t i = 0; i < g1->n; i++)
            for (uint32_t j = 0; j < g2->n && !c->aborted; j++)
                ovl_find_conflict(c, out, exclusive, g1->response_name, &g1->fields[i],
                                  &g2->fields[j]);
    }
}

/* Memo states for compared pairs: absent, compared non-exclusively (which
 * covers the exclusive case too), compared exclusively only. */
enum { OVL_NOT_COMPARED, OVL_COMPARED_SHARED, OVL_COMPARED_EXCLUSIVE };

static uintptr_t ovl_state(bool exclusive)
{
    return exclusive ? OVL_COMPARED_EXCLUSIVE : OVL_COMPARED_SHARED;
}

static void ovl_fields_and_fragment(ovl_ctx *c, ovl_conflicts *out, bool exclusive,
                                    ovl_collected *r, const char *fragment_name)
{
    if (!ovl_spend(c, 1) || !r->ngroups) return;
    const ast_definition *frag = ovl_fragment(c, fragment_name);
    if (!frag) return;
    uintptr_t seen = pairmap_get(&c->compared, r, frag);
    if (seen == OVL_COMPARED_SHARED || (exclusive && seen == OVL_COMPARED_EXCLUSIVE)) return;
    pairmap_put(&c->compared, r, frag, ovl_state(exclusive));
    ovl_collected *r2 = ovl_collect_fragment(c, frag);
    if (r2 == r) return;
    if (c->depth >= OVL_MAX_DEPTH) {
        c->aborted = true;
        return;
    }
    c->depth++;
    ovl_between(c, out, exclusive, r, r2);
    for (uint32_t i = 0; i < r2->nfragments && !c->aborted; i++)
        ovl_fields_and_fragment(c, out, exclusive, r, r2->fragments[i]);
    c->depth--;
}

static bool ovl_fragment_pair_seen(ovl_ctx *c, const void *a, const void *b, bool exclusive)
{
    uintptr_t ab = pairmap_get(&c->fragment_pairs, a, b);
    uintptr_t ba = pairmap_get(&c->fragment_pairs, b, a);
    if (exclusive) return ab || ba;
    return ab == OVL_COMPARED_SHARED || ba == OVL_COMPARED_SHARED;
}

static void ovl_fragments(ovl_ctx *c, ovl_conflicts *out, bool exclusive, const char *name1,
                          const char *name2)
{
    if (!ovl_spend(c, 2) || strcmp(name1, name2) == 0) return;
    const ast_definition *f1 = ovl_fragment(c, name1), *f2 = ovl_fragment(c, name2);
    if (!f1 || !f2) return; /* nothing to compare; memoising them would change nothing */
    if (ovl_fragment_pair_seen(c, f1, f2, exclusive)) return;
    pairmap_put(&c->fragment_pairs, f1, f2, ovl_state(exclusive));
    ovl_collected *r1 = ovl_collect_fragment(c, f1), *r2 = ovl_collect_fragment(c, f2);
    if (c->depth >= OVL_MAX_DEPTH) {
        c->aborted = true;
        return;
    }
    c->depth++;
    ovl_between(c, out, exclusive, r1, r2);
    for (uint32_t i = 0; i < r2->nfragments && !c->aborted; i++)
        ovl_fragments(c, out, exclusive, name1, r2->fragments[i]);
    for (uint32_t i = 0; i < r1->nfragments && !c->aborted; i++)
        ovl_fragments(c, out, exclusive, r1->fragments[i], name2);
    c->depth--;
}

static void ovl_between_sub_selections(ovl_ctx *c, ovl_conflicts *out, bool exclusive,
                                       const schema_type *p1, const ast_selection *s1,
                                       const schema_type *p2, const ast_selection *s2)
{
    ovl_collected *r1 = ovl_collect(c, p1, s1), *r2 = ovl_collect(c, p2, s2);
    ovl_between(c, out, exclusive, r1, r2);
    for (uint32_t i = 0; i < r2->nfragments && !c->aborted; i++)
        ovl_fields_and_fragment(c, out, exclusive, r1, r2->fragments[i]);
    for (uint32_t i = 0; i < r1->nfragments && !c->aborted; i++)
        ovl_fields_and_fragment(c, out, exclusive, r2, r1->fragments[i]);
    for (uint32_t i = 0; i < r1->nfragments && !c->aborted; i++)
        for (uint32_t j = 0; j < r2->nfragments && !c->aborted; j++)
            ovl_fragments(c, out, exclusive, r1->fragments[i], r2->fragments[j]);
}

static void ovl_within_selection_set(ovl_ctx *c, ovl_conflicts *out, const schema_type *parent,
                                     const ast_selection *first)
{
    ovl_collected *r = ovl_collect(c, parent, first);
    ovl_within(c, out, r);
    if (!r->nfragments || (!r->ngroups && r->nfragments < 2)) return;
    for (uint32_t i = 0; i < r->nfragments && !c->aborted; i++) {
        ovl_fields_and_fragment(c, out, false, r, r->fragments[i]);
        for (uint32_t j = i + 1; j < r->nfragments && !c->aborted; j++)
            ovl_fragments(c, out, false, r->fragments[i], r->fragments[j]);
    }
}

static void ovl_report(ovl_ctx *c, const ovl_conflict *k)
{
    diag *e = diag_add(c->errs, k->nodes1[0]->loc,
                       "Fields \"%s\" conflict because %s. Use different aliases on the fields "
                       "to fetch both if this was intentional.",
                       ovl_abbreviate(c, k->response_name), k->reason);
    for (uint32_t i = 1; i < k->n1; i++)
        diag_loc(e, k->nodes1[i]->loc);
    for (uint32_t i = 0; i < k->n2; i++)
        diag_loc(e, k->nodes2[i]->loc);
}

static void ovl_on_selection_set(void *user, const schema_type *parent, const ast_selection *first)
{
    ovl_ctx *c = user;
    if (c->aborted) return;
    if (!first->next && first->kind != AST_SEL_INLINE_FRAGMENT) return;
    ovl_conflicts found = {0};
    ovl_within_selection_set(c, &found, parent, first);
    if (c->aborted) return; /* graphql-js drops the set being compared */
    for (uint32_t i = 0; i < found.n; i++)
        ovl_report(c, &found.items[i]);
}

void validate_overlap_rules(const schema *s, const ast_document *doc, diag_list *errs)
{
    arena scratch;
    arena_init(&scratch, 0);
    ovl_ctx c = {.s = s, .errs = errs, .scratch = &scratch, .budget = OVL_BUDGET};
    strmap_init(&c.fragments, &scratch, 16);
    pairmap_init(&c.collected, &scratch);
    pairmap_init(&c.fragment_pairs, &scratch);
    pairmap_init(&c.compared, &scratch);
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_FRAGMENT) strmap_put(&c.fragments, d->name, (void *)d);
    vscan_visitor v = {.user = &c, .selection_set = ovl_on_selection_set};
    vscan sc;
    vscan_init(&sc, s);
    for (const ast_definition *d = doc->definitions; d && !c.aborted; d = d->next)
        vscan_definition(&sc, d, &v);
    if (c.aborted) diag_add(errs, (src_loc){0, 0}, "Validation aborted.");
    arena_free(&scratch);
}
