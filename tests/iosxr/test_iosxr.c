/* test_iosxr.c: Cisco IOS-XR parsers against fixtures in tests/fixtures/iosxr/.
 *
 * Every parser has a normal fixture (checked value by value below) and, derived from it by
 * tests/iosxr/mkvariants.py, the same capture with CRLF line ends, --More-- residue, ANSI
 * escapes, a login banner with echoed command, and a cut mid-line; plus an empty answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

typedef struct {
    const char *base, *command;
} xr_case_t;

static const xr_case_t cases[] = {
    {"interfaces", "show interfaces"},
    {"int_brief", "show interface brief"},
    {"ip_int_brief", "show ipv4 vrf all interface brief"},
    {"bgp_summary", "show bgp summary"},
    {"bgp_neighbors", "show bgp neighbors"},
    {"bgp_table", "show bgp"},
    {"bgp_prefix", "show bgp vrf BLUE 10.1.0.0/16"},
    {"advertised", "show bgp vrf all neighbors 192.168.200.130 advertised-routes"},
    {"route", "show route"},
    {"route_next_hop", "show route ipv4 next-hop 192.168.100.130"},
    {"arp", "show arp"},
    {"arp_detail", "show arp detail"},
    {"bfd", "show bfd sessions"},
    {"version", "show version"},
    {"bgp_config", "show running-config router bgp"},
    {"route_policy", "show rpl route-policy"},
    {"prefix_set", "show rpl prefix-set"},
    {"traceroute", "traceroute 10.1.0.4"},
    /* IPv6 (issue 12): the ExpressRoute /126, customer ::1, Microsoft ::2 */
    {"v6_bgp_summary", "show bgp ipv6 unicast summary"},
    {"v6_bgp_neighbors", "show bgp neighbors 2001:db8:c0de::2"},
    {"v6_bgp_prefix", "show bgp ipv6 unicast 2001:db8:1::/48"},
    {"v6_advertised", "show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes"},
    {"v6_route", "show route ipv6"},
    {"v6_route_entry", "show route ipv6 2001:db8:1::/48"},
    {"v6_nd", "show ipv6 neighbors"},
    {"v6_int_brief", "show ipv6 interface brief"},
    {"ipv4_int", "show ipv4 vrf all interface"},
    {"route_summary", "show route summary"},
};

static parsed_t *xr(const char *command, const char *base, const char *variant)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "iosxr/%s%s.txt", base, variant);
    return th_parse_fixture("iosxr", command, rel);
}

/* The records and top-level fields: the JSON up to the run statistics. */
static size_t records_len(const parsed_t *p)
{
    const char *end = strstr(p->json, ",\"partial\"");
    assert_non_null(end);
    return (size_t)(end - p->json);
}

/* Terminal noise changes nothing in what is read; a cut is reported; empty is empty. */
static void capture_variants(void **state)
{
    (void)state;
    static const char *const noisy[] = {"_crlf", "_more", "_ansi", "_banner"};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const xr_case_t *c = &cases[i];
        parsed_t *normal = xr(c->command, c->base, "");
        assert_true(normal->n > 0);
        assert_false(normal->partial);
        assert_int_equal(normal->n_skipped, 0);
        for (size_t v = 0; v < sizeof(noisy) / sizeof(noisy[0]); v++) {
            parsed_t *p = xr(c->command, c->base, noisy[v]);
            if (p->partial || p->n != normal->n || records_len(p) != records_len(normal) ||
                memcmp(p->json, normal->json, records_len(p)) != 0)
                fail_msg("%s%s differs from %s:\n%s\n%s", c->base, noisy[v], c->base, p->json, normal->json);
            th_free(p);
        }
        parsed_t *cut = xr(c->command, c->base, "_trunc");
        if (!cut->partial || cut->n > normal->n)
            fail_msg("%s_trunc: partial %d, %zu records of %zu", c->base, cut->partial, cut->n, normal->n);
        th_free(cut);
        parsed_t *empty = xr(c->command, c->base, "_empty");
        assert_int_equal(empty->n, 0);
        assert_false(empty->partial);
        assert_false(empty->failed);
        th_free(empty);
        th_free(normal);
    }
}

static void split_invariance(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char rel[128];
        size_t len;
        snprintf(rel, sizeof(rel), "iosxr/%s_banner.txt", cases[i].base);
        char *text = th_read_fixture(rel, &len);
        th_assert_split_invariant("iosxr", cases[i].command, text, 7);
        free(text);
    }
}

static void interfaces_detail(void **state)
{
    (void)state;
    parsed_t *p = xr("show interfaces GigabitEthernet0/0/0/0", "interfaces", "");
    assert_int_equal(p->n, 3);
    const iface_t *g = &th_must_find(p, "GigabitEthernet0/0/0/0")->u.iface;
    assert_string_equal(g->description, "ExpressRoute primary to MSEE");
    assert_string_equal(g->ipv4[0], "192.168.100.129/30");
    assert_string_equal(g->mac, "50:87:89:66:53:29");
    assert_int_equal(g->mtu, 1514);
    assert_int_equal(g->bandwidth_kbps, 1000000);
    assert_int_equal(g->carrier_transitions, 3);
    assert_int_equal(g->crc, 15);
    assert_int_equal(g->frame, 2);
    assert_int_equal(g->in_errors, 17);
    assert_int_equal(g->in_discards, 12);
    assert_int_equal(g->resets, 1);
    assert_int_equal(g->in_packets, 1234567);
    assert_int_equal(g->out_packets, 7654321);
    assert_int_equal(g->in_rate_bps, 2000);
    assert_int_equal(g->out_rate_bps, 1000);
    assert_int_equal(g->last_flapped, 9 * 86400);
    const iface_t *s = &th_must_find(p, "GigabitEthernet0/0/0/1")->u.iface;
    assert_int_equal(s->admin_status, UPDOWN_DOWN);
    assert_int_equal(s->oper_status, UPDOWN_DOWN);
    assert_string_equal(s->raw_status, "administratively down");
    const iface_t *lo = &th_must_find(p, "Loopback0")->u.iface;
    assert_int_equal(lo->in_packets, MODEL_ABSENT);
    assert_int_equal(lo->last_flapped, 21 * 86400);
    th_free(p);
}

