/* test_physical.c: the physical-layer and ARP steps of the BGP runbook on IOS, Junos and NX-OS
 * (and EOS, whose per-peer ARP command no parser reads). */
#include "tests/framework/physical_common.h"

/* ---- physical: two polls a minute apart ---- */

static ctx_t *polls(const char *vendor, const char *before, const char *now)
{
    ctx_t *c = ctx_std(vendor);
    const char *cmd = cmds(vendor)->ifaces;
    if (before)
        load(&c->ev.earlier[PROBE_INTERFACES], vendor, cmd, before, 100.0);
    load(&c->ev.facts[PROBE_INTERFACES], vendor, cmd, now, 160.0);
    run(c, step_physical, "physical");
    return c;
}

static void check_polls(const char *vendor, const char *before, const char *now, verdict_t v, const char *cause,
                        const char *finding, const char *evidence)
{
    ctx_t *c = polls(vendor, before, now);
    expect(c, v, cause, finding, evidence);
    ctx_free(c);
}

static void test_steady_pass(void **state)
{
    (void)state;
    check_polls("ios", "ios_if_t0.txt", "ios_if_t1.txt", VERDICT_PASS, "none", "GigabitEthernet0/0/0.100 holds 192.168.100.128/30 and is up/up on GigabitEthernet0/0/0; counters steady between the two polls (25 CRC errors in total, none new)",
                "GigabitEthernet0/0/0.100 is up, line protocol is up");
    check_polls("junos", "junos_if_t0.txt", "junos_if_t1.txt", VERDICT_PASS, "none", "xe-0/1/0.0 holds 192.168.100.128/30 and is up/up on xe-0/1/0",
                "Physical interface: xe-0/1/0, Enabled, Physical link is Up");
    check_polls("nxos", "nxos_if_t0.txt", "nxos_if_t1.txt", VERDICT_PASS, "none", "Ethernet1/1 holds 192.168.100.128/30 and is up/up; counters steady",
                "Ethernet1/1 is up");
}

/* A port whose name is the start of another's is not confused with it. */
static void test_name_boundaries(void **state)
{
    (void)state;
    ctx_t *c = ctx_std("nxos");
    th_fact(&c->ev.facts[PROBE_INTERFACES], "nxos", "show interface",
            "Ethernet1/10 is down (Link not connected)\n"
            "admin state is up, Dedicated Interface\n"
            "  Description: spare, was Ethernet1/1 before the move\n"
            "  Last clearing of \"show interface\" counters never\n"
            "  0 interface resets\n"
            "\n"
            "Ethernet1/1 is up\n"
            "admin state is up, Dedicated Interface\n"
            "  Internet Address is 192.168.100.129/30\n"
            "  Last clearing of \"show interface\" counters never\n"
            "  0 interface resets\n");
    run(c, step_physical, "physical");
    expect(c, VERDICT_PASS, "none", "Ethernet1/1 holds 192.168.100.128/30 and is up/up", "Ethernet1/1 is up");
    assert_string_equal(c->s.evidence[0].line, "Ethernet1/1 is up");
    ctx_free(c);
}

static void test_crc_rising_fail(void **state)
{
    (void)state;
    /* IOS: +4000 CRC in a minute (4000/min, 16.7% of 24000 packets). */
    check_polls("ios", "ios_if_t0.txt", "ios_if_crc_fail.txt", VERDICT_FAIL, "interface_errors",
                "GigabitEthernet0/0/0 errors are rising: +4000 CRC errors (4000.0/min), +4000 input errors", "4025 input errors, 4025 CRC");
    check_polls("junos", "junos_if_t0.txt", "junos_if_crc_fail.txt", VERDICT_FAIL, "interface_errors", "+6200 CRC errors", "CRC/Align errors                   6200");
    check_polls("nxos", "nxos_if_t0.txt", "nxos_if_crc_fail.txt", VERDICT_FAIL, "interface_errors", "+900 CRC errors (900.0/min)", "900 CRC");
}

