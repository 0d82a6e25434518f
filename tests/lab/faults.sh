#!/usr/bin/env bash
# faults.sh: inject, clear and inspect real faults in the FRR lab (tests/lab/frr-lab.sh), so
# that `erdiag check` can be proven against a live CE instead of replayed text.
#
# Usage (as root, lab started):  faults.sh inject FAULT | clear FAULT|all | status FAULT|all
#
#   asn            erd-ce: neighbor 192.168.100.130 remote-as 12075  (OPEN error, Bad Peer AS)
#   timers         erd-ce: neighbor 192.168.100.130 timers 30 90     (AWS's profile; renegotiated)
#   subnet         erd-ce: veth-ce moved to 192.168.100.137/30, the neighbor kept at .130
#   tcp179         erd-msee: nft table inet erdiag_lab dropping TCP 179 from .129 (and on-prem)
#   md5            erd-msee: neighbor 192.168.100.129 password changed to another key
#   prefix-filter  erd-ce: prefix-list FROM-MSEE seq 5 permits only 10.9.0.0/16
#   link-down      erd-ce: ip link set veth-ce down
#   asym           new namespace erd-inet (203.0.113.0/24): erd-vm returns to 172.16.0.0/16
#                  through it, straight into erd-onprem, never crossing the /30
# The circuit's faults (both links judged together; the secondary is 192.168.100.134):
#   secondary-down      erd-ce: neighbor 192.168.100.134 shutdown (the circuit on one link)
#   advertise-one-link  erd-ce: prefix-list TO-MSEE2 seq 5 denies 172.16.0.0/16: the on-prem
#                       prefix is advertised on the primary only
#   prepend-wrong       erd-ce: RM-MSEE-OUT (primary) prepends 65010 four times, RM-MSEE2-OUT
#                       (secondary) none, while local preference still prefers the primary:
#                       traffic leaves on the primary and Azure returns it on the secondary
# The IPv6 peering on the primary link (2001:db8:100::/126; IPv4 stays healthy):
#   v6-down             erd-msee: neighbor 2001:db8:100::1 shutdown (Microsoft stops IPv6 only)
#   v6-subnet           erd-ce: veth-ce holds 2001:db8:100::5/126, the neighbor kept at ::2
#   v6-prefix-filter    erd-ce: prefix-list FROM-MSEE-V6 seq 5 permits only 2001:db8:99::/48
#
# Every fault changes only the lab: vtysh running config on the two routers (never written to
# disk), addresses and links inside the lab's namespaces, one nftables table of our own, one
# namespace of our own.  inject and clear are idempotent, and each waits (bounded, FAULT_WAIT
# seconds, default 60) until the effect shows in vtysh; status exits 0 when the fault is in.
# The st_/inj_/clr_ functions are called by name ("st_$f"), which shellcheck cannot follow.
# shellcheck disable=SC2317
set -euo pipefail

LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
VTYSH=${VTYSH:-/usr/bin/vtysh}
WAIT_S=${FAULT_WAIT:-60}
FAULTS=(asn timers subnet tcp179 md5 prefix-filter link-down asym secondary-down advertise-one-link prepend-wrong
    v6-down v6-subnet v6-prefix-filter)

CE_PEER=192.168.100.130     # the MSEE as erd-ce sees it
MSEE_PEER=192.168.100.129   # the CE as erd-msee sees it
CE_PEER2=192.168.100.134    # the secondary MSEE (erd-msee2) as erd-ce sees it
CE_PEER6=2001:db8:100::2    # the MSEE's IPv6 address, and the CE's
MSEE_PEER6=2001:db8:100::1
LAB_KEY=erdiag-lab-secret   # frr-lab.sh's MD5 key
WRONG_KEY=erdiag-lab-wrong-key
NFT_TABLE=erdiag_lab
INET_NS=erd-inet

die() { echo "faults: $*" >&2; exit 1; }
say() { echo "faults: $*"; }
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$1"; }

# vty NODE CMD...: one vtysh call, each CMD a -c.
vty() {
    local node=$1 args=()
    shift
    for c in "$@"; do args+=(-c "$c"); done
    "$VTYSH" --vty_socket "$LAB_DIR/$node" "${args[@]}"
}
conf() { local node=$1; shift; vty "$node" "configure terminal" "$@" >/dev/null; }
# bgpd_conf NODE CMD...: to bgpd alone (a prefix-list sent through plain vtysh would also land in
# zebra, which had none: the clear would then leave a stray list behind).
bgpd_conf() {
    local node=$1 args=()
    shift
    for c in "configure terminal" "$@"; do args+=(-c "$c"); done
    "$VTYSH" --vty_socket "$LAB_DIR/$node" -d bgpd "${args[@]}" >/dev/null
}
running() { vty "$1" "show running-config" 2>/dev/null; }

