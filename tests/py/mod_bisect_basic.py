import bisect
a = [1, 2, 4, 4, 4, 7, 9]
print([bisect.bisect_left(a, x) for x in (0, 1, 4, 5, 9, 10)], [bisect.bisect_right(a, x) for x in (0, 1, 4, 5, 9, 10)], bisect.bisect(a, 4), bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 4, hi=2))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b); bisect.insort_left(b, 5); bisect.insort_right(b, 5.0); print(b)
records = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(records, 3, key=lambda r: r[1]), bisect.bisect_right(records, 3, key=lambda r: r[1]))
bisect.insort(records, ("x", 4), key=lambda r: r[1]); print(records)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
for bad in [lambda: bisect.bisect_left(a, 1, -1), lambda: bisect.bisect([1, "a"], 0) if False else bisect.bisect(None, 1), lambda: bisect.insort((1, 2), 3)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(bisect.bisect_left("acegi", "d"), bisect.bisect_right(range(0, 100, 10), 35), bisect.bisect([1.5, 2.5], 2))
