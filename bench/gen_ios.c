/* gen_ios.c: prints a realistic N-route Cisco IOS-XE "show ip route" or "show ip bgp" for the
 * parser benchmarks.  Standalone (no project headers), deterministic (fixed-seed LCG).
 *
 *   cc -O2 -o /tmp/gen_ios bench/gen_ios.c
 *   /tmp/gen_ios route 1000000 > /tmp/route1m.txt
 *   /tmp/gen_ios bgp 1000000 > /tmp/bgp1m.txt
 *
 * route: codes legend, gateway line, one "is variably subnetted" or "is subnetted" header per
 * /16, then a mix of B (eBGP from Microsoft, 192.168.100.130/.134), O / O E2 with ECMP
 * continuation lines, C + L pairs, static routes and a Null0 summary.
 * bgp:   the table header, then N networks with one to three paths each (the continuation
 * paths omit the network), asplain and asdot AS paths, long networks wrapped onto two lines,
 * metric / LocPrf blank where IOS leaves them blank, and the "Total number of prefixes" footer. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t seed = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(uint32_t n)
{
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(seed >> 33) % n;
}

static const char *ages[] = {"1w2d", "00:01:02", "3d04h", "2w0d", "12:54:35", "5d11h", "00:00:41", "6w1d"};

static void age(char *buf, size_t n)
{
    snprintf(buf, n, "%s", ages[rnd(8)]);
}

static void route_table(long n)
{
    fputs("Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP\n"
          "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area \n"
          "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2\n"
          "       E1 - OSPF external type 1, E2 - OSPF external type 2\n"
          "       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2\n"
          "       ia - IS-IS inter area, * - candidate default, U - per-user static route\n"
          "       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP\n"
          "       a - application route\n"
          "       + - replicated route, % - next hop override, p - overrides from PfR\n"
          "\n"
          "Gateway of last resort is 192.168.100.130 to network 0.0.0.0\n"
          "\n"
          "B*    0.0.0.0/0 [20/0] via 192.168.100.130, 1w2d\n",
          stdout);
    long done = 1;
    char a[16];
    /* one /16 block at a time: 10.x, then 11.x, ... 250 routes per block */
    for (uint32_t block = 0; done < n; block++) {
        uint32_t o1 = 10 + block / 256, o2 = block % 256;
        int per = 250;
        bool single = block % 4 == 3; /* "is subnetted": children print no length */
        if (single)
            printf("      %u.%u.0.0/24 is subnetted, %d subnets\n", o1, o2, per);
        else
            printf("      %u.%u.0.0/16 is variably subnetted, %d subnets, 3 masks\n", o1, o2, per);
        for (int i = 0; i < per && done < n; i++, done++) {
            uint32_t o3 = (uint32_t)i;
            age(a, sizeof(a));
            if (single) {
                printf("B        %u.%u.%u.0 [20/0] via 192.168.100.13%c, %s\n", o1, o2, o3, rnd(2) ? '0' : '4', a);
                continue;
            }
            uint32_t k = rnd(100);
            if (k < 55) {
                printf("B        %u.%u.%u.0/24 [20/0] via 192.168.100.130, %s\n", o1, o2, o3, a);
            } else if (k < 70) {
                printf("O E2     %u.%u.%u.0/24 [110/20] via 10.255.0.2, %s, GigabitEthernet0/0/1\n", o1, o2, o3, a);
                printf("                       [110/20] via 10.255.0.6, %s, GigabitEthernet0/0/2\n", a);
            } else if (k < 80) {
                printf("O        %u.%u.%u.0/24 [110/%u] via 10.255.0.2, %s, GigabitEthernet0/0/1\n", o1, o2, o3,
                       2 + rnd(40), a);
            } else if (k < 88) {
                printf("C        %u.%u.%u.0/30 is directly connected, GigabitEthernet0/0/%u\n", o1, o2, o3, rnd(4));
                printf("L        %u.%u.%u.1/32 is directly connected, GigabitEthernet0/0/%u\n", o1, o2, o3, rnd(4));
                done++;
            } else if (k < 96) {
                printf("S        %u.%u.%u.0/24 [1/0] via 192.168.100.130\n", o1, o2, o3);
            } else if (k < 98) {
                printf("B        %u.%u.%u.0/24 [200/0] via 10.255.255.%u, %s\n", o1, o2, o3, 1 + rnd(4), a);
            } else {
                printf("O        %u.%u.%u.0/23 is a summary, %s, Null0\n", o1, o2, o3, a);
            }
        }
    }
}

