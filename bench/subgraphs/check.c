/* check.c: document validation for the subgraphs (see check.h). Errors come
 * in the order graphql-js reports them for the rules covered: by position in
 * the document, unused fragments last. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h" /* planner/suggest.h */
#include "value.h"

/* Longest chain of fragment spreads followed (bounds the recursion). */
#define BCHECK_MAX_SPREAD_DEPTH 256

/* Scalars and built-in types of every subgraph schema besides the model's types. */
static const char *const bcheck_builtin_types[] = {"Boolean",
                                                   "Float",
                                                   "ID",
                                                   "Int",
                                                   "String",
                                                   "_Any",
                                                   "federation__FieldSet",
                                                   "link__Import",
                                                   "link__Purpose",
                                                   "__Schema",
                                                   "__Type",
                                                   "__TypeKind",
                                                   "__Field",
                                                   "__InputValue",
                                                   "__EnumValue",
                                                   "__Directive",
                                                   "__DirectiveLocation",
                                                   NULL};

typedef struct bcheck {
    arena a; /* suggestion lists */
    const bmodel *m;
    const ast_document *doc;
    sbuf *out;
    sbuf msg;
    uint32_t nerrors;
    /* fragment cycle search: the spreads on the current path */
    const ast_definition *path[BCHECK_MAX_SPREAD_DEPTH];
    const char *path_spread[BCHECK_MAX_SPREAD_DEPTH];
    uint32_t depth;
    const char **visited;
    uint32_t nvisited;
} bcheck;

