/* compose_check_int.h: what the compose_check*.c files share. They apply
 * Apollo Federation's validation rules to composition's model
 * (compose_int.h): per subgraph before merging (the rules
 * @apollo/federation-internals runs once a subgraph schema is built), and
 * over the subgraphs and the merged result after merging (the ones
 * @apollo/composition's merger runs). Each broken rule is one error with
 * Apollo's code, its message wording and the subgraph it is in. */
#ifndef FM_COMPOSE_CHECK_INT_H
#define FM_COMPOSE_CHECK_INT_H

#include "compose_int.h"
#include "sbuf.h"

/* The newest federation version (2.x) @apollo/composition 2.14 knows. */
#define CC_FED_MAX_MINOR 14

/* ---- compose_check_util.c ---- */

/* The subgraph's type a field's (or argument's) type names; NULL for the
 * built-in scalars and names the subgraph does not define. */
const ctype *cc_field_type(const csub *s, const cfield *f);
/* Object, interface and union: types with fields or members to select. */
bool cc_is_composite(const ctype *t);
/* t lists the interface named itf among the ones it implements. */
bool cc_implements(const ctype *t, const char *itf);
/* "Product.name" */
const char *cc_coord(arena *a, const ctype *t, const cfield *f);
/* The directive application written at loc in the subgraph (the model keeps
 * locations of applications, messages quote their text); NULL if none. */
const ast_directive *cc_directive_at(const csub *s, src_loc loc);
/* "@key(fields: \"id\")": the application as graphql-js prints it. */
const char *cc_directive_text(arena *a, const ast_directive *d);
/* Apollo's printHumanReadableList: `prefix "A"`, `prefixes "A" and "B"`,
 * `prefixes "A", "B" and "C"`, cut with ", ..." past 100 characters of names.
 * Each names[i] is quoted already when it should be. */
const char *cc_human_list(arena *a, const char *const *names, uint32_t n, const char *prefix,
                          const char *prefix_plural);
/* A directive argument's value; NULL when absent. */
const ast_value *cc_arg(const ast_directive *d, const char *name);
/* Apollo's suggestionList + didYouMean: " Did you mean \"A\" or \"B\"?" appended
 * to b for the options close to name (Levenshtein), nothing when none is. */
void cc_did_you_mean(arena *a, sbuf *b, const char *name, const char *const *options,
                     size_t count);

/* ---- compose_check_fieldset.c ---- */

/* Every @key, @requires and @provides FieldSet of the subgraph, with the
 * errors Apollo reports for them. False when Apollo would stop validating
 * the subgraph there (@provides on an external or a leaf field). */
bool cc_check_fieldsets(compose_ctx *c, const csub *s);

/* ---- compose_check_external.c ---- */

/* EXTERNAL_ON_INTERFACE, EXTERNAL_UNUSED. */
void cc_check_externals(compose_ctx *c, const csub *s);
/* MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL, over all subgraphs (a merge error). */
void cc_check_merged_on_external(compose_ctx *c);

/* ---- compose_check_types.c ---- */

/* INVALID_SUBGRAPH_NAME, ROOT_<KIND>_USED. */
void cc_check_names(compose_ctx *c, const csub *s);
/* INTERFACE_KEY_NOT_ON_IMPLEMENTATION, INTERFACE_OBJECT_USAGE_ERROR,
 * INVALID_SHAREABLE_USAGE. */
void cc_check_types(compose_ctx *c, const csub *s);

/* ---- compose_check_link.c ---- */

/* INVALID_LINK_IDENTIFIER, UNKNOWN_LINK_VERSION (then false: Apollo stops
 * reading the subgraph there), UNKNOWN_FEDERATION_LINK_VERSION,
 * INVALID_LINK_DIRECTIVE_USAGE. */
bool cc_check_links(compose_ctx *c, const csub *s);

/* ---- compose_check_definitions.c ---- */

/* DIRECTIVE_DEFINITION_INVALID: federation directives defined in the SDL. */
void cc_check_definitions(compose_ctx *c, const csub *s);

/* ---- compose_check_sdl.c ---- */

/* INVALID_GRAPHQL: unknown types and directives, input/output positions,
 * missing interface fields. */
void cc_check_sdl(compose_ctx *c, const csub *s);

/* ---- compose_check_context.c ---- */

/* CONTEXT_NAME_INVALID, CONTEXT_NOT_SET, NO_CONTEXT_IN_SELECTION,
 * CONTEXT_INVALID_SELECTION, CONTEXT_NO_RESOLVABLE_KEY. */
void cc_check_contexts(compose_ctx *c, const csub *s);

/* ---- compose_check_cost.c ---- */

/* COST_APPLIED_TO_INTERFACE_FIELD, LIST_SIZE_*. */
void cc_check_cost(compose_ctx *c, const csub *s);

/* ---- compose_check_auth.c ---- */

/* AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE. */
void cc_check_auth(compose_ctx *c, const csub *s);

/* ---- compose_check_upgrade.c ---- */

/* EXTENSION_WITH_NO_BASE, TYPE_WITH_ONLY_UNUSED_EXTERNAL: Federation 1
 * subgraphs, over all subgraphs, before merging. */
void cc_check_upgrade(compose_ctx *c);

/* ---- compose_check_import_names.c ---- */

/* LINK_IMPORT_NAME_MISMATCH, over all subgraphs before merging. */
void cc_check_import_names(compose_ctx *c);

/* ---- compose_check_compose_directive.c ---- */

/* DIRECTIVE_COMPOSITION_ERROR, over all subgraphs before merging. */
void cc_check_compose_directives(compose_ctx *c);

/* ---- compose_check_merged.c ---- */

/* EXTERNAL_TYPE_MISMATCH, EXTERNAL_ARGUMENT_MISSING,
 * REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH,
 * REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH, EMPTY_MERGED_INPUT_TYPE,
 * EMPTY_MERGED_ENUM_TYPE, INTERFACE_FIELD_NO_IMPLEM,
 * INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE, INTERFACE_OBJECT_USAGE_ERROR. */
void cc_check_merged_types(compose_ctx *c, const cmerged *m);

/* ---- compose_check_inaccessible.c ---- */

/* QUERY_ROOT_TYPE_INACCESSIBLE, REFERENCED_INACCESSIBLE,
 * ONLY_INACCESSIBLE_CHILDREN, IMPLEMENTED_BY_INACCESSIBLE,
 * REQUIRED_INACCESSIBLE, DEFAULT_VALUE_USES_INACCESSIBLE,
 * DISALLOWED_INACCESSIBLE. */
void cc_check_inaccessible(compose_ctx *c, const cmerged *m);

#endif
