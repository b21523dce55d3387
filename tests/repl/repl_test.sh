#!/bin/sh
# tests/repl/repl_test.sh BINARY [COUNTS_FILE]: the interactive prompt,
# driven through a pseudo-terminal like a person typing.
#
# tests/repl/pty_driver.c (compiled here with cc, it does not link with
# minipy) starts BINARY on a pty, types the keys of each script below and
# waits for the expected output: the banner with the build (GIL or
# free-threading), ">>> " and "... " prompts, echoed results and `_`,
# multi-line blocks, a traceback that keeps the session, Ctrl-C cancelling
# a line and interrupting a running loop, Tab completion of names and
# attributes, Ctrl-D on a continuation line, Ctrl-D and SystemExit leaving
# with their exit status, history saved to $HOME/.minipy_history (a
# temporary HOME) and recalled with the Up arrow in the next session, and
# piped stdin running as a script without prompts.  Each check prints a
# FAIL line with the transcript when it fails; the summary is
# "repl: P passed, F failed", and "P F" goes to COUNTS_FILE as
# run_py_tests.sh does.
bin=${1:-build/minipy}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
counts=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
mkdir -p "$tmp/home"

${CC:-cc} -O1 -o "$tmp/pty_driver" "$here/pty_driver.c" -lutil || {
    echo "FAIL repl: cannot compile tests/repl/pty_driver.c"
    [ -n "$counts" ] && echo "0 1" >"$counts"
    exit 1
}

case $("$bin" -VV 2>&1) in
*free-threading*) build="free-threading build" ;;
*) build="GIL build" ;;
esac

# check NAME EXPECTED_STATUS: run the script on stdin; EXPECTED_STATUS is
# what pty_driver prints for the `wait` command ("exit 0").
check() {
    name=$1
    want=$2
    cat >"$tmp/script"
    got=$(cd "$tmp" && HOME="$tmp/home" TERM=xterm "$tmp/pty_driver" "$tmp/transcript" \
        "$bin" <"$tmp/script" 2>"$tmp/driver.err")
    if [ $? = 0 ] && [ "$got" = "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL repl $name on $bin: $(cat "$tmp/driver.err") (status: $got, wanted $want)"
        sed 's/^/    | /' "$tmp/transcript"
        echo
    fi
}

check "banner, prompts, results, _, blocks, traceback" "exit 0" <<EOF
expect Python 3.
expect , $build)
expect >>> 
send 6 * 7\n
expect \r\n42\r\n>>> 
send _ + 1\n
expect \r\n43\r\n>>> 
send None\n
expect None\r\n>>> 
send 'a' * 3\n
expect 'aaa'\r\n>>> 
send for i in range(2):\n
expect ... 
send     print('item', i)\n
expect ... 
send \n
expect item 0\r\nitem 1\r\n>>> 
send def half(x):\n
expect ... 
send \treturn x / 2\n
expect ... 
send \n
expect >>> 
send half(0) + 1/0\n
expect Traceback (most recent call last):
expect File "<stdin>", line 1, in <module>
expect ZeroDivisionError: division by zero\r\n>>> 
send half(5)\n
expect 2.5\r\n>>> 
send x = [1,\n
expect ... 
send  2]\n
expect >>> 
send x\n
expect [1, 2]\r\n>>> 
send \x04
wait
EOF

check "Ctrl-C cancels the line and interrupts a loop" "exit 0" <<'EOF'
expect >>> 
send unfinished line\x03
expect \r\nKeyboardInterrupt\r\n>>> 
send if True:\n
expect ... 
send \x03
expect KeyboardInterrupt\r\n>>> 
send while True: pass\n
expect ... 
send \n
send \x03
expect KeyboardInterrupt\r\n>>> 
send print('still here')\n
expect still here\r\n>>> 
send \x04
wait
EOF

check "Tab completion of names and attributes" "exit 0" <<'EOF'
expect >>> 
send import math\n
expect >>> 
send pri\t
expect print(
send math.sq\t
expect math.sqrt(
send 16))\n
expect 4.0\r\n>>> 
send text = 'abc'\n
expect >>> 
send text.upp\t
expect text.upper(
send )\n
expect 'ABC'\r\n>>> 
send help\n
expect Type help() for interactive help, or help(object) for help about object.\r\n>>> 
send exit\n
expect Use exit() or Ctrl-D (i.e. EOF) to exit\r\n>>> 
send \x04
wait
EOF

check "Ctrl-D on a continuation line, SystemExit status" "exit 3" <<'EOF'
expect >>> 
send [1,\n
expect ... 
send \x04
expect SyntaxError: '[' was never closed\r\n>>> 
send if True:\n
expect ... 
send   print('ran at EOF')\n
expect ... 
send \x04
expect ran at EOF\r\n>>> 
send raise SystemExit(3)\n
wait
EOF

check "history is kept across sessions" "exit 0" <<'EOF'
expect >>> 
send \x1b[A\x1b[A
expect raise SystemExit(3)
send \x15print('history', 2 + 2)\n
expect history 4\r\n>>> 
send \x04
wait
EOF
if ! grep -q "print('history', 2 + 2)" "$tmp/home/.minipy_history" 2>/dev/null; then
    fail=$((fail + 1))
    echo "FAIL repl history file on $bin: $tmp/home/.minipy_history lacks the last command"
else
    pass=$((pass + 1))
fi

# Piped stdin: a script, no banner and no prompts.
out=$(printf 'x = 6\nif x:\n    print(x * 7)\nx\n' | "$bin" 2>&1)
if [ "$out" = "42" ]; then
    pass=$((pass + 1))
else
    fail=$((fail + 1))
    echo "FAIL repl piped stdin on $bin: got '$out', wanted '42'"
fi

echo "repl: $pass passed, $fail failed"
[ -n "$counts" ] && echo "$pass $fail" >"$counts"
[ $fail = 0 ]
