"""Bisection algorithms.

minipy's bisect (CPython: Lib/bisect.py over Modules/_bisectmodule.c):
binary search over sorted sequences, with the optional key function of
Python 3.10.  Each search keeps the invariant a[lo-1] <(=) x <(=) a[hi].
"""


def _check(a, lo, hi):
    if lo < 0:
        raise ValueError('lo must be non-negative')
    return len(a) if hi is None else hi


def insort_right(a, x, lo=0, hi=None, *, key=None):
    'Insert x into the sorted list a after any equal items.'
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """The insertion point for x in sorted a[lo:hi], after any equal items
    (so a[:i] <= x < a[i:]).  key, if given, is applied to the items.
    """
    hi = _check(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    'Insert x into the sorted list a before any equal items.'
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """The insertion point for x in sorted a[lo:hi], before any equal items
    (so a[:i] < x <= a[i:]).  key, if given, is applied to the items.
    """
    hi = _check(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


# Create aliases
bisect = bisect_right
insort = insort_right
