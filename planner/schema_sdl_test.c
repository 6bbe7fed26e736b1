/* schema_sdl_test.c: the errors schema_build reports, SDL by SDL, against
 * what graphql-js 16 reports for the same text (validateSDL, then
 * validateSchema on the built schema): one line per error, "message
 * @line:column,...", or "OK" when the schema builds. The expectations were
 * produced by running graphql-js on each SDL. */
#include "schema.h"
#include "ftest.h"
#include "sbuf.h"

static void check_sdl(const char *sdl, const char *want)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    schema *s = schema_from_sdl(&a, sdl, strlen(sdl), &errs);
    sbuf got;
    sbuf_init(&got);
    for (const diag *d = errs.first; d; d = d->next) {
        if (d != errs.first) sbuf_putc(&got, '\n');
        sbuf_puts(&got, d->message);
        for (uint32_t i = 0; i < d->nlocs; i++)
            sbuf_printf(&got, "%s%u:%u", i ? "," : " @", d->locs[i].line, d->locs[i].column);
    }
    if (!errs.first) sbuf_puts(&got, "OK");
    CHECK_STR(got.data, want);
    CHECK((s != NULL) == (errs.first == NULL));
    sbuf_free(&got);
    arena_free(&a);
}

#define SDL_CASE(name, sdl, want)                                                                  \
    TEST(name)                                                                                     \
    {                                                                                              \
        check_sdl(sdl, want);                                                                      \
    }

SDL_CASE(valid_1, "type Query { a: Int }", "OK")
SDL_CASE(duplicate_type_1, "type Query { a: Int } type Query { b: Int }",
         "There can be only one type named \"Query\". @1:6,1:28")
SDL_CASE(extend_undefined_1, "type Query { a: Int } extend type Foo { b: Int }",
         "Cannot extend type \"Foo\" because it is not defined. @1:35")
SDL_CASE(extend_undefined_2,
         "type Query { a: Int } type Food { a: Int } extend type Foo { b: Int }",
         "Cannot extend type \"Foo\" because it is not defined. Did you mean \"Food\"? @1:56")
SDL_CASE(duplicate_field_1, "type Query { a: Int } extend type Query { a: Int }",
         "Field \"Query.a\" can only be defined once. @1:14,1:43")
SDL_CASE(duplicate_field_2, "type Query { a: Int a: String }",
         "Field \"Query.a\" can only be defined once. @1:14,1:21")
SDL_CASE(unknown_type_1, "type Query { a: Foo }", "Unknown type \"Foo\". @1:17")
SDL_CASE(unknown_type_2, "type Query { a: Int } type Query2 implements I { a: Int }",
         "Unknown type \"I\". Did you mean \"ID\"? @1:46")
SDL_CASE(unknown_type_3, "type Query { a: Strin }",
         "Unknown type \"Strin\". Did you mean \"String\"? @1:17")
SDL_CASE(extend_wrong_kind_1,
         "type Query { a: Int } interface I { a: Int } extend type I { b: Int }",
         "Cannot extend non-object type \"I\". @1:23,1:46")
SDL_CASE(extend_wrong_kind_2,
         "type Query { a: Int } type O { a: Int } extend interface O { b: Int }",
         "Cannot extend non-interface type \"O\". @1:23,1:41")
SDL_CASE(extend_wrong_kind_3, "type Query { a: Int } scalar S extend union S = Query",
         "Cannot extend non-union type \"S\". @1:23,1:32")
SDL_CASE(extend_wrong_kind_4, "type Query { a: Int } scalar S extend input S { a: Int }",
         "Cannot extend non-input object type \"S\". @1:23,1:32")
SDL_CASE(extend_wrong_kind_5, "type Query { a: Int } type S { a: Int } extend enum S { A }",
         "Cannot extend non-enum type \"S\". @1:23,1:41")
SDL_CASE(extend_wrong_kind_6,
         "type Query { a: Int } type S { a: Int } extend scalar S @specifiedBy(url: \"u\")",
         "Cannot extend non-scalar type \"S\". @1:23,1:41")
SDL_CASE(duplicate_enum_value_1, "type Query { a: Int } enum E { A A }",
         "Enum value \"E.A\" can only be defined once. @1:32,1:34")
SDL_CASE(duplicate_enum_value_2, "type Query { a: Int } enum E { A } extend enum E { A }",
         "Enum value \"E.A\" can only be defined once. @1:32,1:52")
SDL_CASE(duplicate_arg_def_1, "type Query { a(x: Int, x: Int): Int }",
         "Argument \"Query.a(x:)\" can only be defined once. @1:16,1:24")
