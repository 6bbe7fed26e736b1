/* addr.h: HOST:PORT addresses of the command line (--listen, --admin):
 * parsing into a socket address, and whether it is a loopback one (the admin
 * endpoint wants a token otherwise). */
#ifndef FM_ADDR_H
#define FM_ADDR_H

#include <stdbool.h>
#include <sys/socket.h>

/* "HOST:PORT" with an IPv4 host, or "[IPv6]:PORT"; port 0 means any. */
bool addr_parse(const char *s, struct sockaddr_storage *ss, socklen_t *len);
/* 127.0.0.0/8 or ::1. */
bool addr_is_loopback(const struct sockaddr_storage *ss);

#endif
