/* freeport.h: a TCP port on 127.0.0.1 for a test to listen on, or to find
 * nobody listening on. Always below Linux's ephemeral range (32768-60999):
 * there an outgoing connection of any process can take the port between the
 * check and the test's own bind, and a connection to an unbound port in that
 * range can even be given that port as its source and connect to itself.
 * Candidates start at an offset from the process id, so that test binaries
 * running side by side rarely try the same ones. */
#ifndef FM_FREEPORT_H
#define FM_FREEPORT_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define FREEPORT_FIRST 20000
#define FREEPORT_COUNT 12000 /* up to 31999 */

/* true when nothing is bound to 127.0.0.1:port now. */
static inline int freeport_is_free(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return 0;
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_port = htons((unsigned short)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int ok = bind(fd, (struct sockaddr *)&a, sizeof a) == 0;
    close(fd);
    return ok;
}

/* A port nothing is bound to, never the same twice in a process (a test may
 * take one and bind it only later); aborts when the whole range is taken. */
static inline int freeport_take(void)
{
    static int next = -1;
    if (next < 0) next = (int)(getpid() % FREEPORT_COUNT);
    for (int tries = 0; tries < FREEPORT_COUNT; tries++) {
        int port = FREEPORT_FIRST + next;
        next = (next + 1) % FREEPORT_COUNT;
        if (freeport_is_free(port)) return port;
    }
    abort();
}

#endif
