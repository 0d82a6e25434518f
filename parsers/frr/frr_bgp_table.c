/* frr_bgp_table.c: FRR "show [ip] bgp [ipv4|ipv6 unicast] [PREFIX]".
 *
 *      Network          Next Hop            Metric LocPrf Weight Path
 *   *> 10.1.0.0/16      192.168.100.130          0    200      0 12076 i
 *   *> 172.16.0.0/16    0.0.0.0                  0         32768 i
 *   *> 2001:db8:10::/48 fe80::683a:d8ff:fee0:178d
 *                                                0             0 12076 i
 *
 * The status is the first three characters; Metric, LocPrf and Weight are right-aligned under
 * their headers (either may be blank), so they are read by column.  A long prefix or next hop
 * pushes the rest of the row onto the next line, at the same columns.  A second path of the same
 * prefix leaves the Network column blank.  With a prefix, FRR prints a detail block instead:
 *
 *   BGP routing table entry for 10.1.0.0/16, version 2
 *   Paths: (1 available, best #1, table default)
 *     12076
 *       192.168.100.130 from 192.168.100.130 (192.168.100.130)
 *         Origin IGP, metric 0, localpref 200, valid, external, best (First path received)
 */
#include <stdio.h>
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t header_rx = RX("^\\s+Network\\s+Next Hop\\s+Metric\\s+LocPrf\\s+Weight\\s+Path");
static rx_t row_rx = RX("^(?<st>[sdhr*>=iSR ]{3})(?:[VIN] )?(?<net>[0-9A-Fa-f:.]+/\\d+)?(?:\\s+(?<nh>[0-9A-Fa-f:.]+))?"
                        "(?<tail>\\s.*)?$");
static rx_t tail_only_rx = RX("^\\s{20,}(?<nh>[0-9A-Fa-f:.]+)?(?<tail>\\s.*)?$");
static rx_t rid_rx = RX("^BGP table version is \\d+, local router ID is (?<rid>[0-9.]+)(?:, vrf id (?<vid>-?\\d+))?");
static rx_t las_rx = RX("^Default local pref \\d+, local AS (?<as>[0-9.]+)");
static rx_t ignore_rx = RX("^(?:BGP table version|Default local pref|Status codes|\\s+i internal|Nexthop codes|"
                           "Origin codes|RPKI validation|Displayed\\s+\\d+|Total number of prefixes|"
                           "No BGP prefixes|Paths: |\\s+Not advertised|\\s+Advertised to|\\s+Last update|"
                           "\\s+Community:|\\s+Large Community|\\s+Extended Community|\\s+AddPath|\\s+Originator|"
                           "\\s+Cluster list|\\s+Rx path|\\s+Tx path|% Network not in table|"
                           "\\s+[0-9A-Fa-f:.]+(?:\\s+[0-9A-Fa-f:.]+)*\\s*$)");
static rx_t entry_rx = RX("^BGP routing table entry for (?<pfx>\\S+?)(?:,|\\s|$)");
/* AS numbers and {sets}/(confed) segments, never dotted: "  192.168.100.130" is a peer list. */
static rx_t aspath_rx = RX("^  (?<path>Local|(?:\\d+|[{(][0-9, ]+[})])(?: (?:\\d+|[{(][0-9, ]+[})]))*)"
                           "(?:, \\(.*\\))?\\s*$");
static rx_t from_rx = RX("^\\s{4}(?<nh>[0-9A-Fa-f:.]+)(?: \\(inaccessible\\)| \\(metric \\d+\\))? from (?<peer>\\S+)");
/* The link-local next hop of an IPv6 path, on its own line under the global one; "(used)"
 * when it is the one forwarded to, which the table and JSON forms give as the next hop. */
static rx_t lladdr_rx = RX("^\\s{4}\\((?<ll>[fF][eE]80:[0-9A-Fa-f:.]*)\\)(?<used> \\(used\\))?\\s*$");
static rx_t origin_rx = RX("^\\s+Origin (?<o>IGP|EGP|incomplete|\\S+)(?<rest>.*)$");
static rx_t metric_rx = RX("metric (?<n>\\d+)");
static rx_t lp_rx = RX("localpref (?<n>\\d+)");
static rx_t weight_rx = RX("weight (?<n>\\d+)");

