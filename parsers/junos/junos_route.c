/* junos_route.c: Junos "show route [A.B.C.D] [table X] [protocol P] [detail|extensive]".
 *
 *   inet.0: 12 destinations, 13 routes (12 active, 0 holddown, 0 hidden)
 *   + = Active Route, - = Last Active, * = Both
 *
 *   10.1.0.0/16        *[BGP/170] 1w2d 03:04:05, localpref 100
 *                         AS path: 12076 I, validation-state: unverified
 *                       >  to 192.168.100.130 via ge-0/0/0.0
 *                       [BGP/170] 1d 02:03:04, localpref 100
 *                       >  to 192.168.100.134 via ge-0/0/1.0
 *   192.168.100.128/30 *[Direct/0] 1w2d 03:04:05
 *                       >  via ge-0/0/0.0
 *
 * and the detail layout ("10.1.0.0/16 (2 entries, 1 announced)", "*BGP Preference: 170/-101",
 * "Next hop: 192.168.100.130 via ge-0/0/0.0, selected", "Age: 1w2d 3:04:05 Metric: 0").
 * Each protocol entry of a destination is one route record; '*' (active) marks the best.
 * The table name gives the VRF ("BLUE.inet.0" -> BLUE). */
#include <string.h>

#include "parsers/junos/junos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t table_rx = RX("^(?<table>\\S+): \\d+ destinations?, \\d+ routes?");
static rx_t legend_rx = RX("^(?:\\+ = Active Route|Restart Complete|\\s*$)");
/* A 19-character IPv6 prefix fills its column: "2001:db8:c0de::/126*[Direct/0]". */
static rx_t entry_rx = RX("^(?:(?<pfx>[0-9a-fA-F.:]+/\\d+)\\s*)?\\s*(?<flag>[*+-]?)\\[(?<proto>[\\w-]+)/(?<pref>\\d+)"
                          "(?:/-?\\d+)?\\]\\s+(?<age>[^,]+?)\\s*(?:,\\s*(?<rest>.*))?$");
/* A destination on its own line (a long IPv6 prefix), and any other destination: an MPLS
 * label, an ISO address or an RD-qualified VPN route, which the routes contract does not hold. */
static rx_t lone_rx = RX("^(?<pfx>[0-9a-fA-F.:]+/\\d+)\\s*$");
static rx_t other_rx = RX("^(?<dest>\\S+)(?:\\s+\\(.*\\)|\\s+[*+-]?\\[[\\w-]+/\\d+.*|\\s+\\(\\d+ entr.*)\\s*$");
static rx_t metric_rx = RX("\\b(?:metric|MED) (?<v>\\d+)");
static rx_t nh_rx = RX("^\\s+(?<sel>>)?\\s*(?:to (?<addr>[0-9a-fA-F.:]+) )?via (?<if>[^,\\s]+)");
static rx_t sink_rx = RX("^\\s+(?:>\\s*)?(?:Discard|Reject|Receive|MultiRecv|Multicast|Table |Next table)");
static rx_t localvia_rx = RX("^\\s+Local via (?<if>[^,\\s]+)");
static rx_t dest_rx = RX("^(?<pfx>[0-9a-fA-F.:]+/\\d+) \\(\\d+ entr(?:y|ies), \\d+ announced\\)");
static rx_t dentry_rx = RX("^\\s+(?<flag>[*+-]?)(?<proto>[A-Z][\\w-]*)\\s+Preference: (?<pref>\\d+)");
static rx_t dnh_rx = RX("^\\s+Next hop: (?:(?<addr>[0-9a-fA-F.:]+) )?via (?<if>[^,\\s]+)");
static rx_t dage_rx = RX("^\\s+Age: (?<age>.*?)(?:\\s+Metric: (?<m>\\d+).*)?\\s*$");
static rx_t dmetric_rx = RX("^\\s+Metric: (?<m>\\d+)");

