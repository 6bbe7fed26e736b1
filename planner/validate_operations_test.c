/* validate_operations_test.c: structure rules on documents and operations: executable definitions,
 * unique operation names, lone anonymous operation, single-field subscriptions. Expected errors are
 * what graphql-js 16 reports for the same schema and query (see vtest.h for the line format). */
#include "ftest.h"
#include "validate_rules.h"
#include "vtest.h"

static vtest t;

static const char *run(const char *query)
{
    return vtest_run_rules(&t, validate_structure_rules, query);
}

TEST(executable_definitions)
{
    CHECK_STR(run("query Q { dog { ...F } } fragment F on Dog { name }"), "");
    CHECK_STR(run("{ dog { name } }\ntype Foo { a: Int }\nextend type Dog { x: Int }\nschema { "
                  "query: Query }\ndirective @d on FIELD\nscalar S"),
              "2:1 The \"Foo\" definition is not executable.\n3:1 The \"Dog\" definition is not "
              "executable.\n4:1 The schema definition is not executable.\n5:1 The \"d\" definition "
              "is not executable.\n6:1 The \"S\" definition is not executable.\n");
}

TEST(unique_operation_names)
{
    CHECK_STR(
        run("query A { dog { name } } query B { dog { name } } mutation C { mutateDog { name } }"),
        "");
    CHECK_STR(run("query A { dog { name } }\nquery A { pet { name } }\nmutation A { mutateDog { "
                  "name } }"),
              "1:7 2:7 There can be only one operation named \"A\".\n1:7 3:10 There can be only "
              "one operation named \"A\".\n");
}

TEST(lone_anonymous_operation)
{
    CHECK_STR(run("{ dog { name } }"), "");
    CHECK_STR(run("{ dog { name } }\n{ pet { name } }"),
              "1:1 This anonymous operation must be the only defined operation.\n2:1 This "
              "anonymous operation must be the only defined operation.\n");
    CHECK_STR(run("{ dog { name } }\nquery Q { pet { name } }"),
              "1:1 This anonymous operation must be the only defined operation.\n");
}

TEST(single_field_subscriptions)
{
    CHECK_STR(run("subscription S { newMessage { body } }"), "");
    CHECK_STR(run("subscription S { newMessage { body } disallowedSecondRootField }"),
              "1:38 Subscription \"S\" must select only one top level field.\n");
    CHECK_STR(run("subscription { newMessage { body } a: disallowedSecondRootField b: "
                  "disallowedSecondRootField }"),
              "1:36 1:65 Anonymous Subscription must select only one top level field.\n");
    CHECK_STR(run("subscription S { ...F } fragment F on Subscription { newMessage { body } "
                  "disallowedSecondRootField }"),
              "1:74 Subscription \"S\" must select only one top level field.\n");
    CHECK_STR(run("subscription S { newMessage { body } newMessage { sender } }"), "");
    CHECK_STR(
        run("subscription S { newMessage { body } disallowedSecondRootField @skip(if: true) }"),
        "");
    CHECK_STR(run("subscription S { newMessage { body } ... @include(if: false) { "
                  "disallowedSecondRootField } }"),
              "");
    CHECK_STR(run("subscription S { __typename }"),
              "1:18 Subscription \"S\" must not select an introspection top level field.\n");
    CHECK_STR(
        run("subscription { __typename __typename }"),
        "1:16 1:27 Anonymous Subscription must not select an introspection top level field.\n");
    CHECK_STR(run("subscription S { newMessage { body } ... on Query { dog { name } } }"),
              "1:38 Fragment cannot be spread here as objects of type \"Subscription\" can never "
              "be of type \"Query\".\n");
}

