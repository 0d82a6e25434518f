/* test_causes.c: causes, not symptoms, over a whole runbook.
 *
 * The ranking rules on hand-made step results (a symptom follows from the cause that explains
 * it, a cause found by two steps is listed once with a line from each, a WARN never explains a
 * FAIL), then the bundled scenarios (scenarios/<name>/) loaded as evidence and judged by the
 * whole BGP runbook: BFD only beside an up BGP session, the peer's address held by the CE is
 * address_swapped, both steps agree on which side lacks the MD5 key, the two prefix limits
 * point the right way, and the verdict JSON lists each cause once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/inventory.h"
#include "framework/steps.h"
#include "report/verdict.h"
#include "tests/testhelp.h"

/* ------------------------------------------------------------ hand-made step results */

static step_result_t *add_step(runbook_result_t *r, const char *id, verdict_t v, const char *cause, const char *line)
{
    step_result_t *s = &r->steps[r->n_steps++];
    memset(s, 0, sizeof(*s));
    s->id = id;
    s->title = id;
    s->verdict = v;
    snprintf(s->cause, sizeof(s->cause), "%s", cause);
    snprintf(s->finding, sizeof(s->finding), "%s found", cause);
    if (line) {
        snprintf(s->evidence[0].command, sizeof(s->evidence[0].command), "show %s", id);
        snprintf(s->evidence[0].line, sizeof(s->evidence[0].line), "%s", line);
        s->n_evidence = 1;
    }
    snprintf(s->next[0], sizeof(s->next[0]), "fix %s", cause);
    s->n_next = 1;
    return s;
}

static bool listed(const runbook_result_t *r, const char *cause)
{
    for (int i = 0; i < r->n_causes; i++)
        if (!strcmp(r->steps[r->causes[i]].cause, cause))
            return true;
    return false;
}

static void md5_makes_tcp179_follow(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    add_step(&r, "tcp179", VERDICT_FAIL, "tcp179_blocked", "% Connection timed out");
    add_step(&r, "session", VERDICT_FAIL, "md5_mismatch", "%TCP-6-BADAUTH Invalid MD5 digest");
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.n_causes, 1);
    assert_string_equal(r.steps[r.causes[0]].id, "session");
    const step_result_t *t = &r.steps[0];
    assert_int_equal(t->verdict, VERDICT_FAIL); /* what it saw stays true */
    assert_string_equal(t->cause, "md5_mismatch");
    assert_string_equal(t->follows, "session");
    assert_non_null(strstr(t->finding, "this follows from md5_mismatch (session), not a separate fault"));
    assert_non_null(strstr(t->finding, "seen: \"% Connection timed out\""));
    assert_null(strstr(t->finding, "firewall or ACL drops"));
    assert_int_equal(t->n_next, 0); /* no ACL to open */
    assert_false(listed(&r, "tcp179_blocked"));
}

static void admin_down_peer_makes_tcp179_follow(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    add_step(&r, "tcp179", VERDICT_FAIL, "tcp179_refused", "% Connection refused by remote host");
    add_step(&r, "session", VERDICT_FAIL, "peer_shutdown", "Notification received (Cease/Administrative Shutdown)");
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.n_causes, 1);
    assert_string_equal(r.steps[0].cause, "peer_shutdown");
    assert_string_equal(r.steps[0].follows, "session");
    assert_non_null(strstr(r.steps[0].finding, "shut down administratively"));
}

static void same_cause_listed_once(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    add_step(&r, "bgp_config", VERDICT_FAIL, "peer_as_mismatch", "neighbor 192.168.100.130 remote-as 12075");
    add_step(&r, "session", VERDICT_FAIL, "peer_as_mismatch", "Last reset 00:00:19, due to BGP Notification sent, peer in wrong AS");
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.n_causes, 1);
    assert_int_equal(r.causes[0], 0);
    const cause_group_t *g = &r.groups[0];
    assert_int_equal(g->n_steps, 2);
    assert_int_equal(g->steps[1], 1);
    assert_int_equal(g->n_evidence, 2);
    assert_string_equal(g->evidence[0].line, "neighbor 192.168.100.130 remote-as 12075");
    assert_string_equal(g->evidence[1].line, "Last reset 00:00:19, due to BGP Notification sent, peer in wrong AS");
    assert_null(r.steps[1].follows); /* found on its own, not a symptom */
}

