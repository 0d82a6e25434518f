/* iosxr_route.c: IOS-XR "show route [ipv4|ipv6] [vrf X|all] [A.B.C.D]" and "show ip route".
 *
 *   B    10.1.0.0/16 [20/0] via 192.168.100.130, 1w2d
 *   O E2 10.2.0.0/16 [110/20] via 10.0.0.2, 00:10:00, GigabitEthernet0/0/0/1
 *                    [110/20] via 10.0.0.6, 00:10:00, GigabitEthernet0/0/0/2
 *   C    192.168.100.128/30 is directly connected, 2w0d, GigabitEthernet0/0/0/0
 *   B    10.3.0.0/24 [200/0] via 10.1.0.25 (nexthop in vrf default), 1w5d
 *
 * and the single-prefix form:
 *   Routing entry for 10.1.0.0/16
 *     Known via "bgp 65010", distance 20, metric 0
 *     Installed Nov 12 10:11:12.123 for 1w2d
 *     Routing Descriptor Blocks
 *       192.168.100.130, from 192.168.100.130, via GigabitEthernet0/0/0/0
 *         Route metric is 0
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t route_rx = RX("^(?<code>[A-Za-z](?:\\*|\\+|%)?(?: (?:E1|E2|N1|N2|IA|L1|L2|ia|su|EX|E|L|N))?(?:\\*|\\+)?)"
                          "\\s+(?<pfx>[0-9A-Fa-f.:]+/\\d+)\\s*(?<rest>.*?)\\s*$");
static rx_t via_rx = RX("^\\[(?<d>\\d+)/(?<m>\\d+)\\] via (?<nh>[0-9A-Fa-f.:]+)(?: \\(nexthop in vrf (?<nvrf>[^)]+)\\))?"
                        "(?:, (?<age>[^,\\s]+))?(?:, (?<if>[^,\\s]+))?");
static rx_t conn_rx = RX("^is directly connected(?:, (?<age>[^,\\s]+))?(?:, (?<if>[^,\\s]+))?");
static rx_t cont_rx = RX("^\\s+(?<rest>(?:\\[\\d+/\\d+\\] via|is directly connected).*?)\\s*$");
/* IPv6 "is directly connected," wraps its age and interface onto the next line. */
static rx_t wrap_rx = RX("^\\s+(?<age>[0-9wdhmsy:]+), (?<if>\\S+)\\s*$");
static rx_t entry_rx = RX("^Routing entry for (?<pfx>\\S+)");
static rx_t known_via_rx = RX("^\\s+Known via \"(?<proto>[^\"]+)\", distance (?<d>\\d+), metric (?<m>\\d+)");
static rx_t installed_rx = RX("^\\s+Installed .* for (?<age>\\S+)\\s*$");
/* a BGP path names its kind where others name the interface: "10.0.0.1, from 10.0.0.1, BGP external" */
static rx_t rdb_rx = RX("^\\s+(?:(?<nh>[0-9A-Fa-f.:]+)(?:, from \\S+)?(?:, via (?<if>\\S+?)|, BGP (?:external|internal))?"
                        "|directly connected, via (?<dif>\\S+?))"
                        "(?: \\(nexthop in vrf (?<nvrf>[^)]+)\\))?,?\\s*$");
static rx_t known_rx = RX("^(?:Codes:|\\s+\\S{1,3}\\s+-\\s|Gateway of last resort|\\s+Routing Descriptor Blocks|"
                          "\\s+No advertising protos|\\s+Tag |\\s+Route metric is|\\s+Redist Advertisers|"
                          "\\s+Known via|\\s+Installed|\\s+[A-Za-z ]+ - |\\s+Backup|\\s+Label|\\s+Tunnel ID|"
                          "\\s+Extended communities|\\s+NHID|\\s+Path|\\s+Source|\\s+Originator|"
                          "\\s+Route version|\\s+Number of pic paths)");

