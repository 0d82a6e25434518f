/* test_clean.c: the parse driver's cleaning of captured terminal output. */
#include <stdio.h>
#include <string.h>

#include "parsers/clean.h"
#include "parsers/parser.h"
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

/* Terminal control sequences in every form a device or a capture may hold them: gone, and the
 * text around them (UTF-8 included) untouched. */
static void strips_control_sequences(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } rows[] = {
        {"\x1b]0;pwned\x07Gi0/0 up", "Gi0/0 up"},          /* OSC title, BEL */
        {"\x1b]2;t\x1b\\up", "up"},                        /* OSC title, ESC \ */
        {"ok\x1b]0;title never ends", "ok"},               /* unterminated OSC */
        {"\x1b]0;t\x1b[1mx", "x"},                         /* ESC ends an OSC and starts a CSI */
        {"\x1b]0;\xc5\x9c\x07x", "x"},                     /* UTF-8 title: its 0x9c is no ST */
        {"\x1bPdata\x1b\\x", "x"},                         /* DCS */
        {"\x1b_apc\x1b\\x", "x"},                          /* APC */
        {"\x1b" "cup", "up"},                              /* ESC c: full reset */
        {"\x1b(Bup", "up"},                                /* charset designation */
        {"\x1b=\x1b>\x1b" "7x\x1b" "8", "x"},               /* keypad modes, save/restore cursor */
        {"\x9b" "1;31mred\x9b" "0m", "red"},               /* raw C1 CSI */
        {"\xc2\x9b" "2Jx", "x"},                           /* UTF-8 encoded CSI */
        {"\x9d" "0;t\x07x", "x"},                          /* raw C1 OSC, BEL */
        {"\x9d" "0;t\x9cx", "x"},                          /* raw C1 OSC, raw ST */
        {"\xc2\x9d" "0;t\xc2\x9cx", "x"},                  /* UTF-8 OSC, UTF-8 ST */
        {"\x90q\x9cx", "x"},                               /* raw DCS */
        {"a\xc2\x85" "b\x85" "c", "abc"},                  /* other C1, both forms: dropped */
        {"x\x1b", "x"},                                    /* lone ESC at the end */
        {"\x1b[\xc3\xa9", "\xc3\xa9"},                      /* a broken CSI does not eat text */
        {"caf\xc3\xa9\bx", "cafx"},                        /* backspace erases a whole character */
        {"\xe6\xbc\xa2\b\b!", "!"},                          /* ... of three bytes, then the line start */
        {"ab\xa9\xa9\bx", "ab\xa9x"},                       /* stray continuation bytes: one at a time */
        {"\xe9\x1b[0m", "\xe9"},                           /* invalid UTF-8 stays for the display */
        {"caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x94\xa5", "caf\xc3\xa9 \xe6\xbc\xa2 \xf0\x9f\x94\xa5"},
        {"\xdb\x9b\xc4\x9b\xc5\x9c\xc2\xa0", "\xdb\x9b\xc4\x9b\xc5\x9c\xc2\xa0"}, /* 0x9b inside characters */
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char buf[128];
        bool pager;
        snprintf(buf, sizeof(buf), "%s", rows[i].in);
        buf[clean(buf, &pager)] = '\0';
        if (strcmp(buf, rows[i].want) != 0)
            fail_msg("row %zu: got \"%s\", want \"%s\"", i, buf, rows[i].want);
    }
}

