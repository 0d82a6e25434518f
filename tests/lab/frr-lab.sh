#!/usr/bin/env bash
# frr-lab.sh: an ExpressRoute-like BGP lab in network namespaces, for capturing real
# FRRouting output (tests/fixtures/frr/) and for end-to-end tests: one CE and the two MSEEs of a
# circuit (the primary and the secondary link, two peerings on one CE).
#
#   erd-onprem (172.16.0.10) -- erd-ce (AS 65010) ==== erd-msee (AS 12076) -- erd-vm (10.1.0.4)
#                               |   .129  192.168.100.128/30  .130   (primary link)
#                               |   ::1   2001:db8:100::/126   ::2
#                               |    |                          |
#                               |    |  10.99.0.1/24            | 10.99.1.1/30
#                               |  erd-mgmt (10.99.0.10, 10.99.1.2): the NOC's management host
#                               |
#                               +== erd-msee2 (AS 12076)         (secondary link)
#                                   .133  192.168.100.132/30  .134
#
# Active/passive as Microsoft documents it: erd-ce prefers the primary's routes (local preference
# 200 against the secondary's 50) and prepends its AS three times toward the secondary (once
# toward the primary), so both directions use the primary while both links are up.
#
# erd-mgmt reaches erd-ce's SSH over its own management subnet, and the MSEE's /30 over a
# link of its own (an out-of-band path): its route to the peer never crosses the CE, so its
# console connect test to .130:179 says nothing about the CE-to-MSEE link.
#
# Usage: frr-lab.sh start|stop|status|exec NODE CMD...      (as root)
#   exec runs CMD through that node's vtysh, e.g.  frr-lab.sh exec erd-ce "show bgp summary"
# State (configs, pid files, vty sockets, logs) lives in $ERDIAG_LAB_DIR (default /tmp/erdiag-lab).
#
# Only namespaces are touched: the veth pairs are created inside them, and no traffic leaves
# them.  stop kills only the pids recorded in the pid files, then deletes the namespaces.
set -euo pipefail

LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
FRR_BIN=${FRR_BIN:-/usr/lib/frr}
VTYSH=${VTYSH:-/usr/bin/vtysh}
ROUTERS=(erd-ce erd-msee erd-msee2)
HOSTS=(erd-onprem erd-vm erd-mgmt)
DAEMONS=(zebra staticd bfdd bgpd)   # start order; stop is the reverse
WAIT_S=${ERDIAG_LAB_WAIT:-60}

