/* ios_interfaces.c: IOS "show interfaces [IF]".
 *
 *   GigabitEthernet0/0/0 is up, line protocol is up
 *     Hardware is ISR4331-3x1GE, address is 00a3.d14f.2a10 (bia 00a3.d14f.2a10)
 *     Description: ExpressRoute primary to MSEE
 *     Internet address is 192.168.100.129/30
 *     MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,
 *     5 minute input rate 2000 bits/sec, 3 packets/sec
 *        1639 packets input, 196236 bytes, 0 no buffer
 *        0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored
 *
 * A block starts at an unindented "<if> is <status>, line protocol is <proto>" line; every
 * indented line after it belongs to that interface.  Detail lines we have no field for are
 * part of a recognised block and stay silent. */
#include <stdio.h>
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^(?<name>\\S+) is (?<status>[^,]+?)(?:\\s*\\((?<why1>[^)]*)\\))?,\\s*line protocol is "
                         "(?<proto>[a-z-]+)(?:\\s*\\((?<why>[^)]*)\\))?\\s*$");
static rx_t hw_rx = RX("^\\s+Hardware is .*?, address is (?<mac>[0-9a-fA-F.:-]+)");
static rx_t desc_rx = RX("^\\s+Description: ?(?<d>.*?)\\s*$");
static rx_t inet_rx = RX("^\\s+Internet address is (?<a>[0-9.]+/\\d+)");
static rx_t mtu_rx = RX("^\\s+MTU (?<mtu>\\d+) bytes(?:, BW (?<bw>\\d+) Kbit)?");
static rx_t rate_rx = RX("^\\s+\\d+ (?:minute|second)s? (?<dir>input|output) rate (?<bps>\\d+) bits/sec");
static rx_t pkts_rx = RX("^\\s+(?<n>\\d+) packets (?<dir>input|output)");
static rx_t inerr_rx = RX("^\\s+(?<err>\\d+) input errors(?:, (?<crc>\\d+) CRC)?(?:, (?<frame>\\d+) frame)?"
                          "(?:, (?<overrun>\\d+) overrun)?");
static rx_t outerr_rx = RX("^\\s+(?<err>\\d+) output errors(?:, .*?(?<resets>\\d+) interface resets)?");
static rx_t resets_rx = RX("^\\s+.*?(?<resets>\\d+) interface resets");
static rx_t carrier_rx = RX("^\\s+(?<n>\\d+) carrier transitions");
static rx_t queue_rx = RX("^\\s+Input queue: \\d+/\\d+/(?<drops>\\d+)/\\d+ .*?Total output drops: (?<out>\\d+)");
static rx_t clear_rx = RX("^\\s+Last clearing of");
static rx_t flap_rx = RX("^\\s+Last link flapped:? (?<t>.+?)\\s*$");

static int flush(parse_run_t *run, ios_interfaces_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void set_int(int64_t *dst, const rx_caps_t *c, const char *name)
{
    int64_t v = rx_int(c, name);
    if (v != MODEL_ABSENT)
        *dst = v;
}

static int start(parse_run_t *run, ios_interfaces_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    st->open = true;
    st->saw_tail = st->saw_clearing = st->counters_due = false;
    iface_t *f = &st->rec.u.iface;
    const char *s, *w;
    size_t n, wn;
    rx_copy(c, "name", f->name, sizeof(f->name));
    rx_named(c, "status", &s, &n);
    /* "reset" and "deleted" are neither up nor down as the device means them: keep them raw. */
    f->oper_status = tu_updown(s, n);
    f->admin_status = tu_starts(s, n, "administratively") ? UPDOWN_DOWN : UPDOWN_UP;
    if (rx_named(c, "why", &w, &wn) && wn)
        snprintf(f->raw_status, sizeof(f->raw_status), "%.*s (%.*s)", (int)n, s, (int)wn, w);
    else
        FIELD_SET(f->raw_status, s, (long)n);
    rx_named(c, "proto", &s, &n);
    f->protocol_status = tu_updown(s, n);
    return rc;
}

/* The lines that carry a field; false when the line is none of them. */
static bool detail(ios_interfaces_state_t *st, const char *line, size_t len)
{
    iface_t *f = &st->rec.u.iface;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&rate_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        set_int(*s == 'i' ? &f->in_rate_bps : &f->out_rate_bps, &c, "bps");
    } else if (rx_match(&pkts_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        set_int(*s == 'i' ? &f->in_packets : &f->out_packets, &c, "n");
        st->saw_tail |= *s == 'o';
    } else if (rx_match(&inerr_rx, line, len, &c)) {
        set_int(&f->in_errors, &c, "err");
        set_int(&f->crc, &c, "crc");
        set_int(&f->frame, &c, "frame");
        set_int(&f->overrun, &c, "overrun");
    } else if (rx_match(&outerr_rx, line, len, &c)) {
        set_int(&f->out_errors, &c, "err");
        set_int(&f->resets, &c, "resets");
        st->saw_tail = true;
    } else if (rx_match(&resets_rx, line, len, &c)) {
        set_int(&f->resets, &c, "resets");
    } else if (rx_match(&carrier_rx, line, len, &c)) {
        set_int(&f->carrier_transitions, &c, "n");
    } else if (rx_match(&mtu_rx, line, len, &c)) {
        set_int(&f->mtu, &c, "mtu");
        set_int(&f->bandwidth_kbps, &c, "bw");
    } else if (rx_match(&hw_rx, line, len, &c)) {
        rx_named(&c, "mac", &s, &n);
        tu_mac(s, n, f->mac);
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", f->description, sizeof(f->description));
    } else if (rx_match(&inet_rx, line, len, &c)) {
        rx_named(&c, "a", &s, &n);
        if (f->n_ipv4 < MAX_ADDRS && tu_prefix(s, n, true, f->ipv4[f->n_ipv4], sizeof(f->ipv4[0])))
            f->n_ipv4++;
    } else if (rx_match(&clear_rx, line, len, NULL)) {
        st->saw_clearing = true;
    } else if (rx_match(&queue_rx, line, len, &c)) {
        st->counters_due = true;
        set_int(&f->in_discards, &c, "drops");
        set_int(&f->out_discards, &c, "out");
    } else if (rx_match(&flap_rx, line, len, &c)) {
        f->last_flapped = ios_rx_duration(&c, "t");
    } else {
        return false;
    }
    return true;
}

int ios_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_interfaces_state_t *st = state;
    rx_caps_t c;
    if (ios_blank(line, len))
        return 0;
    if (rx_match(&head_rx, line, len, &c))
        return start(run, st, &c);
    if (st->open && (line[0] == ' ' || line[0] == '\t')) {
        detail(st, line, len); /* other detail lines (queueing, duplex...) carry no field */
        return 0;
    }
    parse_skip_outside(run); /* a block is its head and the indented lines under it */
    return 0;
}

int ios_interfaces_finish(parse_run_t *run, void *state)
{
    ios_interfaces_state_t *st = state;
    /* Sub-interfaces stop after "Last clearing"; physical ones go on to the counters. */
    if (st->open && !st->saw_tail && (!st->saw_clearing || st->counters_due))
        parse_truncated(run, "the last interface block ends before its output counters");
    return flush(run, st);
}
