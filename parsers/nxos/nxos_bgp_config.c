/* nxos_bgp_config.c: NX-OS "show running-config bgp" / "show run bgp".
 *
 *   router bgp 65010
 *     router-id 192.168.100.129
 *     vrf CUSTOMER
 *       neighbor 192.168.100.130
 *         remote-as 12076
 *         password 3 <secret>
 *         timers 10 30
 *         bfd
 *         address-family ipv4 unicast
 *           route-map RM-MSFT-IN in
 *           prefix-list PL-MSFT-OUT out
 *           maximum-prefix 4000
 *
 * The structure is the indentation: a neighbor's settings are the lines indented deeper than
 * its "neighbor" line, and a "vrf" block's neighbors carry that VRF (and its own router-id).
 * Template blocks ("template peer X") are skipped.  A password is recorded only as md5=true:
 * the secret never leaves the parser. */
#include <string.h>

#include "parsers/nxos/nxos.h"
#include "parsers/textutil.h"

typedef struct {
    bool inited;
    int64_t local_as;
    char router_id[ADDR_LEN];     /* the global one */
    char vrf[NAME_LEN];
    char vrf_router_id[ADDR_LEN];
    int64_t vrf_local_as;         /* "local-as" at VRF level */
    size_t vrf_indent;
    bool in_vrf;
    bool in_template;
    size_t template_indent;
    record_t rec;
    bool open;
    size_t nb_indent;
} nxos_cfg_state_t;

_Static_assert(sizeof(nxos_cfg_state_t) <= NXOS_STATE_SIZE, "state too large");

static rx_t router_rx = RX("^router bgp (?<as>[\\d.]+)");
static rx_t rid_rx = RX("^\\s+router-id (?<rid>\\S+)");
static rx_t vrf_rx = RX("^\\s+vrf (?<vrf>\\S+)\\s*$");
static rx_t template_rx = RX("^\\s+template (?:peer|peer-session|peer-policy) ");
static rx_t nb_rx = RX("^\\s+neighbor (?<peer>[0-9A-Fa-f.:/]+)(?:\\s+remote-as (?<as>[\\d.]+|route-map \\S+))?");
static rx_t ras_rx = RX("^\\s+remote-as (?<as>[\\d.]+)");
static rx_t las_rx = RX("^\\s+local-as (?<as>[\\d.]+)");
static rx_t desc_rx = RX("^\\s+description (?<d>.*?)\\s*$");
static rx_t pw_rx = RX("^\\s+password ");
static rx_t timers_rx = RX("^\\s+timers (?<ka>\\d+) (?<hold>\\d+)");
static rx_t bfd_rx = RX("^\\s+bfd(?:\\s|$)");
static rx_t shut_rx = RX("^\\s+shutdown\\s*$");
static rx_t inherit_rx = RX("^\\s+inherit peer (?<t>\\S+)");
static rx_t usrc_rx = RX("^\\s+update-source (?<i>\\S+)");
static rx_t mhop_rx = RX("^\\s+ebgp-multihop (?<n>\\d+)");
static rx_t rmap_rx = RX("^\\s+route-map (?<n>\\S+) (?<dir>in|out)\\s*$");
static rx_t plist_rx = RX("^\\s+prefix-list (?<n>\\S+) (?<dir>in|out)\\s*$");
static rx_t maxpfx_rx = RX("^\\s+maximum-prefix (?<n>\\d+)");

static size_t nxos_cfg_indent(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && line[i] == ' ')
        i++;
    return i;
}

static int nxos_cfg_flush(parse_run_t *run, nxos_cfg_state_t *st)
{
    if (!st->open)
        return 0;
    st->open = false;
    return parse_emit(run, &st->rec);
}

static void nxos_cfg_open(parse_run_t *run, nxos_cfg_state_t *st, const rx_caps_t *c, size_t indent)
{
    parse_begin_record(run, &st->rec, KIND_BGP_CONFIG);
    st->open = true;
    st->nb_indent = indent;
    bgp_config_neighbor_t *nb = &st->rec.u.bgp_config;
    rx_copy(c, "peer", nb->peer, sizeof(nb->peer));
    nb->remote_as = nxos_rx_asn(c, "as");
    nb->local_as = st->in_vrf && st->vrf_local_as != MODEL_ABSENT ? st->vrf_local_as : st->local_as;
    FIELD_SET(nb->vrf, st->in_vrf ? st->vrf : "default", -1);
    FIELD_SET(nb->router_id, st->in_vrf && st->vrf_router_id[0] ? st->vrf_router_id : st->router_id, -1);
    /* Absent lines mean "not configured": the running config is the whole truth here. */
    nb->md5 = TRI_FALSE;
    nb->bfd = TRI_FALSE;
    nb->shutdown = TRI_FALSE;
}

