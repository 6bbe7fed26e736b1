/* validate_variables.c: the variable rules: UniqueVariableNames,
 * VariablesAreInputTypes, NoUndefinedVariables, NoUnusedVariables and
 * VariablesInAllowedPosition. Usages inside fragments count for every
 * operation that spreads them, directly or through other fragments. */
#include "validate_values.h"

#include <string.h>

#include "sbuf.h"
#include "validate_print.h"

typedef struct vvar_usage vvar_usage;

/* One `$name` in an argument value, with what its position expects. */
struct vvar_usage {
    const ast_value *node;
    const ast_type *type;            /* NULL when the position's type is unknown */
    bool has_default;                /* the argument or input field has a default */
    const schema_type *parent_input; /* the input object it is a field of, if any */
    vvar_usage *next;
};

/* The usages of one definition, in document order. */
struct vvar_list {
    vvar_usage *first, *last;
};

typedef struct vvar_collector {
    vval_ctx *c;
    vvar_list *out;
} vvar_collector;

static void vvar_add_usage(vvar_collector *k, const ast_value *v, const ast_type *type,
                           bool has_default, const ast_type *parent)
{
    vvar_usage *u = ARENA_NEW(k->c->scratch, vvar_usage);
    u->node = v;
    u->type = type;
    u->has_default = has_default;
    if (parent && parent->kind == AST_TYPE_NAMED) {
        const schema_type *p = vscan_named(k->c->s, parent);
        if (p && p->kind == SCHEMA_INPUT_OBJECT) u->parent_input = p;
    }
    if (k->out->last)
        k->out->last->next = u;
    else
        k->out->first = u;
    k->out->last = u;
}

/* Follows the expected type down the value as graphql-js's TypeInfo does. */
static void vvar_collect_value(vvar_collector *k, const ast_value *v, const ast_type *type,
                               bool has_default, const ast_type *parent)
{
    switch (v->kind) {
    case AST_VALUE_VARIABLE:
        vvar_add_usage(k, v, type, has_default, parent);
        break;
    case AST_VALUE_LIST: {
        const ast_type *list = vscan_nullable(type);
        const ast_type *item = list && list->kind == AST_TYPE_LIST ? list->of : list;
        for (const ast_value *i = v->items; i; i = i->next)
            vvar_collect_value(k, i, item, false, type);
        break;
    }
    case AST_VALUE_OBJECT: {
        const schema_type *named = vscan_named(k->c->s, type);
        for (const ast_object_field *f = v->fields; f; f = f->next) {
            const schema_field *def = named && named->kind == SCHEMA_INPUT_OBJECT
                                          ? schema_get_field(named, f->name)
                                          : NULL;
            vvar_collect_value(k, f->value, def ? def->type : NULL, def && def->default_value,
                               type);
        }
        break;
    }
    default:
        break;
    }
}

static void vvar_collect_into(vval_ctx *c, vvar_list *out, const ast_value *v,
                              const vscan_position *pos)
{
    if (pos->in_variable_default) return; /* defaults are constants */
    vvar_collector k = {c, out};
    vvar_collect_value(&k, v, pos->type, pos->has_default, NULL);
}

void vvar_collect(vval_ctx *c, const ast_value *v, const vscan_position *pos)
{
    vvar_collect_into(c, c->collecting, v, pos);
}

static void vvar_on_value(void *user, const ast_value *v, const vscan_position *pos)
{
    vvar_collector *k = user;
    vvar_collect_into(k->c, k->out, v, pos);
}

/* A fragment's usages: collected when the walk passed it, or now by a walk
 * of its own when an operation before it spreads it. */
static const vvar_list *vvar_fragment_usages(vval_ctx *c, const ast_definition *frag)
{
    vvar_list *cached = strmap_get(&c->usages, frag->name);
    if (cached) return cached;
    cached = ARENA_NEW(c->scratch, vvar_list);
    vvar_collector k = {c, cached};
    vscan_visitor v = {.user = &k, .value = vvar_on_value};
    vscan_definition(&c->usage_scan, frag, &v);
    strmap_put(&c->usages, frag->name, cached);
    return cached;
}

/* A growable array of names in first-seen order with a membership map. */
typedef struct vvar_names {
    const char **items;
    uint32_t n, cap;
    strmap seen;
} vvar_names;

static void vvar_names_add(vval_ctx *c, vvar_names *names, const char *name)
{
    if (strmap_get(&names->seen, name)) return;
    strmap_put(&names->seen, name, (void *)name);
    if (names->n == names->cap) {
        uint32_t cap = names->cap ? names->cap * 2 : 16;
        const char **items = ARENA_ARRAY(c->scratch, const char *, cap);
        if (names->n) memcpy(items, names->items, names->n * sizeof *items);
        names->items = items;
        names->cap = cap;
    }
    names->items[names->n++] = name;
}

