# Conditional expressions, short-circuit evaluation and truthiness in realistic code.
def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
def safe_div(a, b):
    return a / b if b else float("inf") if a > 0 else float("-inf") if a < 0 else float("nan")
print(safe_div(1, 2), safe_div(1, 0), safe_div(-1, 0), str(safe_div(0, 0)))
calls = []
def check(name, value):
    calls.append(name)
    return value
result = check("a", 0) and check("b", 1)
print(result, calls)
calls.clear()
result = check("a", 0) or check("b", "") or check("c", "found")
print(result, calls)
user = {"name": ""}
display = user.get("name") or "anonymous"
print(display, user.get("age") is None and "no age", [] or {} or "default")
items = None
count = len(items) if items is not None else 0
print(count, (items or []).__len__())
x = 5
print("positive" if x > 0 else "non-positive", "even" if x % 2 == 0 else "odd")
print(*(f"{n}:{'fizz' if n % 3 == 0 else n}" for n in range(1, 7)))
nested = [[1, 2], [], [3]]
print([sub[0] if sub else None for sub in nested], [len(s) or "empty" for s in nested])
max_val = lambda a, b: a if a >= b else b
print(max_val(3, 7), max_val("b", "a"), max_val(2.5, 2.5))
print(1 if [] else 2, 1 if [0] else 2, "yes" if "0" else "no", "yes" if 0.0 else "no")
