/* test_eos.c: Arista EOS parsers against fixtures in tests/fixtures/eos/.
 *
 * Every base fixture BASE.txt / BASE.json has terminal-noise variants made by
 * tests/fixtures/eos/make_variants.py (_crlf, _more, _ansi, _banner, _trunc) and a hand-written
 * empty table (_empty).  The noise variants must give exactly the records of the clean text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

#define V "eos"

/* Same record count and same first key for the four noise variants; never partial. */
static void check_noise(const char *cmd, const char *base, const char *ext, size_t n, const char *key)
{
    static const char *const kinds[] = {"crlf", "more", "ansi", "banner"};
    char rel[128];
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        snprintf(rel, sizeof(rel), "eos/%s_%s.%s", base, kinds[i], ext);
        parsed_t *p = th_parse_fixture(V, cmd, rel);
        if (p->n != n || p->partial || p->failed)
            fail_msg("%s: %zu records (want %zu), partial %d, failed %d %s", rel, p->n, n, p->partial, p->failed,
                     p->error);
        th_must_find(p, key);
        th_free(p);
    }
}

/* An empty table: no records, no failure. */
static void check_empty(const char *cmd, const char *base, const char *ext)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "eos/%s_empty.%s", base, ext);
    parsed_t *p = th_parse_fixture(V, cmd, rel);
    assert_false(p->failed);
    assert_int_equal(p->n, 0);
    th_free(p);
}

/* Text cut mid-line: what was read still comes out, and the cut shows (partial, or fewer records). */
static parsed_t *check_trunc(const char *cmd, const char *base, size_t full)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "eos/%s_trunc.txt", base);
    parsed_t *p = th_parse_fixture(V, cmd, rel);
    assert_false(p->failed);
    assert_true(p->partial || p->n < full);
    assert_true(p->n <= full);
    return p;
}

/* JSON cut short: a clean error, never a crash. */
static void check_json_trunc(const char *cmd, const char *base)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "eos/%s_trunc.json", base);
    parsed_t *p = th_parse_fixture(V, cmd, rel);
    assert_true(p->failed);
    assert_int_equal(p->n, 0);
    th_free(p);
}

static void split_invariant(const char *cmd, const char *rel)
{
    size_t len;
    char *text = th_read_fixture(rel, &len);
    th_assert_split_invariant(V, cmd, text, 7);
    free(text);
}

/* ---------------------------------------------------------------- interfaces */

static void interfaces_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show interfaces", "eos/interfaces.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    const iface_t *e1 = &th_must_find(p, "Ethernet1")->u.iface;
    assert_string_equal(e1->description, "ER primary to MSEE");
    assert_string_equal(e1->ipv4[0], "192.168.100.129/30");
    assert_string_equal(e1->ipv6[1], "2001:db8:100::1/126");
    assert_string_equal(e1->mac, "00:1c:73:00:00:01");
    assert_int_equal(e1->mtu, 1500);
    assert_int_equal(e1->bandwidth_kbps, 10000000);
    assert_int_equal(e1->in_errors, 17);
    assert_int_equal(e1->crc, 15);
    assert_int_equal(e1->in_discards, 4);
    assert_int_equal(e1->out_errors, 1);
    assert_int_equal(e1->out_discards, 6);
    assert_int_equal(e1->in_packets, 1234567);
    assert_int_equal(e1->carrier_transitions, 2);
    assert_int_equal(e1->in_rate_bps, 1230);
    assert_int_equal(e1->out_rate_bps, 4560000);
    assert_int_equal(e1->last_flapped, 3 * 86400 + 4 * 3600 + 5 * 60 + 6);
    const iface_t *e2 = &th_must_find(p, "Ethernet2")->u.iface;
    assert_int_equal(e2->admin_status, UPDOWN_DOWN);
    assert_int_equal(e2->protocol_status, UPDOWN_DOWN);
    assert_string_equal(e2->raw_status, "administratively down");
    assert_int_equal(e2->mtu, 9214);
    assert_int_equal(e2->carrier_transitions, 5);
    const iface_t *po = &th_must_find(p, "Port-Channel10")->u.iface;
    assert_int_equal(po->admin_status, UPDOWN_UP);
    assert_int_equal(po->oper_status, UPDOWN_DOWN);
    assert_int_equal(po->last_flapped, 750);
    assert_int_equal(th_must_find(p, "Loopback0")->u.iface.mtu, 65535);
    th_free(p);
    split_invariant("show interfaces", "eos/interfaces.txt");
    check_noise("show interfaces", "interfaces", "txt", 4, "Ethernet2");
    check_empty("show interfaces", "interfaces", "txt");
    p = check_trunc("show interfaces", "interfaces", 4);
    assert_true(p->partial); /* Ethernet2 is cut inside its counters */
    th_must_find(p, "Ethernet2");
    th_free(p);
}

static void ip_int_brief_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip int br", "eos/ip_int_brief.txt");
    assert_int_equal(p->n, 5);
    assert_false(p->partial);
    const iface_t *e2 = &th_must_find(p, "Ethernet2")->u.iface;
    assert_int_equal(e2->admin_status, UPDOWN_DOWN);
    assert_string_equal(e2->raw_status, "admin down");
    assert_string_equal(e2->ipv4[0], "192.168.100.133/30");
    assert_int_equal(th_must_find(p, "Management1")->u.iface.n_ipv4, 0);
    const iface_t *v = &th_must_find(p, "Vlan100")->u.iface;
    assert_int_equal(v->oper_status, UPDOWN_UP);
    assert_int_equal(v->protocol_status, UPDOWN_DOWN);
    assert_int_equal(th_must_find(p, "Loopback0")->u.iface.mtu, 65535);
    th_free(p);
    split_invariant("show ip interface brief", "eos/ip_int_brief.txt");
    check_noise("show ip interface brief", "ip_int_brief", "txt", 5, "Vlan100");
    check_empty("show ip interface brief", "ip_int_brief", "txt");
    th_free(check_trunc("show ip interface brief", "ip_int_brief", 5));
}