# nbr NODE PEER FIELD: one field of "show bgp neighbors PEER json" ("" when absent).
nbr() {
    vty "$1" "show bgp neighbors $2 json" 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
print(d.get(sys.argv[1], {}).get(sys.argv[2], ""))' "$2" "$3"
}
ce_state() { nbr erd-ce "$CE_PEER" bgpState; }
established() { [ "$(ce_state)" = Established ]; }

# has_route PREFIX [VIA]: erd-ce has PREFIX from BGP in its RIB, through VIA (default the primary
# MSEE: the secondary keeps the prefix in the RIB when the primary loses it).
has_route() {
    vty erd-ce "show ip route $1 json" 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    sys.exit(1)
via = lambda r: any(h.get("ip") == sys.argv[2] for h in r.get("nexthops", []))
sys.exit(0 if any(r.get("protocol") == "bgp" and via(r) for r in d.get(sys.argv[1], [])) else 1)' "$1" "${2:-$CE_PEER}"
}

# wait_for DESC CMD...: poll CMD once a second, at most WAIT_S times.
wait_for() {
    local desc=$1 t=0
    shift
    until "$@"; do
        t=$((t + 1))
        [ $t -le "$WAIT_S" ] || die "timed out after ${WAIT_S}s waiting for: $desc (erd-ce: $(ce_state))"
        sleep 1
    done
    say "ok: $desc (${t}s)"
}
not_established() { ! established; }

# kick: restart a stalled session at once rather than after the 120 s connect-retry timer.
kick() {
    established && return 0
    vty erd-ce "clear bgp $CE_PEER" >/dev/null 2>&1 || true
    vty erd-msee "clear bgp $MSEE_PEER" >/dev/null 2>&1 || true
}

# other_faults FAULT: the faults other than FAULT that are in (a healthy wait needs none).
other_faults() {
    local f out=()
    for f in "${FAULTS[@]}"; do
        [ "$f" = "$1" ] && continue
        if "st_$f" >/dev/null 2>&1; then out+=("$f"); fi
    done
    echo "${out[*]}"
}

# wait_healthy FAULT: after a clear, Established again with the Azure prefixes, unless another
# fault still keeps the session down (then there is nothing to wait for).
wait_healthy() {
    local others
    others=$(other_faults "$1")
    if [ -n "$others" ]; then
        say "not waiting for Established: still injected: $others"
        return 0
    fi
    local t=0
    until established; do
        t=$((t + 1))
        [ $((t % 5)) = 0 ] && kick
        [ $t -le "$WAIT_S" ] || die "session to $CE_PEER not Established after ${WAIT_S}s (erd-ce: $(ce_state))"
        sleep 1
    done
    wait_for "10.1.0.0/16 and 10.2.0.0/16 back in erd-ce's RIB" routes_back
}
routes_back() { has_route 10.1.0.0/16 && has_route 10.2.0.0/16; }

# ---- asn --------------------------------------------------------------------------------------
st_asn() { running erd-ce | grep -q "neighbor $CE_PEER remote-as 12075\$"; }
inj_asn() {
    conf erd-ce "router bgp 65010" "neighbor $CE_PEER remote-as 12075"
    wait_for "erd-ce's session to $CE_PEER left Established (OPEN: bad peer AS)" not_established
}
clr_asn() { conf erd-ce "router bgp 65010" "neighbor $CE_PEER remote-as 12076"; }

