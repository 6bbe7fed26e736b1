/* compose_cmd.c: `fedmesh-controlplane compose --subgraph NAME=URL=FILE ...`
 * or `... compose --config FILE` (the daemon's YAML; every subgraph listed
 * there needs an sdl_file, since this command never polls).
 * Reads each subgraph's SDL from FILE, composes them (planner/compose.h) and
 * prints the supergraph to stdout; or prints each error as
 * "CODE: message" with the subgraph and line:column it points at to stderr
 * and exits 1. Hints go to stderr only with --hints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "compose_cmd.h"
#include "config.h"

static void usage(void)
{
    fputs("usage: fedmesh-controlplane compose [--hints] --subgraph NAME=URL=FILE ...\n"
          "       fedmesh-controlplane compose [--hints] --config FILE\n",
          stderr);
}

/* The whole file in the arena, NUL-terminated; NULL when unreadable. */
static char *read_whole_file(arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) free(buf);
            buf = grown;
        }
    }
    bool failed = ferror(f) || !buf;
    fclose(f);
    char *copy = failed ? NULL : arena_strndup(a, buf, n);
    free(buf);
    *len = n;
    return copy;
}

/* NAME=URL=FILE: the URL may hold '=' (query strings), so the name ends at the
 * first '=' and the file begins after the last one. */
static bool parse_spec(arena *a, const char *spec, compose_input *in, const char **file)
{
    const char *first = strchr(spec, '='), *last = strrchr(spec, '=');
    if (!first || first == last || first == spec || !last[1]) return false;
    in->name = arena_strndup(a, spec, (size_t)(first - spec));
    in->url = arena_strndup(a, first + 1, (size_t)(last - first - 1));
    *file = last + 1;
    return true;
}

/* The subgraphs of a control-plane config, each read from its sdl_file, into
 * inputs from *n on (room for CFG_MAX_SUBGRAPHS more). 0, or 2 with a message. */
static int read_config(arena *a, const char *path, compose_input *inputs, uint32_t *n)
{
    cfg c;
    char err[512];
    int status = 0;
    if (!cfg_load(&c, path, err, sizeof err)) {
        fprintf(stderr, "compose: %s\n", err);
        status = 2;
    }
    for (uint32_t i = 0; !status && i < c.nsubgraphs; i++) {
        const cfg_subgraph *s = &c.subgraphs[i];
        compose_input *in = &inputs[(*n)++];
        in->name = arena_strdup(a, s->name);
        in->url = arena_strdup(a, s->url);
        if (!s->sdl_file) {
            fprintf(stderr, "compose: subgraph %s has no sdl_file (this command does not poll)\n",
                    s->name);
            status = 2;
        } else if (!(in->sdl = read_whole_file(a, s->sdl_file, &in->sdl_len))) {
            fprintf(stderr, "compose: cannot read %s\n", s->sdl_file);
            status = 2;
        }
    }
    cfg_free(&c);
    return status;
}

static void print_diags(const diag_list *list, const char *kind)
{
    for (const diag *d = list->first; d; d = d->next) {
        fprintf(stderr, "%s: %s", d->code ? d->code : kind, d->message);
        for (uint32_t i = 0; i < d->nlocs; i++)
            fprintf(stderr, "%s%s%s%u:%u", i ? ", " : " (at ", d->source ? d->source : "",
                    d->source ? ":" : "", d->locs[i].line, d->locs[i].column);
        fputs(d->nlocs ? ")\n" : "\n", stderr);
    }
}

int compose_cmd(int argc, char **argv)
{
    arena a;
    arena_init(&a, 1 << 16);
    compose_input *inputs = ARENA_ARRAY(&a, compose_input, (size_t)argc + CFG_MAX_SUBGRAPHS);
    uint32_t n = 0;
    bool hints = false, configured = false;
    int status = 0;
    for (int i = 1; i < argc && !status; i++) {
        const char *file = NULL;
        if (!strcmp(argv[i], "--hints")) {
            hints = true;
        } else if (!strcmp(argv[i], "--config") && i + 1 < argc && !configured) {
            configured = true;
            status = read_config(&a, argv[++i], inputs, &n);
        } else if (!strcmp(argv[i], "--subgraph") && i + 1 < argc &&
                   parse_spec(&a, argv[i + 1], &inputs[n], &file)) {
            i++;
            char *sdl = read_whole_file(&a, file, &inputs[n].sdl_len);
            if (!sdl) {
                fprintf(stderr, "compose: cannot read %s\n", file);
                status = 2;
            }
            inputs[n++].sdl = sdl;
        } else {
            usage();
            status = 2;
        }
    }
    if (!status && !n) {
        usage();
        status = 2;
    }
    if (!status) {
        compose_result r;
        if (compose(&a, inputs, n, &r)) {
            fwrite(r.supergraph, 1, r.supergraph_len, stdout);
            fputc('\n', stdout);
        } else {
            print_diags(&r.errors, "ERROR");
            status = 1;
        }
        if (hints) print_diags(&r.hints, "HINT");
    }
    arena_free(&a);
    return status;
}
