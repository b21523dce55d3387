# Context managers written as classes: timers, redirecting output, nesting, reuse, exception filtering.
import sys
import io
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *exc):
        self.level -= 1
        return False
    def print(self, text):
        print("    " * self.level + text)
with Indenter() as ind:
    ind.print("one")
    with ind:
        ind.print("two")
        with ind:
            ind.print("three")
    ind.print("back to one")
class Capture:
    def __enter__(self):
        self.old = sys.stdout
        sys.stdout = self.buffer = io.StringIO()
        return self.buffer
    def __exit__(self, et, ev, tb):
        sys.stdout = self.old
        return False
with Capture() as out:
    print("captured line")
    print("second")
print("captured:", out.getvalue().splitlines())
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = []
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught.append(repr(ev))
            return True
        return False
sup = Suppress(KeyError, IndexError)
for action in [lambda: {}["k"], lambda: [][1], lambda: "fine"]:
    with sup:
        print("result:", action())
print(sup.caught)
try:
    with sup:
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
class Transaction:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("begin")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
log = []
with Transaction(log):
    log.append("work")
try:
    with Transaction(log):
        log.append("bad work")
        raise ValueError
except ValueError:
    pass
print(log)
import contextlib
@contextlib.contextmanager
def opened(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")
log = []
with opened("a", log) as a, opened("b", log) as b:
    log.append(a + b)
print(log)
with contextlib.redirect_stdout(io.StringIO()) as f:
    print("hidden")
print("redirected:", repr(f.getvalue()))
