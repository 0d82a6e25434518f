#!/bin/bash
# erdiag run against the SSH device simulator on loopback: host keys (unknown, accepted,
# changed), password_command auth, banners, a pager that cannot be disabled, a device that
# stalls, one that answers its first command and stalls on the second (--stall-after), one
# that drops the connection mid-answer, one whose banner is all terminal escapes and no prompt
# (quoted in the error, never replayed to the terminal), one that answers a line of 20 or 80 MB
# without a newline, the allowlist, record -> replay, recordings that are private and never
# written through a planted link, and a known_hosts path that is never handed to a shell.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=$top/erdiag
devsim=$top/tests/sim/devsim
work=$(mktemp -d /tmp/erdiag-sim.XXXXXX)
pids=()
fails=0
checks=0
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT

[ -x "$devsim" ] || make -C "$top" tests/sim/devsim >/dev/null || exit 1
mkdir -p "$work/scenario" "$work/home"
cp "$top/tests/fixtures/sim/ip_brief.txt" "$top/tests/fixtures/sim/tcp_179.txt" "$work/scenario/"
export HOME=$work/home
base=$((20000 + RANDOM % 20000))

start_sim() { # start_sim PORT HOSTKEY BEHAVIOUR [extra args]
    local port=$1 key=$2 behaviour=$3
    shift 3
    "$devsim" --port "$port" --vendor ios --hostname ce1 --dir "$work/scenario" --hostkey "$key" \
        --behaviour "$behaviour" "$@" >>"$work/devsim.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0; sleep 0.1; done
    echo "devsim on port $port did not start"
    return 1
}

device() { # device NAME PORT [timeout]
    printf '[device %s]\nhost = 127.0.0.1\nport = %s\nuser = noc\nvendor = ios\npassword_command = echo noc\nknown_hosts = %s\ntimeout = %s\n\n' \
        "$1" "$2" "$work/known_hosts" "${3:-10}" >>"$work/inventory.ini"
}

verdict() { # verdict NAME STATUS [DETAIL]: STATUS 0 passes
    checks=$((checks + 1))
    if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1${3:+: $3}"; fails=$((fails + 1)); fi
}

