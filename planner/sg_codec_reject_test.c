/* sg_codec_reject_test.c: supergraph images that must be refused, with
 * their exact reasons: bad headers, every truncation, counts and indexes out
 * of range, nesting bombs, and images of tampered supergraphs that would not
 * hold together (each test loads RICH, breaks one thing in the model, encodes
 * it, and decodes). Also RICH's own round trip, and bit flips that must never
 * crash. sg_codec_test.c round-trips the repository's supergraphs. */
#include <stdlib.h>

#include "ftest.h"
#include "schema_print.h"
#include "sg_codec.h"

/* Small, but with a bit of everything: two graphs, keys, requires,
 * provides, external, a progressive override, a context argument, an
 * interface object, @inaccessible, @join__directive, a union, an enum, an
 * input type, default values, deprecations, descriptions, a custom directive,
 * @specifiedBy and strings holding a NUL character. */
static const char RICH[] =
    "schema\n"
    "  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"
    "  @link(url: \"https://specs.apollo.dev/join/v0.5\", for: EXECUTION)\n"
    "  @link(url: \"https://specs.apollo.dev/context/v0.1\", for: SECURITY)\n"
    "  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n"
    "{\n"
    "  query: Query\n"
    "  mutation: Mutation\n"
    "}\n"
    "\n"
    "directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION\n"
    "\n"
    "directive @context__fromContext(field: context__ContextFieldValue) on ARGUMENT_DEFINITION\n"
    "\n"
    "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | "
    "ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n"
    "\n"
    "directive @join__directive(graphs: [join__Graph!], name: String!, args: "
    "join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION\n"
    "\n"
    "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE\n"
    "\n"
    "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: "
    "join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean, "
    "overrideLabel: String, contextArguments: [join__ContextArgument!]) repeatable on "
    "FIELD_DEFINITION | INPUT_FIELD_DEFINITION\n"
    "\n"
    "directive @join__graph(name: String!, url: String!) on ENUM_VALUE\n"
    "\n"
    "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | "
    "INTERFACE\n"
    "\n"
    "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, "
    "resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | "
    "INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR\n"
    "\n"
    "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION\n"
    "\n"
    "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) "
    "repeatable on SCHEMA\n"
    "\n"
    "\"\"\"A custom directive with a list argument.\"\"\"\n"
    "directive @tagged(names: [String!] = [\"x\"]) repeatable on FIELD_DEFINITION | OBJECT\n"
    "\n"
    "scalar context__ContextFieldValue\n"
    "\n"
    "input join__ContextArgument {\n"
    "  name: String!\n"
    "  type: String!\n"
    "  context: String!\n"
    "  selection: join__FieldValue!\n"
    "}\n"
    "\n"
    "scalar join__DirectiveArguments\n"
    "\n"
    "scalar join__FieldSet\n"
    "\n"
    "scalar join__FieldValue\n"
    "\n"
    "enum join__Graph {\n"
    "  A @join__graph(name: \"a\", url: \"http://a.example/graphql\")\n"
    "  B @join__graph(name: \"b\", url: \"http://b.example/graphql\")\n"
    "}\n"
    "\n"
    "scalar link__Import\n"
    "\n"
    "enum link__Purpose {\n"
    "  SECURITY\n"
    "  EXECUTION\n"
    "}\n"
    "\n"
    "\"\"\"\n"
    "The root: a block description.\n"
    "\"\"\"\n"
    "type Query\n"
    "  @join__type(graph: A)\n"
    "  @join__type(graph: B)\n"
    "{\n"
    "  t: T @join__field(graph: A)\n"
    "  node(id: ID!): Node @join__field(graph: B)\n"
    "  search(filter: Filter = {size: 10, tags: [\"a\", \"b\\u0000c\"]}, kind: Kind = BIG): "
    "[Result!]! @join__field(graph: B)\n"
    "  old: String @join__field(graph: A) @deprecated(reason: \"use t\")\n"
    "  hidden: Int @join__field(graph: A) @inaccessible\n"
    "}\n"
    "\n"
    "type Mutation\n"
    "  @join__type(graph: A)\n"
    "{\n"
    "  touch(id: ID!): T @join__directive(graphs: [A], name: \"audit\", args: {level: 2, why: "
    "\"x\\u0000y\"})\n"
    "}\n"
    "\n"
    "interface Node\n"
    "  @join__type(graph: A, key: \"id\")\n"
    "  @join__type(graph: B, key: \"id\", isInterfaceObject: true)\n"
    "{\n"
    "  id: ID!\n"
    "  label: String @join__field(graph: B)\n"
    "}\n"
    "\n"
    "type T implements Node\n"
    "  @join__implements(graph: A, interface: \"Node\")\n"
    "  @join__type(graph: A, key: \"id\")\n"
    "  @join__type(graph: B, key: \"id\", resolvable: false)\n"
    "  @context(name: \"a__ctx\")\n"
    "  @tagged(names: [\"t\"])\n"
    "{\n"
    "  id: ID!\n"
    "  prefix: String @join__field(graph: A)\n"
    "  weight: Float @join__field(graph: A) @join__field(graph: B, external: true)\n"
    "  cost: Float @join__field(graph: B, requires: \"weight\")\n"
    "  u: U @join__field(graph: A, provides: \"name\")\n"
    "  x: Int @join__field(graph: A, overrideLabel: \"percent(50)\") @join__field(graph: B, "
    "override: \"a\", overrideLabel: \"percent(50)\")\n"
    "  label: String @join__field(graph: B)\n"
    "}\n"
    "\n"
    "type U\n"
    "  @join__type(graph: A, key: \"id\")\n"
    "  @join__type(graph: B, key: \"id\")\n"
    "{\n"
    "  id: ID!\n"
    "  field(other: Int = 3): String @join__field(graph: A, contextArguments: [{context: "
    "\"a__ctx\", name: \"p\", type: \"String\", selection: \" { prefix }\"}])\n"
    "  name: String @join__field(graph: A, external: true) @join__field(graph: B)\n"
    "}\n"
    "\n"
    "union Result\n"
    "  @join__type(graph: B)\n"
    "  @join__unionMember(graph: B, member: \"U\")\n"
    " = U\n"
    "\n"
    "enum Kind\n"
    "  @join__type(graph: B)\n"
    "{\n"
    "  BIG @join__enumValue(graph: B)\n"
    "  SMALL @join__enumValue(graph: B) @deprecated\n"
    "  SECRET @join__enumValue(graph: B) @inaccessible\n"
    "}\n"
    "\n"
    "input Filter\n"
    "  @join__type(graph: B)\n"
    "{\n"
    "  size: Int = 5\n"
    "  tags: [String!]\n"
    "}\n"
    "\n"
    "scalar Url @join__type(graph: A) @specifiedBy(url: \"https://example.com/url\")\n";