static int flush(parse_run_t *run, junos_route_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void begin(parse_run_t *run, junos_route_state_t *st, const rx_caps_t *c)
{
    route_t *r = &st->rec.u.route;
    const char *s;
    size_t n;
    parse_begin_record(run, &st->rec, KIND_ROUTES);
    st->open = true;
    st->no_nh = false;
    FIELD_SET(r->prefix, st->prefix, -1);
    FIELD_SET(r->vrf, st->vrf[0] ? st->vrf : "default", -1);
    rx_named(c, "proto", &s, &n);
    FIELD_SET(r->raw_protocol, s, (long)n);
    FIELD_SET(r->protocol, tu_protocol_word(s, n), -1);
    r->distance = rx_int(c, "pref");
    r->best = rx_named(c, "flag", &s, &n) && n && (s[0] == '*' || s[0] == '+') ? TRI_TRUE : TRI_FALSE;
}

static void set_prefix(junos_route_state_t *st, const rx_caps_t *c)
{
    const char *s;
    size_t n;
    if (rx_named(c, "pfx", &s, &n) && !tu_prefix(s, n, false, st->prefix, sizeof(st->prefix)))
        FIELD_SET(st->prefix, s, (long)n);
}

static void next_hop(junos_route_state_t *st, const rx_caps_t *c)
{
    route_t *r = &st->rec.u.route;
    if (r->n_next_hops >= MAX_NEXT_HOPS)
        return;
    next_hop_t *nh = &r->next_hops[r->n_next_hops++];
    next_hop_init(nh);
    rx_copy(c, "addr", nh->address, sizeof(nh->address));
    rx_copy(c, "if", nh->interface, sizeof(nh->interface));
}

/* The default (terse-ish) layout. */
static bool brief_line(parse_run_t *run, junos_route_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&entry_rx, line, len, &c)) {
        if (flush(run, st))
            return false;
        if (!rx_named(&c, "pfx", &s, &n) && (st->ignoring || !st->prefix[0]))
            return true; /* another route of a destination we do not model */
        set_prefix(st, &c);
        begin(run, st, &c);
        route_t *r = &st->rec.u.route;
        rx_named(&c, "age", &s, &n);
        r->age = junos_duration(s, n);
        if (rx_named(&c, "rest", &s, &n) && rx_match(&metric_rx, s, n, &c))
            r->metric = rx_int(&c, "v");
        return true;
    }
    if (st->open && (rx_match(&nh_rx, line, len, &c) || rx_match(&localvia_rx, line, len, &c))) {
        next_hop(st, &c);
        return true;
    }
    if (st->open && rx_match(&sink_rx, line, len, NULL)) {
        st->no_nh = true;
        return true;
    }
    return false;
}

/* The detail/extensive layout. */
static bool detail_line(parse_run_t *run, junos_route_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&dest_rx, line, len, &c)) {
        if (flush(run, st))
            return false;
        st->detail = true;
        set_prefix(st, &c);
        return true;
    }
    if (!st->detail)
        return false;
    if (rx_match(&dentry_rx, line, len, &c)) {
        if (flush(run, st))
            return false;
        begin(run, st, &c);
        return true;
    }
    if (!st->open)
        return false;
    route_t *r = &st->rec.u.route;
    if (rx_match(&dnh_rx, line, len, &c)) {
        next_hop(st, &c);
        return true;
    }
    if (rx_match(&dage_rx, line, len, &c)) {
        rx_named(&c, "age", &s, &n);
        r->age = junos_duration(s, n);
        if (rx_int(&c, "m") != MODEL_ABSENT)
            r->metric = rx_int(&c, "m");
        return true;
    }
    if (rx_match(&dmetric_rx, line, len, &c)) {
        r->metric = rx_int(&c, "m");
        return true;
    }
    return false;
}

int junos_route_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    junos_route_state_t *st = state;
    rx_caps_t c;
    if (rx_match(&legend_rx, line, len, NULL))
        return 0;
    if (rx_match(&table_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        const char *s;
        size_t n;
        rx_named(&c, "table", &s, &n);
        junos_table_vrf(s, n, st->vrf, sizeof(st->vrf));
        st->prefix[0] = '\0';
        st->ignoring = false;
        return 0;
    }
    if (rx_match(&lone_rx, line, len, &c)) {
        if (flush(run, st))
            return -1;
        st->ignoring = false;
        set_prefix(st, &c);
        return 0;
    }
    if (detail_line(run, st, line, len) || brief_line(run, st, line, len)) {
        if (junos_indent(line, len) == 0)
            st->ignoring = false;
        return 0;
    }
    if (rx_match(&other_rx, line, len, NULL)) {
        if (flush(run, st))
            return -1;
        st->ignoring = true;
        return 0;
    }
    if (st->ignoring && junos_indent(line, len) > 0)
        return 0;
    /* Indented lines of an open route (AS path, communities, task, state...) are its detail. */
    if (st->open && junos_indent(line, len) > 0)
        return 0;
    parse_skip_outside(run); /* a block is its head and the indented lines under it */
    return 0;
}

int junos_route_finish(parse_run_t *run, void *state)
{
    junos_route_state_t *st = state;
    if (st->open && st->rec.u.route.n_next_hops == 0 && !st->no_nh && !st->detail)
        parse_truncated(run, "the last route has no next hop (output cut)");
    return flush(run, st);
}
