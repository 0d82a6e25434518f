/* test_ios.c: Cisco IOS / IOS-XE parsers against fixtures in tests/fixtures/ios/.
 *
 * Each base fixture <b>.txt has damaged twins made by tests/ios/mkvariants.py (CRLF, --More--
 * residue, ANSI escapes, banner + echo, truncated, empty); check_variants() holds every twin to
 * the base's records.  The value tests below then check what the base says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

static parsed_t *fx(const char *command, const char *name)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "ios/%s.txt", name);
    return th_parse_fixture("ios", command, rel);
}

static void same_records(const parsed_t *a, const parsed_t *b, const char *what)
{
    if (a->n != b->n)
        fail_msg("%s: %zu records, base has %zu", what, b->n, a->n);
    for (size_t i = 0; i < a->n; i++)
        if (memcmp(&a->recs[i], &b->recs[i], sizeof(record_t)) != 0)
            fail_msg("%s: record %zu differs from the base", what, i);
}

/* The base parses whole and clean into n records; damaged captures give the same records;
 * a cut capture is flagged partial; an empty one gives nothing (telnet: a result-less record). */
static void check_variants(const char *command, const char *base, size_t n, size_t n_empty)
{
    parsed_t *b = fx(command, base);
    assert_false(b->failed);
    if (b->partial)
        fail_msg("%s: base is partial (first skipped line %llu)", base,
                 b->n_skipped ? (unsigned long long)b->skipped[0] : 0ULL);
    assert_int_equal(b->n, n);
    static const char *const same[] = {"crlf", "more", "ansi", "banner"};
    for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
        char name[96];
        snprintf(name, sizeof(name), "%s_%s", base, same[i]);
        parsed_t *v = fx(command, name);
        if (v->partial)
            fail_msg("%s is partial", name);
        same_records(b, v, name);
        th_free(v);
    }
    char name[96];
    snprintf(name, sizeof(name), "%s_trunc", base);
    parsed_t *t = fx(command, name);
    if (!t->partial)
        fail_msg("%s: truncation not flagged", name);
    assert_true(t->n <= n);
    th_free(t);
    snprintf(name, sizeof(name), "%s_empty", base);
    parsed_t *e = fx(command, name);
    assert_false(e->failed);
    assert_int_equal(e->n, n_empty);
    th_free(e);

    char rel[128];
    snprintf(rel, sizeof(rel), "ios/%s.txt", base);
    char *text = th_read_fixture(rel, NULL);
    th_assert_split_invariant("ios", command, text, 9);
    free(text);
    th_free(b);
}

/* ---------------------------------------------------------------- show ip interface brief */

static void ip_int_brief_crlf(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip interface brief", "ios/ip_int_brief_crlf.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const iface_t *gi0 = &th_must_find(p, "GigabitEthernet0/0/0")->u.iface;
    assert_string_equal(gi0->ipv4[0], "192.168.100.129");
    assert_int_equal(gi0->oper_status, UPDOWN_UP);
    const iface_t *gi1 = &th_must_find(p, "GigabitEthernet0/0/1")->u.iface;
    assert_int_equal(gi1->n_ipv4, 0);
    assert_int_equal(gi1->admin_status, UPDOWN_DOWN);
    assert_string_equal(gi1->raw_status, "administratively down");
    th_free(p);
}

static void ip_int_brief_variants(void **state)
{
    (void)state;
    check_variants("show ip interface brief", "int_brief", 7, 0);
    parsed_t *p = fx("sh ip int br", "int_brief");
    const iface_t *sub = &th_must_find(p, "GigabitEthernet0/0/0.100")->u.iface;
    assert_string_equal(sub->ipv4[0], "192.168.100.129");
    assert_int_equal(sub->protocol_status, UPDOWN_UP);
    const iface_t *shut = &th_must_find(p, "GigabitEthernet0/0/1.100")->u.iface;
    assert_int_equal(shut->admin_status, UPDOWN_DOWN);
    assert_int_equal(th_must_find(p, "TenGigabitEthernet0/1/0")->u.iface.admin_status, UPDOWN_UP);
    th_free(p);
}

/* ---------------------------------------------------------------- show interfaces */

static void interfaces_variants(void **state)
{
    (void)state;
    check_variants("show interfaces", "interfaces", 5, 0);
}

static void interfaces_values(void **state)
{
    (void)state;
    parsed_t *p = fx("sh int", "interfaces");
    const iface_t *g = &th_must_find(p, "GigabitEthernet0/0/0")->u.iface;
    assert_string_equal(g->description, "ExpressRoute primary to MSEE (circuit 4f2c)");
    assert_int_equal(g->admin_status, UPDOWN_UP);
    assert_int_equal(g->oper_status, UPDOWN_UP);
    assert_int_equal(g->mtu, 1500);
    assert_int_equal(g->bandwidth_kbps, 1000000);
    assert_string_equal(g->mac, "00:a3:d1:4f:2a:10");
    assert_int_equal(g->in_packets, 184467233);
    assert_int_equal(g->out_packets, 163301877);
    assert_int_equal(g->in_errors, 27);
    assert_int_equal(g->crc, 25);
    assert_int_equal(g->frame, 2);
    assert_int_equal(g->overrun, 0);
    assert_int_equal(g->out_errors, 0);
    assert_int_equal(g->resets, 2);
    assert_int_equal(g->carrier_transitions, 4);
    assert_int_equal(g->in_rate_bps, 2456000);
    assert_int_equal(g->out_rate_bps, 1873000);
    assert_int_equal(g->in_discards, 12);
    assert_int_equal(g->out_discards, 3);
    assert_int_equal(g->n_ipv4, 0);

    const iface_t *sub = &th_must_find(p, "GigabitEthernet0/0/0.100")->u.iface;
    assert_string_equal(sub->ipv4[0], "192.168.100.129/30");
    assert_true(sub->in_packets == MODEL_ABSENT); /* sub-interfaces print no counters */

    const iface_t *down = &th_must_find(p, "GigabitEthernet0/0/1")->u.iface;
    assert_int_equal(down->admin_status, UPDOWN_DOWN);
    assert_int_equal(down->oper_status, UPDOWN_DOWN);
    assert_string_equal(down->raw_status, "administratively down");

    const iface_t *te = &th_must_find(p, "TenGigabitEthernet0/1/0")->u.iface;
    assert_int_equal(te->admin_status, UPDOWN_UP);
    assert_int_equal(te->oper_status, UPDOWN_DOWN);
    assert_int_equal(te->protocol_status, UPDOWN_DOWN);
    assert_string_equal(te->raw_status, "down (notconnect)");
    assert_int_equal(te->crc, 1490);
    assert_int_equal(te->carrier_transitions, 31);
    assert_int_equal(te->mtu, 9100);
    assert_int_equal(te->in_rate_bps, 0); /* "30 second input rate" */

    const iface_t *lo = &th_must_find(p, "Loopback0")->u.iface;
    assert_string_equal(lo->ipv4[0], "10.255.0.1/32");
    assert_string_equal(lo->mac, "");
    assert_non_null(strstr(p->json, "\"name\":\"Loopback0\""));
    th_free(p);
}

