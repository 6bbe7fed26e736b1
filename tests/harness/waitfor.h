/* waitfor.h: waiting for a condition instead of guessing how long it takes.
 * CI runs on two shared cores, where what takes a millisecond here can take
 * a second; a test that sleeps a guessed time and then checks fails there.
 *
 *   WAIT_FOR(bundle_live_count() == 1);
 *   CHECK_INT(bundle_live_count(), 1);
 *
 * polls the condition every 10 ms until it holds or WAITFOR_PATIENCE_MS
 * pass: a bound that only a real failure reaches, which the CHECK after it
 * then reports in its own words. */
#ifndef FM_WAITFOR_H
#define FM_WAITFOR_H

#include <time.h>

#define WAITFOR_PATIENCE_MS 20000

static inline long waitfor_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static inline void waitfor_sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
}

#define WAIT_FOR(cond)                                                                             \
    for (long waitfor_end_ = waitfor_now_ms() + WAITFOR_PATIENCE_MS;                               \
         !(cond) && waitfor_now_ms() < waitfor_end_;)                                              \
    waitfor_sleep_ms(10)

#endif
