#!/bin/bash
# fleet.sh: `erdiag check` on 50 devices at once.  Four SSH simulators (tests/sim/devsim: IOS
# healthy, IOS MD5 mismatch, NX-OS interface down, EOS inbound filter) answer 45 inventory
# devices, three devices point at ports where nothing listens, one has a changed host key, and,
# as root, the FRR lab's CE is the 50th (everything then runs on the lab's management host,
# erd-mgmt, which reaches the CE and its own loopback; else a fifth simulated device takes its
# place).  Every device must get a line with the right status and cause, the exit code must be
# the worst status, and the whole run must take at most twice the slowest single device.
# Peak RSS is printed (the README's benchmark: under 64 MiB).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=${ERDIAG:-$top/erdiag}
devsim=$top/tests/sim/devsim
export ERDIAG_LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
[ -x "$erdiag" ] && [ -x "$devsim" ] || { echo "fleet: build erdiag and tests/sim/devsim first"; echo "fleet: 0 passed, 1 failed"; exit 1; }
work=$(mktemp -d /tmp/erdiag-fleet.XXXXXX)
export XDG_STATE_HOME=$work/state HOME=$work/home
mkdir -p "$HOME"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

ns=()
lab=no
if [ "${ERDIAG_REAL_UID:-$(id -u)}" -eq 0 ] && bash "$top/tests/lab/frr-lab.sh" start >"$work/lab.log" 2>&1; then
    lab=yes
    ns=(ip netns exec erd-mgmt)
fi
run() { "${ns[@]}" "$@"; }

base=$((20000 + RANDOM % 20000))
sims=(healthy-ios:ios md5-mismatch-ios:ios interface-down-nxos:nxos inbound-filter-eos:eos)
for i in "${!sims[@]}"; do
    sc=${sims[$i]%%:*} vendor=${sims[$i]##*:}
    run "$devsim" --port $((base + i)) --vendor "$vendor" --hostname "sim$i" --dir "$top/scenarios/$sc" \
        --hostkey "$work/key$i" >>"$work/devsim.log" 2>&1 &
    pids+=($!)
done
for i in "${!sims[@]}"; do
    for _ in $(seq 50); do run bash -c "exec 3<>/dev/tcp/127.0.0.1/$((base + i))" 2>/dev/null && break; sleep 0.1; done
done

# device NAME SCENARIO PORT [KNOWN_HOSTS]: the scenario's circuit as a device on PORT (dev01 to
# dev04, one of each kind, are also in the group "pilot").
device() {
    sed -n '/^\[device/,$p' "$top/scenarios/$2/device.ini" | grep -vE '^(host|port|user|known_hosts|timeout) *=' |
        sed -e "s/^\[device .*\]/[device $1]/" >>"$work/inventory.ini"
    printf 'host = 127.0.0.1\nport = %s\nuser = noc\npassword_command = echo noc\nknown_hosts = %s\ntimeout = 10\n' \
        "$3" "${4:-$work/known_hosts}" >>"$work/inventory.ini"
    case $1 in dev0[1-4]) echo "group = pilot" >>"$work/inventory.ini" ;; esac
    echo >>"$work/inventory.ini"
}
printf '[group pilot]\noperator = pilot-team\n\n' >"$work/inventory.ini"
want=()
for n in $(seq 1 45); do
    i=$(((n - 1) % 4))
    device "dev$(printf %02d "$n")" "${sims[$i]%%:*}" $((base + i))
done
for n in 46 47 48; do device "dead$n" healthy-ios $((base + 100 + n)); done
# dev49: the simulator's key changed since it was saved (another key in its known_hosts)
ssh-keygen -q -t ed25519 -N '' -f "$work/otherkey" >/dev/null
printf '[127.0.0.1]:%s %s\n' $((base + 0)) "$(cut -d' ' -f1,2 "$work/otherkey.pub")" >"$work/known_hosts.changed"
device dev49 healthy-ios $((base + 0)) "$work/known_hosts.changed"
if [ $lab = yes ]; then
    # shellcheck source=tests/lab/lab-device.sh
    source "$top/tests/lab/lab-device.sh"
    lab_device lab-ce 10.99.0.1 "$work/known_hosts" >>"$work/inventory.ini"
else
    device dev50 healthy-ios $((base + 0))
fi
chmod 600 "$work/inventory.ini"

