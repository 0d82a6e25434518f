/* test_filters.c: the route filters (route_filters) step, on device
 * output from IOS, Junos, FRR, EOS and IOS-XR (tests/fixtures/framework/filters/). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/peering_rules.h"
#include "tests/framework/circuit_ctx.h"

#define FIX "framework/filters/"

static void load(ctx_t *c, probe_id_t probe, const char *command, const char *file)
{
    char rel[256];
    snprintf(rel, sizeof(rel), FIX "%s", file);
    th_fact_fixture(&c->ev.facts[probe], c->vendor, command, rel);
}

static const step_result_t *run(ctx_t *c, void (*step)(const evidence_t *, step_result_t *), const char *id)
{
    memset(&c->s, 0, sizeof(c->s));
    c->s.id = id;
    c->s.title = id;
    step(&c->ev, &c->s);
    return &c->s;
}

static const step_result_t *filters(ctx_t *c)
{
    return run(c, step_route_filters, "route_filters");
}

static void dump(const step_result_t *s)
{
    fprintf(stderr, "  verdict %s cause %s\n  finding: %s\n", verdict_name(s->verdict), s->cause, s->finding);
    for (int i = 0; i < s->n_evidence; i++)
        fprintf(stderr, "  evidence [%s]: %s\n", s->evidence[i].command, s->evidence[i].line);
}

/* Verdict, cause, a fragment of the finding and (when given) a fragment of some evidence line. */
static void expect(const step_result_t *s, verdict_t v, const char *cause, const char *finding, const char *evidence)
{
    bool hit = evidence == NULL;
    for (int i = 0; !hit && i < s->n_evidence; i++)
        hit = strstr(s->evidence[i].line, evidence) != NULL;
    if (getenv("TEST_FILTERS_DUMP"))
        dump(s);
    if (s->verdict != v || strcmp(s->cause, cause) || !strstr(s->finding, finding) || !hit) {
        dump(s);
        fail_msg("expected %s %s with \"%s\" and evidence \"%s\"", verdict_name(v), cause, finding,
                 evidence ? evidence : "-");
    }
}

/* ---------------------------------------------------------------- route_filters: IOS */

#define IOS_NEI "show ip bgp neighbors 192.168.100.130"
#define IOS_SUM "show ip bgp summary"
#define IOS_PL "show ip prefix-list"
#define IOS_RM "show route-map"
#define IOS_CFG "show running-config | section router bgp"

static ctx_t *ios_policy(const char *expect_prefixes, const char *neighbor)
{
    char extra[256];
    snprintf(extra, sizeof(extra), "expect_prefixes = %s", expect_prefixes);
    ctx_t *c = ctx_new("ios", extra);
    load(c, PROBE_BGP_NEIGHBOR, IOS_NEI, neighbor);
    load(c, PROBE_PREFIX_LISTS, IOS_PL, "ios_prefix_list.txt");
    load(c, PROBE_ROUTE_MAPS, IOS_RM, "ios_route_map.txt");
    return c;
}

static void ios_route_map_permits_expected(void **state)
{
    (void)state;
    /* 10.2.4.0/22 is inside 10.2.0.0/16 ge 20 le 28; 10.1.0.0/16 inside le 24 (from /16). */
    ctx_t *c = ios_policy("10.1.0.0/16, 10.2.4.0/22", "ios_neighbor.txt");
    expect(filters(c), VERDICT_PASS, "none", "permits all 2 prefixes", "Route map for incoming advertisements is ER-IN");
    ctx_free(c);
}

static void ios_ge_excludes_shorter_prefix(void **state)
{
    (void)state;
    /* 10.2.0.0/16 is inside 10.2.0.0/16 but shorter than ge 20: seq 15 denies it, so the
     * route-map's seq 10 does not match and seq 20 (deny, no match clause) takes it. */
    ctx_t *c = ios_policy("10.1.0.0/16, 10.2.0.0/16, 10.3.0.0/16", "ios_neighbor.txt");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.2.0.0/16 is denied by route-map ER-IN: seq 20 deny", "route-map ER-IN, deny, sequence 20");
    expect(s, VERDICT_FAIL, "inbound_filter", "2 of 3 prefixes", "seq 15 deny 0.0.0.0/0 le 32");
    expect(s, VERDICT_FAIL, "inbound_filter", "prefix-list MSFT-AZURE does not permit it: seq 15 deny 0.0.0.0/0 le 32",
           "Route map for incoming advertisements is ER-IN");
    assert_non_null(strstr(s->finding, "(10.2.0.0/16, 10.3.0.0/16)"));
    ctx_free(c);
}

