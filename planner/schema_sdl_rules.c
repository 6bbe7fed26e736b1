/* schema_sdl_rules.c: the rules graphql-js's validateSDL applies to SDL
 * documents before any schema is built, with its messages, locations and
 * order. graphql-js runs all rules side by side over one depth-first walk of
 * the document; this file walks the same nodes in the same order and applies,
 * at each node, the rules that look at it in graphql-js's rule order:
 *
 *   LoneSchemaDefinition, UniqueOperationTypes, UniqueTypeNames,
 *   UniqueEnumValueNames, UniqueFieldDefinitionNames,
 *   UniqueArgumentDefinitionNames, UniqueDirectiveNames, KnownTypeNames,
 *   KnownDirectives, UniqueDirectivesPerLocation, PossibleTypeExtensions,
 *   KnownArgumentNamesOnDirectives, UniqueArgumentNames,
 *   UniqueInputFieldNames, ProvidedRequiredArgumentsOnDirectives.
 *
 * Added to those: executable definitions, and directive locations the
 * parser would not have let through (hand-built trees), are errors. The walk
 * recurses only into value literals, whose depth the parser bounds. */
#include "schema_internal.h"

#include <string.h>

#include "suggest.h"

/* Past this depth a (hand-built) value literal is left unchecked. */
#define LITERAL_DEPTH_LIMIT 512

typedef struct name_list {
    const char **names;
    uint32_t count, cap;
} name_list;

typedef struct sdl_walk {
    arena scratch;
    diag_list *errs;
    /* What the documents and the built-ins define, collected first. */
    strmap defined_types;    /* user type name -> its last definition */
    name_list defined_names; /* user type names, first appearance order */
    strmap standard_types;   /* built-in type name -> definition */
    name_list standard_names;
    strmap directive_defs; /* name -> definition in effect: the user's last, else built-in */
    strmap arg_tables;     /* directive name -> strmap* of its argument names, made on use */
    /* Rule state. */
    uint32_t schema_definitions;
    const ast_root_op *root_ops[3];
    strmap type_names;           /* UniqueTypeNames: name -> first definition */
    strmap directive_names;      /* UniqueDirectiveNames: name -> first definition */
    strmap type_fields;          /* type name -> strmap* of field name -> first definition */
    strmap type_values;          /* enum name -> strmap* of value name -> first definition */
    strmap type_directives_seen; /* type name -> strmap* of directive name -> first use */
    strmap schema_directives_seen;
} sdl_walk;

static void names_add(sdl_walk *w, name_list *l, const char *name)
{
    if (l->count == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 32;
        const char **grown = ARENA_ARRAY(&w->scratch, const char *, cap);
        if (l->count) memcpy(grown, l->names, sizeof *grown * l->count);
        l->names = grown;
        l->cap = cap;
    }
    l->names[l->count++] = name;
}

/* message + graphql-js's " Did you mean ...?" drawn from options. */
static void report_suggesting(sdl_walk *w, src_loc loc, const char *message, const char *name,
                              const char *const *options, uint32_t noptions)
{
    if (diag_full(w->errs)) {
        diag_add(w->errs, loc, "%s", message); /* only counted */
        return;
    }
    const char **close = NULL;
    uint32_t nclose = suggest_list(&w->scratch, name, options, noptions, &close);
    sbuf msg;
    sbuf_init(&msg);
    sbuf_puts(&msg, message);
    suggest_did_you_mean(&msg, NULL, close, nclose);
    diag_add(w->errs, loc, "%s", msg.data);
    sbuf_free(&msg);
}

static bool is_type_definition(const ast_definition *d)
{
    return d->kind != AST_DEF_OPERATION && d->kind != AST_DEF_FRAGMENT &&
           d->kind != AST_DEF_SCHEMA && d->kind != AST_DEF_DIRECTIVE;
}

/* ---- what is defined ---- */

static void collect_defined(sdl_walk *w, const ast_document *doc, bool builtin)
{
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        if (d->extension) continue;
        if (d->kind == AST_DEF_DIRECTIVE) {
            strmap_put(&w->directive_defs, d->name, (void *)d);
        } else if (is_type_definition(d) && builtin) {
            strmap_put(&w->standard_types, d->name, (void *)d);
            names_add(w, &w->standard_names, d->name);
        } else if (is_type_definition(d)) {
            if (!strmap_put(&w->defined_types, d->name, (void *)d))
                names_add(w, &w->defined_names, d->name);
        }
    }
}

