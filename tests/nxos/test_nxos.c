/* test_nxos.c: Cisco NX-OS parsers against fixtures in tests/fixtures/nxos/.
 *
 * Each parser has a hand-written fixture in NX-OS' real format with ExpressRoute values and a
 * test that checks what came out of it.  nx_variants() then runs the same fixture through the
 * ways a terminal capture goes wrong (CRLF, pager residue, ANSI escapes, a login banner and
 * an echoed command, truncation, nothing at all) and checks the records do not change, and
 * th_assert_split_invariant() checks chunking does not matter either. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"

#define V "nxos"

/* ---- helpers ---- */

static char *nx_fixture(const char *name, size_t *len)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "nxos/%s", name);
    return th_read_fixture(rel, len);
}

static parsed_t *nx_parse(const char *command, const char *name)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "nxos/%s", name);
    return th_parse_fixture(V, command, rel);
}

/* Appends to a growing buffer (tests only: malloc freely). */
typedef struct {
    char *s;
    size_t n, cap;
} nx_buf_t;

static void nx_put(nx_buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void nx_puts(nx_buf_t *b, const char *s)
{
    nx_put(b, s, strlen(s));
}

typedef enum { VAR_CRLF, VAR_MORE, VAR_ANSI, VAR_BANNER } nx_variant_t;

/* The fixture as a terminal would have delivered it. */
static nx_buf_t nx_mangle(const char *text, size_t len, nx_variant_t how, const char *command)
{
    nx_buf_t b = {0};
    if (how == VAR_BANNER) {
        nx_puts(&b, "\r\nUser Access Verification\r\n\r\nCisco Nexus Operating System (NX-OS) Software\r\n"
                    "TAC support: http://www.cisco.com/tac\r\nce1-nyc# ");
        nx_puts(&b, command);
        nx_puts(&b, "\r\n");
    }
    size_t line = 0, i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        const char *s = text + i;
        line++;
        if (how == VAR_MORE && line % 4 == 0) /* NX-OS' pager: reverse video, then wiped by CR */
            nx_puts(&b, "\x1b[7m--More--\x1b[m\r          \r");
        if (how == VAR_ANSI && n > 0) {
            nx_puts(&b, "\x1b[0m");
            nx_put(&b, s, n);
            nx_puts(&b, "\x1b[K");
        } else {
            nx_put(&b, s, n);
        }
        nx_puts(&b, how == VAR_CRLF || how == VAR_BANNER ? "\r\n" : "\n");
        i += n + (nl ? 1 : 0);
    }
    if (how == VAR_BANNER)
        nx_puts(&b, "ce1-nyc# ");
    return b;
}

/* The contract JSON without its "lines" count (a banner adds input lines, not records). */
static char *nx_json_sans_lines(const char *json)
{
    char *out = strdup(json);
    assert_non_null(out);
    char *at = strstr(out, "\"lines\":");
    if (at) {
        char *end = at + 8;
        while (*end >= '0' && *end <= '9')
            end++;
        if (*end == ',')
            end++;
        memmove(at, end, strlen(end) + 1);
    }
    return out;
}

static void nx_same(const parsed_t *a, const parsed_t *b, const char *what)
{
    if (a->n != b->n)
        fail_msg("%s: %zu records, expected %zu", what, b->n, a->n);
    if (b->partial != a->partial)
        fail_msg("%s: partial %d, expected %d", what, b->partial, a->partial);
    char *ja = nx_json_sans_lines(a->json), *jb = nx_json_sans_lines(b->json);
    if (strcmp(ja, jb) != 0)
        fail_msg("%s: JSON differs:\n%s\n%s", what, ja, jb);
    free(ja);
    free(jb);
}

/* Runs every mangled form of a fixture and the chunking check; returns the clean parse. */
static parsed_t *nx_variants(const char *command, const char *name, size_t expect)
{
    size_t len;
    char *text = nx_fixture(name, &len);
    parsed_t *p = th_parse_text(V, command, text, len);
    if (p->n != expect)
        fail_msg("%s: %zu records, expected %zu", name, p->n, expect);
    if (p->n_skipped)
        fail_msg("%s: line %llu not understood", name, (unsigned long long)p->skipped[0]);
    assert_false(p->partial);
    static const char *const names[] = {"crlf", "more", "ansi", "banner"};
    for (int v = VAR_CRLF; v <= VAR_BANNER; v++) {
        nx_buf_t b = nx_mangle(text, len, (nx_variant_t)v, command);
        parsed_t *q = th_parse_text(V, command, b.s, b.n);
        char what[160];
        snprintf(what, sizeof(what), "%s (%s)", name, names[v]);
        nx_same(p, q, what);
        th_free(q);
        free(b.s);
    }
    /* Cut in the middle of the last line: never a failure, never more records. */
    size_t cut = len;
    while (cut > 0 && (text[cut - 1] == '\n' || text[cut - 1] == ' '))
        cut--;
    size_t start = cut;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    parsed_t *t = th_parse_text(V, command, text, start + (cut - start) / 2);
    assert_false(t->failed);
    assert_true(t->n <= p->n);
    th_free(t);
    /* Nothing at all: no records, no failure. */
    parsed_t *e = th_parse_text(V, command, "", 0);
    assert_false(e->failed);
    assert_int_equal(e->n, 0);
    th_free(e);
    th_assert_split_invariant(V, command, text, 7);
    free(text);
    return p;
}

/* ---- interfaces ---- */

static void interface_text(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show interface", "interface.txt", 4);
    const iface_t *e1 = &th_must_find(p, "Ethernet1/1")->u.iface;
    assert_int_equal(e1->admin_status, UPDOWN_UP);
    assert_int_equal(e1->oper_status, UPDOWN_UP);
    assert_string_equal(e1->description, "ExpressRoute primary to MSEE (circuit 1)");
    assert_string_equal(e1->mac, "00:de:fb:01:c9:bc");
    assert_string_equal(e1->ipv4[0], "192.168.100.129/30");
    assert_int_equal(e1->mtu, 9216);
    assert_int_equal(e1->bandwidth_kbps, 10000000);
    assert_int_equal(e1->last_flapped, 86400 + 2 * 3600);
    assert_int_equal(e1->crc, 17);
    assert_int_equal(e1->in_errors, 17);
    assert_int_equal(e1->in_discards, 5);
    assert_int_equal(e1->out_discards, 7);
    assert_int_equal(e1->carrier_transitions, 2);
    assert_int_equal(e1->resets, 3);
    assert_int_equal(e1->in_packets, 11291804);
    assert_int_equal(e1->out_packets, 23089420);
    assert_int_equal(e1->in_rate_bps, 1250000);
    assert_int_equal(e1->out_rate_bps, 2500000);
    const iface_t *e2 = &th_must_find(p, "Ethernet1/2")->u.iface;
    assert_int_equal(e2->admin_status, UPDOWN_DOWN);
    assert_string_equal(e2->raw_status, "down (Administratively down)");
    assert_true(e2->last_flapped == MODEL_ABSENT);
    const iface_t *vl = &th_must_find(p, "Vlan100")->u.iface;
    assert_int_equal(vl->protocol_status, UPDOWN_UP);
    assert_string_equal(vl->mac, "00:de:fb:01:c9:21");
    const iface_t *m = &th_must_find(p, "mgmt0")->u.iface;
    assert_int_equal(m->in_packets, 3093618);
    assert_int_equal(m->in_rate_bps, 744);
    th_free(p);
}