static void interfaces_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show interfaces | json", "eos/interfaces.json");
    assert_int_equal(p->n, 2);
    const iface_t *e1 = &th_must_find(p, "Ethernet1")->u.iface;
    assert_string_equal(e1->ipv4[0], "192.168.100.129/30");
    assert_int_equal(e1->bandwidth_kbps, 10000000);
    assert_int_equal(e1->in_packets, 1234567);
    assert_int_equal(e1->crc, 15);
    assert_int_equal(e1->in_rate_bps, 1230);
    assert_int_equal(e1->carrier_transitions, 2);
    assert_int_equal(th_must_find(p, "Ethernet2")->u.iface.admin_status, UPDOWN_DOWN);
    th_free(p);
    check_noise("show interfaces | json", "interfaces", "json", 2, "Ethernet1");
    check_empty("show interfaces | json", "interfaces", "json");
    check_json_trunc("show interfaces | json", "interfaces");
    p = th_parse_fixture(V, "show ip interface brief | json", "eos/ip_int_brief.json");
    assert_int_equal(p->n, 3);
    assert_int_equal(th_must_find(p, "Management1")->u.iface.n_ipv4, 0);
    assert_string_equal(th_must_find(p, "Ethernet2")->u.iface.raw_status, "disabled");
    th_free(p);
    check_noise("show ip interface brief | json", "ip_int_brief", "json", 3, "Ethernet1");
    check_empty("show ip interface brief | json", "ip_int_brief", "json");
    check_json_trunc("show ip interface brief | json", "ip_int_brief");
}

/* ---------------------------------------------------------------- BGP */

static void bgp_summary_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp summary vrf all", "eos/bgp_summary.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_string_equal(p->meta.router_id, "192.168.100.129");
    assert_int_equal(p->meta.local_as, 65010);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->prefixes_received, 5);
    assert_int_equal(a->prefixes_accepted, 4);
    assert_int_equal(a->up_down, 93600);
    assert_string_equal(a->description, "MSEE primary");
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_int_equal(b->state, BGP_STATE_IDLE);
    assert_true(b->admin_down);
    assert_int_equal(b->prefixes_received, MODEL_ABSENT);
    assert_int_equal(th_must_find(p, "2001:db8:100::2")->u.peer.state, BGP_STATE_ACTIVE);
    const bgp_peer_t *c = &th_must_find(p, "10.9.0.2")->u.peer;
    assert_string_equal(c->vrf, "BLUE");
    assert_string_equal(c->router_id, "10.9.0.1");
    assert_int_equal(c->local_as, 4200000001);
    assert_int_equal(c->remote_as, 4200000001); /* asdot 64086.59905 */
    th_free(p);
    p = th_parse_fixture(V, "show ip bgp summary", "eos/bgp_summary_old.txt");
    assert_int_equal(p->n, 2);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.peer.prefixes_received, 5);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.peer.state, BGP_STATE_ESTABLISHED);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.peer.state, BGP_STATE_CONNECT);
    th_free(p);
    split_invariant("show ip bgp summary", "eos/bgp_summary.txt");
    check_noise("show ip bgp summary vrf all", "bgp_summary", "txt", 4, "10.9.0.2");
    check_empty("show ip bgp summary", "bgp_summary", "txt");
    th_free(check_trunc("show ip bgp summary", "bgp_summary", 4));
    p = th_parse_fixture(V, "show bgp summary", "eos/bgp_summary_afi.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.peer.prefixes_accepted, 4);
    assert_string_equal(th_must_find(p, "2001:db8:100::2")->u.peer.address_family, "IPv6 Unicast");
    assert_true(th_must_find(p, "192.168.100.134")->u.peer.admin_down);
    th_free(p);
    /* the other summary commands share the parser */
    p = th_parse_fixture(V, "show bgp evpn summary", "eos/bgp_summary.txt");
    assert_int_equal(p->n, 4);
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp summary", "eos/bgp_summary.txt");
    assert_int_equal(p->n, 4);
    th_free(p);
}

static void bgp_summary_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp summary vrf all | json", "eos/bgp_summary.json");
    assert_int_equal(p->n, 3);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->prefixes_received, 5);
    assert_int_equal(a->prefixes_accepted, 4);
    assert_int_equal(a->msg_rcvd, 4521);
    assert_int_equal(a->local_as, 65010);
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_true(b->admin_down);
    assert_int_equal(b->prefixes_received, MODEL_ABSENT);
    assert_int_equal(th_must_find(p, "10.9.0.2")->u.peer.remote_as, 4200000001);
    assert_string_equal(th_must_find(p, "10.9.0.2")->u.peer.vrf, "BLUE");
    th_free(p);
    check_noise("show ip bgp summary | json", "bgp_summary", "json", 3, "10.9.0.2");
    check_empty("show ip bgp summary | json", "bgp_summary", "json");
    check_json_trunc("show ip bgp summary | json", "bgp_summary");
}

/* "show ip bgp peers" is EOS's other name for "show ip bgp neighbors": the same parser, the
 * same records, abbreviated or not. */
static void bgp_peers_is_neighbors(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "sh ip bgp peers", "eos/bgp_neighbors.txt");
    assert_int_equal(p->kind, KIND_BGP_NEIGHBORS);
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.neighbor.remote_as, 12076);
    th_free(p);
    p = th_parse_fixture(V, "show ip bgp peers 192.168.100.130 vrf all", "eos/bgp_neighbors.txt");
    assert_int_equal(p->kind, KIND_BGP_NEIGHBORS);
    th_free(p);
}

