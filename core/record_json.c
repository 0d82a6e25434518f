/* record_json.c: model records -> JSON objects, one writer function per kind. */
#include "core/record_json.h"

#include <stdio.h>
#include <string.h>

#include "core/redact.h"

/* Text a device wrote freely (descriptions, policy clauses, error strings) can quote a secret
 * ("description password 7 ..."): it goes out redacted, like every raw line erdiag shows. */
static void text_string(json_stream_t *js, const char *text)
{
    char clean[DESC_LEN * 2];
    snprintf(clean, sizeof(clean), "%s", text);
    redact_inplace(clean, sizeof(clean));
    js_string(js, clean);
}

static void kv_text(json_stream_t *js, const char *key, const char *text)
{
    if (text && *text) {
        js_key(js, key);
        text_string(js, text);
    }
}

static void kv_updown(json_stream_t *js, const char *key, updown_t v)
{
    if (v != UPDOWN_ABSENT)
        js_kv_str(js, key, updown_name(v));
}

static void kv_tri(json_stream_t *js, const char *key, tristate_t v)
{
    if (v != TRI_ABSENT)
        js_kv_bool(js, key, v == TRI_TRUE);
}

static void kv_state(json_stream_t *js, bgp_state_t state, bool admin_down, const char *raw)
{
    if (state != BGP_STATE_ABSENT)
        js_kv_str(js, "state", bgp_state_name(state));
    if (admin_down)
        js_kv_bool(js, "admin_down", true);
    js_kv_str(js, "raw_state", raw);
}

static void string_list(json_stream_t *js, const char *key, const char (*items)[PREFIX_LEN], int n)
{
    if (n <= 0)
        return;
    js_key(js, key);
    js_begin_array(js);
    for (int i = 0; i < n; i++)
        js_string(js, items[i]);
    js_end_array(js);
}

static void write_iface(json_stream_t *js, const iface_t *f)
{
    js_kv_str(js, "name", f->name);
    kv_text(js, "description", f->description);
    kv_updown(js, "admin_status", f->admin_status);
    kv_updown(js, "oper_status", f->oper_status);
    kv_updown(js, "protocol_status", f->protocol_status);
    js_kv_str(js, "raw_status", f->raw_status);
    js_kv_int(js, "mtu", f->mtu);
    js_kv_int(js, "bandwidth_kbps", f->bandwidth_kbps);
    js_kv_str(js, "mac", f->mac);
    string_list(js, "ipv4", f->ipv4, f->n_ipv4);
    string_list(js, "ipv6", f->ipv6, f->n_ipv6);
    js_kv_str(js, "vrf", f->vrf);
    static const struct {
        const char *key;
        size_t off;
    } counters[] = {
        {"in_packets", offsetof(iface_t, in_packets)}, {"out_packets", offsetof(iface_t, out_packets)},
        {"in_errors", offsetof(iface_t, in_errors)}, {"out_errors", offsetof(iface_t, out_errors)},
        {"crc", offsetof(iface_t, crc)}, {"frame", offsetof(iface_t, frame)},
        {"overrun", offsetof(iface_t, overrun)}, {"in_discards", offsetof(iface_t, in_discards)},
        {"out_discards", offsetof(iface_t, out_discards)},
        {"carrier_transitions", offsetof(iface_t, carrier_transitions)},
        {"resets", offsetof(iface_t, resets)}, {"in_rate_bps", offsetof(iface_t, in_rate_bps)},
        {"out_rate_bps", offsetof(iface_t, out_rate_bps)}, {"last_flapped", offsetof(iface_t, last_flapped)},
    };
    for (size_t i = 0; i < sizeof(counters) / sizeof(counters[0]); i++)
        js_kv_int(js, counters[i].key, *(const int64_t *)((const char *)f + counters[i].off));
}

static void write_peer(json_stream_t *js, const bgp_peer_t *p)
{
    js_kv_str(js, "peer", p->peer);
    js_kv_int(js, "remote_as", p->remote_as);
    kv_state(js, p->state, p->admin_down, p->raw_state);
    js_kv_int(js, "prefixes_received", p->prefixes_received);
    js_kv_int(js, "prefixes_accepted", p->prefixes_accepted);
    js_kv_int(js, "up_down", p->up_down);
    js_kv_int(js, "msg_rcvd", p->msg_rcvd);
    js_kv_int(js, "msg_sent", p->msg_sent);
    js_kv_str(js, "vrf", p->vrf);
    kv_text(js, "description", p->description);
    js_kv_str(js, "router_id", p->router_id);
    js_kv_int(js, "local_as", p->local_as);
    js_kv_str(js, "address_family", p->address_family);
}

