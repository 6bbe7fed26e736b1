/* fetch.c: subgraph HTTP requests on a libcurl multi handle (see fetch.h). */
#include "fetch.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fetch_transfer {
    CURL *easy;
    sbuf request;
    sbuf response;
    fetch_done_fn *done;
    void *ctx;
    char error[CURL_ERROR_SIZE];
    size_t max_response;
    bool too_large;
    long timeout_ms;
    fetch_transfer *next_free;
};

struct fetch_client {
    CURLM *multi;
    struct curl_slist *headers;
    long connect_timeout_ms;
    size_t max_response;
    fetch_transfer *free_list;
    uint32_t in_flight;
    /* Every transfer ever made, to free them with the client. */
    fetch_transfer **all;
    uint32_t nall, capall;
};

static void *fetch_xalloc(size_t n)
{
    void *p = calloc(1, n);
    if (!p) abort();
    return p;
}

fetch_client *fetch_client_new(long connect_timeout_ms, uint32_t max_connections_per_host,
                               size_t max_response_bytes)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    fetch_client *c = fetch_xalloc(sizeof *c);
    c->multi = curl_multi_init();
    c->connect_timeout_ms = connect_timeout_ms;
    c->max_response = max_response_bytes;
    curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)max_connections_per_host);
    curl_multi_setopt(c->multi, CURLMOPT_MAXCONNECTS, (long)max_connections_per_host * 4);
    c->headers = curl_slist_append(NULL, "Content-Type: application/json");
    c->headers = curl_slist_append(c->headers, "Accept: application/json");
    /* No "Expect: 100-continue" round trip for large bodies. */
    c->headers = curl_slist_append(c->headers, "Expect:");
    return c;
}

void fetch_client_free(fetch_client *c)
{
    if (!c) return;
    for (uint32_t i = 0; i < c->nall; i++) {
        fetch_transfer *t = c->all[i];
        curl_multi_remove_handle(c->multi, t->easy);
        curl_easy_cleanup(t->easy);
        sbuf_free(&t->request);
        sbuf_free(&t->response);
        free(t);
    }
    free(c->all);
    curl_multi_cleanup(c->multi);
    curl_slist_free_all(c->headers);
    free(c);
}

CURLM *fetch_client_multi(fetch_client *c)
{
    return c->multi;
}

uint32_t fetch_in_flight(const fetch_client *c)
{
    return c->in_flight;
}

static size_t on_body(char *data, size_t size, size_t n, void *userdata)
{
    fetch_transfer *t = userdata;
    if (size * n > t->max_response - t->response.len) {
        t->too_large = true;
        return 0; /* curl stops the transfer */
    }
    sbuf_append(&t->response, data, size * n);
    return size * n;
}

fetch_transfer *fetch_new(fetch_client *c, sbuf **body)
{
    fetch_transfer *t = c->free_list;
    if (t) {
        c->free_list = t->next_free;
    } else {
        t = fetch_xalloc(sizeof *t);
        t->easy = curl_easy_init();
        if (!t->easy) abort();
        sbuf_init(&t->request);
        sbuf_init(&t->response);
        if (c->nall == c->capall) {
            c->capall = c->capall ? c->capall * 2 : 16;
            c->all = realloc(c->all, sizeof *c->all * c->capall);
            if (!c->all) abort();
        }
        c->all[c->nall++] = t;
    }
    sbuf_reset(&t->request);
    sbuf_reset(&t->response);
    *body = &t->request;
    return t;
}

void fetch_send(fetch_client *c, fetch_transfer *t, const char *url, long timeout_ms,
                fetch_done_fn *done, void *ctx)
{
    CURL *e = t->easy;
    t->done = done;
    t->ctx = ctx;
    t->max_response = c->max_response;
    t->timeout_ms = timeout_ms;
    t->too_large = false;
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request.data ? t->request.data : "");
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)t->request.len);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, c->headers);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
    curl_multi_add_handle(c->multi, e);
    c->in_flight++;
}

/* Why a transfer failed, in words that do not change from run to run (curl's
 * own messages carry elapsed milliseconds). */
static const char *failure_reason(fetch_client *c, fetch_transfer *t, CURLcode code)
{
    long os_errno = 0;
    if (t->too_large) {
        snprintf(t->error, sizeof t->error, "the response is larger than %zu bytes",
                 t->max_response);
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        /* The time until the request went out: 0 when it never did. Not
         * CURLINFO_CONNECT_TIME, which is 0 on a reused keep-alive
         * connection too, where the wait was for the response. */
        double sent = 0;
        curl_easy_getinfo(t->easy, CURLINFO_PRETRANSFER_TIME, &sent);
        if (sent > 0)
            snprintf(t->error, sizeof t->error, "no response within %ld ms", t->timeout_ms);
        else
            snprintf(t->error, sizeof t->error, "could not connect within %ld ms",
                     c->connect_timeout_ms < t->timeout_ms ? c->connect_timeout_ms : t->timeout_ms);
    } else if (code == CURLE_COULDNT_CONNECT &&
               curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, &os_errno) == CURLE_OK && os_errno) {
        snprintf(t->error, sizeof t->error, "could not connect: %s", strerror((int)os_errno));
    } else {
        snprintf(t->error, sizeof t->error, "%s", curl_easy_strerror(code));
    }
    return t->error;
}

static void finish(fetch_client *c, CURL *easy, CURLcode code)
{
    fetch_transfer *t = NULL;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&t);
    curl_multi_remove_handle(c->multi, easy);
    c->in_flight--;
    fetch_result r = {0};
    if (t->too_large || code != CURLE_OK) {
        r.error = failure_reason(c, t, code);
    } else {
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &r.status);
        sbuf_putc(&t->response, '\0');
        t->response.len--;
        r.body = t->response.data;
        r.len = t->response.len;
    }
    t->done(t->ctx, &r);
    t->next_free = c->free_list;
    c->free_list = t;
}

void fetch_drive(fetch_client *c)
{
    bool finished_any;
    do {
        int running = 0, queued = 0;
        finished_any = false;
        curl_multi_perform(c->multi, &running);
        CURLMsg *m;
        while ((m = curl_multi_info_read(c->multi, &queued))) {
            if (m->msg != CURLMSG_DONE) continue;
            finish(c, m->easy_handle, m->data.result);
            finished_any = true;
        }
    } while (finished_any);
}
