/* schema_test.c: the schema model schema_build makes: built-ins, merged
 * extensions, indexes, roots, possible types, deprecation, look-ups, the
 * type-relation helpers, fixtures, and inputs large or deep enough to catch
 * quadratic work or unbounded recursion. Error messages are covered case by
 * case in schema_sdl_test.c. */
#include "schema.h"
#include "fixture.h"
#include "ftest.h"
#include "parser.h"
#include "sbuf.h"

#include <stdlib.h>

typedef struct fixture {
    arena a;
    diag_list errs;
    schema *s;
} fixture;

static schema *build(fixture *f, const char *sdl)
{
    arena_init(&f->a, 0);
    diag_init(&f->errs, &f->a);
    f->s = schema_from_sdl(&f->a, sdl, strlen(sdl), &f->errs);
    if (f->errs.first) fprintf(stderr, "unexpected: %s\n", f->errs.first->message);
    return f->s;
}

static char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, fp);
    buf[got] = '\0';
    fclose(fp);
    return buf;
}

static schema *build_file(fixture *f, const char *path)
{
    char *sdl = read_file(path);
    if (!sdl) {
        fprintf(stderr, "cannot read %s\n", path);
        arena_init(&f->a, 0);
        return f->s = NULL;
    }
    build(f, sdl);
    free(sdl);
    return f->s;
}

static const ast_type *ref(fixture *f, const char *text)
{
    parse_error err;
    return parse_type(&f->a, text, strlen(text), &err);
}

TEST(builtins_are_present)
{
    fixture f;
    schema *s = build(&f, "type Query { a: Int }");
    CHECK(s != NULL);
    const char *scalars[] = {"Int", "Float", "String", "Boolean", "ID"};
    for (int i = 0; i < 5; i++) {
        schema_type *t = schema_get_type(s, scalars[i]);
        CHECK(t && t->kind == SCHEMA_SCALAR && t->builtin && t->description);
    }
    const char *intro[] = {"__Schema",    "__Type",      "__Field",    "__InputValue",
                           "__EnumValue", "__Directive", "__TypeKind", "__DirectiveLocation"};
    for (int i = 0; i < 8; i++) {
        schema_type *t = schema_get_type(s, intro[i]);
        CHECK(t && t->builtin);
    }
    CHECK_INT(schema_get_type(s, "__TypeKind")->nvalues, 8);
    CHECK_INT(schema_get_type(s, "__DirectiveLocation")->nvalues, 20);
    CHECK(schema_get_field(schema_get_type(s, "__Type"), "possibleTypes") != NULL);
    /* user types come first, in definition order; indexes are dense */
    CHECK_STR(s->types[0]->name, "Query");
    CHECK(!s->types[0]->builtin);
    int dense = 1;
    for (uint32_t i = 0; i < s->ntypes; i++)
        dense &= s->types[i]->index == i;
    CHECK(dense);
    CHECK_INT(s->ntypes, 1 + 5 + 8);
    arena_free(&f.a);
}

TEST(builtin_directives)
{
    fixture f;
    schema *s = build(&f, "directive @mine on FIELD type Query { a: Int }");
    CHECK_INT(s->ndirectives, 6);
    CHECK_STR(s->directives[0]->name, "mine");
    CHECK(!s->directives[0]->builtin);
    schema_directive *skip = schema_get_directive(s, "skip");
    CHECK(skip && skip->builtin && !skip->repeatable);
    CHECK_INT(skip->locations, LOC_FIELD | LOC_FRAGMENT_SPREAD | LOC_INLINE_FRAGMENT);
    CHECK_INT(skip->nargs, 1);
    CHECK_STR(skip->args[0].name, "if");
    CHECK_STR(schema_type_ref_text(&f.a, skip->args[0].type), "Boolean!");
    CHECK(skip->args[0].named == schema_get_type(s, "Boolean"));
    schema_directive *dep = schema_get_directive(s, "deprecated");
    CHECK(dep && dep->args[0].default_value);
    CHECK_STR(dep->args[0].default_value->str, "No longer supported");
    CHECK(dep->locations & LOC_ENUM_VALUE);
    CHECK(dep->locations & LOC_DIRECTIVE_DEFINITION); /* as graphql-js 16.15 lists it */
    CHECK(schema_get_directive(s, "include") && schema_get_directive(s, "specifiedBy") &&
          schema_get_directive(s, "oneOf"));
    CHECK(schema_get_directive(s, "nope") == NULL);
    arena_free(&f.a);
}

