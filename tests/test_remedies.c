/* test_remedies.c: the vendor remedy tables (probes/vendor_*.c) and Azure's side
 * (probes/remedy_common.c) as framework/remedy.c serves them.
 *
 * The tables: every router platform answers every runbook cause; next lines are only lines to
 * type on the platform (prose and lines for Azure or the Linux shell are notes); every line that
 * resets a session or a link is marked DISRUPTIVE and none comes first; every {placeholder} is
 * one the framework fills.  Filled with sample evidence: nothing of {...} is left, what stays
 * <like-this> is only what erdiag cannot know, and redaction leaves every line as it is.
 * Through the framework: a WARN on an Established session suggests nothing disruptive. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/prefix.h"
#include "core/redact.h"
#include "framework/remedy_context.h"
#include "framework/runbook.h"
#include "probes/vendor.h"
#include "tests/testhelp.h"

static const char *const router_vendors[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr"};
#define N_ROUTERS (sizeof(router_vendors) / sizeof(router_vendors[0]))
static const char *const all_vendors[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr", "linux"};
#define N_VENDORS (sizeof(all_vendors) / sizeof(all_vendors[0]))

/* The causes a router must have a remedy for (DESIGN.md codes the steps report, plus the
 * session-state ones). */
static const char *const router_causes[] = {
    "link_down", "interface_errors", "arp_incomplete", "peer_as_mismatch", "local_as_mismatch",
    "timer_mismatch", "md5_missing", "md5_mismatch", "subnet_mismatch", "address_swapped",
    "inbound_filter", "route_limit", "local_prefix_limit", "tcp179_blocked", "tcp179_refused",
    "hold_timer_expired", "asymmetric_path", "return_via_internet", "forced_tunneling", "bfd_session_down",
    "peer_shutdown", "session_down", "link_redundancy_lost", "advertisement_mismatch", "preference_asymmetry",
};
#define N_CAUSES (sizeof(router_causes) / sizeof(router_causes[0]))

/* What erdiag cannot know, so a filled remedy may still say <it>: secrets, the operator's choices
 * (summaries, limits, sequence numbers of lists it does not read), Azure resource names, the
 * provider's VLAN tags, and the ACL / lo0 filter applied to the interface, which no probe reads. */
static const char *const unknowable[] = {
    "shared-key", "summary-prefix", "summary-address", "summary-mask", "limit", "seq", "rg", "nic", "route-table",
    "udr-name", "s-tag", "c-tag", "acl", "on-prem-prefix", "on-prem-mask", "lo0-filter", "discard-term", "nft-table",
    "ce-address", "route-filter", "region", "community",
};

static bool in_list(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && strncmp(list[i], s, n) == 0)
            return true;
    return false;
}

static const vendor_t *must_find(const char *name)
{
    const vendor_t *v = vendor_find(name);
    if (!v)
        fail_msg("vendor %s not found", name);
    return v;
}

static size_t count_next(const vendor_remedy_t *r)
{
    size_t n = 0;
    while (n < VENDOR_REMEDY_NEXT && r->next[n])
        n++;
    return n;
}

static size_t count_notes(const vendor_remedy_t *r)
{
    size_t n = 0;
    while (n < VENDOR_REMEDY_NOTES && r->note[n])
        n++;
    return n;
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A line that resets a BGP session or takes a link down or up the moment it is typed.  Soft
 * resets ("clear ip bgp X soft in") and counter clears only read or refresh. */
static bool looks_disruptive(const char *line)
{
    static const char *const changes[] = {"remote-as ", "peer-as ", "local-as ", "update-source ", "local-address ",
                                          "password ", "authentication-key ", "encapsulation ", "vlan-tags "};
    static const char *const heads[] = {"activate ", "deactivate ", "rename protocols bgp", "no neighbor ", "no shutdown",
                                        "ip address ", "no ip address ", "ipv4 address ", "ipv6 address "};
    const char *t = line + strspn(line, " ");
    size_t len = strlen(t);
    if (starts(t, "show "))
        return false;
    if (starts(t, "clear ") && strstr(t, "bgp") && !strstr(t, " soft"))
        return true;
    if (!strcmp(t, "shutdown") || (len > 9 && !strcmp(t + len - 9, " shutdown")) || strstr(t, "restart routing"))
        return true;
    if (starts(t, "delete interfaces") && len > 8 && !strcmp(t + len - 8, " disable"))
        return true;
    if ((starts(t, "set interfaces") || starts(t, "delete interfaces")) && strstr(t, " family ") && strstr(t, " address "))
        return true;
    for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
        if (starts(t, heads[i]))
            return true;
    for (size_t i = 0; i < sizeof(changes) / sizeof(changes[0]); i++)
        if (strstr(t, changes[i]))
            return true;
    return false;
}

/* A next line is typed as it stands: a command or configuration line starts with a lower-case
 * word (or a value to choose, "<seq> permit ..."), holds no prose ("  (", ": ", a closing full stop) and names no other place. */
static void assert_typeable(const char *vendor, const char *cause, const char *line)
{
    const char *t = line + strspn(line, " ");
    size_t len = strlen(t);
    bool ok = len > 0 && ((t[0] >= 'a' && t[0] <= 'z') || t[0] == '<') && !strstr(t, "  (") && !strstr(t, ": ") && t[len - 1] != '.' &&
              !starts(t, "shell") && !strstr(t, "Azure") && !strstr(t, "Get-Az") && !strstr(t, "az network");
    if (!ok)
        fail_msg("%s/%s: next line is not a line to type: \"%s\"", vendor, cause, line);
}

/* ---------------------------------------------------------------- the tables */

static void test_every_router_has_every_cause(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_ROUTERS; v++) {
        const vendor_t *vt = must_find(router_vendors[v]);
        for (size_t c = 0; c < N_CAUSES; c++) {
            const vendor_remedy_t *r = vendor_remedy(vt, router_causes[c]);
            if (!r)
                fail_msg("%s has no remedy for %s", vt->name, router_causes[c]);
            if (count_next(r) < 1)
                fail_msg("%s/%s: nothing to type", vt->name, router_causes[c]);
        }
        /* The cause was renamed: BFD down is what is seen, not that it is disabled. */
        assert_null(vendor_remedy(vt, "bfd_disabled"));
    }
}