/* A setting under the open neighbor; false when the line is none we know. */
static bool nxos_cfg_setting(nxos_cfg_state_t *st, const char *line, size_t len)
{
    bgp_config_neighbor_t *nb = &st->rec.u.bgp_config;
    rx_caps_t c;
    const char *s;
    size_t n;
    if (rx_match(&ras_rx, line, len, &c))
        nb->remote_as = nxos_rx_asn(&c, "as");
    else if (rx_match(&las_rx, line, len, &c))
        nb->local_as = nxos_rx_asn(&c, "as");
    else if (rx_match(&desc_rx, line, len, &c))
        rx_copy(&c, "d", nb->description, sizeof(nb->description));
    else if (rx_match(&pw_rx, line, len, NULL))
        nb->md5 = TRI_TRUE;
    else if (rx_match(&timers_rx, line, len, &c)) {
        nb->keepalive = rx_int(&c, "ka");
        nb->hold_time = rx_int(&c, "hold");
    } else if (rx_match(&bfd_rx, line, len, NULL))
        nb->bfd = TRI_TRUE;
    else if (rx_match(&shut_rx, line, len, NULL))
        nb->shutdown = TRI_TRUE;
    else if (rx_match(&inherit_rx, line, len, &c))
        rx_copy(&c, "t", nb->peer_group, sizeof(nb->peer_group));
    else if (rx_match(&usrc_rx, line, len, &c))
        rx_copy(&c, "i", nb->update_source, sizeof(nb->update_source));
    else if (rx_match(&mhop_rx, line, len, &c))
        nb->ebgp_multihop = rx_int(&c, "n");
    else if (rx_match(&rmap_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        rx_copy(&c, "n", n == 2 ? nb->inbound_policy : nb->outbound_policy, NAME_LEN);
    } else if (rx_match(&plist_rx, line, len, &c)) {
        rx_named(&c, "dir", &s, &n);
        rx_copy(&c, "n", n == 2 ? nb->inbound_prefix_list : nb->outbound_prefix_list, NAME_LEN);
    } else if (rx_match(&maxpfx_rx, line, len, &c))
        nb->max_prefixes = rx_int(&c, "n");
    else
        return false;
    return true;
}

int nxos_bgp_config_line(parse_run_t *run, void *state, const char *line, size_t len)
{
    nxos_cfg_state_t *st = state;
    rx_caps_t c;
    if (!st->inited) {
        st->local_as = MODEL_ABSENT;
        st->inited = true;
    }
    if (nxos_is_rule(line, len) || line[0] == '!' || line[0] == '#')
        return 0; /* "!Command: show running-config bgp", "!Time: ...", "!" separators */
    size_t ind = nxos_cfg_indent(line, len);
    int rc = 0;
    if (st->open && ind <= st->nb_indent)
        rc = nxos_cfg_flush(run, st);
    if (st->in_template && ind <= st->template_indent)
        st->in_template = false;
    if (st->in_vrf && ind <= st->vrf_indent)
        st->in_vrf = false;
    if (st->open) {
        if (!nxos_cfg_setting(st, line, len))
            (void)0; /* address-family headers, capability knobs: nothing to keep */
        return rc;
    }
    if (st->in_template)
        return rc;
    if (rx_match(&router_rx, line, len, &c)) {
        st->local_as = nxos_rx_asn(&c, "as");
        parse_meta(run)->local_as = st->local_as;
    } else if (rx_match(&template_rx, line, len, NULL)) {
        st->in_template = true;
        st->template_indent = ind;
    } else if (rx_match(&vrf_rx, line, len, &c)) {
        st->in_vrf = true;
        st->vrf_indent = ind;
        st->vrf_router_id[0] = '\0';
        st->vrf_local_as = MODEL_ABSENT;
        rx_copy(&c, "vrf", st->vrf, sizeof(st->vrf));
    } else if (rx_match(&rid_rx, line, len, &c)) {
        rx_copy(&c, "rid", st->in_vrf ? st->vrf_router_id : st->router_id, ADDR_LEN);
        if (!st->in_vrf)
            rx_copy(&c, "rid", parse_meta(run)->router_id, ADDR_LEN);
    } else if (st->in_vrf && rx_match(&las_rx, line, len, &c)) {
        st->vrf_local_as = nxos_rx_asn(&c, "as");
    } else if (rx_match(&nb_rx, line, len, &c)) {
        nxos_cfg_open(run, st, &c, ind);
    } else if (ind == 0 && !tu_starts(line, len, "router bgp")) {
        /* "feature bgp", "version 9.3(8)", other top-level sections: not BGP neighbors. */
        return rc;
    }
    return rc;
}

int nxos_bgp_config_finish(parse_run_t *run, void *state)
{
    return nxos_cfg_flush(run, state);
}
