/* test_addressing.c: the IP-addressing step of the BGP runbook on IOS, Junos, NX-OS and EOS
 * (IPv6 /126). */
#include "tests/framework/physical_common.h"

/* Interfaces, configuration and (optionally) the neighbor detail of one router. */
static ctx_t *router(const char *vendor, const char *subnet, const char *local, const char *peer, const char *ifaces,
                     const char *config, const char *neighbor)
{
    ctx_t *c = ctx_new(vendor, subnet, local, peer);
    const cmds_t *k = cmds(vendor);
    if (ifaces)
        load(&c->ev.facts[PROBE_INTERFACES], vendor, k->ifaces, ifaces, 0);
    if (config)
        load(&c->ev.facts[PROBE_BGP_CONFIG], vendor, k->config, config, 0);
    if (neighbor)
        load(&c->ev.facts[PROBE_BGP_NEIGHBOR], vendor, k->neighbor, neighbor, 0);
    run(c, step_addressing, "addressing");
    return c;
}

static void check(const char *vendor, const char *ifaces, const char *config, const char *neighbor, verdict_t v,
                  const char *cause, const char *finding, const char *evidence)
{
    ctx_t *c = router(vendor, "192.168.100.128/30", "192.168.100.129", "192.168.100.130", ifaces, config, neighbor);
    expect(c, v, cause, finding, evidence);
    ctx_free(c);
}

static void test_right_pass(void **state)
{
    (void)state;
    const char *right = "holds 192.168.100.129/30 in the assigned subnet 192.168.100.128/30: customer .129 first usable, Microsoft .130 second";
    check("ios", "ios_if_t0.txt", "ios_bgpcfg_ok.txt", "ios_bgpnei_ok.txt", VERDICT_PASS, "none", right,
          "Internet address is 192.168.100.129/30");
    ctx_t *c = router("ios", "192.168.100.128/30", "192.168.100.129", "192.168.100.130", "ios_if_t0.txt", "ios_bgpcfg_ok.txt",
                      "ios_bgpnei_ok.txt");
    expect(c, VERDICT_PASS, "none", "neighbor 192.168.100.130 (primary link)", "neighbor 192.168.100.130 remote-as 12076");
    expect(c, VERDICT_PASS, "none", NULL, "Local host: 192.168.100.129, Local port: 179");
    ctx_free(c);
    check("junos", "junos_if_t0.txt", "junos_bgpcfg_ok.txt", "junos_bgpnei_ok.txt", VERDICT_PASS, "none", right,
          "Destination: 192.168.100.128/30, Local: 192.168.100.129");
    check("nxos", "nxos_if_t0.txt", "nxos_bgpcfg_ok.txt", NULL, VERDICT_PASS, "none", right, "Internet Address is 192.168.100.129/30");
}

static void test_ipv6_126(void **state)
{
    (void)state;
    ctx_t *c = router("eos", "2001:db8:7c1e::/126", "2001:db8:7c1e::1", "2001:db8:7c1e::2", "eos_if_v6_ok.txt",
                      "eos_bgpcfg_v6_ok.txt", NULL);
    expect(c, VERDICT_PASS, "none", "Ethernet1 holds 2001:db8:7c1e::1/126 in the assigned subnet 2001:db8:7c1e::/126: customer 2001:db8:7c1e::1 first usable, Microsoft 2001:db8:7c1e::2 second",
           "2001:db8:7c1e::1, subnet is 2001:db8:7c1e::/126");
    ctx_free(c);
    c = router("eos", "2001:db8:7c1e::/126", "2001:db8:7c1e::1", "2001:db8:7c1e::2", "eos_if_v6_swapped.txt",
               "eos_bgpcfg_v6_swapped.txt", NULL);
    expect(c, VERDICT_FAIL, "address_swapped", "Ethernet1 holds 2001:db8:7c1e::2/126, Microsoft's address (second usable) and peers with 2001:db8:7c1e::1",
           "neighbor 2001:db8:7c1e::1 remote-as 12076");
    ctx_free(c);
}

static void test_swapped(void **state)
{
    (void)state;
    const char *swapped = "holds 192.168.100.130/30, Microsoft's address (second usable) and peers with 192.168.100.129 (the customer's)";
    check("ios", "ios_if_swapped.txt", "ios_bgpcfg_swapped.txt", NULL, VERDICT_FAIL, "address_swapped", swapped,
          "Internet address is 192.168.100.130/30");
    check("junos", "junos_if_swapped.txt", "junos_bgpcfg_swapped.txt", NULL, VERDICT_FAIL, "address_swapped", swapped,
          "neighbor 192.168.100.129 {");
    check("nxos", "nxos_if_swapped.txt", "nxos_bgpcfg_swapped.txt", NULL, VERDICT_FAIL, "address_swapped",
          "Ethernet1/1 holds 192.168.100.130/30, Microsoft's address", "Internet Address is 192.168.100.130/30");
}

static void test_wrong_subnet(void **state)
{
    (void)state;
    /* The router sits on .136/30: found through the configured Microsoft neighbor .138. */
    const char *wrong = "has 192.168.100.137/30 (network 192.168.100.136/30); the assigned subnet is 192.168.100.128/30";
    check("ios", "ios_if_wrong30.txt", "ios_bgpcfg_wrong30.txt", NULL, VERDICT_FAIL, "subnet_mismatch", wrong,
          "Internet address is 192.168.100.137/30");
    check("junos", "junos_if_wrong30.txt", "junos_bgpcfg_wrong30.txt", NULL, VERDICT_FAIL, "subnet_mismatch", wrong,
          "neighbor 192.168.100.138 {");
    check("nxos", "nxos_if_wrong30.txt", "nxos_bgpcfg_wrong30.txt", NULL, VERDICT_FAIL, "subnet_mismatch", wrong,
          "Internet Address is 192.168.100.137/30");
    /* Nothing leads to an interface: still the wrong subnet, said in words. */
    check("ios", "ios_if_wrong30.txt", NULL, NULL, VERDICT_FAIL, "subnet_mismatch",
          "no interface holds an address in the assigned subnet 192.168.100.128/30", NULL);
}

