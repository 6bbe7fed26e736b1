/* compose_print.c: the merged supergraph as SDL, byte for byte as
 * @apollo/composition prints it (printSchema with shallowOrderPrintedDefinitions):
 * the schema definition with its @link lines, then every directive
 * definition, then every type, each group sorted by localeCompare, blank
 * lines between, no newline at the end. */
#include <stdlib.h>
#include <string.h>

#include "compose_print.h"
#include "printer.h"

static int compare_definitions(const void *a, const void *b)
{
    const cp_definition *x = a, *y = b;
    if (x->directive != y->directive) return x->directive ? -1 : 1;
    int d = cp_locale_compare(x->name, y->name);
    return d ? d : strcmp(x->name, y->name);
}

static void print_schema_definition(compose_ctx *c, sbuf *out)
{
    static const char *const ops[3] = {"query", "mutation", "subscription"};
    static const char *const names[3] = {"Query", "Mutation", "Subscription"};
    sbuf_puts(out, "schema\n");
    cp_spec_links(out, c->merged);
    sbuf_puts(out, "{\n");
    for (int op = 0; op < 3; op++) {
        const cmtype *t = cmerged_type(c->merged, names[op]);
        if (t && t->kind == SCHEMA_OBJECT && t->nfields)
            sbuf_printf(out, "  %s: %s\n", ops[op], names[op]);
    }
    sbuf_putc(out, '}');
}

static const char *graph_enum(compose_ctx *c)
{
    sbuf out;
    sbuf_init(&out);
    sbuf_puts(&out, "enum join__Graph {\n");
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        sbuf_printf(&out, "  %s @join__graph(name: ", s->graph_value);
        print_string(&out, s->name, strlen(s->name));
        sbuf_puts(&out, ", url: ");
        print_string(&out, s->url, strlen(s->url));
        sbuf_puts(&out, ")\n");
    }
    sbuf_putc(&out, '}');
    const char *text = arena_strndup(c->arena, out.data, out.len);
    sbuf_free(&out);
    return text;
}

/* Apollo drops an object type left without fields (all merged away). */
static bool is_printed(const cmtype *t)
{
    return !(t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) || t->nfields;
}

const char *compose_print(compose_ctx *c, size_t *len)
{
    const cmerged *m = c->merged;
    cp_definition *defs = ARENA_ARRAY(c->arena, cp_definition,
                                      m->ntypes + m->ndirectives + CP_MAX_SPEC_DEFINITIONS + 1);
    uint32_t n = cp_spec_definitions(m, defs);
    defs[n++] = (cp_definition){"join__Graph", false, graph_enum(c)};
    for (uint32_t k = 0; k < m->ntypes; k++)
        if (is_printed(&m->types[k]))
            defs[n++] = (cp_definition){m->types[k].name, false, cp_print_type(c, &m->types[k])};
    for (uint32_t k = 0; k < m->ndirectives; k++)
        defs[n++] = (cp_definition){m->directives[k].def->name, true,
                                    cp_print_directive(c, &m->directives[k])};
    qsort(defs, n, sizeof *defs, compare_definitions);
    sbuf out;
    sbuf_init(&out);
    print_schema_definition(c, &out);
    for (uint32_t i = 0; i < n; i++) {
        sbuf_puts(&out, "\n\n");
        sbuf_puts(&out, defs[i].text);
    }
    *len = out.len;
    const char *text = arena_strndup(c->arena, out.data, out.len);
    sbuf_free(&out);
    return text;
}
