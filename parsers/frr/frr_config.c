/* frr_config.c: the "router bgp" sections of FRR "show running-config" -> one bgp_config
 * record per neighbor (and peer-group member).
 *
 *   router bgp 65010
 *    bgp router-id 192.168.100.129
 *    neighbor 192.168.100.130 remote-as 12076
 *    neighbor 192.168.100.130 password erdiag-lab-secret      -> md5: true (never the secret)
 *    neighbor 192.168.100.130 timers 60 180
 *    address-family ipv4 unicast
 *     neighbor 192.168.100.130 route-map RM-MSEE-IN in
 *    exit-address-family
 *   exit
 *
 * Address-family lines add to neighbors declared above them, so a section's neighbors are
 * kept (a fixed array) until the section ends.  Everything outside router bgp is other
 * daemons' configuration and is ignored. */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t router_rx = RX("^router bgp (?<as>[0-9.]+)(?: vrf (?<vrf>\\S+))?\\s*$");
static rx_t rid_rx = RX("^ bgp router-id (?<rid>\\S+)");
static rx_t nb_rx = RX("^\\s+neighbor (?<peer>\\S+) (?<what>.*?)\\s*$");
static rx_t exit_rx = RX("^(?:exit|end|!)\\s*$");
static rx_t top_rx = RX("^\\S");

static bgp_config_neighbor_t *find(frr_bgp_config_state_t *st, const char *peer, size_t plen, bool create)
{
    for (int i = 0; i < st->n; i++)
        if (strlen(st->nb[i].peer) == plen && strncmp(st->nb[i].peer, peer, plen) == 0)
            return &st->nb[i];
    if (!create)
        return NULL;
    if (st->n >= FRR_MAX_CFG_NEIGHBORS) {
        st->overflow = true;
        return NULL;
    }
    record_t rec;
    record_init(&rec, KIND_BGP_CONFIG);
    bgp_config_neighbor_t *nb = &st->nb[st->n++];
    *nb = rec.u.bgp_config;
    field_set(nb->peer, sizeof(nb->peer), peer, (long)plen);
    nb->local_as = st->local_as;
    FIELD_SET(nb->router_id, st->router_id, -1);
    FIELD_SET(nb->vrf, st->vrf[0] ? st->vrf : "default", -1);
    nb->md5 = nb->bfd = nb->shutdown = TRI_FALSE; /* the running config states every one it has */
    return nb;
}

static int flush(parse_run_t *run, frr_bgp_config_state_t *st)
{
    int rc = 0;
    for (int i = 0; i < st->n && !rc; i++) {
        record_t rec;
        record_init(&rec, KIND_BGP_CONFIG);
        rec.u.bgp_config = st->nb[i];
        FIELD_SET(rec.u.bgp_config.router_id, st->router_id, -1); /* router-id may follow neighbors */
        rc = parse_emit(run, &rec);
    }
    if (st->overflow)
        parse_truncated(run, "more neighbors in one router bgp section than erdiag keeps");
    st->n = 0;
    st->overflow = false;
    st->in_bgp = false;
    return rc;
}

static void set_word(char *dst, size_t size, const char *s, size_t n)
{
    const char *sp = memchr(s, ' ', n);
    field_set(dst, size, s, sp ? (long)(sp - s) : (long)n);
}