typedef struct fixture {
    arena a;
    diag_list errs;
    supergraph *sg;
    sbuf image;
} fixture;

static void fixture_open(fixture *f)
{
    arena_init(&f->a, 0);
    diag_init(&f->errs, &f->a);
    sbuf_init(&f->image);
    f->sg = sg_load(&f->a, RICH, sizeof RICH - 1, &f->errs);
    if (!f->sg) {
        fprintf(stderr, "RICH does not load: %s\n", f->errs.first->message);
        abort();
    }
}

static void fixture_close(fixture *f)
{
    sbuf_free(&f->image);
    arena_free(&f->a);
}

/* The one error decoding bytes[0..len) gives; "" when it decodes. */
static const char *decode_error(arena *a, const void *bytes, size_t len)
{
    diag_list errs;
    diag_init(&errs, a);
    supergraph *sg = sg_decode(a, bytes, len, &errs);
    if (sg) return errs.count ? "decoded, with errors" : "";
    if (errs.count != 1) return "not exactly one error";
    return errs.first->message;
}

/* f's supergraph, tampered, encoded and decoded: the error. */
static const char *reencoded_error(fixture *f)
{
    sbuf_reset(&f->image);
    sg_encode(f->sg, &f->image);
    return decode_error(&f->a, f->image.data, f->image.len);
}

static schema_type *type_of(const schema *s, const char *name)
{
    schema_type *t = schema_get_type(s, name);
    if (!t) abort();
    return t;
}

static schema_field *field_of(const schema *s, const char *type, const char *name)
{
    schema_field *f = schema_get_field(type_of(s, type), name);
    if (!f) abort();
    return f;
}

static char *printed(arena *a, const schema *s)
{
    sbuf out;
    sbuf_init(&out);
    schema_print(&out, s);
    char *text = arena_strdup(a, out.data);
    sbuf_free(&out);
    return text;
}

