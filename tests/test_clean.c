/* test_clean.c: the parse driver's cleaning of captured terminal output. */
#include <string.h>

#include "parsers/clean.h"
#include "tests/testhelp.h"

static size_t clean(char *buf, bool *pager)
{
    return clean_line(buf, strlen(buf), pager);
}

static void strips_terminal_noise(void **state)
{
    (void)state;
    bool pager;
    char a[] = "Gi0/0   up\r";
    a[clean(a, &pager)] = '\0';
    assert_string_equal(a, "Gi0/0   up");
    char b[] = " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bGi0/1   down";
    b[clean(b, &pager)] = '\0';
    assert_string_equal(b, "Gi0/1   down");
    char c[] = "\x1b[1;32mEstablished\x1b[0m";
    c[clean(c, &pager)] = '\0';
    assert_string_equal(c, "Established");
    char d[] = "---(more 45%)---";
    d[clean(d, &pager)] = '\0';
    assert_true(pager);
    assert_string_equal(d, "");
    char e[] = " --More-- \r          \rLoopback0   up";
    e[clean(e, &pager)] = '\0';
    assert_string_equal(e, "Loopback0   up");
}

static void classifies_prompts(void **state)
{
    (void)state;
    const char *echo[] = {"ce1-nyc#show ip bgp summary", "noc@mx1> show bgp summary | no-more",
                          "RP/0/RSP0/CPU0:xr1#show bgp summary", "leaf1>sh ip route",
                          "root@vm1:~# traceroute 10.1.0.4", "C:\\Users\\noc>tracert 10.1.0.4"};
    for (size_t i = 0; i < sizeof(echo) / sizeof(echo[0]); i++)
        assert_int_equal(clean_classify(echo[i], strlen(echo[i])), LINE_ECHO);
    const char *prompt[] = {"ce1-nyc#", "noc@mx1> ", "{master:0}", "nx1(config)# "};
    for (size_t i = 0; i < sizeof(prompt) / sizeof(prompt[0]); i++)
        assert_int_equal(clean_classify(prompt[i], strlen(prompt[i])), LINE_PROMPT);
    const char *content[] = {"B>* 10.1.0.0/16 [20/0] via 192.168.0.2, eth0, 00:01:02",
                             "*>i10.0.0.0/8   192.168.0.2   0   100   0 12076 i",
                             "Gateway of last resort is not set", "  1 10.0.0.1 1 msec"};
    for (size_t i = 0; i < sizeof(content) / sizeof(content[0]); i++)
        assert_int_equal(clean_classify(content[i], strlen(content[i])), LINE_CONTENT);
}

static void drops_banner_before_echo(void **state)
{
    (void)state;
    const char *text =
        "**********************************\n"
        "* Authorised access only.        *\n"
        "**********************************\n"
        "ce1#show ip interface brief\n"
        "Interface              IP-Address      OK? Method Status                Protocol\n"
        "Loopback0              10.255.0.1      YES manual up                    up\n"
        "ce1#\n";
    parsed_t *p = th_parse_text("ios", "show ip interface brief", text, strlen(text));
    assert_int_equal(p->n, 1);
    assert_false(p->partial);
    th_free(p);
}

static void truncated_and_garbage(void **state)
{
    (void)state;
    const char *text = "Interface              IP-Address      OK? Method Status                Protocol\n"
                       "Loopback0              10.255.0.1      YES manual up                    up\n"
                       "this line means nothing\n"
                       "Loopback1              10.255.0.2      YES man";
    parsed_t *p = th_parse_text("ios", "show ip interface brief", text, strlen(text));
    assert_int_equal(p->n, 1);
    assert_true(p->partial);
    assert_int_equal(p->n_skipped, 2);
    assert_int_equal(p->skipped[0], 3);
    assert_int_equal(p->skipped[1], 4);
    assert_non_null(strstr(p->json, "\"skipped_lines\":[3,4]"));
    th_free(p);
    th_assert_split_invariant("ios", "show ip interface brief", text, 17);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strips_terminal_noise), cmocka_unit_test(classifies_prompts),
        cmocka_unit_test(drops_banner_before_echo), cmocka_unit_test(truncated_and_garbage),
    };
    return cmocka_run_group_tests_name("clean", tests, NULL, NULL);
}
