# print() and input() when sys.stdout / sys.stdin / sys.stderr are None or
# missing: None is a silent no-op for print, a missing stream raises
# RuntimeError("lost sys.stdout").
import sys

real_out = sys.stdout
sys.stdout = None
print("goes nowhere")
print("also nowhere", file=None)
sys.stdout = real_out
print("visible again")

del sys.stdout
try:
    print("x")
except RuntimeError as e:
    real_out.write("RuntimeError: %s\n" % e)
try:
    input("prompt")
except RuntimeError as e:
    real_out.write("RuntimeError: %s\n" % e)
sys.stdout = None
try:
    input("prompt")
except RuntimeError as e:
    real_out.write("RuntimeError: %s\n" % e)
sys.stdout = real_out

real_in = sys.stdin
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print("RuntimeError:", e)
del sys.stdin
try:
    input()
except RuntimeError as e:
    print("RuntimeError:", e)
sys.stdin = real_in

# print to a file object given explicitly still works without sys.stdout
sys.stdout = None
print("explicit", file=real_out)
sys.stdout = real_out

# sys.stderr = None silences the final traceback (exit status stays 1)
sys.stderr = None
print("about to fail")
raise ValueError("not shown")
