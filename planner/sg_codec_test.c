/* sg_codec_test.c: supergraph images round trip. Every supergraph SDL in
 * the repository (found by walking tests/ and bench/: fixtures may move; an
 * edit fixture, NAME.edit, rebuilt with fixture_read_edit) is
 * loaded with sg_load, encoded, decoded, and the decoded supergraph is
 * compared with the loaded one: both schemas printed, an outline of the
 * ownership tables, the plan of a query generated from its API schema, and
 * its own encoding (which must equal the first byte for byte). Rejections of
 * malformed images are in sg_codec_reject_test.c. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdlib.h>

#include "fixture.h"
#include "ftest.h"
#include "parser.h"
#include "plan.h"
#include "planner.h"
#include "printer.h"
#include "schema_print.h"
#include "sg_codec.h"
#include "validate.h"

/* ---- an outline of everything a supergraph holds beyond its schemas ---- */

static void dump_fieldset(sbuf *out, const char *what, const sg_fieldset *fs)
{
    if (!fs->text) return;
    sbuf_printf(out, " %s=\"%s\" ", what, fs->text);
    print_selection_set_compact(out, fs->selection);
}

static void dump_type_graph(sbuf *out, const schema_type *t, const sg_type_graph *tg)
{
    sbuf_printf(out, "  [%s]%s%s", tg->graph->name, tg->interface_object ? " interface-object" : "",
                tg->extension ? " extension" : "");
    for (uint32_t k = 0; k < tg->nkeys; k++) {
        dump_fieldset(out, "key", &tg->keys[k].fields);
        sbuf_printf(out, "%s%s", tg->keys[k].resolvable ? "" : " unresolvable",
                    tg->keys[k].extension ? " ext" : "");
    }
    for (uint32_t i = 0; i < tg->ninterfaces; i++)
        sbuf_printf(out, " implements %s", tg->interfaces[i]->name);
    for (uint32_t i = 0; i < tg->npossible; i++)
        sbuf_printf(out, " possible %s", tg->possible[i]->name);
    for (uint32_t i = 0; i < tg->nvalues; i++)
        sbuf_printf(out, " value %s%s", tg->values[i]->name,
                    tg->values[i] == &t->values[tg->values[i] - t->values] ? "" : "(foreign)");
    sbuf_putc(out, '\n');
}

static void dump_field_graph(sbuf *out, const sg_field_graph *fg)
{
    sbuf_printf(out, "  [%s]%s%s", fg->graph->name, fg->external ? " external" : "",
                fg->used_overridden ? " used-overridden" : "");
    dump_fieldset(out, "requires", &fg->requires);
    dump_fieldset(out, "provides", &fg->provides);
    if (fg->type) {
        sbuf_printf(out, " type=\"%s\" ", fg->type_text);
        print_type(out, fg->type);
    }
    if (fg->override_from) sbuf_printf(out, " override-from=%s", fg->override_from);
    if (fg->override_label) sbuf_printf(out, " label=%s", fg->override_label);
    for (uint32_t i = 0; i < fg->ncontext_args; i++) {
        const sg_context_arg *ca = &fg->context_args[i];
        sbuf_printf(out, " context-arg %s: \"%s\" ", ca->name, ca->type_text);
        print_type(out, ca->type);
        sbuf_printf(out, " from %s", ca->context);
        dump_fieldset(out, "selection", &ca->selection);
    }
    sbuf_putc(out, '\n');
}

/* by_graph must point into graphs, at the entry of that graph. */
static bool by_graph_consistent(const supergraph *sg, void *const *by_graph, const void *graphs,
                                size_t size, uint32_t n)
{
    uint32_t seen = 0;
    for (uint32_t g = 0; g < sg->ngraphs; g++) {
        if (!by_graph[g]) continue;
        const char *entry = by_graph[g];
        if (entry < (const char *)graphs || entry >= (const char *)graphs + size * n) return false;
        seen++;
    }
    return seen == n;
}

static void dump_features(sbuf *out, const supergraph *sg)
{
    for (uint32_t i = 0; i < sg->nfeatures; i++) {
        const sg_feature *f = &sg->features[i];
        sbuf_printf(out, "feature %s %s %s v%u.%u as %s for %s%s\n", f->url, f->identity, f->name,
                    f->major, f->minor, f->prefix, f->purpose ? f->purpose : "-",
                    f == sg->join ? " (join)" : "");
        for (uint32_t k = 0; k < f->nimports; k++)
            sbuf_printf(out, "  import %s as %s\n", f->imports[k].name, f->imports[k].as);
    }
}