SDL_CASE(duplicate_arg_def_2, "type Query { a: Int } directive @d(x: Int, x: Int) on FIELD",
         "Argument \"@d(x:)\" can only be defined once. @1:36,1:44")
SDL_CASE(duplicate_directive_1, "type Query { a: Int } directive @d on FIELD directive @d on FIELD",
         "There can be only one directive named \"@d\". @1:34,1:56")
SDL_CASE(valid_2, "type Query { a: Int } directive @skip(if: Boolean!) on FIELD", "OK")
SDL_CASE(unknown_directive_1, "type Query { a: Int @unknown }",
         "Unknown directive \"@unknown\". @1:21")
SDL_CASE(misplaced_directive_1, "type Query { a: Int @skip(if: true) }",
         "Directive \"@skip\" may not be used on FIELD_DEFINITION. @1:21")
SDL_CASE(repeated_directive_1, "directive @d on FIELD_DEFINITION type Query { a: Int @d @d }",
         "The directive \"@d\" can only be used once at this location. @1:54,1:57")
SDL_CASE(valid_3, "directive @d repeatable on FIELD_DEFINITION type Query { a: Int @d @d }", "OK")
SDL_CASE(repeated_directive_2,
         "directive @d on OBJECT type Query @d { a: Int } extend type Query @d",
         "The directive \"@d\" can only be used once at this location. @1:35,1:67")
SDL_CASE(
    missing_directive_arg_1, "directive @d(x: Int!) on FIELD_DEFINITION type Query { a: Int @d }",
    "Directive \"@d\" argument \"x\" of type \"Int!\" is required, but it was not provided. @1:63")
SDL_CASE(missing_directive_arg_2,
         "directive @d(x: [Int!]!) on FIELD_DEFINITION type Query { a: Int @d }",
         "Directive \"@d\" argument \"x\" of type \"[Int!]!\" is required, but it was not "
         "provided. @1:66")
SDL_CASE(valid_4, "directive @d(x: Int! = 1) on FIELD_DEFINITION type Query { a: Int @d }", "OK")
SDL_CASE(unknown_directive_arg_1,
         "directive @d(x: Int!) on FIELD_DEFINITION type Query { a: Int @d(x: 1, y: 2) }",
         "Unknown argument \"y\" on directive \"@d\". Did you mean \"x\"? @1:72")
SDL_CASE(duplicate_directive_arg_1,
         "directive @d(x: Int) on FIELD_DEFINITION type Query { a: Int @d(x: 1, x: 2) }",
         "There can be only one argument named \"x\". @1:65,1:71")
SDL_CASE(valid_5, "directive @d on SCHEMA schema @d { query: Query } type Query { a: Int }", "OK")
SDL_CASE(valid_6,
         "directive @d on SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | "
         "UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\nscalar S @d type "
         "Query @d { a(x: Int @d): Int @d } interface I @d { a: Int } union U @d = Query enum E @d "
         "{ A @d } input In @d { f: Int @d }",
         "OK")
SDL_CASE(misplaced_directive_2, "directive @d on FIELD type Query { a: Int } scalar S @d",
         "Directive \"@d\" may not be used on SCALAR. @1:54")
SDL_CASE(misplaced_directive_3, "directive @d on FIELD type Query @d { a: Int }",
         "Directive \"@d\" may not be used on OBJECT. @1:34")
SDL_CASE(misplaced_directive_4, "directive @d on FIELD type Query { a(x: Int @d): Int }",
         "Directive \"@d\" may not be used on ARGUMENT_DEFINITION. @1:45")
SDL_CASE(misplaced_directive_5,
         "directive @d on FIELD type Query { a: Int } interface I @d { a: Int }",
         "Directive \"@d\" may not be used on INTERFACE. @1:57")
SDL_CASE(misplaced_directive_6, "directive @d on FIELD type Query { a: Int } union U @d = Query",
         "Directive \"@d\" may not be used on UNION. @1:53")
SDL_CASE(misplaced_directive_7, "directive @d on FIELD type Query { a: Int } enum E @d { A }",
         "Directive \"@d\" may not be used on ENUM. @1:52")
SDL_CASE(misplaced_directive_8, "directive @d on FIELD type Query { a: Int } enum E { A @d }",
         "Directive \"@d\" may not be used on ENUM_VALUE. @1:56")
SDL_CASE(misplaced_directive_9, "directive @d on FIELD type Query { a: Int } input I @d { a: Int }",
         "Directive \"@d\" may not be used on INPUT_OBJECT. @1:53")
SDL_CASE(misplaced_directive_10,
         "directive @d on FIELD type Query { a: Int } input I { a: Int @d }",
         "Directive \"@d\" may not be used on INPUT_FIELD_DEFINITION. @1:62")
