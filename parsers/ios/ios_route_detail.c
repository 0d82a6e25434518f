/* ios_route_detail.c: IOS "show ip route [vrf V] A.B.C.D" (one prefix, in detail).
 *
 *   Routing entry for 10.1.0.0/16
 *     Known via "bgp 65010", distance 20, metric 0
 *     Tag 12076, type external
 *     Last update from 192.168.100.130 1w2d ago
 *     Routing Descriptor Blocks:
 *     * 192.168.100.130, from 192.168.100.130, 1w2d ago, via GigabitEthernet0/0/0
 *         Route metric is 0, traffic share count is 1
 *
 * "show ipv6 route X" words its paths differently, one block per path:
 *     Routing paths:
 *       FE80::212:F2FF:FEA1:C01, GigabitEthernet0/0/0.100
 *         From FE80::212:F2FF:FEA1:C01
 *         Last updated 1d02h ago
 *
 * "% Network not in table" is a valid empty answer (no record, not partial).  Lines this
 * parser has no use for (tags, redistribution, MPLS labels, traffic shares) are ignored: the
 * detail block is free text that grows with every release. */
#include <string.h>

#include "parsers/ios/ios_rib.h"
#include "parsers/textutil.h"


static const char *skip_sp(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

/* Finds lit in [p, e); returns its start or NULL. */
static const char *find(const char *p, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    for (; p + n <= e; p++)
        if (*p == *lit && memcmp(p, lit, n) == 0)
            return p;
    return NULL;
}

/* The number after "key " (", distance 20, metric 0"). */
static int64_t number_after(const char *p, const char *e, const char *key)
{
    const char *k = find(p, e, key);
    if (!k)
        return MODEL_ABSENT;
    const char *s = k + strlen(key), *q = s;
    while (q < e && *q >= '0' && *q <= '9')
        q++;
    return ios_rib_uint(s, (size_t)(q - s));
}

static void entry_line(parse_run_t *run, ios_route_state_t *st, const char *p, const char *e)
{
    route_t *r = &st->rec.u.route;
    char vrf[NAME_LEN];
    memcpy(vrf, r->vrf, sizeof(vrf));
    parse_begin_record(run, &st->rec, KIND_ROUTES);
    memcpy(r->vrf, vrf, sizeof(vrf));
    st->detail = true;
    st->in_blocks = false;
    st->open = true;
    const char *s = skip_sp(p + 18, e), *t = s;
    while (t < e && *t != ' ' && *t != ',')
        t++;
    uint32_t addr, mask;
    int len;
    if (ios_rib_prefix_token(s, (size_t)(t - s), &addr, &len)) {
        const char *m = skip_sp(t, e), *me = m;
        while (me < e && *me != ' ' && *me != ',')
            me++;
        if (len < 0 && ios_rib_ipv4(m, (size_t)(me - m), &mask)) /* "10.0.0.0 255.0.0.0" */
            for (len = 0; len < 32 && (mask << len) & 0x80000000u; len++)
                ;
        ios_rib_fmt_prefix(r->prefix, addr, len >= 0 ? len : ios_rib_classful_len(addr));
    } else if (!tu_prefix(s, (size_t)(t - s), false, r->prefix, sizeof(r->prefix))) {
        parse_skip(run);
    }
}

static void known_via(route_t *r, const char *p, const char *e)
{
    const char *s = p + 11, *q = memchr(s, '"', (size_t)(e - s));
    if (!q)
        return;
    ios_rib_copy(r->raw_protocol, sizeof(r->raw_protocol), s, (size_t)(q - s));
    const char *proto = tu_protocol_word(s, (size_t)(q - s));
    if (proto)
        ios_rib_copy(r->protocol, sizeof(r->protocol), proto, strlen(proto));
    r->distance = number_after(q, e, "distance ");
    r->metric = number_after(q, e, "metric ");
}

/* "... 1w2d ago": the duration token before " ago". */
static int64_t age_before_ago(const char *p, const char *e)
{
    const char *ago = find(p, e, " ago");
    if (!ago)
        return MODEL_ABSENT;
    const char *s = ago;
    while (s > p && s[-1] != ' ' && s[-1] != ',')
        s--;
    return ios_rib_duration(s, (size_t)(ago - s));
}

/* "* 10.0.0.2, from 10.0.0.2, 00:00:10 ago, via Gi0/2" / "* directly connected, via Gi0/0" */
static void descriptor(parse_run_t *run, route_t *r, const char *p, const char *e)
{
    if (*p == '*')
        p = skip_sp(p + 1, e);
    if (r->n_next_hops == MAX_NEXT_HOPS) {
        parse_partial(run, "a route has more next hops than erdiag keeps (16)");
        return;
    }
    next_hop_t *nh = &r->next_hops[r->n_next_hops++];
    next_hop_init(nh);
    const char *s = p;
    while (p < e && *p != ',' && *p != ' ')
        p++;
    if (tu_is_ip(s, (size_t)(p - s)))
        ios_rib_copy(nh->address, sizeof(nh->address), s, (size_t)(p - s));
    const char *via = find(p, e, "via "), *v = via ? via + 4 : NULL;
    if (!via && p < e && *p == ',' && nh->address[0])
        v = skip_sp(p + 1, e); /* IPv6 "FE80::212:F2FF:FEA1:C01, GigabitEthernet0/0/0.100" */
    if (v) {
        const char *ve = v;
        while (ve < e && *ve != ',' && *ve != ' ')
            ve++;
        ios_rib_copy(nh->interface, sizeof(nh->interface), v, (size_t)(ve - v));
    }
    nh->age = age_before_ago(p, e);
}

/* A path line of the block: IPv4 "* 10.0.0.2, from ...", IPv6 "FE80::1, Gi0/0/0" or
 * "directly connected via Gi0/0/0"; not "Route metric is ..." nor "From FE80::1". */
static bool path_line(const char *p, const char *e)
{
    if (*p == '*' || ios_rib_starts(p, e, "directly"))
        return true;
    const char *t = p;
    while (t < e && *t != ',' && *t != ' ')
        t++;
    return tu_is_ip(p, (size_t)(t - p));
}

int ios_route_detail_line(parse_run_t *run, ios_route_state_t *st, const char *line, const char *e)
{
    route_t *r = &st->rec.u.route;
    const char *p = skip_sp(line, e);
    if (ios_rib_starts(p, e, "Routing entry for ")) {
        if (ios_route_flush(run, st))
            return -1;
        entry_line(run, st, p, e);
        return 0;
    }
    if (!st->open)
        return 0; /* "% Network not in table" and the like */
    if (ios_rib_starts(p, e, "Known via \"")) {
        known_via(r, p, e);
    } else if (ios_rib_starts(p, e, "Last update from ")) {
        r->age = age_before_ago(p, e);
    } else if (ios_rib_starts(p, e, "Routing Descriptor Blocks") || ios_rib_starts(p, e, "Routing paths:")) {
        st->in_blocks = true;
    } else if (st->in_blocks && path_line(p, e)) {
        descriptor(run, r, p, e);
    } else if (st->in_blocks && r->n_next_hops && ios_rib_starts(p, e, "Last updated ")) {
        r->next_hops[r->n_next_hops - 1].age = age_before_ago(p, e); /* IPv6: under its path */
    }
    return 0;
}
