/* textutil.h: small conversions every vendor parser needs (numbers, durations, ASNs, states,
 * MAC addresses, prefixes).  All take (pointer, length) so they work on regex captures. */
#ifndef ERDIAG_TEXTUTIL_H
#define ERDIAG_TEXTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"

void tu_trim(const char **s, size_t *len);
bool tu_eq(const char *s, size_t len, const char *word);       /* exact, case-insensitive */
bool tu_starts(const char *s, size_t len, const char *prefix); /* case-insensitive */
/* ---- Checked numbers ----
 * Every conversion of device text to a number goes through these helpers.  A number that
 * does not fit (an int64 overflow, or a value beyond what the field can hold) comes back as
 * MODEL_ABSENT and is counted; the parse driver (parsers/run.c) turns the count into a
 * partial result.  So a number out of range is left out, never printed wrong or negative.
 * The count is per thread: parsers run in the probe runner's worker threads. */
void tu_note_range_error(void);
/* The count since the last call, reset to zero. */
unsigned tu_take_range_errors(void);

/* Decimal digits only ("1234") -> number; anything else -> MODEL_ABSENT (counted when the
 * text is all digits but does not fit). */
int64_t tu_digits(const char *s, size_t len);
/* "1,234" / "1234" / "-5" -> number; anything else -> MODEL_ABSENT. */
int64_t tu_int(const char *s, size_t len);
/* tu_int() limited to [0, max]: a number outside it is MODEL_ABSENT and counted. */
int64_t tu_int_max(const char *s, size_t len, int64_t max);
/* Unsigned decimal "12", "12.5", ".5" -> *out within [0, max]; false when not such a number,
 * and counted when it is one but out of range. */
bool tu_real(const char *s, size_t len, double max, double *out);
/* A double rounded to an integer; NaN, infinities and values beyond int64 -> MODEL_ABSENT,
 * counted. */
int64_t tu_round(double v);
/* v * mul / div (mul, div > 0), for unit changes ("1000 usec" -> 1 ms); MODEL_ABSENT stays
 * absent, a negative v or an overflow becomes MODEL_ABSENT (counted). */
int64_t tu_scale(int64_t v, int64_t mul, int64_t div);
/* *acc += a * b with overflow checks (durations: total += count * unit seconds); false, and
 * counted, when the result does not fit: the caller then drops the value. */
bool tu_add_product(int64_t *acc, int64_t a, int64_t b);
/* Uptimes as routers print them -> seconds, or MODEL_ABSENT ("never", "-", garbage):
 * "1w2d", "2d03h", "1y10w", "00:20:06", "9w2d 5:23:37", "21 minutes, 40 seconds",
 * "40week(s) 5day(s)", "3d04h05m", "1 hour and 5 minutes" (EOS), "0.106174" (seconds), and ISO 8601
 * "P1DT2H3M4S" (NX-API). */
int64_t tu_duration(const char *s, size_t len);
/* asplain "4200000000" or asdot "64512.100" -> asplain. */
int64_t tu_asn(const char *s, size_t len);
/* "Estab", "Established", "Idle (Admin)", "Active", "Shut (Admin)", "OpenConfirm"... */
bgp_state_t tu_bgp_state(const char *s, size_t len, bool *admin_down);
/* "Connections established 2; dropped 1" (IOS, IOS-XR, EOS, FRR) or "..., dropped 1" (NX-OS),
 * leading blanks allowed -> the two counts; false (nothing set) for any other line. */
bool tu_connections(const char *s, size_t len, int64_t *established, int64_t *dropped);
/* "up", "down", "administratively down", "up (connected)", "notconnect", "disabled"... */
updown_t tu_updown(const char *s, size_t len);
/* Any MAC notation -> "aa:bb:cc:dd:ee:ff"; false if not 12 hex digits. */
bool tu_mac(const char *s, size_t len, char out[MAC_LEN]);
/* Address or prefix text -> canonical CIDR ("10.1.0.0/16"); "10.1.0.0" + mask or len forms are
 * handled by the callers.  host keeps host bits (interface addresses: "10.0.0.1/30").  A bare
 * address comes back as a bare address. */
bool tu_prefix(const char *s, size_t len, bool host, char *out, size_t size);
bool tu_is_ip(const char *s, size_t len);
/* A rate and its unit ("1000", "bits/sec" | "kbps" | "Mbps" | "Gbps") -> bits per second. */
int64_t tu_rate_bps(const char *value, size_t vlen, const char *unit, size_t ulen);
/* Cisco-style one/two-letter route codes ("C", "L", "O E2", "B", "D EX", "i L2") -> the
 * contract's protocol word; NULL when unknown. */
const char *tu_route_code_protocol(const char *code, size_t len);
/* A protocol word as vendors spell it ("Direct", "OSPF", "bgp-65004", "Static") -> contract word. */
const char *tu_protocol_word(const char *s, size_t len);

/* The BGP address family a normalised command names, worded as Cisco prints it in its own
 * "For address family:" lines: "show bgp ipv6 unicast summary" -> "IPv6 Unicast", "... vpnv6
 * ..." -> "VPNv6 Unicast", "... ipv4 multicast ..." -> "IPv4 Multicast".  "" when it names
 * none.  out is caller-owned. */
void tu_command_af(const char *command_norm, char *out, size_t size);

#endif
