/* eos_json.c: EOS "| json" (eAPI) answers for interfaces, BGP and routes.
 *
 * eAPI nests per VRF ({"vrfs": {"default": {...}}}) and keys tables by name or prefix.  Field
 * names moved between EOS releases, so each value is looked up under every name we know.
 * Times are epoch timestamps (upDownTime, lastStatusChangeTimestamp); a parser has no clock,
 * so those durations are left absent rather than guessed. */
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/jsonutil.h"
#include "parsers/textutil.h"

/* First of several member names that is present. */
static json_t *ej_any(const json_t *o, const char *const *keys)
{
    for (; *keys; keys++) {
        json_t *v = ju_get(o, *keys);
        if (v && !json_is_null(v))
            return v;
    }
    return NULL;
}

static int64_t ej_int(const json_t *o, const char *const *keys)
{
    for (; *keys; keys++) {
        int64_t v = ju_int(o, *keys);
        if (v != MODEL_ABSENT)
            return v;
    }
    return MODEL_ABSENT;
}

static bool ej_copy(const json_t *o, const char *const *keys, char *dst, size_t size)
{
    for (; *keys; keys++)
        if (ju_copy(o, *keys, dst, size))
            return true;
    return false;
}

/* ASNs come as numbers, "12076" or asdot "64086.59905". */
static int64_t ej_asn(const json_t *o, const char *key)
{
    json_t *v = ju_get(o, key);
    if (json_is_string(v))
        return tu_asn(json_string_value(v), json_string_length(v));
    return ju_int(o, key);
}

#define KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---- interfaces ---- */

static void ej_if_addr(iface_t *f, const json_t *ip)
{
    char buf[PREFIX_LEN + 8];
    const char *a = json_string_value(ju_get(ip, "address"));
    int64_t ml = ju_int(ip, "maskLen");
    if (!a || !*a || strcmp(a, "0.0.0.0") == 0 || f->n_ipv4 >= MAX_ADDRS)
        return;
    if (ml == MODEL_ABSENT)
        snprintf(buf, sizeof(buf), "%s", a);
    else
        snprintf(buf, sizeof(buf), "%s/%lld", a, (long long)ml);
    if (tu_prefix(buf, strlen(buf), true, f->ipv4[f->n_ipv4], PREFIX_LEN))
        f->n_ipv4++;
}

/* IPv6: {"address": "2001:db8:c0de::1", "subnet": "2001:db8:c0de::/126"}; the length is the
 * subnet's (the address alone when none is given). */
static void ej_if_addr6(iface_t *f, const json_t *ip)
{
    const char *a = json_string_value(ju_get(ip, "address"));
    const char *sub = json_string_value(ju_get(ip, "subnet"));
    const char *slash = sub ? strchr(sub, '/') : NULL;
    if (!a || !*a || f->n_ipv6 >= MAX_ADDRS)
        return;
    char buf[PREFIX_LEN + 8];
    snprintf(buf, sizeof(buf), "%s%s", a, slash ? slash : "");
    if (tu_prefix(buf, strlen(buf), true, f->ipv6[f->n_ipv6], PREFIX_LEN))
        f->n_ipv6++;
}

/* "show ipv6 interface [brief] | json": the link-local first, as the text prints it. */
static void ej_if_v6(iface_t *f, const json_t *o)
{
    ej_if_addr6(f, ju_get(o, "linkLocal"));
    json_t *list = ju_get(o, "addresses");
    for (size_t i = 0; i < json_array_size(list); i++)
        ej_if_addr6(f, json_array_get(list, i));
}

static void ej_if_status(iface_t *f, const json_t *o)
{
    const char *st = json_string_value(ju_get(o, "interfaceStatus"));
    const char *lp = json_string_value(ju_get(o, "lineProtocolStatus"));
    if (st) {
        FIELD_SET(f->raw_status, st, -1);
        f->admin_status = (strcmp(st, "disabled") == 0 || strncmp(st, "admin", 5) == 0) ? UPDOWN_DOWN : UPDOWN_UP;
        f->oper_status = (strcmp(st, "connected") == 0 || strcmp(st, "up") == 0) ? UPDOWN_UP : UPDOWN_DOWN;
    }
    if (lp)
        f->protocol_status = strcmp(lp, "up") == 0 ? UPDOWN_UP : UPDOWN_DOWN;
}

