/* test_remedies.c: the vendor remedy tables (probes/vendor_*.c) as step_remedy() serves them.
 *
 * Every router platform must answer every runbook cause with something to type; every
 * {placeholder} must be one framework/step.c fills; the expanded lines must fit a step's next[]
 * with room to spare even for the longest values an inventory allows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/inventory.h"
#include "core/prefix.h"
#include "framework/runbook.h"
#include "probes/vendor.h"

#define MAX_EXPANDED 300

static const char *const router_vendors[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr"};
#define N_ROUTERS (sizeof(router_vendors) / sizeof(router_vendors[0]))
static const char *const all_vendors[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr", "linux"};
#define N_VENDORS (sizeof(all_vendors) / sizeof(all_vendors[0]))

/* The causes a router must have a remedy for (DESIGN.md codes the steps report, plus the
 * session-state ones). */
static const char *const router_causes[] = {
    "link_down", "interface_errors", "arp_incomplete", "peer_as_mismatch", "local_as_mismatch",
    "timer_mismatch", "md5_missing", "md5_mismatch", "subnet_mismatch", "address_swapped",
    "inbound_filter", "route_limit", "tcp179_blocked", "tcp179_refused", "hold_timer_expired",
    "asymmetric_path", "return_via_internet", "forced_tunneling", "bfd_disabled", "peer_shutdown",
    "session_down",
};
#define N_CAUSES (sizeof(router_causes) / sizeof(router_causes[0]))

static const char *const placeholders[] = {
    "peer", "local_ip", "peer_as", "local_as", "hold_time", "keepalive", "iface", "vrf", "subnet", "plen", "mask",
    "prefix_list", "route_map",
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

static size_t count_lines(const vendor_remedy_t *r)
{
    size_t n = 0;
    while (n < VENDOR_REMEDY_LINES && r->lines[n])
        n++;
    return n;
}

/* ---- the tables themselves ---- */

static void test_every_router_has_every_cause(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_ROUTERS; v++) {
        const vendor_t *vt = must_find(router_vendors[v]);
        for (size_t c = 0; c < N_CAUSES; c++) {
            const vendor_remedy_t *r = vendor_remedy(vt, router_causes[c]);
            if (!r)
                fail_msg("%s has no remedy for %s", vt->name, router_causes[c]);
            if (count_lines(r) < 2)
                fail_msg("%s/%s: fewer than two lines", vt->name, router_causes[c]);
        }
    }
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
    bool nc = false, route = false;
    for (size_t i = 0; i < count_lines(r); i++) {
        nc |= strstr(r->lines[i], "nc -zv") && strstr(r->lines[i], "{peer} 179");
        route |= strstr(r->lines[i], "ip route get {peer}") != NULL;
    }
    assert_true(nc);
    assert_true(route);
}

/* Causes are DESIGN.md codes (or the session ones above), each once per vendor; lines are
 * contiguous, non-empty and without trailing blanks. */
static void test_tables_well_formed(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *vt = must_find(all_vendors[v]);
        assert_non_null(vt->remedies);
        assert_true(vt->n_remedies > 0);
        for (size_t i = 0; i < vt->n_remedies; i++) {
            const vendor_remedy_t *r = &vt->remedies[i];
            const char *c = r->cause;
            if (!in_list(c, strlen(c), router_causes, N_CAUSES))
                fail_msg("%s: unknown cause '%s'", vt->name, c);
            if (vendor_remedy(vt, c) != r)
                fail_msg("%s: cause '%s' listed twice", vt->name, c);
            size_t n = count_lines(r);
            for (size_t k = n; k < VENDOR_REMEDY_LINES; k++)
                if (r->lines[k])
                    fail_msg("%s/%s: line %zu after a gap", vt->name, c, k);
            for (size_t k = 0; k < n; k++) {
                size_t len = strlen(r->lines[k]);
                if (len == 0 || r->lines[k][len - 1] == ' ')
                    fail_msg("%s/%s line %zu: empty or trailing blank", vt->name, c, k);
            }
        }
    }
}

