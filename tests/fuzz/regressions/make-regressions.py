#!/usr/bin/env python3
"""make-regressions.py: writes the fuzz regression inputs of this directory.

    tests/fuzz/regressions/make-regressions.py ./erdiag

Each input is in the format tests/fuzz/fuzz_parser.c consumes: byte 0 picks the parser (its
index in the vendor's table), byte 1 the chunk size minus one, the rest is the device output.
The index is looked up in `erdiag parse --list` (the tables in order) by the command as listed
there, never written by hand, so a table that grows does not silently point an input at
another parser; rerun this after a table changes.

Every input here made an undefined-behaviour or memory error before it was fixed (stack bytes
in the JSON, signed overflow, a shift by 32, a float cast out of range); test_robustness replays
them in every `make check`, under the sanitizers too.
"""
import os
import subprocess
import sys

HUGE_RTT = "99999999999999999999999999999999999.5"
LINUX = "traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 60 byte packets\n"
IOS_SUM = ("BGP router identifier 192.168.100.129, local AS number 65010\n\n"
           "Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n")
NXOS_TBL = ("BGP routing table information for VRF default, address family IPv4 Unicast\n"
            "   Network            Next Hop            Metric     LocPrf     Weight Path\n")
XR_TBL = "   Network            Next Hop            Metric LocPrf Weight Path\n"

CASES = [
    # (vendor, command, file name, chunk, text)
    ("linux", "traceroute", "rtt_stack_bytes", 7,
     LINUX + " 1  172.16.0.1 (172.16.0.1)  9999999999999999999999999999.5 ms  0.390 ms\n"),
    ("junos", "traceroute X [no-resolve] [source S] [routing-instance V]", "rtt_stack_bytes", 64,
     "traceroute to 10.1.0.4 (10.1.0.4), 30 hops max, 52 byte packets\n"
     " 1  172.16.0.1 (172.16.0.1)  " + HUGE_RTT + " ms  0.390 ms\n"),
    ("windows", "tracert", "rtt_stack_bytes", 13,
     "\nTracing route to 10.1.0.4 over a maximum of 30 hops\n\n"
     "  1    9999999999999999999999999999 ms    <1 ms    <1 ms  172.16.0.1\n"),
    ("ios", "show ip bgp summary", "uptime_overflow", 200,
     IOS_SUM + "192.168.100.134 4        12076    2301    2290        1    0    0 9999999999999999999:00:00 Idle\n"),
    ("ios", "show ip route [vrf V]", "classful_shift_32", 255,
     "Gateway of last resort is not set\n\n      0.0.0.0/8 is subnetted, 1 subnets\n"
     "B        0.5.0.0 [20/0] via 10.255.255.2, 999999999y999999999y999999999y3d\n"),
    ("ios", "show ip arp", "age_times_60", 255,
     "Protocol  Address          Age (min)  Hardware Addr   Type   Interface\n"
     "Internet  192.168.100.130  999999999999999999   0012.f2a1.0c01  ARPA   GigabitEthernet0/0/0.100\n"),
    ("nxos", "show interface [IF]", "rate_cast", 255,
     "Ethernet1/1 is up\nadmin state is up, Dedicated Interface\n"
     "  30 seconds input rate 99999999999999999999 bits/sec, 150 packets/sec\n"),
    ("nxos", "show ip bgp [vrf X|all]", "metric_and_octet_overflow", 31,
     NXOS_TBL + "*>e10.60.0.0/16       192.168.100.130 4294967296        100          0 12076 65515 ?\n"
     "*>e99999999999999999999.0.0.0 192.168.100.130           0 12076 i\n"),
    ("nxos", "show bfd neighbors [details] [vrf X]", "uptime_absent_times_86400", 255,
     "OurAddr         NeighAddr       LD/RD                 RH/RS           Holdown(mult)     State       Int\n"
     "192.168.100.129 192.168.100.130 1090519041/1090519042 Up              5482(3)           Up          Eth1/1\n"
     "Uptime: 99999999999999999999 days 2 hrs 3 mins 4 secs\n"),
    ("iosxr", "show bgp [vrf X] [ipv4 unicast] [PREFIX]", "octet_overflow", 255,
     XR_TBL + "*> 99999999999999999999.0.0.0 192.168.100.130 0 0 12076 i\n"
     "*> 10.1.0.0/16        192.168.100.130 4294967296             0 12076 65020 i\n"),
    ("iosxr", "show bfd session[s]", "interval_times_1000", 255,
     "Interface           Dest Addr           Local det time(int*mult)      State     \n"
     "Gi0/0/0/0           192.168.100.130 0s(0s*0)         900ms(99999999999999999s*3)   UP        \n"),
    ("junos", "show bfd session [detail]", "interval_cast", 255,
     "Address                  State     Interface      Time     Interval  Multiplier\n"
     "192.168.100.130          Up        ge-0/0/0.0     0.900     0.300        3\n"
     " Client BGP, TX interval " + "9" * 28 + ".0, RX interval 0.300\n"),
    ("eos", "show ip route | json", "real_cast", 255,
     '{"vrfs": {"default": {"routes": {"10.1.0.0/16": {"routeType": "eBGP", "preference": 1e300}}}}}\n'),
    # sscanf("%u") of a number beyond unsigned int is undefined by C11 (7.21.6.2), though no
    # sanitizer sees it: the octets are now read by the address parser.
    ("eos", "show ip bgp", "octet_sscanf", 255,
     "BGP routing table information for VRF default\n"
     "          Network                Next Hop              Metric  AIGP       LocPref Weight  Path\n"
     " * >      4294967296.0.0.0       192.168.100.130       0       -          100     0       12076 i\n"),
]


def parser_indices(erdiag):
    """{(vendor, listed command): index in the vendor's table}"""
    rows, seen = {}, {}
    listing = subprocess.check_output([erdiag, "parse", "--list"], text=True).splitlines()[1:]
    for line in listing:
        vendor, _kind, command = line.split(None, 2)
        rows[(vendor, command.strip())] = seen.get(vendor, 0)
        seen[vendor] = seen.get(vendor, 0) + 1
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    indices = parser_indices(sys.argv[1])
    for vendor, command, name, chunk, text in CASES:
        index = indices[(vendor, command)]
        os.makedirs(os.path.join(here, vendor), exist_ok=True)
        with open(os.path.join(here, vendor, name), "wb") as f:
            f.write(bytes([index, chunk - 1]) + text.encode())


if __name__ == "__main__":
    main()
