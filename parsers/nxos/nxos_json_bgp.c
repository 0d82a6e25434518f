/* nxos_json_bgp.c: NX-OS BGP "| json" answers (summary, neighbors, table).
 *
 *   show ip bgp summary | json:
 *   {"TABLE_vrf": {"ROW_vrf": {"vrf-name-out": "default", "vrf-router-id": "...",
 *     "vrf-local-as": "65010", "TABLE_af": {"ROW_af": {"af-id": "1", "TABLE_saf": {"ROW_saf": {
 *     "af-name": "IPv4 Unicast", "TABLE_neighbor": {"ROW_neighbor": [{"neighborid": "...",
 *     "neighboras": "12076", "msgrecvd": "5", "msgsent": "6", "time": "P1DT2H",
 *     "state": "Established", "prefixreceived": "5"}]}}}}}}}}
 *   show ip bgp neighbors | json:
 *   {"TABLE_neighbor": {"ROW_neighbor": [{"neighbor": "...", "remoteas": "12076", "state": ...,
 *     "routerid", "holdtime", "keepalivetime", "localaddr", "localport", "remoteport",
 *     "msgrecvd", "msgsent", "resettime", "resetreason", "TABLE_af": {"ROW_af": {"TABLE_saf":
 *     {"ROW_saf": {"af-name"?, "acceptedpaths", "sentpaths", "inpolicy", "outpolicy"}}}}}]}}
 *   show ip bgp | json: ... "TABLE_prefix": {"ROW_prefix": [{"ipprefix": "...", "TABLE_path":
 *     {"ROW_path": [{"ipnexthop", "metric", "localpref", "weight", "aspath", "origin",
 *     "statuscode": "*", "bestcode": ">"}]}}]} */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "parsers/jsonutil.h"
#include "parsers/nxos/nxos.h"
#include "parsers/nxos/nxos_json.h"
#include "parsers/textutil.h"

static int64_t nxos_jasn(const json_t *row, const char *key)
{
    char buf[SHORT_LEN];
    return ju_copy(row, key, buf, sizeof(buf)) ? tu_asn(buf, strlen(buf)) : MODEL_ABSENT;
}

static int nxos_jbgp_load(parse_run_t *run, const char *text, size_t len, const char *key, nxos_jrow_fn fn)
{
    bool empty;
    json_t *root = nxos_json_load(run, text, len, &empty);
    if (!root)
        return empty ? 0 : -1;
    nxos_jctx_t ctx = NXOS_JCTX_INIT;
    int rc = nxos_json_walk(run, root, key, ctx, fn, NULL);
    json_decref(root);
    return rc;
}

/* ---- summary ---- */

static int nxos_jsum_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ud;
    record_t rec;
    record_init(&rec, KIND_BGP_SUMMARY);
    bgp_peer_t *p = &rec.u.peer;
    char buf[SHORT_LEN];
    ju_copy(row, "neighborid", p->peer, sizeof(p->peer));
    p->remote_as = nxos_jasn(row, "neighboras");
    p->msg_rcvd = ju_int(row, "msgrecvd");
    p->msg_sent = ju_int(row, "msgsent");
    p->up_down = nxos_json_duration(row, "time");
    if (ju_copy(row, "state", buf, sizeof(buf))) {
        FIELD_SET(p->raw_state, buf, -1);
        p->state = tu_bgp_state(buf, strlen(buf), &p->admin_down);
        if (tu_starts(buf, strlen(buf), "shut")) {
            p->state = BGP_STATE_IDLE;
            p->admin_down = true;
        }
    }
    if (p->state == BGP_STATE_ESTABLISHED)
        p->prefixes_received = ju_int(row, "prefixreceived");
    FIELD_SET(p->vrf, ctx->vrf, -1);
    FIELD_SET(p->router_id, ctx->router_id, -1);
    FIELD_SET(p->address_family, ctx->af, -1);
    p->local_as = ctx->local_as;
    parse_meta_t *m = parse_meta(run);
    if (!m->router_id[0] && ctx->router_id[0]) {
        FIELD_SET(m->router_id, ctx->router_id, -1);
        m->local_as = ctx->local_as;
        FIELD_SET(m->vrf, ctx->vrf, -1);
    }
    return parse_emit(run, &rec);
}