/* ---- names and type references ---- */

static void known_type(sdl_walk *w, const char *name, src_loc loc)
{
    if (strmap_get(&w->defined_types, name) || strmap_get(&w->standard_types, name)) return;
    /* graphql-js suggests the standard names first, then the document's. */
    uint32_t n = w->standard_names.count + w->defined_names.count;
    const char **options = ARENA_ARRAY(&w->scratch, const char *, n ? n : 1);
    if (w->standard_names.count)
        memcpy(options, w->standard_names.names, sizeof *options * w->standard_names.count);
    uint32_t k = w->standard_names.count;
    for (uint32_t i = 0; i < w->defined_names.count; i++) /* graphql-js lists a name once */
        if (!strmap_get(&w->standard_types, w->defined_names.names[i]))
            options[k++] = w->defined_names.names[i];
    n = k;
    report_suggesting(w, loc, arena_sprintf(&w->scratch, "Unknown type \"%s\".", name), name,
                      options, n);
}

static void known_type_ref(sdl_walk *w, const ast_type *t)
{
    while (t->kind != AST_TYPE_NAMED)
        t = t->of;
    known_type(w, t->name, t->loc);
}

/* ---- repeated names ---- */

/* A name in a list being checked for repeats, and where it is. */
typedef struct named {
    const char *name;
    src_loc loc;
} named;

#define NO_INDEX UINT32_MAX
/* Short lists are scanned; longer ones go through a table, so no list costs
 * more than linear time however long the input makes it. */
#define SCANNED_LIST 16

/* For each item, the index of the first item of its name (its own index
 * when it is the first). */
static uint32_t *first_of_names(sdl_walk *w, const named *items, uint32_t n)
{
    uint32_t *first = ARENA_ARRAY(&w->scratch, uint32_t, n ? n : 1);
    strmap seen = {0};
    if (n > SCANNED_LIST) strmap_init(&seen, &w->scratch, n);
    for (uint32_t i = 0; i < n; i++) {
        first[i] = i;
        if (n > SCANNED_LIST) {
            uintptr_t at = (uintptr_t)strmap_get(&seen, items[i].name);
            if (at)
                first[i] = (uint32_t)(at - 1);
            else
                strmap_put(&seen, items[i].name, (void *)(uintptr_t)(i + 1));
            continue;
        }
        for (uint32_t k = 0; k < i; k++) {
            if (strcmp(items[k].name, items[i].name) == 0) {
                first[i] = k;
                break;
            }
        }
    }
    return first;
}

/* Each repeat reported against the first of its name: [first, repeat]. */
static void report_repeats_pairwise(sdl_walk *w, const named *items, uint32_t n, const char *format)
{
    const uint32_t *first = first_of_names(w, items, n);
    for (uint32_t i = 0; i < n; i++) {
        if (first[i] == i) continue;
        diag *e = diag_add(w->errs, items[first[i]].loc, format, items[i].name);
        diag_loc(e, items[i].loc);
    }
}

/* One error per repeated name, pointing at every occurrence; format takes
 * owner (which may be "") and then the name. */
static void report_repeats_grouped(sdl_walk *w, const named *items, const uint32_t *first,
                                   uint32_t n, const char *format, const char *owner)
{
    uint32_t *next = ARENA_ARRAY(&w->scratch, uint32_t, n ? n : 1);
    uint32_t *last = ARENA_ARRAY(&w->scratch, uint32_t, n ? n : 1);
    for (uint32_t i = 0; i < n; i++)
        last[i] = next[i] = NO_INDEX;
    for (uint32_t i = n; i-- > 0;) { /* chain each name's occurrences in order */
        next[i] = last[first[i]];
        last[first[i]] = i;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (first[i] != i || next[i] == NO_INDEX) continue;
        diag *e = diag_add(w->errs, items[i].loc, format, owner, items[i].name);
        for (uint32_t k = next[i]; k != NO_INDEX; k = next[k])
            diag_loc(e, items[k].loc);
    }
}

/* ---- value literals ---- */