static void ios_le_bounds_longer_prefix(void **state)
{
    (void)state;
    /* le 24 stops at /24: a /25 inside 10.1.0.0/16 falls through to the deny. */
    ctx_t *c = ios_policy("10.1.7.0/24, 10.1.7.128/25", "ios_neighbor.txt");
    expect(filters(c), VERDICT_FAIL, "inbound_filter", "10.1.7.128/25 is denied", "seq 15 deny 0.0.0.0/0 le 32");
    ctx_free(c);
}

static void ios_config_prefix_list_only(void **state)
{
    (void)state;
    /* No neighbor detail: the configuration names the prefix-list applied inbound. */
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.2.0.0/16");
    load(c, PROBE_BGP_CONFIG, IOS_CFG, "ios_bgp_config.txt");
    load(c, PROBE_PREFIX_LISTS, IOS_PL, "ios_prefix_list.txt");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "denied by prefix-list MSFT-AZURE: seq 15 deny 0.0.0.0/0 le 32",
           "seq 15 deny 0.0.0.0/0 le 32");
    expect(s, VERDICT_FAIL, "inbound_filter", "1 of 1", "neighbor 192.168.100.130 prefix-list MSFT-AZURE in");
    ctx_free(c);
}

static void ios_implicit_deny_of_prefix_list(void **state)
{
    (void)state;
    /* IPv4 list, nothing matches 172.16.0.0/12 in MSFT-AZURE... except seq 15 (0/0 le 32);
     * ONPREM-AGG has no catch-all: a prefix outside it hits the implicit deny. */
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.9.0.0/16");
    load(c, PROBE_PREFIX_LISTS, IOS_PL, "ios_prefix_list.txt");
    load_text(c, PROBE_BGP_CONFIG, IOS_CFG,
              "router bgp 65010\n neighbor 192.168.100.130 remote-as 12076\n address-family ipv4\n"
              "  neighbor 192.168.100.130 prefix-list ONPREM-AGG in\n exit-address-family\n");
    expect(filters(c), VERDICT_FAIL, "inbound_filter", "prefix-list ONPREM-AGG: the implicit deny at the end",
           "ip prefix-list ONPREM-AGG: 1 entries");
    ctx_free(c);
}

static void ios_received_accepted_gap(void **state)
{
    (void)state;
    ctx_t *c = ios_policy("10.1.0.0/16", "ios_neighbor_gap.txt");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_WARN, "inbound_filter", "5 prefixes received but 3 accepted", "Saved (soft-reconfig):");
    expect(s, VERDICT_WARN, "inbound_filter", "drops 2", "Prefixes Current:");
    ctx_free(c);
}

static void ios_torn_down_by_max_prefix(void **state)
{
    (void)state;
    ctx_t *c = ios_policy("10.1.0.0/16", "ios_neighbor_maxpfx.txt");
    load(c, PROBE_BGP_SUMMARY, IOS_SUM, "ios_summary_pfxct.txt");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "local_prefix_limit", "the CE's own maximum-prefix limit (maximum-prefix 10) tripped on "
           "what Microsoft sends: the CE stopped the session (Idle (PfxCt)) and sent the Cease 6/1",
           "maximum number of prefixes reached");
    expect(s, VERDICT_FAIL, "local_prefix_limit", "192.168.100.130", "Idle (PfxCt)");
    ctx_free(c);
}

