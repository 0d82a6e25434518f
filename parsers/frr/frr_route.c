/* frr_route.c: FRR "show ip route [vrf NAME|all] [ADDR]" and "show ipv6 route".
 *
 *   B>* 10.1.0.0/16 [20/0] via 192.168.100.130, veth-ce, weight 1, 00:01:02
 *   C>* 192.168.100.128/30 is directly connected, veth-ce, 00:00:07
 *   S>* 198.51.100.0/24 [1/0] via 172.16.0.10, veth-lan, weight 1, 00:01:39
 *     *                       via 192.168.100.130, veth-ce, weight 1, 00:01:39
 *   S>* 172.16.0.0/16 [1/0] unreachable (blackhole), weight 1, 00:00:07
 *
 * ECMP next hops continue on indented lines, at the column of the first one; a line indented
 * further is how zebra resolved a recursive next hop above it (not another path):
 *
 *   S>  198.51.100.0/24 [1/0] via 172.16.0.10 (recursive), weight 1, 00:00:02
 *     *                         unreachable (blackhole), weight 1, 00:00:02
 *     *                       via 192.168.100.130, veth-ce, weight 1, 00:00:02
 *
 * With an address, zebra prints detail blocks:
 *
 *   Routing entry for 10.1.0.0/16
 *     Known via "bgp", distance 20, metric 0, best
 *     Last update 00:00:34 ago
 *     * 192.168.100.130, via veth-ce, weight 1
 */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t route_rx = RX("^(?<code>[A-Za-z])(?<flags>[>*=qrbto ]{0,3}?)\\s*(?<pfx>[0-9A-Fa-f:.]+/\\d+)"
                          "(?:\\s+\\[(?<ad>\\d+)/(?<metric>\\d+)\\])?\\s+(?<rest>.*)$");
static rx_t cont_rx = RX("^\\s+[>*=qrbto ]*\\s*(?<rest>(?:via|is directly|unreachable|Null0|blackhole).*)$");
static rx_t via_rx = RX("^via (?<a>[0-9A-Fa-f:.]+)(?: \\(recursive\\))?(?:, (?!weight |label |src )(?<if>[^, ]+))?");
static rx_t direct_rx = RX("^is directly connected, (?<if>[^, ]+)");
static rx_t age_rx = RX(", (?<age>\\d[0-9a-z:]*)\\s*$");
static rx_t vrf_head_rx = RX("^VRF (?<vrf>\\S+):\\s*$");
static rx_t legend_rx = RX("^(?:Codes:|\\s+[>*A-Za-z] - |\\s+t - trapped|\\s+> - selected)");
static rx_t entry_rx = RX("^Routing entry for (?<pfx>\\S+)");
static rx_t known_rx = RX("^\\s+Known via \"(?<proto>[^\"]+)\", distance (?<ad>\\d+), metric (?<m>\\d+)"
                          "(?:, vrf (?<vrf>[^,]+))?(?<best>, best)?");
static rx_t update_rx = RX("^\\s+Last update (?<age>\\S+) ago");
static rx_t dnh_rx = RX("^\\s+[*>]?\\s*(?:(?<a>[0-9A-Fa-f:.]+), via (?<if>[^, ]+)|directly connected, (?<dif>[^, ]+)|"
                        "unreachable|blackhole|Null0)");
static rx_t detail_ignore_rx = RX("^\\s+(?:Table|Flags|Status|Nexthop Group|Installed|Tag|Distance|"
                                  "Last update|Routing entry)|^% Network not in table");

static const char *rx_subject_start(const rx_caps_t *c)
{
    return c->subject;
}

