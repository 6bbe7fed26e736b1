/* data.h: the benchmark's in-memory data set (data.json): users, products,
 * inventory and reviews, loaded once at start-up and read-only afterwards, so
 * every server thread reads it without locks. Scalar fields are kept already
 * rendered as JSON text, because answering a request is mostly copying them
 * into the response. Everything lives in the arena given to bdata_load. */
#ifndef BENCH_DATA_H
#define BENCH_DATA_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "json.h"

/* A scalar already rendered as JSON ("\"Ada\"", "899", "true"); s is NULL
 * when the value is null or absent. */
typedef struct bdata_text {
    const char *s;
    uint32_t len;
} bdata_text;

typedef struct bdata_review bdata_review;

/* The reviews that share one author or one product, in data.json order. */
typedef struct bdata_review_list {
    const json_value *key; /* the author's id or the product's upc, a JSON string */
    const bdata_review **items;
    uint32_t count;
} bdata_review_list;

typedef struct bdata_user {
    const json_value *id; /* JSON string: representations are matched against it */
    bdata_text id_json, name, username, birthday;
} bdata_user;

typedef struct bdata_product {
    const json_value *upc;
    bdata_text upc_json, name, price, weight;
} bdata_product;

typedef struct bdata_stock {
    const json_value *upc;
    bdata_text in_stock;
} bdata_stock;

struct bdata_review {
    const json_value *id;
    bdata_text id_json, body;
    const json_value *product_upc; /* the reviewed product, by key */
    const json_value *author_id;   /* the author, by key */
    const bdata_user *author;      /* NULL when no user has that id */
};

typedef struct bdata {
    bdata_user *users;
    uint32_t nusers;
    bdata_product *products;
    uint32_t nproducts;
    bdata_stock *stock;
    uint32_t nstock;
    bdata_review *reviews;
    uint32_t nreviews;
    bdata_review_list *by_author, *by_product;
    uint32_t nby_author, nby_product;
} bdata;

/* Parses data.json text into *d. On failure returns false and writes a
 * one-line reason into why[0..why_len). */
bool bdata_load(bdata *d, arena *a, const char *text, size_t len, char *why, size_t why_len);

/* Look-ups by key, with JavaScript Map semantics: only a string equal to a
 * stored key matches (a number 1 does not find "1"). NULL when absent. */
const bdata_user *bdata_user_by_id(const bdata *d, const json_value *id);
const bdata_product *bdata_product_by_upc(const bdata *d, const json_value *upc);
const bdata_stock *bdata_stock_by_upc(const bdata *d, const json_value *upc);
const bdata_review *bdata_review_by_id(const bdata *d, const json_value *id);
/* The reviews written by that author / of that product; NULL when none. */
const bdata_review_list *bdata_reviews_by_author(const bdata *d, const json_value *id);
const bdata_review_list *bdata_reviews_of_product(const bdata *d, const json_value *upc);

/* True when v is a JSON string equal to key (a JSON string too). */
bool bdata_key_equal(const json_value *v, const json_value *key);

#endif