static bool next_has(const vendor_remedy_t *r, const char *needle)
{
    for (size_t i = 0; r && i < count_next(r); i++)
        if (strstr(r->next[i], needle))
            return true;
    return false;
}

static void test_linux_has_host_causes_only(void **state)
{
    (void)state;
    const vendor_t *lx = must_find("linux");
    assert_non_null(vendor_remedy(lx, "asymmetric_path"));
    assert_non_null(vendor_remedy(lx, "return_via_internet"));
    assert_non_null(vendor_remedy(lx, "tcp179_blocked"));
    /* A host cannot fix a router's BGP configuration. */
    assert_null(vendor_remedy(lx, "peer_as_mismatch"));
    assert_null(vendor_remedy(lx, "md5_mismatch"));
    const vendor_remedy_t *r = vendor_remedy(lx, "tcp179_blocked");
    assert_true(next_has(r, "nc -zv -w 5 {peer} 179"));
    assert_true(next_has(r, "ip route get {peer}"));
}

static void check_entry_form(const char *table, const vendor_remedy_t *r, bool needs_next)
{
    size_t n = count_next(r), m = count_notes(r);
    if (!in_list(r->cause, strlen(r->cause), router_causes, N_CAUSES))
        fail_msg("%s: unknown cause '%s'", table, r->cause);
    if (needs_next ? n == 0 : n != 0)
        fail_msg("%s/%s: %zu next lines", table, r->cause, n);
    for (size_t k = n; k < VENDOR_REMEDY_NEXT; k++)
        if (r->next[k])
            fail_msg("%s/%s: next line %zu after a gap", table, r->cause, k);
    for (size_t k = m; k < VENDOR_REMEDY_NOTES; k++)
        if (r->note[k])
            fail_msg("%s/%s: note %zu after a gap", table, r->cause, k);
    for (size_t k = 0; k < n + m; k++) {
        const char *line = vendor_remedy_line(k < n ? r->next[k] : r->note[k - n], NULL);
        size_t len = strlen(line);
        if (len == 0 || line[len - 1] == ' ')
            fail_msg("%s/%s line %zu: empty or trailing blank", table, r->cause, k);
        if (k >= n && (strstr(line, "Get-Az") || strstr(line, "az network")) && !starts(line, "Azure PowerShell: ") &&
            !starts(line, "Azure CLI: "))
            fail_msg("%s/%s: an Azure command without saying so: \"%s\"", table, r->cause, line);
    }
}

/* Causes are known codes, each once per table; lines are contiguous, non-empty, without
 * trailing blanks.  Routers and hosts have lines to type; Azure's table is notes only. */
static void check_placeholders(const char *table, const char *cause, const char *line);

static void test_tables_well_formed(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *vt = must_find(all_vendors[v]);
        assert_true(vt->n_remedies > 0);
        for (size_t i = 0; i < vt->n_remedies; i++) {
            check_entry_form(vt->name, &vt->remedies[i], true);
            if (vendor_remedy(vt, vt->remedies[i].cause) != &vt->remedies[i])
                fail_msg("%s: cause '%s' listed twice", vt->name, vt->remedies[i].cause);
        }
    }
    /* The IPv6 tables: well formed, each cause once, each one the IPv4 table has too, every
     * placeholder known. */
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *vt = must_find(all_vendors[v]);
        for (size_t i = 0; i < vt->n_remedies6; i++) {
            const vendor_remedy_t *r = &vt->remedies6[i];
            check_entry_form(vt->name, r, true);
            if (vendor_remedy_for(vt, r->cause, FAMILY_IPV6) != r || !vendor_remedy(vt, r->cause))
                fail_msg("%s: IPv6 cause '%s' listed twice or not in the IPv4 table", vt->name, r->cause);
            for (size_t k = 0; k < VENDOR_REMEDY_NEXT + VENDOR_REMEDY_NOTES; k++) {
                const char *line = k < VENDOR_REMEDY_NEXT ? r->next[k] : r->note[k - VENDOR_REMEDY_NEXT];
                if (line)
                    check_placeholders(vt->name, r->cause, line);
            }
        }
    }
    assert_string_equal(vendor_remedy_for(must_find("ios"), "arp_incomplete", FAMILY_IPV6)->next[0],
                        "show ipv6 neighbors {peer}");
    assert_string_equal(vendor_remedy_for(must_find("ios"), "arp_incomplete", FAMILY_IPV4)->next[0], "show ip arp {peer}");
    for (size_t c = 0; c < N_CAUSES; c++)
        if (common_remedy(router_causes[c]))
            check_entry_form("azure", common_remedy(router_causes[c]), false);
    assert_null(common_remedy("bfd_disabled"));
    assert_non_null(common_remedy("local_prefix_limit"));
}

