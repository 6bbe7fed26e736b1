/* exec_testutil.h: helpers shared by the executor's unit tests: JSON and
 * trees from text, plan paths from "a/@/... on T/b", response shapes built
 * in code, and a supergraph stand-in whose full and API schemas come from
 * plain SDL. Header-only (static inline) so each test binary stays one file. */
#ifndef FM_EXEC_TESTUTIL_H
#define FM_EXEC_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "parser.h"
#include "plan.h"
#include "schema.h"
#include "supergraph.h"
#include "tree.h"

static inline const json_value *tu_json(arena *a, const char *text)
{
    json_error err;
    const json_value *v = json_parse(a, text, strlen(text), 0, &err);
    if (!v) {
        fprintf(stderr, "bad test JSON: %s: %s\n", err.message, text);
        abort();
    }
    return v;
}

static inline tree_node *tu_tree(arena *a, const char *text)
{
    return tree_from_json(a, tu_json(a, text));
}

static inline const char *tu_tree_text(arena *a, const tree_node *n)
{
    sbuf b;
    sbuf_init(&b);
    tree_write(&b, n);
    char *s = arena_strndup(a, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return s;
}

/* "users/@/... on User/reviews" */
static inline plan_path tu_path(arena *a, const char *text)
{
    plan_path p = {.steps = ARENA_ARRAY(a, plan_path_step, 32)};
    const char *s = text;
    while (*s) {
        const char *end = strchr(s, '/');
        size_t n = end ? (size_t)(end - s) : strlen(s);
        plan_path_step *step = &p.steps[p.nsteps++];
        if (n == 1 && s[0] == '@') {
            step->kind = PLAN_PATH_LIST;
            step->name = "@";
        } else if (n > 7 && strncmp(s, "... on ", 7) == 0) {
            step->kind = PLAN_PATH_TYPE;
            step->name = arena_strndup(a, s + 7, n - 7);
        } else {
            step->kind = PLAN_PATH_FIELD;
            step->name = arena_strndup(a, s, n);
        }
        s += n + (end ? 1 : 0);
    }
    return p;
}

static inline supergraph *tu_supergraph(arena *a, const char *sdl)
{
    diag_list errs;
    diag_init(&errs, a);
    supergraph *sg = ARENA_NEW(a, supergraph);
    sg->arena = a;
    sg->full = sg->api = schema_from_sdl(a, sdl, strlen(sdl), &errs);
    if (!sg->full) {
        fprintf(stderr, "bad test SDL: %s\n", errs.first ? errs.first->message : "?");
        abort();
    }
    return sg;
}

static inline const ast_selection *tu_selection(arena *a, const char *text)
{
    parse_error err;
    ast_selection *sel = parse_selection_set(a, text, strlen(text), &err);
    if (!sel) abort();
    return sel;
}

/* A field of a shape; sub is the sub-shape of composite fields or NULL. */
static inline plan_shape_field tu_field(arena *a, const char *key, const char *data_key,
                                        const char *parent, const char *name, const char *type,
                                        const plan_shape *sub)
{
    parse_error err;
    plan_shape_field f = {.kind = PLAN_SHAPE_FIELD,
                          .response_key = key,
                          .data_key = data_key,
                          .parent_type = parent,
                          .field_name = name,
                          .selection = sub};
    f.type = parse_type(a, type, strlen(type), &err);
    if (!f.type) abort();
    return f;
}

static inline plan_shape_field tu_typename(const char *key, const char *parent)
{
    return (plan_shape_field){.kind = PLAN_SHAPE_TYPENAME,
                              .response_key = key,
                              .data_key = "__typename",
                              .parent_type = parent,
                              .field_name = "__typename"};
}

static inline const plan_shape *tu_shape_of(arena *a, const plan_shape_field *fields, uint32_t n)
{
    plan_shape *s = ARENA_NEW(a, plan_shape);
    s->fields = ARENA_ARRAY(a, plan_shape_field, n);
    memcpy(s->fields, fields, sizeof(plan_shape_field) * n);
    s->nfields = n;
    return s;
}

#define TU_SHAPE(a, ...)                                                                           \
    tu_shape_of((a), (plan_shape_field[]){__VA_ARGS__},                                            \
                sizeof((plan_shape_field[]){__VA_ARGS__}) / sizeof(plan_shape_field))

#endif
