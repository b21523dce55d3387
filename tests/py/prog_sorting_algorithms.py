# Classic sorting algorithms written by hand, checked against sorted().
import random
def bubble_sort(a):
    a = list(a)
    for i in range(len(a)):
        swapped = False
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
def insertion_sort(a):
    a = list(a)
    for i in range(1, len(a)):
        key, j = a[i], i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
def quick_sort(a):
    if len(a) <= 1:
        return list(a)
    pivot, *rest = a
    return quick_sort([x for x in rest if x < pivot]) + [pivot] + quick_sort([x for x in rest if x >= pivot])
def selection_sort(a):
    a = list(a)
    for i in range(len(a)):
        m = min(range(i, len(a)), key=a.__getitem__)
        a[i], a[m] = a[m], a[i]
    return a
def counting_sort(a):
    if not a:
        return []
    lo = min(a)
    counts = [0] * (max(a) - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [i + lo for i, c in enumerate(counts) for _ in range(c)]
random.seed(7)
data = [random.randint(-50, 50) for _ in range(40)]
print(data)
for sort in [bubble_sort, insertion_sort, merge_sort, quick_sort, selection_sort, counting_sort]:
    result = sort(data)
    print(f"{sort.__name__:<15} {result == sorted(data)} {result[:6]}")
print(merge_sort([]), quick_sort([1]), bubble_sort("hello"), insertion_sort([3.5, -1, 2]))
words = "the quick brown fox jumps over the lazy dog".split()
print(merge_sort(words), quick_sort(words) == sorted(words))