static void interface_truncated(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show interface Ethernet1/1", "interface_truncated.txt");
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    assert_int_equal(p->recs[0].u.iface.crc, 17);
    th_free(p);
}

static void interface_brief(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show interface brief", "interface_brief.txt", 8);
    const iface_t *m = &th_must_find(p, "mgmt0")->u.iface;
    assert_string_equal(m->ipv4[0], "10.0.255.10");
    assert_int_equal(m->mtu, 1500);
    const iface_t *e2 = &th_must_find(p, "Eth1/2")->u.iface;
    assert_int_equal(e2->admin_status, UPDOWN_DOWN);
    const iface_t *e3 = &th_must_find(p, "Eth1/3")->u.iface;
    assert_int_equal(e3->admin_status, UPDOWN_UP);
    assert_int_equal(e3->oper_status, UPDOWN_DOWN);
    assert_string_equal(e3->raw_status, "down Link not connected");
    assert_string_equal(th_must_find(p, "Lo0")->u.iface.description, "BGP router-id loopback");
    assert_int_equal(th_must_find(p, "Vlan1")->u.iface.admin_status, UPDOWN_DOWN);
    assert_int_equal(th_must_find(p, "Po10")->u.iface.oper_status, UPDOWN_UP);
    th_free(p);
}

static void ip_interface_brief(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip interface brief vrf all", "ip_int_brief_vrf_all.txt", 6);
    const iface_t *e1 = &th_must_find(p, "Eth1/1")->u.iface;
    assert_string_equal(e1->ipv4[0], "192.168.100.129");
    assert_string_equal(e1->vrf, "default");
    const iface_t *e2 = &th_must_find(p, "Eth1/2")->u.iface;
    assert_int_equal(e2->admin_status, UPDOWN_DOWN);
    const iface_t *sub = &th_must_find(p, "Eth1/3.100")->u.iface;
    assert_string_equal(sub->vrf, "CUSTOMER");
    assert_int_equal(sub->admin_status, UPDOWN_UP);
    assert_int_equal(sub->oper_status, UPDOWN_DOWN);
    assert_int_equal(th_must_find(p, "Vlan200")->u.iface.n_ipv4, 0);
    assert_string_equal(th_must_find(p, "mgmt0")->u.iface.vrf, "management");
    th_free(p);
}

static void interface_json(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show interface | json", "interface.json");
    assert_int_equal(p->n, 3);
    const iface_t *e1 = &th_must_find(p, "Ethernet1/1")->u.iface;
    assert_string_equal(e1->ipv4[0], "192.168.100.129/30");
    assert_int_equal(e1->crc, 17);
    assert_int_equal(e1->in_discards, 5);
    assert_int_equal(e1->last_flapped, 93600);
    assert_int_equal(e1->carrier_transitions, 2);
    const iface_t *e2 = &th_must_find(p, "Ethernet1/2")->u.iface;
    assert_int_equal(e2->admin_status, UPDOWN_DOWN);
    assert_string_equal(e2->raw_status, "down (Administratively down)");
    const iface_t *vl = &th_must_find(p, "Vlan100")->u.iface;
    assert_string_equal(vl->ipv4[0], "10.100.0.1/24");
    assert_string_equal(vl->mac, "00:de:fb:01:c9:21");
    th_free(p);
    /* A one-row table is an object, not a list; uptimes may be ISO 8601. */
    p = nx_parse("show interface ethernet1/1 | json", "interface_one.json");
    assert_int_equal(p->n, 1);
    assert_int_equal(p->recs[0].u.iface.last_flapped, 93600);
    th_free(p);
    p = nx_parse("show ip interface brief vrf all | json", "ip_int_brief.json");
    assert_int_equal(p->n, 3);
    assert_string_equal(th_must_find(p, "Eth1/3.100")->u.iface.vrf, "CUSTOMER");
    assert_int_equal(th_must_find(p, "Eth1/2")->u.iface.admin_status, UPDOWN_DOWN);
    th_free(p);
}

/* ---- BGP ---- */

static void bgp_summary(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip bgp summary vrf all", "bgp_summary_vrf_all.txt", 5);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->prefixes_received, 7);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_string_equal(a->router_id, "10.255.0.1");
    assert_int_equal(a->up_down, 93600);
    assert_int_equal(a->msg_rcvd, 2746);
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_int_equal(b->state, BGP_STATE_IDLE);
    assert_true(b->admin_down);
    assert_true(b->prefixes_received == MODEL_ABSENT);
    const bgp_peer_t *c = &th_must_find(p, "10.255.0.2")->u.peer; /* wrapped row, 4-byte AS */
    assert_int_equal(c->remote_as, 4200000001LL);
    assert_int_equal(c->state, BGP_STATE_ACTIVE);
    assert_int_equal(c->msg_rcvd, 1340);
    const bgp_peer_t *d = &th_must_find(p, "192.168.200.2")->u.peer;
    assert_string_equal(d->vrf, "CUSTOMER");
    assert_int_equal(d->local_as, 4200000001LL); /* asdot 64086.59905 */
    assert_string_equal(d->router_id, "192.168.200.1");
    const bgp_peer_t *v6 = &th_must_find(p, "2001:db8:c0a8:c801::2")->u.peer;
    assert_int_equal(v6->prefixes_received, 3);
    assert_string_equal(v6->address_family, "IPv6 Unicast");
    th_free(p);
}

static void bgp_summary_empty_and_cut(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show ip bgp summary vrf CUSTOMER", "bgp_summary_empty.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    th_free(p);
    p = nx_parse("show bgp ipv4 unicast summary", "bgp_summary_truncated.txt");
    assert_int_equal(p->n, 2);
    assert_true(p->partial);
    assert_non_null(th_find(p, "10.255.0.2"));
    th_free(p);
}

