#!/bin/sh
# bench/run.sh [BENCH...]: time each benchmark on build/minipy, build/minipyt
# and python3, alternating the interpreters, 5 runs each after a warm-up,
# and write the medians and ratios to bench/RESULTS.md (and stdout).
# Benchmarks are bench/*.py; a file `NAME.args` holds its arguments.
cd "$(dirname "$0")/.." || exit 1
RUNS=${RUNS:-5}
INTERPS="build/minipy build/minipyt python3"
[ $# -gt 0 ] || set -- $(for f in bench/*.py; do basename "$f" .py; done)

now_ns() { date +%s%N; }

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

out=bench/RESULTS.md
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
{
    echo "# Benchmark results"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $cpu, $(nproc) cores, python3 = $(python3 --version 2>&1)."
    echo "Median of $RUNS runs (wall seconds); ratio = time / python3 time (lower is better)."
    echo
    echo "| benchmark | minipy | minipyt | python3 | minipy/python3 | minipyt/python3 |"
    echo "|---|---|---|---|---|---|"
} >"$out"
tmp=$(mktemp -d)
for b in "$@"; do
    args=""
    [ -f "bench/$b.args" ] && args=$(cat "bench/$b.args")
    for i in $INTERPS; do
        # shellcheck disable=SC2086
        $i bench/$b.py $args >/dev/null 2>&1 # warm-up
        : >"$tmp/$(basename "$i")"
    done
    r=0
    while [ $r -lt "$RUNS" ]; do
        for i in $INTERPS; do
            t0=$(now_ns)
            # shellcheck disable=SC2086
            $i bench/$b.py $args >/dev/null 2>&1
            t1=$(now_ns)
            echo $(( (t1 - t0) / 1000 )) >>"$tmp/$(basename "$i")"
        done
        r=$((r + 1))
    done
    m=$(median <"$tmp/minipy")
    t=$(median <"$tmp/minipyt")
    p=$(median <"$tmp/python3")
    awk -v b="$b" -v m="$m" -v t="$t" -v p="$p" 'BEGIN {
        printf "| %s | %.3f | %.3f | %.3f | %.2f | %.2f |\n", b, m/1e6, t/1e6, p/1e6, m/p, t/p }' >>"$out"
done
rm -rf "$tmp"
cat "$out"
