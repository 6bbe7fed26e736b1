/* tree.c: the executor's mutable response tree (see tree.h). */
#include "tree.h"

#include <string.h>

static const json_value json_null_value = {.type = JSON_NULL};

tree_node *tree_new_object(arena *a)
{
    tree_node *n = ARENA_NEW(a, tree_node);
    n->type = JSON_OBJECT;
    return n;
}

/* Fills *n from v; n is caller-provided so arrays can hold their items inline. */
static void tree_fill(arena *a, tree_node *n, const json_value *v)
{
    n->type = v->type;
    n->len = 0;
    n->cap = 0;
    if (v->type == JSON_ARRAY) {
        n->len = v->len;
        n->u.items = ARENA_ARRAY(a, tree_node, v->len ? v->len : 1);
        for (uint32_t i = 0; i < v->len; i++)
            tree_fill(a, &n->u.items[i], &v->u.items[i]);
    } else if (v->type == JSON_OBJECT) {
        n->len = n->cap = v->len;
        n->u.members = ARENA_ARRAY(a, tree_member, v->len ? v->len : 1);
        for (uint32_t i = 0; i < v->len; i++) {
            n->u.members[i].key = v->u.members[i].key;
            n->u.members[i].value = tree_from_json(a, &v->u.members[i].value);
        }
    } else {
        n->u.scalar = v;
    }
}

tree_node *tree_from_json(arena *a, const json_value *v)
{
    tree_node *n = ARENA_NEW(a, tree_node);
    tree_fill(a, n, v ? v : &json_null_value);
    return n;
}

tree_node *tree_new_string(arena *a, const char *s)
{
    tree_node *n = ARENA_NEW(a, tree_node);
    n->type = JSON_STRING;
    n->u.scalar = json_new_string(a, s, strlen(s));
    return n;
}

static tree_member *tree_find(const tree_node *n, const char *key)
{
    if (!n || n->type != JSON_OBJECT) return NULL;
    for (uint32_t i = 0; i < n->len; i++)
        if (strcmp(n->u.members[i].key, key) == 0) return &n->u.members[i];
    return NULL;
}

tree_node *tree_get(const tree_node *n, const char *key)
{
    tree_member *m = tree_find(n, key);
    return m ? m->value : NULL;
}

tree_node *tree_get_from(const tree_node *n, const char *key, uint32_t *hint)
{
    if (!n || n->type != JSON_OBJECT || n->len == 0) return NULL;
    uint32_t start = *hint < n->len ? *hint : 0;
    for (uint32_t k = 0; k < n->len; k++) {
        uint32_t i = start + k < n->len ? start + k : start + k - n->len;
        if (strcmp(n->u.members[i].key, key) == 0) {
            *hint = i + 1;
            return n->u.members[i].value;
        }
    }
    return NULL;
}

const char *tree_typename(const tree_node *n)
{
    const tree_node *t = tree_get(n, "__typename");
    return t && t->type == JSON_STRING ? t->u.scalar->u.str : NULL;
}

void tree_rename(tree_node *n, const char *from, const char *to)
{
    tree_member *m = tree_find(n, from);
    if (m) m->key = to;
}

void tree_set(arena *a, tree_node *n, const char *key, tree_node *value)
{
    tree_member *m = tree_find(n, key);
    if (m) {
        m->value = value;
        return;
    }
    if (n->len == n->cap) {
        uint32_t cap = n->cap ? n->cap * 2 : 4;
        tree_member *grown = ARENA_ARRAY(a, tree_member, cap);
        if (n->len) memcpy(grown, n->u.members, sizeof(tree_member) * n->len);
        n->u.members = grown;
        n->cap = cap;
    }
    n->u.members[n->len].key = key;
    n->u.members[n->len].value = value;
    n->len++;
}

void tree_merge(arena *a, tree_node *dst, const tree_node *src)
{
    if (src->type == JSON_OBJECT && dst->type == JSON_OBJECT) {
        uint32_t hint = 0;
        for (uint32_t i = 0; i < src->len; i++) {
            const tree_member *m = &src->u.members[i];
            tree_node *have = tree_get_from(dst, m->key, &hint);
            if (have)
                tree_merge(a, have, m->value);
            else
                tree_set(a, dst, m->key, m->value);
        }
    } else if (src->type == JSON_ARRAY && dst->type == JSON_ARRAY && src->len == dst->len) {
        for (uint32_t i = 0; i < src->len; i++)
            tree_merge(a, &dst->u.items[i], &src->u.items[i]);
    } else {
        *dst = *src;
    }
}

void tree_write(sbuf *out, const tree_node *n)
{
    if (n->type == JSON_ARRAY) {
        sbuf_putc(out, '[');
        for (uint32_t i = 0; i < n->len; i++) {
            if (i) sbuf_putc(out, ',');
            tree_write(out, &n->u.items[i]);
        }
        sbuf_putc(out, ']');
    } else if (n->type == JSON_OBJECT) {
        sbuf_putc(out, '{');
        for (uint32_t i = 0; i < n->len; i++) {
            if (i) sbuf_putc(out, ',');
            sbuf_json_string(out, n->u.members[i].key, strlen(n->u.members[i].key));
            sbuf_putc(out, ':');
            tree_write(out, n->u.members[i].value);
        }
        sbuf_putc(out, '}');
    } else {
        json_write(out, n->u.scalar);
    }
}
