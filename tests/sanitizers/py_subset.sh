#!/bin/sh
# tests/sanitizers/py_subset.sh BINARY COUNTS_FILE PREFIX...
#
# Runs only the tests/py scripts whose names start with one of PREFIX
# (e.g. "thread_ ft_stress_"), with exactly the checks of
# tests/run_py_tests.sh: that script and the chosen tests (with their
# .out/.exp/.err/.code/.in/.args files) are copied to a scratch tree and
# run there.
bin=$1
counts=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tests/py"
cp "$src/run_py_tests.sh" "$tmp/tests/"
for prefix in "$@"; do
    for f in "$src/py/$prefix"*; do
        [ -e "$f" ] && cp "$f" "$tmp/tests/py/"
    done
done
sh "$tmp/tests/run_py_tests.sh" "$bin" "$counts"
