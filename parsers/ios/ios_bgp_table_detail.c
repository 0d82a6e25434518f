/* ios_bgp_table_detail.c: IOS "show ip bgp [vrf V] A.B.C.D" (one network, every path).
 *
 *   BGP routing table entry for 10.1.0.0/16, version 5
 *   Paths: (2 available, best #1, table default)
 *     Advertised to update-groups:
 *        1          2
 *     Refresh Epoch 1
 *     12076                                                   <- AS path ("Local" = empty)
 *       192.168.100.130 from 192.168.100.130 (10.255.255.1)   <- next hop, peer, peer's id
 *         Origin IGP, metric 0, localpref 100, valid, external, best
 *         Community: 12076:51004
 *
 * One record per path.  The AS-path line is the only thing that starts a path; lines this
 * parser does not use (pathids, Extended Community, Originator, Cluster list) are ignored
 * because the block is free text that varies by release. */
#include <string.h>

#include "parsers/ios/ios_rib.h"
#include "parsers/textutil.h"


static const char *skip_sp(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

static const char *find(const char *p, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    for (; p + n <= e; p++)
        if (*p == *lit && memcmp(p, lit, n) == 0)
            return p;
    return NULL;
}

static const char *word_end(const char *p, const char *e)
{
    while (p < e && *p != ' ' && *p != ',' && *p != ')')
        p++;
    return p;
}

void ios_bgp_detail_count(parse_run_t *run, const ios_bgp_state_t *st)
{
    if (st->detail && st->paths_avail != MODEL_ABSENT && st->paths_avail > 0 && st->paths_seen < st->paths_avail)
        parse_truncated(run, "the BGP entry lists fewer paths than its Paths line counts");
}

int ios_bgp_detail_flush(parse_run_t *run, ios_bgp_state_t *st)
{
    if (!st->path_open)
        return 0;
    st->path_open = false;
    bgp_path_t *b = &st->rec.u.path;
    memcpy(b->prefix, st->prefix, sizeof(b->prefix));
    return parse_emit(run, &st->rec);
}

/* "BGP routing table entry for [RD:]10.1.0.0/16, version 5" */
static void entry_line(parse_run_t *run, ios_bgp_state_t *st, const char *p, const char *e)
{
    const char *s = p + 28, *t = s;
    while (t < e && *t != ',' && *t != ' ')
        t++;
    /* a vpnv4 entry starts with its route distinguisher: keep what follows the last ':' that
     * precedes the dotted prefix (IPv6 prefixes have no dots and are taken whole) */
    const char *dot = memchr(s, '.', (size_t)(t - s));
    if (dot)
        for (const char *q = dot; q > s; q--)
            if (q[-1] == ':') {
                s = q;
                break;
            }
    uint32_t addr;
    int len;
    if (ios_rib_prefix_token(s, (size_t)(t - s), &addr, &len))
        ios_rib_fmt_prefix(st->prefix, addr, len >= 0 ? len : ios_rib_classful_len(addr));
    else if (!tu_prefix(s, (size_t)(t - s), false, st->prefix, sizeof(st->prefix)))
        parse_skip(run);
}

/* "Paths: (2 available, best #1, table BLUE)" */
static void paths_line(ios_bgp_state_t *st, const char *p, const char *e)
{
    const char *q = skip_sp(p + 7, e);
    if (q < e && *q == '(') {
        const char *d = ++q;
        while (q < e && *q >= '0' && *q <= '9')
            q++;
        st->paths_avail = ios_rib_uint(d, (size_t)(q - d));
    }
    st->paths_seen = 0;
    const char *tb = find(p, e, "table ");
    if (!tb)
        return;
    const char *v = tb + 6, *ve = word_end(v, e);
    if ((size_t)(ve - v) == 7 && memcmp(v, "default", 7) == 0)
        return;
    if (ios_rib_starts(v, e, "Default-IP-Routing-Table"))
        return;
    ios_rib_copy(st->rec.u.path.vrf, sizeof(st->rec.u.path.vrf), v, (size_t)(ve - v));
}

/* "12076 64086.59905, (received & used)" / "Local" / "(65001) 12076" */
static void as_path_line(ios_bgp_state_t *st, const char *p, const char *e)
{
    bgp_path_t *b = &st->rec.u.path;
    b->next_hop[0] = b->as_path[0] = b->origin[0] = b->communities[0] = b->neighbor[0] = '\0';
    b->metric = b->local_pref = b->weight = MODEL_ABSENT;
    b->best = b->valid = TRI_FALSE;
    st->path_open = true;
    if (ios_rib_starts(p, e, "Local"))
        return;
    const char *c = memchr(p, ',', (size_t)(e - p));
    const char *end = c ? c : e;
    while (end > p && end[-1] == ' ')
        end--;
    /* asdot -> asplain, token by token */
    size_t w = 0;
    for (const char *q = p; q < end && w + 24 < sizeof(b->as_path);) {
        if (*q >= '0' && *q <= '9') {
            const char *r = q;
            while (r < end && ((*r >= '0' && *r <= '9') || *r == '.'))
                r++;
            int64_t v = ios_rib_asn(q, (size_t)(r - q));
            if (v == MODEL_ABSENT) {
                memcpy(b->as_path + w, q, (size_t)(r - q) < 23 ? (size_t)(r - q) : 23);
                w += (size_t)(r - q) < 23 ? (size_t)(r - q) : 23;
            } else {
                char tmp[24];
                int k = 0;
                do {
                    tmp[k++] = (char)('0' + v % 10);
                    v /= 10;
                } while (v);
                while (k)
                    b->as_path[w++] = tmp[--k];
            }
            q = r;
        } else {
            b->as_path[w++] = *q++;
        }
    }
    b->as_path[w] = '\0';
}

/* "192.168.100.130 (metric 20) from 192.168.100.130 (10.255.255.1)" */
static void next_hop_line(ios_bgp_state_t *st, const char *p, const char *e)
{
    bgp_path_t *b = &st->rec.u.path;
    const char *t = word_end(p, e);
    ios_rib_copy(b->next_hop, sizeof(b->next_hop), p, (size_t)(t - p));
    const char *f = find(t, e, " from ");
    if (f) {
        const char *v = f + 6, *ve = word_end(v, e);
        ios_rib_copy(b->neighbor, sizeof(b->neighbor), v, (size_t)(ve - v));
    }
}

/* "Origin IGP, metric 0, localpref 100, weight 32768, valid, external, best" */
static void origin_line(ios_bgp_state_t *st, const char *p, const char *e)
{
    bgp_path_t *b = &st->rec.u.path;
    while (p < e) {
        p = skip_sp(p, e);
        const char *s = p;
        while (p < e && *p != ',')
            p++;
        size_t n = (size_t)(p - s);
        if (p < e)
            p++;
        const char *sp = memchr(s, ' ', n);
        const char *v = sp ? sp + 1 : s + n;
        size_t vn = (size_t)(s + n - v);
        if (tu_starts(s, n, "Origin ")) {
            const char *o = tu_starts(v, vn, "IGP") ? "igp" : tu_starts(v, vn, "EGP") ? "egp" : "incomplete";
            ios_rib_copy(b->origin, sizeof(b->origin), o, strlen(o));
        } else if (tu_starts(s, n, "metric ")) {
            b->metric = ios_rib_uint(v, vn);
        } else if (tu_starts(s, n, "localpref ")) {
            b->local_pref = ios_rib_uint(v, vn);
        } else if (tu_starts(s, n, "weight ")) {
            b->weight = ios_rib_uint(v, vn);
        } else if (tu_eq(s, n, "valid")) {
            b->valid = TRI_TRUE;
        } else if (tu_eq(s, n, "best")) {
            b->best = TRI_TRUE;
        }
    }
}

int ios_bgp_detail_line(parse_run_t *run, ios_bgp_state_t *st, const char *line, const char *e)
{
    const char *p = skip_sp(line, e);
    size_t indent = (size_t)(p - line);
    if (ios_rib_starts(p, e, "BGP routing table entry for ")) {
        if (ios_bgp_detail_flush(run, st))
            return -1;
        st->detail = true;
        st->in_paths = st->in_adv = false;
        entry_line(run, st, p, e);
        return 0;
    }
    if (ios_rib_starts(p, e, "Route Distinguisher: ") || ios_rib_starts(p, e, "BGP table version") ||
        ios_rib_starts(p, e, "% ")) {
        if (ios_bgp_detail_flush(run, st))
            return -1;
        return 0;
    }
    if (ios_rib_starts(p, e, "Paths: ")) {
        paths_line(st, p, e);
        st->in_paths = true;
        return 0;
    }
    if (!st->in_paths)
        return 0;
    if (indent <= 3)
        st->in_adv = false;
    if (ios_rib_starts(p, e, "Advertised to") || ios_rib_starts(p, e, "Not advertised")) {
        st->in_adv = true;
        return 0;
    }
    if (st->in_adv)
        return 0;
    bool path_start = indent <= 3 && (ios_rib_starts(p, e, "Local") || *p == '{' || *p == '(' ||
                                      (*p >= '0' && *p <= '9'));
    if (path_start && !find(p, e, " from ")) {
        if (ios_bgp_detail_flush(run, st))
            return -1;
        parse_begin_block(run); /* the path's record is the reused one, reset by as_path_line */
        as_path_line(st, p, e);
        st->paths_seen++;
        return 0;
    }
    if (!st->path_open)
        return 0;
    bgp_path_t *b = &st->rec.u.path;
    if (!b->next_hop[0] && find(p, e, " from ")) {
        next_hop_line(st, p, e);
    } else if (ios_rib_starts(p, e, "Origin ")) {
        origin_line(st, p, e);
    } else if (ios_rib_starts(p, e, "Community: ")) {
        const char *v = skip_sp(p + 11, e);
        ios_rib_copy(b->communities, sizeof(b->communities), v, (size_t)(e - v));
    }
    return 0;
}
