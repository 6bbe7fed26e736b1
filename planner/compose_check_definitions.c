/* compose_check_definitions.c: a subgraph may write out the definitions of
 * the federation directives it uses; Apollo accepts them only when they are
 * compatible with the specification's (DIRECTIVE_DEFINITION_INVALID): every
 * required argument present, no unknown argument, argument types and
 * defaults as specified (a custom scalar such as FieldSet may be redefined
 * as a built-in one), not repeatable unless the directive is, and no
 * location the directive does not have. The same goes for the types of the
 * federation and link specifications (TYPE_DEFINITION_INVALID): of the
 * kind specified, and link__Purpose with exactly its two values. */
#include <stdlib.h>
#include <string.h>

#include "compose_check_int.h"
#include "printer.h"

typedef struct spec_arg {
    const char *name;
    const char *type;          /* as printed; custom scalars named in custom_scalars */
    const char *default_value; /* as printed; NULL = none */
} spec_arg;

typedef struct spec_directive {
    cfed_dir dir;
    spec_arg args[4];
    bool repeatable;
    uint32_t locations; /* 0 = not checked */
} spec_directive;

#define L_FIELD LOC_FIELD_DEFINITION
static const spec_directive specs[] = {
    {CFED_KEY,
     {{"fields", "FieldSet!", NULL}, {"resolvable", "Boolean", "true"}},
     true,
     LOC_OBJECT | LOC_INTERFACE},
    {CFED_REQUIRES, {{"fields", "FieldSet!", NULL}}, false, L_FIELD},
    {CFED_PROVIDES, {{"fields", "FieldSet!", NULL}}, false, L_FIELD},
    {CFED_EXTERNAL, {{"reason", "String", NULL}}, false, LOC_OBJECT | L_FIELD},
    {CFED_EXTENDS, {{NULL, NULL, NULL}}, false, LOC_OBJECT | LOC_INTERFACE},
    {CFED_SHAREABLE, {{NULL, NULL, NULL}}, true, LOC_OBJECT | L_FIELD},
    {CFED_OVERRIDE, {{"from", "String!", NULL}, {"label", "String", NULL}}, false, L_FIELD},
    {CFED_TAG, {{"name", "String!", NULL}}, true, 0},
    {CFED_INACCESSIBLE, {{NULL, NULL, NULL}}, false, 0},
    {CFED_COMPOSE_DIRECTIVE, {{"name", "String", NULL}}, true, LOC_SCHEMA},
    {CFED_INTERFACE_OBJECT, {{NULL, NULL, NULL}}, false, LOC_OBJECT},
    {CFED_CONTEXT, {{"name", "String!", NULL}}, true, 0},
    {CFED_FROM_CONTEXT, {{"field", "ContextFieldValue", NULL}}, false, LOC_ARGUMENT_DEFINITION},
    {CFED_COST, {{"weight", "Int!", NULL}}, false, 0},
    {CFED_LIST_SIZE,
     {{"assumedSize", "Int", NULL},
      {"slicingArguments", "[String!]", NULL},
      {"sizedFields", "[String!]", NULL},
      {"requireOneSlicingArgument", "Boolean", "true"}},
     false,
     L_FIELD},
};

static const char *const custom_scalars[] = {"FieldSet", "ContextFieldValue", "Scope", "Policy"};
static const char *const builtin_scalars[] = {"String", "Int", "Float", "Boolean", "ID"};

static bool in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], name) == 0) return true;
    return false;
}

/* The named type of a printed reference: "[String!]" -> "String". */
static const char *base_name(arena *a, const char *printed)
{
    const char *start = printed;
    while (*start == '[')
        start++;
    size_t len = 0;
    while (start[len] && start[len] != '!' && start[len] != ']')
        len++;
    return arena_strndup(a, start, len);
}

/* Apollo's sameType, or a custom scalar of the specification redefined as
 * a built-in scalar (isValidInputTypeRedefinition). */
