/* errors.c: gathering, rewriting and writing response errors (see errors.h). */
#include "errors.h"

#include <string.h>

void errors_init(resp_errors *e, arena *a)
{
    memset(e, 0, sizeof *e);
    e->arena = a;
}

static resp_path path_copy(arena *a, const resp_path *p)
{
    resp_path copy = {0};
    if (!p || !p->len) return copy;
    copy.steps = ARENA_ARRAY(a, resp_step, p->len);
    memcpy(copy.steps, p->steps, sizeof(resp_step) * p->len);
    copy.len = p->len;
    return copy;
}

resp_error *errors_add(resp_errors *e, const char *message, const resp_path *path)
{
    resp_error *err = ARENA_NEW(e->arena, resp_error);
    err->message = message;
    err->path = path_copy(e->arena, path);
    if (e->last)
        e->last->next = err;
    else
        e->first = err;
    e->last = err;
    e->count++;
    return err;
}

void errors_add_fetch_failure(resp_errors *e, const char *subgraph, const char *reason,
                              const resp_path *path)
{
    const char *message =
        arena_sprintf(e->arena, "Failed to fetch from subgraph \"%s\": %s", subgraph, reason);
    resp_error *err = errors_add(e, message, path);
    err->code = ERRORS_FETCH_FAILED_CODE;
    err->service = subgraph;
    e->fetch_failed = true;
}

/* Looks in the fields for any type, then in each type's own. */
static const plan_shape_field *shape_field_by_data_key(const plan_shape *shape, const char *key)
{
    for (uint32_t v = 0; shape && v <= shape->nvariants; v++) {
        const plan_shape *s = v ? shape->variants[v - 1] : shape;
        for (uint32_t i = 0; i < s->nfields; i++)
            if (s->fields[i].kind != PLAN_SHAPE_TYPENAME && strcmp(s->fields[i].data_key, key) == 0)
                return &s->fields[i];
    }
    return NULL;
}

/* errors_client_path, and whether every key of the path was found in the shape. */
static resp_path map_path(arena *a, const plan_shape *shape, const resp_path *data_path,
                          bool *resolved)
{
    resp_path out = path_copy(a, data_path);
    *resolved = true;
    for (uint32_t i = 0; i < out.len; i++) {
        if (!out.steps[i].key || strcmp(out.steps[i].key, "@") == 0) continue;
        const plan_shape_field *f = shape ? shape_field_by_data_key(shape, out.steps[i].key) : NULL;
        if (!f) {
            *resolved = false;
            break;
        }
        out.steps[i].key = f->response_key;
        shape = f->selection;
    }
    return out;
}

resp_path errors_client_path(arena *a, const plan_shape *shape, const resp_path *data_path)
{
    bool resolved;
    return map_path(a, shape, data_path, &resolved);
}

/* prefix followed by jpath[skip..]; false when a step is neither a key nor
 * an index (then the error is forwarded without a path). */
static bool error_data_path(arena *a, const json_value *jpath, const resp_path *prefix,
                            uint32_t skip, resp_path *out)
{
    uint32_t plen = prefix ? prefix->len : 0;
    out->len = plen + jpath->len - skip;
    out->steps = ARENA_ARRAY(a, resp_step, out->len ? out->len : 1);
    if (plen) memcpy(out->steps, prefix->steps, sizeof(resp_step) * plen);
    for (uint32_t j = skip; j < jpath->len; j++) {
        const json_value *s = &jpath->u.items[j];
        resp_step *step = &out->steps[plen + j - skip];
        int64_t index;
        if (s->type == JSON_STRING)
            step->key = s->u.str;
        else if (json_as_int64(s, &index) && index >= 0 && index <= UINT32_MAX)
            step->index = (uint32_t)index;
        else
            return false;
    }
    return true;
}

/* Adds the error `item` at prefix + its path[skip..]. With `only_if_resolved`,
 * adds nothing (returning false) when that path leaves the client's shape:
 * an entity fetch serving several places selects the fields of all of them,
 * and an error about a field belongs only where the client asked for it. */
