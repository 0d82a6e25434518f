#!/bin/bash
# sandbox.sh: runs a command in a network namespace of its own that holds only loopback, with
# "unreachable" default routes for IPv4 and IPv6, so that nothing the test suite starts (erdiag's
# SSH sessions, its console TCP test to a peer, a traceroute) can send a packet off this machine.
# The FRR lab's namespaces are still reachable by name (`ip netns exec erd-onprem ...`): they are
# entered with setns(), and their links never touch the sandbox.
#
#   tests/sandbox.sh COMMAND [ARG...]
#
# As root it uses `unshare --net`; as another user `unshare --net --map-root-user`, and then
# exports ERDIAG_REAL_UID so that scripts which need real root (the FRR lab) still skip
# themselves.  Before it runs COMMAND it proves the sandbox holds: a route lookup to a test
# address must say unreachable and a TCP connect to it must fail at once.  If any of that fails
# the command is not run and the exit status is 99.
set -uo pipefail

if [ "${ERDIAG_SANDBOX:-}" != inside ]; then
    [ $# -gt 0 ] || { echo "usage: tests/sandbox.sh COMMAND [ARG...]" >&2; exit 2; }
    export ERDIAG_REAL_UID=${ERDIAG_REAL_UID:-$(id -u)}
    export ERDIAG_SANDBOX=inside
    if [ "$ERDIAG_REAL_UID" -eq 0 ]; then
        exec unshare --net -- bash "$0" "$@"
    fi
    exec unshare --net --map-root-user -- bash "$0" "$@"
fi

die() { echo "sandbox: $*" >&2; exit 99; }

ip link set lo up || die "cannot bring loopback up"
ip route add unreachable default || die "cannot add the unreachable IPv4 default route"
ip -6 route add unreachable default 2>/dev/null || true # IPv6 may be disabled: then nothing routes anyway

# The proof: 192.0.2.1 (TEST-NET-1) and the lab's Microsoft-side address must be unreachable.
for addr in 192.0.2.1 192.168.100.130; do
    ip route get "$addr" >/dev/null 2>&1 && die "$addr is routable inside the sandbox"
    if timeout 2 bash -c "exec 3<>/dev/tcp/$addr/179" 2>/dev/null; then
        die "a TCP connect to $addr:179 went through inside the sandbox"
    fi
done
[ "$(ip -o link show | grep -cv ': lo:')" -eq 0 ] || die "the sandbox holds links other than loopback"
export ERDIAG_SANDBOX_VERIFIED=1
exec "$@"
