/* test_tcp179.c: the TCP 179 step (framework/step_tcp179.c, framework/tcp179_ce.c) judges the
 * session's own path from the CE's evidence; the console host's connect test corroborates and
 * never decides.  Device output from IOS and Junos (router telnet), FRR (captured in the lab:
 * tcp179 and subnet faults) and EOS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/framework/circuit_ctx.h"

#define F "framework/filters/"
#define T "framework/tcp179/"
#define IOS_TEL "telnet 192.168.100.130 179"
#define JUNOS_TEL "telnet 192.168.100.130 port 179"
#define FRR_NEI "show bgp neighbors 192.168.100.130"
#define FRR_PING "ping 192.168.100.130"

static void load(ctx_t *c, probe_id_t probe, const char *command, const char *rel)
{
    th_fact_fixture(&c->ev.facts[probe], c->vendor, command, rel);
}

static void console(ctx_t *c, tcp_result_t r)
{
    c->ev.has_console_tcp = true;
    c->ev.console_tcp.result = r;
    c->ev.console_tcp.seconds = r == TCP_TIMEOUT ? 3.0 : 0.02;
}

static const step_result_t *tcp179(ctx_t *c)
{
    memset(&c->s, 0, sizeof(c->s));
    c->s.id = c->s.title = "tcp179";
    step_tcp179(&c->ev, &c->s);
    return &c->s;
}

static void dump(const step_result_t *s)
{
    fprintf(stderr, "  %s: verdict %s cause %s\n  finding: %s\n", s->id, verdict_name(s->verdict), s->cause, s->finding);
    for (int i = 0; i < s->n_evidence; i++)
        fprintf(stderr, "  evidence [%s]: %s\n", s->evidence[i].command, s->evidence[i].line);
}

static bool has_evidence(const step_result_t *s, const char *text)
{
    for (int i = 0; text && i < s->n_evidence; i++)
        if (strstr(s->evidence[i].line, text))
            return true;
    return text == NULL;
}

/* Verdict, cause, fragments of the finding (NULL-terminated) and, when given, of an evidence line. */
static void expect(const step_result_t *s, verdict_t v, const char *cause, const char *const *finding, const char *evidence)
{
    bool ok = s->verdict == v && !strcmp(s->cause, cause) && has_evidence(s, evidence);
    for (int i = 0; ok && finding[i]; i++)
        ok = strstr(s->finding, finding[i]) != NULL;
    if (getenv("TEST_TCP179_DUMP") || !ok)
        dump(s);
    if (!ok)
        fail_msg("expected %s %s with the fragments given and evidence \"%s\"", verdict_name(v), cause,
                 evidence ? evidence : "-");
}

#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---------------------------------------------------------------- the router's own test decides */

static void router_timeout_console_open(void **state)
{
    (void)state;
    /* The console reaches the MSEE over the management network; the CE's own test times out. */
    ctx_t *c = ctx_new("ios", NULL);
    load(c, PROBE_TCP_179, IOS_TEL, F "ios_telnet_timeout.txt");
    load(c, PROBE_BGP_SUMMARY, "show ip bgp summary", F "ios_summary_active.txt");
    console(c, TCP_OPEN);
    expect(tcp179(c), VERDICT_FAIL, "tcp179_blocked",
           WORDS("timed out (the router's own test)", "the console host's test was open, but its path",
                 "does not cross the CE-to-Microsoft link: it does not decide"),
           "% Connection timed out");
    assert_true(has_evidence(&c->s, "192.168.100.130:179 open"));
    assert_true(c->s.n_next > 0); /* the remedy: permit TCP 179 on the path */
    ctx_free(c);
}

