/* frr_json.c: the " json" forms of FRR's show commands (vtysh prints them with jansson-like
 * formatting; the shapes below are FRR 8.4's, captured in tests/fixtures/frr/ (the *_json.txt files)).
 *
 * Shapes:
 *   show interface json            {"veth-ce": {"administrativeStatus": "up", ...}}
 *   show bgp summary json          {"ipv4Unicast": {"routerId", "as", "peers": {PEER: {...}}}, "ipv6Unicast": ...}
 *   show bgp ipv4 unicast summary  {"routerId", "as", "peers": ...}            (no family level)
 *   show bgp vrf all summary json  {"default": {"ipv4Unicast": ...}, "ER-PRIVATE": {...}}
 *   show bgp neighbors json        {PEER: {...}}   / vrf all: {VRF: {"vrfName", PEER: {...}}}
 *   show ip route json             {PREFIX: [{"protocol", "distance", "nexthops": [...]}]}
 *   show ip bgp json               {"routerId", "localAS", "routes": {PREFIX: [path...]}}
 *   show ip bgp PREFIX json        {"prefix", "paths": [{"aspath": {"string"}, ...}]}
 *   show bfd peers json            [{"peer", "local", "status", ...}]
 */
#include <string.h>

#include "parsers/frr/frr.h"
#include "parsers/jsonutil.h"
#include "parsers/textutil.h"

/* Empty output (no daemon answer) is an empty table, not a syntax error. */
static bool blank_text(const char *text, size_t len)
{
    return frr_blank(text, len);
}

static json_t *load(parse_run_t *run, const char *text, size_t len, int *rc)
{
    *rc = 0;
    if (blank_text(text, len))
        return NULL;
    json_t *root = ju_load(run, text, len);
    if (!root)
        *rc = -1;
    return root;
}

static int64_t msec_to_s(const json_t *o, const char *key)
{
    return tu_scale(ju_int(o, key), 1, 1000);
}

/* ---- interfaces ---- */
static void iface_addrs(iface_t *f, const json_t *list)
{
    size_t i;
    json_t *a;
    json_array_foreach(list, i, a) {
        const char *s = json_string_value(json_object_get(a, "address"));
        if (!s)
            continue;
        bool v6 = strchr(s, ':') != NULL;
        char (*dst)[PREFIX_LEN] = v6 ? f->ipv6 : f->ipv4;
        int *n = v6 ? &f->n_ipv6 : &f->n_ipv4;
        if (*n < MAX_ADDRS && tu_prefix(s, strlen(s), true, dst[*n], PREFIX_LEN))
            (*n)++;
    }
}

static void iface_fill(iface_t *f, const char *name, const json_t *o)
{
    char buf[SHORT_LEN * 2] = "";
    FIELD_SET(f->name, name, -1);
    ju_copy(o, "description", f->description, sizeof(f->description));
    if (ju_copy(o, "administrativeStatus", buf, sizeof(buf))) {
        f->admin_status = tu_updown(buf, strlen(buf));
        FIELD_SET(f->raw_status, buf, -1);
    }
    if (ju_copy(o, "operationalStatus", buf, sizeof(buf)))
        f->oper_status = f->protocol_status = tu_updown(buf, strlen(buf));
    else if (f->admin_status == UPDOWN_DOWN) /* zebra omits it for a shut interface */
        f->oper_status = UPDOWN_DOWN;
    f->mtu = ju_int(o, "mtu");
    int64_t speed = ju_int(o, "speed");
    if (speed != MODEL_ABSENT && speed > 0 && speed < 100000000)
        f->bandwidth_kbps = speed * 1000;
    if (ju_copy(o, "hardwareAddress", buf, sizeof(buf)))
        tu_mac(buf, strlen(buf), f->mac);
    iface_addrs(f, json_object_get(o, "ipAddresses"));
    int64_t ups = ju_int(o, "linkUps"), downs = ju_int(o, "linkDowns");
    if (ups != MODEL_ABSENT && downs != MODEL_ABSENT)
        f->carrier_transitions = ups + downs;
    ju_copy(o, "vrfName", f->vrf, sizeof(f->vrf));
    f->in_packets = ju_int(o, "inputPackets");
    f->out_packets = ju_int(o, "outputPackets");
    f->in_errors = ju_int(o, "inputErrors");
    f->out_errors = ju_int(o, "outputErrors");
    f->in_discards = ju_int(o, "inputDropped");
    f->crc = ju_int(o, "inputCrcErrors");
}

