/* frr_interface.c: FRR "show interface [IFNAME]" (zebra's view of the kernel links).
 *
 *   Interface veth-ce is up, line protocol is up
 *     Link ups:       0    last: (never)
 *     Link downs:     0    last: (never)
 *     vrf: default
 *     Description: ExpressRoute primary link to MSEE
 *     index 2 metric 0 mtu 1500 speed 10000
 *     HWaddr: 5e:95:de:df:22:b3
 *     inet 192.168.100.129/30
 *     inet6 2001:db8:100::1/126
 *
 * "is up" is the administrative flag (IFF_UP), "line protocol" the operational one
 * (IFF_RUNNING).  speed is in Mbit/s.  Counters are printed by some builds only. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^Interface (?<name>\\S+) is (?<admin>up|down)"
                         "(?:, line protocol (?:is (?<proto>up|down)|detection is disabled))?\\s*$");
static rx_t desc_rx = RX("^\\s+Description: (?<d>.*?)\\s*$");
static rx_t vrf_rx = RX("^\\s+vrf: (?<v>\\S+)");
static rx_t index_rx = RX("^\\s+index \\d+ metric \\d+ mtu (?<mtu>\\d+)(?: mtu6 \\d+)?(?: speed (?<speed>\\d+))?");
static rx_t hw_rx = RX("^\\s+HWaddr: (?<mac>[0-9a-fA-F:]{17})");
static rx_t inet_rx = RX("^\\s+inet(?<v6>6)? (?<a>[0-9a-fA-F:.]+/\\d+)");
static rx_t links_rx = RX("^\\s+Link (?<dir>ups|downs):\\s+(?<n>\\d+)");
static rx_t in_rx = RX("^\\s+input packets (?<p>\\d+), bytes \\d+, dropped (?<d>\\d+)");
static rx_t inerr_rx = RX("^\\s+input errors (?<e>\\d+), length \\d+, overrun (?<o>\\d+), CRC (?<crc>\\d+), "
                          "frame (?<f>\\d+)");
static rx_t out_rx = RX("^\\s+output packets (?<p>\\d+), bytes \\d+, dropped (?<d>\\d+)");
static rx_t outerr_rx = RX("^\\s+output errors (?<e>\\d+)");
/* Informational lines zebra prints that carry nothing for the contract. */
static rx_t known_rx = RX("^\\s+(?:flags:|Type:|Interface Type|Interface Slave Type|protodown|Parent (?:interface|ifindex)|"
                          "Link (?:ups|downs)|pseudo interface|Hardware is|ND |Router Advertisement|"
                          "Hosts use|mpls|Master interface|Bridge|Link Params|Link speed|"
                          "Interface (?:Type|Slave)|collisions|carrier|VTEP|Link-(?:up|down)|"
                          "OSPF|VLAN|dplane|unknown|evpn|EVPN|Internal Link|Protodown|"
                          "  )");

static int flush(parse_run_t *run, frr_interface_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void set_updown(updown_t *dst, const rx_caps_t *c, const char *name)
{
    const char *s;
    size_t n;
    if (rx_named(c, name, &s, &n))
        *dst = tu_updown(s, n);
}

static int head(parse_run_t *run, frr_interface_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    if (rc)
        return rc;
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    iface_t *f = &st->rec.u.iface;
    rx_copy(c, "name", f->name, sizeof(f->name));
    set_updown(&f->admin_status, c, "admin");
    set_updown(&f->protocol_status, c, "proto");
    f->oper_status = f->protocol_status != UPDOWN_ABSENT ? f->protocol_status : f->admin_status;
    const char *s;
    size_t n;
    rx_named(c, "admin", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    st->open = true;
    return 0;
}

static void counters(iface_t *f, const char *line, size_t len)
{
    rx_caps_t c;
    if (rx_match(&in_rx, line, len, &c)) {
        f->in_packets = rx_int(&c, "p");
        f->in_discards = rx_int(&c, "d");
    } else if (rx_match(&inerr_rx, line, len, &c)) {
        f->in_errors = rx_int(&c, "e");
        f->overrun = rx_int(&c, "o");
        f->crc = rx_int(&c, "crc");
        f->frame = rx_int(&c, "f");
    } else if (rx_match(&out_rx, line, len, &c)) {
        f->out_packets = rx_int(&c, "p");
        f->out_discards = rx_int(&c, "d");
    } else if (rx_match(&outerr_rx, line, len, &c)) {
        f->out_errors = rx_int(&c, "e");
    }
}

/* Returns true when the line was one of the record's fields. */
static bool field(iface_t *f, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", f->description, sizeof(f->description));
    } else if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "v", f->vrf, sizeof(f->vrf));
    } else if (rx_match(&index_rx, line, len, &c)) {
        f->mtu = rx_int(&c, "mtu");
        int64_t speed = rx_int(&c, "speed");
        if (speed != MODEL_ABSENT && speed > 0 && speed < 100000000) /* UINT32_MAX = unknown */
            f->bandwidth_kbps = speed * 1000;
    } else if (rx_match(&hw_rx, line, len, &c)) {
        rx_named(&c, "mac", &s, &n);
        tu_mac(s, n, f->mac);
    } else if (rx_match(&inet_rx, line, len, &c)) {
        bool v6 = rx_named(&c, "v6", &s, &n);
        rx_named(&c, "a", &s, &n);
        char (*list)[PREFIX_LEN] = v6 ? f->ipv6 : f->ipv4;
        int *cnt = v6 ? &f->n_ipv6 : &f->n_ipv4;
        if (*cnt < MAX_ADDRS && tu_prefix(s, n, true, list[*cnt], PREFIX_LEN))
            (*cnt)++;
    } else if (rx_match(&links_rx, line, len, &c)) {
        int64_t v = rx_int(&c, "n");
        f->carrier_transitions = f->carrier_transitions == MODEL_ABSENT ? v : f->carrier_transitions + v;
    } else if (rx_match(&in_rx, line, len, NULL) || rx_match(&inerr_rx, line, len, NULL) ||
               rx_match(&out_rx, line, len, NULL) || rx_match(&outerr_rx, line, len, NULL)) {
        counters(f, line, len);
    } else {
        return false;
    }
    return true;
}

int frr_interface_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_interface_state_t *st = state;
    rx_caps_t c;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&head_rx, line, len, &c))
        return head(run, st, &c);
    if (st->open && (field(&st->rec.u.iface, line, len) || rx_match(&known_rx, line, len, NULL)))
        return 0;
    frr_skip(run, line, len);
    return 0;
}

int frr_interface_finish(parse_run_t *run, void *state)
{
    return flush(run, state);
}
