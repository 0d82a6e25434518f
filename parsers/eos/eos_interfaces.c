/* eos_interfaces.c: EOS "show interfaces [IF]" and "show ip interface brief".
 *
 *   Ethernet1 is up, line protocol is up (connected)
 *     Hardware is Ethernet, address is 001c.7300.0001 (bia 001c.7300.0001)
 *     Internet address is 192.168.100.129/30
 *     IP MTU 1500 bytes , BW 10000000 kbit
 *     Up 3 days, 4 hours
 *     2 link status changes since last clear
 *     5 minutes input rate 1.23 kbps (0.0% with framing overhead), 0 packets/sec
 *        0 input errors, 0 CRC, 0 alignment, 0 symbol, 0 input discards
 */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool open;
    bool saw_rate, saw_in, saw_out; /* rates/counters seen: rates or input without output = cut off */
    bool in_v6_global;
} eos_if_state_t;

_Static_assert(sizeof(eos_if_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t head_rx = RX("^(?<name>\\S+) is (?<admin>.+?), line protocol is (?<proto>.+?)\\s*$");
static rx_t hw_rx = RX("^\\s+Hardware is (?<hw>[^,]+)(?:, address is (?<mac>[0-9a-fA-F.:]+))?");
static rx_t desc_rx = RX("^\\s+Description: (?<d>.*?)\\s*$");
static rx_t inet_rx = RX("^\\s+(?:Internet|Secondary) address is (?<a>\\S+)");
static rx_t v6ll_rx = RX("^\\s+IPv6 link-local address is (?<a>\\S+)");
static rx_t v6g_rx = RX("^\\s+(?<a>[0-9a-fA-F:]+:[0-9a-fA-F:]*), subnet is (?<s>\\S+)");
static rx_t mtu_rx = RX("^\\s+(?:IP|Ethernet) MTU (?<mtu>\\d+) bytes(?:\\s*\\(default\\))?\\s*(?:,\\s*BW (?<bw>\\d+) kbit)?");
static rx_t updown_rx = RX("^\\s+(?:Up|Down) (?<t>\\d.*?)\\s*$");
static rx_t flaps_rx = RX("^\\s+(?<n>\\d+) link status changes? since last clear");
static rx_t rate_rx = RX("^\\s+\\d+ (?:minutes?|seconds?) (?<dir>input|output) rate (?<v>[\\d.]+) (?<u>\\S+)");
static rx_t pkts_rx = RX("^\\s+(?<n>\\d+) packets (?<dir>input|output), \\d+ bytes");
static rx_t inerr_rx = RX("^\\s+(?<e>\\d+) input errors(?:, (?<crc>\\d+) CRC)?.*?(?:, (?<d>\\d+) input discards)?\\s*$");
static rx_t outerr_rx = RX("^\\s+(?<e>\\d+) output errors(?:, \\d+ collisions)?(?:, (?<d>\\d+) output discards)?\\s*$");
static rx_t outdisc_rx = RX("^\\s+\\d+ late collision, \\d+ deferred, (?<d>\\d+) output discards");
/* Lines of the block that carry nothing the contract wants. */
static rx_t ignore_rx = RX("^\\s+(?:Broadcast address|Address determined|(?:Full|Half|Auto)-duplex|Loopback Mode|"
                           "Last clearing|Received \\d|Sent \\d|\\d+ PAUSE|\\d+ runts|Member of|Fallback mode|"
                           "Active members|No IPv6|No Internet|IPv6 global unicast|\\.\\.\\.|Source interface|"
                           "Listening on|Replication/Flood|Remote MAC|VNI mapping|Static VLAN|Static VRF|Note:|"
                           "Use '|Headend replication|MLAG Shared|\\[|\\d+ [\\d.x]+|Port mode|Ethernet speed|"
                           "Link tracking|Up \\d*$|Down \\d*$|Virtual-router|Auto-|Load-interval|Bandwidth|"
                           "Encapsulation|Flood|PortChannel|Minimum links|LACP|Current address|"
                           "\\d+ giants|\\d+ late|\\d+ symbol|\\d+ collision|\\d+ alignment)|^\\s*$");

/* at_end: the last block, whose missing output counters mean the answer was cut there. */
static int eos_if_flush(parse_run_t *run, eos_if_state_t *st, bool at_end)
{
    if (!st->open)
        return 0;
    st->open = false;
    if ((st->saw_rate || st->saw_in) && !st->saw_out)
        (at_end ? parse_truncated : parse_partial)(run, "interface counters cut off");
    return parse_emit(run, &st->rec);
}

static void eos_if_head(parse_run_t *run, eos_if_state_t *st, const rx_caps_t *c)
{
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    st->open = true;
    st->saw_rate = st->saw_in = st->saw_out = st->in_v6_global = false;
    rx_copy(c, "name", f->name, sizeof(f->name));
    rx_named(c, "admin", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    bool admin_down = tu_starts(s, n, "admin") || tu_starts(s, n, "disabled");
    f->admin_status = admin_down ? UPDOWN_DOWN : UPDOWN_UP;
    f->oper_status = eos_updown(s, n);
    rx_named(c, "proto", &s, &n);
    f->protocol_status = eos_updown(s, n);
}

static bool eos_if_counters(iface_t *f, eos_if_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s, *u;
    size_t n, un;
    if (rx_match(&rate_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        rx_named(&c, "u", &u, &un);
        int64_t bps = tu_rate_bps(s, n, u, un);
        st->saw_rate = true;
        rx_named(&c, "dir", &s, &n);
        if (s[0] == 'i')
            f->in_rate_bps = bps;
        else
            f->out_rate_bps = bps;
    } else if (rx_match(&pkts_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        if (s[0] == 'i') {
            f->in_packets = rx_int(&c, "n");
            st->saw_in = true;
        } else {
            f->out_packets = rx_int(&c, "n");
            st->saw_out = true;
        }
    } else if (rx_match(&inerr_rx, line, len, &c)) {
        f->in_errors = rx_int(&c, "e");
        f->crc = rx_int(&c, "crc");
        f->in_discards = rx_int(&c, "d");
    } else if (rx_match(&outerr_rx, line, len, &c)) {
        f->out_errors = rx_int(&c, "e");
        if (rx_int(&c, "d") != MODEL_ABSENT)
            f->out_discards = rx_int(&c, "d");
    } else if (rx_match(&outdisc_rx, line, len, &c)) {
        f->out_discards = rx_int(&c, "d");
    } else {
        return false;
    }
    return true;
}

static void eos_if_addr(iface_t *f, const char *s, size_t n, bool v6)
{
    char (*list)[PREFIX_LEN] = v6 ? f->ipv6 : f->ipv4;
    int *cnt = v6 ? &f->n_ipv6 : &f->n_ipv4;
    if (*cnt < MAX_ADDRS && tu_prefix(s, n, true, list[*cnt], PREFIX_LEN))
        (*cnt)++;
}

int eos_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_if_state_t *st = state;
    iface_t *f = &st->rec.u.iface;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&head_rx, line, len, &c)) {
        int rc = eos_if_flush(run, st, false);
        eos_if_head(run, st, &c);
        return rc;
    }
    if (!st->open) {
        if (len)
            parse_skip(run);
        return 0;
    }
    if (rx_match(&hw_rx, line, len, &c)) {
        if (rx_named(&c, "mac", &s, &n))
            tu_mac(s, n, f->mac);
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_named(&c, "d", &s, &n);
        if (n >= 2 && s[0] == '"' && s[n - 1] == '"') { /* EOS quotes descriptions with blanks */
            s++;
            n -= 2;
        }
        FIELD_SET(f->description, s, (long)n);
    } else if (rx_match(&inet_rx, line, len, &c)) {
        rx_named(&c, "a", &s, &n);
        eos_if_addr(f, s, n, false);
    } else if (rx_match(&v6ll_rx, line, len, &c) || rx_match(&v6g_rx, line, len, &c)) {
        rx_named(&c, "a", &s, &n);
        char buf[PREFIX_LEN + 8];
        const char *sub;
        size_t sn;
        /* a global address prints its subnet apart: glue the length on */
        if (!memchr(s, '/', n) && rx_named(&c, "s", &sub, &sn) && memchr(sub, '/', sn) && n + 5 < sizeof(buf)) {
            const char *slash = memchr(sub, '/', sn);
            size_t ln = sn - (size_t)(slash - sub);
            if (n + ln < sizeof(buf)) {
                memcpy(buf, s, n);
                memcpy(buf + n, slash, ln);
                s = buf;
                n += ln;
            }
        }
        eos_if_addr(f, s, n, true);
    } else if (rx_match(&mtu_rx, line, len, &c)) {
        if (f->mtu == MODEL_ABSENT)
            f->mtu = rx_int(&c, "mtu");
        if (rx_int(&c, "bw") != MODEL_ABSENT)
            f->bandwidth_kbps = rx_int(&c, "bw");
    } else if (rx_match(&updown_rx, line, len, &c)) {
        rx_named(&c, "t", &s, &n);
        f->last_flapped = tu_duration(s, n);
    } else if (rx_match(&flaps_rx, line, len, &c)) {
        f->carrier_transitions = rx_int(&c, "n");
    } else if (!eos_if_counters(f, st, line, len) && !rx_match(&ignore_rx, line, len, NULL)) {
        if (line[0] == ' ')
            parse_skip(run); /* indented: a line of the open interface's block */
        else
            parse_skip_outside(run);
    }
    return 0;
}

int eos_interfaces_finish(parse_run_t *run, void *state)
{
    return eos_if_flush(run, state, true);
}

/* "show ip interface brief":
 *   Interface       IP Address          Status       Protocol         MTU    Owner
 *   Ethernet1       192.168.100.129/30  up           up               1500
 *   Management1     unassigned          admin down   down             1500 */
static rx_t brief_head_rx = RX("^\\s*Interface\\s+IP Address\\s+Status\\s+Protocol|^-+[ -]*$|^\\s*$|^\\s*Address$");
static rx_t brief_row_rx = RX("^(?<name>\\S+)\\s+(?<ip>\\S+)\\s+(?<status>admin(?:istratively)? down|\\S+)\\s+"
                              "(?<proto>\\S+)\\s+(?<mtu>\\d+)(?:\\s+.*)?$");

int eos_ip_int_brief_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    (void)state;
    rx_caps_t c;
    if (rx_match(&brief_head_rx, line, len, NULL))
        return 0;
    if (!rx_match(&brief_row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    iface_t *f = rx_brief_iface(&rec, &c);
    const char *s;
    size_t n;
    rx_named(&c, "status", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    f->oper_status = eos_updown(s, n);
    f->admin_status = (tu_starts(s, n, "admin") || tu_starts(s, n, "disabled")) ? UPDOWN_DOWN : UPDOWN_UP;
    rx_named(&c, "proto", &s, &n);
    f->protocol_status = eos_updown(s, n);
    f->mtu = rx_int(&c, "mtu");
    return parse_emit(run, &rec);
}