static void interface_briefs(void **state)
{
    (void)state;
    parsed_t *p = xr("sh int br", "int_brief", "");
    assert_int_equal(p->n, 4);
    const iface_t *g1 = &th_must_find(p, "Gi0/0/0/1")->u.iface;
    assert_int_equal(g1->admin_status, UPDOWN_DOWN);
    assert_string_equal(g1->raw_status, "admin-down");
    const iface_t *sub = &th_must_find(p, "Gi0/0/0/0.100")->u.iface;
    assert_int_equal(sub->protocol_status, UPDOWN_DOWN);
    assert_int_equal(sub->mtu, 1518);
    th_free(p);
    p = xr("show ip interface brief", "ip_int_brief", "");
    assert_int_equal(p->n, 5);
    const iface_t *shut = &th_must_find(p, "GigabitEthernet0/0/0/1")->u.iface;
    assert_int_equal(shut->admin_status, UPDOWN_DOWN);
    assert_string_equal(shut->raw_status, "Shutdown");
    const iface_t *blue = &th_must_find(p, "GigabitEthernet0/0/0/2.200")->u.iface;
    assert_string_equal(blue->vrf, "BLUE");
    assert_string_equal(blue->ipv4[0], "192.168.200.129");
    assert_int_equal(th_must_find(p, "GigabitEthernet0/0/0/3")->u.iface.n_ipv4, 0);
    th_free(p);
}

static void bgp_summary(void **state)
{
    (void)state;
    parsed_t *p = xr("show bgp ipv4 unicast summary", "bgp_summary", "");
    assert_int_equal(p->n, 5);
    assert_string_equal(p->meta.router_id, "192.168.100.129");
    assert_int_equal(p->meta.local_as, 65010);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->prefixes_received, 12);
    assert_int_equal(a->up_down, 9 * 86400);
    assert_int_equal(a->remote_as, 12076);
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_int_equal(b->state, BGP_STATE_ACTIVE);
    assert_int_equal(b->prefixes_received, MODEL_ABSENT);
    /* '!': no policy, still a count */
    const bgp_peer_t *c = &th_must_find(p, "192.168.100.138")->u.peer;
    assert_int_equal(c->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(c->prefixes_received, 0);
    assert_string_equal(c->raw_state, "0!");
    const bgp_peer_t *d = &th_must_find(p, "10.255.0.2")->u.peer;
    assert_int_equal(d->state, BGP_STATE_IDLE);
    assert_int_equal(d->remote_as, 4200000001LL);
    /* IPv6 peer on its own line, asdot AS */
    const bgp_peer_t *v6 = &th_must_find(p, "2001:db8:100::2")->u.peer;
    assert_int_equal(v6->remote_as, 4200000001LL);
    assert_int_equal(v6->prefixes_received, 4);
    assert_int_equal(v6->msg_rcvd, 210);
    th_free(p);

    p = xr("show bgp vrf BLUE summary", "bgp_summary", "");
    assert_string_equal(th_must_find(p, "192.168.100.130")->u.peer.vrf, "BLUE");
    th_free(p);

    p = xr("show bgp vrf all ipv4 unicast summary", "bgp_summary_vrf", "");
    assert_int_equal(p->n, 2);
    const bgp_peer_t *blue = &th_must_find(p, "192.168.200.130")->u.peer;
    assert_string_equal(blue->vrf, "BLUE");
    assert_string_equal(blue->router_id, "192.168.200.129");
    const bgp_peer_t *green = &th_must_find(p, "192.168.201.130")->u.peer;
    assert_string_equal(green->vrf, "GREEN");
    assert_int_equal(green->local_as, 65011);
    assert_true(green->admin_down);
    assert_int_equal(green->state, BGP_STATE_IDLE);
    th_free(p);
}

static void bgp_neighbors(void **state)
{
    (void)state;
    parsed_t *p = xr("show bgp neighbors", "bgp_neighbors", "");
    assert_int_equal(p->n, 3);
    const bgp_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->hold_time, 180);
    assert_int_equal(a->cfg_keepalive, 60);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_string_equal(a->inbound_policy, "ER-IN");
    assert_string_equal(a->outbound_policy, "ER-OUT");
    assert_int_equal(a->prefixes_accepted, 12);
    assert_int_equal(a->prefixes_received, MODEL_ABSENT);
    assert_int_equal(a->prefixes_sent, 2);
    assert_int_equal(a->max_prefixes, 4000);
    assert_string_equal(a->local_address, "192.168.100.129");
    assert_int_equal(a->local_port, 179);
    assert_int_equal(a->remote_port, 51234);
    assert_int_equal(a->last_reset, 9 * 86400);
    assert_string_equal(a->last_error, "hold time expired");
    assert_int_equal(a->notification_code, 4);
    assert_string_equal(a->notification_dir, "sent");
    assert_int_equal(a->msg_rcvd, 15123);
    const bgp_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_true(b->admin_down);
    assert_int_equal(b->state, BGP_STATE_IDLE);
    assert_int_equal(b->last_reset, 300);
    assert_string_equal(b->last_reset_reason, "Admin. shutdown");
    assert_int_equal(b->bfd, TRI_ABSENT);
    const bgp_neighbor_t *c = &th_must_find(p, "2001:db8:100::2")->u.neighbor;
    assert_string_equal(c->vrf, "BLUE");
    assert_int_equal(c->remote_as, 4200000001LL);
    assert_int_equal(c->state, BGP_STATE_ACTIVE);
    assert_int_equal(c->notification_code, 2);
    assert_int_equal(c->notification_subcode, 2);
    assert_string_equal(c->notification_dir, "received");
    th_free(p);
}

