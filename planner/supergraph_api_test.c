/* supergraph_api_test.c: the API schema of each fixture supergraph against
 * Apollo's. gen.cjs wrote NAME.api.txt, a sorted outline of what Apollo's
 * toAPISchema keeps (types, fields with their types and arguments with
 * defaults, implementations, members, values, directives, roots), and
 * NAME.api.graphql, that schema printed by graphql-js; this test makes the
 * same outline and print of our API schema and compares the texts. The
 * outline pins the content even where printing would hide a difference. */
#include <stdlib.h>

#include "fixture.h"
#include "ftest.h"
#include "schema_print.h"
#include "supergraph.h"

#define DIR "tests/fixtures/supergraph/"

typedef struct outline {
    arena *a;
    const char **lines;
    uint32_t n, cap;
} outline;

static void add(outline *o, const char *line)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 64;
        const char **grown = ARENA_ARRAY(o->a, const char *, o->cap);
        if (o->n) memcpy(grown, o->lines, sizeof *grown * o->n);
        o->lines = grown;
    }
    o->lines[o->n++] = line;
}

static const char *type_ref(arena *a, const ast_type *t)
{
    switch (t->kind) {
    case AST_TYPE_LIST:
        return arena_sprintf(a, "[%s]", type_ref(a, t->of));
    case AST_TYPE_NON_NULL:
        return arena_sprintf(a, "%s!", type_ref(a, t->of));
    default:
        return t->name;
    }
}

/* graphql-js print() of a value literal, for the values fixtures use. */
static const char *value(arena *a, const ast_value *v)
{
    const char *out;
    switch (v->kind) {
    case AST_VALUE_STRING:
        return arena_sprintf(a, "\"%s\"", v->str);
    case AST_VALUE_BOOLEAN:
        return v->boolean ? "true" : "false";
    case AST_VALUE_NULL:
        return "null";
    case AST_VALUE_LIST:
        out = "[";
        for (const ast_value *it = v->items; it; it = it->next)
            out = arena_sprintf(a, "%s%s%s", out, it == v->items ? "" : ", ", value(a, it));
        return arena_sprintf(a, "%s]", out);
    case AST_VALUE_OBJECT:
        out = "{";
        for (const ast_object_field *f = v->fields; f; f = f->next)
            out = arena_sprintf(a, "%s%s%s: %s", out, f == v->fields ? "" : ", ", f->name,
                                value(a, f->value));
        return arena_sprintf(a, "%s}", out);
    default:
        return v->str;
    }
}

static void add_args(outline *o, const char *owner, const schema_field *args, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        const schema_field *arg = &args[i];
        const char *dflt =
            arg->default_value ? arena_sprintf(o->a, " = %s", value(o->a, arg->default_value)) : "";
        add(o,
            arena_sprintf(o->a, "%s(%s: %s%s)", owner, arg->name, type_ref(o->a, arg->type), dflt));
    }
}

static const char *const kind_names[] = {"scalar", "object", "interface",
                                         "union",  "enum",   "inputobject"};

static void add_type(outline *o, const schema_type *t)
{
    arena *a = o->a;
    add(o, arena_sprintf(a, "type %s %s", t->name, kind_names[t->kind]));
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        add(o, arena_sprintf(a, "%s implements %s", t->name, t->interfaces[i]->name));
    if (t->kind == SCHEMA_UNION)
        for (uint32_t i = 0; i < t->npossible; i++)
            add(o, arena_sprintf(a, "%s member %s", t->name, t->possible[i]->name));
    for (uint32_t i = 0; i < t->nvalues; i++)
        add(o, arena_sprintf(a, "%s value %s", t->name, t->values[i].name));
    for (uint32_t i = 0; i < t->nfields; i++) {
        const schema_field *f = &t->fields[i];
        const char *dflt =
            f->default_value ? arena_sprintf(a, " = %s", value(a, f->default_value)) : "";
        add(o, arena_sprintf(a, "%s.%s: %s%s", t->name, f->name, type_ref(a, f->type), dflt));
        add_args(o, arena_sprintf(a, "%s.%s", t->name, f->name), f->args, f->nargs);
    }
}