static void check_placeholders(const char *table, const char *cause, const char *line)
{
    for (const char *p = line; (p = strpbrk(p, "{}")) != NULL;) {
        const char *end = *p == '{' ? strchr(p, '}') : NULL;
        if (!end)
            fail_msg("%s/%s: unpaired brace in \"%s\"", table, cause, line);
        const char *name = p + 1;
        size_t n = (size_t)(end - name);
        /* {name?} / {?name}: the line is left out when name is not known */
        bool condition = n > 0 && name[0] == '?';
        n -= n > 0 && (condition || name[n - 1] == '?');
        if (!remedy_placeholder_known(name + condition, n))
            fail_msg("%s/%s: unknown placeholder %.*s", table, cause, (int)(end - p + 1), p);
        p = end + 1;
    }
}

/* Every {name} is one framework/remedy_context.c fills; braces always pair. */
static void test_placeholders_known(void **state)
{
    (void)state;
    for (size_t v = 0; v <= N_VENDORS; v++) {
        const vendor_t *vt = v < N_VENDORS ? must_find(all_vendors[v]) : NULL;
        size_t n = vt ? vt->n_remedies : N_CAUSES;
        for (size_t i = 0; i < n; i++) {
            const vendor_remedy_t *r = vt ? &vt->remedies[i] : common_remedy(router_causes[i]);
            for (size_t k = 0; r && k < VENDOR_REMEDY_NEXT + VENDOR_REMEDY_NOTES; k++) {
                const char *line = k < VENDOR_REMEDY_NEXT ? r->next[k] : r->note[k - VENDOR_REMEDY_NEXT];
                if (line)
                    check_placeholders(vt ? vt->name : "azure", r->cause, line);
            }
        }
    }
}

/* next holds lines to type, in order; the first is always a safe read; a line that resets a
 * session or a link is marked, and only such a line. */
static void test_next_typeable_and_marked(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *vt = must_find(all_vendors[v]);
        for (size_t i = 0; i < vt->n_remedies; i++) {
            const vendor_remedy_t *r = &vt->remedies[i];
            for (size_t k = 0; k < count_next(r); k++) {
                bool marked;
                const char *line = vendor_remedy_line(r->next[k], &marked);
                assert_typeable(vt->name, r->cause, line);
                if (marked != looks_disruptive(line))
                    fail_msg("%s/%s: \"%s\" is %s marked disruptive", vt->name, r->cause, line, marked ? "wrongly" : "not");
                if (k == 0 && (marked || !(starts(line, "show ") || starts(line, "telnet ") || starts(line, "ip route get") ||
                                           starts(line, "nc "))))
                    fail_msg("%s/%s: the first line is not a read: \"%s\"", vt->name, r->cause, line);
            }
        }
    }
    /* The forms the brief names, both ways. */
    assert_true(looks_disruptive("clear ip bgp 192.168.100.130"));
    assert_true(looks_disruptive("clear bgp ipv4 unicast 192.168.100.130"));
    assert_true(looks_disruptive("clear bgp neighbor 192.168.100.130"));
    assert_true(looks_disruptive(" no shutdown"));
    assert_true(looks_disruptive("restart routing"));
    assert_false(looks_disruptive("clear ip bgp 192.168.100.130 soft in"));
    assert_false(looks_disruptive("clear counters GigabitEthernet0/0/0"));
    assert_false(looks_disruptive("show ip bgp neighbors 192.168.100.130 | include shutdown"));
}

static bool remedy_has(const char *vendor, const char *cause, const char *needle)
{
    const vendor_remedy_t *r = vendor_remedy(must_find(vendor), cause);
    for (size_t i = 0; r && i < VENDOR_REMEDY_NEXT + VENDOR_REMEDY_NOTES; i++) {
        const char *line = i < VENDOR_REMEDY_NEXT ? r->next[i] : r->note[i - VENDOR_REMEDY_NEXT];
        if (line && strstr(line, needle))
            return true;
    }
    return false;
}

static bool azure_has(const char *cause, const char *needle)
{
    const vendor_remedy_t *r = common_remedy(cause);
    for (size_t i = 0; r && i < count_notes(r); i++)
        if (strstr(r->note[i], needle))
            return true;
    return false;
}

