/* validate_hints.c: the " Did you mean ...?" endings of structure validation
 * messages, as arena strings ready for diag_add's "%s". */
#include "validate_structure.h"

#include "suggest.h"

const char *vstruct_hint_names(vstruct *vs, const char *what, const char *const *names, uint32_t n)
{
    if (n == 0) return "";
    sbuf b;
    sbuf_init(&b);
    suggest_did_you_mean(&b, what, names, n);
    const char *text = arena_strndup(vs->arena, b.data, b.len);
    sbuf_free(&b);
    return text;
}

const char *vstruct_hint(vstruct *vs, const char *input, const char *const *options, uint32_t n)
{
    const char **close;
    uint32_t nclose = suggest_list(vs->arena, input, options, n, &close);
    return vstruct_hint_names(vs, NULL, close, nclose);
}
