/* test_frr.c: FRRouting parsers against fixtures captured from the FRR 8.4.4 lab
 * (tests/lab/frr-lab.sh, tests/lab/capture-frr-fixtures.sh).  The values asserted are the ones
 * the lab configures: erd-ce AS 65010 (192.168.100.129, 2001:db8:100::1) peering with erd-msee
 * AS 12076 (192.168.100.130, 2001:db8:100::2) on 192.168.100.128/30, timers 60/180, BFD, MD5,
 * route-maps RM-MSEE-IN/OUT, maximum-prefix 100, an inactive VRF ER-PRIVATE.  Uptimes and
 * message counters change at every capture, so they are asserted as present, not by value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

#define V "frr"

static parsed_t *fx(const char *cmd, const char *file)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "frr/%s", file);
    return th_parse_fixture(V, cmd, rel);
}

static void split(const char *cmd, const char *file)
{
    char rel[256];
    size_t len;
    snprintf(rel, sizeof(rel), "frr/%s", file);
    char *text = th_read_fixture(rel, &len);
    th_assert_split_invariant(V, cmd, text, 17);
    free(text);
}

/* The hostile variants derived from a capture give the same records; the truncated one is
 * partial and the empty one has none. */
static void variants(const char *cmd, const char *base, size_t n, bool truncated_detectable)
{
    static const char *const same[] = {"_crlf", "_pager", "_ansi", "_banner"};
    char file[128];
    for (size_t i = 0; i < 4; i++) {
        snprintf(file, sizeof(file), "%s%s.txt", base, same[i]);
        parsed_t *p = fx(cmd, file);
        assert_int_equal(p->n, n);
        assert_false(p->partial);
        assert_int_equal(p->n_skipped, 0);
        th_free(p);
    }
    snprintf(file, sizeof(file), "%s_truncated.txt", base);
    parsed_t *p = fx(cmd, file);
    assert_true(p->n <= n);
    if (truncated_detectable)
        assert_true(p->partial);
    assert_false(p->failed);
    th_free(p);
    snprintf(file, sizeof(file), "%s_empty.txt", base);
    p = fx(cmd, file);
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    assert_false(p->failed);
    th_free(p);
}

/* ---- interfaces ---- */
static void check_veth_ce(const iface_t *f)
{
    assert_string_equal(f->name, "veth-ce");
    assert_string_equal(f->description, "ExpressRoute primary link to MSEE");
    assert_int_equal(f->admin_status, UPDOWN_UP);
    assert_int_equal(f->oper_status, UPDOWN_UP);
    assert_int_equal(f->mtu, 1500);
    assert_int_equal(f->bandwidth_kbps, 10000000);
    assert_int_equal(strlen(f->mac), 17);
    assert_int_equal(f->n_ipv4, 1);
    assert_string_equal(f->ipv4[0], "192.168.100.129/30");
    assert_int_equal(f->n_ipv6, 2);
    assert_string_equal(f->ipv6[0], "2001:db8:100::1/126");
    assert_string_equal(f->vrf, "default");
}