/* Both polls are quoted, from the same line: the growth is visible in the evidence. */
static void test_growth_quotes_both_polls(void **state)
{
    (void)state;
    ctx_t *c = polls("junos", "junos_if_t0.txt", "junos_if_crc_fail.txt");
    assert_int_equal(c->s.n_evidence, 2);
    assert_string_equal(c->s.evidence[0].line, "CRC/Align errors                   6200                0");
    assert_string_equal(c->s.evidence[1].line, "CRC/Align errors                   0                0");
    ctx_free(c);
    c = polls("ios", "ios_if_t0.txt", "ios_if_flap.txt");
    assert_string_equal(c->s.evidence[0].line, "6 carrier transitions");
    assert_string_equal(c->s.evidence[1].line, "4 carrier transitions");
    ctx_free(c);
}

static void test_crc_rising_warn(void **state)
{
    (void)state;
    /* A few errors in 24000 packets: under 0.1% and under 100/min, but still rising. */
    check_polls("ios", "ios_if_t0.txt", "ios_if_crc_warn.txt", VERDICT_WARN, "interface_errors", "+3 CRC errors (3.0/min)", "28 input errors, 28 CRC");
    check_polls("junos", "junos_if_t0.txt", "junos_if_crc_warn.txt", VERDICT_WARN, "interface_errors", "+4 CRC errors", "CRC/Align errors");
    check_polls("nxos", "nxos_if_t0.txt", "nxos_if_crc_warn.txt", VERDICT_WARN, "interface_errors", "+5 CRC errors (5.0/min), +5 input errors", "0 runts  0 giants  5 CRC  0 no buffer");
}

static void test_flapping_warn(void **state)
{
    (void)state;
    check_polls("ios", "ios_if_t0.txt", "ios_if_flap.txt", VERDICT_WARN, "interface_errors", "+2 carrier transitions (2.0/min), +1 interface resets",
                "6 carrier transitions");
    check_polls("junos", "junos_if_t0.txt", "junos_if_flap.txt", VERDICT_WARN, "interface_errors", "+2 carrier transitions", "Carrier transitions: 3");
    check_polls("nxos", "nxos_if_t0.txt", "nxos_if_flap.txt", VERDICT_WARN, "interface_errors", "+2 interface resets", "5 interface resets");
}

static void test_admin_down(void **state)
{
    (void)state;
    check_polls("ios", NULL, "ios_if_admin_down.txt", VERDICT_FAIL, "link_down", "GigabitEthernet0/0/0 is administratively down",
                "GigabitEthernet0/0/0 is administratively down, line protocol is down");
    check_polls("junos", NULL, "junos_if_admin_down.txt", VERDICT_FAIL, "link_down", "xe-0/1/0 is administratively down",
                "Physical interface: xe-0/1/0, Administratively down, Physical link is Down");
    check_polls("nxos", NULL, "nxos_if_admin_down.txt", VERDICT_FAIL, "link_down", "Ethernet1/1 is administratively down",
                "Ethernet1/1 is down (Administratively down)");
}

static void test_oper_down(void **state)
{
    (void)state;
    check_polls("ios", "ios_if_t0.txt", "ios_if_proto_down.txt", VERDICT_FAIL, "link_down", "GigabitEthernet0/0/0 is up, line protocol down",
                "GigabitEthernet0/0/0 is up, line protocol is down");
    check_polls("junos", "junos_if_t0.txt", "junos_if_link_down.txt", VERDICT_FAIL, "link_down", "xe-0/1/0 is down",
                "Physical interface: xe-0/1/0, Enabled, Physical link is Down");
    check_polls("nxos", "nxos_if_t0.txt", "nxos_if_link_down.txt", VERDICT_FAIL, "link_down", "Ethernet1/1 is down (\"down (Link not connected)\")",
                "Ethernet1/1 is down (Link not connected)");
}

