/* config.c: the YAML configuration (see config.h). libyaml loads the file as
 * a node graph; a walker that knows the fixed shape of the file reads it, so
 * nesting is bounded by the shape, not by the input, and an unknown key is an
 * error (a typo must not silently fall back to a default). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "fileio.h"

typedef struct cfg_reader {
    cfg *c;
    yaml_document_t *doc;
    const char *name;     /* labels messages */
    const char *base_dir; /* resolves relative paths */
    void *item;           /* the list entry being read: a cfg_subgraph or an operation slot */
    char *err;
    size_t errlen;
    bool failed;
} cfg_reader;

static void fail_at(cfg_reader *r, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail_at(cfg_reader *r, const yaml_node_t *n, const char *fmt, ...)
{
    if (r->failed) return;
    r->failed = true;
    int off =
        n ? snprintf(r->err, r->errlen, "%s:%lu:%lu: ", r->name,
                     (unsigned long)n->start_mark.line + 1, (unsigned long)n->start_mark.column + 1)
          : snprintf(r->err, r->errlen, "%s: ", r->name);
    if (off < 0 || (size_t)off >= r->errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + off, r->errlen - (size_t)off, fmt, ap);
    va_end(ap);
}

static const char *scalar_text(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

/* A scalar's text; NULL (and an error) for a mapping or a sequence. */
static const char *want_string(cfg_reader *r, const yaml_node_t *n, const char *key)
{
    if (n->type != YAML_SCALAR_NODE) {
        fail_at(r, n, "%s must be a string", key);
        return NULL;
    }
    return arena_strndup(&r->c->arena, scalar_text(n), n->data.scalar.length);
}

static bool want_uint(cfg_reader *r, const yaml_node_t *n, const char *key, uint32_t min,
                      uint32_t max, uint32_t *out)
{
    const char *s = n->type == YAML_SCALAR_NODE ? scalar_text(n) : "";
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (n->type != YAML_SCALAR_NODE || *s < '0' || *s > '9' || *end || errno) {
        fail_at(r, n, "%s must be a whole number", key);
        return false;
    }
    if (v < min || v > max) {
        fail_at(r, n, "%s must be between %u and %u, not %llu", key, min, max, v);
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

/* path as is when absolute or empty, else under the config file's directory. */
static const char *resolve_path(cfg_reader *r, const char *path)
{
    if (!path || !*path || path[0] == '/' || !r->base_dir) return path;
    return arena_sprintf(&r->c->arena, "%s/%s", r->base_dir, path);
}

static const char *want_path(cfg_reader *r, const yaml_node_t *n, const char *key)
{
    return resolve_path(r, want_string(r, n, key));
}

/* One key of a mapping section: its name and what reads its value. */
typedef struct cfg_key {
    const char *name;
    void (*read)(cfg_reader *r, const yaml_node_t *value, const char *key);
} cfg_key;

static void read_section(cfg_reader *r, const yaml_node_t *map, const char *section,
                         const cfg_key *keys)
{
    if (map->type != YAML_MAPPING_NODE) {
        fail_at(r, map, "%s must be a mapping", section);
        return;
    }
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top && !r->failed; p++) {
        const yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
        const yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
        if (k->type != YAML_SCALAR_NODE) {
            fail_at(r, k, "keys of %s must be strings", section);
            return;
        }
        const cfg_key *hit = NULL;
        for (const cfg_key *ck = keys; ck->name && !hit; ck++)
            if (strcmp(ck->name, scalar_text(k)) == 0) hit = ck;
        if (!hit) {
            fail_at(r, k, "unknown key \"%s\" in %s", scalar_text(k), section);
            return;
        }
        char full[96];
        snprintf(full, sizeof full, "%s%s%s", strcmp(section, "the file") ? section : "",
                 strcmp(section, "the file") ? "." : "", hit->name);
        hit->read(r, v, full);
    }
}

#define STRING_READER(fn, field)                                                                   \
    static void fn(cfg_reader *r, const yaml_node_t *v, const char *key)                           \
    {                                                                                              \
        const char *s = want_string(r, v, key);                                                    \
        if (s) r->c->field = s;                                                                    \
    }
#define PATH_READER(fn, field)                                                                     \
    static void fn(cfg_reader *r, const yaml_node_t *v, const char *key)                           \
    {                                                                                              \
        const char *s = want_path(r, v, key);                                                      \
        if (s) r->c->field = s;                                                                    \
    }
#define UINT_READER(fn, field, min, max)                                                           \
    static void fn(cfg_reader *r, const yaml_node_t *v, const char *key)                           \
    {                                                                                              \
        want_uint(r, v, key, min, max, &r->c->field);                                              \
    }

PATH_READER(read_state_dir, state_dir)
STRING_READER(read_admin_listen, admin_listen)
STRING_READER(read_admin_token, admin_token)
STRING_READER(read_nng_publish, nng_publish)
STRING_READER(read_nng_fetch, nng_fetch)
STRING_READER(read_nng_report, nng_report)
STRING_READER(read_advertise_host, advertise_host)
PATH_READER(read_tls_cert, tls_cert_file)
PATH_READER(read_tls_key, tls_key_file)
UINT_READER(read_interval, poll_interval_ms, 10, 86400000)
UINT_READER(read_jitter, poll_jitter_ms, 0, 86400000)
UINT_READER(read_timeout, poll_timeout_ms, 10, 600000)
UINT_READER(read_max_backoff, poll_max_backoff_ms, 10, 86400000)
UINT_READER(read_usage_top, usage_top, 0, 10000)

static const cfg_key admin_keys[] = {
    {"listen", read_admin_listen}, {"token", read_admin_token}, {NULL, NULL}};
static const cfg_key nng_keys[] = {{"publish", read_nng_publish},
                                   {"fetch", read_nng_fetch},
                                   {"report", read_nng_report},
                                   {"advertise_host", read_advertise_host},
                                   {"tls_cert_file", read_tls_cert},
                                   {"tls_key_file", read_tls_key},
                                   {NULL, NULL}};
static const cfg_key poll_keys[] = {{"interval_ms", read_interval},
                                    {"jitter_ms", read_jitter},
                                    {"timeout_ms", read_timeout},
                                    {"max_backoff_ms", read_max_backoff},
                                    {NULL, NULL}};
static const cfg_key usage_keys[] = {{"top", read_usage_top}, {NULL, NULL}};

static void read_admin(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    read_section(r, v, key, admin_keys);
}
static void read_nng(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    read_section(r, v, key, nng_keys);
}
static void read_poll(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    read_section(r, v, key, poll_keys);
}
static void read_usage(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    read_section(r, v, key, usage_keys);
}

static void read_sg_name(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    ((cfg_subgraph *)r->item)->name = want_string(r, v, key);
}
static void read_sg_url(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    ((cfg_subgraph *)r->item)->url = want_string(r, v, key);
}
static void read_sg_sdl_file(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    ((cfg_subgraph *)r->item)->sdl_file = want_path(r, v, key);
}
static void read_op_file(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    *(const char **)r->item = want_path(r, v, key);
}

static const cfg_key subgraph_keys[] = {
    {"name", read_sg_name}, {"url", read_sg_url}, {"sdl_file", read_sg_sdl_file}, {NULL, NULL}};
static const cfg_key operation_keys[] = {{"file", read_op_file}, {NULL, NULL}};

static const yaml_node_item_t *sequence_items(cfg_reader *r, const yaml_node_t *v, const char *key,
                                              uint32_t max, uint32_t *n)
{
    if (v->type == YAML_SCALAR_NODE && v->data.scalar.length == 0) { /* "key:" alone */
        *n = 0;
        return NULL;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
        fail_at(r, v, "%s must be a list", key);
        return NULL;
    }
    size_t count = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
    if (count > max) {
        fail_at(r, v, "%s has %zu entries; at most %u are allowed", key, count, max);
        return NULL;
    }
    *n = (uint32_t)count;
    return v->data.sequence.items.start;
}

static void check_subgraph(cfg_reader *r, const yaml_node_t *item, const cfg_subgraph *s,
                           const cfg *c)
{
    if (!s->name) return fail_at(r, item, "a subgraph needs a name");
    if (!cfg_valid_subgraph_name(s->name))
        return fail_at(r, item, "subgraph name \"%s\" is not a valid name", s->name);
    if (!s->url) return fail_at(r, item, "subgraph \"%s\" needs a url", s->name);
    if (!cfg_valid_url(s->url))
        return fail_at(r, item, "subgraph \"%s\": url \"%s\" is not an http(s) URL", s->name,
                       s->url);
    for (const cfg_subgraph *o = c->subgraphs; o < s; o++)
        if (strcmp(o->name, s->name) == 0)
            return fail_at(r, item, "subgraph \"%s\" is listed twice", s->name);
}

static void read_subgraphs(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    uint32_t n = 0;
    const yaml_node_item_t *items = sequence_items(r, v, key, CFG_MAX_SUBGRAPHS, &n);
    r->c->subgraphs = ARENA_ARRAY(&r->c->arena, cfg_subgraph, n ? n : 1);
    r->c->nsubgraphs = 0;
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        const yaml_node_t *item = yaml_document_get_node(r->doc, items[i]);
        cfg_subgraph *s = &r->c->subgraphs[i];
        r->item = s;
        read_section(r, item, "subgraphs[]", subgraph_keys);
        if (r->failed) return;
        if (s->sdl_file && !*s->sdl_file) s->sdl_file = NULL;
        check_subgraph(r, item, s, r->c);
        r->c->nsubgraphs = i + 1;
    }
}

static void read_operations(cfg_reader *r, const yaml_node_t *v, const char *key)
{
    uint32_t n = 0;
    const yaml_node_item_t *items = sequence_items(r, v, key, CFG_MAX_OPERATIONS, &n);
    r->c->operations = ARENA_ARRAY(&r->c->arena, const char *, n ? n : 1);
    r->c->noperations = 0;
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        const yaml_node_t *item = yaml_document_get_node(r->doc, items[i]);
        r->item = &r->c->operations[i];
        read_section(r, item, "operations[]", operation_keys);
        if (r->failed) return;
        if (!r->c->operations[i] || !*r->c->operations[i])
            return fail_at(r, item, "an operation needs a file");
        r->c->noperations = i + 1;
    }
}

static const cfg_key top_keys[] = {
    {"state_dir", read_state_dir}, {"admin", read_admin}, {"nng", read_nng},
    {"poll", read_poll},           {"usage", read_usage}, {"operations", read_operations},
    {"subgraphs", read_subgraphs}, {NULL, NULL}};

static void set_defaults(cfg *c)
{
    c->state_dir = "/var/lib/fedmesh";
    c->admin_listen = "127.0.0.1:7000";
    c->admin_token = "";
    c->nng_publish = "tcp://127.0.0.1:7100";
    c->nng_fetch = "tcp://127.0.0.1:7101";
    c->nng_report = "tcp://127.0.0.1:7102";
    c->advertise_host = "";
    c->tls_cert_file = "";
    c->tls_key_file = "";
    c->poll_interval_ms = 250;
    c->poll_jitter_ms = 50;
    c->poll_timeout_ms = 2000;
    c->poll_max_backoff_ms = 10000;
    c->usage_top = 20;
}

/* FEDMESH_* variables beat the file (docs/MESH.md lists them). */
static void apply_env(cfg_reader *r)
{
    static const struct {
        const char *var;
        size_t offset;
    } strings[] = {
        {"FEDMESH_STATE_DIR", offsetof(cfg, state_dir)},
        {"FEDMESH_ADMIN_LISTEN", offsetof(cfg, admin_listen)},
        {"FEDMESH_ADMIN_TOKEN", offsetof(cfg, admin_token)},
        {"FEDMESH_NNG_PUBLISH", offsetof(cfg, nng_publish)},
        {"FEDMESH_NNG_FETCH", offsetof(cfg, nng_fetch)},
        {"FEDMESH_NNG_REPORT", offsetof(cfg, nng_report)},
    };
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        const char *v = getenv(strings[i].var);
        if (v) *(const char **)((char *)r->c + strings[i].offset) = arena_strdup(&r->c->arena, v);
    }
    const char *interval = getenv("FEDMESH_POLL_INTERVAL_MS");
    if (!interval) return;
    char *end;
    errno = 0;
    unsigned long v = strtoul(interval, &end, 10);
    if (*interval < '0' || *interval > '9' || *end || errno || v < 10 || v > 86400000)
        fail_at(r, NULL, "FEDMESH_POLL_INTERVAL_MS must be a whole number from 10 to 86400000");
    else
        r->c->poll_interval_ms = (uint32_t)v;
}

