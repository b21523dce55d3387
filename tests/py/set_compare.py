# set comparisons: subset, superset, equality, mixing set and frozenset
a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b < a, b <= a, b > a, b >= a, b < b, b <= b)
print(a < frozenset(b), frozenset(a) < b, frozenset(a) == a, {1} != frozenset([1]))
print({1, 2} < {3, 4}, {1, 2} > {3, 4}, {1, 2} == {3, 4})
print(set() < {1}, set() <= set(), set() == set(), set() < set())
print(a == [1, 2], a != (1, 2), a == {1: 0, 2: 0}.keys())
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: a < [1, 2, 3])
t(lambda: a <= 5)
t(lambda: [1] > a)
print({1, 2.0} == {1.0, 2}, {0} == {False}, {'a'} == {'a'})
print(frozenset([1, 2]) == frozenset([2, 1]), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(sorted([{3}, {1}, {2}], key=min), min({4, 2, 9}), max(frozenset('abc')))
x = {1, 2, 3}
y = {1, 2, 4}
print(x <= y, x >= y, x < y, x > y)
class S(set):
    pass
print(S([1]) == {1}, {1} == S([1]), S([1]) < {1, 2})
