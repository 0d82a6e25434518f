/* nxos_bgp_table.c: NX-OS BGP tables.
 *
 * "show ip bgp [vrf X|all]" and "show bgp vrf all ipv4 unicast neighbors N routes":
 *   BGP routing table information for VRF default, address family IPv4 Unicast
 *      Network            Next Hop            Metric     LocPrf     Weight Path
 *   *>e10.50.0.0/16       192.168.100.130                                0 12076 i
 *   * e                   192.168.100.134                                0 12076 i
 * The first three columns are status (* valid, x deleted, s suppressed ...), best (> best,
 * | multipath, & backup) and path type (i e c l a r I).  Metric and LocPrf may be blank, so
 * the numbers are placed by the header's columns; a path line without a network belongs to
 * the network above it, and a network too long for its column leaves the rest for the next
 * line.
 *
 * "show bgp vrf all ipv4 unicast detail": one block per prefix, one sub-block per path:
 *   BGP routing table entry for 10.50.0.0/16, version 12
 *     Path type: external, path is valid, is best path, no labeled nexthop
 *     AS-Path: 12076 , path sourced external to AS
 *       192.168.100.130 (metric 0) from 192.168.100.130 (192.168.100.130)
 *         Origin IGP, MED not set, localpref 100, weight 0
 *         Community: 12076:51004 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    char prefix[PREFIX_LEN];
    bool have_cols, collapsed;
    size_t nh_col, metric_end, locprf_end, weight_end;
    char pend[160]; /* status + network of a row whose next hop is on the next line */
    size_t pend_len;
} nxos_tbl_state_t;