static void interfaces_garbage_is_skipped(void **state)
{
    (void)state;
    const char *text = "% Invalid input detected at '^' marker.\n";
    parsed_t *p = th_parse_text("ios", "show interfaces Gi0/0/9", text, strlen(text));
    assert_int_equal(p->n, 0);
    assert_true(p->partial);
    assert_int_equal(p->n_skipped, 1);
    th_free(p);
}

/* ---------------------------------------------------------------- bgp summary */

static void bgp_summary_variants(void **state)
{
    (void)state;
    check_variants("show ip bgp summary", "bgp_summary", 5, 0);
}

static void bgp_summary_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show ip bgp summary", "bgp_summary");
    assert_string_equal(p->meta.router_id, "192.168.100.129");
    assert_int_equal(p->meta.local_as, 65010);
    const bgp_peer_t *ms = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(ms->remote_as, 12076);
    assert_int_equal(ms->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(ms->prefixes_received, 12);
    assert_int_equal(ms->up_down, 2 * 86400 + 3 * 3600);
    assert_int_equal(ms->msg_rcvd, 8712);
    assert_int_equal(ms->msg_sent, 8730);
    assert_int_equal(ms->local_as, 65010);
    assert_string_equal(ms->router_id, "192.168.100.129");
    const bgp_peer_t *adm = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_int_equal(adm->state, BGP_STATE_IDLE);
    assert_true(adm->admin_down);
    assert_string_equal(adm->raw_state, "Idle (Admin)");
    assert_true(adm->prefixes_received == MODEL_ABSENT);
    const bgp_peer_t *four = &th_must_find(p, "192.168.200.2")->u.peer;
    assert_int_equal(four->remote_as, 4200000001LL);
    assert_int_equal(four->state, BGP_STATE_ACTIVE);
    assert_true(four->up_down == MODEL_ABSENT); /* "never" */
    const bgp_peer_t *dot = &th_must_find(p, "192.168.200.6")->u.peer;
    assert_int_equal(dot->remote_as, 4200000001LL); /* asdot 64086.59905 */
    assert_int_equal(dot->state, BGP_STATE_OPENSENT);
    const bgp_peer_t *ibgp = &th_must_find(p, "10.255.0.2")->u.peer;
    assert_int_equal(ibgp->up_down, 3 * 604800);
    assert_non_null(strstr(p->json, "\"prefixes_received\":186"));
    th_free(p);
}

static void bgp_summary_all_afs(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp all summary", "bgp_summary_all");
    assert_false(p->partial);
    assert_int_equal(p->n, 4);
    const bgp_peer_t *v4 = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_string_equal(v4->address_family, "IPv4 Unicast");
    assert_int_equal(v4->local_as, 4200000001LL);
    /* IPv6 rows wrap: address alone, the numbers on the next line */
    const bgp_peer_t *v6 = &th_must_find(p, "2001:DB8:C0A8:6480::2")->u.peer;
    assert_string_equal(v6->address_family, "IPv6 Unicast");
    assert_int_equal(v6->remote_as, 12076);
    assert_int_equal(v6->prefixes_received, 3);
    assert_int_equal(v6->msg_rcvd, 405);
    const bgp_peer_t *v6d = &th_must_find(p, "2001:DB8:C0A8:6484::2")->u.peer;
    assert_true(v6d->admin_down);
    assert_int_equal(v6d->state, BGP_STATE_IDLE);
    const bgp_peer_t *vpn = &th_must_find(p, "192.168.200.130")->u.peer;
    assert_string_equal(vpn->address_family, "VPNv4 Unicast");
    assert_int_equal(vpn->prefixes_received, 4);
    th_free(p);
}

static void bgp_summary_link_local(void **state)
{
    (void)state;
    const char *text = "BGP router identifier 10.255.0.1, local AS number 65010\n"
                       "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"
                       "FE80::212:F2FF:FEA1:C01%GigabitEthernet0/0/0.100\n"
                       "                4        12076      61      60        9    0    0 00:52:10        2\n";
    parsed_t *p = th_parse_text("ios", "show bgp ipv6 unicast summary", text, strlen(text));
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.peer.peer, "FE80::212:F2FF:FEA1:C01");
    assert_int_equal(p->recs[0].u.peer.prefixes_received, 2);
    th_free(p);
    /* a row cut off after its address is flagged */
    const char *cut = "BGP router identifier 10.255.0.1, local AS number 65010\n"
                      "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"
                      "2001:DB8:C0A8:6480::2\n";
    p = th_parse_text("ios", "show bgp ipv6 unicast summary", cut, strlen(cut));
    assert_true(p->partial);
    assert_int_equal(p->n, 0);
    th_free(p);
}

static void bgp_summary_commands(void **state)
{
    (void)state;
    const parser_vendor_t *v = parser_vendor_find("ios");
    const char *cmds[] = {"show ip bgp summary", "sh ip bgp sum", "show bgp all summary",
                          "show bgp ipv4 unicast summary", "show bgp ipv6 unicast summary",
                          "show ip bgp vpnv4 vrf ER-PRIV summary", "show ip bgp vpnv4 all summary",
                          "show bgp vpnv4 unicast vrf ER-PRIV summary"};
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        const parser_def_t *d = parser_find(v, cmds[i]);
        if (!d || d->kind != KIND_BGP_SUMMARY)
            fail_msg("'%s' does not reach the summary parser", cmds[i]);
    }
}

static void bgp_summary_vrf(void **state)
{
    (void)state;
    parsed_t *p = fx("show ip bgp vpnv4 vrf ER-PRIV summary", "bgp_summary_vrf");
    assert_false(p->partial);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->meta.vrf, "ER-PRIV");
    const bgp_peer_t *a = &th_must_find(p, "192.168.200.130")->u.peer;
    assert_string_equal(a->vrf, "ER-PRIV");
    assert_string_equal(a->router_id, "192.168.200.129");
    const bgp_peer_t *b = &th_must_find(p, "192.168.200.134")->u.peer;
    assert_int_equal(b->state, BGP_STATE_CONNECT);
    assert_string_equal(b->vrf, "ER-PRIV");
    th_free(p);
    /* the "all" form names no VRF */
    p = fx("show ip bgp vpnv4 all summary", "bgp_summary_vrf");
    assert_string_equal(th_must_find(p, "192.168.200.130")->u.peer.vrf, "");
    th_free(p);
}

/* ---------------------------------------------------------------- bgp neighbors */

static void bgp_neighbors_variants(void **state)
{
    (void)state;
    check_variants("show ip bgp neighbors", "bgp_neighbors", 3, 0);
}

