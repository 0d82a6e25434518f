/* ios_bgp_config.c: IOS "show running-config | section router bgp" and "show running-config
 * partition router bgp": one record per configured neighbor.
 *
 *   router bgp 65010
 *    bgp router-id 192.168.100.129
 *    timers bgp 60 180
 *    neighbor 192.168.100.130 remote-as 12076
 *    neighbor 192.168.100.130 password 7 <secret>
 *    address-family ipv4 vrf ER
 *     neighbor 192.168.200.130 remote-as 12076
 *     neighbor 192.168.200.130 route-map ER-IN in
 *    exit-address-family
 *
 * A neighbor's statements are spread over the router and address-family blocks, so neighbors
 * are collected (a configuration holds a bounded number) and emitted at the end, with their
 * peer-group's settings filled in.  A password is recorded as md5=true: the secret itself is
 * never copied. */
#include <string.h>

#include "parsers/ios/ios_core.h"
#include "parsers/textutil.h"

static rx_t router_rx = RX("^router bgp (?<as>[0-9.]+)\\s*$");
static rx_t rid_rx = RX("^\\s+bgp router-id (?<rid>[0-9.]+)");
static rx_t timers_rx = RX("^\\s+timers bgp (?<k>\\d+) (?<h>\\d+)");
static rx_t af_rx = RX("^\\s+address-family \\S+(?: \\S+)?(?: vrf (?<vrf>\\S+))?\\s*$");
static rx_t exit_af_rx = RX("^\\s+exit-address-family");
static rx_t nei_rx = RX("^\\s+neighbor (?<peer>\\S+) (?<rest>\\S.*?)\\s*$");
static rx_t other_rx = RX("^(?:!.*|Current configuration.*|Configuration of Partition.*)$");
static rx_t building_rx = RX("^Building configuration");
static rx_t end_rx = RX("^end\\s*$");

static ios_bgp_cfg_entry_t *entry(parse_run_t *run, ios_bgp_cfg_state_t *st, const char *peer, size_t n)
{
    char key[ADDR_LEN];
    field_set(key, sizeof(key), peer, (long)n);
    for (int i = 0; i < st->n; i++) {
        ios_bgp_cfg_entry_t *e = &st->e[i];
        /* Peer-groups are global; a session is one address in one VRF. */
        if (strcmp(e->n.peer, key) == 0 && (e->is_group || strcmp(e->n.vrf, st->vrf) == 0))
            return e;
    }
    if (st->n == IOS_BGP_CONFIG_MAX) {
        if (!st->overflow)
            parse_truncated(run, "more BGP neighbors than erdiag keeps");
        st->overflow = true;
        return NULL;
    }
    ios_bgp_cfg_entry_t *e = &st->e[st->n++];
    record_t rec;
    record_init(&rec, KIND_BGP_CONFIG);
    e->n = rec.u.bgp_config;
    e->is_group = false;
    FIELD_SET(e->n.peer, key, -1);
    FIELD_SET(e->n.vrf, st->vrf, -1);
    return e;
}

static void copy_word(char *dst, size_t size, const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && s[w] != ' ')
        w++;
    field_set(dst, size, s, (long)w);
}

/* The idx-th blank-separated word of s as a number, or MODEL_ABSENT. */
static int64_t word_int(const char *s, size_t n, int idx)
{
    size_t i = 0;
    for (int w = 0; i < n; w++) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        if (w == idx)
            return i > b ? tu_int(s + b, i - b) : MODEL_ABSENT;
    }
    return MODEL_ABSENT;
}

static int64_t word_asn(const char *s, size_t n)
{
    size_t w = 0;
    while (w < n && s[w] != ' ')
        w++;
    return tu_asn(s, w);
}

/* "route-map X in" / "prefix-list X out" -> the in or out field. */
static void directional(char *in, char *out, const char *s, size_t n)
{
    const char *sp = memchr(s, ' ', n);
    if (!sp)
        return;
    size_t name_len = (size_t)(sp - s);
    const char *dir = sp + 1;
    size_t dl = n - name_len - 1;
    if (tu_eq(dir, dl, "in"))
        field_set(in, NAME_LEN, s, (long)name_len);
    else if (tu_eq(dir, dl, "out"))
        field_set(out, NAME_LEN, s, (long)name_len);
}

