/* daemon_publish.c: from a changed SDL to a published bundle. A composition
 * that fails is recorded (history, /v1/status) and nothing is published: the
 * current bundle keeps running. One that succeeds gets the next version,
 * its plans, a place in the state directory, and then goes out on PUB. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon_int.h"
#include "wire_envelope.h"

/* The poller's view of the subgraph list, in list order. */
static composer_subgraph *snapshot(cpd *d, uint32_t *n)
{
    composer_subgraph *subs = calloc(d->poller.nsources + 1, sizeof *subs);
    if (!subs) return NULL;
    *n = 0;
    for (uint32_t i = 0; i < d->poller.nsources; i++) {
        const poll_source *s = d->poller.sources[i];
        subs[(*n)++] = (composer_subgraph){
            s->name, s->url, s->sdl, s->sdl_len, s->sdl ? s->sdl_sha256 : NULL, s->error};
    }
    return subs;
}

/* Every source has finished a poll at least once: composing before that
 * would report subgraphs as missing that are only slow to answer. */
static bool all_polled(const poller *p)
{
    for (uint32_t i = 0; i < p->nsources; i++)
        if (p->sources[i]->polls_ok + p->sources[i]->polls_failed == 0) return false;
    return true;
}

static void write_subgraphs_json(const composer_subgraph *subs, uint32_t n, sbuf *out)
{
    sbuf_putc(out, '[');
    for (uint32_t i = 0; i < n; i++) {
        if (i) sbuf_putc(out, ',');
        sbuf_puts(out, "{\"name\":");
        sbuf_json_string(out, subs[i].name, strlen(subs[i].name));
        sbuf_puts(out, ",\"url\":");
        sbuf_json_string(out, subs[i].url, strlen(subs[i].url));
        sbuf_puts(out, ",\"sdl_sha256\":");
        if (subs[i].sdl_sha256)
            sbuf_json_string(out, subs[i].sdl_sha256, strlen(subs[i].sdl_sha256));
        else
            sbuf_puts(out, "null");
        sbuf_putc(out, '}');
    }
    sbuf_putc(out, ']');
}

/* One history.jsonl line for a composition attempt (version 0: none published). */
static void record_history(cpd *d, const composition *c, const composer_subgraph *subs, uint32_t n,
                           uint64_t version)
{
    sbuf line;
    sbuf_init(&line);
    sbuf_printf(&line,
                "{\"version\":%" PRIu64 ",\"at_ms\":%" PRIu64 ",\"composed_from\":\"%s\","
                "\"subgraphs\":",
                version, c->at_ms, c->composed_from);
    write_subgraphs_json(subs, n, &line);
    sbuf_puts(&line, ",\"composition\":");
    composition_write_json(c, &line);
    sbuf_putc(&line, '}');
    if (!store_append_history(&d->store, line.data, line.len))
        fprintf(stderr, "fedmesh-controlplane: cannot append to history.jsonl: %m\n");
    sbuf_free(&line);
}

bool cpd_set_current(cpd *d, const void *envelope, size_t len, char *err, size_t errlen)
{
    bundle_facts facts;
    if (!bundle_read_facts(envelope, len, &facts, err, errlen)) return false;
    arena fresh;
    arena_init(&fresh, len + 4096);
    wire_reason why;
    Fedmesh__BundleEnvelope *env = wire_envelope_decode(&fresh, envelope, len, &why);
    if (!env) {
        snprintf(err, errlen, "%s", why.text);
        arena_free(&fresh);
        free(facts.supergraph);
        return false;
    }
    arena_free(&d->current_arena);
    d->current_arena = fresh;
    d->current_env = env;
    d->version = facts.version;
    memcpy(d->sha256, facts.sha256, sizeof d->sha256);
    memcpy(d->composed_from, facts.composed_from, sizeof d->composed_from);
    d->composed_at_ms = facts.created_ms;
    free(d->supergraph);
    d->supergraph = facts.supergraph;
    d->supergraph_len = facts.supergraph_len;
    memset(&d->plans, 0, sizeof d->plans);
    d->plans.planned = facts.nplans;
    return true;
}

/* The operations to precompile: the registered ones, then the most used. */
static bundle_op *operations(cpd *d, uint32_t *n)
{
    uint32_t top = d->config->usage_top;
    bundle_op *ops = calloc(d->nregistered + top + 1, sizeof *ops);
    const usage_op **used = calloc(top + 1, sizeof *used);
    if (!ops || !used) {
        free(ops);
        free(used);
        *n = 0;
        return NULL;
    }
    memcpy(ops, d->registered, d->nregistered * sizeof *ops);
    uint32_t nused = usage_top(&d->usage, top, used);
    for (uint32_t i = 0; i < nused; i++)
        ops[d->nregistered + i] = (bundle_op){used[i]->query, used[i]->operation_name};
    *n = d->nregistered + nused;
    free(used);
    return ops;
}

/* Stores and announces an envelope as the new current bundle. */
static bool install(cpd *d, uint64_t version, const sbuf *envelope, char *err, size_t errlen)
{
    if (!store_put_bundle(&d->store, version, envelope->data, envelope->len, err, errlen))
        return false;
    if (!cpd_set_current(d, envelope->data, envelope->len, err, errlen)) return false;
    if (!pub_announce(&d->pub, envelope->data, envelope->len))
        fprintf(stderr,
                "fedmesh-controlplane: version %" PRIu64
                " not announced (sidecars fetch it instead)\n",
                version);
    return true;
}

/* Builds, stores and announces the bundle of a successful composition;
 * the version it got, or 0 (publish_error says why). */
