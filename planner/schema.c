/* schema.c: builds the schema model from SDL documents (see schema.h).
 *
 * First the SDL rules (schema_sdl_rules.c) check the documents as written:
 * only documents that pass are built, so building never meets a duplicate,
 * an unknown name or a stray extension. Then: collect every definition by
 * name (user documents first, then the built-ins: a user directive replaces
 * the built-in of its name, a user type of a built-in type's name is
 * ignored, as graphql-js does both); attach each `extend` to what it
 * extends; turn each type into its schema_type with fields, arguments,
 * values, members and directives, resolving every type reference; and run
 * the type-system checks of schema_validate.c. Everything kept lives in the
 * caller's arena; what is needed only while building lives in a scratch
 * arena released before returning. */
#include "schema.h"
#include "schema_internal.h"

#include <string.h>

#include "parser.h"
#include "printer.h"
#include "sbuf.h"

/* The order in which graphql-js's buildASTSchema reads directive values. */
enum { STAGE_EAGER_TYPES, STAGE_DIRECTIVES, STAGE_FIELDS, BAD_VALUE_STAGES };

typedef struct bad_value {
    const char *message; /* NULL: none met */
    src_loc loc;
} bad_value;

/* A definition in a list: a type's extensions, the schema's parts. */
typedef struct def_link {
    const ast_definition *def;
    bool builtin;
    struct def_link *next;
} def_link;

typedef struct def_list {
    def_link *first, *last;
    uint32_t count;
} def_list;

/* One named type being assembled: its definition first, then extensions. */
typedef struct type_entry {
    def_list parts;
    bool builtin;
    struct type_entry *next;
} type_entry;

typedef struct builder {
    arena *a;      /* the schema's arena: everything the model keeps */
    arena scratch; /* entries and tables needed only while building */
    schema *s;
    strmap entries; /* type name -> type_entry* */
    type_entry *first, *last;
    uint32_t ntypes;
    def_list type_extensions; /* in document order, attached once all are known */
    const ast_definition *schema_def;
    def_list schema_parts;  /* the definition (if any) and its extensions */
    strmap directive_names; /* directive name -> def_link* */
    def_list directives;    /* user definitions, then the built-ins not replaced */
    schema_origin origin;
    /* A value @deprecated or @specifiedBy cannot take, as graphql-js's
     * buildASTSchema refuses it: it throws the first it meets, and meets
     * enum values and scalars first, then directive definitions, then
     * fields and arguments (built lazily). One per stage, the earliest kept. */
    bad_value bad_values[BAD_VALUE_STAGES];
    int stage; /* which of those the builder is in */
} builder;

static void list_append(builder *b, def_list *l, const ast_definition *def, bool builtin)
{
    def_link *link = ARENA_NEW(&b->scratch, def_link);
    link->def = def;
    link->builtin = builtin;
    if (l->last)
        l->last->next = link;
    else
        l->first = link;
    l->last = link;
    l->count++;
}

/* ---- collecting definitions ---- */

static void collect_type(builder *b, const ast_definition *d, bool builtin)
{
    if (d->extension) {
        list_append(b, &b->type_extensions, d, builtin);
        return;
    }
    type_entry *e = strmap_get(&b->entries, d->name);
    if (e) {
        /* Only a built-in can meet a name already taken (the SDL rules
         * refused repeats). As in graphql-js, the built-in stands and the
         * user's definition of a standard name is ignored. */
        e->parts = (def_list){NULL, NULL, 0};
        list_append(b, &e->parts, d, true);
        e->builtin = true;
        return;
    }
    e = ARENA_NEW(&b->scratch, type_entry);
    e->builtin = builtin;
    list_append(b, &e->parts, d, builtin);
    strmap_put(&b->entries, d->name, e);
    if (b->last)
        b->last->next = e;
    else
        b->first = e;
    b->last = e;
    b->ntypes++;
}

static void collect_directive(builder *b, const ast_definition *d, bool builtin)
{
    if (strmap_get(&b->directive_names, d->name)) return; /* a built-in the user replaced */
    list_append(b, &b->directives, d, builtin);
    strmap_put(&b->directive_names, d->name, b->directives.last);
}

static void collect_schema(builder *b, const ast_definition *d)
{
    if (!d->extension) b->schema_def = d;
    list_append(b, &b->schema_parts, d, false);
}