static void dump_join_directives(sbuf *out, const supergraph *sg)
{
    for (uint32_t i = 0; i < sg->ndirectives; i++) {
        const sg_join_directive *jd = &sg->directives[i];
        sbuf_printf(out, "join directive @%s on %d %s.%s", jd->name, jd->target,
                    jd->type ? jd->type->name : "-", jd->field ? jd->field->name : "-");
        for (uint32_t g = 0; g < jd->ngraphs; g++)
            sbuf_printf(out, " %s", jd->graphs[g]->name);
        if (jd->args) {
            sbuf_putc(out, ' ');
            print_value(out, jd->args);
        }
        sbuf_putc(out, '\n');
    }
}

static void dump_supergraph(sbuf *out, const supergraph *sg)
{
    sbuf_printf(out, "fed1=%d\n", sg->fed1);
    for (uint32_t g = 0; g < sg->ngraphs; g++)
        sbuf_printf(out, "graph %u %s %s %s\n", sg->graphs[g].index, sg->graphs[g].enum_value,
                    sg->graphs[g].name, sg->graphs[g].url);
    dump_features(out, sg);
    for (uint32_t t = 0; t < sg->full->ntypes; t++) {
        const sg_type *st = &sg->types[t];
        sbuf_printf(out, "type %s%s\n", st->type->name,
                    st->type == sg->full->types[t] &&
                            by_graph_consistent(sg, (void *const *)st->by_graph, st->graphs,
                                                sizeof *st->graphs, st->ngraphs)
                        ? ""
                        : " INCONSISTENT");
        for (uint32_t g = 0; g < st->ngraphs; g++)
            dump_type_graph(out, st->type, &st->graphs[g]);
    }
    for (uint32_t f = 0; f < sg->full->nfields; f++) {
        const sg_field *sf = &sg->fields[f];
        sbuf_printf(out, "field %s.%s%s\n", sf->field->parent->name, sf->field->name,
                    sf->field->index == f &&
                            by_graph_consistent(sg, (void *const *)sf->by_graph, sf->graphs,
                                                sizeof *sf->graphs, sf->ngraphs)
                        ? ""
                        : " INCONSISTENT");
        for (uint32_t g = 0; g < sf->ngraphs; g++)
            dump_field_graph(out, &sf->graphs[g]);
    }
    dump_join_directives(out, sg);
    for (uint32_t t = 0; t < sg->api->ntypes; t++) {
        const schema_type *at = sg->api->types[t];
        for (uint32_t k = 0; k < at->nfields; k++) {
            const schema_field *f = sg->api_to_full[at->fields[k].index];
            sbuf_printf(out, "api %s.%s -> %s.%s\n", at->name, at->fields[k].name, f->parent->name,
                        f->name);
        }
    }
}

/* ---- a query over the API schema: every root field without required
 * arguments, two levels deep ---- */

static bool has_required_args(const schema_field *f)
{
    for (uint32_t i = 0; i < f->nargs; i++)
        if (f->args[i].type->kind == AST_TYPE_NON_NULL && !f->args[i].default_value) return true;
    return false;
}

static void select_type(sbuf *q, const schema *api, const schema_type *t, int depth);

static void select_fields(sbuf *q, const schema *api, const schema_type *t, int depth)
{
    sbuf_puts(q, " __typename");
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        if (has_required_args(f) || strncmp(f->name, "__", 2) == 0) continue;
        if (schema_is_leaf(f->named)) {
            sbuf_printf(q, " %s", f->name);
        } else if (depth < 2) {
            sbuf_printf(q, " %s {", f->name);
            select_type(q, api, f->named, depth + 1);
            sbuf_puts(q, " }");
        }
    }
}

static void select_type(sbuf *q, const schema *api, const schema_type *t, int depth)
{
    if (t->kind != SCHEMA_UNION) select_fields(q, api, t, depth);
    for (uint32_t i = 0; schema_is_abstract(t) && i < t->npossible && i < 3; i++) {
        sbuf_printf(q, " ... on %s {", t->possible[i]->name);
        select_fields(q, api, t->possible[i], depth);
        sbuf_puts(q, " }");
    }
    if (t->kind == SCHEMA_UNION) sbuf_puts(q, " __typename");
}