static void test_peer_outside_subnet(void **state)
{
    (void)state;
    /* The interface is right, but the Microsoft neighbor configured is the secondary link's. */
    check("ios", "ios_if_t0.txt", "ios_bgpcfg_outside.txt", NULL, VERDICT_FAIL, "subnet_mismatch",
          "neighbor 192.168.100.134 is configured, outside the assigned subnet 192.168.100.128/30",
          "neighbor 192.168.100.134 remote-as 12076");
}

static void test_addressing_missing(void **state)
{
    (void)state;
    ctx_t *c = router("ios", "192.168.100.128/30", "192.168.100.129", "192.168.100.130", NULL, "ios_bgpcfg_ok.txt", NULL);
    expect(c, VERDICT_SKIP, "evidence_missing", "interfaces: not collected", NULL);
    ctx_free(c);
    /* The address is right, but without the configuration the peer is unchecked: no PASS. */
    c = ctx_std("junos");
    load(&c->ev.facts[PROBE_INTERFACES], "junos", "show interfaces extensive", "junos_if_t0.txt", 0);
    failed(&c->ev.facts[PROBE_BGP_CONFIG], "show configuration protocols bgp", PERR_TIMEOUT, "");
    run(c, step_addressing, "addressing");
    expect(c, VERDICT_SKIP, "evidence_missing", "xe-0/1/0.0 holds 192.168.100.129/30 as it should, but the configured peer could not be checked", NULL);
    assert_non_null(strstr(c->s.finding, "timed out"));
    ctx_free(c);
    /* Interface output cut in another interface's block: the one judged from is whole. */
    c = router("ios", "192.168.100.128/30", "192.168.100.129", "192.168.100.130", "ios_if_partial.txt", "ios_bgpcfg_ok.txt", NULL);
    expect(c, VERDICT_PASS, "none", "GigabitEthernet0/0/0.100 holds 192.168.100.129/30 in the assigned subnet", NULL);
    ctx_free(c);
    c = router("nxos", NULL, NULL, "192.168.100.130", "nxos_if_t0.txt", "nxos_bgpcfg_ok.txt", NULL);
    expect(c, VERDICT_SKIP, "evidence_missing", "no subnet in the inventory", NULL);
    ctx_free(c);
}

/* An interface output cut before any interface holds the subnet: the address may be past
 * the cut, so no subnet_mismatch. */
static void test_absent_from_cut_output(void **state)
{
    (void)state;
    ctx_t *c = ctx_std("ios");
    th_fact(&c->ev.facts[PROBE_INTERFACES], "ios", "show interfaces",
            "Loopback0 is up, line protocol is up \n"
            "  Hardware is Loopback\n"
            "  Internet address is 10.255.0.1/32\n"
            "  MTU 1514 bytes, BW 8000000 Kbit/sec, DLY 5000 usec, \n"
            "  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0\n");
    load(&c->ev.facts[PROBE_BGP_CONFIG], "ios", cmds("ios")->config, "ios_bgpcfg_ok.txt", 0);
    run(c, step_addressing, "addressing");
    expect(c, VERDICT_SKIP, "evidence_missing", "an interface address in 192.168.100.128/30 not seen: the output of "
           "'show interfaces' was cut (the last interface block ends before its output counters)", NULL);
    ctx_free(c);
}

/* FRR: an unknown line in a header (a) or in another interface's block (b) leaves the PASS
 * as it is; in the peering interface's block (c) the address was read: PASS, naming the line. */
static void test_unknown_line(void **state)
{
    (void)state;
    const char *right = "ens1f0 holds 192.168.100.129/30 in the assigned subnet 192.168.100.128/30";
    static const char *const elsewhere[] = {"frr_if_ok.txt", "frr_if_unknown_header.txt", "frr_if_unknown_other.txt"};
    for (size_t i = 0; i < 3; i++) {
        ctx_t *c = router("frr", "192.168.100.128/30", "192.168.100.129", "192.168.100.130", elsewhere[i],
                          "frr_bgpcfg_ok.txt", NULL);
        expect(c, VERDICT_PASS, "none", right, "inet 192.168.100.129/30");
        assert_null(strstr(c->s.finding, "could not be read"));
        ctx_free(c);
    }
    ctx_t *c = router("frr", "192.168.100.128/30", "192.168.100.129", "192.168.100.130", "frr_if_unknown_used.txt",
                      "frr_bgpcfg_ok.txt", NULL);
    expect(c, VERDICT_PASS, "none", right, "inet 192.168.100.129/30");
    assert_non_null(strstr(c->s.finding, "ens1f0's block in 'show interface': line 10 (\"Zebra-Dplane-state: installed\") "
                                         "could not be read"));
    ctx_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_right_pass),
        cmocka_unit_test(test_absent_from_cut_output),
        cmocka_unit_test(test_unknown_line),
        cmocka_unit_test(test_ipv6_126),
        cmocka_unit_test(test_swapped),
        cmocka_unit_test(test_wrong_subnet),
        cmocka_unit_test(test_peer_outside_subnet),
        cmocka_unit_test(test_addressing_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
