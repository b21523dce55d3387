#!/bin/sh
# tests/sanitizers/py_subset.sh BINARY COUNTS_FILE [PREFIX...]
#
# Runs the tests/py scripts whose names start with one of PREFIX (e.g.
# "thread_ ft_stress_"; no PREFIX: all of them), minus the names listed in
# $SAN_PY_SKIP, with exactly the checks of tests/run_py_tests.sh: that
# script and a copy of tests/py (helper modules and packages included) go
# to a scratch tree, the scripts not chosen are removed from the copy, and
# the runner runs there.
bin=$1
counts=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tests"
cp "$src/run_py_tests.sh" "$tmp/tests/"
cp -r "$src/py" "$tmp/tests/py"
for f in "$tmp/tests/py/"*.py; do
    name=$(basename "$f" .py)
    keep=$([ $# = 0 ] && echo 1)
    for prefix in "$@"; do
        case $name in "$prefix"*) keep=1 ;; esac
    done
    for skip in $SAN_PY_SKIP; do
        [ "$name" = "$skip" ] && keep=""
    done
    # (a helper module, with no expected output, always stays)
    [ -f "${f%.py}.out" ] || [ -f "${f%.py}.exp" ] || continue
    [ -n "$keep" ] || rm -f "$f"
done
sh "$tmp/tests/run_py_tests.sh" "$bin" "$counts"
