/* eos_json_tables.c: EOS "| json" answers for the BGP table, routes, ARP, version and BFD. */
#include <stdio.h>
#include <string.h>

#include "parsers/eos/eos.h"
#include "parsers/jsonutil.h"
#include "parsers/textutil.h"

/* "Igp" / "Egp" / "Incomplete" -> contract words. */
static void ejt_origin(const char *s, char *out, size_t size)
{
    if (!s)
        return;
    if (tu_starts(s, strlen(s), "igp") || strcmp(s, "i") == 0)
        field_set(out, size, "igp", -1);
    else if (tu_starts(s, strlen(s), "egp") || strcmp(s, "e") == 0)
        field_set(out, size, "egp", -1);
    else if (tu_starts(s, strlen(s), "incomplete") || strcmp(s, "?") == 0)
        field_set(out, size, "incomplete", -1);
}

/* eAPI's asPath ends in the origin code ("12076 i"): split it off. */
static void ejt_aspath(bgp_path_t *p, const json_t *entry)
{
    const char *s = json_string_value(ju_get(entry, "asPath"));
    if (!s)
        return;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (n && (s[n - 1] == 'i' || s[n - 1] == 'e' || s[n - 1] == '?') && (n == 1 || s[n - 2] == ' ')) {
        if (!p->origin[0]) {
            char o[2] = {s[n - 1], 0};
            ejt_origin(o, p->origin, sizeof(p->origin));
        }
        n = n >= 2 ? n - 2 : 0;
    }
    FIELD_SET(p->as_path, s, (long)n);
}

static int ejt_path(parse_run_t *run, const char *vname, const char *prefix, const json_t *pa)
{
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    if (!eos_prefix(prefix, strlen(prefix), p->prefix, sizeof(p->prefix)))
        FIELD_SET(p->prefix, prefix, -1);
    ju_copy(pa, "nextHop", p->next_hop, sizeof(p->next_hop));
    p->metric = ju_int(pa, "med");
    p->local_pref = ju_int(pa, "localPreference");
    p->weight = ju_int(pa, "weight");
    json_t *rt = ju_get(pa, "routeType");
    ejt_origin(json_string_value(ju_get(rt, "origin")), p->origin, sizeof(p->origin));
    ejt_aspath(p, ju_get(pa, "asPathEntry"));
    p->valid = ju_bool(rt, "valid");
    p->best = ju_bool(rt, "active");
    ju_copy(ju_get(pa, "peerEntry"), "peerAddr", p->neighbor, sizeof(p->neighbor));
    json_t *cl = ju_get(pa, "communityList");
    size_t o = 0;
    for (size_t i = 0; i < json_array_size(cl) && o + 2 < sizeof(p->communities); i++) {
        const char *c = json_string_value(json_array_get(cl, i));
        if (c)
            o += (size_t)snprintf(p->communities + o, sizeof(p->communities) - o, "%s%s", o ? " " : "", c);
    }
    FIELD_SET(p->vrf, vname, -1);
    return parse_emit(run, &rec);
}

int eos_json_bgp_table(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    const char *vname, *pfx;
    json_t *vrf, *e;
    int rc = 0;
    json_object_foreach(ju_get(root, "vrfs"), vname, vrf) {
        parse_meta_t *m = parse_meta(run);
        if (!m->router_id[0]) {
            ju_copy(vrf, "routerId", m->router_id, sizeof(m->router_id));
            m->local_as = ju_int(vrf, "asn");
        }
        json_object_foreach(ju_get(vrf, "bgpRouteEntries"), pfx, e) {
            json_t *paths = ju_get(e, "bgpRoutePaths");
            for (size_t i = 0; i < json_array_size(paths); i++)
                if ((rc = ejt_path(run, vname, pfx, json_array_get(paths, i))) != 0)
                    goto out;
        }
    }
out:
    json_decref(root);
    return rc;
}

/* ---- routes ---- */

/* eAPI routeType words: "eBGP", "iBGP", "connected", "static", "ospfIntraArea", "ospfExt2", ... */
static const char *ejt_route_protocol(const char *t)
{
    size_t n = strlen(t);
    if (eos_contains(t, n, "bgp"))
        return eos_contains(t, n, "aggregate") ? "aggregate" : "bgp";
    if (tu_starts(t, n, "ospf"))
        return "ospf";
    if (tu_starts(t, n, "isis"))
        return "isis";
    if (tu_starts(t, n, "rip"))
        return "rip";
    const char *w = tu_protocol_word(t, n);
    return w ? w : "other";
}

static int ejt_route(parse_run_t *run, const char *vname, const char *pfx, const json_t *r)
{
    record_t rec;
    record_init(&rec, KIND_ROUTES);
    route_t *rt = &rec.u.route;
    tu_prefix(pfx, strlen(pfx), false, rt->prefix, sizeof(rt->prefix));
    const char *type = json_string_value(ju_get(r, "routeType"));
    if (type) {
        FIELD_SET(rt->raw_protocol, type, -1);
        FIELD_SET(rt->protocol, ejt_route_protocol(type), -1);
    }
    rt->distance = ju_int(r, "preference");
    rt->metric = ju_int(r, "metric");
    FIELD_SET(rt->vrf, vname, -1);
    json_t *vias = ju_get(r, "vias");
    for (size_t i = 0; i < json_array_size(vias) && rt->n_next_hops < MAX_NEXT_HOPS; i++) {
        json_t *v = json_array_get(vias, i);
        next_hop_t *h = &rt->next_hops[rt->n_next_hops++];
        next_hop_init(h);
        ju_copy(v, "nexthopAddr", h->address, sizeof(h->address));
        ju_copy(v, "interface", h->interface, sizeof(h->interface));
    }
    return parse_emit(run, &rec);
}

