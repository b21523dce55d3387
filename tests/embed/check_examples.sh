#!/bin/sh
# tests/embed/check_examples.sh OBJDIR SHLIB EXE: the embedding checks that
# need whole programs, run by `make test` as one of the unit tests.
#
#  1. each example (examples/*.c), built in the tree against the shared
#     library, exits 0 and prints what it should;
#  2. the same examples built from an installed copy with pkg-config (so
#     with nothing but <prefix>/include on the include path) do too;
#  3. the shared library exports exactly the symbols the public headers
#     declare (runtime/embed.map is in sync, nothing internal leaks).
# Prints one line per failed check and exits 1 if any failed.
objdir=$1 shlib=$2 exe=$3
cd "$(dirname "$0")/../.." || exit 1
failed=0 passed=0

fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# expect NAME OUTPUT PATTERN...: every grep -E pattern occurs in OUTPUT.
expect() {
    name=$1 out=$2
    shift 2
    for pattern in "$@"; do
        if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
            fail "$name: no line matching '$pattern' in:"
            printf '%s\n' "$out" | sed 's/^/    | /'
            return
        fi
    done
    passed=$((passed + 1))
}

# run NAME BINARY: run it, require exit status 0; the output is in $out.
run() {
    out=$("$2" 2>&1)
    status=$?
    if [ $status -ne 0 ]; then
        fail "$1 exited with status $status:"
        printf '%s\n' "$out" | sed 's/^/    | /'
        out=""
    fi
}

for kind in examples examples-installed; do
    dir=$objdir/$kind
    run "$kind/hello" "$dir/hello"
    expect "$kind/hello" "$out" \
        "^Hello from minipy, speaking Python 3\.11\.[0-9]+$" \
        "^C got the sum of the squares below 10 from Python: 285$"
    run "$kind/sensor" "$dir/sensor"
    expect "$kind/sensor" "$out" \
        "^\[script\] model: TMP-36 \(simulated\) - 4 channels$" \
        "^\[script\] readings: 20\.0, 20\.6, 21\.2, 21\.5$" \
        "^\[script\] channel 1 in F: 69\.08$" \
        "^\[script\] error from C: no channel 7 \(the sensor has 4\)$" \
        "^\[host\] the script took 5 readings, mean 20\.82 C \(C counted 5\)$"
    run "$kind/threaded_host" "$dir/threaded_host"
    expect "$kind/threaded_host" "$out" \
        "^job  nap begins  nap ends   result$" \
        "^  3 .* 599970000$" \
        "^4 jobs with a 200 ms nap each took [0-9]+ ms in all \(one after the other: at least 800 ms\): the naps overlapped$"
done

# The exported symbols are the declared ones.
declared=$(cc -E -P -Iinclude include/minipy.h | grep -o '\bmpy_[A-Za-z0-9_]*' | sort -u)
exported=$(nm -D --defined-only "$shlib" | awk '{print $3}' | sed 's/@.*//' | grep -v '^MINIPY_' | sort -u)
if [ "$declared" = "$exported" ]; then
    passed=$((passed + 1))
else
    fail "$shlib exports other symbols than include/minipy.h declares (< declared, > exported):"
    printf '%s\n' "$declared" > "$objdir/tests/embed-declared.txt"
    printf '%s\n' "$exported" > "$objdir/tests/embed-exported.txt"
    diff "$objdir/tests/embed-declared.txt" "$objdir/tests/embed-exported.txt" | grep '^[<>]' | sed 's/^/    /'
fi

echo "embedding ($exe): $passed checks passed, $failed failed"
[ $failed -eq 0 ]
