/* nxos_json.c: NX-OS "| json" answers (NX-API shape).
 *
 * NX-API nests tables as {"TABLE_vrf": {"ROW_vrf": [ {..., "TABLE_af": {"ROW_af": ...}} ]}} and
 * prints a one-row table as an object instead of a list.  Rather than spell out every path
 * (they differ between releases), nxos_json_walk() visits every object, carrying the VRF,
 * router id and local AS it has passed on the way down, and hands each object that holds a
 * command's key field ("intf-name", "neighborid", "ipprefix", ...) to a row function. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "parsers/jsonutil.h"
#include "parsers/nxos/nxos.h"
#include "parsers/nxos/nxos_json.h"
#include "parsers/textutil.h"

json_t *nxos_json_load(parse_run_t *run, const char *text, size_t len, bool *empty)
{
    /* NX-OS answers "| json" for an empty table with nothing at all: no records, no error. */
    *empty = true;
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)text[i]))
            *empty = false;
    return *empty ? NULL : ju_load(run, text, len);
}

void nxos_jctx_update(nxos_jctx_t *ctx, const json_t *obj)
{
    ju_copy(obj, "vrf-name-out", ctx->vrf, sizeof(ctx->vrf));
    ju_copy(obj, "vrf-router-id", ctx->router_id, sizeof(ctx->router_id));
    char as[SHORT_LEN] = "";
    if (ju_copy(obj, "vrf-local-as", as, sizeof(as)) || ju_copy(obj, "localas", as, sizeof(as)))
        ctx->local_as = tu_asn(as, strlen(as));
    ju_copy(obj, "af-name", ctx->af, sizeof(ctx->af));
}

int nxos_json_walk(parse_run_t *run, const json_t *v, const char *key, nxos_jctx_t ctx, nxos_jrow_fn fn, void *ud)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            int rc = nxos_json_walk(run, e, key, ctx, fn, ud);
            if (rc)
                return rc;
        }
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    nxos_jctx_update(&ctx, v);
    if (json_object_get(v, key))
        return fn(run, v, &ctx, ud);
    const char *k;
    json_t *m;
    json_object_foreach((json_t *)v, k, m) {
        int rc = nxos_json_walk(run, m, key, ctx, fn, ud);
        if (rc)
            return rc;
    }
    return 0;
}

int64_t nxos_json_duration(const json_t *obj, const char *key)
{
    char buf[SHORT_LEN * 2];
    if (!ju_copy(obj, key, buf, sizeof(buf)))
        return MODEL_ABSENT;
    return tu_duration(buf, strlen(buf));
}

/* ---- show interface | json ---- */

/* NX-API prefixes interface fields by type: eth_ (Ethernet, mgmt, port-channel), svi_ (VLAN
 * interfaces), loopback_ ... : try each. */
static const json_t *nxos_jif_get(const json_t *row, const char *field, char *key, size_t ksize)
{
    static const char *const pfx[] = {"eth_", "svi_", "loopback_", "tunnel_", "nve_", ""};
    for (size_t i = 0; i < sizeof(pfx) / sizeof(pfx[0]); i++) {
        snprintf(key, ksize, "%s%s", pfx[i], field);
        const json_t *v = json_object_get(row, key);
        if (v)
            return v;
    }
    return NULL;
}

static int64_t nxos_jif_int(const json_t *row, const char *field)
{
    char key[64];
    return nxos_jif_get(row, field, key, sizeof(key)) ? ju_int(row, key) : MODEL_ABSENT;
}

static bool nxos_jif_copy(const json_t *row, const char *field, char *dst, size_t size)
{
    char key[64];
    return nxos_jif_get(row, field, key, sizeof(key)) && ju_copy(row, key, dst, size);
}

