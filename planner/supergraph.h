/* supergraph.h: a loaded federation supergraph. sg_load turns supergraph SDL
 * (Federation 2 with @link and join v0.2..v0.5, or Federation 1 with @core and
 * join v0.1) into:
 *   - the full schema, join machinery included;
 *   - the API schema that clients see (what Apollo's toAPISchema gives);
 *   - the subgraphs ("graphs") of join__Graph with their routing URLs;
 *   - ownership tables for the query planner, indexed densely by the full
 *     schema's schema_type.index and schema_field.index: which graphs define
 *     a type and with which keys, which graphs resolve a field and what it
 *     requires or provides there.
 * Everything lives in the arena given to sg_load; the result is read-only. */
#ifndef FM_SUPERGRAPH_H
#define FM_SUPERGRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "schema.h"

/* A subgraph: one value of the join__Graph enum. */
typedef struct sg_graph {
    uint32_t index;         /* dense from 0, in enum order */
    const char *enum_value; /* "ACCOUNTS" */
    const char *name;       /* "accounts", from @join__graph(name:) */
    const char *url;        /* routing URL, from @join__graph(url:) */
    src_loc loc;
} sg_graph;

/* A FieldSet argument (key, requires, provides, context selection). */
typedef struct sg_fieldset {
    const char *text;         /* as written; NULL when the argument is absent */
    ast_selection *selection; /* parsed, first selection; NULL when absent */
} sg_fieldset;

typedef struct sg_key {
    sg_fieldset fields;
    bool resolvable; /* false: the graph references the entity but cannot fetch it by key */
    bool extension;  /* the graph declared the key on a type extension */
} sg_key;

/* What one graph knows of one type. */
typedef struct sg_type_graph {
    const sg_graph *graph;
    bool interface_object; /* an interface of the supergraph that the graph sees as an object */
    bool extension;        /* every @join__type for this graph had extension: true */
    sg_key *keys;
    uint32_t nkeys;
    /* object, interface: the interfaces it implements in this graph */
    schema_type **interfaces;
    uint32_t ninterfaces;
    /* union: its members in this graph; interface: the object types the graph
     * knows to implement it (none when it is an interface object there) */
    schema_type **possible;
    uint32_t npossible;
    /* enum: the values the graph knows */
    const schema_enum_value **values;
    uint32_t nvalues;
} sg_type_graph;

typedef struct sg_type {
    const schema_type *type; /* in the full schema */
    sg_type_graph *graphs;   /* ascending graph index */
    uint32_t ngraphs;
    sg_type_graph **by_graph; /* [supergraph.ngraphs]; NULL where the graph lacks the type */
} sg_type;

/* @join__field(contextArguments:) item: an argument filled from a @context. */
typedef struct sg_context_arg {
    const char *name;      /* the argument of the field */
    const char *type_text; /* its type in the graph, as written */
    const ast_type *type;  /* parsed */
    const char *context;   /* context name, "graph__name" */
    sg_fieldset selection; /* what to select from the context type */
} sg_context_arg;

/* What one graph says about one field.
 *
 * @override: the overriding graph has override_from (the subgraph it took the
 * field from). A plain override leaves the other graph without the field, or
 * with used_overridden when it still needs it for its keys or requires (then
 * it cannot resolve it). A progressive override (override_label, e.g.
 * "percent(50)") is on both graphs: the overriding one resolves the field when
 * the label is active, the other one (override_from NULL) when it is not. */
typedef struct sg_field_graph {
    const sg_graph *graph;
    sg_fieldset requires;       /* on the parent type */
    sg_fieldset provides;       /* on the field's named type */
    const char *type_text;      /* the field's type in this graph when given by
                                   @join__field(type:); NULL otherwise */
    const ast_type *type;       /* type_text parsed */
    bool external;              /* defined but not resolvable by this graph */
    const char *override_from;  /* @override(from:) subgraph name, or NULL */
    const char *override_label; /* progressive override label, or NULL */
    bool used_overridden;       /* overridden away, kept only for keys/requires */
    sg_context_arg *context_args;
    uint32_t ncontext_args;
} sg_field_graph;

typedef struct sg_field {
    const schema_field *field; /* in the full schema */
    sg_field_graph *graphs;    /* ascending graph index */
    uint32_t ngraphs;
    sg_field_graph **by_graph; /* [supergraph.ngraphs]; NULL where absent */
} sg_field;

/* An import of a linked feature: "@inaccessible" or {name: "@x", as: "@y"}. */
typedef struct sg_import {
    const char *name; /* as in the spec, '@' first for directives */
    const char *as;   /* name in this schema (== name when not renamed) */
} sg_import;

