#!/bin/sh
# scripts/demo.sh: the GIL in one table, then in pictures.
#
# Part 1 runs scripts/countdown.py (CPU-bound: a counting loop) and
# scripts/sleep.py (I/O-bound: time.sleep) on every interpreter found
# among build/minipy, build/minipyt, build/minipyt with PYTHON_GIL=1 and
# python3, and prints, for each, the time of the two calls one after the
# other, the time in two threads, their ratio and what it means.
#
# Part 2 runs the same two scripts again, shorter, on minipy and minipyt
# with -X giltrace, and shows what happened inside: a timeline per run in
# the terminal (who ran, who waited for the GIL, who slept) and the same
# timeline as a picture in build/demo/*.svg, to open in a browser.
#
#   scripts/demo.sh                 (from anywhere; `make demo` runs it)
#   COUNTDOWN_N=5000000 scripts/demo.sh     a shorter CPU task (part 1)
#   SLEEP_SEC=0.2 scripts/demo.sh           a shorter sleep (part 1)
#   TRACE_N=1000000 TRACE_SLEEP=0.1 scripts/demo.sh   the traced runs (part 2)
#   DEMO_INTERPRETERS="build/minipy" scripts/demo.sh
#   DEMO_PICTURES=0 scripts/demo.sh         part 1 only
#   scripts/demo.sh --docs          write the README's pictures (docs/images/)
#                                   (MINIPY=... MINIPYT=... to use other builds)
#
# An interpreter written NAME+gil runs with PYTHON_GIL=1.
cd "$(dirname "$0")/.." || exit 1
N=${COUNTDOWN_N:-20000000}
SEC=${SLEEP_SEC:-0.5}
TRACE_N=${TRACE_N:-1500000}
TRACE_SLEEP=${TRACE_SLEEP:-0.1}
INTERPS=${DEMO_INTERPRETERS:-"build/minipy build/minipyt build/minipyt+gil python3"}
PICTURES=${DEMO_PICTURES:-1}
OUT=build/demo

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
        } else if (kind == "proc") {
            if (r <= 0.65)      print "two processes, a GIL each: they run in parallel"
            else                print "the processes did not run in parallel (one core free?)"
        } else {
            if (r <= 0.75)      print "sleeping threads release the GIL: the waits overlap"
            else                print "the sleeps did not overlap"
        }
    }'
}

# run INTERP ARGS...: INTERP may end in +gil (run with PYTHON_GIL=1).
run() {
    interp=$1
    shift
    case $interp in
        *+gil) PYTHON_GIL=1 "${interp%+gil}" "$@" ;;
        *) "$interp" "$@" ;;
    esac
}