SDL_CASE(misplaced_directive_11,
         "directive @d on FIELD type Query { a: Int } directive @e(x: Int @d) on FIELD",
         "Directive \"@d\" may not be used on ARGUMENT_DEFINITION. @1:65")
SDL_CASE(unknown_directive_2, "type Query { a: Int } directive @e(x: Int @unknown) on FIELD",
         "Unknown directive \"@unknown\". @1:43")
SDL_CASE(two_schemas_1, "schema { query: Query } schema { query: Query } type Query { a: Int }",
         "Must provide only one schema definition. @1:25\nThere can be only one query type in "
         "schema. @1:10,1:34")
SDL_CASE(duplicate_root_1, "schema { query: Query query: Query } type Query { a: Int }",
         "There can be only one query type in schema. @1:10,1:23")
SDL_CASE(duplicate_root_2,
         "schema { query: Query } extend schema { query: Query } type Query { a: Int }",
         "There can be only one query type in schema. @1:10,1:41")
SDL_CASE(valid_7, "schema { query: Query } extend schema { mutation: Query } type Query { a: Int }",
         "OK")
SDL_CASE(unknown_type_4, "schema { query: Foo } type Query { a: Int }",
         "Unknown type \"Foo\". @1:17")
SDL_CASE(no_query_1, "type Foo { a: Int }", "Query root type must be provided.")
SDL_CASE(root_not_object_1,
         "schema { query: Query mutation: M } type Query { a: Int } input M { a: Int }",
         "Mutation root type must be Object type if provided, it cannot be M. @1:33")
SDL_CASE(root_not_object_2,
         "schema { query: Query subscription: M } type Query { a: Int } scalar M",
         "Subscription root type must be Object type if provided, it cannot be M. @1:37")
SDL_CASE(root_not_object_3, "schema { query: Q } input Q { a: Int }",
         "Query root type must be Object type, it cannot be Q. @1:17")
SDL_CASE(root_not_object_4, "input Query { a: Int }",
         "Query root type must be Object type, it cannot be Query. @1:1")
SDL_CASE(root_not_object_5, "type Query { a: Int } enum Mutation { A }",
         "Mutation root type must be Object type if provided, it cannot be Mutation. @1:23")
SDL_CASE(root_not_object_6, "type Query { a: Int } union Subscription = Query",
         "Subscription root type must be Object type if provided, it cannot be Subscription. @1:23")
SDL_CASE(no_query_2, "schema { mutation: M } type Query { a: Int } type M { a: Int }",
         "Query root type must be provided. @1:1")
SDL_CASE(
    reserved_name_1, "type Query { __a: Int }",
    "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:14")
SDL_CASE(
    reserved_name_2, "type Query { a: Int } type __Foo { a: Int }",
    "Name \"__Foo\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:23")
SDL_CASE(
    reserved_name_3, "type Query { a: Int } directive @__d on FIELD",
    "Name \"__d\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:23")
SDL_CASE(
    reserved_name_4, "type Query { a: Int } enum E { __V }",
    "Name \"__V\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:32")
SDL_CASE(
    reserved_name_5, "type Query { a: Int } input I { __f: Int }",
    "Name \"__f\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:33")
SDL_CASE(
    reserved_name_6, "type Query { a(__b: Int): Int }",
    "Name \"__b\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:16")
SDL_CASE(
    reserved_name_7, "type Query { a: Int } directive @d(__b: Int) on FIELD",
    "Name \"__b\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:36")
SDL_CASE(empty_type_1, "type Query { a: Int } type E",
         "Type E must define one or more fields. @1:23")
SDL_CASE(empty_type_2, "type Query { a: Int } interface E",
         "Type E must define one or more fields. @1:23")
SDL_CASE(empty_type_3, "type Query { a: Int } input E",
         "Input Object type E must define one or more fields. @1:23")
SDL_CASE(empty_type_4, "type Query { a: Int } union U",
         "Union type U must define one or more member types. @1:23")
SDL_CASE(empty_type_5, "type Query { a: Int } enum U",
         "Enum type U must define one or more values. @1:23")
SDL_CASE(field_not_output_1, "type Query { a: I } input I { a: Int }",
         "The type of Query.a must be Output Type but got: I. @1:17")
SDL_CASE(field_not_output_2, "type Query { a: [I!]! } input I { a: Int }",
         "The type of Query.a must be Output Type but got: [I!]!. @1:17")
SDL_CASE(not_input_1, "type Query { a(x: Query): Int }",
         "The type of Query.a(x:) must be Input Type but got: Query. @1:19")
SDL_CASE(not_input_2, "type Query { a(x: [Query]): Int }",
         "The type of Query.a(x:) must be Input Type but got: [Query]. @1:19")