# ---- timers -----------------------------------------------------------------------------------
st_timers() { running erd-ce | grep -q "neighbor $CE_PEER timers 30 90\$"; }
# hold_is MS: Established with that negotiated hold time.
hold_is() { established && [ "$(nbr erd-ce "$CE_PEER" bgpTimerHoldTimeMsecs)" = "$1" ]; }
inj_timers() {
    conf erd-ce "router bgp 65010" "neighbor $CE_PEER timers 30 90"
    # Timers are negotiated in OPEN: the running session keeps 180 s until it is reset.
    hold_is 90000 || vty erd-ce "clear bgp $CE_PEER" >/dev/null
    wait_for "erd-ce re-established with hold time 90 s (configured 30/90, MSEE 60/180)" hold_is 90000
}
clr_timers() {
    conf erd-ce "router bgp 65010" "neighbor $CE_PEER timers 60 180"
    vty erd-ce "clear bgp $CE_PEER" >/dev/null
    [ -n "$(other_faults timers)" ] ||
        wait_for "erd-ce re-established with hold time 180 s" hold_is 180000
}

# ---- subnet -----------------------------------------------------------------------------------
ce_v4() { nsx erd-ce ip -4 -o addr show dev veth-ce | awk '{print $4}'; }
st_subnet() { ce_v4 | grep -qx 192.168.100.137/30; }
inj_subnet() {
    nsx erd-ce ip addr del 192.168.100.129/30 dev veth-ce 2>/dev/null || true
    nsx erd-ce ip addr replace 192.168.100.137/30 dev veth-ce
    # The neighbor stays at .130, no longer on a connected subnet: the session cannot come up.
    wait_for "erd-ce's session to $CE_PEER left Established (.130 off-link)" not_established
}
clr_subnet() {
    nsx erd-ce ip addr del 192.168.100.137/30 dev veth-ce 2>/dev/null || true
    nsx erd-ce ip addr replace 192.168.100.129/30 dev veth-ce
    kick
}

# ---- tcp179 -----------------------------------------------------------------------------------
st_tcp179() { nsx erd-msee nft list table inet "$NFT_TABLE" >/dev/null 2>&1; }
inj_tcp179() {
    if ! st_tcp179; then
        # Both directions of BGP from the CE: its connects to .130:179, and its answers from
        # port 179 when the MSEE connects.  The on-prem LAN's connects to port 179 (erdiag's
        # console-host test) meet the same "firewall".
        nsx erd-msee nft -f - <<EOF
table inet $NFT_TABLE {
    chain input {
        type filter hook input priority filter; policy accept;
        ip saddr $MSEE_PEER tcp dport 179 counter drop
        ip saddr $MSEE_PEER tcp sport 179 counter drop
        ip saddr 172.16.0.0/16 tcp dport 179 counter drop
    }
}
EOF
    fi
    # A dropped flow keeps an Established session until the hold timer (180 s): reset it.
    if established; then
        vty erd-ce "clear bgp $CE_PEER" >/dev/null
        vty erd-msee "clear bgp $MSEE_PEER" >/dev/null
    fi
    wait_for "erd-ce's session to $CE_PEER left Established (TCP 179 dropped)" not_established
}
clr_tcp179() {
    st_tcp179 && nsx erd-msee nft delete table inet "$NFT_TABLE"
    kick
}

# ---- md5 --------------------------------------------------------------------------------------
st_md5() { running erd-msee | grep -q "neighbor $MSEE_PEER password $WRONG_KEY\$"; }
inj_md5() {
    # FRR resets the session itself when the password changes; afterwards each side's kernel
    # silently drops the other's segments (no NOTIFICATION can get through).
    st_md5 || conf erd-msee "router bgp 12076" "neighbor $MSEE_PEER password $WRONG_KEY"
    wait_for "erd-ce's session to $CE_PEER left Established (MD5 keys differ)" not_established
}
clr_md5() {
    conf erd-msee "router bgp 12076" "neighbor $MSEE_PEER password $LAB_KEY"
    kick
}

# ---- prefix-filter ----------------------------------------------------------------------------
st_prefix-filter() { running erd-ce | grep -q "ip prefix-list FROM-MSEE seq 5 permit 10.9.0.0/16\$"; }
routes_gone() { ! has_route 10.1.0.0/16 && ! has_route 10.2.0.0/16; }
inj_prefix-filter() {
    # Same seq: FRR replaces the entry, seq 10 (deny any) stays behind it.
    bgpd_conf erd-ce "ip prefix-list FROM-MSEE seq 5 permit 10.9.0.0/16"
    # The route-map update is applied after FRR's delay timer; a soft reset applies it now.
    vty erd-ce "clear bgp $CE_PEER soft in" >/dev/null 2>&1 || true
    wait_for "10.1.0.0/16 and 10.2.0.0/16 gone from erd-ce's RIB (session still Established)" routes_gone
}
clr_prefix-filter() {
    bgpd_conf erd-ce "ip prefix-list FROM-MSEE seq 5 permit 10.0.0.0/8 ge 16 le 24"
    vty erd-ce "clear bgp $CE_PEER soft in" >/dev/null 2>&1 || true
}