static void init_cols(frr_bgp_table_state_t *st)
{
    if (!st->metric_end) { /* FRR 8.x defaults when no header was seen */
        st->metric_end = 45;
        st->locprf_end = 52;
        st->weight_end = 59;
    }
}

static int64_t col_int(const char *line, size_t len, int from, int to)
{
    if (from < 0 || to <= from || (size_t)from >= len)
        return MODEL_ABSENT; /* a garbled header can put the columns in any order */
    size_t end = (size_t)to < len ? (size_t)to : len;
    return tu_int(line + from, end - (size_t)from);
}

static const char *origin_word(char c)
{
    return c == 'i' ? "igp" : c == 'e' ? "egp" : c == '?' ? "incomplete" : NULL;
}

/* The part from the Metric column on: metric, locprf, weight, path, origin.  from is where the
 * next hop ended (the metric may not start before it). */
static int tail(parse_run_t *run, frr_bgp_table_state_t *st, const char *line, size_t len, int from)
{
    bgp_path_t *p = &st->rec.u.path;
    init_cols(st);
    int m0 = from > st->metric_end - 10 ? from : st->metric_end - 10;
    p->metric = col_int(line, len, m0, st->metric_end);
    p->local_pref = col_int(line, len, st->metric_end, st->locprf_end);
    p->weight = col_int(line, len, st->locprf_end, st->weight_end);
    const char *path = (size_t)st->weight_end < len ? line + st->weight_end : "";
    size_t plen = (size_t)st->weight_end < len ? len - (size_t)st->weight_end : 0;
    tu_trim(&path, &plen);
    if (plen && origin_word(path[plen - 1]) && (plen == 1 || path[plen - 2] == ' ')) {
        FIELD_SET(p->origin, origin_word(path[plen - 1]), -1);
        plen = plen >= 2 ? plen - 2 : 0;
    }
    field_set(p->as_path, sizeof(p->as_path), path, (long)plen);
    st->have_nh = st->have_prefix = false;
    return parse_emit(run, &st->rec);
}

static void start_path(parse_run_t *run, frr_bgp_table_state_t *st, const char *status)
{
    parse_begin_record(run, &st->rec, KIND_BGP_TABLE);
    bgp_path_t *p = &st->rec.u.path;
    FIELD_SET(p->prefix, st->prefix, -1);
    p->valid = strchr(status, '*') ? TRI_TRUE : TRI_FALSE;
    p->best = strchr(status, '>') ? TRI_TRUE : TRI_FALSE;
    if (st->vrf[0])
        FIELD_SET(p->vrf, st->vrf, -1);
}

static int row(parse_run_t *run, frr_bgp_table_state_t *st, const char *line, size_t len, const rx_caps_t *c)
{
    char status[4];
    const char *s;
    size_t n;
    rx_named(c, "st", &s, &n);
    snprintf(status, sizeof(status), "%.*s", (int)n, s);
    if (rx_named(c, "net", &s, &n))
        tu_prefix(s, n, false, st->prefix, sizeof(st->prefix));
    start_path(run, st, status);
    st->have_prefix = true;
    if (!rx_named(c, "nh", &s, &n))
        return 0; /* the prefix alone: the next hop follows on the next line */
    FIELD_SET(st->rec.u.path.next_hop, s, (long)n);
    st->have_nh = true;
    size_t nh_end = (size_t)(s + n - line);
    if (!rx_named(c, "tail", &s, &n) || frr_blank(s, n))
        return 0; /* a long next hop: metrics on the next line */
    return tail(run, st, line, len, (int)nh_end);
}

static int continuation(parse_run_t *run, frr_bgp_table_state_t *st, const char *line, size_t len,
                        const rx_caps_t *c)
{
    const char *s;
    size_t n;
    int from = 0;
    if (!st->have_nh && rx_named(c, "nh", &s, &n)) {
        FIELD_SET(st->rec.u.path.next_hop, s, (long)n);
        st->have_nh = true;
        from = (int)(s + n - line);
    }
    if (!rx_named(c, "tail", &s, &n) || frr_blank(s, n))
        return 0;
    return tail(run, st, line, len, from);
}

static void header(frr_bgp_table_state_t *st, const char *line)
{
    const char *m = strstr(line, "Metric"), *l = strstr(line, "LocPrf"), *w = strstr(line, "Weight");
    st->metric_end = (int)(m - line) + 6;
    st->locprf_end = (int)(l - line) + 6;
    st->weight_end = (int)(w - line) + 6;
}

