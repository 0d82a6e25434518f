/* test_numbers.c: numbers out of range, from the checked conversions (parsers/textutil.c) up
 * to the contract JSON.  The rule under test: a number that does not fit is absent and the
 * result is partial; it is never printed wrong, negative, or as stray bytes. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json_stream.h"
#include "parsers/textutil.h"
#include "tests/testhelp.h"

#define ABSENT MODEL_ABSENT

/* ---- the conversions ---- */

typedef struct {
    const char *what;
    int64_t (*fn)(const char *s, size_t len);
    const char *text;
    int64_t want;
    unsigned range_errors; /* how many the conversion must count */
} conv_row_t;

static void conversions(void **state)
{
    (void)state;
    static const conv_row_t rows[] = {
        {"int", tu_int, "1,234", 1234, 0},
        {"int", tu_int, "9223372036854775807", INT64_MAX, 0},
        {"int", tu_int, "9223372036854775808", ABSENT, 1},
        {"int", tu_int, "99999999999999999999", ABSENT, 1},
        {"int", tu_int, "12ab", ABSENT, 0},
        {"digits", tu_digits, "4294967296", 4294967296LL, 0},
        {"digits", tu_digits, "99999999999999999999", ABSENT, 1},
        {"digits", tu_digits, "1 2", ABSENT, 0},
        {"duration", tu_duration, "9999999999999999999:00:00", ABSENT, 1},
        {"duration", tu_duration, "2562047788015216:00:00", ABSENT, 1}, /* the hours fit int64, the seconds do not */
        {"duration", tu_duration, "00:41:07", 2467, 0},
        {"duration", tu_duration, "1w2d", 777600, 0},
        {"duration", tu_duration, "99999999999999999999w", ABSENT, 1},
        {"duration", tu_duration, "9999999999999999w", ABSENT, 1},
        {"duration", tu_duration, "P99999999999999Y", ABSENT, 1},
        {"duration", tu_duration, "PT5M", 300, 0},
        {"duration", tu_duration, "3 days, 2 hours", 266400, 0},
        {"asn", tu_asn, "4294967295", 4294967295LL, 0},
        {"asn", tu_asn, "4294967296", ABSENT, 1},
        {"asn", tu_asn, "65536.1", ABSENT, 1},
        {"asn", tu_asn, "64086.59905", 4200000001LL, 0},
    };
    tu_take_range_errors();
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const conv_row_t *r = &rows[i];
        int64_t got = r->fn(r->text, strlen(r->text));
        unsigned errs = tu_take_range_errors();
        if (got != r->want || (errs != 0) != (r->range_errors != 0))
            fail_msg("%s(\"%s\") = %lld with %u range errors; want %lld with %u", r->what, r->text,
                     (long long)got, errs, (long long)r->want, r->range_errors);
    }
}

static void scaled_and_real(void **state)
{
    (void)state;
    tu_take_range_errors();
    assert_int_equal(tu_int_max("4294967295", 10, 4294967295LL), 4294967295LL);
    assert_int_equal(tu_int_max("4294967296", 10, 4294967295LL), ABSENT);
    assert_int_equal(tu_int_max("-1", 2, 100), ABSENT);
    assert_int_equal(tu_take_range_errors(), 2);
    assert_int_equal(tu_scale(300000, 1, 1000), 300);
    assert_int_equal(tu_scale(ABSENT, 1, 1000), ABSENT); /* absent stays absent, uncounted */
    assert_int_equal(tu_take_range_errors(), 0);
    assert_int_equal(tu_scale(INT64_MAX / 10, 1000, 1), ABSENT);
    assert_int_equal(tu_scale(-5, 1, 1000), ABSENT);
    assert_int_equal(tu_take_range_errors(), 2);
    double v = 0;
    assert_true(tu_real("0.394", 5, 1e6, &v));
    assert_true(fabs(v - 0.394) < 1e-9);
    assert_false(tu_real("99999999999999999999999999999999999.5", 37, 1e6, &v));
    assert_false(tu_real("9999999.5", 9, 1e6, &v));
    assert_int_equal(tu_take_range_errors(), 2);
    assert_false(tu_real("1.2.3", 5, 1e6, &v));
    assert_false(tu_real("nan", 3, 1e6, &v));
    assert_int_equal(tu_take_range_errors(), 0);
    assert_int_equal(tu_round(1e300), ABSENT);
    assert_int_equal(tu_round(NAN), ABSENT);
    assert_int_equal(tu_round(2.5), 3);
    assert_int_equal(tu_take_range_errors(), 2);
    assert_int_equal(tu_rate_bps("1e400", 5, "", 0), ABSENT);
    assert_int_equal(tu_rate_bps("99999999999999999999", 20, "Tbps", 4), ABSENT);
    assert_int_equal(tu_rate_bps("10", 2, "Gbps", 4), 10000000000LL);
}

/* ---- the JSON writer: bounded whatever the double ---- */

