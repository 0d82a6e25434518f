/* iosxr_bgp_neighbors.c: IOS-XR "show bgp [vrf X|all] neighbors [N]".
 *
 *   BGP neighbor is 192.168.100.130, vrf BLUE
 *    Remote AS 12076, local AS 65010, external link
 *    Remote router ID 192.168.100.130
 *     BGP state = Established, up for 1w2d
 *     Hold time is 180, keepalive interval is 60 seconds
 *     Configured hold time: 180, keepalive: 60, min acceptable hold time: 3
 *     Received 1234 messages, 0 notifications, 0 in queue
 *    For Address Family: IPv4 Unicast
 *     Policy for incoming advertisements is ER-IN
 *     5 accepted prefixes, 5 are bestpaths
 *     Prefix advertised 2, suppressed 0, withdrawn 0
 *     Maximum prefixes allowed 4000
 *     Local host: 192.168.100.129, Local port: 179
 *     Foreign host: 192.168.100.130, Foreign port: 51234
 *     Last reset 00:01:02, due to BGP Notification sent: hold time expired
 *
 * XR prints no "received" count here: "Cumulative no. of prefixes denied" counts every denial
 * since the session came up, so adding it to the accepted count would overstate what the peer
 * sends now.  prefixes_received is left absent.
 *
 * Per-address-family values come from the first family printed (IPv4 Unicast on an
 * ExpressRoute peering); the neighbor block has dozens of indented lines we do not need,
 * and they are not "not understood": they are simply not wanted.
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t nbr_rx = RX("^BGP neighbor is (?<peer>\\S+?)(?:, vrf (?<vrf>\\S+))?\\s*$");
static rx_t as_rx = RX("^\\s+Remote AS (?<r>[\\d.]+), local AS (?<l>[\\d.]+)");
static rx_t shut_rx = RX("^\\s+Administratively shut down");
static rx_t desc_rx = RX("^\\s+Description: ?(?<d>.*?)\\s*$");
static rx_t rid_rx = RX("^\\s+Remote router ID (?<rid>\\S+)");
static rx_t state_rx = RX("^\\s+BGP state = (?<st>.+?)(?:, up for (?<up>\\S+))?\\s*$");
static rx_t hold_rx = RX("^\\s+Hold time is (?<h>\\d+), keepalive interval is (?<k>\\d+) seconds");
static rx_t cfg_hold_rx = RX("^\\s+Configured hold time: (?<h>\\d+), keepalive: (?<k>\\d+)");
static rx_t bfd_rx = RX("^\\s+BFD enabled");
static rx_t md5_rx = RXI("^\\s+(?:TCP MD5 authentication is enabled|Password is configured|"
                         "MD5 authentication is enabled)");
static rx_t msgs_rx = RX("^\\s+(?<dir>Received|Sent) (?<n>\\d+) messages");
static rx_t af_rx = RX("^\\s+For Address Family: (?<af>.+?)\\s*$");
static rx_t pol_rx = RX("^\\s+Policy for (?<dir>incoming|outgoing) advertisements is (?<p>\\S+)");
static rx_t acc_rx = RX("^\\s+(?<n>\\d+) accepted prefixes");
static rx_t adv_rx = RX("^\\s+Prefix advertised (?<n>\\d+)");
static rx_t max_rx = RX("^\\s+Maximum prefixes allowed (?<n>\\d+)");
static rx_t conn_rx = RX("^\\s+Connections established \\d+");
static rx_t local_rx = RX("^\\s+Local host: (?<a>[^,\\s]+), Local port: (?<p>\\d+)");
static rx_t foreign_rx = RX("^\\s+Foreign host: (?<a>[^,\\s]+), Foreign port: (?<p>\\d+)");
static rx_t reset_rx = RX("^\\s+Last reset (?<t>[^,]+)(?:, due to (?<why>.+?))?\\s*$");
static rx_t notif_rx = RX("^\\s+Time since last notification (?<dir>sent|received)");
static rx_t errcode_rx = RX("^\\s+Error Code: (?<e>.+?)\\s*$");
static rx_t reset_notif_rx = RX("BGP Notification (?<dir>sent|received): (?<e>.+)$");

/* RFC 4271 / 4486 codes for the error texts XR prints in words. */
static void notification_code(bgp_neighbor_t *n, const char *e, size_t len)
{
    static const struct {
        const char *text;
        int code, sub;
    } codes[] = {
        {"hold time expired", 4, 0},       {"peer in wrong AS", 2, 2},
        {"bad peer AS", 2, 2},             {"bad BGP identifier", 2, 3},
        {"unacceptable hold time", 2, 6},  {"unsupported optional parameter", 2, 4},
        {"authentication failure", 2, 5},  {"maximum number of prefixes reached", 6, 1},
        {"administrative shutdown", 6, 2}, {"peer unconfigured", 6, 3},
        {"administrative reset", 6, 4},    {"connection rejected", 6, 5},
        {"other configuration change", 6, 6}, {"connection collision resolution", 6, 7},
        {"out of resources", 6, 8},        {"FSM error", 5, 0},
    };
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
        if (tu_starts(e, len, codes[i].text)) {
            n->notification_code = codes[i].code;
            n->notification_subcode = codes[i].sub;
            return;
        }
}

