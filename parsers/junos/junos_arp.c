/* junos_arp.c: Junos "show arp [no-resolve] [interface X]".
 *
 *   MAC Address       Address         Interface                Flags
 *   00:05:86:71:1a:c1 192.168.100.130 ge-0/0/0.0               none
 *   00:05:86:71:1a:c2 10.1.20.5       irb.20 [xe-0/0/1.0]      permanent remote
 *   Total entries: 2
 *
 * Without no-resolve a Name column sits between Address and Interface. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t header_rx = RX("^MAC Address\\s+Address\\s+(?<name>Name\\s+)?Interface");
static rx_t row_rx = RX("^(?<mac>[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\\s+(?<ip>[0-9a-fA-F.:]+)\\s+(?<rest>.*?)\\s*$");
static rx_t total_rx = RX("^Total entries: \\d+");

int junos_arp_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_arp_state_t *st = state;
    rx_caps_t c;
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&total_rx, line, len, NULL)) {
        st->total = true;
        return 0;
    }
    if (rx_match(&header_rx, line, len, &c)) {
        const char *s;
        size_t n;
        st->name_col = rx_named(&c, "name", &s, &n);
        st->header = true;
        return 0;
    }
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    const char *s, *rest;
    size_t n, rn;
    rx_named(&c, "mac", &s, &n);
    tu_mac(s, n, a->mac);
    rx_copy(&c, "ip", a->address, sizeof(a->address));
    rx_named(&c, "rest", &rest, &rn);
    /* rest: [name] interface ["[" member "]"] flags... */
    size_t i = 0;
    int field = st->name_col ? 0 : 1;
    while (i < rn) {
        while (i < rn && rest[i] == ' ')
            i++;
        size_t start = i;
        while (i < rn && rest[i] != ' ')
            i++;
        if (i == start)
            break;
        if (rest[start] == '[') { /* the member port of an irb/vlan interface */
            while (i < rn && rest[i - 1] != ']')
                i++;
            continue;
        }
        if (field == 1)
            FIELD_SET(a->interface, rest + start, (long)(i - start));
        else if (field >= 2) {
            while (start < rn && rest[start] == ' ')
                start++;
            FIELD_SET(a->state, rest + start, (long)(rn - start));
            break;
        }
        field++;
    }
    FIELD_SET(a->vrf, "default", -1);
    junos_command_arg(run, "vpn", a->vrf, sizeof(a->vrf));
    return parse_emit(run, &rec);
}

int junos_arp_finish(parse_run_t *run, void *state)
{
    junos_arp_state_t *st = state;
    if (st->header && !st->total)
        parse_truncated(run, "no \"Total entries\" line (output cut)");
    return 0;
}