static void collect(builder *b, const ast_document *doc, bool builtin)
{
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        switch (d->kind) {
        case AST_DEF_OPERATION:
        case AST_DEF_FRAGMENT:
            break; /* refused by the SDL rules */
        case AST_DEF_SCHEMA:
            collect_schema(b, d);
            break;
        case AST_DEF_DIRECTIVE:
            collect_directive(b, d, builtin);
            break;
        default:
            collect_type(b, d, builtin);
            break;
        }
    }
}

/* Extensions join their type's parts in document order. The SDL rules made
 * sure each names a type the user defined, of its own kind; one that names a
 * built-in the user redeclared is ignored with that declaration. */
static void attach_extensions(builder *b)
{
    for (def_link *l = b->type_extensions.first; l; l = l->next) {
        type_entry *e = strmap_get(&b->entries, l->def->name);
        if (e && !e->builtin && e->parts.first->def->kind == l->def->kind)
            list_append(b, &e->parts, l->def, l->builtin);
    }
}

/* ---- building the model ---- */

static schema_kind kind_of(ast_def_kind kind)
{
    switch (kind) {
    case AST_DEF_SCALAR:
        return SCHEMA_SCALAR;
    case AST_DEF_OBJECT:
        return SCHEMA_OBJECT;
    case AST_DEF_INTERFACE:
        return SCHEMA_INTERFACE;
    case AST_DEF_UNION:
        return SCHEMA_UNION;
    case AST_DEF_ENUM:
        return SCHEMA_ENUM;
    default:
        return SCHEMA_INPUT_OBJECT;
    }
}

static void create_types(builder *b)
{
    schema *s = b->s;
    s->types = ARENA_ARRAY(b->a, schema_type *, b->ntypes);
    strmap_init(&s->type_map, b->a, b->ntypes);
    schema_source *sources = ARENA_ARRAY(&b->scratch, schema_source, b->ntypes);
    for (type_entry *e = b->first; e; e = e->next) {
        const ast_definition *d = e->parts.first->def;
        schema_type *t = ARENA_NEW(b->a, schema_type);
        t->name = d->name;
        t->description = d->description;
        t->kind = kind_of(d->kind);
        t->index = s->ntypes;
        t->builtin = e->builtin;
        t->loc = d->loc;
        schema_source *src = &sources[s->ntypes];
        src->parts = ARENA_ARRAY(&b->scratch, const ast_definition *, e->parts.count);
        for (def_link *l = e->parts.first; l; l = l->next)
            src->parts[src->nparts++] = l->def;
        s->types[s->ntypes++] = t;
        strmap_put(&s->type_map, t->name, t);
    }
    b->origin.types = sources;
}

/* The named type at the core of ref (known: the SDL rules checked it). */
static schema_type *resolve(builder *b, const ast_type *ref)
{
    return strmap_get(&b->s->type_map, ast_type_name(ref));
}

static const ast_directive **directive_array(builder *b, const ast_directive *list, uint32_t *n)
{
    uint32_t count = 0;
    for (const ast_directive *d = list; d; d = d->next)
        count++;
    *n = count;
    if (!count) return NULL;
    const ast_directive **out = ARENA_ARRAY(b->a, const ast_directive *, count);
    count = 0;
    for (const ast_directive *d = list; d; d = d->next)
        out[count++] = d;
    return out;
}

/* The value given to a directive's argument, or NULL. */
static const ast_value *directive_arg(const ast_directive *d, const char *name)
{
    const ast_argument *arg = ast_find_argument(d->arguments, name);
    return arg ? arg->value : NULL;
}

/* Notes an argument value of the wrong kind (graphql-js's words). */
static void note_bad_value(builder *b, const char *arg, const char *type, const ast_value *v)
{
    bad_value *slot = &b->bad_values[b->stage];
    if (slot->message) return;
    slot->loc = v->loc;
    if (v->kind == AST_VALUE_NULL) {
        slot->message = arena_sprintf(
            &b->scratch, "Argument \"%s\" of non-null type \"%s\" must not be null.", arg, type);
        return;
    }
    sbuf text;
    sbuf_init(&text);
    print_value(&text, v);
    slot->message =
        arena_sprintf(&b->scratch, "Argument \"%s\" has invalid value %s.", arg, text.data);
    sbuf_free(&text);
}

/* @deprecated(reason:) as graphql-js reads it: an explicit null reason means
 * not deprecated; no reason means the default one. */