TEST(user_directive_replaces_builtin)
{
    fixture f;
    schema *s = build(&f, "directive @deprecated(why: String) on FIELD_DEFINITION\n"
                          "type Query { a: Int @deprecated(why: \"x\") }");
    CHECK(s != NULL);
    schema_directive *d = schema_get_directive(s, "deprecated");
    CHECK(d && !d->builtin);
    CHECK_STR(d->args[0].name, "why");
    CHECK_INT(s->ndirectives, 5);
    arena_free(&f.a);
}

/* graphql-js ignores a user definition of a built-in type's name. */
TEST(redeclared_builtin_types_are_ignored)
{
    fixture f;
    schema *s = build(&f, "type Query { a: String } \"mine\" scalar String\n"
                          "extend scalar String @specifiedBy(url: \"u\")\n"
                          "union Int = Query type __Schema { a: Int }");
    CHECK(s != NULL);
    schema_type *t = schema_get_type(s, "String");
    CHECK(t && t->builtin && t->kind == SCHEMA_SCALAR && t->index == 1);
    CHECK(strncmp(t->description, "The `String` scalar type", 24) == 0);
    CHECK(t->ndirectives == 0 && t->specified_by_url == NULL);
    CHECK(schema_get_field(s->query, "a")->named == t);
    CHECK(schema_get_type(s, "Int")->kind == SCHEMA_SCALAR);
    CHECK(schema_get_field(schema_get_type(s, "__Schema"), "types") != NULL);
    CHECK_INT(s->ntypes, 1 + 5 + 8);
    arena_free(&f.a);
}

TEST(extensions_merge_in_order)
{
    fixture f;
    schema *s = build_file(&f, "tests/fixtures/schema/shop.graphql");
    CHECK(s != NULL);
    if (!s) return;
    schema_type *customer = schema_get_type(s, "Customer");
    CHECK_INT(customer->nfields, 4);
    CHECK_STR(customer->fields[0].name, "id");
    CHECK_STR(customer->fields[3].name, "orders");
    CHECK_INT(customer->ninterfaces, 2);
    CHECK_STR(customer->interfaces[0]->name, "Node");
    CHECK_STR(customer->interfaces[1]->name, "Entity");
    schema_type *result = schema_get_type(s, "SearchResult");
    CHECK_INT(result->npossible, 3);
    CHECK_STR(result->possible[2]->name, "Order");
    schema_type *status = schema_get_type(s, "OrderStatus");
    CHECK_INT(status->nvalues, 4);
    CHECK_STR(status->values[2].name, "SHIPPED");
    schema_type *input = schema_get_type(s, "OrderInput");
    CHECK_INT(input->nfields, 3);
    CHECK_STR(input->fields[2].name, "note");
    CHECK(input->fields[2].parent == input);
    CHECK(s->query == schema_get_type(s, "Query"));
    CHECK(s->mutation == schema_get_type(s, "Mutation"));
    CHECK(s->subscription == NULL);
    CHECK_INT(s->nschema_directives, 2);
    CHECK_STR(s->schema_directives[1]->arguments->value->str, "v2");
    CHECK_STR(s->description, "A small shop: every kind of type, extensions of each kind, "
                              "interfaces\nimplementing interfaces, unions, inputs, enums, custom "
                              "directives.");
    arena_free(&f.a);
}

