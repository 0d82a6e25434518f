#!/bin/bash
# The bundled replay scenarios (scenarios/*/): `erdiag check` must name each one's root cause
# first.  The expectation lives in the scenario itself, as a comment line of its device.ini:
#     ; expect: bgp peer_as_mismatch
# (runbook, then the cause code; "none" for a healthy circuit).  More comment lines assert more:
#     ; absent: tcp179_blocked session_down   no step reports these causes (symptoms of the root)
#     ; follows: tcp179 md5_mismatch          that step's result follows from that cause
#     ; merged: peer_as_mismatch bgp_config session
#                                             the cause is listed once, found by these steps,
#                                             with an evidence line from each
#     ; says: arp never sends an ARP request  that step's finding holds these words
# In every scenario each cause is listed once.
# Optional lines say what the root cause's step must suggest, filled from the evidence:
#     ; expect-next: set protocols bgp group MSEE neighbor 192.168.100.130 peer-as 12076
#     ; expect-note: Held back while the session is Established
# (a next line equal to the text, indentation aside; a note holding it).  Every scenario's
# remedies are checked too: nothing of {...} left, <...> only for what erdiag cannot know, next
# lines only lines to type (no prose, no Azure or shell line), "disruptive" indexes into next
# and never 0 on a WARN.
#     ; expect-status: OK WARNING        the status must be one of these
#     ; expect-partial: interfaces       these captures hold lines no parser knows (on purpose):
#                                        --parse wants them partial, every other one clean
#     ; expect-step: tcp179 FAIL tcp179_blocked | a fragment of the finding
#     ; expect-absent: md5_mismatch tcp179_refused      (no step names these causes)
#     ; expect-family: ipv6              judge the IPv6 peering (--family ipv6; default ipv4): every
#                                        step must say it judged that family
#     ; expect-ipv4: none                a dual-stack scenario's IPv4 root cause (a second run)
#
# A circuit's directory (scenarios/circuit-NAME/, with a circuit.ini) holds one scenario per link,
# primary/ and secondary/, each checked like any other (NAME/primary); the circuit step itself is
# tests/framework/test_circuit.c.
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
    local peer=192.168.100.130 vm=10.1.0.4 src=172.16.0.10 peer6=2001:db8:c0de::2
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
    ios:bgp_advertised | nxos:bgp_advertised | eos:bgp_advertised) echo "show ip bgp neighbors $peer advertised-routes" ;;
    iosxr:bgp_advertised) echo "show bgp neighbors $peer advertised-routes" ;;
    junos:bgp_advertised) echo "show route advertising-protocol bgp $peer" ;;
    frr:bgp_advertised) echo "show bgp ipv4 unicast neighbors $peer advertised-routes" ;;
    ios:bgp_received | nxos:bgp_received) echo "show ip bgp neighbors $peer routes" ;;
    iosxr:bgp_received) echo "show bgp neighbors $peer routes" ;;
    eos:bgp_received) echo "show ip bgp neighbors $peer received-routes" ;;
    junos:bgp_received) echo "show route receive-protocol bgp $peer" ;;
    frr:bgp_received) echo "show bgp ipv4 unicast neighbors $peer routes" ;;
    # the IPv6 peering's answers (<probe>_v6.txt; probes/vendor_*.c probes6)
    ios:ip_brief_v6) echo "show ipv6 interface brief" ;;
    ios:arp_v6) echo "show ipv6 neighbors $peer6" ;;
    ios:bgp_summary_v6) echo "show bgp ipv6 unicast summary" ;;
    ios:bgp_neighbor_v6) echo "show bgp ipv6 unicast neighbors $peer6" ;;
    ios:prefix_lists_v6 | frr:prefix_lists_v6) echo "show ipv6 prefix-list" ;;
    ios:tcp_179_v6) echo "telnet $peer6 179" ;;
    frr:bgp_summary_v6) echo "show bgp ipv6 unicast summary" ;;
    frr:bgp_neighbor_v6) echo "show bgp neighbors $peer6" ;;
    frr:ip_brief_v6) echo "show interface brief" ;;
    *:version) echo "show version" ;;
    *:ping) echo "ping $peer" ;;
    *) return 1 ;; # log_auth, nxos telnet: raw text only, no parser
    esac
}

