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
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    diag *e = ARENA_NEW(d->arena, diag);
    e->message = arena_strdup(d->arena, tmp);
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
