#!/bin/bash
# The console end to end, in tmux (tests/integration/tui-lib.sh), as a person sees it:
# `erdiag --demo SCENARIO` names the failing step and shows its evidence line for seven
# scenarios; the help overlay lists the keys; `/` finds a line in the raw transcript (redacted);
# resizing to 80x24, 200x60 and below 80x24 leaves no garbage; NO_COLOR and --no-color leave no
# colour escape; q quits at once when nothing is out and asks while probes are out; against the
# SSH simulator (tests/sim/devsim, on loopback): the host key dialog with its SHA256 fingerprint
# (once / always), a password typed without echo, a device whose banner and answers carry
# terminal escapes (none of their effects on screen, the window title unchanged), and a device
# that stalls (keys answered within 50 ms, the stalled probe's seconds counting up).  Run it
# inside tests/sandbox.sh: the console's own TCP test to the peer then stays on this machine.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=$top/erdiag
devsim=$top/tests/sim/devsim
fails=0
checks=0

ok() { checks=$((checks + 1)); echo "ok   $1"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL $1"; }
check() { # check NAME COMMAND...: passes when COMMAND succeeds
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}

command -v tmux >/dev/null || { echo "console: tmux is not installed (scripts/deps.txt): skipped"; exit 0; }
[ -x "$erdiag" ] || make -C "$top" erdiag >/dev/null || exit 1
[ -x "$devsim" ] || make -C "$top" tests/sim/devsim >/dev/null || exit 1
# shellcheck source=tests/integration/tui-lib.sh
source "$top/tests/integration/tui-lib.sh"
work=$(mktemp -d /tmp/erdiag-console.XXXXXX)
export HOME=$work/home
mkdir -p "$HOME"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT # after tui_stop

tmx() { tmux -L "$TUI_SOCKET" "$@"; }
search() { tui_keys / && tui_type "$1" && tui_keys Enter; } # in the raw transcript

# The session ended: the program exited and tmux closed its only window.
gone() {
    for _ in $(seq 40); do
        tmx has-session -t "$TUI_SESSION" 2>/dev/null || return 0
        sleep 0.05
    done
    return 1
}

# No SGR colour parameter (30-38, 40-48, 90-97, 100-107; 39 and 49 are the terminal's own
# colours, which tmux writes as resets) anywhere on the screen.
no_colour() {
    ! tui_screen_escapes | grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m'
}

# ---- the demo: each scenario's failing step and its evidence line, at 120x40 ----
demo_case() { # SCENARIO "VERDICT    TITLE  (cause)" EVIDENCE
    local scenario=$1 head=$2 evidence=$3
    tui_start demo 120 40 "$erdiag" --demo "$scenario"
    if tui_wait "$head" 10 && tui_wait "$evidence" 5 && tui_assert_clean; then
        ok "demo $scenario: '$head' and its evidence line"
    else
        bad "demo $scenario: '$head' / '$evidence'"
    fi
    tui_stop
}
demo_case md5-mismatch-ios "FAIL    BGP configuration  (md5_mismatch)" "neighbor 192.168.100.130 password 7 <redacted>"
demo_case interface-down-nxos "FAIL    Physical layer  (link_down)" "Ethernet1/1 is down (Administratively down)"
demo_case asn-mismatch-junos "FAIL    BGP configuration  (peer_as_mismatch)" "peer-as 12075;"
demo_case tcp179-refused-ios "FAIL    TCP 179  (tcp179_refused)" "% Connection refused by remote host"
demo_case inbound-filter-eos "FAIL    Route filters  (inbound_filter)" "ip prefix-list FROM-MSEE"
demo_case forced-tunneling-ios "FAIL    Azure effective routes  (forced_tunneling)" '"name": "onprem-via-fw",'
demo_case demo-flap-ios "FAIL    Physical layer  (interface_errors)" "input errors, "

# ---- a dual-stack device: the IPv4 peering first, f switches to the IPv6 one ----
tui_start family 120 40 "$erdiag" console ce1-nyc --replay "$top/scenarios/v6-swapped-addresses-ios" --no-journal
check "dual-stack: the header names IPv4, the IPv4 peering passes" eval 'tui_wait "private primary IPv4" 10 &&
    tui_wait "PASS    ARP / neighbor discovery" 5'
tui_keys f
check "f: the IPv6 peering, its swapped /126 found by ND" eval 'tui_wait "private primary IPv6" 10 &&
    tui_wait "FAIL    ARP / neighbor discovery  (address_swapped)" 10 && tui_wait "2001:db8:c0de::2" 3'
tui_keys f
check "f again: back to IPv4" tui_wait "private primary IPv4" 10
tui_keys q
tui_stop

# ---- the demo's picker: every scenario, filtered as you type; Enter opens one ----
tui_start picker 100 30 "$erdiag" --demo
check "demo picker lists the scenarios" tui_wait "demo-healthy-eos" 5
tui_type timers-e
check "typing filters the picker" eval 'tui_wait "filter: timers-e" 3 && tui_wait_gone "md5-mismatch-ios" 3'
tui_keys Enter
check "Enter opens the scenario: timers 30/90 on EOS" tui_wait "WARN    BGP configuration  (timer_mismatch)" 10

# ---- help, search, resize, quit (on the scenario just opened) ----
tui_keys '?'
check "? opens the help overlay listing the keys" eval 'tui_wait "Help: keys" 3 && tui_wait "PgUp, C-b" 1 &&
    tui_wait "S-Tab" 1 && tui_wait "?, F1" 1 && tui_wait "Space" 1'
tui_keys Escape
check "Esc closes the help" tui_wait_gone "Help: keys" 3
search "timers 30"
check "/ finds the line in the raw transcript" eval 'tui_wait "Raw transcript /timers 30" 3 && tui_wait "neighbor 192.168.100.130 timers 30 90" 3'
tui_keys n
check "n: the next match (wrapping)" tui_wait "Raw transcript /timers 30" 3
tui_resize 80 24
check "resized to 80x24: redrawn, no garbage" eval 'tui_wait "Runbook: bgp" 3 && tui_assert_clean'
tui_resize 200 60
check "resized to 200x60: every pane at once, no garbage" eval 'tui_wait "BGP neighbors" 3 && tui_wait "Raw transcript" 3 &&
    tui_wait "Interfaces" 3 && tui_assert_clean'
tui_resize 79 24
check "79x24: too small, said" tui_wait "terminal too small (need 80x24" 3
tui_resize 100 30
check "back to 100x30" eval 'tui_wait "Runbook: bgp" 3 && tui_assert_clean'
tui_keys q
check "q quits at once when no probe is out" gone
tui_stop

# ---- a note on the guided step, a theme change, keys.ini ----
tui_start notes 120 40 "$erdiag" --demo md5-mismatch-ios
tui_wait "FAIL    BGP configuration" 10 >/dev/null
tui_keys a
tui_wait "Add a note" 3 >/dev/null
tui_type "called the carrier, ticket 4711"
tui_keys Enter
check "a: the note goes to the step the guide opened on" tui_wait "note added to step bgp_config" 3
tui_keys Tab End
check "the note is in the step's detail" eval 'tui_wait "Your notes:" 3 && tui_wait "called the carrier, ticket 4711" 1'
# e: the incident report of the session so far, the root cause the screen shows, the note in it
tui_keys e
check "e: the export dialog offers a file in HOME" eval 'tui_wait "Export the incident report" 3 && tui_wait "$HOME/erdiag-ce1-nyc-" 1'
tui_keys C-u
tui_type "$work/incident.md"
tui_keys Enter
check "the report is written and said" tui_wait "incident report written to $work/incident.md" 5
check "its Markdown names the root cause on screen (md5_mismatch, BGP configuration)" eval \
    'tui_screen | grep -q "FAIL    BGP configuration" && grep -q "Root cause:.*md5_mismatch.*bgp_config" "$work/incident.md"'
check "the operator's note is in the report" grep -q "called the carrier, ticket 4711" "$work/incident.md"
check "no secret in the report" eval '! grep -q 094F471A1A0A464058 "$work/incident.md"'
tui_keys t
check "t: the next theme" tui_wait "theme: dark" 3
tui_stop
mkdir -p "$HOME/.config/erdiag"
printf '[keys]\nquit = x\n' >"$HOME/.config/erdiag/keys.ini"
tui_start keys 100 30 "$erdiag" --demo md5-mismatch-ios
tui_wait "FAIL    BGP configuration" 10 >/dev/null
tui_keys x
check "keys.ini: quit bound to x" gone
tui_stop
rm "$HOME/.config/erdiag/keys.ini"

# ---- a session that did not finish (killed): offered once at the next start, reported beside it ----
sessions=$HOME/.local/state/erdiag/sessions
last=$(ls -t "$sessions"/*.jsonl | head -1)
cut=$sessions/erdiag-ce1-nyc-20261201T000000Z-1.jsonl
head -c $(($(stat -c %s "$last") - 30)) "$last" >"$cut"
chmod 600 "$cut"
tui_start unfinished 120 40 "$erdiag" --inventory "$top/scenarios/md5-mismatch-ios/device.ini"
check "at start: the unfinished session is offered" eval 'tui_wait "Unfinished sessions" 5 && tui_wait "did not finish" 1'
tui_keys r
check "Report it: its report is written beside the journal" eval 'tui_wait "incident report written to" 5 &&
    grep -qi "cut short" "${cut%.jsonl}.md"'
tui_stop
tui_start unfinished2 120 40 "$erdiag" --inventory "$top/scenarios/md5-mismatch-ios/device.ini"
check "offered once: not again at the next start" eval 'tui_wait "ce1-nyc" 5 && sleep 0.5 && ! tui_screen | grep -q "Unfinished sessions"'
tui_stop

# ---- the picker re-checks every device shown, at once, filling each status in ----
tui_start recheck 120 40 "$erdiag" --inventory "$top/scenarios/md5-mismatch-ios/device.ini" --replay "$top/scenarios/md5-mismatch-ios"
tui_wait "pick a device" 5 >/dev/null
tui_keys C-r
check "C-r in the picker: every device shown re-checked, its status filled in" eval \
    'tui_wait "ce1-nyc      ios   CRITICAL md5_mismatch" 10 && tui_wait "re-checked 1: 1 CRITICAL" 3'
tui_stop

# ---- a circuit: both links side by side, the circuit step on top; Enter opens a link ----
tui_start circuit 120 40 "$erdiag" --circuit er-nyc-01 --replay "$top/scenarios/circuit-prepend-wrong-ios"
check "--circuit: the circuit step on top names the asymmetry" eval 'tui_wait "FAIL  Circuit redundancy (preference_asymmetry)" 10 &&
    tui_wait "to Azure on primary, from Azure on secondary" 2'
check "--circuit: the two links side by side, each with its runbook" eval 'tui_wait "primary: ce1-nyc" 2 && tui_wait "secondary: ce2-nyc" 2 &&
    [ "$(tui_screen | grep -o "PASS    Physical layer" | wc -l)" -eq 2 ]'
tui_keys Right Enter
check "Enter on the secondary opens its device with every pane" eval 'tui_wait "ce2-nyc ios er-nyc-01 private secondary" 10 && tui_wait "Runbook: bgp" 2'
tui_stop

# ---- import: the asymmetric runbook's saved Azure routes, read when the user has them ----
tui_start import 120 40 "$erdiag" ce1-nyc --runbook asym --replay "$top/scenarios/forced-tunneling-ios"
tui_wait "Runbook: asym" 10 >/dev/null
tui_keys i
check "i: what was saved?" tui_wait "[>Reverse trace<]" 3
tui_keys a
tui_wait "Import Azure effective routes" 3 >/dev/null
tui_type "$top/scenarios/forced-tunneling-ios/azure_routes.json"
tui_keys Enter
check "the imported routes are judged: forced tunneling" tui_wait "FAIL    Azure effective routes  (forced_tunneling)" 10
tui_stop

# ---- C-c: a clean exit, the terminal given back to the shell ----
tui_start ctrlc 100 30 bash -c "\"$erdiag\" --demo md5-mismatch-ios; echo console exited \$?; sleep 10"
tui_wait "FAIL    BGP configuration" 10 >/dev/null
tui_keys C-c
check "C-c: exit status 0, the shell's output readable again" eval 'tui_wait "console exited 0" 3 && tui_assert_clean &&
    ! tui_screen | grep -q "Runbook: bgp"'
tui_stop

# ---- colour: on by default, off with NO_COLOR and with --no-color ----
tui_start colour 100 30 "$erdiag" --demo md5-mismatch-ios
tui_wait "FAIL    BGP configuration" 10 >/dev/null
check "colour escapes by default" eval '! no_colour'
tui_stop
tui_start nocolour 100 30 env NO_COLOR=1 "$erdiag" --demo md5-mismatch-ios
tui_wait "FAIL    BGP configuration" 10 >/dev/null
check "NO_COLOR: no colour escape on the screen" no_colour
tui_stop
tui_start nocolour2 100 30 "$erdiag" --demo md5-mismatch-ios --no-color --theme dark
tui_wait "FAIL    BGP configuration" 10 >/dev/null
check "--no-color (with a colour theme): no colour escape" no_colour
tui_stop
tui_start badtheme 100 30 "$erdiag" --demo md5-mismatch-ios --theme no-such-theme
check "a theme that does not exist: one line on the status line, the default used" tui_wait "no-such-theme" 5
tui_stop
LANG=C tui_start ascii 100 30 "$erdiag" --demo md5-mismatch-ios
check "a locale that is not UTF-8: ASCII glyphs" eval 'tui_wait "[XX] FAIL    BGP configuration" 10 && tui_wait "[ok] PASS" 1 && tui_assert_clean'
tui_stop

# ---- the SSH simulator: host keys, passwords, escapes, stalls ----
# Live sessions test TCP 179 to the circuit's peer from this host: only inside the sandbox.
if [ -z "${ERDIAG_SANDBOX_VERIFIED:-}" ]; then
    echo "console: not inside tests/sandbox.sh: the live tests would reach the peer's address"
    echo "console: $((checks - fails)) passed, $((fails + 1)) failed"
    exit 1
fi
base=$((20000 + RANDOM % 20000))
start_sim() { # start_sim PORT DIR ARGS...
    local port=$1 dir=$2
    shift 2
    "$devsim" --port "$port" --vendor ios --hostname ce1 --dir "$dir" --hostkey "$work/key$port" "$@" \
        >>"$work/devsim.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 0.1; done
    echo "devsim on port $port did not start"
    return 1
}
# The md5-mismatch scenario's circuit as a live device on PORT; AUTH is an inventory line.
device() { # device NAME PORT TIMEOUT AUTH
    sed -n '/^\[device/,$p' "$top/scenarios/md5-mismatch-ios/device.ini" |
        sed -e "s/^\[device .*\]/[device $1]/" -e "s/^host = .*/host = 127.0.0.1/" >>"$work/inventory.ini"
    printf 'port = %s\nuser = noc\n%s\nknown_hosts = %s\ntimeout = %s\n\n' "$2" "$4" "$work/known_hosts" "$3" \
        >>"$work/inventory.ini"
}
cp -R "$top/scenarios/md5-mismatch-ios" "$work/plain"
cp -R "$top/scenarios/md5-mismatch-ios" "$work/hostile"
printf 'ce1-nyc uptime is 2 weeks \033]0;pwned\007\033[2Jcleared \2332J\n\033[31mred\033[0m and done\n' \
    >>"$work/hostile/log_auth.txt"
start_sim $base "$work/plain" || exit 1
start_sim $((base + 1)) "$work/plain" --user noc --password s3cret-pw || exit 1
start_sim $((base + 2)) "$work/hostile" || exit 1
start_sim $((base + 3)) "$work/plain" --behaviour hostile-banner || exit 1
start_sim $((base + 4)) "$work/plain" --stall-after 3 --stall-seconds 12 || exit 1
device ce1 $base 10 "password_command = echo noc"
device pw $((base + 1)) 10 ""
device hostile $((base + 2)) 10 "password_command = echo noc"
device banner $((base + 3)) 10 "password_command = echo noc"
device stall $((base + 4)) 30 "password_command = echo noc"
chmod 600 "$work/inventory.ini"

tui_start hostkey 120 40 "$erdiag" ce1 --inventory "$work/inventory.ini"
check "unknown host key: a dialog with its SHA256 fingerprint" eval 'tui_wait "Unknown host key" 10 && tui_wait "SHA256:" 1 &&
    tui_wait "[>Refuse<]" 1'
tui_keys o
check "Once: the session goes on, nothing saved" eval 'tui_wait "FAIL    BGP configuration  (md5_mismatch)" 15 &&
    [ ! -s "$work/known_hosts" ]'
tui_keys q
gone >/dev/null
tui_stop
tui_start hostkey2 120 40 "$erdiag" ce1 --inventory "$work/inventory.ini"
tui_wait "Unknown host key" 10 >/dev/null
tui_keys a
check "Always: saved to known_hosts" eval 'tui_wait "FAIL    BGP configuration" 15 && grep -q "127.0.0.1" "$work/known_hosts"'
tui_stop
tui_start hostkey3 120 40 "$erdiag" ce1 --inventory "$work/inventory.ini"
check "a saved key is not asked about again" eval 'tui_wait "FAIL    BGP configuration" 15 && ! tui_screen | grep -q "Unknown host key"'
tui_stop

tui_start password 120 40 "$erdiag" pw --inventory "$work/inventory.ini" --accept-new
check "password: asked in a dialog" eval 'tui_wait "pw asks" 10 && tui_wait "what you type is not shown" 1'
tui_type s3cret-pw
check "the password is not echoed" eval '! tui_screen | grep -q s3cret'
tui_keys Enter
check "the password logs in" tui_wait "FAIL    BGP configuration" 15
tui_stop

tui_start hostile 120 40 "$erdiag" hostile --inventory "$work/inventory.ini" --accept-new
tui_wait "FAIL    BGP configuration" 15 >/dev/null
search "uptime is"
tui_wait "Raw transcript /uptime is" 5 >/dev/null
title=$(tmx display-message -p -t "$TUI_SESSION" '#{pane_title}')
check "answers with escapes: shown cleaned, nothing obeyed" eval 'tui_wait "ce1-nyc uptime is 2 weeks cleared" 3 &&
    tui_wait "red and done" 1 && tui_wait "FAIL    BGP configuration" 1 && tui_assert_clean && [ "$title" != pwned ]'
tui_stop

tui_start banner 120 40 "$erdiag" banner --inventory "$work/inventory.ini" --accept-new
tui_wait "prompt not detected" 15 >/dev/null
search pwned
title=$(tmx display-message -p -t "$TUI_SESSION" '#{pane_title}')
check "a banner of escapes: the error quotes them escaped, nothing obeyed" eval 'tui_wait "Raw transcript /pwned" 3 &&
    tui_wait "café-edge \e]0;pwned" 1 && tui_assert_clean && [ "$title" != pwned ]'
tui_stop

# The stall: the 4th command waits 12 s while the per-command timeout is 30 s.
tui_start stall 120 40 "$erdiag" stall --inventory "$work/inventory.ini" --accept-new
stalled() { tui_screen | grep -oE 'out \([a-z_0-9]+ [0-9]+s\)' | grep -oE '[0-9]+s' | tr -d s; }
first=""
for _ in $(seq 100); do first=$(stalled); [ -n "$first" ] && [ "$first" -ge 2 ] && break; sleep 0.1; done
sleep 1.2
second=$(stalled)
if [ -n "$first" ] && [ -n "$second" ] && [ "$second" -gt "$first" ]; then
    ok "the stalled probe shows its seconds counting ($first s, then $second s)"
else
    bad "stalled probe seconds: '$first' then '$second'"
    tui_screen | head -3
fi
lat=()
for _ in 1 2 3 4 5; do
    l=$(tui_key_latency '?' "Help: keys" 5) || l=99999
    lat+=("$l")
    tui_keys Escape
    tui_wait_gone "Help: keys" 2 >/dev/null
done
worst=$(printf '%s\n' "${lat[@]}" | sort -n | tail -n 1)
median=$(printf '%s\n' "${lat[@]}" | sort -n | sed -n 3p)
if [ -n "$(stalled)" ] && [ "$median" -lt 50 ]; then
    ok "keys while the device stalls: answered in ${lat[*]} ms (median $median, worst $worst; target 50)"
else
    bad "keys while the device stalls: ${lat[*]} ms (median $median), still stalled: '$(stalled)'"
fi
tui_keys q
check "q while a probe is out asks first" tui_wait "Probes are still out. Quit anyway?" 3
tui_keys n
check "No: the console stays" eval 'tui_wait_gone "Quit anyway?" 2 && tui_wait "Runbook: bgp" 1'
tui_keys q
tui_wait "Quit anyway?" 3 >/dev/null
tui_keys y
check "Yes: it quits" gone
tui_stop

echo "console: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