static void bgp_summary_json(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show ip bgp summary vrf all | json", "bgp_summary.json");
    assert_int_equal(p->n, 3);
    const bgp_peer_t *a = &th_must_find(p, "192.168.100.130")->u.peer;
    assert_int_equal(a->prefixes_received, 7);
    assert_int_equal(a->up_down, 93600);
    assert_int_equal(a->local_as, 65010);
    const bgp_peer_t *b = &th_must_find(p, "192.168.100.134")->u.peer;
    assert_true(b->admin_down);
    assert_true(b->prefixes_received == MODEL_ABSENT);
    const bgp_peer_t *c = &th_must_find(p, "192.168.200.2")->u.peer;
    assert_string_equal(c->vrf, "CUSTOMER");
    assert_int_equal(c->local_as, 4200000001LL);
    assert_string_equal(p->meta.router_id, "10.255.0.1");
    th_free(p);
}

static void bgp_neighbors(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip bgp neighbors", "bgp_neighbors.txt", 3);
    const bgp_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->remote_as, 12076);
    assert_string_equal(a->remote_router_id, "192.168.100.130");
    assert_string_equal(a->local_address, "192.168.100.129");
    assert_int_equal(a->local_port, 179);
    assert_int_equal(a->remote_port, 45001);
    assert_int_equal(a->hold_time, 180);
    assert_int_equal(a->keepalive, 60);
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_string_equal(a->inbound_policy, "RM-MSFT-IN");
    assert_string_equal(a->outbound_policy, "RM-MSFT-OUT");
    assert_string_equal(a->inbound_prefix_list, "PL-MSFT-IN");
    assert_int_equal(a->prefixes_accepted, 7);
    assert_int_equal(a->prefixes_received, 7);
    assert_int_equal(a->prefixes_sent, 3);
    assert_int_equal(a->max_prefixes, 4000);
    assert_int_equal(a->msg_rcvd, 2746);
    assert_int_equal(a->last_reset, 93600);
    assert_string_equal(a->last_error, "holdtimer expired error");
    assert_string_equal(a->notification_dir, "sent"); /* "Last reset by us" */
    const bgp_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_int_equal(b->state, BGP_STATE_IDLE);
    assert_true(b->admin_down);
    assert_int_equal(b->md5, TRI_FALSE); /* "set (disabled)" */
    assert_int_equal(b->cfg_hold_time, 90);
    assert_true(b->hold_time == MODEL_ABSENT);
    assert_true(b->prefixes_received == MODEL_ABSENT);
    const bgp_neighbor_t *c = &th_must_find(p, "10.255.0.2")->u.neighbor;
    assert_int_equal(c->remote_as, 4200000001LL);
    assert_int_equal(c->local_as, 65010);
    assert_int_equal(c->md5, TRI_FALSE);
    assert_int_equal(c->last_reset, 1206); /* the peer's reset is the more recent one */
    assert_string_equal(c->last_error, "holdtimer expired error");
    assert_string_equal(c->notification_dir, "received");
    th_free(p);
}

static void bgp_neighbors_truncated(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show bgp ipv4 unicast neighbors 192.168.100.130", "bgp_neighbors_truncated.txt");
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    assert_int_equal(p->recs[0].u.neighbor.state, BGP_STATE_ESTABLISHED);
    assert_int_equal(p->recs[0].u.neighbor.md5, TRI_TRUE);
    th_free(p);
}

static void bgp_neighbors_json(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show ip bgp neighbors | json", "bgp_neighbors.json");
    assert_int_equal(p->n, 2);
    const bgp_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.neighbor;
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->prefixes_accepted, 7);
    assert_string_equal(a->inbound_policy, "RM-MSFT-IN");
    assert_int_equal(a->remote_port, 45001);
    assert_int_equal(a->last_reset, 93600);
    assert_string_equal(a->last_error, "holdtimer expired error");
    assert_string_equal(a->notification_dir, "sent"); /* resetreason: by us; the peer's "never" */
    const bgp_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.neighbor;
    assert_true(b->admin_down);
    assert_true(b->local_port == MODEL_ABSENT);
    assert_int_equal(b->cfg_hold_time, 90);
    th_free(p);
}

static void bgp_table(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip bgp vrf all", "bgp_table_vrf_all.txt", 8);
    const bgp_path_t *l = &th_must_find(p, "10.100.0.0/24")->u.path;
    assert_int_equal(l->weight, 32768);
    assert_int_equal(l->local_pref, 100);
    assert_true(l->metric == MODEL_ABSENT);
    const bgp_path_t *a = &p->recs[1].u.path, *b = &p->recs[2].u.path;
    assert_string_equal(a->prefix, "10.50.0.0/16");
    assert_string_equal(b->prefix, "10.50.0.0/16");
    assert_int_equal(a->best, TRI_TRUE);
    assert_int_equal(b->best, TRI_FALSE);
    assert_int_equal(b->metric, 0);
    assert_string_equal(b->as_path, "12076 12076");
    const bgp_path_t *c = &th_must_find(p, "10.60.0.0/16")->u.path;
    assert_int_equal(c->metric, 100);
    assert_int_equal(c->local_pref, 200);
    assert_string_equal(c->origin, "incomplete");
    assert_string_equal(th_must_find(p, "172.16.128.0/17")->u.path.as_path, "12076 4200000001");
    assert_int_equal(th_must_find(p, "10.70.0.0/16")->u.path.valid, TRI_FALSE);
    const bgp_path_t *w = &th_must_find(p, "192.168.250.128/25")->u.path; /* wrapped row */
    assert_string_equal(w->next_hop, "0.0.0.0");
    assert_int_equal(w->weight, 32768);
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.path.vrf, "CUSTOMER");
    th_free(p);
    p = nx_variants("show bgp vrf all ipv4 unicast neighbors routes", "bgp_neighbor_routes.txt", 2);
    assert_int_equal(th_must_find(p, "10.60.0.0/16")->u.path.metric, 100);
    th_free(p);
    p = nx_parse("show ip bgp", "bgp_table_truncated.txt");
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    th_free(p);
}

static void bgp_detail(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show bgp vrf all ipv4 unicast detail", "bgp_detail.txt", 3);
    const bgp_path_t *a = &p->recs[0].u.path, *b = &p->recs[1].u.path;
    assert_string_equal(a->prefix, "10.50.0.0/16");
    assert_int_equal(a->best, TRI_TRUE);
    assert_string_equal(a->next_hop, "192.168.100.130");
    assert_string_equal(a->communities, "12076:51004 12076:52004");
    assert_string_equal(a->as_path, "12076");
    assert_int_equal(b->best, TRI_FALSE);
    assert_int_equal(b->metric, 50);
    const bgp_path_t *c = &th_must_find(p, "10.1.0.0/16")->u.path;
    assert_int_equal(c->valid, TRI_FALSE);
    assert_string_equal(c->as_path, "");
    assert_string_equal(c->vrf, "CUSTOMER");
    assert_int_equal(c->weight, 32768);
    th_free(p);
}

