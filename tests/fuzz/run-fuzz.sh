#!/bin/bash
# run-fuzz.sh: builds every libFuzzer target (clang, ASan+UBSan, halt on the first error) in
# build/fuzz, replays the crash corpus tests/fuzz/regressions/<target>/ through each, then fuzzes
# each target for a bounded time starting from its seeds.  `make fuzz` and tests/run-all.sh run it.
#
#   tests/fuzz/run-fuzz.sh [SECONDS-PER-TARGET]        (default $FUZZ_SECONDS, else 20)
#
# Seeds: tests/fuzz/seeds/<target>/, and for a parser target (fuzz_ios, ...) every fixture of
# that platform, prefixed with the two bytes the target reads first (parser index, chunk size).
# A crash is kept in build/fuzz/crashes/: copy it into tests/fuzz/regressions/<target>/ once the
# bug is fixed, so that every later run replays it.  Ends with "fuzz: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-${FUZZ_SECONDS:-20}}
build=$top/build/fuzz
src=$build/src
jobs=$(nproc)
passed=0
failed=0

command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)"; echo "fuzz: 0 passed, 1 failed"; exit 1; }

# The fuzz build needs its own configured copy of the sources: the tree itself may be
# configured in place (tests/run-all.sh builds there), and autoconf refuses a second build dir.
copy_sources() {
    mkdir -p "$src" || return 1
    if git -C "$top" rev-parse >/dev/null 2>&1; then
        (cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf -) | tar -xf - -C "$src"
    else
        (cd "$top" && tar --exclude=./build -cf - .) | tar -xf - -C "$src"
    fi
}

configure_fuzz() {
    copy_sources || return 1
    cd "$src" || return 1
    [ -x configure ] || ./autogen.sh >/dev/null 2>&1 || return 1
    [ -f Makefile ] || ./configure -q CC=clang --enable-fuzzers 2>&1 | grep -v "cannot remove 'core'"
    [ -f Makefile ] || return 1
    targets=$(make -s fuzz-targets)
    # shellcheck disable=SC2086
    make -j"$jobs" $targets >"$build/build.log" 2>&1 || { tail -n 30 "$build/build.log"; return 1; }
}

# The fixtures of a parser target's platform, each behind its two control bytes.
parser_seeds() { # parser_seeds NAME DIR
    local name=$1 dir=$2 fixtures i=0 f
    case $name in
        ios|nxos|iosxr|eos|junos|frr|azure) fixtures=$top/tests/fixtures/$name ;;
        linux|windows) fixtures=$top/tests/fixtures/trace ;;
        *) return 0 ;;
    esac
    for f in "$fixtures"/*; do
        [ -f "$f" ] || continue
        { printf "\\$(printf '%03o' $((i % 256)))\\077"; head -c 60000 "$f"; } >"$dir/fixture-$i"
        i=$((i + 1))
    done
}

fuzz_one() { # fuzz_one TARGET-PATH: 0 when the regressions replay clean and fuzzing finds nothing
    local bin=$1 name corpus regress log
    name=$(basename "$bin")
    name=${name#fuzz_}
    corpus=$build/corpus/$name
    regress=$top/tests/fuzz/regressions/$name
    log=$build/$name.log
    rm -rf "$corpus" && mkdir -p "$corpus" "$build/crashes"
    [ -d "$top/tests/fuzz/seeds/$name" ] && cp "$top/tests/fuzz/seeds/$name"/* "$corpus"/ 2>/dev/null
    parser_seeds "$name" "$corpus"
    export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
        "$bin" -runs=1 "$regress"/* >"$log" 2>&1 || { echo "regression input failed:"; tail -n 25 "$log"; return 1; }
    fi
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$build/crashes/$name-" "$corpus" >>"$log" 2>&1 || { tail -n 30 "$log"; return 1; }
    grep -E '^stat::number_of_executed_units' "$log" | tail -n 1 | sed "s/^/$name: /"
}

if ! configure_fuzz; then
    echo "fuzz: the fuzz targets did not build"
    echo "fuzz: 0 passed, 1 failed"
    exit 1
fi
for t in $targets; do
    if fuzz_one "$src/$t"; then
        passed=$((passed + 1))
    else
        echo "fuzz: $(basename "$t") FAILED (log: build/fuzz/$(basename "$t" | sed 's/^fuzz_//').log)"
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
