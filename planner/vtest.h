/* vtest.h: helpers for the validation unit tests (header-only, included by
 * *_test.c files): build a schema from SDL, run rules over a query and render
 * the errors as sorted "line:col[ line:col...] message" lines, the form the
 * expected strings (checked against graphql-js 16) are written in. Sorted,
 * because the rules' order of reporting is not part of their contract. */
#ifndef FM_VTEST_H
#define FM_VTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "sbuf.h"
#include "schema.h"

/* The schema the structure rule tests run against, after the pets of the
 * specification's examples: interfaces implementing interfaces, unions,
 * enums, required and defaulted arguments, all three root types. */
static const char vtest_pets_sdl[] =
    "interface Pet {\n"
    "  name: String\n"
    "}\n"
    "interface Canine implements Pet {\n"
    "  name: String\n"
    "  barkVolume: Int\n"
    "}\n"
    "enum DogCommand {\n"
    "  SIT\n"
    "  HEEL\n"
    "  DOWN\n"
    "}\n"
    "type Dog implements Pet & Canine {\n"
    "  name: String\n"
    "  nickname: String\n"
    "  barkVolume: Int\n"
    "  barks: Boolean\n"
    "  doesKnowCommand(dogCommand: DogCommand!): Boolean\n"
    "  isHouseTrained(atOtherHomes: Boolean = true): Boolean\n"
    "  isAtLocation(x: Int, y: Int): Boolean\n"
    "  owner: Human\n"
    "  mother: Dog!\n"
    "  friends: [Pet!]!\n"
    "}\n"
    "enum FurColor {\n"
    "  BROWN\n"
    "  BLACK\n"
    "}\n"
    "type Cat implements Pet {\n"
    "  name: String\n"
    "  nickname: String\n"
    "  meows: Boolean\n"
    "  meowVolume: Int\n"
    "  furColor: FurColor\n"
    "}\n"
    "union CatOrDog = Cat | Dog\n"
    "type Human {\n"
    "  name(surname: Boolean): String\n"
    "  pets: [Pet!]!\n"
    "  relatives: [Human]\n"
    "}\n"
    "union DogOrHuman = Dog | Human\n"
    "type Alien {\n"
    "  name: String\n"
    "}\n"
    "union HumanOrAlien = Human | Alien\n"
    "input ComplexInput {\n"
    "  requiredField: Boolean!\n"
    "}\n"
    "type Query {\n"
    "  dog: Dog\n"
    "  human(id: ID!): Human\n"
    "  pet: Pet\n"
    "  catOrDog: CatOrDog\n"
    "  dogOrHuman: DogOrHuman\n"
    "  humanOrAlien: HumanOrAlien\n"
    "  alien: Alien\n"
    "  complex(input: ComplexInput, req: Int!, opt: Int! = 3, nullable: String): String\n"
    "}\n"
    "type Mutation {\n"
    "  mutateDog: Dog\n"
    "}\n"
    "type Subscription {\n"
    "  newMessage: Message\n"
    "  disallowedSecondRootField: Boolean\n"
    "}\n"
    "type Message {\n"
    "  body: String\n"
    "  sender: String\n"
    "}\n"
    "directive @check(req: Int!, opt: Int = 1, defaulted: [String!]! = []) on FIELD | QUERY | "
    "FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION | VARIABLE_DEFINITION | "
    "SUBSCRIPTION\n";

typedef struct vtest {
    arena arena;
    schema *schema;
} vtest;

typedef void (*vtest_rules_fn)(const schema *s, const ast_document *doc, diag_list *errs);

/* Builds the schema or stops the test binary: every test needs it. */
static inline void vtest_init(vtest *t, const char *sdl)
{
    arena_init(&t->arena, 0);
    diag_list errs;
    diag_init(&errs, &t->arena);
    t->schema = schema_from_sdl(&t->arena, sdl, strlen(sdl), &errs);
    if (!t->schema) {
        fprintf(stderr, "vtest: bad test schema: %s\n",
                errs.first ? errs.first->message : "(no message)");
        exit(2);
    }
}

static inline void vtest_free(vtest *t)
{
    arena_free(&t->arena);
}

static inline int vtest_line_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One error as a line: its locations, a space, its message. */
static inline char *vtest_render(arena *a, const diag *e)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; i < e->nlocs; i++)
        sbuf_printf(&b, "%s%u:%u", i ? " " : "", e->locs[i].line, e->locs[i].column);
    sbuf_printf(&b, " %s\n", e->message);
    char *line = arena_strndup(a, b.data, b.len);
    sbuf_free(&b);
    return line;
}

/* Parses query, runs rules over it, and returns the sorted error lines
 * ("" when valid; "parse error: ..." when the query does not parse). */
static inline const char *vtest_run_rules(vtest *t, vtest_rules_fn rules, const char *query)
{
    parse_error perr;
    ast_document *doc = parse_document(&t->arena, query, strlen(query), NULL, &perr);
    if (!doc) return arena_sprintf(&t->arena, "parse error: %s", perr.message);
    diag_list errs;
    diag_init(&errs, &t->arena);
    rules(t->schema, doc, &errs);
    char **lines = ARENA_ARRAY(&t->arena, char *, errs.count + 1);
    size_t n = 0;
    for (const diag *e = errs.first; e; e = e->next)
        lines[n++] = vtest_render(&t->arena, e);
    qsort(lines, n, sizeof *lines, vtest_line_cmp);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(lines[i]);
    char *all = arena_alloc(&t->arena, len + 1), *end = all;
    for (size_t i = 0; i < n; i++)
        end = stpcpy(end, lines[i]);
    *end = '\0';
    return all;
}

#endif
