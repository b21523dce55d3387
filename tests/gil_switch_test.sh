#!/bin/sh
# tests/gil_switch_test.sh [BINARY [COUNTS_FILE]]: the PYTHON_GIL / -X gil
# table of README, row by row, on one build (minipy or minipyt, told apart
# by sys.abiflags).  Checks the GIL state a script sees
# (sys._is_gil_enabled(), sys.flags.gil), and for bad settings the exact
# fatal message and exit status 1, as CPython 3.13 prints them.
# Prints "gil switch: P passed, F failed", writes "P F" to COUNTS_FILE.
bin=${1:-build/minipy}
counts=$2
pass=0
fail=0
probe='import sys; print(sys._is_gil_enabled(), sys.flags.gil)'
state='Python runtime state: preinitialized'
fatal_off="Fatal Python error: config_read_gil: Disabling the GIL is not supported by this build
$state"
fatal_bad='Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be "0" or "1"'"
$state"

ft=$(env -u PYTHON_GIL "$bin" -c 'import sys; print(sys.abiflags)')

# row DESCRIPTION EXPECTED_STDOUT EXPECTED_STDERR EXPECTED_STATUS -- COMMAND...
row() {
    desc=$1 want_out=$2 want_err=$3 want_rc=$4
    shift 5
    out=$("$@" 2>/tmp/gil_switch_err.$$)
    rc=$?
    err=$(cat /tmp/gil_switch_err.$$)
    rm -f /tmp/gil_switch_err.$$
    if [ "$out" = "$want_out" ] && [ "$err" = "$want_err" ] && [ "$rc" = "$want_rc" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL gil switch: $desc"
        echo "  got: [$out] [$err] rc=$rc"
        echo "  want: [$want_out] [$want_err] rc=$want_rc"
    fi
}

if [ "$ft" = t ]; then
    row "unset: GIL off" "False None" "" 0 -- env -u PYTHON_GIL "$bin" -c "$probe"
    row "empty counts as unset" "False None" "" 0 -- env PYTHON_GIL= "$bin" -c "$probe"
    row "PYTHON_GIL=0" "False 0" "" 0 -- env PYTHON_GIL=0 "$bin" -c "$probe"
    row "PYTHON_GIL=1: GIL on" "True 1" "" 0 -- env PYTHON_GIL=1 "$bin" -c "$probe"
    row "-X gil=1" "True 1" "" 0 -- env -u PYTHON_GIL "$bin" -X gil=1 -c "$probe"
    row "-X gil=0" "False 0" "" 0 -- env -u PYTHON_GIL "$bin" -X gil=0 -c "$probe"
    row "-X gil wins over PYTHON_GIL" "True 1" "" 0 -- env PYTHON_GIL=0 "$bin" -X gil=1 -c "$probe"
    row "-X gil=0 wins over PYTHON_GIL=1" "False 0" "" 0 -- env PYTHON_GIL=1 "$bin" -X gil=0 -c "$probe"
    row "-E ignores PYTHON_GIL" "False None" "" 0 -- env PYTHON_GIL=1 "$bin" -E -c "$probe"
    row "-VV says free-threading" "yes" "" 0 -- sh -c "'$bin' -VV | grep -q 'free-threading build' && echo yes"
    row "sysconfig Py_GIL_DISABLED is 1" "1" "" 0 -- "$bin" -c 'import sysconfig; print(sysconfig.get_config_var("Py_GIL_DISABLED"))'
else
    row "unset: GIL on" "True 1" "" 0 -- env -u PYTHON_GIL "$bin" -c "$probe"
    row "empty counts as unset" "True 1" "" 0 -- env PYTHON_GIL= "$bin" -c "$probe"
    row "PYTHON_GIL=1" "True 1" "" 0 -- env PYTHON_GIL=1 "$bin" -c "$probe"
    row "-X gil=1" "True 1" "" 0 -- env -u PYTHON_GIL "$bin" -X gil=1 -c "$probe"
    row "PYTHON_GIL=0 is fatal" "" "$fatal_off" 1 -- env PYTHON_GIL=0 "$bin" -c "$probe"
    row "-X gil=0 is fatal" "" "$fatal_off" 1 -- env -u PYTHON_GIL "$bin" -X gil=0 -c "$probe"
    row "PYTHON_GIL=0 with -X gil=1 is still fatal" "" "$fatal_off" 1 -- env PYTHON_GIL=0 "$bin" -X gil=1 -c "$probe"
    row "-E ignores PYTHON_GIL=0" "True 1" "" 0 -- env PYTHON_GIL=0 "$bin" -E -c "$probe"
    row "-VV says nothing of free threading" "no" "" 0 -- sh -c "'$bin' -VV | grep -q 'free-threading' && echo yes || echo no"
    row "sysconfig Py_GIL_DISABLED is 0" "0" "" 0 -- "$bin" -c 'import sysconfig; print(sysconfig.get_config_var("Py_GIL_DISABLED"))'
fi
row "PYTHON_GIL=2 is fatal" "" "$fatal_bad" 1 -- env PYTHON_GIL=2 "$bin" -c "$probe"
row "PYTHON_GIL=x is fatal" "" "$fatal_bad" 1 -- env PYTHON_GIL=x "$bin" -c "$probe"
row "-X gil=2 is fatal" "" "$fatal_bad" 1 -- env -u PYTHON_GIL "$bin" -X gil=2 -c "$probe"

echo "gil switch: $pass passed, $fail failed"
[ -n "$counts" ] && echo "$pass $fail" > "$counts"
[ "$fail" = 0 ]
