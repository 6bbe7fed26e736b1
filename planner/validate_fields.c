/* validate_fields.c: field selections: fields on correct type (the selected
 * field exists on the type it is selected on, with graphql-js's suggestions)
 * and leaf field selections (leaves have no selection set, composites need
 * one). */
#include "validate_structure.h"
#include "suggest.h"

#include <string.h>

/* Is t (an interface) a super type of u? */
static bool vstruct_is_super(const schema_type *t, const schema_type *u)
{
    if (t->kind != SCHEMA_INTERFACE) return false;
    return u->kind == SCHEMA_INTERFACE ? schema_implements(u, t) : schema_is_possible_type(t, u);
}

/* graphql-js's order of suggested types: most used first, an interface
 * before its subtypes, then by name. */
static int vstruct_suggested_cmp(const schema_type *a, unsigned ua, const schema_type *b,
                                 unsigned ub)
{
    if (ua != ub) return ua > ub ? -1 : 1;
    if (vstruct_is_super(a, b)) return -1;
    if (vstruct_is_super(b, a)) return 1;
    return suggest_natural_compare(a->name, b->name);
}

/* For an abstract type: the possible types, and their interfaces, that do
 * have the field (a fragment on one of them would make it valid). */
static const char *vstruct_suggest_types(vstruct *vs, const schema_type *t, const char *name)
{
    if (!schema_is_abstract(t)) return "";
    uint32_t cap = 0;
    for (uint32_t i = 0; i < t->npossible; i++)
        cap += 1 + t->possible[i]->ninterfaces;
    const schema_type **types = ARENA_ARRAY(vs->arena, const schema_type *, cap + 1);
    unsigned *usage = ARENA_ARRAY(vs->arena, unsigned, cap + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->npossible; i++) {
        const schema_type *obj = t->possible[i];
        if (!schema_get_field(obj, name)) continue;
        types[n] = obj;
        usage[n++] = 1;
        for (uint32_t k = 0; k < obj->ninterfaces; k++) {
            const schema_type *iface = obj->interfaces[k];
            if (!schema_get_field(iface, name)) continue;
            uint32_t j = 0;
            while (j < n && types[j] != iface)
                j++;
            if (j == n) {
                types[n] = iface;
                usage[n++] = 0;
            }
            usage[j]++;
        }
    }
    /* stable insertion sort, as JavaScript's sort is stable */
    for (uint32_t i = 1; i < n; i++) {
        const schema_type *ti = types[i];
        unsigned ui = usage[i];
        uint32_t j = i;
        while (j > 0 && vstruct_suggested_cmp(types[j - 1], usage[j - 1], ti, ui) > 0) {
            types[j] = types[j - 1];
            usage[j] = usage[j - 1];
            j--;
        }
        types[j] = ti;
        usage[j] = ui;
    }
    const char **names = ARENA_ARRAY(vs->arena, const char *, n + 1);
    for (uint32_t i = 0; i < n; i++)
        names[i] = types[i]->name;
    return vstruct_hint_names(vs, "to use an inline fragment on", names, n);
}

/* For an object or interface: its fields with a name close to `name`. */
static const char *vstruct_suggest_fields(vstruct *vs, const schema_type *t, const char *name)
{
    if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) return "";
    const char **names = ARENA_ARRAY(vs->arena, const char *, t->nfields + 1);
    for (uint32_t i = 0; i < t->nfields; i++)
        names[i] = t->fields[i].name;
    return vstruct_hint(vs, name, names, t->nfields);
}

static void vstruct_check_field_exists(vstruct *vs, const vwalk_at *at)
{
    if (!at->parent || at->field) return;
    const char *name = at->sel->name;
    const char *hint = vstruct_suggest_types(vs, at->parent, name);
    if (!*hint) hint = vstruct_suggest_fields(vs, at->parent, name);
    diag_add(vs->errs, at->sel->loc, "Cannot query field \"%s\" on type \"%s\".%s", name,
             at->parent->name, hint);
}

static void vstruct_check_leaf_selection(vstruct *vs, const vwalk_at *at)
{
    if (!at->field || !at->field->named) return;
    const ast_selection *sel = at->sel;
    if (schema_is_leaf(at->field->named)) {
        if (sel->selection_set)
            diag_add(vs->errs, sel->selection_set_loc,
                     "Field \"%s\" must not have a selection since type \"%s\" has no subfields.",
                     sel->name, schema_type_ref_text(vs->arena, at->field->type));
    } else if (!sel->selection_set) {
        diag_add(vs->errs, sel->loc,
                 "Field \"%s\" of type \"%s\" must have a selection of subfields. Did you mean "
                 "\"%s { ... }\"?",
                 sel->name, schema_type_ref_text(vs->arena, at->field->type), sel->name);
    }
}

void vstruct_check_field(vstruct *vs, const vwalk_at *at)
{
    vstruct_check_field_exists(vs, at);
    vstruct_check_leaf_selection(vs, at);
}