static void ej_if_counters(iface_t *f, const json_t *o)
{
    json_t *c = ju_get(o, "interfaceCounters"), *s = ju_get(o, "interfaceStatistics");
    if (c) {
        int64_t u = ju_int(c, "inUcastPkts"), m = ju_int(c, "inMulticastPkts"), b = ju_int(c, "inBroadcastPkts");
        if (u != MODEL_ABSENT)
            f->in_packets = u + (m != MODEL_ABSENT ? m : 0) + (b != MODEL_ABSENT ? b : 0);
        u = ju_int(c, "outUcastPkts"), m = ju_int(c, "outMulticastPkts"), b = ju_int(c, "outBroadcastPkts");
        if (u != MODEL_ABSENT)
            f->out_packets = u + (m != MODEL_ABSENT ? m : 0) + (b != MODEL_ABSENT ? b : 0);
        f->in_errors = ju_int(c, "totalInErrors");
        f->out_errors = ju_int(c, "totalOutErrors");
        f->in_discards = ju_int(c, "inDiscards");
        f->out_discards = ju_int(c, "outDiscards");
        f->carrier_transitions = ju_int(c, "linkStatusChanges");
        f->crc = ju_int(ju_get(c, "inputErrorsDetail"), "fcsErrors");
    }
    if (s) {
        f->in_rate_bps = ju_int(s, "inBitsRate");
        f->out_rate_bps = ju_int(s, "outBitsRate");
    }
}

static int ej_interfaces(parse_run_t *run, const char *text, size_t len, bool brief)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    json_t *ifs = ju_get(root, "interfaces");
    const char *name;
    json_t *o;
    int rc = 0;
    json_object_foreach(ifs, name, o) {
        record_t rec;
        record_init(&rec, KIND_INTERFACES);
        iface_t *f = &rec.u.iface;
        FIELD_SET(f->name, name, -1);
        ju_copy(o, "description", f->description, sizeof(f->description));
        ej_if_status(f, o);
        f->mtu = ju_int(o, "mtu");
        int64_t bw = ju_int(o, "bandwidth");
        if (!brief)
            f->bandwidth_kbps = tu_scale(bw, 1, 1000); /* eAPI gives bits per second */
        char mac[64];
        if (ju_copy(o, "physicalAddress", mac, sizeof(mac)))
            tu_mac(mac, strlen(mac), f->mac);
        json_t *ia = ju_get(o, "interfaceAddress");
        for (size_t i = 0; i < ju_rows(ia); i++) {
            json_t *row = ju_row(ia, i);
            ej_if_addr(f, ej_any(row, KEYS("primaryIp", "ipAddr")));
            json_t *sec = ju_get(row, "secondaryIpsOrderedList");
            for (size_t k = 0; k < json_array_size(sec); k++)
                ej_if_addr(f, json_array_get(sec, k));
        }
        ej_if_v6(f, o);
        ej_if_counters(f, o);
        if ((rc = parse_emit(run, &rec)) != 0)
            break;
    }
    json_decref(root);
    return rc;
}

int eos_json_interfaces(parse_run_t *run, const char *text, size_t len) { return ej_interfaces(run, text, len, false); }
int eos_json_ip_int_brief(parse_run_t *run, const char *text, size_t len) { return ej_interfaces(run, text, len, true); }

/* ---- BGP summary ---- */

static bool ej_admin(const json_t *p)
{
    char why[64] = "";
    ej_copy(p, KEYS("peerStateIdleReason", "idleReason"), why, sizeof(why));
    return eos_contains(why, strlen(why), "admin") || eos_contains(why, strlen(why), "shut");
}

