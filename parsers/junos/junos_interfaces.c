/* junos_interfaces.c: Junos "show interfaces [IF] [detail|extensive]".
 *
 *   Physical interface: ge-0/0/0, Enabled, Physical link is Up
 *     Description: TO-MSEE-PRIMARY
 *     Link-level type: Ethernet, MTU: 1514, Speed: 1000mbps, ...
 *     Current address: 00:05:86:71:1a:c0, Hardware address: 00:05:86:71:1a:c0
 *     Last flapped   : 2024-01-02 03:04:05 UTC (1w2d 03:04 ago)
 *     Input rate     : 1234 bps (2 pps)
 *     Input errors:
 *       Errors: 0, Drops: 0, Framing errors: 0, ...          (extensive)
 *     Logical interface ge-0/0/0.0 (Index 70) (SNMP ifIndex 520)
 *       Flags: Up SNMP-Traps 0x4000 Encapsulation: ENET2
 *       Protocol inet, MTU: 1500
 *         Destination: 192.168.100.128/30, Local: 192.168.100.129, Broadcast: ...
 *
 * Physical interfaces and logical units are separate records; a unit carries its addresses.
 * Indented lines of an interface that hold nothing we model (flags, CoS, queue and MAC counters
 * of the extensive form) are part of a block we understand and are passed over silently. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t phys_rx = RX("^Physical interface: (?<name>[^,\\s]+),\\s*(?<raw>(?<admin>[^,]+)(?:,\\s*Physical link is "
                         "(?<link>\\w+))?.*)$");
static rx_t logical_rx = RX("^\\s*Logical interface (?<name>\\S+)");
static rx_t desc_rx = RX("^\\s*Description:\\s?(?<d>.*)$");
static rx_t mtu_rx = RX("\\bMTU: (?<v>[^,\\s]+)");
static rx_t speed_rx = RX("\\bSpeed: (?<v>[^,\\s]+)");
static rx_t bw_rx = RX("^\\s*Bandwidth: (?<v>\\S+)");
static rx_t mac_rx = RX("^\\s*(?:Current address|MAC): (?<v>[0-9a-fA-F:.]+)");
static rx_t flap_rx = RX("^\\s*Last flapped\\s*: (?:Never|.*\\((?<ago>[^)]*?) ago\\))");
static rx_t rate_rx = RX("^\\s*(?<dir>Input|Output) rate\\s*: (?<v>\\d+) bps");
static rx_t bytes_rx = RX("^\\s*(?<dir>Input|Output)\\s+bytes\\s*:\\s*\\d+(?:\\s+(?<bps>\\d+) bps)?");
static rx_t pkts_rx = RX("^\\s*(?<dir>Input|Output)\\s+packets\\s*:\\s*(?<v>\\d+)");
static rx_t errhdr_rx = RX("^\\s*(?<dir>Input|Output) errors:\\s*(?<rest>.*)$");
static rx_t crc_rx = RX("^\\s*CRC/Align errors\\s+(?<v>\\d+)");
static rx_t lflags_rx = RX("^\\s*Flags: (?<v>\\S+)");
static rx_t proto_rx = RX("^\\s*Protocol (?<fam>[\\w-]+)(?:, MTU: (?<mtu>\\w+))?");
static rx_t addr_rx = RX("^\\s*(?:Destination: (?<dst>[^,\\s]+), )?Local: (?<loc>[0-9a-fA-F.:]+)");

static int flush(parse_run_t *run, junos_if_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void begin(parse_run_t *run, junos_if_state_t *st, bool logical)
{
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    st->open = true;
    st->logical = logical;
    st->in_proto = st->proto_mtu = st->flags_seen = st->traffic = false;
    st->err_dir = 0;
}

static void set_if_absent(int64_t *field, int64_t v)
{
    if (*field == MODEL_ABSENT)
        *field = v;
}

/* "Errors: 0, Drops: 0, Framing errors: 0, ... Carrier transitions: 3" in an error block. */
static void error_pairs(iface_t *f, int dir, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const char *item = s + i;
        const char *comma = memchr(item, ',', len - i);
        size_t n = comma ? (size_t)(comma - item) : len - i;
        i += n + 1;
        const char *colon = memchr(item, ':', n);
        if (!colon)
            continue;
        const char *k = item;
        size_t kl = (size_t)(colon - item);
        tu_trim(&k, &kl);
        int64_t v = tu_int(colon + 1, (size_t)(item + n - (colon + 1)));
        if (v == MODEL_ABSENT)
            continue;
        if (tu_eq(k, kl, "Errors"))
            *(dir == 1 ? &f->in_errors : &f->out_errors) = v;
        else if (tu_eq(k, kl, "Drops"))
            *(dir == 1 ? &f->in_discards : &f->out_discards) = v;
        else if (tu_eq(k, kl, "Framing errors"))
            f->frame = v;
        else if (tu_eq(k, kl, "Carrier transitions"))
            f->carrier_transitions = v;
        else if (dir == 1 && tu_eq(k, kl, "FIFO errors"))
            f->overrun = v; /* receive FIFO overflow: what other vendors call overruns */
    }
}

static bool is_input(const rx_caps_t *c)
{
    const char *s;
    size_t n;
    return rx_named(c, "dir", &s, &n) && s[0] == 'I';
}