static void write_neighbor(json_stream_t *js, const bgp_neighbor_t *n)
{
    js_kv_str(js, "peer", n->peer);
    js_kv_int(js, "remote_as", n->remote_as);
    js_kv_int(js, "local_as", n->local_as);
    kv_state(js, n->state, n->admin_down, n->raw_state);
    kv_text(js, "description", n->description);
    js_kv_str(js, "remote_router_id", n->remote_router_id);
    js_kv_str(js, "local_address", n->local_address);
    js_kv_int(js, "local_port", n->local_port);
    js_kv_int(js, "remote_port", n->remote_port);
    js_kv_int(js, "hold_time", n->hold_time);
    js_kv_int(js, "keepalive", n->keepalive);
    js_kv_int(js, "cfg_hold_time", n->cfg_hold_time);
    js_kv_int(js, "cfg_keepalive", n->cfg_keepalive);
    kv_tri(js, "md5", n->md5);
    kv_tri(js, "bfd", n->bfd);
    js_kv_int(js, "last_reset", n->last_reset);
    kv_text(js, "last_reset_reason", n->last_reset_reason);
    kv_text(js, "last_error", n->last_error);
    js_kv_int(js, "notification_code", n->notification_code);
    js_kv_int(js, "notification_subcode", n->notification_subcode);
    js_kv_str(js, "notification_dir", n->notification_dir);
    js_kv_str(js, "inbound_policy", n->inbound_policy);
    js_kv_str(js, "outbound_policy", n->outbound_policy);
    js_kv_str(js, "inbound_prefix_list", n->inbound_prefix_list);
    js_kv_str(js, "outbound_prefix_list", n->outbound_prefix_list);
    js_kv_int(js, "prefixes_received", n->prefixes_received);
    js_kv_int(js, "prefixes_accepted", n->prefixes_accepted);
    js_kv_int(js, "prefixes_sent", n->prefixes_sent);
    js_kv_int(js, "max_prefixes", n->max_prefixes);
    js_kv_int(js, "msg_rcvd", n->msg_rcvd);
    js_kv_int(js, "msg_sent", n->msg_sent);
    js_kv_int(js, "up_down", n->up_down);
    js_kv_int(js, "connections_established", n->conn_established);
    js_kv_int(js, "connections_dropped", n->conn_dropped);
    js_kv_str(js, "vrf", n->vrf);
}

static void write_route(json_stream_t *js, const route_t *r)
{
    js_kv_str(js, "prefix", r->prefix);
    js_kv_str(js, "protocol", r->protocol);
    js_kv_str(js, "raw_protocol", r->raw_protocol);
    js_kv_int(js, "distance", r->distance);
    js_kv_int(js, "metric", r->metric);
    js_kv_int(js, "age", r->age);
    js_kv_str(js, "vrf", r->vrf);
    kv_tri(js, "best", r->best);
    js_key(js, "next_hops");
    js_begin_array(js);
    for (int i = 0; i < r->n_next_hops; i++) {
        const next_hop_t *nh = &r->next_hops[i];
        js_begin_object(js);
        js_kv_str(js, "address", nh->address);
        js_kv_str(js, "interface", nh->interface);
        js_kv_str(js, "vrf", nh->vrf);
        js_kv_str(js, "protocol", nh->protocol);
        js_kv_int(js, "distance", nh->distance);
        js_kv_int(js, "metric", nh->metric);
        js_kv_int(js, "age", nh->age);
        js_end_object(js);
    }
    js_end_array(js);
}

static void write_path(json_stream_t *js, const bgp_path_t *p)
{
    js_kv_str(js, "prefix", p->prefix);
    js_kv_str(js, "next_hop", p->next_hop);
    js_kv_int(js, "metric", p->metric);
    js_kv_int(js, "local_pref", p->local_pref);
    js_kv_int(js, "weight", p->weight);
    /* An empty AS path is a real value (a locally originated route), so it is always written. */
    js_key(js, "as_path");
    js_string(js, p->as_path);
    js_kv_str(js, "origin", p->origin);
    kv_tri(js, "best", p->best);
    kv_tri(js, "valid", p->valid);
    js_kv_str(js, "communities", p->communities);
    js_kv_str(js, "vrf", p->vrf);
    js_kv_str(js, "neighbor", p->neighbor);
}

