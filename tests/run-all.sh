#!/bin/bash
# The whole test suite: unit tests (gcc, clang, ASan+UBSan builds), integration tests against
# the live lab when run as root, and the corpus score when ../shared is beside the tree.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)
jobs=$(nproc)
passed=0
failed=0
log_dir=$top/build/logs
mkdir -p "$log_dir"

step() { # step NAME COMMAND...: runs a step, counts it, shows its log on failure
    local name=$1
    shift
    printf '== %-40s ' "$name"
    if "$@" >"$log_dir/$name.log" 2>&1; then
        echo "ok"
        passed=$((passed + 1))
    else
        echo "FAILED (log: build/logs/$name.log)"
        tail -n 40 "$log_dir/$name.log"
        failed=$((failed + 1))
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

step build-gcc build_in_tree
step unit-gcc unit_tests
step clang-werror build_copy clang CC=clang
step asan-ubsan build_copy asan --enable-sanitizers
for t in tests/integration/*.sh; do
    [ -e "$t" ] || continue
    if [ "$(id -u)" -ne 0 ]; then
        echo "== $(basename "$t" .sh): skipped (needs root for network namespaces)"
        continue
    fi
    step "$(basename "$t" .sh)" bash "$t"
done
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