TEST(type_directive_extensions_keep_order)
{
    fixture f;
    schema *s = build(&f, "directive @t(n: Int) repeatable on OBJECT | SCALAR\n"
                          "type Query @t(n: 1) { a: S } extend type Query @t(n: 2) @t(n: 3)\n"
                          "scalar S @t(n: 1) extend scalar S @t(n: 2)");
    CHECK(s != NULL);
    CHECK_INT(s->query->ndirectives, 3);
    CHECK_STR(s->query->directives[2]->arguments->value->str, "3");
    CHECK_INT(schema_get_type(s, "S")->ndirectives, 2);
    arena_free(&f.a);
}

TEST(fields_args_and_descriptions)
{
    fixture f;
    schema *s = build_file(&f, "tests/fixtures/schema/shop.graphql");
    if (!s) return;
    schema_type *product = schema_get_type(s, "Product");
    CHECK_STR(product->description, "Something you can buy.");
    schema_field *price = schema_get_field(product, "price");
    CHECK(price && price->parent == product);
    CHECK_INT(price->nargs, 1);
    CHECK_STR(price->args[0].name, "currency");
    CHECK(price->args[0].named == schema_get_type(s, "Currency"));
    CHECK(price->args[0].default_value && price->args[0].default_value->kind == AST_VALUE_ENUM);
    CHECK(price->args[0].parent == NULL);
    CHECK_INT(price->ndirectives, 1);
    CHECK_STR(price->directives[0]->name, "cost");
    CHECK(price->named == schema_get_type(s, "Float"));
    schema_field *orders = schema_get_field(schema_get_type(s, "Customer"), "orders");
    CHECK_STR(schema_type_ref_text(&f.a, orders->type), "[Order!]!");
    CHECK(orders->named == schema_get_type(s, "Order"));
    CHECK(schema_get_field(product, "nope") == NULL);
    CHECK(schema_get_field(schema_get_type(s, "Currency"), "EUR") == NULL);
    CHECK_STR(schema_get_type(s, "DateTime")->description, "An instant, ISO 8601.");
    arena_free(&f.a);
}

TEST(field_indexes_are_dense)
{
    fixture f;
    schema *s = build_file(&f, "tests/fixtures/schema/shop.graphql");
    if (!s) return;
    char *seen = calloc(s->nfields, 1);
    uint32_t total = 0;
    int ok = 1;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        schema_type *t = s->types[i];
        for (uint32_t k = 0; k < t->nfields; k++) {
            uint32_t idx = t->fields[k].index;
            ok &= idx < s->nfields && !seen[idx];
            if (idx < s->nfields) seen[idx] = 1;
            total++;
        }
    }
    CHECK(ok);
    CHECK_INT(total, s->nfields);
    free(seen);
    arena_free(&f.a);
}

TEST(possible_types_of_interfaces_and_unions)
{
    fixture f;
    schema *s = build_file(&f, "tests/fixtures/schema/shop.graphql");
    if (!s) return;
    schema_type *node = schema_get_type(s, "Node"), *entity = schema_get_type(s, "Entity");
    /* objects only, in schema order; Entity (an interface) is not listed */
    CHECK_INT(node->npossible, 3);
    CHECK_STR(node->possible[0]->name, "Product");
    CHECK_STR(node->possible[1]->name, "Customer");
    CHECK_STR(node->possible[2]->name, "Order");
    CHECK_INT(entity->npossible, 3);
    CHECK_INT(entity->ninterfaces, 1);
    CHECK(entity->interfaces[0] == node);
    arena_free(&f.a);
}

TEST(possible_types_without_duplicates)
{
    fixture f;
    schema *s = build(&f, "interface I { a: Int } type Query implements I { a: Int }\n"
                          "type B implements I { a: Int } type C { a: Int }");
    CHECK_INT(schema_get_type(s, "I")->npossible, 2);
    CHECK(schema_get_type(s, "C")->npossible == 0);
    arena_free(&f.a);
}

