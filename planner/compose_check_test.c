/* compose_check_test.c: Apollo's per-subgraph validation rules
 * (compose_check*.c), each with subgraphs that pass and subgraphs that break
 * it. Every expected message is the one @apollo/composition 2.14.4 gives for
 * the same SDL (subgraph "a"), code and wording alike. */
#include <string.h>

#include "compose_check_int.h"
#include "ftest.h"

#define FED2(version)                                                                              \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v" version "\", import: "      \
    "[\"@key\", \"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@override\", "      \
    "\"@inaccessible\", \"@interfaceObject\", \"@context\", \"@fromContext\", \"@cost\", "         \
    "\"@listSize\", \"@tag\"])\n"
#define V29 FED2("2.9")
#define LINK(version, imports)                                                                     \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v" version                     \
    "\", import: " imports ")\n"

/* Reads the subgraphs (names[i] with sdls[i]) and runs the per-subgraph
 * checks; returns every error as "CODE: message\n", in order. */
static const char *check_subgraphs(arena *a, const char *const *names, const char *const *sdls,
                                   uint32_t n)
{
    diag_list errors, hints;
    diag_init(&errors, a);
    diag_init(&hints, a);
    compose_ctx c = {.arena = a, .errors = &errors, .hints = &hints, .nsubs = n};
    c.subs = ARENA_ARRAY(a, csub, n);
    for (uint32_t i = 0; i < n; i++) {
        csub *s = &c.subs[i];
        s->name = names[i];
        s->url = "http://a.example/graphql";
        s->index = i;
        compose_input in = {names[i], s->url, sdls[i], strlen(sdls[i])};
        CHECK(compose_read_subgraph(&c, &in, s));
    }
    for (uint32_t i = 0; i < n; i++)
        compose_check_subgraph(&c, &c.subs[i]);
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "");
    for (const diag *e = errors.first; e; e = e->next)
        sbuf_printf(&b, "%s: %s\n", e->code ? e->code : "(none)", e->message);
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

static arena test_arena;

/* One subgraph named "a". */
static const char *check(const char *sdl)
{
    const char *name = "a";
    return check_subgraphs(&test_arena, &name, &sdl, 1);
}

/* The first location of the first error: "line:column". */
static const char *first_loc(const char *sdl)
{
    diag_list errors, hints;
    diag_init(&errors, &test_arena);
    diag_init(&hints, &test_arena);
    compose_ctx c = {.arena = &test_arena, .errors = &errors, .hints = &hints, .nsubs = 1};
    c.subs = ARENA_NEW(&test_arena, csub);
    c.subs->name = "a";
    c.subs->url = "http://a";
    compose_input in = {"a", "http://a", sdl, strlen(sdl)};
    compose_read_subgraph(&c, &in, c.subs);
    compose_check_subgraph(&c, c.subs);
    if (!errors.first) return "none";
    return arena_sprintf(&test_arena, "%u:%u", errors.first->locs[0].line,
                         errors.first->locs[0].column);
}

#define KEY_HINT                                                                                   \
    " (the field should either be added to this subgraph or, if it should not be resolved by "     \
    "this subgraph, you need to add it to this subgraph with @external)."
#define OTHER_HINT                                                                                 \
    " (if the field is defined in another subgraph, you need to add it to this subgraph with "     \
    "@external)."
#define UNUSED_TAIL                                                                                \
    " is marked @external but is not used in any federation directive (@key, @provides, "          \
    "@requires) or to satisfy an interface; the field declaration has no use and should be "       \
    "removed (or the field should not be @external).\n"

/* ---- @key ---- */

TEST(key_accepts_valid_field_sets)
{
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") @key(fields: \"sku org { id }\") "
                        "@key(fields: \"id\", resolvable: false) { id: ID! sku: String org: Org }\n"
                        "type Org { id: ID! }\n"),
              "");
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"... on P { id }\") { id: ID! }\n"),
              "");
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"__typename id\") { id: ID! }\n"),
              "");
}

TEST(key_unknown_field)
{
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: \"upc\") { id: ID! }\n"),
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"upc\"): Cannot query "
              "field \"upc\" on type \"P\"" KEY_HINT "\n");
    /* Each application is checked on its own. */
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"ids\") @key(fields: \"id2\") { id: ID! }\n"),
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"ids\"): Cannot query "
              "field \"ids\" on type \"P\"" KEY_HINT "\n"
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"id2\"): Cannot query "
              "field \"id2\" on type \"P\"" KEY_HINT "\n");
    CHECK_STR(first_loc(V29 "type Query { p: P }\ntype P @key(fields: \"upc\") { id: ID! }\n"),
              "3:8");
}

TEST(key_syntax_error)
{
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: \"id {\") { id: ID! }\n"),
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"id {\"): Syntax Error: "
              "Expected Name, found \"}\".\n");
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: \"\") { id: ID }\n"),
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"\"): Syntax Error: "
              "Expected Name, found \"}\".\n");
}

TEST(key_fields_not_a_string)
{
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: 1) { id: ID! }\n"),
              "KEY_INVALID_FIELDS_TYPE: [a] On type \"P\", for @key(fields: 1): Invalid value for "
              "argument \"fields\": must be a string.\n");
}

