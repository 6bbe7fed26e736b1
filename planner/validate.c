/* validate.c: runs every validation rule group over a document (see
 * validate_rules.h for which rule lives where). */
#include "validate.h"

#include "validate_rules.h"

bool validate_document(const schema *s, const ast_document *doc, diag_list *errs)
{
    size_t before = errs->count;
    validate_structure_rules(s, doc, errs);
    validate_value_rules(s, doc, errs);
    validate_overlap_rules(s, doc, errs);
    return errs->count == before;
}