int eos_json_routes(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    const char *vname, *pfx;
    json_t *vrf, *r;
    int rc = 0;
    json_object_foreach(ju_get(root, "vrfs"), vname, vrf) {
        json_object_foreach(ju_get(vrf, "routes"), pfx, r) {
            if ((rc = ejt_route(run, vname, pfx, r)) != 0)
                goto out;
        }
    }
out:
    json_decref(root);
    return rc;
}

/* ---- ARP ---- */

static int ejt_arp_list(parse_run_t *run, const char *vname, const json_t *list)
{
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        record_t rec;
        record_init(&rec, KIND_ARP);
        arp_entry_t *a = &rec.u.arp;
        ju_copy(e, "address", a->address, sizeof(a->address));
        char mac[32] = "";
        if (!ju_copy(e, "hwAddress", mac, sizeof(mac)) || !tu_mac(mac, strlen(mac), a->mac)) {
            a->incomplete = true;
            FIELD_SET(a->state, "incomplete", -1);
        }
        char ifn[NAME_LEN * 2] = "";
        ju_copy(e, "interface", ifn, sizeof(ifn));
        char *comma = strchr(ifn, ','); /* "Vlan101, Port-Channel2": the SVI is the L3 interface */
        if (comma)
            *comma = '\0';
        FIELD_SET(a->interface, ifn, -1);
        a->age = ju_int(e, "age");
        char st[SHORT_LEN]; /* IPv6 neighbors: the ND state ("reachable", "stale") */
        if (!a->incomplete && ju_copy(e, "state", st, sizeof(st)))
            FIELD_SET(a->state, st, -1);
        if (vname)
            FIELD_SET(a->vrf, vname, -1);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}

int eos_json_arp(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    /* "show ipv6 neighbors | json" lists ipV6Neighbors where ARP lists ipV4Neighbors. */
    static const char *const lists[] = {"ipV4Neighbors", "ipV6Neighbors"};
    int rc = 0;
    for (size_t l = 0; l < 2 && !rc; l++) {
        rc = ejt_arp_list(run, NULL, ju_get(root, lists[l]));
        const char *vname;
        json_t *vrf;
        json_object_foreach(ju_get(root, "vrfs"), vname, vrf) {
            if (rc)
                break;
            rc = ejt_arp_list(run, vname, ju_get(vrf, lists[l]));
        }
    }
    json_decref(root);
    return rc;
}

/* ---- version ---- */

int eos_json_version(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    record_t rec;
    record_init(&rec, KIND_VERSION);
    version_t *v = &rec.u.version;
    FIELD_SET(v->os, "EOS", -1);
    ju_copy(root, "modelName", v->model, sizeof(v->model));
    ju_copy(root, "version", v->version, sizeof(v->version));
    ju_copy(root, "serialNumber", v->serial, sizeof(v->serial));
    ju_copy(root, "internalVersion", v->image, sizeof(v->image));
    v->uptime = ju_int(root, "uptime");
    int rc = (v->model[0] || v->version[0]) ? parse_emit(run, &rec) : 0;
    json_decref(root);
    return rc;
}

/* ---- BFD ---- */

static int ejt_bfd_peer(parse_run_t *run, const char *vname, const char *addr, const json_t *peer)
{
    const char *ifkey;
    json_t *ps;
    json_object_foreach(ju_get(peer, "peerStats"), ifkey, ps) {
        record_t rec;
        record_init(&rec, KIND_BFD);
        bfd_session_t *b = &rec.u.bfd;
        FIELD_SET(b->peer, addr, -1);
        if (!ju_copy(ps, "l3intf", b->interface, sizeof(b->interface)))
            FIELD_SET(b->interface, ifkey, -1);
        ju_copy(ps, "sourceAddr", b->local, sizeof(b->local));
        ju_copy(ps, "status", b->raw_state, sizeof(b->raw_state));
        b->state = tu_eq(b->raw_state, strlen(b->raw_state), "up") ? UPDOWN_UP : UPDOWN_DOWN;
        json_t *d = ju_get(ps, "peerStatsDetail");
        b->tx_interval_ms = tu_scale(ju_int(d, "operTxInterval"), 1, 1000); /* microseconds */
        b->rx_interval_ms = tu_scale(ju_int(d, "operRxInterval"), 1, 1000);
        b->multiplier = ju_int(d, "detectMult");
        FIELD_SET(b->vrf, vname, -1);
        int rc = parse_emit(run, &rec);
        if (rc)
            return rc;
    }
    return 0;
}

int eos_json_bfd(parse_run_t *run, const char *text, size_t len)
{
    json_t *root = ju_load(run, text, len);
    if (!root)
        return -1;
    const char *vname, *addr;
    json_t *vrf, *peer;
    int rc = 0;
    json_object_foreach(ju_get(root, "vrfs"), vname, vrf) {
        static const char *const fams[] = {"ipv4Neighbors", "ipv6Neighbors"};
        for (size_t f = 0; f < 2; f++) {
            json_object_foreach(ju_get(vrf, fams[f]), addr, peer) {
                if ((rc = ejt_bfd_peer(run, vname, addr, peer)) != 0)
                    goto out;
            }
        }
    }
out:
    json_decref(root);
    return rc;
}