static void interface_text(void **state)
{
    (void)state;
    parsed_t *p = fx("show interface", "interface.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    check_veth_ce(&th_must_find(p, "veth-ce")->u.iface);
    const iface_t *lan = &th_must_find(p, "veth-lan")->u.iface;
    assert_string_equal(lan->ipv4[0], "172.16.0.1/24");
    assert_string_equal(lan->description, "on-prem LAN");
    const iface_t *lo = &th_must_find(p, "lo")->u.iface;
    assert_int_equal(lo->mtu, 65536);
    assert_int_equal(lo->bandwidth_kbps, MODEL_ABSENT); /* speed 0 = unknown */
    th_free(p);
    p = fx("show interface veth-ce", "interface_veth_ce.txt");
    assert_int_equal(p->n, 1);
    check_veth_ce(&p->recs[0].u.iface);
    th_free(p);
    split("show interface", "interface.txt");
    variants("show interface", "interface", 3, true);
}

static void interface_json(void **state)
{
    (void)state;
    parsed_t *p = fx("show interface json", "interface_json.txt");
    assert_int_equal(p->n, 3);
    check_veth_ce(&th_must_find(p, "veth-ce")->u.iface);
    th_free(p);
    p = fx("show interface veth-ce json", "interface_veth_ce_json.txt");
    assert_int_equal(p->n, 1);
    check_veth_ce(&p->recs[0].u.iface);
    th_free(p);
    p = fx("show interface json", "interface_json_truncated.txt");
    assert_true(p->failed);
    th_free(p);
}

/* ---- bgp summary ---- */
static void check_summary_v4(const bgp_peer_t *b)
{
    assert_string_equal(b->peer, "192.168.100.130");
    assert_int_equal(b->remote_as, 12076);
    assert_int_equal(b->local_as, 65010);
    assert_string_equal(b->router_id, "192.168.100.129");
    assert_int_equal(b->state, BGP_STATE_ESTABLISHED);
    assert_false(b->admin_down);
    assert_int_equal(b->prefixes_received, 2);
    assert_true(b->up_down >= 0);
    assert_true(b->msg_rcvd > 0 && b->msg_sent > 0);
    assert_string_equal(b->vrf, "default");
}

static void bgp_summary_text(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp summary", "bgp_summary.txt");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    check_summary_v4(&th_must_find(p, "192.168.100.130")->u.peer);
    const bgp_peer_t *v6 = &th_must_find(p, "2001:db8:100::2")->u.peer;
    assert_int_equal(v6->remote_as, 12076);
    assert_int_equal(v6->prefixes_received, 1);
    assert_string_equal(v6->address_family, "IPv6 Unicast");
    assert_string_equal(p->meta.router_id, "192.168.100.129");
    assert_int_equal(p->meta.local_as, 65010);
    th_free(p);
    p = fx("show ip bgp summary", "ip_bgp_summary.txt");
    assert_int_equal(p->n, 1);
    check_summary_v4(&p->recs[0].u.peer);
    th_free(p);
    p = fx("show bgp ipv4 unicast summary", "bgp_ipv4_unicast_summary.txt");
    assert_int_equal(p->n, 1);
    check_summary_v4(&p->recs[0].u.peer);
    th_free(p);
    split("show bgp summary", "bgp_summary.txt");
    variants("show bgp summary", "bgp_summary", 2, true);
}

static void bgp_summary_vrf_all(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show bgp vrf all summary", "bgp_vrf_all_summary.txt"},
                                           {"show bgp vrf all summary json", "bgp_vrf_all_summary_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, 3);
        check_summary_v4(&th_must_find(p, "192.168.100.130")->u.peer);
        const bgp_peer_t *priv = &th_must_find(p, "192.168.200.2")->u.peer;
        assert_string_equal(priv->vrf, "ER-PRIVATE");
        assert_string_equal(priv->router_id, "192.168.200.1");
        assert_int_equal(priv->local_as, 65010);
        assert_int_equal(priv->state, BGP_STATE_IDLE);
        assert_int_equal(priv->up_down, MODEL_ABSENT); /* "never" */
        assert_int_equal(priv->prefixes_received, MODEL_ABSENT);
        assert_string_equal(priv->description, "private peering");
        assert_string_equal(p->meta.vrf, "default");
        th_free(p);
    }
    split("show bgp vrf all summary", "bgp_vrf_all_summary.txt");
}

static void bgp_summary_failures(void **state)
{
    (void)state;
    static const char *const cmds[] = {"show bgp summary", "show bgp summary json"};
    static const char *const files[][2] = {{"bad_as_bgp_summary.txt", "bad_as_bgp_summary_json.txt"},
                                           {"admin_shut_bgp_summary.txt", "admin_shut_bgp_summary_json.txt"}};
    for (int j = 0; j < 2; j++) {
        parsed_t *p = fx(cmds[j], files[0][j]); /* remote-as 12075 configured on the CE */
        const bgp_peer_t *b = &th_must_find(p, "192.168.100.130")->u.peer;
        assert_int_equal(b->remote_as, 12075);
        assert_int_equal(b->state, BGP_STATE_IDLE);
        assert_false(b->admin_down);
        assert_int_equal(b->prefixes_received, MODEL_ABSENT);
        th_free(p);
        p = fx(cmds[j], files[1][j]); /* the MSEE side, neighbor shutdown */
        b = &th_must_find(p, "192.168.100.129")->u.peer;
        assert_int_equal(b->remote_as, 65010);
        assert_int_equal(b->local_as, 12076);
        assert_int_equal(b->state, BGP_STATE_IDLE);
        assert_true(b->admin_down);
        assert_string_equal(b->raw_state, "Idle (Admin)");
        assert_string_equal(b->description, "customer CE primary");
        th_free(p);
    }
    parsed_t *p = fx("show bgp summary", "peer_shut_bgp_summary.txt");
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_true(b->state == BGP_STATE_ACTIVE || b->state == BGP_STATE_CONNECT || b->state == BGP_STATE_IDLE);
    assert_false(b->admin_down);
    th_free(p);
}

static void bgp_summary_json(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp summary json", "bgp_summary_json.txt");
    assert_int_equal(p->n, 2);
    check_summary_v4(&th_must_find(p, "192.168.100.130")->u.peer);
    assert_string_equal(th_must_find(p, "192.168.100.130")->u.peer.description, "ExpressRoute primary MSEE");
    assert_int_equal(p->meta.local_as, 65010);
    th_free(p);
    p = fx("show bgp ipv4 unicast summary json", "bgp_ipv4_unicast_summary_json.txt");
    assert_int_equal(p->n, 1);
    check_summary_v4(&p->recs[0].u.peer);
    th_free(p);
    p = fx("show ip bgp summary json", "ip_bgp_summary_json.txt");
    assert_int_equal(p->n, 1);
    th_free(p);
    p = fx("show bgp summary json", "bgp_summary_json_crlf.txt");
    assert_int_equal(p->n, 2);
    th_free(p);
    p = fx("show bgp summary json", "bgp_summary_json_truncated.txt");
    assert_true(p->failed);
    th_free(p);
    p = th_parse_text(V, "show bgp summary json", "", 0);
    assert_int_equal(p->n, 0);
    assert_false(p->failed);
    th_free(p);
}

static void bgp_summary_no_policy(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show bgp summary", "no_policy_bgp_summary.txt"},
                                           {"show bgp summary json", "no_policy_bgp_summary_json.txt"}};
    for (size_t i = 0; i < 2; i++) { /* RFC 8212: up, every update discarded */
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        const bgp_peer_t *b = &th_must_find(p, "2001:db8:100::2")->u.peer;
        assert_int_equal(b->state, BGP_STATE_ESTABLISHED);
        assert_int_equal(b->prefixes_received, 0);
        th_free(p);
    }
    parsed_t *p = fx("show bgp summary", "no_policy_bgp_summary.txt");
    assert_string_equal(th_must_find(p, "2001:db8:100::2")->u.peer.raw_state, "(Policy)");
    th_free(p);
    static const char *const nb[][2] = {{"show bgp neighbors 2001:db8:100::2", "no_policy_bgp_neighbors_one.txt"},
                                        {"show bgp neighbors 2001:db8:100::2 json", "no_policy_bgp_neighbors_one_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        p = fx(nb[i][0], nb[i][1]);
        const bgp_neighbor_t *n = &p->recs[0].u.neighbor;
        assert_string_equal(n->peer, "2001:db8:100::2");
        assert_string_equal(n->inbound_policy, "");
        assert_string_equal(n->outbound_policy, "RM-V6-OUT");
        assert_int_equal(n->prefixes_accepted, 0);
        assert_string_equal(n->local_address, "2001:db8:100::1");
        th_free(p);
    }
}

/* ---- bgp neighbors ---- */
static void check_nb_established(const bgp_neighbor_t *nb)
{
    assert_string_equal(nb->peer, "192.168.100.130");
    assert_int_equal(nb->remote_as, 12076);
    assert_int_equal(nb->local_as, 65010);
    assert_int_equal(nb->state, BGP_STATE_ESTABLISHED);
    assert_string_equal(nb->description, "ExpressRoute primary MSEE");
    assert_string_equal(nb->remote_router_id, "192.168.100.130");
    assert_string_equal(nb->local_address, "192.168.100.129");
    assert_true(nb->local_port > 0);
    assert_true(nb->remote_port == 179 || nb->local_port == 179);
    assert_int_equal(nb->hold_time, 180);
    assert_int_equal(nb->keepalive, 60);
    assert_int_equal(nb->cfg_hold_time, 180);
    assert_int_equal(nb->cfg_keepalive, 60);
    assert_int_equal(nb->md5, TRI_TRUE);
    assert_int_equal(nb->bfd, TRI_TRUE);
    assert_string_equal(nb->inbound_policy, "RM-MSEE-IN");
    assert_string_equal(nb->outbound_policy, "RM-MSEE-OUT");
    assert_int_equal(nb->prefixes_accepted, 2);
    assert_int_equal(nb->prefixes_received, 2);
    assert_int_equal(nb->max_prefixes, 100);
    assert_true(nb->msg_rcvd > 0 && nb->msg_sent > 0);
    assert_true(nb->up_down >= 0);
    assert_string_equal(nb->vrf, "default");
}

static void bgp_neighbors_text(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp neighbors", "bgp_neighbors.txt");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    check_nb_established(&th_must_find(p, "192.168.100.130")->u.neighbor);
    const bgp_neighbor_t *v6 = &th_must_find(p, "2001:db8:100::2")->u.neighbor;
    assert_int_equal(v6->md5, TRI_FALSE);
    assert_int_equal(v6->bfd, TRI_FALSE);
    assert_string_equal(v6->inbound_policy, "RM-V6-IN");
    assert_int_equal(v6->cfg_hold_time, 180);
    th_free(p);
    p = fx("show ip bgp neighbors 192.168.100.130", "ip_bgp_neighbors_one.txt");
    assert_int_equal(p->n, 1);
    check_nb_established(&p->recs[0].u.neighbor);
    th_free(p);
    p = fx("show bgp neighbors", "msee_bgp_neighbors.txt"); /* the other side */
    const bgp_neighbor_t *ce = &th_must_find(p, "192.168.100.129")->u.neighbor;
    assert_int_equal(ce->remote_as, 65010);
    assert_int_equal(ce->local_as, 12076);
    assert_string_equal(ce->inbound_policy, "RM-CUSTOMER-IN");
    assert_int_equal(ce->prefixes_accepted, 1);
    th_free(p);
    split("show bgp neighbors", "bgp_neighbors.txt");
    variants("show bgp neighbors", "bgp_neighbors", 2, true);
}

static void bgp_neighbors_failures(void **state)
{
    (void)state;
    static const char *const cmds[] = {"show bgp neighbors 192.168.100.130", "show bgp neighbors 192.168.100.130 json"};
    static const char *const bad[] = {"bad_as_bgp_neighbors_one.txt", "bad_as_bgp_neighbors_one_json.txt"};
    static const char *const shut[] = {"peer_shut_bgp_neighbors_one.txt", "peer_shut_bgp_neighbors_one_json.txt"};
    static const char *const adm[] = {"admin_shut_bgp_neighbors_one.txt", "admin_shut_bgp_neighbors_one_json.txt"};
    for (int j = 0; j < 2; j++) {
        parsed_t *p = fx(cmds[j], bad[j]);
        const bgp_neighbor_t *nb = &p->recs[0].u.neighbor;
        assert_int_equal(nb->remote_as, 12075);
        assert_int_equal(nb->state, BGP_STATE_IDLE);
        assert_string_equal(nb->last_error, "OPEN Message Error/Bad Peer AS");
        assert_int_equal(nb->notification_code, 2);
        assert_int_equal(nb->notification_subcode, 2);
        assert_string_equal(nb->notification_dir, "sent");
        assert_true(nb->last_reset >= 0);
        assert_int_equal(nb->prefixes_received, MODEL_ABSENT);
        assert_string_equal(nb->remote_router_id, "");
        assert_int_equal(nb->cfg_hold_time, 180);
        th_free(p);
        p = fx(cmds[j], shut[j]);
        nb = &p->recs[0].u.neighbor;
        assert_true(nb->state == BGP_STATE_ACTIVE || nb->state == BGP_STATE_CONNECT || nb->state == BGP_STATE_IDLE);
        assert_string_equal(nb->last_error, "Cease/Administrative Shutdown");
        assert_int_equal(nb->notification_code, 6);
        assert_int_equal(nb->notification_subcode, 2);
        assert_string_equal(nb->notification_dir, "received");
        th_free(p);
        p = fx(cmds[j], adm[j]);
        nb = &p->recs[0].u.neighbor;
        assert_string_equal(nb->peer, "192.168.100.129");
        assert_int_equal(nb->state, BGP_STATE_IDLE);
        assert_true(nb->admin_down);
        assert_int_equal(nb->md5, TRI_TRUE);
        th_free(p);
    }
    parsed_t *p = fx("show bgp neighbors", "admin_shut_bgp_neighbors_one.txt");
    assert_string_equal(p->recs[0].u.neighbor.last_reset_reason, "Admin. shutdown");
    th_free(p);
}

static void bgp_neighbors_vrf_and_json(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show bgp vrf all neighbors", "bgp_vrf_all_neighbors.txt"},
                                           {"show bgp vrf all neighbors json", "bgp_vrf_all_neighbors_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, 3);
        check_nb_established(&th_must_find(p, "192.168.100.130")->u.neighbor);
        const bgp_neighbor_t *priv = &th_must_find(p, "192.168.200.2")->u.neighbor;
        assert_string_equal(priv->vrf, "ER-PRIVATE");
        assert_int_equal(priv->state, BGP_STATE_IDLE);
        assert_string_equal(priv->local_address, "");
        th_free(p);
    }
    parsed_t *p = fx("show bgp neighbors json", "bgp_neighbors_json.txt");
    assert_int_equal(p->n, 2);
    check_nb_established(&th_must_find(p, "192.168.100.130")->u.neighbor);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.neighbor.prefixes_sent, 1);
    th_free(p);
    p = fx("show ip bgp neighbors 192.168.100.130 json", "ip_bgp_neighbors_one_json.txt");
    check_nb_established(&p->recs[0].u.neighbor);
    th_free(p);
    split("show bgp vrf all neighbors", "bgp_vrf_all_neighbors.txt");
}