static bool valid_nng_url(const char *url)
{
    return strncmp(url, "tcp://", 6) == 0 || strncmp(url, "tls+tcp://", 10) == 0 ||
           strncmp(url, "ipc://", 6) == 0 || strncmp(url, "inproc://", 9) == 0;
}

static bool uses_tls(const cfg *c)
{
    return strncmp(c->nng_publish, "tls+", 4) == 0 || strncmp(c->nng_fetch, "tls+", 4) == 0 ||
           strncmp(c->nng_report, "tls+", 4) == 0;
}

/* Checks that need the whole file and the environment applied. */
static void check_all(cfg_reader *r)
{
    cfg *c = r->c;
    if (!*c->state_dir) return fail_at(r, NULL, "state_dir must not be empty");
    const char *colon = strrchr(c->admin_listen, ':');
    if (!colon || colon == c->admin_listen || !colon[1])
        return fail_at(r, NULL, "admin.listen \"%s\" must be HOST:PORT", c->admin_listen);
    if (!cfg_is_loopback(c->admin_listen) && !*c->admin_token)
        return fail_at(r, NULL,
                       "admin.token is required when admin.listen (%s) is not a loopback address",
                       c->admin_listen);
    const char *urls[] = {c->nng_publish, c->nng_fetch, c->nng_report};
    const char *names[] = {"nng.publish", "nng.fetch", "nng.report"};
    for (int i = 0; i < 3; i++)
        if (!valid_nng_url(urls[i]))
            return fail_at(r, NULL,
                           "%s \"%s\" must start with tcp://, tls+tcp://, ipc:// or inproc://",
                           names[i], urls[i]);
    if (uses_tls(c) && (!*c->tls_cert_file || !*c->tls_key_file))
        return fail_at(r, NULL, "tls+tcp:// addresses need nng.tls_cert_file and nng.tls_key_file");
    if (c->poll_jitter_ms >= c->poll_interval_ms)
        return fail_at(r, NULL, "poll.jitter_ms (%u) must be less than poll.interval_ms (%u)",
                       c->poll_jitter_ms, c->poll_interval_ms);
    if (c->poll_max_backoff_ms < c->poll_interval_ms)
        return fail_at(r, NULL, "poll.max_backoff_ms (%u) must be at least poll.interval_ms (%u)",
                       c->poll_max_backoff_ms, c->poll_interval_ms);
}

