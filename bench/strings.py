"""strings: f-strings, join, split, str.format, % formatting, methods and
concatenation."""
import sys


def run(n):
    total = 0
    parts = []
    for i in range(n):
        s = f"item-{i}: {i * 3:>6} {i / 7:.2f}"
        parts.append(s)
        total += len(s)
    text = "\n".join(parts)
    lines = text.split("\n")
    total += len(lines)
    for line in lines[::10]:
        name, rest = line.split(":", 1)
        total += len(rest.strip().upper()) + name.startswith("item")
        total += len("{}/{:04d}".format(name, len(rest)))
        total += len("%s=%d" % (name, total % 97))
    acc = ""
    for i in range(n // 4):
        acc += str(i % 10)
    total += len(acc) + acc.count("7")
    words = ("alpha beta gamma delta " * (n // 40)).split()
    total += len(" ".join(w.capitalize() for w in words))
    total += len(text.replace("item", "it"))
    return total


N = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
print(run(N))