/* The fixes the runbooks' findings point at, spot-checked per platform. */
static void test_key_fixes(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_ROUTERS; v++) {
        const char *rv = router_vendors[v];
        if (!remedy_has(rv, "peer_as_mismatch", !strcmp(rv, "junos") ? "peer-as {peer_as}" : "remote-as {peer_as}"))
            fail_msg("%s peer_as_mismatch does not set the peer AS", rv);
        /* The CE takes the first usable address: every platform configures {local_ip}. */
        if (!remedy_has(rv, "address_swapped", "{local_ip}"))
            fail_msg("%s address_swapped does not set {local_ip}", rv);
        if (!remedy_has(rv, "md5_mismatch", "<shared-key>") || remedy_has(rv, "md5_mismatch", "shared key"))
            fail_msg("%s md5_mismatch does not write the key as <shared-key>", rv);
        /* Our own limit is raised (or relaxed), Microsoft's is met by summarising what we send. */
        if (!remedy_has(rv, "local_prefix_limit", "<limit>") || !remedy_has(rv, "local_prefix_limit", "{peer}"))
            fail_msg("%s local_prefix_limit does not set the neighbor's limit", rv);
        if (!remedy_has(rv, "route_limit", "aggregate") || remedy_has(rv, "route_limit", "maximum-prefix"))
            fail_msg("%s route_limit does not summarise what we advertise", rv);
    }
    assert_true(remedy_has("ios", "timer_mismatch", "neighbor {peer} timers {keepalive} {hold_time}"));
    assert_true(remedy_has("junos", "timer_mismatch", "hold-time {hold_time}"));
    assert_true(remedy_has("ios", "bfd_session_down", "neighbor {peer} fall-over bfd"));
    assert_true(remedy_has("ios", "bfd_session_down", "bfd interval 300 min_rx 300 multiplier 3"));
    assert_true(remedy_has("junos", "md5_mismatch", "authentication-key <shared-key>"));
    assert_true(remedy_has("ios", "local_prefix_limit", "maximum-prefix <limit>"));
    assert_true(remedy_has("ios", "route_limit", "advertised-routes"));
    /* Microsoft's side: its limits, its fixed timers, its key it never shows. */
    assert_true(azure_has("route_limit", "4,000"));
    assert_true(azure_has("route_limit", "Get-AzExpressRouteCircuitRouteTableSummary"));
    assert_true(azure_has("timer_mismatch", "180"));
    assert_true(azure_has("md5_mismatch", "never shows"));
    assert_true(azure_has("md5_mismatch", "--shared-key <shared-key>"));
    assert_true(azure_has("arp_incomplete", "Get-AzExpressRouteCircuitARPTable -ResourceGroupName <rg> "
                                            "-ExpressRouteCircuitName {circuit} -PeeringType {peering} -DevicePath {path}"));
    assert_true(azure_has("arp_incomplete", "az network express-route list-arp-tables -g <rg> -n {circuit} --path "
                                            "{az_path} --peering-name {peering}"));
    assert_true(azure_has("peer_as_mismatch", "Get-AzExpressRouteCircuitPeeringConfig -Name {peering} -ExpressRouteCircuit $ckt"));
    assert_true(azure_has("forced_tunneling", "az network nic show-effective-route-table -g <rg> -n <nic> -o table"));
}

/* No line anywhere claims to read the stored shared key: Azure never shows it. */
static void test_no_line_reads_the_key(void **state)
{
    (void)state;
    for (size_t c = 0; c < N_CAUSES; c++) {
        const vendor_remedy_t *r = common_remedy(router_causes[c]);
        for (size_t i = 0; r && i < count_notes(r); i++)
            if ((strstr(r->note[i], "Get-Az") || strstr(r->note[i], " show ")) && strstr(r->note[i], "hared"))
                fail_msg("azure/%s: a read that names the shared key: %s", r->cause, r->note[i]);
    }
    for (size_t v = 0; v < N_ROUTERS; v++)
        if (remedy_has(router_vendors[v], "md5_mismatch", "Get-Az") || remedy_has(router_vendors[v], "md5_missing", "Get-Az"))
            fail_msg("%s md5 remedies read Azure on their own", router_vendors[v]);
}

/* ---------------------------------------------------------------- filled from evidence */

static device_t dev;
static evidence_t ev;
static step_result_t step;
static record_t recs[5][2];

static void fill_name(char *dst, size_t size, char c)
{
    memset(dst, c, size - 1);
    dst[size - 1] = '\0';
}

static void set_fact(probe_id_t probe, kind_t kind, record_t *r, size_t n)
{
    fact_t *f = &ev.facts[probe];
    memset(f, 0, sizeof(*f));
    f->present = true;
    f->raw = ""; /* answered (the records are what the tests look at) */
    f->kind = kind;
    f->records = r;
    f->n_records = n;
    meta_init(&f->meta);
}

/* What the probes say of a typical edge: the unit holding the /30, the neighbor in its group
 * with its route-maps (the inbound one matching prefix-list FROM-MSEE), an Established session. */
static void sample_evidence(const char *iface)
{
    record_init(&recs[0][0], KIND_INTERFACES);
    iface_t *i = &recs[0][0].u.iface;
    snprintf(i->name, sizeof(i->name), "%s", iface);
    snprintf(i->ipv4[0], sizeof(i->ipv4[0]), "192.168.100.129/30");
    i->n_ipv4 = 1;
    record_init(&recs[1][0], KIND_BGP_CONFIG);
    bgp_config_neighbor_t *c = &recs[1][0].u.bgp_config;
    c->local_as = 65010;
    snprintf(c->peer, sizeof(c->peer), "192.168.100.130");
    snprintf(c->peer_group, sizeof(c->peer_group), "AZURE-PRIVATE");
    snprintf(c->inbound_policy, sizeof(c->inbound_policy), "RM-MSEE-IN");
    snprintf(c->outbound_policy, sizeof(c->outbound_policy), "RM-MSEE-OUT");
    const char *const maps[2][3] = {{"RM-MSEE-IN", "ALLOW-AZURE", "ip address prefix-list FROM-MSEE"},
                                    {"RM-MSEE-OUT", "ONPREM", "ip address prefix-list ONPREM"}};
    for (int k = 0; k < 2; k++) {
        record_init(&recs[2][k], KIND_ROUTE_MAPS);
        route_map_entry_t *e = &recs[2][k].u.route_map;
        snprintf(e->name, sizeof(e->name), "%s", maps[k][0]);
        snprintf(e->term, sizeof(e->term), "%s", maps[k][1]);
        snprintf(e->match[0], sizeof(e->match[0]), "%s", maps[k][2]);
        e->n_match = 1;
        e->seq = 10;
        e->permit = true;
    }
    record_init(&recs[3][0], KIND_PREFIX_LISTS);
    prefix_list_entry_t *pl = &recs[3][0].u.prefix_list;
    snprintf(pl->name, sizeof(pl->name), "FROM-MSEE");
    snprintf(pl->prefix, sizeof(pl->prefix), "10.9.0.0/16");
    pl->seq = 5;
    pl->permit = true;
    record_init(&recs[4][0], KIND_BGP_NEIGHBORS);
    snprintf(recs[4][0].u.neighbor.peer, sizeof(recs[4][0].u.neighbor.peer), "192.168.100.130");
    recs[4][0].u.neighbor.state = BGP_STATE_ESTABLISHED;
    set_fact(PROBE_INTERFACES, KIND_INTERFACES, recs[0], 1);
    set_fact(PROBE_BGP_CONFIG, KIND_BGP_CONFIG, recs[1], 1);
    set_fact(PROBE_ROUTE_MAPS, KIND_ROUTE_MAPS, recs[2], 2);
    set_fact(PROBE_PREFIX_LISTS, KIND_PREFIX_LISTS, recs[3], 1);
    set_fact(PROBE_BGP_NEIGHBOR, KIND_BGP_NEIGHBORS, recs[4], 1);
}

