/* test_circuit.c: the circuit step (framework/circuit.c) on the bundled circuit scenarios.
 *
 * Each link's evidence is built from its scenario directory (scenarios/circuit-NAME/primary and
 * secondary) as a replay would hand it over: every probe file parsed with the command the
 * vendor table sends.  Asserted: the cause, the link the finding names, the evidence lines and
 * whose answer they quote, which link carries each direction, the remedy of the right link, and
 * the circuit's combined status.  Variants of the healthy circuit (a capture replaced) cover
 * active/active, a half-pinned design, a missing answer and BFD on one link. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework/circuit.h"
#include "framework/circuit_link.h"
#include "probes/command.h"
#include "tests/testhelp.h"

typedef struct {
    inventory_t inv;
    evidence_t ev;
    runbook_result_t rb;
} link_t;

typedef struct {
    link_t l[CIRCUIT_LINKS];
    circuit_result_t c;
} circuit_t;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 20);
    assert_non_null(buf);
    buf[fread(buf, 1, (1 << 20) - 1, f)] = '\0';
    fclose(f);
    return buf;
}

/* The answer to probe as the replay gives it: text (NULL: not collected), parsed with the
 * command the vendor table sends for this device. */
static void put(link_t *x, fact_t *f, probe_id_t p, const char *text)
{
    const device_t *d = x->ev.device;
    char cmd[512], why[256], peer[ADDR_LEN] = "";
    if (f->present)
        th_fact_free(f);
    if (!text)
        return;
    ip_to_string(&d->peer_ip, peer, sizeof(peer));
    probe_args_t a = {.peer = peer, .prefix = "10.1.0.4", .iface = "GigabitEthernet0/0/0"};
    if (command_for_probe(x->ev.vendor, p, &a, false, cmd, sizeof(cmd), why, sizeof(why)) != 0)
        fail_msg("%s: %s", probe_name(p), why);
    if (p == PROBE_LOG_AUTH) { /* no parser: the raw text is the evidence */
        memset(f, 0, sizeof(*f));
        f->present = true;
        f->raw = strdup(text);
        f->raw_len = strlen(text);
        snprintf(f->command, sizeof(f->command), "%s", cmd);
        return;
    }
    th_fact(f, x->ev.vendor->name, cmd, text);
}

static void put_file(link_t *x, fact_t *f, probe_id_t p, const char *dir, const char *file)
{
    char path[800];
    snprintf(path, sizeof(path), "%s/%s", dir, file);
    char *text = slurp(path);
    put(x, f, p, text);
    free(text);
}

static void link_load(link_t *x, const char *scenario, const char *role)
{
    char dir[600], ini[700], err[300], file[64];
    memset(x, 0, sizeof(*x));
    snprintf(dir, sizeof(dir), "%s/../../scenarios/%s/%s", FIXTURE_DIR, scenario, role);
    snprintf(ini, sizeof(ini), "%s/device.ini", dir);
    if (inventory_load(&x->inv, ini, err, sizeof(err)) != 0)
        fail_msg("%s: %s", ini, err);
    x->ev.device = &x->inv.devices[0];
    x->ev.vendor = vendor_find(x->ev.device->vendor);
    assert_non_null(x->ev.vendor);
    put_file(x, &x->ev.earlier[PROBE_INTERFACES], PROBE_INTERFACES, dir, "interfaces.txt");
    put_file(x, &x->ev.facts[PROBE_INTERFACES], PROBE_INTERFACES, dir, "interfaces.2.txt");
    for (int p = 0; p < PROBE_COUNT; p++) {
        snprintf(file, sizeof(file), "%s.txt", probe_name((probe_id_t)p));
        if (p != PROBE_INTERFACES && vendor_probe(x->ev.vendor, (probe_id_t)p))
            put_file(x, &x->ev.facts[p], (probe_id_t)p, dir, file);
    }
}

static void circuit_run(circuit_t *c)
{
    for (int i = 0; i < CIRCUIT_LINKS; i++)
        runbook_evaluate(RUNBOOK_BGP, &c->l[i].ev, &c->l[i].rb);
    circuit_judge(&c->l[0].ev, &c->l[1].ev, &c->c);
    circuit_combine(&c->c, &c->l[0].rb, &c->l[1].rb);
}

