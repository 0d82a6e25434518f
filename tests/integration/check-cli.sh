#!/bin/bash
# erdiag check, the mechanics (no root, no network): exit codes against the status, the verdict
# JSON's shape, the second poll of a repeated probe answered from <probe>.2.txt, a missing probe
# file giving its step SKIP with the reason, usage errors, imported reverse traces and Azure
# routes, a reverse trace from the reverse_from host, an unreachable device, no secret printed,
# recordings private and never through a planted link (exit 3 when one cannot be written).
# The steps' own verdicts are the step tests' business (tests/framework/).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=$top/erdiag
fix=$top/tests/fixtures/check
work=$(mktemp -d /tmp/erdiag-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
fails=0
checks=0

[ -x "$erdiag" ] || make -C "$top" erdiag >/dev/null || exit 1
command -v python3 >/dev/null || { echo "check-cli: python3 is needed for the JSON checks"; exit 1; }

ok() { checks=$((checks + 1)); echo "ok   $1"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && head -n 20 <<<"$2"; }

# expect NAME WANT_RC PATTERN -- command...: exit status and a pattern in stdout+stderr
expect() {
    local name=$1 want=$2 pattern=$3 out rc
    shift 4
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -eq "$want" ] && grep -qE -- "$pattern" <<<"$out"; then ok "$name"; else bad "$name: exit $rc (want $want)" "$out"; fi
}

check() { "$erdiag" check "$@"; }

# ---- usage errors: UNKNOWN (3) with the reason, as monitoring plugins do
expect "no DEVICE" 3 'need DEVICE' -- check --runbook bgp --replay "$fix/healthy"
expect "no --runbook" 3 'need --runbook' -- check ce1 --replay "$fix/healthy"
expect "unknown runbook" 3 "unknown runbook 'ospf'" -- check ce1 --runbook ospf --replay "$fix/healthy"
expect "two devices: a fleet, one line each, the unknown one UNKNOWN" 3 'UNKNOWN +ce2 ' -- check ce1 ce2 --runbook bgp --replay "$fix/healthy"
expect "replay and record" 3 'do not go together' -- check ce1 --runbook bgp --replay "$fix/healthy" --record "$work/rec"
expect "bad interval" 3 "--interval 'soon'" -- check ce1 --runbook bgp --replay "$fix/healthy" --interval soon
expect "negative interval" 3 "--interval '-1'" -- check ce1 --runbook bgp --replay "$fix/healthy" --interval -1
expect "unknown option" 3 "unrecognized option '--frobnicate'" -- check ce1 --runbook bgp --frobnicate
expect "--help" 0 'usage: erdiag check DEVICE... \| --circuit C \| --group G \| --all  --runbook bgp\|asym' -- check --help
expect "missing scenario" 3 'device.ini' -- check ce1 --runbook bgp --replay "$work/nowhere"
expect "unknown device in an inventory" 3 "no device 'nope'" -- check nope --runbook bgp --inventory "$fix/viavm/device.ini"
expect "unreadable reverse trace" 3 'nothere.txt: No such file' -- check ce1 --runbook asym --replay "$fix/healthy" --reverse-trace "$work/nothere.txt"

