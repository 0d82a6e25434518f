/* frr_bgp_neighbors.c: FRR "show [ip] bgp [vrf all] neighbors [PEER]".
 *
 *   BGP neighbor is 192.168.100.130, remote AS 12076, local AS 65010, external link
 *    Description: ExpressRoute primary MSEE
 *     BGP version 4, remote router ID 192.168.100.130, local router ID 192.168.100.129
 *     BGP state = Established, up for 00:00:06
 *     Hold time is 180 seconds, keepalive interval is 60 seconds
 *     Configured hold time is 180 seconds, keepalive interval is 60 seconds
 *     ...
 *    For address family: IPv4 Unicast
 *     Route map for incoming advertisements is *RM-MSEE-IN
 *     2 accepted prefixes
 *     Maximum prefixes allowed 100
 *     Last reset 00:00:08,  Notification sent (OPEN Message Error/Bad Peer AS)
 *   Local host: 192.168.100.129, Local port: 39790
 *   Foreign host: 192.168.100.130, Foreign port: 179
 *   Peer Authentication Enabled
 *   Read thread: on  Write thread: on  FD used: 24
 *     BFD: Type: single hop
 *
 * Inside a block FRR prints many informational lines (capabilities, graceful restart,
 * per-family update groups): they are recognised as part of the block and ignored.  "Peer
 * Authentication Enabled" is FRR's only sign of a TCP MD5 password; "Read thread:" closes the
 * connection part, so a block that never reached it was cut off. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^BGP neighbor (?:is (?<peer>[^,]+)|on (?<ifpeer>[^:, ]+): (?<addr>[^,]+)), "
                         "remote AS (?<ras>[0-9.]+), local AS (?<las>[0-9.]+)");
static rx_t instance_rx = RX("^Instance (?<vrf>\\S+):\\s*$");
static rx_t desc_rx = RX("^\\s*Description: (?<d>.*?)\\s*$");
static rx_t admin_rx = RX("^\\s*Administratively shut down");
static rx_t ver_rx = RX("^\\s*BGP version \\d+, remote router ID (?<rid>[0-9.]+), local router ID");
static rx_t state_rx = RX("^\\s*BGP state = (?<st>[A-Za-z]+)(?:, up for (?<up>\\S+))?");
static rx_t hold_rx = RX("^\\s*(?<cfg>Configured )?[Hh]old time is (?<h>\\d+)(?: seconds)?, keepalive interval is "
                         "(?<k>\\d+) seconds");
static rx_t total_rx = RX("^\\s*Total:\\s+(?<sent>\\d+)\\s+(?<rcvd>\\d+)");
static rx_t rmap_rx = RX("^\\s*Route map for (?<dir>incoming|outgoing) advertisements is (?<n>\\S+)");
static rx_t plist_rx = RX("^\\s*(?<dir>Incoming|Outgoing) update prefix filter list is (?<n>\\S+)");
static rx_t accepted_rx = RX("^\\s*(?<n>\\d+) accepted prefixes");
static rx_t maxpfx_rx = RX("^\\s*Maximum prefixes allowed (?<n>\\d+)");
static rx_t reset_rx = RX("^\\s*Last reset (?<t>[^,]+),\\s+(?<why>.*?)\\s*$");
static rx_t notif_rx = RX("^Notification (?<dir>sent|received) \\((?<n>.*)\\)$");
static rx_t local_rx = RX("^Local host: (?<a>[^,]+), Local port: (?<p>\\d+)");
static rx_t foreign_rx = RX("^Foreign host: (?<a>[^,]+), Foreign port: (?<p>\\d+)");
static rx_t auth_rx = RX("^Peer Authentication Enabled");
static rx_t read_rx = RX("^Read thread:");
static rx_t bfd_rx = RX("^\\s*BFD: ");

static int flush(parse_run_t *run, frr_bgp_neighbors_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    if (st->complete) { /* only a whole block can say what it lacks */
        if (nb->md5 == TRI_ABSENT)
            nb->md5 = TRI_FALSE;
        if (nb->bfd == TRI_ABSENT)
            nb->bfd = TRI_FALSE;
    } else {
        parse_partial(run, "neighbor block cut off");
    }
    if (st->accepted != MODEL_ABSENT) {
        nb->prefixes_accepted = st->accepted;
        if (nb->state == BGP_STATE_ESTABLISHED)
            nb->prefixes_received = st->accepted;
    }
    return parse_emit(run, &st->rec);
}

static int head(parse_run_t *run, frr_bgp_neighbors_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    if (rc)
        return rc;
    parse_begin_record(run, &st->rec, KIND_BGP_NEIGHBORS);
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    const char *s;
    size_t n;
    /* "BGP neighbor on veth-ce: fe80::1" (unnumbered): the peer is the interface */
    if (!rx_copy(c, "peer", nb->peer, sizeof(nb->peer)))
        rx_copy(c, "ifpeer", nb->peer, sizeof(nb->peer));
    rx_named(c, "ras", &s, &n);
    nb->remote_as = tu_asn(s, n);
    rx_named(c, "las", &s, &n);
    nb->local_as = tu_asn(s, n);
    FIELD_SET(nb->vrf, st->vrf[0] ? st->vrf : "default", -1);
    st->open = true;
    st->complete = false;
    st->accepted = MODEL_ABSENT;
    return 0;
}