static void walk_value(sdl_walk *w, const ast_value *v, unsigned depth)
{
    if (!v || depth > LITERAL_DEPTH_LIMIT) return;
    if (v->kind == AST_VALUE_LIST) {
        for (const ast_value *item = v->items; item; item = item->next)
            walk_value(w, item, depth + 1);
        return;
    }
    if (v->kind != AST_VALUE_OBJECT) return;
    uint32_t n = 0;
    for (const ast_object_field *f = v->fields; f; f = f->next)
        n++;
    named *items = ARENA_ARRAY(&w->scratch, named, n ? n : 1);
    n = 0;
    for (const ast_object_field *f = v->fields; f; f = f->next)
        items[n++] = (named){f->name, f->loc};
    const uint32_t *first = first_of_names(w, items, n);
    n = 0;
    for (const ast_object_field *f = v->fields; f; f = f->next, n++) {
        if (first[n] != n) {
            diag *e = diag_add(w->errs, items[first[n]].loc,
                               "There can be only one input field named \"%s\".", f->name);
            diag_loc(e, f->loc);
        }
        walk_value(w, f->value, depth + 1);
    }
}

/* ---- applied directives ---- */

/* The argument names of a directive definition as a table, made once per
 * directive: uses look arguments up there. */
static const strmap *arg_table(sdl_walk *w, const ast_definition *def)
{
    strmap *table = strmap_get(&w->arg_tables, def->name);
    if (table) return table;
    uint32_t n = 0;
    for (const ast_field_def *a = def->arguments; a; a = a->next)
        n++;
    table = ARENA_NEW(&w->scratch, strmap);
    strmap_init(table, &w->scratch, n);
    for (const ast_field_def *a = def->arguments; a; a = a->next)
        strmap_put(table, a->name, (void *)a);
    strmap_put(&w->arg_tables, def->name, table);
    return table;
}

static void unknown_arguments(sdl_walk *w, const ast_definition *def, const ast_directive *use)
{
    const strmap *known_args = arg_table(w, def);
    for (const ast_argument *arg = use->arguments; arg; arg = arg->next) {
        if (strmap_get(known_args, arg->name)) continue;
        name_list known = {0};
        for (const ast_field_def *a = def->arguments; a; a = a->next)
            names_add(w, &known, a->name);
        report_suggesting(w, arg->loc,
                          arena_sprintf(&w->scratch,
                                        "Unknown argument \"%s\" on directive \"@%s\".", arg->name,
                                        use->name),
                          arg->name, known.names, known.count);
    }
}

/* One error per repeated argument name, pointing at every occurrence. */
static void unique_arguments(sdl_walk *w, const ast_argument *args)
{
    uint32_t n = 0;
    for (const ast_argument *a = args; a; a = a->next)
        n++;
    named *items = ARENA_ARRAY(&w->scratch, named, n ? n : 1);
    n = 0;
    for (const ast_argument *a = args; a; a = a->next)
        items[n++] = (named){a->name, a->loc};
    report_repeats_grouped(w, items, first_of_names(w, items, n), n,
                           "There can be only one argument named %s\"%s\".", "");
}

static void required_arguments(sdl_walk *w, const ast_definition *def, const ast_directive *use)
{
    uint32_t n = 0;
    for (const ast_argument *arg = use->arguments; arg; arg = arg->next)
        n++;
    strmap given = {0}; /* a table only for long argument lists */
    if (n > SCANNED_LIST) {
        strmap_init(&given, &w->scratch, n);
        for (const ast_argument *arg = use->arguments; arg; arg = arg->next)
            strmap_put(&given, arg->name, (void *)arg);
    }
    for (const ast_field_def *a = def->arguments; a; a = a->next) {
        if (a->type->kind != AST_TYPE_NON_NULL || a->default_value) continue;
        if (n > SCANNED_LIST ? strmap_get(&given, a->name) != NULL
                             : ast_find_argument(use->arguments, a->name) != NULL)
            continue;
        diag_add(w->errs, use->loc,
                 "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                 "provided.",
                 use->name, a->name, schema_type_ref_text(&w->scratch, a->type));
    }
}

static bool has_location(const ast_definition *def, schema_location where)
{
    for (const ast_name *l = def->locations; l; l = l->next)
        if (schema_location_from_name(l->name) == where) return true;
    return false;
}

