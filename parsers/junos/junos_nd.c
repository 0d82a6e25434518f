/* junos_nd.c: Junos "show ipv6 neighbors [ADDRESS]", IPv6 neighbor discovery, read into the
 * same arp records as "show arp" (the address is an IPv6 one, state is the ND state).
 *
 *   IPv6 Address                 Linklayer Address  State       Exp   Rtr  Secure  Interface
 *   2001:db8:c0de::2             00:22:bd:f8:19:ff  reachable   28    yes  no      xe-0/1/0.100
 *   fe80::2e6b:f5ff:fea0:123e    none               incomplete  1     no   no      ae0.0
 *   Total entries: 2
 *
 * Exp is the seconds left before the entry is checked again, not an age: age stays absent.
 * Older releases print no Secure column.  An address too long for its column is printed alone
 * on its line and the rest of the row follows on the next one. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t header_rx = RX("^IPv6 Address\\s+Linklayer Address\\s+State\\s+Exp\\s+Rtr\\s+(?:Secure\\s+)?Interface");
static rx_t lone_rx = RX("^(?<ip>[0-9a-fA-F]*:[0-9a-fA-F:.]*(?:%\\S+)?)\\s*$");
static rx_t row_rx = RX("^(?<ip>[0-9a-fA-F]*:[0-9a-fA-F:.]*(?:%\\S+)?)?\\s+"
                        "(?<mac>[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}|none)\\s+(?<state>[a-z]+)\\s+(?<exp>\\d+)\\s+"
                        "(?:yes|no)\\s+(?:(?:yes|no)\\s+)?(?<if>\\S+)(?:\\s+\\[\\S+\\])?\\s*$");
static rx_t total_rx = RX("^Total entries: \\d+");

/* One row: the address from the row itself or from the line before it. */
static int emit_row(parse_run_t *run, junos_nd_state_t *st, const rx_caps_t *c)
{
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    const char *s;
    size_t n;
    if (rx_named(c, "ip", &s, &n) && n)
        FIELD_SET(a->address, s, (long)n);
    else
        FIELD_SET(a->address, st->pending, -1);
    st->pending[0] = '\0';
    rx_named(c, "mac", &s, &n);
    a->incomplete = !tu_mac(s, n, a->mac);
    rx_copy(c, "state", a->state, sizeof(a->state));
    if (strcmp(a->state, "incomplete") == 0)
        a->incomplete = true;
    rx_copy(c, "if", a->interface, sizeof(a->interface));
    FIELD_SET(a->vrf, "default", -1);
    return parse_emit(run, &rec);
}

int junos_nd_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_nd_state_t *st = state;
    rx_caps_t c;
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&total_rx, line, len, NULL)) {
        st->total = true;
        return 0;
    }
    if (rx_match(&header_rx, line, len, NULL)) {
        st->header = true;
        return 0;
    }
    if (rx_match(&lone_rx, line, len, &c)) {
        rx_copy(&c, "ip", st->pending, sizeof(st->pending));
        return 0;
    }
    bool own_addr = len && line[0] != ' ';
    if (rx_match(&row_rx, line, len, &c) && (own_addr || st->pending[0]))
        return emit_row(run, st, &c);
    st->pending[0] = '\0';
    parse_skip(run);
    return 0;
}

int junos_nd_finish(parse_run_t *run, void *state)
{
    junos_nd_state_t *st = state;
    if (st->pending[0] || (st->header && !st->total))
        parse_truncated(run, "no \"Total entries\" line (output cut)");
    return 0;
}