static void bgp_neighbors_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show ip bgp neighbors", "bgp_neighbors");
    const bgp_neighbor_t *n = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(n->remote_as, 12076);
    assert_true(n->local_as == MODEL_ABSENT);
    assert_int_equal(n->state, BGP_STATE_ESTABLISHED);
    assert_string_equal(n->description, "MSEE primary (ER circuit 4f2c)");
    assert_string_equal(n->remote_router_id, "192.168.100.130");
    assert_string_equal(n->local_address, "192.168.100.129");
    assert_int_equal(n->local_port, 179);
    assert_int_equal(n->remote_port, 26419);
    assert_int_equal(n->hold_time, 180);
    assert_int_equal(n->keepalive, 60);
    assert_int_equal(n->cfg_hold_time, 180);
    assert_int_equal(n->cfg_keepalive, 60);
    assert_int_equal(n->md5, TRI_TRUE);
    assert_int_equal(n->bfd, TRI_TRUE);
    assert_int_equal(n->last_reset, 2 * 86400 + 3 * 3600);
    assert_string_equal(n->last_reset_reason, "BGP Notification sent, hold time expired");
    assert_string_equal(n->last_error, "hold time expired");
    assert_int_equal(n->notification_code, 4);
    assert_int_equal(n->notification_subcode, 0);
    assert_string_equal(n->notification_dir, "sent");
    assert_string_equal(n->inbound_policy, "ER-IN");
    assert_string_equal(n->outbound_policy, "ER-OUT");
    assert_string_equal(n->inbound_prefix_list, "ER-IN-PL");
    assert_string_equal(n->outbound_prefix_list, "ER-OUT-PL");
    assert_int_equal(n->prefixes_received, 12);
    assert_int_equal(n->prefixes_sent, 3);
    assert_int_equal(n->max_prefixes, 4000);
    assert_int_equal(n->msg_rcvd, 8712);
    assert_int_equal(n->msg_sent, 8730);
    assert_int_equal(n->up_down, 2 * 86400 + 3 * 3600);
    assert_string_equal(n->vrf, "");

    const bgp_neighbor_t *d = &th_must_find(p, "192.168.200.134")->u.neighbor;
    assert_string_equal(d->vrf, "ER-PRIV");
    assert_int_equal(d->local_as, 4200000001LL);
    assert_int_equal(d->state, BGP_STATE_IDLE);
    assert_false(d->admin_down);
    assert_string_equal(d->remote_router_id, ""); /* 0.0.0.0 = not known */
    assert_int_equal(d->notification_code, 2);
    assert_int_equal(d->notification_subcode, 2);
    assert_string_equal(d->notification_dir, "received");
    assert_string_equal(d->last_error, "Peer in Wrong AS");
    assert_true(d->prefixes_received == MODEL_ABSENT); /* not Established */
    assert_int_equal(d->md5, TRI_ABSENT);               /* no TCP connection to look at */
    assert_int_equal(d->max_prefixes, 1000);
    assert_string_equal(d->inbound_policy, "ER-PRIV-IN");

    const bgp_neighbor_t *a = &th_must_find(p, "2001:DB8:C0A8:6484::2")->u.neighbor;
    assert_int_equal(a->state, BGP_STATE_IDLE);
    assert_true(a->admin_down); /* "Administratively shut down" */
    assert_int_equal(a->up_down, 86400 + 2 * 3600);
    assert_true(a->last_reset == MODEL_ABSENT); /* "Last reset never" */
    assert_string_equal(a->last_reset_reason, "");
    assert_non_null(strstr(p->json, "\"admin_down\":true"));
    th_free(p);
}

static void bgp_neighbors_soft_reconfig(void **state)
{
    (void)state;
    /* soft-reconfiguration inbound: "Saved" is what the peer sent, "Current" what was kept */
    const char *text = "BGP neighbor is 192.168.100.130,  remote AS 12076, external link\n"
                       "  BGP state = Established, up for 01:00:00\n"
                       " For address family: IPv4 Unicast\n"
                       "  Inbound soft reconfiguration allowed\n"
                       "                                 Sent       Rcvd\n"
                       "  Prefix activity:               ----       ----\n"
                       "    Prefixes Current:               3          8 (Consumes 1088 bytes)\n"
                       "    Prefixes Total:                 3          9\n"
                       "    Saved (soft-reconfig):        n/a         11\n"
                       "Local host: 192.168.100.129, Local port: 179\n"
                       "Foreign host: 192.168.100.130, Foreign port: 26419\n"
                       "Option Flags: nagle, path mtu capable\n";
    parsed_t *p = th_parse_text("ios", "show ip bgp neighbors 192.168.100.130", text, strlen(text));
    assert_false(p->partial);
    const bgp_neighbor_t *n = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(n->prefixes_received, 11);
    assert_int_equal(n->prefixes_accepted, 8);
    assert_int_equal(n->prefixes_sent, 3);
    assert_int_equal(n->md5, TRI_FALSE); /* a TCP block without the md5 flag */
    assert_int_equal(n->bfd, TRI_ABSENT);
    th_free(p);
}

static void bgp_neighbors_dynamic(void **state)
{
    (void)state;
    /* a dynamic (listen range) neighbor is printed with a leading '*' */
    const char *text = "BGP neighbor is *192.168.100.142,  remote AS 12076, external link\n"
                       "  BGP state = Established, up for 00:10:00\n"
                       "Local host: 192.168.100.141, Local port: 179\n"
                       "Foreign host: 192.168.100.142, Foreign port: 41022\n";
    parsed_t *p = th_parse_text("ios", "show ip bgp neighbors", text, strlen(text));
    assert_false(p->partial);
    const bgp_neighbor_t *n = &th_must_find(p, "192.168.100.142")->u.neighbor;
    assert_int_equal(n->up_down, 600);
    assert_int_equal(n->remote_port, 41022);
    th_free(p);
}

static void bgp_neighbors_commands(void **state)
{
    (void)state;
    /* the scorer's literal forms and the usual abbreviations all reach this parser */
    const char *text = "BGP neighbor is 192.168.100.130,  remote AS 12076, external link\n"
                       "  BGP state = Active\n  No active TCP connection\n";
    const char *cmds[] = {"show ip bgp neighbors", "sh ip bgp nei 192.168.100.130",
                          "show bgp ipv4 unicast neighbors", "show ip bgp vpnv4 all neighbors",
                          "show bgp vpnv4 unicast vrf ER-PRIV neighbors 192.168.200.134"};
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        parsed_t *p = th_parse_text("ios", cmds[i], text, strlen(text));
        assert_int_equal(p->kind, KIND_BGP_NEIGHBORS);
        assert_int_equal(p->n, 1);
        assert_int_equal(p->recs[0].u.neighbor.state, BGP_STATE_ACTIVE);
        th_free(p);
    }
    parsed_t *p = th_parse_text("ios", "show bgp vpnv4 unicast vrf ER-PRIV neighbors", text, strlen(text));
    assert_string_equal(p->recs[0].u.neighbor.vrf, "ER-PRIV");
    th_free(p);
    /* advertised-routes is a BGP table, not a neighbor listing */
    const parser_vendor_t *v = parser_vendor_find("ios");
    const parser_def_t *d = parser_find(v, "show ip bgp neighbors 192.168.100.130 advertised-routes");
    assert_true(d == NULL || d->kind != KIND_BGP_NEIGHBORS);
    d = parser_find(v, "show ip bgp neighbors advertised-routes");
    assert_true(d == NULL || d->kind != KIND_BGP_NEIGHBORS);
}

