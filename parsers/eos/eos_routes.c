/* eos_routes.c: EOS "show ip route [vrf X] [A.B.C.D]" (and "show ipv6 route").
 *
 *   VRF: default
 *    B E      10.1.0.0/16 [200/0] via 192.168.100.130, Ethernet1
 *                                 via 192.168.100.134, Ethernet2
 *    C        192.168.100.128/30 is directly connected, Ethernet1
 */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    record_t rec;
    bool open;
} eos_rt_state_t;

_Static_assert(sizeof(eos_rt_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t vrf_rx = RX("^\\s*VRF(?: name)?: (?<vrf>\\S+)");
static rx_t route_rx = RX("^\\s?(?<code>[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)?)[*%>&]*\\s+"
                          "(?<pfx>[0-9.]+/\\d+|[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d+)\\s*(?:\\[(?<ad>\\d+)/(?<met>\\d+)\\])?\\s*(?<rest>.*?)\\s*$");
static rx_t via_rx = RX("^\\s*via (?<nh>[0-9a-fA-F.:]+)(?:,\\s*(?<if>[^,\\s]+))?");
static rx_t via_if_rx = RX("^\\s*via (?<if>[A-Za-z][^,\\s]*), directly connected");
static rx_t conn_rx = RX("^\\s*is directly connected(?:,\\s*(?<if>[^,\\s]+))?");
static rx_t ignore_rx = RX("^\\s*(?:Codes:|Gateway of last resort|WARNING|kernel, and|Displaying \\d+ of|! |%)|^\\s*$|"
                           "^\\s+\\S+ +- |^\\s+[A-Z][A-Za-z0-9]* [A-Z0-9]+ - ");

/* EOS codes the Cisco table reads differently: "DH" DHCP, "DP" dynamic policy, "RC" route
 * cache, "L" VRF leaked, "NG" nexthop group, "V" VXLAN. */
static const char *eos_route_protocol(const char *code, size_t n)
{
    static const char *const other[] = {"DH", "DP", "RC", "L", "NG", "V", "M", "G"};
    for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++)
        if (tu_eq(code, n, other[i]))
            return "other";
    return tu_route_code_protocol(code, n);
}

static int eos_rt_flush(parse_run_t *run, eos_rt_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

/* Reads "via A, IF" or "is directly connected, IF" into a next hop; false if neither. */
static bool eos_rt_hop(route_t *r, const char *s, size_t n)
{
    rx_caps_t c;
    if (r->n_next_hops >= MAX_NEXT_HOPS)
        return true;
    next_hop_t *h = &r->next_hops[r->n_next_hops];
    next_hop_init(h);
    if (rx_match(&via_if_rx, s, n, &c)) { /* IPv6: "via Ethernet1, directly connected" */
        rx_copy(&c, "if", h->interface, sizeof(h->interface));
    } else if (rx_match(&via_rx, s, n, &c)) {
        rx_copy(&c, "nh", h->address, sizeof(h->address));
        rx_copy(&c, "if", h->interface, sizeof(h->interface));
    } else if (rx_match(&conn_rx, s, n, &c)) {
        rx_copy(&c, "if", h->interface, sizeof(h->interface));
    } else {
        return false;
    }
    r->n_next_hops++;
    return true;
}

int eos_routes_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_rt_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&vrf_rx, line, len, &c)) {
        int rc = eos_rt_flush(run, st);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        eos_meta_vrf(run, st->vrf, strlen(st->vrf));
        return rc;
    }
    if (rx_match(&route_rx, line, len, &c)) {
        int rc = eos_rt_flush(run, st);
        parse_begin_record(run, &st->rec, KIND_ROUTES);
        route_t *r = &st->rec.u.route;
        st->open = true;
        rx_named(&c, "code", &s, &n);
        FIELD_SET(r->raw_protocol, s, (long)n);
        const char *proto = eos_route_protocol(s, n);
        if (proto)
            FIELD_SET(r->protocol, proto, -1);
        rx_named(&c, "pfx", &s, &n);
        tu_prefix(s, n, false, r->prefix, sizeof(r->prefix));
        r->distance = rx_int(&c, "ad");
        r->metric = rx_int(&c, "met");
        FIELD_SET(r->vrf, st->vrf, -1);
        rx_named(&c, "rest", &s, &n);
        if (n && !eos_rt_hop(r, s, n))
            parse_skip(run);
        return rc;
    }
    if (st->open && len && line[0] == ' ' && eos_rt_hop(&st->rec.u.route, line, len))
        return 0; /* an ECMP continuation line */
    if (rx_match(&ignore_rx, line, len, NULL))
        return 0;
    if (len && line[0] == ' ')
        parse_skip(run); /* indented: a line of the open route's block */
    else
        parse_skip_outside(run);
    return 0;
}

int eos_routes_finish(parse_run_t *run, void *state)
{
    return eos_rt_flush(run, state);
}