SDL_CASE(not_input_3, "type Query { a: Int } input I { a: Query }",
         "The type of I.a must be Input Type but got: Query. @1:36")
SDL_CASE(not_input_4,
         "type Query { a: Int } interface J { a: Int } input I { a: J } union U = Query input K { "
         "u: U! }",
         "The type of I.a must be Input Type but got: J. @1:59\nThe type of K.u must be Input Type "
         "but got: U!. @1:92")
SDL_CASE(not_input_5, "type Query { a: Int } directive @d(x: Query) on FIELD",
         "The type of @d(x:) must be Input Type but got: Query. @1:36")
SDL_CASE(union_member_twice_1, "type Query { a: Int } union U = Query | Query",
         "Union type U can only include type Query once. @1:33,1:41")
SDL_CASE(union_member_twice_2, "type Query { a: Int } union U = Query extend union U = Query",
         "Union type U can only include type Query once. @1:33,1:56")
SDL_CASE(union_member_not_object_1,
         "type Query { a: Int } interface I { a: Int } union U = Query | I",
         "Union type U can only include Object types, it cannot include I. @1:64")
SDL_CASE(union_member_not_object_2, "type Query { a: Int } union U = Query | Int",
         "Union type U can only include Object types, it cannot include Int. @1:41")
SDL_CASE(union_member_not_object_3,
         "type Query { a: Int } input In { a: Int } enum E { A } union U = Query | In | E",
         "Union type U can only include Object types, it cannot include In. @1:74\nUnion type U "
         "can only include Object types, it cannot include E. @1:79")
SDL_CASE(implements_non_interface_1, "type Query implements Int { a: Int }",
         "Type Query must only implement Interface types, it cannot implement Int. @1:23")
SDL_CASE(implements_non_interface_2, "type Query implements Query { a: Int }",
         "Type Query must only implement Interface types, it cannot implement Query. @1:23")
SDL_CASE(implements_itself_1, "interface I implements I { a: Int } type Query { a: Int }",
         "Type I cannot implement itself because it would create a circular reference. @1:24")
SDL_CASE(implements_twice_1, "interface I { a: Int } type Query implements I & I { a: Int }",
         "Type Query can only implement I once. @1:46,1:50")
SDL_CASE(implements_twice_2,
         "interface I { a: Int } type Query implements I { a: Int } extend type Query implements I",
         "Type Query can only implement I once. @1:46,1:88")
SDL_CASE(
    implements_transitive_1,
    "interface I { a: Int } interface J implements I { a: Int } type Query implements J { a: Int }",
    "Type Query must implement I because it is implemented by J. @1:47,1:82")
SDL_CASE(valid_8,
         "interface I { a: Int } interface J implements I { a: Int } type Query implements J & I { "
         "a: Int }",
         "OK")
SDL_CASE(implements_transitive_2,
         "interface I { a: Int } interface J implements I { a: Int } interface K implements J { a: "
         "Int } type Query { a: Int }",
         "Type K must implement I because it is implemented by J. @1:47,1:83")
SDL_CASE(iface_field_missing_1, "interface I { a: Int b: Int } type Query implements I { a: Int }",
         "Interface field I.b expected but Query does not provide it. @1:22,1:31")
SDL_CASE(
    iface_field_missing_2,
    "interface I { a: Int b: Int } type Query implements I { a: Int } extend type Query { c: Int }",
    "Interface field I.b expected but Query does not provide it. @1:22,1:31,1:66")
SDL_CASE(iface_field_type_1, "interface I { a: Int } type Query implements I { a: String }",
         "Interface field I.a expects type Int but Query.a is type String. @1:18,1:53")
SDL_CASE(valid_9, "interface I { a: Int } type Query implements I { a: Int! }", "OK")
SDL_CASE(iface_field_type_2, "interface I { a: Int! } type Query implements I { a: Int }",
         "Interface field I.a expects type Int! but Query.a is type Int. @1:18,1:54")
SDL_CASE(valid_10, "interface I { a: [Int] } type Query implements I { a: [Int!]! }", "OK")
SDL_CASE(iface_field_type_3, "interface I { a: [Int] } type Query implements I { a: Int }",
         "Interface field I.a expects type [Int] but Query.a is type Int. @1:18,1:55")
SDL_CASE(iface_field_type_4, "interface I { a: Int } type Query implements I { a: [Int] }",
         "Interface field I.a expects type Int but Query.a is type [Int]. @1:18,1:53")
SDL_CASE(iface_field_type_5, "interface I { a: [[Int]] } type Query implements I { a: [Int] }",
         "Interface field I.a expects type [[Int]] but Query.a is type [Int]. @1:18,1:57")
