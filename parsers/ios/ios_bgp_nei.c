/* ios_bgp_nei.c: IOS "show ip bgp neighbors [N]", "show bgp ipv4 unicast neighbors",
 * "show ip bgp vpnv4 all neighbors".
 *
 *   BGP neighbor is 192.168.100.130,  vrf ER,  remote AS 12076,  local AS 65010, external link
 *    Description: MSEE primary
 *     BGP version 4, remote router ID 192.168.100.130
 *     BGP state = Established, up for 2d03h
 *     Last read 00:00:12, last write 00:00:31, hold time is 180, keepalive interval is 60 seconds
 *     Configured hold time is 180, keepalive interval is 60 seconds
 *     ...            Sent       Rcvd
 *       Total:          1203       1211
 *     Route map for incoming advertisements is ER-IN
 *       Prefixes Current:               2          4 (Consumes 272 bytes)
 *     Last reset 2d03h, due to BGP Notification sent, hold time expired
 *   Local host: 192.168.100.129, Local port: 179
 *   Foreign host: 192.168.100.130, Foreign port: 26419
 *   Option Flags: nagle, path mtu capable, md5
 *
 * A neighbor's block runs from its "BGP neighbor is" line to the next one; the many lines we
 * have no field for (capabilities, TCP timers) are part of the block and stay silent. */
#include <stdio.h>
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

/* Unanchored: a terminal sometimes glues the header onto the end of the previous TCP dump. */
static rx_t head_rx = RX("BGP neighbor is \\*?(?<peer>[^, ]+),\\s+(?:vrf (?<vrf>[^, ]+),\\s+)?remote AS (?<ras>[0-9.]+)"
                         "(?:,\\s+local AS (?<las>[0-9.]+)[^,]*)?");
static rx_t desc_rx = RX("^\\s+Description: ?(?<d>.*?)\\s*$");
static rx_t rid_rx = RX("remote router ID (?<rid>[0-9.]+)");
static rx_t state_rx = RX("^\\s+BGP state = (?<st>[^,]+?)(?:,\\s+(?:up|down) for (?<t>\\S+))?\\s*(?:,.*)?$");
static rx_t hold_rx = RX("^\\s+Last read .*hold time is (?<h>\\d+), keepalive interval is (?<k>\\d+)");
static rx_t cfg_rx = RX("^\\s+Configured hold time is (?<h>\\d+), keepalive interval is (?<k>\\d+)");
static rx_t rmap_rx = RX("^\\s+Route map for (?<dir>incoming|outgoing) advertisements is (?<n>\\S+)");
static rx_t plist_rx = RX("^\\s+(?<dir>Incoming|Outgoing) update prefix filter list is (?<n>\\S+)");
static rx_t maxp_rx = RX("^\\s+Maximum prefixes allowed (?<n>\\d+)");
static rx_t pcur_rx = RX("^\\s+Prefixes Current:\\s+(?<sent>\\d+)\\s+(?<rcvd>\\d+)");
static rx_t saved_rx = RX("^\\s+Saved \\(soft-reconfig\\):\\s+\\S+\\s+(?<rcvd>\\d+)");
static rx_t msg_head_rx = RX("^\\s+Message statistics");
static rx_t msg_total_rx = RX("^\\s+Total:\\s+(?<sent>\\d+)\\s+(?<rcvd>\\d+)\\s*$");
static rx_t msg_old_rx = RX("^\\s+(?<dir>Received|Sent) (?<n>\\d+) messages");
static rx_t reset_rx = RX("^\\s+Last reset (?<t>[^,]+?)(?:,\\s+due to (?<why>.+?))?\\s*$");
static rx_t notif_rx = RX("BGP Notification (?<dir>sent|received)(?: of session \\d+)?,\\s*(?<err>.+)$");
static rx_t local_rx = RX("^Local host: (?<a>\\S+), Local port: (?<p>\\d+)");
static rx_t foreign_rx = RX("^Foreign host: (?<a>\\S+), Foreign port: (?<p>\\d+)");
static rx_t notcp_rx = RX("^\\s*No active TCP connection");
static rx_t opts_rx = RX("^Option Flags: (?<f>.*)$");
static rx_t bfd_rx = RXI("^\\s+(?:BFD is (?:configured|enabled)|Using BFD)");
static rx_t shut_rx = RXI("^\\s+Administratively shut ?down");

