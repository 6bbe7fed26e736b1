/* compose_print_order.c: the order Apollo prints definitions in, which is
 * JavaScript's localeCompare: ICU's root collation. On GraphQL names
 * ([_A-Za-z0-9]) that is: underscore before digits before letters, letters
 * compared without case first; then, at the first letter that differs only in
 * case, lowercase first. */
#include <ctype.h>

#include "compose_print.h"

static int primary_weight(unsigned char ch)
{
    if (ch == '_') return 1;
    if (isdigit(ch)) return 10 + (ch - '0');
    if (isalpha(ch)) return 100 + tolower(ch);
    return 300 + ch;
}

int cp_locale_compare(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    size_t i = 0;
    for (; p[i] && q[i]; i++) {
        int d = primary_weight(p[i]) - primary_weight(q[i]);
        if (d) return d;
    }
    if (p[i] || q[i]) return p[i] ? 1 : -1;
    for (i = 0; p[i]; i++)
        if (p[i] != q[i]) return islower(p[i]) ? -1 : 1;
    return 0;
}