static int flush(parse_run_t *run, frr_route_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void next_hop(route_t *r, const char *rest, size_t rlen)
{
    if (r->n_next_hops >= MAX_NEXT_HOPS)
        return;
    next_hop_t *nh = &r->next_hops[r->n_next_hops];
    next_hop_init(nh);
    rx_caps_t c;
    if (rx_match(&via_rx, rest, rlen, &c)) {
        rx_copy(&c, "a", nh->address, sizeof(nh->address));
        rx_copy(&c, "if", nh->interface, sizeof(nh->interface));
    } else if (rx_match(&direct_rx, rest, rlen, &c)) {
        rx_copy(&c, "if", nh->interface, sizeof(nh->interface));
    } else if (tu_starts(rest, rlen, "unreachable") || tu_starts(rest, rlen, "blackhole")) {
        FIELD_SET(nh->interface, "Null0", -1); /* FRR's blackhole: nothing to forward to */
    }
    r->n_next_hops++;
    if (r->age == MODEL_ABSENT && rx_match(&age_rx, rest, rlen, &c)) {
        const char *s;
        size_t n;
        rx_named(&c, "age", &s, &n);
        r->age = tu_duration(s, n);
    }
}

static int route(parse_run_t *run, frr_route_state_t *st, const rx_caps_t *c)
{
    int rc = flush(run, st);
    if (rc)
        return rc;
    parse_begin_record(run, &st->rec, KIND_ROUTES);
    route_t *r = &st->rec.u.route;
    const char *s, *flags;
    size_t n, fn;
    rx_named(c, "code", &s, &n);
    FIELD_SET(r->raw_protocol, s, (long)n);
    FIELD_SET(r->protocol, frr_route_code_protocol(s[0]), -1);
    if (rx_named(c, "flags", &flags, &fn))
        r->best = memchr(flags, '>', fn) ? TRI_TRUE : TRI_FALSE;
    rx_named(c, "pfx", &s, &n);
    tu_prefix(s, n, false, r->prefix, sizeof(r->prefix));
    r->distance = rx_int(c, "ad");
    r->metric = rx_int(c, "metric");
    if (r->distance == MODEL_ABSENT && strcmp(r->protocol, "connected") == 0) {
        r->distance = 0;
        r->metric = 0;
    }
    FIELD_SET(r->vrf, st->vrf[0] ? st->vrf : "default", -1);
    st->open = true;
    rx_named(c, "rest", &s, &n);
    st->nh_col = (size_t)(s - rx_subject_start(c));
    next_hop(r, s, n);
    if (!rx_match(&age_rx, s, n, NULL)) /* zebra ends every route line with the age */
        parse_partial(run, "route line cut off");
    return 0;
}

/* "Routing entry for" blocks: one record per block. */
static bool detail(parse_run_t *run, frr_route_state_t *st, const char *line, size_t len, int *rc)
{
    rx_caps_t c;
    route_t *r = &st->rec.u.route;
    const char *s;
    size_t n;
    if (rx_match(&entry_rx, line, len, &c)) {
        *rc = flush(run, st);
        parse_begin_record(run, &st->rec, KIND_ROUTES);
        rx_named(&c, "pfx", &s, &n);
        tu_prefix(s, n, false, r->prefix, sizeof(r->prefix));
        FIELD_SET(r->vrf, st->vrf[0] ? st->vrf : "default", -1);
        st->open = st->detail = true;
        return true;
    }
    if (!st->open || !st->detail)
        return false;
    if (rx_match(&known_rx, line, len, &c)) {
        rx_named(&c, "proto", &s, &n);
        const char *p = tu_protocol_word(s, n);
        FIELD_SET(r->protocol, p ? p : "other", -1);
        FIELD_SET(r->raw_protocol, s, (long)n);
        r->distance = rx_int(&c, "ad");
        r->metric = rx_int(&c, "m");
        rx_copy(&c, "vrf", r->vrf, sizeof(r->vrf));
        r->best = rx_named(&c, "best", &s, &n) ? TRI_TRUE : TRI_FALSE;
    } else if (rx_match(&update_rx, line, len, &c)) {
        rx_named(&c, "age", &s, &n);
        r->age = tu_duration(s, n);
    } else if (rx_match(&dnh_rx, line, len, &c) && r->n_next_hops < MAX_NEXT_HOPS) {
        next_hop_t *nh = &r->next_hops[r->n_next_hops++];
        next_hop_init(nh);
        rx_copy(&c, "a", nh->address, sizeof(nh->address));
        if (!rx_copy(&c, "if", nh->interface, sizeof(nh->interface)) &&
            !rx_copy(&c, "dif", nh->interface, sizeof(nh->interface)))
            FIELD_SET(nh->interface, "Null0", -1);
    } else if (!rx_match(&detail_ignore_rx, line, len, NULL)) {
        return false;
    }
    return true;
}

int frr_route_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_route_state_t *st = state;
    rx_caps_t c;
    int rc = 0;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&route_rx, line, len, &c)) {
        st->detail = false;
        return route(run, st, &c);
    }
    if (detail(run, st, line, len, &rc))
        return rc;
    if (st->open && !st->detail && rx_match(&cont_rx, line, len, &c)) {
        const char *s;
        size_t n;
        rx_named(&c, "rest", &s, &n);
        if ((size_t)(s - line) <= st->nh_col) /* deeper: a recursive hop's resolution */
            next_hop(&st->rec.u.route, s, n);
        return 0;
    }
    if (rx_match(&vrf_head_rx, line, len, &c)) {
        rc = flush(run, st);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return rc;
    }
    if (rx_match(&legend_rx, line, len, NULL) || rx_match(&detail_ignore_rx, line, len, NULL))
        return 0;
    frr_skip(run, line, len);
    return 0;
}

int frr_route_finish(parse_run_t *run, void *state)
{
    return flush(run, state);
}
