/* test_asym.c: the asymmetric-routing runbook steps on real device, host and Azure output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/steps.h"
#include "tests/testhelp.h"

#define FX(name) "framework/asym/" name

/* The circuit: primary /30 192.168.100.128/30 (CE .129, MSEE .130) of the /29 .128/29. */
static device_t dev;
static evidence_t ev;

static void set_device(void)
{
    memset(&dev, 0, sizeof(dev));
    snprintf(dev.name, sizeof(dev.name), "edge1");
    dev.has_subnet = prefix_parse("192.168.100.128/30", &dev.subnet);
    dev.has_local_ip = ip_parse("192.168.100.129", &dev.local_ip);
    dev.has_peer_ip = ip_parse("192.168.100.130", &dev.peer_ip);
    dev.has_azure_vm = ip_parse("10.1.0.4", &dev.azure_vm);
    dev.has_onprem_source = ip_parse("172.16.0.10", &dev.onprem_source);
    dev.peer_as = 12076;
    dev.local_as = 65010;
    dev.link = LINK_PRIMARY;
}

static int setup(void **state)
{
    (void)state;
    set_device();
    memset(&ev, 0, sizeof(ev));
    ev.device = &dev;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    th_fact_free(&ev.forward_trace);
    th_fact_free(&ev.reverse_trace);
    th_fact_free(&ev.onprem_route);
    th_fact_free(&ev.azure_routes);
    for (int i = 0; i < PROBE_COUNT; i++)
        th_fact_free(&ev.facts[i]);
    return 0;
}

static void use_vendor(const char *name)
{
    snprintf(dev.vendor, sizeof(dev.vendor), "%s", name);
    ev.vendor = vendor_find(name);
}

/* The forward trace as the edge's vendor runs it. */
static const char *trace_cmd(const char *vendor)
{
    if (!strcmp(vendor, "junos"))
        return "traceroute 10.1.0.4 source 172.16.0.1 no-resolve";
    if (!strcmp(vendor, "nxos"))
        return "traceroute 10.1.0.4 source 172.16.0.1";
    if (!strcmp(vendor, "linux"))
        return "traceroute -n -w 2 -q 3 10.1.0.4";
    return "traceroute 10.1.0.4 source 172.16.0.1 numeric";
}

static void forward(const char *vendor, const char *fixture)
{
    use_vendor(vendor);
    th_fact_fixture(&ev.forward_trace, vendor, trace_cmd(vendor), fixture);
}

/* The reverse trace as saved on the VM: tracert (Windows), traceroute or mtr (Linux). */
static void reverse(const char *fixture)
{
    if (strstr(fixture, "tracert"))
        th_fact_fixture(&ev.reverse_trace, "windows", "tracert -d 172.16.0.10", fixture);
    else if (strstr(fixture, "mtr"))
        th_fact_fixture(&ev.reverse_trace, "linux", "mtr --report -n 172.16.0.10", fixture);
    else
        th_fact_fixture(&ev.reverse_trace, "linux", "traceroute -n 172.16.0.10", fixture);
}

static bool has_line(const step_result_t *s, const char *frag)
{
    for (int i = 0; i < s->n_evidence; i++)
        if (strstr(s->evidence[i].line, frag))
            return true;
    return false;
}

/* Verdict, cause, a fragment of the finding, and (when given) an evidence line holding line. */
static void expect(const step_result_t *s, verdict_t v, const char *cause, const char *finding, const char *line)
{
    if (s->verdict != v || strcmp(s->cause, cause) != 0 || !strstr(s->finding, finding) || (line && !has_line(s, line))) {
        print_error("got %s %s: %s\n", verdict_name(s->verdict), s->cause, s->finding);
        for (int i = 0; i < s->n_evidence; i++)
            print_error("  evidence: %s\n", s->evidence[i].line);
        print_error("wanted %s %s, finding with '%s', evidence with '%s'\n", verdict_name(v), cause, finding,
                    line ? line : "-");
        fail();
    }
}

static step_result_t run(void (*fn)(const evidence_t *, step_result_t *))
{
    step_result_t s;
    memset(&s, 0, sizeof(s));
    fn(&ev, &s);
    return s;
}

/* ---- forward trace ---- */

static void fwd_pass(const char *vendor, const char *fixture, const char *line, const char *target_line)
{
    forward(vendor, fixture);
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_PASS, "none", "crosses the ExpressRoute peering", line);
    assert_true(has_line(&s, target_line)); /* the target's hop, not the "traceroute to" header */
}