SDL_CASE(valid_11, "interface I { a: I } type Query implements I { a: Query }", "OK")
SDL_CASE(iface_field_type_6,
         "interface I { a: I } type O { a: Int } type Query implements I { a: O }",
         "Interface field I.a expects type I but Query.a is type O. @1:18,1:69")
SDL_CASE(valid_12, "interface I { a: U } union U = Query type Query implements I { a: Query }",
         "OK")
SDL_CASE(iface_field_type_7,
         "interface I { a: U } union U = Query type O { a: Int } type Query implements I { a: O }",
         "Interface field I.a expects type U but Query.a is type O. @1:18,1:85")
SDL_CASE(
    valid_13,
    "interface I { a: I } interface J implements I { a: I } type Query implements I & J { a: J }",
    "OK")
SDL_CASE(iface_field_type_8,
         "interface I { a: Query } interface J { a: Int } type Query implements J { a: I }",
         "Interface field J.a expects type Int but Query.a is type I. @1:43,1:78")
SDL_CASE(iface_arg_missing_1, "interface I { a(x: Int): Int } type Query implements I { a: Int }",
         "Interface field argument I.a(x:) expected but Query.a does not provide it. @1:17,1:58")
SDL_CASE(
    iface_arg_type_1, "interface I { a(x: Int): Int } type Query implements I { a(x: Int!): Int }",
    "Interface field argument I.a(x:) expects type Int but Query.a(x:) is type Int!. @1:20,1:63")
SDL_CASE(
    iface_arg_type_2, "interface I { a(x: Int!): Int } type Query implements I { a(x: Int): Int }",
    "Interface field argument I.a(x:) expects type Int! but Query.a(x:) is type Int. @1:20,1:64")
SDL_CASE(valid_14, "interface I { a(x: [Int]): Int } type Query implements I { a(x: [Int]): Int }",
         "OK")
SDL_CASE(extra_required_arg_1, "interface I { a: Int } type Query implements I { a(x: Int!): Int }",
         "Object field Query.a includes required argument x that is missing from the Interface "
         "field I.a. @1:52,1:15")
SDL_CASE(extra_required_arg_2,
         "interface I { a: Int } type Query implements I { a(x: Int!, y: Int = 1, z: Int, w: Int! "
         "= 2): Int }",
         "Object field Query.a includes required argument x that is missing from the Interface "
         "field I.a. @1:52,1:15")
SDL_CASE(
    extra_required_arg_3,
    "interface I { a: Int } interface J implements I { a(x: Int!): Int } type Query { a: Int }",
    "Object field J.a includes required argument x that is missing from the Interface field I.a. "
    "@1:53,1:15")
SDL_CASE(input_cycle_1, "type Query { a: Int } input I { a: I! }",
         "Cannot reference Input Object \"I\" within itself through a series of non-null fields: "
         "\"a\". @1:33")
SDL_CASE(input_cycle_2,
         "type Query { a: Int } input I { a: J! } input J { b: I! c: K! } input K { a: I! }",
         "Cannot reference Input Object \"I\" within itself through a series of non-null fields: "
         "\"a.b\". @1:33,1:51\nCannot reference Input Object \"I\" within itself through a series "
         "of non-null fields: \"a.c.a\". @1:33,1:57,1:75")
SDL_CASE(valid_15, "type Query { a: Int } input I { a: [I!]! b: I }", "OK")
SDL_CASE(input_cycle_3, "type Query { a: Int } input I { a: J! } input J { b: J! }",
         "Cannot reference Input Object \"J\" within itself through a series of non-null fields: "
         "\"b\". @1:51")
SDL_CASE(required_deprecated_1, "type Query { a(x: Int! @deprecated): Int }",
         "Required argument Query.a(x:) cannot be deprecated. @1:24,1:19")
SDL_CASE(valid_16, "type Query { a(x: Int! = 1 @deprecated, y: Int @deprecated): Int }", "OK")
SDL_CASE(required_deprecated_2, "type Query { a: Int } input I { a: Int! @deprecated }",
         "Required input field I.a cannot be deprecated. @1:41,1:36")
SDL_CASE(valid_17, "type Query { a: Int } input I { a: Int! = 3 @deprecated b: Int @deprecated }",
         "OK")
SDL_CASE(required_deprecated_3, "type Query { a: Int } directive @d(x: Int! @deprecated) on FIELD",
         "Required argument @d(x:) cannot be deprecated. @1:44,1:39")
SDL_CASE(one_of_1, "type Query { a: Int } input I @oneOf { a: Int! b: Int = 1 }",
         "OneOf input field I.a must be nullable. @1:43\nOneOf input field I.b cannot have a "
         "default value. @1:48")