TEST(key_alias)
{
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: \"i: id\") { id: ID! }\n"),
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"i: id\"): Cannot use "
              "alias \"i\" in \"i: id\": aliases are not currently supported in @key\n");
}

TEST(key_composite_without_selection)
{
    CHECK_STR(check(V29 "type Query { p: P }\ntype O { id: ID! }\n"
                        "type P @key(fields: \"o\") { id: ID! o: O }\n"),
              "KEY_INVALID_FIELDS: [a] On type \"P\", for @key(fields: \"o\"): Invalid empty "
              "selection set for field \"P.o\" of non-leaf type O\n");
}

TEST(key_selects_interface_or_union)
{
    CHECK_STR(check(V29 "type Query { product: Product }\ninterface Named { name: String! }\n"
                        "type Maker implements Named { name: String! }\n"
                        "type Product @key(fields: \"maker\") { id: ID! maker: Named }\n"),
              "KEY_FIELDS_SELECT_INVALID_TYPE: [a] On type \"Product\", for @key(fields: "
              "\"maker\"): field \"Product.maker\" is a Interface type which is not allowed in "
              "@key\n");
    CHECK_STR(check(V29 "type Query { p: P }\nunion U = P\n"
                        "type P @key(fields: \"u { __typename }\") { id: ID! u: U }\n"),
              "KEY_FIELDS_SELECT_INVALID_TYPE: [a] On type \"P\", for @key(fields: \"u { "
              "__typename }\"): field \"P.u\" is a Union type which is not allowed in @key\n");
    /* Lists are fine. */
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: \"id\") { id: [ID!] }\n"), "");
}

TEST(key_field_with_arguments)
{
    CHECK_STR(check(V29 "type Query { product: Product }\n"
                        "type Product @key(fields: \"id\") { id(format: String): ID! }\n"),
              "KEY_FIELDS_HAS_ARGS: [a] On type \"Product\", for @key(fields: \"id\"): field "
              "Product.id cannot be included because it has arguments (fields with argument are "
              "not allowed in @key)\n");
}

TEST(key_directive_in_fields)
{
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id @include(if: true)\") { id: ID! }\n"),
              "KEY_DIRECTIVE_IN_FIELDS_ARG: [a] On type \"P\", for @key(fields: \"id @include(if: "
              "true)\"): cannot have directive applications in the @key(fields:) argument but "
              "found @include(if: true).\n");
}

TEST(key_on_interface_before_2_3)
{
    const char *sdl = "type Query { node: Node }\ninterface Node @key(fields: \"id\") { id: ID! }\n"
                      "type Product implements Node @key(fields: \"id\") { id: ID! }\n";
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s", LINK("2.2", "[\"@key\"]"), sdl)),
              "KEY_UNSUPPORTED_ON_INTERFACE: [a] Cannot use @key on interface \"Node\": @key is "
              "not yet supported on interfaces\n");
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s", LINK("2.3", "[\"@key\"]"), sdl)), "");
}

/* ---- @requires ---- */

TEST(requires_accepts_external_leaves)
{
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") { id: ID! dims: Dims @external "
                        "weight(unit: String): Int @external "
                        "ship: Int @requires(fields: \"dims { w h } weight(unit: \\\"kg\\\")\") }\n"
                        "type Dims { w: Int h: Int }\n"),
              "");
}

TEST(requires_unknown_field)
{
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") { id: ID! weight: Int @external "
                        "shipping: Int @requires(fields: \"wieght\") }\n"),
              "REQUIRES_INVALID_FIELDS: [a] On field \"P.shipping\", for @requires(fields: "
              "\"wieght\"): Cannot query field \"wieght\" on type \"P\"" OTHER_HINT "\n"
              "EXTERNAL_UNUSED: [a] Field \"P.weight\"" UNUSED_TAIL);
}

TEST(requires_field_not_external)
{
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") { id: ID! weight: Int "
                        "shipping: Int @requires(fields: \"weight\") }\n"),
              "REQUIRES_FIELDS_MISSING_EXTERNAL: [a] On field \"P.shipping\", for "
              "@requires(fields: \"weight\"): field \"P.weight\" should not be part of a "
              "@requires since it is already provided by this subgraph (it is not marked "
              "@external)\n");
    /* Below a field that is not external, the leaves must be. */
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") { id: ID! dims: Dims "
                        "ship: Int @requires(fields: \"dims { w }\") }\ntype Dims { w: Int }\n"),
              "REQUIRES_FIELDS_MISSING_EXTERNAL: [a] On field \"P.ship\", for @requires(fields: "
              "\"dims { w }\"): field \"Dims.w\" should not be part of a @requires since it is "
              "already provided by this subgraph (it is not marked @external)\n");
}

TEST(requires_on_interface_field)
{
    CHECK_STR(check(V29 "type Query { i: I }\n"
                        "interface I { id: ID! x: Int @external y: Int @requires(fields: \"x\") }\n"
                        "type T implements I @key(fields: \"id\") { id: ID! x: Int @external "
                        "y: Int @requires(fields: \"x\") }\n"),
              "REQUIRES_UNSUPPORTED_ON_INTERFACE: [a] Cannot use @requires on field \"I.y\" of "
              "parent type \"I\": @requires is not yet supported within interfaces\n"
              "EXTERNAL_ON_INTERFACE: [a] Interface type field \"I.x\" is marked @external but "
              "@external is not allowed on interface fields (it is nonsensical).\n");
}