static circuit_t *circuit_load(const char *scenario)
{
    circuit_t *c = calloc(1, sizeof(*c));
    assert_non_null(c);
    link_load(&c->l[0], scenario, "primary");
    link_load(&c->l[1], scenario, "secondary");
    circuit_run(c);
    return c;
}

static void circuit_free(circuit_t *c)
{
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        for (int p = 0; p < PROBE_COUNT; p++) {
            if (c->l[i].ev.facts[p].present)
                th_fact_free(&c->l[i].ev.facts[p]);
            if (c->l[i].ev.earlier[p].present)
                th_fact_free(&c->l[i].ev.earlier[p]);
        }
        inventory_free(&c->l[i].inv);
    }
    free(c);
}

/* ---------------------------------------------------------------- assertions */

static void assert_has(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("\"%s\" not in: %s", needle, text);
}

/* An evidence line holding needle, quoted from link's answer. */
static void assert_evidence(const circuit_result_t *c, const char *needle, circuit_link_id_t link)
{
    for (int i = 0; i < c->step.n_evidence; i++)
        if (strstr(c->step.evidence[i].line, needle) && c->evidence_link[i] == link)
            return;
    char all[1400] = "";
    for (int i = 0; i < c->step.n_evidence; i++)
        snprintf(all + strlen(all), sizeof(all) - strlen(all), " [%d %s: %s]", c->evidence_link[i],
                 c->step.evidence[i].command, c->step.evidence[i].line);
    fail_msg("no evidence line with \"%s\" from link %d:%s", needle, link, all);
}

static void assert_next(const step_result_t *s, const char *line)
{
    for (int i = 0; i < s->n_next; i++)
        if (!strcmp(s->next[i], line))
            return;
    fail_msg("no next line \"%s\" (%d lines, first: %s)", line, s->n_next, s->n_next ? s->next[0] : "-");
}

static void assert_note(const step_result_t *s, const char *needle)
{
    for (int i = 0; i < s->n_note; i++)
        if (strstr(s->note[i], needle))
            return;
    fail_msg("no note with \"%s\" (%d notes)", needle, s->n_note);
}

static void assert_cause(const circuit_result_t *c, verdict_t v, const char *cause)
{
    if (c->step.verdict != v || strcmp(c->step.cause, cause))
        fail_msg("circuit step %s %s, expected %s %s: %s", verdict_name(c->step.verdict), c->step.cause,
                 verdict_name(v), cause, c->step.finding);
    assert_string_equal(c->step.id, "circuit");
    assert_string_equal(c->step.title, "Circuit redundancy");
}

/* ---------------------------------------------------------------- the four IOS circuits */

static void healthy(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-healthy-ios");
    assert_cause(&c->c, VERDICT_PASS, "none");
    assert_has(c->c.step.finding, "active/passive: primary carries both directions");
    assert_has(c->c.step.finding, "local preference 200 vs 50 on 10.1.0.0/16");
    assert_has(c->c.step.finding, "AS path 1 vs 4 as Microsoft sees 172.16.0.0/16, the secondary prepending 3");
    assert_has(c->c.step.finding, "the same 2 prefixes advertised");
    assert_has(c->c.step.finding, "BFD up on both links");
    assert_int_equal(c->c.outbound, CARRIER_PRIMARY);
    assert_int_equal(c->c.inbound, CARRIER_PRIMARY);
    assert_int_equal(c->c.links[0].local_pref, 200);
    assert_int_equal(c->c.links[1].local_pref, 50);
    assert_int_equal(c->c.links[1].prepends, 3);
    assert_int_equal(c->c.links[0].n_advertised, 2);
    assert_string_equal(c->c.links[1].device, "ce2-nyc");
    assert_evidence(&c->c, "192.168.100.130", CIRCUIT_PRIMARY);
    assert_evidence(&c->c, "192.168.100.134", CIRCUIT_SECONDARY);
    assert_string_equal(c->c.status, "OK");
    assert_int_equal(c->c.exit_code, 0);
    circuit_free(c);
}

