/* satisfiability_report.c: the SATISFIABILITY_ERROR message, worded as
 * Apollo's composition words it: the failing query shape printed as
 * graphql-js prints an operation (arguments filled with placeholder values),
 * then the reasons grouped by the subgraph the query stood in. */
#include <string.h>

#include "satisfiability_int.h"
#include "sbuf.h"

static void indent(sbuf *b, uint32_t level)
{
    for (uint32_t i = 0; i < level; i++)
        sbuf_puts(b, "  ");
}

/* A value of an input type for the witness query, as Apollo makes one up. */
static void witness_value(sbuf *b, const ast_type *type, const schema_type *named)
{
    if (type->kind == AST_TYPE_NON_NULL) {
        witness_value(b, type->of, named);
        return;
    }
    if (type->kind == AST_TYPE_LIST) {
        sbuf_puts(b, "[]");
        return;
    }
    if (named->kind == SCHEMA_ENUM) {
        sbuf_puts(b, named->nvalues ? named->values[0].name : "null");
    } else if (named->kind == SCHEMA_INPUT_OBJECT) {
        sbuf_putc(b, '{');
        bool first = true;
        for (uint32_t i = 0; i < named->nfields; i++) {
            const schema_field *f = &named->fields[i];
            if (f->default_value || f->type->kind != AST_TYPE_NON_NULL) continue;
            sbuf_printf(b, "%s%s: ", first ? "" : ", ", f->name);
            witness_value(b, f->type, f->named);
            first = false;
        }
        sbuf_putc(b, '}');
    } else if (strcmp(named->name, "Int") == 0) {
        sbuf_puts(b, "0");
    } else if (strcmp(named->name, "Float") == 0) {
        sbuf_puts(b, "3.14");
    } else if (strcmp(named->name, "Boolean") == 0) {
        sbuf_puts(b, "true");
    } else if (strcmp(named->name, "String") == 0) {
        sbuf_puts(b, "\"A string value\"");
    } else if (strcmp(named->name, "ID") == 0) {
        sbuf_puts(b, "\"<any id>\"");
    } else {
        sbuf_puts(b, "\"<some value>\"");
    }
}

static void print_step(sbuf *b, const sat_step *s)
{
    if (!s->field) {
        sbuf_printf(b, "... on %s", s->cast->name);
        return;
    }
    sbuf_puts(b, s->field->name);
    if (s->field->nargs == 0) return;
    sbuf_putc(b, '(');
    for (uint32_t i = 0; i < s->field->nargs; i++) {
        const schema_field *arg = &s->field->args[i];
        sbuf_printf(b, "%s%s: ", i ? ", " : "", arg->name);
        witness_value(b, arg->type, arg->named);
    }
    sbuf_putc(b, ')');
}

/* The steps nested as an operation. The last one gets no selection set when
 * it is a leaf, else an empty one, which Apollo prints as "...". */
static void print_witness(sbuf *b, ast_operation_type op, const sat_step *steps, uint32_t n)
{
    static const char *const keywords[] = {"{", "mutation {", "subscription {"};
    const sat_step *last = &steps[n - 1];
    bool leaf = last->field && schema_is_leaf(last->field->named);
    uint32_t levels = leaf ? n : n + 1;
    sbuf_printf(b, "%s\n", keywords[op]);
    for (uint32_t i = 0; i < n; i++) {
        indent(b, i + 1);
        print_step(b, &steps[i]);
        sbuf_puts(b, i + 1 < levels ? " {\n" : "\n");
    }
    if (!leaf) {
        indent(b, n + 1);
        sbuf_puts(b, "...\n");
    }
    for (uint32_t i = levels; i > 0; i--) {
        indent(b, i - 1);
        sbuf_puts(b, "}\n");
    }
}

/* "- from subgraph "a": why." or, with several reasons, one per line. */
static void print_reasons(sbuf *b, const sat_ctx *c, const sat_reasons *why)
{
    bool *done = ARENA_ARRAY(c->a, bool, c->sg->ngraphs);
    bool first_group = true;
    for (uint32_t i = 0; i < why->n; i++) {
        uint32_t g = why->items[i].source;
        if (done[g]) continue;
        done[g] = true;
        uint32_t count = 0; /* Apollo's reasons, one per path */
        for (uint32_t j = i; j < why->n; j++)
            if (why->items[j].source == g) count += why->items[j].paths;
        sbuf_printf(b, "%s- from subgraph \"%s\":", first_group ? "" : "\n", c->sg->graphs[g].name);
        first_group = false;
        if (count == 1) {
            sbuf_printf(b, " %s.", why->items[i].details);
            continue;
        }
        for (uint32_t j = i; j < why->n; j++) {
            if (why->items[j].source != g) continue;
            bool seen = false;
            for (uint32_t k = i; k < j && !seen; k++)
                seen = why->items[k].source == g &&
                       strcmp(why->items[k].details, why->items[j].details) == 0;
            if (!seen) sbuf_printf(b, "\n  - %s.", why->items[j].details);
        }
    }
}