static int flush(parse_run_t *run, iosxr_route_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static next_hop_t *add_hop(route_t *r)
{
    if (r->n_next_hops >= MAX_NEXT_HOPS)
        return NULL;
    next_hop_t *nh = &r->next_hops[r->n_next_hops++];
    next_hop_init(nh);
    return nh;
}

/* "[d/m] via A, age, IF" or "is directly connected, age, IF": one next hop. */
static bool add_path(route_t *r, const char *rest, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    bool via = rx_match(&via_rx, rest, len, &c);
    if (!via && !rx_match(&conn_rx, rest, len, &c))
        return false;
    next_hop_t *nh = add_hop(r);
    if (!nh)
        return true;
    if (via) {
        /* XR follows every next hop with its age: a line that stops before it was cut */
        if (!rx_named(&c, "age", &s, &n))
            return false;
        rx_copy(&c, "nh", nh->address, sizeof(nh->address));
        rx_copy(&c, "nvrf", nh->vrf, sizeof(nh->vrf));
        nh->distance = rx_int(&c, "d");
        nh->metric = rx_int(&c, "m");
    }
    if (rx_named(&c, "age", &s, &n))
        nh->age = tu_duration(s, n);
    rx_copy(&c, "if", nh->interface, sizeof(nh->interface));
    if (r->n_next_hops == 1) {
        r->distance = nh->distance;
        r->metric = nh->metric;
        r->age = nh->age;
    }
    return true;
}

static int open_route(parse_run_t *run, iosxr_route_state_t *st, rx_caps_t *c)
{
    if (flush(run, st))
        return -1;
    parse_begin_record(run, &st->rec, KIND_ROUTES);
    route_t *r = &st->rec.u.route;
    const char *s;
    size_t n;
    rx_named(c, "code", &s, &n);
    FIELD_SET(r->raw_protocol, s, (long)n);
    const char *proto = tu_route_code_protocol(s, n);
    FIELD_SET(r->protocol, proto ? proto : "other", -1);
    rx_named(c, "pfx", &s, &n);
    if (!tu_prefix(s, n, false, r->prefix, sizeof(r->prefix)))
        FIELD_SET(r->prefix, s, (long)n);
    FIELD_SET(r->vrf, st->vrf, -1);
    st->open = true;
    st->detail = false;
    return 0;
}

static int detail_line(parse_run_t *run, iosxr_route_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    route_t *r = &st->rec.u.route;
    const char *s;
    size_t n;
    if (rx_match(&entry_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        parse_begin_record(run, &st->rec, KIND_ROUTES);
        rx_named(&c, "pfx", &s, &n);
        if (!tu_prefix(s, n, false, r->prefix, sizeof(r->prefix)))
            FIELD_SET(r->prefix, s, (long)n);
        FIELD_SET(r->vrf, st->vrf, -1);
        st->open = st->detail = true;
        return 1;
    }
    if (!st->open || !st->detail)
        return 0;
    if (rx_match(&known_via_rx, line, len, &c)) {
        rx_named(&c, "proto", &s, &n);
        FIELD_SET(r->raw_protocol, s, (long)n);
        FIELD_SET(r->protocol, tu_protocol_word(s, n), -1);
        r->distance = rx_int(&c, "d");
        r->metric = rx_int(&c, "m");
        return 1;
    }
    if (rx_match(&installed_rx, line, len, &c)) {
        rx_named(&c, "age", &s, &n);
        r->age = tu_duration(s, n);
        return 1;
    }
    if (rx_match(&rdb_rx, line, len, &c)) {
        next_hop_t *nh = add_hop(r);
        if (nh) {
            rx_copy(&c, "nh", nh->address, sizeof(nh->address));
            if (!rx_copy(&c, "if", nh->interface, sizeof(nh->interface)))
                rx_copy(&c, "dif", nh->interface, sizeof(nh->interface));
            rx_copy(&c, "nvrf", nh->vrf, sizeof(nh->vrf));
        }
        return 1;
    }
    return 0;
}

int iosxr_route_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_route_state_t *st = state;
    if (!st->started) {
        /* "show ... vrf BLUE ..." may print no VRF header of its own. */
        st->started = true;
        iosxr_command_vrf(run, st->vrf, sizeof(st->vrf));
    }
    rx_caps_t c;
    if (iosxr_is_noise(line, len))
        return 0;
    if (iosxr_vrf_header(line, len, st->vrf, sizeof(st->vrf)))
        return flush(run, st);
    int d = detail_line(run, st, line, len);
    if (d)
        return d < 0 ? -1 : 0;
    if (line[0] != ' ' && rx_match(&route_rx, line, len, &c)) {
        if (open_route(run, st, &c))
            return -1;
        const char *s;
        size_t n;
        /* IPv6 routes print their first path on the next line. */
        if (rx_named(&c, "rest", &s, &n) && n && !add_path(&st->rec.u.route, s, n))
            parse_skip(run);
        return 0;
    }
    if (st->open && !st->detail && rx_match(&cont_rx, line, len, &c)) {
        const char *s;
        size_t n;
        rx_named(&c, "rest", &s, &n);
        if (!add_path(&st->rec.u.route, s, n))
            parse_skip(run);
        return 0;
    }
    if (st->open && !st->detail && st->rec.u.route.n_next_hops > 0 && rx_match(&wrap_rx, line, len, &c)) {
        route_t *r = &st->rec.u.route;
        next_hop_t *nh = &r->next_hops[r->n_next_hops - 1];
        if (!nh->interface[0]) {
            const char *s;
            size_t n;
            rx_named(&c, "age", &s, &n);
            nh->age = tu_duration(s, n);
            rx_copy(&c, "if", nh->interface, sizeof(nh->interface));
            if (r->n_next_hops == 1)
                r->age = nh->age;
            return 0;
        }
    }
    if (iosxr_is_message(line, len) || rx_match(&known_rx, line, len, NULL))
        return 0;
    if (line[0] == ' ')
        parse_skip(run); /* indented: a line of the open route's block */
    else
        parse_skip_outside(run);
    return 0;
}

int iosxr_route_finish(parse_run_t *run, void *state)
{
    iosxr_route_state_t *st = state;
    if (st->open && st->rec.u.route.n_next_hops == 0)
        parse_truncated(run, "last route printed without its next hop");
    return flush(run, st);
}
