/* iosxr_interfaces.c: IOS-XR "show interfaces [IF]" (detail form).
 *
 *   GigabitEthernet0/0/0/0 is up, line protocol is up
 *     Interface state transitions: 3
 *     Hardware is GigabitEthernet, address is 5087.8966.5329 (bia 5087.8966.5329)
 *     Description: ExpressRoute primary
 *     Internet address is 192.168.100.129/30
 *     MTU 1514 bytes, BW 1000000 Kbit (Max: 1000000 Kbit)
 *     Last link flapped 1w2d
 *     5 minute input rate 2000 bits/sec, 1 packets/sec
 *        1234 packets input, 99 bytes, 0 total input drops
 *        0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort
 *        ...
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^(?<name>\\S+) is (?<admin>administratively down|up|down|deleted|[a-z -]+?),"
                         " line protocol is (?<proto>administratively down|[a-z -]+?)\\s*(?:\\(.*\\))?\\s*$");
static rx_t trans_rx = RX("^\\s+Interface state transitions: (?<n>\\d+)");
static rx_t hw_rx = RX("^\\s+Hardware is .*?, address is (?<mac>[0-9a-fA-F.:]+)");
static rx_t desc_rx = RX("^\\s+Description: ?(?<d>.*?)\\s*$");
static rx_t inet_rx = RX("^\\s+(?:Internet address is|Secondary address) (?<ip>\\S+)");
static rx_t ipv6_rx = RX("^\\s+IPv6 address is (?<ip>\\S+)");
static rx_t mtu_rx = RX("^\\s+MTU (?<mtu>\\d+) bytes, BW (?<bw>\\d+) Kbit");
static rx_t flap_rx = RX("^\\s+Last link flapped (?<t>\\S+)");
static rx_t rate_rx = RX("^\\s+\\d+ (?:minute|second) (?<dir>input|output) rate (?<v>\\d+) (?<u>\\S+)");
static rx_t in_pk_rx = RX("^\\s+(?<p>\\d+) packets input, \\d+ bytes(?:, (?<d>\\d+) total input drops)?");
static rx_t out_pk_rx = RX("^\\s+(?<p>\\d+) packets output, \\d+ bytes(?:, (?<d>\\d+) total output drops)?");
static rx_t in_err_rx = RX("^\\s+(?<e>\\d+) input errors, (?<crc>\\d+) CRC, (?<fr>\\d+) frame, (?<ov>\\d+) overrun");
static rx_t out_err_rx = RX("^\\s+(?<e>\\d+) output errors, .*?(?:(?<r>\\d+) resets)?\\s*$");
/* The last lines a complete block prints: its output counters, or the note that it has none. */
static rx_t complete_rx = RX("^\\s+(?:\\d+ packets output|Input/output data rate is disabled)");
static rx_t carrier_rx = RX("^\\s+(?<n>\\d+) carrier transitions");