static void bgp_table_json(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show ip bgp | json", "bgp_table.json");
    assert_int_equal(p->n, 3);
    assert_int_equal(p->recs[0].u.path.best, TRI_TRUE);
    assert_int_equal(p->recs[1].u.path.best, TRI_FALSE);
    assert_string_equal(p->recs[1].u.path.as_path, "12076 12076");
    assert_int_equal(th_must_find(p, "10.100.0.0/24")->u.path.weight, 32768);
    th_free(p);
}

static void bgp_config(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show running-config bgp", "run_bgp.txt", 4);
    const bgp_config_neighbor_t *a = &th_must_find(p, "192.168.100.130")->u.bgp_config;
    assert_int_equal(a->local_as, 65010);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->md5, TRI_TRUE);
    assert_int_equal(a->bfd, TRI_TRUE);
    assert_int_equal(a->keepalive, 10);
    assert_int_equal(a->hold_time, 30);
    assert_string_equal(a->inbound_policy, "RM-MSFT-IN");
    assert_string_equal(a->outbound_policy, "RM-MSFT-OUT");
    assert_string_equal(a->inbound_prefix_list, "PL-MSFT-IN");
    assert_int_equal(a->max_prefixes, 4000);
    assert_string_equal(a->router_id, "10.255.0.1");
    const bgp_config_neighbor_t *b = &th_must_find(p, "192.168.100.134")->u.bgp_config;
    assert_int_equal(b->remote_as, 12075);
    assert_int_equal(b->shutdown, TRI_TRUE);
    assert_int_equal(b->md5, TRI_FALSE);
    const bgp_config_neighbor_t *c = &th_must_find(p, "192.168.200.2")->u.bgp_config;
    assert_string_equal(c->vrf, "CUSTOMER");
    assert_string_equal(c->router_id, "192.168.200.1");
    assert_int_equal(c->local_as, 4200000001LL);
    assert_int_equal(c->ebgp_multihop, 2);
    assert_string_equal(c->outbound_prefix_list, "PL-ONPREM");
    assert_int_equal(th_must_find(p, "2001:db8:c0a8:c801::2")->u.bgp_config.remote_as, 12076);
    /* The secret itself never reaches the output. */
    assert_null(strstr(p->json, "9125d59c"));
    th_free(p);
}

/* ---- routes, ARP ---- */

static void routes(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip route vrf all", "route_vrf_all.txt", 7);
    const route_t *d = &th_must_find(p, "0.0.0.0/0")->u.route;
    assert_string_equal(d->protocol, "static");
    assert_string_equal(d->next_hops[0].address, "10.0.255.1");
    assert_string_equal(d->next_hops[0].vrf, "management");
    const route_t *ecmp = &th_must_find(p, "10.50.0.0/16")->u.route;
    assert_int_equal(ecmp->n_next_hops, 2);
    assert_string_equal(ecmp->protocol, "bgp");
    assert_string_equal(ecmp->raw_protocol, "bgp-65010");
    assert_int_equal(ecmp->distance, 20);
    assert_int_equal(ecmp->age, 93600);
    assert_string_equal(ecmp->next_hops[1].address, "192.168.100.134");
    const route_t *o = &th_must_find(p, "10.255.0.2/32")->u.route;
    assert_string_equal(o->protocol, "ospf");
    assert_int_equal(o->metric, 41);
    assert_string_equal(o->next_hops[0].interface, "Vlan100");
    const route_t *c = &th_must_find(p, "192.168.100.128/30")->u.route;
    assert_string_equal(c->protocol, "connected");
    assert_string_equal(th_must_find(p, "192.168.100.129/32")->u.route.protocol, "local");
    const route_t *n = &th_must_find(p, "192.168.250.0/24")->u.route;
    assert_string_equal(n->next_hops[0].interface, "Null0");
    assert_string_equal(n->next_hops[0].address, "");
    assert_int_equal(n->next_hops[1].distance, 250);
    assert_int_equal(n->next_hops[1].age, 0);
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.route.vrf, "CUSTOMER");
    th_free(p);
    p = nx_parse("show ip route 1.2.3.4", "route_not_found.txt");
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    th_free(p);
    p = nx_parse("show ip route", "route_truncated.txt");
    assert_int_equal(p->n, 3); /* the last prefix arrives without its next hops */
    assert_true(p->partial);
    assert_int_equal(th_must_find(p, "10.255.0.2/32")->u.route.n_next_hops, 0);
    th_free(p);
}

static void routes_json(void **state)
{
    (void)state;
    parsed_t *p = nx_parse("show ip route vrf all | json", "route.json");
    assert_int_equal(p->n, 3);
    const route_t *r = &th_must_find(p, "10.50.0.0/16")->u.route;
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->protocol, "bgp");
    assert_int_equal(r->age, 93600);
    const route_t *c = &th_must_find(p, "192.168.100.128/30")->u.route;
    assert_string_equal(c->protocol, "connected");
    assert_int_equal(c->age, 303);
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.route.vrf, "CUSTOMER");
    th_free(p);
}

static void arp(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip arp detail vrf all", "arp_detail_vrf_all.txt", 4);
    const arp_entry_t *a = &th_must_find(p, "192.168.100.130")->u.arp;
    assert_string_equal(a->mac, "12:34:56:78:9a:bc");
    assert_string_equal(a->interface, "Ethernet1/1");
    assert_int_equal(a->age, 62);
    assert_string_equal(a->vrf, "default");
    const arp_entry_t *i = &th_must_find(p, "192.168.200.2")->u.arp;
    assert_true(i->incomplete);
    assert_string_equal(i->vrf, "CUSTOMER");
    assert_string_equal(th_must_find(p, "10.100.0.2")->u.arp.interface, "Vlan100");
    assert_string_equal(th_must_find(p, "10.0.255.1")->u.arp.vrf, "management");
    th_free(p);
    p = nx_variants("show ip arp", "arp.txt", 2);
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.arp.age, 0);
    assert_string_equal(th_must_find(p, "192.168.100.130")->u.arp.vrf, "default");
    th_free(p);
    p = nx_parse("show ip arp | json", "arp.json");
    assert_int_equal(p->n, 2);
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.arp.age, 62);
    assert_true(th_must_find(p, "192.168.100.134")->u.arp.incomplete);
    th_free(p);
}

/* ---- policy, BFD, version ---- */

