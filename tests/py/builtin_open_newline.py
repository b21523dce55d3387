# open(newline=...): "" keeps "\r\n" when reading, "\r\n" translates "\n" when writing, errors.
p = "/tmp/_nl_test.txt"
with open(p, "w", newline="\r\n") as f:
    print(f.write("a\nb\n"), end=" ")
    print("c", file=f)
print(open(p, "rb").read())
with open(p, newline="") as f:
    print(f.readlines())
with open(p) as f:
    print(f.readlines(), repr(f.read()))
with open(p, newline="") as f:
    print([line for line in f], end=" ")
    f.seek(0)
    print(repr(f.read(3)))
for bad in [5, "x"]:
    try:
        open(p, newline=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    open(p, "rb", newline="")
except ValueError as e:
    print(type(e).__name__, e)
import os; os.remove(p)
