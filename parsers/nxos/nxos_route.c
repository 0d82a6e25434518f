/* nxos_route.c: NX-OS "show ip route [vrf X|all] [A.B.C.D]" (and "show ipv6 route").
 *
 *   IP Route Table for VRF "default"
 *   192.168.100.128/30, ubest/mbest: 1/0, attached
 *       *via 192.168.100.129, Eth1/1, [0/0], 1d02h, direct
 *   10.50.0.0/16, ubest/mbest: 2/0
 *       *via 192.168.100.130, [20/0], 1d02h, bgp-65010, external, tag 12076
 *       *via 192.168.100.134, [20/0], 1d02h, bgp-65010, external, tag 12076
 *
 * A route is one "prefix, ubest/mbest" line plus its "via" lines (ECMP paths stay in one
 * record); each via keeps its own protocol, [distance/metric] and age, and the route takes
 * the first best one's. */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    record_t rec;
    bool open;
    bool have_best; /* the route's own values come from its first '*' via */
} nxos_route_state_t;

_Static_assert(sizeof(nxos_route_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t vrf_rx = RX("^IPv[46]? ?Rout(?:e|ing) Table for VRF \"(?<vrf>[^\"]+)\"|^IP Route Table for VRF \"(?<vrf2>[^\"]+)\"");
static rx_t legend_rx = RX("^(?:'[^']+' (?:denotes|in via output denotes)|Route not found|No IP Route Table|"
                           "Prefix not found|% |\\s*$)");
static rx_t prefix_rx = RX("^(?<p>[0-9A-Fa-f.:]+/\\d+), ubest/mbest: \\d+/\\d+");
static rx_t via_rx = RX("^\\s+(?<best>\\*{1,2})?via (?<a>[^,\\s]+)(?:, (?<if>[^,\\[\\s]+))?, \\[(?<d>\\d+)/(?<m>\\d+)\\], "
                        "(?<age>[^,]+), (?<proto>[^,\\s]+)(?<rest>.*)$");

/* at_end: the last route, whose missing next hops mean the answer was cut there. */
static int nxos_route_flush(parse_run_t *run, nxos_route_state_t *st, bool at_end)
{
    if (!st->open)
        return 0;
    st->open = false;
    if (st->rec.u.route.n_next_hops == 0)
        (at_end ? parse_truncated : parse_partial)(run, "route cut off before its next hops");
    return parse_emit(run, &st->rec);
}

static void nxos_route_proto(char *dst, size_t size, const char *s, size_t n)
{
    const char *w = tu_protocol_word(s, n);
    if (w)
        field_set(dst, size, w, -1);
    else
        field_set(dst, size, s, (long)n);
}

static void nxos_route_via(parse_run_t *run, nxos_route_state_t *st, const rx_caps_t *c)
{
    route_t *r = &st->rec.u.route;
    if (r->n_next_hops >= MAX_NEXT_HOPS) {
        parse_partial(run, "more ECMP next hops than a route record holds");
        return;
    }
    next_hop_t *nh = &r->next_hops[r->n_next_hops++];
    next_hop_init(nh);
    const char *s, *p;
    size_t n, pn;
    rx_named(c, "a", &s, &n);
    char addr[ADDR_LEN];
    nxos_split_vrf(s, n, addr, sizeof(addr), nh->vrf, sizeof(nh->vrf));
    if (tu_is_ip(addr, strlen(addr)))
        FIELD_SET(nh->address, addr, -1);
    else
        FIELD_SET(nh->interface, addr, -1); /* "via Null0": a discard route */
    rx_copy(c, "if", nh->interface, sizeof(nh->interface));
    nh->distance = rx_int(c, "d");
    nh->metric = rx_int(c, "m");
    nh->age = nxos_rx_duration(c, "age");
    rx_named(c, "proto", &p, &pn);
    nxos_route_proto(nh->protocol, sizeof(nh->protocol), p, pn);
    bool best = rx_named(c, "best", &s, &n);
    if (!st->have_best && (best || r->n_next_hops == 1)) {
        st->have_best = best;
        FIELD_SET(r->protocol, nh->protocol, -1);
        FIELD_SET(r->raw_protocol, p, (long)pn);
        r->distance = nh->distance;
        r->metric = nh->metric;
        r->age = nh->age;
    }
    if (best)
        r->best = TRI_TRUE;
}

int nxos_route_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_route_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&via_rx, line, len, &c)) {
        if (!st->open)
            parse_skip(run);
        else
            nxos_route_via(run, st, &c);
        return 0;
    }
    if (rx_match(&prefix_rx, line, len, &c)) {
        int rc = nxos_route_flush(run, st, false);
        parse_begin_record(run, &st->rec, KIND_ROUTES);
        st->open = true;
        st->have_best = false;
        route_t *r = &st->rec.u.route;
        rx_named(&c, "p", &s, &n);
        if (!tu_prefix(s, n, false, r->prefix, sizeof(r->prefix)))
            FIELD_SET(r->prefix, s, (long)n);
        FIELD_SET(r->vrf, st->vrf, -1);
        return rc;
    }
    if (rx_match(&vrf_rx, line, len, &c)) {
        int rc = nxos_route_flush(run, st, false);
        if (!rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf)))
            rx_copy(&c, "vrf2", st->vrf, sizeof(st->vrf));
        return rc;
    }
    if (rx_match(&legend_rx, line, len, NULL))
        return 0;
    if (line[0] == ' ' || line[0] == '\t')
        parse_skip(run); /* indented: a line of the open route's block */
    else
        parse_skip_outside(run);
    return 0;
}

int nxos_route_finish(parse_run_t *run, void *state)
{
    return nxos_route_flush(run, state, true);
}
