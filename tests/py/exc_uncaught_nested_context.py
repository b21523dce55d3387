# Three chained exceptions, implicit context: all three tracebacks, oldest first.
def parse(text):
    return int(text)
def load(text):
    try:
        return parse(text)
    except ValueError:
        raise KeyError(text)
def main():
    try:
        load("x")
    except KeyError as e:
        raise RuntimeError("could not load") from e
try:
    main()
finally:
    print("cleanup runs before the traceback")
