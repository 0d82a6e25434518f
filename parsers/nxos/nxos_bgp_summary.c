/* nxos_bgp_summary.c: NX-OS "show ip bgp summary [vrf X|all]", "show bgp ipv4 unicast summary",
 * "show bgp all summary vrf all".
 *
 *   BGP summary information for VRF default, address family IPv4 Unicast
 *   BGP router identifier 192.168.100.129, local AS number 65010
 *   Neighbor        V    AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd
 *   192.168.100.130 4 12076    1234    1200       42    0    0 1d02h    5
 *
 * Each VRF / address-family block repeats the router id and local AS; every neighbor row
 * carries its own block's values.  Long addresses (IPv6) and long AS numbers wrap the row:
 * the head is kept until the continuation line arrives.  The L2VPN EVPN block has its own
 * "Neighbor T AS PfxRcd Type-2 ..." table. */
#include <stdio.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    char af[SHORT_LEN];
    char router_id[ADDR_LEN];
    int64_t local_as;
    bool inited;
    bool evpn;           /* the current table is the EVPN "T AS PfxRcd Type-2" shape */
    char pend[256];      /* the head of a wrapped row */
    size_t pend_len;
} nxos_sum_state_t;

_Static_assert(sizeof(nxos_sum_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t vrf_rx = RX("^BGP summary information for VRF (?<vrf>[^,]+), address family (?<af>.*?)\\s*$");
static rx_t rid_rx = RX("^BGP router identifier (?<rid>\\S+), local AS number (?<as>[\\d.]+)");
static rx_t head_rx = RX("^Neighbor\\s+V\\s+AS\\s+MsgRcvd");
static rx_t evpn_head_rx = RX("^Neighbor\\s+T\\s+AS\\s+PfxRcd");
static rx_t info_rx = RX("^(?:BGP (?:table version|attribute entries|community entries|using)|\\d+ network entries|"
                         "\\d+ (?:paths|neighbors|BGP|received paths|identical)|Dampening|Memory|BGP is operating)");
static rx_t row_rx = RX("^(?<peer>[0-9A-Fa-f.:]+)\\s+(?<v>\\d)\\s+(?<as>[\\d.]+)\\s+(?<rcvd>\\d+)\\s+(?<sent>\\d+)\\s+"
                        "\\d+\\s+\\d+\\s+\\d+\\s+(?<updown>\\S+)\\s+(?<state>.*?)\\s*$");
static rx_t evpn_row_rx = RX("^(?<peer>[0-9A-Fa-f.:]+)\\s+[IE]\\s+(?<as>[\\d.]+)\\s+(?<pfx>\\d+)(?:\\s+\\d+)*\\s*$");
/* A row cut after the address (and maybe the version and AS). */
static rx_t wrap_rx = RX("^(?<peer>[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*)(?:\\s+\\d\\s+[\\d.]+)?\\s*$");

static void nxos_sum_state(bgp_peer_t *p, const char *s, size_t n)
{
    FIELD_SET(p->raw_state, s, (long)n);
    int64_t pfx = tu_int(s, n);
    if (pfx != MODEL_ABSENT) {
        p->state = BGP_STATE_ESTABLISHED;
        p->prefixes_received = pfx;
        return;
    }
    p->state = tu_bgp_state(s, n, &p->admin_down);
    /* "Shut (Admin)", "Idle (Admin)": tu_bgp_state knows both; keep the rule explicit here. */
    if (tu_starts(s, n, "shut")) {
        p->state = BGP_STATE_IDLE;
        p->admin_down = true;
    }
}

static void nxos_sum_common(const nxos_sum_state_t *st, bgp_peer_t *p)
{
    FIELD_SET(p->vrf, st->vrf, -1);
    FIELD_SET(p->router_id, st->router_id, -1);
    FIELD_SET(p->address_family, st->af, -1);
    p->local_as = st->local_as;
}

static int nxos_sum_row(parse_run_t *run, nxos_sum_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    const char *s;
    size_t n;
    if (!st->evpn && rx_match(&row_rx, line, len, &c)) {
        p->msg_rcvd = rx_int(&c, "rcvd");
        p->msg_sent = rx_int(&c, "sent");
        p->up_down = nxos_rx_duration(&c, "updown");
        rx_named(&c, "state", &s, &n);
        nxos_sum_state(p, s, n);
    } else if (st->evpn && rx_match(&evpn_row_rx, line, len, &c)) {
        p->state = BGP_STATE_ESTABLISHED;
        p->prefixes_received = rx_int(&c, "pfx");
    } else {
        return 1;
    }
    rx_copy(&c, "peer", p->peer, sizeof(p->peer));
    p->remote_as = nxos_rx_asn(&c, "as");
    nxos_sum_common(st, p);
    return parse_emit(run, &rec) ? -1 : 0;
}

int nxos_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_sum_state_t *st = state;
    rx_caps_t c;
    if (!st->inited) {
        st->local_as = MODEL_ABSENT; /* the driver hands over zeroed state; 0 is not "absent" */
        st->inited = true;
    }
    if (st->pend_len) {
        /* Glue the continuation to the head and read them as one row. */
        char joined[512];
        int jn = snprintf(joined, sizeof(joined), "%.*s %.*s", (int)st->pend_len, st->pend, (int)len, line);
        st->pend_len = 0;
        int rc = nxos_sum_row(run, st, joined, (size_t)jn < sizeof(joined) ? (size_t)jn : sizeof(joined) - 1);
        if (rc <= 0)
            return rc;
        parse_skip(run);
    }
    if (nxos_is_rule(line, len) || rx_match(&info_rx, line, len, NULL))
        return 0;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        rx_copy(&c, "af", st->af, sizeof(st->af));
        st->router_id[0] = '\0';
        st->local_as = MODEL_ABSENT;
        if (!parse_meta(run)->vrf[0])
            FIELD_SET(parse_meta(run)->vrf, st->vrf, -1);
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", st->router_id, sizeof(st->router_id));
        st->local_as = nxos_rx_asn(&c, "as");
        parse_meta_t *m = parse_meta(run);
        if (!m->router_id[0]) {
            FIELD_SET(m->router_id, st->router_id, -1);
            m->local_as = st->local_as;
        }
        return 0;
    }
    if (rx_match(&head_rx, line, len, NULL) || rx_match(&evpn_head_rx, line, len, NULL)) {
        st->evpn = rx_match(&evpn_head_rx, line, len, NULL);
        return 0;
    }
    int rc = nxos_sum_row(run, st, line, len);
    if (rc <= 0)
        return rc;
    if (rx_match(&wrap_rx, line, len, NULL) && len < sizeof(st->pend)) {
        memcpy(st->pend, line, len);
        st->pend_len = len;
        return 0;
    }
    parse_skip(run);
    return 0;
}

int nxos_bgp_summary_finish(parse_run_t *run, void *state)
{
    nxos_sum_state_t *st = state;
    if (st->pend_len) {
        /* The output stopped inside a wrapped row: keep the peer, say it is incomplete. */
        record_t rec;
        parse_begin_record(run, &rec, KIND_BGP_SUMMARY);
        rx_caps_t c;
        if (rx_match(&wrap_rx, st->pend, st->pend_len, &c)) {
            rx_copy(&c, "peer", rec.u.peer.peer, sizeof(rec.u.peer.peer));
            nxos_sum_common(st, &rec.u.peer);
            parse_truncated(run, "neighbor row cut off");
            return parse_emit(run, &rec);
        }
    }
    return 0;
}