static int flush(parse_run_t *run, iosxr_iface_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void set_status(iface_t *f, const char *admin, size_t an, const char *proto, size_t pn)
{
    FIELD_SET(f->raw_status, admin, (long)an);
    bool admin_down = tu_starts(admin, an, "admin");
    f->admin_status = admin_down ? UPDOWN_DOWN : UPDOWN_UP;
    f->oper_status = tu_updown(admin, an);
    f->protocol_status = tu_updown(proto, pn);
}

/* Lines of the open interface block: each fills some fields. */
static bool body_line(iface_t *f, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s, *u;
    size_t n, un;
    if (rx_match(&trans_rx, line, len, &c)) {
        f->carrier_transitions = rx_int(&c, "n");
    } else if (rx_match(&hw_rx, line, len, &c)) {
        if (rx_named(&c, "mac", &s, &n))
            tu_mac(s, n, f->mac);
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", f->description, sizeof(f->description));
    } else if (rx_match(&inet_rx, line, len, &c)) {
        if (rx_named(&c, "ip", &s, &n) && f->n_ipv4 < MAX_ADDRS &&
            tu_prefix(s, n, true, f->ipv4[f->n_ipv4], sizeof(f->ipv4[0])))
            f->n_ipv4++;
    } else if (rx_match(&ipv6_rx, line, len, &c)) {
        if (rx_named(&c, "ip", &s, &n) && f->n_ipv6 < MAX_ADDRS &&
            tu_prefix(s, n, true, f->ipv6[f->n_ipv6], sizeof(f->ipv6[0])))
            f->n_ipv6++;
    } else if (rx_match(&mtu_rx, line, len, &c)) {
        f->mtu = rx_int(&c, "mtu");
        f->bandwidth_kbps = rx_int(&c, "bw");
    } else if (rx_match(&flap_rx, line, len, &c)) {
        rx_named(&c, "t", &s, &n);
        f->last_flapped = tu_duration(s, n);
    } else if (rx_match(&rate_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        rx_named(&c, "u", &u, &un);
        int64_t bps = tu_rate_bps(s, n, u, un);
        rx_named(&c, "dir", &s, &n);
        if (*s == 'i')
            f->in_rate_bps = bps;
        else
            f->out_rate_bps = bps;
    } else if (rx_match(&in_pk_rx, line, len, &c)) {
        f->in_packets = rx_int(&c, "p");
        f->in_discards = rx_int(&c, "d");
    } else if (rx_match(&out_pk_rx, line, len, &c)) {
        f->out_packets = rx_int(&c, "p");
        f->out_discards = rx_int(&c, "d");
    } else if (rx_match(&in_err_rx, line, len, &c)) {
        f->in_errors = rx_int(&c, "e");
        f->crc = rx_int(&c, "crc");
        f->frame = rx_int(&c, "fr");
        f->overrun = rx_int(&c, "ov");
    } else if (rx_match(&out_err_rx, line, len, &c)) {
        f->out_errors = rx_int(&c, "e");
        f->resets = rx_int(&c, "r");
    } else if (rx_match(&carrier_rx, line, len, NULL)) {
        /* "Interface state transitions" is XR's own flap count; this legacy counter is 0. */
    } else {
        return false;
    }
    return true;
}

/* Indented lines the parser knows but takes nothing from. */
static rx_t known_rx = RX("^\\s+(?:reliability|Encapsulation|loopback|Duplex|Full-duplex|Half-duplex|"
                          "output flow|Last input|Last clearing|Input/output data rate|Received \\d|Output \\d|"
                          "\\d+ drops for|\\d+ runts|\\d+ output buffer|Layer \\d|ARP type|Carrier delay|"
                          "Dampening|No. of members|Hardware is|Internet address is Unknown|Internet Address is|"
                          "\\d+ (?:minute|second)|\\d+ packets|Members|\\S+\\s+Full-duplex|\\S+\\s+Active|"
                          "Ordering|Timeout|Last state transition|\\d+ input|\\d+ output|Auto|Medium|"
                          "Interface is|Forward error|MAC|Transport|Last link flapped|VLAN|Full|Half|Speed|"
                          "ARP|Description|half-life:|suppress:|restart-penalty:)");

int iosxr_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_iface_state_t *st = state;
    rx_caps_t c;
    if (iosxr_is_noise(line, len))
        return 0;
    if (line[0] != ' ' && rx_match(&head_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        parse_begin_record(run, &st->rec, KIND_INTERFACES);
        iface_t *f = &st->rec.u.iface;
        const char *a, *p;
        size_t an, pn;
        rx_copy(&c, "name", f->name, sizeof(f->name));
        rx_named(&c, "admin", &a, &an);
        rx_named(&c, "proto", &p, &pn);
        set_status(f, a, an, p, pn);
        st->open = true;
        st->complete = false;
        return 0;
    }
    if (st->open && line[0] == ' ') {
        if (rx_match(&complete_rx, line, len, NULL))
            st->complete = true;
        if (body_line(&st->rec.u.iface, line, len) || rx_match(&known_rx, line, len, NULL))
            return 0;
    }
    if (iosxr_is_message(line, len))
        return 0;
    if (line[0] == ' ')
        parse_skip(run); /* indented: a line of the open interface's block */
    else
        parse_skip_outside(run);
    return 0;
}

int iosxr_interfaces_finish(parse_run_t *run, void *state)
{
    iosxr_iface_state_t *st = state;
    /* A block without its counters was cut short by the capture. */
    if (st->open && !st->complete)
        parse_truncated(run, "last interface block truncated");
    return flush(run, st);
}