static void bgp_neighbors_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp neighbors", "eos/bgp_neighbors.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const bgp_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_string_equal(a->remote_router_id, "10.255.255.1");
    assert_string_equal(a->local_address, "192.168.100.129");
    assert_int_equal(a->local_port, 179);
    assert_int_equal(a->remote_port, 53211);
    assert_int_equal(a->hold_time, 180);
    assert_int_equal(a->cfg_keepalive, 60);
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_string_equal(a->inbound_policy, "MSEE-IN");
    assert_string_equal(a->outbound_policy, "MSEE-OUT");
    assert_int_equal(a->prefixes_received, 5);
    assert_int_equal(a->prefixes_sent, 2);
    assert_int_equal(a->max_prefixes, 4000);
    assert_int_equal(a->msg_rcvd, 4521);
    assert_int_equal(a->up_down, 93600);
    assert_string_equal(a->last_error, "Cease/administrative reset");
    assert_string_equal(a->notification_dir, "sent");
    const bgp_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_int_equal(b->state, BGP_STATE_IDLE);
    assert_true(b->admin_down);
    assert_string_equal(b->remote_router_id, "");
    assert_int_equal(b->prefixes_received, MODEL_ABSENT);
    assert_string_equal(b->last_error, "Hold Timer Expired Error/Unspecified");
    assert_int_equal(b->bfd, TRI_FALSE);
    const bgp_neighbor_t *c = &th_must_find(p, "10.9.0.2")->u.neighbor;
    assert_string_equal(c->vrf, "BLUE");
    assert_int_equal(c->hold_time, 90);
    assert_int_equal(c->state, BGP_STATE_ACTIVE);
    assert_string_equal(c->last_error, "Connect (Connection refused)"); /* a socket error, no NOTIFICATION */
    assert_string_equal(c->notification_dir, "");
    assert_int_equal(c->max_prefixes, 12000);
    th_free(p);
    split_invariant("show ip bgp neighbors", "eos/bgp_neighbors.txt");
    check_noise("show ip bgp neighbors vrf all", "bgp_neighbors", "txt", 3, "10.9.0.2");
    check_empty("show ip bgp neighbors", "bgp_neighbors", "txt");
    p = check_trunc("show ip bgp neighbors", "bgp_neighbors", 3);
    assert_true(p->partial); /* "Local TCP address is 192.168.100.129, l" */
    th_free(p);
}

static void bgp_neighbors_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp neighbors 192.168.100.130 | json", "eos/bgp_neighbors.json");
    assert_int_equal(p->n, 2);
    const bgp_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(a->cfg_hold_time, 180);
    assert_int_equal(a->keepalive, 60);
    assert_string_equal(a->local_address, "192.168.100.129");
    assert_int_equal(a->remote_port, 53211);
    assert_string_equal(a->inbound_policy, "MSEE-IN");
    assert_int_equal(a->max_prefixes, 4000);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_string_equal(a->last_error, "Cease/administrative reset");
    const bgp_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_true(b->admin_down);
    assert_string_equal(b->notification_dir, "received");
    assert_int_equal(b->bfd, TRI_FALSE);
    assert_int_equal(a->up_down, 93600);
    th_free(p);
    check_noise("show ip bgp neighbors | json", "bgp_neighbors", "json", 2, "192.168.100.134");
    check_empty("show ip bgp neighbors | json", "bgp_neighbors", "json");
    check_json_trunc("show ip bgp neighbors | json", "bgp_neighbors");
}

static void bgp_table_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp", "eos/bgp_table.txt");
    assert_false(p->partial);
    const bgp_path_t *a = &p->recs[0].u.path;
    assert_string_equal(a->prefix, "10.1.0.0/16");
    assert_string_equal(a->next_hop, "192.168.100.130");
    assert_string_equal(a->as_path, "12076");
    assert_string_equal(a->origin, "igp");
    assert_int_equal(a->best, TRI_TRUE);
    assert_int_equal(a->local_pref, 100);
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    assert_int_equal(p->recs[1].u.path.valid, TRI_TRUE);
    assert_string_equal(p->recs[2].u.path.as_path, "12076 4200000001");
    assert_string_equal(p->recs[2].u.path.origin, "incomplete");
    const bgp_path_t *l = &th_must_find(p, "172.16.0.0/12")->u.path;
    assert_string_equal(l->next_hop, "");
    assert_int_equal(l->weight, MODEL_ABSENT);
    /* path attributes after the origin ("i Or-ID: ... C-LST: ...") */
    assert_int_equal(p->n, 7);
    assert_string_equal(p->recs[5].u.path.as_path, "12076");
    assert_string_equal(p->recs[5].u.path.origin, "igp");
    assert_int_equal(p->recs[5].u.path.best, TRI_TRUE);
    assert_int_equal(p->recs[6].u.path.best, TRI_FALSE);
    th_free(p);
    split_invariant("show ip bgp", "eos/bgp_table.txt");
    check_noise("show ip bgp", "bgp_table", "txt", 7, "10.4.0.0/16");
    check_empty("show ip bgp", "bgp_table", "txt");
    th_free(check_trunc("show ip bgp", "bgp_table", 7));
}

