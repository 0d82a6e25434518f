/* test_json_split.c: big structured answers cut into pieces (parsers/json_split.c).
 *
 * The pieces must read exactly like the whole: for every structured parser of every vendor,
 * every fixture gives the same records when the document is cut into tiny pieces as when it
 * is parsed whole.  Also: the splitter's own pieces, its errors, a document cut short, and a
 * ~1 MB answer on one line (once refused as "a line longer than 64 KiB"). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "parsers/json_split.h"
#include "parsers/parse_json.h"
#include "tests/testhelp.h"

/* ---- the splitter alone ---- */

typedef struct {
    char pieces[64][512];
    size_t n;
} pieces_t;

static int keep_piece(void *ud, const char *doc, size_t len)
{
    pieces_t *p = ud;
    assert_true(p->n < 64 && len < sizeof(p->pieces[0]));
    memcpy(p->pieces[p->n], doc, len);
    p->pieces[p->n++][len] = '\0';
    json_error_t err;
    json_t *j = json_loadb(doc, len, 0, &err);
    if (!j)
        fail_msg("piece is not JSON (%s): %.*s", err.text, (int)len, doc);
    json_decref(j);
    return 0;
}

static void pieces_carry_their_path(void **state)
{
    (void)state;
    static const char doc[] = "{\"vrfs\": {\"default\": {\"asn\": 65010, \"routes\": {\"10.1.0.0/16\": {\"m\": 1}, "
                              "\"10.2.0.0/16\": {\"m\": 2}, \"10.3.0.0/16\": {\"m\": 3}}, \"id\": \"r1\"}}, \"n\": 3}";
    pieces_t p = {.n = 0};
    json_split_error_t err;
    assert_int_equal(json_split(doc, strlen(doc), 40, keep_piece, &p, &err), 0);
    /* Each route alone (two do not fit 40 bytes), under its VRF with the VRF's scalars (also
     * the one after the routes) and the root's; no piece of scalars alone. */
    assert_int_equal(p.n, 3);
    assert_string_equal(p.pieces[0], "{\"n\": 3,\"vrfs\":{\"default\":{\"asn\": 65010,\"id\": \"r1\",\"routes\":{"
                                     "\"10.1.0.0/16\": {\"m\": 1}}}}}");
    assert_string_equal(p.pieces[2], "{\"n\": 3,\"vrfs\":{\"default\":{\"asn\": 65010,\"id\": \"r1\",\"routes\":{"
                                     "\"10.3.0.0/16\": {\"m\": 3}}}}}");
}

static void junos_leaves_are_context(void **state)
{
    (void)state;
    static const char doc[] = "{\"route-table\": [{\"table-name\": [{\"data\": \"inet.0\"}], \"rt\": [{\"a\": 1}, "
                              "{\"a\": 2}, {\"a\": 3}]}]}";
    pieces_t p = {.n = 0};
    json_split_error_t err;
    assert_int_equal(json_split(doc, strlen(doc), 16, keep_piece, &p, &err), 0);
    assert_true(p.n >= 3);
    for (size_t i = 0; i < p.n; i++)
        assert_non_null(strstr(p.pieces[i], "\"table-name\": [{\"data\": \"inet.0\"}]"));
    assert_non_null(strstr(p.pieces[p.n - 1], "\"rt\":[{\"a\": 3}]"));
}

static void bad_json_and_cut_short(void **state)
{
    (void)state;
    pieces_t p = {.n = 0};
    json_split_error_t err;
    static const char bad[] = "{\"a\": [1, 2, 3] \"b\": 4}";
    assert_int_equal(json_split(bad, strlen(bad), 4, keep_piece, &p, &err), -1);
    assert_false(err.cut_short);
    assert_int_equal(err.offset, 16);
    assert_string_equal(err.why, "expected ',' or a closing bracket");
    static const char ctl[] = "[\"a\nb\", 1]";
    assert_int_equal(json_split(ctl, strlen(ctl), 4, keep_piece, &p, &err), -1);
    /* A document cut mid-way: the complete elements are handed over, the cut one is not. */
    static const char cut[] = "{\"rows\": [{\"x\": 1}, {\"x\": 2}, {\"x\": 3}, {\"x\": ";
    p.n = 0;
    assert_int_equal(json_split(cut, strlen(cut), 12, keep_piece, &p, &err), -1);
    assert_true(err.cut_short);
    assert_int_equal(p.n, 3);
    assert_string_equal(p.pieces[2], "{\"rows\":[{\"x\": 3}]}");
}

