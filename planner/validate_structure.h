/* validate_structure.h: what the files of validate_structure_rules() share
 * (prefix vstruct_): one context per validated document, and the checks each
 * file contributes. validate_operations.c drives them: document-level rules
 * first, then one vwalk per definition whose visitor calls the per-selection
 * checks, then the fragment-graph rules. Internal to validation. */
#ifndef FM_VALIDATE_STRUCTURE_H
#define FM_VALIDATE_STRUCTURE_H

#include "ast.h"
#include "diag.h"
#include "schema.h"
#include "strmap.h"
#include "validate_walk.h"

typedef struct vstruct {
    const schema *schema;
    const ast_document *doc;
    diag_list *errs;
    arena *arena;          /* errs->arena: scratch memory of the validation */
    strmap fragments;      /* fragment name -> vstruct_fragment (validate_fragments.c) */
    strmap doc_types;      /* names of the types the document itself defines */
    strmap doc_directives; /* directives it defines -> their arguments (validate_arguments.c) */
    /* validate_introspection.c: per fragment, the entry depths known to pass
     * and to fail; the depth of the field last reported (0: none) */
    strmap introspection_checked, introspection_exceeded;
    unsigned introspection_reported_depth;
    vwalk walk;
} vstruct;

/* validate_fields.c: fields on correct type, leaf field selections. */
void vstruct_check_field(vstruct *vs, const vwalk_at *at);

/* validate_arguments.c: known, unique and required arguments of a field
 * selection and of the directives applied anywhere in the document. */
void vstruct_index_directives(vstruct *vs);
void vstruct_check_field_arguments(vstruct *vs, const vwalk_at *at);
void vstruct_check_directives(vstruct *vs, const ast_directive *dirs);
/* The directives applied inside a type-system definition. */
void vstruct_check_sdl_directives(vstruct *vs, const ast_definition *d);

/* validate_fragments.c: fragment definitions and spreads. */
void vstruct_index_fragments(vstruct *vs); /* also: unique fragment names */
/* The fragment a spread of `name` means (the last definition of that name,
 * as graphql-js picks it); NULL when there is none. */
const ast_definition *vstruct_fragment_def(const vstruct *vs, const char *name);
void vstruct_check_fragment_definition(vstruct *vs, const ast_definition *def);
void vstruct_check_fragment_selection(vstruct *vs, const vwalk_at *at);
void vstruct_check_fragment_graph(vstruct *vs); /* unused fragments, cycles */

/* validate_types.c: known type names. */
void vstruct_index_types(vstruct *vs);
/* Reports "Unknown type" at loc unless the schema (or the document) defines
 * the type; returns the schema's type, or NULL. */
schema_type *vstruct_known_type(vstruct *vs, const char *name, src_loc loc);
/* The type references inside a type-system definition. */
void vstruct_check_sdl_types(vstruct *vs, const ast_definition *d);

/* validate_hints.c: " Did you mean ...?" for a message, or "". */
/* Names the hint as given (at most five shown); `what` goes after "mean". */
const char *vstruct_hint_names(vstruct *vs, const char *what, const char *const *names, uint32_t n);
/* The options close to a misspelt input, best first. */
const char *vstruct_hint(vstruct *vs, const char *input, const char *const *options, uint32_t n);

/* validate_introspection.c: maximum introspection depth; sees every
 * selection, in walk order. */
void vstruct_check_introspection_depth(vstruct *vs, const vwalk_at *at);

/* validate_subscriptions.c: single root field for subscriptions. */
void vstruct_check_subscription(vstruct *vs, const ast_definition *op);

#endif
