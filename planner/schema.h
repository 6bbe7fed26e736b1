/* schema.h: the type-system model built from SDL documents: types, fields,
 * arguments, enum values and directive definitions, with extensions merged
 * and the built-in scalars and directives added. Read-only once built; every
 * pointer lives in the arena given to schema_build. Validation, introspection,
 * supergraph loading and the planner all read it. */
#ifndef FM_SCHEMA_H
#define FM_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "strmap.h"

typedef enum schema_kind {
    SCHEMA_SCALAR,
    SCHEMA_OBJECT,
    SCHEMA_INTERFACE,
    SCHEMA_UNION,
    SCHEMA_ENUM,
    SCHEMA_INPUT_OBJECT
} schema_kind;

typedef struct schema_type schema_type;

/* Object and interface fields, input object fields, and arguments of fields
 * and directives share one shape. */
typedef struct schema_field {
    const char *name;
    const char *description;   /* NULL when absent */
    const ast_type *type;      /* the type reference as written */
    schema_type *named;        /* its innermost named type, resolved */
    struct schema_field *args; /* array of nargs (fields only) */
    uint32_t nargs;
    const ast_value *default_value; /* arguments and input fields; NULL if none */
    bool deprecated;
    const char *deprecation_reason;   /* "No longer supported" when @deprecated has no reason */
    const ast_directive **directives; /* array of ndirectives, as applied */
    uint32_t ndirectives;
    schema_type *parent; /* the type (or NULL for directive arguments) */
    uint32_t index;      /* dense over all fields of the schema; args get none */
    src_loc loc;
} schema_field;

typedef struct schema_enum_value {
    const char *name;
    const char *description;
    bool deprecated;
    const char *deprecation_reason;
    const ast_directive **directives;
    uint32_t ndirectives;
    src_loc loc;
} schema_enum_value;

struct schema_type {
    const char *name;
    const char *description;
    schema_kind kind;
    uint32_t index; /* dense: schema->types[index] == this */
    bool builtin;   /* Int, Float, String, Boolean, ID and the __ introspection types */
    src_loc loc;

    schema_field *fields; /* object, interface, input object; in definition order */
    uint32_t nfields;
    strmap field_map; /* name -> schema_field* */

    schema_type **interfaces; /* object, interface: what it implements */
    uint32_t ninterfaces;

    /* union: its members; interface: every object type implementing it (directly
     * or through another interface), in schema order. */
    schema_type **possible;
    uint32_t npossible;

    schema_enum_value *values; /* enum */
    uint32_t nvalues;

    const char *specified_by_url;     /* scalar: @specifiedBy(url:) */
    const ast_directive **directives; /* definition and extensions, in order */
    uint32_t ndirectives;
};

/* Directive locations as a bit set. */
typedef enum schema_location {
    LOC_QUERY = 1u << 0,
    LOC_MUTATION = 1u << 1,
    LOC_SUBSCRIPTION = 1u << 2,
    LOC_FIELD = 1u << 3,
    LOC_FRAGMENT_DEFINITION = 1u << 4,
    LOC_FRAGMENT_SPREAD = 1u << 5,
    LOC_INLINE_FRAGMENT = 1u << 6,
    LOC_VARIABLE_DEFINITION = 1u << 7,
    LOC_SCHEMA = 1u << 8,
    LOC_SCALAR = 1u << 9,
    LOC_OBJECT = 1u << 10,
    LOC_FIELD_DEFINITION = 1u << 11,
    LOC_ARGUMENT_DEFINITION = 1u << 12,
    LOC_INTERFACE = 1u << 13,
    LOC_UNION = 1u << 14,
    LOC_ENUM = 1u << 15,
    LOC_ENUM_VALUE = 1u << 16,
    LOC_INPUT_OBJECT = 1u << 17,
    LOC_INPUT_FIELD_DEFINITION = 1u << 18,
    LOC_DIRECTIVE_DEFINITION = 1u << 19 /* graphql-js 16.15 lists it for @deprecated */
} schema_location;

