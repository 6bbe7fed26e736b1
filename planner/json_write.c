/* json_write.c: compact JSON text from a tree (see json.h). Numbers are
 * written as their literal, strings escaped by sbuf_json_string. The walk
 * keeps open containers on an explicit stack, so depth costs no C stack. */
#include "json.h"

#include "json_stack.h"

#define JSON_LOCAL_OPEN 32

/* A container being written and the index of its next child. */
typedef struct json_open_container {
    const json_value *v;
    uint32_t next;
} json_open_container;

/* Writes a scalar, or the opening bracket of a container; true when the
 * container has children still to write. */
static bool json_write_start(sbuf *out, const json_value *v)
{
    switch (v->type) {
    case JSON_NULL:
        sbuf_append(out, "null", 4);
        return false;
    case JSON_FALSE:
        sbuf_append(out, "false", 5);
        return false;
    case JSON_TRUE:
        sbuf_append(out, "true", 4);
        return false;
    case JSON_NUMBER:
        sbuf_append(out, v->u.str, v->len);
        return false;
    case JSON_STRING:
        sbuf_json_string(out, v->u.str, v->len);
        return false;
    case JSON_ARRAY:
        sbuf_append(out, v->len ? "[" : "[]", v->len ? 1 : 2);
        return v->len > 0;
    case JSON_OBJECT:
        sbuf_append(out, v->len ? "{" : "{}", v->len ? 1 : 2);
        return v->len > 0;
    }
    return false;
}

void json_write(sbuf *out, const json_value *v)
{
    json_open_container local[JSON_LOCAL_OPEN], *open = local;
    size_t depth = 0, cap = JSON_LOCAL_OPEN;
    if (json_write_start(out, v)) open[depth++] = (json_open_container){v, 0};
    while (depth > 0) {
        json_open_container *top = &open[depth - 1];
        const json_value *c = top->v;
        if (top->next == c->len) {
            sbuf_putc(out, c->type == JSON_OBJECT ? '}' : ']');
            depth--;
            continue;
        }
        if (top->next > 0) sbuf_putc(out, ',');
        const json_value *child;
        if (c->type == JSON_OBJECT) {
            const json_member *m = &c->u.members[top->next];
            sbuf_json_string(out, m->key, m->key_len);
            sbuf_putc(out, ':');
            child = &m->value;
        } else {
            child = &c->u.items[top->next];
        }
        top->next++;
        if (!json_write_start(out, child)) continue;
        if (depth == cap) open = json_stack_grow(open, local, &cap, sizeof(*open));
        open[depth++] = (json_open_container){child, 0};
    }
    json_stack_release(open, local);
}