/* Error text -> NOTIFICATION code/subcode (RFC 4271 §4.5, RFC 4486 for the cease subcodes). */
static void notification_code(bgp_neighbor_t *n)
{
    static const struct {
        const char *text;
        int code, subcode;
    } codes[] = {
        {"hold time expired", 4, 0}, {"maximum number of prefixes", 6, 1}, {"administrative shutdown", 6, 2},
        {"peer de-configured", 6, 3}, {"administrative reset", 6, 4}, {"connection rejected", 6, 5},
        {"other configuration change", 6, 6}, {"connection collision", 6, 7}, {"out of resources", 6, 8},
        {"peer in wrong as", 2, 2}, {"bad peer as", 2, 2}, {"bad bgp identifier", 2, 3},
        {"unsupported optional parameter", 2, 4}, {"unacceptable hold time", 2, 6},
        {"unsupported capability", 2, 7}, {"no supported afi/safi", 2, 7}, {"fsm error", 5, 0},
        {"malformed attribute", 3, 1}, {"update message error", 3, 0}, {"open message error", 2, 0},
    };
    const char *e = n->last_error;
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        const char *t = codes[i].text;
        for (const char *p = e; *p; p++)
            if (tu_starts(p, strlen(p), t)) {
                n->notification_code = codes[i].code;
                n->notification_subcode = codes[i].subcode;
                return;
            }
    }
}

static int flush(parse_run_t *run, ios_bgp_nei_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    /* With soft-reconfiguration inbound, "Current" counts what passed the inbound policy and
     * "Saved" what the peer sent. */
    if (st->saved != MODEL_ABSENT && n->prefixes_received != MODEL_ABSENT)
        n->prefixes_received = st->saved > n->prefixes_received ? st->saved : n->prefixes_received;
    if (n->state != BGP_STATE_ESTABLISHED)
        n->prefixes_received = n->prefixes_accepted = MODEL_ABSENT; /* stale counts of a dead session */
    return parse_emit(run, &st->rec);
}

static int start(parse_run_t *run, ios_bgp_nei_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    parse_begin_record(run, &st->rec, KIND_BGP_NEIGHBORS);
    st->open = true;
    st->in_msgstats = st->saw_tcp = false;
    st->saved = MODEL_ABSENT;
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_copy(c, "peer", n->peer, sizeof(n->peer));
    if (!rx_copy(c, "vrf", n->vrf, sizeof(n->vrf)))
        ios_command_vrf(run, n->vrf, sizeof(n->vrf));
    n->remote_as = ios_rx_asn(c, "ras");
    n->local_as = ios_rx_asn(c, "las");
    return rc;
}

static void add(int64_t *dst, int64_t v)
{
    if (v == MODEL_ABSENT)
        return;
    *dst = *dst == MODEL_ABSENT ? v : *dst + v;
}

static void last_reset(bgp_neighbor_t *n, const rx_caps_t *c)
{
    const char *s;
    size_t len;
    n->last_reset = ios_rx_duration(c, "t");
    if (!rx_named(c, "why", &s, &len))
        return;
    FIELD_SET(n->last_reset_reason, s, (long)len);
    rx_caps_t m;
    if (rx_match(&notif_rx, s, len, &m)) {
        rx_copy(&m, "dir", n->notification_dir, sizeof(n->notification_dir));
        rx_copy(&m, "err", n->last_error, sizeof(n->last_error));
        notification_code(n);
    } else {
        FIELD_SET(n->last_error, s, (long)len);
    }
}

static void session_lines(ios_bgp_nei_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&state_rx, line, len, &c)) {
        rx_named(&c, "st", &s, &sl);
        FIELD_SET(n->raw_state, s, (long)sl);
        bool admin = false;
        n->state = tu_bgp_state(s, sl, &admin);
        n->admin_down |= admin;
        n->up_down = ios_rx_duration(&c, "t");
    } else if (rx_match(&hold_rx, line, len, &c)) {
        n->hold_time = rx_int(&c, "h");
        n->keepalive = rx_int(&c, "k");
    } else if (rx_match(&cfg_rx, line, len, &c)) {
        n->cfg_hold_time = rx_int(&c, "h");
        n->cfg_keepalive = rx_int(&c, "k");
    } else if (rx_match(&rid_rx, line, len, &c)) {
        rx_named(&c, "rid", &s, &sl);
        if (!tu_eq(s, sl, "0.0.0.0"))
            FIELD_SET(n->remote_router_id, s, (long)sl);
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", n->description, sizeof(n->description));
    } else if (rx_match(&shut_rx, line, len, NULL)) {
        n->admin_down = true;
        n->state = BGP_STATE_IDLE;
    } else if (rx_match(&bfd_rx, line, len, NULL)) {
        n->bfd = TRI_TRUE;
    }
}

