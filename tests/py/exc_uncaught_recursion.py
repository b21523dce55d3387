# Uncaught RecursionError: the traceback folds the repeated lines.
def countdown(n):
    return countdown(n - 1)

print("start")
countdown(10)