/* One applied directive: what graphql-js checks on entering it, its
 * argument values, and what it checks on leaving it. */
static void walk_directive(sdl_walk *w, const ast_directive *use, schema_location where)
{
    const ast_definition *def = strmap_get(&w->directive_defs, use->name);
    if (!def) {
        diag_add(w->errs, use->loc, "Unknown directive \"@%s\".", use->name);
    } else if (!has_location(def, where)) {
        diag_add(w->errs, use->loc, "Directive \"@%s\" may not be used on %s.", use->name,
                 schema_location_name(where));
    }
    if (def) unknown_arguments(w, def, use);
    unique_arguments(w, use->arguments);
    for (const ast_argument *arg = use->arguments; arg; arg = arg->next)
        walk_value(w, arg->value, 0);
    if (def) required_arguments(w, def, use);
}

/* A non-repeatable directive twice at one location. `seen` spans a type's
 * definition and extensions, or the schema's; NULL means this list alone. */
static void unique_directives(sdl_walk *w, const ast_directive *list, strmap *seen)
{
    if (seen) {
        for (const ast_directive *d = list; d; d = d->next) {
            const ast_definition *def = strmap_get(&w->directive_defs, d->name);
            if (!def || def->repeatable) continue;
            const ast_directive *first = strmap_get(seen, d->name);
            if (!first) {
                strmap_put(seen, d->name, (void *)d);
                continue;
            }
            diag *e =
                diag_add(w->errs, first->loc,
                         "The directive \"@%s\" can only be used once at this location.", d->name);
            diag_loc(e, d->loc);
        }
        return;
    }
    uint32_t n = 0;
    for (const ast_directive *d = list; d; d = d->next)
        n++;
    named *items = ARENA_ARRAY(&w->scratch, named, n ? n : 1);
    n = 0;
    for (const ast_directive *d = list; d; d = d->next) {
        const ast_definition *def = strmap_get(&w->directive_defs, d->name);
        if (def && !def->repeatable) items[n++] = (named){d->name, d->loc};
    }
    report_repeats_pairwise(w, items, n,
                            "The directive \"@%s\" can only be used once at this location.");
}

static void walk_directives(sdl_walk *w, const ast_directive *list, schema_location where)
{
    for (const ast_directive *d = list; d; d = d->next)
        walk_directive(w, d, where);
}

/* ---- definitions ---- */

/* The map one rule keeps for one type name, made on first use. */
static strmap *per_type_map(sdl_walk *w, strmap *outer, const char *type_name)
{
    strmap *m = strmap_get(outer, type_name);
    if (!m) {
        m = ARENA_NEW(&w->scratch, strmap);
        strmap_init(m, &w->scratch, 8);
        strmap_put(outer, type_name, m);
    }
    return m;
}

static void unique_type_name(sdl_walk *w, const ast_definition *d)
{
    const ast_definition *first = strmap_get(&w->type_names, d->name);
    if (!first) {
        strmap_put(&w->type_names, d->name, (void *)d);
        return;
    }
    diag *e =
        diag_add(w->errs, first->name_loc, "There can be only one type named \"%s\".", d->name);
    diag_loc(e, d->name_loc);
}

static void unique_enum_values(sdl_walk *w, const ast_definition *d)
{
    strmap *seen = per_type_map(w, &w->type_values, d->name);
    for (const ast_enum_value_def *v = d->values; v; v = v->next) {
        const ast_enum_value_def *first = strmap_get(seen, v->name);
        if (!first) {
            strmap_put(seen, v->name, (void *)v);
            continue;
        }
        diag *e = diag_add(w->errs, first->loc, "Enum value \"%s.%s\" can only be defined once.",
                           d->name, v->name);
        diag_loc(e, v->loc);
    }
}

static void unique_field_names(sdl_walk *w, const ast_definition *d)
{
    strmap *seen = per_type_map(w, &w->type_fields, d->name);
    for (const ast_field_def *f = d->fields; f; f = f->next) {
        const ast_field_def *first = strmap_get(seen, f->name);
        if (!first) {
            strmap_put(seen, f->name, (void *)f);
            continue;
        }
        diag *e = diag_add(w->errs, first->loc, "Field \"%s.%s\" can only be defined once.",
                           d->name, f->name);
        diag_loc(e, f->loc);
    }
}

