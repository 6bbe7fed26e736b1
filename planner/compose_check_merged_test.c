/* compose_check_merged_test.c: the rules composition checks across
 * subgraphs and on the merged result (compose_check_merged.c,
 * compose_check_inaccessible.c, compose_check_external.c,
 * compose_check_transitive_auth.c), through compose()
 * itself. Every expected message is the one @apollo/composition 2.14.4 gives
 * for the same subgraphs. */
#include <string.h>

#include "compose.h"
#include "ftest.h"
#include "sbuf.h"

#define V29                                                                                        \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", import: [\"@key\", "   \
    "\"@shareable\", \"@external\", \"@requires\", \"@provides\", \"@override\", "                 \
    "\"@inaccessible\", \"@interfaceObject\"])\n"

static arena test_arena;

/* Composes subgraphs "a" and "b" (b omitted when NULL); every error as
 * "CODE: message\n", or "composes" when there is none. */
static const char *compose_errors(const char *a_sdl, const char *b_sdl)
{
    compose_input in[2] = {{"a", "http://a", a_sdl, strlen(a_sdl)},
                           {"b", "http://b", b_sdl, b_sdl ? strlen(b_sdl) : 0}};
    compose_result r;
    bool ok = compose(&test_arena, in, b_sdl ? 2 : 1, &r);
    if (ok) return "composes";
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, "");
    for (const diag *e = r.errors.first; e; e = e->next)
        sbuf_printf(&b, "%s: %s\n", e->code ? e->code : "(none)", e->message);
    const char *text = arena_strdup(&test_arena, b.data);
    sbuf_free(&b);
    return text;
}

#define PRODUCT_QUERY V29 "type Query { product: Product }\n"

TEST(external_copies)
{
    CHECK_STR(compose_errors(PRODUCT_QUERY "type Product @key(fields: \"id\") { id: ID! weight: "
                                           "Int @external shipping: Int @requires(fields: "
                                           "\"weight\") }\n",
                             V29 "type Product @key(fields: \"id\") { id: ID! weight: Int }\n"),
              "composes");
    CHECK_STR(compose_errors(PRODUCT_QUERY "type Product @key(fields: \"id\") { id: ID! weight: "
                                           "String @external shipping: Int @requires(fields: "
                                           "\"weight\") }\n",
                             V29 "type Product @key(fields: \"id\") { id: ID! weight: Int }\n"),
              "EXTERNAL_TYPE_MISMATCH: Type of field \"Product.weight\" is incompatible across "
              "subgraphs (where marked @external): it has type \"Int\" in subgraph \"b\" but type "
              "\"String\" in subgraph \"a\"\n");
    CHECK_STR(compose_errors(PRODUCT_QUERY "type Product @key(fields: \"id\") { id: ID! weight: "
                                           "Int @external shipping: Int @requires(fields: "
                                           "\"weight\") }\n",
                             V29 "type Product @key(fields: \"id\") { id: ID! weight(unit: "
                                 "String): Int }\n"),
              "EXTERNAL_ARGUMENT_MISSING: Field \"Product.weight\" is missing argument "
              "\"Product.weight(unit:)\" in some subgraphs where it is marked @external: argument "
              "\"Product.weight(unit:)\" is declared in subgraph \"b\" but not in subgraph \"a\" "
              "(where \"Product.weight\" is @external).\n");
}