/* ---------------------------------------------------------------- arp */

static void arp_variants(void **state)
{
    (void)state;
    check_variants("show ip arp", "arp", 6, 0);
}

static void arp_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show arp", "arp");
    const arp_entry_t *ms = &th_must_find(p, "192.168.100.130")->u.arp;
    assert_string_equal(ms->mac, "00:12:f2:a1:0c:01");
    assert_string_equal(ms->interface, "GigabitEthernet0/0/0.100");
    assert_int_equal(ms->age, 720);
    assert_false(ms->incomplete);
    const arp_entry_t *own = &th_must_find(p, "192.168.100.129")->u.arp;
    assert_true(own->age == MODEL_ABSENT);
    const arp_entry_t *inc = &th_must_find(p, "192.168.100.134")->u.arp;
    assert_true(inc->incomplete);
    assert_string_equal(inc->mac, "");
    assert_string_equal(inc->interface, "");
    th_free(p);
    p = fx("show ip arp vrf ER-PRIV", "arp");
    assert_string_equal(th_must_find(p, "192.168.200.130")->u.arp.vrf, "ER-PRIV");
    th_free(p);
}

/* Sessions that are down: "BGP state = Idle, down for 00:04:12" and "Idle (Admin), down for
 * 2d03h", full blocks (address family, prefix activity, no TCP connection). */
static void bgp_neighbor_idle(void **state)
{
    (void)state;
    check_variants("show ip bgp neighbors", "bgp_neighbor_idle", 2, 0);
    parsed_t *p = fx("show ip bgp neighbors", "bgp_neighbor_idle");
    const bgp_neighbor_t *idle = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_int_equal(idle->state, BGP_STATE_IDLE);
    assert_string_equal(idle->raw_state, "Idle");
    assert_int_equal(idle->up_down, 4 * 60 + 12);
    assert_false(idle->admin_down);
    assert_true(idle->prefixes_received == MODEL_ABSENT);
    assert_int_equal(idle->conn_established, 3);
    assert_string_equal(idle->last_error, "hold time expired");
    assert_int_equal(idle->notification_code, 4);
    assert_string_equal(idle->inbound_policy, "ER-IN");
    const bgp_neighbor_t *adm = &th_must_find(p, "192.168.200.134")->u.neighbor;
    assert_int_equal(adm->state, BGP_STATE_IDLE);
    assert_true(adm->admin_down);
    assert_int_equal(adm->up_down, 2 * 86400 + 3 * 3600);
    assert_string_equal(adm->vrf, "ER-PRIV");
    th_free(p);
    /* a down session whose block is cut before "No active TCP connection" is reported */
    p = fx("show ip bgp neighbors", "bgp_neighbor_idle_trunc");
    assert_true(p->truncated);
    th_free(p);
}

/* An MPLS LSP traceroute prints hops like an IP one: no platform may read it as one. */
static void traceroute_mpls_refused(void **state)
{
    (void)state;
    static const char *const forms[] = {"traceroute mpls ipv4 10.255.0.9/32", "trace mpls ipv4 10.255.0.9/32",
                                        "Traceroute  MPLS ipv4 10.255.0.9/32 verbose", "traceroute mpls ldp 10.255.0.9/32"};
    for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
        assert_string_equal(parser_refusal(forms[f]), "MPLS LSP traceroute is not an IP trace");
        for (const parser_vendor_t *const *v = parser_vendors(); *v; v++)
            if (parser_find(*v, forms[f]))
                fail_msg("%s: '%s' resolves to a parser", (*v)->name, forms[f]);
    }
    assert_null(parser_refusal("traceroute 10.255.0.9"));
    assert_non_null(parser_find(parser_vendor_find("ios"), "traceroute 10.255.0.9"));
    assert_non_null(parser_find(parser_vendor_find("iosxr"), "traceroute vrf BLUE 10.1.0.4"));
    /* and were the capture handed to the IP trace parser under another command, it gives no
     * hop and says it read nothing */
    parsed_t *p = fx("traceroute 10.255.0.9", "traceroute_mpls");
    assert_int_equal(p->n, 0);
    assert_true(p->partial);
    th_free(p);
}

/* ---------------------------------------------------------------- prefix-list */

static void prefix_list_variants(void **state)
{
    (void)state;
    check_variants("show ip prefix-list", "prefix_list", 5, 0);
}

static void prefix_list_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show ip prefix-list", "prefix_list");
    const prefix_list_entry_t *e = &p->recs[1].u.prefix_list;
    assert_string_equal(e->name, "ER-IN-PL");
    assert_int_equal(e->seq, 10);
    assert_true(e->permit);
    assert_string_equal(e->prefix, "10.2.0.0/16");
    assert_int_equal(e->ge, 20);
    assert_int_equal(e->le, 28);
    const prefix_list_entry_t *deny = &p->recs[2].u.prefix_list;
    assert_false(deny->permit);
    assert_string_equal(deny->prefix, "0.0.0.0/0");
    assert_true(deny->ge == MODEL_ABSENT);
    const prefix_list_entry_t *out = &p->recs[3].u.prefix_list;
    assert_string_equal(out->name, "ER-OUT-PL");
    assert_true(out->le == MODEL_ABSENT);
    assert_false(out->ipv6);
    th_free(p);

    p = fx("show ipv6 prefix-list", "prefix_list_v6");
    assert_false(p->partial);
    assert_int_equal(p->n, 2);
    assert_true(p->recs[0].u.prefix_list.ipv6);
    assert_string_equal(p->recs[0].u.prefix_list.prefix, "2001:db8:1000::/36");
    assert_int_equal(p->recs[1].u.prefix_list.le, 128);
    th_free(p);

    const char *conf = "ip prefix-list ER-IN-PL seq 5 permit 10.1.0.0/16 le 24\n"
                       "ip prefix-list ER-IN-PL description from Azure\n";
    p = th_parse_text("ios", "show running-config | include prefix-list", conf, strlen(conf));
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.prefix_list.le, 24);
    th_free(p);
}

/* "show ip prefix-list detail": a list header without its entry count, a count line and a
 * hit count after each entry; the hits are kept, the other lines read as known. */