static void bgp_tables(void **state)
{
    (void)state;
    parsed_t *p = xr("show bgp ipv4 unicast", "bgp_table", "");
    assert_int_equal(p->n, 6);
    const bgp_path_t *best = &p->recs[0].u.path, *alt = &p->recs[1].u.path;
    assert_string_equal(best->prefix, "10.1.0.0/16");
    assert_int_equal(best->best, TRI_TRUE);
    assert_int_equal(best->local_pref, MODEL_ABSENT);
    assert_string_equal(best->as_path, "12076 65020");
    assert_string_equal(best->origin, "igp");
    assert_string_equal(alt->prefix, "10.1.0.0/16");
    assert_string_equal(alt->next_hop, "192.168.100.134");
    assert_int_equal(alt->best, TRI_FALSE);
    assert_int_equal(alt->local_pref, 90);
    const bgp_path_t *local = &th_must_find(p, "10.50.0.0/16")->u.path;
    assert_int_equal(local->weight, 32768);
    assert_int_equal(local->local_pref, MODEL_ABSENT);
    assert_string_equal(local->as_path, "");
    const bgp_path_t *ibgp = &th_must_find(p, "10.60.0.0/16")->u.path;
    assert_int_equal(ibgp->local_pref, 100);
    assert_string_equal(th_must_find(p, "10.2.0.0/16")->u.path.origin, "incomplete");
    th_free(p);

    /* A prefix too long for its column puts its first path on the next line. */
    p = xr("show bgp ipv6 unicast", "bgp_table_v6", "");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_string_equal(p->recs[1].u.path.prefix, "2001:db8:a000:1000::/56");
    assert_string_equal(p->recs[1].u.path.next_hop, "2001:db8:100::2");
    assert_int_equal(p->recs[1].u.path.best, TRI_TRUE);
    assert_string_equal(p->recs[1].u.path.as_path, "12076 65020");
    assert_string_equal(p->recs[2].u.path.prefix, "2001:db8:a000:1000::/56");
    assert_int_equal(p->recs[2].u.path.best, TRI_FALSE);
    assert_int_equal(p->recs[3].u.path.weight, 32768);
    th_free(p);

    p = xr("show bgp vrf all neighbors advertised-routes", "advertised", "");
    assert_int_equal(p->n, 2);
    const bgp_path_t *a = &th_must_find(p, "10.51.0.0/16")->u.path;
    assert_string_equal(a->vrf, "BLUE");
    assert_string_equal(a->as_path, "65010 65030");
    assert_string_equal(a->origin, "incomplete");
    assert_string_equal(a->neighbor, "10.255.0.2");
    th_free(p);
}

static void routes(void **state)
{
    (void)state;
    parsed_t *p = xr("show route ipv4", "route", "");
    assert_int_equal(p->n, 6);
    const route_t *ecmp = &th_must_find(p, "10.1.0.0/16")->u.route;
    assert_string_equal(ecmp->protocol, "bgp");
    assert_int_equal(ecmp->n_next_hops, 2);
    assert_string_equal(ecmp->next_hops[1].address, "192.168.100.134");
    assert_int_equal(ecmp->distance, 20);
    assert_int_equal(ecmp->age, 9 * 86400);
    const route_t *o = &th_must_find(p, "10.20.0.0/16")->u.route;
    assert_string_equal(o->raw_protocol, "O E2");
    assert_string_equal(o->protocol, "ospf");
    assert_int_equal(o->metric, 20);
    assert_string_equal(o->next_hops[0].interface, "GigabitEthernet0/0/0/2");
    const route_t *c = &th_must_find(p, "192.168.100.128/30")->u.route;
    assert_string_equal(c->protocol, "connected");
    assert_string_equal(c->next_hops[0].interface, "GigabitEthernet0/0/0/0");
    assert_string_equal(th_must_find(p, "0.0.0.0/0")->u.route.protocol, "bgp");
    assert_string_equal(th_must_find(p, "10.99.0.0/16")->u.route.next_hops[0].vrf, "default");
    th_free(p);

    /* One VRF asked for and no "VRF:" header printed: the command names it. */
    p = xr("show route vrf BLUE", "route", "");
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.route.vrf, "BLUE");
    th_free(p);

    p = xr("show route vrf all", "route_vrf", "");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.route.vrf, "BLUE");
    th_free(p);

    p = xr("show route 10.1.0.0", "route_entry", "");
    assert_int_equal(p->n, 1);
    const route_t *e = &p->recs[0].u.route;
    assert_string_equal(e->protocol, "bgp");
    assert_int_equal(e->distance, 20);
    assert_int_equal(e->age, 7 * 86400);
    assert_int_equal(e->n_next_hops, 2);
    assert_string_equal(e->next_hops[1].interface, "GigabitEthernet0/0/0/1");
    th_free(p);

    p = xr("show route ipv6", "route_v6", "");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    const route_t *v6 = &th_must_find(p, "2001:db8:10::/48")->u.route;
    assert_int_equal(v6->n_next_hops, 2);
    assert_string_equal(v6->next_hops[0].address, "fe80::1");
    const route_t *v6c = &th_must_find(p, "2001:db8:100::/126")->u.route;
    assert_string_equal(v6c->next_hops[0].interface, "GigabitEthernet0/0/0/0");
    assert_int_equal(v6c->age, 14 * 86400);
    th_free(p);
}

