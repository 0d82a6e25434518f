/* test_probes.c: inventory loading, the read-only allowlist, template expansion, replay and
 * the TCP probe on loopback. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/inventory.h"
#include <poll.h>

#include "probes/command.h"
#include "probes/runner.h"
#include "probes/tcp_probe.h"
#include "probes/transport.h"
#include "tests/testhelp.h"

static const char *good_inventory =
    "[defaults]\nuser = noc\n\n"
    "[device ce1-nyc]            ; the primary link\n"
    "host = 10.0.0.1\nvendor = ios\ncircuit = er-nyc-01\npeering = private\nlink = primary\n"
    "subnet = 192.168.100.128/30\nlocal_ip = 192.168.100.129\npeer_ip = 192.168.100.130\n"
    "local_as = 65010\nmd5 = yes\nexpect_prefixes = 10.1.0.0/16, 10.2.0.0/16\nroute_limit = 4000\n";

static void inventory_loads_values(void **state)
{
    (void)state;
    inventory_t inv;
    char err[512];
    assert_int_equal(inventory_load_string(&inv, "inv.ini", good_inventory, err, sizeof(err)), 0);
    const device_t *d = inventory_find(&inv, "ce1-nyc");
    assert_non_null(d);
    assert_string_equal(d->user, "noc");
    assert_string_equal(d->vendor, "ios");
    assert_int_equal(d->peer_as, 12076);
    assert_int_equal(d->local_as, 65010);
    assert_int_equal(d->hold_time, 180);
    assert_int_equal(d->keepalive, 60);
    assert_true(d->md5_expected);
    assert_int_equal(d->n_expect_prefixes, 2);
    assert_int_equal(d->subnet.len, 30);
    inventory_free(&inv);
}

static void inventory_refuses_with_file_and_line(void **state)
{
    (void)state;
    struct {
        const char *text, *expect;
    } cases[] = {
        {"[device a]\nhost = h\nvendor = cisco\n", "bad.ini:3: vendor 'cisco'"},
        {"[device a]\nhost = h\nvendor = ios\nsubnet = 192.168.100.128/30\npeer_ip = 192.168.100.134\n",
         "bad.ini:5: peer_ip is outside subnet"},
        {"[device a]\nhost = h\nvendor = ios\nlocal_as = 12076\n", "bad.ini:4: local_as equals peer_as"},
        {"[device a]\nhost = h\nvendor = ios\nport = 70000\n", "bad.ini:4: port: '70000' is not a whole number"},
        {"[device a]\nhost = h\nvendor = ios\ncolour = blue\n", "bad.ini:4: unknown key 'colour'"},
        {"[device a]\nvendor = ios\n", "bad.ini:1: device 'a' has no host"},
        {"[router a]\nhost = h\n", "bad.ini:2: section [router a]"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        inventory_t inv;
        char err[512];
        assert_int_equal(inventory_load_string(&inv, "bad.ini", cases[i].text, err, sizeof(err)), -1);
        if (strncmp(err, cases[i].expect, strlen(cases[i].expect)) != 0)
            fail_msg("case %zu: got '%s', want '%s...'", i, err, cases[i].expect);
    }
}

static void allowlist_accepts_read_only(void **state)
{
    (void)state;
    char why[256];
    assert_true(command_allowed(&vendor_ios, "show ip bgp summary", why, sizeof(why)));
    assert_true(command_allowed(&vendor_ios, "show interfaces GigabitEthernet0/0/0", why, sizeof(why)));
    assert_true(command_allowed(&vendor_ios, "show logging | include BADAUTH|MD5", why, sizeof(why)));
    assert_true(command_allowed(&vendor_ios, "telnet 192.168.100.130 179", why, sizeof(why)));
    assert_true(command_allowed(&vendor_junos, "show bgp summary | display json", why, sizeof(why)));
    assert_true(command_allowed(&vendor_linux, "traceroute -n 10.1.0.4", why, sizeof(why)));
}

static void allowlist_refuses_the_rest(void **state)
{
    (void)state;
    char why[256];
    const char *bad[] = {
        "show run | section bgp; reload", "reload", "configure terminal", "show ip route\nreload",
        "show running-config | redirect flash:x", "show version | tee flash:x", "telnet 10.0.0.1 23",
        "copy running-config tftp:", "debug ip bgp", "show ip bgp `reload`", "clear ip bgp *",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (command_allowed(&vendor_ios, bad[i], why, sizeof(why)))
            fail_msg("allowed: %s", bad[i]);
    assert_false(command_allowed(&vendor_junos, "show configuration | save /tmp/x", why, sizeof(why)));
    assert_non_null(strstr(why, "save"));
    assert_false(command_allowed(&vendor_junos, "request system reboot", why, sizeof(why)));
    assert_false(command_allowed(&vendor_linux, "traceroute -n 10.1.0.4; rm -rf /", why, sizeof(why)));
}

static void templates_validate_values(void **state)
{
    (void)state;
    char cmd[256], why[256];
    probe_args_t args = {.peer = "192.168.100.130"};
    assert_int_equal(command_for_probe(&vendor_ios, PROBE_BGP_NEIGHBOR, &args, false, cmd, sizeof(cmd), why, sizeof(why)), 0);
    assert_string_equal(cmd, "show ip bgp neighbors 192.168.100.130");
    args.vrf = "BLUE";
    assert_int_equal(command_for_probe(&vendor_ios, PROBE_BGP_NEIGHBOR, &args, false, cmd, sizeof(cmd), why, sizeof(why)), 0);
    assert_string_equal(cmd, "show ip bgp vpnv4 vrf BLUE neighbors 192.168.100.130");
    args.vrf = "BLUE\nreload";
    assert_int_equal(command_for_probe(&vendor_ios, PROBE_BGP_NEIGHBOR, &args, false, cmd, sizeof(cmd), why, sizeof(why)), -1);
    args = (probe_args_t){.peer = "192.168.100.130; reload"};
    assert_int_equal(command_for_probe(&vendor_ios, PROBE_BGP_NEIGHBOR, &args, false, cmd, sizeof(cmd), why, sizeof(why)), -1);
    assert_non_null(strstr(why, "not an IP address"));
    args = (probe_args_t){.target = "10.1.0.4"};
    assert_int_equal(command_for_probe(&vendor_ios, PROBE_TRACEROUTE, &args, false, cmd, sizeof(cmd), why, sizeof(why)), 0);
    assert_string_equal(cmd, "traceroute 10.1.0.4 numeric");
    args = (probe_args_t){.peer = "192.168.100.130"};
    assert_int_equal(command_for_probe(&vendor_junos, PROBE_BGP_SUMMARY, &args, true, cmd, sizeof(cmd), why, sizeof(why)), 0);
    assert_string_equal(cmd, "show bgp summary | display json");
}

/* The CE's own path tests: an optional "[ source {source}]" part stays only with a value; a
 * probe a platform has no command for inside a VRF (FRR's ping) is refused there. */