static void policy_lines(ios_bgp_nei_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&pcur_rx, line, len, &c)) {
        /* One row per address family: the session's totals are their sum. */
        add(&n->prefixes_sent, rx_int(&c, "sent"));
        add(&n->prefixes_received, rx_int(&c, "rcvd"));
        add(&n->prefixes_accepted, rx_int(&c, "rcvd"));
    } else if (rx_match(&saved_rx, line, len, &c)) {
        add(&st->saved, rx_int(&c, "rcvd"));
    } else if (rx_match(&rmap_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        char *dst = *s == 'i' ? n->inbound_policy : n->outbound_policy;
        if (!dst[0]) /* the first address family's policy */
            rx_copy(&c, "n", dst, NAME_LEN);
    } else if (rx_match(&plist_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        char *dst = *s == 'I' ? n->inbound_prefix_list : n->outbound_prefix_list;
        if (!dst[0])
            rx_copy(&c, "n", dst, NAME_LEN);
    } else if (rx_match(&maxp_rx, line, len, &c)) {
        if (n->max_prefixes == MODEL_ABSENT)
            n->max_prefixes = rx_int(&c, "n");
    } else if (rx_match(&reset_rx, line, len, &c)) {
        last_reset(n, &c);
    } else {
        tu_connections(line, len, &n->conn_established, &n->conn_dropped);
    }
}

static void tcp_lines(ios_bgp_nei_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&local_rx, line, len, &c)) {
        rx_copy(&c, "a", n->local_address, sizeof(n->local_address));
        n->local_port = rx_int(&c, "p");
        st->saw_tcp = true;
    } else if (rx_match(&foreign_rx, line, len, &c)) {
        n->remote_port = rx_int(&c, "p");
    } else if (rx_match(&opts_rx, line, len, &c)) {
        rx_named(&c, "f", &s, &sl);
        bool md5 = false;
        for (size_t i = 0; i + 3 <= sl; i++)
            md5 |= strncmp(s + i, "md5", 3) == 0;
        n->md5 = md5 ? TRI_TRUE : TRI_FALSE;
    }
}

int ios_bgp_nei_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_bgp_nei_state_t *st = state;
    rx_caps_t c;
    if (ios_blank(line, len))
        return 0;
    if (rx_match(&head_rx, line, len, &c))
        return start(run, st, &c);
    if (!st->open) {
        parse_skip(run);
        return 0;
    }
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    if (rx_match(&msg_head_rx, line, len, NULL)) {
        st->in_msgstats = true;
    } else if (rx_match(&notcp_rx, line, len, NULL)) {
        st->saw_tcp = true; /* a session that is down: its block ends here */
    } else if (st->in_msgstats && rx_match(&msg_total_rx, line, len, &c)) {
        n->msg_sent = rx_int(&c, "sent");
        n->msg_rcvd = rx_int(&c, "rcvd");
        st->in_msgstats = false;
    } else if (rx_match(&msg_old_rx, line, len, &c)) {
        const char *s;
        size_t sl;
        rx_named(&c, "dir", &s, &sl);
        *(*s == 'R' ? &n->msg_rcvd : &n->msg_sent) = rx_int(&c, "n");
    } else if (line[0] == ' ') {
        session_lines(st, line, len);
        policy_lines(st, line, len);
    } else {
        tcp_lines(st, line, len);
    }
    return 0;
}

int ios_bgp_nei_finish(parse_run_t *run, void *state)
{
    ios_bgp_nei_state_t *st = state;
    if (st->open && !st->saw_tcp)
        parse_truncated(run, "the last neighbor block ends before its TCP connection details");
    return flush(run, st);
}
