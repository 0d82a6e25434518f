/* test_ping.c: the router's own ping as each platform prints it (parsers/ping/), and the
 * connection counters of "show bgp neighbors" (parsers/textutil.c tu_connections). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tests/testhelp.h"
#include "parsers/textutil.h"

typedef struct {
    const char *vendor, *command, *fixture;
    int64_t sent, received;
    double avg; /* < 0: absent */
    bool partial;
} ping_case_t;

static void check_case(const ping_case_t *c)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "ping/%s", c->fixture);
    parsed_t *p = th_parse_fixture(c->vendor, c->command, rel);
    assert_int_equal(p->kind, KIND_PING);
    assert_int_equal(p->n, 1);
    const ping_result_t *r = &p->recs[0].u.ping;
    assert_string_equal(r->target, "192.168.100.130");
    assert_int_equal(r->sent, c->sent);
    assert_int_equal(r->received, c->received);
    if (c->avg < 0)
        assert_true(r->rtt_avg_ms < 0);
    else
        assert_true(fabs(r->rtt_avg_ms - c->avg) < 1e-9);
    assert_true(r->raw[0] != '\0');
    if (p->partial != c->partial)
        fail_msg("%s: partial %d, expected %d", c->fixture, p->partial, c->partial);
    th_free(p);
}

static void test_ping_each_platform(void **state)
{
    (void)state;
    static const ping_case_t cases[] = {
        {"ios", "ping 192.168.100.130 source 192.168.100.129 repeat 5", "ios_ok.txt", 5, 5, 1, false},
        {"ios", "ping 192.168.100.130 repeat 5", "ios_fail.txt", 5, 0, -1, false},
        {"iosxr", "ping 192.168.100.130 count 5", "ios_ok.txt", 5, 5, 1, false},
        {"junos", "ping 192.168.100.130 count 5 rapid", "junos_ok.txt", 5, 5, 0.634, false},
        {"nxos", "ping 192.168.100.130 count 5", "nxos_ok.txt", 5, 5, 0.617, false},
        {"eos", "ping 192.168.100.130 source 192.168.100.129 repeat 5", "eos_ok.txt", 5, 5, 0.103, false},
        {"frr", "ping 192.168.100.130", "frr_interrupted.txt", 5, 5, 0.091, false},
        {"frr", "ping 192.168.100.130", "frr_unreachable.txt", 5, 0, -1, false},
        {"frr", "ping 192.168.100.130", "frr_no_route.txt", 0, 0, -1, false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_case(&cases[i]);
}

static void test_ping_cut_short_counts_replies(void **state)
{
    (void)state;
    /* No summary (an exec channel closed on vtysh's endless ping): the lines printed are counted. */
    static const ping_case_t cut = {"frr", "ping 192.168.100.130", "frr_cut.txt", 3, 2, -1, true};
    check_case(&cut);
}

static void test_ping_nothing_is_partial(void **state)
{
    (void)state;
    parsed_t *p = th_parse_text("frr", "ping 192.168.100.130", "", 0);
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    assert_int_equal(p->recs[0].u.ping.sent, MODEL_ABSENT);
    th_free(p);
    const char *odd = "PING 192.168.100.130 (192.168.100.130) 56(84) bytes of data.\nsomething new\n";
    p = th_parse_text("frr", "ping 192.168.100.130", odd, strlen(odd));
    assert_true(p->partial);
    assert_int_equal(p->n_skipped, 1);
    th_free(p);
}

static void test_ping_split_invariant(void **state)
{
    (void)state;
    size_t len;
    char *text = th_read_fixture("ping/nxos_ok.txt", &len);
    th_assert_split_invariant("nxos", "ping 192.168.100.130 count 5", text, 40);
    free(text);
}

static void test_connections_line(void **state)
{
    (void)state;
    int64_t est = 7, drop = 7;
    assert_true(tu_connections("  Connections established 2; dropped 1", 39, &est, &drop));
    assert_int_equal(est, 2);
    assert_int_equal(drop, 1);
    const char *nx = "    Connections established 4, dropped 3";
    assert_true(tu_connections(nx, strlen(nx), &est, &drop));
    assert_int_equal(est, 4);
    assert_int_equal(drop, 3);
    est = drop = 9;
    const char *bad[] = {"Connections established 2", "Connections established x; dropped 1",
                         "Connections established 2; dropped", "Connection attempts 3"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_false(tu_connections(bad[i], strlen(bad[i]), &est, &drop));
    assert_int_equal(est, 9);
    assert_int_equal(drop, 9);
}

static void test_neighbor_counters_per_platform(void **state)
{
    (void)state;
    static const struct {
        const char *vendor, *command, *fixture, *peer;
        int64_t est, drop;
    } cases[] = {
        {"frr", "show bgp neighbors 192.168.100.130", "framework/bgpcfg/frr_nei_config_change.txt", "192.168.100.130", 2, 1},
        {"ios", "show ip bgp neighbors 192.168.100.130", "framework/bgpcfg/ios_nei_active.txt", "192.168.100.130", 1, 1},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        parsed_t *p = th_parse_fixture(cases[i].vendor, cases[i].command, cases[i].fixture);
        const record_t *r = th_must_find(p, cases[i].peer);
        assert_int_equal(r->u.neighbor.conn_established, cases[i].est);
        assert_int_equal(r->u.neighbor.conn_dropped, cases[i].drop);
        th_free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ping_each_platform),
        cmocka_unit_test(test_ping_cut_short_counts_replies),
        cmocka_unit_test(test_ping_nothing_is_partial),
        cmocka_unit_test(test_ping_split_invariant),
        cmocka_unit_test(test_connections_line),
        cmocka_unit_test(test_neighbor_counters_per_platform),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
