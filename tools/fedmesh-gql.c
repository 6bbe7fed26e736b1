/* fedmesh-gql: the planner library from the command line, for people and
 * for scripts (deploy/local/run.sh, tests/bench/bench-parse.sh).
 *
 *   fedmesh-gql parse FILE                    print the document, normalised
 *   fedmesh-gql api-schema SUPERGRAPH         print the API schema clients see
 *   fedmesh-gql validate SUPERGRAPH QUERY     validate against the API schema
 *   fedmesh-gql introspect SUPERGRAPH QUERY [VARIABLES_JSON]
 *                                             answer an introspection query
 *   fedmesh-gql plan SUPERGRAPH QUERY         print the query plan, then
 *                                             "fetches: N, depth: D"
 *   fedmesh-gql bench-parse SUPERGRAPH QUERY SECONDS
 *                                             parse+validate throughput
 * Exit status: 0 success, 1 invalid input (errors on stderr), 2 usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "introspection.h"
#include "json.h"
#include "parser.h"
#include "planner.h"
#include "printer.h"
#include "schema_print.h"
#include "supergraph.h"
#include "validate.h"
#include "tool_io.h"

/* The file's bytes; exits when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    char *data = tool_read_file(path, len);
    if (!data) {
        perror(path);
        exit(1);
    }
    return data;
}

static void print_diags(const char *file, const diag_list *errs)
{
    for (const diag *e = errs->first; e; e = e->next) {
        fprintf(stderr, "%s", file);
        if (e->nlocs) fprintf(stderr, ":%u:%u", e->locs[0].line, e->locs[0].column);
        fprintf(stderr, ": %s%s%s\n", e->code ? e->code : "", e->code ? ": " : "", e->message);
    }
}

static ast_document *parse_file(arena *a, const char *path)
{
    size_t len;
    char *src = read_file(path, &len);
    parse_error err;
    ast_document *doc = parse_document(a, src, len, NULL, &err);
    free(src);
    if (!doc) {
        fprintf(stderr, "%s:%u:%u: %s\n", path, err.loc.line, err.loc.column, err.message);
        exit(1);
    }
    return doc;
}

static supergraph *load_supergraph(arena *a, const char *path)
{
    size_t len;
    char *sdl = read_file(path, &len);
    diag_list errs;
    diag_init(&errs, a);
    /* The supergraph's arena keeps pointers into nothing of sdl: free it after. */
    supergraph *sg = sg_load(a, sdl, len, &errs);
    free(sdl);
    if (!sg) {
        print_diags(path, &errs);
        exit(1);
    }
    return sg;
}

static int cmd_parse(const char *file)
{
    arena a;
    arena_init(&a, 0);
    sbuf out;
    sbuf_init(&out);
    print_document(&out, parse_file(&a, file));
    fputs(out.data ? out.data : "", stdout);
    sbuf_free(&out);
    arena_free(&a);
    return 0;
}

static int cmd_api_schema(const char *supergraph_file)
{
    arena a;
    arena_init(&a, 0);
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, load_supergraph(&a, supergraph_file)->api);
    fputs(out.data ? out.data : "", stdout);
    sbuf_free(&out);
    arena_free(&a);
    return 0;
}

static int cmd_validate(const char *supergraph_file, const char *query_file)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg = load_supergraph(&a, supergraph_file);
    ast_document *doc = parse_file(&a, query_file);
    diag_list errs;
    diag_init(&errs, &a);
    bool ok = validate_document(sg->api, doc, &errs);
    if (ok)
        printf("%s: valid\n", query_file);
    else
        print_diags(query_file, &errs);
    arena_free(&a);
    return ok ? 0 : 1;
}