static void t_fwd_pass_ios(void **st)
{
    (void)st;
    fwd_pass("ios", FX("fwd_ios_ok.txt"), "1 192.168.100.130 1 msec", "3 10.1.0.4 2 msec");
}

static void t_fwd_pass_junos(void **st)
{
    (void)st;
    fwd_pass("junos", FX("fwd_junos_ok.txt"), "1  192.168.100.130  1.204 ms", "3  10.1.0.4  2.871 ms");
}

static void t_fwd_pass_nxos(void **st)
{
    (void)st;
    fwd_pass("nxos", FX("fwd_nxos_ok.txt"), "1  192.168.100.130 (192.168.100.130)", "3  10.1.0.4 (10.1.0.4)  2.944 ms");
}

static void t_fwd_pass_host(void **st)
{
    (void)st;
    fwd_pass("linux", FX("fwd_linux_ok.txt"), "2  192.168.100.130  1.912 ms", "4  10.1.0.4  2.702 ms");
    step_result_t s = run(step_forward_trace);
    assert_non_null(strstr(s.finding, "at hop 2"));
    assert_non_null(strstr(s.finding, "1 on-prem 172.16.0.1"));
}

static void fwd_internet(const char *vendor, const char *fixture)
{
    forward(vendor, fixture);
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_FAIL, "asymmetric_path", "leaves for the internet at hop 1 (198.51.100.1)", "198.51.100.1");
    assert_true(s.n_next > 0);
}

static void t_fwd_internet_ios(void **st) { (void)st; fwd_internet("ios", FX("fwd_ios_internet.txt")); }
static void t_fwd_internet_junos(void **st) { (void)st; fwd_internet("junos", FX("fwd_junos_internet.txt")); }
static void t_fwd_internet_nxos(void **st) { (void)st; fwd_internet("nxos", FX("fwd_nxos_internet.txt")); }

static void t_fwd_noreach_ios(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_noreach.txt"));
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_WARN, "asymmetric_path", "never reaches 10.1.0.4", "1 192.168.100.130");
    assert_int_equal(s.n_evidence, 1); /* the crossing is also the last answer: quoted once */
}

static void t_fwd_noreach_junos(void **st)
{
    (void)st;
    use_vendor("junos");
    th_fact(&ev.forward_trace, "junos", trace_cmd("junos"),
            "traceroute to 10.1.0.4 (10.1.0.4) from 172.16.0.1, 30 hops max, 52 byte packets\n"
            " 1  192.168.100.130  1.101 ms  0.974 ms  0.933 ms\n"
            " 2  * * *\n"
            " 3  * * *\n");
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_WARN, "asymmetric_path", "never reaches 10.1.0.4", "192.168.100.130  1.101 ms");
}

static void t_fwd_noreach_nxos(void **st)
{
    (void)st;
    use_vendor("nxos");
    th_fact(&ev.forward_trace, "nxos", trace_cmd("nxos"),
            "traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 40 byte packets\n"
            " 1  192.168.100.130 (192.168.100.130)  0.998 ms  0.902 ms  0.881 ms\n"
            " 2  * * *\n");
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_WARN, "asymmetric_path", "last answer: hop 1 192.168.100.130", "0.998 ms");
}

/* A cut trace that would otherwise pass stays short of a PASS; a line skipped between hops
 * (the output partial, every hop whole) does not stop it. */
static void t_fwd_partial(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_ok.txt"));
    ev.forward_trace.truncated = true;
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_WARN, "evidence_missing", "cut or partly unreadable", "192.168.100.130");
    ev.forward_trace.truncated = false;
    ev.forward_trace.partial = true;
    s = run(step_forward_trace);
    expect(&s, VERDICT_PASS, "none", "crosses the ExpressRoute peering", "192.168.100.130");
}

static void t_fwd_missing(void **st)
{
    (void)st;
    use_vendor("ios");
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_SKIP, "evidence_missing", "not collected", NULL);
}

static void t_fwd_timeout(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_ok.txt"));
    ev.forward_trace.error = PERR_TIMEOUT;
    step_result_t s = run(step_forward_trace);
    expect(&s, VERDICT_SKIP, "evidence_missing", "traceroute 10.1.0.4", NULL);
    assert_int_equal(s.n_evidence, 0);
}

/* ---- reverse trace ---- */

/* IPv6: every address is global, so "not private" proves nothing.  A hop in Microsoft's
 * prefixes or the on-prem /48 is no internet hop; only an address of neither side is. */
