#!/bin/sh
# parse-bench.sh: end-to-end speed and memory of `erdiag parse` on huge IOS tables.
#
#   bench/parse-bench.sh ERDIAG GEN [N]     (make bench runs it with N = 1,000,000)
#
# GEN (bench/gen_ios) writes an N-route "show ip route" and an N-network "show ip bgp" under
# ${TMPDIR:-/tmp}; each is parsed three times with the JSON sent to /dev/null, and the median
# run's wall seconds, MB/s, routes/s and the peak RSS are printed.  Exits 1 when a run misses
# the targets (>= 100 MB/s, peak RSS < 64 MiB).
set -eu
ERDIAG=$1
GEN=$2
N=${3:-1000000}
TMP=${TMPDIR:-/tmp}
status=0
printf '%-12s %9s %9s %9s %12s %12s\n' command "input MB" "wall s" "MB/s" "routes/s" "peak RSS"
for kind in route bgp; do
    in="$TMP/erdiag_ios_${kind}_$N.txt"
    [ -s "$in" ] || "$GEN" "$kind" "$N" >"$in"
    size=$(wc -c <"$in")
    : >"$TMP/erdiag_bench_runs"
    for run in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$TMP/erdiag_bench_time" \
            "$ERDIAG" parse --vendor ios --command "show ip $kind" "$in" >/dev/null
        cat "$TMP/erdiag_bench_time" >>"$TMP/erdiag_bench_runs"
    done
    # median wall time, and the largest RSS seen in any run
    secs=$(sort -n "$TMP/erdiag_bench_runs" | sed -n 2p | cut -d' ' -f1)
    kb=$(sort -k2 -n "$TMP/erdiag_bench_runs" | tail -n 1 | cut -d' ' -f2)
    awk -v k="show ip $kind" -v s="$size" -v t="$secs" -v n="$N" -v kb="$kb" 'BEGIN {
        t = (t > 0) ? t : 0.01
        printf "%-12s %9.1f %9.2f %9.0f %12.0f %9.1f MiB\n", k, s / 1e6, t, s / 1e6 / t, n / t, kb / 1024 }'
    mbs=$(awk -v s="$size" -v t="$secs" 'BEGIN { printf "%d", (t > 0) ? s / 1e6 / t : 1e9 }')
    if [ "$mbs" -lt 100 ] || [ "$kb" -ge 65536 ]; then
        echo "  show ip $kind: below target (>= 100 MB/s, < 64 MiB)"
        status=1
    fi
done
echo "reference (TextFSM + ntc-templates, same sizes, 2 cores): route 19.5 s, 3.1 MB/s, 743 MiB; bgp 22.4 s, 5.5 MB/s, 933 MiB"
exit $status
