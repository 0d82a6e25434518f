/* ios_ipv6_int.c: IOS / IOS-XE "show ipv6 interface brief" and "show ipv6 interface [IF]";
 * IOS-XR's "show ipv6 [vrf X] interface brief" is the same brief form ("[Up/Up]", "[Shutdown/Down]").
 *
 * Brief: the interface and its status in brackets, then its addresses one per line (the
 * link-local first; "unassigned" when IPv6 is off):
 *   GigabitEthernet0/0/0.100 [up/up]
 *       FE80::2A3:D1FF:FE4F:2A10
 *       2001:DB8:C0DE::1
 * Detail:
 *   GigabitEthernet0/0/0.100 is up, line protocol is up
 *     IPv6 is enabled, link-local address is FE80::2A3:D1FF:FE4F:2A10
 *     Global unicast address(es):
 *       2001:DB8:C0DE::1, subnet is 2001:DB8:C0DE::/126
 *     Joined group address(es): ...
 *     MTU is 1500 bytes
 * Addresses go to ipv6[] as the other platforms give them: lower case, the global ones with
 * their subnet's length, the link-local bare (IOS prints no length for it).  One record per
 * interface, emitted when the next one starts. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t brief_rx = RX("^(?<name>\\S+)\\s+\\[(?<st>[^/\\]]+)/(?<proto>[^\\]]+)\\]\\s*$");
static rx_t head_rx = RX("^(?<name>\\S+) is (?<st>administratively down|up|down|deleted)"
                         "(?:, line protocol is (?<proto>up|down)(?: \\(\\S+\\))?)?\\s*$");
static rx_t ll_rx = RX("^\\s+IPv6 is (?:enabled|disabled|stalled)(?:, link-local address is (?<ll>[0-9A-Fa-f:]+))?");
static rx_t global_rx = RX("^\\s+(?<ip>[0-9A-Fa-f:]+), subnet is \\S+/(?<len>\\d+)");
static rx_t addr_rx = RX("^\\s+(?<ip>[0-9A-Fa-f:]+)(?: \\[\\S+\\])?\\s*$");
static rx_t unassigned_rx = RX("^\\s+unassigned\\s*$");
static rx_t mtu_rx = RX("^\\s+MTU is (?<mtu>\\d+) bytes");
static rx_t desc_rx = RX("^\\s+Description: (?<d>.*?)\\s*$");

static int flush(parse_run_t *run, ios_ipv6_int_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void add_address(iface_t *f, const char *s, size_t n)
{
    if (f->n_ipv6 < MAX_ADDRS && tu_prefix(s, n, true, f->ipv6[f->n_ipv6], sizeof(f->ipv6[0])))
        f->n_ipv6++;
}

static void set_status(iface_t *f, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    rx_named(c, "st", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    /* IOS "administratively down", IOS-XR "Shutdown" */
    bool shut = tu_eq(s, n, "administratively down") || tu_eq(s, n, "shutdown");
    f->admin_status = shut ? UPDOWN_DOWN : UPDOWN_UP;
    f->oper_status = shut ? UPDOWN_DOWN : tu_updown(s, n);
    if (rx_named(c, "proto", &s, &n))
        f->protocol_status = tu_updown(s, n);
}

static int start_iface(parse_run_t *run, ios_ipv6_int_state_t *st, const rx_caps_t *c)
{
    if (flush(run, st))
        return -1;
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    rx_copy(c, "name", st->rec.u.iface.name, sizeof(st->rec.u.iface.name));
    ios_command_vrf(run, st->rec.u.iface.vrf, sizeof(st->rec.u.iface.vrf));
    set_status(&st->rec.u.iface, c);
    st->open = true;
    st->body = false;
    return 0;
}

/* An indented line of the detail block; lines it has no use for (groups, ND timers) pass. */
static void detail_line(ios_ipv6_int_state_t *st, const char *line, size_t len)
{
    iface_t *f = &st->rec.u.iface;
    rx_caps_t c;
    const char *s, *l;
    size_t n, ln;
    if (rx_match(&ll_rx, line, len, &c)) {
        if (rx_named(&c, "ll", &s, &n))
            add_address(f, s, n);
    } else if (rx_match(&global_rx, line, len, &c) && rx_named(&c, "ip", &s, &n) && rx_named(&c, "len", &l, &ln)) {
        char buf[PREFIX_LEN];
        if (n + ln + 1 < sizeof(buf)) {
            memcpy(buf, s, n);
            buf[n] = '/';
            memcpy(buf + n + 1, l, ln);
            add_address(f, buf, n + ln + 1);
        }
    } else if (rx_match(&mtu_rx, line, len, &c)) {
        f->mtu = rx_int(&c, "mtu");
        st->body = true; /* past the addresses: a cut after here loses nothing erdiag reads */
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", f->description, sizeof(f->description));
    }
}

int ios_ipv6_int_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_ipv6_int_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (ios_blank(line, len))
        return 0;
    bool brief = rx_match(&brief_rx, line, len, &c);
    if (brief || rx_match(&head_rx, line, len, &c)) {
        st->brief = brief;
        return start_iface(run, st, &c);
    }
    if (!st->open || (line[0] != ' ' && line[0] != '\t')) {
        parse_skip(run);
        return 0;
    }
    if (!st->brief)
        detail_line(st, line, len);
    else if (rx_match(&addr_rx, line, len, &c) && rx_named(&c, "ip", &s, &n) && tu_is_ip(s, n))
        add_address(&st->rec.u.iface, s, n);
    else if (!rx_match(&unassigned_rx, line, len, NULL)) {
        parse_skip(run);
        return 0;
    }
    st->body |= st->brief; /* a brief block is whole once a line follows its name */
    return 0;
}

int ios_ipv6_int_finish(parse_run_t *run, void *state)
{
    ios_ipv6_int_state_t *st = state;
    if (st->open && !st->body)
        parse_truncated(run, "the output ends inside an interface, before its addresses were all listed");
    return flush(run, st);
}