static void set_v6(void)
{
    dev.family = FAMILY_IPV6;
    dev.has_subnet = prefix_parse("2001:db8:c0de::/126", &dev.subnet);
    dev.has_local_ip = ip_parse("2001:db8:c0de::1", &dev.local_ip);
    dev.has_peer_ip = ip_parse("2001:db8:c0de::2", &dev.peer_ip);
    dev.has_azure_vm = ip_parse("2001:db8:1::4", &dev.azure_vm);
    dev.has_onprem_source = ip_parse("2001:db8:ff00::10", &dev.onprem_source);
    dev.n_expect_prefixes = prefix_parse("2001:db8:1::/48", &dev.expect_prefixes[0]) ? 1 : 0;
}

static void t_rev_v6(void **st)
{
    (void)st;
    set_v6();
    th_fact_fixture(&ev.reverse_trace, "linux", "traceroute -n 2001:db8:ff00::10", FX("rev_linux_v6_ok.txt"));
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_PASS, "none", "crosses the ExpressRoute peering at hop 2 (2001:db8:c0de::1)", "2001:db8:c0de::1");
    assert_null(strstr(s.finding, "internet"));
    th_fact_free(&ev.reverse_trace);
    th_fact_fixture(&ev.reverse_trace, "linux", "traceroute -n 2001:db8:ff00::10", FX("rev_linux_v6_internet.txt"));
    s = run(step_reverse_trace);
    expect(&s, VERDICT_FAIL, "return_via_internet", "leaves for the internet at hop 2 (2620:1ec:4::1)", "2620:1ec:4::1");
}

static void t_rev_pass_linux(void **st)
{
    (void)st;
    reverse(FX("rev_linux_ok.txt"));
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_PASS, "none", "crosses the ExpressRoute peering at hop 2 (192.168.100.129)",
           "2  192.168.100.129  2.410 ms");
    assert_non_null(strstr(s.finding, "2 CE 192.168.100.129"));
}

static void t_rev_pass_tracert(void **st)
{
    (void)st;
    reverse(FX("rev_tracert_ok.txt"));
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_PASS, "none", "reaches 172.16.0.10 at hop 3", "2     2 ms     2 ms     2 ms  192.168.100.129");
}

static void t_rev_pass_mtr(void **st)
{
    (void)st;
    reverse(FX("rev_mtr_ok.txt"));
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_PASS, "none", "crosses the ExpressRoute peering", "2.|-- 192.168.100.129");
}

static void rev_internet(const char *fixture, const char *line)
{
    use_vendor("ios");
    reverse(fixture);
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_FAIL, "return_via_internet", "leaves for the internet at hop 2 (203.0.113.9)", line);
    assert_true(s.n_next > 0);
}

static void t_rev_internet_tracert(void **st) { (void)st; rev_internet(FX("rev_tracert_internet.txt"), "1 ms  203.0.113.9"); }
static void t_rev_internet_mtr(void **st) { (void)st; rev_internet(FX("rev_mtr_internet.txt"), "2.|-- 203.0.113.9"); }

static void t_rev_internet_linux(void **st)
{
    (void)st;
    th_fact(&ev.reverse_trace, "linux", "traceroute -n 172.16.0.10",
            "traceroute to 172.16.0.10 (172.16.0.10), 30 hops max, 60 byte packets\n"
            " 1  * * *\n"
            " 2  203.0.113.9  1.204 ms  1.187 ms  1.160 ms\n"
            " 3  * * *\n");
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_FAIL, "return_via_internet", "at hop 2 (203.0.113.9)", "203.0.113.9  1.204 ms");
}

/* Back by a VPN gateway: private all the way, but never over the peering /30. */
static void t_rev_other_private_path(void **st)
{
    (void)st;
    th_fact(&ev.reverse_trace, "windows", "tracert -d 172.16.0.10",
            "\nTracing route to 172.16.0.10 over a maximum of 30 hops\n\n"
            "  1     1 ms     1 ms     1 ms  10.1.254.68\n"
            "  2     9 ms     9 ms     9 ms  172.16.0.10\n\n"
            "Trace complete.\n");
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_FAIL, "asymmetric_path", "reaches the target by another private path", "2     9 ms");
    assert_non_null(strstr(s.finding, "1 Azure 10.1.254.68, 2 target 172.16.0.10"));
}

static void t_rev_noreach(void **st)
{
    (void)st;
    th_fact(&ev.reverse_trace, "linux", "traceroute -n 172.16.0.10",
            "traceroute to 172.16.0.10 (172.16.0.10), 30 hops max, 60 byte packets\n"
            " 1  * * *\n"
            " 2  192.168.100.129  2.410 ms  2.388 ms  2.371 ms\n"
            " 3  * * *\n");
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_WARN, "asymmetric_path", "never reaches 172.16.0.10", "192.168.100.129  2.410 ms");
}