SDL_CASE(valid_18, "type Query { a: Int } input I @oneOf { a: Int b: String }", "OK")
SDL_CASE(
    implements_cycle_1,
    "interface A implements B { a: Int } interface B implements A { a: Int } type Query { a: Int }",
    "Type A cannot implement B because it would create a circular reference. @1:60,1:24\nType B "
    "cannot implement A because it would create a circular reference. @1:24,1:60")
SDL_CASE(unknown_directive_3, "type Query { a: Int } extend schema @foo",
         "Unknown directive \"@foo\". @1:37")
SDL_CASE(valid_19, "extend schema { query: Query } type Query { a: Int }", "OK")
SDL_CASE(unknown_type_5, "extend schema { query: Foo } type Query { a: Int }",
         "Unknown type \"Foo\". @1:24")
SDL_CASE(unknown_type_6, "type Query { a: Int } union U = Foo", "Unknown type \"Foo\". @1:33")
SDL_CASE(iface_field_missing_3,
         "type Query { a: Int } interface I { b: Int } type O implements I { a: Int }",
         "Interface field I.b expected but O does not provide it. @1:37,1:46")
SDL_CASE(misplaced_directive_12, "type Query @specifiedBy(url: \"x\") { a: Int }",
         "Directive \"@specifiedBy\" may not be used on OBJECT. @1:12")
SDL_CASE(misplaced_directive_13, "schema @deprecated { query: Query } type Query { a: Int }",
         "Directive \"@deprecated\" may not be used on SCHEMA. @1:8")
SDL_CASE(missing_directive_arg_3, "type Query { a: Int } scalar S @specifiedBy",
         "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was "
         "not provided. @1:32")
SDL_CASE(repeated_directive_3,
         "type Query { a: Int } scalar S @specifiedBy(url: \"u\") @specifiedBy(url: \"v\")",
         "The directive \"@specifiedBy\" can only be used once at this location. @1:32,1:55")
SDL_CASE(repeated_directive_4, "type Query { a: Int @deprecated @deprecated }",
         "The directive \"@deprecated\" can only be used once at this location. @1:21,1:33")
SDL_CASE(unknown_directive_arg_2, "type Query { a: Int @deprecated(reason: \"r\", why: \"x\") }",
         "Unknown argument \"why\" on directive \"@deprecated\". @1:46")
SDL_CASE(valid_20, "type Query { a: Int } scalar String", "OK")
SDL_CASE(
    valid_21,
    "type Query { a: Int } directive @deprecated on FIELD_DEFINITION type T { a: Int @deprecated }",
    "OK")
SDL_CASE(misplaced_directive_14,
         "type Query { a: Int } directive @deprecated on OBJECT type T { a: Int @deprecated }",
         "Directive \"@deprecated\" may not be used on FIELD_DEFINITION. @1:71")
SDL_CASE(misplaced_directive_15, "type Query { a: Int } extend type Query @deprecated",
         "Directive \"@deprecated\" may not be used on OBJECT. @1:41")
SDL_CASE(valid_22,
         "type Query { a: Int } directive @a(x: In) on FIELD input In { a: Int } extend input In { "
         "b: [In!] }",
         "OK")
SDL_CASE(unknown_type_7, "type Query { a: Int } directive @d(x: Nope) on FIELD",
         "Unknown type \"Nope\". @1:39")
SDL_CASE(unknown_type_8, "type Query { a: Int } input I { a: Nope }",
         "Unknown type \"Nope\". @1:36")
SDL_CASE(unknown_type_9, "type Query { a(x: Nope): Int }", "Unknown type \"Nope\". @1:19")
SDL_CASE(unknown_type_10,
         "type Query { a: Int } interface I { a: Int } extend type Query implements Nope",
         "Unknown type \"Nope\". @1:75")
SDL_CASE(unknown_type_11, "type Query { a: Int } union U = Query extend union U = Nope",
         "Unknown type \"Nope\". @1:56")
SDL_CASE(repeated_directive_5,
         "directive @d on SCHEMA schema @d { query: Query } extend schema @d type Query { a: Int }",
         "The directive \"@d\" can only be used once at this location. @1:31,1:65")
SDL_CASE(valid_23,
         "directive @d repeatable on SCHEMA schema @d { query: Query } extend schema @d type Query "
         "{ a: Int }",
         "OK")
SDL_CASE(unknown_directive_4, "type Query { a: Int } extend schema @unknown",
         "Unknown directive \"@unknown\". @1:37")