# ---- the JSON contract: keys in order, step ids in order, exit status = exit_code = status
json_shape() { # json_shape RUNBOOK IDS... < json
    ERDIAG_VERSION=$("$erdiag" --version | sed 's/^erdiag //') python3 -c '
import datetime, json, os, sys
d = json.load(sys.stdin)
runbook, want = sys.argv[1], sys.argv[2:]
codes = {"OK": 0, "WARNING": 1, "CRITICAL": 2, "UNKNOWN": 3}
# The original contract first, in its order; keys added later only ever go at the end.
assert list(d) == ["device", "runbook", "status", "exit_code", "root_cause", "causes", "steps", "summary",
                   "version", "vendor", "time", "family"], list(d)
assert d["device"] == "ce1" and d["runbook"] == runbook, (d["device"], d["runbook"])
assert d["family"] == "ipv4" and all(s["family"] == "ipv4" for s in d["steps"]), d["family"]
assert codes[d["status"]] == d["exit_code"], (d["status"], d["exit_code"])
assert d["version"] == os.environ["ERDIAG_VERSION"] and d["vendor"] == "ios", (d["version"], d["vendor"])
when = datetime.datetime.strptime(d["time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
assert abs((datetime.datetime.now(datetime.timezone.utc) - when).total_seconds()) < 600, d["time"]
shape = ["step", "cause", "finding", "verdict", "steps", "evidence"]
assert list(d["root_cause"]) == shape, d["root_cause"]
verdicts = {s["id"]: s["verdict"] for s in d["steps"]}
for c in d["causes"]:
    assert list(c) == shape, c
    assert c["verdict"] in ("FAIL", "WARN") and c["verdict"] == verdicts[c["step"]], (c, verdicts)
if d["causes"]:
    assert d["root_cause"] == d["causes"][0]
elif d["status"] == "OK":
    assert d["root_cause"] == {"step": "none", "cause": "none", "finding": "no fault found", "verdict": "PASS",
                               "steps": [], "evidence": []}
else:
    assert d["root_cause"]["cause"] == "evidence_missing" and d["root_cause"]["verdict"] == "SKIP", d["root_cause"]
    assert "no fault found" not in d["root_cause"]["finding"] + d["summary"].lower(), d
assert [s["id"] for s in d["steps"]] == want, [s["id"] for s in d["steps"]]
for s in d["steps"]:
    keys = ["id", "title", "verdict", "cause", "finding", "evidence", "next", "note", "disruptive"]
    assert list(s) in (keys + ["family"], keys + ["follows", "family"]), list(s)
    assert s["verdict"] in ("PASS", "WARN", "FAIL", "SKIP") and s["title"] and s["finding"], s
    assert s["verdict"] != "SKIP" or s["cause"] == "evidence_missing", s
    for e in s["evidence"]:
        assert list(e) == ["journal_id", "command", "line"] and isinstance(e["journal_id"], int), e
    assert all(isinstance(n, str) for n in s["next"] + s["note"])
    # disruptive: indexes into next, never its first line on a WARN
    assert all(isinstance(i, int) and 0 <= i < len(s["next"]) for i in s["disruptive"]), s
    assert s["verdict"] != "WARN" or 0 not in s["disruptive"], s
bad = [s["id"] for s in d["steps"] if s["verdict"] in ("FAIL", "WARN")]
assert sorted(c["step"] for c in d["causes"]) == sorted(bad), (d["causes"], bad)
assert isinstance(d["summary"], str) and d["summary"].startswith("ce1")
print(d["exit_code"])
' "$@"
}

bgp_ids=(physical arp bgp_config addressing route_filters tcp179 session)
asym_ids=(forward_trace reverse_trace path_compare edge_routes azure_routes)

out=$(check ce1 --runbook bgp --replay "$fix/healthy" --json 2>"$work/err")
rc=$?
code=$(json_shape bgp "${bgp_ids[@]}" <<<"$out" 2>&1)
if [ "$code" = "$rc" ]; then ok "bgp JSON shape, step ids in order, exit $rc = exit_code"; else bad "bgp JSON: $code (exit $rc)" "$out"; fi
out=$(check ce1 --runbook asym --replay "$fix/healthy" --json --reverse-trace "$fix/reverse_tracert.txt" \
    --azure-routes "$fix/azure_routes.json" 2>"$work/err")
rc=$?
code=$(json_shape asym "${asym_ids[@]}" <<<"$out" 2>&1)
if [ "$code" = "$rc" ]; then ok "asym JSON shape, step ids in order, exit $rc = exit_code"; else bad "asym JSON: $code (exit $rc)" "$out"; fi
if [ ! -s "$work/err" ]; then ok "complete scenario: nothing on stderr"; else bad "stderr on a complete scenario" "$(cat "$work/err")"; fi

# ---- text: line 1 the status as a monitoring plugin prints it (perfdata after '|'), then the
# root cause in at most 6 lines, then one line per step, the causes and the summary
status_re='^(OK|WARNING|CRITICAL|UNKNOWN) - [a-z0-9_]+ on [^ ]+( [0-9a-f.:]+)?: [^|]+ \| (.*)$'
perf_re="^[A-Za-z0-9_]+=-?[0-9]+(\.[0-9]+)?(s|%|c|B)?(;(-?[0-9.]+)?){0,4}$"
plugin_line() { # plugin_line NAME RC TEXT: line 1's status matches the exit status, its perfdata parses
    local name=$1 rc=$2 first label
    first=$(head -n 1 <<<"$3")
    if ! [[ $first =~ $status_re ]]; then bad "$name: line 1 is no plugin status line" "$first"; return; fi
    case "${BASH_REMATCH[1]}:$rc" in OK:0 | WARNING:1 | CRITICAL:2 | UNKNOWN:3) ;; *) bad "$name: ${BASH_REMATCH[1]} but exit $rc"; return ;; esac
    for label in ${BASH_REMATCH[3]}; do
        [[ $label =~ $perf_re ]] || { bad "$name: perfdata '$label' is not label=value[uom];warn;crit;min;max" "$first"; return; }
    done
    grep -q 'collect_time=[0-9.]*s' <<<"$first" || { bad "$name: no collect_time in the perfdata" "$first"; return; }
    ok "$name: plugin status line ($first)"
}
root_block() { # the lines between line 1 and the blank line before the steps
    sed -n '2,/^$/p' <<<"$1" | sed '/^$/d'
}
out=$(check ce1 --runbook bgp --replay "$fix/healthy")
rc=$?
plugin_line "text report, healthy" "$rc" "$out"
grep -qE '^OK - bgp on ce1 192\.168\.100\.130: session Established .*\| uptime=[0-9]+s;;;0 prefixes_received=2;;;0 prefixes_accepted=2;;;0 ' <<<"$out" &&
    ok "healthy: OK, the session's uptime and prefixes as perfdata" || bad "healthy status line" "$(head -n 1 <<<"$out")"
steps=$(grep -cE '^\[(PASS|WARN|FAIL|SKIP)\] ' <<<"$out")
if grep -qE "^Steps of the bgp runbook on ce1 \(ios\), status [A-Z]+ \(exit $rc\):" <<<"$out" && [ "$steps" -eq 7 ] &&
    grep -q '^Causes, most likely first:' <<<"$out" && grep -q '^Summary:' <<<"$out" &&
    [ "$(root_block "$out")" = "Root cause: none (all 7 steps passed)" ]; then
    ok "text report: status, root cause, 7 steps, causes, summary"
else
    bad "text report (exit $rc, $steps steps)" "$out"
fi
for step in "Physical layer" "ARP / neighbor discovery" "BGP configuration" "IP addressing" "Route filters" "TCP 179" \
    "Session state and last error"; do
    grep -qE "^\[(PASS|WARN|FAIL|SKIP)\] $step: " <<<"$out" || bad "text: no line for $step" "$out"
done
# A fault: the root cause, its finding, its deciding evidence line and first next command come
# before the steps, in at most 6 lines.
scn=$top/scenarios
out=$(check ce1-nyc --runbook bgp --replay "$scn/md5-mismatch-ios")
rc=$?
plugin_line "text report, md5 mismatch" "$rc" "$out"
block=$(root_block "$out")
if [ "$rc" -eq 2 ] && grep -qE '^CRITICAL - md5_mismatch on ce1-nyc 192\.168\.100\.130: both sides have an MD5 key' <<<"$out" &&
    [ "$(wc -l <<<"$block")" -le 6 ] && grep -q '^Root cause: md5_mismatch (BGP configuration, FAIL)$' <<<"$block" &&
    grep -q '^  evidence: neighbor 192.168.100.130 password ' <<<"$block" && grep -q '^  next: show logging | include BADAUTH' <<<"$block"; then
    ok "md5 mismatch: root cause, evidence and next command first, $(wc -l <<<"$block") lines"
