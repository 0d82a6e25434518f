#!/usr/bin/env bash
# capture-frr-fixtures.sh: recaptures tests/fixtures/frr/ from the running FRR lab.
#
#   tests/lab/frr-lab.sh start && tests/lab/capture-frr-fixtures.sh [OUTDIR]
#
# Captures the normal state (text and json), then failure states made through vtysh config
# (wrong remote-as -> OPEN error / Active, neighbor shutdown -> Idle (Admin)), restoring the
# configuration afterwards, then derives the hostile variants (CRLF, pager, ANSI, banner + echo,
# truncated, empty) from the captured files.  Uptimes and counters differ at every capture;
# the tests assert configured values (AS numbers, addresses, timers, policies) and shapes.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../fixtures/frr}
LAB=$HERE/frr-lab.sh
mkdir -p "$OUT"

run() { "$LAB" exec "$1" "$2"; }
# cap NODE FILE CMD: one capture; stderr kept out of the fixture.
cap() { run "$1" "$3" >"$OUT/$2" 2>/dev/null || true; echo "captured $2: $1# $3"; }
conf() { local node=$1; shift; local args=(); for c in "$@"; do args+=(-c "$c"); done
    /usr/bin/vtysh --vty_socket "${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}/$node" -c "configure terminal" "${args[@]}" >/dev/null; }
wait_state() { # wait_state NODE PEER REGEX SECONDS
    for _ in $(seq "$4"); do
        run "$1" "show bgp neighbors $2 json" 2>/dev/null | grep -Eq "\"bgpState\":\"($3)\"" && return 0
        sleep 1
    done
    echo "warning: $2 on $1 did not reach $3" >&2
}

"$LAB" start >/dev/null
wait_state erd-ce 192.168.100.130 Established 60
wait_state erd-ce 2001:db8:100::2 Established 60
wait_state erd-ce 192.168.100.134 Established 60
sleep 3   # let routes settle into zebra and BFD come up

# ---- normal state ----
cap erd-ce version.txt "show version"
for j in "" _json; do
    js=${j:+ json}
    cap erd-ce "interface$j.txt" "show interface$js"
    cap erd-ce "interface_veth_ce$j.txt" "show interface veth-ce$js"
    cap erd-ce "bgp_summary$j.txt" "show bgp summary$js"
    cap erd-ce "ip_bgp_summary$j.txt" "show ip bgp summary$js"
    cap erd-ce "bgp_ipv4_unicast_summary$j.txt" "show bgp ipv4 unicast summary$js"
    cap erd-ce "bgp_vrf_all_summary$j.txt" "show bgp vrf all summary$js"
    cap erd-ce "bgp_neighbors$j.txt" "show bgp neighbors$js"
    cap erd-ce "bgp_vrf_all_neighbors$j.txt" "show bgp vrf all neighbors$js"
    cap erd-ce "bgp_ipv6_unicast$j.txt" "show bgp ipv6 unicast$js"
    cap erd-ce "ip_bgp_neighbors_one$j.txt" "show ip bgp neighbors 192.168.100.130$js"
    cap erd-msee "msee_bgp_neighbors$j.txt" "show bgp neighbors$js"
    cap erd-ce "ip_route$j.txt" "show ip route$js"
    cap erd-ce "ip_route_one$j.txt" "show ip route 10.1.0.4$js"
    cap erd-ce "ipv6_route$j.txt" "show ipv6 route$js"
    cap erd-ce "ip_bgp$j.txt" "show ip bgp$js"
    cap erd-ce "bgp_ipv4_unicast$j.txt" "show bgp ipv4 unicast$js"
    cap erd-ce "ip_bgp_one$j.txt" "show ip bgp 10.1.0.0$js"
    cap erd-msee "msee_ip_bgp$j.txt" "show ip bgp$js"
    cap erd-ce "bfd_peers$j.txt" "show bfd peers$js"
    cap erd-ce "ip_bgp_neighbor_advertised$j.txt" "show ip bgp neighbors 192.168.100.130 advertised-routes$js"
    cap erd-ce "ip_bgp_neighbor_routes$j.txt" "show ip bgp neighbors 192.168.100.130 routes$js"
