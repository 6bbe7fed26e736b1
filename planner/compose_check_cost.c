/* compose_check_cost.c: Apollo's rules on the demand-control directives of a
 * Federation 2 subgraph: @cost not on interface fields, and @listSize only
 * where there is a list to size: on a list field (unless it names sized
 * fields), with a non-negative assumedSize, slicingArguments that are Int
 * arguments of the field, and sizedFields that are list fields of its type. */
#include <string.h>

#include "compose_check_int.h"

/* [T] or [T]!. */
static bool is_list(const ast_type *t)
{
    if (t && t->kind == AST_TYPE_NON_NULL) t = t->of;
    return t && t->kind == AST_TYPE_LIST;
}

/* Int or Int!. */
static bool is_int(const ast_type *t)
{
    if (t && t->kind == AST_TYPE_NON_NULL) t = t->of;
    return t && t->kind == AST_TYPE_NAMED && strcmp(t->name, "Int") == 0;
}

/* The strings of a [String] argument, a lone string counting as a list of one. */
static uint32_t string_items(const ast_value *v, const ast_value **items, uint32_t max)
{
    if (!v) return 0;
    if (v->kind == AST_VALUE_STRING) {
        items[0] = v;
        return 1;
    }
    uint32_t n = 0;
    if (v->kind == AST_VALUE_LIST)
        for (const ast_value *i = v->items; i && n < max; i = i->next)
            if (i->kind == AST_VALUE_STRING) items[n++] = i;
    return n;
}

/* Enough for any @listSize anyone writes; further names go unchecked. */
#define LIST_SIZE_MAX_NAMES 64

static void error_at(compose_ctx *c, const csub *s, const ast_directive *d, const cfield *f,
                     const char *code, const char *msg)
{
    diag *e = compose_error(c, code, s, d->loc, "%s", msg);
    if (e) diag_loc(e, f->m.loc);
}

static void check_slicing(compose_ctx *c, const csub *s, const ctype *t, const cfield *f,
                          const ast_directive *d)
{
    const ast_value *names[LIST_SIZE_MAX_NAMES];
    uint32_t n = string_items(cc_arg(d, "slicingArguments"), names, LIST_SIZE_MAX_NAMES);
    for (uint32_t i = 0; i < n; i++) {
        const cfield *arg = NULL;
        for (uint32_t k = 0; k < f->nargs && !arg; k++)
            if (strcmp(f->args[k].name, names[i]->str) == 0) arg = &f->args[k];
        if (!arg)
            error_at(c, s, d, f, "LIST_SIZE_INVALID_SLICING_ARGUMENT",
                     arena_sprintf(c->arena, "Slicing argument \"%s\" is not an argument of \"%s\"",
                                   names[i]->str, cc_coord(c->arena, t, f)));
        else if (!is_int(arg->type))
            error_at(c, s, d, f, "LIST_SIZE_INVALID_SLICING_ARGUMENT",
                     arena_sprintf(c->arena, "Slicing argument \"%s(%s:)\" must be Int or Int!",
                                   cc_coord(c->arena, t, f), arg->name));
    }
}

static void check_sized_fields(compose_ctx *c, const csub *s, const cfield *f,
                               const ast_directive *d)
{
    const ast_value *names[LIST_SIZE_MAX_NAMES];
    uint32_t n = string_items(cc_arg(d, "sizedFields"), names, LIST_SIZE_MAX_NAMES);
    if (n == 0) return;
    const ctype *type = cc_field_type(s, f);
    if (!cc_is_composite(type)) {
        error_at(c, s, d, f, "LIST_SIZE_INVALID_SIZED_FIELD",
                 arena_sprintf(c->arena,
                               "Sized fields cannot be used because \"%s\" is not a composite "
                               "type",
                               schema_type_ref_text(c->arena, f->type)));
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        const cfield *sized = ctype_field(type, names[i]->str);
        if (!sized)
            error_at(c, s, d, f, "LIST_SIZE_INVALID_SIZED_FIELD",
                     arena_sprintf(c->arena, "Sized field \"%s\" is not a field on type \"%s\"",
                                   names[i]->str, type->name));
        else if (!is_list(sized->type))
            error_at(c, s, d, f, "LIST_SIZE_APPLIED_TO_NON_LIST",
                     arena_sprintf(c->arena, "Sized field \"%s\" is not a list",
                                   cc_coord(c->arena, type, sized)));
    }
}

static void check_list_size(compose_ctx *c, const csub *s, const ctype *t, const cfield *f,
                            const ast_directive *d)
{
    const ast_value *sized = cc_arg(d, "sizedFields");
    bool has_sized =
        sized && !(sized->kind == AST_VALUE_LIST && !sized->items) && sized->kind != AST_VALUE_NULL;
    if (!has_sized && !is_list(f->type))
        error_at(c, s, d, f, "LIST_SIZE_APPLIED_TO_NON_LIST",
                 arena_sprintf(c->arena, "\"%s\" is not a list", cc_coord(c->arena, t, f)));
    const ast_value *assumed = cc_arg(d, "assumedSize");
    if (assumed && assumed->kind == AST_VALUE_INT && assumed->str[0] == '-' &&
        strcmp(assumed->str, "-0") != 0)
        error_at(c, s, d, f, "LIST_SIZE_INVALID_ASSUMED_SIZE",
                 arena_sprintf(c->arena, "Assumed size of \"%s\" cannot be negative",
                               cc_coord(c->arena, t, f)));
    check_slicing(c, s, t, f, d);
    check_sized_fields(c, s, f, d);
}

void cc_check_cost(compose_ctx *c, const csub *s)
{
    const char *cost = s->dir_names[CFED_COST], *list_size = s->dir_names[CFED_LIST_SIZE];
    if (!s->fed2 || (!cost && !list_size)) return;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t j = 0; j < t->nfields; j++) {
            const cfield *f = &t->fields[j];
            for (uint32_t k = 0; k < f->m.napplied; k++) {
                const ast_directive *d = f->m.applied[k].dir;
                if (cost && strcmp(d->name, cost) == 0 && t->kind == SCHEMA_INTERFACE)
                    error_at(c, s, d, f, "COST_APPLIED_TO_INTERFACE_FIELD",
                             arena_sprintf(c->arena, "@cost cannot be applied to interface \"%s\"",
                                           cc_coord(c->arena, t, f)));
                if (list_size && strcmp(d->name, list_size) == 0) check_list_size(c, s, t, f, d);
            }
        }
    }
}
