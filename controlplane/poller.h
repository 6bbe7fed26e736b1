/* poller.h: keeps every subgraph's SDL current. Each source is polled with
 * `{ _service { sdl } }` over HTTP (libcurl multi: all transfers on the
 * caller's thread, none blocking another) or read from its sdl_file, every
 * interval_ms give or take jitter_ms. A failed poll keeps the last good SDL,
 * records the error and backs off exponentially (2x the interval, doubling,
 * up to max_backoff_ms); the next success resets it. An SDL whose SHA-256
 * differs from the last one raises `changed`, which the caller takes to
 * recompose.
 *
 * Not thread-safe: one thread runs the poller and changes the sources;
 * poller_wakeup alone may be called from any thread. */
#ifndef CP_POLLER_H
#define CP_POLLER_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wire.h"
#include "sbuf.h"

#define POLL_MAX_RESPONSE_BYTES (16u << 20)

typedef struct poll_timing {
    uint32_t interval_ms, jitter_ms, timeout_ms, max_backoff_ms;
} poll_timing;

typedef struct poll_source {
    char *name, *url, *sdl_file; /* owned; sdl_file NULL = polled over HTTP */
    char *sdl;                   /* the last SDL read successfully (owned), or NULL */
    size_t sdl_len;
    char sdl_sha256[WIRE_SHA256_HEX_SIZE]; /* "" until the first success */
    uint64_t last_poll_ms;                 /* wall clock of the last completed poll; 0 = none */
    uint64_t last_change_ms;               /* wall clock of the last SDL change; 0 = none */
    char error[256];                       /* why the last poll failed; "" when it succeeded */
    uint64_t polls_ok, polls_failed;
    /* scheduling, private */
    uint64_t due_ms;     /* monotonic */
    uint32_t backoff_ms; /* 0 outside a failure streak */
    CURL *easy;          /* the transfer in flight, or NULL */
    sbuf body;
    char curl_error[CURL_ERROR_SIZE];
} poll_source;

typedef struct poller {
    CURLM *multi;
    struct curl_slist *headers;
    poll_source **sources;
    uint32_t nsources, cap;
    poll_timing timing;
    uint64_t rng;
    bool changed; /* an SDL changed or a source went away; the caller clears it */
} poller;

bool poller_init(poller *p, const poll_timing *t);
void poller_free(poller *p);

/* Adds a source, polled at the next poller_run. NULL when the name is taken. */
poll_source *poller_add(poller *p, const char *name, const char *url, const char *sdl_file);
/* Stops and forgets a source (a transfer in flight is dropped). */
bool poller_remove(poller *p, const char *name);
poll_source *poller_find(const poller *p, const char *name);

/* Starts the polls that are due and handles the transfers that finished;
 * returns the milliseconds until the next source is due. */
int poller_dispatch(poller *p);
/* Waits at most max_wait_ms for transfers, the extra descriptors or
 * poller_wakeup. Reads and writes no source, so another thread may read the
 * sources meanwhile (under the caller's lock). */
void poller_wait(poller *p, int max_wait_ms, struct curl_waitfd *extra, unsigned nextra);
/* poller_dispatch, poller_wait (no longer than until the next source is
 * due), poller_dispatch. */
void poller_run(poller *p, int max_wait_ms, struct curl_waitfd *extra, unsigned nextra);
void poller_wakeup(poller *p);

/* true when every source has an SDL (there may be none). */
bool poller_all_have_sdl(const poller *p);

/* Clocks, in milliseconds. */
uint64_t poller_monotonic_ms(void);
uint64_t poller_wall_ms(void);

#endif
