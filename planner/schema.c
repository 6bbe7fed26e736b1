/* schema.c: builds the schema model from SDL documents (see schema.h).
 *
 * Four steps: collect every definition by name (user documents first, then
 * the built-ins, which a user definition of the same name replaces); attach
 * each `extend` to what it extends; turn each type into its schema_type with
 * fields, arguments, values, members and directives, resolving every type
 * reference; then run the checks of schema_validate.c. Everything kept lives
 * in the caller's arena; what is needed only while building lives in a
 * scratch arena released before returning. */
#include "schema.h"
#include "schema_internal.h"

#include <string.h>

#include "parser.h"
#include "suggest.h"

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
    diag_list *errs;
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

/* Reports `message` about an unknown type name with graphql-js's "Did you
 * mean" hint, drawn from the types defined by the user and, for references
 * (not extensions), the built-in ones, which graphql-js lists first. */
static void report_unknown(builder *b, src_loc loc, const char *message, const char *name,
                           bool with_builtins)
{
    const char **options = ARENA_ARRAY(&b->scratch, const char *, b->ntypes);
    uint32_t n = 0;
    for (const type_entry *e = b->first; with_builtins && e; e = e->next)
        if (e->builtin) options[n++] = e->parts.first->def->name;
    for (const type_entry *e = b->first; e; e = e->next)
        if (!e->builtin) options[n++] = e->parts.first->def->name;
    const char **close = NULL;
    uint32_t nclose = suggest_list(&b->scratch, name, options, n, &close);
    sbuf msg;
    sbuf_init(&msg);
    sbuf_puts(&msg, message);
    suggest_did_you_mean(&msg, NULL, close, nclose);
    diag_add(b->errs, loc, "%s", msg.data);
    sbuf_free(&msg);
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
        const ast_definition *first = e->parts.first->def;
        if (builtin) {
            /* The user redeclared a built-in: theirs stands; a redeclared
             * standard scalar is still the standard scalar. */
            e->builtin = first->kind == AST_DEF_SCALAR && d->kind == AST_DEF_SCALAR;
            return;
        }
        diag *err =
            diag_add(b->errs, first->name_loc, "There can be only one type named \"%s\".", d->name);
        diag_loc(err, d->name_loc);
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
    def_link *existing = strmap_get(&b->directive_names, d->name);
    if (existing) {
        if (builtin) return; /* a user definition replaces the built-in one */
        diag *err = diag_add(b->errs, existing->def->name_loc,
                             "There can be only one directive named \"@%s\".", d->name);
        diag_loc(err, d->name_loc);
        return;
    }
    list_append(b, &b->directives, d, builtin);
    strmap_put(&b->directive_names, d->name, b->directives.last);
}

static void collect_schema(builder *b, const ast_definition *d)
{
    if (!d->extension) {
        if (b->schema_def) {
            diag_add(b->errs, d->loc, "Must provide only one schema definition.");
        } else {
            b->schema_def = d;
        }
    }
    list_append(b, &b->schema_parts, d, false);
}

