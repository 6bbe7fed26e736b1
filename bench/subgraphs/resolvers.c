/* resolvers.c: the resolvers of the benchmark subgraphs (see resolvers.h),
 * rule for rule as in reference-subgraphs/server.mjs. A resolver returns the
 * field's value; the executor (exec.c) completes it into the response. */
#include "resolvers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exec.h"
#include "value.h"

/* Query.me is user 1. */
static const json_value bres_me_id = {.type = JSON_STRING, .len = 1, .u.str = "1"};
/* Query.topProducts without `first`. */
#define BRES_TOP_PRODUCTS_DEFAULT 5

static bval bres_null(void)
{
    return (bval){.kind = BVAL_NULL};
}

static bval bres_text(bdata_text t)
{
    return t.s ? (bval){.kind = BVAL_TEXT, .text = t} : bres_null();
}

static bval bres_json(const json_value *v)
{
    return v ? (bval){.kind = BVAL_JSON, .json = v} : bres_null();
}

/* An object of the type the resolved field returns. */
static bval bres_object(bexec_ctx *cx, const void *row, const json_value *key)
{
    bobj obj = {.type = cx->field->composite, .row = row, .key = key};
    return (bval){.kind = BVAL_OBJECT, .obj = obj};
}

static bval bres_review_list(bexec_ctx *cx, const bdata_review_list *list)
{
    uint32_t n = list ? list->count : 0;
    bobj *items = ARENA_ARRAY(cx->a, bobj, n);
    for (uint32_t i = 0; i < n; i++) {
        items[i].type = cx->field->composite;
        items[i].row = list->items[i];
    }
    return (bval){.kind = BVAL_LIST, .items = items, .count = n};
}

/* An ID argument as a string: ID input accepts integers and makes them "1". */
static const json_value *bres_id_arg(bexec_ctx *cx, const ast_selection *field, const char *name)
{
    const json_value *v = bexec_arg(cx, field, name);
    int64_t n;
    if (!json_as_int64(v, &n)) return v;
    char text[24];
    int len = snprintf(text, sizeof text, "%lld", (long long)n);
    return json_new_string(cx->a, text, (size_t)len);
}

/* JavaScript's ToNumber for the values a representation may carry. */
static double bres_js_number(const json_value *v)
{
    switch (v->type) {
    case JSON_NUMBER:
        return json_as_double(v);
    case JSON_TRUE:
        return 1;
    case JSON_FALSE:
        return 0;
    default:
        return NAN;
    }
}

/* ---- federation: _entities and _service ---- */

static const char *bres_typename_text(bexec_ctx *cx, const json_value *typename)
{
    if (!typename) return "undefined";
    if (typename->type == JSON_STRING) return typename->u.str;
    sbuf text;
    sbuf_init(&text);
    json_write(&text, typename);
    const char *s = arena_strndup(cx->a, text.data, text.len);
    sbuf_free(&text);
    return s;
}

/* Query._entities(representations:): each representation loaded by its
 * __typename's reference resolver, null when there is no such entity. */
static bval bres_entities(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self;
    const json_value *reps = bexec_arg(cx, field, "representations");
    uint32_t n = !reps ? 0 : reps->type == JSON_ARRAY ? reps->len : 1;
    bobj *items = ARENA_ARRAY(cx->a, bobj, n);
    for (uint32_t i = 0; i < n; i++) {
        const json_value *rep = reps->type == JSON_ARRAY ? &reps->u.items[i] : reps;
        const json_value *typename = json_get(rep, "__typename");
        const bmodel_type *type = typename && typename->type == JSON_STRING
                                      ? bmodel_type_named(cx->model, typename->u.str)
                                      : NULL;
        if (!type || type->is_union) {
            const char *msg = arena_sprintf(
                cx->a,
                "The _entities resolver tried to load an entity for type \"%s\", but no object "
                "or interface type of that name was found in the schema",
                bres_typename_text(cx, typename));
            return (bval){.kind = BVAL_ERROR, .error = msg};
        }
        if (!type->resolve_reference) {
            items[i].error = arena_sprintf(
                cx->a, "Runtime Object type \"%s\" is not a possible type for \"_Entity\".",
                type->name);
            continue;
        }
        items[i] = type->resolve_reference(cx->model, type, rep);
    }
    return (bval){.kind = BVAL_LIST, .items = items, .count = n};
}