_Static_assert(sizeof(nxos_tbl_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t vrf_rx = RX("^BGP routing table information for VRF (?<vrf>[^,]+), address family");
static rx_t head_rx = RX("^\\s*Network\\s+Next Hop\\s+Metric\\s+LocPrf\\s+Weight\\s+Path");
static rx_t info_rx = RX("^(?:Status: |Path type: |Origin codes: |BGP table version |Peer \\S+ routes for |"
                         "Can't find neighbor|Route Distinguisher: |\\s+Origin codes|\\s*\\S+ - )");
static rx_t row_rx = RX("^(?<st>[sxSdh* ])(?<best>[>|&2 ])(?<type>[iecl arI])(?<net>\\S+)?(?:\\s+(?<nh>[0-9A-Fa-f.:]+)(?<rest>.*))?$");

/* Adds the classful length to a bare network ("10.0.0.0" -> "10.0.0.0/8"). */
static bool nxos_tbl_prefix(const char *s, size_t n, char *out, size_t size)
{
    if (memchr(s, '/', n) || memchr(s, ':', n))
        return tu_prefix(s, n, false, out, size);
    size_t d = 0;
    while (d < n && isdigit((unsigned char)s[d]))
        d++;
    int64_t first = tu_digits(s, d); /* the first octet; tu_prefix refuses it above 255 */
    if (first == MODEL_ABSENT)
        return false;
    int len = first == 0 ? 0 : first < 128 ? 8 : first < 192 ? 16 : 24;
    char buf[PREFIX_LEN + 4];
    snprintf(buf, sizeof(buf), "%.*s/%d", (int)n, s, len);
    return tu_prefix(buf, strlen(buf), false, out, size);
}

static void nxos_tbl_origin(bgp_path_t *p, char c)
{
    FIELD_SET(p->origin, c == 'i' ? "igp" : c == 'e' ? "egp" : "incomplete", -1);
}

static bool nxos_all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

/* The columns after the next hop: Metric, LocPrf, Weight by position, then the AS path and
 * the origin code.  from is where the scan starts in line. */
static void nxos_tbl_numbers(const nxos_tbl_state_t *st, bgp_path_t *p, const char *line, size_t len, size_t from)
{
    size_t i = from, nums = 0;
    bool in_path = false;
    char path[ASPATH_LEN] = "";
    size_t plen = 0;
    while (i < len) {
        while (i < len && isspace((unsigned char)line[i]))
            i++;
        size_t ts = i;
        while (i < len && !isspace((unsigned char)line[i]))
            i++;
        if (i == ts)
            break;
        const char *t = line + ts;
        size_t tn = i - ts;
        if (!in_path && nxos_all_digits(t, tn)) {
            int64_t v = tu_int(t, tn);
            if (st->collapsed) {
                /* Single-spaced capture: columns are lost, read them in order. */
                int64_t *slot[] = {&p->metric, &p->local_pref, &p->weight};
                if (nums < 3) {
                    *slot[nums++] = v;
                    continue;
                }
            } else if (i <= st->metric_end + 1) {
                p->metric = v;
                continue;
            } else if (i <= st->locprf_end + 1) {
                p->local_pref = v;
                continue;
            } else if (i <= st->weight_end + 1) {
                p->weight = v;
                continue;
            }
        }
        in_path = true;
        bool last = true;
        for (size_t k = i; k < len; k++)
            if (!isspace((unsigned char)line[k]))
                last = false;
        if (last && tn == 1 && (t[0] == 'i' || t[0] == 'e' || t[0] == '?')) {
            nxos_tbl_origin(p, t[0]);
            break;
        }
        if (plen + tn + 2 < sizeof(path)) {
            plen += (size_t)snprintf(path + plen, sizeof(path) - plen, "%s%.*s", plen ? " " : "", (int)tn, t);
        }
    }
    FIELD_SET(p->as_path, path, -1);
}

static void nxos_tbl_columns(nxos_tbl_state_t *st, const char *line, size_t len)
{
    const char *nh = memmem(line, len, "Next Hop", 8), *m = memmem(line, len, "Metric", 6);
    const char *l = memmem(line, len, "LocPrf", 6), *w = memmem(line, len, "Weight", 6);
    st->have_cols = true;
    st->nh_col = (size_t)(nh - line);
    st->metric_end = (size_t)(m - line) + 6;
    st->locprf_end = (size_t)(l - line) + 6;
    st->weight_end = (size_t)(w - line) + 6;
    /* "Network Next Hop Metric ..." with single spaces: the capture lost its alignment. */
    st->collapsed = st->metric_end < 30;
}

static int nxos_tbl_emit(parse_run_t *run, nxos_tbl_state_t *st, const rx_caps_t *c, const char *line, size_t len,
                         const char *nh, size_t nhn, size_t rest_at)
{
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    const char *s;
    size_t n;
    FIELD_SET(p->prefix, st->prefix, -1);
    FIELD_SET(p->next_hop, nh, (long)nhn);
    FIELD_SET(p->vrf, st->vrf, -1);
    rx_named(c, "st", &s, &n);
    p->valid = s[0] == '*' ? TRI_TRUE : TRI_FALSE;
    rx_named(c, "best", &s, &n);
    p->best = s[0] == '>' ? TRI_TRUE : TRI_FALSE;
    nxos_tbl_numbers(st, p, line, len, rest_at);
    return parse_emit(run, &rec);
}

int nxos_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_tbl_state_t *st = state;
    rx_caps_t c;
    if (!st->have_cols) {
        /* The usual NX-OS alignment, for output captured without its header. */
        st->nh_col = 22, st->metric_end = 48, st->locprf_end = 59, st->weight_end = 70;
    }
    if (st->pend_len) {
        /* The next hop and the numbers of a wrapped row: columns are the header's. */
        char head[sizeof(st->pend)];
        memcpy(head, st->pend, st->pend_len);
        size_t hn = st->pend_len;
        st->pend_len = 0;
        const char *t = line;
        size_t tn = len;
        tu_trim(&t, &tn);
        size_t nhn = 0;
        while (nhn < tn && !isspace((unsigned char)t[nhn]))
            nhn++;
        if (nhn && tu_is_ip(t, nhn) && rx_match(&row_rx, head, hn, &c))
            return nxos_tbl_emit(run, st, &c, line, len, t, nhn, (size_t)(t - line) + nhn);
        parse_skip(run);
    }
    if (nxos_is_rule(line, len) || rx_match(&info_rx, line, len, NULL))
        return 0;
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return 0;
    }
    if (rx_match(&head_rx, line, len, NULL)) {
        nxos_tbl_columns(st, line, len);
        return 0;
    }
    if (!rx_match(&row_rx, line, len, &c)) {
        parse_skip(run);
        return 0;
    }
    const char *s, *nh;
    size_t n, nhn;
    if (rx_named(&c, "net", &s, &n) && !nxos_tbl_prefix(s, n, st->prefix, sizeof(st->prefix)))
        FIELD_SET(st->prefix, s, (long)n);
    if (!rx_named(&c, "nh", &nh, &nhn)) {
        if (len < sizeof(st->pend) && rx_named(&c, "net", &s, &n)) {
            memcpy(st->pend, line, len);
            st->pend_len = len;
        } else {
            parse_skip(run);
        }
        return 0;
    }
    if (!st->prefix[0]) {
        parse_skip(run);
        return 0;
    }
    return nxos_tbl_emit(run, st, &c, line, len, nh, nhn, (size_t)(nh - line) + nhn);
}

int nxos_bgp_table_finish(parse_run_t *run, void *state)
{
    nxos_tbl_state_t *st = state;
    if (st->pend_len)
        parse_truncated(run, "table cut off after a network, before its next hop");
    return 0;
}

/* ---- detail ---- */

typedef struct {
    char vrf[NAME_LEN];
    char prefix[PREFIX_LEN];
    record_t rec;
    bool open;
    bool saw_nh; /* a path without its next-hop line was cut off */
} nxos_det_state_t;

