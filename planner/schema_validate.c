/* schema_validate.c: the type-system checks schema_build runs on the model
 * once the SDL rules (schema_sdl_rules.c) passed, as graphql-js's
 * validateSchema makes them, with its messages and locations: root types,
 * reserved names, input and output positions, interface implementations,
 * unions, enums, input objects and their non-null cycles, directive
 * definitions. Nothing here recurses: input-object cycles are walked with an
 * explicit stack. */
#include "schema_internal.h"

#include <string.h>

#include "sbuf.h"

/* graphql-js builds a default of null for a non-null type as no default at
 * all (null does not coerce), which leaves the argument required. */
static bool is_required(const schema_field *arg)
{
    return arg->type->kind == AST_TYPE_NON_NULL &&
           (!arg->default_value || arg->default_value->kind == AST_VALUE_NULL);
}

static const schema_field *find_arg(const schema_field *args, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(args[i].name, name) == 0) return &args[i];
    return NULL;
}

/* ---- the type system ---- */

typedef struct cycle_walk cycle_walk;

typedef struct checker {
    const schema *s;
    const schema_origin *origin;
    diag_list *errs;
    arena scratch;          /* look-up tables for the duration of the checks */
    cycle_walk *input_walk; /* shared by every input object's cycle check */
} checker;

static void check_name(checker *c, const char *name, src_loc loc)
{
    if (name[0] == '_' && name[1] == '_')
        diag_add(c->errs, loc,
                 "Name \"%s\" must not begin with \"__\", which is reserved by GraphQL "
                 "introspection.",
                 name);
}

static const char *ref_text(checker *c, const ast_type *t)
{
    return schema_type_ref_text(c->errs->arena, t);
}

/* The @deprecated applied to an input value, for errors pointing at it. */
static src_loc deprecated_loc(const schema_field *f)
{
    for (uint32_t i = 0; i < f->ndirectives; i++)
        if (strcmp(f->directives[i]->name, "deprecated") == 0) return f->directives[i]->loc;
    return f->loc;
}

static void check_root(checker *c, schema_type *t, ast_operation_type op, const char *label,
                       const char *qualifier)
{
    if (!t || t->kind == SCHEMA_OBJECT) return;
    src_loc loc = c->origin->root_locs[op].line ? c->origin->root_locs[op] : t->loc;
    diag_add(c->errs, loc, "%s root type must be Object type%s, it cannot be %s.", label, qualifier,
             t->name);
}

static void check_roots(checker *c)
{
    if (!c->s->query) diag_add(c->errs, c->origin->schema_loc, "Query root type must be provided.");
    check_root(c, c->s->query, AST_OP_QUERY, "Query", "");
    check_root(c, c->s->mutation, AST_OP_MUTATION, "Mutation", " if provided");
    check_root(c, c->s->subscription, AST_OP_SUBSCRIPTION, "Subscription", " if provided");
}

/* "Type.field" for a field's arguments, "@dir" for a directive's (field
 * NULL), formatted only when there is an error to report. */
static const char *arg_owner(checker *c, const char *type_or_dir, const char *field)
{
    return field ? arena_sprintf(c->errs->arena, "%s.%s", type_or_dir, field)
                 : arena_sprintf(c->errs->arena, "@%s", type_or_dir);
}

/* Arguments of a field or a directive; graphql-js points at a field
 * argument's type but at a directive argument itself. */
static void check_args(checker *c, const schema_field *args, uint32_t n, const char *type_or_dir,
                       const char *field)
{
    for (uint32_t i = 0; i < n; i++) {
        const schema_field *arg = &args[i];
        check_name(c, arg->name, arg->loc);
        if (!schema_is_input(arg->named))
            diag_add(c->errs, field ? arg->type->loc : arg->loc,
                     "The type of %s(%s:) must be Input Type but got: %s.",
                     arg_owner(c, type_or_dir, field), arg->name, ref_text(c, arg->type));
        if (is_required(arg) && arg->deprecated) {
            diag *e = diag_add(c->errs, deprecated_loc(arg),
                               "Required argument %s(%s:) cannot be deprecated.",
                               arg_owner(c, type_or_dir, field), arg->name);
            diag_loc(e, arg->type->loc);
        }
    }
}