static char *double_json(double v)
{
    js_membuf_t out = {0};
    json_stream_t *js = malloc(sizeof(*js));
    assert_non_null(js);
    js_init(js, js_membuf_write, &out);
    js_begin_array(js);
    js_double(js, v);
    js_end_array(js);
    assert_int_equal(js_flush(js), 0);
    free(js);
    return out.data;
}

static void js_double_bounded(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *want;
    } rows[] = {
        {12.0, "[12.0]"},
        {0.5, "[0.5]"},
        {0.394, "[0.394]"},
        {99999999999999999999999999999999999.5, "[9.9999999999999997e+34]"},
        {-1e300, "[-1.0000000000000001e+300]"},
        {NAN, "[null]"},
        {INFINITY, "[null]"},
        {-INFINITY, "[null]"},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char *got = double_json(rows[i].v);
        assert_string_equal(got, rows[i].want);
        json_error_t err;
        json_t *doc = json_loads(got, 0, &err);
        assert_non_null(doc); /* always valid JSON */
        json_decref(doc);
        free(got);
    }
}

/* ---- parsers: each row is device output with a number out of range ---- */

typedef struct {
    const char *vendor, *command, *text;
    const char *absent;             /* a path (keys and indices, '/'-separated) that must be absent */
    const char *present, *present_value; /* and one that must still be read, as text */
} parse_row_t;

/* "hops/0/probes/0/rtt_ms" in a JSON document; NULL when absent. */
static json_t *at(json_t *doc, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", path);
    json_t *cur = doc;
    for (char *save = NULL, *k = strtok_r(buf, "/", &save); cur && k; k = strtok_r(NULL, "/", &save))
        cur = json_is_array(cur) ? json_array_get(cur, strtoul(k, NULL, 10)) : json_object_get(cur, k);
    return cur;
}

static void value_text(const json_t *v, char *out, size_t size)
{
    if (json_is_string(v))
        snprintf(out, size, "%s", json_string_value(v));
    else if (json_is_integer(v))
        snprintf(out, size, "%lld", (long long)json_integer_value(v));
    else
        snprintf(out, size, "%s", v ? "(other)" : "(absent)");
}

#define HUGE_RTT "99999999999999999999999999999999999.5"
#define LINUX_HEAD "traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 60 byte packets\n"
#define IOS_SUM_HEAD                                                                         \
    "BGP router identifier 192.168.100.129, local AS number 65010\n\n"                      \
    "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"
#define NXOS_TBL_HEAD                                                                        \
    "BGP routing table information for VRF default, address family IPv4 Unicast\n"          \
    "   Network            Next Hop            Metric     LocPrf     Weight Path\n"
#define XR_TBL_HEAD "   Network            Next Hop            Metric LocPrf Weight Path\n"