static int nxos_jif_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ctx;
    (void)ud;
    record_t rec;
    record_init(&rec, KIND_INTERFACES);
    iface_t *f = &rec.u.iface;
    char buf[DESC_LEN];
    ju_copy(row, "interface", f->name, sizeof(f->name));
    if (ju_copy(row, "state", buf, sizeof(buf))) {
        f->oper_status = tu_updown(buf, strlen(buf));
        FIELD_SET(f->raw_status, buf, -1);
    }
    char rsn[DESC_LEN] = "";
    if (ju_copy(row, "state_rsn_desc", rsn, sizeof(rsn)) || ju_copy(row, "state_rsn", rsn, sizeof(rsn))) {
        snprintf(buf, sizeof(buf), "%s (%s)", f->raw_status, rsn);
        FIELD_SET(f->raw_status, buf, -1);
    }
    if (nxos_jif_copy(row, "admin_state", buf, sizeof(buf)) || ju_copy(row, "admin_state", buf, sizeof(buf)))
        f->admin_status = tu_updown(buf, strlen(buf));
    else
        f->admin_status = strstr(rsn, "dministratively") ? UPDOWN_DOWN : UPDOWN_UP;
    f->protocol_status = nxos_jif_copy(row, "line_proto", buf, sizeof(buf)) ? tu_updown(buf, strlen(buf)) : f->oper_status;
    if (!nxos_jif_copy(row, "desc", f->description, sizeof(f->description)))
        ju_copy(row, "desc", f->description, sizeof(f->description));
    if (nxos_jif_copy(row, "hw_addr", buf, sizeof(buf)) || nxos_jif_copy(row, "mac", buf, sizeof(buf)))
        tu_mac(buf, strlen(buf), f->mac);
    char ip[ADDR_LEN];
    int64_t mask = nxos_jif_int(row, "ip_mask");
    if (nxos_jif_copy(row, "ip_addr", ip, sizeof(ip)) && mask != MODEL_ABSENT) {
        snprintf(buf, sizeof(buf), "%s/%lld", ip, (long long)mask);
        if (tu_prefix(buf, strlen(buf), true, f->ipv4[0], PREFIX_LEN))
            f->n_ipv4 = 1;
    }
    f->mtu = nxos_jif_int(row, "mtu");
    f->bandwidth_kbps = nxos_jif_int(row, "bw");
    if (nxos_jif_copy(row, "link_flapped", buf, sizeof(buf)))
        f->last_flapped = tu_duration(buf, strlen(buf));
    f->in_rate_bps = nxos_jif_int(row, "inrate1_bits");
    f->out_rate_bps = nxos_jif_int(row, "outrate1_bits");
    f->in_packets = nxos_jif_int(row, "inpkts");
    f->out_packets = nxos_jif_int(row, "outpkts");
    f->in_errors = nxos_jif_int(row, "inerr");
    f->out_errors = nxos_jif_int(row, "outerr");
    f->crc = nxos_jif_int(row, "crc");
    f->overrun = nxos_jif_int(row, "overrun");
    f->in_discards = nxos_jif_int(row, "indiscard");
    f->out_discards = nxos_jif_int(row, "outdiscard");
    f->carrier_transitions = nxos_jif_int(row, "lostcarrier");
    f->resets = nxos_jif_int(row, "reset_cntr");
    return parse_emit(run, &rec);
}

int nxos_json_interface(parse_run_t *run, const char *text, size_t len)
{
    bool empty;
    json_t *root = nxos_json_load(run, text, len, &empty);
    if (!root)
        return empty ? 0 : -1;
    nxos_jctx_t ctx = NXOS_JCTX_INIT;
    int rc = nxos_json_walk(run, root, "interface", ctx, nxos_jif_row, NULL);
    json_decref(root);
    return rc;
}

/* ---- show ip[v6] interface brief | json ----
 * IPv6 rows carry "addr" (a string, or a list when the interface has several), or a
 * TABLE_addr of {"addr": ...} rows, and "linklocal-addr"; they go to iface_t.ipv6. */

static void nxos_jbrief_v6_add(iface_t *f, const json_t *v)
{
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;
    if (!s || f->n_ipv6 >= MAX_ADDRS || !tu_prefix(s, strlen(s), true, f->ipv6[f->n_ipv6], PREFIX_LEN))
        return;
    f->n_ipv6++;
}

static void nxos_jbrief_v6(const json_t *row, iface_t *f)
{
    const json_t *a = json_object_get(row, "addr");
    for (size_t i = 0; json_is_array(a) && i < json_array_size(a); i++)
        nxos_jbrief_v6_add(f, json_array_get(a, i));
    nxos_jbrief_v6_add(f, a);
    const json_t *t = ju_path(row, "TABLE_addr.ROW_addr");
    for (size_t i = 0; i < ju_rows(t); i++)
        nxos_jbrief_v6_add(f, json_object_get(ju_row(t, i), "addr"));
    nxos_jbrief_v6_add(f, json_object_get(row, "linklocal-addr"));
}