static void ios_up_after_max_prefix_reset(void **state)
{
    (void)state;
    ctx_t *c = ios_policy("10.1.0.0/16", "ios_neighbor_pastlimit.txt");
    expect(filters(c), VERDICT_WARN, "local_prefix_limit", "is up, but its last reset was a prefix limit: the CE's own "
           "maximum-prefix limit (maximum-prefix 4000) tripped on what Microsoft sends: the CE sent the Cease 6/1",
           "Last reset 1d02h, due to BGP Notification sent, maximum number of prefixes reached");
    ctx_free(c);
}

static void ios_max_prefix_below_expected(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.1.0.0/16, 10.2.4.0/22");
    load_text(c, PROBE_BGP_CONFIG, IOS_CFG,
              "router bgp 65010\n neighbor 192.168.100.130 remote-as 12076\n address-family ipv4\n"
              "  neighbor 192.168.100.130 maximum-prefix 1\n exit-address-family\n");
    expect(filters(c), VERDICT_FAIL, "local_prefix_limit", "the CE's own maximum-prefix 1 is below the 2 prefixes",
           "neighbor 192.168.100.130 maximum-prefix 1");
    ctx_free(c);
}

static void ios_advertised_over_route_limit(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.1.0.0/16\nroute_limit = 1");
    load(c, PROBE_BGP_NEIGHBOR, IOS_NEI, "ios_neighbor.txt");
    load(c, PROBE_PREFIX_LISTS, IOS_PL, "ios_prefix_list.txt");
    load(c, PROBE_ROUTE_MAPS, IOS_RM, "ios_route_map.txt");
    expect(filters(c), VERDICT_FAIL, "route_limit", "the CE advertises 2 prefixes to Microsoft, above the 1 Microsoft "
           "accepts on private peering: Microsoft drops the session (the CE receives the Cease 6/1)",
           "Prefixes Current:");
    ctx_free(c);
}

static void ios_no_policy_passes_with_note(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.1.0.0/16");
    load(c, PROBE_BGP_NEIGHBOR, IOS_NEI, "ios_neighbor_nopolicy.txt");
    expect(filters(c), VERDICT_PASS, "none", "no inbound policy on eBGP neighbor 192.168.100.130", "Prefixes Current:");
    ctx_free(c);
}

/* A fixture cut just before its "Local host:" line: the neighbor's block is not read whole. */
static char *cut_neighbor(const char *file)
{
    char rel[256];
    snprintf(rel, sizeof(rel), FIX "%s", file);
    char *text = th_read_fixture(rel, NULL);
    char *at = strstr(text, "Local host:");
    assert_non_null(at);
    *at = '\0';
    return text;
}

/* The neighbor's own block was cut: with no inbound policy shown, the unread part may hold
 * the line naming one, so no PASS; with the policy read, the PASS stands on it and says what
 * was not read.  Something unread elsewhere in the answer changes nothing. */
static void ios_partial_neighbor_no_pass(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.1.0.0/16");
    char *text = cut_neighbor("ios_neighbor_nopolicy.txt");
    load_text(c, PROBE_BGP_NEIGHBOR, IOS_NEI, text);
    free(text);
    expect(filters(c), VERDICT_SKIP, "evidence_missing",
           "no inbound policy shown for 192.168.100.130, but in its block of 'show ip bgp neighbors 192.168.100.130' it "
           "was cut short (the last neighbor block ends before its TCP connection details)", NULL);
    assert_int_equal(c->s.n_evidence, 0);
    ctx_free(c);

    c = ios_policy("10.1.0.0/16", "ios_neighbor.txt");
    th_fact_free(&c->ev.facts[PROBE_BGP_NEIGHBOR]);
    text = cut_neighbor("ios_neighbor.txt");
    load_text(c, PROBE_BGP_NEIGHBOR, IOS_NEI, text);
    free(text);
    expect(filters(c), VERDICT_PASS, "none", "the neighbor's block in 'show ip bgp neighbors 192.168.100.130': it was "
           "cut short", NULL);
    ctx_free(c);

    c = ios_policy("10.1.0.0/16", "ios_neighbor.txt");
    c->ev.facts[PROBE_BGP_NEIGHBOR].partial = true; /* a line skipped outside the neighbor's block */
    expect(filters(c), VERDICT_PASS, "none", "inbound policy ER-IN on 192.168.100.130 permits", NULL);
    assert_null(strstr(c->s.finding, "block in"));
    ctx_free(c);
}