/* Adds the fragment names spread anywhere under first, in the order
 * graphql-js's getFragmentSpreads lists them (a set's own spreads first,
 * then nested sets, last pushed first). */
static void vvar_add_spreads(vval_ctx *c, vvar_names *names, const ast_selection *first)
{
    uint32_t cap = 16, depth = 0;
    const ast_selection **stack = ARENA_ARRAY(c->scratch, const ast_selection *, cap);
    stack[depth++] = first;
    while (depth) {
        const ast_selection *set = stack[--depth];
        for (const ast_selection *s = set; s; s = s->next) {
            if (s->kind == AST_SEL_FRAGMENT_SPREAD) {
                vvar_names_add(c, names, s->name);
                continue;
            }
            if (!s->selection_set) continue;
            if (depth == cap) {
                const ast_selection **grown =
                    ARENA_ARRAY(c->scratch, const ast_selection *, cap * 2);
                memcpy(grown, stack, cap * sizeof *stack);
                stack = grown;
                cap *= 2;
            }
            stack[depth++] = s->selection_set;
        }
    }
}

/* The usages of an operation: its own, then those of every fragment it
 * reaches, as a list of per-definition lists. */
typedef struct vvar_usages {
    const vvar_list **parts;
    uint32_t n;
} vvar_usages;

static vvar_usages vvar_recursive_usages(vval_ctx *c, const ast_definition *op,
                                         const vvar_list *own)
{
    vvar_names names = {0};
    strmap_init(&names.seen, c->scratch, 16);
    if (op->selection_set) vvar_add_spreads(c, &names, op->selection_set);
    for (uint32_t i = 0; i < names.n; i++) {
        const ast_definition *frag = strmap_get(&c->fragments, names.items[i]);
        if (frag && frag->selection_set) vvar_add_spreads(c, &names, frag->selection_set);
    }
    vvar_usages all = {ARENA_ARRAY(c->scratch, const vvar_list *, names.n + 1), 0};
    all.parts[all.n++] = own;
    for (uint32_t i = 0; i < names.n; i++) {
        const ast_definition *frag = strmap_get(&c->fragments, names.items[i]);
        if (frag) all.parts[all.n++] = vvar_fragment_usages(c, frag);
    }
    return all;
}

static src_loc vvar_name_loc(const ast_variable_def *def)
{
    src_loc loc = def->loc; /* the '$'; the name follows it */
    if (loc.line) loc.column++;
    return loc;
}

/* The definitions of one variable name in an operation, in order. */
typedef struct vvar_group {
    const ast_variable_def *defs[DIAG_MAX_LOCS];
    uint32_t n, count;
} vvar_group;

/* One error per repeated name, at the first repeat's place in the order of
 * first definitions, pointing at every definition. */
static void vvar_check_unique_names(vval_ctx *c, const ast_definition *op)
{
    strmap groups; /* name -> vvar_group */
    strmap_init(&groups, c->scratch, 16);
    for (const ast_variable_def *d = op->variables; d; d = d->next) {
        vvar_group *g = strmap_get(&groups, d->name);
        if (!g) {
            g = ARENA_NEW(c->scratch, vvar_group);
            strmap_put(&groups, d->name, g);
        }
        if (g->n < DIAG_MAX_LOCS) g->defs[g->n++] = d;
        g->count++;
    }
    for (const ast_variable_def *d = op->variables; d; d = d->next) {
        const vvar_group *g = strmap_get(&groups, d->name);
        if (g->count < 2 || g->defs[0] != d) continue;
        diag *e = diag_add(c->errs, vvar_name_loc(d),
                           "There can be only one variable named \"$%s\".", d->name);
        for (uint32_t i = 1; i < g->n; i++)
            diag_loc(e, vvar_name_loc(g->defs[i]));
    }
}

void vvar_check_definition(vval_ctx *c, const ast_variable_def *def)
{
    const schema_type *named = vscan_named(c->s, def->type);
    if (!named || schema_is_input(named)) return;
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "Variable \"$%s\" cannot be non-input type \"", def->name);
    validate_print_type(&b, def->type);
    sbuf_puts(&b, "\".");
    vval_error(c, def->type->loc, b.data);
    sbuf_free(&b);
}

/* name -> the last definition of that name, which graphql-js's rules keep. */
static strmap vvar_definitions(vval_ctx *c, const ast_definition *op)
{
    strmap defs;
    strmap_init(&defs, c->scratch, 16);
    for (const ast_variable_def *d = op->variables; d; d = d->next)
        strmap_put(&defs, d->name, (void *)d);
    return defs;
}

