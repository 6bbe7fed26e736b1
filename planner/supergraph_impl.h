/* supergraph_impl.h: what the supergraph_*.c files share while loading one
 * supergraph. Not part of the public API (supergraph.h is). */
#ifndef FM_SUPERGRAPH_IMPL_H
#define FM_SUPERGRAPH_IMPL_H

#include "parser.h"
#include "supergraph.h"

/* Names, in this schema, of the spec elements the loader reads. A feature
 * linked with `as:` or `import:` renames them. */
typedef struct sg_names {
    const char *graph_enum; /* join__Graph */
    const char *join_graph; /* @join__graph */
    const char *join_type;  /* @join__type */
    const char *join_field; /* @join__field */
    const char *join_owner; /* @join__owner (join v0.1) */
    const char *join_implements;
    const char *join_union_member;
    const char *join_enum_value;
    const char *join_directive;
    const char *inaccessible; /* NULL when the inaccessible spec is not linked */
} sg_names;

typedef struct sg_loader {
    arena *arena;
    diag_list *errs;
    size_t errors_before; /* errs->count when loading started */
    supergraph *sg;
    const ast_document *doc;
    sg_names names;
    bool any_feature; /* no refusal of features a router cannot honour (sg_load_composed) */
} sg_loader;

/* An error with an Apollo-style code (may be NULL). */
void sg_error(sg_loader *ld, src_loc loc, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bool sg_failed(const sg_loader *ld);

/* Directive argument value, NULL when absent. */
const ast_value *sg_arg(const ast_directive *d, const char *name);

/* supergraph_link.c: reads @link / @core, checks support, fills
 * sg->features, sg->join, sg->fed1 and ld->names. */
bool sg_link_resolve(sg_loader *ld);
/* The element (a directive when `directive`) belongs to a linked feature:
 * prefixed by its namespace, its root directive, or one of its imports. */
bool sg_link_owns(const supergraph *sg, const char *name, bool directive);

/* supergraph_fieldset.c: parses a FieldSet, with or without its outer
 * braces; NULL with *err filled on a syntax error. */
ast_selection *sg_fieldset_parse(arena *a, const char *text, parse_error *err);
/* Parses a FieldSet and checks it selects existing
 * fields of `parent`. `what` names the application in error messages. */
bool sg_fieldset_load(sg_loader *ld, const char *text, const schema_type *parent, src_loc loc,
                      const char *what, sg_fieldset *out);
/* Calls fn for every field selected by a valid FieldSet, with its parent
 * type (inline fragments followed). */
typedef void (*sg_fieldset_fn)(void *ctx, schema_type *parent, schema_field *field);
void sg_fieldset_walk(const schema *s, schema_type *parent, const ast_selection *sel,
                      sg_fieldset_fn fn, void *ctx);

/* supergraph_join.c: graphs, and the type and field ownership tables. */
bool sg_join_load(sg_loader *ld);

/* Entry for graph g in a type's or field's by_graph table, made when absent. */
sg_type_graph *sg_type_graph_add(sg_loader *ld, sg_type *st, const sg_graph *g);
sg_field_graph *sg_field_graph_add(sg_loader *ld, sg_field *sf, const sg_graph *g);

/* supergraph_fed1.c: Federation 1 (join v0.1) rules. Value types, which
 * have no @join__type, go to the graphs that reach them (after the types
 * with @join__type are loaded); fields used by keys, requires and provides
 * are added where the subgraphs did not declare them (after the fields and
 * the implementations). */
void sg_fed1_place_value_types(sg_loader *ld);
void sg_fed1_add_used_fields(sg_loader *ld);

/* supergraph_api.c: the API schema and the api-to-full field map. */
bool sg_api_build(sg_loader *ld);

#endif