static void ios_policy_facts_missing_skip(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.1.0.0/16");
    load(c, PROBE_BGP_NEIGHBOR, IOS_NEI, "ios_neighbor.txt");
    load(c, PROBE_PREFIX_LISTS, IOS_PL, "ios_prefix_list.txt");
    expect(filters(c), VERDICT_SKIP, "evidence_missing", "route-maps / policies: not collected", NULL);
    ctx_free(c);
}

static void ios_neighbor_timed_out_skip(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", "expect_prefixes = 10.1.0.0/16");
    fact_t *f = &c->ev.facts[PROBE_BGP_NEIGHBOR];
    f->present = true;
    f->error = PERR_TIMEOUT;
    snprintf(f->command, sizeof(f->command), IOS_NEI);
    expect(filters(c), VERDICT_SKIP, "evidence_missing", "neither the neighbor detail", NULL);
    assert_non_null(strstr(c->s.finding, IOS_NEI));
    ctx_free(c);
}

static void ios_undefined_route_map_warns(void **state)
{
    (void)state;
    ctx_t *c = ios_policy("10.1.0.0/16", "ios_neighbor.txt");
    th_fact_free(&c->ev.facts[PROBE_ROUTE_MAPS]);
    load(c, PROBE_ROUTE_MAPS, IOS_RM, "eos_route_map.txt"); /* names MSEE-IN, not ER-IN */
    expect(filters(c), VERDICT_WARN, "inbound_filter", "route-map ER-IN: not defined in the route-map / policy output", NULL);
    ctx_free(c);
}

/* ---------------------------------------------------------------- route_filters: Junos */

#define JUNOS_NEI "show bgp neighbor 192.168.100.130"
#define JUNOS_POL "show configuration policy-options"
#define JUNOS_PL "show configuration policy-options prefix-list"
#define JUNOS_CFG "show configuration protocols bgp"

static ctx_t *junos_policy(const char *expect_prefixes, const char *neighbor)
{
    char extra[256];
    snprintf(extra, sizeof(extra), "expect_prefixes = %s", expect_prefixes);
    ctx_t *c = ctx_new("junos", extra);
    load(c, PROBE_BGP_NEIGHBOR, JUNOS_NEI, neighbor);
    load(c, PROBE_ROUTE_MAPS, JUNOS_POL, "junos_policy.txt");
    load(c, PROBE_PREFIX_LISTS, JUNOS_PL, "junos_prefix_list.txt");
    return c;
}

static void junos_terms_accept_expected(void **state)
{
    (void)state;
    /* TAG only sets local-preference (no accept): evaluation goes on to VNETS / HUB. */
    ctx_t *c = junos_policy("10.1.4.0/24, 10.8.0.0/22, 10.200.5.0/24", "junos_neighbor.txt");
    expect(filters(c), VERDICT_PASS, "none", "permits all 3 prefixes", "Import: [ ER-IMPORT ]");
    ctx_free(c);
}

static void junos_term_rejects(void **state)
{
    (void)state;
    /* upto /24 stops a /25; 10.8.0.0/21 is shorter than the list's /22 (orlonger = /22+). */
    ctx_t *c = junos_policy("10.1.0.0/16, 10.200.5.128/25, 10.8.0.0/21", "junos_neighbor.txt");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.200.5.128/25 is denied by policy-statement ER-IMPORT: term REST (then reject)",
           "term REST");
    expect(s, VERDICT_FAIL, "inbound_filter", "2 of 3 prefixes", "Import: [ ER-IMPORT ]");
    ctx_free(c);
}

static void junos_explicit_reject_term(void **state)
{
    (void)state;
    ctx_t *c = junos_policy("0.0.0.0/0", "junos_neighbor.txt");
    expect(filters(c), VERDICT_FAIL, "inbound_filter", "term NO-DEFAULT (then reject)", "term NO-DEFAULT");
    ctx_free(c);
}

