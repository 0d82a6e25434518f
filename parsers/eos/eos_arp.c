/* eos_arp.c: EOS "show ip arp [vrf X]".
 *
 *   Address         Age (sec)  Hardware Addr   Interface
 *   192.168.100.130   0:01:12  0012.f200.a001  Ethernet1
 *   10.20.0.2               0  001c.7300.0002  Vlan101, Port-Channel2
 *
 * The interface column names the SVI, then the member port: the SVI is the L3 interface. */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    char unit; /* 's' when the header says "Age (sec)", 'm' for "Age (min)" */
} eos_arp_state_t;

static rx_t vrf_rx = RX("^\\s*VRF: (?<vrf>\\S+)");
static rx_t head_rx = RX("^\\s*Address\\s+Age \\((?<u>sec|min)\\)");
static rx_t row_rx = RX("^\\s*(?<ip>[0-9a-fA-F.:]+)\\s+(?<age>\\S+)\\s+(?<mac>[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}|"
                        "(?i:incomplete))\\s+(?<if>[^,\\s]+)?(?:,.*)?\\s*$");
static rx_t ignore_rx = RX("^\\s*$|^\\s*Total|^\\s*Address\\s+Age");

int eos_arp_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_arp_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        eos_meta_vrf(run, st->vrf, strlen(st->vrf));
        return 0;
    }
    if (rx_match(&head_rx, line, len, &c)) {
        rx_named(&c, "u", &s, &n);
        st->unit = s[0];
        return 0;
    }
    if (rx_match(&ignore_rx, line, len, NULL))
        return 0;
    if (!rx_match(&row_rx, line, len, &c) || !rx_named(&c, "ip", &s, &n) || !tu_is_ip(s, n)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    FIELD_SET(a->address, s, (long)n);
    rx_named(&c, "mac", &s, &n);
    if (!tu_mac(s, n, a->mac)) {
        a->incomplete = true;
        FIELD_SET(a->state, "incomplete", -1);
    }
    rx_copy(&c, "if", a->interface, sizeof(a->interface));
    rx_named(&c, "age", &s, &n);
    if (memchr(s, ':', n))
        a->age = tu_duration(s, n);
    else if (tu_int(s, n) != MODEL_ABSENT)
        a->age = tu_int(s, n) * (st->unit == 'm' ? 60 : 1);
    FIELD_SET(a->vrf, st->vrf, -1);
    return parse_emit(run, &rec);
}
_Static_assert(sizeof(eos_arp_state_t) <= EOS_STATE_SIZE, "state fits");
