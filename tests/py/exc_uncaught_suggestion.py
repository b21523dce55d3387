# An uncaught NameError from a typo: CPython 3.11 suggests the right name.
numbers = [3, 1, 2]
total = sum(numbers)
print("total:", total)
print("average:", totl / len(numbers))