/* A feature linked with @link(url:) or @core(feature:). */
typedef struct sg_feature {
    const char *url;      /* "https://specs.apollo.dev/join/v0.3" */
    const char *identity; /* "https://specs.apollo.dev/join" */
    const char *name;     /* "join" */
    uint32_t major, minor;
    const char *prefix;  /* namespace in this schema: as: or name */
    const char *purpose; /* "EXECUTION", "SECURITY" or NULL */
    sg_import *imports;
    uint32_t nimports;
    src_loc loc;
} sg_feature;

/* Where a @join__directive is applied. */
typedef enum sg_target_kind { SG_TARGET_SCHEMA, SG_TARGET_TYPE, SG_TARGET_FIELD } sg_target_kind;

/* @join__directive(graphs:, name:, args:), kept as data. */
typedef struct sg_join_directive {
    const char *name;        /* the subgraph directive, without '@' */
    const ast_value *args;   /* object value; NULL when absent */
    const sg_graph **graphs; /* the graphs it applies in */
    uint32_t ngraphs;
    sg_target_kind target;
    const schema_type *type;   /* SG_TARGET_TYPE, and the parent of SG_TARGET_FIELD */
    const schema_field *field; /* SG_TARGET_FIELD */
    src_loc loc;
} sg_join_directive;

typedef struct supergraph {
    arena *arena;
    schema *full; /* the whole supergraph */
    schema *api;  /* what clients see */
    sg_feature *features;
    uint32_t nfeatures;
    const sg_feature *join; /* the join spec link */
    bool fed1;              /* join v0.1: a Federation 1 supergraph */
    sg_graph *graphs;
    uint32_t ngraphs;
    sg_type *types;   /* [full->ntypes], by schema_type.index */
    sg_field *fields; /* [full->nfields], by schema_field.index */
    sg_join_directive *directives;
    uint32_t ndirectives;
    schema_field **api_to_full; /* [api->nfields], by the api field's index */
} supergraph;

/* Loads supergraph SDL. Returns NULL when errs gained any error (malformed
 * SDL, unsupported feature or version, inconsistent join data, bad FieldSet):
 * nothing half-loaded escapes. */
supergraph *sg_load(arena *a, const char *sdl, size_t len, diag_list *errs);

/* sg_load for composition's own checks on the supergraph it just printed:
 * features linked "for: SECURITY" or "for: EXECUTION" that a router would
 * refuse (it cannot honour them) are accepted, as Apollo's composition
 * accepts them (validateSatisfiability loads with supportedFeatures: null). */
supergraph *sg_load_composed(arena *a, const char *sdl, size_t len, diag_list *errs);

/* Graph by subgraph name ("accounts") or by join__Graph value ("ACCOUNTS"). */
const sg_graph *sg_graph_by_name(const supergraph *sg, const char *name);
const sg_graph *sg_graph_by_enum_value(const supergraph *sg, const char *enum_value);

/* The look-ups below take types and fields of either the full or the API
 * schema (API ones are mapped by name) and return NULL / 0 for unknown ones. */
const sg_type *sg_type_info(const supergraph *sg, const schema_type *t);
/* What graph `graph` knows of t; NULL when the graph does not define it. */
const sg_type_graph *sg_type_in_graph(const supergraph *sg, const schema_type *t, uint32_t graph);
/* t's keys in the graph (resolvable or not); *n gets their count. */
const sg_key *sg_type_keys(const supergraph *sg, const schema_type *t, uint32_t graph, uint32_t *n);
bool sg_is_interface_object(const supergraph *sg, const schema_type *t, uint32_t graph);
/* Object types of abstract type t (interface or union) that the graph knows
 * as such; *n gets their count. */
schema_type *const *sg_possible_in_graph(const supergraph *sg, const schema_type *t, uint32_t graph,
                                         uint32_t *n);

const sg_field *sg_field_graphs(const supergraph *sg, const schema_field *f);
/* What graph `graph` says of f; NULL when f is not in that graph at all. */
const sg_field_graph *sg_field_in_graph(const supergraph *sg, const schema_field *f,
                                        uint32_t graph);
/* The graph can fetch f itself: f is there, not external, and not overridden
 * away (a progressive override, with a label, leaves both graphs able). */
bool sg_field_resolvable_in(const supergraph *sg, const schema_field *f, uint32_t graph);

/* The full schema's twin of an API schema element; the element itself when
 * it is already from the full schema; NULL when unknown. */
schema_type *sg_full_type(const supergraph *sg, const schema_type *t);
schema_field *sg_full_field(const supergraph *sg, const schema_field *f);

#endif