static void vvar_check_undefined(vval_ctx *c, const ast_definition *op, const strmap *defs,
                                 const vvar_list *usages)
{
    for (const vvar_usage *u = usages->first; u; u = u->next) {
        if (strmap_get(defs, u->node->str)) continue;
        diag *e = op->name ? diag_add(c->errs, u->node->loc,
                                      "Variable \"$%s\" is not defined by operation \"%s\".",
                                      u->node->str, op->name)
                           : diag_add(c->errs, u->node->loc, "Variable \"$%s\" is not defined.",
                                      u->node->str);
        diag_loc(e, op->loc);
    }
}

static void vvar_check_unused(vval_ctx *c, const ast_definition *op, const vvar_usages *usages)
{
    strmap used;
    strmap_init(&used, c->scratch, 16);
    for (uint32_t i = 0; i < usages->n; i++)
        for (const vvar_usage *u = usages->parts[i]->first; u; u = u->next)
            strmap_put(&used, u->node->str, (void *)u);
    for (const ast_variable_def *d = op->variables; d; d = d->next) {
        if (strmap_get(&used, d->name)) continue;
        if (op->name)
            diag_add(c->errs, d->loc, "Variable \"$%s\" is never used in operation \"%s\".",
                     d->name, op->name);
        else
            diag_add(c->errs, d->loc, "Variable \"$%s\" is never used.", d->name);
    }
}

/* A nullable variable may feed a non-null position only when it or the
 * position has a default; beyond that the variable's type must be a subtype
 * of the position's. */
static bool vvar_allowed(const schema *s, const ast_variable_def *def, const vvar_usage *u)
{
    const ast_type *var_type = def->type, *loc_type = u->type;
    if (loc_type->kind == AST_TYPE_NON_NULL && var_type->kind != AST_TYPE_NON_NULL) {
        bool var_default = def->default_value && def->default_value->kind != AST_VALUE_NULL;
        if (!var_default && !u->has_default) return false;
        return schema_is_subtype_ref(s, var_type, loc_type->of);
    }
    return schema_is_subtype_ref(s, var_type, loc_type);
}

static void vvar_position_error(vval_ctx *c, const ast_variable_def *def, const vvar_usage *u)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "Variable \"$%s\" of type \"", def->name);
    validate_print_type(&b, def->type);
    sbuf_puts(&b, "\" used in position expecting type \"");
    validate_print_type(&b, u->type);
    sbuf_puts(&b, "\".");
    diag_loc(vval_error(c, def->loc, b.data), u->node->loc);
    sbuf_free(&b);
}

static void vvar_check_positions(vval_ctx *c, const strmap *defs, const vvar_list *usages)
{
    for (const vvar_usage *u = usages->first; u; u = u->next) {
        const ast_variable_def *def = strmap_get(defs, u->node->str);
        if (!def || !u->type || !vscan_named(c->s, def->type)) continue;
        if (!vvar_allowed(c->s, def, u)) vvar_position_error(c, def, u);
        if (u->parent_input && vval_is_one_of(u->parent_input) &&
            def->type->kind != AST_TYPE_NON_NULL) {
            sbuf b;
            sbuf_init(&b);
            sbuf_printf(&b, "Variable \"$%s\" is of type \"", def->name);
            validate_print_type(&b, def->type);
            sbuf_printf(&b, "\" but must be non-nullable to be used for OneOf Input Object \"%s\".",
                        u->parent_input->name);
            diag_loc(vval_error(c, def->loc, b.data), u->node->loc);
            sbuf_free(&b);
        }
    }
}

void vvar_enter_definition(vval_ctx *c, const ast_definition *def)
{
    if (def->kind == AST_DEF_OPERATION) vvar_check_unique_names(c, def);
    c->collecting = ARENA_NEW(c->scratch, vvar_list);
}

/* Fragments keep their usages for the operations spreading them; operations
 * are checked: their usages are complete once their fragments' are added. */
void vvar_leave_definition(vval_ctx *c, const ast_definition *def)
{
    const vvar_list *own = c->collecting;
    c->collecting = NULL;
    if (def->kind == AST_DEF_FRAGMENT) {
        if (strmap_get(&c->fragments, def->name) == def)
            strmap_put(&c->usages, def->name, (void *)own);
        return;
    }
    if (def->kind != AST_DEF_OPERATION) return;
    vvar_usages usages = vvar_recursive_usages(c, def, own);
    strmap defs = vvar_definitions(c, def);
    for (uint32_t i = 0; i < usages.n; i++)
        vvar_check_undefined(c, def, &defs, usages.parts[i]);
    vvar_check_unused(c, def, &usages);
    for (uint32_t i = 0; i < usages.n; i++)
        vvar_check_positions(c, &defs, usages.parts[i]);
}