static void last_reset(bgp_neighbor_t *nb, const rx_caps_t *c)
{
    const char *s, *why;
    size_t n, wn;
    rx_named(c, "t", &s, &n);
    nb->last_reset = tu_duration(s, n);
    rx_named(c, "why", &why, &wn);
    field_set(nb->last_reset_reason, sizeof(nb->last_reset_reason), why, (long)wn);
    rx_caps_t m;
    if (rx_match(&notif_rx, why, wn, &m)) {
        rx_copy(&m, "dir", nb->notification_dir, sizeof(nb->notification_dir));
        rx_named(&m, "n", &s, &n);
        /* RFC 8538 "/Hard Reset" is a flag on the notification, not part of its name */
        if (n > 11 && strncmp(s + n - 11, "/Hard Reset", 11) == 0)
            n -= 11;
        field_set(nb->last_error, sizeof(nb->last_error), s, (long)n);
        frr_notification_codes(s, n, &nb->notification_code, &nb->notification_subcode);
    }
}

static bool policy(bgp_neighbor_t *nb, const char *line, size_t len)
{
    rx_caps_t c;
    const char *dir, *s;
    size_t dn, n;
    if (rx_match(&rmap_rx, line, len, &c)) {
        rx_named(&c, "dir", &dir, &dn);
        rx_named(&c, "n", &s, &n);
        if (dir[0] == 'i' && !nb->inbound_policy[0])
            frr_copy_policy(nb->inbound_policy, sizeof(nb->inbound_policy), s, n);
        else if (dir[0] == 'o' && !nb->outbound_policy[0])
            frr_copy_policy(nb->outbound_policy, sizeof(nb->outbound_policy), s, n);
        return true;
    }
    if (rx_match(&plist_rx, line, len, &c)) {
        rx_named(&c, "dir", &dir, &dn);
        rx_named(&c, "n", &s, &n);
        if (dir[0] == 'I' && !nb->inbound_prefix_list[0])
            frr_copy_policy(nb->inbound_prefix_list, sizeof(nb->inbound_prefix_list), s, n);
        else if (dir[0] == 'O' && !nb->outbound_prefix_list[0])
            frr_copy_policy(nb->outbound_prefix_list, sizeof(nb->outbound_prefix_list), s, n);
        return true;
    }
    return false;
}

static void state_line(bgp_neighbor_t *nb, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    bool admin = nb->admin_down;
    rx_named(c, "st", &s, &n);
    FIELD_SET(nb->raw_state, s, (long)n);
    nb->state = tu_bgp_state(s, n, NULL);
    nb->admin_down = admin;
    if (rx_named(c, "up", &s, &n))
        nb->up_down = tu_duration(s, n);
}

static void timers(bgp_neighbor_t *nb, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (rx_named(c, "cfg", &s, &n)) {
        nb->cfg_hold_time = rx_int(c, "h");
        nb->cfg_keepalive = rx_int(c, "k");
    } else {
        nb->hold_time = rx_int(c, "h");
        nb->keepalive = rx_int(c, "k");
    }
}

static void endpoint(bgp_neighbor_t *nb, const rx_caps_t *c, bool local)
{
    if (local) {
        rx_copy(c, "a", nb->local_address, sizeof(nb->local_address));
        nb->local_port = rx_int(c, "p");
    } else {
        nb->remote_port = rx_int(c, "p");
    }
}

static void block_line(frr_bgp_neighbors_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    rx_caps_t c;
    if (rx_match(&desc_rx, line, len, &c))
        rx_copy(&c, "d", nb->description, sizeof(nb->description));
    else if (rx_match(&admin_rx, line, len, NULL))
        nb->admin_down = true;
    else if (rx_match(&ver_rx, line, len, &c)) {
        rx_copy(&c, "rid", nb->remote_router_id, sizeof(nb->remote_router_id));
        if (strcmp(nb->remote_router_id, "0.0.0.0") == 0) /* no OPEN received yet */
            nb->remote_router_id[0] = '\0';
    } else if (rx_match(&state_rx, line, len, &c))
        state_line(nb, &c);
    else if (rx_match(&hold_rx, line, len, &c))
        timers(nb, &c);
    else if (rx_match(&total_rx, line, len, &c)) {
        nb->msg_sent = rx_int(&c, "sent");
        nb->msg_rcvd = rx_int(&c, "rcvd");
    } else if (policy(nb, line, len)) {
    } else if (rx_match(&accepted_rx, line, len, &c)) {
        int64_t v = rx_int(&c, "n"); /* summed over address families */
        st->accepted = st->accepted == MODEL_ABSENT ? v : st->accepted + v;
    } else if (rx_match(&maxpfx_rx, line, len, &c)) {
        if (nb->max_prefixes == MODEL_ABSENT)
            nb->max_prefixes = rx_int(&c, "n");
    } else if (rx_match(&reset_rx, line, len, &c))
        last_reset(nb, &c);
    else if (tu_connections(line, len, &nb->conn_established, &nb->conn_dropped)) {
    }
    else if (rx_match(&local_rx, line, len, &c))
        endpoint(nb, &c, true);
    else if (rx_match(&foreign_rx, line, len, &c))
        endpoint(nb, &c, false);
    else if (rx_match(&auth_rx, line, len, NULL))
        nb->md5 = TRI_TRUE;
    else if (rx_match(&read_rx, line, len, NULL))
        st->complete = true;
    else if (rx_match(&bfd_rx, line, len, NULL))
        nb->bfd = TRI_TRUE;
}

int frr_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_bgp_neighbors_state_t *st = state;
    rx_caps_t c;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&head_rx, line, len, &c))
        return head(run, st, &c);
    if (rx_match(&instance_rx, line, len, &c)) {
        int rc = flush(run, st);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return rc;
    }
    if (st->open) {
        block_line(st, line, len);
        return 0;
    }
    parse_skip(run);
    return 0;
}

int frr_bgp_neighbors_finish(parse_run_t *run, void *state)
{
    return flush(run, state);
}
