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

TEST(exec)
{
    CHECK_STR(run("query Q { dog { ...F } } fragment F on Dog { name }"), "");
    CHECK_STR(run("{ dog { name } }\ntype Foo { a: Int }\nextend type Dog { x: Int }\nschema { "
                  "query: Query }\ndirective @d on FIELD\nscalar S"),
              "2:1 The \"Foo\" definition is not executable.\n3:1 The \"Dog\" definition is not "
              "executable.\n4:1 The schema definition is not executable.\n5:1 The \"d\" definition "
              "is not executable.\n6:1 The \"S\" definition is not executable.\n");
}

TEST(opnames)
{
    CHECK_STR(
        run("query A { dog { name } } query B { dog { name } } mutation C { mutateDog { name } }"),
        "");
    CHECK_STR(run("query A { dog { name } }\nquery A { pet { name } }\nmutation A { mutateDog { "
                  "name } }"),
              "1:7 2:7 There can be only one operation named \"A\".\n1:7 3:10 There can be only "
              "one operation named \"A\".\n");
}

TEST(anon)
{
    CHECK_STR(run("{ dog { name } }"), "");
    CHECK_STR(run("{ dog { name } }\n{ pet { name } }"),
              "1:1 This anonymous operation must be the only defined operation.\n2:1 This "
              "anonymous operation must be the only defined operation.\n");
    CHECK_STR(run("{ dog { name } }\nquery Q { pet { name } }"),
              "1:1 This anonymous operation must be the only defined operation.\n");
}

TEST(sub)
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

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(exec); RUN(opnames); RUN(anon); RUN(sub);
          vtest_free(&t);)
