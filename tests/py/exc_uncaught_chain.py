# An uncaught exception with an explicit cause: both tracebacks on stderr, exit 1.
def read_config(text):
    return dict(line.split("=") for line in text.splitlines())

def load():
    try:
        return read_config("a=1\nbroken")
    except ValueError as e:
        raise RuntimeError("configuration is invalid") from e

print("loading")
load()
print("not reached")