else
    bad "md5 mismatch root-cause block (exit $rc)" "$out"
fi
# UNKNOWN never reads as a clean bill: it says what could not be judged.
cp -r "$fix/healthy" "$work/nobgp"
rm "$work/nobgp/bgp_neighbor.txt" "$work/nobgp/bgp_summary.txt"
out=$(check ce1 --runbook bgp --replay "$work/nobgp" 2>/dev/null)
rc=$?
plugin_line "text report, UNKNOWN" "$rc" "$out"
if [ "$rc" -eq 3 ] && grep -qE '^UNKNOWN - evidence_missing on ce1 192\.168\.100\.130: [0-9]+ of 7 steps could not be judged' <<<"$out" &&
    grep -q '^Not judged: ' <<<"$out" && ! grep -qi 'no fault found' <<<"$out"; then
    ok "UNKNOWN: what could not be judged, never 'no fault found'"
else
    bad "UNKNOWN text (exit $rc)" "$out"
fi
# Lines fold at 100 columns when stdout is no terminal (line 1, the plugin line, never folds);
# continuation lines are indented.
long=$(check ce1-nyc --runbook bgp --replay "$scn/md5-mismatch-ios" | tail -n +2 | awk 'length($0) > 100')
folded=$(check ce1-nyc --runbook bgp --replay "$scn/md5-mismatch-ios" | grep -cE '^       [^ ]')
if [ -z "$long" ] && [ "$folded" -gt 0 ]; then ok "piped: folded at 100 columns, $folded indented continuations"; else bad "piped folding ($folded)" "$long"; fi
# The CRC scenario carries its poll times: the rate is per minute of the recorded interval and
# below 100% of the frames, whatever --interval says; without polls.tsv it is per poll.
for iv in 10 60; do
    out=$(check ce1-nyc --runbook bgp --replay "$scn/crc-rising-ios" --interval $iv)
    json=$(check ce1-nyc --runbook bgp --replay "$scn/crc-rising-ios" --interval $iv --json)
    grep -q '+707 CRC errors (707.0/min), +786 input errors (786.0/min) in 1.0 min, 3.08% of the frames received' <<<"$json" &&
        grep -qE '^CRITICAL - interface_errors .*crc_rate=2\.78[0-9]*%;0;0\.1;0;100' <<<"$out" &&
        ok "crc-rising-ios with --interval $iv: the recorded minute, 3.08% of the frames, crc_rate perfdata" ||
        bad "crc-rising-ios --interval $iv" "$(head -n 8 <<<"$out")"
done
cp -r "$scn/crc-rising-ios" "$work/crc-untimed"
rm "$work/crc-untimed/polls.tsv"
out=$(check ce1-nyc --runbook bgp --replay "$work/crc-untimed" --json)
if grep -q '+707 CRC errors, +786 input errors between two polls of unknown interval' <<<"$out" && ! grep -q '/min)' <<<"$out"; then
    ok "crc scenario without poll times: per poll, no per-minute figure"
else
    bad "untimed crc scenario" "$(head -n 8 <<<"$out")"
fi

# ---- the device named must be the scenario's (or the inventory's)
expect "scenario records another device" 3 "scenario .*md5-mismatch-ios records device 'ce1-nyc', not 'ce2'" -- \
    check ce2 --runbook bgp --replay "$scn/md5-mismatch-ios"
expect "run: scenario records another device" 2 "records device 'ce1-nyc', not 'ce2'" -- \
    "$erdiag" run ce2 "show version" --replay "$scn/md5-mismatch-ios"
printf '[device ce2]\nhost = 192.0.2.9\nvendor = ios\npeer_ip = 192.168.100.130\n' >"$work/ce2.ini"
expect "--inventory with --replay: the recording must be of that device" 3 "records device 'ce1-nyc', not 'ce2'" -- \
    check ce2 --runbook bgp --replay "$scn/md5-mismatch-ios" --inventory "$work/ce2.ini"
expect "--inventory with --replay: expectations from the inventory" 2 '^CRITICAL - md5_mismatch on ce1-nyc' -- \
    check ce1-nyc --runbook bgp --replay "$scn/md5-mismatch-ios" --inventory "$scn/md5-mismatch-ios/device.ini"

# ---- suggestions, a missing inventory, the first bad line of an inventory
expect "mistyped option" 3 "unrecognized option '--runbok'; did you mean --runbook\?" -- check ce1 --runbok bgp
expect "ambiguous option" 3 "ambiguous option '--re': --replay, --record, --reverse-trace" -- check ce1 --re x
expect "missing option argument" 3 "--runbook needs an argument" -- check ce1 --runbook
expect "mistyped device" 3 "no device 'ce1-nyk' in .*device.ini; did you mean 'ce1-nyc'\?" -- \
    check ce1-nyk --runbook bgp --inventory "$scn/md5-mismatch-ios/device.ini"
expect "mistyped command" 2 "unknown command 'chek'; did you mean 'check'\?" -- "$erdiag" chek
expect "run: mistyped option" 2 "unrecognized option '--jsn'; did you mean --json\?" -- "$erdiag" run ce1 x --jsn
mkdir -p "$work/nohome"
expect "no inventory: where erdiag looked, and --inventory" 3 \
    "no inventory at $work/nohome/.config/erdiag/inventory.ini .*XDG_CONFIG_HOME.* --inventory FILE" -- \
    env HOME="$work/nohome" XDG_CONFIG_HOME= "$erdiag" check ce1 --runbook bgp
