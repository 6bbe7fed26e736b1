/* data.c: loads data.json into the read-only tables of data.h and answers
 * key look-ups over them. The data set is a few dozen rows, so look-ups are
 * linear scans: faster than hashing at this size. */
#include "data.h"

#include <stdio.h>
#include <string.h>

#include "sbuf.h"

typedef struct bdata_loader {
    arena *a;
    sbuf scratch;
    char *why;
    size_t why_len;
} bdata_loader;

static bool bdata_fail(bdata_loader *ld, const char *what, uint32_t index, const char *field)
{
    snprintf(ld->why, ld->why_len, "data.json: %s[%u].%s is missing or of the wrong type", what,
             index, field);
    return false;
}

/* The member rendered as compact JSON; {NULL, 0} when absent or null. */
static bdata_text bdata_render(bdata_loader *ld, const json_value *row, const char *field)
{
    const json_value *v = json_get(row, field);
    bdata_text t = {NULL, 0};
    if (!v || v->type == JSON_NULL) return t;
    sbuf_reset(&ld->scratch);
    json_write(&ld->scratch, v);
    t.s = arena_strndup(ld->a, ld->scratch.data, ld->scratch.len);
    t.len = (uint32_t)ld->scratch.len;
    return t;
}

/* A string member that rows are found by (id, upc, ...); NULL when it is not a string. */
static const json_value *bdata_key(const json_value *row, const char *field)
{
    const json_value *v = json_get(row, field);
    return v && v->type == JSON_STRING ? v : NULL;
}

bool bdata_key_equal(const json_value *v, const json_value *key)
{
    return v && v->type == JSON_STRING && v->len == key->len &&
           memcmp(v->u.str, key->u.str, v->len) == 0;
}

/* The array member `name` of the top-level object; NULL when it is not one. */
static const json_value *bdata_table(const json_value *root, const char *name)
{
    const json_value *v = json_get(root, name);
    return v && v->type == JSON_ARRAY ? v : NULL;
}

static bool bdata_load_users(bdata_loader *ld, bdata *d, const json_value *rows)
{
    d->nusers = rows->len;
    d->users = ARENA_ARRAY(ld->a, bdata_user, rows->len);
    for (uint32_t i = 0; i < rows->len; i++) {
        const json_value *row = &rows->u.items[i];
        bdata_user *u = &d->users[i];
        if (!(u->id = bdata_key(row, "id"))) return bdata_fail(ld, "users", i, "id");
        u->id_json = bdata_render(ld, row, "id");
        u->name = bdata_render(ld, row, "name");
        u->username = bdata_render(ld, row, "username");
        u->birthday = bdata_render(ld, row, "birthday");
    }
    return true;
}

static bool bdata_load_products(bdata_loader *ld, bdata *d, const json_value *rows)
{
    d->nproducts = rows->len;
    d->products = ARENA_ARRAY(ld->a, bdata_product, rows->len);
    for (uint32_t i = 0; i < rows->len; i++) {
        const json_value *row = &rows->u.items[i];
        bdata_product *p = &d->products[i];
        if (!(p->upc = bdata_key(row, "upc"))) return bdata_fail(ld, "products", i, "upc");
        p->upc_json = bdata_render(ld, row, "upc");
        p->name = bdata_render(ld, row, "name");
        p->price = bdata_render(ld, row, "price");
        p->weight = bdata_render(ld, row, "weight");
    }
    return true;
}

static bool bdata_load_stock(bdata_loader *ld, bdata *d, const json_value *rows)
{
    d->nstock = rows->len;
    d->stock = ARENA_ARRAY(ld->a, bdata_stock, rows->len);
    for (uint32_t i = 0; i < rows->len; i++) {
        const json_value *row = &rows->u.items[i];
        bdata_stock *s = &d->stock[i];
        if (!(s->upc = bdata_key(row, "upc"))) return bdata_fail(ld, "inventory", i, "upc");
        s->in_stock = bdata_render(ld, row, "inStock");
    }
    return true;
}