static bval bres_service(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self, (void)field;
    return bres_object(cx, NULL, NULL);
}

/* The SDL file as it is now, as a JSON string in the request's arena; the
 * SDL read at start when the file cannot be read. */
static bdata_text bres_current_sdl(bexec_ctx *cx)
{
    FILE *f = fopen(cx->model->sdl_path, "rb");
    if (!f) return cx->model->sdl;
    sbuf text, json;
    sbuf_init(&text);
    sbuf_init(&json);
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&text, chunk, n);
    bool failed = ferror(f);
    fclose(f);
    sbuf_json_string(&json, text.data ? text.data : "", text.len);
    bdata_text t =
        failed ? cx->model->sdl
               : (bdata_text){arena_strndup(cx->a, json.data, json.len), (uint32_t)json.len};
    sbuf_free(&text);
    sbuf_free(&json);
    return t;
}

static bval bres_service_sdl(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self, (void)field;
    return bres_text(cx->model->sdl_path ? bres_current_sdl(cx) : cx->model->sdl);
}

#define BRES_FEDERATION                                                                            \
    {"Query", "_entities", bres_entities, NULL}, {"Query", "_service", bres_service, NULL},        \
    {                                                                                              \
        "_Service", "sdl", bres_service_sdl, NULL                                                  \
    }

/* ---- accounts ---- */

static bobj bres_accounts_user_ref(const bmodel *m, const bmodel_type *type, const json_value *rep)
{
    const bdata_user *u = bdata_user_by_id(m->data, json_get(rep, "id"));
    return (bobj){.type = u ? type : NULL, .row = u};
}

static bval bres_accounts_me(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self, (void)field;
    const bdata_user *u = bdata_user_by_id(cx->model->data, &bres_me_id);
    return u ? bres_object(cx, u, NULL) : bres_null();
}

static bval bres_accounts_user(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self;
    const bdata_user *u = bdata_user_by_id(cx->model->data, bres_id_arg(cx, field, "id"));
    return u ? bres_object(cx, u, NULL) : bres_null();
}

static bval bres_accounts_users(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self, (void)field;
    const bdata *d = cx->model->data;
    bobj *items = ARENA_ARRAY(cx->a, bobj, d->nusers);
    for (uint32_t i = 0; i < d->nusers; i++) {
        items[i].type = cx->field->composite;
        items[i].row = &d->users[i];
    }
    return (bval){.kind = BVAL_LIST, .items = items, .count = d->nusers};
}

#define BRES_USER_TEXT(field)                                                                      \
    static bval bres_accounts_user_##field(bexec_ctx *cx, const bobj *self,                        \
                                           const ast_selection *node)                              \
    {                                                                                              \
        (void)cx, (void)node;                                                                      \
        return bres_text(((const bdata_user *)self->row)->field);                                  \
    }
BRES_USER_TEXT(id_json)
BRES_USER_TEXT(name)
BRES_USER_TEXT(username)
BRES_USER_TEXT(birthday)