static void prefix_list_detail(void **state)
{
    (void)state;
    check_variants("show ip prefix-list detail", "prefix_list_detail", 5, 0);
    parsed_t *p = fx("show ip prefix-list detail", "prefix_list_detail");
    const prefix_list_entry_t *first = &p->recs[0].u.prefix_list;
    assert_string_equal(first->name, "ER-IN-PL");
    assert_int_equal(first->seq, 5);
    assert_int_equal(first->le, 24);
    assert_int_equal(first->hits, 1287);
    const prefix_list_entry_t *mid = &p->recs[1].u.prefix_list;
    assert_int_equal(mid->ge, 20);
    assert_int_equal(mid->le, 28);
    assert_int_equal(mid->hits, 0);
    const prefix_list_entry_t *deny = &p->recs[2].u.prefix_list;
    assert_false(deny->permit);
    assert_string_equal(deny->prefix, "0.0.0.0/0");
    assert_int_equal(deny->hits, 42);
    const prefix_list_entry_t *out = &p->recs[3].u.prefix_list;
    assert_string_equal(out->name, "ER-OUT-PL");
    assert_string_equal(out->prefix, "172.16.0.0/12");
    assert_true(out->le == MODEL_ABSENT);
    assert_int_equal(out->hits, 9);
    th_free(p);
    /* the plain form has no hit counts */
    p = fx("show ip prefix-list", "prefix_list");
    assert_true(p->recs[0].u.prefix_list.hits == MODEL_ABSENT);
    th_free(p);
}

/* ---------------------------------------------------------------- route-map */

static void route_map_variants(void **state)
{
    (void)state;
    check_variants("show route-map", "route_map", 3, 0);
    check_variants("show running-config partition route-map", "route_map_config", 3, 0);
}

static void route_map_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show route-map", "route_map");
    const route_map_entry_t *e = &p->recs[0].u.route_map;
    assert_string_equal(e->name, "ER-IN");
    assert_int_equal(e->seq, 10);
    assert_true(e->permit);
    assert_int_equal(e->n_match, 2);
    assert_string_equal(e->match[0], "ip address prefix-lists: MSFT-AZURE");
    assert_int_equal(e->n_set, 2);
    assert_string_equal(e->set[1], "community 65010:100 additive");
    assert_false(p->recs[1].u.route_map.permit);
    assert_int_equal(p->recs[1].u.route_map.n_match, 0);
    th_free(p);

    p = fx("show run | section route-map", "route_map_config");
    e = &p->recs[0].u.route_map;
    assert_string_equal(e->match[0], "ip address prefix-list MSFT-AZURE");
    assert_string_equal(e->set[0], "local-preference 200");
    const route_map_entry_t *out = &p->recs[2].u.route_map;
    assert_string_equal(out->name, "ER-OUT");
    assert_int_equal(out->n_match, 1); /* the description is not a clause */
    assert_string_equal(out->set[0], "as-path prepend 65010 65010");
    th_free(p);
}

/* ---------------------------------------------------------------- bgp config */

static void bgp_config_vrf_router_id(void **state)
{
    (void)state;
    const char *text = "router bgp 65010\n"
                       " bgp router-id 10.255.0.1\n"
                       " address-family ipv4 vrf ER-PRIV\n"
                       "  bgp router-id 192.168.200.129\n"
                       "  timers bgp 10 30\n"
                       "  neighbor 192.168.200.130 remote-as 12076\n"
                       " exit-address-family\n"
                       " neighbor 10.255.0.2 remote-as 65010\n";
    parsed_t *p = th_parse_text("ios", "show running-config partition router bgp", text, strlen(text));
    assert_false(p->partial);
    const bgp_config_neighbor_t *v = &th_must_find(p, "192.168.200.130")->u.bgp_config;
    assert_string_equal(v->router_id, "192.168.200.129");
    assert_int_equal(v->keepalive, 10);
    assert_int_equal(v->hold_time, 30);
    const bgp_config_neighbor_t *g = &th_must_find(p, "10.255.0.2")->u.bgp_config;
    assert_string_equal(g->router_id, "10.255.0.1");
    assert_true(g->keepalive == MODEL_ABSENT); /* IOS defaults are not invented */
    assert_string_equal(p->meta.router_id, "10.255.0.1");
    assert_int_equal(p->meta.local_as, 65010);
    th_free(p);
}

static void bgp_config_variants(void **state)
{
    (void)state;
    check_variants("show running-config | section router bgp", "bgp_config", 5, 0);
}

static void bgp_config_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show run | section bgp", "bgp_config");
    assert_null(th_find(p, "MSEE")); /* a peer-group is a template, not a session */
    const bgp_config_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->local_as, 65010);
    assert_string_equal(a->router_id, "192.168.100.129");
    assert_int_equal(a->remote_as, 12076); /* from the peer-group */
    assert_string_equal(a->peer_group, "MSEE");
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->shutdown, TRI_FALSE);
    assert_int_equal(a->keepalive, 30); /* router-level timers bgp 30 90 */
    assert_int_equal(a->hold_time, 90);
    assert_string_equal(a->inbound_policy, "ER-IN");
    assert_string_equal(a->outbound_policy, "ER-OUT");
    assert_string_equal(a->inbound_prefix_list, "ER-IN-PL");
    assert_int_equal(a->max_prefixes, 4000);
    assert_string_equal(a->description, "MSEE primary");
    assert_string_equal(a->vrf, "");

    const bgp_config_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.bgp_config;
    assert_int_equal(b->remote_as, 12075);
    assert_int_equal(b->shutdown, TRI_TRUE);
    assert_int_equal(b->md5, TRI_FALSE);
    assert_int_equal(b->keepalive, 10);
    assert_int_equal(b->hold_time, 30);
    assert_int_equal(b->ebgp_multihop, 2);

    const bgp_config_neighbor_t *i = &th_must_find(p, "10.255.0.2")->u.bgp_config;
    assert_string_equal(i->update_source, "Loopback0");
    assert_string_equal(i->description, "iBGP to ce2-nyc");

    const bgp_config_neighbor_t *v6 = &th_must_find(p, "2001:DB8:C0A8:6480::2")->u.bgp_config;
    assert_string_equal(v6->outbound_prefix_list, "ER-V6-OUT");

    const bgp_config_neighbor_t *v = &th_must_find(p, "192.168.200.130")->u.bgp_config;
    assert_string_equal(v->vrf, "ER-PRIV");
    assert_int_equal(v->local_as, 4200000001LL); /* neighbor local-as */
    assert_int_equal(v->md5, TRI_TRUE);
    assert_string_equal(v->inbound_policy, "ER-PRIV-IN");
    /* the secret is never copied anywhere */
    assert_null(strstr(p->json, "070C285F4D06485744"));
    assert_null(strstr(p->json, "1511021F07257A767B"));
    th_free(p);
}

/* ---------------------------------------------------------------- bfd */

static void bfd_variants(void **state)
{
    (void)state;
    check_variants("show bfd neighbors details", "bfd_details", 2, 0);
}

static void bfd_values(void **state)
{
    (void)state;
    parsed_t *p = fx("show bfd neighbors", "bfd");
    assert_false(p->partial);
    assert_int_equal(p->n, 3);
    const bfd_session_t *up = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_int_equal(up->state, UPDOWN_UP);
    assert_string_equal(up->interface, "Gi0/0/0.100");
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.state, UPDOWN_DOWN);
    th_must_find(p, "FE80::212:F2FF:FEA1:C01");
    th_free(p);

    p = fx("show bfd neighbors details", "bfd_details");
    const bfd_session_t *d = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_string_equal(d->local, "192.168.100.129");
    assert_int_equal(d->tx_interval_ms, 300);
    assert_int_equal(d->rx_interval_ms, 300);
    assert_int_equal(d->multiplier, 3);
    assert_int_equal(d->up_time, 2 * 86400 + 3 * 3600);
    const bfd_session_t *dn = &th_must_find(p, "192.168.100.134")->u.bfd;
    assert_string_equal(dn->local, "192.168.100.133");
    assert_true(dn->up_time == MODEL_ABSENT);
    th_free(p);
}