static void check_directive_defs(checker *c)
{
    for (uint32_t i = 0; i < c->s->ndirectives; i++) {
        const schema_directive *d = c->s->directives[i];
        if (d->builtin) continue;
        check_name(c, d->name, d->loc);
        check_args(c, d->args, d->nargs, d->name, NULL);
    }
}

static void check_output_fields(checker *c, const schema_type *t)
{
    if (!t->nfields) diag_add(c->errs, t->loc, "Type %s must define one or more fields.", t->name);
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        check_name(c, f->name, f->loc);
        if (f->named->kind == SCHEMA_INPUT_OBJECT)
            diag_add(c->errs, f->type->loc, "The type of %s.%s must be Output Type but got: %s.",
                     t->name, f->name, ref_text(c, f->type));
        check_args(c, f->args, f->nargs, t->name, f->name);
    }
}

/* Adds to e every place where `type` names `iface` among its interfaces. */
static void add_implements_locs(checker *c, diag *e, const schema_type *type,
                                const schema_type *iface)
{
    const schema_source *src = &c->origin->types[type->index];
    for (uint32_t p = 0; p < src->nparts; p++)
        for (const ast_name *n = src->parts[p]->interfaces; n; n = n->next)
            if (strcmp(n->name, iface->name) == 0) diag_loc(e, n->loc);
}

/* Short lists are scanned; longer ones get a table, so that no check costs
 * more than linear time however long the SDL makes a list. */
#define SCANNED_LIST 16

/* Arguments found by name. */
typedef struct arg_finder {
    const schema_field *args;
    uint32_t n;
    strmap table; /* only when n > SCANNED_LIST */
} arg_finder;

static void arg_finder_init(checker *c, arg_finder *f, const schema_field *args, uint32_t n)
{
    f->args = args;
    f->n = n;
    if (n <= SCANNED_LIST) return;
    strmap_init(&f->table, &c->scratch, n);
    for (uint32_t i = 0; i < n; i++)
        strmap_put(&f->table, args[i].name, (void *)&args[i]);
}

static const schema_field *arg_finder_get(const arg_finder *f, const char *name)
{
    return f->n > SCANNED_LIST ? strmap_get(&f->table, name) : find_arg(f->args, f->n, name);
}

static void check_field_args_match(checker *c, const schema_type *t, const schema_field *tf,
                                   const schema_type *iface, const schema_field *iff)
{
    arg_finder type_args, iface_args;
    arg_finder_init(c, &type_args, tf->args, tf->nargs);
    arg_finder_init(c, &iface_args, iff->args, iff->nargs);
    for (uint32_t i = 0; i < iff->nargs; i++) {
        const schema_field *ia = &iff->args[i];
        const schema_field *ta = arg_finder_get(&type_args, ia->name);
        if (!ta) {
            diag *e = diag_add(c->errs, ia->loc,
                               "Interface field argument %s.%s(%s:) expected but %s.%s does not "
                               "provide it.",
                               iface->name, iff->name, ia->name, t->name, tf->name);
            diag_loc(e, tf->loc);
        } else if (!schema_type_ref_equal(ia->type, ta->type)) {
            diag *e = diag_add(c->errs, ia->type->loc,
                               "Interface field argument %s.%s(%s:) expects type %s but "
                               "%s.%s(%s:) is type %s.",
                               iface->name, iff->name, ia->name, ref_text(c, ia->type), t->name,
                               tf->name, ta->name, ref_text(c, ta->type));
            diag_loc(e, ta->type->loc);
        }
    }
    for (uint32_t i = 0; i < tf->nargs; i++) {
        const schema_field *ta = &tf->args[i];
        if (!is_required(ta) || arg_finder_get(&iface_args, ta->name)) continue;
        diag *e = diag_add(c->errs, ta->loc,
                           "Object field %s.%s includes required argument %s that is missing from "
                           "the Interface field %s.%s.",
                           t->name, tf->name, ta->name, iface->name, iff->name);
        diag_loc(e, iff->loc);
    }
}

