#!/bin/bash
# circuit.sh: `erdiag check --circuit NAME`, both links of a circuit judged together.
#   - every circuit scenario (scenarios/circuit-*/, primary/ and secondary/ replayed at once):
#     the circuit step names the cause its circuit.ini expects (`; expect-circuit: CAUSE`), with
#     the status and exit code that go with it, as text and as JSON;
#   - as root, the FRR lab's two links (erd-ce to erd-msee and erd-msee2), from the management
#     host: healthy (active/passive, one path each way), then each circuit fault injected live
#     (tests/lab/faults.sh: secondary-down, advertise-one-link, prepend-wrong) names its cause,
#     and the circuit is healthy again once it is cleared.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=${ERDIAG:-$top/erdiag}
faults=$top/tests/lab/faults.sh
export ERDIAG_LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
[ -x "$erdiag" ] || { echo "circuit: $erdiag is not built"; echo "circuit: 0 passed, 1 failed"; exit 1; }
work=$(mktemp -d /tmp/erdiag-circuit.XXXXXX)
export XDG_STATE_HOME=$work/state
trap 'rm -rf "$work"' EXIT

# judge NAME JSON-FILE CAUSE: the circuit step's cause, and a status that goes with it.
judge() {
    if python3 - "$2" "$3" <<'PY'; then ok "$1"; else bad "$1: $(head -c 600 "$2")"; fi
import json, sys
d = json.load(open(sys.argv[1]))
cause = sys.argv[2]
step = d["circuit_step"]
assert step["id"] == "circuit" and step["cause"] == cause, step["cause"]
if cause == "none":
    assert step["verdict"] == "PASS" and d["outbound"] == d["inbound"], (step["verdict"], d["outbound"], d["inbound"])
else:
    assert step["verdict"] in ("FAIL", "WARN") and d["status"] in ("CRITICAL", "WARNING"), (step["verdict"], d["status"])
    assert step["evidence"], "no evidence"
assert set(d["links"]) == {"primary", "secondary"}
PY
}

for sc in "$top"/scenarios/circuit-*/; do
    sc=${sc%/}
    name=$(basename "$sc")
    want=$(sed -n 's/^; expect-circuit: *//p' "$sc/circuit.ini")
    circ=$(sed -n 's/^\[circuit \(.*\)\]/\1/p' "$sc/circuit.ini")
    "$erdiag" check --circuit "$circ" --runbook bgp --replay "$sc" --json >"$work/$name.json" 2>"$work/$name.err"
    rc=$?
    judge "$name: circuit step $want" "$work/$name.json" "$want"
    want_rc=0
    [ "$want" = none ] || want_rc=2
    [ "$rc" -eq "$want_rc" ] && ok "$name: exit $rc" || bad "$name: exit $rc, want $want_rc"
    "$erdiag" check --circuit "$circ" --runbook bgp --replay "$sc" >"$work/$name.txt" 2>&1
    if [ "$want" = none ]; then
        grep -q "^OK - circuit $circ: both links up" "$work/$name.txt" && ok "$name: text says so" || bad "$name text: $(head -3 "$work/$name.txt")"
    else
        grep -q "^CRITICAL - circuit $circ: $want" "$work/$name.txt" && ok "$name: text names $want first" || bad "$name text: $(head -3 "$work/$name.txt")"
    fi
done

if [ "${ERDIAG_REAL_UID:-$(id -u)}" -eq 0 ] && bash "$top/tests/lab/frr-lab.sh" start >"$work/lab.log" 2>&1; then
    cat >"$work/lab.ini" <<INI
[defaults]
host = 10.99.0.1
user = ${ERDIAG_LAB_SSH_USER:-erdiag-lab}
vendor = frr
identity = $ERDIAG_LAB_DIR/ssh/client_ed25519
known_hosts = $work/known_hosts
timeout = 20
circuit = er-lab-01
local_as = 65010
md5 = yes
bfd = yes
expect_prefixes = 10.1.0.0/16, 10.2.0.0/16

[device lab-primary]
link = primary
subnet = 192.168.100.128/30
local_ip = 192.168.100.129
peer_ip = 192.168.100.130

[device lab-secondary]
link = secondary
subnet = 192.168.100.132/30
local_ip = 192.168.100.133
peer_ip = 192.168.100.134
INI
    lab_check() { # lab_check OUT
        ip netns exec erd-mgmt "$erdiag" check --circuit er-lab-01 --runbook bgp --inventory "$work/lab.ini" --accept-new \
            --interval 1 --json >"$work/$1.json" 2>"$work/$1.err"
    }
    # A lab just started may still be bringing BFD up: give it a few seconds before judging.
    for _ in 1 2 3 4 5 6; do
        lab_check healthy
        grep -q '"cause": "bfd_session_down"' "$work/healthy.json" || break
        sleep 5
    done
    judge "lab: healthy circuit (active/passive, the same link both ways)" "$work/healthy.json" none
    for f in secondary-down:link_redundancy_lost advertise-one-link:advertisement_mismatch prepend-wrong:preference_asymmetry; do
        fault=${f%%:*} cause=${f##*:}
        if bash "$faults" inject "$fault" >"$work/$fault.inject" 2>&1; then
            lab_check "$fault"
            judge "lab: $fault injected live: $cause" "$work/$fault.json" "$cause"
        else
            bad "lab: $fault: inject failed: $(tail -3 "$work/$fault.inject")"
        fi
        bash "$faults" clear "$fault" >"$work/$fault.clear" 2>&1 || bad "lab: $fault: clear failed"
    done
    lab_check again
    judge "lab: healthy again once cleared" "$work/again.json" none
else
    echo "circuit: the FRR lab part needs root (network namespaces); skipped"
fi

echo "circuit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
