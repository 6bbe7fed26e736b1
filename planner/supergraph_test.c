/* supergraph_test.c: loading supergraphs into graphs and ownership tables:
 * the bench supergraph, a composed Federation 2 one using every join
 * directive, a join v0.5 one with context arguments, a hand-written one with
 * renamed and imported features, and a Federation 1 one. */
#include "fixture.h"
#include "ftest.h"
#include "supergraph.h"
#include "supergraph_impl.h"

#define DIR "tests/fixtures/supergraph/"

static arena A;
static diag_list E;

static supergraph *load(const char *file)
{
    arena_init(&A, 0);
    diag_init(&E, &A);
    char *sdl = fixture_read(&A, file);
    supergraph *sg = sdl ? sg_load(&A, sdl, strlen(sdl), &E) : NULL;
    for (const diag *d = E.first; d; d = d->next)
        fprintf(stderr, "%s:%u:%u: %s\n", file, d->locs[0].line, d->locs[0].column, d->message);
    return sg;
}

static schema_type *type(const supergraph *sg, const char *name)
{
    return schema_get_type(sg->full, name);
}

static schema_field *field(const supergraph *sg, const char *t, const char *f)
{
    schema_type *ty = type(sg, t);
    return ty ? schema_get_field(ty, f) : NULL;
}

static uint32_t graph(const supergraph *sg, const char *name)
{
    const sg_graph *g = sg_graph_by_name(sg, name);
    return g ? g->index : UINT32_MAX;
}

/* Names of the graphs resolving T.f, space-separated, ascending graph order;
 * external ones in parentheses. */
static const char *field_graphs(const supergraph *sg, const char *t, const char *f)
{
    const sg_field *sf = sg_field_graphs(sg, field(sg, t, f));
    if (!sf) return "(no such field)";
    const char *out = "";
    for (uint32_t i = 0; i < sf->ngraphs; i++) {
        const sg_field_graph *fg = &sf->graphs[i];
        out = arena_sprintf(&A, fg->external ? "%s%s(%s)" : "%s%s%s", out, i ? " " : "",
                            fg->graph->name);
    }
    return out;
}

static const char *type_graphs(const supergraph *sg, const char *t)
{
    const sg_type *st = sg_type_info(sg, type(sg, t));
    if (!st) return "(no such type)";
    const char *out = "";
    for (uint32_t i = 0; i < st->ngraphs; i++)
        out = arena_sprintf(&A, "%s%s%s", out, i ? " " : "", st->graphs[i].graph->name);
    return out;
}

static const char *type_list(schema_type *const *list, uint32_t n)
{
    const char *out = "";
    for (uint32_t i = 0; i < n; i++)
        out = arena_sprintf(&A, "%s%s%s", out, i ? " " : "", list[i]->name);
    return out;
}

static const char *keys(const supergraph *sg, const char *t, const char *g)
{
    uint32_t n;
    const sg_key *k = sg_type_keys(sg, type(sg, t), graph(sg, g), &n);
    const char *out = "";
    for (uint32_t i = 0; i < n; i++)
        out = arena_sprintf(&A, "%s%s%s%s", out, i ? " | " : "", k[i].fields.text,
                            k[i].resolvable ? "" : " (unresolvable)");
    return out;
}

TEST(bench_graphs)
{
    supergraph *sg = load(FIXTURE_BENCH_SUPERGRAPH);
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_INT(sg->ngraphs, 4);
    CHECK(!sg->fed1);
    CHECK_STR(sg->join->url, "https://specs.apollo.dev/join/v0.3");
    CHECK_INT(sg->join->minor, 3);
    CHECK_STR(sg->graphs[0].enum_value, "ACCOUNTS");
    CHECK_STR(sg->graphs[0].name, "accounts");
    CHECK_STR(sg->graphs[0].url, "http://127.0.0.1:4201/graphql");
    CHECK_STR(sg->graphs[3].name, "reviews");
    CHECK_INT(sg->graphs[3].index, 3);
    CHECK(sg_graph_by_name(sg, "inventory") == &sg->graphs[1]);
    CHECK(sg_graph_by_enum_value(sg, "PRODUCTS") == &sg->graphs[2]);
    CHECK(sg_graph_by_name(sg, "PRODUCTS") == NULL);
    CHECK(sg_graph_by_name(sg, "nope") == NULL);
    arena_free(&A);
}

