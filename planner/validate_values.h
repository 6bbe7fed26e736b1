/* validate_values.h: what the value, variable and directive rule files share
 * (private to them; validate_rules.h is the public face). One walk over each
 * definition (validate_scan.h) feeds all of them, so their errors come out
 * in document order as graphql-js's parallel visitors produce them. */
#ifndef FM_VALIDATE_VALUES_H
#define FM_VALIDATE_VALUES_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "schema.h"
#include "strmap.h"
#include "validate_scan.h"

typedef struct vvar_list vvar_list;

typedef struct vval_ctx {
    const schema *s;
    diag_list *errs;
    arena *scratch;        /* freed when validate_value_rules returns */
    vscan scan;            /* the walk every rule listens to */
    vscan usage_scan;      /* walks a fragment for its variables before its turn comes */
    strmap fragments;      /* name -> const ast_definition* (the last of that name) */
    strmap usages;         /* fragment name -> vvar_list, once walked */
    vvar_list *collecting; /* usages of the definition being walked */
} vval_ctx;

/* validate_values.c: ValuesOfCorrectType and UniqueInputFieldNames for one
 * argument value or variable default value. */
void vval_check_value(vval_ctx *c, const ast_value *v, const vscan_position *pos);
/* The input object carries @oneOf. */
bool vval_is_one_of(const schema_type *t);
/* Adds an error whose message is built in an sbuf (may be long). */
diag *vval_error(vval_ctx *c, src_loc loc, const char *message);

/* validate_directives.c: UniqueDirectivesPerLocation over the directives of
 * one place, when it is entered; KnownDirectives for one directive. */
void vdir_check_unique(vval_ctx *c, const ast_directive *dirs);
void vdir_check_known(vval_ctx *c, const ast_directive *d, schema_location location);

/* validate_variables.c: UniqueVariableNames when an operation is entered,
 * VariablesAreInputTypes per variable definition, and NoUndefinedVariables,
 * NoUnusedVariables and VariablesInAllowedPosition when an operation is
 * left. The usages of each definition are collected during the walk. */
void vvar_enter_definition(vval_ctx *c, const ast_definition *def);
void vvar_collect(vval_ctx *c, const ast_value *v, const vscan_position *pos);
void vvar_check_definition(vval_ctx *c, const ast_variable_def *def);
void vvar_leave_definition(vval_ctx *c, const ast_definition *def);

#endif
