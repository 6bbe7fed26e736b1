/* compose_check_util.c: small helpers the compose_check*.c files share:
 * type look-ups over one subgraph, and the text forms Apollo's messages
 * quote (coordinates, directive applications, lists of names). */
#include <string.h>

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