static void as_path(char *buf, size_t n)
{
    static const char *paths[] = {
        "12076", "12076 65020", "12076 8075", "12076 64086.59905", "12076 4200000001 65030",
        "12076 12076 12076", "64086.59905 65040 {65041,65042}", "12076 8075 8068",
    };
    snprintf(buf, n, "%s", paths[rnd(8)]);
}

static void bgp_row(const char *status, const char *net, const char *nh, const char *metric, const char *locprf,
                    const char *weight, const char *path, char origin)
{
    if (strlen(net) > 16)
        printf(" %-3s %s\n %-3s %-16s %-15s %10s %6s %6s %s%s%c\n", status, net, "", "", nh, metric, locprf, weight,
               path, *path ? " " : "", origin);
    else
        printf(" %-3s %-16s %-15s %10s %6s %6s %s%s%c\n", status, net, nh, metric, locprf, weight, path,
               *path ? " " : "", origin);
}

static void bgp_table(long n)
{
    fputs("BGP table version is 1234567, local router ID is 10.255.255.1\n"
          "Status codes: s suppressed, d damped, h history, * valid, > best, i - internal, \n"
          "              r RIB-failure, S Stale, m multipath, b backup-path, f RT-Filter, \n"
          "              x best-external, a additional-path, c RIB-compressed, \n"
          "              t secondary path, L long-lived-stale,\n"
          "Origin codes: i - IGP, e - EGP, ? - incomplete\n"
          "RPKI validation codes: V valid, I invalid, N Not found\n"
          "\n"
          "     Network          Next Hop            Metric LocPrf Weight Path\n",
          stdout);
    char net[32], path[128], path2[160];
    for (long i = 0; i < n; i++) {
        uint32_t v = (uint32_t)i;
        uint32_t k = rnd(100);
        if (k < 5)
            snprintf(net, sizeof(net), "%u.%u.%u.%u/28", 100 + (v >> 16) % 100, (v >> 8) & 255, v & 255, 16 * rnd(16));
        else if (k < 8)
            snprintf(net, sizeof(net), "%u.%u.%u.0", 192, 168 + (v >> 16) % 8, (v >> 8) & 255); /* classful */
        else
            snprintf(net, sizeof(net), "%u.%u.%u.0/24", 20 + (v >> 16) % 100, (v >> 8) & 255, v & 255);
        as_path(path, sizeof(path));
        char origin = rnd(10) ? 'i' : '?';
        uint32_t paths = 1 + rnd(3);
        if (k >= 97) { /* locally originated */
            bgp_row("*>", net, "0.0.0.0", "0", "", "32768", "", 'i');
            continue;
        }
        bgp_row("*>", net, "192.168.100.130", "0", "", "0", path, origin);
        if (paths > 1) {
            bgp_row("*", "", "192.168.100.134", "0", "", "0", path, origin);
        }
        if (paths > 2) {
            snprintf(path2, sizeof(path2), "65010 %s", path);
            bgp_row("* i", "", "10.255.255.2", "0", "100", "0", path2, origin);
        }
    }
    printf("\nTotal number of prefixes %ld \n", n);
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "route") != 0 && strcmp(argv[1], "bgp") != 0)) {
        fprintf(stderr, "usage: gen_ios route|bgp N\n");
        return 2;
    }
    long n = strtol(argv[2], NULL, 10);
    static char obuf[1 << 20];
    setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
    if (strcmp(argv[1], "route") == 0)
        route_table(n);
    else
        bgp_table(n);
    return fflush(stdout) == 0 ? 0 : 1;
}