/* The circuit as the inventory states it, with nothing about the router's interface. */
static void typical_device(void)
{
    memset(&dev, 0, sizeof(dev));
    assert_true(prefix_parse("192.168.100.128/30", &dev.subnet));
    assert_true(ip_parse("192.168.100.129", &dev.local_ip));
    assert_true(ip_parse("192.168.100.130", &dev.peer_ip));
    assert_true(ip_parse("10.1.0.4", &dev.azure_vm));
    assert_true(ip_parse("172.16.0.10", &dev.onprem_source));
    assert_true(prefix_parse("10.1.0.0/16", &dev.expect_prefixes[0]));
    dev.n_expect_prefixes = 1;
    dev.has_subnet = dev.has_local_ip = dev.has_peer_ip = dev.has_azure_vm = dev.has_onprem_source = true;
    dev.local_as = 65010;
    dev.peer_as = 12076;
    dev.hold_time = 180;
    dev.keepalive = 60;
    snprintf(dev.circuit, sizeof(dev.circuit), "er-nyc-01");
}

static const char *sample_iface(const char *vendor)
{
    return !strcmp(vendor, "junos") ? "ge-0/0/1.100" : !strcmp(vendor, "frr") || !strcmp(vendor, "linux") ? "eth1.100"
         : !strcmp(vendor, "nxos") || !strcmp(vendor, "eos")                                          ? "Ethernet1/1.100"
                                                                                                         : "GigabitEthernet0/0/1.100";
}

static void expand_with(const char *vendor, const char *cause, const remedy_hint_t *hint, bool with_evidence)
{
    memset(&ev, 0, sizeof(ev));
    memset(&step, 0, sizeof(step));
    ev.device = &dev;
    ev.vendor = must_find(vendor);
    if (with_evidence)
        sample_evidence(sample_iface(vendor));
    step_remedy_hint(&step, &ev, cause, hint);
}

static void expand(const char *vendor, const char *cause)
{
    expand_with(vendor, cause, NULL, true);
}

static bool step_has(const char *needle)
{
    for (int i = 0; i < step.n_next + step.n_note; i++)
        if (strstr(i < step.n_next ? step.next[i] : step.note[i - step.n_next], needle))
            return true;
    return false;
}

static bool next_is(const char *line)
{
    for (int i = 0; i < step.n_next; i++)
        if (!strcmp(step.next[i], line))
            return true;
    return false;
}

/* Line k of the step (next lines, then notes) and whether it was cut to its field. */
static const char *step_line(int k, bool *cut)
{
    const char *line = k < step.n_next ? step.next[k] : step.note[k - step.n_next];
    *cut = strlen(line) + 1 >= (k < step.n_next ? sizeof(step.next[0]) : sizeof(step.note[0]));
    return line;
}

/* Nothing of {...} is left, every <...> is unknowable, the line fits, redaction keeps it. */
static void check_filled(const char *vendor, const char *cause, int k)
{
    bool cut;
    const char *line = step_line(k, &cut);
    if (strchr(line, '{') || strchr(line, '}'))
        fail_msg("%s/%s: not filled: %s", vendor, cause, line);
    if (cut)
        fail_msg("%s/%s: cut at %zu characters: %s", vendor, cause, strlen(line), line);
    for (const char *p = line; (p = strchr(p, '<')) != NULL; p++) {
        size_t n = strcspn(p + 1, ">");
        if (p[1 + n] != '>' || !in_list(p + 1, n, unknowable, sizeof(unknowable) / sizeof(unknowable[0])))
            fail_msg("%s/%s: placeholder the evidence knows, or malformed: %.*s in \"%s\"", vendor, cause,
                     (int)n + 2, p, line);
    }
    size_t out_len;
    char *r = redact_text(line, strlen(line), &out_len);
    assert_non_null(r);
    if (strcmp(r, line) != 0)
        fail_msg("%s/%s: redaction rewrote erdiag's own line: \"%s\" -> \"%s\"", vendor, cause, line, r);
    free(r);
}

static void test_filled_from_evidence(void **state)
{
    (void)state;
    typical_device();
    size_t checked = 0;
    for (size_t v = 0; v < N_VENDORS; v++)
        for (size_t c = 0; c < N_CAUSES; c++) {
            expand(all_vendors[v], router_causes[c]);
            for (int k = 0; k < step.n_next + step.n_note; k++, checked++)
                check_filled(all_vendors[v], router_causes[c], k);
        }
    assert_true(checked > 500);
}