TEST(deprecation)
{
    fixture f;
    schema *s = build(&f, "type Query { a: Int @deprecated b: Int @deprecated(reason: \"gone\")\n"
                          "  c(x: Int @deprecated(reason: \"old\")): Int d: Int\n"
                          "  e: Int @deprecated(reason: null) }\n"
                          "enum E { A @deprecated B } input In { f: Int @deprecated }");
    CHECK(s != NULL);
    schema_type *q = s->query;
    CHECK(q->fields[0].deprecated);
    CHECK_STR(q->fields[0].deprecation_reason, "No longer supported");
    CHECK_STR(q->fields[1].deprecation_reason, "gone");
    CHECK(!q->fields[2].deprecated);
    CHECK(q->fields[2].args[0].deprecated);
    CHECK_STR(q->fields[2].args[0].deprecation_reason, "old");
    CHECK(!q->fields[3].deprecated && q->fields[3].deprecation_reason == NULL);
    CHECK(!q->fields[4].deprecated); /* graphql-js: a null reason is no deprecation */
    const schema_enum_value *a = schema_get_enum_value(schema_get_type(s, "E"), "A");
    CHECK(a && a->deprecated);
    CHECK_STR(a->deprecation_reason, "No longer supported");
    CHECK(!schema_get_enum_value(schema_get_type(s, "E"), "B")->deprecated);
    CHECK(schema_get_enum_value(schema_get_type(s, "E"), "C") == NULL);
    CHECK(schema_get_type(s, "In")->fields[0].deprecated);
    arena_free(&f.a);
}

TEST(specified_by_url)
{
    fixture f;
    schema *s = build_file(&f, "tests/fixtures/schema/shop.graphql");
    if (!s) return;
    CHECK_STR(schema_get_type(s, "DateTime")->specified_by_url,
              "https://tools.ietf.org/html/rfc3339");
    CHECK(schema_get_type(s, "Int")->specified_by_url == NULL);
    arena_free(&f.a);
}

TEST(roots_by_default_names)
{
    fixture f;
    schema *s = build(&f, "type Query { a: Int } type Mutation { a: Int } type Subscription "
                          "{ a: Int }");
    CHECK(s->query == schema_get_type(s, "Query"));
    CHECK(schema_root_type(s, AST_OP_MUTATION) == schema_get_type(s, "Mutation"));
    CHECK(schema_root_type(s, AST_OP_SUBSCRIPTION) == schema_get_type(s, "Subscription"));
    CHECK(schema_root_type(s, AST_OP_QUERY) == s->query);
    arena_free(&f.a);
}

TEST(roots_from_schema_definition)
{
    fixture f;
    schema *s = build(&f, "schema { query: Q } type Q { a: Int } type Mutation { a: Int }");
    CHECK(s->query == schema_get_type(s, "Q"));
    CHECK(s->mutation == NULL); /* a schema definition names every root */
    arena_free(&f.a);
}

TEST(several_documents)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    const char *one = "type Query { a: Int }",
               *two = "extend type Query { b: T } type T { c: Int }";
    parse_error perr;
    const ast_document *docs[2] = {parse_document(&a, one, strlen(one), NULL, &perr),
                                   parse_document(&a, two, strlen(two), NULL, &perr)};
    schema *s = schema_build(&a, docs, 2, &errs);
    CHECK(s != NULL);
    CHECK_INT(s->query->nfields, 2);
    CHECK_STR(s->types[1]->name, "T");
    schema *none = schema_build(&a, docs + 1, 1, &errs);
    CHECK(none == NULL);
    CHECK_STR(errs.first->message, "Cannot extend type \"Query\" because it is not defined.");
    arena_free(&a);
}

TEST(executable_definitions_are_rejected)
{
    fixture f;
    arena_init(&f.a, 0);
    diag_init(&f.errs, &f.a);
    const char *sdl = "type Query { a: Int }\nquery Q { a }\nfragment F on Query { a }";
    CHECK(schema_from_sdl(&f.a, sdl, strlen(sdl), &f.errs) == NULL);
    CHECK_INT(f.errs.count, 2);
    CHECK_STR(f.errs.first->message,
              "Executable definitions are not allowed in a schema document.");
    CHECK_INT(f.errs.first->locs[0].line, 2);
    arena_free(&f.a);
}

