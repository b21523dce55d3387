from itertools import *
import operator
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([5, 1, 7, 3], max)), list(accumulate([1, 2], initial=100)), list(accumulate("abc")))
print(list(chain.from_iterable(["ab", [1, 2], (3,)])), list(chain()), list(compress(range(10), cycle([1, 0]))), list(islice(count(5, -2), 4)), list(islice(count(0.5, 0.25), 3)))
print([list(g) for k, g in groupby(sorted("mississippi"))], [(k, len(list(g))) for k, g in groupby("aaabcccd")], [k for k, g in groupby([1, 1, 2, 2, 1])])
by_len = {k: list(g) for k, g in groupby(sorted(["a", "bb", "cc", "ddd"], key=len), key=len)}; print(by_len)
print(list(filterfalse(lambda x: x % 3, range(10))), list(takewhile(str.isdigit, "123abc456")), list(dropwhile(str.isdigit, "123abc456")), list(starmap(max, [(1, 5), (7, 2)])))
print(list(zip_longest([1, 2, 3], "ab", fillvalue=0)), list(zip_longest("a", [], [1, 2])), list(pairwise([1, 2, 3, 4])), list(pairwise("a")), list(repeat("x", 3)), list(zip(repeat(1), "ab")))
a, b, c = tee(iter([1, 2, 3]), 3); print(next(a), list(b), list(a), list(c)); t1, t2 = tee("xy"); import copy; t3 = copy.copy(t1); print(list(t1), list(t2), list(t3))
print(list(product("ab", repeat=2)), len(list(product(range(3), range(4), range(2)))), list(product([1, 2], [])), list(permutations([1, 2, 3], 2)), list(combinations("abcd", 3)))
print(list(combinations_with_replacement([1, 2, 3], 2)), len(list(permutations(range(5)))), len(list(combinations(range(20), 3))), list(combinations(range(3), 0)))
it = islice("abcdefg", 1, None, 2); print(list(it), list(islice(range(100), 95, 200)), list(islice([], 3)), list(islice(count(), 2, 10, 3)))
cyc = cycle([]); print(list(islice(cyc, 3))); r = repeat(7, 2); print(r, list(r), r)
print(sum(1 for _ in combinations(range(10), 5)), list(map(sum, product([1, 2], [10, 20]))), dict(zip("abc", count(1))), sorted(set(permutations("aab"))))
def primes():
    d = {}
    for q in count(2):
        if q not in d:
            yield q
            d[q * q] = [q]
        else:
            for p in d[q]:
                d.setdefault(p + q, []).append(p)
            del d[q]
print(list(islice(primes(), 15)), list(takewhile(lambda p: p < 30, primes())))
g = groupby([1, 1, 2]); k1, grp1 = next(g); k2, grp2 = next(g); print(k1, list(grp1), k2, list(grp2))
c = count(); next(c); next(c); print(c, next(c)); c2 = count(10, 5); print(c2)
