/* test_core.c: prefix math, value conversions, and the JSON writer. */
#include <string.h>
#include <stdlib.h>

#include "core/json_stream.h"
#include "core/prefix.h"
#include "core/record_json.h"
#include "parsers/textutil.h"
#include "tests/testhelp.h"

static void prefix_usable_addresses(void **state)
{
    (void)state;
    ip_prefix_t p;
    ip_addr_t a;
    char buf[64];
    assert_true(prefix_parse("192.168.100.128/30", &p));
    assert_true(prefix_first_usable(&p, &a));
    ip_to_string(&a, buf, sizeof(buf));
    assert_string_equal(buf, "192.168.100.129");
    assert_true(prefix_second_usable(&p, &a));
    ip_to_string(&a, buf, sizeof(buf));
    assert_string_equal(buf, "192.168.100.130");
    /* Host bits set in the written prefix do not move the network. */
    assert_true(prefix_parse("192.168.100.134/30", &p));
    assert_true(prefix_first_usable(&p, &a));
    ip_to_string(&a, buf, sizeof(buf));
    assert_string_equal(buf, "192.168.100.133");
    assert_true(prefix_parse("2001:db8:c0de::/126", &p));
    assert_true(prefix_second_usable(&p, &a));
    ip_to_string(&a, buf, sizeof(buf));
    assert_string_equal(buf, "2001:db8:c0de::2");
    /* A /32 has no second address. */
    assert_true(prefix_parse("10.0.0.1/32", &p));
    assert_false(prefix_second_usable(&p, &a));
}

static void prefix_relations(void **state)
{
    (void)state;
    ip_prefix_t a, b;
    ip_addr_t x;
    assert_true(prefix_parse("10.1.0.0/16", &a));
    assert_true(prefix_parse("10.1.2.0/24", &b));
    assert_true(prefix_covers(&a, &b));
    assert_false(prefix_covers(&b, &a));
    assert_true(prefix_overlap(&b, &a));
    assert_true(ip_parse("10.1.255.255", &x));
    assert_true(prefix_contains(&a, &x));
    assert_true(ip_parse("10.2.0.0", &x));
    assert_false(prefix_contains(&a, &x));
    assert_true(prefix_parse("fe80::1%eth0", &a));
    assert_int_equal(a.len, 128);
    assert_false(prefix_parse("10.1.0.0/33", &a));
    assert_false(prefix_parse("10.1.0/24", &a));
    assert_int_equal(netmask_to_len("255.255.255.252"), 30);
    assert_int_equal(netmask_to_len("0.0.0.255"), -1);
    char buf[64];
    assert_true(prefix_normalise("10.1.2.3/16", buf, sizeof(buf)));
    assert_string_equal(buf, "10.1.0.0/16");
}

static void durations(void **state)
{
    (void)state;
    assert_int_equal(tu_duration("1w2d", 4), 9 * 86400);
    assert_int_equal(tu_duration("00:20:06", 8), 1206);
    assert_int_equal(tu_duration("9w2d 5:23:37", 12), 65 * 86400 + 5 * 3600 + 23 * 60 + 37);
    assert_int_equal(tu_duration("2d03h", 5), 2 * 86400 + 3 * 3600);
    assert_int_equal(tu_duration("1y10w", 5), 31536000 + 10 * 604800);
    assert_int_equal(tu_duration("21 minutes, 40 seconds", 22), 21 * 60 + 40);
    assert_int_equal(tu_duration("40week(s) 5day(s)", 17), 40 * 604800 + 5 * 86400);
    assert_true(tu_duration("never", 5) == MODEL_ABSENT);
    assert_true(tu_duration("soon", 4) == MODEL_ABSENT);
}

static void values(void **state)
{
    (void)state;
    assert_int_equal(tu_int("1,234,567", 9), 1234567);
    assert_true(tu_int("12a", 3) == MODEL_ABSENT);
    assert_int_equal(tu_asn("65000.1000", 10), 65000LL * 65536 + 1000);
    assert_int_equal(tu_asn("4200000000", 10), 4200000000LL);
    bool admin;
    assert_int_equal(tu_bgp_state("Idle (Admin)", 12, &admin), BGP_STATE_IDLE);
    assert_true(admin);
    assert_int_equal(tu_bgp_state("Estab", 5, &admin), BGP_STATE_ESTABLISHED);
    assert_false(admin);
    char mac[MAC_LEN];
    assert_true(tu_mac("aabb.cc00.0001", 14, mac));
    assert_string_equal(mac, "aa:bb:cc:00:00:01");
    assert_false(tu_mac("aabb.cc00", 9, mac));
    assert_int_equal(tu_updown("administratively down", 21), UPDOWN_DOWN);
    assert_int_equal(tu_rate_bps("1.5", 3, "Mbps", 4), 1500000);
    assert_string_equal(tu_route_code_protocol("O E2", 4), "ospf");
}

static void json_writer_escapes_and_streams(void **state)
{
    (void)state;
    js_membuf_t mb = {0};
    json_stream_t *js = malloc(sizeof(*js));
    js_init(js, js_membuf_write, &mb);
    js_begin_object(js);
    js_kv_str(js, "s", "a\"b\\c\n\x01");
    js_kv_str(js, "bad", "caf\xe9");
    js_kv_str(js, "hi", "\xf5\x80\x80\x80\xed\xa0\x80\xc3\xa9");
    js_kv_int(js, "n", -42);
    js_kv_int(js, "absent", MODEL_ABSENT);
    js_kv_str(js, "empty", "");
    js_key(js, "list");
    js_begin_array(js);
    js_int(js, 1);
    js_double(js, 1.5);
    js_end_array(js);
    js_end_object(js);
    assert_int_equal(js_flush(js), 0);
    assert_string_equal(mb.data, "{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"bad\":\"caf\\ufffd\","
                                 "\"hi\":\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\xc3\xa9\",\"n\":-42,\"list\":[1,1.5]}");
    free(mb.data);
    free(js);
}

static void route_record_json(void **state)
{
    (void)state;
    record_t r;
    record_init(&r, KIND_ROUTES);
    strcpy(r.u.route.prefix, "10.1.0.0/16");
    strcpy(r.u.route.protocol, "bgp");
    r.u.route.distance = 20;
    r.u.route.metric = 0;
    next_hop_init(&r.u.route.next_hops[0]);
    strcpy(r.u.route.next_hops[0].address, "192.168.100.130");
    r.u.route.n_next_hops = 1;
    js_membuf_t mb = {0};
    json_stream_t *js = malloc(sizeof(*js));
    js_init(js, js_membuf_write, &mb);
    record_json_write(js, &r);
    js_flush(js);
    assert_string_equal(mb.data, "{\"prefix\":\"10.1.0.0/16\",\"protocol\":\"bgp\",\"distance\":20,\"metric\":0,"
                                 "\"next_hops\":[{\"address\":\"192.168.100.130\"}]}");
    free(mb.data);
    free(js);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prefix_usable_addresses), cmocka_unit_test(prefix_relations),
        cmocka_unit_test(durations), cmocka_unit_test(values),
        cmocka_unit_test(json_writer_escapes_and_streams), cmocka_unit_test(route_record_json),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