expect "no inventory under XDG_CONFIG_HOME" 3 "no inventory at $work/xdg/erdiag/inventory.ini" -- \
    env XDG_CONFIG_HOME="$work/xdg" "$erdiag" check ce1 --runbook bgp
printf '[device ce1]\nhost = 192.0.2.1\nvendor = ios\nbogus line\npeer_ip = 1.2.3\n' >"$work/badline.ini"
expect "inventory error: the first bad line" 3 "badline.ini:4: not an INI line" -- check ce1 --runbook bgp --inventory "$work/badline.ini"

# ---- erdiag inventory check|list: the resolved devices; 2 and the first bad line on an error
mkdir -p "$work/invd/conf.d"
printf 'include = conf.d/*.ini\n[defaults]\nvendor = cisco_ios\n[group nyc]\ncircuit = er-nyc\n[device ce1]\nhost = 192.0.2.1\ngroup = nyc\n' \
    >"$work/invd/inv.ini"
printf '[device ce2]\nhost = 192.0.2.2\ngroup = nyc\nlink = secondary\npassword_command = pass show ce2\n' >"$work/invd/conf.d/b.ini"
expect "inventory check: devices resolved, where each is" 0 "^ce2 +ios +192.0.2.2 +er-nyc +secondary +nyc +$work/invd/conf.d/b.ini:1\$" -- \
    "$erdiag" inventory check --inventory "$work/invd/inv.ini"
expect "inventory check: the summary" 0 "^2 devices, 1 group, 1 circuit: ok\$" -- "$erdiag" inventory check -i "$work/invd/inv.ini"
expect "inventory list --json: no login details" 0 '"name": "ce2"' -- "$erdiag" inventory list -i "$work/invd/inv.ini" --json
"$erdiag" inventory list -i "$work/invd/inv.ini" --json 2>/dev/null | grep -q 'pass show' && bad "inventory list --json holds a password_command" ||
    ok "inventory list --json: no password_command"
expect "inventory list --group: a typo" 2 "no group 'nyk' in .*; did you mean 'nyc'\?" -- \
    "$erdiag" inventory list -i "$work/invd/inv.ini" --group nyk
printf '[device ce9]\nhost = 192.0.2.9\ngroup = nope\n' >"$work/invd/conf.d/c.ini"
expect "inventory check: the error in the included file" 2 "conf.d/c.ini:3: device 'ce9': no group 'nope'" -- \
    "$erdiag" inventory check -i "$work/invd/inv.ini"

# ---- --help of every subcommand lists every option its table gives getopt, one line each
# within 100 columns, and the man page documents each; no subcommand parses options elsewhere.
for cmd in parse run check report console inventory; do
    src=$top/cli/cmd_$cmd.c
    names=$(sed -n '/^static const cli_option_t /,/^};/p' "$src" | grep -oE '^    \{"[a-z-]+", ' | grep -oE '[a-z-]+')
    help=$("$erdiag" "$cmd" --help)
    missing=""
    for n in $names; do
        [ "$(grep -cE -- "^  (-[a-zA-Z], |    )?--$n( |$)" <<<"$help")" -eq 1 ] || missing="$missing --$n(help)"
        grep -qF -- "\-\-${n//-/\\-}" "$top/man/erdiag.1" || missing="$missing --$n(man)"
    done
    lines=$(grep -cE '^  (-|    --)' <<<"$help") # a long-only option is indented past the letters
    if [ -n "$names" ] && [ -z "$missing" ] && [ "$lines" -eq "$(wc -w <<<"$names")" ] && ! grep -q 'struct option' "$src" &&
        [ -z "$(awk 'length($0) > 100' <<<"$help")" ]; then
        ok "$cmd --help: all $lines options of its table, one line each, all in the man page"
    else
        bad "$cmd --help ($lines lines):$missing" "$help"
    fi
done
help=$("$erdiag" --help)
grep -qE '^  parse ' <<<"$help" && grep -qE '^  run ' <<<"$help" && grep -qE '^  check ' <<<"$help" &&
    ok "erdiag --help lists the subcommands" || bad "erdiag --help" "$help"
for sec in ENVIRONMENT FILES "EXIT STATUS"; do
    grep -q "^\.SH \"\?$sec\"\?$" "$top/man/erdiag.1" && ok "man page: $sec" || bad "man page has no $sec section"
done

# ---- on a terminal (a pty from script(1)): progress on stderr redrawn in place, lines folded
# at COLUMNS; with stderr not a terminal, no progress at all
if command -v script >/dev/null; then
    tty_out=$(COLUMNS=64 script -qec "'$erdiag' check ce1-nyc --runbook bgp --replay '$scn/md5-mismatch-ios'" /dev/null | tr -d '\r')
    long=$(sed 's/\x1b\[K//g' <<<"$tty_out" | grep -v '^CRITICAL - ' | grep -v 'collecting:' | awk 'length($0) > 64')
    if grep -qE 'erdiag check: collecting: [0-9]+ of [0-9]+ answered' <<<"$tty_out" && grep -q $'\x1b\[K' <<<"$tty_out" &&
        [ -z "$long" ] && grep -q '^Root cause: md5_mismatch' <<<"$tty_out"; then
        ok "pty: progress on stderr erased in place, lines folded at COLUMNS=64"
    else
        bad "pty progress and folding" "$long$tty_out"
    fi
    check ce1-nyc --runbook bgp --replay "$scn/md5-mismatch-ios" >/dev/null 2>"$work/err"
    [ ! -s "$work/err" ] && ok "stderr not a terminal: no progress" || bad "progress without a terminal" "$(cat -A "$work/err")"
else
    echo "== pty checks skipped: no script(1)"