void sat_report(const sat_ctx *c, diag_list *errs, ast_operation_type op, const sat_step *steps,
                uint32_t n, const sat_reasons *why)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "The following supergraph API query:\n");
    print_witness(&b, op, steps, n);
    sbuf_puts(&b, "cannot be satisfied by the subgraphs because:\n");
    print_reasons(&b, c, why);
    diag *e = diag_add(errs, (src_loc){0, 0}, "%s", b.data);
    if (e) e->code = "SATISFIABILITY_ERROR";
    sbuf_free(&b);
}

/* text with every non-empty line indented by two spaces. */
static void put_indented(sbuf *b, const char *text)
{
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        sbuf_puts(b, "\n");
        if (len) sbuf_puts(b, "  ");
        sbuf_append(b, line, len);
        line += len + (end ? 1 : 0);
        if (end && !*line) sbuf_puts(b, "\n");
    }
}

void sat_report_mutation(const sat_ctx *c, diag_list *errs, const sat_mutation *m)
{
    const char *coordinate = arena_sprintf(c->a, "%s.%s", m->field->parent->name, m->field->name);
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b,
                "Supergraph API queries using the mutation field \"%s\" at top-level must be "
                "satisfiable without needing to call that field from multiple subgraphs, but every "
                "subgraph with that field encounters satisfiability errors. Please fix these "
                "satisfiability errors for (at least) one of the following subgraphs with the "
                "mutation field:",
                coordinate);
    for (const sat_mutation *o = m; o; o = o->next) {
        if (o->field != m->field) continue;
        sbuf_printf(&b, "\n- When calling \"%s\" at top-level from subgraph \"%s\":", coordinate,
                    c->sg->graphs[o->graph].name);
        for (const diag *d = o->errs.first; d; d = d->next)
            put_indented(&b, d->message);
    }
    diag *e = diag_add(errs, (src_loc){0, 0}, "%s", b.data);
    if (e) e->code = "SATISFIABILITY_ERROR";
    sbuf_free(&b);
}

/* "type "A"", "types "A" and "B"", or "no runtime type is defined". */
static void put_runtime_types(sbuf *b, const sat_runtime_group *g)
{
    if (g->ntypes == 0) {
        sbuf_puts(b, "no runtime type is defined");
        return;
    }
    sbuf_puts(b, g->ntypes == 1 ? "type " : "types ");
    for (uint32_t i = 0; i < g->ntypes; i++) {
        if (i) sbuf_puts(b, i + 1 == g->ntypes ? " and " : ", ");
        sbuf_printf(b, "\"%s\"", g->types[i]);
    }
}

void sat_report_runtime_types(const sat_ctx *c, diag_list *errs, ast_operation_type op,
                              const sat_step *steps, uint32_t n, const schema_field *field,
                              const sat_runtime_group *groups, uint32_t ngroups)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "For the following supergraph API query:\n");
    print_witness(&b, op, steps, n);
    char *type = schema_type_ref_text(c->a, field->type);
    sbuf_printf(&b,
                "Shared field \"%s.%s\" return type \"%s\" has a non-intersecting set of possible "
                "runtime types across subgraphs. Runtime types in subgraphs are:",
                field->parent->name, field->name, type);
    for (uint32_t i = 0; i < ngroups; i++) {
        const sat_runtime_group *g = &groups[i];
        sbuf_puts(&b, i ? ";\n - in " : "\n - in ");
        sbuf_puts(&b, g->ngraphs == 1 ? "subgraph " : "subgraphs ");
        for (uint32_t k = 0; k < g->ngraphs; k++) {
            if (k) sbuf_puts(&b, k + 1 == g->ngraphs ? " and " : ", ");
            sbuf_printf(&b, "\"%s\"", c->sg->graphs[g->graphs[k]].name);
        }
        sbuf_puts(&b, ", ");
        put_runtime_types(&b, g);
    }
    sbuf_puts(&b, ".\nThis is not allowed as shared fields must resolve the same way in all "
                  "subgraphs, and that implies at least some common runtime types between the "
                  "subgraphs.");
    diag *e = diag_add(errs, (src_loc){0, 0}, "%s", b.data);
    if (e) e->code = "SHAREABLE_HAS_MISMATCHED_RUNTIME_TYPES";
    sbuf_free(&b);
}