/* ---- @provides ---- */

TEST(provides_accepts_external_fields)
{
    CHECK_STR(check(V29 "type Query { r: R }\ntype R { u: U @provides(fields: \"name\") }\n"
                        "type U @key(fields: \"id\") { id: ID! name: String @external }\n"),
              "");
    CHECK_STR(check(V29 "type Query { r: [R] @provides(fields: \"name\") }\n"
                        "type R @key(fields: \"id\") { id: ID! name: String @external }\n"),
              "");
}

TEST(provides_unknown_field)
{
    CHECK_STR(check(V29 "type Query { review: Review }\n"
                        "type Review { id: ID! author: User @provides(fields: \"nam\") }\n"
                        "type User @key(fields: \"id\") { id: ID! name: String @external }\n"),
              "PROVIDES_INVALID_FIELDS: [a] On field \"Review.author\", for @provides(fields: "
              "\"nam\"): Cannot query field \"nam\" on type \"User\"" OTHER_HINT "\n"
              "EXTERNAL_UNUSED: [a] Field \"User.name\"" UNUSED_TAIL);
}

TEST(provides_field_not_external)
{
    CHECK_STR(check(V29 "type Query { review: Review }\n"
                        "type Review { id: ID! author: User @provides(fields: \"name\") }\n"
                        "type User @key(fields: \"id\") { id: ID! name: String }\n"),
              "PROVIDES_FIELDS_MISSING_EXTERNAL: [a] On field \"Review.author\", for "
              "@provides(fields: \"name\"): field \"User.name\" should not be part of a @provides "
              "since it is already provided by this subgraph (it is not marked @external)\n");
}

TEST(provides_field_with_arguments)
{
    CHECK_STR(check(V29 "type Query { review: Review }\n"
                        "type Review { id: ID! author: User @provides(fields: \"name(short: "
                        "true)\") }\n"
                        "type User @key(fields: \"id\") { id: ID! name(short: Boolean): String "
                        "@external }\n"),
              "PROVIDES_FIELDS_HAS_ARGS: [a] On field \"Review.author\", for @provides(fields: "
              "\"name(short: true)\"): field User.name cannot be included because it has "
              "arguments (fields with argument are not allowed in @provides)\n");
}

TEST(provides_on_leaf_field)
{
    CHECK_STR(check(V29 "type Query { review: Review }\n"
                        "type Review { id: ID! body: String @provides(fields: \"length\") }\n"),
              "PROVIDES_ON_NON_OBJECT_FIELD: [a] Invalid @provides directive on field "
              "\"Review.body\": field has type \"String\" which is not a Composite Type\n");
}

TEST(provides_on_external_field)
{
    CHECK_STR(check(V29 "type Query { review: Review }\n"
                        "type Review @key(fields: \"id\") { id: ID! author: User @external "
                        "@provides(fields: \"name\") }\n"
                        "type User @key(fields: \"id\") { id: ID! name: String @external }\n"),
              "EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE: [a] Cannot have both @provides and "
              "@external on field \"Review.author\"\n");
    /* Apollo stops validating the subgraph there: nothing after is reported. */
    CHECK_STR(check(V29 "type Query { review: Review }\n"
                        "type Review { body: String @provides(fields: \"x\") n: Int @external }\n"),
              "PROVIDES_ON_NON_OBJECT_FIELD: [a] Invalid @provides directive on field "
              "\"Review.body\": field has type \"String\" which is not a Composite Type\n");
}

/* ---- @external ---- */

TEST(external_unused)
{
    CHECK_STR(check(V29 "type Query { product: Product }\n"
                        "type Product @key(fields: \"id\") { id: ID! weight: Int @external }\n"),
              "EXTERNAL_UNUSED: [a] Field \"Product.weight\"" UNUSED_TAIL);
    /* @external on the type makes every field external. */
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key(fields: \"id\") { id: ID! }\n"
                        "type Q @external { a: Int b: Int }\n"),
              "EXTERNAL_UNUSED: [a] Field \"Q.a\"" UNUSED_TAIL
              "EXTERNAL_UNUSED: [a] Field \"Q.b\"" UNUSED_TAIL);
}

TEST(external_used_by_an_interface)
{
    CHECK_STR(check(V29 "type Query { i: I }\ninterface I { name: String }\n"
                        "type T implements I @key(fields: \"id\") { id: ID! name: String "
                        "@external }\n"),
              "");
}

TEST(external_key_field_of_an_extension)
{
    /* Not really external (Apollo's "fake external"): nothing to report here. */
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "extend type P @key(fields: \"id\") { id: ID! @external name: String }\n"),
              "");
}