/* Counters and rates (physical and logical). */
static bool counters(junos_if_state_t *st, const char *line, size_t len)
{
    iface_t *f = &st->rec.u.iface;
    rx_caps_t c;
    if (rx_match(&rate_rx, line, len, &c)) {
        set_if_absent(is_input(&c) ? &f->in_rate_bps : &f->out_rate_bps, rx_int(&c, "v"));
        return true;
    }
    if (rx_match(&bytes_rx, line, len, &c)) {
        if (rx_int(&c, "bps") != MODEL_ABSENT)
            set_if_absent(is_input(&c) ? &f->in_rate_bps : &f->out_rate_bps, rx_int(&c, "bps"));
        return true;
    }
    if (rx_match(&pkts_rx, line, len, &c)) {
        set_if_absent(is_input(&c) ? &f->in_packets : &f->out_packets, rx_int(&c, "v"));
        return true;
    }
    if (rx_match(&errhdr_rx, line, len, &c)) {
        const char *s;
        size_t n;
        st->err_dir = is_input(&c) ? 1 : 2;
        if (rx_named(&c, "rest", &s, &n) && n)
            error_pairs(f, st->err_dir, s, n);
        return true;
    }
    if (rx_match(&crc_rx, line, len, &c)) {
        f->crc = rx_int(&c, "v");
        return true;
    }
    if (st->err_dir && memchr(line, ':', len) && (strstr(line, "Errors:") || strstr(line, "errors:") ||
                                                  strstr(line, "Drops:") || strstr(line, "transitions:"))) {
        error_pairs(f, st->err_dir, line, len);
        return true;
    }
    st->err_dir = 0;
    return false;
}

static void physical(junos_if_state_t *st, const rx_caps_t *c)
{
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(c, "name", f->name, sizeof(f->name));
    rx_copy(c, "raw", f->raw_status, sizeof(f->raw_status));
    if (rx_named(c, "admin", &s, &n))
        f->admin_status = tu_eq(s, n, "Enabled") ? UPDOWN_UP : UPDOWN_DOWN;
    if (rx_named(c, "link", &s, &n))
        f->oper_status = tu_updown(s, n);
}

/* Attributes of the open record. */
static void attribute(junos_if_state_t *st, const char *line, size_t len)
{
    iface_t *f = &st->rec.u.iface;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", f->description, sizeof(f->description));
        return;
    }
    if (st->logical && rx_match(&proto_rx, line, len, &c)) {
        st->in_proto = true;
        if (!st->proto_mtu && rx_int(&c, "mtu") != MODEL_ABSENT) {
            f->mtu = rx_int(&c, "mtu");
            st->proto_mtu = true;
        }
        return;
    }
    if (st->logical && rx_match(&addr_rx, line, len, &c)) {
        const char *d = "";
        size_t dl = 0;
        rx_named(&c, "dst", &d, &dl);
        rx_named(&c, "loc", &s, &n);
        junos_iface_add_addr(f, s, n, d, dl);
        return;
    }
    if (st->logical && !st->in_proto && !st->flags_seen && rx_match(&lflags_rx, line, len, &c)) {
        st->flags_seen = true;
        rx_named(&c, "v", &s, &n);
        /* "Up", "Device-Down", "Link-Layer-Down"; lo0.0 prints only "SNMP-Traps" (no state). */
        if (tu_eq(s, n, "Up"))
            f->oper_status = UPDOWN_UP;
        else if (n >= 4 && !strncmp(s + n - 4, "Down", 4))
            f->oper_status = UPDOWN_DOWN;
        if (f->oper_status != UPDOWN_ABSENT)
            FIELD_SET(f->raw_status, s, (long)n);
        return;
    }
    if (!st->logical && rx_match(&mtu_rx, line, len, &c))
        f->mtu = rx_int(&c, "v"); /* "Unlimited" stays absent */
    if (!st->logical && rx_match(&speed_rx, line, len, &c) && rx_named(&c, "v", &s, &n))
        f->bandwidth_kbps = junos_speed_kbps(s, n);
    if (rx_match(&bw_rx, line, len, &c) && rx_named(&c, "v", &s, &n))
        f->bandwidth_kbps = junos_speed_kbps(s, n);
    if (rx_match(&mac_rx, line, len, &c) && rx_named(&c, "v", &s, &n))
        tu_mac(s, n, f->mac);
    if (rx_match(&flap_rx, line, len, &c) && rx_named(&c, "ago", &s, &n))
        f->last_flapped = junos_duration(s, n);
    counters(st, line, len);
}

int junos_interfaces_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_if_state_t *st = state;
    rx_caps_t c;
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&phys_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        begin(run, st, false);
        physical(st, &c);
        return 0;
    }
    if (rx_match(&logical_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        begin(run, st, true);
        rx_copy(&c, "name", st->rec.u.iface.name, sizeof(st->rec.u.iface.name));
        return 0;
    }
    if (!st->open || junos_indent(line, len) == 0) {
        parse_skip_outside(run); /* a block is its head and the indented lines under it */
        return 0;
    }
    attribute(st, line, len);
    return 0;
}

int junos_interfaces_finish(parse_run_t *run, void *state)
{
    junos_if_state_t *st = state;
    /* Every physical block ends with its rates (or, for pseudo devices, packet counts), every
     * unit with its flags and protocols: without them the output was cut. */
    const iface_t *f = &st->rec.u.iface;
    bool cut = st->logical ? !st->in_proto && !st->flags_seen
                           : f->out_rate_bps == MODEL_ABSENT && f->out_packets == MODEL_ABSENT;
    if (st->open && cut)
        parse_truncated(run, "the last interface block is cut short");
    return flush(run, st);
}
