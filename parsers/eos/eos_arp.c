/* eos_arp.c: EOS "show ip arp [vrf X]" and "show ipv6 neighbors [vrf X]".
 *
 *   Address         Age (sec)  Hardware Addr   Interface
 *   192.168.100.130   0:01:12  0012.f200.a001  Ethernet1
 *   10.20.0.2               0  001c.7300.0002  Vlan101, Port-Channel2
 *
 * The interface column names the SVI, then the member port: the SVI is the L3 interface.
 * The IPv6 neighbor (ND) table adds the neighbor's state before the interface:
 *   IPv6 Address                   Age Hardware Addr    State Interface
 *   2001:db8:c0de::2           0:02:11 1234.5678.9abc   REACH Et1
 * REACH reads "reachable", INCMP "incomplete", the others (STALE, DELAY, PROBE) in lower case. */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    char unit; /* 's' when the header says "Age (sec)", 'm' for "Age (min)" */
} eos_arp_state_t;

static rx_t vrf_rx = RX("^\\s*VRF: (?<vrf>\\S+)");
static rx_t head_rx = RX("^\\s*Address\\s+Age \\((?<u>sec|min)\\)|^\\s*IPv6 Address\\s+Age\\s+Hardware Addr");
static rx_t row_rx = RX("^\\s*(?<ip>[0-9a-fA-F.:]+)\\s+(?<age>\\S+)\\s+(?<mac>[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}|"
                        "(?i:incomplete))(?:\\s+(?<nd>REACH|STALE|DELAY|PROBE|INCMP|PERMANENT))?\\s+(?<if>[^,\\s]+)?(?:,.*)?\\s*$");
static rx_t ignore_rx = RX("^\\s*$|^\\s*Total|^\\s*(?:IPv6 )?Address\\s+Age");

/* An ND state word as the record's state (lower case; REACH and INCMP spelt out). */
static void eos_nd_state(arp_entry_t *a, const char *s, size_t n)
{
    if (tu_eq(s, n, "INCMP")) {
        a->incomplete = true;
        FIELD_SET(a->state, "incomplete", -1);
        return;
    }
    char low[SHORT_LEN];
    size_t i = 0;
    for (; i < n && i + 1 < sizeof(low); i++)
        low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    low[i] = '\0';
    FIELD_SET(a->state, tu_eq(s, n, "REACH") ? "reachable" : low, -1);
}

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
        st->unit = rx_named(&c, "u", &s, &n) ? s[0] : 's';
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
    if (rx_named(&c, "nd", &s, &n))
        eos_nd_state(a, s, n);
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
