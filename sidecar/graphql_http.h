/* graphql_http.h: the GraphQL-over-HTTP rules, apart from any HTTP library:
 * reading a request from a POST body or GET parameters, choosing the
 * response media type from Accept, the status code of a request error, and
 * the JSON of error responses. Pure and unit-tested. */
#ifndef FM_GRAPHQL_HTTP_H
#define FM_GRAPHQL_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "json.h"
#include "sbuf.h"

typedef enum gqlhttp_media {
    GQLHTTP_JSON,                 /* application/json */
    GQLHTTP_GRAPHQL_RESPONSE_JSON /* application/graphql-response+json */
} gqlhttp_media;

typedef struct gqlhttp_request {
    const char *query; /* NUL-terminated, in the request arena */
    size_t query_len;
    const char *operation_name;  /* NULL when absent */
    const json_value *variables; /* an object, or NULL when absent */
} gqlhttp_request;

typedef struct gqlhttp_error {
    int status;          /* HTTP status to answer with */
    const char *message; /* for the GraphQL error */
} gqlhttp_error;

/* The media type to answer in; false when the Accept header (NULL = absent)
 * names nothing we can produce (406). graphql-response+json wins when the
 * client accepts both. */
bool gqlhttp_negotiate(const char *accept, gqlhttp_media *out);
const char *gqlhttp_media_name(gqlhttp_media m);

/* A POST: Content-Type must be application/json (415 otherwise); the body a
 * JSON object with a string "query", optional "operationName" and
 * "variables" (400 otherwise). */
bool gqlhttp_parse_post(arena *a, const char *content_type, const char *body, size_t len,
                        gqlhttp_request *out, gqlhttp_error *err);
/* A GET: query parameters, "variables" as JSON text. */
bool gqlhttp_parse_get(arena *a, const char *query, const char *operation_name,
                       const char *variables, gqlhttp_request *out, gqlhttp_error *err);

/* Status for a request that failed before execution (syntax, validation,
 * variables): 400 with graphql-response+json, 200 with application/json, as
 * the GraphQL-over-HTTP specification says. */
int gqlhttp_request_error_status(gqlhttp_media m);

/* {"errors":[{"message":..,"locations":[{"line":..,"column":..}],
 *  "extensions":{"code":code}}]} from a diag list or one message. */
void gqlhttp_write_errors(sbuf *out, const diag_list *errs, const char *code);
void gqlhttp_write_error(sbuf *out, const char *message, const char *code);

#endif