SDL_CASE(input_cycle_4, "type Query { a: Int } input I { a: Int } extend input I { b: I! }",
         "Cannot reference Input Object \"I\" within itself through a series of non-null fields: "
         "\"b\". @1:59")
SDL_CASE(iface_field_missing_4,
         "interface I { a: Int b: Int } interface J implements I { a: Int } type Query { a: Int }",
         "Interface field I.b expected but J does not provide it. @1:22,1:31")
SDL_CASE(valid_24,
         "interface I { a: Int } type Query { a: Int } extend type Query implements I { b: Int } "
         "extend type Query { x: Int }",
         "OK")
SDL_CASE(
    iface_field_type_9,
    "interface I { a: Int } type Query implements I { a: String } extend type Query { b: Int }",
    "Interface field I.a expects type Int but Query.a is type String. @1:18,1:53")
SDL_CASE(
    reserved_name_8, "type Query { a: Int } enum E { A } extend enum E { __B }",
    "Name \"__B\" must not begin with \"__\", which is reserved by GraphQL introspection. @1:52")
SDL_CASE(valid_25,
         "interface I { a(x: Int): Int } type Query implements I { a(x: Int, y: Int! = 1): Int }",
         "OK")
SDL_CASE(root_not_object_7,
         "schema { query: Query subscription: I } type Query { a: Int } interface I { a: Int }",
         "Subscription root type must be Object type if provided, it cannot be I. @1:37")
SDL_CASE(valid_26, "schema { query: Query } type Query { a: Int } type Mutation { a: Int }", "OK")
SDL_CASE(valid_27,
         "type Query { a(x: [In!], y: In = {a: 1}): Int } input In { a: Int b: [In!]! c: In }",
         "OK")
SDL_CASE(valid_28, "type Query { a: Int } input A { b: B! } input B { a: A }", "OK")
SDL_CASE(valid_29, "type Query { a: Int } input A { b: [B!]! } input B { a: A! }", "OK")
SDL_CASE(valid_30,
         "interface I { f(a: Int, b: String): Int } type Query implements I { f(b: String, a: "
         "Int): Int }",
         "OK")
SDL_CASE(
    iface_arg_type_3,
    "interface I { f(a: Int): Int } type Query implements I { f(a: String): Int }",
    "Interface field argument I.f(a:) expects type Int but Query.f(a:) is type String. @1:20,1:63")
SDL_CASE(
    iface_arg_type_4,
    "interface I { f(a: In): Int } input In { x: Int } type Query implements I { f(a: In!): Int }",
    "Interface field argument I.f(a:) expects type In but Query.f(a:) is type In!. @1:20,1:82")
SDL_CASE(union_member_twice_3, "type Query { a: Int } union U = Query | O | O type O { a: Int }",
         "Union type U can only include type O once. @1:41,1:45")
SDL_CASE(valid_31,
         "type Query implements I { a: Int } interface I { a: Int } interface I2 { a: Int } type O "
         "implements I2 & I { a: Int }",
         "OK")
SDL_CASE(valid_32,
         "\"\"\"desc\"\"\" type Query { \"f\" a(\"arg\" x: Int = 1 @deprecated(reason: \"no\")): "
         "Int @deprecated } enum E { \"v\" A @deprecated(reason: \"\") }",
         "OK")
SDL_CASE(valid_33,
         "type Query { a: Int } directive @d(x: Int, y: String!, z: [Int!]! = []) repeatable on "
         "FIELD_DEFINITION | OBJECT extend type Query @d(y: \"1\") @d(y: \"2\", x: 3)",
         "OK")
SDL_CASE(
    unknown_directive_arg_3,
    "directive @d(y: String!) on FIELD_DEFINITION type Query { a: Int @d(y: \"1\", x: 1, x: 2) }",
    "Unknown argument \"x\" on directive \"@d\". Did you mean \"y\"? @1:77\nUnknown argument \"x\" "
    "on directive \"@d\". Did you mean \"y\"? @1:83\nThere can be only one argument named \"x\". "
    "@1:77,1:83")

