#!/bin/sh
# tests/valgrind/run.sh BINARY... : memcheck over a sample of tests/py.
#
# For each binary (make test-valgrind passes build/minipy and
# build/minipyt), runs every SAMPLE-th script test plus the ones listed in
# ALWAYS (programs that end with live daemon threads, forks, cycles) under
#   valgrind --leak-check=full --errors-for-leak-kinds=definite
# and fails on any memcheck error or definitely-lost block.  Objects still
# reachable at exit (module state, daemon threads' frames) are left to the
# OS, as CPython does, and are not errors.  The output of each script is
# not compared here (make test does that); only memcheck's verdict counts.
# Slow (valgrind runs the interpreter ~30x slower): not part of CI.
SAMPLE=${SAMPLE:-8}
ALWAYS="thread_daemon_exit hostile_thread_exit hostile_thread_fork hostile_dealloc
        ft_stress_threads ft_stress_objects thread_basic thread_excepthook gc_cycles_memory_flat"
command -v valgrind >/dev/null || { echo "valgrind missing (apt-get install valgrind)"; exit 2; }
dir=$(cd "$(dirname "$0")/../py" && pwd)
logs=$(mktemp -d)
pass=0
fail=0
for bin in "$@"; do
    bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
    i=0
    for py in "$dir"/*.py; do
        name=$(basename "$py" .py)
        i=$((i + 1))
        case " $(echo $ALWAYS) " in *" $name "*) ;; *) [ $((i % SAMPLE)) = 0 ] || continue ;; esac
        [ -f "$dir/$name.out" ] || [ -f "$dir/$name.exp" ] || continue
        args=""
        [ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
        input=/dev/null
        [ -f "$dir/$name.in" ] && input=$dir/$name.in
        log=$logs/$(basename "$bin").$name.log
        # shellcheck disable=SC2086
        (cd "$dir" && PYTHONHASHSEED=0 timeout 900 valgrind -q --leak-check=full \
            --errors-for-leak-kinds=definite --error-exitcode=99 --log-file="$log" \
            --trace-children=no "$bin" "$py" $args <"$input" >/dev/null 2>&1)
        code=$?
        if [ $code = 99 ] || [ $code = 124 ] || grep -q "definitely lost: [1-9]" "$log" 2>/dev/null; then
            fail=$((fail + 1))
            echo "FAIL $(basename "$bin") $name (exit $code)"
            head -40 "$log"
        else
            pass=$((pass + 1))
        fi
    done
done
rm -rf "$logs"
echo "valgrind: $pass passed, $fail failed"
[ $fail = 0 ]