static const parse_row_t parse_rows[] = {
    /* traceroute RTTs that used to write stack bytes into the JSON */
    {"linux", "traceroute 10.1.0.4",
     LINUX_HEAD " 1  172.16.0.1 (172.16.0.1)  " HUGE_RTT " ms  0.390 ms  0.371 ms\n",
     "hops/0/probes/0/rtt_ms", "hops/0/probes/0/address", "172.16.0.1"},
    {"linux", "traceroute 10.1.0.4",
     LINUX_HEAD " 1  172.16.0.1 (172.16.0.1)  9999999999999999999999999999.5 ms  0.390 ms\n",
     "hops/0/probes/0/rtt_ms", "hops/0/probes/1/address", "172.16.0.1"},
    {"junos", "traceroute 10.1.0.4",
     "traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 52 byte packets\n"
     " 1  172.16.0.1 (172.16.0.1)  " HUGE_RTT " ms  0.390 ms  0.371 ms\n",
     "hops/0/probes/0/rtt_ms", "hops/0/probes/0/address", "172.16.0.1"},
    {"windows", "tracert 10.1.0.4",
     "\nTracing route to 10.1.0.4 over a maximum of 30 hops\n\n"
     "  1    " HUGE_RTT " ms    <1 ms    <1 ms  172.16.0.1\n\nTrace complete.\n",
     "hops/0/probes/0/rtt_ms", "hops/0/probes/0/address", "172.16.0.1"},
    {"windows", "tracert 10.1.0.4",
     "\nTracing route to 10.1.0.4 over a maximum of 30 hops\n\n"
     "  1    <9999999999999999999999999999 ms    1 ms    1 ms  172.16.0.1\n",
     "hops/0/probes/0/rtt_ms", "hops/0/probes/2/address", "172.16.0.1"},
    /* an uptime whose hours overflow int64 (was a negative up_down) */
    {"ios", "show ip bgp summary",
     IOS_SUM_HEAD "192.168.100.134 4        12076    2301    2290        1    0    0 9999999999999999999:00:00 Idle\n",
     "neighbors/0/up_down", "neighbors/0/remote_as", "12076"},
    {"eos", "show ip bgp summary",
     "BGP summary information for VRF default\nRouter identifier 10.0.0.1, local AS number 65010\n"
     "  Neighbor         V  AS           MsgRcvd   MsgSent  InQ OutQ  Up/Down State   PfxRcd PfxAcc\n"
     "  192.168.100.130  4  12076            100       101    0    0 9999999999999999999:00:00 Estab   12     12\n",
     "neighbors/0/up_down", "neighbors/0/peer", "192.168.100.130"},
    /* IOS routes: a /33, and "0.0.0.0 is subnetted" (its classful mask was a shift by 32) */
    {"ios", "show ip route",
     "Gateway of last resort is not set\n\n"
     "B        10.1.0.0/33 [20/0] via 192.168.100.130, 1w2d\n"
     "B        10.2.0.0/16 [20/0] via 192.168.100.130, 1w2d\n",
     "routes/1", "routes/0/prefix", "10.2.0.0/16"},
    {"ios", "show ip route",
     "Gateway of last resort is not set\n\n"
     "      0.0.0.0/8 is subnetted, 1 subnets\n"
     "B        0.5.0.0 [20/99999999999999999999] via 10.255.255.2, 3d04h\n",
     "routes/0/metric", "routes/0/prefix", "0.0.0.0/8"},
    /* BGP tables: metric, local preference and weight are 32-bit */
    {"nxos", "show ip bgp",
     NXOS_TBL_HEAD "*>e10.60.0.0/16       192.168.100.130 4294967296        100          0 12076 65515 ?\n",
     "routes/0/metric", "routes/0/local_pref", "100"},
    {"nxos", "show ip bgp",
     NXOS_TBL_HEAD "*>e10.61.0.0/16       192.168.100.130        100 4294967296          0 12076 65515 ?\n",
     "routes/0/local_pref", "routes/0/metric", "100"},
    {"nxos", "show ip bgp",
     NXOS_TBL_HEAD "*>e10.62.0.0/16       192.168.100.130             99999999999999999999 12076 65515 ?\n",
     "routes/0/weight", "routes/0/as_path", "12076 65515"},
    {"iosxr", "show bgp",
     XR_TBL_HEAD "*> 10.1.0.0/16        192.168.100.130 4294967296             0 12076 65020 i\n",
     "routes/0/metric", "routes/0/weight", "0"},
    {"iosxr", "show bgp",
     XR_TBL_HEAD "*> 10.2.0.0/16        192.168.100.130          0    99999999999999999999 0 12076 65020 i\n",
     "routes/0/local_pref", "routes/0/weight", "0"},
    {"iosxr", "show bgp",
     XR_TBL_HEAD "*> 10.3.0.0/16        192.168.100.130          0    100 4294967296 12076 65020 i\n",
     "routes/0/weight", "routes/0/local_pref", "100"},
    /* JSON: a number string too long for int64, a real too big to cast */
    {"nxos", "show ip route | json",
     "{\"TABLE_vrf\": {\"ROW_vrf\": {\"vrf-name-out\": \"default\", \"TABLE_addrf\": {\"ROW_addrf\": {"
     "\"addrf\": \"ipv4\", \"TABLE_prefix\": {\"ROW_prefix\": [{\"ipprefix\": \"10.50.0.0/16\", "
     "\"TABLE_path\": {\"ROW_path\": [{\"ipnexthop\": \"192.168.100.130\", \"pref\": \"20\", "
     "\"metric\": \"99999999999999999999\", \"ubest\": \"true\"}]}}]}}}}}}\n",
     "routes/0/metric", "routes/0/distance", "20"},
    {"eos", "show ip route | json",
     "{\"vrfs\": {\"default\": {\"routes\": {\"10.1.0.0/16\": {\"routeType\": \"eBGP\", "
     "\"preference\": 1e300, \"metric\": 0}}}}}\n",
     "routes/0/distance", "routes/0/metric", "0"},
};

static void parse_out_of_range(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(parse_rows) / sizeof(parse_rows[0]); i++) {
        const parse_row_t *r = &parse_rows[i];
        parsed_t *p = th_parse_text(r->vendor, r->command, r->text, strlen(r->text));
        json_error_t err;
        json_t *doc = json_loads(p->json, 0, &err);
        if (!doc)
            fail_msg("row %zu (%s %s): invalid JSON: %s\n%s", i, r->vendor, r->command, err.text, p->json);
        char got[128];
        value_text(at(doc, r->present), got, sizeof(got));
        if (at(doc, r->absent) || strcmp(got, r->present_value) != 0 || !json_is_true(at(doc, "partial")))
            fail_msg("row %zu (%s %s): want %s absent, %s = %s, partial; got\n%s", i, r->vendor, r->command,
                     r->absent, r->present, r->present_value, p->json);
        json_decref(doc);
        th_free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conversions),
        cmocka_unit_test(scaled_and_real),
        cmocka_unit_test(js_double_bounded),
        cmocka_unit_test(parse_out_of_range),
    };
    return cmocka_run_group_tests_name("numbers", tests, NULL, NULL);
}
