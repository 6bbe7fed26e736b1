/* validate_values_fuzz.c: libFuzzer target for the value, variable,
 * directive and overlap rules: any bytes that parse as a document are
 * validated against a small fixed schema; nothing may crash, leak, trip the
 * sanitizers or run away. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parser.h"
#include "schema.h"
#include "validate_rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_sdl[] =
    "interface Pet { name(surname: Boolean): String }\n"
    "type Dog implements Pet { name(surname: Boolean): String nickname: String barkVolume: Int\n"
    "  doesKnowCommand(dogCommand: DogCommand): Boolean mother: Dog friends: [Pet] }\n"
    "type Cat implements Pet { name(surname: Boolean): String meows: Boolean mother: Cat }\n"
    "union CatOrDog = Cat | Dog\n"
    "enum DogCommand { SIT HEEL DOWN }\n"
    "input In { req: Boolean!, def: Int! = 0, list: [String!], nested: In, id: ID, f: Float }\n"
    "input One @oneOf { a: String, b: Int }\n"
    "scalar Custom\n"
    "type Query { dog: Dog pet: Pet catOrDog: CatOrDog field(a: Int, b: [[Int!]]!, i: In,\n"
    "  o: One, c: Custom, e: DogCommand = SIT): String }\n"
    "type Mutation { set(x: Int): Int }\n"
    "directive @rep(n: Int) repeatable on FIELD | QUERY\n"
    "directive @once(i: In) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static arena schema_arena;
    static schema *s;
    if (!s) {
        arena_init(&schema_arena, 0);
        diag_list errs;
        diag_init(&errs, &schema_arena);
        s = schema_from_sdl(&schema_arena, fuzz_sdl, strlen(fuzz_sdl), &errs);
        if (!s) __builtin_trap(); /* the fixed schema must build */
    }
    arena a;
    arena_init(&a, 0);
    parse_options opts = {64, 0};
    parse_error err;
    ast_document *doc = parse_document(&a, (const char *)data, size, &opts, &err);
    if (doc) {
        diag_list errs;
        diag_init(&errs, &a);
        validate_value_rules(s, doc, &errs);
        validate_overlap_rules(s, doc, &errs);
    }
    arena_free(&a);
    return 0;
}