int nxos_json_bgp_summary(parse_run_t *run, const char *text, size_t len)
{
    return nxos_jbgp_load(run, text, len, "neighborid", nxos_jsum_row);
}

/* ---- neighbors ---- */

/* Per address family counts and policies live in TABLE_af/ROW_af/TABLE_saf/ROW_saf. */
static int nxos_jnei_af(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)run;
    bgp_neighbor_t *nb = ud;
    bool v4 = !ctx->af[0] || strcmp(ctx->af, "IPv4 Unicast") == 0 ||
              (ju_int(row, "af-safi") == 1 && ju_int(row, "af-afi") != 2);
    if (!v4 && nb->prefixes_accepted != MODEL_ABSENT)
        return 0;
    nb->prefixes_accepted = ju_int(row, "acceptedpaths");
    nb->prefixes_sent = ju_int(row, "sentpaths");
    ju_copy(row, "inpolicy", nb->inbound_policy, sizeof(nb->inbound_policy));
    ju_copy(row, "outpolicy", nb->outbound_policy, sizeof(nb->outbound_policy));
    ju_copy(row, "inpfxlist", nb->inbound_prefix_list, sizeof(nb->inbound_prefix_list));
    ju_copy(row, "outpfxlist", nb->outbound_prefix_list, sizeof(nb->outbound_prefix_list));
    return 0;
}


/* The more recent of "resettime"/"resetreason" (a reset by us: the NOTIFICATION the CE sent)
 * and "peerresettime"/"peerresetreason" (by the peer: received), as the text form's "Last
 * reset by us / by peer" lines. */
static void nxos_jnei_reset(const json_t *row, bgp_neighbor_t *nb)
{
    char us[DESC_LEN] = "", peer[DESC_LEN] = "";
    int64_t t_us = nxos_json_duration(row, "resettime"), t_peer = nxos_json_duration(row, "peerresettime");
    ju_copy(row, "resetreason", us, sizeof(us));
    ju_copy(row, "peerresetreason", peer, sizeof(peer));
    bool pick_us = t_peer == MODEL_ABSENT || (t_us != MODEL_ABSENT && t_us <= t_peer);
    const char *why = pick_us ? us : peer;
    nb->last_reset = pick_us ? t_us : t_peer;
    if (!why[0])
        return;
    FIELD_SET(nb->last_reset_reason, why, -1);
    if (strcasecmp(why, "No error") != 0) {
        FIELD_SET(nb->last_error, why, -1);
        FIELD_SET(nb->notification_dir, pick_us ? "sent" : "received", -1);
    }
}

static int nxos_jnei_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ud;
    record_t rec;
    record_init(&rec, KIND_BGP_NEIGHBORS);
    bgp_neighbor_t *nb = &rec.u.neighbor;
    char buf[DESC_LEN];
    ju_copy(row, "neighbor", nb->peer, sizeof(nb->peer));
    nb->remote_as = nxos_jasn(row, "remoteas");
    nb->local_as = nxos_jasn(row, "localas");
    if (nb->local_as == MODEL_ABSENT)
        nb->local_as = ctx->local_as;
    if (ju_copy(row, "state", buf, sizeof(buf))) {
        FIELD_SET(nb->raw_state, buf, -1);
        nb->state = tu_bgp_state(buf, strlen(buf), &nb->admin_down);
        if (tu_starts(buf, strlen(buf), "shut")) {
            nb->state = BGP_STATE_IDLE;
            nb->admin_down = true;
        }
    }
    ju_copy(row, "description", nb->description, sizeof(nb->description));
    ju_copy(row, "routerid", nb->remote_router_id, sizeof(nb->remote_router_id));
    bool up = nb->state == BGP_STATE_ESTABLISHED;
    (up ? &nb->hold_time : &nb->cfg_hold_time)[0] = ju_int(row, "holdtime");
    (up ? &nb->keepalive : &nb->cfg_keepalive)[0] = ju_int(row, "keepalivetime");
    ju_copy(row, "localaddr", nb->local_address, sizeof(nb->local_address));
    nb->local_port = ju_int(row, "localport");
    nb->remote_port = ju_int(row, "remoteport");
    /* Port 0 is NX-API's "no connection", not a port. */
    if (nb->local_port == 0)
        nb->local_port = MODEL_ABSENT;
    if (nb->remote_port == 0)
        nb->remote_port = MODEL_ABSENT;
    nb->msg_rcvd = ju_int(row, "msgrecvd");
    nb->msg_sent = ju_int(row, "msgsent");
    if (up)
        nb->up_down = nxos_json_duration(row, "elapsedtime");
    nxos_jnei_reset(row, nb);
    tristate_t md5 = ju_bool(row, "tcpmd5authconfigured");
    nb->md5 = md5 != TRI_ABSENT ? md5 : ju_bool(row, "md5");
    nb->bfd = ju_bool(row, "bfd");
    nb->max_prefixes = ju_int(row, "maxprefixes");
    FIELD_SET(nb->vrf, ctx->vrf, -1);
    json_t *af = json_object_get(row, "TABLE_af");
    if (af) {
        nxos_jctx_t sub = *ctx;
        sub.af[0] = '\0';
        nxos_json_walk(run, af, "acceptedpaths", sub, nxos_jnei_af, nb);
    }
    if (up)
        nb->prefixes_received = nb->prefixes_accepted;
    return parse_emit(run, &rec);
}

