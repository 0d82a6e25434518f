/* iosxr_bgp_table.c: IOS-XR "show bgp [vrf X] [ipv4 unicast]" and
 * "show bgp [vrf X|all] neighbors N advertised-routes".
 *
 *      Network            Next Hop            Metric LocPrf Weight Path
 *   *> 10.1.0.0/16        192.168.100.130          0             0 12076 65020 i
 *   *                     192.168.100.134          0             0 12076 65020 i
 *
 *   Network            Next Hop        From            AS Path       (advertised-routes)
 *   10.50.0.0/16       192.168.100.129 Local           65010i
 *   2001:db8:ff00::/40 2001:db8:c0de::1
 *                                      Local           65010i          (IPv6 wraps)
 *
 * Metric, LocPrf and Weight are right-aligned under their headers and any may be blank, so
 * they are read by column; a value wider than its column pushes the following ones right.
 *
 * "show bgp [vrf X] PREFIX" prints the entry instead, path by path:
 *
 *   BGP routing table entry for 10.1.0.0/16, Route Distinguisher: 65010:100
 *   Paths: (2 available, best #1)
 *     Path #1: Received by speaker 0
 *     12076 65020
 *       192.168.100.130 from 192.168.100.130 (10.255.255.1)
 *         Origin IGP, metric 0, localpref 100, valid, external, best, group-best
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t head_rx = RX("^\\s*Network\\s+Next[ -][Hh]op\\s+(?<m>Metric)\\s+(?<l>LocPrf)\\s+(?<w>Weight)\\s+Path");
static rx_t adv_head_rx = RX("^\\s*Network\\s+Next Hop\\s+From\\s+AS Path");
static rx_t rd_rx = RX("^Route Distinguisher: \\S+(?: \\(default for vrf (?<vrf>[^)]+)\\))?");
static rx_t rid_rx = RX("^BGP router identifier (?<rid>\\S+), local AS number (?<as>\\S+)");
static rx_t adv_row_rx = RX("^(?<pfx>[0-9A-Fa-f.:]+(?:/\\d+)?)\\s+(?<nh>[0-9A-Fa-f.:]+)\\s+(?<from>\\S+)\\s+(?<path>.*?)\\s*$");
static rx_t adv_wrap_rx = RX("^(?<pfx>[0-9A-Fa-f.:]+(?:/\\d+)?)\\s+(?<nh>[0-9A-Fa-f.:]+)\\s*$");
static rx_t adv_tail_rx = RX("^\\s+(?<from>\\S+)\\s+(?<path>\\S.*?)\\s*$");
static rx_t known_rx = RX("^(?:BGP |Non-stop|Table ID|Status codes|\\s+i - internal|\\s+[a-z] |Origin codes|"
                          "Processed \\d+|Dampening|Total number|VRF ID|Speaker|Process|"
                          "Route Distinguisher|\\s*$)");

#define IOSXR_DEFAULT_METRIC_END 48 /* XR's own layout when no header was seen */

static void fix_prefix(const char *s, size_t n, char *out, size_t size)
{
    char buf[PREFIX_LEN + 4];
    if (!memchr(s, '/', n) && memchr(s, '.', n) && n < PREFIX_LEN) {
        /* Classful network printed without a length. */
        size_t d = 0;
        while (d < n && isdigit((unsigned char)s[d]))
            d++;
        int64_t first = tu_digits(s, d); /* the first octet; tu_prefix refuses it above 255 */
        int plen = first == MODEL_ABSENT || first < 128 ? 8 : first < 192 ? 16 : 24;
        if (n >= 7 && strncmp(s + n - 7, "0.0.0.0", 7) == 0 && n == 7)
            plen = 0;
        snprintf(buf, sizeof(buf), "%.*s/%d", (int)n, s, plen);
        s = buf;
        n = strlen(buf);
    }
    if (!tu_prefix(s, n, false, out, size))
        field_set(out, size, s, (long)n);
}

/* Splits "12076 65020 i" / "12076 65020i" into path and origin. */
static void path_origin(bgp_path_t *p, const char *s, size_t n)
{
    tu_trim(&s, &n);
    if (n && (s[n - 1] == 'i' || s[n - 1] == 'e' || s[n - 1] == '?') &&
        (n == 1 || s[n - 2] == ' ' || isdigit((unsigned char)s[n - 2]) || s[n - 2] == '}' || s[n - 2] == ')')) {
        char o = s[n - 1];
        FIELD_SET(p->origin, o == 'i' ? "igp" : o == 'e' ? "egp" : "incomplete", -1);
        n--;
        tu_trim(&s, &n);
    }
    FIELD_SET(p->as_path, s, (long)n);
}