TEST(syntax_errors_are_reported)
{
    fixture f;
    arena_init(&f.a, 0);
    diag_init(&f.errs, &f.a);
    const char *sdl = "type Query { a: }";
    CHECK(schema_from_sdl(&f.a, sdl, strlen(sdl), &f.errs) == NULL);
    CHECK_INT(f.errs.count, 1);
    CHECK(strncmp(f.errs.first->message, "Syntax Error: ", 14) == 0);
    CHECK_INT(f.errs.first->locs[0].column, 17);
    arena_free(&f.a);
}

TEST(unknown_directive_location_in_a_built_tree)
{
    /* The parser only lets known locations through; a tree built or edited
     * by hand may hold anything. */
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    const char *sdl = "directive @d on FIELD type Query { a: Int }";
    parse_error perr;
    ast_document *doc = parse_document(&a, sdl, strlen(sdl), NULL, &perr);
    doc->definitions->locations->name = "NOWHERE";
    const ast_document *docs[1] = {doc};
    CHECK(schema_build(&a, docs, 1, &errs) == NULL);
    CHECK_STR(errs.first->message, "Unknown directive location \"NOWHERE\".");
    CHECK_INT(errs.first->locs[0].column, 17);
    arena_free(&a);
}

TEST(no_documents_means_no_query_type)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    CHECK(schema_build(&a, NULL, 0, &errs) == NULL);
    CHECK_INT(errs.count, 1);
    CHECK_STR(errs.first->message, "Query root type must be provided.");
    CHECK_INT(errs.first->nlocs, 0);
    arena_free(&a);
}

TEST(descriptions_everywhere)
{
    fixture f;
    schema *s = build(&f, "\"\"\"the\n  schema\"\"\" schema { query: Query }\n"
                          "\"\"\"desc\"\"\" type Query { \"f\" a(\"arg\" x: Int): Int }\n"
                          "\"e\" enum E { \"v\" A } \"d\" directive @d(\"da\" y: Int) on FIELD");
    CHECK(s != NULL);
    CHECK_STR(s->description, "the\nschema");
    CHECK_STR(s->query->description, "desc");
    CHECK_STR(s->query->fields[0].description, "f");
    CHECK_STR(s->query->fields[0].args[0].description, "arg");
    CHECK_STR(schema_get_type(s, "E")->values[0].description, "v");
    schema_directive *d = schema_get_directive(s, "d");
    CHECK_STR(d->description, "d");
    CHECK_STR(d->args[0].description, "da");
    CHECK(d->args[0].parent == NULL);
    arena_free(&f.a);
}

TEST(bench_supergraph_builds)
{
    fixture f;
    schema *s = build_file(&f, FIXTURE_BENCH_SUPERGRAPH);
    CHECK(s != NULL);
    if (!s) return;
    CHECK_STR(s->query->name, "Query");
    CHECK(s->mutation == NULL);
    CHECK_INT(s->nschema_directives, 2);
    schema_type *graph = schema_get_type(s, "join__Graph");
    CHECK(graph && graph->kind == SCHEMA_ENUM);
    CHECK_INT(graph->nvalues, 4);
    CHECK_STR(graph->values[3].name, "REVIEWS");
    CHECK_INT(graph->values[0].ndirectives, 1);
    schema_type *product = schema_get_type(s, "Product");
    CHECK_INT(product->ndirectives, 3);
    schema_field *weight = schema_get_field(product, "weight");
    CHECK_INT(weight->ndirectives, 2);
    schema_directive *jf = schema_get_directive(s, "join__field");
    CHECK(jf && jf->repeatable && jf->nargs == 7);
    CHECK_INT(jf->locations, LOC_FIELD_DEFINITION | LOC_INPUT_FIELD_DEFINITION);
    schema_field *top = schema_get_field(s->query, "topProducts");
    CHECK_STR(top->args[0].default_value->str, "5");
    CHECK_STR(schema_type_ref_text(&f.a, top->type), "[Product]");
    arena_free(&f.a);
}