/* "show bgp PREFIX": one record per path, read from the detail block; a cut block is
 * reported truncated, never read as a table row. */
static void bgp_prefix_detail(void **state)
{
    (void)state;
    parsed_t *p = xr("show bgp vrf BLUE 10.1.0.0/16", "bgp_prefix", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 3);
    const bgp_path_t *best = &p->recs[0].u.path;
    assert_string_equal(best->prefix, "10.1.0.0/16");
    assert_string_equal(best->next_hop, "192.168.100.130");
    assert_string_equal(best->neighbor, "192.168.100.130");
    assert_string_equal(best->as_path, "12076 65020");
    assert_string_equal(best->origin, "igp");
    assert_string_equal(best->communities, "12076:51100 12076:52004");
    assert_string_equal(best->vrf, "BLUE");
    assert_int_equal(best->local_pref, 100);
    assert_int_equal(best->best, TRI_TRUE);
    const bgp_path_t *second = &p->recs[1].u.path;
    assert_string_equal(second->next_hop, "192.168.100.134");
    assert_int_equal(second->best, TRI_FALSE);
    assert_int_equal(second->valid, TRI_TRUE);
    const bgp_path_t *local = &p->recs[2].u.path;
    assert_string_equal(local->as_path, "");
    assert_string_equal(local->origin, "incomplete");
    assert_int_equal(local->weight, 32768);
    assert_int_equal(local->local_pref, 90);
    th_free(p);

    const char *cut = "BGP routing table entry for 10.1.0.0/16\n"
                      "Paths: (1 available, best #1)\n"
                      "  Path #1: Received by speaker 0\n"
                      "  12076 65020\n"
                      "    192.168.100.130 from 192.168.100.130 (10.255.255.1)\n";
    p = th_parse_text("iosxr", "show bgp 10.1.0.0/16", cut, strlen(cut));
    assert_true(p->partial);
    assert_true(p->truncated);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.path.next_hop, "192.168.100.130");
    assert_string_equal(p->recs[0].u.path.vrf, "");
    th_free(p);

    const char *missing = "Mon Dec  7 06:52:10.318 UTC\n% Network not in table\n";
    p = th_parse_text("iosxr", "show bgp 10.9.0.0/16", missing, strlen(missing));
    assert_false(p->partial);
    assert_int_equal(p->n, 0);
    th_free(p);
}

/* XR's own word order: the VRF before the family, and the routes through one next hop. */
static void route_word_order(void **state)
{
    (void)state;
    parsed_t *p = xr("show route ipv4 next-hop 192.168.100.130", "route_next_hop", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 13);
    const route_t *def = &th_must_find(p, "0.0.0.0/0")->u.route;
    assert_int_equal(def->distance, 20);
    assert_string_equal(def->next_hops[0].address, "192.168.100.130");
    assert_int_equal(th_must_find(p, "10.2.0.0/16")->u.route.age, 3 * 86400 + 4 * 3600);
    th_free(p);
    p = xr("show route vrf BLUE ipv4 unicast 10.1.0.0/16", "route_vrf_entry", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    const route_t *r = &p->recs[0].u.route;
    assert_string_equal(r->prefix, "10.1.0.0/16");
    assert_string_equal(r->vrf, "BLUE");
    assert_int_equal(r->distance, 20);
    assert_string_equal(r->next_hops[0].address, "192.168.200.130");
    th_free(p);
}

/* "show arp detail": State and Flag columns, rows on two line cards, sub-interfaces. */
static void arp_detail(void **state)
{
    (void)state;
    parsed_t *p = xr("show arp vrf BLUE detail", "arp_detail", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 8);
    const arp_entry_t *m = &th_must_find(p, "192.168.100.130")->u.arp;
    assert_string_equal(m->mac, "00:12:34:56:78:9a");
    assert_int_equal(m->age, 754);
    assert_string_equal(m->state, "Dynamic");
    assert_string_equal(m->interface, "GigabitEthernet0/0/0/0");
    assert_string_equal(m->vrf, "BLUE");
    const arp_entry_t *inc = &th_must_find(p, "192.168.100.134")->u.arp;
    assert_true(inc->incomplete);
    assert_string_equal(inc->interface, "GigabitEthernet0/0/0/1");
    const arp_entry_t *st = &th_must_find(p, "192.168.200.130")->u.arp;
    assert_string_equal(st->state, "Static");
    assert_string_equal(st->interface, "Bundle-Ether10.200");
    assert_int_equal(st->age, MODEL_ABSENT);
    const arp_entry_t *evpn = &th_must_find(p, "10.255.0.1")->u.arp;
    assert_string_equal(evpn->interface, "MgmtEth0/RP0/CPU0/0");
    assert_int_equal(evpn->age, 2 * 3600 + 60 + 17);
    th_free(p);
    /* a release that prints Type and Flag both */
    const char *both = "Address         Age        Hardware Addr   State      Type  Flag       Interface\n"
                       "10.0.0.2        00:00:10   0012.3456.0002  Dynamic    ARPA  Dynamic    Bundle-Ether1\n";
    p = th_parse_text("iosxr", "show arp detail", both, strlen(both));
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.arp.interface, "Bundle-Ether1");
    th_free(p);
}