static void read_deprecation(builder *b, const ast_directive *list, bool *deprecated,
                             const char **reason)
{
    const ast_directive *d = ast_find_directive(list, "deprecated");
    if (!d) return;
    const ast_value *v = directive_arg(d, "reason");
    if (v && v->kind == AST_VALUE_NULL) return;
    if (v && v->kind != AST_VALUE_STRING) note_bad_value(b, "reason", "String", v);
    *deprecated = true;
    *reason = v && v->kind == AST_VALUE_STRING ? v->str : "No longer supported";
}

static void init_field(builder *b, schema_field *f, const ast_field_def *def, schema_type *parent);

/* Arguments of a field or a directive, in the order written. */
static schema_field *build_args(builder *b, const ast_field_def *list, uint32_t *n)
{
    uint32_t count = 0;
    for (const ast_field_def *d = list; d; d = d->next)
        count++;
    *n = count;
    if (!count) return NULL;
    schema_field *args = ARENA_ARRAY(b->a, schema_field, count);
    count = 0;
    for (const ast_field_def *d = list; d; d = d->next)
        init_field(b, &args[count++], d, NULL);
    return args;
}

static void init_field(builder *b, schema_field *f, const ast_field_def *def, schema_type *parent)
{
    f->name = def->name;
    f->description = def->description;
    f->type = def->type;
    f->named = resolve(b, def->type);
    f->default_value = def->default_value;
    f->directives = directive_array(b, def->directives, &f->ndirectives);
    read_deprecation(b, def->directives, &f->deprecated, &f->deprecation_reason);
    f->parent = parent;
    f->loc = def->loc;
    if (parent && parent->kind != SCHEMA_INPUT_OBJECT)
        f->args = build_args(b, def->arguments, &f->nargs);
}

static void build_fields(builder *b, schema_type *t, const schema_source *src)
{
    uint32_t count = 0;
    for (uint32_t p = 0; p < src->nparts; p++)
        for (const ast_field_def *d = src->parts[p]->fields; d; d = d->next)
            count++;
    t->fields = ARENA_ARRAY(b->a, schema_field, count);
    strmap_init(&t->field_map, b->a, count);
    for (uint32_t p = 0; p < src->nparts; p++) {
        for (const ast_field_def *d = src->parts[p]->fields; d; d = d->next) {
            schema_field *f = &t->fields[t->nfields++];
            init_field(b, f, d, t);
            f->index = b->s->nfields++;
            strmap_put(&t->field_map, f->name, f);
        }
    }
}

/* Interfaces (members = false) or union members (members = true), resolved. */
static schema_type **build_type_list(builder *b, const schema_source *src, bool members,
                                     uint32_t *n)
{
    uint32_t count = 0;
    for (uint32_t p = 0; p < src->nparts; p++)
        for (const ast_name *m = members ? src->parts[p]->members : src->parts[p]->interfaces; m;
             m = m->next)
            count++;
    *n = 0;
    if (!count) return NULL;
    schema_type **out = ARENA_ARRAY(b->a, schema_type *, count);
    for (uint32_t p = 0; p < src->nparts; p++) {
        for (const ast_name *m = members ? src->parts[p]->members : src->parts[p]->interfaces; m;
             m = m->next) {
            schema_type *t = strmap_get(&b->s->type_map, m->name);
            if (t) out[(*n)++] = t;
        }
    }
    return out;
}

static void build_values(builder *b, schema_type *t, const schema_source *src)
{
    uint32_t count = 0;
    for (uint32_t p = 0; p < src->nparts; p++)
        for (const ast_enum_value_def *d = src->parts[p]->values; d; d = d->next)
            count++;
    if (!count) return;
    t->values = ARENA_ARRAY(b->a, schema_enum_value, count);
    for (uint32_t p = 0; p < src->nparts; p++) {
        for (const ast_enum_value_def *d = src->parts[p]->values; d; d = d->next) {
            schema_enum_value *v = &t->values[t->nvalues++];
            v->name = d->name;
            v->description = d->description;
            v->directives = directive_array(b, d->directives, &v->ndirectives);
            read_deprecation(b, d->directives, &v->deprecated, &v->deprecation_reason);
            v->loc = d->loc;
        }
    }
}

