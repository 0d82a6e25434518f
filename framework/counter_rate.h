/* counter_rate.h: how fast an error counter grew between two polls, written once for every
 * step and report that states a rate.
 *
 * The share is errors over the frames received in the SAME interval: the growth of the error
 * counter over the growth of (good packets + errored frames).  IOS "packets input", NX-OS
 * "input packets", Junos "Input packets" and Linux rx_packets count only good packets, an
 * errored frame is counted apart, so errors / packets could read 177% when most frames were
 * bad; errors / (packets + errors) is the share of what arrived, never above 100%.  When no
 * good packet arrived the share is not a percentage worth printing: no_packets says so.  A
 * per-minute figure exists only when the interval is known (two polls with times). */
#ifndef ERDIAG_COUNTER_RATE_H
#define ERDIAG_COUNTER_RATE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    double share;    /* 0..1 of the frames received in the interval; < 0 unknown */
    double per_min;  /* errors per minute; < 0 when the interval is unknown */
    bool no_packets; /* the packet counter did not grow (errors only, or nothing at all) */
} counter_rate_t;

/* errors: growth of the error counter (>= 0); packets: growth of the good-packet counter
 * (< 0 unknown); seconds: the interval (<= 0 unknown). */
counter_rate_t counter_rate(int64_t errors, int64_t packets, double seconds);

#endif
