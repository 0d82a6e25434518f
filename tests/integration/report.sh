#!/bin/bash
# report.sh: incident reports from session journals, end to end with the erdiag binary.
#   - check --report FILE writes the report of the session it ran, the format from FILE's
#     extension (md, html, json), and --format overrides it; --report with --no-journal is a
#     usage error;
#   - erdiag report JOURNAL writes the same report from the journal afterwards, in each format;
#   - the JSON validates against docs/report-schema.json; the HTML is well-formed XML (xmllint)
#     and fetches nothing (no http:// or https://, no script, no src=); the Markdown names the
#     root cause;
#   - the journal replays: check --replay JOURNAL names the same root cause;
#   - no secret of the scenario's configuration reaches the journal or any report, and with
#     --keep-secrets it reaches the journal (0600) but still no report;
#   - a journal cut short (a kill mid-entry) still makes a report, which says it was cut.
# Needs python3 with jsonschema and xmllint (scripts/deps.txt).  No root, no network.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=${ERDIAG:-$top/erdiag}
schema=$top/docs/report-schema.json
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@" >/dev/null 2>&1; then ok "$name"; else bad "$name"; fi
}
[ -x "$erdiag" ] || { echo "report: $erdiag is not built"; echo "report: 0 passed, 1 failed"; exit 1; }
work=$(mktemp -d /tmp/erdiag-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
export XDG_STATE_HOME=$work/state
sessions=$XDG_STATE_HOME/erdiag/sessions
newest() { ls -t "$sessions"/*.jsonl | head -1; }

valid_json() { python3 - "$1" "$schema" <<'PY'
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
PY
}
fetches_nothing() { ! grep -Eqi 'https?://|<script|src=' "$1"; }

# scenario SCENARIO DEVICE RUNBOOK CAUSE SECRET [check args]
scenario() {
    local sc=$1 dev=$2 rb=$3 cause=$4 secret=$5
    shift 5
    local d=$top/scenarios/$sc out=$work/$sc
    mkdir -p "$out"
    "$erdiag" check "$dev" --runbook "$rb" --replay "$d" "$@" --report "$out/check.md" >/dev/null 2>&1
    local j
    j=$(newest)
    check "$sc: check --report .md names the root cause $cause" grep -q "$cause" "$out/check.md"
    for f in md html json; do
        "$erdiag" report "$j" --format "$f" -o "$out/report.$f" 2>"$out/report.$f.err" || bad "$sc: report --format $f: $(cat "$out/report.$f.err")"
    done
    check "$sc: the report's Markdown is the one check wrote" cmp "$out/check.md" "$out/report.md"
    check "$sc: JSON validates against docs/report-schema.json" valid_json "$out/report.json"
    check "$sc: HTML is well-formed (xmllint)" xmllint --noout "$out/report.html"
    check "$sc: HTML fetches nothing (no URL, script or src)" fetches_nothing "$out/report.html"
    check "$sc: the journal replays to the same root cause" \
        bash -c "'$erdiag' check '$dev' --runbook '$rb' --replay '$j' --no-journal --json | grep -q '\"cause\": \"$cause\"'"
    if [ -n "$secret" ]; then
        check "$sc: no secret in the journal or any report" bash -c "! grep -rlF -- '$secret' '$out' '$j'"
    fi
}

scenario md5-mismatch-ios ce1-nyc bgp md5_mismatch 094F471A1A0A464058
scenario crc-rising-ios ce1-nyc bgp interface_errors ""
d=$top/scenarios/forced-tunneling-ios
scenario forced-tunneling-ios ce1-nyc asym forced_tunneling "" --reverse-trace "$d/reverse_trace.txt" --azure-routes "$d/azure_routes.json"

# format by extension and by --format
"$erdiag" check ce1-nyc --runbook bgp --replay "$top/scenarios/healthy-ios" --report "$work/h.html" >/dev/null 2>&1
check "check --report x.html writes HTML" grep -q '<!DOCTYPE html>' "$work/h.html"
"$erdiag" check ce1-nyc --runbook bgp --replay "$top/scenarios/healthy-ios" --report "$work/h.txt" --format json >/dev/null 2>&1
check "check --report x.txt --format json writes JSON" valid_json "$work/h.txt"
check "report files are 0600" bash -c "[ \$(stat -c %a '$work/h.html') = 600 ]"
"$erdiag" check ce1-nyc --runbook bgp --replay "$top/scenarios/healthy-ios" --report "$work/n.md" --no-journal >/dev/null 2>&1
rc=$?
check "--report with --no-journal: a usage error (exit 3), no file" bash -c "[ $rc -eq 3 ] && [ ! -e '$work/n.md' ]"
ln -s "$work/elsewhere" "$work/link.md"
"$erdiag" report "$(newest)" -o "$work/link.md" >/dev/null 2>&1
check "a report is never written through a symbolic link" bash -c "[ ! -e '$work/elsewhere' ]"

# --keep-secrets: the journal keeps them (0600), no report does
"$erdiag" check ce1-nyc --runbook bgp --replay "$top/scenarios/md5-mismatch-ios" --keep-secrets --report "$work/k.md" >/dev/null 2>&1
j=$(newest)
check "--keep-secrets: the journal holds the raw answer's secret" grep -qF 094F471A1A0A464058 "$j"
check "--keep-secrets: the journal is 0600" bash -c "[ \$(stat -c %a '$j') = 600 ]"
for f in md html json; do "$erdiag" report "$j" --format $f -o "$work/k.$f" >/dev/null 2>&1; done
check "--keep-secrets: no report format holds it" bash -c "! grep -lF 094F471A1A0A464058 '$work'/k.md '$work'/k.html '$work'/k.json"

# a journal cut short mid-entry (what SIGKILL leaves) still makes a report, which says so
"$erdiag" check ce1-nyc --runbook bgp --replay "$top/scenarios/tcp179-blocked-ios" >/dev/null 2>&1
j=$(newest)
head -c $(($(stat -c %s "$j") - 40)) "$j" >"$work/cut.jsonl"
"$erdiag" report "$work/cut.jsonl" -o "$work/cut.md" 2>"$work/cut.err"
check "a cut journal still makes a report" grep -q tcp179_blocked "$work/cut.md"
check "the report says the session was cut short" grep -qi "cut short\|torn" "$work/cut.md"
check "erdiag report --list marks it unfinished" bash -c "cp '$work/cut.jsonl' '$sessions/' && '$erdiag' report --list | grep -q UNFINISHED"

echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
