import re
from collections import Counter, defaultdict

TEXT = """The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs away!"""

words = re.findall(r"[a-z']+", TEXT.lower())
freq = Counter(words)
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(freq.most_common(3))
for length, ws in sorted(by_len.items(), reverse=True)[:3]:
    print(f"{length:2d}: {', '.join(ws)}")
lines = [line.strip() for line in TEXT.splitlines() if line]
print(*lines, sep=" | ")
print("\t".join(["a", "b"]), r"\d+", b"\x00".hex())
