#!/bin/bash
# lab-check.sh: `erdiag check` against real faults in the live FRR lab.  Each fault of
# tests/lab/faults.sh is injected once; while it is in, erdiag runs twice over SSH to erd-ce:
# from the on-prem console host (namespace erd-onprem), whose path to the MSEE runs through the
# CE, and from the management host (erd-mgmt), whose path to the MSEE does not cross the CE, so
# its own connect test to .130:179 reads open even while the CE's TCP 179 is dropped.  Both must
# name the same, right root cause first.  The fault is cleared and the healthy lab must then give
# OK or WARNING (no FAIL).
#
# Root only (network namespaces); anyone else gets a message and exit 0.
# Environment: ERDIAG (the binary, default ./erdiag), ERDIAG_LAB_DIR (default /tmp/erdiag-lab), ERDIAG_LAB_SSH_USER (erdiag-lab),
# ERDIAG_CHECK_TIMEOUT (seconds per erdiag run, default 180), LAB_CHECK_FAULTS (a subset, e.g.
# "asn md5"), LAB_CHECK_INTERVAL (seconds between the two interface polls, default 3).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
lab=$top/tests/lab/frr-lab.sh
faults=$top/tests/lab/faults.sh
export ERDIAG_LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
check_timeout=${ERDIAG_CHECK_TIMEOUT:-180}
interval=${LAB_CHECK_INTERVAL:-3}
erdiag=${ERDIAG:-$top/erdiag}
[ "${ERDIAG_REAL_UID:-$(id -u)}" -eq 0 ] || { echo "lab-check: needs root (network namespaces); skipped"; exit 0; }
[ -x "$erdiag" ] || { echo "lab-check: $erdiag is not built"; echo "lab-check: 0 passed, 1 failed"; exit 1; }
command -v traceroute >/dev/null || echo "lab-check: warning: no traceroute (Debian package: traceroute); the asym case cannot pass"

work=$(mktemp -d /tmp/erdiag-labcheck.XXXXXX)
passed=0
failed=0

# The MSEE keeps a floating static route back to on-prem (frr-lab.sh), so the on-prem host's
# connect test reads "open" for asn/md5 and "timed out" only when nftables drops port 179; the
# management host's reads open for every fault but link-down.

cleanup() {
    bash "$faults" clear all >"$work/cleanup.log" 2>&1 || cat "$work/cleanup.log"
    rm -rf "$work"
}
trap cleanup EXIT

bash "$lab" start >"$work/lab.log" 2>&1 || {
    cat "$work/lab.log"
    echo "lab-check: 0 passed, 1 failed"
    exit 1
}

