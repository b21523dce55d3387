import contextlib, io, sys
from contextlib import contextmanager, ExitStack, suppress, closing, nullcontext, redirect_stdout, AbstractContextManager, ContextDecorator
@contextmanager
def managed(name, log):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"exit {name}")
log = []
with managed("a", log) as v: log.append(v)
with managed("b", log): raise KeyError("k")
try:
    with managed("c", log): raise ValueError("v")
except ValueError: log.append("propagated")
print(log)
class Timer(ContextDecorator):
    def __enter__(self): print("start"); return self
    def __exit__(self, *exc): print("stop", exc[0].__name__ if exc[0] else None); return False
@Timer()
def work(x): print("work", x); return x * 2
print(work(3))
with Timer() as t: print(type(t).__name__)
class Res(AbstractContextManager):
    def __exit__(self, *a): print("res exit"); return None
with Res() as r: print(type(r).__name__, isinstance(r, AbstractContextManager), issubclass(io.StringIO, AbstractContextManager))
with ExitStack() as stack:
    files = [stack.enter_context(io.StringIO(f"f{i}")) for i in range(3)]
    stack.callback(print, "callback ran")
    @stack.push
    def on_exit(et, ev, tb): print("pushed exit", et); return False
    print([f.read() for f in files])
print([f.closed for f in files])
def cleanup(n): print("cleanup", n)
with ExitStack() as stack:
    for i in range(3): stack.callback(cleanup, i)
    saved = stack.pop_all()
print("before close"); saved.close()
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("original")
except ZeroDivisionError as e: print("ZeroDivisionError", type(e.__context__).__name__)
with suppress(FileNotFoundError, KeyError): {}["x"]
with suppress(): pass
print("suppressed")
buf = io.StringIO()
with redirect_stdout(buf): print("hidden"); print(42)
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err): print("to stderr", file=sys.stderr)
print(repr(err.getvalue()))
with nullcontext() as n: print(n)
with nullcontext("value") as n: print(n)
class Conn:
    def close(self): print("closed conn")
with closing(Conn()) as c: print(type(c).__name__)
@contextmanager
def bad_gen():
    yield 1
    yield 2
try:
    with bad_gen(): pass
except RuntimeError as e: print(e)
@contextmanager
def reraise():
    try: yield
    except ZeroDivisionError: raise ValueError("converted")
try:
    with reraise(): 1 / 0
except ValueError as e: print(e, type(e.__context__).__name__)
import os
before = os.getcwd()
with contextlib.chdir("/"): print(os.getcwd())
print(os.getcwd() == before)