static void neighbor(parse_run_t *run, ios_bgp_cfg_state_t *st, const rx_caps_t *c)
{
    const char *p, *r;
    size_t pn, rn;
    rx_named(c, "peer", &p, &pn);
    rx_named(c, "rest", &r, &rn);
    ios_bgp_cfg_entry_t *e = entry(run, st, p, pn);
    if (!e)
        return;
    bgp_config_neighbor_t *n = &e->n;
    static const struct {
        const char *word;
        int id;
    } words[] = {
        {"remote-as ", 1}, {"password ", 2}, {"timers ", 3}, {"fall-over bfd", 4}, {"route-map ", 5},
        {"prefix-list ", 6}, {"maximum-prefix ", 7}, {"description ", 8}, {"shutdown", 9},
        {"peer-group ", 10}, {"peer-group", 11}, {"update-source ", 12}, {"ebgp-multihop", 13},
        {"local-as ", 14},
    };
    int id = 0;
    size_t wl = 0;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]) && !id; i++)
        if (tu_starts(r, rn, words[i].word)) {
            id = words[i].id;
            wl = strlen(words[i].word);
        }
    const char *a = r + wl;
    size_t an = rn - wl;
    switch (id) {
    case 1: n->remote_as = tu_asn(a, an); break;
    case 2: n->md5 = TRI_TRUE; break;
    case 3:
        n->keepalive = word_int(a, an, 0);
        n->hold_time = word_int(a, an, 1);
        break;
    case 4: n->bfd = TRI_TRUE; break;
    case 5: directional(n->inbound_policy, n->outbound_policy, a, an); break;
    case 6: directional(n->inbound_prefix_list, n->outbound_prefix_list, a, an); break;
    case 7: n->max_prefixes = word_int(a, an, 0); break;
    case 8: field_set(n->description, sizeof(n->description), a, (long)an); break;
    case 9: n->shutdown = TRI_TRUE; break;
    case 10: copy_word(n->peer_group, sizeof(n->peer_group), a, an); break;
    case 11: e->is_group = true; break;
    case 12: copy_word(n->update_source, sizeof(n->update_source), a, an); break;
    case 13: n->ebgp_multihop = an > 1 ? word_int(a + 1, an - 1, 0) : 255; break;
    case 14: n->local_as = word_asn(a, an); break;
    default: break; /* activate, send-community, soft-reconfiguration...: no field */
    }
}

int ios_bgp_cfg_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    ios_bgp_cfg_state_t *st = state;
    rx_caps_t c;
    if (ios_blank(line, len) || rx_match(&other_rx, line, len, NULL))
        return 0;
    if (rx_match(&building_rx, line, len, NULL)) {
        st->config_whole = true;
        return 0;
    }
    if (rx_match(&end_rx, line, len, NULL)) {
        st->saw_end = true;
        st->in_router = false;
        return 0;
    }
    if (rx_match(&router_rx, line, len, &c)) {
        st->in_router = true;
        st->local_as = ios_rx_asn(&c, "as");
        st->keepalive = st->hold_time = MODEL_ABSENT;
        st->vrf_keepalive = st->vrf_hold_time = MODEL_ABSENT;
        parse_meta(run)->local_as = st->local_as;
        return 0;
    }
    if (!st->in_router || (line[0] != ' ' && line[0] != '\t')) {
        /* "| section bgp" also shows other sections that mention bgp: not ours, but known. */
        st->in_router = false;
        return 0;
    }
    if (rx_match(&nei_rx, line, len, &c)) {
        neighbor(run, st, &c);
    } else if (rx_match(&rid_rx, line, len, &c)) {
        if (st->vrf[0]) {
            rx_copy(&c, "rid", st->vrf_router_id, sizeof(st->vrf_router_id));
        } else {
            rx_copy(&c, "rid", st->router_id, sizeof(st->router_id));
            FIELD_SET(parse_meta(run)->router_id, st->router_id, -1);
        }
    } else if (rx_match(&timers_rx, line, len, &c)) {
        *(st->vrf[0] ? &st->vrf_keepalive : &st->keepalive) = rx_int(&c, "k");
        *(st->vrf[0] ? &st->vrf_hold_time : &st->hold_time) = rx_int(&c, "h");
    } else if (rx_match(&af_rx, line, len, &c)) {
        st->vrf[0] = '\0';
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        st->in_af = true;
    } else if (rx_match(&exit_af_rx, line, len, NULL)) {
        st->vrf[0] = '\0';
        st->in_af = false;
    }
    return 0;
}