/* One "neighbor X ..." statement. */
static void neighbor(frr_bgp_config_state_t *st, const rx_caps_t *c)
{
    const char *peer, *w;
    size_t pn, wn;
    rx_named(c, "peer", &peer, &pn);
    rx_named(c, "what", &w, &wn);
    bool declares = tu_starts(w, wn, "remote-as") || tu_starts(w, wn, "interface") || tu_eq(w, wn, "peer-group");
    bgp_config_neighbor_t *nb = find(st, peer, pn, declares);
    if (!nb)
        return;
    if (tu_starts(w, wn, "remote-as ")) {
        int64_t as = tu_asn(w + 10, wn - 10);
        if (as != MODEL_ABSENT)
            nb->remote_as = as; /* "external"/"internal" stay absent */
    } else if (tu_starts(w, wn, "description ")) {
        field_set(nb->description, sizeof(nb->description), w + 12, (long)wn - 12);
    } else if (tu_starts(w, wn, "password ")) {
        nb->md5 = TRI_TRUE;
    } else if (tu_starts(w, wn, "bfd")) {
        nb->bfd = TRI_TRUE;
    } else if (tu_starts(w, wn, "shutdown")) {
        nb->shutdown = TRI_TRUE;
    } else if (tu_starts(w, wn, "timers ") && !tu_starts(w, wn, "timers connect")) {
        const char *sp = memchr(w + 7, ' ', wn - 7);
        if (sp) {
            nb->keepalive = tu_int(w + 7, (size_t)(sp - w - 7));
            nb->hold_time = tu_int(sp + 1, wn - (size_t)(sp + 1 - w));
        }
    } else if (tu_starts(w, wn, "route-map ") || tu_starts(w, wn, "prefix-list ")) {
        bool rm = w[0] == 'r';
        const char *name = w + (rm ? 10 : 12);
        size_t nn = wn - (rm ? 10 : 12);
        const char *sp = memchr(name, ' ', nn);
        if (!sp)
            return;
        bool in = tu_starts(sp + 1, nn - (size_t)(sp + 1 - name), "in");
        char *dst = rm ? (in ? nb->inbound_policy : nb->outbound_policy)
                       : (in ? nb->inbound_prefix_list : nb->outbound_prefix_list);
        field_set(dst, NAME_LEN, name, (long)(sp - name));
    } else if (tu_starts(w, wn, "maximum-prefix ")) {
        const char *v = w + 15;
        size_t vn = wn - 15;
        const char *sp = memchr(v, ' ', vn);
        nb->max_prefixes = tu_int(v, sp ? (size_t)(sp - v) : vn);
    } else if (tu_starts(w, wn, "update-source ")) {
        set_word(nb->update_source, sizeof(nb->update_source), w + 14, wn - 14);
    } else if (tu_starts(w, wn, "ebgp-multihop")) {
        nb->ebgp_multihop = wn > 14 ? tu_int(w + 14, wn - 14) : 255;
    } else if (tu_starts(w, wn, "peer-group ")) {
        set_word(nb->peer_group, sizeof(nb->peer_group), w + 11, wn - 11);
    }
}

int frr_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    frr_bgp_config_state_t *st = state;
    rx_caps_t c;
    int rc = 0;
    if (rx_match(&router_rx, line, len, &c)) {
        rc = flush(run, st);
        const char *s;
        size_t n;
        rx_named(&c, "as", &s, &n);
        st->local_as = tu_asn(s, n);
        st->router_id[0] = '\0';
        if (!rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf)))
            FIELD_SET(st->vrf, "default", -1);
        st->in_bgp = true;
        if (!st->meta_set) {
            parse_meta(run)->local_as = st->local_as;
            st->meta_set = true;
        }
        return rc;
    }
    if (tu_starts(line, len, "Current configuration") || tu_starts(line, len, "Building configuration"))
        st->saw_header = true;
    else if (tu_eq(line, len, "end"))
        st->saw_end = true;
    if (!st->in_bgp)
        return 0;
    if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", st->router_id, sizeof(st->router_id));
        if (!parse_meta(run)->router_id[0])
            rx_copy(&c, "rid", parse_meta(run)->router_id, sizeof(parse_meta(run)->router_id));
    } else if (rx_match(&nb_rx, line, len, &c)) {
        neighbor(st, &c);
    } else if (rx_match(&exit_rx, line, len, NULL) && line[0] != '!') {
        return flush(run, st);
    } else if (rx_match(&top_rx, line, len, NULL) && line[0] != '!') {
        return flush(run, st); /* older FRR ends a section with the next one */
    }
    return 0;
}

int frr_bgp_config_finish(parse_run_t *run, void *state)
{
    frr_bgp_config_state_t *st = state;
    if (st->in_bgp)
        parse_truncated(run, "router bgp section cut off");
    else if (st->saw_header && !st->saw_end)
        parse_truncated(run, "configuration cut off before its end line");
    return flush(run, st);
}
