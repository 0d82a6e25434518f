/* iosxr_bgp_summary.c: IOS-XR "show bgp [instance all] [vrf X|all] [ipv4 unicast] summary".
 *
 *   VRF: BLUE                                  (vrf all: one section per VRF)
 *   BGP router identifier 192.168.100.129, local AS number 65010
 *   Neighbor        Spk    AS MsgRcvd MsgSent   TblVer  InQ OutQ  Up/Down  St/PfxRcd
 *   192.168.100.130   0 12076    1234    1200       42    0    0    1w2d          5
 *   192.168.100.134   0 12076       0       0        0    0    0 00:00:00 Idle!
 *   2001:db8:100::2
 *                     0 12076      10      12       42    0    0 00:10:00          3
 *
 * XR appends '!' to the state/count of an eBGP peer without both route-policies (it then
 * accepts and sends nothing); the number stays a number, the mark is kept in raw_state.
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t rid_rx = RX("^BGP router identifier (?<rid>\\S+), local AS number (?<as>\\S+)");
static rx_t vrf_rx = RX("^(?:VRF: (?<v1>\\S+)|BGP VRF (?<v2>[^,\\s]+), state)");
static rx_t head_rx = RX("^Neighbor\\s+Spk\\s+AS\\s+MsgRcvd");
static rx_t row_rx = RX("^(?<peer>[0-9A-Fa-f.:]+)?\\s+(?<spk>\\d+)\\s+(?<as>\\d+(?:\\.\\d+)?)\\s+(?<rcvd>\\d+)\\s+"
                        "(?<sent>\\d+)\\s+\\d+\\s+\\d+\\s+\\d+\\s+(?<updown>\\S+)\\s+(?<st>.+?)\\s*$");
static rx_t lone_peer_rx = RX("^(?<peer>[0-9A-Fa-f.:]+)\\s*$");
/* Preamble lines: versions, modes, the process table and the no-policy explanation. */
static rx_t known_rx = RX("^(?:BGP |Non-stop|Table ID|Process|Speaker|Some configured|do not have|"
                          "address family|receiving no|Use the|VRF ID|Dampening|Address Family|"
                          "BGP instance|Graceful|Update|Instance|\\s*$)");

static void peer_state(bgp_peer_t *p, const char *s, size_t n)
{
    FIELD_SET(p->raw_state, s, (long)n);
    while (n && s[n - 1] == '!')
        n--; /* the no-policy mark */
    int64_t pfx = tu_int(s, n);
    if (pfx != MODEL_ABSENT) {
        p->state = BGP_STATE_ESTABLISHED;
        p->prefixes_received = pfx;
        return;
    }
    p->state = tu_bgp_state(s, n, &p->admin_down);
}

static int emit_row(parse_run_t *run, iosxr_bgp_sum_state_t *st, const char *peer, size_t plen, rx_caps_t *c)
{
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    const char *s;
    size_t n;
    FIELD_SET(p->peer, peer, (long)plen);
    rx_named(c, "as", &s, &n);
    p->remote_as = tu_asn(s, n);
    p->local_as = st->has_as ? st->local_as : MODEL_ABSENT;
    FIELD_SET(p->router_id, st->router_id, -1);
    FIELD_SET(p->vrf, st->vrf, -1);
    FIELD_SET(p->address_family, st->af, -1);
    p->msg_rcvd = rx_int(c, "rcvd");
    p->msg_sent = rx_int(c, "sent");
    rx_named(c, "updown", &s, &n);
    p->up_down = tu_duration(s, n);
    rx_named(c, "st", &s, &n);
    peer_state(p, s, n);
    if (p->state == BGP_STATE_ABSENT)
        parse_partial(run, "neighbor row with an unreadable state (cut?)");
    return parse_emit(run, &rec);
}

int iosxr_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_bgp_sum_state_t *st = state;
    if (!st->started) {
        /* "show ... vrf BLUE ..." may print no VRF header of its own. */
        st->started = true;
        iosxr_command_vrf(run, st->vrf, sizeof(st->vrf));
        tu_command_af(parse_command_norm(run), st->af, sizeof(st->af)); /* XR prints no family line */
    }
    rx_caps_t c;
    const char *s;
    size_t n;
    if (iosxr_is_noise(line, len) || iosxr_is_message(line, len))
        return 0;
    if (rx_match(&vrf_rx, line, len, &c)) {
        if (!rx_copy(&c, "v1", st->vrf, sizeof(st->vrf)))
            rx_copy(&c, "v2", st->vrf, sizeof(st->vrf));
        st->in_table = false;
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", st->router_id, sizeof(st->router_id));
        rx_named(&c, "as", &s, &n);
        st->local_as = tu_asn(s, n);
        st->has_as = st->local_as != MODEL_ABSENT;
        parse_meta_t *m = parse_meta(run);
        if (!m->router_id[0])
            FIELD_SET(m->router_id, st->router_id, -1);
        if (m->local_as == MODEL_ABSENT)
            m->local_as = st->local_as;
        /* A filter ("| include 192.168") keeps this line and the rows, not what lies between. */
        st->in_table = st->in_table && parse_filtered(run);
        return 0;
    }
    if (rx_match(&head_rx, line, len, NULL)) {
        st->in_table = true;
        return 0;
    }
    if (st->in_table) {
        if (rx_match(&lone_peer_rx, line, len, &c) && tu_is_ip(line, strcspn(line, " "))) {
            rx_copy(&c, "peer", st->pending_peer, sizeof(st->pending_peer));
            parse_begin_block(run); /* the peer's row follows on the next line */
            return 0;
        }
        if (rx_match(&row_rx, line, len, &c)) {
            if (rx_named(&c, "peer", &s, &n)) {
                st->pending_peer[0] = '\0';
                parse_begin_block(run); /* a row is a record */
                return emit_row(run, st, s, n, &c);
            }
            if (st->pending_peer[0]) {
                int rc = emit_row(run, st, st->pending_peer, (long)strlen(st->pending_peer), &c);
                st->pending_peer[0] = '\0';
                return rc;
            }
        }
    }
    if (rx_match(&known_rx, line, len, NULL))
        return 0;
    parse_skip(run);
    return 0;
}

int iosxr_bgp_summary_finish(parse_run_t *run, void *state)
{
    iosxr_bgp_sum_state_t *st = state;
    if (st->pending_peer[0])
        parse_truncated(run, "neighbor row cut after its address");
    return 0;
}
