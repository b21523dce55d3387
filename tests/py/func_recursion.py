# Recursion: factorial, fibonacci with memo, hanoi, permutations, RecursionError.
import sys
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
print(factorial(5), factorial(25), len(str(factorial(300))))

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(15)], fib(200))

moves = []
def hanoi(n, src="A", dst="C", via="B"):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append(f"{src}->{dst}")
    hanoi(n - 1, via, dst, src)
hanoi(4)
print(len(moves), moves[:5])

def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i, item in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([item] + rest)
    return result
print(permutations([1, 2, 3]), len(permutations(list("abcde"))))

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(sorted(power_set([1, 2, 3]), key=lambda x: (len(x), x)))

def binary_search(items, target, lo=0, hi=None):
    hi = len(items) - 1 if hi is None else hi
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == target:
        return mid
    if items[mid] < target:
        return binary_search(items, target, mid + 1, hi)
    return binary_search(items, target, lo, mid - 1)
data = list(range(0, 100, 3))
print(binary_search(data, 42), binary_search(data, 43))

def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit())
old = sys.getrecursionlimit()
sys.setrecursionlimit(50)
try:
    factorial(100)
except RecursionError as e:
    print("limit 50:", type(e).__name__)
sys.setrecursionlimit(old)
print(factorial(100) > 0)

# Mutual recursion.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))
# Recursive data structure walk.
tree = {"value": 1, "children": [{"value": 2, "children": []}, {"value": 3, "children": [{"value": 4, "children": []}]}]}
def total(node):
    return node["value"] + sum(total(c) for c in node["children"])
print(total(tree))