TEST(argument_and_input_field_values)
{
    CHECK_STR(compose_errors(V29 "type Query { f(x: Int = 1): Int @shareable }\n",
                             V29 "type Query { f(x: Int = 1): Int @shareable }\n"),
              "composes");
    /* A default in only some subgraphs is a hint, not an error. */
    CHECK_STR(compose_errors(V29 "type Query { f(x: Int = 1): Int @shareable }\n",
                             V29 "type Query { f(x: Int): Int @shareable }\n"),
              "composes");
    CHECK_STR(compose_errors(V29 "type Query { f(x: Int = 1): Int @shareable }\n",
                             V29 "type Query { f(x: Int = 2): Int @shareable }\n"),
              "FIELD_ARGUMENT_DEFAULT_MISMATCH: Argument \"Query.f(x:)\" has incompatible default "
              "values across subgraphs: it has default value 1 in subgraph \"a\" but default "
              "value 2 in subgraph \"b\"\n");
    CHECK_STR(compose_errors(V29 "type Query { f(i: I): Int @shareable }\ninput I { z: Int = 1 }\n",
                             V29
                             "type Query { f(i: I): Int @shareable }\ninput I { z: Int = 2 }\n"),
              "INPUT_FIELD_DEFAULT_MISMATCH: Input field \"I.z\" has incompatible default values "
              "across subgraphs: it has default value 1 in subgraph \"a\" but default value 2 in "
              "subgraph \"b\"\n");
}

TEST(external_argument_values)
{
    CHECK_STR(compose_errors(PRODUCT_QUERY "type Product @key(fields: \"id\") { id: ID! v(n: Int): "
                                           "Int @external t: Int @requires(fields: \"v\") }\n",
                             V29 "type Product @key(fields: \"id\") { id: ID! v(n: String): Int "
                                 "}\n"),
              "EXTERNAL_ARGUMENT_TYPE_MISMATCH: Type of argument \"Product.v(n:)\" is "
              "incompatible across subgraphs (where \"Product.v\" is marked @external): it has "
              "type \"String\" in subgraph \"b\" but type \"Int\" in subgraph \"a\"\n");
    CHECK_STR(compose_errors(PRODUCT_QUERY
                             "type Product @key(fields: \"id\") { id: ID! w(u: String "
                             "= \"kg\"): Int @external s: Int @requires(fields: "
                             "\"w\") }\n",
                             V29 "type Product @key(fields: \"id\") { id: ID! w(u: String = "
                                 "\"g\"): Int }\n"),
              "EXTERNAL_ARGUMENT_DEFAULT_MISMATCH: Argument \"Product.w(u:)\" has incompatible "
              "defaults across subgraphs (where \"Product.w\" is marked @external): it has default "
              "value \"g\" in subgraph \"b\" but default value \"kg\" in subgraph \"a\"\n");
}

TEST(arguments_and_input_fields_across_subgraphs)
{
    const char *shared = V29 "type Query { products: [Product] @shareable }\n"
                             "type Product @shareable { id: ID! }\n";
    CHECK_STR(compose_errors(V29 "type Query { products(first: Int): [Product] @shareable }\n"
                                 "type Product @shareable { id: ID! }\n",
                             shared),
              "composes");
    CHECK_STR(compose_errors(V29 "type Query { products(first: Int!): [Product] @shareable }\n"
                                 "type Product @shareable { id: ID! }\n",
                             shared),
              "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH: Argument \"Query.products(first:)\" is "
              "required in some subgraphs but does not appear in all subgraphs: it is required in "
              "subgraph \"a\" but does not appear in subgraph \"b\"\n");
    CHECK_STR(compose_errors(V29 "type Query { search(filter: Filter): Int @shareable }\n"
                                 "input Filter { name: String! size: Int }\n",
                             V29 "type Query { search(filter: Filter): Int @shareable }\n"
                                 "input Filter { size: Int }\n"),
              "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH: Input object field \"Filter.name\" "
              "is required in some subgraphs but does not appear in all subgraphs: it is "
              "required in subgraph \"a\" but does not appear in subgraph \"b\"\n");
    CHECK_STR(compose_errors(V29 "type Query { search(filter: Filter): Int @shareable }\n"
                                 "input Filter { name: String }\n",
                             V29 "type Query { search(filter: Filter): Int @shareable }\n"
                                 "input Filter { size: Int }\n"),
              "EMPTY_MERGED_INPUT_TYPE: None of the fields of input object type \"Filter\" are "
              "consistently defined in all the subgraphs defining that type. As only fields "
              "common to all subgraphs are merged, this would result in an empty type.\n");
}

