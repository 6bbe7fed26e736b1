/* validate_fragments_test.c: structure rules on fragments and type conditions: unique and known
 * fragment names, known type names, composite type conditions, unused fragments, cycles, possible
 * spreads. Expected errors are what graphql-js 16 reports for the same schema and query (see
 * vtest.h for the line format). */
#include "ftest.h"
#include "validate_rules.h"
#include "vtest.h"

static vtest t;

static const char *run(const char *query)
{
    return vtest_run_rules(&t, validate_structure_rules, query);
}

TEST(fragnames)
{
    CHECK_STR(run("{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }"),
              "");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }"),
              "2:10 3:10 There can be only one fragment named \"A\".\n");
}

TEST(knownfrag)
{
    CHECK_STR(run("{ dog { ...Nope ... Other } }"),
              "1:12 Unknown fragment \"Nope\".\n1:21 Unknown fragment \"Other\".\n");
}

TEST(types)
{
    CHECK_STR(
        run("query Q($a: Int, $b: [String!]!, $c: ComplexInput) { dog { ... on Dog { name } } }"),
        "");
    CHECK_STR(
        run("query Q($a: Nope, $b: [Strin!]) { dog { ... on Dgo { name } } } fragment F on Kat { "
            "name }"),
        "1:13 Unknown type \"Nope\".\n1:24 Unknown type \"Strin\". Did you mean \"String\"?\n1:48 "
        "Unknown type \"Dgo\". Did you mean \"Dog\"?\n1:65 Fragment \"F\" is never used.\n1:79 "
        "Unknown type \"Kat\". Did you mean \"Cat\", \"Int\", or \"Pet\"?\n");
}

TEST(composite)
{
    CHECK_STR(run("{ dog { ...F ... on Pet { name } ... { name } } } fragment F on CatOrDog { "
                  "__typename }"),
              "");
    CHECK_STR(run("{ dog { name ... on Boolean { x } } }\nfragment F on DogCommand { x }\nfragment "
                  "G on ComplexInput { x }"),
              "1:21 Fragment cannot condition on non composite type \"Boolean\".\n2:1 Fragment "
              "\"F\" is never used.\n2:15 Fragment \"F\" cannot condition on non composite type "
              "\"DogCommand\".\n3:1 Fragment \"G\" is never used.\n3:15 Fragment \"G\" cannot "
              "condition on non composite type \"ComplexInput\".\n");
}

TEST(unused)
{
    CHECK_STR(run("query Q { dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name "
                  "}\nfragment C on Dog { ...D }\nfragment D on Dog { name }"),
              "4:1 Fragment \"C\" is never used.\n5:1 Fragment \"D\" is never used.\n");
    CHECK_STR(run("fragment A on Dog { name }"), "1:1 Fragment \"A\" is never used.\n");
}

TEST(cycle)
{
    CHECK_STR(run("{ dog { ...A } } fragment A on Dog { ...A }"),
              "1:38 Cannot spread fragment \"A\" within itself.\n");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }"),
              "2:21 3:21 Cannot spread fragment \"A\" within itself via \"B\".\n");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...C "
                  "}\nfragment C on Dog { mother { ...A ...D } }\nfragment D on Dog { ...B }"),
              "2:21 3:21 4:30 Cannot spread fragment \"A\" within itself via \"B\", \"C\".\n3:21 "
              "4:35 5:21 Cannot spread fragment \"B\" within itself via \"C\", \"D\".\n");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { mother { ...A } owner { name } }"),
              "2:30 Cannot spread fragment \"A\" within itself.\n");
    CHECK_STR(run("{ dog { ...A ...B } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }"),
              "");
    CHECK_STR(run("{ dog { ...A } } fragment A on Dog { ...X }"), "1:41 Unknown fragment \"X\".\n");
}

TEST(possible)
{
    CHECK_STR(run("{ dog { ... on Pet { name } ...CD } pet { ... on Dog { name } ... on CatOrDog { "
                  "__typename } } catOrDog { ... on Pet { name } } } fragment CD on CatOrDog { "
                  "__typename }"),
              "");
    CHECK_STR(run("{ dog { ... on Cat { meows } } catOrDog { ... on Human { name } } }"),
              "1:43 Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of "
              "type \"Human\".\n1:9 Fragment cannot be spread here as objects of type \"Dog\" can "
              "never be of type \"Cat\".\n");
    CHECK_STR(run("{ dog { ...C } humanOrAlien { ...P } }\nfragment C on Cat { meows }\nfragment P "
                  "on Pet { name }"),
              "1:31 Fragment \"P\" cannot be spread here as objects of type \"HumanOrAlien\" can "
              "never be of type \"Pet\".\n1:9 Fragment \"C\" cannot be spread here as objects of "
              "type \"Dog\" can never be of type \"Cat\".\n");
    CHECK_STR(
        run("{ pet { ... on DogOrHuman { __typename } ... on HumanOrAlien { __typename } } }"),
        "1:42 Fragment cannot be spread here as objects of type \"Pet\" can never be of type "
        "\"HumanOrAlien\".\n");
}

TEST(combined)
{
    CHECK_STR(
        run("query Q($v: Nope) {\n  dog {\n    ...F\n    nope\n    name { x }\n    "
            "doesKnowCommand(z: 1, z: 2)\n  }\n}\nfragment F on Dog { ...F }\nfragment G on Int { "
            "x }"),
        "10:1 Fragment \"G\" is never used.\n10:15 Fragment \"G\" cannot condition on non "
        "composite type \"Int\".\n1:13 Unknown type \"Nope\".\n4:5 Cannot query field \"nope\" on "
        "type \"Dog\". Did you mean \"name\"?\n5:10 Field \"name\" must not have a selection since "
        "type \"String\" has no subfields.\n6:21 6:27 There can be only one argument named "
        "\"z\".\n6:21 Unknown argument \"z\" on field \"Dog.doesKnowCommand\".\n6:27 Unknown "
        "argument \"z\" on field \"Dog.doesKnowCommand\".\n6:5 Field \"doesKnowCommand\" argument "
        "\"dogCommand\" of type \"DogCommand!\" is required, but it was not provided.\n9:21 Cannot "
        "spread fragment \"F\" within itself.\n");
}

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(fragnames); RUN(knownfrag); RUN(types);
          RUN(composite); RUN(unused); RUN(cycle); RUN(possible); RUN(combined); vtest_free(&t);)