TEST(external_on_interface)
{
    CHECK_STR(check(V29 "type Query { named: Named }\ninterface Named { name: String @external }\n"
                        "type User implements Named @key(fields: \"id\") { id: ID! name: String "
                        "@external }\n"),
              "EXTERNAL_ON_INTERFACE: [a] Interface type field \"Named.name\" is marked @external "
              "but @external is not allowed on interface fields (it is nonsensical).\n"
              "EXTERNAL_UNUSED: [a] Field \"Named.name\"" UNUSED_TAIL);
}

/* ---- names and types ---- */

TEST(reserved_subgraph_name)
{
    const char *name = "_", *sdl = V29 "type Query { hello: String }\n";
    CHECK_STR(check_subgraphs(&test_arena, &name, &sdl, 1),
              "INVALID_SUBGRAPH_NAME: [_] Invalid name _ for a subgraph: this name is reserved\n");
    name = "__";
    CHECK_STR(check_subgraphs(&test_arena, &name, &sdl, 1), "");
}

TEST(root_type_name_taken)
{
    CHECK_STR(check(V29 "schema { query: RootQuery }\ntype RootQuery { hello: String }\n"
                        "type Query { other: String }\n"),
              "ROOT_QUERY_USED: [a] The schema has a type named \"Query\" but it is not set as "
              "the query root type (\"RootQuery\" is instead): this is not supported by "
              "federation. If a root type does not use its default name, there should be no "
              "other type with that default name.\n");
    CHECK_STR(check(V29 "schema { query: Query mutation: RootMutation }\ntype Query { a: Int }\n"
                        "type RootMutation { b: Int }\ntype Mutation { c: Int }\n"),
              "ROOT_MUTATION_USED: [a] The schema has a type named \"Mutation\" but it is not set "
              "as the mutation root type (\"RootMutation\" is instead): this is not supported by "
              "federation. If a root type does not use its default name, there should be no "
              "other type with that default name.\n");
    CHECK_STR(check(V29 "schema { query: RootQuery }\ntype RootQuery { hello: String }\n"), "");
}

TEST(interface_key_on_every_implementation)
{
    CHECK_STR(check(V29 "type Query { n: Node }\ninterface Node @key(fields: \"id\") { id: ID! }\n"
                        "type A implements Node @key(fields: \"id\") { id: ID! }\n"
                        "type B implements Node @key(fields: \"id\") @key(fields: \"x\") { id: ID! "
                        "x: Int }\n"),
              "");
    CHECK_STR(check(V29
                    "type Query { node: Node }\n"
                    "interface Node @key(fields: \"id\") { id: ID! }\n"
                    "type Product implements Node @key(fields: \"sku\") { id: ID! sku: ID! }\n"),
              "INTERFACE_KEY_NOT_ON_IMPLEMENTATION: [a] Key @key(fields: \"id\") on interface type "
              "\"Node\" is missing on implementation type \"Product\".\n");
    CHECK_STR(check(V29 "type Query { n: Node }\ninterface Node @key(fields: \"id\") { id: ID! }\n"
                        "type A implements Node { id: ID! }\ntype B implements Node { id: ID! }\n"
                        "type C implements Node { id: ID! }\n"),
              "INTERFACE_KEY_NOT_ON_IMPLEMENTATION: [a] Key @key(fields: \"id\") on interface type "
              "\"Node\" is missing on implementation types \"A\", \"B\" and \"C\".\n");
    CHECK_STR(check(V29
                    "type Query { n: Node }\ninterface Node @key(fields: \"id\") { id: ID! }\n"
                    "type A implements Node @key(fields: \"id\", resolvable: false) { id: ID! }\n"
                    "type B implements Node @key(fields: \"id\", resolvable: false) { id: ID! "
                    "}\n"),
              "INTERFACE_KEY_NOT_ON_IMPLEMENTATION: [a] Key @key(fields: \"id\") on interface type "
              "\"Node\" should be resolvable on all implementation types, but is declared with "
              "argument \"@key(resolvable:)\" set to false in types \"A\" and \"B\".\n");
}

TEST(interface_object_needs_a_key)
{
    CHECK_STR(check(V29 "type Query { media: Media }\n"
                        "type Media @interfaceObject { id: ID! title: String }\n"),
              "INTERFACE_OBJECT_USAGE_ERROR: [a] The @interfaceObject directive can only be "
              "applied to entity types but type \"Media\" has no @key in this subgraph.\n");
}

#define DUPLICATE_TAIL                                                                             \
    ": @shareable is only repeatable on types so it can be used simultaneously on a type "         \
    "definition and its extensions, but it should not be duplicated on the same "                  \
    "definition/extension declaration\n"

TEST(shareable_misuse)
{
    CHECK_STR(check(V29 "type Query { named: Named }\ninterface Named { name: String @shareable }\n"
                        "type User implements Named { name: String }\n"),
              "INVALID_SHAREABLE_USAGE: [a] Invalid use of @shareable on field \"Named.name\": "
              "only object type fields can be marked with @shareable\n");
    CHECK_STR(check(V29 "type Query { p: P @shareable @shareable }\n"
                        "type P @shareable @shareable { id: ID! }\n"),
              "INVALID_SHAREABLE_USAGE: [a] Invalid duplicate application of @shareable on field "
              "\"Query.p\"" DUPLICATE_TAIL
              "INVALID_SHAREABLE_USAGE: [a] Invalid duplicate application of @shareable on the "
              "same type declaration of \"P\"" DUPLICATE_TAIL);
    /* Once on the definition and once on an extension is fine. */
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @shareable { id: ID! }\n"
                        "extend type P @shareable { name: String }\n"),
              "");
}

