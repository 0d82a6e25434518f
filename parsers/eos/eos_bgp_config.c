/* eos_bgp_config.c: EOS "show running-config section router bgp".
 *
 *   router bgp 65010
 *      router-id 192.168.100.129
 *      neighbor MSEE peer group
 *      neighbor MSEE remote-as 12076
 *      neighbor MSEE password 7 <secret>
 *      neighbor 192.168.100.130 peer group MSEE
 *      neighbor 192.168.100.130 timers 60 180
 *      neighbor 192.168.100.130 route-map MSEE-IN in
 *      vrf BLUE
 *         neighbor 10.9.0.2 remote-as 12076
 *
 * A neighbor inherits from its peer group, and a group's lines may follow its members, so the
 * (small, bounded) neighbor list is held until the end.  Secrets are never copied: a password
 * only sets md5. */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

enum { EOS_CFG_MAX = 96 };

typedef struct {
    bgp_config_neighbor_t n;
    bool is_group;
} eos_cfg_entry_t;

typedef struct {
    int64_t local_as;
    char router_id[ADDR_LEN];
    char vrf[NAME_LEN];
    char vrf_router_id[ADDR_LEN];
    eos_cfg_entry_t e[EOS_CFG_MAX];
    int count;
    bool full;
} eos_cfg_state_t;

_Static_assert(sizeof(eos_cfg_state_t) <= EOS_CONFIG_STATE_SIZE, "state fits");

static rx_t bgp_rx = RX("^router bgp (?<as>[\\d.]+)");
static rx_t rid_rx = RX("^\\s+router-id (?<rid>\\S+)");
static rx_t vrf_rx = RX("^\\s+vrf (?<vrf>\\S+)\\s*$");
static rx_t nbr_rx = RX("^\\s+(?<no>no )?neighbor (?<who>\\S+) (?<rest>.*?)\\s*$");

static eos_cfg_entry_t *eos_cfg_find(eos_cfg_state_t *st, const char *who, size_t n, bool create)
{
    const char *vrf = tu_is_ip(who, n) ? st->vrf : "";
    for (int i = 0; i < st->count; i++) {
        bgp_config_neighbor_t *x = &st->e[i].n;
        if (strlen(x->peer) == n && strncmp(x->peer, who, n) == 0 && strcmp(x->vrf, vrf) == 0)
            return &st->e[i];
    }
    if (!create || st->count >= EOS_CFG_MAX) {
        st->full = st->full || create;
        return NULL;
    }
    eos_cfg_entry_t *e = &st->e[st->count++];
    record_t tmp;
    record_init(&tmp, KIND_BGP_CONFIG);
    e->n = tmp.u.bgp_config;
    e->is_group = !tu_is_ip(who, n);
    FIELD_SET(e->n.peer, who, (long)n);
    FIELD_SET(e->n.vrf, vrf, -1);
    if (vrf[0])
        FIELD_SET(e->n.router_id, st->vrf_router_id, -1);
    return e;
}

static void eos_cfg_word2(const char *rest, size_t rn, char *a, size_t asz, char *b, size_t bsz)
{
    size_t i = 0;
    while (i < rn && rest[i] != ' ')
        i++;
    field_set(a, asz, rest, (long)i);
    while (i < rn && rest[i] == ' ')
        i++;
    size_t j = i;
    while (j < rn && rest[j] != ' ')
        j++;
    field_set(b, bsz, rest + i, (long)(j - i));
}