static void templates_optional_source(void **state)
{
    (void)state;
    char cmd[256], why[256];
    static const struct {
        const vendor_t *v;
        probe_id_t probe;
        bool with;
        const char *want;
    } cases[] = {
        {&vendor_ios, PROBE_TCP_179, true, "telnet 192.168.100.130 179 /source-interface Gi0/0/0.100"},
        {&vendor_ios, PROBE_TCP_179, false, "telnet 192.168.100.130 179"},
        {&vendor_ios, PROBE_PING, true, "ping 192.168.100.130 source 192.168.100.129 repeat 5"},
        {&vendor_junos, PROBE_TCP_179, true, "telnet 192.168.100.130 port 179 source 192.168.100.129"},
        {&vendor_junos, PROBE_PING, false, "ping 192.168.100.130 count 5 rapid"},
        {&vendor_iosxr, PROBE_TCP_179, true, "telnet 192.168.100.130 179 source-interface Gi0/0/0.100"},
        {&vendor_eos, PROBE_PING, true, "ping 192.168.100.130 source 192.168.100.129 repeat 5"},
        {&vendor_frr, PROBE_PING, true, "ping 192.168.100.130"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        probe_args_t a = {.peer = "192.168.100.130"};
        if (cases[i].with) {
            a.source = "192.168.100.129";
            a.iface = "Gi0/0/0.100";
        }
        assert_int_equal(command_for_probe(cases[i].v, cases[i].probe, &a, false, cmd, sizeof(cmd), why, sizeof(why)), 0);
        assert_string_equal(cmd, cases[i].want);
        /* replay and record file it under the probe, with or without the optional part */
        assert_int_equal(vendor_probe_for_command(cases[i].v, cmd), cases[i].probe);
    }
    probe_args_t vrf = {.peer = "192.168.100.130", .vrf = "BLUE"};
    assert_int_equal(command_for_probe(&vendor_frr, PROBE_PING, &vrf, false, cmd, sizeof(cmd), why, sizeof(why)), -1);
    assert_non_null(strstr(why, "inside a VRF"));
    assert_null(vendor_probe_in(&vendor_frr, PROBE_PING, "BLUE"));
    assert_non_null(vendor_probe_in(&vendor_frr, PROBE_PING, "default"));
    assert_null(vendor_probe(&vendor_eos, PROBE_TCP_179));
}

/* IPv6 forms come from the vendor's probes6, neutral probes from the IPv4 table; the family is
 * told back from the command, and a recording files each family's answer apart. */
static void templates_ipv6_family(void **state)
{
    (void)state;
    static const struct {
        const vendor_t *v;
        probe_id_t probe;
        const char *want;
        const char *file;
    } cases[] = {
        {&vendor_ios, PROBE_BGP_SUMMARY, "show bgp ipv6 unicast summary", "bgp_summary_v6.txt"},
        {&vendor_ios, PROBE_ARP, "show ipv6 neighbors 2001:db8:c0de::2", "arp_v6.txt"},
        {&vendor_ios, PROBE_TCP_179, "telnet 2001:db8:c0de::2 179", "tcp_179_v6.txt"},
        {&vendor_ios, PROBE_BFD, "show bfd neighbors details", "bfd.txt"},
        {&vendor_nxos, PROBE_PING, "ping6 2001:db8:c0de::2 count 5", "ping_v6.txt"},
        {&vendor_iosxr, PROBE_ROUTE_LOOKUP, "show route ipv6 2001:db8:1::/48", "route_lookup_v6.txt"},
        {&vendor_eos, PROBE_BGP_NEIGHBOR, "show ipv6 bgp peers 2001:db8:c0de::2", "bgp_neighbor_v6.txt"},
        {&vendor_junos, PROBE_BGP_RECEIVED, "show route receive-protocol bgp 2001:db8:c0de::2 table inet6.0",
         "bgp_received_v6.txt"},
        {&vendor_frr, PROBE_ROUTE_LOOKUP, "show ipv6 route 2001:db8:1::/48", "route_lookup_v6.txt"},
    };
    char cmd[CMD_LEN], why[256] = "", file[64];
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        probe_args_t a = {.peer = "2001:db8:c0de::2", .prefix = "2001:db8:1::/48", .family = FAMILY_IPV6};
        assert_int_equal(command_for_probe(cases[i].v, cases[i].probe, &a, false, cmd, sizeof(cmd), why, sizeof(why)), 0);
        assert_string_equal(cmd, cases[i].want);
        assert_int_equal(vendor_probe_for_command(cases[i].v, cmd), cases[i].probe);
        probe_file_name(cases[i].probe, vendor_command_family(cases[i].v, cmd), file, sizeof(file));
        assert_string_equal(file, cases[i].file);
    }
    /* the same template with an IPv4 address is the IPv4 family's */
    assert_int_equal(vendor_command_family(&vendor_ios, "telnet 192.168.100.130 179"), FAMILY_IPV4);
    assert_int_equal(vendor_command_family(&vendor_junos, "show bgp summary"), FAMILY_IPV4);
    /* a probe the platform has in no family is not blamed on IPv6 (FRR has no ARP/ND command) */
    probe_args_t a = {.peer = "2001:db8:c0de::2", .family = FAMILY_IPV6};
    assert_int_equal(command_for_probe(&vendor_frr, PROBE_ARP, &a, false, cmd, sizeof(cmd), why, sizeof(why)), -1);
    assert_non_null(strstr(why, "frr has no command for the arp probe"));
}