static void check_implements_fields(checker *c, const schema_type *t, const schema_type *iface)
{
    for (uint32_t i = 0; i < iface->nfields; i++) {
        const schema_field *iff = &iface->fields[i];
        const schema_field *tf = schema_get_field(t, iff->name);
        if (!tf) {
            diag *e = diag_add(c->errs, iff->loc,
                               "Interface field %s.%s expected but %s does not provide it.",
                               iface->name, iff->name, t->name);
            const schema_source *src = &c->origin->types[t->index];
            for (uint32_t p = 0; p < src->nparts; p++)
                diag_loc(e, src->parts[p]->loc);
            continue;
        }
        if (!schema_is_subtype_ref(c->s, tf->type, iff->type)) {
            diag *e = diag_add(c->errs, iff->type->loc,
                               "Interface field %s.%s expects type %s but %s.%s is type %s.",
                               iface->name, iff->name, ref_text(c, iff->type), t->name, tf->name,
                               ref_text(c, tf->type));
            diag_loc(e, tf->type->loc);
        }
        check_field_args_match(c, t, tf, iface, iff);
    }
}

/* The interfaces a type declares, by name: the index of the first
 * declaration of each. */
typedef struct declared {
    const schema_type *t;
    strmap first; /* only when t declares more than SCANNED_LIST */
} declared;

static void declared_init(checker *c, declared *d, const schema_type *t)
{
    d->t = t;
    if (t->ninterfaces <= SCANNED_LIST) return;
    strmap_init(&d->first, &c->scratch, t->ninterfaces);
    for (uint32_t i = t->ninterfaces; i-- > 0;)
        strmap_put(&d->first, t->interfaces[i]->name, (void *)(uintptr_t)(i + 1));
}

/* Where t first declares iface; NO_DECLARATION when it does not. */
#define NO_DECLARATION UINT32_MAX
static uint32_t declared_at(const declared *d, const schema_type *iface)
{
    if (d->t->ninterfaces > SCANNED_LIST) {
        uintptr_t at = (uintptr_t)strmap_get(&d->first, iface->name);
        return at ? (uint32_t)(at - 1) : NO_DECLARATION;
    }
    for (uint32_t i = 0; i < d->t->ninterfaces; i++)
        if (d->t->interfaces[i] == iface) return i;
    return NO_DECLARATION;
}

/* t must also declare every interface iface implements. */
static void check_implements_ancestors(checker *c, const declared *decl, const schema_type *iface)
{
    const schema_type *t = decl->t;
    for (uint32_t i = 0; i < iface->ninterfaces; i++) {
        const schema_type *ancestor = iface->interfaces[i];
        if (declared_at(decl, ancestor) != NO_DECLARATION) continue;
        diag *e = ancestor == t ? diag_add(c->errs, (src_loc){0, 0},
                                           "Type %s cannot implement %s because it would create a "
                                           "circular reference.",
                                           t->name, iface->name)
                                : diag_add(c->errs, (src_loc){0, 0},
                                           "Type %s must implement %s because it is implemented "
                                           "by %s.",
                                           t->name, ancestor->name, iface->name);
        add_implements_locs(c, e, iface, ancestor);
        add_implements_locs(c, e, t, iface);
    }
}

