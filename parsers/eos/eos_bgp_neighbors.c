/* eos_bgp_neighbors.c: EOS "show ip bgp neighbors [N] [vrf X]".
 *
 *   BGP neighbor is 192.168.100.130, remote AS 12076, external link
 *     BGP version 4, remote router ID 10.255.255.1, VRF default
 *     Hold time is 180, keepalive interval is 60 seconds
 *     Configured hold time is 180, keepalive interval is 60 seconds
 *     BGP state is Established, up for 1d02h
 *     Last rcvd notification:Hold Timer Expired Error/Unspecified, Last time 3d04h
 *     Prefix Statistics:
 *                                      Sent      Rcvd     Best Paths     Best ECMP Paths
 *       IPv4 Unicast:                     2         5              5                   0
 *     Inbound route map is MSEE-IN
 *   Local AS is 65010, local router ID 192.168.100.129
 *   Local TCP address is 192.168.100.129, local port is 179
 *   Remote TCP address is 192.168.100.130, remote port is 53211
 *   BFD is enabled and state is Up
 *
 * A neighbor block has dozens of counters the contract does not carry; indented lines inside
 * a block that match nothing below are therefore passed over silently. */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool open, in_prefix_stats, saw_state;
} eos_nbr_state_t;

_Static_assert(sizeof(eos_nbr_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t head_rx = RX("^BGP neighbor is (?<peer>[0-9a-fA-F.:]+)(?:%\\S+)?,\\s*remote AS (?<as>[\\d.]+)");
static rx_t ver_rx = RX("^\\s+BGP version \\d+, remote router ID (?<rid>[\\d.]+)(?:, VRF (?<vrf>\\S+))?");
static rx_t desc_rx = RX("^\\s+Description: (?<d>.*?)\\s*$");
static rx_t hold_rx = RX("^\\s+Hold time is (?<h>\\d+), keepalive interval is (?<k>\\d+)");
static rx_t cfg_hold_rx = RX("^\\s+Configured hold time is (?<h>\\d+), keepalive interval is (?<k>\\d+)");
static rx_t state_rx = RX("^\\s+BGP state is (?<st>[A-Za-z]+)(?:, (?:up for (?<up>\\S+)|(?<why>.*?)))?\\s*$");
static rx_t notif_rx = RX("^\\s+Last (?<dir>rcvd|sent) (?<what>notification|socket-error):\\s*(?<e>.*?)(?:, Last time (?<t>[^,]+))?(?:,.*)?\\s*$");
static rx_t pfx_head_rx = RX("^\\s+Prefix Statistics:");
static rx_t pfx_row_rx = RX("^\\s+(?:IPv4|IPv6|L2VPN|VPN-IPv4|VPN-IPv6)[^:]*:\\s+(?<sent>\\d+)\\s+(?<rcvd>\\d+)(?:\\s+(?<best>\\d+))?");
static rx_t rmap_rx = RX("^\\s+(?<dir>Inbound|Outbound) route map is (?<n>\\S+)");
static rx_t plist_rx = RX("^\\s+(?<dir>Inbound|Outbound) prefix list is (?<n>\\S+)");
static rx_t maxr_rx = RX("^\\s+(?:Configured )?[Mm]aximum total number of routes is (?<n>\\d+)");
static rx_t localas_rx = RX("^\\s*Local AS is (?<as>[\\d.]+)");
static rx_t ltcp_rx = RX("^\\s*Local TCP address is (?<a>[0-9a-fA-F.:]+), local port is (?<p>\\d+)");
static rx_t rtcp_rx = RX("^\\s*Remote TCP address is (?<a>[0-9a-fA-F.:]+), remote port is (?<p>\\d+)");
static rx_t bfd_rx = RX("^\\s*BFD is (?<on>enabled|disabled)");
static rx_t md5_rx = RX("^\\s*(?:TCP )?MD5 authentication is (?<on>enabled|disabled)");
/* Unindented lines after the block that carry nothing the contract wants, in full: a cut-off
 * line matches none of these and is reported. */
static rx_t tail_rx = RX("^(?:TTL is \\d+|Local next hop for next hop self:.*|Auto-Local-Addr is \\S+|"
                         "Private AS number removal: .*|Remote TCP address is .*\\d|Local TCP address is .*\\d|"
                         "BFD is .*|Outbound route map is \\S+|Inbound route map is \\S+|Nexthop .*|"
                         "TCP Socket Information.*|Route-reflector.*|Graceful-restart.*)\\s*$");
static rx_t transitions_rx = RX("^\\s+Number of transitions to established: (?<n>\\d+)");
static rx_t total_rx = RX("^\\s+Total messages:\\s+(?<sent>\\d+)\\s+(?<rcvd>\\d+)");

/* at_end: the last block, whose missing state line means the answer was cut there. */
static int eos_nbr_flush(parse_run_t *run, eos_nbr_state_t *st, bool at_end)
{
    if (!st->open)
        return 0;
    st->open = false;
    if (!st->saw_state)
        (at_end ? parse_truncated : parse_partial)(run, "BGP neighbor block cut off before its state");
    return parse_emit(run, &st->rec);
}

static void eos_nbr_state(bgp_neighbor_t *n, const rx_caps_t *c)
{
    const char *s;
    size_t len;
    rx_named(c, "st", &s, &len);
    FIELD_SET(n->raw_state, s, (long)len);
    n->state = tu_bgp_state(s, len, &n->admin_down);
    if (rx_named(c, "up", &s, &len))
        n->up_down = tu_duration(s, len);
    if (rx_named(c, "why", &s, &len) && (tu_starts(s, len, "admin") || eos_contains(s, len, "shut"))) {
        n->admin_down = true; /* "Idle, Administratively shut down" */
        n->state = BGP_STATE_IDLE;
    }
}

/* A NOTIFICATION says why the session went down; a socket error only matters without one. */
static void eos_nbr_notif(bgp_neighbor_t *n, const rx_caps_t *c)
{
    const char *s;
    size_t len;
    rx_named(c, "what", &s, &len);
    if (s[0] == 's') {
        if (!n->last_error[0])
            rx_copy(c, "e", n->last_error, sizeof(n->last_error));
        return;
    }
    rx_copy(c, "e", n->last_error, sizeof(n->last_error));
    rx_named(c, "dir", &s, &len);
    FIELD_SET(n->notification_dir, s[0] == 'r' ? "received" : "sent", -1);
    if (rx_named(c, "t", &s, &len))
        n->last_reset = tu_duration(s, len);
    FIELD_SET(n->last_reset_reason, n->last_error, -1);
}

/* Lines that belong to the block (policy, counters, transport). */
static bool eos_nbr_body(eos_nbr_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (st->in_prefix_stats && rx_match(&pfx_row_rx, line, len, &c)) {
        int64_t sent = rx_int(&c, "sent"), rcvd = rx_int(&c, "rcvd"), best = rx_int(&c, "best");
        n->prefixes_sent = (n->prefixes_sent == MODEL_ABSENT ? 0 : n->prefixes_sent) + sent;
        if (n->state == BGP_STATE_ESTABLISHED || n->state == BGP_STATE_ABSENT) {
            n->prefixes_received = (n->prefixes_received == MODEL_ABSENT ? 0 : n->prefixes_received) + rcvd;
            if (best != MODEL_ABSENT)
                n->prefixes_accepted = (n->prefixes_accepted == MODEL_ABSENT ? 0 : n->prefixes_accepted) + best;
        }
    } else if (rx_match(&rmap_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        rx_copy(&c, "n", s[0] == 'I' ? n->inbound_policy : n->outbound_policy, NAME_LEN);
    } else if (rx_match(&plist_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        rx_copy(&c, "n", s[0] == 'I' ? n->inbound_prefix_list : n->outbound_prefix_list, NAME_LEN);
    } else if (rx_match(&maxr_rx, line, len, &c)) {
        n->max_prefixes = rx_int(&c, "n");
    } else if (rx_match(&localas_rx, line, len, &c)) {
        rx_named(&c, "as", &s, &sl);
        n->local_as = tu_asn(s, sl);
    } else if (rx_match(&ltcp_rx, line, len, &c)) {
        rx_copy(&c, "a", n->local_address, sizeof(n->local_address));
        n->local_port = rx_int(&c, "p");
    } else if (rx_match(&rtcp_rx, line, len, &c)) {
        n->remote_port = rx_int(&c, "p");
    } else if (rx_match(&bfd_rx, line, len, &c)) {
        rx_named(&c, "on", &s, &sl);
        n->bfd = s[0] == 'e' ? TRI_TRUE : TRI_FALSE;
    } else if (rx_match(&md5_rx, line, len, &c)) {
        rx_named(&c, "on", &s, &sl);
        n->md5 = s[0] == 'e' ? TRI_TRUE : TRI_FALSE;
    } else if (rx_match(&total_rx, line, len, &c)) {
        n->msg_sent = rx_int(&c, "sent");
        n->msg_rcvd = rx_int(&c, "rcvd");
    } else if (rx_match(&transitions_rx, line, len, &c)) {
        n->conn_established = rx_int(&c, "n"); /* EOS counts the sessions that came up */
    } else if (!tu_connections(line, len, &n->conn_established, &n->conn_dropped)) {
        return false;
    }
    return true;
}

int eos_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_nbr_state_t *st = state;
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&head_rx, line, len, &c)) {
        int rc = eos_nbr_flush(run, st, false);
        parse_begin_record(run, &st->rec, KIND_BGP_NEIGHBORS);
        st->open = true;
        st->in_prefix_stats = st->saw_state = false;
        rx_copy(&c, "peer", n->peer, sizeof(n->peer));
        rx_named(&c, "as", &s, &sl);
        n->remote_as = tu_asn(s, sl);
        return rc;
    }
    if (!st->open) {
        if (len)
            parse_skip(run);
        return 0;
    }
    if (rx_match(&ver_rx, line, len, &c)) {
        rx_named(&c, "rid", &s, &sl);
        if (!tu_eq(s, sl, "0.0.0.0")) /* not known until the session opens */
            FIELD_SET(n->remote_router_id, s, (long)sl);
        rx_copy(&c, "vrf", n->vrf, sizeof(n->vrf));
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", n->description, sizeof(n->description));
    } else if (rx_match(&cfg_hold_rx, line, len, &c)) {
        n->cfg_hold_time = rx_int(&c, "h");
        n->cfg_keepalive = rx_int(&c, "k");
    } else if (rx_match(&hold_rx, line, len, &c)) {
        n->hold_time = rx_int(&c, "h");
        n->keepalive = rx_int(&c, "k");
    } else if (rx_match(&state_rx, line, len, &c)) {
        eos_nbr_state(n, &c);
        st->saw_state = true;
    } else if (rx_match(&notif_rx, line, len, &c)) {
        eos_nbr_notif(n, &c);
    } else if (rx_match(&pfx_head_rx, line, len, NULL)) {
        st->in_prefix_stats = true;
    } else if (!eos_nbr_body(st, line, len)) {
        if (len && line[0] != ' ' && !rx_match(&tail_rx, line, len, NULL))
            parse_skip(run);
    }
    if (len && line[0] == ' ' && line[1] == ' ' && line[2] != ' ' && !rx_match(&pfx_head_rx, line, len, NULL) &&
        st->in_prefix_stats && !rx_match(&pfx_row_rx, line, len, NULL))
        st->in_prefix_stats = false;
    return 0;
}

int eos_bgp_neighbors_finish(parse_run_t *run, void *state)
{
    return eos_nbr_flush(run, state, true);
}