static void inherit_str(char *dst, const char *src, size_t size)
{
    if (!dst[0])
        field_set(dst, size, src, -1);
}

static void inherit_int(int64_t *dst, int64_t src)
{
    if (*dst == MODEL_ABSENT)
        *dst = src;
}

static void inherit_tri(tristate_t *dst, tristate_t src)
{
    if (*dst == TRI_ABSENT)
        *dst = src;
}

/* Fills what the neighbor leaves unset from its peer-group, then from the router. */
static void resolve(const ios_bgp_cfg_state_t *st, bgp_config_neighbor_t *n)
{
    for (int i = 0; n->peer_group[0] && i < st->n; i++) {
        const ios_bgp_cfg_entry_t *g = &st->e[i];
        if (!g->is_group || strcmp(g->n.peer, n->peer_group) != 0)
            continue;
        inherit_int(&n->remote_as, g->n.remote_as);
        inherit_int(&n->local_as, g->n.local_as);
        inherit_str(n->description, g->n.description, sizeof(n->description));
        inherit_tri(&n->md5, g->n.md5);
        inherit_tri(&n->bfd, g->n.bfd);
        inherit_tri(&n->shutdown, g->n.shutdown);
        inherit_int(&n->keepalive, g->n.keepalive);
        inherit_int(&n->hold_time, g->n.hold_time);
        inherit_str(n->inbound_policy, g->n.inbound_policy, NAME_LEN);
        inherit_str(n->outbound_policy, g->n.outbound_policy, NAME_LEN);
        inherit_str(n->inbound_prefix_list, g->n.inbound_prefix_list, NAME_LEN);
        inherit_str(n->outbound_prefix_list, g->n.outbound_prefix_list, NAME_LEN);
        inherit_int(&n->max_prefixes, g->n.max_prefixes);
        inherit_str(n->update_source, g->n.update_source, NAME_LEN);
        inherit_int(&n->ebgp_multihop, g->n.ebgp_multihop);
    }
    inherit_int(&n->local_as, st->local_as);
    if (n->vrf[0] && st->vrf_router_id[0])
        inherit_str(n->router_id, st->vrf_router_id, sizeof(n->router_id));
    inherit_str(n->router_id, st->router_id, sizeof(n->router_id));
    inherit_int(&n->keepalive, n->vrf[0] && st->vrf_keepalive != MODEL_ABSENT ? st->vrf_keepalive : st->keepalive);
    inherit_int(&n->hold_time, n->vrf[0] && st->vrf_hold_time != MODEL_ABSENT ? st->vrf_hold_time : st->hold_time);
    /* The configuration is complete: what is not said is off. */
    inherit_tri(&n->md5, TRI_FALSE);
    inherit_tri(&n->bfd, TRI_FALSE);
    inherit_tri(&n->shutdown, TRI_FALSE);
}

int ios_bgp_cfg_finish(parse_run_t *run, void *state)
{
    ios_bgp_cfg_state_t *st = state;
    /* IOS always closes an address-family block; a whole config always ends with "end". */
    if (st->in_af || (st->config_whole && !st->saw_end))
        parse_truncated(run, "the BGP configuration ends inside a block");
    for (int i = 0; i < st->n; i++) {
        if (st->e[i].is_group)
            continue;
        record_t rec;
        record_init(&rec, KIND_BGP_CONFIG);
        rec.u.bgp_config = st->e[i].n;
        resolve(st, &rec.u.bgp_config);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}
