/* test_junos.c: Juniper Junos parsers against fixtures in tests/fixtures/junos/.
 *
 * Every base fixture also has _crlf, _pager, _ansi and _banner variants (made by
 * tests/fixtures/junos/make_variants.py): each must read exactly like its base. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

#define V "junos"

typedef struct {
    const char *command;
    const char *base; /* file name without extension */
    const char *ext;
} base_case_t;

static const base_case_t bases[] = {
    {"show interfaces", "interfaces", "txt"},
    {"show interfaces xe-0/1/0 extensive", "interfaces_extensive", "txt"},
    {"show interfaces terse", "interfaces_terse", "txt"},
    {"show bgp summary", "bgp_summary", "txt"},
    {"show bgp neighbor", "bgp_neighbor", "txt"},
    {"show route", "route", "txt"},
    {"show route 10.1.0.0/16 detail", "route_detail", "txt"},
    {"show route receive-protocol bgp 192.168.100.130", "receive_protocol", "txt"},
    {"show arp no-resolve", "arp", "txt"},
    {"show route summary", "route_summary", "txt"},
    {"show version", "version", "txt"},
    {"show bfd session", "bfd", "txt"},
    {"show configuration protocols bgp", "bgp_config", "txt"},
    {"show configuration policy-options", "policy", "txt"},
    {"show configuration policy-options prefix-list", "prefix_list", "txt"},
    {"traceroute 10.1.1.1", "traceroute", "txt"},
    {"telnet 192.168.100.134 port 179", "telnet_refused", "txt"},
    {"show interfaces ge-0/0/0 | display json", "interfaces", "json"},
    {"show interfaces terse | display json", "interfaces_terse", "json"},
    {"show bgp summary | display json", "bgp_summary", "json"},
    {"show bgp neighbor 192.168.100.130 | display json", "bgp_neighbor", "json"},
    {"show route | display json", "route", "json"},
    {"show route receive-protocol bgp 192.168.100.130 | display json", "receive_protocol", "json"},
    {"show arp no-resolve | display json", "arp", "json"},
    {"show route summary | display json", "route_summary", "json"},
    {"show bgp summary", "v6_bgp_summary", "txt"},
    {"show bgp neighbor 2001:db8:c0de::2", "v6_bgp_neighbor", "txt"},
    {"show route table inet6.0", "v6_route", "txt"},
    {"show route 2001:db8:1::/48 table inet6.0 detail", "v6_route_detail", "txt"},
    {"show route table ER-PRIVATE.inet6.0", "v6_route_vrf", "txt"},
    {"show route receive-protocol bgp 2001:db8:c0de::2 table inet6.0", "v6_receive_protocol", "txt"},
    {"show route advertising-protocol bgp 2001:db8:c0de::2 table inet6.0", "v6_advertising_protocol", "txt"},
    {"show ipv6 neighbors", "v6_nd", "txt"},
    {"show interfaces terse", "v6_interfaces_terse", "txt"},
    {"show bgp summary | display json", "v6_bgp_summary", "json"},
    {"show bgp neighbor 2001:db8:c0de::2 | display json", "v6_bgp_neighbor", "json"},
    {"show route table inet6.0 | display json", "v6_route", "json"},
    {"show route receive-protocol bgp 2001:db8:c0de::2 table inet6.0 | display json", "v6_receive_protocol", "json"},
    {"show ipv6 neighbors | display json", "v6_nd", "json"},
    {"show interfaces terse | display json", "v6_interfaces_terse", "json"},
};

static parsed_t *fx(const char *command, const char *file)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "junos/%s", file);
    return th_parse_fixture(V, command, rel);
}

static void assert_clean(const parsed_t *p)
{
    assert_false(p->failed);
    assert_false(p->partial);
    assert_int_equal(p->n_skipped, 0);
}

/* ---- every base: clean, split-invariant, and unchanged by terminal noise ---- */

static void variants_match_base(void **state)
{
    (void)state;
    static const char *const suffixes[] = {"crlf", "pager", "ansi", "banner"};
    for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
        char file[128];
        snprintf(file, sizeof(file), "%s.%s", bases[b].base, bases[b].ext);
        parsed_t *base = fx(bases[b].command, file);
        if (base->partial || base->n_skipped || base->n == 0)
            fail_msg("%s: partial %d, skipped %zu, records %zu", file, base->partial, base->n_skipped, base->n);
        for (size_t s = 0; s < sizeof(suffixes) / sizeof(suffixes[0]); s++) {
            snprintf(file, sizeof(file), "%s_%s.%s", bases[b].base, suffixes[s], bases[b].ext);
            parsed_t *v = fx(bases[b].command, file);
            if (v->partial || v->n_skipped || v->failed || v->n != base->n)
                fail_msg("%s: partial %d, skipped %zu, records %zu (base %zu) %s", file, v->partial, v->n_skipped,
                         v->n, base->n, v->error);
            for (size_t i = 0; i < v->n; i++)
                if (memcmp(&v->recs[i], &base->recs[i], sizeof(record_t)))
                    fail_msg("%s: record %zu differs from the base", file, i);
            th_free(v);
        }
        th_free(base);
    }
}

static void split_invariant(void **state)
{
    (void)state;
    for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
        char rel[160];
        snprintf(rel, sizeof(rel), "junos/%s_banner.%s", bases[b].base, bases[b].ext);
        char *text = th_read_fixture(rel, NULL);
        th_assert_split_invariant(V, bases[b].command, text, 5);
        free(text);
    }
}

/* ---- interfaces ---- */

static void interfaces_normal(void **state)
{
    (void)state;
    parsed_t *p = fx("show interfaces", "interfaces.txt");
    assert_clean(p);
    assert_int_equal(p->n, 6);
    const iface_t *ge0 = &th_must_find(p, "ge-0/0/0")->u.iface;
    assert_string_equal(ge0->description, "TO-MSEE-PRIMARY ER-CIRCUIT-01");
    assert_int_equal(ge0->admin_status, UPDOWN_UP);
    assert_int_equal(ge0->oper_status, UPDOWN_UP);
    assert_int_equal(ge0->mtu, 1514);
    assert_int_equal(ge0->bandwidth_kbps, 1000000);
    assert_string_equal(ge0->mac, "00:05:86:71:1a:c0");
    assert_int_equal(ge0->last_flapped, 7 * 86400 + 2 * 86400 + 3 * 3600 + 4 * 60); /* 1w2d 03:04 */
    assert_int_equal(ge0->in_rate_bps, 1234);
    assert_int_equal(ge0->out_rate_bps, 5678);
    assert_int_equal(ge0->n_ipv4, 0);
    const iface_t *u0 = &th_must_find(p, "ge-0/0/0.0")->u.iface;
    assert_string_equal(u0->description, "MSEE-PRIMARY-PRIVATE-PEERING");
    assert_int_equal(u0->oper_status, UPDOWN_UP);
    assert_int_equal(u0->mtu, 1500);
    assert_int_equal(u0->n_ipv4, 1);
    assert_string_equal(u0->ipv4[0], "192.168.100.129/30");
    assert_int_equal(u0->n_ipv6, 2);
    assert_string_equal(u0->ipv6[0], "2001:db8:100::1/126");
    assert_int_equal(u0->in_packets, 1234567);
    const iface_t *ge1 = &th_must_find(p, "ge-0/0/1")->u.iface;
    assert_int_equal(ge1->admin_status, UPDOWN_DOWN);
    assert_int_equal(ge1->oper_status, UPDOWN_DOWN);
    assert_string_equal(ge1->raw_status, "Administratively down, Physical link is Down");
    assert_int_equal(ge1->bandwidth_kbps, 10000000);
    assert_int_equal(ge1->last_flapped, 45 * 60 + 19);
    assert_int_equal(th_must_find(p, "ge-0/0/1.100")->u.iface.oper_status, UPDOWN_DOWN);
    const iface_t *lo = &th_must_find(p, "lo0.0")->u.iface;
    assert_string_equal(lo->ipv4[0], "10.255.255.2/32");
    assert_int_equal(lo->oper_status, UPDOWN_ABSENT); /* "Flags: SNMP-Traps" says nothing */
    assert_int_equal(th_must_find(p, "lo0")->u.iface.last_flapped, MODEL_ABSENT); /* Never */
    th_free(p);
}