static void junos_default_import_accepts(void **state)
{
    (void)state;
    /* No term accepts or rejects: BGP's default import policy accepts. */
    ctx_t *c = ctx_new("junos", "expect_prefixes = 10.77.0.0/16");
    load(c, PROBE_BGP_NEIGHBOR, JUNOS_NEI, "junos_neighbor.txt");
    load(c, PROBE_PREFIX_LISTS, JUNOS_PL, "junos_prefix_list.txt");
    load_text(c, PROBE_ROUTE_MAPS, JUNOS_POL,
              "policy-statement ER-IMPORT {\n    term TAG {\n        from protocol bgp;\n"
              "        then local-preference 200;\n    }\n}\n");
    expect(filters(c), VERDICT_PASS, "none", "permits the 1 prefix Microsoft", "Import: [ ER-IMPORT ]");
    ctx_free(c);
}

static void junos_received_accepted_gap(void **state)
{
    (void)state;
    ctx_t *c = junos_policy("10.1.4.0/24", "junos_neighbor_gap.txt");
    expect(filters(c), VERDICT_WARN, "inbound_filter", "3 prefixes received but 1 accepted", "Accepted prefixes:            1");
    ctx_free(c);
}

static void junos_prefix_limit_below_received(void **state)
{
    (void)state;
    ctx_t *c = junos_policy("10.1.4.0/24", "junos_neighbor.txt");
    load(c, PROBE_BGP_CONFIG, JUNOS_CFG, "junos_bgp_config.txt");
    expect(filters(c), VERDICT_FAIL, "local_prefix_limit", "3 prefixes received from Microsoft, above the CE's own "
           "maximum-prefix 2", "maximum 2;");
    ctx_free(c);
}

static void junos_policy_missing_skip(void **state)
{
    (void)state;
    /* The policy is read, but its term VNETS needs the prefix-list that was not. */
    ctx_t *c = ctx_new("junos", "expect_prefixes = 10.1.4.0/24");
    load(c, PROBE_BGP_NEIGHBOR, JUNOS_NEI, "junos_neighbor.txt");
    load(c, PROBE_ROUTE_MAPS, JUNOS_POL, "junos_policy.txt");
    fact_t *f = &c->ev.facts[PROBE_PREFIX_LISTS];
    f->present = true;
    f->error = PERR_REJECTED;
    snprintf(f->command, sizeof(f->command), JUNOS_PL);
    expect(filters(c), VERDICT_SKIP, "evidence_missing", "could not be evaluated: prefix-lists:", NULL);
    ctx_free(c);
}

/* ER-FIRST hands 10/8 to the next policy and rejects the rest; ER-IMPORT then decides. */
static const char junos_chain[] =
    "policy-statement ER-FIRST {\n"
    "    term TO-NEXT {\n"
    "        from {\n"
    "            community MSFT-REGION;\n"
    "            route-filter 10.0.0.0/8 orlonger;\n"
    "            prefix-list MS-VNETS;\n"
    "        }\n"
    "        then next policy;\n"
    "    }\n"
    "    term OTHERS {\n"
    "        then reject;\n"
    "    }\n"
    "}\n"
    "policy-statement ER-IMPORT {\n"
    "    term VNETS {\n"
    "        from prefix-list MS-VNETS;\n"
    "        then accept;\n"
    "    }\n"
    "    term REST {\n"
    "        then reject;\n"
    "    }\n"
    "}\n";

static ctx_t *junos_chain_ctx(const char *expect_prefixes)
{
    char extra[256];
    snprintf(extra, sizeof(extra), "expect_prefixes = %s", expect_prefixes);
    ctx_t *c = ctx_new("junos", extra);
    load(c, PROBE_BGP_NEIGHBOR, JUNOS_NEI, "junos_neighbor_chain.txt");
    load(c, PROBE_PREFIX_LISTS, JUNOS_PL, "junos_prefix_list.txt");
    load_text(c, PROBE_ROUTE_MAPS, JUNOS_POL, junos_chain);
    return c;
}