static void bfd(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show bfd neighbors details", "bfd_details.txt", 2);
    const bfd_session_t *a = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_int_equal(a->state, UPDOWN_UP);
    assert_int_equal(a->tx_interval_ms, 300);
    assert_int_equal(a->multiplier, 3);
    assert_int_equal(a->up_time, 86400 + 2 * 3600 + 3 * 60 + 4);
    assert_string_equal(a->interface, "Eth1/1");
    assert_string_equal(a->vrf, "default");
    assert_int_equal(th_must_find(p, "192.168.100.134")->u.bfd.state, UPDOWN_DOWN);
    th_free(p);
}

/* Rows that start with '*' are sessions like the others (the Holdown may be N/A). */
static void bfd_star(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show bfd neighbors", "bfd_star.txt", 4);
    const bfd_session_t *a = &th_must_find(p, "192.168.100.130")->u.bfd;
    assert_string_equal(a->local, "192.168.100.129");
    assert_int_equal(a->state, UPDOWN_UP);
    assert_int_equal(a->multiplier, 3);
    assert_string_equal(a->interface, "Eth1/1");
    const bfd_session_t *po = &th_must_find(p, "192.168.200.130")->u.bfd;
    assert_string_equal(po->interface, "Po10");
    assert_string_equal(po->vrf, "ER-PRIV");
    const bfd_session_t *down = &th_must_find(p, "192.168.100.134")->u.bfd;
    assert_int_equal(down->state, UPDOWN_DOWN);
    assert_string_equal(th_must_find(p, "10.255.0.1")->u.bfd.local, "10.255.0.9");
    th_free(p);
}

static void route_map(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show route-map", "route_map.txt", 3);
    const route_map_entry_t *a = &p->recs[0].u.route_map;
    assert_string_equal(a->name, "RM-MSFT-IN");
    assert_int_equal(a->seq, 10);
    assert_true(a->permit);
    assert_int_equal(a->n_match, 1);
    assert_string_equal(a->match[0], "ip address prefix-lists: PL-MSFT-IN");
    assert_string_equal(a->set[0], "local-preference 200");
    assert_false(p->recs[1].u.route_map.permit);
    assert_int_equal(p->recs[2].u.route_map.n_match, 2);
    assert_int_equal(p->recs[2].u.route_map.n_set, 2);
    th_free(p);
}

static void prefix_list(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip prefix-list", "prefix_list.txt", 5);
    const prefix_list_entry_t *a = &p->recs[1].u.prefix_list;
    assert_string_equal(a->name, "PL-MSFT-IN");
    assert_int_equal(a->seq, 10);
    assert_string_equal(a->prefix, "172.16.128.0/17");
    assert_int_equal(a->ge, 18);
    assert_int_equal(a->le, 24);
    assert_false(p->recs[2].u.prefix_list.permit);
    assert_int_equal(p->recs[3].u.prefix_list.ge, 24); /* eq 24 */
    assert_true(p->recs[4].u.prefix_list.ipv6);
    th_free(p);
}

static void community_list(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ip community-list", "community_list.txt", 4);
    assert_string_equal(p->recs[0].u.community_list.value, "12076:51004");
    assert_string_equal(p->recs[0].u.community_list.type, "standard");
    assert_string_equal(p->recs[2].u.community_list.value, "12076:5[0-9]+");
    assert_string_equal(p->recs[2].u.community_list.type, "expanded");
    assert_false(p->recs[3].u.community_list.permit);
    th_free(p);
}

static void version(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show version", "version.txt", 1);
    const version_t *v = &p->recs[0].u.version;
    assert_string_equal(v->hostname, "ce1-nyc");
    assert_string_equal(v->version, "9.3(8)");
    assert_string_equal(v->model, "Nexus9000 C93180YC-EX");
    assert_string_equal(v->serial, "FDO22280ABC");
    assert_string_equal(v->image, "bootflash:///nxos.9.3.8.bin");
    assert_int_equal(v->uptime, 12 * 86400 + 3 * 3600 + 4 * 60 + 5);
    th_free(p);
}

/* "| json" answers: empty tables, a CRLF capture with a banner and echo, chunking. */
static void json_captures(void **state)
{
    (void)state;
    parsed_t *p = th_parse_text(V, "show ip bgp summary vrf CUSTOMER | json", "\r\n", 2);
    assert_false(p->failed);
    assert_int_equal(p->n, 0);
    th_free(p);
    size_t len;
    char *text = nx_fixture("route.json", &len);
    nx_buf_t b = nx_mangle(text, len, VAR_BANNER, "show ip route vrf all | json");
    p = th_parse_text(V, "show ip route vrf all | json", b.s, b.n);
    assert_false(p->failed);
    assert_int_equal(p->n, 3);
    assert_int_equal(th_must_find(p, "10.50.0.0/16")->u.route.n_next_hops, 2);
    th_free(p);
    free(b.s);
    th_assert_split_invariant(V, "show ip route vrf all | json", text, 5);
    free(text);
    p = th_parse_text(V, "show ip arp | json", "{\"TABLE_vrf\": ", 15);
    assert_true(p->failed); /* a document cut off is an error, not an empty table */
    th_free(p);
}

/* NX-OS names the VRF in the neighbor line itself under "vrf all". */
static void bgp_neighbors_vrf_all(void **state)
{
    (void)state;
    static const char text[] =
        "BGP neighbor is 192.168.200.2, vrf CUSTOMER, remote AS 12076, ebgp link, Peer index 1\n"
        "  BGP version 4, remote router ID 192.168.200.2\n"
        "  BGP state = Established, up for 5w1d\n"
        "  TCP MD5 authentication is set (enabled)\n"
        "  Last read 00:00:20, hold time = 90, keepalive interval is 30 seconds\n"
        "  Local host: 192.168.200.1, Local port: 179\n"
        "  Foreign host: 192.168.200.2, Foreign port: 33001\n";
    parsed_t *p = th_parse_text(V, "show ip bgp neighbors vrf all", text, sizeof(text) - 1);
    assert_int_equal(p->n, 1);
    const bgp_neighbor_t *nb = &p->recs[0].u.neighbor;
    assert_string_equal(nb->vrf, "CUSTOMER");
    assert_int_equal(nb->hold_time, 90);
    assert_int_equal(nb->md5, TRI_TRUE);
    assert_int_equal(nb->up_down, 5 * 604800 + 86400);
    th_free(p);
}

/* ---- IPv6 (ExpressRoute dual stack: customer 2001:db8:c0de::1, Microsoft ::2 on a /126) ---- */