/* Location names sorted alphabetically, as gen.cjs prints them. */
static const char *const location_names[] = {
    "ARGUMENT_DEFINITION",
    "ENUM",
    "ENUM_VALUE",
    "FIELD",
    "FIELD_DEFINITION",
    "FRAGMENT_DEFINITION",
    "FRAGMENT_SPREAD",
    "INLINE_FRAGMENT",
    "INPUT_FIELD_DEFINITION",
    "INPUT_OBJECT",
    "INTERFACE",
    "MUTATION",
    "OBJECT",
    "QUERY",
    "SCALAR",
    "SCHEMA",
    "SUBSCRIPTION",
    "UNION",
    "VARIABLE_DEFINITION",
};
static const uint32_t location_bits[] = {
    LOC_ARGUMENT_DEFINITION,
    LOC_ENUM,
    LOC_ENUM_VALUE,
    LOC_FIELD,
    LOC_FIELD_DEFINITION,
    LOC_FRAGMENT_DEFINITION,
    LOC_FRAGMENT_SPREAD,
    LOC_INLINE_FRAGMENT,
    LOC_INPUT_FIELD_DEFINITION,
    LOC_INPUT_OBJECT,
    LOC_INTERFACE,
    LOC_MUTATION,
    LOC_OBJECT,
    LOC_QUERY,
    LOC_SCALAR,
    LOC_SCHEMA,
    LOC_SUBSCRIPTION,
    LOC_UNION,
    LOC_VARIABLE_DEFINITION,
};

static void add_directive(outline *o, const schema_directive *d)
{
    const char *locs = "";
    for (size_t i = 0; i < sizeof location_bits / sizeof *location_bits; i++)
        if (d->locations & location_bits[i])
            locs = arena_sprintf(o->a, "%s%s%s", locs, *locs ? " | " : "", location_names[i]);
    add(o, arena_sprintf(o->a, "directive @%s%s on %s", d->name, d->repeatable ? " repeatable" : "",
                         locs));
    add_args(o, arena_sprintf(o->a, "@%s", d->name), d->args, d->nargs);
}

static int by_strcmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static const char *api_outline(arena *a, const schema *s)
{
    outline o = {a, NULL, 0, 0};
    static const char *const ops[] = {"query", "mutation", "subscription"};
    const schema_type *roots[] = {s->query, s->mutation, s->subscription};
    for (int i = 0; i < 3; i++)
        if (roots[i]) add(&o, arena_sprintf(a, "root %s %s", ops[i], roots[i]->name));
    for (uint32_t i = 0; i < s->ntypes; i++)
        if (!s->types[i]->builtin) add_type(&o, s->types[i]);
    for (uint32_t i = 0; i < s->ndirectives; i++)
        if (!s->directives[i]->builtin && strcmp(s->directives[i]->name, "oneOf") != 0)
            add_directive(&o, s->directives[i]);
    qsort(o.lines, o.n, sizeof *o.lines, by_strcmp);
    const char *text = "";
    for (uint32_t i = 0; i < o.n; i++)
        text = arena_sprintf(a, "%s%s\n", text, o.lines[i]);
    return text;
}

static void check_api(const char *name)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char path[128];
    char *sdl = fixture_read(&a, fixture_supergraph_path(path, sizeof path, name));
    char *want = fixture_read(&a, arena_sprintf(&a, DIR "%s.api.txt", name));
    char *want_sdl = fixture_read(&a, arena_sprintf(&a, DIR "%s.api.graphql", name));
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    for (const diag *d = errs.first; d; d = d->next)
        fprintf(stderr, "%s: %s\n", name, d->message);
    CHECK(sg != NULL);
    if (sg && want) CHECK_STR(api_outline(&a, sg->api), want);
    if (sg && want_sdl) {
        /* printed, it is the very text graphql-js prints for Apollo's */
        sbuf printed;
        sbuf_init(&printed);
        schema_print(&printed, sg->api);
        CHECK_STR(printed.data, want_sdl);
        sbuf_free(&printed);
    }
    arena_free(&a);
}

TEST(bench_api)
{
    check_api("bench");
}
TEST(shop_api)
{
    check_api("shop");
}
TEST(context_api)
{
    check_api("context");
}
TEST(renamed_api)
{
    check_api("renamed");
}
TEST(fed1_api)
{
    check_api("fed1");
}

/* The bench API schema holds exactly its four types plus the built-ins. */
TEST(bench_api_types)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char *sdl = fixture_read(&a, FIXTURE_BENCH_SUPERGRAPH);
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    CHECK(sg != NULL);
    if (sg) {
        const char *names = "";
        for (uint32_t i = 0; i < sg->api->ntypes; i++)
            if (!sg->api->types[i]->builtin)
                names = arena_sprintf(&a, "%s %s", names, sg->api->types[i]->name);
        CHECK_STR(names, " Product Query Review User");
        CHECK(schema_get_type(sg->api, "String") != NULL);
        CHECK(schema_get_type(sg->api, "__Schema") != NULL);
        CHECK(schema_get_type(sg->api, "join__Graph") == NULL);
        CHECK(schema_get_directive(sg->api, "join__type") == NULL);
        CHECK(schema_get_directive(sg->api, "link") == NULL);
        CHECK(schema_get_directive(sg->api, "deprecated") != NULL);
        CHECK(sg->api->query == schema_get_type(sg->api, "Query"));
        /* the full schema keeps the machinery */
        CHECK(schema_get_type(sg->full, "join__Graph") != NULL);
    }
    arena_free(&a);
}