TEST(contextual_argument_everywhere)
{
    const char *link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", "
                       "import: [\"@key\", \"@shareable\", \"@context\", \"@fromContext\"])\n";
    const char *a_sdl =
        arena_sprintf(&test_arena, "%s%s", link,
                      "type Query { u: U }\n"
                      "type U @key(fields: \"id\") @context(name: \"uctx\") { id: ID! code: "
                      "String p: P }\n"
                      "type P @key(fields: \"id\") { id: ID! price(cur: String @fromContext(field: "
                      "\"$uctx { code }\")): Int @shareable }\n");
    CHECK_STR(compose_errors(a_sdl, arena_sprintf(&test_arena, "%s%s", link,
                                                  "type P @key(fields: \"id\") { id: ID! "
                                                  "price(cur: String): Int @shareable }\n")),
              "composes");
    CHECK_STR(compose_errors(a_sdl, arena_sprintf(&test_arena, "%s%s", link,
                                                  "type P @key(fields: \"id\") { id: ID! "
                                                  "price(cur: String!): Int @shareable }\n")),
              "CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS: Argument \"P.price(cur:)\" is "
              "contextual in at least one subgraph but in \"P.price(cur:)\" it does not have "
              "@fromContext, is not nullable and has no default value.\n");
}

TEST(empty_merged_enum)
{
    CHECK_STR(compose_errors(V29 "type Query { products(status: Status): Int }\n"
                                 "enum Status { ACTIVE }\n",
                             V29 "type Query { count(status: Status): Int }\n"
                                 "enum Status { DRAFT }\n"),
              "EMPTY_MERGED_ENUM_TYPE: None of the values of enum type \"Status\" are defined "
              "consistently in all the subgraphs defining that type. As only values common to "
              "all subgraphs are merged, this would result in an empty type.\n");
}

TEST(interfaces_across_subgraphs)
{
    CHECK_STR(compose_errors(V29 "type Query { node: Node }\ninterface Node { id: ID! }\n"
                                 "type Product implements Node @key(fields: \"id\") { id: ID! }\n",
                             V29 "interface Node { id: ID! name: String }\n"
                                 "type User implements Node @key(fields: \"id\") { id: ID! name: "
                                 "String }\n"),
              "INTERFACE_FIELD_NO_IMPLEM: Interface field \"Node.name\" is declared in subgraph "
              "\"b\" but type \"Product\", which implements \"Node\" only in subgraph \"a\" does "
              "not have field \"name\".\n");
    CHECK_STR(compose_errors(V29 "type Query { node: Node }\n"
                                 "interface Node @key(fields: \"id\") { id: ID! }\n"
                                 "type Product implements Node @key(fields: \"id\") { id: ID! }\n",
                             V29 "interface Node @key(fields: \"id\") { id: ID! }\n"
                                 "type User implements Node @key(fields: \"id\") { id: ID! }\n"),
              "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE: [a] Interface type \"Node\" has a "
              "resolvable key (@key(fields: \"id\")) in subgraph \"a\" but that subgraph is "
              "missing some of the supergraph implementation types of \"Node\". Subgraph \"a\" "
              "should define type \"User\" (and have it implement \"Node\").\n"
              "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE: [b] Interface type \"Node\" has a "
              "resolvable key (@key(fields: \"id\")) in subgraph \"b\" but that subgraph is "
              "missing some of the supergraph implementation types of \"Node\". Subgraph \"b\" "
              "should define type \"Product\" (and have it implement \"Node\").\n");
    CHECK_STR(compose_errors(V29 "type Query { m: Media }\n"
                                 "type Media @key(fields: \"id\") @interfaceObject { id: ID! }\n",
                             NULL),
              "INTERFACE_OBJECT_USAGE_ERROR: Type \"Media\" is declared with @interfaceObject in "
              "all the subgraphs in which it is defined (it is defined in subgraph \"a\" but "
              "should be defined as an interface in at least one subgraph)\n");
}

