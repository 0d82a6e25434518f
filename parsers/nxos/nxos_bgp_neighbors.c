/* nxos_bgp_neighbors.c: NX-OS "show ip bgp neighbors [N] [vrf X|all]" and
 * "show bgp ipv4 unicast neighbors N".
 *
 *   BGP neighbor is 192.168.100.130,  remote AS 12076, ebgp link,  Peer index 3
 *     BGP version 4, remote router ID 192.168.100.130
 *     BGP state = Established, up for 1d02h
 *     TCP MD5 authentication is enabled
 *     BFD live-detection is configured and enabled, state is Up
 *     Last read 00:00:20, hold time = 180, keepalive interval is 60 seconds
 *     Received 2000 messages, 0 notifications, 0 bytes in queue
 *     Last reset by us 1d02h, due to holdtimer expired error
 *     For address family: IPv4 Unicast
 *     5 accepted paths consume 360 bytes of memory
 *     3 sent paths
 *     Inbound route-map configured is RM-MSFT-IN, handle obtained
 *     Local host: 192.168.100.129, Local port: 179
 *     Foreign host: 192.168.100.130, Foreign port: 45001
 *
 * NX-OS prints the MD5 and BFD lines only when they are configured, so their absence is a
 * real "no" (the md5_missing diagnosis needs it) and the record starts with both false. */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    record_t rec;
    bool open;
    char vrf[NAME_LEN];       /* "show ... vrf all" may print a VRF header line */
    bool counts_taken, counts_v4, af_take;
    int64_t reset_us, reset_peer;
    char reason_us[DESC_LEN], reason_peer[DESC_LEN];
} nxos_nei_state_t;