static void junos_chain_next_policy_accepts(void **state)
{
    (void)state;
    /* 10.1.0.0/16: the route lists of TO-NEXT are one OR condition (route-filter matches even
     * though prefix-list is exact), the community is assumed; ER-IMPORT's VNETS accepts it. */
    ctx_t *c = junos_chain_ctx("10.1.0.0/16");
    expect(filters(c), VERDICT_PASS, "none", "assumed 'community MSFT-REGION' holds", "Import: [ ER-FIRST ER-IMPORT ]");
    ctx_free(c);
}

static void junos_chain_second_policy_rejects(void **state)
{
    (void)state;
    /* 10.50.0.0/16 passes ER-FIRST (route-filter 10/8 orlonger) but no list of ER-IMPORT holds
     * it; 172.16.0.0/16 never leaves ER-FIRST. */
    ctx_t *c = junos_chain_ctx("10.50.0.0/16, 172.16.0.0/16");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.50.0.0/16 is denied by policy-statement ER-IMPORT: term REST (then reject)",
           "term REST");
    expect(s, VERDICT_FAIL, "inbound_filter", "2 of 2 prefixes", "Import: [ ER-FIRST ER-IMPORT ]");
    ctx_free(c);
}

static void ios_other_family_prefix_not_judged(void **state)
{
    (void)state;
    /* An IPv6 prefix arrives over the IPv6 session: the IPv4 neighbor's policy does not see it. */
    ctx_t *c = ios_policy("10.1.0.0/16, 2001:db8:10::/48", "ios_neighbor.txt");
    expect(filters(c), VERDICT_PASS, "none", "permits the 1 prefix Microsoft", "Route map for incoming advertisements is ER-IN");
    ctx_free(c);
}

/* ---------------------------------------------------------------- route_filters: FRR */

#define FRR_NEI "show bgp neighbors 192.168.100.130"
#define FRR_SUM "show bgp summary"

static ctx_t *frr_policy(const char *expect_prefixes)
{
    char extra[256];
    snprintf(extra, sizeof(extra), "expect_prefixes = %s", expect_prefixes);
    ctx_t *c = ctx_new("frr", extra);
    load(c, PROBE_BGP_NEIGHBOR, FRR_NEI, "frr_neighbor.txt");
    load(c, PROBE_ROUTE_MAPS, "show route-map", "frr_route_map.txt");
    load(c, PROBE_PREFIX_LISTS, "show ip prefix-list", "frr_prefix_list.txt");
    return c;
}

static void frr_route_map_permits(void **state)
{
    (void)state;
    ctx_t *c = frr_policy("10.1.0.0/16, 10.20.30.0/24");
    expect(filters(c), VERDICT_PASS, "none", "policy RM-MSEE-IN", "Route map for incoming advertisements is *RM-MSEE-IN");
    ctx_free(c);
}

static void frr_route_map_denies(void **state)
{
    (void)state;
    ctx_t *c = frr_policy("10.1.0.0/16, 10.5.0.0/25");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.5.0.0/25 is denied by route-map RM-MSEE-IN: seq 20 deny",
           "deny, sequence 20 Invoked 3");
    expect(s, VERDICT_FAIL, "inbound_filter", "prefix-list FROM-MSEE does not permit it", "seq 10 deny 0.0.0.0/0 le 32");
    ctx_free(c);
}

static void frr_no_policy_rfc8212(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("frr", "expect_prefixes = 10.1.0.0/16");
    load(c, PROBE_BGP_NEIGHBOR, FRR_NEI, "frr_neighbor_nopolicy.txt");
    load(c, PROBE_BGP_SUMMARY, FRR_SUM, "frr_summary_policy.txt");
    expect(filters(c), VERDICT_FAIL, "inbound_filter", "no inbound policy: IOS-XR/FRR deny everything", "(Policy)");
    ctx_free(c);
}

/* ---------------------------------------------------------------- route_filters: EOS, IOS-XR */

