/* eos_bgp_table.c: EOS "show ip bgp [vrf X]" (table), "show ip bgp detail" and
 * "show ip bgp A.B.C.D" (entry blocks); one parser reads both shapes.
 *
 *   Table:   * >     10.1.0.0/16         192.168.100.130  0       100     0       12076 i
 *   Detail:  BGP routing table entry for 10.1.0.0/16
 *             Paths: 2 available
 *              12076
 *                192.168.100.130 from 192.168.100.130 (10.255.255.1)
 *                  Origin IGP, metric 0, localpref 100, IGP metric 0, weight 0, received 1d02h ago, valid, external, best
 *                  Community: 12076:51004
 */
#include <stdio.h>
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

typedef struct {
    char vrf[NAME_LEN];
    char prefix[PREFIX_LEN];
    record_t rec;   /* the detail path being read */
    bool open;
    bool in_contrib; /* inside "N Contributing routes:" of an aggregate */
} eos_bgpt_state_t;

_Static_assert(sizeof(eos_bgpt_state_t) <= EOS_STATE_SIZE, "state fits");

static rx_t vrf_rx = RX("^\\s*BGP routing table information for VRF (?<vrf>\\S+)");
static rx_t rid_rx = RX("^\\s*Router identifier (?<rid>\\S+), local AS number (?<as>\\S+)");
static rx_t ignore_rx = RX("^\\s*(?:Route status codes|[A-Za-z] - |Origin codes|AS Path Attributes|Network\\s+Next Hop|"
                           "Paths: |Rx SAFI|Extended Community|Large Community|Received |Tunnel|Remote label|"
                           "Local MPLS|Originator|Cluster|Atomic|Aggregator|Rx path id|Tx path id|"
                           "\\S+ - )|^\\s*$|^\\s+S - |^\\s{10,}");
static rx_t row_rx = RX("^\\s*(?<codes>[sS*#>EecbLm ]*?)\\s*(?<net>[0-9a-fA-F.:]+/\\d+)\\s+(?<nh>\\S+)\\s+(?<metric>\\S+)\\s+"
                        "(?<lp>\\S+)\\s+(?<w>\\S+)\\s*(?<path>.*?)\\s*$");
static rx_t entry_rx = RX("^\\s*BGP routing table entry for (?<p>[0-9a-fA-F.:/]+)");
static rx_t from_rx = RX("^\\s+(?<nh>\\S+) from (?<nb>\\S+)(?: \\((?<rid>[^)]*)\\))?");
static rx_t origin_rx = RX("^\\s+Origin (?<o>[A-Za-z?]+)(?:.*?\\bmetric (?<m>\\d+))?(?:.*?\\blocalpref (?<lp>\\d+))?"
                           "(?:.*?\\bweight (?<w>\\d+))?");
static rx_t comm_rx = RX("^\\s{4,8}Community: (?<c>.*?)\\s*$");
static rx_t contrib_rx = RX("^\\s+\\d+ Contributing routes:");

static bool eos_has(const char *line, size_t len, const char *word)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i + wl <= len; i++)
        if (memcmp(line + i, word, wl) == 0 && (i + wl == len || line[i + wl] == ',' || line[i + wl] == ' '))
            return true;
    return false;
}

/* "12076 64086.59905 {65001}" -> asplain tokens; "Local ..." -> "" (no path). */
static void eos_aspath(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    tu_trim(&s, &n);
    if (n == 0 || !((s[0] >= '0' && s[0] <= '9') || s[0] == '{' || s[0] == '('))
        return;
    size_t i = 0;
    while (i < n && o + 24 < size) {
        while (i < n && s[i] == ' ')
            i++;
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == st)
            break;
        const char *t = s + st;
        size_t tl = i - st;
        size_t pre = (t[0] == '{' || t[0] == '(' || t[0] == '[') ? 1 : 0;
        size_t post = (tl > pre && (t[tl - 1] == '}' || t[tl - 1] == ')' || t[tl - 1] == ']')) ? 1 : 0;
        int64_t a = tu_asn(t + pre, tl - pre - post);
        if (o)
            out[o++] = ' ';
        if (a != MODEL_ABSENT && !memchr(t + pre, ',', tl - pre - post)) {
            int w = snprintf(out + o, size - o, "%.*s%lld%.*s", (int)pre, t, (long long)a, (int)post, t + tl - post);
            o += (size_t)(w > 0 ? w : 0);
        } else {
            size_t k = tl < size - o - 1 ? tl : size - o - 1;
            memcpy(out + o, t, k);
            o += k;
        }
        out[o] = '\0';
    }
}

static void eos_origin(const char *s, size_t n, char *out, size_t size)
{
    if (tu_eq(s, n, "i") || tu_starts(s, n, "igp"))
        field_set(out, size, "igp", -1);
    else if (tu_eq(s, n, "e") || tu_starts(s, n, "egp"))
        field_set(out, size, "egp", -1);
    else if (tu_eq(s, n, "?") || tu_starts(s, n, "incomplete"))
        field_set(out, size, "incomplete", -1);
}

