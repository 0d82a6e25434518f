/* test_bgpcfg.c: the BGP configuration step (bgp_config) and the session step (session), on
 * IOS, Junos, FRR and EOS device output (tests/fixtures/framework/bgpcfg/). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "framework/steps.h"
#include "tests/testhelp.h"

#define FX "framework/bgpcfg/"

/* Commands as each vendor's probe table sends them. */
static const struct {
    const char *vendor, *config, *neighbor, *summary, *log, *bfd;
} cmds[] = {
    {"ios", "show running-config | section router bgp", "show ip bgp neighbors 192.168.100.130", "show ip bgp summary",
     "show logging | include BADAUTH|MD5|TCP-6", "show bfd neighbors details"},
    {"junos", "show configuration protocols bgp", "show bgp neighbor 192.168.100.130", "show bgp summary",
     "show log messages | match \"MD5|auth\"", "show bfd session"},
    {"frr", "show running-config", "show bgp neighbors 192.168.100.130", "show bgp summary", NULL, "show bfd peers"},
    {"eos", "show running-config section router bgp", "show ip bgp neighbors 192.168.100.130", "show ip bgp summary",
     "show logging | include MD5|BADAUTH", "show bfd peers"},
};

typedef struct {
    device_t dev;
    evidence_t ev;
    step_result_t s;
    int v; /* index into cmds */
} tc_t;

static tc_t *tc_new(const char *vendor)
{
    static tc_t t;
    memset(&t, 0, sizeof(t));
    for (int i = 0; i < (int)(sizeof(cmds) / sizeof(cmds[0])); i++)
        if (!strcmp(cmds[i].vendor, vendor))
            t.v = i;
    device_t *d = &t.dev;
    snprintf(d->name, sizeof(d->name), "ce1");
    snprintf(d->vendor, sizeof(d->vendor), "%s", vendor);
    d->has_peer_ip = ip_parse("192.168.100.130", &d->peer_ip);
    d->has_local_ip = ip_parse("192.168.100.129", &d->local_ip);
    d->has_subnet = prefix_parse("192.168.100.128/30", &d->subnet);
    d->peer_as = 12076;
    d->local_as = 65010;
    d->hold_time = 180;
    d->keepalive = 60;
    d->md5_expected = true;
    d->bfd_expected = true;
    t.ev.device = d;
    t.ev.vendor = vendor_find(vendor);
    t.s.id = "x";
    t.s.title = "x";
    return &t;
}

static void load(tc_t *t, probe_id_t p, const char *file)
{
    const char *cmd = p == PROBE_BGP_CONFIG     ? cmds[t->v].config
                      : p == PROBE_BGP_NEIGHBOR ? cmds[t->v].neighbor
                      : p == PROBE_BGP_SUMMARY  ? cmds[t->v].summary
                      : p == PROBE_BFD          ? cmds[t->v].bfd
                                                : NULL;
    char rel[256];
    snprintf(rel, sizeof(rel), FX "%s", file);
    if (p == PROBE_LOG_AUTH) { /* no parser reads log lines: the raw text is the fact */
        fact_t *f = &t->ev.facts[p];
        size_t len;
        f->present = true;
        f->raw = th_read_fixture(rel, &len);
        f->raw_len = len;
        f->journal_id = 7;
        snprintf(f->command, sizeof(f->command), "%s", cmds[t->v].log);
        return;
    }
    th_fact_fixture(&t->ev.facts[p], cmds[t->v].vendor, cmd, rel);
}

static void tc_free(tc_t *t)
{
    for (int i = 0; i < PROBE_COUNT; i++)
        if (t->ev.facts[i].present)
            th_fact_free(&t->ev.facts[i]);
}

static void run_cfg(tc_t *t)
{
    step_bgp_config(&t->ev, &t->s);
}

static void run_session(tc_t *t)
{
    step_session(&t->ev, &t->s);
}

static void expect(const tc_t *t, verdict_t v, const char *cause, const char *finding, const char *line)
{
    const step_result_t *s = &t->s;
    if (getenv("BGPCFG_SHOW")) {
        printf("%s %s: %s\n", verdict_name(s->verdict), s->cause, s->finding);
        for (int i = 0; i < s->n_evidence; i++)
            printf("   ev: %s | %s\n", s->evidence[i].command, s->evidence[i].line);
        for (int i = 0; i < s->n_next; i++)
            printf("   next: %s\n", s->next[i]);
    }
    if (s->verdict != v || strcmp(s->cause, cause) || !strstr(s->finding, finding))
        print_error("got %s %s: %s\n", verdict_name(s->verdict), s->cause, s->finding);
    assert_string_equal(verdict_name(s->verdict), verdict_name(v));
    assert_string_equal(s->cause, cause);
    assert_non_null(strstr(s->finding, finding));
    if (!line)
        return;
    bool hit = false;
    for (int i = 0; i < s->n_evidence && !hit; i++)
        hit = !strcmp(s->evidence[i].line, line);
    if (!hit)
        for (int i = 0; i < s->n_evidence; i++)
            print_error("evidence[%d]: %s\n", i, s->evidence[i].line);
    assert_true(hit);
    assert_true(s->evidence[0].command[0] != '\0');
}

