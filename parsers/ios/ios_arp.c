/* ios_arp.c: IOS "show ip arp [vrf X]" and "show arp".
 *
 *   Protocol  Address          Age (min)  Hardware Addr   Type   Interface
 *   Internet  192.168.100.129         -   00a3.d14f.2a10  ARPA   GigabitEthernet0/0/0
 *   Internet  192.168.100.130        12   0012.f2a1.0c01  ARPA   GigabitEthernet0/0/0
 *   Internet  192.168.100.134         0   Incomplete      ARPA
 *
 * Age is in minutes; "-" marks the router's own addresses (state "interface", as IOS-XR names
 * them), which have no age. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^Protocol\\s+Address\\s+Age");
static rx_t row_rx = RX("^(?<proto>\\S+)\\s+(?<addr>[0-9A-Fa-f:.]+)\\s+(?<age>\\d+|-)\\s+(?<mac>\\S+)\\s+(?<type>\\S+)"
                        "(?:\\s+(?<if>\\S+))?\\s*$");

int ios_arp_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (ios_blank(line, len) || rx_match(&head_rx, line, len, NULL))
        return 0;
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    const char *s;
    size_t n;
    rx_copy(&c, "addr", a->address, sizeof(a->address));
    rx_named(&c, "mac", &s, &n);
    if (tu_eq(s, n, "Incomplete")) {
        a->incomplete = true;
        FIELD_SET(a->state, "incomplete", -1);
    } else if (!tu_mac(s, n, a->mac)) {
        parse_skip(run);
        return 0;
    }
    a->age = tu_scale(rx_int(&c, "age"), 60, 1); /* minutes */
    rx_named(&c, "age", &s, &n);
    if (!a->incomplete && tu_eq(s, n, "-"))
        FIELD_SET(a->state, "interface", -1);
    rx_copy(&c, "if", a->interface, sizeof(a->interface));
    ios_command_vrf(run, a->vrf, sizeof(a->vrf));
    return parse_emit(run, &rec);
}