/* ---- whole vs pieces, every structured parser, every fixture ---- */

/* The contract JSON of text parsed with def, in pieces of at most split bytes (0: default). */
static json_t *parse_doc(const parser_vendor_t *v, const parser_def_t *def, const char *text, size_t len, size_t split)
{
    uint64_t records;
    char *out = th_contract_json_with(v, def, text, len, 0, split, &records);
    json_error_t err;
    json_t *doc = json_loads(out, 0, &err);
    assert_non_null(doc);
    free(out);
    return doc;
}

static int cmp_dump(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The record list in a canonical order: pieces keep document order, a parser walking a whole
 * tree may visit members in its own order. */
static void sort_records(json_t *doc, const char *key)
{
    json_t *list = json_object_get(doc, key);
    size_t n = json_array_size(list);
    if (n < 2)
        return;
    char **dumps = calloc(n, sizeof(*dumps));
    assert_non_null(dumps);
    for (size_t i = 0; i < n; i++)
        dumps[i] = json_dumps(json_array_get(list, i), JSON_SORT_KEYS | JSON_COMPACT);
    qsort(dumps, n, sizeof(*dumps), cmp_dump);
    json_array_clear(list);
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(list, json_loads(dumps[i], 0, NULL));
        free(dumps[i]);
    }
    free(dumps);
}

/* Parses text whole and in pieces of each of splits[] bytes; the results must be equal. */
static void same_in_pieces(const char *vendor, const char *command, const char *text, size_t len,
                           const size_t *splits, size_t n_splits, const char *what)
{
    const parser_vendor_t *v = parser_vendor_find(vendor);
    assert_non_null(v);
    const parser_def_t *def = parser_find(v, command);
    assert_non_null(def);
    assert_non_null(def->whole);
    json_t *whole = parse_doc(v, def, text, len, 0);
    sort_records(whole, kind_list_key(def->kind));
    assert_true(json_integer_value(json_object_get(whole, "records")) > 0 || strstr(what, "empty"));
    for (size_t k = 0; k < n_splits; k++) {
        json_t *cut = parse_doc(v, def, text, len, splits[k]);
        sort_records(cut, kind_list_key(def->kind));
        if (!json_equal(whole, cut)) {
            char *a = json_dumps(whole, JSON_SORT_KEYS), *b = json_dumps(cut, JSON_SORT_KEYS);
            fail_msg("%s '%s' on %s differs in pieces of %zu bytes:\nwhole: %s\npieces: %s", vendor, command,
                     what, splits[k], a, b);
        }
        json_decref(cut);
    }
    json_decref(whole);
}

/* Every structured fixture with its own command.  Pieces smaller than a record would cut the
 * record (json_split.h); these sizes are below every document and above every record. */
static const struct {
    const char *vendor, *command, *fixture;
} fixtures[] = {
    {"eos", "show interfaces | json", "eos/interfaces.json"},
    {"eos", "show ip interface brief | json", "eos/ip_int_brief.json"},
    {"eos", "show ip bgp summary vrf all | json", "eos/bgp_summary.json"},
    {"eos", "show ip bgp neighbors | json", "eos/bgp_neighbors.json"},
    {"eos", "show ip bgp | json", "eos/bgp_table.json"},
    {"eos", "show ip route | json", "eos/routes.json"},
    {"eos", "show ip arp | json", "eos/arp.json"},
    {"eos", "show version | json", "eos/version.json"},
    {"eos", "show bfd peers | json", "eos/bfd.json"},
    {"nxos", "show interface | json", "nxos/interface.json"},
    {"nxos", "show ip interface brief vrf all | json", "nxos/ip_int_brief.json"},
    {"nxos", "show ip bgp summary vrf all | json", "nxos/bgp_summary.json"},
    {"nxos", "show ip bgp neighbors vrf all | json", "nxos/bgp_neighbors.json"},
    {"nxos", "show ip bgp vrf all | json", "nxos/bgp_table.json"},
    {"nxos", "show ip route vrf all | json", "nxos/route.json"},
    {"nxos", "show ip arp vrf all | json", "nxos/arp.json"},
    {"junos", "show interfaces | display json", "junos/interfaces.json"},
    {"junos", "show interfaces terse | display json", "junos/interfaces_terse.json"},
    {"junos", "show bgp summary | display json", "junos/bgp_summary.json"},
    {"junos", "show bgp neighbor | display json", "junos/bgp_neighbor.json"},
    {"junos", "show route receive-protocol bgp 192.168.100.130 | display json", "junos/receive_protocol.json"},
    {"junos", "show route | display json", "junos/route.json"},
    {"junos", "show route summary | display json", "junos/route_summary.json"},
    {"junos", "show arp | display json", "junos/arp.json"},
    {"frr", "show interface json", "frr/interface_json.txt"},
    {"frr", "show bgp summary json", "frr/bgp_vrf_all_summary_json.txt"},
    {"frr", "show bgp summary json", "frr/bgp_summary_json.txt"},
    {"frr", "show bgp neighbors json", "frr/bgp_vrf_all_neighbors_json.txt"},
    {"frr", "show ip route json", "frr/ip_route_json.txt"},
    {"frr", "show ip route json", "frr/two_paths_ip_route_json.txt"},
    {"frr", "show ip bgp json", "frr/ip_bgp_json.txt"},
    {"frr", "show ip bgp json", "frr/two_paths_ip_bgp_json.txt"},
    {"frr", "show ip bgp neighbors 192.168.100.130 advertised-routes json", "frr/ip_bgp_neighbor_advertised_json.txt"},
    {"frr", "show bfd peers json", "frr/bfd_peers_json.txt"},
    {"azure", "az network nic show-effective-route-table", "azure/az_forced_tunnel.json"},
    {"azure", "Get-AzEffectiveRouteTable | ConvertTo-Json", "azure/ps_forced_tunnel.json"},
};