static void read_document(cfg_reader *r, const char *text, size_t len)
{
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_document_t doc;
    if (!yaml_parser_load(&parser, &doc)) {
        r->failed = true;
        snprintf(r->err, r->errlen, "%s:%lu:%lu: %s%s%s", r->name,
                 (unsigned long)parser.problem_mark.line + 1,
                 (unsigned long)parser.problem_mark.column + 1,
                 parser.problem ? parser.problem : "malformed YAML", parser.context ? " " : "",
                 parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return;
    }
    r->doc = &doc;
    const yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0))
        read_section(r, root, "the file", top_keys);
    r->doc = NULL;
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
}

bool cfg_parse(cfg *c, const char *text, size_t len, const char *name, const char *base_dir,
               char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    arena_init(&c->arena, 0);
    set_defaults(c);
    c->subgraphs = ARENA_ARRAY(&c->arena, cfg_subgraph, 1);
    c->operations = ARENA_ARRAY(&c->arena, const char *, 1);
    cfg_reader r = {.c = c, .name = name, .base_dir = base_dir, .err = err, .errlen = errlen};
    read_document(&r, text, len);
    if (!r.failed) apply_env(&r);
    if (!r.failed) check_all(&r);
    if (r.failed) {
        c->nsubgraphs = 0;
        c->noperations = 0;
    }
    return !r.failed;
}

