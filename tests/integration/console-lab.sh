#!/bin/bash
# console-lab.sh: the console against the live FRR lab, driven in tmux as an engineer would.
# The console runs on the management host (namespace erd-mgmt), whose own path to the MSEE
# does not cross the CE, and talks SSH to erd-ce:
#   - the unknown host key is shown with its fingerprint and accepted "always" (then saved);
#   - the healthy lab: every step PASSes and the header says OK or WARNING;
#   - an MD5 mismatch injected live (tests/lab/faults.sh): without a key pressed, the next polls
#     turn a step to FAIL with the cause md5_mismatch (FRR logs no BADAUTH, so it is the session
#     step, from "Connect, no NOTIFICATION, a key configured"), with its evidence on screen;
#   - the fault cleared: the session step PASSes again;
#   - q quits.
# Root only (network namespaces); anyone else gets a message and exit 0.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
lab=$top/tests/lab/frr-lab.sh
faults=$top/tests/lab/faults.sh
export ERDIAG_LAB_DIR=${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}
erdiag=${ERDIAG:-$top/erdiag}
[ "${ERDIAG_REAL_UID:-$(id -u)}" -eq 0 ] || { echo "console-lab: needs root (network namespaces); skipped"; exit 0; }
command -v tmux >/dev/null || { echo "console-lab: tmux is not installed (scripts/deps.txt)"; echo "console-lab: 0 passed, 1 failed"; exit 1; }
[ -x "$erdiag" ] || { echo "console-lab: $erdiag is not built"; echo "console-lab: 0 passed, 1 failed"; exit 1; }
# shellcheck source=tests/integration/tui-lib.sh
source "$top/tests/integration/tui-lib.sh"

work=$(mktemp -d /tmp/erdiag-console-lab.XXXXXX)
export HOME=$work/home
mkdir -p "$HOME"
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { # check NAME COMMAND...: passes when COMMAND succeeds
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
cleanup() {
    tui_stop 2>/dev/null
    bash "$faults" clear md5 >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

bash "$lab" start >"$work/lab.log" 2>&1 || {
    cat "$work/lab.log"
    echo "console-lab: 0 passed, 1 failed"
    exit 1
}

# shellcheck source=tests/lab/lab-device.sh
source "$top/tests/lab/lab-device.sh"
{
    lab_device erd-ce 10.99.0.1 "$work/known_hosts"
    echo "circuit = er-lab-01"
} >"$work/inventory.ini"
chmod 600 "$work/inventory.ini"

# The session step's line in the runbook pane.
session_is() { tui_wait "$1    Session state" "$2"; }

tui_start lab 120 40 "$(command -v ip)" netns exec erd-mgmt "$erdiag" erd-ce --inventory "$work/inventory.ini" --interval 3
check "unknown host key: asked, with its SHA256 fingerprint" eval 'tui_wait "Unknown host key" 30 && tui_wait "SHA256:" 1'
tui_keys a
check "Always: the key is saved" eval 'for _ in $(seq 100); do [ -s "$work/known_hosts" ] && break; sleep 0.1; done;
    [ -s "$work/known_hosts" ]'
check "healthy lab: the session step PASSes" session_is PASS 60
check "healthy lab: no step FAILs, the header says OK or WARNING" eval '! tui_screen | grep -q "FAIL  " &&
    tui_screen | head -1 | grep -Eq "OK|WARNING"'

if bash "$faults" inject md5 >"$work/inject.log" 2>&1; then
    check "md5 injected live: the console turns a step to FAIL (md5_mismatch) by itself" \
        tui_wait "(md5_mismatch)" 90
    check "the header says CRITICAL" eval 'tui_screen | head -1 | grep -q CRITICAL'
    check "the deciding evidence is on screen (the neighbor's state, under its command)" \
        eval 'tui_screen | grep -q "show bgp neighbors 192.168.100.130" && tui_screen | grep -Eq "BGP state = (Connect|Active)"'
    check "the secret itself is not" eval '! tui_screen | grep -q "erdiag-lab-secret"'
else
    bad "md5: inject failed: $(tail -3 "$work/inject.log")"
fi
bash "$faults" clear md5 >"$work/clear.log" 2>&1 || bad "md5: clear failed: $(tail -3 "$work/clear.log")"
tui_keys r
check "fault cleared: the session step PASSes again" session_is PASS 120
tui_keys q
tui_wait "Quit anyway?" 2 >/dev/null 2>&1 && tui_keys y
gone() {
    for _ in $(seq 50); do
        tmux -L "$TUI_SOCKET" has-session -t lab 2>/dev/null || return 0
        sleep 0.1
    done
    return 1
}
check "q quits" gone

echo "console-lab: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
