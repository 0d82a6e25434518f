/* iosxr_bgp_config.c: IOS-XR "show running-config router bgp".
 *
 *   router bgp 65010
 *    bgp router-id 192.168.100.129
 *    neighbor 192.168.100.130
 *     remote-as 12076
 *     bfd fast-detect
 *     password encrypted 0822455D0A16
 *     timers 60 180
 *     address-family ipv4 unicast
 *      route-policy ER-IN in
 *      maximum-prefix 4000 75
 *    vrf BLUE
 *     neighbor 192.168.200.130
 *      ...
 *
 * XR nests by indentation; a neighbor ends at the first line indented no deeper than its
 * own "neighbor" line.  Secrets are never copied: a password only sets md5.  A neighbor that
 * says "use neighbor-group G" inherits what G sets and it does not (remote-as, timers, ...).
 */
#include <string.h>

#include "parsers/iosxr/iosxr.h"
#include "parsers/rx.h"
#include "parsers/textutil.h"

static rx_t router_rx = RX("^router bgp (?<as>[\\d.]+)");
static rx_t rid_rx = RX("^\\s+bgp router-id (?<rid>\\S+)");
static rx_t vrf_rx = RX("^\\s+vrf (?<vrf>\\S+)\\s*$");
static rx_t nbr_rx = RX("^\\s+neighbor (?<peer>[0-9A-Fa-f.:]+)\\s*$");
static rx_t group_rx = RX("^\\s+neighbor-group (?<g>\\S+)\\s*$");
static rx_t other_group_rx = RX("^\\s+(?:af-group|session-group) \\S+");
static rx_t remote_as_rx = RX("^\\s+remote-as (?<as>[\\d.]+)");
static rx_t desc_rx = RX("^\\s+description (?<d>.+?)\\s*$");
static rx_t password_rx = RX("^\\s+password (?!inheritance-disable)");
static rx_t bfd_rx = RX("^\\s+bfd fast-detect");
static rx_t timers_rx = RX("^\\s+timers (?<k>\\d+) (?<h>\\d+)");
static rx_t shut_rx = RX("^\\s+shutdown\\s*$");
static rx_t upd_rx = RX("^\\s+update-source (?<if>\\S+)");
static rx_t hop_rx = RX("^\\s+ebgp-multihop(?: (?<n>\\d+))?");
static rx_t use_rx = RX("^\\s+use neighbor-group (?<g>\\S+)");
static rx_t policy_rx = RX("^\\s+route-policy (?<p>\\S+?)(?:\\([^)]*\\))? (?<dir>in|out)\\s*$");
static rx_t maxpfx_rx = RX("^\\s+maximum-prefix (?<n>\\d+)");
static rx_t preamble_rx = RX("^(?:Building configuration|!!|end\\s*$)");

static int indent_of(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && line[i] == ' ')
        i++;
    return (int)i;
}

static const bgp_config_neighbor_t *find_group(const iosxr_bgp_cfg_state_t *st, const char *name)
{
    for (int i = 0; i < st->n_groups; i++)
        if (strcmp(st->groups[i].peer_group, name) == 0)
            return &st->groups[i];
    return NULL;
}

static void inherit_int(int64_t *dst, int64_t from)
{
    if (*dst == MODEL_ABSENT)
        *dst = from;
}

static void inherit_str(char *dst, const char *from, size_t size)
{
    if (!dst[0])
        field_set(dst, size, from, -1);
}

static void inherit_tri(tristate_t *dst, tristate_t from)
{
    if (*dst != TRI_TRUE && from == TRI_TRUE)
        *dst = TRI_TRUE;
}

/* What the neighbor does not set itself comes from its group. */
static void inherit(bgp_config_neighbor_t *n, const bgp_config_neighbor_t *g)
{
    inherit_int(&n->remote_as, g->remote_as);
    inherit_int(&n->keepalive, g->keepalive);
    inherit_int(&n->hold_time, g->hold_time);
    inherit_int(&n->max_prefixes, g->max_prefixes);
    inherit_int(&n->ebgp_multihop, g->ebgp_multihop);
    inherit_str(n->description, g->description, sizeof(n->description));
    inherit_str(n->inbound_policy, g->inbound_policy, sizeof(n->inbound_policy));
    inherit_str(n->outbound_policy, g->outbound_policy, sizeof(n->outbound_policy));
    inherit_str(n->update_source, g->update_source, sizeof(n->update_source));
    inherit_tri(&n->md5, g->md5);
    inherit_tri(&n->bfd, g->bfd);
    inherit_tri(&n->shutdown, g->shutdown);
}

static int flush(parse_run_t *run, iosxr_bgp_cfg_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    bgp_config_neighbor_t *n = &st->rec.u.bgp_config;
    const bgp_config_neighbor_t *g = n->peer_group[0] ? find_group(st, n->peer_group) : NULL;
    if (g)
        inherit(n, g);
    return parse_emit(run, &st->rec);
}

static void open_group(iosxr_bgp_cfg_state_t *st, rx_caps_t *c, int indent)
{
    if (st->n_groups >= IOSXR_MAX_GROUPS) {
        st->in_other_group = true; /* more groups than we keep: read past this one */
        st->group_indent = indent;
        return;
    }
    record_t tmp;
    record_init(&tmp, KIND_BGP_CONFIG);
    bgp_config_neighbor_t *g = &st->groups[st->n_groups++];
    *g = tmp.u.bgp_config;
    rx_copy(c, "g", g->peer_group, sizeof(g->peer_group));
    st->cur_group = st->n_groups;
    st->group_indent = indent;
}

