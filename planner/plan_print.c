/* plan_print.c: a plan as text (plan.h), in the form Apollo's query planner
 * prints: nested Sequence / Parallel / Flatten / Fetch / Condition blocks, each
 * fetch's selection pretty-printed, entity fetches as `{ representation } =>
 * { selection }`. Snapshot tests compare this text byte for byte. */
#include <string.h>

#include "parser.h"
#include "plan.h"
#include "printer.h"

static void indent(sbuf *out, unsigned depth)
{
    for (unsigned i = 0; i < depth; i++)
        sbuf_puts(out, "  ");
}

/* Appends text, every line indented by depth. */
static void put_indented(sbuf *out, const char *text, size_t len, unsigned depth)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n') continue;
        if (i > start) {
            indent(out, depth);
            sbuf_append(out, text + start, i - start);
        }
        if (i < len) sbuf_putc(out, '\n');
        start = i + 1;
    }
}

static void put_selection(sbuf *out, const ast_selection *first, unsigned depth)
{
    sbuf text;
    sbuf_init(&text);
    print_selection_set(&text, first);
    put_indented(out, text.data ? text.data : "{}", text.len ? text.len : 2, depth);
    sbuf_free(&text);
}

/* The fetch's selection as sent: the root selection, or what _entities selects. */
static void put_fetch_body(sbuf *out, const plan_fetch *f, bool entities, unsigned depth)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *doc = parse_document(&a, f->operation, strlen(f->operation), NULL, &err);
    const ast_selection *first = doc && doc->definitions ? doc->definitions->selection_set : NULL;
    if (entities && first) first = first->selection_set;
    if (entities && f->requires) {
        put_selection(out, f->requires, depth);
        sbuf_puts(out, " =>\n");
    }
    if (first)
        put_selection(out, first, depth);
    else
        put_indented(out, f->operation, strlen(f->operation), depth);
    sbuf_putc(out, '\n');
    arena_free(&a);
}

static void put_path(sbuf *out, const plan_path *path)
{
    sbuf_putc(out, '"');
    for (uint32_t i = 0; i < path->nsteps; i++) {
        if (i) sbuf_putc(out, '.');
        const plan_path_step *s = &path->steps[i];
        if (s->kind == PLAN_PATH_LIST)
            sbuf_putc(out, '@');
        else if (s->kind == PLAN_PATH_TYPE)
            sbuf_printf(out, "... on %s", s->name);
        else
            sbuf_puts(out, s->name);
    }
    sbuf_putc(out, '"');
}

static void put_node(sbuf *out, const plan_node *n, unsigned depth);

static void put_children(sbuf *out, const char *label, const plan_node *const *children,
                         uint32_t count, unsigned depth)
{
    indent(out, depth);
    sbuf_printf(out, "%s {\n", label);
    for (uint32_t i = 0; i < count; i++) {
        put_node(out, children[i], depth + 1);
        sbuf_puts(out, ",\n");
    }
    indent(out, depth);
    sbuf_putc(out, '}');
}

static void put_fetch(sbuf *out, const plan_fetch *f, bool entities, unsigned depth)
{
    indent(out, depth);
    sbuf_printf(out, "Fetch(service: \"%s\") {\n", f->subgraph);
    put_fetch_body(out, f, entities, depth + 1);
    indent(out, depth);
    sbuf_putc(out, '}');
}

static void put_node(sbuf *out, const plan_node *n, unsigned depth)
{
    switch (n->kind) {
    case PLAN_SEQUENCE:
    case PLAN_PARALLEL:
        put_children(out, n->kind == PLAN_SEQUENCE ? "Sequence" : "Parallel",
                     (const plan_node *const *)n->children, n->nchildren, depth);
        return;
    case PLAN_FETCH:
        put_fetch(out, n->fetch, false, depth);
        return;
    case PLAN_FLATTEN:
        indent(out, depth);
        if (n->npaths == 1) {
            sbuf_puts(out, "Flatten(path: ");
            put_path(out, &n->paths[0]);
        } else {
            sbuf_puts(out, "Flatten(paths: [");
            for (uint32_t i = 0; i < n->npaths; i++) {
                if (i) sbuf_puts(out, ", ");
                put_path(out, &n->paths[i]);
            }
            sbuf_putc(out, ']');
        }
        sbuf_puts(out, ") {\n");
        put_fetch(out, n->fetch, true, depth + 1);
        sbuf_puts(out, ",\n");
        indent(out, depth);
        sbuf_putc(out, '}');
        return;
    case PLAN_CONDITION:
        indent(out, depth);
        sbuf_printf(out, "Condition(if: $%s) {\n", n->condition);
        if (n->if_clause) {
            put_children(out, "Then", (const plan_node *const *)&n->if_clause, 1, depth + 1);
            sbuf_putc(out, '\n');
        }
        if (n->else_clause) {
            put_children(out, "Else", (const plan_node *const *)&n->else_clause, 1, depth + 1);
            sbuf_putc(out, '\n');
        }
        indent(out, depth);
        sbuf_putc(out, '}');
        return;
    }
}

void plan_print(sbuf *out, const plan *p)
{
    sbuf_puts(out, "QueryPlan {\n");
    if (p->root) {
        put_node(out, p->root, 1);
        sbuf_puts(out, ",\n");
    }
    sbuf_puts(out, "}\n");
}