static void t_rev_missing(void **st)
{
    (void)st;
    step_result_t s = run(step_reverse_trace);
    expect(&s, VERDICT_SKIP, "evidence_missing", "--reverse-trace FILE", NULL);
    assert_non_null(strstr(s.finding, "reverse_from"));
    assert_non_null(strstr(s.finding, "tracert"));
}

/* ---- path comparison ---- */

static void t_cmp_pass(void **st)
{
    (void)st;
    static const struct { const char *vendor, *fwd, *rev; } cases[] = {
        {"ios", FX("fwd_ios_ok.txt"), FX("rev_tracert_ok.txt")},
        {"junos", FX("fwd_junos_ok.txt"), FX("rev_mtr_ok.txt")},
        {"nxos", FX("fwd_nxos_ok.txt"), FX("rev_linux_ok.txt")},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        forward(cases[i].vendor, cases[i].fwd);
        reverse(cases[i].rev);
        step_result_t s = run(step_path_compare);
        expect(&s, VERDICT_PASS, "none", "symmetric: both legs cross ExpressRoute", "192.168.100.129");
        assert_true(has_line(&s, "192.168.100.130"));
        teardown(NULL);
    }
}

static void t_cmp_return_internet(void **st)
{
    (void)st;
    static const struct { const char *vendor, *fwd, *rev, *line; } cases[] = {
        {"ios", FX("fwd_ios_ok.txt"), FX("rev_tracert_internet.txt"), "1 ms  203.0.113.9"},
        {"junos", FX("fwd_junos_ok.txt"), FX("rev_mtr_internet.txt"), "2.|-- 203.0.113.9"},
        {"nxos", FX("fwd_nxos_ok.txt"), FX("rev_tracert_internet.txt"), "203.0.113.9"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        forward(cases[i].vendor, cases[i].fwd);
        reverse(cases[i].rev);
        step_result_t s = run(step_path_compare);
        expect(&s, VERDICT_FAIL, "return_via_internet",
               "the return leg leaves the ExpressRoute path at hop 2 (203.0.113.9)", cases[i].line);
        assert_true(has_line(&s, "192.168.100.130"));
        assert_true(s.n_next > 0);
        teardown(NULL);
    }
}

static void t_cmp_forward_internet(void **st)
{
    (void)st;
    static const struct { const char *vendor, *fwd, *rev; } cases[] = {
        {"ios", FX("fwd_ios_internet.txt"), FX("rev_tracert_ok.txt")},
        {"junos", FX("fwd_junos_internet.txt"), FX("rev_linux_ok.txt")},
        {"nxos", FX("fwd_nxos_internet.txt"), FX("rev_mtr_ok.txt")},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        forward(cases[i].vendor, cases[i].fwd);
        reverse(cases[i].rev);
        step_result_t s = run(step_path_compare);
        expect(&s, VERDICT_FAIL, "asymmetric_path", "the forward leg does not (it takes the internet)", "198.51.100.1");
        bool lp = false;
        for (int k = 0; k < s.n_note; k++)
            lp |= strstr(s.note[k], "local-preference 200") != NULL;
        assert_true(lp);
        teardown(NULL);
    }
}

static void t_cmp_other_link(void **st)
{
    (void)st;
    static const char *const vendors[] = {"ios", "junos", "nxos"};
    static const char *const fwd[] = {FX("fwd_ios_ok.txt"), FX("fwd_junos_ok.txt"), FX("fwd_nxos_ok.txt")};
    for (size_t i = 0; i < 3; i++) {
        forward(vendors[i], fwd[i]);
        reverse(FX("rev_linux_secondary.txt"));
        step_result_t s = run(step_path_compare);
        expect(&s, VERDICT_WARN, "asymmetric_path", "return via 192.168.100.133 (the other /30 of the /29, the secondary link)",
               "2  192.168.100.133");
        assert_non_null(strstr(s.finding, "AS-path prepending"));
        teardown(NULL);
    }
}

/* The next step names the prefix the edge holds for the on-prem source. */
static void t_cmp_return_internet_prefix(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_ok.txt"));
    reverse(FX("rev_tracert_internet.txt"));
    th_fact_fixture(&ev.onprem_route, "ios", "show ip route 172.16.0.10", FX("ios_route_onprem.txt"));
    step_result_t s = run(step_path_compare);
    expect(&s, VERDICT_FAIL, "return_via_internet", "at hop 2 (203.0.113.9)", "203.0.113.9");
    bool adv = false;
    for (int k = 0; k < s.n_note; k++)
        adv |= strstr(s.note[k], "Advertise 172.16.0.0/24 to Microsoft on the primary link") != NULL;
    assert_true(adv);
}

/* Symmetric-looking legs from a cut trace are not a PASS. */
static void t_cmp_partial(void **st)
{
    (void)st;
    forward("junos", FX("fwd_junos_ok.txt"));
    reverse(FX("rev_tracert_ok.txt"));
    ev.reverse_trace.truncated = true;
    step_result_t s = run(step_path_compare);
    expect(&s, VERDICT_WARN, "evidence_missing", "cut or partly unreadable", "192.168.100.129");
}

static void t_cmp_missing(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_ok.txt"));
    step_result_t s = run(step_path_compare);
    expect(&s, VERDICT_SKIP, "evidence_missing", "--reverse-trace FILE", NULL);
}

/* ---- edge routes ---- */

static void edge(const char *vendor, const char *route_cmd, const char *vm_fx, const char *onprem_cmd,
                 const char *onprem_fx, const char *bgp_cmd, const char *bgp_fx)
{
    use_vendor(vendor);
    th_fact_fixture(&ev.facts[PROBE_ROUTE_LOOKUP], vendor, route_cmd, vm_fx);
    if (onprem_fx)
        th_fact_fixture(&ev.onprem_route, vendor, onprem_cmd, onprem_fx);
    if (bgp_fx)
        th_fact_fixture(&ev.facts[PROBE_BGP_PREFIX], vendor, bgp_cmd, bgp_fx);
}

static void t_edge_pass_ios(void **st)
{
    (void)st;
    edge("ios", "show ip route 10.1.0.4", FX("ios_route_vm_ok.txt"), "show ip route 172.16.0.10",
         FX("ios_route_onprem.txt"), "show ip bgp 10.1.0.4", FX("ios_bgp_vm_ok.txt"));
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_PASS, "none", "bgp 10.1.0.0/16 via 192.168.100.130", "Routing entry for 10.1.0.0/16");
    assert_non_null(strstr(s.finding, "local-preference 200"));
    assert_non_null(strstr(s.finding, "12076:50004 (private peering region)"));
    assert_non_null(strstr(s.finding, "connected route 172.16.0.0/24"));
    assert_true(has_line(&s, "Community: 12076:50004"));
}

