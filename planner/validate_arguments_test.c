/* validate_arguments_test.c: structure rules on arguments of fields and directives: known, unique
 * and required arguments. Expected errors are what graphql-js 16 reports for the same schema and
 * query (see vtest.h for the line format). */
#include "ftest.h"
#include "validate_rules.h"
#include "vtest.h"

static vtest t;

static const char *run(const char *query)
{
    return vtest_run_rules(&t, validate_structure_rules, query);
}

TEST(known_argument_names)
{
    CHECK_STR(
        run("{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained isAtLocation(x: 1, y: 2) } }"),
        "");
    CHECK_STR(run("{ dog { name(surname: true) } }"),
              "1:14 Unknown argument \"surname\" on field \"Dog.name\".\n");
    CHECK_STR(run("{ dog { isHouseTrained(atOtherHome: true) } }"),
              "1:24 Unknown argument \"atOtherHome\" on field \"Dog.isHouseTrained\". Did you mean "
              "\"atOtherHomes\"?\n");
    CHECK_STR(run("{ dog { name @skip(iff: true, if: true) } }"),
              "1:20 Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?\n");
    CHECK_STR(run("{ dog { name @check(req: 1, opts: 2) } }"),
              "1:29 Unknown argument \"opts\" on directive \"@check\". Did you mean \"opt\"?\n");
    CHECK_STR(run("{ dog { name @nope(x: 1) } }"), "");
    CHECK_STR(run("{ __typename(x: 1) __type(name: \"Dog\", x: 2) { name } }"),
              "1:14 Unknown argument \"x\" on field \"Query.__typename\".\n1:40 Unknown argument "
              "\"x\" on field \"Query.__type\".\n");
}

TEST(unique_argument_names)
{
    CHECK_STR(run("{ dog { isAtLocation(x: 1, y: 2) } }"), "");
    CHECK_STR(run("{ dog { isAtLocation(x: 1, x: 2, y: 3, x: 4, y: 5) } }"),
              "1:22 1:28 1:40 There can be only one argument named \"x\".\n1:34 1:46 There can be "
              "only one argument named \"y\".\n");
    CHECK_STR(run("{ dog { name @include(if: true, if: false) } }"),
              "1:23 1:33 There can be only one argument named \"if\".\n");
}

TEST(required_arguments)
{
    CHECK_STR(run("{ complex(req: 1) dog { doesKnowCommand(dogCommand: SIT) } }"), "");
    CHECK_STR(run("{ complex dog { doesKnowCommand } }"),
              "1:17 Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is "
              "required, but it was not provided.\n1:3 Field \"complex\" argument \"req\" of type "
              "\"Int!\" is required, but it was not provided.\n");
    CHECK_STR(run("{ dog { name @include @check } }"),
              "1:14 Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but "
              "it was not provided.\n1:23 Directive \"@check\" argument \"req\" of type \"Int!\" "
              "is required, but it was not provided.\n");
    CHECK_STR(run("query Q @check(req: 1) { dog { name @check(req: 2) } }"), "");
    CHECK_STR(run("{ __type { name } }"), "1:3 Field \"__type\" argument \"name\" of type "
                                          "\"String!\" is required, but it was not provided.\n");
    CHECK_STR(run("{ dog { nope(x: 1) } }"),
              "1:9 Cannot query field \"nope\" on type \"Dog\". Did you mean \"name\"?\n");
}

TEST(directives_everywhere)
{
    CHECK_STR(run("query Q($a: Int @check, $b: Int @check(req: 1)) { dog { name } }"),
              "1:17 Directive \"@check\" argument \"req\" of type \"Int!\" is required, but it was "
              "not provided.\n");
    CHECK_STR(
        run("query Q @check { dog { ...F @check ... on Dog @check { name } } }\nfragment F on Dog "
            "@check(nope: 1) { name }\nsubscription S @check { newMessage { body } }"),
        "1:29 Directive \"@check\" argument \"req\" of type \"Int!\" is required, but it was not "
        "provided.\n1:47 Directive \"@check\" argument \"req\" of type \"Int!\" is required, but "
        "it was not provided.\n1:9 Directive \"@check\" argument \"req\" of type \"Int!\" is "
        "required, but it was not provided.\n2:19 Directive \"@check\" argument \"req\" of type "
        "\"Int!\" is required, but it was not provided.\n2:26 Unknown argument \"nope\" on "
        "directive \"@check\". Did you mean \"opt\"?\n3:16 Directive \"@check\" argument \"req\" "
        "of type \"Int!\" is required, but it was not provided.\n");
    CHECK_STR(run("{ dog { name @nope(a: 1, a: 2) } }"),
              "1:20 1:26 There can be only one argument named \"a\".\n");
}

