/* composer.c: see composer.h. */
#include "composer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compose.h"
#include "poller.h"
#include "supergraph.h"

static int by_name(const void *a, const void *b)
{
    return strcmp((*(const composer_subgraph *const *)a)->name,
                  (*(const composer_subgraph *const *)b)->name);
}

void composer_fingerprint(const composer_subgraph *subgraphs, uint32_t n,
                          char out[WIRE_SHA256_HEX_SIZE])
{
    const composer_subgraph **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) abort();
    for (uint32_t i = 0; i < n; i++)
        order[i] = &subgraphs[i];
    qsort(order, n, sizeof *order, by_name);
    sbuf text;
    sbuf_init(&text);
    for (uint32_t i = 0; i < n; i++)
        sbuf_printf(&text, "%s\t%s\t%s\n", order[i]->name, order[i]->url,
                    order[i]->sdl_sha256 ? order[i]->sdl_sha256 : "");
    wire_sha256_hex(text.data ? text.data : "", text.len, out);
    sbuf_free(&text);
    free(order);
}

static void add_error(composition *c, const char *code, const char *message, const char *subgraph)
{
    if (c->nerrors == COMPOSER_MAX_ERRORS) return;
    if (!c->errors) c->errors = calloc(COMPOSER_MAX_ERRORS, sizeof *c->errors);
    if (!c->errors) return;
    composer_error *e = &c->errors[c->nerrors++];
    e->code = strdup(code ? code : "");
    e->message = strdup(message);
    e->subgraph = subgraph ? strdup(subgraph) : NULL;
}

static void add_diags(composition *c, const diag_list *list, const char *default_code)
{
    for (const diag *d = list->first; d; d = d->next) {
        char msg[2048];
        if (d->nlocs && d->locs[0].line)
            snprintf(msg, sizeof msg, "%s (%u:%u)", d->message, d->locs[0].line, d->locs[0].column);
        else
            snprintf(msg, sizeof msg, "%s", d->message);
        add_error(c, d->code ? d->code : default_code, msg, d->source);
    }
}

/* Every subgraph has an SDL; else one SUBGRAPH_UNAVAILABLE error for each
 * that has none. */
static bool all_available(const composer_subgraph *subgraphs, uint32_t n, composition *out)
{
    bool ok = true;
    for (uint32_t i = 0; i < n; i++) {
        if (subgraphs[i].sdl) continue;
        char msg[512];
        snprintf(msg, sizeof msg, "no SDL from subgraph \"%s\" yet: %s", subgraphs[i].name,
                 subgraphs[i].poll_error && *subgraphs[i].poll_error ? subgraphs[i].poll_error
                                                                     : "not polled yet");
        add_error(out, "SUBGRAPH_UNAVAILABLE", msg, subgraphs[i].name);
        ok = false;
    }
    if (n == 0) {
        add_error(out, "NO_SUBGRAPHS", "there are no subgraphs to compose", NULL);
        ok = false;
    }
    return ok;
}

static uint64_t micros(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void compose_and_check(const composer_subgraph *subgraphs, uint32_t n, composition *out)
{
    arena a;
    arena_init(&a, 1 << 16);
    compose_input *in = ARENA_ARRAY(&a, compose_input, n);
    for (uint32_t i = 0; i < n; i++)
        in[i] = (compose_input){subgraphs[i].name, subgraphs[i].url, subgraphs[i].sdl,
                                subgraphs[i].sdl_len};
    compose_result res;
    if (!compose(&a, in, n, &res)) {
        add_diags(out, &res.errors, "COMPOSITION_FAILED");
        if (out->nerrors == 0) add_error(out, "COMPOSITION_FAILED", "composition failed", NULL);
        arena_free(&a);
        return;
    }
    diag_list load_errors;
    diag_init(&load_errors, &a);
    if (!sg_load(&a, res.supergraph, res.supergraph_len, &load_errors)) {
        add_diags(out, &load_errors, "SUPERGRAPH_LOAD_FAILED");
        arena_free(&a);
        return;
    }
    out->supergraph = malloc(res.supergraph_len + 1);
    if (out->supergraph) {
        memcpy(out->supergraph, res.supergraph, res.supergraph_len);
        out->supergraph[res.supergraph_len] = '\0';
        out->supergraph_len = res.supergraph_len;
        out->ok = true;
    }
    arena_free(&a);
}

void composer_run(const composer_subgraph *subgraphs, uint32_t n, composition *out)
{
    memset(out, 0, sizeof *out);
    out->at_ms = poller_wall_ms();
    composer_fingerprint(subgraphs, n, out->composed_from);
    uint64_t t0 = micros();
    if (all_available(subgraphs, n, out)) compose_and_check(subgraphs, n, out);
    out->duration_us = micros() - t0;
}

void composition_free(composition *c)
{
    for (uint32_t i = 0; i < c->nerrors; i++) {
        free(c->errors[i].code);
        free(c->errors[i].message);
        free(c->errors[i].subgraph);
    }
    free(c->errors);
    free(c->supergraph);
    memset(c, 0, sizeof *c);
}

void composition_write_errors(const composition *c, sbuf *out)
{
    sbuf_putc(out, '[');
    for (uint32_t i = 0; i < c->nerrors; i++) {
        const composer_error *e = &c->errors[i];
        if (i) sbuf_putc(out, ',');
        sbuf_puts(out, "{\"code\":");
        sbuf_json_string(out, e->code, strlen(e->code));
        sbuf_puts(out, ",\"message\":");
        sbuf_json_string(out, e->message, strlen(e->message));
        sbuf_puts(out, ",\"subgraph\":");
        if (e->subgraph)
            sbuf_json_string(out, e->subgraph, strlen(e->subgraph));
        else
            sbuf_puts(out, "null");
        sbuf_putc(out, '}');
    }
    sbuf_putc(out, ']');
}

void composition_write_json(const composition *c, sbuf *out)
{
    sbuf_printf(out, "{\"ok\":%s,\"errors\":", c->ok ? "true" : "false");
    composition_write_errors(c, out);
    sbuf_putc(out, '}');
}