static void t_edge_pass_junos(void **st)
{
    (void)st;
    edge("junos", "show route 10.1.0.4", FX("junos_route_vm_ok.txt"), "show route 172.16.0.10",
         FX("junos_route_onprem.txt"), "show route 10.1.0.4 protocol bgp detail", FX("junos_bgp_vm_prepend.txt"));
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_PASS, "none", "learned from AS 12076", "10.1.0.0/16        *[BGP/170]");
    assert_true(has_line(&s, "AS path: 12076 12076 12076 I"));
    assert_true(has_line(&s, "172.16.0.0/24      *[Direct/0]"));
}

static void t_edge_pass_frr(void **st)
{
    (void)st;
    edge("frr", "show ip route 10.1.0.4", FX("frr_route_vm_ok.txt"), "show ip route 172.16.0.10",
         FX("frr_route_onprem.txt"), "show bgp ipv4 unicast 10.1.0.4", FX("frr_bgp_vm_ok.txt"));
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_PASS, "none", "AS path \"12076\", local-preference 200", "* 192.168.100.130, via eth1");
}

static void edge_leak(const char *vendor, const char *cmd, const char *fx, const char *line)
{
    edge(vendor, cmd, fx, NULL, NULL, NULL, NULL);
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_FAIL, "asymmetric_path", "the edge sends Azure traffic to its internet default", line);
    assert_non_null(strstr(s.finding, "0.0.0.0/0 (static via 198.51.100.1)"));
    bool lp = false;
    for (int k = 0; k < s.n_note; k++)
        lp |= strstr(s.note[k], "local-preference 200 on routes from 12076") != NULL;
    assert_true(lp);
}

static void t_edge_leak_ios(void **st) { (void)st; edge_leak("ios", "show ip route 10.1.0.4", FX("ios_route_vm_leak.txt"), "* 198.51.100.1"); }
static void t_edge_leak_junos(void **st) { (void)st; edge_leak("junos", "show route 10.1.0.4", FX("junos_route_vm_leak.txt"), "0.0.0.0/0          *[Static/5]"); }
static void t_edge_leak_frr(void **st) { (void)st; edge_leak("frr", "show ip route 10.1.0.4", FX("frr_route_vm_leak.txt"), "Routing entry for 0.0.0.0/0"); }

