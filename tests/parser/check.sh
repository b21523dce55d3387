#!/bin/sh
# tests/parser/check.sh [ASTDUMP]
#
# Compares minipy's parser with CPython's (python3, 3.11):
#   tests/parser/*.py         astdump -a FILE  vs  ast.dump(ast.parse(src),
#                             include_attributes=True): the tree and every
#                             node's position must be identical;
#   tests/parser/errors/*.py  astdump FILE     vs  compile(src): the same
#                             exception type, message, lineno, offset,
#                             end_lineno and end_offset.
# ASTDUMP defaults to build/gil/tools/astdump (`make tools`).
# Prints one line per failure and ends with "N passed, M failed".
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dump=${1:-$root/build/gil/tools/astdump}
py=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One python3 run writes every expected output into $tmp.
"$py" -W ignore - "$here" "$tmp" <<'PY' || exit 1
import ast, os, sys
here, out = sys.argv[1], sys.argv[2]
def error_line(e):
    if isinstance(e, SyntaxError):
        return f"{type(e).__name__}: {e.msg} ({e.lineno}, {e.offset}, {e.end_lineno}, {e.end_offset})"
    return f"{type(e).__name__}: {e} (0, 0, 0, 0)"
for sub in ("", "errors"):
    d = os.path.join(here, sub)
    for name in sorted(os.listdir(d)):
        if not name.endswith(".py"):
            continue
        src = open(os.path.join(d, name), "rb").read()
        try:
            if sub:
                compile(src, name, "exec")
                text = "no error"
            else:
                text = ast.dump(ast.parse(src), include_attributes=True)
        except (SyntaxError, RecursionError, MemoryError, ValueError) as e:
            text = error_line(e)
        with open(os.path.join(out, (sub + "_" if sub else "") + name + ".exp"), "w") as f:
            f.write(text + "\n")
PY

pass=0
fail=0
for f in "$here"/*.py "$here"/errors/*.py; do
    [ -e "$f" ] || continue
    name=$(basename "$f")
    case $f in
    */errors/*) exp=$tmp/errors_$name.exp; flags="" ;;
    *) exp=$tmp/$name.exp; flags="-a" ;;
    esac
    "$dump" $flags "$f" > "$tmp/got" 2>&1
    if cmp -s "$exp" "$tmp/got"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL ${f#$root/}"
        if [ -n "${VERBOSE:-}" ]; then
            echo "  expected: $(head -c 600 "$exp")"
            echo "  got:      $(head -c 600 "$tmp/got")"
        fi
    fi
done
echo "check.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
