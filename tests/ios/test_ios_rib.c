/* test_ios_rib.c: IOS routing-table parsers (show ip route, show ip bgp) against the
 * tests/fixtures/ios/rib_* fixtures. */
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

#define ROUTE "show ip route"
#define BGP "show ip bgp"

static const route_t *route(const parsed_t *p, const char *prefix)
{
    return &th_must_find(p, prefix)->u.route;
}

static const bgp_path_t *path_n(const parsed_t *p, const char *prefix, int nth)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->recs[i].u.path.prefix, prefix) == 0 && nth-- == 0)
            return &p->recs[i].u.path;
    fail_msg("no path %d for %s", nth, prefix);
    return NULL;
}

/* ---------------- show ip route ---------------- */

/* What rib_route_normal.txt says, whatever noise (CRLF, pager, ANSI) surrounds it. */
static void check_normal_routes(const parsed_t *p)
{
    assert_int_equal(p->n, 18);
    assert_false(p->partial);
    const route_t *def = route(p, "0.0.0.0/0");
    assert_string_equal(def->raw_protocol, "B*");
    assert_string_equal(def->protocol, "bgp");
    assert_int_equal(def->distance, 20);
    assert_int_equal(def->age, 777600); /* 1w2d */
    assert_string_equal(def->next_hops[0].address, "192.168.100.130");

    const route_t *ecmp = route(p, "10.1.0.0/16");
    assert_int_equal(ecmp->n_next_hops, 2);
    assert_string_equal(ecmp->next_hops[1].address, "192.168.100.134");
    assert_int_equal(ecmp->next_hops[1].distance, 20);
    assert_int_equal(ecmp->next_hops[1].age, 777600);

    const route_t *ospf = route(p, "10.20.0.0/16");
    assert_string_equal(ospf->raw_protocol, "O E2");
    assert_string_equal(ospf->protocol, "ospf");
    assert_int_equal(ospf->distance, 110);
    assert_int_equal(ospf->metric, 20);
    assert_int_equal(ospf->age, 62);
    assert_string_equal(ospf->next_hops[0].interface, "GigabitEthernet0/0/2");
    assert_string_equal(ospf->next_hops[1].address, "10.10.1.3");
    assert_int_equal(ospf->next_hops[1].age, 65);

    const route_t *wrapped = route(p, "10.30.0.0/23");
    assert_string_equal(wrapped->raw_protocol, "O IA");
    assert_int_equal(wrapped->n_next_hops, 1);
    assert_int_equal(wrapped->metric, 3);
    assert_int_equal(wrapped->age, 2 * 86400 + 3 * 3600);
    assert_string_equal(wrapped->next_hops[0].address, "10.10.1.2");

    const route_t *stat = route(p, "10.40.0.0/16");
    assert_string_equal(stat->protocol, "static");
    assert_string_equal(stat->next_hops[0].address, "10.10.1.254");
    assert_string_equal(stat->next_hops[0].interface, "");

    /* "172.16.0.0/24 is subnetted": children print no length */
    assert_string_equal(route(p, "172.16.5.0/24")->next_hops[0].address, "10.255.255.2");
    assert_string_equal(route(p, "172.16.6.0/24")->raw_protocol, "D EX");
    assert_string_equal(route(p, "172.16.6.0/24")->protocol, "eigrp");
    /* outside any subnetted header: classful */
    assert_int_equal(route(p, "192.168.50.0/24")->distance, 20);

    const route_t *conn = route(p, "192.168.100.128/30");
    assert_string_equal(conn->protocol, "connected");
    assert_string_equal(conn->next_hops[0].interface, "GigabitEthernet0/0/0");
    assert_string_equal(route(p, "192.168.100.129/32")->protocol, "local");

    const route_t *isis = route(p, "192.168.60.0/24");
    assert_string_equal(isis->protocol, "isis");
    assert_int_equal(isis->age, MODEL_ABSENT);
    assert_string_equal(isis->next_hops[0].interface, "GigabitEthernet0/0/2");

    const route_t *repl = route(p, "172.20.0.0/16");
    assert_string_equal(repl->raw_protocol, "B +");
    assert_string_equal(repl->next_hops[0].vrf, "BLUE");
    assert_int_equal(repl->age, 5 * 86400 + 11 * 3600);

    const route_t *summ = route(p, "172.31.0.0/16");
    assert_string_equal(summ->next_hops[0].interface, "Null0");
    assert_int_equal(summ->age, 6 * 604800 + 86400);
    assert_string_equal(route(p, "10.50.0.0/16")->next_hops[0].interface, "Null0");
    for (size_t i = 0; i < p->n; i++)
        assert_string_equal(p->recs[i].u.route.vrf, "");
}