/* ---- routes ---- */
static void check_routes(const parsed_t *p)
{
    const route_t *r = &th_must_find(p, "10.1.0.0/16")->u.route;
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->distance, 20);
    assert_int_equal(r->metric, 0);
    assert_int_equal(r->best, TRI_TRUE);
    assert_true(r->age >= 0);
    assert_int_equal(r->n_next_hops, 1);
    assert_string_equal(r->next_hops[0].address, "192.168.100.130");
    assert_string_equal(r->next_hops[0].interface, "veth-ce");
    r = &th_must_find(p, "192.168.100.128/30")->u.route;
    assert_string_equal(r->protocol, "connected");
    assert_string_equal(r->next_hops[0].interface, "veth-ce");
    assert_string_equal(r->next_hops[0].address, "");
    r = &th_must_find(p, "172.16.0.0/16")->u.route;
    assert_string_equal(r->protocol, "static");
    assert_string_equal(r->next_hops[0].interface, "Null0");
    r = &th_must_find(p, "198.51.100.0/24")->u.route; /* ECMP static */
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->next_hops[0].address, "172.16.0.10");
    assert_string_equal(r->next_hops[1].address, "192.168.100.130");
    assert_string_equal(r->next_hops[1].interface, "veth-ce");
}

static void routes(void **state)
{
    (void)state;
    parsed_t *p = fx("show ip route", "ip_route.txt");
    assert_int_equal(p->n, 6);
    assert_false(p->partial);
    check_routes(p);
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.route.raw_protocol, "B");
    th_free(p);
    p = fx("show ip route json", "ip_route_json.txt");
    assert_int_equal(p->n, 6);
    check_routes(p);
    th_free(p);
    static const char *const one[][2] = {{"show ip route 10.1.0.4", "ip_route_one.txt"},
                                         {"show ip route 10.1.0.4 json", "ip_route_one_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        p = fx(one[i][0], one[i][1]);
        assert_int_equal(p->n, 1);
        const route_t *r = &p->recs[0].u.route;
        assert_string_equal(r->prefix, "10.1.0.0/16");
        assert_string_equal(r->protocol, "bgp");
        assert_int_equal(r->distance, 20);
        assert_int_equal(r->best, TRI_TRUE);
        assert_string_equal(r->next_hops[0].address, "192.168.100.130");
        assert_string_equal(r->next_hops[0].interface, "veth-ce");
        th_free(p);
    }
    split("show ip route", "ip_route.txt");
    variants("show ip route", "ip_route", 6, true);
}