static void pieces_read_like_the_whole(void **state)
{
    (void)state;
    static const size_t splits[] = {2500, 4096};
    for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
        size_t len;
        char *text = th_read_fixture(fixtures[i].fixture, &len);
        same_in_pieces(fixtures[i].vendor, fixtures[i].command, text, len, splits, 2, fixtures[i].fixture);
        free(text);
    }
}

/* Route tables shaped like bench/gen_json.py's, small enough for a unit test. */
static char *route_table(const char *vendor, int routes, size_t *len)
{
    size_t cap = (size_t)routes * 400 + 400, n = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    bool eos = strcmp(vendor, "eos") == 0, nxos = strcmp(vendor, "nxos") == 0;
    n += (size_t)snprintf(t + n, cap - n, "%s",
                          eos    ? "{\"vrfs\": {\"default\": {\"asn\": 65010, \"routes\": {"
                          : nxos ? "{\"TABLE_vrf\": {\"ROW_vrf\": [{\"vrf-name-out\": \"default\", \"TABLE_addrf\": "
                                   "{\"ROW_addrf\": [{\"addrf\": \"ipv4\", \"TABLE_prefix\": {\"ROW_prefix\": ["
                                 : "{\"route-information\": [{\"route-table\": [{\"table-name\": [{\"data\": "
                                   "\"blue.inet.0\"}], \"rt\": [");
    for (int i = 0; i < routes; i++) {
        const char *sep = i ? ",\n" : "\n";
        if (eos)
            n += (size_t)snprintf(t + n, cap - n, "%s\"10.%d.%d.0/24\": {\"routeType\": \"eBGP\", \"preference\": 200, "
                                  "\"metric\": %d, \"vias\": [{\"nexthopAddr\": \"192.168.0.%d\"}]}",
                                  sep, i / 256, i % 256, i, i % 250 + 1);
        else if (nxos)
            n += (size_t)snprintf(t + n, cap - n, "%s{\"ipprefix\": \"10.%d.%d.0/24\", \"TABLE_path\": {\"ROW_path\": "
                                  "[{\"ipnexthop\": \"192.168.0.%d\", \"pref\": \"20\", \"metric\": \"%d\", "
                                  "\"clientname\": \"bgp-65010\", \"ubest\": \"true\"}]}}",
                                  sep, i / 256, i % 256, i % 250 + 1, i);
        else
            n += (size_t)snprintf(t + n, cap - n, "%s{\"rt-destination\": [{\"data\": \"10.%d.%d.0/24\"}], \"rt-entry\": "
                                  "[{\"protocol-name\": [{\"data\": \"BGP\"}], \"preference\": [{\"data\": \"170\"}], "
                                  "\"nh\": [{\"to\": [{\"data\": \"192.168.0.%d\"}]}]}]}",
                                  sep, i / 256, i % 256, i % 250 + 1);
    }
    n += (size_t)snprintf(t + n, cap - n, "%s", eos ? "}, \"routerId\": \"10.0.0.1\"}}}\n" : nxos ? "]}}]}}]}}\n" : "]}]}]}\n");
    *len = n;
    return t;
}