TEST(subscriptions_more)
{
    CHECK_STR(run("subscription { a: newMessage { body } b: newMessage { body } }"),
              "1:39 Anonymous Subscription must select only one top level field.\n");
    CHECK_STR(
        run("subscription S { ...F ...F } fragment F on Subscription { newMessage { body } }"), "");
    CHECK_STR(run("subscription S { ...F } fragment F on Subscription { __typename }"),
              "1:54 Subscription \"S\" must not select an introspection top level field.\n");
    CHECK_STR(run("subscription S { newMessage { body } ...F } fragment F on Nope { x }"),
              "1:59 Unknown type \"Nope\".\n");
    CHECK_STR(
        run("subscription S { newMessage { body } ...F } fragment F on Query { dog { name } }"),
        "1:38 Fragment \"F\" cannot be spread here as objects of type \"Subscription\" can never "
        "be of type \"Query\".\n");
    CHECK_STR(run("subscription S { newMessage { body } ...Nope }"),
              "1:41 Unknown fragment \"Nope\".\n");
    CHECK_STR(
        run("subscription S { newMessage { body } disallowedSecondRootField @include(if: true) }"),
        "1:38 Subscription \"S\" must select only one top level field.\n");
    CHECK_STR(
        run("subscription S { newMessage { body } disallowedSecondRootField @skip(if: false) }"),
        "1:38 Subscription \"S\" must select only one top level field.\n");
    CHECK_STR(run("subscription S { newMessage { body } a: disallowedSecondRootField b: "
                  "disallowedSecondRootField c: disallowedSecondRootField d: "
                  "disallowedSecondRootField e: disallowedSecondRootField }"),
              "1:38 1:67 1:96 1:125 Subscription \"S\" must select only one top level field.\n");
}

TEST(executable_extensions)
{
    CHECK_STR(run("{ dog { name } }\nextend schema { subscription: Subscription }\nextend union "
                  "CatOrDog = Human\ninput I { a: Int }\nenum E { A }\ninterface X { a: Int }"),
              "2:1 The schema definition is not executable.\n3:1 The \"CatOrDog\" definition is "
              "not executable.\n4:1 The \"I\" definition is not executable.\n5:1 The \"E\" "
              "definition is not executable.\n6:1 The \"X\" definition is not executable.\n");
}

TEST(known_type_names_in_type_definitions)
{
    CHECK_STR(run("{ dog { name } }\ntype Foo implements Bar { a: Nope b(x: Strin): Int }\nunion U "
                  "= Dog | Kat\nextend type Dog { x: [Nope2] }\ninput I { a: Itn }\ndirective "
                  "@d(a: Nope3) on FIELD\nschema { query: Qeury }"),
              "2:1 The \"Foo\" definition is not executable.\n2:21 Unknown type \"Bar\". Did you "
              "mean \"Cat\"?\n2:30 Unknown type \"Nope\".\n2:40 Unknown type \"Strin\". Did you "
              "mean \"String\"?\n3:1 The \"U\" definition is not executable.\n3:17 Unknown type "
              "\"Kat\". Did you mean \"Cat\", \"Int\", or \"Pet\"?\n4:1 The \"Dog\" definition is "
              "not executable.\n4:23 Unknown type \"Nope2\". Did you mean \"Pet\"?\n5:1 The \"I\" "
              "definition is not executable.\n5:14 Unknown type \"Itn\". Did you mean \"Int\", "
              "\"I\", or \"ID\"?\n6:1 The \"d\" definition is not executable.\n6:17 Unknown type "
              "\"Nope3\". Did you mean \"Pet\"?\n7:1 The schema definition is not "
              "executable.\n7:17 Unknown type \"Qeury\". Did you mean \"Query\"?\n");
    CHECK_STR(run("query Q($a: I, $b: Foo) { dog { ...F } }\nfragment F on Foo { a }\ninput I { a: "
                  "Int }\ntype Foo { a: Int }\nextend type Bar { a: Int }\nquery R($c: Bar) { dog "
                  "{ name } }"),
              "3:1 The \"I\" definition is not executable.\n4:1 The \"Foo\" definition is not "
              "executable.\n5:1 The \"Bar\" definition is not executable.\n6:13 Unknown type "
              "\"Bar\". Did you mean \"Cat\"?\n");
}

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(executable_definitions); RUN(unique_operation_names);
          RUN(lone_anonymous_operation); RUN(single_field_subscriptions); RUN(subscriptions_more);
          RUN(executable_extensions); RUN(known_type_names_in_type_definitions); vtest_free(&t);)