static void check_interfaces(checker *c, const schema_type *t)
{
    declared decl;
    declared_init(c, &decl, t);
    for (uint32_t i = 0; i < t->ninterfaces; i++) {
        const schema_type *iface = t->interfaces[i];
        diag *e = NULL;
        if (iface->kind != SCHEMA_INTERFACE) {
            e = diag_add(c->errs, (src_loc){0, 0},
                         "Type %s must only implement Interface types, it cannot implement %s.",
                         t->name, iface->name);
        } else if (iface == t) {
            e = diag_add(c->errs, (src_loc){0, 0},
                         "Type %s cannot implement itself because it would create a circular "
                         "reference.",
                         t->name);
        } else if (declared_at(&decl, iface) != i) {
            e = diag_add(c->errs, (src_loc){0, 0}, "Type %s can only implement %s once.", t->name,
                         iface->name);
        } else {
            check_implements_ancestors(c, &decl, iface);
            check_implements_fields(c, t, iface);
        }
        if (e) add_implements_locs(c, e, t, iface);
    }
}

/* Adds to e every place where union u names member m. */
static void add_member_locs(checker *c, diag *e, const schema_type *u, const schema_type *m)
{
    const schema_source *src = &c->origin->types[u->index];
    for (uint32_t p = 0; p < src->nparts; p++)
        for (const ast_name *n = src->parts[p]->members; n; n = n->next)
            if (strcmp(n->name, m->name) == 0) diag_loc(e, n->loc);
}

static void check_union(checker *c, const schema_type *u)
{
    if (!u->npossible)
        diag_add(c->errs, u->loc, "Union type %s must define one or more member types.", u->name);
    strmap seen;
    strmap_init(&seen, &c->scratch, u->npossible);
    for (uint32_t i = 0; i < u->npossible; i++) {
        const schema_type *m = u->possible[i];
        diag *e = NULL;
        if (strmap_put(&seen, m->name, (void *)m)) {
            e = diag_add(c->errs, (src_loc){0, 0}, "Union type %s can only include type %s once.",
                         u->name, m->name);
        } else if (m->kind != SCHEMA_OBJECT) {
            e = diag_add(c->errs, (src_loc){0, 0},
                         "Union type %s can only include Object types, it cannot include %s.",
                         u->name, m->name);
        }
        if (e) add_member_locs(c, e, u, m);
    }
}

static void check_enum(checker *c, const schema_type *t)
{
    if (!t->nvalues)
        diag_add(c->errs, t->loc, "Enum type %s must define one or more values.", t->name);
    for (uint32_t i = 0; i < t->nvalues; i++)
        check_name(c, t->values[i].name, t->values[i].loc);
}

static void check_input_fields(checker *c, const schema_type *t)
{
    if (!t->nfields)
        diag_add(c->errs, t->loc, "Input Object type %s must define one or more fields.", t->name);
    bool one_of = false;
    for (uint32_t i = 0; i < t->ndirectives; i++)
        one_of |= strcmp(t->directives[i]->name, "oneOf") == 0;
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        check_name(c, f->name, f->loc);
        if (!schema_is_input(f->named))
            diag_add(c->errs, f->type->loc, "The type of %s.%s must be Input Type but got: %s.",
                     t->name, f->name, ref_text(c, f->type));
        if (is_required(f) && f->deprecated) {
            diag *e =
                diag_add(c->errs, deprecated_loc(f),
                         "Required input field %s.%s cannot be deprecated.", t->name, f->name);
            diag_loc(e, f->type->loc);
        }
        if (one_of && f->type->kind == AST_TYPE_NON_NULL)
            diag_add(c->errs, f->type->loc, "OneOf input field %s.%s must be nullable.", t->name,
                     f->name);
        if (one_of && f->default_value)
            diag_add(c->errs, f->loc, "OneOf input field %s.%s cannot have a default value.",
                     t->name, f->name);
    }
}

/* Non-null input fields must not lead back to their own type: such an input
 * could never be written. Depth-first from each input object, sharing the
 * visited set, reporting every cycle once as graphql-js does. */
struct cycle_walk {
    bool *visited;        /* by type index */
    uint32_t *path_index; /* by type index: its depth on the stack, or NO_DEPTH */
    const schema_type **stack;
    uint32_t *next_field;      /* per stack level */
    const schema_field **path; /* per stack level: the field being followed */
    uint32_t depth;
};