/* ------------------------------------------------------------ bgp_config, IOS */

static void cfg_case(const char *vendor, const char *cfg, const char *nei, verdict_t v, const char *cause,
                     const char *finding, const char *line)
{
    tc_t *t = tc_new(vendor);
    if (cfg)
        load(t, PROBE_BGP_CONFIG, cfg);
    if (nei)
        load(t, PROBE_BGP_NEIGHBOR, nei);
    run_cfg(t);
    expect(t, v, cause, finding, line);
    tc_free(t);
}

static void test_cfg_ios_pass(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_ok.txt", "ios_nei_up.txt", VERDICT_PASS, "none",
             "neighbor 192.168.100.130: remote-as 12076, local AS 65010, MD5 on, BFD on",
             "neighbor 192.168.100.130 remote-as 12076");
}

static void test_cfg_ios_peer_as(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_peer_as.txt", "ios_nei_peer_as.txt", VERDICT_FAIL, "peer_as_mismatch",
             "neighbor 192.168.100.130 remote-as 12075 configured; Microsoft is AS 12076",
             "neighbor 192.168.100.130 remote-as 12075");
}

static void test_cfg_ios_local_as(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_local_as.txt", "ios_nei_hold.txt", VERDICT_FAIL, "local_as_mismatch",
             "local AS 65011 used towards 192.168.100.130; the peering is registered with AS 65010", "router bgp 65011");
}

static void test_cfg_ios_timers_aws(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_timers_aws.txt", "ios_nei_up.txt", VERDICT_WARN, "timer_mismatch",
             "30/90 is AWS Direct Connect's default, not Microsoft's", "neighbor 192.168.100.130 timers 30 90");
}

static void test_cfg_ios_timers_fast(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_timers_fast.txt", "ios_nei_up.txt", VERDICT_WARN, "timer_mismatch",
             "timers 3/9 towards 192.168.100.130 are aggressive", "neighbor 192.168.100.130 timers 3 9");
}

static void test_cfg_ios_timers_long(void **state)
{
    (void)state;
    /* 240 > 180: no effect, the lower hold time wins; the up session negotiated 180. */
    cfg_case("ios", "ios_cfg_timers_long.txt", "ios_nei_up.txt", VERDICT_PASS, "none",
             "hold time 240 configured: above 180 it has no effect", "neighbor 192.168.100.130 remote-as 12076");
}

static void test_cfg_ios_timers_profile(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_timers_other.txt", "ios_nei_up.txt", VERDICT_WARN, "timer_mismatch",
             "timers 40/120 configured towards 192.168.100.130; the profile is 60/180",
             "neighbor 192.168.100.130 timers 40 120");
}

static void test_cfg_ios_md5_missing(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_no_md5.txt", "ios_nei_active.txt", VERDICT_FAIL, "md5_missing",
             "the CE has no MD5 key for 192.168.100.130, but the peering has a shared key (inventory md5 = yes)",
             "neighbor 192.168.100.130 remote-as 12076");
}

static void test_cfg_ios_md5_unexpected(void **state)
{
    (void)state;
    tc_t *t = tc_new("ios");
    t->dev.md5_expected = false;
    load(t, PROBE_BGP_CONFIG, "ios_cfg_ok.txt");
    load(t, PROBE_BGP_NEIGHBOR, "ios_nei_active.txt");
    run_cfg(t);
    /* The quoted line never carries the key. */
    expect(t, VERDICT_FAIL, "md5_missing", "the CE has an MD5 key for 192.168.100.130, but the peering has no shared "
           "key (inventory md5 = no): a key on one side only", "neighbor 192.168.100.130 password 7 <redacted>");
    tc_free(t);
}

static void test_cfg_ios_md5_unexpected_but_up(void **state)
{
    (void)state;
    tc_t *t = tc_new("ios");
    t->dev.md5_expected = false;
    load(t, PROBE_BGP_CONFIG, "ios_cfg_ok.txt");
    load(t, PROBE_BGP_NEIGHBOR, "ios_nei_up.txt");
    run_cfg(t);
    expect(t, VERDICT_PASS, "none", "the peering has the same shared key", NULL);
    tc_free(t);
}

