/* plan_codec_test.c: plans to bytes and back. Every fixture query of the
 * planner snapshot tests (tests/fixtures/plans/) survives the round trip:
 * the same printed plan, the same bytes when encoded again, the same
 * requires selections. Then bytes that are damaged, lie, nest too deep or do
 * not fit the supergraph are rejected with their reason. */
#include "plan_codec.h"
#include "printer.h"
#include "ptest.h"

static supergraph *load_sg(arena *a, const char *path)
{
    char *sdl = fixture_read(a, path);
    diag_list errs;
    diag_init(&errs, a);
    return sdl ? sg_load(a, sdl, strlen(sdl), &errs) : NULL;
}

/* Plans the query in query_path against sg; NULL when it does not plan. */
static plan *plan_file(arena *a, const supergraph *sg, const char *query_path)
{
    char *query = fixture_read(a, query_path);
    diag_list errs;
    diag_init(&errs, a);
    ast_document *doc = query ? parse_document(a, query, strlen(query), NULL, NULL) : NULL;
    const ast_definition *op = doc ? ast_find_operation(doc, NULL) : NULL;
    plan *p = NULL;
    if (op && validate_document(sg->api, doc, &errs)) p = qp_plan(a, sg, doc, op, &errs);
    return p;
}

static char *printed(const plan *p)
{
    sbuf out;
    sbuf_init(&out);
    plan_print(&out, p);
    return sbuf_take(&out);
}

/* Every fetch's requires prints back to its requires_text. */
static bool requires_match(const plan_node *n)
{
    if (!n) return true;
    if (n->fetch && n->fetch->requires) {
        sbuf text;
        sbuf_init(&text);
        print_selection_set_compact(&text, n->fetch->requires);
        bool same = text.data && strcmp(text.data, n->fetch->requires_text) == 0;
        sbuf_free(&text);
        if (!same) return false;
    }
    for (uint32_t i = 0; i < n->nchildren; i++)
        if (!requires_match(n->children[i])) return false;
    return requires_match(n->if_clause) && requires_match(n->else_clause);
}

/* Introspection fields: the document's first selection, printed alike. */
static bool introspection_match(const plan_shape *x, const plan_shape *y)
{
    if (!x || !y) return x == y;
    for (uint32_t i = 0; i < x->nfields; i++) {
        const plan_shape_field *f = &x->fields[i], *g = &y->fields[i];
        if (!f->introspection_doc != !g->introspection_doc) return false;
        if (f->introspection_doc) {
            sbuf a, b;
            sbuf_init(&a);
            sbuf_init(&b);
            print_document(&a, f->introspection_doc);
            print_document(&b, g->introspection_doc);
            bool same = strcmp(a.data, b.data) == 0 &&
                        g->introspection_field == g->introspection_doc->definitions->selection_set;
            sbuf_free(&a);
            sbuf_free(&b);
            if (!same) return false;
        }
        if (!introspection_match(f->selection, g->selection)) return false;
    }
    for (uint32_t i = 0; i < x->nvariants; i++)
        if (!introspection_match(x->variants[i], y->variants[i])) return false;
    return true;
}

/* How many shapes (nested included) have variants, and fields guards. */
static void count_shape_features(const plan_shape *shape, int *variants, int *guards)
{
    if (!shape) return;
    *variants += shape->nvariants > 0;
    for (uint32_t i = 0; i < shape->nfields; i++) {
        *guards += shape->fields[i].nguards > 0;
        count_shape_features(shape->fields[i].selection, variants, guards);
    }
    for (uint32_t i = 0; i < shape->nvariants; i++)
        count_shape_features(shape->variants[i], variants, guards);
}

static int round_trips, shapes_with_variants, fields_with_guards;