static void arp_bfd_version(void **state)
{
    (void)state;
    parsed_t *p = xr("show arp vrf BLUE", "arp", "");
    assert_int_equal(p->n, 3);
    const arp_entry_t *m = &th_must_find(p, "192.168.100.130")->u.arp;
    assert_string_equal(m->mac, "00:12:34:56:78:9a");
    assert_int_equal(m->age, 754);
    assert_string_equal(m->vrf, "BLUE");
    assert_int_equal(th_must_find(p, "192.168.100.129")->u.arp.age, MODEL_ABSENT);
    assert_true(th_must_find(p, "192.168.100.134")->u.arp.incomplete);
    th_free(p);

    p = xr("show bfd session", "bfd", "");
    assert_int_equal(p->n, 2);
    const bfd_session_t *b = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_int_equal(b->state, UPDOWN_UP);
    assert_int_equal(b->tx_interval_ms, 300);
    assert_int_equal(b->multiplier, 3);
    assert_string_equal(b->interface, "Gi0/0/0/0");
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.state, UPDOWN_DOWN);
    th_free(p);

    p = xr("show version", "version", "");
    assert_int_equal(p->n, 1);
    const version_t *v = &p->recs[0].u.version;
    assert_string_equal(v->version, "7.3.2");
    assert_string_equal(v->model, "ASR9K");
    assert_int_equal(v->uptime, 2 * 604800 + 3 * 86400 + 4 * 3600 + 5 * 60);
    th_free(p);
}

static void bgp_config(void **state)
{
    (void)state;
    parsed_t *p = xr("show running-config router bgp", "bgp_config", "");
    assert_int_equal(p->n, 3);
    assert_int_equal(p->meta.local_as, 65010);
    const bgp_config_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->keepalive, 60);
    assert_int_equal(a->hold_time, 180);
    assert_string_equal(a->inbound_policy, "ER-IN");
    assert_string_equal(a->outbound_policy, "ER-OUT");
    assert_int_equal(a->max_prefixes, 4000);
    assert_string_equal(a->router_id, "192.168.100.129");
    assert_null(strstr(p->json, "0822455D")); /* the secret never leaves the parser */
    const bgp_config_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.bgp_config;
    assert_int_equal(b->remote_as, 12075);
    assert_int_equal(b->shutdown, TRI_TRUE);
    assert_int_equal(b->md5, TRI_FALSE);
    const bgp_config_neighbor_t *c = &th_must_find(p, "192.168.200.130")->u.bgp_config;
    assert_string_equal(c->vrf, "BLUE");
    assert_string_equal(c->router_id, "192.168.200.129");
    assert_int_equal(c->remote_as, 4200000001LL);
    assert_string_equal(c->peer_group, "MSEE");
    /* inherited from neighbor-group MSEE; its own remote-as wins over the group's */
    assert_int_equal(c->keepalive, 10);
    assert_int_equal(c->hold_time, 30);
    assert_int_equal(c->ebgp_multihop, 2);
    assert_string_equal(c->update_source, "GigabitEthernet0/0/0/2.200");
    th_free(p);
}

static void rpl(void **state)
{
    (void)state;
    parsed_t *p = xr("show rpl route-policy", "route_policy", "");
    assert_int_equal(p->n, 2);
    const route_map_entry_t *in = &th_must_find(p, "ER-IN")->u.route_map;
    assert_true(in->permit);
    assert_int_equal(in->n_match, 2);
    assert_string_equal(in->match[0], "destination in ER-PREFIXES");
    assert_string_equal(in->set[0], "set local-preference 200");
    assert_int_equal(in->n_set, 5);
    const route_map_entry_t *deny = &th_must_find(p, "DENY-ALL")->u.route_map;
    assert_false(deny->permit);
    assert_int_equal(deny->n_match, 0);
    th_free(p);

    p = xr("show rpl prefix-set ER-PREFIXES", "prefix_set", "");
    assert_int_equal(p->n, 5);
    const prefix_list_entry_t *e = &p->recs[0].u.prefix_list;
    assert_string_equal(e->name, "ER-PREFIXES");
    assert_string_equal(e->prefix, "10.1.0.0/16");
    assert_int_equal(e->le, 24);
    assert_int_equal(e->ge, MODEL_ABSENT);
    assert_int_equal(p->recs[2].u.prefix_list.ge, 20);
    assert_true(p->recs[3].u.prefix_list.ipv6);
    assert_int_equal(p->recs[3].u.prefix_list.ge, 64);
    assert_int_equal(p->recs[3].u.prefix_list.le, 64);
    assert_string_equal(p->recs[4].u.prefix_list.name, "DEFAULT");
    th_free(p);
}

static void traceroute(void **state)
{
    (void)state;
    parsed_t *p = xr("traceroute 10.1.0.4", "traceroute", "");
    assert_int_equal(p->n, 5);
    assert_string_equal(p->meta.target, "10.1.0.4");
    const trace_hop_t *h1 = &p->recs[0].u.hop;
    assert_int_equal(h1->ttl, 1);
    assert_int_equal(h1->n_probes, 3);
    assert_string_equal(h1->probes[0].address, "192.168.100.130");
    assert_true(h1->probes[0].rtt_ms > 1.9 && h1->probes[0].rtt_ms < 2.1);
    const trace_hop_t *h3 = &p->recs[2].u.hop;
    assert_int_equal(h3->n_probes, 3);
    assert_string_equal(h3->probes[0].address, "");
    assert_true(h3->probes[0].rtt_ms < 0);
    const trace_hop_t *h4 = &p->recs[3].u.hop;
    assert_string_equal(h4->probes[0].name, "msee.example.net");
    assert_string_equal(h4->probes[0].address, "10.1.0.1");
    assert_string_equal(h4->probes[1].address, "");
    const trace_hop_t *h5 = &p->recs[4].u.hop;
    assert_int_equal(h5->n_probes, 3);
    assert_string_equal(h5->probes[2].address, "10.1.0.5");
    th_free(p);
}