static void write_hop(json_stream_t *js, const trace_hop_t *h)
{
    js_kv_int(js, "ttl", h->ttl);
    js_key(js, "probes");
    js_begin_array(js);
    for (int i = 0; i < h->n_probes; i++) {
        const trace_probe_t *p = &h->probes[i];
        js_begin_object(js);
        js_kv_str(js, "address", p->address);
        js_kv_str(js, "name", p->name);
        if (p->rtt_ms >= 0) {
            js_key(js, "rtt_ms");
            js_double(js, p->rtt_ms);
        }
        js_kv_str(js, "annotation", p->annotation);
        js_end_object(js);
    }
    js_end_array(js);
}

static void write_arp(json_stream_t *js, const arp_entry_t *a)
{
    js_kv_str(js, "address", a->address);
    js_kv_str(js, "mac", a->mac);
    js_kv_str(js, "interface", a->interface);
    js_kv_int(js, "age", a->age);
    if (a->incomplete)
        js_kv_bool(js, "incomplete", true);
    js_kv_str(js, "state", a->state);
    js_kv_str(js, "vrf", a->vrf);
}

static void write_prefix_list(json_stream_t *js, const prefix_list_entry_t *e)
{
    js_kv_str(js, "name", e->name);
    js_kv_int(js, "seq", e->seq);
    js_kv_str(js, "action", e->permit ? "permit" : "deny");
    js_kv_str(js, "prefix", e->prefix);
    js_kv_int(js, "ge", e->ge);
    js_kv_int(js, "le", e->le);
    js_kv_int(js, "hits", e->hits);
    js_kv_str(js, "afi", e->ipv6 ? "ipv6" : "ipv4");
}

static void clause_list(json_stream_t *js, const char *key, const char (*items)[DESC_LEN / 2], int n)
{
    js_key(js, key);
    js_begin_array(js);
    for (int i = 0; i < n; i++)
        text_string(js, items[i]);
    js_end_array(js);
}

static void write_route_map(json_stream_t *js, const route_map_entry_t *e)
{
    js_kv_str(js, "name", e->name);
    js_kv_int(js, "seq", e->seq);
    js_kv_str(js, "term", e->term);
    js_kv_str(js, "action", e->permit ? "permit" : "deny");
    clause_list(js, "match", e->match, e->n_match);
    clause_list(js, "set", e->set, e->n_set);
}

static void write_bgp_config(json_stream_t *js, const bgp_config_neighbor_t *c)
{
    js_kv_str(js, "peer", c->peer);
    js_kv_int(js, "remote_as", c->remote_as);
    js_kv_int(js, "local_as", c->local_as);
    js_kv_str(js, "router_id", c->router_id);
    js_kv_str(js, "vrf", c->vrf);
    kv_text(js, "description", c->description);
    js_kv_str(js, "peer_group", c->peer_group);
    kv_tri(js, "md5", c->md5);
    kv_tri(js, "bfd", c->bfd);
    kv_tri(js, "shutdown", c->shutdown);
    js_kv_int(js, "keepalive", c->keepalive);
    js_kv_int(js, "hold_time", c->hold_time);
    js_kv_str(js, "inbound_policy", c->inbound_policy);
    js_kv_str(js, "outbound_policy", c->outbound_policy);
    js_kv_str(js, "inbound_prefix_list", c->inbound_prefix_list);
    js_kv_str(js, "outbound_prefix_list", c->outbound_prefix_list);
    js_kv_int(js, "max_prefixes", c->max_prefixes);
    js_kv_str(js, "update_source", c->update_source);
    js_kv_int(js, "ebgp_multihop", c->ebgp_multihop);
}

static void write_bfd(json_stream_t *js, const bfd_session_t *b)
{
    js_kv_str(js, "peer", b->peer);
    js_kv_str(js, "local", b->local);
    js_kv_str(js, "interface", b->interface);
    kv_updown(js, "state", b->state);
    js_kv_str(js, "raw_state", b->raw_state);
    js_kv_int(js, "tx_interval_ms", b->tx_interval_ms);
    js_kv_int(js, "rx_interval_ms", b->rx_interval_ms);
    js_kv_int(js, "multiplier", b->multiplier);
    js_kv_int(js, "up_time", b->up_time);
    js_kv_str(js, "vrf", b->vrf);
}

void record_json_version_members(json_stream_t *js, const version_t *v)
{
    js_kv_str(js, "hostname", v->hostname);
    js_kv_str(js, "os", v->os);
    js_kv_str(js, "version", v->version);
    js_kv_str(js, "model", v->model);
    js_kv_str(js, "serial", v->serial);
    js_kv_str(js, "image", v->image);
    js_kv_int(js, "uptime", v->uptime);
}

static void write_effective_route(json_stream_t *js, const effective_route_t *e)
{
    js_kv_str(js, "name", e->name);
    js_kv_str(js, "source", e->source);
    js_kv_str(js, "state", e->state);
    string_list(js, "prefixes", e->prefixes, e->n_prefixes);
    js_kv_str(js, "next_hop_type", e->next_hop_type);
    js_kv_str(js, "next_hop", e->next_hop);
}

