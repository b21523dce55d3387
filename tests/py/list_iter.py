# iterating lists, reversed(), mutation during iteration
a = [1, 2, 3]
it = iter(a)
print(next(it), next(it), list(it), list(it))
print(type(iter([])).__name__, type(reversed([])).__name__)
it = iter(a)
print(it.__length_hint__())
next(it)
print(it.__length_hint__())
r = reversed(a)
print(r.__length_hint__(), next(r), list(r))
out = []
b = [1, 2, 3]
for x in b:
    out.append(x)
    if x < 3:
        b.append(x + 10)
print(out, b)
c = [1, 2, 3, 4]
for x in c:
    c.remove(x)
print(c)
d = [1, 2, 3]
it = iter(d)
next(it)
d.clear()
print(list(it))
d.extend([7, 8])
print(list(it))
e = [1, 2, 3, 4, 5]
r = reversed(e)
next(r)
del e[:]
print(list(r))
f = [1, 2, 3]
r = reversed(f)
print(next(r))
f.pop()
f.pop()
print(list(r))
print(list(reversed([])), list(reversed([1])), [x * 2 for x in reversed(range(3))])
g = [[1, 2], [3, 4]]
for p, q in g:
    print(p, q)
print(sum([1, 2, 3]), min([4, 2, 8]), max(['a', 'c', 'b']), any([0, 1]), all([]))
h = list(map(str, [1, 2]))
print(h, [i for i in [1, 2, 3] if i % 2], list(zip([1, 2], 'ab')))
x, *y = [1, 2, 3]
print(x, y)
print(*[1, 2, 3])
print([*[1, 2], *(3,), *range(2)])
print(a.__iter__().__next__())
