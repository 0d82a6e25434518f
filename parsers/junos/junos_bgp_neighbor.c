/* junos_bgp_neighbor.c: Junos "show bgp neighbor [N] [instance X]".
 *
 *   Peer: 192.168.100.130+179 AS 12076 Local: 192.168.100.129+54321 AS 65010
 *     Description: MSEE-PRIMARY
 *     Group: MSEE                 Routing-Instance: master
 *     Type: External    State: Established    Flags: <Sync>
 *     Last Error: Hold Timer Expired Error
 *     Export: [ EXPORT-TO-MS ] Import: [ IMPORT-FROM-MS ]
 *     Options: <Preference AuthKey LocalAddress HoldTime PeerAS Refresh>
 *     Holdtime: 90 Preference: 170
 *     Peer ID: 10.255.255.1    Local ID: 10.255.255.2    Active Holdtime: 90
 *     Keepalive Interval: 30   Group index: 0    Peer index: 0
 *     BFD: enabled, up
 *     Error: 'Hold Timer Expired Error' Sent: 1 Recv: 0
 *     Table inet.0 Bit: 10000
 *       Received prefixes:            6
 *     Input messages:  Total 1234   Updates 3       Refreshes 0     Octets 23456
 *     Output messages: Total 1200   Updates 1       Refreshes 0     Octets 22890
 *
 * One record per "Peer:" block; indented lines we do not model belong to the block. */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t peer_rx = RX("^Peer: (?<peer>\\S+) AS (?<ras>[\\d.]+)\\s+Local: (?<local>\\S+) AS (?<las>[\\d.]+)");
static rx_t desc_rx = RX("^\\s+Description: (?<v>.*?)\\s*$");
static rx_t inst_rx = RX("Routing-Instance: (?<v>\\S+)");
static rx_t state_rx = RX("^\\s+Type: \\S+\\s+State: (?<v>\\S+)");
static rx_t lasterr_rx = RX("^\\s+Last Error: (?<v>.*?)\\s*$");
static rx_t export_rx = RX("Export: \\[ (?<v>[^\\]]*?) \\]");
static rx_t import_rx = RX("Import: \\[ (?<v>[^\\]]*?) \\]");
static rx_t options_rx = RX("^\\s+Options: <(?<v>[^>]*)>?");
static rx_t authcfg_rx = RX("^\\s+Authentication key is configured");
static rx_t holdcfg_rx = RX("^\\s+(?:Local Address: \\S+ )?Holdtime: (?<v>\\d+)");
static rx_t peerid_rx = RX("^\\s+Peer ID: (?<id>\\S+)(?:.*Active Holdtime: (?<hold>\\d+))?");
static rx_t keep_rx = RX("^\\s+Keepalive Interval: (?<v>\\d+)");
static rx_t bfd_rx = RX("^\\s+BFD: (?<v>\\w+)");
static rx_t flap_rx = RX("^\\s+Last flap event: (?<v>.*?)\\s*$");
static rx_t flaps_rx = RX("^\\s+Number of flaps: (?<v>\\d+)");
static rx_t error_rx = RX("^\\s+Error: '(?<v>[^']*)' Sent: (?<sent>\\d+) Recv: (?<recv>\\d+)");
static rx_t pfx_rx = RX("^\\s+(?<what>Received|Accepted|Advertised) prefixes:\\s+(?<v>\\d+)");
static rx_t msgs_rx = RX("^\\s+(?<dir>Input|Output) messages:\\s+Total (?<v>\\d+)");