static void route_normal(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", ROUTE, "ios/rib_route_normal.txt");
    check_normal_routes(p);
    assert_non_null(strstr(p->json, "\"raw_protocol\":\"O E2\""));
    th_free(p);
    size_t len;
    char *text = th_read_fixture("ios/rib_route_normal.txt", &len);
    th_assert_split_invariant("ios", ROUTE, text, 9);
    free(text);
}

static void route_noise(void **state)
{
    (void)state;
    static const char *const files[] = {"ios/rib_route_crlf.txt", "ios/rib_route_more.txt",
                                        "ios/rib_route_ansi.txt"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        parsed_t *p = th_parse_fixture("ios", ROUTE, files[i]);
        check_normal_routes(p);
        th_free(p);
    }
}

static void route_banner(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "sh ip ro", "ios/rib_route_banner.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_string_equal(route(p, "192.168.100.129/32")->next_hops[0].interface, "GigabitEthernet0/0/0");
    th_free(p);
}

static void route_vrf(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip route vrf *", "ios/rib_route_vrf.txt");
    assert_int_equal(p->n, 4);
    assert_false(p->partial);
    assert_string_equal(p->recs[0].u.route.vrf, "BLUE");
    assert_int_equal(p->recs[0].u.route.age, 20 * 60 + 6);
    assert_string_equal(p->recs[2].u.route.next_hops[0].interface, "GigabitEthernet0/0/0.200");
    assert_string_equal(p->recs[3].u.route.vrf, "RED");
    assert_string_equal(p->recs[3].u.route.raw_protocol, "S*");
    th_free(p);

    /* no "Routing Table:" header: the VRF named in the command */
    const char *text = "C        10.9.0.0/24 is directly connected, GigabitEthernet0/0/3\n";
    p = th_parse_text("ios", "show ip route vrf GREEN", text, strlen(text));
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.route.vrf, "GREEN");
    th_free(p);
}

static void route_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", ROUTE, "ios/rib_route_empty.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    th_free(p);
}

static void route_truncated(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", ROUTE, "ios/rib_route_truncated.txt");
    assert_int_equal(p->n, 3);
    assert_true(p->partial);
    const route_t *cut = route(p, "10.20.0.0/16");
    assert_string_equal(cut->raw_protocol, "O E2");
    assert_int_equal(cut->n_next_hops, 0);
    th_free(p);
}

/* Pasted output that lost its indentation still reads the same. */
static void route_unindented(void **state)
{
    (void)state;
    const char *text = "172.16.0.0/24 is subnetted, 1 subnets\n"
                       "B        172.16.5.0 [20/0] via 192.168.100.130, 1w2d\n"
                       "[20/0] via 192.168.100.134, 1w2d\n";
    parsed_t *p = th_parse_text("ios", ROUTE, text, strlen(text));
    assert_int_equal(p->n, 1);
    assert_false(p->partial);
    assert_int_equal(route(p, "172.16.5.0/24")->n_next_hops, 2);
    assert_string_equal(route(p, "172.16.5.0/24")->next_hops[1].address, "192.168.100.134");
    th_free(p);
}

static void route_unknown_line(void **state)
{
    (void)state;
    const char *text = "B        10.1.0.0/16 [20/0] via 192.168.100.130, 1w2d\n"
                       "this is not a route\n";
    parsed_t *p = th_parse_text("ios", ROUTE, text, strlen(text));
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    assert_int_equal(p->n_skipped, 1);
    assert_int_equal(p->skipped[0], 2);
    th_free(p);
}