static void write_route_summary(json_stream_t *js, const route_summary_t *s)
{
    js_kv_str(js, "table", s->table);
    js_kv_str(js, "protocol", s->protocol);
    js_kv_int(js, "routes", s->routes);
    js_kv_int(js, "active_routes", s->active_routes);
}

static void write_community_list(json_stream_t *js, const community_list_entry_t *c)
{
    js_kv_str(js, "name", c->name);
    js_kv_int(js, "seq", c->seq);
    js_kv_str(js, "action", c->permit ? "permit" : "deny");
    js_kv_str(js, "type", c->type);
    js_kv_str(js, "value", c->value);
}

static void write_tcp_test(json_stream_t *js, const tcp_test_t *t)
{
    js_kv_str(js, "target", t->target);
    js_kv_int(js, "port", t->port);
    js_kv_str(js, "result", t->result);
    js_kv_str(js, "raw", t->raw);
}

/* A record whose block held lines the parser could not read says so itself, with the line
 * numbers (the first RECORD_MAX_SKIPPED, and how many in all when there were more). */
static void write_partial(json_stream_t *js, const record_t *rec)
{
    if (!rec->partial)
        return;
    js_kv_bool(js, "partial", true);
    js_key(js, "skipped_lines");
    js_begin_array(js);
    for (uint32_t i = 0; i < rec->n_skipped && i < RECORD_MAX_SKIPPED; i++)
        js_int(js, (int64_t)rec->skipped[i]);
    js_end_array(js);
    if (rec->n_skipped > RECORD_MAX_SKIPPED)
        js_kv_int(js, "skipped_total", (int64_t)rec->n_skipped);
}

static void kv_ms(json_stream_t *js, const char *key, double ms)
{
    if (ms >= 0) {
        js_key(js, key);
        js_double(js, ms);
    }
}

static void write_ping(json_stream_t *js, const ping_result_t *p)
{
    js_kv_str(js, "target", p->target);
    js_kv_int(js, "sent", p->sent);
    js_kv_int(js, "received", p->received);
    kv_ms(js, "rtt_min_ms", p->rtt_min_ms);
    kv_ms(js, "rtt_avg_ms", p->rtt_avg_ms);
    kv_ms(js, "rtt_max_ms", p->rtt_max_ms);
    js_kv_str(js, "raw", p->raw);
}

void record_json_write(json_stream_t *js, const record_t *rec)
{
    js_begin_object(js);
    switch (rec->kind) {
    case KIND_INTERFACES: write_iface(js, &rec->u.iface); break;
    case KIND_BGP_SUMMARY: write_peer(js, &rec->u.peer); break;
    case KIND_BGP_NEIGHBORS: write_neighbor(js, &rec->u.neighbor); break;
    case KIND_ROUTES: write_route(js, &rec->u.route); break;
    case KIND_BGP_TABLE: write_path(js, &rec->u.path); break;
    case KIND_TRACEROUTE: write_hop(js, &rec->u.hop); break;
    case KIND_ARP: write_arp(js, &rec->u.arp); break;
    case KIND_PREFIX_LISTS: write_prefix_list(js, &rec->u.prefix_list); break;
    case KIND_ROUTE_MAPS: write_route_map(js, &rec->u.route_map); break;
    case KIND_BGP_CONFIG: write_bgp_config(js, &rec->u.bgp_config); break;
    case KIND_BFD: write_bfd(js, &rec->u.bfd); break;
    case KIND_VERSION: record_json_version_members(js, &rec->u.version); break;
    case KIND_EFFECTIVE_ROUTES: write_effective_route(js, &rec->u.effective_route); break;
    case KIND_ROUTE_SUMMARY: write_route_summary(js, &rec->u.route_summary); break;
    case KIND_COMMUNITY_LISTS: write_community_list(js, &rec->u.community_list); break;
    case KIND_TCP_TEST: write_tcp_test(js, &rec->u.tcp_test); break;
    case KIND_PING: write_ping(js, &rec->u.ping); break;
    default: break;
    }
    write_partial(js, rec);
    js_end_object(js);
}

void record_json_meta_members(json_stream_t *js, const parse_meta_t *meta)
{
    js_kv_str(js, "router_id", meta->router_id);
    js_kv_int(js, "local_as", meta->local_as);
    js_kv_str(js, "vrf", meta->vrf);
    js_kv_str(js, "target", meta->target);
    js_kv_str(js, "target_name", meta->target_name);
}