int nxos_json_bgp_neighbors(parse_run_t *run, const char *text, size_t len)
{
    return nxos_jbgp_load(run, text, len, "remoteas", nxos_jnei_row);
}

/* ---- table ---- */

static int nxos_jpath_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    const char *prefix = ud;
    record_t rec;
    record_init(&rec, KIND_BGP_TABLE);
    bgp_path_t *p = &rec.u.path;
    char buf[ASPATH_LEN];
    FIELD_SET(p->prefix, prefix, -1);
    if (!ju_copy(row, "ipnexthop", p->next_hop, sizeof(p->next_hop)))
        ju_copy(row, "ipv6nexthop", p->next_hop, sizeof(p->next_hop));
    p->metric = ju_int(row, "metric");
    p->local_pref = ju_int(row, "localpref");
    p->weight = ju_int(row, "weight");
    if (ju_copy(row, "aspath", buf, sizeof(buf))) {
        const char *s = buf;
        size_t n = strlen(buf);
        tu_trim(&s, &n);
        FIELD_SET(p->as_path, s, (long)n);
    }
    if (ju_copy(row, "origin", buf, sizeof(buf)))
        FIELD_SET(p->origin, buf[0] == 'i' ? "igp" : buf[0] == 'e' ? "egp" : "incomplete", -1);
    if (ju_copy(row, "statuscode", buf, sizeof(buf)))
        p->valid = strchr(buf, '*') ? TRI_TRUE : TRI_FALSE;
    if (ju_copy(row, "bestcode", buf, sizeof(buf)))
        p->best = strchr(buf, '>') ? TRI_TRUE : TRI_FALSE;
    else if (ju_copy(row, "best", buf, sizeof(buf)))
        p->best = strstr(buf, "best") ? TRI_TRUE : TRI_FALSE;
    FIELD_SET(p->vrf, ctx->vrf, -1);
    return parse_emit(run, &rec);
}

static int nxos_jprefix_row(parse_run_t *run, const json_t *row, const nxos_jctx_t *ctx, void *ud)
{
    (void)ud;
    char prefix[PREFIX_LEN], raw[PREFIX_LEN];
    if (!ju_copy(row, "ipprefix", raw, sizeof(raw)) && !ju_copy(row, "ipv6prefix", raw, sizeof(raw)))
        return 0;
    if (!tu_prefix(raw, strlen(raw), false, prefix, sizeof(prefix)))
        FIELD_SET(prefix, raw, -1);
    json_t *paths = json_object_get(row, "TABLE_path");
    /* IPv6 paths name their next hop "ipv6nexthop"; a prefix's paths are all of one family. */
    int rc = nxos_json_walk(run, paths, "ipnexthop", *ctx, nxos_jpath_row, prefix);
    return rc ? rc : nxos_json_walk(run, paths, "ipv6nexthop", *ctx, nxos_jpath_row, prefix);
}

int nxos_json_bgp_table(parse_run_t *run, const char *text, size_t len)
{
    return nxos_jbgp_load(run, text, len, "TABLE_path", nxos_jprefix_row);
}