/* A capture coloured with C1 CSI and retitled by its banner parses like a clean one. */
static void parses_through_c1_noise(void **state)
{
    (void)state;
    const char *text = "\x1b]0;pwned\x07\x1b" "c"
                       "Interface              IP-Address      OK? Method Status                Protocol\n"
                       "Loopback0              10.255.0.1      YES manual \x9b" "32mup\x9b" "0m                    up\n"
                       "Loopback1              10.255.0.2      YES manual \xc2\x9b" "31mdown\xc2\x9b" "0m"
                       "                  down\n";
    parsed_t *p = th_parse_text("ios", "show ip interface brief", text, strlen(text));
    assert_int_equal(p->n, 2);
    assert_false(p->partial);
    assert_non_null(strstr(p->json, "\"name\":\"Loopback1\""));
    assert_null(strchr(p->json, 0x1b));
    th_free(p);
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

/* Output filters (parsers/registry.c): the head's parser reads what the filter left, the JSON
 * says "filtered", and a "| count" answer gives its number and no records. */
static void filtered_commands(void **state)
{
    (void)state;
    const parser_vendor_t *ios = parser_vendor_find("ios");
    parser_filter_t f;
    assert_ptr_equal(parser_resolve(ios, "sh ip arp | i Gi0", &f), parser_find(ios, "show ip arp"));
    assert_true(f.filtered);
    assert_false(f.count);
    assert_string_equal(f.filter, "i");
    assert_ptr_equal(parser_resolve(ios, "show ip bgp summary | count Estab", &f), parser_find(ios, "show ip bgp summary"));
    assert_true(f.filtered && f.count);
    /* a parser written for the filtered form is not "filtered" */
    const parser_def_t *cfg = parser_resolve(ios, "show running-config | section router bgp", &f);
    assert_int_equal(cfg->kind, KIND_BGP_CONFIG);
    assert_false(f.filtered);
    assert_null(parser_resolve(ios, "show ip bgp summary | frobnicate x", &f));
    assert_false(f.filtered);

    const char arp[] = "Internet  10.1.0.2               12   5254.0012.3456  ARPA   GigabitEthernet0/1\n";
    parsed_t *p = th_parse_text("ios", "show ip arp | include Gig", arp, sizeof(arp) - 1);
    assert_int_equal(p->n, 1);
    assert_false(p->partial);
    assert_non_null(strstr(p->json, "\"filtered\":true"));
    assert_non_null(strstr(p->json, "\"filter\":\"include\""));
    th_free(p);

    const char count[] = "Number of lines which match regexp = 7\n";
    p = th_parse_text("ios", "sh ip bgp sum | count Estab", count, sizeof(count) - 1);
    assert_int_equal(p->n, 0);
    assert_false(p->partial);
    assert_non_null(strstr(p->json, "\"count\":7"));
    assert_non_null(strstr(p->json, "no records"));
    th_free(p);

    const char nxcount[] = "3\n";
    p = th_parse_text("nxos", "show ip arp vrf all | count", nxcount, sizeof(nxcount) - 1);
    assert_non_null(strstr(p->json, "\"count\":3"));
    th_free(p);
}

/* A filter that kept the rows but not their table header: the parser reads them under the
 * header the platform prints (parser_def_t.filter_header); a header the filter kept too is
 * read twice without harm. */
static void filtered_rows_without_header(void **state)
{
    (void)state;
    static const struct {
        const char *vendor, *command, *text, *peer;
        size_t records;
    } rows[] = {
        {"ios", "sh ip bgp sum | i 192.168",
         "BGP router identifier 10.255.0.1, local AS number 65010\n"
         "192.168.100.130 4        12076    5021    5043       57    0    0 3d04h               2\n",
         "192.168.100.130", 1},
        {"ios", "show ip bgp summary | include 192.168|Neighbor",
         "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"
         "192.168.100.130 4        12076    5021    5043       57    0    0 3d04h               2\n",
         "192.168.100.130", 1},
        {"iosxr", "show bgp summary | include 192.168",
         "BGP router identifier 192.168.100.129, local AS number 65010\n"
         "192.168.100.130   0 12076   15123   14987      412    0    0     1w2d         12\n"
         "192.168.100.134   0 12076     120     118        0    0    0 00:01:02 Active\n",
         "192.168.100.134", 2},
        {"frr", "show bgp summary | include 192.168",
         "192.168.100.130 4      12076        28        25        0    0    0 00:01:01            2        1 ExpressRoute\n",
         "192.168.100.130", 1},
        {"iosxr", "show bgp summary | include 192.168|Neighbor",
         "Neighbor        Spk    AS MsgRcvd MsgSent   TblVer  InQ OutQ  Up/Down  St/PfxRcd\n"
         "192.168.100.130   0 12076   15123   14987      412    0    0     1w2d         12\n",
         "192.168.100.130", 1},
        {"ios", "show ip bgp | i Network|10.1",
         "     Network          Next Hop            Metric LocPrf Weight Path\n"
         " *>   10.1.0.0/16      192.168.100.130          0             0 12076 i\n", "10.1.0.0/16", 1},
        {"ios", "show ip bgp | i 10.1",
         " *>   10.1.0.0/16      192.168.100.130          0             0 12076 i\n", "10.1.0.0/16", 1},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        parsed_t *p = th_parse_text(rows[i].vendor, rows[i].command, rows[i].text, strlen(rows[i].text));
        if (p->n != rows[i].records || p->partial || !strstr(p->json, rows[i].peer))
            fail_msg("%s '%s': %zu records (want %zu), partial %d: %s", rows[i].vendor, rows[i].command, p->n,
                     rows[i].records, p->partial, p->json);
        th_free(p);
    }
    /* unfiltered, the same rows without their header are not read as a table */
    parsed_t *p = th_parse_text("ios", "show ip bgp summary", rows[0].text, strlen(rows[0].text));
    assert_int_equal(p->n, 0);
    th_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strips_terminal_noise), cmocka_unit_test(strips_control_sequences),
        cmocka_unit_test(parses_through_c1_noise), cmocka_unit_test(classifies_prompts),
        cmocka_unit_test(drops_banner_before_echo), cmocka_unit_test(truncated_and_garbage),
        cmocka_unit_test(filtered_commands), cmocka_unit_test(filtered_rows_without_header),
    };
    return cmocka_run_group_tests_name("clean", tests, NULL, NULL);
}
