/* daemon_admin.c: what the admin API's endpoints do (admin.h does the HTTP).
 * Each runs on libmicrohttpd's thread and holds the daemon's lock. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon_int.h"

static void json_string_or_null(sbuf *out, const char *s)
{
    if (s && *s)
        sbuf_json_string(out, s, strlen(s));
    else
        sbuf_puts(out, "null");
}

static void write_subgraph_status(const cpd *d, const cpd_subgraph *g, sbuf *out)
{
    const poll_source *s = poller_find(&d->poller, g->name);
    sbuf_puts(out, "{\"name\":");
    sbuf_json_string(out, g->name, strlen(g->name));
    sbuf_puts(out, ",\"url\":");
    sbuf_json_string(out, g->url, strlen(g->url));
    sbuf_puts(out, ",\"sdl_file\":");
    json_string_or_null(out, g->sdl_file);
    sbuf_puts(out, ",\"sdl_sha256\":");
    json_string_or_null(out, s ? s->sdl_sha256 : NULL);
    sbuf_printf(out, ",\"last_poll_ms\":%" PRIu64 ",\"last_change_ms\":%" PRIu64 ",\"error\":",
                s ? s->last_poll_ms : 0, s ? s->last_change_ms : 0);
    json_string_or_null(out, s ? s->error : NULL);
    sbuf_putc(out, '}');
}

static void op_status(void *ctx, sbuf *out)
{
    cpd *d = ctx;
    pthread_mutex_lock(&d->lock);
    sbuf_printf(out, "{\"version\":%" PRIu64 ",\"sha256\":", d->version);
    json_string_or_null(out, d->version ? d->sha256 : NULL);
    if (d->version)
        sbuf_printf(out, ",\"composed_at_ms\":%" PRIu64, d->composed_at_ms);
    else
        sbuf_puts(out, ",\"composed_at_ms\":null");
    sbuf_printf(out, ",\"composition\":{\"ok\":%s,\"errors\":", d->last.ok ? "true" : "false");
    composition_write_errors(&d->last, out);
    sbuf_printf(out, ",\"attempted_at_ms\":%" PRIu64 ",\"publish_error\":",
                d->attempted ? d->last.at_ms : 0);
    json_string_or_null(out, d->publish_error);
    sbuf_printf(out, "},\"plans\":{\"precompiled\":%u,\"failed\":%u,\"first_failure\":",
                d->plans.planned, d->plans.failed);
    json_string_or_null(out, d->plans.first_failure);
    sbuf_puts(out, "},\"subgraphs\":[");
    for (uint32_t i = 0; i < d->nsubgraphs; i++) {
        if (i) sbuf_putc(out, ',');
        write_subgraph_status(d, &d->subgraphs[i], out);
    }
    sbuf_puts(out, "]}");
    pthread_mutex_unlock(&d->lock);
}

static void op_sidecars(void *ctx, sbuf *out)
{
    cpd *d = ctx;
    pthread_mutex_lock(&d->lock);
    reg_write_json(&d->sidecars, out);
    pthread_mutex_unlock(&d->lock);
}

static bool op_supergraph(void *ctx, sbuf *out)
{
    cpd *d = ctx;
    pthread_mutex_lock(&d->lock);
    bool have = d->supergraph != NULL;
    if (have) sbuf_append(out, d->supergraph, d->supergraph_len);
    pthread_mutex_unlock(&d->lock);
    return have;
}

static void metric(sbuf *out, const char *name, const char *type, const char *help)
{
    sbuf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* One line per version with the number of sidecars running it. */
static void sidecars_per_version(const registry *r, sbuf *out)
{
    uint64_t *seen = calloc(r->n + 1, sizeof *seen);
    if (!seen) return;
    uint32_t nseen = 0;
    for (uint32_t i = 0; i < r->n; i++) {
        uint64_t v = r->sidecars[i].version;
        bool done = false;
        for (uint32_t j = 0; j < nseen && !done; j++)
            done = seen[j] == v;
        if (done) continue;
        seen[nseen++] = v;
        uint32_t count = 0;
        for (uint32_t j = 0; j < r->n; j++)
            count += r->sidecars[j].version == v;
        sbuf_printf(out, "fedmesh_controlplane_sidecars{version=\"%" PRIu64 "\"} %u\n", v, count);
    }
    free(seen);
}