static void interfaces_extensive(void **state)
{
    (void)state;
    parsed_t *p = fx("show interfaces xe-0/1/0 extensive", "interfaces_extensive.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    const iface_t *f = &th_must_find(p, "xe-0/1/0")->u.iface;
    assert_int_equal(f->in_errors, 17);
    assert_int_equal(f->in_discards, 4);
    assert_int_equal(f->frame, 2);
    assert_int_equal(f->overrun, 1);
    assert_int_equal(f->out_errors, 3);
    assert_int_equal(f->out_discards, 9);
    assert_int_equal(f->carrier_transitions, 5);
    assert_int_equal(f->crc, 11);
    assert_int_equal(f->in_packets, 1122334455);
    assert_int_equal(f->out_packets, 998877665);
    assert_int_equal(f->in_rate_bps, 412345678);
    assert_int_equal(f->last_flapped, 43 * 604800 + 15 * 3600 + 54 * 60); /* "43w0d 15:54": hh:mm */
    const iface_t *u = &th_must_find(p, "xe-0/1/0.0")->u.iface;
    assert_int_equal(u->mtu, 9178);
    assert_int_equal(u->in_packets, 1122334455); /* traffic, not local statistics */
    th_free(p);
}

static void interfaces_truncated(void **state)
{
    (void)state;
    parsed_t *t = fx("show interfaces", "interfaces_truncated.txt");
    assert_true(t->partial);
    assert_int_equal(t->n, 3); /* ge-0/0/0, its unit, and the ge-0/0/1 read so far */
    assert_int_equal(t->recs[2].u.iface.admin_status, UPDOWN_DOWN);
    assert_string_equal(t->recs[2].u.iface.mac, "00:05:86:71:1a:c1");
    th_free(t);
    t = fx("show interfaces", "interfaces_empty.txt");
    assert_clean(t);
    assert_int_equal(t->n, 0);
    th_free(t);
    const char *text = "Physical interface: ge-0/0/0, Enabled, Physical link is Up\n"
                       "  Interface index: 148, SNMP ifIndex: 526\n"
                       "  Description: TO-MSEE-PRIMARY\n"
                       "  Link-level type: Ethernet, MTU: 1514, Speed: 1000mbps\n";
    parsed_t *p = th_parse_text(V, "show interfaces ge-0/0/0", text, strlen(text));
    assert_true(p->partial);
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.iface.mtu, 1514);
    assert_string_equal(p->recs[0].u.iface.description, "TO-MSEE-PRIMARY");
    th_free(p);
    p = th_parse_text(V, "show interfaces", "", 0);
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    th_free(p);
}

static void interfaces_terse(void **state)
{
    (void)state;
    parsed_t *p = fx("show interfaces terse", "interfaces_terse.txt");
    assert_clean(p);
    assert_int_equal(p->n, 7);
    const iface_t *u = &th_must_find(p, "ge-0/0/0.0")->u.iface;
    assert_string_equal(u->ipv4[0], "192.168.100.129/30");
    assert_int_equal(u->n_ipv6, 2);
    assert_string_equal(u->ipv6[1], "fe80::205:86ff:fe71:1ac0/64");
    const iface_t *d = &th_must_find(p, "ge-0/0/1.100")->u.iface;
    assert_int_equal(d->admin_status, UPDOWN_UP);
    assert_int_equal(d->oper_status, UPDOWN_DOWN);
    assert_string_equal(th_must_find(p, "lo0.0")->u.iface.ipv4[0], "10.255.255.2/32");
    th_free(p);
    p = fx("show interfaces terse", "interfaces_terse_other.txt");
    assert_clean(p); /* "tnp 0x4" and "aenet --> ae0.0" are read, not addresses */
    assert_int_equal(p->n, 4);
    assert_int_equal(th_must_find(p, "em0.0")->u.iface.n_ipv4, 2);
    assert_int_equal(th_must_find(p, "ge-0/0/5.0")->u.iface.n_ipv4, 0);
    th_free(p);
    p = fx("show interfaces terse", "interfaces_terse_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show interfaces terse", "interfaces_terse_truncated.txt");
    assert_int_equal(p->n, 2); /* the unit cut after its first IPv6 address is still emitted */
    assert_int_equal(p->recs[1].u.iface.n_ipv6, 1);
    th_free(p);
}

static void interfaces_json(void **state)
{
    (void)state;
    parsed_t *p = fx("show interfaces ge-0/0/0 | display json", "interfaces.json");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    const iface_t *f = &th_must_find(p, "ge-0/0/0")->u.iface;
    assert_int_equal(f->admin_status, UPDOWN_UP);
    assert_int_equal(f->mtu, 1514);
    assert_int_equal(f->bandwidth_kbps, 1000000);
    assert_int_equal(f->last_flapped, 788640);
    assert_int_equal(f->crc, 11);
    assert_int_equal(f->carrier_transitions, 5);
    assert_int_equal(f->in_rate_bps, 1234);
    const iface_t *u = &th_must_find(p, "ge-0/0/0.0")->u.iface;
    assert_string_equal(u->ipv4[0], "192.168.100.129/30");
    assert_string_equal(u->ipv6[0], "2001:db8:100::1/126");
    assert_int_equal(u->oper_status, UPDOWN_UP);
    th_free(p);
    p = fx("show interfaces terse | display json", "interfaces_terse.json");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(th_must_find(p, "ge-0/0/0.0")->u.iface.ipv4[0], "192.168.100.129/30");
    assert_int_equal(th_must_find(p, "ge-0/0/1")->u.iface.admin_status, UPDOWN_DOWN);
    th_free(p);
    const char *cut = "{\"interface-information\" : [{ \"physical-interface\" : [{\"name\" : [{\"data\" : \"ge-0";
    p = th_parse_text(V, "show interfaces | display json", cut, strlen(cut));
    assert_true(p->failed); /* a cut JSON document cannot be read: said so, not guessed */
    th_free(p);
}

/* ---- bgp ---- */