static void route_detail(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip route 10.1.0.0", "ios/rib_route_detail.txt");
    assert_int_equal(p->n, 1);
    assert_false(p->partial);
    const route_t *r = route(p, "10.1.0.0/16");
    assert_string_equal(r->protocol, "bgp");
    assert_string_equal(r->raw_protocol, "bgp 65010");
    assert_int_equal(r->distance, 20);
    assert_int_equal(r->metric, 0);
    assert_int_equal(r->age, 777600);
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->next_hops[0].address, "192.168.100.130");
    assert_string_equal(r->next_hops[0].interface, "GigabitEthernet0/0/0");
    assert_string_equal(r->next_hops[1].address, "192.168.100.134");
    assert_string_equal(r->next_hops[1].interface, "GigabitEthernet0/0/1");
    th_free(p);
    size_t len;
    char *text = th_read_fixture("ios/rib_route_detail.txt", &len);
    th_assert_split_invariant("ios", "show ip route 10.1.0.0", text, 7);
    free(text);
}

static void route_detail_connected(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip route vrf BLUE 192.168.200.129", "ios/rib_route_detail_connected.txt");
    assert_int_equal(p->n, 1);
    const route_t *r = route(p, "192.168.200.128/30");
    assert_string_equal(r->protocol, "connected");
    assert_string_equal(r->vrf, "BLUE");
    assert_int_equal(r->n_next_hops, 1);
    assert_string_equal(r->next_hops[0].address, "");
    assert_string_equal(r->next_hops[0].interface, "GigabitEthernet0/0/0.200");
    th_free(p);
}

static void route_detail_missing(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip route 10.99.0.0", "ios/rib_route_detail_missing.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    th_free(p);
}

static void route_commands(void **state)
{
    (void)state;
    const parser_vendor_t *v = parser_vendor_find("ios");
    assert_int_equal(parser_find(v, "show ip route")->kind, KIND_ROUTES);
    assert_int_equal(parser_find(v, "sh ip ro vrf BLUE")->kind, KIND_ROUTES);
    assert_int_equal(parser_find(v, "show ip route 10.1.0.0 255.255.0.0")->kind, KIND_ROUTES);
    const parser_def_t *summ = parser_find(v, "show ip route summary");
    assert_true(summ == NULL || summ->kind != KIND_ROUTES);
    assert_int_equal(parser_find(v, "show ip bgp")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(v, "show bgp ipv4 unicast")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(v, "show ip bgp vpnv4 all")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(v, "show ip bgp vpnv4 vrf BLUE")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(v, "show ip bgp 10.1.0.0")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(v, "show ip bgp neighbors advertised-routes")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(v, "show ip bgp neighbors 192.168.100.130 received-routes")->kind, KIND_BGP_TABLE);
    const parser_def_t *bsum = parser_find(v, "show ip bgp summary");
    assert_true(bsum == NULL || bsum->kind != KIND_BGP_TABLE);
    const parser_def_t *nei = parser_find(v, "show ip bgp neighbors 192.168.100.130");
    assert_true(nei == NULL || nei->kind != KIND_BGP_TABLE);
}

/* ---------------- show ip bgp ---------------- */