/* Every {name} is one step_remedy() fills; braces always pair. */
static void test_placeholders_known(void **state)
{
    (void)state;
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *vt = must_find(all_vendors[v]);
        for (size_t i = 0; i < vt->n_remedies; i++) {
            const vendor_remedy_t *r = &vt->remedies[i];
            for (size_t k = 0; k < count_lines(r); k++) {
                const char *p = r->lines[k];
                while ((p = strpbrk(p, "{}")) != NULL) {
                    if (*p == '}')
                        fail_msg("%s/%s: stray '}' in \"%s\"", vt->name, r->cause, r->lines[k]);
                    const char *end = strchr(p, '}');
                    if (!end)
                        fail_msg("%s/%s: unclosed '{' in \"%s\"", vt->name, r->cause, r->lines[k]);
                    if (!in_list(p + 1, (size_t)(end - p - 1), placeholders,
                                 sizeof(placeholders) / sizeof(placeholders[0])))
                        fail_msg("%s/%s: unknown placeholder %.*s", vt->name, r->cause, (int)(end - p + 1), p);
                    p = end + 1;
                }
            }
        }
    }
}

static bool remedy_has(const char *vendor, const char *cause, const char *needle)
{
    const vendor_remedy_t *r = vendor_remedy(must_find(vendor), cause);
    for (size_t i = 0; r && i < count_lines(r); i++)
        if (strstr(r->lines[i], needle))
            return true;
    return false;
}

/* The fixes the runbooks' findings point at, spot-checked per platform. */
static void test_key_fixes(void **state)
{
    (void)state;
    assert_true(remedy_has("ios", "peer_as_mismatch", "remote-as {peer_as}"));
    assert_true(remedy_has("nxos", "peer_as_mismatch", "remote-as {peer_as}"));
    assert_true(remedy_has("iosxr", "peer_as_mismatch", "remote-as {peer_as}"));
    assert_true(remedy_has("eos", "peer_as_mismatch", "remote-as {peer_as}"));
    assert_true(remedy_has("frr", "peer_as_mismatch", "remote-as {peer_as}"));
    assert_true(remedy_has("junos", "peer_as_mismatch", "peer-as {peer_as}"));
    assert_true(remedy_has("ios", "timer_mismatch", "neighbor {peer} timers {keepalive} {hold_time}"));
    assert_true(remedy_has("junos", "timer_mismatch", "hold-time {hold_time}"));
    assert_true(remedy_has("ios", "bfd_disabled", "neighbor {peer} fall-over bfd"));
    assert_true(remedy_has("ios", "bfd_disabled", "bfd interval 300 min_rx 300 multiplier 3"));
    assert_true(remedy_has("ios", "md5_mismatch", "Set-AzExpressRouteCircuitPeeringConfig -SharedKey"));
    assert_true(remedy_has("ios", "arp_incomplete", "C-Tag/S-Tag"));
    for (size_t v = 0; v < N_ROUTERS; v++) {
        /* The CE takes the first usable address: every platform configures {local_ip}. */
        if (!remedy_has(router_vendors[v], "address_swapped", "{local_ip}"))
            fail_msg("%s address_swapped does not set {local_ip}", router_vendors[v]);
        if (!remedy_has(router_vendors[v], "route_limit", "4,000"))
            fail_msg("%s route_limit does not state Microsoft's limits", router_vendors[v]);
        if (!remedy_has(router_vendors[v], "forced_tunneling", "effective-route-table"))
            fail_msg("%s forced_tunneling does not look at the Azure routes", router_vendors[v]);
    }
}

/* ---- expansion through step_remedy() ---- */

static device_t dev;
static evidence_t ev;
static step_result_t step;

static void fill_name(char *dst, size_t size, char c)
{
    memset(dst, c, size - 1);
    dst[size - 1] = '\0';
}

/* The longest values an inventory allows: IPv6 addresses, 32-bit ASNs, 63-character names. */
static void worst_case_device(void)
{
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
    fill_name(dev.interface, sizeof(dev.interface), 'i');
}

static void typical_device(void)
{
    memset(&dev, 0, sizeof(dev));
    assert_true(prefix_parse("192.168.100.128/30", &dev.subnet));
    assert_true(ip_parse("192.168.100.129", &dev.local_ip));
    assert_true(ip_parse("192.168.100.130", &dev.peer_ip));
    dev.has_subnet = dev.has_local_ip = dev.has_peer_ip = true;
    dev.local_as = 65010;
    dev.peer_as = 12076;
    dev.hold_time = 180;
    dev.keepalive = 60;
    snprintf(dev.interface, sizeof(dev.interface), "GigabitEthernet0/0/1.100");
}

static void expand(const char *vendor, const char *cause, const char *iface, const char *policy)
{
    memset(&ev, 0, sizeof(ev));
    memset(&step, 0, sizeof(step));
    ev.device = &dev;
    ev.vendor = must_find(vendor);
    step_remedy(&step, &ev, cause, iface, policy);
}

static bool step_has(const char *needle)
{
    for (int i = 0; i < step.n_next; i++)
        if (strstr(step.next[i], needle))
            return true;
    return false;
}

