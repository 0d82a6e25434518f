#!/bin/bash
# The bundled replay scenarios (scenarios/*/): `erdiag check` must name each one's root cause
# first.  The expectation lives in the scenario itself, as a comment line of its device.ini:
#     ; expect: bgp peer_as_mismatch
# (runbook, then the cause code; "none" for a healthy circuit).  Optional lines assert more:
#     ; expect-step: tcp179 FAIL tcp179_blocked | a fragment of the finding
#     ; expect-absent: md5_mismatch tcp179_refused      (no step names these causes)
#
#   tests/integration/scenarios.sh [NAME...]          run `erdiag check` on every (or the named) scenario
#   tests/integration/scenarios.sh --parse [NAME...]  only check that every capture parses cleanly
#
# ERDIAG=path/to/erdiag overrides the binary.  Exit status: 0 all passed, 1 a failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=${ERDIAG:-$top/erdiag}
dir=$top/scenarios
mode=check
if [ "${1:-}" = "--parse" ]; then
    mode=parse
    shift
fi
[ -x "$erdiag" ] || { echo "scenarios: $erdiag not built"; exit 1; }
command -v python3 >/dev/null || { echo "scenarios: needs python3"; exit 1; }

# The command each probe file answers, per vendor (probes/vendor_*.c), for --parse.
probe_command() { # vendor probe
    local peer=192.168.100.130 vm=10.1.0.4 src=172.16.0.10
    case "$1:$2" in
    ios:interfaces | eos:interfaces) echo "show interfaces" ;;
    nxos:interfaces | frr:interfaces) echo "show interface" ;;
    junos:interfaces) echo "show interfaces extensive" ;;
    ios:arp | nxos:arp) echo "show ip arp $peer" ;;
    eos:arp) echo "show ip arp" ;; # the EOS table has no per-address form; same output
    junos:arp) echo "show arp no-resolve hostname $peer" ;;
    ios:bgp_summary | nxos:bgp_summary | eos:bgp_summary) echo "show ip bgp summary" ;;
    junos:bgp_summary | frr:bgp_summary) echo "show bgp summary" ;;
    ios:bgp_neighbor | nxos:bgp_neighbor | eos:bgp_neighbor) echo "show ip bgp neighbors $peer" ;;
    junos:bgp_neighbor) echo "show bgp neighbor $peer" ;;
    frr:bgp_neighbor) echo "show bgp neighbors $peer" ;;
    ios:bgp_config) echo "show running-config | section router bgp" ;;
    nxos:bgp_config) echo "show running-config bgp" ;;
    eos:bgp_config) echo "show running-config section router bgp" ;;
    junos:bgp_config) echo "show configuration protocols bgp" ;;
    frr:bgp_config) echo "show running-config" ;;
    junos:prefix_lists) echo "show configuration policy-options prefix-list" ;;
    *:prefix_lists) echo "show ip prefix-list" ;;
    junos:route_maps) echo "show configuration policy-options" ;;
    *:route_maps) echo "show route-map" ;;
    ios:tcp_179) echo "telnet $peer 179" ;;
    junos:tcp_179) echo "telnet $peer port 179" ;;
    ios:bfd) echo "show bfd neighbors details" ;;
    nxos:bfd) echo "show bfd neighbors" ;;
    eos:bfd | frr:bfd) echo "show bfd peers" ;;
    junos:bfd) echo "show bfd session" ;;
    junos:route_lookup) echo "show route $vm" ;;
    junos:route_lookup_onprem) echo "show route $src" ;;
    *:route_lookup) echo "show ip route $vm" ;;
    *:route_lookup_onprem) echo "show ip route $src" ;;
    ios:bgp_prefix | nxos:bgp_prefix | eos:bgp_prefix) echo "show ip bgp $vm" ;;
    junos:bgp_prefix) echo "show route $vm protocol bgp detail" ;;
    frr:bgp_prefix) echo "show bgp ipv4 unicast $vm" ;;
    ios:traceroute) echo "traceroute $vm source $src numeric" ;;
    junos:traceroute) echo "traceroute $vm source $src no-resolve" ;;
    *:traceroute) echo "traceroute $vm source $src" ;;
    *:version) echo "show version" ;;
    *:ping) echo "ping $peer" ;;
    *) return 1 ;; # log_auth, nxos telnet: raw text only, no parser
    esac
}

# Parses one file; prints nothing when it is clean, else the reason.
parse_one() { # vendor command file
    "$erdiag" parse --vendor "$1" --command "$2" "$3" 2>&1 | python3 -c '
import json, sys
text = sys.stdin.read()
try:
    j = json.loads(text)
except ValueError:
    print("not parsed: " + text.strip()[:200]); sys.exit()
if j.get("partial"):
    print("partial: %s lines %s" % (j.get("partial_reason"), j.get("skipped_lines")))
'
}