static void check_round_trip(const char *name)
{
    char query[512], sdl[512];
    snprintf(query, sizeof query, PTEST_PLANS_DIR "/%s", name);
    ptest_plan_fixture_supergraph(sdl, sizeof sdl, name);
    arena a, b;
    arena_init(&a, 0);
    arena_init(&b, 0);
    supergraph *sg = load_sg(&a, sdl);
    plan *p = sg ? plan_file(&a, sg, query) : NULL;
    if (p) { /* fixtures that fail to plan have nothing to encode */
        sbuf bytes, again;
        sbuf_init(&bytes);
        sbuf_init(&again);
        plan_encode(p, &bytes);
        diag_list errs;
        diag_init(&errs, &b);
        plan *q = plan_decode(&b, sg, (const uint8_t *)bytes.data, bytes.len, &errs);
        if (!q) fprintf(stderr, "%s: %s\n", name, errs.first ? errs.first->message : "?");
        CHECK(q != NULL);
        if (q) {
            char *want = printed(p), *got = printed(q);
            CHECK_STR(got, want);
            free(want);
            free(got);
            plan_encode(q, &again);
            CHECK_INT(again.len, bytes.len);
            CHECK(again.len == bytes.len && memcmp(again.data, bytes.data, bytes.len) == 0);
            CHECK(requires_match(q->root));
            CHECK(introspection_match(p->shape, q->shape));
            CHECK_INT(q->nfetches, p->nfetches);
            CHECK_INT(q->depth, p->depth);
            round_trips++;
            count_shape_features(q->shape, &shapes_with_variants, &fields_with_guards);
        }
        sbuf_free(&bytes);
        sbuf_free(&again);
    }
    arena_free(&b);
    arena_free(&a);
}

TEST(every_fixture_plan_round_trips)
{
    char *names[256];
    size_t n = ptest_plan_fixtures(names, 256);
    for (size_t i = 0; i < n; i++) {
        check_round_trip(names[i]);
        free(names[i]);
    }
    fprintf(stderr,
            "%d fixture plans round trip (%d shapes with variants, %d fields with guards)\n",
            round_trips, shapes_with_variants, fields_with_guards);
    CHECK(round_trips >= 20);
    CHECK(shapes_with_variants > 0);
    CHECK(fields_with_guards > 0);
}

/* ---- rejections ---- */

static supergraph *bench_sg;
static arena bench_arena;

/* The reason decoding buf[0..len) against the bench supergraph fails, or
 * NULL when it decodes. Returned text is static. */
static const char *decode_reason(const void *buf, size_t len)
{
    static char reason[256];
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    plan *p = plan_decode(&a, bench_sg, buf, len, &errs);
    const char *result = NULL;
    if (!p) {
        snprintf(reason, sizeof reason, "%s", errs.first ? errs.first->message : "(no error)");
        result = reason;
    }
    arena_free(&a);
    return result;
}

static const char *plan_reason(const plan *p)
{
    sbuf bytes;
    sbuf_init(&bytes);
    plan_encode(p, &bytes);
    const char *reason = decode_reason(bytes.data, bytes.len);
    sbuf_free(&bytes);
    return reason;
}

/* A small valid plan to break one piece at a time:
 * Sequence { Fetch(accounts) { users { __typename id } },
 *            Flatten(path: "users.@") { Fetch(reviews) { ... on User { __typename id } } } } */
typedef struct sample {
    plan_fetch root_fetch, entity_fetch;
    plan_node fetch_node, flatten_node, sequence;
    plan_node *steps[2];
    plan_path_step steps_path[2];
    plan_path path;
    plan_rewrite rewrite;
    ast_type user, list;
    plan_shape_field field;
    plan_shape shape, variant;
    const char *variant_types[2];
    const plan_shape *variants[2];
    const char *skip_if[1], *include_if[2];
    plan_shape_guard guard;
    plan p;
} sample;

static void sample_init(sample *s)
{
    memset(s, 0, sizeof *s);
    s->root_fetch = (plan_fetch){.graph = 0,
                                 .subgraph = "accounts",
                                 .operation_type = AST_OP_QUERY,
                                 .operation = "{users{__typename id}}"};
    s->entity_fetch =
        (plan_fetch){.graph = 3,
                     .subgraph = "reviews",
                     .operation_type = AST_OP_QUERY,
                     .operation = "query($representations:[_Any!]!){_entities(representations:"
                                  "$representations){...on User{reviews{id}}}}",
                     .requires = NULL,
                     .requires_text = "{...on User{__typename id}}"};
    s->steps_path[0] = (plan_path_step){PLAN_PATH_FIELD, "users"};
    s->steps_path[1] = (plan_path_step){PLAN_PATH_LIST, NULL};
    s->path = (plan_path){s->steps_path, 2};
    s->fetch_node = (plan_node){.kind = PLAN_FETCH, .fetch = &s->root_fetch};
    s->flatten_node = (plan_node){
        .kind = PLAN_FLATTEN, .fetch = &s->entity_fetch, .paths = &s->path, .npaths = 1};
    s->steps[0] = &s->fetch_node;
    s->steps[1] = &s->flatten_node;
    s->sequence = (plan_node){.kind = PLAN_SEQUENCE, .children = s->steps, .nchildren = 2};
    s->user = (ast_type){.kind = AST_TYPE_NAMED, .name = "User"};
    s->list = (ast_type){.kind = AST_TYPE_LIST, .of = &s->user};
    s->field = (plan_shape_field){.kind = PLAN_SHAPE_FIELD,
                                  .response_key = "users",
                                  .data_key = "users",
                                  .parent_type = "Query",
                                  .field_name = "users",
                                  .type = &s->list};
    s->shape = (plan_shape){.fields = &s->field, .nfields = 1};
    s->p = (plan){.operation_type = AST_OP_QUERY,
                  .root = &s->sequence,
                  .shape = &s->shape,
                  .nfetches = 2,
                  .depth = 2};
}