TEST(bench_types_and_keys)
{
    supergraph *sg = load(FIXTURE_BENCH_SUPERGRAPH);
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_STR(type_graphs(sg, "Query"), "accounts inventory products reviews");
    CHECK_STR(type_graphs(sg, "Product"), "inventory products reviews");
    CHECK_STR(type_graphs(sg, "Review"), "reviews");
    CHECK_STR(type_graphs(sg, "User"), "accounts reviews");
    CHECK_STR(keys(sg, "Product", "inventory"), "upc");
    CHECK_STR(keys(sg, "User", "reviews"), "id");
    CHECK_STR(keys(sg, "Query", "accounts"), "");
    CHECK(sg_type_in_graph(sg, type(sg, "User"), graph(sg, "products")) == NULL);
    CHECK(sg_type_in_graph(sg, type(sg, "User"), 99) == NULL);
    uint32_t n;
    const sg_key *k = sg_type_keys(sg, type(sg, "Product"), graph(sg, "products"), &n);
    CHECK_INT(n, 1);
    CHECK(k[0].resolvable);
    CHECK(!k[0].extension);
    CHECK_STR(k[0].fields.selection->name, "upc");
    CHECK(k[0].fields.selection->next == NULL);
    /* spec machinery belongs to no graph */
    CHECK_STR(type_graphs(sg, "join__Graph"), "");
    CHECK_STR(type_graphs(sg, "link__Purpose"), "");
    arena_free(&A);
}

TEST(bench_fields)
{
    supergraph *sg = load(FIXTURE_BENCH_SUPERGRAPH);
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_STR(field_graphs(sg, "Query", "me"), "accounts");
    CHECK_STR(field_graphs(sg, "Query", "topProducts"), "products");
    CHECK_STR(field_graphs(sg, "Product", "upc"), "inventory products reviews");
    CHECK_STR(field_graphs(sg, "Product", "weight"), "(inventory) products");
    CHECK_STR(field_graphs(sg, "User", "username"), "accounts (reviews)");
    CHECK_STR(field_graphs(sg, "Review", "product"), "reviews");
    schema_field *username = field(sg, "User", "username");
    CHECK(sg_field_resolvable_in(sg, username, graph(sg, "accounts")));
    CHECK(!sg_field_resolvable_in(sg, username, graph(sg, "reviews")));
    CHECK(!sg_field_resolvable_in(sg, username, graph(sg, "products")));

    const sg_field_graph *ship =
        sg_field_in_graph(sg, field(sg, "Product", "shippingEstimate"), graph(sg, "inventory"));
    CHECK(ship != NULL);
    if (ship) {
        CHECK_STR(ship->requires.text, "price weight");
        CHECK_STR(ship->requires.selection->name, "price");
        CHECK_STR(ship->requires.selection->next->name, "weight");
        CHECK(ship->provides.text == NULL);
        CHECK(!ship->external);
    }
    const sg_field_graph *author =
        sg_field_in_graph(sg, field(sg, "Review", "author"), graph(sg, "reviews"));
    CHECK(author && author->provides.text && strcmp(author->provides.text, "username") == 0);
    arena_free(&A);
}

TEST(bench_api_twins)
{
    supergraph *sg = load(FIXTURE_BENCH_SUPERGRAPH);
    CHECK(sg != NULL);
    if (!sg) return;
    schema_type *api_user = schema_get_type(sg->api, "User");
    CHECK(api_user != NULL && api_user != type(sg, "User"));
    if (!api_user) return;
    schema_field *api_name = schema_get_field(api_user, "name");
    CHECK(sg_full_field(sg, api_name) == field(sg, "User", "name"));
    CHECK(sg->api_to_full[api_name->index] == field(sg, "User", "name"));
    CHECK(sg_full_field(sg, field(sg, "User", "name")) == field(sg, "User", "name"));
    CHECK(sg_full_type(sg, api_user) == type(sg, "User"));
    /* look-ups accept API elements */
    CHECK_STR(keys(sg, "User", "accounts"), "id");
    CHECK(sg_type_in_graph(sg, api_user, graph(sg, "accounts")) ==
          sg_type_in_graph(sg, type(sg, "User"), graph(sg, "accounts")));
    CHECK(sg_field_resolvable_in(sg, api_name, graph(sg, "accounts")));
    CHECK(!sg_field_resolvable_in(sg, api_name, graph(sg, "reviews")));
    arena_free(&A);
}