static void replay_answers_probes(void **state)
{
    (void)state;
    char dir[] = "/tmp/erdiag-replay-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/bgp_summary.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("BGP router identifier 10.255.0.1, local AS number 65010\n", f);
    fclose(f);
    char err[256];
    transport_t *t = replay_open(dir, &vendor_ios, err, sizeof(err));
    assert_non_null(t);
    cmd_result_t res;
    assert_int_equal(transport_run(t, PROBE_BGP_SUMMARY, "show ip bgp summary", &res), 0);
    assert_non_null(strstr(res.output, "local AS number 65010"));
    cmd_result_free(&res);
    assert_int_equal(transport_run(t, PROBE_VERSION, "show version", &res), -1);
    assert_int_equal(res.error, PERR_MISSING);
    assert_int_equal(transport_run(t, PROBE_COUNT, "reload", &res), -1);
    assert_int_equal(res.error, PERR_NOT_ALLOWED);
    transport_close(t);
    unlink(path);
    rmdir(dir);
}

static void tcp_probe_open_and_refused(void **state)
{
    (void)state;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    assert_int_equal(listen(fd, 1), 0);
    socklen_t len = sizeof(sa);
    getsockname(fd, (struct sockaddr *)&sa, &len);
    int port = ntohs(sa.sin_port);
    tcp_probe_t r;
    tcp_probe("127.0.0.1", port, 2000, &r);
    assert_int_equal(r.result, TCP_OPEN);
    close(fd); /* nothing listens there now */
    tcp_probe("127.0.0.1", port, 2000, &r);
    assert_int_equal(r.result, TCP_REFUSED);
    tcp_probe("not-an-ip", 179, 100, &r);
    assert_int_equal(r.result, TCP_ERROR);
}