static void router_open_refused_unreachable(void **state)
{
    (void)state;
    static const struct {
        const char *vendor, *command, *fixture;
        verdict_t v;
        const char *cause, *finding, *evidence;
    } cases[] = {
        {"ios", IOS_TEL, "ios_telnet_open.txt", VERDICT_PASS, "none", "is open from the CE", "179 ... Open"},
        {"ios", IOS_TEL, "ios_telnet_refused.txt", VERDICT_FAIL, "tcp179_refused", "nothing listens on 179",
         "% Connection refused by remote host"},
        {"ios", IOS_TEL, "ios_telnet_unreachable.txt", VERDICT_SKIP, "not_applicable",
         "an addressing fault, not a filter", "% Destination unreachable"},
        {"junos", JUNOS_TEL, "junos_telnet_open.txt", VERDICT_PASS, "none", "is open from the CE", "Connected to"},
        {"junos", JUNOS_TEL, "junos_telnet_refused.txt", VERDICT_FAIL, "tcp179_refused", "refused (the router's own test)",
         "Connection refused"},
        {"junos", JUNOS_TEL, "junos_telnet_timeout.txt", VERDICT_FAIL, "tcp179_blocked", "drops TCP 179",
         "Operation timed out"},
        {"junos", JUNOS_TEL, "junos_telnet_unreachable.txt", VERDICT_SKIP, "not_applicable", "no route to",
         "No route to host"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ctx_t *c = ctx_new(cases[i].vendor, NULL);
        char rel[128];
        snprintf(rel, sizeof(rel), F "%s", cases[i].fixture);
        load(c, PROBE_TCP_179, cases[i].command, rel);
        expect(tcp179(c), cases[i].v, cases[i].cause, WORDS(cases[i].finding), cases[i].evidence);
        ctx_free(c);
    }
}

static void router_timeout_with_md5_does_not_decide(void **state)
{
    (void)state;
    /* With MD5 on the peering the peer drops the telnet's unsigned SYNs: a timeout is expected. */
    ctx_t *c = ctx_new("ios", "md5 = yes");
    load(c, PROBE_TCP_179, IOS_TEL, F "ios_telnet_timeout.txt");
    expect(tcp179(c), VERDICT_SKIP, "evidence_missing", WORDS("timed out, which MD5 explains as well"), NULL);
    load(c, PROBE_BGP_SUMMARY, "show ip bgp summary", F "ios_summary_up.txt");
    expect(tcp179(c), VERDICT_PASS, "none", WORDS("timed out as expected", "works on the session's own path"),
           "% Connection timed out");
    ctx_free(c);
}

static void router_timeout_session_up_warns(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", NULL);
    load(c, PROBE_TCP_179, IOS_TEL, F "ios_telnet_timeout.txt");
    load(c, PROBE_BGP_SUMMARY, "show ip bgp summary", F "ios_summary_up.txt");
    console(c, TCP_OPEN);
    expect(tcp179(c), VERDICT_WARN, "tcp179_blocked", WORDS("but the router's session is up"), "% Connection timed out");
    ctx_free(c);
}

/* ---------------------------------------------------------------- FRR / EOS: no router test */

/* An FRR CE as the lab's tcp179 fault leaves it: veth-ce up with .129/30, Connect, no
 * NOTIFICATION (a "User reset"), the peer answering ping. */
static ctx_t *frr_connect(const char *neighbor, const char *extra)
{
    ctx_t *c = ctx_new("frr", extra);
    load(c, PROBE_INTERFACES, "show interface", T "frr_interface.txt");
    load(c, PROBE_BGP_NEIGHBOR, FRR_NEI, neighbor);
    load(c, PROBE_PING, FRR_PING, "ping/frr_interrupted.txt");
    return c;
}

static void frr_ping_ok_active_no_md5_ranks_blocked(void **state)
{
    (void)state;
    ctx_t *c = frr_connect(T "frr_nei_connect.txt", NULL);
    load(c, PROBE_BGP_CONFIG, "show running-config", "framework/bgpcfg/frr_cfg_no_md5.txt");
    console(c, TCP_OPEN);
    expect(tcp179(c), VERDICT_FAIL, "tcp179_blocked",
           WORDS("is Connect with no NOTIFICATION", "answers the CE's ping (5/5)", "connections established 1, dropped 1",
                 "an ACL or firewall on the path", "the MSEE side not configured for this peering",
                 "the console host's test was open, but"),
           "5 packets transmitted, 5 received");
    assert_true(has_evidence(&c->s, "BGP state = Connect"));
    assert_true(has_evidence(&c->s, "Connections established 1; dropped 1"));
    assert_null(strstr(c->s.finding, "MD5 key mismatch"));
    /* The whole runbook: tcp179_blocked is the root cause, the session's down state follows. */
    runbook_evaluate(RUNBOOK_BGP, &c->ev, &c->rb);
    const step_result_t *root = &c->rb.steps[c->rb.causes[0]];
    if (c->rb.n_causes < 1 || strcmp(root->cause, "tcp179_blocked") != 0) {
        for (int i = 0; i < c->rb.n_steps; i++)
            dump(&c->rb.steps[i]);
        fail_msg("root cause %s, expected tcp179_blocked", c->rb.n_causes ? root->cause : "-");
    }
    assert_string_equal(c->rb.status, "CRITICAL");
    ctx_free(c);
}

static void frr_md5_configured_names_it_as_alternative(void **state)
{
    (void)state;
    /* The lab's own CE: MD5 on both sides, no log line, no reset for a configuration change. */
    ctx_t *c = frr_connect(T "frr_nei_connect_md5.txt", "md5 = yes");
    load(c, PROBE_BGP_CONFIG, "show running-config", "framework/bgpcfg/frr_cfg_ok.txt");
    expect(tcp179(c), VERDICT_FAIL, "tcp179_blocked", WORDS("or an MD5 key mismatch (MD5 is configured"), NULL);
    runbook_evaluate(RUNBOOK_BGP, &c->ev, &c->rb);
    assert_string_equal(c->rb.steps[c->rb.causes[0]].cause, "tcp179_blocked");
    for (int i = 0; i < c->rb.n_causes; i++)
        assert_string_not_equal(c->rb.steps[c->rb.causes[i]].cause, "md5_mismatch");
    ctx_free(c);
}

static void frr_waiting_for_nht_is_addressing(void **state)
{
    (void)state;
    /* The lab's subnet fault: veth-ce moved to .137/30, the neighbor kept at .130. */
    ctx_t *c = ctx_new("frr", NULL);
    load(c, PROBE_INTERFACES, "show interface", T "frr_interface_subnet.txt");
    load(c, PROBE_BGP_NEIGHBOR, FRR_NEI, T "frr_nei_nht.txt");
    load(c, PROBE_PING, FRR_PING, "ping/frr_no_route.txt");
    load(c, PROBE_BGP_CONFIG, "show running-config", "framework/bgpcfg/frr_cfg_no_md5.txt");
    console(c, TCP_OPEN);
    expect(tcp179(c), VERDICT_SKIP, "not_applicable",
           WORDS("no route to 192.168.100.130", "next-hop tracking", "an addressing fault, not a filter"),
           "Waiting for NHT");
    runbook_evaluate(RUNBOOK_BGP, &c->ev, &c->rb);
    bool addressing = false;
    for (int i = 0; i < c->rb.n_causes; i++) {
        const char *cause = c->rb.steps[c->rb.causes[i]].cause;
        assert_null(strstr(cause, "tcp179"));
        addressing |= !strcmp(cause, "subnet_mismatch");
    }
    assert_true(addressing);
    ctx_free(c);
}

static void frr_ping_fails_is_not_a_filter(void **state)
{
    (void)state;
    ctx_t *c = frr_connect(T "frr_nei_connect.txt", NULL);
    th_fact_free(&c->ev.facts[PROBE_PING]);
    load(c, PROBE_PING, FRR_PING, "ping/frr_unreachable.txt");
    expect(tcp179(c), VERDICT_SKIP, "evidence_missing", WORDS("does not answer the CE's ping either (0/5)"), NULL);
    ctx_free(c);
}

static void frr_notification_leaves_it_to_the_session(void **state)
{
    (void)state;
    ctx_t *c = frr_connect("framework/bgpcfg/frr_nei_config_change.txt", NULL);
    expect(tcp179(c), VERDICT_SKIP, "not_applicable",
           WORDS("the last NOTIFICATION (Cease/Other Configuration Change, sent)", "the session step judges it"), NULL);
    ctx_free(c);
}

static void no_ce_evidence_skips_though_console_open(void **state)
{
    (void)state;
    /* EOS: no telnet, and the ping was not collected; the console says open. */
    ctx_t *c = ctx_new("eos", NULL);
    fact_t *f = &c->ev.facts[PROBE_TCP_179];
    f->present = true;
    f->error = PERR_UNSUPPORTED;
    console(c, TCP_OPEN);
    expect(tcp179(c), VERDICT_SKIP, "evidence_missing",
           WORDS("no TCP 179 evidence from the CE", "the router's own connect test: the platform has no such command",
                 "its ping to 192.168.100.130: not collected", "the console host's test was open, but its path",
                 "it cannot decide"),
           "192.168.100.130:179 open");
    ctx_free(c);
}

static void failed_router_test_says_why(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("ios", NULL);
    fact_t *f = &c->ev.facts[PROBE_TCP_179];
    f->present = true;
    f->error = PERR_TIMEOUT;
    snprintf(f->command, sizeof(f->command), IOS_TEL);
    expect(tcp179(c), VERDICT_SKIP, "evidence_missing", WORDS("'telnet 192.168.100.130 179' failed"), NULL);
    th_fact_free(f);
    /* The secondary link's peer (.134) answered: nothing about this peer. */
    load_text(c, PROBE_TCP_179, "telnet 192.168.100.134 179", "Trying 192.168.100.134, 179 ... \n% Connection refused by remote host\n");
    expect(tcp179(c), VERDICT_SKIP, "evidence_missing", WORDS("gave no result for this peer"), NULL);
    ctx_free(c);
}

static void session_up_console_filtered_passes(void **state)
{
    (void)state;
    ctx_t *c = ctx_new("frr", NULL);
    load(c, PROBE_BGP_SUMMARY, "show bgp summary", F "frr_summary_up.txt");
    console(c, TCP_TIMEOUT);
    expect(tcp179(c), VERDICT_PASS, "none",
           WORDS("works on the session's own path", "the console host's test was timed out, but"),
           "192.168.100.130:179 timeout after 3.0 s");
    ctx_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(router_timeout_console_open),
        cmocka_unit_test(router_open_refused_unreachable),
        cmocka_unit_test(router_timeout_with_md5_does_not_decide),
        cmocka_unit_test(router_timeout_session_up_warns),
        cmocka_unit_test(frr_ping_ok_active_no_md5_ranks_blocked),
        cmocka_unit_test(frr_md5_configured_names_it_as_alternative),
        cmocka_unit_test(frr_waiting_for_nht_is_addressing),
        cmocka_unit_test(frr_ping_fails_is_not_a_filter),
        cmocka_unit_test(frr_notification_leaves_it_to_the_session),
        cmocka_unit_test(no_ce_evidence_skips_though_console_open),
        cmocka_unit_test(failed_router_test_says_why),
        cmocka_unit_test(session_up_console_filtered_passes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