static void build_type_directives(builder *b, schema_type *t, const schema_source *src)
{
    uint32_t count = 0;
    for (uint32_t p = 0; p < src->nparts; p++)
        for (const ast_directive *d = src->parts[p]->directives; d; d = d->next)
            count++;
    if (!count) return;
    t->directives = ARENA_ARRAY(b->a, const ast_directive *, count);
    for (uint32_t p = 0; p < src->nparts; p++) {
        for (const ast_directive *d = src->parts[p]->directives; d; d = d->next) {
            t->directives[t->ndirectives++] = d;
            /* graphql-js's buildSchema reads @specifiedBy on the definition only. */
            const ast_value *url = NULL;
            if (!src->parts[p]->extension && strcmp(d->name, "specifiedBy") == 0)
                url = directive_arg(d, "url");
            if (url && url->kind == AST_VALUE_STRING)
                t->specified_by_url = url->str;
            else if (url)
                note_bad_value(b, "url", "String!", url);
        }
    }
}

static void build_type(builder *b, schema_type *t, const schema_source *src)
{
    b->stage =
        schema_is_input(t) && t->kind != SCHEMA_INPUT_OBJECT ? STAGE_EAGER_TYPES : STAGE_FIELDS;
    build_type_directives(b, t, src);
    switch (t->kind) {
    case SCHEMA_OBJECT:
    case SCHEMA_INTERFACE:
        t->interfaces = build_type_list(b, src, false, &t->ninterfaces);
        build_fields(b, t, src);
        break;
    case SCHEMA_INPUT_OBJECT:
        build_fields(b, t, src);
        break;
    case SCHEMA_UNION:
        t->possible = build_type_list(b, src, true, &t->npossible);
        break;
    case SCHEMA_ENUM:
        build_values(b, t, src);
        break;
    case SCHEMA_SCALAR:
        break;
    }
}

/* Interfaces list every object implementing them, in schema type order. */
static void fill_possible_types(builder *b)
{
    schema *s = b->s;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < s->ntypes; i++) {
            schema_type *obj = s->types[i];
            if (obj->kind != SCHEMA_OBJECT) continue;
            for (uint32_t k = 0; k < obj->ninterfaces; k++) {
                schema_type *iface = obj->interfaces[k];
                if (iface->kind != SCHEMA_INTERFACE) continue;
                if (pass == 0) {
                    iface->npossible++; /* counted with repeats; only an upper bound */
                } else if (!iface->npossible || iface->possible[iface->npossible - 1] != obj) {
                    iface->possible[iface->npossible++] = obj;
                }
            }
        }
        for (uint32_t i = 0; pass == 0 && i < s->ntypes; i++) {
            schema_type *iface = s->types[i];
            if (iface->kind != SCHEMA_INTERFACE) continue;
            iface->possible = ARENA_ARRAY(b->a, schema_type *, iface->npossible);
            iface->npossible = 0;
        }
    }
}

static void build_directive(builder *b, const def_link *link)
{
    const ast_definition *d = link->def;
    schema_directive *dir = ARENA_NEW(b->a, schema_directive);
    dir->name = d->name;
    dir->description = d->description;
    dir->args = build_args(b, d->arguments, &dir->nargs);
    dir->repeatable = d->repeatable;
    dir->builtin = link->builtin;
    dir->loc = d->loc;
    dir->location_names = d->locations;
    for (const ast_name *l = d->locations; l; l = l->next)
        dir->locations |= schema_location_from_name(l->name);
    if (link->builtin && strcmp(d->name, "deprecated") == 0)
        dir->locations |= LOC_DIRECTIVE_DEFINITION; /* see schema_builtins.c */
    b->s->directives[b->s->ndirectives++] = dir;
    strmap_put(&b->s->directive_map, dir->name, dir);
}

static const char *const op_default_names[3] = {"Query", "Mutation", "Subscription"};

static void set_root(builder *b, ast_operation_type op, schema_type *t)
{
    if (op == AST_OP_QUERY)
        b->s->query = t;
    else if (op == AST_OP_MUTATION)
        b->s->mutation = t;
    else
        b->s->subscription = t;
}

/* Root types as the schema definition and its extensions name them; without
 * a schema definition, types named Query, Mutation and Subscription are the
 * roots (as graphql-js's buildASTSchema decides). */