/* The longest values an inventory allows still fit a step's line. */
static void test_worst_case_fits(void **state)
{
    (void)state;
    char policy[NAME_LEN], iface[NAME_LEN];
    fill_name(policy, sizeof(policy), 'p');
    fill_name(iface, sizeof(iface), 'x');
    memset(&dev, 0, sizeof(dev));
    assert_true(prefix_parse("2001:db8:ffff:ffff:ffff:ffff:ffff:fffc/126", &dev.subnet));
    assert_true(ip_parse("2001:db8:ffff:ffff:ffff:ffff:ffff:fffd", &dev.local_ip));
    assert_true(ip_parse("2001:db8:ffff:ffff:ffff:ffff:ffff:fffe", &dev.peer_ip));
    dev.has_subnet = dev.has_local_ip = dev.has_peer_ip = true;
    dev.local_as = 4294967294LL;
    dev.peer_as = 4294967295LL;
    dev.hold_time = 65535;
    dev.keepalive = 21845;
    fill_name(dev.vrf, sizeof(dev.vrf), 'v');
    fill_name(dev.circuit, sizeof(dev.circuit), 'c');
    remedy_hint_t hint = {.iface = iface, .route_map = policy, .prefix_list = policy,
                          .prefix = "2001:db8:ffff:ffff:ffff:ffff:ffff:0/112"};
    for (size_t v = 0; v < N_VENDORS; v++)
        for (size_t c = 0; c < N_CAUSES; c++) {
            expand_with(all_vendors[v], router_causes[c], &hint, false);
            for (int k = 0; k < step.n_next + step.n_note; k++) {
                bool cut;
                const char *line = step_line(k, &cut);
                if (cut)
                    fail_msg("%s/%s line %d cut: %s", all_vendors[v], router_causes[c], k, line);
            }
        }
}

static void test_ios_values(void **state)
{
    (void)state;
    typical_device();
    dev.local_as = 65020; /* Azure's PeerASN; the router runs 65010 (its configuration) */
    expand("ios", "local_as_mismatch");
    assert_true(next_is("router bgp 65010"));
    assert_true(next_is(" neighbor 192.168.100.130 local-as 65020 no-prepend replace-as"));
    assert_true(step_has("Azure CLI: az network express-route peering update -g <rg> --circuit-name er-nyc-01 -n "
                         "AzurePrivatePeering --peer-asn 65010"));
    typical_device();
    expand("ios", "timer_mismatch");
    assert_true(next_is(" neighbor 192.168.100.130 timers 60 180"));
    assert_true(next_is("clear ip bgp 192.168.100.130"));
    assert_true(step.next_disruptive[step.n_next - 1]);
    assert_false(step.next_disruptive[0]);
    expand("ios", "address_swapped");
    assert_true(next_is(" ip address 192.168.100.129 255.255.255.252"));
    assert_true(next_is("interface GigabitEthernet0/0/1.100")); /* the interface holding the /30 */
    assert_true(step_has("192.168.100.128/30"));
    expand("ios", "inbound_filter");
    assert_true(next_is("show ip prefix-list FROM-MSEE")); /* matched by route-map RM-MSEE-IN */
    assert_true(next_is("show route-map RM-MSEE-IN"));
    assert_true(next_is("ip prefix-list FROM-MSEE seq 10 permit 10.1.0.0/16"));
    assert_true(next_is("clear ip bgp 192.168.100.130 soft in"));
    expand("ios", "asymmetric_path");
    assert_true(next_is("route-map RM-MSEE-IN permit 10"));
    expand("ios", "tcp179_blocked");
    assert_true(next_is("telnet 192.168.100.130 179 /source-interface GigabitEthernet0/0/1.100"));
    assert_true(next_is("ip access-list extended <acl>"));
    expand("ios", "bfd_session_down");
    assert_true(next_is("interface GigabitEthernet0/0/1.100"));
    assert_true(next_is(" neighbor 192.168.100.130 fall-over bfd"));
}

static void test_junos_values(void **state)
{
    (void)state;
    typical_device();
    expand("junos", "peer_as_mismatch");
    assert_true(next_is("set protocols bgp group AZURE-PRIVATE neighbor 192.168.100.130 peer-as 12076"));
    assert_true(next_is("commit and-quit"));
    expand("junos", "address_swapped");
    assert_true(next_is("set interfaces ge-0/0/1 unit 100 family inet address 192.168.100.129/30"));
    assert_true(next_is("delete interfaces ge-0/0/1 unit 100 family inet address 192.168.100.130/30"));
    assert_true(next_is("rename protocols bgp group AZURE-PRIVATE neighbor 192.168.100.129 to neighbor 192.168.100.130"));
    expand("junos", "md5_mismatch");
    assert_true(next_is("set protocols bgp group AZURE-PRIVATE neighbor 192.168.100.130 authentication-key <shared-key>"));
    expand("junos", "asymmetric_path");
    assert_true(next_is("insert policy-options policy-statement RM-MSEE-IN term LP before term ALLOW-AZURE"));
    expand("junos", "return_via_internet");
    assert_true(next_is("insert policy-options policy-statement RM-MSEE-OUT term ONPREM before term ONPREM"));
    expand("junos", "interface_errors");
    assert_true(next_is("clear interfaces statistics ge-0/0/1"));
}

/* A wrong address: no interface holds the /30, but the one described as the circuit's (else the
 * one numbered next to it) is the one to renumber, and its current address is the one to remove. */