/* Next token at or after *i: returns its start, sets *end; -1 when none. */
static long next_token(const char *line, size_t len, size_t *i, size_t *end)
{
    while (*i < len && line[*i] == ' ')
        (*i)++;
    if (*i >= len)
        return -1;
    size_t s = *i;
    while (*i < len && line[*i] != ' ')
        (*i)++;
    *end = *i;
    return (long)s;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

/* Metric / LocPrf / Weight by column, then the path. pos: just after the next hop. */
static void read_columns(const iosxr_bgp_table_state_t *st, bgp_path_t *p, const char *line, size_t len, size_t pos)
{
    int ends[3] = {st->col_metric, st->col_locprf, st->col_weight};
    int64_t *dst[3] = {&p->metric, &p->local_pref, &p->weight};
    long shift = 0;
    size_t i = pos;
    for (int col = 0; col < 3; col++) {
        size_t save = i, end;
        long s = next_token(line, len, &i, &end);
        /* A value belongs to this column when it ends by the column's end (a few columns of
         * slack for the hand-aligned outputs some releases print), or when it starts well
         * inside the column and overflows it. */
        long lim = ends[col] + shift;
        bool here = s >= 0 && ((long)end <= lim + 4 || s < lim - 1);
        if (!here || !all_digits(line + s, end - (size_t)s)) {
            i = save;
            continue;
        }
        *dst[col] = tu_int(line + s, end - (size_t)s);
        if ((long)end > ends[col] + shift)
            shift = (long)end - ends[col];
    }
    path_origin(p, line + i, len - i);
}

static int normal_row(parse_run_t *run, iosxr_bgp_table_state_t *st, const char *line, size_t len)
{
    if (len < 4)
        return 1;
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    char status[4];
    memcpy(status, line, 3);
    status[3] = '\0';
    size_t i = 3, end;
    /* Some releases glue the prefix to the codes ("* i10.3.0.0/16"). */
    long s = next_token(line, len, &i, &end);
    if (s < 0)
        return 1;
    const char *tok = line + s;
    size_t tl = end - (size_t)s;
    if (s == 3 || (s < 20 && memchr(tok, '/', tl))) {
        fix_prefix(tok, tl, st->prefix, sizeof(st->prefix));
        s = next_token(line, len, &i, &end);
        if (s < 0) {
            /* Prefix alone on its line: the path follows on the next line. */
            FIELD_SET(st->pending_status, status, -1);
            return 0;
        }
        tok = line + s;
        tl = end - (size_t)s;
    } else if (st->pending_status[0] == '\0' && !memchr(status, '*', 3) && !memchr(status, '>', 3)) {
        return 1;
    }
    if (!st->prefix[0] || !tu_is_ip(tok, tl))
        return 1;
    if (st->pending_status[0] && strspn(status, " ") == 3)
        memcpy(status, st->pending_status, 4);
    st->pending_status[0] = '\0';
    FIELD_SET(p->prefix, st->prefix, -1);
    FIELD_SET(p->next_hop, tok, (long)tl);
    FIELD_SET(p->vrf, st->vrf, -1);
    p->valid = strchr(status, '*') ? TRI_TRUE : TRI_FALSE;
    p->best = strchr(status, '>') ? TRI_TRUE : TRI_FALSE;
    read_columns(st, p, line, len, end);
    st->cut = !p->origin[0]; /* XR always prints an origin code */
    return parse_emit(run, &rec) ? -1 : 0;
}

/* An advertised path from its four fields, as (pointer, length) pairs. */
static int adv_emit(parse_run_t *run, iosxr_bgp_table_state_t *st, const char *pfx, size_t pl, const char *nh,
                    size_t nl, const rx_caps_t *tail)
{
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    const char *s;
    size_t n;
    fix_prefix(pfx, pl, p->prefix, sizeof(p->prefix));
    FIELD_SET(p->next_hop, nh, (long)nl);
    rx_named(tail, "from", &s, &n);
    if (tu_is_ip(s, n))
        FIELD_SET(p->neighbor, s, (long)n);
    rx_named(tail, "path", &s, &n);
    path_origin(p, s, n);
    st->cut = !p->origin[0];
    FIELD_SET(p->vrf, st->vrf, -1);
    return parse_emit(run, &rec) ? -1 : 0;
}

/* "2001:db8:ff00::/40 2001:db8:c0de::1" then "      Local    65010i": an IPv6 row wraps
 * after its next hop, and the From and AS Path columns follow on the next line. */
static int adv_row(parse_run_t *run, iosxr_bgp_table_state_t *st, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s, *h;
    size_t n, hn;
    if (st->adv_pfx[0] && rx_match(&adv_tail_rx, line, len, &c)) {
        int rc = adv_emit(run, st, st->adv_pfx, strlen(st->adv_pfx), st->adv_nh, strlen(st->adv_nh), &c);
        st->adv_pfx[0] = '\0';
        return rc;
    }
    if (st->adv_pfx[0])
        parse_partial(run, "an advertised path wrapped after its next hop has no second line");
    st->adv_pfx[0] = '\0';
    if (rx_match(&adv_wrap_rx, line, len, &c)) {
        parse_begin_block(run);
        rx_copy(&c, "pfx", st->adv_pfx, sizeof(st->adv_pfx));
        rx_copy(&c, "nh", st->adv_nh, sizeof(st->adv_nh));
        return 0;
    }
    if (!rx_match(&adv_row_rx, line, len, &c))
        return 1;
    rx_named(&c, "pfx", &s, &n);
    rx_named(&c, "nh", &h, &hn);
    return adv_emit(run, st, s, n, h, hn, &c);
}

static void header(iosxr_bgp_table_state_t *st, rx_caps_t *c)
{
    const char *s;
    size_t n;
    rx_named(c, "m", &s, &n);
    st->col_metric = (int)(s + n - c->subject);
    rx_named(c, "l", &s, &n);
    st->col_locprf = (int)(s + n - c->subject);
    rx_named(c, "w", &s, &n);
    st->col_weight = (int)(s + n - c->subject);
    st->header_seen = true;
    st->advertised = false;
}

/* The detail form, from its "BGP routing table entry for" line on; 1: not the detail form. */
static int detail_line(parse_run_t *run, iosxr_bgp_table_state_t *st, const char *line, size_t len)
{
    ios_bgp_state_t *d = &st->detail;
    if (!d->detail) {
        if (!tu_starts(line, len, "BGP routing table entry for "))
            return 1;
        record_init(&d->rec, KIND_BGP_TABLE);
        FIELD_SET(d->rec.u.path.vrf, st->vrf, -1);
    }
    return ios_bgp_detail_line(run, d, line, line + len);
}

/* A detail path cut before its next hop or its Origin line is reported, then kept. */
static int detail_finish(parse_run_t *run, iosxr_bgp_table_state_t *st)
{
    ios_bgp_state_t *d = &st->detail;
    const bgp_path_t *b = &d->rec.u.path;
    if (d->path_open && (!b->next_hop[0] || !b->origin[0]))
        parse_truncated(run, "the last path of the BGP entry ends before its Origin line");
    else if (d->detail && !d->in_paths)
        parse_truncated(run, "the BGP entry ends before its Paths line");
    else
        ios_bgp_detail_count(run, d);
    return ios_bgp_detail_flush(run, d);
}

int iosxr_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_bgp_table_state_t *st = state;
    if (!st->started) {
        /* "show ... vrf BLUE ..." may print no VRF header of its own. */
        st->started = true;
        iosxr_command_vrf(run, st->vrf, sizeof(st->vrf));
    }
    if (iosxr_is_timestamp(line, len) || iosxr_is_message(line, len))
        return 0;
    int drc = detail_line(run, st, line, len);
    if (drc <= 0)
        return drc;
    rx_caps_t c;
    if (!st->col_metric) {
        st->col_metric = IOSXR_DEFAULT_METRIC_END;
        st->col_locprf = IOSXR_DEFAULT_METRIC_END + 7;
        st->col_weight = IOSXR_DEFAULT_METRIC_END + 14;
    }
    if (iosxr_is_noise(line, len) || iosxr_is_message(line, len))
        return 0;
    if (iosxr_vrf_header(line, len, st->vrf, sizeof(st->vrf)))
        return 0;
    if (rx_match(&head_rx, line, len, &c)) {
        header(st, &c);
        return 0;
    }
    if (rx_match(&adv_head_rx, line, len, NULL)) {
        st->advertised = true;
        st->header_seen = true;
        return 0;
    }
    if (rx_match(&rd_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        parse_meta_t *m = parse_meta(run);
        rx_copy(&c, "rid", m->router_id, sizeof(m->router_id));
        const char *s;
        size_t n;
        rx_named(&c, "as", &s, &n);
        m->local_as = tu_asn(s, n);
        return 0;
    }
    if (rx_match(&known_rx, line, len, NULL))
        return 0;
    int rc = st->advertised ? adv_row(run, st, line, len) : normal_row(run, st, line, len);
    if (rc < 0)
        return -1;
    if (rc > 0)
        parse_skip(run);
    return 0;
}

int iosxr_bgp_table_finish(parse_run_t *run, void *state)
{
    iosxr_bgp_table_state_t *st = state;
    if (st->detail.detail)
        return detail_finish(run, st);
    if (st->pending_status[0])
        parse_truncated(run, "last prefix printed without its path");
    else if (st->adv_pfx[0])
        parse_truncated(run, "last advertised path printed without its From and AS Path");
    else if (st->cut)
        parse_truncated(run, "last path printed without its origin code");
    return 0;
}