fi
# ---- secrets never printed (the scenario's BGP config holds an MD5 key)
all=$(check ce1 --runbook bgp --replay "$fix/healthy" 2>&1; check ce1 --runbook bgp --replay "$fix/healthy" --json -v 2>&1)
if grep -q '0822455D0A16544541' <<<"$all"; then bad "the MD5 key was printed"; else ok "no secret in text, JSON or stderr"; fi

# ---- the second poll: interfaces is polled twice; the second answer comes from interfaces.2.txt
out=$(check ce1 --runbook bgp --replay "$fix/healthy" -v 2>&1 >/dev/null)
if grep -q "poll 1: interfaces: 'show interfaces': ok, 1 records" <<<"$out" &&
    grep -q "poll 2: interfaces: 'show interfaces': ok, 2 records" <<<"$out"; then
    ok "second poll answered from interfaces.2.txt"
else
    bad "second poll" "$out"
fi
cp -r "$fix/healthy" "$work/one"
rm "$work/one/interfaces.2.txt"
out=$(check ce1 --runbook bgp --replay "$work/one" -v 2>&1 >/dev/null)
if grep -q "poll 2: interfaces: 'show interfaces': ok, 1 records" <<<"$out"; then
    ok "without interfaces.2.txt the second poll reads interfaces.txt again"
else
    bad "second poll fallback" "$out"
fi
# The replay transport itself, through erdiag run: the 2nd ask reads .2, a 3rd falls back.
out=$("$erdiag" run ce1 "show interfaces" "show interfaces" "show interfaces" --replay "$fix/healthy" 2>&1)
if [ "$(grep -c '^Loopback0 is up' <<<"$out")" -eq 1 ] && [ "$(grep -c '^GigabitEthernet0/0/0.100 is up' <<<"$out")" -eq 3 ] &&
    [ "$(sed -n '/^Loopback0/=' <<<"$out")" -lt "$(grep -n '^GigabitEthernet' <<<"$out" | sed -n '3s/:.*//p')" ]; then
    ok "replay: 1st ask interfaces.txt, 2nd interfaces.2.txt, 3rd interfaces.txt"
else
    bad "replay nth answer" "$out"
fi

# Abbreviations and output filters through erdiag run: the written-out form is what is asked
# (the probe file answers "sh ip bgp sum"), a filtered answer says so, an abbreviation that
# would write is refused before anything is asked.
expect "run: an abbreviation is written out" 0 '"command":"show ip bgp summary".*"records":[1-9]' -- \
    "$erdiag" run ce1 "sh ip bgp sum" --json --replay "$fix/healthy"
cp -r "$fix/healthy" "$work/filtered"
grep -E '^(Internet|Protocol)' "$fix/healthy/arp.txt" >"$work/filtered/arp_filtered.txt" || true
printf 'sh ip arp | i Internet\tarp_filtered.txt\n' >>"$work/filtered/index.tsv"
expect "run: a filtered answer says filtered" 0 '"filtered":true,"filter":"i"' -- \
    "$erdiag" run ce1 "sh ip arp | i Internet" --json --replay "$work/filtered"
expect "run: an abbreviation cannot smuggle a write" 2 "refused: stage '| tee x'" -- \
    "$erdiag" run ce1 "sh ip bgp sum | tee x" --replay "$fix/healthy"

# ---- a missing probe file: its step SKIPs with the reason, and the report says which probe
cp -r "$fix/healthy" "$work/noarp"
rm "$work/noarp/arp.txt"
out=$(check ce1 --runbook bgp --replay "$work/noarp" --json 2>"$work/err")
if python3 -c '
import json, re, sys
d = json.load(sys.stdin)
s = [s for s in d["steps"] if s["id"] == "arp"][0]
assert s["verdict"] == "SKIP" and s["cause"] == "evidence_missing", s
assert re.search("no recorded answer|no answer recorded|not collected|not evaluated in this build", s["finding"]), s
' <<<"$out" && grep -q "arp: 'show ip arp 192.168.100.130' failed: no recorded answer" "$work/err"; then
    ok "missing arp.txt: arp step SKIP, reason on stderr (JSON mode)"
else
    bad "missing probe (JSON)" "$out$(cat "$work/err")"
fi
out=$(check ce1 --runbook bgp --replay "$work/noarp")
if grep -qzE "Not collected:
  arp: 'show ip arp 192.168.100.130' failed: no recorded answer" <<<"$out" && grep -qE '^\[SKIP\] ARP / neighbor discovery: .+' <<<"$out"; then
    ok "missing arp.txt: text names the probe and the reason"
else
    bad "missing probe (text)" "$out"
fi

# ---- imported files (asymmetric runbook): the format is found from the content
for f in reverse_tracert:tracert:4 reverse_mtr:"mtr --report":4 reverse_linux:traceroute:4; do
    IFS=: read -r file cmd n <<<"$f"
    expect "--reverse-trace $file.txt read as $cmd" 0 "imported $cmd \(imported from .*$file.txt\): $n records" -- \
        check ce1 --runbook asym --replay "$fix/healthy" --reverse-trace "$fix/$file.txt" -v
done
expect "--azure-routes parsed" 3 'imported az network nic show-effective-route-table .*azure_routes.json\): 3 records' -- \
    check ce1 --runbook asym --replay "$fix/healthy" --azure-routes "$fix/azure_routes.json" -v
printf 'nothing useful here\n' >"$work/garbage.json"
expect "--azure-routes garbage is reported" 2 'garbage.json: read as az network nic' -- \
    check ce1 --runbook asym --replay "$fix/healthy" --azure-routes "$work/garbage.json"
expect "asym: forward trace and both route lookups collected" 3 "traceroute 10.1.0.4 source 172.16.0.10 numeric': ok, 2 records" -- \
    check ce1 --runbook asym --replay "$fix/healthy" -v
expect "asym: on-prem route lookup answered through index.tsv" 3 "'show ip route 172.16.0.10': ok, 1 records" -- \
    check ce1 --runbook asym --replay "$fix/healthy" -v

