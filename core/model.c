/* model.c: initialisers and names for the typed model. */
#include "core/model.h"

#include <string.h>

/* Sets every int64_t field of a struct to MODEL_ABSENT.  The structs keep their integers in
 * runs, so the initialisers below list the runs rather than every field by name. */
static void absent_run(int64_t *first, size_t count)
{
    for (size_t i = 0; i < count; i++)
        first[i] = MODEL_ABSENT;
}

#define ABSENT_RANGE(s, from, to) \
    absent_run(&(s)->from, (size_t)(&(s)->to - &(s)->from) + 1)

void next_hop_init(next_hop_t *nh)
{
    memset(nh, 0, sizeof(*nh));
    nh->distance = nh->metric = nh->age = MODEL_ABSENT;
}

void trace_probe_init(trace_probe_t *p)
{
    memset(p, 0, sizeof(*p));
    p->rtt_ms = -1.0;
}

static void iface_init(iface_t *f)
{
    f->mtu = f->bandwidth_kbps = MODEL_ABSENT;
    ABSENT_RANGE(f, in_packets, overrun);
    ABSENT_RANGE(f, in_discards, resets);
    f->in_rate_bps = f->out_rate_bps = f->last_flapped = MODEL_ABSENT;
}

static void neighbor_init(bgp_neighbor_t *n)
{
    n->remote_as = n->local_as = MODEL_ABSENT;
    n->local_port = n->remote_port = MODEL_ABSENT;
    ABSENT_RANGE(n, hold_time, cfg_keepalive);
    n->last_reset = MODEL_ABSENT;
    n->notification_code = n->notification_subcode = MODEL_ABSENT;
    ABSENT_RANGE(n, prefixes_received, up_down);
    n->conn_established = n->conn_dropped = MODEL_ABSENT;
}

static void bgp_config_init(bgp_config_neighbor_t *c)
{
    c->local_as = c->remote_as = MODEL_ABSENT;
    c->keepalive = c->hold_time = c->max_prefixes = c->ebgp_multihop = MODEL_ABSENT;
}

void record_init(record_t *rec, kind_t kind)
{
    memset(rec, 0, sizeof(*rec));
    rec->kind = kind;
    switch (kind) {
    case KIND_INTERFACES: iface_init(&rec->u.iface); break;
    case KIND_BGP_SUMMARY: {
        bgp_peer_t *p = &rec->u.peer;
        p->remote_as = p->local_as = MODEL_ABSENT;
        ABSENT_RANGE(p, prefixes_received, msg_sent);
        break;
    }
    case KIND_BGP_NEIGHBORS: neighbor_init(&rec->u.neighbor); break;
    case KIND_ROUTES:
        rec->u.route.distance = rec->u.route.metric = rec->u.route.age = MODEL_ABSENT;
        break;
    case KIND_BGP_TABLE: ABSENT_RANGE(&rec->u.path, metric, weight); break;
    case KIND_TRACEROUTE: rec->u.hop.ttl = MODEL_ABSENT; break;
    case KIND_ARP: rec->u.arp.age = MODEL_ABSENT; break;
    case KIND_PREFIX_LISTS:
        rec->u.prefix_list.seq = rec->u.prefix_list.ge = rec->u.prefix_list.le = MODEL_ABSENT;
        rec->u.prefix_list.hits = MODEL_ABSENT;
        break;
    case KIND_ROUTE_MAPS: rec->u.route_map.seq = MODEL_ABSENT; break;
    case KIND_BGP_CONFIG: bgp_config_init(&rec->u.bgp_config); break;
    case KIND_BFD: ABSENT_RANGE(&rec->u.bfd, tx_interval_ms, up_time); break;
    case KIND_VERSION: rec->u.version.uptime = MODEL_ABSENT; break;
    case KIND_ROUTE_SUMMARY:
        rec->u.route_summary.routes = rec->u.route_summary.active_routes = MODEL_ABSENT;
        break;
    case KIND_COMMUNITY_LISTS: rec->u.community_list.seq = MODEL_ABSENT; break;
    case KIND_TCP_TEST: rec->u.tcp_test.port = MODEL_ABSENT; break;
    case KIND_PING:
        rec->u.ping.sent = rec->u.ping.received = MODEL_ABSENT;
        rec->u.ping.rtt_min_ms = rec->u.ping.rtt_avg_ms = rec->u.ping.rtt_max_ms = -1.0;
        break;
    default: break;
    }
}

void meta_init(parse_meta_t *meta)
{
    memset(meta, 0, sizeof(*meta));
    meta->local_as = MODEL_ABSENT;
}

static const struct {
    const char *name, *list_key;
} kind_names[KIND_COUNT] = {
    [KIND_NONE] = {"none", "records"},
    [KIND_INTERFACES] = {"interfaces", "interfaces"},
    [KIND_BGP_SUMMARY] = {"bgp_summary", "neighbors"},
    [KIND_BGP_NEIGHBORS] = {"bgp_neighbors", "neighbors"},
    [KIND_ROUTES] = {"routes", "routes"},
    [KIND_BGP_TABLE] = {"bgp_table", "routes"},
    [KIND_TRACEROUTE] = {"traceroute", "hops"},
    [KIND_ARP] = {"arp", "entries"},
    [KIND_PREFIX_LISTS] = {"prefix_lists", "entries"},
    [KIND_ROUTE_MAPS] = {"route_maps", "entries"},
    [KIND_BGP_CONFIG] = {"bgp_config", "neighbors"},
    [KIND_BFD] = {"bfd", "sessions"},
    [KIND_VERSION] = {"version", "records"},
    [KIND_EFFECTIVE_ROUTES] = {"effective_routes", "routes"},
    [KIND_ROUTE_SUMMARY] = {"route_summary", "tables"},
    [KIND_COMMUNITY_LISTS] = {"community_lists", "entries"},
    [KIND_TCP_TEST] = {"tcp_test", "results"},
    [KIND_PING] = {"ping", "results"},
};

const char *kind_name(kind_t kind)
{
    return kind < KIND_COUNT && kind_names[kind].name ? kind_names[kind].name : "none";
}

const char *kind_list_key(kind_t kind)
{
    return kind < KIND_COUNT && kind_names[kind].list_key ? kind_names[kind].list_key : "records";
}

const char *bgp_state_name(bgp_state_t state)
{
    static const char *const names[] = {
        [BGP_STATE_ABSENT] = NULL, [BGP_STATE_IDLE] = "Idle",
        [BGP_STATE_CONNECT] = "Connect", [BGP_STATE_ACTIVE] = "Active",
        [BGP_STATE_OPENSENT] = "OpenSent", [BGP_STATE_OPENCONFIRM] = "OpenConfirm",
        [BGP_STATE_ESTABLISHED] = "Established",
    };
    return state <= BGP_STATE_ESTABLISHED ? names[state] : NULL;
}

const char *updown_name(updown_t v)
{
    return v == UPDOWN_UP ? "up" : v == UPDOWN_DOWN ? "down" : NULL;
}

void field_set(char *dst, size_t size, const char *src, long len)
{
    if (size == 0)
        return;
    size_t n = len < 0 ? strlen(src) : (size_t)len;
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}