/* owner is "Type.field" or "@dir"; one error per name, at every occurrence.
 * owner is made only when there is something to report. */
static void unique_argument_definitions(sdl_walk *w, const char *type_or_dir, const char *field,
                                        const ast_field_def *args)
{
    uint32_t n = 0;
    for (const ast_field_def *a = args; a; a = a->next)
        n++;
    if (n < 2) return;
    named *items = ARENA_ARRAY(&w->scratch, named, n);
    n = 0;
    for (const ast_field_def *a = args; a; a = a->next)
        items[n++] = (named){a->name, a->loc};
    const uint32_t *first = first_of_names(w, items, n);
    bool repeats = false;
    for (uint32_t i = 0; i < n && !repeats; i++)
        repeats = first[i] != i;
    if (!repeats) return;
    const char *owner = field ? arena_sprintf(&w->scratch, "%s.%s", type_or_dir, field)
                              : arena_sprintf(&w->scratch, "@%s", type_or_dir);
    report_repeats_grouped(w, items, first, n, "Argument \"%s(%s:)\" can only be defined once.",
                           owner);
}

static const char *kind_word(ast_def_kind kind)
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

static void possible_extension(sdl_walk *w, const ast_definition *ext)
{
    const ast_definition *def = strmap_get(&w->defined_types, ext->name);
    if (!def) {
        report_suggesting(w, ext->name_loc,
                          arena_sprintf(&w->scratch,
                                        "Cannot extend type \"%s\" because it is not defined.",
                                        ext->name),
                          ext->name, w->defined_names.names, w->defined_names.count);
    } else if (def->kind != ext->kind) {
        diag *e = diag_add(w->errs, def->loc, "Cannot extend non-%s type \"%s\".",
                           kind_word(ext->kind), ext->name);
        diag_loc(e, ext->loc);
    }
}

static void walk_input_value(sdl_walk *w, const ast_field_def *v, schema_location where)
{
    unique_directives(w, v->directives, NULL);
    known_type_ref(w, v->type);
    walk_value(w, v->default_value, 0);
    walk_directives(w, v->directives, where);
}

static void walk_field(sdl_walk *w, const ast_field_def *f)
{
    unique_directives(w, f->directives, NULL);
    for (const ast_field_def *a = f->arguments; a; a = a->next)
        walk_input_value(w, a, LOC_ARGUMENT_DEFINITION);
    known_type_ref(w, f->type);
    walk_directives(w, f->directives, LOC_FIELD_DEFINITION);
}

static schema_location type_location(ast_def_kind kind)
{
    switch (kind) {
    case AST_DEF_SCALAR:
        return LOC_SCALAR;
    case AST_DEF_OBJECT:
        return LOC_OBJECT;
    case AST_DEF_INTERFACE:
        return LOC_INTERFACE;
    case AST_DEF_UNION:
        return LOC_UNION;
    case AST_DEF_ENUM:
        return LOC_ENUM;
    default:
        return LOC_INPUT_OBJECT;
    }
}

/* The rules graphql-js applies on entering a type definition or extension. */
static void enter_type(sdl_walk *w, const ast_definition *d)
{
    if (!d->extension) unique_type_name(w, d);
    if (d->kind == AST_DEF_ENUM) unique_enum_values(w, d);
    if (d->kind == AST_DEF_OBJECT || d->kind == AST_DEF_INTERFACE ||
        d->kind == AST_DEF_INPUT_OBJECT)
        unique_field_names(w, d);
    if (d->kind == AST_DEF_OBJECT || d->kind == AST_DEF_INTERFACE) {
        for (const ast_field_def *f = d->fields; f; f = f->next)
            unique_argument_definitions(w, d->name, f->name, f->arguments);
    }
    unique_directives(w, d->directives, per_type_map(w, &w->type_directives_seen, d->name));
    if (d->extension) possible_extension(w, d);
}

