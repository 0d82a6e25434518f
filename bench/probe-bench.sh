#!/bin/bash
# probe-bench.sh: the five BGP-runbook probes collected from the FRR lab's CE over SSH by
# erdiag (one session, parsed to JSON), next to the same five commands over one plain OpenSSH
# session (the floor).  Median of 10 runs each.  Needs root (the lab lives in namespaces).
set -euo pipefail
ERDIAG=$(cd "$(dirname "${1:-./erdiag}")" && pwd)/$(basename "${1:-./erdiag}")
top=$(cd "$(dirname "$0")/.." && pwd)
export ERDIAG_LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
RUNS=10
[ "$(id -u)" -eq 0 ] || { echo "probe-bench: needs root (the FRR lab); skipped"; exit 0; }
bash "$top/tests/lab/frr-lab.sh" start >/dev/null
work=$(mktemp -d /tmp/erdiag-pbench.XXXXXX)
trap 'rm -rf "$work"' EXIT
key=$ERDIAG_LAB_DIR/ssh/client_ed25519
commands=("show interface veth-ce" "show bgp summary" "show bgp neighbors 192.168.100.130"
          "show running-config" "show ip prefix-list")
printf '[device ce]\nhost = 172.16.0.1\nuser = erdiag-lab\nvendor = frr\nidentity = %s\nknown_hosts = %s\n' \
    "$key" "$work/known_hosts" >"$work/inv.ini"
ip netns exec erd-onprem "$ERDIAG" run --inventory "$work/inv.ini" --accept-new ce "show version" >/dev/null

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for _ in $(seq $RUNS); do
    t0=$(now)
    ip netns exec erd-onprem "$ERDIAG" run --inventory "$work/inv.ini" --json ce "${commands[@]}" >"$work/out.json"
    t1=$(now)
    echo "$t1 - $t0" | bc
done | median >"$work/erdiag"
for _ in $(seq $RUNS); do
    t0=$(now)
    { echo "terminal length 0"; printf '%s\n' "${commands[@]}"; echo exit; } |
        ip netns exec erd-onprem ssh -tt -q -i "$key" -o UserKnownHostsFile="$work/known_hosts" \
            -o StrictHostKeyChecking=no erdiag-lab@172.16.0.1 >"$work/out.txt"
    t1=$(now)
    echo "$t1 - $t0" | bc
done | median >"$work/floor"
records=$(grep -o '"records":[0-9]*' "$work/out.json" | cut -d: -f2 | paste -sd+ | bc)
awk -v e="$(cat "$work/erdiag")" -v f="$(cat "$work/floor")" -v r="$records" 'BEGIN {
    printf "five BGP-runbook probes, FRR lab over SSH, median of 10:\n"
    printf "  erdiag run (one session, parsed, %d records): %.3f s\n", r, e
    printf "  OpenSSH, one session, same commands (floor):  %.3f s\n", f
    printf "  ratio: %.2fx (target <= 1.5x)\n", e / f
    exit (e / f <= 1.5) ? 0 : 1 }'