done
# The secondary link (the circuit step): what erd-ce advertises to erd-msee2 (prepended three
# times) and accepts from it (local preference 50), in the forms PROBE_BGP_ADVERTISED and
# PROBE_BGP_RECEIVED send, and the lookup that holds both links' paths.
cap erd-ce bgp_advertised_prepend.txt "show bgp ipv4 unicast neighbors 192.168.100.134 advertised-routes"
cap erd-ce bgp_received_secondary.txt "show bgp ipv4 unicast neighbors 192.168.100.134 routes"
cap erd-ce bgp_lookup_two_links.txt "show bgp ipv4 unicast 10.1.0.4"
cap erd-ce running_config.txt "show running-config"
cap erd-msee msee_running_config.txt "show running-config"
cap erd-ce prefix_list.txt "show ip prefix-list"
cap erd-ce route_map.txt "show route-map"

# ---- failure 1: wrong remote-as on the CE (MSEE answers with a NOTIFICATION) ----
conf erd-ce "router bgp 65010" "neighbor 192.168.100.130 remote-as 12075"
sleep 8
for j in "" _json; do
    js=${j:+ json}
    cap erd-ce "bad_as_bgp_summary$j.txt" "show bgp summary$js"
    cap erd-ce "bad_as_bgp_neighbors_one$j.txt" "show bgp neighbors 192.168.100.130$js"
done
conf erd-ce "router bgp 65010" "neighbor 192.168.100.130 remote-as 12076"
wait_state erd-ce 192.168.100.130 Established 60

# ---- failure 2: MSEE side shut -> CE sees a Cease, MSEE shows Idle (Admin) ----
conf erd-msee "router bgp 12076" "neighbor 192.168.100.129 shutdown"
sleep 4
for j in "" _json; do
    js=${j:+ json}
    cap erd-ce "peer_shut_bgp_summary$j.txt" "show bgp summary$js"
    cap erd-ce "peer_shut_bgp_neighbors_one$j.txt" "show bgp neighbors 192.168.100.130$js"
    cap erd-msee "admin_shut_bgp_summary$j.txt" "show bgp summary$js"
    cap erd-msee "admin_shut_bgp_neighbors_one$j.txt" "show bgp neighbors 192.168.100.129$js"
    cap erd-ce "peer_shut_bfd_peers$j.txt" "show bfd peers$js"
done
conf erd-msee "router bgp 12076" "no neighbor 192.168.100.129 shutdown"
wait_state erd-ce 192.168.100.130 Established 60

# ---- failure 3: eBGP without inbound policy (RFC 8212, FRR's default) -> "(Policy)" ----
conf erd-ce "router bgp 65010" "address-family ipv6 unicast" "no neighbor 2001:db8:100::2 route-map RM-V6-IN in"
sleep 3
for j in "" _json; do
    js=${j:+ json}
    cap erd-ce "no_policy_bgp_summary$j.txt" "show bgp summary$js"
    cap erd-ce "no_policy_bgp_neighbors_one$j.txt" "show bgp neighbors 2001:db8:100::2$js"
done
conf erd-ce "router bgp 65010" "address-family ipv6 unicast" "neighbor 2001:db8:100::2 route-map RM-V6-IN in"

# ---- failure 4: the on-prem LAN interface shut in zebra ----
conf erd-ce "interface veth-lan" "shutdown"
sleep 2
for j in "" _json; do
    js=${j:+ json}
    cap erd-ce "lan_shut_interface$j.txt" "show interface veth-lan$js"
    cap erd-ce "lan_shut_ip_route$j.txt" "show ip route$js"
done
conf erd-ce "interface veth-lan" "no shutdown"
wait_state erd-ce 192.168.100.130 Established 60