TEST(subtype_refs)
{
    fixture f;
    schema *s = build(&f, "interface I { a: Int } interface J implements I { a: Int }\n"
                          "type Query implements I & J { a: Int } type O { a: Int }\n"
                          "union U = Query | O");
    CHECK(s != NULL);
    struct {
        const char *sub, *super;
        bool want;
    } cases[] = {
        {"Int", "Int", true},        {"Int!", "Int", true},      {"Int", "Int!", false},
        {"[Int!]", "[Int]", true},   {"[Int]", "[Int!]", false}, {"[Int]!", "[Int]", true},
        {"Int", "[Int]", false},     {"[Int]", "Int", false},    {"Int", "String", false},
        {"Query", "I", true},        {"Query!", "I", true},      {"[Query!]!", "[I]", true},
        {"O", "I", false},           {"Query", "U", true},       {"O", "U", true},
        {"I", "U", false},           {"J", "I", true},           {"I", "J", false},
        {"I", "Query", false},       {"U", "Query", false},      {"[[Query]]", "[[I]]", true},
        {"[[Query]]", "[I]", false}, {"Nope", "I", false},       {"Query", "Nope", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool got = schema_is_subtype_ref(s, ref(&f, cases[i].sub), ref(&f, cases[i].super));
        if (got != cases[i].want)
            fprintf(stderr, "  subtype %s <: %s gave %d\n", cases[i].sub, cases[i].super, got);
        CHECK(got == cases[i].want);
    }
    arena_free(&f.a);
}

TEST(type_ref_equality_and_text)
{
    fixture f;
    arena_init(&f.a, 0);
    CHECK(schema_type_ref_equal(ref(&f, "[Int!]!"), ref(&f, "[Int!]!")));
    CHECK(!schema_type_ref_equal(ref(&f, "[Int!]!"), ref(&f, "[Int!]")));
    CHECK(!schema_type_ref_equal(ref(&f, "[Int]"), ref(&f, "[ID]")));
    CHECK(!schema_type_ref_equal(ref(&f, "Int"), ref(&f, "[Int]")));
    CHECK_STR(schema_type_ref_text(&f.a, ref(&f, "[[Int!]]!")), "[[Int!]]!");
    CHECK_STR(schema_type_ref_text(&f.a, ref(&f, "Boolean")), "Boolean");
    arena_free(&f.a);
}

TEST(possible_and_overlap)
{
    fixture f;
    schema *s = build(&f, "interface I { a: Int } interface K { a: Int }\n"
                          "type Query implements I { a: Int } type O implements I & K { a: Int }\n"
                          "type P { a: Int } union U = Query | P union V = P union W = O");
    CHECK(s != NULL);
    schema_type *I = schema_get_type(s, "I"), *K = schema_get_type(s, "K"),
                *Q = schema_get_type(s, "Query"), *O = schema_get_type(s, "O"),
                *P = schema_get_type(s, "P"), *U = schema_get_type(s, "U"),
                *V = schema_get_type(s, "V"), *W = schema_get_type(s, "W");
    CHECK(schema_is_possible_type(I, Q) && schema_is_possible_type(I, O));
    CHECK(!schema_is_possible_type(I, P));
    CHECK(schema_is_possible_type(U, P) && !schema_is_possible_type(U, O));
    CHECK(schema_is_possible_type(P, P) && !schema_is_possible_type(P, Q));
    CHECK(schema_implements(O, K) && !schema_implements(Q, K));
    CHECK(schema_types_overlap(I, U));  /* Query */
    CHECK(schema_types_overlap(I, K));  /* O */
    CHECK(!schema_types_overlap(K, U)); /* nothing shared */
    CHECK(schema_types_overlap(U, V) && !schema_types_overlap(V, W));
    CHECK(schema_types_overlap(W, K) && schema_types_overlap(O, W));
    CHECK(!schema_types_overlap(Q, P) && schema_types_overlap(Q, Q));
    CHECK(schema_types_overlap(Q, I) && !schema_types_overlap(P, I));
    arena_free(&f.a);
}

TEST(location_names)
{
    CHECK_STR(schema_location_name(LOC_QUERY), "QUERY");
    CHECK_STR(schema_location_name(LOC_INPUT_FIELD_DEFINITION), "INPUT_FIELD_DEFINITION");
    CHECK_STR(schema_location_name(LOC_DIRECTIVE_DEFINITION), "DIRECTIVE_DEFINITION");
    CHECK(schema_location_name(LOC_QUERY | LOC_FIELD) == NULL);
    CHECK_INT(schema_location_from_name("VARIABLE_DEFINITION"), LOC_VARIABLE_DEFINITION);
    CHECK_INT(schema_location_from_name("field"), 0);
}

/* Thousands of types: an interface with many implementations, a wide
 * union, a long enum; builds without quadratic blow-up (timed by the
 * harness run, checked here for results). */
TEST(large_schema)
{
    enum { N = 4000 };
    sbuf sdl;
    sbuf_init(&sdl);
    sbuf_puts(&sdl, "interface Node { id: ID! }\ntype Query { node: Node all: All e: E }\n");
    sbuf_puts(&sdl, "union All =");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, " | T%d", i);
    sbuf_puts(&sdl, "\nenum E {");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, " V%d", i);
    sbuf_puts(&sdl, " }\n");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, "type T%d implements Node { id: ID! next: T%d f(a: Int): Int }\n", i,
                    (i + 1) % N);
    fixture f;
    schema *s = build(&f, sdl.data);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(schema_get_type(s, "Node")->npossible, N);
        CHECK_INT(schema_get_type(s, "All")->npossible, N);
        CHECK_INT(schema_get_type(s, "E")->nvalues, N);
        uint32_t user_fields = 0;
        for (uint32_t i = 0; i < s->ntypes; i++)
            if (!s->types[i]->builtin) user_fields += s->types[i]->nfields;
        CHECK_INT(user_fields, 1 + 3 + 3 * N);
        CHECK(schema_types_overlap(schema_get_type(s, "Node"), schema_get_type(s, "All")));
    }
    sbuf_free(&sdl);
    arena_free(&f.a);
}

