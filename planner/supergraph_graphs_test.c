/* supergraph_graphs_test.c: the ownership tables of each fixture against
 * Apollo's subgraph extraction. gen.cjs wrote NAME.graphs.txt, a sorted
 * outline of the subgraphs Apollo extracts from the supergraph (types, keys,
 * fields and whether they are external, implementations, union members,
 * enum values); this test writes the same outline from sg_type/sg_field and
 * compares the texts. */
#include <stdlib.h>

#include "fixture.h"
#include "ftest.h"
#include "supergraph.h"

#define DIR "tests/fixtures/supergraph/"

typedef struct outline {
    arena *a;
    const char **lines;
    uint32_t n, cap;
} outline;

static void add(outline *o, const char *line)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 64;
        const char **grown = ARENA_ARRAY(o->a, const char *, o->cap);
        if (o->n) memcpy(grown, o->lines, sizeof *grown * o->n);
        o->lines = grown;
    }
    o->lines[o->n++] = line;
}

static bool is_root(const supergraph *sg, const schema_type *t)
{
    return t == sg->full->query || t == sg->full->mutation || t == sg->full->subscription;
}

/* Apollo drops a type left without fields (or members) in a subgraph; root
 * types keep federation's own fields (_service, _entities). */
static bool empty_in_graph(const supergraph *sg, const schema_type *t, const sg_type_graph *tg)
{
    if (t->kind == SCHEMA_UNION) return tg->npossible == 0;
    if (t->kind == SCHEMA_SCALAR || t->kind == SCHEMA_ENUM || is_root(sg, t)) return false;
    for (uint32_t i = 0; i < t->nfields; i++)
        if (sg_field_in_graph(sg, &t->fields[i], tg->graph->index)) return false;
    return true;
}

static void add_type(outline *o, const supergraph *sg, const schema_type *t,
                     const sg_type_graph *tg)
{
    arena *a = o->a;
    const char *g = tg->graph->name;
    add(o, arena_sprintf(a, "%s type %s", g, t->name));
    for (uint32_t k = 0; k < tg->nkeys; k++)
        add(o, arena_sprintf(a, "%s key %s \"%s\"%s", g, t->name, tg->keys[k].fields.text,
                             tg->keys[k].resolvable ? "" : " unresolvable"));
    for (uint32_t i = 0; i < tg->ninterfaces; i++)
        add(o, arena_sprintf(a, "%s implements %s %s", g, t->name, tg->interfaces[i]->name));
    if (t->kind == SCHEMA_UNION)
        for (uint32_t i = 0; i < tg->npossible; i++)
            add(o, arena_sprintf(a, "%s member %s %s", g, t->name, tg->possible[i]->name));
    for (uint32_t i = 0; i < tg->nvalues; i++)
        add(o, arena_sprintf(a, "%s value %s %s", g, t->name, tg->values[i]->name));
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        if (!sg_field_in_graph(sg, f, tg->graph->index)) continue;
        bool external = !sg_field_resolvable_in(sg, f, tg->graph->index);
        add(o,
            arena_sprintf(a, "%s field %s.%s%s", g, t->name, f->name, external ? " external" : ""));
    }
}

static int by_strcmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static const char *graphs_outline(arena *a, const supergraph *sg)
{
    outline o = {a, NULL, 0, 0};
    for (uint32_t i = 0; i < sg->full->ntypes; i++) {
        const sg_type *st = &sg->types[i];
        if (st->type->builtin) continue;
        for (uint32_t k = 0; k < st->ngraphs; k++)
            if (!empty_in_graph(sg, st->type, &st->graphs[k]))
                add_type(&o, sg, st->type, &st->graphs[k]);
    }
    qsort(o.lines, o.n, sizeof *o.lines, by_strcmp);
    const char *text = "";
    for (uint32_t i = 0; i < o.n; i++)
        text = arena_sprintf(a, "%s%s\n", text, o.lines[i]);
    return text;
}

static void check_graphs(const char *name)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char path[128];
    char *sdl = fixture_read(&a, fixture_supergraph_path(path, sizeof path, name));
    char *want = fixture_read(&a, arena_sprintf(&a, DIR "%s.graphs.txt", name));
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    for (const diag *d = errs.first; d; d = d->next)
        fprintf(stderr, "%s: %s\n", name, d->message);
    CHECK(sg != NULL);
    if (sg && want) CHECK_STR(graphs_outline(&a, sg), want);
    arena_free(&a);
}

TEST(bench_graphs)
{
    check_graphs("bench");
}
TEST(shop_graphs)
{
    check_graphs("shop");
}
TEST(context_graphs)
{
    check_graphs("context");
}
TEST(renamed_graphs)
{
    check_graphs("renamed");
}
TEST(fed1_graphs)
{
    check_graphs("fed1");
}

TEST_MAIN(RUN(bench_graphs); RUN(shop_graphs); RUN(context_graphs); RUN(renamed_graphs);
          RUN(fed1_graphs);)