static void test_cfg_ios_bfd_off(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_no_bfd.txt", "ios_nei_up.txt", VERDICT_WARN, "bfd_session_down",
             "BFD is expected but not configured for 192.168.100.130, so there is no BFD session", "neighbor 192.168.100.130 remote-as 12076");
}

/* The configuration with BFD on, a BFD table whose session with the peer is down, and the
 * neighbor in the given state. */
static void bfd_down_case(const char *nei, verdict_t v, const char *cause, const char *finding, const char *line)
{
    tc_t *t = tc_new("ios");
    load(t, PROBE_BGP_CONFIG, "ios_cfg_ok.txt");
    load(t, PROBE_BGP_NEIGHBOR, nei);
    load(t, PROBE_BFD, "bfd_ios_down.txt");
    run_cfg(t);
    expect(t, v, cause, finding, line);
    if (v == VERDICT_PASS)
        assert_null(strstr(t->s.finding, "BFD session"));
    tc_free(t);
}

static void test_cfg_ios_bfd_session_down(void **state)
{
    (void)state;
    bfd_down_case("ios_nei_up.txt", VERDICT_WARN, "bfd_session_down", "BGP is up, but its BFD session is down",
                  "192.168.100.130                      4097/0          Down      Down      Gi0/0/0.100");
}

static void test_cfg_ios_bfd_down_with_bgp_down(void **state)
{
    (void)state;
    /* BFD is down whenever BGP is: no BFD cause then, whatever the BFD table says. */
    bfd_down_case("ios_nei_active.txt", VERDICT_PASS, "none",
                  "neighbor 192.168.100.130: remote-as 12076, local AS 65010, MD5 on, BFD on", NULL);
}

static void test_cfg_ios_fallback_neighbor(void **state)
{
    (void)state;
    /* No configuration: the neighbor's header still shows the configured remote AS. */
    cfg_case("ios", NULL, "ios_nei_peer_as.txt", VERDICT_FAIL, "peer_as_mismatch",
             "remote-as 12075 configured; Microsoft is AS 12076",
             "BGP neighbor is 192.168.100.130,  remote AS 12075, external link");
}

static void test_cfg_ios_fallback_incomplete(void **state)
{
    (void)state;
    /* A down IOS session shows no MD5 flag: what cannot be seen is not passed. */
    cfg_case("ios", NULL, "ios_nei_active.txt", VERDICT_WARN, "evidence_missing", "not checked (evidence missing): local AS, MD5, timers",
             NULL);
}

static void test_cfg_ios_neighbor_missing(void **state)
{
    (void)state;
    cfg_case("ios", "ios_cfg_other_peer.txt", NULL, VERDICT_FAIL, "neighbor_missing",
             "no BGP neighbor 192.168.100.130 in the configuration", "router bgp 65010");
}

static void test_cfg_skip_missing(void **state)
{
    (void)state;
    cfg_case("ios", NULL, NULL, VERDICT_SKIP, "evidence_missing", "BGP configuration: not collected", NULL);
}

static void test_cfg_skip_timeout(void **state)
{
    (void)state;
    tc_t *t = tc_new("ios");
    fact_t *f = &t->ev.facts[PROBE_BGP_CONFIG];
    f->present = true;
    f->error = PERR_TIMEOUT;
    snprintf(f->command, sizeof(f->command), "%s", cmds[0].config);
    run_cfg(t);
    expect(t, VERDICT_SKIP, "evidence_missing", "'show running-config | section router bgp' failed", NULL);
    assert_int_equal(t->s.n_evidence, 0);
}

/* ------------------------------------------------------------ bgp_config, Junos */

static void test_cfg_junos_pass(void **state)
{
    (void)state;
    cfg_case("junos", "junos_cfg_ok.txt", "junos_nei_up.txt", VERDICT_PASS, "none",
             "remote-as 12076, local AS 65010, MD5 on, BFD on", "neighbor 192.168.100.130 {");
}

static void test_cfg_junos_peer_as(void **state)
{
    (void)state;
    cfg_case("junos", "junos_cfg_peer_as.txt", "junos_nei_peer_as.txt", VERDICT_FAIL, "peer_as_mismatch",
             "neighbor 192.168.100.130 remote-as 12075 configured; Microsoft is AS 12076", "peer-as 12075;");
}