/* The plan of the generated query, printed; "" when it does not validate or plan. */
static char *plan_text(arena *a, const supergraph *sg, const char *query)
{
    diag_list errs;
    diag_init(&errs, a);
    ast_document *doc = parse_document(a, query, strlen(query), NULL, NULL);
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    if (!op || !validate_document(sg->api, doc, &errs)) return "";
    plan *p = qp_plan(a, sg, doc, op, &errs);
    if (!p) return "";
    sbuf out;
    sbuf_init(&out);
    plan_print(&out, p);
    char *text = arena_strdup(a, out.data ? out.data : "");
    sbuf_free(&out);
    return text;
}

static char *printed(arena *a, const schema *s)
{
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, s);
    char *text = arena_strdup(a, out.data ? out.data : "");
    sbuf_free(&out);
    return text;
}

static char *dumped(arena *a, const supergraph *sg)
{
    sbuf out;
    sbuf_init(&out);
    dump_supergraph(&out, sg);
    char *text = arena_strdup(a, out.data ? out.data : "");
    sbuf_free(&out);
    return text;
}

/* ---- the walk ---- */

static struct {
    uint32_t files, loaded, planned;
    size_t sdl_bytes, image_bytes;
} totals;

static bool same_text(const char *path, const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) return true;
    fprintf(stderr, "%s: %s differs after decoding\n", path, what);
    return false;
}

/* One supergraph: load, encode, decode, compare. */
static void round_trip(const char *path, const char *sdl)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sg_load(&a, sdl, strlen(sdl), &errs);
    if (!sg) goto done; /* fixtures of invalid supergraphs */
    totals.loaded++;
    sbuf image, again, query;
    sbuf_init(&image);
    sbuf_init(&again);
    sbuf_init(&query);
    sg_encode(sg, &image);
    supergraph *back = sg_decode(&a, (const uint8_t *)image.data, image.len, &errs);
    CHECK(back != NULL);
    if (!back) {
        fprintf(stderr, "%s: %s\n", path, errs.first ? errs.first->message : "?");
        goto free_bufs;
    }
    totals.sdl_bytes += strlen(sdl);
    totals.image_bytes += image.len;
    CHECK(same_text(path, "the full schema", printed(&a, back->full), printed(&a, sg->full)));
    CHECK(same_text(path, "the API schema", printed(&a, back->api), printed(&a, sg->api)));
    CHECK(same_text(path, "the tables", dumped(&a, back), dumped(&a, sg)));
    sg_encode(back, &again);
    CHECK(again.len == image.len && memcmp(again.data, image.data, image.len) == 0);
    if (sg->api->query) {
        sbuf_puts(&query, "{");
        select_fields(&query, sg->api, sg->api->query, 0);
        sbuf_puts(&query, " }");
        const char *want = plan_text(&a, sg, query.data);
        CHECK(same_text(path, "the plan", plan_text(&a, back, query.data), want));
        totals.planned += want[0] != '\0';
    }
free_bufs:
    sbuf_free(&image);
    sbuf_free(&again);
    sbuf_free(&query);
done:
    arena_free(&a);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    if (type == FTW_D && strcmp(path + ftw->base, "node_modules") == 0) return FTW_SKIP_SUBTREE;
    size_t len = strlen(path);
    bool edit = len > 5 && strcmp(path + len - 5, ".edit") == 0;
    bool graphql = len > 8 && strcmp(path + len - 8, ".graphql") == 0;
    if (type != FTW_F || (!edit && !graphql)) return FTW_CONTINUE;
    arena a;
    arena_init(&a, 0);
    const char *sdl = edit ? fixture_read_edit(&a, path) : fixture_read(&a, path);
    if (sdl && strstr(sdl, "join__Graph")) {
        totals.files++;
        round_trip(path, sdl);
    }
    arena_free(&a);
    return FTW_CONTINUE;
}

TEST(every_supergraph_in_the_repository_round_trips)
{
    CHECK(nftw("tests", visit, 16, FTW_PHYS | FTW_ACTIONRETVAL) == 0);
    CHECK(nftw("bench", visit, 16, FTW_PHYS | FTW_ACTIONRETVAL) == 0);
    printf("%u supergraph files, %u loaded and round-tripped, %u plans compared; images are "
           "%.0f%% of the SDL's size\n",
           totals.files, totals.loaded, totals.planned,
           totals.sdl_bytes ? 100.0 * (double)totals.image_bytes / (double)totals.sdl_bytes : 0);
    /* 265 when this was written (the satisfiability mutants among them, rebuilt
     * from their edits): a walk that finds far fewer is broken */
    CHECK(totals.loaded >= 200);
    CHECK(totals.planned >= 100);
}

TEST_MAIN(RUN(every_supergraph_in_the_repository_round_trips);)