static int flush(parse_run_t *run, iosxr_bgp_nbr_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void open_neighbor(parse_run_t *run, iosxr_bgp_nbr_state_t *st, rx_caps_t *c)
{
    parse_begin_record(run, &st->rec, KIND_BGP_NEIGHBORS);
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_copy(c, "peer", n->peer, sizeof(n->peer));
    if (!rx_copy(c, "vrf", n->vrf, sizeof(n->vrf)))
        FIELD_SET(n->vrf, st->vrf, -1);
    st->open = true;
    st->afs = 0;
    st->notif_dir = 0;
    st->complete = false;
}

static void set_reset(bgp_neighbor_t *n, rx_caps_t *c)
{
    const char *s;
    size_t len;
    rx_named(c, "t", &s, &len);
    n->last_reset = tu_duration(s, len);
    if (!rx_named(c, "why", &s, &len))
        return;
    FIELD_SET(n->last_reset_reason, s, (long)len);
    rx_caps_t r;
    if (rx_match(&reset_notif_rx, s, len, &r)) {
        rx_copy(&r, "dir", n->notification_dir, sizeof(n->notification_dir));
        rx_copy(&r, "e", n->last_error, sizeof(n->last_error));
        rx_named(&r, "e", &s, &len);
        notification_code(n, s, len);
    }
}

/* Values printed once per address family: the first family wins. */
static bool af_line(bgp_neighbor_t *n, int afs, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&pol_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        char *dst = *s == 'i' ? n->inbound_policy : n->outbound_policy;
        if (afs <= 1 || !dst[0])
            rx_copy(&c, "p", dst, NAME_LEN);
    } else if (rx_match(&acc_rx, line, len, &c)) {
        if (afs <= 1)
            n->prefixes_accepted = rx_int(&c, "n");
    } else if (rx_match(&adv_rx, line, len, &c)) {
        if (afs <= 1)
            n->prefixes_sent = rx_int(&c, "n");
    } else if (rx_match(&max_rx, line, len, &c)) {
        if (afs <= 1)
            n->max_prefixes = rx_int(&c, "n");
    } else {
        return false;
    }
    return true;
}

