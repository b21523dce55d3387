# Generator pipelines over text, stateful iterators, generators inside classes.
log = """INFO start
ERROR disk full
INFO retry
WARNING slow
ERROR disk full
INFO done""".splitlines()
def parse(lines):
    for number, line in enumerate(lines, 1):
        level, _, message = line.partition(" ")
        yield number, level, message
def only(level, records):
    return (r for r in records if r[1] == level)
def dedupe(records):
    seen = set()
    for r in records:
        if r[2] not in seen:
            seen.add(r[2])
            yield r
print(list(only("ERROR", parse(log))))
print(list(dedupe(only("ERROR", parse(log)))))
counts = {}
for _, level, _ in parse(log):
    counts[level] = counts.get(level, 0) + 1
print(counts)
class Tree:
    def __init__(self, value, *children):
        self.value, self.children = value, children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
    def leaves(self):
        if not self.children:
            yield self.value
        for child in self.children:
            yield from child.leaves()
t = Tree(1, Tree(2, Tree(4)), Tree(3, Tree(5), Tree(6)))
print(list(t), list(t.leaves()), sum(t), max(t), 5 in t)
def running_average():
    total = count = 0
    value = yield
    while True:
        total += value
        count += 1
        value = yield total / count
avg = running_average()
next(avg)
print([avg.send(v) for v in [10, 20, 30, 40]])
def chunked(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunked(range(7), 3)), list(chunked([], 2)))
def window(seq, n):
    it = iter(seq)
    win = [next(it) for _ in range(n)]
    yield tuple(win)
    for x in it:
        win = win[1:] + [x]
        yield tuple(win)
print(list(window("abcde", 3)))
gen = (x for x in range(3))
print(list(zip(gen, gen)))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
def launcher():
    result = yield from countdown(3)
    yield result
print(list(launcher()))
