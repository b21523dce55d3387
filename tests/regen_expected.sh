#!/bin/sh
# tests/regen_expected.sh [NAME...]
#
# Produce the expected outputs of tests/py from CPython: NAME.out (stdout),
# NAME.err (stderr, only when non-empty) and NAME.code (only when the exit
# status is not 0).  Runs `python3` from inside tests/py with
# PYTHONHASHSEED=0, exactly as run_py_tests.sh runs minipy.  Tests with a
# NAME.exp (minipy differs on purpose) or NAME.noregen are left alone.
py=${PYTHON:-python3}
cd "$(dirname "$0")/py" || exit 1
if [ $# -gt 0 ]; then set -- $(for n in "$@"; do basename "${n%.py}"; done); else
    set -- $(for f in *.py; do echo "${f%.py}"; done); fi
for name in "$@"; do
    [ -f "$name.exp" ] || [ -f "$name.noregen" ] && continue
    args=""
    [ -f "$name.args" ] && args=$(cat "$name.args")
    input=/dev/null
    [ -f "$name.in" ] && input=$name.in
    # shellcheck disable=SC2086
    PYTHONHASHSEED=0 timeout 120 "$py" "$name.py" $args <"$input" >"$name.out.raw" 2>"$name.err.raw"
    code=$?
    here=$(pwd)
    sed "s|$here/||g" "$name.out.raw" >"$name.out"
    sed "s|$here/||g" "$name.err.raw" >"$name.err"
    rm -f "$name.out.raw" "$name.err.raw"
    [ -s "$name.err" ] || rm -f "$name.err"
    if [ "$code" != 0 ]; then echo "$code" >"$name.code"; else rm -f "$name.code"; fi
done