static void body_line(iosxr_bgp_nbr_state_t *st, const char *line, size_t len)
{
    bgp_neighbor_t *n = &st->rec.u.neighbor;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&as_rx, line, len, &c)) {
        rx_named(&c, "r", &s, &sl);
        n->remote_as = tu_asn(s, sl);
        rx_named(&c, "l", &s, &sl);
        n->local_as = tu_asn(s, sl);
    } else if (rx_match(&shut_rx, line, len, NULL)) {
        n->admin_down = true;
        if (n->state != BGP_STATE_ABSENT)
            n->state = BGP_STATE_IDLE;
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", n->description, sizeof(n->description));
    } else if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", n->remote_router_id, sizeof(n->remote_router_id));
    } else if (rx_match(&state_rx, line, len, &c)) {
        bool admin = false;
        rx_named(&c, "st", &s, &sl);
        FIELD_SET(n->raw_state, s, (long)sl);
        n->state = tu_bgp_state(s, sl, &admin);
        n->admin_down = n->admin_down || admin;
        if (n->admin_down)
            n->state = BGP_STATE_IDLE;
        if (rx_named(&c, "up", &s, &sl))
            n->up_down = tu_duration(s, sl);
    } else if (rx_match(&hold_rx, line, len, &c)) {
        n->hold_time = rx_int(&c, "h");
        n->keepalive = rx_int(&c, "k");
    } else if (rx_match(&cfg_hold_rx, line, len, &c)) {
        n->cfg_hold_time = rx_int(&c, "h");
        n->cfg_keepalive = rx_int(&c, "k");
    } else if (rx_match(&bfd_rx, line, len, NULL)) {
        n->bfd = TRI_TRUE;
    } else if (rx_match(&md5_rx, line, len, NULL)) {
        n->md5 = TRI_TRUE;
    } else if (rx_match(&msgs_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        if (*s == 'R')
            n->msg_rcvd = rx_int(&c, "n");
        else
            n->msg_sent = rx_int(&c, "n");
    } else if (rx_match(&af_rx, line, len, &c)) {
        st->afs++;
    } else if (af_line(n, st->afs, line, len)) {
        return;
    } else if (rx_match(&conn_rx, line, len, NULL)) {
        st->complete = true;
    } else if (rx_match(&local_rx, line, len, &c)) {
        rx_copy(&c, "a", n->local_address, sizeof(n->local_address));
        n->local_port = rx_int(&c, "p");
    } else if (rx_match(&foreign_rx, line, len, &c)) {
        n->remote_port = rx_int(&c, "p");
    } else if (tu_connections(line, len, &n->conn_established, &n->conn_dropped)) {
    } else if (rx_match(&reset_rx, line, len, &c)) {
        set_reset(n, &c);
    } else if (rx_match(&notif_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        st->notif_dir = *s == 's' ? 1 : 2;
    } else if (rx_match(&errcode_rx, line, len, &c)) {
        /* The reset reason names the notification that ended the session; without one, the
         * first "Error Code" printed (the last one sent) stands in. */
        if (!n->last_error[0] && st->notif_dir) {
            rx_copy(&c, "e", n->last_error, sizeof(n->last_error));
            FIELD_SET(n->notification_dir, st->notif_dir == 1 ? "sent" : "received", -1);
            rx_named(&c, "e", &s, &sl);
            notification_code(n, s, sl);
        }
    }
}

int iosxr_bgp_neighbors_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_bgp_nbr_state_t *st = state;
    if (!st->started) {
        /* "show ... vrf BLUE ..." may print no VRF header of its own. */
        st->started = true;
        iosxr_command_vrf(run, st->vrf, sizeof(st->vrf));
    }
    rx_caps_t c;
    if (iosxr_is_noise(line, len))
        return 0;
    if (iosxr_vrf_header(line, len, st->vrf, sizeof(st->vrf)))
        return 0;
    if (rx_match(&nbr_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        open_neighbor(run, st, &c);
        return 0;
    }
    if (st->open && (line[0] == ' ' || line[0] == '\t')) {
        body_line(st, line, len);
        return 0;
    }
    if (iosxr_is_message(line, len))
        return 0;
    parse_skip_outside(run); /* a block is its head and the indented lines under it */
    return 0;
}

int iosxr_bgp_neighbors_finish(parse_run_t *run, void *state)
{
    iosxr_bgp_nbr_state_t *st = state;
    if (st->open && !st->complete)
        parse_truncated(run, "last neighbor block truncated");
    return flush(run, st);
}