static void routes_v6(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show ipv6 route", "ipv6_route.txt"},
                                           {"show ipv6 route json", "ipv6_route_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, 4);
        const route_t *r = &th_must_find(p, "2001:db8:10::/48")->u.route;
        assert_string_equal(r->protocol, "bgp");
        assert_int_equal(r->distance, 20);
        assert_true(strncmp(r->next_hops[0].address, "fe80::", 6) == 0);
        assert_string_equal(r->next_hops[0].interface, "veth-ce");
        r = &th_must_find(p, "2001:db8:100::/126")->u.route;
        assert_string_equal(r->protocol, "connected");
        th_free(p);
    }
    variants("show ipv6 route", "ipv6_route", 4, true);
}

static void interface_and_routes_lan_shut(void **state)
{
    (void)state;
    static const char *const ifs[][2] = {{"show interface veth-lan", "lan_shut_interface.txt"},
                                         {"show interface veth-lan json", "lan_shut_interface_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(ifs[i][0], ifs[i][1]);
        assert_int_equal(p->n, 1);
        const iface_t *f = &p->recs[0].u.iface;
        assert_string_equal(f->name, "veth-lan");
        assert_int_equal(f->admin_status, UPDOWN_DOWN);
        assert_int_equal(f->oper_status, UPDOWN_DOWN);
        assert_true(f->carrier_transitions >= 1); /* grows with every capture */
        th_free(p);
    }
    static const char *const rts[][2] = {{"show ip route", "lan_shut_ip_route.txt"},
                                         {"show ip route json", "lan_shut_ip_route_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(rts[i][0], rts[i][1]);
        assert_false(p->partial);
        assert_null(th_find(p, "172.16.0.0/24")); /* the connected LAN is gone */
        /* 172.16.0.10 now resolves recursively (through the blackhole): the resolution line is
         * not a third path */
        const route_t *r = &th_must_find(p, "198.51.100.0/24")->u.route;
        assert_int_equal(r->n_next_hops, 2);
        assert_string_equal(r->next_hops[0].address, "172.16.0.10");
        assert_string_equal(r->next_hops[0].interface, "");
        assert_string_equal(r->next_hops[1].interface, "veth-ce");
        th_free(p);
    }
}

/* ---- bgp table ---- */
static void check_table(const parsed_t *p)
{
    const bgp_path_t *b = &th_must_find(p, "10.1.0.0/16")->u.path;
    assert_string_equal(b->next_hop, "192.168.100.130");
    assert_int_equal(b->metric, 0);
    assert_int_equal(b->local_pref, 200); /* RM-MSEE-IN sets it */
    assert_int_equal(b->weight, 0);
    assert_string_equal(b->as_path, "12076");
    assert_string_equal(b->origin, "igp");
    assert_int_equal(b->best, TRI_TRUE);
    assert_int_equal(b->valid, TRI_TRUE);
    const bgp_path_t *own = &th_must_find(p, "172.16.0.0/16")->u.path;
    assert_string_equal(own->next_hop, "0.0.0.0");
    assert_int_equal(own->local_pref, MODEL_ABSENT);
    assert_int_equal(own->weight, 32768);
    assert_string_equal(own->as_path, "");
}

static void bgp_table(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show ip bgp", "ip_bgp.txt"},
                                           {"show bgp ipv4 unicast", "bgp_ipv4_unicast.txt"},
                                           {"show ip bgp json", "ip_bgp_json.txt"},
                                           {"show bgp ipv4 unicast json", "bgp_ipv4_unicast_json.txt"}};
    for (size_t i = 0; i < 4; i++) {
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, 3);
        assert_false(p->partial);
        check_table(p);
        assert_string_equal(p->meta.router_id, "192.168.100.129");
        assert_int_equal(p->meta.local_as, 65010);
        th_free(p);
    }
    parsed_t *p = fx("show ip bgp", "msee_ip_bgp.txt"); /* MSEE: prepended customer route */
    const bgp_path_t *b = &th_must_find(p, "172.16.0.0/16")->u.path;
    assert_string_equal(b->as_path, "65010 65010");
    assert_string_equal(b->next_hop, "192.168.100.129");
    th_free(p);
    split("show ip bgp", "ip_bgp.txt");
    variants("show ip bgp", "ip_bgp", 3, true);
}

