#!/bin/sh
# tests/run_py_tests.sh BINARY COUNTS_FILE
#
# Runs every tests/py/NAME.py with BINARY from inside tests/py and compares
# (after removing this directory from any absolute path it prints, as the
# expected files were made the same way):
#   stdout     with NAME.out (or NAME.exp, where minipy differs on purpose)
#   stderr     with NAME.err, when that file exists
#   exit code  with NAME.code (default 0)
# NAME.in, if present, is fed to stdin; NAME.args holds extra arguments.
# Writes "passed failed" to COUNTS_FILE and prints one line per failure.
bin=$1
counts=$2
dir=$(cd "$(dirname "$0")/py" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
cd "$dir" || exit 1
for py in *.py; do
    [ -e "$py" ] || continue
    name=${py%.py}
    [ -f "$name.out" ] || [ -f "$name.exp" ] || continue
    exp_out=$name.out
    [ -f "$name.exp" ] && exp_out=$name.exp
    exp_code=0
    [ -f "$name.code" ] && exp_code=$(cat "$name.code")
    args=""
    [ -f "$name.args" ] && args=$(cat "$name.args")
    input=/dev/null
    [ -f "$name.in" ] && input=$name.in
    # shellcheck disable=SC2086
    PYTHONHASHSEED=0 timeout 60 "$bin" "$py" $args <"$input" >"$tmp/out.raw" 2>"$tmp/err.raw"
    code=$?
    # Paths are absolute in tracebacks (as in CPython): drop this directory.
    sed "s|$dir/||g" "$tmp/out.raw" >"$tmp/out"
    sed "s|$dir/||g" "$tmp/err.raw" >"$tmp/err"
    ok=1
    why=""
    if ! cmp -s "$tmp/out" "$exp_out"; then ok=0; why="stdout differs"; fi
    if [ -f "$name.err" ] && ! cmp -s "$tmp/err" "$name.err"; then ok=0; why="$why stderr differs"; fi
    if [ "$code" != "$exp_code" ]; then ok=0; why="$why exit $code, expected $exp_code"; fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL tests/py/$py:$why"
        if [ -n "$VERBOSE" ]; then
            diff "$exp_out" "$tmp/out" | head -20
            [ -f "$name.err" ] && diff "$name.err" "$tmp/err" | head -20
        fi
    fi
done
echo "$pass $fail" >"$counts"
echo "scripts: $pass passed, $fail failed"
