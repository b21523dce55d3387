def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    less = [x for x in rest if x < pivot]
    more = [x for x in rest if x >= pivot]
    return quicksort(less) + [pivot] + quicksort(more)

def merge_sort(xs):
    if len(xs) < 2:
        return xs[:]
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    out.extend(left[i:] or right[j:])
    return out

data = [5, 3, 8, 1, 9, 2, 7]
assert quicksort(data) == merge_sort(data) == sorted(data), "mismatch"
print(quicksort(data), data[::-1], data[1:-1:2])
