/* compose_check_sdl.c: the GraphQL rules Apollo applies while building a
 * subgraph schema (INVALID_GRAPHQL), for what the subgraph reader takes on
 * trust: every type reference and union member names a type, every applied
 * directive is defined (with Apollo's advice when it is a federation
 * directive the @link did not import), fields have output types and
 * arguments input types, and objects and interfaces have the fields of the
 * interfaces they implement. Apollo stops at the first unknown type; so does
 * this check. */
#include <string.h>

#include "compose_check_int.h"

static const char *const builtin_types[] = {"String", "Int", "Float", "Boolean", "ID"};
static const char *const builtin_directives[] = {"deprecated", "specifiedBy", "skip",
                                                 "include",    "oneOf",       "link"};

/* Federation's and link's own types, which subgraphs may name undefined. */
static bool is_spec_type(const char *name)
{
    static const char *const spec_types[] = {"FieldSet", "_FieldSet",         "_Any",   "Scope",
                                             "Policy",   "ContextFieldValue", "Import", "Purpose"};
    if (strstr(name, "__")) return true;
    for (size_t i = 0; i < sizeof spec_types / sizeof *spec_types; i++)
        if (strcmp(spec_types[i], name) == 0) return true;
    return false;
}

static bool is_known_type(const csub *s, const char *name)
{
    for (size_t i = 0; i < sizeof builtin_types / sizeof *builtin_types; i++)
        if (strcmp(builtin_types[i], name) == 0) return true;
    return csub_type(s, name) || is_spec_type(name);
}

/* ---- unknown types ---- */

static const ast_type *unknown_in_fields(const csub *s, const ast_field_def *f)
{
    for (; f; f = f->next) {
        const ast_type *t = f->type;
        while (t && t->kind != AST_TYPE_NAMED)
            t = t->of;
        if (t && !is_known_type(s, t->name)) return t;
        const ast_type *in_args = unknown_in_fields(s, f->arguments);
        if (in_args) return in_args;
    }
    return NULL;
}

/* The first unknown type reference, in document order; reported. */
static bool check_type_references(compose_ctx *c, const csub *s)
{
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        const ast_type *t = unknown_in_fields(s, d->fields);
        if (!t) t = unknown_in_fields(s, d->arguments);
        if (t) {
            compose_error(c, "INVALID_GRAPHQL", s, t->loc, "Unknown type %s", t->name);
            return false;
        }
        for (const ast_name *m = d->members; m; m = m->next)
            if (!is_known_type(s, m->name)) {
                compose_error(c, "INVALID_GRAPHQL", s, m->loc,
                              "Cannot add unknown type %s as member of union type %s", m->name,
                              d->name);
                return false;
            }
    }
    return true;
}

/* ---- unknown directives ---- */

typedef struct directive_names {
    compose_ctx *c;
    const csub *s;
    strmap defined; /* every directive the document defines */
} directive_names;

static void check_directive(directive_names *dn, const ast_directive *d)
{
    const csub *s = dn->s;
    if (strmap_get(&dn->defined, d->name)) return;
    cfed_dir fed = csub_fed_dir(s, d->name);
    if (fed != CFED_COUNT && s->fed_minor <= CC_FED_MAX_MINOR) return;
    if (fed != CFED_COUNT) {
        /* A federation version Apollo does not know defines no directive. */
        compose_error(dn->c, "INVALID_GRAPHQL", s, d->loc,
                      "Unknown directive \"@%s\". If you meant the \"@%s\" federation directive, "
                      "you should use \"@%s\" as it is imported under that name in the @link to "
                      "the federation specification of this schema.",
                      d->name, cfed_dir_names[fed], d->name);
        return;
    }
    for (size_t i = 0; i < sizeof builtin_directives / sizeof *builtin_directives; i++)
        if (strcmp(builtin_directives[i], d->name) == 0) return;
    for (int f = 0; f < CFED_COUNT; f++)
        if (strcmp(cfed_dir_names[f], d->name) == 0 && s->fed2 && s->dir_names[f]) {
            compose_error(dn->c, "INVALID_GRAPHQL", s, d->loc,
                          "Unknown directive \"@%s\". If you meant the \"@%s\" federation "
                          "directive, you should use fully-qualified name \"@%s\" or add \"@%s\" "
                          "to the `import` argument of the @link to the federation "
                          "specification.",
                          d->name, d->name, s->dir_names[f], d->name);
            return;
        }
    compose_error(dn->c, "INVALID_GRAPHQL", s, d->loc, "Unknown directive \"@%s\".", d->name);
}