static void bgp_summary_normal(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp summary", "bgp_summary.txt");
    assert_clean(p);
    assert_int_equal(p->n, 5);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_string_equal(a->raw_state, "Establ");
    assert_int_equal(a->prefixes_received, 6);
    assert_int_equal(a->prefixes_accepted, 6);
    assert_int_equal(a->up_down, 788645);
    assert_int_equal(a->msg_rcvd, 12345);
    assert_int_equal(a->msg_sent, 12000);
    assert_string_equal(a->vrf, "default");
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_int_equal(b->state, BGP_STATE_ACTIVE);
    assert_int_equal(b->prefixes_received, MODEL_ABSENT);
    assert_int_equal(b->up_down, 245); /* "4:05" is mm:ss */
    const bgp_peer_t *v6 = &th_must_find(p, "2001:db8:100::2")->u.peer;
    assert_int_equal(v6->prefixes_received, 2);
    assert_int_equal(v6->up_down, 3723);
    assert_string_equal(v6->address_family, "IPv6 Unicast");
    const bgp_peer_t *c = &th_must_find(p, "10.20.30.2")->u.peer;
    assert_int_equal(c->remote_as, 4200000001LL);
    assert_int_equal(c->state, BGP_STATE_IDLE);
    assert_int_equal(th_must_find(p, "172.16.50.2")->u.peer.up_down, 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    th_free(p);
}

static void bgp_summary_other_forms(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp summary", "bgp_summary_inline.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.peer.prefixes_received, 4);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.peer.state, BGP_STATE_ESTABLISHED);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.peer.up_down, 12 * 60 + 9);
    th_free(p);
    p = fx("show bgp summary", "bgp_summary_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show bgp summary", "bgp_summary_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.peer.msg_rcvd, 12345);
    th_free(p);
    p = fx("show bgp summary instance BLUE", "bgp_summary_inline.txt");
    assert_string_equal(p->meta.vrf, "BLUE");
    assert_string_equal(p->recs[1].u.peer.vrf, "BLUE");
    th_free(p);
}

static void bgp_summary_json(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp summary | display json", "bgp_summary.json");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->prefixes_received, 6);
    assert_int_equal(a->up_down, 788645);
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_int_equal(b->state, BGP_STATE_ACTIVE);
    assert_int_equal(b->prefixes_received, MODEL_ABSENT);
    th_free(p);
    p = fx("show bgp summary | display json", "bgp_summary_empty.json");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show bgp summary | display json", "bgp_summary_truncated.json");
    assert_true(p->failed); /* a cut document is reported, not guessed at */
    assert_int_equal(p->n, 0);
    th_free(p);
}

static void bgp_neighbor_normal(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp neighbor", "bgp_neighbor.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    const bgp_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(a->remote_port, 179);
    assert_string_equal(a->local_address, "192.168.100.129");
    assert_int_equal(a->local_port, 54321);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_string_equal(a->description, "MSEE-PRIMARY");
    assert_string_equal(a->inbound_policy, "IMPORT-FROM-MS");
    assert_string_equal(a->outbound_policy, "EXPORT-TO-MS");
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->cfg_hold_time, 180);
    assert_int_equal(a->hold_time, 90);
    assert_int_equal(a->keepalive, 30);
    assert_string_equal(a->remote_router_id, "10.255.255.1");
    assert_string_equal(a->last_error, "Hold Timer Expired Error");
    assert_int_equal(a->notification_code, 4);
    assert_string_equal(a->notification_dir, "sent");
    assert_string_equal(a->last_reset_reason, "HoldTime");
    assert_int_equal(a->prefixes_received, 6);
    assert_int_equal(a->prefixes_accepted, 6);
    assert_int_equal(a->prefixes_sent, 2);
    assert_int_equal(a->msg_rcvd, 12345);
    assert_int_equal(a->msg_sent, 12000);
    assert_string_equal(a->vrf, "default");
    const bgp_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_int_equal(b->state, BGP_STATE_ACTIVE);
    assert_int_equal(b->remote_port, MODEL_ABSENT);
    assert_int_equal(b->md5, TRI_FALSE);
    assert_int_equal(b->bfd, TRI_FALSE);
    assert_int_equal(b->notification_code, 6);
    assert_string_equal(b->notification_dir, "received");
    const bgp_neighbor_t *c = &th_must_find(p, "10.20.30.2")->u.neighbor;
    assert_int_equal(c->remote_as, 4200000001LL);
    assert_string_equal(c->vrf, "BLUE");
    assert_string_equal(c->last_error, "");
    th_free(p);
}

static void bgp_neighbor_edges(void **state)
{
    (void)state;
    parsed_t *p = fx("show bgp neighbor", "bgp_neighbor_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.neighbor.prefixes_received, 6);
    assert_int_equal(p->recs[0].u.neighbor.msg_rcvd, MODEL_ABSENT);
    th_free(p);
    p = fx("show bgp neighbor", "bgp_neighbor_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show bgp neighbor 192.168.100.130 | display json", "bgp_neighbor.json");
    assert_clean(p);
    assert_int_equal(p->n, 1);
    const bgp_neighbor_t *a = &p->recs[0].u.neighbor;
    assert_string_equal(a->peer, "192.168.100.130");
    assert_int_equal(a->local_port, 54321);
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->cfg_hold_time, 180);
    assert_int_equal(a->prefixes_sent, 2);
    assert_int_equal(a->notification_code, 4);
    assert_string_equal(a->inbound_policy, "IMPORT-FROM-MS");
    th_free(p);
}

/* ---- routes ---- */

static void routes_normal(void **state)
{
    (void)state;
    parsed_t *p = fx("show route", "route.txt");
    assert_clean(p);
    assert_int_equal(p->n, 12);
    const route_t *r = &p->recs[1].u.route;
    assert_string_equal(r->prefix, "10.1.0.0/16");
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->distance, 170);
    assert_int_equal(r->best, TRI_TRUE);
    assert_int_equal(r->age, 788645);
    assert_string_equal(r->next_hops[0].address, "192.168.100.130");
    assert_string_equal(r->next_hops[0].interface, "ge-0/0/0.0");
    const route_t *alt = &p->recs[2].u.route;
    assert_string_equal(alt->prefix, "10.1.0.0/16");
    assert_int_equal(alt->best, TRI_FALSE);
    assert_string_equal(alt->next_hops[0].address, "192.168.100.134");
    const route_t *ospf = &th_must_find(p, "10.2.0.0/16")->u.route;
    assert_int_equal(ospf->metric, 20);
    assert_int_equal(ospf->n_next_hops, 2);
    assert_string_equal(ospf->next_hops[1].address, "10.0.0.6");
    assert_int_equal(th_must_find(p, "10.3.0.0/24")->u.route.n_next_hops, 0); /* Discard */
    assert_string_equal(th_must_find(p, "192.168.100.128/30")->u.route.protocol, "connected");
    const route_t *local = &th_must_find(p, "192.168.100.129/32")->u.route;
    assert_string_equal(local->protocol, "local");
    assert_string_equal(local->next_hops[0].interface, "ge-0/0/0.0");
    const route_t *blue = &th_must_find(p, "10.50.0.0/16")->u.route;
    assert_string_equal(blue->vrf, "BLUE");
    assert_int_equal(blue->metric, 50);
    assert_string_equal(th_must_find(p, "2001:db8:aaaa::/48")->u.route.vrf, "default");
    th_free(p);
}

