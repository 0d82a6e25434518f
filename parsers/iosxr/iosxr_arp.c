/* iosxr_arp.c: IOS-XR "show arp [vrf X]" (one table per line card).
 *
 *   -------------------------------------------------------------------------------
 *   0/0/CPU0
 *   -------------------------------------------------------------------------------
 *   Address         Age        Hardware Addr   State      Type  Interface
 *   192.168.100.129 -          5087.8966.5329  Interface  ARPA  GigabitEthernet0/0/0/0
 *   192.168.100.130 00:12:34   0012.3456.789a  Dynamic    ARPA  GigabitEthernet0/0/0/0
 *
 * "show arp detail" puts a Flag column where the Type was (some releases print both):
 *
 *   Address         Age        Hardware Addr   State      Flag       Interface
 *   192.168.100.130 00:12:34   0012.3456.789a  Dynamic    Dynamic    GigabitEthernet0/0/0/0
 *   10.255.0.1      02:01:17   02aa.bb00.0c01  Dynamic    EVPN-SYNC  MgmtEth0/RP0/CPU0/0
 *
 * The header is matched whole, so a capture cut inside it is reported, not taken for one. */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^Address\\s+Age\\s+Hardware Addr\\s+State\\s+(?:Type\\s+)?(?:Flag\\s+)?Interface\\s*$");
static rx_t card_rx = RX("^\\d+/\\S+/CPU\\d+\\s*$");
static rx_t row_rx = RX("^(?<ip>[0-9A-Fa-f.:]+)\\s+(?<age>\\S+)\\s+(?<mac>[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4})\\s+"
                        "(?<state>\\S+)\\s+(?:(?!\\S*\\d\\s*$)\\S+\\s+){0,2}(?<if>\\S*\\d)\\s*$");

int iosxr_arp_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (iosxr_is_noise(line, len) || iosxr_is_message(line, len) || rx_match(&head_rx, line, len, NULL) ||
        rx_match(&card_rx, line, len, NULL))
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
    rx_copy(&c, "ip", a->address, sizeof(a->address));
    rx_named(&c, "age", &s, &n);
    a->age = tu_duration(s, n);
    rx_named(&c, "mac", &s, &n);
    tu_mac(s, n, a->mac);
    rx_copy(&c, "state", a->state, sizeof(a->state));
    a->incomplete = tu_eq(a->state, strlen(a->state), "Incomplete");
    rx_copy(&c, "if", a->interface, sizeof(a->interface));
    /* The VRF is named by the command only. */
    iosxr_command_vrf(run, a->vrf, sizeof(a->vrf));
    return parse_emit(run, &rec);
}