static void test_cfg_junos_timers_aws(void **state)
{
    (void)state;
    /* Junos has no keepalive statement: a third of the hold time, 30/90. */
    cfg_case("junos", "junos_cfg_timers_aws.txt", "junos_nei_up.txt", VERDICT_WARN, "timer_mismatch",
             "AWS Direct Connect's default", "hold-time 90;");
}

static void test_cfg_junos_md5_missing(void **state)
{
    (void)state;
    cfg_case("junos", "junos_cfg_no_md5.txt", "junos_nei_active.txt", VERDICT_FAIL, "md5_missing",
             "the CE has no MD5 key for 192.168.100.130", "neighbor 192.168.100.130 {");
}

/* ------------------------------------------------------------ bgp_config, FRR */

static void test_cfg_frr_pass(void **state)
{
    (void)state;
    cfg_case("frr", "frr_cfg_ok.txt", "frr_nei_up.txt", VERDICT_PASS, "none", "MD5 on, BFD on",
             "neighbor 192.168.100.130 remote-as 12076");
}

static void test_cfg_frr_local_as(void **state)
{
    (void)state;
    cfg_case("frr", "frr_cfg_local_as.txt", "frr_nei_up.txt", VERDICT_FAIL, "local_as_mismatch",
             "local AS 65011 used towards 192.168.100.130", "router bgp 65011");
}

static void test_cfg_frr_timers_fast(void **state)
{
    (void)state;
    cfg_case("frr", "frr_cfg_timers_fast.txt", "frr_nei_up.txt", VERDICT_WARN, "timer_mismatch", "aggressive",
             "neighbor 192.168.100.130 timers 3 9");
}

static void test_cfg_frr_bfd_off(void **state)
{
    (void)state;
    cfg_case("frr", "frr_cfg_no_bfd.txt", "frr_nei_up.txt", VERDICT_WARN, "bfd_session_down", "BFD is expected",
             "neighbor 192.168.100.130 remote-as 12076");
}

static void test_cfg_frr_md5_unexpected(void **state)
{
    (void)state;
    tc_t *t = tc_new("frr");
    t->dev.md5_expected = false;
    load(t, PROBE_BGP_CONFIG, "frr_cfg_ok.txt");
    load(t, PROBE_BGP_NEIGHBOR, "frr_nei_config_change.txt");
    run_cfg(t);
    /* FRR keeps the password in clear: the evidence must not. */
    expect(t, VERDICT_FAIL, "md5_missing", "the peering has no shared key (inventory md5 = no): a key on one side only",
           "neighbor 192.168.100.130 password <redacted>");
    for (int i = 0; i < t->s.n_evidence; i++)
        assert_null(strstr(t->s.evidence[i].line, "er-lab-shared-key"));
    tc_free(t);
}

/* ------------------------------------------------------------ session */

static void session_case(const char *vendor, const char *nei, const char *sum, const char *log, const char *cfg,
                         verdict_t v, const char *cause, const char *finding, const char *line)
{
    tc_t *t = tc_new(vendor);
    if (nei)
        load(t, PROBE_BGP_NEIGHBOR, nei);
    if (sum)
        load(t, PROBE_BGP_SUMMARY, sum);
    if (log)
        load(t, PROBE_LOG_AUTH, log);
    if (cfg)
        load(t, PROBE_BGP_CONFIG, cfg);
    run_session(t);
    expect(t, v, cause, finding, line);
    tc_free(t);
}

static void test_session_ios_up(void **state)
{
    (void)state;
    session_case("ios", "ios_nei_up.txt", NULL, NULL, NULL, VERDICT_PASS, "none",
                 "Established for 1w2d, 12 prefixes received", "BGP state = Established, up for 1w2d");
}

static void test_session_ios_peer_as(void **state)
{
    (void)state;
    session_case("ios", "ios_nei_peer_as.txt", NULL, NULL, NULL, VERDICT_FAIL, "peer_as_mismatch",
                 "last NOTIFICATION sent: OPEN Message Error / Bad Peer AS (2/2)",
                 "Last reset 00:00:21, due to BGP Notification sent, peer in wrong AS");
}

static void test_session_ios_hold(void **state)
{
    (void)state;
    session_case("ios", "ios_nei_hold.txt", NULL, NULL, "ios_cfg_no_md5.txt", VERDICT_FAIL, "hold_timer_expired",
                 "Hold Timer Expired (4/0)", "Last reset 00:06:40, due to BGP Notification sent, hold time expired");
}