TEST_MAIN(RUN(valid_1); RUN(duplicate_type_1); RUN(extend_undefined_1); RUN(extend_undefined_2);
          RUN(duplicate_field_1); RUN(duplicate_field_2); RUN(unknown_type_1); RUN(unknown_type_2);
          RUN(unknown_type_3); RUN(extend_wrong_kind_1); RUN(extend_wrong_kind_2);
          RUN(extend_wrong_kind_3); RUN(extend_wrong_kind_4); RUN(extend_wrong_kind_5);
          RUN(extend_wrong_kind_6); RUN(duplicate_enum_value_1); RUN(duplicate_enum_value_2);
          RUN(duplicate_arg_def_1); RUN(duplicate_arg_def_2); RUN(duplicate_directive_1);
          RUN(valid_2); RUN(unknown_directive_1); RUN(misplaced_directive_1);
          RUN(repeated_directive_1); RUN(valid_3); RUN(repeated_directive_2);
          RUN(missing_directive_arg_1); RUN(missing_directive_arg_2); RUN(valid_4);
          RUN(unknown_directive_arg_1); RUN(duplicate_directive_arg_1); RUN(valid_5); RUN(valid_6);
          RUN(misplaced_directive_2); RUN(misplaced_directive_3); RUN(misplaced_directive_4);
          RUN(misplaced_directive_5); RUN(misplaced_directive_6); RUN(misplaced_directive_7);
          RUN(misplaced_directive_8); RUN(misplaced_directive_9); RUN(misplaced_directive_10);
          RUN(misplaced_directive_11); RUN(unknown_directive_2); RUN(two_schemas_1);
          RUN(duplicate_root_1); RUN(duplicate_root_2); RUN(valid_7); RUN(unknown_type_4);
          RUN(no_query_1); RUN(root_not_object_1); RUN(root_not_object_2); RUN(root_not_object_3);
          RUN(root_not_object_4); RUN(root_not_object_5); RUN(root_not_object_6); RUN(no_query_2);
          RUN(reserved_name_1); RUN(reserved_name_2); RUN(reserved_name_3); RUN(reserved_name_4);
          RUN(reserved_name_5); RUN(reserved_name_6); RUN(reserved_name_7); RUN(empty_type_1);
          RUN(empty_type_2); RUN(empty_type_3); RUN(empty_type_4); RUN(empty_type_5);
          RUN(field_not_output_1); RUN(field_not_output_2); RUN(not_input_1); RUN(not_input_2);
          RUN(not_input_3); RUN(not_input_4); RUN(not_input_5); RUN(union_member_twice_1);
          RUN(union_member_twice_2); RUN(union_member_not_object_1); RUN(union_member_not_object_2);
          RUN(union_member_not_object_3); RUN(implements_non_interface_1);
          RUN(implements_non_interface_2); RUN(implements_itself_1); RUN(implements_twice_1);
          RUN(implements_twice_2); RUN(implements_transitive_1); RUN(valid_8);
          RUN(implements_transitive_2); RUN(iface_field_missing_1); RUN(iface_field_missing_2);
          RUN(iface_field_type_1); RUN(valid_9); RUN(iface_field_type_2); RUN(valid_10);
          RUN(iface_field_type_3); RUN(iface_field_type_4); RUN(iface_field_type_5); RUN(valid_11);
          RUN(iface_field_type_6); RUN(valid_12); RUN(iface_field_type_7); RUN(valid_13);
          RUN(iface_field_type_8); RUN(iface_arg_missing_1); RUN(iface_arg_type_1);
          RUN(iface_arg_type_2); RUN(valid_14); RUN(extra_required_arg_1);
          RUN(extra_required_arg_2); RUN(extra_required_arg_3); RUN(input_cycle_1);
          RUN(input_cycle_2); RUN(valid_15); RUN(input_cycle_3); RUN(required_deprecated_1);
          RUN(valid_16); RUN(required_deprecated_2); RUN(valid_17); RUN(required_deprecated_3);
          RUN(one_of_1); RUN(valid_18); RUN(implements_cycle_1); RUN(unknown_directive_3);
          RUN(valid_19); RUN(unknown_type_5); RUN(unknown_type_6); RUN(iface_field_missing_3);
          RUN(misplaced_directive_12); RUN(misplaced_directive_13); RUN(missing_directive_arg_3);
          RUN(repeated_directive_3); RUN(repeated_directive_4); RUN(unknown_directive_arg_2);
          RUN(valid_20); RUN(valid_21); RUN(misplaced_directive_14); RUN(misplaced_directive_15);
          RUN(valid_22); RUN(unknown_type_7); RUN(unknown_type_8); RUN(unknown_type_9);
          RUN(unknown_type_10); RUN(unknown_type_11); RUN(repeated_directive_5); RUN(valid_23);
          RUN(unknown_directive_4); RUN(input_cycle_4); RUN(iface_field_missing_4); RUN(valid_24);
          RUN(iface_field_type_9); RUN(reserved_name_8); RUN(valid_25); RUN(root_not_object_7);
          RUN(valid_26); RUN(valid_27); RUN(valid_28); RUN(valid_29); RUN(valid_30);
          RUN(iface_arg_type_3); RUN(iface_arg_type_4); RUN(union_member_twice_3); RUN(valid_31);
          RUN(valid_32); RUN(valid_33); RUN(unknown_directive_arg_3);)