/* A chain of non-null input fields thousands deep closing into a cycle:
 * found without recursion. */
TEST(deep_input_cycle)
{
    enum { N = 20000 };
    sbuf sdl;
    sbuf_init(&sdl);
    sbuf_puts(&sdl, "type Query { a(x: In0): Int }\n");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, "input In%d { f: In%d! }\n", i, (i + 1) % N);
    fixture f;
    arena_init(&f.a, 0);
    diag_init(&f.errs, &f.a);
    CHECK(schema_from_sdl(&f.a, sdl.data, sdl.len, &f.errs) == NULL);
    CHECK_INT(f.errs.count, 1);
    CHECK(f.errs.first && strncmp(f.errs.first->message,
                                  "Cannot reference Input Object \"In0\" within itself through a "
                                  "series of non-null fields: \"f.f.f.",
                                  80) == 0);
    sbuf_free(&sdl);
    arena_free(&f.a);
}

/* Lists tens of thousands long, with repeats: every duplicate check stays
 * linear (a quadratic one would take minutes here). */
TEST(long_lists_stay_linear)
{
    enum { N = 40000 };
    sbuf sdl;
    sbuf_init(&sdl);
    sbuf_puts(&sdl, "directive @d(");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, " a%d: Int", i);
    sbuf_puts(&sdl, ") on FIELD_DEFINITION\ntype Query { f(");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, " b%d: Int", i);
    sbuf_puts(&sdl, " b7: Int): Int @d(");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, " a%d: 1", i);
    sbuf_puts(&sdl, " a9: 2) }");
    fixture f;
    arena_init(&f.a, 0);
    diag_init(&f.errs, &f.a);
    CHECK(schema_from_sdl(&f.a, sdl.data, sdl.len, &f.errs) == NULL);
    CHECK_INT(f.errs.count, 2);
    CHECK_STR(f.errs.first->message, "Argument \"Query.f(b7:)\" can only be defined once.");
    CHECK_STR(f.errs.last->message, "There can be only one argument named \"a9\".");
    sbuf_free(&sdl);
    arena_free(&f.a);
}