static int nxos_jbrief_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ud;
    record_t rec;
    record_init(&rec, KIND_INTERFACES);
    iface_t *f = &rec.u.iface;
    char buf[PREFIX_LEN + 8];
    ju_copy(row, "intf-name", f->name, sizeof(f->name));
    if (ju_copy(row, "prefix", buf, sizeof(buf)) && tu_prefix(buf, strlen(buf), true, f->ipv4[0], PREFIX_LEN))
        f->n_ipv4 = 1;
    nxos_jbrief_v6(row, f);
    if (ju_copy(row, "proto-state", buf, sizeof(buf)))
        f->protocol_status = tu_updown(buf, strlen(buf));
    if (ju_copy(row, "link-state", buf, sizeof(buf)))
        f->oper_status = tu_updown(buf, strlen(buf));
    if (ju_copy(row, "admin-state", buf, sizeof(buf)))
        f->admin_status = tu_updown(buf, strlen(buf));
    FIELD_SET(f->vrf, ctx->vrf, -1);
    return parse_emit(run, &rec);
}

int nxos_json_ip_int_brief(parse_run_t *run, const char *text, size_t len)
{
    bool empty;
    json_t *root = nxos_json_load(run, text, len, &empty);
    if (!root)
        return empty ? 0 : -1;
    nxos_jctx_t ctx = NXOS_JCTX_INIT;
    /* Older releases put vrf-name-out in a sibling TABLE_vrf, not above the rows. */
    json_t *tv = ju_path(root, "TABLE_vrf.ROW_vrf");
    if (tv && ju_rows(tv))
        nxos_jctx_update(&ctx, ju_row(tv, 0));
    int rc = nxos_json_walk(run, root, "intf-name", ctx, nxos_jbrief_row, NULL);
    json_decref(root);
    return rc;
}

/* ---- show ip route | json ----
 * {"TABLE_vrf": {"ROW_vrf": {"vrf-name-out": "default", "TABLE_addrf": {"ROW_addrf": {
 *   "addrf": "ipv4", "TABLE_prefix": {"ROW_prefix": [{"ipprefix": "10.50.0.0/16",
 *   "ucast-nhops": "2", "attached": "false", "TABLE_path": {"ROW_path": [{"ipnexthop":
 *   "192.168.100.130", "ifname": "Eth1/1", "uptime": "P1DT2H", "pref": "20", "metric": "0",
 *   "clientname": "bgp-65010", "type": "external", "ubest": "true"}]}}]}}}}}} */

static int nxos_jroute_path(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)run;
    (void)ctx;
    route_t *r = ud;
    if (r->n_next_hops >= MAX_NEXT_HOPS)
        return 0;
    next_hop_t *nh = &r->next_hops[r->n_next_hops++];
    next_hop_init(nh);
    char buf[ADDR_LEN + NAME_LEN];
    if (ju_copy(row, "ipnexthop", buf, sizeof(buf)) || ju_copy(row, "ipv6nexthop", buf, sizeof(buf)))
        nxos_split_vrf(buf, strlen(buf), nh->address, sizeof(nh->address), nh->vrf, sizeof(nh->vrf));
    ju_copy(row, "ifname", nh->interface, sizeof(nh->interface));
    ju_copy(row, "vrfname", nh->vrf, sizeof(nh->vrf));
    nh->distance = ju_int(row, "pref");
    nh->metric = ju_int(row, "metric");
    nh->age = nxos_json_duration(row, "uptime");
    if (ju_copy(row, "clientname", buf, sizeof(buf))) {
        const char *w = tu_protocol_word(buf, strlen(buf));
        FIELD_SET(nh->protocol, w ? w : buf, -1);
    }
    bool best = ju_bool(row, "ubest") == TRI_TRUE;
    if (best && r->best != TRI_TRUE) {
        r->best = TRI_TRUE;
        FIELD_SET(r->protocol, nh->protocol, -1);
        if (ju_copy(row, "clientname", buf, sizeof(buf)))
            FIELD_SET(r->raw_protocol, buf, -1);
        r->distance = nh->distance;
        r->metric = nh->metric;
        r->age = nh->age;
    }
    return 0;
}

