/* diag.c: error lists (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

#define DIAG_DEFAULT_LIMIT 100

void diag_init(diag_list *d, arena *a)
{
    d->arena = a;
    d->first = d->last = NULL;
    d->count = 0;
    d->limit = 0;
}

diag *diag_add(diag_list *d, src_loc loc, const char *fmt, ...)
{
    size_t limit = d->limit ? d->limit : DIAG_DEFAULT_LIMIT;
    if (d->count >= limit) {
        d->count++;
        return NULL;
    }
    /* messages may be long (nested field conflicts run to a thousand
     * characters): measure, then format into the arena */
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t size = n > 0 ? (size_t)n + 1 : 1;
    char *message = arena_alloc(d->arena, size);
    message[0] = '\0';
    vsnprintf(message, size, fmt, again);
    va_end(again);
    diag *e = ARENA_NEW(d->arena, diag);
    e->message = message;
    if (loc.line) e->locs[e->nlocs++] = loc;
    if (d->last)
        d->last->next = e;
    else
        d->first = e;
    d->last = e;
    d->count++;
    return e;
}

void diag_loc(diag *e, src_loc loc)
{
    if (e && loc.line && e->nlocs < DIAG_MAX_LOCS) e->locs[e->nlocs++] = loc;
}

void diag_source(diag *e, const char *source)
{
    if (e) e->source = source;
}

bool diag_full(const diag_list *d)
{
    return d->count >= (d->limit ? d->limit : DIAG_DEFAULT_LIMIT);
}