/* No join__ or @inaccessible application survives on API elements. */
TEST(shop_api_drops_applications)
{
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    char *sdl = fixture_read(&a, DIR "shop.graphql");
    supergraph *sg = sdl ? sg_load(&a, sdl, strlen(sdl), &errs) : NULL;
    CHECK(sg != NULL);
    if (sg) {
        const schema_type *user = schema_get_type(sg->api, "User");
        CHECK(user && user->ndirectives == 0);
        CHECK(user && user->ninterfaces == 0);
        const schema_field *email = user ? schema_get_field(user, "email") : NULL;
        CHECK(email && email->ndirectives == 0);
        CHECK(schema_get_type(sg->api, "Hidden") == NULL);
        CHECK(schema_get_type(sg->api, "Auditable") == NULL);
        CHECK(schema_get_type(sg->full, "Hidden") != NULL);
        const schema_type *q = schema_get_type(sg->api, "Query");
        const schema_field *u = q ? schema_get_field(q, "user") : NULL;
        CHECK(u && u->nargs == 1);
        CHECK(q && schema_get_field(q, "secret") == NULL);
    }
    arena_free(&a);
}

/* Loads fixture text with up to two edits (NULL `from2`: one). */
static supergraph *load_edited(arena *a, const char *file, const char *from1, const char *to1,
                               const char *from2, const char *to2)
{
    diag_list errs;
    diag_init(&errs, a);
    char *sdl = fixture_edit(a, fixture_read(a, file), from1, to1);
    if (sdl && from2) sdl = fixture_edit(a, sdl, from2, to2);
    supergraph *sg = sdl ? sg_load(a, sdl, strlen(sdl), &errs) : NULL;
    for (const diag *d = errs.first; d; d = d->next)
        fprintf(stderr, "%s: %s\n", file, d->message);
    return sg;
}

/* Apollo drops custom @defer and @stream definitions from the API schema. */
TEST(custom_defer_stream_dropped)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg = load_edited(&a, FIXTURE_BENCH_SUPERGRAPH, "scalar join__FieldSet\n",
                                 "scalar join__FieldSet\n"
                                 "directive @defer(label: String) on FRAGMENT_SPREAD | "
                                 "INLINE_FRAGMENT\ndirective @stream(label: String) on FIELD\n"
                                 "directive @keepMe on FIELD\n",
                                 NULL, NULL);
    CHECK(sg != NULL);
    if (sg) {
        CHECK(schema_get_directive(sg->full, "defer") != NULL);
        CHECK(schema_get_directive(sg->api, "defer") == NULL);
        CHECK(schema_get_directive(sg->api, "stream") == NULL);
        CHECK(schema_get_directive(sg->api, "keepMe") != NULL);
    }
    arena_free(&a);
}

/* Links written in `extend schema` leave nothing of the extension. */
TEST(links_in_schema_extension)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg = load_edited(&a, FIXTURE_BENCH_SUPERGRAPH, "schema\n  @link",
                                 "schema { query: Query }\nextend schema\n  @link",
                                 "{\n  query: Query\n}\n", "\n");
    CHECK(sg != NULL);
    if (sg) {
        CHECK(sg->api->query == schema_get_type(sg->api, "Query"));
        CHECK_INT(sg->api->nschema_directives, 0);
        CHECK_INT(sg->nfeatures, 2);
    }
    arena_free(&a);
}

/* @inaccessible on a custom directive's argument removes the argument. */
TEST(inaccessible_directive_argument)
{
    arena a;
    arena_init(&a, 0);
    supergraph *sg =
        load_edited(&a, DIR "shop.graphql", "directive @trace(level: Int = 1)",
                    "directive @trace(level: Int = 1, secret: Int @inaccessible)", NULL, NULL);
    CHECK(sg != NULL);
    if (sg) {
        const schema_directive *full = schema_get_directive(sg->full, "trace");
        const schema_directive *api = schema_get_directive(sg->api, "trace");
        CHECK(full && full->nargs == 2);
        CHECK(api && api->nargs == 1 && strcmp(api->args[0].name, "level") == 0);
    }
    arena_free(&a);
}

TEST_MAIN(RUN(bench_api); RUN(shop_api); RUN(context_api); RUN(renamed_api); RUN(fed1_api);
          RUN(bench_api_types); RUN(shop_api_drops_applications); RUN(custom_defer_stream_dropped);
          RUN(links_in_schema_extension); RUN(inaccessible_directive_argument);)
