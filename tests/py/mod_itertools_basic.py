from itertools import *
for a in [(-1,), (-5,), ("a",), (1,-1), (1,-5), (-1, 2), ("a", 2), (1, "a"), (0, 1, -1), (0,1,"a"), (0, 1, 0)]:
    try: islice([1], *a)
    except Exception as e: print(a, type(e).__name__, e)
print(list(islice(count(), 5)), list(islice(count(10, 3), 2, 10, 3)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', None)))
print([(k, list(g)) for k, g in groupby('aaabbcaa')], [(k, list(g)) for k, g in groupby([1,2,3,4,5], key=lambda x: x//2)])
gs = list(groupby('aabb')); print([list(g) for k, g in gs])
a, b = tee(range(200)); print(sum(a), sum(b))
print(list(permutations('abc')), list(permutations(range(3), 2)), list(permutations([], 0)), list(permutations('ab', 3)))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
c = count(); next(c); print(c, next(count(2**70)), next(count(1.5, 0.5)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