# The slowest single device: each kind alone (the lab CE when there is one).
slowest=0
singles=(dev01 dev02 dev03 dev04)
[ $lab = yes ] && singles+=(lab-ce)
for d in "${singles[@]}"; do
    s=$(date +%s%N)
    run "$erdiag" check "$d" --runbook bgp --inventory "$work/inventory.ini" --accept-new --interval 1 >/dev/null 2>&1
    t=$((($(date +%s%N) - s) / 1000000))
    [ $t -gt $slowest ] && slowest=$t
done
echo "     slowest single device: $slowest ms"

s=$(date +%s%N)
run /usr/bin/time -f '%M' -o "$work/rss" "$erdiag" check --all --runbook bgp --inventory "$work/inventory.ini" \
    --accept-new --interval 1 --parallel 16 >"$work/out.txt" 2>"$work/err.txt"
rc=$?
fleet_ms=$((($(date +%s%N) - s) / 1000000))
rss_kib=$(tail -1 "$work/rss")
echo "     50 devices at once: $fleet_ms ms, peak RSS $((rss_kib / 1024)) MiB (exit $rc)"

lines=$(grep -cE '^(OK|WARNING|CRITICAL|UNKNOWN) ' "$work/out.txt")
[ "$lines" -eq 50 ] && ok "every device gets a line (50)" || { bad "every device gets a line: $lines"; cat "$work/out.txt" "$work/err.txt" | head -30; }
[ "$rc" -eq 2 ] && ok "exit 2: the worst status (CRITICAL)" || bad "exit $rc, want 2"
head -2 "$work/out.txt" | tail -1 | grep -q '^CRITICAL' && ok "worst first" || bad "worst first: $(head -2 "$work/out.txt")"
[ "$(grep -cE '^CRITICAL +dev[0-9]+ .* md5_mismatch ' "$work/out.txt")" -eq 11 ] && ok "the 11 MD5 devices: CRITICAL md5_mismatch" || bad "md5 devices"
[ "$(grep -cE '^CRITICAL +dev[0-9]+ .* link_down ' "$work/out.txt")" -eq 11 ] && ok "the 11 NX-OS devices: CRITICAL link_down" || bad "nxos devices"
[ "$(grep -cE ' inbound_filter ' "$work/out.txt")" -eq 11 ] && ok "the 11 EOS devices: inbound_filter" || bad "eos devices"
[ "$(grep -cE '^UNKNOWN +dead4[678] .*device_unreachable .*(refused|connect)' "$work/out.txt")" -eq 3 ] &&
    ok "the 3 unreachable devices: UNKNOWN, the error in words" || bad "unreachable devices: $(grep dead "$work/out.txt")"
grep -qE '^UNKNOWN +dev49 .*CHANGED' "$work/out.txt" && ok "the changed host key: UNKNOWN, refused, said" || bad "changed key: $(grep dev49 "$work/out.txt")"
if [ $lab = yes ]; then
    grep -qE '^(OK|WARNING) +lab-ce ' "$work/out.txt" && ok "the lab CE: healthy" || bad "lab CE: $(grep lab-ce "$work/out.txt")"
fi
[ "$fleet_ms" -le $((2 * slowest)) ] && ok "50 devices within 2x the slowest single ($fleet_ms <= 2 x $slowest ms)" ||
    bad "50 devices took $fleet_ms ms, more than 2 x $slowest ms"
[ "$rss_kib" -lt $((64 * 1024)) ] && ok "peak RSS under 64 MiB ($((rss_kib / 1024)) MiB)" || bad "peak RSS $((rss_kib / 1024)) MiB"

run "$erdiag" check --group pilot --runbook bgp --inventory "$work/inventory.ini" --accept-new --interval 1 >"$work/group.txt" 2>&1
[ "$(grep -cE '^(OK|WARNING|CRITICAL|UNKNOWN) +dev0[1-4] ' "$work/group.txt")" -eq 4 ] && [ "$(grep -cE '^(OK|WARNING|CRITICAL|UNKNOWN) ' "$work/group.txt")" -eq 4 ] &&
    ok "--group pilot: its 4 members, and only them" || bad "--group pilot: $(cat "$work/group.txt")"

run "$erdiag" check dev01 dev02 dead46 --runbook bgp --inventory "$work/inventory.ini" --accept-new --interval 1 --json \
    >"$work/out.json" 2>/dev/null
python3 - "$work/out.json" <<'PY' && ok "--json: one verdict per line, then a summary" || bad "--json lines"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 4, len(lines)
assert [l["device"] for l in lines[:3]] == ["dev02", "dead46", "dev01"], [l.get("device") for l in lines]
s = lines[3]["summary"]
assert s["devices"] == 3 and s["status"] == "CRITICAL" and s["unknown"] == 1 and s["ok"] == 1, s
PY

echo "fleet: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