static void test_interface_by_description(void **state)
{
    (void)state;
    typical_device();
    expand("junos", "subnet_mismatch");
    snprintf(recs[0][0].u.iface.ipv4[0], sizeof(recs[0][0].u.iface.ipv4[0]), "192.168.100.137/30");
    snprintf(recs[0][0].u.iface.description, sizeof(recs[0][0].u.iface.description), "ExpressRoute er-nyc-01 primary");
    memset(&step, 0, sizeof(step));
    step_remedy_hint(&step, &ev, "subnet_mismatch", NULL);
    assert_true(next_is("delete interfaces ge-0/0/1 unit 100 family inet address 192.168.100.137/30"));
    assert_true(next_is("set interfaces ge-0/0/1 unit 100 family inet address 192.168.100.129/30"));
    /* No description: the interface numbered in the subnet's /24 is the one to renumber. */
    recs[0][0].u.iface.description[0] = '\0';
    memset(&step, 0, sizeof(step));
    step_remedy_hint(&step, &ev, "subnet_mismatch", NULL);
    assert_true(next_is("set interfaces ge-0/0/1 unit 100 family inet address 192.168.100.129/30"));
    /* Nothing near the subnet either: erdiag cannot know which interface is meant. */
    snprintf(recs[0][0].u.iface.ipv4[0], sizeof(recs[0][0].u.iface.ipv4[0]), "10.9.9.1/30");
    memset(&step, 0, sizeof(step));
    step_remedy_hint(&step, &ev, "subnet_mismatch", NULL);
    assert_true(next_is("set interfaces <interface> family inet address 192.168.100.129/30"));
}

/* Azure's lines name the inventory's circuit, the peering and the link. */
static void test_azure_values(void **state)
{
    (void)state;
    typical_device();
    dev.link = LINK_SECONDARY;
    expand("eos", "arp_incomplete");
    assert_true(step_has("Azure PowerShell: Get-AzExpressRouteCircuitARPTable -ResourceGroupName <rg> "
                         "-ExpressRouteCircuitName er-nyc-01 -PeeringType AzurePrivatePeering -DevicePath Secondary"));
    assert_true(step_has("Azure CLI: az network express-route list-arp-tables -g <rg> -n er-nyc-01 --path secondary "
                         "--peering-name AzurePrivatePeering"));
    dev.peering = PEERING_MICROSOFT;
    expand("frr", "route_limit");
    assert_true(step_has("-PeeringType MicrosoftPeering -DevicePath Secondary"));
    dev.circuit[0] = '\0';
    expand("frr", "peer_as_mismatch");
    assert_true(step_has("Get-AzExpressRouteCircuit -ResourceGroupName <rg> -Name <circuit>"));
}

/* Without evidence a value reads <like-this>, never silently wrong; a line whose optional
 * value is unknown goes, and so does the configuration block it leaves empty. */
static void test_unknown_values(void **state)
{
    (void)state;
    typical_device();
    dev.local_as = 0;
    expand_with("nxos", "bfd_session_down", NULL, false);
    assert_true(next_is("router bgp <local-as>"));
    assert_true(next_is("interface <interface>"));
    expand_with("ios", "inbound_filter", NULL, false);
    for (int i = 0; i < step.n_next; i++) {
        assert_null(strstr(step.next[i], "prefix-list"));
        assert_null(strstr(step.next[i], "route-map"));
        assert_string_not_equal(step.next[i], "configure terminal");
    }
    assert_true(next_is("clear ip bgp 192.168.100.130 soft in"));
    /* The asymmetric-routing runbook reads no BGP configuration: without the inbound route-map
     * the whole change goes (its sub-blocks, the parents they leave empty, configure ... end,
     * the soft clear that would apply it); what reads stays. */
    expand_with("nxos", "asymmetric_path", NULL, false);
    assert_int_equal(step.n_next, 1);
    assert_string_equal(step.next[0], "show ip bgp neighbors 192.168.100.130 vrf default | include route-map");
    expand_with("ios", "asymmetric_path", NULL, false);
    assert_int_equal(step.n_next, 2);
    assert_string_equal(step.next[1], "show ip bgp neighbors 192.168.100.130 | include Route map");
    typical_device();
    expand_with("junos", "md5_missing", NULL, false);
    assert_true(next_is("set protocols bgp group <group> neighbor 192.168.100.130 authentication-key <shared-key>"));
}

/* A cause without a remedy adds no line to type; Azure's side of it may still be noted. */
static void test_unknown_cause_adds_nothing(void **state)
{
    (void)state;
    typical_device();
    expand("ios", "none");
    assert_int_equal(step.n_next, 0);
    assert_int_equal(step.n_note, 0);
    expand("linux", "peer_as_mismatch");
    assert_int_equal(step.n_next, 0);
    assert_true(step_has("Get-AzExpressRouteCircuitPeeringConfig"));
}

/* ---------------------------------------------------------------- through the framework */

typedef struct {
    probe_id_t probe;
    const char *file, *command;
} capture_t;

