/* compose_print.h: what the supergraph printer's files share. */
#ifndef FM_COMPOSE_PRINT_H
#define FM_COMPOSE_PRINT_H

#include "compose_int.h"
#include "sbuf.h"

/* One printed top-level definition, sorted by name among its kind. */
typedef struct cp_definition {
    const char *name;
    bool directive; /* a directive definition (printed before the types) */
    const char *text;
} cp_definition;

/* The most spec definitions cp_spec_definitions gives. */
#define CP_MAX_SPEC_DEFINITIONS 24

/* compose_print_spec.c: the schema's @link lines, and the definitions of the
 * linked specs; returns how many it wrote into out. */
void cp_spec_links(sbuf *out, const cmerged *m);
uint32_t cp_spec_definitions(const cmerged *m, cp_definition *out);

/* compose_print_order.c: JavaScript's String.prototype.localeCompare on
 * GraphQL names (ICU root collation), the order Apollo prints in. */
int cp_locale_compare(const char *a, const char *b);

/* compose_print_types.c: one merged type as Apollo prints it, and a kept
 * directive definition. */
const char *cp_print_type(compose_ctx *c, const cmtype *t);
const char *cp_print_directive(compose_ctx *c, const cmdirective *d);
/* Apollo's description printing: a block string, indented. */
void cp_description(sbuf *out, const char *description, const char *indent, bool first_in_block);

#endif