static void bgp_table_v6_and_detail(void **state)
{
    (void)state;
    static const char *const v6[][2] = {{"show bgp ipv6 unicast", "bgp_ipv6_unicast.txt"},
                                        {"show bgp ipv6 unicast json", "bgp_ipv6_unicast_json.txt"}};
    for (size_t i = 0; i < 2; i++) { /* the row wraps after the link-local next hop */
        parsed_t *p = fx(v6[i][0], v6[i][1]);
        assert_int_equal(p->n, 1);
        const bgp_path_t *b = &p->recs[0].u.path;
        assert_string_equal(b->prefix, "2001:db8:10::/48");
        assert_true(strncmp(b->next_hop, "fe80::", 6) == 0);
        assert_int_equal(b->metric, 0);
        assert_int_equal(b->weight, 0);
        assert_string_equal(b->as_path, "12076");
        assert_string_equal(b->origin, "igp");
        th_free(p);
    }
    static const char *const one[][2] = {{"show ip bgp 10.1.0.0", "ip_bgp_one.txt"},
                                         {"show ip bgp 10.1.0.0 json", "ip_bgp_one_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(one[i][0], one[i][1]);
        assert_int_equal(p->n, 1);
        const bgp_path_t *b = &p->recs[0].u.path;
        assert_string_equal(b->prefix, "10.1.0.0/16");
        assert_string_equal(b->next_hop, "192.168.100.130");
        assert_string_equal(b->neighbor, "192.168.100.130");
        assert_int_equal(b->local_pref, 200);
        assert_string_equal(b->as_path, "12076");
        assert_int_equal(b->best, TRI_TRUE);
        assert_int_equal(b->valid, TRI_TRUE);
        th_free(p);
    }
    split("show bgp ipv6 unicast", "bgp_ipv6_unicast.txt");
}

static void bgp_table_per_neighbor(void **state)
{
    (void)state;
    static const char *const adv[][2] = {
        {"show ip bgp neighbors 192.168.100.130 advertised-routes", "ip_bgp_neighbor_advertised.txt"},
        {"show ip bgp neighbors 192.168.100.130 advertised-routes json", "ip_bgp_neighbor_advertised_json.txt"}};
    for (size_t i = 0; i < 2; i++) { /* what the CE sends to the MSEE: its on-prem aggregate */
        parsed_t *p = fx(adv[i][0], adv[i][1]);
        assert_int_equal(p->n, 1);
        const bgp_path_t *b = &p->recs[0].u.path;
        assert_string_equal(b->prefix, "172.16.0.0/16");
        assert_int_equal(b->weight, 32768);
        assert_string_equal(b->origin, "igp");
        assert_int_equal(b->best, TRI_TRUE);
        assert_string_equal(p->meta.router_id, "192.168.100.129");
        th_free(p);
    }
    static const char *const rcv[][2] = {
        {"show ip bgp neighbors 192.168.100.130 routes", "ip_bgp_neighbor_routes.txt"},
        {"show ip bgp neighbors 192.168.100.130 routes json", "ip_bgp_neighbor_routes_json.txt"}};
    for (size_t i = 0; i < 2; i++) { /* what the MSEE sent and RM-MSEE-IN accepted */
        parsed_t *p = fx(rcv[i][0], rcv[i][1]);
        assert_int_equal(p->n, 2);
        assert_int_equal(th_must_find(p, "10.2.0.0/16")->u.path.local_pref, 200);
        assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.path.as_path, "12076");
        th_free(p);
    }
}

static void bgp_table_two_paths(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show ip bgp", "two_paths_ip_bgp.txt"},
                                           {"show ip bgp json", "two_paths_ip_bgp_json.txt"},
                                           {"show ip bgp 10.1.0.0/16", "two_paths_ip_bgp_one.txt"},
                                           {"show ip bgp 10.1.0.0/16 json", "two_paths_ip_bgp_one_json.txt"}};
    for (size_t i = 0; i < 4; i++) { /* the second path of a prefix leaves Network blank */
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, i < 2 ? 5 : 2);
        assert_false(p->partial);
        int best = 0;
        for (size_t k = 0; k < 2; k++) {
            const bgp_path_t *b = &p->recs[k].u.path;
            assert_string_equal(b->prefix, "10.1.0.0/16");
            assert_string_equal(b->next_hop, "192.168.100.130");
            assert_int_equal(b->local_pref, 200);
            assert_int_equal(b->valid, TRI_TRUE);
            best += b->best == TRI_TRUE;
        }
        assert_int_equal(best, 1);
        if (i != 0) /* the table form does not say which peer a path came from */
            assert_string_equal(p->recs[0].u.path.neighbor, "2001:db8:100::2");
        th_free(p);
    }
    split("show ip bgp", "two_paths_ip_bgp.txt");
    split("show ip bgp 10.1.0.0/16", "two_paths_ip_bgp_one.txt");
}

