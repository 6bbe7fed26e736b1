/* ptest.h: set-up shared by the planner unit tests (header-only, included by
 * planner*_test.c and plan_codec_test.c): the definitions a hand-written
 * supergraph starts with, planning a query against a supergraph's SDL or
 * fixture file, the steps of a plan, and the query fixtures of
 * tests/fixtures/plans. */
#ifndef FM_PTEST_H
#define FM_PTEST_H

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "ftest.h"
#include "parser.h"
#include "planner.h"
#include "validate.h"

/* What a hand-written supergraph starts with: the schema, linking link v1.0
 * and join v0.3, with its root operation types ("query: Query ..."), and the
 * directives, scalars and enum those links define. join__Graph and the types
 * follow. */
#define PTEST_SUPERGRAPH(roots)                                                                    \
    "schema @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"                                  \
    "  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n"                       \
    "{ " roots " }\n"                                                                              \
    "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "              \
    "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: "          \
    "Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION\n"                           \
    "directive @join__graph(name: String!, url: String!) on ENUM_VALUE\n"                          \
    "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT "   \
    "| INTERFACE\n"                                                                                \
    "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = "       \
    "false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on "      \
    "OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR\n"                                  \
    "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION\n"     \
    "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) "        \
    "repeatable on SCHEMA\n"                                                                       \
    "scalar join__FieldSet\nscalar link__Import\nenum link__Purpose { SECURITY EXECUTION }\n"

/* One planned query and everything it lives in; the test frees it with
 * arena_free(&fx.a). */
typedef struct ptest {
    arena a;
    diag_list errs;    /* what loading, validation and planning reported */
    plan *plan;        /* NULL when the query could not be planned */
    const char *error; /* the first of errs, or NULL */
} ptest;

/* Plans query against the supergraph sdl in fx->a (already initialised),
 * validating the query first when asked. */
static inline void ptest_plan_in(ptest *fx, const char *sdl, const char *query, bool validate)
{
    diag_init(&fx->errs, &fx->a);
    fx->plan = NULL;
    fx->error = NULL;
    supergraph *sg = sg_load(&fx->a, sdl, strlen(sdl), &fx->errs);
    ast_document *doc = parse_document(&fx->a, query, strlen(query), NULL, NULL);
    CHECK(sg != NULL);
    CHECK(doc != NULL);
    if (!sg || !doc) return;
    if (validate) CHECK(validate_document(sg->api, doc, &fx->errs));
    fx->plan = qp_plan(&fx->a, sg, doc, ast_find_operation(doc, NULL), &fx->errs);
    if (fx->errs.first) fx->error = fx->errs.first->message;
}

/* Plans query against the supergraph sdl (validating it first when asked). */
static inline void ptest_plan_sdl(ptest *fx, const char *sdl, const char *query, bool validate)
{
    arena_init(&fx->a, 0);
    ptest_plan_in(fx, sdl, query, validate);
}

/* Plans a valid query against the supergraph in the fixture file at path. */
static inline void ptest_plan_file(ptest *fx, const char *path, const char *query)
{
    arena_init(&fx->a, 0);
    const char *sdl = fixture_read(&fx->a, path);
    CHECK(sdl != NULL);
    ptest_plan_in(fx, sdl ? sdl : "", query, true);
}

/* The i-th step of a plan (a lone step is the root itself); NULL past the
 * last. */
static inline const plan_node *ptest_step(const plan *p, uint32_t i)
{
    if (p->root->kind != PLAN_SEQUENCE) return i == 0 ? p->root : NULL;
    return i < p->root->nchildren ? p->root->children[i] : NULL;
}

#define PTEST_PLANS_DIR "tests/fixtures/plans"

static inline int ptest_by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The names of the query fixtures of PTEST_PLANS_DIR (NAME.graphql), at most
 * max, sorted; each malloc'd, for the caller to free. */
static inline size_t ptest_plan_fixtures(char **names, size_t max)
{
    DIR *dir = opendir(PTEST_PLANS_DIR);
    CHECK(dir != NULL);
    if (!dir) return 0;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL && n < max;) {
        size_t len = strlen(e->d_name);
        if (len > 8 && strcmp(e->d_name + len - 8, ".graphql") == 0) names[n++] = strdup(e->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, ptest_by_name);
    return n;
}

/* The path of the supergraph a plan fixture is planned against, written
 * into buf (size bytes): the fixture its name starts with, up to a "-". */
static inline const char *ptest_plan_fixture_supergraph(char *buf, size_t size, const char *name)
{
    char prefix[64];
    size_t len = strcspn(name, "-");
    snprintf(prefix, sizeof prefix, "%.*s", (int)(len < 63 ? len : 63), name);
    return fixture_supergraph_path(buf, size, prefix);
}

#endif
