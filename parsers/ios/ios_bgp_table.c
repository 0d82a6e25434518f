/* ios_bgp_table.c: IOS / IOS-XE "show ip bgp", "show bgp ipv4 unicast", "show ip bgp vpnv4 ...",
 * "show ip bgp neighbors N advertised-routes | received-routes".
 *
 *   BGP table version is 9, local router ID is 10.255.255.1
 *   Status codes: s suppressed, d damped, h history, * valid, > best, i - internal, ...
 *        Network          Next Hop            Metric LocPrf Weight Path
 *   Route Distinguisher: 65010:1 (default for vrf BLUE)
 *    *>  10.1.0.0/16      192.168.100.130          0             0 12076 i
 *    *                    192.168.100.134          0             0 12076 i   <- same network
 *    *>  10.104.192.192/28
 *                         192.168.100.130          0             0 12076 i   <- wrapped
 *    *>  192.168.1.0      0.0.0.0                  0         32768 i         <- classful: /24
 *
 * Metric and LocPrf may be blank, so the numbers are placed by the column their last digit
 * sits in, measured against the header (and against the row's own next-hop column, because
 * pasted outputs are often shifted).  After Weight come the AS path and the origin code.
 * The single-prefix detail form ("BGP routing table entry for") is in ios_bgp_table_detail.c.
 * Hot path: one scan per line, no regex, no allocation; every path is emitted at once. */
#include <string.h>

#include "parsers/ios/ios_rib.h"
#include "parsers/textutil.h"


/* Where IOS puts the columns when no header was seen. */
enum { DEF_COL_NH = 22, DEF_END_METRIC = 48, DEF_END_LOCPRF = 55, DEF_END_WEIGHT = 62 };

static inline bool is_sp(char c) { return c == ' ' || c == '\t'; }
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

#define skip_sp ios_rib_skip_sp
#define token_end ios_rib_token_end

/* Status codes (s d h * > i r S m b f x a c t e =), the RPKI V I N, and blanks. */
static const unsigned char status_tab[256] = {
    [' '] = 1, ['*'] = 1, ['>'] = 1, ['='] = 1, ['s'] = 1, ['d'] = 1, ['h'] = 1, ['i'] = 1,
    ['r'] = 1, ['S'] = 1, ['m'] = 1, ['b'] = 1, ['f'] = 1, ['x'] = 1, ['a'] = 1, ['c'] = 1,
    ['t'] = 1, ['e'] = 1, ['V'] = 1, ['I'] = 1, ['N'] = 1, ['\t'] = 1,
};

static inline bool is_status_char(char c) { return status_tab[(unsigned char)c] != 0; }

static void path_reset(bgp_path_t *b)
{
    b->next_hop[0] = b->as_path[0] = b->origin[0] = b->communities[0] = '\0';
    b->metric = b->local_pref = b->weight = MODEL_ABSENT;
    b->best = b->valid = TRI_ABSENT;
}

/* "     Network          Next Hop            Metric LocPrf Weight Path" */
static void column_header(ios_bgp_state_t *st, const char *line, const char *e)
{
    const char *nh = NULL, *m = NULL, *l = NULL, *w = NULL;
    for (const char *p = line; p < e; p++) {
        if (!nh && ios_rib_starts(p, e, "Next Hop"))
            nh = p;
        else if (!m && ios_rib_starts(p, e, "Metric"))
            m = p + 6;
        else if (!l && ios_rib_starts(p, e, "LocPrf"))
            l = p + 6;
        else if (!w && ios_rib_starts(p, e, "Weight"))
            w = p + 6;
    }
    if (nh && m && l && w) {
        st->col_nh = (int)(nh - line);
        st->end_metric = (int)(m - line);
        st->end_locprf = (int)(l - line);
        st->end_weight = (int)(w - line);
    }
    st->in_legend = false;
    st->shift = 0;
}

/* "12076 64086.59905 {65001,65002}" -> asplain, one space between tokens. */
static void copy_as_path(bgp_path_t *b, const char *s, const char *e)
{
    if (e <= s) {
        b->as_path[0] = '\0';
        return;
    }
    if (!memchr(s, '.', (size_t)(e - s))) {
        ios_rib_copy(b->as_path, sizeof(b->as_path), s, (size_t)(e - s));
        return;
    }
    size_t w = 0;
    char num[24];
    for (const char *p = s; p < e && w + 24 < sizeof(b->as_path);) {
        if (is_digit(*p)) {
            const char *q = p;
            while (q < e && (is_digit(*q) || *q == '.'))
                q++;
            int64_t v = ios_rib_asn(p, (size_t)(q - p));
            int n = 0;
            if (v == MODEL_ABSENT) {
                n = (int)(q - p) < 23 ? (int)(q - p) : 23;
                memcpy(num, p, (size_t)n);
            } else {
                char tmp[24];
                int k = 0;
                do {
                    tmp[k++] = (char)('0' + v % 10);
                    v /= 10;
                } while (v);
                while (k)
                    num[n++] = tmp[--k];
            }
            memcpy(b->as_path + w, num, (size_t)n);
            w += (size_t)n;
            p = q;
        } else {
            b->as_path[w++] = *p++;
        }
    }
    b->as_path[w] = '\0';
}

