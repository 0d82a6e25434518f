/* test_ios.c: Cisco IOS / IOS-XE parsers against fixtures in tests/fixtures/ios/. */
#include "tests/testhelp.h"

static void ip_int_brief_crlf(void **state)
{
    (void)state;
    parsed_t *p = th_parse_fixture("ios", "show ip interface brief", "ios/ip_int_brief_crlf.txt");
    assert_int_equal(p->n, 3);
    assert_false(p->partial);
    const iface_t *gi0 = &th_must_find(p, "GigabitEthernet0/0/0")->u.iface;
    assert_string_equal(gi0->ipv4[0], "192.168.100.129");
    assert_int_equal(gi0->oper_status, UPDOWN_UP);
    const iface_t *gi1 = &th_must_find(p, "GigabitEthernet0/0/1")->u.iface;
    assert_int_equal(gi1->n_ipv4, 0);
    assert_int_equal(gi1->admin_status, UPDOWN_DOWN);
    assert_string_equal(gi1->raw_status, "administratively down");
    th_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ip_int_brief_crlf),
    };
    return cmocka_run_group_tests_name("ios", tests, NULL, NULL);
}