static void bgp_detail_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp 10.1.0.0/16", "eos/bgp_detail.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const bgp_path_t *a = &p->recs[0].u.path;
    assert_string_equal(a->prefix, "10.1.0.0/16");
    assert_string_equal(a->neighbor, "192.168.100.130");
    assert_string_equal(a->communities, "12076:51004");
    assert_int_equal(a->best, TRI_TRUE);
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    assert_string_equal(p->recs[1].u.path.as_path, "12076 12076");
    const bgp_path_t *c = &p->recs[2].u.path;
    assert_string_equal(c->prefix, "10.2.0.0/16"); /* printed without a length */
    assert_int_equal(c->metric, 10);
    assert_int_equal(c->local_pref, 200);
    assert_string_equal(c->origin, "incomplete");
    th_free(p);
    split_invariant("show ip bgp detail", "eos/bgp_detail.txt");
    check_noise("show ip bgp detail", "bgp_detail", "txt", 3, "10.2.0.0/16");
    check_empty("show ip bgp detail", "bgp_detail", "txt");
    th_free(check_trunc("show ip bgp detail", "bgp_detail", 3));
}

static void bgp_table_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip bgp | json", "eos/bgp_table.json");
    assert_int_equal(p->n, 3);
    assert_string_equal(p->recs[0].u.path.as_path, "12076");
    assert_string_equal(p->recs[0].u.path.origin, "igp");
    assert_int_equal(p->recs[0].u.path.best, TRI_TRUE);
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    assert_string_equal(p->recs[2].u.path.origin, "incomplete");
    assert_int_equal(p->recs[2].u.path.metric, 10);
    th_free(p);
    check_noise("show ip bgp | json", "bgp_table", "json", 3, "10.2.0.0/16");
    check_empty("show ip bgp | json", "bgp_table", "json");
    check_json_trunc("show ip bgp | json", "bgp_table");
}

/* ---------------------------------------------------------------- routes, ARP */

static void routes_text(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip route vrf all", "eos/routes.txt");
    assert_int_equal(p->n, 8);
    assert_false(p->partial);
    const route_t *r = &th_must_find(p, "10.1.0.0/16")->u.route;
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->distance, 200);
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->next_hops[1].address, "192.168.100.134");
    assert_string_equal(r->next_hops[1].interface, "Ethernet2");
    const route_t *c = &th_must_find(p, "192.168.100.128/30")->u.route;
    assert_string_equal(c->protocol, "connected");
    assert_string_equal(c->next_hops[0].interface, "Ethernet1");
    assert_string_equal(th_must_find(p, "172.20.0.0/16")->u.route.protocol, "ospf");
    assert_string_equal(th_must_find(p, "10.50.0.0/16")->u.route.vrf, "BLUE");
    assert_string_equal(th_must_find(p, "0.0.0.0/0")->u.route.protocol, "static");
    th_free(p);
    split_invariant("show ip route", "eos/routes.txt");
    p = th_parse_fixture(V, "show ipv6 route", "eos/routes_v6.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    r = &th_must_find(p, "2001:db8:10::/48")->u.route;
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->next_hops[1].address, "fe80::21c:73ff:fe00:6");
    c = &th_must_find(p, "2001:db8:100::4/126")->u.route;
    assert_string_equal(c->next_hops[0].address, "");
    assert_string_equal(c->next_hops[0].interface, "Ethernet2");
    th_free(p);
    check_noise("show ip route vrf all", "routes", "txt", 8, "10.9.0.0/30");
    check_empty("show ip route", "routes", "txt");
    th_free(check_trunc("show ip route", "routes", 8));
}

static void routes_json(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip route vrf all | json", "eos/routes.json");
    assert_int_equal(p->n, 4);
    const route_t *r = &th_must_find(p, "10.1.0.0/16")->u.route;
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(th_must_find(p, "172.20.0.0/16")->u.route.protocol, "ospf");
    assert_string_equal(th_must_find(p, "10.50.0.0/16")->u.route.vrf, "BLUE");
    th_free(p);
    check_noise("show ip route | json", "routes", "json", 4, "10.50.0.0/16");
    check_empty("show ip route | json", "routes", "json");
    check_json_trunc("show ip route | json", "routes");
}

static void arp_all(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip arp vrf all", "eos/arp.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    const arp_entry_t *a = &th_must_find(p, "192.168.100.130")->u.arp;
    assert_string_equal(a->mac, "00:12:f2:00:a0:01");
    assert_int_equal(a->age, 72);
    assert_string_equal(th_must_find(p, "10.20.0.2")->u.arp.interface, "Vlan100");
    assert_string_equal(th_must_find(p, "10.9.0.2")->u.arp.vrf, "BLUE");
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.arp.age, MODEL_ABSENT);
    th_free(p);
    split_invariant("show ip arp", "eos/arp.txt");
    check_noise("show ip arp vrf all", "arp", "txt", 4, "10.9.0.2");
    check_empty("show ip arp", "arp", "txt");
    th_free(check_trunc("show ip arp", "arp", 4));
    p = th_parse_fixture(V, "show ip arp | json", "eos/arp.json");
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "10.20.0.2")->u.arp.interface, "Vlan100");
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.arp.age, 72);
    th_free(p);
    check_noise("show ip arp | json", "arp", "json", 2, "10.20.0.2");
    check_empty("show ip arp | json", "arp", "json");
    check_json_trunc("show ip arp | json", "arp");
}

/* ---------------------------------------------------------------- version, BFD, policy */

static void version_all(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show version", "eos/version.txt");
    assert_int_equal(p->n, 1);
    const version_t *v = &p->recs[0].u.version;
    assert_string_equal(v->model, "DCS-7280SR-48C6");
    assert_string_equal(v->version, "4.28.3M");
    assert_string_equal(v->serial, "JPE19990001");
    assert_int_equal(v->uptime, 3 * 604800 + 20 * 3600 + 45 * 60);
    th_free(p);
    split_invariant("show version", "eos/version.txt");
    check_noise("show version", "version", "txt", 1, "");
    check_empty("show version", "version", "txt");
    p = check_trunc("show version", "version", 1);
    assert_true(p->partial);
    th_free(p);
    p = th_parse_fixture(V, "show version | json", "eos/version.json");
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.version.version, "4.28.3M");
    assert_int_equal(p->recs[0].u.version.uptime, 1889100);
    th_free(p);
    check_noise("show version | json", "version", "json", 1, "");
    check_empty("show version | json", "version", "json");
    check_json_trunc("show version | json", "version");
}