static void check_directives(directive_names *dn, const ast_directive *d)
{
    for (; d; d = d->next)
        check_directive(dn, d);
}

static void check_field_directives(directive_names *dn, const ast_field_def *f)
{
    for (; f; f = f->next) {
        check_directives(dn, f->directives);
        check_field_directives(dn, f->arguments);
    }
}

static void check_applied_directives(compose_ctx *c, const csub *s)
{
    directive_names dn = {c, s, {0}};
    strmap_init(&dn.defined, c->arena, 16);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_DIRECTIVE) strmap_put(&dn.defined, d->name, (void *)d);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        check_directives(&dn, d->directives);
        check_field_directives(&dn, d->fields);
        for (const ast_enum_value_def *v = d->values; v; v = v->next)
            check_directives(&dn, v->directives);
    }
}

/* ---- input and output positions ---- */

static const char *const kind_names[] = {
    [SCHEMA_SCALAR] = "ScalarType",       [SCHEMA_OBJECT] = "ObjectType",
    [SCHEMA_INTERFACE] = "InterfaceType", [SCHEMA_UNION] = "UnionType",
    [SCHEMA_ENUM] = "EnumType",           [SCHEMA_INPUT_OBJECT] = "InputObjectType",
};

static void check_position(compose_ctx *c, const csub *s, const cfield *f, const char *coord,
                           bool input)
{
    const ctype *t = cc_field_type(s, f);
    if (!t) return;
    bool fits = input ? (t->kind == SCHEMA_SCALAR || t->kind == SCHEMA_ENUM ||
                         t->kind == SCHEMA_INPUT_OBJECT)
                      : t->kind != SCHEMA_INPUT_OBJECT;
    if (!fits)
        compose_error(c, "INVALID_GRAPHQL", s, f->m.loc,
                      "The type of \"%s\" must be %s Type but got \"%s\", a %s.", coord,
                      input ? "Input" : "Output", schema_type_ref_text(c->arena, f->type),
                      kind_names[t->kind]);
}

static void check_positions(compose_ctx *c, const csub *s, const ctype *t)
{
    arena *a = c->arena;
    for (uint32_t j = 0; j < t->nfields; j++) {
        const cfield *f = &t->fields[j];
        const char *coord = cc_coord(a, t, f);
        check_position(c, s, f, coord, t->kind == SCHEMA_INPUT_OBJECT);
        for (uint32_t k = 0; k < f->nargs; k++)
            check_position(c, s, &f->args[k], arena_sprintf(a, "%s(%s:)", coord, f->args[k].name),
                           true);
    }
}

/* ---- implemented interfaces ---- */

static void check_implementations(compose_ctx *c, const csub *s, const ctype *t)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++) {
        const ctype *itf = csub_type(s, t->interfaces[i].name);
        if (!itf || itf->kind != SCHEMA_INTERFACE) continue;
        for (uint32_t j = 0; j < itf->nfields; j++) {
            if (ctype_field(t, itf->fields[j].name)) continue;
            diag *e = compose_error(c, "INVALID_GRAPHQL", s, itf->fields[j].m.loc,
                                    "Interface field %s.%s expected but %s does not provide it.",
                                    itf->name, itf->fields[j].name, t->name);
            if (e) diag_loc(e, t->m.loc);
        }
    }
}

void cc_check_sdl(compose_ctx *c, const csub *s)
{
    if (!s->doc || !check_type_references(c, s)) return;
    check_applied_directives(c, s);
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE ||
            t->kind == SCHEMA_INPUT_OBJECT)
            check_positions(c, s, t);
        if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) check_implementations(c, s, t);
    }
}
