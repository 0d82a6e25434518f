/* ios_bgp_sum.c: IOS "show ip bgp summary", "show bgp all summary", "show bgp ipv6 unicast
 * summary", "show ip bgp vpnv4 vrf X summary" ...
 *
 *   For address family: IPv4 Unicast
 *   BGP router identifier 192.168.100.129, local AS number 65010
 *   ... memory statistics ...
 *   Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd
 *   192.168.100.130 4        12076    1234    1200       45    0    0 2d03h           12
 *   2001:DB8:100::2
 *                   4        12076      88      90       45    0    0 01:10:00 Idle (Admin)
 *
 * State/PfxRcd holds a number once the session is Established, else the state.  Each
 * "BGP router identifier" line opens a new table (address family or VRF) whose router id and
 * local AS every row repeats. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t af_rx = RX("^For address family: (?<af>.+?)\\s*$");
static rx_t rid_rx = RX("^BGP router identifier (?<rid>\\S+), local AS number (?<as>[0-9.]+)");
static rx_t vrf_rx = RX("^(?:BGP )?(?:VRF|vrf) (?<vrf>\\S+?):?(?:,|\\s*$)");
static rx_t head_rx = RX("^Neighbor\\s+V\\s+AS\\s+MsgRcvd");
static rx_t alone_rx = RX("^(?<addr>[0-9A-Fa-f:.]+)(?:%\\S+)?\\s*$"); /* "FE80::2%Gi0/0/0" */
static rx_t row_rx = RX("^(?<peer>[0-9A-Fa-f:.]+)?\\s+(?<v>\\d)\\s+(?<as>[0-9.]+)\\s+(?<rcvd>\\d+)\\s+(?<sent>\\d+)\\s+"
                        "\\d+\\s+\\d+\\s+\\d+\\s+(?<updown>\\S+)\\s+(?<st>\\S.*?)\\s*$");

static int row(parse_run_t *run, ios_bgp_sum_state_t *st, const rx_caps_t *c)
{
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    const char *s;
    size_t n;
    if (rx_named(c, "peer", &s, &n)) {
        FIELD_SET(p->peer, s, (long)n);
        parse_begin_block(run); /* a row is a record; an address alone began it a line before */
    } else if (st->wrapped[0])
        FIELD_SET(p->peer, st->wrapped, -1);
    else {
        parse_skip(run); /* a continuation row with no address before it */
        return 0;
    }
    st->wrapped[0] = '\0';
    p->remote_as = ios_rx_asn(c, "as");
    p->msg_rcvd = rx_int(c, "rcvd");
    p->msg_sent = rx_int(c, "sent");
    p->up_down = ios_rx_duration(c, "updown");
    rx_named(c, "st", &s, &n);
    FIELD_SET(p->raw_state, s, (long)n);
    int64_t pfx = tu_int(s, n);
    if (pfx != MODEL_ABSENT) {
        p->state = BGP_STATE_ESTABLISHED;
        p->prefixes_received = pfx;
    } else {
        p->state = tu_bgp_state(s, n, &p->admin_down);
    }
    FIELD_SET(p->router_id, st->router_id, -1);
    p->local_as = st->local_as;
    FIELD_SET(p->vrf, st->vrf, -1);
    FIELD_SET(p->address_family, st->af, -1);
    return parse_emit(run, &rec);
}

static void table_start(parse_run_t *run, ios_bgp_sum_state_t *st, const rx_caps_t *c)
{
    rx_copy(c, "rid", st->router_id, sizeof(st->router_id));
    st->local_as = ios_rx_asn(c, "as");
    /* A filter ("| i 192.168") keeps this line and the rows, not the header between them. */
    st->in_table = st->in_table && parse_filtered(run);
    parse_meta_t *m = parse_meta(run);
    if (!m->router_id[0]) {
        FIELD_SET(m->router_id, st->router_id, -1);
        m->local_as = st->local_as;
    }
}

int ios_bgp_sum_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_bgp_sum_state_t *st = state;
    rx_caps_t c;
    if (!st->started) {
        st->started = true;
        st->local_as = MODEL_ABSENT;
        ios_command_vrf(run, st->vrf, sizeof(st->vrf));
        tu_command_af(parse_command_norm(run), st->af, sizeof(st->af)); /* a "For address family:" line overrides */
        FIELD_SET(parse_meta(run)->vrf, st->vrf, -1);
    }
    if (ios_blank(line, len))
        return 0;
    if (rx_match(&af_rx, line, len, &c)) {
        rx_copy(&c, "af", st->af, sizeof(st->af));
        st->in_table = false;
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        table_start(run, st, &c);
        return 0;
    }
    if (st->in_table && rx_match(&head_rx, line, len, NULL))
        return 0; /* the header again: a filter kept it, or erdiag fed it (filter_header) */
    if (!st->in_table) {
        if (rx_match(&head_rx, line, len, NULL))
            st->in_table = true;
        else if (rx_match(&vrf_rx, line, len, &c))
            rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        /* Everything else before the header is the memory/table-version preamble. */
        return 0;
    }
    if (rx_match(&row_rx, line, len, &c))
        return row(run, st, &c);
    const char *s;
    size_t n;
    if (rx_match(&alone_rx, line, len, &c) && rx_named(&c, "addr", &s, &n) && tu_is_ip(s, n)) {
        /* The zone ("%GigabitEthernet0/0/0.100") would not fit the peer field whole: a cut
         * zone is wrong, the bare address is only less precise. */
        FIELD_SET(st->wrapped, s, (long)n);
        parse_begin_block(run);
        return 0;
    }
    parse_skip(run);
    return 0;
}

int ios_bgp_sum_finish(parse_run_t *run, void *state)
{
    ios_bgp_sum_state_t *st = state;
    if (st->wrapped[0])
        parse_truncated(run, "the output ends after a neighbor address, before its row");
    return 0;
}
