/* poller.c: see poller.h. */
#include "poller.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "fileio.h"
#include "json.h"

static const char service_query[] = "{\"query\":\"{ _service { sdl } }\"}";

uint64_t poller_monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

uint64_t poller_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static uint64_t next_random(poller *p)
{
    p->rng ^= p->rng << 13; /* xorshift64 */
    p->rng ^= p->rng >> 7;
    p->rng ^= p->rng << 17;
    return p->rng;
}

bool poller_init(poller *p, const poll_timing *t)
{
    memset(p, 0, sizeof *p);
    p->timing = *t;
    p->rng = poller_wall_ms() ^ ((uint64_t)getpid() << 32) ^ 0x9e3779b97f4a7c15u;
    p->multi = curl_multi_init();
    p->headers = curl_slist_append(NULL, "Content-Type: application/json");
    return p->multi && p->headers;
}

static void stop_transfer(poller *p, poll_source *s)
{
    if (!s->easy) return;
    curl_multi_remove_handle(p->multi, s->easy);
    curl_easy_cleanup(s->easy);
    s->easy = NULL;
    sbuf_reset(&s->body);
}

static void free_source(poller *p, poll_source *s)
{
    stop_transfer(p, s);
    sbuf_free(&s->body);
    free(s->name);
    free(s->url);
    free(s->sdl_file);
    free(s->sdl);
    free(s);
}

void poller_free(poller *p)
{
    for (uint32_t i = 0; i < p->nsources; i++)
        free_source(p, p->sources[i]);
    free(p->sources);
    if (p->multi) curl_multi_cleanup(p->multi);
    curl_slist_free_all(p->headers);
    memset(p, 0, sizeof *p);
}

poll_source *poller_find(const poller *p, const char *name)
{
    for (uint32_t i = 0; i < p->nsources; i++)
        if (strcmp(p->sources[i]->name, name) == 0) return p->sources[i];
    return NULL;
}

poll_source *poller_add(poller *p, const char *name, const char *url, const char *sdl_file)
{
    if (poller_find(p, name)) return NULL;
    if (p->nsources == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 8;
        poll_source **grown = realloc(p->sources, cap * sizeof *grown);
        if (!grown) return NULL;
        p->sources = grown;
        p->cap = cap;
    }
    poll_source *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->name = strdup(name);
    s->url = strdup(url);
    s->sdl_file = sdl_file && *sdl_file ? strdup(sdl_file) : NULL;
    sbuf_init(&s->body);
    s->due_ms = poller_monotonic_ms();
    p->sources[p->nsources++] = s;
    return s;
}

bool poller_remove(poller *p, const char *name)
{
    for (uint32_t i = 0; i < p->nsources; i++) {
        if (strcmp(p->sources[i]->name, name) != 0) continue;
        free_source(p, p->sources[i]);
        memmove(&p->sources[i], &p->sources[i + 1], (p->nsources - i - 1) * sizeof *p->sources);
        p->nsources--;
        p->changed = true;
        return true;
    }
    return false;
}

bool poller_all_have_sdl(const poller *p)
{
    for (uint32_t i = 0; i < p->nsources; i++)
        if (!p->sources[i]->sdl) return false;
    return true;
}

/* ---- outcomes ---- */

static void schedule(poller *p, poll_source *s, uint64_t now)
{
    const poll_timing *t = &p->timing;
    if (s->backoff_ms) {
        s->due_ms = now + s->backoff_ms;
        return;
    }
    uint64_t spread = 2u * (uint64_t)t->jitter_ms + 1;
    s->due_ms = now + t->interval_ms - t->jitter_ms + next_random(p) % spread;
}

static void succeeded(poller *p, poll_source *s, const char *sdl, size_t len)
{
    char sha[WIRE_SHA256_HEX_SIZE];
    wire_sha256_hex(sdl, len, sha);
    uint64_t wall = poller_wall_ms();
    s->last_poll_ms = wall;
    s->polls_ok++;
    s->error[0] = '\0';
    s->backoff_ms = 0;
    if (strcmp(sha, s->sdl_sha256) != 0) {
        char *copy = malloc(len + 1);
        if (!copy) return;
        memcpy(copy, sdl, len);
        copy[len] = '\0';
        free(s->sdl);
        s->sdl = copy;
        s->sdl_len = len;
        memcpy(s->sdl_sha256, sha, sizeof sha);
        s->last_change_ms = wall;
        p->changed = true;
    }
}

static void failed(poller *p, poll_source *s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void failed(poller *p, poll_source *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->error, sizeof s->error, fmt, ap);
    va_end(ap);
    s->last_poll_ms = poller_wall_ms();
    s->polls_failed++;
    uint32_t max = p->timing.max_backoff_ms;
    uint64_t next = s->backoff_ms ? 2u * (uint64_t)s->backoff_ms : 2u * p->timing.interval_ms;
    s->backoff_ms = (uint32_t)(next < max ? next : max);
}

/* ---- sdl_file sources ---- */