static void bfd_all(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show bfd peers", "eos/bfd.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const bfd_session_t *a = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_int_equal(a->state, UPDOWN_UP);
    assert_string_equal(a->interface, "Ethernet1");
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.state, UPDOWN_DOWN);
    assert_string_equal(th_must_find(p, "10.9.0.2")->u.bfd.vrf, "BLUE");
    th_free(p);
    split_invariant("show bfd peers", "eos/bfd.txt");
    check_noise("show bfd peers", "bfd", "txt", 3, "10.9.0.2");
    check_empty("show bfd peers", "bfd", "txt");
    th_free(check_trunc("show bfd peers", "bfd", 3));
    /* the normal-width layout: peers first, their state in a second table */
    p = th_parse_fixture(V, "show bfd peers", "eos/bfd_split.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.state, UPDOWN_DOWN);
    assert_string_equal(th_must_find(p, "192.168.100.134")->u.bfd.interface, "Ethernet2");
    assert_int_equal(th_must_find(p, "2001:db8:100::2")->u.bfd.state, UPDOWN_UP);
    th_free(p);
    split_invariant("show bfd peers", "eos/bfd_split.txt");
    {
        size_t len;
        char *text = th_read_fixture("eos/bfd_split.txt", &len);
        char *cut = strstr(text, "\n\n") + 1; /* only the first half of the first table */
        p = th_parse_text(V, "show bfd peers", text, (size_t)(cut - text));
        assert_int_equal(p->n, 2);
        assert_true(p->partial);
        assert_int_equal(th_must_find(p, "192.168.100.130")->u.bfd.state, UPDOWN_ABSENT);
        th_free(p);
        free(text);
    }
    p = th_parse_fixture(V, "show bfd peers | json", "eos/bfd.json");
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.bfd.tx_interval_ms, 300);
    assert_int_equal(p->recs[0].u.bfd.multiplier, 3);
    assert_int_equal(p->recs[0].u.bfd.state, UPDOWN_UP);
    th_free(p);
    check_noise("show bfd peers | json", "bfd", "json", 1, "192.168.100.130");
    check_empty("show bfd peers | json", "bfd", "json");
    check_json_trunc("show bfd peers | json", "bfd");
}

static void prefix_lists(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show ip prefix-list", "eos/prefix_list.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    const prefix_list_entry_t *e = &p->recs[1].u.prefix_list;
    assert_string_equal(e->name, "MSEE-IN");
    assert_int_equal(e->seq, 20);
    assert_true(e->permit);
    assert_string_equal(e->prefix, "10.2.0.0/16");
    assert_int_equal(e->le, 24);
    assert_false(p->recs[2].u.prefix_list.permit);
    assert_int_equal(p->recs[3].u.prefix_list.ge, 16);
    th_free(p);
    split_invariant("show ip prefix-list", "eos/prefix_list.txt");
    check_noise("show ip prefix-list", "prefix_list", "txt", 4, "MSEE-OUT");
    check_empty("show ip prefix-list", "prefix_list", "txt");
    th_free(check_trunc("show ip prefix-list", "prefix_list", 4));
}

static void route_maps(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show route-map", "eos/route_map.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const route_map_entry_t *e = &p->recs[0].u.route_map;
    assert_string_equal(e->name, "MSEE-IN");
    assert_int_equal(e->seq, 10);
    assert_int_equal(e->n_match, 1);
    assert_string_equal(e->match[0], "match ip address prefix-list MSEE-IN");
    assert_int_equal(e->n_set, 2);
    assert_string_equal(e->set[0], "set local-preference 200");
    assert_false(p->recs[1].u.route_map.permit);
    th_free(p);
    split_invariant("show route-map", "eos/route_map.txt");
    check_noise("show route-map", "route_map", "txt", 3, "MSEE-OUT");
    check_empty("show route-map", "route_map", "txt");
    th_free(check_trunc("show route-map", "route_map", 3));
}

static void bgp_config(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "show running-config section router bgp", "eos/bgp_config.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_int_equal(p->meta.local_as, 65010);
    const bgp_config_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->remote_as, 12076); /* from peer group MSEE */
    assert_string_equal(a->peer_group, "MSEE");
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->keepalive, 60);
    assert_int_equal(a->hold_time, 180);
    assert_string_equal(a->inbound_policy, "MSEE-IN");
    assert_int_equal(a->max_prefixes, 4000);
    const bgp_config_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.bgp_config;
    assert_int_equal(b->shutdown, TRI_TRUE);
    assert_int_equal(b->hold_time, 90); /* its own timers win over the group's */
    assert_string_equal(b->peer_group, "MSEE");
    assert_string_equal(th_must_find(p, "2001:db8:100::2")->u.bgp_config.inbound_prefix_list, "V6-IN");
    const bgp_config_neighbor_t *c = &th_must_find(p, "10.9.0.2")->u.bgp_config;
    assert_string_equal(c->vrf, "BLUE");
    assert_string_equal(c->router_id, "10.9.0.1");
    assert_int_equal(c->remote_as, 4200000001);
    assert_int_equal(c->ebgp_multihop, 2);
    /* the secret never leaves the parser */
    assert_null(strstr(p->json, "Q2hhbmdl"));
    th_free(p);
    split_invariant("show running-config section router bgp", "eos/bgp_config.txt");
    check_noise("show running-config section router bgp", "bgp_config", "txt", 4, "10.9.0.2");
    check_empty("show running-config section router bgp", "bgp_config", "txt");
    th_free(check_trunc("show running-config section router bgp", "bgp_config", 4));
}

