/* registry.c: see registry.h. */
#include "registry.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void reg_init(registry *r)
{
    memset(r, 0, sizeof *r);
}

static void free_sidecar(reg_sidecar *s)
{
    free(s->id);
    free(s->admin);
    free(s->listen);
    free(s->sha256);
    free(s->rejected_reason);
}

void reg_free(registry *r)
{
    for (uint32_t i = 0; i < r->n; i++)
        free_sidecar(&r->sidecars[i]);
    free(r->sidecars);
    memset(r, 0, sizeof *r);
}

static char *bounded_copy(const char *s)
{
    size_t n = strnlen(s ? s : "", REG_MAX_TEXT);
    return strndup(s ? s : "", n);
}

static void replace(char **field, const char *value)
{
    if (!value) return;
    char *copy = bounded_copy(value);
    if (!copy) return;
    free(*field);
    *field = copy;
}

const reg_sidecar *reg_find(const registry *r, const char *id)
{
    size_t n = strnlen(id, REG_MAX_TEXT); /* ids are kept cut to REG_MAX_TEXT */
    for (uint32_t i = 0; i < r->n; i++)
        if (strlen(r->sidecars[i].id) == n && memcmp(r->sidecars[i].id, id, n) == 0)
            return &r->sidecars[i];
    return NULL;
}

/* Forgets the sidecar heard least recently to make room. */
static void evict_oldest(registry *r)
{
    uint32_t oldest = 0;
    for (uint32_t i = 1; i < r->n; i++)
        if (r->sidecars[i].last_heard_ms < r->sidecars[oldest].last_heard_ms) oldest = i;
    free_sidecar(&r->sidecars[oldest]);
    r->sidecars[oldest] = r->sidecars[--r->n];
}

/* The entry of id, created when new; NULL only when memory runs out. */
static reg_sidecar *entry(registry *r, const char *id, uint64_t now_ms)
{
    reg_sidecar *s = (reg_sidecar *)reg_find(r, id);
    if (!s) {
        if (r->n == REG_MAX_SIDECARS) evict_oldest(r);
        if (r->n == r->cap) {
            uint32_t cap = r->cap ? r->cap * 2 : 16;
            reg_sidecar *grown = realloc(r->sidecars, cap * sizeof *grown);
            if (!grown) return NULL;
            r->sidecars = grown;
            r->cap = cap;
        }
        s = &r->sidecars[r->n];
        memset(s, 0, sizeof *s);
        s->id = bounded_copy(id);
        s->admin = strdup("");
        s->listen = strdup("");
        s->sha256 = strdup("");
        if (!s->id || !s->admin || !s->listen || !s->sha256) {
            free_sidecar(s);
            return NULL;
        }
        r->n++;
    }
    s->last_heard_ms = now_ms;
    return s;
}

void reg_ack(registry *r, const char *id, const char *admin, uint64_t version, const char *sha256,
             uint64_t at_ms, uint64_t now_ms)
{
    reg_sidecar *s = entry(r, id, now_ms);
    if (!s) return;
    replace(&s->admin, admin);
    replace(&s->sha256, sha256);
    s->version = version;
    s->swapped_at_ms = at_ms;
    if (s->rejected_reason && s->rejected_version <= version) {
        free(s->rejected_reason);
        s->rejected_reason = NULL;
        s->rejected_version = 0;
    }
}

void reg_reject(registry *r, const char *id, const char *admin, uint64_t version,
                const char *reason, uint64_t now_ms)
{
    reg_sidecar *s = entry(r, id, now_ms);
    if (!s) return;
    replace(&s->admin, admin);
    replace(&s->rejected_reason, reason ? reason : "");
    s->rejected_version = version;
}

void reg_heartbeat(registry *r, const char *id, const char *admin, uint64_t version,
                   const char *listen, uint64_t now_ms)
{
    reg_sidecar *s = entry(r, id, now_ms);
    if (!s) return;
    replace(&s->admin, admin);
    replace(&s->listen, listen);
    if (s->version != version) replace(&s->sha256, ""); /* an ack we missed: hash unknown */
    s->version = version;
}

void reg_seen(registry *r, const char *id, uint64_t now_ms)
{
    entry(r, id, now_ms);
}

static int by_id(const void *a, const void *b)
{
    return strcmp((*(const reg_sidecar *const *)a)->id, (*(const reg_sidecar *const *)b)->id);
}

void reg_write_json(const registry *r, sbuf *out)
{
    const reg_sidecar **order = malloc((r->n ? r->n : 1) * sizeof *order);
    if (!order) {
        sbuf_puts(out, "[]");
        return;
    }
    for (uint32_t i = 0; i < r->n; i++)
        order[i] = &r->sidecars[i];
    qsort(order, r->n, sizeof *order, by_id);
    sbuf_putc(out, '[');
    for (uint32_t i = 0; i < r->n; i++) {
        const reg_sidecar *s = order[i];
        if (i) sbuf_putc(out, ',');
        sbuf_puts(out, "{\"id\":");
        sbuf_json_string(out, s->id, strlen(s->id));
        sbuf_puts(out, ",\"admin\":");
        sbuf_json_string(out, s->admin, strlen(s->admin));
        sbuf_puts(out, ",\"listen\":");
        sbuf_json_string(out, s->listen, strlen(s->listen));
        sbuf_printf(out, ",\"version\":%" PRIu64 ",\"sha256\":", s->version);
        sbuf_json_string(out, s->sha256, strlen(s->sha256));
        sbuf_printf(out,
                    ",\"swapped_at_ms\":%" PRIu64 ",\"last_heard_ms\":%" PRIu64 ",\"rejected\":",
                    s->swapped_at_ms, s->last_heard_ms);
        if (s->rejected_reason) {
            sbuf_printf(out, "{\"version\":%" PRIu64 ",\"reason\":", s->rejected_version);
            sbuf_json_string(out, s->rejected_reason, strlen(s->rejected_reason));
            sbuf_putc(out, '}');
        } else {
            sbuf_puts(out, "null");
        }
        sbuf_putc(out, '}');
    }
    sbuf_putc(out, ']');
    free(order);
}