/* Starts an error message in ck->msg. */
static void bcheck_begin(bcheck *ck, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bcheck_begin(bcheck *ck, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char text[512];
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    sbuf_reset(&ck->msg);
    sbuf_puts(&ck->msg, text);
}

/* Appends ck->msg to the error list. */
static void bcheck_emit(bcheck *ck)
{
    if (ck->nerrors > BCHECK_MAX_ERRORS) return;
    if (ck->nerrors == BCHECK_MAX_ERRORS) {
        bcheck_begin(ck, "Too many validation errors, error limit reached. Validation aborted.");
    }
    sbuf_puts(ck->out, ck->nerrors ? ",{\"message\":" : "{\"errors\":[{\"message\":");
    sbuf_json_string(ck->out, ck->msg.data, ck->msg.len);
    sbuf_putc(ck->out, '}');
    ck->nerrors++;
}

static bool bcheck_known_type(const bcheck *ck, const char *name)
{
    if (bmodel_type_named(ck->m, name)) return true;
    for (const char *const *b = bcheck_builtin_types; *b; b++)
        if (strcmp(*b, name) == 0) return true;
    return false;
}

/* Appends graphql-js's " Did you mean ...?" for input among options[0..n). */
static void bcheck_did_you_mean(bcheck *ck, const char *what, const char *input,
                                const char *const *options, uint32_t n)
{
    const char **close;
    uint32_t nclose = suggest_list(&ck->a, input, options, n, &close);
    suggest_did_you_mean(&ck->msg, what, close, nclose);
}

static void bcheck_unknown_type(bcheck *ck, const char *name)
{
    uint32_t nbuiltin = 0;
    while (bcheck_builtin_types[nbuiltin])
        nbuiltin++;
    const char **options = ARENA_ARRAY(&ck->a, const char *, ck->m->ntypes + nbuiltin);
    for (uint32_t i = 0; i < ck->m->ntypes; i++)
        options[i] = ck->m->types[i]->name;
    memcpy(options + ck->m->ntypes, bcheck_builtin_types, sizeof(char *) * nbuiltin);
    bcheck_begin(ck, "Unknown type \"%s\".", name);
    bcheck_did_you_mean(ck, NULL, name, options, ck->m->ntypes + nbuiltin);
    bcheck_emit(ck);
}

static int bcheck_compare_names(const void *a, const void *b)
{
    return suggest_natural_compare(*(const char *const *)a, *(const char *const *)b);
}

/* The composite type named by a type condition: NULL (and errors reported)
 * when it is unknown or not composite. `fragment` names a named fragment. */
static const bmodel_type *bcheck_condition(bcheck *ck, const char *cond, const char *fragment)
{
    if (!bcheck_known_type(ck, cond)) {
        bcheck_unknown_type(ck, cond);
        return NULL;
    }
    const bmodel_type *t = bmodel_type_named(ck->m, cond);
    if (t) return t;
    if (fragment)
        bcheck_begin(ck, "Fragment \"%s\" cannot condition on non composite type \"%s\".", fragment,
                     cond);
    else
        bcheck_begin(ck, "Fragment cannot condition on non composite type \"%s\".", cond);
    bcheck_emit(ck);
    return NULL;
}

static bool bcheck_overlap(const bmodel_type *a, const bmodel_type *b)
{
    if (a == b) return true;
    if (a->is_union) {
        for (uint32_t i = 0; i < a->nmembers; i++)
            if (bmodel_condition_holds(b, a->members[i])) return true;
        return false;
    }
    return bmodel_condition_holds(b, a);
}

static void bcheck_spread_possible(bcheck *ck, const bmodel_type *parent, const bmodel_type *frag,
                                   const char *fragment)
{
    if (!parent || !frag || bcheck_overlap(parent, frag)) return;
    if (fragment)
        bcheck_begin(ck,
                     "Fragment \"%s\" cannot be spread here as objects of type \"%s\" can never "
                     "be of type \"%s\".",
                     fragment, parent->name, frag->name);
    else
        bcheck_begin(ck,
                     "Fragment cannot be spread here as objects of type \"%s\" can never be of "
                     "type \"%s\".",
                     parent->name, frag->name);
    bcheck_emit(ck);
}

static void bcheck_selections(bcheck *ck, const bmodel_type *parent, const ast_selection *set);

/* On a union, graphql-js suggests the members that have the field, in
 * natural order; on an object, the fields named alike. */
static void bcheck_unknown_field(bcheck *ck, const bmodel_type *parent, const char *name)
{
    bcheck_begin(ck, "Cannot query field \"%s\" on type \"%s\".", name, parent->name);
    const char **types = ARENA_ARRAY(&ck->a, const char *, parent->nmembers);
    uint32_t ntypes = 0;
    for (uint32_t i = 0; parent->is_union && i < parent->nmembers; i++)
        if (bmodel_field_named(parent->members[i], name))
            types[ntypes++] = parent->members[i]->name;
    if (ntypes) {
        qsort(types, ntypes, sizeof(char *), bcheck_compare_names);
        suggest_did_you_mean(&ck->msg, "to use an inline fragment on", types, ntypes);
    } else {
        const char **fields = ARENA_ARRAY(&ck->a, const char *, parent->nfields);
        for (uint32_t i = 0; i < parent->nfields; i++)
            fields[i] = parent->fields[i].name;
        bcheck_did_you_mean(ck, NULL, name, fields, parent->nfields);
    }
    bcheck_emit(ck);
}

static void bcheck_leaf_or_composite(bcheck *ck, const ast_selection *s, const ast_type *type,
                                     bool composite)
{
    if (composite == (s->selection_set != NULL)) return;
    sbuf type_text;
    sbuf_init(&type_text);
    bvalue_print_type(&type_text, type);
    if (composite)
        bcheck_begin(ck,
                     "Field \"%s\" of type \"%s\" must have a selection of subfields. Did you mean "
                     "\"%s { ... }\"?",
                     s->name, type_text.data, s->name);
    else
        bcheck_begin(ck,
                     "Field \"%s\" must not have a selection since type \"%s\" has no "
                     "subfields.",
                     s->name, type_text.data);
    sbuf_free(&type_text);
    bcheck_emit(ck);
}

static void bcheck_arguments(bcheck *ck, const bmodel_type *parent, const ast_selection *s,
                             const ast_field_def *defs)
{
    uint32_t ndefs = 0;
    for (const ast_field_def *d = defs; d; d = d->next)
        ndefs++;
    const char **names = ARENA_ARRAY(&ck->a, const char *, ndefs);
    ndefs = 0;
    for (const ast_field_def *d = defs; d; d = d->next)
        names[ndefs++] = d->name;
    for (const ast_argument *arg = s->arguments; arg; arg = arg->next) {
        bool known = false;
        for (uint32_t i = 0; i < ndefs && !known; i++)
            known = strcmp(names[i], arg->name) == 0;
        if (known) continue;
        bcheck_begin(ck, "Unknown argument \"%s\" on field \"%s.%s\".", arg->name, parent->name,
                     s->name);
        bcheck_did_you_mean(ck, NULL, arg->name, names, ndefs);
        bcheck_emit(ck);
    }
}

static void bcheck_required_arguments(bcheck *ck, const ast_selection *s, const ast_field_def *defs)
{
    for (const ast_field_def *d = defs; d; d = d->next) {
        if (d->type->kind != AST_TYPE_NON_NULL || d->default_value) continue;
        if (ast_find_argument(s->arguments, d->name)) continue;
        sbuf type_text;
        sbuf_init(&type_text);
        bvalue_print_type(&type_text, d->type);
        bcheck_begin(ck,
                     "Field \"%s\" argument \"%s\" of type \"%s\" is required, but it was not "
                     "provided.",
                     s->name, d->name, type_text.data);
        sbuf_free(&type_text);
        bcheck_emit(ck);
    }
}

static void bcheck_field(bcheck *ck, const bmodel_type *parent, const ast_selection *s)
{
    if (!parent) {
        bcheck_selections(ck, NULL, s->selection_set);
        return;
    }
    if (strcmp(s->name, "__typename") == 0) {
        static const ast_type string = {.kind = AST_TYPE_NAMED, .name = "String"};
        static const ast_type typename_type = {.kind = AST_TYPE_NON_NULL,
                                               .of = (ast_type *)&string};
        bcheck_leaf_or_composite(ck, s, &typename_type, false);
        bcheck_arguments(ck, parent, s, NULL);
        bcheck_selections(ck, NULL, s->selection_set);
        return;
    }
    const bmodel_field *def = bmodel_field_named(parent, s->name);
    if (!def) {
        bcheck_unknown_field(ck, parent, s->name);
        bcheck_arguments(ck, parent, s, NULL);
        bcheck_selections(ck, NULL, s->selection_set);
        return;
    }
    bcheck_leaf_or_composite(ck, s, def->type, def->composite != NULL);
    bcheck_arguments(ck, parent, s, def->args);
    bcheck_selections(ck, def->composite, s->selection_set);
    bcheck_required_arguments(ck, s, def->args);
}

static void bcheck_selections(bcheck *ck, const bmodel_type *parent, const ast_selection *set)
{
    for (const ast_selection *s = set; s; s = s->next) {
        if (s->kind == AST_SEL_FIELD) {
            bcheck_field(ck, parent, s);
        } else if (s->kind == AST_SEL_INLINE_FRAGMENT) {
            const bmodel_type *t = parent;
            if (s->type_condition) {
                t = bcheck_condition(ck, s->type_condition, NULL);
                bcheck_spread_possible(ck, parent, t, NULL);
            }
            bcheck_selections(ck, t, s->selection_set);
        } else {
            const ast_definition *frag = ast_find_fragment(ck->doc, s->name);
            if (!frag) {
                bcheck_begin(ck, "Unknown fragment \"%s\".", s->name);
                bcheck_emit(ck);
            } else {
                bcheck_spread_possible(ck, parent, bmodel_type_named(ck->m, frag->type_condition),
                                       s->name);
            }
        }
    }
}

/* ---- fragment cycles (NoFragmentCyclesRule) ---- */

static bool bcheck_was_visited(const bcheck *ck, const char *name)
{
    for (uint32_t i = 0; i < ck->nvisited; i++)
        if (strcmp(ck->visited[i], name) == 0) return true;
    return false;
}

static void bcheck_report_cycle(bcheck *ck, uint32_t from, const char *spread)
{
    bcheck_begin(ck, "Cannot spread fragment \"%s\" within itself", spread);
    for (uint32_t i = from; i < ck->depth; i++)
        sbuf_printf(&ck->msg, "%s\"%s\"", i == from ? " via " : ", ", ck->path_spread[i]);
    sbuf_putc(&ck->msg, '.');
    bcheck_emit(ck);
}

static void bcheck_cycles_from(bcheck *ck, const ast_definition *frag);

/* Follows every spread in set (fields and inline fragments included) from the
 * fragment at path index `at`. */
static void bcheck_cycle_spreads(bcheck *ck, const ast_selection *set)
{
    for (const ast_selection *s = set; s; s = s->next) {
        if (s->kind != AST_SEL_FRAGMENT_SPREAD) {
            bcheck_cycle_spreads(ck, s->selection_set);
            continue;
        }
        uint32_t on_path = 0;
        while (on_path < ck->depth && strcmp(ck->path[on_path]->name, s->name) != 0)
            on_path++;
        if (on_path < ck->depth) {
            bcheck_report_cycle(ck, on_path + 1, s->name);
            continue;
        }
        const ast_definition *next = ast_find_fragment(ck->doc, s->name);
        if (!next || bcheck_was_visited(ck, s->name)) continue;
        if (ck->depth == BCHECK_MAX_SPREAD_DEPTH) {
            bcheck_begin(ck, "Fragment spreads nest deeper than %d.", BCHECK_MAX_SPREAD_DEPTH);
            bcheck_emit(ck);
            continue;
        }
        ck->path_spread[ck->depth] = s->name;
        bcheck_cycles_from(ck, next);
    }
}

static void bcheck_cycles_from(bcheck *ck, const ast_definition *frag)
{
    ck->visited[ck->nvisited++] = frag->name;
    ck->path[ck->depth++] = frag;
    bcheck_cycle_spreads(ck, frag->selection_set);
    ck->depth--;
}

/* ---- unused fragments (NoUnusedFragmentsRule) ---- */

static void bcheck_mark_used(const bcheck *ck, const ast_selection *set, const char **used,
                             uint32_t *nused, uint32_t depth)
{
    for (const ast_selection *s = set; s; s = s->next) {
        if (s->kind != AST_SEL_FRAGMENT_SPREAD) {
            bcheck_mark_used(ck, s->selection_set, used, nused, depth);
            continue;
        }
        bool seen = false;
        for (uint32_t i = 0; i < *nused && !seen; i++)
            seen = strcmp(used[i], s->name) == 0;
        const ast_definition *frag = seen ? NULL : ast_find_fragment(ck->doc, s->name);
        if (!frag || depth == BCHECK_MAX_SPREAD_DEPTH) continue;
        used[(*nused)++] = frag->name;
        bcheck_mark_used(ck, frag->selection_set, used, nused, depth + 1);
    }
}

static void bcheck_unused_fragments(bcheck *ck, uint32_t nfragments)
{
    const char **used = calloc(nfragments + 1, sizeof(char *));
    if (!used) abort();
    uint32_t nused = 0;
    for (const ast_definition *d = ck->doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_OPERATION) bcheck_mark_used(ck, d->selection_set, used, &nused, 0);
    for (const ast_definition *d = ck->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_FRAGMENT) continue;
        bool seen = false;
        for (uint32_t i = 0; i < nused && !seen; i++)
            seen = used[i] == d->name;
        if (seen) continue;
        bcheck_begin(ck, "Fragment \"%s\" is never used.", d->name);
        bcheck_emit(ck);
    }
    free(used);
}