# One inventory per host: the same CE, reached at its LAN address from on-prem and at its
# management address from erd-mgmt (each with its own known_hosts, as two NOC hosts would).
# shellcheck source=tests/lab/lab-device.sh
source "$top/tests/lab/lab-device.sh"
write_inventory() { # FILE SSH-HOST KNOWN-HOSTS
    {
        lab_device erd-ce "$2" "$3"
        printf 'azure_vm = 10.1.0.4\nonprem_source = 172.16.0.10\n'
    } >"$1"
}
write_inventory "$work/onprem.ini" 172.16.0.1 "$work/known_hosts.onprem"
write_inventory "$work/mgmt.ini" 10.99.0.1 "$work/known_hosts.mgmt"
# The dual-stack CE (the IPv6 peering too): onprem6.ini and mgmt6.ini, the hosts' known_hosts.
lab_device6 erd-ce 172.16.0.1 "$work/known_hosts.onprem" >"$work/onprem6.ini"
lab_device6 erd-ce 10.99.0.1 "$work/known_hosts.mgmt" >"$work/mgmt6.ini"
chmod 600 "$work"/*.ini

ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

# check_run HOST OUT ARGS...: `erdiag check erd-ce ARGS --json` from HOST (onprem | mgmt, the
# namespace erd-HOST; onprem6 | mgmt6: the same host with the dual-stack inventory) into OUT.json.  Its exit code (0-3, the verdict) is not an error: the JSON
# is what is judged.
check_run() {
    local host=$1 out=$2
    shift 2
    ip netns exec "erd-${host%6}" timeout "$check_timeout" "$erdiag" check erd-ce "$@" --interval "$interval" \
        --inventory "$work/$host.ini" --accept-new --json >"$work/$out.json" 2>"$work/$out.err"
    echo $? >"$work/$out.rc"
}

# judge NAME OUT PYTHON-EXPRESSION: d = the parsed JSON of OUT.json.
judge() {
    local name=$1 out=$2 expr=$3
    if python3 - "$work/$out.json" "$expr" 2>"$work/py.err" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2], {"d": d}) else 1)
PY
    then
        ok "$name"
    else
        bad "$name: exit $(cat "$work/$out.rc")"
        summarize "$out"
    fi
}

# summarize OUT: what erdiag said, short enough to read in a CI log.
summarize() {
    if ! python3 - "$work/$1.json" 2>/dev/null <<'PY'; then
import json, sys
d = json.load(open(sys.argv[1]))
rc = d.get("root_cause") or {}
print("     status %s, root cause %s (%s): %s" % (d.get("status"), rc.get("cause"), rc.get("step"),
      rc.get("finding")))
for s in d.get("steps", []):
    print("     %-14s %-5s %s" % (s.get("id"), s.get("verdict"), (s.get("finding") or "")[:110]))
PY
        echo "     no JSON: $(head -c 400 "$work/$1.json") $(head -c 400 "$work/$1.err")"
    fi
}

healthy_expr='d["status"] in ("OK", "WARNING") and all(s.get("verdict") != "FAIL" for s in d.get("steps", []))'

# reverse_trace: the trace a VM owner would paste, from the Azure VM back to on-prem.
reverse_trace() {
    ip netns exec erd-vm traceroute -n 172.16.0.10 >"$work/reverse.txt" 2>&1
    echo "     reverse trace: $(grep -Eo '^ *[0-9]+ +[0-9.]+' "$work/reverse.txt" | awk '{print $2}' | paste -sd' ')"
}

check_healthy() { # check_healthy LABEL [asym|mgmt]
    local out="healthy-${1// /-}"
    if [ "${2:-}" = asym ]; then
        reverse_trace
        check_run onprem "$out" --runbook asym --reverse-trace "$work/reverse.txt"
    else
        check_run "${2:-onprem}" "$out" --runbook bgp
    fi
    judge "healthy lab ($1): status OK or WARNING, no FAIL" "$out" "$healthy_expr"
}

# case FAULT CAUSE RUNBOOK-ARGS...: inject, check, clear, check healthy.  An IPv6 fault (v6-*) is
# judged on the IPv6 peering of the dual-stack inventory, and the IPv4 peering must stay healthy.
run_case() {
    local fault=$1 cause=$2 six=
    shift 2
    [[ "$fault" != v6-* ]] || six=6
    if ! bash "$faults" inject "$fault" >"$work/$fault.inject" 2>&1; then
        bad "$fault: inject failed: $(tail -3 "$work/$fault.inject")"
        bash "$faults" clear "$fault" >/dev/null 2>&1
        return
    fi
    if [ "$fault" = asym ]; then
        reverse_trace
        check_run onprem "$fault" "$@" --reverse-trace "$work/reverse.txt"
        judge "$fault: root cause $cause" "$fault" "(d.get('root_cause') or {}).get('cause') == '$cause'"
    else
        # Both hosts at once, while the fault is in: the same root cause from inside the path
        # and from outside it.
        check_run "onprem$six" "$fault-onprem" "$@" ${six:+--family ipv6} &
        check_run "mgmt$six" "$fault-mgmt" "$@" ${six:+--family ipv6} &
        [ -z "$six" ] || check_run onprem6 "$fault-ipv4" "$@" --family ipv4 &
        wait
        if [ -n "$six" ]; then
            judge "$fault: every step judged the IPv6 peering" "$fault-onprem" \
                "d.get('family') == 'ipv6' and all(s.get('family') == 'ipv6' for s in d['steps'])"
            judge "$fault: the IPv4 peering of the same link stays healthy" "$fault-ipv4" "$healthy_expr"
        fi
        judge "$fault from on-prem (inside the path): root cause $cause" "$fault-onprem" \
            "(d.get('root_cause') or {}).get('cause') == '$cause'"
        judge "$fault from the management host (outside the path): root cause $cause" "$fault-mgmt" \
            "(d.get('root_cause') or {}).get('cause') == '$cause'"
    fi
    if ! bash "$faults" clear "$fault" >"$work/$fault.clear" 2>&1; then
        bad "$fault: clear failed: $(tail -3 "$work/$fault.clear")"
        return
    fi
    check_healthy "after $fault"
    [ "$fault" != asym ] || check_healthy "after asym, asym runbook" asym
}

check_healthy "start"
check_healthy "start, from the management host" mgmt

# The dual-stack CE without --family: both peerings, IPv4 first, one verdict object each, both
# healthy (at the start, and after every fault was cleared: a fault on one family, or a link
# flap, must leave both peerings as they were).
dual_stack() { # LABEL
    local out="dual-${1// /-}"
    check_run onprem6 "$out" --runbook bgp
    if python3 - "$work/$out.json" <<'PY'
import json, sys
text, dec, objs, i = open(sys.argv[1]).read(), json.JSONDecoder(), [], 0
while text[i:].strip():
    i += len(text[i:]) - len(text[i:].lstrip())
    o, i = dec.raw_decode(text, i)
    objs.append(o)
ok = [o.get("family") for o in objs] == ["ipv4", "ipv6"]
ok = ok and all(o["status"] in ("OK", "WARNING") and all(s["verdict"] != "FAIL" for s in o["steps"]) for o in objs)
sys.exit(0 if ok else 1)
PY
    then
        ok "dual-stack CE ($1), no --family: an IPv4 and an IPv6 verdict, both healthy"
    else
        bad "dual-stack CE ($1), no --family: $(head -c 600 "$work/$out.json")"
    fi
}
dual_stack "start"
want=${LAB_CHECK_FAULTS:-asn timers subnet tcp179 md5 prefix-filter link-down asym v6-down v6-subnet v6-prefix-filter}
for f in $want; do
    case $f in
    asn) run_case asn peer_as_mismatch --runbook bgp ;;
    timers) run_case timers timer_mismatch --runbook bgp ;;
    subnet) run_case subnet subnet_mismatch --runbook bgp ;;
    tcp179) run_case tcp179 tcp179_blocked --runbook bgp ;;
    md5) run_case md5 md5_mismatch --runbook bgp ;;
    prefix-filter) run_case prefix-filter inbound_filter --runbook bgp ;;
    link-down) run_case link-down link_down --runbook bgp ;;
    asym) run_case asym return_via_internet --runbook asym ;;
    v6-down) run_case v6-down peer_shutdown --runbook bgp ;;
    v6-subnet) run_case v6-subnet subnet_mismatch --runbook bgp ;;
    v6-prefix-filter) run_case v6-prefix-filter inbound_filter --runbook bgp ;;
    *) bad "unknown fault $f" ;;
    esac
done

dual_stack "after every fault"
echo "lab-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
