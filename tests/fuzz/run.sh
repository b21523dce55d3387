#!/bin/sh
# tests/fuzz/run.sh [SECONDS [TARGET...]]
#
# Runs each libFuzzer target of build/fuzz/ (make fuzz) for SECONDS
# (default 60), after replaying every saved input of
# tests/fuzz/regressions/TARGET/ once.  Targets: compile run format.
# The corpus grows in build/fuzz/corpus/TARGET (seeded from tests/py and
# tests/parser, or tests/fuzz/format_seeds.txt); a crashing input is
# written to build/fuzz/crash/TARGET-*: copy it to
# tests/fuzz/regressions/TARGET/ once fixed.
# Exit status: 0 when no target found anything.
#
# Options (why):
#   -timeout=10        one input may run 10 s (fuzz_run has its own 200 ms
#                      budget; this catches C code that never returns).
#   -rss_limit_mb=4096 -malloc_limit_mb=...: see below.
#   ASAN allocator_may_return_null=1, max_allocation_size_mb=1024: a
#                      program may ask for "x" * 10**10; minipy must turn
#                      the failed allocation into MemoryError.
#   fuzz_run runs with -fork=1 -ignore_ooms=1 -ignore_timeouts=1: a small
#                      program can legitimately compute 10**10**8 or fill
#                      memory; those are not bugs, crashes still stop it.
secs=${1:-60}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/../.." && pwd)
fuzz=${FUZZ_DIR:-$root/build/fuzz}
[ $# -gt 0 ] || set -- compile run format
export ASAN_OPTIONS="allocator_may_return_null=1:max_allocation_size_mb=1024:detect_stack_use_after_return=0:handle_abort=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/sanitizers/ubsan.supp"
status=0

seed_corpus() { # TARGET DIR
    mkdir -p "$2"
    [ -n "$(ls -A "$2")" ] && return
    case $1 in
    compile|run)
        for f in "$root"/tests/py/*.py "$root"/tests/parser/*.py; do
            if [ "$1" = compile ] || [ "$(wc -c <"$f")" -le 4096 ]; then
                cp "$f" "$2/$(basename "$f")"
            fi
        done ;;
    format)
        n=0
        while IFS='	' read -r op text; do
            n=$((n + 1))
            printf "\\$(printf %o "$op")%s" "$text" >"$2/seed$n"
        done <"$root/tests/fuzz/format_seeds.txt" ;;
    esac
}

for t in "$@"; do
    bin=$fuzz/fuzz_$t
    [ -x "$bin" ] || { echo "run.sh: $bin missing (make fuzz)"; exit 2; }
    reg=$root/tests/fuzz/regressions/$t
    if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
        echo "== fuzz_$t: $(ls "$reg" | wc -l) regression inputs"
        "$bin" -timeout=10 -rss_limit_mb=4096 "$reg"/* >"$fuzz/$t-regress.log" 2>&1 || {
            echo "FAIL fuzz_$t regression"; tail -30 "$fuzz/$t-regress.log"; status=1; }
    fi
    corpus=$fuzz/corpus/$t
    seed_corpus "$t" "$corpus"
    mkdir -p "$fuzz/crash"
    extra=""
    [ "$t" = run ] && extra="-fork=1 -ignore_ooms=1 -ignore_timeouts=1"
    dict=""
    [ -f "$root/tests/fuzz/dict/$t.dict" ] && dict="-dict=$root/tests/fuzz/dict/$t.dict"
    echo "== fuzz_$t: $secs s"
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=1048576 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$fuzz/crash/$t-" $extra $dict \
        "$corpus" >"$fuzz/$t.log" 2>&1
    rc=$?
    grep -E '^(#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss|INFO: fuzzed for)' \
        "$fuzz/$t.log" | tail -3
    grep -E 'cov: [0-9]+' "$fuzz/$t.log" | tail -1
    if [ $rc != 0 ]; then
        echo "FAIL fuzz_$t (exit $rc), see $fuzz/$t.log"
        grep -E 'ERROR|SUMMARY|Test unit written' "$fuzz/$t.log" | head -10
        status=1
    fi
done
exit $status