/* ---- @context / @fromContext ---- */

#define CTX_TYPES                                                                                  \
    "type Query { u: U }\n"                                                                        \
    "type U @key(fields: \"id\") @context(name: \"uctx\") { id: ID! code: String n: Int "          \
    "codes: [String!]! p: P }\n"
#define CTX_USE(arg) "type P @key(fields: \"id\") { id: ID! price(" arg "): Int }\n"
#define CTX_INVALID "CONTEXT_INVALID_SELECTION: [a] Context \"uctx\" is used in \"P.price(cur:)\" "

TEST(context_accepts_matching_selections)
{
    CHECK_STR(check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"$uctx { code }\")")),
              "");
    CHECK_STR(
        check(V29 CTX_TYPES CTX_USE("cur: [String] @fromContext(field: \"$uctx { codes }\")")), "");
}

TEST(context_name)
{
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") @context(name: \"my_ctx\") { id: ID! }\n"),
              "CONTEXT_NAME_INVALID: [a] Context name \"my_ctx\" may not contain an underscore.\n");
    CHECK_STR(check(V29 "type Query { p: P }\n"
                        "type P @key(fields: \"id\") @context(name: \"9ctx\") { id: ID! }\n"),
              "CONTEXT_NAME_INVALID: [a] Context name \"9ctx\" is invalid. It should have only "
              "alphanumeric characters.\n");
}

TEST(context_never_set_or_not_named)
{
    CHECK_STR(
        check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"$nowhere { code }\")")),
        "CONTEXT_NOT_SET: [a] Context \"nowhere\" is used at location \"P.price(cur:)\" but "
        "is never set.\n");
    CHECK_STR(check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"code\")")),
              "NO_CONTEXT_IN_SELECTION: [a] @fromContext argument does not reference a context "
              "\"code\".\n");
    CHECK_STR(check(V29 CTX_TYPES CTX_USE("cur: String = \"x\" @fromContext(field: \"$uctx { code "
                                          "}\")")),
              "CONTEXT_NOT_SET: [a] @fromContext arguments may not have a default value: "
              "\"P.price(cur:)\".\n");
}

TEST(context_selection_must_fit)
{
    CHECK_STR(check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"$uctx { nope }\")")),
              CTX_INVALID "but the selection is invalid for type U. Error: Cannot query field "
                          "\"nope\" on type \"U\".\n");
    CHECK_STR(check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"$uctx { n }\")")),
              CTX_INVALID "but the selection is invalid: the type of the selection \"Int\" does "
                          "not match the expected type \"String\"\n");
    CHECK_STR(check(V29 CTX_TYPES CTX_USE("cur: String! @fromContext(field: \"$uctx { code }\")")),
              CTX_INVALID "but the selection is invalid: the type of the selection \"String\" "
                          "does not match the expected type \"String!\"\n");
    CHECK_STR(
        check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"$uctx { code id }\")")),
        CTX_INVALID "but the selection is invalid: multiple selections are made\n");
    CHECK_STR(
        check(V29 CTX_TYPES CTX_USE("cur: String @fromContext(field: \"$uctx { c: code }\")")),
        CTX_INVALID "but the selection is invalid: aliases are not allowed in the "
                    "selection\n");
}

TEST(context_needs_a_resolvable_key)
{
    CHECK_STR(check(V29 CTX_TYPES
                    "type P { id: ID! price(cur: String @fromContext(field: \"$uctx { code }\")): "
                    "Int }\n"),
              "CONTEXT_NO_RESOLVABLE_KEY: [a] Object \"P\" has no resolvable key but has a field "
              "with a contextual argument.\n");
}

/* ---- @cost / @listSize ---- */

TEST(cost_and_list_size)
{
    CHECK_STR(check(V29 "type Query { items(first: Int): [String] @cost(weight: 2) "
                        "@listSize(assumedSize: 5, slicingArguments: [\"first\"]) }\n"),
              "");
    CHECK_STR(check(V29 "type Query { named: Named }\n"
                        "interface Named { name: String @cost(weight: 5) }\n"
                        "type User implements Named { name: String }\n"),
              "COST_APPLIED_TO_INTERFACE_FIELD: [a] @cost cannot be applied to interface "
              "\"Named.name\"\n");
    CHECK_STR(check(V29 "type Query { count: Int @listSize(assumedSize: 10) }\n"),
              "LIST_SIZE_APPLIED_TO_NON_LIST: [a] \"Query.count\" is not a list\n");
    CHECK_STR(check(V29 "type Query { items: [String] @listSize(assumedSize: -1) }\n"),
              "LIST_SIZE_INVALID_ASSUMED_SIZE: [a] Assumed size of \"Query.items\" cannot be "
              "negative\n");
    CHECK_STR(check(V29 "type Query { items(first: String): [String] "
                        "@listSize(slicingArguments: [\"first\", \"last\"]) }\n"),
              "LIST_SIZE_INVALID_SLICING_ARGUMENT: [a] Slicing argument \"Query.items(first:)\" "
              "must be Int or Int!\n"
              "LIST_SIZE_INVALID_SLICING_ARGUMENT: [a] Slicing argument \"last\" is not an "
              "argument of \"Query.items\"\n");
    CHECK_STR(check(V29 "type Query { items(first: Int): [String] "
                        "@listSize(slicingArguments: [\"first\"], sizedFields: [\"edges\"]) }\n"),
              "LIST_SIZE_INVALID_SIZED_FIELD: [a] Sized fields cannot be used because "
              "\"[String]\" is not a composite type\n");
    CHECK_STR(check(V29 "type Query { conn(first: Int): Conn @listSize(slicingArguments: "
                        "[\"first\"], sizedFields: [\"edges\", \"count\", \"nope\"]) }\n"
                        "type Conn { edges: [String] count: Int }\n"),
              "LIST_SIZE_APPLIED_TO_NON_LIST: [a] Sized field \"Conn.count\" is not a list\n"
              "LIST_SIZE_INVALID_SIZED_FIELD: [a] Sized field \"nope\" is not a field on type "
              "\"Conn\"\n");
}

