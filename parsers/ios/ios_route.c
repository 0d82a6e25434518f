/* ios_route.c: IOS / IOS-XE "show ip route [vrf V]" (the whole table).
 *
 *   Routing Table: BLUE
 *   Codes: L - local, C - connected, S - static, ...
 *   Gateway of last resort is 192.168.100.130 to network 0.0.0.0
 *
 *   B*    0.0.0.0/0 [20/0] via 192.168.100.130, 1w2d
 *         10.0.0.0/8 is variably subnetted, 5 subnets, 3 masks
 *   C        10.1.1.0/24 is directly connected, GigabitEthernet0/0/1
 *   O E2     10.2.0.0/16 [110/20] via 10.1.1.2, 00:01:02, GigabitEthernet0/0/1
 *                        [110/20] via 10.1.1.3, 00:01:02, GigabitEthernet0/0/1
 *         172.16.0.0/24 is subnetted, 2 subnets
 *   B        172.16.1.0 [20/0] via 192.168.100.130, 1w2d       <- length from the header
 *   O E2     192.168.10.168                                     <- wrapped after the prefix
 *              [110/20] via 7.7.7.170, 12:54:35, TenGigabitEthernet7/4
 *
 * The single-prefix form ("Routing entry for ...") is recognised by its first line and handled
 * by ios_route_detail.c.  Hot path: one pass per line, no regex, no allocation; the open
 * route lives in the state and goes out when the next route (or header) starts. */
#include <string.h>

#include "parsers/ios/ios_rib.h"
#include "parsers/textutil.h"


static inline bool is_sp(char c) { return c == ' ' || c == '\t'; }
static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

#define skip_sp ios_rib_skip_sp
#define token_end ios_rib_token_end

static void route_reset(route_t *r)
{
    r->prefix[0] = r->protocol[0] = r->raw_protocol[0] = '\0';
    r->distance = r->metric = r->age = MODEL_ABSENT;
    r->n_next_hops = 0;
    r->best = TRI_ABSENT;
}

static next_hop_t *add_next_hop(parse_run_t *run, route_t *r)
{
    if (r->n_next_hops == MAX_NEXT_HOPS) {
        parse_partial(run, "a route has more next hops than erdiag keeps (16)");
        return NULL;
    }
    next_hop_t *nh = &r->next_hops[r->n_next_hops++];
    nh->address[0] = nh->interface[0] = nh->vrf[0] = nh->protocol[0] = '\0';
    nh->distance = nh->metric = nh->age = MODEL_ABSENT;
    return nh;
}

