# enumerate, zip, map, filter, sorted, reversed, any, all, iter (sentinel), next (default).
names = ["ann", "bob", "cid"]
ages = [31, 25]
print(list(enumerate(names)), list(enumerate(names, start=1)), dict(enumerate("ab", 10)))
print(list(zip(names, ages)), list(zip(names, ages, "xy")), list(zip()), list(zip(names)))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(map(len, names)), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, "ab", "cde")))
print(list(filter(None, [0, 1, "", "x", None, []])), list(filter(lambda n: n % 2, range(6))), list(filter(str.isdigit, "a1b2")))
print(sorted(names, key=len, reverse=True), list(reversed(names)), list(reversed(range(3))), list(reversed("abc")))
print(any([]), all([]), any([0, "", 3]), all([1, "a", [0]]), any(x > 2 for x in [1, 2, 3]), all(map(str.islower, names)))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(1, [1])
    list(map(1, [1]))
except TypeError as e:
    print(type(e).__name__, e)

# iter(callable, sentinel)
values = [3, 2, 1, 0, 5]
pos = -1
def reader():
    global pos
    pos += 1
    return values[pos]
print(list(iter(reader, 0)))
import functools
chunks = iter(functools.partial(lambda it: next(it, ""), iter(["ab", "cd", ""])), "")
print(list(chunks))

# Iterators are single-use; lists are not.
m = map(str, range(3))
print(list(m), list(m), type(m).__name__, type(zip()).__name__, type(enumerate([])).__name__, type(reversed([])).__name__)
z = zip("ab", "xy")
print(next(z), list(z))
e = enumerate("xy")
print(iter(e) is e, next(e))

# Unzipping and pairwise patterns.
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, words = zip(*pairs)
print(nums, words, list(zip(nums, nums[1:])))
print(dict(map(reversed, pairs)), {k: v for k, v in pairs if k > 1})
print(sum(map(int, "1 2 3".split())), max(map(len, words)), min(zip([3, 1], "ab")))
# sorted/min/max with key and default.
print(min([], default="empty"), max("hello"), max([1, 3, 2], key=lambda v: -v), min("b", "a", "c"))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min()
except TypeError as e:
    print(type(e).__name__, e)
print(sum([[1], [2]], []), sum(range(5), 10), sum([0.1] * 10), sum((), 0.5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