static void test_session_ios_md5_log(void **state)
{
    (void)state;
    /* The key changed on one side: the hold timer expired, then Active with BADAUTH lines. */
    session_case("ios", "ios_nei_hold.txt", NULL, "ios_log_badauth.txt", "ios_cfg_ok.txt", VERDICT_FAIL, "md5_mismatch",
                 "both sides have an MD5 key for 192.168.100.130, but they differ: the log shows authentication failures",
                 "Nov 25 18:52:07.123: %TCP-6-BADAUTH: Invalid MD5 digest from 192.168.100.130(179) to "
                 "192.168.100.129(48211) tableid - 0");
}

static void test_session_ios_md5_one_side(void **state)
{
    (void)state;
    session_case("ios", "ios_nei_active.txt", NULL, "ios_log_nodigest.txt", "ios_cfg_ok.txt", VERDICT_FAIL,
                 "md5_missing", "the CE has an MD5 key for 192.168.100.130, but the log shows segments from 192.168.100.130 "
                 "without an MD5 digest: the peering has no shared key",
                 "Nov 25 18:52:07.123: %TCP-6-BADAUTH: No MD5 digest from 192.168.100.130(179) to "
                 "192.168.100.129(48211) tableid - 0");
}

static void test_session_ios_md5_configured_no_log(void **state)
{
    (void)state;
    /* A key and silence alone look the same as a filter on TCP 179: the TCP 179 step weighs
     * that from the CE's own evidence; the session step only says what it sees. */
    session_case("ios", "ios_nei_active.txt", NULL, NULL, "ios_cfg_ok.txt", VERDICT_FAIL, "session_down",
                 "no TCP session and no NOTIFICATION", "BGP state = Active");
}

static void test_session_ios_admin(void **state)
{
    (void)state;
    session_case("ios", "ios_nei_admin.txt", "ios_sum_admin.txt", NULL, "ios_cfg_ok.txt", VERDICT_FAIL, "peer_shutdown",
                 "192.168.100.130 is administratively shut down", "Administratively shut down");
}

static void test_session_ios_admin_summary_only(void **state)
{
    (void)state;
    session_case("ios", NULL, "ios_sum_admin.txt", NULL, NULL, VERDICT_FAIL, "peer_shutdown", "(Idle (Admin))",
                 "192.168.100.130 4        12076    8713    8733        1    0    0 00:00:41 Idle (Admin)");
}

/* No key on either side (inventory md5 = no): nothing more specific than "down". */
static void session_no_md5_case(const char *vendor, const char *nei, const char *cfg, const char *finding,
                                const char *line)
{
    tc_t *t = tc_new(vendor);
    t->dev.md5_expected = false;
    load(t, PROBE_BGP_NEIGHBOR, nei);
    load(t, PROBE_BGP_CONFIG, cfg);
    run_session(t);
    expect(t, VERDICT_FAIL, "session_down", finding, line);
    tc_free(t);
}

static void test_session_ios_down_unknown(void **state)
{
    (void)state;
    session_no_md5_case("ios", "ios_nei_active.txt", "ios_cfg_no_md5.txt", "no TCP session and no NOTIFICATION",
                        "BGP state = Active");
}

static void test_session_junos_up(void **state)
{
    (void)state;
    session_case("junos", "junos_nei_up.txt", NULL, NULL, NULL, VERDICT_PASS, "none", "12 prefixes received",
                 "Type: External    State: Established    Flags: <Sync>");
}

static void test_session_junos_hold(void **state)
{
    (void)state;
    session_case("junos", "junos_nei_hold.txt", NULL, NULL, NULL, VERDICT_FAIL, "hold_timer_expired",
                 "last NOTIFICATION sent: Hold Timer Expired (4)", "Last Error: Hold Timer Expired Error");
}

static void test_session_junos_peer_as(void **state)
{
    (void)state;
    /* Junos prints no subcode: the remote AS we configured tells it is 2/2. */
    session_case("junos", "junos_nei_peer_as.txt", NULL, NULL, NULL, VERDICT_FAIL, "peer_as_mismatch",
                 "OPEN Message Error (2): our remote AS is not the peer's", "Last Error: Open Message Error");
}

static void test_session_junos_md5(void **state)
{
    (void)state;
    session_case("junos", "junos_nei_active.txt", NULL, "junos_log_md5.txt", "junos_cfg_ok.txt", VERDICT_FAIL,
                 "md5_mismatch", "the log shows authentication failures from 192.168.100.130",
                 "Nov 25 18:52:07  er-ce2 /kernel: tcp_auth_ok: Packet from 192.168.100.130:179 wrong MD5 digest");
}

