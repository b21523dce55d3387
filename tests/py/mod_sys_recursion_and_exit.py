# sys.exit inside functions, SystemExit caught, sys.exit codes, atexit handlers, exit status 2.
import sys
import atexit
atexit.register(lambda: print("atexit handler runs last"))
def check(code):
    try:
        sys.exit(code)
    except SystemExit as e:
        return (type(e.code).__name__, e.code)
print([check(c) for c in (0, 1, "message", None, 3.5)])
try:
    raise SystemExit(5, "extra")
except SystemExit as e:
    print(e.code, e.args)
def deep(n):
    if n == 0:
        sys.exit(2)
    deep(n - 1)
try:
    deep(5)
except SystemExit as e:
    print("caught exit from depth", e.code)
print("exiting with 2")
sys.exit(2)
