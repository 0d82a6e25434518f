/* iosxr_ipv4_int.c: IOS-XR "show ipv4 [vrf X|all] interface [IF]" (the detail form).
 *
 *   GigabitEthernet0/0/0/0.100 is Up, ipv4 protocol is Up
 *     Vrf is default (vrfid 0x60000000)
 *     Internet address is 192.168.100.129/30
 *     Secondary address 192.168.100.193/30
 *     MTU is 1518 (1500 is available to IP)
 *     ...
 *     Table Id is 0xe0000000
 *   GigabitEthernet0/0/0/1 is Shutdown, ipv4 protocol is Down
 *     Vrf is default (vrfid 0x60000000)
 *     Internet protocol processing disabled
 *
 * One interface record per block: status, VRF, addresses with their lengths, MTU.  A block
 * ends with its "Table Id" line (or "processing disabled"); one that ends before was cut. */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^(?<name>\\S+) is (?<st>Up|Down|Shutdown|Delete)(?:, ipv4 protocol is (?<proto>Up|Down))?\\s*$");
static rx_t vrf_rx = RX("^\\s+Vrf is (?<vrf>\\S+)");
static rx_t addr_rx = RX("^\\s+(?:Internet address is|Secondary address) (?<ip>[0-9.]+/\\d+)\\s*$");
static rx_t mtu_rx = RX("^\\s+MTU is (?<mtu>\\d+)");
static rx_t end_rx = RX("^\\s+(?:Table Id is|Internet protocol processing disabled)");

static int flush(parse_run_t *run, iosxr_ipv4_int_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    if (!st->complete)
        parse_partial(run, "an interface block ends before its Table Id line");
    return parse_emit(run, &st->rec);
}

static int start(parse_run_t *run, iosxr_ipv4_int_state_t *st, const rx_caps_t *c)
{
    if (flush(run, st))
        return -1;
    parse_begin_record(run, &st->rec, KIND_INTERFACES);
    iface_t *f = &st->rec.u.iface;
    const char *s;
    size_t n;
    rx_copy(c, "name", f->name, sizeof(f->name));
    rx_named(c, "st", &s, &n);
    FIELD_SET(f->raw_status, s, (long)n);
    f->admin_status = tu_eq(s, n, "Shutdown") ? UPDOWN_DOWN : UPDOWN_UP;
    f->oper_status = tu_eq(s, n, "Up") ? UPDOWN_UP : UPDOWN_DOWN;
    if (rx_named(c, "proto", &s, &n))
        f->protocol_status = tu_updown(s, n);
    st->open = true;
    st->complete = false;
    return 0;
}

int iosxr_ipv4_int_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_ipv4_int_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (iosxr_is_timestamp(line, len) || iosxr_is_blank(line, len) || iosxr_is_message(line, len))
        return 0;
    if (rx_match(&head_rx, line, len, &c))
        return start(run, st, &c);
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    iface_t *f = &st->rec.u.iface;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_named(&c, "vrf", &s, &n);
        if (!tu_eq(s, n, "default"))
            FIELD_SET(f->vrf, s, (long)n);
    } else if (rx_match(&addr_rx, line, len, &c) && rx_named(&c, "ip", &s, &n)) {
        if (f->n_ipv4 < MAX_ADDRS && tu_prefix(s, n, true, f->ipv4[f->n_ipv4], sizeof(f->ipv4[0])))
            f->n_ipv4++;
    } else if (rx_match(&mtu_rx, line, len, &c)) {
        f->mtu = rx_int(&c, "mtu");
    } else if (rx_match(&end_rx, line, len, NULL)) {
        st->complete = true;
    } else if (line[0] != ' ') {
        parse_skip(run); /* the other indented lines (ACLs, ICMP, helpers) are not read */
    }
    return 0;
}

int iosxr_ipv4_int_finish(parse_run_t *run, void *state)
{
    iosxr_ipv4_int_state_t *st = state;
    if (st->open && !st->complete)
        parse_truncated(run, "the output ends inside an interface block");
    return flush(run, st);
}
