/* validate_directives.c: KnownDirectives (unknown names, directives used
 * where their definition does not allow) and UniqueDirectivesPerLocation
 * (a non-repeatable directive applied twice at one place). */
#include "validate_values.h"

static const char *vdir_location_name(schema_location location)
{
    switch (location) {
    case LOC_QUERY:
        return "QUERY";
    case LOC_MUTATION:
        return "MUTATION";
    case LOC_SUBSCRIPTION:
        return "SUBSCRIPTION";
    case LOC_FIELD:
        return "FIELD";
    case LOC_FRAGMENT_DEFINITION:
        return "FRAGMENT_DEFINITION";
    case LOC_FRAGMENT_SPREAD:
        return "FRAGMENT_SPREAD";
    case LOC_INLINE_FRAGMENT:
        return "INLINE_FRAGMENT";
    case LOC_VARIABLE_DEFINITION:
        return "VARIABLE_DEFINITION";
    default:
        return "UNKNOWN";
    }
}

void vdir_check_unique(vval_ctx *c, const ast_directive *dirs)
{
    strmap seen; /* name -> first use */
    strmap_init(&seen, c->scratch, 4);
    for (const ast_directive *d = dirs; d; d = d->next) {
        const schema_directive *def = schema_get_directive(c->s, d->name);
        if (!def || def->repeatable) continue;
        const ast_directive *first = strmap_get(&seen, d->name);
        if (!first) {
            strmap_put(&seen, d->name, (void *)d);
            continue;
        }
        diag *e =
            diag_add(c->errs, first->loc,
                     "The directive \"@%s\" can only be used once at this location.", d->name);
        diag_loc(e, d->loc);
    }
}

void vdir_check_known(vval_ctx *c, const ast_directive *d, schema_location location)
{
    const schema_directive *def = schema_get_directive(c->s, d->name);
    if (!def)
        diag_add(c->errs, d->loc, "Unknown directive \"@%s\".", d->name);
    else if (!(def->locations & location))
        diag_add(c->errs, d->loc, "Directive \"@%s\" may not be used on %s.", d->name,
                 vdir_location_name(location));
}
