#!/usr/bin/env python3
"""mkvariants.py: derives the capture-damage fixtures of each IOS base fixture.

For tests/fixtures/ios/<base>.txt it writes <base>_crlf.txt (CRLF endings), <base>_more.txt
(IOS " --More-- " pager residue with backspaces), <base>_ansi.txt (colour and erase-line
escapes), <base>_banner.txt (login banner, prompt + echoed command, trailing prompt),
<base>_trunc.txt (output cut mid-line) and <base>_empty.txt (prompt and echo, no output).
Run it again after editing a base fixture; the tests check every variant against its base."""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'ios')
PROMPT = 'ce1-nyc#'
BANNER = ['', '**********************************************************************',
          '*  Contoso network - AUTHORIZED ACCESS ONLY.  Disconnect now if you   *',
          '*  are not an authorised user.  All sessions are logged.             *',
          '**********************************************************************', '',
          'User Access Verification', '', 'Username: netops', 'Password: ', '']
MORE = ' --More-- ' + '\b' * 10 + ' ' * 10 + '\b' * 10

# base fixture -> (command, truncation point as (line index, characters kept of that line))
BASES = {
    'int_brief': ('show ip interface brief', (3, 40)),
    'interfaces': ('show interfaces', (20, 12)),
    'bgp_summary': ('show ip bgp summary', (16, 30)),
    'bgp_neighbors': ('show ip bgp neighbors', (70, 10)),
    'bgp_neighbor_idle': ('show ip bgp neighbors', (50, 20)),
    'arp': ('show ip arp', (4, 30)),
    'prefix_list': ('show ip prefix-list', (3, 14)),
    'prefix_list_detail': ('show ip prefix-list detail', (5, 30)),
    'route_map': ('show route-map', (4, 8)),
    'route_map_config': ('show running-config partition route-map', (12, 10)),
    'bgp_config': ('show running-config | section router bgp', (44, 20)),
    'bfd_details': ('show bfd neighbors details', (3, 50)),
    'version': ('show version', (20, 10)),
    'telnet_refused': ('telnet 192.168.100.134 179', (1, 12)),
    # IPv6 (issue 12): the ExpressRoute /126, customer ::1, Microsoft ::2
    'v6_bgp_summary': ('show bgp ipv6 unicast summary', (16, 30)),
    'v6_bgp_neighbors': ('show bgp ipv6 unicast neighbors 2001:db8:c0de::2', (70, 10)),
    'v6_bgp_table': ('show bgp ipv6 unicast', (19, 30)),
    'v6_route': ('show ipv6 route', (26, 8)),
    'v6_nd': ('show ipv6 neighbors', (3, 30)),
    'v6_int_brief': ('show ipv6 interface brief', (12, 10)),
    'v6_int': ('show ipv6 interface GigabitEthernet0/0/0.100', (5, 20)),
    'v6_prefix_list_detail': ('show ipv6 prefix-list detail', (5, 30)),
}


def write(name, text):
    with open(os.path.join(HERE, name), 'w', newline='') as f:
        f.write(text)


def main():
    for base, (command, (cut_line, cut_chars)) in BASES.items():
        with open(os.path.join(HERE, base + '.txt'), newline='') as f:
            lines = f.read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        body = '\n'.join(lines) + '\n'
        write(f'{base}_crlf.txt', body.replace('\n', '\r\n'))
        more = list(lines)
        for i in range(len(more) // 3, len(more), max(len(more) // 3, 1)):
            more[i] = MORE + more[i]  # the pager prompt, erased, then the next screenful
        write(f'{base}_more.txt', '\n'.join(more) + '\n')
        ansi = [f'\x1b[1m{l}\x1b[0m\x1b[K' if i % 2 else l for i, l in enumerate(lines)]
        write(f'{base}_ansi.txt', '\n'.join(ansi) + '\n')
        write(f'{base}_banner.txt', '\n'.join(BANNER + [PROMPT + command] + lines + [PROMPT]) + '\n')
        write(f'{base}_trunc.txt', '\n'.join(lines[:cut_line] + [lines[cut_line][:cut_chars]]))
        write(f'{base}_empty.txt', '\n'.join([PROMPT + command, PROMPT]) + '\n')


if __name__ == '__main__':
    main()