/* "FIELD_DEFINITION" for LOC_FIELD_DEFINITION; NULL for anything but one bit. */
const char *schema_location_name(schema_location loc);
/* The bit for a location name as written in SDL; 0 when it names none. */
schema_location schema_location_from_name(const char *name);

typedef struct schema_directive {
    const char *name;
    const char *description;
    schema_field *args;
    uint32_t nargs;
    bool repeatable;
    uint32_t locations; /* schema_location bits */
    /* The locations as the definition wrote them: introspection lists them in
     * this order (graphql-js does), not in bit order. */
    const ast_name *location_names;
    bool builtin; /* skip, include, deprecated, specifiedBy, oneOf */
    src_loc loc;
} schema_directive;

typedef struct schema {
    arena *arena;
    const char *description;
    schema_type **types; /* every type, built-ins included, in definition order */
    uint32_t ntypes;
    strmap type_map; /* name -> schema_type* */
    schema_directive **directives;
    uint32_t ndirectives;
    strmap directive_map;                         /* name -> schema_directive* */
    schema_type *query, *mutation, *subscription; /* NULL when absent */
    uint32_t nfields; /* total object/interface/input fields: bound of schema_field.index */
    const ast_directive **schema_directives; /* applied to `schema` and its extensions */
    uint32_t nschema_directives;
} schema;

/* Builds a schema from one or more parsed SDL documents (executable
 * definitions in them are an error). Merges `extend` definitions, adds the
 * built-in scalars, directives and introspection types, resolves every type
 * reference, and validates the result (unknown types, duplicate definitions,
 * invalid implementations, bad root types, ...). Returns NULL when errs gained
 * any error; nothing half-built escapes. */
schema *schema_build(arena *a, const ast_document *const *docs, uint32_t ndocs, diag_list *errs);

/* Parses sdl and builds the schema from it: parse errors land in errs too. */
schema *schema_from_sdl(arena *a, const char *sdl, size_t len, diag_list *errs);

schema_type *schema_get_type(const schema *s, const char *name);
schema_directive *schema_get_directive(const schema *s, const char *name);
schema_field *schema_get_field(const schema_type *t, const char *name);
const schema_enum_value *schema_get_enum_value(const schema_type *t, const char *name);
schema_type *schema_root_type(const schema *s, ast_operation_type op);

static inline bool schema_is_composite(const schema_type *t)
{
    return t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE || t->kind == SCHEMA_UNION;
}
static inline bool schema_is_abstract(const schema_type *t)
{
    return t->kind == SCHEMA_INTERFACE || t->kind == SCHEMA_UNION;
}
static inline bool schema_is_leaf(const schema_type *t)
{
    return t->kind == SCHEMA_SCALAR || t->kind == SCHEMA_ENUM;
}
static inline bool schema_is_input(const schema_type *t)
{
    return t->kind == SCHEMA_SCALAR || t->kind == SCHEMA_ENUM || t->kind == SCHEMA_INPUT_OBJECT;
}

/* obj is one of the possible types of abstract (or obj == abstract). */
bool schema_is_possible_type(const schema_type *abstract, const schema_type *obj);
/* Two composite types share at least one possible object type. */
bool schema_types_overlap(const schema_type *a, const schema_type *b);
/* sub implements iface, directly or through another interface. */
bool schema_implements(const schema_type *sub, const schema_type *iface);
/* Type reference `sub` may be used where `super` is expected (covariance:
 * non-null to nullable, list element-wise, object to interface/union). */
bool schema_is_subtype_ref(const schema *s, const ast_type *sub, const ast_type *super);
/* Same shape and names. */
bool schema_type_ref_equal(const ast_type *a, const ast_type *b);
/* The reference as GraphQL writes it ("[Int!]!"), in arena a. */
char *schema_type_ref_text(arena *a, const ast_type *t);

#endif