/* The VM prefix learned from somewhere else than the MSEE: a VPN or another circuit via the IGP. */
static void t_edge_other_path_ios(void **st)
{
    (void)st;
    use_vendor("ios");
    th_fact(&ev.facts[PROBE_ROUTE_LOOKUP], "ios", "show ip route 10.1.0.4",
            "Routing entry for 10.1.0.0/16\n"
            "  Known via \"ospf 1\", distance 110, metric 20, type extern 2, forward metric 1\n"
            "  Last update from 172.16.0.254 on GigabitEthernet0/0/2, 00:12:01 ago\n"
            "  Routing Descriptor Blocks:\n"
            "  * 172.16.0.254, from 10.255.255.9, 00:12:01 ago, via GigabitEthernet0/0/2\n"
            "      Route metric is 20, traffic share count is 1\n");
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_WARN, "asymmetric_path", "not learned from AS 12076 via 192.168.100.130", "172.16.0.254");
}

static void t_edge_other_path_frr(void **st)
{
    (void)st;
    use_vendor("frr");
    th_fact(&ev.facts[PROBE_ROUTE_LOOKUP], "frr", "show ip route 10.1.0.4",
            "Routing entry for 10.1.0.0/16\n"
            "  Known via \"ospf\", distance 110, metric 20, best\n"
            "  Last update 00:12:01 ago\n"
            "  * 172.16.0.254, via eth0, weight 1\n\n");
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_WARN, "asymmetric_path", "ospf 10.1.0.0/16 via 172.16.0.254", "* 172.16.0.254, via eth0");
}

/* The on-prem source itself routed towards Microsoft: replies would loop back to Azure. */
static void t_edge_onprem_via_msee_junos(void **st)
{
    (void)st;
    edge("junos", "show route 10.1.0.4", FX("junos_route_vm_ok.txt"), NULL, NULL, NULL, NULL);
    th_fact(&ev.onprem_route, "junos", "show route 172.16.0.10",
            "\ninet.0: 12 destinations, 12 routes (12 active, 0 holddown, 0 hidden)\n"
            "+ = Active Route, - = Last Active, * = Both\n\n"
            "172.16.0.0/16      *[BGP/170] 00:05:11, localpref 100\n"
            "                      AS path: 12076 I, validation-state: unverified\n"
            "                    >  to 192.168.100.130 via ge-0/0/0.0\n");
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_WARN, "asymmetric_path", "not routed locally: replies to it would head back to Microsoft",
           "172.16.0.0/16      *[BGP/170]");
    assert_non_null(strstr(s.finding, "bgp route 172.16.0.0/16 via 192.168.100.130"));
}

/* The RIB says bgp via the MSEE, but the best BGP path is another AS's (a VPN / another circuit). */
static void t_edge_best_path_elsewhere_ios(void **st)
{
    (void)st;
    edge("ios", "show ip route 10.1.0.4", FX("ios_route_vm_ok.txt"), "show ip route 172.16.0.10",
         FX("ios_route_onprem.txt"), NULL, NULL);
    th_fact(&ev.facts[PROBE_BGP_PREFIX], "ios", "show ip bgp 10.1.0.4",
            "BGP routing table entry for 10.1.0.0/16, version 57\n"
            "Paths: (2 available, best #1, table default)\n"
            "  Refresh Epoch 1\n"
            "  65020 65515\n"
            "    172.16.0.254 from 172.16.0.254 (10.255.255.9)\n"
            "      Origin IGP, metric 0, localpref 300, valid, internal, best\n"
            "  Refresh Epoch 1\n"
            "  12076\n"
            "    192.168.100.130 from 192.168.100.130 (10.255.255.11)\n"
            "      Origin IGP, metric 0, localpref 100, valid, external\n"
            "      Community: 12076:50004\n");
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_WARN, "asymmetric_path", "not one from AS 12076", "65020 65515");
    assert_non_null(strstr(s.finding, "local-preference 300"));
}

static void t_edge_missing(void **st)
{
    (void)st;
    use_vendor("ios");
    step_result_t s = run(step_edge_routes);
    expect(&s, VERDICT_SKIP, "evidence_missing", "route lookup for the Azure VM: not collected", NULL);
}

/* ---- Azure effective routes ---- */

#define AZ_CMD "az network nic show-effective-route-table -g rg-app -n vm1-nic -o json"
#define PS_CMD "Get-AzEffectiveRouteTable -ResourceGroupName rg-app -NetworkInterfaceName vm1-nic | ConvertTo-Json"

static step_result_t azure(const char *cmd, const char *fx)
{
    use_vendor("ios");
    th_fact_fixture(&ev.azure_routes, "azure", cmd, fx);
    return run(step_azure_routes);
}