parse_scenario() { # name
    local d=$dir/$1 vendor f probe cmd why bad=0
    vendor=$(sed -n 's/^vendor *= *//p' "$d/device.ini")
    for f in "$d"/*.txt "$d"/*.json; do
        probe=$(basename "$f")
        probe=${probe%.*}
        case "$probe" in
        tcp_console) grep -qxE 'open|refused|timeout|unreachable' "$f" || { echo "  $1/$probe: not one of open|refused|timeout|unreachable"; bad=1; }; continue ;;
        reverse_trace) if grep -q '^Tracing route' "$f"; then why=$(parse_one windows "tracert 172.16.0.10" "$f"); else why=$(parse_one linux "traceroute 172.16.0.10" "$f"); fi ;;
        azure_routes) why=$(parse_one azure "az network nic show-effective-route-table -o json" "$f") ;;
        *)
            cmd=$(probe_command "$vendor" "${probe%.2}") || continue
            # A device's own refusal ("% No such neighbor ...") is an answer, not a capture to parse.
            if [ "$(grep -c . "$f")" -eq 1 ] && grep -q '^% ' "$f"; then continue; fi
            why=$(parse_one "$vendor" "$cmd" "$f")
            ;;
        esac
        [ -z "$why" ] || { echo "  $1/$probe: $why"; bad=1; }
    done
    return $bad
}

check_scenario() { # name
    local d=$dir/$1 expect runbook cause device out args
    expect=$(sed -n 's/^; *expect: *//p' "$d/device.ini")
    runbook=${expect%% *}
    cause=${expect#* }
    device=$(sed -n 's/^\[device \(.*\)\]$/\1/p' "$d/device.ini")
    [ -n "$expect" ] && [ -n "$device" ] || { echo "  $1: device.ini lacks '; expect:' or [device NAME]"; return 1; }
    args=(check "$device" --runbook "$runbook" --replay "$d" --json)
    [ -f "$d/reverse_trace.txt" ] && args+=(--reverse-trace "$d/reverse_trace.txt")
    [ -f "$d/azure_routes.json" ] && args+=(--azure-routes "$d/azure_routes.json")
    out=$("$erdiag" "${args[@]}" 2>"$dir/.stderr.$$") # stderr lists what could not be collected
    rm -f "$dir/.stderr.$$"
    printf '%s' "$out" | python3 -c '
import json, sys
name, want = sys.argv[1], sys.argv[2]
text = sys.stdin.read()
try:
    j = json.loads(text)
except ValueError:
    print("  %s: no JSON from erdiag check: %s" % (name, text.strip()[:300])); sys.exit(1)
root = j.get("root_cause") or {}
got = root.get("cause") or "none"
if got != want:
    causes = ", ".join(c.get("cause", "?") for c in j.get("causes", []))
    print("  %s: root cause %s, expected %s (status %s; causes: %s; finding: %s)"
          % (name, got, want, j.get("status"), causes or "-", root.get("finding", "-")))
    sys.exit(1)
steps = {st.get("id"): st for st in j.get("steps", [])}
bad = []
for line in open(sys.argv[3]):
    if line.startswith("; expect-step:"):
        want_step, _, fragment = line.split(":", 1)[1].partition("|")
        words = want_step.split()
        st = steps.get(words[0]) or {}
        have = [st.get("verdict"), st.get("cause")][: len(words) - 1]
        if have != words[1:] or fragment.strip() not in (st.get("finding") or ""):
            bad.append("step %s is %s %s, expected %s with \"%s\": %s" % (words[0], st.get("verdict"), st.get("cause"),
                       " ".join(words[1:]), fragment.strip(), st.get("finding")))
    elif line.startswith("; expect-absent:"):
        named = [st.get("id") for st in steps.values() if st.get("cause") in line.split(":", 1)[1].split()]
        if named:
            bad.append("steps %s name a cause expected absent (%s)" % (", ".join(named), line.split(":", 1)[1].strip()))
for b in bad:
    print("  %s: %s" % (name, b))
sys.exit(1 if bad else 0)
' "$1" "$cause" "$d/device.ini"
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for d in "$dir"/*/; do
        [ -f "$d/device.ini" ] && names+=("$(basename "$d")")
    done
fi
pass=0
fail=0
for n in "${names[@]}"; do
    if [ ! -f "$dir/$n/device.ini" ]; then
        echo "  $n: no such scenario"
        fail=$((fail + 1))
        continue
    fi
    if "${mode}_scenario" "$n"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "scenarios: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
