# StopIteration carries the generator's return value, through next(),
# send(), yield from, and a manual iterator; exceptions have a __dict__.

def g():
    yield 1
    return 5

it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("next:", e.value, e.args)

it = g()
print(it.send(None))
try:
    it.send(None)
except StopIteration as e:
    print("send:", e.value)

def outer():
    r = yield from g()
    print("yield from got", r)
    return r * 2

it = outer()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("outer:", e.value)

def bare():
    yield 1
    return

it = bare()
next(it)
try:
    next(it)
except StopIteration as e:
    print("bare:", e.value, e.args)

def tuple_return():
    yield
    return (1, 2)

it = tuple_return()
next(it)
try:
    next(it)
except StopIteration as e:
    print("tuple:", e.value, e.args)

# next() with a default swallows the StopIteration
print(next(g(), "unused"), next(iter([]), "default"))

# StopIteration raised by hand
try:
    raise StopIteration(7, 8)
except StopIteration as e:
    print("manual:", e.value, e.args)

# Exceptions have a __dict__ for arbitrary attributes
class AppError(Exception):
    pass

e = AppError("bad thing", 42)
e.code = 500
e.detail = "details"
print(e.code, e.detail, sorted(e.__dict__.items()), sorted(vars(e)))
print(e, repr(e), e.args)
e.__dict__["extra"] = 1
print(e.extra, hasattr(e, "missing"))

base = ValueError("x")
print(base.__dict__)
base.note = "hi"
print(vars(base))
try:
    base.__dict__ = 5
except TypeError as err:
    print("TypeError", err)
base.__dict__ = {"a": 1}
print(base.a)

# __dict__ attributes survive raising and catching
try:
    err = KeyError("k")
    err.context_info = {"user": "bob"}
    raise err
except KeyError as caught:
    print(caught.context_info, caught)

# __dict__ attributes travel with pickle/copy (BaseException.__setstate__)
import copy
import pickle
e = ValueError("x")
e.code = 3
e2 = pickle.loads(pickle.dumps(e))
print(repr(e2), e2.code, copy.copy(e).code)
e.__setstate__({"a": 1})
print(e.a, e.__setstate__(None))
try:
    e.__setstate__(5)
except TypeError as err:
    print("TypeError:", err)
print("__setstate__" in dir(ValueError), "__dict__" in dir(KeyError()))