/* ---------------------------------------------------------------- version */

static void version_variants(void **state)
{
    (void)state;
    check_variants("show version", "version", 1, 0);
}

static void version_values(void **state)
{
    (void)state;
    parsed_t *p = fx("sh ver", "version");
    const version_t *v = &th_must_find(p, "ce1-nyc")->u.version;
    assert_string_equal(v->os, "IOS-XE");
    assert_string_equal(v->version, "17.03.04a");
    assert_string_equal(v->model, "ISR4331/K9");
    assert_string_equal(v->serial, "FDO21520TGH");
    assert_string_equal(v->image, "bootflash:isr4300-universalk9.17.03.04a.SPA.bin");
    assert_int_equal(v->uptime, 2 * 604800 + 3 * 86400 + 4 * 3600 + 5 * 60);
    th_free(p);
}

/* ---------------------------------------------------------------- telnet X 179 */

static void telnet_variants(void **state)
{
    (void)state;
    check_variants("telnet 192.168.100.134 179", "telnet_refused", 1, 1);
}

static void telnet_results(void **state)
{
    (void)state;
    static const struct {
        const char *cmd, *file, *target, *result;
    } cases[] = {
        {"telnet 192.168.100.130 179", "telnet_open", "192.168.100.130", "open"},
        {"telnet 192.168.100.134 179 /source-interface GigabitEthernet0/0/1.100", "telnet_refused",
         "192.168.100.134", "refused"},
        {"telnet 192.168.100.134 179", "telnet_timeout", "192.168.100.134", "timeout"},
        {"telnet 192.168.100.138 179", "telnet_unreachable", "192.168.100.138", "unreachable"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        parsed_t *p = fx(cases[i].cmd, cases[i].file);
        assert_false(p->partial);
        assert_int_equal(p->n, 1);
        const tcp_test_t *t = &p->recs[0].u.tcp_test;
        assert_string_equal(t->target, cases[i].target);
        assert_int_equal(t->port, 179);
        assert_string_equal(t->result, cases[i].result);
        th_free(p);
    }
    /* nothing came back: the target still comes from the command, the result is unknown */
    parsed_t *p = fx("telnet 192.168.100.134 179", "telnet_refused_empty");
    assert_true(p->partial);
    assert_string_equal(p->recs[0].u.tcp_test.target, "192.168.100.134");
    assert_string_equal(p->recs[0].u.tcp_test.result, "");
    th_free(p);
}

/* ---------------------------------------------------------------- IPv6 (issue 12)
 * The ExpressRoute /126: customer 2001:db8:c0de::1, Microsoft 2001:db8:c0de::2, AS 65010 and
 * 12076, Azure prefixes 2001:db8:1::/48 and 2001:db8:2::/48, on-premises 2001:db8:ff00::/40. */

static void v6_bgp_summary(void **state)
{
    (void)state;
    check_variants("show bgp ipv6 unicast summary", "v6_bgp_summary", 3, 0);
    parsed_t *p = fx("show bgp ipv6 unicast summary", "v6_bgp_summary");
    const bgp_peer_t *ms = &th_must_find(p, "2001:DB8:C0DE::2")->u.peer; /* wrapped row */
    assert_int_equal(ms->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(ms->remote_as, 12076);
    assert_int_equal(ms->local_as, 65010);
    assert_int_equal(ms->prefixes_received, 2);
    assert_int_equal(ms->msg_rcvd, 4512);
    assert_int_equal(ms->up_down, 93600);
    assert_string_equal(ms->address_family, "IPv6 Unicast");
    const bgp_peer_t *sec = &th_must_find(p, "2001:DB8:C0DE::6")->u.peer;
    assert_true(sec->admin_down);
    assert_int_equal(sec->state, BGP_STATE_IDLE);
    assert_int_equal(th_must_find(p, "FE80::212:F2FF:FEA1:C01")->u.peer.state, BGP_STATE_ACTIVE);
    th_free(p);
    p = fx("show bgp vpnv6 unicast vrf ER-PRIV summary", "v6_bgp_summary_vrf");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.peer.vrf, "ER-PRIV");
    assert_string_equal(p->recs[0].u.peer.address_family, "VPNv6 Unicast");
    assert_int_equal(p->recs[0].u.peer.prefixes_received, 2);
    th_free(p);
}

static void v6_bgp_neighbors(void **state)
{
    (void)state;
    check_variants("show bgp ipv6 unicast neighbors 2001:db8:c0de::2", "v6_bgp_neighbors", 1, 0);
    parsed_t *p = fx("show bgp ipv6 unicast neighbors 2001:db8:c0de::2", "v6_bgp_neighbors");
    const bgp_neighbor_t *n = &th_must_find(p, "2001:DB8:C0DE::2")->u.neighbor;
    assert_int_equal(n->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(n->remote_as, 12076);
    assert_string_equal(n->local_address, "2001:DB8:C0DE::1");
    assert_string_equal(n->remote_router_id, "10.3.129.1");
    assert_int_equal(n->prefixes_received, 2);
    assert_int_equal(n->prefixes_sent, 1);
    assert_int_equal(n->max_prefixes, 200);
    assert_string_equal(n->inbound_prefix_list, "ER-V6-IN-PL");
    assert_string_equal(n->outbound_policy, "ER-V6-OUT");
    th_free(p);
    p = fx("show bgp vpnv6 unicast vrf ER-PRIV neighbors 2001:db8:c0de::2", "v6_bgp_neighbors_vrf");
    assert_false(p->partial);
    assert_string_equal(th_must_find(p, "2001:DB8:C0DE::2")->u.neighbor.vrf, "ER-PRIV");
    assert_int_equal(th_must_find(p, "2001:DB8:C0DE::2")->u.neighbor.prefixes_received, 2);
    th_free(p);
}

/* The table wraps twice for IPv6: a long network puts the next hop on the next line, a long
 * next hop puts the numbers on the line after it. */
static void v6_bgp_table(void **state)
{
    (void)state;
    check_variants("show bgp ipv6 unicast", "v6_bgp_table", 5, 0);
    parsed_t *p = fx("show bgp ipv6 unicast", "v6_bgp_table");
    const bgp_path_t *a = &p->recs[0].u.path, *b2 = &p->recs[2].u.path, *own = &p->recs[3].u.path;
    assert_string_equal(a->prefix, "2001:db8:1::/48");
    assert_string_equal(a->next_hop, "2001:DB8:C0DE::2");
    assert_string_equal(a->as_path, "12076");
    assert_int_equal(a->weight, 0);
    assert_int_equal(a->best, TRI_TRUE);
    assert_string_equal(p->recs[1].u.path.as_path, "12076 12076"); /* the prepended backup */
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    assert_string_equal(b2->prefix, "2001:db8:2::/48"); /* a second path of the same network */
    assert_string_equal(b2->next_hop, "2001:DB8:C0DE::2");
    assert_string_equal(own->prefix, "2001:db8:ff00::/40");
    assert_string_equal(own->next_hop, "::");
    assert_int_equal(own->weight, 32768);
    const bgp_path_t *ll = &p->recs[4].u.path;
    assert_string_equal(ll->next_hop, "FE80::212:F2FF:FEA1:C01");
    assert_int_equal(ll->local_pref, 100);
    assert_string_equal(ll->as_path, "65020");
    th_free(p);
}

static void v6_bgp_per_prefix_and_neighbor(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp ipv6 unicast 2001:db8:1::/48", "v6_bgp_detail");
    assert_false(p->partial);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:1::/48");
    assert_string_equal(p->recs[0].u.path.next_hop, "2001:DB8:C0DE::2");
    assert_string_equal(p->recs[0].u.path.neighbor, "2001:DB8:C0DE::2");
    assert_int_equal(p->recs[0].u.path.best, TRI_TRUE);
    assert_string_equal(p->recs[0].u.path.communities, "12076:51004");
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    th_free(p);
    p = fx("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes", "v6_bgp_advertised");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:ff00::/40");
    th_free(p);
    p = fx("show bgp ipv6 unicast neighbors 2001:DB8:C0DE::2 routes", "v6_bgp_routes");
    assert_false(p->partial);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[1].u.path.prefix, "2001:db8:2::/48");
    assert_string_equal(p->recs[1].u.path.neighbor, "2001:DB8:C0DE::2");
    th_free(p);
}

/* 2,000 Azure /64s, each wrapped as IOS prints them, plus one path whose numbers never came. */
static void v6_bgp_table_large(void **state)
{
    (void)state;
    enum { N = 2000 };
    size_t cap = N * 160 + 512, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text + len, cap - len,
                            "BGP table version is 4001, local router ID is 10.255.0.1\n"
                            "     Network          Next Hop            Metric LocPrf Weight Path\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                " *>  2001:DB8:1:%X::/64\n                      2001:DB8:C0DE::2\n"
                                "                                                           0 12076 i\n",
                                i);
    parsed_t *p = th_parse_text("ios", "show bgp ipv6 unicast", text, len);
    assert_false(p->partial);
    assert_int_equal(p->n, N);
    assert_string_equal(p->recs[N - 1].u.path.prefix, "2001:db8:1:7cf::/64");
    assert_string_equal(p->recs[N - 1].u.path.next_hop, "2001:DB8:C0DE::2");
    assert_string_equal(p->recs[N - 1].u.path.as_path, "12076");
    th_free(p);
    len += (size_t)snprintf(text + len, cap - len, " *>  2001:DB8:2::/48  2001:DB8:C0DE::2\n");
    p = th_parse_text("ios", "show bgp ipv6 unicast", text, len);
    assert_true(p->partial);
    assert_true(p->truncated);
    assert_int_equal(p->n, N + 1);
    th_free(p);
    free(text);
}