# exists INTERP: is it there to run?
exists() {
    bin=${1%+gil}
    case $bin in
        */*) [ -x "$bin" ] ;;
        *) command -v "$bin" >/dev/null 2>&1 ;;
    esac
}

# label INTERP: how the tables name it.
label() {
    case $1 in
        *+gil) echo "$(basename "${1%+gil}") (PYTHON_GIL=1)" ;;
        *) basename "$1" ;;
    esac
}

# Write the README's two pictures and stop (scripts/demo.sh --docs):
# countdown on minipy (turns) and on minipyt without its GIL (side by side).
if [ "$1" = --docs ]; then
    MINIPY=${MINIPY:-build/minipy}
    MINIPYT=${MINIPYT:-build/minipyt}
    [ -x "$MINIPY" ] && [ -x "$MINIPYT" ] || { echo "run make and make FREETHREADED=1 first"; exit 1; }
    mkdir -p docs/images
    "$MINIPY" -X giltrace=docs/images/countdown-minipy.svg scripts/countdown.py "$TRACE_N" >/dev/null
    PYTHON_GIL=0 "$MINIPYT" -X giltrace=docs/images/countdown-minipyt.svg scripts/countdown.py \
        "$TRACE_N" >/dev/null
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== Part 1: does a second thread make it faster? =="
echo
echo "Two calls of the same task: one after the other (sequential), then in"
echo "two threads at once (threaded). ratio = threaded / sequential:"
echo "1.0 means no gain, 0.5 means twice as fast."
echo
printf '%-22s %-24s %10s %10s %6s  %s\n' interpreter task sequential threaded ratio verdict
printf '%-22s %-24s %10s %10s %6s  %s\n' ---------------------- ------------------------ \
    ---------- ---------- ------ -------------------------------------------------
found=0
for interp in $INTERPS; do
    exists "$interp" || continue
    found=1
    name=$(label "$interp")
    run "$interp" scripts/countdown.py "$N" --processes >"$tmp/cpu" 2>&1
    # countdown.py says "GIL on" or "GIL off" in its first line.
    gil=$(sed -n 's/.*GIL \(o[nf]*\):.*/\1/p' "$tmp/cpu")
    [ "$gil" = off ] && name="$name (no GIL)"
    run "$interp" scripts/sleep.py "$SEC" 2 >"$tmp/io" 2>&1
    for kind in cpu io; do
        seq=$(field sequential "$tmp/$kind")
        thr=$(field threaded "$tmp/$kind")
        ratio=$(awk -v s="$seq" -v t="$thr" 'BEGIN { if (s > 0) printf "%.2f", t / s }')
        if [ $kind = cpu ]; then task="countdown($N) x2"; else task="sleep($SEC) x2"; fi
        printf '%-22s %-24s %8s s %8s s %6s  %s\n' "$name" "$task" "${seq:-?}" "${thr:-?}" \
            "${ratio:-?}" "$(verdict $kind "$ratio" "$gil")"
    done
    # The same two calls in two processes: one interpreter, one GIL each.
    proc=$(field processes "$tmp/cpu")
    seq=$(field sequential "$tmp/cpu")
    ratio=$(awk -v s="$seq" -v t="$proc" 'BEGIN { if (s > 0 && t > 0) printf "%.2f", t / s }')
    printf '%-22s %-24s %8s s %8s s %6s  %s\n' "$name" "countdown, 2 processes" "${seq:-?}" \
        "${proc:-?}" "${ratio:-?}" "$(verdict proc "$ratio" "$gil")"
done
[ $found = 1 ] || { echo "no interpreter found: run make first"; exit 1; }
echo
echo "Why: a GIL lets one thread at a time run Python code, so CPU-bound threads"
echo "only take turns; a thread that sleeps or waits for I/O gives the GIL away,"
echo "so waiting threads overlap. Two processes have an interpreter and a GIL"
echo "each, so they run in parallel on any build (the \"threaded\" column shows"
echo "the processes there). A free-threaded build without its GIL runs"
echo "CPU-bound threads on several cores at once, in one process."

[ "$PICTURES" = 1 ] || exit 0

echo
echo "== Part 2: what happened inside (-X giltrace) =="
echo
echo "Each run below was recorded with -X giltrace: one row per thread, time"
echo "left to right. First the main thread runs the task twice by itself, then"
echo "it starts two threads and waits for them (join: blocked, GIL released)."
mkdir -p "$OUT"
# The timelines fill the terminal's width.
if [ -t 1 ] && command -v tput >/dev/null 2>&1; then
    COLUMNS=$(tput cols 2>/dev/null) && export COLUMNS
fi
pictures=""
nogil=""
for interp in $INTERPS; do
    # minipy and minipyt (python3 has no -X giltrace; +gil runs are in part 1)
    case $interp in *+gil | python*) continue ;; esac
    exists "$interp" || continue
    name=$(basename "$interp")
    [ "$("$interp" -c 'import sys; print(sys._is_gil_enabled())' 2>/dev/null)" = False ] &&
        nogil="$nogil $name"
    for script in countdown sleep; do
        svg=$OUT/$script-$name.svg
        if [ $script = countdown ]; then args=$TRACE_N; else args="$TRACE_SLEEP 2"; fi
        # The same run goes to the terminal (-) and to the picture.
        # shellcheck disable=SC2086
        "$interp" -X giltrace=- -X giltrace="$svg" scripts/$script.py $args \
            >/dev/null 2>"$tmp/trace"
        grep -v '^minipy: GIL trace written' "$tmp/trace"
        pictures="$pictures $svg"
    done
done
echo
echo "What to notice:"
echo " - minipy, countdown: the two threads' rows alternate (run, wait, run ...):"
echo "   only one of them holds the GIL at any moment, every 5 ms they swap."
echo " - sleep: both threads are blocked (asleep) at the same time: a sleeping"
echo "   thread has released the GIL, so the sleeps overlap."
if [ -n "$nogil" ]; then
    echo " -$nogil runs without a GIL: both countdown rows run at the same time,"
    echo "   on two cores. (With PYTHON_GIL=1 it behaves like minipy.)"
else
    echo " - minipyt still has its GIL on here, so it takes turns like minipy;"
    echo "   without a GIL both countdown rows would run at the same time."
fi
echo
echo "The same timelines as pictures (open them in a web browser):"
for p in $pictures; do echo "  $p"; done
