/* printer_test.c: the printer (printer.h). Expected texts come from
 * graphql-js 16.15: print() for the pretty form (with descriptions as block
 * strings where they can be), stripIgnoredCharacters(print()) for the compact
 * form. Every printed text must parse back and print identically. */
#include "ftest.h"
#include "parser.h"
#include "printer.h"

#include <stdlib.h>

typedef struct print_case {
    const char *src;
    const char *pretty;
    const char *compact;
} print_case;

static const print_case print_cases[] = {
    {"{ field(argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\", argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbbbbbb\") }",
     "{\n  field(\n    argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\"\n    argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbbbbbb\"\n  )\n}",
     "{field(argumentNumberOne:\"aaaaaaaaaaaaaaaaaaaa\" "
     "argumentNumberTwo:\"bbbbbbbbbbbbbbbbbbbbbb\")}"},
    {"{ field(argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\", argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbb\") }",
     "{\n  field(\n    argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\"\n    argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbb\"\n  )\n}",
     "{field(argumentNumberOne:\"aaaaaaaaaaaaaaaaaaaa\" "
     "argumentNumberTwo:\"bbbbbbbbbbbbbbbbbb\")}"},
    {"{ field(argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\", argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbbb\") }",
     "{\n  field(\n    argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\"\n    argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbbb\"\n  )\n}",
     "{field(argumentNumberOne:\"aaaaaaaaaaaaaaaaaaaa\" "
     "argumentNumberTwo:\"bbbbbbbbbbbbbbbbbbb\")}"},
    {"{ alias: field(argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\", argumentNumberTwo: "
     "\"bbbbbbbbbbbbb\") }",
     "{\n  alias: field(\n    argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\"\n    argumentNumberTwo: "
     "\"bbbbbbbbbbbbb\"\n  )\n}",
     "{alias:field(argumentNumberOne:\"aaaaaaaaaaaaaaaaaaaa\" "
     "argumentNumberTwo:\"bbbbbbbbbbbbb\")}"},
    {"{ alias: field(argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\", argumentNumberTwo: "
     "\"bbbbbbbbbbbbbb\") }",
     "{\n  alias: field(\n    argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\"\n    argumentNumberTwo: "
     "\"bbbbbbbbbbbbbb\"\n  )\n}",
     "{alias:field(argumentNumberOne:\"aaaaaaaaaaaaaaaaaaaa\" "
     "argumentNumberTwo:\"bbbbbbbbbbbbbb\")}"},
    {"{ a { b { c { field(argumentNumberOne: \"aaaaaaaaaaaaaaaaaaaa\", argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", x: {a: [1, 2, {b: \"\"\"block\n  "
     "text\"\"\"}]}) @d(x: 1) { d } } } } }",
     "{\n  a {\n    b {\n      c {\n        field(\n          argumentNumberOne: "
     "\"aaaaaaaaaaaaaaaaaaaa\"\n          argumentNumberTwo: "
     "\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n          x: {a: [1, 2, {b: \"\"\"\n          "
     "block\n          text\n          \"\"\"}]}\n        ) @d(x: 1) {\n          d\n        }\n   "
     "   }\n    }\n  }\n}",
     "{a{b{c{field(argumentNumberOne:\"aaaaaaaaaaaaaaaaaaaa\" "
     "argumentNumberTwo:\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\" x:{a:[1 "
     "2{b:\"\"\"block\ntext\"\"\"}]})@d(x:1){d}}}}}"},
    {"{ f(x: "
     "\"\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\") }",
     "{\n  f(x: "
     "\"\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\")\n}",
     "{f(x:"
     "\"\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251"
     "\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303\251\303"
     "\251\303\251\")}"},
    {"{ f(x: "
     "\"\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200"
     "\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230"
     "\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\") }",
     "{\n  f(\n    x: "
     "\"\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200"
     "\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230"
     "\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\"\n  )\n}",
     "{f(x:"
     "\"\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200"
     "\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230"
     "\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\")}"},
    {"{ f(x: "
     "\"\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200"
     "\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230"
     "\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\") }",
     "{\n  f(\n    x: "
     "\"\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200"
     "\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230"
     "\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\"\n  )\n}",
     "{f(x:"
     "\"\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200"
     "\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230"
     "\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237"
     "\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\360"
     "\237\230\200\360\237\230\200\360\237\230\200\360\237\230\200\")}"},
    {"{ f(x: \"\"\"\n\n   a\n     b\n\n\"\"\") }", "{\n  f(x: \"\"\"\n  a\n    b\n  \"\"\")\n}",
     "{f(x:\"\"\"\na\n  b\"\"\")}"},
    {"{ f(x: \"\"\"a\n\n  b\n  c\"\"\") }", "{\n  f(x: \"\"\"\n  a\n  \n  b\n  c\n  \"\"\")\n}",
     "{f(x:\"\"\"a\n\nb\nc\"\"\")}"},
    {"{ f(x: \"\"\"  x\n  y\"\"\") }", "{\n  f(x: \"\"\"\n    x\n  y\n  \"\"\")\n}",
     "{f(x:\"\"\"  x\ny\"\"\")}"},
    {"{ f(x: \"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\", "
     "y: \"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\") }",
     "{\n  f(\n    x: \"\"\"\n    "
     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    \"\"\"\n    y: "
     "\"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\"\n  )\n}",
     "{f(x:\"\"\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\"\" "
     "y:\"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\")}"},
    {"{ f(x: \"\"\"line one\n  line two\n\"\"\") { g(y: \"\"\"q\n   r\"\"\") } }",
     "{\n  f(x: \"\"\"\n  line one\n  line two\n  \"\"\") {\n    g(y: \"\"\"\n    q\n    r\n    "
     "\"\"\")\n  }\n}",
     "{f(x:\"\"\"line one\nline two\"\"\"){g(y:\"\"\"q\nr\"\"\")}}"},
    {"{ f(x: \"\\u0001\\u001f\\u007f\\u0080\\u009f\\u00a0 \\b\\f\\n\\r\\t \\\" \\\\ /\") }",
     "{\n  f(x: \"\\u0001\\u001F\\u007F\\u0080\\u009F\302\240 \\b\\f\\n\\r\\t \\\" \\\\ /\")\n}",
     "{f(x:\"\\u0001\\u001F\\u007F\\u0080\\u009F\302\240 \\b\\f\\n\\r\\t \\\" \\\\ /\")}"},
    {"query Q(\"desc\" $a: Int, $b: Int) { a }",
     "query Q(\n\"\"\"desc\"\"\"\n$a: Int\n$b: Int\n) {\n  a\n}",
     "query Q(\"\"\"desc\"\"\"$a:Int$b:Int){a}"},
    {"query Q(\"\"\"multi\nline\"\"\" $a: Int = 1 @d, $b: Int) { a }",
     "query Q(\n\"\"\"\nmulti\nline\n\"\"\"\n$a: Int = 1 @d\n$b: Int\n) {\n  a\n}",
     "query Q(\"\"\"multi\nline\"\"\"$a:Int=1@d$b:Int){a}"},
    {"query ($a: Int) { a }", "query ($a: Int) {\n  a\n}", "query($a:Int){a}"},
    {"query @d { a }", "query @d {\n  a\n}", "query@d{a}"},
    {"query Q { a }", "query Q {\n  a\n}", "query Q{a}"},
    {"mutation { a }", "mutation {\n  a\n}", "mutation{a}"},
    {"subscription { a }", "subscription {\n  a\n}", "subscription{a}"},
    {"{ a(x: \"\"\"multi\nline value\"\"\") }",
     "{\n  a(x: \"\"\"\n  multi\n  line value\n  \"\"\")\n}",
     "{a(x:\"\"\"multi\nline value\"\"\")}"},
    {"query ($v: String = \"\"\"a\nb\"\"\") { a }",
     "query (\n$v: String = \"\"\"\na\nb\n\"\"\"\n) {\n  a\n}",
     "query($v:String=\"\"\"a\nb\"\"\"){a}"},
    {"fragment F on T @a @b { ...G @c ... on U @d { x } ... @e { y } }",
     "fragment F on T @a @b {\n  ...G @c\n  ... on U @d {\n    x\n  }\n  ... @e {\n    y\n  }\n}",
     "fragment F on T@a@b{...G@c ...on U@d{x}...@e{y}}"},
    {"{ a ...F ... { b } ...G c }", "{\n  a\n  ...F\n  ... {\n    b\n  }\n  ...G\n  c\n}",
     "{a ...F ...{b}...G c}"},
    {"type T { f(a: Int, b: String = \"\"\"x\ny\"\"\"): Int }",
     "type T {\n  f(\n    a: Int\n    b: String = \"\"\"\n    x\n    y\n    \"\"\"\n  ): Int\n}",
     "type T{f(a:Int b:String=\"\"\"x\ny\"\"\"):Int}"},
    {"directive @d(a: Int = 1, \"desc\" b: Int) on FIELD",
     "directive @d(\n  a: Int = 1\n  \"\"\"desc\"\"\"\n  b: Int\n) on FIELD",
     "directive@d(a:Int=1 \"\"\"desc\"\"\" b:Int)on FIELD"},
    {"directive @d(a: [Int] = [1, 2]) repeatable on FIELD",
     "directive @d(a: [Int] = [1, 2]) repeatable on FIELD",
     "directive@d(a:[Int]=[1 2])repeatable on FIELD"},
    {"\"\"\"\n  indented desc\n  two\n\"\"\" type T { \"f\" f: Int }",
     "\"\"\"\nindented desc\ntwo\n\"\"\"\ntype T {\n  \"\"\"f\"\"\"\n  f: Int\n}",
     "\"\"\"indented desc\ntwo\"\"\" type T{\"\"\"f\"\"\" f:Int}"},
    {"\"\"\"first\n\n\nlast\"\"\" scalar S", "\"\"\"\nfirst\n\n\nlast\n\"\"\"\nscalar S",
     "\"\"\"first\n\n\nlast\"\"\" scalar S"},
    {"type T { \"\"\"\n  long description line one\n  line two\n  \"\"\" f(\n \"arg desc\" a: "
     "Int): Int }",
     "type T {\n  \"\"\"\n  long description line one\n  line two\n  \"\"\"\n  f(\n    \"\"\"arg "
     "desc\"\"\"\n    a: Int\n  ): Int\n}",
     "type T{\"\"\"long description line one\nline two\"\"\" f(\"\"\"arg desc\"\"\" a:Int):Int}"},
    {"{ a(x: -1.5E+10, y: 0, z: -0) }", "{\n  a(x: -1.5E+10, y: 0, z: -0)\n}",
     "{a(x:-1.5E+10 y:0 z:-0)}"},
    {"{ a(x: [[[]]], y: {a: {b: {}}}) }", "{\n  a(x: [[[]]], y: {a: {b: {}}})\n}",
     "{a(x:[[[]]]y:{a:{b:{}}})}"},
    {"schema @d { query: Q }", "schema @d {\n  query: Q\n}", "schema@d{query:Q}"},
    {"extend schema @d", "extend schema @d", "extend schema@d"},
    {"extend type T implements A & B @d { f: Int }",
     "extend type T implements A & B @d {\n  f: Int\n}", "extend type T implements A&B@d{f:Int}"},
    {"extend union U = A | B", "extend union U = A | B", "extend union U=A|B"},
    {"union U = A", "union U = A", "union U=A"},
    {"enum E { A @d(x: 1) B }", "enum E {\n  A @d(x: 1)\n  B\n}", "enum E{A@d(x:1)B}"},
    {"input I @d { a: Int = 1 @d }", "input I @d {\n  a: Int = 1 @d\n}", "input I@d{a:Int=1@d}"},
    {"interface I implements A & B @d { f: Int }", "interface I implements A & B @d {\n  f: Int\n}",
     "interface I implements A&B@d{f:Int}"},
    {"{ a @include(if: $x) @skip(if: false) }", "{\n  a @include(if: $x) @skip(if: false)\n}",
     "{a@include(if:$x)@skip(if:false)}"},
    {"{ ... on T { a } }", "{\n  ... on T {\n    a\n  }\n}", "{...on T{a}}"},
    {"query Q($a: [Int!]! = [1] @d @e) { a }", "query Q($a: [Int!]! = [1] @d @e) {\n  a\n}",
     "query Q($a:[Int!]!=[1]@d@e){a}"},
    {"\"desc\" query Q { a }", "\"\"\"desc\"\"\"\nquery Q {\n  a\n}",
     "\"\"\"desc\"\"\" query Q{a}"},
    {"\"desc\\nwith newline\" query Q { a }",
     "\"\"\"\ndesc\nwith newline\n\"\"\"\nquery Q {\n  a\n}",
     "\"\"\"desc\nwith newline\"\"\" query Q{a}"},
    {"\"  leading blank\" scalar S", "\"\"\"  leading blank\"\"\"\nscalar S",
     "\"\"\"  leading blank\"\"\" scalar S"},
    {"\"trailing blank  \" scalar S", "\"\"\"trailing blank  \"\"\"\nscalar S",
     "\"\"\"trailing blank  \"\"\" scalar S"},
    {"\"\\ttab\" scalar S", "\"\"\"\ttab\"\"\"\nscalar S", "\"\"\"\ttab\"\"\" scalar S"},
    {"\"a\\u0010b\" scalar S", "\"\"\"a\020b\"\"\"\nscalar S", "\"\"\"a\020b\"\"\" scalar S"},
    {"\"a\\rb\" scalar S", "\"a\\rb\"\nscalar S", "\"a\\rb\" scalar S"},
    {"\"\\n lead nl\" scalar S", "\"\\n lead nl\"\nscalar S", "\"\\n lead nl\" scalar S"},
    {"\"trail nl\\n\" scalar S", "\"trail nl\\n\"\nscalar S", "\"trail nl\\n\" scalar S"},
    {"\" a\\n b\" scalar S", "\" a\\n b\"\nscalar S", "\" a\\n b\" scalar S"},
    {"\"\" scalar S", "\"\"\"\"\"\"\nscalar S", "\"\"\"\"\"\" scalar S"},
    {"\"\"\"\"\"\" scalar S", "\"\"\"\"\"\"\nscalar S", "\"\"\"\"\"\" scalar S"},
    {"{ a }", "{\n  a\n}", "{a}"},
    {"query { a }", "{\n  a\n}", "{a}"},
    {"query Q($a: Int = 1, $b: [String!]! @d(x: 1)) @dir { a: b(x: $a, y: [1, 2.5, \"s\", "
     "\"\"\"b\"\"\", true, false, null, ENUM, {k: v}]) @skip(if: true) { ...F ... on T { c } ... "
     "@include(if: $b) { d } ... { e } } }",
     "query Q($a: Int = 1, $b: [String!]! @d(x: 1)) @dir {\n  a: b(x: $a, y: [1, 2.5, \"s\", "
     "\"\"\"b\"\"\", true, false, null, ENUM, {k: v}]) @skip(if: true) {\n    ...F\n    ... on T "
     "{\n      c\n    }\n    ... @include(if: $b) {\n      d\n    }\n    ... {\n      e\n    }\n  "
     "}\n}",
     "query Q($a:Int=1$b:[String!]!@d(x:1))@dir{a:b(x:$a y:[1 2.5 \"s\" \"\"\"b\"\"\" true false "
     "null ENUM{k:v}])@skip(if:true){...F ...on T{c}...@include(if:$b){d}...{e}}}"},
    {"fragment F on T { a }", "fragment F on T {\n  a\n}", "fragment F on T{a}"},
    {"mutation M { a } subscription S { b }", "mutation M {\n  a\n}\n\nsubscription S {\n  b\n}",
     "mutation M{a}subscription S{b}"},
    {"\"desc\" query { a }", "\"\"\"desc\"\"\"\nquery {\n  a\n}", "\"\"\"desc\"\"\" query{a}"},
    {"\"desc\" fragment F on T { a }", "\"\"\"desc\"\"\"\nfragment F on T {\n  a\n}",
     "\"\"\"desc\"\"\" fragment F on T{a}"},
    {"{ ...F @d }", "{\n  ...F @d\n}", "{...F@d}"},
    {"fragment F on on { a }", "fragment F on on {\n  a\n}", "fragment F on on{a}"},
    {"query Q($x: Int!) { a }", "query Q($x: Int!) {\n  a\n}", "query Q($x:Int!){a}"},
    {"query Q($x: [[[Int]]]) { a }", "query Q($x: [[[Int]]]) {\n  a\n}",
     "query Q($x:[[[Int]]]){a}"},
    {"{ a(x: 1.5e10, y: -0, z: -1.0E-5, w: 0.0) }",
     "{\n  a(x: 1.5e10, y: -0, z: -1.0E-5, w: 0.0)\n}", "{a(x:1.5e10 y:-0 z:-1.0E-5 w:0.0)}"},
    {"{ a(x: \"\\u{41}\") }", "{\n  a(x: \"A\")\n}", "{a(x:\"A\")}"},
    {"{ a(x: \"\\u{1F600}\") }", "{\n  a(x: \"\360\237\230\200\")\n}",
     "{a(x:\"\360\237\230\200\")}"},
    {"{ a(x: \"\\uD83D\\uDE00\") }", "{\n  a(x: \"\360\237\230\200\")\n}",
     "{a(x:\"\360\237\230\200\")}"},
    {"{ a(x: \"\\\"\\\\\\/\\b\\f\\n\\r\\t\") }", "{\n  a(x: \"\\\"\\\\/\\b\\f\\n\\r\\t\")\n}",
     "{a(x:\"\\\"\\\\/\\b\\f\\n\\r\\t\")}"},
    {"{ a(x: \"\303\251\360\237\230\200\") }", "{\n  a(x: \"\303\251\360\237\230\200\")\n}",
     "{a(x:\"\303\251\360\237\230\200\")}"},
    {"{ a(x: \"\"\" a \\\"\"\" b \"\"\") }", "{\n  a(x: \"\"\" a \\\"\"\" b \"\"\")\n}",
     "{a(x:\"\"\" a \\\"\"\" b \"\"\")}"},
    {"type A { a: Int }", "type A {\n  a: Int\n}", "type A{a:Int}"},
    {"type A implements B & C { a: Int }", "type A implements B & C {\n  a: Int\n}",
     "type A implements B&C{a:Int}"},
    {"type A implements & B & C { a: Int }", "type A implements B & C {\n  a: Int\n}",
     "type A implements B&C{a:Int}"},
    {"type A", "type A", "type A"},
    {"type A @d", "type A @d", "type A@d"},
    {"type A { a(x: Int = 1 @d, \"d\" y: [Int!]! = [1]): Int @deprecated(reason: \"x\") }",
     "type A {\n  a(\n    x: Int = 1 @d\n    \"\"\"d\"\"\"\n    y: [Int!]! = [1]\n  ): Int "
     "@deprecated(reason: \"x\")\n}",
     "type A{a(x:Int=1@d \"\"\"d\"\"\" y:[Int!]!=[1]):Int@deprecated(reason:\"x\")}"},
    {"interface I implements J { a: Int }", "interface I implements J {\n  a: Int\n}",
     "interface I implements J{a:Int}"},
    {"interface I", "interface I", "interface I"},
    {"union U = A | B", "union U = A | B", "union U=A|B"},
    {"union U = | A | B", "union U = A | B", "union U=A|B"},
    {"union U", "union U", "union U"},
    {"union U @d = A", "union U @d = A", "union U@d=A"},
    {"enum E { A B @d \"desc\" C }", "enum E {\n  A\n  B @d\n  \"\"\"desc\"\"\"\n  C\n}",
     "enum E{A B@d \"\"\"desc\"\"\" C}"},
    {"enum E", "enum E", "enum E"},
    {"input I { a: Int = 1 @d }", "input I {\n  a: Int = 1 @d\n}", "input I{a:Int=1@d}"},
    {"scalar S @specifiedBy(url: \"x\")", "scalar S @specifiedBy(url: \"x\")",
     "scalar S@specifiedBy(url:\"x\")"},
    {"scalar S", "scalar S", "scalar S"},
    {"schema { query: Q mutation: M subscription: S }",
     "schema {\n  query: Q\n  mutation: M\n  subscription: S\n}",
     "schema{query:Q mutation:M subscription:S}"},
    {"schema @d { query: Q }", "schema @d {\n  query: Q\n}", "schema@d{query:Q}"},
    {"directive @d on FIELD", "directive @d on FIELD", "directive@d on FIELD"},
    {"directive @d(a: Int = 1) repeatable on FIELD | QUERY",
     "directive @d(a: Int = 1) repeatable on FIELD | QUERY",
     "directive@d(a:Int=1)repeatable on FIELD|QUERY"},
    {"directive @d on | FIELD | QUERY", "directive @d on FIELD | QUERY",
     "directive@d on FIELD|QUERY"},
    {"extend schema @d", "extend schema @d", "extend schema@d"},
    {"extend schema { query: Q }", "extend schema {\n  query: Q\n}", "extend schema{query:Q}"},
    {"extend scalar S @d", "extend scalar S @d", "extend scalar S@d"},
    {"extend type A implements B", "extend type A implements B", "extend type A implements B"},
    {"extend type A @d", "extend type A @d", "extend type A@d"},
    {"extend type A { a: Int }", "extend type A {\n  a: Int\n}", "extend type A{a:Int}"},
    {"extend interface I { a: Int }", "extend interface I {\n  a: Int\n}",
     "extend interface I{a:Int}"},
    {"extend union U = A", "extend union U = A", "extend union U=A"},
    {"extend union U @d", "extend union U @d", "extend union U@d"},
    {"extend enum E { A }", "extend enum E {\n  A\n}", "extend enum E{A}"},
    {"extend input I { a: Int }", "extend input I {\n  a: Int\n}", "extend input I{a:Int}"},
    {"\"desc\" type A { \"f\" a: Int }", "\"\"\"desc\"\"\"\ntype A {\n  \"\"\"f\"\"\"\n  a: Int\n}",
     "\"\"\"desc\"\"\" type A{\"\"\"f\"\"\" a:Int}"},
    {"\"\"\"block desc\"\"\" scalar S", "\"\"\"block desc\"\"\"\nscalar S",
     "\"\"\"block desc\"\"\" scalar S"},
    {"type A", "type A", "type A"},
    {"type A { a: [[Int!]!]! }", "type A {\n  a: [[Int!]!]!\n}", "type A{a:[[Int!]!]!}"},
    {"{ a } # trailing comment", "{\n  a\n}", "{a}"},
    {"\t,,{a,b,}", "{\n  a\n  b\n}", "{a b}"},
    {"{ a(x: {a: 1, b: {c: [1, [2]]}}) }", "{\n  a(x: {a: 1, b: {c: [1, [2]]}})\n}",
     "{a(x:{a:1 b:{c:[1[2]]}})}"},
    {"query Q @d(x: $v) { a }", "query Q @d(x: $v) {\n  a\n}", "query Q@d(x:$v){a}"},
    {"query Q($a: Int @d(x: 1)) { a }", "query Q($a: Int @d(x: 1)) {\n  a\n}",
     "query Q($a:Int@d(x:1)){a}"},
    {"subscription { a }", "subscription {\n  a\n}", "subscription{a}"},
    {"query query { a }", "query query {\n  a\n}", "query query{a}"},
    {"query fragment { a }", "query fragment {\n  a\n}", "query fragment{a}"},
    {"{ fragment }", "{\n  fragment\n}", "{fragment}"},
    {"{ on }", "{\n  on\n}", "{on}"},
    {"{ a(x: true, y: false, z: null, w: nulls) }",
     "{\n  a(x: true, y: false, z: null, w: nulls)\n}", "{a(x:true y:false z:null w:nulls)}"},
    {"{ a(if: true) }", "{\n  a(if: true)\n}", "{a(if:true)}"},
    {"{ a(x: \"\\u0041\\u00e9\\u20ac\") }", "{\n  a(x: \"A\303\251\342\202\254\")\n}",
     "{a(x:\"A\303\251\342\202\254\")}"},
    {"\357\273\277{ a }", "{\n  a\n}", "{a}"},
    {"\"\"\"a\r\nb\"\"\" type A", "\"\"\"\na\nb\n\"\"\"\ntype A", "\"\"\"a\nb\"\"\" type A"},
    {"\"\"\"\n\n  x\n\n\"\"\"\ntype A", "\"\"\"x\"\"\"\ntype A", "\"\"\"x\"\"\" type A"},
    {"{ a(x: \"\"\"  \n  \n  \"\"\") }", "{\n  a(x: \"\"\"\"\"\")\n}", "{a(x:\"\"\"\"\"\")}"},
    {"{ a(x: \"\"\"\tx\n\ty\n\"\"\") }", "{\n  a(x: \"\"\"\n  \tx\n  y\n  \"\"\")\n}",
     "{a(x:\"\"\"\tx\ny\"\"\")}"},
    {"{ a(x: \"\001\037\") }", "{\n  a(x: \"\\u0001\\u001F\")\n}", "{a(x:\"\\u0001\\u001F\")}"},
    {"{ a(x:\"\"\"\"\"\") }", "{\n  a(x: \"\"\"\"\"\")\n}", "{a(x:\"\"\"\"\"\")}"},
    {"{ a(x: \"\"\"\\\"\"\"\"\"\") }", "{\n  a(x: \"\"\"\n  \\\"\"\"\n  \"\"\")\n}",
     "{a(x:\"\"\"\\\"\"\"\"\"\")}"},
    {"\"\"\"\n   line1\n\n     line2\n   \"\"\" scalar S",
     "\"\"\"\nline1\n\n  line2\n\"\"\"\nscalar S", "\"\"\"\nline1\n\n  line2\"\"\" scalar S"},
    {"\"\"\"   first\n   second\"\"\" scalar S", "\"\"\"\n   first\nsecond\n\"\"\"\nscalar S",
     "\"\"\"   first\nsecond\"\"\" scalar S"},
    {"{ a(x: 1e5, y: 1E-5, z: -0.0e+0) }", "{\n  a(x: 1e5, y: 1E-5, z: -0.0e+0)\n}",
     "{a(x:1e5 y:1E-5 z:-0.0e+0)}"},
    {"query ($a: Int = 1) { a }", "query ($a: Int = 1) {\n  a\n}", "query($a:Int=1){a}"},
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

typedef void (*print_fn)(sbuf *out, const ast_document *doc);

/* Prints src with fn; NULL (and a message) when it does not parse. */
static char *print_source(const char *src, size_t len, print_fn fn)
{
    arena a;
    arena_init(&a, 0);
    parse_error err;
    ast_document *doc = parse_document(&a, src, len, NULL, &err);
    char *text = NULL;
    if (doc) {
        sbuf out;
        sbuf_init(&out);
        fn(&out, doc);
        text = sbuf_take(&out);
    } else {
        fprintf(stderr, "  does not parse: %s (%u:%u)\n  %s\n", err.message, err.loc.line,
                err.loc.column, src);
    }
    arena_free(&a);
    return text;
}

/* Prints src, then prints the printed text again: both must match `want`. */
static void check_print(const char *src, print_fn fn, const char *want)
{
    char *once = print_source(src, strlen(src), fn);
    CHECK_STR(once, want);
    if (!once) return;
    char *twice = print_source(once, strlen(once), fn);
    CHECK_STR(twice, want);
    free(once);
    free(twice);
}

TEST(pretty_matches_graphql_js_print)
{
    for (size_t i = 0; i < COUNT(print_cases); i++)
        check_print(print_cases[i].src, print_document, print_cases[i].pretty);
}

TEST(compact_matches_graphql_js_strip_ignored_characters)
{
    for (size_t i = 0; i < COUNT(print_cases); i++)
        check_print(print_cases[i].src, print_document_compact, print_cases[i].compact);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "  cannot open %s (run from the repository root)\n", path);
        return NULL;
    }
    sbuf b;
    sbuf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return sbuf_take(&b);
}

/* The expected files hold graphql-js's output plus a final newline. */
static void check_fixture(print_fn fn, const char *expected_path)
{
    size_t len = 0, want_len = 0;
    char *src = read_file("tests/fixtures/federation.graphql", &len);
    char *want = read_file(expected_path, &want_len);
    CHECK(src != NULL && want != NULL);
    if (src && want) {
        want[want_len - 1] = '\0';
        char *once = print_source(src, len, fn);
        CHECK_STR(once, want);
        char *twice = once ? print_source(once, strlen(once), fn) : NULL;
        CHECK_STR(twice, want);
        free(once);
        free(twice);
    }
    free(src);
    free(want);
}

TEST(federation_sdl_round_trip_pretty)
{
    check_fixture(print_document, "tests/fixtures/federation.printed.graphql");
}

TEST(federation_sdl_round_trip_compact)
{
    check_fixture(print_document_compact, "tests/fixtures/federation.compact.graphql");
}

TEST(pretty_and_compact_agree)
{
    /* The compact text parses to the tree the pretty text prints from. */
    for (size_t i = 0; i < COUNT(print_cases); i++) {
        char *pretty =
            print_source(print_cases[i].compact, strlen(print_cases[i].compact), print_document);
        CHECK_STR(pretty, print_cases[i].pretty);
        free(pretty);
    }
}

/* Parses a value with parse_value and prints it with print_value. */
static void check_value(const char *src, const char *want)
{
    arena a;
    arena_init(&a, 0);
    ast_value *v = parse_value(&a, src, strlen(src), NULL);
    CHECK(v != NULL);
    if (v) {
        sbuf out;
        sbuf_init(&out);
        print_value(&out, v);
        CHECK_STR(out.data, want);
        sbuf_free(&out);
    }
    arena_free(&a);
}

TEST(values)
{
    check_value("1", "1");
    check_value("-1.5e-3", "-1.5e-3");
    check_value("$var", "$var");
    check_value("RED", "RED");
    check_value("true", "true");
    check_value("false", "false");
    check_value("null", "null");
    check_value("[]", "[]");
    check_value("{}", "{}");
    check_value("[1,2 , 3]", "[1, 2, 3]");
    check_value("{a:1,b:{c:[$d]}}", "{a: 1, b: {c: [$d]}}");
    check_value("\"\\u00e9\\uD83D\\uDE00\\u{1F600}\"", "\"é😀😀\"");
    check_value("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\\"\\\\/\\b\\f\\n\\r\\t\"");
    check_value("\"\\u0000\\u0001\\u000b\\u001F\\u007f\\u0080\\u009F\\u00A0\"",
                "\"\\u0000\\u0001\\u000B\\u001F\\u007F\\u0080\\u009F\u00a0\"");
    check_value("\"\"\"  block\n    text\"\"\"", "\"\"\"\n  block\ntext\n\"\"\"");
}

TEST(types)
{
    static const char *const cases[][2] = {
        {"Int", "Int"},
        {"Int!", "Int!"},
        {"[Int]", "[Int]"},
        {" [ [ Int ! ] ! ] ! ", "[[Int!]!]!"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        arena a;
        arena_init(&a, 0);
        ast_type *t = parse_type(&a, cases[i][0], strlen(cases[i][0]), NULL);
        sbuf out;
        sbuf_init(&out);
        if (t) print_type(&out, t);
        CHECK_STR(out.data, cases[i][1]);
        sbuf_free(&out);
        arena_free(&a);
    }
}

TEST(selection_sets_and_directives)
{
    arena a;
    arena_init(&a, 0);
    const char *fields = "id organization(first: 1) { id ...F } ... on T @d { x }";
    ast_selection *s = parse_selection_set(&a, fields, strlen(fields), NULL);
    CHECK(s != NULL);
    sbuf out;
    sbuf_init(&out);
    print_selection_set(&out, s);
    CHECK_STR(out.data, "{\n  id\n  organization(first: 1) {\n    id\n    ...F\n  }\n"
                        "  ... on T @d {\n    x\n  }\n}");
    sbuf_reset(&out);
    print_selection_set_compact(&out, s);
    CHECK_STR(out.data, "{id organization(first:1){id ...F}...on T@d{x}}");
    ast_document *doc = parse_document(&a, "{ a @b(x: 1) @c @d(y: [1]) }", 28, NULL, NULL);
    CHECK(doc != NULL);
    sbuf_reset(&out);
    if (doc) print_directives(&out, doc->definitions->selection_set->directives);
    CHECK_STR(out.data, "@b(x: 1) @c @d(y: [1])");
    sbuf_reset(&out);
    print_directives(&out, NULL);
    CHECK_INT(out.len, 0);
    sbuf_free(&out);
    arena_free(&a);
}

TEST(strings_and_block_strings)
{
    sbuf out;
    sbuf_init(&out);
    print_string(&out, "a\0b", 3);
    CHECK_STR(out.data, "\"a\\u0000b\"");
    sbuf_reset(&out);
    print_block_string(&out, "one\ntwo", 7);
    CHECK_STR(out.data, "\"\"\"\none\ntwo\n\"\"\"");
    sbuf_reset(&out);
    print_block_string(&out, "say \"\"\"hi\"\"\"", 12);
    CHECK_STR(out.data, "\"\"\"\nsay \\\"\"\"hi\\\"\"\"\n\"\"\"");
    sbuf_reset(&out);
    print_block_string(&out, "", 0);
    CHECK_STR(out.data, "\"\"\"\"\"\"");
    sbuf_free(&out);
}

TEST(block_printable)
{
    CHECK(print_is_block_printable("", 0));
    CHECK(print_is_block_printable("plain", 5));
    CHECK(print_is_block_printable("a\n  b", 5));
    CHECK(print_is_block_printable("a\x10", 2)); /* graphql-js only refuses 00-08, 0B, 0C, 0E, 0F */
    CHECK(!print_is_block_printable("a\x01", 2));
    CHECK(!print_is_block_printable("a\rb", 3));
    CHECK(!print_is_block_printable("\na", 2));    /* leading empty line */
    CHECK(!print_is_block_printable("a\n", 2));    /* trailing empty line */
    CHECK(!print_is_block_printable("a\n  ", 4));  /* trailing blank line */
    CHECK(!print_is_block_printable(" a\n b", 5)); /* every line indented */
    CHECK(print_is_block_printable(" a\nb", 4));
}

TEST(deep_trees_print)
{
    /* The deepest tree the parser allows prints and parses back. */
    size_t n = 0;
    char *src = malloc(256 * 4 + 8);
    for (int i = 0; i < 255; i++)
        n += (size_t)sprintf(src + n, "{a");
    n += (size_t)sprintf(src + n, "{b");
    for (int i = 0; i < 256; i++)
        src[n++] = '}';
    src[n] = '\0';
    char *once = print_source(src, n, print_document_compact);
    CHECK(once != NULL);
    if (once) {
        CHECK_INT(strlen(once), n);
        char *twice = print_source(once, strlen(once), print_document);
        CHECK(twice != NULL);
        free(twice);
    }
    free(once);
    free(src);
}

TEST(shorthand_after_a_bodiless_definition_keeps_its_keyword)
{
    /* Found by the fuzzer: "enum E" then "{ C }" printed as graphql-js does
     * ("enum E\n\n{\n  C\n}") parses back as an enum with a value. */
    static const char *const cases[][3] = {
        {"enum E query {C}", "enum E\n\nquery {\n  C\n}", "enum E query{C}"},
        {"type T @d query {a}", "type T @d\n\nquery {\n  a\n}", "type T@d query{a}"},
        {"extend interface I @d query {a}", "extend interface I @d\n\nquery {\n  a\n}",
         "extend interface I@d query{a}"},
        {"input I query {a}", "input I\n\nquery {\n  a\n}", "input I query{a}"},
        {"extend schema @d query {a}", "extend schema @d\n\nquery {\n  a\n}",
         "extend schema@d query{a}"},
        {"union U = A {a}", "union U = A\n\n{\n  a\n}", "union U=A{a}"},
        {"scalar S {a}", "scalar S\n\n{\n  a\n}", "scalar S{a}"},
        {"enum E {A} {a}", "enum E {\n  A\n}\n\n{\n  a\n}", "enum E{A}{a}"},
        {"union u = x{C }\nextend union U = C\nextend enum E {C }union U =d enum E query{C }\n",
         "union u = x\n\n{\n  C\n}\n\nextend union U = C\n\nextend enum E {\n  C\n}\n\n"
         "union U = d\n\nenum E\n\nquery {\n  C\n}",
         "union u=x{C}extend union U=C extend enum E{C}union U=d enum E query{C}"},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        check_print(cases[i][0], print_document, cases[i][1]);
        check_print(cases[i][0], print_document_compact, cases[i][2]);
    }
}

TEST_MAIN(RUN(pretty_matches_graphql_js_print);
          RUN(compact_matches_graphql_js_strip_ignored_characters);
          RUN(federation_sdl_round_trip_pretty); RUN(federation_sdl_round_trip_compact);
          RUN(pretty_and_compact_agree); RUN(values); RUN(types);
          RUN(selection_sets_and_directives); RUN(strings_and_block_strings); RUN(block_printable);
          RUN(deep_trees_print); RUN(shorthand_after_a_bodiless_definition_keeps_its_keyword);)
