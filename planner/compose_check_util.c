/* compose_check_util.c: small helpers the compose_check*.c files share:
 * type look-ups over one subgraph, and the text forms Apollo's messages
 * quote (coordinates, directive applications, lists of names, suggestions
 * of a name that may be misspelt). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compose_check_int.h"
#include "printer.h"

const ctype *cc_field_type(const csub *s, const cfield *f)
{
    return f->type ? csub_type(s, ast_type_name(f->type)) : NULL;
}

bool cc_is_composite(const ctype *t)
{
    return t &&
           (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE || t->kind == SCHEMA_UNION);
}

bool cc_implements(const ctype *t, const char *itf)
{
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        if (strcmp(t->interfaces[i].name, itf) == 0) return true;
    return false;
}

const char *cc_coord(arena *a, const ctype *t, const cfield *f)
{
    return arena_sprintf(a, "%s.%s", t->name, f->name);
}

static bool same_loc(src_loc a, src_loc b)
{
    return a.line == b.line && a.column == b.column;
}

static const ast_directive *directive_in(const ast_directive *d, src_loc loc)
{
    for (; d; d = d->next)
        if (same_loc(d->loc, loc)) return d;
    return NULL;
}

static const ast_directive *directive_in_fields(const ast_field_def *f, src_loc loc)
{
    for (; f; f = f->next) {
        const ast_directive *d = directive_in(f->directives, loc);
        if (!d) d = directive_in_fields(f->arguments, loc); /* arguments have no arguments */
        if (d) return d;
    }
    return NULL;
}

const ast_directive *cc_directive_at(const csub *s, src_loc loc)
{
    if (!s->doc || !loc.line) return NULL;
    for (const ast_definition *def = s->doc->definitions; def; def = def->next) {
        const ast_directive *d = directive_in(def->directives, loc);
        if (!d) d = directive_in_fields(def->fields, loc);
        if (!d) {
            for (const ast_enum_value_def *v = def->values; v && !d; v = v->next)
                d = directive_in(v->directives, loc);
        }
        if (d) return d;
    }
    return NULL;
}

const char *cc_directive_text(arena *a, const ast_directive *d)
{
    ast_directive alone = *d;
    alone.next = NULL;
    sbuf b;
    sbuf_init(&b);
    print_directives(&b, &alone);
    const char *text = arena_strdup(a, b.data ? b.data : "");
    sbuf_free(&b);
    return text;
}

/* Apollo stops listing names once they add up to this many characters. */
#define HUMAN_LIST_CUTOFF 100

const char *cc_human_list(arena *a, const char *const *names, uint32_t n, const char *prefix,
                          const char *prefix_plural)
{
    if (n == 0) return "";
    if (n == 1) return prefix ? arena_sprintf(a, "%s %s", prefix, names[0]) : names[0];
    uint32_t shown = 0;
    size_t length = 0;
    for (uint32_t i = 0; i < n; i++) {
        length += strlen(names[i]);
        if (length <= HUMAN_LIST_CUTOFF) shown++;
    }
    if (shown == 0) shown = 1;
    sbuf b;
    sbuf_init(&b);
    const char *p = prefix_plural ? prefix_plural : prefix;
    if (p) sbuf_printf(&b, "%s ", p);
    for (uint32_t i = 0; i < shown; i++) {
        if (i > 0) sbuf_puts(&b, shown == n && i == n - 1 ? " and " : ", ");
        sbuf_puts(&b, names[i]);
    }
    if (shown < n) sbuf_puts(&b, ", ...");
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

const ast_value *cc_arg(const ast_directive *d, const char *name)
{
    const ast_argument *arg = ast_find_argument(d->arguments, name);
    return arg ? arg->value : NULL;
}

/* Plain Levenshtein distance (Apollo's suggestionList uses js-levenshtein). */
static size_t levenshtein(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (lb > 63) return lb; /* element names are short; a long input matches none */
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t corner = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = corner + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            corner = up;
        }
    }
    return row[lb];
}

typedef struct suggestion {
    const char *name;
    size_t distance;
} suggestion;

static int by_distance(const void *x, const void *y)
{
    const suggestion *a = x, *b = y;
    if (a->distance != b->distance) return a->distance < b->distance ? -1 : 1;
    int c = strcasecmp(a->name, b->name);
    return c ? c : strcmp(a->name, b->name);
}

void cc_did_you_mean(arena *a, sbuf *b, const char *name, const char *const *options, size_t count)
{
    suggestion *found = ARENA_ARRAY(a, suggestion, count + 1);
    size_t n = 0, threshold = strlen(name) * 4 / 10 + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = strcasecmp(name, options[i]) == 0 ? 1 : levenshtein(name, options[i]);
        if (d <= threshold) found[n++] = (suggestion){options[i], d};
    }
    if (n == 0) return;
    qsort(found, n, sizeof *found, by_distance);
    if (n > 5) n = 5;
    sbuf_puts(b, " Did you mean ");
    for (size_t i = 0; i < n; i++) {
        if (i > 0) sbuf_puts(b, n == 2 ? " or " : i == n - 1 ? ", or " : ", ");
        sbuf_printf(b, "\"%s\"", found[i].name);
    }
    sbuf_putc(b, '?');
}