static void v6_bgp_summary(void **state)
{
    (void)state;
    /* The long IPv6 neighbor wraps: the address alone, the row on the next line. */
    parsed_t *p = nx_variants("show bgp ipv6 unicast summary vrf all", "v6_bgp_summary.txt", 3);
    const bgp_peer_t *a = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
    assert_int_equal(a->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(a->prefixes_received, 2);
    assert_int_equal(a->remote_as, 12076);
    assert_int_equal(a->local_as, 65010);
    assert_int_equal(a->msg_rcvd, 2751);
    assert_string_equal(a->address_family, "IPv6 Unicast");
    const bgp_peer_t *b = &th_must_find(p, "2001:db8:c0de::6")->u.peer;
    assert_int_equal(b->state, BGP_STATE_IDLE);
    assert_true(b->admin_down);
    const bgp_peer_t *c = &th_must_find(p, "2001:db8:c0de:100::2")->u.peer;
    assert_int_equal(c->state, BGP_STATE_ACTIVE);
    assert_string_equal(c->vrf, "CUSTOMER");
    th_free(p);
    p = nx_parse("show bgp ipv6 unicast summary | json", "v6_bgp_summary.json");
    assert_int_equal(p->n, 2);
    a = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
    assert_int_equal(a->prefixes_received, 2);
    assert_string_equal(a->address_family, "IPv6 Unicast");
    assert_int_equal(th_must_find(p, "2001:db8:c0de::6")->u.peer.state, BGP_STATE_IDLE);
    th_free(p);
    /* Cut between the wrapped address and its row: the peer stays, the answer is truncated. */
    static const char cut[] = "Neighbor        V    AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"
                              "2001:db8:c0de::2\n";
    p = th_parse_text(V, "show bgp ipv6 unicast summary", cut, sizeof(cut) - 1);
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    th_free(p);
}

static void v6_bgp_neighbors(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show bgp ipv6 unicast neighbors 2001:db8:c0de::2", "v6_bgp_neighbors.txt", 2);
    const bgp_neighbor_t *n = &th_must_find(p, "2001:db8:c0de::2")->u.neighbor;
    assert_int_equal(n->state, BGP_STATE_ESTABLISHED);
    assert_int_equal(n->remote_as, 12076);
    assert_string_equal(n->local_address, "2001:db8:c0de::1");
    assert_int_equal(n->prefixes_accepted, 2);
    assert_int_equal(n->prefixes_sent, 1);
    assert_string_equal(n->inbound_policy, "RM-MSFT-V6-IN");
    assert_string_equal(n->inbound_prefix_list, "PL-MSFT-V6-IN");
    assert_int_equal(th_must_find(p, "2001:db8:c0de::6")->u.neighbor.state, BGP_STATE_IDLE);
    th_free(p);
    p = nx_parse("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 | json", "v6_bgp_neighbors.json");
    assert_int_equal(p->n, 1);
    n = &th_must_find(p, "2001:db8:c0de::2")->u.neighbor;
    assert_string_equal(n->local_address, "2001:db8:c0de::1");
    assert_int_equal(n->prefixes_accepted, 2);
    assert_string_equal(n->outbound_policy, "RM-MSFT-V6-OUT");
    th_free(p);
}

static void v6_bgp_table(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show bgp ipv6 unicast", "v6_bgp_table.txt", 5);
    const bgp_path_t *a = &th_must_find(p, "2001:db8:1::/48")->u.path;
    assert_string_equal(a->next_hop, "2001:db8:c0de::2");
    assert_string_equal(a->as_path, "12076");
    assert_int_equal(a->best, TRI_TRUE);
    assert_string_equal(p->recs[1].u.path.next_hop, "2001:db8:c0de::6");
    assert_int_equal(th_must_find(p, "2001:db8:2::/48")->u.path.local_pref, 200);
    assert_string_equal(th_must_find(p, "2001:db8:ff00::/40")->u.path.next_hop, "0::");
    assert_int_equal(th_must_find(p, "2001:db8:ff00:f100::/56")->u.path.weight, 32768); /* wrapped row */
    th_free(p);
    p = nx_variants("show bgp ipv6 unicast 2001:db8:1::/48", "v6_bgp_detail.txt", 2);
    a = &p->recs[0].u.path;
    assert_string_equal(a->prefix, "2001:db8:1::/48");
    assert_string_equal(a->neighbor, "2001:db8:c0de::2");
    assert_string_equal(a->communities, "12076:51004");
    assert_int_equal(p->recs[1].u.path.metric, 50);
    th_free(p);
    p = nx_variants("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 routes", "v6_bgp_neighbor_routes.txt", 2);
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.path.as_path, "12076 65515");
    th_free(p);
    p = nx_variants("show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes", "v6_bgp_advertised.txt", 1);
    assert_string_equal(p->recs[0].u.path.prefix, "2001:db8:ff00::/40");
    th_free(p);
    p = nx_parse("show bgp ipv6 unicast | json", "v6_bgp_table.json");
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "2001:db8:1::/48")->u.path.next_hop, "2001:db8:c0de::2");
    assert_int_equal(th_must_find(p, "2001:db8:ff00::/40")->u.path.weight, 32768);
    th_free(p);
}

static void v6_routes(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ipv6 route vrf all", "v6_route.txt", 6);
    const route_t *r = &th_must_find(p, "2001:db8:1::/48")->u.route;
    assert_string_equal(r->vrf, "default");
    assert_int_equal(r->n_next_hops, 2);
    assert_string_equal(r->next_hops[0].address, "2001:db8:c0de::2");
    assert_string_equal(r->protocol, "bgp");
    assert_string_equal(th_must_find(p, "2001:db8:c0de::/126")->u.route.protocol, "connected");
    assert_string_equal(th_must_find(p, "2001:db8:c0de::1/128")->u.route.protocol, "local");
    const route_t *ll = &th_must_find(p, "2001:db8:ff00::/40")->u.route;
    assert_string_equal(ll->next_hops[0].address, "fe80::5254:ff:fe00:1a4");
    assert_string_equal(ll->next_hops[0].interface, "Vlan100");
    const route_t *cu = &p->recs[5].u.route;
    assert_string_equal(cu->vrf, "CUSTOMER");
    assert_string_equal(cu->next_hops[0].interface, "Eth1/3.100");
    th_free(p);
    p = nx_parse("show ipv6 route | json", "v6_route.json");
    assert_int_equal(p->n, 2);
    ll = &th_must_find(p, "2001:db8:ff00::/40")->u.route;
    assert_string_equal(ll->next_hops[0].address, "fe80::5254:ff:fe00:1a4");
    assert_string_equal(ll->next_hops[0].interface, "Vlan100");
    assert_int_equal(ll->metric, 41);
    th_free(p);
}