static ctx_t *eos_policy(const char *expect_prefixes)
{
    char extra[256];
    snprintf(extra, sizeof(extra), "expect_prefixes = %s", expect_prefixes);
    ctx_t *c = ctx_new("eos", extra);
    load(c, PROBE_BGP_CONFIG, "show running-config section router bgp", "eos_bgp_config.txt");
    load(c, PROBE_ROUTE_MAPS, "show route-map", "eos_route_map.txt");
    load(c, PROBE_PREFIX_LISTS, "show ip prefix-list", "eos_prefix_list.txt");
    return c;
}

static void eos_deny_entry_first(void **state)
{
    (void)state;
    /* seq 5 deny matches BOGONS (10.99.0.0/16 le 32) before seq 10 permits 10/8 le 24. */
    ctx_t *c = eos_policy("10.1.0.0/16, 10.99.5.0/24");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.99.5.0/24 is denied by route-map MSEE-IN: seq 5 deny", "route-map MSEE-IN deny 5");
    expect(s, VERDICT_FAIL, "inbound_filter", "prefix-list BOGONS permits it", "neighbor 192.168.100.130 route-map MSEE-IN in");
    ctx_free(c);
}

static void eos_exact_entry_only_default(void **state)
{
    (void)state;
    /* BOGONS seq 10 "0.0.0.0/0" without ge/le matches the default route only. */
    ctx_t *c = eos_policy("10.1.0.0/16, 10.40.0.0/16");
    expect(filters(c), VERDICT_PASS, "none", "permits all 2 prefixes", "route-map MSEE-IN in");
    ctx_free(c);
}

static ctx_t *nxos_policy(const char *expect_prefixes)
{
    char extra[256];
    snprintf(extra, sizeof(extra), "expect_prefixes = %s", expect_prefixes);
    ctx_t *c = ctx_new("nxos", extra);
    load(c, PROBE_BGP_CONFIG, "show running-config bgp", "nxos_run_bgp.txt");
    load(c, PROBE_ROUTE_MAPS, "show route-map", "nxos_route_map.txt");
    load(c, PROBE_PREFIX_LISTS, "show ip prefix-list", "nxos_prefix_list.txt");
    return c;
}

static void nxos_prefix_list_and_route_map_permit(void **state)
{
    (void)state;
    /* Both apply: PL-AZURE first, then the route-map, whose seq 20 permits everything. */
    ctx_t *c = nxos_policy("10.62.0.0/16, 10.70.0.0/16");
    expect(filters(c), VERDICT_PASS, "none", "policy RM-AZURE-IN and prefix-list PL-AZURE", "route-map RM-AZURE-IN in");
    ctx_free(c);
}

static void nxos_eq_entry_denies_longer(void **state)
{
    (void)state;
    /* "eq 16" matches the /16 only: a /24 inside it hits the list's implicit deny. */
    ctx_t *c = nxos_policy("10.70.0.0/16, 10.70.1.0/24");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.70.1.0/24 is denied by prefix-list PL-AZURE: the implicit deny",
           "ip prefix-list PL-AZURE: 2 entries");
    expect(s, VERDICT_FAIL, "inbound_filter", "1 of 2", "prefix-list PL-AZURE in");
    ctx_free(c);
}

static void iosxr_route_policy_drops(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("iosxr", "expect_prefixes = 10.1.0.0/16, 10.2.1.0/24");
    load(c, PROBE_BGP_CONFIG, "show running-config router bgp", "iosxr_bgp_config.txt");
    load(c, PROBE_ROUTE_MAPS, "show rpl route-policy", "iosxr_route_policy.txt");
    load(c, PROBE_PREFIX_LISTS, "show rpl prefix-set", "iosxr_prefix_set.txt");
    const step_result_t *s = filters(c);
    expect(s, VERDICT_FAIL, "inbound_filter", "10.2.1.0/24 is denied by route-policy ER-IN: no condition passes it: drop",
           "drop");
    expect(s, VERDICT_FAIL, "inbound_filter", "1 of 2", "route-policy ER-IN in");
    ctx_free(c);
}

static void filters_nothing_collected_skip(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("eos", "expect_prefixes = 10.1.0.0/16");
    expect(filters(c), VERDICT_SKIP, "evidence_missing", "not collected", NULL);
    ctx_free(c);
}

