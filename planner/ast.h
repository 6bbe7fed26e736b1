/* ast.h: the GraphQL syntax tree, for executable documents and type-system
 * documents alike. Every node lives in the arena of the parse that made it;
 * names and strings are NUL-terminated arena copies (string values already
 * unescaped, block strings already dedented). Sibling nodes form singly
 * linked lists through `next`, in source order. */
#ifndef FM_AST_H
#define FM_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

typedef enum ast_value_kind {
    AST_VALUE_VARIABLE, /* str = variable name without '$' */
    AST_VALUE_INT,      /* str = literal text */
    AST_VALUE_FLOAT,    /* str = literal text */
    AST_VALUE_STRING,   /* str = the unescaped value, len = its byte length */
    AST_VALUE_BOOLEAN,  /* boolean */
    AST_VALUE_NULL,
    AST_VALUE_ENUM, /* str = the name */
    AST_VALUE_LIST, /* items */
    AST_VALUE_OBJECT /* fields */
} ast_value_kind;

typedef struct ast_value ast_value;
typedef struct ast_object_field ast_object_field;

struct ast_value {
    ast_value_kind kind;
    src_loc loc;
    const char *str;
    uint32_t len;  /* byte length of str (strings may hold \u0000) */
    bool boolean;
    bool block;    /* string written as a """block string""" */
    ast_value *items;          /* AST_VALUE_LIST */
    ast_object_field *fields;  /* AST_VALUE_OBJECT */
    ast_value *next;           /* next item of the enclosing list */
};

struct ast_object_field {
    const char *name;
    src_loc loc;
    ast_value *value;
    ast_object_field *next;
};

typedef enum ast_type_kind { AST_TYPE_NAMED, AST_TYPE_LIST, AST_TYPE_NON_NULL } ast_type_kind;

/* A type reference: [Int!]! is NON_NULL(LIST(NON_NULL(NAMED Int))). */
typedef struct ast_type {
    ast_type_kind kind;
    src_loc loc;
    const char *name;     /* AST_TYPE_NAMED */
    struct ast_type *of;  /* AST_TYPE_LIST, AST_TYPE_NON_NULL */
} ast_type;

typedef struct ast_argument {
    const char *name;
    src_loc loc;
    ast_value *value;
    struct ast_argument *next;
} ast_argument;

typedef struct ast_directive {
    const char *name; /* without '@' */
    src_loc loc;
    ast_argument *arguments;
    struct ast_directive *next;
} ast_directive;

typedef enum ast_selection_kind {
    AST_SEL_FIELD,
    AST_SEL_FRAGMENT_SPREAD,
    AST_SEL_INLINE_FRAGMENT
} ast_selection_kind;

typedef struct ast_selection ast_selection;

struct ast_selection {
    ast_selection_kind kind;
    src_loc loc;
    const char *alias;          /* field: NULL when not aliased */
    const char *name;           /* field name, or the spread fragment's name */
    const char *type_condition; /* inline fragment: NULL when absent */
    ast_argument *arguments;    /* field */
    ast_directive *directives;
    ast_selection *selection_set; /* first child; NULL = no selection set */
    ast_selection *next;
    /* Where the parts validation errors point at begin (graphql-js reports
     * the name, type condition or selection set node, not the whole
     * selection); {0,0} when the part is absent. */
    src_loc name_loc;           /* field name (after any alias), spread fragment name */
    src_loc type_condition_loc; /* inline fragment */
    src_loc selection_set_loc;  /* its '{' */
};

/* The name a field's result is stored under. */
static inline const char *ast_response_key(const ast_selection *s)
{
    return s->alias ? s->alias : s->name;
}

typedef enum ast_operation_type {
    AST_OP_QUERY,
    AST_OP_MUTATION,
    AST_OP_SUBSCRIPTION
} ast_operation_type;

typedef struct ast_variable_def {
    const char *name; /* without '$' */
    src_loc loc;
    ast_type *type;
    ast_value *default_value; /* NULL when absent */
    ast_directive *directives;
    struct ast_variable_def *next;
    const char *description; /* NULL when absent (graphql-js 16.11+ accepts one) */
} ast_variable_def;