static void secondary_down(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-secondary-down-ios");
    assert_cause(&c->c, VERDICT_FAIL, "link_redundancy_lost");
    assert_has(c->c.step.finding, "The secondary link's BGP session (ce2-nyc with 192.168.100.134) is Idle while "
                                  "the primary's is Established");
    assert_has(c->c.step.finding, "Microsoft's SLA needs both sessions");
    assert_evidence(&c->c, "Idle", CIRCUIT_SECONDARY);
    assert_evidence(&c->c, "192.168.100.130", CIRCUIT_PRIMARY);
    assert_int_equal(c->c.cause_links[0], CIRCUIT_SECONDARY);
    assert_next(&c->c.step, "show ip bgp summary | include 192.168.100.134"); /* the down link's lines */
    assert_note(&c->c.step, "--path secondary");
    assert_int_equal(c->c.outbound, CARRIER_UNKNOWN);
    /* the secondary's own runbook is CRITICAL (link_down): the circuit is too */
    assert_string_equal(c->l[1].rb.steps[c->l[1].rb.causes[0]].cause, "link_down");
    assert_string_equal(c->c.status, "CRITICAL");
    circuit_free(c);
}

static void advertise_one_link(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-advertise-one-link-ios");
    assert_cause(&c->c, VERDICT_FAIL, "advertisement_mismatch");
    assert_has(c->c.step.finding, "The links advertise to Microsoft different prefixes: on the primary only: "
                                  "172.20.0.0/16; on the secondary only: none.");
    assert_evidence(&c->c, "172.20.0.0", CIRCUIT_PRIMARY);
    assert_evidence(&c->c, "Total number of prefixes 1", CIRCUIT_SECONDARY);
    assert_int_equal(c->c.cause_links[0], CIRCUIT_SECONDARY);
    assert_next(&c->c.step, "show ip bgp neighbors 192.168.100.134 advertised-routes");
    assert_next(&c->c.step, "show ip bgp 172.20.0.0/16");
    assert_next(&c->c.step, "show route-map TO-MSEE");
    assert_note(&c->c.step, "no redundancy");
    /* the rest still holds, and is said */
    assert_int_equal(c->c.inbound, CARRIER_PRIMARY);
    assert_note(&c->c.step, "active/passive: primary carries both directions");
    assert_string_equal(c->c.status, "CRITICAL");
    assert_string_equal(c->l[0].rb.status, "OK");
    assert_string_equal(c->l[1].rb.status, "OK");
    circuit_free(c);
}

static void prepend_wrong(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-prepend-wrong-ios");
    assert_cause(&c->c, VERDICT_FAIL, "preference_asymmetry");
    assert_int_equal(c->c.outbound, CARRIER_PRIMARY);
    assert_int_equal(c->c.inbound, CARRIER_SECONDARY);
    assert_has(c->c.step.finding, "Asymmetric routing: traffic goes to Azure over the primary (local preference 200 vs 50 "
                                  "on 10.1.0.0/16) but comes back from Azure over the secondary (AS path 4 vs 1");
    assert_has(c->c.step.finding, "the primary prepending 3");
    /* IOS shows advertised routes before the outbound route-map: the prepend is quoted from it */
    assert_evidence(&c->c, "as-path prepend 65010 65010 65010", CIRCUIT_PRIMARY);
    assert_evidence(&c->c, "localpref 200", CIRCUIT_PRIMARY); /* the BGP table lookups, after the inbound policy */
    assert_evidence(&c->c, "localpref 50", CIRCUIT_SECONDARY);
    assert_note(&c->c.step, "On the primary (ce1-nyc): route-map TO-MSEE seq 10 permit (as-path prepend 65010 65010 "
                            "65010) lengthens the AS path Microsoft sees from it: remove that prepend there");
    /* the secondary is made the passive link */
    assert_next(&c->c.step, " set as-path prepend 65010 65010 65010");
    assert_next(&c->c.step, "clear ip bgp 192.168.100.134 soft out");
    assert_string_equal(c->c.status, "CRITICAL");
    circuit_free(c);
}

/* The same fault on two MX204: Junos shows the prepend in the advertised path ([65010] is the
 * AS it adds), its lookups carry no BGP attributes and its received routes are shown before the
 * import policy: the local preference comes from the import policy's term. */