/* ---- @link ---- */

TEST(link_version)
{
    CHECK_STR(check(LINK("2.14", "[\"@key\", \"@cacheTag\"]") "type Query { a: Int }\n"), "");
    CHECK_STR(check(LINK("2.99", "[\"@key\"]") "type Query { a: Int }\n"),
              "UNKNOWN_FEDERATION_LINK_VERSION: [a] Invalid version v2.99 for the federation "
              "feature in @link directive on schema\n");
    /* An unknown version defines no directive. */
    CHECK_STR(check(LINK("2.99", "[\"@key\"]") "type Query { p: P }\n"
                                               "type P @key(fields: \"id\") { id: ID! }\n"),
              "UNKNOWN_FEDERATION_LINK_VERSION: [a] Invalid version v2.99 for the federation "
              "feature in @link directive on schema\n"
              "INVALID_GRAPHQL: [a] Unknown directive \"@key\". If you meant the \"@key\" "
              "federation directive, you should use \"@key\" as it is imported under that name "
              "in the @link to the federation specification of this schema.\n");
    CHECK_STR(check(LINK("3.0", "[]") "type Query { a: Int }\n"),
              "UNKNOWN_FEDERATION_LINK_VERSION: [a] Invalid version v3.0 for the federation "
              "feature in @link directive on schema\n");
}

TEST(link_imports)
{
    CHECK_STR(check(LINK("2.9", "[\"@key\", \"@keyy\"]") "type Query { a: Int }\n"),
              "INVALID_LINK_DIRECTIVE_USAGE: [a] Cannot import unknown element \"@keyy\". Did you "
              "mean \"@key\"?\n");
    /* Elements of later versions are unknown to earlier ones. */
    CHECK_STR(check(LINK("2.2", "[\"@interfaceObject\"]") "type Query { a: Int }\n"),
              "INVALID_LINK_DIRECTIVE_USAGE: [a] Cannot import unknown element "
              "\"@interfaceObject\".\n");
    CHECK_STR(check(LINK("2.9", "[\"key\"]") "type Query { a: Int }\n"),
              "INVALID_LINK_DIRECTIVE_USAGE: [a] Cannot import unknown element \"key\". Did you "
              "mean directive \"@key\"?\n");
    CHECK_STR(check(LINK("2.9", "[{ name: \"@key\", as: \"primary\" }]") "type Query { a: Int }\n"),
              "INVALID_LINK_DIRECTIVE_USAGE: [a] Invalid @link import renaming: directive \"@key\" "
              "imported name should start with a '@' character, but got \"primary\".\n");
    CHECK_STR(
        check(
            LINK("2.9",
                 "[{ name: \"@key\", as: \"@primary\" }, \"FieldSet\"]") "type Query { a: Int }\n"),
        "");
}

/* A subgraph linking the given url besides federation v2.9. */
static const char *with_link(const char *url)
{
    return check(arena_sprintf(
        &test_arena, V29 "extend schema @link(url: \"%s\")\ntype Query { a: Int }\n", url));
}

TEST(link_identifiers)
{
    CHECK_STR(with_link("https://example.com/feat/v1.0"), "");
    CHECK_STR(with_link("https://example.com/a/b/feat/v10.25?x=1#y"), "");
    CHECK_STR(with_link("https://Example.COM"),
              "INVALID_LINK_IDENTIFIER: [a] Missing path in feature url 'https://example.com/'\n");
    CHECK_STR(with_link("https://example.com/"),
              "INVALID_LINK_IDENTIFIER: [a] Missing path in feature url 'https://example.com/'\n");
    CHECK_STR(with_link("https://example.com/feat/"),
              "INVALID_LINK_IDENTIFIER: [a] Missing version component in feature url "
              "'https://example.com/feat/'\n");
    CHECK_STR(with_link("https://example.com/feat/1.0"),
              "INVALID_LINK_IDENTIFIER: [a] Expected a version string (of the form v1.2), got "
              "1.0\n");
    CHECK_STR(with_link("https://example.com/feat/v1"),
              "INVALID_LINK_IDENTIFIER: [a] Expected a version string (of the form v1.2), got "
              "v1\n");
    CHECK_STR(with_link("https://example.com/v1.0"),
              "INVALID_LINK_IDENTIFIER: [a] Missing feature name component in feature url "
              "'https://example.com/v1.0'\n");
    /* Apollo stops reading the subgraph there: the unknown type goes unreported. */
    CHECK_STR(check("extend schema @link(url: \"https://specs.apollo.dev/federation/2.3\")\n"
                    "type Query { a: Money }\n"),
              "INVALID_LINK_IDENTIFIER: [a] Expected a version string (of the form v1.2), got "
              "2.3\n");
}