static int emit_path(parse_run_t *run, ios_bgp_state_t *st);

/* The numbers and the path after the next hop: "0    100      0 12076 65001 i". */
static bool number_fields(ios_bgp_state_t *st, bgp_path_t *b, const char *line, const char *p, const char *e)
{
    int em = st->col_nh ? st->end_metric : DEF_END_METRIC;
    int el = st->col_nh ? st->end_locprf : DEF_END_LOCPRF;
    const char *t;
    /* the numbers before the path: metric, locprf (either may be blank), then weight */
    while (p < e && b->weight == MODEL_ABSENT) {
        t = token_end(p, e);
        int64_t v = ios_rib_uint(p, (size_t)(t - p));
        if (v == MODEL_ABSENT)
            return false;
        int end = (int)(t - line) - st->shift, start = (int)(p - line) - st->shift;
        /* a value wider than its column starts inside it and runs into the next one (an
         * internal path's "0 1000000      0": LocPrf 1000000, then the weight) */
        if ((end <= em || start < em - 6) && b->metric == MODEL_ABSENT && b->local_pref == MODEL_ABSENT)
            b->metric = v;
        else if ((end <= el || start < el - 3) && b->local_pref == MODEL_ABSENT)
            b->local_pref = v;
        else
            b->weight = v;
        p = skip_sp(t, e);
    }
    if (b->weight == MODEL_ABSENT)
        return false;
    /* the origin code is the last token; the AS path is what lies between */
    const char *end = e;
    if (end - p >= 1 && (end - p == 1 || is_sp(end[-2])) &&
        (end[-1] == 'i' || end[-1] == 'e' || end[-1] == '?')) {
        const char *o = end[-1] == 'i' ? "igp" : end[-1] == 'e' ? "egp" : "incomplete";
        ios_rib_copy(b->origin, sizeof(b->origin), o, strlen(o));
        end--;
        while (end > p && is_sp(end[-1]))
            end--;
    }
    copy_as_path(b, p, end);
    return true;
}

/* Next hop onwards: "192.168.100.130    0    100      0 12076 65001 i".  An IPv6 next hop
 * longer than its column ends the line, and the numbers follow on the next one: that is
 * PATH_NH_ONLY, and the row's flags and next hop wait in the state for them. */
enum { PATH_BAD, PATH_OK, PATH_NH_ONLY };
static int path_fields(ios_bgp_state_t *st, bgp_path_t *b, const char *line, const char *p, const char *e)
{
    const char *t = token_end(p, e);
    ios_rib_copy(b->next_hop, sizeof(b->next_hop), p, (size_t)(t - p));
    /* A next hop that starts in its own column (two spaces or more before it) tells how far
     * this output sits from its header; one pushed right by a long prefix does not. */
    int col = (int)(p - line);
    if (p - line >= 2 && is_sp(p[-1]) && is_sp(p[-2]))
        st->shift = col - (st->col_nh ? st->col_nh : DEF_COL_NH);
    p = skip_sp(t, e);
    if (p == e && memchr(b->next_hop, ':', strlen(b->next_hop))) {
        st->nh_wrap = true;
        return PATH_NH_ONLY;
    }
    return number_fields(st, b, line, p, e) ? PATH_OK : PATH_BAD;
}

/* What path_fields() made of a row: emitted, waiting for its numbers, or not understood. */
static int path_done(parse_run_t *run, ios_bgp_state_t *st, int how)
{
    if (how == PATH_BAD) {
        parse_skip(run);
        return 0;
    }
    return how == PATH_OK ? emit_path(run, st) : 0;
}

/* The numbers line under a next hop that filled its own line. */
static int numbers_line(parse_run_t *run, ios_bgp_state_t *st, const char *line, const char *p, const char *e)
{
    bgp_path_t *b = &st->rec.u.path;
    st->nh_wrap = false;
    b->metric = b->local_pref = b->weight = MODEL_ABSENT;
    if (!number_fields(st, b, line, p, e)) {
        parse_skip(run);
        return 0;
    }
    return emit_path(run, st);
}

/* A row that came while a path still waited for its numbers: what it has still counts. */
static int flush_nh_wrap(parse_run_t *run, ios_bgp_state_t *st)
{
    st->nh_wrap = false;
    parse_partial(run, "a BGP next hop has no line with its numbers");
    return emit_path(run, st);
}