/* A bundled IOS scenario as erdiag check --replay reads it. */
static void load_scenario(evidence_t *e, device_t *d, const char *name)
{
    static const capture_t caps[] = {
        {PROBE_INTERFACES, "interfaces", "show interfaces"},
        {PROBE_BGP_SUMMARY, "bgp_summary", "show ip bgp summary"},
        {PROBE_BGP_NEIGHBOR, "bgp_neighbor", "show ip bgp neighbors 192.168.100.130"},
        {PROBE_BGP_CONFIG, "bgp_config", "show running-config | section router bgp"},
        {PROBE_PREFIX_LISTS, "prefix_lists", "show ip prefix-list"},
        {PROBE_ROUTE_MAPS, "route_maps", "show route-map"},
    };
    char path[512], err[256];
    inventory_t inv;
    snprintf(path, sizeof(path), "%s/../../scenarios/%s/device.ini", FIXTURE_DIR, name);
    if (inventory_load(&inv, path, err, sizeof(err)) != 0 || inv.n_devices != 1)
        fail_msg("%s: %s", path, err);
    *d = inv.devices[0];
    inventory_free(&inv);
    memset(e, 0, sizeof(*e));
    e->device = d;
    e->vendor = must_find("ios");
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        char rel[256];
        snprintf(rel, sizeof(rel), "../../scenarios/%s/%s.txt", name, caps[i].file);
        snprintf(path, sizeof(path), "%s/%s", FIXTURE_DIR, rel);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        fclose(f);
        th_fact_fixture(&e->facts[caps[i].probe], "ios", caps[i].command, rel);
    }
}

static void free_scenario(evidence_t *e)
{
    for (int p = 0; p < PROBE_COUNT; p++)
        if (e->facts[p].present)
            th_fact_free(&e->facts[p]);
}

static const step_result_t *step_named(const runbook_result_t *r, const char *id)
{
    for (int i = 0; i < r->n_steps; i++)
        if (!strcmp(r->steps[i].id, id))
            return &r->steps[i];
    fail_msg("no step %s", id);
    return NULL;
}

static bool note_has(const step_result_t *s, const char *needle)
{
    for (int i = 0; i < s->n_note; i++)
        if (strstr(s->note[i], needle))
            return true;
    return false;
}

static device_t scenario_device;
static evidence_t scenario_ev;
static runbook_result_t scenario_result;

/* Runs the BGP runbook on a bundled scenario; the step id must conclude verdict and cause. */
static const step_result_t *run_scenario(const char *name, const char *id, verdict_t verdict, const char *cause)
{
    load_scenario(&scenario_ev, &scenario_device, name);
    runbook_evaluate(RUNBOOK_BGP, &scenario_ev, &scenario_result);
    const step_result_t *s = step_named(&scenario_result, id);
    assert_int_equal(s->verdict, verdict);
    assert_string_equal(s->cause, cause);
    assert_false(s->n_next && s->next_disruptive[0]);
    return s;
}

static bool next_of(const step_result_t *s, const char *line, bool *disruptive)
{
    for (int k = 0; k < s->n_next; k++)
        if (!strcmp(s->next[k], line)) {
            *disruptive = s->next_disruptive[k];
            return true;
        }
    return false;
}

/* timers-ios: timers 30/90 on an Established session, a WARN.  The timers are set, but the hard
 * reset that would apply them at once is held back as a note: nothing disruptive is suggested. */
static void test_warn_established_holds_back_resets(void **state)
{
    (void)state;
    const step_result_t *s = run_scenario("timers-ios", "bgp_config", VERDICT_WARN, "timer_mismatch");
    const runbook_result_t *r = &scenario_result;
    assert_true(remedy_session_established(&scenario_ev));
    for (int i = 0; i < r->n_steps; i++)
        for (int k = 0; r->steps[i].verdict == VERDICT_WARN && k < r->steps[i].n_next; k++)
            if (r->steps[i].next_disruptive[k] || looks_disruptive(r->steps[i].next[k]))
                fail_msg("%s: WARN on an Established session suggests \"%s\"", r->steps[i].id, r->steps[i].next[k]);
    assert_string_equal(s->next[0], "show ip bgp neighbors 192.168.100.130 | include hold time|keepalive");
    bool disruptive = true;
    assert_true(next_of(s, " neighbor 192.168.100.130 timers 60 180", &disruptive));
    assert_false(disruptive);
    assert_true(note_has(s, "Held back while the session is Established"));
    assert_true(note_has(s, "clear ip bgp 192.168.100.130"));
    free_scenario(&scenario_ev);
}

/* asn-mismatch-ios: a FAIL on a session that is down keeps its disruptive line, marked. */
static void test_fail_keeps_marked_lines(void **state)
{
    (void)state;
    const step_result_t *s = run_scenario("asn-mismatch-ios", "bgp_config", VERDICT_FAIL, "peer_as_mismatch");
    bool disruptive = false;
    assert_true(next_of(s, " neighbor 192.168.100.130 remote-as 12076", &disruptive));
    assert_true(disruptive);
    assert_true(note_has(s, "Get-AzExpressRouteCircuitPeeringConfig -Name AzurePrivatePeering -ExpressRouteCircuit $ckt"));
    free_scenario(&scenario_ev);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_router_has_every_cause),
        cmocka_unit_test(test_linux_has_host_causes_only),
        cmocka_unit_test(test_tables_well_formed),
        cmocka_unit_test(test_placeholders_known),
        cmocka_unit_test(test_next_typeable_and_marked),
        cmocka_unit_test(test_key_fixes),
        cmocka_unit_test(test_no_line_reads_the_key),
        cmocka_unit_test(test_filled_from_evidence),
        cmocka_unit_test(test_worst_case_fits),
        cmocka_unit_test(test_ios_values),
        cmocka_unit_test(test_junos_values),
        cmocka_unit_test(test_interface_by_description),
        cmocka_unit_test(test_azure_values),
        cmocka_unit_test(test_unknown_values),
        cmocka_unit_test(test_unknown_cause_adds_nothing),
        cmocka_unit_test(test_warn_established_holds_back_resets),
        cmocka_unit_test(test_fail_keeps_marked_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