/* 2,000 IPv6 prefixes, every fourth over a link-local next hop: all read, none skipped. */
static void v6_routes_large(void **state)
{
    (void)state;
    nx_buf_t b = {0};
    nx_puts(&b, "IPv6 Routing Table for VRF \"default\"\n'*' denotes best ucast next-hop\n\n");
    char line[160];
    for (int i = 0; i < 2000; i++) {
        snprintf(line, sizeof(line), "2001:db8:1:%x::/64, ubest/mbest: 1/0\n", i);
        nx_puts(&b, line);
        if (i % 4 == 3)
            snprintf(line, sizeof(line), "    *via fe80::2, Eth1/1, [20/0], 1d02h, bgp-65010, external, tag 12076\n");
        else
            snprintf(line, sizeof(line), "    *via 2001:db8:c0de::2, [20/0], 1d02h, bgp-65010, external, tag 12076\n");
        nx_puts(&b, line);
    }
    parsed_t *p = th_parse_text(V, "show ipv6 route", b.s, b.n);
    assert_int_equal(p->n, 2000);
    assert_false(p->partial);
    const route_t *r = &th_must_find(p, "2001:db8:1:7cf::/64")->u.route;
    assert_string_equal(r->next_hops[0].address, "fe80::2");
    assert_string_equal(r->next_hops[0].interface, "Eth1/1");
    assert_string_equal(th_must_find(p, "2001:db8:1:7ce::/64")->u.route.next_hops[0].address, "2001:db8:c0de::2");
    th_free(p);
    free(b.s);
}

static void v6_neighbor(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ipv6 neighbor", "v6_neighbor.txt", 3);
    const arp_entry_t *a = &th_must_find(p, "2001:db8:c0de::2")->u.arp;
    assert_string_equal(a->mac, "12:34:56:78:9a:bc");
    assert_string_equal(a->interface, "Ethernet1/1");
    assert_int_equal(a->age, 131);
    assert_string_equal(a->state, "reachable");
    assert_string_equal(a->vrf, "default");
    assert_string_equal(th_must_find(p, "fe80::1236:78ff:fe9a:bc01")->u.arp.interface, "Ethernet1/1");
    const arp_entry_t *i = &th_must_find(p, "2001:db8:c0de::6")->u.arp;
    assert_true(i->incomplete);
    assert_string_equal(i->state, "incomplete");
    th_free(p);
    p = nx_parse("show ipv6 neighbor | json", "v6_neighbor.json");
    assert_int_equal(p->n, 2);
    assert_string_equal(th_must_find(p, "2001:db8:c0de::2")->u.arp.mac, "12:34:56:78:9a:bc");
    assert_true(th_must_find(p, "2001:db8:c0de::6")->u.arp.incomplete);
    th_free(p);
    /* The capture ends after an address printed alone: truncated, not a record. */
    static const char cut[] = "IPv6 Adjacency Table for VRF default\n2001:db8:c0de::2\n";
    p = th_parse_text(V, "show ipv6 neighbor", cut, sizeof(cut) - 1);
    assert_int_equal(p->n, 0);
    assert_true(p->partial);
    th_free(p);
}

static void v6_interface_brief(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ipv6 interface brief vrf all", "v6_int_brief.txt", 4);
    const iface_t *f = &th_must_find(p, "Eth1/1")->u.iface;
    assert_int_equal(f->n_ipv6, 2);
    assert_string_equal(f->ipv6[0], "2001:db8:c0de::1");
    assert_string_equal(f->ipv6[1], "fe80::5254:ff:fe00:101");
    assert_int_equal(f->oper_status, UPDOWN_UP);
    const iface_t *d = &th_must_find(p, "Eth1/2")->u.iface;
    assert_int_equal(d->admin_status, UPDOWN_DOWN);
    assert_string_equal(d->ipv6[0], "2001:db8:c0de::5");
    assert_int_equal(th_must_find(p, "Vlan100")->u.iface.n_ipv6, 3);
    assert_string_equal(th_must_find(p, "Eth1/3.100")->u.iface.vrf, "CUSTOMER");
    th_free(p);
    p = nx_parse("show ipv6 interface brief | json", "v6_int_brief.json");
    assert_int_equal(p->n, 2);
    f = &th_must_find(p, "Vlan100")->u.iface;
    assert_int_equal(f->n_ipv6, 3);
    assert_string_equal(f->ipv6[1], "2001:db8:ff00:101::1");
    assert_string_equal(th_must_find(p, "Eth1/1")->u.iface.ipv6[0], "2001:db8:c0de::1");
    th_free(p);
}

static void v6_prefix_list(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show ipv6 prefix-list", "v6_prefix_list.txt", 4);
    const prefix_list_entry_t *e = &p->recs[1].u.prefix_list;
    assert_string_equal(e->name, "PL-MSFT-V6-IN");
    assert_string_equal(e->prefix, "2001:db8:2::/48");
    assert_int_equal(e->le, 64);
    assert_true(e->ipv6);
    assert_false(p->recs[2].u.prefix_list.permit);
    assert_string_equal(p->recs[3].u.prefix_list.prefix, "2001:db8:ff00::/40");
    th_free(p);
}

/* "show bgp vrf all all ...": every VRF and address family in one answer. */
static void vrf_all_all(void **state)
{
    (void)state;
    parsed_t *p = nx_variants("show bgp vrf all all summary", "vrf_all_all_summary.txt", 4);
    assert_string_equal(th_must_find(p, "192.168.100.130")->u.peer.address_family, "IPv4 Unicast");
    const bgp_peer_t *v6 = &th_must_find(p, "2001:db8:c0de::2")->u.peer;
    assert_string_equal(v6->address_family, "IPv6 Unicast");
    assert_int_equal(v6->prefixes_received, 2);
    assert_string_equal(v6->vrf, "default");
    const bgp_peer_t *cu = &th_must_find(p, "2001:db8:c0de:100::2")->u.peer;
    assert_string_equal(cu->vrf, "CUSTOMER");
    assert_int_equal(cu->state, BGP_STATE_ACTIVE);
    th_free(p);
    p = nx_variants("show bgp vrf all all", "vrf_all_all.txt", 6);
    assert_string_equal(th_must_find(p, "10.50.0.0/16")->u.path.next_hop, "192.168.100.130");
    assert_string_equal(th_must_find(p, "2001:db8:2::/48")->u.path.next_hop, "2001:db8:c0de::2");
    assert_string_equal(th_must_find(p, "2001:db8:ff00::/40")->u.path.vrf, "default");
    assert_string_equal(th_must_find(p, "10.1.0.0/16")->u.path.vrf, "CUSTOMER");
    th_free(p);
    p = nx_variants("show bgp vrf all all neighbors", "vrf_all_all_neighbors.txt", 3);
    const bgp_neighbor_t *n = &th_must_find(p, "2001:db8:c0de::2")->u.neighbor;
    assert_int_equal(n->prefixes_accepted, 2);
    assert_string_equal(n->inbound_policy, "RM-MSFT-V6-IN");
    assert_string_equal(n->local_address, "2001:db8:c0de::1");
    assert_int_equal(th_must_find(p, "192.168.100.130")->u.neighbor.prefixes_accepted, 7);
    assert_string_equal(th_must_find(p, "192.168.200.2")->u.neighbor.vrf, "CUSTOMER");
    th_free(p);
}