static const bres_binding bres_accounts[] = {
    BRES_FEDERATION,
    {"Query", "me", bres_accounts_me, NULL},
    {"Query", "user", bres_accounts_user, NULL},
    {"Query", "users", bres_accounts_users, NULL},
    {"User", NULL, NULL, bres_accounts_user_ref},
    {"User", "id", bres_accounts_user_id_json, NULL},
    {"User", "name", bres_accounts_user_name, NULL},
    {"User", "username", bres_accounts_user_username, NULL},
    {"User", "birthday", bres_accounts_user_birthday, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- inventory: Product is the representation plus inStock ---- */

static bobj bres_inventory_product_ref(const bmodel *m, const bmodel_type *type,
                                       const json_value *rep)
{
    const bdata_stock *s = bdata_stock_by_upc(m->data, json_get(rep, "upc"));
    return (bobj){.type = s ? type : NULL, .row = s, .rep = rep};
}

#define BRES_REP_FIELD(field)                                                                      \
    static bval bres_inventory_##field(bexec_ctx *cx, const bobj *self, const ast_selection *node) \
    {                                                                                              \
        (void)cx, (void)node;                                                                      \
        return bres_json(json_get(self->rep, #field));                                             \
    }
BRES_REP_FIELD(upc)
BRES_REP_FIELD(weight)
BRES_REP_FIELD(price)

static bval bres_inventory_in_stock(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)cx, (void)field;
    return bres_text(((const bdata_stock *)self->row)->in_stock);
}

/* n in decimal, in the arena (snprintf costs more than the rest of the field). */
static const char *bres_int_text(bexec_ctx *cx, int64_t n)
{
    char digits[24], *p = digits + sizeof digits;
    uint64_t mag = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    *--p = '\0';
    do
        *--p = (char)('0' + mag % 10);
    while (mag /= 10);
    if (n < 0) *--p = '-';
    return arena_strndup(cx->a, p, (size_t)(digits + sizeof digits - 1 - p));
}

/* A number as a JSON number value in the arena. */
static bval bres_number(bexec_ctx *cx, const char *text)
{
    json_value *v = ARENA_NEW(cx->a, json_value);
    v->type = JSON_NUMBER;
    v->u.str = text;
    v->len = (uint32_t)strlen(text);
    return bres_json(v);
}

/* 0 when price > 1000, else weight / 2 rounded down; null without both.
 * Integers (the usual case) are computed exactly; anything else the way
 * JavaScript would, in doubles. */
static bval bres_inventory_shipping(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)field;
    const json_value *price = json_get(self->rep, "price");
    const json_value *weight = json_get(self->rep, "weight");
    if (!price || price->type == JSON_NULL || !weight || weight->type == JSON_NULL)
        return bres_null();
    int64_t p, w;
    if (bvalue_plain_int(price, &p) && bvalue_plain_int(weight, &w)) {
        int64_t estimate = p > 1000 ? 0 : w >= 0 ? w / 2 : -((1 - w) / 2);
        return bres_number(cx, bres_int_text(cx, estimate));
    }
    double estimate = bres_js_number(price) > 1000 ? 0 : floor(bres_js_number(weight) / 2);
    return bres_number(cx, isnan(estimate) ? "NaN" : arena_sprintf(cx->a, "%.17g", estimate));
}

static const bres_binding bres_inventory[] = {
    BRES_FEDERATION,
    {"Product", NULL, NULL, bres_inventory_product_ref},
    {"Product", "upc", bres_inventory_upc, NULL},
    {"Product", "weight", bres_inventory_weight, NULL},
    {"Product", "price", bres_inventory_price, NULL},
    {"Product", "inStock", bres_inventory_in_stock, NULL},
    {"Product", "shippingEstimate", bres_inventory_shipping, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- products ---- */

static bobj bres_products_product_ref(const bmodel *m, const bmodel_type *type,
                                      const json_value *rep)
{
    const bdata_product *p = bdata_product_by_upc(m->data, json_get(rep, "upc"));
    return (bobj){.type = p ? type : NULL, .row = p};
}

/* The first `first` products (default 5), with Array.prototype.slice(0, first). */
static bval bres_products_top(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)self;
    const bdata *d = cx->model->data;
    const json_value *first = bexec_arg(cx, field, "first");
    double want = first && first->type == JSON_NUMBER ? trunc(json_as_double(first))
                                                      : BRES_TOP_PRODUCTS_DEFAULT;
    if (want < 0) want += d->nproducts;
    uint32_t n = want <= 0 ? 0 : want >= d->nproducts ? d->nproducts : (uint32_t)want;
    bobj *items = ARENA_ARRAY(cx->a, bobj, n);
    for (uint32_t i = 0; i < n; i++) {
        items[i].type = cx->field->composite;
        items[i].row = &d->products[i];
    }
    return (bval){.kind = BVAL_LIST, .items = items, .count = n};
}

#define BRES_PRODUCT_TEXT(field)                                                                   \
    static bval bres_products_##field(bexec_ctx *cx, const bobj *self, const ast_selection *node)  \
    {                                                                                              \
        (void)cx, (void)node;                                                                      \
        return bres_text(((const bdata_product *)self->row)->field);                               \
    }
BRES_PRODUCT_TEXT(upc_json)
BRES_PRODUCT_TEXT(name)
BRES_PRODUCT_TEXT(price)
BRES_PRODUCT_TEXT(weight)

static const bres_binding bres_products[] = {
    BRES_FEDERATION,
    {"Query", "topProducts", bres_products_top, NULL},
    {"Product", NULL, NULL, bres_products_product_ref},
    {"Product", "upc", bres_products_upc_json, NULL},
    {"Product", "name", bres_products_name, NULL},
    {"Product", "price", bres_products_price, NULL},
    {"Product", "weight", bres_products_weight, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- reviews: User and Product are just their key here ---- */

static bobj bres_reviews_review_ref(const bmodel *m, const bmodel_type *type, const json_value *rep)
{
    const bdata_review *r = bdata_review_by_id(m->data, json_get(rep, "id"));
    return (bobj){.type = r ? type : NULL, .row = r};
}

static bobj bres_reviews_user_ref(const bmodel *m, const bmodel_type *type, const json_value *rep)
{
    (void)m;
    return (bobj){.type = type, .key = json_get(rep, "id")};
}

static bobj bres_reviews_product_ref(const bmodel *m, const bmodel_type *type,
                                     const json_value *rep)
{
    (void)m;
    return (bobj){.type = type, .key = json_get(rep, "upc")};
}

static bval bres_reviews_id(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)cx, (void)field;
    return bres_text(((const bdata_review *)self->row)->id_json);
}

static bval bres_reviews_body(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)cx, (void)field;
    return bres_text(((const bdata_review *)self->row)->body);
}

static bval bres_reviews_product(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)field;
    return bres_object(cx, NULL, ((const bdata_review *)self->row)->product_upc);
}

/* The author is {id, username}: this subgraph provides the username. */
static bval bres_reviews_author(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)field;
    const bdata_review *r = self->row;
    return bres_object(cx, r->author, r->author_id);
}

/* User.id and Product.upc: the key. */
static bval bres_reviews_key(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)cx, (void)field;
    return bres_json(self->key);
}

