/* model.h: one subgraph as the executor sees it: its object types and their
 * fields, read from the subgraph's SDL file, plus what federation adds to
 * every subgraph (Query._entities, Query._service, _Service, the _Entity
 * union of the @key types), with a C resolver bound to every field. Built at
 * start-up, read-only afterwards. */
#ifndef BENCH_MODEL_H
#define BENCH_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "data.h"
#include "json.h"

typedef struct bmodel bmodel;
typedef struct bmodel_type bmodel_type;
typedef struct bexec_ctx bexec_ctx;

/* A runtime object: its type and what its fields are computed from. */
typedef struct bobj {
    const bmodel_type *type; /* NULL: the object is null */
    const void *row;         /* the data.h row behind it, when there is one */
    const json_value *rep;   /* the entity representation it was loaded from */
    const json_value *key;   /* its key (id/upc) when the row does not carry it */
    const char *error;       /* list items: loading it failed with this message */
} bobj;

typedef enum bval_kind {
    BVAL_NULL,
    BVAL_TEXT,   /* text: a scalar already rendered as JSON */
    BVAL_JSON,   /* json: an input value, serialised as the field's scalar type */
    BVAL_OBJECT, /* obj */
    BVAL_LIST,   /* items[0..count); an item whose type is NULL is null */
    BVAL_ERROR   /* error: the resolver failed with this message */
} bval_kind;

/* What a resolver returns. */
typedef struct bval {
    bval_kind kind;
    bdata_text text;
    const json_value *json;
    bobj obj;
    const bobj *items;
    uint32_t count;
    const char *error;
} bval;

typedef bval (*bres_field_fn)(bexec_ctx *cx, const bobj *self, const ast_selection *field);
/* Loads an entity from its representation; an object with a NULL type when
 * there is no such entity. */
typedef bobj (*bres_reference_fn)(const bmodel *m, const bmodel_type *type, const json_value *rep);

/* One row of a subgraph's resolver table: a field resolver (field set), or the
 * entity's reference resolver (field NULL). */
typedef struct bres_binding {
    const char *type;
    const char *field;
    bres_field_fn resolve;
    bres_reference_fn resolve_reference;
} bres_binding;

typedef struct bmodel_field {
    const char *name;
    const ast_type *type;         /* as declared, e.g. [_Entity]! */
    const bmodel_type *composite; /* the named object or union type; NULL for a scalar */
    const char *named;            /* the innermost type name, e.g. "_Entity", "Int" */
    const ast_field_def *args;    /* argument definitions (their defaults) */
    bres_field_fn resolve;
} bmodel_field;

struct bmodel_type {
    const char *name;
    bool is_union;
    bmodel_field *fields; /* object types */
    uint32_t nfields;
    const bmodel_type **members; /* unions */
    uint32_t nmembers;
    bres_reference_fn resolve_reference; /* entity types (with @key) */
};

struct bmodel {
    const char *name; /* "accounts", ... */
    const bdata *data;
    bmodel_type **types;
    uint32_t ntypes;
    const bmodel_type *query;
    bdata_text sdl; /* the SDL file as a JSON string: _service.sdl */
    /* --live-sdl: _service.sdl re-reads this file on each request, so a test
     * or a demo can change a subgraph's schema while it runs; NULL = fixed */
    const char *sdl_path;
};

/* Builds the model of subgraph `name` from its SDL text and resolver table
 * (ended by a row with a NULL type). Every SDL field must have a resolver and
 * every resolver a field. On failure returns NULL with a reason in why. */
bmodel *bmodel_build(arena *a, const char *name, const char *sdl, size_t sdl_len,
                     const bres_binding *bindings, const bdata *data, char *why, size_t why_len);

const bmodel_type *bmodel_type_named(const bmodel *m, const char *name);
const bmodel_field *bmodel_field_named(const bmodel_type *t, const char *name);
/* The type condition `cond` holds for object type `obj`. */
bool bmodel_condition_holds(const bmodel_type *cond, const bmodel_type *obj);

#endif
