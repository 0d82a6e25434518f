/* ping.h: the router's own ping, one parser for every platform's wording.
 *
 * Three summary styles cover the platforms erdiag asks:
 *   Cisco (IOS, IOS-XE, IOS-XR):  "Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/4 ms"
 *   BSD (Junos, NX-OS):           "5 packets transmitted, 5 packets received, 0% packet loss"
 *                                 "round-trip min/avg/max/stddev = 0.041/0.091/0.267/0.088 ms"
 *   Linux iputils (EOS, and FRR, whose vtysh runs the system ping):
 *                                 "5 packets transmitted, 5 received, 0% packet loss, time 4005ms"
 *                                 "rtt min/avg/max/mdev = 0.041/0.091/0.267/0.088 ms"
 * Without a summary (a ping that was cut off) the replies and losses printed one by one are
 * counted: "64 bytes from X: icmp_seq=1 ... time=0.2 ms", "From X icmp_seq=2 Destination Host
 * Unreachable", "Request timeout for icmp_seq 3", "Request 4 timed out", Cisco's "!!.!!".
 *
 * One record (kind ping) per answer; every vendor table lists PING_PARSER_DEF. */
#ifndef ERDIAG_PING_H
#define ERDIAG_PING_H

#include <stdbool.h>

#include "parsers/parser.h"

typedef struct {
    record_t rec;         /* kind ping */
    bool started;
    bool summary;         /* a summary line gave sent/received */
    int64_t seen, replies; /* probes printed one by one, and those answered */
} ping_state_t;

int ping_line(parse_run_t *run, void *state, const char *line, size_t len);
int ping_finish(parse_run_t *run, void *state);

#define PING_PARSER_DEF                                                                                 \
    {.command = "ping A.B.C.D", .pattern = "^ping( .*)?$", .kind = KIND_PING,                          \
     .state_size = sizeof(ping_state_t), .line = ping_line, .finish = ping_finish}

#endif