static bool type_fits(arena *a, const char *want, const ast_type *actual)
{
    if (actual->kind == AST_TYPE_NON_NULL && want[strlen(want) - 1] != '!') actual = actual->of;
    const char *got = schema_type_ref_text(a, actual);
    if (strcmp(got, want) == 0) return true;
    const char *want_base = base_name(a, want), *got_base = ast_type_name(actual);
    if (!in_list(want_base, custom_scalars, 4)) return false;
    /* Same shape, and the named type is the scalar itself (maybe namespaced) or a built-in. */
    size_t wb = strlen(want_base), gb = strlen(got_base);
    bool same_scalar = gb >= wb && strcmp(got_base + gb - wb, want_base) == 0;
    if (!same_scalar && !in_list(got_base, builtin_scalars, 5)) return false;
    /* The wrappers around the named type must be the same. */
    size_t wp = (size_t)(strstr(want, want_base) - want),
           gp = (size_t)(strstr(got, got_base) - got);
    return wp == gp && strncmp(want, got, wp) == 0 && strcmp(want + wp + wb, got + gp + gb) == 0;
}

/* Apollo prints an absent default of the definition as null. */
static const char *value_text(arena *a, const ast_value *v)
{
    if (!v) return "null";
    sbuf b;
    sbuf_init(&b);
    print_value(&b, v);
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

static const char *link_string(const ast_directive *d, const char *arg)
{
    const ast_value *v = cc_arg(d, arg);
    return v && v->kind == AST_VALUE_STRING ? v->str : NULL;
}

/* The federation @link of the subgraph; NULL for Federation 1. */
static const ast_directive *federation_link(const csub *s)
{
    for (const ast_definition *d = s->doc->definitions; d; d = d->next)
        for (const ast_directive *l = d->kind == AST_DEF_SCHEMA ? d->directives : NULL; l;
             l = l->next) {
            const char *url = strcmp(l->name, "link") == 0 ? link_string(l, "url") : NULL;
            if (url && strstr(url, "specs.apollo.dev/federation/")) return l;
        }
    return NULL;
}

/* The name a specification scalar has in the subgraph: as imported, or
 * namespaced ("federation__FieldSet"); "_FieldSet" in Federation 1. */
static const char *scalar_name(arena *a, const csub *s, const char *scalar)
{
    const ast_directive *link = federation_link(s);
    if (!link) return arena_sprintf(a, "_%s", scalar);
    const ast_value *imports = cc_arg(link, "import");
    for (const ast_value *v = imports && imports->kind == AST_VALUE_LIST ? imports->items : NULL; v;
         v = v->next) {
        if (v->kind == AST_VALUE_STRING && strcmp(v->str, scalar) == 0) return scalar;
        if (v->kind != AST_VALUE_OBJECT) continue;
        const char *name = NULL, *as = NULL;
        for (const ast_object_field *f = v->fields; f; f = f->next) {
            if (f->value->kind != AST_VALUE_STRING) continue;
            if (strcmp(f->name, "name") == 0) name = f->value->str;
            if (strcmp(f->name, "as") == 0) as = f->value->str;
        }
        if (name && strcmp(name, scalar) == 0) return as ? as : scalar;
    }
    const char *prefix = link_string(link, "as");
    return arena_sprintf(a, "%s__%s", prefix ? prefix : "federation", scalar);
}

/* The specified type as the subgraph names it: "FieldSet!" -> "federation__FieldSet!". */
static const char *local_type(arena *a, const csub *s, const char *type)
{
    const char *base = base_name(a, type);
    if (!in_list(base, custom_scalars, 4)) return type;
    size_t at = (size_t)(strstr(type, base) - type);
    return arena_sprintf(a, "%.*s%s%s", (int)at, type, scalar_name(a, s, base),
                         type + at + strlen(base));
}

static bool same_default(arena *a, const spec_arg *want, const ast_field_def *got)
{
    if (!want->default_value || !got->default_value)
        return !want->default_value && !got->default_value;
    return strcmp(want->default_value, value_text(a, got->default_value)) == 0;
}

static void invalid(compose_ctx *c, const csub *s, src_loc loc, const spec_directive *spec,
                    const char *msg)
{
    compose_error(c, "DIRECTIVE_DEFINITION_INVALID", s, loc,
                  "Invalid definition for directive \"@%s\": %s", cfed_dir_names[spec->dir], msg);
}

static void check_arguments(compose_ctx *c, const csub *s, const ast_definition *d,
                            const spec_directive *spec)
{
    arena *a = c->arena;
    for (size_t i = 0; i < 4 && spec->args[i].name; i++) {
        const spec_arg *want = &spec->args[i];
        const ast_field_def *got = d->arguments;
        while (got && strcmp(got->name, want->name) != 0)
            got = got->next;
        if (!got) {
            if (want->type[strlen(want->type) - 1] == '!' && !want->default_value)
                invalid(c, s, d->loc, spec,
                        arena_sprintf(a, "missing required argument \"%s\"", want->name));
            continue;
        }
        if (!type_fits(a, want->type, got->type))
            invalid(c, s, got->loc, spec,
                    arena_sprintf(a,
                                  "argument \"%s\" should have type \"%s\" but found type "
                                  "\"%s\"",
                                  want->name, local_type(a, s, want->type),
                                  schema_type_ref_text(a, got->type)));
        else if (got->type->kind != AST_TYPE_NON_NULL && !same_default(a, want, got))
            invalid(c, s, got->loc, spec,
                    arena_sprintf(a,
                                  "argument \"%s\" should have default value %s but found "
                                  "default value %s",
                                  want->name,
                                  want->default_value ? want->default_value : "undefined",
                                  value_text(a, got->default_value)));
    }
    for (const ast_field_def *got = d->arguments; got; got = got->next) {
        bool known = false;
        for (size_t i = 0; i < 4 && spec->args[i].name && !known; i++)
            known = strcmp(spec->args[i].name, got->name) == 0;
        if (!known)
            invalid(c, s, got->loc, spec,
                    arena_sprintf(a, "unknown/unsupported argument \"%s\"", got->name));
    }
}

static void check_definition(compose_ctx *c, const csub *s, const ast_definition *d,
                             const spec_directive *spec)
{
    check_arguments(c, s, d, spec);
    const char *name = cfed_dir_names[spec->dir];
    /* @shareable became repeatable with federation 2.2. */
    bool repeatable = spec->repeatable && (spec->dir != CFED_SHAREABLE || s->fed_minor >= 2);
    if (d->repeatable && !repeatable)
        invalid(c, s, d->loc, spec,
                arena_sprintf(c->arena, "\"@%s\" should not be repeatable", name));
    uint32_t locations = 0;
    for (const ast_name *l = d->locations; l; l = l->next)
        locations |= schema_location_from_name(l->name);
    if (spec->locations && (locations & ~spec->locations)) {
        sbuf want, got;
        sbuf_init(&want);
        sbuf_init(&got);
        for (uint32_t bit = 1; bit; bit <<= 1)
            if (spec->locations & bit)
                sbuf_printf(&want, "%s%s", want.len ? ", " : "", schema_location_name(bit));
        for (const ast_name *l = d->locations; l; l = l->next)
            sbuf_printf(&got, "%s%s", got.len ? ", " : "", l->name);
        invalid(c, s, d->loc, spec,
                arena_sprintf(c->arena,
                              "\"@%s\" should have locations %s, but found (non-subset) %s", name,
                              want.data, got.data));
        sbuf_free(&want);
        sbuf_free(&got);
    }
}

/* The federation types, by the federation 2 minor version that brought them. */
static const struct spec_type {
    const char *name;
    uint8_t since;
} federation_types[] = {{"FieldSet", 0}, {"Scope", 5}, {"Policy", 6}, {"ContextFieldValue", 8}};

static const char *kind_name(ast_def_kind kind)
{
    switch (kind) {
    case AST_DEF_SCALAR:
        return "ScalarType";
    case AST_DEF_OBJECT:
        return "ObjectType";
    case AST_DEF_INTERFACE:
        return "InterfaceType";
    case AST_DEF_UNION:
        return "UnionType";
    case AST_DEF_ENUM:
        return "EnumType";
    case AST_DEF_INPUT_OBJECT:
        return "InputObjectType";
    default:
        return NULL;
    }
}

static const ast_definition *type_definition(const csub *s, const char *name)
{
    for (const ast_definition *d = s->doc->definitions; d; d = d->next)
        if (kind_name(d->kind) && d->name && !strcmp(d->name, name)) return d;
    return NULL;
}

/* False after reporting a definition of another kind. */
static bool check_kind(compose_ctx *c, const csub *s, const ast_definition *d, ast_def_kind want)
{
    if (d->kind == want) return true;
    compose_error(c, "TYPE_DEFINITION_INVALID", s, d->loc,
                  "Invalid definition for type %s: %s should be a %s but is defined as a %s",
                  d->name, d->name, kind_name(want), kind_name(d->kind));
    return false;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* link__Purpose: an enum of EXECUTION and SECURITY, nothing else. */
static bool check_purpose(compose_ctx *c, const csub *s, const ast_definition *d)
{
    if (!check_kind(c, s, d, AST_DEF_ENUM)) return false;
    uint32_t n = 0;
    for (const ast_enum_value_def *v = d->values; v; v = v->next)
        n++;
    const char **names = ARENA_ARRAY(c->arena, const char *, n + 1);
    n = 0;
    for (const ast_enum_value_def *v = d->values; v; v = v->next)
        names[n++] = v->name;
    qsort(names, n, sizeof *names, compare_strings);
    if (n == 2 && !strcmp(names[0], "EXECUTION") && !strcmp(names[1], "SECURITY")) return true;
    sbuf found;
    sbuf_init(&found);
    sbuf_puts(&found, "");
    for (uint32_t i = 0; i < n; i++)
        sbuf_printf(&found, "%s%s", i ? ", " : "", names[i]);
    compose_error(c, "TYPE_DEFINITION_INVALID", s, d->loc,
                  "Invalid definition for type \"Purpose\": expected values [EXECUTION, SECURITY] "
                  "but found [%s].",
                  found.data);
    sbuf_free(&found);
    return false;
}

/* The link spec's types first: Apollo stops at a bad one. */
static bool check_link_types(compose_ctx *c, const csub *s)
{
    const ast_definition *import = type_definition(s, "link__Import");
    const ast_definition *purpose = type_definition(s, "link__Purpose");
    if (import && !check_kind(c, s, import, AST_DEF_SCALAR)) return false;
    return !purpose || check_purpose(c, s, purpose);
}

static bool check_federation_types(compose_ctx *c, const csub *s)
{
    bool ok = true;
    for (size_t i = 0; i < sizeof federation_types / sizeof *federation_types; i++) {
        /* Federation 1 has _FieldSet only */
        if (s->fed2 ? federation_types[i].since > s->fed_minor : i > 0) continue;
        const ast_definition *d =
            type_definition(s, scalar_name(c->arena, s, federation_types[i].name));
        if (d) ok &= check_kind(c, s, d, AST_DEF_SCALAR);
    }
    return ok;
}

bool cc_check_definitions(compose_ctx *c, const csub *s)
{
    if (!s->doc) return true;
    if (!check_link_types(c, s)) return false;
    bool types_ok = check_federation_types(c, s);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_DIRECTIVE) continue;
        cfed_dir dir = csub_fed_dir(s, d->name);
        for (size_t i = 0; i < sizeof specs / sizeof *specs; i++)
            if (specs[i].dir == dir) check_definition(c, s, d, &specs[i]);
    }
    return types_ok;
}
