#!/bin/bash
# completion.sh: the shell completions (completions/erdiag.bash, completions/_erdiag) driven as
# bash drives them (COMP_WORDS, COMP_CWORD, then _erdiag and COMPREPLY), with the binary built
# here first on PATH:
#   - subcommands; every subcommand's options are exactly those its --help lists (both come
#     from the option table: the script never lists an option);
#   - device names after check, console and run (run: only its first operand), from the default
#     inventory and from the one --inventory names on the line being completed (also written
#     --inventory=FILE, which bash splits at the "=");
#   - group names after --group, the choices of --runbook and --format, file names after
#     --inventory, --replay and -o;
#   - a circuit name that looks like shell is offered quoted and never run (when check has
#     --circuit);
#   - zsh parses _erdiag (when zsh is installed: scripts/deps.txt).
# No root, no network.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/erdiag-completion.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); [ -n "${2:-}" ] && echo "     got: $2"; }
[ -x "$top/erdiag" ] || make -C "$top" erdiag >/dev/null || exit 1

export PATH=$top:$PATH HOME=$work/home XDG_CONFIG_HOME=$work/cfg
mkdir -p "$HOME" "$XDG_CONFIG_HOME/erdiag/conf.d" "$work/files/sub"
cat >"$XDG_CONFIG_HOME/erdiag/inventory.ini" <<'EOF'
include = conf.d/*.ini
[defaults]
vendor = ios
[group nyc]
circuit = er-nyc-01
[device ce1-nyc]
host = 10.0.0.1
group = nyc
[device ce2-nyc]
host = 10.0.0.2
group = nyc, core
link = secondary
EOF
printf '[group core]\nuser = noc\n[device ce1-lon]\nhost = 10.1.0.1\ngroup = core\n' \
    >"$XDG_CONFIG_HOME/erdiag/conf.d/lon.ini"
printf '[device other-1]\nhost = h\nvendor = eos\ncircuit = $(touch %s/ran) x\n' "$work" >"$work/other.ini"
touch "$work/files/inv-a.ini" "$work/files/inv-b.ini"

# comp WORD... : what _erdiag puts in COMPREPLY for "erdiag WORD..." (the last word is the one
# being completed), space-separated, sorted
comp() {
    (cd "$work/files" && bash -c 'source "$1"; shift; COMP_WORDS=(erdiag "$@"); COMP_CWORD=$#; _erdiag
        printf "%s\n" "${COMPREPLY[@]}"' _ "$top/completions/erdiag.bash" "$@") | sort | tr '\n' ' ' | sed 's/ $//'
}
expect() { # expect NAME WANT WORD...
    local name=$1 want=$2 got
    shift 2
    got=$(comp "$@")
    if [ "$got" = "$want" ]; then ok "$name"; else bad "$name (want '$want')" "'$got'"; fi
}

expect "subcommand: ch -> check" "check" ch
expect "all subcommands" "check console inventory parse report run" ""
expect "help CMD: subcommands" "report run" help r
expect "devices after check (default inventory, its include read)" "ce1-lon ce1-nyc ce2-nyc" check ""
expect "devices after check, by prefix" "ce1-lon ce1-nyc" check ce1
expect "devices after console" "ce1-lon ce1-nyc ce2-nyc" console ""
expect "devices: the first operand of run only" "ce1-lon ce1-nyc ce2-nyc" run ""
expect "nothing for run's command" "" run ce1-nyc ""
expect "devices of --inventory on the line" "other-1" check --inventory "$work/other.ini" ""
expect "devices of -i on the line, after the device position" "other-1" check --runbook bgp -i "$work/other.ini" o
expect "devices of --inventory=FILE (split at =)" "other-1" check --inventory = "$work/other.ini" ""
expect "--group values" "core nyc" inventory list --group ""
expect "--group values by prefix" "nyc" inventory list --group n
expect "inventory's actions" "check list" inventory ""
expect "--runbook values" "asym bgp" check --runbook ""
expect "--format values after --format=" "html json md" check --format =
expect "--format value by prefix after --format=" "md" check --format = m
expect "files after --inventory" "inv-a.ini inv-b.ini sub" check --inventory ""
expect "files after -o" "inv-a.ini inv-b.ini" report -o inv
expect "files after --replay" "sub" console --replay s
expect "files for report's journal" "inv-a.ini inv-b.ini sub" report ""

# Options: exactly what --help lists, for every subcommand.
for cmd in $(comp ""); do
    want=$(erdiag "$cmd" --help | grep -oE '^  (-[a-zA-Z], |    )--[a-z-]+' | grep -oE -- '--[a-z-]+' | sort | tr '\n' ' ' | sed 's/ $//')
    expect "$cmd: the options of its --help" "$want" "$cmd" --
done
want=$(erdiag check --help | grep -oE -- '--r[a-z-]+' | sort -u | tr '\n' ' ' | sed 's/ $//')
expect "check: options after --r" "$want" check --r

# A circuit name is data: quoted when offered, never expanded.
if erdiag check --help | grep -q -- '--circuit'; then
    got=$(comp check --inventory "$work/other.ini" --circuit "")
    if [ "$got" = "$(printf '%q' "\$(touch $work/ran) x")" ]; then
        ok "--circuit values: quoted"
    else
        bad "--circuit values" "$got"
    fi
    [ ! -e "$work/ran" ] && ok "a circuit name is never run" || bad "completing ran a circuit name"
else
    echo "skip --circuit values: erdiag check has no --circuit"
fi

# The helper itself: its first line says what kind of answer follows.
[ "$(erdiag __complete check --inventory "" | head -n 1)" = files ] && ok "__complete: files for --inventory" ||
    bad "__complete --inventory"
[ "$(erdiag __complete ch)" = "$(printf 'words\ncheck')" ] && ok "__complete: words" || bad "__complete ch"

if command -v zsh >/dev/null; then
    zsh -n "$top/completions/_erdiag" && ok "zsh parses _erdiag" || bad "zsh -n _erdiag"
else
    echo "skip zsh: not installed (scripts/deps.txt lists it)"
fi
bash -n "$top/completions/erdiag.bash" && ok "bash parses erdiag.bash" || bad "bash -n erdiag.bash"

echo "completion: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
