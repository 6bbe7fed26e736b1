/* tree.h: the executor's mutable response tree. Subgraph responses arrive as
 * read-only json_value trees; entity results must then be merged into objects
 * that already exist, so the merged data lives in this tree instead: objects
 * hold growable member arrays, every node lives in the job's arena, and
 * scalars point at the json_value they came from (no copy, no re-parse).
 * Node addresses never change once made, so positions collected for entity
 * fetches stay valid while objects gain members. */
#ifndef FM_TREE_H
#define FM_TREE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "json.h"
#include "sbuf.h"

typedef struct tree_node tree_node;

typedef struct tree_member {
    const char *key;
    tree_node *value;
} tree_member;

struct tree_node {
    json_type type;
    uint32_t len; /* array items, object members */
    uint32_t cap; /* object members allocated */
    union {
        const json_value *scalar; /* null, booleans, numbers, strings */
        tree_node *items;         /* JSON_ARRAY: len nodes */
        tree_member *members;     /* JSON_OBJECT */
    } u;
};

/* An empty object. */
tree_node *tree_new_object(arena *a);
/* A deep conversion of v (scalars are shared, not copied). */
tree_node *tree_from_json(arena *a, const json_value *v);
/* Member of an object; NULL when absent or n is not an object. */
tree_node *tree_get(const tree_node *n, const char *key);
/* The same, searching from member *hint on and leaving *hint after the
 * member found: reading an object's members in about the order they were
 * stored (as shaping does) costs one comparison per member. */
tree_node *tree_get_from(const tree_node *n, const char *key, uint32_t *hint);
/* The object's "__typename" when it is a string, else NULL. */
const char *tree_typename(const tree_node *n);
/* Adds or replaces a member of the object n. */
void tree_set(arena *a, tree_node *n, const char *key, tree_node *value);
/* Renames the member `from` of an object (nothing when absent); the new
 * key must outlive the tree. */
void tree_rename(tree_node *n, const char *from, const char *to);
/* A string node (s is not copied). */
tree_node *tree_new_string(arena *a, const char *s);
/* Deep merge of src into dst: members of objects are merged key by key,
 * arrays of equal length item by item, anything else takes src's value in
 * place (dst keeps its address). src's nodes become part of dst: src must be
 * a fresh tree that nothing else holds. */
void tree_merge(arena *a, tree_node *dst, const tree_node *src);
/* Compact JSON. */
void tree_write(sbuf *out, const tree_node *n);

#endif