static void test_session_frr_up(void **state)
{
    (void)state;
    session_case("frr", "frr_nei_up.txt", "frr_sum_up.txt", NULL, NULL, VERDICT_PASS, "none",
                 "Established for 1w2d, 12 prefixes received", "BGP state = Established, up for 1w2d");
}

static void test_session_frr_hold_unacceptable(void **state)
{
    (void)state;
    session_case("frr", "frr_nei_hold_unacc.txt", NULL, NULL, "frr_cfg_timers_fast.txt", VERDICT_FAIL, "timer_mismatch",
                 "last NOTIFICATION received: OPEN Message Error / Unacceptable Hold Time (2/6)",
                 "Last reset 00:00:31,  Notification received (OPEN Message Error/Unacceptable Hold Time)");
}

static void test_session_frr_max_prefix(void **state)
{
    (void)state;
    /* Sent by the CE: its own maximum-prefix tripped. */
    session_case("frr", "frr_nei_max_prefix.txt", NULL, NULL, "frr_cfg_ok.txt", VERDICT_FAIL, "local_prefix_limit",
                 "last NOTIFICATION sent: Cease / Maximum Number of Prefixes Reached (6/1): the CE's own maximum-prefix",
                 "Last reset 00:01:10,  Notification sent (Cease/Maximum Number of Prefixes Reached)");
}

static void test_session_frr_admin(void **state)
{
    (void)state;
    session_case("frr", "frr_nei_admin.txt", NULL, NULL, NULL, VERDICT_FAIL, "peer_shutdown", "administratively shut down",
                 "Administratively shut down");
}

static void test_session_frr_md5_after_config_change(void **state)
{
    (void)state;
    /* Setting the key reset the session (6/6); since then: Active, nothing sent back. */
    session_case("frr", "frr_nei_config_change.txt", NULL, NULL, "frr_cfg_ok.txt", VERDICT_FAIL, "md5_mismatch",
                 "an MD5 key configured on our side", "BGP state = Active");
}

static void test_session_frr_config_change_no_md5(void **state)
{
    (void)state;
    /* No key on either side: a configuration-change reset and Active say nothing more specific. */
    session_no_md5_case("frr", "frr_nei_config_change.txt", "frr_cfg_no_md5.txt", "Cease / Other Configuration Change (6/6)",
                        "Last reset 00:03:41,  Notification sent (Cease/Other Configuration Change)");
}

static void test_session_frr_summary_only_up(void **state)
{
    (void)state;
    session_case("frr", NULL, "frr_sum_up.txt", NULL, NULL, VERDICT_PASS, "none", "Established for 1w2d, 12 prefixes received",
                 "192.168.100.130 4      12076     10095     10092        0    0    0 1w2d01h           12        3 MSEE primary");
}

static void test_session_frr_summary_only_pfxct(void **state)
{
    (void)state;
    session_case("frr", NULL, "frr_sum_pfxct.txt", NULL, NULL, VERDICT_FAIL, "local_prefix_limit",
                 "Cease / Maximum Number of Prefixes Reached (6/1)",
                 "192.168.100.130 4      12076     10195     10102        0    0    0 00:01:10  Idle (PfxCt)        0 MSEE primary");
}

static void test_session_frr_md5_console_does_not_decide(void **state)
{
    (void)state;
    /* A key set (6/6) and silence since: the console host's timed-out connect test crosses
     * another path (a management network) and changes nothing. */
    tc_t *t = tc_new("frr");
    load(t, PROBE_BGP_NEIGHBOR, "frr_nei_config_change.txt");
    load(t, PROBE_BGP_CONFIG, "frr_cfg_ok.txt");
    t->ev.has_console_tcp = true;
    t->ev.console_tcp.result = TCP_TIMEOUT;
    run_session(t);
    expect(t, VERDICT_FAIL, "md5_mismatch", "an MD5 key configured on our side", "BGP state = Active");
    tc_free(t);
}

/* ------------------------------------------------------------ EOS */

static void test_cfg_eos_pass(void **state)
{
    (void)state;
    cfg_case("eos", "eos_cfg_ok.txt", "eos_nei_up.txt", VERDICT_PASS, "none",
             "remote-as 12076, local AS 65010, MD5 on, BFD on", "neighbor 192.168.100.130 peer group MSEE");
}

static void test_cfg_eos_peer_as_from_group(void **state)
{
    (void)state;
    /* The remote AS comes from the peer group: its line is the evidence. */
    cfg_case("eos", "eos_cfg_peer_as.txt", "eos_nei_local_as.txt", VERDICT_FAIL, "peer_as_mismatch",
             "remote-as 12075 configured; Microsoft is AS 12076", "neighbor MSEE remote-as 12075");
}