_Static_assert(sizeof(nxos_nei_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t head_rx = RX("^BGP neighbor is (?<peer>[^,\\s]+),\\s+(?:vrf (?<vrf>[^,]+),\\s+)?remote AS (?<ras>[\\d.]+),"
                         "(?:\\s+local AS (?<las>[\\d.]+),)?");
static rx_t vrfline_rx = RX("^BGP neighbor(?:s)? (?:information )?for VRF (?<vrf>\\S+)");
static rx_t rid_rx = RX("^\\s+BGP version \\d+, remote router ID (?<rid>\\S+)");
static rx_t state_rx = RX("^\\s+BGP state = (?<st>[^,]+?)\\s*(?:,\\s+(?:up|down) for (?<t>[^,\\s]+))?(?:,.*)?$");
static rx_t desc_rx = RX("^\\s+Description: (?<d>.*?)\\s*$");
static rx_t md5_rx = RX("^\\s+TCP MD5 authentication is (?<v>.*?)\\s*$");
static rx_t bfd_rx = RX("^\\s+BFD live-detection is configured");
static rx_t timers_rx = RX("^\\s+Last read [^,]+, hold time = (?<hold>\\d+), keepalive interval is (?<ka>\\d+) seconds");
static rx_t cfgtimers_rx = RX("^\\s+Configured hold time (?:is )?(?<hold>\\d+), keepalive (?:interval )?(?:is )?(?<ka>\\d+)");
static rx_t msgs_rx = RX("^\\s+(?<dir>Received|Sent) (?<n>\\d+) messages, (?<notif>\\d+) notifications");
static rx_t reset_rx = RX("^\\s+Last reset by (?<who>us|peer) (?<t>\\S+), due to (?<why>.*?)\\s*$");
static rx_t af_rx = RX("^\\s+For address family: (?<af>.*?)\\s*$");
static rx_t acc_rx = RX("^\\s+(?<n>\\d+) accepted (?:paths|prefixes)");
static rx_t sent_rx = RX("^\\s+(?<n>\\d+) sent (?:paths|prefixes)");
static rx_t policy_rx = RX("^\\s+(?<dir>Inbound|Outbound) (?<what>route-map|ip prefix-list|ipv6 prefix-list|prefix-list) "
                           "configured is (?<name>[^,\\s]+)");
static rx_t maxpfx_rx = RX("^\\s+Maximum prefixes allowed (?<n>\\d+)");
static rx_t local_rx = RX("^\\s+Local host: (?<a>[^,\\s]+), Local port: (?<p>\\d+)");
static rx_t foreign_rx = RX("^\\s+Foreign host: (?<a>[^,\\s]+), Foreign port: (?<p>\\d+)");

/* The most recent reset (by us or by the peer) names last_reset and, unless it was
 * "No error", last_error and notification_dir: a reset by us is the NOTIFICATION the CE sent,
 * one by the peer the NOTIFICATION it received (the prefix-limit judgement needs the side). */
static void nxos_nei_resets(nxos_nei_state_t *st, bgp_neighbor_t *nb)
{
    bool us = st->reset_us != MODEL_ABSENT, peer = st->reset_peer != MODEL_ABSENT;
    if (!us && !peer)
        return;
    bool pick_us = us && (!peer || st->reset_us <= st->reset_peer);
    nb->last_reset = pick_us ? st->reset_us : st->reset_peer;
    const char *why = pick_us ? st->reason_us : st->reason_peer;
    FIELD_SET(nb->last_reset_reason, why, -1);
    if (!tu_eq(why, strlen(why), "No error")) {
        FIELD_SET(nb->last_error, why, -1);
        FIELD_SET(nb->notification_dir, pick_us ? "sent" : "received", -1);
    }
}

/* at_end: the last block, whose missing TCP part means the answer was cut there. */
static int nxos_nei_flush(parse_run_t *run, nxos_nei_state_t *st, bool at_end)
{
    if (!st->open)
        return 0;
    st->open = false;
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    nxos_nei_resets(st, nb);
    if (nb->state == BGP_STATE_ESTABLISHED)
        nb->prefixes_received = nb->prefixes_accepted;
    else
        nb->prefixes_received = MODEL_ABSENT;
    if (nb->local_port == MODEL_ABSENT && nb->state == BGP_STATE_ESTABLISHED)
        (at_end ? parse_truncated : parse_partial)(run, "neighbor block cut off before its TCP details");
    return parse_emit(run, &st->rec);
}

static int nxos_nei_head(parse_run_t *run, nxos_nei_state_t *st, const rx_caps_t *c)
{
    int rc = nxos_nei_flush(run, st, false);
    parse_begin_record(run, &st->rec, KIND_BGP_NEIGHBORS);
    st->open = true;
    st->counts_taken = st->counts_v4 = st->af_take = false;
    st->reset_us = st->reset_peer = MODEL_ABSENT;
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    rx_copy(c, "peer", nb->peer, sizeof(nb->peer));
    nb->remote_as = nxos_rx_asn(c, "ras");
    nb->local_as = nxos_rx_asn(c, "las");
    if (!rx_copy(c, "vrf", nb->vrf, sizeof(nb->vrf)))
        FIELD_SET(nb->vrf, st->vrf, -1);
    nb->md5 = TRI_FALSE;
    nb->bfd = TRI_FALSE;
    return rc;
}

static void nxos_nei_af(nxos_nei_state_t *st, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    rx_named(c, "af", &s, &n);
    bool v4 = tu_eq(s, n, "IPv4 Unicast");
    /* Counts come from IPv4 Unicast when the peer has it, else from its first family. */
    st->af_take = !st->counts_taken || (v4 && !st->counts_v4);
    if (st->af_take) {
        st->counts_taken = true;
        st->counts_v4 = v4;
    }
}

static void nxos_nei_policy(bgp_neighbor_t *nb, const rx_caps_t *c)
{
    const char *dir, *what;
    size_t dn, wn;
    rx_named(c, "dir", &dir, &dn);
    rx_named(c, "what", &what, &wn);
    bool in = dir[0] == 'I';
    bool rmap = tu_eq(what, wn, "route-map");
    char *dst = rmap ? (in ? nb->inbound_policy : nb->outbound_policy)
                     : (in ? nb->inbound_prefix_list : nb->outbound_prefix_list);
    rx_copy(c, "name", dst, NAME_LEN);
}

/* Lines of the open block; returns false when the line is not one we read. */
static bool nxos_nei_body(nxos_nei_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", nb->remote_router_id, sizeof(nb->remote_router_id));
    } else if (rx_match(&state_rx, line, len, &c)) {
        rx_named(&c, "st", &s, &n);
        FIELD_SET(nb->raw_state, s, (long)n);
        nb->state = tu_bgp_state(s, n, &nb->admin_down);
        if (tu_starts(s, n, "shut")) {
            nb->state = BGP_STATE_IDLE;
            nb->admin_down = true;
        }
        if (nb->state == BGP_STATE_ESTABLISHED)
            nb->up_down = nxos_rx_duration(&c, "t");
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", nb->description, sizeof(nb->description));
    } else if (rx_match(&md5_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        nb->md5 = memmem(s, n, "disabled", 8) ? TRI_FALSE : TRI_TRUE;
    } else if (rx_match(&bfd_rx, line, len, NULL)) {
        nb->bfd = TRI_TRUE;
    } else if (rx_match(&timers_rx, line, len, &c)) {
        /* Before the session is up NX-OS shows the configured timers here. */
        bool up = nb->state == BGP_STATE_ESTABLISHED;
        (up ? &nb->hold_time : &nb->cfg_hold_time)[0] = rx_int(&c, "hold");
        (up ? &nb->keepalive : &nb->cfg_keepalive)[0] = rx_int(&c, "ka");
    } else if (rx_match(&cfgtimers_rx, line, len, &c)) {
        nb->cfg_hold_time = rx_int(&c, "hold");
        nb->cfg_keepalive = rx_int(&c, "ka");
    } else if (rx_match(&msgs_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        (s[0] == 'R' ? &nb->msg_rcvd : &nb->msg_sent)[0] = rx_int(&c, "n");
    } else if (tu_connections(line, len, &nb->conn_established, &nb->conn_dropped)) {
    } else if (rx_match(&reset_rx, line, len, &c)) {
        rx_named(&c, "who", &s, &n);
        bool us = s[0] == 'u';
        (us ? &st->reset_us : &st->reset_peer)[0] = nxos_rx_duration(&c, "t");
        rx_copy(&c, "why", us ? st->reason_us : st->reason_peer, DESC_LEN);
    } else if (rx_match(&af_rx, line, len, &c)) {
        nxos_nei_af(st, &c);
    } else if (rx_match(&acc_rx, line, len, &c)) {
        if (st->af_take)
            nb->prefixes_accepted = rx_int(&c, "n");
    } else if (rx_match(&sent_rx, line, len, &c)) {
        if (st->af_take)
            nb->prefixes_sent = rx_int(&c, "n");
    } else if (rx_match(&policy_rx, line, len, &c)) {
        nxos_nei_policy(nb, &c);
    } else if (rx_match(&maxpfx_rx, line, len, &c)) {
        nb->max_prefixes = rx_int(&c, "n");
    } else if (rx_match(&local_rx, line, len, &c)) {
        rx_copy(&c, "a", nb->local_address, sizeof(nb->local_address));
        nb->local_port = rx_int(&c, "p");
    } else if (rx_match(&foreign_rx, line, len, &c)) {
        nb->remote_port = rx_int(&c, "p");
    } else {
        return false;
    }
    return true;
}

int nxos_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_nei_state_t *st = state;
    rx_caps_t c;
    if (rx_match(&head_rx, line, len, &c))
        return nxos_nei_head(run, st, &c);
    if (rx_match(&vrfline_rx, line, len, &c)) {
        int rc = nxos_nei_flush(run, st, false);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return rc;
    }
    if (nxos_is_rule(line, len))
        return 0;
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    /* Capability lists, message statistics and the like are indented detail we do not need. */
    if (!nxos_nei_body(st, line, len) && line[0] != ' ')
        parse_skip_outside(run); /* a block is its head and the indented lines under it */
    return 0;
}

int nxos_bgp_neighbors_finish(parse_run_t *run, void *state)
{
    return nxos_nei_flush(run, state, true);
}