static void check_normal_bgp(const parsed_t *p)
{
    assert_int_equal(p->n, 13);
    assert_false(p->partial);
    assert_string_equal(p->meta.router_id, "10.255.255.1");
    const bgp_path_t *d = path_n(p, "0.0.0.0/0", 0); /* "0.0.0.0" alone: the default route */
    assert_int_equal(d->metric, MODEL_ABSENT);
    assert_int_equal(d->weight, 0);

    const bgp_path_t *a = path_n(p, "10.1.0.0/16", 0), *b = path_n(p, "10.1.0.0/16", 1),
                     *c = path_n(p, "10.1.0.0/16", 2);
    assert_string_equal(a->next_hop, "192.168.100.130");
    assert_int_equal(a->best, TRI_TRUE);
    assert_int_equal(a->valid, TRI_TRUE);
    assert_int_equal(a->metric, 0);
    assert_int_equal(a->local_pref, MODEL_ABSENT);
    assert_string_equal(a->as_path, "12076");
    assert_string_equal(a->origin, "igp");
    assert_string_equal(b->next_hop, "192.168.100.134");
    assert_int_equal(b->best, TRI_FALSE);
    assert_int_equal(b->valid, TRI_TRUE);
    assert_string_equal(c->next_hop, "10.255.255.2");
    assert_int_equal(c->local_pref, 100);
    assert_int_equal(c->weight, 0);

    /* asdot -> asplain; blank metric */
    const bgp_path_t *dot = path_n(p, "10.2.0.0/16", 1);
    assert_string_equal(dot->as_path, "12076 4200000001");
    assert_string_equal(dot->origin, "incomplete");
    assert_int_equal(dot->metric, MODEL_ABSENT);

    const bgp_path_t *set = path_n(p, "10.3.0.0/16", 0);
    assert_string_equal(set->as_path, "12076 4200000001 {65101,65102}");
    assert_string_equal(set->origin, "egp");
    assert_int_equal(set->metric, 100);

    const bgp_path_t *local = path_n(p, "10.10.1.0/24", 0);
    assert_string_equal(local->as_path, "");
    assert_int_equal(local->weight, 32768);
    assert_int_equal(local->metric, 0);

    assert_string_equal(path_n(p, "192.168.50.0/24", 0)->next_hop, "192.168.100.130"); /* classful */

    const bgp_path_t *w1 = path_n(p, "10.104.192.192/28", 0), *w2 = path_n(p, "10.104.192.192/28", 1);
    assert_string_equal(w1->next_hop, "192.168.100.130"); /* wrapped onto the next line */
    assert_string_equal(w1->as_path, "12076 65020");
    assert_int_equal(w2->metric, 4000000000LL); /* runs into the next-hop column */

    const bgp_path_t *rib = path_n(p, "172.16.5.0/24", 0);
    assert_int_equal(rib->valid, TRI_FALSE);
    assert_int_equal(rib->best, TRI_TRUE);
    assert_int_equal(rib->local_pref, 100);
    assert_int_equal(path_n(p, "10.20.1.0/24", 0)->metric, 20);
}

static void bgp_normal(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", BGP, "ios/rib_bgp_normal.txt");
    check_normal_bgp(p);
    assert_non_null(strstr(p->json, "\"as_path\":\"12076 4200000001\""));
    th_free(p);
    size_t len;
    char *text = th_read_fixture("ios/rib_bgp_normal.txt", &len);
    th_assert_split_invariant("ios", BGP, text, 9);
    free(text);
}

static void bgp_noise(void **state)
{
    (void)state;
    static const char *const files[] = {"ios/rib_bgp_crlf.txt", "ios/rib_bgp_more.txt", "ios/rib_bgp_ansi.txt"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        parsed_t *p = th_parse_fixture("ios", "show bgp ipv4 unicast", files[i]);
        check_normal_bgp(p);
        th_free(p);
    }
}

/* Internal paths: status "* i" / "*>i" / "r i", in the IOS-XE layout (the network in its own
 * column) and the classic one (glued to the codes), wide Metric and LocPrf values. */