TEST(required_with_default_null)
{
    CHECK_STR(run("{ complex(req: 1, nullable: null) }"), "");
}

TEST(directive_args_not_field_args)
{
    CHECK_STR(run("{ dog { isHouseTrained(atOtherHomes: true) @include(if: true, atOtherHomes: "
                  "true) } }"),
              "1:63 Unknown argument \"atOtherHomes\" on directive \"@include\".\n");
}

TEST(directives_in_type_definitions)
{
    CHECK_STR(
        run("{ dog { name } }\ntype Foo @include @check(req: 1, req: 2) { a(x: Int @check): Int "
            "@skip(iff: true) }\nenum E @check { A @include(if: true, x: 1) }\ninput I { a: Int "
            "@check(opts: 1) }\ndirective @d(a: Int @check) on FIELD\nscalar S @deprecated(reason: "
            "\"x\", why: \"y\")\nunion U @check = Dog"),
        "2:1 The \"Foo\" definition is not executable.\n2:10 Directive \"@include\" argument "
        "\"if\" of type \"Boolean!\" is required, but it was not provided.\n2:26 2:34 There can be "
        "only one argument named \"req\".\n2:53 Directive \"@check\" argument \"req\" of type "
        "\"Int!\" is required, but it was not provided.\n2:66 Directive \"@skip\" argument \"if\" "
        "of type \"Boolean!\" is required, but it was not provided.\n2:72 Unknown argument \"iff\" "
        "on directive \"@skip\". Did you mean \"if\"?\n3:1 The \"E\" definition is not "
        "executable.\n3:38 Unknown argument \"x\" on directive \"@include\".\n3:8 Directive "
        "\"@check\" argument \"req\" of type \"Int!\" is required, but it was not provided.\n4:1 "
        "The \"I\" definition is not executable.\n4:18 Directive \"@check\" argument \"req\" of "
        "type \"Int!\" is required, but it was not provided.\n4:25 Unknown argument \"opts\" on "
        "directive \"@check\". Did you mean \"opt\"?\n5:1 The \"d\" definition is not "
        "executable.\n5:21 Directive \"@check\" argument \"req\" of type \"Int!\" is required, but "
        "it was not provided.\n6:1 The \"S\" definition is not executable.\n6:35 Unknown argument "
        "\"why\" on directive \"@deprecated\".\n7:1 The \"U\" definition is not executable.\n7:9 "
        "Directive \"@check\" argument \"req\" of type \"Int!\" is required, but it was not "
        "provided.\n");
    CHECK_STR(run("query Q @d(x: 1) @check(b: 1) { dog { name @d(y: 1) } }\ndirective @d(y: Int!, "
                  "z: [Int]! = null, w: String!) on QUERY | FIELD\ndirective @check(a: Int, b: "
                  "String!) on QUERY"),
              "1:12 Unknown argument \"x\" on directive \"@d\". Did you mean \"w\", \"y\", or "
              "\"z\"?\n1:44 Directive \"@d\" argument \"w\" of type \"String!\" is required, but "
              "it was not provided.\n1:9 Directive \"@d\" argument \"w\" of type \"String!\" is "
              "required, but it was not provided.\n1:9 Directive \"@d\" argument \"y\" of type "
              "\"Int!\" is required, but it was not provided.\n2:1 The \"d\" definition is not "
              "executable.\n3:1 The \"check\" definition is not executable.\n");
}

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(known_argument_names); RUN(unique_argument_names);
          RUN(required_arguments); RUN(directives_everywhere); RUN(required_with_default_null);
          RUN(directive_args_not_field_args); RUN(directives_in_type_definitions); vtest_free(&t);)