static void t_az_pass(void **st)
{
    (void)st;
    step_result_t s = azure(AZ_CMD, FX("az_ok.json"));
    expect(&s, VERDICT_PASS, "none", "VirtualNetworkGateway route 172.16.0.0/16 -> VirtualNetworkGateway",
           "\"192.168.100.130\"");
}

static void t_az_udr_nva(void **st)
{
    (void)st;
    step_result_t s = azure(AZ_CMD, FX("az_udr_nva.json"));
    expect(&s, VERDICT_FAIL, "forced_tunneling", "through the virtual appliance 10.1.250.4", "\"name\": \"onprem-via-fw\"");
    assert_non_null(strstr(s.finding, "Invalid"));
    bool del = false;
    for (int k = 0; k < s.n_note; k++)
        del |= strstr(s.note[k], "az network route-table route delete") && strstr(s.note[k], "onprem-via-fw");
    assert_true(del);
}

static void t_az_udr_internet_ps(void **st)
{
    (void)st;
    step_result_t s = azure(PS_CMD, FX("ps_udr_internet.json"));
    expect(&s, VERDICT_FAIL, "return_via_internet", "User route 172.16.0.0/16 onprem-direct -> Internet",
           "\"Name\":  \"onprem-direct\"");
}

static void t_az_default_nva(void **st)
{
    (void)st;
    step_result_t s = azure(AZ_CMD, FX("az_default_nva.json"));
    expect(&s, VERDICT_WARN, "forced_tunneling", "forced tunneling only for internet-bound traffic is fine",
           "\"name\": \"default-to-fw\"");
}

static void t_az_gateway_invalid(void **st)
{
    (void)st;
    step_result_t s = azure(AZ_CMD, FX("az_gw_invalid.json"));
    expect(&s, VERDICT_FAIL, "forced_tunneling", "the gateway route for the on-prem prefix is Invalid: overridden",
           "\"name\": \"blackhole-onprem\"");
    assert_true(has_line(&s, "\"192.168.100.130\""));
}

/* No gateway route at all (the on-prem prefix is not advertised): the system default wins. */
static void t_az_no_gateway_route(void **st)
{
    (void)st;
    use_vendor("ios");
    th_fact_fixture(&ev.onprem_route, "ios", "show ip route 172.16.0.10", FX("ios_route_onprem.txt"));
    th_fact(&ev.azure_routes, "azure", AZ_CMD,
            "[\n"
            "  {\n"
            "    \"addressPrefix\": [\n      \"10.1.0.0/16\"\n    ],\n"
            "    \"disableBgpRoutePropagation\": false,\n    \"name\": null,\n    \"nextHopIpAddress\": [],\n"
            "    \"nextHopType\": \"VnetLocal\",\n    \"source\": \"Default\",\n    \"state\": \"Active\"\n"
            "  },\n"
            "  {\n"
            "    \"addressPrefix\": [\n      \"0.0.0.0/0\"\n    ],\n"
            "    \"disableBgpRoutePropagation\": false,\n    \"name\": null,\n    \"nextHopIpAddress\": [],\n"
            "    \"nextHopType\": \"Internet\",\n    \"source\": \"Default\",\n    \"state\": \"Active\"\n"
            "  }\n"
            "]\n");
    step_result_t s = run(step_azure_routes);
    expect(&s, VERDICT_FAIL, "return_via_internet", "no gateway route covers it", "\"nextHopType\": \"Internet\"");
    bool adv = false;
    for (int k = 0; k < s.n_note; k++)
        adv |= strstr(s.note[k], "Advertise 172.16.0.0/24 to Microsoft") != NULL;
    assert_true(adv);
}

static void t_az_missing(void **st)
{
    (void)st;
    step_result_t s = run(step_azure_routes);
    expect(&s, VERDICT_SKIP, "not_applicable", /* optional evidence: no UNKNOWN for it */
           "az network nic show-effective-route-table -g <rg> -n <nic> -o json > routes.json", NULL);
    assert_non_null(strstr(s.finding, "--azure-routes routes.json"));
}

/* ---- the whole runbook: the right root cause first ---- */