static void v6_route_table(void **state)
{
    (void)state;
    check_variants("show ipv6 route", "v6_route", 8, 0);
    parsed_t *p = fx("show ipv6 route", "v6_route");
    const route_t *r = &th_must_find(p, "2001:db8:1::/48")->u.route;
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->distance, 20);
    assert_int_equal(r->n_next_hops, 1);
    assert_string_equal(r->next_hops[0].address, "FE80::212:F2FF:FEA1:C01");
    assert_string_equal(r->next_hops[0].interface, "GigabitEthernet0/0/0.100");
    const route_t *ecmp = &th_must_find(p, "2001:db8:2::/48")->u.route;
    assert_int_equal(ecmp->n_next_hops, 2);
    assert_string_equal(ecmp->next_hops[1].interface, "GigabitEthernet0/0/1.100");
    const route_t *c = &th_must_find(p, "2001:db8:c0de::/126")->u.route;
    assert_string_equal(c->protocol, "connected");
    assert_string_equal(c->next_hops[0].address, "");
    assert_string_equal(c->next_hops[0].interface, "GigabitEthernet0/0/0.100");
    assert_string_equal(th_must_find(p, "2001:db8:ff10::/48")->u.route.next_hops[0].address, "2001:DB8:FF00::2");
    const route_t *o = &th_must_find(p, "2001:db8:ff20::/48")->u.route;
    assert_string_equal(o->raw_protocol, "OE2");
    assert_int_equal(o->metric, 20);
    assert_string_equal(th_must_find(p, "ff00::/8")->u.route.protocol, "local");
    th_free(p);
    p = fx("show ipv6 route vrf ER-PRIV", "v6_route");
    assert_string_equal(p->recs[0].u.route.vrf, "ER-PRIV");
    th_free(p);
}

static void v6_route_detail(void **state)
{
    (void)state;
    parsed_t *p = fx("show ipv6 route 2001:db8:1::/48", "v6_route_detail");
    assert_false(p->partial);
    assert_int_equal(p->n, 1);
    const route_t *r = &p->recs[0].u.route;
    assert_string_equal(r->prefix, "2001:db8:1::/48");
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->distance, 20);
    assert_int_equal(r->n_next_hops, 1);
    assert_string_equal(r->next_hops[0].address, "FE80::212:F2FF:FEA1:C01");
    assert_string_equal(r->next_hops[0].interface, "GigabitEthernet0/0/0.100");
    assert_int_equal(r->next_hops[0].age, 93600);
    th_free(p);
}

/* 2,000 routes through the link-local next hop, as "show ipv6 route" prints them. */
static void v6_route_large(void **state)
{
    (void)state;
    enum { N = 2000 };
    size_t cap = N * 96 + 256, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text + len, cap - len, "IPv6 Routing Table - default - %d entries\n", N);
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "B   2001:DB8:1:%X::/64 [20/0]\n     via FE80::212:F2FF:FEA1:C01, GigabitEthernet0/0/0.100\n", i);
    parsed_t *p = th_parse_text("ios", "show ipv6 route", text, len);
    assert_false(p->partial);
    assert_int_equal(p->n, N);
    const route_t *last = &th_must_find(p, "2001:db8:1:7cf::/64")->u.route;
    assert_string_equal(last->next_hops[0].interface, "GigabitEthernet0/0/0.100");
    th_free(p);
    free(text);
}

