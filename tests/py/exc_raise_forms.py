# raise with classes and instances, re-raising, exceptions as values, raise in expressions.
def check(v):
    if not isinstance(v, int):
        raise TypeError(f"expected int, got {type(v).__name__}")
    if v < 0:
        raise ValueError
    return v
for v in [5, -1, "x"]:
    try:
        print(check(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, repr(e), e.args)
errors = []
for exc_class in (KeyError, IndexError, ZeroDivisionError):
    try:
        raise exc_class("stored")
    except LookupError as e:
        errors.append(e)
    except ArithmeticError as e:
        errors.append(e)
print([type(e).__name__ for e in errors], [str(e) for e in errors])
try:
    raise errors[0]
except KeyError as e:
    print("re-raised stored", e is errors[0])
def wrapper():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    raise err
try:
    wrapper()
except ZeroDivisionError as e:
    print("raised outside handler:", e)
def conditional(flag):
    return "ok" if flag else (_ for _ in ()).throw(RuntimeError("from generator throw"))
print(conditional(True))
try:
    conditional(False)
except RuntimeError as e:
    print(type(e).__name__, e)
class MyErr(Exception):
    pass
try:
    raise MyErr
except MyErr as e:
    print(repr(e), type(e) is MyErr)
try:
    raise MyErr("a", "b") from KeyError("cause")
except MyErr as e:
    print(e.args, repr(e.__cause__))
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise e
except ValueError as e:
    print("same object:", str(e))
e = ValueError("not raised")
print(e.__traceback__, e.__context__, e.__cause__)
try:
    raise Exception("multiple", "args", 3)
except Exception as e:
    print(e, e.args[2])
