# Word frequencies with dict, Counter, defaultdict and sorting by count.
from collections import Counter, defaultdict
text = """Python is a programming language that lets you work quickly
and integrate systems more effectively. Python is powerful, and fast;
plays well with others; runs everywhere; is friendly and easy to learn."""
words = [w.strip(".,;").lower() for w in text.split()]
manual = {}
for w in words:
    manual[w] = manual.get(w, 0) + 1
top = sorted(manual.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
c = Counter(words)
print(c.most_common(3), c["python"], c["missing"], len(c), sum(c.values()))
by_length = defaultdict(list)
for w in sorted(set(words)):
    by_length[len(w)].append(w)
print(dict(sorted(by_length.items()))[2], max(by_length), by_length[max(by_length)])
letters = Counter(ch for ch in text.lower() if ch.isalpha())
print(letters.most_common(5), "".join(sorted(letters))[:10])
c2 = Counter("mississippi")
print(c2, c2 + Counter("sip"), c2 - Counter("ss"), list(c2.elements())[:6], c2 & Counter("ppx"))
first_seen = {}
for i, w in enumerate(words):
    first_seen.setdefault(w, i)
print(sorted(first_seen, key=first_seen.get)[:6])
lines = text.splitlines()
print([len(line.split()) for line in lines], max(lines, key=len)[:20])
print(sorted(set(words) - {"is", "and", "a", "to"})[:8])