static void op_metrics(void *ctx, sbuf *out)
{
    cpd *d = ctx;
    pthread_mutex_lock(&d->lock);
    metric(out, "fedmesh_controlplane_version", "gauge",
           "Version of the current bundle (0: none).");
    sbuf_printf(out, "fedmesh_controlplane_version %" PRIu64 "\n", d->version);
    metric(out, "fedmesh_controlplane_compositions_total", "counter", "Composition attempts.");
    sbuf_printf(out,
                "fedmesh_controlplane_compositions_total{result=\"ok\"} %" PRIu64 "\n"
                "fedmesh_controlplane_compositions_total{result=\"failed\"} %" PRIu64 "\n",
                d->compositions_ok, d->compositions_failed);
    metric(out, "fedmesh_controlplane_polls_total", "counter", "Subgraph SDL polls.");
    for (uint32_t i = 0; i < d->poller.nsources; i++) {
        const poll_source *s = d->poller.sources[i];
        sbuf_printf(out,
                    "fedmesh_controlplane_polls_total{subgraph=\"%s\",result=\"ok\"} %" PRIu64 "\n"
                    "fedmesh_controlplane_polls_total{subgraph=\"%s\",result=\"failed\"} %" PRIu64
                    "\n",
                    s->name, s->polls_ok, s->name, s->polls_failed);
    }
    metric(out, "fedmesh_controlplane_sidecars", "gauge", "Sidecars by the version they run.");
    sidecars_per_version(&d->sidecars, out);
    metric(out, "fedmesh_controlplane_publish_total", "counter", "Bundles announced on PUB.");
    sbuf_printf(out, "fedmesh_controlplane_publish_total %" PRIu64 "\n", d->pub.announcements);
    metric(out, "fedmesh_controlplane_rollbacks_total", "counter", "Rollbacks published.");
    sbuf_printf(out, "fedmesh_controlplane_rollbacks_total %" PRIu64 "\n", d->rollbacks);
    metric(out, "fedmesh_controlplane_fetches_total", "counter", "Fetch requests answered.");
    sbuf_printf(out, "fedmesh_controlplane_fetches_total %" PRIu64 "\n", d->pub.fetches);
    metric(out, "fedmesh_controlplane_report_frames_total", "counter", "Report frames received.");
    sbuf_printf(out,
                "fedmesh_controlplane_report_frames_total{result=\"ok\"} %" PRIu64 "\n"
                "fedmesh_controlplane_report_frames_total{result=\"dropped\"} %" PRIu64 "\n",
                d->pub.report_frames, d->pub.report_frames_dropped);
    metric(out, "fedmesh_controlplane_precompiled_plans", "gauge",
           "Precompiled plans in the current bundle.");
    sbuf_printf(out, "fedmesh_controlplane_precompiled_plans %u\n", d->plans.planned);
    pthread_mutex_unlock(&d->lock);
}

static cpd_subgraph *find_subgraph(cpd *d, const char *name)
{
    for (uint32_t i = 0; i < d->nsubgraphs; i++)
        if (strcmp(d->subgraphs[i].name, name) == 0) return &d->subgraphs[i];
    return NULL;
}

bool cpd_add_subgraph(cpd *d, const char *name, const char *url, const char *sdl_file)
{
    if (d->nsubgraphs == d->subgraphs_cap) {
        uint32_t cap = d->subgraphs_cap ? d->subgraphs_cap * 2 : 8;
        cpd_subgraph *grown = realloc(d->subgraphs, cap * sizeof *grown);
        if (!grown) return false;
        d->subgraphs = grown;
        d->subgraphs_cap = cap;
    }
    cpd_subgraph *g = &d->subgraphs[d->nsubgraphs];
    g->name = strdup(name);
    g->url = strdup(url);
    g->sdl_file = sdl_file ? strdup(sdl_file) : NULL;
    if (!g->name || !g->url || (sdl_file && !g->sdl_file)) {
        free(g->name);
        free(g->url);
        free(g->sdl_file);
        return false;
    }
    d->nsubgraphs++;
    d->subgraphs_dirty = true;
    return true;
}