/* ---- config and policies ---- */
static void bgp_config(void **state)
{
    (void)state;
    parsed_t *p = fx("show running-config", "running_config.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const bgp_config_neighbor_t *c = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(c->local_as, 65010);
    assert_int_equal(c->remote_as, 12076);
    assert_string_equal(c->router_id, "192.168.100.129");
    assert_int_equal(c->md5, TRI_TRUE);
    assert_int_equal(c->bfd, TRI_TRUE);
    assert_int_equal(c->keepalive, 60);
    assert_int_equal(c->hold_time, 180);
    assert_string_equal(c->inbound_policy, "RM-MSEE-IN");
    assert_string_equal(c->outbound_policy, "RM-MSEE-OUT");
    assert_int_equal(c->max_prefixes, 100);
    assert_string_equal(c->description, "ExpressRoute primary MSEE");
    const bgp_config_neighbor_t *priv = &th_must_find(p, "192.168.200.2")->u.bgp_config;
    assert_string_equal(priv->vrf, "ER-PRIVATE");
    assert_string_equal(priv->router_id, "192.168.200.1");
    assert_int_equal(priv->md5, TRI_FALSE);
    /* the secret never reaches the output */
    assert_null(strstr(p->json, "erdiag-lab-secret"));
    assert_int_equal(p->meta.local_as, 65010);
    th_free(p);
    p = fx("show running-config", "msee_running_config.txt");
    c = &th_must_find(p, "192.168.100.129")->u.bgp_config;
    assert_int_equal(c->local_as, 12076);
    assert_int_equal(c->remote_as, 65010);
    assert_int_equal(c->md5, TRI_TRUE);
    th_free(p);
    split("show running-config", "running_config.txt");
    variants("show running-config", "running_config", 3, true);
}

static void prefix_lists(void **state)
{
    (void)state;
    parsed_t *p = fx("show ip prefix-list", "prefix_list.txt");
    assert_int_equal(p->n, 3);
    const prefix_list_entry_t *e = &p->recs[0].u.prefix_list;
    assert_string_equal(e->name, "FROM-MSEE");
    assert_int_equal(e->seq, 5);
    assert_true(e->permit);
    assert_string_equal(e->prefix, "10.0.0.0/8");
    assert_int_equal(e->ge, 16);
    assert_int_equal(e->le, 24);
    e = &p->recs[1].u.prefix_list;
    assert_false(e->permit);
    assert_string_equal(e->prefix, "0.0.0.0/0");
    assert_int_equal(e->le, 32);
    assert_string_equal(th_must_find(p, "TO-MSEE")->u.prefix_list.prefix, "172.16.0.0/16");
    th_free(p);
    /* the same list printed by two daemons is reported once */
    const char *two = "ZEBRA: ip prefix-list TO-MSEE: 1 entries\n   seq 5 permit 172.16.0.0/16\n"
                      "BGP: ip prefix-list TO-MSEE: 1 entries\n   seq 5 permit 172.16.0.0/16\n"
                      "BGP: ipv6 prefix-list FROM-MSEE-V6: 1 entries\n   seq 5 permit 2001:db8:10::/48\n";
    p = th_parse_text(V, "show ipv6 prefix-list", two, strlen(two));
    assert_int_equal(p->n, 2);
    assert_true(th_must_find(p, "FROM-MSEE-V6")->u.prefix_list.ipv6);
    th_free(p);
    split("show ip prefix-list", "prefix_list.txt");
    variants("show ip prefix-list", "prefix_list", 3, true);
}

static void route_maps(void **state)
{
    (void)state;
    parsed_t *p = fx("show route-map", "route_map.txt");
    assert_int_equal(p->n, 5);
    const route_map_entry_t *e = &p->recs[0].u.route_map;
    assert_string_equal(e->name, "RM-MSEE-IN");
    assert_int_equal(e->seq, 10);
    assert_true(e->permit);
    assert_int_equal(e->n_match, 1);
    assert_string_equal(e->match[0], "ip address prefix-list FROM-MSEE");
    assert_int_equal(e->n_set, 1);
    assert_string_equal(e->set[0], "local-preference 200");
    e = &p->recs[1].u.route_map;
    assert_int_equal(e->seq, 20);
    assert_false(e->permit);
    assert_int_equal(e->n_match, 0);
    assert_string_equal(th_must_find(p, "RM-MSEE-OUT")->u.route_map.set[0], "as-path prepend 65010");
    th_free(p);
    split("show route-map", "route_map.txt");
    variants("show route-map", "route_map", 5, true);
}

/* ---- bfd and version ---- */
static void bfd(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show bfd peers", "bfd_peers.txt"}, {"show bfd peers json", "bfd_peers_json.txt"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, 1);
        const bfd_session_t *b = &p->recs[0].u.bfd;
        assert_string_equal(b->peer, "192.168.100.130");
        assert_string_equal(b->local, "192.168.100.129");
        assert_string_equal(b->interface, "veth-ce");
        assert_string_equal(b->vrf, "default");
        assert_int_equal(b->state, UPDOWN_UP);
        assert_int_equal(b->multiplier, 3);
        assert_int_equal(b->rx_interval_ms, 300);
        assert_int_equal(b->tx_interval_ms, 300);
        assert_true(b->up_time >= 0);
        th_free(p);
    }
    parsed_t *p = fx("show bfd peers", "peer_shut_bfd_peers.txt");
    assert_int_equal(p->n, 1);
    th_free(p);
    split("show bfd peers", "bfd_peers.txt");
    variants("show bfd peers", "bfd_peers", 1, true);
}

/* bfdd with no session prints its header alone ("BFD Peers:", _display_all_peers), or an
 * empty list in JSON, and "show bfd vrf X peers" likewise: zero sessions, nothing partial. */