int eos_json_bgp_summary(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    const char *vname, *addr;
    json_t *vrf, *p;
    int rc = 0;
    json_object_foreach(ju_get(root, "vrfs"), vname, vrf) {
        char rid[ADDR_LEN] = "";
        ju_copy(vrf, "routerId", rid, sizeof(rid));
        int64_t las = ej_asn(vrf, "asn");
        parse_meta_t *m = parse_meta(run);
        if (!m->router_id[0]) {
            FIELD_SET(m->router_id, rid, -1);
            m->local_as = las;
            FIELD_SET(m->vrf, vname, -1);
        }
        json_object_foreach(ju_get(vrf, "peers"), addr, p) {
            record_t rec;
            record_init(&rec, KIND_BGP_SUMMARY);
            bgp_peer_t *b = &rec.u.peer;
            FIELD_SET(b->peer, addr, -1);
            b->remote_as = ej_asn(p, "asn");
            ju_copy(p, "peerState", b->raw_state, sizeof(b->raw_state));
            b->state = tu_bgp_state(b->raw_state, strlen(b->raw_state), &b->admin_down);
            if (b->state == BGP_STATE_IDLE && ej_admin(p))
                b->admin_down = true;
            if (b->state == BGP_STATE_ESTABLISHED) {
                b->prefixes_received = ju_int(p, "prefixReceived");
                b->prefixes_accepted = ju_int(p, "prefixAccepted");
            }
            b->msg_rcvd = ju_int(p, "msgReceived");
            b->msg_sent = ju_int(p, "msgSent");
            ju_copy(p, "description", b->description, sizeof(b->description));
            FIELD_SET(b->address_family, eos_command_family(run), -1);
            FIELD_SET(b->vrf, vname, -1);
            FIELD_SET(b->router_id, rid, -1);
            b->local_as = las;
            if ((rc = parse_emit(run, &rec)) != 0)
                goto out;
        }
    }
out:
    json_decref(root);
    return rc;
}

/* ---- BGP neighbors ---- */

/* A notification as eAPI gives it: a string, or {"code":..,"subCode":..}. */
static void ej_notif(bgp_neighbor_t *n, const json_t *v, const char *dir)
{
    char code[64] = "", sub[64] = "";
    if (json_is_string(v)) {
        FIELD_SET(n->last_error, json_string_value(v), -1);
    } else if (json_is_object(v)) {
        ej_copy(v, KEYS("code", "errorCode"), code, sizeof(code));
        ej_copy(v, KEYS("subCode", "errorSubCode", "subcode"), sub, sizeof(sub));
        snprintf(n->last_error, sizeof(n->last_error), "%s%s%s", code, sub[0] ? "/" : "", sub);
    } else {
        return;
    }
    if (n->last_error[0])
        FIELD_SET(n->notification_dir, dir, -1);
}

static void ej_nbr_policy(bgp_neighbor_t *n, const json_t *p)
{
    ej_copy(p, KEYS("routeMapInbound", "inboundRouteMap"), n->inbound_policy, sizeof(n->inbound_policy));
    ej_copy(p, KEYS("routeMapOutbound", "outboundRouteMap"), n->outbound_policy, sizeof(n->outbound_policy));
    ej_copy(p, KEYS("prefixListInbound", "inboundPrefixList"), n->inbound_prefix_list, NAME_LEN);
    ej_copy(p, KEYS("prefixListOutbound", "outboundPrefixList"), n->outbound_prefix_list, NAME_LEN);
    n->max_prefixes = ej_int(p, KEYS("maxTotalRoutes", "maxRoutes", "maximumRoutes"));
}

