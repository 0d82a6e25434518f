#!/bin/bash
# The whole test suite: unit tests (gcc, clang, ASan+UBSan builds), integration tests against
# the live lab when run as root, and the corpus score when ../shared is beside the tree.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
# The whole suite runs in a network namespace that holds only loopback (tests/sandbox.sh): no
# test, and no connection erdiag opens during one, can send a packet off this machine.
if [ -z "${ERDIAG_SANDBOX_VERIFIED:-}" ]; then
    bash tests/sandbox.sh bash tests/run-all.sh "$@"
    rc=$?
    if [ "$rc" -eq 99 ]; then
        echo "run-all: the network sandbox could not be set up (as root: unshare --net; else user namespaces)"
        echo "0 passed, 1 failed"
    fi
    exit "$rc"
fi
top=$(pwd)
jobs=$(nproc)
# Every check and console session writes a journal: the suite's go to a directory of its own,
# never the user's $XDG_STATE_HOME.
XDG_STATE_HOME=$(mktemp -d /tmp/erdiag-state.XXXXXX)
export XDG_STATE_HOME
trap 'rm -rf "$XDG_STATE_HOME"' EXIT
passed=0
failed=0
log_dir=$top/build/logs
mkdir -p "$log_dir"

# Adds a finished step's tests to the totals: automake's "# PASS: N" summary, our scripts'
# "N passed, M failed" line, or the step itself as one test.
count() { # count LOG OK
    local log=$1 ok=$2 p f
    p=$(awk '/^# PASS: /{s+=$3} END{print s+0}' "$log")
    f=$(awk '/^# (FAIL|ERROR|XPASS): /{s+=$3} END{print s+0}' "$log")
    if [ $((p + f)) -eq 0 ]; then
        read -r p f < <(sed -nE 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$log" | tail -n 1)
    fi
    if [ -z "${p:-}" ] || [ $((p + f)) -eq 0 ]; then
        if [ "$ok" = yes ]; then p=1 f=0; else p=0 f=1; fi
    elif [ "$ok" = no ] && [ "$f" -eq 0 ]; then
        f=1 # the step failed outside its tests (a build error)
    fi
    passed=$((passed + p))
    failed=$((failed + f))
}

step() { # step NAME COMMAND...: runs a step, counts its tests, shows its log on failure
    local name=$1
    shift
    printf '== %-40s ' "$name"
    if "$@" >"$log_dir/$name.log" 2>&1; then
        echo "ok"
        count "$log_dir/$name.log" yes
    else
        echo "FAILED (log: build/logs/$name.log)"
        tail -n 40 "$log_dir/$name.log"
        count "$log_dir/$name.log" no
    fi
}

configure_quiet() { "$@" 2>&1 | grep -v "cannot remove 'core'"; return "${PIPESTATUS[0]}"; }

build_in_tree() {
    [ -x configure ] || ./autogen.sh || return 1
    [ -f Makefile ] || configure_quiet ./configure || return 1
    make -j"$jobs"
}

unit_tests() { make -j"$jobs" check; }

# A copy of the tracked sources, so that other compilers build beside the in-tree build.
build_copy() { # build_copy DIR CONFIGURE-ARGS...
    local dir=$top/build/$1
    shift
    rm -rf "$dir" && mkdir -p "$dir" || return 1
    if git -C "$top" rev-parse >/dev/null 2>&1; then
        (cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - ) | tar -xf - -C "$dir" || return 1
    else
        (cd "$top" && tar --exclude=./build -cf - .) | tar -xf - -C "$dir" || return 1
    fi
    (cd "$dir" && ./autogen.sh && configure_quiet ./configure "$@" && make -j"$jobs" && make -j"$jobs" check)
}

build_in_tree >"$log_dir/build-gcc.log" 2>&1 || { tail -n 40 "$log_dir/build-gcc.log"; echo "0 passed, 1 failed"; exit 1; }
step unit-gcc unit_tests
step clang-werror build_copy clang CC=clang
step asan-ubsan build_copy asan --enable-sanitizers
# Every fuzz target (clang, ASan+UBSan) replays its crash corpus, then fuzzes for a bounded time.
step fuzz bash tests/fuzz/run-fuzz.sh "${FUZZ_SECONDS:-20}"
# Each integration script skips itself (exit 0, saying why) when it needs root and lacks it.
# A *-lib.sh is a library the suites source (tui-lib.sh: the tmux harness), not a suite; its
# own proof is tui-selftest.sh.
for t in tests/integration/*.sh; do
    [ -e "$t" ] || continue
    case "$t" in *-lib.sh) continue ;; esac
    step "$(basename "$t" .sh)" bash "$t"
done
[ "${ERDIAG_REAL_UID:-$(id -u)}" -eq 0 ] && bash tests/lab/frr-lab.sh stop >/dev/null 2>&1
if [ -x ../shared/tools/corpus-score ]; then
    score() {
        ../shared/tools/corpus-score --erdiag ./erdiag | tail -n 1 | tee /dev/stderr |
            grep -q 'crashes 0$'
    }
    step corpus-score score
    tail -n 1 "$log_dir/corpus-score.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