# ---- the reverse trace from the reverse_from Linux host (replayed from DIR/<host>/)
expect "reverse trace from vm1" 3 "vm1 poll 1: traceroute: 'traceroute -n -w 2 -q 3 172.16.0.10': ok, 4 records" -- \
    check ce1 --runbook asym --replay "$fix/viavm" -v
out=$(check ce1 --runbook asym --replay "$fix/viavm" -v --reverse-trace "$fix/reverse_linux.txt" 2>&1 >/dev/null)
if grep -q 'imported traceroute' <<<"$out" && ! grep -q 'vm1 poll' <<<"$out"; then
    ok "a --reverse-trace file wins over reverse_from (vm1 not asked)"
else
    bad "file vs reverse_from" "$out"
fi

# ---- the console's TCP test, replayed
expect "console TCP replayed" 0 'console TCP to 192.168.100.130 port 179: open' -- check ce1 --runbook bgp --replay "$fix/healthy" -v
cp -r "$fix/healthy" "$work/tcpbad"
echo maybe >"$work/tcpbad/tcp_console.txt"
expect "console TCP word checked" 0 'not one of open\|refused\|timeout\|unreachable' -- check ce1 --runbook bgp --replay "$work/tcpbad"

# ---- a device that cannot be reached at all: UNKNOWN, the error in words, nothing on stdout
port=$((20000 + RANDOM % 20000))
cat >"$work/down.ini" <<EOF
[device down]
host = 127.0.0.1
port = $port
vendor = ios
user = noc
password_command = echo noc
known_hosts = $work/known_hosts
timeout = 3
subnet = 192.0.2.0/30
local_ip = 192.0.2.1
peer_ip = 192.0.2.2
local_as = 65010
EOF
start=$SECONDS
out=$(check down --runbook bgp --inventory "$work/down.ini" 2>"$work/err")
rc=$?
if [ "$rc" -eq 3 ] && [ "$(wc -l <<<"$out")" -eq 1 ] &&
    grep -qE '^UNKNOWN - device_unreachable on down 192\.0\.2\.2: down: cannot reach the device: cannot connect.* \| collect_time=' <<<"$out" &&
    grep -q 'down: cannot reach the device: cannot connect' "$work/err" && [ $((SECONDS - start)) -lt 10 ]; then
    ok "unreachable device: exit 3, one connect attempt, the UNKNOWN line with the error in words"
else
    bad "unreachable device: exit $rc" "$out$(cat "$work/err")"
fi
# --json always prints one object: UNKNOWN, the error in words, nothing else on stdout.
json_error() { # json_error CAUSE PATTERN < stdout
    python3 -c '
import json, re, sys
d = json.loads(sys.stdin.read())  # the whole of stdout is one object
assert list(d) == ["device", "runbook", "status", "exit_code", "root_cause", "causes", "steps", "summary",
                   "version", "vendor", "time", "error"], list(d)
assert d["status"] == "UNKNOWN" and d["exit_code"] == 3 and d["steps"] == [] and d["causes"] == [], d
assert d["root_cause"]["cause"] == sys.argv[1] and d["root_cause"]["verdict"] == "SKIP", d["root_cause"]
assert re.search(sys.argv[2], d["error"]) and d["root_cause"]["finding"] == d["error"], d["error"]
assert "no fault found" not in json.dumps(d), d
' "$@"
}
out=$(check down --runbook bgp --inventory "$work/down.ini" --json 2>/dev/null)
rc=$?
if [ "$rc" -eq 3 ] && json_error device_unreachable 'cannot reach the device: cannot connect' <<<"$out"; then
    ok "--json, unreachable device: one UNKNOWN object with the error"
else
    bad "--json unreachable (exit $rc)" "$out"
fi
out=$(check nope --runbook bgp --inventory "$work/down.ini" --json 2>/dev/null)
rc=$?
[ "$rc" -eq 3 ] && json_error usage_error "no device 'nope'" <<<"$out" && ok "--json, unknown device: an UNKNOWN object" ||
    bad "--json unknown device (exit $rc)" "$out"
out=$(check ce1 --runbook ospf --json --replay "$fix/healthy" 2>/dev/null)
rc=$?
[ "$rc" -eq 3 ] && json_error usage_error "unknown runbook 'ospf'" <<<"$out" && ok "--json, usage error after the options: an object" ||
    bad "--json usage error (exit $rc)" "$out"

# ---- a recording that cannot be made: UNKNOWN before anything connects, the file named
touch "$work/afile"
start=$SECONDS
expect "--record into a path that cannot be a directory: exit 3, named" 3 'cannot record: .*afile/rec: Not a directory' -- \
    check down --runbook bgp --inventory "$work/down.ini" --record "$work/afile/rec"
[ $((SECONDS - start)) -lt 3 ] && ok "... and no connection was tried" || bad "--record failure took $((SECONDS - start)) s"

