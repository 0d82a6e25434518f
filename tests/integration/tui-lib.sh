# tui-lib.sh: drive a full-screen program inside tmux for end-to-end tests (sourced, not run).
#
#   source tests/integration/tui-lib.sh
#   tui_start NAME COLS ROWS CMD...   start CMD in a detached tmux session of COLS x ROWS on a
#                                     private server (tmux -L erdiag-test-$$), no status line,
#                                     in a clean environment: PATH, HOME, TERM=xterm-256color and
#                                     LANG=C.UTF-8 (LANG=X tui_start ... picks another; anything
#                                     else goes through `env VAR=VALUE CMD...`).  Later calls act
#                                     on this session.  The server is killed on EXIT (an EXIT
#                                     trap set before tui_start still runs after it; one set
#                                     after replaces it and must call tui_stop itself).
#   tui_stop                          kill the server (also run on EXIT)
#   tui_keys KEYS...                  tmux send-keys (key names: Enter, Escape, C-c, Up, F1 ...)
#   tui_type TEXT                     send TEXT literally (send-keys -l)
#   tui_screen                        print the screen as text (capture-pane -p)
#   tui_screen_escapes                print it with its colour and attribute escapes (-e)
#   tui_wait TEXT [SECS]              wait until the screen holds TEXT (a fixed string), polling
#                                     every 50 ms; after SECS (whole seconds, 10) print the
#                                     screen on stderr and return 1
#   tui_wait_gone TEXT [SECS]         the same, until TEXT is no longer on the screen
#   tui_resize COLS ROWS              resize the window (the program gets SIGWINCH)
#   tui_key_latency KEY TEXT [SECS]   send KEY, print the milliseconds until TEXT appears;
#                                     return 1 (printing the screen on stderr) after SECS (10)
#   tui_assert_clean                  the screen holds no raw ESC, no "^[", no U+FFFD and no
#                                     line longer than the pane is wide; else print why and the
#                                     screen on stderr and return 1
#
# Everything returns 0 on success.  Needs tmux (scripts/deps.txt) and bash 4.
TUI_SOCKET=erdiag-test-$$
TUI_SESSION=
_tui_dir=
_tui_trap_set=
_tui_lang_at_source=${LANG-<unset>}

_tui() { tmux -L "$TUI_SOCKET" "$@"; }

tui_start() { # NAME COLS ROWS CMD...
    local name=$1 cols=$2 rows=$3 lang=C.UTF-8
    shift 3
    # A LANG given with this call (LANG=C tui_start ...) or set after sourcing wins; the LANG
    # the tests were started with does not, so that a run does not depend on the user's locale.
    [ "${LANG-<unset>}" != "$_tui_lang_at_source" ] && lang=${LANG-}
    [ -n "$_tui_dir" ] || _tui_dir=$(mktemp -d /tmp/erdiag-tui.XXXXXX) || return 1
    printf '%s\n' 'set -g default-terminal xterm-256color' 'set -g status off' 'set -g escape-time 0' \
        'set -g history-limit 2000' >"$_tui_dir/tmux.conf"
    _tui_trap_exit
    local env=(PATH="$PATH" TERM=xterm-256color LANG="$lang")
    [ -n "${HOME:-}" ] && env+=(HOME="$HOME")
    [ -n "${TMUX_TMPDIR:-}" ] && env+=(TMUX_TMPDIR="$TMUX_TMPDIR")
    env -i "${env[@]}" tmux -L "$TUI_SOCKET" -f "$_tui_dir/tmux.conf" \
        new-session -d -s "$name" -x "$cols" -y "$rows" -- "$@" || return 1
    TUI_SESSION=$name
}

# Runs tui_stop on EXIT, then whatever EXIT trap the caller had set before.
_tui_trap_exit() {
    [ -n "$_tui_trap_set" ] && return 0
    local prev
    prev=$(trap -p EXIT)
    _tui_prev_trap=
    if [ -n "$prev" ]; then
        eval "set -- $prev" # trap -- 'command' EXIT
        _tui_prev_trap=$3
    fi
    trap '_tui_on_exit' EXIT
    _tui_trap_set=1
}

_tui_on_exit() {
    tui_stop
    [ -z "${_tui_prev_trap:-}" ] || eval "$_tui_prev_trap"
}

tui_stop() {
    _tui kill-server 2>/dev/null
    [ -z "$_tui_dir" ] || rm -rf "$_tui_dir"
    _tui_dir=
    TUI_SESSION=
    return 0
}

tui_keys() { _tui send-keys -t "$TUI_SESSION" "$@"; }

tui_type() { _tui send-keys -t "$TUI_SESSION" -l -- "$1"; }

tui_screen() { _tui capture-pane -p -t "$TUI_SESSION"; }

tui_screen_escapes() { _tui capture-pane -p -e -t "$TUI_SESSION"; }

# Polls until the screen holds TEXT (want=1) or no longer holds it (want=0), every 50 ms.
_tui_poll() { # want TEXT SECS
    local want=$1 text=$2 secs=${3:-10} have deadline
    deadline=$(($(date +%s%N) + secs * 1000000000))
    while :; do
        if tui_screen | grep -qF -- "$text"; then have=1; else have=0; fi
        [ "$have" -eq "$want" ] && return 0
        [ "$(date +%s%N)" -ge "$deadline" ] && break
        sleep 0.05
    done
    {
        [ "$want" -eq 1 ] && echo "tui_wait: '$text' did not appear within $secs s; the screen:"
        [ "$want" -eq 0 ] && echo "tui_wait_gone: '$text' still on the screen after $secs s; the screen:"
        tui_screen
    } >&2
    return 1
}

tui_wait() { _tui_poll 1 "$1" "${2:-10}"; }

tui_wait_gone() { _tui_poll 0 "$1" "${2:-10}"; }

tui_resize() { _tui resize-window -t "$TUI_SESSION" -x "$1" -y "$2"; }

# No sleep between polls: the figure is a latency, not a wait (each poll costs a tmux client).
tui_key_latency() { # KEY TEXT [SECS]
    local key=$1 text=$2 secs=${3:-10} start now
    start=$(date +%s%N)
    tui_keys "$key" || return 1
    while :; do
        now=$(date +%s%N)
        if tui_screen | grep -qF -- "$text"; then
            echo $(((now - start) / 1000000))
            return 0
        fi
        if [ "$now" -ge $((start + secs * 1000000000)) ]; then
            { echo "tui_key_latency: '$text' did not appear within $secs s after $key; the screen:"; tui_screen; } >&2
            return 1
        fi
    done
}

tui_assert_clean() {
    local screen width why= line LC_ALL=C.UTF-8 # characters, not bytes, in ${#line}
    screen=$(tui_screen) || return 1
    width=$(_tui display-message -p -t "$TUI_SESSION" '#{pane_width}') || return 1
    if [[ "$screen" == *$'\e'* ]]; then
        why="a raw ESC"
    elif [[ "$screen" == *'^['* ]]; then
        why="a visible ^["
    elif [[ "$screen" == *$'\xef\xbf\xbd'* ]]; then
        why="a replacement character (U+FFFD)"
    else
        while IFS= read -r line; do
            if [ "${#line}" -gt "$width" ]; then
                why="a line longer than $width columns: $line"
                break
            fi
        done <<<"$screen"
    fi
    [ -z "$why" ] && return 0
    { echo "tui_assert_clean: the screen holds $why; the screen:"; printf '%s\n' "$screen"; } >&2
    return 1
}
