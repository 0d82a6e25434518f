#!/bin/bash
# console-bench.sh: what the console costs while an engineer watches it.  The demo
# (demo-healthy-eos, replayed live) runs in tmux under /usr/bin/time for SECONDS (default 60):
# once polling every 5 s (the default interval), once paused (space).  Prints the CPU seconds
# each used (user + system) and its peak RSS, then the latency of a key while it polls
# (median of 9).  Idle between polls must be near zero: no busy loop.
#   bench/console-bench.sh [ERDIAG] [SECONDS]
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
erdiag=$(realpath "${1:-$top/erdiag}")
secs=${2:-60}
command -v tmux >/dev/null || { echo "console-bench: needs tmux"; exit 1; }
[ -x /usr/bin/time ] || { echo "console-bench: needs /usr/bin/time (Debian package: time)"; exit 1; }
# shellcheck source=tests/integration/tui-lib.sh
source "$top/tests/integration/tui-lib.sh"
work=$(mktemp -d /tmp/erdiag-console-bench.XXXXXX)
export HOME=$work/home
mkdir -p "$HOME"
trap 'rm -rf "$work"' EXIT

# run LABEL KEYS...: SECONDS of the demo after KEYS, then q; prints CPU and RSS.
run() {
    local label=$1
    shift
    tui_start bench 120 40 /usr/bin/time -f "%U %S %M" -o "$work/$label.time" \
        "$erdiag" --demo demo-healthy-eos --interval 5
    tui_wait "Runbook: bgp" 10 >/dev/null || { echo "console-bench: the demo did not open"; exit 1; }
    [ $# -eq 0 ] || tui_keys "$@"
    sleep "$secs"
    tui_keys q
    tui_wait "Quit anyway?" 1 >/dev/null 2>&1 && tui_keys y
    for _ in $(seq 50); do [ -s "$work/$label.time" ] && break; sleep 0.1; done
    tui_stop
    read -r user sys rss <"$work/$label.time"
    printf 'console-bench: %-28s %5.2f s CPU in %d s (%.2f%%), peak RSS %.1f MiB\n' "$label" \
        "$(echo "$user + $sys" | bc)" "$secs" "$(echo "($user + $sys) * 100 / $secs" | bc -l)" \
        "$(echo "$rss / 1024" | bc -l)"
}

run "polling every 5 s"
run "paused (space)" Space

# Key latency while the demo polls: the help overlay opening, 9 times.
tui_start bench 120 40 "$erdiag" --demo demo-healthy-eos --interval 5
tui_wait "Runbook: bgp" 10 >/dev/null
lat=()
for _ in $(seq 9); do
    lat+=("$(tui_key_latency '?' 'Help: keys' 2)")
    tui_keys Escape
    tui_wait_gone "Help: keys" 2 >/dev/null
done
tui_stop
printf 'console-bench: key to screen (help overlay), ms: %s (median %s)\n' "${lat[*]}" \
    "$(printf '%s\n' "${lat[@]}" | sort -n | sed -n 5p)"