TEST(link_spec_version)
{
    CHECK_STR(check("extend schema @link(url: \"https://specs.apollo.dev/link/v1.0\")\n"
                    "type Query { a: Int }\n"),
              "");
    CHECK_STR(check("extend schema @link(url: \"https://specs.apollo.dev/link/v1.0\")\n" V29
                    "type Query { a: Int }\n"),
              "");
    CHECK_STR(check("extend schema @link(url: \"https://specs.apollo.dev/link/v0.9\")\n"
                    "type Query { a: Money }\n"),
              "UNKNOWN_LINK_VERSION: [a] Schema uses unknown version v0.9 of the link spec\n");
}

/* ---- GraphQL rules ---- */

TEST(sdl_unknown_types)
{
    /* Only the first unknown type, as Apollo. */
    CHECK_STR(check(V29 "type Query { a: Money b: [Thing!] }\ninput I { x: Nope }\n"),
              "INVALID_GRAPHQL: [a] Unknown type Money\n");
    CHECK_STR(check(V29 "type Query { a: U }\nunion U = A | B\ntype A { x: Int }\n"),
              "INVALID_GRAPHQL: [a] Cannot add unknown type B as member of union type U\n");
    CHECK_STR(check(V29 "type Query { a(f: federation__FieldSet): Int b: _Any }\n"), "");
}

TEST(sdl_unknown_directives)
{
    CHECK_STR(check(V29 "type Query { a: Int @foo }\n"),
              "INVALID_GRAPHQL: [a] Unknown directive \"@foo\".\n");
    CHECK_STR(check(FED2("2.9") "directive @foo on FIELD_DEFINITION\n"
                                "type Query { a: Int @foo @deprecated }\n"),
              "");
    CHECK_STR(check("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", "
                    "import: [\"@key\"])\ntype Query { a: Int @external }\n"),
              "INVALID_GRAPHQL: [a] Unknown directive \"@external\". If you meant the "
              "\"@external\" federation directive, you should use fully-qualified name "
              "\"@federation__external\" or add \"@external\" to the `import` argument of the "
              "@link to the federation specification.\n");
}

TEST(sdl_positions_and_interfaces)
{
    CHECK_STR(check(V29 "type Query { a: I }\ninput I { x: Int }\n"),
              "INVALID_GRAPHQL: [a] The type of \"Query.a\" must be Output Type but got \"I\", a "
              "InputObjectType.\n");
    CHECK_STR(check(V29 "type Query { a(x: Query): Int }\n"),
              "INVALID_GRAPHQL: [a] The type of \"Query.a(x:)\" must be Input Type but got "
              "\"Query\", a ObjectType.\n");
    CHECK_STR(check(V29 "type Query { a: I }\ninterface I { x: Int }\ntype T implements I { y: Int "
                        "}\n"),
              "INVALID_GRAPHQL: [a] Interface field I.x expected but T does not provide it.\n");
    CHECK_STR(check(V29 "type Query { p: P }\ntype P @key { id: ID }\n"),
              "INVALID_GRAPHQL: [a] Directive \"@key\" argument \"fields\" of type "
              "\"federation__FieldSet!\" is required, but it was not provided.\n");
}

/* ---- federation directive definitions ---- */

#define DEF_INVALID "DIRECTIVE_DEFINITION_INVALID: [a] Invalid definition for directive "