static void check_internal(const parsed_t *p)
{
    assert_false(p->partial);
    assert_int_equal(p->n, 11);
    const bgp_path_t *ibgp = path_n(p, "10.1.0.0/16", 0);
    assert_string_equal(ibgp->next_hop, "10.255.255.2");
    assert_int_equal(ibgp->valid, TRI_TRUE);
    assert_int_equal(ibgp->best, TRI_FALSE);
    assert_int_equal(ibgp->metric, 0);
    assert_int_equal(ibgp->local_pref, 100);
    assert_int_equal(ibgp->weight, 0);
    assert_string_equal(ibgp->as_path, "12076 65020");
    const bgp_path_t *ebgp = path_n(p, "10.1.0.0/16", 1);
    assert_string_equal(ebgp->next_hop, "192.168.100.130");
    assert_int_equal(ebgp->best, TRI_TRUE);
    assert_true(ebgp->local_pref == MODEL_ABSENT);
    const bgp_path_t *nomet = path_n(p, "10.2.0.0/16", 0);
    assert_true(nomet->metric == MODEL_ABSENT);
    assert_int_equal(nomet->local_pref, 100);
    assert_string_equal(nomet->as_path, "12076");
    assert_int_equal(path_n(p, "10.5.0.0/16", 0)->local_pref, 120);
    assert_string_equal(path_n(p, "10.5.0.0/16", 1)->next_hop, "10.255.255.2");
    assert_string_equal(path_n(p, "10.5.0.0/16", 1)->as_path, "");
    assert_int_equal(path_n(p, "10.9.0.0/24", 0)->valid, TRI_FALSE);
    const bgp_path_t *wide = path_n(p, "10.20.0.0/29", 0);
    assert_int_equal(wide->metric, 1762560);
    assert_int_equal(wide->local_pref, 350);
    assert_string_equal(wide->origin, "incomplete");
    const bgp_path_t *widelp = path_n(p, "10.21.0.0/16", 0);
    assert_int_equal(widelp->metric, 0);
    assert_int_equal(widelp->local_pref, 1000000);
    assert_int_equal(widelp->weight, 0);
    assert_string_equal(widelp->as_path, "65000");
    const bgp_path_t *wrapped = path_n(p, "10.104.192.192/28", 0);
    assert_string_equal(wrapped->next_hop, "10.255.255.2");
    assert_int_equal(wrapped->local_pref, 100);
    assert_int_equal(wrapped->best, TRI_FALSE);
}

static void bgp_internal(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", BGP, "ios/rib_bgp_internal.txt");
    check_internal(p);
    th_free(p);
    p = th_parse_fixture("ios", BGP, "ios/rib_bgp_internal_crlf_more.txt");
    check_internal(p);
    th_free(p);
    size_t len;
    char *text = th_read_fixture("ios/rib_bgp_internal.txt", &len);
    th_assert_split_invariant("ios", BGP, text, 9);
    free(text);

    p = th_parse_fixture("ios", BGP, "ios/rib_bgp_internal_classic.txt");
    assert_false(p->partial);
    assert_int_equal(p->n, 7);
    const bgp_path_t *a = path_n(p, "10.1.0.0/16", 0);
    assert_int_equal(a->best, TRI_TRUE);
    assert_int_equal(a->local_pref, 100);
    assert_string_equal(path_n(p, "10.1.0.0/16", 1)->next_hop, "10.255.255.3");
    assert_true(path_n(p, "10.1.0.0/16", 2)->local_pref == MODEL_ABSENT);
    assert_true(path_n(p, "10.2.0.0/16", 0)->metric == MODEL_ABSENT);
    assert_int_equal(path_n(p, "10.2.0.0/16", 0)->local_pref, 100);
    assert_string_equal(path_n(p, "10.104.192.192/28", 0)->next_hop, "10.255.255.2");
    assert_int_equal(path_n(p, "10.50.0.0/16", 0)->weight, 32768);
    th_free(p);
}

static void bgp_banner(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", BGP, "ios/rib_bgp_banner.txt");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    assert_string_equal(path_n(p, "10.1.0.0/16", 1)->next_hop, "192.168.100.134");
    th_free(p);
}

static void bgp_vpnv4(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip bgp vpnv4 all", "ios/rib_bgp_vpnv4.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_string_equal(path_n(p, "10.1.0.0/16", 0)->vrf, "BLUE");
    const bgp_path_t *wrapped = path_n(p, "192.168.200.128/30", 0);
    assert_string_equal(wrapped->vrf, "BLUE");
    assert_string_equal(wrapped->next_hop, "0.0.0.0");
    assert_int_equal(wrapped->weight, 32768);
    assert_string_equal(path_n(p, "10.2.0.0/16", 0)->vrf, "RED");
    th_free(p);
}

static void bgp_empty(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", BGP, "ios/rib_bgp_empty.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    assert_string_equal(p->meta.router_id, "10.255.255.1");
    th_free(p);
}