static void bfd_no_peers(void **state)
{
    (void)state;
    static const char *const cases[][2] = {{"show bfd peers", "bfd_peers_none.txt"},
                                           {"show bfd vrf default peers", "bfd_peers_none.txt"},
                                           {"show bfd peers json", "bfd_peers_none_json.txt"}};
    for (size_t i = 0; i < 3; i++) {
        parsed_t *p = fx(cases[i][0], cases[i][1]);
        assert_int_equal(p->n, 0);
        assert_false(p->partial);
        assert_false(p->failed);
        assert_non_null(strstr(p->json, "\"sessions\":[]"));
        th_free(p);
    }
}

static void version(void **state)
{
    (void)state;
    parsed_t *p = fx("show version", "version.txt");
    assert_int_equal(p->n, 1);
    const version_t *v = &p->recs[0].u.version;
    assert_string_equal(v->os, "FRRouting");
    assert_string_equal(v->version, "8.4.4");
    assert_string_equal(v->model, "Linux");
    assert_true(v->hostname[0] != '\0');
    th_free(p);
    split("show version", "version.txt");
    variants("show version", "version", 1, false);
}

/* Commands route to the right parser, abbreviations included. */
static void command_patterns(void **state)
{
    (void)state;
    const parser_vendor_t *frr = parser_vendor_find("frr");
    assert_non_null(frr);
    static const struct { const char *cmd; kind_t kind; bool json; } cases[] = {
        {"sh int", KIND_INTERFACES, false},
        {"show interface veth-ce json", KIND_INTERFACES, true},
        {"show ip bgp summary", KIND_BGP_SUMMARY, false},
        {"sh bgp vrf all summ json", KIND_BGP_SUMMARY, true},
        {"show bgp ipv4 unicast summary", KIND_BGP_SUMMARY, false},
        {"show ip bgp neighbors 192.168.100.130", KIND_BGP_NEIGHBORS, false},
        {"sh ip bgp nei json", KIND_BGP_NEIGHBORS, true},
        {"show ip bgp neighbors advertised-routes", KIND_BGP_TABLE, false},
        {"show ip bgp neighbors 192.168.100.130 received-routes", KIND_BGP_TABLE, false},
        {"show ip route", KIND_ROUTES, false},
        {"show ip route 10.1.0.4 json", KIND_ROUTES, true},
        {"show ipv6 route", KIND_ROUTES, false},
        {"show interface brief", KIND_INTERFACES, false},
        {"show bgp vrf ER-PRIVATE ipv6 unicast summary", KIND_BGP_SUMMARY, false},
        {"show ip bgp", KIND_BGP_TABLE, false},
        {"show bgp ipv4 unicast 10.1.0.0/16 json", KIND_BGP_TABLE, true},
        {"show running-config", KIND_BGP_CONFIG, false},
        {"show ip prefix-list", KIND_PREFIX_LISTS, false},
        {"show route-map", KIND_ROUTE_MAPS, false},
        {"show bfd peers json", KIND_BFD, true},
        {"show version", KIND_VERSION, false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const parser_def_t *d = parser_find(frr, cases[i].cmd);
        assert_non_null(d);
        assert_int_equal(d->kind, cases[i].kind);
        assert_int_equal(d->whole != NULL, cases[i].json);
    }
    assert_null(parser_find(frr, "show ip route summary"));
}

/* One line no parser knows in three places of each answer (tests/testhelp.h). */
static void unknown_lines(void **state)
{
    (void)state;
    th_assert_unknown_lines("frr", "show interface", "frr/interface", "veth-ce", "lo", TH_MARKS);
    th_assert_unknown_lines("frr", "show bgp neighbors", "frr/bgp_neighbors", "192.168.100.130", "2001:db8:100::2", TH_SILENT);
    th_assert_unknown_lines("frr", "show bgp summary", "frr/bgp_summary", "192.168.100.130", "2001:db8:100::2", TH_BETWEEN);
    th_assert_unknown_lines("frr", "show bfd peers", "frr/bfd_peers_two", "192.168.100.130", "192.168.100.134", TH_MARKS);
    th_assert_unknown_lines("frr", "show ip route", "frr/ip_route", "10.1.0.0/16", "172.16.0.0/16", TH_MARKS);
}

/* ---- IPv6 on the ExpressRoute /126 (customer 2001:db8:c0de::1, Microsoft ::2), hand-written ---- */

static void v6_summary(void **state)
{
    (void)state;
    static const char *const files[][2] = {{"show bgp ipv6 unicast summary", "v6_bgp_summary.txt"},
                                           {"show bgp ipv6 unicast summary", "v6_bgp_summary_crlf.txt"},
                                           {"show bgp ipv6 unicast summary", "v6_bgp_summary_pager.txt"},
                                           {"show bgp ipv6 unicast summary json", "v6_bgp_summary_json.txt"}};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        parsed_t *p = fx(files[i][0], files[i][1]);
        assert_false(p->partial);
        assert_int_equal(p->n, 2);
        const bgp_peer_t *ms = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
        assert_int_equal(ms->remote_as, 12076);
        assert_int_equal(ms->local_as, 65010);
        assert_int_equal(ms->state, BGP_STATE_ESTABLISHED);
        assert_int_equal(ms->prefixes_received, 2);
        assert_string_equal(ms->address_family, "IPv6 Unicast");
        assert_string_equal(ms->description, "ER-MSEE-primary-v6");
        assert_int_equal(th_must_find(p, "2001:db8:c0de::6")->u.peer.state, BGP_STATE_ACTIVE);
        th_free(p);
    }
    parsed_t *p = fx("show bgp vrf ER-PRIVATE ipv6 unicast summary", "v6_bgp_summary_vrf.txt");
    assert_false(p->partial);
    const bgp_peer_t *wrapped = &th_must_find(p, "2001:db8:c0de:ffff::a2")->u.peer; /* its row on the next line */
    assert_int_equal(wrapped->remote_as, 12076);
    assert_int_equal(wrapped->prefixes_received, 2);
    assert_int_equal(wrapped->up_down, 6727);
    assert_string_equal(wrapped->vrf, "ER-PRIVATE");
    th_free(p);
    p = fx("show bgp ipv6 unicast summary", "v6_bgp_summary_truncated.txt");
    assert_true(p->truncated);
    assert_int_equal(p->n, 1);
    th_free(p);
}