static void traceroute(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture(V, "traceroute 10.1.0.4", "eos/traceroute.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_string_equal(p->meta.target, "10.1.0.4");
    const trace_hop_t *h1 = &p->recs[0].u.hop;
    assert_int_equal(h1->ttl, 1);
    assert_int_equal(h1->n_probes, 3);
    assert_string_equal(h1->probes[0].address, "192.168.100.130");
    assert_true(h1->probes[0].rtt_ms > 0.51 && h1->probes[0].rtt_ms < 0.52);
    const trace_hop_t *h2 = &p->recs[1].u.hop;
    assert_int_equal(h2->n_probes, 3);
    assert_string_equal(h2->probes[0].address, "");
    assert_true(h2->probes[0].rtt_ms < 0);
    const trace_hop_t *h3 = &p->recs[2].u.hop;
    assert_string_equal(h3->probes[0].address, "10.1.255.1");
    assert_string_equal(h3->probes[0].name, "msee-edge.example.net");
    assert_string_equal(h3->probes[1].address, "10.1.255.5");
    assert_string_equal(h3->probes[2].address, "");
    assert_string_equal(p->recs[3].u.hop.probes[0].annotation, "!H");
    th_free(p);
    split_invariant("traceroute 10.1.0.4", "eos/traceroute.txt");
    for (int i = 0; i < 4; i++) { /* noise variants; traceroute records have no key */
        static const char *const kinds[] = {"crlf", "more", "ansi", "banner"};
        char rel[64];
        snprintf(rel, sizeof(rel), "eos/traceroute_%s.txt", kinds[i]);
        p = th_parse_fixture(V, "traceroute 10.1.0.4", rel);
        assert_int_equal(p->n, 4);
        assert_false(p->partial);
        assert_string_equal(p->recs[2].u.hop.probes[1].address, "10.1.255.5");
        th_free(p);
    }
    check_empty("traceroute 10.1.0.4", "traceroute", "txt");
    th_free(check_trunc("traceroute 10.1.0.4", "traceroute", 4));
}

/* The table answers the command forms the corpus and the probes use. */
/* ---------------------------------------------------------------- IPv6 (ExpressRoute dual stack) */

/* A v6_* text fixture: clean parse (no skipped line), its noise variants, a cut and any chunking.
 * cut_shows: the cut must show (partial or fewer records); a one-peer neighbor block cut inside
 * its counters reads as a whole neighbor, so there the cut must only not fail. */
static parsed_t *v6_text_cut(const char *cmd, const char *base, size_t n, const char *key, bool cut_shows)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "eos/%s.txt", base);
    parsed_t *p = th_parse_fixture(V, cmd, rel);
    if (p->n != n || p->partial)
        fail_msg("%s: %zu records (want %zu), partial %d", rel, p->n, n, p->partial);
    split_invariant(cmd, rel);
    check_noise(cmd, base, "txt", n, key);
    if (cut_shows) {
        th_free(check_trunc(cmd, base, n));
    } else {
        snprintf(rel, sizeof(rel), "eos/%s_trunc.txt", base);
        parsed_t *t = th_parse_fixture(V, cmd, rel);
        assert_false(t->failed);
        assert_true(t->n <= n);
        th_free(t);
    }
    return p;
}

static parsed_t *v6_text(const char *cmd, const char *base, size_t n, const char *key)
{
    return v6_text_cut(cmd, base, n, key, true);
}

static void v6_bgp_summary(void **state)
{
    (void)state;
    parsed_t *p = v6_text("show ipv6 bgp summary vrf all", "v6_bgp_summary", 3, "2001:db8:c0de::2");
    const bgp_peer_t *a = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->prefixes_received, 2);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_string_equal(a->address_family, "IPv6 Unicast");
    assert_true(th_must_find(p, "2001:db8:c0de::6")->u.peer.admin_down);
    const bgp_peer_t *c = &th_must_find(p, "2001:db8:c0de:100::2")->u.peer;
    assert_int_equal(c->state, BGP_STATE_ACTIVE);
    assert_string_equal(c->vrf, "BLUE");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp summary | json", "eos/v6_bgp_summary.json");
    assert_int_equal(p->n, 2);
    a = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
    assert_int_equal(a->prefixes_received, 2);
    assert_string_equal(a->address_family, "IPv6 Unicast");
    assert_int_equal(th_must_find(p, "2001:db8:c0de::6")->u.peer.state, BGP_STATE_IDLE);
    th_free(p);
    /* The IPv4 table keeps its rows unlabelled, as before. */
    p = th_parse_fixture(V, "show ip bgp summary vrf all", "eos/bgp_summary.txt");
    assert_string_equal(th_must_find(p, "192.168.100.130")->u.peer.address_family, "");
    th_free(p);
}

static void v6_bgp_peers(void **state)
{
    (void)state;
    parsed_t *p = v6_text_cut("show ipv6 bgp peers 2001:db8:c0de::2", "v6_bgp_neighbors", 1, "2001:db8:c0de::2", false);
    const bgp_neighbor_t *n = &p->recs[0].u.neighbor;
    assert_string_equal(n->peer, "2001:db8:c0de::2");
    assert_int_equal(n->state, BGP_STATE_ESTABLISHED);
    assert_string_equal(n->local_address, "2001:db8:c0de::1");
    assert_int_equal(n->prefixes_received, 2);
    assert_int_equal(n->prefixes_sent, 1);
    assert_string_equal(n->inbound_policy, "MSEE-V6-IN");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp neighbors 2001:db8:c0de::2", "eos/v6_bgp_neighbors.txt");
    assert_int_equal(p->kind, KIND_BGP_NEIGHBORS);
    assert_int_equal(p->n, 1);
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp peers 2001:db8:c0de::2 | json", "eos/v6_bgp_neighbors.json");
    assert_int_equal(p->n, 1);
    n = &p->recs[0].u.neighbor;
    assert_string_equal(n->local_address, "2001:db8:c0de::1");
    assert_int_equal(n->remote_as, 12076);
    assert_int_equal(n->prefixes_received, 2);
    th_free(p);
}