static void walk_type(sdl_walk *w, const ast_definition *d)
{
    enter_type(w, d);
    for (const ast_name *i = d->interfaces; i; i = i->next)
        known_type(w, i->name, i->loc);
    walk_directives(w, d->directives, type_location(d->kind));
    for (const ast_name *m = d->members; m; m = m->next)
        known_type(w, m->name, m->loc);
    for (const ast_enum_value_def *v = d->values; v; v = v->next) {
        unique_directives(w, v->directives, NULL);
        walk_directives(w, v->directives, LOC_ENUM_VALUE);
    }
    /* graphql-js takes the fields of `extend input` for arguments when it
     * places their directives; so do we, to accept and refuse alike. */
    schema_location input_field =
        d->extension ? LOC_ARGUMENT_DEFINITION : LOC_INPUT_FIELD_DEFINITION;
    for (const ast_field_def *f = d->fields; f; f = f->next) {
        if (d->kind == AST_DEF_INPUT_OBJECT)
            walk_input_value(w, f, input_field);
        else
            walk_field(w, f);
    }
}

static const char *const operation_words[3] = {"query", "mutation", "subscription"};

static void walk_schema(sdl_walk *w, const ast_definition *d)
{
    if (!d->extension && w->schema_definitions++)
        diag_add(w->errs, d->loc, "Must provide only one schema definition.");
    for (const ast_root_op *op = d->root_operations; op; op = op->next) {
        const ast_root_op *first = w->root_ops[op->operation];
        if (!first) {
            w->root_ops[op->operation] = op;
            continue;
        }
        diag *e = diag_add(w->errs, first->loc, "There can be only one %s type in schema.",
                           operation_words[op->operation]);
        diag_loc(e, op->loc);
    }
    unique_directives(w, d->directives, &w->schema_directives_seen);
    walk_directives(w, d->directives, LOC_SCHEMA);
    for (const ast_root_op *op = d->root_operations; op; op = op->next)
        known_type(w, op->type_name, op->type_loc);
}

static void walk_directive_definition(sdl_walk *w, const ast_definition *d)
{
    unique_argument_definitions(w, d->name, NULL, d->arguments);
    const ast_definition *first = strmap_get(&w->directive_names, d->name);
    if (first) {
        diag *e = diag_add(w->errs, first->name_loc,
                           "There can be only one directive named \"@%s\".", d->name);
        diag_loc(e, d->name_loc);
    } else {
        strmap_put(&w->directive_names, d->name, (void *)d);
    }
    for (const ast_field_def *a = d->arguments; a; a = a->next)
        walk_input_value(w, a, LOC_ARGUMENT_DEFINITION);
    for (const ast_name *l = d->locations; l; l = l->next)
        if (!schema_location_from_name(l->name))
            diag_add(w->errs, l->loc, "Unknown directive location \"%s\".", l->name);
}

static void walk_definition(sdl_walk *w, const ast_definition *d)
{
    switch (d->kind) {
    case AST_DEF_OPERATION:
    case AST_DEF_FRAGMENT:
        diag_add(w->errs, d->loc, "Executable definitions are not allowed in a schema document.");
        break;
    case AST_DEF_SCHEMA:
        walk_schema(w, d);
        break;
    case AST_DEF_DIRECTIVE:
        walk_directive_definition(w, d);
        break;
    default:
        walk_type(w, d);
        break;
    }
}

void schema_check_sdl(const ast_document *const *docs, uint32_t ndocs, const ast_document *builtins,
                      diag_list *errs)
{
    sdl_walk w;
    memset(&w, 0, sizeof w);
    w.errs = errs;
    arena_init(&w.scratch, 0);
    strmap_init(&w.defined_types, &w.scratch, 64);
    strmap_init(&w.standard_types, &w.scratch, 16);
    strmap_init(&w.directive_defs, &w.scratch, 16);
    strmap_init(&w.arg_tables, &w.scratch, 16);
    strmap_init(&w.type_names, &w.scratch, 64);
    strmap_init(&w.directive_names, &w.scratch, 16);
    strmap_init(&w.type_fields, &w.scratch, 64);
    strmap_init(&w.type_values, &w.scratch, 16);
    strmap_init(&w.type_directives_seen, &w.scratch, 64);
    strmap_init(&w.schema_directives_seen, &w.scratch, 8);
    collect_defined(&w, builtins, true);
    for (uint32_t i = 0; i < ndocs; i++)
        collect_defined(&w, docs[i], false);
    for (uint32_t i = 0; i < ndocs; i++)
        for (const ast_definition *d = docs[i]->definitions; d; d = d->next)
            walk_definition(&w, d);
    arena_free(&w.scratch);
}