static void build_roots(builder *b)
{
    uint32_t count = 0;
    for (def_link *l = b->schema_parts.first; l; l = l->next) {
        for (const ast_directive *d = l->def->directives; d; d = d->next)
            count++;
        for (const ast_root_op *op = l->def->root_operations; op; op = op->next) {
            set_root(b, op->operation, strmap_get(&b->s->type_map, op->type_name));
            b->origin.root_locs[op->operation] = op->type_loc;
        }
    }
    for (int op = 0; !b->schema_def && op < 3; op++) {
        schema_type *t = strmap_get(&b->s->type_map, op_default_names[op]);
        if (!t) continue;
        set_root(b, (ast_operation_type)op, t);
        b->origin.root_locs[op] = (src_loc){0, 0};
    }
    if (!count) return;
    b->s->schema_directives = ARENA_ARRAY(b->a, const ast_directive *, count);
    for (def_link *l = b->schema_parts.first; l; l = l->next)
        for (const ast_directive *d = l->def->directives; d; d = d->next)
            b->s->schema_directives[b->s->nschema_directives++] = d;
}

static void build_model(builder *b)
{
    attach_extensions(b);
    create_types(b);
    for (uint32_t i = 0; i < b->s->ntypes; i++)
        build_type(b, b->s->types[i], &b->origin.types[i]);
    fill_possible_types(b);
    b->s->directives = ARENA_ARRAY(b->a, schema_directive *, b->directives.count);
    strmap_init(&b->s->directive_map, b->a, b->directives.count);
    b->stage = STAGE_DIRECTIVES;
    for (def_link *l = b->directives.first; l; l = l->next)
        build_directive(b, l);
    if (b->schema_def) {
        b->s->description = b->schema_def->description;
        b->origin.schema_loc = b->schema_def->loc;
    }
    build_roots(b);
}

schema *schema_build(arena *a, const ast_document *const *docs, uint32_t ndocs, diag_list *errs)
{
    size_t errors_before = errs->count;
    const ast_document *builtins = schema_builtins_parse(a);
    if (!builtins) {
        diag_add(errs, (src_loc){0, 0}, "The built-in definitions failed to parse.");
        return NULL;
    }
    /* As graphql-js: the SDL as written first, the type system only once
     * that is sound. */
    schema_check_sdl(docs, ndocs, builtins, errs);
    if (errs->count != errors_before) return NULL;

    builder b;
    memset(&b, 0, sizeof b);
    b.a = a;
    arena_init(&b.scratch, 0);
    strmap_init(&b.entries, &b.scratch, 64);
    strmap_init(&b.directive_names, &b.scratch, 16);
    b.s = ARENA_NEW(a, schema);
    b.s->arena = a;
    for (uint32_t i = 0; i < ndocs; i++)
        collect(&b, docs[i], false);
    collect(&b, builtins, true);
    build_model(&b);
    const bad_value *bad = NULL;
    for (int stage = 0; stage < BAD_VALUE_STAGES && !bad; stage++)
        if (b.bad_values[stage].message) bad = &b.bad_values[stage];
    if (bad)
        diag_add(errs, bad->loc, "%s", bad->message);
    else
        schema_check_types(b.s, &b.origin, errs);
    arena_free(&b.scratch);
    return errs->count == errors_before ? b.s : NULL;
}

schema *schema_from_sdl(arena *a, const char *sdl, size_t len, diag_list *errs)
{
    parse_error err;
    ast_document *doc = parse_document(a, sdl, len, NULL, &err);
    if (!doc) {
        diag_add(errs, err.loc, "%s", err.message);
        return NULL;
    }
    const ast_document *docs[1] = {doc};
    return schema_build(a, docs, 1, errs);
}

/* ---- look-ups ---- */

schema_type *schema_get_type(const schema *s, const char *name)
{
    return strmap_get(&s->type_map, name);
}

schema_directive *schema_get_directive(const schema *s, const char *name)
{
    return strmap_get(&s->directive_map, name);
}

schema_field *schema_get_field(const schema_type *t, const char *name)
{
    return strmap_get(&t->field_map, name);
}

const schema_enum_value *schema_get_enum_value(const schema_type *t, const char *name)
{
    for (uint32_t i = 0; i < t->nvalues; i++)
        if (strcmp(t->values[i].name, name) == 0) return &t->values[i];
    return NULL;
}

schema_type *schema_root_type(const schema *s, ast_operation_type op)
{
    if (op == AST_OP_QUERY) return s->query;
    if (op == AST_OP_MUTATION) return s->mutation;
    return s->subscription;
}
