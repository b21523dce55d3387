# A traceback through several frames, a lambda and a comprehension.
def average(values):
    return sum(values) / len(values)

def report(groups):
    return {name: average(vals) for name, vals in groups.items()}

groups = {"a": [1, 2, 3], "b": []}
fmt = lambda g: report(g)
print("start")
print(fmt(groups))