int frr_interface_json(parse_run_t *run, const char *text, size_t len)
{
    int rc;
    json_t *root = load(run, text, len, &rc);
    if (!root)
        return rc;
    const char *name;
    json_t *o;
    json_object_foreach(root, name, o) {
        if (!json_is_object(o))
            continue;
        record_t rec;
        record_init(&rec, KIND_INTERFACES);
        iface_fill(&rec.u.iface, name, o);
        if ((rc = parse_emit(run, &rec)))
            break;
    }
    json_decref(root);
    return rc;
}

/* ---- bgp summary ---- */
static const char *af_name(const char *key)
{
    static const struct { const char *k, *v; } afs[] = {
        {"ipv4Unicast", "IPv4 Unicast"}, {"ipv6Unicast", "IPv6 Unicast"}, {"ipv4Multicast", "IPv4 Multicast"},
        {"ipv6Multicast", "IPv6 Multicast"}, {"ipv4Vpn", "IPv4 VPN"}, {"ipv6Vpn", "IPv6 VPN"},
        {"l2VpnEvpn", "L2VPN EVPN"}, {"ipv4Flowspec", "IPv4 Flowspec"}, {"ipv4LabeledUnicast", "IPv4 Labeled Unicast"},
    };
    for (size_t i = 0; i < sizeof(afs) / sizeof(afs[0]); i++)
        if (strcmp(afs[i].k, key) == 0)
            return afs[i].v;
    return key;
}

static void summary_peer(bgp_peer_t *p, const char *addr, const json_t *o, const json_t *table, const char *af)
{
    FIELD_SET(p->peer, addr, -1);
    p->remote_as = ju_int(o, "remoteAs");
    p->local_as = ju_int(o, "localAs");
    if (p->local_as == MODEL_ABSENT)
        p->local_as = ju_int(table, "as");
    ju_copy(table, "routerId", p->router_id, sizeof(p->router_id));
    if (!ju_copy(table, "vrfName", p->vrf, sizeof(p->vrf)))
        FIELD_SET(p->vrf, "default", -1);
    p->msg_rcvd = ju_int(o, "msgRcvd");
    p->msg_sent = ju_int(o, "msgSent");
    p->up_down = msec_to_s(o, "peerUptimeMsec");
    if (p->up_down == 0 && ju_int(o, "connectionsEstablished") == 0)
        p->up_down = MODEL_ABSENT; /* the text form's "never" */
    ju_copy(o, "state", p->raw_state, sizeof(p->raw_state));
    char ps[SHORT_LEN] = "";
    ju_copy(o, "peerState", ps, sizeof(ps));
    p->state = tu_bgp_state(p->raw_state, strlen(p->raw_state), &p->admin_down);
    if (strcmp(ps, "Admin") == 0) {
        p->admin_down = true;
        p->state = BGP_STATE_IDLE;
    }
    if (p->state == BGP_STATE_ESTABLISHED)
        p->prefixes_received = ju_int(o, "pfxRcd");
    ju_copy(o, "desc", p->description, sizeof(p->description));
    FIELD_SET(p->address_family, af, -1);
}