static void merged_steps_add_distinct_lines(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    step_result_t *a = add_step(&r, "bgp_config", VERDICT_FAIL, "md5_mismatch", "%TCP-6-BADAUTH Invalid MD5 digest");
    step_result_t *b = add_step(&r, "session", VERDICT_FAIL, "md5_mismatch", NULL);
    b->evidence[0] = a->evidence[0]; /* both quote the same log line first */
    b->evidence[1] = a->evidence[0];
    snprintf(b->evidence[1].line, sizeof(b->evidence[1].line), "BGP state = Active");
    b->n_evidence = 2;
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.groups[0].n_evidence, 2);
    assert_string_equal(r.groups[0].evidence[1].line, "BGP state = Active");
}

static void warn_never_explains_fail(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    add_step(&r, "bgp_config", VERDICT_WARN, "md5_missing", "neighbor 192.168.100.130 remote-as 12076");
    add_step(&r, "tcp179", VERDICT_FAIL, "tcp179_blocked", "% Connection timed out");
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.n_causes, 2);
    assert_string_equal(r.steps[r.causes[0]].cause, "tcp179_blocked");
    assert_null(r.steps[1].follows);
}

static void subnet_mismatch_explains_arp_tcp_session(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    device_t d;
    memset(&d, 0, sizeof(d));
    d.has_peer_ip = ip_parse("192.168.100.130", &d.peer_ip);
    evidence_t ev = {.device = &d};
    add_step(&r, "arp", VERDICT_FAIL, "arp_incomplete", "(empty answer)");
    add_step(&r, "addressing", VERDICT_FAIL, "subnet_mismatch", "Internet address is 192.168.100.137/30");
    add_step(&r, "tcp179", VERDICT_FAIL, "tcp179_blocked", "% Destination unreachable; gateway or host down");
    add_step(&r, "session", VERDICT_FAIL, "session_down", "BGP state = Idle");
    runbook_rank_causes(&ev, &r);
    assert_int_equal(r.n_causes, 1);
    assert_string_equal(r.steps[r.causes[0]].cause, "subnet_mismatch");
    assert_false(listed(&r, "arp_incomplete") || listed(&r, "tcp179_blocked") || listed(&r, "session_down"));
    assert_non_null(strstr(r.steps[0].finding, "never sends an ARP request for it"));
    assert_null(strstr(r.steps[0].finding, "does not answer"));
    assert_non_null(strstr(r.steps[2].finding, "no route to it"));
    for (int i = 0; i < 4; i++)
        if (i != 1)
            assert_string_equal(r.steps[i].follows, "addressing");
}

static void link_down_is_the_root_of_a_chain(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    add_step(&r, "physical", VERDICT_FAIL, "link_down", "GigabitEthernet0/0/0 is administratively down");
    add_step(&r, "arp", VERDICT_FAIL, "arp_incomplete", NULL);
    add_step(&r, "tcp179", VERDICT_FAIL, "tcp179_blocked", NULL);
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.n_causes, 1);
    /* TCP 179 follows from the link, the root, not from ARP (itself a symptom). */
    assert_string_equal(r.steps[2].follows, "physical");
    assert_string_equal(r.steps[2].cause, "link_down");
}

static void unrelated_causes_stay_apart(void **state)
{
    (void)state;
    runbook_result_t r;
    memset(&r, 0, sizeof(r));
    add_step(&r, "bgp_config", VERDICT_WARN, "timer_mismatch", "neighbor 192.168.100.130 timers 30 90");
    add_step(&r, "route_filters", VERDICT_FAIL, "inbound_filter", "seq 5 permit 10.9.0.0/16");
    runbook_rank_causes(NULL, &r);
    assert_int_equal(r.n_causes, 2);
    assert_string_equal(r.steps[r.causes[0]].cause, "inbound_filter");
    assert_string_equal(r.steps[r.causes[1]].cause, "timer_mismatch");
}

/* ------------------------------------------------------------ the bundled scenarios */

