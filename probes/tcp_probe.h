/* tcp_probe.h: "can this host open TCP to peer:179?" from the console host.
 * Refused, timed out and no route are different findings: a firewall that drops gives a
 * timeout, a host with nothing listening a refusal, a missing route an unreachable. */
#ifndef ERDIAG_TCP_PROBE_H
#define ERDIAG_TCP_PROBE_H

typedef enum { TCP_OPEN, TCP_REFUSED, TCP_TIMEOUT, TCP_UNREACHABLE, TCP_ERROR } tcp_result_t;

typedef struct {
    tcp_result_t result;
    double seconds;
    char message[160];
} tcp_probe_t;

/* Connects to address:port within timeout_ms (non-blocking connect + poll). */
void tcp_probe(const char *address, int port, int timeout_ms, tcp_probe_t *out);
const char *tcp_result_name(tcp_result_t r); /* open | refused | timeout | unreachable | error */

#endif