/* Command forms (abbreviations, VRF and address-family variants, the corpus' literal forms). */
static void command_forms(void **state)
{
    (void)state;
    static const struct {
        const char *command;
        kind_t kind;
    } forms[] = {
        {"show interfaces", KIND_INTERFACES},
        {"show interfaces GigabitEthernet0/0/0/0", KIND_INTERFACES},
        {"sh int Gi0/0/0/0", KIND_INTERFACES},
        {"show interface brief", KIND_INTERFACES},
        {"show ip interface brief", KIND_INTERFACES},
        {"sh ipv4 int br", KIND_INTERFACES},
        {"show ipv4 vrf all interface brief", KIND_INTERFACES},
        {"show bgp summary", KIND_BGP_SUMMARY},
        {"show ip bgp summary", KIND_BGP_SUMMARY},
        {"show bgp ipv4 unicast summary", KIND_BGP_SUMMARY},
        {"show bgp instance all summary", KIND_BGP_SUMMARY},
        {"show bgp vrf all ipv4 unicast summary", KIND_BGP_SUMMARY},
        {"show bgp vrf BLUE summary", KIND_BGP_SUMMARY},
        {"show bgp neighbors", KIND_BGP_NEIGHBORS},
        {"show bgp neighbors 192.168.100.130", KIND_BGP_NEIGHBORS},
        {"sh bgp nei 192.168.100.130", KIND_BGP_NEIGHBORS},
        {"show bgp vrf BLUE neighbors 192.168.200.130", KIND_BGP_NEIGHBORS},
        {"show bgp", KIND_BGP_TABLE},
        {"show bgp ipv4 unicast", KIND_BGP_TABLE},
        {"show bgp vrf BLUE", KIND_BGP_TABLE},
        {"show bgp vrf BLUE ipv4 unicast", KIND_BGP_TABLE},
        {"show bgp vrf all neighbors advertised-routes", KIND_BGP_TABLE},
        {"show bgp vrf all neighbors 192.168.200.130 advertised-routes", KIND_BGP_TABLE},
        {"show bgp neighbors 192.168.100.130 advertised-routes", KIND_BGP_TABLE},
        {"show route", KIND_ROUTES},
        {"show ip route", KIND_ROUTES},
        {"show route ipv4", KIND_ROUTES},
        {"show route vrf BLUE", KIND_ROUTES},
        {"show route ipv4 vrf BLUE 10.1.0.0", KIND_ROUTES},
        {"show route 10.1.0.0/16", KIND_ROUTES},
        {"show route vrf BLUE ipv4 unicast", KIND_ROUTES},
        {"show route vrf BLUE ipv4 10.1.0.0/16", KIND_ROUTES},
        {"show route vrf all ipv4", KIND_ROUTES},
        {"show route ipv4 next-hop 192.168.100.130", KIND_ROUTES},
        {"show route vrf BLUE ipv4 next-hop 192.168.200.130", KIND_ROUTES},
        {"show arp", KIND_ARP},
        {"show arp vrf BLUE", KIND_ARP},
        {"show bfd sessions", KIND_BFD},
        {"show bfd session", KIND_BFD},
        {"show version", KIND_VERSION},
        {"show running-config router bgp", KIND_BGP_CONFIG},
        {"sh run router bgp", KIND_BGP_CONFIG},
        {"show rpl route-policy", KIND_ROUTE_MAPS},
        {"show rpl route-policy ER-IN", KIND_ROUTE_MAPS},
        {"show rpl prefix-set", KIND_PREFIX_LISTS},
        {"show rpl prefix-set ER-PREFIXES", KIND_PREFIX_LISTS},
        {"traceroute 10.1.0.4", KIND_TRACEROUTE},
        {"traceroute vrf BLUE 10.1.0.4", KIND_TRACEROUTE},
        {"show bgp summary | no-more", KIND_BGP_SUMMARY},
    };
    const parser_vendor_t *v = parser_vendor_find("iosxr");
    assert_non_null(v);
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        const parser_def_t *def = parser_find(v, forms[i].command);
        if (!def || def->kind != forms[i].kind)
            fail_msg("'%s' -> %s, expected %s", forms[i].command, def ? kind_name(def->kind) : "nothing",
                     kind_name(forms[i].kind));
    }
    assert_null(parser_find(v, "show clock"));
}

/* ---------------------------------------------------------------- IPv6 (issue 12) */