TEST(shop_keys)
{
    supergraph *sg = load(DIR "shop.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_STR(sg->join->url, "https://specs.apollo.dev/join/v0.4");
    CHECK_STR(keys(sg, "Product", "products"), "upc | sku variation { id }");
    CHECK_STR(keys(sg, "User", "users"), "id | username");
    CHECK_STR(keys(sg, "User", "products"), "id (unresolvable)");
    CHECK_STR(keys(sg, "Organization", "products"), "id (unresolvable)");
    uint32_t n;
    const sg_key *k = sg_type_keys(sg, type(sg, "Product"), graph(sg, "products"), &n);
    CHECK_INT(n, 2);
    if (n == 2) {
        const ast_selection *sku = k[1].fields.selection;
        CHECK_STR(sku->name, "sku");
        CHECK_STR(sku->next->name, "variation");
        CHECK_STR(sku->next->selection_set->name, "id");
    }
    arena_free(&A);
}

TEST(shop_interface_object)
{
    supergraph *sg = load(DIR "shop.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    schema_type *media = type(sg, "Media");
    CHECK(sg_is_interface_object(sg, media, graph(sg, "inventory")));
    CHECK(!sg_is_interface_object(sg, media, graph(sg, "products")));
    CHECK(!sg_is_interface_object(sg, media, graph(sg, "users")));
    CHECK_STR(keys(sg, "Media", "inventory"), "id");
    CHECK_STR(field_graphs(sg, "Media", "stockCount"), "inventory");
    CHECK_STR(field_graphs(sg, "Media", "id"), "inventory products");
    /* @join__field without graph: the field comes from no subgraph directly */
    CHECK_STR(field_graphs(sg, "Book", "stockCount"), "");
    CHECK_STR(field_graphs(sg, "Book", "title"), "products");
    uint32_t n;
    schema_type *const *p = sg_possible_in_graph(sg, media, graph(sg, "products"), &n);
    CHECK_STR(type_list(p, n), "Book Movie");
    p = sg_possible_in_graph(sg, media, graph(sg, "inventory"), &n);
    CHECK_INT(n, 0);
    const sg_type_graph *book = sg_type_in_graph(sg, type(sg, "Book"), graph(sg, "products"));
    CHECK(book && book->ninterfaces == 1 && strcmp(book->interfaces[0]->name, "Media") == 0);
    arena_free(&A);
}

TEST(shop_override)
{
    supergraph *sg = load(DIR "shop.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    schema_field *username = field(sg, "User", "username");
    const sg_field_graph *rev = sg_field_in_graph(sg, username, graph(sg, "reviews"));
    const sg_field_graph *usr = sg_field_in_graph(sg, username, graph(sg, "users"));
    CHECK(rev && usr);
    if (!rev || !usr) return;
    CHECK_STR(rev->override_from, "users");
    CHECK(rev->override_label == NULL);
    CHECK(usr->used_overridden);
    CHECK(!usr->external);
    CHECK(sg_field_resolvable_in(sg, username, graph(sg, "reviews")));
    CHECK(!sg_field_resolvable_in(sg, username, graph(sg, "users")));

    schema_field *in_stock = field(sg, "Product", "inStock");
    const sg_field_graph *inv = sg_field_in_graph(sg, in_stock, graph(sg, "inventory"));
    const sg_field_graph *prod = sg_field_in_graph(sg, in_stock, graph(sg, "products"));
    CHECK(inv && prod);
    if (!inv || !prod) return;
    CHECK_STR(inv->override_from, "products");
    CHECK_STR(inv->override_label, "percent(50)");
    CHECK_STR(prod->override_label, "percent(50)");
    CHECK(prod->override_from == NULL);
    /* progressive override: either graph, depending on the label */
    CHECK(sg_field_resolvable_in(sg, in_stock, graph(sg, "inventory")));
    CHECK(sg_field_resolvable_in(sg, in_stock, graph(sg, "products")));
    arena_free(&A);
}

TEST(shop_requires_provides)
{
    supergraph *sg = load(DIR "shop.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    const sg_field_graph *ship =
        sg_field_in_graph(sg, field(sg, "Product", "shippingEstimate"), graph(sg, "inventory"));
    CHECK(ship != NULL);
    if (ship) {
        CHECK_STR(ship->requires.text, "price(currency: \"EUR\") weight");
        const ast_selection *price = ship->requires.selection;
        CHECK_STR(price->name, "price");
        CHECK(price->arguments && strcmp(price->arguments->name, "currency") == 0);
        CHECK_STR(price->arguments->value->str, "EUR");
    }
    CHECK_STR(field_graphs(sg, "Product", "price"), "(inventory) products");
    const sg_field_graph *created =
        sg_field_in_graph(sg, field(sg, "Product", "createdBy"), graph(sg, "products"));
    CHECK(created != NULL);
    if (created) {
        CHECK_STR(created->provides.text, "name organization { currency }");
        const ast_selection *org = created->provides.selection->next;
        CHECK_STR(org->name, "organization");
        CHECK_STR(org->selection_set->name, "currency");
    }
    CHECK_STR(field_graphs(sg, "User", "organization"), "(products) users");
    CHECK_STR(field_graphs(sg, "Organization", "currency"), "(products) users");
    arena_free(&A);
}

TEST(shop_unions_enums_implements)
{
    supergraph *sg = load(DIR "shop.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    uint32_t n;
    schema_type *search = type(sg, "SearchResult");
    schema_type *const *m = sg_possible_in_graph(sg, search, graph(sg, "users"), &n);
    CHECK_STR(type_list(m, n), "Product User Hidden");
    m = sg_possible_in_graph(sg, search, graph(sg, "products"), &n);
    CHECK_STR(type_list(m, n), "Product Book");
    m = sg_possible_in_graph(sg, search, graph(sg, "reviews"), &n);
    CHECK_INT(n, 0);

    const sg_type_graph *inv = sg_type_in_graph(sg, type(sg, "Category"), graph(sg, "inventory"));
    const sg_type_graph *prod = sg_type_in_graph(sg, type(sg, "Category"), graph(sg, "products"));
    CHECK(inv && inv->nvalues == 2);
    CHECK(prod && prod->nvalues == 3);
    if (prod && prod->nvalues == 3) CHECK_STR(prod->values[2]->name, "TOYS");

    const sg_type_graph *user = sg_type_in_graph(sg, type(sg, "User"), graph(sg, "users"));
    CHECK(user && user->ninterfaces == 1);
    const sg_type_graph *puser = sg_type_in_graph(sg, type(sg, "User"), graph(sg, "products"));
    CHECK(puser && puser->ninterfaces == 0);
    CHECK_STR(type_graphs(sg, "UserFilter"), "users");
    CHECK_STR(field_graphs(sg, "UserFilter", "role"), "users");
    arena_free(&A);
}

TEST(context_arguments)
{
    supergraph *sg = load(DIR "context.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_INT(sg->join->minor, 5);
    const sg_field_graph *bal =
        sg_field_in_graph(sg, field(sg, "Member", "balance"), graph(sg, "orgs"));
    CHECK(bal && bal->ncontext_args == 1);
    if (!bal || bal->ncontext_args != 1) return;
    const sg_context_arg *ca = &bal->context_args[0];
    CHECK_STR(ca->name, "currency");
    CHECK_STR(ca->type_text, "String");
    CHECK_STR(ca->type->name, "String");
    CHECK_STR(ca->context, "orgs__org");
    CHECK_STR(ca->selection.text, " { currency }");
    CHECK_STR(ca->selection.selection->name, "currency");
    CHECK_STR(field_graphs(sg, "Organization", "currency"), "accounts orgs");
    arena_free(&A);
}

/* Context selections may also be inline fragments, without outer braces. */
TEST(context_selection_with_fragment)
{
    arena_init(&A, 0);
    diag_init(&E, &A);
    char *sdl =
        fixture_edit(&A, fixture_read(&A, DIR "context.graphql"), "selection: \" { currency }\"",
                     "selection: \"... on Organization { currency }\"");
    supergraph *sg = sdl ? sg_load(&A, sdl, strlen(sdl), &E) : NULL;
    CHECK(sg != NULL);
    const sg_field_graph *bal =
        sg ? sg_field_in_graph(sg, field(sg, "Member", "balance"), graph(sg, "orgs")) : NULL;
    CHECK(bal && bal->ncontext_args == 1);
    if (bal && bal->ncontext_args == 1) {
        const ast_selection *frag = bal->context_args[0].selection.selection;
        CHECK_INT(frag->kind, AST_SEL_INLINE_FRAGMENT);
        CHECK_STR(frag->type_condition, "Organization");
        CHECK_STR(frag->selection_set->name, "currency");
    }
    arena_free(&A);
}

TEST(context_selection_syntax_error)
{
    arena_init(&A, 0);
    diag_init(&E, &A);
    char *sdl = fixture_edit(&A, fixture_read(&A, DIR "context.graphql"),
                             "selection: \" { currency }\"", "selection: \" { currency \"");
    CHECK(sdl && sg_load(&A, sdl, strlen(sdl), &E) == NULL);
    CHECK_STR(E.first ? E.first->message : NULL,
              "[orgs] Invalid @join__field(contextArguments:) on field \"Member.balance\": "
              "expected {name, type, context, selection} with a parsable type and selection");
    arena_free(&A);
}

TEST(renamed_features)
{
    supergraph *sg = load(DIR "renamed.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_INT(sg->nfeatures, 4);
    CHECK_STR(sg->join->prefix, "j");
    CHECK_STR(sg->features[0].prefix, "ln");
    CHECK_STR(sg->features[2].name, "inaccessible");
    CHECK_INT(sg->features[2].nimports, 1);
    CHECK_STR(sg->features[2].imports[0].name, "@inaccessible");
    CHECK_STR(sg->features[2].imports[0].as, "@hidden");
    CHECK_STR(sg->features[2].purpose, "SECURITY");
    CHECK_STR(sg->features[3].imports[0].as, "@tag");
    CHECK_INT(sg->ngraphs, 2);
    CHECK_STR(sg->graphs[1].name, "beta");
    CHECK_STR(keys(sg, "Account", "beta"), "id");
    const sg_type_graph *b = sg_type_in_graph(sg, type(sg, "Account"), graph(sg, "beta"));
    const sg_type_graph *a = sg_type_in_graph(sg, type(sg, "Account"), graph(sg, "alpha"));
    CHECK(b && b->extension && b->keys[0].extension);
    CHECK(a && !a->extension);
    CHECK_STR(type_graphs(sg, "DateTime"), "alpha beta");
    CHECK_STR(field_graphs(sg, "Mutation", "rename"), "alpha");
    CHECK_STR(field_graphs(sg, "Account", "computed"), "");
    const sg_field_graph *name =
        sg_field_in_graph(sg, field(sg, "Account", "name"), graph(sg, "beta"));
    CHECK(name && name->external && strcmp(name->type_text, "String!") == 0);
    CHECK(name && name->type->kind == AST_TYPE_NON_NULL);
    arena_free(&A);
}

TEST(renamed_join_directives)
{
    supergraph *sg = load(DIR "renamed.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK_INT(sg->ndirectives, 3);
    if (sg->ndirectives != 3) return;
    const sg_join_directive *d = &sg->directives[0];
    CHECK_STR(d->name, "custom");
    CHECK_INT(d->target, SG_TARGET_SCHEMA);
    CHECK_INT(d->ngraphs, 1);
    CHECK_STR(d->graphs[0]->name, "alpha");
    CHECK(d->args && d->args->kind == AST_VALUE_OBJECT);
    CHECK_STR(d->args->fields->name, "level");
    d = &sg->directives[1];
    CHECK_STR(d->name, "cached");
    CHECK_INT(d->target, SG_TARGET_TYPE);
    CHECK_STR(d->type->name, "Account");
    d = &sg->directives[2];
    CHECK_STR(d->name, "cost");
    CHECK_INT(d->target, SG_TARGET_FIELD);
    CHECK_STR(d->field->name, "score");
    CHECK_STR(d->graphs[0]->name, "beta");
    arena_free(&A);
}

TEST(renamed_members_values_implements)
{
    supergraph *sg = load(DIR "renamed.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    uint32_t n;
    schema_type *const *m = sg_possible_in_graph(sg, type(sg, "Owner"), graph(sg, "beta"), &n);
    CHECK_STR(type_list(m, n), "Secret");
    m = sg_possible_in_graph(sg, type(sg, "Node"), graph(sg, "beta"), &n);
    CHECK_STR(type_list(m, n), "Account Secret");
    m = sg_possible_in_graph(sg, type(sg, "Node"), graph(sg, "alpha"), &n);
    CHECK_STR(type_list(m, n), "Account");
    const sg_type_graph *lv = sg_type_in_graph(sg, type(sg, "Level"), graph(sg, "alpha"));
    CHECK(lv && lv->nvalues == 1 && strcmp(lv->values[0]->name, "LOW") == 0);
    CHECK_STR(field_graphs(sg, "Filter", "level"), "alpha beta");
    CHECK_STR(field_graphs(sg, "Filter", "token"), "beta");
    arena_free(&A);
}

TEST(fed1_ownership)
{
    supergraph *sg = load(DIR "fed1.graphql");
    CHECK(sg != NULL);
    if (!sg) return;
    CHECK(sg->fed1);
    CHECK_STR(sg->join->url, "https://specs.apollo.dev/join/v0.1");
    CHECK_STR(sg->features[0].name, "core");
    /* no @join__type: the graphs that reach the type (roots reach everywhere) */
    CHECK_STR(type_graphs(sg, "Query"), "accounts inventory products reviews");
    CHECK_STR(type_graphs(sg, "Address"), "accounts");
    CHECK_STR(type_graphs(sg, "Product"), "inventory products reviews");
    /* no @join__field: the owner's */
    CHECK_STR(field_graphs(sg, "Review", "body"), "reviews");
    CHECK_STR(field_graphs(sg, "Product", "tags"), "products");
    /* value type fields: wherever the value type is */
    CHECK_STR(field_graphs(sg, "Address", "city"), "accounts");
    /* key fields: resolvable wherever the key is */
    CHECK_STR(field_graphs(sg, "Product", "upc"), "inventory products reviews");
    CHECK_STR(field_graphs(sg, "User", "id"), "accounts reviews");
    /* required and provided fields missing from a graph: external there */
    CHECK_STR(field_graphs(sg, "Product", "price"), "(inventory) products");
    CHECK_STR(field_graphs(sg, "User", "username"), "accounts (reviews)");
    /* an interface field an implementation lacks in a graph: external there */
    CHECK_STR(field_graphs(sg, "User", "name"), "accounts (reviews)");
    CHECK_STR(field_graphs(sg, "Product", "name"), "(inventory) products (reviews)");
    CHECK(!sg_field_resolvable_in(sg, field(sg, "Product", "price"), graph(sg, "inventory")));
    CHECK(sg_field_resolvable_in(sg, field(sg, "Product", "upc"), graph(sg, "reviews")));
    const sg_type_graph *k = sg_type_in_graph(sg, type(sg, "Product"), graph(sg, "reviews"));
    CHECK(k && k->nkeys == 1 && k->keys[0].resolvable);
    arena_free(&A);
}

/* Loads text edited from a fixture; NULL (with messages) on failure. */
static supergraph *load_edited(const char *file, const char *from, const char *to)
{
    arena_init(&A, 0);
    diag_init(&E, &A);
    char *sdl = fixture_edit(&A, fixture_read(&A, file), from, to);
    supergraph *sg = sdl ? sg_load(&A, sdl, strlen(sdl), &E) : NULL;
    for (const diag *d = E.first; d; d = d->next)
        fprintf(stderr, "%s: %s\n", file, d->message);
    return sg;
}

/* join v0.2 had no @join__unionMember: a graph has the members it has. */
TEST(union_members_without_join_union_member)
{
    supergraph *sg = load_edited(DIR "renamed.graphql",
                                 "@j__unionMember(graph: A, member: \"Account\") "
                                 "@j__unionMember(graph: B, member: \"Secret\") ",
                                 "");
    CHECK(sg != NULL);
    if (sg) {
        uint32_t n;
        schema_type *owner = type(sg, "Owner");
        schema_type *const *m = sg_possible_in_graph(sg, owner, graph(sg, "alpha"), &n);
        CHECK_STR(type_list(m, n), "Account");
        m = sg_possible_in_graph(sg, owner, graph(sg, "beta"), &n);
        CHECK_STR(type_list(m, n), "Account Secret");
    }
    arena_free(&A);
}

/* A value without @join__enumValue is in every graph of its enum. */
TEST(enum_value_without_join_enum_value)
{
    supergraph *sg = load_edited(DIR "renamed.graphql", "HIGH @j__enumValue(graph: B)", "HIGH");
    CHECK(sg != NULL);
    const sg_type_graph *lv =
        sg ? sg_type_in_graph(sg, type(sg, "Level"), graph(sg, "alpha")) : NULL;
    CHECK(lv && lv->nvalues == 2);
    if (lv && lv->nvalues == 2) CHECK_STR(lv->values[1]->name, "HIGH");
    arena_free(&A);
}

/* Apollo's Federation 1 extraction skips a @join__field for a graph
 * without the parent type; Federation 2 calls it an error (errors test). */
TEST(fed1_join_field_for_graph_without_the_type)
{
    supergraph *sg =
        load_edited(DIR "fed1.graphql", "inStock: Boolean @join__field(graph: INVENTORY)",
                    "inStock: Boolean @join__field(graph: ACCOUNTS)");
    CHECK(sg != NULL);
    if (sg) CHECK_STR(field_graphs(sg, "Product", "inStock"), "");
    arena_free(&A);
}

/* import: takes a lone item as a list of one, and null as none. */
TEST(import_forms)
{
    supergraph *sg = load_edited(DIR "renamed.graphql", "import: [\"@tag\"]", "import: \"@tag\"");
    CHECK(sg && sg->features[3].nimports == 1);
    if (sg && sg->features[3].nimports == 1) CHECK_STR(sg->features[3].imports[0].as, "@tag");
    arena_free(&A);
    sg = load_edited(DIR "renamed.graphql", "tag/v0.3\", import: [\"@tag\"]",
                     "tag/v0.3\", as: \"tag\", import: null");
    CHECK(sg && sg->features[3].nimports == 0);
    arena_free(&A);
}

TEST(link_owns_names)
{
    sg_import imports[] = {{"@inaccessible", "@hidden"}, {"Purpose", "Purpose"}};
    sg_feature features[] = {{.prefix = "j"},
                             {.prefix = "inaccessible", .imports = imports, .nimports = 2}};
    supergraph sg = {.features = features, .nfeatures = 2};
    CHECK(sg_link_owns(&sg, "j__Graph", false));
    CHECK(sg_link_owns(&sg, "j__type", true));
    CHECK(sg_link_owns(&sg, "j", true));
    CHECK(!sg_link_owns(&sg, "j", false));
    CHECK(!sg_link_owns(&sg, "jj__Graph", false));
    CHECK(!sg_link_owns(&sg, "j_Graph", false));
    CHECK(!sg_link_owns(&sg, "Graph", false));
    CHECK(sg_link_owns(&sg, "hidden", true));
    CHECK(!sg_link_owns(&sg, "hidden", false));
    CHECK(sg_link_owns(&sg, "inaccessible", true));
    CHECK(!sg_link_owns(&sg, "inaccessible", false));
    CHECK(sg_link_owns(&sg, "Purpose", false));
    CHECK(!sg_link_owns(&sg, "Purpose", true));
}

TEST_MAIN(RUN(bench_graphs); RUN(bench_types_and_keys); RUN(bench_fields); RUN(bench_api_twins);
          RUN(shop_keys); RUN(shop_interface_object); RUN(shop_override);
          RUN(shop_requires_provides); RUN(shop_unions_enums_implements); RUN(context_arguments);
          RUN(context_selection_with_fragment); RUN(context_selection_syntax_error);
          RUN(renamed_features); RUN(renamed_join_directives);
          RUN(renamed_members_values_implements); RUN(fed1_ownership);
          RUN(union_members_without_join_union_member); RUN(enum_value_without_join_enum_value);
          RUN(fed1_join_field_for_graph_without_the_type); RUN(import_forms); RUN(link_owns_names);)