static void collect(builder *b, const ast_document *doc, bool builtin)
{
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        switch (d->kind) {
        case AST_DEF_OPERATION:
        case AST_DEF_FRAGMENT:
            diag_add(b->errs, d->loc,
                     "Executable definitions are not allowed in a schema document.");
            break;
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

static const char *extension_kind_word(ast_def_kind kind)
{
    switch (kind) {
    case AST_DEF_SCALAR:
        return "scalar";
    case AST_DEF_OBJECT:
        return "object";
    case AST_DEF_INTERFACE:
        return "interface";
    case AST_DEF_UNION:
        return "union";
    case AST_DEF_ENUM:
        return "enum";
    default:
        return "input object";
    }
}

static void attach_extensions(builder *b)
{
    for (def_link *l = b->type_extensions.first; l; l = l->next) {
        const ast_definition *ext = l->def;
        type_entry *e = strmap_get(&b->entries, ext->name);
        if (!e) {
            report_unknown(b, ext->name_loc,
                           arena_sprintf(&b->scratch,
                                         "Cannot extend type \"%s\" because it is not defined.",
                                         ext->name),
                           ext->name, false);
        } else if (e->parts.first->def->kind != ext->kind) {
            diag *err =
                diag_add(b->errs, e->parts.first->def->loc, "Cannot extend non-%s type \"%s\".",
                         extension_kind_word(ext->kind), ext->name);
            diag_loc(err, ext->loc);
        } else {
            list_append(b, &e->parts, ext, l->builtin);
        }
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

static void report_unknown_type(builder *b, src_loc loc, const char *name)
{
    report_unknown(b, loc, arena_sprintf(&b->scratch, "Unknown type \"%s\".", name), name, true);
}

/* The named type at the core of ref, or NULL after reporting it unknown. */
static schema_type *resolve(builder *b, const ast_type *ref)
{
    while (ref->kind != AST_TYPE_NAMED)
        ref = ref->of;
    schema_type *t = strmap_get(&b->s->type_map, ref->name);
    if (!t) report_unknown_type(b, ref->loc, ref->name);
    return t;
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

/* The string value of a directive's argument, or NULL. */
static const ast_value *directive_arg(const ast_directive *d, const char *name)
{
    const ast_argument *arg = ast_find_argument(d->arguments, name);
    return arg ? arg->value : NULL;
}

/* @deprecated(reason:) as graphql-js reads it: an explicit null reason means
 * not deprecated; no reason means the default one. */
static void read_deprecation(const ast_directive *list, bool *deprecated, const char **reason)
{
    const ast_directive *d = ast_find_directive(list, "deprecated");
    if (!d) return;
    const ast_value *v = directive_arg(d, "reason");
    if (v && v->kind == AST_VALUE_NULL) return;
    *deprecated = true;
    *reason = v && v->kind == AST_VALUE_STRING ? v->str : "No longer supported";
}

/* Reports a second argument of one name: owner is "Type.field" or "@dir". */
static void report_duplicate_arg(builder *b, const char *type_name, const char *field_name,
                                 src_loc first, const ast_field_def *again)
{
    diag *err = type_name
                    ? diag_add(b->errs, first, "Argument \"%s.%s(%s:)\" can only be defined once.",
                               type_name, field_name, again->name)
                    : diag_add(b->errs, first, "Argument \"@%s(%s:)\" can only be defined once.",
                               field_name, again->name);
    diag_loc(err, again->loc);
}

static void init_field(builder *b, schema_field *f, const ast_field_def *def, schema_type *parent);

/* Argument lists are short: a scan finds repeats; a table only past this. */
#define ARGS_SCANNED 16

static const schema_field *find_built_arg(const schema_field *args, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(args[i].name, name) == 0) return &args[i];
    return NULL;
}

/* Arguments of a field (type_name set) or of a directive (type_name NULL). */
static schema_field *build_args(builder *b, const ast_field_def *list, const char *type_name,
                                const char *owner_name, uint32_t *n)
{
    uint32_t count = 0;
    for (const ast_field_def *d = list; d; d = d->next)
        count++;
    *n = 0;
    if (!count) return NULL;
    schema_field *args = ARENA_ARRAY(b->a, schema_field, count);
    strmap seen = {0};
    if (count > ARGS_SCANNED) strmap_init(&seen, &b->scratch, count);
    for (const ast_field_def *d = list; d; d = d->next) {
        const schema_field *first =
            count > ARGS_SCANNED ? strmap_get(&seen, d->name) : find_built_arg(args, *n, d->name);
        if (first) {
            report_duplicate_arg(b, type_name, owner_name, first->loc, d);
            continue;
        }
        schema_field *arg = &args[(*n)++];
        init_field(b, arg, d, NULL);
        if (count > ARGS_SCANNED) strmap_put(&seen, arg->name, arg);
    }
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
    read_deprecation(def->directives, &f->deprecated, &f->deprecation_reason);
    f->parent = parent;
    f->loc = def->loc;
    if (parent && parent->kind != SCHEMA_INPUT_OBJECT)
        f->args = build_args(b, def->arguments, parent->name, def->name, &f->nargs);
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
            const schema_field *first = strmap_get(&t->field_map, d->name);
            if (first) {
                diag *err = diag_add(b->errs, first->loc,
                                     "Field \"%s.%s\" can only be defined once.", t->name, d->name);
                diag_loc(err, d->loc);
                continue;
            }
            schema_field *f = &t->fields[t->nfields++];
            init_field(b, f, d, t);
            f->index = b->s->nfields++;
            strmap_put(&t->field_map, f->name, f);
        }
    }
}

/* Interfaces (members = false) or union members (members = true), resolved;
 * unknown names are reported and left out. */
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
            if (t)
                out[(*n)++] = t;
            else
                report_unknown_type(b, m->loc, m->name);
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
    strmap seen;
    strmap_init(&seen, &b->scratch, count);
    for (uint32_t p = 0; p < src->nparts; p++) {
        for (const ast_enum_value_def *d = src->parts[p]->values; d; d = d->next) {
            const ast_enum_value_def *first = strmap_get(&seen, d->name);
            if (first) {
                diag *err =
                    diag_add(b->errs, first->loc, "Enum value \"%s.%s\" can only be defined once.",
                             t->name, d->name);
                diag_loc(err, d->loc);
                continue;
            }
            strmap_put(&seen, d->name, (void *)d);
            schema_enum_value *v = &t->values[t->nvalues++];
            v->name = d->name;
            v->description = d->description;
            v->directives = directive_array(b, d->directives, &v->ndirectives);
            read_deprecation(d->directives, &v->deprecated, &v->deprecation_reason);
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
            if (url && url->kind == AST_VALUE_STRING) t->specified_by_url = url->str;
        }
    }
}

static void build_type(builder *b, schema_type *t, const schema_source *src)
{
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
    dir->args = build_args(b, d->arguments, NULL, d->name, &dir->nargs);
    dir->repeatable = d->repeatable;
    dir->builtin = link->builtin;
    dir->loc = d->loc;
    dir->location_names = d->locations;
    for (const ast_name *l = d->locations; l; l = l->next) {
        schema_location bit = schema_location_from_name(l->name);
        if (!bit) diag_add(b->errs, l->loc, "Unknown directive location \"%s\".", l->name);
        dir->locations |= bit;
    }
    if (link->builtin && strcmp(d->name, "deprecated") == 0)
        dir->locations |= LOC_DIRECTIVE_DEFINITION; /* see schema_builtins.c */
    b->s->directives[b->s->ndirectives++] = dir;
    strmap_put(&b->s->directive_map, dir->name, dir);
}

static const char *const op_words[3] = {"query", "mutation", "subscription"};
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
    const ast_root_op *seen[3] = {NULL, NULL, NULL};
    uint32_t count = 0;
    for (def_link *l = b->schema_parts.first; l; l = l->next) {
        for (const ast_directive *d = l->def->directives; d; d = d->next)
            count++;
        for (const ast_root_op *op = l->def->root_operations; op; op = op->next) {
            if (seen[op->operation]) {
                diag *err =
                    diag_add(b->errs, seen[op->operation]->loc,
                             "There can be only one %s type in schema.", op_words[op->operation]);
                diag_loc(err, op->loc);
                continue;
            }
            seen[op->operation] = op;
            schema_type *t = strmap_get(&b->s->type_map, op->type_name);
            if (!t) report_unknown_type(b, op->type_loc, op->type_name);
            set_root(b, op->operation, t);
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
    builder b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.errs = errs;
    arena_init(&b.scratch, 0);
    strmap_init(&b.entries, &b.scratch, 64);
    strmap_init(&b.directive_names, &b.scratch, 16);
    b.s = ARENA_NEW(a, schema);
    b.s->arena = a;

    for (uint32_t i = 0; i < ndocs; i++)
        collect(&b, docs[i], false);
    const ast_document *builtins = schema_builtins_parse(a);
    if (builtins)
        collect(&b, builtins, true);
    else
        diag_add(errs, (src_loc){0, 0}, "The built-in definitions failed to parse.");
    build_model(&b);
    /* graphql-js checks applied directives and literals alongside the
     * definitions, then the type system only once the SDL itself is sound. */
    schema_check_uses(b.s, errs);
    if (errs->count == errors_before) schema_check_types(b.s, &b.origin, errs);
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