static void v6_bgp_sessions(void **state)
{
    (void)state;
    parsed_t *p = xr("show bgp ipv6 unicast summary", "v6_bgp_summary", "");
    const bgp_peer_t *ms = &th_must_find(p, "2001:db8:c0de::2")->u.peer; /* wrapped row */
    assert_int_equal(ms->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(ms->remote_as, 12076);
    assert_int_equal(ms->local_as, 65010);
    assert_int_equal(ms->prefixes_received, 2);
    assert_string_equal(ms->address_family, "IPv6 Unicast");
    const bgp_peer_t *sec = &th_must_find(p, "2001:db8:c0de::6")->u.peer;
    assert_true(sec->admin_down);
    assert_int_equal(sec->up_down, 252);
    th_free(p);
    p = xr("show bgp vrf ER-PRIV ipv6 unicast summary", "v6_bgp_summary_vrf", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.peer.vrf, "ER-PRIV");
    assert_string_equal(p->recs[0].u.peer.address_family, "IPv6 Unicast");
    assert_int_equal(p->recs[0].u.peer.prefixes_received, 2);
    th_free(p);
    p = xr("show bgp neighbors 2001:db8:c0de::2", "v6_bgp_neighbors", "");
    const bgp_neighbor_t *n = &th_must_find(p, "2001:db8:c0de::2")->u.neighbor;
    assert_int_equal(n->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(n->remote_as, 12076);
    assert_string_equal(n->local_address, "2001:db8:c0de::1");
    assert_int_equal(n->prefixes_accepted, 2);
    assert_int_equal(n->prefixes_sent, 1);
    assert_int_equal(n->max_prefixes, 200);
    assert_string_equal(n->inbound_policy, "ER-V6-IN");
    th_free(p);
}

static void v6_bgp_paths(void **state)
{
    (void)state;
    parsed_t *p = xr("show bgp ipv6 unicast 2001:db8:1::/48", "v6_bgp_prefix", "");
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:1::/48");
    assert_string_equal(p->recs[0].u.path.next_hop, "2001:db8:c0de::2");
    assert_string_equal(p->recs[0].u.path.neighbor, "2001:db8:c0de::2");
    assert_int_equal(p->recs[0].u.path.best, TRI_TRUE);
    assert_string_equal(p->recs[1].u.path.as_path, "12076 12076");
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    th_free(p);
    /* cut between its two paths: the entry said 2 available */
    p = xr("show bgp ipv6 unicast 2001:db8:1::/48", "v6_bgp_prefix", "_trunc");
    assert_true(p->truncated);
    th_free(p);
    p = xr("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 routes", "v6_bgp_routes", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[1].u.path.prefix, "2001:db8:2::/48");
    assert_string_equal(p->recs[1].u.path.next_hop, "2001:db8:c0de::2");
    assert_string_equal(p->recs[1].u.path.as_path, "12076");
    th_free(p);
    /* advertised rows wrap after the IPv6 next hop */
    p = xr("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes", "v6_advertised", "");
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:ff00::/40");
    assert_string_equal(p->recs[0].u.path.next_hop, "2001:db8:c0de::1");
    assert_string_equal(p->recs[0].u.path.as_path, "65010");
    assert_string_equal(p->recs[1].u.path.neighbor, "10.255.0.2");
    th_free(p);
}

static void v6_routes(void **state)
{
    (void)state;
    parsed_t *p = xr("show route ipv6", "v6_route", "");
    const route_t *r = &th_must_find(p, "2001:db8:1::/48")->u.route;
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->distance, 20);
    assert_string_equal(r->next_hops[0].address, "fe80::212:f2ff:fea1:c01");
    assert_string_equal(r->next_hops[0].interface, "GigabitEthernet0/0/0/0.100");
    assert_int_equal(th_must_find(p, "2001:db8:2::/48")->u.route.n_next_hops, 2);
    assert_string_equal(th_must_find(p, "2001:db8:c0de::1/128")->u.route.protocol, "local");
    assert_string_equal(th_must_find(p, "2001:db8:ff00::/40")->u.route.next_hops[0].address, "2001:db8:ff00::2");
    th_free(p);
    p = xr("show route vrf ER-PRIV ipv6", "v6_route", "");
    assert_string_equal(p->recs[0].u.route.vrf, "ER-PRIV");
    th_free(p);
    p = xr("show route vrf ER-PRIV ipv6 2001:db8:1::/48", "v6_route_entry", "");
    assert_int_equal(p->n, 1);
    r = &p->recs[0].u.route;
    assert_string_equal(r->prefix, "2001:db8:1::/48");
    assert_string_equal(r->vrf, "ER-PRIV");
    assert_int_equal(r->age, 93600);
    assert_string_equal(r->next_hops[0].address, "fe80::212:f2ff:fea1:c01");
    assert_string_equal(r->next_hops[0].interface, "GigabitEthernet0/0/0/0.100");
    th_free(p);
}

/* 2,000 IPv6 routes as XR prints them, the prefix on one line and its next hop on the next. */
static void v6_route_table_large(void **state)
{
    (void)state;
    enum { N = 2000 };
    size_t cap = N * 120 + 256, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text + len, cap - len, "Mon Dec  7 10:11:12.123 UTC\n\nGateway of last resort is not set\n\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "B    2001:db8:1:%x::/64 \n      [20/0] via fe80::212:f2ff:fea1:c01, 1d02h, "
                                "GigabitEthernet0/0/0/0.100\n",
                                i);
    parsed_t *p = th_parse_text("iosxr", "show route ipv6", text, len);
    assert_false(p->partial);
    assert_int_equal(p->n, N);
    const route_t *last = &th_must_find(p, "2001:db8:1:7cf::/64")->u.route;
    assert_string_equal(last->next_hops[0].interface, "GigabitEthernet0/0/0/0.100");
    th_free(p);
    free(text);
}

