import io, sys
from contextlib import redirect_stdout, redirect_stderr, suppress, closing, nullcontext, ExitStack, contextmanager
out = io.StringIO()
with redirect_stdout(out):
    print("captured")
    print("twice")
print(repr(out.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("e", file=sys.stderr)
print(repr(err.getvalue()))
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e: print("IndexError passes", e)
class Res:
    def __init__(self, n): self.n = n
    def close(self): print("closing", self.n)
with closing(Res(1)) as r: print("using", r.n)
with nullcontext(5) as v: print(v)
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("b") as t: print("inside", t)
try:
    with tag("i"): raise ValueError("boom")
except ValueError as e: print("caught", e)
@contextmanager
def swallow():
    try: yield
    except ValueError: print("swallowed")
with swallow(): raise ValueError
@tag("deco")
def work(): print("working"); return 3
print(work())
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
@contextmanager
def twoyield():
    yield 1
    yield 2
try:
    with twoyield(): pass
except RuntimeError as e: print(e)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "cb", i)
    stack.enter_context(tag("x"))
    print("body")
def fail(*a): raise KeyError("k")
try:
    with ExitStack() as st:
        st.callback(fail)
        raise ValueError("orig")
except KeyError as e: print("KeyError", e, type(e.__context__).__name__)
with ExitStack() as st:
    st.push(lambda *a: True)
    raise ZeroDivisionError
print("suppressed by push")
st = ExitStack(); st.callback(print, "later"); st2 = st.pop_all(); st.close(); print("popped"); st2.close()
try:
    with ExitStack() as st: st.enter_context(5)
except TypeError as e: print(e)