static void test_cfg_eos_local_as(void **state)
{
    (void)state;
    cfg_case("eos", "eos_cfg_local_as.txt", "eos_nei_local_as.txt", VERDICT_FAIL, "local_as_mismatch",
             "local AS 65011 used towards 192.168.100.130", "router bgp 65011");
}

static void test_session_eos_up(void **state)
{
    (void)state;
    session_case("eos", "eos_nei_up.txt", NULL, NULL, NULL, VERDICT_PASS, "none",
                 "Established for 1w2d, 12 prefixes received; last reset: Cease/administrative reset",
                 "BGP state is Established, up for 1w2d");
}

/* EOS neighbor detail holding a line the parser does not know: in a header (a) or in another
 * neighbor's block (b) the steps PASS as on the clean answer and say nothing of it; in the
 * block of the neighbor they judge from (c) they PASS on the lines that were read and name it. */
static void test_eos_unknown_line(void **state)
{
    (void)state;
    static const char *const elsewhere[] = {"eos_nei_up_unknown_header.txt", "eos_nei_up_unknown_other.txt"};
    for (size_t i = 0; i < 2; i++) {
        tc_t *t = tc_new("eos");
        load(t, PROBE_BGP_NEIGHBOR, elsewhere[i]);
        assert_true(t->ev.facts[PROBE_BGP_NEIGHBOR].partial);
        run_session(t);
        expect(t, VERDICT_PASS, "none", "Established for 1w2d, 12 prefixes received", "BGP state is Established, up for 1w2d");
        assert_null(strstr(t->s.finding, "could not be read"));
        load(t, PROBE_BGP_CONFIG, "eos_cfg_ok.txt");
        run_cfg(t);
        expect(t, VERDICT_PASS, "none", "remote-as 12076, local AS 65010, MD5 on, BFD on", NULL);
        assert_null(strstr(t->s.finding, "could not be read"));
        tc_free(t);
    }
    const char *said = "the neighbor's block in 'show ip bgp neighbors 192.168.100.130': line 44 (\"Outbound "
                       "update-source: Ethernet1\") could not be read; judged from the lines that were read";
    session_case("eos", "eos_nei_up_unknown_used.txt", NULL, NULL, NULL, VERDICT_PASS, "none", said,
                 "BGP state is Established, up for 1w2d");
    cfg_case("eos", "eos_cfg_ok.txt", "eos_nei_up_unknown_used.txt", VERDICT_PASS, "none", said, NULL);
}

static void test_session_eos_bad_peer_as_received(void **state)
{
    (void)state;
    /* EOS prints the NOTIFICATION in words only; Microsoft rejected our AS 65011. */
    session_case("eos", "eos_nei_local_as.txt", NULL, NULL, "eos_cfg_local_as.txt", VERDICT_FAIL, "local_as_mismatch",
                 "last NOTIFICATION received: OPEN Message Error / Bad Peer AS (2/2): our local AS is not the one "
                 "registered for the peering",
                 "Last rcvd notification:OPEN Message Error/Bad Peer AS, Last time 00:00:21, First time 00:14:02, "
                 "Repeats 9");
}

static void test_cfg_ios_cut_short(void **state)
{
    (void)state;
    /* Everything read is right, but the answer stops inside a block: no PASS. */
    cfg_case("ios", "ios_cfg_cut.txt", "ios_nei_up.txt", VERDICT_WARN, "evidence_missing",
             "not checked (evidence missing): settings beyond the cut-off configuration output",
             "neighbor 192.168.100.130 remote-as 12076");
}

static void test_session_junos_up_cut_short(void **state)
{
    (void)state;
    /* The state was read before the cut: the PASS stands on it, and says where the answer stopped. */
    session_case("junos", "junos_nei_up_cut.txt", NULL, NULL, NULL, VERDICT_PASS, "none",
                 "Established, 12 prefixes received; the neighbor's block in 'show bgp neighbor 192.168.100.130': it was "
                 "cut short (the last neighbor block is cut short); judged from the lines that were read",
                 "Type: External    State: Established    Flags: <Sync>");
}

static void test_session_frr_peer_shutdown_received(void **state)
{
    (void)state;
    session_case("frr", "frr_nei_peer_shutdown.txt", NULL, NULL, "frr_cfg_ok.txt", VERDICT_FAIL, "peer_shutdown",
                 "last NOTIFICATION received: Cease / Administrative Shutdown (6/2): the peer shut the session down",
                 "Last reset 00:03:41,  Notification received (Cease/Administrative Shutdown)");
}