/* A field definition, an argument definition, or an input field definition. */
typedef struct ast_field_def {
    const char *description; /* NULL when absent */
    const char *name;
    src_loc loc;
    struct ast_field_def *arguments; /* field definitions only */
    ast_type *type;
    ast_value *default_value; /* arguments and input fields only */
    ast_directive *directives;
    struct ast_field_def *next;
} ast_field_def;

typedef struct ast_enum_value_def {
    const char *description;
    const char *name;
    src_loc loc;
    ast_directive *directives;
    struct ast_enum_value_def *next;
} ast_enum_value_def;

/* A name in a list: implemented interfaces, union members, directive locations. */
typedef struct ast_name {
    const char *name;
    src_loc loc;
    struct ast_name *next;
} ast_name;

typedef struct ast_root_op {
    ast_operation_type operation;
    const char *type_name;
    src_loc loc;
    struct ast_root_op *next;
    src_loc type_loc; /* where type_name begins, for errors that point at it */
} ast_root_op;

typedef enum ast_def_kind {
    AST_DEF_OPERATION,
    AST_DEF_FRAGMENT,
    AST_DEF_SCHEMA,
    AST_DEF_SCALAR,
    AST_DEF_OBJECT,
    AST_DEF_INTERFACE,
    AST_DEF_UNION,
    AST_DEF_ENUM,
    AST_DEF_INPUT_OBJECT,
    AST_DEF_DIRECTIVE
} ast_def_kind;

typedef struct ast_definition {
    ast_def_kind kind;
    src_loc loc;
    bool extension;          /* `extend type ...`, `extend schema ...` */
    const char *description; /* type-system definitions; NULL when absent */
    const char *name;        /* NULL for anonymous operations and for schema */

    /* AST_DEF_OPERATION */
    ast_operation_type operation;
    bool shorthand; /* `{ ... }` without the `query` keyword */
    ast_variable_def *variables;

    /* AST_DEF_FRAGMENT */
    const char *type_condition;

    /* operations, fragments and every type-system definition */
    ast_directive *directives;
    /* operations and fragments */
    ast_selection *selection_set;

    /* AST_DEF_SCHEMA */
    ast_root_op *root_operations;
    /* AST_DEF_OBJECT, AST_DEF_INTERFACE */
    ast_name *interfaces;
    /* AST_DEF_OBJECT, AST_DEF_INTERFACE, AST_DEF_INPUT_OBJECT (input fields) */
    ast_field_def *fields;
    /* AST_DEF_UNION */
    ast_name *members;
    /* AST_DEF_ENUM */
    ast_enum_value_def *values;
    /* AST_DEF_DIRECTIVE */
    ast_field_def *arguments;
    bool repeatable;
    ast_name *locations; /* QUERY, FIELD, OBJECT, ... as written */

    struct ast_definition *next;
    /* Where the name and the fragment type condition begin ({0,0} when absent),
     * for errors that point at them. */
    src_loc name_loc;
    src_loc type_condition_loc;
} ast_definition;

typedef struct ast_document {
    ast_definition *definitions;
    uint32_t ndefinitions;
} ast_document;

/* The directive locations the specification defines, in the order of the
 * schema_location bits (schema.h): the parser accepts these names only. */
#define AST_NDIRECTIVE_LOCATIONS 19
extern const char *const ast_directive_locations[AST_NDIRECTIVE_LOCATIONS];

/* Convenience look-ups over a parsed document. */
const ast_definition *ast_find_fragment(const ast_document *doc, const char *name);
/* The operation to run: by name, or the only one when name is NULL.
 * NULL when there is no such operation or the choice is ambiguous. */
const ast_definition *ast_find_operation(const ast_document *doc, const char *name);
const ast_argument *ast_find_argument(const ast_argument *args, const char *name);
const ast_directive *ast_find_directive(const ast_directive *dirs, const char *name);
/* The innermost named type of a type reference. */
const char *ast_type_name(const ast_type *t);

#endif