static void ej_nbr_fill(bgp_neighbor_t *n, const json_t *p, const char *vname)
{
    ej_copy(p, KEYS("peerAddress", "peerAddr"), n->peer, sizeof(n->peer));
    n->remote_as = ej_asn(p, "asn");
    if (n->remote_as == MODEL_ABSENT)
        n->remote_as = ej_asn(p, "remoteAsn");
    n->local_as = ej_asn(p, "localAsn");
    ej_copy(p, KEYS("state", "peerState"), n->raw_state, sizeof(n->raw_state));
    n->state = tu_bgp_state(n->raw_state, strlen(n->raw_state), &n->admin_down);
    if (n->state == BGP_STATE_IDLE && ej_admin(p))
        n->admin_down = true;
    ju_copy(p, "description", n->description, sizeof(n->description));
    ju_copy(p, "routerId", n->remote_router_id, sizeof(n->remote_router_id));
    if (strcmp(n->remote_router_id, "0.0.0.0") == 0) /* not known until the session opens */
        n->remote_router_id[0] = '\0';
    n->hold_time = ju_int(p, "holdTime");
    n->keepalive = ej_int(p, KEYS("keepaliveTime", "keepalive"));
    n->cfg_hold_time = ej_int(p, KEYS("configuredHoldTime", "configHoldTime"));
    n->cfg_keepalive = ej_int(p, KEYS("configuredKeepaliveTime", "configKeepaliveTime", "configuredKeepalive"));
    json_t *tcp = ju_get(p, "peerTcpInfo");
    ej_copy(p, KEYS("localAddress", "localIp"), n->local_address, sizeof(n->local_address));
    if (!n->local_address[0])
        ej_copy(tcp, KEYS("localAddress", "localIpAddress"), n->local_address, sizeof(n->local_address));
    n->local_port = ej_int(p, KEYS("localPort"));
    if (n->local_port == MODEL_ABSENT)
        n->local_port = ej_int(tcp, KEYS("localPort"));
    n->remote_port = ej_int(p, KEYS("remotePort"));
    if (n->remote_port == MODEL_ABSENT)
        n->remote_port = ej_int(tcp, KEYS("remotePort"));
    ej_nbr_policy(n, p);
    if (n->state == BGP_STATE_ESTABLISHED)
        n->prefixes_received = ej_int(p, KEYS("prefixesReceived", "prefixReceived"));
    n->prefixes_sent = ej_int(p, KEYS("prefixesSent", "prefixSent"));
    n->prefixes_accepted = ej_int(p, KEYS("prefixesAccepted", "prefixAccepted"));
    n->msg_rcvd = ej_int(p, KEYS("msgReceived", "totalMsgsReceived"));
    n->msg_sent = ej_int(p, KEYS("msgSent", "totalMsgsSent"));
    json_t *bfd = ej_any(p, KEYS("bfdState", "bfdEnabled"));
    if (json_is_boolean(bfd))
        n->bfd = json_is_true(bfd) ? TRI_TRUE : TRI_FALSE;
    else if (json_is_string(bfd)) /* "up"/"down"/"init" = in use; "adminDown" = BFD not enabled */
        n->bfd = strcmp(json_string_value(bfd), "adminDown") == 0 ? TRI_FALSE : TRI_TRUE;
    /* establishedTime counts seconds (upDownTime is an epoch stamp a parser cannot turn into an age) */
    if (n->state == BGP_STATE_ESTABLISHED)
        n->up_down = ju_int(p, "establishedTime");
    tristate_t md5 = ju_bool(p, "md5AuthEnabled");
    if (md5 != TRI_ABSENT)
        n->md5 = md5;
    ej_notif(n, ju_get(p, "lastSentNotification"), "sent");
    if (!n->last_error[0])
        ej_notif(n, ju_get(p, "lastRcvdNotification"), "received");
    if (!ju_copy(p, "vrf", n->vrf, sizeof(n->vrf)))
        FIELD_SET(n->vrf, vname, -1);
}

int eos_json_bgp_neighbors(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    const char *vname;
    json_t *vrf;
    int rc = 0;
    json_object_foreach(ej_any(root, KEYS("vrfBgpNeighbors", "vrfs")), vname, vrf) {
        json_t *list = ju_get(vrf, "peerList");
        for (size_t i = 0; i < json_array_size(list); i++) {
            record_t rec;
            record_init(&rec, KIND_BGP_NEIGHBORS);
            ej_nbr_fill(&rec.u.neighbor, json_array_get(list, i), vname);
            if ((rc = parse_emit(run, &rec)) != 0)
                goto out;
        }
    }
out:
    json_decref(root);
    return rc;
}
