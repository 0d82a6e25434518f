/* tcp_probe.c: non-blocking TCP connect with a deadline. */
#include "probes/tcp_probe.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/clock.h"

const char *tcp_result_name(tcp_result_t r)
{
    static const char *const names[] = {"open", "refused", "timeout", "unreachable", "error"};
    return r <= TCP_ERROR ? names[r] : "error";
}

static tcp_result_t classify(int err)
{
    switch (err) {
    case 0: return TCP_OPEN;
    case ECONNREFUSED: return TCP_REFUSED;
    case ETIMEDOUT: return TCP_TIMEOUT;
    case EHOSTUNREACH: case ENETUNREACH: case EHOSTDOWN: case ENETDOWN: return TCP_UNREACHABLE;
    default: return TCP_ERROR;
    }
}

static int make_address(const char *address, int port, struct sockaddr_storage *ss, socklen_t *len)
{
    memset(ss, 0, sizeof(*ss));
    struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, address, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
        *len = sizeof(*v4);
        return AF_INET;
    }
    if (inet_pton(AF_INET6, address, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        *len = sizeof(*v6);
        return AF_INET6;
    }
    return -1;
}

void tcp_probe(const char *address, int port, int timeout_ms, tcp_probe_t *out)
{
    struct sockaddr_storage ss;
    socklen_t sslen;
    double start = clock_now_s();
    memset(out, 0, sizeof(*out));
    int family = make_address(address, port, &ss, &sslen);
    if (family < 0) {
        out->result = TCP_ERROR;
        snprintf(out->message, sizeof(out->message), "'%s' is not an IP address", address);
        return;
    }
    int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        out->result = TCP_ERROR;
        snprintf(out->message, sizeof(out->message), "socket: %s", strerror(errno));
        return;
    }
    int err = 0;
    if (connect(fd, (struct sockaddr *)&ss, sslen) != 0) {
        err = errno;
        if (err == EINPROGRESS) {
            struct pollfd p = {.fd = fd, .events = POLLOUT};
            int n = poll(&p, 1, timeout_ms);
            socklen_t elen = sizeof(err);
            if (n == 0)
                err = ETIMEDOUT;
            else if (n < 0 || getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0)
                err = errno;
        }
    }
    close(fd);
    out->result = classify(err);
    out->seconds = clock_now_s() - start;
    snprintf(out->message, sizeof(out->message), "%s port %d: %s (%.3f s)", address, port,
             out->result == TCP_OPEN ? "connected" : strerror(err), out->seconds);
}