static bool bdata_load_reviews(bdata_loader *ld, bdata *d, const json_value *rows)
{
    d->nreviews = rows->len;
    d->reviews = ARENA_ARRAY(ld->a, bdata_review, rows->len);
    for (uint32_t i = 0; i < rows->len; i++) {
        const json_value *row = &rows->u.items[i];
        bdata_review *r = &d->reviews[i];
        if (!(r->id = bdata_key(row, "id"))) return bdata_fail(ld, "reviews", i, "id");
        if (!(r->product_upc = bdata_key(row, "product")))
            return bdata_fail(ld, "reviews", i, "product");
        if (!(r->author_id = bdata_key(row, "author")))
            return bdata_fail(ld, "reviews", i, "author");
        r->id_json = bdata_render(ld, row, "id");
        r->body = bdata_render(ld, row, "body");
        r->author = bdata_user_by_id(d, r->author_id);
    }
    return true;
}

/* Groups the reviews by author (by_author) or by product (!by_author), keeping
 * data.json order both between and within groups. */
static void bdata_group_reviews(arena *a, bdata *d, bool by_author)
{
    bdata_review_list *lists = ARENA_ARRAY(a, bdata_review_list, d->nreviews);
    uint32_t nlists = 0;
    for (uint32_t i = 0; i < d->nreviews; i++) {
        const json_value *key = by_author ? d->reviews[i].author_id : d->reviews[i].product_upc;
        uint32_t g = 0;
        while (g < nlists && !bdata_key_equal(key, lists[g].key))
            g++;
        if (g == nlists) {
            lists[nlists].key = key;
            lists[nlists].items = ARENA_ARRAY(a, const bdata_review *, d->nreviews);
            nlists++;
        }
        lists[g].items[lists[g].count++] = &d->reviews[i];
    }
    if (by_author) {
        d->by_author = lists;
        d->nby_author = nlists;
    } else {
        d->by_product = lists;
        d->nby_product = nlists;
    }
}

bool bdata_load(bdata *d, arena *a, const char *text, size_t len, char *why, size_t why_len)
{
    memset(d, 0, sizeof *d);
    json_error err;
    const json_value *root = json_parse(a, text, len, 0, &err);
    if (!root) {
        snprintf(why, why_len, "data.json: %s", err.message);
        return false;
    }
    const json_value *users = bdata_table(root, "users");
    const json_value *products = bdata_table(root, "products");
    const json_value *stock = bdata_table(root, "inventory");
    const json_value *reviews = bdata_table(root, "reviews");
    if (!users || !products || !stock || !reviews) {
        snprintf(why, why_len, "data.json: users, products, inventory and reviews must be arrays");
        return false;
    }
    bdata_loader ld = {a, {NULL, 0, 0}, why, why_len};
    bool ok = bdata_load_users(&ld, d, users) && bdata_load_products(&ld, d, products) &&
              bdata_load_stock(&ld, d, stock) && bdata_load_reviews(&ld, d, reviews);
    sbuf_free(&ld.scratch);
    if (!ok) return false;
    bdata_group_reviews(a, d, true);
    bdata_group_reviews(a, d, false);
    return true;
}

const bdata_user *bdata_user_by_id(const bdata *d, const json_value *id)
{
    for (uint32_t i = 0; i < d->nusers; i++)
        if (bdata_key_equal(id, d->users[i].id)) return &d->users[i];
    return NULL;
}

const bdata_product *bdata_product_by_upc(const bdata *d, const json_value *upc)
{
    for (uint32_t i = 0; i < d->nproducts; i++)
        if (bdata_key_equal(upc, d->products[i].upc)) return &d->products[i];
    return NULL;
}

const bdata_stock *bdata_stock_by_upc(const bdata *d, const json_value *upc)
{
    for (uint32_t i = 0; i < d->nstock; i++)
        if (bdata_key_equal(upc, d->stock[i].upc)) return &d->stock[i];
    return NULL;
}

const bdata_review *bdata_review_by_id(const bdata *d, const json_value *id)
{
    for (uint32_t i = 0; i < d->nreviews; i++)
        if (bdata_key_equal(id, d->reviews[i].id)) return &d->reviews[i];
    return NULL;
}

static const bdata_review_list *bdata_find_list(const bdata_review_list *lists, uint32_t n,
                                                const json_value *key)
{
    for (uint32_t i = 0; i < n; i++)
        if (bdata_key_equal(key, lists[i].key)) return &lists[i];
    return NULL;
}

const bdata_review_list *bdata_reviews_by_author(const bdata *d, const json_value *id)
{
    return bdata_find_list(d->by_author, d->nby_author, id);
}

const bdata_review_list *bdata_reviews_of_product(const bdata *d, const json_value *upc)
{
    return bdata_find_list(d->by_product, d->nby_product, upc);
}
