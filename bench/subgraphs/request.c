/* request.c: one GraphQL request, body to response (see request.h). */
#include "request.h"

#include <string.h>

#include "exec.h"
#include "json.h"
#include "value.h"

/* The graphql-js message for a query that is not a string. */
static void breq_bad_source(arena *a, const json_value *query, sbuf *out)
{
    sbuf msg;
    sbuf_init(&msg);
    sbuf_puts(&msg, "Body must be a string. Received: ");
    if (query)
        bvalue_inspect(&msg, query);
    else
        sbuf_puts(&msg, "undefined");
    sbuf_putc(&msg, '.');
    bexec_write_error(out, arena_strndup(a, msg.data, msg.len));
    sbuf_free(&msg);
}

void breq_answer(const bmodel *m, bcache *cache, arena *a, const char *body, size_t len, sbuf *out,
                 sbuf *scratch)
{
    json_error err;
    const json_value *req = json_parse(a, body, len, 0, &err);
    if (!req) {
        bexec_write_error(out, err.message);
        return;
    }
    const json_value *query = json_get(req, "query");
    if (!query || query->type != JSON_STRING) {
        breq_bad_source(a, query, out);
        return;
    }
    bcache_doc doc = bcache_get(cache, query->u.str, query->len, a);
    if (!doc.doc) {
        sbuf_reset(out);
        sbuf_append(out, doc.errors, doc.errors_len);
        return;
    }
    const json_value *name = json_get(req, "operationName");
    bexec_run(a, m, doc.doc, name && name->type == JSON_STRING ? name->u.str : NULL,
              json_get(req, "variables"), out, scratch);
}