static int cmd_introspect(const char *supergraph_file, const char *query_file, const char *vars)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg = load_supergraph(&a, supergraph_file);
    ast_document *doc = parse_file(&a, query_file);
    diag_list errs;
    diag_init(&errs, &a);
    const json_value *variables = NULL;
    if (vars) {
        json_error jerr;
        variables = json_parse(&a, vars, strlen(vars), 0, &jerr);
        if (!variables) {
            fprintf(stderr, "variables: %s\n", jerr.message);
            return 1;
        }
    }
    const ast_definition *op = ast_find_operation(doc, NULL);
    int rc = 1;
    sbuf out;
    sbuf_init(&out);
    if (!validate_document(sg->api, doc, &errs)) {
        print_diags(query_file, &errs);
    } else if (!op || !introspection_is_only(doc, op)) {
        fprintf(stderr, "%s: only introspection fields can be answered without subgraphs\n",
                query_file);
    } else if (!introspection_execute(sg->api, doc, op, variables, &out, &errs)) {
        print_diags(query_file, &errs);
    } else {
        printf("{\"data\":%s}\n", out.data);
        rc = 0;
    }
    sbuf_free(&out);
    arena_free(&a);
    return rc;
}

static int cmd_plan(const char *supergraph_file, const char *query_file)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg = load_supergraph(&a, supergraph_file);
    ast_document *doc = parse_file(&a, query_file);
    diag_list errs;
    diag_init(&errs, &a);
    const ast_definition *op = ast_find_operation(doc, NULL);
    plan *p = NULL;
    if (!validate_document(sg->api, doc, &errs))
        print_diags(query_file, &errs);
    else if (!op)
        fprintf(stderr, "%s: no single operation to plan\n", query_file);
    else if (!(p = qp_plan(&a, sg, doc, op, &errs)))
        print_diags(query_file, &errs);
    if (p) {
        sbuf out;
        sbuf_init(&out);
        plan_print(&out, p);
        sbuf_printf(&out, "fetches: %u, depth: %u\n", p->nfetches, p->depth);
        fputs(out.data, stdout);
        sbuf_free(&out);
    }
    arena_free(&a);
    return p ? 0 : 1;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What a gateway does for every request that misses its plan cache: parse
 * the operation and validate it against the API schema. */
static int cmd_bench_parse(const char *supergraph_file, const char *query_file, double seconds)
{
    arena keep, scratch;
    arena_init(&keep, 0);
    arena_init(&scratch, 1 << 16);
    supergraph *sg = load_supergraph(&keep, supergraph_file);
    size_t len;
    char *query = read_file(query_file, &len);
    long ops = 0;
    double start = now_seconds(), end = start + seconds;
    while (now_seconds() < end) {
        for (int i = 0; i < 100; i++) {
            arena_reset(&scratch);
            parse_error perr;
            ast_document *doc = parse_document(&scratch, query, len, NULL, &perr);
            diag_list errs;
            diag_init(&errs, &scratch);
            if (!doc || !validate_document(sg->api, doc, &errs)) {
                fprintf(stderr, "%s: does not parse and validate\n", query_file);
                return 1;
            }
        }
        ops += 100;
    }
    printf("fedmesh: %.0f ops/s\n", (double)ops / (now_seconds() - start));
    free(query);
    arena_free(&scratch);
    arena_free(&keep);
    return 0;
}

static int usage(void)
{
    fputs("usage: fedmesh-gql parse FILE\n"
          "       fedmesh-gql api-schema SUPERGRAPH\n"
          "       fedmesh-gql validate SUPERGRAPH QUERY\n"
          "       fedmesh-gql introspect SUPERGRAPH QUERY [VARIABLES_JSON]\n"
          "       fedmesh-gql plan SUPERGRAPH QUERY\n"
          "       fedmesh-gql bench-parse SUPERGRAPH QUERY SECONDS\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 3) return usage();
    const char *cmd = argv[1];
    if (strcmp(cmd, "parse") == 0 && argc == 3) return cmd_parse(argv[2]);
    if (strcmp(cmd, "api-schema") == 0 && argc == 3) return cmd_api_schema(argv[2]);
    if (strcmp(cmd, "validate") == 0 && argc == 4) return cmd_validate(argv[2], argv[3]);
    if (strcmp(cmd, "introspect") == 0 && (argc == 4 || argc == 5))
        return cmd_introspect(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
    if (strcmp(cmd, "plan") == 0 && argc == 4) return cmd_plan(argv[2], argv[3]);
    if (strcmp(cmd, "bench-parse") == 0 && argc == 5)
        return cmd_bench_parse(argv[2], argv[3], atof(argv[4]));
    return usage();
}