bool cfg_load(cfg *c, const char *path, char *err, size_t errlen)
{
    size_t len = 0;
    char *text = fio_read(path, CFG_MAX_FILE_BYTES, &len);
    if (!text) {
        memset(c, 0, sizeof *c);
        arena_init(&c->arena, 0);
        snprintf(err, errlen, "%s: %s", path,
                 errno == EFBIG ? "larger than 1 MiB" : strerror(errno));
        return false;
    }
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : NULL;
    bool ok = cfg_parse(c, text, len, path, dir, err, errlen);
    free(dir);
    free(text);
    return ok;
}

void cfg_free(cfg *c)
{
    arena_free(&c->arena);
    memset(c, 0, sizeof *c);
}

bool cfg_is_loopback(const char *host_port)
{
    const char *colon = strrchr(host_port, ':');
    size_t n = colon ? (size_t)(colon - host_port) : strlen(host_port);
    if (n == 9 && strncmp(host_port, "localhost", 9) == 0) return true;
    if (n == 5 && strncmp(host_port, "[::1]", 5) == 0) return true;
    if (n == 3 && strncmp(host_port, "::1", 3) == 0) return true;
    return n >= 4 && strncmp(host_port, "127.", 4) == 0;
}

bool cfg_valid_subgraph_name(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64) return false;
    if (!(name[0] == '_' || (name[0] >= 'A' && name[0] <= 'Z') ||
          (name[0] >= 'a' && name[0] <= 'z')))
        return false;
    for (size_t i = 1; i < n; i++) {
        char ch = name[i];
        if (!(ch == '_' || ch == '-' || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
              (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

bool cfg_valid_url(const char *url)
{
    const char *rest = strncmp(url, "http://", 7) == 0    ? url + 7
                       : strncmp(url, "https://", 8) == 0 ? url + 8
                                                          : NULL;
    if (!rest || !*rest || *rest == '/') return false;
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f) return false;
    return true;
}