/* ---- detail blocks ---- */
static int detail_flush(parse_run_t *run, frr_bgp_table_state_t *st)
{
    if (!st->detail_open)
        return 0;
    st->detail_open = false;
    return parse_emit(run, &st->rec);
}

static void origin_line(bgp_path_t *p, const rx_caps_t *c)
{
    const char *s, *rest;
    size_t n, rn;
    rx_named(c, "o", &s, &n);
    FIELD_SET(p->origin, tu_eq(s, n, "IGP") ? "igp" : tu_eq(s, n, "EGP") ? "egp" : "incomplete", -1);
    rx_named(c, "rest", &rest, &rn);
    rx_caps_t m;
    if (rx_match(&metric_rx, rest, rn, &m))
        p->metric = rx_int(&m, "n");
    if (rx_match(&lp_rx, rest, rn, &m))
        p->local_pref = rx_int(&m, "n");
    if (rx_match(&weight_rx, rest, rn, &m))
        p->weight = rx_int(&m, "n");
    p->valid = strstr(rest, ", valid") ? TRI_TRUE : TRI_FALSE;
    p->best = strstr(rest, ", best") ? TRI_TRUE : TRI_FALSE;
}

static bool detail(parse_run_t *run, frr_bgp_table_state_t *st, const char *line, size_t len, int *rc)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    bgp_path_t *p = &st->rec.u.path;
    if (rx_match(&entry_rx, line, len, &c)) {
        *rc = detail_flush(run, st);
        rx_named(&c, "pfx", &s, &n);
        tu_prefix(s, n, false, st->prefix, sizeof(st->prefix));
        st->detail = true;
        return true;
    }
    if (!st->detail)
        return false;
    if (rx_match(&from_rx, line, len, &c) && st->detail_open) {
        rx_copy(&c, "nh", p->next_hop, sizeof(p->next_hop));
        rx_copy(&c, "peer", p->neighbor, sizeof(p->neighbor));
    } else if (rx_match(&lladdr_rx, line, len, &c) && st->detail_open) {
        if (rx_named(&c, "used", &s, &n) && n)
            rx_copy(&c, "ll", p->next_hop, sizeof(p->next_hop));
    } else if (rx_match(&origin_rx, line, len, &c) && st->detail_open) {
        origin_line(p, &c);
    } else if (rx_match(&aspath_rx, line, len, &c)) {
        *rc = detail_flush(run, st);
        start_path(run, st, "");
        p->valid = p->best = TRI_ABSENT;
        rx_named(&c, "path", &s, &n);
        if (!tu_eq(s, n, "Local"))
            field_set(p->as_path, sizeof(p->as_path), s, (long)n);
        st->detail_open = true;
    } else {
        return false;
    }
    return true;
}

int frr_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_bgp_table_state_t *st = state;
    rx_caps_t c;
    int rc = 0;
    if (frr_blank(line, len))
        return 0;
    if (rx_match(&header_rx, line, len, NULL)) {
        header(st, line);
        return 0;
    }
    if (detail(run, st, line, len, &rc))
        return rc;
    if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", parse_meta(run)->router_id, sizeof(parse_meta(run)->router_id));
        return 0;
    }
    if (rx_match(&las_rx, line, len, &c)) {
        const char *s;
        size_t n;
        rx_named(&c, "as", &s, &n);
        parse_meta(run)->local_as = tu_asn(s, n);
        return 0;
    }
    if (st->have_prefix && rx_match(&tail_only_rx, line, len, &c))
        return continuation(run, st, line, len, &c);
    if (rx_match(&ignore_rx, line, len, NULL))
        return 0;
    const char *net;
    size_t nlen;
    if (!st->detail && rx_match(&row_rx, line, len, &c) && (st->prefix[0] || rx_named(&c, "net", &net, &nlen)))
        return row(run, st, line, len, &c);
    parse_skip(run);
    return 0;
}

int frr_bgp_table_finish(parse_run_t *run, void *state)
{
    frr_bgp_table_state_t *st = state;
    if (st->have_prefix) { /* a row whose metrics never came */
        parse_truncated(run, "last row cut off");
        st->have_prefix = false;
        return parse_emit(run, &st->rec);
    }
    return detail_flush(run, st);
}