typedef struct {
    inventory_t inv;
    evidence_t ev;
    runbook_result_t r;
} scenario_t;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 4 << 20);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (4 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The probe's command for this device, as the vendor's table writes it ({peer} filled). */
static void probe_command(const vendor_t *v, probe_id_t p, char *out, size_t size)
{
    const vendor_probe_t *vp = vendor_probe(v, p);
    const char *t = vp ? vp->command : "", *at = strstr(t, "{peer}");
    if (at)
        snprintf(out, size, "%.*s192.168.100.130%s", (int)(at - t), t, at + 6);
    else
        snprintf(out, size, "%s", t);
}

/* One answer from <dir>/<file> into f, as erdiag check's replay would hand it over. */
static void load_fact(fact_t *f, const vendor_t *v, probe_id_t p, const char *dir, const char *file, double at)
{
    char path[700], cmd[512];
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    probe_command(v, p, cmd, sizeof(cmd));
    char *text = read_file(path);
    memset(f, 0, sizeof(*f));
    f->present = true;
    snprintf(f->command, sizeof(f->command), "%s", cmd);
    if (!vendor_probe(v, p) || !text) {
        f->error = !vendor_probe(v, p) ? PERR_UNSUPPORTED : PERR_MISSING;
        free(text);
        return;
    }
    if (p == PROBE_LOG_AUTH || !strncmp(text, "% ", 2)) { /* no parser / the device's own refusal */
        f->raw = text;
        f->raw_len = strlen(text);
        f->error = p == PROBE_LOG_AUTH ? PERR_NONE : PERR_REJECTED;
        return;
    }
    th_fact(f, v->name, cmd, text);
    f->at = at;
    free(text);
}

static void scenario_load(scenario_t *x, const char *name)
{
    static const probe_id_t probes[] = {PROBE_BGP_SUMMARY, PROBE_BGP_NEIGHBOR, PROBE_BGP_CONFIG, PROBE_PREFIX_LISTS,
                                        PROBE_ROUTE_MAPS, PROBE_ARP, PROBE_TCP_179, PROBE_BFD, PROBE_LOG_AUTH};
    char dir[600], ini[700], err[300], file[64];
    memset(x, 0, sizeof(*x));
    snprintf(dir, sizeof(dir), "%s/../../scenarios/%s", FIXTURE_DIR, name);
    snprintf(ini, sizeof(ini), "%s/device.ini", dir);
    if (inventory_load(&x->inv, ini, err, sizeof(err)) != 0)
        fail_msg("%s: %s", ini, err);
    assert_int_equal(x->inv.n_devices, 1);
    x->ev.device = &x->inv.devices[0];
    const vendor_t *v = x->ev.vendor = vendor_find(x->ev.device->vendor);
    assert_non_null(v);
    load_fact(&x->ev.earlier[PROBE_INTERFACES], v, PROBE_INTERFACES, dir, "interfaces.txt", 0);
    load_fact(&x->ev.facts[PROBE_INTERFACES], v, PROBE_INTERFACES, dir, "interfaces.2.txt", 60);
    for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
        snprintf(file, sizeof(file), "%s.txt", probe_name(probes[i]));
        load_fact(&x->ev.facts[probes[i]], v, probes[i], dir, file, 60);
    }
    snprintf(ini, sizeof(ini), "%s/tcp_console.txt", dir);
    char *word = read_file(ini);
    if (word) {
        static const char *const names[] = {"open", "refused", "timeout", "unreachable"};
        for (int i = 0; i < 4; i++)
            if (!strncmp(word, names[i], strlen(names[i]))) {
                x->ev.has_console_tcp = true;
                x->ev.console_tcp.result = (tcp_result_t)i;
            }
        free(word);
    }
    runbook_evaluate(RUNBOOK_BGP, &x->ev, &x->r);
}

static void scenario_free(scenario_t *x)
{
    for (int i = 0; i < PROBE_COUNT; i++) {
        free((void *)x->ev.facts[i].raw);
        free((void *)x->ev.facts[i].records);
        free((void *)x->ev.earlier[i].raw);
        free((void *)x->ev.earlier[i].records);
    }
    inventory_free(&x->inv);
}

static const step_result_t *step(const scenario_t *x, const char *id)
{
    for (int i = 0; i < x->r.n_steps; i++)
        if (!strcmp(x->r.steps[i].id, id))
            return &x->r.steps[i];
    fail_msg("no step %s", id);
    return NULL;
}