static void open_neighbor(parse_run_t *run, iosxr_bgp_cfg_state_t *st, rx_caps_t *c, int indent)
{
    parse_begin_record(run, &st->rec, KIND_BGP_CONFIG);
    bgp_config_neighbor_t *n = &st->rec.u.bgp_config;
    rx_copy(c, "peer", n->peer, sizeof(n->peer));
    n->local_as = st->local_as;
    FIELD_SET(n->router_id, st->router_id, -1);
    FIELD_SET(n->vrf, st->vrf, -1);
    n->md5 = TRI_FALSE;
    n->bfd = TRI_FALSE;
    n->shutdown = TRI_FALSE;
    st->open = true;
    st->nbr_indent = indent;
}

static void neighbor_line(bgp_config_neighbor_t *n, const char *line, size_t len)
{
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (rx_match(&remote_as_rx, line, len, &c)) {
        rx_named(&c, "as", &s, &sl);
        n->remote_as = tu_asn(s, sl);
    } else if (rx_match(&desc_rx, line, len, &c)) {
        rx_copy(&c, "d", n->description, sizeof(n->description));
    } else if (rx_match(&password_rx, line, len, NULL)) {
        n->md5 = TRI_TRUE;
    } else if (rx_match(&bfd_rx, line, len, NULL)) {
        n->bfd = TRI_TRUE;
    } else if (rx_match(&timers_rx, line, len, &c)) {
        n->keepalive = rx_int(&c, "k");
        n->hold_time = rx_int(&c, "h");
    } else if (rx_match(&shut_rx, line, len, NULL)) {
        n->shutdown = TRI_TRUE;
    } else if (rx_match(&upd_rx, line, len, &c)) {
        rx_copy(&c, "if", n->update_source, sizeof(n->update_source));
    } else if (rx_match(&hop_rx, line, len, &c)) {
        n->ebgp_multihop = rx_int(&c, "n");
        if (n->ebgp_multihop == MODEL_ABSENT)
            n->ebgp_multihop = 255; /* XR's default when no count is given */
    } else if (rx_match(&use_rx, line, len, &c)) {
        rx_copy(&c, "g", n->peer_group, sizeof(n->peer_group));
    } else if (rx_match(&policy_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &sl);
        /* The first address family (IPv4 unicast on an ExpressRoute peering) wins. */
        char *dst = sl == 2 ? n->inbound_policy : n->outbound_policy;
        if (!dst[0])
            rx_copy(&c, "p", dst, NAME_LEN);
    } else if (rx_match(&maxpfx_rx, line, len, &c)) {
        if (n->max_prefixes == MODEL_ABSENT)
            n->max_prefixes = rx_int(&c, "n");
    }
    /* Other neighbor settings (capabilities, send-community, ...) are not modelled. */
}

int iosxr_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    iosxr_bgp_cfg_state_t *st = state;
    rx_caps_t c;
    const char *s;
    size_t sl;
    if (iosxr_is_blank(line, len) || iosxr_is_timestamp(line, len) || rx_match(&preamble_rx, line, len, NULL))
        return 0;
    int indent = indent_of(line, len);
    if (line[indent] == '!') {
        if (indent == 0 && st->in_router) {
            /* "!" in column 0 closes "router bgp". */
            if (flush(run, st))
                return -1;
            st->in_router = false;
        }
        return 0;
    }
    if (st->open && indent <= st->nbr_indent && flush(run, st))
        return -1;
    if ((st->cur_group || st->in_other_group) && indent <= st->group_indent) {
        st->cur_group = 0; /* left the group block */
        st->in_other_group = false;
    }
    if (rx_match(&router_rx, line, len, &c)) {
        rx_named(&c, "as", &s, &sl);
        st->local_as = tu_asn(s, sl);
        st->in_router = true;
        st->vrf[0] = st->router_id[0] = '\0';
        parse_meta(run)->local_as = st->local_as;
        return 0;
    }
    if (!st->in_router) {
        parse_skip(run);
        return 0;
    }
    if (st->open) {
        neighbor_line(&st->rec.u.bgp_config, line, len);
    } else if (st->cur_group) {
        neighbor_line(&st->groups[st->cur_group - 1], line, len);
    } else if (st->in_other_group) {
        return 0;
    } else if (rx_match(&nbr_rx, line, len, &c)) {
        open_neighbor(run, st, &c, indent);
    } else if (rx_match(&group_rx, line, len, &c)) {
        open_group(st, &c, indent);
    } else if (rx_match(&other_group_rx, line, len, NULL)) {
        st->in_other_group = true;
        st->group_indent = indent;
    } else if (rx_match(&vrf_rx, line, len, &c) && indent == 1) {
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
        /* A VRF uses the global router id unless it sets its own. */
        FIELD_SET(st->router_id, parse_meta(run)->router_id, -1);
    } else if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", st->router_id, sizeof(st->router_id));
        if (indent == 1)
            FIELD_SET(parse_meta(run)->router_id, st->router_id, -1);
    }
    return 0;
}

int iosxr_bgp_config_finish(parse_run_t *run, void *state)
{
    iosxr_bgp_cfg_state_t *st = state;
    if (st->in_router)
        parse_truncated(run, "router bgp block not closed: output cut?");
    return flush(run, state);
}