static void v6_bgp_table(void **state)
{
    (void)state;
    parsed_t *p = v6_text("show ipv6 bgp", "v6_bgp_table", 4, "2001:db8:1::/48");
    const bgp_path_t *a = &th_must_find(p, "2001:db8:1::/48")->u.path;
    assert_string_equal(a->next_hop, "2001:db8:c0de::2");
    assert_int_equal(a->best, TRI_TRUE);
    assert_string_equal(p->recs[1].u.path.next_hop, "2001:db8:c0de::6");
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.path.as_path, "12076 65515");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp 2001:db8:1::/48", "eos/v6_bgp_detail.txt");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    assert_string_equal(p->recs[0].u.path.neighbor, "2001:db8:c0de::2");
    assert_string_equal(p->recs[0].u.path.communities, "12076:51004");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp peers 2001:db8:c0de::2 received-routes", "eos/v6_bgp_received.txt");
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.path.next_hop, "2001:db8:c0de::2");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp peers 2001:db8:c0de::2 advertised-routes", "eos/v6_bgp_advertised.txt");
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:ff00::/40");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 bgp | json", "eos/v6_bgp_table.json");
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.path.origin, "incomplete");
    th_free(p);
}

static void v6_routes(void **state)
{
    (void)state;
    parsed_t *p = v6_text("show ipv6 route", "v6_routes", 5, "2001:db8:1::/48");
    const route_t *r = &th_must_find(p, "2001:db8:1::/48")->u.route;
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->next_hops[0].address, "fe80::1236:78ff:fe9a:bc01");
    assert_string_equal(r->next_hops[0].interface, "Ethernet1");
    assert_string_equal(r->next_hops[1].interface, "Ethernet2");
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.route.next_hops[0].address, "2001:db8:c0de::2");
    assert_string_equal(th_must_find(p, "2001:db8:c0de::/126")->u.route.protocol, "connected");
    assert_string_equal(th_must_find(p, "2001:db8:ff00::/40")->u.route.next_hops[0].interface, "Vlan100");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 route | json", "eos/v6_routes.json");
    assert_int_equal(p->n, 2);
    r = &th_must_find(p, "2001:db8:1::/48")->u.route;
    assert_string_equal(r->next_hops[0].address, "fe80::1236:78ff:fe9a:bc01");
    assert_string_equal(r->next_hops[0].interface, "Ethernet1");
    th_free(p);
}

/* 2,000 IPv6 routes over a link-local next hop: all read, none skipped. */
static void v6_routes_large(void **state)
{
    (void)state;
    size_t cap = 2000 * 96 + 64, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text, cap, "VRF: default\n");
    for (int i = 0; i < 2000; i++)
        n += (size_t)snprintf(text + n, cap - n, " B E      2001:db8:1:%x::/64 [200/0]\n           via fe80::2, Ethernet1\n", i);
    parsed_t *p = th_parse_text(V, "show ipv6 route", text, n);
    assert_int_equal(p->n, 2000);
    assert_false(p->partial);
    const route_t *r = &th_must_find(p, "2001:db8:1:7cf::/64")->u.route;
    assert_string_equal(r->next_hops[0].address, "fe80::2");
    assert_string_equal(r->next_hops[0].interface, "Ethernet1");
    th_free(p);
    free(text);
}

static void v6_neighbors(void **state)
{
    (void)state;
    parsed_t *p = v6_text("show ipv6 neighbors", "v6_neighbors", 3, "2001:db8:c0de::2");
    const arp_entry_t *a = &th_must_find(p, "2001:db8:c0de::2")->u.arp;
    assert_string_equal(a->mac, "12:34:56:78:9a:bc");
    assert_string_equal(a->interface, "Et1");
    assert_int_equal(a->age, 131);
    assert_string_equal(a->state, "reachable");
    assert_string_equal(a->vrf, "default");
    assert_string_equal(th_must_find(p, "fe80::1236:78ff:fe9a:bc01")->u.arp.state, "stale");
    assert_string_equal(th_must_find(p, "2001:db8:c0de::6")->u.arp.state, "delay");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 neighbors | json", "eos/v6_neighbors.json");
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "2001:db8:c0de::2")->u.arp.state, "reachable");
    assert_string_equal(th_must_find(p, "fe80::1236:78ff:fe9a:bc01")->u.arp.mac, "12:34:56:78:9a:bc");
    th_free(p);
}

static void v6_interface_brief(void **state)
{
    (void)state;
    parsed_t *p = v6_text("show ipv6 interface brief", "v6_int_brief", 3, "Et1");
    const iface_t *f = &th_must_find(p, "Et1")->u.iface;
    assert_int_equal(f->n_ipv6, 2);
    assert_string_equal(f->ipv6[0], "fe80::5254:ff:fe00:101/64");
    assert_string_equal(f->ipv6[1], "2001:db8:c0de::1/126");
    assert_int_equal(f->oper_status, UPDOWN_UP);
    const iface_t *d = &th_must_find(p, "Et2")->u.iface;
    assert_int_equal(d->admin_status, UPDOWN_DOWN);
    assert_string_equal(d->ipv6[1], "2001:db8:c0de::5/126");
    th_free(p);
    p = th_parse_fixture(V, "show ipv6 interface brief | json", "eos/v6_int_brief.json");
    assert_int_equal(p->n, 2);
    f = &th_must_find(p, "Ethernet1")->u.iface;
    assert_int_equal(f->n_ipv6, 2);
    assert_string_equal(f->ipv6[1], "2001:db8:c0de::1/126");
    th_free(p);
}

