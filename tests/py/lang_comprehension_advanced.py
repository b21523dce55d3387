# Comprehensions in depth: nested, with walrus, dict/set variants, conditional values, flattening, matrix.
data = [("ann", [90, 85]), ("bob", [70, 65, 80]), ("cid", [])]
averages = {name: sum(s) / len(s) for name, s in data if s}
print(averages)
print({name: (sum(s) / len(s) if s else None) for name, s in data})
print([(name, score) for name, scores in data for score in scores if score > 75])
print([[x * y for x in range(1, 4)] for y in range(1, 4)])
flat = [x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row]
print(flat, {x % 3 for x in flat}, {x: x ** 2 for x in flat if x % 2})
print([y for x in range(10) if (y := x * x) % 3 == 0])
words = ["apple", "banana", "cherry", "date"]
print({w[0]: w for w in words}, {len(w) for w in words}, [w.upper() if len(w) > 4 else w for w in words])
print(sorted({c for w in words for c in w if c in "aeiou"}), "".join(w[0] for w in words))
pairs = [(i, j) for i in range(4) for j in range(i + 1, 4)]
print(pairs, len(pairs))
transposed = [[row[i] for row in [[1, 2, 3], [4, 5, 6]]] for i in range(3)]
print(transposed)
primes = [n for n in range(2, 40) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
counts = {ch: "mississippi".count(ch) for ch in sorted(set("mississippi"))}
print(counts, max(counts, key=counts.get))
print([i for i in range(20) if i % 2 if i % 3], [(a, b) for a in "xy" for b in (1, 2) if not (a == "y" and b == 1)])
nested = {k: {v: k * v for v in range(2)} for k in range(1, 3)}
print(nested)
print(list(map(lambda row: sum(row), [[1, 2], [3, 4]])), [sum(row) for row in [[1, 2], [3, 4]]])