static int nxos_jroute_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ud;
    record_t rec;
    record_init(&rec, KIND_ROUTES);
    route_t *r = &rec.u.route;
    char raw[PREFIX_LEN];
    bool have = ju_copy(row, "ipprefix", raw, sizeof(raw)) || ju_copy(row, "ipv6prefix", raw, sizeof(raw));
    if (have && !tu_prefix(raw, strlen(raw), false, r->prefix, sizeof(r->prefix)))
        FIELD_SET(r->prefix, raw, -1);
    FIELD_SET(r->vrf, ctx->vrf, -1);
    nxos_json_walk(run, json_object_get(row, "TABLE_path"), "pref", *ctx, nxos_jroute_path, r);
    if (r->best != TRI_TRUE && r->n_next_hops) {
        /* No best path flagged: the first one speaks for the route. */
        FIELD_SET(r->protocol, r->next_hops[0].protocol, -1);
        r->distance = r->next_hops[0].distance;
        r->metric = r->next_hops[0].metric;
        r->age = r->next_hops[0].age;
    }
    return parse_emit(run, &rec);
}

int nxos_json_route(parse_run_t *run, const char *text, size_t len)
{
    bool empty;
    json_t *root = nxos_json_load(run, text, len, &empty);
    if (!root)
        return empty ? 0 : -1;
    nxos_jctx_t ctx = NXOS_JCTX_INIT;
    /* "show ipv6 route | json" rows may name the prefix "ipv6prefix": read either family. */
    int rc = nxos_json_walk(run, root, "ipprefix", ctx, nxos_jroute_row, NULL);
    if (rc == 0)
        rc = nxos_json_walk(run, root, "ipv6prefix", ctx, nxos_jroute_row, NULL);
    json_decref(root);
    return rc;
}

/* ---- show ip arp | json, show ipv6 neighbor | json ----
 * {"TABLE_vrf": {"ROW_vrf": {"vrf-name-out": "default", "cnt-total": 2, "TABLE_adj": {
 *   "ROW_adj": [{"intf-out": "Ethernet1/1", "ip-addr-out": "192.168.100.130",
 *   "time-stamp": "PT2M3S", "mac": "00de.fb01.c9bc"}, {"intf-out": "Vlan10",
 *   "ip-addr-out": "10.1.1.5", "time-stamp": "PT1S", "incomplete": "true"}]}}}} */

static int nxos_jarp_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ud;
    record_t rec;
    record_init(&rec, KIND_ARP);
    arp_entry_t *a = &rec.u.arp;
    char buf[SHORT_LEN];
    if (!ju_copy(row, "ip-addr-out", a->address, sizeof(a->address)))
        ju_copy(row, "ipv6-addr-out", a->address, sizeof(a->address));
    ju_copy(row, "intf-out", a->interface, sizeof(a->interface));
    a->age = nxos_json_duration(row, "time-stamp");
    if (ju_copy(row, "mac", buf, sizeof(buf)) && !tu_mac(buf, strlen(buf), a->mac))
        a->mac[0] = '\0';
    a->incomplete = ju_bool(row, "incomplete") == TRI_TRUE || !a->mac[0];
    FIELD_SET(a->state, a->incomplete ? "incomplete" : "reachable", -1);
    FIELD_SET(a->vrf, ctx->vrf, -1);
    return parse_emit(run, &rec);
}

int nxos_json_arp(parse_run_t *run, const char *text, size_t len)
{
    bool empty;
    json_t *root = nxos_json_load(run, text, len, &empty);
    if (!root)
        return empty ? 0 : -1;
    nxos_jctx_t ctx = NXOS_JCTX_INIT;
    /* IPv6 neighbor rows name their address "ipv6-addr-out"; a table holds one kind. */
    int rc = nxos_json_walk(run, root, "ip-addr-out", ctx, nxos_jarp_row, NULL);
    if (rc == 0)
        rc = nxos_json_walk(run, root, "ipv6-addr-out", ctx, nxos_jarp_row, NULL);
    json_decref(root);
    return rc;
}
