#!/bin/bash
# The tmux harness (tests/integration/tui-lib.sh) proven on a plain program, `bash --norc`,
# before the console's own end-to-end tests rely on it: a clean environment (TERM, LANG, nothing
# else leaking in), typing and waiting, a wait that times out and says so, resizing, a key's
# latency, the colour escapes only with -e, tui_assert_clean refusing a visible ^[ and U+FFFD,
# and the private tmux server gone after tui_stop and after a script that forgot it exits.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
fails=0
checks=0

ok() { checks=$((checks + 1)); echo "ok   $1"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL $1"; }
check() { # check NAME COMMAND...: passes when COMMAND succeeds
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}

command -v tmux >/dev/null || { echo "tui-selftest: tmux is not installed (scripts/deps.txt): skipped"; exit 0; }
# shellcheck source=tests/integration/tui-lib.sh
source "$top/tests/integration/tui-lib.sh"
export HOME=$(mktemp -d /tmp/erdiag-tui-home.XXXXXX)
trap 'rm -rf "$HOME"' EXIT # tui-lib runs tui_stop first, then this

screen_has_line() { tui_screen | grep -qx -- "$1"; }
prompt() { tui_wait 'sh$' 5; }
shell() { tui_type "$1" && tui_keys Enter; }

export TUI_LEAK=leaked # must not reach the program: the environment is clean
tui_start self 80 24 bash --norc --noprofile || { echo "tui-selftest: tmux would not start"; echo "tui-selftest: 0 passed, 1 failed"; exit 1; }
shell "PS1='sh\$ '; clear"
check "the shell starts and its prompt appears" prompt

shell "echo hi"
check "echo hi: 'hi' appears" tui_wait hi
shell 'echo done-$((6*7))' # the typed line holds "hi" too: wait for the output after it
check "echo hi: a line that is exactly 'hi'" eval 'tui_wait done-42 && screen_has_line hi'

shell 'echo "env: $TERM $LANG ${TUI_LEAK:-clean}"'
check "TERM=xterm-256color, LANG=C.UTF-8, nothing else leaks in" tui_wait "env: xterm-256color C.UTF-8 clean"

shell 'stty size'
check "the pane is 80x24" tui_wait "24 80"
tui_resize 100 30
shell 'clear; stty size'
check "tui_resize 100 30: the program sees 30 rows of 100" tui_wait "30 100"
check "tui_wait_gone: the old size is gone after clear" tui_wait_gone "24 80" 2

started=$(date +%s%N)
tui_wait "never-on-screen" 1 2>"$HOME/wait.err"
rc=$? took=$((($(date +%s%N) - started) / 1000000))
if [ "$rc" -eq 1 ] && [ "$took" -ge 1000 ] && [ "$took" -lt 3000 ] && grep -q "did not appear within 1 s" "$HOME/wait.err" &&
    grep -qF 'sh$' "$HOME/wait.err"; then
    ok "tui_wait times out after 1 s, returns 1 and prints the screen"
else
    bad "tui_wait timeout: rc $rc after $took ms: $(head -c 300 "$HOME/wait.err")"
fi

tui_type 'echo lat-$((40+2))'
ms=$(tui_key_latency Enter lat-42)
if [[ "$ms" =~ ^[0-9]+$ ]] && [ "$ms" -lt 2000 ]; then ok "tui_key_latency: Enter to 'lat-42' in $ms ms"; else bad "tui_key_latency printed '$ms'"; fi

shell "clear; printf '\\e[31mred-text\\e[0m\\n'"
tui_wait red-text
if tui_screen_escapes | grep -q $'\e\\[31mred-text'; then ok "tui_screen_escapes shows the colour"; else bad "no colour escape in capture-pane -e"; fi
if ! tui_screen | grep -q $'\e'; then ok "tui_screen holds no escape"; else bad "tui_screen holds an escape"; fi
check "tui_assert_clean passes on a plain screen" tui_assert_clean

# refused WHAT COMMAND MARK REASON: once COMMAND has shown MARK, tui_assert_clean fails with REASON.
refused() {
    shell "clear; $2"
    tui_wait "$3" >/dev/null
    if ! tui_assert_clean 2>"$HOME/clean.err" && grep -qF -- "$4" "$HOME/clean.err"; then
        ok "tui_assert_clean refuses $1"
    else
        bad "tui_assert_clean let $1 pass: $(cat "$HOME/clean.err")"
    fi
}
# The marks are computed by the shell, so the typed line (cleared first) never matches them.
refused "a visible ^[" "echo 'caret ^[[2J' \$((1+1))-here" 2-here "a visible ^["
refused "U+FFFD" "printf 'bad \\xef\\xbf\\xbd byte-%s\\n' \$((2+2))" byte-4 "U+FFFD"

tui_stop
if ! tmux -L "$TUI_SOCKET" has-session 2>/dev/null; then ok "tui_stop: the server is gone"; else bad "tui_stop left the server running"; fi

# LANG given with the call wins; a script that exits without tui_stop leaves no server behind.
out=$(bash -c 'source "$1"; LANG=C tui_start other 80 24 bash --norc --noprofile || exit 1
    tui_type "echo \"lang=\$LANG\""; tui_keys Enter; tui_wait "lang=C" 5 >/dev/null 2>&1 && echo "saw-lang-C"
    echo "socket=$TUI_SOCKET"' _ "$top/tests/integration/tui-lib.sh" 2>&1)
check "LANG=C tui_start: the program gets LANG=C" grep -q saw-lang-C <<<"$out"
socket=$(sed -n 's/^socket=//p' <<<"$out")
if [ -n "$socket" ] && ! tmux -L "$socket" has-session 2>/dev/null; then
    ok "a script that exits without tui_stop leaves no tmux server (trap on EXIT)"
else
    bad "the server of a finished script is still there ($socket): $out"
    tmux -L "$socket" kill-server 2>/dev/null
fi

echo "tui-selftest: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