static int eos_bgpt_row(parse_run_t *run, eos_bgpt_state_t *st, const rx_caps_t *c)
{
    record_t rec;
    parse_begin_record(run, &rec, KIND_BGP_TABLE); /* a row is a record */
    bgp_path_t *p = &rec.u.path;
    const char *s;
    size_t n;
    rx_named(c, "net", &s, &n);
    tu_prefix(s, n, false, p->prefix, sizeof(p->prefix));
    rx_named(c, "nh", &s, &n);
    if (tu_is_ip(s, n))
        FIELD_SET(p->next_hop, s, (long)n);
    p->metric = rx_int(c, "metric");
    p->local_pref = rx_int(c, "lp");
    p->weight = rx_int(c, "w");
    rx_named(c, "codes", &s, &n);
    p->valid = memchr(s, '*', n) ? TRI_TRUE : TRI_FALSE;
    p->best = memchr(s, '>', n) ? TRI_TRUE : TRI_FALSE;
    rx_named(c, "path", &s, &n);
    /* AS Path Attributes follow the origin: "i Or-ID: 10.0.0.1 C-LST: 10.0.2.0" */
    static const char *const attrs[] = {" Or-ID:", " C-LST:", " LL Nexthop:"};
    for (size_t k = 0; k < sizeof(attrs) / sizeof(attrs[0]); k++) {
        size_t al = strlen(attrs[k]);
        for (size_t i = 0; i + al <= n; i++)
            if (memcmp(s + i, attrs[k], al) == 0) {
                n = i;
                break;
            }
    }
    if (n >= 6 && memcmp(s, "Or-ID:", 6) == 0)
        n = 0;
    tu_trim(&s, &n);
    if (n && (s[n - 1] == 'i' || s[n - 1] == 'e' || s[n - 1] == '?') && (n == 1 || s[n - 2] == ' ')) {
        eos_origin(s + n - 1, 1, p->origin, sizeof(p->origin));
        n--;
    }
    eos_aspath(s, n, p->as_path, sizeof(p->as_path));
    FIELD_SET(p->vrf, st->vrf, -1);
    return parse_emit(run, &rec);
}

static int eos_bgpt_flush(parse_run_t *run, eos_bgpt_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

/* A path starts at its AS-path line, indented by exactly two blanks. */
static int eos_bgpt_path_start(parse_run_t *run, eos_bgpt_state_t *st, const char *line, size_t len)
{
    int rc = eos_bgpt_flush(run, st);
    parse_begin_record(run, &st->rec, KIND_BGP_TABLE);
    bgp_path_t *p = &st->rec.u.path;
    st->open = true;
    st->in_contrib = false;
    FIELD_SET(p->prefix, st->prefix, -1);
    FIELD_SET(p->vrf, st->vrf, -1);
    eos_aspath(line, len, p->as_path, sizeof(p->as_path));
    p->best = TRI_FALSE;
    return rc;
}

static void eos_bgpt_origin(bgp_path_t *p, const rx_caps_t *c, const char *line, size_t len)
{
    const char *s;
    size_t n;
    rx_named(c, "o", &s, &n);
    eos_origin(s, n, p->origin, sizeof(p->origin));
    p->metric = rx_int(c, "m");
    p->local_pref = rx_int(c, "lp");
    p->weight = rx_int(c, "w");
    if (eos_has(line, len, "invalid"))
        p->valid = TRI_FALSE;
    else if (eos_has(line, len, "valid"))
        p->valid = TRI_TRUE;
    p->best = eos_has(line, len, "best") ? TRI_TRUE : TRI_FALSE;
}

static int eos_bgpt_detail(parse_run_t *run, eos_bgpt_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t n;
    bgp_path_t *p = &st->rec.u.path;
    if (st->in_contrib)
        return 0; /* the aggregate's contributors are not paths of this prefix */
    if (rx_match(&from_rx, line, len, &c)) {
        rx_named(&c, "nh", &s, &n);
        if (tu_is_ip(s, n))
            FIELD_SET(p->next_hop, s, (long)n);
        rx_named(&c, "nb", &s, &n);
        if (tu_is_ip(s, n))
            FIELD_SET(p->neighbor, s, (long)n);
    } else if (rx_match(&origin_rx, line, len, &c)) {
        eos_bgpt_origin(p, &c, line, len);
    } else if (rx_match(&comm_rx, line, len, &c)) {
        rx_copy(&c, "c", p->communities, sizeof(p->communities));
    } else if (rx_match(&contrib_rx, line, len, NULL)) {
        st->in_contrib = true;
    } else if (!rx_match(&ignore_rx, line, len, NULL)) {
        parse_skip(run);
    }
    return 0;
}

int eos_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_bgpt_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&vrf_rx, line, len, &c)) {
        int rc = eos_bgpt_flush(run, st);
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        eos_meta_vrf(run, st->vrf, strlen(st->vrf));
        return rc;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        parse_meta_t *m = parse_meta(run);
        if (m->router_id[0] == '\0') {
            rx_copy(&c, "rid", m->router_id, sizeof(m->router_id));
            rx_named(&c, "as", &s, &n);
            m->local_as = tu_asn(s, n);
        }
        return 0;
    }
    if (rx_match(&entry_rx, line, len, &c)) {
        int rc = eos_bgpt_flush(run, st);
        rx_named(&c, "p", &s, &n);
        if (!eos_prefix(s, n, st->prefix, sizeof(st->prefix)))
            FIELD_SET(st->prefix, s, (long)n);
        st->in_contrib = false;
        return rc;
    }
    if (st->prefix[0] && len > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ' &&
        !tu_starts(line + 2, len - 2, "Paths:"))
        return eos_bgpt_path_start(run, st, line + 2, len - 2);
    if (st->open)
        return eos_bgpt_detail(run, st, line, len);
    if (rx_match(&row_rx, line, len, &c))
        return eos_bgpt_row(run, st, &c);
    if (!rx_match(&ignore_rx, line, len, NULL))
        parse_skip(run);
    return 0;
}

int eos_bgp_table_finish(parse_run_t *run, void *state)
{
    eos_bgpt_state_t *st = state;
    if (st->open && st->rec.u.path.origin[0] == '\0')
        parse_truncated(run, "BGP path cut off before its attributes");
    return eos_bgpt_flush(run, st);
}