/* ---- RICH itself ---- */

TEST(rich_round_trips_and_owns_its_memory)
{
    fixture f;
    fixture_open(&f);
    sg_encode(f.sg, &f.image);
    char *full = printed(&f.a, f.sg->full), *api = printed(&f.a, f.sg->api);
    arena b;
    arena_init(&b, 0);
    diag_list errs;
    diag_init(&errs, &b);
    /* decoded from a copy that is wiped after: nothing may point into it */
    uint8_t *copy = malloc(f.image.len);
    memcpy(copy, f.image.data, f.image.len);
    supergraph *sg = sg_decode(&b, copy, f.image.len, &errs);
    memset(copy, 0xee, f.image.len);
    free(copy);
    CHECK(sg != NULL);
    CHECK_STR(printed(&b, sg->full), full);
    CHECK_STR(printed(&b, sg->api), api);
    fixture_close(&f);

    const schema_field *search = schema_get_field(sg->api->query, "search");
    const ast_value *tags = search->args[0].default_value->fields->next->value;
    CHECK_INT(tags->items->next->len, 3); /* "b\u0000c" */
    CHECK(memcmp(tags->items->next->str, "b\0c", 3) == 0);
    CHECK_STR(sg->full->query->description, "The root: a block description.");
    CHECK_INT(sg->ngraphs, 2);
    CHECK_STR(sg->graphs[1].url, "http://b.example/graphql");
    const schema_field *x = schema_get_field(type_of(sg->full, "T"), "x");
    CHECK_STR(sg_field_in_graph(sg, x, 1)->override_label, "percent(50)");
    CHECK_STR(sg_field_in_graph(sg, x, 1)->override_from, "a");
    CHECK(sg_field_resolvable_in(sg, x, 0) && sg_field_resolvable_in(sg, x, 1));
    const schema_field *cost = schema_get_field(type_of(sg->full, "T"), "cost");
    CHECK_STR(sg_field_in_graph(sg, cost, 1)->requires.text, "weight");
    CHECK_STR(sg_field_in_graph(sg, cost, 1)->requires.selection->name, "weight");
    CHECK(sg_is_interface_object(sg, type_of(sg->api, "Node"), 1));
    CHECK(!sg_is_interface_object(sg, type_of(sg->api, "Node"), 0));
    const sg_field_graph *field = sg_field_in_graph(sg, field_of(sg->full, "U", "field"), 0);
    CHECK_INT(field->ncontext_args, 1);
    CHECK_STR(field->context_args[0].context, "a__ctx");
    CHECK_STR(field->context_args[0].selection.selection->name, "prefix");
    CHECK_INT(sg->ndirectives, 1);
    CHECK_STR(sg->directives[0].name, "audit");
    CHECK_STR(sg->directives[0].field->name, "touch");
    CHECK(sg->directives[0].type == sg->full->mutation);
    CHECK(schema_get_field(sg->api->query, "hidden") == NULL);
    CHECK(schema_get_field(sg->full->query, "hidden") != NULL);
    CHECK(sg_full_field(sg, search) == schema_get_field(sg->full->query, "search"));
    CHECK_STR(type_of(sg->full, "Url")->specified_by_url, "https://example.com/url");
    CHECK_INT(sg_type_keys(sg, type_of(sg->full, "T"), 1, &(uint32_t){0})->resolvable, 0);
    arena_free(&b);
}

/* ---- headers and hand-made bytes ---- */

#define REJECTS(bytes, want)                                                                       \
    do {                                                                                           \
        arena a_;                                                                                  \
        arena_init(&a_, 0);                                                                        \
        CHECK_STR(decode_error(&a_, bytes, sizeof bytes - 1), "Invalid supergraph image: " want);  \
        arena_free(&a_);                                                                           \
    } while (0)

TEST(headers)
{
    REJECTS("", "not a supergraph image (no FMSG header)");
    REJECTS("FMSG", "not a supergraph image (no FMSG header)");
    REJECTS("FMPL\x01", "not a supergraph image (no FMSG header)");
    REJECTS("FMSG\x02", "format version 2 is not supported");
    REJECTS("FMSG\x00", "format version 0 is not supported");
    REJECTS("FMSG\x01", "cut short");
}