static void v6_neighbors(void **state)
{
    (void)state;
    check_variants("show ipv6 neighbors", "v6_nd", 4, 0);
    parsed_t *p = fx("show ipv6 neighbors 2001:db8:c0de::2 vrf ER-PRIV", "v6_nd");
    const arp_entry_t *ms = &th_must_find(p, "2001:DB8:C0DE::2")->u.arp;
    assert_string_equal(ms->mac, "00:12:f2:a1:0c:01");
    assert_string_equal(ms->state, "REACH");
    assert_string_equal(ms->interface, "Gi0/0/0.100");
    assert_string_equal(ms->vrf, "ER-PRIV");
    assert_false(ms->incomplete);
    assert_int_equal(th_must_find(p, "FE80::212:F2FF:FEA1:C01")->u.arp.age, 60);
    const arp_entry_t *inc = &th_must_find(p, "2001:DB8:C0DE::6")->u.arp;
    assert_true(inc->incomplete);
    assert_string_equal(inc->mac, "");
    assert_true(th_must_find(p, "2001:DB8:FF00::2")->u.arp.age == MODEL_ABSENT); /* static */
    th_free(p);
}

static void v6_interfaces(void **state)
{
    (void)state;
    check_variants("show ipv6 interface brief", "v6_int_brief", 5, 0);
    check_variants("show ipv6 interface GigabitEthernet0/0/0.100", "v6_int", 1, 0);
    parsed_t *p = fx("sh ipv6 int br", "v6_int_brief");
    const iface_t *sub = &th_must_find(p, "GigabitEthernet0/0/0.100")->u.iface;
    assert_int_equal(sub->n_ipv6, 2);
    assert_string_equal(sub->ipv6[0], "fe80::2a3:d1ff:fe4f:2a10");
    assert_string_equal(sub->ipv6[1], "2001:db8:c0de::1");
    assert_int_equal(sub->oper_status, UPDOWN_UP);
    assert_int_equal(th_must_find(p, "GigabitEthernet0/0/0")->u.iface.n_ipv6, 0);
    const iface_t *shut = &th_must_find(p, "GigabitEthernet0/0/1.100")->u.iface;
    assert_int_equal(shut->admin_status, UPDOWN_DOWN);
    assert_string_equal(shut->ipv6[1], "2001:db8:c0de::5");
    th_free(p);
    p = fx("show ipv6 interface GigabitEthernet0/0/0.100", "v6_int");
    const iface_t *d = &th_must_find(p, "GigabitEthernet0/0/0.100")->u.iface;
    assert_int_equal(d->n_ipv6, 2); /* the joined groups are not the interface's addresses */
    assert_string_equal(d->ipv6[0], "fe80::2a3:d1ff:fe4f:2a10");
    assert_string_equal(d->ipv6[1], "2001:db8:c0de::1/126");
    assert_int_equal(d->mtu, 1500);
    assert_string_equal(d->description, "ExpressRoute primary IPv6 (ER circuit 4f2c)");
    th_free(p);
}

static void v6_prefix_lists(void **state)
{
    (void)state;
    check_variants("show ipv6 prefix-list detail", "v6_prefix_list_detail", 5, 0);
    parsed_t *p = fx("show ipv6 prefix-list detail", "v6_prefix_list_detail");
    const prefix_list_entry_t *e = &p->recs[0].u.prefix_list;
    assert_string_equal(e->name, "ER-V6-IN-PL");
    assert_string_equal(e->prefix, "2001:db8:1::/48");
    assert_int_equal(e->hits, 14);
    assert_true(e->ipv6);
    assert_true(e->permit);
    const prefix_list_entry_t *deny = &p->recs[4].u.prefix_list;
    assert_string_equal(deny->name, "ER-V6-OUT-PL");
    assert_string_equal(deny->prefix, "::/0");
    assert_int_equal(deny->le, 128);
    assert_false(deny->permit);
    th_free(p);
    p = fx("show ipv6 prefix-list", "v6_prefix_list");
    assert_false(p->partial);
    assert_int_equal(p->n, 5);
    assert_string_equal(p->recs[3].u.prefix_list.prefix, "2001:db8:ff00::/40");
    th_free(p);
}

/* One line no parser knows in three places of each answer (tests/testhelp.h). */
static void unknown_lines(void **state)
{
    (void)state;
    th_assert_unknown_lines("ios", "show interfaces", "ios/interfaces", "GigabitEthernet0/0/0.100", "Loopback0", TH_SILENT);
    th_assert_unknown_lines("ios", "show ip bgp neighbors", "ios/bgp_neighbors", "192.168.100.130", "192.168.200.134", TH_SILENT);
    th_assert_unknown_lines("ios", "show ip bgp summary", "ios/bgp_summary", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("ios", "show ip arp", "ios/arp", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("ios", "show bfd neighbors details", "ios/bfd_details", "192.168.100.130", "192.168.100.134", TH_SILENT);
    th_assert_unknown_lines("ios", "show ip route", "ios/rib_route_normal", "10.1.0.0/16", "0.0.0.0/0", TH_MARKS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_lines),
        cmocka_unit_test(ip_int_brief_crlf),
        cmocka_unit_test(ip_int_brief_variants),
        cmocka_unit_test(interfaces_variants),
        cmocka_unit_test(interfaces_values),
        cmocka_unit_test(interfaces_garbage_is_skipped),
        cmocka_unit_test(bgp_summary_variants),
        cmocka_unit_test(bgp_summary_values),
        cmocka_unit_test(bgp_summary_all_afs),
        cmocka_unit_test(bgp_summary_commands),
        cmocka_unit_test(bgp_summary_link_local),
        cmocka_unit_test(bgp_summary_vrf),
        cmocka_unit_test(bgp_neighbors_variants),
        cmocka_unit_test(bgp_neighbors_values),
        cmocka_unit_test(bgp_neighbors_commands),
        cmocka_unit_test(bgp_neighbors_dynamic),
        cmocka_unit_test(bgp_neighbors_soft_reconfig),
        cmocka_unit_test(arp_variants),
        cmocka_unit_test(arp_values),
        cmocka_unit_test(prefix_list_variants),
        cmocka_unit_test(bgp_neighbor_idle),
        cmocka_unit_test(traceroute_mpls_refused),
        cmocka_unit_test(prefix_list_values),
        cmocka_unit_test(prefix_list_detail),
        cmocka_unit_test(route_map_variants),
        cmocka_unit_test(route_map_values),
        cmocka_unit_test(bgp_config_variants),
        cmocka_unit_test(bgp_config_values),
        cmocka_unit_test(bgp_config_vrf_router_id),
        cmocka_unit_test(bfd_variants),
        cmocka_unit_test(bfd_values),
        cmocka_unit_test(version_variants),
        cmocka_unit_test(version_values),
        cmocka_unit_test(telnet_variants),
        cmocka_unit_test(telnet_results),
        cmocka_unit_test(v6_bgp_summary),
        cmocka_unit_test(v6_bgp_neighbors),
        cmocka_unit_test(v6_bgp_table),
        cmocka_unit_test(v6_bgp_per_prefix_and_neighbor),
        cmocka_unit_test(v6_bgp_table_large),
        cmocka_unit_test(v6_route_table),
        cmocka_unit_test(v6_route_detail),
        cmocka_unit_test(v6_route_large),
        cmocka_unit_test(v6_neighbors),
        cmocka_unit_test(v6_interfaces),
        cmocka_unit_test(v6_prefix_lists),
    };
    return cmocka_run_group_tests_name("ios", tests, NULL, NULL);
}