static void v6_prefix_list(void **state)
{
    (void)state;
    parsed_t *p = v6_text("show ipv6 prefix-list", "v6_prefix_list", 4, "MSEE-V6-IN");
    const prefix_list_entry_t *e = &p->recs[1].u.prefix_list;
    assert_string_equal(e->prefix, "2001:db8:2::/48");
    assert_int_equal(e->le, 64);
    assert_true(e->ipv6);
    assert_false(p->recs[2].u.prefix_list.permit);
    assert_string_equal(p->recs[3].u.prefix_list.prefix, "2001:db8:ff00::/40");
    th_free(p);
}

static void command_forms(void **state)
{
    (void)state;
    static const struct {
        const char *cmd;
        kind_t kind;
    } forms[] = {
        {"sh int Ethernet1", KIND_INTERFACES}, {"show interfaces Ethernet1 | json", KIND_INTERFACES},
        {"show ip bgp summary vrf BLUE", KIND_BGP_SUMMARY}, {"show bgp ipv4 unicast summary", KIND_BGP_SUMMARY},
        {"show bgp evpn summary | json", KIND_BGP_SUMMARY}, {"show ip bgp neighbors 192.168.100.130 vrf all", KIND_BGP_NEIGHBORS},
        {"show ip bgp neighbors 192.168.100.130 received-routes", KIND_BGP_TABLE},
        {"show ip bgp 10.1.0.0/16 vrf BLUE", KIND_BGP_TABLE}, {"show ip bgp detail | json", KIND_BGP_TABLE},
        {"show ip route vrf BLUE 10.1.0.4", KIND_ROUTES}, {"show ip arp vrf BLUE", KIND_ARP},
        {"show running-config | section router bgp", KIND_BGP_CONFIG}, {"show ip prefix-list MSEE-IN", KIND_PREFIX_LISTS},
        {"show route-map MSEE-IN", KIND_ROUTE_MAPS}, {"show bfd peers | json", KIND_BFD},
        {"show ipv6 bgp summary vrf BLUE | json", KIND_BGP_SUMMARY}, {"show ipv6 bgp peers 2001:db8:c0de::2 vrf BLUE", KIND_BGP_NEIGHBORS},
        {"show ipv6 bgp 2001:db8:1::/48 | json", KIND_BGP_TABLE}, {"show ipv6 route 2001:db8:1::/48 vrf BLUE", KIND_ROUTES},
        {"show ipv6 neighbors 2001:db8:c0de::2 vrf BLUE", KIND_ARP}, {"show ipv6 neighbors vrf BLUE | json", KIND_ARP},
        {"show ipv6 interface brief | json", KIND_INTERFACES}, {"show ipv6 interface brief", KIND_INTERFACES},
        {"show ipv6 prefix-list", KIND_PREFIX_LISTS},
    };
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        parsed_t *p = th_parse_text(V, forms[i].cmd, "", 0);
        if (p->kind != forms[i].kind)
            fail_msg("'%s' -> kind %d, want %d", forms[i].cmd, p->kind, forms[i].kind);
        th_free(p);
    }
}

/* One line no parser knows in three places of each answer (tests/testhelp.h). */
static void unknown_lines(void **state)
{
    (void)state;
    th_assert_unknown_lines("eos", "show interfaces", "eos/interfaces", "Ethernet1", "Ethernet2", TH_MARKS);
    th_assert_unknown_lines("eos", "show ip bgp neighbors", "eos/bgp_neighbors", "192.168.100.130", "192.168.100.134", TH_MARKS);
    th_assert_unknown_lines("eos", "show ip bgp summary", "eos/bgp_summary", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("eos", "show ip arp", "eos/arp", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("eos", "show bfd peers", "eos/bfd", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("eos", "show ip route", "eos/routes", "10.1.0.0/16", "0.0.0.0/0", TH_MARKS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_lines),
        cmocka_unit_test(interfaces_text), cmocka_unit_test(ip_int_brief_text), cmocka_unit_test(interfaces_json),
        cmocka_unit_test(bgp_summary_text), cmocka_unit_test(bgp_summary_json), cmocka_unit_test(bgp_peers_is_neighbors), cmocka_unit_test(bgp_neighbors_text),
        cmocka_unit_test(bgp_neighbors_json), cmocka_unit_test(bgp_table_text), cmocka_unit_test(bgp_detail_text),
        cmocka_unit_test(bgp_table_json), cmocka_unit_test(routes_text), cmocka_unit_test(routes_json),
        cmocka_unit_test(arp_all), cmocka_unit_test(version_all), cmocka_unit_test(bfd_all),
        cmocka_unit_test(prefix_lists), cmocka_unit_test(route_maps), cmocka_unit_test(bgp_config),
        cmocka_unit_test(traceroute), cmocka_unit_test(command_forms),
        cmocka_unit_test(v6_bgp_summary), cmocka_unit_test(v6_bgp_peers), cmocka_unit_test(v6_bgp_table),
        cmocka_unit_test(v6_routes), cmocka_unit_test(v6_routes_large), cmocka_unit_test(v6_neighbors),
        cmocka_unit_test(v6_interface_brief), cmocka_unit_test(v6_prefix_list),
    };
    return cmocka_run_group_tests_name("eos", tests, NULL, NULL);
}