static void test_totals_only(void **state)
{
    (void)state;
    /* One poll: 25 CRC in 112 million packets is old damage, noted; 0.8% WARNs. */
    check_polls("ios", NULL, "ios_if_t0.txt", VERDICT_PASS, "none", "25 CRC errors in total, a small share of traffic (no earlier poll",
                "25 input errors, 25 CRC");
    check_polls("ios", NULL, "ios_if_bigtotal.txt", VERDICT_WARN, "interface_errors",
                "900000 CRC errors in total (0.80% of input packets); no earlier poll", "900000 input errors");
    check_polls("nxos", NULL, "nxos_if_t0.txt", VERDICT_PASS, "none", "no error counted (no earlier poll)", "Ethernet1/1 is up");
    /* Counters that went backwards were cleared: growth cannot be measured. */
    check_polls("junos", "junos_if_crc_fail.txt", "junos_if_t0.txt", VERDICT_PASS, "none", "counters were cleared between the polls", NULL);
}

static void test_physical_missing(void **state)
{
    (void)state;
    ctx_t *c = ctx_std("ios");
    run(c, step_physical, "physical");
    expect(c, VERDICT_SKIP, "evidence_missing", "interfaces: not collected", NULL);
    failed(&c->ev.facts[PROBE_INTERFACES], "show interfaces", PERR_TIMEOUT, "no prompt within 20 s");
    run(c, step_physical, "physical");
    expect(c, VERDICT_SKIP, "evidence_missing", "'show interfaces' failed", NULL);
    assert_non_null(strstr(c->s.finding, "no prompt within 20 s"));
    ctx_free(c);
}

/* The output was cut short in another interface's block (Loopback0, last): the interfaces
 * judged from are whole, so a healthy link is called healthy. */
static void test_cut_elsewhere_pass(void **state)
{
    (void)state;
    check_polls("ios", "ios_if_t0.txt", "ios_if_partial.txt", VERDICT_PASS, "none",
                "GigabitEthernet0/0/0.100 holds 192.168.100.128/30 and is up/up on GigabitEthernet0/0/0", NULL);
}

/* The port itself was cut before its counters: they decide between PASS and
 * interface_errors, so no PASS, and the SKIP says where the answer stopped. */
static void test_port_cut_skip(void **state)
{
    (void)state;
    check_polls("ios", NULL, "ios_if_port_cut.txt", VERDICT_SKIP, "evidence_missing",
                "the error counters of GigabitEthernet0/0/0 not shown, and the block in 'show interfaces' that would "
                "show it was not read whole: it was cut short (the last interface block ends before its output counters)",
                NULL);
}

/* One line the parser does not know, in FRR's show interface: in a header (a) or in another
 * interface's block (b) it does not concern the step: PASS, and nothing said.  In the block
 * of the interface judged from (c) the state and counters were read all the same: PASS, and
 * the finding names the line. */
static void test_unknown_line(void **state)
{
    (void)state;
    static const char *const elsewhere[] = {"frr_if_unknown_header.txt", "frr_if_unknown_other.txt"};
    for (size_t i = 0; i < 2; i++) {
        ctx_t *c = polls("frr", NULL, elsewhere[i]);
        expect(c, VERDICT_PASS, "none", "ens1f0 holds 192.168.100.128/30 and is up/up; no error counted", "Interface ens1f0 is up");
        assert_null(strstr(c->s.finding, "could not be read"));
        assert_true(c->ev.facts[PROBE_INTERFACES].partial); /* the output still says so */
        ctx_free(c);
    }
    ctx_t *c = polls("frr", NULL, "frr_if_unknown_used.txt");
    expect(c, VERDICT_PASS, "none",
           "; ens1f0's block in 'show interface': line 10 (\"Zebra-Dplane-state: installed\") could not be read; "
           "judged from the lines that were read", "Interface ens1f0 is up");
    ctx_free(c);
}

