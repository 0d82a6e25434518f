#!/bin/bash
# erdiag against the live FRR lab (tests/lab/frr-lab.sh): from the on-prem console host
# (namespace erd-onprem) over SSH to erd-ce, whose login shell is vtysh.  Every BGP-runbook
# probe is run and its parsed values asserted: the peer is Established, its AS is 12076, the /30
# matches, the timers are 60/180, MD5 and BFD are on, the Azure prefixes are learned.  Then the
# circuit's secondary link (issue 11): what each link advertises and accepts, as the circuit
# step reads it, and each circuit fault of tests/lab/faults.sh injected live, seen, and cleared.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
lab=$top/tests/lab/frr-lab.sh
export ERDIAG_LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
[ "${ERDIAG_REAL_UID:-$(id -u)}" -eq 0 ] || { echo "frr-lab: needs root (network namespaces); skipped"; exit 0; }
work=$(mktemp -d /tmp/erdiag-labtest.XXXXXX)
trap 'rm -rf "$work"' EXIT
bash "$lab" start >"$work/lab.log" 2>&1 || { cat "$work/lab.log"; exit 1; }

cat >"$work/inventory.ini" <<INI
[device erd-ce]
host = 172.16.0.1
user = erdiag-lab
vendor = frr
identity = $ERDIAG_LAB_DIR/ssh/client_ed25519
known_hosts = $work/known_hosts
timeout = 20
subnet = 192.168.100.128/30
local_ip = 192.168.100.129
peer_ip = 192.168.100.130
local_as = 65010
md5 = yes
bfd = yes
INI
sed -e 's/^\[device erd-ce\]/[device erd-ce-exec]/' "$work/inventory.ini" >"$work/exec.ini"
echo "exec = yes" >>"$work/exec.ini"
cat "$work/exec.ini" >>"$work/inventory.ini"
chmod 600 "$work/inventory.ini"
onprem() { ip netns exec erd-onprem "$@"; }
run() { onprem "$top/erdiag" run --inventory "$work/inventory.ini" erd-ce "$@"; }
fails=0
checks=0

# check NAME PYTHON-EXPRESSION: evaluated with d = the parsed JSON object on stdin
check() {
    local name=$1 expr=$2 json=$3
    checks=$((checks + 1))
    if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" "$json" 2>"$work/py.err"; then
        echo "ok   $name"
    else
        echo "FAIL $name: $(head -c 600 "$json") $(cat "$work/py.err")"
        fails=$((fails + 1))
    fi
}

probe() { # probe FILE COMMAND: one command's parsed JSON into FILE
    run "$2" --json --accept-new >"$work/$1.json" 2>"$work/$1.err" || {
        echo "FAIL $2: $(cat "$work/$1.err")"
        fails=$((fails + 1))
    }
}

probe summary "show bgp summary"
check "summary: peer Established, AS 12076" \
    'any(n["peer"]=="192.168.100.130" and n["state"]=="Established" and n["remote_as"]==12076 for n in d["neighbors"]) and d["local_as"]==65010' \
    "$work/summary.json"
probe neighbor "show bgp neighbors 192.168.100.130"
check "neighbor: timers 60/180, md5, bfd, local .129" \
    '(lambda n: n["hold_time"]==180 and n["keepalive"]==60 and n["md5"] and n["bfd"] and n["local_address"]=="192.168.100.129" and 179 in (n.get("remote_port"), n.get("local_port")))(d["neighbors"][0])' \
    "$work/neighbor.json"
probe config "show running-config"
check "config: remote-as 12076, password seen as md5 only" \
    'any(n["peer"]=="192.168.100.130" and n["remote_as"]==12076 and n["md5"] for n in d["neighbors"]) and "erdiag-lab-secret" not in json.dumps(d)' \
    "$work/config.json"
probe iface "show interface veth-ce"
check "interface: veth-ce up with 192.168.100.129/30" \
    '(lambda f: f["oper_status"]=="up" and "192.168.100.129/30" in f["ipv4"])(d["interfaces"][0])' "$work/iface.json"
probe route "show ip route 10.1.0.4"
check "route: 10.1.0.0/16 via 192.168.100.130 from BGP" \
    'any(r["prefix"]=="10.1.0.0/16" and r["protocol"]=="bgp" and r["next_hops"][0]["address"]=="192.168.100.130" for r in d["routes"])' \
    "$work/route.json"
probe bgp "show bgp ipv4 unicast 10.1.0.0/16"
check "bgp path: AS path 12076, best" \
    'any(p["as_path"]=="12076" and p.get("best") for p in d["routes"])' "$work/bgp.json"
probe plist "show ip prefix-list"
check "prefix-list FROM-MSEE permits 10.0.0.0/8 ge 16 le 24" \
    'any(e["name"]=="FROM-MSEE" and e["action"]=="permit" and e["prefix"]=="10.0.0.0/8" and e["ge"]==16 and e["le"]==24 for e in d["entries"])' \
    "$work/plist.json"
probe rmap "show route-map"
check "route-map RM-MSEE-IN permit 10 matches FROM-MSEE" \
    'any(e["name"]=="RM-MSEE-IN" and e["seq"]==10 and e["action"]=="permit" for e in d["entries"])' "$work/rmap.json"
probe bfd "show bfd peers"
check "bfd: peer 192.168.100.130 up" \
    'any(s["peer"]=="192.168.100.130" and s["state"]=="up" for s in d["sessions"])' "$work/bfd.json"