/* No step reports the cause: not as a cause, not as its own result. */
static void assert_absent(const scenario_t *x, const char *cause)
{
    for (int i = 0; i < x->r.n_steps; i++)
        if (!strcmp(x->r.steps[i].cause, cause))
            fail_msg("step %s reports %s: %s", x->r.steps[i].id, cause, x->r.steps[i].finding);
}

static void assert_root(const scenario_t *x, const char *cause)
{
    if (x->r.n_causes == 0 || strcmp(x->r.steps[x->r.causes[0]].cause, cause) != 0)
        fail_msg("root cause %s, expected %s", x->r.n_causes ? x->r.steps[x->r.causes[0]].cause : "none", cause);
}

/* The cause is listed once, found by exactly these steps, with a line from each. */
static void assert_merged(const scenario_t *x, const char *cause, const char *a, const char *b)
{
    int found = -1;
    for (int i = 0; i < x->r.n_causes; i++)
        if (!strcmp(x->r.steps[x->r.causes[i]].cause, cause)) {
            assert_int_equal(found, -1);
            found = i;
        }
    assert_true(found >= 0);
    const cause_group_t *g = &x->r.groups[found];
    assert_int_equal(g->n_steps, 2);
    assert_string_equal(x->r.steps[g->steps[0]].id, a);
    assert_string_equal(x->r.steps[g->steps[1]].id, b);
    assert_int_equal(g->n_evidence, 2);
    assert_string_not_equal(g->evidence[0].line, g->evidence[1].line);
}

static void scenario_md5_mismatch_ios(void **state)
{
    (void)state;
    scenario_t x;
    scenario_load(&x, "md5-mismatch-ios");
    assert_root(&x, "md5_mismatch");
    assert_merged(&x, "md5_mismatch", "bgp_config", "session");
    assert_absent(&x, "tcp179_blocked");
    assert_absent(&x, "session_down");
    assert_absent(&x, "bfd_session_down"); /* BFD is down because BGP is */
    /* The router's telnet timed out, which MD5 explains: TCP 179 is not judged, and says why. */
    assert_int_equal(step(&x, "tcp179")->verdict, VERDICT_SKIP);
    assert_string_equal(step(&x, "tcp179")->cause, "not_applicable");
    assert_non_null(strstr(step(&x, "tcp179")->finding, "MD5/authentication failures"));
    assert_int_equal(x.r.n_causes, 1);
    scenario_free(&x);
}

static void scenario_asn_mismatch_ios(void **state)
{
    (void)state;
    scenario_t x;
    scenario_load(&x, "asn-mismatch-ios");
    assert_root(&x, "peer_as_mismatch");
    assert_merged(&x, "peer_as_mismatch", "bgp_config", "session");
    assert_string_equal(x.r.groups[0].evidence[0].line, "neighbor 192.168.100.130 remote-as 12075");
    assert_string_equal(x.r.groups[0].evidence[1].line, "Last reset 00:00:19, due to BGP Notification sent, peer in wrong AS");
    assert_int_equal(x.r.n_causes, 1);
    /* The step list still shows both verdicts. */
    assert_int_equal(step(&x, "bgp_config")->verdict, VERDICT_FAIL);
    assert_int_equal(step(&x, "session")->verdict, VERDICT_FAIL);
    scenario_free(&x);
}

static void scenario_asn_mismatch_junos(void **state)
{
    (void)state;
    scenario_t x;
    scenario_load(&x, "asn-mismatch-junos");
    assert_root(&x, "peer_as_mismatch");
    assert_merged(&x, "peer_as_mismatch", "bgp_config", "session");
    assert_int_equal(x.r.n_causes, 1);
    scenario_free(&x);
}

static void scenario_verdict_json_lists_once(void **state)
{
    (void)state;
    scenario_t x;
    scenario_load(&x, "asn-mismatch-ios");
    verdict_meta_t m = {.device = "ce1-nyc", .vendor = "ios", .runbook = "bgp", .collect_s = -1, .width = 100};
    json_t *j = verdict_json(&m, &x.r);
    json_t *causes = json_object_get(j, "causes");
    assert_int_equal(json_array_size(causes), 1);
    json_t *c = json_array_get(causes, 0);
    assert_string_equal(json_string_value(json_object_get(c, "cause")), "peer_as_mismatch");
    json_t *steps = json_object_get(c, "steps"), *ev = json_object_get(c, "evidence");
    assert_int_equal(json_array_size(steps), 2);
    assert_string_equal(json_string_value(json_array_get(steps, 1)), "session");
    assert_int_equal(json_array_size(ev), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 1), "line")),
                        "Last reset 00:00:19, due to BGP Notification sent, peer in wrong AS");
    json_decref(j);
    scenario_free(&x);
}