TEST(hand_made_bytes)
{
    REJECTS("FMSG\x01\xff\xff\xff\xff\x0f",
            "string table count 4294967295 is more than the bytes left");
    REJECTS("FMSG\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", "integer too long");
    REJECTS("FMSG\x01\x01\x09"
            "abc",
            "string of 9 bytes is cut short");
    REJECTS("FMSG\x01\x00\x05\x00", "directive count 5 is more than the bytes left");
    REJECTS("FMSG\x01\x00\x00\x02", "fed1 flag 2 is out of range");
    REJECTS("FMSG\x01\x00\x00\x00\x7f\x00\x00", "graph count 127 is more than the bytes left");
    REJECTS("FMSG\x01\x00\x00\x00\x01\x05\x00\x00", "string 5 is not in the table");
    REJECTS("FMSG\x01\x00\x00\x00\x01\x00\x00\x00", "graph enum value is missing");
    /* "A\0B" as a graph's enum value: NUL bytes are for string values only */
    REJECTS("FMSG\x01\x01\x03"
            "A\0B"
            "\x00\x00\x01\x01\x01\x01",
            "string 1 holds a NUL byte");
    REJECTS("FMSG\x01\x02\x01"
            "a\x01"
            "b"
            "\x00\x00\x02\x01\x01\x01\x01\x02\x01",
            "graph enum value a is listed twice");
    REJECTS("FMSG\x01\x02\x01"
            "a\x01"
            "b"
            "\x00\x00\x02\x01\x01\x01\x02\x01\x01",
            "subgraph a is listed twice");
    REJECTS("FMSG\x01\x00\x00\x00\x00\x00\x05", "join feature 5 is out of range");
    REJECTS("FMSG\x01\x00\x00\x00\x00\x09"
            "\x00\x00\x00\x00\x00\x00\x00\x00",
            "feature count 9 is more than the bytes left");
    /* a directive table entry whose value kind is not one */
    REJECTS("FMSG\x01\x02\x01"
            "d\x01"
            "x"
            "\x01\x01\x01\x02\x09",
            "value kind 9 is out of range");
}

/* ---- every prefix, and bit flips ---- */

TEST(every_truncation_is_refused)
{
    fixture f;
    fixture_open(&f);
    sg_encode(f.sg, &f.image);
    uint32_t refused = 0;
    for (size_t len = 0; len < f.image.len; len++) {
        arena a;
        arena_init(&a, 0);
        const char *err = decode_error(&a, f.image.data, len);
        refused += strncmp(err, "Invalid supergraph image: ", 26) == 0;
        arena_free(&a);
    }
    CHECK_INT(refused, f.image.len);
    arena a;
    arena_init(&a, 0);
    CHECK_STR(decode_error(&a, f.image.data, f.image.len), "");
    sbuf_putc(&f.image, 0);
    CHECK_STR(decode_error(&a, f.image.data, f.image.len),
              "Invalid supergraph image: 1 bytes after the supergraph");
    arena_free(&a);
    fixture_close(&f);
}

/* Flipped bytes decode or are refused with one error; what decodes prints
 * and encodes again into an image that decodes. */
TEST(bit_flips_never_crash)
{
    fixture f;
    fixture_open(&f);
    sg_encode(f.sg, &f.image);
    uint8_t *bytes = malloc(f.image.len);
    uint32_t refused = 0, decoded = 0;
    for (size_t i = 5; i < f.image.len; i++) {
        {
            memcpy(bytes, f.image.data, f.image.len);
            bytes[i] ^= (uint8_t)(1u << (i % 8));
            arena a;
            arena_init(&a, 0);
            diag_list errs;
            diag_init(&errs, &a);
            supergraph *sg = sg_decode(&a, bytes, f.image.len, &errs);
            if (sg) {
                sbuf again;
                sbuf_init(&again);
                printed(&a, sg->full);
                printed(&a, sg->api);
                sg_encode(sg, &again);
                CHECK(sg_decode(&a, (const uint8_t *)again.data, again.len, &errs) != NULL);
                sbuf_free(&again);
                decoded++;
            } else {
                CHECK_INT(errs.count, 1);
                refused++;
            }
            arena_free(&a);
        }
    }
    printf("bit flips: %u refused, %u decoded (a string's bytes, a flag, an index in range)\n",
           refused, decoded);
    CHECK(refused > 0 && decoded > 0);
    free(bytes);
    fixture_close(&f);
}

/* ---- nesting ---- */

