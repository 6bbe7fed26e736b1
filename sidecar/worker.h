/* worker.h: one worker thread: its own libmicrohttpd daemon on the shared
 * listening address (SO_REUSEPORT, so the kernel spreads connections over
 * the workers), its own executor (curl multi handle) and plan cache, and the
 * loop that drives both. Nothing is shared between workers but the
 * read-only gateway. */
#ifndef FM_WORKER_H
#define FM_WORKER_H

#include <netinet/in.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "gateway.h"

typedef struct worker worker;

/* Binds and starts the thread; NULL (with a message on stderr) on failure. */
worker *worker_start(const gateway *gw, const struct sockaddr *addr, socklen_t addrlen);
/* Stops accepting, lets requests in flight finish (up to drain_ms), joins
 * the thread and frees everything. */
void worker_stop(worker *w, long drain_ms);

#endif