static void scenario_wrong_subnet_words(void **state)
{
    (void)state;
    static const char *const names[] = {"wrong-subnet-ios", "wrong-subnet-junos"};
    for (int i = 0; i < 2; i++) {
        scenario_t x;
        scenario_load(&x, names[i]);
        assert_root(&x, "subnet_mismatch");
        assert_int_equal(x.r.n_causes, 1);
        assert_absent(&x, "arp_incomplete");
        assert_absent(&x, "tcp179_blocked");
        assert_absent(&x, "session_down");
        const step_result_t *arp = step(&x, "arp"), *tcp = step(&x, "tcp179");
        assert_non_null(strstr(arp->finding, "never sends an ARP request for it"));
        assert_null(strstr(arp->finding, "MSEE does not answer"));
        assert_non_null(strstr(tcp->finding, "has no route to"));
        assert_null(strstr(tcp->finding, "firewall"));
        scenario_free(&x);
    }
}

static void scenario_arp_own_address(void **state)
{
    (void)state;
    /* IOS lists the CE's own .130 with no age; Junos does not list it at all. */
    static const char *const names[] = {"swapped-addresses-ios", "swapped-addresses-junos"};
    for (int i = 0; i < 2; i++) {
        scenario_t x;
        scenario_load(&x, names[i]);
        const step_result_t *arp = step(&x, "arp");
        assert_int_equal(arp->verdict, VERDICT_FAIL);
        assert_string_equal(arp->cause, "address_swapped");
        assert_non_null(strstr(arp->finding, "192.168.100.130 is this router's own address"));
        assert_merged(&x, "address_swapped", "arp", "addressing");
        assert_absent(&x, "tcp179_refused");
        assert_absent(&x, "neighbor_missing");
        assert_absent(&x, "arp_incomplete");
        assert_int_equal(x.r.n_causes, 1);
        scenario_free(&x);
    }
}

static void scenario_ios_arp_dash_is_own(void **state)
{
    (void)state;
    /* Without the interface answer the "-" age alone says it. */
    scenario_t x;
    scenario_load(&x, "swapped-addresses-ios");
    free((void *)x.ev.facts[PROBE_INTERFACES].raw);
    free((void *)x.ev.facts[PROBE_INTERFACES].records);
    memset(&x.ev.facts[PROBE_INTERFACES], 0, sizeof(fact_t));
    step_result_t s = {.id = "arp", .title = "arp"};
    step_arp(&x.ev, &s);
    assert_string_equal(s.cause, "address_swapped");
    assert_non_null(strstr(s.finding, "its ARP entry has no age"));
    scenario_free(&x);
}

static void scenario_md5_sides_agree(void **state)
{
    (void)state;
    /* With the log's "No MD5 digest" lines both steps find md5_missing on their own (one cause,
     * two lines); with a silent log only the configuration does, and the session's silence
     * follows from it. */
    static const struct {
        const char *name, *words;
        bool merged;
    } rows[] = {
        {"md5-missing-ios", "the CE has no MD5 key for 192.168.100.130, but the peering has a shared key", false},
        {"md5-missing-peer-ios", "the CE has an MD5 key for 192.168.100.130, but the log shows segments from "
                                 "192.168.100.130 without an MD5 digest: the peering has no shared key", true},
    };
    for (int i = 0; i < 2; i++) {
        scenario_t x;
        scenario_load(&x, rows[i].name);
        assert_root(&x, "md5_missing");
        assert_non_null(strstr(step(&x, "bgp_config")->finding, rows[i].words));
        if (rows[i].merged) {
            assert_merged(&x, "md5_missing", "bgp_config", "session");
            assert_non_null(strstr(step(&x, "session")->finding, rows[i].words));
        } else {
            assert_int_equal(x.r.n_causes, 1);
            assert_string_equal(step(&x, "session")->cause, "md5_missing");
            assert_string_equal(step(&x, "session")->follows, "bgp_config");
        }
        assert_absent(&x, "md5_mismatch");
        assert_absent(&x, "tcp179_blocked");
        scenario_free(&x);
    }
}

