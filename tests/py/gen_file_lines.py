# Reading files lazily: generators over lines, iter(readline, ''), filtering and numbering.
import os
path = "/tmp/_minipy_gen_lines.txt"
with open(path, "w") as f:
    for i in range(1, 11):
        f.write(f"{'# comment' if i % 4 == 0 else f'value {i * i}'}\n")
def read_values(filename):
    with open(filename) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            yield int(line.split()[1])
print(list(read_values(path)), sum(read_values(path)), max(read_values(path)))
with open(path) as f:
    first_three = [line.rstrip() for _, line in zip(range(3), f)]
    rest = f.readline().rstrip()
print(first_three, repr(rest))
with open(path) as f:
    lines = list(iter(f.readline, ""))
print(len(lines), lines[-1].rstrip())
def numbered(filename, start=1):
    with open(filename) as f:
        yield from enumerate((l.rstrip("\n") for l in f), start)
for n, text in numbered(path):
    if n % 3 == 0:
        print(n, text)
gen = read_values(path)
print(next(gen), next(gen))
gen.close()
print("generator closed, file closed by with")
with open(path, "rb") as f:
    chunks = list(iter(lambda: f.read(16), b""))
print(len(chunks), chunks[0])
os.remove(path)