# ---- state 5: IPv4 also over the IPv6 session, maximum-paths 2 -> two paths per prefix ----
conf erd-msee "router bgp 12076" "address-family ipv4 unicast" "neighbor 2001:db8:100::1 activate" \
    "neighbor 2001:db8:100::1 route-map RM-CUSTOMER-IN in" "neighbor 2001:db8:100::1 route-map RM-AZURE-OUT out"
conf erd-ce "router bgp 65010" "address-family ipv4 unicast" "maximum-paths 2" "neighbor 2001:db8:100::2 activate" \
    "neighbor 2001:db8:100::2 route-map RM-MSEE-IN in" "neighbor 2001:db8:100::2 route-map RM-MSEE-OUT out"
sleep 6
for j in "" _json; do
    js=${j:+ json}
    cap erd-ce "two_paths_ip_bgp$j.txt" "show ip bgp$js"
    cap erd-ce "two_paths_ip_bgp_one$j.txt" "show ip bgp 10.1.0.0/16$js"
    cap erd-ce "two_paths_ip_route$j.txt" "show ip route$js"
    cap erd-ce "two_paths_bgp_summary$j.txt" "show bgp summary$js"
done
conf erd-ce "router bgp 65010" "address-family ipv4 unicast" "no maximum-paths 2" "no neighbor 2001:db8:100::2 activate"
conf erd-msee "router bgp 12076" "address-family ipv4 unicast" "no neighbor 2001:db8:100::1 activate"
wait_state erd-ce 192.168.100.130 Established 60

# ---- hostile variants, derived from the captures ----
python3 - "$OUT" <<'EOF'
import os, sys
out = sys.argv[1]
def rd(n): return open(os.path.join(out, n), encoding='utf-8').read()
def wr(n, s): open(os.path.join(out, n), 'w', encoding='utf-8', newline='').write(s)
# base name -> the command as typed, for the banner + echo variant
bases = {'bgp_summary': 'show bgp summary', 'bgp_neighbors': 'show bgp neighbors',
         'ip_route': 'show ip route', 'ip_bgp': 'show ip bgp', 'interface': 'show interface',
         'bfd_peers': 'show bfd peers', 'running_config': 'show running-config',
         'prefix_list': 'show ip prefix-list', 'route_map': 'show route-map',
         'version': 'show version', 'ipv6_route': 'show ipv6 route'}
for b, cmd in bases.items():
    s = rd(b + '.txt')
    lines = s.split('\n')
    wr(b + '_crlf.txt', s.replace('\n', '\r\n'))
    # vtysh's pager (less/more) residue every 20 lines
    pg = []
    for i, l in enumerate(lines):
        if i and i % 20 == 0:
            pg.append(' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b' + l)
        else:
            pg.append(l)
    wr(b + '_pager.txt', '\n'.join(pg))
    # colour escapes around the first word of every other line, and an erase-line
    an = [('\x1b[1;32m' + l + '\x1b[0m' if i % 2 else '\x1b[K' + l) for i, l in enumerate(lines)]
    wr(b + '_ansi.txt', '\n'.join(an))
    banner = ('\nHello, this is FRRouting (version 8.4.4).\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\n\n'
              'erd-ce# ' + cmd + '\n')
    wr(b + '_banner.txt', banner + s + 'erd-ce# \n')
    # cut in the middle of a line, two thirds in
    cut = len(s) * 2 // 3
    wr(b + '_truncated.txt', s[:cut])
    wr(b + '_empty.txt', '')
for b in ('bgp_summary_json', 'bgp_neighbors_json', 'ip_route_json', 'ip_bgp_json', 'interface_json',
          'bfd_peers_json', 'ipv6_route_json'):
    s = rd(b + '.txt')
    wr(b + '_crlf.txt', s.replace('\n', '\r\n'))
    wr(b + '_truncated.txt', s[:len(s) * 2 // 3])
print('derived hostile variants')
EOF