static transport_t *open_replay(void *ud, const device_t *dev, probe_error_t *err, char *msg, size_t msglen)
{
    transport_t *t = replay_open(ud, vendor_find(dev->vendor), msg, msglen);
    if (!t)
        *err = PERR_MISSING;
    return t;
}

/* Requests go to the device's worker; replies come back parsed, in order, and wake poll(). */
static void runner_replies_through_fd(void **state)
{
    (void)state;
    char dir[] = "/tmp/erdiag-runner-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    size_t len;
    char *text = th_read_fixture("ios/ip_int_brief_crlf.txt", &len);
    snprintf(path, sizeof(path), "%s/ip_brief.txt", dir);
    FILE *f = fopen(path, "w");
    fwrite(text, 1, len, f);
    fclose(f);
    free(text);
    device_t dev = {.name = "ce1", .vendor = "ios", .host = "127.0.0.1"};
    runner_t *r = runner_new();
    assert_non_null(r);
    assert_int_equal(runner_add_device(r, &dev, open_replay, dir), 0);
    char why[256];
    probe_args_t none = {0};
    uint64_t a = runner_submit(r, "ce1", PROBE_IP_BRIEF, &none, false, why, sizeof(why));
    if (a == 0)
        fail_msg("submit ip_brief: %s", why);
    uint64_t b = runner_submit(r, "ce1", PROBE_VERSION, &none, false, why, sizeof(why));
    if (b <= a)
        fail_msg("submit version: %llu after %llu: %s", (unsigned long long)b, (unsigned long long)a, why);
    assert_int_equal(runner_submit_command(r, "ce1", "reload", why, sizeof(why)), 0);
    assert_int_equal(runner_submit(r, "nope", PROBE_IP_BRIEF, &none, false, why, sizeof(why)), 0);
    probe_reply_t *got[2] = {NULL, NULL};
    for (int n = 0; n < 2;) {
        struct pollfd p = {.fd = runner_fd(r), .events = POLLIN};
        assert_int_equal(poll(&p, 1, 5000), 1);
        probe_reply_t *rp;
        while ((rp = runner_take(r)) != NULL)
            got[n++] = rp;
    }
    assert_int_equal(got[0]->id, a);
    assert_int_equal(got[0]->kind, KIND_INTERFACES);
    assert_int_equal(got[0]->n_records, 3);
    assert_string_equal(got[0]->records[2].u.iface.name, "Loopback0");
    assert_int_equal(got[1]->id, b);
    assert_int_equal(got[1]->result.error, PERR_MISSING);
    probe_reply_free(got[0]);
    probe_reply_free(got[1]);
    runner_free(r);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inventory_loads_values), cmocka_unit_test(inventory_refuses_with_file_and_line),
        cmocka_unit_test(allowlist_accepts_read_only), cmocka_unit_test(allowlist_refuses_the_rest),
        cmocka_unit_test(templates_validate_values), cmocka_unit_test(templates_optional_source),
        cmocka_unit_test(templates_ipv6_family), cmocka_unit_test(replay_answers_probes),
        cmocka_unit_test(tcp_probe_open_and_refused), cmocka_unit_test(runner_replies_through_fd),
    };
    return cmocka_run_group_tests_name("probes", tests, NULL, NULL);
}
