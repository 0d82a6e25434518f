/* nxos_interface.c: NX-OS "show interface [IF]".
 *
 *   Ethernet1/1 is up
 *   admin state is up, Dedicated Interface
 *     Hardware: 1000/10000 Ethernet, address: 5087.89a1.d8d6 (bia 5087.89a1.d8d6)
 *     Internet Address is 192.168.100.129/30
 *     MTU 1500 bytes, BW 10000000 Kbit, DLY 10 usec
 *     Last link flapped 1d02h
 *     30 seconds input rate 80 bits/sec, 0 packets/sec
 *     RX / TX blocks of "N label  N label" counters
 *
 * One record per "<name> is <state>" header; it is emitted when the next header or the end
 * of the input arrives. */
#include <ctype.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool open;
    bool in_rate_seen, out_rate_seen;
    bool saw_rx, saw_tx; /* an RX block with no TX block after it = truncated output */
} nxos_if_state_t;

_Static_assert(sizeof(nxos_if_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t head_rx = RX("^(?<name>[A-Za-z][\\w/.:-]*) is (?<status>(?:administratively )?(?:up|down)[^,]*?)"
                         "(?:, line protocol is (?<proto>up|down))?(?:,.*)?\\s*$");
static rx_t admin_rx = RXI("^\\s*admin state(?: is|:) (?<admin>up|down)");
static rx_t desc_rx = RX("^\\s+(?:Description:|Port description is) (?<d>.*?)\\s*$");
static rx_t mac_rx = RX("address(?: is|:)\\s+(?<mac>[0-9a-fA-F]{1,4}\\.[0-9a-fA-F]{1,4}\\.[0-9a-fA-F]{1,4})");
static rx_t ip_rx = RXI("^\\s+Internet Address is (?<ip>[0-9.]+/\\d+)");
static rx_t mtu_rx = RX("^\\s+MTU (?<mtu>\\d+) bytes(?:.*?BW (?<bw>\\d+) Kbit)?");
static rx_t flap_rx = RX("^\\s+Last link flapped (?<t>.*?)\\s*$");
static rx_t rate_rx = RX("^\\s+\\d+ (?:seconds?|minutes?) (?<dir>input|output) rate (?<v>\\d+) (?<u>bits/sec|[KMG]?bps)");

/* at_end: the last block, whose missing TX half means the answer was cut there. */
static int nxos_if_flush(parse_run_t *run, nxos_if_state_t *st, bool at_end)
{
    if (!st->open)
        return 0;
    st->open = false;
    if (st->saw_rx && !st->saw_tx)
        (at_end ? parse_truncated : parse_partial)(run, "interface counters cut off");
    return parse_emit(run, &st->rec);
}

/* Maps a counter label ("input discard", "CRC/FCS") to its field, or NULL. */
static int64_t *nxos_if_counter(iface_t *f, const char *label, size_t n)
{
    static const struct { const char *label; size_t off; } map[] = {
        {"input packets", offsetof(iface_t, in_packets)},
        {"output packets", offsetof(iface_t, out_packets)},
        {"CRC", offsetof(iface_t, crc)},
        {"CRC/FCS", offsetof(iface_t, crc)},
        {"packets input", offsetof(iface_t, in_packets)},
        {"packets output", offsetof(iface_t, out_packets)},
        {"input error", offsetof(iface_t, in_errors)},
        {"input errors", offsetof(iface_t, in_errors)},
        {"output error", offsetof(iface_t, out_errors)},
        {"output errors", offsetof(iface_t, out_errors)},
        {"overrun", offsetof(iface_t, overrun)},
        {"input discard", offsetof(iface_t, in_discards)},
        {"output discard", offsetof(iface_t, out_discards)},
        {"lost carrier", offsetof(iface_t, carrier_transitions)},
        {"interface resets", offsetof(iface_t, resets)},
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (tu_eq(label, n, map[i].label))
            return (int64_t *)((char *)f + map[i].off);
    return NULL;
}

/* "0 runts  0 giants  0 CRC  0 no buffer": every number names the words after it. */
static void nxos_if_counters(nxos_if_state_t *st, const char *line, size_t len)
{
    iface_t *f = &st->rec.u.iface;
    size_t i = 0;
    while (i < len) {
        while (i < len && isspace((unsigned char)line[i]))
            i++;
        size_t ns = i;
        while (i < len && isdigit((unsigned char)line[i]))
            i++;
        if (i == ns || (i < len && !isspace((unsigned char)line[i]))) {
            while (i < len && !isspace((unsigned char)line[i]))
                i++; /* a word without a number before it: not a counter */
            continue;
        }
        int64_t v = tu_int(line + ns, i - ns);
        while (i < len && isspace((unsigned char)line[i]))
            i++;
        size_t ls = i, le = i;
        while (i < len && !isdigit((unsigned char)line[i])) {
            if (!isspace((unsigned char)line[i]) && line[i] != ',')
                le = i + 1; /* "0 CRC," and "0 packets output," end at the word */
            i++;
        }
        int64_t *slot = nxos_if_counter(f, line + ls, le - ls);
        if (slot)
            *slot = v;
    }
}

static int nxos_if_head(parse_run_t *run, nxos_if_state_t *st, const rx_caps_t *c)
{
    int rc = nxos_if_flush(run, st, false);
    memset(st, 0, sizeof(*st));
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    st->open = true;
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(c, "name", f->name, sizeof(f->name));
    rx_named(c, "status", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    f->oper_status = tu_starts(s, n, "up") ? UPDOWN_UP : UPDOWN_DOWN;
    /* "down (Administratively down)" and "administratively down" both mean shut. */
    bool shut = false;
    for (size_t i = 0; i + 5 <= n; i++)
        if (tu_starts(s + i, n - i, "admin"))
            shut = true;
    f->admin_status = shut ? UPDOWN_DOWN : UPDOWN_UP;
    f->protocol_status = rx_named(c, "proto", &s, &n) ? tu_updown(s, n) : f->oper_status;
    return rc;
}

int nxos_interface_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_if_state_t *st = state;
    rx_caps_t c;
    if (rx_match(&head_rx, line, len, &c))
        return nxos_if_head(run, st, &c);
    if (nxos_is_rule(line, len))
        return 0;
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    if (rx_match(&admin_rx, line, len, &c)) {
        rx_named(&c, "admin", &s, &n);
        f->admin_status = tu_updown(s, n);
    }
    /* Before the MAC: "Internet address is 10.66.22.154/30" also looks like "address is h.h.h". */
    if (rx_match(&ip_rx, line, len, &c)) {
        rx_named(&c, "ip", &s, &n);
        if (f->n_ipv4 < MAX_ADDRS && tu_prefix(s, n, true, f->ipv4[f->n_ipv4], PREFIX_LEN))
            f->n_ipv4++;
    } else if (rx_match(&mac_rx, line, len, &c)) {
        rx_named(&c, "mac", &s, &n);
        tu_mac(s, n, f->mac);
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", f->description, sizeof(f->description));
    } else if (rx_match(&mtu_rx, line, len, &c)) {
        f->mtu = rx_int(&c, "mtu");
        f->bandwidth_kbps = rx_int(&c, "bw");
    } else if (rx_match(&flap_rx, line, len, &c)) {
        f->last_flapped = nxos_rx_duration(&c, "t");
    } else if (rx_match(&rate_rx, line, len, &c)) {
        /* The first load interval printed is the one the device reports as "the" rate. */
        const char *u;
        size_t un;
        rx_named(&c, "v", &s, &n);
        rx_named(&c, "u", &u, &un);
        bool in = rx_named(&c, "dir", &s, &n) && s[0] == 'i';
        bool *seen = in ? &st->in_rate_seen : &st->out_rate_seen;
        if (!*seen) {
            rx_named(&c, "v", &s, &n);
            (in ? &f->in_rate_bps : &f->out_rate_bps)[0] = tu_rate_bps(s, n, u, un);
            *seen = true;
        }
    } else {
        const char *t = line;
        size_t tn = len;
        tu_trim(&t, &tn);
        if (tu_eq(t, tn, "RX"))
            st->saw_rx = true;
        if (tu_eq(t, tn, "TX"))
            st->saw_tx = true;
        /* Every other line of the block is either a counter line or detail we do not need. */
        nxos_if_counters(st, line, len);
    }
    return 0;
}

int nxos_interface_finish(parse_run_t *run, void *state)
{
    return nxos_if_flush(run, state, true);
}
