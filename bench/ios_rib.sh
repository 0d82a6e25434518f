#!/bin/sh
# ios_rib.sh: end-to-end throughput of the IOS routing-table parsers.
#
#   bench/ios_rib.sh [ERDIAG] [N]      (defaults: ./erdiag, 1000000 routes)
#
# Builds bench/gen_ios.c, writes an N-route "show ip route" and an N-network "show ip bgp"
# under ${TMPDIR:-/tmp}, runs `erdiag parse ... > /dev/null` on each (best of 3), and prints
# wall seconds, MB/s and peak RSS.  Exits 1 when a run misses 100 MB/s or 64 MiB.
set -eu
ERDIAG=${1:-./erdiag}
N=${2:-1000000}
SRC=$(dirname "$0")
TMP=${TMPDIR:-/tmp}
GEN="$TMP/erdiag_gen_ios"
CC=${CC:-cc}
$CC -O2 -o "$GEN" "$SRC/gen_ios.c"
status=0
for kind in route bgp; do
    in="$TMP/erdiag_ios_${kind}_$N.txt"
    [ -s "$in" ] || "$GEN" "$kind" "$N" > "$in"
    size=$(wc -c < "$in")
    best=""
    rss=0
    for run in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$TMP/erdiag_bench_time" \
            "$ERDIAG" parse --vendor ios --command "show ip $kind" "$in" > /dev/null
        read -r secs kb < "$TMP/erdiag_bench_time"
        best=$(awk -v a="$secs" -v b="${best:-$secs}" 'BEGIN { print (a < b) ? a : b }')
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    mbs=$(awk -v s="$size" -v t="$best" 'BEGIN { printf "%.0f", (t > 0) ? s / 1e6 / t : 0 }')
    printf 'show ip %-5s %7.1f MB  %6ss  %5s MB/s  max RSS %6d KiB\n' "$kind" \
        "$(awk -v s="$size" 'BEGIN { print s / 1e6 }')" "$best" "$mbs" "$rss"
    if [ "$mbs" -lt 100 ] || [ "$rss" -ge 65536 ]; then
        echo "  below target (>= 100 MB/s, < 64 MiB)"
        status=1
    fi
done
exit $status