TEST(inaccessible)
{
    CHECK_STR(compose_errors(V29 "type Query { product: Product hidden: Hidden @inaccessible }\n"
                                 "type Product { id: ID! secret: String @inaccessible }\n"
                                 "type Hidden @inaccessible { x: Int }\n",
                             NULL),
              "composes");
    CHECK_STR(compose_errors(V29 "type Query @inaccessible { hello: String }\n", NULL),
              "QUERY_ROOT_TYPE_INACCESSIBLE: Type \"Query\" is @inaccessible but is the root "
              "query type, which must be in the API schema.\n");
    CHECK_STR(compose_errors(V29 "type Query { product: Product }\n"
                                 "type Product @inaccessible { id: ID! }\n",
                             NULL),
              "REFERENCED_INACCESSIBLE: Type \"Product\" is @inaccessible but is referenced by "
              "\"Query.product\", which is in the API schema.\n");
    CHECK_STR(compose_errors(V29 "type Query { product: Product }\n"
                                 "type Product { id: ID! @inaccessible }\n",
                             NULL),
              "ONLY_INACCESSIBLE_CHILDREN: Type \"Product\" is in the API schema but all of its "
              "fields are @inaccessible.\n");
    CHECK_STR(
        compose_errors(V29 "type Query { products(first: Int! @inaccessible): [String] }\n", NULL),
        "REQUIRED_INACCESSIBLE: Argument \"Query.products(first:)\" is @inaccessible but is "
        "a required argument of its field.\n");
    CHECK_STR(compose_errors(V29 "type Query { node: Node }\ninterface Node { id: ID! }\n"
                                 "type Product implements Node { id: ID! @inaccessible name: "
                                 "String }\n",
                             NULL),
              "IMPLEMENTED_BY_INACCESSIBLE: Field \"Product.id\" is @inaccessible but implements "
              "the interface field \"Node.id\", which is in the API schema.\n");
}

TEST(merged_directives_on_external_fields)
{
    const char *link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", "
                       "import: [\"@key\", \"@external\", \"@requires\", \"@tag\"])\n";
    const char *b_sdl = arena_sprintf(&test_arena, "%s%s", link,
                                      "type Product @key(fields: \"id\") { id: ID! w: Int }\n");
    CHECK_STR(compose_errors(arena_sprintf(&test_arena, "%s%s", link,
                                           "type Query { product: Product }\n"
                                           "type Product @key(fields: \"id\") { id: ID! w: Int "
                                           "@external s: Int @requires(fields: \"w\") @tag(name: "
                                           "\"x\") }\n"),
                             b_sdl),
              "composes");
    CHECK_STR(compose_errors(arena_sprintf(&test_arena, "%s%s", link,
                                           "type Query { product: Product }\n"
                                           "type Product @key(fields: \"id\") { id: ID! w: Int "
                                           "@external @tag(name: \"x\") @deprecated(reason: "
                                           "\"no\") s: Int @requires(fields: \"w\") }\n"),
                             b_sdl),
              "MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL: [a] Cannot apply merged directive "
              "@tag(name: \"x\") to external field \"Product.w\"\n"
              "MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL: [a] Cannot apply merged directive "
              "@deprecated(reason: \"no\") to external field \"Product.w\"\n");
}

TEST(default_values_use_hidden_elements)
{
    CHECK_STR(compose_errors(V29 "enum E { A B @inaccessible }\ntype Query { f(e: E = A): Int "
                                 "g(e: E = B): Int @inaccessible }\n",
                             NULL),
              "composes");
    CHECK_STR(compose_errors(V29 "enum E { A B @inaccessible }\n"
                                 "input I { x: Int y: Int @inaccessible }\n"
                                 "type Query { f(e: E = B, l: [E] = [A, B], i: I = {x: 1, y: 2}): "
                                 "Int }\n",
                             NULL),
              "DEFAULT_VALUE_USES_INACCESSIBLE: Enum value \"E.B\" is @inaccessible but is used in "
              "the default value of \"Query.f(e:)\", which is in the API schema.\n"
              "DEFAULT_VALUE_USES_INACCESSIBLE: Enum value \"E.B\" is @inaccessible but is used in "
              "the default value of \"Query.f(l:)\", which is in the API schema.\n"
              "DEFAULT_VALUE_USES_INACCESSIBLE: Input field \"I.y\" is @inaccessible but is used "
              "in the default value of \"Query.f(i:)\", which is in the API schema.\n");
}