/* Microsoft's limits by peering type, SKU and family (reference: ER-FAQ, ER-ROUT). */
static void peering_limits_by_type(void **state)
{
    (void)state;
    device_t d;
    memset(&d, 0, sizeof(d));
    d.family = FAMILY_IPV4;
    assert_int_equal(peering_route_limit(&d), 4000);
    d.sku = SKU_PREMIUM;
    assert_int_equal(peering_route_limit(&d), 10000);
    assert_string_equal(peering_limit_words(&d), "private peering, Premium");
    d.family = FAMILY_IPV6;
    assert_int_equal(peering_route_limit(&d), 100);
    d.peering = PEERING_MICROSOFT;
    assert_int_equal(peering_route_limit(&d), 200);
    d.family = FAMILY_IPV4;
    assert_int_equal(peering_route_limit(&d), 200);
    d.route_limit = 50;
    assert_int_equal(peering_route_limit(&d), 50);
    /* public or not */
    static const struct {
        const char *prefix, *what;
    } rows[] = {{"172.16.0.0/16", "private (RFC 1918)"}, {"10.0.0.0/8", "private (RFC 1918)"},
                {"100.64.1.0/24", "shared address space (RFC 6598)"}, {"fd00:1::/48", "unique local (RFC 4193)"},
                {"2001:db8:1::/48", "documentation"}, {"100.200.10.0/24", NULL}, {"2603:1030::/32", NULL},
                {"8.0.0.0/7", NULL}, {"0.0.0.0/0", "a default route, nobody's"}};
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        ip_prefix_t p;
        assert_true(prefix_parse(rows[i].prefix, &p));
        const char *got = peering_reserved_space(&p);
        if (rows[i].what)
            assert_string_equal(got, rows[i].what);
        else
            assert_null(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ios_route_map_permits_expected),
        cmocka_unit_test(ios_ge_excludes_shorter_prefix),
        cmocka_unit_test(ios_le_bounds_longer_prefix),
        cmocka_unit_test(ios_config_prefix_list_only),
        cmocka_unit_test(ios_implicit_deny_of_prefix_list),
        cmocka_unit_test(ios_received_accepted_gap),
        cmocka_unit_test(ios_torn_down_by_max_prefix),
        cmocka_unit_test(ios_up_after_max_prefix_reset),
        cmocka_unit_test(ios_max_prefix_below_expected),
        cmocka_unit_test(ios_advertised_over_route_limit),
        cmocka_unit_test(ios_no_policy_passes_with_note),
        cmocka_unit_test(ios_partial_neighbor_no_pass),
        cmocka_unit_test(ios_policy_facts_missing_skip),
        cmocka_unit_test(ios_neighbor_timed_out_skip),
        cmocka_unit_test(ios_undefined_route_map_warns),
        cmocka_unit_test(junos_terms_accept_expected),
        cmocka_unit_test(junos_term_rejects),
        cmocka_unit_test(junos_explicit_reject_term),
        cmocka_unit_test(junos_default_import_accepts),
        cmocka_unit_test(junos_received_accepted_gap),
        cmocka_unit_test(junos_prefix_limit_below_received),
        cmocka_unit_test(junos_policy_missing_skip),
        cmocka_unit_test(junos_chain_next_policy_accepts),
        cmocka_unit_test(junos_chain_second_policy_rejects),
        cmocka_unit_test(ios_other_family_prefix_not_judged),
        cmocka_unit_test(frr_route_map_permits),
        cmocka_unit_test(frr_route_map_denies),
        cmocka_unit_test(frr_no_policy_rfc8212),
        cmocka_unit_test(eos_deny_entry_first),
        cmocka_unit_test(eos_exact_entry_only_default),
        cmocka_unit_test(nxos_prefix_list_and_route_map_permit),
        cmocka_unit_test(nxos_eq_entry_denies_longer),
        cmocka_unit_test(iosxr_route_policy_drops),
        cmocka_unit_test(filters_nothing_collected_skip),
        cmocka_unit_test(peering_limits_by_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
