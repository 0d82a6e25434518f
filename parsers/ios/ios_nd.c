/* ios_nd.c: IOS / IOS-XE "show ipv6 neighbors [ADDR] [vrf X]": IPv6 neighbor discovery, read
 * into the ARP record (the same facts: address, link-layer address, interface, age, state).
 *
 *   IPv6 Address                              Age Link-layer Addr State Interface
 *   2001:DB8:C0DE::2                            0 0012.f2a1.0c01  REACH Gi0/0/0.100
 *   FE80::212:F2FF:FEA1:C01                     1 0012.f2a1.0c01  STALE Gi0/0/0.100
 *   2001:DB8:C0DE::6                            0 -               INCMP Gi0/0/1.100
 *
 * IOS-XR prints the same table with a Location column after the interface, its age in
 * seconds (ios_nd_row() takes the unit).  Age is in minutes, "-" for a static entry.  The state stays as IOS prints it (REACH, STALE,
 * DELAY, PROBE, INCMP); INCMP is also "incomplete", as an unanswered ARP entry is. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^IPv6 Address\\s+Age\\s+Link-layer");
/* IOS-XR adds a Location column ("0/0/CPU0") */
static rx_t row_rx = RX("^(?<addr>[0-9A-Fa-f:.]+)\\s+(?<age>\\d+|-)\\s+(?<mac>[0-9A-Fa-f.]+|-)\\s+"
                        "(?<st>INCMP|REACH|STALE|DELAY|PROBE|VERIFY|DELETE|\\?)\\s+(?<if>\\S+)(?:\\s+(?<loc>\\d+/\\S+))?\\s*$");

int ios_nd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    return ios_nd_row(run, line, len, 60, false);
}

int ios_nd_row(parse_run_t *run, const char *line, size_t len, int64_t age_unit, bool location)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (ios_blank(line, len) || rx_match(&head_rx, line, len, NULL))
        return 0;
    /* a row cut in its interface name still looks whole unless its Location must follow */
    if (!rx_match(&row_rx, line, len, &c) || (location && !rx_named(&c, "loc", &s, &n)) ||
        !rx_named(&c, "addr", &s, &n) || !tu_is_ip(s, n)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    FIELD_SET(a->address, s, (long)n);
    rx_copy(&c, "st", a->state, sizeof(a->state));
    a->incomplete = strcmp(a->state, "INCMP") == 0;
    rx_named(&c, "mac", &s, &n);
    if (!tu_eq(s, n, "-") && !tu_mac(s, n, a->mac)) {
        parse_skip(run);
        return 0;
    }
    a->age = tu_scale(rx_int(&c, "age"), age_unit, 1); /* "-" (static) stays absent */
    rx_copy(&c, "if", a->interface, sizeof(a->interface));
    ios_command_vrf(run, a->vrf, sizeof(a->vrf));
    return parse_emit(run, &rec);
}