static void set_prefix(ios_bgp_state_t *st, const char *s, size_t n, uint32_t addr, int len)
{
    if (len >= -1 && addr != 0xffffffffu)
        ios_rib_fmt_prefix(st->prefix, addr, len >= 0 ? len : ios_rib_classful_len(addr));
    else if (!tu_prefix(s, n, false, st->prefix, sizeof(st->prefix)))
        ios_rib_copy(st->prefix, sizeof(st->prefix), s, n);
}

/* A prefix token: IPv4 (with or without a length) or IPv6. */
static bool prefix_token(const char *s, size_t n, uint32_t *addr, int *len)
{
    if (ios_rib_prefix_token(s, n, addr, len))
        return true;
    if (memchr(s, ':', n) && memchr(s, '/', n)) {
        *addr = 0xffffffffu;
        *len = -2; /* IPv6: set_prefix goes through tu_prefix */
        return true;
    }
    return false;
}

static bool is_addr(const char *s, size_t n)
{
    uint32_t a;
    return ios_rib_ipv4(s, n, &a) || (memchr(s, ':', n) && tu_is_ip(s, n));
}

static int emit_path(parse_run_t *run, ios_bgp_state_t *st)
{
    bgp_path_t *b = &st->rec.u.path;
    memcpy(b->prefix, st->prefix, sizeof(b->prefix));
    return parse_emit(run, &st->rec);
}