#define NO_DEPTH UINT32_MAX

static void cycle_push(cycle_walk *w, const schema_type *t)
{
    w->visited[t->index] = true;
    w->path_index[t->index] = w->depth;
    w->stack[w->depth] = t;
    w->next_field[w->depth] = 0;
    w->depth++;
}

static void report_cycle(checker *c, cycle_walk *w, const schema_type *target, uint32_t from)
{
    sbuf names;
    sbuf_init(&names);
    for (uint32_t i = from; i < w->depth; i++) {
        if (i > from) sbuf_putc(&names, '.');
        sbuf_puts(&names, w->path[i]->name);
    }
    diag *e = diag_add(c->errs, w->path[from]->loc,
                       "Cannot reference Input Object \"%s\" within itself through a series of "
                       "non-null fields: \"%s\".",
                       target->name, names.data);
    for (uint32_t i = from + 1; i < w->depth; i++)
        diag_loc(e, w->path[i]->loc);
    sbuf_free(&names);
}

static void walk_input_cycles(checker *c, cycle_walk *w, const schema_type *start)
{
    if (w->visited[start->index]) return;
    cycle_push(w, start);
    while (w->depth) {
        uint32_t level = w->depth - 1;
        const schema_type *t = w->stack[level];
        if (w->next_field[level] == t->nfields) {
            w->path_index[t->index] = NO_DEPTH;
            w->depth--;
            continue;
        }
        const schema_field *f = &t->fields[w->next_field[level]++];
        if (f->type->kind != AST_TYPE_NON_NULL || f->type->of->kind != AST_TYPE_NAMED ||
            f->named->kind != SCHEMA_INPUT_OBJECT)
            continue;
        w->path[level] = f;
        uint32_t cycle_from = w->path_index[f->named->index];
        if (cycle_from != NO_DEPTH)
            report_cycle(c, w, f->named, cycle_from);
        else if (!w->visited[f->named->index])
            cycle_push(w, f->named);
    }
}

static cycle_walk *new_cycle_walk(checker *c)
{
    uint32_t n = c->s->ntypes;
    cycle_walk *w = ARENA_NEW(&c->scratch, cycle_walk);
    w->visited = ARENA_ARRAY(&c->scratch, bool, n);
    w->path_index = ARENA_ARRAY(&c->scratch, uint32_t, n);
    w->stack = ARENA_ARRAY(&c->scratch, const schema_type *, n);
    w->next_field = ARENA_ARRAY(&c->scratch, uint32_t, n);
    w->path = ARENA_ARRAY(&c->scratch, const schema_field *, n);
    for (uint32_t i = 0; i < n; i++)
        w->path_index[i] = NO_DEPTH;
    return w;
}

static void check_type(checker *c, const schema_type *t)
{
    check_name(c, t->name, t->loc);
    switch (t->kind) {
    case SCHEMA_OBJECT:
    case SCHEMA_INTERFACE:
        check_output_fields(c, t);
        check_interfaces(c, t);
        break;
    case SCHEMA_UNION:
        check_union(c, t);
        break;
    case SCHEMA_ENUM:
        check_enum(c, t);
        break;
    case SCHEMA_INPUT_OBJECT:
        check_input_fields(c, t);
        walk_input_cycles(c, c->input_walk, t);
        break;
    case SCHEMA_SCALAR:
        break;
    }
}

void schema_check_types(const schema *s, const schema_origin *origin, diag_list *errs)
{
    checker c = {.s = s, .origin = origin, .errs = errs};
    arena_init(&c.scratch, 0);
    c.input_walk = new_cycle_walk(&c);
    check_roots(&c);
    check_directive_defs(&c);
    for (uint32_t i = 0; i < s->ntypes; i++)
        if (!s->types[i]->builtin) check_type(&c, s->types[i]);
    arena_free(&c.scratch);
}