static void command_table(void **state)
{
    (void)state;
    const parser_vendor_t *v = parser_vendor_find("cisco_nxos");
    assert_non_null(v);
    static const struct { const char *cmd; kind_t kind; bool json; } cases[] = {
        {"sh int br", KIND_INTERFACES, false},
        {"show interface Ethernet1/1 | json", KIND_INTERFACES, true},
        {"show ip int brief vrf all | json", KIND_INTERFACES, true},
        {"show ip bgp summary vrf", KIND_BGP_SUMMARY, false},
        {"show bgp all summary vrf all | json", KIND_BGP_SUMMARY, true},
        {"show ip bgp neighbors 192.168.100.130 vrf CUSTOMER", KIND_BGP_NEIGHBORS, false},
        {"show bgp ipv4 unicast neighbors 192.168.100.130 | json", KIND_BGP_NEIGHBORS, true},
        {"show bgp vrf all ipv4 unicast neighbors routes", KIND_BGP_TABLE, false},
        {"show bgp vrf all ipv4 unicast neighbors 192.168.100.130 routes", KIND_BGP_TABLE, false},
        {"show ip bgp vrf all | json", KIND_BGP_TABLE, true},
        {"show bgp vrf all ipv4 unicast neighbors 192.168.100.130 routes | json", KIND_BGP_TABLE, true},
        {"show ip bgp 10.50.0.0/16", KIND_BGP_TABLE, false},
        {"show ip prefix-list PL-MSFT-IN", KIND_PREFIX_LISTS, false},
        {"show ip community-list", KIND_COMMUNITY_LISTS, false},
        {"show route-map RM-MSFT-IN", KIND_ROUTE_MAPS, false},
        {"show ip route vrf all 10.50.0.1", KIND_ROUTES, false},
        {"show ip arp detail vrf all | json", KIND_ARP, true},
        {"show run bgp", KIND_BGP_CONFIG, false},
        {"show bfd neighbors details", KIND_BFD, false},
        {"show ver", KIND_VERSION, false},
        {"show bgp ipv6 unicast summary vrf all", KIND_BGP_SUMMARY, false},
        {"show bgp ipv6 unicast neighbors 2001:db8:c0de::2 vrf CUSTOMER", KIND_BGP_NEIGHBORS, false},
        {"show bgp ipv6 unicast 2001:db8:1::/48 vrf CUSTOMER", KIND_BGP_TABLE, false},
        {"show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes", KIND_BGP_TABLE, false},
        {"show ipv6 route 2001:db8:1::/48 vrf CUSTOMER", KIND_ROUTES, false},
        {"show ipv6 route vrf all | json", KIND_ROUTES, true},
        {"show ipv6 neighbor 2001:db8:c0de::2 vrf CUSTOMER", KIND_ARP, false},
        {"show ipv6 neighbor vrf all | json", KIND_ARP, true},
        {"sh ipv6 int br vrf all", KIND_INTERFACES, false},
        {"show ipv6 interface brief | json", KIND_INTERFACES, true},
        {"show ipv6 prefix-list", KIND_PREFIX_LISTS, false},
        {"show bgp vrf all all", KIND_BGP_TABLE, false},
        {"show bgp vrf all all neighbors", KIND_BGP_NEIGHBORS, false},
        {"show bgp vrf all all summary", KIND_BGP_SUMMARY, false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const parser_def_t *d = parser_find(v, cases[i].cmd);
        if (!d)
            fail_msg("no parser for '%s'", cases[i].cmd);
        assert_int_equal(d->kind, cases[i].kind);
        assert_int_equal(d->whole != NULL, cases[i].json);
    }
}

/* One line no parser knows in three places of each answer (tests/testhelp.h). */
static void unknown_lines(void **state)
{
    (void)state;
    th_assert_unknown_lines("nxos", "show interface", "nxos/interface", "Ethernet1/1", "Ethernet1/2", TH_SILENT);
    th_assert_unknown_lines("nxos", "show ip bgp neighbors", "nxos/bgp_neighbors", "192.168.100.130", "192.168.100.134", TH_SILENT);
    th_assert_unknown_lines("nxos", "show ip bgp summary vrf all", "nxos/bgp_summary_vrf_all", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("nxos", "show ip arp", "nxos/arp", "192.168.100.130", "192.168.100.134", TH_BETWEEN);
    th_assert_unknown_lines("nxos", "show bfd neighbors details", "nxos/bfd_details", "192.168.100.130", "192.168.100.134", TH_SILENT);
    th_assert_unknown_lines("nxos", "show ip route vrf all", "nxos/route_vrf_all", "10.1.0.0/16", "0.0.0.0/0", TH_MARKS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_lines),
        cmocka_unit_test(interface_text),
        cmocka_unit_test(interface_truncated),
        cmocka_unit_test(interface_brief),
        cmocka_unit_test(ip_interface_brief),
        cmocka_unit_test(interface_json),
        cmocka_unit_test(bgp_summary),
        cmocka_unit_test(bgp_summary_empty_and_cut),
        cmocka_unit_test(bgp_summary_json),
        cmocka_unit_test(bgp_neighbors),
        cmocka_unit_test(bgp_neighbors_truncated),
        cmocka_unit_test(bgp_neighbors_json),
        cmocka_unit_test(bgp_table),
        cmocka_unit_test(bgp_detail),
        cmocka_unit_test(bgp_table_json),
        cmocka_unit_test(bgp_config),
        cmocka_unit_test(routes),
        cmocka_unit_test(routes_json),
        cmocka_unit_test(arp),
        cmocka_unit_test(bfd),
        cmocka_unit_test(bfd_star),
        cmocka_unit_test(route_map),
        cmocka_unit_test(prefix_list),
        cmocka_unit_test(community_list),
        cmocka_unit_test(version),
        cmocka_unit_test(json_captures),
        cmocka_unit_test(bgp_neighbors_vrf_all),
        cmocka_unit_test(command_table),
        cmocka_unit_test(v6_bgp_summary),
        cmocka_unit_test(v6_bgp_neighbors),
        cmocka_unit_test(v6_bgp_table),
        cmocka_unit_test(v6_routes),
        cmocka_unit_test(v6_routes_large),
        cmocka_unit_test(v6_neighbor),
        cmocka_unit_test(v6_interface_brief),
        cmocka_unit_test(v6_prefix_list),
        cmocka_unit_test(vrf_all_all),
    };
    return cmocka_run_group_tests_name("nxos", tests, NULL, NULL);
}