probe sjson "show bgp summary json"
check "summary json agrees with text" \
    'any(n["peer"]=="192.168.100.130" and n["state"]=="Established" and n["remote_as"]==12076 for n in d["neighbors"])' \
    "$work/sjson.json"
run_exec() { onprem "$top/erdiag" run --inventory "$work/inventory.ini" erd-ce-exec "$@"; }
run_exec "show bgp summary" --json >"$work/exec.json" 2>"$work/exec.err" || cat "$work/exec.err"
check "exec-channel mode (vtysh -c) reads the same session" \
    'any(n["peer"]=="192.168.100.130" and n["state"]=="Established" for n in d["neighbors"])' "$work/exec.json"
# A raw answer on screen and a recording never hold the BGP password.
run "show running-config" --record "$work/rec" >"$work/raw.txt" 2>&1
checks=$((checks + 1))
if grep -q 'erdiag-lab-secret' "$work/raw.txt" "$work/rec"/*; then
    echo "FAIL the secret reached the screen or the recording"; fails=$((fails + 1))
elif grep -q 'password <redacted>' "$work/raw.txt" && grep -q "password <redacted>" "$work/rec"/bgp_config.txt; then
    echo "ok   secrets redacted on screen and in recordings"
else
    echo "FAIL no redacted password line"; fails=$((fails + 1))
fi
# The allowlist holds on a live session too.
checks=$((checks + 1))
if run "configure terminal" >/dev/null 2>&1; then echo "FAIL configure terminal was allowed"; fails=$((fails + 1)); else echo "ok   configure terminal refused"; fi

# ---- the circuit: both links, and its faults injected live -----------------------------------
adv() { echo "show bgp ipv4 unicast neighbors $1 advertised-routes"; }
probe summary2 "show bgp summary"
check "summary: the secondary 192.168.100.134 Established too" \
    'sum(n["peer"] in ("192.168.100.130", "192.168.100.134") and n["state"]=="Established" for n in d["neighbors"])==2' \
    "$work/summary2.json"
probe adv1 "$(adv 192.168.100.130)"
check "advertised to the primary: 172.16.0.0/16, one prepend (FRR shows no AS eBGP adds)" \
    'any(r["prefix"]=="172.16.0.0/16" and r["as_path"]=="65010" for r in d["routes"])' "$work/adv1.json"
probe adv2 "$(adv 192.168.100.134)"
check "advertised to the secondary: three prepends" \
    'any(r["prefix"]=="172.16.0.0/16" and r["as_path"]=="65010 65010 65010" for r in d["routes"])' "$work/adv2.json"
probe rcv2 "show bgp ipv4 unicast neighbors 192.168.100.134 routes"
check "accepted from the secondary: 10.1.0.0/16 with local preference 50" \
    'any(r["prefix"]=="10.1.0.0/16" and r.get("local_pref")==50 for r in d["routes"])' "$work/rcv2.json"
probe look "show bgp ipv4 unicast 10.1.0.4"
check "lookup: the primary's path (200) best, the secondary's (50) not" \
    'any(p["next_hop"]=="192.168.100.130" and p["local_pref"]==200 and p.get("best") for p in d["routes"]) and any(p["next_hop"]=="192.168.100.134" and p["local_pref"]==50 and not p.get("best") for p in d["routes"])' \
    "$work/look.json"

faults=$top/tests/lab/faults.sh
# circuit_fault FAULT FILE COMMAND NAME PYTHON: inject, read COMMAND's answer, check it, clear.
circuit_fault() {
    local f=$1 file=$2 cmd=$3 name=$4 expr=$5
    if ! bash "$faults" inject "$f" >"$work/$f.log" 2>&1; then
        checks=$((checks + 1)); fails=$((fails + 1))
        echo "FAIL $f: not injected: $(tail -3 "$work/$f.log")"; return
    fi
    probe "$file" "$cmd"
    check "$f: $name" "$expr" "$work/$file.json"
    checks=$((checks + 1))
    if bash "$faults" clear "$f" >>"$work/$f.log" 2>&1; then echo "ok   $f: cleared"
    else echo "FAIL $f: not cleared: $(tail -3 "$work/$f.log")"; fails=$((fails + 1)); fi
}
circuit_fault secondary-down sd "show bgp summary" "the secondary down, the primary Established" \
    'any(n["peer"]=="192.168.100.134" and n["state"]!="Established" for n in d["neighbors"]) and any(n["peer"]=="192.168.100.130" and n["state"]=="Established" for n in d["neighbors"])'
circuit_fault advertise-one-link aol "$(adv 192.168.100.134)" "nothing advertised to the secondary" \
    'not any(r["prefix"]=="172.16.0.0/16" for r in d["routes"])'
circuit_fault prepend-wrong pw "$(adv 192.168.100.130)" "four prepends toward the primary" \
    'any(r["prefix"]=="172.16.0.0/16" and r["as_path"]=="65010 65010 65010 65010" for r in d["routes"])'
probe adv2b "$(adv 192.168.100.134)"
check "after the faults: the secondary's three prepends are back" \
    'any(r["prefix"]=="172.16.0.0/16" and r["as_path"]=="65010 65010 65010" for r in d["routes"])' "$work/adv2b.json"

echo "frr-lab: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