static void prepend_wrong_junos(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-prepend-wrong-junos");
    assert_cause(&c->c, VERDICT_FAIL, "preference_asymmetry");
    assert_int_equal(c->c.outbound, CARRIER_PRIMARY);
    assert_int_equal(c->c.inbound, CARRIER_SECONDARY);
    assert_has(c->c.step.finding, "to Azure over the primary (local preference 200 vs 50 on 10.1.0.0/16)");
    assert_has(c->c.step.finding, "from Azure over the secondary (AS path 4 vs 1 as Microsoft sees 172.16.0.0/16, the "
                                  "primary prepending 3)");
    assert_int_equal(c->c.links[0].prepends, 3);
    assert_int_equal(c->c.links[1].in_path_len, 1);
    assert_evidence(&c->c, "[65010] 65010 65010 65010 I", CIRCUIT_PRIMARY);
    assert_evidence(&c->c, "[65010] I", CIRCUIT_SECONDARY);
    assert_evidence(&c->c, "local-preference 200", CIRCUIT_PRIMARY);
    assert_evidence(&c->c, "local-preference 50", CIRCUIT_SECONDARY);
    assert_note(&c->c.step, "On the primary (mx1-nyc): its outbound policy (3 prepends in the advertised path) "
                            "lengthens the AS path Microsoft sees from it: remove that prepend there");
    assert_next(&c->c.step, "show route advertising-protocol bgp 192.168.100.134");
    assert_next(&c->c.step, "set policy-options policy-statement EXPORT-TO-MS term ONPREM then as-path-prepend "
                            "\"65010 65010 65010\"");
    assert_string_equal(c->l[0].rb.status, "OK"); /* each link alone is healthy */
    assert_string_equal(c->l[1].rb.status, "OK");
    assert_string_equal(c->c.status, "CRITICAL");
    circuit_free(c);
}

/* Captured from the FRR lab with the fault injected live (one CE, two peerings): FRR shows the
 * prepends in the advertised path but not the AS eBGP adds; the local preference is in the
 * lookup that holds both links' paths. */
static void prepend_wrong_frr_lab(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-prepend-wrong-frr");
    assert_cause(&c->c, VERDICT_FAIL, "preference_asymmetry");
    assert_has(c->c.step.finding, "to Azure over the primary (local preference 200 vs 50 on 10.1.0.0/16)");
    assert_has(c->c.step.finding, "from Azure over the secondary (AS path 5 vs 1 as Microsoft sees 172.16.0.0/16, the "
                                  "primary prepending 4)");
    assert_evidence(&c->c, "localpref 200", CIRCUIT_PRIMARY);
    assert_evidence(&c->c, "localpref 50", CIRCUIT_SECONDARY);
    assert_evidence(&c->c, "65010 65010 65010 65010 i", CIRCUIT_PRIMARY);
    assert_next(&c->c.step, "route-map RM-MSEE2-OUT permit <seq>");
    assert_next(&c->c.step, "clear bgp ipv4 unicast 192.168.100.134 soft out");
    assert_string_equal(c->c.links[1].device, "erd-ce-secondary");
    circuit_free(c);
}

/* ---------------------------------------------------------------- variants */

static const char no_prepend_maps[] =
    "route-map MSEE-IN, permit, sequence 10\n  Match clauses:\n    ip address prefix-lists: FROM-MSEE \n"
    "  Set clauses:\n    local-preference %d\n  Policy routing matches: 0 packets, 0 bytes\n"
    "route-map TO-MSEE, permit, sequence 10\n  Match clauses:\n    ip address prefix-lists: ONPREM-OUT \n"
    "  Set clauses:\n  Policy routing matches: 0 packets, 0 bytes\n";

/* Neither link prepends: Azure balances its traffic over both links while local preference
 * pins ours to the primary (WARN); with equal local preference too, active/active (PASS). */