TEST(value_depth_bomb)
{
    fixture f;
    fixture_open(&f);
    ast_value *v = ARENA_NEW(&f.a, ast_value);
    v->kind = AST_VALUE_INT;
    v->str = "1";
    for (int i = 0; i < SG_CODEC_MAX_DEPTH + 1; i++) {
        ast_value *list = ARENA_NEW(&f.a, ast_value);
        list->kind = AST_VALUE_LIST;
        list->items = v;
        v = list;
    }
    field_of(f.sg->full, "U", "field")->args[0].default_value = v;
    CHECK_STR(reencoded_error(&f), "Invalid supergraph image: values nest deeper than 256");
    fixture_close(&f);
}

TEST(type_wrapper_bomb)
{
    fixture f;
    fixture_open(&f);
    schema_field *t = field_of(f.sg->full, "Query", "t");
    const ast_type *ref = t->type;
    for (int i = 0; i < SG_CODEC_MAX_DEPTH + 1; i++) {
        ast_type *list = ARENA_NEW(&f.a, ast_type);
        list->kind = AST_TYPE_LIST;
        list->of = (ast_type *)ref;
        ref = list;
    }
    t->type = ref;
    CHECK_STR(reencoded_error(&f), "Invalid supergraph image: type wrappers nest deeper than 256");
    fixture_close(&f);
}

TEST(selection_depth_bomb)
{
    fixture f;
    fixture_open(&f);
    const schema_field *cost = field_of(f.sg->full, "T", "cost");
    sg_field_graph *fg = (sg_field_graph *)sg_field_in_graph(f.sg, cost, 1);
    ast_selection *sel = NULL;
    for (int i = 0; i < SG_CODEC_MAX_DEPTH + 2; i++) {
        ast_selection *outer = ARENA_NEW(&f.a, ast_selection);
        outer->kind = AST_SEL_FIELD;
        outer->name = "u";
        outer->selection_set = sel;
        sel = outer;
    }
    fg->requires.selection = sel;
    CHECK_STR(reencoded_error(&f), "Invalid supergraph image: selections nest deeper than 256");
    fixture_close(&f);
}

TEST(non_null_of_non_null)
{
    fixture f;
    fixture_open(&f);
    schema_field *id = field_of(f.sg->full, "T", "id");
    ast_type *outer = ARENA_NEW(&f.a, ast_type);
    outer->kind = AST_TYPE_NON_NULL;
    outer->of = (ast_type *)id->type;
    id->type = outer;
    CHECK_STR(reencoded_error(&f), "Invalid supergraph image: non-null type wraps a non-null type");
    fixture_close(&f);
}

/* ---- supergraphs that do not hold together ---- */

#define TAMPERED(name, tamper, want)                                                               \
    TEST(name)                                                                                     \
    {                                                                                              \
        fixture f;                                                                                 \
        fixture_open(&f);                                                                          \
        supergraph *sg = f.sg;                                                                     \
        tamper;                                                                                    \
        CHECK_STR(reencoded_error(&f), "Invalid supergraph image: " want);                         \
        fixture_close(&f);                                                                         \
    }

TAMPERED(api_field_mapped_to_another_name,
         sg->api_to_full[field_of(sg->api, "Query", "t")->index] = field_of(sg->full, "Query",
                                                                            "node"),
         "API field Query.t maps to Query.node")
TAMPERED(api_field_mapped_to_another_parent,
         sg->api_to_full[field_of(sg->api, "T", "id")->index] = field_of(sg->full, "U", "id"),
         "API field T.id maps to U.id")
TAMPERED(api_type_without_twin, type_of(sg->api, "Kind")->name = "Sort",
         "API type Sort has no twin in the supergraph")
TAMPERED(output_field_of_input_type,
         field_of(sg->full, "T", "u")->named = type_of(sg->full, "Filter"),
         "field T.u cannot be of type Filter")
TAMPERED(input_field_of_output_type,
         field_of(sg->full, "Filter", "size")->named = type_of(sg->full, "T"),
         "field Filter.size cannot be of type T")
TAMPERED(argument_of_output_type,
         field_of(sg->full, "Query", "node")->args[0].named = type_of(sg->full, "U"),
         "argument Query.node(id:) cannot be of type U")