static int flush(parse_run_t *run, junos_bgp_neighbor_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void add(int64_t *f, int64_t v)
{
    *f = (*f == MODEL_ABSENT ? 0 : *f) + v;
}

int64_t junos_notification_code(const char *s, size_t n)
{
    static const struct {
        const char *name;
        int code;
    } codes[] = {{"Message Header Error", 1}, {"Open Message Error", 2}, {"Update Message Error", 3},
                 {"Hold Timer Expired", 4},   {"Finite State Machine", 5}, {"Cease", 6}};
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
        if (tu_starts(s, n, codes[i].name))
            return codes[i].code;
    return MODEL_ABSENT;
}

static void peer_line(parse_run_t *run, junos_bgp_neighbor_state_t *st, const rx_caps_t *c)
{
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    const char *s;
    size_t n;
    parse_begin_record(run, &st->rec, KIND_BGP_NEIGHBORS);
    st->open = true;
    st->tail_seen = false;
    rx_named(c, "peer", &s, &n);
    junos_addr_port(s, n, nb->peer, sizeof(nb->peer), &nb->remote_port);
    rx_named(c, "local", &s, &n);
    junos_addr_port(s, n, nb->local_address, sizeof(nb->local_address), &nb->local_port);
    rx_named(c, "ras", &s, &n);
    nb->remote_as = tu_asn(s, n);
    rx_named(c, "las", &s, &n);
    nb->local_as = tu_asn(s, n);
    parse_meta_t *m = parse_meta(run);
    if (!m->vrf[0])
        junos_command_arg(run, "instance", m->vrf, sizeof(m->vrf));
    if (m->vrf[0])
        FIELD_SET(nb->vrf, m->vrf, -1);
}

static bool has_word(const char *s, size_t n, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (strncmp(s + i, w, wl) == 0 && (i == 0 || s[i - 1] == ' ') && (i + wl == n || s[i + wl] == ' '))
            return true;
    return false;
}

/* Session facts: state, errors, policies, options. */
static bool session_line(bgp_neighbor_t *nb, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&state_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        FIELD_SET(nb->raw_state, s, (long)n);
        nb->state = tu_bgp_state(s, n, &nb->admin_down);
        return true;
    }
    if (rx_match(&lasterr_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        if (!tu_eq(s, n, "None"))
            FIELD_SET(nb->last_error, s, (long)n);
        return true;
    }
    bool hit = false;
    if (rx_match(&export_rx, line, len, &c)) {
        rx_copy(&c, "v", nb->outbound_policy, sizeof(nb->outbound_policy));
        hit = true;
    }
    if (rx_match(&import_rx, line, len, &c)) {
        rx_copy(&c, "v", nb->inbound_policy, sizeof(nb->inbound_policy));
        hit = true;
    }
    if (rx_match(&options_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        if (has_word(s, n, "AuthKey"))
            nb->md5 = TRI_TRUE;
        else if (nb->md5 == TRI_ABSENT)
            nb->md5 = TRI_FALSE;
        return true;
    }
    if (rx_match(&authcfg_rx, line, len, NULL)) {
        nb->md5 = TRI_TRUE;
        return true;
    }
    if (rx_match(&error_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        FIELD_SET(nb->last_error, s, (long)n);
        nb->notification_code = junos_notification_code(s, n);
        int64_t sent = rx_int(&c, "sent"), recv = rx_int(&c, "recv");
        if (sent > 0 && recv == 0)
            FIELD_SET(nb->notification_dir, "sent", -1);
        else if (recv > 0 && sent == 0)
            FIELD_SET(nb->notification_dir, "received", -1);
        return true;
    }
    return hit;
}

/* Timers, identities, counters. */
static void detail_line(junos_bgp_neighbor_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *nb = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&desc_rx, line, len, &c))
        rx_copy(&c, "v", nb->description, sizeof(nb->description));
    else if (rx_match(&peerid_rx, line, len, &c)) {
        rx_copy(&c, "id", nb->remote_router_id, sizeof(nb->remote_router_id));
        nb->hold_time = rx_int(&c, "hold");
    } else if (rx_match(&holdcfg_rx, line, len, &c))
        nb->cfg_hold_time = rx_int(&c, "v");
    else if (rx_match(&keep_rx, line, len, &c))
        nb->keepalive = rx_int(&c, "v");
    else if (rx_match(&bfd_rx, line, len, &c)) {
        rx_named(&c, "v", &s, &n);
        nb->bfd = tu_eq(s, n, "enabled") ? TRI_TRUE : TRI_FALSE;
    } else if (rx_match(&flap_rx, line, len, &c))
        rx_copy(&c, "v", nb->last_reset_reason, sizeof(nb->last_reset_reason));
    else if (rx_match(&flaps_rx, line, len, &c))
        nb->conn_dropped = rx_int(&c, "v"); /* a flap is a session that left Established */
    else if (rx_match(&pfx_rx, line, len, &c)) {
        rx_named(&c, "what", &s, &n);
        add(s[0] == 'R' ? &nb->prefixes_received : s[1] == 'c' ? &nb->prefixes_accepted : &nb->prefixes_sent,
            rx_int(&c, "v"));
    } else if (rx_match(&msgs_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        if (s[0] == 'I')
            nb->msg_rcvd = rx_int(&c, "v");
        else {
            nb->msg_sent = rx_int(&c, "v");
            st->tail_seen = true;
        }
    } else if (rx_match(&inst_rx, line, len, &c) && !nb->vrf[0]) {
        rx_named(&c, "v", &s, &n);
        FIELD_SET(nb->vrf, tu_eq(s, n, "master") ? "default" : s, tu_eq(s, n, "master") ? -1 : (long)n);
    }
}

int junos_bgp_neighbor_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_bgp_neighbor_state_t *st = state;
    rx_caps_t c;
    if (junos_blank(line, len))
        return 0;
    if (rx_match(&peer_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        peer_line(run, st, &c);
        return 0;
    }
    if (!st->open || junos_indent(line, len) == 0) {
        parse_skip_outside(run); /* a block is its head and the indented lines under it */
        return 0;
    }
    if (!session_line(&st->rec.u.neighbor, line, len))
        detail_line(st, line, len);
    return 0;
}

int junos_bgp_neighbor_finish(parse_run_t *run, void *state)
{
    junos_bgp_neighbor_state_t *st = state;
    const bgp_neighbor_t *nb = &st->rec.u.neighbor;
    if (st->open && (nb->state == BGP_STATE_ABSENT || (nb->state == BGP_STATE_ESTABLISHED && !st->tail_seen)))
        parse_truncated(run, "the last neighbor block is cut short");
    return flush(run, st);
}
