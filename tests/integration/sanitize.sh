#!/bin/bash
# No byte a terminal obeys reaches it from a device or a file (no root, no network): a copy of
# a bundled replay scenario whose captures hold a window title (ESC ] 0;pwned BEL), a reset
# (ESC c), a C1 CSI raw (0x9b) and an OSC in UTF-8 (C2 9D), and an inventory whose values hold
# the same.  erdiag run and erdiag check, as text and as JSON, must write no raw ESC and no C1
# byte on stdout or stderr, show the escapes visibly (\e, \x9b), keep UTF-8 text readable,
# and keep the real text in the JSON data (escaped by JSON, not by the sanitizer).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
erdiag=$top/erdiag
work=$(mktemp -d /tmp/erdiag-sanitize.XXXXXX)
# KEEP=1 leaves the work directory behind, to look at what failed.
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
fails=0
checks=0

[ -x "$erdiag" ] || make -C "$top" erdiag >/dev/null || exit 1
command -v python3 >/dev/null || { echo "sanitize: python3 is needed for the byte and JSON checks"; exit 1; }

ok() { checks=$((checks + 1)); echo "ok   $1"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && od -c "$2" | head -n 12; }

# The scenario: healthy-ios with hostile bytes on lines that become evidence.
scn=$work/scenario
cp -r "$top/scenarios/healthy-ios" "$scn"
hostile=$'\e]0;pwned\a\ec\x9b31m\xc2\x9d0;x\a'
printf '%s' "$hostile" | cat - "$top/scenarios/healthy-ios/version.txt" >"$scn/version.txt"
for f in interfaces.txt interfaces.2.txt; do
    sed -i "s/^GigabitEthernet0\/0\/0 is up, line protocol is up.*/GigabitEthernet0\/0\/0 is up, line protocol is up $hostile/" "$scn/$f"
done
sed -i "s/BGP state = Established, up for 3d04h/& café $hostile/" "$scn/bgp_neighbor.txt"
grep -q $'\e]0;pwned' "$scn/bgp_neighbor.txt" || { echo "sanitize: could not build the scenario"; exit 1; }

# terminal_safe FILE: no ESC (grep), no 0x9b/0x9d byte (od), and (python) no C0 but TAB/LF, no
# DEL, no C1 raw or in UTF-8, nothing that is not valid UTF-8.
terminal_safe() {
    [ "$(grep -c $'\e' "$1")" -eq 0 ] || return 1
    ! od -An -tx1 "$1" | grep -qE '(^| )(9b|9d)( |$)' || return 1
    python3 - "$1" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit("not UTF-8: %s" % e)
bad = re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
sys.exit("control character %r at %d" % (bad.group(), bad.start()) if bad else 0)
EOF
}

# run NAME WANT_RC VISIBLE -- erdiag args...: exit status, both streams terminal-safe, and the
# visible form of the escapes (a fixed string) present in stdout+stderr.
run() {
    local name=$1 want=$2 visible=$3 rc
    shift 4
    "$erdiag" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    cat "$work/out" "$work/err" >"$work/both"
    if [ "$rc" -ne "$want" ]; then bad "$name: exit $rc (want $want)" "$work/both"
    elif ! terminal_safe "$work/out"; then bad "$name: stdout" "$work/out"
    elif ! terminal_safe "$work/err"; then bad "$name: stderr" "$work/err"
    elif [ -n "$visible" ] && ! grep -qF -- "$visible" "$work/both"; then bad "$name: no '$visible'" "$work/both"
    else ok "$name"; fi
}

shown='\e]0;pwned\x07\ec\x9b31m\x9d0;x\x07'
run "run: raw answer" 0 '\e]0;pwned\x07\ec\x9b31m\x9d0;x\x07Cisco IOS XE' -- \
    run ce1-nyc "show version" --replay "$scn"
run "run --json" 0 '' -- run ce1-nyc "show version" --json --replay "$scn"
run "check: evidence lines" 0 "BGP state = Established, up for 3d04h café $shown" -- \
    check ce1-nyc --runbook bgp --replay "$scn"
grep -qF "GigabitEthernet0/0/0 is up, line protocol is up $shown" "$work/out" && ok "check: interface evidence shown" ||
    bad "check: interface evidence" "$work/out"
run "check --verbose" 0 "$shown" -- check ce1-nyc --runbook bgp --replay "$scn" --verbose
run "check --json" 0 '' -- check ce1-nyc --runbook bgp --replay "$scn" --json
# The JSON keeps what the device sent (JSON escapes it; the data is not pre-escaped), and the
# Latin-1-style raw 0x9b becomes U+FFFD rather than making the evidence line vanish.
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
lines = [e["line"] for s in d["steps"] for e in s["evidence"]]
want = "BGP state = Established, up for 3d04h caf\u00e9 \x1b]0;pwned\x07\x1bc\ufffd31m\x9d0;x\x07"
assert want in lines, lines
assert open(sys.argv[1], "rb").read().isascii()
' "$work/out"; then ok "check --json keeps the real text, ASCII only"; else bad "check --json data" "$work/out"; fi

# Device JSON may hold the same controls as \u escapes: the parse contract writes them back as
# \u escapes (ESC, DEL, U+0080..U+009F), never raw, and the value is the device's.
sed 's/"modelName": "DCS-7280SR-48C6"/"modelName": "DCS\\u009b2J\\u001b]0;pwned\\u0007\\u007f\\u0085 caf\\u00e9"/' \
    "$top/tests/fixtures/eos/version.json" >"$work/version.json"
run "parse: device JSON with controls in a string" 0 '' -- \
    parse --vendor eos --command "show version | json" "$work/version.json"
if python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["model"] == "DCS\x9b2J\x1b]0;pwned\x07\x7f\x85 caf\u00e9"
' "$work/out"; then ok "parse: the value is the device's"; else bad "parse: the value" "$work/out"; fi

# An inventory quoting a hostile value in its error: stderr shows it escaped.
sed "s/^vendor = ios/vendor = ios$hostile/" "$top/scenarios/healthy-ios/device.ini" >"$work/inventory.ini"
run "inventory error quoting a value" 2 "vendor 'ios$shown' is not one of" -- \
    run ce1-nyc "show version" --inventory "$work/inventory.ini"
printf '[device ce1]\nhost = 192.0.2.1\nvendor = ios\n\e[2Jbogus\x9b = 1\n' >"$work/inventory2.ini"
run "inventory error quoting a key" 3 "unknown key '\\e[2Jbogus\\x9b'" -- \
    check ce1 --runbook bgp --inventory "$work/inventory2.ini"

echo "sanitize: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