static void bgp_truncated(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", BGP, "ios/rib_bgp_truncated.txt");
    assert_int_equal(p->n, 2);
    assert_true(p->partial);
    const bgp_path_t *cut = path_n(p, "10.104.192.192/28", 0);
    assert_string_equal(cut->next_hop, "");
    assert_int_equal(cut->best, TRI_TRUE);
    th_free(p);
}

static void bgp_advertised(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip bgp neighbors advertised-routes", "ios/rib_bgp_adv.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    assert_int_equal(path_n(p, "10.10.2.0/24", 0)->metric, MODEL_ABSENT);
    assert_int_equal(path_n(p, "10.10.2.0/24", 0)->weight, 32768);
    assert_int_equal(path_n(p, "172.16.5.0/24", 0)->local_pref, 100);
    assert_string_equal(path_n(p, "172.16.5.0/24", 0)->neighbor, "");
    th_free(p);
    /* received-routes: the paths came from the neighbor named in the command */
    p = th_parse_fixture("ios", "show ip bgp neighbors 192.168.100.130 received-routes", "ios/rib_bgp_adv.txt");
    assert_string_equal(p->recs[0].u.path.neighbor, "192.168.100.130");
    th_free(p);
}

static void bgp_detail(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip bgp 10.1.0.0", "ios/rib_bgp_detail.txt");
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    const bgp_path_t *a = path_n(p, "10.1.0.0/16", 0), *b = path_n(p, "10.1.0.0/16", 1);
    assert_string_equal(a->as_path, "12076");
    assert_string_equal(a->next_hop, "192.168.100.130");
    assert_string_equal(a->neighbor, "192.168.100.130");
    assert_string_equal(a->origin, "igp");
    assert_int_equal(a->metric, 0);
    assert_int_equal(a->local_pref, 100);
    assert_int_equal(a->best, TRI_TRUE);
    assert_int_equal(a->valid, TRI_TRUE);
    assert_string_equal(a->communities, "12076:51004");
    assert_string_equal(b->as_path, "12076 4200000001");
    assert_string_equal(b->origin, "incomplete");
    assert_int_equal(b->best, TRI_FALSE);
    assert_string_equal(b->communities, "12076:51004 no-export");
    th_free(p);
    size_t len;
    char *text = th_read_fixture("ios/rib_bgp_detail.txt", &len);
    th_assert_split_invariant("ios", "show ip bgp 10.1.0.0", text, 7);
    free(text);
}

static void bgp_detail_local(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip bgp vpnv4 vrf BLUE 10.10.1.0", "ios/rib_bgp_detail_local.txt");
    assert_int_equal(p->n, 1);
    const bgp_path_t *a = path_n(p, "10.10.1.0/24", 0);
    assert_string_equal(a->vrf, "BLUE");
    assert_string_equal(a->as_path, "");
    assert_int_equal(a->weight, 32768);
    assert_string_equal(a->next_hop, "0.0.0.0");
    assert_int_equal(a->best, TRI_TRUE);
    th_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(route_normal),        cmocka_unit_test(route_noise),
        cmocka_unit_test(route_banner),        cmocka_unit_test(route_vrf),
        cmocka_unit_test(route_empty),         cmocka_unit_test(route_truncated),
        cmocka_unit_test(route_unknown_line), cmocka_unit_test(route_unindented),  cmocka_unit_test(route_detail),
        cmocka_unit_test(route_detail_connected), cmocka_unit_test(route_detail_missing),
        cmocka_unit_test(route_commands),      cmocka_unit_test(bgp_normal),
        cmocka_unit_test(bgp_noise),           cmocka_unit_test(bgp_banner),
        cmocka_unit_test(bgp_internal),
        cmocka_unit_test(bgp_vpnv4),           cmocka_unit_test(bgp_empty),
        cmocka_unit_test(bgp_truncated),       cmocka_unit_test(bgp_advertised),
        cmocka_unit_test(bgp_detail),          cmocka_unit_test(bgp_detail_local),
    };
    return cmocka_run_group_tests_name("ios_rib", tests, NULL, NULL);
}