static void t_runbook_return_via_internet(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_ok.txt"));
    reverse(FX("rev_tracert_internet.txt"));
    th_fact_fixture(&ev.facts[PROBE_ROUTE_LOOKUP], "ios", "show ip route 10.1.0.4", FX("ios_route_vm_ok.txt"));
    th_fact_fixture(&ev.facts[PROBE_BGP_PREFIX], "ios", "show ip bgp 10.1.0.4", FX("ios_bgp_vm_ok.txt"));
    th_fact_fixture(&ev.onprem_route, "ios", "show ip route 172.16.0.10", FX("ios_route_onprem.txt"));
    th_fact_fixture(&ev.azure_routes, "azure", PS_CMD, FX("ps_udr_internet.json"));
    runbook_result_t r;
    runbook_evaluate(RUNBOOK_ASYM, &ev, &r);
    assert_int_equal(r.n_steps, 5);
    assert_string_equal(r.status, "CRITICAL");
    assert_true(r.n_causes > 0);
    assert_string_equal(r.steps[r.causes[0]].cause, "return_via_internet");
    assert_int_equal(r.steps[0].verdict, VERDICT_PASS);
    assert_int_equal(r.steps[3].verdict, VERDICT_PASS);
}

static void t_runbook_healthy(void **st)
{
    (void)st;
    forward("ios", FX("fwd_ios_ok.txt"));
    reverse(FX("rev_tracert_ok.txt"));
    th_fact_fixture(&ev.facts[PROBE_ROUTE_LOOKUP], "ios", "show ip route 10.1.0.4", FX("ios_route_vm_ok.txt"));
    th_fact_fixture(&ev.facts[PROBE_BGP_PREFIX], "ios", "show ip bgp 10.1.0.4", FX("ios_bgp_vm_ok.txt"));
    th_fact_fixture(&ev.onprem_route, "ios", "show ip route 172.16.0.10", FX("ios_route_onprem.txt"));
    th_fact_fixture(&ev.azure_routes, "azure", AZ_CMD, FX("az_ok.json"));
    runbook_result_t r;
    runbook_evaluate(RUNBOOK_ASYM, &ev, &r);
    for (int i = 0; i < r.n_steps; i++)
        if (r.steps[i].verdict != VERDICT_PASS)
            print_error("%s: %s %s\n", r.steps[i].id, verdict_name(r.steps[i].verdict), r.steps[i].finding);
    assert_string_equal(r.status, "OK");
    assert_int_equal(r.n_causes, 0);
}

static void t_runbook_forced_tunnel(void **st)
{
    (void)st;
    forward("junos", FX("fwd_junos_ok.txt"));
    th_fact_fixture(&ev.facts[PROBE_ROUTE_LOOKUP], "junos", "show route 10.1.0.4", FX("junos_route_vm_ok.txt"));
    th_fact_fixture(&ev.azure_routes, "azure", AZ_CMD, FX("az_udr_nva.json"));
    runbook_result_t r;
    runbook_evaluate(RUNBOOK_ASYM, &ev, &r);
    assert_string_equal(r.status, "CRITICAL");
    assert_string_equal(r.steps[r.causes[0]].cause, "forced_tunneling");
    assert_int_equal(r.steps[1].verdict, VERDICT_SKIP); /* no reverse trace given */
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(t_fwd_pass_ios), T(t_fwd_pass_junos), T(t_fwd_pass_nxos), T(t_fwd_pass_host),
        T(t_fwd_internet_ios), T(t_fwd_internet_junos), T(t_fwd_internet_nxos),
        T(t_fwd_noreach_ios), T(t_fwd_noreach_junos), T(t_fwd_noreach_nxos), T(t_fwd_partial),
        T(t_fwd_missing), T(t_fwd_timeout),
        T(t_rev_pass_linux), T(t_rev_v6), T(t_rev_pass_tracert), T(t_rev_pass_mtr),
        T(t_rev_internet_tracert), T(t_rev_internet_mtr), T(t_rev_internet_linux), T(t_rev_other_private_path), T(t_rev_noreach), T(t_rev_missing),
        T(t_cmp_pass), T(t_cmp_return_internet), T(t_cmp_forward_internet), T(t_cmp_other_link), T(t_cmp_return_internet_prefix),
        T(t_cmp_partial), T(t_cmp_missing),
        T(t_edge_pass_ios), T(t_edge_pass_junos), T(t_edge_pass_frr),
        T(t_edge_leak_ios), T(t_edge_leak_junos), T(t_edge_leak_frr),
        T(t_edge_other_path_ios), T(t_edge_other_path_frr), T(t_edge_onprem_via_msee_junos), T(t_edge_best_path_elsewhere_ios),
        T(t_edge_missing),
        T(t_az_pass), T(t_az_udr_nva), T(t_az_udr_internet_ps), T(t_az_default_nva), T(t_az_gateway_invalid), T(t_az_no_gateway_route),
        T(t_az_missing),
        T(t_runbook_return_via_internet), T(t_runbook_healthy), T(t_runbook_forced_tunnel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