static int summary_table(parse_run_t *run, const json_t *table, const char *af, bool *meta_set)
{
    if (!*meta_set) {
        parse_meta_t *m = parse_meta(run);
        ju_copy(table, "routerId", m->router_id, sizeof(m->router_id));
        m->local_as = ju_int(table, "as");
        if (!ju_copy(table, "vrfName", m->vrf, sizeof(m->vrf)))
            FIELD_SET(m->vrf, "default", -1);
        *meta_set = true;
    }
    const char *addr;
    json_t *o;
    json_object_foreach(json_object_get(table, "peers"), addr, o) {
        record_t rec;
        record_init(&rec, KIND_BGP_SUMMARY);
        summary_peer(&rec.u.peer, addr, o, table, af);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}

/* An object holding per-family tables, or itself a table (it has "peers"). */
static int summary_families(parse_run_t *run, const json_t *obj, bool *meta_set)
{
    if (json_object_get(obj, "peers"))
        return summary_table(run, obj, "", meta_set);
    const char *key;
    json_t *t;
    json_object_foreach((json_t *)obj, key, t) {
        if (json_is_object(t) && json_object_get(t, "peers")) {
            int rc = summary_table(run, t, af_name(key), meta_set);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static bool is_family_level(const json_t *root)
{
    const char *key;
    json_t *t;
    json_object_foreach((json_t *)root, key, t)
        if (json_is_object(t) && json_object_get(t, "peers"))
            return true;
    return json_object_get(root, "peers") != NULL;
}

int frr_bgp_summary_json(parse_run_t *run, const char *text, size_t len)
{
    int rc;
    json_t *root = load(run, text, len, &rc);
    if (!root)
        return rc;
    bool meta_set = false;
    if (is_family_level(root)) {
        rc = summary_families(run, root, &meta_set);
    } else { /* vrf all: one level of VRF names first */
        const char *vrf;
        json_t *v;
        json_object_foreach(root, vrf, v) {
            if (json_is_object(v) && (rc = summary_families(run, v, &meta_set)))
                break;
        }
    }
    json_decref(root);
    return rc;
}

/* ---- bgp neighbors ---- */
static void nb_policies(bgp_neighbor_t *nb, const json_t *o, int64_t *accepted, int64_t *sent)
{
    const char *af;
    json_t *a;
    json_object_foreach(json_object_get(o, "addressFamilyInfo"), af, a) {
        if (!nb->inbound_policy[0])
            ju_copy(a, "routeMapForIncomingAdvertisements", nb->inbound_policy, sizeof(nb->inbound_policy));
        if (!nb->outbound_policy[0])
            ju_copy(a, "routeMapForOutgoingAdvertisements", nb->outbound_policy, sizeof(nb->outbound_policy));
        if (!nb->inbound_prefix_list[0])
            ju_copy(a, "incomingUpdatePrefixFilterList", nb->inbound_prefix_list, sizeof(nb->inbound_prefix_list));
        if (!nb->outbound_prefix_list[0])
            ju_copy(a, "outgoingUpdatePrefixFilterList", nb->outbound_prefix_list,
                    sizeof(nb->outbound_prefix_list));
        int64_t v = ju_int(a, "acceptedPrefixCounter");
        if (v != MODEL_ABSENT)
            *accepted = *accepted == MODEL_ABSENT ? v : *accepted + v;
        v = ju_int(a, "sentPrefixCounter");
        if (v != MODEL_ABSENT)
            *sent = *sent == MODEL_ABSENT ? v : *sent + v;
        if (nb->max_prefixes == MODEL_ABSENT)
            nb->max_prefixes = ju_int(a, "prefixAllowedMax");
    }
}

static void nb_reset(bgp_neighbor_t *nb, const json_t *o)
{
    nb->last_reset = msec_to_s(o, "lastResetTimerMsecs");
    nb->conn_established = ju_int(o, "connectionsEstablished");
    nb->conn_dropped = ju_int(o, "connectionsDropped");
    ju_copy(o, "lastResetDueTo", nb->last_reset_reason, sizeof(nb->last_reset_reason));
    if (ju_copy(o, "lastNotificationReason", nb->last_error, sizeof(nb->last_error))) {
        frr_notification_codes(nb->last_error, strlen(nb->last_error), &nb->notification_code,
                               &nb->notification_subcode);
        char cs[8] = "";
        if (ju_copy(o, "lastErrorCodeSubcode", cs, sizeof(cs)) && strlen(cs) == 4 &&
            tu_digits(cs, 4) != MODEL_ABSENT) { /* "0603": code 6, subcode 3 */
            nb->notification_code = tu_digits(cs, 2);
            nb->notification_subcode = tu_digits(cs + 2, 2);
        }
        if (strstr(nb->last_reset_reason, "received"))
            FIELD_SET(nb->notification_dir, "received", -1);
        else if (strstr(nb->last_reset_reason, "send") || strstr(nb->last_reset_reason, "sent"))
            FIELD_SET(nb->notification_dir, "sent", -1);
    }
}

static void nb_fill(bgp_neighbor_t *nb, const char *peer, const json_t *o, const char *vrf)
{
    FIELD_SET(nb->peer, peer, -1);
    FIELD_SET(nb->vrf, vrf, -1);
    nb->remote_as = ju_int(o, "remoteAs");
    nb->local_as = ju_int(o, "localAs");
    ju_copy(o, "nbrDesc", nb->description, sizeof(nb->description));
    ju_copy(o, "remoteRouterId", nb->remote_router_id, sizeof(nb->remote_router_id));
    if (strcmp(nb->remote_router_id, "0.0.0.0") == 0) /* no OPEN received yet */
        nb->remote_router_id[0] = '\0';
    ju_copy(o, "bgpState", nb->raw_state, sizeof(nb->raw_state));
    nb->state = tu_bgp_state(nb->raw_state, strlen(nb->raw_state), NULL);
    nb->admin_down = ju_bool(o, "adminShutDown") == TRI_TRUE;
    if (nb->state == BGP_STATE_ESTABLISHED)
        nb->up_down = msec_to_s(o, "bgpTimerUpMsec");
    nb->hold_time = msec_to_s(o, "bgpTimerHoldTimeMsecs");
    nb->keepalive = msec_to_s(o, "bgpTimerKeepAliveIntervalMsecs");
    nb->cfg_hold_time = msec_to_s(o, "bgpTimerConfiguredHoldTimeMsecs");
    nb->cfg_keepalive = msec_to_s(o, "bgpTimerConfiguredKeepAliveIntervalMsecs");
    json_t *ms = json_object_get(o, "messageStats");
    nb->msg_sent = ju_int(ms, "totalSent");
    nb->msg_rcvd = ju_int(ms, "totalRecv");
    int64_t accepted = MODEL_ABSENT;
    nb_policies(nb, o, &accepted, &nb->prefixes_sent);
    nb->prefixes_accepted = accepted;
    if (nb->state == BGP_STATE_ESTABLISHED)
        nb->prefixes_received = accepted;
    nb_reset(nb, o);
    /* no connection: "hostLocal": "Unknown", ports -1 (the text form prints none) */
    if (ju_copy(o, "hostLocal", nb->local_address, sizeof(nb->local_address)) &&
        !tu_is_ip(nb->local_address, strlen(nb->local_address)))
        nb->local_address[0] = '\0';
    nb->local_port = ju_int(o, "portLocal");
    nb->remote_port = ju_int(o, "portForeign");
    if (nb->local_port < 0)
        nb->local_port = MODEL_ABSENT;
    if (nb->remote_port < 0)
        nb->remote_port = MODEL_ABSENT;
    nb->md5 = ju_int(o, "authenticationEnabled") == 1 ? TRI_TRUE : TRI_FALSE;
    nb->bfd = json_object_get(o, "peerBfdInfo") ? TRI_TRUE : TRI_FALSE;
}

static int neighbors_of(parse_run_t *run, const json_t *obj, const char *vrf)
{
    const char *key;
    json_t *o;
    json_object_foreach((json_t *)obj, key, o) {
        if (!json_is_object(o) || !json_object_get(o, "remoteAs"))
            continue;
        record_t rec;
        record_init(&rec, KIND_BGP_NEIGHBORS);
        nb_fill(&rec.u.neighbor, key, o, vrf);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}

int frr_bgp_neighbors_json(parse_run_t *run, const char *text, size_t len)
{
    int rc;
    json_t *root = load(run, text, len, &rc);
    if (!root)
        return rc;
    rc = neighbors_of(run, root, "default");
    const char *key;
    json_t *o;
    json_object_foreach(root, key, o) { /* vrf all: {VRF: {"vrfName": .., PEER: {..}}} */
        if (rc)
            break;
        if (json_is_object(o) && !json_object_get(o, "remoteAs") && json_object_get(o, "vrfName"))
            rc = neighbors_of(run, o, key);
    }
    json_decref(root);
    return rc;
}

/* ---- routes ---- */
static void route_nexthops(route_t *r, const json_t *list)
{
    size_t i;
    json_t *nh;
    json_array_foreach(list, i, nh) {
        if (r->n_next_hops >= MAX_NEXT_HOPS)
            break;
        if (ju_bool(nh, "resolver") == TRI_TRUE) /* how a recursive hop resolved, not a path */
            continue;
        next_hop_t *h = &r->next_hops[r->n_next_hops++];
        next_hop_init(h);
        ju_copy(nh, "ip", h->address, sizeof(h->address));
        if (!ju_copy(nh, "interfaceName", h->interface, sizeof(h->interface)) &&
            ju_bool(nh, "blackhole") == TRI_TRUE)
            FIELD_SET(h->interface, "Null0", -1);
    }
}

static int route_entries(parse_run_t *run, const json_t *obj)
{
    const char *pfx;
    json_t *list;
    json_object_foreach((json_t *)obj, pfx, list) {
        size_t i;
        json_t *o;
        json_array_foreach(list, i, o) {
            record_t rec;
            record_init(&rec, KIND_ROUTES);
            route_t *r = &rec.u.route;
            tu_prefix(pfx, strlen(pfx), false, r->prefix, sizeof(r->prefix));
            char proto[SHORT_LEN] = "";
            ju_copy(o, "protocol", proto, sizeof(proto));
            FIELD_SET(r->raw_protocol, proto, -1);
            const char *p = tu_protocol_word(proto, strlen(proto));
            FIELD_SET(r->protocol, p ? p : "other", -1);
            r->distance = ju_int(o, "distance");
            r->metric = ju_int(o, "metric");
            char up[SHORT_LEN] = "";
            if (ju_copy(o, "uptime", up, sizeof(up)))
                r->age = tu_duration(up, strlen(up));
            if (!ju_copy(o, "vrfName", r->vrf, sizeof(r->vrf)))
                FIELD_SET(r->vrf, "default", -1);
            r->best = ju_bool(o, "selected") == TRI_TRUE ? TRI_TRUE : TRI_FALSE;
            route_nexthops(r, json_object_get(o, "nexthops"));
            int rc = parse_emit(run, &rec);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int frr_route_json(parse_run_t *run, const char *text, size_t len)
{
    int rc;
    json_t *root = load(run, text, len, &rc);
    if (!root)
        return rc;
    /* vrf all nests one level: {VRF: {PREFIX: [...]}} */
    const char *key;
    json_t *v;
    bool nested = false;
    json_object_foreach(root, key, v) {
        nested = json_is_object(v);
        break;
    }
    if (nested) {
        json_object_foreach(root, key, v) {
            if ((rc = route_entries(run, v)))
                break;
        }
    } else {
        rc = route_entries(run, root);
    }
    json_decref(root);
    return rc;
}

/* ---- bgp table ---- */
static const char *origin_word(const char *o)
{
    return strcmp(o, "IGP") == 0 ? "igp" : strcmp(o, "EGP") == 0 ? "egp" : o[0] ? "incomplete" : "";
}

static void path_nexthop(bgp_path_t *p, const json_t *list)
{
    size_t i;
    json_t *nh;
    json_array_foreach(list, i, nh) { /* the one FRR uses (IPv6: the link-local) */
        if (i == 0 || ju_bool(nh, "used") == TRI_TRUE)
            ju_copy(nh, "ip", p->next_hop, sizeof(p->next_hop));
    }
}

static void path_fill(bgp_path_t *p, const char *pfx, const json_t *o)
{
    tu_prefix(pfx, strlen(pfx), false, p->prefix, sizeof(p->prefix));
    p->metric = ju_int(o, "metric");
    p->local_pref = ju_int(o, "locPrf");
    p->weight = ju_int(o, "weight");
    json_t *ap = json_object_get(o, "aspath");
    if (json_is_object(ap))
        ju_copy(ap, "string", p->as_path, sizeof(p->as_path));
    else
        ju_copy(o, "path", p->as_path, sizeof(p->as_path));
    if (strcmp(p->as_path, "Local") == 0)
        p->as_path[0] = '\0';
    char o_[SHORT_LEN] = "";
    ju_copy(o, "origin", o_, sizeof(o_));
    FIELD_SET(p->origin, origin_word(o_), -1);
    p->valid = ju_bool(o, "valid") == TRI_TRUE ? TRI_TRUE : TRI_FALSE;
    json_t *best = json_object_get(o, "bestpath");
    p->best = (json_is_true(best) || ju_bool(best, "overall") == TRI_TRUE) ? TRI_TRUE : TRI_FALSE;
    path_nexthop(p, json_object_get(o, "nexthops"));
    json_t *peer = json_object_get(o, "peer");
    if (json_is_object(peer))
        ju_copy(peer, "peerId", p->neighbor, sizeof(p->neighbor));
    else if (ju_copy(o, "peerId", p->neighbor, sizeof(p->neighbor)) && strcmp(p->neighbor, "(unspec)") == 0)
        p->neighbor[0] = '\0';
}

static int paths(parse_run_t *run, const char *pfx, const json_t *list)
{
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o) {
        record_t rec;
        record_init(&rec, KIND_BGP_TABLE);
        path_fill(&rec.u.path, pfx, o);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}

/* "neighbors X advertised-routes json": {"advertisedRoutes": {PREFIX: {one path}}} */
static int adj_routes(parse_run_t *run, const json_t *routes)
{
    const char *pfx;
    json_t *o;
    json_object_foreach((json_t *)routes, pfx, o) {
        record_t rec;
        record_init(&rec, KIND_BGP_TABLE);
        bgp_path_t *p = &rec.u.path;
        tu_prefix(pfx, strlen(pfx), false, p->prefix, sizeof(p->prefix));
        ju_copy(o, "nextHop", p->next_hop, sizeof(p->next_hop));
        p->metric = ju_int(o, "metric");
        p->local_pref = ju_int(o, "locPrf");
        p->weight = ju_int(o, "weight");
        ju_copy(o, "path", p->as_path, sizeof(p->as_path));
        char oc[4] = "";
        ju_copy(o, "bgpOriginCode", oc, sizeof(oc));
        FIELD_SET(p->origin, oc[0] == 'i' ? "igp" : oc[0] == 'e' ? "egp" : oc[0] == '?' ? "incomplete" : "", -1);
        json_t *sym = json_object_get(o, "appliedStatusSymbols");
        p->valid = json_is_true(json_object_get(sym, "*")) ? TRI_TRUE : TRI_FALSE;
        p->best = json_is_true(json_object_get(sym, ">")) ? TRI_TRUE : TRI_FALSE;
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}

int frr_bgp_table_json(parse_run_t *run, const char *text, size_t len)
{
    int rc;
    json_t *root = load(run, text, len, &rc);
    if (!root)
        return rc;
    parse_meta_t *m = parse_meta(run);
    ju_copy(root, "routerId", m->router_id, sizeof(m->router_id));
    m->local_as = ju_int(root, "localAS");
    ju_copy(root, "vrfName", m->vrf, sizeof(m->vrf));
    const char *pfx = json_string_value(json_object_get(root, "prefix"));
    json_t *adj = json_object_get(root, "advertisedRoutes");
    if (!adj)
        adj = json_object_get(root, "receivedRoutes");
    if (adj) {
        ju_copy(root, "bgpLocalRouterId", m->router_id, sizeof(m->router_id));
        rc = adj_routes(run, adj);
    } else if (pfx) {
        rc = paths(run, pfx, json_object_get(root, "paths"));
    } else {
        json_t *list;
        json_object_foreach(json_object_get(root, "routes"), pfx, list) {
            if ((rc = paths(run, pfx, list)))
                break;
        }
    }
    json_decref(root);
    return rc;
}

/* ---- bfd ---- */
int frr_bfd_json(parse_run_t *run, const char *text, size_t len)
{
    int rc;
    json_t *root = load(run, text, len, &rc);
    if (!root)
        return rc;
    size_t i;
    json_t *o;
    json_array_foreach(root, i, o) {
        record_t rec;
        record_init(&rec, KIND_BFD);
        bfd_session_t *b = &rec.u.bfd;
        ju_copy(o, "peer", b->peer, sizeof(b->peer));
        ju_copy(o, "local", b->local, sizeof(b->local));
        ju_copy(o, "interface", b->interface, sizeof(b->interface));
        if (!ju_copy(o, "vrf", b->vrf, sizeof(b->vrf)))
            FIELD_SET(b->vrf, "default", -1);
        ju_copy(o, "status", b->raw_state, sizeof(b->raw_state));
        b->state = strcmp(b->raw_state, "up") == 0 ? UPDOWN_UP : UPDOWN_DOWN;
        if (b->state == UPDOWN_UP)
            b->up_time = ju_int(o, "uptime");
        b->rx_interval_ms = ju_int(o, "receive-interval");
        b->tx_interval_ms = ju_int(o, "transmit-interval");
        b->multiplier = ju_int(o, "detect-multiplier");
        if ((rc = parse_emit(run, &rec)))
            break;
    }
    json_decref(root);
    return rc;
}