/* ---- documents ---- */

static void bcheck_operation(bcheck *ck, const ast_definition *op)
{
    for (const ast_variable_def *v = op->variables; v; v = v->next) {
        const char *name = ast_type_name(v->type);
        if (!bcheck_known_type(ck, name)) bcheck_unknown_type(ck, name);
    }
    bcheck_selections(ck, op->operation == AST_OP_QUERY ? ck->m->query : NULL, op->selection_set);
}

static void bcheck_fragment(bcheck *ck, const ast_definition *frag)
{
    if (!bcheck_was_visited(ck, frag->name)) {
        ck->depth = 0;
        bcheck_cycles_from(ck, frag);
    }
    const bmodel_type *t = bcheck_condition(ck, frag->type_condition, frag->name);
    bcheck_selections(ck, t, frag->selection_set);
}

static void bcheck_not_executable(bcheck *ck, const ast_definition *d)
{
    if (d->kind == AST_DEF_SCHEMA)
        bcheck_begin(ck, "The schema definition is not executable.");
    else
        bcheck_begin(ck, "The \"%s\" definition is not executable.", d->name);
    bcheck_emit(ck);
}

bool bcheck_document(const bmodel *m, const ast_document *doc, sbuf *out)
{
    bcheck ck = {.m = m, .doc = doc, .out = out};
    arena_init(&ck.a, 0);
    sbuf_init(&ck.msg);
    uint32_t nfragments = 0;
    for (const ast_definition *d = doc->definitions; d; d = d->next)
        nfragments += d->kind == AST_DEF_FRAGMENT;
    ck.visited = calloc(nfragments + 1, sizeof(char *));
    if (!ck.visited) abort();
    for (const ast_definition *d = doc->definitions; d; d = d->next) {
        if (d->kind == AST_DEF_OPERATION)
            bcheck_operation(&ck, d);
        else if (d->kind == AST_DEF_FRAGMENT)
            bcheck_fragment(&ck, d);
        else
            bcheck_not_executable(&ck, d);
    }
    bcheck_unused_fragments(&ck, nfragments);
    free(ck.visited);
    sbuf_free(&ck.msg);
    arena_free(&ck.a);
    if (ck.nerrors) sbuf_puts(out, "]}");
    return ck.nerrors == 0;
}
