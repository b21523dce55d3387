# Reading stdin the ways scripts do: sys.stdin.readline, iteration, read.
import sys
first = sys.stdin.readline()
print(repr(first))
second = sys.stdin.readline().strip()
print(second.split(","))
count = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    if line == "STOP":
        break
    count += 1
    print(f"{count}: {line.upper()}")
rest = sys.stdin.read()
print(repr(rest))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin.isatty(), sys.stdin.name if hasattr(sys.stdin, "name") else "<stdin>")
