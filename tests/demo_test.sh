#!/bin/sh
# tests/demo_test.sh [BINARY [COUNTS_FILE]]: check the shape of the GIL demo
# and of the switches that show the GIL at work (-X gilstats, -X giltrace).
#
# Timings are not deterministic, so instead of comparing output this test
# checks ratios with generous bounds on BINARY (default build/minipy):
#   - scripts/sleep.py: two 0.5 s sleeps in two threads end in < 0.8 s;
#   - scripts/countdown.py, when the GIL is on: two CPU-bound threads take
#     >= 0.8 x the time of the two calls run one after the other;
#   - gilstats: tests/py/gil_stats_check.py under -X gilstats finds that
#     sys._gil_stats() adds up (running + waiting + blocked == lifetime ...);
#   - giltrace-json: the JSON loads (python3), names every thread, and with
#     a GIL no two threads are "running" at the same moment;
#   - giltrace-svg: the picture is well-formed XML with one lane per thread;
#   - giltrace-text: -X giltrace=- prints one row per thread and a legend;
#   - options: bad -X gilstats/giltrace/trace values are fatal errors
#     (exit status 1, CPython's "Fatal Python error: ..." shape).
# Each check gets three attempts (the machine may be busy); it fails only
# if all three fail.  Checks that need python3 pass when it is missing.
# Prints "demo: P passed, F failed", writes "P F" to COUNTS_FILE if given
# (as run_py_tests.sh does) and exits 1 on failure.
bin=${1:-build/minipy}
counts=$2
cd "$(dirname "$0")/.." || exit 1
N=${COUNTDOWN_N:-3000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
have_python3=0
command -v python3 >/dev/null 2>&1 && have_python3=1

field() { awk -v k="$1:" '$1 == k {print $2; exit}' "$2"; }

# A small traced run: countdown in two threads (main + 2 lanes).
traced_run() {
    "$bin" -X giltrace="$1" scripts/countdown.py 300000 >"$tmp/out" 2>"$tmp/err"
}

# fatal_option XOPT: minipy -X XOPT must stop with a fatal error, status 1.
fatal_option() {
    "$bin" -X "$1" -c 'print("ran")' >"$tmp/out" 2>"$tmp/err"
    status=$?
    [ $status = 1 ] && grep -q '^Fatal Python error: config_read_' "$tmp/err" &&
        ! grep -q ran "$tmp/out"
}

# attempt CHECK: run one check once; status 0 if it passes.
attempt() {
    case $1 in
        sleep)
            "$bin" scripts/sleep.py 0.5 2 >"$tmp/out" 2>&1 || return 1
            thr=$(field threaded "$tmp/out")
            awk -v t="$thr" 'BEGIN { exit !(t != "" && t < 0.8) }' ;;
        countdown)
            "$bin" scripts/countdown.py "$N" >"$tmp/out" 2>&1 || return 1
            grep -q 'GIL off' "$tmp/out" && return 0   # no GIL: nothing to check
            seq=$(field sequential "$tmp/out")
            thr=$(field threaded "$tmp/out")
            awk -v s="$seq" -v t="$thr" 'BEGIN { exit !(s > 0 && t >= 0.8 * s) }' ;;
        gilstats)
            "$bin" -X gilstats tests/py/gil_stats_check.py >"$tmp/out" 2>&1 || return 1
            grep -q '^GIL statistics: gil_stats_check.py' "$tmp/out" &&
                grep -q '^total ' "$tmp/out" ;;
        giltrace-json)
            traced_run "$tmp/t.json" || return 1
            [ $have_python3 = 1 ] || return 0
            python3 - "$tmp/t.json" >"$tmp/out" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
ev = d["traceEvents"]
names = {e["tid"]: e["args"]["name"] for e in ev if e["name"] == "thread_name"}
assert len(names) == 3 and "MainThread" in names.values(), names
assert all(n.endswith("(countdown)") for t, n in names.items() if t != 1), names
for tid in names:
    assert any(e["ph"] == "X" and e["tid"] == tid for e in ev), tid
if d["otherData"]["gil_enabled"]:
    run = sorted((e["ts"], e["ts"] + e["dur"]) for e in ev
                 if e["ph"] == "X" and e["name"] == "running")
    assert all(a[1] <= b[0] + 1e-3 for a, b in zip(run, run[1:])), "two threads ran at once"
EOF
            ;;
        giltrace-svg)
            traced_run "$tmp/t.svg" || return 1
            [ "$(grep -c '<g class="lane"' "$tmp/t.svg")" = 3 ] || return 1
            [ $have_python3 = 1 ] || return 0
            python3 -c 'import sys, xml.dom.minidom as m
d = m.parse(sys.argv[1])
lanes = [g for g in d.getElementsByTagName("g") if g.getAttribute("class") == "lane"]
assert d.documentElement.tagName == "svg" and len(lanes) == 3' "$tmp/t.svg" >"$tmp/out" 2>&1 ;;
        giltrace-text)
            traced_run - || return 1
            cp "$tmp/err" "$tmp/out"
            grep -q '^GIL timeline: countdown.py' "$tmp/err" &&
                [ "$(grep -c '(countdown) *|' "$tmp/err")" = 2 ] &&
                grep -q '^MainThread  *|' "$tmp/err" &&
                grep -q 'running Python code' "$tmp/err" ;;
        options)
            for x in giltrace= giltrace=/nonexistent/dir/t.svg giltrace=t.png gilstats=x trace=2; do
                fatal_option "$x" || { echo "-X $x was accepted" >>"$tmp/err"; cp "$tmp/err" "$tmp/out"; return 1; }
            done
            "$bin" -c 'import sys; sys._gil_stats()' >"$tmp/out" 2>&1
            grep -q 'RuntimeError: GIL statistics are off' "$tmp/out" ;;
    esac
}

for check in sleep countdown gilstats giltrace-json giltrace-svg giltrace-text options; do
    ok=0
    for try in 1 2 3; do
        if attempt $check; then ok=1; break; fi
    done
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL demo $check on $bin:"
        sed 's/^/    /' "$tmp/out"
    fi
done
echo "demo: $pass passed, $fail failed"
[ -n "$counts" ] && echo "$pass $fail" >"$counts"
[ $fail = 0 ]
