/* planner_shape_test.c: the response shape (planner_shape.c): per object
 * type shapes under abstract types, and the guards of variable
 * @skip/@include, inherited by sub-selections. Planned against the shop
 * fixture: interface Media = Book | Movie, union SearchResult = Product |
 * Book | User. */
#include "ptest.h"

#define SHOP "tests/fixtures/supergraph/shop.graphql"

/* The shape of the query's first root field, NULL when planning failed. */
static const plan_shape *first_field_shape(ptest *fx, const char *query)
{
    ptest_plan_file(fx, SHOP, query);
    CHECK(fx->plan != NULL);
    return fx->plan ? fx->plan->shape->fields[0].selection : NULL;
}

/* The shape objects of type_name take. */
static const plan_shape *variant(const plan_shape *s, const char *type_name)
{
    for (uint32_t i = 0; s && i < s->nvariants; i++)
        if (strcmp(s->variant_types[i], type_name) == 0) return s->variants[i];
    return s;
}

/* "key" for each field, with its guards: "key[skip a,b include c|...]". */
static const char *fields_text(ptest *fx, const plan_shape *s)
{
    sbuf b;
    sbuf_init(&b);
    for (uint32_t i = 0; s && i < s->nfields; i++) {
        const plan_shape_field *f = &s->fields[i];
        sbuf_printf(&b, "%s%s", i ? " " : "", f->response_key);
        for (uint32_t g = 0; g < f->nguards; g++) {
            const plan_shape_guard *guard = &f->guards[g];
            sbuf_putc(&b, g ? '|' : '[');
            for (uint32_t k = 0; k < guard->nskip_if; k++)
                sbuf_printf(&b, "%s%s", k ? "," : "skip ", guard->skip_if[k]);
            if (guard->nskip_if && guard->ninclude_if) sbuf_putc(&b, ' ');
            for (uint32_t k = 0; k < guard->ninclude_if; k++)
                sbuf_printf(&b, "%s%s", k ? "," : "include ", guard->include_if[k]);
        }
        if (f->nguards) sbuf_putc(&b, ']');
    }
    const char *text = arena_strdup(&fx->a, b.data ? b.data : "");
    sbuf_free(&b);
    return text;
}

/* The same field under one type with one condition and under another
 * without: each type's objects follow their own selections. */
TEST(conditions_of_a_field_are_per_type)
{
    ptest fx;
    const plan_shape *media =
        first_field_shape(&fx, "query($t: Boolean = true) { media { id "
                               "... on Book @include(if: $t) { title ... on Book @skip(if: $t) "
                               "{ stockCount } } ... on Movie { stockCount } } }");
    CHECK_STR(fields_text(&fx, media), "id");
    CHECK_INT(media ? media->nvariants : 0, 2);
    CHECK_STR(fields_text(&fx, variant(media, "Book")),
              "id title[include t] stockCount[skip t include t]");
    CHECK_STR(fields_text(&fx, variant(media, "Movie")), "id stockCount");
    arena_free(&fx.a);
}

TEST(a_field_selected_twice_counts_when_either_selection_does)
{
    ptest fx;
    const plan_shape *me = first_field_shape(
        &fx, "query($a: Boolean!, $b: Boolean!) { me { name @include(if: $a) name @skip(if: $b) "
             "id @include(if: $a) id } }");
    CHECK_STR(fields_text(&fx, me), "name[include a|skip b] id");
    arena_free(&fx.a);
}

/* A sub-selection's fields count only when the selection they come from does. */
TEST(sub_selections_inherit_the_guard_of_their_selection)
{
    ptest fx;
    const plan_shape *me = first_field_shape(
        &fx, "query($x: Boolean!) { me { reviews @include(if: $x) { body } reviews { id } } }");
    CHECK_STR(fields_text(&fx, me), "reviews");
    CHECK_STR(fields_text(&fx, me ? me->fields[0].selection : NULL), "body[include x] id");
    arena_free(&fx.a);
}

/* Under a union, one key may name different fields with different
 * sub-selections per member; errors name the object's type. */
TEST(one_key_is_a_different_field_per_type)
{
    ptest fx;
    const plan_shape *s = first_field_shape(
        &fx, "{ search(term: \"a\") { ... on Product { key: upc r: reviews { body } } "
             "... on User { key: email r: reviews { id } } } }");
    CHECK_STR(fields_text(&fx, s), "");
    CHECK_INT(s ? s->nvariants : 0, 2);
    const plan_shape *product = variant(s, "Product"), *user = variant(s, "User");
    CHECK(variant(s, "Book") == s);
    CHECK_STR(fields_text(&fx, product), "key r");
    CHECK_STR(fields_text(&fx, user), "key r");
    if (product != s && user != s) {
        CHECK_STR(product->fields[0].field_name, "upc");
        CHECK_STR(product->fields[0].parent_type, "Product");
        CHECK_STR(user->fields[0].field_name, "email");
        CHECK_STR(user->fields[0].parent_type, "User");
        CHECK_STR(fields_text(&fx, product->fields[1].selection), "body");
        CHECK_STR(fields_text(&fx, user->fields[1].selection), "id");
    }
    arena_free(&fx.a);
}

/* A fragment on the abstract type itself, or on one covering all of its
 * objects, selects alike for every type: no variants. */
TEST(fragments_on_every_type_make_no_variants)
{
    ptest fx;
    const plan_shape *media =
        first_field_shape(&fx, "{ media { ... on Media { id } __typename ...M } } "
                               "fragment M on Media { title }");
    CHECK_STR(fields_text(&fx, media), "id __typename title");
    CHECK_INT(media ? media->nvariants : 1, 0);
    arena_free(&fx.a);
}

/* An interface fragment inside a union applies to the members implementing it. */
TEST(an_interface_fragment_in_a_union_applies_to_its_members)
{
    ptest fx;
    const plan_shape *s =
        first_field_shape(&fx, "{ search(term: \"a\") { __typename ... on Media { title } } }");
    CHECK_STR(fields_text(&fx, s), "__typename");
    CHECK_INT(s ? s->nvariants : 0, 1);
    CHECK_STR(fields_text(&fx, variant(s, "Book")), "__typename title");
    CHECK_STR(variant(s, "Book")->fields[1].parent_type, "Book");
    arena_free(&fx.a);
}

TEST_MAIN(RUN(conditions_of_a_field_are_per_type);
          RUN(a_field_selected_twice_counts_when_either_selection_does);
          RUN(sub_selections_inherit_the_guard_of_their_selection);
          RUN(one_key_is_a_different_field_per_type); RUN(fragments_on_every_type_make_no_variants);
          RUN(an_interface_fragment_in_a_union_applies_to_its_members);)