static void v6_neighbors_and_interfaces(void **state)
{
    (void)state;
    parsed_t *p = xr("show ipv6 neighbors vrf ER-PRIV", "v6_nd", "");
    assert_int_equal(p->n, 4); /* the [Mcast adjacency] rows are not neighbors */
    const arp_entry_t *ms = &th_must_find(p, "2001:db8:c0de::2")->u.arp;
    assert_string_equal(ms->mac, "00:12:f2:a1:0c:01");
    assert_string_equal(ms->state, "REACH");
    assert_int_equal(ms->age, 41); /* seconds on XR */
    assert_string_equal(ms->interface, "Gi0/0/0/0.100");
    assert_string_equal(ms->vrf, "ER-PRIV");
    assert_true(th_must_find(p, "2001:db8:c0de::6")->u.arp.incomplete);
    assert_string_equal(th_must_find(p, "fe80::212:f2ff:fea1:c05")->u.arp.state, "STALE");
    th_free(p);
    p = xr("show ipv6 vrf ER-PRIV interface brief", "v6_int_brief", "");
    const iface_t *sub = &th_must_find(p, "GigabitEthernet0/0/0/0.100")->u.iface;
    assert_int_equal(sub->n_ipv6, 2);
    assert_string_equal(sub->ipv6[0], "fe80::2a3:d1ff:fe4f:2a10");
    assert_string_equal(sub->ipv6[1], "2001:db8:c0de::1");
    assert_string_equal(sub->vrf, "ER-PRIV");
    const iface_t *shut = &th_must_find(p, "GigabitEthernet0/0/0/1.100")->u.iface;
    assert_int_equal(shut->admin_status, UPDOWN_DOWN);
    assert_string_equal(shut->raw_status, "Shutdown");
    assert_int_equal(th_must_find(p, "MgmtEth0/RP0/CPU0/0")->u.iface.n_ipv6, 0);
    th_free(p);
}

/* Issue 12, "real output the parsers still miss": the ipv4 detail form and the route summary. */
static void ipv4_interface_detail(void **state)
{
    (void)state;
    parsed_t *p = xr("show ipv4 vrf all interface", "ipv4_int", "");
    assert_int_equal(p->n, 4);
    const iface_t *sub = &th_must_find(p, "GigabitEthernet0/0/0/0.100")->u.iface;
    assert_int_equal(sub->n_ipv4, 2);
    assert_string_equal(sub->ipv4[0], "192.168.100.129/30");
    assert_string_equal(sub->ipv4[1], "192.168.100.193/30"); /* the secondary */
    assert_int_equal(sub->mtu, 1518);
    assert_int_equal(sub->protocol_status, UPDOWN_UP);
    assert_string_equal(sub->vrf, "");
    const iface_t *shut = &th_must_find(p, "GigabitEthernet0/0/0/1")->u.iface;
    assert_int_equal(shut->admin_status, UPDOWN_DOWN);
    assert_int_equal(shut->n_ipv4, 0);
    const iface_t *priv = &th_must_find(p, "GigabitEthernet0/0/0/2.200")->u.iface;
    assert_string_equal(priv->vrf, "ER-PRIV");
    assert_string_equal(priv->ipv4[0], "192.168.200.129/30");
    th_free(p);
}

static void route_summary(void **state)
{
    (void)state;
    parsed_t *p = xr("show route summary", "route_summary", "");
    assert_int_equal(p->n, 6);
    const route_summary_t *bgp = &p->recs[3].u.route_summary;
    assert_string_equal(bgp->table, "default");
    assert_string_equal(bgp->protocol, "bgp 65010");
    assert_int_equal(bgp->routes, 12);
    const route_summary_t *total = &p->recs[5].u.route_summary;
    assert_string_equal(total->protocol, "");
    assert_int_equal(total->routes, 19);
    th_free(p);
    p = xr("show route vrf all ipv6 summary", "route_summary_vrf_all", "");
    assert_false(p->partial);
    assert_int_equal(p->n, 8);
    assert_string_equal(p->recs[7].u.route_summary.table, "ER-PRIV");
    assert_int_equal(p->recs[7].u.route_summary.routes, 6);
    assert_int_equal(p->recs[6].u.route_summary.routes, 4);
    th_free(p);
    /* sources that do not add up to the Total line: something between them was lost */
    const char *bad = "Route Source                     Routes     Backup     Deleted     Memory(bytes)\n"
                      "bgp 65010                        12         0          0           2880\n"
                      "Total                            19         0          0           4560\n";
    p = th_parse_text("iosxr", "show route summary", bad, strlen(bad));
    assert_true(p->partial);
    th_free(p);
}

/* One line no parser knows in three places of each answer (tests/testhelp.h). */
static void unknown_lines(void **state)
{
    (void)state;
    th_assert_unknown_lines("iosxr", "show interfaces", "iosxr/interfaces", "GigabitEthernet0/0/0/0", "Loopback0", TH_MARKS);
    th_assert_unknown_lines("iosxr", "show bgp neighbors", "iosxr/bgp_neighbors", "192.168.100.130", "192.168.100.134", TH_SILENT);
    th_assert_unknown_lines("iosxr", "show bgp summary", "iosxr/bgp_summary", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("iosxr", "show arp", "iosxr/arp", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("iosxr", "show bfd session", "iosxr/bfd", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("iosxr", "show route", "iosxr/route", "10.1.0.0/16", "0.0.0.0/0", TH_MARKS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_lines),
        cmocka_unit_test(capture_variants), cmocka_unit_test(split_invariance),
        cmocka_unit_test(interfaces_detail), cmocka_unit_test(interface_briefs),
        cmocka_unit_test(bgp_summary), cmocka_unit_test(bgp_neighbors),
        cmocka_unit_test(bgp_tables), cmocka_unit_test(routes),
        cmocka_unit_test(route_word_order), cmocka_unit_test(bgp_prefix_detail), cmocka_unit_test(arp_detail), cmocka_unit_test(arp_bfd_version), cmocka_unit_test(bgp_config),
        cmocka_unit_test(rpl), cmocka_unit_test(traceroute), cmocka_unit_test(command_forms),
        cmocka_unit_test(v6_bgp_sessions), cmocka_unit_test(v6_bgp_paths), cmocka_unit_test(v6_routes),
        cmocka_unit_test(v6_route_table_large), cmocka_unit_test(v6_neighbors_and_interfaces),
        cmocka_unit_test(ipv4_interface_detail), cmocka_unit_test(route_summary),
    };
    return cmocka_run_group_tests_name("iosxr", tests, NULL, NULL);
}
