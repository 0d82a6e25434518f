#!/usr/bin/env python3
"""mkvariants.py: derives the capture-noise fixtures of tests/fixtures/iosxr/ from each normal
fixture (our own transcriptions): CRLF line ends, --More-- pager residue, ANSI escapes, a login
banner with an echoed command and trailing prompt, and a capture cut mid-line.
Run from the top of the tree after changing a normal fixture; the outputs are committed."""
import os

DIR = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'iosxr')
BASES = {  # fixture -> command echoed in the banner variant
    'interfaces': 'show interfaces', 'int_brief': 'show interface brief',
    'ip_int_brief': 'show ipv4 vrf all interface brief', 'bgp_summary': 'show bgp summary',
    'bgp_neighbors': 'show bgp neighbors', 'bgp_table': 'show bgp', 'bgp_prefix': 'show bgp vrf BLUE 10.1.0.0/16', 'advertised':
    'show bgp vrf all neighbors 192.168.200.130 advertised-routes', 'route': 'show route', 'route_next_hop': 'show route ipv4 next-hop 192.168.100.130',
    'arp': 'show arp', 'arp_detail': 'show arp detail', 'bfd': 'show bfd sessions', 'version': 'show version',
    'bgp_config': 'show running-config router bgp', 'route_policy': 'show rpl route-policy',
    'prefix_set': 'show rpl prefix-set', 'traceroute': 'traceroute 10.1.0.4',
    # IPv6 (issue 12): the ExpressRoute /126, customer ::1, Microsoft ::2
    'v6_bgp_summary': 'show bgp ipv6 unicast summary', 'v6_bgp_neighbors': 'show bgp neighbors 2001:db8:c0de::2',
    'v6_bgp_prefix': 'show bgp ipv6 unicast 2001:db8:1::/48',
    'v6_advertised': 'show bgp ipv6 unicast neighbors 2001:db8:c0de::2 advertised-routes',
    'v6_route': 'show route ipv6', 'v6_route_entry': 'show route ipv6 2001:db8:1::/48',
    'v6_nd': 'show ipv6 neighbors', 'v6_int_brief': 'show ipv6 interface brief',
    'ipv4_int': 'show ipv4 vrf all interface', 'route_summary': 'show route summary'}
MORE = ' --More-- ' + '\b' * 10 + ' ' * 10 + '\b' * 10

for base, cmd in BASES.items():
    text = open(os.path.join(DIR, base + '.txt')).read()
    lines = text.split('\n')
    mid = len(lines) // 2
    def write(suffix, body):
        with open(os.path.join(DIR, f'{base}_{suffix}.txt'), 'w', newline='') as f:
            f.write(body)
    write('crlf', text.replace('\n', '\r\n'))
    more = list(lines)
    more[mid] = MORE + more[mid]
    write('more', '\n'.join(more))
    ansi = list(lines)
    for i in (mid, mid + 1):
        if i < len(ansi) and ansi[i]:
            ansi[i] = '\x1b[1m' + ansi[i] + '\x1b[0m'
    write('ansi', '\n'.join(ansi))
    write('banner', '\n**********************************************\n* Authorised access only. Activity is logged *\n'
          '**********************************************\n\nRP/0/RSP0/CPU0:ce1-nyc#' + cmd + '\n' + text +
          'RP/0/RSP0/CPU0:ce1-nyc#\n')
    cut = int(len(text) * 0.7)
    while cut < len(text) and text[cut] in '\n ':
        cut += 1
    write('trunc', text[:cut + 1])
