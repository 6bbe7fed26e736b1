/* compose_merge.h: what the merge files (compose_merge*.c) share. */
#ifndef FM_COMPOSE_MERGE_H
#define FM_COMPOSE_MERGE_H

#include "compose_int.h"

/* compose_merge_meta.c */
void cm_meta_add(compose_ctx *c, cmeta *into, const cmeta *from);
/* The description Apollo keeps among n (NULL entries = none given). */
const char *cm_merge_description(const char *const *descriptions, uint32_t n);

/* compose_merge_types.c: type references. */
/* sub can be used where super is expected, strictly (not equal), by Apollo's
 * default rules: object/interface to interface or union member, non-null to
 * nullable, and the same inside lists. */
bool cm_is_strict_subtype(const cmerged *m, const ast_type *super, const ast_type *sub);
/* Merges the types of n elements (NULL = absent): output positions take the
 * most general type, input positions the most restrictive. *differ is set
 * when they are not all the same; false when two are incompatible. */
bool cm_merge_type_refs(const cmerged *m, const ast_type *const *types, uint32_t n, bool input,
                        const ast_type **out, bool *differ);
/* Apollo's mergeDefaultValue over the subgraphs where present[i]: the common
 * default; none when only some subgraphs give one (the incompatible case,
 * two different defaults, keeps the first and is reported by the checks). */
const ast_value *cm_merge_default(compose_ctx *c, const ast_value *const *defaults,
                                  const bool *present);
/* Records how an enum is used by a merged element of type t: field `field`
 * of `parent`, or its argument `arg` (NULL for fields). */
void cm_note_enum_usage(compose_ctx *c, const ast_type *t, bool input, const char *parent,
                        const char *field, const char *arg);
/* "subgraph \"a\"", "subgraphs \"a\" and \"b\"", "subgraphs \"a\", \"b\" and \"c\"". */
const char *cm_subgraph_list(compose_ctx *c, const char *const *names, uint32_t n);

/* Reports Apollo's mismatch error: message, then each distinct value (the
 * merged one first) with the subgraphs that have it: "type \"Int\" in
 * subgraph \"a\" but type \"String\" in subgraph \"b\"". values: [nsubs],
 * NULL where the subgraph does not take part. */
void cm_report_mismatch(compose_ctx *c, const char *code, const char *message,
                        const char *const *values, const char *merged_value);

/* compose_merge_hints.c: Apollo's hints. cm_hint_presence: message, then
 * has_fmt with the subgraphs where has[i], lacks_fmt with those where lacks[i]
 * (nothing when none lacks). */
void cm_hint_presence(compose_ctx *c, const char *code, const char *message, const bool *has,
                      const bool *lacks, const char *has_fmt, const char *lacks_fmt);
void cm_hint_entity(compose_ctx *c, const cmtype *t);
/* The subgraphs where in[i] ([nsubs]), as a message list. */
const char *cm_subgraph_names_where(compose_ctx *c, const bool *in);
void cm_hint_value_type_field(compose_ctx *c, const cmtype *t, const cmfield *f);
/* what: "field" or "argument"; input: the merged type is the most restrictive. */
void cm_hint_compatible_types(compose_ctx *c, const char *what, const char *coordinate,
                              const ast_type *const *types, const ast_type *merged, bool input);

/* compose_merge_fields.c */
void cm_merge_fields(compose_ctx *c, cmtype *t);
void cm_merge_input_fields(compose_ctx *c, cmtype *t);

/* compose_merge_directives.c: composed and executable directive definitions;
 * which federation directives the subgraphs apply (cmerged.uses). */
void cm_merge_directives(compose_ctx *c);

/* compose_merge_access.c: access control propagated to interfaces, and the
 * applications of @requiresScopes and @policy on one element merged into one. */
void cm_merge_access_control(compose_ctx *c);
void cm_note_usage(compose_ctx *c);

/* compose_merge_cost.c: the applications of @cost and of @listSize on one
 * element merged into one, by Apollo's argument strategies (with its hint). */
void cm_merge_cost(compose_ctx *c);

/* compose_merge_enum.c: enum values (after every use is known) and union members. */
void cm_merge_enum(compose_ctx *c, cmtype *t);
void cm_merge_union(compose_ctx *c, cmtype *t);

#endif