static void routes_other_forms(void **state)
{
    (void)state;
    parsed_t *p = fx("show route 10.1.0.0/16 detail", "route_detail.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_int_equal(p->recs[0].u.route.best, TRI_TRUE);
    assert_int_equal(p->recs[1].u.route.best, TRI_FALSE);
    assert_int_equal(p->recs[1].u.route.age, 93784);
    assert_string_equal(p->recs[1].u.route.next_hops[0].interface, "ge-0/0/1.100");
    th_free(p);
    p = fx("show route", "route_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 3);
    th_free(p);
    p = fx("show route", "route_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show route", "route_mixed.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2); /* MPLS labels are not IP routes: passed over */
    assert_string_equal(p->recs[0].u.route.prefix, "2001:db8:aaaa:bbbb:cccc:dddd::/96");
    assert_string_equal(p->recs[0].u.route.next_hops[0].address, "2001:db8:100::2");
    assert_string_equal(p->recs[1].u.route.prefix, "10.9.0.0/16");
    th_free(p);
    p = fx("show route | display json", "route.json");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_int_equal(p->recs[0].u.route.best, TRI_TRUE);
    assert_int_equal(p->recs[0].u.route.age, 788645);
    assert_int_equal(p->recs[1].u.route.best, TRI_FALSE);
    assert_string_equal(p->recs[2].u.route.protocol, "local");
    assert_string_equal(p->recs[2].u.route.next_hops[0].interface, "ge-0/0/0.0");
    th_free(p);
}

static void bgp_table(void **state)
{
    (void)state;
    parsed_t *p = fx("show route receive-protocol bgp 192.168.100.130", "receive_protocol.txt");
    assert_clean(p);
    assert_int_equal(p->n, 4);
    const bgp_path_t *a = &p->recs[0].u.path;
    assert_string_equal(a->prefix, "10.1.0.0/16");
    assert_string_equal(a->next_hop, "192.168.100.130");
    assert_int_equal(a->metric, MODEL_ABSENT);
    assert_string_equal(a->as_path, "12076");
    assert_string_equal(a->origin, "igp");
    assert_int_equal(a->best, TRI_TRUE);
    assert_string_equal(a->neighbor, "192.168.100.130");
    const bgp_path_t *b = &p->recs[1].u.path;
    assert_int_equal(b->metric, 50);
    assert_string_equal(b->as_path, "12076 65020");
    assert_string_equal(b->origin, "incomplete");
    assert_int_equal(b->best, TRI_FALSE);
    assert_string_equal(p->recs[2].u.path.as_path, "12076 4200000001");
    const bgp_path_t *v6 = &p->recs[3].u.path; /* long prefix: the row wraps */
    assert_string_equal(v6->prefix, "2001:db8:aaaa:bbbb:cccc::/80");
    assert_string_equal(v6->next_hop, "2001:db8:100::2");
    th_free(p);
    p = fx("show route receive-protocol bgp 192.168.100.130", "receive_protocol_tabs.txt");
    assert_clean(p); /* a header padded with tabs still places MED and Lclpref */
    assert_int_equal(p->recs[1].u.path.metric, 50);
    assert_int_equal(p->recs[1].u.path.local_pref, MODEL_ABSENT);
    assert_int_equal(p->recs[2].u.path.local_pref, 150);
    assert_int_equal(p->recs[2].u.path.metric, MODEL_ABSENT);
    th_free(p);
    p = fx("show route advertising-protocol bgp 192.168.100.130", "advertising_protocol.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(p->recs[0].u.path.next_hop, ""); /* Self */
    assert_string_equal(p->recs[0].u.path.neighbor, "");
    assert_int_equal(p->recs[1].u.path.metric, 10);
    assert_int_equal(p->recs[2].u.path.local_pref, 200);
    assert_int_equal(p->recs[2].u.path.metric, MODEL_ABSENT);
    th_free(p);
    p = fx("show route receive-protocol bgp 192.168.100.130", "receive_protocol_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 4);
    th_free(p);
    p = fx("show route receive-protocol bgp 192.168.100.130", "receive_protocol_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show route receive-protocol bgp 192.168.100.130 | display json", "receive_protocol.json");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[1].u.path.as_path, "12076 65020");
    assert_string_equal(p->recs[1].u.path.origin, "incomplete");
    assert_int_equal(p->recs[1].u.path.metric, 50);
    th_free(p);
}

/* ---- arp, route summary, version, bfd ---- */

static void arp(void **state)
{
    (void)state;
    parsed_t *p = fx("show arp no-resolve", "arp.txt");
    assert_clean(p);
    assert_int_equal(p->n, 4);
    const arp_entry_t *a = &th_must_find(p, "192.168.100.130")->u.arp;
    assert_string_equal(a->mac, "00:05:86:71:1a:c1");
    assert_string_equal(a->interface, "ge-0/0/0.0");
    const arp_entry_t *irb = &th_must_find(p, "10.1.20.5")->u.arp;
    assert_string_equal(irb->interface, "irb.20");
    assert_string_equal(irb->state, "permanent remote");
    th_free(p);
    p = fx("show arp", "arp_resolve.txt");
    assert_clean(p);
    assert_string_equal(th_must_find(p, "192.168.100.130")->u.arp.interface, "ge-0/0/0.0");
    th_free(p);
    p = fx("show arp no-resolve", "arp_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show arp no-resolve", "arp_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 2);
    th_free(p);
    p = fx("show arp no-resolve | display json", "arp.json");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "10.1.20.5")->u.arp.interface, "irb.20");
    assert_string_equal(th_must_find(p, "10.1.20.5")->u.arp.state, "permanent remote");
    th_free(p);
}

static void route_summary(void **state)
{
    (void)state;
    parsed_t *p = fx("show route summary", "route_summary.txt");
    assert_clean(p);
    assert_int_equal(p->n, 12);
    assert_int_equal(p->meta.local_as, 65010);
    assert_string_equal(p->meta.router_id, "10.255.255.2");
    const route_summary_t *t = &p->recs[0].u.route_summary;
    assert_string_equal(t->table, "inet.0");
    assert_string_equal(t->protocol, "");
    assert_int_equal(t->routes, 9);
    assert_int_equal(t->active_routes, 8);
    const route_summary_t *bgp = &p->recs[3].u.route_summary;
    assert_string_equal(bgp->protocol, "BGP");
    assert_int_equal(bgp->routes, 2);
    assert_int_equal(bgp->active_routes, 1);
    assert_string_equal(p->recs[6].u.route_summary.table, "BLUE.inet.0");
    th_free(p);
    p = fx("show route summary", "route_summary_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show route summary", "route_summary_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 3);
    th_free(p);
    p = fx("show route summary | display json", "route_summary.json");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_int_equal(p->meta.local_as, 65010);
    assert_string_equal(p->recs[2].u.route_summary.protocol, "BGP");
    assert_int_equal(p->recs[2].u.route_summary.active_routes, 1);
    th_free(p);
}

static void version(void **state)
{
    (void)state;
    parsed_t *p = fx("show version", "version.txt");
    assert_clean(p);
    assert_int_equal(p->n, 1);
    const version_t *v = &p->recs[0].u.version;
    assert_string_equal(v->hostname, "edge-01");
    assert_string_equal(v->model, "mx204");
    assert_string_equal(v->version, "21.4R3-S3.4");
    assert_string_equal(v->os, "Junos");
    th_free(p);
    p = fx("show version", "version_vc.txt");
    assert_clean(p);
    assert_int_equal(p->n, 1); /* one record for the chassis, from its first member */
    assert_string_equal(p->recs[0].u.version.version, "18.4R2-S4.1");
    assert_string_equal(p->recs[0].u.version.model, "ex4300-48t");
    th_free(p);
    p = fx("show version", "version_truncated.txt");
    assert_true(p->partial);
    assert_string_equal(p->recs[0].u.version.hostname, "edge-01");
    th_free(p);
    p = fx("show version", "version_empty.txt");
    assert_int_equal(p->n, 0);
    th_free(p);
}

static void bfd(void **state)
{
    (void)state;
    parsed_t *p = fx("show bfd session", "bfd.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    const bfd_session_t *a = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_int_equal(a->state, UPDOWN_UP);
    assert_string_equal(a->interface, "ge-0/0/0.0");
    assert_int_equal(a->tx_interval_ms, 300);
    assert_int_equal(a->multiplier, 3);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.state, UPDOWN_DOWN);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.tx_interval_ms, 1000);
    th_free(p);
    p = fx("show bfd session detail", "bfd_detail.txt");
    assert_clean(p);
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.bfd.rx_interval_ms, 300);
    assert_int_equal(p->recs[0].u.bfd.up_time, 9 * 86400 + 3 * 3600 + 4 * 60);
    th_free(p);
    p = fx("show bfd session", "bfd_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("show bfd session", "bfd_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 2);
    th_free(p);
}

/* ---- configuration ---- */

static void bgp_config(void **state)
{
    (void)state;
    parsed_t *p = fx("show configuration protocols bgp", "bgp_config.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    const bgp_config_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->remote_as, 12076);  /* from the group */
    assert_int_equal(a->local_as, 65010);   /* group local-as */
    assert_string_equal(a->peer_group, "MSEE");
    assert_string_equal(a->description, "MSEE-PRIMARY"); /* neighbor wins over group */
    assert_int_equal(a->md5, TRI_TRUE);
    assert_null(strstr(p->json, "$9$")); /* the secret never leaves the parser */
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->hold_time, 180);
    assert_int_equal(a->max_prefixes, 4000);
    assert_string_equal(a->inbound_policy, "IMPORT-FROM-MS");
    assert_string_equal(a->outbound_policy, "EXPORT-TO-MS");
    assert_string_equal(a->vrf, "default");
    const bgp_config_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.bgp_config;
    assert_int_equal(b->shutdown, TRI_TRUE);
    assert_string_equal(b->outbound_policy, "EXPORT-TO-MS PREPEND-3");
    assert_int_equal(b->md5, TRI_ABSENT);
    const bgp_config_neighbor_t *c = &th_must_find(p, "2001:db8:100::2")->u.bgp_config;
    assert_string_equal(c->peer_group, "MSEE-V6");
    assert_int_equal(c->local_as, MODEL_ABSENT); /* no local-as, no routing-options shown */
    assert_string_equal(c->description, "");
    th_free(p);
}

static void bgp_config_other_forms(void **state)
{
    (void)state;
    parsed_t *p = fx("show configuration", "bgp_config_full.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    const bgp_config_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->local_as, 65010);
    assert_string_equal(a->router_id, "10.255.255.2");
    assert_int_equal(a->hold_time, 90);
    const bgp_config_neighbor_t *b = &th_must_find(p, "10.20.30.2")->u.bgp_config;
    assert_string_equal(b->vrf, "BLUE");
    assert_int_equal(b->local_as, 4200000002LL);
    assert_int_equal(b->remote_as, 4200000001LL);
    assert_int_equal(b->ebgp_multihop, 2);
    th_free(p);
    p = fx("show configuration protocols bgp | display set", "bgp_config_set.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->max_prefixes, 4000);
    assert_string_equal(a->inbound_policy, "IMPORT-FROM-MS");
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bgp_config.shutdown, TRI_TRUE);
    assert_string_equal(th_must_find(p, "10.20.30.2")->u.bgp_config.vrf, "BLUE");
    assert_null(strstr(p->json, "$9$"));
    th_free(p);
    p = fx("show configuration protocols bgp", "bgp_config_inactive.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->shutdown, TRI_ABSENT);   /* only statements inside it are inactive */
    assert_int_equal(a->hold_time, MODEL_ABSENT); /* ... and they do not apply */
    assert_int_equal(a->bfd, TRI_ABSENT);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bgp_config.shutdown, TRI_TRUE);
    assert_int_equal(th_must_find(p, "172.16.99.1")->u.bgp_config.shutdown, TRI_TRUE); /* inactive group */
    assert_int_equal(th_must_find(p, "172.16.99.1")->u.bgp_config.remote_as, 65099);
    th_free(p);
    p = fx("show configuration protocols bgp", "bgp_config_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.bgp_config.hold_time, 180);
    th_free(p);
    p = fx("show configuration protocols bgp", "bgp_config_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
}

static void policy(void **state)
{
    (void)state;
    parsed_t *p = fx("show configuration policy-options", "policy.txt");
    assert_clean(p);
    assert_int_equal(p->n, 5);
    const route_map_entry_t *a = &p->recs[0].u.route_map;
    assert_string_equal(a->name, "EXPORT-TO-MS");
    assert_string_equal(a->term, "OURS");
    assert_int_equal(a->seq, 1);
    assert_true(a->permit);
    assert_int_equal(a->n_match, 2);
    assert_string_equal(a->match[0], "protocol direct static");
    assert_string_equal(a->match[1], "prefix-list OUR-PREFIXES");
    assert_int_equal(a->n_set, 2);
    assert_string_equal(a->set[1], "accept");
    const route_map_entry_t *b = &p->recs[1].u.route_map;
    assert_string_equal(b->term, "REJECT-ALL");
    assert_int_equal(b->seq, 2);
    assert_false(b->permit);
    const route_map_entry_t *c = &p->recs[2].u.route_map;
    assert_string_equal(c->name, "IMPORT-FROM-MS");
    assert_int_equal(c->seq, 1);
    assert_string_equal(c->match[1], "route-filter 10.0.0.0/8 orlonger");
    assert_string_equal(c->set[0], "local-preference 200");
    const route_map_entry_t *d = &p->recs[3].u.route_map; /* the policy's own final action */
    assert_string_equal(d->term, "");
    assert_int_equal(d->seq, 2);
    assert_false(d->permit);
    const route_map_entry_t *e = &p->recs[4].u.route_map;
    assert_string_equal(e->name, "LOCAL-ONLY");
    assert_string_equal(e->match[0], "protocol direct");
    th_free(p);
    p = fx("show configuration policy-options | display set", "policy_set.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_int_equal(p->recs[0].u.route_map.n_match, 2);
    assert_false(p->recs[1].u.route_map.permit);
    assert_string_equal(p->recs[2].u.route_map.name, "IMPORT-FROM-MS");
    th_free(p);
    p = fx("show configuration policy-options", "policy_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 1);
    th_free(p);
    p = fx("show configuration policy-options", "policy_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
}

static void prefix_lists(void **state)
{
    (void)state;
    parsed_t *p = fx("show configuration policy-options prefix-list", "prefix_list.txt");
    assert_clean(p);
    assert_int_equal(p->n, 4);
    const prefix_list_entry_t *a = &p->recs[1].u.prefix_list;
    assert_string_equal(a->name, "MS-PREFIXES");
    assert_int_equal(a->seq, 2);
    assert_string_equal(a->prefix, "10.4.0.0/22");
    assert_true(a->permit);
    assert_true(p->recs[3].u.prefix_list.ipv6);
    assert_int_equal(p->recs[3].u.prefix_list.seq, 2);
    th_free(p);
    p = fx("show configuration policy-options prefix-list MS-PREFIXES", "prefix_list_one.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[0].u.prefix_list.name, "MS-PREFIXES");
    th_free(p);
    p = fx("show configuration policy-options prefix-list | display set", "policy_set.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    th_free(p);
    p = fx("show configuration policy-options prefix-list", "prefix_list_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 2);
    th_free(p);
    p = fx("show configuration policy-options prefix-list", "prefix_list_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
}

/* ---- traceroute, telnet ---- */

static void traceroute(void **state)
{
    (void)state;
    parsed_t *p = fx("traceroute 10.1.1.1", "traceroute.txt");
    assert_clean(p);
    assert_int_equal(p->n, 4);
    assert_string_equal(p->meta.target, "10.1.1.1");
    const trace_hop_t *h1 = &p->recs[0].u.hop;
    assert_int_equal(h1->ttl, 1);
    assert_int_equal(h1->n_probes, 3);
    assert_string_equal(h1->probes[0].address, "192.168.100.130");
    assert_true(h1->probes[0].rtt_ms > 1.23 && h1->probes[0].rtt_ms < 1.24);
    const trace_hop_t *h2 = &p->recs[1].u.hop;
    assert_int_equal(h2->n_probes, 3);
    assert_string_equal(h2->probes[0].address, "");
    assert_true(h2->probes[0].rtt_ms < 0);
    const trace_hop_t *h3 = &p->recs[2].u.hop;
    assert_string_equal(h3->probes[0].name, "msee-edge.example.net");
    assert_string_equal(h3->probes[0].address, "10.0.0.1");
    assert_string_equal(h3->probes[2].address, "10.0.0.5");
    assert_string_equal(h3->probes[2].annotation, "MPLS 299776");
    assert_string_equal(p->recs[3].u.hop.probes[0].annotation, "!H");
    th_free(p);
    p = fx("traceroute 2001:db8:aaaa::1 no-resolve", "traceroute_noresolve.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_string_equal(p->recs[1].u.hop.probes[0].address, "2001:db8:aaaa::1");
    assert_string_equal(p->recs[1].u.hop.probes[1].address, "");
    th_free(p);
    p = fx("traceroute 10.1.1.1", "traceroute_empty.txt");
    assert_clean(p);
    assert_int_equal(p->n, 0);
    th_free(p);
    p = fx("traceroute 10.1.1.1", "traceroute_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 2);
    th_free(p);
}

static void telnet(void **state)
{
    (void)state;
    static const struct {
        const char *file, *result, *target;
    } cases[] = {{"telnet_open.txt", "open", "192.168.100.130"},
                 {"telnet_refused.txt", "refused", "192.168.100.134"},
                 {"telnet_timeout.txt", "timeout", "192.168.100.134"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        parsed_t *p = fx("telnet 192.168.100.134 port 179", cases[i].file);
        assert_clean(p);
        assert_int_equal(p->n, 1);
        assert_string_equal(p->recs[0].u.tcp_test.result, cases[i].result);
        assert_string_equal(p->recs[0].u.tcp_test.target, cases[i].target);
        assert_int_equal(p->recs[0].u.tcp_test.port, 179);
        th_free(p);
    }
    parsed_t *p = fx("telnet 192.168.100.134 port 179", "telnet_truncated.txt");
    assert_true(p->partial);
    assert_int_equal(p->n, 1);
    assert_string_equal(p->recs[0].u.tcp_test.result, "");
    th_free(p);
    p = fx("telnet 192.168.100.134 port 179", "telnet_empty.txt");
    assert_int_equal(p->n, 0);
    th_free(p);
}

/* ---- IPv6: the ExpressRoute /126 (customer ::1, Microsoft ::2) on a dual-stack box ---- */

static void v6_bgp_summary(void **state)
{
    (void)state;
    static const char *const files[][2] = {{"show bgp summary", "v6_bgp_summary.txt"},
                                           {"show bgp summary | display json", "v6_bgp_summary.json"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(files[i][0], files[i][1]);
        assert_clean(p);
        const bgp_peer_t *v6 = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
        assert_int_equal(v6->remote_as, 12076);
        assert_int_equal(v6->state, BGP_STATE_ESTABLISHED);
        assert_int_equal(v6->prefixes_received, 2);
        assert_int_equal(v6->prefixes_accepted, 2);
        assert_int_equal(v6->up_down, 1915909);
        assert_string_equal(v6->address_family, "IPv6 Unicast");
        assert_string_equal(v6->vrf, "default");
        assert_string_equal(th_must_find(p, "192.168.100.130")->u.peer.address_family, "IPv4 Unicast");
        const bgp_peer_t *down = &th_must_find(p, "2001:db8:c0de::6")->u.peer;
        assert_int_equal(down->state, BGP_STATE_ACTIVE);
        assert_int_equal(down->prefixes_received, MODEL_ABSENT);
        th_free(p);
    }
    parsed_t *p = fx("show bgp summary", "v6_bgp_summary_truncated.txt");
    assert_true(p->partial);
    assert_true(p->truncated);
    assert_int_equal(p->n, 3);
    th_free(p);
}

static void v6_bgp_neighbor(void **state)
{
    (void)state;
    static const char *const files[][2] = {{"show bgp neighbor 2001:db8:c0de::2", "v6_bgp_neighbor.txt"},
                                           {"show bgp neighbor 2001:db8:c0de::2 | display json", "v6_bgp_neighbor.json"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(files[i][0], files[i][1]);
        assert_clean(p);
        assert_int_equal(p->n, 1);
        const bgp_neighbor_t *n = &th_must_find(p, "2001:db8:c0de::2")->u.neighbor;
        assert_int_equal(n->state, BGP_STATE_ESTABLISHED);
        assert_int_equal(n->remote_as, 12076);
        assert_int_equal(n->local_as, 65010);
        assert_string_equal(n->local_address, "2001:db8:c0de::1");
        assert_int_equal(n->remote_port, 179);
        assert_int_equal(n->prefixes_received, 2);
        assert_int_equal(n->prefixes_accepted, 2);
        assert_int_equal(n->prefixes_sent, 1);
        assert_string_equal(n->inbound_policy, "IMPORT-AZURE-V6");
        assert_string_equal(n->outbound_policy, "EXPORT-ONPREM-V6");
        assert_int_equal(n->bfd, TRI_TRUE);
        th_free(p);
    }
}

/* The route to the Azure prefix: the active path via the global next hop, the other via a
 * link-local one whose interface is the only way to tell where it goes. */
static void assert_v6_paths(const parsed_t *p)
{
    const route_t *best = &p->recs[0].u.route, *other = &p->recs[1].u.route;
    assert_string_equal(best->prefix, "2001:db8:1::/48");
    assert_int_equal(best->best, TRI_TRUE);
    assert_string_equal(best->protocol, "bgp");
    assert_string_equal(best->next_hops[0].address, "2001:db8:c0de::2");
    assert_string_equal(best->next_hops[0].interface, "xe-0/1/0.100");
    assert_string_equal(other->prefix, "2001:db8:1::/48");
    assert_int_equal(other->best, TRI_FALSE);
    assert_string_equal(other->next_hops[0].address, "fe80::222:bdff:fef8:19fe");
    assert_string_equal(other->next_hops[0].interface, "xe-0/1/1.100");
}

static void v6_routes(void **state)
{
    (void)state;
    parsed_t *p = fx("show route table inet6.0", "v6_route.txt");
    assert_clean(p);
    assert_int_equal(p->n, 10);
    assert_v6_paths(p);
    const route_t *direct = &th_must_find(p, "2001:db8:c0de::/126")->u.route; /* prefix fills its column */
    assert_string_equal(direct->protocol, "connected");
    assert_int_equal(direct->n_next_hops, 1);
    assert_string_equal(direct->next_hops[0].interface, "xe-0/1/0.100");
    assert_int_equal(th_must_find(p, "2001:db8:2::/48")->u.route.n_next_hops, 1);
    assert_string_equal(th_must_find(p, "2001:db8:ff00::/40")->u.route.next_hops[0].address, "2001:db8:ff00:ffff::1");
    assert_string_equal(th_must_find(p, "::/0")->u.route.protocol, "static");
    th_free(p);
    p = fx("show route 2001:db8:1::/48 table inet6.0 detail", "v6_route_detail.txt");
    assert_clean(p);
    assert_int_equal(p->n, 2);
    assert_v6_paths(p);
    th_free(p);
    p = fx("show route table inet6.0 | display json", "v6_route.json");
    assert_clean(p);
    assert_int_equal(p->n, 4);
    assert_v6_paths(p);
    th_free(p);
    p = fx("show route table ER-PRIVATE.inet6.0", "v6_route_vrf.txt");
    assert_clean(p);
    assert_int_equal(p->n, 4);
    const route_t *r = &th_must_find(p, "2001:db8:2::/48")->u.route;
    assert_string_equal(r->vrf, "ER-PRIVATE");
    assert_string_equal(r->next_hops[0].address, "fe80::222:bdff:fef8:19ff");
    assert_string_equal(r->next_hops[0].interface, "xe-0/1/0.100");
    th_free(p);
    p = fx("show route table inet6.0", "v6_route_truncated.txt");
    assert_true(p->truncated);
    assert_int_equal(p->n, 6);
    th_free(p);
}

/* 2,000 IPv6 routes, /64s of 2001:db8:1::/48 through link-local next hops: the long ones are
 * printed alone on their line as Junos does. */
static void v6_routes_large(void **state)
{
    (void)state;
    enum { N = 2000 };
    size_t size = (size_t)N * 320 + 200, used = 0;
    char *text = malloc(size);
    assert_non_null(text);
    used += (size_t)snprintf(text, size, "\ninet6.0: %d destinations, %d routes (%d active, 0 holddown, 0 hidden)\n"
                                         "+ = Active Route, - = Last Active, * = Both\n\n", N, N, N);
    for (int i = 0; i < N; i++) {
        char pfx[PREFIX_LEN];
        snprintf(pfx, sizeof(pfx), "2001:db8:1:%x::/64", i);
        used += (size_t)snprintf(text + used, size - used,
                                 strlen(pfx) <= 18 ? "%-18s *[BGP/170] 1d 02:03:04, MED 0, localpref 100\n"
                                                   : "%s\n                   *[BGP/170] 1d 02:03:04, MED 0, localpref 100\n",
                                 pfx);
        used += (size_t)snprintf(text + used, size - used,
                                 "                      AS path: 12076 I, validation-state: unverified\n"
                                 "                    >  to fe80::222:bdff:fef8:19ff via xe-0/1/0.100\n");
    }
    parsed_t *p = th_parse_text(V, "show route table inet6.0", text, used);
    free(text);
    assert_clean(p);
    assert_int_equal(p->n, N);
    const route_t *last = &th_must_find(p, "2001:db8:1:7cf::/64")->u.route;
    assert_string_equal(last->next_hops[0].address, "fe80::222:bdff:fef8:19ff");
    assert_string_equal(last->next_hops[0].interface, "xe-0/1/0.100");
    assert_int_equal(p->recs[0].u.route.n_next_hops, 1);
    th_free(p);
}

static void v6_bgp_table(void **state)
{
    (void)state;
    static const char *const files[][2] = {
        {"show route receive-protocol bgp 2001:db8:c0de::2 table inet6.0", "v6_receive_protocol.txt"},
        {"show route receive-protocol bgp 2001:db8:c0de::2 table inet6.0 | display json", "v6_receive_protocol.json"}};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(files[i][0], files[i][1]);
        assert_clean(p);
        assert_int_equal(p->n, 2);
        const bgp_path_t *a = &th_must_find(p, "2001:db8:2::/48")->u.path;
        assert_string_equal(a->next_hop, "2001:db8:c0de::2");
        assert_string_equal(a->neighbor, "2001:db8:c0de::2");
        assert_string_equal(a->as_path, "12076");
        assert_int_equal(a->best, TRI_TRUE);
        th_free(p);
    }
    parsed_t *p = fx("show route advertising-protocol bgp 2001:db8:c0de::2 table inet6.0", "v6_advertising_protocol.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:ff00::/40");
    assert_string_equal(p->recs[1].u.path.as_path, "65010");
    assert_string_equal(p->recs[2].u.path.prefix, "2001:db8:ff00:fe00:1000::/68"); /* wrapped row */
    th_free(p);
}

static void v6_nd(void **state)
{
    (void)state;
    parsed_t *p = fx("show ipv6 neighbors", "v6_nd.txt");
    assert_clean(p);
    assert_int_equal(p->n, 6);
    const arp_entry_t *ms = &th_must_find(p, "2001:db8:c0de::2")->u.arp;
    assert_string_equal(ms->mac, "00:22:bd:f8:19:ff");
    assert_string_equal(ms->state, "reachable");
    assert_string_equal(ms->interface, "xe-0/1/0.100");
    assert_false(ms->incomplete);
    assert_int_equal(ms->age, MODEL_ABSENT);
    assert_string_equal(th_must_find(p, "2001:db8:c0de::6")->u.arp.state, "stale");
    const arp_entry_t *inc = &th_must_find(p, "fe80::2e6b:f5ff:fea0:123e")->u.arp;
    assert_true(inc->incomplete);
    assert_string_equal(inc->mac, "");
    assert_string_equal(inc->interface, "ae0.0");
    th_free(p);
    p = fx("show ipv6 neighbors 2001:db8:ff00:fe00:1234:5678:9abc:def0", "v6_nd_wrapped.txt");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    const arp_entry_t *w = &th_must_find(p, "2001:db8:ff00:fe00:1234:5678:9abc:def0")->u.arp;
    assert_string_equal(w->mac, "2c:6b:f5:a0:12:40");
    assert_string_equal(w->state, "delay");
    assert_string_equal(w->interface, "ae0.0");
    th_free(p);
    p = fx("show ipv6 neighbors", "v6_nd_truncated.txt");
    assert_true(p->truncated);
    assert_int_equal(p->n, 4);
    th_free(p);
    p = fx("show ipv6 neighbors | display json", "v6_nd.json");
    assert_clean(p);
    assert_int_equal(p->n, 3);
    assert_string_equal(th_must_find(p, "2001:db8:c0de::2")->u.arp.mac, "00:22:bd:f8:19:ff");
    assert_string_equal(th_must_find(p, "fe80::222:bdff:fef8:19ff")->u.arp.state, "stale");
    assert_true(th_must_find(p, "fe80::2e6b:f5ff:fea0:123e")->u.arp.incomplete);
    th_free(p);
}

static void v6_interfaces(void **state)
{
    (void)state;
    static const char *const files[][2] = {{"show interfaces terse", "v6_interfaces_terse.txt"},
                                           {"show interfaces terse | display json", "v6_interfaces_terse.json"}};
    static const char *const units[] = {"xe-0/1/0.100", "xe-0/1/0.0"};
    for (size_t i = 0; i < 2; i++) {
        parsed_t *p = fx(files[i][0], files[i][1]);
        assert_clean(p);
        const iface_t *u = &th_must_find(p, units[i])->u.iface;
        assert_int_equal(u->n_ipv4, 1);
        assert_string_equal(u->ipv4[0], "192.168.100.129/30");
        assert_int_equal(u->n_ipv6, 2);
        assert_string_equal(u->ipv6[0], "2001:db8:c0de::1/126");
        assert_string_equal(u->ipv6[1], "fe80::5e5e:abff:fe12:3456/64");
        th_free(p);
    }
    parsed_t *p = fx("show interfaces terse", "v6_interfaces_terse.txt");
    const iface_t *v6only = &th_must_find(p, "xe-0/1/1.100")->u.iface;
    assert_int_equal(v6only->n_ipv4, 0);
    assert_string_equal(v6only->ipv6[0], "2001:db8:c0de::5/126");
    assert_string_equal(th_must_find(p, "lo0.0")->u.iface.ipv6[0], "2001:db8:ff00:fffe::2/128");
    th_free(p);
}

/* ---- the command table ---- */

static void command_forms(void **state)
{
    (void)state;
    static const struct {
        const char *command;
        kind_t kind;
    } cases[] = {
        {"show interfaces", KIND_INTERFACES},
        {"sh int ge-0/0/0 extensive", KIND_INTERFACES},
        {"show interfaces terse | no-more", KIND_INTERFACES},
        {"show interfaces ge-0/0/0 terse", KIND_INTERFACES},
        {"show bgp summary instance BLUE", KIND_BGP_SUMMARY},
        {"show bgp summary | display json", KIND_BGP_SUMMARY},
        {"show bgp neighbor 192.168.100.130", KIND_BGP_NEIGHBORS},
        {"show route receive-protocol bgp 192.168.100.130", KIND_BGP_TABLE},
        {"show route advertising-protocol bgp 192.168.100.130 | display json", KIND_BGP_TABLE},
        {"show route summary", KIND_ROUTE_SUMMARY},
        {"show route 10.1.0.0/16 table BLUE.inet.0 detail", KIND_ROUTES},
        {"show route protocol bgp", KIND_ROUTES},
        {"show arp no-resolve interface ge-0/0/0.0", KIND_ARP},
        {"show version", KIND_VERSION},
        {"show bfd session", KIND_BFD},
        {"show configuration protocols bgp | display set", KIND_BGP_CONFIG},
        {"show configuration routing-instances BLUE protocols bgp", KIND_BGP_CONFIG},
        {"show configuration policy-options", KIND_ROUTE_MAPS},
        {"show configuration policy-options prefix-list", KIND_PREFIX_LISTS},
        {"traceroute 10.1.1.1 no-resolve", KIND_TRACEROUTE},
        {"telnet 192.168.100.130 port 179", KIND_TCP_TEST},
        {"show route 2001:db8:1::/48 table inet6.0 detail", KIND_ROUTES},
        {"show route table ER-PRIVATE.inet6.0 | display json", KIND_ROUTES},
        {"show route receive-protocol bgp 2001:db8:c0de::2 table inet6.0", KIND_BGP_TABLE},
        {"show route advertising-protocol bgp 2001:db8:c0de::2 table inet6.0", KIND_BGP_TABLE},
        {"show ipv6 neighbors", KIND_ARP},
        {"show ipv6 neighbors 2001:db8:c0de::2", KIND_ARP},
        {"sh ipv6 nei | display json", KIND_ARP},
    };
    const parser_vendor_t *v = parser_vendor_find(V);
    assert_non_null(v);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const parser_def_t *d = parser_find(v, cases[i].command);
        if (!d || d->kind != cases[i].kind)
            fail_msg("'%s' -> %s", cases[i].command, d ? kind_name(d->kind) : "no parser");
    }
    assert_null(parser_find(v, "show interfaces descriptions"));
}

/* One line no parser knows in three places of each answer (tests/testhelp.h). */
static void unknown_lines(void **state)
{
    (void)state;
    th_assert_unknown_lines("junos", "show interfaces extensive", "junos/interfaces_extensive", "xe-0/1/0.0", "xe-0/1/0", TH_SILENT);
    th_assert_unknown_lines("junos", "show bgp neighbor", "junos/bgp_neighbor", "192.168.100.130", "192.168.100.134", TH_SILENT);
    th_assert_unknown_lines("junos", "show bgp summary", "junos/bgp_summary", "192.168.100.130", "192.168.100.134", TH_MARKS);
    th_assert_unknown_lines("junos", "show arp no-resolve", "junos/arp", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("junos", "show bfd session detail", "junos/bfd_detail_two", "192.168.100.130", "192.168.100.134", TH_SILENT);
    th_assert_unknown_lines("junos", "show route", "junos/route", "10.1.0.0/16", "0.0.0.0/0", TH_SILENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_lines),
        cmocka_unit_test(variants_match_base),   cmocka_unit_test(split_invariant),
        cmocka_unit_test(interfaces_normal),     cmocka_unit_test(interfaces_extensive),
        cmocka_unit_test(interfaces_truncated),  cmocka_unit_test(interfaces_terse),
        cmocka_unit_test(interfaces_json),       cmocka_unit_test(bgp_summary_normal),
        cmocka_unit_test(bgp_summary_other_forms), cmocka_unit_test(bgp_summary_json),
        cmocka_unit_test(bgp_neighbor_normal),   cmocka_unit_test(bgp_neighbor_edges),
        cmocka_unit_test(routes_normal),         cmocka_unit_test(routes_other_forms),
        cmocka_unit_test(bgp_table),             cmocka_unit_test(arp),
        cmocka_unit_test(route_summary),         cmocka_unit_test(version),
        cmocka_unit_test(bfd),                   cmocka_unit_test(bgp_config),
        cmocka_unit_test(bgp_config_other_forms), cmocka_unit_test(policy),
        cmocka_unit_test(prefix_lists),          cmocka_unit_test(traceroute),
        cmocka_unit_test(telnet),                cmocka_unit_test(command_forms),
        cmocka_unit_test(v6_bgp_summary),        cmocka_unit_test(v6_bgp_neighbor),
        cmocka_unit_test(v6_routes),             cmocka_unit_test(v6_routes_large),
        cmocka_unit_test(v6_bgp_table),          cmocka_unit_test(v6_nd),
        cmocka_unit_test(v6_interfaces),
    };
    return cmocka_run_group_tests_name("junos", tests, NULL, NULL);
}