_Static_assert(sizeof(nxos_det_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t det_entry_rx = RX("^BGP routing table entry for (?<p>[^,\\s]+)");
static rx_t det_type_rx = RX("^\\s+Path type: (?<type>[^,]+), path is (?<valid>valid|invalid)(?<rest>.*)$");
static rx_t det_aspath_rx = RX("^\\s+AS-Path: (?<path>.*?)\\s*,\\s+path ");
static rx_t det_nh_rx = RX("^\\s+(?<nh>[0-9A-Fa-f.:]+)(?:%\\S+)? \\(metric \\d+\\) from (?<from>[0-9A-Fa-f.:]+)");
static rx_t det_origin_rx = RX("^\\s+Origin (?<o>IGP|EGP|incomplete),\\s+MED (?:(?<med>\\d+)|not set),\\s+localpref (?<lp>\\d+),\\s+weight (?<w>\\d+)");
static rx_t det_comm_rx = RX("^\\s+Community: (?<c>.*?)\\s*$");
static rx_t det_skip_rx = RX("^(?:Paths: |Flags: |\\s+Advertised path-id|\\s+Path-id \\d+ (?:not )?advertised|"
                             "\\s+Extcommunity:|\\s+Aggregated by|\\s+Originator:|\\s+Cluster list:|"
                             "\\s+Received label|\\s+[0-9A-Fa-f.:]+(?:\\s+[0-9A-Fa-f.:]+)*\\s*$|\\s+Imported from|"
                             "\\s+Route Distinguisher|\\s+ORIGINATOR|\\s+Path-id|\\s+Nexthop|\\s+RD:|\\s+Label)");

/* at_end: the last path, whose missing next hop means the answer was cut there. */
static int nxos_det_flush(parse_run_t *run, nxos_det_state_t *st, bool at_end)
{
    if (!st->open)
        return 0;
    st->open = false;
    if (!st->saw_nh)
        (at_end ? parse_truncated : parse_partial)(run, "path cut off before its next hop");
    return parse_emit(run, &st->rec);
}

static void nxos_det_path(parse_run_t *run, nxos_det_state_t *st, const rx_caps_t *c)
{
    parse_begin_record(run, &st->rec, KIND_BGP_TABLE);
    st->open = true;
    st->saw_nh = false;
    bgp_path_t *p = &st->rec.u.path;
    const char *s;
    size_t n;
    FIELD_SET(p->prefix, st->prefix, -1);
    FIELD_SET(p->vrf, st->vrf, -1);
    rx_named(c, "valid", &s, &n);
    p->valid = s[0] == 'v' ? TRI_TRUE : TRI_FALSE;
    p->best = rx_named(c, "rest", &s, &n) && memmem(s, n, "is best path", 12) ? TRI_TRUE : TRI_FALSE;
}

static bool nxos_det_body(nxos_det_state_t *st, const char *line, size_t len)
{
    bgp_path_t *p = &st->rec.u.path;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&det_aspath_rx, line, len, &c)) {
        rx_named(&c, "path", &s, &n);
        if (!tu_eq(s, n, "NONE"))
            FIELD_SET(p->as_path, s, (long)n);
    } else if (rx_match(&det_nh_rx, line, len, &c)) {
        rx_copy(&c, "nh", p->next_hop, sizeof(p->next_hop));
        rx_copy(&c, "from", p->neighbor, sizeof(p->neighbor));
        st->saw_nh = true;
    } else if (rx_match(&det_origin_rx, line, len, &c)) {
        rx_named(&c, "o", &s, &n);
        nxos_tbl_origin(p, s[0] == 'I' ? 'i' : s[0] == 'E' ? 'e' : '?');
        p->metric = rx_int(&c, "med");
        p->local_pref = rx_int(&c, "lp");
        p->weight = rx_int(&c, "w");
    } else if (rx_match(&det_comm_rx, line, len, &c)) {
        rx_copy(&c, "c", p->communities, sizeof(p->communities));
    } else {
        return false;
    }
    return true;
}

int nxos_bgp_detail_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_det_state_t *st = state;
    rx_caps_t c;
    if (rx_match(&vrf_rx, line, len, &c)) {
        int rc = nxos_det_flush(run, st, false);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return rc;
    }
    if (rx_match(&det_entry_rx, line, len, &c)) {
        int rc = nxos_det_flush(run, st, false);
        const char *s;
        size_t n;
        rx_named(&c, "p", &s, &n);
        if (!nxos_tbl_prefix(s, n, st->prefix, sizeof(st->prefix)))
            FIELD_SET(st->prefix, s, (long)n);
        return rc;
    }
    if (rx_match(&det_type_rx, line, len, &c)) {
        int rc = nxos_det_flush(run, st, false);
        nxos_det_path(run, st, &c);
        return rc;
    }
    if (nxos_is_rule(line, len) || rx_match(&det_skip_rx, line, len, NULL) || rx_match(&info_rx, line, len, NULL))
        return 0;
    if (st->open && nxos_det_body(st, line, len))
        return 0;
    parse_skip(run);
    return 0;
}

int nxos_bgp_detail_finish(parse_run_t *run, void *state)
{
    return nxos_det_flush(run, state, true);
}