die() { echo "frr-lab: $*" >&2; exit 1; }
ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$1"; }
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# The vtysh command line for a node (printed by start, used by exec and the capture script).
vtysh_cmd() { echo "$VTYSH --vty_socket $LAB_DIR/$1"; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# ---- configuration ------------------------------------------------------------------------
write_configs() {
    local d
    for r in "${ROUTERS[@]}"; do
        d=$LAB_DIR/$r
        mkdir -p "$d"
        for daemon in zebra staticd bfdd; do
            printf 'hostname %s\nlog file %s/%s.log\n' "$r" "$d" "$daemon" >"$d/$daemon.conf"
        done
    done

    cat >>"$LAB_DIR/erd-ce/staticd.conf" <<'EOF'
ip route 172.16.0.0/16 blackhole
ip route 198.51.100.0/24 192.168.100.130
ip route 198.51.100.0/24 172.16.0.10
EOF
    cat >>"$LAB_DIR/erd-ce/zebra.conf" <<'EOF'
interface veth-ce
 description ExpressRoute primary link to MSEE
exit
interface veth-lan
 description on-prem LAN
exit
EOF
    cat >>"$LAB_DIR/erd-msee/zebra.conf" <<'EOF'
interface veth-msee
 description customer CE 65010
exit
EOF
    cat >>"$LAB_DIR/erd-ce/zebra.conf" <<'EOF'
interface veth-ce2
 description ExpressRoute secondary link to MSEE2
exit
EOF
    cat >>"$LAB_DIR/erd-msee2/zebra.conf" <<'EOF'
interface veth-msee2
 description customer CE 65010 secondary
exit
EOF
    # The secondary MSEE announces the same VNet prefixes (held by blackholes: it forwards
    # nothing, the lab's traffic uses the primary).
    cat >>"$LAB_DIR/erd-msee2/staticd.conf" <<'EOF'
ip route 10.1.0.0/16 blackhole
ip route 10.2.0.0/16 blackhole
EOF
    # A floating static (distance 250) back to on-prem: while BGP is down the console host can
    # still reach the MSEE, so a firewall (timeout) and an MD5 mismatch (open) look different.
    cat >>"$LAB_DIR/erd-msee/staticd.conf" <<'EOF'
ip route 172.16.0.0/16 192.168.100.129 250
EOF
    cat >"$LAB_DIR/erd-ce/bgpd.conf" <<EOF
hostname erd-ce
log file $LAB_DIR/erd-ce/bgpd.log
!
ip prefix-list FROM-MSEE seq 5 permit 10.0.0.0/8 ge 16 le 24
ip prefix-list FROM-MSEE seq 10 deny 0.0.0.0/0 le 32
ip prefix-list TO-MSEE seq 5 permit 172.16.0.0/16
ip prefix-list FROM-MSEE2 seq 5 permit 10.0.0.0/8 ge 16 le 24
ip prefix-list FROM-MSEE2 seq 10 deny 0.0.0.0/0 le 32
ip prefix-list TO-MSEE2 seq 5 permit 172.16.0.0/16
ipv6 prefix-list FROM-MSEE-V6 seq 5 permit 2001:db8:10::/48
!
route-map RM-MSEE-IN permit 10
 match ip address prefix-list FROM-MSEE
 set local-preference 200
exit
route-map RM-MSEE-IN deny 20
exit
route-map RM-MSEE-OUT permit 10
 match ip address prefix-list TO-MSEE
 set as-path prepend 65010
exit
route-map RM-MSEE2-IN permit 10
 match ip address prefix-list FROM-MSEE2
 set local-preference 50
exit
route-map RM-MSEE2-IN deny 20
exit
route-map RM-MSEE2-OUT permit 10
 match ip address prefix-list TO-MSEE2
 set as-path prepend 65010 65010 65010
exit
route-map RM-V6-IN permit 10
 match ipv6 address prefix-list FROM-MSEE-V6
exit
route-map RM-V6-OUT deny 10
exit
!
router bgp 65010
 bgp router-id 192.168.100.129
 bgp log-neighbor-changes
 neighbor 192.168.100.130 remote-as 12076
 neighbor 192.168.100.130 description ExpressRoute primary MSEE
 neighbor 192.168.100.130 password erdiag-lab-secret
 neighbor 192.168.100.130 bfd
 neighbor 192.168.100.130 timers 60 180
 neighbor 192.168.100.134 remote-as 12076
 neighbor 192.168.100.134 description ExpressRoute secondary MSEE
 neighbor 192.168.100.134 password erdiag-lab-secret
 neighbor 192.168.100.134 bfd
 neighbor 192.168.100.134 timers 60 180
 neighbor 2001:db8:100::2 remote-as 12076
 neighbor 2001:db8:100::2 description ExpressRoute primary MSEE v6
 neighbor 2001:db8:100::2 password erdiag-lab-secret
 neighbor 2001:db8:100::2 bfd
 neighbor 2001:db8:100::2 timers 60 180
 !
 address-family ipv4 unicast
  network 172.16.0.0/16
  neighbor 192.168.100.130 route-map RM-MSEE-IN in
  neighbor 192.168.100.130 route-map RM-MSEE-OUT out
  neighbor 192.168.100.130 maximum-prefix 100
  neighbor 192.168.100.134 route-map RM-MSEE2-IN in
  neighbor 192.168.100.134 route-map RM-MSEE2-OUT out
  neighbor 192.168.100.134 maximum-prefix 100
  no neighbor 2001:db8:100::2 activate
 exit-address-family
 !
 address-family ipv6 unicast
  neighbor 2001:db8:100::2 activate
  neighbor 2001:db8:100::2 route-map RM-V6-IN in
  neighbor 2001:db8:100::2 route-map RM-V6-OUT out
 exit-address-family
exit
!
! A second instance in a VRF with no kernel device behind it (the lab kernel may lack VRF
! support): it stays inactive, its peer Idle, which is what a multi-VRF summary needs.
router bgp 65010 vrf ER-PRIVATE
 bgp router-id 192.168.200.1
 neighbor 192.168.200.2 remote-as 12076
 neighbor 192.168.200.2 description private peering
exit
EOF

    cat >"$LAB_DIR/erd-msee/bgpd.conf" <<EOF
hostname erd-msee
log file $LAB_DIR/erd-msee/bgpd.log
!
ip prefix-list CUSTOMER seq 5 permit 172.16.0.0/12 le 24
ipv6 prefix-list AZURE-V6 seq 5 permit 2001:db8:10::/48
!
route-map RM-CUSTOMER-IN permit 10
 match ip address prefix-list CUSTOMER
exit
route-map RM-AZURE-OUT permit 10
exit
route-map RM-V6-OUT permit 10
 match ipv6 address prefix-list AZURE-V6
exit
!
router bgp 12076
 bgp router-id 192.168.100.130
 bgp log-neighbor-changes
 neighbor 192.168.100.129 remote-as 65010
 neighbor 192.168.100.129 description customer CE primary
 neighbor 192.168.100.129 password erdiag-lab-secret
 neighbor 192.168.100.129 bfd
 neighbor 192.168.100.129 timers 60 180
 neighbor 2001:db8:100::1 remote-as 65010
 neighbor 2001:db8:100::1 password erdiag-lab-secret
 neighbor 2001:db8:100::1 bfd
 neighbor 2001:db8:100::1 timers 60 180
 !
 address-family ipv4 unicast
  network 10.1.0.0/16
  network 10.2.0.0/16
  neighbor 192.168.100.129 route-map RM-CUSTOMER-IN in
  neighbor 192.168.100.129 route-map RM-AZURE-OUT out
  no neighbor 2001:db8:100::1 activate
 exit-address-family
 !
 address-family ipv6 unicast
  network 2001:db8:10::/48
  neighbor 2001:db8:100::1 activate
  neighbor 2001:db8:100::1 route-map RM-V6-OUT in
  neighbor 2001:db8:100::1 route-map RM-V6-OUT out
 exit-address-family
exit
EOF

    cat >"$LAB_DIR/erd-msee2/bgpd.conf" <<EOF
hostname erd-msee2
log file $LAB_DIR/erd-msee2/bgpd.log
!
ip prefix-list CUSTOMER seq 5 permit 172.16.0.0/12 le 24
!
route-map RM-CUSTOMER-IN permit 10
 match ip address prefix-list CUSTOMER
exit
route-map RM-AZURE-OUT permit 10
exit
!
router bgp 12076
 bgp router-id 192.168.100.134
 bgp log-neighbor-changes
 neighbor 192.168.100.133 remote-as 65010
 neighbor 192.168.100.133 description customer CE secondary
 neighbor 192.168.100.133 password erdiag-lab-secret
 neighbor 192.168.100.133 bfd
 neighbor 192.168.100.133 timers 60 180
 !
 address-family ipv4 unicast
  network 10.1.0.0/16
  network 10.2.0.0/16
  neighbor 192.168.100.133 route-map RM-CUSTOMER-IN in
  neighbor 192.168.100.133 route-map RM-AZURE-OUT out
 exit-address-family
exit
EOF
}

# ---- namespaces and links -----------------------------------------------------------------
make_netns() {
    for ns in "${ROUTERS[@]}" "${HOSTS[@]}"; do
        ns_exists "$ns" || ip netns add "$ns"
        nsx "$ns" ip link set lo up
        nsx "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=0 >/dev/null 2>&1 || true
        # A router keeps its IPv6 addresses while a link is down (Linux drops them by default):
        # the link-down fault must not leave the IPv6 peering without its /126.
        nsx "$ns" sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1 net.ipv6.conf.default.keep_addr_on_down=1 \
            >/dev/null 2>&1 || true
    done
    nsx erd-ce sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
    nsx erd-msee sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

    # The pairs are created inside a namespace and their peer end moved straight to the other
    # one: the host's default namespace never holds them.
    if ! nsx erd-ce ip link show veth-ce >/dev/null 2>&1; then
        ip -n erd-ce link add veth-ce type veth peer name veth-msee netns erd-msee
    fi
    if ! nsx erd-ce ip link show veth-ce2 >/dev/null 2>&1; then
        ip -n erd-ce link add veth-ce2 type veth peer name veth-msee2 netns erd-msee2
    fi
    if ! nsx erd-ce ip link show veth-lan >/dev/null 2>&1; then
        ip -n erd-ce link add veth-lan type veth peer name eth0 netns erd-onprem
    fi
    if ! nsx erd-msee ip link show veth-vnet >/dev/null 2>&1; then
        ip -n erd-msee link add veth-vnet type veth peer name eth0 netns erd-vm
    fi
    if ! nsx erd-msee ip link show dummy0 >/dev/null 2>&1; then
        # A kernel without the dummy module gets a veth pair whose both ends stay in erd-msee.
        ip -n erd-msee link add dummy0 type dummy 2>/dev/null ||
            ip -n erd-msee link add dummy0 type veth peer name dummy0-peer
        nsx erd-msee ip link set dummy0-peer up 2>/dev/null || true
    fi

    addr erd-ce veth-ce 192.168.100.129/30 2001:db8:100::1/126
    addr erd-msee veth-msee 192.168.100.130/30 2001:db8:100::2/126
    addr erd-ce veth-ce2 192.168.100.133/30
    addr erd-msee2 veth-msee2 192.168.100.134/30
    addr erd-ce veth-lan 172.16.0.1/24
    addr erd-onprem eth0 172.16.0.10/24
    addr erd-msee veth-vnet 10.1.0.1/24
    addr erd-vm eth0 10.1.0.4/24
    addr erd-msee dummy0 10.1.255.254/16 10.2.0.1/16 2001:db8:10::1/48
    nsx erd-ce ip link set veth-ce mtu 1500
    nsx erd-onprem ip route replace default via 172.16.0.1
    nsx erd-vm ip route replace default via 10.1.0.1
    make_mgmt
}

# The management host: a subnet of its own to the CE (for SSH), and the MSEE's /30 reached over
# an out-of-band link to the MSEE, never through the CE; nothing else is routed.
make_mgmt() {
    if ! nsx erd-ce ip link show veth-mgmt >/dev/null 2>&1; then
        ip -n erd-ce link add veth-mgmt type veth peer name mgmt0 netns erd-mgmt
    fi
    if ! nsx erd-msee ip link show veth-oob >/dev/null 2>&1; then
        ip -n erd-msee link add veth-oob type veth peer name oob0 netns erd-mgmt
    fi
    addr erd-ce veth-mgmt 10.99.0.1/24
    addr erd-mgmt mgmt0 10.99.0.10/24
    addr erd-msee veth-oob 10.99.1.1/30
    addr erd-mgmt oob0 10.99.1.2/30
    nsx erd-mgmt ip route replace 192.168.100.128/30 via 10.99.1.1
    nsx erd-mgmt ip route replace unreachable default
}

addr() {
    local ns=$1 ifc=$2; shift 2
    nsx "$ns" ip link set "$ifc" up
    for a in "$@"; do
        nsx "$ns" ip addr replace "$a" dev "$ifc" nodad 2>/dev/null ||
            nsx "$ns" ip addr replace "$a" dev "$ifc"
    done
}

# ---- sshd in erd-ce: the NOC's way in ------------------------------------------------------
# An OpenSSH server on erd-ce's LAN address whose user logs straight into vtysh, as a NOC
# account on a real CE would.  erdiag reaches it from erd-onprem (the console host), where the
# route to the MSEE also runs through the CE.
SSH_USER=${ERDIAG_LAB_SSH_USER:-erdiag-lab}
SSH_ADDR=172.16.0.1
SSH_MGMT_ADDR=10.99.0.1 # erd-ce's management address, for erd-mgmt

write_sshd() {
    local d=$LAB_DIR/ssh
    mkdir -p "$d"
    [ -f "$d/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$d/host_ed25519"
    [ -f "$d/client_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$d/client_ed25519"
    # As a login shell it is vtysh; "ssh host CMD" runs it with -c CMD (exec-channel mode).
    printf '#!/bin/sh\nexec %s --vty_socket %s "$@"\n' "$VTYSH" "$LAB_DIR/erd-ce" >"$d/vtysh-login"
    chmod 755 "$d/vtysh-login" "$d"
    if ! id "$SSH_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir "$d" --shell "$d/vtysh-login" "$SSH_USER"
    fi
    # '*' (no password) rather than '!' (locked): sshd refuses locked accounts even for keys.
    usermod -p '*' -s "$d/vtysh-login" -a -G frrvty "$SSH_USER"
    cp "$d/client_ed25519.pub" "$d/authorized_keys"
    chmod 644 "$d/authorized_keys"
    {
        echo "ListenAddress $SSH_ADDR"
        echo "ListenAddress $SSH_MGMT_ADDR"
        echo "Port 22"
        echo "HostKey $d/host_ed25519"
        echo "PidFile $d/sshd.pid"
        echo "AuthorizedKeysFile $d/authorized_keys"
        echo "AllowUsers $SSH_USER"
        echo "PasswordAuthentication no"
        echo "KbdInteractiveAuthentication no"
        echo "UsePAM no"
        echo "StrictModes no"
        echo "PermitRootLogin no"
        echo "X11Forwarding no"
        echo "AllowTcpForwarding no"
    } >"$d/sshd_config.new"
    # A running sshd from an older configuration (no management address) is restarted.
    if ! cmp -s "$d/sshd_config.new" "$d/sshd_config" && pid_alive "$d/sshd.pid"; then
        kill "$(cat "$d/sshd.pid")"
        for _ in $(seq 30); do pid_alive "$d/sshd.pid" || break; sleep 0.1; done
    fi
    mv "$d/sshd_config.new" "$d/sshd_config"
}

start_sshd() {
    local d=$LAB_DIR/ssh
    pid_alive "$d/sshd.pid" && return 0
    mkdir -p /run/sshd
    nsx erd-ce /usr/sbin/sshd -f "$d/sshd_config" -E "$d/sshd.log"
    for _ in $(seq 50); do pid_alive "$d/sshd.pid" && return 0; sleep 0.1; done
    die "sshd did not start (see $d/sshd.log)"
}

# ---- daemons ------------------------------------------------------------------------------
start_daemons() {
    local r=$1 d=$LAB_DIR/$1 extra
    for daemon in "${DAEMONS[@]}"; do
        pid_alive "$d/$daemon.pid" && continue
        extra=()
        [ "$daemon" = bfdd ] && extra=(--bfdctl "$d/bfdd.sock")
        nsx "$r" "$FRR_BIN/$daemon" -d -u frr -g frr \
            --vty_socket "$d" -z "$d/zserv.api" -i "$d/$daemon.pid" -f "$d/$daemon.conf" \
            --log "file:$d/$daemon.log" "${extra[@]}" 2>>"$d/$daemon.stderr"
        # zebra must own its socket before the others connect.
        if [ "$daemon" = zebra ]; then
            for _ in $(seq 50); do [ -S "$d/zserv.api" ] && break; sleep 0.1; done
        fi
    done
}

# established [PEER]: erd-ce's session to PEER (default the primary MSEE) is Established.
established() {
    local peer=${1:-192.168.100.130}
    $(vtysh_cmd erd-ce) -c "show bgp neighbors $peer json" 2>/dev/null |
        grep -q '"bgpState":"Established"'
}

cmd_start() {
    mkdir -p "$LAB_DIR"
    chmod 755 "$LAB_DIR"
    local running=1 some=0
    for r in "${ROUTERS[@]}"; do
        if pid_alive "$LAB_DIR/$r/bgpd.pid"; then some=1; else running=0; fi
    done
    if [ $running = 0 ] && [ $some = 1 ]; then
        # Some routers run, not all: a lab started before the secondary link existed (or one
        # half started).  Its configuration is older than this script's: start it afresh.
        echo "frr-lab: not every router runs (an older or half-started lab): restarting it"
        cmd_stop
    fi
    make_netns
    if [ $running = 0 ]; then
        write_configs
        # The daemons drop to the frr user: it must own its state, configs and logs.
        # frrvty may enter (vtysh users, like the lab's ssh account), others may not.
        chown -R frr:frrvty "${ROUTERS[@]/#/$LAB_DIR/}"
        chmod 750 "${ROUTERS[@]/#/$LAB_DIR/}"
    fi
    for r in "${ROUTERS[@]}"; do start_daemons "$r"; done
    local t=0
    until established && established 192.168.100.134; do
        t=$((t + 1))
        [ $t -le "$WAIT_S" ] || die "BGP not Established on both links after ${WAIT_S}s (see $LAB_DIR/*/bgpd.log)"
        sleep 1
    done
    write_sshd
    start_sshd
    echo "frr-lab: up (erd-ce AS 65010 <-> erd-msee and erd-msee2 AS 12076 Established)"
    echo "  ssh: ip netns exec erd-onprem ssh -i $LAB_DIR/ssh/client_ed25519 $SSH_USER@$SSH_ADDR"
    echo "  ssh from the management host: ip netns exec erd-mgmt ssh -i ... $SSH_USER@$SSH_MGMT_ADDR"
    for r in "${ROUTERS[@]}"; do echo "  $r: $(vtysh_cmd "$r")"; done
}

cmd_stop() {
    local i d
    if pid_alive "$LAB_DIR/ssh/sshd.pid"; then
        kill "$(cat "$LAB_DIR/ssh/sshd.pid")" 2>/dev/null || true
        rm -f "$LAB_DIR/ssh/sshd.pid"
    fi
    for r in "${ROUTERS[@]}"; do
        d=$LAB_DIR/$r
        for ((i = ${#DAEMONS[@]} - 1; i >= 0; i--)); do
            local pf=$d/${DAEMONS[$i]}.pid
            if pid_alive "$pf"; then
                kill "$(cat "$pf")" 2>/dev/null || true
                for _ in $(seq 30); do pid_alive "$pf" || break; sleep 0.1; done
                pid_alive "$pf" && kill -9 "$(cat "$pf")" 2>/dev/null || true
            fi
            rm -f "$pf"
        done
    done
    for ns in "${ROUTERS[@]}" "${HOSTS[@]}" erd-inet; do # erd-inet: tests/lab/faults.sh asym
        ns_exists "$ns" && ip netns del "$ns"
    done
    echo "frr-lab: stopped"
}

cmd_status() {
    local rc=0
    for ns in "${ROUTERS[@]}" "${HOSTS[@]}"; do
        if ns_exists "$ns"; then echo "netns $ns: present"; else echo "netns $ns: absent"; rc=1; fi
    done
    for r in "${ROUTERS[@]}"; do
        for daemon in "${DAEMONS[@]}"; do
            if pid_alive "$LAB_DIR/$r/$daemon.pid"; then
                echo "$r $daemon: running (pid $(cat "$LAB_DIR/$r/$daemon.pid"))"
            else
                echo "$r $daemon: stopped"; rc=1
            fi
        done
    done
    if [ $rc = 0 ]; then $(vtysh_cmd erd-ce) -c "show bgp summary" || rc=1; fi
    return $rc
}

[ $# -ge 1 ] || die "usage: $0 start|stop|status|exec NODE CMD..."
[ "${ERDIAG_REAL_UID:-$(id -u)}" = 0 ] || die "must run as root"
case $1 in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
exec)
    [ $# -ge 3 ] || die "usage: $0 exec NODE CMD..."
    node=$2; shift 2
    case " ${ROUTERS[*]} " in
    *" $node "*) exec $(vtysh_cmd "$node") -c "$*" ;;
    *) ns_exists "$node" || die "no such node: $node"; exec ip netns exec "$node" "$@" ;;
    esac
    ;;
*) die "unknown action: $1" ;;
esac