TAMPERED(duplicate_type, type_of(sg->full, "U")->name = "T", "type T is defined twice")
TAMPERED(duplicate_field, field_of(sg->full, "T", "prefix")->name = "id",
         "field T.id is defined twice")
TAMPERED(duplicate_directive_definition, schema_get_directive(sg->full, "tagged")->name = "link",
         "directive @link is defined twice")
TAMPERED(root_type_not_an_object, sg->full->query = type_of(sg->full, "Node"),
         "query type Node is not an object type")
TAMPERED(implementing_a_non_interface,
         type_of(sg->full, "T")->interfaces[0] = type_of(sg->full, "U"),
         "type T cannot implement U")
TAMPERED(possible_type_that_does_not_implement,
         type_of(sg->full, "Node")->possible[0] = type_of(sg->full, "U"),
         "type U cannot be a possible type of Node")
TAMPERED(interface_missing_an_implementation, type_of(sg->full, "Node")->npossible = 0,
         "interface Node lists 0 possible types, 1 objects implement it")
TAMPERED(union_member_not_an_object,
         type_of(sg->full, "Result")->possible[0] = type_of(sg->full, "Node"),
         "type Node cannot be a possible type of Result")
TAMPERED(deprecated_without_reason, field_of(sg->full, "Query", "old")->deprecation_reason = NULL,
         "old: deprecation reason does not match its flag")
TAMPERED(location_name_not_a_location,
         ((ast_name *)schema_get_directive(sg->full, "tagged")->location_names)->name = "QUERY",
         "@tagged: location QUERY is not among its locations")
TAMPERED(field_in_a_graph_without_its_type,
         sg->fields[field_of(sg->full, "Filter", "size")->index].graphs[0].graph = &sg->graphs[0],
         "field Filter.size is in graph a, its type is not")
TAMPERED(
    graphs_out_of_order,
    {
        sg_field *weight = &sg->fields[field_of(sg->full, "T", "weight")->index];
        sg_field_graph first = weight->graphs[0];
        weight->graphs[0] = weight->graphs[1];
        weight->graphs[1] = first;
    },
    "graph 0 is listed out of order")
TAMPERED(
    key_selecting_an_unknown_field,
    ((ast_selection *)sg_type_in_graph(sg, type_of(sg->full, "T"), 0)->keys[0].fields.selection)
        ->name = "nope",
    "key selects unknown field T.nope")
TAMPERED(
    requires_selecting_into_a_leaf,
    {
        const sg_field_graph *fg = sg_field_in_graph(sg, field_of(sg->full, "T", "cost"), 1);
        ((ast_selection *)fg->requires.selection)->selection_set = fg->requires.selection;
        ((ast_selection *)fg->requires.selection)->selection_set = ARENA_NEW(&f.a, ast_selection);
        fg->requires.selection->selection_set->name = "id";
    },
    "requires: the selection of T.weight does not fit its type")
TAMPERED(
    provides_with_a_fragment_spread,
    ((ast_selection *)sg_field_in_graph(sg, field_of(sg->full, "T", "u"), 0)->provides.selection)
        ->kind = AST_SEL_FRAGMENT_SPREAD,
    "provides holds a fragment spread")
TAMPERED(
    fragment_on_a_type_without_fields,
    {
        ast_selection *sel = (ast_selection *)sg_field_in_graph(sg, field_of(sg->full, "T", "u"), 0)
                                 ->provides.selection;
        ast_selection *inner = ARENA_NEW(&f.a, ast_selection);
        *inner = *sel;
        sel->kind = AST_SEL_INLINE_FRAGMENT;
        sel->name = NULL;
        sel->type_condition = "Kind";
        sel->selection_set = inner;
    },
    "provides: fragment on Kind, which is not a type with fields")
TAMPERED(graph_interface_not_implemented,
         sg->types[type_of(sg->full, "T")->index].by_graph[0]->interfaces[0] = type_of(sg->full,
                                                                                       "U"),
         "graph interface U does not fit type T")
TAMPERED(graph_union_member_not_a_member,
         sg->types[type_of(sg->full, "Result")->index].by_graph[1]->possible[0] = type_of(sg->full,
                                                                                          "T"),
         "graph possible type T does not fit type Result")