/* The same for the type-system checks: arguments matched between a long
 * interface field and its implementation, long lists of interfaces. */
TEST(long_lists_in_type_checks)
{
    enum { N = 40000, IFACES = 40 };
    sbuf sdl;
    sbuf_init(&sdl);
    sbuf_puts(&sdl, "interface I { f(");
    for (int i = 0; i < N; i++)
        sbuf_printf(&sdl, " a%d: Int", i);
    sbuf_puts(&sdl, "): Int }\ntype Query implements I { f(");
    for (int i = N; i-- > 0;)
        sbuf_printf(&sdl, " a%d: Int", i);
    sbuf_puts(&sdl, " extra: Int!): Int }\ninterface J0 { g: Int }\n");
    for (int i = 1; i < IFACES; i++)
        sbuf_printf(&sdl, "interface J%d implements J0 { g: Int }\n", i);
    sbuf_puts(&sdl, "type O implements");
    for (int i = 1; i < IFACES; i++)
        sbuf_printf(&sdl, " & J%d", i);
    sbuf_puts(&sdl, " & J7 { g: Int }");
    fixture f;
    arena_init(&f.a, 0);
    diag_init(&f.errs, &f.a);
    CHECK(schema_from_sdl(&f.a, sdl.data, sdl.len, &f.errs) == NULL);
    CHECK_INT(f.errs.count, 1 + (IFACES - 1) + 1);
    CHECK_STR(f.errs.first->message, "Object field Query.f includes required argument extra that "
                                     "is missing from the Interface field I.f.");
    CHECK_STR(f.errs.first->next->message,
              "Type O must implement J0 because it is implemented by J1.");
    CHECK_STR(f.errs.last->message, "Type O can only implement J7 once.");
    sbuf_free(&sdl);
    arena_free(&f.a);
}

TEST(errors_leave_no_schema_and_many_are_bounded)
{
    sbuf sdl;
    sbuf_init(&sdl);
    sbuf_puts(&sdl, "type Query {");
    for (int i = 0; i < 500; i++)
        sbuf_printf(&sdl, " f%d: Missing%d", i, i);
    sbuf_puts(&sdl, " }");
    fixture f;
    arena_init(&f.a, 0);
    diag_init(&f.errs, &f.a);
    CHECK(schema_from_sdl(&f.a, sdl.data, sdl.len, &f.errs) == NULL);
    CHECK_INT(f.errs.count, 500);
    CHECK_STR(f.errs.first->message, "Unknown type \"Missing0\".");
    CHECK_STR(f.errs.last->message, "Unknown type \"Missing99\"."); /* the rest only counted */
    sbuf_free(&sdl);
    arena_free(&f.a);
}

TEST_MAIN(RUN(builtins_are_present); RUN(builtin_directives); RUN(user_directive_replaces_builtin);
          RUN(redeclared_builtin_types_are_ignored); RUN(extensions_merge_in_order);
          RUN(type_directive_extensions_keep_order); RUN(fields_args_and_descriptions);
          RUN(field_indexes_are_dense); RUN(possible_types_of_interfaces_and_unions);
          RUN(possible_types_without_duplicates); RUN(deprecation); RUN(specified_by_url);
          RUN(roots_by_default_names); RUN(roots_from_schema_definition); RUN(several_documents);
          RUN(executable_definitions_are_rejected); RUN(syntax_errors_are_reported);
          RUN(unknown_directive_location_in_a_built_tree); RUN(no_documents_means_no_query_type);
          RUN(descriptions_everywhere); RUN(bench_supergraph_builds); RUN(subtype_refs);
          RUN(type_ref_equality_and_text); RUN(possible_and_overlap); RUN(location_names);
          RUN(large_schema); RUN(deep_input_cycle); RUN(long_lists_stay_linear);
          RUN(long_lists_in_type_checks); RUN(errors_leave_no_schema_and_many_are_bounded);)
