/* worker.h: one worker thread: its own libmicrohttpd daemon accepting on the
 * listening socket all workers share (the kernel hands each connection to
 * one of them), its own executor (curl multi handle) and plan cache, and the
 * loop that drives both. Nothing else is shared between workers but the
 * gateway: its settings, read-only, and its current-bundle slot, which the
 * worker checks at the top of every turn of its loop (worker_wake makes it
 * turn now). The socket is bound once, by main, without
 * SO_REUSEPORT: a second process on the same port is refused rather than
 * handed half of the connections. */
#ifndef FM_WORKER_H
#define FM_WORKER_H

#include <stdatomic.h>
#include <stdbool.h>

#include "counters.h"
#include "gateway.h"
#include "usage.h"

typedef struct worker worker;

/* Starts a worker accepting on `listener` (bound, listening, non-blocking);
 * NULL (with a message on stderr) on failure. The caller closes the socket
 * after every worker has stopped. */
worker *worker_start(const gateway *gw, int listener);
/* Wakes the worker's loop (from any thread), so it notices a new bundle. */
void worker_wake(worker *w);
/* Its counters, for /metrics (read from any thread). */
const worker_counters *worker_get_counters(const worker *w);
/* The operations it served since the last call, handed over about once a
 * second (the caller frees the map), or NULL (from any thread). */
usage_map *worker_take_usage(worker *w);
/* Stops accepting, lets requests in flight finish (up to drain_ms), joins
 * the thread and frees everything. */
void worker_stop(worker *w, long drain_ms);

#endif