static void test_no_interface_holds_subnet(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("junos", "10.9.9.0/30", "10.9.9.1", "10.9.9.2");
    load(&c->ev.facts[PROBE_INTERFACES], "junos", "show interfaces extensive", "junos_if_t0.txt", 0);
    run(c, step_physical, "physical");
    expect(c, VERDICT_SKIP, "evidence_missing", "no interface in 'show interfaces extensive' holds 10.9.9.0/30", NULL);
    ctx_free(c);
}

static void test_found_by_name(void **state)
{
    (void)state;
    /* The router's /30 is wrong (addressing says so), but the inventory names the interface. */
    ctx_t *c = ctx_std("nxos");
    snprintf(c->dev.interface, sizeof(c->dev.interface), "Ethernet1/1");
    load(&c->ev.earlier[PROBE_INTERFACES], "nxos", "show interface", "nxos_if_wrong30.txt", 0);
    load(&c->ev.facts[PROBE_INTERFACES], "nxos", "show interface", "nxos_if_wrong30.txt", 60);
    run(c, step_physical, "physical");
    expect(c, VERDICT_PASS, "none", "Ethernet1/1 holds 192.168.100.128/30 and is up/up", "Ethernet1/1 is up");
    ctx_free(c);
}

/* ---- ARP ---- */

static void check_arp(const char *vendor, const char *peer, const char *fixture, verdict_t v, const char *cause,
                      const char *finding, const char *evidence)
{
    ctx_t *c = ctx_new(vendor, "192.168.100.128/30", NULL, peer);
    load(&c->ev.facts[PROBE_ARP], vendor, cmds(vendor)->arp, fixture, 0);
    run(c, step_arp, "arp");
    expect(c, v, cause, finding, evidence);
    ctx_free(c);
}

static void test_arp_present(void **state)
{
    (void)state;
    check_arp("ios", "192.168.100.130", "ios_arp_ok.txt", VERDICT_PASS, "none",
              "ARP entry for 192.168.100.130 resolves to 00:12:f2:a1:0c:01 on GigabitEthernet0/0/0.100",
              "Internet  192.168.100.130         7   0012.f2a1.0c01  ARPA   GigabitEthernet0/0/0.100");
    check_arp("junos", "192.168.100.130", "junos_arp_ok.txt", VERDICT_PASS, "none", "resolves to 00:05:86:71:7c:01 on xe-0/1/0.0",
              "00:05:86:71:7c:01 192.168.100.130 xe-0/1/0.0");
    check_arp("nxos", "192.168.100.130", "nxos_arp_ok.txt", VERDICT_PASS, "none", "resolves to 00:12:f2:7c:1e:02 on Ethernet1/1",
              "192.168.100.130 00:03:41  0012.f27c.1e02  Ethernet1/1");
}

static void test_arp_incomplete(void **state)
{
    (void)state;
    check_arp("ios", "192.168.100.130", "ios_arp_incomplete.txt", VERDICT_FAIL, "arp_incomplete",
              "ARP entry for 192.168.100.130 is incomplete", "192.168.100.130         0   Incomplete");
    check_arp("nxos", "192.168.100.130", "nxos_arp_incomplete.txt", VERDICT_FAIL, "arp_incomplete",
              "ARP entry for 192.168.100.130 is incomplete on Ethernet1/1", "INCOMPLETE      Ethernet1/1");
}

static void test_arp_absent(void **state)
{
    (void)state;
    check_arp("ios", "192.168.100.130", "ios_arp_empty.txt", VERDICT_FAIL, "arp_incomplete", "no ARP entry for 192.168.100.130", "(empty answer)");
    check_arp("junos", "192.168.100.130", "junos_arp_empty.txt", VERDICT_FAIL, "arp_incomplete", "no ARP entry for 192.168.100.130",
              "Total entries: 0");
    check_arp("nxos", "192.168.100.130", "nxos_arp_empty.txt", VERDICT_FAIL, "arp_incomplete", "no ARP entry for 192.168.100.130",
              "Total number of entries: 0");
}