# ---- link-down --------------------------------------------------------------------------------
st_link-down() { ! nsx erd-ce ip -o link show dev veth-ce | grep -q '[<,]UP[,>]'; }
inj_link-down() {
    nsx erd-ce ip link set veth-ce down
    wait_for "erd-ce's session to $CE_PEER left Established (veth-ce down)" not_established
}
clr_link-down() {
    nsx erd-ce ip link set veth-ce up
    kick
}

# ---- asym -------------------------------------------------------------------------------------
# erd-vm --inet0 203.0.113.2/30 | veth-vm 203.0.113.1/30 -- erd-inet --
#           veth-op 203.0.113.5/30 | inet0 203.0.113.6/30 -- erd-onprem
# erd-vm sends 172.16.0.0/16 to 203.0.113.1; erd-inet hands it to erd-onprem directly.  The
# forward path (on-prem -> CE -> MSEE -> VM) is unchanged, so the paths differ.
st_asym() { ns_exists "$INET_NS"; }
vm_route_via_inet() { nsx erd-vm ip -4 route get 172.16.0.10 | grep -q 'via 203.0.113.1 '; }
inj_asym() {
    ns_exists "$INET_NS" || ip netns add "$INET_NS"
    nsx "$INET_NS" ip link set lo up
    nsx "$INET_NS" sysctl -qw net.ipv4.ip_forward=1
    # The veth pairs live only in the lab's namespaces, like frr-lab.sh's.
    nsx "$INET_NS" ip link show veth-vm >/dev/null 2>&1 ||
        ip -n "$INET_NS" link add veth-vm type veth peer name inet0 netns erd-vm
    nsx "$INET_NS" ip link show veth-op >/dev/null 2>&1 ||
        ip -n "$INET_NS" link add veth-op type veth peer name inet0 netns erd-onprem
    local n ns ifc a
    for n in "$INET_NS veth-vm 203.0.113.1/30" "$INET_NS veth-op 203.0.113.5/30" \
        "erd-vm inet0 203.0.113.2/30" "erd-onprem inet0 203.0.113.6/30"; do
        read -r ns ifc a <<<"$n"
        nsx "$ns" ip addr replace "$a" dev "$ifc"
        nsx "$ns" ip link set "$ifc" up
    done
    nsx "$INET_NS" ip route replace 172.16.0.0/16 via 203.0.113.6
    nsx "$INET_NS" ip route replace 10.1.0.0/16 via 203.0.113.2
    # src: the VM still speaks from its own address, or the on-prem host's answers (sent back
    # over the CE) would go to 203.0.113.2, which only erd-inet knows.
    nsx erd-vm ip route replace 172.16.0.0/16 via 203.0.113.1 src 10.1.0.4
    # Each end host now receives on one interface what it sends out of another: strict
    # reverse-path filtering (1) would drop that.  New namespaces have 0; only a 1 is relaxed.
    local ns k
    for ns in erd-vm erd-onprem; do
        for k in all eth0 inet0; do
            [ "$(nsx "$ns" sysctl -n "net.ipv4.conf.$k.rp_filter")" != 1 ] ||
                nsx "$ns" sysctl -qw "net.ipv4.conf.$k.rp_filter=2"
        done
    done
    wait_for "erd-vm routes 172.16.0.10 via 203.0.113.1 (erd-inet)" vm_route_via_inet
}
clr_asym() {
    # The veth pairs die with the namespace, and with them erd-vm's route through inet0.
    ! ns_exists "$INET_NS" || ip netns del "$INET_NS"
    for _ in $(seq 20); do
        nsx erd-vm ip link show inet0 >/dev/null 2>&1 || break
        sleep 0.1
    done
    ! vm_route_via_inet || die "erd-vm still routes 172.16.0.10 via erd-inet"
}