# ---- address families: a dual-stack device gives a verdict per family, IPv4 first ----
assert_that() { # assert_that NAME COMMAND...
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name" "$out"; fi
}
ds=$top/scenarios/v6-swapped-addresses-ios
out=$("$erdiag" check ce1-nyc --runbook bgp --replay "$ds" --no-journal --json 2>/dev/null)
rc=$?
fam=$(python3 -c '
import json, sys
text, dec, objs, i = sys.stdin.read(), json.JSONDecoder(), [], 0
while text[i:].strip():
    i += len(text[i:]) - len(text[i:].lstrip())
    o, i = dec.raw_decode(text, i)
    objs.append(o)
print(" ".join("%s:%s" % (o["family"], o["root_cause"]["cause"]) for o in objs))' <<<"$out" 2>&1)
assert_that "dual-stack, no --family: an IPv4 then an IPv6 verdict, exit the worse (2)" \
    test "$fam $rc" = "ipv4:none ipv6:address_swapped 2"
out=$("$erdiag" check ce1-nyc --runbook bgp --replay "$ds" --no-journal --family both 2>/dev/null)
assert_that "--family both, text: two status lines" eval '[ "$(grep -c "^\(OK\|CRITICAL\) - " <<<"$out")" = 2 ] &&
    grep -q "^CRITICAL - address_swapped on ce1-nyc 2001:db8:c0de::2" <<<"$out"'
out=$("$erdiag" check ce1-nyc --runbook bgp --replay "$ds" --no-journal --family ipv4 2>/dev/null)
rc=$?
assert_that "--family ipv4: that verdict only (OK, exit 0)" eval '[ $rc -eq 0 ] &&
    grep -q "^OK - bgp on ce1-nyc 192.168.100.130" <<<"$out" && ! grep -q 2001:db8 <<<"$out"'
out=$("$erdiag" check ce1 --runbook bgp --replay "$fix/healthy" --no-journal --family ipv6 --json 2>&1)
assert_that "--family ipv6 on an IPv4-only device: UNKNOWN, said in words" eval \
    'grep -q "has no IPv6 peering in the inventory (subnet6, peer_ip6)" <<<"$out"'
out=$("$erdiag" check ce1-nyc --runbook bgp --replay "$ds" --family ipv5 2>&1)
rc=$?
assert_that "--family ipv5: a usage error" eval '[ $rc -eq 3 ] && grep -q "ipv4, ipv6 or both" <<<"$out"'
XDG_STATE_HOME=$work/state "$erdiag" check ce1-nyc --runbook bgp --replay "$ds" --report "$work/dual.md" >/dev/null 2>&1
assert_that "--report with two families: FILE for IPv4, FILE-ipv6 for IPv6" eval \
    'grep -q "192.168.100.130" "$work/dual.md" && grep -q "address_swapped" "$work/dual-ipv6.md"'

# ---- parse: a filter the platform does not have is said, the capture still read ----
out=$(printf 'Internet  10.1.0.2  12  5254.0012.3456  ARPA  GigabitEthernet0/1\n' |
    "$erdiag" parse --vendor ios --command "show ip arp | grep 10.1" 2>&1)
assert_that "parse: '| grep' on IOS is said to be no IOS filter, the rows still read" eval \
    'grep -q "warning: output filter .| grep 10.1. is not allowed on ios" <<<"$out" && grep -q "\"records\":1" <<<"$out"'
out=$(printf 'Internet  10.1.0.2  12  5254.0012.3456  ARPA  GigabitEthernet0/1\n' |
    "$erdiag" parse --vendor ios --command "show ip arp | include 10.1" 2>&1)
assert_that "parse: '| include' on IOS, no warning" eval '! grep -q warning <<<"$out"'

# ---- live over SSH (the device simulator answering from the scenario), recorded, replayed
if [ -z "${ERDIAG_SANDBOX_VERIFIED:-}" ]; then
    echo "check-cli: not inside tests/sandbox.sh: the live tests would reach the peer's address"
    echo "check-cli: $((checks - fails)) passed, $((fails + 1)) failed"
    exit 1
fi
devsim=$top/tests/sim/devsim
if make -C "$top" tests/sim/devsim >/dev/null 2>&1 && [ -x "$devsim" ]; then
    sport=$((20000 + RANDOM % 20000))
    mkdir -p "$work/home"
    cp -r "$fix/healthy" "$work/scn" # answered per command: the secret test below edits it
    "$devsim" --port "$sport" --vendor ios --hostname ce1 --dir "$work/scn" --hostkey "$work/simkey" \
        >"$work/devsim.log" 2>&1 &
    simpid=$!
    trap 'kill $simpid 2>/dev/null; rm -rf "$work"' EXIT
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$sport") 2>/dev/null && break; sleep 0.1; done
    { printf '[device ce1]\nhost = 127.0.0.1\nport = %s\nuser = noc\npassword_command = echo noc\n' "$sport"
      printf 'known_hosts = %s\n' "$work/known_hosts"
      sed -n '/^vendor/,$p' "$fix/healthy/device.ini"; } >"$work/live.ini"
    live=$(HOME=$work/home "$erdiag" check ce1 --runbook bgp --inventory "$work/live.ini" --accept-new --interval 1 \
        --record "$work/rec" --json -v 2>"$work/live.err")
    rc=$?
    code=$(json_shape bgp "${bgp_ids[@]}" <<<"$live" 2>&1)
    if [ "$code" = "$rc" ] && grep -q "poll 2: interfaces: 'show interfaces': ok, 2 records" "$work/live.err" &&
        grep -q "poll 1: log_auth: 'show logging | include BADAUTH|MD5|TCP-6': ok" "$work/live.err"; then
        ok "live over SSH: every probe answered, second poll, JSON shape, exit $rc"
    else
        bad "live over SSH (exit $rc)" "$live$(cat "$work/live.err")"
    fi
    # The test sandbox (tests/sandbox.sh) routes nothing off this machine: the console's own TCP
    # test to the peer must come back unreachable, never open or timed out.
    if grep -q 'console TCP to 192.168.100.130 port 179: unreachable' "$work/live.err"; then
        ok "live over SSH: the console TCP test to the peer stays in the sandbox (unreachable)"
    else
        bad "console TCP test left the sandbox or was not run" "$(grep 'console TCP' "$work/live.err")"
    fi
    if [ -f "$work/rec/device.ini" ] && cmp -s "$work/rec/interfaces.txt" "$fix/healthy/interfaces.txt" &&
        cmp -s "$work/rec/interfaces.2.txt" "$fix/healthy/interfaces.2.txt" && grep -qE '^(open|refused|timeout|unreachable|error)$' "$work/rec/tcp_console.txt"; then
        ok "--record: device.ini, both interface polls, the console TCP result"
    else
        bad "--record layout" "$(ls -l "$work/rec" 2>&1)"
    fi
    # polls.tsv: every answer with its UTC time; the two interface polls about --interval apart,
    # and a replay of the recording computes its rates over that interval.
    if python3 -c '
import datetime, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
t = {(r[0], r[1]): datetime.datetime.strptime(r[3], "%Y-%m-%dT%H:%M:%S.%fZ") for r in rows}
files = {(r[0], r[1]): r[2] for r in rows}
assert files[("interfaces", "1")] == "interfaces.txt" and files[("interfaces", "2")] == "interfaces.2.txt", files
gap = (t[("interfaces", "2")] - t[("interfaces", "1")]).total_seconds()
assert 0.9 <= gap < 5, gap
assert len(rows) >= 10, rows
' "$work/rec/polls.tsv" && replayed=$(check ce1 --runbook bgp --replay "$work/rec" --json) &&
        grep -q 'counters steady between the two polls' <<<"$replayed" && ! grep -q 'interval unknown' <<<"$replayed"; then
        ok "--record: polls.tsv holds each answer's UTC time; the replay knows the interval"
    else
        bad "--record polls.tsv" "$(cat "$work/rec/polls.tsv"; check ce1 --runbook bgp --replay "$work/rec" | sed -n 4,6p)"
    fi
    if [ "$(stat -c %a "$work/rec")" = 700 ] && [ "$(find "$work/rec" -type f -exec stat -c %a {} + | sort -u)" = 600 ] &&
        ! grep -qE '^(password_command|identity|jump|known_hosts) *=' "$work/rec/device.ini"; then
        ok "--record: directory 0700, files 0600, no login details in device.ini"
    else
        bad "--record modes or device.ini" "$(ls -la "$work/rec"; cat "$work/rec/device.ini")"
    fi
    mkdir -m 700 "$work/trap"
    printf 'precious\n' >"$work/victim"
    ln -s "$work/victim" "$work/trap/interfaces.2.txt"
    out=$(HOME=$work/home "$erdiag" check ce1 --runbook bgp --inventory "$work/live.ini" --interval 0 --record "$work/trap" 2>&1)
    rc=$?
    if [ "$rc" -eq 3 ] && grep -q 'recording failed: .*trap/interfaces.2.txt: is a symbolic link' <<<"$out" &&
        grep -qE '^(OK|WARNING|CRITICAL) - ' <<<"$out" && [ "$(cat "$work/victim")" = precious ]; then
        ok "--record with a link planted as interfaces.2.txt: verdict shown, exit 3, target unchanged"
    else
        bad "--record through a planted link (exit $rc)" "$out"
    fi
    replayed=$(check ce1 --runbook bgp --replay "$work/rec" -v 2>&1 >/dev/null)
    if grep -q "poll 2: interfaces: 'show interfaces': ok, 2 records" <<<"$replayed" && ! grep -q 'no recorded answer' <<<"$replayed"; then
        ok "the recording replays, second poll included"
    else
        bad "replaying the recording" "$replayed"
    fi
    HOME=$work/home "$erdiag" check ce1 --runbook asym --inventory "$work/live.ini" --record "$work/arec" >/dev/null 2>&1
    areplay=$(check ce1 --runbook asym --replay "$work/arec" -v 2>&1 >/dev/null)
    vmfile=$(sed -n 's/^show ip route 10\.1\.0\.4\t//p' "$work/arec/index.tsv" | head -n 1)
    opfile=$(sed -n 's/^show ip route 172\.16\.0\.10\t//p' "$work/arec/index.tsv" | head -n 1)
    if [ -n "$vmfile" ] && [ -n "$opfile" ] && cmp -s "$work/arec/$vmfile" "$fix/healthy/route_lookup.txt" &&
        cmp -s "$work/arec/$opfile" "$fix/healthy/route_onprem.txt" && ! grep -q 'no recorded answer' <<<"$areplay"; then
        ok "--record asym: the two route lookups keep their own answers, and replay"
    else
        bad "--record asym" "$(ls "$work/arec"; cat "$work/arec/index.tsv"; echo "$areplay")"
    fi
    # A key quoted in an interface description never reaches a recording (both polls are
    # written by erdiag check itself, through the record writer), nor does the BGP password.
    sed -i 's/^  Description: .*/  Description: uplink password 7 S3CR3T-IF-1/' "$work/scn/interfaces.txt" \
        "$work/scn/interfaces.2.txt"
    HOME=$work/home "$erdiag" check ce1 --runbook bgp --inventory "$work/live.ini" --interval 1 --record "$work/srec" \
        >/dev/null 2>&1
    if [ -s "$work/srec/interfaces.2.txt" ] && ! grep -rqE 'S3CR3T|0822455D0A16544541' "$work/srec" &&
        grep -q 'Description: uplink password 7 <redacted>' "$work/srec/interfaces.txt" &&
        grep -q 'Description: uplink password 7 <redacted>' "$work/srec/interfaces.2.txt" &&
        grep -q 'password 7 <redacted>' "$work/srec/bgp_config.txt"; then
        ok "--record: no secret in any recorded file, interface polls included"
    else
        bad "--record kept a secret" "$(grep -rnE 'S3CR3T|0822455D0A16544541|Description' "$work/srec")"
    fi
    wrong=$(sed 's/^timeout = 5/timeout = 2/' "$work/live.ini" | sed "s/^port = .*/port = $sport/; s/^password_command = .*/password_command = echo wrong/")
    printf '%s\n' "$wrong" >"$work/wrong.ini"
    expect "wrong password: UNKNOWN, authentication failed" 3 'ce1: cannot reach the device: authentication failed' -- \
        env HOME="$work/home" "$erdiag" check ce1 --runbook bgp --inventory "$work/wrong.ini" --interval 0
else
    echo "== live checks skipped: tests/sim/devsim could not be built"
fi

echo "check-cli: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
