/* validate_fields_test.c: structure rules on field selections: fields on correct type (with
 * suggestions), leaf field selections, maximum introspection depth. Expected errors are what
 * graphql-js 16 reports for the same schema and query (see vtest.h for the line format). */
#include "ftest.h"
#include "validate_rules.h"
#include "vtest.h"

static vtest t;

static const char *run(const char *query)
{
    return vtest_run_rules(&t, validate_structure_rules, query);
}

TEST(fields_on_correct_type)
{
    CHECK_STR(run("{ dog { name barks __typename } pet { name __typename } catOrDog { __typename } "
                  "__typename }"),
              "");
    CHECK_STR(
        run("{ dog { meowVolume } }"),
        "1:9 Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?\n");
    CHECK_STR(run("{ dog { nme } }"),
              "1:9 Cannot query field \"nme\" on type \"Dog\". Did you mean \"name\"?\n");
    CHECK_STR(run("{ catOrDog { name } }"),
              "1:14 Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an "
              "inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?\n");
    CHECK_STR(run("{ pet { barkVolume } }"),
              "1:9 Cannot query field \"barkVolume\" on type \"Pet\". Did you mean to use an "
              "inline fragment on \"Canine\" or \"Dog\"?\n");
    CHECK_STR(run("{ dog { unknown { name } } }"),
              "1:9 Cannot query field \"unknown\" on type \"Dog\".\n");
    CHECK_STR(run("{ dog { x: nope } }"),
              "1:9 Cannot query field \"nope\" on type \"Dog\". Did you mean \"name\"?\n");
    CHECK_STR(run("{ __schema { queryType { name } } __type(name: \"Dog\") { name } }"), "");
    CHECK_STR(run("{ dog { __schema { queryType { name } } } }"),
              "1:9 Cannot query field \"__schema\" on type \"Dog\".\n");
    CHECK_STR(run("mutation { __typename mutateDog { name } }"), "");
}

TEST(leaf_field_selections)
{
    CHECK_STR(run("{ dog { name barkVolume } }"), "");
    CHECK_STR(run("{ dog { barks { sinceWhen } } }"),
              "1:15 Field \"barks\" must not have a selection since type \"Boolean\" has no "
              "subfields.\n");
    CHECK_STR(run("query Q { dog { name } catOrDog { ... on Cat { furColor { x } } } }"),
              "1:57 Field \"furColor\" must not have a selection since type \"FurColor\" has no "
              "subfields.\n");
    CHECK_STR(run("{ dog }"), "1:3 Field \"dog\" of type \"Dog\" must have a selection of "
                              "subfields. Did you mean \"dog { ... }\"?\n");
    CHECK_STR(run("{ human(id: \"1\") { pets } dog { mother } }"),
              "1:20 Field \"pets\" of type \"[Pet!]!\" must have a selection of subfields. Did you "
              "mean \"pets { ... }\"?\n1:33 Field \"mother\" of type \"Dog!\" must have a "
              "selection of subfields. Did you mean \"mother { ... }\"?\n");
}

TEST(introspection_fields)
{
    CHECK_STR(run("{ __typename { x } __schema __type(name: \"Dog\") }"),
              "1:14 Field \"__typename\" must not have a selection since type \"String!\" has no "
              "subfields.\n1:20 Field \"__schema\" of type \"__Schema!\" must have a selection of "
              "subfields. Did you mean \"__schema { ... }\"?\n1:29 Field \"__type\" of type "
              "\"__Type\" must have a selection of subfields. Did you mean \"__type { ... }\"?\n");
    CHECK_STR(run("{ catOrDog { __typename ... on Dog { __typename } } }"), "");
    CHECK_STR(run("{ __type(name: \"Dog\") { nope } }"),
              "1:25 Cannot query field \"nope\" on type \"__Type\". Did you mean \"name\"?\n");
}

TEST(fields_more)
{
    CHECK_STR(run("{ human(id: 1) { pet } }"),
              "1:18 Cannot query field \"pet\" on type \"Human\". Did you mean \"pets\"?\n");
    CHECK_STR(run("{ pet { name ... on Canine { barkVolume } ... on Dog { barks } } }"), "");
}

TEST(maximum_introspection_depth)
{
    CHECK_STR(run("{ __schema { types { fields { type { fields { name } } } } } }"), "");
    CHECK_STR(
        run("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"),
        "1:3 Maximum introspection depth exceeded\n");
    CHECK_STR(
        run("{ __type(name: \"Dog\") { interfaces { possibleTypes { inputFields { name } } } } }"),
        "1:3 Maximum introspection depth exceeded\n");
    CHECK_STR(run("{ __schema { types { ...F } } }\nfragment F on __Type { fields { type { ...G } "
                  "} }\nfragment G on __Type { fields { type { fields { name } } } }"),
              "1:3 Maximum introspection depth exceeded\n");
    CHECK_STR(run("{ __schema { types { ...F } } }\nfragment F on __Type { fields { type { ...G } "
                  "} }\nfragment G on __Type { name interfaces { name } }"),
              "");
    CHECK_STR(
        run("{ __schema { types { ...F } } }\nfragment F on __Type { fields { type { ...F } } }"),
        "1:3 Maximum introspection depth exceeded\n2:40 Cannot spread fragment \"F\" within "
        "itself.\n");
    CHECK_STR(run("{ __schema { types { ... on __Type { fields { type { ... { fields { type { "
                  "fields { name } } } } } } } } } }"),
              "1:3 Maximum introspection depth exceeded\n");
    CHECK_STR(
        run("{ __schema { types { ...F } } a: __schema { types { ...F } } }\nfragment F on __Type "
            "{ fields { type { fields { type { interfaces { name } } } } } }"),
        "1:3 Maximum introspection depth exceeded\n1:31 Maximum introspection depth exceeded\n");
    CHECK_STR(
        run("{ __schema { types { fields { type { fields { type { fields { __type(name: \"x\") { "
            "fields { type { fields { type { fields { name } } } } } } } } } } } } } }"),
        "1:3 Maximum introspection depth exceeded\n1:63 Cannot query field \"__type\" on type "
        "\"__Field\". Did you mean \"type\"?\n");
    CHECK_STR(
        run("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } dog "
            "{ ... { name } } __type(name: \"Dog\") { fields { type { fields { type { fields { "
            "name } } } } } } }"),
        "1:103 Maximum introspection depth exceeded\n1:3 Maximum introspection depth exceeded\n");
    CHECK_STR(run("fragment F on Query { __schema { types { fields { type { fields { type { fields "
                  "{ name } } } } } } } }\n{ ...F }"),
              "1:23 Maximum introspection depth exceeded\n");
    CHECK_STR(run("{ __schema { types { ...F fields { type { ...F } } } } }\nfragment F on __Type "
                  "{ fields { type { name } } }"),
              "");
    CHECK_STR(run("{ dog { name } }"), "");
}

TEST_MAIN(vtest_init(&t, vtest_pets_sdl); RUN(fields_on_correct_type); RUN(leaf_field_selections);
          RUN(introspection_fields); RUN(fields_more); RUN(maximum_introspection_depth);
          vtest_free(&t);)