/* The entity fetch's requires parsed, as the planner leaves it. */
static void sample_parse_requires(sample *s, arena *a)
{
    ast_document *doc = parse_document(a, "{...on User{__typename id}}", 27, NULL, NULL);
    s->entity_fetch.requires = doc->definitions->selection_set;
}

/* A guard (@skip(if: $a) @include(if: $b) @include(if: $c)) on the field,
 * and two variants of the root shape sharing one shape. */
static void sample_add_guard_and_variants(sample *s)
{
    s->skip_if[0] = "a";
    s->include_if[0] = "b";
    s->include_if[1] = "c";
    s->guard = (plan_shape_guard){s->skip_if, 1, s->include_if, 2};
    s->field.guards = &s->guard;
    s->field.nguards = 1;
    s->variant = (plan_shape){.fields = &s->field, .nfields = 1};
    s->variant_types[0] = "User";
    s->variant_types[1] = "Review";
    s->variants[0] = s->variants[1] = &s->variant;
    s->shape.variant_types = s->variant_types;
    s->shape.variants = s->variants;
    s->shape.nvariants = 2;
}

TEST(sample_plan_decodes)
{
    arena a;
    arena_init(&a, 0);
    sample s;
    sample_init(&s);
    sample_parse_requires(&s, &a);
    CHECK(plan_reason(&s.p) == NULL);
    s.rewrite = (plan_rewrite){.path = s.path, .rename_to = "id"};
    s.entity_fetch.input_rewrites = &s.rewrite;
    s.entity_fetch.ninput_rewrites = 1;
    sample_add_guard_and_variants(&s);
    CHECK(plan_reason(&s.p) == NULL);
    arena_free(&a);
}

TEST(plan_that_does_not_fit_the_supergraph_is_rejected)
{
    arena a;
    arena_init(&a, 0);
    sample s;
    sample_init(&s);
    sample_parse_requires(&s, &a);
    s.root_fetch.graph = 99;
    CHECK_STR(plan_reason(&s.p),
              "Invalid plan encoding: graph 99 is out of range (the supergraph has 4)");
    s.root_fetch.graph = 2;
    CHECK_STR(plan_reason(&s.p),
              "Invalid plan encoding: subgraph accounts is not the supergraph's graph 2");
    s.root_fetch.graph = 0;
    s.user.name = "Nope";
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: type Nope is not in the supergraph");
    s.user.name = "User";
    s.field.parent_type = "Mystery";
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: type Mystery is not in the supergraph");
    s.field.parent_type = "Query";
    sample_add_guard_and_variants(&s);
    s.variant_types[1] = "Ghost";
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: type Ghost is not in the supergraph");
    s.variant_types[1] = "Review";
    s.include_if[1] = NULL;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: variable name is missing");
    s.include_if[1] = "c";
    CHECK(plan_reason(&s.p) == NULL);
    s.steps_path[1] = (plan_path_step){PLAN_PATH_TYPE, "Phantom"};
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: type Phantom is not in the supergraph");
    s.steps_path[1] = (plan_path_step){PLAN_PATH_FIELD, NULL};
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: path step has no name");
    CHECK(plan_reason(&s.p) != NULL);
    arena_free(&a);
}