# ---- secondary-down ---------------------------------------------------------------------------
secondary_up() { [ "$(nbr erd-ce "$CE_PEER2" bgpState)" = Established ]; }
secondary_gone() { ! secondary_up; }
st_secondary-down() { running erd-ce | grep -q "neighbor $CE_PEER2 shutdown\$"; }
inj_secondary-down() {
    conf erd-ce "router bgp 65010" "neighbor $CE_PEER2 shutdown"
    wait_for "erd-ce's session to $CE_PEER2 (the secondary) left Established" secondary_gone
}
clr_secondary-down() {
    conf erd-ce "router bgp 65010" "no neighbor $CE_PEER2 shutdown"
    wait_for "erd-ce's session to $CE_PEER2 (the secondary) Established again" secondary_up
}

# ---- advertise-one-link -----------------------------------------------------------------------
onprem_on_secondary() { [ "$(path_len erd-msee2)" -gt 0 ]; } # path_len: below
onprem_not_on_secondary() { ! onprem_on_secondary; }
st_advertise-one-link() { running erd-ce | grep -q "ip prefix-list TO-MSEE2 seq 5 deny 172.16.0.0/16\$"; }
inj_advertise-one-link() {
    bgpd_conf erd-ce "ip prefix-list TO-MSEE2 seq 5 deny 172.16.0.0/16"
    vty erd-ce "clear bgp $CE_PEER2 soft out" >/dev/null 2>&1 || true
    wait_for "erd-msee2 no longer holds 172.16.0.0/16 (advertised on the primary only)" onprem_not_on_secondary
}
clr_advertise-one-link() {
    bgpd_conf erd-ce "ip prefix-list TO-MSEE2 seq 5 permit 172.16.0.0/16"
    vty erd-ce "clear bgp $CE_PEER2 soft out" >/dev/null 2>&1 || true
    wait_for "erd-msee2 holds 172.16.0.0/16 again" onprem_on_secondary
}

# ---- the IPv6 peering ---------------------------------------------------------------------------
v6_up() { [ "$(nbr erd-ce "$CE_PEER6" bgpState)" = Established ]; }
v6_gone() { ! v6_up; }
# has_route6: erd-ce has the Azure IPv6 prefix from BGP (its next hop is the MSEE's link-local).
has_route6() {
    vty erd-ce "show ipv6 route 2001:db8:10::/48 json" 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    sys.exit(1)
sys.exit(0 if any(r.get("protocol") == "bgp" for r in d.get("2001:db8:10::/48", [])) else 1)'
}
route6_gone() { ! has_route6; }
v6_healthy() { v6_up && has_route6; }
wait_v6() {
    [ -n "$(other_faults "$1")" ] || wait_for "the IPv6 session Established with 2001:db8:10::/48 again" v6_healthy
}

st_v6-down() { running erd-msee | grep -q "neighbor $MSEE_PEER6 shutdown\$"; }
inj_v6-down() {
    conf erd-msee "router bgp 12076" "neighbor $MSEE_PEER6 shutdown"
    wait_for "erd-ce's IPv6 session to $CE_PEER6 left Established (IPv4 untouched)" v6_gone
}
clr_v6-down() {
    conf erd-msee "router bgp 12076" "no neighbor $MSEE_PEER6 shutdown"
    wait_v6 v6-down
}

ce_v6() { nsx erd-ce ip -6 -o addr show dev veth-ce scope global | awk '{print $4}'; }
st_v6-subnet() { ce_v6 | grep -qx 2001:db8:100::5/126; }
inj_v6-subnet() {
    nsx erd-ce ip -6 addr del 2001:db8:100::1/126 dev veth-ce 2>/dev/null || true
    nsx erd-ce ip -6 addr replace 2001:db8:100::5/126 dev veth-ce nodad
    vty erd-ce "clear bgp $CE_PEER6" >/dev/null 2>&1 || true
    wait_for "erd-ce's IPv6 session to $CE_PEER6 left Established (::2 off-link)" v6_gone
}
clr_v6-subnet() {
    nsx erd-ce ip -6 addr del 2001:db8:100::5/126 dev veth-ce 2>/dev/null || true
    nsx erd-ce ip -6 addr replace 2001:db8:100::1/126 dev veth-ce nodad
    vty erd-ce "clear bgp $CE_PEER6" >/dev/null 2>&1 || true
    wait_v6 v6-subnet
}

