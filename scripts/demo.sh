#!/bin/sh
# scripts/demo.sh: the GIL in one table.
#
# Runs scripts/countdown.py (CPU-bound: a counting loop) and
# scripts/sleep.py (I/O-bound: time.sleep) on every interpreter found
# among build/minipy, build/minipyt and python3, and prints, for each, the
# time of the two calls one after the other, the time in two threads,
# their ratio and what it means.
#
#   scripts/demo.sh                 (from anywhere; `make demo` runs it)
#   COUNTDOWN_N=5000000 scripts/demo.sh     a shorter CPU task
#   SLEEP_SEC=0.2 scripts/demo.sh           a shorter sleep
#   DEMO_INTERPRETERS="build/minipy" scripts/demo.sh
cd "$(dirname "$0")/.." || exit 1
N=${COUNTDOWN_N:-20000000}
SEC=${SLEEP_SEC:-0.5}
INTERPS=${DEMO_INTERPRETERS:-"build/minipy build/minipyt python3"}

# field NAME FILE: the number after "NAME:" in a script's output.
field() { awk -v k="$1:" '$1 == k {print $2; exit}' "$2"; }

# verdict KIND RATIO GIL: one line a newcomer can read.
verdict() {
    awk -v kind="$1" -v r="$2" -v gil="$3" 'BEGIN {
        if (r == "") { print "(failed to run)"; exit }
        if (kind == "cpu") {
            if (r >= 0.8 && gil == "off") print "no speed-up, although the GIL is off"
            else if (r >= 0.8)  print "CPU-bound threads take turns under the GIL: no speed-up"
            else if (r <= 0.65) print "CPU-bound threads ran in parallel: real speed-up"
            else                print "CPU-bound threads partly overlapped"
        } else {
            if (r <= 0.75)      print "sleeping threads release the GIL: the waits overlap"
            else                print "the sleeps did not overlap"
        }
    }'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "Two calls of the same task: one after the other (sequential), then in"
echo "two threads at once (threaded). ratio = threaded / sequential:"
echo "1.0 means no gain, 0.5 means twice as fast."
echo
printf '%-14s %-24s %10s %10s %6s  %s\n' interpreter task sequential threaded ratio verdict
printf '%-14s %-24s %10s %10s %6s  %s\n' -------------- ------------------------ \
    ---------- ---------- ------ -------------------------------------------------
found=0
for interp in $INTERPS; do
    case $interp in
        */*) [ -x "$interp" ] || continue ;;
        *) command -v "$interp" >/dev/null 2>&1 || continue ;;
    esac
    found=1
    name=$(basename "$interp")
    "$interp" scripts/countdown.py "$N" >"$tmp/cpu" 2>&1
    # countdown.py says "GIL on" or "GIL off" in its first line.
    gil=$(sed -n 's/.*GIL \(o[nf]*\):.*/\1/p' "$tmp/cpu")
    [ "$gil" = off ] && name="$name (no GIL)"
    "$interp" scripts/sleep.py "$SEC" 2 >"$tmp/io" 2>&1
    for kind in cpu io; do
        seq=$(field sequential "$tmp/$kind")
        thr=$(field threaded "$tmp/$kind")
        ratio=$(awk -v s="$seq" -v t="$thr" 'BEGIN { if (s > 0) printf "%.2f", t / s }')
        if [ $kind = cpu ]; then task="countdown($N) x2"; else task="sleep($SEC) x2"; fi
        printf '%-14s %-24s %8s s %8s s %6s  %s\n' "$name" "$task" "${seq:-?}" "${thr:-?}" \
            "${ratio:-?}" "$(verdict $kind "$ratio" "$gil")"
    done
done
[ $found = 1 ] || { echo "no interpreter found: run make first"; exit 1; }
echo
echo "Why: a GIL lets one thread at a time run Python code, so CPU-bound threads"
echo "only take turns; a thread that sleeps or waits for I/O gives the GIL away,"
echo "so waiting threads overlap. A free-threaded build without its GIL can run"
echo "CPU-bound threads on several cores at once."