static void v6_interface_brief(void **state)
{
    (void)state;
    static const char *const files[] = {"v6_interface_brief.txt", "v6_interface_brief_crlf.txt",
                                        "v6_interface_brief_pager.txt"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        parsed_t *p = fx("show interface brief", files[i]);
        assert_false(p->partial);
        assert_int_equal(p->n, 5);
        const iface_t *ce = &th_must_find(p, "eth1")->u.iface;
        assert_int_equal(ce->oper_status, UPDOWN_UP);
        assert_string_equal(ce->ipv4[0], "192.168.100.129/30");
        assert_int_equal(ce->n_ipv6, 1);
        assert_string_equal(ce->ipv6[0], "2001:db8:c0de::1/126");
        const iface_t *v6only = &th_must_find(p, "eth2")->u.iface;
        assert_int_equal(v6only->n_ipv4, 0);
        assert_string_equal(v6only->ipv6[0], "2001:db8:ff00:ffff::2/64");
        assert_int_equal(th_must_find(p, "eth3")->u.iface.oper_status, UPDOWN_DOWN);
        th_free(p);
    }
    parsed_t *p = fx("show interface brief", "v6_interface_brief_truncated.txt");
    assert_int_equal(p->n, 2);
    th_free(p);
}

/* The link-local next hop: FRR forwards to it ("(used)"), as the table and JSON forms say. */
static void v6_bgp_paths(void **state)
{
    (void)state;
    static const char *const files[] = {"v6_bgp_prefix.txt", "v6_bgp_prefix_crlf.txt", "v6_bgp_prefix_pager.txt"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        parsed_t *p = fx("show bgp ipv6 unicast 2001:db8:1::/48", files[i]);
        assert_false(p->partial);
        assert_int_equal(p->n, 1);
        const bgp_path_t *a = &p->recs[0].u.path;
        assert_string_equal(a->prefix, "2001:db8:1::/48");
        assert_string_equal(a->next_hop, "fe80::222:bdff:fef8:19ff");
        assert_string_equal(a->neighbor, "2001:db8:c0de::2");
        assert_string_equal(a->as_path, "12076");
        assert_int_equal(a->best, TRI_TRUE);
        th_free(p);
    }
    parsed_t *p = fx("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 routes", "v6_neighbor_routes.txt");
    assert_false(p->partial);
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.path.next_hop, "fe80::222:bdff:fef8:19ff");
    th_free(p);
    p = fx("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes", "v6_advertised_routes.txt");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:ff00::/40");
    assert_int_equal(p->recs[0].u.path.weight, 32768);
    th_free(p);
}

static void v6_routes(void **state)
{
    (void)state;
    parsed_t *p = fx("show ipv6 route 2001:db8:1::/48", "v6_ipv6_route_one.txt");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    const route_t *r = &p->recs[0].u.route;
    assert_string_equal(r->prefix, "2001:db8:1::/48");
    assert_string_equal(r->protocol, "bgp");
    assert_string_equal(r->next_hops[0].address, "fe80::222:bdff:fef8:19ff");
    assert_string_equal(r->next_hops[0].interface, "eth1");
    th_free(p);
    /* 2,000 /64s of the Azure prefix through the Microsoft router's link-local address */
    enum { N = 2000 };
    size_t size = (size_t)N * 128 + 64, used = 0;
    char *text = malloc(size);
    assert_non_null(text);
    for (int i = 0; i < N; i++)
        used += (size_t)snprintf(text + used, size - used,
                                 "B>* 2001:db8:1:%x::/64 [20/0] via fe80::222:bdff:fef8:19ff, eth1, weight 1, 3w1d04h\n", i);
    p = th_parse_text(V, "show ipv6 route", text, used);
    free(text);
    assert_false(p->partial);
    assert_int_equal(p->n, N);
    r = &th_must_find(p, "2001:db8:1:7cf::/64")->u.route;
    assert_string_equal(r->next_hops[0].address, "fe80::222:bdff:fef8:19ff");
    assert_string_equal(r->next_hops[0].interface, "eth1");
    th_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_lines),
        cmocka_unit_test(interface_text),        cmocka_unit_test(interface_json),
        cmocka_unit_test(bgp_summary_text),      cmocka_unit_test(bgp_summary_vrf_all),
        cmocka_unit_test(bgp_summary_failures),  cmocka_unit_test(bgp_summary_json),
        cmocka_unit_test(bgp_neighbors_text),    cmocka_unit_test(bgp_neighbors_failures),
        cmocka_unit_test(bgp_neighbors_vrf_and_json), cmocka_unit_test(routes),
        cmocka_unit_test(routes_v6),             cmocka_unit_test(v6_summary),
        cmocka_unit_test(v6_interface_brief),    cmocka_unit_test(v6_bgp_paths),
        cmocka_unit_test(v6_routes),             cmocka_unit_test(interface_and_routes_lan_shut),
        cmocka_unit_test(bgp_summary_no_policy),             cmocka_unit_test(bgp_table),
        cmocka_unit_test(bgp_table_v6_and_detail), cmocka_unit_test(bgp_table_per_neighbor),
        cmocka_unit_test(bgp_table_two_paths),   cmocka_unit_test(bgp_config),
        cmocka_unit_test(prefix_lists),          cmocka_unit_test(route_maps),
        cmocka_unit_test(bfd),                   cmocka_unit_test(bfd_no_peers),                   cmocka_unit_test(version),
        cmocka_unit_test(command_patterns),
    };
    return cmocka_run_group_tests_name("frr", tests, NULL, NULL);
}