TEST(plan_the_executor_could_not_run_is_rejected)
{
    arena a;
    arena_init(&a, 0);
    sample s;
    sample_init(&s);
    sample_parse_requires(&s, &a);
    s.flatten_node.npaths = 0;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: flatten has no path");
    s.flatten_node.npaths = 1;
    s.entity_fetch.requires = NULL;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: entity fetch has no requires");
    sample_parse_requires(&s, &a);
    s.root_fetch.requires = s.entity_fetch.requires;
    s.root_fetch.requires_text = s.entity_fetch.requires_text;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: root fetch has requires");
    s.root_fetch.requires = NULL;
    s.entity_fetch.requires_text = "{...on User{";
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: requires is not a selection set");
    s.entity_fetch.requires_text = "{...on User{__typename id}}";
    s.rewrite = (plan_rewrite){.path = s.path, .set_to = "User", .rename_to = "id"};
    s.entity_fetch.output_rewrites = &s.rewrite;
    s.entity_fetch.noutput_rewrites = 1;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: rewrite 0 must either set or rename");
    s.rewrite.set_to = s.rewrite.rename_to = NULL;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: rewrite 0 must either set or rename");
    s.entity_fetch.noutput_rewrites = 0;
    s.root_fetch.operation = NULL;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: operation is missing");
    s.root_fetch.operation = "{users{__typename id}}";
    s.field.response_key = NULL;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: response key is missing");
    s.field.response_key = "users";
    s.field.kind = PLAN_SHAPE_INTROSPECTION;
    CHECK_STR(plan_reason(&s.p),
              "Invalid plan encoding: field users: introspection document does not match its "
              "kind");
    s.field.kind = PLAN_SHAPE_FIELD;
    plan_node cond = {.kind = PLAN_CONDITION, .if_clause = &s.sequence};
    s.p.root = &cond;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: condition variable is missing");
    cond.condition = "withReviews";
    CHECK(plan_reason(&s.p) == NULL);
    s.p.nfetches = 1;
    CHECK_STR(plan_reason(&s.p), "Invalid plan encoding: the plan says 1 fetches, its tree has 2");
    arena_free(&a);
}

TEST(bad_headers_are_rejected)
{
    CHECK_STR(decode_reason("", 0), "Invalid plan encoding: not a plan (no FMPL header)");
    CHECK_STR(decode_reason("XXXX\x01", 5), "Invalid plan encoding: not a plan (no FMPL header)");
    CHECK_STR(decode_reason("FMPL", 4), "Invalid plan encoding: not a plan (no FMPL header)");
    CHECK_STR(decode_reason("FMPL\x02", 5),
              "Invalid plan encoding: format version 2 is not supported");
    CHECK_STR(decode_reason("FMPL\x01", 5), "Invalid plan encoding: cut short");
}