static void scenario_bfd_only_with_bgp_up(void **state)
{
    (void)state;
    /* BGP down, BFD down: no BFD cause.  BGP up: the healthy circuit's BFD is up, so nothing either. */
    static const char *const names[] = {"md5-missing-ios", "interface-down-ios", "local-prefix-limit-ios", "healthy-ios"};
    for (int i = 0; i < 4; i++) {
        scenario_t x;
        scenario_load(&x, names[i]);
        assert_absent(&x, "bfd_session_down");
        assert_null(strstr(step(&x, "bgp_config")->finding, "BFD session"));
        assert_null(strstr(step(&x, "bgp_config")->finding, "BFD is"));
        scenario_free(&x);
    }
}

static void scenario_bfd_down_with_bgp_up(void **state)
{
    (void)state;
    /* The healthy circuit with its BFD session shown Down: the one case for bfd_session_down. */
    scenario_t x;
    scenario_load(&x, "healthy-ios");
    fact_t *f = &x.ev.facts[PROBE_BFD];
    th_fact_free(f);
    th_fact_fixture(f, "ios", "show bfd neighbors details", "framework/bgpcfg/bfd_ios_down.txt");
    runbook_evaluate(RUNBOOK_BGP, &x.ev, &x.r);
    assert_root(&x, "bfd_session_down");
    assert_int_equal(step(&x, "bgp_config")->verdict, VERDICT_WARN);
    assert_non_null(strstr(step(&x, "bgp_config")->finding, "BGP is up, but"));
    scenario_free(&x);
}

static void scenario_prefix_limits(void **state)
{
    (void)state;
    static const struct {
        const char *name, *cause, *other, *words;
    } rows[] = {
        {"local-prefix-limit-ios", "local_prefix_limit", "route_limit", "the CE stopped the session (Idle (PfxCt)) and sent the Cease 6/1"},
        {"local-prefix-limit-junos", "local_prefix_limit", "route_limit", "the CE sent a Cease"},
        {"route-limit-ms-drops-ios", "route_limit", "local_prefix_limit", "the CE received the Cease 6/1"},
        {"route-limit-ms-drops-junos", "route_limit", "local_prefix_limit", "the CE received a Cease"},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        scenario_t x;
        scenario_load(&x, rows[i].name);
        assert_root(&x, rows[i].cause);
        assert_absent(&x, rows[i].other);
        assert_non_null(strstr(step(&x, "route_filters")->finding, rows[i].words));
        if (!strcmp(rows[i].cause, "route_limit"))
            assert_non_null(strstr(step(&x, "route_filters")->finding, "4210 prefixes advertised, above 4000"));
        else
            assert_merged(&x, rows[i].cause, "route_filters", "session");
        scenario_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(md5_makes_tcp179_follow),
        cmocka_unit_test(admin_down_peer_makes_tcp179_follow),
        cmocka_unit_test(same_cause_listed_once),
        cmocka_unit_test(merged_steps_add_distinct_lines),
        cmocka_unit_test(warn_never_explains_fail),
        cmocka_unit_test(subnet_mismatch_explains_arp_tcp_session),
        cmocka_unit_test(link_down_is_the_root_of_a_chain),
        cmocka_unit_test(unrelated_causes_stay_apart),
        cmocka_unit_test(scenario_md5_mismatch_ios),
        cmocka_unit_test(scenario_asn_mismatch_ios),
        cmocka_unit_test(scenario_asn_mismatch_junos),
        cmocka_unit_test(scenario_verdict_json_lists_once),
        cmocka_unit_test(scenario_wrong_subnet_words),
        cmocka_unit_test(scenario_arp_own_address),
        cmocka_unit_test(scenario_ios_arp_dash_is_own),
        cmocka_unit_test(scenario_md5_sides_agree),
        cmocka_unit_test(scenario_bfd_only_with_bgp_up),
        cmocka_unit_test(scenario_bfd_down_with_bgp_up),
        cmocka_unit_test(scenario_prefix_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
