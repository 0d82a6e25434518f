/* record_check.c: range checks of every integer and RTT a record carries. */
#include "parsers/record_check.h"

#include <math.h>

#define U8 255
#define U16 65535
#define U32 4294967295LL
#define ANY INT64_MAX /* any count or duration that is not negative */

/* One pass over a record's numbers: fn sees each integer with its largest legal value. */
typedef struct {
    bool fix;       /* make bad values absent, or only count them */
    unsigned bad;
} visit_t;

static void num(visit_t *v, int64_t *x, int64_t max)
{
    if (*x == MODEL_ABSENT || (*x >= 0 && *x <= max))
        return;
    v->bad++;
    if (v->fix)
        *x = MODEL_ABSENT;
}

/* A run of consecutive int64_t fields, first..last, sharing one maximum. */
static void span(visit_t *v, int64_t *first, int64_t *last, int64_t max)
{
    for (int64_t *x = first; x <= last; x++)
        num(v, x, max);
}

static void next_hop(visit_t *v, next_hop_t *h)
{
    num(v, &h->distance, U32);
    num(v, &h->metric, ANY); /* EIGRP wide metrics do not fit 32 bits */
    num(v, &h->age, ANY);
}

static void route(visit_t *v, route_t *r)
{
    num(v, &r->distance, U32);
    num(v, &r->metric, ANY);
    num(v, &r->age, ANY);
    for (int i = 0; i < r->n_next_hops && i < MAX_NEXT_HOPS; i++)
        next_hop(v, &r->next_hops[i]);
}

static void rtt(visit_t *v, double *ms)
{
    if (*ms < 0)
        return; /* absent (NaN is not below zero: it is checked next) */
    if (isfinite(*ms) && *ms <= RECORD_MAX_RTT_MS)
        return;
    v->bad++;
    if (v->fix)
        *ms = -1.0;
}

static void hop(visit_t *v, trace_hop_t *h)
{
    num(v, &h->ttl, U8);
    for (int i = 0; i < h->n_probes && i < MAX_PROBES; i++)
        rtt(v, &h->probes[i].rtt_ms);
}

static void ping(visit_t *v, ping_result_t *p)
{
    span(v, &p->sent, &p->received, ANY);
    rtt(v, &p->rtt_min_ms);
    rtt(v, &p->rtt_avg_ms);
    rtt(v, &p->rtt_max_ms);
}

static void neighbor(visit_t *v, bgp_neighbor_t *n)
{
    span(v, &n->remote_as, &n->local_as, U32);
    span(v, &n->local_port, &n->remote_port, U16);
    span(v, &n->hold_time, &n->cfg_keepalive, U16);
    num(v, &n->last_reset, ANY);
    span(v, &n->notification_code, &n->notification_subcode, U8);
    span(v, &n->prefixes_received, &n->prefixes_sent, ANY);
    num(v, &n->max_prefixes, U32);
    span(v, &n->msg_rcvd, &n->up_down, ANY);
    span(v, &n->conn_established, &n->conn_dropped, ANY);
}

static void bgp_config(visit_t *v, bgp_config_neighbor_t *c)
{
    num(v, &c->local_as, U32);
    num(v, &c->remote_as, U32);
    span(v, &c->keepalive, &c->hold_time, U16);
    num(v, &c->max_prefixes, U32);
    num(v, &c->ebgp_multihop, U8);
}

static void iface(visit_t *v, iface_t *f)
{
    num(v, &f->mtu, U32);
    num(v, &f->bandwidth_kbps, ANY);
    span(v, &f->in_packets, &f->overrun, ANY);
    span(v, &f->in_discards, &f->resets, ANY);
    span(v, &f->in_rate_bps, &f->out_rate_bps, ANY);
    num(v, &f->last_flapped, ANY);
}

static void visit(visit_t *v, record_t *rec)
{
    switch (rec->kind) {
    case KIND_INTERFACES: iface(v, &rec->u.iface); break;
    case KIND_BGP_SUMMARY:
        span(v, &rec->u.peer.remote_as, &rec->u.peer.local_as, U32);
        span(v, &rec->u.peer.prefixes_received, &rec->u.peer.msg_sent, ANY);
        break;
    case KIND_BGP_NEIGHBORS: neighbor(v, &rec->u.neighbor); break;
    case KIND_ROUTES: route(v, &rec->u.route); break;
    case KIND_BGP_TABLE: span(v, &rec->u.path.metric, &rec->u.path.weight, U32); break;
    case KIND_TRACEROUTE: hop(v, &rec->u.hop); break;
    case KIND_ARP: num(v, &rec->u.arp.age, ANY); break;
    case KIND_PREFIX_LISTS:
        num(v, &rec->u.prefix_list.seq, U32);
        span(v, &rec->u.prefix_list.ge, &rec->u.prefix_list.le, 128);
        break;
    case KIND_ROUTE_MAPS: num(v, &rec->u.route_map.seq, U32); break;
    case KIND_BGP_CONFIG: bgp_config(v, &rec->u.bgp_config); break;
    case KIND_BFD:
        span(v, &rec->u.bfd.tx_interval_ms, &rec->u.bfd.rx_interval_ms, U32);
        num(v, &rec->u.bfd.multiplier, U8);
        num(v, &rec->u.bfd.up_time, ANY);
        break;
    case KIND_VERSION: num(v, &rec->u.version.uptime, ANY); break;
    case KIND_ROUTE_SUMMARY:
        span(v, &rec->u.route_summary.routes, &rec->u.route_summary.active_routes, ANY);
        break;
    case KIND_COMMUNITY_LISTS: num(v, &rec->u.community_list.seq, U32); break;
    case KIND_TCP_TEST: num(v, &rec->u.tcp_test.port, U16); break;
    case KIND_PING: ping(v, &rec->u.ping); break;
    default: break;
    }
}

bool record_in_range(const record_t *rec)
{
    visit_t v = {.fix = false, .bad = 0};
    /* Counting only: nothing is written through the cast. */
    visit(&v, (record_t *)rec);
    return v.bad == 0;
}

unsigned record_drop_out_of_range(record_t *rec)
{
    visit_t v = {.fix = true, .bad = 0};
    visit(&v, rec);
    return v.bad;
}

unsigned meta_drop_out_of_range(parse_meta_t *meta)
{
    visit_t v = {.fix = true, .bad = 0};
    num(&v, &meta->local_as, U32);
    return v.bad;
}