static void test_expanded_lines_fit(void **state)
{
    (void)state;
    char policy[64], iface[64];
    fill_name(policy, sizeof(policy), 'p');
    fill_name(iface, sizeof(iface), 'x');
    worst_case_device();
    for (size_t v = 0; v < N_VENDORS; v++) {
        const vendor_t *vt = must_find(all_vendors[v]);
        for (size_t i = 0; i < vt->n_remedies; i++) {
            const vendor_remedy_t *r = &vt->remedies[i];
            expand(vt->name, r->cause, iface, policy);
            assert_int_equal(step.n_next, (int)count_lines(r));
            for (int k = 0; k < step.n_next; k++) {
                size_t len = strlen(step.next[k]);
                if (len > MAX_EXPANDED)
                    fail_msg("%s/%s line %d is %zu chars: %s", vt->name, r->cause, k, len, step.next[k]);
                /* Every placeholder was filled from the device (none left as {x} or <x>). */
                if (strchr(step.next[k], '{') || strstr(step.next[k], "<peer>") ||
                    strstr(step.next[k], "<local_ip>") || strstr(step.next[k], "<local_as>") ||
                    strstr(step.next[k], "<policy>"))
                    fail_msg("%s/%s line %d not filled: %s", vt->name, r->cause, k, step.next[k]);
            }
        }
    }
}

static void test_expanded_ios_values(void **state)
{
    (void)state;
    typical_device();
    expand("ios", "peer_as_mismatch", NULL, NULL);
    assert_true(step_has("router bgp 65010"));
    assert_true(step_has(" neighbor 192.168.100.130 remote-as 12076"));
    expand("ios", "timer_mismatch", NULL, NULL);
    assert_true(step_has(" neighbor 192.168.100.130 timers 60 180"));
    expand("ios", "address_swapped", NULL, NULL);
    assert_true(step_has(" ip address 192.168.100.129 255.255.255.252"));
    assert_true(step_has("interface GigabitEthernet0/0/1.100"));
    assert_true(step_has("192.168.100.128/30"));
    expand("ios", "inbound_filter", NULL, "MSFT-IN");
    assert_true(step_has("show ip prefix-list MSFT-IN"));
    assert_true(step_has("show route-map MSFT-IN"));
    expand("ios", "bfd_disabled", "TenGigabitEthernet0/1/0.200", NULL);
    assert_true(step_has("interface TenGigabitEthernet0/1/0.200"));
    assert_true(step_has(" neighbor 192.168.100.130 fall-over bfd"));
}

static void test_expanded_junos_values(void **state)
{
    (void)state;
    typical_device();
    snprintf(dev.interface, sizeof(dev.interface), "ge-0/0/1.100");
    expand("junos", "peer_as_mismatch", NULL, NULL);
    assert_true(step_has("set protocols bgp group <GROUP> neighbor 192.168.100.130 peer-as 12076"));
    expand("junos", "address_swapped", NULL, NULL);
    assert_true(step_has("set interfaces ge-0/0/1.100 family inet address 192.168.100.129/30"));
    assert_true(step_has("delete interfaces ge-0/0/1.100 family inet address 192.168.100.130/30"));
}

/* Unknown values read as <name>, so a line is never silently wrong; no local AS known. */
static void test_missing_values_marked(void **state)
{
    (void)state;
    typical_device();
    dev.local_as = 0;
    dev.interface[0] = '\0';
    expand("nxos", "bfd_disabled", NULL, NULL);
    assert_true(step_has("router bgp <local_as>"));
    assert_true(step_has("interface <interface>"));
    expand("eos", "inbound_filter", NULL, NULL);
    assert_true(step_has("show route-map <policy>"));
}

/* A cause without a remedy (or a device without a vendor table) adds nothing. */
static void test_unknown_cause_adds_nothing(void **state)
{
    (void)state;
    typical_device();
    expand("ios", "none", NULL, NULL);
    assert_int_equal(step.n_next, 0);
    expand("linux", "peer_as_mismatch", NULL, NULL);
    assert_int_equal(step.n_next, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_router_has_every_cause),
        cmocka_unit_test(test_linux_has_host_causes_only),
        cmocka_unit_test(test_tables_well_formed),
        cmocka_unit_test(test_placeholders_known),
        cmocka_unit_test(test_key_fixes),
        cmocka_unit_test(test_expanded_lines_fit),
        cmocka_unit_test(test_expanded_ios_values),
        cmocka_unit_test(test_expanded_junos_values),
        cmocka_unit_test(test_missing_values_marked),
        cmocka_unit_test(test_unknown_cause_adds_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
