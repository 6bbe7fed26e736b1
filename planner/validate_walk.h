/* validate_walk.h: walks the selections of one operation or fragment
 * definition while tracking what each selection means in the schema: the
 * type it is made on and, for a field, the field definition. This is the
 * type information every validation rule (and the planner) needs, computed
 * once per walk the way the GraphQL spec (and graphql-js's TypeInfo) defines
 * it. Fragment spreads are reported, never followed: each fragment
 * definition is walked on its own, so cycles cannot make a walk unbounded. */
#ifndef FM_VALIDATE_WALK_H
#define FM_VALIDATE_WALK_H

#include <stdbool.h>

#include "ast.h"
#include "schema.h"

/* Selection sets nested deeper than this are not descended into (the parser
 * already refuses deeper documents at its default limit); vwalk.too_deep
 * tells when it happened. */
#define VWALK_MAX_DEPTH 1024

/* What the walker knows at one selection. */
typedef struct vwalk_at {
    const ast_selection *sel;
    /* The composite type whose selection set holds sel; NULL when unknown
     * (unknown field or type above, or a leaf type with a selection set). */
    schema_type *parent;
    /* AST_SEL_FIELD: its definition, NULL when parent has no such field. */
    const schema_field *field;
    /* The output type sel's own selection set is made on: a field's named
     * type, an inline fragment's type condition (or the enclosing type when
     * it has none); NULL when unknown or not an output type, and for spreads. */
    schema_type *type;
    unsigned depth; /* 1 for the selections of the definition itself */
} vwalk_at;

/* Called for every selection, before its children. */
typedef void (*vwalk_fn)(void *user, const vwalk_at *at);

/* The introspection fields every schema answers without declaring them. */
typedef struct vwalk_meta {
    schema_field typename_field; /* __typename: String!, on every composite type */
    schema_field schema_field;   /* __schema: __Schema!, on the query root */
    schema_field type_field;     /* __type(name: String!): __Type, on the query root */
    schema_field type_name_arg;
} vwalk_meta;

typedef struct vwalk {
    const schema *schema;
    vwalk_meta meta;
    vwalk_fn visit;
    void *user;
    bool too_deep; /* some selection set was past VWALK_MAX_DEPTH */
} vwalk;

/* Prepares a walker over schema s calling visit(user, ...) per selection. */
void vwalk_init(vwalk *w, const schema *s, vwalk_fn visit, void *user);

/* Walks an operation (on its root type) or a fragment definition (on its
 * type condition). */
void vwalk_definition(vwalk *w, const ast_definition *def);

/* The type a definition's top-level selections are made on: the root type
 * of an operation, the type condition of a fragment; NULL when the schema
 * has no such type or it is not an output type. */
schema_type *vwalk_definition_type(const vwalk *w, const ast_definition *def);

/* Field `name` of composite type parent, the introspection fields included;
 * NULL when there is none. */
const schema_field *vwalk_field_def(const vwalk *w, const schema_type *parent, const char *name);

#endif