static void read_sdl_file(poller *p, poll_source *s)
{
    size_t len = 0;
    char *text = fio_read(s->sdl_file, POLL_MAX_RESPONSE_BYTES, &len);
    if (!text) {
        failed(p, s, "%s: %s", s->sdl_file,
               errno == EFBIG ? "larger than 16 MiB" : strerror(errno));
        return;
    }
    succeeded(p, s, text, len);
    free(text);
}

/* ---- HTTP sources ---- */

static size_t on_body(char *data, size_t size, size_t n, void *userp)
{
    poll_source *s = userp;
    size_t bytes = size * n;
    if (s->body.len + bytes > POLL_MAX_RESPONSE_BYTES) return 0; /* aborts: too big */
    sbuf_append(&s->body, data, bytes);
    return bytes;
}

static bool start_transfer(poller *p, poll_source *s)
{
    CURL *e = curl_easy_init();
    if (!e) return false;
    sbuf_reset(&s->body);
    s->curl_error[0] = '\0';
    curl_easy_setopt(e, CURLOPT_URL, s->url);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, service_query);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, p->headers);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(e, CURLOPT_PRIVATE, s);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, s->curl_error);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)p->timing.timeout_ms);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    if (curl_multi_add_handle(p->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        return false;
    }
    s->easy = e;
    return true;
}

/* The SDL out of a `{ _service { sdl } }` response, or an error in s. */
static void read_response(poller *p, poll_source *s)
{
    arena a;
    arena_init(&a, 0);
    json_error jerr;
    const json_value *root =
        json_parse(&a, s->body.data ? s->body.data : "", s->body.len, 64, &jerr);
    const json_value *errors = root ? json_get(root, "errors") : NULL;
    const json_value *sdl = json_get(json_get(json_get(root, "data"), "_service"), "sdl");
    if (!root)
        failed(p, s, "the response is not JSON: %s", jerr.message);
    else if (sdl && sdl->type == JSON_STRING)
        succeeded(p, s, sdl->u.str, sdl->len);
    else if (errors && errors->type == JSON_ARRAY && errors->len > 0 &&
             json_get(&errors->u.items[0], "message") &&
             json_get(&errors->u.items[0], "message")->type == JSON_STRING)
        failed(p, s, "the subgraph answered with an error: %s",
               json_get(&errors->u.items[0], "message")->u.str);
    else
        failed(p, s, "the response has no data._service.sdl string");
    arena_free(&a);
}

static void finish_transfer(poller *p, poll_source *s, CURLcode rc)
{
    long status = 0;
    curl_easy_getinfo(s->easy, CURLINFO_RESPONSE_CODE, &status);
    if (rc == CURLE_WRITE_ERROR)
        failed(p, s, "the response is larger than 16 MiB");
    else if (rc != CURLE_OK)
        failed(p, s, "%s", s->curl_error[0] ? s->curl_error : curl_easy_strerror(rc));
    else if (status != 200)
        failed(p, s, "HTTP status %ld", status);
    else
        read_response(p, s);
    stop_transfer(p, s);
    schedule(p, s, poller_monotonic_ms());
}

static void collect_done(poller *p)
{
    CURLMsg *m;
    int left;
    while ((m = curl_multi_info_read(p->multi, &left))) {
        if (m->msg != CURLMSG_DONE) continue;
        poll_source *s = NULL;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&s);
        if (s) finish_transfer(p, s, m->data.result);
    }
}

/* Starts what is due; returns how long until the next source is due. */
static uint64_t start_due(poller *p, uint64_t now)
{
    uint64_t wait = UINT64_MAX;
    for (uint32_t i = 0; i < p->nsources; i++) {
        poll_source *s = p->sources[i];
        if (s->easy) continue;
        if (s->due_ms <= now) {
            if (s->sdl_file) {
                read_sdl_file(p, s);
                schedule(p, s, now);
            } else if (!start_transfer(p, s)) {
                failed(p, s, "cannot start an HTTP transfer");
                schedule(p, s, now);
            }
        }
        if (!s->easy && s->due_ms - now < wait) wait = s->due_ms - now;
    }
    return wait;
}

int poller_dispatch(poller *p)
{
    uint64_t until_due = start_due(p, poller_monotonic_ms());
    int running = 0;
    curl_multi_perform(p->multi, &running);
    collect_done(p);
    return until_due > INT32_MAX ? INT32_MAX : (int)until_due;
}

void poller_wait(poller *p, int max_wait_ms, struct curl_waitfd *extra, unsigned nextra)
{
    int numfds = 0;
    curl_multi_poll(p->multi, extra, nextra, max_wait_ms, &numfds);
}

void poller_run(poller *p, int max_wait_ms, struct curl_waitfd *extra, unsigned nextra)
{
    int until_due = poller_dispatch(p);
    poller_wait(p, until_due < max_wait_ms ? until_due : max_wait_ms, extra, nextra);
    poller_dispatch(p);
}

void poller_wakeup(poller *p)
{
    curl_multi_wakeup(p->multi);
}
