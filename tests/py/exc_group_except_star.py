# ExceptionGroup / BaseExceptionGroup and except* (PEP 654): matching,
# splitting, wrapping naked exceptions, re-raising what no clause handled,
# exceptions raised inside clauses, and the errors CPython reports.
import sys
def show(label, e):
    print(label, type(e).__name__, repr(e))
try:
    raise ExceptionGroup("group", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    show("values", eg)
    print(sys.exc_info()[1] is eg)
except* TypeError as eg:
    show("types", eg)
print("after")
try:
    raise ValueError("naked")
except* ValueError as eg:
    show("naked", eg)
    print(repr(eg.exceptions[0]), eg.__traceback__ is not None)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")
except ExceptionGroup as e:
    show("rest", e)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("new")
except Exception as e:
    show("raised", e)
    show("ctx", e.__context__)
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError as t:
        raise KeyError("k")
except Exception as e:
    show("mixed", e)
try:
    try:
        raise TypeError("only")
    except* ValueError:
        print("no")
except TypeError as e:
    show("unmatched naked", e)
for bad in ("ExceptionGroup", "(ValueError, ExceptionGroup)", "int"):
    try:
        try:
            raise ValueError()
        except* eval(bad):
            pass
    except TypeError as e:
        print("TypeError:", e)
try:
    raise ExceptionGroup("nested", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
except* ValueError as v:
    show("nested values", v)
except* TypeError as t:
    show("nested types", t)
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* (ValueError, TypeError) as e:
    show("tuple", e)
else:
    print("else")
finally:
    print("finally")
try:
    pass
except* ValueError:
    pass
else:
    print("no exception else")
for src in ("for i in range(2):\n    try:\n        pass\n    except* ValueError:\n        break", "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1", "try:\n    pass\nexcept* ValueError:\n    for i in range(3):\n        break\n"):
    try:
        compile(src, "s", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e)
eg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(eg).__name__, eg.split(ValueError), eg.subgroup(KeyboardInterrupt))
for args in [("m", []), (1, [ValueError()]), ("m", [1]), ("m", ValueError()), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message, excs)
m, r = MyEG("mine", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, type(r).__name__, repr(m))
e = ExceptionGroup("n", [ValueError(1)])
e.add_note("note!")
m, r = e.split(ValueError)
print(m.__notes__, r)
print(ExceptionGroup[int], issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