# The probe a file of a sequence answers: "interfaces.3" -> "interfaces" (poll 3 of it).
poll_probe() { # name-without-.txt
    if [[ "$1" =~ ^(.*)\.[1-9][0-9]*$ ]]; then echo "${BASH_REMATCH[1]}"; else echo "$1"; fi
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
    local d=$dir/$1 vendor f probe cmd why bad=0 partial
    vendor=$(sed -n 's/^vendor *= *//p' "$d/device.ini")
    partial=" $(sed -n 's/^; *expect-partial: *//p' "$d/device.ini") "
    for f in "$d"/*.txt "$d"/*.json; do
        probe=$(basename "$f")
        probe=${probe%.*}
        case "$probe" in
        tcp_console | tcp_console_v6) grep -qxE 'open|refused|timeout|unreachable' "$f" || { echo "  $1/$probe: not one of open|refused|timeout|unreachable"; bad=1; }; continue ;;
        reverse_trace) if grep -q '^Tracing route' "$f"; then why=$(parse_one windows "tracert 172.16.0.10" "$f"); else why=$(parse_one linux "traceroute 172.16.0.10" "$f"); fi ;;
        azure_routes) why=$(parse_one azure "az network nic show-effective-route-table -o json" "$f") ;;
        *)
            cmd=$(probe_command "$vendor" "$(poll_probe "$probe")") || continue
            # A device's own refusal ("% No such neighbor ...") is an answer, not a capture to parse.
            if [ "$(grep -c . "$f")" -eq 1 ] && grep -q '^% ' "$f"; then continue; fi
            why=$(parse_one "$vendor" "$cmd" "$f")
            if [[ "$partial" == *" $probe "* ]]; then
                case "$why" in partial:*) why= ;; *) why="expected partial (expect-partial), got: ${why:-clean}" ;; esac
            fi
            ;;
        esac
        [ -z "$why" ] || { echo "  $1/$probe: $why"; bad=1; }
    done
    return $bad
}

check_scenario() { # name
    local d=$dir/$1 expect runbook cause device out args text
    expect=$(sed -n 's/^; *expect: *//p' "$d/device.ini")
    status=$(sed -n 's/^; *expect-status: *//p' "$d/device.ini")
    runbook=${expect%% *}
    cause=${expect#* }
    device=$(sed -n 's/^\[device \(.*\)\]$/\1/p' "$d/device.ini")
    [ -n "$expect" ] && [ -n "$device" ] || { echo "  $1: device.ini lacks '; expect:' or [device NAME]"; return 1; }
    family=$(sed -n 's/^; *expect-family: *//p' "$d/device.ini")
    family=${family:-ipv4}
    args=(check "$device" --runbook "$runbook" --replay "$d" --family "$family")
    [ -f "$d/reverse_trace.txt" ] && args+=(--reverse-trace "$d/reverse_trace.txt")
    [ -f "$d/azure_routes.json" ] && args+=(--azure-routes "$d/azure_routes.json")
    out=$("$erdiag" "${args[@]}" --json 2>"$dir/.stderr.$$") # stderr lists what could not be collected
    rm -f "$dir/.stderr.$$"
    # The text run's first line is the monitoring-plugin status line of the same verdict.
    text=$("$erdiag" "${args[@]}" 2>/dev/null | sed -n 1p)
    printf '%s' "$out" | python3 -c "$check_py" "$1" "$cause" "$d/device.ini" "$text" "$family" || return 1
    local v4 got
    v4=$(sed -n 's/^; *expect-ipv4: *//p' "$d/device.ini")
    [ -n "$v4" ] || return 0
    got=$("$erdiag" check "$device" --runbook "$runbook" --replay "$d" --family ipv4 --json 2>/dev/null |
        python3 -c 'import json, sys; j = json.load(sys.stdin); print((j.get("root_cause") or {}).get("cause") or "none", j.get("family"))')
    [ "$got" = "$v4 ipv4" ] || { echo "  $1: the IPv4 peering: root cause/family $got, expected $v4 ipv4"; return 1; }
}

# Reads erdiag check --json on stdin; argv: name, expected root cause, the device.ini, line 1 of
# the text output.
check_py='
import json, re, sys
name, want, ini, line1, family = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
# What erdiag cannot know (tests/test_remedies.c keeps the same list).
UNKNOWABLE = {"shared-key", "summary-prefix", "summary-address", "summary-mask", "limit", "seq", "rg", "nic",
              "route-table", "udr-name", "s-tag", "c-tag", "acl", "on-prem-prefix", "on-prem-mask", "lo0-filter",
              "discard-term", "nft-table", "ce-address", "route-filter", "region", "community"}
def remedy_problems(j):
    out = []
    for s in j["steps"]:
        for line in s["next"] + s["note"]:
            if "{" in line or "}" in line:
                out.append("%s: placeholder not filled: %s" % (s["id"], line))
            for ph in re.findall(r"<([^<>]*)>", line):
                if ph not in UNKNOWABLE:
                    out.append("%s: <%s> left in: %s" % (s["id"], ph, line))
        for line in s["next"]:
            t = line.lstrip(" ")
            if not re.match(r"[a-z<]", t) or t.startswith("shell") or "Azure" in t or t.endswith("."):
                out.append("%s: not a line to type: %s" % (s["id"], line))
        if any(not 0 <= i < len(s["next"]) for i in s["disruptive"]):
            out.append("%s: disruptive %s outside next" % (s["id"], s["disruptive"]))
        if s["verdict"] == "WARN" and 0 in s["disruptive"]:
            out.append("%s: a WARN whose first suggestion is disruptive: %s" % (s["id"], s["next"][0]))
    return out
text = sys.stdin.read()
try:
    j = json.loads(text)
except ValueError:
    print("  %s: no JSON from erdiag check: %s" % (name, text.strip()[:300])); sys.exit(1)
root = j.get("root_cause") or {}
got = root.get("cause") or "none"
causes = [c.get("cause", "?") for c in j.get("causes", [])]
steps = {s.get("id"): s for s in j.get("steps", [])}
bad = []
if j.get("family") != family or any(s.get("family") != family for s in j.get("steps", [])):
    bad.append("judged family %s, expected %s on every step" % (j.get("family"), family))
if got != want:
    bad.append("root cause %s, expected %s (status %s; causes: %s; finding: %s)"
               % (got, want, j.get("status"), ", ".join(causes) or "-", root.get("finding", "-")))
for c in set(causes):
    if causes.count(c) > 1:
        bad.append("cause %s listed %d times" % (c, causes.count(c)))
for line in open(ini):
    key, _, rest = line.lstrip("; ").partition(":")
    if not line.startswith(";") or key not in ("absent", "follows", "merged", "says"):
        continue
    words = rest.split()
    if key == "absent":
        for c in words:
            seen = [s for s in steps if steps[s].get("cause") == c]
            if c in causes or seen:
                bad.append("symptom cause %s reported (%s)" % (c, ", ".join(seen) or "causes"))
    elif key == "follows":
        s = steps.get(words[0], {})
        if s.get("cause") != words[1] or not s.get("follows"):
            bad.append("step %s should follow from %s: cause %s, follows %s"
                       % (words[0], words[1], s.get("cause"), s.get("follows")))
    elif key == "merged":
        c = [x for x in j.get("causes", []) if x.get("cause") == words[0]]
        if len(c) != 1 or sorted(c[0].get("steps", [])) != sorted(words[1:]) or len(c[0].get("evidence", [])) < len(words) - 1:
            bad.append("cause %s should be listed once with steps %s and a line from each: %s"
                       % (words[0], " ".join(words[1:]), json.dumps(c)[:400]))
    elif key == "says":
        finding = steps.get(words[0], {}).get("finding", "")
        if " ".join(words[1:]) not in finding:
            bad.append("step %s does not say \"%s\": %s" % (words[0], " ".join(words[1:]), finding))
# Every cause carries its step verdict; no share is above 100%; line 1 of the text says the
# same status and root cause, with performance data a plugin host parses.
for c in j.get("causes", []):
    if c.get("verdict") not in ("FAIL", "WARN") or c["verdict"] != steps[c["step"]]["verdict"]:
        bad.append("cause %s without its step verdict (%s)" % (c.get("cause"), c.get("verdict")))
over = [p for s in j["steps"] for p in re.findall(r"([0-9.]+)%", s["finding"]) if float(p) > 100]
if over:
    bad.append("shares above 100%%: %s" % over)
m = re.match(r"^(OK|WARNING|CRITICAL|UNKNOWN) - ([a-z0-9_]+) on \S+( \S+)?: [^|]+ \| (.+)$", line1)
perf_ok = m and all(re.match(r"^[A-Za-z0-9_]+=-?[0-9.]+(s|%|c)?(;[-0-9.]*){0,4}$", p) for p in m.group(4).split())
head = want if want != "none" else j["runbook"]
if not perf_ok or m.group(1) != j["status"] or m.group(2) != head:
    bad.append("line 1 is not the plugin line of %s %s: %s" % (j["status"], head, line1))
bad += remedy_problems(j)
statuses = [w for line in open(ini) for w in re.findall(r"^;\s*expect-status:\s*(.*)", line) for w in w.split()]
if statuses and j.get("status") not in statuses:
    skips = "; ".join("%s: %s" % (s.get("id"), s.get("finding")) for s in j.get("steps", []) if s.get("verdict") == "SKIP")
    bad.append("status %s, expected one of %s (skipped: %s)" % (j.get("status"), " ".join(statuses), skips or "-"))
for line in open(ini):
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
step = next((s for s in j["steps"] if s["id"] == root.get("step")), {"next": [], "note": []})
for line in open(ini):
    m = re.match(r";\s*expect-(next|note):\s*(.*\S)", line)
    if m and m.group(1) == "next" and m.group(2) not in [n.strip() for n in step["next"]]:
        bad.append("no next line \"%s\" in %s: %s" % (m.group(2), step.get("id"), step["next"]))
    if m and m.group(1) == "note" and not any(m.group(2) in n for n in step["note"]):
        bad.append("no note with \"%s\" in %s: %s" % (m.group(2), step.get("id"), step["note"]))
for b in bad:
    print("  %s: %s" % (name, b))
sys.exit(1 if bad else 0)
'

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for d in "$dir"/*/; do
        [ -f "$d/device.ini" ] && names+=("$(basename "$d")")
        # A circuit (circuit.ini): each link is a scenario of its own, judged by its runbook.
        if [ -f "$d/circuit.ini" ]; then
            for l in primary secondary; do names+=("$(basename "$d")/$l"); done
        fi
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