st_v6-prefix-filter() { running erd-ce | grep -q "ipv6 prefix-list FROM-MSEE-V6 seq 5 permit 2001:db8:99::/48\$"; }
inj_v6-prefix-filter() {
    bgpd_conf erd-ce "ipv6 prefix-list FROM-MSEE-V6 seq 5 permit 2001:db8:99::/48"
    vty erd-ce "clear bgp ipv6 unicast $CE_PEER6 soft in" >/dev/null 2>&1 || true
    wait_for "2001:db8:10::/48 gone from erd-ce's RIB (IPv6 session still Established)" route6_gone
}
clr_v6-prefix-filter() {
    bgpd_conf erd-ce "ipv6 prefix-list FROM-MSEE-V6 seq 5 permit 2001:db8:10::/48"
    vty erd-ce "clear bgp ipv6 unicast $CE_PEER6 soft in" >/dev/null 2>&1 || true
    wait_v6 v6-prefix-filter
}

# ---- prepend-wrong ----------------------------------------------------------------------------
# path_len NODE: the AS-path length of 172.16.0.0/16 as that MSEE holds it (0 when it has none).
path_len() {
    vty "$1" "show bgp ipv4 unicast 172.16.0.0/16 json" 2>/dev/null | python3 -c '
import json, sys
try:
    p = json.load(sys.stdin).get("paths", [])
except ValueError:
    p = []
print(len(p[0]["aspath"]["string"].split()) if p else 0)'
}
primary_longer() { [ "$(path_len erd-msee)" -gt "$(path_len erd-msee2)" ]; }
secondary_longer() { [ "$(path_len erd-msee2)" -gt "$(path_len erd-msee)" ]; }
st_prepend-wrong() { running erd-ce | grep -q "set as-path prepend 65010 65010 65010 65010\$"; }
soft_out_both() {
    vty erd-ce "clear bgp $CE_PEER soft out" >/dev/null 2>&1 || true
    vty erd-ce "clear bgp $CE_PEER2 soft out" >/dev/null 2>&1 || true
}
inj_prepend-wrong() {
    conf erd-ce "route-map RM-MSEE-OUT permit 10" "set as-path prepend 65010 65010 65010 65010" \
        "route-map RM-MSEE2-OUT permit 10" "no set as-path prepend"
    soft_out_both
    wait_for "erd-msee sees a longer AS path for 172.16.0.0/16 than erd-msee2 (Azure returns on the secondary)" \
        primary_longer
}
clr_prepend-wrong() {
    conf erd-ce "route-map RM-MSEE-OUT permit 10" "set as-path prepend 65010" \
        "route-map RM-MSEE2-OUT permit 10" "set as-path prepend 65010 65010 65010"
    soft_out_both
    wait_for "erd-msee2 sees the longer AS path again (both directions on the primary)" secondary_longer
}

# ---- driver -----------------------------------------------------------------------------------
do_inject() {
    local f=$1
    if "st_$f"; then say "$f: already injected"; else say "$f: injecting"; fi
    "inj_$f"
    say "$f: injected"
}
do_clear() {
    local f=$1
    if ! "st_$f"; then say "$f: not injected"; return 0; fi
    say "$f: clearing"
    "clr_$f"
    "st_$f" && die "$f: still injected after clear"
    [ "$f" = asym ] || wait_healthy "$f"
    say "$f: cleared"
}
do_status() {
    if "st_$1"; then echo "$1: injected"; return 0; fi
    echo "$1: clear"
    return 1
}

[ $# -ge 2 ] || die "usage: $0 inject|clear|status FAULT|all  (faults: ${FAULTS[*]})"
[ "${ERDIAG_REAL_UID:-$(id -u)}" = 0 ] || die "must run as root"
action=$1 fault=$2
if [ "$fault" = all ]; then
    # One fault at a time: each waits for its own symptom on an otherwise healthy session.
    [ "$action" != inject ] || die "inject takes one fault (faults: ${FAULTS[*]})"
    targets=("${FAULTS[@]}")
else
    case " ${FAULTS[*]} " in *" $fault "*) targets=("$fault") ;; *) die "unknown fault: $fault" ;; esac
fi
[ -S "$LAB_DIR/erd-ce/bgpd.vty" ] || die "no lab at $LAB_DIR (start it: tests/lab/frr-lab.sh start)"
rc=0
for f in "${targets[@]}"; do
    case $action in
    inject) do_inject "$f" ;;
    clear) do_clear "$f" ;;
    status) do_status "$f" || rc=1 ;;
    *) die "unknown action: $action" ;;
    esac
done
# "status all" is a report, not a test.
[ "$fault" = all ] && [ "$action" = status ] && rc=0
exit $rc