TEST(lying_counts_and_strings_are_rejected)
{
    CHECK_STR(decode_reason("FMPL\x01\xff\xff\xff\xff\x0f", 10),
              "Invalid plan encoding: string table count 4294967295 is more than the bytes left");
    CHECK_STR(decode_reason("FMPL\x01\x01\x05"
                            "ab",
                            9),
              "Invalid plan encoding: string of 5 bytes is cut short");
    CHECK_STR(decode_reason("FMPL\x01\x01\x02"
                            "a\0",
                            9),
              "Invalid plan encoding: string 1 holds a NUL byte");
    CHECK_STR(
        decode_reason("FMPL\x01\x00\x00\x00\x00\x00\x01\x00\x05\x00\x00\x00\x00\x00\x00\x00", 20),
        "Invalid plan encoding: string 5 is not in the table");
    CHECK_STR(decode_reason("FMPL\x01\x00\x00\x00\x00\x00\xff\xff\x03", 13),
              "Invalid plan encoding: shape field count 65535 is more than the bytes left");
    /* a shape field takes at least 9 bytes: 2 fields need 18 */
    CHECK_STR(decode_reason("FMPL\x01\x00\x00\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00"
                            "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                            27),
              "Invalid plan encoding: shape field count 2 is more than the bytes left");
    CHECK_STR(decode_reason("FMPL\x01\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 17),
              "Invalid plan encoding: integer too long");
    CHECK_STR(decode_reason("FMPL\x01\x00\x07", 7),
              "Invalid plan encoding: operation type 7 is out of range");
    CHECK_STR(decode_reason("FMPL\x01\x00\x00\x00\x00\x01\x09", 11),
              "Invalid plan encoding: node kind 9 is out of range");
    CHECK_STR(decode_reason("FMPL\x01\x00\x00\x00\x00\x02", 10),
              "Invalid plan encoding: presence flag 2 is out of range");
    CHECK_STR(decode_reason("FMPL\x01\x00\x00\x03\x00\x00\x00\x00\x00", 13),
              "Invalid plan encoding: the plan says 3 fetches, its tree has 0");
    CHECK_STR(decode_reason("FMPL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", 14),
              "Invalid plan encoding: 1 bytes after the plan");
    CHECK(decode_reason("FMPL\x01\x00\x00\x00\x00\x00\x00\x00\x00", 13) == NULL);
    /* one variant type and no variant shape; a shape index past the last */
    CHECK_STR(decode_reason("FMPL\x01\x01\x04User\x00\x00\x00\x00\x00\x00\x01\x01\x00", 20),
              "Invalid plan encoding: 1 variant types for 0 variant shapes");
    CHECK_STR(decode_reason("FMPL\x01\x01\x04User\x00\x00\x00\x00\x00\x01\x00\x00\x00\x01"
                            "\x01\x01",
                            23),
              "Invalid plan encoding: variant shape index 1 is out of range");
}

#define ADD(b, literal) sbuf_append((b), (literal), sizeof(literal) - 1)

TEST(deep_nesting_is_rejected)
{
    sbuf b;
    sbuf_init(&b);
    ADD(&b, "FMPL\x01\x00\x00\x00\x00\x01");
    for (int i = 0; i < 600; i++) /* Sequence with one child, 600 deep */
        ADD(&b, "\x00\x01");
    ADD(&b, "\x00\x00\x00");
    CHECK_STR(decode_reason(b.data, b.len), "Invalid plan encoding: nodes nest deeper than 512");
    sbuf_reset(&b);
    /* strings "a", "Query"; one field (kind, keys, no guards) whose type is
     * 600 lists deep */
    ADD(&b, "FMPL\x01\x02\x01"
            "a\x05Query"
            "\x00\x00\x00\x00\x01"
            "\x00\x01\x01\x02\x01\x00");
    for (int i = 0; i < 600; i++)
        ADD(&b, "\x01");
    ADD(&b, "\x03\x02\x00\x00\x00\x00");
    CHECK_STR(decode_reason(b.data, b.len),
              "Invalid plan encoding: type wrappers nest deeper than 512");
    sbuf_reset(&b);
    /* a shape 600 deep: each field's sub-selection has one field */
    ADD(&b, "FMPL\x01\x02\x01"
            "a\x05Query"
            "\x00\x00\x00\x00");
    for (int i = 0; i < 600; i++)
        ADD(&b, "\x01"
                "\x00\x01\x01\x02\x01\x00"
                "\x00\x00\x01");
    CHECK_STR(decode_reason(b.data, b.len), "Invalid plan encoding: shapes nest deeper than 512");
    sbuf_free(&b);
}

TEST(every_truncation_and_bit_flip_of_the_bench_plan_is_safe)
{
    arena a;
    arena_init(&a, 0);
    plan *p = plan_file(&a, bench_sg, "bench/workload/query.graphql");
    CHECK(p != NULL);
    if (!p) {
        arena_free(&a);
        return;
    }
    sbuf bytes;
    sbuf_init(&bytes);
    plan_encode(p, &bytes);
    int accepted = 0;
    for (size_t len = 0; len < bytes.len; len++) {
        uint8_t *cut = malloc(len ? len : 1);
        memcpy(cut, bytes.data, len);
        if (!decode_reason(cut, len)) accepted++;
        free(cut);
    }
    CHECK_INT(accepted, 0);
    /* Flips land in text too (a changed letter in an operation still decodes):
     * what matters is that none crashes; most are caught. */
    uint8_t *flipped = malloc(bytes.len);
    int rejected = 0, tried = 0;
    for (size_t bit = 0; bit < bytes.len * 8; bit += 7, tried++) {
        memcpy(flipped, bytes.data, bytes.len);
        flipped[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        if (decode_reason(flipped, bytes.len)) rejected++;
    }
    fprintf(stderr, "bench plan: %zu bytes, %d of %d bit flips rejected\n", bytes.len, rejected,
            tried);
    CHECK(rejected > 0);
    free(flipped);
    sbuf_free(&bytes);
    arena_free(&a);
}

TEST_MAIN(arena_init(&bench_arena, 0); bench_sg = load_sg(&bench_arena, FIXTURE_BENCH_SUPERGRAPH);
          RUN(every_fixture_plan_round_trips); RUN(sample_plan_decodes);
          RUN(plan_that_does_not_fit_the_supergraph_is_rejected);
          RUN(plan_the_executor_could_not_run_is_rejected); RUN(bad_headers_are_rejected);
          RUN(lying_counts_and_strings_are_rejected); RUN(deep_nesting_is_rejected);
          RUN(every_truncation_and_bit_flip_of_the_bench_plan_is_safe); arena_free(&bench_arena))
