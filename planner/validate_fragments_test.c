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

TEST(unique_fragment_names)
{
    CHECK_STR(run("{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { barks }"),
              "");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }"),
              "2:10 3:10 There can be only one fragment named \"A\".\n");
}

TEST(known_fragment_names)
{
    CHECK_STR(run("{ dog { ...Nope ... Other } }"),
              "1:12 Unknown fragment \"Nope\".\n1:21 Unknown fragment \"Other\".\n");
}

TEST(known_type_names)
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

TEST(fragments_on_composite_types)
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

TEST(no_unused_fragments)
{
    CHECK_STR(run("query Q { dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name "
                  "}\nfragment C on Dog { ...D }\nfragment D on Dog { name }"),
              "4:1 Fragment \"C\" is never used.\n5:1 Fragment \"D\" is never used.\n");
    CHECK_STR(run("fragment A on Dog { name }"), "1:1 Fragment \"A\" is never used.\n");
}

TEST(no_fragment_cycles)
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

TEST(possible_fragment_spreads)
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

TEST(many_rules_at_once)
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

TEST(duplicate_fragments_spread_the_last)
{
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Cat { meows }\nfragment A on Dog { name }"),
              "2:10 3:10 There can be only one fragment named \"A\".\n");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { ...A }\nfragment A on Dog { name }"),
              "2:10 3:10 There can be only one fragment named \"A\".\n2:21 Cannot spread fragment "
              "\"A\" within itself.\n");
}

TEST(inline_fragment_in_leaf)
{
    CHECK_STR(
        run("{ dog { name { ... { x } } } }"),
        "1:14 Field \"name\" must not have a selection since type \"String\" has no subfields.\n");
}

TEST(unknown_type_condition_stops_checks)
{
    CHECK_STR(
        run("{ dog { ...F ... on Nope { whatever { deeper } } } }\nfragment F on Nope { a { b } }"),
        "1:21 Unknown type \"Nope\".\n2:15 Unknown type \"Nope\".\n");
}

TEST(spread_of_bad_fragment_type)
{
    CHECK_STR(run("{ dog { ...F } } fragment F on Nope { a }"), "1:32 Unknown type \"Nope\".\n");
    CHECK_STR(run("{ dog { ...F } } fragment F on Int { x }"),
              "1:32 Fragment \"F\" cannot condition on non composite type \"Int\".\n");
}

TEST(inline_fragment_on_input_type)
{
    CHECK_STR(run("{ dog { ... on ComplexInput { name } } }"),
              "1:16 Fragment cannot condition on non composite type \"ComplexInput\".\n");
}

TEST(possible_spreads_abstract)
{
    CHECK_STR(run("{ pet { ... on Canine { name } ... on Human { name } } }"),
              "1:32 Fragment cannot be spread here as objects of type \"Pet\" can never be of type "
              "\"Human\".\n");
    CHECK_STR(
        run("{ catOrDog { ... on DogOrHuman { __typename } ... on HumanOrAlien { __typename } } }"),
        "1:47 Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type "
        "\"HumanOrAlien\".\n");
    CHECK_STR(
        run("{ human(id: 1) { ... on DogOrHuman { __typename } ... on CatOrDog { __typename } } }"),
        "1:51 Fragment cannot be spread here as objects of type \"Human\" can never be of type "
        "\"CatOrDog\".\n");
    CHECK_STR(run("{ dog { ... { name } } catOrDog { ... { __typename } } }"), "");
}

TEST(cycles_more)
{
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { ... on Dog { ...A } }"),
              "2:34 Cannot spread fragment \"A\" within itself.\n");
    CHECK_STR(run("{ dog { ...A ...C } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A "
                  "}\nfragment C on Dog { ...A }"),
              "2:21 3:21 Cannot spread fragment \"A\" within itself via \"B\".\n");
    CHECK_STR(run("{ dog { ...A } }\nfragment A on Dog { mother { ...B } owner { ...C } ...A "
                  "}\nfragment B on Dog { ...A }\nfragment C on Human { name }"),
              "2:30 3:21 Cannot spread fragment \"A\" within itself via \"B\".\n2:52 Cannot spread "
              "fragment \"A\" within itself.\n");
}

TEST(unused_from_mutation)
{
    CHECK_STR(run("mutation M { mutateDog { ...A } }\nfragment A on Dog { ...B }\nfragment B on "
                  "Dog { name }\nfragment C on Dog { name }"),
              "4:1 Fragment \"C\" is never used.\n");
}

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(unique_fragment_names); RUN(known_fragment_names);
          RUN(known_type_names); RUN(fragments_on_composite_types); RUN(no_unused_fragments);
          RUN(no_fragment_cycles); RUN(possible_fragment_spreads); RUN(many_rules_at_once);
          RUN(duplicate_fragments_spread_the_last); RUN(inline_fragment_in_leaf);
          RUN(unknown_type_condition_stops_checks); RUN(spread_of_bad_fragment_type);
          RUN(inline_fragment_on_input_type); RUN(possible_spreads_abstract); RUN(cycles_more);
          RUN(unused_from_mutation); vtest_free(&t);)