static bool forward_one(resp_errors *e, const plan_shape *shape, const json_value *item,
                        const resp_path *prefix, uint32_t skip, bool only_if_resolved)
{
    const json_value *message = json_get(item, "message");
    const json_value *jpath = json_get(item, "path");
    resp_path data_path = {0}, client_path = {0};
    bool resolved = false;
    if (jpath && jpath->type == JSON_ARRAY && skip <= jpath->len && (prefix || jpath->len) &&
        error_data_path(e->arena, jpath, prefix, skip, &data_path))
        client_path = map_path(e->arena, shape, &data_path, &resolved);
    if (only_if_resolved && !resolved) return false;
    resp_error *err =
        errors_add(e, message && message->type == JSON_STRING ? message->u.str : "Subgraph error",
                   &client_path);
    const json_value *extensions = json_get(item, "extensions");
    if (extensions && extensions->type == JSON_OBJECT) err->extensions = extensions;
    return true;
}

/* i of a path ["_entities", i, ...], or -1. */
static int64_t entity_index(const json_value *item, uint32_t nentities)
{
    const json_value *jpath = json_get(item, "path");
    int64_t i;
    if (!jpath || jpath->type != JSON_ARRAY || jpath->len < 2 ||
        jpath->u.items[0].type != JSON_STRING ||
        strcmp(jpath->u.items[0].u.str, "_entities") != 0 ||
        !json_as_int64(&jpath->u.items[1], &i) || i < 0 || i >= (int64_t)nentities)
        return -1;
    return i;
}

void errors_forward(resp_errors *e, const plan_shape *shape, const json_value *errors,
                    const errors_entity *entities, uint32_t nentities)
{
    if (!errors || errors->type != JSON_ARRAY) return;
    for (uint32_t i = 0; i < errors->len; i++) {
        const json_value *item = &errors->u.items[i];
        if (!entities) {
            forward_one(e, shape, item, NULL, 0, false);
            continue;
        }
        int64_t index = entity_index(item, nentities);
        if (index < 0) {
            forward_one(e, shape, item, NULL, UINT32_MAX, false); /* no usable path */
            continue;
        }
        const errors_entity *entity = &entities[index];
        bool added = false;
        for (uint32_t p = 0; p < entity->npaths; p++)
            added |= forward_one(e, shape, item, entity->paths[p], 2, true);
        if (!added && entity->npaths) /* nowhere in the shape: keep it, at the first place */
            forward_one(e, shape, item, entity->paths[0], 2, false);
    }
}

static bool path_has_prefix(const resp_path *p, const resp_path *prefix)
{
    if (p->len < prefix->len) return false;
    for (uint32_t i = 0; i < prefix->len; i++) {
        const resp_step *a = &p->steps[i], *b = &prefix->steps[i];
        if (!a->key != !b->key) return false;
        if (a->key ? strcmp(a->key, b->key) != 0 : a->index != b->index) return false;
    }
    return true;
}

bool errors_cover(const resp_errors *e, const resp_path *path)
{
    for (const resp_error *err = e->first; err; err = err->next)
        if (err->path.len && path_has_prefix(&err->path, path)) return true;
    return false;
}

static void write_path(sbuf *out, const resp_path *p)
{
    sbuf_putc(out, '[');
    for (uint32_t i = 0; i < p->len; i++) {
        if (i) sbuf_putc(out, ',');
        if (p->steps[i].key)
            sbuf_json_string(out, p->steps[i].key, strlen(p->steps[i].key));
        else
            sbuf_printf(out, "%u", p->steps[i].index);
    }
    sbuf_putc(out, ']');
}

static void write_error(sbuf *out, const resp_error *err)
{
    sbuf_puts(out, "{\"message\":");
    sbuf_json_string(out, err->message, strlen(err->message));
    if (err->path.len) {
        sbuf_puts(out, ",\"path\":");
        write_path(out, &err->path);
    }
    if (err->extensions) {
        sbuf_puts(out, ",\"extensions\":");
        json_write(out, err->extensions);
    } else if (err->code || err->service) {
        sbuf_puts(out, ",\"extensions\":{");
        if (err->code) {
            sbuf_puts(out, "\"code\":");
            sbuf_json_string(out, err->code, strlen(err->code));
        }
        if (err->service) {
            sbuf_puts(out, err->code ? ",\"serviceName\":" : "\"serviceName\":");
            sbuf_json_string(out, err->service, strlen(err->service));
        }
        sbuf_putc(out, '}');
    }
    sbuf_putc(out, '}');
}

void errors_write(sbuf *out, const resp_errors *e)
{
    sbuf_putc(out, '[');
    for (const resp_error *err = e->first; err; err = err->next) {
        if (err != e->first) sbuf_putc(out, ',');
        write_error(out, err);
    }
    sbuf_putc(out, ']');
}
