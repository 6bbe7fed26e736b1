/* graphql_http.c: GraphQL-over-HTTP request reading, content negotiation
 * and error bodies (see graphql_http.h). */
#include "graphql_http.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MEDIA_JSON "application/json"
#define MEDIA_GRAPHQL_RESPONSE "application/graphql-response+json"

const char *gqlhttp_media_name(gqlhttp_media m)
{
    return m == GQLHTTP_GRAPHQL_RESPONSE_JSON ? MEDIA_GRAPHQL_RESPONSE : MEDIA_JSON;
}

/* The q= weight of one Accept entry's parameters [p, end): 1 when absent. */
static double accept_weight(const char *p, const char *end)
{
    for (; p && p < end; p = memchr(p + 1, ';', (size_t)(end - p - 1))) {
        const char *q = p + 1;
        while (q < end && *q == ' ') q++;
        if (end - q >= 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=') return strtod(q + 2, NULL);
        if (p + 1 >= end) break;
    }
    return 1.0;
}

/* Whether the comma-separated Accept list names `type` with a weight above 0. */
static bool accept_has(const char *accept, const char *type)
{
    size_t tlen = strlen(type);
    for (const char *p = accept; *p;) {
        while (*p == ' ' || *p == ',') p++;
        const char *end = p + strcspn(p, ",");
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *name_end = semi ? semi : end;
        while (name_end > p && name_end[-1] == ' ') name_end--;
        if ((size_t)(name_end - p) == tlen && strncasecmp(p, type, tlen) == 0 &&
            accept_weight(semi, end) > 0)
            return true;
        p = end;
    }
    return false;
}

bool gqlhttp_negotiate(const char *accept, gqlhttp_media *out)
{
    if (!accept || !*accept) {
        *out = GQLHTTP_JSON;
        return true;
    }
    if (accept_has(accept, MEDIA_GRAPHQL_RESPONSE)) {
        *out = GQLHTTP_GRAPHQL_RESPONSE_JSON;
        return true;
    }
    if (accept_has(accept, MEDIA_JSON) || accept_has(accept, "*/*") ||
        accept_has(accept, "application/*")) {
        *out = GQLHTTP_JSON;
        return true;
    }
    return false;
}

static bool fail(gqlhttp_error *err, int status, const char *message)
{
    err->status = status;
    err->message = message;
    return false;
}

/* Reads query, operationName and variables out of a parsed JSON object. */
static bool read_fields(arena *a, const json_value *query, const json_value *name,
                        const json_value *variables, gqlhttp_request *out, gqlhttp_error *err)
{
    (void)a;
    if (!query || query->type != JSON_STRING)
        return fail(err, 400, "Must provide query string.");
    out->query = query->u.str;
    out->query_len = query->len;
    out->operation_name = NULL;
    if (name && name->type == JSON_STRING) out->operation_name = name->u.str;
    else if (name && name->type != JSON_NULL)
        return fail(err, 400, "\"operationName\" must be a string.");
    out->variables = NULL;
    if (variables && variables->type == JSON_OBJECT) out->variables = variables;
    else if (variables && variables->type != JSON_NULL)
        return fail(err, 400, "Variables must be provided as an Object.");
    return true;
}

bool gqlhttp_parse_post(arena *a, const char *content_type, const char *body, size_t len,
                        gqlhttp_request *out, gqlhttp_error *err)
{
    size_t n = content_type ? strcspn(content_type, ";") : 0;
    while (n > 0 && content_type[n - 1] == ' ') n--;
    if (!content_type || n != strlen(MEDIA_JSON) || strncasecmp(content_type, MEDIA_JSON, n) != 0)
        return fail(err, 415, "Content-Type must be application/json.");
    json_error jerr;
    const json_value *doc = json_parse(a, body, len, 0, &jerr);
    if (!doc) return fail(err, 400, arena_sprintf(a, "Invalid JSON body: %s", jerr.message));
    if (doc->type != JSON_OBJECT)
        return fail(err, 400, "The request body must be a JSON object.");
    return read_fields(a, json_get(doc, "query"), json_get(doc, "operationName"),
                       json_get(doc, "variables"), out, err);
}

bool gqlhttp_parse_get(arena *a, const char *query, const char *operation_name,
                       const char *variables, gqlhttp_request *out, gqlhttp_error *err)
{
    if (!query) return fail(err, 400, "Must provide query string.");
    out->query = query;
    out->query_len = strlen(query);
    out->operation_name = operation_name && *operation_name ? operation_name : NULL;
    out->variables = NULL;
    if (variables && *variables) {
        json_error jerr;
        const json_value *v = json_parse(a, variables, strlen(variables), 0, &jerr);
        if (!v || (v->type != JSON_OBJECT && v->type != JSON_NULL))
            return fail(err, 400, "Variables are invalid JSON.");
        if (v->type == JSON_OBJECT) out->variables = v;
    }
    return true;
}

int gqlhttp_request_error_status(gqlhttp_media m)
{
    return m == GQLHTTP_GRAPHQL_RESPONSE_JSON ? 400 : 200;
}

static void write_one(sbuf *out, const char *message, const src_loc *locs, uint32_t nlocs,
                      const char *code)
{
    sbuf_puts(out, "{\"message\":");
    sbuf_json_string(out, message, strlen(message));
    if (nlocs) {
        sbuf_puts(out, ",\"locations\":[");
        for (uint32_t i = 0; i < nlocs; i++)
            sbuf_printf(out, "%s{\"line\":%u,\"column\":%u}", i ? "," : "", locs[i].line,
                        locs[i].column);
        sbuf_putc(out, ']');
    }
    if (code) sbuf_printf(out, ",\"extensions\":{\"code\":\"%s\"}", code);
    sbuf_putc(out, '}');
}

void gqlhttp_write_errors(sbuf *out, const diag_list *errs, const char *code)
{
    sbuf_puts(out, "{\"errors\":[");
    for (const diag *e = errs->first; e; e = e->next) {
        if (e != errs->first) sbuf_putc(out, ',');
        write_one(out, e->message, e->locs, e->nlocs, code);
    }
    sbuf_puts(out, "]}");
}

void gqlhttp_write_error(sbuf *out, const char *message, const char *code)
{
    sbuf_puts(out, "{\"errors\":[");
    write_one(out, message, NULL, 0, code);
    sbuf_puts(out, "]}");
}