TAMPERED(
    type_override_to_an_unknown_type,
    {
        sg_field_graph *fg =
            (sg_field_graph *)sg_field_in_graph(sg, field_of(sg->full, "T", "u"), 0);
        ast_type *ghost = ARENA_NEW(&f.a, ast_type);
        ghost->kind = AST_TYPE_NAMED;
        ghost->name = "Ghost";
        fg->type = ghost;
        fg->type_text = "Ghost";
    },
    "type Ghost is not in the supergraph")

/* Many graphs and many fields make by_graph tables of graphs x (types +
 * fields) pointers, which the image does not pay for byte by byte: past a
 * bound proportional to the image, it is refused before they are made. */
TEST(by_graph_tables_bounded_by_the_image)
{
    fixture f;
    fixture_open(&f);
    supergraph *sg = f.sg;
    enum { GRAPHS = 3000, FIELDS = 3000 };
    sg_graph *graphs = ARENA_ARRAY(&f.a, sg_graph, GRAPHS);
    for (uint32_t g = 0; g < GRAPHS; g++)
        graphs[g] = (sg_graph){.index = g,
                               .enum_value = arena_sprintf(&f.a, "G%u", g),
                               .name = arena_sprintf(&f.a, "g%u", g),
                               .url = "http://g"};
    memcpy(graphs, sg->graphs, sizeof *graphs * sg->ngraphs); /* the graphs tables point at */
    sg->graphs = graphs;
    sg->ngraphs = GRAPHS;
    /* join__ContextArgument is not in the API schema: nothing else points at its fields */
    schema_type *input = type_of(sg->full, "join__ContextArgument");
    schema_field *fields = ARENA_ARRAY(&f.a, schema_field, input->nfields + FIELDS);
    memcpy(fields, input->fields, sizeof *fields * input->nfields);
    for (uint32_t i = input->nfields; i < input->nfields + FIELDS; i++) {
        fields[i] = fields[0];
        fields[i].name = arena_sprintf(&f.a, "f%u", i);
    }
    input->fields = fields;
    input->nfields += FIELDS;
    sg_field *old = sg->fields;
    sg->fields = ARENA_ARRAY(&f.a, sg_field, sg->full->nfields + FIELDS);
    uint32_t next = 0;
    for (uint32_t t = 0; t < sg->full->ntypes; t++) {
        schema_type *type = sg->full->types[t];
        for (uint32_t k = 0; k < type->nfields; k++) {
            bool added = type == input && k >= input->nfields - FIELDS;
            if (!added) sg->fields[next] = old[type->fields[k].index];
            sg->fields[next].field = &type->fields[k];
            type->fields[k].index = next++;
        }
    }
    sg->full->nfields = next;
    char want[160];
    sbuf_reset(&f.image);
    sg_encode(sg, &f.image);
    snprintf(want, sizeof want,
             "Invalid supergraph image: 3000 graphs for %u types and %u fields is more than %zu "
             "bytes allow",
             sg->full->ntypes, sg->full->nfields, f.image.len);
    CHECK_STR(decode_error(&f.a, f.image.data, f.image.len), want);
    fixture_close(&f);
}

TEST_MAIN(RUN(by_graph_tables_bounded_by_the_image); RUN(rich_round_trips_and_owns_its_memory);
          RUN(headers); RUN(hand_made_bytes); RUN(every_truncation_is_refused);
          RUN(bit_flips_never_crash); RUN(value_depth_bomb); RUN(type_wrapper_bomb);
          RUN(selection_depth_bomb); RUN(non_null_of_non_null);
          RUN(api_field_mapped_to_another_name); RUN(api_field_mapped_to_another_parent);
          RUN(api_type_without_twin); RUN(output_field_of_input_type);
          RUN(input_field_of_output_type); RUN(argument_of_output_type); RUN(duplicate_type);
          RUN(duplicate_field); RUN(duplicate_directive_definition); RUN(root_type_not_an_object);
          RUN(implementing_a_non_interface); RUN(possible_type_that_does_not_implement);
          RUN(interface_missing_an_implementation); RUN(union_member_not_an_object);
          RUN(deprecated_without_reason); RUN(location_name_not_a_location);
          RUN(field_in_a_graph_without_its_type); RUN(graphs_out_of_order);
          RUN(key_selecting_an_unknown_field); RUN(requires_selecting_into_a_leaf);
          RUN(provides_with_a_fragment_spread); RUN(fragment_on_a_type_without_fields);
          RUN(graph_interface_not_implemented); RUN(graph_union_member_not_a_member);
          RUN(type_override_to_an_unknown_type);)
