/* exec.h: executes a parsed, checked GraphQL operation against a subgraph
 * model (model.h) and writes the JSON response ({"errors":[...],"data":...})
 * straight into an sbuf, with graphql-js semantics: fields collected in
 * order through fragments and @skip/@include, merged by response key, null
 * propagated up to the nearest nullable field or list item, one error (with
 * locations and path) per null in a non-null position or failed resolver. */
#ifndef BENCH_EXEC_H
#define BENCH_EXEC_H

#include "arena.h"
#include "ast.h"
#include "json.h"
#include "model.h"
#include "sbuf.h"

/* Longest response path (fields plus list indexes) the executor follows. */
#define BEXEC_MAX_DEPTH 128
/* A response growing past this is abandoned with an error. */
#define BEXEC_MAX_OUTPUT (64u << 20)

typedef struct bexec_error bexec_error;
typedef struct bexec_group bexec_group;
typedef struct bexec_plan bexec_plan;

/* Plans remembered per execution (a direct-mapped table; a collision only
 * costs a re-collection). */
#define BEXEC_PLAN_SLOTS 64

typedef struct bexec_plan_slot {
    const bexec_group *parent;
    const bmodel_type *type;
    const bexec_plan *plan;
} bexec_plan_slot;

typedef struct bexec_path_elem {
    const char *key; /* NULL for a list index */
    uint32_t index;
} bexec_path_elem;

/* One execution. Resolvers read the model and allocate from the arena. */
struct bexec_ctx {
    arena *a;
    const bmodel *model;
    const ast_document *doc;
    const ast_definition *operation;
    const json_value *variables; /* the request's variables object, or NULL */
    const bmodel_field *field;   /* the field being resolved (bexec_arg reads its defaults) */
    sbuf *out;
    bexec_error *errors, *last_error;
    bexec_path_elem path[BEXEC_MAX_DEPTH];
    uint32_t depth;
    bool abandoned; /* too deep or too large: the data becomes null */
    bexec_plan_slot plans[BEXEC_PLAN_SLOTS];
};

/* Runs the operation named operation_name (NULL: the only one) of doc with
 * the given variables (a JSON object or NULL) and writes the response into
 * *out (replacing its content). scratch is a second buffer it may swap with. */
void bexec_run(arena *a, const bmodel *m, const ast_document *doc, const char *operation_name,
               const json_value *variables, sbuf *out, sbuf *scratch);

/* The value of a field's argument: the literal (variables substituted), else
 * the declared default; NULL when absent. */
const json_value *bexec_arg(bexec_ctx *cx, const ast_selection *field, const char *name);

/* Writes {"errors":[{"message":...}]} into out (replacing its content). */
void bexec_write_error(sbuf *out, const char *message);

#endif