expect() { # expect NAME WANT_RC PATTERN -- command...
    local name=$1 want=$2 pattern=$3
    shift 4
    local out rc
    out=$("$@" 2>&1)
    rc=$?
    checks=$((checks + 1))
    if [ "$rc" -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
        echo "FAIL $name: exit $rc (want $want), output:"
        head -n 20 <<<"$out"
        fails=$((fails + 1))
    else
        echo "ok   $name"
    fi
}

start_sim $base "$work/key1" normal --banner || exit 1
start_sim $((base + 1)) "$work/key2" sticky-pager || exit 1
start_sim $((base + 2)) "$work/key3" stall || exit 1
start_sim $((base + 3)) "$work/key4" disconnect || exit 1
start_sim $((base + 4)) "$work/key5" hostile-banner || exit 1
start_sim $((base + 5)) "$work/key6" long-line || exit 1
start_sim $((base + 6)) "$work/key7" long-line-20 || exit 1
start_sim $((base + 7)) "$work/key8" normal --stall-after 1 --stall-seconds 8 || exit 1
device ce1 $base
device pager $((base + 1))
device stall $((base + 2)) 3
device cut $((base + 3))
device hostile $((base + 4))
device long $((base + 5)) 15
device long20 $((base + 6)) 15
device stallafter $((base + 7)) 3
printf '[device execdev]\nhost = 127.0.0.1\nport = %s\nuser = noc\nvendor = ios\npassword_command = echo noc\nknown_hosts = %s\nexec = yes\n\n' \
    "$base" "$work/known_hosts" >>"$work/inventory.ini"
printf '[device viaconfig]\nhost = simalias\nvendor = ios\npassword_command = echo noc\nknown_hosts = %s\n\n' \
    "$work/known_hosts" >>"$work/inventory.ini"
mkdir -p "$HOME/.ssh"
printf 'Host simalias\n    HostName 127.0.0.1\n    Port %s\n    User noc\n' "$base" >"$HOME/.ssh/config"
run() { "$erdiag" run --inventory "$work/inventory.ini" "$@"; }

expect "unknown host key is refused" 3 'host key for 127.0.0.1 is unknown \(SHA256:' -- run ce1 "show ip interface brief"
expect "accepted host key, banner skipped" 0 '^Loopback0 +10\.255\.0\.1' -- run ce1 "show ip interface brief" --accept-new
expect "known host proceeds" 0 'GigabitEthernet0/1/59' -- run ce1 "show ip interface brief"
expect "parsed JSON" 0 '"name":"Loopback0"' -- run ce1 "show ip interface brief" --json
# The router's own telnet to port 179 stays connected when open: erdiag reads "Open", hangs up
# (Ctrl-^ x, disconnect, confirm) and the next command on the same session is clean.
expect "telnet 179 open, hung up, session clean" 0 '"result":"open".*' -- \
    bash -c "$(declare -f run); erdiag=$erdiag work=$work; run ce1 'telnet 192.168.100.130 179' 'show ip interface brief' --json | tr -d '\n'"
out=$(run ce1 "telnet 192.168.100.130 179" "show ip interface brief" --json 2>&1)
checks=$((checks + 1))
if grep -q '"records":61' <<<"$out" && grep -q '"partial":false,"lines":62' <<<"$out"; then echo "ok   the command after a telnet reads exactly its own answer"; else echo "FAIL after telnet: $(tail -c 300 <<<"$out")"; fails=$((fails + 1)); fi
expect "exec-channel mode" 0 'GigabitEthernet0/1/59' -- run execdev "show ip interface brief"
expect "~/.ssh/config Host alias, Port and User" 0 'Loopback0' -- run viaconfig "show ip interface brief" --accept-new
expect "several commands, one session" 0 '^2$' -- bash -c "$(declare -f run); erdiag=$erdiag work=$work; run ce1 'show ip interface brief' 'show ip interface brief' --json | grep -c '\"records\":61'"
expect "abbreviation written out, then sent" 0 '"command":"show ip interface brief".*"name":"Loopback0"' -- run ce1 "sh ip int br" --json
expect "an abbreviation smuggles no write" 2 "refused: stage '| redirect flash:x'" -- run ce1 "sh run | redirect flash:x"
expect "allowlist refuses before connecting" 2 "refused: character ';'" -- run ce1 "show run | section bgp; reload"
expect "device rejects unknown command" 2 'Invalid input detected' -- run ce1 "show ip bgp summary"
expect "pager answered when paging sticks" 0 'GigabitEthernet0/1/59' -- run pager "show ip interface brief" --accept-new
out=$(run pager "show ip interface brief" 2>&1)
checks=$((checks + 1))
if [ "$(grep -c '^GigabitEthernet' <<<"$out")" -eq 60 ] && ! grep -q 'More' <<<"$out"; then echo "ok   all 60 rows, no pager residue"; else echo "FAIL pager: $(grep -c '^GigabitEthernet' <<<"$out") rows"; fails=$((fails + 1)); fi
expect "stalled device times out" 3 'timed out: no prompt within 3 s' -- run stall "show ip interface brief" --accept-new
expect "disconnect mid-output is reported" 3 'disconnected' -- run cut "show ip interface brief" --accept-new
# A device that answers its first command, then takes 8 s over the next: the first answer
# arrives whole, the second ends at the inventory's 3 s per-command timeout, well before 8 s.
started=$(date +%s%N)
run stallafter "show ip interface brief" "show ip interface brief" --json --accept-new >"$work/stall.out" 2>"$work/stall.err"
rc=$? took=$((($(date +%s%N) - started) / 1000000))
checks=$((checks + 1))
if [ "$rc" -eq 3 ] && [ "$(grep -c '"records":61' "$work/stall.out")" -eq 1 ] && [ "$took" -lt 7000 ] &&
    grep -q "stallafter: timed out: no prompt within 3 s after 'show ip interface brief'" "$work/stall.err"; then
    echo "ok   stall after one command: answered, then the 3 s per-command timeout (${took} ms)"
else
    echo "FAIL stall after one command: exit $rc after ${took} ms: $(cat "$work/stall.err") $(head -c 200 "$work/stall.out")"
    fails=$((fails + 1))
fi
# The banner's escapes are quoted in the "prompt not detected" error as \e, \x9b...: not one
# raw ESC or C1 byte (0x9b, 0x9d, or C2 9B / C2 9D) reaches the terminal; UTF-8 text still reads.
run hostile "show ip interface brief" --accept-new >"$work/hostile.out" 2>"$work/hostile.err"
rc=$?
checks=$((checks + 1))
if [ "$rc" -eq 3 ] && grep -q 'prompt not detected' "$work/hostile.err" &&
    grep -qF 'café-edge \e]0;pwned\x07\ec\x9b2J\x9d0;x\x07' "$work/hostile.err" &&
    grep -qF 'login refused \e[31mhere\e[0m' "$work/hostile.err"; then
    echo "ok   hostile banner quoted"
else
    echo "FAIL hostile banner: exit $rc: $(cat "$work/hostile.err")"
    fails=$((fails + 1))
fi
checks=$((checks + 1))
if [ "$(cat "$work/hostile.out" "$work/hostile.err" | grep -c $'\e')" -eq 0 ] &&
    ! cat "$work/hostile.out" "$work/hostile.err" | od -An -tx1 | grep -qE '(^| )(9b|9d)( |$)'; then
    echo "ok   no raw ESC or C1 byte from the hostile banner"
else
    echo "FAIL hostile banner bytes reached the terminal:"; od -c "$work/hostile.err" | head
    fails=$((fails + 1))
fi
# One line of 80 MB without a newline: shell mode reads it in linear time (it once took a
# minute of CPU), keeps the first 64 MiB marked truncated, reads on to the prompt, and the next
# command on the same session gets exactly its own answer.  20 MB comes back whole.
expect "80 MB line in shell mode: cut at 64 MiB within 20 s, session in step" 0 \
    'output truncated: output cut at 64 MiB.*"result":"open"' -- \
    bash -c "$(declare -f run); erdiag=$erdiag work=$work; timeout 20 $erdiag run --inventory $work/inventory.ini long \
        'show ip interface brief' 'telnet 192.168.100.130 179' --json --accept-new 2>&1 | tr -d '\n'"
expect "20 MB line in shell mode: whole within 10 s" 0 '^20971521$' -- \
    bash -c "timeout 10 $erdiag run --inventory $work/inventory.ini long20 'show ip interface brief' --accept-new | wc -c"
expect "record a live session" 0 'Loopback0' -- run ce1 "show ip interface brief" --record "$work/rec"
expect "recording uses the probe layout" 0 'ip_brief.txt' -- ls "$work/rec" "$work/rec/device.ini"
expect "replay the recording" 0 'GigabitEthernet0/1/59' -- "$erdiag" run ce1 "show ip interface brief" --replay "$work/rec"

# Recordings: 0700/0600 whatever the umask, no login details, never through a planted link,
# and a recording that cannot be written is an error (exit 3) naming the file.
(umask 022 && run ce1 "show ip interface brief" --record "$work/rec022" >/dev/null 2>&1)
modes=$(stat -c '%a %n' "$work/rec022" "$work/rec022"/*)
[ "$(stat -c %a "$work/rec022")" = 700 ] && [ "$(stat -c %a "$work/rec022"/* | sort -u)" = 600 ]
verdict "umask 022: recording directory 0700, files 0600" $? "$modes"
grep -qE '^(password_command|identity|jump|known_hosts) *=' "$work/rec022/device.ini"
[ $? -eq 1 ] && grep -q '^host = 127.0.0.1$' "$work/rec022/device.ini"
verdict "device.ini holds the device but no password_command" $? "$(cat "$work/rec022/device.ini")"
for planted in device.ini ip_brief.txt index.tsv; do
    mkdir -m 700 "$work/trap-$planted"
    printf 'precious\n' >"$work/victim"
    ln -s "$work/victim" "$work/trap-$planted/$planted"
    expect "a link planted as $planted: exit 3, named" 3 "trap-$planted/$planted: is a symbolic link" -- \
        run ce1 "show ip interface brief" --record "$work/trap-$planted"
    [ "$(cat "$work/victim")" = precious ]
    verdict "a link planted as $planted: its target unchanged" $?
done
ln -s "$work/rec022" "$work/reclink"
expect "the recording directory a link: refused" 3 'reclink: is a symbolic link: refusing to record into it' -- \
    run ce1 "show ip interface brief" --record "$work/reclink/"
touch "$work/afile"
expect "a recording that cannot be written: exit 3, named" 3 'cannot record: .*afile/rec: Not a directory' -- \
    run ce1 "show ip interface brief" --record "$work/afile/rec"
expect "an inventory with password_command readable by others: warned" 0 'warning: .*inventory.ini holds password_command .*chmod 600' -- \
    run ce1 "show ip interface brief"
# NX-OS, Junos and EOS speak their own prompts and pagers: the records that come back over SSH
# must equal a direct parse of the same capture.
port=$((base + 10))
for spec in "nxos:show ip bgp summary:nxos/bgp_summary_vrf_all.txt" "junos:show bgp summary:junos/bgp_summary.txt" \
    "eos:show ip bgp summary:eos/bgp_summary.txt"; do
    IFS=: read -r vendor command fixture <<<"$spec"
    mkdir -p "$work/$vendor"
    cp "$top/tests/fixtures/$fixture" "$work/$vendor/bgp_summary.txt"
    "$devsim" --port $port --vendor "$vendor" --hostname "edge-$vendor" --dir "$work/$vendor" \
        --hostkey "$work/key-$vendor" --behaviour slow >>"$work/devsim.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
    printf '[device %s]\nhost = 127.0.0.1\nport = %s\nuser = noc\nvendor = %s\npassword_command = echo noc\nknown_hosts = %s\n\n' \
        "sim-$vendor" "$port" "$vendor" "$work/known_hosts" >>"$work/inventory.ini"
    want=$("$erdiag" parse --vendor "$vendor" --command "$command" "$top/tests/fixtures/$fixture" | grep -o '"records":[0-9]*')
    expect "$vendor over SSH (slow device) parses like the capture" 0 "\"partial\":false,.*$want" -- run "sim-$vendor" "$command" --json --accept-new
    if [ "$vendor" = junos ]; then # BSD telnet: Ctrl-] then quit at telnet>
        printf "Trying 192.168.100.130...\nConnected to 192.168.100.130.\nEscape character is '^]'.\n" >"$work/junos/tcp_179.txt"
        expect "junos telnet port 179 open, hung up, session clean" 0 "\"result\":\"open\".*\"partial\":false,.*$want" -- \
            bash -c "$(declare -f run); erdiag=$erdiag work=$work; run sim-junos 'telnet 192.168.100.130 port 179' '$command' --json | tr -d '\n'"
    fi
    port=$((port + 1))
done

# A known_hosts path that a shell would run ($(touch ...) after a quote): only ever a file name.
odd_kh="$work/kh'\$(touch $work/pwned)'/known_hosts"
mkdir -p "$(dirname "$odd_kh")"
printf '[device oddkh]\nhost = 127.0.0.1\nport = %s\nuser = noc\nvendor = ios\npassword_command = echo noc\nknown_hosts = %s\n\n' \
    "$base" "$odd_kh" >>"$work/inventory.ini"
expect "a known_hosts path with \$(...) and quotes is a file name" 0 'Loopback0' -- run oddkh "show ip interface brief" --accept-new

# A device that comes back with another host key is refused, and we say where the old one is.
kill "${pids[0]}"
sleep 0.3
start_sim $base "$work/key-new" normal || exit 1
expect "changed host key is refused" 3 "CHANGED.*known_hosts:[0-9]+" -- run ce1 "show ip interface brief" --accept-new
expect "changed host key, odd known_hosts path: located by ssh-keygen" 3 "CHANGED.*kh'.*known_hosts:1" -- \
    run oddkh "show ip interface brief" --accept-new
[ ! -e "$work/pwned" ]
verdict "the \$(touch) in the known_hosts path never ran" $?

echo "ssh-sim: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