TEST(no_queries)
{
    CHECK_STR(compose_errors(V29 "type Mutation { ping: String }\n", NULL),
              "NO_QUERIES: No queries found in any subgraph: a supergraph must have a query root "
              "type.\n");
}

TEST(extension_without_a_base)
{
    CHECK_STR(compose_errors("extend type Query { hello: String }\n"
                             "extend type Product @key(fields: \"id\") { id: ID! @external name: "
                             "String }\n",
                             NULL),
              "EXTENSION_WITH_NO_BASE: [a] Type \"Product\" is an extension type, but there is no "
              "type definition for \"Product\" in any subgraph.\n");
    CHECK_STR(compose_errors("extend type Query { hello: String product: Product }\n"
                             "extend type Product @key(fields: \"id\") { id: ID! @external name: "
                             "String }\n",
                             "type Product @key(fields: \"id\") { id: ID! }\n"),
              "composes");
}

#define AUTH26                                                                                     \
    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.6\", import: [\"@key\", "   \
    "\"@external\", \"@requires\", \"@authenticated\", \"@requiresScopes\", \"@policy\", "         \
    "\"@shareable\"])\n"
#define SHORTFALL(what)                                                                            \
    "MISSING_TRANSITIVE_AUTH_REQUIREMENTS: [b] Field \"Product.shipping\" does not specify "       \
    "necessary @authenticated, @requiresScopes and/or @policy auth requirements to access the "    \
    "transitive " what " from @requires selection set.\n"

/* Subgraph a owns Product (with what follows); b requires `fields` for Product.shipping. */
static const char *requiring(const char *a_rest, const char *b_external, const char *fields,
                             const char *shipping_dirs, const char *b_rest)
{
    return compose_errors(
        arena_sprintf(&test_arena, AUTH26 "type Query { p: Product }\n%s", a_rest),
        arena_sprintf(&test_arena,
                      AUTH26 "type Product @key(fields: \"id\") { id: ID! %s shipping: Int "
                             "@requires(fields: \"%s\") %s }\n%s",
                      b_external, fields, shipping_dirs, b_rest));
}