static void route_tables_in_pieces(void **state)
{
    (void)state;
    static const char *const tables[][2] = {
        {"eos", "show ip route | json"}, {"nxos", "show ip route | json"}, {"junos", "show route | display json"}};
    static const size_t splits[] = {1, 300, 1000, 7777};
    for (size_t i = 0; i < 3; i++) {
        size_t len;
        char *text = route_table(tables[i][0], 300, &len);
        same_in_pieces(tables[i][0], tables[i][1], text, len, splits, 4, tables[i][0]);
        parsed_t *p = th_parse_text(tables[i][0], tables[i][1], text, len);
        assert_int_equal(p->n, 300);
        assert_string_equal(p->recs[299].u.route.prefix, "10.1.43.0/24");
        assert_string_equal(p->recs[299].u.route.vrf, i == 2 ? "blue" : "default");
        th_free(p);
        free(text);
    }
}

/* A big answer cut off (the 64 MiB output cap, a dropped session) keeps the routes before the
 * cut; one that is not JSON fails with where. */
static void cut_and_broken_answers(void **state)
{
    (void)state;
    const parser_vendor_t *v = parser_vendor_find("eos");
    const parser_def_t *def = parser_find(v, "show ip route | json");
    size_t len;
    char *text = route_table("eos", 300, &len);
    json_t *doc = parse_doc(v, def, text, len * 7 / 10, 1000);
    size_t n = json_array_size(json_object_get(doc, "routes"));
    if (!(n > 150 && n < 300))
        fail_msg("%zu routes: %s", n, json_dumps(doc, 0));
    assert_true(json_is_true(json_object_get(doc, "partial")));
    assert_non_null(strstr(json_string_value(json_object_get(doc, "partial_reason")), "cut short"));
    assert_null(json_object_get(doc, "error"));
    json_decref(doc);
    char *colon = strstr(text + len / 2, "\": ");
    assert_non_null(colon);
    colon[1] = ';';
    doc = parse_doc(v, def, text, len, 1000);
    const char *error = json_string_value(json_object_get(doc, "error"));
    assert_non_null(error);
    char want[64];
    size_t line = 1;
    for (const char *c = text; c < colon; c++)
        line += *c == '\n';
    snprintf(want, sizeof(want), "invalid JSON at line %zu, column ", line);
    assert_non_null(strstr(error, want));
    assert_non_null(strstr(error, "expected ':'"));
    json_decref(doc);
    free(text);
}

/* ---- a ~1 MB answer on one line ---- */

static void one_line_megabyte(void **state)
{
    (void)state;
    size_t cap = 1100000, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text, cap, "{\"vrfs\": {\"default\": {\"routes\": {");
    int routes = 0;
    while (len < 990000) {
        len += (size_t)snprintf(text + len, cap - len,
                                "%s\"10.%d.%d.0/24\": {\"routeType\": \"eBGP\", \"preference\": 200, \"metric\": %d, "
                                "\"vias\": [{\"nexthopAddr\": \"192.168.100.130\", \"interface\": \"Ethernet1\"}]}",
                                routes ? ", " : "", routes / 256, routes % 256, routes % 7);
        routes++;
    }
    len += (size_t)snprintf(text + len, cap - len, "}}}}"); /* no newline at all */
    assert_true(len > 965000);
    parsed_t *p = th_parse_text("eos", "show ip route | json", text, len);
    assert_false(p->failed);
    assert_false(p->partial);
    assert_int_equal(p->n, routes);
    char last[32];
    snprintf(last, sizeof(last), "10.%d.%d.0/24", (routes - 1) / 256, (routes - 1) % 256);
    assert_string_equal(p->recs[routes - 1].u.route.prefix, last); /* the last one, whole */
    assert_int_equal(p->recs[routes - 1].u.route.metric, (routes - 1) % 7);
    th_free(p);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pieces_carry_their_path),
        cmocka_unit_test(junos_leaves_are_context),
        cmocka_unit_test(bad_json_and_cut_short),
        cmocka_unit_test(pieces_read_like_the_whole),
        cmocka_unit_test(route_tables_in_pieces),
        cmocka_unit_test(cut_and_broken_answers),
        cmocka_unit_test(one_line_megabyte),
    };
    return cmocka_run_group_tests_name("json_split", tests, NULL, NULL);
}
