#!/usr/bin/env python3
"""gen_json.py: big structured route tables, the way the devices print them.

    bench/gen_json.py eos|nxos|junos MB [--one-line] > FILE

eos    `show ip route | json`           {"vrfs": {"default": {"routes": {"10.0.0.0/24": {...}}}}}
nxos   `show ip route | json`           TABLE_vrf / ROW_vrf / TABLE_addrf / TABLE_prefix / ROW_prefix
junos  `show route | display json`      route-information / route-table / rt / rt-entry / nh

Routes are written one at a time until the output reaches MB megabytes (10^6 bytes), with 1-2
next hops each; numbers are the kind eAPI, NX-API and Junos print (EOS as JSON numbers, NX-OS
and Junos as strings).  --one-line prints the whole document without a newline, as some
releases (and `| json | no-more` through some terminals) do.  A fixed seed: every run prints
the same bytes.
"""
import random
import sys


def prefix(i):
    """A distinct /24 for each of the first 16 million routes."""
    return "%d.%d.%d.0/24" % (1 + (i >> 16), (i >> 8) & 255, i & 255)


def addr(rng):
    return "192.168.%d.%d" % (rng.randrange(256), rng.randrange(1, 255))


def eos_route(rng, i, nl, ind):
    vias = ",".join('%s{"nexthopAddr": "%s", "interface": "Ethernet%d"}' % (nl + ind * 6, addr(rng), rng.randrange(1, 49))
                    for _ in range(rng.randrange(1, 3)))
    return ('%s"%s": {%s"hardwareProgrammed": true,%s"routeType": "eBGP",%s"routeLeaked": false,'
            '%s"kernelProgrammed": true,%s"routeAction": "forward",%s"directlyConnected": false,'
            '%s"preference": 200,%s"metric": %d,%s"vias": [%s%s]%s}') % (
        nl + ind * 4, prefix(i), nl + ind * 5, nl + ind * 5, nl + ind * 5, nl + ind * 5, nl + ind * 5,
        nl + ind * 5, nl + ind * 5, nl + ind * 5, rng.randrange(1000), nl + ind * 5, vias, nl + ind * 5, nl + ind * 4)


def nxos_route(rng, i, nl, ind):
    paths = ",".join(('%s{"ipnexthop": "%s", "ifname": "Eth1/%d", "uptime": "P%dDT%dH", "pref": "20", '
                      '"metric": "%d", "clientname": "bgp-65010", "type": "external", "tag": "12076", '
                      '"ubest": "true"}') % (nl + ind * 10, addr(rng), rng.randrange(1, 49), rng.randrange(30),
                                             rng.randrange(24), rng.randrange(1000))
                     for _ in range(rng.randrange(1, 3)))
    return ('%s{"ipprefix": "%s", "ucast-nhops": "1", "mcast-nhops": "0", "attached": "false",'
            '%s"TABLE_path": {%s"ROW_path": [%s%s]}}') % (
        nl + ind * 8, prefix(i), nl + ind * 9, nl + ind * 10, paths, nl + ind * 10)


def junos_route(rng, i, nl, ind):
    nhs = ",".join('%s{"to": [{"data": "%s"}], "via": [{"data": "ge-0/0/%d.0"}]}' % (
        nl + ind * 7, addr(rng), rng.randrange(8)) for _ in range(rng.randrange(1, 3)))
    return ('%s{"rt-destination": [{"data": "%s"}],%s"rt-entry": [{%s"active-tag": [{"data": "*"}],'
            '%s"protocol-name": [{"data": "BGP"}],%s"preference": [{"data": "170"}],'
            '%s"age": [{"data": "1w2d 03:04:05", "attributes": {"junos:seconds": "788645"}}],'
            '%s"local-preference": [{"data": "100"}],%s"as-path": [{"data": "12076 %d I"}],'
            '%s"nh": [%s]}]}') % (
        nl + ind * 4, prefix(i), nl + ind * 5, nl + ind * 6, nl + ind * 6, nl + ind * 6, nl + ind * 6,
        nl + ind * 6, nl + ind * 6, 64512 + rng.randrange(1000), nl + ind * 6, nhs)


SHAPES = {
    # vendor: (head, one route, tail)
    "eos": ('{%s"vrfs": {%s"default": {%s"routes": {', eos_route, '%s}%s}%s}%s}'),
    "nxos": ('{%s"TABLE_vrf": {%s"ROW_vrf": [{"vrf-name-out": "default",%s"TABLE_addrf": {"ROW_addrf": '
             '[{"addrf": "ipv4",%s"TABLE_prefix": {"ROW_prefix": [', nxos_route, '%s]}}]}}]%s}%s}%s'),
    "junos": ('{%s"route-information": [{%s"route-table": [{"table-name": [{"data": "inet.0"}],%s'
              '"rt": [', junos_route, '%s]}]%s}]%s}%s'),
}


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in SHAPES:
        sys.exit(__doc__)
    vendor, size = sys.argv[1], int(float(sys.argv[2]) * 1e6)
    one_line = "--one-line" in sys.argv[3:]
    nl, ind = ("", "") if one_line else ("\n", "  ")
    head, route, tail = SHAPES[vendor]
    rng = random.Random(7)
    out = sys.stdout
    text = head % tuple(nl + ind * (k + 1) for k in range(head.count("%s")))
    out.write(text)
    written, i, parts = len(text), 0, []
    while written < size - 200:
        r = ("," if i else "") + route(rng, i, nl, ind)
        parts.append(r)
        written += len(r)
        i += 1
        if len(parts) >= 1000:
            out.write("".join(parts))
            parts = []
    out.write("".join(parts))
    closing = tail.count("%s")
    out.write(tail % tuple(nl + ind * (closing - 1 - k) for k in range(closing)))
    sys.stderr.write("%s: %d routes, %d bytes\n" % (vendor, i, written))


if __name__ == "__main__":
    main()