static void test_arp_odd_peer(void **state)
{
    (void)state;
    /* The inventory (and the router) peer with .129: the customer's odd address. */
    check_arp("ios", "192.168.100.129", "ios_arp_odd.txt", VERDICT_WARN, "address_swapped",
              "192.168.100.129 has an odd last octet", "192.168.100.129         3   0012.f2a1.0c01");
    /* An incomplete odd peer FAILs for ARP and still notes the rule. */
    ctx_t *c = ctx_new("ios", "192.168.100.128/30", NULL, "192.168.100.129");
    th_fact(&c->ev.facts[PROBE_ARP], "ios", "show ip arp 192.168.100.129",
            "Protocol  Address          Age (min)  Hardware Addr   Type   Interface\n"
            "Internet  192.168.100.129         0   Incomplete      ARPA   \n");
    run(c, step_arp, "arp");
    expect(c, VERDICT_FAIL, "arp_incomplete", "odd last octet", "Incomplete");
    ctx_free(c);
}

static void test_arp_missing(void **state)
{
    (void)state;
    ctx_t *c = ctx_std("nxos");
    run(c, step_arp, "arp");
    expect(c, VERDICT_SKIP, "evidence_missing", "ARP: not collected", NULL);
    failed(&c->ev.facts[PROBE_ARP], "show ip arp 192.168.100.130", PERR_REJECTED, "% Invalid ip address");
    run(c, step_arp, "arp");
    expect(c, VERDICT_SKIP, "evidence_missing", "'show ip arp 192.168.100.130' failed", NULL);
    ctx_free(c);

    /* EOS answers, but no parser reads its per-peer ARP command: no verdict from raw text. */
    c = ctx_std("eos");
    fact_t *f = &c->ev.facts[PROBE_ARP];
    f->present = true;
    snprintf(f->command, sizeof(f->command), "show ip arp 192.168.100.130");
    f->raw = strdup("Address         Age (sec)  Hardware Addr   Interface\n192.168.100.130   0:00:12  0012.f27c.1e02  Ethernet1\n");
    f->raw_len = strlen(f->raw);
    run(c, step_arp, "arp");
    expect(c, VERDICT_SKIP, "evidence_missing", "no parser reads 'show ip arp 192.168.100.130'", NULL);
    ctx_free(c);

    c = ctx_new("ios", "192.168.100.128/30", NULL, NULL);
    load(&c->ev.facts[PROBE_ARP], "ios", "show ip arp 192.168.100.130", "ios_arp_ok.txt", 0);
    run(c, step_arp, "arp");
    expect(c, VERDICT_SKIP, "evidence_missing", "no peer_ip in the inventory", NULL);
    ctx_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_steady_pass),
        cmocka_unit_test(test_name_boundaries),
        cmocka_unit_test(test_crc_rising_fail),
        cmocka_unit_test(test_growth_quotes_both_polls),
        cmocka_unit_test(test_crc_rising_warn),
        cmocka_unit_test(test_flapping_warn),
        cmocka_unit_test(test_admin_down),
        cmocka_unit_test(test_oper_down),
        cmocka_unit_test(test_totals_only),
        cmocka_unit_test(test_physical_missing),
        cmocka_unit_test(test_cut_elsewhere_pass),
        cmocka_unit_test(test_port_cut_skip),
        cmocka_unit_test(test_unknown_line),
        cmocka_unit_test(test_no_interface_holds_subnet),
        cmocka_unit_test(test_found_by_name),
        cmocka_unit_test(test_arp_present),
        cmocka_unit_test(test_arp_incomplete),
        cmocka_unit_test(test_arp_absent),
        cmocka_unit_test(test_arp_odd_peer),
        cmocka_unit_test(test_arp_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