static void half_pinned_and_active_active(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-healthy-ios");
    char maps[600];
    snprintf(maps, sizeof(maps), no_prepend_maps, 50);
    put(&c->l[1], &c->l[1].ev.facts[PROBE_ROUTE_MAPS], PROBE_ROUTE_MAPS, maps);
    circuit_run(c);
    assert_cause(&c->c, VERDICT_WARN, "preference_asymmetry");
    assert_int_equal(c->c.inbound, CARRIER_BOTH);
    assert_has(c->c.step.finding, "comes back from Azure over both links (AS path 1 vs 1");
    assert_string_equal(c->c.status, "WARNING");

    /* equal local preference: the received routes and the lookups say 100 on both links */
    for (int i = 0; i < CIRCUIT_LINKS; i++) {
        const fact_t *f = &c->l[i].ev.facts[PROBE_BGP_RECEIVED];
        for (size_t k = 0; k < f->n_records; k++)
            ((record_t *)f->records)[k].u.path.local_pref = 100;
        f = &c->l[i].ev.facts[PROBE_BGP_PREFIX];
        for (size_t k = 0; k < f->n_records; k++)
            ((record_t *)f->records)[k].u.path.local_pref = 100;
    }
    circuit_run(c);
    assert_cause(&c->c, VERDICT_PASS, "none");
    assert_int_equal(c->c.outbound, CARRIER_BOTH);
    assert_has(c->c.step.finding, "active/active: both links carry traffic each way");
    circuit_free(c);
}

/* An answer that is missing never passes: the step says which link's answer. */
static void missing_answer(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-healthy-ios");
    th_fact_free(&c->l[1].ev.facts[PROBE_BGP_ADVERTISED]);
    circuit_run(c);
    assert_int_equal(c->c.step.verdict, VERDICT_SKIP);
    assert_string_equal(c->c.step.cause, "evidence_missing");
    assert_has(c->c.step.finding, "the secondary link's advertised routes were not read");
    assert_string_equal(c->c.status, "UNKNOWN");
    circuit_free(c);
}

/* BFD expected: no session on one link is a WARN naming that link. */
static void bfd_one_link(void **state)
{
    (void)state;
    circuit_t *c = circuit_load("circuit-healthy-ios");
    put(&c->l[1], &c->l[1].ev.facts[PROBE_BFD], PROBE_BFD, "\nIPv4 Sessions\nNeighAddr                              "
                                                         "LD/RD         RH/RS     State     Int\n");
    circuit_run(c);
    assert_cause(&c->c, VERDICT_WARN, "bfd_session_down");
    assert_has(c->c.step.finding, "The secondary link has no BFD session up with 192.168.100.134");
    assert_evidence(&c->c, "192.168.100.130", CIRCUIT_PRIMARY);
    assert_int_equal(c->c.links[1].bfd, 0);
    assert_int_equal(c->c.links[0].bfd, 1);
    circuit_free(c);
}

/* ---------------------------------------------------------------- pieces */

static void path_lengths(void **state)
{
    (void)state;
    assert_int_equal(aspath_len(""), 0);
    assert_int_equal(aspath_len("12076"), 1);
    assert_int_equal(aspath_len("[65010] 65010 65010"), 3);
    assert_int_equal(aspath_len("65010 {64512,64513} 12076"), 3);
    assert_int_equal(aspath_len("12076 I"), 1);
}

static void combined_status(void **state)
{
    (void)state;
    circuit_result_t c = {.status = "OK", .exit_code = 0};
    runbook_result_t unknown = {.status = "UNKNOWN", .exit_code = 3}, warn = {.status = "WARNING", .exit_code = 1};
    circuit_combine(&c, &unknown, NULL);
    assert_string_equal(c.status, "UNKNOWN");
    circuit_combine(&c, &warn, &unknown);
    assert_string_equal(c.status, "WARNING");
    c = (circuit_result_t){.status = "CRITICAL", .exit_code = 2};
    circuit_combine(&c, &warn, &unknown);
    assert_string_equal(c.status, "CRITICAL");
    assert_string_equal(carrier_name(CARRIER_BOTH), "both");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(healthy),
        cmocka_unit_test(secondary_down),
        cmocka_unit_test(advertise_one_link),
        cmocka_unit_test(prepend_wrong),
        cmocka_unit_test(prepend_wrong_junos),
        cmocka_unit_test(prepend_wrong_frr_lab),
        cmocka_unit_test(half_pinned_and_active_active),
        cmocka_unit_test(missing_answer),
        cmocka_unit_test(bfd_one_link),
        cmocka_unit_test(path_lengths),
        cmocka_unit_test(combined_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
