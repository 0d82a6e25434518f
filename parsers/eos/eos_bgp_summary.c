/* eos_bgp_summary.c: EOS "show ip bgp summary [vrf X|all]", "show ipv6 bgp summary",
 * "show bgp evpn summary", "show bgp ipv4 unicast summary".
 *
 *   BGP summary information for VRF default
 *   Router identifier 192.168.100.129, local AS number 65010
 *   Neighbor Status Codes: m - Under maintenance
 *     Description   Neighbor         V AS      MsgRcvd MsgSent InQ OutQ  Up/Down State   PfxRcd PfxAcc
 *     MSEE-primary  192.168.100.130  4 12076      1203    1190   0    0 1d02h    Estab   5      5
 *
 * Older EOS prints one "State/PfxRcd" column where a number means Established. */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    char router_id[ADDR_LEN];
    int64_t local_as;
    bool have_as;
} eos_sum_state_t;

_Static_assert(sizeof(eos_sum_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t vrf_rx = RX("^\\s*BGP summary information for VRF (?<vrf>\\S+)");
static rx_t rid_rx = RX("^\\s*(?:BGP router|Router) identifier (?<rid>\\S+), local AS number (?<as>\\S+)");
static rx_t ignore_rx = RX("^\\s*(?:Neighbor Status Codes|Neighbor\\s+V\\s|Neighbor\\s+AS\\s+Session|Description\\s+Neighbor|"
                           "BGP summary information|%|! )|^\\s*$|^[- ]+$");
/* "show bgp summary" (EOS 4.2x multi-protocol form): one row per peer and address family.
 *   Neighbor               AS Session State AFI/SAFI                AFI/SAFI State   NLRI Rcd   NLRI Acc
 *   192.168.100.130     12076 Established   IPv4 Unicast            Negotiated              5          4 */
static rx_t afi_row_rx = RX("^\\s*(?<peer>[0-9a-fA-F.:]+)\\s+(?<as>\\d+(?:\\.\\d+)?)\\s+(?<st>[A-Za-z]+(?:\\s?\\([^)]*\\))?)\\s+"
                            "(?<afi>\\S+(?: \\S+)*?)\\s{2,}(?<afst>[A-Za-z]+)(?:\\s+(?<rcd>\\d+)\\s+(?<acc>\\d+))?\\s*$");
static rx_t row_rx = RX("^\\s*(?:(?<desc>.+?)\\s+)?(?<peer>[0-9a-fA-F.:]+(?:%\\S+)?)\\s+4\\s+(?<as>\\d+(?:\\.\\d+)?)\\s+"
                        "(?<rcvd>\\d+)\\s+(?<sent>\\d+)\\s+\\d+\\s+\\d+\\s+(?<ud>\\S+)\\s+"
                        "(?<st>[A-Za-z]+(?:\\s?\\([^)]*\\))?|\\d+)(?:\\s+(?<rcd>\\d+))?(?:\\s+(?<acc>\\d+))?\\s*$");

static void eos_sum_header(parse_run_t *run, eos_sum_state_t *st, const rx_caps_t *c)
{
    parse_meta_t *m = parse_meta(run);
    const char *s;
    size_t n;
    rx_copy(c, "rid", st->router_id, sizeof(st->router_id));
    rx_named(c, "as", &s, &n);
    st->local_as = tu_asn(s, n);
    if (!st->have_as) {
        FIELD_SET(m->router_id, st->router_id, -1);
        m->local_as = st->local_as;
        st->have_as = true;
    }
}

static int eos_sum_afi_row(parse_run_t *run, const eos_sum_state_t *st, const rx_caps_t *c)
{
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    const char *s;
    size_t n;
    rx_copy(c, "peer", p->peer, sizeof(p->peer));
    rx_named(c, "as", &s, &n);
    p->remote_as = tu_asn(s, n);
    rx_named(c, "st", &s, &n);
    FIELD_SET(p->raw_state, s, (long)n);
    p->state = tu_bgp_state(s, n, &p->admin_down);
    rx_copy(c, "afi", p->address_family, sizeof(p->address_family));
    if (p->state == BGP_STATE_ESTABLISHED) {
        p->prefixes_received = rx_int(c, "rcd");
        p->prefixes_accepted = rx_int(c, "acc");
    }
    FIELD_SET(p->vrf, st->vrf, -1);
    FIELD_SET(p->router_id, st->router_id, -1);
    p->local_as = st->have_as ? st->local_as : MODEL_ABSENT;
    return parse_emit(run, &rec);
}

int eos_bgp_summary_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_sum_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        st->router_id[0] = '\0';
        st->local_as = MODEL_ABSENT;
        eos_meta_vrf(run, st->vrf, strlen(st->vrf));
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        eos_sum_header(run, st, &c);
        return 0;
    }
    if (rx_match(&ignore_rx, line, len, NULL))
        return 0;
    if (rx_match(&afi_row_rx, line, len, &c) && rx_named(&c, "peer", &s, &n) && tu_is_ip(s, n))
        return eos_sum_afi_row(run, st, &c);
    if (!rx_match(&row_rx, line, len, &c) || !rx_named(&c, "peer", &s, &n) || !tu_is_ip(s, n)) {
        parse_skip(run);
        return 0;
    }
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    FIELD_SET(p->peer, s, (long)n);
    rx_copy(&c, "desc", p->description, sizeof(p->description));
    rx_named(&c, "as", &s, &n);
    p->remote_as = tu_asn(s, n);
    p->msg_rcvd = rx_int(&c, "rcvd");
    p->msg_sent = rx_int(&c, "sent");
    rx_named(&c, "ud", &s, &n);
    p->up_down = tu_duration(s, n);
    rx_named(&c, "st", &s, &n);
    FIELD_SET(p->raw_state, s, (long)n);
    if (s[0] >= '0' && s[0] <= '9') { /* old "State/PfxRcd": a count means Established */
        p->state = BGP_STATE_ESTABLISHED;
        p->prefixes_received = tu_int(s, n);
    } else {
        p->state = tu_bgp_state(s, n, &p->admin_down);
        if (p->state == BGP_STATE_ESTABLISHED) {
            p->prefixes_received = rx_int(&c, "rcd");
            p->prefixes_accepted = rx_int(&c, "acc");
        }
    }
    FIELD_SET(p->address_family, eos_command_family(run), -1); /* the table is the command's family */
    FIELD_SET(p->vrf, st->vrf, -1);
    FIELD_SET(p->router_id, st->router_id, -1);
    p->local_as = st->have_as ? st->local_as : MODEL_ABSENT;
    return parse_emit(run, &rec);
}