/* Known only for review authors; null for a User loaded from a representation. */
static bval bres_reviews_username(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)cx, (void)field;
    const bdata_user *u = self->row;
    return u ? bres_text(u->username) : bres_null();
}

static bval bres_reviews_user_reviews(bexec_ctx *cx, const bobj *self, const ast_selection *field)
{
    (void)field;
    return bres_review_list(cx,
                            self->key ? bdata_reviews_by_author(cx->model->data, self->key) : NULL);
}

static bval bres_reviews_product_reviews(bexec_ctx *cx, const bobj *self,
                                         const ast_selection *field)
{
    (void)field;
    return bres_review_list(cx, self->key ? bdata_reviews_of_product(cx->model->data, self->key)
                                          : NULL);
}

static const bres_binding bres_reviews[] = {
    BRES_FEDERATION,
    {"Review", NULL, NULL, bres_reviews_review_ref},
    {"Review", "id", bres_reviews_id, NULL},
    {"Review", "body", bres_reviews_body, NULL},
    {"Review", "product", bres_reviews_product, NULL},
    {"Review", "author", bres_reviews_author, NULL},
    {"User", NULL, NULL, bres_reviews_user_ref},
    {"User", "id", bres_reviews_key, NULL},
    {"User", "username", bres_reviews_username, NULL},
    {"User", "reviews", bres_reviews_user_reviews, NULL},
    {"Product", NULL, NULL, bres_reviews_product_ref},
    {"Product", "upc", bres_reviews_key, NULL},
    {"Product", "reviews", bres_reviews_product_reviews, NULL},
    {NULL, NULL, NULL, NULL},
};

const bres_binding *bres_table(const char *name)
{
    if (strcmp(name, "accounts") == 0) return bres_accounts;
    if (strcmp(name, "inventory") == 0) return bres_inventory;
    if (strcmp(name, "products") == 0) return bres_products;
    if (strcmp(name, "reviews") == 0) return bres_reviews;
    return NULL;
}