bool cpd_save_subgraphs(cpd *d)
{
    sbuf json;
    sbuf_init(&json);
    sbuf_putc(&json, '[');
    for (uint32_t i = 0; i < d->nsubgraphs; i++) {
        const cpd_subgraph *g = &d->subgraphs[i];
        sbuf_puts(&json, i ? ",\n{\"name\":" : "{\"name\":");
        sbuf_json_string(&json, g->name, strlen(g->name));
        sbuf_puts(&json, ",\"url\":");
        sbuf_json_string(&json, g->url, strlen(g->url));
        if (g->sdl_file) {
            sbuf_puts(&json, ",\"sdl_file\":");
            sbuf_json_string(&json, g->sdl_file, strlen(g->sdl_file));
        }
        sbuf_putc(&json, '}');
    }
    sbuf_puts(&json, "]\n");
    bool ok = store_save_subgraphs(&d->store, json.data, json.len);
    sbuf_free(&json);
    return ok;
}

static int op_add(void *ctx, const char *name, const char *url, const char *sdl_file, sbuf *out)
{
    cpd *d = ctx;
    char msg[256];
    int status = 201;
    pthread_mutex_lock(&d->lock);
    if (find_subgraph(d, name)) {
        snprintf(msg, sizeof msg, "subgraph \"%s\" is already in the list", name);
        admin_error_json(out, msg);
        status = 409;
    } else if (d->nsubgraphs >= CFG_MAX_SUBGRAPHS) {
        snprintf(msg, sizeof msg, "the list already has %d subgraphs", CFG_MAX_SUBGRAPHS);
        admin_error_json(out, msg);
        status = 409;
    } else if (!cpd_add_subgraph(d, name, url, sdl_file) || !cpd_save_subgraphs(d)) {
        admin_error_json(out, "cannot save the subgraph list");
        status = 500;
    } else {
        sbuf_puts(out, "{\"added\":");
        sbuf_json_string(out, name, strlen(name));
        sbuf_printf(out, ",\"subgraphs\":%u}", d->nsubgraphs);
        poller_wakeup(&d->poller);
    }
    pthread_mutex_unlock(&d->lock);
    return status;
}

static int op_remove(void *ctx, const char *name, sbuf *out)
{
    cpd *d = ctx;
    int status = 200;
    pthread_mutex_lock(&d->lock);
    cpd_subgraph *g = find_subgraph(d, name);
    if (!g) {
        char msg[256];
        snprintf(msg, sizeof msg, "no subgraph named \"%.200s\"", name);
        admin_error_json(out, msg);
        status = 404;
    } else {
        sbuf_puts(out, "{\"removed\":");
        sbuf_json_string(out, name, strlen(name));
        uint32_t i = (uint32_t)(g - d->subgraphs);
        free(g->name);
        free(g->url);
        free(g->sdl_file);
        memmove(g, g + 1, (d->nsubgraphs - i - 1) * sizeof *g); /* the list keeps its order */
        d->nsubgraphs--;
        d->subgraphs_dirty = true;
        if (!cpd_save_subgraphs(d)) {
            admin_error_json(out, "cannot save the subgraph list");
            status = 500;
        } else {
            sbuf_printf(out, ",\"subgraphs\":%u}", d->nsubgraphs);
        }
        poller_wakeup(&d->poller);
    }
    pthread_mutex_unlock(&d->lock);
    return status;
}

static int op_rollback(void *ctx, uint64_t version, sbuf *out)
{
    cpd *d = ctx;
    pthread_mutex_lock(&d->lock);
    int status = cpd_rollback(d, version, out);
    pthread_mutex_unlock(&d->lock);
    return status;
}

const admin_ops cpd_admin_ops = {NULL,          op_status, op_sidecars, op_metrics,
                                 op_supergraph, op_add,    op_remove,   op_rollback};