/* One "neighbor X <setting>" line. */
static void eos_cfg_setting(bgp_config_neighbor_t *n, bool no, const char *r, size_t rn)
{
    char a[NAME_LEN], b[NAME_LEN];
    const char *sp = memchr(r, ' ', rn);
    const char *arg = sp ? sp + 1 : r + rn;
    size_t an = sp ? rn - (size_t)(arg - r) : 0;
    if (tu_starts(r, rn, "remote-as "))
        n->remote_as = tu_asn(arg, an);
    else if (tu_starts(r, rn, "peer group ") || tu_starts(r, rn, "peer-group "))
        FIELD_SET(n->peer_group, r + 11, (long)(rn - 11));
    else if (tu_starts(r, rn, "description "))
        FIELD_SET(n->description, arg, (long)an);
    else if (tu_starts(r, rn, "password"))
        n->md5 = no ? TRI_FALSE : TRI_TRUE;
    else if (tu_eq(r, rn, "bfd") || tu_starts(r, rn, "bfd "))
        n->bfd = no ? TRI_FALSE : TRI_TRUE;
    else if (tu_eq(r, rn, "shutdown"))
        n->shutdown = no ? TRI_FALSE : TRI_TRUE;
    else if (tu_starts(r, rn, "timers ")) {
        eos_cfg_word2(arg, an, a, sizeof(a), b, sizeof(b));
        n->keepalive = tu_int(a, strlen(a));
        n->hold_time = tu_int(b, strlen(b));
    } else if (tu_starts(r, rn, "route-map ") || tu_starts(r, rn, "prefix-list ")) {
        bool rm = r[0] == 'r';
        eos_cfg_word2(arg, an, a, sizeof(a), b, sizeof(b));
        bool in = strcmp(b, "in") == 0;
        char *dst = rm ? (in ? n->inbound_policy : n->outbound_policy)
                       : (in ? n->inbound_prefix_list : n->outbound_prefix_list);
        field_set(dst, NAME_LEN, a, -1);
    } else if (tu_starts(r, rn, "maximum-routes ") || tu_starts(r, rn, "maximum-accepted-routes ")) {
        eos_cfg_word2(arg, an, a, sizeof(a), b, sizeof(b));
        n->max_prefixes = tu_int(a, strlen(a));
    } else if (tu_starts(r, rn, "update-source "))
        FIELD_SET(n->update_source, arg, (long)an);
    else if (tu_starts(r, rn, "ebgp-multihop"))
        n->ebgp_multihop = an ? tu_int(arg, an) : 255;
}

int eos_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    eos_cfg_state_t *st = state;
    rx_caps_t c;
    const char *s, *r;
    size_t n, rn;
    if (rx_match(&bgp_rx, line, len, &c)) {
        rx_named(&c, "as", &s, &n);
        st->local_as = tu_asn(s, n);
        parse_meta(run)->local_as = st->local_as;
        return 0;
    }
    if (rx_match(&rid_rx, line, len, &c)) {
        if (st->vrf[0]) {
            rx_copy(&c, "rid", st->vrf_router_id, sizeof(st->vrf_router_id));
        } else {
            rx_copy(&c, "rid", st->router_id, sizeof(st->router_id));
            rx_copy(&c, "rid", parse_meta(run)->router_id, ADDR_LEN);
        }
        return 0;
    }
    if (rx_match(&vrf_rx, line, len, &c)) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        st->vrf_router_id[0] = '\0';
        return 0;
    }
    if (rx_match(&nbr_rx, line, len, &c)) {
        rx_named(&c, "who", &s, &n);
        rx_named(&c, "rest", &r, &rn);
        eos_cfg_entry_t *e = eos_cfg_find(st, s, n, true);
        if (e)
            eos_cfg_setting(&e->n, rx_named(&c, "no", &s, &n), r, rn);
        return 0;
    }
    /* everything else in the section (address families, networks, redistribution) is config
     * the contract does not carry */
    return 0;
}

/* Fills what the neighbor left unset from its peer group. */
static void eos_cfg_inherit(bgp_config_neighbor_t *n, const bgp_config_neighbor_t *g)
{
#define INH_I(f) if (n->f == MODEL_ABSENT) n->f = g->f
#define INH_T(f) if (n->f == TRI_ABSENT) n->f = g->f
#define INH_S(f) if (!n->f[0]) memcpy(n->f, g->f, sizeof(n->f))
    INH_I(remote_as); INH_I(keepalive); INH_I(hold_time); INH_I(max_prefixes); INH_I(ebgp_multihop);
    INH_T(md5); INH_T(bfd); INH_T(shutdown);
    INH_S(description); INH_S(inbound_policy); INH_S(outbound_policy);
    INH_S(inbound_prefix_list); INH_S(outbound_prefix_list); INH_S(update_source);
#undef INH_I
#undef INH_T
#undef INH_S
}

int eos_bgp_config_finish(parse_run_t *run, void *state)
{
    eos_cfg_state_t *st = state;
    if (st->full)
        parse_truncated(run, "more BGP neighbors than erdiag holds; the rest were dropped");
    for (int i = 0; i < st->count; i++) {
        if (st->e[i].is_group)
            continue;
        record_t rec;
        record_init(&rec, KIND_BGP_CONFIG);
        rec.u.bgp_config = st->e[i].n;
        bgp_config_neighbor_t *n = &rec.u.bgp_config;
        if (n->peer_group[0]) {
            eos_cfg_entry_t *g = eos_cfg_find(st, n->peer_group, strlen(n->peer_group), false);
            if (g)
                eos_cfg_inherit(n, &g->n);
        }
        n->local_as = st->local_as ? st->local_as : MODEL_ABSENT;
        if (!n->router_id[0])
            FIELD_SET(n->router_id, st->router_id, -1);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}