TEST(directive_definitions)
{
    const char *types = "type Query { p: P }\ntype P @key(fields: \"id\") { id: ID! }\n";
    /* FieldSet may be redefined as a built-in scalar; fewer locations are fine. */
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s%s", V29,
                                  "directive @key(fields: String!) repeatable on OBJECT | "
                                  "INTERFACE\n",
                                  types)),
              "");
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s%s", V29,
                                  "directive @key(fields: String!, resolvable: Boolean) "
                                  "repeatable on OBJECT\n",
                                  types)),
              DEF_INVALID "\"@key\": argument \"resolvable\" should have default value true but "
                          "found default value null\n");
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s%s", V29,
                                  "directive @key(resolvable: Boolean = true) repeatable on "
                                  "OBJECT\n",
                                  types)),
              DEF_INVALID "\"@key\": missing required argument \"fields\"\n");
    CHECK_STR(check(V29 "directive @shareable repeatable on OBJECT | FIELD_DEFINITION | "
                        "INTERFACE\ntype Query { a: Int @shareable }\n"),
              DEF_INVALID "\"@shareable\": \"@shareable\" should have locations OBJECT, "
                          "FIELD_DEFINITION, but found (non-subset) OBJECT, FIELD_DEFINITION, "
                          "INTERFACE\n");
    CHECK_STR(check(V29 "directive @external(reason: String) repeatable on OBJECT | "
                        "FIELD_DEFINITION\ntype Query { a: Int }\n"),
              DEF_INVALID "\"@external\": \"@external\" should not be repeatable\n");
    CHECK_STR(check(V29 "directive @override(from: String!, label: String) on FIELD_DEFINITION\n"
                        "directive @requires(fields: [String]) on FIELD_DEFINITION\n"
                        "type Query { a: Int }\n"),
              DEF_INVALID "\"@requires\": argument \"fields\" should have type "
                          "\"federation__FieldSet!\" but found type \"[String]\"\n");
    CHECK_STR(check(V29 "directive @tag(name: Int!, extra: Int) repeatable on FIELD_DEFINITION\n"
                        "type Query { hello: String @tag(name: 1) }\n"),
              DEF_INVALID "\"@tag\": argument \"name\" should have type \"String!\" but found type "
                          "\"Int!\"\n" DEF_INVALID "\"@tag\": unknown/unsupported argument "
                          "\"extra\"\n");
}

/* ---- authorization directives ---- */

TEST(auth_on_interfaces)
{
    const char *link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", "
                       "import: [\"@key\", \"@authenticated\", \"@requiresScopes\", \"@policy\", "
                       "\"@interfaceObject\"])\n";
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s", link,
                                  "type Query { i: I }\ninterface I { id: ID! x: Int }\n"
                                  "type T implements I @authenticated { id: ID! x: Int "
                                  "@policy(policies: [[\"p\"]]) }\n")),
              "");
    CHECK_STR(check(arena_sprintf(&test_arena, "%s%s", link,
                                  "type Query { i: I }\n"
                                  "interface I @authenticated { id: ID! x: Int "
                                  "@requiresScopes(scopes: [[\"a\"]]) }\n"
                                  "type T implements I { id: ID! x: Int }\n"
                                  "type M @key(fields: \"id\") @interfaceObject @policy(policies: "
                                  "[[\"p\"]]) { id: ID! }\n")),
              "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE: [a] Invalid use of @authenticated on "
              "interface \"I\": @authenticated cannot be applied on interfaces, interface fields "
              "and interface objects\n"
              "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE: [a] Invalid use of @requiresScopes on field "
              "\"I.x\": @requiresScopes cannot be applied on interfaces, interface fields and "
              "interface objects\n"
              "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE: [a] Invalid use of @policy on interface "
              "object \"M\": @policy cannot be applied on interfaces, interface fields and "
              "interface objects\n");
}

/* ---- helpers ---- */

TEST(human_readable_lists)
{
    arena *a = &test_arena;
    const char *one[] = {"\"A\""};
    const char *three[] = {"\"A\"", "\"B\"", "\"C\""};
    CHECK_STR(cc_human_list(a, one, 1, "type", "types"), "type \"A\"");
    CHECK_STR(cc_human_list(a, three, 2, "type", "types"), "types \"A\" and \"B\"");
    CHECK_STR(cc_human_list(a, three, 3, NULL, NULL), "\"A\", \"B\" and \"C\"");
    const char *long_names[] = {
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
        "\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"",
        "\"c\"",
    };
    CHECK_STR(cc_human_list(a, long_names, 3, "type", "types"),
              "types \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", ...");
}

TEST_MAIN(arena_init(&test_arena, 0); RUN(key_accepts_valid_field_sets); RUN(key_unknown_field);
          RUN(key_syntax_error); RUN(key_fields_not_a_string); RUN(key_alias);
          RUN(key_composite_without_selection); RUN(key_selects_interface_or_union);
          RUN(key_field_with_arguments); RUN(key_directive_in_fields);
          RUN(key_on_interface_before_2_3); RUN(requires_accepts_external_leaves);
          RUN(requires_unknown_field); RUN(requires_field_not_external);
          RUN(requires_on_interface_field); RUN(provides_accepts_external_fields);
          RUN(provides_unknown_field); RUN(provides_field_not_external);
          RUN(provides_field_with_arguments); RUN(provides_on_leaf_field);
          RUN(provides_on_external_field); RUN(external_unused); RUN(external_used_by_an_interface);
          RUN(external_key_field_of_an_extension); RUN(external_on_interface);
          RUN(reserved_subgraph_name); RUN(root_type_name_taken);
          RUN(interface_key_on_every_implementation); RUN(interface_object_needs_a_key);
          RUN(shareable_misuse); RUN(context_accepts_matching_selections); RUN(context_name);
          RUN(context_never_set_or_not_named); RUN(context_selection_must_fit);
          RUN(context_needs_a_resolvable_key); RUN(cost_and_list_size); RUN(link_version);
          RUN(link_imports); RUN(link_identifiers); RUN(link_spec_version); RUN(sdl_unknown_types);
          RUN(sdl_unknown_directives); RUN(sdl_positions_and_interfaces);
          RUN(directive_definitions); RUN(auth_on_interfaces); RUN(human_readable_lists);
          arena_free(&test_arena);)
