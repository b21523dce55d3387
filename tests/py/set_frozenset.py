# frozenset: hashing, nesting, construction
print(frozenset(), frozenset([]), frozenset('aab'), frozenset(range(5)), frozenset({1: 2}))
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset(['a', 'b'])))
print(hash(frozenset(range(100))), hash(frozenset([frozenset([1]), frozenset()])))
print(hash(frozenset([-1, -2])), hash(frozenset([2**70, 0.5])), hash(frozenset([(1, 2)])))
f = frozenset([1, 2, 3])
print(frozenset(f) is f, frozenset(iter(f)) == f)
d = {frozenset([1, 2]): 'a', frozenset(): 'empty'}
print(d[frozenset([2, 1])], d[frozenset()])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), frozenset([1]) in s)
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(nested, frozenset([1, 2]) in nested)
def t(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: frozenset([[1]]))
t(lambda: frozenset(1))
t(lambda: frozenset([1], [2]))
t(lambda: frozenset(x=1))
t(lambda: hash(set()))
t(lambda: {{1}})
t(lambda: hash(frozenset([[]])))
print(repr(frozenset()), str(frozenset([1])))
g = frozenset(range(10))
h = g - {0}
print(h, type(h).__name__, g.issuperset(h))
print(frozenset('ab') | frozenset('bc'), frozenset('ab') & frozenset('bc'))
class FS(frozenset):
    pass
fs = FS([1, 2])
print(fs, type(fs).__name__, type(fs | {3}).__name__, type(fs.copy()).__name__, hash(fs) == hash(frozenset([1, 2])))
print(FS() , FS(fs), FS('a') == frozenset('a'))
print(frozenset([1, 2]).__hash__() == hash(frozenset([1, 2])))
e1 = frozenset()
e2 = frozenset([])
print(e1 == e2, hash(e1) == hash(e2))
