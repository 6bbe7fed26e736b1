/* suggest.c: ranked name suggestions (see suggest.h). */
#include "suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define SUGGEST_MAX_SHOWN 5

/* Distance between two lower-cased strings, or -1 when above threshold.
 * rows is scratch space of 3 * (strlen(b) + 1) ints. */
static int suggest_distance_lower(const char *a, size_t alen, const char *b, size_t blen,
                                  int threshold, int *rows)
{
    if (alen < blen) {
        const char *t = a;
        a = b;
        b = t;
        size_t tl = alen;
        alen = blen;
        blen = tl;
    }
    if ((int)(alen - blen) > threshold) return -1;
    int *row[3] = {rows, rows + blen + 1, rows + 2 * (blen + 1)};
    for (size_t j = 0; j <= blen; j++)
        row[0][j] = (int)j;
    for (size_t i = 1; i <= alen; i++) {
        int *up = row[(i - 1) % 3], *cur = row[i % 3];
        int smallest = cur[0] = (int)i;
        for (size_t j = 1; j <= blen; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int cell = up[j] + 1;
            if (cur[j - 1] + 1 < cell) cell = cur[j - 1] + 1;
            if (up[j - 1] + cost < cell) cell = up[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                int swap = row[(i - 2) % 3][j - 2] + 1;
                if (swap < cell) cell = swap;
            }
            if (cell < smallest) smallest = cell;
            cur[j] = cell;
        }
        if (smallest > threshold) return -1;
    }
    int d = row[alen % 3][blen];
    return d <= threshold ? d : -1;
}

static char *suggest_lower(arena *a, const char *s)
{
    char *l = arena_strdup(a, s);
    for (char *p = l; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return l;
}

int suggest_natural_compare(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            unsigned long long na = 0, nb = 0;
            do
                na = na * 10 + (unsigned)(*a++ - '0');
            while (isdigit((unsigned char)*a) && na > 0);
            do
                nb = nb * 10 + (unsigned)(*b++ - '0');
            while (isdigit((unsigned char)*b) && nb > 0);
            if (na != nb) return na < nb ? -1 : 1;
        } else {
            if (*a != *b) return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
            a++, b++;
        }
    }
    return (int)strlen(a) - (int)strlen(b);
}

typedef struct suggest_item {
    const char *name;
    int distance;
} suggest_item;

static int suggest_item_compare(const void *pa, const void *pb)
{
    const suggest_item *a = pa, *b = pb;
    if (a->distance != b->distance) return a->distance - b->distance;
    return suggest_natural_compare(a->name, b->name);
}

/* Distance of one option from the input; -1 when too far. */
static int suggest_measure(arena *a, const char *input, const char *input_lower, const char *option,
                           int threshold, int *rows)
{
    if (strcmp(input, option) == 0) return 0;
    const char *option_lower = suggest_lower(a, option);
    if (strcmp(input_lower, option_lower) == 0) return 1;
    return suggest_distance_lower(option_lower, strlen(option_lower), input_lower,
                                  strlen(input_lower), threshold, rows);
}

uint32_t suggest_list(arena *a, const char *input, const char *const *options, uint32_t noptions,
                      const char ***out)
{
    size_t inlen = strlen(input);
    int threshold = (int)(inlen * 4 / 10) + 1;
    const char *input_lower = suggest_lower(a, input);
    suggest_item *items = ARENA_ARRAY(a, suggest_item, noptions ? noptions : 1);
    uint32_t n = 0;
    int *rows = ARENA_ARRAY(a, int, 3 * (inlen + 1)); /* the shorter string is <= inlen */
    for (uint32_t i = 0; i < noptions; i++) {
        int d = suggest_measure(a, input, input_lower, options[i], threshold, rows);
        if (d < 0) continue;
        items[n++] = (suggest_item){options[i], d};
    }
    qsort(items, n, sizeof *items, suggest_item_compare);
    const char **names = ARENA_ARRAY(a, const char *, n ? n : 1);
    for (uint32_t i = 0; i < n; i++)
        names[i] = items[i].name;
    *out = names;
    return n;
}

void suggest_did_you_mean(sbuf *b, const char *what, const char *const *names, uint32_t n)
{
    if (n == 0) return;
    sbuf_puts(b, " Did you mean ");
    if (what) sbuf_printf(b, "%s ", what);
    uint32_t shown = n < SUGGEST_MAX_SHOWN ? n : SUGGEST_MAX_SHOWN;
    for (uint32_t i = 0; i < shown; i++) {
        if (i > 0) sbuf_puts(b, shown == 2 ? " or " : i == shown - 1 ? ", or " : ", ");
        sbuf_printf(b, "\"%s\"", names[i]);
    }
    sbuf_putc(b, '?');
}
