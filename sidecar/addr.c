/* addr.c: command-line addresses (see addr.h). */
#include "addr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

static bool parse_port(const char *s, int *port)
{
    char *end;
    long p = strtol(s, &end, 10);
    if (end == s || *end || p < 0 || p > 65535) return false;
    *port = (int)p;
    return true;
}

bool addr_parse(const char *s, struct sockaddr_storage *ss, socklen_t *len)
{
    const char *colon = strrchr(s, ':');
    int port;
    if (!colon || !parse_port(colon + 1, &port)) return false;
    char host[64];
    size_t hlen = (size_t)(colon - s);
    if (hlen == 0 || hlen >= sizeof host) return false;
    memcpy(host, s, hlen);
    host[hlen] = '\0';
    memset(ss, 0, sizeof *ss);
    if (host[0] == '[' && host[hlen - 1] == ']') {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
        host[hlen - 1] = '\0';
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        *len = sizeof *in6;
        return inet_pton(AF_INET6, host + 1, &in6->sin6_addr) == 1;
    }
    struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
    in4->sin_family = AF_INET;
    in4->sin_port = htons((uint16_t)port);
    *len = sizeof *in4;
    return inet_pton(AF_INET, host, &in4->sin_addr) == 1;
}

bool addr_is_loopback(const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *in4 = (const struct sockaddr_in *)ss;
        return (ntohl(in4->sin_addr.s_addr) >> 24) == 127;
    }
    if (ss->ss_family == AF_INET6)
        return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)ss)->sin6_addr);
    return false;
}