static uint64_t publish(cpd *d, const composition *c, const composer_subgraph *subs, uint32_t n)
{
    uint32_t nops = 0;
    bundle_op *ops = operations(d, &nops);
    uint64_t version = store_next_version(&d->store);
    bundle_spec spec = {version,          c->at_ms, c->supergraph, c->supergraph_len, subs, n,
                        c->composed_from, ops,      nops};
    sbuf envelope;
    sbuf_init(&envelope);
    char sha[WIRE_SHA256_HEX_SIZE];
    bundle_stats stats;
    char err[512] = "";
    bool ok = bundle_build(&spec, &envelope, sha, &stats, err, sizeof err) &&
              install(d, version, &envelope, err, sizeof err);
    if (ok) {
        d->plans = stats; /* with the failures, which the bundle does not tell */
        d->publish_error[0] = '\0';
        fprintf(stderr,
                "fedmesh-controlplane: version %" PRIu64 " published (%s), %u plans (%u failed) "
                "in %.1f ms\n",
                version, sha, stats.planned, stats.failed, stats.plan_us / 1000.0);
        if (stats.failed)
            fprintf(stderr, "fedmesh-controlplane: an operation was left out: %s\n",
                    stats.first_failure);
        if (stats.image_failure[0])
            fprintf(stderr, "fedmesh-controlplane: no supergraph image in the bundle: %s\n",
                    stats.image_failure);
    } else {
        snprintf(d->publish_error, sizeof d->publish_error, "%s", err);
        fprintf(stderr, "fedmesh-controlplane: composed but not published: %s\n", err);
    }
    sbuf_free(&envelope);
    free(ops);
    return ok ? version : 0;
}

static void log_failure(const composition *c)
{
    fprintf(stderr, "fedmesh-controlplane: composition failed (%u errors); version stays\n",
            c->nerrors);
    for (uint32_t i = 0; i < c->nerrors && i < 10; i++)
        fprintf(stderr, "  %s%s%s%s: %s\n", c->errors[i].code, c->errors[i].subgraph ? " [" : "",
                c->errors[i].subgraph ? c->errors[i].subgraph : "",
                c->errors[i].subgraph ? "]" : "", c->errors[i].message);
}

void cpd_compose_if_changed(cpd *d)
{
    if (!d->poller.changed || !all_polled(&d->poller)) return;
    d->poller.changed = false;
    uint32_t n = 0;
    composer_subgraph *subs = snapshot(d, &n);
    if (!subs) return;
    char from[WIRE_SHA256_HEX_SIZE];
    composer_fingerprint(subs, n, from);
    bool current = d->version && strcmp(from, d->composed_from) == 0;
    bool repeated = d->attempted && strcmp(from, d->last_attempt_from) == 0;
    if (!current && !repeated) {
        composition c;
        composer_run(subs, n, &c);
        memcpy(d->last_attempt_from, from, sizeof from);
        uint64_t version = 0;
        if (c.ok) {
            d->compositions_ok++;
            version = publish(d, &c, subs, n);
        } else {
            d->compositions_failed++;
            log_failure(&c);
        }
        record_history(d, &c, subs, n, version);
        composition_free(&d->last);
        d->last = c;
        d->attempted = true;
    } else if (current) { /* back to what runs: the failure shown before is over */
        composition_free(&d->last);
        d->last.ok = true;
        memcpy(d->last.composed_from, from, sizeof from);
        d->last.at_ms = poller_wall_ms();
        memcpy(d->last_attempt_from, from, sizeof from);
        d->attempted = true;
    }
    free(subs);
}

/* Remembers a rollback: the SDLs as they are now stay rolled back, across a
 * restart too (daemon.c reads the history line back); only a change of them
 * composes again. */
static void record_rollback(cpd *d, uint64_t version, uint64_t of)
{
    uint32_t n = 0;
    composer_subgraph *subs = snapshot(d, &n);
    if (subs) composer_fingerprint(subs, n, d->last_attempt_from);
    free(subs);
    d->attempted = true;
    d->rollbacks++;
    char line[384];
    int len = snprintf(line, sizeof line,
                       "{\"version\":%" PRIu64 ",\"at_ms\":%" PRIu64 ",\"rollback_of\":%" PRIu64
                       ",\"inputs\":\"%s\"}",
                       version, d->composed_at_ms, of, d->last_attempt_from);
    store_append_history(&d->store, line, (size_t)len);
    fprintf(stderr,
            "fedmesh-controlplane: version %" PRIu64 " published: rollback to %" PRIu64 "\n",
            version, of);
}

int cpd_rollback(cpd *d, uint64_t version, sbuf *out)
{
    size_t len = 0;
    void *kept = store_get_bundle(&d->store, version, &len);
    if (!kept) {
        char msg[128];
        snprintf(msg, sizeof msg, "version %" PRIu64 " is not kept", version);
        admin_error_json(out, msg);
        return 404;
    }
    uint64_t next = store_next_version(&d->store);
    sbuf envelope;
    sbuf_init(&envelope);
    char sha[WIRE_SHA256_HEX_SIZE], err[512] = "";
    bool ok = bundle_renumber(kept, len, next, poller_wall_ms(), &envelope, sha, err, sizeof err) &&
              install(d, next, &envelope, err, sizeof err);
    free(kept);
    sbuf_free(&envelope);
    if (!ok) {
        admin_error_json(out, err);
        return 500;
    }
    record_rollback(d, next, version);
    sbuf_printf(out, "{\"version\":%" PRIu64 ",\"rollback_of\":%" PRIu64 ",\"sha256\":\"%s\"}",
                next, version, sha);
    return 200;
}
