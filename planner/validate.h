/* validate.h: operation validation against a schema: every rule of the
 * Validation section of the GraphQL specification (October 2021), with
 * messages worded as graphql-js words them. */
#ifndef FM_VALIDATE_H
#define FM_VALIDATE_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "schema.h"

/* Checks an executable document. Errors are appended to errs (in its
 * arena); returns true when the document is valid. */
bool validate_document(const schema *s, const ast_document *doc, diag_list *errs);

#endif