static void test_session_skip(void **state)
{
    (void)state;
    session_case("ios", NULL, NULL, NULL, NULL, VERDICT_SKIP, "evidence_missing", "neighbor detail: not collected", NULL);
}

static void test_session_skip_failed(void **state)
{
    (void)state;
    tc_t *t = tc_new("frr");
    fact_t *f = &t->ev.facts[PROBE_BGP_NEIGHBOR];
    f->present = true;
    f->error = PERR_TIMEOUT;
    snprintf(f->command, sizeof(f->command), "%s", cmds[2].neighbor);
    run_session(t);
    expect(t, VERDICT_SKIP, "evidence_missing", "'show bgp neighbors 192.168.100.130' failed", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cfg_ios_pass),
        cmocka_unit_test(test_cfg_ios_peer_as),
        cmocka_unit_test(test_cfg_ios_local_as),
        cmocka_unit_test(test_cfg_ios_timers_aws),
        cmocka_unit_test(test_cfg_ios_timers_fast),
        cmocka_unit_test(test_cfg_ios_timers_long),
        cmocka_unit_test(test_cfg_ios_timers_profile),
        cmocka_unit_test(test_cfg_ios_md5_missing),
        cmocka_unit_test(test_cfg_ios_md5_unexpected),
        cmocka_unit_test(test_cfg_ios_md5_unexpected_but_up),
        cmocka_unit_test(test_cfg_ios_bfd_off),
        cmocka_unit_test(test_cfg_ios_bfd_session_down),
        cmocka_unit_test(test_cfg_ios_bfd_down_with_bgp_down),
        cmocka_unit_test(test_cfg_ios_fallback_neighbor),
        cmocka_unit_test(test_cfg_ios_fallback_incomplete),
        cmocka_unit_test(test_cfg_ios_neighbor_missing),
        cmocka_unit_test(test_cfg_skip_missing),
        cmocka_unit_test(test_cfg_skip_timeout),
        cmocka_unit_test(test_cfg_junos_pass),
        cmocka_unit_test(test_cfg_junos_peer_as),
        cmocka_unit_test(test_cfg_junos_timers_aws),
        cmocka_unit_test(test_cfg_junos_md5_missing),
        cmocka_unit_test(test_cfg_frr_pass),
        cmocka_unit_test(test_cfg_frr_local_as),
        cmocka_unit_test(test_cfg_frr_timers_fast),
        cmocka_unit_test(test_cfg_frr_bfd_off),
        cmocka_unit_test(test_cfg_frr_md5_unexpected),
        cmocka_unit_test(test_session_ios_up),
        cmocka_unit_test(test_session_ios_peer_as),
        cmocka_unit_test(test_session_ios_hold),
        cmocka_unit_test(test_session_ios_md5_log),
        cmocka_unit_test(test_session_ios_md5_one_side),
        cmocka_unit_test(test_session_ios_md5_configured_no_log),
        cmocka_unit_test(test_session_ios_admin),
        cmocka_unit_test(test_session_ios_admin_summary_only),
        cmocka_unit_test(test_session_ios_down_unknown),
        cmocka_unit_test(test_session_junos_up),
        cmocka_unit_test(test_session_junos_hold),
        cmocka_unit_test(test_session_junos_peer_as),
        cmocka_unit_test(test_session_junos_md5),
        cmocka_unit_test(test_session_frr_up),
        cmocka_unit_test(test_session_frr_hold_unacceptable),
        cmocka_unit_test(test_session_frr_max_prefix),
        cmocka_unit_test(test_session_frr_admin),
        cmocka_unit_test(test_session_frr_md5_after_config_change),
        cmocka_unit_test(test_session_frr_config_change_no_md5),
        cmocka_unit_test(test_session_frr_summary_only_up),
        cmocka_unit_test(test_session_frr_summary_only_pfxct),
        cmocka_unit_test(test_session_frr_md5_console_does_not_decide),
        cmocka_unit_test(test_cfg_eos_pass),
        cmocka_unit_test(test_cfg_eos_peer_as_from_group),
        cmocka_unit_test(test_cfg_eos_local_as),
        cmocka_unit_test(test_session_eos_up),
        cmocka_unit_test(test_session_eos_bad_peer_as_received),
        cmocka_unit_test(test_cfg_ios_cut_short),
        cmocka_unit_test(test_session_junos_up_cut_short),
        cmocka_unit_test(test_eos_unknown_line),
        cmocka_unit_test(test_session_frr_peer_shutdown_received),
        cmocka_unit_test(test_session_skip),
        cmocka_unit_test(test_session_skip_failed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