int ios_route_flush(parse_run_t *run, ios_route_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

/* ", 00:01:02, GigabitEthernet0/0" after the next hop: an age or an interface each. */
static void route_items(const char *p, const char *e, int64_t *age, next_hop_t *nh)
{
    while (p < e) {
        p = skip_sp(p, e);
        if (p < e && *p == ',')
            p = skip_sp(p + 1, e);
        const char *s = p;
        while (p < e && *p != ',')
            p++;
        const char *t = p;
        while (t > s && is_sp(t[-1]))
            t--;
        if (t == s || ios_rib_starts(s, t, "directly connected") || ios_rib_starts(s, t, "receive"))
            continue; /* IPv6 "via Gi0/0, directly connected": the interface is what counts */
        if (is_digit(*s)) {
            int64_t a = ios_rib_duration(s, (size_t)(t - s));
            if (a != MODEL_ABSENT)
                *age = a;
        } else if (nh) {
            ios_rib_copy(nh->interface, sizeof(nh->interface), s, (size_t)(t - s));
        }
    }
}

/* "[110/20]" -> distance and metric; returns the position after ']' or NULL. */
static const char *dist_metric(const char *p, const char *e, int64_t *dist, int64_t *metric)
{
    const char *slash = NULL, *close = NULL;
    for (const char *q = p + 1; q < e; q++) {
        if (*q == '/' && !slash)
            slash = q;
        else if (*q == ']') {
            close = q;
            break;
        }
    }
    if (!slash || !close)
        return NULL;
    *dist = ios_rib_uint(p + 1, (size_t)(slash - p - 1));
    *metric = ios_rib_uint(slash + 1, (size_t)(close - slash - 1));
    return close + 1;
}

/* Everything after the prefix (or the whole of an ECMP continuation line).  cont: the values
 * belong to a further next hop, not to the route itself. */
static bool route_body(parse_run_t *run, route_t *r, const char *p, const char *e, bool cont)
{
    p = skip_sp(p, e);
    if (p == e)
        return true; /* wrapped after the prefix: the next line carries the rest */
    int64_t dist = MODEL_ABSENT, metric = MODEL_ABSENT, age = MODEL_ABSENT;
    next_hop_t *nh = NULL;
    if (*p == '[') {
        p = dist_metric(p, e, &dist, &metric);
        if (!p)
            return false;
        p = skip_sp(p, e);
        if (p == e && !cont) {
            /* IPv6 "B   2001:DB8:1::/48 [20/0]": the next hops follow on "via" lines */
            r->distance = dist;
            r->metric = metric;
            return true;
        }
        nh = add_next_hop(run, r);
        if (ios_rib_starts(p, e, "via ")) {
            p = skip_sp(p + 4, e);
            const char *a = p;
            while (p < e && *p != ',' && !is_sp(*p))
                p++;
            if (nh)
                ios_rib_copy(nh->address, sizeof(nh->address), a, (size_t)(p - a));
            p = skip_sp(p, e);
            if (p < e && *p == '(') { /* "via 10.0.0.1 (BLUE)": resolved in another VRF */
                const char *v = ++p;
                while (p < e && *p != ')')
                    p++;
                if (nh)
                    ios_rib_copy(nh->vrf, sizeof(nh->vrf), v, (size_t)(p - v));
                if (p < e)
                    p++;
            }
        }
    } else if (ios_rib_starts(p, e, "is directly connected")) {
        p += 21;
        nh = add_next_hop(run, r);
    } else if (ios_rib_starts(p, e, "is a summary")) {
        p += 12;
        nh = add_next_hop(run, r);
    } else if (ios_rib_starts(p, e, "via ")) {
        /* a continuation without its own [distance/metric] */
        p = skip_sp(p + 4, e);
        const char *a = p;
        while (p < e && *p != ',' && !is_sp(*p))
            p++;
        nh = add_next_hop(run, r);
        /* IPv6 "via GigabitEthernet0/0/0.100, directly connected" names no address */
        if (nh)
            ios_rib_copy(tu_is_ip(a, (size_t)(p - a)) ? nh->address : nh->interface, sizeof(nh->address), a,
                         (size_t)(p - a));
    } else {
        return false;
    }
    route_items(p, e, &age, nh);
    if (cont && nh) {
        nh->distance = dist;
        nh->metric = metric;
        nh->age = age;
    } else {
        if (dist != MODEL_ABSENT)
            r->distance = dist;
        if (metric != MODEL_ABSENT)
            r->metric = metric;
        if (age != MODEL_ABSENT)
            r->age = age;
    }
    return true;
}

/* "     10.0.0.0/8 is variably subnetted, 5 subnets, 3 masks" / "... is subnetted, 2 subnets" */
static bool subnet_header(ios_route_state_t *st, const char *p, const char *e)
{
    const char *t = token_end(p, e);
    uint32_t addr;
    int len;
    if (!ios_rib_prefix_token(p, (size_t)(t - p), &addr, &len))
        return false;
    const char *q = skip_sp(t, e);
    if (ios_rib_starts(q, e, "is subnetted"))
        st->sub_len = len;
    else if (ios_rib_starts(q, e, "is variably subnetted"))
        st->sub_len = -1;
    else
        return false;
    int cl = ios_rib_classful_len(addr);
    st->major_mask = ios_rib_mask(cl); /* "0.0.0.0 is subnetted": classful /0 */
    st->major_net = addr & st->major_mask;
    return true;
}

/* A prefix printed without a length: the "is subnetted" header's mask, else classful. */
static int implied_len(const ios_route_state_t *st, uint32_t addr)
{
    if (st->sub_len >= 0 && (addr & st->major_mask) == st->major_net)
        return st->sub_len;
    return ios_rib_classful_len(addr);
}

/* Copies the route code, one space between its parts ("O  E2" -> "O E2"). */
static void set_code(route_t *r, const char *s, const char *e)
{
    size_t w = 0;
    for (const char *q = s; q < e && w + 1 < sizeof(r->raw_protocol); q++) {
        if (is_sp(*q)) {
            if (w && r->raw_protocol[w - 1] != ' ')
                r->raw_protocol[w++] = ' ';
        } else {
            r->raw_protocol[w++] = *q;
        }
    }
    while (w && r->raw_protocol[w - 1] == ' ')
        w--;
    r->raw_protocol[w] = '\0';
    const char *proto = tu_route_code_protocol(r->raw_protocol, w);
    if (proto)
        ios_rib_copy(r->protocol, sizeof(r->protocol), proto, strlen(proto));
}

/* The code is at most a few characters ("O*E2", "i L2", "B  +", "OE2"); the prefix is the
 * first token after it that starts with a digit (IPv4) or holds a ':' (IPv6 "FF00::/8"). */
static const char *prefix_start(const char *line, const char *e)
{
    const char *lim = e - line > 14 ? line + 14 : e;
    for (const char *p = line + 1; p < lim; p++) { /* line[0] is the code's first letter */
        if (!is_sp(p[-1]) || is_sp(*p))
            continue;
        if (is_digit(*p) || memchr(p, ':', (size_t)(token_end(p, e) - p)))
            return p;
    }
    return NULL;
}

/* "O E2    10.2.0.0/16 [110/20] via ...": a code, a prefix, a body.  0 = not a route line. */
static int route_line(parse_run_t *run, ios_route_state_t *st, const char *line, const char *e, bool *ok)
{
    const char *p = prefix_start(line, e);
    *ok = false;
    if (!p)
        return 0;
    const char *t = token_end(p, e);
    uint32_t addr;
    int len;
    char v6[PREFIX_LEN] = {0}; /* copied whole: no stack bytes after its NUL */
    bool is_v4 = ios_rib_prefix_token(p, (size_t)(t - p), &addr, &len);
    if (!is_v4 && !(memchr(p, ':', (size_t)(t - p)) && tu_prefix(p, (size_t)(t - p), false, v6, sizeof(v6))))
        return 0;
    int rc = ios_route_flush(run, st);
    parse_begin_block(run); /* the route's record is the reused one, reset here */
    route_t *r = &st->rec.u.route;
    route_reset(r);
    set_code(r, line, p);
    if (is_v4)
        ios_rib_fmt_prefix(r->prefix, addr, len >= 0 ? len : implied_len(st, addr));
    else
        memcpy(r->prefix, v6, sizeof(r->prefix));
    st->open = true;
    *ok = route_body(run, r, t, e, false);
    return rc ? -1 : 1;
}

/* Header lines printed at column 0 that are neither routes nor errors. */
static bool known_header(const char *p, const char *e)
{
    static const char *const heads[] = {
        "Codes:", "Gateway of last resort", "Default gateway is", "Host ", "ICMP redirect cache",
        "% ", "VRF ", "IP routing table", "Routing Table:", "IPv6 Routing Table",
    };
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
        if (ios_rib_starts(p, e, heads[i]))
            return true;
    /* "Tue May 22 22:32:30.765 UTC" timestamps some collectors prepend */
    static const char days[] = "MonTueWedThuFriSatSun";
    if (e - p > 20 && p[3] == ' ')
        for (int d = 0; d < 7; d++)
            if (memcmp(p, days + 3 * d, 3) == 0)
                return true;
    return false;
}

/* An indented line: the legend, a subnet header, or an ECMP / wrapped continuation. */
static int indented_line(parse_run_t *run, ios_route_state_t *st, const char *line, const char *e)
{
    const char *p = skip_sp(line, e);
    if (p == e)
        return 0;
    if (*p == '[' || ios_rib_starts(p, e, "via ") || ios_rib_starts(p, e, "is directly")) {
        route_t *r = &st->rec.u.route;
        if (!st->open || !route_body(run, r, p, e, r->n_next_hops > 0))
            parse_skip(run);
        return 0;
    }
    if (is_digit(*p)) {
        if (ios_route_flush(run, st))
            return -1;
        if (!subnet_header(st, p, e))
            parse_skip(run);
        return 0;
    }
    /* legend continuation: "D - EIGRP, EX - EIGRP external, ..." / "+ - replicated route" */
    const char *t = token_end(p, e);
    if (ios_rib_starts(skip_sp(t, e), e, "- "))
        return 0;
    parse_skip(run);
    return 0;
}

static void start(parse_run_t *run, ios_route_state_t *st)
{
    st->started = true;
    st->sub_len = -1;
    record_init(&st->rec, KIND_ROUTES);
    ios_rib_command_vrf(run, st->rec.u.route.vrf, sizeof(st->rec.u.route.vrf));
}

int ios_route_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_route_state_t *st = state;
    const char *e = line + len;
    if (!st->started)
        start(run, st);
    while (e > line && is_sp(e[-1]))
        e--;
    if (e == line)
        return 0;
    char c = line[0];
    if (c == 'R' && ios_rib_starts(line, e, "Routing ")) {
        if (ios_route_flush(run, st))
            return -1;
        if (ios_rib_starts(line, e, "Routing Table: ")) {
            const char *v = skip_sp(line + 15, e);
            route_t *r = &st->rec.u.route;
            ios_rib_copy(r->vrf, sizeof(r->vrf), v, (size_t)(token_end(v, e) - v));
            st->sub_len = -1;
            return 0;
        }
    }
    if (st->detail || (c == 'R' && ios_rib_starts(line, e, "Routing entry for ")))
        return ios_route_detail_line(run, st, line, e);
    /* digits or '[' at column 0: a header or ECMP line whose indent was lost in a paste */
    if (is_sp(c) || is_digit(c) || c == '[')
        return indented_line(run, st, line, e);
    bool ok;
    int rc = route_line(run, st, line, e, &ok);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        if (!ok)
            parse_skip(run);
        return 0;
    }
    if (!known_header(line, e))
        parse_skip_outside(run); /* at column 0: not a continuation of the open route */
    return 0;
}

int ios_route_finish(parse_run_t *run, void *state)
{
    ios_route_state_t *st = state;
    /* every route line brings a next hop, or its "via" lines do (IPv6) */
    if (st->open && !st->detail && st->rec.u.route.n_next_hops == 0)
        parse_truncated(run, "the output ends inside a route (no next hop after its prefix)");
    return ios_route_flush(run, st);
}
