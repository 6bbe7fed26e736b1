/* errors.h: the errors of one GraphQL response as the executor gathers them:
 * subgraph errors forwarded (message and extensions kept, locations dropped,
 * paths rewritten from the subgraph's data to the client's response keys),
 * failed subgraph requests, and the executor's own null-bubbling errors. */
#ifndef FM_ERRORS_H
#define FM_ERRORS_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "json.h"
#include "plan.h"
#include "sbuf.h"

/* One step of a response path: a key, or a list index when key is NULL. */
typedef struct resp_step {
    const char *key;
    uint32_t index;
} resp_step;

typedef struct resp_path {
    resp_step *steps;
    uint32_t len;
} resp_path;

typedef struct resp_error {
    const char *message;
    resp_path path;               /* client path; len 0 = no path */
    const json_value *extensions; /* forwarded as is; NULL when absent */
    const char *code;             /* written as extensions.code when extensions is NULL */
    const char *service;          /* written as extensions.serviceName with code */
    struct resp_error *next;
} resp_error;

typedef struct resp_errors {
    arena *arena;
    resp_error *first, *last;
    uint32_t count;
    /* A subgraph request failed: the nulls it leaves are explained by that
     * error, so null bubbling adds no error of its own. */
    bool fetch_failed;
} resp_errors;

#define ERRORS_FETCH_FAILED_CODE "SUBGRAPH_FETCH_FAILED"

void errors_init(resp_errors *e, arena *a);
/* path may be NULL (no path); it is copied. */
resp_error *errors_add(resp_errors *e, const char *message, const resp_path *path);
/* `Failed to fetch from subgraph "accounts": reason`, code SUBGRAPH_FETCH_FAILED. */
void errors_add_fetch_failure(resp_errors *e, const char *subgraph, const char *reason,
                              const resp_path *path);

/* The client path of a path into the merged data: each key is looked up
 * among the shape's fields by data_key and replaced by its response key;
 * list indexes and "@" (a whole list) stay as they are, and
 * keys the shape does not know (and everything after them) pass unchanged. */
resp_path errors_client_path(arena *a, const plan_shape *shape, const resp_path *data_path);

/* Where the objects of one representation of an entity fetch sit. */
typedef struct errors_entity {
    const resp_path *const *paths; /* data paths, one per object */
    uint32_t npaths;
} errors_entity;

/* Forwards a subgraph's "errors" array. A root fetch's error (entities NULL)
 * keeps its own path; an entity fetch's error at ["_entities", i, ...] is
 * reported at each object of representation i (its path followed by the
 * rest) where that path is in the client's shape (at the first object when
 * it is nowhere). Other
 * entity-fetch errors are forwarded without a path. Errors that are not
 * objects with a string message become "Subgraph error". */
void errors_forward(resp_errors *e, const plan_shape *shape, const json_value *errors,
                    const errors_entity *entities, uint32_t nentities);

/* Whether an error already reports path or something inside it. */
bool errors_cover(const resp_errors *e, const resp_path *path);

/* The errors array, `[{"message":..,"path":[..],"extensions":{..}}, ...]`. */
void errors_write(sbuf *out, const resp_errors *e);

#endif
