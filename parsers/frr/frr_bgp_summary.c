/* frr_bgp_summary.c: FRR "show bgp [vrf all] [ipv4 unicast] summary" / "show ip bgp summary".
 *
 *   IPv4 Unicast Summary (VRF default):
 *   BGP router identifier 192.168.100.129, local AS number 65010 vrf-id 0
 *   ...
 *   Neighbor        V         AS   MsgRcvd   MsgSent   TblVer  InQ OutQ  Up/Down State/PfxRcd   PfxSnt Desc
 *   192.168.100.130 4      12076        14        10        0    0    0 00:00:06            2        1 ExpressRoute
 *   192.168.200.2   4      12076         0         0        0    0    0    never         Idle        0 private
 *
 * A neighbor longer than the column (IPv6) is printed alone, its row on the next line.  The
 * State/PfxRcd column holds the prefix count when Established, else the state ("Idle (Admin)",
 * "Active"); "(Policy)" there means eBGP without policy (RFC 8212): Established, nothing in. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t af_rx = RX("^(?<af>IPv[46] \\S+(?: \\S+)?) Summary(?: \\(VRF (?<vrf>[^)]+)\\))?:\\s*$");
static rx_t rid_rx = RX("^BGP router identifier (?<rid>[0-9.]+), local AS number (?<as>[0-9.]+)"
                        "(?: vrf-id (?<vrfid>-?\\d+))?");
static rx_t instance_rx = RX("^Instance (?<vrf>\\S+):\\s*$");
static rx_t header_rx = RX("^Neighbor\\s+V\\s+AS\\s+");
static rx_t row_rx = RX("^(?<peer>\\S+)?\\s+4\\s+(?<as>[0-9.]+)\\s+(?<rcvd>\\d+)\\s+(?<sent>\\d+)\\s+\\d+\\s+\\d+\\s+\\d+\\s+"
                        "(?<updown>\\S+)\\s+(?<st>\\d+|\\(Policy\\)|\\S+(?: \\([A-Za-z ]+\\))?)"
                        "(?:\\s+(?<snt>\\d+|\\(Policy\\)))?(?:\\s+(?<desc>.*?))?\\s*$");
static rx_t lone_peer_rx = RX("^(?<peer>[0-9A-Fa-f:.]+|\\S+)\\s*$");
static rx_t ignore_rx = RX("^(?:BGP table version|RIB entries|Peers \\d|Total number of neighbors|"
                           "Displayed neighbors|Dynamic |% No BGP neighbors|No .* neighbor is configured|"
                           "BGP instance|% BGP instance|Read-only mode|BGP [Ss]tatistics|Peer groups)");

static void fill(frr_bgp_summary_state_t *st, bgp_peer_t *p, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (rx_named(c, "as", &s, &n))
        p->remote_as = tu_asn(s, n);
    p->msg_rcvd = rx_int(c, "rcvd");
    p->msg_sent = rx_int(c, "sent");
    if (rx_named(c, "updown", &s, &n))
        p->up_down = tu_duration(s, n);
    rx_named(c, "st", &s, &n);
    if (s[0] < '0' || s[0] > '9') /* a count is not a state word */
        FIELD_SET(p->raw_state, s, (long)n);
    if (s[0] >= '0' && s[0] <= '9') {
        p->state = BGP_STATE_ESTABLISHED;
        p->prefixes_received = tu_int(s, n);
    } else if (s[0] == '(') {
        p->state = BGP_STATE_ESTABLISHED; /* (Policy): up, but nothing accepted */
        p->prefixes_received = 0;
    } else {
        p->state = tu_bgp_state(s, n, &p->admin_down);
    }
    rx_copy(c, "desc", p->description, sizeof(p->description));
    if (strcmp(p->description, "N/A") == 0) /* FRR's placeholder for "no description" */
        p->description[0] = '\0';
    FIELD_SET(p->vrf, st->vrf[0] ? st->vrf : "default", -1);
    FIELD_SET(p->router_id, st->router_id, -1);
    p->local_as = st->local_as;
    FIELD_SET(p->address_family, st->af, -1);
}

static int row(parse_run_t *run, frr_bgp_summary_state_t *st, const rx_caps_t *c)
{
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    if (rx_copy(c, "peer", p->peer, sizeof(p->peer))) {
        parse_begin_block(run); /* a row is a record; a peer alone began it a line before */
    } else {
        if (!st->pending_peer[0]) {
            parse_skip(run);
            return 0;
        }
        FIELD_SET(p->peer, st->pending_peer, -1);
    }
    st->pending_peer[0] = '\0';
    fill(st, p, c);
    return parse_emit(run, &rec);
}

static void router_id(parse_run_t *run, frr_bgp_summary_state_t *st, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    rx_copy(c, "rid", st->router_id, sizeof(st->router_id));
    rx_named(c, "as", &s, &n);
    st->local_as = tu_asn(s, n);
    if (!st->meta_set) { /* the first instance (default VRF) speaks for the whole answer */
        parse_meta_t *m = parse_meta(run);
        FIELD_SET(m->router_id, st->router_id, -1);
        m->local_as = st->local_as;
        FIELD_SET(m->vrf, st->vrf[0] ? st->vrf : "default", -1);
        st->meta_set = true;
    }
}

int frr_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_bgp_summary_state_t *st = state;
    rx_caps_t c;
    if (frr_blank(line, len)) {
        return 0;
    }
    if (rx_match(&af_rx, line, len, &c)) {
        rx_copy(&c, "af", st->af, sizeof(st->af));
        if (!rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf)))
            FIELD_SET(st->vrf, "default", -1);
        st->in_table = false;
        st->section_open = true;
        return 0;
    }
    if (rx_match(&instance_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        router_id(run, st, &c);
        return 0;
    }
    if (rx_match(&header_rx, line, len, NULL)) {
        st->in_table = true;
        return 0;
    }
    if (st->in_table && rx_match(&row_rx, line, len, &c))
        return row(run, st, &c);
    if (rx_match(&ignore_rx, line, len, NULL)) {
        if (strncmp(line, "Total number", 12) == 0 || line[0] == '%')
            st->in_table = st->section_open = false;
        return 0;
    }
    if (st->in_table && rx_match(&lone_peer_rx, line, len, &c)) {
        rx_copy(&c, "peer", st->pending_peer, sizeof(st->pending_peer));
        parse_begin_block(run);
        return 0;
    }
    parse_skip(run);
    return 0;
}

int frr_bgp_summary_finish(parse_run_t *run, void *state)
{
    frr_bgp_summary_state_t *st = state;
    /* vtysh always closes a table with "Total number of neighbors N". */
    if (st->in_table || st->section_open || st->pending_peer[0])
        parse_truncated(run, "neighbor table cut off before its total line");
    return 0;
}
