/* test_bgp_advertised.c: the circuit step's route tables on every router platform.
 *
 * PROBE_BGP_ADVERTISED and PROBE_BGP_RECEIVED, expanded from each vendor table (plain and in a
 * VRF), must resolve to a BGP-table parser (so what the device is sent is what gets parsed),
 * must be filed under their probe by replay and record, and each platform's own capture of
 * the advertised (and, where a form was added, received) routes parses to the prefixes, AS
 * paths and local preferences the circuit step compares. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "probes/command.h"
#include "probes/vendor.h"
#include "tests/testhelp.h"

static const char *const routers[] = {"ios", "nxos", "iosxr", "eos", "junos", "frr"};
#define N_ROUTERS (sizeof(routers) / sizeof(routers[0]))

static void expand(const vendor_t *v, probe_id_t probe, const char *vrf, char *cmd, size_t size)
{
    char why[256];
    probe_args_t a = {.peer = "192.168.100.134", .vrf = vrf};
    if (command_for_probe(v, probe, &a, false, cmd, size, why, sizeof(why)) != 0)
        fail_msg("%s %s: %s", v->name, probe_name(probe), why);
}

/* Every platform sends a command whose answer a BGP-table parser reads, and replay files it
 * under the probe. */
static void forms_resolve_to_bgp_tables(void **state)
{
    (void)state;
    static const probe_id_t probes[] = {PROBE_BGP_ADVERTISED, PROBE_BGP_RECEIVED};
    for (size_t i = 0; i < N_ROUTERS; i++) {
        const vendor_t *v = vendor_find(routers[i]);
        for (size_t p = 0; p < 2; p++)
            for (int in_vrf = 0; in_vrf < 2; in_vrf++) {
                char cmd[512];
                expand(v, probes[p], in_vrf ? "BLUE" : NULL, cmd, sizeof(cmd));
                const parser_def_t *def = parser_find(parser_vendor_find(v->name), cmd);
                if (!def || def->kind != KIND_BGP_TABLE)
                    fail_msg("%s: no BGP-table parser for '%s'", v->name, cmd);
                if (vendor_probe_for_command(v, cmd) != probes[p])
                    fail_msg("%s: '%s' filed under %s", v->name, cmd, probe_name(vendor_probe_for_command(v, cmd)));
            }
    }
    assert_string_equal(probe_name(PROBE_BGP_ADVERTISED), "bgp_advertised");
    assert_int_equal(probe_from_name("bgp_advertised"), PROBE_BGP_ADVERTISED);
    assert_null(vendor_probe(vendor_find("linux"), PROBE_BGP_ADVERTISED));
}

/* One platform's capture: the probe's own command, the prefixes and AS paths it gives. */
typedef struct {
    const char *vendor, *fixture;
    probe_id_t probe;
    size_t n;
    const char *prefix[2], *as_path[2];
    int64_t local_pref; /* of the first route */
    const char *neighbor; /* of the first route: received routes came from the peer */
} capture_t;

static const capture_t captures[] = {
    /* IOS shows advertised routes before the outbound policy and a classful mask not at all */
    {"ios", "ios/bgp_advertised.txt", PROBE_BGP_ADVERTISED, 2, {"172.16.0.0/16", "172.20.0.0/16"}, {"", "65020"},
     MODEL_ABSENT, ""},
    {"ios", "ios/bgp_neighbor_routes.txt", PROBE_BGP_RECEIVED, 2, {"10.1.0.0/16", "10.2.0.0/16"}, {"12076", "12076 65515"},
     200, "192.168.100.134"},
    {"nxos", "nxos/bgp_advertised.txt", PROBE_BGP_ADVERTISED, 2, {"172.16.0.0/16", "172.18.0.0/16"}, {"", ""}, 100, ""},
    {"iosxr", "iosxr/bgp_neighbor_routes.txt", PROBE_BGP_RECEIVED, 2, {"10.1.0.0/16", "10.2.0.0/16"}, {"12076", "12076"},
     50, ""},
    {"eos", "eos/bgp_advertised.txt", PROBE_BGP_ADVERTISED, 2, {"172.16.0.0/16", "172.18.0.0/16"},
     {"65010 65010 65010", "65010 65010 65010"}, MODEL_ABSENT, ""},
    {"junos", "junos/advertising_protocol_prepend.txt", PROBE_BGP_ADVERTISED, 2, {"172.16.0.0/16", "172.18.0.0/16"},
     {"[65010] 65010 65010", "[65010] 65010 65010"}, MODEL_ABSENT, ""},
    /* the FRR lab's secondary link (tests/lab/capture-frr-fixtures.sh): three prepends shown, not
     * the AS eBGP adds; the accepted routes with the inbound route-map's local preference */
    {"frr", "frr/bgp_advertised_prepend.txt", PROBE_BGP_ADVERTISED, 1, {"172.16.0.0/16"}, {"65010 65010 65010"},
     MODEL_ABSENT, ""},
    {"frr", "frr/bgp_received_secondary.txt", PROBE_BGP_RECEIVED, 2, {"10.1.0.0/16", "10.2.0.0/16"}, {"12076", "12076"},
     50, ""},
};

static void captures_parse(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(captures) / sizeof(captures[0]); i++) {
        const capture_t *c = &captures[i];
        char cmd[512];
        expand(vendor_find(c->vendor), c->probe, NULL, cmd, sizeof(cmd));
        parsed_t *p = th_parse_fixture(c->vendor, cmd, c->fixture);
        if (p->partial || p->n != c->n)
            fail_msg("%s: %zu records (want %zu), partial %d", c->fixture, p->n, c->n, p->partial);
        for (size_t k = 0; k < c->n; k++) {
            assert_int_equal(p->recs[k].kind, KIND_BGP_TABLE);
            assert_string_equal(p->recs[k].u.path.prefix, c->prefix[k]);
            assert_string_equal(p->recs[k].u.path.as_path, c->as_path[k]);
        }
        assert_int_equal(p->recs[0].u.path.local_pref, c->local_pref);
        if (c->neighbor[0])
            assert_string_equal(p->recs[0].u.path.neighbor, c->neighbor);
        th_free(p);
    }
}

/* IOS "neighbors N routes" (accepted routes) is no neighbor detail, and abbreviations of it
 * still read as a table from that neighbor. */
static void ios_routes_abbreviated(void **state)
{
    (void)state;
    const parser_vendor_t *ios = parser_vendor_find("ios");
    assert_int_equal(parser_find(ios, "sh ip bgp nei 192.168.100.130 rou")->kind, KIND_BGP_TABLE);
    assert_int_equal(parser_find(ios, "show ip bgp neighbors 192.168.100.130")->kind, KIND_BGP_NEIGHBORS);
    parsed_t *p = th_parse_fixture("ios", "sh ip bgp neighbors 192.168.100.130 rou", "ios/bgp_neighbor_routes.txt");
    assert_string_equal(p->recs[1].u.path.neighbor, "192.168.100.130");
    th_free(p);
    p = th_parse_fixture("ios", "show ip bgp neighbors 192.168.100.130 advertised-routes", "ios/bgp_neighbor_routes.txt");
    assert_string_equal(p->recs[0].u.path.neighbor, ""); /* what we send has no source neighbor */
    th_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forms_resolve_to_bgp_tables),
        cmocka_unit_test(captures_parse),
        cmocka_unit_test(ios_routes_abbreviated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