/* " *>i 10.1.0.0/16  192.168.100.130  0  100  0 12076 i" and its continuation forms. */
static int route_line(parse_run_t *run, ios_bgp_state_t *st, const char *line, const char *e)
{
    bgp_path_t *b = &st->rec.u.path;
    const char *p = line;
    bool valid = false, best = false;
    int codes = 0;
    while (p < e && !is_digit(*p) && is_status_char(*p)) {
        valid |= *p == '*';
        best |= *p == '>';
        codes += !is_sp(*p);
        p++;
    }
    if (p == e || codes > 6 || !(is_digit(*p) || *p == ':' || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'))) {
        parse_skip(run);
        return 0;
    }
    bool has_status = skip_sp(line, p) < p;
    const char *t1 = token_end(p, e);
    if (st->nh_wrap && !has_status)
        return numbers_line(run, st, line, p, e);
    if (st->nh_wrap && flush_nh_wrap(run, st))
        return -1;
    path_reset(b);
    if (st->wrap && !has_status) {
        /* the next-hop half of a wrapped prefix line */
        st->wrap = false;
        b->valid = st->wrap_valid;
        b->best = st->wrap_best;
        return path_done(run, st, path_fields(st, b, line, p, e));
    }
    if (st->wrap) {
        parse_partial(run, "a wrapped BGP network has no next-hop line");
        path_reset(b);
        b->valid = st->wrap_valid;
        b->best = st->wrap_best;
        if (emit_path(run, st))
            return -1;
        path_reset(b);
    }
    parse_begin_block(run); /* a row, or a network whose next hop wraps onto the next line */
    st->wrap = false;
    b->valid = valid ? TRI_TRUE : TRI_FALSE;
    b->best = best ? TRI_TRUE : TRI_FALSE;
    uint32_t addr;
    int len;
    const char *q = skip_sp(t1, e), *t2 = token_end(q, e);
    bool t1_prefix = prefix_token(p, (size_t)(t1 - p), &addr, &len);
    if (!t1_prefix && st->prefix[0] && is_addr(p, (size_t)(t1 - p)))
        return path_done(run, st, path_fields(st, b, line, p, e)); /* IPv6 next hop: same network */
    if (!t1_prefix) {
        parse_skip(run);
        return 0;
    }
    /* t1 is the network when it has a length, when nothing follows it, or when an address
     * (the next hop) follows it; otherwise it is the next hop of another path. */
    if (len >= 0 || len == -2 || q == e || is_addr(q, (size_t)(t2 - q))) {
        set_prefix(st, p, (size_t)(t1 - p), addr, len);
        if (q == e) {
            st->wrap = true;
            st->wrap_valid = b->valid;
            st->wrap_best = b->best;
            return 0;
        }
        p = q;
    } else if (!st->prefix[0]) {
        parse_skip(run);
        return 0;
    }
    return path_done(run, st, path_fields(st, b, line, p, e));
}

static void route_distinguisher(ios_bgp_state_t *st, const char *p, const char *e)
{
    bgp_path_t *b = &st->rec.u.path;
    const char *v = NULL;
    for (const char *q = p; q + 4 <= e; q++)
        if (memcmp(q, "vrf ", 4) == 0) {
            v = q + 4;
            break;
        }
    if (v) {
        const char *ve = v;
        while (ve < e && *ve != ')' && *ve != ' ')
            ve++;
        ios_rib_copy(b->vrf, sizeof(b->vrf), v, (size_t)(ve - v));
    } else {
        /* an RD with no VRF of its own (imported paths): no VRF name to give */
        b->vrf[0] = '\0';
    }
    st->prefix[0] = '\0';
}

static bool legend_or_header(parse_run_t *run, ios_bgp_state_t *st, const char *p, const char *e)
{
    switch (*p) {
    case 'B':
        if (ios_rib_starts(p, e, "BGP table version is ")) {
            for (const char *q = p; q + 13 <= e; q++)
                if (memcmp(q, "router ID is ", 13) == 0) {
                    parse_meta_t *m = parse_meta(run);
                    ios_rib_copy(m->router_id, sizeof(m->router_id), q + 13,
                                 (size_t)(token_end(q + 13, e) - (q + 13)));
                    break;
                }
            return true;
        }
        return false;
    case 'S':
        if (ios_rib_starts(p, e, "Status codes")) {
            st->in_legend = true;
            return true;
        }
        return false;
    case 'O': return ios_rib_starts(p, e, "Origin codes");
    case 'R':
        if (ios_rib_starts(p, e, "Route Distinguisher: ")) {
            route_distinguisher(st, p, e);
            return true;
        }
        return ios_rib_starts(p, e, "RPKI validation codes");
    case 'T': return ios_rib_starts(p, e, "Total number of prefixes");
    case 'F': return ios_rib_starts(p, e, "For address family");
    case '%': return true; /* "% Network not in table", "% No such neighbor" */
    default: return false;
    }
}

/* Received routes ("received-routes", or "routes": what the neighbor sent that the inbound
 * policy kept) came from the neighbor the command names. */
static bool from_neighbor(const char *cmd)
{
    size_t n = strlen(cmd);
    const char *last = cmd + n;
    while (last > cmd && last[-1] != ' ')
        last--;
    size_t w = strlen(last); /* "ro", "rou", ... "routes" */
    return strstr(cmd, "received-routes") || (w >= 2 && w <= 6 && !strncmp(last, "routes", w));
}

static void start(parse_run_t *run, ios_bgp_state_t *st)
{
    st->started = true;
    record_init(&st->rec, KIND_BGP_TABLE);
    bgp_path_t *b = &st->rec.u.path;
    ios_rib_command_vrf(run, b->vrf, sizeof(b->vrf));
    if (from_neighbor(parse_command_norm(run)))
        ios_rib_command_word_after(run, "neighbors", b->neighbor, sizeof(b->neighbor));
    if (!b->neighbor[0] && from_neighbor(parse_command_norm(run)))
        ios_rib_command_word_after(run, "neighbor", b->neighbor, sizeof(b->neighbor));
}

int ios_bgp_table_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_bgp_state_t *st = state;
    const char *e = line + len;
    if (!st->started)
        start(run, st);
    while (e > line && is_sp(e[-1]))
        e--;
    if (e == line)
        return 0;
    const char *p = skip_sp(line, e);
    if (st->detail || ios_rib_starts(p, e, "BGP routing table entry for "))
        return ios_bgp_detail_line(run, st, line, e);
    /* Rows start with a status code or blanks then a digit: anything else is a header. */
    if (*p == '*' || *p == '>' || is_digit(*p) || ((st->wrap || st->nh_wrap) && p > line)) {
        if (!st->in_legend || *p == '*')
            return route_line(run, st, line, e);
    }
    if (*p == 'N' && ios_rib_starts(p, e, "Network ")) {
        column_header(st, line, e);
        return 0;
    }
    if (legend_or_header(run, st, p, e))
        return 0;
    if (st->in_legend)
        return 0; /* "r RIB-failure, S Stale, m multipath, ..." */
    if (p - line < 8 && is_status_char(*p)) /* "s>  10.0.0.0/8 ...": a row led by a rarer code */
        return route_line(run, st, line, e);
    parse_skip(run);
    return 0;
}

int ios_bgp_table_finish(parse_run_t *run, void *state)
{
    ios_bgp_state_t *st = state;
    if (st->nh_wrap) {
        parse_truncated(run, "the output ends after a BGP next hop, before its numbers");
        if (flush_nh_wrap(run, st))
            return -1;
    }
    if (st->wrap) {
        /* what was read still counts: the network and its status codes */
        parse_truncated(run, "the output ends after a BGP network with no next hop");
        st->wrap = false;
        path_reset(&st->rec.u.path);
        st->rec.u.path.valid = st->wrap_valid;
        st->rec.u.path.best = st->wrap_best;
        if (emit_path(run, st))
            return -1;
    }
    ios_bgp_detail_count(run, st);
    return ios_bgp_detail_flush(run, st);
}