TEST(transitive_auth_requirements)
{
    const char *secret = "type Product @key(fields: \"id\") { id: ID! secret: String "
                         "@requiresScopes(scopes: [[\"a\", \"b\"], [\"c\"]]) }\n";
    /* [[c]] implies [[a, b], [c]]; [[a]] does not */
    CHECK_STR(requiring(secret, "secret: String @external", "secret",
                        "@requiresScopes(scopes: [[\"c\"]])", ""),
              "composes");
    CHECK_STR(requiring(secret, "secret: String @external", "secret",
                        "@requiresScopes(scopes: [[\"a\"]])", ""),
              SHORTFALL("field \"Product.secret\" data"));
    CHECK_STR(requiring("type Product @key(fields: \"id\") { id: ID! secret: String "
                        "@authenticated }\n",
                        "secret: String @external", "secret", "", ""),
              SHORTFALL("field \"Product.secret\" data"));
    /* the type's requirements count for the requiring field */
    CHECK_STR(requiring("type Product @key(fields: \"id\") @authenticated { id: ID! secret: "
                        "String @authenticated @policy(policies: [[\"x\"]]) }\n",
                        "secret: String @external", "secret", "@policy(policies: [[\"x\", \"y\"]])",
                        ""),
              "composes");
    /* a selected field's type, an interface taking its implementations' */
    CHECK_STR(requiring("type Product @key(fields: \"id\") { id: ID! owner: User }\ntype User "
                        "@authenticated { name: String @shareable }\n",
                        "owner: User @external", "owner { name }", "",
                        "type User { name: String @shareable }\n"),
              SHORTFALL("field \"Product.owner\" data"));
    CHECK_STR(requiring("type Product @key(fields: \"id\") @policy(policies: [[\"p1\"]]) { id: "
                        "ID! thing: Thing }\ninterface Thing { id: ID }\ntype Book implements "
                        "Thing @policy(policies: [[\"p2\"]]) { id: ID @shareable }\n",
                        "thing: Thing @external", "thing { ... on Book { id } }", "",
                        "interface Thing { id: ID }\ntype Book implements Thing { id: ID "
                        "@shareable }\n"),
              SHORTFALL("field \"Product.thing\" data"));
    /* inline fragments: their type, then their fields */
    const char *union_b = "union U = Book\ntype Book { id: ID @shareable }\n";
    CHECK_STR(requiring("type Product @key(fields: \"id\") { id: ID! thing: U }\nunion U = "
                        "Book\ntype Book @policy(policies: [[\"p2\"]]) { id: ID @shareable }\n",
                        "thing: U @external", "thing { ... on Book { id } }", "", union_b),
              SHORTFALL("data in inline fragment type condition \"Book\""));
    CHECK_STR(requiring("type Product @key(fields: \"id\") { id: ID! thing: U }\nunion U = "
                        "Book\ntype Book { id: ID @shareable @authenticated }\n",
                        "thing: U @external", "thing { ... on Book { id } }", "", union_b),
              SHORTFALL("field \"Book.id\" data"));
}

TEST(transitive_auth_through_contexts)
{
    const char *link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.8\", "
                       "import: [\"@key\", \"@context\", \"@fromContext\", \"@authenticated\", "
                       "\"@requiresScopes\"])\n";
    const char *sdl =
        "%stype Query { t: T }\ntype T @key(fields: \"id\") @context(name: \"ctx\") "
        "%s { id: ID! prefix: String %s u: U }\ntype U @key(fields: \"id\") { id: ID! "
        "field(p: String @fromContext(field: \"$ctx { prefix }\"), other: Int): String "
        "%s }\n";
    const char *prefix = "MISSING_TRANSITIVE_AUTH_REQUIREMENTS: [a] Field \"U.field\" does not "
                         "specify necessary @authenticated, @requiresScopes and/or @policy auth "
                         "requirements to access the transitive ";
    CHECK_STR(compose_errors(arena_sprintf(&test_arena, sdl, link, "", "@authenticated", ""), NULL),
              arena_sprintf(&test_arena,
                            "%sfield \"T.prefix\" data from @fromContext selection set.\n",
                            prefix));
    CHECK_STR(compose_errors(arena_sprintf(&test_arena, sdl, link,
                                           "@requiresScopes(scopes: [[\"s\"]])", "", ""),
                             NULL),
              arena_sprintf(&test_arena,
                            "%sdata in context a__ctx from @fromContext selection set.\n", prefix));
    CHECK_STR(
        compose_errors(
            arena_sprintf(&test_arena, sdl, link, "", "@authenticated", "@authenticated"), NULL),
        "composes");
}

TEST_MAIN(arena_init(&test_arena, 0); RUN(external_copies); RUN(argument_and_input_field_values);
          RUN(external_argument_values); RUN(arguments_and_input_fields_across_subgraphs);
          RUN(empty_merged_enum); RUN(contextual_argument_everywhere);
          RUN(interfaces_across_subgraphs); RUN(inaccessible);
          RUN(merged_directives_on_external_fields); RUN(default_values_use_hidden_elements);
          RUN(no_queries); RUN(extension_without_a_base); RUN(transitive_auth_requirements);
          RUN(transitive_auth_through_contexts); arena_free(&test_arena);)
